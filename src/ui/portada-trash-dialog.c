/* portada-trash-dialog.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-trash-dialog.h"
#include "portada-trash.h"

struct _PortadaTrashDialog
{
  AdwWindow parent_instance;
  GtkButton *empty_button;
  GtkStack *stack;
  GtkListBox *list;
  AdwToastOverlay *toast_overlay;

  PortadaNewsroom *newsroom;
  guint n_items;
};

G_DEFINE_FINAL_TYPE (PortadaTrashDialog, portada_trash_dialog, ADW_TYPE_WINDOW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill (PortadaTrashDialog *self);

static void
toast (PortadaTrashDialog *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
restore_clicked_cb (GtkButton *button, PortadaTrashDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "article-id"));
  g_autoptr (GError) error = NULL;

  if (!portada_trash_restore (self->newsroom, id, &error))
    {
      toast (self, error->message);
      return;
    }
  fill (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
item_row (PortadaTrashDialog *self, const PortadaArticleSummary *s)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Restore"));
  gint64 when = portada_trash_deleted_at (self->newsroom, s->id, NULL);
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_local (MAX (when, 0));
  /* TRANSLATORS: when an article went to the Trash, see strftime */
  g_autofree char *date = g_date_time_format (dt, _ ("%-d %B %Y, %H:%M"));
  /* TRANSLATORS: under an article in the Trash: when it was deleted */
  g_autofree char *subtitle = g_strdup_printf (_ ("Deleted %s"), date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 s->title && *s->title ? s->title : _ ("Untitled Article"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "article-id", GSIZE_TO_POINTER ((gsize) s->id));
  g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill (PortadaTrashDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = portada_trash_list (self->newsroom, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  self->n_items = items ? items->len : 0;
  if (items == NULL)
    toast (self, error->message);
  for (guint i = 0; items && i < items->len; i++)
    gtk_list_box_append (self->list, item_row (self, g_ptr_array_index (items, i)));
  gtk_stack_set_visible_child_name (self->stack, self->n_items ? "list" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_button), self->n_items > 0);
}

static void
empty_response_cb (AdwMessageDialog *dialog, const char *response, PortadaTrashDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "empty") != 0)
    return;
  if (portada_trash_empty (self->newsroom, G_MAXINT64, &error) < 0)
    {
      toast (self, error->message);
      return;
    }
  fill (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
empty_clicked_cb (PortadaTrashDialog *self)
{
  g_autofree char *body = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "The article in the Trash and its earlier versions are deleted for good.",
                   "The %u articles in the Trash and their earlier versions are deleted for good.",
                   self->n_items),
      self->n_items);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _ ("Empty the Trash?"), body));

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "empty", _ ("_Empty Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (empty_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
portada_trash_dialog_dispose (GObject *object)
{
  PortadaTrashDialog *self = PORTADA_TRASH_DIALOG (object);

  g_clear_object (&self->newsroom);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_TRASH_DIALOG);
  G_OBJECT_CLASS (portada_trash_dialog_parent_class)->dispose (object);
}

static void
portada_trash_dialog_class_init (PortadaTrashDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_trash_dialog_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-trash-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaTrashDialog, empty_button);
  gtk_widget_class_bind_template_child (widget_class, PortadaTrashDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PortadaTrashDialog, list);
  gtk_widget_class_bind_template_child (widget_class, PortadaTrashDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, empty_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
portada_trash_dialog_init (PortadaTrashDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PortadaTrashDialog *
portada_trash_dialog_new (GtkWindow *parent, PortadaNewsroom *newsroom)
{
  PortadaTrashDialog *self;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  self = g_object_new (PORTADA_TYPE_TRASH_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->newsroom = g_object_ref (newsroom);
  fill (self);
  return self;
}

guint
portada_trash_dialog_get_n_items (PortadaTrashDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_TRASH_DIALOG (self), 0);
  return self->n_items;
}
