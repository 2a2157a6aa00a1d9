/* portada-wordpress-media.h: the newsroom's images on a WordPress site (private).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"
#include "portada-wordpress-client.h"

G_BEGIN_DECLS

/* The attachment on @site of image @media_id: uploaded to /wp/v2/media the first
 * time (with its alt text and caption), the same one after. On failure, @fatal says
 * whether the newsroom failed (rather than the site refusing the image). */
gboolean portada_wp_media_get (PortadaNewsroom *newsroom, PortadaWpClient *client, const char *site,
                               gint64 media_id, gint64 *wp_id, char **url,
                               GCancellable *cancellable, gboolean *fatal, GError **error);

/* @html with each body image ("media/<sha256>") pointing at its attachment on the
 * site, uploaded when it is not there yet. */
char *portada_wp_media_resolve_body (PortadaNewsroom *newsroom, PortadaWpClient *client,
                                     const char *site, const char *html, GCancellable *cancellable,
                                     gboolean *fatal, GError **error);

G_END_DECLS
