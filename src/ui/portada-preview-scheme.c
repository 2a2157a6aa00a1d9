/* portada-preview-scheme.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-error.h"
#include "portada-preview-scheme.h"

#define SERVE_KEY "portada-serve"
#define OWNER_KEY "portada-serve-owner"

static void
finish_with (WebKitURISchemeRequest *request, GBytes *bytes, const char *mime_type)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (WebKitURISchemeResponse) response = NULL;
  SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);

  response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (bytes));
  webkit_uri_scheme_response_set_content_type (response, mime_type);
  webkit_uri_scheme_response_set_status (response, 200, NULL);
  /* The headers replace the response's own: the type goes in them too, or nosniff refuses
   * the stylesheet. */
  soup_message_headers_append (headers, "Content-Type", mime_type);
  soup_message_headers_append (headers, "Content-Security-Policy", PORTADA_PREVIEW_CSP);
  soup_message_headers_append (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_append (headers, "Cache-Control", "no-store");
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
handle_request_cb (WebKitURISchemeRequest *request, gpointer user_data)
{
  WebKitWebView *view = webkit_uri_scheme_request_get_web_view (request);
  PortadaPreviewServeFunc serve = view ? g_object_get_data (G_OBJECT (view), SERVE_KEY) : NULL;
  gpointer owner = view ? g_object_get_data (G_OBJECT (view), OWNER_KEY) : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *mime_type = NULL;

  if (serve == NULL || owner == NULL)
    error = g_error_new (PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, "%s",
                         _ ("This page belongs to no preview"));
  else
    bytes = serve (owner, webkit_uri_scheme_request_get_path (request), &mime_type, &error);
  if (bytes == NULL)
    {
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }
  finish_with (request, bytes, mime_type ? mime_type : "application/octet-stream");
}

static WebKitWebContext *context;
static WebKitNetworkSession *session;

WebKitWebContext *
portada_preview_scheme_get_context (void)
{
  WebKitSecurityManager *security;

  if (context)
    return context;
  context = webkit_web_context_new ();
  webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  webkit_web_context_register_uri_scheme (context, "portada", handle_request_cb, NULL, NULL);
  security = webkit_web_context_get_security_manager (context);
  /* Its own origin, treated like a local document: never mixed with web content. */
  webkit_security_manager_register_uri_scheme_as_secure (security, "portada");
  return context;
}

WebKitNetworkSession *
portada_preview_scheme_get_session (void)
{
  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();
  return session;
}

static WebKitSettings *
sealed_settings (void)
{
  WebKitSettings *settings = webkit_settings_new ();

  /* evaluate_javascript() needs JavaScript on; the page's own scripts stay off both by
   * this setting and by the Content-Security-Policy. */
  webkit_settings_set_enable_javascript (settings, TRUE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_javascript_can_access_clipboard (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  return settings;
}

WebKitWebView *
portada_preview_scheme_new_web_view (PortadaPreviewServeFunc serve, gpointer owner)
{
  g_autoptr (WebKitSettings) settings = sealed_settings ();
  WebKitWebView *view;

  view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "web-context", portada_preview_scheme_get_context (),
                       "network-session", portada_preview_scheme_get_session (), "settings",
                       settings, NULL);
  g_object_set_data (G_OBJECT (view), SERVE_KEY, serve);
  g_object_set_data (G_OBJECT (view), OWNER_KEY, owner);
  return view;
}
