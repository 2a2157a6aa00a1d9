/* portada-html.h: parsing and serializing HTML for the site renderer (core only).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* libxml2's HTML parser with no network, no entity loading, no error output;
 * @html must be valid UTF-8. Never NULL for a non-NULL @html. */
xmlDoc *portada_html_parse (const char *html, gsize length);
/* The <body> of a parsed document, or NULL. */
xmlNode *portada_html_find_body (xmlDoc *doc);
xmlNode *portada_html_find_element (xmlNode *root, const char *name);

/* HTML5 serialization (the "fragment serialization algorithm"): void elements have
 * no end tag, text is escaped (& < > and no-break space), attributes are quoted
 * with " and escaped, comments are left out. Deterministic, locale-free. */
void portada_html_append_node (GString *out, const xmlNode *node);
void portada_html_append_children (GString *out, const xmlNode *node);
void portada_html_append_escaped (GString *out, const char *text, gboolean attribute);

/* A processing instruction of this name is written out as raw HTML: for HTML that is
 * already sanitized, spliced into a page. */
#define PORTADA_HTML_RAW "portada-raw"

/* The text of an attribute, or NULL. */
const char *portada_html_attr (const xmlNode *node, const char *name);

G_END_DECLS
