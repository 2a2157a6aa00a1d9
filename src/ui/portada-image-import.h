/* portada-image-import.h: reading an image file the user chose, off the main thread.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Larger files are refused before they are read. */
#define PORTADA_IMAGE_MAX_SIZE (20 * 1024 * 1024)

typedef struct
{
  GBytes *bytes;
  char *mime;
  char *filename;
  int width;
  int height;
  GdkTexture *texture;
} PortadaImage;

void portada_image_free (PortadaImage *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaImage, portada_image_free)

/* Reads @file in a thread and checks that it is an image Portada can show (PNG, JPEG,
 * GIF, WebP or SVG that decodes); the error says which file and why not. */
void portada_image_import_async (GFile *file, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
PortadaImage *portada_image_import_finish (GAsyncResult *result, GError **error);

G_END_DECLS
