/* portada-sponsors-placements.h: the strips of the page, slot by slot.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-sponsors-model.h"
#include "portada-sponsors-placement-row.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_PLACEMENTS (portada_sponsors_placements_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsPlacements, portada_sponsors_placements, PORTADA,
                      SPONSORS_PLACEMENTS, GtkWidget)

GtkWidget *portada_sponsors_placements_new (void);
void portada_sponsors_placements_set_model (PortadaSponsorsPlacements *self,
                                            PortadaSponsorsModel *model);
void portada_sponsors_placements_reload (PortadaSponsorsPlacements *self);
/* The row of placement @id, NULL if there is none. */
PortadaSponsorsPlacementRow *portada_sponsors_placements_get_row (PortadaSponsorsPlacements *self,
                                                                  gint64 id);
/* Opens and focuses placement @id; FALSE if there is none. */
gboolean portada_sponsors_placements_select (PortadaSponsorsPlacements *self, gint64 id);
/* Adds a strip to @slot (drawing from the first list); returns its id, 0 on error. */
gint64 portada_sponsors_placements_add (PortadaSponsorsPlacements *self, const char *slot);

G_END_DECLS
