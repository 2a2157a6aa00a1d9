/* portada-sponsors-item.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-sponsors-item.h"

struct _PortadaSponsorsItem
{
  GObject parent_instance;
  PortadaSponsor *sponsor;
  GStrv lists;
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsItem, portada_sponsors_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
word_matches (PortadaSponsorsItem *self, const char *word)
{
  if (g_str_match_string (word, self->sponsor->name, TRUE))
    return TRUE;
  if (self->sponsor->website && g_str_match_string (word, self->sponsor->website, TRUE))
    return TRUE;
  for (guint i = 0; self->lists && self->lists[i]; i++)
    if (g_str_match_string (word, self->lists[i], TRUE))
      return TRUE;
  return FALSE;
}

static void
portada_sponsors_item_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  PortadaSponsorsItem *self = PORTADA_SPONSORS_ITEM (object);

  switch (prop_id)
    {
      case PROP_NAME:
        g_value_set_string (value, self->sponsor->name);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
portada_sponsors_item_finalize (GObject *object)
{
  PortadaSponsorsItem *self = PORTADA_SPONSORS_ITEM (object);

  portada_sponsor_free (self->sponsor);
  g_strfreev (self->lists);
  G_OBJECT_CLASS (portada_sponsors_item_parent_class)->finalize (object);
}

static void
portada_sponsors_item_class_init (PortadaSponsorsItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = portada_sponsors_item_finalize;
  object_class->get_property = portada_sponsors_item_get_property;

  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
portada_sponsors_item_init (PortadaSponsorsItem *self)
{
}

PortadaSponsorsItem *
portada_sponsors_item_new (PortadaSponsor *sponsor, GStrv lists)
{
  PortadaSponsorsItem *self;

  g_return_val_if_fail (sponsor != NULL, NULL);
  self = g_object_new (PORTADA_TYPE_SPONSORS_ITEM, NULL);
  self->sponsor = sponsor;
  self->lists = lists ? lists : g_new0 (char *, 1);
  return self;
}

gint64
portada_sponsors_item_get_id (PortadaSponsorsItem *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_ITEM (self), 0);
  return self->sponsor->id;
}

const char *
portada_sponsors_item_get_name (PortadaSponsorsItem *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_ITEM (self), NULL);
  return self->sponsor->name;
}

const PortadaSponsor *
portada_sponsors_item_get_sponsor (PortadaSponsorsItem *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_ITEM (self), NULL);
  return self->sponsor;
}

const char *const *
portada_sponsors_item_get_lists (PortadaSponsorsItem *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_ITEM (self), NULL);
  return (const char *const *) self->lists;
}

void
portada_sponsors_item_update (PortadaSponsorsItem *self, PortadaSponsor *sponsor, GStrv lists)
{
  gboolean renamed;

  g_return_if_fail (PORTADA_IS_SPONSORS_ITEM (self));
  g_return_if_fail (sponsor != NULL);
  renamed = g_strcmp0 (self->sponsor->name, sponsor->name) != 0;
  portada_sponsor_free (self->sponsor);
  self->sponsor = sponsor;
  if (lists)
    {
      g_strfreev (self->lists);
      self->lists = lists;
    }
  if (renamed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
portada_sponsors_item_matches (PortadaSponsorsItem *self, const char *search)
{
  g_auto (GStrv) words = NULL;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_ITEM (self), FALSE);
  if (search == NULL)
    return TRUE;
  words = g_str_tokenize_and_fold (search, NULL, NULL);
  for (guint i = 0; words[i]; i++)
    if (!word_matches (self, words[i]))
      return FALSE;
  return TRUE;
}
