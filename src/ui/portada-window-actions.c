/* portada-window-actions.c: what the window does, and the one place deciding what is
 * enabled.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-articles.h"
#include "portada-export-dialog.h"
#include "portada-publish-dialog.h"
#include "portada-revisions.h"
#include "portada-settings.h"
#include "portada-images-window.h"
#include "portada-trash-dialog.h"
#include "portada-trash.h"
#include "portada-window-private.h"

/* The article the undo toast brings back from the Trash. */
struct _PortadaDeletedArticle
{
  PortadaNewsroom *newsroom;
  PortadaArticle *article;
};

void
portada_deleted_article_free (DeletedArticle *d)
{
  if (d == NULL)
    return;
  g_clear_object (&d->newsroom);
  g_clear_pointer (&d->article, portada_article_free);
  g_free (d);
}

static char *
default_setting (PortadaNewsroom *newsroom, const char *key)
{
  g_autofree char *value = portada_settings_get (newsroom, key, NULL);

  return value && *value ? g_steal_pointer (&value) : NULL;
}

static gboolean
store_new (PortadaWindow *self, PortadaArticle *article)
{
  g_autoptr (GError) error = NULL;

  if (!portada_articles_save (self->newsroom, article, PORTADA_SAVE_DEFAULT, &error))
    {
      portada_window_toast (self, error->message);
      return FALSE;
    }
  portada_article_list_reload (self->article_list, article->id);
  portada_window_open_article (self, article->id);
  portada_article_list_show_selected (self->article_list, article->id);
  return TRUE;
}

static void
new_article_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  g_autoptr (PortadaArticle) article = portada_article_new ();
  g_autofree char *lang = NULL;
  g_autofree char *comments = NULL;

  if (self->newsroom == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "articles");
  lang = default_setting (self->newsroom, PORTADA_SETTING_DEFAULT_LANGUAGE);
  if (lang)
    {
      g_free (article->lang);
      article->lang = g_steal_pointer (&lang);
    }
  article->author = default_setting (self->newsroom, PORTADA_SETTING_DEFAULT_AUTHOR);
  comments = default_setting (self->newsroom, PORTADA_SETTING_COMMENTS_DEFAULT);
  article->comments_enabled = g_strcmp0 (comments, "false") != 0;
  if (store_new (self, article))
    adw_flap_set_reveal_flap (ADW_FLAP (gtk_widget_get_first_child (GTK_WIDGET (self->editor))),
                              TRUE);
}

static void
duplicate_article_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  const PortadaArticle *current;
  g_autoptr (PortadaArticle) copy = NULL;

  if (!portada_article_editor_save (self->editor, NULL))
    return;
  current = portada_article_editor_get_article (self->editor);
  if (current == NULL)
    return;
  copy = portada_article_copy (current);
  copy->id = 0;
  g_clear_pointer (&copy->uuid, g_free);
  g_clear_pointer (&copy->translation_group, g_free);
  g_clear_pointer (&copy->slug, g_free);
  /* TRANSLATORS: the title of a duplicated article; %s is the original title */
  g_free (copy->title);
  copy->title = g_strdup_printf (_ ("%s (Copy)"), current->title);
  copy->status = PORTADA_STATUS_DRAFT;
  copy->publish_at = 0;
  store_new (self, copy);
}

static void
translate_article_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  const PortadaArticle *current;
  g_autoptr (PortadaArticle) version = NULL;
  g_autoptr (GPtrArray) existing = NULL;

  if (!portada_article_editor_save (self->editor, NULL))
    return;
  current = portada_article_editor_get_article (self->editor);
  if (current == NULL)
    return;
  existing = portada_articles_translations (self->newsroom, current, NULL);
  if (existing && existing->len > 0)
    {
      gint64 id = ((PortadaArticleSummary *) g_ptr_array_index (existing, 0))->id;
      if (portada_window_open_article (self, id))
        portada_article_list_show_selected (self->article_list, id);
      return;
    }
  /* The new version starts as a draft holding the original's text, to translate in place. */
  version = portada_article_copy (current);
  version->id = 0;
  g_clear_pointer (&version->uuid, g_free);
  g_clear_pointer (&version->slug, g_free);
  g_free (version->lang);
  version->lang = g_strdup (g_strcmp0 (current->lang, "es") == 0 ? "en" : "es");
  version->status = PORTADA_STATUS_DRAFT;
  version->publish_at = 0;
  version->featured_media_id = current->featured_media_id;
  if (store_new (self, version))
    portada_window_toast (self, g_strcmp0 (version->lang, "es") == 0
                                    ? _ ("Spanish version created: translate it here")
                                    : _ ("English version created: translate it here"));
}

static void
undo_delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  DeletedArticle *d = self->deleted;

  if (d == NULL || self->newsroom != d->newsroom)
    return;
  self->deleted = NULL;
  if (!portada_trash_restore (d->newsroom, d->article->id, &error))
    {
      portada_window_toast (self, error->message);
      portada_deleted_article_free (d);
      return;
    }
  portada_article_list_reload (self->article_list, d->article->id);
  portada_window_open_article (self, d->article->id);
  portada_article_list_show_selected (self->article_list, d->article->id);
  portada_deleted_article_free (d);
  portada_window_update_actions (self);
}

static void
delete_article_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  const PortadaArticle *current;
  g_autoptr (GError) error = NULL;
  DeletedArticle *d;
  AdwToast *toast;
  g_autofree char *title = NULL;

  portada_article_editor_save (self->editor, NULL);
  current = portada_article_editor_get_article (self->editor);
  if (current == NULL)
    return;
  /* Deleting moves the article to the Trash: the toast's Undo, or the Trash
   * itself, brings it back. */
  if (!portada_trash_move (self->newsroom, current->id, &error))
    {
      portada_window_toast (self, error->message);
      return;
    }
  d = g_new0 (DeletedArticle, 1);
  d->newsroom = g_object_ref (self->newsroom);
  d->article = portada_article_copy (current);
  portada_article_editor_forget (self->editor);
  portada_article_list_reload (self->article_list, 0);
  gtk_stack_set_visible_child_name (self->editor_stack, "empty");
  title = g_strdup_printf (_ ("“%s” moved to the Trash"),
                           *d->article->title ? d->article->title : _ ("Untitled Article"));
  portada_deleted_article_free (self->deleted);
  self->deleted = d;
  portada_window_update_actions (self);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
trash_changed_cb (PortadaTrashDialog *dialog, PortadaWindow *self)
{
  portada_article_list_reload (self->article_list, 0);
}

static void
trash_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  PortadaTrashDialog *dialog;

  if (self->newsroom == NULL)
    return;
  portada_article_editor_save (self->editor, NULL);
  dialog = portada_trash_dialog_new (GTK_WINDOW (self), self->newsroom);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (trash_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An image was replaced or its texts changed: the open article may show it, and its
 * text in the file may name the new image; the editor reads it again (nothing is
 * lost: it was saved before the modal window opened). */
static void
images_changed_cb (PortadaImagesWindow *images, PortadaWindow *self)
{
  const PortadaArticle *current = portada_article_editor_get_article (self->editor);

  if (current && current->id > 0)
    {
      gint64 id = current->id;
      /* Forgotten first: loading would save what the editor holds, the old image. */
      portada_article_editor_forget (self->editor);
      portada_article_editor_load (self->editor, id, NULL);
    }
  portada_article_list_reload (self->article_list, 0);
}

static void
images_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  PortadaImagesWindow *images;

  if (self->newsroom == NULL)
    return;
  portada_article_editor_save (self->editor, NULL);
  images = portada_images_window_new (GTK_WINDOW (self), self->newsroom);
  g_signal_connect_object (images, "changed", G_CALLBACK (images_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (images));
}

static void
open_article_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);

  if (portada_window_open_article (self, id))
    portada_article_list_show_selected (self->article_list, id);
}

static void
newsroom_chosen_cb (GtkNativeDialog *chooser, int response, PortadaWindow *self)
{
  gboolean create
      = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  g_object_unref (chooser);
  if (path == NULL)
    return;
  /* Creating over an existing file would open it instead: the chooser has asked to replace
   * it, and a newsroom is never overwritten, so that gets a clear page. */
  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      portada_window_show_problem (self, _ ("The File Already Exists"),
                                   _ ("Portada never overwrites a file: choose a new name to "
                                      "create a newsroom, or open the existing one."));
      return;
    }
  portada_window_open_newsroom (self, path, create);
}

static void
choose_newsroom (PortadaWindow *self, gboolean create)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (
      create ? _ ("New Newsroom") : _ ("Open Newsroom"), GTK_WINDOW (self),
      create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
      create ? _ ("_Create") : _ ("_Open"), NULL);
  gtk_file_filter_set_name (filter, _ ("Newsrooms"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.portada");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ ("newsroom.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (newsroom_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_newsroom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_newsroom (PORTADA_WINDOW (widget), FALSE);
}

static void
create_newsroom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_newsroom (PORTADA_WINDOW (widget), TRUE);
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);

  /* On the Sponsors page, Ctrl+F searches the sponsors. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sponsors") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->sponsors_view), "sponsors.find", NULL);
      return;
    }
  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  portada_article_list_focus_search (self->article_list);
}

static void
export_finished_cb (PortadaExportDialog *dialog, const char *folder, PortadaWindow *self)
{
  AdwToast *toast = adw_toast_new (_ ("Export finished"));

  adw_toast_set_button_label (toast, _ ("_Open Folder"));
  adw_toast_set_action_name (toast, "win.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (folder));
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  PortadaExportDialog *dialog;

  if (self->newsroom == NULL)
    return;
  /* The export reads the newsroom through a connection of its own: what was typed is
   * stored first so that it is in the export. */
  portada_article_editor_save (self->editor, NULL);
  dialog = portada_export_dialog_new (GTK_WINDOW (self), self->newsroom, self->settings);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (export_finished_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
publish_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);
  PortadaPublishDialog *dialog;

  if (self->newsroom == NULL)
    return;
  /* As for an export: what was typed is stored first, so that it is published. */
  portada_article_editor_save (self->editor, NULL);
  dialog = portada_publish_dialog_new (GTK_WINDOW (self), self->newsroom);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_folder_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GFile) folder = g_file_new_for_path (g_variant_get_string (param, NULL));
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

static void
revisions_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PortadaWindow *self = PORTADA_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.revisions", NULL);
}

void
portada_window_update_actions (PortadaWindow *self)
{
  gboolean open
      = self->newsroom != NULL
        && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "newsroom") == 0;
  gboolean article = open && portada_article_editor_get_article (self->editor) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-article", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.layout", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.images", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-article", article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-article", article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.translate-article", article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revisions", article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", self->deleted != NULL);
}

void
portada_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-article", NULL, new_article_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-article", NULL,
                                   duplicate_article_action);
  gtk_widget_class_install_action (widget_class, "win.delete-article", NULL, delete_article_action);
  gtk_widget_class_install_action (widget_class, "win.translate-article", NULL,
                                   translate_article_action);
  gtk_widget_class_install_action (widget_class, "win.open-article", "x", open_article_action);
  gtk_widget_class_install_action (widget_class, "win.open-newsroom", NULL, open_newsroom_action);
  gtk_widget_class_install_action (widget_class, "win.create-newsroom", NULL,
                                   create_newsroom_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "win.layout", "layout");
  gtk_widget_class_install_action (widget_class, "win.revisions", NULL, revisions_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "win.images", NULL, images_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-article",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-newsroom", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.layout", "s",
                                       "side-by-side");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.layout", "s",
                                       "editor");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.layout", "s",
                                       "preview");
}
