/* portada-line-diff.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-line-diff.h"

static void
clear_line (gpointer data)
{
  g_free (((PortadaDiffLine *) data)->line);
}

static void
append (GArray *out, PortadaDiffKind kind, const char *line)
{
  PortadaDiffLine l = { kind, g_strdup (line) };

  g_array_append_val (out, l);
}

static void
append_all (GArray *out, PortadaDiffKind kind, GStrv lines, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    append (out, kind, lines[i]);
}

GArray *
portada_line_diff (const char *old_text, const char *new_text, guint max_lines)
{
  g_auto (GStrv) a = g_strsplit (old_text ? old_text : "", "\n", -1);
  g_auto (GStrv) b = g_strsplit (new_text ? new_text : "", "\n", -1);
  guint n = g_strv_length (a), m = g_strv_length (b), i = 0, j = 0;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PortadaDiffLine));
  g_autofree guint *len = NULL;

  g_array_set_clear_func (out, clear_line);
  if (n > max_lines || m > max_lines)
    {
      append_all (out, PORTADA_DIFF_REMOVED, a, 0, n);
      append_all (out, PORTADA_DIFF_ADDED, b, 0, m);
      return out;
    }
  /* len[i][j]: the longest common subsequence of a[i..] and b[j..]. */
  len = g_new0 (guint, (gsize) (n + 1) * (m + 1));
#define LEN(x, y) len[(gsize) (x) * (m + 1) + (y)]
  for (int x = n - 1; x >= 0; x--)
    for (int y = m - 1; y >= 0; y--)
      LEN (x, y) = strcmp (a[x], b[y]) == 0 ? LEN (x + 1, y + 1) + 1
                                            : MAX (LEN (x + 1, y), LEN (x, y + 1));
  while (i < n && j < m)
    if (strcmp (a[i], b[j]) == 0)
      {
        append (out, PORTADA_DIFF_SAME, a[i]);
        i++, j++;
      }
    else if (LEN (i + 1, j) >= LEN (i, j + 1))
      append (out, PORTADA_DIFF_REMOVED, a[i++]);
    else
      append (out, PORTADA_DIFF_ADDED, b[j++]);
#undef LEN
  append_all (out, PORTADA_DIFF_REMOVED, a, i, n);
  append_all (out, PORTADA_DIFF_ADDED, b, j, m);
  return out;
}
