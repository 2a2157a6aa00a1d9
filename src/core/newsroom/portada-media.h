/* portada-media.h: images stored in the newsroom (logos, featured images).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
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
} PortadaMedia;

void portada_media_free (PortadaMedia *media);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaMedia, portada_media_free)

/* Stores @data once per content: the same bytes added twice give the same id.
 * The caller has checked the bytes (see the image sniffer); this only stores. */
gint64 portada_media_add (PortadaNewsroom *newsroom, GBytes *data, const char *mime, int width,
                          int height, const char *filename, GError **error);
PortadaMedia *portada_media_load_info (PortadaNewsroom *newsroom, gint64 id, GError **error);
GBytes *portada_media_load_data (PortadaNewsroom *newsroom, gint64 id, GError **error);
gboolean portada_media_set_alt_text (PortadaNewsroom *newsroom, gint64 id, const char *alt,
                                     GError **error);

G_END_DECLS
