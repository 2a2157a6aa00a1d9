/* portada-article-model.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-article-model.h"

/* A list view asks for the few dozen rows it shows; they come from the core a
 * page at a time and only the most recently used pages stay in memory, so a
 * newsroom of 100,000 articles costs what one of a few hundred does. */
#define PAGE_SIZE 128
#define MAX_PAGES 24

struct _PortadaArticleModel
{
  GObject parent_instance;
  PortadaNewsroom *newsroom;
  char *search, *lang, *section, *author;
  int status;
  guint n_items;
  GHashTable *pages; /* page number -> GPtrArray of PortadaArticleItem */
  GQueue lru;        /* page numbers, most recent first */
  GError *error;
};

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

static GPtrArray *
load_page (PortadaArticleModel *self, guint page)
{
  PortadaArticleQuery q;
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *items;

  query_of (self, &q);
  summaries = portada_articles_list (self->newsroom, &q, page * PAGE_SIZE, PAGE_SIZE, &error);
  if (summaries == NULL)
    {
      set_error (self, g_steal_pointer (&error));
      return NULL;
    }
  items = g_ptr_array_new_full (summaries->len, g_object_unref);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (items, portada_article_item_new (g_steal_pointer (&summaries->pdata[i])));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  return items;
}

static GType
portada_article_model_get_item_type (GListModel *model)
{
  return PORTADA_TYPE_ARTICLE_ITEM;
}

static guint
portada_article_model_get_n_items (GListModel *model)
{
  return PORTADA_ARTICLE_MODEL (model)->n_items;
}

static gpointer
portada_article_model_get_item (GListModel *model, guint position)
{
  PortadaArticleModel *self = PORTADA_ARTICLE_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items || self->newsroom == NULL)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);
  if (items == NULL)
    return NULL;
  touch_page (self, page);
  /* The page may be shorter when articles went away since the count. */
  if (position % PAGE_SIZE >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
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

  g_clear_object (&self->newsroom);
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
  portada_article_model_reload (self);
  return self;
}

static void
replace (char **field, const char *value)
{
  g_free (*field);
  *field = value && *value ? g_strdup (value) : NULL;
}

void
portada_article_model_set_query (PortadaArticleModel *self, const PortadaArticleQuery *query)
{
  PortadaArticleQuery all = PORTADA_ARTICLE_QUERY_INIT;

  g_return_if_fail (PORTADA_IS_ARTICLE_MODEL (self));
  if (query == NULL)
    query = &all;
  replace (&self->search, query->search);
  replace (&self->lang, query->lang);
  replace (&self->section, query->section);
  replace (&self->author, query->author);
  self->status = query->status;
  portada_article_model_reload (self);
}

void
portada_article_model_reload (PortadaArticleModel *self)
{
  PortadaArticleQuery q;
  g_autoptr (GError) error = NULL;
  guint old = self->n_items;
  gint64 n;

  g_return_if_fail (PORTADA_IS_ARTICLE_MODEL (self));
  query_of (self, &q);
  n = portada_articles_count (self->newsroom, &q, &error);
  set_error (self, g_steal_pointer (&error));
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  self->n_items = n < 0 ? 0 : (guint) MIN (n, G_MAXUINT - 1);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
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
