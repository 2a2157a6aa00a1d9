/* portada-sponsors-item.h: one sponsor in the sponsors view's models.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "portada-sponsor.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_ITEM (portada_sponsors_item_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsItem, portada_sponsors_item, PORTADA, SPONSORS_ITEM, GObject)

/* Takes @sponsor and @lists (the names of the lists it is on). */
PortadaSponsorsItem *portada_sponsors_item_new (PortadaSponsor *sponsor, GStrv lists);
gint64 portada_sponsors_item_get_id (PortadaSponsorsItem *self);
const char *portada_sponsors_item_get_name (PortadaSponsorsItem *self);
const PortadaSponsor *portada_sponsors_item_get_sponsor (PortadaSponsorsItem *self);
const char *const *portada_sponsors_item_get_lists (PortadaSponsorsItem *self);
/* Replaces the sponsor and its lists (taking both) and emits "changed". */
void portada_sponsors_item_update (PortadaSponsorsItem *self, PortadaSponsor *sponsor, GStrv lists);
/* Does every word of @search start a word of the name, website or a list name,
 * ignoring case and accents? An empty search matches. */
gboolean portada_sponsors_item_matches (PortadaSponsorsItem *self, const char *search);

G_END_DECLS
