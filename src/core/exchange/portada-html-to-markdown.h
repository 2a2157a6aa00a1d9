/* portada-html-to-markdown.h: HTML (a WordPress post body) to Markdown.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses @html with libxml2's HTML parser (no network, no entity loading) and
 * writes CommonMark (plus tables and strikethrough): paragraphs, headings,
 * emphasis, links, images, lists (nested), quotes, code, tables, rules. What has
 * no Markdown form is kept as sanitized inline or block HTML (figures, definition
 * lists, tables with merged cells, <sup>, <abbr>...). Scripts, styles, frames,
 * forms and other dropped elements are left out with their content; when @dropped
 * is not NULL, each left-out element name is added to it once (char *).
 * Never NULL; invalid UTF-8 is made valid first. */
char *portada_html_to_markdown (const char *html, GPtrArray *dropped);

/* The text of @html: entities decoded, tags and dropped elements left out,
 * whitespace collapsed and trimmed. For titles, excerpts and term names. */
char *portada_html_to_text (const char *html);

/* WordPress's automatic paragraphs (what its "wpautop" does when it shows a post):
 * blank lines separate paragraphs, single newlines become line breaks, block tags
 * are left alone, <pre> is kept as it is, and [caption] shortcodes become figures.
 * Block-editor content (<!-- wp:... -->) already has its paragraphs and is
 * returned unchanged. */
char *portada_wp_autop (const char *content);

G_END_DECLS
