/* portada-sponsors-row.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-sponsors-contract.h"
#include "portada-sponsors-row.h"

struct _PortadaSponsorsRow
{
  GtkWidget parent_instance;
  GtkPicture *logo;
  GtkImage *no_logo;
  GtkLabel *name_label;
  GtkLabel *lists_label;
  GtkLabel *state_label;
  PortadaSponsorsModel *model;
  PortadaSponsorsItem *item;
  gulong changed_id;
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsRow, portada_sponsors_row, GTK_TYPE_WIDGET)

static const char *const state_classes[] = { "success", "warning", "error", "dim-label" };

static void
show_logo (PortadaSponsorsRow *self, const PortadaSponsor *sponsor)
{
  GdkTexture *texture = portada_sponsors_model_get_logo (self->model, sponsor->logo_media_id, NULL);

  gtk_picture_set_paintable (self->logo, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo), texture != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->no_logo), texture == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->no_logo), sponsor->logo_media_id
                                                               ? _ ("The logo cannot be shown")
                                                               : _ ("No logo"));
}

static void
show_state (PortadaSponsorsRow *self, const PortadaSponsor *sponsor)
{
  const char *today = portada_sponsors_model_get_today (self->model);
  PortadaContractState state = portada_sponsor_contract_state (sponsor, today, NULL);
  g_autofree char *text = portada_contract_describe (sponsor, today);

  gtk_label_set_label (self->state_label, text);
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), portada_contract_css_class (state));
}

static void
show_item (PortadaSponsorsRow *self)
{
  const PortadaSponsor *sponsor;
  const char *const *lists;
  g_autofree char *joined = NULL;

  if (self->item == NULL)
    return;
  sponsor = portada_sponsors_item_get_sponsor (self->item);
  lists = portada_sponsors_item_get_lists (self->item);
  gtk_label_set_label (self->name_label, sponsor->name);
  if (lists[0] == NULL)
    gtk_label_set_label (self->lists_label, _ ("On no list"));
  else
    {
      joined = g_strjoinv (", ", (GStrv) lists);
      gtk_label_set_label (self->lists_label, joined);
    }
  show_logo (self, sponsor);
  show_state (self, sponsor);
}

static void
item_changed_cb (PortadaSponsorsRow *self)
{
  show_item (self);
}

static void
portada_sponsors_row_dispose (GObject *object)
{
  PortadaSponsorsRow *self = PORTADA_SPONSORS_ROW (object);

  portada_sponsors_row_set_item (self, NULL);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_ROW);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_sponsors_row_parent_class)->dispose (object);
}

static void
portada_sponsors_row_class_init (PortadaSponsorsRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_row_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsRow, logo);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsRow, no_logo);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsRow, lists_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsRow, state_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sponsorrow");
}

static void
portada_sponsors_row_init (PortadaSponsorsRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
portada_sponsors_row_new (PortadaSponsorsModel *model)
{
  PortadaSponsorsRow *self = g_object_new (PORTADA_TYPE_SPONSORS_ROW, NULL);

  self->model = g_object_ref (model);
  return GTK_WIDGET (self);
}

void
portada_sponsors_row_set_item (PortadaSponsorsRow *self, PortadaSponsorsItem *item)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_ROW (self));
  if (self->item == item)
    return;
  if (self->item)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_set_object (&self->item, item);
  if (item)
    {
      self->changed_id
          = g_signal_connect_swapped (item, "changed", G_CALLBACK (item_changed_cb), self);
      show_item (self);
    }
}
