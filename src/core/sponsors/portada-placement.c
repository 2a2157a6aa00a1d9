/* portada-placement.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-newsroom-private.h"
#include "portada-placement.h"

static const char *const order_names[] = { "shuffle", "fixed", "alphabetical" };
static const char *const slots[] = { PORTADA_SLOT_HEADER,
                                     PORTADA_SLOT_ARTICLE_TOP,
                                     PORTADA_SLOT_BODY,
                                     PORTADA_SLOT_SIDEBAR,
                                     PORTADA_SLOT_MID,
                                     PORTADA_SLOT_FOOTER,
                                     NULL };

const char *
portada_order_mode_to_string (PortadaOrderMode mode)
{
  g_return_val_if_fail (mode <= PORTADA_ORDER_ALPHABETICAL, "shuffle");
  return order_names[mode];
}

gboolean
portada_order_mode_from_string (const char *text, PortadaOrderMode *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (order_names); i++)
    if (g_strcmp0 (text, order_names[i]) == 0)
      {
        *mode = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
portada_slot_is_valid (const char *slot)
{
  return slot && g_strv_contains ((const char *const *) slots, slot);
}

static const PortadaSlotLogoSize logo_sizes[] = {
  { PORTADA_SLOT_HEADER, 150, 60 }, { PORTADA_SLOT_ARTICLE_TOP, 125, 50 },
  { PORTADA_SLOT_BODY, 125, 50 },   { PORTADA_SLOT_SIDEBAR, 200, 80 },
  { PORTADA_SLOT_MID, 125, 50 },    { PORTADA_SLOT_FOOTER, 100, 40 },
};

const PortadaSlotLogoSize *
portada_slot_logo_size (const char *slot)
{
  for (guint i = 0; i < G_N_ELEMENTS (logo_sizes); i++)
    if (g_strcmp0 (slot, logo_sizes[i].slot) == 0)
      return &logo_sizes[i];
  return NULL;
}

PortadaPlacement *
portada_placement_new (const char *slot)
{
  PortadaPlacement *p = g_new0 (PortadaPlacement, 1);
  p->slot = g_strdup (slot);
  p->languages = g_new0 (char *, 1);
  p->sections = g_new0 (char *, 1);
  return p;
}

void
portada_placement_free (PortadaPlacement *p)
{
  if (p == NULL)
    return;
  g_free (p->slot);
  g_strfreev (p->languages);
  g_strfreev (p->sections);
  g_free (p);
}

gboolean
portada_placement_applies (const PortadaPlacement *p, const char *lang, const char *section)
{
  if (p->languages && p->languages[0]
      && !(lang && g_strv_contains ((const char *const *) p->languages, lang)))
    return FALSE;
  if (p->sections && p->sections[0]
      && !(section && g_strv_contains ((const char *const *) p->sections, section)))
    return FALSE;
  return TRUE;
}

static GStrv
split_list (const char *text)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) parts = g_strsplit (text ? text : "", ",", -1);

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]))
      g_strv_builder_add (b, parts[i]);
  return g_strv_builder_end (b);
}

GPtrArray *
portada_placements_list (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_placement_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT id, slot, position, list_id, max_logos, order_mode, "
                                   "after_paragraph, languages, sections FROM placement ORDER BY "
                                   "CASE slot WHEN 'header' THEN 0 WHEN 'article-top' THEN 1 "
                                   "WHEN 'body' THEN 2 WHEN 'sidebar' THEN 3 WHEN 'mid' THEN 4 "
                                   "ELSE 5 END, position, id",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PortadaPlacement *p = g_new0 (PortadaPlacement, 1);
      p->id = sqlite3_column_int64 (stmt, 0);
      p->slot = portada_stmt_dup_text (stmt, 1);
      p->position = sqlite3_column_int (stmt, 2);
      p->list_id = sqlite3_column_int64 (stmt, 3);
      p->max_logos = sqlite3_column_int (stmt, 4);
      portada_order_mode_from_string ((const char *) sqlite3_column_text (stmt, 5), &p->order);
      p->after_paragraph = sqlite3_column_int (stmt, 6);
      p->languages = split_list ((const char *) sqlite3_column_text (stmt, 7));
      p->sections = split_list ((const char *) sqlite3_column_text (stmt, 8));
      g_ptr_array_add (list, p);
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "placements cannot be read");
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
portada_placements_save (PortadaNewsroom *newsroom, PortadaPlacement *p, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *langs = NULL;
  g_autofree char *sections = NULL;

  if (!portada_slot_is_valid (p->slot))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   "“%s” is not a place in the page: use header, article-top, body, sidebar, "
                   "mid or footer",
                   p->slot ? p->slot : "");
      return FALSE;
    }
  if (p->max_logos < 0 || p->after_paragraph < 0)
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                           "The number of logos and the paragraph cannot be negative");
      return FALSE;
    }
  langs = g_strjoinv (",", p->languages ? p->languages : (GStrv) (const char *[]){ NULL });
  sections = g_strjoinv (",", p->sections ? p->sections : (GStrv) (const char *[]){ NULL });
  stmt = portada_newsroom_prepare (
      newsroom,
      p->id == 0 ? "INSERT INTO placement (slot, position, list_id, max_logos, order_mode, "
                   "after_paragraph, languages, sections) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                   "RETURNING id"
                 : "UPDATE placement SET slot = ?1, position = ?2, list_id = ?3, max_logos = ?4, "
                   "order_mode = ?5, after_paragraph = ?6, languages = ?7, sections = ?8 "
                   "WHERE id = ?9 RETURNING id",
      error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, p->slot);
  sqlite3_bind_int (stmt, 2, p->position);
  if (p->list_id)
    sqlite3_bind_int64 (stmt, 3, p->list_id);
  sqlite3_bind_int (stmt, 4, p->max_logos);
  portada_stmt_bind_text (stmt, 5, portada_order_mode_to_string (p->order));
  sqlite3_bind_int (stmt, 6, p->after_paragraph);
  portada_stmt_bind_text (stmt, 7, langs);
  portada_stmt_bind_text (stmt, 8, sections);
  if (p->id)
    sqlite3_bind_int64 (stmt, 9, p->id);
  {
    gint64 id = 0;
    if (!portada_newsroom_step_returning (newsroom, stmt, &id, "the placement cannot be saved",
                                          error))
      return FALSE;
    p->id = id;
    return TRUE;
  }
}

gboolean
portada_placements_delete (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (newsroom, "DELETE FROM placement WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return portada_newsroom_step_done (newsroom, stmt, error);
}
