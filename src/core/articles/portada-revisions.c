/* portada-revisions.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-articles.h"
#include "portada-newsroom-private.h"
#include "portada-revisions.h"
#include "portada-settings.h"

void
portada_revision_free (PortadaRevision *r)
{
  if (r == NULL)
    return;
  g_free (r->reason);
  g_free (r->title);
  g_free (r->subtitle);
  g_free (r->excerpt);
  g_free (r->body);
  g_free (r->author);
  g_free (r);
}

char *
portada_revisions_editor_name (PortadaNewsroom *newsroom)
{
  g_autofree char *author = portada_settings_get (newsroom, PORTADA_SETTING_DEFAULT_AUTHOR, NULL);
  const char *real = g_get_real_name ();

  if (author && *g_strstrip (author))
    return g_steal_pointer (&author);
  if (real && *real && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

gboolean
portada_revisions_add (PortadaNewsroom *newsroom, const PortadaArticle *a, const char *reason,
                       gint64 when, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (a != NULL && a->id > 0 && reason != NULL, FALSE);
  stmt = portada_newsroom_prepare (newsroom,
                                   "INSERT INTO revision (article_id, created_at, reason, status, "
                                   "title, subtitle, excerpt, body, author) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  sqlite3_bind_int64 (stmt, 2, when);
  portada_stmt_bind_text (stmt, 3, reason);
  portada_stmt_bind_text (stmt, 4, portada_article_status_to_string (a->status));
  portada_stmt_bind_text (stmt, 5, a->title);
  portada_stmt_bind_text_or_null (stmt, 6, a->subtitle);
  portada_stmt_bind_text_or_null (stmt, 7, a->excerpt);
  portada_stmt_bind_text (stmt, 8, a->body);
  {
    g_autofree char *who = portada_revisions_editor_name (newsroom);
    portada_stmt_bind_text (stmt, 9, who);
  }
  return portada_newsroom_step_done (newsroom, stmt, error);
}

static PortadaRevision *
revision_from_row (sqlite3_stmt *stmt, gboolean with_body)
{
  PortadaRevision *r = g_new0 (PortadaRevision, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->article_id = sqlite3_column_int64 (stmt, 1);
  r->created_at = sqlite3_column_int64 (stmt, 2);
  r->reason = portada_stmt_dup_text (stmt, 3);
  portada_article_status_from_string ((const char *) sqlite3_column_text (stmt, 4), &r->status);
  r->title = portada_stmt_dup_text (stmt, 5);
  r->subtitle = portada_stmt_dup_text (stmt, 6);
  r->excerpt = portada_stmt_dup_text (stmt, 7);
  r->author = portada_stmt_dup_text (stmt, 8);
  if (with_body)
    r->body = portada_stmt_dup_text (stmt, 9);
  return r;
}

GPtrArray *
portada_revisions_list (PortadaNewsroom *newsroom, gint64 article_id, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_revision_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT id, article_id, created_at, reason, status, title, "
                                   "subtitle, excerpt, coalesce(author, '') FROM revision "
                                   "WHERE article_id = ? "
                                   "ORDER BY created_at DESC, id DESC",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, revision_from_row (stmt, FALSE));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("revisions cannot be read"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

PortadaRevision *
portada_revisions_load (PortadaNewsroom *newsroom, gint64 revision_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT id, article_id, created_at, reason, status, title, "
                                   "subtitle, excerpt, coalesce(author, ''), body FROM revision "
                                   "WHERE id = ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return revision_from_row (stmt, TRUE);
  if (rc == SQLITE_DONE)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no revision %lld"),
                 (long long) revision_id);
  else
    portada_newsroom_set_error (newsroom, error, _ ("the revision cannot be read"));
  return NULL;
}

gint64
portada_revisions_last_time (PortadaNewsroom *newsroom, gint64 article_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT coalesce(max(created_at), 0) FROM revision "
                                   "WHERE article_id = ?",
                                   error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      portada_newsroom_set_error (newsroom, error, _ ("revisions cannot be read"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
portada_revisions_restore (PortadaNewsroom *newsroom, gint64 revision_id, GError **error)
{
  g_autoptr (PortadaRevision) r = NULL;
  g_autoptr (PortadaArticle) a = NULL;

  r = portada_revisions_load (newsroom, revision_id, error);
  if (r == NULL)
    return FALSE;
  a = portada_articles_load (newsroom, r->article_id, error);
  if (a == NULL)
    return FALSE;
  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  if (!portada_revisions_add (newsroom, a, "restore", portada_articles_now (), error))
    goto failed;
  g_free (a->title);
  a->title = g_strdup (r->title);
  g_free (a->subtitle);
  a->subtitle = g_strdup (r->subtitle);
  g_free (a->excerpt);
  a->excerpt = g_strdup (r->excerpt);
  g_free (a->body);
  a->body = g_strdup (r->body);
  if (!portada_articles_save (newsroom, a, PORTADA_SAVE_NO_REVISION, error))
    goto failed;
  return portada_newsroom_commit (newsroom, error);

failed:
  portada_newsroom_rollback (newsroom);
  return FALSE;
}
