/* portada-article-row.h: how the article list shows one article.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-article-item.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_ARTICLE_ROW (portada_article_row_get_type ())
G_DECLARE_FINAL_TYPE (PortadaArticleRow, portada_article_row, PORTADA, ARTICLE_ROW, GtkWidget)

GtkWidget *portada_article_row_new (void);
void portada_article_row_set_item (PortadaArticleRow *self, PortadaArticleItem *item);

/* "Today", "Yesterday", "12 March", "12 March 2024": what a row says of a date. */
char *portada_format_short_date (gint64 unix_time, gint64 now);

G_END_DECLS
