/* portada-sponsors-model.h: what the parts of the sponsors view share.
 *
 * One newsroom, the sponsors as a list model, the logos as textures (each decoded
 * once), and one "changed" signal: the part that saves says what it changed, the
 * others (the list, the preview, the problems) refresh.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-newsroom.h"
#include "portada-sponsors-item.h"

G_BEGIN_DECLS

typedef enum
{
  PORTADA_SPONSORS_CHANGED_SPONSORS = 1 << 0,
  PORTADA_SPONSORS_CHANGED_LISTS = 1 << 1,
  PORTADA_SPONSORS_CHANGED_PLACEMENTS = 1 << 2,
  PORTADA_SPONSORS_CHANGED_ALL = 0x7,
} PortadaSponsorsChange;

#define PORTADA_TYPE_SPONSORS_MODEL (portada_sponsors_model_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsModel, portada_sponsors_model, PORTADA, SPONSORS_MODEL,
                      GObject)

PortadaSponsorsModel *portada_sponsors_model_new (PortadaNewsroom *newsroom);
PortadaNewsroom *portada_sponsors_model_get_newsroom (PortadaSponsorsModel *self);

/* PortadaSponsorsItem, by name. */
GListModel *portada_sponsors_model_get_sponsors (PortadaSponsorsModel *self);
PortadaSponsorsItem *portada_sponsors_model_find (PortadaSponsorsModel *self, gint64 id,
                                                  guint *position);

/* Reads every sponsor again and emits "changed" (ALL). */
gboolean portada_sponsors_model_reload (PortadaSponsorsModel *self, GError **error);

/* The logo of a media id as a texture, decoded once; NULL (and @error) for a
 * missing or undecodable logo. */
GdkTexture *portada_sponsors_model_get_logo (PortadaSponsorsModel *self, gint64 media_id,
                                             GError **error);

/* Called by the part that saved: refreshes the items concerned (@sponsor_id,
 * or 0 for all) and emits "changed" with @what. */
void portada_sponsors_model_changed (PortadaSponsorsModel *self, PortadaSponsorsChange what,
                                     gint64 sponsor_id);

/* "YYYY-MM-DD": the day contract states are computed for (today by default;
 * tests set it). */
const char *portada_sponsors_model_get_today (PortadaSponsorsModel *self);
void portada_sponsors_model_set_today (PortadaSponsorsModel *self, const char *today);

G_END_DECLS
