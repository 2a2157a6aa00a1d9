/* portada-article-editor-preview.c: the editor's live preview.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-article-editor-private.h"

void
portada_article_editor_init_preview (PortadaArticleEditor *self)
{
  self->preview = portada_preview_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_box_append (GTK_BOX (self->preview_box), GTK_WIDGET (self->preview));
}

void
portada_article_editor_set_preview_newsroom (PortadaArticleEditor *self)
{
  portada_preview_set_newsroom (self->preview, self->newsroom);
}

/* Where the cursor is, as a fraction of the body, so the preview can follow it. */
static double
cursor_fraction (PortadaArticleEditor *self)
{
  GtkTextBuffer *buffer = portada_article_editor_get_buffer (self);
  GtkTextIter iter;
  int lines = gtk_text_buffer_get_line_count (buffer);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return lines > 1 ? (double) gtk_text_iter_get_line (&iter) / (lines - 1) : 0.0;
}

void
portada_article_editor_update_preview (PortadaArticleEditor *self, const char *body,
                                       gboolean fields_changed)
{
  g_autoptr (PortadaArticle) shown = NULL;

  if (self->article == NULL || self->layout == PORTADA_LAYOUT_EDITOR)
    return;
  shown = portada_article_copy (self->article);
  portada_article_fields_apply (self->fields, shown);
  g_free (shown->body);
  shown->body = g_strdup (body);
  portada_preview_show_article (self->preview, shown, fields_changed, cursor_fraction (self));
}

void
portada_article_editor_dispose_preview (PortadaArticleEditor *self)
{
  self->preview = NULL;
}
