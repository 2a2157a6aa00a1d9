/* portada-wordpress-client.c: WordPress's REST API over libsoup.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every request carries the application password (HTTP Basic); redirects are not
 * followed, so that the password never travels to an address the user did not give.
 * Answers are read whole and parsed with json-glib; a failure says what was being
 * done, the HTTP status and WordPress's own message.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "portada-error.h"
#include "portada-wordpress-client.h"

#define TIMEOUT_SECONDS 60

struct _PortadaWpClient
{
  SoupSession *session;
  char *site; /* "https://example.com/blog" */
  char *user;
  char *auth;            /* "Basic ..." */
  gboolean plain_routes; /* the site wants ?rest_route= (no pretty links) */
  char *last_code;
  JsonObject *last_data;
};

PortadaWpClient *
portada_wp_client_new (const char *site_url, const char *user, const char *password)
{
  PortadaWpClient *c = g_new0 (PortadaWpClient, 1);
  g_autofree char *pair = g_strconcat (user, ":", password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

  c->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS, "user-agent",
                                              "Portada/" PACKAGE_VERSION, NULL);
  c->site = g_strdup (site_url);
  c->user = g_strdup (user);
  c->auth = g_strconcat ("Basic ", encoded, NULL);
  memset (pair, 0, strlen (pair));
  return c;
}

void
portada_wp_client_free (PortadaWpClient *c)
{
  if (c == NULL)
    return;
  g_clear_object (&c->session);
  g_free (c->site);
  g_free (c->user);
  if (c->auth)
    memset (c->auth, 0, strlen (c->auth));
  g_free (c->auth);
  g_free (c->last_code);
  g_clear_pointer (&c->last_data, json_object_unref);
  g_free (c);
}

const char *
portada_wp_string (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

const char *
portada_wp_raw (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node && JSON_NODE_HOLDS_OBJECT (node))
    return portada_wp_string (json_node_get_object (node), "raw");
  return portada_wp_string (object, member);
}

const char *
portada_wp_client_last_code (PortadaWpClient *c)
{
  return c->last_code;
}

JsonObject *
portada_wp_client_last_data (PortadaWpClient *c)
{
  return c->last_data;
}

static char *
url_of (PortadaWpClient *c, const char *route, const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (route, "/", FALSE);

  if (c->plain_routes)
    return g_strconcat (c->site, "/?rest_route=", escaped, query ? "&" : "", query ? query : "",
                        NULL);
  return g_strconcat (c->site, "/wp-json", route, query ? "?" : "", query ? query : "", NULL);
}

/* "status: status is not one of publish, future…; date: …" from a 400's data.params. */
static char *
refused_fields (JsonObject *data)
{
  JsonNode *params = data ? json_object_get_member (data, "params") : NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GList) names = NULL;

  if (params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    return NULL;
  names = json_object_get_members (json_node_get_object (params));
  for (GList *l = names; l; l = l->next)
    {
      const char *why = portada_wp_string (json_node_get_object (params), l->data);
      /* TRANSLATORS: a field the site refused, and why */
      g_string_append_printf (out, out->len ? "; %s" : "%s", why ? why : (const char *) l->data);
    }
  return out->len ? g_strdup (out->str) : NULL;
}

static void
set_http_error (PortadaWpClient *c, GError **error, guint status, const char *what,
                JsonObject *answer)
{
  const char *message = portada_wp_string (answer, "message");
  const char *code = portada_wp_string (answer, "code");
  g_autofree char *said = NULL;

  g_clear_pointer (&c->last_code, g_free);
  g_clear_pointer (&c->last_data, json_object_unref);
  c->last_code = g_strdup (code);
  if (answer && json_object_has_member (answer, "data")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (answer, "data")))
    c->last_data = json_object_ref (json_object_get_object_member (answer, "data"));
  said = message ? g_strdup_printf ("%u %s: %s", status, code ? code : "", message)
                 : g_strdup_printf ("%u %s", status, soup_status_get_phrase (status));
  switch (status)
    {
      case 401:
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_AUTH,
                     _ ("%s: the site refused the login of “%s” with this application password "
                        "(%s); check the user name and the application password (in WordPress: "
                        "Users, Profile, Application Passwords)"),
                     c->site, c->user, said);
        return;
      case 403:
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_PERMISSION,
                     _ ("%s: the user “%s” is not allowed %s (%s); ask the site's administrator "
                        "for a role that may"),
                     c->site, c->user, what, said);
        return;
      case 400:
        {
          g_autofree char *fields = refused_fields (c->last_data);
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s: the site refused %s: %s"), c->site, what, fields ? fields : said);
          return;
        }
      case 404:
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                     _ ("%s: not found when trying %s (%s)"), c->site, what, said);
        return;
      default:
        if (SOUP_STATUS_IS_REDIRECTION (status))
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                       _ ("%s: the request %s was redirected (%s); give the site's own address"),
                       c->site, what, said);
        else
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                       _ ("%s: the request %s failed (%s)"), c->site, what, said);
    }
}

static JsonNode *
parse_answer (GBytes *bytes, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0 || !json_parser_load_from_data (parser, data, size, error))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static SoupMessage *
new_message (PortadaWpClient *c, const char *method, const char *route, const char *query,
             JsonNode *body)
{
  g_autofree char *url = url_of (c, route, query);
  SoupMessage *msg = soup_message_new (method, url);
  SoupMessageHeaders *headers;

  if (msg == NULL)
    return NULL;
  soup_message_set_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Authorization", c->auth);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (body)
    {
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      gsize len;
      char *text;
      json_generator_set_root (gen, body);
      text = json_generator_to_data (gen, &len);
      g_autoptr (GBytes) bytes = g_bytes_new_take (text, len);
      soup_message_set_request_body_from_bytes (msg, "application/json; charset=utf-8", bytes);
    }
  return msg;
}

/* Sends @msg and reads its answer: the JSON of a 2xx, an error naming @what otherwise. */
static JsonNode *
send (PortadaWpClient *c, SoupMessage *msg, const char *what, GCancellable *cancellable,
      guint *status_out, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (JsonNode) answer = NULL;
  guint status;

  if (status_out)
    *status_out = 0;
  if (msg == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: not an address WordPress can be reached at"), c->site);
      return NULL;
    }
  bytes = soup_session_send_and_read (c->session, msg, cancellable, &local);
  if (bytes == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED, _ ("%s: cancelled"), c->site);
      else
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_UNREACHABLE,
                     _ ("%s: the site cannot be reached (%s)"), c->site, local->message);
      return NULL;
    }
  status = soup_message_get_status (msg);
  if (status_out)
    *status_out = status;
  answer = parse_answer (bytes, &local);
  if (SOUP_STATUS_IS_SUCCESSFUL (status) && answer)
    return g_steal_pointer (&answer);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: the answer to the request %s is not JSON (%s); is this a WordPress "
                      "site?"),
                   c->site, what, local ? local->message : _ ("empty"));
      return NULL;
    }
  set_http_error (c, error, status, what,
                  answer && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL);
  return NULL;
}

JsonNode *
portada_wp_client_call (PortadaWpClient *c, const char *method, const char *route,
                        const char *query, JsonNode *body, const char *what,
                        GCancellable *cancellable, guint *status_out, GError **error)
{
  g_autoptr (SoupMessage) msg = new_message (c, method, route, query, body);

  return send (c, msg, what, cancellable, status_out, error);
}

JsonNode *
portada_wp_client_upload (PortadaWpClient *c, GBytes *data, const char *mime, const char *filename,
                          const char *what, GCancellable *cancellable, GError **error)
{
  g_autoptr (SoupMessage) msg = new_message (c, "POST", "/wp/v2/media", NULL, NULL);
  g_autoptr (GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);

  if (msg)
    {
      g_hash_table_insert (params, (gpointer) "filename", (gpointer) filename);
      soup_message_headers_set_content_disposition (soup_message_get_request_headers (msg),
                                                    "attachment", params);
      soup_message_set_request_body_from_bytes (msg, mime, data);
    }
  return send (c, msg, what, cancellable, NULL, error);
}

/* The first request: who is logged in. A site without pretty links answers
 * /wp-json/ with its 404 page; ?rest_route= reaches the API there. */
JsonObject *
portada_wp_client_connect (PortadaWpClient *c, GCancellable *cancellable, GError **error)
{
  const char *what = _ ("to read the logged-in user");

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (JsonNode) me = NULL;
      guint status = 0;

      c->plain_routes = attempt == 1;
      me = portada_wp_client_call (c, "GET", "/wp/v2/users/me", "context=edit", NULL, what,
                                   cancellable, &status, &local);
      if (me && JSON_NODE_HOLDS_OBJECT (me))
        return json_object_ref (json_node_get_object (me));
      if (attempt == 0
          && (g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND)
              || (g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_FAILED) && status == 200)))
        continue;
      if (me || g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND)
          || g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_FAILED))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                       _ ("%s: no WordPress REST API answers there (%s)"), c->site,
                       local ? local->message : _ ("not a user"));
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  g_assert_not_reached ();
}
