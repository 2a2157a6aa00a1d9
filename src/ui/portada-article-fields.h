/* portada-article-fields.h: every field of an article but its body, in a side pane.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-article.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_ARTICLE_FIELDS (portada_article_fields_get_type ())
G_DECLARE_FINAL_TYPE (PortadaArticleFields, portada_article_fields, PORTADA, ARTICLE_FIELDS,
                      GtkWidget)

/* Fills the choices (sections, languages, authors, tags) from @newsroom. */
void portada_article_fields_set_newsroom (PortadaArticleFields *self, PortadaNewsroom *newsroom);
/* Shows @article; emits nothing. */
void portada_article_fields_show_article (PortadaArticleFields *self,
                                          const PortadaArticle *article);
/* Writes the fields into @article. A field whose text is not valid (a source URL that is
 * no web address, a slug with spaces) keeps the article's value and shows why inline.
 * Returns FALSE when some field was kept that way. */
gboolean portada_article_fields_apply (PortadaArticleFields *self, PortadaArticle *article);
/* Chooses the featured image from a file, as a drop or the file chooser would. */
/* Shows @status without emitting "changed" (a publication the user went back on). */
void portada_article_fields_set_status (PortadaArticleFields *self, PortadaArticleStatus status);
void portada_article_fields_set_image_file (PortadaArticleFields *self, GFile *file);

G_END_DECLS
