/* portada-sponsors-labels.h: how the sponsors view names slots, order modes and placements.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-placement.h"

G_BEGIN_DECLS

/* The slots in page order, NULL-terminated. */
const char *const *portada_sponsors_slots (void);
/* "Header", "Article top", "In the body", ...; the slot itself when unknown. */
const char *portada_sponsors_slot_label (const char *slot);
/* What the slot is, in a sentence, for a group's description. */
const char *portada_sponsors_slot_description (const char *slot);
/* "Weighted shuffle", "Fixed order", "Alphabetical". */
const char *portada_sponsors_order_label (PortadaOrderMode mode);
/* "Sidebar", or "Sidebar 2" for a slot's second strip; "In the body after paragraph 3". */
char *portada_sponsors_placement_label (const PortadaPlacement *placement, guint index_in_slot);

G_END_DECLS
