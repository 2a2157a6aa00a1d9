/* portada-window.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-articles.h"
#include "portada-settings.h"
#include "portada-trash.h"
#include "portada-window-private.h"

G_DEFINE_FINAL_TYPE (PortadaWindow, portada_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_LAYOUT,
  PROP_NEWSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
layout_nick (PortadaLayout layout)
{
  GEnumClass *klass = g_type_class_peek (PORTADA_TYPE_LAYOUT);
  GEnumValue *value = g_enum_get_value (klass, layout);

  return value ? value->value_nick : "side-by-side";
}

static void
set_layout_nick (PortadaWindow *self, const char *nick)
{
  GEnumClass *klass = g_type_class_peek (PORTADA_TYPE_LAYOUT);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (value)
    portada_article_editor_set_layout (self->editor, value->value);
}

static void
editor_layout_changed_cb (PortadaWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

static void
remember_article (PortadaWindow *self)
{
  const PortadaArticle *article = portada_article_editor_get_article (self->editor);

  if (article == NULL || self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "last-article", article->uuid);
  g_settings_set_int (self->settings, "last-cursor",
                      MAX (0, portada_article_editor_get_cursor (self->editor)));
}

static void
show_editor_page (PortadaWindow *self)
{
  gboolean has = portada_article_editor_get_article (self->editor) != NULL;

  gtk_stack_set_visible_child_name (self->editor_stack, has ? "editor" : "empty");
  portada_window_update_actions (self);
}

/* What the window list and the task switcher show: the article (or page) and the newsroom,
 * "Title — Newsroom". */
static void
update_window_title (PortadaWindow *self)
{
  const PortadaArticle *article = portada_article_editor_get_article (self->editor);
  g_autofree char *site = NULL;
  g_autofree char *newsroom = NULL;
  g_autofree char *title = NULL;
  const char *what = NULL;

  if (self->newsroom == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Portada"));
      return;
    }
  site = portada_settings_get (self->newsroom, PORTADA_SETTING_SITE_TITLE, NULL);
  newsroom = site && *site
                 ? g_strdup (site)
                 : g_filename_display_basename (portada_newsroom_get_path (self->newsroom));
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sponsors") == 0)
    what = _ ("Sponsors");
  else if (article)
    what = article->title && *article->title ? article->title : _ ("Untitled");
  title = what ? g_strdup_printf ("%s — %s", what, newsroom) : g_strdup (newsroom);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
article_selected_cb (PortadaWindow *self, gint64 id)
{
  portada_window_open_article (self, id);
}

static void
editor_saved_cb (PortadaWindow *self, const PortadaArticle *article)
{
  /* The editor saves what is left when the window goes away, after the list did. */
  if (self->article_list == NULL)
    return;
  portada_article_model_update (portada_article_list_get_model (self->article_list), article);
  remember_article (self);
  update_window_title (self);
}

static void
editor_open_article_cb (PortadaWindow *self, gint64 id)
{
  if (portada_window_open_article (self, id))
    portada_article_list_show_selected (self->article_list, id);
}

/* The main menu without its first section (the article's actions), for the Sponsors
 * view: what is on screen there is no article. Made from the menu of the template, so
 * the two never differ otherwise. */
static GMenuModel *
menu_without_articles (GMenuModel *menu)
{
  GMenu *out = g_menu_new ();

  for (int i = 1; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section)
        g_menu_append_section (out, NULL, section);
    }
  return G_MENU_MODEL (out);
}

static void
update_menu (PortadaWindow *self, gboolean articles)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (self->menu_button);

  if (menu == NULL)
    return;
  if (g_object_get_data (G_OBJECT (self), "portada-articles-menu") == NULL)
    {
      g_object_set_data_full (G_OBJECT (self), "portada-articles-menu", g_object_ref (menu),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (self), "portada-sponsors-menu",
                              menu_without_articles (menu), g_object_unref);
    }
  gtk_menu_button_set_menu_model (
      self->menu_button, g_object_get_data (G_OBJECT (self), articles ? "portada-articles-menu"
                                                                      : "portada-sponsors-menu"));
}

static void
main_page_changed_cb (PortadaWindow *self)
{
  gboolean newsroom
      = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "newsroom") == 0;
  gboolean articles
      = newsroom
        && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sponsors") != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), articles);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), articles);
  gtk_widget_set_visible (GTK_WIDGET (self->details_button), articles);
  gtk_widget_set_visible (GTK_WIDGET (self->layout_button), articles);
  update_menu (self, articles || !newsroom);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, newsroom);
  update_window_title (self);
}

static void
save_window_state (PortadaWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
}

/* Closing never asks "save changes?": what is pending is stored now. */
static gboolean
portada_window_close_request (GtkWindow *window)
{
  PortadaWindow *self = PORTADA_WINDOW (window);
  g_autoptr (GError) error = NULL;

  if (!portada_article_editor_save (self->editor, &error))
    g_warning ("The article could not be saved on closing: %s", error->message);
  remember_article (self);
  save_window_state (self);
  return GTK_WINDOW_CLASS (portada_window_parent_class)->close_request (window);
}

static void
portada_window_dispose (GObject *object)
{
  PortadaWindow *self = PORTADA_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_WINDOW);
  g_clear_pointer (&self->deleted, portada_deleted_article_free);
  if (self->newsroom)
    {
      portada_newsroom_unwatch (self->newsroom);
      g_signal_handlers_disconnect_by_data (self->newsroom, self);
    }
  g_clear_object (&self->newsroom);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (portada_window_parent_class)->dispose (object);
}

static void
portada_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PortadaWindow *self = PORTADA_WINDOW (object);

  switch (prop_id)
    {
      case PROP_LAYOUT:
        g_value_set_string (
            value, self->editor ? layout_nick (portada_article_editor_get_layout (self->editor))
                                : "side-by-side");
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
portada_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PortadaWindow *self = PORTADA_WINDOW (object);

  switch (prop_id)
    {
      case PROP_LAYOUT:
        set_layout_nick (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
portada_window_class_init (PortadaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = portada_window_dispose;
  object_class->get_property = portada_window_get_property;
  object_class->set_property = portada_window_set_property;
  /* The editor's layout by name, for the win.layout radio action. */
  properties[PROP_LAYOUT]
      = g_param_spec_string ("layout", NULL, NULL, "side-by-side",
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The newsroom open, for the Preferences window. */
  properties[PROP_NEWSROOM] = g_param_spec_object ("newsroom", NULL, NULL, PORTADA_TYPE_NEWSROOM,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  GTK_WINDOW_CLASS (klass)->close_request = portada_window_close_request;

  g_type_class_ref (PORTADA_TYPE_LAYOUT);
  g_type_ensure (PORTADA_TYPE_ARTICLE_LIST);
  g_type_ensure (PORTADA_TYPE_ARTICLE_EDITOR);
  g_type_ensure (PORTADA_TYPE_SPONSORS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/portada/Portada/ui/portada-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaWindow, name)
  BIND (toast_overlay);
  BIND (header_bar);
  BIND (sidebar_button);
  BIND (new_button);
  BIND (switcher_title);
  BIND (menu_button);
  BIND (details_button);
  BIND (layout_button);
  BIND (main_stack);
  BIND (view_stack);
  BIND (sidebar_flap);
  BIND (article_list);
  BIND (editor_stack);
  BIND (editor);
  BIND (problem_page);
  BIND (sponsors_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, article_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_open_article_cb);
  gtk_widget_class_bind_template_callback (widget_class, main_page_changed_cb);
  portada_window_class_init_actions (widget_class);
}

/* For bench/: the moment the first frame with the newsroom is on screen, in the
 * monotonic clock (shared between processes), when PORTADA_REPORT_STARTUP is set. */
static void
first_frame_cb (GdkFrameClock *clock, PortadaWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  g_debug ("startup: first frame");
  g_printerr ("portada-first-frame %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (),
              gtk_stack_get_visible_child_name (self->main_stack));
}

static void
window_mapped_cb (PortadaWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock && g_getenv ("PORTADA_REPORT_STARTUP"))
    g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), self);
}

static void
bind_settings (PortadaWindow *self)
{
  g_settings_bind (self->settings, "show-sidebar", self->sidebar_flap, "reveal-flap",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-details", self->editor, "show-details",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "layout", self->editor, "layout", G_SETTINGS_BIND_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
portada_window_init (PortadaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->sidebar_flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->editor, "show-details", self->details_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->editor, "notify::layout", G_CALLBACK (editor_layout_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* The article buttons of the header bar leave with the Articles page. */
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (main_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
  g_signal_connect_object (self->editor, "notify::has-article", G_CALLBACK (update_window_title),
                           self, G_CONNECT_SWAPPED);
  main_page_changed_cb (self);
  portada_window_update_actions (self);
}

static void
restore_last_article (PortadaWindow *self)
{
  g_autofree char *uuid = g_settings_get_string (self->settings, "last-article");
  g_autoptr (PortadaArticle) article = NULL;
  g_autoptr (GPtrArray) first = NULL;
  PortadaArticleQuery all = PORTADA_ARTICLE_QUERY_INIT;
  gint64 id = 0;
  int cursor = 0;

  if (*uuid)
    article = portada_articles_load_by_uuid (self->newsroom, uuid, NULL);
  if (article)
    {
      id = article->id;
      cursor = g_settings_get_int (self->settings, "last-cursor");
    }
  else if ((first = portada_articles_list (self->newsroom, &all, 0, 1, NULL)) && first->len)
    id = ((PortadaArticleSummary *) g_ptr_array_index (first, 0))->id;
  if (id == 0 || !portada_window_open_article (self, id))
    return;
  portada_article_list_show_selected (self->article_list, id);
  portada_article_editor_place_cursor (self->editor, cursor);
  portada_article_editor_focus_body (self->editor);
}

/* Another program (a second window, `portada import`, sqlite3) committed to the file:
 * the list and the sponsors are read again where they stand; the article open in
 * the editor is left as it is, whatever the writer is typing. */
static void
newsroom_changed_cb (PortadaWindow *self)
{
  g_autoptr (GError) error = NULL;

  g_debug ("the newsroom file changed in another program");
  portada_article_list_refresh (self->article_list);
  if (!portada_sponsors_view_refresh (self->sponsors_view, &error))
    portada_window_toast (self, error->message);
}

static void
show_newsroom (PortadaWindow *self)
{
  g_autofree char *title = portada_settings_get (self->newsroom, PORTADA_SETTING_SITE_TITLE, NULL);
  g_autofree char *path = g_filename_display_name (portada_newsroom_get_path (self->newsroom));
  g_autoptr (GError) error = NULL;

  adw_view_switcher_title_set_title (self->switcher_title, title ? title : _ ("Portada"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, path);
  update_window_title (self);
  g_debug ("startup: newsroom open");
  portada_article_editor_set_newsroom (self->editor, self->newsroom);
  g_debug ("startup: editor ready");
  portada_article_list_set_newsroom (self->article_list, self->newsroom);
  g_debug ("startup: list ready");
  if (!portada_sponsors_view_set_newsroom (self->sponsors_view, self->newsroom, &error))
    portada_window_toast (self, error->message);
  g_debug ("startup: sponsors ready");
  g_signal_connect_object (self->newsroom, "changed", G_CALLBACK (newsroom_changed_cb), self,
                           G_CONNECT_SWAPPED);
  portada_newsroom_watch (self->newsroom);
  gtk_stack_set_visible_child_name (self->main_stack, "newsroom");
  restore_last_article (self);
  g_debug ("startup: article shown");
  show_editor_page (self);
}

gboolean
portada_window_open_newsroom (PortadaWindow *self, const char *path, gboolean create)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (PORTADA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  absolute = g_canonicalize_filename (path, NULL);
  newsroom = portada_newsroom_open (absolute, create ? PORTADA_OPEN_CREATE : PORTADA_OPEN_DEFAULT,
                                    &error);
  if (newsroom == NULL)
    {
      g_autofree char *name = g_filename_display_basename (absolute);
      g_autofree char *title = g_strdup_printf (_ ("“%s” Cannot Be Opened"), name);
      portada_window_show_problem (self, title, error->message);
      return FALSE;
    }
  /* What has been in the Trash for 30 days goes for good. */
  if (portada_trash_empty_expired (newsroom, &error) < 0)
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }
  /* The newsroom being left keeps everything typed into it. */
  portada_article_editor_save (self->editor, NULL);
  remember_article (self);
  portada_article_editor_forget (self->editor);
  if (self->newsroom)
    {
      portada_newsroom_unwatch (self->newsroom);
      g_signal_handlers_disconnect_by_data (self->newsroom, self);
    }
  g_set_object (&self->newsroom, newsroom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWSROOM]);
  if (self->settings)
    {
      g_autofree char *old = g_settings_get_string (self->settings, "last-newsroom");
      if (g_strcmp0 (old, absolute) != 0)
        {
          g_settings_set_string (self->settings, "last-article", "");
          g_settings_set_string (self->settings, "last-newsroom", absolute);
        }
    }
  show_newsroom (self);
  return TRUE;
}

PortadaWindow *
portada_window_new (PortadaApplication *app, const char *db_path)
{
  PortadaWindow *self;

  g_debug ("startup: building the window");
  self = g_object_new (PORTADA_TYPE_WINDOW, "application", app, NULL);
  g_autofree char *last = NULL;

  g_debug ("startup: window built");
  self->settings = portada_application_get_settings (app);
  if (self->settings)
    {
      g_object_ref (self->settings);
      bind_settings (self);
      last = g_settings_get_string (self->settings, "last-newsroom");
    }
  if (db_path == NULL && last && *last)
    db_path = last;
  if (db_path)
    portada_window_open_newsroom (self, db_path, FALSE);
  else
    portada_window_show_problem (self, _ ("Welcome to Portada"),
                                 _ ("Open a newsroom file, or create a new one."));
  return self;
}

gboolean
portada_window_open_article (PortadaWindow *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  const PortadaArticle *current = portada_article_editor_get_article (self->editor);

  g_return_val_if_fail (PORTADA_IS_WINDOW (self), FALSE);
  if (current && current->id == id)
    return TRUE;
  if (!portada_article_editor_load (self->editor, id, &error))
    {
      portada_window_toast (self, error->message);
      if (current)
        portada_article_list_show_selected (self->article_list, current->id);
      return FALSE;
    }
  remember_article (self);
  show_editor_page (self);
  update_window_title (self);
  return TRUE;
}

void
portada_window_toast (PortadaWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_debug ("toast: %s", message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
portada_window_show_problem (PortadaWindow *self, const char *title, const char *message)
{
  g_return_if_fail (PORTADA_IS_WINDOW (self));
  adw_status_page_set_icon_name (self->problem_page, self->newsroom || self->settings == NULL
                                                         ? "dialog-warning-symbolic"
                                                         : "x-office-document-symbolic");
  adw_status_page_set_title (self->problem_page, title);
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
  adw_view_switcher_title_set_title (self->switcher_title, _ ("Portada"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  portada_window_update_actions (self);
}

PortadaNewsroom *
portada_window_get_newsroom (PortadaWindow *self)
{
  g_return_val_if_fail (PORTADA_IS_WINDOW (self), NULL);
  return self->newsroom;
}

GtkWidget *
portada_window_get_editor (PortadaWindow *self)
{
  g_return_val_if_fail (PORTADA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->editor);
}

GtkWidget *
portada_window_get_article_list (PortadaWindow *self)
{
  g_return_val_if_fail (PORTADA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->article_list);
}

const char *
portada_window_get_page (PortadaWindow *self)
{
  g_return_val_if_fail (PORTADA_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

void
portada_window_newsroom_changed (PortadaWindow *self)
{
  g_autofree char *title = NULL;

  g_return_if_fail (PORTADA_IS_WINDOW (self));
  if (self->newsroom == NULL)
    return;
  title = portada_settings_get (self->newsroom, PORTADA_SETTING_SITE_TITLE, NULL);
  adw_view_switcher_title_set_title (self->switcher_title, title ? title : _ ("Portada"));
  update_window_title (self);
  portada_article_editor_refresh_choices (self->editor);
  portada_article_list_refresh_choices (self->article_list);
}
