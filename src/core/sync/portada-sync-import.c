/* portada-sync-import.c: files read back into a newsroom, in one transaction.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files come from elsewhere (a repository anyone with access may have
 * pushed to): every one is checked and parsed before the transaction begins,
 * and only the records whose file differs from the newsroom's are written, by
 * their stable identity, so that the row ids (and the revisions kept under
 * them) stay.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-front-matter.h"
#include "portada-image.h"
#include "portada-svg.h"
#include "portada-sync-private.h"
#include "portada-sync-records.h"

static int
folder_index (const char *path)
{
  for (guint i = 0; i < PORTADA_SYNC_N_KINDS; i++)
    {
      gsize n = strlen (portada_sync_folders[i]);
      if (strncmp (path, portada_sync_folders[i], n) == 0 && path[n] == '/')
        return i;
    }
  return -1;
}

/* An image file's name is its sha256. */
static gboolean
check_digest (const char *path, GBytes *data, GError **error)
{
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);

  if (strncmp (path + strlen ("media/"), digest, 64) != 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: its contents do not match its name (sha256 %s)"), path, digest);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_media (const char *path, GHashTable *record, GHashTable *files, GError **error)
{
  const char *sha = g_hash_table_lookup (record, "sha256");
  const char *data_path = sha ? portada_sync_data_path_of (files, sha) : NULL;
  GBytes *data = data_path ? g_hash_table_lookup (files, data_path) : NULL;
  g_autofree char *digest = NULL;
  PortadaImageInfo info;
  gsize len;
  const guint8 *bytes;

  if (data == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: the image file beside it is missing"), path);
      return FALSE;
    }
  /* The newsroom's own image, not read back: nothing to check. */
  if (portada_sync_is_placeholder (data))
    return TRUE;
  bytes = g_bytes_get_data (data, &len);
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  if (!g_str_equal (digest, sha))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: its contents do not match its name (sha256 %s)"), data_path, digest);
      return FALSE;
    }
  if (!portada_image_sniff (bytes, len, &info, error))
    {
      g_prefix_error (error, "“%s”: ", data_path);
      return FALSE;
    }
  if (g_strcmp0 (info.mime, g_hash_table_lookup (record, "mime")) != 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: the image is %s, not the type its record says"), data_path, info.mime);
      return FALSE;
    }
  if (g_str_equal (info.mime, "image/svg+xml"))
    {
      g_autoptr (GPtrArray) removed = NULL;
      g_autoptr (GBytes) clean = portada_svg_sanitize (bytes, len, &removed, error);
      if (clean == NULL || (removed && removed->len > 0))
        {
          if (clean)
            g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                         _ ("“%s”: the SVG holds what Portada never stores (script, events)"),
                         data_path);
          else
            g_prefix_error (error, "“%s”: ", data_path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_record (const char *path, int kind, GHashTable *record, GHashTable *files, GError **error)
{
  const char *id = g_hash_table_lookup (record, portada_sync_identities[kind]);
  g_autofree char *expected = NULL;

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("“%s”: no field “%s”"), path,
                   portada_sync_identities[kind]);
      return FALSE;
    }
  expected = portada_sync_record_path (portada_sync_folders[kind], id);
  if (!g_str_equal (expected, path))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: its name does not match its field “%s” (“%s”)"), path,
                   portada_sync_identities[kind], id);
      return FALSE;
    }
  if (g_str_equal (portada_sync_folders[kind], "media"))
    return check_media (path, record, files, error);
  return TRUE;
}

static gboolean
check_format (GHashTable *records, GError **error)
{
  GHashTable *marker = g_hash_table_lookup (records, "portada-sync.md");
  const char *format = marker ? g_hash_table_lookup (marker, "format") : NULL;
  gint64 n = 0;

  if (format == NULL || !g_ascii_string_to_signed (format, 10, 1, G_MAXINT, &n, NULL))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“portada-sync.md” is missing or has no format: not a Portada newsroom"));
      return FALSE;
    }
  if (n > PORTADA_SYNC_FORMAT)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_TOO_NEW,
                   _ ("The newsroom's files were written by a newer Portada (format %d); "
                      "update Portada to read them"),
                   (int) n);
      return FALSE;
    }
  return TRUE;
}

/* path → record, every file of @files checked. */
static GHashTable *
parse_all (GHashTable *files, GHashTable *same_as, gboolean check, GError **error)
{
  g_autoptr (GHashTable) records
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  GHashTableIter iter;
  gpointer path, bytes;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      g_autoptr (GHashTable) record = NULL;
      if (!portada_sync_check_path (path, g_bytes_get_size (bytes), error))
        return NULL;
      if (!portada_sync_is_record (path))
        {
          GBytes *other = same_as ? g_hash_table_lookup (same_as, path) : NULL;
          if (check && (other == NULL || !g_bytes_equal (other, bytes))
              && !check_digest (path, bytes, error))
            return NULL;
          continue;
        }
      /* What the newsroom holds already is neither read nor written again. */
      if (same_as && g_strcmp0 (path, "portada-sync.md") != 0
          && g_strcmp0 (path, "settings.md") != 0)
        {
          GBytes *other = g_hash_table_lookup (same_as, path);
          if (other && g_bytes_equal (other, bytes))
            continue;
        }
      record = portada_sync_record_parse (path, bytes, error);
      if (record == NULL)
        return NULL;
      g_hash_table_insert (records, path, g_steal_pointer (&record));
    }
  if (!check)
    return g_steal_pointer (&records);
  if (!check_format (records, error))
    return NULL;
  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      int kind = folder_index (path);
      if (kind >= 0 && !check_record (path, kind, (GHashTable *) bytes, files, error))
        return NULL;
    }
  return g_steal_pointer (&records);
}

static gboolean
changed (GHashTable *old, GHashTable *files, const char *path)
{
  GBytes *a = g_hash_table_lookup (old, path);
  GBytes *b = g_hash_table_lookup (files, path);

  if (a == NULL || b == NULL)
    return TRUE;
  return !g_bytes_equal (a, b);
}

static gboolean
same_files (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer path, bytes;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      GBytes *other = g_hash_table_lookup (b, path);
      if (other == NULL || !g_bytes_equal (bytes, other))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply (PortadaNewsroom *nr, GHashTable *files, GHashTable *records, GHashTable *old,
       GHashTable *old_records, GError **error)
{
  g_autoptr (GPtrArray) settle = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer path, record;
  g_autoptr (GHashTable) stmts
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, portada_sync_finalize_stmt);
  Ctx c = { nr, NULL, NULL, error, old, stmts };

  /* Deleted records, dependents first. */
  for (int kind = PORTADA_SYNC_N_KINDS - 1; kind >= 0; kind--)
    {
      g_hash_table_iter_init (&iter, old_records);
      while (g_hash_table_iter_next (&iter, &path, &record))
        if (folder_index (path) == kind && !g_hash_table_contains (records, path))
          {
            c.path = path, c.r = record;
            if (!portada_sync_delete_record (&c, kind))
              return FALSE;
          }
    }
  if (changed (old, files, "settings.md"))
    {
      GHashTable *settings = g_hash_table_lookup (records, "settings.md");
      g_autoptr (GHashTable) none = portada_sync_record_new ();
      c.path = "settings.md", c.r = settings ? settings : none;
      if (!portada_sync_put_settings (&c, g_hash_table_lookup (old_records, "settings.md")))
        return FALSE;
    }
  for (guint kind = 0; kind < PORTADA_SYNC_N_KINDS; kind++)
    {
      g_hash_table_iter_init (&iter, records);
      while (g_hash_table_iter_next (&iter, &path, &record))
        if (folder_index (path) == (int) kind && changed (old, files, path))
          {
            c.path = path, c.r = record;
            if (!portada_sync_put_record (&c, kind, files))
              return FALSE;
            if (kind == 4 || kind == 5)
              g_ptr_array_add (settle, path);
          }
    }
  for (guint i = 0; i < settle->len; i++)
    {
      c.path = settle->pdata[i], c.r = g_hash_table_lookup (records, c.path);
      if (!portada_sync_settle (&c, folder_index (c.path)))
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_sync_import (PortadaNewsroom *newsroom, GHashTable *files, GError **error)
{
  return portada_sync_import_checked (newsroom, files, NULL, error);
}

gboolean
portada_sync_import_checked (PortadaNewsroom *newsroom, GHashTable *files, GHashTable *expected,
                             GError **error)
{
  g_autoptr (GHashTable) old = NULL;
  g_autoptr (GHashTable) records = NULL;
  g_autoptr (GHashTable) old_records = NULL;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);
  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  old = portada_sync_export_locked (newsroom, TRUE, error);
  if (old && expected && !same_files (old, expected))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_BUSY,
                   _ ("%s: the newsroom changed while it was being synced"),
                   portada_newsroom_get_path (newsroom));
      g_clear_pointer (&old, g_hash_table_unref);
    }
  if (old == NULL || (records = parse_all (files, old, TRUE, error)) == NULL
      || (old_records = parse_all (old, files, FALSE, error)) == NULL
      || !apply (newsroom, files, records, old, old_records, error))
    {
      portada_newsroom_rollback (newsroom);
      return FALSE;
    }
  return portada_newsroom_commit (newsroom, error);
}
