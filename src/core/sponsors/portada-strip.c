/* portada-strip.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "portada-logo-list.h"
#include "portada-strip.h"

/* A number in (0, 1) from a hash of the seed and the sponsor. */
static double
unit_random (GChecksum *sum, const char *seed, gint64 sponsor_id)
{
  /* The hash of "SEED|ID"; one checksum object serves a whole strip (the export
   * orders hundreds of thousands of strips). */
  char id[32];
  guint8 digest[32];
  gsize len = sizeof digest;
  guint64 bits = 0;

  g_snprintf (id, sizeof id, "|%lld", (long long) sponsor_id);
  g_checksum_reset (sum);
  g_checksum_update (sum, (const guchar *) seed, -1);
  g_checksum_update (sum, (const guchar *) id, -1);
  g_checksum_get_digest (sum, digest, &len);
  for (int i = 0; i < 7; i++)
    bits = (bits << 8) | digest[i];
  bits >>= 3; /* 53 bits, exactly representable */
  return ((double) bits + 0.5) / 9007199254740992.0;
}

static int
by_key_desc (const void *a, const void *b)
{
  const PortadaStripEntry *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? 1 : -1;
  return x->sponsor_id < y->sponsor_id ? -1 : x->sponsor_id > y->sponsor_id;
}

/* The alphabetical order must be the same on every machine (a site exported from
 * the command line under LC_ALL=C and the window's preview agree): letters
 * compare without accents or case ("Ávila" between "Atlas" and "Banco"), then
 * as written, then by id. */
static char *
sort_key (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name ? name : "", -1, G_NORMALIZE_NFKD);
  g_autoptr (GString) plain = g_string_new (NULL);

  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (plain, c);
    }
  return g_utf8_casefold (plain->str, -1);
}

static int
by_name (const void *a, const void *b)
{
  const PortadaStripEntry *x = a, *y = b;
  g_autofree char *kx = sort_key (x->name);
  g_autofree char *ky = sort_key (y->name);
  int c = strcmp (kx, ky);

  if (c == 0)
    c = g_strcmp0 (x->name, y->name);
  return c ? c : (x->sponsor_id < y->sponsor_id ? -1 : x->sponsor_id > y->sponsor_id);
}

void
portada_strip_order (PortadaStripEntry *entries, guint n, PortadaOrderMode mode, const char *seed)
{
  if (n == 0)
    return;
  switch (mode)
    {
      case PORTADA_ORDER_FIXED:
        return;
      case PORTADA_ORDER_ALPHABETICAL:
        qsort (entries, n, sizeof *entries, by_name);
        return;
      case PORTADA_ORDER_SHUFFLE:
      default:
        {
          g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
          /* key = u^(1/w), compared as log(u)/w to stay precise for small u. */
          for (guint i = 0; i < n; i++)
            entries[i].key = log (unit_random (sum, seed ? seed : "(null)", entries[i].sponsor_id))
                             / (entries[i].weight > 0 ? entries[i].weight : 1.0);
          qsort (entries, n, sizeof *entries, by_key_desc);
          return;
        }
    }
}

GPtrArray *
portada_strip_select (PortadaNewsroom *newsroom, const PortadaPlacement *placement,
                      const char *page_key, const char *date, GError **error)
{
  g_autoptr (GPtrArray) shown
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_sponsor_free);
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_sponsor_free);
  g_autoptr (GArray) members = NULL;
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (PortadaStripEntry));
  g_autofree char *seed = NULL;

  g_return_val_if_fail (placement != NULL && date != NULL, NULL);
  if (placement->list_id == 0)
    return g_steal_pointer (&out);
  members = portada_logo_lists_members (newsroom, placement->list_id, error);
  if (members == NULL)
    return NULL;

  for (guint i = 0; i < members->len; i++)
    {
      const PortadaLogoListMember *m = &g_array_index (members, PortadaLogoListMember, i);
      PortadaSponsor *s = portada_sponsors_load (newsroom, m->sponsor_id, error);
      PortadaStripEntry e = { 0 };

      if (s == NULL)
        return NULL;
      if (!portada_sponsor_is_shown_on (s, date))
        {
          portada_sponsor_free (s);
          continue;
        }
      e.sponsor_id = s->id;
      e.weight = m->weight;
      e.key = shown->len; /* index into shown */
      g_ptr_array_add (shown, s);
      g_array_append_val (entries, e);
    }
  for (guint i = 0; i < entries->len; i++)
    g_array_index (entries, PortadaStripEntry, i).name
        = ((PortadaSponsor *) g_ptr_array_index (shown, i))->name;

  seed = g_strdup_printf ("%s|%s|%lld", page_key ? page_key : "", date, (long long) placement->id);
  {
    /* Remember each entry's sponsor before the order moves them. */
    g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
    for (guint i = 0; i < shown->len; i++)
      g_hash_table_insert (index, &((PortadaSponsor *) g_ptr_array_index (shown, i))->id,
                           g_ptr_array_index (shown, i));
    portada_strip_order ((PortadaStripEntry *) (void *) entries->data, entries->len,
                         placement->order, seed);
    for (guint i = 0; i < entries->len; i++)
      {
        const PortadaStripEntry *e = &g_array_index (entries, PortadaStripEntry, i);
        if (placement->max_logos > 0 && out->len >= (guint) placement->max_logos)
          break;
        g_ptr_array_add (out, portada_sponsor_copy (g_hash_table_lookup (index, &e->sponsor_id)));
      }
  }
  return g_steal_pointer (&out);
}
