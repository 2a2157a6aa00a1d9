/* portada-site-export.c: the static site, written beside and swapped in.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export loads what every page shares once (portada_site_load), then every
 * public article's metadata once (no body kept), computes "more like this" and
 * translations in memory, and renders each page through the same renderer as the
 * preview. Each output file has an input key (a hash of everything it is made
 * from): when the previous export's manifest has the same key, the old file is
 * hard-linked into the new tree instead of being rendered again; when a rendered
 * file has the same bytes as the old one, it is linked too. The new tree is built
 * in a hidden folder beside the target and exchanged with it at the end.
 */

#define _GNU_SOURCE /* renameat2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "portada-article.h"
#include "portada-beneath.h"
#include "portada-comments.h"
#include "portada-exchange-private.h"
#include "portada-markdown.h"
#include "portada-path-checks.h"
#include "portada-newsroom-private.h"
#include "portada-pages.h"
#include "portada-media-derive.h"
#include "portada-picture.h"
#include "portada-site-export.h"
#include "portada-site-private.h"
#include "portada-strip.h"
#include "portada-svg.h"

#define MANIFEST_HEADER "portada-site-manifest 1"
#define N_RELATED 5
#define FEED_ITEMS 20

typedef struct
{
  gint64 id;
  char *uuid;
  char *lang;
  char *group;
  char *section;
  char *title;
  char *subtitle;
  char *slug;
  char *author;
  char *excerpt_field;
  char *source_name;
  char *source_url;
  int year;
  PortadaArticleStatus status;
  gint64 publish_at, created_at, updated_at, sort_time;
  gint64 featured;
  gboolean comments;
  guint n_comments; /* approved */
  char *path;
  PortadaTeaser *teaser;
  char teaser_key[65];
  char content_key[65];
  gint64 *tags;
  guint n_tags;
  guint index;
  int lang_id; /* for quick comparisons in "more like this" */
  int group_id;
} Entry;

typedef struct
{
  char *key;
  gint64 size;
} OldFile;

typedef struct
{
  PortadaNewsroom *newsroom;
  PortadaSite *site;
  const char *only_lang;
  gint64 now;
  GCancellable *cancellable;
  PortadaProgressFunc progress;
  gpointer user_data;
  guint done, total;
  PortadaSiteExportStats stats;

  GPtrArray *entries;      /* Entry, every public article of every language */
  GHashTable *by_id;       /* id -> Entry */
  GHashTable *by_group;    /* translation group -> GPtrArray of Entry */
  GHashTable *by_tag;      /* tag id -> GPtrArray of Entry (related candidates) */
  GHashTable *recent;      /* lang -> GPtrArray of Entry (related candidates, newest first) */
  guint *shared;           /* per entry index: shared tag count, scratch */
  GPtrArray *langs;        /* language codes exported */
  sqlite3_stmt *body_stmt; /* the body of one article */

  char *out_dir;
  char *old_dir; /* NULL when there is no previous export */
  char *new_dir;
  int new_dir_lock;       /* holds new_dir while this export lives */
  GHashTable *old_files;  /* path -> OldFile */
  int new_fd;             /* the staging folder: every file is made beneath it */
  int old_fd;             /* the previous export, -1 when none */
  GHashTable *body_media; /* id -> PortadaMedia (the site's): images article bodies show */
  GPtrArray *manifest_lines;

  /* Pages render on a pool of threads; what they share is under the lock. */
  GThreadPool *pool;
  GMutex lock;
  GError *failure; /* the first failure of a worker */
  gint failed;
} Export;

/* ------------------------------------------------------------------ */
/* Keys */

static void
key_add (GChecksum *sum, const char *text)
{
  g_checksum_update (sum, (const guchar *) (text ? text : "\x01"), -1);
  g_checksum_update (sum, (const guchar *) "\0", 1);
}

static void
key_add_int (GChecksum *sum, gint64 n)
{
  char buf[32];
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, n);
  key_add (sum, buf);
}

static void
key_finish (GChecksum *sum, char out[65])
{
  g_strlcpy (out, g_checksum_get_string (sum), 65);
}

/* ------------------------------------------------------------------ */
/* Loading the articles */

static void
entry_free (Entry *e)
{
  g_free (e->uuid);
  g_free (e->lang);
  g_free (e->group);
  g_free (e->section);
  g_free (e->title);
  g_free (e->subtitle);
  g_free (e->slug);
  g_free (e->author);
  g_free (e->excerpt_field);
  g_free (e->source_name);
  g_free (e->source_url);
  g_free (e->path);
  portada_teaser_free (e->teaser);
  g_free (e->tags);
  g_free (e);
}

static void
entry_keys (Export *ex, Entry *e, const char *body, gboolean comments)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  PortadaMedia *featured = portada_site_media (ex->site, e->featured);

  /* What a teaser shows. */
  key_add (sum, e->teaser->path);
  key_add (sum, e->teaser->title);
  key_add (sum, e->teaser->excerpt);
  key_add (sum, e->teaser->section);
  key_add_int (sum, e->teaser->minutes);
  key_add_int (sum, e->teaser->publish_at);
  key_add_int (sum, e->teaser->comments);
  key_add (sum, featured ? featured->sha256 : NULL);
  key_add (sum, featured ? featured->alt_text : NULL);
  key_finish (sum, e->teaser_key);

  /* What the article's own page shows. */
  g_checksum_reset (sum);
  key_add (sum, e->uuid);
  key_add (sum, e->lang);
  key_add (sum, e->group);
  key_add (sum, e->section);
  key_add (sum, e->title);
  key_add (sum, e->subtitle);
  key_add (sum, e->path);
  key_add (sum, e->author);
  key_add (sum, e->excerpt_field);
  key_add (sum, e->source_name);
  key_add (sum, e->source_url);
  key_add (sum, body);
  key_add_int (sum, e->publish_at);
  key_add_int (sum, e->created_at);
  key_add_int (sum, comments);
  key_add (sum, featured ? featured->sha256 : NULL);
  key_add (sum, featured ? featured->alt_text : NULL);
  key_finish (sum, e->content_key);
}

static gboolean
load_entries (Export *ex, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (
      ex->newsroom,
      "SELECT a.id, a.uuid, a.lang, a.translation_group, s.key, a.title, a.subtitle, a.slug, "
      "a.slug_year, a.status, au.name, a.publish_at, a.created_at, a.updated_at, a.excerpt, "
      "a.body, a.source_name, a.source_url, a.featured_media_id, a.comments_enabled, "
      "(SELECT count(*) FROM comment c WHERE c.article_id = a.id AND c.status = 'approved') "
      "FROM article a LEFT JOIN section s ON s.id = a.section_id "
      "LEFT JOIN author au ON au.id = a.author_id "
      "WHERE a.deleted_at IS NULL AND ((a.status = 'published' AND coalesce(a.publish_at, 0) <= "
      "?1) "
      "OR (a.status = 'scheduled' AND a.publish_at <= ?1)) "
      "ORDER BY a.id",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ex->now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry *e = g_new0 (Entry, 1);
      const char *body = (const char *) sqlite3_column_text (stmt, 15);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->uuid = portada_stmt_dup_text (stmt, 1);
      e->lang = portada_stmt_dup_text (stmt, 2);
      e->group = portada_stmt_dup_text (stmt, 3);
      e->section = portada_stmt_dup_text (stmt, 4);
      e->title = portada_stmt_dup_text (stmt, 5);
      e->subtitle = portada_stmt_dup_text (stmt, 6);
      e->slug = portada_stmt_dup_text (stmt, 7);
      e->year = sqlite3_column_int (stmt, 8);
      portada_article_status_from_string ((const char *) sqlite3_column_text (stmt, 9), &e->status);
      e->author = portada_stmt_dup_text (stmt, 10);
      e->publish_at = sqlite3_column_int64 (stmt, 11);
      e->created_at = sqlite3_column_int64 (stmt, 12);
      e->updated_at = sqlite3_column_int64 (stmt, 13);
      e->excerpt_field = portada_stmt_dup_text (stmt, 14);
      e->source_name = portada_stmt_dup_text (stmt, 16);
      e->source_url = portada_stmt_dup_text (stmt, 17);
      e->featured = sqlite3_column_int64 (stmt, 18);
      e->comments = sqlite3_column_int (stmt, 19) != 0;
      e->n_comments = sqlite3_column_int (stmt, 20);
      e->sort_time = e->publish_at ? e->publish_at : e->created_at;
      e->path = portada_site_article_path (ex->site, e->lang, e->section, e->year, e->slug);
      e->teaser = g_new0 (PortadaTeaser, 1);
      e->teaser->id = e->id;
      e->teaser->lang = g_strdup (e->lang);
      e->teaser->section = g_strdup (e->section);
      e->teaser->title = g_strdup (e->title);
      e->teaser->path = g_strdup (e->path);
      e->teaser->excerpt = portada_teaser_excerpt (e->excerpt_field, body);
      e->teaser->minutes = portada_reading_time_minutes (portada_text_count_words (body));
      e->teaser->publish_at = e->publish_at;
      e->teaser->featured = e->featured;
      e->teaser->comments = e->n_comments;
      entry_keys (ex, e, body, e->comments);
      e->index = ex->entries->len;
      g_ptr_array_add (ex->entries, e);
      g_hash_table_insert (ex->by_id, &e->id, e);
      if (g_cancellable_set_error_if_cancelled (ex->cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (ex->newsroom, error, _ ("the articles cannot be read"));
  return TRUE;
}

static gboolean
load_tags (Export *ex, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  Entry *current = NULL;
  int rc;

  stmt = portada_newsroom_prepare (ex->newsroom,
                                   "SELECT article_id, tag_id FROM article_tag "
                                   "ORDER BY article_id, position",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      gint64 article, tag;
      rc = sqlite3_step (stmt);
      article = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
      if (current && (rc != SQLITE_ROW || article != current->id))
        {
          current->n_tags = tags->len;
          current->tags = g_memdup2 (tags->data, tags->len * sizeof (gint64));
          g_array_set_size (tags, 0);
          current = NULL;
        }
      if (rc != SQLITE_ROW)
        break;
      if (current == NULL)
        current = g_hash_table_lookup (ex->by_id, &article);
      if (current == NULL)
        continue;
      tag = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (tags, tag);
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (ex->newsroom, error, _ ("the tags cannot be read"));
  return TRUE;
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const Entry *x = *(Entry **) a, *y = *(Entry **) b;
  if (x->publish_at != y->publish_at)
    return x->publish_at < y->publish_at ? 1 : -1;
  return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

/* Lists order by coalesce(publish_at, created_at), as portada_articles_list(). */
static int
listing_order (gconstpointer a, gconstpointer b)
{
  const Entry *x = *(Entry **) a, *y = *(Entry **) b;
  if (x->sort_time != y->sort_time)
    return x->sort_time < y->sort_time ? 1 : -1;
  return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

static GPtrArray *
bucket (GHashTable *table, gpointer key, gboolean int_key)
{
  GPtrArray *list = g_hash_table_lookup (table, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, int_key ? g_memdup2 (key, sizeof (gint64)) : g_strdup (key),
                           list);
    }
  return list;
}

static void
build_indexes (Export *ex)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr (GHashTable) lang_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) group_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ex->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (ex->entries, i);
      gpointer id;

      if (!g_hash_table_lookup_extended (lang_ids, e->lang, NULL, &id))
        g_hash_table_insert (lang_ids, e->lang,
                             id = GINT_TO_POINTER (g_hash_table_size (lang_ids)));
      e->lang_id = GPOINTER_TO_INT (id);
      if (!g_hash_table_lookup_extended (group_ids, e->group, NULL, &id))
        g_hash_table_insert (group_ids, e->group,
                             id = GINT_TO_POINTER (g_hash_table_size (group_ids)));
      e->group_id = GPOINTER_TO_INT (id);
      g_ptr_array_add (bucket (ex->by_group, e->group, FALSE), e);
      /* "More like this" draws from published articles only, as portada_articles_related(). */
      if (e->status != PORTADA_STATUS_PUBLISHED)
        continue;
      g_ptr_array_add (bucket (ex->recent, e->lang, FALSE), e);
      for (guint t = 0; t < e->n_tags; t++)
        g_ptr_array_add (bucket (ex->by_tag, &e->tags[t], TRUE), e);
    }
  g_hash_table_iter_init (&iter, ex->recent);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, newest_first);
  ex->shared = g_new0 (guint, ex->entries->len);
}

static inline gboolean
ranks_before (Export *ex, const Entry *a, const Entry *b)
{
  guint na = ex->shared[a->index], nb = ex->shared[b->index];
  if (na != nb)
    return na > nb;
  if (a->publish_at != b->publish_at)
    return a->publish_at > b->publish_at;
  return a->id > b->id;
}

/* The same five as portada_articles_related(): most shared tags first, the most
 * recent among equals, then the most recent to fill; same language, another
 * translation group. */
static GPtrArray *
related_of (Export *ex, const Entry *e)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr (GPtrArray) touched = g_ptr_array_new ();
  GPtrArray *recent = g_hash_table_lookup (ex->recent, e->lang);

  for (guint t = 0; t < e->n_tags; t++)
    {
      GPtrArray *list = g_hash_table_lookup (ex->by_tag, &e->tags[t]);
      for (guint i = 0; list && i < list->len; i++)
        {
          Entry *c = g_ptr_array_index (list, i);
          if (c == e || c->lang_id != e->lang_id || c->group_id == e->group_id)
            continue;
          if (ex->shared[c->index]++ == 0)
            g_ptr_array_add (touched, c);
        }
    }
  /* The best five by (shared desc, publish_at desc, id desc), in one pass. */
  {
    Entry *best[N_RELATED];
    guint n = 0;

    for (guint i = 0; i < touched->len; i++)
      {
        Entry *c = g_ptr_array_index (touched, i);
        guint k = n;

        while (k > 0 && ranks_before (ex, c, best[k - 1]))
          k--;
        if (k >= N_RELATED)
          continue;
        if (n < N_RELATED)
          n++;
        memmove (&best[k + 1], &best[k], (n - 1 - k) * sizeof (Entry *));
        best[k] = c;
      }
    for (guint i = 0; i < touched->len; i++)
      ex->shared[((Entry *) g_ptr_array_index (touched, i))->index] = 0;
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (out, best[i]);
  }

  for (guint i = 0; recent && i < recent->len && out->len < N_RELATED; i++)
    {
      Entry *c = g_ptr_array_index (recent, i);
      gboolean seen = FALSE;
      if (c == e || c->group_id == e->group_id)
        continue;
      for (guint k = 0; k < out->len && !seen; k++)
        seen = out->pdata[k] == c;
      if (!seen)
        g_ptr_array_add (out, c);
    }
  return out;
}

/* ------------------------------------------------------------------ */
/* Files */

static gboolean
set_errno_error (GError **error, int err, const char *what, const char *path)
{
  g_set_error (error, PORTADA_ERROR,
               err == ENOSPC                                   ? PORTADA_ERROR_NO_SPACE
               : err == EACCES || err == EROFS || err == EPERM ? PORTADA_ERROR_READ_ONLY
                                                               : PORTADA_ERROR_FAILED,
               "%s: %s (%s)", path, what, g_strerror (err));
  return FALSE;
}

/* Every file goes through portada-beneath: made under the staging folder's
 * descriptor, never through a link, never at a path that would leave it. */
static gboolean
write_all (Export *ex, const char *path, const char *data, gsize size, GError **error)
{
  return portada_beneath_write (ex->new_fd, path, data, size, error);
}

/* Does the old file hold exactly these bytes? */
static gboolean
old_file_equals (Export *ex, const char *path, const char *data, gsize size)
{
  g_autofree char *old = NULL;
  gsize old_size = 0;

  if (ex->old_fd < 0)
    return FALSE;
  old = portada_beneath_read (ex->old_fd, path, size, &old_size, NULL);
  return old && old_size == size && memcmp (old, data, size) == 0;
}

/* Keeps the previous export's file in the new tree: a hard link, or a copy where
 * the file system has none. */
static gboolean
keep_old (Export *ex, const char *path, const char *data, gsize size, GError **error)
{
  if (portada_beneath_link (ex->old_fd, ex->new_fd, path))
    return TRUE;
  return write_all (ex, path, data, size, error);
}

static void
record (Export *ex, const char *path, const char *key, gsize size, gboolean rendered,
        gboolean written)
{
  char *line = g_strdup_printf ("%s\t%s\t%" G_GSIZE_FORMAT, path, key ? key : "-", size);

  g_mutex_lock (&ex->lock);
  g_ptr_array_add (ex->manifest_lines, line);
  ex->stats.files++;
  ex->stats.pages_rendered += rendered;
  ex->stats.files_written += written;
  g_mutex_unlock (&ex->lock);
}

typedef char *(*RenderFunc) (Export *ex, gpointer data, gsize *size, GError **error);

typedef struct
{
  char *path;
  char *key;
  RenderFunc render;
  gpointer data;
  GDestroyNotify free_data;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->key);
  if (job->free_data)
    job->free_data (job->data);
  g_free (job);
}

/* Has a worker failed? Then its error is the export's. */
static gboolean
check_failure (Export *ex, GError **error)
{
  gboolean failed;

  g_mutex_lock (&ex->lock);
  failed = ex->failure != NULL;
  if (failed)
    g_propagate_error (error, g_steal_pointer (&ex->failure));
  g_mutex_unlock (&ex->lock);
  return failed;
}

/* Is the file @path (from the root) known unchanged? Then the previous export's file is
 * linked into the new tree and @kept set. Makes the file's folder either way. */
static gboolean
try_keep (Export *ex, const char *path, const char *key, gboolean *kept, GError **error)
{
  OldFile *old = ex->old_files && key ? g_hash_table_lookup (ex->old_files, path) : NULL;

  *kept = FALSE;
  if (g_cancellable_set_error_if_cancelled (ex->cancellable, error) || check_failure (ex, error))
    return FALSE;
  if (!portada_relpath_is_safe (path))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: refused: this path would leave the output folder"), path);
      return FALSE;
    }
  if (old && g_str_equal (old->key, key))
    {
      if (portada_beneath_link (ex->old_fd, ex->new_fd, path))
        {
          record (ex, path, key, old->size, FALSE, FALSE);
          *kept = TRUE;
        }
    }
  return TRUE;
}

/* Renders a file, then keeps the old one if the bytes are the same, else writes it. */
static gboolean
run_job (Export *ex, Job *job, GError **error)
{
  OldFile *old = ex->old_files ? g_hash_table_lookup (ex->old_files, job->path) : NULL;
  g_autofree char *content = NULL;
  gsize size = 0;

  content = job->render (ex, job->data, &size, error);
  if (content == NULL)
    return FALSE;
  if (old && (gsize) old->size == size && old_file_equals (ex, job->path, content, size))
    {
      if (!keep_old (ex, job->path, content, size, error))
        return FALSE;
      record (ex, job->path, job->key, size, TRUE, FALSE);
    }
  else
    {
      if (!write_all (ex, job->path, content, size, error))
        return FALSE;
      record (ex, job->path, job->key, size, TRUE, TRUE);
    }
  return TRUE;
}

static void
worker (gpointer data, gpointer user_data)
{
  Job *job = data;
  Export *ex = user_data;
  GError *error = NULL;

  if (!g_atomic_int_get (&ex->failed) && !g_cancellable_is_cancelled (ex->cancellable)
      && !run_job (ex, job, &error))
    {
      g_mutex_lock (&ex->lock);
      if (ex->failure == NULL)
        ex->failure = g_steal_pointer (&error);
      g_atomic_int_set (&ex->failed, 1);
      g_mutex_unlock (&ex->lock);
    }
  g_clear_error (&error);
  job_free (job);
}

/* Hands a file to render to the pool (or renders it here without one); @data is
 * the job's, freed with @free_data. */
static gboolean
submit (Export *ex, const char *path, const char *key, RenderFunc render, gpointer data,
        GDestroyNotify free_data, GError **error)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (path);
  job->key = g_strdup (key);
  job->render = render;
  job->data = data;
  job->free_data = free_data;
  if (ex->pool && free_data)
    {
      /* Keep the queue short: bodies wait in memory there. */
      while (g_thread_pool_unprocessed (ex->pool) > 64 && !g_atomic_int_get (&ex->failed))
        g_usleep (200);
      return g_thread_pool_push (ex->pool, job, error);
    }
  {
    gboolean ok = run_job (ex, job, error);
    job_free (job);
    return ok;
  }
}

/* Puts the file @path (from the root) in the new tree: kept from the previous
 * export when its input @key is unchanged (@key NULL: always rendered), else
 * rendered, and then kept if its bytes are unchanged, else written. */
static gboolean
emit (Export *ex, const char *path, const char *key, RenderFunc render, gpointer data,
      GDestroyNotify free_data, GError **error)
{
  gboolean kept;

  if (!try_keep (ex, path, key, &kept, error) || kept)
    {
      if (free_data)
        free_data (data);
      return kept;
    }
  return submit (ex, path, key, render, data, free_data, error);
}

static void
step (Export *ex)
{
  ex->done++;
  if (ex->progress && (ex->done % 50 == 0 || ex->done == ex->total))
    ex->progress (MIN (1.0, (double) ex->done / MAX (ex->total, 1)), ex->user_data);
}

/* ------------------------------------------------------------------ */
/* Article pages */

typedef struct
{
  Entry *entry;
  char *body;
  GPtrArray *related;      /* Entry */
  GPtrArray *translations; /* Entry */
  GPtrArray *comments;     /* PortadaComment, approved, threaded */
} ArticleJob;

static void
article_job_free (ArticleJob *job)
{
  g_free (job->body);
  g_clear_pointer (&job->comments, g_ptr_array_unref);
  g_ptr_array_unref (job->related);
  g_ptr_array_unref (job->translations);
  g_free (job);
}

static char *
read_body (Export *ex, gint64 id, GError **error)
{
  char *body;

  sqlite3_reset (ex->body_stmt);
  sqlite3_bind_int64 (ex->body_stmt, 1, id);
  if (sqlite3_step (ex->body_stmt) != SQLITE_ROW)
    {
      portada_newsroom_set_error (ex->newsroom, error, _ ("an article's body cannot be read"));
      sqlite3_reset (ex->body_stmt);
      return NULL;
    }
  body = portada_stmt_dup_text (ex->body_stmt, 0);
  sqlite3_reset (ex->body_stmt);
  return body ? body : g_strdup ("");
}

static char *
render_article (Export *ex, gpointer data, gsize *size, GError **error)
{
  ArticleJob *job = data;
  Entry *e = job->entry;
  PortadaArticle a = { 0 };
  g_autoptr (GPtrArray) teasers = g_ptr_array_new ();
  g_autoptr (GPtrArray) translations
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_alternate_free);
  char *html;

  a.id = e->id;
  a.uuid = e->uuid;
  a.lang = e->lang;
  a.translation_group = e->group;
  a.section = e->section;
  a.title = e->title;
  a.subtitle = e->subtitle;
  a.slug = e->slug;
  a.status = e->status;
  a.author = e->author;
  a.publish_at = e->publish_at;
  a.created_at = e->created_at;
  a.updated_at = e->updated_at;
  a.excerpt = e->excerpt_field;
  a.body = job->body;
  a.source_name = e->source_name;
  a.source_url = e->source_url;
  a.featured_media_id = e->featured;
  a.comments_enabled = e->comments;
  for (guint i = 0; i < job->related->len; i++)
    g_ptr_array_add (teasers, ((Entry *) job->related->pdata[i])->teaser);
  for (guint i = 0; i < job->translations->len; i++)
    {
      Entry *t = job->translations->pdata[i];
      g_ptr_array_add (translations, portada_alternate_new (t->lang, t->path));
    }
  html = portada_site_render_article (ex->site, &a, e->path, teasers, translations, job->comments,
                                      error);
  if (html)
    *size = strlen (html);
  return html;
}

static int
by_lang (gconstpointer a, gconstpointer b)
{
  const Entry *x = *(Entry **) a, *y = *(Entry **) b;
  int c = g_strcmp0 (x->lang, y->lang);
  return c ? c : (x->id < y->id ? -1 : x->id > y->id);
}

/* The other languages' versions: one per language, the newest if several. */
static GPtrArray *
translations_of (Export *ex, const Entry *e)
{
  GPtrArray *group = g_hash_table_lookup (ex->by_group, e->group);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; group && i < group->len; i++)
    {
      Entry *t = g_ptr_array_index (group, i);
      gboolean dup = FALSE;
      if (t == e || g_strcmp0 (t->lang, e->lang) == 0)
        continue;
      for (guint k = 0; k < out->len && !dup; k++)
        dup = g_strcmp0 (((Entry *) out->pdata[k])->lang, t->lang) == 0;
      if (!dup)
        g_ptr_array_add (out, t);
    }
  g_ptr_array_sort (out, by_lang);
  return out;
}

static gboolean
exported_lang (Export *ex, const char *lang)
{
  return ex->only_lang == NULL || g_strcmp0 (ex->only_lang, lang) == 0;
}

/* What a comment shows on the page, in its place in the threads. */
static void
comment_key (GChecksum *sum, const PortadaComment *c)
{
  key_add_int (sum, c->id);
  key_add_int (sum, c->depth);
  key_add_int (sum, c->kind);
  key_add (sum, c->author);
  key_add (sum, c->author_url);
  key_add_int (sum, c->created_at);
  key_add (sum, c->body);
}

static gboolean
export_articles (Export *ex, GError **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < ex->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (ex->entries, i);
      g_autoptr (GPtrArray) related = NULL;
      g_autoptr (GPtrArray) translations = NULL;
      g_autoptr (GPtrArray) comments = NULL;
      g_autofree char *file = NULL;
      ArticleJob *job;
      gboolean kept;
      char key[65];

      if (!exported_lang (ex, e->lang))
        continue;
      related = related_of (ex, e);
      translations = translations_of (ex, e);
      comments = e->n_comments ? portada_comments_list (ex->newsroom, e->id, TRUE, error) : NULL;
      if (e->n_comments && comments == NULL)
        return FALSE;
      g_checksum_reset (sum);
      key_add (sum, ex->site->fingerprint);
      key_add (sum, "article");
      key_add (sum, e->content_key);
      key_add (sum, "comments");
      for (guint c = 0; comments && c < comments->len; c++)
        comment_key (sum, comments->pdata[c]);
      for (guint r = 0; r < related->len; r++)
        key_add (sum, ((Entry *) related->pdata[r])->teaser_key);
      key_add (sum, "translations");
      for (guint t = 0; t < translations->len; t++)
        {
          key_add (sum, ((Entry *) translations->pdata[t])->lang);
          key_add (sum, ((Entry *) translations->pdata[t])->path);
        }
      key_finish (sum, key);
      file = g_strconcat (e->path, "index.html", NULL);
      ex->stats.articles++;
      if (!try_keep (ex, file, key, &kept, error))
        return FALSE;
      if (kept)
        {
          step (ex);
          continue;
        }
      job = g_new0 (ArticleJob, 1);
      job->entry = e;
      job->body = read_body (ex, e->id, error);
      job->related = g_steal_pointer (&related);
      job->translations = g_steal_pointer (&translations);
      job->comments = g_steal_pointer (&comments);
      if (job->body == NULL)
        {
          article_job_free (job);
          return FALSE;
        }
      if (!submit (ex, file, key, render_article, job, (GDestroyNotify) article_job_free, error))
        return FALSE;
      step (ex);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The newsroom's pages (About, Contact...) */

typedef struct
{
  const PortadaSitePage *page;
  char *body;
  GPtrArray *alternates; /* PortadaAlternate */
} PageJob;

static void
page_job_free (PageJob *job)
{
  g_free (job->body);
  g_ptr_array_unref (job->alternates);
  g_free (job);
}

static char *
render_page (Export *ex, gpointer data, gsize *size, GError **error)
{
  PageJob *job = data;
  char *html = portada_site_render_page (ex->site, job->page, job->body, job->alternates, error);

  if (html)
    *size = strlen (html);
  return html;
}

/* The other languages' versions of a page: its translation group's. */
static GPtrArray *
page_alternates (Export *ex, const PortadaSitePage *p)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_alternate_free);

  for (guint i = 0; p->group && i < ex->site->pages->len; i++)
    {
      PortadaSitePage *t = g_ptr_array_index (ex->site->pages, i);
      gboolean dup = FALSE;
      if (t == p || g_strcmp0 (t->group, p->group) != 0 || g_strcmp0 (t->lang, p->lang) == 0)
        continue;
      for (guint k = 0; k < out->len && !dup; k++)
        dup = g_strcmp0 (((PortadaAlternate *) out->pdata[k])->lang, t->lang) == 0;
      if (!dup)
        g_ptr_array_add (out, portada_alternate_new (t->lang, t->path));
    }
  return out;
}

static gboolean
export_pages (Export *ex, GError **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < ex->site->pages->len; i++)
    {
      const PortadaSitePage *p = g_ptr_array_index (ex->site->pages, i);
      g_autoptr (PortadaPage) stored = NULL;
      g_autofree char *file = NULL;
      PageJob *job;
      char key[65];

      if (!exported_lang (ex, p->lang))
        continue;
      stored = portada_pages_load (ex->newsroom, p->id, error);
      if (stored == NULL)
        return FALSE;
      job = g_new0 (PageJob, 1);
      job->page = p;
      job->body = g_strdup (stored->body);
      job->alternates = page_alternates (ex, p);
      g_checksum_reset (sum);
      key_add (sum, ex->site->fingerprint);
      key_add (sum, "page");
      key_add (sum, p->uuid);
      key_add (sum, job->body);
      for (guint k = 0; k < job->alternates->len; k++)
        key_add (sum, ((PortadaAlternate *) job->alternates->pdata[k])->path);
      key_finish (sum, key);
      file = g_strconcat (p->path, "index.html", NULL);
      if (!emit (ex, file, key, render_page, job, (GDestroyNotify) page_job_free, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Home and section pages */

typedef struct
{
  const char *lang;
  const char *section;
  guint page, n_pages;
  GPtrArray *teasers; /* PortadaTeaser, borrowed */
  GPtrArray *alternates;
  GPtrArray *blocks; /* PortadaSectionBlock, the home's first page */
  char *path;
} ListingJob;

static void
section_block_free (PortadaSectionBlock *b)
{
  g_free (b->section);
  g_ptr_array_unref (b->teasers);
  g_free (b);
}

static void
listing_job_free (ListingJob *job)
{
  g_clear_pointer (&job->blocks, g_ptr_array_unref);
  g_ptr_array_unref (job->teasers);
  if (job->alternates)
    g_ptr_array_unref (job->alternates);
  g_free (job->path);
  g_free (job);
}

static char *
render_listing (Export *ex, gpointer data, gsize *size, GError **error)
{
  ListingJob *job = data;
  char *html = portada_site_render_listing (ex->site, job->lang, job->section, job->path, job->page,
                                            job->n_pages, job->teasers, job->alternates,
                                            job->blocks, error);
  if (html)
    *size = strlen (html);
  return html;
}

static GPtrArray *
listing_alternates (Export *ex, const char *section)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_alternate_free);

  for (guint i = 0; i < ex->site->languages->len; i++)
    {
      PortadaLanguage *l = g_ptr_array_index (ex->site->languages, i);
      g_autofree char *path = portada_site_section_path (ex->site, l->code, section);
      if (ex->site->languages->len > 1)
        g_ptr_array_add (out, portada_alternate_new (l->code, path));
    }
  return out;
}

#define BLOCK_STORIES 4

/* The home's block per section: the latest stories of each (@lists: GPtrArray of Entry
 * per section, in the site's order) that the first page does not show already. */
static GPtrArray *
section_blocks (Export *ex, GPtrArray *lists, GPtrArray *all)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) section_block_free);
  g_autoptr (GHashTable) shown = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < MIN (all->len, ex->site->page_size); i++)
    g_hash_table_add (shown, all->pdata[i]);
  for (guint s = 0; s < lists->len; s++)
    {
      GPtrArray *list = g_ptr_array_index (lists, s);
      PortadaSection *section = g_ptr_array_index (ex->site->sections, s);
      PortadaSectionBlock *b = g_new0 (PortadaSectionBlock, 1);

      b->section = g_strdup (section->key);
      b->teasers = g_ptr_array_new ();
      for (guint i = 0; i < list->len && b->teasers->len < BLOCK_STORIES; i++)
        if (!g_hash_table_contains (shown, list->pdata[i]))
          g_ptr_array_add (b->teasers, ((Entry *) list->pdata[i])->teaser);
      g_ptr_array_add (blocks, b);
    }
  return blocks;
}

/* Every page of a listing of @list (Entry, in listing order) at @base; the first page
 * of the home has @blocks too. */
static gboolean
export_listing (Export *ex, const char *lang, const char *section, const char *base,
                GPtrArray *list, GPtrArray *blocks, GError **error)
{
  guint size = ex->site->page_size;
  guint n_pages = MAX (1, (list->len + size - 1) / size);
  guint last = n_pages;
  g_autoptr (GPtrArray) alternates = listing_alternates (ex, section);
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint page = 1; page <= last; page++)
    {
      g_autoptr (GPtrArray) teasers = g_ptr_array_new ();
      g_autofree char *path
          = page == 1 ? g_strdup (base) : g_strdup_printf ("%spage/%u/", base, page);
      g_autofree char *file = g_strconcat (path, "index.html", NULL);
      ListingJob *job;
      char key[65];

      g_checksum_reset (sum);
      key_add (sum, ex->site->fingerprint);
      key_add (sum, "listing");
      key_add (sum, lang);
      key_add (sum, section);
      key_add (sum, path);
      key_add_int (sum, page);
      key_add_int (sum, n_pages);
      for (guint i = (page - 1) * size; i < MIN (list->len, page * size); i++)
        {
          Entry *e = g_ptr_array_index (list, i);
          g_ptr_array_add (teasers, e->teaser);
          key_add (sum, e->teaser_key);
        }
      for (guint b = 0; page == 1 && blocks && b < blocks->len; b++)
        {
          PortadaSectionBlock *block = g_ptr_array_index (blocks, b);
          key_add (sum, block->section);
          for (guint i = 0; i < block->teasers->len; i++)
            {
              PortadaTeaser *t = g_ptr_array_index (block->teasers, i);
              key_add (sum, ((Entry *) g_hash_table_lookup (ex->by_id, &t->id))->teaser_key);
            }
        }
      key_finish (sum, key);
      job = g_new0 (ListingJob, 1);
      job->lang = lang;
      job->section = section;
      job->page = page;
      job->n_pages = n_pages;
      job->teasers = g_steal_pointer (&teasers);
      job->alternates = page == 1 ? g_ptr_array_ref (alternates) : NULL;
      job->blocks = page == 1 && blocks ? g_ptr_array_ref (blocks) : NULL;
      job->path = g_steal_pointer (&path);
      if (!emit (ex, file, key, render_listing, job, (GDestroyNotify) listing_job_free, error))
        return FALSE;
      step (ex);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Feeds, sitemap, robots.txt */

static char *
xml_clean (const char *text)
{
  return portada_xml_clean (text);
}

static void
write_attribute (xmlTextWriterPtr w, const char *name, const char *text)
{
  g_autofree char *clean = xml_clean (text);
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST clean);
}

static void
write_element (xmlTextWriterPtr w, const char *name, const char *text)
{
  g_autofree char *clean = xml_clean (text);
  xmlTextWriterWriteElement (w, BAD_CAST name, BAD_CAST clean);
}

/* The featured image of a feed item, as Media RSS says: the original file. */
static void
write_media_content (PortadaSite *site, xmlTextWriterPtr w, const PortadaMedia *m)
{
  g_autofree char *asset = NULL;
  g_autofree char *url = NULL;

  if (m == NULL)
    return;
  asset = portada_site_media_asset (site, m);
  url = portada_site_absolute_url (site, asset);
  xmlTextWriterStartElement (w, BAD_CAST "media:content");
  xmlTextWriterWriteAttribute (w, BAD_CAST "url", BAD_CAST url);
  xmlTextWriterWriteAttribute (w, BAD_CAST "medium", BAD_CAST "image");
  xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST m->mime);
  if (m->width > 0)
    {
      xmlTextWriterWriteFormatAttribute (w, BAD_CAST "width", "%d", m->width);
      xmlTextWriterWriteFormatAttribute (w, BAD_CAST "height", "%d", m->height);
    }
  if (m->alt_text && *m->alt_text)
    write_element (w, "media:description", m->alt_text);
  if (m->credit && *m->credit)
    write_element (w, "media:credit", m->credit);
  xmlTextWriterEndElement (w);
}

static char *
rfc822 (gint64 t)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[]
      = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d +0000",
                          days[g_date_time_get_day_of_week (dt) - 1],
                          g_date_time_get_day_of_month (dt), months[g_date_time_get_month (dt) - 1],
                          g_date_time_get_year (dt), g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt), g_date_time_get_second (dt));
}

static char *
writer_finish (xmlTextWriterPtr w, xmlBufferPtr buf, gsize *size)
{
  char *out;
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  out = g_strndup ((const char *) xmlBufferContent (buf), xmlBufferLength (buf));
  *size = xmlBufferLength (buf);
  xmlBufferFree (buf);
  return out;
}

typedef struct
{
  const char *lang;
  const char *section;
  char *path;       /* of the listing */
  GPtrArray *items; /* Entry */
} FeedJob;

static void
feed_job_free (FeedJob *job)
{
  g_free (job->path);
  g_ptr_array_unref (job->items);
  g_free (job);
}

static char *
render_feed (Export *ex, gpointer data, gsize *size, GError **error)
{
  FeedJob *job = data;
  PortadaSite *site = ex->site;
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buf, 0);
  PortadaSection *s
      = job->section ? g_hash_table_lookup (site->section_by_key, job->section) : NULL;
  g_autofree char *title
      = s ? g_strdup_printf ("%s – %s", site->site_title, portada_section_get_name (s, job->lang))
          : g_strdup (site->site_title);
  g_autofree char *link = portada_site_absolute_url (site, job->path);
  g_autofree char *self = g_strconcat (link, "feed.xml", NULL);

  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (w, BAD_CAST "rss");
  xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST "2.0");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:atom", BAD_CAST "http://www.w3.org/2005/Atom");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:media", BAD_CAST "http://search.yahoo.com/mrss/");
  xmlTextWriterStartElement (w, BAD_CAST "channel");
  write_element (w, "title", title);
  write_element (w, "link", link);
  {
    g_autofree char *description = g_markup_escape_text (title, -1);
    write_element (w, "description", description);
  }
  write_element (w, "language", job->lang);
  xmlTextWriterStartElement (w, BAD_CAST "atom:link");
  write_attribute (w, "href", self);
  xmlTextWriterWriteAttribute (w, BAD_CAST "rel", BAD_CAST "self");
  xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST "application/rss+xml");
  xmlTextWriterEndElement (w);
  if (job->items->len)
    {
      /* The newest item's date, not the clock: the same content gives the same feed. */
      g_autofree char *date = rfc822 (((Entry *) job->items->pdata[0])->sort_time);
      write_element (w, "lastBuildDate", date);
    }
  for (guint i = 0; i < job->items->len; i++)
    {
      Entry *e = g_ptr_array_index (job->items, i);
      PortadaSection *es
          = e->section ? g_hash_table_lookup (site->section_by_key, e->section) : NULL;
      g_autofree char *url = portada_site_absolute_url (site, e->path);
      g_autofree char *date = rfc822 (e->sort_time);

      xmlTextWriterStartElement (w, BAD_CAST "item");
      write_element (w, "title", e->title);
      write_element (w, "link", url);
      xmlTextWriterStartElement (w, BAD_CAST "guid");
      xmlTextWriterWriteAttribute (w, BAD_CAST "isPermaLink", BAD_CAST "false");
      {
        g_autofree char *uuid = xml_clean (e->uuid);
        xmlTextWriterWriteString (w, BAD_CAST uuid);
      }
      xmlTextWriterEndElement (w);
      write_element (w, "pubDate", date);
      if (e->author && *e->author)
        write_element (w, "dc:creator", e->author);
      if (es)
        write_element (w, "category", portada_section_get_name (es, e->lang));
      {
        /* A feed reader reads the description as HTML: the excerpt is text, escaped
         * once as HTML and carried in CDATA, as WordPress writes it ("]]>" cannot
         * occur: ">" is escaped). */
        g_autofree char *clean = xml_clean (e->teaser->excerpt);
        g_autofree char *description = g_markup_escape_text (clean, -1);
        xmlTextWriterStartElement (w, BAD_CAST "description");
        xmlTextWriterWriteCDATA (w, BAD_CAST description);
        xmlTextWriterEndElement (w);
      }
      write_media_content (site, w, portada_site_media (site, e->featured));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  return writer_finish (w, buf, size);
}

static gboolean
export_feed (Export *ex, const char *lang, const char *section, const char *base, GPtrArray *list,
             GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *file = g_strconcat (base, "feed.xml", NULL);
  FeedJob *job;
  char key[65];

  key_add (sum, ex->site->fingerprint);
  key_add (sum, "feed");
  key_add (sum, file);
  for (guint i = 0; i < MIN (list->len, FEED_ITEMS); i++)
    {
      Entry *e = g_ptr_array_index (list, i);
      g_ptr_array_add (items, e);
      key_add (sum, e->teaser_key);
      key_add (sum, e->uuid);
      key_add (sum, e->author);
      key_add_int (sum, e->sort_time);
      {
        PortadaMedia *m = portada_site_media (ex->site, e->featured);
        key_add (sum, m ? m->sha256 : NULL);
        key_add (sum, m ? m->alt_text : NULL);
        key_add (sum, m ? m->credit : NULL);
      }
    }
  key_finish (sum, key);
  job = g_new0 (FeedJob, 1);
  job->lang = lang;
  job->section = section;
  job->path = g_strdup (base);
  job->items = g_steal_pointer (&items);
  if (!emit (ex, file, key, render_feed, job, (GDestroyNotify) feed_job_free, error))
    return FALSE;
  step (ex);
  return TRUE;
}

static void
sitemap_link (xmlTextWriterPtr w, const char *lang, const char *href)
{
  xmlTextWriterStartElement (w, BAD_CAST "xhtml:link");
  xmlTextWriterWriteAttribute (w, BAD_CAST "rel", BAD_CAST "alternate");
  write_attribute (w, "hreflang", lang);
  write_attribute (w, "href", href);
  xmlTextWriterEndElement (w);
}

static void
sitemap_url (Export *ex, xmlTextWriterPtr w, const char *path, gint64 lastmod,
             GPtrArray *alternates /* PortadaAlternate, including itself */)
{
  g_autofree char *loc = portada_site_absolute_url (ex->site, path);
  g_autofree char *x_default = NULL;

  xmlTextWriterStartElement (w, BAD_CAST "url");
  write_element (w, "loc", loc);
  if (lastmod)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (lastmod);
      g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");
      write_element (w, "lastmod", date);
    }
  for (guint i = 0; alternates && alternates->len > 1 && i < alternates->len; i++)
    {
      PortadaAlternate *a = g_ptr_array_index (alternates, i);
      g_autofree char *href = portada_site_absolute_url (ex->site, a->path);
      sitemap_link (w, a->lang, href);
      if (g_strcmp0 (a->lang, ex->site->default_lang) == 0)
        x_default = g_steal_pointer (&href);
    }
  if (x_default)
    sitemap_link (w, "x-default", x_default);
  xmlTextWriterEndElement (w);
}

static GPtrArray *
entry_alternates (Export *ex, Entry *e)
{
  g_autoptr (GPtrArray) entries = translations_of (ex, e);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_alternate_free);

  g_ptr_array_add (entries, e);
  g_ptr_array_sort (entries, by_lang);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *t = g_ptr_array_index (entries, i);
      g_ptr_array_add (out, portada_alternate_new (t->lang, t->path));
    }
  return out;
}

static char *
render_sitemap (Export *ex, gpointer data, gsize *size, GError **error)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buf, 0);

  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (w, BAD_CAST "urlset");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns",
                               BAD_CAST "http://www.sitemaps.org/schemas/sitemap/0.9");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:xhtml", BAD_CAST "http://www.w3.org/1999/xhtml");
  for (guint l = 0; l < ex->langs->len; l++)
    {
      const char *lang = g_ptr_array_index (ex->langs, l);
      g_autofree char *home = portada_site_home_path (ex->site, lang);
      g_autoptr (GPtrArray) home_alternates = listing_alternates (ex, NULL);

      sitemap_url (ex, w, home, 0, home_alternates);
      for (guint s = 0; s < ex->site->sections->len; s++)
        {
          PortadaSection *section = g_ptr_array_index (ex->site->sections, s);
          g_autofree char *path = portada_site_section_path (ex->site, lang, section->key);
          g_autoptr (GPtrArray) alternates = listing_alternates (ex, section->key);
          sitemap_url (ex, w, path, 0, alternates);
        }
    }
  for (guint i = 0; i < ex->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (ex->entries, i);
      g_autoptr (GPtrArray) alternates = NULL;

      if (!exported_lang (ex, e->lang))
        continue;
      alternates = entry_alternates (ex, e);
      sitemap_url (ex, w, e->path, MAX (e->updated_at, e->sort_time), alternates);
    }
  for (guint i = 0; i < ex->site->pages->len; i++)
    {
      const PortadaSitePage *p = g_ptr_array_index (ex->site->pages, i);
      g_autoptr (GPtrArray) alternates = NULL;

      if (!exported_lang (ex, p->lang))
        continue;
      alternates = page_alternates (ex, p);
      if (alternates->len)
        g_ptr_array_insert (alternates, 0, portada_alternate_new (p->lang, p->path));
      sitemap_url (ex, w, p->path, p->updated_at, alternates);
    }
  xmlTextWriterEndElement (w);
  return writer_finish (w, buf, size);
}

static char *
render_robots (Export *ex, gpointer data, gsize *size, GError **error)
{
  char *text = g_strdup_printf ("User-agent: *\nAllow: /\n\nSitemap: %s/sitemap.xml\n",
                                ex->site->base_url);
  *size = strlen (text);
  return text;
}

/* ------------------------------------------------------------------ */
/* Assets */

static char *
render_bytes (Export *ex, gpointer data, gsize *size, GError **error)
{
  GBytes *bytes = data;
  const void *bytes_data = g_bytes_get_data (bytes, size);
  return g_memdup2 (bytes_data, MAX (*size, 1));
}

/* Responsive sets: made once per image and width in the cache beside the newsroom,
 * in parallel on every core; an export that finds every file in the previous
 * export or the cache decodes nothing. */

static char *
derived_key (const PortadaMedia *m, int width, const char *ext)
{
  return g_strdup_printf ("%s-%d.%s", m->sha256, width, ext);
}

static gboolean
derived_known (Export *ex, const char *cache_dir, const PortadaMedia *m)
{
  int widths[PORTADA_MEDIA_MAX_DERIVED];
  guint n = portada_media_derived_widths (m, widths);
  const char *exts[] = { portada_media_derived_extension (m), "webp" };

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *path = portada_picture_derived_asset (m, widths[i], exts[k]);
        g_autofree char *key = derived_key (m, widths[i], exts[k]);
        g_autofree char *cached = portada_media_derived_path (cache_dir, m, widths[i], exts[k]);
        OldFile *old = ex->old_files ? g_hash_table_lookup (ex->old_files, path) : NULL;
        if (!(old && g_str_equal (old->key, key)) && !g_file_test (cached, G_FILE_TEST_EXISTS))
          return FALSE;
      }
  return TRUE;
}

typedef struct
{
  const char *cache_dir;
  PortadaMedia *media;
  GBytes *original;
  GError *error;
} DeriveJob;

static void
derive_worker (gpointer data, gpointer user_data)
{
  DeriveJob *job = data;

  portada_media_derive (job->cache_dir, job->media, job->original, &job->error);
  g_clear_pointer (&job->original, g_bytes_unref);
}

static gboolean
derive_all (Export *ex, const char *cache_dir, GPtrArray *todo, GError **error)
{
  guint threads = CLAMP (g_get_num_processors (), 1, 16);
  g_autofree DeriveJob *jobs = g_new0 (DeriveJob, MAX (todo->len, 1));
  gboolean ok = TRUE;

  /* In batches of one image per core: the originals in memory stay few. */
  for (guint start = 0; ok && start < todo->len; start += threads)
    {
      GThreadPool *pool = g_thread_pool_new (derive_worker, NULL, threads, FALSE, NULL);
      guint end = MIN (start + threads, todo->len);
      for (guint i = start; i < end; i++)
        {
          jobs[i].cache_dir = cache_dir;
          jobs[i].media = todo->pdata[i];
          jobs[i].original = portada_media_load_data (ex->newsroom, jobs[i].media->id, error);
          if (jobs[i].original == NULL)
            {
              ok = FALSE;
              break;
            }
          ex->stats.images_decoded++;
          g_thread_pool_push (pool, &jobs[i], NULL);
        }
      g_thread_pool_free (pool, FALSE, TRUE);
      for (guint i = start; i < end; i++)
        if (jobs[i].error)
          {
            if (ok)
              g_propagate_error (error, g_steal_pointer (&jobs[i].error));
            g_clear_error (&jobs[i].error);
            ok = FALSE;
          }
      if (ok && g_cancellable_set_error_if_cancelled (ex->cancellable, error))
        ok = FALSE;
    }
  return ok;
}

static char *
render_cached_file (Export *ex, gpointer data, gsize *size, GError **error)
{
  char *contents = NULL;

  if (!g_file_get_contents (data, &contents, size, error))
    return NULL;
  return contents;
}

static gboolean
export_pictures (Export *ex, GHashTable *pictures, GError **error)
{
  g_autofree char *cache_dir = portada_media_cache_dir (ex->newsroom);
  g_autoptr (GPtrArray) todo = g_ptr_array_new ();
  g_autoptr (GList) all = g_hash_table_get_values (pictures);

  for (GList *l = all; l; l = l->next)
    if (!derived_known (ex, cache_dir, l->data))
      g_ptr_array_add (todo, l->data);
  if (todo->len && !derive_all (ex, cache_dir, todo, error))
    return FALSE;
  for (GList *l = all; l; l = l->next)
    {
      PortadaMedia *m = l->data;
      int widths[PORTADA_MEDIA_MAX_DERIVED];
      guint n = portada_media_derived_widths (m, widths);
      const char *exts[] = { portada_media_derived_extension (m), "webp" };

      for (guint i = 0; i < n; i++)
        for (guint k = 0; k < 2; k++)
          {
            g_autofree char *path = portada_picture_derived_asset (m, widths[i], exts[k]);
            g_autofree char *key = derived_key (m, widths[i], exts[k]);
            char *cached = portada_media_derived_path (cache_dir, m, widths[i], exts[k]);
            if (!emit (ex, path, key, render_cached_file, cached, g_free, error))
              return FALSE;
          }
    }
  return TRUE;
}

static gboolean
export_theme_file (Export *ex, const char *file, const char *name, GError **error)
{
  g_autoptr (GBytes) bytes = portada_site_theme_file (file, error);
  g_autofree char *path = g_strconcat ("assets/", name, NULL);

  return bytes && emit (ex, path, name, render_bytes, bytes, NULL, error);
}

static gboolean
is_svg (const PortadaMedia *m)
{
  return g_strcmp0 (m->mime, "image/svg+xml") == 0;
}

/* An image's bytes as published. The newsroom may come from elsewhere: an SVG is
 * sanitized again on its way out, whatever the import did. */
static GBytes *
load_media (Export *ex, const PortadaMedia *m, GError **error)
{
  g_autoptr (GBytes) bytes = portada_media_load_data (ex->newsroom, m->id, error);
  g_autoptr (GError) local = NULL;
  GBytes *clean;
  gsize len;
  const guint8 *data;

  if (bytes == NULL || !is_svg (m))
    return g_steal_pointer (&bytes);
  data = g_bytes_get_data (bytes, &len);
  clean = portada_svg_sanitize (data, len, NULL, &local);
  if (clean == NULL)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                 _ ("image %lld (%s): the SVG cannot be published: %s"), (long long) m->id,
                 m->filename ? m->filename : m->sha256, local->message);
  return clean;
}

static gboolean
export_assets (Export *ex, GError **error)
{
  g_autoptr (GBytes) css = portada_site_theme_file ("style.css", error);
  g_autofree char *css_path = NULL;
  g_autoptr (GHashTable) media = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GList) ids = NULL;

  if (css == NULL)
    return FALSE;
  css_path = g_strconcat ("assets/", portada_site_stylesheet_name (), NULL);
  if (!emit (ex, css_path, portada_site_stylesheet_name (), render_bytes, css, NULL, error))
    return FALSE;
  if (!export_theme_file (ex, "favicon.svg", portada_site_favicon_name (), error)
      || !export_theme_file (ex, "touch-icon.png", portada_site_touch_icon_name (), error))
    return FALSE;
  if (ex->site->favicon)
    g_hash_table_insert (media, &ex->site->favicon->id, ex->site->favicon);
  if (ex->site->touch_icon)
    g_hash_table_insert (media, &ex->site->touch_icon->id, ex->site->touch_icon);

  /* Every logo a strip can show, and the featured images of the exported articles. */
  for (guint i = 0; i < ex->site->placements->len; i++)
    {
      PortadaPlacement *p = g_ptr_array_index (ex->site->placements, i);
      GArray *shown = p->list_id ? g_hash_table_lookup (ex->site->shown, &p->list_id) : NULL;
      for (guint k = 0; shown && k < shown->len; k++)
        {
          PortadaStripEntry *e = &g_array_index (shown, PortadaStripEntry, k);
          PortadaSponsor *s = g_hash_table_lookup (ex->site->sponsors, &e->sponsor_id);
          PortadaMedia *m = portada_site_media (ex->site, s->logo_media_id);
          if (m)
            g_hash_table_insert (media, &m->id, m);
        }
    }
  for (guint i = 0; i < ex->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (ex->entries, i);
      PortadaMedia *m
          = exported_lang (ex, e->lang) ? portada_site_media (ex->site, e->featured) : NULL;
      if (m)
        g_hash_table_insert (media, &m->id, m);
    }
  {
    g_autoptr (GHashTable) pictures = g_hash_table_new (g_int64_hash, g_int64_equal);
    GHashTableIter iter;
    gpointer value;
    for (guint i = 0; i < ex->entries->len; i++)
      {
        Entry *e = g_ptr_array_index (ex->entries, i);
        PortadaMedia *m
            = exported_lang (ex, e->lang) ? portada_site_media (ex->site, e->featured) : NULL;
        if (m)
          g_hash_table_insert (pictures, &m->id, m);
      }
    g_hash_table_iter_init (&iter, ex->body_media);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_hash_table_insert (pictures, &((PortadaMedia *) value)->id, value);
    g_hash_table_iter_init (&iter, ex->site->used_media);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_hash_table_insert (pictures, &((PortadaMedia *) value)->id, value);
    g_hash_table_iter_init (&iter, pictures);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_hash_table_insert (media, &((PortadaMedia *) value)->id, value);
    if (!export_pictures (ex, pictures, error))
      return FALSE;
  }
  ids = g_hash_table_get_values (media);
  for (GList *l = ids; l; l = l->next)
    {
      PortadaMedia *m = l->data;
      g_autofree char *path = portada_site_media_asset (ex->site, m);
      g_autoptr (GBytes) bytes = NULL;
      OldFile *old = ex->old_files ? g_hash_table_lookup (ex->old_files, path) : NULL;

      g_autofree char *key = g_strconcat (is_svg (m) ? "svg-sanitized:" : "", m->sha256, NULL);

      /* Content-hashed names: an old file of the same name and key is the same image. */
      if (!(old && g_str_equal (old->key, key)))
        {
          bytes = load_media (ex, m, error);
          if (bytes == NULL)
            return FALSE;
        }
      if (!emit (ex, path, key, render_bytes, bytes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The target folder */

static gboolean
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  gboolean ok = TRUE;

  if (dir)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          ok = remove_tree (child) && ok;
        else if (g_unlink (child) != 0)
          ok = FALSE;
      }
  return g_rmdir (path) == 0 && ok;
}

static gboolean
dir_is_empty (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  return dir && g_dir_read_name (dir) == NULL;
}

/* Is @out_dir a place an export may go? Sets old_dir when it holds a previous export. */
static gboolean
check_target (Export *ex, const char *out_dir, GError **error)
{
  g_autofree char *parent = NULL;
  g_autofree char *manifest = NULL;
  GStatBuf st;

  if (out_dir == NULL || *out_dir == '\0')
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("No output folder was given"));
      return FALSE;
    }
  ex->out_dir = g_canonicalize_filename (out_dir, NULL);
  while (g_str_has_suffix (ex->out_dir, "/") && strlen (ex->out_dir) > 1)
    ex->out_dir[strlen (ex->out_dir) - 1] = '\0';
  if (g_str_equal (ex->out_dir, "/"))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: the root folder cannot be an output folder"), out_dir);
      return FALSE;
    }
  parent = g_path_get_dirname (ex->out_dir);
  if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                   _ ("%s: the folder %s, where the export would go, does not exist"), out_dir,
                   parent);
      return FALSE;
    }
  if (access (parent, W_OK | X_OK) != 0)
    return set_errno_error (error, errno, _ ("the export cannot be written beside it"), out_dir);
  if (g_lstat (ex->out_dir, &st) == 0)
    {
      if (S_ISLNK (st.st_mode))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s: is a symbolic link; give the folder itself, so that nothing is "
                          "written through the link"),
                       out_dir);
          return FALSE;
        }
      if (!S_ISDIR (st.st_mode))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s: exists and is not a folder; the export needs a folder"), out_dir);
          return FALSE;
        }
      manifest = g_build_filename (ex->out_dir, PORTADA_SITE_MANIFEST, NULL);
      if (g_file_test (manifest, G_FILE_TEST_IS_REGULAR))
        ex->old_dir = g_strdup (ex->out_dir);
      else if (!dir_is_empty (ex->out_dir))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s: the folder is not empty and holds no previous export; choose an "
                          "empty or new folder so that nothing in it is replaced"),
                       out_dir);
          return FALSE;
        }
    }
  else if (errno != ENOENT)
    return set_errno_error (error, errno, _ ("cannot be examined"), out_dir);

  /* The new tree's folder, beside the target: also the proof that we can write there. */
  {
    g_autofree char *base = g_path_get_basename (ex->out_dir);
    char *template = g_strdup_printf ("%s/.%s.new-XXXXXX", parent, base);

    /* What exports killed midway left here. */
    portada_staging_sweep (ex->out_dir, "new-");
    ex->new_dir = g_mkdtemp (template);
    if (ex->new_dir == NULL)
      {
        int err = errno;
        g_free (template);
        g_set_error (error, PORTADA_ERROR,
                     err == ENOSPC ? PORTADA_ERROR_NO_SPACE : PORTADA_ERROR_READ_ONLY,
                     _ ("%s: the folder %s does not accept new files (%s)"), out_dir, parent,
                     g_strerror (err));
        return FALSE;
      }
    g_chmod (ex->new_dir, 0755);
    ex->new_dir_lock = portada_staging_lock (ex->new_dir);
    ex->new_fd = portada_beneath_open_root (ex->new_dir, error);
    if (ex->new_fd < 0)
      return FALSE;
    if (ex->old_dir && (ex->old_fd = portada_beneath_open_root (ex->old_dir, error)) < 0)
      return FALSE;
  }
  return TRUE;
}

static void
old_file_free (OldFile *f)
{
  g_free (f->key);
  g_free (f);
}

/* A missing or damaged manifest only means that nothing can be kept. */
static void
load_manifest (Export *ex)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  if (ex->old_dir == NULL)
    return;
  path = g_build_filename (ex->old_dir, PORTADA_SITE_MANIFEST, NULL);
  if (!g_file_get_contents (path, &text, NULL, NULL)
      || !g_str_has_prefix (text, MANIFEST_HEADER "\n"))
    return;
  ex->old_files
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) old_file_free);
  lines = g_strsplit (text + strlen (MANIFEST_HEADER "\n"), "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", 3);
      OldFile *old;
      if (g_strv_length (f) != 3 || strstr (f[0], "..") || f[0][0] == '/')
        continue;
      old = g_new0 (OldFile, 1);
      old->key = g_strdup (f[1]);
      old->size = g_ascii_strtoll (f[2], NULL, 10);
      g_hash_table_replace (ex->old_files, g_strdup (f[0]), old);
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
write_manifest (Export *ex, GError **error)
{
  g_autoptr (GString) text = g_string_new (MANIFEST_HEADER "\n");
  g_ptr_array_sort (ex->manifest_lines, compare_strings);
  for (guint i = 0; i < ex->manifest_lines->len; i++)
    {
      g_string_append (text, ex->manifest_lines->pdata[i]);
      g_string_append_c (text, '\n');
    }
  return write_all (ex, PORTADA_SITE_MANIFEST, text->str, text->len, error);
}

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* What the user keeps beside the previous export (".git/", "CNAME") goes into
 * the new tree: only what the previous manifest lists was the export's. */
static gboolean
carry_foreign (Export *ex, GError **error)
{
  g_autoptr (GHashTable) ours = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  portada_exchange_set_kept (ex->newsroom, NULL);
  if (ex->old_fd < 0)
    return TRUE;
  g_hash_table_add (ours, PORTADA_SITE_MANIFEST);
  if (ex->old_files)
    {
      g_hash_table_iter_init (&iter, ex->old_files);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (ours, key);
    }
  if (!portada_beneath_carry (ex->old_fd, ex->new_fd, ours, kept, error))
    return FALSE;
  portada_exchange_set_kept (ex->newsroom, kept);
  return TRUE;
}

/* Puts the new tree in place: an atomic exchange where the system has one. */
static gboolean
swap_in (Export *ex, GError **error)
{
  if (ex->old_dir || g_file_test (ex->out_dir, G_FILE_TEST_IS_DIR))
    {
      if (renameat2 (AT_FDCWD, ex->new_dir, AT_FDCWD, ex->out_dir, RENAME_EXCHANGE) == 0)
        {
          /* The previous export is now at new_dir's name. */
          remove_tree (ex->new_dir);
          return TRUE;
        }
      if (errno != EINVAL && errno != ENOSYS)
        return set_errno_error (error, errno, _ ("the new export cannot be put in place"),
                                ex->out_dir);
      {
        /* No exchange on this file system: two renames. */
        g_autofree char *aside = g_strconcat (ex->new_dir, ".old", NULL);
        if (g_rename (ex->out_dir, aside) != 0)
          return set_errno_error (error, errno, _ ("the previous export cannot be moved aside"),
                                  ex->out_dir);
        if (g_rename (ex->new_dir, ex->out_dir) != 0)
          {
            int err = errno;
            g_rename (aside, ex->out_dir);
            return set_errno_error (error, err, _ ("the new export cannot be put in place"),
                                    ex->out_dir);
          }
        remove_tree (aside);
        return TRUE;
      }
    }
  if (g_rename (ex->new_dir, ex->out_dir) != 0)
    return set_errno_error (error, errno, _ ("the new export cannot be put in place"), ex->out_dir);
  return TRUE;
}

/* ------------------------------------------------------------------ */

static void stop_pool (Export *ex);

static void
export_clear (Export *ex)
{
  /* Workers still queued skip their work, then the pool is gone. */
  g_atomic_int_set (&ex->failed, 1);
  stop_pool (ex);
  g_clear_error (&ex->failure);
  g_mutex_clear (&ex->lock);
  if (ex->entries)
    g_ptr_array_unref (ex->entries);
  g_clear_pointer (&ex->by_id, g_hash_table_unref);
  g_clear_pointer (&ex->by_group, g_hash_table_unref);
  g_clear_pointer (&ex->by_tag, g_hash_table_unref);
  g_clear_pointer (&ex->recent, g_hash_table_unref);
  g_clear_pointer (&ex->old_files, g_hash_table_unref);
  if (ex->new_fd >= 0)
    close (ex->new_fd);
  if (ex->old_fd >= 0)
    close (ex->old_fd);
  ex->new_fd = ex->old_fd = -1;
  g_clear_pointer (&ex->body_media, g_hash_table_unref);
  g_clear_pointer (&ex->manifest_lines, g_ptr_array_unref);
  g_clear_pointer (&ex->langs, g_ptr_array_unref);
  g_clear_pointer (&ex->body_stmt, sqlite3_finalize);
  g_clear_pointer (&ex->site, portada_site_free);
  g_free (ex->shared);
  g_free (ex->out_dir);
  g_free (ex->old_dir);
  if (ex->new_dir)
    {
      if (g_file_test (ex->new_dir, G_FILE_TEST_EXISTS))
        remove_tree (ex->new_dir);
      g_free (ex->new_dir);
    }
  if (ex->new_dir_lock >= 0)
    close (ex->new_dir_lock);
  ex->new_dir_lock = -1;
}

static char *
render_redirect (Export *ex, gpointer data, gsize *size, GError **error)
{
  ListingJob *job = data;
  char *html = portada_site_render_redirect (ex->site, job->lang, job->alternates, error);
  if (html)
    *size = strlen (html);
  return html;
}

/* The root sends readers to the default language's home. */
static gboolean
export_root (Export *ex, const char *lang, GError **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  ListingJob *job = g_new0 (ListingJob, 1);
  char key[65];

  key_add (sum, ex->site->fingerprint);
  key_add (sum, "root");
  key_add (sum, lang);
  key_finish (sum, key);
  job->lang = lang;
  job->teasers = g_ptr_array_new ();
  job->alternates = listing_alternates (ex, NULL);
  job->path = g_strdup ("");
  if (!emit (ex, "index.html", key, render_redirect, job, (GDestroyNotify) listing_job_free, error))
    return FALSE;
  step (ex);
  return TRUE;
}

static gboolean
export_lang (Export *ex, const char *lang, gboolean root_home, GError **error)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  g_autoptr (GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) blocks = NULL;
  g_autofree char *home = portada_site_home_path (ex->site, lang);

  for (guint i = 0; i < ex->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (ex->entries, i);
      if (g_strcmp0 (e->lang, lang) == 0)
        g_ptr_array_add (all, e);
    }
  g_ptr_array_sort (all, listing_order);
  for (guint s = 0; s < ex->site->sections->len; s++)
    {
      PortadaSection *section = g_ptr_array_index (ex->site->sections, s);
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; i < all->len; i++)
        if (g_strcmp0 (((Entry *) all->pdata[i])->section, section->key) == 0)
          g_ptr_array_add (list, all->pdata[i]);
      g_ptr_array_add (lists, list);
    }
  blocks = section_blocks (ex, lists, all);
  if (!export_listing (ex, lang, NULL, home, all, blocks, error)
      || !export_feed (ex, lang, NULL, home, all, error))
    return FALSE;
  /* A language at the root (an empty base path) has its home there already. */
  if (root_home && *home && !export_root (ex, lang, error))
    return FALSE;
  for (guint s = 0; s < ex->site->sections->len; s++)
    {
      PortadaSection *section = g_ptr_array_index (ex->site->sections, s);
      GPtrArray *list = g_ptr_array_index (lists, s);
      g_autofree char *base = portada_site_section_path (ex->site, lang, section->key);

      if (!export_listing (ex, lang, section->key, base, list, NULL, error)
          || !export_feed (ex, lang, section->key, base, list, error))
        return FALSE;
    }
  return TRUE;
}

/* The images the exported articles' bodies name ("media/<sha256>"), whether or not
 * their pages are rendered again: their files belong in every export. */
static void
prefill_body_media (Export *ex)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      ex->newsroom, "SELECT id, body FROM article WHERE instr(body, 'media/') > 0", NULL);
  g_autoptr (GHashTable) shas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer sha;

  ex->body_media = g_hash_table_new (g_int64_hash, g_int64_equal);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Entry *e = g_hash_table_lookup (ex->by_id, &id);
      if (e && exported_lang (ex, e->lang))
        portada_picture_collect_refs ((const char *) sqlite3_column_text (stmt, 1), shas);
    }
  g_hash_table_iter_init (&iter, shas);
  while (g_hash_table_iter_next (&iter, &sha, NULL))
    {
      PortadaMedia *m = portada_site_media_by_sha (ex->site, sha);
      if (m)
        g_hash_table_insert (ex->body_media, &m->id, m);
    }
}

/* Loads every image a page may show, so that the renderer's threads only read. */
static void
prefill_media (Export *ex)
{
  for (guint i = 0; i < ex->site->placements->len; i++)
    {
      PortadaPlacement *p = g_ptr_array_index (ex->site->placements, i);
      GArray *shown = p->list_id ? g_hash_table_lookup (ex->site->shown, &p->list_id) : NULL;
      for (guint k = 0; shown && k < shown->len; k++)
        {
          PortadaStripEntry *e = &g_array_index (shown, PortadaStripEntry, k);
          PortadaSponsor *s = g_hash_table_lookup (ex->site->sponsors, &e->sponsor_id);
          portada_site_media (ex->site, s->logo_media_id);
        }
    }
  for (guint i = 0; i < ex->entries->len; i++)
    portada_site_media (ex->site, ((Entry *) ex->entries->pdata[i])->featured);
  prefill_body_media (ex);
}

static void
start_pool (Export *ex)
{
  const char *env = g_getenv ("PORTADA_EXPORT_THREADS");
  int n = env ? (int) g_ascii_strtoll (env, NULL, 10) : (int) g_get_num_processors ();

  n = CLAMP (n, 1, 8);
  if (n < 2)
    return;
  xmlInitParser ();
  ex->pool = g_thread_pool_new (worker, ex, n, FALSE, NULL);
}

static void
stop_pool (Export *ex)
{
  if (ex->pool == NULL)
    return;
  g_thread_pool_free (g_steal_pointer (&ex->pool), FALSE, TRUE);
}

static gboolean
run (Export *ex, const char *lang, const PortadaSiteExportOptions *options, GError **error)
{
  const char *root_lang = NULL;

  if (!portada_path_checks_refuse (ex->newsroom, error))
    return FALSE;
  ex->site = portada_site_load (ex->newsroom, PORTADA_ASSETS_EXPORT, options ? options->date : NULL,
                                error);
  if (ex->site == NULL)
    return FALSE;
  ex->langs = g_ptr_array_new ();
  for (guint i = 0; i < ex->site->languages->len; i++)
    {
      PortadaLanguage *l = g_ptr_array_index (ex->site->languages, i);
      if (lang == NULL || g_str_equal (lang, l->code))
        g_ptr_array_add (ex->langs, l->code);
    }
  if (ex->langs->len == 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The newsroom has no language “%s”"), lang ? lang : "");
      return FALSE;
    }
  for (guint i = 0; i < ex->langs->len && root_lang == NULL; i++)
    if (g_str_equal (ex->langs->pdata[i], ex->site->default_lang))
      root_lang = ex->langs->pdata[i];
  if (root_lang == NULL)
    root_lang = ex->langs->pdata[0];

  ex->body_stmt
      = portada_newsroom_prepare (ex->newsroom, "SELECT body FROM article WHERE id = ?", error);
  if (ex->body_stmt == NULL || !load_entries (ex, error) || !load_tags (ex, error))
    return FALSE;
  build_indexes (ex);
  load_manifest (ex);
  prefill_media (ex);
  start_pool (ex);

  /* Units of progress: article pages, listing pages, feeds. */
  for (guint i = 0; i < ex->entries->len; i++)
    if (exported_lang (ex, ((Entry *) ex->entries->pdata[i])->lang))
      ex->total++;
  ex->total += ex->langs->len * (ex->site->sections->len + 1) * 2 + 1;
  ex->total += ex->total / 4; /* listing pages beyond the first */

  if (!export_articles (ex, error) || !export_pages (ex, error))
    return FALSE;
  for (guint i = 0; i < ex->langs->len; i++)
    if (!export_lang (ex, ex->langs->pdata[i], ex->langs->pdata[i] == root_lang, error))
      return FALSE;
  /* Every page is rendered before the files that list them all. */
  stop_pool (ex);
  if (check_failure (ex, error))
    return FALSE;
  if (!emit (ex, "sitemap.xml", NULL, render_sitemap, NULL, NULL, error)
      || !emit (ex, "robots.txt", NULL, render_robots, NULL, NULL, error)
      || !export_assets (ex, error) || !write_manifest (ex, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (ex->cancellable, error) || !carry_foreign (ex, error))
    return FALSE;
  if (!swap_in (ex, error))
    return FALSE;
  g_clear_pointer (&ex->new_dir, g_free);
  if (ex->progress)
    ex->progress (1.0, ex->user_data);
  return TRUE;
}

static gboolean
portada_site_export_full_snapshot (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                                   const PortadaSiteExportOptions *options,
                                   GCancellable *cancellable, PortadaProgressFunc progress,
                                   gpointer user_data, PortadaSiteExportStats *stats,
                                   GError **error)
{
  Export ex = { 0 };
  gboolean ok;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  ex.new_dir_lock = -1;
  ex.new_fd = ex.old_fd = -1;
  ex.newsroom = newsroom;
  ex.only_lang = lang;
  ex.cancellable = cancellable;
  ex.progress = progress;
  ex.user_data = user_data;
  ex.now = options && options->now ? options->now : g_get_real_time () / G_USEC_PER_SEC;
  ex.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  ex.by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  ex.by_group
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  ex.by_tag = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  ex.recent
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  ex.manifest_lines = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&ex.lock);

  if (options && options->date)
    {
      /* The renderer checks the date's form; nothing else to check here. */
    }
  ok = check_target (&ex, out_dir, error) && run (&ex, lang, options, error);
  if (g_error_matches (error ? *error : NULL, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (error);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED,
                   _ ("%s: the export was cancelled; the folder was left as it was"), out_dir);
    }
  if (ok && stats)
    *stats = ex.stats;
  export_clear (&ex);
  return ok;
}

gboolean
portada_site_export (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                     GCancellable *cancellable, PortadaProgressFunc progress, gpointer user_data,
                     GError **error)
{
  return portada_site_export_full (newsroom, out_dir, lang, NULL, cancellable, progress, user_data,
                                   NULL, error);
}

/* Reads everything from one snapshot of the newsroom: an article another window
 * saves meanwhile is exported whole, as before or as after, never half of each. */
gboolean
portada_site_export_full (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                          const PortadaSiteExportOptions *options, GCancellable *cancellable,
                          PortadaProgressFunc progress, gpointer user_data,
                          PortadaSiteExportStats *stats, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  if (!portada_newsroom_begin_read (newsroom, error))
    return FALSE;
  ok = portada_site_export_full_snapshot (newsroom, out_dir, lang, options, cancellable, progress,
                                          user_data, stats, error);
  portada_newsroom_end_read (newsroom);
  return ok;
}
