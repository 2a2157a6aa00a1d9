/* portada-article-item.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-article-item.h"

struct _PortadaArticleItem
{
  GObject parent_instance;
  PortadaArticleSummary *summary;
};

G_DEFINE_FINAL_TYPE (PortadaArticleItem, portada_article_item, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
replace_if_different (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
portada_article_item_finalize (GObject *object)
{
  PortadaArticleItem *self = PORTADA_ARTICLE_ITEM (object);

  g_clear_pointer (&self->summary, portada_article_summary_free);
  G_OBJECT_CLASS (portada_article_item_parent_class)->finalize (object);
}

static void
portada_article_item_class_init (PortadaArticleItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = portada_article_item_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
portada_article_item_init (PortadaArticleItem *self)
{
}

PortadaArticleItem *
portada_article_item_new (PortadaArticleSummary *summary)
{
  PortadaArticleItem *self;

  g_return_val_if_fail (summary != NULL, NULL);
  self = g_object_new (PORTADA_TYPE_ARTICLE_ITEM, NULL);
  self->summary = summary;
  return self;
}

gint64
portada_article_item_get_id (PortadaArticleItem *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_ITEM (self), 0);
  return self->summary->id;
}

const char *
portada_article_item_get_uuid (PortadaArticleItem *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_ITEM (self), NULL);
  return self->summary->uuid;
}

const char *
portada_article_item_get_title (PortadaArticleItem *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_ITEM (self), NULL);
  return self->summary->title;
}

const char *
portada_article_item_get_lang (PortadaArticleItem *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_ITEM (self), NULL);
  return self->summary->lang;
}

PortadaArticleStatus
portada_article_item_get_status (PortadaArticleItem *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_ITEM (self), PORTADA_STATUS_DRAFT);
  return self->summary->status;
}

gint64
portada_article_item_get_date (PortadaArticleItem *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_ITEM (self), 0);
  return self->summary->publish_at ? self->summary->publish_at : self->summary->updated_at;
}

void
portada_article_item_update (PortadaArticleItem *self, const PortadaArticle *article)
{
  PortadaArticleSummary *s;
  gboolean changed = FALSE;

  g_return_if_fail (PORTADA_IS_ARTICLE_ITEM (self));
  g_return_if_fail (article != NULL);
  s = self->summary;
  changed |= replace_if_different (&s->title, article->title);
  changed |= replace_if_different (&s->lang, article->lang);
  changed |= replace_if_different (&s->slug, article->slug);
  changed |= replace_if_different (&s->section, article->section);
  changed |= replace_if_different (&s->author, article->author);
  if (s->status != article->status || s->publish_at != article->publish_at)
    changed = TRUE;
  s->status = article->status;
  s->publish_at = article->publish_at;
  /* The date shown for undated drafts is the last change; a minute's precision is enough. */
  if (s->publish_at == 0 && article->updated_at / 60 != s->updated_at / 60)
    changed = TRUE;
  s->updated_at = article->updated_at;
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

void
portada_article_item_set_summary (PortadaArticleItem *self, PortadaArticleSummary *summary)
{
  PortadaArticleSummary *s;
  gboolean changed;

  g_return_if_fail (PORTADA_IS_ARTICLE_ITEM (self));
  g_return_if_fail (summary != NULL && summary->id == self->summary->id);
  s = self->summary;
  changed = g_strcmp0 (s->title, summary->title) || g_strcmp0 (s->lang, summary->lang)
            || g_strcmp0 (s->slug, summary->slug) || g_strcmp0 (s->section, summary->section)
            || g_strcmp0 (s->author, summary->author) || s->status != summary->status
            || s->publish_at != summary->publish_at
            || s->updated_at / 60 != summary->updated_at / 60;
  portada_article_summary_free (self->summary);
  self->summary = summary;
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

const char *
portada_article_status_label (PortadaArticleStatus status)
{
  switch (status)
    {
      case PORTADA_STATUS_DRAFT:
        return _ ("Draft");
      case PORTADA_STATUS_REVIEW:
        return _ ("In Review");
      case PORTADA_STATUS_SCHEDULED:
        return _ ("Scheduled");
      case PORTADA_STATUS_PUBLISHED:
        return _ ("Published");
      case PORTADA_STATUS_ARCHIVED:
        return _ ("Archived");
      default:
        return _ ("Draft");
    }
}
