/* portada-pages.c: the page table.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-newsroom-private.h"
#include "portada-pages.h"
#include "portada-slug.h"

#define COLUMNS                                                                                    \
  "id, uuid, lang, title, slug, coalesce(parent_id, 0), menu_order, status, translation_group, "   \
  "body, created_at, updated_at"

PortadaPage *
portada_page_new (void)
{
  PortadaPage *p = g_new0 (PortadaPage, 1);
  p->status = PORTADA_STATUS_DRAFT;
  p->body = g_strdup ("");
  return p;
}

void
portada_page_free (PortadaPage *p)
{
  if (p == NULL)
    return;
  g_free (p->uuid);
  g_free (p->lang);
  g_free (p->title);
  g_free (p->slug);
  g_free (p->translation_group);
  g_free (p->body);
  g_free (p);
}

static PortadaPage *
page_from_row (sqlite3_stmt *stmt)
{
  PortadaPage *p = portada_page_new ();
  g_autofree char *status = NULL;

  p->id = sqlite3_column_int64 (stmt, 0);
  p->uuid = portada_stmt_dup_text (stmt, 1);
  p->lang = portada_stmt_dup_text (stmt, 2);
  p->title = portada_stmt_dup_text (stmt, 3);
  p->slug = portada_stmt_dup_text (stmt, 4);
  p->parent_id = sqlite3_column_int64 (stmt, 5);
  p->menu_order = sqlite3_column_int (stmt, 6);
  status = portada_stmt_dup_text (stmt, 7);
  if (!portada_article_status_from_string (status, &p->status))
    p->status = PORTADA_STATUS_DRAFT;
  p->translation_group = portada_stmt_dup_text (stmt, 8);
  g_free (p->body);
  p->body = portada_stmt_dup_text (stmt, 9);
  p->created_at = sqlite3_column_int64 (stmt, 10);
  p->updated_at = sqlite3_column_int64 (stmt, 11);
  return p;
}

PortadaPage *
portada_pages_load (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (newsroom, "SELECT " COLUMNS " FROM page WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return page_from_row (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("No page %s"), number);
    }
  else
    portada_newsroom_set_error (newsroom, error, "the page cannot be read");
  return NULL;
}

gint64
portada_pages_find_uuid (PortadaNewsroom *newsroom, const char *uuid, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (newsroom, "SELECT id FROM page WHERE uuid = ?1", error);
  int rc;

  if (stmt == NULL)
    return -1;
  portada_stmt_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "pages cannot be searched");
      return -1;
    }
  return 0;
}

GPtrArray *
portada_pages_list (PortadaNewsroom *newsroom, const char *lang, GError **error)
{
  /* Depth first, siblings in menu order: parents come before their children. */
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom,
      "WITH RECURSIVE tree (id, key) AS ("
      "  SELECT id, printf('%08d.%012d', menu_order + 50000000, id) FROM page"
      "   WHERE parent_id IS NULL AND (?1 IS NULL OR lang = ?1)"
      "  UNION ALL SELECT p.id, t.key || '/' || printf('%08d.%012d', p.menu_order + 50000000, p.id)"
      "   FROM page p JOIN tree t ON p.parent_id = t.id)"
      " SELECT " COLUMNS " FROM page JOIN tree USING (id) ORDER BY tree.key",
      error);
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_page_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text_or_null (stmt, 1, lang);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (pages, page_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "pages cannot be listed");
      return NULL;
    }
  return g_steal_pointer (&pages);
}

/* The parent exists in the same language, and is not the page or below it. */
static gboolean
parent_ok (PortadaNewsroom *newsroom, PortadaPage *p, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (p->parent_id == 0)
    return TRUE;
  stmt = portada_newsroom_prepare (
      newsroom,
      "WITH RECURSIVE up (id, parent, lang, depth) AS ("
      "  SELECT id, parent_id, lang, 0 FROM page WHERE id = ?1"
      "  UNION ALL SELECT p.id, p.parent_id, p.lang, up.depth + 1 FROM page p"
      "   JOIN up ON p.id = up.parent WHERE up.depth < 1000)"
      " SELECT (SELECT lang FROM up WHERE depth = 0), "
      "   (SELECT count(*) FROM up WHERE id = ?2)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->parent_id);
  sqlite3_bind_int64 (stmt, 2, p->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return portada_newsroom_set_error (newsroom, error, "pages cannot be checked");
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL
      || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), p->lang) != 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, p->parent_id);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("Page “%s”: its parent page %s does not exist in the same language"),
                   p->title, number);
      return FALSE;
    }
  if (p->id && sqlite3_column_int (stmt, 1) > 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("Page “%s”: it cannot be its own parent, nor under one of its own pages"),
                   p->title);
      return FALSE;
    }
  return TRUE;
}

static gboolean
slug_taken (PortadaNewsroom *newsroom, PortadaPage *p, const char *slug, gboolean *taken,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT 1 FROM page WHERE lang = ?1 AND coalesce(parent_id, 0) = ?2 AND slug = ?3 "
      "AND id != ?4",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, p->lang);
  sqlite3_bind_int64 (stmt, 2, p->parent_id);
  portada_stmt_bind_text (stmt, 3, slug);
  sqlite3_bind_int64 (stmt, 4, p->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, "page slugs cannot be checked");
  *taken = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
unique_slug (PortadaNewsroom *newsroom, PortadaPage *p, GError **error)
{
  g_autofree char *base = p->slug && portada_slug_is_valid (p->slug)
                              ? g_strdup (p->slug)
                              : portada_slug_from_title (p->slug && *p->slug ? p->slug : p->title);
  g_autofree char *slug = g_strdup (*base ? base : "page");

  for (int n = 2;; n++)
    {
      gboolean taken = FALSE;
      if (!slug_taken (newsroom, p, slug, &taken, error))
        return FALSE;
      if (!taken)
        break;
      g_free (slug);
      slug = portada_slug_with_suffix (*base ? base : "page", n);
    }
  g_free (p->slug);
  p->slug = g_steal_pointer (&slug);
  return TRUE;
}

gboolean
portada_pages_save (PortadaNewsroom *newsroom, PortadaPage *p, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (p != NULL && p->lang != NULL, FALSE);
  if (p->title == NULL)
    p->title = g_strdup ("");
  if (p->uuid == NULL)
    p->uuid = g_uuid_string_random ();
  if (!parent_ok (newsroom, p, error) || !unique_slug (newsroom, p, error))
    return FALSE;
  if (p->created_at == 0)
    p->created_at = now;
  if (p->updated_at == 0)
    p->updated_at = now;
  stmt = portada_newsroom_prepare (
      newsroom,
      p->id
          ? "UPDATE page SET uuid = ?2, lang = ?3, title = ?4, slug = ?5, parent_id = ?6, "
            "menu_order = ?7, status = ?8, translation_group = ?9, body = ?10, created_at = ?11, "
            "updated_at = ?12 WHERE id = ?1"
          : "INSERT INTO page (uuid, lang, title, slug, parent_id, menu_order, status, "
            "translation_group, body, created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, "
            "?9, ?10, ?11, ?12)",
      error);
  if (stmt == NULL)
    return FALSE;
  if (p->id)
    sqlite3_bind_int64 (stmt, 1, p->id);
  portada_stmt_bind_text (stmt, 2, p->uuid);
  portada_stmt_bind_text (stmt, 3, p->lang);
  portada_stmt_bind_text (stmt, 4, p->title);
  portada_stmt_bind_text (stmt, 5, p->slug);
  if (p->parent_id)
    sqlite3_bind_int64 (stmt, 6, p->parent_id);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int (stmt, 7, p->menu_order);
  portada_stmt_bind_text (stmt, 8, portada_article_status_to_string (p->status));
  portada_stmt_bind_text_or_null (stmt, 9, p->translation_group);
  portada_stmt_bind_text (stmt, 10, p->body ? p->body : "");
  sqlite3_bind_int64 (stmt, 11, p->created_at);
  sqlite3_bind_int64 (stmt, 12, p->updated_at);
  if (!portada_newsroom_step_done (newsroom, stmt, error))
    return FALSE;
  if (p->id == 0)
    p->id = sqlite3_last_insert_rowid (portada_newsroom_get_db (newsroom));
  return TRUE;
}
