/* portada-article-search.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-article-search.h"

/* The query runs on a read-only connection of its own, opened once and kept: in WAL
 * mode it reads a snapshot while the window's connection keeps saving. Only one
 * thread uses it at a time (the lock); a newer search cancels the older one, whose
 * statement stops at SQLite's next progress check and gives the lock up. */
struct _PortadaArticleSearch
{
  GObject parent_instance;
  PortadaNewsroom *newsroom;
  GMutex lock; /* guards reader */
  PortadaNewsroom *reader;
  GCancellable *running;
};

G_DEFINE_FINAL_TYPE (PortadaArticleSearch, portada_article_search, G_TYPE_OBJECT)

typedef struct
{
  char *search, *lang, *section, *author;
  int status;
  guint page_size;
} Job;

static void
job_free (Job *job)
{
  g_free (job->search);
  g_free (job->lang);
  g_free (job->section);
  g_free (job->author);
  g_free (job);
}

void
portada_article_search_result_free (PortadaArticleSearchResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->page, g_ptr_array_unref);
  g_free (result);
}

PortadaArticleSearchResult *
portada_article_search_run (PortadaNewsroom *newsroom, const PortadaArticleQuery *query,
                            guint page_size, GError **error)
{
  g_autoptr (PortadaArticleSearchResult) result = g_new0 (PortadaArticleSearchResult, 1);
  gboolean snapshot;

  /* Ids and first page from the same snapshot of the file. */
  snapshot = portada_newsroom_begin_read (newsroom, error);
  if (!snapshot)
    return NULL;
  result->ids = portada_articles_list_ids (newsroom, query, error);
  if (result->ids)
    result->page = portada_articles_list_by_ids (newsroom, (const gint64 *) result->ids->data,
                                                 MIN (page_size, result->ids->len), error);
  portada_newsroom_end_read (newsroom);
  if (result->page == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

static void
search_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PortadaArticleSearch *self = source;
  Job *job = data;
  PortadaArticleQuery q = { job->search, job->lang, job->section, job->author, job->status };
  PortadaArticleSearchResult *result = NULL;
  GError *error = NULL;

  g_mutex_lock (&self->lock);
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      if (self->reader == NULL)
        self->reader = portada_newsroom_open_reader (self->newsroom, &error);
      if (self->reader)
        {
          portada_newsroom_set_cancellable (self->reader, cancellable);
          result = portada_article_search_run (self->reader, &q, job->page_size, &error);
          portada_newsroom_set_cancellable (self->reader, NULL);
        }
    }
  g_mutex_unlock (&self->lock);
  if (result)
    g_task_return_pointer (task, result, (GDestroyNotify) portada_article_search_result_free);
  else
    g_task_return_error (task, error);
}

static void
portada_article_search_dispose (GObject *object)
{
  PortadaArticleSearch *self = PORTADA_ARTICLE_SEARCH (object);

  portada_article_search_cancel (self);
  G_OBJECT_CLASS (portada_article_search_parent_class)->dispose (object);
}

static void
portada_article_search_finalize (GObject *object)
{
  PortadaArticleSearch *self = PORTADA_ARTICLE_SEARCH (object);

  /* Tasks hold a reference: no thread uses the reader any more. */
  g_clear_object (&self->reader);
  g_clear_object (&self->newsroom);
  g_clear_object (&self->running);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (portada_article_search_parent_class)->finalize (object);
}

static void
portada_article_search_class_init (PortadaArticleSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = portada_article_search_dispose;
  G_OBJECT_CLASS (klass)->finalize = portada_article_search_finalize;
}

static void
portada_article_search_init (PortadaArticleSearch *self)
{
  g_mutex_init (&self->lock);
}

PortadaArticleSearch *
portada_article_search_new (PortadaNewsroom *newsroom)
{
  PortadaArticleSearch *self;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  self = g_object_new (PORTADA_TYPE_ARTICLE_SEARCH, NULL);
  self->newsroom = g_object_ref (newsroom);
  return self;
}

void
portada_article_search_cancel (PortadaArticleSearch *self)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_SEARCH (self));
  if (self->running)
    g_cancellable_cancel (self->running);
  g_clear_object (&self->running);
}

void
portada_article_search_start (PortadaArticleSearch *self, const PortadaArticleQuery *query,
                              guint page_size, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (PORTADA_IS_ARTICLE_SEARCH (self));
  portada_article_search_cancel (self);
  self->running = g_cancellable_new ();
  job->search = query ? g_strdup (query->search) : NULL;
  job->lang = query ? g_strdup (query->lang) : NULL;
  job->section = query ? g_strdup (query->section) : NULL;
  job->author = query ? g_strdup (query->author) : NULL;
  job->status = query ? query->status : PORTADA_STATUS_ANY;
  job->page_size = page_size;
  task = g_task_new (self, self->running, callback, user_data);
  g_task_set_source_tag (task, portada_article_search_start);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, search_thread);
}

PortadaArticleSearchResult *
portada_article_search_finish (PortadaArticleSearch *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
