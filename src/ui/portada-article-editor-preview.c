/* portada-article-editor-preview.c: the editor's live preview.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-article-editor-private.h"

/* The line at the top of the editor's view, and how far into it the view begins. */
static double
top_line (PortadaArticleEditor *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->body_view);
  GdkRectangle visible;
  GtkTextIter iter;
  int y, height;

  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->body_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  /* At the top (or before the view has laid its lines out, when every line is still 0
   * pixels high and the one at y = 0 would be the last): the first line. */
  if (value <= 0)
    return 0.0;
  gtk_text_view_get_visible_rect (view, &visible);
  visible.y = MAX (visible.y, 0);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, &y);
  gtk_text_view_get_line_yrange (view, &iter, &y, &height);
  if (height <= 0 && upper > 0)
    return value / upper * gtk_text_buffer_get_line_count (gtk_text_view_get_buffer (view));
  return gtk_text_iter_get_line (&iter)
         + (height > 0 ? CLAMP ((double) (visible.y - y) / height, 0.0, 0.999) : 0.0);
}

/* The preview shows the part of the page at the top of the editor: when the editor
 * scrolls (the wheel, the scroll bar, Ctrl+Home, the cursor leaving the view). */
static void
body_scrolled_cb (PortadaArticleEditor *self)
{
  if (self->article == NULL || self->layout == PORTADA_LAYOUT_EDITOR)
    return;
  portada_preview_follow_line (self->preview, top_line (self));
}

void
portada_article_editor_init_preview (PortadaArticleEditor *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->body_scroller);

  self->preview = portada_preview_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_box_append (GTK_BOX (self->preview_box), GTK_WIDGET (self->preview));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (body_scrolled_cb), self,
                           G_CONNECT_SWAPPED);
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
  portada_preview_follow_line (self->preview, top_line (self));
  portada_preview_show_article (self->preview, shown, fields_changed, cursor_fraction (self));
}

void
portada_article_editor_dispose_preview (PortadaArticleEditor *self)
{
  self->preview = NULL;
}
