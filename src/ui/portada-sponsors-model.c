/* portada-sponsors-model.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-logo-list.h"
#include "portada-media.h"
#include "portada-sponsors-contract.h"
#include "portada-sponsors-model.h"

struct _PortadaSponsorsModel
{
  GObject parent_instance;
  PortadaNewsroom *newsroom;
  GListStore *sponsors;
  GHashTable *logos; /* media id -> GdkTexture */
  char *today;
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsModel, portada_sponsors_model, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
by_name (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const char *x = portada_sponsors_item_get_name ((PortadaSponsorsItem *) a);
  const char *y = portada_sponsors_item_get_name ((PortadaSponsorsItem *) b);
  g_autofree char *kx = g_utf8_collate_key (x, -1);
  g_autofree char *ky = g_utf8_collate_key (y, -1);

  return strcmp (kx, ky);
}

static void
portada_sponsors_model_dispose (GObject *object)
{
  PortadaSponsorsModel *self = PORTADA_SPONSORS_MODEL (object);

  g_clear_object (&self->newsroom);
  g_clear_object (&self->sponsors);
  g_clear_pointer (&self->logos, g_hash_table_unref);
  G_OBJECT_CLASS (portada_sponsors_model_parent_class)->dispose (object);
}

static void
portada_sponsors_model_finalize (GObject *object)
{
  PortadaSponsorsModel *self = PORTADA_SPONSORS_MODEL (object);

  g_free (self->today);
  G_OBJECT_CLASS (portada_sponsors_model_parent_class)->finalize (object);
}

static void
portada_sponsors_model_class_init (PortadaSponsorsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = portada_sponsors_model_dispose;
  object_class->finalize = portada_sponsors_model_finalize;

  /* PortadaSponsorsChange flags, and the sponsor concerned (0: any or all). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
}

static void
portada_sponsors_model_init (PortadaSponsorsModel *self)
{
  self->sponsors = g_list_store_new (PORTADA_TYPE_SPONSORS_ITEM);
  self->logos = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->today = portada_contract_today ();
}

PortadaSponsorsModel *
portada_sponsors_model_new (PortadaNewsroom *newsroom)
{
  PortadaSponsorsModel *self;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  self = g_object_new (PORTADA_TYPE_SPONSORS_MODEL, NULL);
  self->newsroom = g_object_ref (newsroom);
  return self;
}

PortadaNewsroom *
portada_sponsors_model_get_newsroom (PortadaSponsorsModel *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_MODEL (self), NULL);
  return self->newsroom;
}

GListModel *
portada_sponsors_model_get_sponsors (PortadaSponsorsModel *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_MODEL (self), NULL);
  return G_LIST_MODEL (self->sponsors);
}

PortadaSponsorsItem *
portada_sponsors_model_find (PortadaSponsorsModel *self, gint64 id, guint *position)
{
  guint n;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_MODEL (self), NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sponsors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PortadaSponsorsItem) item
          = g_list_model_get_item (G_LIST_MODEL (self->sponsors), i);
      if (portada_sponsors_item_get_id (item) == id)
        {
          if (position)
            *position = i;
          return item; /* the store keeps it alive */
        }
    }
  return NULL;
}

gboolean
portada_sponsors_model_reload (PortadaSponsorsModel *self, GError **error)
{
  g_autoptr (GPtrArray) sponsors = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PORTADA_IS_SPONSORS_MODEL (self), FALSE);
  sponsors = portada_sponsors_list (self->newsroom, error);
  if (sponsors == NULL)
    return FALSE;
  for (guint i = 0; i < sponsors->len; i++)
    {
      PortadaSponsor *s = g_ptr_array_index (sponsors, i);
      GStrv lists = portada_logo_lists_of_sponsor (self->newsroom, s->id, error);

      if (lists == NULL)
        return FALSE;
      g_ptr_array_add (items, portada_sponsors_item_new (portada_sponsor_copy (s), lists));
    }
  g_list_store_splice (self->sponsors, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sponsors)),
                       items->pdata, items->len);
  g_list_store_sort (self->sponsors, by_name, NULL);
  g_signal_emit (self, signals[CHANGED], 0, (guint) PORTADA_SPONSORS_CHANGED_ALL, (gint64) 0);
  return TRUE;
}

GdkTexture *
portada_sponsors_model_get_logo (PortadaSponsorsModel *self, gint64 media_id, GError **error)
{
  GdkTexture *texture;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_MODEL (self), NULL);
  if (media_id == 0)
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, "No logo");
      return NULL;
    }
  texture = g_hash_table_lookup (self->logos, &media_id);
  if (texture)
    return texture;
  bytes = portada_media_load_data (self->newsroom, media_id, error);
  texture = bytes ? gdk_texture_new_from_bytes (bytes, error) : NULL;
  if (texture == NULL)
    return NULL;
  /* Media are stored by content, so an id always gives the same picture. */
  g_hash_table_insert (self->logos, g_memdup2 (&media_id, sizeof media_id), texture);
  return texture;
}

/* A sponsor added, saved or deleted since the store was filled. */
static void
refresh_one (PortadaSponsorsModel *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSponsor) sponsor = NULL;
  g_auto (GStrv) lists = NULL;
  PortadaSponsorsItem *item;
  guint position;

  item = portada_sponsors_model_find (self, id, &position);
  sponsor = portada_sponsors_load (self->newsroom, id, &error);
  lists = sponsor ? portada_logo_lists_of_sponsor (self->newsroom, id, &error) : NULL;
  if (lists == NULL)
    {
      if (item && g_error_matches (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
        g_list_store_remove (self->sponsors, position);
      else if (error && !g_error_matches (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
        g_warning ("Sponsor %" G_GINT64_FORMAT " cannot be read again: %s", id, error->message);
      return;
    }
  if (item)
    portada_sponsors_item_update (item, g_steal_pointer (&sponsor), g_steal_pointer (&lists));
  else
    {
      g_autoptr (PortadaSponsorsItem) added
          = portada_sponsors_item_new (g_steal_pointer (&sponsor), g_steal_pointer (&lists));
      g_list_store_insert_sorted (self->sponsors, added, by_name, NULL);
    }
}

/* Brings the store in line with the newsroom, keeping the items (and so the
 * selection) of the sponsors still there. */
static void
refresh_all (PortadaSponsorsModel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sponsors = portada_sponsors_list (self->newsroom, &error);
  g_autoptr (GHashTable) stored = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (sponsors == NULL)
    {
      g_warning ("The sponsors cannot be read again: %s", error->message);
      return;
    }
  for (guint i = 0; i < sponsors->len; i++)
    g_hash_table_add (stored, &((PortadaSponsor *) g_ptr_array_index (sponsors, i))->id);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->sponsors)); i > 0; i--)
    {
      g_autoptr (PortadaSponsorsItem) item
          = g_list_model_get_item (G_LIST_MODEL (self->sponsors), i - 1);
      gint64 id = portada_sponsors_item_get_id (item);
      if (!g_hash_table_contains (stored, &id))
        g_list_store_remove (self->sponsors, i - 1);
    }
  for (guint i = 0; i < sponsors->len; i++)
    refresh_one (self, ((PortadaSponsor *) g_ptr_array_index (sponsors, i))->id);
}

void
portada_sponsors_model_changed (PortadaSponsorsModel *self, PortadaSponsorsChange what,
                                gint64 sponsor_id)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_MODEL (self));
  if (what & (PORTADA_SPONSORS_CHANGED_SPONSORS | PORTADA_SPONSORS_CHANGED_LISTS))
    {
      if (sponsor_id != 0)
        refresh_one (self, sponsor_id);
      else
        refresh_all (self);
    }
  g_signal_emit (self, signals[CHANGED], 0, (guint) what, sponsor_id);
}

const char *
portada_sponsors_model_get_today (PortadaSponsorsModel *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_MODEL (self), NULL);
  return self->today;
}

void
portada_sponsors_model_set_today (PortadaSponsorsModel *self, const char *today)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_MODEL (self));
  g_return_if_fail (today != NULL);
  g_free (self->today);
  self->today = g_strdup (today);
  portada_sponsors_model_changed (self, PORTADA_SPONSORS_CHANGED_SPONSORS, 0);
}
