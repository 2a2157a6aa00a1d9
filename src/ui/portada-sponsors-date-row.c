/* portada-sponsors-date-row.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-sponsors-contract.h"
#include "portada-sponsors-date-row.h"

struct _PortadaSponsorsDateRow
{
  AdwEntryRow parent_instance;
  GtkMenuButton *calendar_button;
  GtkCalendar *calendar;
  int shown_year; /* the month the calendar shows, to tell a day's click from paging */
  int shown_month;
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsDateRow, portada_sponsors_date_row, ADW_TYPE_ENTRY_ROW)

static void
day_selected_cb (PortadaSponsorsDateRow *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  /* Paging to another month moves the selection too: only a click on a day
   * of the month shown chooses it. */
  if (g_date_time_get_year (date) != self->shown_year
      || g_date_time_get_month (date) != self->shown_month)
    {
      self->shown_year = g_date_time_get_year (date);
      self->shown_month = g_date_time_get_month (date);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
clear_cb (PortadaSponsorsDateRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self), "");
  gtk_menu_button_popdown (self->calendar_button);
}

/* The calendar opens on the row's date, or today. */
static void
calendar_shown_cb (PortadaSponsorsDateRow *self)
{
  GDate date;
  g_autoptr (GDateTime) when = NULL;

  if (portada_contract_parse_date (gtk_editable_get_text (GTK_EDITABLE (self)), &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, when);
  self->shown_year = g_date_time_get_year (when);
  self->shown_month = g_date_time_get_month (when);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
}

static void
portada_sponsors_date_row_class_init (PortadaSponsorsDateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown_cb);
}

static void
portada_sponsors_date_row_init (PortadaSponsorsDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
portada_sponsors_date_row_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_DATE_ROW, NULL);
}

gboolean
portada_sponsors_date_row_is_valid (PortadaSponsorsDateRow *self)
{
  const char *text;
  GDate date;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_DATE_ROW (self), FALSE);
  text = gtk_editable_get_text (GTK_EDITABLE (self));
  return *text == '\0' || portada_contract_parse_date (text, &date);
}

char *
portada_sponsors_date_row_get_date (PortadaSponsorsDateRow *self)
{
  const char *text;
  GDate date;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_DATE_ROW (self), NULL);
  text = gtk_editable_get_text (GTK_EDITABLE (self));
  return portada_contract_parse_date (text, &date) ? g_strdup (text) : NULL;
}
