/* test-shortcuts.c: the keyboard shortcuts window lists every shortcut of Portada, and
 * nothing else. "Every shortcut" is what the running program has: the application's
 * accelerators and the shortcuts of every Portada widget in the main window (their own,
 * not those their GTK parent class brings). Runs under Xvfb.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "portada-application.h"
#include "portada-demo.h"

static char *db_path;
static int failures;

/* One canonical name per accelerator, whatever its spelling ("<Primary>B", "<Control>b"). */
static char *
canonical (const char *accel)
{
  guint key = 0;
  GdkModifierType mods = 0;

  if (!gtk_accelerator_parse (accel, &key, &mods) || key == 0)
    return NULL;
  if (gdk_keyval_is_upper (key) && gdk_keyval_to_lower (key) != key)
    {
      key = gdk_keyval_to_lower (key);
      mods |= GDK_SHIFT_MASK;
    }
  return gtk_accelerator_name (key, mods);
}

static void
add_accel (GHashTable *set, const char *accel, const char *where)
{
  char *name = canonical (accel);

  if (name != NULL)
    g_hash_table_insert (set, name, g_strdup (where));
}

static void
add_trigger (GHashTable *set, GtkShortcutTrigger *trigger, const char *where)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      g_autofree char *accel = gtk_shortcut_trigger_to_string (trigger);
      add_accel (set, accel, where);
    }
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (set, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                   where);
      add_trigger (set, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                   where);
    }
}

/* The shortcuts of @widget's shortcut controllers. */
static void
add_widget_shortcuts (GHashTable *set, GtkWidget *widget, const char *where)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          add_trigger (set, gtk_shortcut_get_trigger (shortcut), where);
        }
    }
}

static GType
gtk_ancestor (GType type)
{
  while (g_str_has_prefix (g_type_name (type), "Portada"))
    type = g_type_parent (type);
  return type;
}

/* The shortcuts that a Portada widget adds to those of its first GTK ancestor class. */
static void
add_portada_shortcuts (GHashTable *set, GtkWidget *widget)
{
  GType ancestor = gtk_ancestor (G_OBJECT_TYPE (widget));
  const char *name = G_OBJECT_TYPE_NAME (widget);
  g_autoptr (GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer accel, where;

  add_widget_shortcuts (own, widget, name);
  if (!G_TYPE_IS_ABSTRACT (ancestor))
    {
      GtkWidget *plain = g_object_ref_sink (g_object_new (ancestor, NULL));
      g_autoptr (GHashTable) inherited
          = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      add_widget_shortcuts (inherited, plain, "");
      g_hash_table_iter_init (&iter, inherited);
      while (g_hash_table_iter_next (&iter, &accel, NULL))
        g_hash_table_remove (own, accel);
      if (GTK_IS_WINDOW (plain))
        gtk_window_destroy (GTK_WINDOW (plain));
      g_object_unref (plain);
    }
  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &accel, &where))
    g_hash_table_insert (set, g_strdup (accel), g_strdup (where));
}

static void
walk_widgets (GHashTable *set, GtkWidget *widget)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Portada"))
    add_portada_shortcuts (set, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_widgets (set, child);
}

static void
add_action_accels (GHashTable *set, GtkApplication *app, const char *action)
{
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (app, action);

  for (guint i = 0; accels[i] != NULL; i++)
    add_accel (set, accels[i], action);
}

/* What the shortcuts window shows: accelerators written in it, or those of its actions. */
static void
walk_overlay (GHashTable *set, GtkApplication *app, GtkWidget *widget)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, "action-name", &action,
                    NULL);
      if (title == NULL || *title == '\0')
        {
          g_printerr ("# a shortcut of the shortcuts window has no title\n");
          failures++;
        }
      if (accelerator != NULL && *accelerator != '\0')
        {
          g_auto (GStrv) accels = g_strsplit (accelerator, " ", -1);
          for (guint i = 0; accels[i] != NULL; i++)
            if (*accels[i] != '\0')
              add_accel (set, accels[i], title);
        }
      else if (action != NULL)
        add_action_accels (set, app, action);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_overlay (set, app, child);
}

static void
compare (GHashTable *have, GHashTable *listed)
{
  GHashTableIter iter;
  gpointer accel, where;

  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &accel, &where))
    if (!g_hash_table_contains (listed, accel))
      {
        g_printerr ("# %s (%s) is missing from data/ui/help-overlay.ui\n", (char *) accel,
                    (char *) where);
        failures++;
      }
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &accel, &where))
    if (!g_hash_table_contains (have, accel))
      {
        g_printerr ("# data/ui/help-overlay.ui lists %s (“%s”), which Portada does not have\n",
                    (char *) accel, (char *) where);
        failures++;
      }
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
check_preferences_cb (gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *site_title = NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "PortadaPreferencesWindow"))
      site_title = find_row (GTK_WIDGET (l->data), "Site Title");
  if (site_title == NULL || !gtk_widget_get_mapped (site_title))
    {
      g_printerr ("# app.preferences shows no newsroom settings for the open newsroom\n");
      failures++;
    }
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static gboolean
check_cb (gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  g_autoptr (GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto (GStrv) actions = gtk_application_list_action_descriptions (app);
  GtkShortcutsWindow *overlay;
  GtkIconTheme *theme;

  const char *names[] = { "about", "preferences", "shortcuts", "quit" };
  const char *action_icons[]
      = { "portada-heading-symbolic", "portada-quote-symbolic", "portada-sponsor-symbolic",
          "portada-code-symbolic", "portada-link-symbolic" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), names[i]));
  g_assert_nonnull (window);
  /* The application's icons come with its resources (the About window shows one). */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
  for (guint i = 0; i < G_N_ELEMENTS (action_icons); i++)
    {
      g_autoptr (GtkIconPaintable) icon
          = gtk_icon_theme_lookup_icon (theme, action_icons[i], NULL, 16, 1, GTK_TEXT_DIR_NONE, 0);
      g_autoptr (GFile) file = gtk_icon_paintable_get_file (icon);
      g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

      /* Found in Portada's resources, not replaced by a missing-image icon. */
      g_assert_true (gtk_icon_theme_has_icon (theme, action_icons[i]));
      g_assert_nonnull (uri);
      g_assert_true (g_str_has_prefix (uri, "resource:///io/github/portada/Portada/icons/"));
    }
  g_assert_true (GTK_IS_APPLICATION_WINDOW (window));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  for (guint i = 0; actions[i] != NULL; i++)
    add_action_accels (have, app, actions[i]);
  walk_widgets (have, GTK_WIDGET (window));
  walk_overlay (listed, app, GTK_WIDGET (overlay));

  g_assert_true (g_hash_table_contains (have, "<Control>q"));
  g_assert_true (g_hash_table_contains (have, "<Control>question"));
  compare (have, listed);
  g_print ("# %u shortcuts in the program, %u in the shortcuts window\n", g_hash_table_size (have),
           g_hash_table_size (listed));

  /* app.preferences opens the Preferences on the window's newsroom. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_timeout_add (300, check_preferences_cb, app);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app)
{
  /* Once the window is up and its widgets are built. */
  g_timeout_add (300, check_cb, app);
}

static void
test_every_shortcut_listed (void)
{
  g_autoptr (PortadaApplication) app = portada_application_new ();
  char *argv[] = { (char *) "portada", (char *) "--db", db_path, NULL };

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_cmpint (failures, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("portada-shortcuts-XXXXXX", NULL);
  db_path = g_build_filename (dir, "demo.db", NULL);
  nr = portada_newsroom_open (db_path, PORTADA_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (portada_demo_fill (nr, 3, NULL, NULL, &error));
  g_clear_object (&nr);

  g_test_add_func ("/shortcuts/every-shortcut-listed", test_every_shortcut_listed);
  status = g_test_run ();
  for (const char *suffix = ""; suffix != NULL; suffix = *suffix ? NULL : "-wal")
    {
      g_autofree char *path = g_strconcat (db_path, suffix, NULL);
      g_unlink (path);
    }
  g_free (db_path);
  g_rmdir (dir);
  return status;
}
