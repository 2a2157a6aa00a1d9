/* portada-application.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-application.h"
#include "portada-resources.h"
#include "portada-window.h"

struct _PortadaApplication
{
  AdwApplication parent_instance;
  char *db_path;
  GSettings *settings;
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

/* The installed schema, or the one compiled into the build folder when Portada runs
 * uninstalled; without either, settings live in memory for this run. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchemaSource) built = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;

  if (installed)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
  if (schema == NULL)
    built = g_settings_schema_source_new_from_directory (PORTADA_BUILD_SCHEMA_DIR, installed, FALSE,
                                                         NULL);
  if (schema == NULL && built)
    schema = g_settings_schema_source_lookup (built, APP_ID, FALSE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
portada_application_startup (GApplication *app)
{
  PortadaApplication *self = PORTADA_APPLICATION (app);
  const char *const quit[] = { "<Control>q", NULL };

  /* The bundle sits in a static library: naming it links it in, and it registers itself. */
  g_assert (portada_get_resource () != NULL);
  G_APPLICATION_CLASS (portada_application_parent_class)->startup (app);
  self->settings = new_settings ();
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", quit);
}

static void
portada_application_finalize (GObject *object)
{
  PortadaApplication *self = PORTADA_APPLICATION (object);

  g_clear_object (&self->settings);
  g_free (self->db_path);
  G_OBJECT_CLASS (portada_application_parent_class)->finalize (object);
}

static void
portada_application_class_init (PortadaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = portada_application_finalize;
  app_class->activate = portada_application_activate;
  app_class->startup = portada_application_startup;
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

GSettings *
portada_application_get_settings (PortadaApplication *self)
{
  g_return_val_if_fail (PORTADA_IS_APPLICATION (self), NULL);
  return self->settings;
}
