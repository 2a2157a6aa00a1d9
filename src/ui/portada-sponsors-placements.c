/* portada-sponsors-placements.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-logo-list.h"
#include "portada-settings.h"
#include "portada-sponsors-labels.h"
#include "portada-sponsors-placements.h"

struct _PortadaSponsorsPlacements
{
  GtkWidget parent_instance;
  GtkBox *groups_box;
  GtkLabel *error_label;
  PortadaSponsorsModel *model;
  GPtrArray *rows; /* PortadaSponsorsPlacementRow */
  guint reload_source;
  gboolean stale; /* changed while hidden: read again when shown */
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsPlacements, portada_sponsors_placements, GTK_TYPE_WIDGET)

static void
show_error (PortadaSponsorsPlacements *self, const GError *error)
{
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static GtkWidget *
slot_group (const char *slot)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   portada_sponsors_slot_label (slot));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         portada_sponsors_slot_description (slot));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _ ("Add Strip"));
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", slot);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "placements.add");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  return group;
}

static GtkWidget *
empty_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No strip here"));
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
fill (PortadaSponsorsPlacements *self, GPtrArray *placements, GPtrArray *lists,
      GPtrArray *languages, GPtrArray *sections)
{
  const char *const *slots = portada_sponsors_slots ();

  for (guint s = 0; slots[s]; s++)
    {
      GtkWidget *group = slot_group (slots[s]);
      guint in_slot = 0;

      for (guint i = 0; i < placements->len; i++)
        {
          const PortadaPlacement *p = g_ptr_array_index (placements, i);
          GtkWidget *row;

          if (g_strcmp0 (p->slot, slots[s]) != 0)
            continue;
          row = portada_sponsors_placement_row_new (self->model, p, lists, languages, sections);
          in_slot++;
          g_ptr_array_add (self->rows, row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      if (in_slot == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), empty_row ());
      gtk_box_append (self->groups_box, group);
    }
}

static void
add_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  PortadaSponsorsPlacements *self = PORTADA_SPONSORS_PLACEMENTS (widget);
  gint64 id = portada_sponsors_placements_add (self, g_variant_get_string (param, NULL));

  if (id)
    portada_sponsors_placements_select (self, id);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  PortadaSponsorsPlacements *self = user_data;

  self->reload_source = 0;
  portada_sponsors_placements_reload (self);
  return G_SOURCE_REMOVE;
}

/* In an idle: the row that asked may be the one to go. Building the rows
 * costs: a hidden page does it when shown. */
static void
reload_soon (PortadaSponsorsPlacements *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
model_changed_cb (PortadaSponsorsPlacements *self, guint what)
{
  /* A row saving itself needs no rebuild (it would lose its focus); a row
   * removed, a strip added or a list renamed does. */
  if (what & PORTADA_SPONSORS_CHANGED_LISTS)
    reload_soon (self);
  else if (what & PORTADA_SPONSORS_CHANGED_PLACEMENTS)
    {
      g_autoptr (GPtrArray) placements
          = portada_placements_list (portada_sponsors_model_get_newsroom (self->model), NULL);
      if (placements == NULL || placements->len != self->rows->len)
        reload_soon (self);
    }
}

static void
ensure_fresh (PortadaSponsorsPlacements *self)
{
  if (self->stale && self->model)
    portada_sponsors_placements_reload (self);
}

static void
portada_sponsors_placements_map (GtkWidget *widget)
{
  ensure_fresh (PORTADA_SPONSORS_PLACEMENTS (widget));
  GTK_WIDGET_CLASS (portada_sponsors_placements_parent_class)->map (widget);
}

static void
portada_sponsors_placements_dispose (GObject *object)
{
  PortadaSponsorsPlacements *self = PORTADA_SPONSORS_PLACEMENTS (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->model);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_PLACEMENTS);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_sponsors_placements_parent_class)->dispose (object);
}

static void
portada_sponsors_placements_class_init (PortadaSponsorsPlacementsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_placements_dispose;
  widget_class->map = portada_sponsors_placements_map;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-placements.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacements, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacements, error_label);
  gtk_widget_class_install_action (widget_class, "placements.add", "s", add_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
portada_sponsors_placements_init (PortadaSponsorsPlacements *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
portada_sponsors_placements_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_PLACEMENTS, NULL);
}

void
portada_sponsors_placements_set_model (PortadaSponsorsPlacements *self, PortadaSponsorsModel *model)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_PLACEMENTS (self));
  if (self->model)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      g_clear_object (&self->model);
    }
  self->model = g_object_ref (model);
  g_signal_connect_object (model, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload_soon (self);
}

void
portada_sponsors_placements_reload (PortadaSponsorsPlacements *self)
{
  PortadaNewsroom *newsroom;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) placements = NULL;
  g_autoptr (GPtrArray) lists = NULL;
  g_autoptr (GPtrArray) languages = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  GtkWidget *child;

  g_return_if_fail (PORTADA_IS_SPONSORS_PLACEMENTS (self));
  newsroom = portada_sponsors_model_get_newsroom (self->model);
  self->stale = FALSE;
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  if ((placements = portada_placements_list (newsroom, &error)) == NULL
      || (lists = portada_logo_lists_list (newsroom, &error)) == NULL
      || (languages = portada_languages_list (newsroom, &error)) == NULL
      || (sections = portada_sections_list (newsroom, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  show_error (self, NULL);
  fill (self, placements, lists, languages, sections);
}

PortadaSponsorsPlacementRow *
portada_sponsors_placements_get_row (PortadaSponsorsPlacements *self, gint64 id)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PLACEMENTS (self), NULL);
  ensure_fresh (self);
  for (guint i = 0; i < self->rows->len; i++)
    if (portada_sponsors_placement_row_get_id (g_ptr_array_index (self->rows, i)) == id)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

gboolean
portada_sponsors_placements_select (PortadaSponsorsPlacements *self, gint64 id)
{
  PortadaSponsorsPlacementRow *row = portada_sponsors_placements_get_row (self, id);

  if (row == NULL)
    return FALSE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

gint64
portada_sponsors_placements_add (PortadaSponsorsPlacements *self, const char *slot)
{
  PortadaNewsroom *newsroom;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaPlacement) placement = NULL;
  g_autoptr (GPtrArray) lists = NULL;
  g_autoptr (GPtrArray) placements = NULL;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_PLACEMENTS (self), 0);
  newsroom = portada_sponsors_model_get_newsroom (self->model);
  placement = portada_placement_new (slot);
  if ((lists = portada_logo_lists_list (newsroom, &error)) == NULL
      || (placements = portada_placements_list (newsroom, &error)) == NULL)
    {
      show_error (self, error);
      return 0;
    }
  for (guint i = 0; i < placements->len; i++)
    {
      const PortadaPlacement *p = g_ptr_array_index (placements, i);
      if (g_strcmp0 (p->slot, slot) == 0)
        placement->position = MAX (placement->position, p->position + 1);
    }
  if (lists->len > 0)
    placement->list_id = ((PortadaLogoList *) g_ptr_array_index (lists, 0))->id;
  if (g_strcmp0 (slot, PORTADA_SLOT_BODY) == 0)
    placement->after_paragraph = 3;
  if (!portada_placements_save (newsroom, placement, &error))
    {
      show_error (self, error);
      return 0;
    }
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_PLACEMENTS, 0);
  portada_sponsors_placements_reload (self);
  return placement->id;
}
