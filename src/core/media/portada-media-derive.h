/* portada-media-derive.h: the responsive set of a stored photo, made with libvips.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a raster image: widths of 480, 960 and 1600 pixels (never upscaled: a
 * narrower image gives its own width as the largest), each in WebP and in the
 * original's format (JPEG, or PNG for PNG and WebP originals); EXIF orientation
 * applied, converted to sRGB, metadata (GPS included) stripped. Each file is made
 * once per image and width and kept in a cache folder keyed by sha256. SVG is
 * never derived.
 */

#pragma once

#include <gio/gio.h>

#include "portada-media.h"

G_BEGIN_DECLS

#define PORTADA_MEDIA_MAX_DERIVED 3

/* The widths of @media's responsive set, smallest first; returns how many (0 for
 * SVG or an image without a size). */
guint portada_media_derived_widths (const PortadaMedia *media,
                                    int widths[PORTADA_MEDIA_MAX_DERIVED]);
/* The extension of the fallback format: "jpg" or "png". */
const char *portada_media_derived_extension (const PortadaMedia *media);
/* The cache folder beside a newsroom file ("news.db" -> "news.db.cache/media"),
 * or in the user cache folder for a newsroom without a file. */
char *portada_media_cache_dir (PortadaNewsroom *newsroom);
/* Where a derived file is kept: "<cache>/<sha256>-<width>.<ext>". */
char *portada_media_derived_path (const char *cache_dir, const PortadaMedia *media, int width,
                                  const char *extension);
/* Whether every file of @media's set is in @cache_dir already. */
gboolean portada_media_derived_cached (const char *cache_dir, const PortadaMedia *media);
/* Makes the files of @media's set that are not in @cache_dir yet from @original
 * (the stored bytes), decoding it once. Safe on any thread. */
gboolean portada_media_derive (const char *cache_dir, const PortadaMedia *media, GBytes *original,
                               GError **error);
/* How many images portada_media_derive() decoded since the program started. */
guint portada_media_decode_count (void);

G_END_DECLS
