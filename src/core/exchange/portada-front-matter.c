/* portada-front-matter.c: a small, strict reader and a safe writer of YAML front matter.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Front matter is a YAML mapping of simple values; this reads that subset and
 * refuses, with the line number, anything else (anchors, nested mappings,
 * tags), rather than guessing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-error.h"
#include "portada-front-matter.h"

void
portada_yaml_append_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : "", *next; *p; p = next)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* A bad byte: replaced, and the next byte read on its own. */
          g_string_append (out, "\\uFFFD");
          next = p + 1;
          continue;
        }
      next = g_utf8_next_char (p);
      switch (c)
        {
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          default:
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
              g_string_append_printf (out, "\\x%02X", c);
            else if (c == 0x2028 || c == 0x2029 || c == 0xfeff)
              g_string_append_printf (out, "\\u%04X", c);
            else
              g_string_append_len (out, p, next - p);
        }
    }
  g_string_append_c (out, '"');
}

static void
yaml_value_free (PortadaYamlValue *v)
{
  if (v == NULL)
    return;
  g_free (v->scalar);
  g_strfreev (v->list);
  g_free (v);
}

gboolean
portada_yaml_parse_bool (const char *s, gboolean *value)
{
  static const char *const yes[] = { "true", "yes", "on" };
  static const char *const no[] = { "false", "no", "off" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (s, yes[i]) == 0)
        return *value = TRUE, TRUE;
      if (g_ascii_strcasecmp (s, no[i]) == 0)
        return *value = FALSE, TRUE;
    }
  return FALSE;
}

typedef struct
{
  char **lines;
  guint n;
  guint i;    /* the current line */
  int offset; /* line number of lines[0] in the file */
  GError **error;
} Reader;

static gboolean fail (Reader *r, guint line_index, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader *r, guint line_index, const char *format, ...)
{
  va_list args;
  g_autofree char *what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (r->error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("line %d: %s"),
               r->offset + (int) line_index, what);
  return FALSE;
}

static int
indent_of (const char *line)
{
  int n = 0;
  while (line[n] == ' ')
    n++;
  return n;
}

static gboolean
blank_or_comment (const char *line)
{
  const char *p = line + indent_of (line);
  return *p == '\0' || *p == '#';
}

/* Appends the double-quoted escape at *p (after the backslash). */
static gboolean
read_escape (Reader *r, const char **p, GString *out)
{
  const char *s = *p;
  int digits = 0;
  gunichar c = 0;

  switch (*s)
    {
      case '0':
        g_string_append_c (out, '\0');
        break;
      case 'a':
        g_string_append_c (out, '\a');
        break;
      case 'b':
        g_string_append_c (out, '\b');
        break;
      case 't':
      case '\t':
        g_string_append_c (out, '\t');
        break;
      case 'n':
        g_string_append_c (out, '\n');
        break;
      case 'v':
        g_string_append_c (out, '\v');
        break;
      case 'f':
        g_string_append_c (out, '\f');
        break;
      case 'r':
        g_string_append_c (out, '\r');
        break;
      case 'e':
        g_string_append_c (out, 0x1b);
        break;
      case ' ':
      case '"':
      case '/':
      case '\\':
        g_string_append_c (out, *s);
        break;
      case 'N':
        g_string_append_unichar (out, 0x85);
        break;
      case '_':
        g_string_append_unichar (out, 0xa0);
        break;
      case 'L':
        g_string_append_unichar (out, 0x2028);
        break;
      case 'P':
        g_string_append_unichar (out, 0x2029);
        break;
      case 'x':
        digits = 2;
        break;
      case 'u':
        digits = 4;
        break;
      case 'U':
        digits = 8;
        break;
      default:
        return fail (r, r->i, _ ("unknown escape \\%c in a quoted string"), *s ? *s : ' ');
    }
  s++;
  for (int k = 0; k < digits; k++, s++)
    {
      if (!g_ascii_isxdigit (*s))
        return fail (r, r->i, _ ("bad \\x, \\u or \\U escape in a quoted string"));
      c = c * 16 + g_ascii_xdigit_value (*s);
    }
  if (digits)
    {
      if (!g_unichar_validate (c) || c == 0)
        return fail (r, r->i, _ ("the escape names no valid character (U+%04X)"), c);
      g_string_append_unichar (out, c);
    }
  *p = s;
  return TRUE;
}

/* A quoted scalar starting at *p on the current line, maybe spanning lines
 * (line breaks fold to spaces). Leaves *p after the closing quote. */
static char *
read_quoted (Reader *r, const char **p)
{
  char quote = **p;
  GString *out = g_string_new (NULL);
  const char *s = *p + 1;
  guint start = r->i;

  for (;;)
    {
      if (*s == '\0')
        {
          /* Continues on the next line: folded. */
          while (out->len && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          if (++r->i >= r->n)
            {
              fail (r, start, _ ("a quoted string is not closed"));
              return g_string_free (out, TRUE), NULL;
            }
          s = r->lines[r->i];
          while (*s == ' ' || *s == '\t')
            s++;
          g_string_append_c (out, *s == '\0' ? '\n' : ' ');
          continue;
        }
      if (*s == quote)
        {
          if (quote == '\'' && s[1] == '\'')
            {
              g_string_append_c (out, '\'');
              s += 2;
              continue;
            }
          *p = s + 1;
          return g_string_free (out, FALSE);
        }
      if (quote == '"' && *s == '\\')
        {
          s++;
          if (*s == '\0')
            continue; /* an escaped line break joins the lines */
          if (!read_escape (r, &s, out))
            return g_string_free (out, TRUE), NULL;
          continue;
        }
      g_string_append_c (out, *s++);
    }
}

static char *
strip_comment (const char *s)
{
  const char *hash = s;
  char *out;

  while ((hash = strchr (hash, '#')) && hash > s && hash[-1] != ' ' && hash[-1] != '\t')
    hash++;
  out = hash ? g_strndup (s, hash - s) : g_strdup (s);
  return g_strstrip (out);
}

static gboolean
check_plain (Reader *r, const char *plain)
{
  if (*plain == '&' || *plain == '*' || *plain == '!' || *plain == '{' || *plain == '|'
      || *plain == '>' || *plain == '%' || *plain == '@' || *plain == '`')
    return fail (r, r->i,
                 _ ("“%s”: anchors, aliases, tags and nested mappings are not supported; "
                    "quote the value"),
                 plain);
  return TRUE;
}

/* [a, "b", 'c'] on one or more lines. */
static GStrv
read_flow_list (Reader *r, const char *s)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

  s++;
  for (;;)
    {
      while (*s == ' ' || *s == '\t' || *s == ',')
        s++;
      if (*s == '\0')
        {
          if (++r->i >= r->n)
            return fail (r, r->i - 1, _ ("a list [ ... ] is not closed")), NULL;
          s = r->lines[r->i];
          continue;
        }
      if (*s == ']')
        {
          g_autofree char *rest = strip_comment (s + 1);
          if (*rest)
            return fail (r, r->i, _ ("unexpected “%s” after a list"), rest), NULL;
          return g_strv_builder_end (b);
        }
      if (*s == '"' || *s == '\'')
        {
          g_autofree char *item = read_quoted (r, &s);
          if (item == NULL)
            return NULL;
          g_strv_builder_add (b, item);
        }
      else
        {
          gsize len = strcspn (s, ",]");
          g_autofree char *item = g_strstrip (g_strndup (s, len));
          if (*item == '[' || *item == '{')
            return fail (r, r->i, _ ("nested lists are not supported")), NULL;
          if (*item)
            g_strv_builder_add (b, item);
          s += len;
        }
    }
}

/* "- a" lines at @indent or deeper after a key with no value. */
static GStrv
read_block_list (Reader *r, int key_indent)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

  while (r->i + 1 < r->n)
    {
      const char *line = r->lines[r->i + 1];
      int ind = indent_of (line);
      const char *s = line + ind;

      if (blank_or_comment (line))
        {
          r->i++;
          continue;
        }
      if (*s != '-' || (s[1] != ' ' && s[1] != '\0') || ind < key_indent)
        break;
      r->i++;
      s++;
      while (*s == ' ')
        s++;
      if (*s == '"' || *s == '\'')
        {
          g_autofree char *item = read_quoted (r, &s);
          g_autofree char *rest = NULL;
          if (item == NULL)
            return NULL;
          rest = strip_comment (s);
          if (*rest)
            return fail (r, r->i, _ ("unexpected “%s” after a quoted string"), rest), NULL;
          g_strv_builder_add (b, item);
        }
      else
        {
          g_autofree char *item = strip_comment (s);
          if (!check_plain (r, item))
            return NULL;
          if (strstr (item, ": ") || g_str_has_suffix (item, ":"))
            return fail (r, r->i, _ ("lists of mappings are not supported")), NULL;
          g_strv_builder_add (b, item);
        }
    }
  return g_strv_builder_end (b);
}

/* | and > scalars: the more-indented lines after the key. */
static char *
read_block_scalar (Reader *r, const char *header, int key_indent)
{
  gboolean folded = header[0] == '>';
  char chomp = strchr (header, '-') ? '-' : strchr (header, '+') ? '+' : ' ';
  GString *out = g_string_new (NULL);
  int indent = -1;

  while (r->i + 1 < r->n)
    {
      const char *line = r->lines[r->i + 1];
      int ind = indent_of (line);

      if (line[ind] == '\0')
        {
          r->i++;
          g_string_append_c (out, '\n');
          continue;
        }
      if (ind <= key_indent || (indent >= 0 && ind < indent))
        break;
      if (indent < 0)
        indent = ind;
      r->i++;
      if (folded && out->len && out->str[out->len - 1] == '\n' && line[indent] != ' '
          && (out->len < 2 || out->str[out->len - 2] != '\n'))
        out->str[out->len - 1] = ' ';
      g_string_append (out, line + indent);
      g_string_append_c (out, '\n');
    }
  if (chomp != '+')
    while (out->len && out->str[out->len - 1] == '\n')
      g_string_truncate (out, out->len - 1);
  if (chomp == ' ' && out->len)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static gboolean
read_entry (Reader *r, GHashTable *fields)
{
  const char *line = r->lines[r->i];
  int ind = indent_of (line);
  const char *s = line + ind;
  const char *colon;
  g_autofree char *key = NULL;
  PortadaYamlValue *v;

  if (ind > 0)
    return fail (r, r->i, _ ("unexpected indentation"));
  if (*s == '"' || *s == '\'')
    {
      key = read_quoted (r, &s);
      if (key == NULL)
        return FALSE;
      if (*s != ':')
        return fail (r, r->i, _ ("a key must be followed by “:”"));
      colon = s;
    }
  else
    {
      colon = strstr (s, ":");
      while (colon && colon[1] != '\0' && colon[1] != ' ' && colon[1] != '\t')
        colon = strstr (colon + 1, ":");
      if (colon == NULL || colon == s)
        return fail (r, r->i, _ ("“%s” is not a “key: value” line"), s);
      key = g_strstrip (g_strndup (s, colon - s));
    }
  if (g_hash_table_contains (fields, key))
    return fail (r, r->i, _ ("the key “%s” appears twice"), key);

  v = g_new0 (PortadaYamlValue, 1);
  v->line = r->offset + r->i;
  s = colon + 1;
  while (*s == ' ' || *s == '\t')
    s++;
  if (*s == '"' || *s == '\'')
    {
      g_autofree char *rest = NULL;
      v->scalar = read_quoted (r, &s);
      v->quoted = TRUE;
      if (v->scalar && *(rest = strip_comment (s)))
        {
          fail (r, r->i, _ ("unexpected “%s” after a quoted string"), rest);
          g_clear_pointer (&v->scalar, g_free);
        }
    }
  else if (*s == '[')
    v->list = read_flow_list (r, s);
  else if (*s == '|' || *s == '>')
    {
      g_autofree char *header = strip_comment (s);
      v->scalar = read_block_scalar (r, header, 0);
      v->quoted = TRUE;
    }
  else
    {
      g_autofree char *plain = strip_comment (s);
      if (*plain == '\0')
        {
          /* A block list, or nothing (null). */
          v->list = read_block_list (r, 0);
          if (v->list && v->list[0] == NULL)
            {
              g_clear_pointer (&v->list, g_strfreev);
              v->scalar = g_strdup ("");
            }
          else if (v->list == NULL && r->error && *r->error == NULL)
            v->scalar = g_strdup ("");
          if (r->i + 1 < r->n && !blank_or_comment (r->lines[r->i + 1])
              && indent_of (r->lines[r->i + 1]) > 0)
            {
              yaml_value_free (v);
              return fail (r, r->i + 1, _ ("nested mappings are not supported"));
            }
        }
      else if (check_plain (r, plain))
        v->scalar = g_steal_pointer (&plain);
    }
  if (v->scalar == NULL && v->list == NULL)
    {
      yaml_value_free (v);
      return FALSE;
    }
  g_hash_table_insert (fields, g_steal_pointer (&key), v);
  return TRUE;
}

GHashTable *
portada_front_matter_parse (const char *text, char **body, GError **error)
{
  g_autoptr (GHashTable) fields
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) yaml_value_free);
  g_auto (GStrv) lines = NULL;
  const char *start = text;
  const char *end = NULL;
  const char *after = NULL;
  Reader r = { 0 };

  if (g_str_has_prefix (start, "\xef\xbb\xbf"))
    start += 3;
  if (!g_str_has_prefix (start, "---\n") && !g_str_has_prefix (start, "---\r\n"))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("line 1: no front matter (the file must start with a line “---”)"));
      return NULL;
    }
  start = strchr (start, '\n') + 1;
  /* The closing line: "---" or "...". */
  for (const char *p = start; *p;)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol ? (gsize) (eol - p) : strlen (p);
      if (len && p[len - 1] == '\r')
        len--;
      if ((len == 3 && (strncmp (p, "---", 3) == 0 || strncmp (p, "...", 3) == 0)))
        {
          end = p;
          after = eol ? eol + 1 : p + strlen (p);
          break;
        }
      if (eol == NULL)
        break;
      p = eol + 1;
    }
  if (end == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("line 1: the front matter is not closed by a line “---”"));
      return NULL;
    }
  {
    g_autofree char *block = g_strndup (start, end - start);
    for (char *p = block; *p; p++)
      if (*p == '\r')
        *p = ' ';
    lines = g_strsplit (block, "\n", -1);
  }
  r.lines = lines;
  r.n = g_strv_length (lines);
  r.offset = 2;
  r.error = error;
  for (r.i = 0; r.i < r.n; r.i++)
    {
      if (strchr (lines[r.i], '\t') && indent_of (lines[r.i]) == 0 && lines[r.i][0] == '\t')
        return fail (&r, r.i, _ ("tabs cannot indent YAML")), NULL;
      if (blank_or_comment (lines[r.i]))
        continue;
      if (!read_entry (&r, fields))
        return NULL;
    }
  if (body)
    *body = g_strdup (after);
  return g_steal_pointer (&fields);
}
