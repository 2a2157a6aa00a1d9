/* portada-publish.c: the deploy engine.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The destination keeps a manifest of the files the last publish put there (their
 * SHA-256). A publish compares the export with it and sends only what differs, in an
 * order that keeps the site whole: assets (content-hashed names, so new ones disturb
 * nothing), then pages, then feeds, sitemap.xml and robots.txt, then the removals,
 * and the manifest last. Each file goes to a temporary name beside its place and is
 * renamed over the old one at the end of its phase (on SFTP, whose rename does not
 * replace, the old one is removed just before: a page is missing only between two
 * requests). Before changing anything, a "pending" list is left on the destination:
 * the files about to change (uploads and removals, a dead publish's included). A
 * publish that dies leaves it; the next one takes every file it names as unknown and
 * sends or removes it again, so it completes the site.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-error.h"
#include "portada-publish-manifest.h"
#include "portada-publish-target.h"
#include "portada-publish.h"

#define TEMP_SUFFIX ".portada-new"

typedef enum
{
  PHASE_ASSETS,
  PHASE_PAGES,
  PHASE_FEEDS,
  N_PHASES,
} Phase;

typedef struct
{
  char *path;
  guint64 size;
  gboolean exists; /* believed to be on the destination already */
  PortadaPublishChange change;
} Upload;

typedef struct
{
  const char *site_dir;
  const PortadaPublishOptions *options;
  GCancellable *cancellable;
  PortadaPublishTarget *target;
  GHashTable *site;    /* what the export holds */
  GHashTable *remote;  /* what the destination's manifest says */
  GHashTable *pending; /* what a dead publish was changing */
  GPtrArray *uploads[N_PHASES];
  GPtrArray *removals; /* paths */
  GHashTable *dirs;    /* folders known to exist on the destination */
  PortadaPublishProgress progress;
  PortadaPublishSummary summary;
} Publish;

static void
upload_free (Upload *u)
{
  g_free (u->path);
  g_free (u);
}

static Phase
phase_of (const char *path)
{
  if (g_str_has_prefix (path, "assets/"))
    return PHASE_ASSETS;
  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".txt"))
    return PHASE_FEEDS;
  return PHASE_PAGES;
}

/* "a/b/.c.portada-new" for "a/b/c". */
static char *
temp_name (const char *path)
{
  const char *slash = strrchr (path, '/');
  g_autofree char *dir = slash ? g_strndup (path, slash - path + 1) : g_strdup ("");
  const char *base = slash ? slash + 1 : path;

  return g_strconcat (dir, base[0] == '.' ? "" : ".", base, TEMP_SUFFIX, NULL);
}

/* Is @path in a state the manifest does not describe (a dead publish was at it)? */
static gboolean
is_dirty (Publish *p, const char *path)
{
  PortadaPublishFile *pend = g_hash_table_lookup (p->pending, path);
  PortadaPublishFile *known = g_hash_table_lookup (p->remote, path);

  if (pend == NULL)
    return FALSE;
  return known == NULL || g_str_equal (pend->sha256, PORTADA_PUBLISH_UNKNOWN)
         || !g_str_equal (pend->sha256, known->sha256);
}

static int
compare_uploads (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(Upload **) a)->path, (*(Upload **) b)->path);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
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

static void
add_dirs_of (GHashTable *dirs, const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  while (!g_str_equal (dir, ".") && !g_hash_table_contains (dirs, dir))
    {
      char *parent = g_path_get_dirname (dir);
      g_hash_table_add (dirs, g_steal_pointer (&dir));
      dir = parent;
    }
}

static void
plan (Publish *p)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, p->site);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PortadaPublishFile *mine = value;
      PortadaPublishFile *known = g_hash_table_lookup (p->remote, key);
      gboolean dirty = is_dirty (p, key);
      Upload *u;

      if (known && !dirty && g_str_equal (known->sha256, mine->sha256))
        {
          p->summary.unchanged++;
          continue;
        }
      u = g_new0 (Upload, 1);
      u->path = g_strdup (key);
      u->size = mine->size;
      u->exists = known != NULL || dirty;
      u->change = known ? PORTADA_PUBLISH_CHANGED : PORTADA_PUBLISH_NEW;
      g_ptr_array_add (p->uploads[phase_of (key)], u);
      p->progress.files_total++;
      p->progress.bytes_total += u->size;
    }
  /* What the destination had from Portada, or may have from a dead publish. */
  for (int pass = 0; pass < 2; pass++)
    {
      g_hash_table_iter_init (&iter, pass == 0 ? p->remote : p->pending);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          if (g_hash_table_contains (p->site, key)
              || (pass == 1 && g_hash_table_contains (p->remote, key)))
            continue;
          g_ptr_array_add (p->removals, g_strdup (key));
          p->progress.files_total++;
        }
    }
  for (int i = 0; i < N_PHASES; i++)
    g_ptr_array_sort (p->uploads[i], compare_uploads);
  g_ptr_array_sort (p->removals, compare_strings);
  /* Folders that hold a file the manifest knows exist (a dead publish may have
   * removed some: making one that exists is no error anyway). */
  g_hash_table_iter_init (&iter, p->remote);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!is_dirty (p, key))
      add_dirs_of (p->dirs, key);
}

static void
report_changes (Publish *p)
{
  const PortadaPublishOptions *o = p->options;

  if (o->change == NULL)
    return;
  for (int i = 0; i < N_PHASES; i++)
    for (guint k = 0; k < p->uploads[i]->len; k++)
      {
        Upload *u = p->uploads[i]->pdata[k];
        o->change (u->change, u->path, u->size, o->user_data);
      }
  for (guint k = 0; k < p->removals->len; k++)
    o->change (PORTADA_PUBLISH_REMOVED, p->removals->pdata[k], 0, o->user_data);
}

static void
tick (Publish *p, const char *path, guint64 bytes)
{
  p->progress.files_done++;
  p->progress.bytes_done += bytes;
  p->progress.path = path;
  if (p->options->progress)
    p->options->progress (&p->progress, p->options->user_data);
}

/* Writes @data under @path's temporary name and renames it into place. */
static gboolean
put_file (Publish *p, const char *path, GBytes *data, gboolean exists, GError **error)
{
  g_autofree char *temp = temp_name (path);

  return p->target->klass->write (p->target, temp, data, p->cancellable, error)
         && p->target->klass->replace (p->target, temp, path, exists, error);
}

/* Makes the folders of @path that are not known to exist (@all: every one). */
static gboolean
make_dirs (Publish *p, const char *path, gboolean all, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  while (!g_str_equal (dir, ".") && (all || !g_hash_table_contains (p->dirs, dir)))
    {
      char *parent = g_path_get_dirname (dir);
      g_ptr_array_add (missing, g_steal_pointer (&dir));
      dir = parent;
    }
  for (guint i = missing->len; i-- > 0;)
    {
      if (!p->target->klass->mkdir (p->target, missing->pdata[i], error))
        return FALSE;
      g_hash_table_add (p->dirs, g_strdup (missing->pdata[i]));
    }
  return TRUE;
}

/* Writes @path's temporary file; when that fails, its folders are made again (one may
 * have been removed by hand) and it is tried once more. */
static gboolean
write_temp (Publish *p, const char *path, GBytes *data, GError **error)
{
  g_autofree char *temp = temp_name (path);
  g_autoptr (GError) first = NULL;

  if (!make_dirs (p, path, FALSE, error))
    return FALSE;
  if (p->target->klass->write (p->target, temp, data, p->cancellable, &first))
    return TRUE;
  if (g_error_matches (first, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !make_dirs (p, path, TRUE, NULL))
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }
  return p->target->klass->write (p->target, temp, data, p->cancellable, error);
}

/* Every file this publish is about to change, as unknown: should it die, the next
 * publish sends or removes each of them again, whatever state it was left in. */
static gboolean
write_pending (Publish *p, GError **error)
{
  g_autoptr (GHashTable) pending = portada_publish_files_new ();
  g_autoptr (GBytes) data = NULL;

  for (int i = 0; i < N_PHASES; i++)
    for (guint k = 0; k < p->uploads[i]->len; k++)
      {
        Upload *u = p->uploads[i]->pdata[k];
        portada_publish_files_add (pending, u->path, PORTADA_PUBLISH_UNKNOWN, u->size);
      }
  for (guint k = 0; k < p->removals->len; k++)
    portada_publish_files_add (pending, p->removals->pdata[k], PORTADA_PUBLISH_UNKNOWN, 0);
  data = portada_publish_manifest_format (pending);
  return put_file (p, PORTADA_PUBLISH_PENDING, data, g_hash_table_size (p->pending) > 0, error);
}

static gboolean
upload_phase (Publish *p, GPtrArray *uploads, GError **error)
{
  /* Every file of the phase to its temporary name first, then all into place. */
  for (guint k = 0; k < uploads->len; k++)
    {
      Upload *u = uploads->pdata[k];
      g_autofree char *local = g_build_filename (p->site_dir, u->path, NULL);
      g_autoptr (GMappedFile) mapped = NULL;
      g_autoptr (GBytes) data = NULL;

      if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
        return FALSE;
      mapped = g_mapped_file_new (local, FALSE, error);
      if (mapped == NULL)
        return FALSE;
      data = g_mapped_file_get_bytes (mapped);
      if (!write_temp (p, u->path, data, error))
        return FALSE;
      tick (p, u->path, u->size);
    }
  for (guint k = 0; k < uploads->len; k++)
    {
      Upload *u = uploads->pdata[k];
      g_autofree char *temp = temp_name (u->path);

      if (!p->target->klass->replace (p->target, temp, u->path, u->exists, error))
        return FALSE;
      p->summary.uploaded++;
      p->summary.bytes += u->size;
    }
  return TRUE;
}

/* Removes what the site no longer has, and the folders that this leaves empty
 * (a folder that holds anything else, the user's or the site's, stays). */
static gboolean
remove_old (Publish *p, GError **error)
{
  g_autoptr (GHashTable) keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) emptied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) dirs = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, p->site);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    add_dirs_of (keep, key);
  for (guint k = 0; k < p->removals->len; k++)
    {
      const char *path = p->removals->pdata[k];
      g_autofree char *temp = temp_name (path);

      if (g_cancellable_set_error_if_cancelled (p->cancellable, error)
          || !p->target->klass->remove (p->target, path, error))
        return FALSE;
      if (g_hash_table_contains (p->pending, path)
          && !p->target->klass->remove (p->target, temp, error))
        return FALSE;
      add_dirs_of (emptied, path);
      p->summary.removed++;
      tick (p, path, 0);
    }
  /* Deepest first. */
  dirs = keys_of (emptied);
  g_ptr_array_sort (dirs, compare_strings);
  for (guint k = dirs->len; k-- > 0;)
    if (!g_hash_table_contains (keep, dirs->pdata[k]))
      p->target->klass->rmdir (p->target, dirs->pdata[k]);
  return TRUE;
}

/* The manifest of what is there now, then the pending list gone. */
static gboolean
finish (Publish *p, GError **error)
{
  g_autoptr (GBytes) data = portada_publish_manifest_format (p->site);

  return put_file (p, PORTADA_PUBLISH_MANIFEST, data, g_hash_table_size (p->remote) > 0, error)
         && p->target->klass->remove (p->target, PORTADA_PUBLISH_PENDING, error);
}

/* A destination file of Portada's: NULL with no error when missing or damaged. */
static GHashTable *
read_list (Publish *p, const char *path, gboolean *present, GError **error)
{
  gboolean missing = FALSE;
  g_autoptr (GBytes) data = p->target->klass->read (p->target, path, &missing, error);

  *present = FALSE;
  if (data == NULL)
    return NULL;
  *present = TRUE;
  return portada_publish_manifest_parse (data);
}

static gboolean
read_destination (Publish *p, GError **error)
{
  gboolean present;
  g_autoptr (GError) local = NULL;

  p->remote = read_list (p, PORTADA_PUBLISH_MANIFEST, &present, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (p->remote == NULL)
    {
      /* A publish that died while putting the manifest in place left it whole under
       * its temporary name; a damaged one only means nothing is known. */
      g_autofree char *temp = temp_name (PORTADA_PUBLISH_MANIFEST);
      gboolean temp_present;
      p->remote = read_list (p, temp, &temp_present, NULL);
      if (p->remote && !present && !p->options->dry_run
          && !p->target->klass->replace (p->target, temp, PORTADA_PUBLISH_MANIFEST, FALSE, error))
        return FALSE;
      if (p->remote == NULL)
        p->remote = portada_publish_files_new ();
    }
  p->pending = read_list (p, PORTADA_PUBLISH_PENDING, &present, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (p->pending == NULL && present)
    {
      /* A pending list that cannot be read: every file of the destination is unknown. */
      GHashTableIter iter;
      gpointer key;
      p->pending = portada_publish_files_new ();
      g_hash_table_iter_init (&iter, p->remote);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        portada_publish_files_add (p->pending, key, PORTADA_PUBLISH_UNKNOWN, 0);
      g_hash_table_iter_init (&iter, p->site);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        portada_publish_files_add (p->pending, key, PORTADA_PUBLISH_UNKNOWN, 0);
    }
  if (p->pending == NULL)
    p->pending = portada_publish_files_new ();
  return TRUE;
}

static PortadaPublishTarget *
open_target (const PortadaDestination *d, const char *site_dir,
             const PortadaPublishOptions *options, GCancellable *cancellable, GError **error)
{
  if (d->kind == PORTADA_DESTINATION_FOLDER)
    {
      g_autofree char *a = g_canonicalize_filename (site_dir, NULL);
      g_autofree char *b = g_canonicalize_filename (d->path, NULL);
      g_autofree char *a_slash = g_strconcat (a, "/", NULL);
      g_autofree char *b_slash = g_strconcat (b, "/", NULL);
      if (g_str_has_prefix (a_slash, b_slash) || g_str_has_prefix (b_slash, a_slash))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s: the destination cannot be the exported folder %s, nor inside "
                          "it, nor hold it"),
                       d->path, site_dir);
          return NULL;
        }
      return portada_publish_folder_open (d, error);
    }
  return portada_publish_sftp_open (d, options, cancellable, error);
}

/* G_MESSAGES_DEBUG=Portada shows where the time goes. */
static void
lap (gint64 *last, const char *what)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("publish: %s in %.3f s", what, (now - *last) / (double) G_USEC_PER_SEC);
  *last = now;
}

static gboolean
run (Publish *p, const char *destination, GError **error)
{
  g_autoptr (PortadaDestination) d = portada_destination_parse (destination, error);
  gint64 last = g_get_monotonic_time ();

  if (d == NULL)
    return FALSE;
  if (d->kind == PORTADA_DESTINATION_WORDPRESS)
    {
      g_autofree char *shown = portada_destination_to_string (d);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s is a WordPress site: its articles are pushed to it, not the "
                      "exported files"),
                   shown);
      return FALSE;
    }
  p->site = portada_publish_site_read (p->site_dir, p->options->hash_cache, p->cancellable, error);
  if (p->site == NULL)
    return FALSE;
  lap (&last, "the export's files read and hashed");
  p->target = open_target (d, p->site_dir, p->options, p->cancellable, error);
  if (p->target == NULL)
    return FALSE;
  lap (&last, "connected");
  if (!read_destination (p, error))
    return FALSE;
  lap (&last, "the destination's manifest read");
  plan (p);
  report_changes (p);
  if (p->options->dry_run)
    return TRUE;
  if (p->progress.files_total == 0 && g_hash_table_size (p->pending) == 0)
    return TRUE; /* nothing to change: nothing is written */
  if (!write_pending (p, error))
    return FALSE;
  for (int i = 0; i < N_PHASES; i++)
    if (!upload_phase (p, p->uploads[i], error))
      return FALSE;
  lap (&last, "uploaded");
  if (!remove_old (p, error) || !finish (p, error))
    return FALSE;
  lap (&last, "removed, the manifest written");
  return TRUE;
}

gboolean
portada_publish (const char *site_dir, const char *destination,
                 const PortadaPublishOptions *options, GCancellable *cancellable,
                 PortadaPublishSummary *summary, GError **error)
{
  static const PortadaPublishOptions no_options = { 0 };
  Publish p = { 0 };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  p.site_dir = site_dir;
  p.options = options ? options : &no_options;
  p.cancellable = cancellable;
  for (int i = 0; i < N_PHASES; i++)
    p.uploads[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) upload_free);
  p.removals = g_ptr_array_new_with_free_func (g_free);
  p.dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = run (&p, destination, error);
  if (!ok && g_error_matches (error ? *error : NULL, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (error);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED,
                   _ ("%s: the publish was cancelled; the next one completes it"), destination);
    }
  p.summary.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (summary)
    *summary = p.summary;

  if (p.target)
    p.target->klass->close (p.target);
  g_clear_pointer (&p.site, g_hash_table_unref);
  g_clear_pointer (&p.remote, g_hash_table_unref);
  g_clear_pointer (&p.pending, g_hash_table_unref);
  for (int i = 0; i < N_PHASES; i++)
    g_ptr_array_unref (p.uploads[i]);
  g_ptr_array_unref (p.removals);
  g_hash_table_unref (p.dirs);
  return ok;
}
