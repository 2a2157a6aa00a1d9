/* portada-sponsors-preview.c
 *
 * The page comes from the core's renderer (the one the export uses) through the
 * window's portada: scheme, under its Content-Security-Policy. The first page is
 * loaded; later changes (a list reordered, a weight, a date) replace the body in
 * place through evaluate_javascript, so the view keeps its scroll position and
 * does not flash. Choosing another strip or language loads the page anew.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-page.h"
#include "portada-placement.h"
#include "portada-preview-scheme.h"
#include "portada-settings.h"
#include "portada-sponsors-contract.h"
#include "portada-sponsors-labels.h"
#include "portada-sponsors-preview.h"

#define PAGE_PATH "/sponsors-preview"

struct _PortadaSponsorsPreview
{
  GtkWidget parent_instance;
  GtkDropDown *show_dropdown;
  GtkStringList *show_names;
  GtkDropDown *lang_dropdown;
  GtkStringList *lang_names;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  GtkLabel *error_label;
  GtkBox *view_box;

  PortadaSponsorsModel *model;
  WebKitWebView *web_view;
  GArray *placement_ids; /* the show menu's positions: 0 (the whole page), then each strip */
  GPtrArray *lang_codes; /* the language menu's positions */
  gint64 placement_id;
  char *lang;
  char *date; /* NULL: the model's today */
  char *error;
  GBytes *page;
  guint page_serial; /* of the page URI, so each load is a new one */
  guint serial;      /* pages shown */
  guint render_source;
  gboolean must_load; /* the next page is loaded, not swapped in */
  gboolean filling;   /* the menus are being filled: their signals are not the user's */
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsPreview, portada_sponsors_preview, GTK_TYPE_WIDGET)

enum
{
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void render_soon (PortadaSponsorsPreview *self);

static void
set_error (PortadaSponsorsPreview *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), message);
}

static const char *
today_of (PortadaSponsorsPreview *self)
{
  return self->date ? self->date : portada_sponsors_model_get_today (self->model);
}

static GBytes *
serve (gpointer owner, const char *path, char **mime_type, GError **error)
{
  PortadaSponsorsPreview *self = owner;

  if (g_strcmp0 (path, PAGE_PATH) == 0 && self->page)
    {
      *mime_type = g_strdup ("text/html");
      return g_bytes_ref (self->page);
    }
  if (self->model == NULL || path == NULL || *path != '/')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("Nothing is at “%s”"),
                   path ? path : "");
      return NULL;
    }
  return portada_site_lookup_asset (portada_sponsors_model_get_newsroom (self->model), path + 1,
                                    mime_type, error);
}

/* The page the whole-page preview shows: the newest published article of the
 * language, or its newest article of any status. */
static PortadaArticle *
sample_article (PortadaSponsorsPreview *self, GError **error)
{
  PortadaNewsroom *newsroom = portada_sponsors_model_get_newsroom (self->model);
  PortadaArticleQuery query = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GPtrArray) found = NULL;

  query.lang = self->lang;
  query.status = PORTADA_STATUS_PUBLISHED;
  found = portada_articles_list (newsroom, &query, 0, 1, error);
  if (found && found->len == 0)
    {
      query.status = PORTADA_STATUS_ANY;
      g_clear_pointer (&found, g_ptr_array_unref);
      found = portada_articles_list (newsroom, &query, 0, 1, error);
    }
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                           _ ("There is no article in this language to show the page with"));
      return NULL;
    }
  return portada_articles_load (
      newsroom, ((PortadaArticleSummary *) g_ptr_array_index (found, 0))->id, error);
}

static PortadaPlacement *
find_placement (PortadaSponsorsPreview *self, GError **error)
{
  g_autoptr (GPtrArray) placements
      = portada_placements_list (portada_sponsors_model_get_newsroom (self->model), error);

  for (guint i = 0; placements && i < placements->len; i++)
    if (((PortadaPlacement *) g_ptr_array_index (placements, i))->id == self->placement_id)
      return g_ptr_array_steal_index (placements, i);
  if (placements)
    g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                         _ ("This strip is no longer on the page"));
  return NULL;
}

static char *
render (PortadaSponsorsPreview *self, GError **error)
{
  PortadaNewsroom *newsroom = portada_sponsors_model_get_newsroom (self->model);
  PortadaRenderOptions options = { today_of (self), PORTADA_ASSETS_PREVIEW };

  if (self->placement_id != 0)
    {
      g_autoptr (PortadaPlacement) placement = find_placement (self, error);
      return placement
                 ? portada_page_render_strip (newsroom, placement, self->lang, &options, error)
                 : NULL;
    }
  else
    {
      g_autoptr (PortadaArticle) article = sample_article (self, error);
      return article ? portada_page_render_article (newsroom, article, &options, error) : NULL;
    }
}

static void
shown (PortadaSponsorsPreview *self)
{
  self->serial++;
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
load_changed_cb (WebKitWebView *view, WebKitLoadEvent event, PortadaSponsorsPreview *self)
{
  if (event == WEBKIT_LOAD_FINISHED)
    shown (self);
}

static gboolean
load_failed_cb (WebKitWebView *view, WebKitLoadEvent event, const char *uri, GError *error,
                PortadaSponsorsPreview *self)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED))
    return FALSE;
  message = g_strdup_printf (_ ("The page cannot be shown: %s"), error->message);
  set_error (self, message);
  return FALSE;
}

static void
script_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PortadaSponsorsPreview) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value == NULL)
    {
      /* Swapping failed (the page was still loading, say): load it instead. */
      self->must_load = TRUE;
      render_soon (self);
      return;
    }
  shown (self);
}

/* A JavaScript string literal holding @text. */
static void
append_js_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20 || c == '<')
        g_string_append_printf (out, "\\u%04x", c);
      else if (c == 0xE2 && (guchar) p[1] == 0x80
               && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
        {
          /* U+2028 and U+2029 end a line in older JavaScript. */
          g_string_append (out, (guchar) p[2] == 0xA8 ? "\\u2028" : "\\u2029");
          p += 2;
        }
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
swap_in (PortadaSponsorsPreview *self, const char *html)
{
  g_autoptr (GString) script
      = g_string_new ("(function(h){var d=new DOMParser().parseFromString(h,'text/html');"
                      "document.body.replaceWith(document.adoptNode(d.body));return true;})(");

  append_js_string (script, html);
  g_string_append_c (script, ')');
  webkit_web_view_evaluate_javascript (self->web_view, script->str, -1, NULL, NULL, NULL,
                                       script_done_cb, g_object_ref (self));
}

static void
render_now (PortadaSponsorsPreview *self)
{
  g_autoptr (GError) error = NULL;
  char *html;

  g_clear_handle_id (&self->render_source, g_source_remove);
  if (self->model == NULL || self->web_view == NULL || self->lang == NULL)
    return;
  html = render (self, &error);
  if (html == NULL)
    {
      g_autofree char *message
          = g_strdup_printf (_ ("The page cannot be shown: %s"), error->message);
      set_error (self, message);
      return;
    }
  set_error (self, NULL);
  g_clear_pointer (&self->page, g_bytes_unref);
  self->page = g_bytes_new_take (html, strlen (html));
  if (self->must_load || webkit_web_view_is_loading (self->web_view))
    {
      g_autofree char *uri
          = g_strdup_printf ("portada://asset" PAGE_PATH "?v=%u", ++self->page_serial);
      self->must_load = FALSE;
      webkit_web_view_load_uri (self->web_view, uri);
    }
  else
    swap_in (self, html);
}

static gboolean
render_cb (gpointer user_data)
{
  PortadaSponsorsPreview *self = user_data;

  self->render_source = 0;
  render_now (self);
  return G_SOURCE_REMOVE;
}

static void
render_soon (PortadaSponsorsPreview *self)
{
  g_clear_handle_id (&self->render_source, g_source_remove);
  self->render_source = g_timeout_add (PORTADA_SPONSORS_PREVIEW_DELAY_MS, render_cb, self);
}

/* "Whole Page", "Header", "Sidebar 2"...: what the show menu offers. */
static void
fill_show_menu (PortadaSponsorsPreview *self)
{
  g_autoptr (GPtrArray) placements
      = portada_placements_list (portada_sponsors_model_get_newsroom (self->model), NULL);
  g_autoptr (GHashTable) per_slot = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) strings = NULL;
  gint64 whole = 0;
  guint selected = 0;

  g_array_set_size (self->placement_ids, 0);
  g_array_append_val (self->placement_ids, whole);
  g_strv_builder_add (names, _ ("Whole Page"));
  for (guint i = 0; placements && i < placements->len; i++)
    {
      const PortadaPlacement *p = g_ptr_array_index (placements, i);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (per_slot, p->slot));
      g_autofree char *label = portada_sponsors_placement_label (p, index);

      g_hash_table_insert (per_slot, p->slot, GUINT_TO_POINTER (index + 1));
      g_array_append_val (self->placement_ids, p->id);
      g_strv_builder_add (names, label);
      if (p->id == self->placement_id)
        selected = self->placement_ids->len - 1;
    }
  strings = g_strv_builder_end (names);
  self->filling = TRUE;
  gtk_string_list_splice (self->show_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->show_names)),
                          (const char *const *) strings);
  gtk_drop_down_set_selected (self->show_dropdown, selected);
  self->filling = FALSE;
  if (selected == 0 && self->placement_id != 0)
    {
      self->placement_id = 0;
      self->must_load = TRUE;
    }
}

static void
fill_lang_menu (PortadaSponsorsPreview *self)
{
  PortadaNewsroom *newsroom = portada_sponsors_model_get_newsroom (self->model);
  g_autoptr (GPtrArray) languages = portada_languages_list (newsroom, NULL);
  guint selected = 0;

  if (self->lang == NULL)
    self->lang = portada_settings_get (newsroom, PORTADA_SETTING_DEFAULT_LANGUAGE, NULL);
  g_ptr_array_set_size (self->lang_codes, 0);
  self->filling = TRUE;
  gtk_string_list_splice (self->lang_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->lang_names)), NULL);
  for (guint i = 0; languages && i < languages->len; i++)
    {
      const PortadaLanguage *l = g_ptr_array_index (languages, i);
      g_ptr_array_add (self->lang_codes, g_strdup (l->code));
      gtk_string_list_append (self->lang_names, l->name);
      if (g_strcmp0 (l->code, self->lang) == 0)
        selected = i;
    }
  gtk_drop_down_set_selected (self->lang_dropdown, selected);
  self->filling = FALSE;
}

static void
show_date (PortadaSponsorsPreview *self)
{
  GDate date;
  char text[64] = "";
  g_autofree char *label = NULL;

  if (portada_contract_parse_date (today_of (self), &date))
    g_date_strftime (text, sizeof text, "%e %b %Y", &date);
  /* Translators: the preview's date button: "As of 28 Nov 2026". */
  label = self->date ? g_strdup_printf (_ ("As of %s"), g_strchug (text)) : g_strdup (_ ("Today"));
  gtk_menu_button_set_label (self->date_button, label);
}

static void
show_selected_cb (PortadaSponsorsPreview *self)
{
  guint i = gtk_drop_down_get_selected (self->show_dropdown);

  if (self->filling || i >= self->placement_ids->len)
    return;
  portada_sponsors_preview_set_placement (self, g_array_index (self->placement_ids, gint64, i));
}

static void
lang_selected_cb (PortadaSponsorsPreview *self)
{
  guint i = gtk_drop_down_get_selected (self->lang_dropdown);

  if (self->filling || i >= self->lang_codes->len)
    return;
  portada_sponsors_preview_set_lang (self, g_ptr_array_index (self->lang_codes, i));
}

static void
day_selected_cb (PortadaSponsorsPreview *self)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  portada_sponsors_preview_set_date (self, date);
}

static void
today_clicked_cb (PortadaSponsorsPreview *self)
{
  portada_sponsors_preview_set_date (self, NULL);
  gtk_menu_button_popdown (self->date_button);
}

static void
model_changed_cb (PortadaSponsorsPreview *self, guint what)
{
  if (what & (PORTADA_SPONSORS_CHANGED_PLACEMENTS | PORTADA_SPONSORS_CHANGED_LISTS))
    fill_show_menu (self);
  render_soon (self);
}

/* The web view (and its web process) is made when the preview is first shown. */
/* The view shows its own sample page and nothing else: a click on a sponsor's logo
 * opens the sponsor's site in the browser, a form or a script's navigation goes
 * nowhere. */
static gboolean
decide_policy_cb (WebKitWebView *view, WebKitPolicyDecision *decision,
                  WebKitPolicyDecisionType type, PortadaSponsorsPreview *self)
{
  WebKitNavigationAction *action;
  WebKitNavigationType how;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;
  action = webkit_navigation_policy_decision_get_navigation_action (
      WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  how = webkit_navigation_action_get_navigation_type (action);
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION && how == WEBKIT_NAVIGATION_TYPE_OTHER
      && g_str_has_prefix (uri, "portada://asset" PAGE_PATH "?"))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }
  webkit_policy_decision_ignore (decision);
  if (how == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED
      && (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://")))
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
  return TRUE;
}

static void
ensure_web_view (PortadaSponsorsPreview *self)
{
  if (self->web_view)
    return;
  self->web_view = portada_preview_scheme_new_web_view (serve, self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self, 0);
  g_signal_connect_object (self->web_view, "load-failed", G_CALLBACK (load_failed_cb), self, 0);
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self, 0);
  gtk_box_append (self->view_box, GTK_WIDGET (self->web_view));
  self->must_load = TRUE;
}

static void
portada_sponsors_preview_map (GtkWidget *widget)
{
  PortadaSponsorsPreview *self = PORTADA_SPONSORS_PREVIEW (widget);

  GTK_WIDGET_CLASS (portada_sponsors_preview_parent_class)->map (widget);
  if (self->model && self->web_view == NULL)
    {
      ensure_web_view (self);
      render_now (self);
    }
}

static void
portada_sponsors_preview_dispose (GObject *object)
{
  PortadaSponsorsPreview *self = PORTADA_SPONSORS_PREVIEW (object);

  g_clear_handle_id (&self->render_source, g_source_remove);
  if (self->web_view)
    {
      /* A request still in flight finds no owner. */
      g_object_set_data (G_OBJECT (self->web_view), "portada-serve-owner", NULL);
      self->web_view = NULL;
    }
  g_clear_object (&self->model);
  g_clear_pointer (&self->page, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_PREVIEW);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_sponsors_preview_parent_class)->dispose (object);
}

static void
portada_sponsors_preview_finalize (GObject *object)
{
  PortadaSponsorsPreview *self = PORTADA_SPONSORS_PREVIEW (object);

  g_array_unref (self->placement_ids);
  g_ptr_array_unref (self->lang_codes);
  g_free (self->lang);
  g_free (self->date);
  g_free (self->error);
  G_OBJECT_CLASS (portada_sponsors_preview_parent_class)->finalize (object);
}

static void
portada_sponsors_preview_class_init (PortadaSponsorsPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = portada_sponsors_preview_dispose;
  object_class->finalize = portada_sponsors_preview_finalize;
  widget_class->map = portada_sponsors_preview_map;

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-preview.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsPreview, name)
  BIND (show_dropdown);
  BIND (show_names);
  BIND (lang_dropdown);
  BIND (lang_names);
  BIND (date_button);
  BIND (calendar);
  BIND (error_label);
  BIND (view_box);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, show_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, lang_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
portada_sponsors_preview_init (PortadaSponsorsPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->placement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->lang_codes = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
portada_sponsors_preview_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_PREVIEW, NULL);
}

void
portada_sponsors_preview_set_model (PortadaSponsorsPreview *self, PortadaSponsorsModel *model)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self));
  g_return_if_fail (PORTADA_IS_SPONSORS_MODEL (model));
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  g_clear_pointer (&self->lang, g_free);
  self->placement_id = 0;
  self->must_load = TRUE;
  g_signal_connect_object (model, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  fill_show_menu (self);
  fill_lang_menu (self);
  show_date (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      ensure_web_view (self);
      render_now (self);
    }
}

void
portada_sponsors_preview_set_placement (PortadaSponsorsPreview *self, gint64 id)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self));
  if (self->placement_id == id)
    return;
  self->placement_id = id;
  for (guint i = 0; i < self->placement_ids->len; i++)
    if (g_array_index (self->placement_ids, gint64, i) == id)
      {
        self->filling = TRUE;
        gtk_drop_down_set_selected (self->show_dropdown, i);
        self->filling = FALSE;
      }
  self->must_load = TRUE;
  render_now (self);
}

gint64
portada_sponsors_preview_get_placement (PortadaSponsorsPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self), 0);
  return self->placement_id;
}

void
portada_sponsors_preview_set_lang (PortadaSponsorsPreview *self, const char *lang)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self));
  g_return_if_fail (lang != NULL);
  if (g_strcmp0 (self->lang, lang) == 0)
    return;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  for (guint i = 0; i < self->lang_codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->lang_codes, i), lang))
      {
        self->filling = TRUE;
        gtk_drop_down_set_selected (self->lang_dropdown, i);
        self->filling = FALSE;
      }
  self->must_load = TRUE;
  render_now (self);
}

void
portada_sponsors_preview_set_date (PortadaSponsorsPreview *self, const char *date)
{
  GDate parsed;

  g_return_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self));
  g_return_if_fail (date == NULL || portada_contract_parse_date (date, &parsed));
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  show_date (self);
  render_now (self);
}

const char *
portada_sponsors_preview_get_date (PortadaSponsorsPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self), NULL);
  return today_of (self);
}

WebKitWebView *
portada_sponsors_preview_get_web_view (PortadaSponsorsPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self), NULL);
  return self->web_view;
}

guint
portada_sponsors_preview_get_serial (PortadaSponsorsPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self), 0);
  return self->serial;
}

const char *
portada_sponsors_preview_get_error (PortadaSponsorsPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PREVIEW (self), NULL);
  return self->error;
}
