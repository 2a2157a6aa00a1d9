/* portada-sync-conflicts.h: what a sync could not merge, kept until someone decides.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a field was changed on two workstations in the same place, the newsroom
 * keeps its own value and the other one is kept here (and travels with the
 * newsroom as conflicts/ID.md), until a person has taken what they want from it
 * and resolves it.
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef struct
{
  char *uid;
  char *record; /* the record's file: "articles/UUID.md" */
  char *field;  /* "body", "title"… */
  char *other;  /* the other workstation's value */
  gint64 created_at;
} PortadaSyncConflict;

void portada_sync_conflict_free (PortadaSyncConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaSyncConflict, portada_sync_conflict_free)

/* Every kept conflict, oldest first. */
GPtrArray *portada_sync_conflicts_list (PortadaNewsroom *newsroom, GError **error);
PortadaSyncConflict *portada_sync_conflicts_find (PortadaNewsroom *newsroom, const char *uid,
                                                  GError **error);
/* Forgets the other value (PORTADA_ERROR_NOT_FOUND when there is no such conflict);
 * the next sync tells the other workstations. */
gboolean portada_sync_conflicts_resolve (PortadaNewsroom *newsroom, const char *uid,
                                         GError **error);

G_END_DECLS
