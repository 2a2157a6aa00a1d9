/* portada-image.h: what kind of image some bytes are, and how big, by their content.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest image file Portada accepts (a logo or a photo from a camera). */
#define PORTADA_IMAGE_MAX_BYTES (25 * 1024 * 1024)
/* The largest SVG file: it is text, parsed whole. */
#define PORTADA_SVG_MAX_BYTES (5 * 1024 * 1024)
/* The largest width or height, in pixels (for SVG: in CSS pixels). */
#define PORTADA_IMAGE_MAX_DIMENSION 20000
/* The most pixels an image may decode to (width × height), read from its header
 * before anything decodes it: a few hundred bytes of PNG can claim gigapixels. */
#define PORTADA_IMAGE_MAX_PIXELS (40 * 1000 * 1000)

typedef struct
{
  const char *mime; /* static: "image/png", "image/jpeg", "image/webp", "image/svg+xml" */
  int width;        /* > 0 */
  int height;       /* > 0 */
} PortadaImageInfo;

/* Recognises PNG, JPEG, WebP and SVG by their content (never by a file name) and
 * reads their width and height. Anything else, or a damaged or oversized file, is
 * refused with the reason (PORTADA_ERROR_INVALID), and so is one that would decode
 * to more than PORTADA_IMAGE_MAX_PIXELS pixels. A pure function of the bytes:
 * no file, no network, safe on any input. An SVG is only recognised here; store
 * it through portada_svg_sanitize(). */
gboolean portada_image_sniff (const guint8 *data, gsize len, PortadaImageInfo *info,
                              GError **error);

G_END_DECLS
