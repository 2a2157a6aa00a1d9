/* portada-article-item.h: one row of the article list, as a GObject.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "portada-article.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_ARTICLE_ITEM (portada_article_item_get_type ())
G_DECLARE_FINAL_TYPE (PortadaArticleItem, portada_article_item, PORTADA, ARTICLE_ITEM, GObject)

/* Takes @summary. */
PortadaArticleItem *portada_article_item_new (PortadaArticleSummary *summary);
gint64 portada_article_item_get_id (PortadaArticleItem *self);
const char *portada_article_item_get_uuid (PortadaArticleItem *self);
const char *portada_article_item_get_title (PortadaArticleItem *self);
const char *portada_article_item_get_lang (PortadaArticleItem *self);
PortadaArticleStatus portada_article_item_get_status (PortadaArticleItem *self);
/* The publish time, or the last change for articles without one. */
gint64 portada_article_item_get_date (PortadaArticleItem *self);
/* Copies what the list shows from a saved article; emits "changed" when anything differs. */
void portada_article_item_update (PortadaArticleItem *self, const PortadaArticle *article);
/* Takes @summary, a fresher one of the same article; emits "changed" when anything differs. */
void portada_article_item_set_summary (PortadaArticleItem *self, PortadaArticleSummary *summary);

/* Translated status name, such as "Draft". */
const char *portada_article_status_label (PortadaArticleStatus status);

G_END_DECLS
