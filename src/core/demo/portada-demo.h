/* portada-demo.h: the demo newsroom a new user can explore at once.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef void (*PortadaProgressFunc) (double fraction, gpointer user_data);

/* Fills an empty newsroom: the seed article of the published page, its related
 * articles, its Spanish translation, the two sponsor lists of the page (with
 * their data-quality problems kept) and the placements, plus @n_generated
 * deterministic articles in both languages. */
gboolean portada_demo_fill (PortadaNewsroom *newsroom, guint n_generated,
                            PortadaProgressFunc progress, gpointer user_data, GError **error);

/* The SVG placeholder logo of a sponsor; the same name always gives the same bytes. */
GBytes *portada_demo_placeholder_logo (const char *name, int width, int height);

G_END_DECLS
