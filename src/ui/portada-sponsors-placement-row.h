/* portada-sponsors-placement-row.h: one strip of the page and its settings.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-placement.h"
#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_PLACEMENT_ROW (portada_sponsors_placement_row_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsPlacementRow, portada_sponsors_placement_row, PORTADA,
                      SPONSORS_PLACEMENT_ROW, AdwExpanderRow)

/* Takes a copy of @placement; @lists (PortadaLogoList), @languages
 * (PortadaLanguage) and @sections (PortadaSection) are what it can choose from. */
GtkWidget *portada_sponsors_placement_row_new (PortadaSponsorsModel *model,
                                               const PortadaPlacement *placement, GPtrArray *lists,
                                               GPtrArray *languages, GPtrArray *sections);
gint64 portada_sponsors_placement_row_get_id (PortadaSponsorsPlacementRow *self);
/* The placement as last saved. */
const PortadaPlacement *
portada_sponsors_placement_row_get_placement (PortadaSponsorsPlacementRow *self);
/* Sets the order mode as the combo row does, and saves. */
gboolean portada_sponsors_placement_row_set_order (PortadaSponsorsPlacementRow *self,
                                                   PortadaOrderMode order);

G_END_DECLS
