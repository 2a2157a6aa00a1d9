/* portada-sync-text.c: records as files, and files in a folder.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <string.h>

#include "portada-front-matter.h"
#include "portada-sync-text.h"

static const char *const record_folders[] = {
  "languages", "sections",   "authors",    "articles",  "pages",
  "sponsors",  "logo-lists", "placements", "conflicts", NULL,
};

static const char *const media_extensions[] = { "png", "jpg", "webp", "svg", "gif", NULL };

GHashTable *
portada_sync_files_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
}

GHashTable *
portada_sync_record_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gboolean
portada_sync_is_record (const char *path)
{
  return g_str_has_suffix (path, ".md");
}

/* A record's name: letters, digits, ".", "_" and "-", not starting with a dot. */
static gboolean
valid_stem (const char *s, gsize len)
{
  if (len == 0 || len > 128 || s[0] == '.')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_sha256 (const char *s, gsize len)
{
  if (len != 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
check_shape (const char *path, gboolean *is_media)
{
  const char *slash = strchr (path, '/');
  const char *name, *dot;

  *is_media = FALSE;
  if (slash == NULL)
    return g_str_equal (path, "portada-sync.md") || g_str_equal (path, "settings.md");
  name = slash + 1;
  if (strchr (name, '/') != NULL)
    return FALSE;
  dot = strrchr (name, '.');
  if (dot == NULL)
    return FALSE;
  if (strncmp (path, "media/", 6) == 0)
    {
      if (!is_sha256 (name, dot - name))
        return FALSE;
      if (g_str_equal (dot, ".md"))
        return TRUE;
      *is_media = g_strv_contains (media_extensions, dot + 1);
      return *is_media;
    }
  for (guint i = 0; record_folders[i]; i++)
    if (strlen (record_folders[i]) == (gsize) (slash - path)
        && strncmp (path, record_folders[i], slash - path) == 0)
      return g_str_equal (dot, ".md") && valid_stem (name, dot - name);
  return FALSE;
}

gboolean
portada_sync_check_path (const char *path, guint64 size, GError **error)
{
  gboolean is_media;
  g_autofree char *shown = g_utf8_make_valid (path, -1);

  if (!check_shape (path, &is_media))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: not a file of a newsroom (unexpected name or folder)"), shown);
      return FALSE;
    }
  if (size > (is_media ? PORTADA_SYNC_MAX_MEDIA_BYTES : PORTADA_SYNC_MAX_TEXT_BYTES))
    {
      g_autofree char *bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: too large (%s bytes; at most %d)"), shown, bytes,
                   is_media ? PORTADA_SYNC_MAX_MEDIA_BYTES : PORTADA_SYNC_MAX_TEXT_BYTES);
      return FALSE;
    }
  return TRUE;
}

/* Records */

static void
append_list (GString *out, const char *joined)
{
  g_auto (GStrv) items = g_strsplit (joined, "\n", -1);

  g_string_append_c (out, '[');
  for (guint i = 0; items[i]; i++)
    {
      if (*items[i] == '\0')
        continue;
      if (out->str[out->len - 1] != '[')
        g_string_append (out, ", ");
      portada_yaml_append_string (out, items[i]);
    }
  g_string_append_c (out, ']');
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GBytes *
portada_sync_record_write (GHashTable *record)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  GString *out = g_string_new ("---\n");
  const char *body;

  g_hash_table_iter_init (&iter, record);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *value = g_hash_table_lookup (record, key);
      if (g_str_equal (key, "body"))
        continue;
      g_string_append_printf (out, "%s: ", key);
      if (g_str_equal (key, "tags"))
        append_list (out, value);
      else
        portada_yaml_append_string (out, value);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "---\n");
  body = g_hash_table_lookup (record, "body");
  if (body)
    g_string_append (out, body);
  return g_string_free_to_bytes (out);
}

GHashTable *
portada_sync_record_parse (const char *path, GBytes *bytes, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autoptr (GHashTable) fields = NULL;
  g_autoptr (GHashTable) record = portada_sync_record_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (memchr (data, '\0', len) != NULL || !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("“%s”: not UTF-8 text"), path);
      return NULL;
    }
  text = g_strndup (data, len);
  fields = portada_front_matter_parse (text, &body, error);
  if (fields == NULL)
    {
      g_prefix_error (error, "“%s”: ", path);
      return NULL;
    }
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PortadaYamlValue *v = value;
      if (g_str_equal (key, "body"))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("“%s”, line %d: “body” is not a field"), path, v->line);
          return NULL;
        }
      g_hash_table_insert (record, g_strdup (key),
                           v->list ? g_strjoinv ("\n", v->list) : g_strdup (v->scalar));
    }
  if (body && *body)
    g_hash_table_insert (record, g_strdup ("body"), g_steal_pointer (&body));
  return g_steal_pointer (&record);
}

/* Folders */

static gboolean
write_file (const char *dir, const char *path, GBytes *bytes, GError **error)
{
  g_autofree char *full = g_build_filename (dir, path, NULL);
  g_autofree char *parent = g_path_get_dirname (full);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("Could not create “%s”: %s"),
                   parent, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_set_contents (full, data ? data : "", len, error))
    return FALSE;
  return TRUE;
}

gboolean
portada_sync_write_dir (GHashTable *files, const char *dir, GError **error)
{
  g_autoptr (GDir) existing = NULL;
  GHashTableIter iter;
  gpointer path, bytes;

  g_return_val_if_fail (files != NULL && dir != NULL, FALSE);
  existing = g_dir_open (dir, 0, NULL);
  if (existing && g_dir_read_name (existing) != NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_EXISTS,
                   _ ("“%s” is not empty: the newsroom is written into a new folder"), dir);
      return FALSE;
    }
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    if (!write_file (dir, path, bytes, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_one (GHashTable *files, const char *dir, const char *path, GError **error)
{
  g_autofree char *full = g_build_filename (dir, path, NULL);
  GStatBuf st;
  g_autofree char *data = NULL;
  gsize len;

  if (g_lstat (full, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: not a regular file (a link, a folder or a device)"), path);
      return FALSE;
    }
  if (!portada_sync_check_path (path, st.st_size, error))
    return FALSE;
  if (g_hash_table_size (files) >= PORTADA_SYNC_MAX_FILES)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("“%s”: more than %d files"), dir,
                   PORTADA_SYNC_MAX_FILES);
      return FALSE;
    }
  if (!g_file_get_contents (full, &data, &len, error))
    return FALSE;
  /* The file may have grown between the check and the read. */
  if (!portada_sync_check_path (path, len, error))
    return FALSE;
  g_hash_table_insert (files, g_strdup (path), g_bytes_new_take (g_steal_pointer (&data), len));
  return TRUE;
}

GHashTable *
portada_sync_read_dir (const char *dir, GError **error)
{
  g_autoptr (GHashTable) files = portada_sync_files_new ();
  g_autoptr (GDir) top = g_dir_open (dir, 0, error);
  const char *name;

  if (top == NULL)
    return NULL;
  while ((name = g_dir_read_name (top)))
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_str_equal (name, ".git"))
        continue;
      if (g_lstat (full, &st) == 0 && S_ISDIR (st.st_mode))
        {
          g_autoptr (GDir) sub = g_dir_open (full, 0, error);
          const char *child;
          if (sub == NULL)
            return NULL;
          while ((child = g_dir_read_name (sub)))
            {
              g_autofree char *path = g_strdup_printf ("%s/%s", name, child);
              if (!read_one (files, dir, path, error))
                return NULL;
            }
        }
      else if (!read_one (files, dir, name, error))
        return NULL;
    }
  return g_steal_pointer (&files);
}
