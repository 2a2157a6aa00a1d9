/* portada-strip.h: which logos a placement shows on a page, in which order.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-placement.h"
#include "portada-sponsor.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 sponsor_id;
  const char *name; /* for the alphabetical order */
  double weight;
  double key; /* filled by portada_strip_order() */
} PortadaStripEntry;

/* Orders @entries in place. The weighted shuffle is a weighted random sampling
 * without replacement (Efraimidis–Spirakis) whose random numbers come from a hash
 * of @seed and each sponsor: the same seed always gives the same order, on every
 * machine, and a sponsor of weight 2 comes ahead of one of weight 1 twice as often. */
void portada_strip_order (PortadaStripEntry *entries, guint n_entries, PortadaOrderMode mode,
                          const char *seed);

/* The sponsors (PortadaSponsor) a placement shows on the page @page_key (its URL
 * path, say) on @date ("YYYY-MM-DD"): members of its list shown on that date,
 * in its order mode, at most its max_logos. */
GPtrArray *portada_strip_select (PortadaNewsroom *newsroom, const PortadaPlacement *placement,
                                 const char *page_key, const char *date, GError **error);

G_END_DECLS
