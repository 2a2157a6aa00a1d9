/* safe-html.h: does a page, or a piece of one, hold anything that could run,
 * load from elsewhere or send a form? The judge of the hostile-input tests and
 * of the fuzzers, written apart from the sanitizer it judges.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL when @html is safe, else what is wrong (free it). Checks the markup as
 * libxml2 reads it (elements, event attributes, URLs by scheme, style) and the
 * raw text (any "<script", an event attribute in any tag), so a difference
 * between parsers does not hide anything. */
char *safe_html_problem (const char *html, gsize len);

/* Stricter, for what a user wrote (a rendered body, a sanitized piece of HTML):
 * no form either. A page may hold the theme's comment form. */
char *safe_fragment_problem (const char *html, gsize len);

/* The same for an SVG document (XML). */
char *safe_svg_problem (const char *svg, gsize len);

/* NULL when @url is a URL a page may link to or load (http, https, mailto, tel,
 * relative, fragment; data: images only when @image), else why. */
char *safe_url_problem (const char *url, gboolean image);

G_END_DECLS
