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

/* Checks one URL as the sanitizer does: returns it cleaned (surrounding and embedded
 * whitespace/control characters removed) when its scheme is http, https or mailto,
 * when it is relative or a fragment, or, with @image, a data: URL of a png, jpeg, gif
 * or webp image; NULL otherwise. */
char *portada_sanitize_url (const char *url, gboolean image);

G_END_DECLS
