/* portada-exchange.c: what the importers and exporters share.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* renameat2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "portada-beneath.h"
#include "portada-exchange-private.h"
#include "portada-markdown.h"
#include "portada-newsroom-private.h"
#include "portada-sanitizer.h"
#include "portada-slug.h"

#define MARKER_FILE ".portada-export"

PortadaImportSummary *
portada_import_summary_new (void)
{
  PortadaImportSummary *s = g_new0 (PortadaImportSummary, 1);
  s->lines = g_ptr_array_new_with_free_func (g_free);
  s->left_out_why = g_ptr_array_new_with_free_func (g_free);
  s->left_out_count = g_array_new (FALSE, TRUE, sizeof (guint));
  return s;
}

void
portada_import_summary_free (PortadaImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->lines);
  g_ptr_array_unref (summary->left_out_why);
  g_array_unref (summary->left_out_count);
  g_free (summary);
}

void
portada_import_summary_add_line (PortadaImportSummary *summary, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (summary->lines, g_strdup_vprintf (format, args));
  va_end (args);
}

void
portada_import_summary_leave_out (PortadaImportSummary *summary, const char *why, guint n)
{
  guint i;

  if (n == 0)
    return;
  for (i = 0; i < summary->left_out_why->len; i++)
    if (g_str_equal (summary->left_out_why->pdata[i], why))
      break;
  if (i == summary->left_out_why->len)
    {
      guint zero = 0;
      g_ptr_array_add (summary->left_out_why, g_strdup (why));
      g_array_append_val (summary->left_out_count, zero);
    }
  g_array_index (summary->left_out_count, guint, i) += n;
  summary->left_out += n;
}

static void
skip_valist (PortadaImportSummary *summary, const char *why, const char *format, va_list args)
{
  g_ptr_array_add (summary->lines, g_strdup_vprintf (format, args));
  summary->skipped++;
  portada_import_summary_leave_out (summary, why, 1);
}

void
portada_import_summary_skip (PortadaImportSummary *summary, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  skip_valist (summary, _ ("could not be read (each is listed above)"), format, args);
  va_end (args);
}

void
portada_import_summary_skip_kind (PortadaImportSummary *summary, const char *why,
                                  const char *format, ...)
{
  va_list args;

  va_start (args, format);
  skip_valist (summary, why, format, args);
  va_end (args);
}

/* Output folders */

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

struct _PortadaOutputDir
{
  char *target;
  char *staging;
  char *format;
  int lock;            /* holds the staging folder while this export lives */
  int fd;              /* the staging folder: every file is made beneath it */
  GHashTable *written; /* relative paths this export wrote */
  GHashTable *earlier; /* what the earlier export in the target wrote, NULL when none */
  PortadaNewsroom *newsroom;
};

static void
output_dir_free (PortadaOutputDir *dir)
{
  if (dir->lock >= 0)
    close (dir->lock);
  if (dir->fd >= 0)
    close (dir->fd);
  g_clear_pointer (&dir->written, g_hash_table_unref);
  g_clear_pointer (&dir->earlier, g_hash_table_unref);
  g_clear_object (&dir->newsroom);
  g_free (dir->target);
  g_free (dir->staging);
  g_free (dir->format);
  g_free (dir);
}

#define KEPT_KEY "portada-export-kept"

void
portada_exchange_set_kept (PortadaNewsroom *newsroom, GPtrArray *kept)
{
  g_object_set_data_full (G_OBJECT (newsroom), KEPT_KEY, kept ? g_ptr_array_ref (kept) : NULL,
                          (GDestroyNotify) g_ptr_array_unref);
}

GPtrArray *
portada_export_take_kept (PortadaNewsroom *newsroom)
{
  GPtrArray *kept = g_object_steal_data (G_OBJECT (newsroom), KEPT_KEY);
  return kept ? kept : g_ptr_array_new_with_free_func (g_free);
}

void
portada_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          portada_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
portada_staging_lock (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

void
portada_staging_sweep (const char *target, const char *infix)
{
  g_autofree char *parent = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = g_strdup_printf (".%s.%s", base, infix);
  g_autoptr (GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      int fd;

      /* Only the staging folders themselves (prefix and six random characters):
       * an earlier export moved aside, if a system without an atomic exchange
       * left one, may be the only copy and is kept. */
      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;
      path = g_build_filename (parent, name, NULL);
      fd = portada_staging_lock (path);
      if (fd < 0)
        continue; /* a live export's, or not ours to remove */
      portada_remove_tree (path);
      close (fd);
    }
}

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  return dir != NULL && g_dir_read_name (dir) == NULL;
}

/* Reads the marker of an earlier export of @format: the set of files it wrote.
 * A marker of an older Portada lists none: then what its format writes. */
static GHashTable *
earlier_export (const char *path, const char *format)
{
  g_autofree char *marker = g_build_filename (path, MARKER_FILE, NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GHashTable *set;

  if (!g_file_test (marker, G_FILE_TEST_IS_REGULAR)
      || !g_file_get_contents (marker, &text, NULL, NULL) || !g_str_has_prefix (text, format))
    return NULL;
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (set, g_strdup (MARKER_FILE));
  lines = g_strsplit (text, "\n", -1);
  if (g_strv_length (lines) > 1 && g_str_equal (lines[1], "files:"))
    for (guint i = 2; lines[i]; i++)
      {
        if (portada_relpath_is_safe (lines[i]))
          g_hash_table_add (set, g_strdup (lines[i]));
      }
  else
    g_hash_table_add (set, g_strdup ("*")); /* see is_ours() */
  return set;
}

static int
code_for_errno (int err)
{
  switch (err)
    {
      case ENOENT:
      case ENOTDIR:
        return PORTADA_ERROR_NOT_FOUND;
      case EACCES:
      case EPERM:
      case EROFS:
        return PORTADA_ERROR_READ_ONLY;
      case ENOSPC:
      case EDQUOT:
        return PORTADA_ERROR_NO_SPACE;
      default:
        return PORTADA_ERROR_FAILED;
    }
}

PortadaOutputDir *
portada_output_dir_begin (PortadaNewsroom *newsroom, const char *target, const char *format,
                          GError **error)
{
  g_autofree char *abs = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *staging = NULL;
  g_autoptr (GHashTable) earlier = NULL;
  PortadaOutputDir *dir;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (target != NULL && *target != '\0', NULL);
  abs = g_canonicalize_filename (target, NULL);
  while (g_str_has_suffix (abs, "/") && strlen (abs) > 1)
    abs[strlen (abs) - 1] = '\0';
  parent = g_path_get_dirname (abs);
  base = g_path_get_basename (abs);
  if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                   _ ("%s: the folder %s does not exist; create it first"), target, parent);
      return NULL;
    }
  if (g_lstat (abs, &st) == 0)
    {
      if (S_ISLNK (st.st_mode))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s: is a symbolic link; give the folder itself, so that nothing is "
                          "written through the link"),
                       target);
          return NULL;
        }
      if (!S_ISDIR (st.st_mode))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s: exists and is not a folder; choose a folder for the export"),
                       target);
          return NULL;
        }
      earlier = earlier_export (abs, format);
      if (earlier == NULL && !folder_is_empty (abs))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s: the folder is not empty and holds no earlier %s export of Portada; "
                          "choose an empty or new folder"),
                       target, format);
          return NULL;
        }
    }
  portada_staging_sweep (abs, "portada-");
  staging = g_strdup_printf ("%s/.%s.portada-XXXXXX", parent, base);
  if (g_mkdtemp (staging) == NULL)
    {
      int err = errno;
      g_set_error (error, PORTADA_ERROR, code_for_errno (err),
                   _ ("%s: cannot write in the folder %s (%s)"), target, parent, g_strerror (err));
      return NULL;
    }
  fd = portada_beneath_open_root (staging, error);
  if (fd < 0)
    {
      portada_remove_tree (staging);
      return NULL;
    }
  dir = g_new0 (PortadaOutputDir, 1);
  dir->fd = fd;
  dir->lock = portada_staging_lock (staging);
  dir->target = g_steal_pointer (&abs);
  dir->staging = g_steal_pointer (&staging);
  dir->format = g_strdup (format);
  dir->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dir->earlier = g_steal_pointer (&earlier);
  dir->newsroom = g_object_ref (newsroom);
  return dir;
}

int
portada_output_dir_create (PortadaOutputDir *dir, const char *relpath, GError **error)
{
  int fd = portada_beneath_create (dir->fd, relpath, error);

  if (fd >= 0)
    g_hash_table_add (dir->written, g_strdup (relpath));
  return fd;
}

gboolean
portada_output_dir_write (PortadaOutputDir *dir, const char *relpath, const char *data, gssize len,
                          GError **error)
{
  if (!portada_beneath_write (dir->fd, relpath, data, len < 0 ? strlen (data) : (gsize) len, error))
    return FALSE;
  g_hash_table_add (dir->written, g_strdup (relpath));
  return TRUE;
}

/* Is @relpath a file the earlier export wrote? An older marker lists none:
 * then every file its format writes is taken for its own. */
static void
fill_earlier (PortadaOutputDir *dir, int target_fd)
{
  if (!g_hash_table_remove (dir->earlier, "*"))
    return;
  if (g_str_equal (dir->format, "wxr"))
    {
      g_autoptr (GDir) d = g_dir_open (dir->target, 0, NULL);
      const char *name;
      while (d && (name = g_dir_read_name (d)))
        if (g_str_has_suffix (name, ".wxr.xml"))
          g_hash_table_add (dir->earlier, g_strdup (name));
    }
  else
    {
      /* Markdown: everything under content/ was the export's. */
      g_autoptr (GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (stack, g_strdup ("content"));
      while (stack->len)
        {
          g_autofree char *rel = g_ptr_array_steal_index (stack, stack->len - 1);
          g_autofree char *full = g_build_filename (dir->target, rel, NULL);
          g_autoptr (GDir) d = NULL;
          const char *name;

          if (g_file_test (full, G_FILE_TEST_IS_SYMLINK))
            continue;
          d = g_dir_open (full, 0, NULL);
          while (d && (name = g_dir_read_name (d)))
            {
              g_autofree char *child = g_build_filename (full, name, NULL);
              char *child_rel = g_strconcat (rel, "/", name, NULL);
              if (g_file_test (child, G_FILE_TEST_IS_DIR)
                  && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
                g_ptr_array_add (stack, child_rel);
              else
                g_hash_table_add (dir->earlier, child_rel);
            }
        }
    }
  (void) target_fd;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The marker names the format, then every file this export wrote. */
static gboolean
write_marker (PortadaOutputDir *dir, GError **error)
{
  g_autoptr (GString) text = g_string_new (dir->format);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_string_append (text, "\nfiles:\n");
  g_hash_table_iter_init (&iter, dir->written);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s\n", (char *) names->pdata[i]);
  return portada_beneath_write (dir->fd, MARKER_FILE, text->str, text->len, error);
}

/* What the user keeps in the folder beside the earlier export goes into the new one. */
static gboolean
carry_foreign (PortadaOutputDir *dir, GError **error)
{
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  int target_fd;
  gboolean ok;

  if (dir->earlier == NULL)
    return TRUE;
  target_fd = portada_beneath_open_root (dir->target, error);
  if (target_fd < 0)
    return FALSE;
  fill_earlier (dir, target_fd);
  ok = portada_beneath_carry (target_fd, dir->fd, dir->earlier, kept, error);
  close (target_fd);
  portada_exchange_set_kept (dir->newsroom, kept);
  return ok;
}

gboolean
portada_output_dir_commit (PortadaOutputDir *dir, GError **error)
{
  g_autofree char *old = NULL;
  gboolean ok = FALSE;

  if (!write_marker (dir, error) || !carry_foreign (dir, error))
    goto out;
  if (g_file_test (dir->target, G_FILE_TEST_IS_DIR))
    {
      /* One atomic step where the file system has it: the earlier export is
       * never missing, whenever the program is killed. */
      if (renameat2 (AT_FDCWD, dir->staging, AT_FDCWD, dir->target, RENAME_EXCHANGE) == 0)
        {
          ok = TRUE; /* the earlier export is now at the staging name, removed below */
          goto out;
        }
      old = g_strconcat (dir->staging, "-old", NULL);
      if (g_rename (dir->target, old) != 0)
        {
          int err = errno;
          g_set_error (error, PORTADA_ERROR, code_for_errno (err),
                       _ ("%s: the earlier export cannot be replaced (%s)"), dir->target,
                       g_strerror (err));
          goto out;
        }
    }
  if (g_rename (dir->staging, dir->target) != 0)
    {
      int err = errno;
      g_set_error (error, PORTADA_ERROR, code_for_errno (err), _ ("%s: cannot be written (%s)"),
                   dir->target, g_strerror (err));
      if (old)
        g_rename (old, dir->target);
      goto out;
    }
  if (old)
    portada_remove_tree (old);
  ok = TRUE;

out:
  if (!ok)
    portada_exchange_set_kept (dir->newsroom, NULL);
  if (!ok || g_file_test (dir->staging, G_FILE_TEST_IS_DIR))
    portada_remove_tree (dir->staging);
  output_dir_free (dir);
  return ok;
}

void
portada_output_dir_abort (PortadaOutputDir *dir)
{
  if (dir == NULL)
    return;
  portada_remove_tree (dir->staging);
  output_dir_free (dir);
}

/* Small things */

gboolean
portada_exchange_check_cancelled (GCancellable *cancellable, GError **error)
{
  if (cancellable && g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED, _ ("Cancelled"));
      return FALSE;
    }
  return TRUE;
}

static const char *
known_language_name (const char *code)
{
  if (g_str_equal (code, "en"))
    return "English";
  if (g_str_equal (code, "es"))
    return "Español";
  return code;
}

static gboolean
valid_lang_code (const char *lang)
{
  gsize n = strlen (lang);

  if (n < 2 || n > 8)
    return FALSE;
  for (const char *p = lang; *p; p++)
    if (!g_ascii_islower (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

char *
portada_exchange_import_lang (PortadaNewsroom *newsroom, const char *lang, GError **error)
{
  g_autofree char *code = NULL;
  g_autoptr (GPtrArray) langs = NULL;
  PortadaLanguage add = { 0 };

  code = lang ? g_ascii_strdown (lang, -1)
              : portada_settings_get (newsroom, PORTADA_SETTING_DEFAULT_LANGUAGE, error);
  if (code == NULL)
    return NULL;
  if (!valid_lang_code (code))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s” is not a language code such as “en” or “es”"), code);
      return NULL;
    }
  langs = portada_languages_list (newsroom, error);
  if (langs == NULL)
    return NULL;
  for (guint i = 0; i < langs->len; i++)
    if (g_str_equal (((PortadaLanguage *) langs->pdata[i])->code, code))
      return g_steal_pointer (&code);
  add.code = code;
  add.name = (char *) known_language_name (code);
  add.base_path = code;
  if (!portada_languages_save (newsroom, &add, langs->len, error))
    return NULL;
  return g_steal_pointer (&code);
}

static gboolean
is_uuid (const char *s)
{
  static const char pattern[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  if (strlen (s) != sizeof pattern - 1)
    return FALSE;
  for (guint i = 0; pattern[i]; i++)
    if (pattern[i] == '-' ? s[i] != '-' : !g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

char *
portada_exchange_uuid_for (const char *name)
{
  /* A namespace of Portada's own, so these never collide with other v5 UUIDs. */
  static const guint8 ns[16] = { 0x50, 0x6f, 0x72, 0x74, 0x61, 0x64, 0x61, 0x2d,
                                 0x77, 0x78, 0x72, 0x2d, 0x67, 0x75, 0x69, 0x64 };
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (is_uuid (trimmed))
    return g_ascii_strdown (trimmed, -1);
  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) trimmed, -1);
  g_checksum_get_digest (sha1, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

gboolean
portada_exchange_ensure_section (PortadaNewsroom *newsroom, const char *key, const char *lang,
                                 const char *name, const char *path, PortadaImportSummary *summary,
                                 GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (PortadaSection) section = portada_sections_find (newsroom, key, &local);

  if (section == NULL)
    {
      if (!g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      section = portada_section_new (key);
    }
  else if (g_hash_table_contains (section->names, lang))
    return TRUE;
  {
    const char *wanted = path && portada_exchange_valid_path (path) ? path : key;
    g_autofree char *own = g_strdup (wanted);

    /* A clash of paths (checked first: a failed save would end the import's
     * transaction): the section goes at a path of its own, and the summary says so. */
    for (guint n = 1;; n++)
      {
        g_clear_error (&local);
        if (portada_sections_path_is_free (newsroom, section, lang, own, &local))
          break;
        if (!g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_EXISTS) || n >= 100)
          {
            g_propagate_error (error, g_steal_pointer (&local));
            return FALSE;
          }
        g_free (own);
        own = n == 1 ? g_strdup_printf ("section-%s", key)
                     : g_strdup_printf ("section-%s-%u", key, n);
      }
    if (summary && !g_str_equal (own, wanted))
      portada_import_summary_add_line (summary,
                                       _ ("section %s: its path “%s” in %s collided with "
                                          "another section's; it was given “%s”"),
                                       key, wanted, lang, own);
    portada_section_set_label (section, lang, name && *name ? name : key, own);
  }
  return portada_sections_save (newsroom, section, error);
}

static gint64
find_one (PortadaNewsroom *newsroom, const char *sql, const char *a, const char *b, const char *c,
          GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  portada_stmt_bind_text_or_null (stmt, 1, a);
  portada_stmt_bind_text_or_null (stmt, 2, b);
  portada_stmt_bind_text_or_null (stmt, 3, c);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "articles cannot be searched");
      return -1;
    }
  return 0;
}

gint64
portada_exchange_find_uuid (PortadaNewsroom *newsroom, const char *uuid, GError **error)
{
  return find_one (newsroom, "SELECT id FROM article WHERE uuid = ?1", uuid, NULL, NULL, error);
}

gint64
portada_exchange_find_translation (PortadaNewsroom *newsroom, const char *group, const char *lang,
                                   GError **error)
{
  return find_one (newsroom,
                   "SELECT id FROM article WHERE translation_group = ?1 AND lang = ?2 "
                   "ORDER BY id LIMIT 1",
                   group, lang, NULL, error);
}

gint64
portada_exchange_find_slug (PortadaNewsroom *newsroom, const char *slug, const char *lang,
                            const char *section, GError **error)
{
  return find_one (newsroom,
                   "SELECT a.id FROM article a LEFT JOIN section s ON s.id = a.section_id "
                   "WHERE a.slug = ?1 AND a.lang = ?2 AND (?3 IS NULL OR s.key = ?3) "
                   "ORDER BY a.id LIMIT 1",
                   slug, lang, section, error);
}

char *
portada_exchange_clean_text (const char *text, gssize len, gboolean *changed)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize n = len < 0 ? strlen (text) : (gsize) len;

  if (changed)
    *changed = FALSE;
  if (!g_utf8_validate_len (text, n, NULL) || memchr (text, '\0', n))
    {
      GString *copy = g_string_new_len (text, n);
      for (gsize i = 0; i < copy->len; i++)
        if (copy->str[i] == '\0')
          copy->str[i] = ' ';
      valid = g_utf8_make_valid (copy->str, copy->len);
      g_string_free (copy, TRUE);
      if (changed)
        *changed = TRUE;
    }
  else
    valid = g_strndup (text, n);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p++)
    {
      guchar c = *p;
      if (c < 0x20 && c != '\t' && c != '\n')
        {
          if (c != '\r' && changed)
            *changed = TRUE;
          if (c == '\r' && p[1] == '\n')
            continue;
          g_string_append_c (out, c == '\r' ? '\n' : ' ');
          continue;
        }
      if (c == 0x7f)
        {
          if (changed)
            *changed = TRUE;
          continue;
        }
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
portada_exchange_format_time (gint64 t)
{
  g_autoptr (GDateTime) dt = NULL;

  if (t == 0)
    return NULL;
  dt = g_date_time_new_from_unix_utc (t);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

gboolean
portada_exchange_parse_time (const char *text, gint64 *out)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0, sec = 0, consumed = 0;
  char sep;

  if (strlen (s) < 10)
    return FALSE;
  /* "2023-10-04 14:30:00 +0000" (Jekyll) → ISO 8601 with a zone. */
  if (strlen (s) >= 19 && s[10] == ' ')
    {
      s[10] = 'T';
      if (strlen (s) > 20 && s[19] == ' ')
        memmove (s + 19, s + 20, strlen (s + 20) + 1);
    }
  dt = g_date_time_new_from_iso8601 (s, utc);
  if (dt == NULL && sscanf (s, "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) == 3 && s[consumed] == '\0')
    dt = g_date_time_new_utc (y, mo, d, 0, 0, 0);
  else if (dt == NULL
           && sscanf (s, "%4d-%2d-%2d%c%2d:%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &sec, &consumed)
                  == 7
           && (sep == 'T' || sep == ' '))
    dt = g_date_time_new_utc (y, mo, d, h, mi, sec);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
portada_exchange_drop_bad_source_url (PortadaArticle *a)
{
  g_autofree char *url = NULL;

  if (a->source_url == NULL)
    return FALSE;
  url = g_steal_pointer (&a->source_url);
  if (portada_article_validate (a, NULL))
    return TRUE;
  a->source_url = g_steal_pointer (&url);
  return FALSE;
}

void
portada_exchange_note_remote_images (PortadaImportSummary *summary, const char *where,
                                     const PortadaArticle *a)
{
  g_autofree char *html = NULL;
  g_autoptr (GPtrArray) urls = NULL;

  /* Rendered and parsed only when the text may hold an image with an address. */
  if (a->body == NULL || strstr (a->body, "//") == NULL
      || (strstr (a->body, "![") == NULL && strcasestr (a->body, "<img") == NULL))
    return;
  html = portada_markdown_to_html (a->body);
  urls = portada_sanitize_remote_images (html);
  for (guint i = 0; i < urls->len; i++)
    portada_import_summary_add_line (summary,
                                     _ ("%s: “%s”: the image %s is on another site: the site "
                                        "and the preview show it as a link, not the picture"),
                                     where, a->title, (char *) urls->pdata[i]);
}

gboolean
portada_exchange_check_export_lang (PortadaNewsroom *newsroom, const char *lang, GError **error)
{
  g_autoptr (GPtrArray) langs = NULL;

  if (lang == NULL)
    return TRUE;
  langs = portada_languages_list (newsroom, error);
  if (langs == NULL)
    return FALSE;
  for (guint i = 0; i < langs->len; i++)
    if (g_str_equal (((PortadaLanguage *) langs->pdata[i])->code, lang))
      return TRUE;
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
               _ ("The newsroom has no language “%s”"), lang);
  return FALSE;
}

gboolean
portada_exchange_valid_path (const char *path)
{
  if (path == NULL || *path == '\0' || *path == '/' || g_str_has_suffix (path, "/")
      || strstr (path, "..") || strlen (path) > 200)
    return FALSE;
  for (const char *p = path; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || (*p == '/' && p[1] != '/')))
      return FALSE;
  return TRUE;
}

char *
portada_xml_clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        continue;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}
