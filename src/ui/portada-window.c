/* portada-window.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-newsroom.h"
#include "portada-settings.h"
#include "portada-window.h"

struct _PortadaWindow
{
  AdwApplicationWindow parent_instance;
  AdwStatusPage *status_page;
  PortadaNewsroom *newsroom;
};

G_DEFINE_FINAL_TYPE (PortadaWindow, portada_window, ADW_TYPE_APPLICATION_WINDOW)

static void
portada_window_dispose (GObject *object)
{
  PortadaWindow *self = PORTADA_WINDOW (object);

  g_clear_object (&self->newsroom);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_WINDOW);
  G_OBJECT_CLASS (portada_window_parent_class)->dispose (object);
}

static void
portada_window_class_init (PortadaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/portada/Portada/ui/portada-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaWindow, status_page);
}

static void
portada_window_init (PortadaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PortadaWindow *
portada_window_new (PortadaApplication *app, const char *db_path)
{
  PortadaWindow *self = g_object_new (PORTADA_TYPE_WINDOW, "application", app, NULL);
  g_autoptr (GError) error = NULL;

  if (db_path == NULL)
    return self;
  self->newsroom = portada_newsroom_open (db_path, PORTADA_OPEN_DEFAULT, &error);
  if (self->newsroom == NULL)
    {
      adw_status_page_set_title (self->status_page, _ ("This newsroom cannot be opened"));
      adw_status_page_set_description (self->status_page, error->message);
    }
  else
    {
      g_autofree char *title
          = portada_settings_get (self->newsroom, PORTADA_SETTING_SITE_TITLE, NULL);
      adw_status_page_set_title (self->status_page, title);
    }
  return self;
}
