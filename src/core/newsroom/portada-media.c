/* portada-media.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-media.h"
#include "portada-newsroom-private.h"

void
portada_media_free (PortadaMedia *m)
{
  if (m == NULL)
    return;
  g_free (m->sha256);
  g_free (m->mime);
  g_free (m->filename);
  g_free (m->alt_text);
  g_free (m);
}

gint64
portada_media_add (PortadaNewsroom *newsroom, GBytes *data, const char *mime, int width, int height,
                   const char *filename, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sha = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gsize len;
  const guint8 *bytes;

  g_return_val_if_fail (data != NULL && mime != NULL, 0);
  bytes = g_bytes_get_data (data, &len);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  stmt = portada_newsroom_prepare (newsroom,
                                   "INSERT INTO media (sha256, mime, width, height, size, "
                                   "filename, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (sha256) DO UPDATE SET sha256 = sha256 "
                                   "RETURNING id",
                                   error);
  if (stmt == NULL)
    return 0;
  portada_stmt_bind_text (stmt, 1, sha);
  portada_stmt_bind_text (stmt, 2, mime);
  sqlite3_bind_int (stmt, 3, width);
  sqlite3_bind_int (stmt, 4, height);
  sqlite3_bind_int64 (stmt, 5, len);
  portada_stmt_bind_text_or_null (stmt, 6, filename);
  sqlite3_bind_blob64 (stmt, 7, len ? bytes : (const void *) "", len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, g_date_time_to_unix (now));
  {
    gint64 id = 0;
    portada_newsroom_step_returning (newsroom, stmt, &id, _ ("the image cannot be stored"), error);
    return id;
  }
}

PortadaMedia *
portada_media_load_info (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  PortadaMedia *m;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT id, sha256, mime, width, height, size, filename, "
                                   "alt_text FROM media WHERE id = ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no image %lld"),
                     (long long) id);
      else
        portada_newsroom_set_error (newsroom, error, _ ("the image cannot be read"));
      return NULL;
    }
  m = g_new0 (PortadaMedia, 1);
  m->id = sqlite3_column_int64 (stmt, 0);
  m->sha256 = portada_stmt_dup_text (stmt, 1);
  m->mime = portada_stmt_dup_text (stmt, 2);
  m->width = sqlite3_column_int (stmt, 3);
  m->height = sqlite3_column_int (stmt, 4);
  m->size = sqlite3_column_int64 (stmt, 5);
  m->filename = portada_stmt_dup_text (stmt, 6);
  m->alt_text = portada_stmt_dup_text (stmt, 7);
  return m;
}

GBytes *
portada_media_load_data (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom, "SELECT data FROM media WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no image %lld"),
                 (long long) id);
  else
    portada_newsroom_set_error (newsroom, error, _ ("the image cannot be read"));
  return NULL;
}

gboolean
portada_media_set_alt_text (PortadaNewsroom *newsroom, gint64 id, const char *alt, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (newsroom, "UPDATE media SET alt_text = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text_or_null (stmt, 1, alt);
  sqlite3_bind_int64 (stmt, 2, id);
  return portada_newsroom_step_done (newsroom, stmt, error);
}
