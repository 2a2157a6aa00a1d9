/* portada-article-model.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-article-model.h"
#include "portada-article-search.h"

/* A list view asks for the few dozen rows it shows; they come from the core a
 * page at a time and only the most recently used pages stay in memory, so a
 * newsroom of 100,000 articles costs what one of a few hundred does.
 *
 * A query gives the ids of every article found, in order (cheap: eight bytes an
 * article) and the first page; a page is then read by its ids, a primary-key
 * lookup of a millisecond. The query itself, which can take a second on a large
 * newsroom, runs in a thread on its own connection (PortadaArticleSearch) when
 * the search entry or a filter asks: the rows shown stay until the answer comes. */
#define PAGE_SIZE 128
#define MAX_PAGES 24

struct _PortadaArticleModel
{
  GObject parent_instance;
  PortadaNewsroom *newsroom;
  char *search, *lang, *section, *author;
  int status;
  GArray *ids;       /* gint64, the articles found, in order */
  GHashTable *pages; /* page number -> GPtrArray of PortadaArticleItem */
  GQueue lru;        /* page numbers, most recent first */
  GError *error;
  PortadaArticleSearch *search_thread;
  gboolean loading;
};

enum
{
  LOADED,
  CHANGING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PortadaArticleModel, portada_article_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
query_of (PortadaArticleModel *self, PortadaArticleQuery *q)
{
  q->search = self->search;
  q->lang = self->lang;
  q->section = self->section;
  q->author = self->author;
  q->status = self->status;
  q->trashed = FALSE;
}

static void
set_error (PortadaArticleModel *self, GError *error)
{
  if (error)
    g_warning ("%s", error->message);
  g_clear_error (&self->error);
  self->error = error;
}

static void
touch_page (PortadaArticleModel *self, guint page)
{
  g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
}

static guint
n_items (PortadaArticleModel *self)
{
  return self->ids ? self->ids->len : 0;
}

static void
store_page (PortadaArticleModel *self, guint page, GPtrArray *summaries)
{
  GPtrArray *items = g_ptr_array_new_full (summaries->len, g_object_unref);

  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (items, portada_article_item_new (g_steal_pointer (&summaries->pdata[i])));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  touch_page (self, page);
}

static GPtrArray *
load_page (PortadaArticleModel *self, guint page)
{
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (GError) error = NULL;
  guint first = page * PAGE_SIZE;

  summaries
      = portada_articles_list_by_ids (self->newsroom, &g_array_index (self->ids, gint64, first),
                                      MIN (PAGE_SIZE, self->ids->len - first), &error);
  if (summaries == NULL)
    {
      set_error (self, g_steal_pointer (&error));
      return NULL;
    }
  store_page (self, page, summaries);
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
}

static GType
portada_article_model_get_item_type (GListModel *model)
{
  return PORTADA_TYPE_ARTICLE_ITEM;
}

static guint
portada_article_model_get_n_items (GListModel *model)
{
  return n_items (PORTADA_ARTICLE_MODEL (model));
}

static gpointer
portada_article_model_get_item (GListModel *model, guint position)
{
  PortadaArticleModel *self = PORTADA_ARTICLE_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= n_items (self) || self->newsroom == NULL)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);
  if (items == NULL)
    return NULL;
  touch_page (self, page);
  /* An article that went away since the query is left out of its page: the rows
   * around it stay in order until the next query. */
  for (guint i = 0; i < items->len; i++)
    {
      PortadaArticleItem *item = g_ptr_array_index (items, i);
      if (portada_article_item_get_id (item) == g_array_index (self->ids, gint64, position))
        return g_object_ref (item);
    }
  return NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = portada_article_model_get_item_type;
  iface->get_n_items = portada_article_model_get_n_items;
  iface->get_item = portada_article_model_get_item;
}

static void
portada_article_model_finalize (GObject *object)
{
  PortadaArticleModel *self = PORTADA_ARTICLE_MODEL (object);

  if (self->search_thread)
    portada_article_search_cancel (self->search_thread);
  g_clear_object (&self->search_thread);
  g_clear_object (&self->newsroom);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->lru);
  g_free (self->search);
  g_free (self->lang);
  g_free (self->section);
  g_free (self->author);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (portada_article_model_parent_class)->finalize (object);
}

static void
portada_article_model_class_init (PortadaArticleModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = portada_article_model_finalize;
  /* A query started by the _async functions has been answered (or failed). */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  /* Rows (position, removed) are about to be replaced. A GtkSingleSelection whose selected row is among
   * them looks for its item among the new rows, reading every one of them (GTK 4.8):
   * unselect first (and select again after), or thousands of rows are read at once. */
  signals[CHANGING] = g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
portada_article_model_init (PortadaArticleModel *self)
{
  self->status = PORTADA_STATUS_ANY;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

PortadaArticleModel *
portada_article_model_new (PortadaNewsroom *newsroom)
{
  PortadaArticleModel *self;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  self = g_object_new (PORTADA_TYPE_ARTICLE_MODEL, NULL);
  self->newsroom = g_object_ref (newsroom);
  self->search_thread = portada_article_search_new (newsroom);
  portada_article_model_reload (self);
  return self;
}

static void
replace (char **field, const char *value)
{
  g_free (*field);
  *field = value && *value ? g_strdup (value) : NULL;
}

static void
store_query (PortadaArticleModel *self, const PortadaArticleQuery *query)
{
  PortadaArticleQuery all = PORTADA_ARTICLE_QUERY_INIT;

  if (query == NULL)
    query = &all;
  replace (&self->search, query->search);
  replace (&self->lang, query->lang);
  replace (&self->section, query->section);
  replace (&self->author, query->author);
  self->status = query->status;
}

void
portada_article_model_set_query (PortadaArticleModel *self, const PortadaArticleQuery *query)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_MODEL (self));
  store_query (self, query);
  portada_article_model_reload (self);
}

void
portada_article_model_set_query_async (PortadaArticleModel *self, const PortadaArticleQuery *query)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_MODEL (self));
  store_query (self, query);
  portada_article_model_reload_async (self);
}

/* Rows of @page made of @summaries, reusing the items of @old (id -> item) with
 * their summary refreshed: a row shown keeps its item and changes only when its
 * article did. */
static void
store_page_reusing (PortadaArticleModel *self, guint page, GPtrArray *summaries, GHashTable *old)
{
  GPtrArray *items = g_ptr_array_new_full (summaries->len, g_object_unref);

  for (guint i = 0; i < summaries->len; i++)
    {
      PortadaArticleSummary *summary = g_steal_pointer (&summaries->pdata[i]);
      PortadaArticleItem *item = g_hash_table_lookup (old, &summary->id);

      if (item)
        {
          portada_article_item_set_summary (item, summary);
          g_ptr_array_add (items, g_object_ref (item));
        }
      else
        g_ptr_array_add (items, portada_article_item_new (summary));
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  touch_page (self, page);
}

static guint
common_prefix (GArray *a, GArray *b)
{
  guint n = 0, max = a && b ? MIN (a->len, b->len) : 0;

  while (n < max && g_array_index (a, gint64, n) == g_array_index (b, gint64, n))
    n++;
  return n;
}

static guint
common_suffix (GArray *a, GArray *b, guint prefix)
{
  guint n = 0, max = a && b ? MIN (a->len, b->len) - prefix : 0;

  while (n < max
         && g_array_index (a, gint64, a->len - 1 - n) == g_array_index (b, gint64, b->len - 1 - n))
    n++;
  return n;
}

/* Takes the answer of a query. Only the rows that differ are announced as changed,
 * so a reload after a save or another program's change keeps the list where it
 * is; the pages loaded before are read again by their ids. */
static void
take_result (PortadaArticleModel *self, PortadaArticleSearchResult *result, GError *error)
{
  g_autoptr (GHashTable) old_items
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr (GHashTable) old_pages = g_steal_pointer (&self->pages);
  g_autoptr (GArray) old_ids = g_steal_pointer (&self->ids);
  g_autoptr (GList) old_lru = g_steal_pointer (&self->lru.head);
  GHashTableIter iter;
  gpointer key, value;
  guint prefix, suffix, old_n = old_ids ? old_ids->len : 0;

  g_queue_init (&self->lru);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  set_error (self, error);
  g_hash_table_iter_init (&iter, old_pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint i = 0; i < ((GPtrArray *) value)->len; i++)
      {
        PortadaArticleItem *item = g_ptr_array_index ((GPtrArray *) value, i);
        gint64 id = portada_article_item_get_id (item);
        g_hash_table_insert (old_items, g_memdup2 (&id, sizeof id), g_object_ref (item));
      }
  if (result)
    {
      self->ids = g_steal_pointer (&result->ids);
      store_page_reusing (self, 0, result->page, old_items);
    }
  prefix = common_prefix (old_ids, self->ids);
  suffix = common_suffix (old_ids, self->ids, prefix);
  /* Pages read before, still in place: read again, so their rows show what changed. */
  for (GList *l = old_lru; l && self->ids; l = l->next)
    {
      guint page = GPOINTER_TO_UINT (l->data);
      g_autoptr (GPtrArray) summaries = NULL;

      if (page == 0 || (page + 1) * PAGE_SIZE > prefix)
        continue;
      summaries = portada_articles_list_by_ids (
          self->newsroom, &g_array_index (self->ids, gint64, page * PAGE_SIZE), PAGE_SIZE, NULL);
      if (summaries)
        store_page_reusing (self, page, summaries, old_items);
    }
  if (prefix != old_n || prefix != n_items (self))
    {
      g_signal_emit (self, signals[CHANGING], 0, prefix, old_n - prefix - suffix);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                  n_items (self) - prefix - suffix);
    }
}

void
portada_article_model_reload (PortadaArticleModel *self)
{
  PortadaArticleQuery q;
  g_autoptr (PortadaArticleSearchResult) result = NULL;
  GError *error = NULL;

  g_return_if_fail (PORTADA_IS_ARTICLE_MODEL (self));
  /* What a search in the thread would bring is older than this. */
  portada_article_search_cancel (self->search_thread);
  self->loading = FALSE;
  query_of (self, &q);
  result = portada_article_search_run (self->newsroom, &q, PAGE_SIZE, &error);
  take_result (self, result, error);
}

static void
search_done_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr (PortadaArticleModel) self = data;
  g_autoptr (PortadaArticleSearchResult) result = NULL;
  GError *error = NULL;

  result = portada_article_search_finish (PORTADA_ARTICLE_SEARCH (source), res, &error);
  /* Cancelled: a newer query (or a reload) took its place, and reports itself. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      return;
    }
  self->loading = FALSE;
  take_result (self, result, error);
  g_signal_emit (self, signals[LOADED], 0);
}

void
portada_article_model_reload_async (PortadaArticleModel *self)
{
  PortadaArticleQuery q;

  g_return_if_fail (PORTADA_IS_ARTICLE_MODEL (self));
  query_of (self, &q);
  self->loading = TRUE;
  portada_article_search_start (self->search_thread, &q, PAGE_SIZE, search_done_cb,
                                g_object_ref (self));
}

gboolean
portada_article_model_is_loading (PortadaArticleModel *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_MODEL (self), FALSE);
  return self->loading;
}

guint
portada_article_model_find (PortadaArticleModel *self, gint64 id)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_MODEL (self), G_MAXUINT);
  for (guint i = 0; id && i < n_items (self); i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

guint
portada_article_model_find_loaded (PortadaArticleModel *self, gint64 id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PORTADA_IS_ARTICLE_MODEL (self), G_MAXUINT);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;
      for (guint i = 0; i < items->len; i++)
        if (portada_article_item_get_id (g_ptr_array_index (items, i)) == id)
          return GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
    }
  return G_MAXUINT;
}

void
portada_article_model_update (PortadaArticleModel *self, const PortadaArticle *article)
{
  guint position;
  GPtrArray *items;

  g_return_if_fail (PORTADA_IS_ARTICLE_MODEL (self));
  position = portada_article_model_find_loaded (self, article->id);
  if (position == G_MAXUINT)
    return;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / PAGE_SIZE));
  portada_article_item_update (g_ptr_array_index (items, position % PAGE_SIZE), article);
}

const GError *
portada_article_model_get_error (PortadaArticleModel *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_MODEL (self), NULL);
  return self->error;
}
