/* portada-logo-list.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-logo-list.h"
#include "portada-newsroom-private.h"

void
portada_logo_list_free (PortadaLogoList *list)
{
  if (list == NULL)
    return;
  g_free (list->name);
  g_free (list);
}

GPtrArray *
portada_logo_lists_list (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (GPtrArray) lists
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_logo_list_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom, "SELECT id, name FROM logo_list ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PortadaLogoList *l = g_new0 (PortadaLogoList, 1);
      l->id = sqlite3_column_int64 (stmt, 0);
      l->name = portada_stmt_dup_text (stmt, 1);
      g_ptr_array_add (lists, l);
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "logo lists cannot be read");
      return NULL;
    }
  return g_steal_pointer (&lists);
}

static gboolean
check_name (const char *name, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, "A logo list needs a name");
      return FALSE;
    }
  return TRUE;
}

static gboolean
name_error (PortadaNewsroom *newsroom, const char *name, GError **error)
{
  if ((sqlite3_errcode (portada_newsroom_get_db (newsroom)) & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   "There is already a logo list named “%s”", name);
      return FALSE;
    }
  return portada_newsroom_set_error (newsroom, error, "the logo list cannot be saved");
}

gint64
portada_logo_lists_create (PortadaNewsroom *newsroom, const char *name, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!check_name (name, error))
    return 0;
  stmt = portada_newsroom_prepare (newsroom, "INSERT INTO logo_list (name) VALUES (?) RETURNING id",
                                   error);
  if (stmt == NULL)
    return 0;
  portada_stmt_bind_text (stmt, 1, name);
  {
    gint64 id = 0;
    if (sqlite3_step (stmt) != SQLITE_ROW)
      return name_error (newsroom, name, error);
    id = sqlite3_column_int64 (stmt, 0);
    /* Done only when stepped to its end: an error may come there. */
    if (sqlite3_step (stmt) != SQLITE_DONE || sqlite3_reset (stmt) != SQLITE_OK)
      return portada_newsroom_set_error (newsroom, error, "the list cannot be saved") ? 0 : 0;
    return id;
  }
}

gboolean
portada_logo_lists_rename (PortadaNewsroom *newsroom, gint64 id, const char *name, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!check_name (name, error))
    return FALSE;
  stmt = portada_newsroom_prepare (newsroom, "UPDATE logo_list SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return name_error (newsroom, name, error);
  return TRUE;
}

gboolean
portada_logo_lists_delete (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (newsroom, "DELETE FROM logo_list WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return portada_newsroom_step_done (newsroom, stmt, error);
}

GArray *
portada_logo_lists_members (PortadaNewsroom *newsroom, gint64 list_id, GError **error)
{
  g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (PortadaLogoListMember));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT sponsor_id, weight FROM logo_list_member "
                                   "WHERE list_id = ? ORDER BY position, sponsor_id",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, list_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PortadaLogoListMember m = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };
      g_array_append_val (members, m);
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "the logo list cannot be read");
      return NULL;
    }
  return g_steal_pointer (&members);
}

static gboolean
insert_member (PortadaNewsroom *newsroom, gint64 list_id, const PortadaLogoListMember *m,
               int position, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!(m->weight > 0) || m->weight > 1000)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   "A weight must be more than 0 and at most 1000 (got %g)", m->weight);
      return FALSE;
    }
  stmt = portada_newsroom_prepare (newsroom,
                                   "INSERT INTO logo_list_member (list_id, sponsor_id, position, "
                                   "weight) VALUES (?1, ?2, coalesce(?3, (SELECT count(*) FROM "
                                   "logo_list_member WHERE list_id = ?1)), ?4) ON CONFLICT DO "
                                   "UPDATE SET weight = excluded.weight",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, list_id);
  sqlite3_bind_int64 (stmt, 2, m->sponsor_id);
  if (position >= 0)
    sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_double (stmt, 4, m->weight);
  return portada_newsroom_step_done (newsroom, stmt, error);
}

gboolean
portada_logo_lists_set_members (PortadaNewsroom *newsroom, gint64 list_id,
                                const PortadaLogoListMember *members, guint n_members,
                                GError **error)
{
  g_autoptr (sqlite3_stmt) del = NULL;

  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  del = portada_newsroom_prepare (newsroom, "DELETE FROM logo_list_member WHERE list_id = ?",
                                  error);
  if (del == NULL)
    goto failed;
  sqlite3_bind_int64 (del, 1, list_id);
  if (!portada_newsroom_step_done (newsroom, del, error))
    goto failed;
  for (guint i = 0; i < n_members; i++)
    if (!insert_member (newsroom, list_id, &members[i], i, error))
      goto failed;
  return portada_newsroom_commit (newsroom, error);

failed:
  portada_newsroom_rollback (newsroom);
  return FALSE;
}

gboolean
portada_logo_lists_add_member (PortadaNewsroom *newsroom, gint64 list_id, gint64 sponsor_id,
                               double weight, GError **error)
{
  PortadaLogoListMember m = { sponsor_id, weight };
  return insert_member (newsroom, list_id, &m, -1, error);
}

gboolean
portada_logo_lists_add_member_at (PortadaNewsroom *newsroom, gint64 list_id, gint64 sponsor_id,
                                  double weight, int position, GError **error)
{
  PortadaLogoListMember m = { sponsor_id, weight };

  g_return_val_if_fail (position >= 0, FALSE);
  return insert_member (newsroom, list_id, &m, position, error);
}

int
portada_logo_lists_next_position (PortadaNewsroom *newsroom, gint64 list_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT coalesce(max(position) + 1, 0) FROM logo_list_member "
                                   "WHERE list_id = ?",
                                   error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, list_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      portada_newsroom_set_error (newsroom, error, "count the logo list's members");
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

gboolean
portada_logo_lists_remove_member (PortadaNewsroom *newsroom, gint64 list_id, gint64 sponsor_id,
                                  GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (
      newsroom, "DELETE FROM logo_list_member WHERE list_id = ? AND sponsor_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, list_id);
  sqlite3_bind_int64 (stmt, 2, sponsor_id);
  return portada_newsroom_step_done (newsroom, stmt, error);
}

GStrv
portada_logo_lists_of_sponsor (PortadaNewsroom *newsroom, gint64 sponsor_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT l.name FROM logo_list_member m JOIN logo_list l ON "
                                   "l.id = m.list_id WHERE m.sponsor_id = ? ORDER BY l.name",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sponsor_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "logo lists cannot be read");
      return NULL;
    }
  return g_strv_builder_end (names);
}
