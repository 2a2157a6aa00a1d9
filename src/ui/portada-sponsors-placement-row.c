/* portada-sponsors-placement-row.c
 *
 * Each control saves the placement at once and tells the model, so the preview
 * shows the strip as it is now.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-logo-list.h"
#include "portada-settings.h"
#include "portada-sponsors-labels.h"
#include "portada-sponsors-placement-row.h"

struct _PortadaSponsorsPlacementRow
{
  AdwExpanderRow parent_instance;
  AdwComboRow *list_row;
  GtkStringList *list_names;
  GtkSpinButton *max_spin;
  AdwComboRow *order_row;
  AdwActionRow *paragraph_row;
  GtkSpinButton *paragraph_spin;
  GtkBox *languages_box;
  AdwActionRow *sections_row;
  GtkBox *sections_box;
  GtkLabel *error_label;

  PortadaSponsorsModel *model;
  PortadaPlacement *placement;
  GArray *list_ids; /* the combo's positions: 0 (none), then each list */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsPlacementRow, portada_sponsors_placement_row,
                     ADW_TYPE_EXPANDER_ROW)

static const char *
list_name (PortadaSponsorsPlacementRow *self, gint64 id)
{
  for (guint i = 1; i < self->list_ids->len; i++)
    if (g_array_index (self->list_ids, gint64, i) == id)
      return gtk_string_list_get_string (self->list_names, i);
  return NULL;
}

static char *
describe_subset (GStrv chosen, const char *everything)
{
  if (chosen == NULL || chosen[0] == NULL)
    return g_strdup (everything);
  return g_strjoinv (", ", chosen);
}

/* The group names the slot; the row names what the strip shows. */
static void
show_subtitle (PortadaSponsorsPlacementRow *self)
{
  const PortadaPlacement *p = self->placement;
  const char *list = list_name (self, p->list_id);
  g_autofree char *title = NULL;
  g_autofree char *max = NULL;
  g_autofree char *langs = describe_subset (p->languages, _ ("every language"));
  g_autofree char *sections = describe_subset (p->sections, _ ("every section"));
  g_autofree char *subtitle = NULL;

  max = p->max_logos > 0 ? g_strdup_printf (
            ngettext ("at most %d logo", "at most %d logos", p->max_logos), p->max_logos)
                         : g_strdup (_ ("every logo"));
  if (list == NULL)
    title = g_strdup (_ ("No list: shows nothing"));
  else if (g_strcmp0 (p->slot, PORTADA_SLOT_BODY) == 0)
    /* Translators: a strip in the body of an article: "List A after paragraph 3". */
    title = g_strdup_printf (_ ("List %s after paragraph %d"), list, p->after_paragraph);
  else
    title = g_strdup_printf (_ ("List %s"), list);
  /* Translators: a strip's summary: "at most 16 logos · Weighted Shuffle · every language ·
   * every section". */
  subtitle = g_strdup_printf (_ ("%s · %s · %s · %s"), max, portada_sponsors_order_label (p->order),
                              langs, sections);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static gboolean
save (PortadaSponsorsPlacementRow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return TRUE;
  if (!portada_placements_save (portada_sponsors_model_get_newsroom (self->model), self->placement,
                                &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_subtitle (self);
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_PLACEMENTS, 0);
  return TRUE;
}

static void
list_selected_cb (PortadaSponsorsPlacementRow *self)
{
  guint i = adw_combo_row_get_selected (self->list_row);

  if (self->loading)
    return;
  if (i == GTK_INVALID_LIST_POSITION || i >= self->list_ids->len)
    return;
  self->placement->list_id = g_array_index (self->list_ids, gint64, i);
  save (self);
}

static void
max_changed_cb (PortadaSponsorsPlacementRow *self)
{
  if (self->loading)
    return;
  self->placement->max_logos = gtk_spin_button_get_value_as_int (self->max_spin);
  save (self);
}

static void
order_selected_cb (PortadaSponsorsPlacementRow *self)
{
  guint i = adw_combo_row_get_selected (self->order_row);

  if (self->loading)
    return;
  if (i > PORTADA_ORDER_ALPHABETICAL)
    return;
  self->placement->order = (PortadaOrderMode) i;
  save (self);
}

static void
paragraph_changed_cb (PortadaSponsorsPlacementRow *self)
{
  if (self->loading)
    return;
  self->placement->after_paragraph = gtk_spin_button_get_value_as_int (self->paragraph_spin);
  save (self);
}

static GStrv
checked_names (GtkBox *box)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "key"));
  return g_strv_builder_end (builder);
}

static void
show_sections (PortadaSponsorsPlacementRow *self)
{
  g_autofree char *text = describe_subset (self->placement->sections, _ ("Every section"));

  adw_action_row_set_subtitle (self->sections_row, text);
}

static void
subset_toggled_cb (PortadaSponsorsPlacementRow *self)
{
  if (self->loading)
    return;
  g_strfreev (self->placement->languages);
  self->placement->languages = checked_names (self->languages_box);
  g_strfreev (self->placement->sections);
  self->placement->sections = checked_names (self->sections_box);
  show_sections (self);
  save (self);
}

static GtkWidget *
check_button (PortadaSponsorsPlacementRow *self, const char *key, const char *label, GStrv chosen)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (check), "key", g_strdup (key), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               chosen && g_strv_contains ((const char *const *) chosen, key));
  g_signal_connect_object (check, "toggled", G_CALLBACK (subset_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  return check;
}

static void
remove_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  PortadaSponsorsPlacementRow *self = PORTADA_SPONSORS_PLACEMENT_ROW (widget);
  g_autoptr (GError) error = NULL;

  if (!portada_placements_delete (portada_sponsors_model_get_newsroom (self->model),
                                  self->placement->id, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  /* The placements page rebuilds its rows on this. */
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_PLACEMENTS, 0);
}

static void
fill_choices (PortadaSponsorsPlacementRow *self, GPtrArray *lists, GPtrArray *languages,
              GPtrArray *sections, const char *lang)
{
  gint64 none = 0;
  guint selected = 0;

  g_array_append_val (self->list_ids, none);
  gtk_string_list_append (self->list_names, _ ("No List"));
  for (guint i = 0; i < lists->len; i++)
    {
      const PortadaLogoList *list = g_ptr_array_index (lists, i);
      g_array_append_val (self->list_ids, list->id);
      gtk_string_list_append (self->list_names, list->name);
      if (list->id == self->placement->list_id)
        selected = i + 1;
    }
  adw_combo_row_set_selected (self->list_row, selected);
  for (guint i = 0; i < languages->len; i++)
    {
      const PortadaLanguage *l = g_ptr_array_index (languages, i);
      gtk_box_append (self->languages_box,
                      check_button (self, l->code, l->name, self->placement->languages));
    }
  for (guint i = 0; i < sections->len; i++)
    {
      const PortadaSection *s = g_ptr_array_index (sections, i);
      gtk_box_append (self->sections_box,
                      check_button (self, s->key, portada_section_get_name (s, lang),
                                    self->placement->sections));
    }
}

static void
portada_sponsors_placement_row_dispose (GObject *object)
{
  PortadaSponsorsPlacementRow *self = PORTADA_SPONSORS_PLACEMENT_ROW (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->placement, portada_placement_free);
  g_clear_pointer (&self->list_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_PLACEMENT_ROW);
  G_OBJECT_CLASS (portada_sponsors_placement_row_parent_class)->dispose (object);
}

static void
portada_sponsors_placement_row_class_init (PortadaSponsorsPlacementRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_placement_row_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-placement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, list_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, list_names);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, max_spin);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, order_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, paragraph_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, paragraph_spin);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, languages_box);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, sections_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, sections_box);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPlacementRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, list_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, max_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, paragraph_changed_cb);
  gtk_widget_class_install_action (widget_class, "placement.remove", NULL, remove_cb);
}

static void
portada_sponsors_placement_row_init (PortadaSponsorsPlacementRow *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->list_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
portada_sponsors_placement_row_new (PortadaSponsorsModel *model, const PortadaPlacement *placement,
                                    GPtrArray *lists, GPtrArray *languages, GPtrArray *sections)
{
  PortadaSponsorsPlacementRow *self = g_object_new (PORTADA_TYPE_SPONSORS_PLACEMENT_ROW, NULL);
  g_autofree char *lang = portada_settings_get (portada_sponsors_model_get_newsroom (model),
                                                PORTADA_SETTING_DEFAULT_LANGUAGE, NULL);
  PortadaPlacement *p = g_new0 (PortadaPlacement, 1);

  *p = *placement;
  p->slot = g_strdup (placement->slot);
  p->languages = g_strdupv (placement->languages);
  p->sections = g_strdupv (placement->sections);
  self->placement = p;
  self->model = g_object_ref (model);

  fill_choices (self, lists, languages, sections, lang ? lang : "en");
  gtk_spin_button_set_value (self->max_spin, p->max_logos);
  adw_combo_row_set_selected (self->order_row, p->order);
  gtk_spin_button_set_value (self->paragraph_spin, MAX (p->after_paragraph, 1));
  gtk_widget_set_visible (GTK_WIDGET (self->paragraph_row),
                          g_strcmp0 (p->slot, PORTADA_SLOT_BODY) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sections_row), sections->len > 0);
  show_sections (self);
  show_subtitle (self);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}

gint64
portada_sponsors_placement_row_get_id (PortadaSponsorsPlacementRow *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PLACEMENT_ROW (self), 0);
  return self->placement->id;
}

const PortadaPlacement *
portada_sponsors_placement_row_get_placement (PortadaSponsorsPlacementRow *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PLACEMENT_ROW (self), NULL);
  return self->placement;
}

gboolean
portada_sponsors_placement_row_set_order (PortadaSponsorsPlacementRow *self, PortadaOrderMode order)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PLACEMENT_ROW (self), FALSE);
  g_return_val_if_fail (order <= PORTADA_ORDER_ALPHABETICAL, FALSE);
  adw_combo_row_set_selected (self->order_row, order);
  return self->placement->order == order;
}
