/* portada-sponsors-labels.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-sponsors-labels.h"

typedef struct
{
  const char *slot;
  const char *label;
  const char *description;
} SlotInfo;

static const SlotInfo slot_infos[] = {
  { PORTADA_SLOT_HEADER, N_ ("Header"), N_ ("Above the headline, on every page") },
  { PORTADA_SLOT_ARTICLE_TOP, N_ ("Article Top"), N_ ("Between the headline and the body") },
  { PORTADA_SLOT_BODY, N_ ("In the Body"), N_ ("Between two paragraphs of the article") },
  { PORTADA_SLOT_SIDEBAR, N_ ("Sidebar"), N_ ("Beside the article") },
  { PORTADA_SLOT_MID, N_ ("Mid"), N_ ("After “More like this”") },
  { PORTADA_SLOT_FOOTER, N_ ("Footer"), N_ ("At the bottom of every page") },
};

static const char *const slot_names[] = { PORTADA_SLOT_HEADER,
                                          PORTADA_SLOT_ARTICLE_TOP,
                                          PORTADA_SLOT_BODY,
                                          PORTADA_SLOT_SIDEBAR,
                                          PORTADA_SLOT_MID,
                                          PORTADA_SLOT_FOOTER,
                                          NULL };

const char *const *
portada_sponsors_slots (void)
{
  return slot_names;
}

static const SlotInfo *
find_slot (const char *slot)
{
  for (guint i = 0; i < G_N_ELEMENTS (slot_infos); i++)
    if (g_strcmp0 (slot, slot_infos[i].slot) == 0)
      return &slot_infos[i];
  return NULL;
}

const char *
portada_sponsors_slot_label (const char *slot)
{
  const SlotInfo *info = find_slot (slot);

  return info ? _ (info->label) : slot;
}

const char *
portada_sponsors_slot_description (const char *slot)
{
  const SlotInfo *info = find_slot (slot);

  return info ? _ (info->description) : "";
}

const char *
portada_sponsors_order_label (PortadaOrderMode mode)
{
  switch (mode)
    {
      case PORTADA_ORDER_FIXED:
        return _ ("Fixed Order");
      case PORTADA_ORDER_ALPHABETICAL:
        return _ ("Alphabetical");
      case PORTADA_ORDER_SHUFFLE:
      default:
        return _ ("Weighted Shuffle");
    }
}

char *
portada_sponsors_placement_label (const PortadaPlacement *placement, guint index_in_slot)
{
  const char *slot = portada_sponsors_slot_label (placement->slot);

  if (g_strcmp0 (placement->slot, PORTADA_SLOT_BODY) == 0)
    /* Translators: a strip of logos between two paragraphs of an article. */
    return g_strdup_printf (_ ("In the body after paragraph %d"), placement->after_paragraph);
  if (index_in_slot == 0)
    return g_strdup (slot);
  /* Translators: the second (third...) strip of a slot: "Sidebar 2". */
  return g_strdup_printf (_ ("%s %u"), slot, index_in_slot + 1);
}
