/* portada-media-library.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads where an image is used with its own queries; every change goes through the
 * module that owns the table (articles, sponsors, settings, media).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-media-import.h"
#include "portada-media-library.h"
#include "portada-newsroom-private.h"
#include "portada-settings.h"
#include "portada-sponsor.h"

void
portada_media_use_free (PortadaMediaUse *use)
{
  if (use == NULL)
    return;
  g_free (use->name);
  g_free (use);
}

static void
add_use (GPtrArray *out, PortadaMediaUseKind kind, gint64 target, const char *name)
{
  PortadaMediaUse *use = g_new0 (PortadaMediaUse, 1);

  use->kind = kind;
  use->target_id = target;
  use->name = g_strdup (name && *name ? name : _ ("Untitled"));
  g_ptr_array_add (out, use);
}

static gboolean
collect (PortadaNewsroom *newsroom, const char *sql, PortadaMediaUseKind kind, gint64 id,
         const char *ref, GPtrArray *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  portada_stmt_bind_text (stmt, 2, ref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_use (out, kind, sqlite3_column_int64 (stmt, 0),
             (const char *) sqlite3_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, _ ("the image's uses cannot be read"));
  return TRUE;
}

GPtrArray *
portada_media_library_uses (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_media_use_free);
  g_autoptr (PortadaMedia) m = portada_media_load_info (newsroom, id, error);
  g_autofree char *ref = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (m == NULL)
    return NULL;
  ref = g_strconcat ("media/", m->sha256, NULL);
  if (!collect (newsroom,
                "SELECT id, title FROM article WHERE featured_media_id = ?1 AND ?2 IS NOT NULL "
                "ORDER BY id",
                PORTADA_MEDIA_USE_FEATURED, id, ref, out, error)
      || !collect (newsroom,
                   "SELECT id, title FROM article WHERE ?1 IS NOT NULL AND instr(body, ?2) > 0 "
                   "ORDER BY id",
                   PORTADA_MEDIA_USE_BODY, id, ref, out, error)
      || !collect (newsroom,
                   "SELECT id, name FROM sponsor WHERE logo_media_id = ?1 AND ?2 IS NOT NULL "
                   "ORDER BY name COLLATE NOCASE",
                   PORTADA_MEDIA_USE_LOGO, id, ref, out, error))
    return NULL;
  {
    const char *icons[] = { PORTADA_SETTING_FAVICON, PORTADA_SETTING_TOUCH_ICON };
    const char *names[] = { N_ ("The site's icon"), N_ ("The site's touch icon") };

    for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
      {
        g_autofree char *value = portada_settings_get (newsroom, icons[i], error);
        if (value == NULL)
          return NULL;
        if (g_str_equal (value, id_text))
          add_use (out, PORTADA_MEDIA_USE_ICON, 0, _ (names[i]));
      }
  }
  return g_steal_pointer (&out);
}

gboolean
portada_media_library_delete (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) uses = portada_media_library_uses (newsroom, id, error);

  if (uses == NULL)
    return FALSE;
  if (uses->len > 0)
    {
      PortadaMediaUse *first = g_ptr_array_index (uses, 0);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The image is still used by “%s”: it cannot be deleted",
                                "The image is still used by “%s” and %u other places: it cannot "
                                "be deleted",
                                uses->len),
                   first->name, uses->len - 1);
      return FALSE;
    }
  return portada_media_remove (newsroom, id, error);
}

/* @text with every "media/<old>" made "media/<new>". */
static char *
replace_ref (const char *text, const char *old_ref, const char *new_ref)
{
  g_auto (GStrv) parts = g_strsplit (text ? text : "", old_ref, -1);
  return g_strjoinv (new_ref, parts);
}

static gboolean
move_use (PortadaNewsroom *newsroom, const PortadaMediaUse *use, gint64 old_id, gint64 new_id,
          const char *old_ref, const char *new_ref, GError **error)
{
  switch (use->kind)
    {
      case PORTADA_MEDIA_USE_FEATURED:
      case PORTADA_MEDIA_USE_BODY:
        {
          g_autoptr (PortadaArticle) a = portada_articles_load (newsroom, use->target_id, error);
          if (a == NULL)
            return FALSE;
          char *body = replace_ref (a->body, old_ref, new_ref);

          /* Both at once: an article may show it featured and name it in its text. */
          if (a->featured_media_id == old_id)
            a->featured_media_id = new_id;
          g_free (a->body);
          a->body = body;
          return portada_articles_save (newsroom, a, PORTADA_SAVE_DEFAULT, error);
        }
      case PORTADA_MEDIA_USE_LOGO:
        {
          g_autoptr (PortadaSponsor) s = portada_sponsors_load (newsroom, use->target_id, error);
          if (s == NULL)
            return FALSE;
          s->logo_media_id = new_id;
          return portada_sponsors_save (newsroom, s, error);
        }
      case PORTADA_MEDIA_USE_ICON:
        {
          const char *icons[] = { PORTADA_SETTING_FAVICON, PORTADA_SETTING_TOUCH_ICON };
          g_autofree char *old_text = g_strdup_printf ("%" G_GINT64_FORMAT, old_id);
          g_autofree char *new_text = g_strdup_printf ("%" G_GINT64_FORMAT, new_id);

          for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
            {
              g_autofree char *value = portada_settings_get (newsroom, icons[i], error);
              if (value == NULL)
                return FALSE;
              if (g_str_equal (value, old_text)
                  && !portada_settings_set (newsroom, icons[i], new_text, error))
                return FALSE;
            }
          return TRUE;
        }
    }
  return TRUE;
}

gint64
portada_media_library_replace (PortadaNewsroom *newsroom, gint64 id, const char *filename,
                               GBytes *data, GError **error)
{
  g_autoptr (PortadaMedia) old = portada_media_load_info (newsroom, id, error);
  g_autoptr (PortadaMedia) fresh = NULL;
  g_autoptr (GPtrArray) uses = NULL;
  g_autofree char *old_ref = NULL;
  g_autofree char *new_ref = NULL;
  gint64 new_id;

  if (old == NULL)
    return 0;
  if (!portada_newsroom_begin (newsroom, error))
    return 0;
  new_id = portada_media_import (newsroom, filename, data, NULL, error);
  if (new_id == 0)
    goto failed;
  if (new_id == id)
    return portada_newsroom_commit (newsroom, error) ? id : 0; /* the same bytes */
  fresh = portada_media_load_info (newsroom, new_id, error);
  uses = fresh ? portada_media_library_uses (newsroom, id, error) : NULL;
  if (uses == NULL)
    goto failed;
  if (!portada_media_set_details (
          newsroom, new_id, fresh->alt_text && *fresh->alt_text ? fresh->alt_text : old->alt_text,
          fresh->caption && *fresh->caption ? fresh->caption : old->caption,
          fresh->credit && *fresh->credit ? fresh->credit : old->credit, error))
    goto failed;
  old_ref = g_strconcat ("media/", old->sha256, NULL);
  new_ref = g_strconcat ("media/", fresh->sha256, NULL);
  for (guint i = 0; i < uses->len; i++)
    {
      PortadaMediaUse *use = g_ptr_array_index (uses, i);
      /* One move per article (featured and in its text) and one for both icons. */
      gboolean article
          = use->kind == PORTADA_MEDIA_USE_FEATURED || use->kind == PORTADA_MEDIA_USE_BODY;
      gboolean moved = FALSE;

      for (guint j = 0; j < i && !moved; j++)
        {
          PortadaMediaUse *u = g_ptr_array_index (uses, j);
          gboolean same_kind = article ? (u->kind == PORTADA_MEDIA_USE_FEATURED
                                          || u->kind == PORTADA_MEDIA_USE_BODY)
                                       : u->kind == use->kind;
          moved = same_kind && u->target_id == use->target_id;
        }
      if (!moved && !move_use (newsroom, use, id, new_id, old_ref, new_ref, error))
        goto failed;
    }
  if (!portada_newsroom_commit (newsroom, error))
    return 0;
  return new_id;

failed:
  portada_newsroom_rollback (newsroom);
  return 0;
}
