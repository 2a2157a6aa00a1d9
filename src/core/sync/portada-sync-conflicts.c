/* portada-sync-conflicts.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-newsroom-private.h"
#include "portada-sync-conflicts.h"

#define COLUMNS "SELECT uid, record, field, other, created_at FROM sync_conflict "

void
portada_sync_conflict_free (PortadaSyncConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->uid);
  g_free (conflict->record);
  g_free (conflict->field);
  g_free (conflict->other);
  g_free (conflict);
}

static PortadaSyncConflict *
from_row (sqlite3_stmt *s)
{
  PortadaSyncConflict *c = g_new0 (PortadaSyncConflict, 1);

  c->uid = portada_stmt_dup_text (s, 0);
  c->record = portada_stmt_dup_text (s, 1);
  c->field = portada_stmt_dup_text (s, 2);
  c->other = portada_stmt_dup_text (s, 3);
  c->created_at = sqlite3_column_int64 (s, 4);
  return c;
}

GPtrArray *
portada_sync_conflicts_list (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_sync_conflict_free);
  int rc;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  s = portada_newsroom_prepare (newsroom, COLUMNS "ORDER BY created_at, uid", error);
  if (s == NULL)
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    g_ptr_array_add (list, from_row (s));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "sync_conflict");
      return NULL;
    }
  return g_steal_pointer (&list);
}

PortadaSyncConflict *
portada_sync_conflicts_find (PortadaNewsroom *newsroom, const char *uid, GError **error)
{
  g_autoptr (sqlite3_stmt) s = NULL;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  s = portada_newsroom_prepare (newsroom, COLUMNS "WHERE uid = ?", error);
  if (s == NULL)
    return NULL;
  portada_stmt_bind_text (s, 1, uid);
  if (sqlite3_step (s) == SQLITE_ROW)
    return from_row (s);
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no conflict “%s”"), uid);
  return NULL;
}

gboolean
portada_sync_conflicts_resolve (PortadaNewsroom *newsroom, const char *uid, GError **error)
{
  g_autoptr (sqlite3_stmt) s = NULL;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);
  s = portada_newsroom_prepare (newsroom, "DELETE FROM sync_conflict WHERE uid = ?", error);
  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, uid);
  if (!portada_newsroom_step_done (newsroom, s, error))
    return FALSE;
  if (sqlite3_changes (portada_newsroom_get_db (newsroom)) == 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no conflict “%s”"),
                   uid);
      return FALSE;
    }
  return TRUE;
}
