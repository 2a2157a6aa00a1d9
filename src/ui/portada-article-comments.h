/* portada-article-comments.h: the readers' comments of the article being edited,
 * for moderation: approve, hold back, delete with undo.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_ARTICLE_COMMENTS (portada_article_comments_get_type ())
G_DECLARE_FINAL_TYPE (PortadaArticleComments, portada_article_comments, PORTADA, ARTICLE_COMMENTS,
                      AdwBin)

GtkWidget *portada_article_comments_new (void);
void portada_article_comments_set_newsroom (PortadaArticleComments *self,
                                            PortadaNewsroom *newsroom);
/* Shows the comments of the article @id (0: an article not saved yet: none). */
void portada_article_comments_show_article (PortadaArticleComments *self, gint64 id);

G_END_DECLS
