/* portada-preferences-window.c: the newsroom's settings and the application's own.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-language-name.h"
#include "portada-preferences-window.h"
#include "portada-settings.h"

struct _PortadaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  PortadaNewsroom *newsroom;
  GSettings *settings;
  GPtrArray *languages;    /* PortadaLanguage, in the newsroom's order */
  GPtrArray *sections;     /* PortadaSection */
  GPtrArray *entry_rows;   /* every AdwEntryRow that stores a value, for close */
  GPtrArray *section_rows; /* the rows added to sections_group */
  GPtrArray *language_rows;
  gboolean loading;

  AdwPreferencesPage *newsroom_page;
  AdwPreferencesPage *app_page;
  AdwEntryRow *site_title_row;
  AdwEntryRow *base_url_row;
  AdwEntryRow *subscribe_url_row;
  AdwEntryRow *comments_url_row;
  AdwEntryRow *reading_threshold_row;
  AdwEntryRow *default_author_row;
  GtkSwitch *comments_switch;
  AdwPreferencesGroup *languages_group;
  AdwComboRow *default_language_row;
  AdwPreferencesGroup *sections_group;
  AdwEntryRow *new_section_row;
  AdwComboRow *layout_row;
  GtkSwitch *phone_width_switch;
  AdwComboRow *spell_row;
};

G_DEFINE_FINAL_TYPE (PortadaPreferencesWindow, portada_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  NEWSROOM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef gboolean (*ApplyFunc) (PortadaPreferencesWindow *self, AdwEntryRow *row, GError **error);

static void
show_toast (PortadaPreferencesWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
row_set_error (AdwEntryRow *row, const GError *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), error ? error->message : NULL);
}

/* The text stored for @row, to tell an edit still to apply from one already stored. */
static void
row_set_stored (AdwEntryRow *row, const char *text)
{
  g_object_set_data_full (G_OBJECT (row), "portada-stored", g_strdup (text ? text : ""), g_free);
}

static void
row_load (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  row_set_stored (row, text);
  row_set_error (row, NULL);
}

static gboolean
row_is_edited (AdwEntryRow *row)
{
  const char *stored = g_object_get_data (G_OBJECT (row), "portada-stored");

  return g_strcmp0 (stored, gtk_editable_get_text (GTK_EDITABLE (row))) != 0;
}

static void
entry_apply_cb (AdwEntryRow *row, PortadaPreferencesWindow *self)
{
  ApplyFunc apply = g_object_get_data (G_OBJECT (row), "portada-apply");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (!apply (self, row, &error))
    {
      row_set_error (row, error);
      show_toast (self, error->message);
      return;
    }
  row_set_error (row, NULL);
  row_set_stored (row, text);
  g_signal_emit (self, signals[NEWSROOM_CHANGED], 0);
}

static void
entry_changed_cb (AdwEntryRow *row, PortadaPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "portada-setting");
  g_autoptr (GError) error = NULL;

  /* Only a hint while typing: the value is checked again, and stored, on apply. */
  if (key != NULL && !self->loading)
    {
      portada_settings_check (key, gtk_editable_get_text (GTK_EDITABLE (row)), &error);
      row_set_error (row, error);
    }
}

static void
watch_entry (PortadaPreferencesWindow *self, AdwEntryRow *row, ApplyFunc apply)
{
  g_object_set_data (G_OBJECT (row), "portada-apply", apply);
  g_signal_connect_object (row, "apply", G_CALLBACK (entry_apply_cb), self, 0);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  g_ptr_array_add (self->entry_rows, g_object_ref (row));
}

/* Site and new articles: one setting a row. */

static gboolean
apply_setting (PortadaPreferencesWindow *self, AdwEntryRow *row, GError **error)
{
  const char *key = g_object_get_data (G_OBJECT (row), "portada-setting");

  return portada_settings_set (self->newsroom, key, gtk_editable_get_text (GTK_EDITABLE (row)),
                               error);
}

static void
load_setting_row (PortadaPreferencesWindow *self, AdwEntryRow *row, const char *key)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = portada_settings_get (self->newsroom, key, &error);

  if (error != NULL)
    show_toast (self, error->message);
  g_object_set_data (G_OBJECT (row), "portada-setting", (gpointer) key);
  row_load (row, value);
}

static void
comments_cb (GtkSwitch *sw, GParamSpec *pspec, PortadaPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return;
  if (!portada_settings_set (self->newsroom, PORTADA_SETTING_COMMENTS_DEFAULT,
                             gtk_switch_get_active (sw) ? "true" : "false", &error))
    show_toast (self, error->message);
  else
    g_signal_emit (self, signals[NEWSROOM_CHANGED], 0);
}

/* Languages: the base path of each, and which one is the default. */

static gboolean
apply_language (PortadaPreferencesWindow *self, AdwEntryRow *row, GError **error)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "portada-index"));
  PortadaLanguage *language = g_ptr_array_index (self->languages, index);
  PortadaLanguage edited = *language;

  edited.base_path = (char *) gtk_editable_get_text (GTK_EDITABLE (row));
  if (!portada_languages_save (self->newsroom, &edited, (int) index, error))
    return FALSE;
  g_free (language->base_path);
  language->base_path = g_strdup (edited.base_path);
  return TRUE;
}

static void
default_language_cb (AdwComboRow *row, GParamSpec *pspec, PortadaPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  PortadaLanguage *language;
  g_autoptr (GError) error = NULL;

  if (self->loading || selected >= self->languages->len)
    return;
  language = g_ptr_array_index (self->languages, selected);
  if (!portada_settings_set (self->newsroom, PORTADA_SETTING_DEFAULT_LANGUAGE, language->code,
                             &error))
    show_toast (self, error->message);
  else
    g_signal_emit (self, signals[NEWSROOM_CHANGED], 0);
}

/* Removes the rows made for a list (languages, sections) and forgets their entry rows,
 * which are tagged with @tag. */
static void
remove_rows (PortadaPreferencesWindow *self, AdwPreferencesGroup *group, GPtrArray *rows,
             const char *tag)
{
  for (guint i = self->entry_rows->len; i > 0; i--)
    if (g_object_get_data (g_ptr_array_index (self->entry_rows, i - 1), tag) != NULL)
      g_ptr_array_remove_index (self->entry_rows, i - 1);
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
load_languages (PortadaPreferencesWindow *self, const char *default_code)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  remove_rows (self, self->languages_group, self->language_rows, "portada-language");
  for (guint i = 0; i < self->languages->len; i++)
    {
      PortadaLanguage *language = g_ptr_array_index (self->languages, i);
      g_autofree char *title = NULL;
      AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

      /* Translators: the title of the row holding a language's folder in the site's
       * addresses; %s is the language's name, such as "Español". */
      title = g_strdup_printf (_ ("Folder of %s"), portada_language_sentence_name (language));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_entry_row_set_show_apply_button (row, TRUE);
      g_object_set_data (G_OBJECT (row), "portada-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (row), "portada-language", language);
      row_load (row, language->base_path);
      watch_entry (self, row, apply_language);
      adw_preferences_group_add (self->languages_group, GTK_WIDGET (row));
      g_ptr_array_add (self->language_rows, row);
      gtk_string_list_append (names, portada_language_display_name (language));
      if (g_strcmp0 (language->code, default_code) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->default_language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->default_language_row, selected);
}

/* Sections: a name and a path in every language. */

static gboolean
apply_section_label (PortadaPreferencesWindow *self, AdwEntryRow *row, GError **error)
{
  PortadaSection *section = g_object_get_data (G_OBJECT (row), "portada-section");
  const char *lang = g_object_get_data (G_OBJECT (row), "portada-lang");
  gboolean is_path = g_object_get_data (G_OBJECT (row), "portada-is-path") != NULL;
  g_autofree char *old_name = g_strdup (portada_section_get_name (section, lang));
  g_autofree char *old_path = g_strdup (portada_section_get_path (section, lang));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  portada_section_set_label (section, lang, is_path ? old_name : text, is_path ? text : old_path);
  if (portada_sections_save (self->newsroom, section, error))
    return TRUE;
  portada_section_set_label (section, lang, old_name, old_path);
  return FALSE;
}

static AdwEntryRow *
section_label_row (PortadaPreferencesWindow *self, PortadaSection *section,
                   PortadaLanguage *language, gboolean is_path)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_autofree char *title = NULL;

  /* Translators: %s is a language's name, such as "Español". */
  title = g_strdup_printf (is_path ? _ ("Path in %s") : _ ("Name in %s"),
                           portada_language_sentence_name (language));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data (G_OBJECT (row), "portada-section", section);
  g_object_set_data_full (G_OBJECT (row), "portada-lang", g_strdup (language->code), g_free);
  g_object_set_data (G_OBJECT (row), "portada-is-path", is_path ? row : NULL);
  row_load (row, is_path ? portada_section_get_path (section, language->code)
                         : portada_section_get_name (section, language->code));
  watch_entry (self, row, apply_section_label);
  return row;
}

static void
load_sections (PortadaPreferencesWindow *self, const char *default_code)
{
  remove_rows (self, self->sections_group, self->section_rows, "portada-section");
  for (guint i = 0; i < self->sections->len; i++)
    {
      PortadaSection *section = g_ptr_array_index (self->sections, i);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     portada_section_get_name (section, default_code));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), section->key);
      for (guint l = 0; l < self->languages->len; l++)
        {
          PortadaLanguage *language = g_ptr_array_index (self->languages, l);
          adw_expander_row_add_row (
              ADW_EXPANDER_ROW (expander),
              GTK_WIDGET (section_label_row (self, section, language, FALSE)));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    GTK_WIDGET (section_label_row (self, section, language, TRUE)));
        }
      adw_preferences_group_add (self->sections_group, expander);
      g_ptr_array_add (self->section_rows, expander);
    }
}

static gboolean
load_newsroom (PortadaPreferencesWindow *self, GError **error)
{
  g_autofree char *default_code = NULL;
  g_autofree char *comments = NULL;

  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->languages = portada_languages_list (self->newsroom, error);
  if (self->languages == NULL)
    return FALSE;
  self->sections = portada_sections_list (self->newsroom, error);
  if (self->sections == NULL)
    return FALSE;
  default_code = portada_settings_get (self->newsroom, PORTADA_SETTING_DEFAULT_LANGUAGE, error);
  if (default_code == NULL)
    return FALSE;
  comments = portada_settings_get (self->newsroom, PORTADA_SETTING_COMMENTS_DEFAULT, error);
  if (comments == NULL)
    return FALSE;

  self->loading = TRUE;
  load_setting_row (self, self->site_title_row, PORTADA_SETTING_SITE_TITLE);
  load_setting_row (self, self->base_url_row, PORTADA_SETTING_BASE_URL);
  load_setting_row (self, self->subscribe_url_row, PORTADA_SETTING_SUBSCRIBE_URL);
  load_setting_row (self, self->comments_url_row, PORTADA_SETTING_COMMENTS_URL);
  load_setting_row (self, self->reading_threshold_row, PORTADA_SETTING_READING_TIME_THRESHOLD);
  load_setting_row (self, self->default_author_row, PORTADA_SETTING_DEFAULT_AUTHOR);
  gtk_switch_set_active (self->comments_switch, g_str_equal (comments, "true"));
  load_languages (self, default_code);
  load_sections (self, default_code);
  row_load (self->new_section_row, "");
  self->loading = FALSE;
  return TRUE;
}

static gboolean
apply_new_section (PortadaPreferencesWindow *self, AdwEntryRow *row, GError **error)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (PortadaSection) existing = portada_sections_find (self->newsroom, key, NULL);
  g_autoptr (PortadaSection) section = NULL;
  g_autofree char *message = NULL;

  if (existing != NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("There is already a section “%s”"), key);
      return FALSE;
    }
  section = portada_section_new (key);
  /* Until the user names it, the section is called and reached by its key everywhere. */
  for (guint i = 0; i < self->languages->len; i++)
    portada_section_set_label (
        section, ((PortadaLanguage *) g_ptr_array_index (self->languages, i))->code, key, key);
  if (!portada_sections_save (self->newsroom, section, error))
    return FALSE;
  if (!load_newsroom (self, error))
    return FALSE;
  message = g_strdup_printf (_ ("Section “%s” added"), key);
  show_toast (self, message);
  return TRUE;
}

/* The application's own settings. */

static gboolean
get_index_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *const *values = user_data;
  const char *current = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_str_equal (values[i], current))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
set_index_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char *const *values = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) values))
    return NULL;
  return g_variant_new_string (values[index]);
}

static void
bind_app_settings (PortadaPreferencesWindow *self)
{
  /* The values of the layout and spell-check keys, in the order of the rows' items. */
  static const char *const layouts[] = { "side-by-side", "editor", "preview", NULL };
  static const char *const spells[] = { "", "en", "es", "none", NULL };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema
      = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    {
      g_warning ("The GSettings schema %s is not installed; the application's preferences "
                 "are hidden",
                 APP_ID);
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->app_page);
      return;
    }
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "layout", self->layout_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_index_mapping, set_index_mapping,
                                (gpointer) layouts, NULL);
  g_settings_bind_with_mapping (self->settings, "spell-check-language", self->spell_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_index_mapping, set_index_mapping,
                                (gpointer) spells, NULL);
  g_settings_bind (self->settings, "preview-phone-width", self->phone_width_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static gboolean
portada_preferences_window_close_request (GtkWindow *window)
{
  PortadaPreferencesWindow *self = PORTADA_PREFERENCES_WINDOW (window);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->entry_rows->len; i++)
    g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (self->entry_rows, i)));

  /* What the user typed and did not apply yet is applied on the way out (the new-section
   * row only on purpose, never by closing). A value that fails its check stays unstored. */
  for (guint i = 0; self->newsroom && i < rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (rows, i);
      if (row != self->new_section_row && row_is_edited (row))
        g_signal_emit_by_name (row, "apply");
    }
  return GTK_WINDOW_CLASS (portada_preferences_window_parent_class)->close_request (window);
}

static void
portada_preferences_window_dispose (GObject *object)
{
  PortadaPreferencesWindow *self = PORTADA_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (portada_preferences_window_parent_class)->dispose (object);
}

static void
portada_preferences_window_finalize (GObject *object)
{
  PortadaPreferencesWindow *self = PORTADA_PREFERENCES_WINDOW (object);

  g_clear_object (&self->newsroom);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->entry_rows, g_ptr_array_unref);
  g_clear_pointer (&self->section_rows, g_ptr_array_unref);
  g_clear_pointer (&self->language_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (portada_preferences_window_parent_class)->finalize (object);
}

static void
portada_preferences_window_class_init (PortadaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = portada_preferences_window_dispose;
  object_class->finalize = portada_preferences_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = portada_preferences_window_close_request;

  signals[NEWSROOM_CHANGED] = g_signal_new ("newsroom-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, newsroom_page);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, app_page);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, site_title_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, subscribe_url_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, comments_url_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow,
                                        reading_threshold_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, default_author_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, comments_switch);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, languages_group);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow,
                                        default_language_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, sections_group);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, new_section_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, phone_width_switch);
  gtk_widget_class_bind_template_child (widget_class, PortadaPreferencesWindow, spell_row);
}

static void
portada_preferences_window_init (PortadaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entry_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->section_rows = g_ptr_array_new ();
  self->language_rows = g_ptr_array_new ();
  bind_app_settings (self);
}

PortadaPreferencesWindow *
portada_preferences_window_new (GtkWindow *parent, PortadaNewsroom *newsroom)
{
  PortadaPreferencesWindow *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (newsroom == NULL || PORTADA_IS_NEWSROOM (newsroom), NULL);

  self = g_object_new (PORTADA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal",
                       parent != NULL, NULL);
  if (newsroom == NULL)
    {
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->newsroom_page);
      /* Removing the visible page leaves none visible: show the one that is left. */
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), self->app_page);
      return self;
    }
  self->newsroom = g_object_ref (newsroom);
  watch_entry (self, self->site_title_row, apply_setting);
  watch_entry (self, self->base_url_row, apply_setting);
  watch_entry (self, self->subscribe_url_row, apply_setting);
  watch_entry (self, self->comments_url_row, apply_setting);
  watch_entry (self, self->reading_threshold_row, apply_setting);
  watch_entry (self, self->default_author_row, apply_setting);
  watch_entry (self, self->new_section_row, apply_new_section);
  g_signal_connect_object (self->comments_switch, "notify::active", G_CALLBACK (comments_cb), self,
                           0);
  g_signal_connect_object (self->default_language_row, "notify::selected",
                           G_CALLBACK (default_language_cb), self, 0);
  if (!load_newsroom (self, &error))
    show_toast (self, error->message);
  return self;
}
