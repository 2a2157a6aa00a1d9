/* portada-sync-merge.h: three-way merges of a newsroom's files, by record and field.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The larger texts are never merged by lines (a conflict instead). */
#define PORTADA_MERGE_MAX_LINES 20000

/* @ours and @theirs, both derived from @base, merged by lines: a stretch changed
 * on one side only is taken from it; stretches changed on both sides that touch
 * (overlap or are next to each other) are a conflict, and NULL is returned. */
char *portada_merge_lines (const char *base, const char *ours, const char *theirs);

/* Merges the files (path → GBytes) of two workstations against their common
 * ancestor: a record added, changed or deleted on one side only is taken from
 * it; a record changed on both sides is merged field by field, a field changed
 * on both sides by lines, and what still conflicts keeps this workstation's
 * value while the other's is kept beside it as a record of conflicts/. A record
 * edited on one side and deleted on the other is kept. Appends to @notes (of
 * char *) one sentence per conflict or kept record, and adds the conflicts to
 * @n_conflicts. Returns the merged files, or NULL with @error naming a file that
 * cannot be read. */
GHashTable *portada_sync_merge (GHashTable *base, GHashTable *ours, GHashTable *theirs,
                                GPtrArray *notes, guint *n_conflicts, GError **error);

G_END_DECLS
