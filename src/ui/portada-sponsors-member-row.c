/* portada-sponsors-member-row.c
 *
 * The row says what the user wants ("move-to" another row's place, "move" by
 * one, "remove", "weight-changed"); the lists editor does it and saves.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-sponsors-contract.h"
#include "portada-sponsors-member-row.h"

struct _PortadaSponsorsMemberRow
{
  AdwActionRow parent_instance;
  GtkPicture *logo;
  GtkSpinButton *weight_spin;
  PortadaSponsorsModel *model;
  gint64 sponsor_id;
  double drag_x, drag_y;
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsMemberRow, portada_sponsors_member_row, ADW_TYPE_ACTION_ROW)

enum
{
  MOVE,
  MOVE_TO,
  REMOVE,
  WEIGHT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, PortadaSponsorsMemberRow *self)
{
  self->drag_x = x;
  self->drag_y = y;
  return gdk_content_provider_new_typed (PORTADA_TYPE_SPONSORS_MEMBER_ROW, self);
}

static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, PortadaSponsorsMemberRow *self)
{
  g_autoptr (GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, (int) self->drag_x, (int) self->drag_y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
drag_end_cb (GtkDragSource *source, GdkDrag *drag, gboolean delete_data,
             PortadaSponsorsMemberRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y,
         PortadaSponsorsMemberRow *self)
{
  PortadaSponsorsMemberRow *source = g_value_get_object (value);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
  if (source == NULL || source == self)
    return FALSE;
  g_signal_emit (source, signals[MOVE_TO], 0, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self)));
  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target, double x, double y, PortadaSponsorsMemberRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target, PortadaSponsorsMemberRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

static void
move_up_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  g_signal_emit (widget, signals[MOVE], 0, -1);
}

static void
move_down_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  g_signal_emit (widget, signals[MOVE], 0, 1);
}

static void
remove_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
weight_changed_cb (PortadaSponsorsMemberRow *self)
{
  g_signal_emit (self, signals[WEIGHT_CHANGED], 0, gtk_spin_button_get_value (self->weight_spin));
}

static void
show_sponsor (PortadaSponsorsMemberRow *self)
{
  PortadaSponsorsItem *item = portada_sponsors_model_find (self->model, self->sponsor_id, NULL);
  const PortadaSponsor *sponsor;
  g_autofree char *state = NULL;

  if (item == NULL)
    return;
  sponsor = portada_sponsors_item_get_sponsor (item);
  state = portada_contract_describe (sponsor, portada_sponsors_model_get_today (self->model));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sponsor->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), state);
  gtk_picture_set_paintable (self->logo, GDK_PAINTABLE (portada_sponsors_model_get_logo (
                                             self->model, sponsor->logo_media_id, NULL)));
}

static void
portada_sponsors_member_row_dispose (GObject *object)
{
  PortadaSponsorsMemberRow *self = PORTADA_SPONSORS_MEMBER_ROW (object);

  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_MEMBER_ROW);
  G_OBJECT_CLASS (portada_sponsors_member_row_parent_class)->dispose (object);
}

static void
portada_sponsors_member_row_class_init (PortadaSponsorsMemberRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_member_row_dispose;

  /* By how many places (-1: up, 1: down). */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* To the place of the row at this index. */
  signals[MOVE_TO] = g_signal_new ("move-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  signals[WEIGHT_CHANGED]
      = g_signal_new ("weight-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsMemberRow, logo);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsMemberRow, weight_spin);
  gtk_widget_class_bind_template_callback (widget_class, weight_changed_cb);

  gtk_widget_class_install_action (widget_class, "member.move-up", NULL, move_up_cb);
  gtk_widget_class_install_action (widget_class, "member.move-down", NULL, move_down_cb);
  gtk_widget_class_install_action (widget_class, "member.remove", NULL, remove_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "member.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "member.move-down",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "member.remove", NULL);
}

static void
portada_sponsors_member_row_init (PortadaSponsorsMemberRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (PORTADA_TYPE_SPONSORS_MEMBER_ROW, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
portada_sponsors_member_row_new (PortadaSponsorsModel *model, gint64 sponsor_id, double weight)
{
  PortadaSponsorsMemberRow *self = g_object_new (PORTADA_TYPE_SPONSORS_MEMBER_ROW, NULL);

  self->model = g_object_ref (model);
  self->sponsor_id = sponsor_id;
  g_signal_handlers_block_by_func (self->weight_spin, weight_changed_cb, self);
  gtk_spin_button_set_value (self->weight_spin, weight);
  g_signal_handlers_unblock_by_func (self->weight_spin, weight_changed_cb, self);
  show_sponsor (self);
  return GTK_WIDGET (self);
}

gint64
portada_sponsors_member_row_get_sponsor_id (PortadaSponsorsMemberRow *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_MEMBER_ROW (self), 0);
  return self->sponsor_id;
}

double
portada_sponsors_member_row_get_weight (PortadaSponsorsMemberRow *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_MEMBER_ROW (self), 1.0);
  return gtk_spin_button_get_value (self->weight_spin);
}

void
portada_sponsors_member_row_set_movable (PortadaSponsorsMemberRow *self, gboolean up, gboolean down)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_MEMBER_ROW (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.move-down", down);
}
