/* portada-media.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-media.h"
#include "portada-newsroom-private.h"

#define INFO_COLUMNS "id, sha256, mime, width, height, size, filename, alt_text, caption, credit"

void
portada_media_free (PortadaMedia *m)
{
  if (m == NULL)
    return;
  g_free (m->sha256);
  g_free (m->mime);
  g_free (m->filename);
  g_free (m->alt_text);
  g_free (m->caption);
  g_free (m->credit);
  g_free (m);
}

PortadaMedia *
portada_media_copy (const PortadaMedia *m)
{
  PortadaMedia *c;

  if (m == NULL)
    return NULL;
  c = g_memdup2 (m, sizeof *m);
  c->sha256 = g_strdup (m->sha256);
  c->mime = g_strdup (m->mime);
  c->filename = g_strdup (m->filename);
  c->alt_text = g_strdup (m->alt_text);
  c->caption = g_strdup (m->caption);
  c->credit = g_strdup (m->credit);
  return c;
}

gboolean
portada_media_is_sha256 (const char *sha256)
{
  return sha256 && strlen (sha256) == 64 && strspn (sha256, "0123456789abcdef") == 64;
}

const char *
portada_media_extension (const char *mime)
{
  if (g_strcmp0 (mime, "image/svg+xml") == 0)
    return "svg";
  if (g_strcmp0 (mime, "image/png") == 0)
    return "png";
  if (g_strcmp0 (mime, "image/jpeg") == 0)
    return "jpg";
  if (g_strcmp0 (mime, "image/gif") == 0)
    return "gif";
  if (g_strcmp0 (mime, "image/webp") == 0)
    return "webp";
  return "bin";
}

static PortadaMedia *
media_from_row (sqlite3_stmt *stmt)
{
  PortadaMedia *m = g_new0 (PortadaMedia, 1);

  m->id = sqlite3_column_int64 (stmt, 0);
  m->sha256 = portada_stmt_dup_text (stmt, 1);
  m->mime = portada_stmt_dup_text (stmt, 2);
  m->width = sqlite3_column_int (stmt, 3);
  m->height = sqlite3_column_int (stmt, 4);
  m->size = sqlite3_column_int64 (stmt, 5);
  m->filename = portada_stmt_dup_text (stmt, 6);
  m->alt_text = portada_stmt_dup_text (stmt, 7);
  m->caption = portada_stmt_dup_text (stmt, 8);
  m->credit = portada_stmt_dup_text (stmt, 9);
  return m;
}

static PortadaMedia *
load_one (PortadaNewsroom *newsroom, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return media_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no image %s"), what);
  else
    portada_newsroom_set_error (newsroom, error, _ ("the image cannot be read"));
  return NULL;
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
  g_autofree char *what = g_strdup_printf ("%lld", (long long) id);

  stmt = portada_newsroom_prepare (newsroom, "SELECT " INFO_COLUMNS " FROM media WHERE id = ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_one (newsroom, stmt, what, error);
}

PortadaMedia *
portada_media_find_sha256 (PortadaNewsroom *newsroom, const char *sha256, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *low = NULL;
  gsize n;

  g_return_val_if_fail (sha256 != NULL, NULL);
  n = strlen (sha256);
  if (n < 16 || n > 64 || strspn (sha256, "0123456789abcdefABCDEF") != n)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no image %s"),
                   sha256);
      return NULL;
    }
  low = g_ascii_strdown (sha256, -1);
  /* A range on the unique index, never a scan: the digits sort as text. */
  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT " INFO_COLUMNS " FROM media WHERE sha256 >= ?1 "
                                   "AND sha256 < ?1 || 'g' ORDER BY sha256 LIMIT 1",
                                   error);
  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text (stmt, 1, low);
  return load_one (newsroom, stmt, low, error);
}

gint64
portada_media_find_filename (PortadaNewsroom *newsroom, const char *filename, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom, "SELECT id FROM media WHERE filename = ? ORDER BY id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return -1;
  portada_stmt_bind_text (stmt, 1, filename);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  portada_newsroom_set_error (newsroom, error, _ ("images cannot be read"));
  return -1;
}

GPtrArray *
portada_media_list (PortadaNewsroom *newsroom, const char *search, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_media_free);
  g_autofree char *pattern = NULL;
  int rc;

  stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT " INFO_COLUMNS " FROM media WHERE ?1 IS NULL OR filename LIKE ?1 ESCAPE '\\' "
      "OR alt_text LIKE ?1 ESCAPE '\\' OR caption LIKE ?1 ESCAPE '\\' "
      "OR credit LIKE ?1 ESCAPE '\\' ORDER BY created_at DESC, id DESC",
      error);
  if (stmt == NULL)
    return NULL;
  if (search && *search)
    {
      GString *p = g_string_new ("%");
      for (const char *c = search; *c; c++)
        {
          if (*c == '%' || *c == '_' || *c == '\\')
            g_string_append_c (p, '\\');
          g_string_append_c (p, *c);
        }
      g_string_append_c (p, '%');
      pattern = g_string_free (p, FALSE);
    }
  portada_stmt_bind_text_or_null (stmt, 1, pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, media_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("images cannot be read"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
portada_media_count (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (newsroom, "SELECT count(*) FROM media", error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      portada_newsroom_set_error (newsroom, error, _ ("images cannot be read"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
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

static char *
empty_to_null (const char *text)
{
  return text && *text ? g_strdup (text) : NULL;
}

gboolean
portada_media_set_details (PortadaNewsroom *newsroom, gint64 id, const char *alt,
                           const char *caption, const char *credit, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *a = empty_to_null (alt), *c = empty_to_null (caption),
                  *r = empty_to_null (credit);

  stmt = portada_newsroom_prepare (
      newsroom, "UPDATE media SET alt_text = ?, caption = ?, credit = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text_or_null (stmt, 1, a);
  portada_stmt_bind_text_or_null (stmt, 2, c);
  portada_stmt_bind_text_or_null (stmt, 3, r);
  sqlite3_bind_int64 (stmt, 4, id);
  return portada_newsroom_step_done (newsroom, stmt, error);
}

gboolean
portada_media_remove (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (newsroom, "DELETE FROM media WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return portada_newsroom_step_done (newsroom, stmt, error);
}

GBytes *
portada_media_lookup (PortadaNewsroom *newsroom, const char *sha256, char **mime, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (!portada_media_is_sha256 (sha256))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no image %s"),
                   sha256);
      return NULL;
    }
  stmt
      = portada_newsroom_prepare (newsroom, "SELECT mime, data FROM media WHERE sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (mime)
        *mime = portada_stmt_dup_text (stmt, 0);
      return g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no image %s"), sha256);
  else
    portada_newsroom_set_error (newsroom, error, _ ("an image cannot be read"));
  return NULL;
}
