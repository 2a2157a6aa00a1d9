/* portada-sponsor.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "portada-newsroom-private.h"
#include "portada-sponsor.h"

PortadaSponsor *
portada_sponsor_new (const char *name)
{
  PortadaSponsor *s = g_new0 (PortadaSponsor, 1);
  s->name = g_strdup (name);
  s->alt_text = g_strdup (name);
  s->active = TRUE;
  return s;
}

PortadaSponsor *
portada_sponsor_copy (const PortadaSponsor *o)
{
  PortadaSponsor *s = g_new0 (PortadaSponsor, 1);
  *s = *o;
  s->name = g_strdup (o->name);
  s->website = g_strdup (o->website);
  s->alt_text = g_strdup (o->alt_text);
  s->contract_start = g_strdup (o->contract_start);
  s->contract_end = g_strdup (o->contract_end);
  s->notes = g_strdup (o->notes);
  return s;
}

void
portada_sponsor_free (PortadaSponsor *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->website);
  g_free (s->alt_text);
  g_free (s->contract_start);
  g_free (s->contract_end);
  g_free (s->notes);
  g_free (s);
}

gboolean
portada_sponsor_is_shown_on (const PortadaSponsor *s, const char *date)
{
  if (!s->active)
    return FALSE;
  /* ISO dates compare as strings. */
  if (s->contract_start && *s->contract_start && g_strcmp0 (date, s->contract_start) < 0)
    return FALSE;
  if (s->contract_end && *s->contract_end && g_strcmp0 (date, s->contract_end) > 0)
    return FALSE;
  return TRUE;
}

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

gboolean
portada_sponsor_website_is_valid (const char *url)
{
  g_autoptr (GUri) uri = NULL;

  if (url == NULL || *url == '\0' || strpbrk (url, " \t\r\n") != NULL)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return uri
         && (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0
             || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0)
         && g_uri_get_host (uri) && *g_uri_get_host (uri);
}

gboolean
portada_sponsor_validate (const PortadaSponsor *s, GError **error)
{
  const char *texts[] = { s->name, s->website, s->alt_text, s->notes };
  g_autofree char *name = g_strstrip (g_strdup (s->name ? s->name : ""));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] && !g_utf8_validate (texts[i], -1, NULL))
      {
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                     "A field of sponsor “%s” is not valid UTF-8 text", s->name ? s->name : "");
        return FALSE;
      }
  if (*name == '\0')
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, "A sponsor needs a name");
      return FALSE;
    }
  if (s->website && *s->website && !portada_sponsor_website_is_valid (s->website))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   "The website “%s” of sponsor “%s” is not a web address: it must start with "
                   "http:// or https://",
                   s->website, s->name);
      return FALSE;
    }
  if (!valid_date (s->contract_start) || !valid_date (s->contract_end))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   "The contract dates of sponsor “%s” must be dates such as 2026-12-31", s->name);
      return FALSE;
    }
  if (s->contract_start && s->contract_end && *s->contract_start && *s->contract_end
      && strcmp (s->contract_start, s->contract_end) > 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   "The contract of sponsor “%s” ends (%s) before it starts (%s)", s->name,
                   s->contract_end, s->contract_start);
      return FALSE;
    }
  return TRUE;
}

#define SPONSOR_COLUMNS                                                                            \
  "id, name, website, logo_media_id, alt_text, contract_start, contract_end, active, notes"

static PortadaSponsor *
sponsor_from_row (sqlite3_stmt *stmt)
{
  PortadaSponsor *s = g_new0 (PortadaSponsor, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->name = portada_stmt_dup_text (stmt, 1);
  s->website = portada_stmt_dup_text (stmt, 2);
  s->logo_media_id = sqlite3_column_int64 (stmt, 3);
  s->alt_text = portada_stmt_dup_text (stmt, 4);
  s->contract_start = portada_stmt_dup_text (stmt, 5);
  s->contract_end = portada_stmt_dup_text (stmt, 6);
  s->active = sqlite3_column_int (stmt, 7) != 0;
  s->notes = portada_stmt_dup_text (stmt, 8);
  return s;
}

GPtrArray *
portada_sponsors_list (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_sponsor_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT " SPONSOR_COLUMNS " FROM sponsor "
                                   "ORDER BY name COLLATE NOCASE, id",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, sponsor_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "sponsors cannot be read");
      return NULL;
    }
  return g_steal_pointer (&list);
}

PortadaSponsor *
portada_sponsors_load (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom, "SELECT " SPONSOR_COLUMNS " FROM sponsor WHERE id = ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sponsor_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, "There is no sponsor %lld",
                 (long long) id);
  else
    portada_newsroom_set_error (newsroom, error, "the sponsor cannot be read");
  return NULL;
}

gboolean
portada_sponsors_save (PortadaNewsroom *newsroom, PortadaSponsor *s, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (s != NULL, FALSE);
  if (!portada_sponsor_validate (s, error))
    return FALSE;
  stmt = portada_newsroom_prepare (
      newsroom,
      s->id == 0
          ? "INSERT INTO sponsor (name, website, logo_media_id, alt_text, contract_start, "
            "contract_end, active, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id"
          : "UPDATE sponsor SET name = ?1, website = ?2, logo_media_id = ?3, alt_text = ?4, "
            "contract_start = ?5, contract_end = ?6, active = ?7, notes = ?8 WHERE id = ?9 "
            "RETURNING id",
      error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, s->name);
  portada_stmt_bind_text_or_null (stmt, 2, s->website);
  if (s->logo_media_id)
    sqlite3_bind_int64 (stmt, 3, s->logo_media_id);
  portada_stmt_bind_text (stmt, 4, s->alt_text);
  portada_stmt_bind_text_or_null (stmt, 5, s->contract_start);
  portada_stmt_bind_text_or_null (stmt, 6, s->contract_end);
  sqlite3_bind_int (stmt, 7, s->active ? 1 : 0);
  portada_stmt_bind_text_or_null (stmt, 8, s->notes);
  if (s->id)
    sqlite3_bind_int64 (stmt, 9, s->id);
  {
    gint64 id = s->id;
    g_autoptr (GError) local = NULL;

    if (portada_newsroom_step_returning (newsroom, stmt, &s->id, "the sponsor cannot be saved",
                                         &local))
      return TRUE;
    s->id = id;
    if (g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, "There is no sponsor %lld",
                   (long long) id);
    else
      g_propagate_error (error, g_steal_pointer (&local));
    return FALSE;
  }
}

gboolean
portada_sponsors_delete (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (newsroom, "DELETE FROM sponsor WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return portada_newsroom_step_done (newsroom, stmt, error);
}
