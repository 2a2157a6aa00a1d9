/* portada-sponsors-appearances.h: where a sponsor appears: its lists and their strips.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_APPEARANCES (portada_sponsors_appearances_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsAppearances, portada_sponsors_appearances, PORTADA,
                      SPONSORS_APPEARANCES, AdwPreferencesGroup)

GtkWidget *portada_sponsors_appearances_new (void);
void portada_sponsors_appearances_set_model (PortadaSponsorsAppearances *self,
                                             PortadaSponsorsModel *model);
void portada_sponsors_appearances_set_sponsor (PortadaSponsorsAppearances *self, gint64 sponsor_id);
/* Reads the lists and placements again. */
void portada_sponsors_appearances_reload (PortadaSponsorsAppearances *self);

G_END_DECLS
