/* portada-wordpress-posts.c: each article's post on a WordPress site.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only writer of the wordpress_post table (migration 8), for the WordPress push.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-newsroom-private.h"
#include "portada-wordpress-posts.h"

void
portada_wp_post_clear (PortadaWpPost *m)
{
  g_clear_pointer (&m->modified_gmt, g_free);
  g_clear_pointer (&m->sent_sha256, g_free);
  g_clear_pointer (&m->site_sha256, g_free);
  g_clear_pointer (&m->conflict_site_sha256, g_free);
}

gboolean
portada_wp_posts_load (PortadaNewsroom *nr, const char *site, gint64 article_id, PortadaWpPost *m,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      nr,
      "SELECT post_id, modified_gmt, sent_sha256, site_sha256, conflict_site_sha256 "
      "FROM wordpress_post WHERE article_id = ?1 AND site = ?2",
      error);
  int rc;

  memset (m, 0, sizeof *m);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  portada_stmt_bind_text (stmt, 2, site);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      m->post_id = sqlite3_column_int64 (stmt, 0);
      m->modified_gmt = portada_stmt_dup_text (stmt, 1);
      m->sent_sha256 = portada_stmt_dup_text (stmt, 2);
      m->site_sha256 = portada_stmt_dup_text (stmt, 3);
      m->conflict_site_sha256 = portada_stmt_dup_text (stmt, 4);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  return portada_newsroom_set_error (nr, error, _ ("the WordPress posts cannot be read"));
}

/* What the site confirmed: the post and its modified_gmt after this push. */
gboolean
portada_wp_posts_store (PortadaNewsroom *nr, const char *site, gint64 article_id, gint64 post_id,
                        const char *modified_gmt, const char *sha256, const char *site_sha256,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      nr,
      "INSERT INTO wordpress_post (article_id, site, post_id, modified_gmt, sent_sha256, "
      "site_sha256, pushed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?7, ?6) "
      "ON CONFLICT (article_id, site) DO UPDATE SET post_id = ?3, modified_gmt = ?4, "
      "sent_sha256 = ?5, site_sha256 = ?7, pushed_at = ?6, conflict_site_sha256 = NULL",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  portada_stmt_bind_text (stmt, 2, site);
  sqlite3_bind_int64 (stmt, 3, post_id);
  portada_stmt_bind_text (stmt, 4, modified_gmt);
  portada_stmt_bind_text (stmt, 5, sha256);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  portada_stmt_bind_text (stmt, 7, site_sha256);
  return portada_newsroom_step_done (nr, stmt, error);
}

/* Whether @post_id is another article's post already. */
gboolean
portada_wp_posts_taken (PortadaNewsroom *nr, const char *site, gint64 post_id)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      nr, "SELECT 1 FROM wordpress_post WHERE site = ?1 AND post_id = ?2", NULL);

  if (stmt == NULL)
    return TRUE;
  portada_stmt_bind_text (stmt, 1, site);
  sqlite3_bind_int64 (stmt, 2, post_id);
  return sqlite3_step (stmt) != SQLITE_DONE;
}

gboolean
portada_wp_posts_forget (PortadaNewsroom *nr, const char *site, gint64 article_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      nr, "DELETE FROM wordpress_post WHERE article_id = ?1 AND site = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  portada_stmt_bind_text (stmt, 2, site);
  return portada_newsroom_step_done (nr, stmt, error);
}

gboolean
portada_wp_posts_mark_conflict (PortadaNewsroom *nr, const char *site, gint64 article_id,
                                const char *site_sha256, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (nr,
                                  "UPDATE wordpress_post SET conflict_site_sha256 = ?3 "
                                  "WHERE article_id = ?1 AND site = ?2",
                                  error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  portada_stmt_bind_text (stmt, 2, site);
  portada_stmt_bind_text (stmt, 3, site_sha256);
  return portada_newsroom_step_done (nr, stmt, error);
}
