/* portada-word-diff.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-word-diff.h"

static void
clear_span (gpointer data)
{
  g_free (((PortadaDiffSpan *) data)->text);
}

/* Appends, merging with the last span when it is of the same kind. */
static void
append (GArray *out, PortadaDiffKind kind, const char *text, gssize len)
{
  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return;
  if (out->len > 0)
    {
      PortadaDiffSpan *last = &g_array_index (out, PortadaDiffSpan, out->len - 1);
      if (last->kind == kind)
        {
          g_autofree char *before = last->text;
          last->text = g_strdup_printf ("%s%.*s", before, (int) len, text);
          return;
        }
    }
  {
    PortadaDiffSpan span = { kind, g_strndup (text, len) };
    g_array_append_val (out, span);
  }
}

/* Tokens: runs of non-space characters (words) and runs of spaces, so that the
 * tokens of a text put together give it back. */
static GPtrArray *
tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = text, *start = text;

  while (*p)
    {
      gboolean space = g_ascii_isspace (*p);
      start = p;
      while (*p && (g_ascii_isspace (*p) != 0) == space)
        p++;
      g_ptr_array_add (tokens, g_strndup (start, p - start));
    }
  return tokens;
}

/* A longest common subsequence of @a and @b (strings), appended as spans. */
static void
lcs_append (GArray *out, char **a, guint n, char **b, guint m)
{
  g_autofree guint *len = g_new0 (guint, (gsize) (n + 1) * (m + 1));
  guint i = 0, j = 0;

#define LEN(x, y) len[(gsize) (x) * (m + 1) + (y)]
  for (int x = (int) n - 1; x >= 0; x--)
    for (int y = (int) m - 1; y >= 0; y--)
      LEN (x, y) = strcmp (a[x], b[y]) == 0 ? LEN (x + 1, y + 1) + 1
                                            : MAX (LEN (x + 1, y), LEN (x, y + 1));
  while (i < n || j < m)
    {
      PortadaDiffKind kind;
      const char *text;

      if (i < n && j < m && strcmp (a[i], b[j]) == 0)
        kind = PORTADA_DIFF_SAME, text = a[i], i++, j++;
      else if (j >= m || (i < n && LEN (i + 1, j) >= LEN (i, j + 1)))
        kind = PORTADA_DIFF_REMOVED, text = a[i++];
      else
        kind = PORTADA_DIFF_ADDED, text = b[j++];
      append (out, kind, text, -1);
    }
#undef LEN
}

static guint
count_words (GPtrArray *tokens)
{
  guint n = 0;

  for (guint i = 0; i < tokens->len; i++)
    if (!g_ascii_isspace (((char *) tokens->pdata[i])[0]))
      n++;
  return n;
}

/* The words of one changed stretch: @old_block removed, @new_block added. */
static void
diff_block (GArray *out, const char *old_block, const char *new_block)
{
  g_autoptr (GPtrArray) a = tokenize (old_block);
  g_autoptr (GPtrArray) b = tokenize (new_block);

  if (count_words (a) > PORTADA_DIFF_MAX_WORDS || count_words (b) > PORTADA_DIFF_MAX_WORDS)
    {
      append (out, PORTADA_DIFF_REMOVED, old_block, -1);
      append (out, PORTADA_DIFF_ADDED, new_block, -1);
      return;
    }
  lcs_append (out, (char **) a->pdata, a->len, (char **) b->pdata, b->len);
}

/* The line diff, as lines ending in "\n" each marked. */
static GArray *
line_diff (GStrv a, guint n, GStrv b, guint m)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (PortadaDiffSpan));

  g_array_set_clear_func (lines, clear_span);
  if (n > PORTADA_DIFF_MAX_LINES || m > PORTADA_DIFF_MAX_LINES)
    {
      for (guint i = 0; i < n; i++)
        g_array_append_val (lines, ((PortadaDiffSpan){ PORTADA_DIFF_REMOVED, g_strdup (a[i]) }));
      for (guint j = 0; j < m; j++)
        g_array_append_val (lines, ((PortadaDiffSpan){ PORTADA_DIFF_ADDED, g_strdup (b[j]) }));
      return lines;
    }
  {
    g_autofree guint *len = g_new0 (guint, (gsize) (n + 1) * (m + 1));
    guint i = 0, j = 0;
#define LEN(x, y) len[(gsize) (x) * (m + 1) + (y)]
    for (int x = (int) n - 1; x >= 0; x--)
      for (int y = (int) m - 1; y >= 0; y--)
        LEN (x, y) = strcmp (a[x], b[y]) == 0 ? LEN (x + 1, y + 1) + 1
                                              : MAX (LEN (x + 1, y), LEN (x, y + 1));
    while (i < n || j < m)
      {
        PortadaDiffSpan l;
        if (i < n && j < m && strcmp (a[i], b[j]) == 0)
          l = (PortadaDiffSpan){ PORTADA_DIFF_SAME, g_strdup (a[i]) }, i++, j++;
        else if (j >= m || (i < n && LEN (i + 1, j) >= LEN (i, j + 1)))
          l = (PortadaDiffSpan){ PORTADA_DIFF_REMOVED, g_strdup (a[i++]) };
        else
          l = (PortadaDiffSpan){ PORTADA_DIFF_ADDED, g_strdup (b[j++]) };
        g_array_append_val (lines, l);
      }
#undef LEN
  }
  return lines;
}

/* Splits keeping each line's "\n" with it. */
static GStrv
split_lines (const char *text, guint *n)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = text;

  *n = 0;
  while (*p)
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl ? nl + 1 : p + strlen (p);
      g_autofree char *line = g_strndup (p, end - p);
      g_strv_builder_add (builder, line);
      (*n)++;
      p = end;
    }
  return g_strv_builder_end (builder);
}

GArray *
portada_word_diff (const char *old_text, const char *new_text)
{
  guint n, m;
  g_auto (GStrv) a = split_lines (old_text ? old_text : "", &n);
  g_auto (GStrv) b = split_lines (new_text ? new_text : "", &m);
  g_autoptr (GArray) lines = line_diff (a, n, b, m);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PortadaDiffSpan));
  g_autoptr (GString) removed = g_string_new (NULL);
  g_autoptr (GString) added = g_string_new (NULL);

  g_array_set_clear_func (out, clear_span);
  for (guint i = 0; i <= lines->len; i++)
    {
      PortadaDiffSpan *l = i < lines->len ? &g_array_index (lines, PortadaDiffSpan, i) : NULL;

      if (l && l->kind == PORTADA_DIFF_REMOVED)
        g_string_append (removed, l->text);
      else if (l && l->kind == PORTADA_DIFF_ADDED)
        g_string_append (added, l->text);
      else
        {
          /* A changed stretch ends: compare its words. */
          if (removed->len || added->len)
            diff_block (out, removed->str, added->str);
          g_string_truncate (removed, 0);
          g_string_truncate (added, 0);
          if (l)
            append (out, PORTADA_DIFF_SAME, l->text, -1);
        }
    }
  return out;
}

void
portada_word_diff_count (GArray *diff, guint *added, guint *removed)
{
  guint plus = 0, minus = 0;

  for (guint i = 0; diff && i < diff->len; i++)
    {
      PortadaDiffSpan *s = &g_array_index (diff, PortadaDiffSpan, i);
      g_autoptr (GPtrArray) tokens = NULL;

      if (s->kind == PORTADA_DIFF_SAME)
        continue;
      tokens = tokenize (s->text);
      if (s->kind == PORTADA_DIFF_ADDED)
        plus += count_words (tokens);
      else
        minus += count_words (tokens);
    }
  if (added)
    *added = plus;
  if (removed)
    *removed = minus;
}
