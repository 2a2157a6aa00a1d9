/* portada-word-diff.h: the words added and removed between two texts, for comparing
 * revisions.
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
  char *text; /* words and the spaces and line breaks between them */
} PortadaDiffSpan;

/* Texts longer than this many lines each are compared as one removed and one
 * added block; changed blocks of more than this many words each likewise. */
#define PORTADA_DIFF_MAX_LINES 4000
#define PORTADA_DIFF_MAX_WORDS 3000

/* @old_text then @new_text as spans in order, each the same in both, removed or
 * added: lines are matched first (a longest common subsequence), then the words
 * of each changed stretch. Concatenating the same and removed spans gives
 * @old_text, the same and added ones @new_text. Array of PortadaDiffSpan, adjacent
 * spans of one kind merged. */
GArray *portada_word_diff (const char *old_text, const char *new_text);

/* How many words the diff adds and removes. */
void portada_word_diff_count (GArray *diff, guint *added, guint *removed);

G_END_DECLS
