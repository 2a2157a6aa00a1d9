/* portada-sponsors-appearances.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-logo-list.h"
#include "portada-sponsor-merge.h"
#include "portada-sponsors-appearances.h"
#include "portada-sponsors-labels.h"

struct _PortadaSponsorsAppearances
{
  AdwPreferencesGroup parent_instance;
  GtkMenuButton *add_button;
  PortadaSponsorsModel *model;
  gint64 sponsor_id;
  GPtrArray *rows; /* the rows added for the current sponsor */
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsAppearances, portada_sponsors_appearances,
                     ADW_TYPE_PREFERENCES_GROUP)

static void
clear_rows (PortadaSponsorsAppearances *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (PortadaSponsorsAppearances *self, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

/* "Header, Sidebar": the slots of the strips that draw from the list. */
static char *
slots_text (const PortadaSponsorAppearance *appearance)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; appearance->slots[i]; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "",
                            portada_sponsors_slot_label (appearance->slots[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
membership_row (const PortadaSponsorAppearance *appearance)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *title = g_strdup_printf (_ ("List %s"), appearance->list_name);
  g_autofree char *strips = slots_text (appearance);
  g_autofree char *subtitle = NULL;

  if (*strips)
    /* Translators: "Weight 1 · shown in Header, Sidebar". */
    subtitle = g_strdup_printf (_ ("Weight %g · shown in %s"), appearance->weight, strips);
  else
    subtitle
        = g_strdup_printf (_ ("Weight %g · no strip draws from this list"), appearance->weight);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _ ("Remove from This List"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", appearance->list_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "appearances.remove-from-list");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", appearance->list_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "sponsors.show-list");
  return row;
}

static gboolean
appears_on (GPtrArray *appearances, gint64 list_id)
{
  for (guint i = 0; i < appearances->len; i++)
    if (((PortadaSponsorAppearance *) g_ptr_array_index (appearances, i))->list_id == list_id)
      return TRUE;
  return FALSE;
}

static void
fill (PortadaSponsorsAppearances *self, GPtrArray *appearances, GPtrArray *lists)
{
  g_autoptr (GMenu) menu = g_menu_new ();

  for (guint i = 0; i < appearances->len; i++)
    add_row (self, membership_row (g_ptr_array_index (appearances, i)));
  if (appearances->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("On no list"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _ ("Its logo is shown nowhere: add it to a list"));
      add_row (self, row);
    }
  for (guint i = 0; i < lists->len; i++)
    {
      const PortadaLogoList *list = g_ptr_array_index (lists, i);
      g_autofree char *label = NULL;
      g_autoptr (GMenuItem) item = NULL;

      if (appears_on (appearances, list->id))
        continue;
      label = g_strdup_printf (_ ("List %s"), list->name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "appearances.add-to-list",
                                               g_variant_new_int64 (list->id));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

static void
change_membership (PortadaSponsorsAppearances *self, gint64 list_id, gboolean add)
{
  PortadaNewsroom *newsroom = portada_sponsors_model_get_newsroom (self->model);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (add)
    ok = portada_logo_lists_add_member (newsroom, list_id, self->sponsor_id, 1.0, &error);
  else
    ok = portada_logo_lists_remove_member (newsroom, list_id, self->sponsor_id, &error);
  if (!ok)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_LISTS, self->sponsor_id);
}

static void
add_to_list_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  change_membership (PORTADA_SPONSORS_APPEARANCES (widget), g_variant_get_int64 (param), TRUE);
}

static void
remove_from_list_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  change_membership (PORTADA_SPONSORS_APPEARANCES (widget), g_variant_get_int64 (param), FALSE);
}

static void
model_changed_cb (PortadaSponsorsAppearances *self, guint what, gint64 sponsor_id)
{
  if (what & (PORTADA_SPONSORS_CHANGED_LISTS | PORTADA_SPONSORS_CHANGED_PLACEMENTS))
    portada_sponsors_appearances_reload (self);
}

static void
portada_sponsors_appearances_dispose (GObject *object)
{
  PortadaSponsorsAppearances *self = PORTADA_SPONSORS_APPEARANCES (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_APPEARANCES);
  G_OBJECT_CLASS (portada_sponsors_appearances_parent_class)->dispose (object);
}

static void
portada_sponsors_appearances_class_init (PortadaSponsorsAppearancesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_appearances_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-appearances.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsAppearances, add_button);
  gtk_widget_class_install_action (widget_class, "appearances.add-to-list", "x", add_to_list_cb);
  gtk_widget_class_install_action (widget_class, "appearances.remove-from-list", "x",
                                   remove_from_list_cb);
}

static void
portada_sponsors_appearances_init (PortadaSponsorsAppearances *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
portada_sponsors_appearances_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_APPEARANCES, NULL);
}

void
portada_sponsors_appearances_set_model (PortadaSponsorsAppearances *self,
                                        PortadaSponsorsModel *model)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_APPEARANCES (self));
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  self->sponsor_id = 0;
  g_signal_connect_object (model, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
portada_sponsors_appearances_set_sponsor (PortadaSponsorsAppearances *self, gint64 sponsor_id)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_APPEARANCES (self));
  self->sponsor_id = sponsor_id;
  portada_sponsors_appearances_reload (self);
}

void
portada_sponsors_appearances_reload (PortadaSponsorsAppearances *self)
{
  PortadaNewsroom *newsroom;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lists = NULL;
  g_autoptr (GPtrArray) appearances = NULL;

  g_return_if_fail (PORTADA_IS_SPONSORS_APPEARANCES (self));
  clear_rows (self);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
  if (self->model == NULL || self->sponsor_id == 0)
    return;
  newsroom = portada_sponsors_model_get_newsroom (self->model);
  lists = portada_logo_lists_list (newsroom, &error);
  appearances = lists ? portada_sponsor_appearances (newsroom, self->sponsor_id, &error) : NULL;
  if (appearances)
    fill (self, appearances, lists);
  if (error)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
}
