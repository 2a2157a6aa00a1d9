/* portada-article-model.h: the newsroom's articles as a lazily paged GListModel.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-article-item.h"
#include "portada-articles.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_ARTICLE_MODEL (portada_article_model_get_type ())
G_DECLARE_FINAL_TYPE (PortadaArticleModel, portada_article_model, PORTADA, ARTICLE_MODEL, GObject)

PortadaArticleModel *portada_article_model_new (PortadaNewsroom *newsroom);
/* Copies @query and reloads; a NULL query lists every article. */
void portada_article_model_set_query (PortadaArticleModel *self, const PortadaArticleQuery *query);
/* Counts again and forgets the loaded pages. */
void portada_article_model_reload (PortadaArticleModel *self);
/* The same, the query running in a thread: the rows shown stay until the answer
 * comes, then change at once and ::loaded is emitted. A newer query (or a reload)
 * cancels the one running. */
void portada_article_model_set_query_async (PortadaArticleModel *self,
                                            const PortadaArticleQuery *query);
void portada_article_model_reload_async (PortadaArticleModel *self);
gboolean portada_article_model_is_loading (PortadaArticleModel *self);
/* The position of an article among those found, or G_MAXUINT. */
guint portada_article_model_find (PortadaArticleModel *self, gint64 id);
/* The position of the article among the loaded pages, or G_MAXUINT when not loaded. */
guint portada_article_model_find_loaded (PortadaArticleModel *self, gint64 id);
/* Updates the loaded row of @article, if any, in place. */
void portada_article_model_update (PortadaArticleModel *self, const PortadaArticle *article);
/* The last error of loading (a page or the count), or NULL. */
const GError *portada_article_model_get_error (PortadaArticleModel *self);

G_END_DECLS
