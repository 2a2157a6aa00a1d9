/* portada-sponsors-date-row.h: an entry row for a date ("YYYY-MM-DD") with a calendar.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_DATE_ROW (portada_sponsors_date_row_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsDateRow, portada_sponsors_date_row, PORTADA, SPONSORS_DATE_ROW,
                      AdwEntryRow)

GtkWidget *portada_sponsors_date_row_new (void);
/* Is the text empty or a real date such as 2026-12-31? */
gboolean portada_sponsors_date_row_is_valid (PortadaSponsorsDateRow *self);
/* The date, or NULL when empty or not a date. */
char *portada_sponsors_date_row_get_date (PortadaSponsorsDateRow *self);

G_END_DECLS
