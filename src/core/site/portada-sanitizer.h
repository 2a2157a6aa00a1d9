/* portada-sanitizer.h: what survives of HTML that comes from a stored field.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses @html with libxml2's HTML parser (no network, no entity loading, no error
 * output) and keeps only an allow-list of elements, attributes and URL schemes:
 * no script, style, iframe, object, embed, form or input, no on* or style
 * attribute, no javascript:/vbscript: URL however it is written, data: only for
 * png/jpeg/gif/webp images. Elements outside the list are unwrapped (their text
 * kept); dangerous ones are dropped with their content. Returns the serialized
 * content of the body, never NULL; invalid UTF-8 is made valid first. */
char *portada_sanitize_html (const char *html);

typedef enum
{
  PORTADA_SANITIZE_DEFAULT = 0,
  /* For a page readers see (the site and the preview): see portada_sanitize_remote_images(). */
  PORTADA_SANITIZE_REMOTE_IMAGES_AS_LINKS = 1 << 0,
} PortadaSanitizeFlags;

char *portada_sanitize_html_full (const char *html, PortadaSanitizeFlags flags);

/* Checks one URL as the sanitizer does: returns it cleaned (surrounding and embedded
 * whitespace/control characters removed) when its scheme is http, https or mailto,
 * when it is relative or a fragment, or, with @image, a data: URL of a png, jpeg, gif
 * or webp image; NULL otherwise. */
char *portada_sanitize_url (const char *url, gboolean image);

/* Whether an image at @url (already checked by portada_sanitize_url) would be
 * loaded from another site: http:, https: or protocol-relative "//host/…". */
gboolean portada_sanitize_url_is_remote (const char *url);

/* The addresses of the remote images in @html, in order (a GPtrArray of strings).
 * The policy, one for the preview and every export: a remote image is never loaded
 * (it may be a tracking pixel, and the preview's Content-Security-Policy blocks it
 * too); with PORTADA_SANITIZE_REMOTE_IMAGES_AS_LINKS (the page renderer's way, for
 * the preview and the site) it is written as a link to the image, its alternative
 * text (or its address) as the link's text, and check and the import summary name
 * it so that the newsroom can import it. */
GPtrArray *portada_sanitize_remote_images (const char *html);

G_END_DECLS
