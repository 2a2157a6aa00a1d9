/* portada-sponsor-merge.h: where a sponsor appears, and joining two entries of
 * one sponsor (the fix for a "same sponsor entered twice" problem).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 list_id;
  char *list_name;
  double weight;
  int position;          /* in the list, from 0 */
  GArray *placement_ids; /* gint64: the strips drawing from the list, page order */
  GStrv slots;           /* the slots of those strips, page order, each once */
} PortadaSponsorAppearance;

void portada_sponsor_appearance_free (PortadaSponsorAppearance *appearance);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaSponsorAppearance, portada_sponsor_appearance_free)

/* Every logo list the sponsor is on (by list name), with the strips that draw
 * from it: what "where the sponsor appears" shows. */
GPtrArray *portada_sponsor_appearances (PortadaNewsroom *newsroom, gint64 sponsor_id,
                                        GError **error);

/* Joins @other_id into @keep_id in one transaction: @keep_id takes @other_id's
 * place on every list it was not on (same position and weight), fields that
 * @keep_id lacks (website, logo, contract dates, notes) come from @other_id, and
 * @other_id is deleted. */
gboolean portada_sponsors_merge (PortadaNewsroom *newsroom, gint64 keep_id, gint64 other_id,
                                 GError **error);

G_END_DECLS
