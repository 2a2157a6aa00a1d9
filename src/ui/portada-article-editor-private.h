/* portada-article-editor-private.h: what the editor's files share.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-article-editor.h"
#include "portada-article-fields.h"
#include "portada-markdown-view.h"
#include "portada-preview.h"

G_BEGIN_DECLS

struct _PortadaArticleEditor
{
  GtkWidget parent_instance;

  AdwFlap *details_flap;
  GtkPaned *paned;
  GtkWidget *editor_box;
  GtkWidget *preview_box;
  GtkRevealer *message_revealer;
  GtkLabel *message_label;
  GtkButton *message_close_button;
  GtkScrolledWindow *body_scroller;
  PortadaMarkdownView *body_view;
  PortadaArticleFields *fields;
  GtkLabel *words_label;
  GtkLabel *chars_label;
  GtkLabel *reading_label;
  GtkLabel *saved_label;
  PortadaPreview *preview;

  PortadaNewsroom *newsroom;
  PortadaArticle *article; /* as last saved */
  GHashTable *buffers;     /* article id -> GtkSourceBuffer */
  GQueue buffer_order;     /* article ids, most recent first */
  PortadaLayout layout;
  guint autosave_id;
  guint idle_update_id;
  gboolean dirty;
  gboolean asking_publish; /* the checks before publishing are on screen */
  gboolean fields_dirty;
  gboolean loading;
  GCancellable *image_cancellable;
};

/* portada-article-editor-actions.c */
void portada_article_editor_class_init_actions (GtkWidgetClass *widget_class);
void portada_article_editor_init_actions (PortadaArticleEditor *self);
void portada_article_editor_update_actions (PortadaArticleEditor *self);
void portada_article_editor_insert_image_file (PortadaArticleEditor *self, GFile *file);

/* portada-article-editor-preview.c */
void portada_article_editor_init_preview (PortadaArticleEditor *self);
void portada_article_editor_set_preview_newsroom (PortadaArticleEditor *self);
/* @body is the text being edited; @fields_changed asks for the whole page again. */
void portada_article_editor_update_preview (PortadaArticleEditor *self, const char *body,
                                            gboolean fields_changed);
void portada_article_editor_dispose_preview (PortadaArticleEditor *self);

G_END_DECLS
