/* test-preferences.c: the Preferences window stores what the user applies in the
 * newsroom (and refuses what the core refuses, leaving the stored value alone), and the
 * application's own preferences in GSettings. Runs under Xvfb.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "portada-demo.h"
#include "portada-preferences-window.h"
#include "portada-settings.h"

GResource *portada_get_resource (void);

static char *tmpdir;

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static PortadaNewsroom *
demo_newsroom (void)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("prefs-%d.db", ++n);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (path, PORTADA_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&nr);
}

/* The first row under @root titled @title. */
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

static GtkWidget *
find_expander (GtkWidget *root, const char *subtitle)
{
  if (ADW_IS_EXPANDER_ROW (root)
      && g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (root)), subtitle) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child, subtitle);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
require_row (GtkWidget *root, const char *title)
{
  GtkWidget *row = find_row (root, title);

  if (row == NULL)
    g_error ("no row titled “%s”", title);
  return row;
}

static void
type_and_apply (GtkWidget *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  flush ();
}

static char *
setting (PortadaNewsroom *nr, const char *key)
{
  g_autoptr (GError) error = NULL;
  char *value = portada_settings_get (nr, key, &error);

  g_assert_no_error (error);
  return value;
}

static void
count_cb (PortadaPreferencesWindow *prefs, int *count)
{
  (*count)++;
}

static void
test_site_settings (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  PortadaPreferencesWindow *prefs = portada_preferences_window_new (NULL, nr);
  GtkWidget *base_url = require_row (GTK_WIDGET (prefs), "Base Address");
  GtkWidget *title = require_row (GTK_WIDGET (prefs), "Site Title");
  GtkWidget *subscribe = require_row (GTK_WIDGET (prefs), "Subscribe Form Address");
  g_autofree char *demo_url = setting (nr, PORTADA_SETTING_BASE_URL);
  g_autofree char *value = NULL;
  int changes = 0;

  g_signal_connect (prefs, "newsroom-changed", G_CALLBACK (count_cb), &changes);
  gtk_window_present (GTK_WINDOW (prefs));
  flush ();
  g_assert_true (gtk_widget_get_mapped (title));
  /* The rows show what the newsroom holds. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (base_url)), ==, demo_url);

  type_and_apply (base_url, "https://revista.example.org");
  value = setting (nr, PORTADA_SETTING_BASE_URL);
  g_assert_cmpstr (value, ==, "https://revista.example.org");
  g_assert_false (gtk_widget_has_css_class (base_url, "error"));
  g_assert_cmpint (changes, ==, 1);

  /* Refused: the row says so, the stored value stays. */
  type_and_apply (base_url, "revista sin esquema");
  g_clear_pointer (&value, g_free);
  value = setting (nr, PORTADA_SETTING_BASE_URL);
  g_assert_cmpstr (value, ==, "https://revista.example.org");
  g_assert_true (gtk_widget_has_css_class (base_url, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (base_url));
  g_assert_cmpint (changes, ==, 1);

  type_and_apply (title, "   ");
  g_clear_pointer (&value, g_free);
  value = setting (nr, PORTADA_SETTING_SITE_TITLE);
  g_assert_cmpstr (value, ==, "Portada Magazine");
  type_and_apply (title, "Revista Portada");
  g_clear_pointer (&value, g_free);
  value = setting (nr, PORTADA_SETTING_SITE_TITLE);
  g_assert_cmpstr (value, ==, "Revista Portada");

  type_and_apply (subscribe, "mailto:suscripciones@example.org");
  g_clear_pointer (&value, g_free);
  value = setting (nr, PORTADA_SETTING_SUBSCRIBE_URL);
  g_assert_cmpstr (value, ==, "mailto:suscripciones@example.org");
  type_and_apply (subscribe, "javascript:alert(1)");
  g_clear_pointer (&value, g_free);
  value = setting (nr, PORTADA_SETTING_SUBSCRIBE_URL);
  g_assert_cmpstr (value, ==, "mailto:suscripciones@example.org");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_new_articles_and_close (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  PortadaPreferencesWindow *prefs = portada_preferences_window_new (NULL, nr);
  GtkWidget *author = require_row (GTK_WIDGET (prefs), "Default Author");
  GtkWidget *base_url = require_row (GTK_WIDGET (prefs), "Base Address");
  GtkWidget *comments = require_row (GTK_WIDGET (prefs), "Comments");
  g_autofree char *demo_url = setting (nr, PORTADA_SETTING_BASE_URL);
  g_autofree char *value = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  flush ();
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (comments)) != NULL);
  gtk_switch_set_active (
      GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (comments))), FALSE);
  value = setting (nr, PORTADA_SETTING_COMMENTS_DEFAULT);
  g_assert_cmpstr (value, ==, "false");

  /* Typed but not applied: closing the window stores the valid value, not the other. */
  gtk_editable_set_text (GTK_EDITABLE (author), "Redacción Portada");
  gtk_editable_set_text (GTK_EDITABLE (base_url), "not an address");
  gtk_window_close (GTK_WINDOW (prefs));
  flush ();
  g_clear_pointer (&value, g_free);
  value = setting (nr, PORTADA_SETTING_DEFAULT_AUTHOR);
  g_assert_cmpstr (value, ==, "Redacción Portada");
  g_clear_pointer (&value, g_free);
  value = setting (nr, PORTADA_SETTING_BASE_URL);
  g_assert_cmpstr (value, ==, demo_url);
}

static const char *
language_path (PortadaNewsroom *nr, const char *code)
{
  static char path[64];
  g_autoptr (GPtrArray) languages = portada_languages_list (nr, NULL);

  g_assert_nonnull (languages);
  for (guint i = 0; i < languages->len; i++)
    {
      PortadaLanguage *l = g_ptr_array_index (languages, i);
      if (g_str_equal (l->code, code))
        {
          g_strlcpy (path, l->base_path, sizeof path);
          return path;
        }
    }
  g_assert_not_reached ();
}

static void
test_languages (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  PortadaPreferencesWindow *prefs = portada_preferences_window_new (NULL, nr);
  GtkWidget *es = require_row (GTK_WIDGET (prefs), "Folder of Spanish");
  GtkWidget *default_language = require_row (GTK_WIDGET (prefs), "Default Language");
  g_autofree char *value = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  flush ();
  type_and_apply (es, "pdcc");
  g_assert_cmpstr (language_path (nr, "es"), ==, "pdcc");
  type_and_apply (es, "../fuera");
  g_assert_cmpstr (language_path (nr, "es"), ==, "pdcc");
  g_assert_true (gtk_widget_has_css_class (es, "error"));
  type_and_apply (es, "");
  g_assert_cmpstr (language_path (nr, "es"), ==, "pdcc");
  g_assert_cmpstr (language_path (nr, "en"), ==, "en");

  adw_combo_row_set_selected (ADW_COMBO_ROW (default_language), 1);
  value = setting (nr, PORTADA_SETTING_DEFAULT_LANGUAGE);
  g_assert_cmpstr (value, ==, "es");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_sections (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  PortadaPreferencesWindow *prefs = portada_preferences_window_new (NULL, nr);
  GtkWidget *business = find_expander (GTK_WIDGET (prefs), "business");
  GtkWidget *new_section = require_row (GTK_WIDGET (prefs), "New Section Key");
  g_autoptr (PortadaSection) section = NULL;
  g_autoptr (PortadaSection) added = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *path_es;

  gtk_window_present (GTK_WINDOW (prefs));
  flush ();
  g_assert_nonnull (business);
  path_es = require_row (business, "Path in Spanish");
  type_and_apply (path_es, "noticias/economia");
  section = portada_sections_find (nr, "business", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (portada_section_get_path (section, "es"), ==, "noticias/economia");

  type_and_apply (path_es, "noticias//economia");
  g_clear_pointer (&section, portada_section_free);
  section = portada_sections_find (nr, "business", &error);
  g_assert_cmpstr (portada_section_get_path (section, "es"), ==, "noticias/economia");
  g_assert_true (gtk_widget_has_css_class (path_es, "error"));

  type_and_apply (require_row (business, "Name in Spanish"), "Economía");
  g_clear_pointer (&section, portada_section_free);
  section = portada_sections_find (nr, "business", &error);
  g_assert_cmpstr (portada_section_get_name (section, "es"), ==, "Economía");
  g_assert_cmpstr (portada_section_get_path (section, "es"), ==, "noticias/economia");

  type_and_apply (new_section, "opinion");
  added = portada_sections_find (nr, "opinion", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (portada_section_get_path (added, "es"), ==, "opinion");
  g_assert_nonnull (find_expander (GTK_WIDGET (prefs), "opinion"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_section)), ==, "");

  /* A key taken already, or not a key: refused, and the existing section untouched. */
  type_and_apply (new_section, "business");
  g_assert_true (gtk_widget_has_css_class (new_section, "error"));
  g_clear_pointer (&section, portada_section_free);
  section = portada_sections_find (nr, "business", &error);
  g_assert_cmpstr (portada_section_get_name (section, "es"), ==, "Economía");
  type_and_apply (new_section, "dos palabras");
  g_assert_true (gtk_widget_has_css_class (new_section, "error"));
  g_assert_null (portada_sections_find (nr, "dos palabras", NULL));

  /* Rows rebuilt after the addition still store. */
  business = find_expander (GTK_WIDGET (prefs), "business");
  type_and_apply (require_row (business, "Path in English"), "business-news");
  g_clear_pointer (&section, portada_section_free);
  section = portada_sections_find (nr, "business", &error);
  g_assert_cmpstr (portada_section_get_path (section, "en"), ==, "business-news");
  gtk_window_close (GTK_WINDOW (prefs));
  flush ();
}

static void
test_application_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  PortadaPreferencesWindow *prefs = portada_preferences_window_new (NULL, NULL);
  GtkWidget *layout = require_row (GTK_WIDGET (prefs), "Layout");
  GtkWidget *spell = require_row (GTK_WIDGET (prefs), "Spell-Check Language");
  g_autofree char *value = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  flush ();
  /* Without a newsroom, only the application's page, and it is shown. */
  g_assert_null (find_row (GTK_WIDGET (prefs), "Site Title"));
  g_assert_true (gtk_widget_get_mapped (layout));

  adw_combo_row_set_selected (ADW_COMBO_ROW (layout), 2);
  value = g_settings_get_string (settings, "layout");
  g_assert_cmpstr (value, ==, "preview");
  g_settings_set_string (settings, "layout", "editor");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (layout)), ==, 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (spell), 2);
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "spell-check-language");
  g_assert_cmpstr (value, ==, "es");
  adw_combo_row_set_selected (ADW_COMBO_ROW (spell), 3);
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "spell-check-language");
  g_assert_cmpstr (value, ==, "none");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
remove_tmpdir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmpdir);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* Links the UI resources in, which register themselves. */
  g_assert_nonnull (portada_get_resource ());
  tmpdir = g_dir_make_tmp ("portada-prefs-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/preferences/site", test_site_settings);
  g_test_add_func ("/preferences/new-articles-and-close", test_new_articles_and_close);
  g_test_add_func ("/preferences/languages", test_languages);
  g_test_add_func ("/preferences/sections", test_sections);
  g_test_add_func ("/preferences/application", test_application_settings);
  status = g_test_run ();
  remove_tmpdir ();
  return status;
}
