/* portada-wordpress-client.h: WordPress's REST API over libsoup (private).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _PortadaWpClient PortadaWpClient;

/* A client of the site at @site_url ("https://example.com/blog"), logging in as @user
 * with an application password (HTTP Basic on every request). */
PortadaWpClient *portada_wp_client_new (const char *site_url, const char *user,
                                        const char *password);
void portada_wp_client_free (PortadaWpClient *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaWpClient, portada_wp_client_free)

/* Finds the REST API (/wp-json/, else ?rest_route= for a site without pretty links)
 * and checks the login; returns the logged-in user (context=edit: with its roles and
 * capabilities). Fails with PORTADA_ERROR_UNREACHABLE, PORTADA_ERROR_AUTH or
 * PORTADA_ERROR_NOT_FOUND (no WordPress REST API there). */
JsonObject *portada_wp_client_connect (PortadaWpClient *client, GCancellable *cancellable,
                                       GError **error);

/* One request: @method on @route ("/wp/v2/posts") with @query ("a=b&c=d", NULL for
 * none) and @body (a JSON object, NULL for none). Returns the answer's JSON when the
 * site says 2xx. Otherwise the error names @what (a phrase such as "creating the post
 * “Title”") and the site's own message: PORTADA_ERROR_AUTH (401),
 * PORTADA_ERROR_PERMISSION (403), PORTADA_ERROR_NOT_FOUND (404), PORTADA_ERROR_INVALID
 * (400: the refused fields named), PORTADA_ERROR_UNREACHABLE (no answer), and
 * PORTADA_ERROR_FAILED for the rest. @status, when not NULL, gets the HTTP status (0
 * without an answer). */
JsonNode *portada_wp_client_call (PortadaWpClient *client, const char *method, const char *route,
                                  const char *query, JsonNode *body, const char *what,
                                  GCancellable *cancellable, guint *status, GError **error);

/* Uploads an image to /wp/v2/media as WordPress's own uploader does (the bytes as
 * the body, with @mime and @filename); the new attachment as the site answered it, or
 * an error as for portada_wp_client_call(). */
JsonNode *portada_wp_client_upload (PortadaWpClient *client, GBytes *data, const char *mime,
                                    const char *filename, const char *what,
                                    GCancellable *cancellable, GError **error);

/* The site's error code in a 4xx answer ("term_exists"), and its data, as the last
 * failed call left them; NULL when there was none. */
const char *portada_wp_client_last_code (PortadaWpClient *client);
JsonObject *portada_wp_client_last_data (PortadaWpClient *client);

/* Helpers on answers: a member's text, or of its "raw" (context=edit) member. */
const char *portada_wp_string (JsonObject *object, const char *member);
const char *portada_wp_raw (JsonObject *object, const char *member);

G_END_DECLS
