/* portada-trash.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-newsroom-private.h"
#include "portada-trash.h"

/* Sets deleted_at of one article that is (@in_trash) or is not in the Trash. */
static gboolean
set_deleted (PortadaNewsroom *newsroom, gint64 id, gboolean in_trash, gint64 when, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (
      newsroom,
      in_trash ? "UPDATE article SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL"
               : "UPDATE article SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!in_trash)
    sqlite3_bind_int64 (stmt, 2, when);
  if (!portada_newsroom_step_done (newsroom, stmt, error))
    return FALSE;
  if (sqlite3_changes (portada_newsroom_get_db (newsroom)) == 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                   in_trash ? _ ("There is no article %lld in the Trash")
                            : _ ("There is no article %lld outside the Trash"),
                   (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
portada_trash_move (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  return set_deleted (newsroom, id, FALSE, portada_articles_now (), error);
}

gboolean
portada_trash_restore (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  return set_deleted (newsroom, id, TRUE, 0, error);
}

GPtrArray *
portada_trash_list (PortadaNewsroom *newsroom, GError **error)
{
  PortadaArticleQuery query = PORTADA_ARTICLE_QUERY_INIT;

  query.trashed = TRUE;
  return portada_articles_list (newsroom, &query, 0, G_MAXUINT, error);
}

gint64
portada_trash_deleted_at (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (
      newsroom, "SELECT coalesce(deleted_at, 0) FROM article WHERE id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  portada_newsroom_set_error (newsroom, error, _ ("the Trash cannot be read"));
  return -1;
}

gint64
portada_trash_empty (PortadaNewsroom *newsroom, gint64 before, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* Revisions and tags go with their article (ON DELETE CASCADE). */
  stmt = portada_newsroom_prepare (
      newsroom, "DELETE FROM article WHERE deleted_at IS NOT NULL AND deleted_at < ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, before);
  if (!portada_newsroom_step_done (newsroom, stmt, error))
    return -1;
  return sqlite3_changes (portada_newsroom_get_db (newsroom));
}

gint64
portada_trash_empty_expired (PortadaNewsroom *newsroom, GError **error)
{
  return portada_trash_empty (newsroom, portada_articles_now () - PORTADA_TRASH_KEEP, error);
}
