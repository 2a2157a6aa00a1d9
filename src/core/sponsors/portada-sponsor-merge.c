/* portada-sponsor-merge.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-logo-list.h"
#include "portada-placement.h"
#include "portada-sponsor-merge.h"
#include "portada-sponsor.h"

void
portada_sponsor_appearance_free (PortadaSponsorAppearance *a)
{
  if (a == NULL)
    return;
  g_free (a->list_name);
  g_array_unref (a->placement_ids);
  g_strfreev (a->slots);
  g_free (a);
}

GPtrArray *
portada_sponsor_appearances (PortadaNewsroom *newsroom, gint64 sponsor_id, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_sponsor_appearance_free);
  g_autoptr (GPtrArray) lists = portada_logo_lists_list (newsroom, error);
  g_autoptr (GPtrArray) placements = NULL;

  if (lists == NULL)
    return NULL;
  placements = portada_placements_list (newsroom, error);
  if (placements == NULL)
    return NULL;
  for (guint i = 0; i < lists->len; i++)
    {
      const PortadaLogoList *l = g_ptr_array_index (lists, i);
      g_autoptr (GArray) members = portada_logo_lists_members (newsroom, l->id, error);
      g_autoptr (GPtrArray) slots = NULL;
      PortadaSponsorAppearance *a = NULL;

      if (members == NULL)
        return NULL;
      for (guint j = 0; j < members->len && a == NULL; j++)
        {
          const PortadaLogoListMember *m = &g_array_index (members, PortadaLogoListMember, j);
          if (m->sponsor_id != sponsor_id)
            continue;
          a = g_new0 (PortadaSponsorAppearance, 1);
          a->list_id = l->id;
          a->list_name = g_strdup (l->name);
          a->weight = m->weight;
          a->position = j;
          a->placement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
      if (a == NULL)
        continue;
      slots = g_ptr_array_new ();
      for (guint k = 0; k < placements->len; k++)
        {
          PortadaPlacement *p = g_ptr_array_index (placements, k);
          if (p->list_id != l->id)
            continue;
          g_array_append_val (a->placement_ids, p->id);
          if (!g_ptr_array_find_with_equal_func (slots, p->slot, g_str_equal, NULL))
            g_ptr_array_add (slots, p->slot);
        }
      g_ptr_array_add (slots, NULL);
      a->slots = g_strdupv ((char **) slots->pdata);
      g_ptr_array_add (out, a);
    }
  return g_steal_pointer (&out);
}

static void
take_if_missing (char **mine, const char *theirs)
{
  if ((*mine == NULL || **mine == '\0') && theirs && *theirs)
    {
      g_free (*mine);
      *mine = g_strdup (theirs);
    }
}

/* On every list where @other is and @keep is not, @keep takes @other's place. */
static gboolean
move_memberships (PortadaNewsroom *newsroom, gint64 keep, gint64 other, GError **error)
{
  g_autoptr (GPtrArray) lists = portada_logo_lists_list (newsroom, error);

  if (lists == NULL)
    return FALSE;
  for (guint i = 0; i < lists->len; i++)
    {
      const PortadaLogoList *l = g_ptr_array_index (lists, i);
      g_autoptr (GArray) members = portada_logo_lists_members (newsroom, l->id, error);
      g_autoptr (GArray) merged = g_array_new (FALSE, FALSE, sizeof (PortadaLogoListMember));
      gboolean has_keep = FALSE, has_other = FALSE;

      if (members == NULL)
        return FALSE;
      for (guint j = 0; j < members->len; j++)
        {
          gint64 id = g_array_index (members, PortadaLogoListMember, j).sponsor_id;
          has_keep |= id == keep;
          has_other |= id == other;
        }
      if (!has_other)
        continue;
      for (guint j = 0; j < members->len; j++)
        {
          PortadaLogoListMember m = g_array_index (members, PortadaLogoListMember, j);
          if (m.sponsor_id == other)
            {
              if (has_keep)
                continue;
              m.sponsor_id = keep;
            }
          g_array_append_val (merged, m);
        }
      if (!portada_logo_lists_set_members (newsroom, l->id,
                                           (const PortadaLogoListMember *) (void *) merged->data,
                                           merged->len, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_sponsors_merge (PortadaNewsroom *newsroom, gint64 keep_id, gint64 other_id, GError **error)
{
  g_autoptr (PortadaSponsor) keep = NULL;
  g_autoptr (PortadaSponsor) other = NULL;

  if (keep_id == other_id)
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                           _ ("A sponsor cannot be joined with itself"));
      return FALSE;
    }
  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  keep = portada_sponsors_load (newsroom, keep_id, error);
  other = keep ? portada_sponsors_load (newsroom, other_id, error) : NULL;
  if (other == NULL)
    goto failed;
  take_if_missing (&keep->website, other->website);
  take_if_missing (&keep->contract_start, other->contract_start);
  take_if_missing (&keep->contract_end, other->contract_end);
  take_if_missing (&keep->alt_text, other->alt_text);
  if (other->notes && *other->notes)
    {
      g_autofree char *notes = keep->notes && *keep->notes
                                   ? g_strdup_printf ("%s\n%s", keep->notes, other->notes)
                                   : g_strdup (other->notes);
      g_free (keep->notes);
      keep->notes = g_steal_pointer (&notes);
    }
  if (keep->logo_media_id == 0)
    keep->logo_media_id = other->logo_media_id;
  if (!move_memberships (newsroom, keep_id, other_id, error)
      || !portada_sponsors_save (newsroom, keep, error)
      || !portada_sponsors_delete (newsroom, other_id, error))
    goto failed;
  return portada_newsroom_commit (newsroom, error);

failed:
  portada_newsroom_rollback (newsroom);
  return FALSE;
}
