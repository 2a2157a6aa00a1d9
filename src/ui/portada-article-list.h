/* portada-article-list.h: the sidebar of articles, with search and filters.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-article-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_ARTICLE_LIST (portada_article_list_get_type ())
G_DECLARE_FINAL_TYPE (PortadaArticleList, portada_article_list, PORTADA, ARTICLE_LIST, GtkWidget)

void portada_article_list_set_newsroom (PortadaArticleList *self, PortadaNewsroom *newsroom);
PortadaArticleModel *portada_article_list_get_model (PortadaArticleList *self);
/* Lists again (after a new, duplicated or deleted article), keeping @select_id selected
 * when it is among the first rows. */
void portada_article_list_reload (PortadaArticleList *self, gint64 select_id);
/* Marks the row of @id selected if it is loaded, without emitting "article-selected". */
/* Reads the list again after another program changed the newsroom, in a thread. */
void portada_article_list_refresh (PortadaArticleList *self);
void portada_article_list_show_selected (PortadaArticleList *self, gint64 id);
/* Reads the languages, sections and authors again (the newsroom's settings changed). */
void portada_article_list_refresh_choices (PortadaArticleList *self);
void portada_article_list_focus_search (PortadaArticleList *self);
void portada_article_list_set_search (PortadaArticleList *self, const char *text);
guint portada_article_list_get_n_items (PortadaArticleList *self);

G_END_DECLS
