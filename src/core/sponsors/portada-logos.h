/* portada-logos.h: bringing logo files into the newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

/* Sniffs @data (PNG, JPEG, WebP or SVG, by content), sanitizes an SVG, and stores
 * it with portada_media_add(): the same file imported twice is stored once and
 * gives the same id. Returns the media id, 0 on error; a refused file's error
 * (PORTADA_ERROR_INVALID) starts with @filename and gives the reason. */
gint64 portada_logos_import (PortadaNewsroom *newsroom, GBytes *data, const char *filename,
                             GError **error);
/* The same; @removed (optional) receives what the SVG sanitizer removed, one
 * user-visible sentence each (empty for raster images and clean SVGs). */
gint64 portada_logos_import_full (PortadaNewsroom *newsroom, GBytes *data, const char *filename,
                                  GPtrArray **removed, GError **error);

/* A sponsor name guessed from a logo's file name, for the user to confirm:
 * "hotel-barcelo-solymar.png" gives "Hotel Barcelo Solymar"; words such as
 * "logo", "final" and sizes ("200x80", "@2x") are left out. */
char *portada_logos_name_from_filename (const char *filename);

typedef struct
{
  char *filename;       /* the file's base name, for display */
  char *suggested_name; /* portada_logos_name_from_filename() */
  gint64 media_id;      /* 0 when the file was refused */
  GError *error;        /* why it was refused, else NULL */
  GStrv removed;        /* what the SVG sanitizer removed; NULL-terminated, maybe empty */
} PortadaLogoImport;

void portada_logo_import_free (PortadaLogoImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaLogoImport, portada_logo_import_free)

/* Imports many files at once (a drop of files, a file chooser with several
 * selected), in one transaction: one PortadaLogoImport per file, in order. A
 * file that cannot be read or is not an accepted image is reported in its entry
 * and the others go on; only a database failure returns NULL (nothing stored). */
GPtrArray *portada_logos_import_files (PortadaNewsroom *newsroom, GFile *const *files,
                                       guint n_files, GCancellable *cancellable, GError **error);

G_END_DECLS
