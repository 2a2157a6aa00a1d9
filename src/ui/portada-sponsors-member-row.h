/* portada-sponsors-member-row.h: a sponsor on a logo list, with its weight; dragged to reorder.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_MEMBER_ROW (portada_sponsors_member_row_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsMemberRow, portada_sponsors_member_row, PORTADA,
                      SPONSORS_MEMBER_ROW, AdwActionRow)

GtkWidget *portada_sponsors_member_row_new (PortadaSponsorsModel *model, gint64 sponsor_id,
                                            double weight);
gint64 portada_sponsors_member_row_get_sponsor_id (PortadaSponsorsMemberRow *self);
double portada_sponsors_member_row_get_weight (PortadaSponsorsMemberRow *self);
/* The row can move up / down (not the first / last). */
void portada_sponsors_member_row_set_movable (PortadaSponsorsMemberRow *self, gboolean up,
                                              gboolean down);

G_END_DECLS
