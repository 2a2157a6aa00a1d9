/* portada-menu.c: the menu_item table.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-menu.h"
#include "portada-newsroom-private.h"

static const char *const kinds[] = { "section", "page", "article", "url" };

PortadaMenuItem *
portada_menu_item_new (const char *label, PortadaMenuKind kind, const char *target)
{
  PortadaMenuItem *item = g_new0 (PortadaMenuItem, 1);
  item->label = g_strdup (label ? label : "");
  item->kind = kind;
  item->target = g_strdup (target);
  return item;
}

void
portada_menu_item_free (PortadaMenuItem *item)
{
  if (item == NULL)
    return;
  g_free (item->label);
  g_free (item->target);
  g_free (item);
}

static gboolean
insert_items (PortadaNewsroom *newsroom, const char *lang, const char *menu, GPtrArray *items,
              GError **error)
{
  g_autoptr (sqlite3_stmt) del = portada_newsroom_prepare (
      newsroom, "DELETE FROM menu_item WHERE lang = ?1 AND menu = ?2", error);
  g_autoptr (sqlite3_stmt) ins = NULL;

  if (del == NULL)
    return FALSE;
  portada_stmt_bind_text (del, 1, lang);
  portada_stmt_bind_text (del, 2, menu);
  if (!portada_newsroom_step_done (newsroom, del, error))
    return FALSE;
  ins = portada_newsroom_prepare (newsroom,
                                  "INSERT INTO menu_item (lang, menu, position, label, kind, "
                                  "target) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                  error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; items && i < items->len; i++)
    {
      PortadaMenuItem *item = items->pdata[i];
      if (item->target == NULL || *item->target == '\0'
          || (guint) item->kind >= G_N_ELEMENTS (kinds))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("Menu item %u (“%s”): it points nowhere"), i + 1, item->label);
          return FALSE;
        }
      sqlite3_reset (ins);
      portada_stmt_bind_text (ins, 1, lang);
      portada_stmt_bind_text (ins, 2, menu);
      sqlite3_bind_int (ins, 3, i);
      portada_stmt_bind_text (ins, 4, item->label ? item->label : "");
      portada_stmt_bind_text (ins, 5, kinds[item->kind]);
      portada_stmt_bind_text (ins, 6, item->target);
      if (!portada_newsroom_step_done (newsroom, ins, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_menu_replace (PortadaNewsroom *newsroom, const char *lang, const char *menu,
                      GPtrArray *items, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && lang && menu, FALSE);
  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  if (!insert_items (newsroom, lang, menu, items, error))
    {
      portada_newsroom_rollback (newsroom);
      return FALSE;
    }
  return portada_newsroom_commit (newsroom, error);
}

GPtrArray *
portada_menu_load (PortadaNewsroom *newsroom, const char *lang, const char *menu, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT label, kind, target FROM menu_item WHERE lang = ?1 AND menu = ?2 ORDER BY position",
      error);
  g_autoptr (GPtrArray) items
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_menu_item_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text (stmt, 1, lang);
  portada_stmt_bind_text (stmt, 2, menu);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      PortadaMenuKind k = PORTADA_MENU_URL;
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_strcmp0 (kind, kinds[i]) == 0)
          k = i;
      g_ptr_array_add (items,
                       portada_menu_item_new ((const char *) sqlite3_column_text (stmt, 0), k,
                                              (const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "the menu cannot be read");
      return NULL;
    }
  return g_steal_pointer (&items);
}
