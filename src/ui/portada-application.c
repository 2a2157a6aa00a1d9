/* portada-application.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-application.h"
#include "portada-window.h"

struct _PortadaApplication
{
  AdwApplication parent_instance;
  char *db_path;
};

G_DEFINE_FINAL_TYPE (PortadaApplication, portada_application, ADW_TYPE_APPLICATION)

static int
portada_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  PortadaApplication *self = PORTADA_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_strdup (db);
  return -1;
}

static void
portada_application_activate (GApplication *app)
{
  PortadaApplication *self = PORTADA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (portada_window_new (self, self->db_path));
  gtk_window_present (window);
}

static void
portada_application_finalize (GObject *object)
{
  PortadaApplication *self = PORTADA_APPLICATION (object);

  g_free (self->db_path);
  G_OBJECT_CLASS (portada_application_parent_class)->finalize (object);
}

static void
portada_application_class_init (PortadaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = portada_application_finalize;
  app_class->activate = portada_application_activate;
  app_class->handle_local_options = portada_application_handle_local_options;
}

static void
portada_application_init (PortadaApplication *self)
{
  const GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_ ("Open the newsroom FILE"), N_ ("FILE") },
          { NULL } };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

PortadaApplication *
portada_application_new (void)
{
  /* NON_UNIQUE: each window holds its own newsroom file and process. */
  return g_object_new (PORTADA_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_NON_UNIQUE, "resource-base-path", "/io/github/portada/Portada",
                       NULL);
}

int
portada_application_run (int argc, char *argv[])
{
  g_autoptr (PortadaApplication) app = portada_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
