/* portada-media.h: the images stored in the newsroom (logos, featured and body
 * images), each once by the sha256 of its bytes.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every image enters through portada_media_import() (portada-media-import.h), which
 * checks and sanitizes it; this file only stores and reads what was accepted.
 */

#pragma once

#include <gio/gio.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *sha256;
  char *mime;
  int width;
  int height;
  gsize size;
  char *filename;
  char *alt_text;
  char *caption;
  char *credit;
} PortadaMedia;

void portada_media_free (PortadaMedia *media);
PortadaMedia *portada_media_copy (const PortadaMedia *media);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaMedia, portada_media_free)

/* Stores @data once per content: the same bytes added twice give the same id.
 * The caller has checked the bytes (portada_media_import() does); this only stores. */
gint64 portada_media_add (PortadaNewsroom *newsroom, GBytes *data, const char *mime, int width,
                          int height, const char *filename, GError **error);
PortadaMedia *portada_media_load_info (PortadaNewsroom *newsroom, gint64 id, GError **error);
/* The image whose sha256 is @sha256 (64 lower-case hex digits), or whose sha256
 * starts with it (at least 16 digits: the short names of exported files).
 * PORTADA_ERROR_NOT_FOUND when there is none. */
PortadaMedia *portada_media_find_sha256 (PortadaNewsroom *newsroom, const char *sha256,
                                         GError **error);
/* The first image stored under the file name @filename: its id, 0 when there is
 * none, -1 on a database error. */
gint64 portada_media_find_filename (PortadaNewsroom *newsroom, const char *filename,
                                    GError **error);
GBytes *portada_media_load_data (PortadaNewsroom *newsroom, gint64 id, GError **error);
/* The bytes and type of the image whose sha256 is @sha256 (the body's and the
 * preview's way to name an image). */
GBytes *portada_media_lookup (PortadaNewsroom *newsroom, const char *sha256, char **mime,
                              GError **error);
gboolean portada_media_set_alt_text (PortadaNewsroom *newsroom, gint64 id, const char *alt,
                                     GError **error);
/* Alt text, caption and credit at once (NULL or "" clears one). */
gboolean portada_media_set_details (PortadaNewsroom *newsroom, gint64 id, const char *alt,
                                    const char *caption, const char *credit, GError **error);
/* Every image, newest first; @search (optional) matches the file name, alt text,
 * caption or credit, ignoring case. */
GPtrArray *portada_media_list (PortadaNewsroom *newsroom, const char *search, GError **error);
/* Removes the stored image @id. The caller (portada_media_library_delete()) has
 * checked that nothing uses it. */
gboolean portada_media_remove (PortadaNewsroom *newsroom, gint64 id, GError **error);
/* The number of stored images. */
gint64 portada_media_count (PortadaNewsroom *newsroom, GError **error);

/* Whether @sha256 is 64 lower-case hex digits. */
gboolean portada_media_is_sha256 (const char *sha256);
/* The file extension of a stored type ("png", "jpg", "webp", "svg"). */
const char *portada_media_extension (const char *mime);

G_END_DECLS
