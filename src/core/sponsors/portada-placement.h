/* portada-placement.h: the sponsor strips of a page.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef enum
{
  PORTADA_ORDER_SHUFFLE,      /* weighted shuffle, the same for a given page and date */
  PORTADA_ORDER_FIXED,        /* the list's order */
  PORTADA_ORDER_ALPHABETICAL, /* by sponsor name */
} PortadaOrderMode;

const char *portada_order_mode_to_string (PortadaOrderMode mode);
gboolean portada_order_mode_from_string (const char *text, PortadaOrderMode *mode);

/* The slots of a page, in page order (SITE-FORMAT.md). */
#define PORTADA_SLOT_HEADER "header"
#define PORTADA_SLOT_ARTICLE_TOP "article-top"
#define PORTADA_SLOT_BODY "body" /* in the body, after paragraph N */
#define PORTADA_SLOT_SIDEBAR "sidebar"
#define PORTADA_SLOT_MID "mid"
#define PORTADA_SLOT_FOOTER "footer"

gboolean portada_slot_is_valid (const char *slot);

/* The box a logo of each slot is drawn in, in CSS pixels: the one place that
 * says what size and shape of logo a strip wants (the site's style sheet and the
 * logo checks read it). A logo is scaled to fit the box keeping its shape. */
typedef struct
{
  const char *slot;
  int width;
  int height;
} PortadaSlotLogoSize;

/* A logo whose width:height is more than this many times wider or narrower
 * than its box's is "far from the size its strip wants". */
#define PORTADA_LOGO_ASPECT_TOLERANCE 3.0

/* NULL for an unknown slot. */
const PortadaSlotLogoSize *portada_slot_logo_size (const char *slot);

typedef struct
{
  gint64 id;
  char *slot;
  int position;   /* order among placements of the same slot */
  gint64 list_id; /* 0: draws from no list */
  int max_logos;  /* 0: all */
  PortadaOrderMode order;
  int after_paragraph; /* for the body slot */
  GStrv languages;     /* empty: every language */
  GStrv sections;      /* empty: every section */
} PortadaPlacement;

PortadaPlacement *portada_placement_new (const char *slot);
void portada_placement_free (PortadaPlacement *placement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaPlacement, portada_placement_free)

/* Does the placement apply to a page in @lang of @section (NULL for pages of no section)? */
gboolean portada_placement_applies (const PortadaPlacement *placement, const char *lang,
                                    const char *section);

/* In page order: slot, then position. */
GPtrArray *portada_placements_list (PortadaNewsroom *newsroom, GError **error);
gboolean portada_placements_save (PortadaNewsroom *newsroom, PortadaPlacement *placement,
                                  GError **error);
gboolean portada_placements_delete (PortadaNewsroom *newsroom, gint64 id, GError **error);

G_END_DECLS
