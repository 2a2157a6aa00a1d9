/* portada-sync-export.c: the newsroom written as files, one per record.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-media.h"
#include "portada-sync-private.h"

char *
portada_sync_record_path (const char *folder, const char *id)
{
  gboolean plain = *id != '\0' && *id != '.' && strlen (id) <= 100;

  for (const char *p = id; plain && *p; p++)
    plain = g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-';
  if (plain)
    return g_strdup_printf ("%s/%s.md", folder, id);
  {
    g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, id, -1);
    return g_strdup_printf ("%s/id-%s.md", folder, digest);
  }
}

gboolean
portada_sync_setting_is_shared (const char *key)
{
  static const char *const secret_words[] = { "password", "token", "secret", "credential", NULL };

  if (g_str_has_prefix (key, "sync-"))
    return FALSE;
  for (guint i = 0; secret_words[i]; i++)
    if (strstr (key, secret_words[i]) != NULL)
      return FALSE;
  return TRUE;
}

char *
portada_sync_format_time (gint64 unix_time)
{
  g_autoptr (GDateTime) t = g_date_time_new_from_unix_utc (unix_time);

  if (t == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, unix_time);
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
portada_sync_parse_time (const char *text, gint64 *unix_time)
{
  g_autoptr (GDateTime) t = NULL;
  char *end = NULL;
  gint64 n;

  if (text == NULL || *text == '\0')
    return FALSE;
  n = g_ascii_strtoll (text, &end, 10);
  if (end && *end == '\0' && end != text)
    {
      *unix_time = n;
      return TRUE;
    }
  t = g_date_time_new_from_iso8601 (text, NULL);
  if (t == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (t);
  return TRUE;
}

/* Column helpers: a NULL column is a missing field. */

static void
put_text (GHashTable *r, const char *key, sqlite3_stmt *s, int col)
{
  if (sqlite3_column_type (s, col) != SQLITE_NULL)
    g_hash_table_insert (r, g_strdup (key), portada_stmt_dup_text (s, col));
}

static void
put_int (GHashTable *r, const char *key, sqlite3_stmt *s, int col)
{
  if (sqlite3_column_type (s, col) != SQLITE_NULL)
    g_hash_table_insert (
        r, g_strdup (key),
        g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (s, col)));
}

static void
put_time (GHashTable *r, const char *key, sqlite3_stmt *s, int col)
{
  if (sqlite3_column_type (s, col) != SQLITE_NULL)
    g_hash_table_insert (r, g_strdup (key),
                         portada_sync_format_time (sqlite3_column_int64 (s, col)));
}

static void
put_bool (GHashTable *r, const char *key, sqlite3_stmt *s, int col)
{
  g_hash_table_insert (r, g_strdup (key),
                       g_strdup (sqlite3_column_int (s, col) ? "true" : "false"));
}

static void
add_record (GHashTable *files, const char *folder, const char *id, GHashTable *record)
{
  g_hash_table_insert (files, portada_sync_record_path (folder, id),
                       portada_sync_record_write (record));
}

typedef void (*RowFunc) (GHashTable *files, sqlite3_stmt *stmt);

static gboolean
each_row (PortadaNewsroom *nr, const char *sql, RowFunc func, GHashTable *files, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (nr, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (files, stmt);
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (nr, error, "sync export");
  return TRUE;
}

static void
language_row (GHashTable *files, sqlite3_stmt *s)
{
  g_autoptr (GHashTable) r = portada_sync_record_new ();

  put_text (r, "code", s, 0);
  put_text (r, "name", s, 1);
  put_text (r, "base_path", s, 2);
  put_int (r, "position", s, 3);
  add_record (files, "languages", (const char *) sqlite3_column_text (s, 0), r);
}

static void
author_row (GHashTable *files, sqlite3_stmt *s)
{
  g_autoptr (GHashTable) r = portada_sync_record_new ();

  put_text (r, "uid", s, 0);
  put_text (r, "name", s, 1);
  put_text (r, "email", s, 2);
  put_text (r, "bio", s, 3);
  add_record (files, "authors", (const char *) sqlite3_column_text (s, 0), r);
}

/* Starts with a NUL byte, which no image file does. */
static const char placeholder[] = "\0portada: the image is in the newsroom";

gboolean
portada_sync_is_placeholder (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return len == sizeof placeholder && memcmp (data, placeholder, len) == 0;
}

GBytes *
portada_sync_media_data (PortadaNewsroom *newsroom, const char *path, GError **error)
{
  g_autofree char *sha = g_strndup (path + strlen ("media/"), 64);
  g_autoptr (sqlite3_stmt) s
      = portada_newsroom_prepare (newsroom, "SELECT data FROM media WHERE sha256 = ?", error);

  if (s == NULL)
    return NULL;
  portada_stmt_bind_text (s, 1, sha);
  if (sqlite3_step (s) != SQLITE_ROW)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                   _ ("%s: the image %s is no longer in the newsroom"),
                   portada_newsroom_get_path (newsroom), sha);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (s, 0), sqlite3_column_bytes (s, 0));
}

static void
media_row (GHashTable *files, sqlite3_stmt *s)
{
  g_autoptr (GHashTable) r = portada_sync_record_new ();
  const char *sha = (const char *) sqlite3_column_text (s, 0);
  const char *mime = (const char *) sqlite3_column_text (s, 1);
  const char *ext = portada_media_extension (mime);

  put_text (r, "sha256", s, 0);
  put_text (r, "mime", s, 1);
  put_int (r, "width", s, 2);
  put_int (r, "height", s, 3);
  put_text (r, "filename", s, 4);
  put_time (r, "created_at", s, 5);
  put_text (r, "alt_text", s, 6);
  put_text (r, "caption", s, 7);
  put_text (r, "credit", s, 8);
  g_hash_table_insert (files, g_strdup_printf ("media/%s.md", sha), portada_sync_record_write (r));
  g_hash_table_insert (files, g_strdup_printf ("media/%s.%s", sha, ext ? ext : "png"),
                       sqlite3_column_type (s, 9) == SQLITE_NULL
                           ? g_bytes_new_static (placeholder, sizeof placeholder)
                           : g_bytes_new (sqlite3_column_blob (s, 9), sqlite3_column_bytes (s, 9)));
}

static void
article_row (GHashTable *files, sqlite3_stmt *s)
{
  static const char *const text_fields[] = {
    "uuid",   "lang",   "translation_group", "section", "title",       "subtitle",   "slug",
    "status", "author", "excerpt",           "body",    "source_name", "source_url", "featured",
    "tags",   NULL
  };
  g_autoptr (GHashTable) r = portada_sync_record_new ();
  int col = 0;

  for (; text_fields[col]; col++)
    put_text (r, text_fields[col], s, col);
  put_int (r, "slug_year", s, col++);
  put_time (r, "publish_at", s, col++);
  put_time (r, "created_at", s, col++);
  put_time (r, "updated_at", s, col++);
  put_bool (r, "comments_enabled", s, col++);
  put_time (r, "first_published_at", s, col++);
  put_time (r, "deleted_at", s, col++);
  if (!g_hash_table_contains (r, "tags"))
    g_hash_table_insert (r, g_strdup ("tags"), g_strdup (""));
  if (g_strcmp0 (g_hash_table_lookup (r, "body"), "") == 0)
    g_hash_table_remove (r, "body");
  add_record (files, "articles", (const char *) sqlite3_column_text (s, 0), r);
}

static void
page_row (GHashTable *files, sqlite3_stmt *s)
{
  static const char *const text_fields[]
      = { "uuid", "lang", "title", "slug", "parent", "status", "translation_group", "body", NULL };
  g_autoptr (GHashTable) r = portada_sync_record_new ();
  int col = 0;

  for (; text_fields[col]; col++)
    put_text (r, text_fields[col], s, col);
  put_int (r, "menu_order", s, col++);
  put_time (r, "created_at", s, col++);
  put_time (r, "updated_at", s, col++);
  if (g_strcmp0 (g_hash_table_lookup (r, "body"), "") == 0)
    g_hash_table_remove (r, "body");
  add_record (files, "pages", (const char *) sqlite3_column_text (s, 0), r);
}

static void
sponsor_row (GHashTable *files, sqlite3_stmt *s)
{
  static const char *const text_fields[]
      = { "uid",          "name",  "website", "logo", "alt_text", "contract_start",
          "contract_end", "notes", NULL };
  g_autoptr (GHashTable) r = portada_sync_record_new ();
  int col = 0;

  for (; text_fields[col]; col++)
    put_text (r, text_fields[col], s, col);
  put_bool (r, "active", s, col);
  add_record (files, "sponsors", (const char *) sqlite3_column_text (s, 0), r);
}

static void
placement_row (GHashTable *files, sqlite3_stmt *s)
{
  static const char *const text_fields[]
      = { "uid", "slot", "list", "order_mode", "languages", "sections", NULL };
  g_autoptr (GHashTable) r = portada_sync_record_new ();
  int col = 0;

  for (; text_fields[col]; col++)
    put_text (r, text_fields[col], s, col);
  put_int (r, "position", s, col++);
  put_int (r, "max_logos", s, col++);
  put_int (r, "after_paragraph", s, col++);
  add_record (files, "placements", (const char *) sqlite3_column_text (s, 0), r);
}

static void
conflict_row (GHashTable *files, sqlite3_stmt *s)
{
  g_autoptr (GHashTable) r = portada_sync_record_new ();

  put_text (r, "uid", s, 0);
  put_text (r, "record", s, 1);
  put_text (r, "field", s, 2);
  put_text (r, "body", s, 3);
  put_time (r, "created_at", s, 4);
  add_record (files, "conflicts", (const char *) sqlite3_column_text (s, 0), r);
}

/* Records built from several rows each (settings, sections, logo lists): the
 * first query makes the records, the second adds a field per row. */
static gboolean
grouped (PortadaNewsroom *nr, GHashTable *files, const char *folder, const char *heads,
         const char *fields, GError **error)
{
  g_autoptr (GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_hash_table_unref);
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (nr, heads, error);
  GHashTableIter iter;
  gpointer id, record;
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* heads: id, then (name, value) pairs. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GHashTable *r = portada_sync_record_new ();
      for (int c = 1; c + 1 < sqlite3_column_count (stmt); c += 2)
        put_text (r, (const char *) sqlite3_column_text (stmt, c), stmt, c + 1);
      g_hash_table_insert (records, portada_stmt_dup_text (stmt, 0), r);
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (nr, error, "sync export");
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* fields: id, name, value. */
  stmt = portada_newsroom_prepare (nr, fields, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GHashTable *r = g_hash_table_lookup (records, sqlite3_column_text (stmt, 0));
      if (r && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        put_text (r, (const char *) sqlite3_column_text (stmt, 1), stmt, 2);
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (nr, error, "sync export");
  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, &id, &record))
    {
      if (folder)
        add_record (files, folder, id, record);
      else
        g_hash_table_insert (files, g_strdup (id), portada_sync_record_write (record));
    }
  return TRUE;
}

GHashTable *
portada_sync_export_locked (PortadaNewsroom *nr, gboolean lazy_media, GError **error)
{
  g_autoptr (GHashTable) files = portada_sync_files_new ();
  g_autoptr (GHashTable) marker = portada_sync_record_new ();
  g_autoptr (GHashTable) settings = portada_sync_record_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_hash_table_insert (marker, g_strdup ("format"), g_strdup_printf ("%d", PORTADA_SYNC_FORMAT));
  g_hash_table_insert (files, g_strdup ("portada-sync.md"), portada_sync_record_write (marker));

  stmt = portada_newsroom_prepare (nr, "SELECT key, value FROM setting", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (portada_sync_setting_is_shared ((const char *) sqlite3_column_text (stmt, 0)))
      put_text (settings, (const char *) sqlite3_column_text (stmt, 0), stmt, 1);
  g_hash_table_insert (files, g_strdup ("settings.md"), portada_sync_record_write (settings));

  if (!each_row (nr, "SELECT code, name, base_path, position FROM language", language_row, files,
                 error)
      || !grouped (nr, files, "sections",
                   "SELECT key, 'key', key, 'position', position FROM section",
                   "SELECT s.key, 'name.' || l.lang, l.name FROM section_label l"
                   "  JOIN section s ON s.id = l.section_id"
                   " UNION ALL SELECT s.key, 'path.' || l.lang, l.path FROM section_label l"
                   "  JOIN section s ON s.id = l.section_id",
                   error)
      || !each_row (nr, "SELECT uid, name, email, bio FROM author", author_row, files, error)
      || !each_row (nr,
                    lazy_media ? "SELECT sha256, mime, width, height, filename, created_at,"
                                 " alt_text, caption, credit, NULL FROM media"
                               : "SELECT sha256, mime, width, height, filename, created_at,"
                                 " alt_text, caption, credit, data FROM media",
                    media_row, files, error)
      || !each_row (nr,
                    "SELECT a.uuid, a.lang, a.translation_group, s.key, a.title, a.subtitle,"
                    " a.slug, a.status, au.uid, a.excerpt, a.body, a.source_name, a.source_url,"
                    " m.sha256, (SELECT group_concat(name, char(10)) FROM (SELECT t.name FROM"
                    "  article_tag x JOIN tag t ON t.id = x.tag_id WHERE x.article_id = a.id"
                    "  ORDER BY x.position, t.name)),"
                    " a.slug_year, a.publish_at, a.created_at, a.updated_at, a.comments_enabled,"
                    " a.first_published_at, a.deleted_at"
                    " FROM article a LEFT JOIN section s ON s.id = a.section_id"
                    " LEFT JOIN author au ON au.id = a.author_id"
                    " LEFT JOIN media m ON m.id = a.featured_media_id",
                    article_row, files, error)
      || !each_row (nr,
                    "SELECT p.uuid, p.lang, p.title, p.slug, q.uuid, p.status,"
                    " p.translation_group, p.body, p.menu_order, p.created_at, p.updated_at"
                    " FROM page p LEFT JOIN page q ON q.id = p.parent_id",
                    page_row, files, error)
      || !each_row (nr,
                    "SELECT s.uid, s.name, s.website, m.sha256, s.alt_text, s.contract_start,"
                    " s.contract_end, s.notes, s.active"
                    " FROM sponsor s LEFT JOIN media m ON m.id = s.logo_media_id",
                    sponsor_row, files, error)
      || !grouped (nr, files, "logo-lists", "SELECT uid, 'uid', uid, 'name', name FROM logo_list",
                   "SELECT l.uid, 'position.' || s.uid, m.position FROM logo_list_member m"
                   "  JOIN logo_list l ON l.id = m.list_id JOIN sponsor s ON s.id = m.sponsor_id"
                   " UNION ALL SELECT l.uid, 'weight.' || s.uid, m.weight FROM logo_list_member m"
                   "  JOIN logo_list l ON l.id = m.list_id JOIN sponsor s ON s.id = m.sponsor_id",
                   error)
      || !each_row (nr,
                    "SELECT p.uid, p.slot, l.uid, p.order_mode, p.languages, p.sections,"
                    " p.position, p.max_logos, p.after_paragraph"
                    " FROM placement p LEFT JOIN logo_list l ON l.id = p.list_id",
                    placement_row, files, error)
      || !each_row (nr, "SELECT uid, record, field, other, created_at FROM sync_conflict",
                    conflict_row, files, error))
    return NULL;
  return g_steal_pointer (&files);
}

static GHashTable *
export_read (PortadaNewsroom *newsroom, gboolean lazy_media, GError **error)
{
  GHashTable *files;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  if (!portada_newsroom_begin_read (newsroom, error))
    return NULL;
  files = portada_sync_export_locked (newsroom, lazy_media, error);
  portada_newsroom_end_read (newsroom);
  return files;
}

GHashTable *
portada_sync_export (PortadaNewsroom *newsroom, GError **error)
{
  return export_read (newsroom, FALSE, error);
}

GHashTable *
portada_sync_export_lazy (PortadaNewsroom *newsroom, GError **error)
{
  return export_read (newsroom, TRUE, error);
}
