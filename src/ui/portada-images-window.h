/* portada-images-window.h: the newsroom's images in one window: search, sizes, where
 * each is used, alt text, caption and credit, replace everywhere, delete when unused.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_IMAGES_WINDOW (portada_images_window_get_type ())
G_DECLARE_FINAL_TYPE (PortadaImagesWindow, portada_images_window, PORTADA, IMAGES_WINDOW, AdwWindow)

/* Emits "changed" after an image was replaced or deleted, or its details changed
 * (the articles that show it may have changed in the file). */
PortadaImagesWindow *portada_images_window_new (GtkWindow *parent, PortadaNewsroom *newsroom);
/* How many images the list shows. */
guint portada_images_window_get_n_shown (PortadaImagesWindow *self);

G_END_DECLS
