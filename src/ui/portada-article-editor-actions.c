/* portada-article-editor-actions.c: formatting, links, images and revisions.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "portada-article-editor-private.h"
#include "portada-articles.h"
#include "portada-image-import.h"
#include "portada-link-dialog.h"
#include "portada-media.h"
#include "portada-revisions-dialog.h"

static void
bold_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);

  portada_markdown_view_toggle_inline (self->body_view, "**", "**", _ ("bold text"));
}

static void
italic_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);

  portada_markdown_view_toggle_inline (self->body_view, "_", "_", _ ("italic text"));
}

static void
heading_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);

  portada_markdown_view_set_heading (self->body_view, CLAMP (g_variant_get_int32 (param), 0, 6));
}

static void
quote_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);

  portada_markdown_view_toggle_line_prefix (self->body_view, "> ");
}

static void
bullets_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);

  portada_markdown_view_toggle_line_prefix (self->body_view, "- ");
}

static void
numbers_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);

  portada_markdown_view_toggle_line_prefix (self->body_view, "1. ");
}

static void
link_chosen_cb (PortadaLinkDialog *dialog, const char *text, const char *url,
                PortadaArticleEditor *self)
{
  portada_markdown_view_insert_link (self->body_view, text, url);
}

static void
link_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);
  g_autofree char *selected = portada_markdown_view_get_selected_text (self->body_view);
  PortadaLinkDialog *dialog;

  dialog = portada_link_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), selected);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (link_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
image_imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMediaFile) image = portada_image_import_finish (result, &error);
  g_autoptr (PortadaMedia) info = NULL;
  PortadaArticleEditor *self = user_data;
  g_autofree char *url = NULL;
  g_autofree char *alt = NULL;
  gint64 id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (image == NULL)
    {
      portada_article_editor_show_message (self, error->message);
      return;
    }
  id = portada_media_file_store (self->newsroom, image, &error);
  info = id ? portada_media_load_info (self->newsroom, id, &error) : NULL;
  if (info == NULL)
    {
      portada_article_editor_show_message (self, error->message);
      return;
    }
  /* Media are named by their content, so the link survives export and import. */
  url = g_strdup_printf ("media/%s", info->sha256);
  alt = g_strdup (image->filename);
  if (strrchr (alt, '.'))
    *strrchr (alt, '.') = '\0';
  portada_markdown_view_insert_image (self->body_view, alt, url);
}

void
portada_article_editor_insert_image_file (PortadaArticleEditor *self, GFile *file)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_EDITOR (self));
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  self->image_cancellable = g_cancellable_new ();
  portada_image_import_async (file, self->image_cancellable, image_imported_cb, self);
}

static void
image_chooser_response_cb (GtkNativeDialog *chooser, int response, PortadaArticleEditor *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file)
    portada_article_editor_insert_image_file (self, file);
  g_object_unref (chooser);
}

static void
image_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _ ("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  chooser
      = gtk_file_chooser_native_new (_ ("Insert Image"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Insert"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (image_chooser_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The restored text replaces the buffer's as one step of its undo history, so Undo
 * brings back the text as it was before the restore. */
static void
revision_restored_cb (PortadaRevisionsDialog *dialog, PortadaArticleEditor *self)
{
  g_autoptr (GError) error = NULL;
  PortadaArticle *restored;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->article == NULL)
    return;
  restored = portada_articles_load (self->newsroom, self->article->id, &error);
  if (restored == NULL)
    {
      portada_article_editor_show_message (self, error->message);
      return;
    }
  buffer = portada_article_editor_get_buffer (self);
  self->loading = TRUE;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, restored->body, -1);
  gtk_text_buffer_end_user_action (buffer);
  portada_article_free (self->article);
  self->article = restored;
  portada_article_fields_show_article (self->fields, restored);
  self->loading = FALSE;
  portada_article_editor_update_preview (self, restored->body, TRUE);
}

static void
revisions_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);
  PortadaRevisionsDialog *dialog;

  if (self->article == NULL)
    return;
  /* The dialog compares with the text as it is now, so that is stored first. */
  portada_article_editor_save (self, NULL);
  dialog = portada_revisions_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->newsroom,
                                         self->article);
  g_signal_connect_object (dialog, "restored", G_CALLBACK (revision_restored_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
portada_article_editor_update_actions (PortadaArticleEditor *self)
{
  gboolean has = self->article != NULL;
  const char *const names[]
      = { "editor.bold",    "editor.italic",  "editor.link",  "editor.heading",  "editor.quote",
          "editor.bullets", "editor.numbers", "editor.image", "editor.revisions" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], has);
}

static void
add_shortcut (GtkWidgetClass *widget_class, guint key, GdkModifierType mods, const char *action,
              const char *format, int value)
{
  if (format)
    gtk_widget_class_add_binding_action (widget_class, key, mods, action, format, value);
  else
    gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL);
}

void
portada_article_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "editor.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "editor.heading", "i", heading_action);
  gtk_widget_class_install_action (widget_class, "editor.quote", NULL, quote_action);
  gtk_widget_class_install_action (widget_class, "editor.bullets", NULL, bullets_action);
  gtk_widget_class_install_action (widget_class, "editor.numbers", NULL, numbers_action);
  gtk_widget_class_install_action (widget_class, "editor.image", NULL, image_action);
  gtk_widget_class_install_action (widget_class, "editor.revisions", NULL, revisions_action);
  gtk_widget_class_install_property_action (widget_class, "editor.show-details", "show-details");

  add_shortcut (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "editor.bold", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "editor.italic", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "editor.link", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "editor.heading", "i", 0);
  add_shortcut (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "editor.heading", "i", 1);
  add_shortcut (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "editor.heading", "i", 2);
  add_shortcut (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "editor.heading", "i", 3);
  add_shortcut (widget_class, GDK_KEY_Q, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.quote", NULL,
                0);
  add_shortcut (widget_class, GDK_KEY_asterisk, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.bullets",
                NULL, 0);
  add_shortcut (widget_class, GDK_KEY_ampersand, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "editor.numbers", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_F9, 0, "editor.show-details", NULL, 0);
}
