/* portada-media-import.h: the one way an image enters the newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Logos, featured images, body images, the files of a WordPress or Markdown
 * import, a file dropped on the window and the command line all come here. The
 * type is sniffed from the bytes (never the file name); what cannot be decoded,
 * a bomb (more than PORTADA_IMAGE_MAX_PIXELS, an SVG whose <use> fans out) or
 * anything else refused is named with the file and the reason; an SVG is
 * sanitized; the bytes are stored once by their sha256.
 */

#pragma once

#include <gio/gio.h>

#include "portada-image.h"
#include "portada-media.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

/* An image checked and ready to store. */
typedef struct
{
  GBytes *bytes; /* what is stored: for SVG, the sanitized copy */
  PortadaImageInfo info;
  char *filename;     /* base name, valid UTF-8, for display */
  GPtrArray *removed; /* what the SVG sanitizer removed: sentences, maybe empty */
} PortadaMediaFile;

void portada_media_file_free (PortadaMediaFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaMediaFile, portada_media_file_free)

/* Checks @data as an image named @filename (for messages and the stored name).
 * A pure function of its arguments, safe on any thread. The error's message
 * starts with the file's name. */
PortadaMediaFile *portada_media_file_check (const char *filename, GBytes *data, GError **error);
/* Reads @file (refusing one larger than PORTADA_IMAGE_MAX_BYTES before reading
 * it) and checks it. Safe on any thread. */
PortadaMediaFile *portada_media_file_read (GFile *file, GCancellable *cancellable, GError **error);
/* Stores a checked image; the id (the same for the same bytes), 0 on error. */
gint64 portada_media_file_store (PortadaNewsroom *newsroom, const PortadaMediaFile *file,
                                 GError **error);

/* Check and store in one call. @removed (optional) receives what the SVG
 * sanitizer removed. */
gint64 portada_media_import (PortadaNewsroom *newsroom, const char *filename, GBytes *data,
                             GPtrArray **removed, GError **error);
gint64 portada_media_import_file (PortadaNewsroom *newsroom, GFile *file, GError **error);

G_END_DECLS
