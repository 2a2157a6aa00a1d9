/* portada-media-checks.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-media-checks.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-markdown.h"
#include "portada-picture.h"
#include "portada-sanitizer.h"

/* Body images: the sha256 of each "media/<sha256>", and the articles whose body
 * writes one without alt text ("![](media/..."). */
static gboolean
scan_bodies (PortadaNewsroom *newsroom, GHashTable *used, GPtrArray *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom, "SELECT id, title, body FROM article WHERE instr(body, 'media/') > 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *body = (const char *) sqlite3_column_text (stmt, 2);
      portada_picture_collect_refs (body, used);
      if (body && strstr (body, "![](media/"))
        g_ptr_array_add (
            out, portada_problem_new ("image-no-alt", PORTADA_TARGET_ARTICLE,
                                      sqlite3_column_int64 (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      _ ("an image in the text has no alt text"),
                                      _ ("describe what it shows between the brackets of ![…]")));
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, _ ("images cannot be read"));
  return TRUE;
}

/* Remote images in the bodies: never shown (the preview and the site agree), each
 * named with its address so that it can be imported. */
static gboolean
scan_remote (PortadaNewsroom *newsroom, GPtrArray *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT id, title, body FROM article WHERE instr(body, '//') > 0 AND (instr(body, '![') > 0 "
      "OR instr(lower(body), '<img') > 0) ORDER BY id",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *html
          = portada_markdown_to_html ((const char *) sqlite3_column_text (stmt, 2));
      g_autoptr (GPtrArray) urls = portada_sanitize_remote_images (html);

      for (guint i = 0; i < urls->len; i++)
        {
          g_autofree char *message = g_strdup_printf (
              _ ("the image “%s” is on another site: it is shown as a link, not loaded"),
              (char *) urls->pdata[i]);
          g_ptr_array_add (
              out, portada_problem_new ("image-remote", PORTADA_TARGET_ARTICLE,
                                        sqlite3_column_int64 (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1), message,
                                        _ ("download it and insert it with Insert Image")));
        }
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, _ ("images cannot be read"));
  return TRUE;
}

GPtrArray *
portada_media_checks_run (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_problem_free);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (!scan_bodies (newsroom, used, out, error) || !scan_remote (newsroom, out, error))
    return NULL;
  stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT m.id, m.sha256, coalesce(m.filename, m.sha256), m.mime, m.width, m.height,"
      " coalesce(m.alt_text, ''),"
      " (SELECT a.id FROM article a WHERE a.featured_media_id = m.id ORDER BY a.id LIMIT 1),"
      " (SELECT a.title FROM article a WHERE a.featured_media_id = m.id ORDER BY a.id LIMIT 1),"
      " EXISTS (SELECT 1 FROM sponsor s WHERE s.logo_media_id = m.id)"
      " FROM media m ORDER BY m.id",
      error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha = (const char *) sqlite3_column_text (stmt, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      const char *mime = (const char *) sqlite3_column_text (stmt, 3);
      int width = sqlite3_column_int (stmt, 4), height = sqlite3_column_int (stmt, 5);
      gint64 article = sqlite3_column_int64 (stmt, 7);
      gboolean logo = sqlite3_column_int (stmt, 9);

      if (article && *(const char *) sqlite3_column_text (stmt, 6) == '\0')
        g_ptr_array_add (
            out, portada_problem_new ("image-no-alt", PORTADA_TARGET_ARTICLE, article,
                                      (const char *) sqlite3_column_text (stmt, 8),
                                      _ ("its featured image has no alt text"),
                                      _ ("write what the picture shows under Featured Image")));
      if (g_strcmp0 (mime, "image/svg+xml") != 0 && width > PORTADA_MEDIA_LARGEST_NEEDED)
        {
          g_autofree char *message = g_strdup_printf (
              _ ("the image is %d × %d pixels; no screen shows more than %d pixels across"), width,
              height, PORTADA_MEDIA_LARGEST_NEEDED);
          g_ptr_array_add (out, portada_problem_new (
                                    "image-too-large", PORTADA_TARGET_NEWSROOM, 0, name, message,
                                    _ ("store a smaller copy: the newsroom file would shrink")));
        }
      if (!article && !logo && !g_hash_table_contains (used, sha))
        g_ptr_array_add (
            out, portada_problem_new ("image-unused", PORTADA_TARGET_NEWSROOM, 0, name,
                                      _ ("no article and no sponsor uses this image"),
                                      _ ("use it, or delete it to make the newsroom smaller")));
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("images cannot be read"));
      return NULL;
    }
  return g_steal_pointer (&out);
}
