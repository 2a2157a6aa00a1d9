/* portada-article-editor-actions.c: formatting, links, images and revisions.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "portada-alt-text-dialog.h"
#include "portada-article-editor-private.h"
#include "portada-articles.h"
#include "portada-image-import.h"
#include "portada-link-dialog.h"
#include "portada-media.h"
#include "portada-revisions-dialog.h"

static void
inline_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);
  PortadaInlineStyle style = g_str_equal (name, "editor.bold")     ? PORTADA_INLINE_BOLD
                             : g_str_equal (name, "editor.italic") ? PORTADA_INLINE_ITALIC
                             : g_str_equal (name, "editor.strikethrough")
                                 ? PORTADA_INLINE_STRIKETHROUGH
                                 : PORTADA_INLINE_CODE;

  portada_markdown_view_toggle_inline (self->body_view, style);
}

static void
heading_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);

  portada_markdown_view_set_heading (self->body_view, CLAMP (g_variant_get_int32 (param), 0, 6));
}

static void
block_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);
  PortadaBlockStyle style = g_str_equal (name, "editor.quote")     ? PORTADA_BLOCK_QUOTE
                            : g_str_equal (name, "editor.bullets") ? PORTADA_BLOCK_BULLETS
                                                                   : PORTADA_BLOCK_NUMBERS;

  portada_markdown_view_toggle_block (self->body_view, style);
}

/* The text view has these keys itself; these work wherever the focus is in the editor. */
static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (widget);
  GtkTextBuffer *buffer = portada_article_editor_get_buffer (self);

  if (g_str_equal (name, "editor.undo") && gtk_text_buffer_get_can_undo (buffer))
    gtk_text_buffer_undo (buffer);
  else if (g_str_equal (name, "editor.redo") && gtk_text_buffer_get_can_redo (buffer))
    gtk_text_buffer_redo (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
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

  /* The text has the focus back when the dialog closes, whatever opened it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  dialog = portada_link_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), selected);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (link_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The image is stored once the user has described it; Cancel stores nothing. */
static void
alt_chosen_cb (PortadaAltTextDialog *dialog, const char *alt, PortadaArticleEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMedia) info = NULL;
  PortadaMediaFile *image = g_object_get_data (G_OBJECT (dialog), "portada-image");
  g_autofree char *url = NULL;
  gint64 id;

  id = portada_media_file_store (self->newsroom, image, &error);
  info = id ? portada_media_load_info (self->newsroom, id, &error) : NULL;
  if (info == NULL)
    {
      portada_article_editor_show_message (self, error->message);
      return;
    }
  /* Media are named by their content, so the link survives export and import. */
  url = g_strdup_printf ("media/%s", info->sha256);
  portada_markdown_view_insert_image (self->body_view, alt, url);
}

static void
image_imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMediaFile) image = portada_image_import_finish (result, &error);
  g_autoptr (GdkTexture) texture = NULL;
  PortadaArticleEditor *self = user_data;
  PortadaAltTextDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (image == NULL)
    {
      portada_article_editor_show_message (self, error->message);
      return;
    }
  /* The checked bytes, shown as the user will see them; none for a format GDK lacks. */
  texture = gdk_texture_new_from_bytes (image->bytes, NULL);
  dialog = portada_alt_text_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        texture ? GDK_PAINTABLE (texture) : NULL);
  g_object_set_data_full (G_OBJECT (dialog), "portada-image", g_steal_pointer (&image),
                          (GDestroyNotify) portada_media_file_free);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (alt_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

/* An image dropped on the text goes where it was dropped, through the same steps as
 * Insert Image (checked, described, stored); a file that is not an image is refused
 * with its name and the reason, the text left as it was. */
static gboolean
image_dropped_cb (GtkDropTarget *target, const GValue *value, double x, double y,
                  PortadaArticleEditor *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->body_view);
  GSList *files;
  GtkTextIter iter;
  int bx, by;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->newsroom == NULL)
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (view), &iter);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  if (files->next)
    portada_article_editor_show_message (self,
                                         _ ("One image at a time: the first one is inserted"));
  portada_article_editor_insert_image_file (self, files->data);
  return TRUE;
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

  gtk_widget_grab_focus (GTK_WIDGET (PORTADA_ARTICLE_EDITOR (widget)->body_view));
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
      = { "editor.bold",     "editor.italic",  "editor.strikethrough", "editor.code",
          "editor.link",     "editor.heading", "editor.quote",         "editor.bullets",
          "editor.numbers",  "editor.image",   "editor.undo",          "editor.redo",
          "editor.revisions" };

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

/* GTK compares a shortcut with the character a key makes: Ctrl+Shift+8 makes "*" on a US
 * keyboard, so the bindings for Ctrl+Shift+8 and Ctrl+Shift+7 (which name the keys for the
 * shortcuts window) never match. These two are matched here by the key pressed, as its
 * unshifted character, whatever the layout makes of it with Shift. */
static gboolean
digit_shortcut_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                   GdkModifierType state, PortadaArticleEditor *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  guint base = 0;

  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK))
          != (GDK_CONTROL_MASK | GDK_SHIFT_MASK)
      || event == NULL
      || !gdk_display_translate_key (gdk_event_get_display (event), keycode, 0,
                                     gdk_key_event_get_layout (event), &base, NULL, NULL, NULL))
    return GDK_EVENT_PROPAGATE;
  if (base == GDK_KEY_8 || base == GDK_KEY_KP_8)
    return gtk_widget_activate_action (GTK_WIDGET (self), "editor.bullets", NULL);
  if (base == GDK_KEY_7 || base == GDK_KEY_KP_7)
    return gtk_widget_activate_action (GTK_WIDGET (self), "editor.numbers", NULL);
  return GDK_EVENT_PROPAGATE;
}

void
portada_article_editor_init_actions (PortadaArticleEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (digit_shortcut_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (image_dropped_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->body_view), GTK_EVENT_CONTROLLER (drop));
  }
}

void
portada_article_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, inline_action);
  gtk_widget_class_install_action (widget_class, "editor.italic", NULL, inline_action);
  gtk_widget_class_install_action (widget_class, "editor.strikethrough", NULL, inline_action);
  gtk_widget_class_install_action (widget_class, "editor.code", NULL, inline_action);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "editor.heading", "i", heading_action);
  gtk_widget_class_install_action (widget_class, "editor.quote", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "editor.bullets", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "editor.numbers", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "editor.image", NULL, image_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.revisions", NULL, revisions_action);
  gtk_widget_class_install_property_action (widget_class, "editor.show-details", "show-details");

  /* Keys as a person presses them: Ctrl+Shift+8, not Ctrl+asterisk. */
  add_shortcut (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "editor.bold", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "editor.italic", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.strikethrough",
                NULL, 0);
  add_shortcut (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.code", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "editor.link", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "editor.heading", "i", 0);
  add_shortcut (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "editor.heading", "i", 1);
  add_shortcut (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "editor.heading", "i", 2);
  add_shortcut (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "editor.heading", "i", 3);
  add_shortcut (widget_class, GDK_KEY_q, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.quote", NULL,
                0);
  add_shortcut (widget_class, GDK_KEY_8, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.bullets", NULL,
                0);
  add_shortcut (widget_class, GDK_KEY_7, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.numbers", NULL,
                0);
  add_shortcut (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.image", NULL,
                0);
  add_shortcut (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL, 0);
  add_shortcut (widget_class, GDK_KEY_F9, 0, "editor.show-details", NULL, 0);
}
