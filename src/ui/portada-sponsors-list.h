/* portada-sponsors-list.h: the sponsors, searchable and filtered by contract state or list.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_LIST (portada_sponsors_list_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsList, portada_sponsors_list, PORTADA, SPONSORS_LIST, GtkWidget)

GtkWidget *portada_sponsors_list_new (void);
void portada_sponsors_list_set_model (PortadaSponsorsList *self, PortadaSponsorsModel *model);
/* The selected sponsor's id, 0 for none. */
gint64 portada_sponsors_list_get_selected (PortadaSponsorsList *self);
/* Selects @id, clearing a search or filter that hides it; FALSE if unknown. */
gboolean portada_sponsors_list_select (PortadaSponsorsList *self, gint64 id);
void portada_sponsors_list_set_search (PortadaSponsorsList *self, const char *text);
/* How many sponsors the search and filter show. */
guint portada_sponsors_list_get_n_shown (PortadaSponsorsList *self);
void portada_sponsors_list_focus_search (PortadaSponsorsList *self);

/* While held, the selected sponsor stays selected (no notify) when rows change, as
 * when the model is read again; portada_sponsors_list_select() puts the row back. */
void portada_sponsors_list_hold_selection (PortadaSponsorsList *self, gboolean hold);

G_END_DECLS
