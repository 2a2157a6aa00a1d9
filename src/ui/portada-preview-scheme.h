/* portada-preview-scheme.h: the portada: URI scheme the preview's pages come from.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

/* What every preview response carries: nothing from the network, no script of the page's
 * own, no form posts, no frames, no plugins. The window still updates the page through
 * webkit_web_view_evaluate_javascript(), which the policy does not govern. */
#define PORTADA_PREVIEW_CSP                                                                        \
  "default-src 'none'; img-src portada: data:; style-src portada: 'unsafe-inline'; "               \
  "font-src portada: data:; script-src 'none'; form-action 'none'; frame-src 'none'; "             \
  "frame-ancestors 'none'; connect-src 'none'; object-src 'none'; media-src 'none'; "              \
  "worker-src 'none'; manifest-src 'none'; base-uri 'none'"

/* Serves a request of a web view: fills @mime_type, returns the bytes, or NULL with @error. */
typedef GBytes *(*PortadaPreviewServeFunc) (gpointer owner, const char *path, char **mime_type,
                                            GError **error);

/* The one web context of the application, with the portada: scheme registered, and the
 * ephemeral network session of its views. */
WebKitWebContext *portada_preview_scheme_get_context (void);
WebKitNetworkSession *portada_preview_scheme_get_session (void);

/* A web view of that context whose portada: requests @serve answers for @owner. */
WebKitWebView *portada_preview_scheme_new_web_view (PortadaPreviewServeFunc serve, gpointer owner);

G_END_DECLS
