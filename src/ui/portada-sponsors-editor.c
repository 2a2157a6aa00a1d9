/* portada-sponsors-editor.c
 *
 * Every change is checked at once and saved a moment after the last one, as the
 * article editor does. A field with bad input shows its error under the group
 * and is left out of the save: what is stored keeps its last good value.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "portada-logos.h"
#include "portada-sponsors-appearances.h"
#include "portada-sponsors-contract.h"
#include "portada-sponsors-date-row.h"
#include "portada-sponsors-editor.h"
#include "portada-sponsors-logo.h"

struct _PortadaSponsorsEditor
{
  GtkWidget parent_instance;
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *state_label;
  PortadaSponsorsLogo *logo;
  AdwEntryRow *name_row;
  AdwEntryRow *website_row;
  AdwEntryRow *alt_row;
  GtkLabel *name_error;
  GtkLabel *website_error;
  GtkLabel *alt_error;
  GtkSwitch *active_switch;
  PortadaSponsorsDateRow *start_row;
  PortadaSponsorsDateRow *end_row;
  GtkLabel *contract_error;
  GtkTextView *notes_view;
  GtkLabel *save_error;
  PortadaSponsorsAppearances *appearances;
  GtkButton *delete_button;

  PortadaSponsorsModel *model;
  gint64 sponsor_id;
  guint save_source;
  gboolean loading;
  char *shown_name; /* the name as last shown or typed, to tell an alt text that follows it */
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsEditor, portada_sponsors_editor, GTK_TYPE_WIDGET)

static void
show_error (GtkWidget *row, GtkLabel *label, const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (row == NULL)
    return;
  if (message)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message ? message : "", -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
check_name (PortadaSponsorsEditor *self)
{
  g_autofree char *name = row_text (self->name_row);

  return *name ? NULL : _ ("A sponsor needs a name");
}

static const char *
check_website (PortadaSponsorsEditor *self)
{
  g_autofree char *url = row_text (self->website_row);
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  if (*url == '\0')
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return _ ("The website must be a web address starting with http:// or https://, such as "
              "https://www.example.com");
  return NULL;
}

static const char *
check_alt_text (PortadaSponsorsEditor *self)
{
  g_autofree char *alt = row_text (self->alt_row);

  return *alt ? NULL
              : _ ("The logo needs a description for readers who cannot see it, such as the "
                   "sponsor’s name");
}

static const char *
check_contract (PortadaSponsorsEditor *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!portada_sponsors_date_row_is_valid (self->start_row)
      || !portada_sponsors_date_row_is_valid (self->end_row))
    return _ ("Contract dates must be dates such as 2026-12-31, or empty for no limit");
  start = portada_sponsors_date_row_get_date (self->start_row);
  end = portada_sponsors_date_row_get_date (self->end_row);
  if (start && end && strcmp (start, end) > 0)
    return _ ("The contract cannot end before it starts");
  return NULL;
}

/* Shows every field's error; returns which fields may be saved. */
typedef struct
{
  gboolean name, website, alt_text, contract;
} Valid;

static Valid
check_fields (PortadaSponsorsEditor *self)
{
  const char *name = check_name (self);
  const char *website = check_website (self);
  const char *alt = check_alt_text (self);
  const char *contract = check_contract (self);

  show_error (GTK_WIDGET (self->name_row), self->name_error, name);
  show_error (GTK_WIDGET (self->website_row), self->website_error, website);
  show_error (GTK_WIDGET (self->alt_row), self->alt_error, alt);
  show_error (NULL, self->contract_error, contract);
  if (contract)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->end_row), "error");
    }
  return (Valid){ name == NULL, website == NULL, alt == NULL, contract == NULL };
}

static char *
notes_text (PortadaSponsorsEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
empty_to_null (char *text)
{
  if (text && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The stored sponsor with the valid fields of the page applied. */
static void
apply_fields (PortadaSponsorsEditor *self, PortadaSponsor *sponsor, Valid valid)
{
  if (valid.name)
    {
      g_free (sponsor->name);
      sponsor->name = row_text (self->name_row);
    }
  if (valid.website)
    {
      g_free (sponsor->website);
      sponsor->website = empty_to_null (row_text (self->website_row));
    }
  if (valid.alt_text)
    {
      g_free (sponsor->alt_text);
      sponsor->alt_text = row_text (self->alt_row);
    }
  if (valid.contract)
    {
      g_free (sponsor->contract_start);
      g_free (sponsor->contract_end);
      sponsor->contract_start = portada_sponsors_date_row_get_date (self->start_row);
      sponsor->contract_end = portada_sponsors_date_row_get_date (self->end_row);
    }
  sponsor->active = gtk_switch_get_active (self->active_switch);
  g_free (sponsor->notes);
  sponsor->notes = empty_to_null (notes_text (self));
}

static gboolean
same_sponsor (const PortadaSponsor *a, const PortadaSponsor *b)
{
  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->website, b->website) == 0
         && g_strcmp0 (a->alt_text, b->alt_text) == 0
         && g_strcmp0 (a->contract_start, b->contract_start) == 0
         && g_strcmp0 (a->contract_end, b->contract_end) == 0 && a->active == b->active
         && g_strcmp0 (a->notes, b->notes) == 0 && a->logo_media_id == b->logo_media_id;
}

static void
show_state (PortadaSponsorsEditor *self, const PortadaSponsor *sponsor)
{
  const char *today = portada_sponsors_model_get_today (self->model);
  g_autofree char *state = portada_contract_describe (sponsor, today);
  const char *classes[] = { "success", "warning", "error", "dim-label" };

  gtk_label_set_label (self->state_label, state);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), classes[i]);
  gtk_widget_add_css_class (
      GTK_WIDGET (self->state_label),
      portada_contract_css_class (portada_sponsor_contract_state (sponsor, today, NULL)));
}

static gboolean
save_now (PortadaSponsorsEditor *self)
{
  PortadaNewsroom *newsroom = portada_sponsors_model_get_newsroom (self->model);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSponsor) stored = NULL;
  g_autoptr (PortadaSponsor) edited = NULL;
  Valid valid = check_fields (self);

  g_clear_handle_id (&self->save_source, g_source_remove);
  stored = portada_sponsors_load (newsroom, self->sponsor_id, &error);
  if (stored == NULL)
    {
      show_error (NULL, self->save_error, error->message);
      return FALSE;
    }
  edited = portada_sponsor_copy (stored);
  apply_fields (self, edited, valid);
  if (same_sponsor (stored, edited))
    return TRUE;
  if (!portada_sponsors_save (newsroom, edited, &error))
    {
      /* The core refused what the page let through: say so, keep the stored sponsor. */
      show_error (NULL, self->save_error, error->message);
      return FALSE;
    }
  show_error (NULL, self->save_error, NULL);
  show_state (self, edited);
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_SPONSORS, self->sponsor_id);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PortadaSponsorsEditor *self = user_data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

/* The alt text follows the name (a new sponsor starts with both "New Sponsor") until the
 * user writes an alt text of their own: while it equals the name as it was, it changes
 * with the name. */
static void
follow_name (PortadaSponsorsEditor *self)
{
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *alt = row_text (self->alt_row);

  /* An empty name (also the moment between the old and the new text of a replaced
   * name) is no name to follow. */
  if (*name == '\0' || g_strcmp0 (name, self->shown_name) == 0)
    return;
  if (self->shown_name && g_strcmp0 (alt, self->shown_name) == 0)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->alt_row), name);
      self->loading = FALSE;
    }
  g_free (self->shown_name);
  self->shown_name = g_steal_pointer (&name);
}

static void
field_changed_cb (PortadaSponsorsEditor *self)
{
  if (self->loading || self->sponsor_id == 0)
    return;
  follow_name (self);
  check_fields (self);
  gtk_label_set_label (self->title_label, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (PORTADA_SPONSORS_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
}

static gboolean
replace_cb (PortadaSponsorsEditor *self, GFile *file)
{
  return portada_sponsors_editor_replace_logo (self, file);
}

static void
show_sponsor (PortadaSponsorsEditor *self, const PortadaSponsor *sponsor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  self->loading = TRUE;
  gtk_label_set_label (self->title_label, sponsor->name);
  show_state (self, sponsor);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), sponsor->name ? sponsor->name : "");
  g_free (self->shown_name);
  self->shown_name = g_strstrip (g_strdup (sponsor->name ? sponsor->name : ""));
  gtk_editable_set_text (GTK_EDITABLE (self->website_row),
                         sponsor->website ? sponsor->website : "");
  gtk_editable_set_text (GTK_EDITABLE (self->alt_row), sponsor->alt_text ? sponsor->alt_text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row),
                         sponsor->contract_start ? sponsor->contract_start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row),
                         sponsor->contract_end ? sponsor->contract_end : "");
  gtk_switch_set_active (self->active_switch, sponsor->active);
  gtk_text_buffer_set_text (buffer, sponsor->notes ? sponsor->notes : "", -1);
  portada_sponsors_logo_set_media (self->logo, sponsor->logo_media_id);
  portada_sponsors_logo_set_error (self->logo, NULL);
  portada_sponsors_appearances_set_sponsor (self->appearances, sponsor->id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", sponsor->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "sponsors.delete-sponsor");
  show_error (NULL, self->save_error, NULL);
  check_fields (self);
  self->loading = FALSE;
}

static void
model_changed_cb (PortadaSponsorsEditor *self, guint what, gint64 sponsor_id)
{
  PortadaSponsorsItem *item;

  if (self->sponsor_id == 0 || !(what & PORTADA_SPONSORS_CHANGED_SPONSORS))
    return;
  if (sponsor_id != 0 && sponsor_id != self->sponsor_id)
    return;
  /* Deleted elsewhere (or undone): nothing left to edit. */
  item = portada_sponsors_model_find (self->model, self->sponsor_id, NULL);
  if (item == NULL)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      self->sponsor_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_state (self, portada_sponsors_item_get_sponsor (item));
}

static void
portada_sponsors_editor_dispose (GObject *object)
{
  PortadaSponsorsEditor *self = PORTADA_SPONSORS_EDITOR (object);

  if (self->save_source)
    save_now (self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->shown_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_EDITOR);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_sponsors_editor_parent_class)->dispose (object);
}

static void
portada_sponsors_editor_class_init (PortadaSponsorsEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_editor_dispose;

  g_type_ensure (PORTADA_TYPE_SPONSORS_LOGO);
  g_type_ensure (PORTADA_TYPE_SPONSORS_DATE_ROW);
  g_type_ensure (PORTADA_TYPE_SPONSORS_APPEARANCES);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, logo);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, alt_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, website_error);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, alt_error);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, active_switch);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, contract_error);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, save_error);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, appearances);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
portada_sponsors_editor_init (PortadaSponsorsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
}

GtkWidget *
portada_sponsors_editor_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_EDITOR, NULL);
}

void
portada_sponsors_editor_set_model (PortadaSponsorsEditor *self, PortadaSponsorsModel *model)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_EDITOR (self));
  if (self->model)
    {
      portada_sponsors_editor_load (self, 0);
      g_signal_handlers_disconnect_by_data (self->model, self);
      g_clear_object (&self->model);
    }
  self->model = g_object_ref (model);
  portada_sponsors_logo_set_model (self->logo, model);
  portada_sponsors_appearances_set_model (self->appearances, model);
  g_signal_connect_object (model, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
portada_sponsors_editor_load (PortadaSponsorsEditor *self, gint64 id)
{
  PortadaSponsorsItem *item;

  g_return_if_fail (PORTADA_IS_SPONSORS_EDITOR (self));
  g_return_if_fail (self->model != NULL);
  if (id == self->sponsor_id)
    return;
  portada_sponsors_editor_flush (self);
  item = id ? portada_sponsors_model_find (self->model, id, NULL) : NULL;
  self->sponsor_id = item ? id : 0;
  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_sponsor (self, portada_sponsors_item_get_sponsor (item));
  gtk_stack_set_visible_child_name (self->stack, "sponsor");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

gint64
portada_sponsors_editor_get_sponsor_id (PortadaSponsorsEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_EDITOR (self), 0);
  return self->sponsor_id;
}

void
portada_sponsors_editor_flush (PortadaSponsorsEditor *self)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_EDITOR (self));
  if (self->save_source)
    save_now (self);
}

GtkWidget *
portada_sponsors_editor_get_field (PortadaSponsorsEditor *self, const char *field)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_EDITOR (self), NULL);
  if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_NAME) == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_WEBSITE) == 0)
    return GTK_WIDGET (self->website_row);
  if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_ALT_TEXT) == 0)
    return GTK_WIDGET (self->alt_row);
  if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_LOGO) == 0)
    return GTK_WIDGET (self->logo);
  if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_CONTRACT) == 0)
    return GTK_WIDGET (self->end_row);
  if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_NOTES) == 0)
    return GTK_WIDGET (self->notes_view);
  if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_LISTS) == 0)
    return GTK_WIDGET (self->appearances);
  return NULL;
}

const char *
portada_sponsors_editor_get_error (PortadaSponsorsEditor *self, const char *field)
{
  GtkLabel *label = NULL;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_EDITOR (self), NULL);
  if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_NAME) == 0)
    label = self->name_error;
  else if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_WEBSITE) == 0)
    label = self->website_error;
  else if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_ALT_TEXT) == 0)
    label = self->alt_error;
  else if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_CONTRACT) == 0)
    label = self->contract_error;
  else if (g_strcmp0 (field, PORTADA_SPONSOR_FIELD_LOGO) == 0)
    return portada_sponsors_logo_get_error (self->logo);
  if (label == NULL || !gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_label (label);
}

void
portada_sponsors_editor_focus (PortadaSponsorsEditor *self, const char *field)
{
  GtkWidget *widget;
  graphene_point_t point;

  g_return_if_fail (PORTADA_IS_SPONSORS_EDITOR (self));
  widget = portada_sponsors_editor_get_field (self, field);
  if (widget == NULL || self->sponsor_id == 0)
    return;
  /* Bring the field into view: its top, a little above, in the scrolled page. */
  if (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (self->scroller),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (self->scroller),
                               MAX (point.y - 48, 0), point.y + 96);
  gtk_widget_grab_focus (widget);
}

gboolean
portada_sponsors_editor_replace_logo (PortadaSponsorsEditor *self, GFile *file)
{
  PortadaNewsroom *newsroom;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) imports = NULL;
  PortadaLogoImport *import;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  if (self->sponsor_id == 0)
    return FALSE;
  newsroom = portada_sponsors_model_get_newsroom (self->model);
  portada_sponsors_editor_flush (self);
  imports = portada_logos_import_files (newsroom, &file, 1, NULL, &error);
  if (imports == NULL)
    {
      portada_sponsors_logo_set_error (self->logo, error->message);
      return FALSE;
    }
  import = g_ptr_array_index (imports, 0);
  if (import->media_id == 0)
    {
      portada_sponsors_logo_set_error (self->logo, import->error->message);
      return FALSE;
    }
  {
    g_autoptr (PortadaSponsor) sponsor = portada_sponsors_load (newsroom, self->sponsor_id, &error);
    if (sponsor)
      sponsor->logo_media_id = import->media_id;
    if (sponsor == NULL || !portada_sponsors_save (newsroom, sponsor, &error))
      {
        portada_sponsors_logo_set_error (self->logo, error->message);
        return FALSE;
      }
  }
  portada_sponsors_logo_set_error (self->logo, NULL);
  portada_sponsors_logo_set_media (self->logo, import->media_id);
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_SPONSORS, self->sponsor_id);
  return TRUE;
}
