/* portada-line-diff.h: which lines two texts share, for comparing revisions.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PORTADA_DIFF_SAME,
  PORTADA_DIFF_REMOVED, /* only in the old text */
  PORTADA_DIFF_ADDED,   /* only in the new text */
} PortadaDiffKind;

typedef struct
{
  PortadaDiffKind kind;
  char *line;
} PortadaDiffLine;

/* The lines of @old_text and @new_text in order, each marked same, removed or added
 * (a longest common subsequence of lines). Texts of more lines than @max_lines each
 * are compared as one removed and one added block. Array of PortadaDiffLine. */
GArray *portada_line_diff (const char *old_text, const char *new_text, guint max_lines);

G_END_DECLS
