/* portada-publish-manifest.c: the export's files and the destination's manifest.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export's manifest says which files make the site (and nothing else in its
 * folder is published); its keys are of the inputs a file was made from, not of its
 * bytes, so the bytes are hashed here, and the SHA-256 is what the destination's
 * manifest keeps. A cache keyed by inode, size and modification time spares reading
 * again the files a re-export kept (it hard-links them, so they keep all three).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "portada-error.h"
#include "portada-publish-manifest.h"
#include "portada-site-export.h" /* PORTADA_SITE_MANIFEST */

#define MANIFEST_MAGIC "portada-publish-manifest 1 "
#define SITE_MAGIC "portada-site-manifest "
#define CACHE_MAGIC "portada-publish-hashes 1\n"

gboolean
portada_publish_path_is_safe (const char *path)
{
  g_auto (GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0' || path[0] == '/' || !g_utf8_validate (path, -1, NULL))
    return FALSE;
  for (const char *c = path; *c; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f || *c == '\\')
      return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (parts[i][0] == '\0' || parts[i][0] == '.')
      return FALSE;
  return TRUE;
}

GHashTable *
portada_publish_files_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
portada_publish_files_add (GHashTable *files, const char *path, const char *sha256, guint64 size)
{
  PortadaPublishFile *f = g_new0 (PortadaPublishFile, 1);

  g_strlcpy (f->sha256, sha256, sizeof f->sha256);
  f->size = size;
  g_hash_table_replace (files, g_strdup (path), f);
}

static gboolean
is_sha256 (const char *text)
{
  if (g_str_equal (text, PORTADA_PUBLISH_UNKNOWN))
    return TRUE;
  if (strlen (text) != 64)
    return FALSE;
  for (const char *c = text; *c; c++)
    if (!g_ascii_isxdigit (*c) || g_ascii_isupper (*c))
      return FALSE;
  return TRUE;
}

GHashTable *
portada_publish_manifest_parse (GBytes *data)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) files = NULL;
  guint64 count;
  char *end;
  guint n = 0;

  if (size < strlen (MANIFEST_MAGIC) || memchr (bytes, '\0', size))
    return NULL;
  text = g_strndup (bytes, size);
  if (!g_str_has_prefix (text, MANIFEST_MAGIC) || !g_str_has_suffix (text, "\n"))
    return NULL;
  count = g_ascii_strtoull (text + strlen (MANIFEST_MAGIC), &end, 10);
  if (*end != '\n')
    return NULL;
  files = portada_publish_files_new ();
  text[size - 1] = '\0';
  lines = g_strsplit (end + 1, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      char *size_end;
      guint64 file_size;

      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break; /* an empty manifest */
      n++;
      if (g_strv_length (f) != 3 || !is_sha256 (f[1]))
        return NULL;
      file_size = g_ascii_strtoull (f[2], &size_end, 10);
      if (*size_end != '\0' || f[2][0] == '\0')
        return NULL;
      if (portada_publish_path_is_safe (f[0]))
        portada_publish_files_add (files, f[0], f[1], file_size);
    }
  if (n != count)
    return NULL;
  return g_steal_pointer (&files);
}

/* The keys of @table (borrowed), in a new array. */
static GPtrArray *
keys_of (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

GBytes *
portada_publish_manifest_format (GHashTable *files)
{
  g_autoptr (GPtrArray) paths = keys_of (files);
  GString *text = g_string_new (NULL);

  g_ptr_array_sort (paths, compare_strings);
  g_string_append_printf (text, MANIFEST_MAGIC "%u\n", paths->len);
  for (guint i = 0; i < paths->len; i++)
    {
      PortadaPublishFile *f = g_hash_table_lookup (files, paths->pdata[i]);
      g_string_append_printf (text, "%s\t%s\t%" G_GUINT64_FORMAT "\n", (char *) paths->pdata[i],
                              f->sha256, f->size);
    }
  return g_string_free_to_bytes (text);
}

/* ------------------------------------------------------------------ */
/* The hash cache */

typedef struct
{
  char sha256[65];
  guint64 dev, ino, size, mtime_ns;
} Cached;

static guint64
mtime_ns (const struct stat *st)
{
  return (guint64) st->st_mtim.tv_sec * G_GUINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

static GHashTable *
cache_load (const char *path)
{
  GHashTable *cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  if (path == NULL || !g_file_get_contents (path, &text, NULL, NULL)
      || !g_str_has_prefix (text, CACHE_MAGIC))
    return cache;
  lines = g_strsplit (text + strlen (CACHE_MAGIC), "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      Cached *c;
      if (g_strv_length (f) != 6 || strlen (f[5]) != 64 || !is_sha256 (f[5]))
        continue;
      c = g_new0 (Cached, 1);
      c->dev = g_ascii_strtoull (f[1], NULL, 10);
      c->ino = g_ascii_strtoull (f[2], NULL, 10);
      c->size = g_ascii_strtoull (f[3], NULL, 10);
      c->mtime_ns = g_ascii_strtoull (f[4], NULL, 10);
      g_strlcpy (c->sha256, f[5], sizeof c->sha256);
      g_hash_table_replace (cache, g_strdup (f[0]), c);
    }
  return cache;
}

/* Best effort: a cache that cannot be written only costs time next time. */
static void
cache_save (const char *path, GHashTable *cache)
{
  g_autoptr (GString) text = g_string_new (CACHE_MAGIC);
  g_autofree char *dir = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (path == NULL)
    return;
  g_hash_table_iter_init (&iter, cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Cached *c = value;
      g_string_append_printf (text,
                              "%s\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT
                              "\t%" G_GUINT64_FORMAT "\t%s\n",
                              (char *) key, c->dev, c->ino, c->size, c->mtime_ns, c->sha256);
    }
  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents_full (path, text->str, text->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

static gboolean
hash_file (const char *site_dir, const char *path, int fd, char out[65], GError **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char buf[65536];
  ssize_t n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_checksum_update (sum, (guchar *) buf, n);
  if (n < 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("%s/%s: cannot be read (%s)"),
                   site_dir, path, g_strerror (errno));
      return FALSE;
    }
  g_strlcpy (out, g_checksum_get_string (sum), 65);
  return TRUE;
}

/* The file's SHA-256, from the cache when its inode, size and time are the same. */
static gboolean
site_file (const char *site_dir, const char *path, guint64 listed_size, GHashTable *cache,
           GHashTable *files, gboolean *rehashed, GError **error)
{
  g_autofree char *full = g_build_filename (site_dir, path, NULL);
  struct stat st;
  Cached *c;

  /* A stat only: a file known by its inode, size and time is not even opened. */
  if (lstat (full, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: the export lists %s, which is missing or not a plain file; export "
                      "again"),
                   site_dir, path);
      return FALSE;
    }
  if ((guint64) st.st_size != listed_size)
    {
      g_autofree char *have = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_size);
      g_autofree char *want = g_strdup_printf ("%" G_GUINT64_FORMAT, listed_size);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: %s is not the file the export wrote (%s bytes, not %s); export "
                      "again"),
                   site_dir, path, have, want);
      return FALSE;
    }
  c = g_hash_table_lookup (cache, path);
  if (c == NULL || c->dev != (guint64) st.st_dev || c->ino != (guint64) st.st_ino
      || c->size != (guint64) st.st_size || c->mtime_ns != mtime_ns (&st))
    {
      int fd = open (full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      gboolean ok;

      if (fd < 0)
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("%s/%s: cannot be read (%s)"),
                       site_dir, path, g_strerror (errno));
          return FALSE;
        }
      c = g_new0 (Cached, 1);
      c->dev = st.st_dev;
      c->ino = st.st_ino;
      c->size = st.st_size;
      c->mtime_ns = mtime_ns (&st);
      ok = hash_file (site_dir, path, fd, c->sha256, error);
      close (fd);
      g_hash_table_replace (cache, g_strdup (path), c);
      *rehashed = TRUE;
      if (!ok)
        return FALSE;
    }
  portada_publish_files_add (files, path, c->sha256, st.st_size);
  return TRUE;
}

GHashTable *
portada_publish_site_read (const char *site_dir, const char *hash_cache, GCancellable *cancellable,
                           GError **error)
{
  g_autofree char *manifest = g_build_filename (site_dir, PORTADA_SITE_MANIFEST, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) files = portada_publish_files_new ();
  g_autoptr (GHashTable) cache = cache_load (hash_cache);
  g_autoptr (GHashTable) fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean rehashed = FALSE;
  char *end;

  if (!g_file_test (site_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                   _ ("%s: there is no such folder to publish"), site_dir);
      return NULL;
    }
  if (!g_file_get_contents (manifest, &text, NULL, &local) || !g_str_has_prefix (text, SITE_MAGIC)
      || (end = strchr (text, '\n')) == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: not a site exported by Portada (its manifest %s is missing or "
                      "damaged); export the site into it first"),
                   site_dir, PORTADA_SITE_MANIFEST);
      return NULL;
    }
  lines = g_strsplit (end + 1, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) f = NULL;
      if (lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) < 3 || !portada_publish_path_is_safe (f[0]))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s/%s: line %u is not a file of the site; export again"), site_dir,
                       PORTADA_SITE_MANIFEST, i + 2);
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!site_file (site_dir, f[0], g_ascii_strtoull (f[2], NULL, 10), cache, files, &rehashed,
                      error))
        return NULL;
      /* Only what the site still has stays in the cache. */
      g_hash_table_replace (fresh, g_strdup (f[0]),
                            g_memdup2 (g_hash_table_lookup (cache, f[0]), sizeof (Cached)));
    }
  /* Written again only when it learnt or forgot something. */
  if (rehashed || g_hash_table_size (fresh) != g_hash_table_size (cache))
    cache_save (hash_cache, fresh);
  return g_steal_pointer (&files);
}
