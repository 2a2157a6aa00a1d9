/* portada-image-import.h: reading an image file the user chose or dropped, off the
 * main thread, through the core's one entrance for images.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-media-import.h"

G_BEGIN_DECLS

/* Reads @file in a thread and checks it with portada_media_file_read(): the same
 * types, size and pixel limits and SVG sanitizing as every other way in. The error
 * names the file and the reason. Store the result with portada_media_file_store(). */
void portada_image_import_async (GFile *file, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
PortadaMediaFile *portada_image_import_finish (GAsyncResult *result, GError **error);

G_END_DECLS
