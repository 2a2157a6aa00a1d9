/* portada-sponsors-import-dialog.c
 *
 * The logos are already stored (deduplicated) when the dialog opens; what it
 * confirms is the sponsors made from them: a name per file, taken from the file
 * name, to be corrected before "Add Sponsors".
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "portada-logo-list.h"
#include "portada-logos.h"
#include "portada-sponsors-import-dialog.h"

struct _PortadaSponsorsImportDialog
{
  AdwMessageDialog parent_instance;
  AdwPreferencesGroup *accepted_group;
  AdwPreferencesGroup *list_group;
  AdwComboRow *list_row;
  GtkStringList *list_names;
  AdwPreferencesGroup *refused_group;

  PortadaSponsorsModel *model;
  GPtrArray *name_rows; /* AdwEntryRow, one per accepted file */
  GPtrArray *checks;    /* GtkCheckButton, alongside */
  GArray *media_ids;    /* gint64, alongside */
  GPtrArray *refusals;  /* char *, one per refused file */
  GArray *list_ids;     /* gint64: the combo's positions, 0 (none) first */
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsImportDialog, portada_sponsors_import_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

static void
update_response (PortadaSponsorsImportDialog *self)
{
  guint included = 0;
  gboolean named = TRUE;

  for (guint i = 0; i < self->name_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->name_rows, i);
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      gboolean on = gtk_check_button_get_active (g_ptr_array_index (self->checks, i));

      if (on && *name == '\0')
        {
          named = FALSE;
          gtk_widget_add_css_class (row, "error");
        }
      else
        gtk_widget_remove_css_class (row, "error");
      included += on;
    }
  if (self->name_rows->len == 0)
    return;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", included > 0 && named);
}

/* The sponsor already showing this logo, if any. */
static const char *
owner_of_logo (PortadaSponsorsImportDialog *self, gint64 media_id)
{
  GListModel *sponsors = portada_sponsors_model_get_sponsors (self->model);

  for (guint i = 0; i < g_list_model_get_n_items (sponsors); i++)
    {
      g_autoptr (PortadaSponsorsItem) item = g_list_model_get_item (sponsors, i);
      if (portada_sponsors_item_get_sponsor (item)->logo_media_id == media_id)
        return portada_sponsors_item_get_name (item);
    }
  return NULL;
}

static void
add_accepted (PortadaSponsorsImportDialog *self, const PortadaLogoImport *import)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *owner = owner_of_logo (self, import->media_id);
  g_autoptr (GString) title = g_string_new (import->filename);

  /* A logo some sponsor already has is most likely that sponsor again. */
  if (owner)
    /* Translators: after a file name: "nestle.png, already the logo of Nestle". */
    g_string_append_printf (title, _ (", already the logo of %s"), owner);
  if (import->removed && import->removed[0])
    {
      g_autofree char *removed = g_strjoinv ("; ", import->removed);
      /* Translators: what the SVG cleaner took out of a logo file. */
      g_string_append_printf (title, _ (" (cleaned: %s)"), removed);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  gtk_editable_set_text (GTK_EDITABLE (row), import->suggested_name ? import->suggested_name : "");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), owner == NULL);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _ ("Add a sponsor for this logo"));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);
  g_signal_connect_object (row, "changed", G_CALLBACK (update_response), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_response), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->accepted_group, row);
  g_ptr_array_add (self->name_rows, row);
  g_ptr_array_add (self->checks, check);
  g_array_append_val (self->media_ids, import->media_id);
}

static void
add_refused (PortadaSponsorsImportDialog *self, const PortadaLogoImport *import)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  const char *reason = import->error->message;

  /* The core's message starts with the file name, already the row's title. */
  if (g_str_has_prefix (reason, import->filename)
      && g_str_has_prefix (reason + strlen (import->filename), ": "))
    reason += strlen (import->filename) + 2;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), import->filename);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->refused_group, row);
  g_ptr_array_add (self->refusals, g_strdup (import->error->message));
}

static void
fill_lists (PortadaSponsorsImportDialog *self)
{
  g_autoptr (GPtrArray) lists
      = portada_logo_lists_list (portada_sponsors_model_get_newsroom (self->model), NULL);
  gint64 none = 0;

  g_array_append_val (self->list_ids, none);
  gtk_string_list_append (self->list_names, _ ("No List"));
  for (guint i = 0; lists && i < lists->len; i++)
    {
      const PortadaLogoList *list = g_ptr_array_index (lists, i);
      g_array_append_val (self->list_ids, list->id);
      gtk_string_list_append (self->list_names, list->name);
    }
}

static void
say_what (PortadaSponsorsImportDialog *self)
{
  guint accepted = self->name_rows->len;
  guint refused = self->refusals->len;
  g_autofree char *heading = NULL;

  if (accepted == 0)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _ ("No Logos Imported"));
      adw_message_dialog_set_body (
          ADW_MESSAGE_DIALOG (self),
          ngettext ("The file is not a logo Portada can use:",
                    "None of the files is a logo Portada can use:", refused));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "cancel", _ ("_Close"));
      gtk_widget_set_visible (GTK_WIDGET (self->accepted_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);
      return;
    }
  heading = g_strdup_printf (ngettext ("Add %u Sponsor?", "Add %u Sponsors?", accepted), accepted);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (
      ADW_MESSAGE_DIALOG (self),
      _ ("The names are taken from the file names: check them before adding the sponsors."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "cancel", _ ("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "add", _ ("_Add Sponsors"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "add");
  gtk_widget_set_visible (GTK_WIDGET (self->refused_group), refused > 0);
  update_response (self);
}

static void
portada_sponsors_import_dialog_dispose (GObject *object)
{
  PortadaSponsorsImportDialog *self = PORTADA_SPONSORS_IMPORT_DIALOG (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->name_rows, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->media_ids, g_array_unref);
  g_clear_pointer (&self->refusals, g_ptr_array_unref);
  g_clear_pointer (&self->list_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_IMPORT_DIALOG);
  G_OBJECT_CLASS (portada_sponsors_import_dialog_parent_class)->dispose (object);
}

static void
portada_sponsors_import_dialog_class_init (PortadaSponsorsImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsImportDialog, accepted_group);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsImportDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsImportDialog, list_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsImportDialog, list_names);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsImportDialog, refused_group);
}

static void
portada_sponsors_import_dialog_init (PortadaSponsorsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->name_rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  self->media_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->refusals = g_ptr_array_new_with_free_func (g_free);
  self->list_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

PortadaSponsorsImportDialog *
portada_sponsors_import_dialog_new (GtkWindow *parent, PortadaSponsorsModel *model,
                                    GPtrArray *imports)
{
  PortadaSponsorsImportDialog *self;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_MODEL (model), NULL);
  g_return_val_if_fail (imports != NULL, NULL);
  self = g_object_new (PORTADA_TYPE_SPONSORS_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE,
                       NULL);
  self->model = g_object_ref (model);
  fill_lists (self);
  for (guint i = 0; i < imports->len; i++)
    {
      const PortadaLogoImport *import = g_ptr_array_index (imports, i);
      if (import->media_id != 0)
        add_accepted (self, import);
      else
        add_refused (self, import);
    }
  say_what (self);
  return self;
}

guint
portada_sponsors_import_dialog_get_n_accepted (PortadaSponsorsImportDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_IMPORT_DIALOG (self), 0);
  return self->name_rows->len;
}

guint
portada_sponsors_import_dialog_get_n_refused (PortadaSponsorsImportDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_IMPORT_DIALOG (self), 0);
  return self->refusals->len;
}

GtkWidget *
portada_sponsors_import_dialog_get_name_row (PortadaSponsorsImportDialog *self, guint index)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_IMPORT_DIALOG (self), NULL);
  return index < self->name_rows->len ? g_ptr_array_index (self->name_rows, index) : NULL;
}

const char *
portada_sponsors_import_dialog_get_refusal (PortadaSponsorsImportDialog *self, guint index)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_IMPORT_DIALOG (self), NULL);
  return index < self->refusals->len ? g_ptr_array_index (self->refusals, index) : NULL;
}

void
portada_sponsors_import_dialog_set_list (PortadaSponsorsImportDialog *self, gint64 list_id)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_IMPORT_DIALOG (self));
  for (guint i = 0; i < self->list_ids->len; i++)
    if (g_array_index (self->list_ids, gint64, i) == list_id)
      adw_combo_row_set_selected (self->list_row, i);
}

static gboolean
add_one (PortadaSponsorsImportDialog *self, guint i, gint64 list_id, GArray *ids, GError **error)
{
  PortadaNewsroom *newsroom = portada_sponsors_model_get_newsroom (self->model);
  g_autofree char *name = g_strstrip (
      g_strdup (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->name_rows, i)))));
  g_autoptr (PortadaSponsor) sponsor = portada_sponsor_new (name);

  sponsor->logo_media_id = g_array_index (self->media_ids, gint64, i);
  if (!portada_sponsors_save (newsroom, sponsor, error))
    return FALSE;
  g_array_append_val (ids, sponsor->id);
  return list_id == 0 || portada_logo_lists_add_member (newsroom, list_id, sponsor->id, 1.0, error);
}

GArray *
portada_sponsors_import_dialog_add (PortadaSponsorsImportDialog *self, GError **error)
{
  PortadaNewsroom *newsroom;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint selected;
  gint64 list_id = 0;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_IMPORT_DIALOG (self), NULL);
  newsroom = portada_sponsors_model_get_newsroom (self->model);
  selected = adw_combo_row_get_selected (self->list_row);
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->list_ids->len)
    list_id = g_array_index (self->list_ids, gint64, selected);
  if (!portada_newsroom_begin (newsroom, error))
    return NULL;
  for (guint i = 0; i < self->name_rows->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i))
        && !add_one (self, i, list_id, ids, error))
      {
        portada_newsroom_rollback (newsroom);
        return NULL;
      }
  if (!portada_newsroom_commit (newsroom, error))
    {
      portada_newsroom_rollback (newsroom);
      return NULL;
    }
  portada_sponsors_model_changed (
      self->model, PORTADA_SPONSORS_CHANGED_SPONSORS | PORTADA_SPONSORS_CHANGED_LISTS, 0);
  return g_steal_pointer (&ids);
}
