/* portada-demo-images.h: the demo newsroom's pictures, made by code.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_DEMO_N_IMAGES 6

/* Makes PORTADA_DEMO_N_IMAGES photos-to-be (1200 × 675 JPEG: a gradient and a sun,
 * in a different palette each) and stores them through the media entrance with
 * alt text; their ids go in @ids. */
gboolean portada_demo_images_add (PortadaNewsroom *nr, gint64 ids[PORTADA_DEMO_N_IMAGES],
                                  GError **error);

G_END_DECLS
