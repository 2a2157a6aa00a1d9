/* portada-svg.h: reading and sanitizing SVG logos.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An SVG is a program as much as a picture: it can run scripts, load other files
 * and declare entities that blow up when expanded. Portada parses SVG with
 * libxml2 without network or entity expansion, refuses what cannot be made safe
 * and removes what can.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PORTADA_SVG_NAMESPACE "http://www.w3.org/2000/svg"
/* The most elements an SVG may draw once its <use> references are expanded. */
#define PORTADA_SVG_MAX_ELEMENTS 100000

/* The size an SVG asks for: its width and height (px, pt, mm, cm, in), or its
 * viewBox. Refuses (PORTADA_ERROR_INVALID, with the reason) text that is not
 * UTF-8, not well-formed XML, not <svg>, declares entities, gives no size, or
 * whose <use> references expand past PORTADA_SVG_MAX_ELEMENTS elements. */
gboolean portada_svg_size (const guint8 *data, gsize len, int *width, int *height, GError **error);

/* A safe copy of the SVG: no scripts, no event attributes (onload...), no
 * foreignObject or animation, no references outside the file (href only to
 * "#fragment" or, for images, data:image/png|jpeg|gif|webp), no style sheets
 * that import or load other files, no document type, comments or processing
 * instructions, and elements without a namespace put in the SVG namespace.
 * Refuses what portada_svg_size() refuses. When @removed is given it receives
 * one user-visible sentence per kind of thing removed (empty when nothing was).
 * Sanitizing its own output gives the same bytes. */
GBytes *portada_svg_sanitize (const guint8 *data, gsize len, GPtrArray **removed, GError **error);

G_END_DECLS
