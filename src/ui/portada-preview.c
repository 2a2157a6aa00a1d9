/* portada-preview.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "portada-markdown.h"
#include "portada-page.h"
#include "portada-preview-scheme.h"
#include "portada-preview.h"
#include "portada-slug.h"
#include "portada-source-map.h"

#define PAGE_PATH "/article"

struct _PortadaPreview
{
  GtkWidget parent_instance;
  GtkLabel *error_label;
  GtkMenuButton *date_button;
  GtkLabel *date_label; /* its label, as wide as the widest date */
  GtkPopover *date_popover;
  GtkCalendar *calendar;
  GtkButton *today_button;
  GtkToggleButton *phone_button;
  GtkBox *frame;
  AdwClamp *clamp;
  WebKitWebView *web_view; /* created after the first frame */
  guint create_id;

  PortadaNewsroom *newsroom;
  PortadaArticle *article; /* the state shown last */
  char *seed_slug;         /* the slug the page had when the article was opened */
  GBytes *page;            /* the whole page as last rendered */
  char *page_uri;          /* what the view loads; nothing else may navigate it */
  guint serial;
  char *date;
  char *error;
  double cursor_fraction;
  GArray *lines;      /* the source map of the body shown: first line of each block */
  double top_line;    /* the editor's top line (and how far into it) to show */
  int followed_block; /* what the last follow showed: a block, -1 the page top */
  gboolean loading;
  gboolean pending; /* an update came while the page was loading */
  gboolean phone;
};

G_DEFINE_FINAL_TYPE (PortadaPreview, portada_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PHONE_WIDTH,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  UPDATED,
  FOLLOWED,
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_error (PortadaPreview *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), message);
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

/* The script that shows the part of the page matching the editor's top line:
 * it marks the body's top-level elements with the first source line of their block
 * (data-source-line; only the preview has them, the exported site never), finds the
 * block holding line L and scrolls its element (and as far into it as L is into the
 * block) to the top of the view. Line 0 shows the top of the page. It answers the
 * index of the block shown, or -1 for the page top. */
/* The page updated in place: only what differs is replaced, so an image that did not
 * change stays on screen (replacing it would blank it until it is decoded again). */
#define MORPH_JS                                                                                   \
  "function portadaMorph(a,b){"                                                                    \
  "if(a.nodeType!=b.nodeType||a.nodeName!=b.nodeName){"                                            \
  "a.replaceWith(document.importNode(b,true));return;}"                                            \
  "if(a.nodeType==3||a.nodeType==8){if(a.data!=b.data)a.data=b.data;return;}"                      \
  "if(a.nodeType!=1)return;"                                                                       \
  "if(a.isEqualNode(b))return;"                                                                    \
  "var i,n;for(i=a.attributes.length-1;i>=0;i--){n=a.attributes[i].name;"                          \
  "if(!b.hasAttribute(n))a.removeAttribute(n);}"                                                   \
  "for(i=0;i<b.attributes.length;i++){n=b.attributes[i];"                                          \
  "if(a.getAttribute(n.name)!==n.value)a.setAttribute(n.name,n.value);}"                           \
  "var x=a.childNodes,y=b.childNodes;"                                                             \
  "for(i=0;i<y.length;i++){if(i<x.length)portadaMorph(x[i],y[i]);"                                 \
  "else a.appendChild(document.importNode(y[i],true));}"                                           \
  "while(x.length>y.length)a.removeChild(a.lastChild);}"

#define FOLLOW_JS                                                                                  \
  "function portadaFollow(lines,L){"                                                               \
  "var b=document.getElementById('portada-body');if(!b)return -1;"                                 \
  "var e=b.children,n=Math.min(e.length,lines.length),i;"                                          \
  "for(i=0;i<n;i++)e[i].setAttribute('data-source-line',lines[i]);"                                \
  "if(n==0||L<Math.max(1,lines[0])){window.scrollTo({top:0,behavior:'instant'});return -1;}"       \
  "for(i=0;i+1<n&&lines[i+1]<=L;)i++;"                                                             \
  "var end=i+1<n?lines[i+1]:Math.max(L+1,lines[i]+1),"                                             \
  "f=Math.min(1,Math.max(0,(L-lines[i])/Math.max(1,end-lines[i]))),"                               \
  "r=e[i].getBoundingClientRect();"                                                                \
  "window.scrollTo({top:Math.max(0,window.scrollY+r.top+f*r.height-12),behavior:'instant'});"      \
  "return i;}"

static GBytes *
serve (gpointer owner, const char *path, char **mime_type, GError **error)
{
  PortadaPreview *self = owner;

  if (g_strcmp0 (path, PAGE_PATH) == 0 && self->page)
    {
      *mime_type = g_strdup ("text/html");
      return g_bytes_ref (self->page);
    }
  if (self->newsroom == NULL || path == NULL || *path != '/')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("Nothing is at “%s”"),
                   path ? path : "");
      return NULL;
    }
  return portada_site_lookup_asset (self->newsroom, path + 1, mime_type, error);
}

static char *
render_page (PortadaPreview *self)
{
  PortadaRenderOptions options = { self->date, PORTADA_ASSETS_PREVIEW };
  g_autoptr (GError) error = NULL;
  char *html = portada_page_render_article (self->newsroom, self->article, &options, &error);

  if (html == NULL)
    {
      g_autofree char *message
          = g_strdup_printf (_ ("The page cannot be shown: %s"), error->message);
      set_error (self, message);
      return NULL;
    }
  set_error (self, NULL);
  return html;
}

static void
load_page (PortadaPreview *self, char *html)
{
  g_clear_pointer (&self->page, g_bytes_unref);
  self->page = g_bytes_new_take (html, strlen (html));
  g_free (self->page_uri);
  self->page_uri = g_strdup_printf ("portada://asset" PAGE_PATH "?v=%u", ++self->serial);
  self->loading = TRUE;
  self->pending = FALSE;
  webkit_web_view_load_uri (self->web_view, self->page_uri);
}

static void
script_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = NULL;
  PortadaPreview *self = user_data;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (value == NULL)
    g_warning ("The preview could not be updated: %s", error->message);
  g_signal_emit (self, signals[UPDATED], 0);
  /* Updates end by following the editor's top line again. */
  if (value && jsc_value_is_number (value))
    {
      self->followed_block = jsc_value_to_int32 (value);
      g_signal_emit (self, signals[FOLLOWED], 0);
    }
  g_object_unref (self);
}

static void
follow_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = NULL;
  PortadaPreview *self = user_data;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value && jsc_value_is_number (value))
    self->followed_block = jsc_value_to_int32 (value);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[FOLLOWED], 0);
  g_object_unref (self);
}

/* The call of portadaFollow() for the body shown and the editor's top line. */
static void
append_follow_call (PortadaPreview *self, GString *script)
{
  char line[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (script, "portadaFollow([");
  for (guint i = 0; self->lines && i < self->lines->len; i++)
    g_string_append_printf (script, "%s%d", i ? "," : "", g_array_index (self->lines, int, i));
  g_ascii_formatd (line, sizeof line, "%.3f", MAX (self->top_line, 0.0));
  g_string_append_printf (script, "],%s)", line);
}

static void
follow_line (PortadaPreview *self)
{
  g_autoptr (GString) script = g_string_new (FOLLOW_JS ";");

  if (self->web_view == NULL || self->loading || self->page_uri == NULL)
    return;
  append_follow_call (self, script);
  webkit_web_view_evaluate_javascript (self->web_view, script->str, -1, NULL, NULL, NULL,
                                       follow_done_cb, g_object_ref (self));
}

static void
run_script (PortadaPreview *self, const char *script)
{
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, NULL, NULL, NULL, script_done_cb,
                                       g_object_ref (self));
}

/* The body replaced in place: no reload, no flash, the scroll position kept, and the
 * view moved only when the edited part would leave it. */
static void
update_body (PortadaPreview *self)
{
  g_autofree char *html = portada_markdown_to_page_html (self->article->body);
  g_autoptr (GString) script
      = g_string_new (FOLLOW_JS MORPH_JS "(function(html){"
                                         "var b=document.getElementById('portada-body');"
                                         "if(!b)return false;var t=b.cloneNode(false);"
                                         "t.innerHTML=html;portadaMorph(b,t);"
                                         "})(");

  append_js_string (script, html);
  g_string_append (script, ");");
  append_follow_call (self, script);
  run_script (self, script->str);
}

/* The whole page again (a field changed), swapped into the document without a reload. */
static void
update_whole_page (PortadaPreview *self)
{
  g_autofree char *html = render_page (self);
  g_autoptr (GString) script = NULL;
  gsize length;

  if (html == NULL)
    return;
  length = strlen (html);
  script
      = g_string_new (FOLLOW_JS MORPH_JS "(function(html){"
                                         "var d=new DOMParser().parseFromString(html,'text/html');"
                                         "portadaMorph(document.body,d.body);"
                                         "document.title=d.title;})(");
  append_js_string (script, html);
  g_string_append (script, ");");
  append_follow_call (self, script);
  /* A reload (a newsroom change, a crash of the web process) shows this state too. */
  g_clear_pointer (&self->page, g_bytes_unref);
  self->page = g_bytes_new_take (g_steal_pointer (&html), length);
  run_script (self, script->str);
}

static void
load_changed_cb (PortadaPreview *self, WebKitLoadEvent event)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  self->loading = FALSE;
  if (self->pending)
    {
      self->pending = FALSE;
      update_whole_page (self);
      return;
    }
  follow_line (self);
}

static void
free_uri (gpointer data, GClosure *closure)
{
  g_free (data);
}

static void
open_link_response_cb (AdwMessageDialog *dialog, const char *response, char *uri)
{
  if (g_strcmp0 (response, "open") == 0)
    gtk_show_uri (gtk_window_get_transient_for (GTK_WINDOW (dialog)), uri, GDK_CURRENT_TIME);
}

/* Web links go to the browser; anything else (mail, telephone, other programs) asks first. */
static void
open_outside (PortadaPreview *self, const char *uri)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autofree char *scheme = g_uri_parse_scheme (uri);
  GtkWidget *dialog;

  if (scheme == NULL || g_ascii_strcasecmp (scheme, "portada") == 0
      || g_ascii_strcasecmp (scheme, "javascript") == 0 || g_ascii_strcasecmp (scheme, "data") == 0)
    return;
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      gtk_show_uri (window, uri, GDK_CURRENT_TIME);
      return;
    }
  dialog = adw_message_dialog_new (window, _ ("Open This Link?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _ ("The link “%s” opens another program."), uri);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "open",
                                    _ ("_Open Link"), NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (open_link_response_cb), g_strdup (uri),
                         free_uri, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_own_page (PortadaPreview *self, const char *uri)
{
  gsize n = self->page_uri ? strlen (self->page_uri) : 0;

  return n && strncmp (uri, self->page_uri, n) == 0 && (uri[n] == '\0' || uri[n] == '#');
}

static gboolean
decide_policy_cb (WebKitWebView *view, WebKitPolicyDecision *decision,
                  WebKitPolicyDecisionType type, PortadaPreview *self)
{
  WebKitNavigationAction *action;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;
  action = webkit_navigation_policy_decision_get_navigation_action (
      WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
      && webkit_navigation_action_get_navigation_type (action)
             != WEBKIT_NAVIGATION_TYPE_FORM_SUBMITTED
      && webkit_navigation_action_get_navigation_type (action)
             != WEBKIT_NAVIGATION_TYPE_FORM_RESUBMITTED
      && is_own_page (self, uri))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }
  webkit_policy_decision_ignore (decision);
  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
    {
      gboolean handled = FALSE;
      g_signal_emit (self, signals[LINK_ACTIVATED], 0, uri, &handled);
      if (!handled)
        open_outside (self, uri);
    }
  return TRUE;
}

/* The preview shows the page; its context menu (reload, inspect, back) would only undo it. */
static gboolean
context_menu_cb (void)
{
  return TRUE;
}

static void
show_date (PortadaPreview *self)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *label = NULL;
  int y, m, d;

  if (self->date && sscanf (self->date, "%d-%d-%d", &y, &m, &d) == 3)
    dt = g_date_time_new_local (y, m, d, 0, 0, 0);
  /* TRANSLATORS: the day the preview is shown as of, see strftime */
  label = dt ? g_date_time_format (dt, _ ("As of %-d %b %Y")) : g_strdup (_ ("Today"));
  gtk_label_set_label (self->date_label, label);
}

/* "Today" and "As of 28 Sep 2026" take the same room: the pane's divider and the
 * buttons beside the date stay where they are when the date changes. */
static void
init_date_label (PortadaPreview *self)
{
  g_autoptr (GDateTime) wide = g_date_time_new_local (2026, 9, 28, 0, 0, 0);
  g_autofree char *longest = g_date_time_format (wide, _ ("As of %-d %b %Y"));
  int chars = MAX (g_utf8_strlen (_ ("Today"), -1), longest ? g_utf8_strlen (longest, -1) : 0);

  self->date_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->date_label, chars + 1);
  gtk_label_set_xalign (self->date_label, 0.5);
  gtk_menu_button_set_child (self->date_button, GTK_WIDGET (self->date_label));
}

static void
day_selected_cb (PortadaPreview *self)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  portada_preview_set_date (self, date);
}

static void
today_cb (PortadaPreview *self)
{
  portada_preview_set_date (self, NULL);
  gtk_popover_popdown (self->date_popover);
}

static void
phone_toggled_cb (PortadaPreview *self)
{
  portada_preview_set_phone_width (self, gtk_toggle_button_get_active (self->phone_button));
}

static void
portada_preview_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PortadaPreview *self = PORTADA_PREVIEW (object);

  switch (prop_id)
    {
      case PROP_PHONE_WIDTH:
        g_value_set_boolean (value, self->phone);
        break;
      case PROP_DATE:
        g_value_set_string (value, self->date);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
portada_preview_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  PortadaPreview *self = PORTADA_PREVIEW (object);

  switch (prop_id)
    {
      case PROP_PHONE_WIDTH:
        portada_preview_set_phone_width (self, g_value_get_boolean (value));
        break;
      case PROP_DATE:
        portada_preview_set_date (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
portada_preview_dispose (GObject *object)
{
  PortadaPreview *self = PORTADA_PREVIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->create_id, g_source_remove);
  if (self->web_view)
    {
      g_object_set_data (G_OBJECT (self->web_view), "portada-serve-owner", NULL);
      self->web_view = NULL;
    }
  g_clear_object (&self->newsroom);
  g_clear_pointer (&self->article, portada_article_free);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->seed_slug, g_free);
  g_clear_pointer (&self->page, g_bytes_unref);
  g_clear_pointer (&self->page_uri, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->error, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_PREVIEW);
  /* Template children that are not bound are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_preview_parent_class)->dispose (object);
}

static void
portada_preview_class_init (PortadaPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = portada_preview_dispose;
  object_class->get_property = portada_preview_get_property;
  object_class->set_property = portada_preview_set_property;
  properties[PROP_PHONE_WIDTH]
      = g_param_spec_boolean ("phone-width", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE]
      = g_param_spec_string ("date", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* A link of the page was clicked; returning TRUE stops it opening outside. */
  signals[LINK_ACTIVATED] = g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, g_signal_accumulator_true_handled,
                                          NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
  /* The view was scrolled to the editor's top line (see get_followed_block()). */
  signals[FOLLOWED] = g_signal_new ("followed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/portada/Portada/ui/portada-preview.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "preview");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaPreview, name)
  BIND (error_label);
  BIND (date_button);
  BIND (date_popover);
  BIND (calendar);
  BIND (today_button);
  BIND (phone_button);
  BIND (frame);
#undef BIND
}

/* The web view (and WebKit's processes) come after the window's first frame, so that
 * starting Portada never waits for them. */
static void
ensure_web_view (PortadaPreview *self)
{
  char *html;

  if (self->web_view)
    return;
  self->web_view = portada_preview_scheme_new_web_view (serve, self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  adw_clamp_set_child (self->clamp, GTK_WIDGET (self->web_view));
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self, 0);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), NULL);
  if (self->article && self->newsroom && (html = render_page (self)))
    load_page (self, html);
}

static gboolean
create_web_view_cb (gpointer user_data)
{
  PortadaPreview *self = user_data;

  self->create_id = 0;
  ensure_web_view (self);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock, PortadaPreview *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  g_debug ("preview: first paint");
  if (self->web_view == NULL && self->create_id == 0)
    self->create_id = g_idle_add (create_web_view_cb, self);
}

static void
preview_mapped_cb (PortadaPreview *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_debug ("preview mapped, clock %p", clock);
  if (self->web_view == NULL && clock)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_paint_cb), self, 0);
}

static void
portada_preview_init (PortadaPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->followed_block = -1;
  /* The clamp narrows the page to a phone's width on demand. */
  self->clamp = ADW_CLAMP (adw_clamp_new ());
  adw_clamp_set_maximum_size (self->clamp, G_MAXINT / 2);
  adw_clamp_set_tightening_threshold (self->clamp, G_MAXINT / 2);
  gtk_widget_set_hexpand (GTK_WIDGET (self->clamp), TRUE);
  gtk_box_append (self->frame, GTK_WIDGET (self->clamp));
  g_signal_connect (self, "map", G_CALLBACK (preview_mapped_cb), NULL);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->today_button, "clicked", G_CALLBACK (today_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_button, "toggled", G_CALLBACK (phone_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  init_date_label (self);
  show_date (self);
}

PortadaPreview *
portada_preview_new (void)
{
  return g_object_new (PORTADA_TYPE_PREVIEW, NULL);
}

void
portada_preview_set_newsroom (PortadaPreview *self, PortadaNewsroom *newsroom)
{
  g_return_if_fail (PORTADA_IS_PREVIEW (self));
  if (!g_set_object (&self->newsroom, newsroom))
    return;
  g_clear_pointer (&self->article, portada_article_free);
}

void
portada_preview_show_article (PortadaPreview *self, const PortadaArticle *article,
                              gboolean whole_page, double cursor_fraction)
{
  gboolean other;
  char *html;

  g_return_if_fail (PORTADA_IS_PREVIEW (self));
  g_return_if_fail (article != NULL);
  if (self->newsroom == NULL)
    return;
  other = self->article == NULL || g_strcmp0 (self->article->uuid, article->uuid) != 0;
  g_clear_pointer (&self->article, portada_article_free);
  self->article = portada_article_copy (article);
  self->cursor_fraction = cursor_fraction;
  /* The sponsor strips are shuffled with the page's address and the date as the seed.
   * The address of an unpublished article follows its title: typing the title would
   * reshuffle them at every key. The preview keeps the address it opened with. */
  if (other)
    {
      g_free (self->seed_slug);
      self->seed_slug = article->slug && *article->slug
                            ? g_strdup (article->slug)
                            : portada_slug_from_title (article->title ? article->title : "");
    }
  if (self->seed_slug && *self->seed_slug)
    {
      g_free (self->article->slug);
      self->article->slug = g_strdup (self->seed_slug);
    }
  g_clear_pointer (&self->lines, g_array_unref);
  self->lines = portada_markdown_block_lines (article->body);
  if (self->web_view == NULL)
    return;
  if (other || self->page_uri == NULL)
    {
      html = render_page (self);
      if (html)
        load_page (self, html);
    }
  else if (self->loading)
    self->pending = TRUE;
  else if (whole_page)
    update_whole_page (self);
  else
    update_body (self);
}

void
portada_preview_set_date (PortadaPreview *self, const char *date)
{
  g_return_if_fail (PORTADA_IS_PREVIEW (self));
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  show_date (self);
  if (self->article && self->web_view && !self->loading)
    update_whole_page (self);
  else if (self->article && self->web_view)
    self->pending = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
portada_preview_get_date (PortadaPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_PREVIEW (self), NULL);
  return self->date;
}

void
portada_preview_set_phone_width (PortadaPreview *self, gboolean phone)
{
  g_return_if_fail (PORTADA_IS_PREVIEW (self));
  phone = !!phone;
  if (self->phone == phone)
    return;
  self->phone = phone;
  gtk_toggle_button_set_active (self->phone_button, phone);
  adw_clamp_set_maximum_size (self->clamp, phone ? PORTADA_PREVIEW_PHONE_WIDTH : G_MAXINT / 2);
  adw_clamp_set_tightening_threshold (self->clamp,
                                      phone ? PORTADA_PREVIEW_PHONE_WIDTH : G_MAXINT / 2);
  if (phone)
    gtk_widget_add_css_class (GTK_WIDGET (self->frame), "phone");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->frame), "phone");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE_WIDTH]);
}

gboolean
portada_preview_get_phone_width (PortadaPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_PREVIEW (self), FALSE);
  return self->phone;
}

WebKitWebView *
portada_preview_get_web_view (PortadaPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_PREVIEW (self), NULL);
  ensure_web_view (self);
  return self->web_view;
}

const char *
portada_preview_get_error (PortadaPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_PREVIEW (self), NULL);
  return self->error;
}

void
portada_preview_follow_line (PortadaPreview *self, double line)
{
  g_return_if_fail (PORTADA_IS_PREVIEW (self));
  if (line == self->top_line)
    return;
  self->top_line = line;
  follow_line (self);
}

int
portada_preview_get_followed_block (PortadaPreview *self)
{
  g_return_val_if_fail (PORTADA_IS_PREVIEW (self), -1);
  return self->followed_block;
}
