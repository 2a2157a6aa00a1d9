/* portada-application.c: the application, its actions (about, preferences, keyboard
 * shortcuts, quit) and their accelerators.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-application.h"
#include "portada-newsroom.h"
#include "portada-preferences-window.h"
#include "portada-resources.h"
#include "portada-window.h"

struct _PortadaApplication
{
  AdwApplication parent_instance;
  char *db_path;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (PortadaApplication, portada_application, ADW_TYPE_APPLICATION)

/* The newsroom open in @window, if it is a Portada window with one. */
static PortadaNewsroom *
window_newsroom (GtkWindow *window)
{
  PortadaNewsroom *newsroom
      = PORTADA_IS_WINDOW (window) ? portada_window_get_newsroom (PORTADA_WINDOW (window)) : NULL;

  return newsroom ? g_object_ref (newsroom) : NULL;
}

/* The Portada window used last: the Preferences window, once open, is the application's
 * active window too, and must not stand in for it. */
static GtkWindow *
main_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (PORTADA_IS_WINDOW (l->data))
      return l->data;
  return gtk_application_get_active_window (app);
}

static void
about_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _ ("The Portada authors"), NULL };
  GtkWidget *about;

  about = g_object_new (
      ADW_TYPE_ABOUT_WINDOW, "transient-for", main_window (app), "modal", TRUE, "application-icon",
      APP_ID, "application-name", _ ("Portada"), "developer-name", _ ("The Portada authors"),
      "version", PACKAGE_VERSION, "comments",
      _ ("The newsroom desk of a bilingual news magazine: write and revise "
         "articles, keep the sponsor lists, see every page as readers will, "
         "and export the whole site."),
      "website", "https://github.com/portada/portada", "issue-url",
      "https://github.com/portada/portada/issues", "license-type", GTK_LICENSE_GPL_3_0, "copyright",
      _ ("© 2026 The Portada authors"), "developers", developers,
      /* Translators: your names, one a line, credited in the About window. */
      "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *window = main_window (GTK_APPLICATION (user_data));
  g_autoptr (PortadaNewsroom) newsroom = window_newsroom (window);
  PortadaPreferencesWindow *prefs = portada_preferences_window_new (window, newsroom);

  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (user_data));
  if (PORTADA_IS_WINDOW (window))
    g_signal_connect_object (prefs, "newsroom-changed",
                             G_CALLBACK (portada_window_newsroom_changed), window,
                             G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
shortcuts_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *window = main_window (GTK_APPLICATION (user_data));

  /* GtkApplicationWindow shows the help overlay (gtk/help-overlay.ui) itself. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
quit_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr (GList) windows
      = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing each window, rather than quitting at once, lets every window store what it
   * holds (the article being edited) on its way out; the application ends with the last. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_cb },
  { "preferences", preferences_cb },
  { "shortcuts", shortcuts_cb },
  { "quit", quit_cb },
};

static int
portada_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  PortadaApplication *self = PORTADA_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_strdup (db);
  return -1;
}

/* The installed schema, or the one compiled into the build folder when Portada runs
 * uninstalled; without either, the window keeps no settings. */
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
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  g_debug ("startup: application starting");
  G_APPLICATION_CLASS (portada_application_parent_class)->startup (app);
  self->settings = new_settings ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
}

static void
portada_application_activate (GApplication *app)
{
  PortadaApplication *self = PORTADA_APPLICATION (app);
  GtkWindow *window = main_window (GTK_APPLICATION (app));

  if (!PORTADA_IS_WINDOW (window))
    window = GTK_WINDOW (portada_window_new (self, self->db_path));
  gtk_window_present (window);
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

  /* The UI resources (templates, help overlay, icons) register themselves when linked;
   * the UI library is static, so this reference is what brings them into the program. */
  g_assert (portada_get_resource () != NULL);

  G_OBJECT_CLASS (klass)->finalize = portada_application_finalize;
  app_class->startup = portada_application_startup;
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

GSettings *
portada_application_get_settings (PortadaApplication *self)
{
  g_return_val_if_fail (PORTADA_IS_APPLICATION (self), NULL);
  return self->settings;
}
