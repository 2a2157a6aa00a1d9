/* portada-sponsors-row.h: a sponsor in the sponsors list.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_ROW (portada_sponsors_row_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsRow, portada_sponsors_row, PORTADA, SPONSORS_ROW, GtkWidget)

GtkWidget *portada_sponsors_row_new (PortadaSponsorsModel *model);
void portada_sponsors_row_set_item (PortadaSponsorsRow *self, PortadaSponsorsItem *item);

G_END_DECLS
