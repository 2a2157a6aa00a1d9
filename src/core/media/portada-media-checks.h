/* portada-media-checks.h: what `portada check` says about the newsroom's images.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"
#include "portada-problem.h"

G_BEGIN_DECLS

/* Wider than any screen needs: twice the largest responsive width. */
#define PORTADA_MEDIA_LARGEST_NEEDED 3200

/* "image-no-alt" (a featured image without alt text, or a body image written
 * without), "image-too-large" (wider than PORTADA_MEDIA_LARGEST_NEEDED) and
 * "image-unused" (no article and no sponsor shows it): PortadaProblem. */
GPtrArray *portada_media_checks_run (PortadaNewsroom *newsroom, GError **error);

G_END_DECLS
