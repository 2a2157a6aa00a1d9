/* portada-wordpress-media.c: the newsroom's images on a WordPress site.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wordpress_media table, written only here, keeps the attachment each image
 * became on each site, so that an image is uploaded once and every article that
 * shows it (as its featured image or in its body) reuses it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-error.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-slug.h"
#include "portada-wordpress-media.h"

#define BODY_REF "\"media/"

static gboolean
lookup (PortadaNewsroom *nr, const char *site, gint64 media_id, gint64 *wp_id, char **url,
        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      nr, "SELECT wp_media_id, source_url FROM wordpress_media WHERE media_id = ?1 AND site = ?2",
      error);
  int rc;

  *wp_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, media_id);
  portada_stmt_bind_text (stmt, 2, site);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *wp_id = sqlite3_column_int64 (stmt, 0);
      *url = portada_stmt_dup_text (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  return portada_newsroom_set_error (nr, error, _ ("the WordPress images cannot be read"));
}

static gboolean
store (PortadaNewsroom *nr, const char *site, gint64 media_id, gint64 wp_id, const char *url,
       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (nr,
                                  "INSERT OR REPLACE INTO wordpress_media (media_id, site, "
                                  "wp_media_id, source_url) VALUES (?1, ?2, ?3, ?4)",
                                  error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, media_id);
  portada_stmt_bind_text (stmt, 2, site);
  sqlite3_bind_int64 (stmt, 3, wp_id);
  portada_stmt_bind_text (stmt, 4, url);
  return portada_newsroom_step_done (nr, stmt, error);
}

/* "harbour-dawn.jpg": the stored name made safe for a header, with the right extension. */
static char *
upload_name (const PortadaMedia *m)
{
  g_autofree char *base = m->filename ? g_strdup (m->filename) : g_strdup (m->sha256);
  char *dot = strrchr (base, '.');
  g_autofree char *slug = NULL;

  if (dot && dot != base)
    *dot = '\0';
  slug = portada_slug_from_title (base);
  if (slug == NULL || *slug == '\0')
    {
      g_free (slug);
      slug = g_strndup (m->sha256, 16);
    }
  return g_strconcat (slug, ".", portada_media_extension (m->mime), NULL);
}

/* Alt text and caption, sent after the upload (the upload's body is the image). */
static gboolean
send_details (PortadaWpClient *client, const PortadaMedia *m, gint64 wp_id, const char *what,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *route = g_strdup_printf ("/wp/v2/media/%lld", (long long) wp_id);

  if ((m->alt_text == NULL || *m->alt_text == '\0') && (m->caption == NULL || *m->caption == '\0'))
    return TRUE;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "alt_text");
  json_builder_add_string_value (b, m->alt_text ? m->alt_text : "");
  json_builder_set_member_name (b, "caption");
  json_builder_add_string_value (b, m->caption ? m->caption : "");
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  answer
      = portada_wp_client_call (client, "POST", route, NULL, body, what, cancellable, NULL, error);
  return answer != NULL;
}

gboolean
portada_wp_media_get (PortadaNewsroom *nr, PortadaWpClient *client, const char *site,
                      gint64 media_id, gint64 *wp_id, char **url, GCancellable *cancellable,
                      gboolean *fatal, GError **error)
{
  g_autoptr (PortadaMedia) m = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  JsonObject *o;
  const char *source;

  *fatal = TRUE;
  if (!lookup (nr, site, media_id, wp_id, url, error))
    return FALSE;
  if (*wp_id > 0)
    return TRUE;
  if ((m = portada_media_load_info (nr, media_id, error)) == NULL
      || (data = portada_media_load_data (nr, media_id, error)) == NULL)
    return FALSE;
  name = upload_name (m);
  what = g_strdup_printf (_ ("to upload the image “%s”"), name);
  *fatal = FALSE;
  answer = portada_wp_client_upload (client, data, m->mime, name, what, cancellable, error);
  if (answer == NULL)
    return FALSE;
  o = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  source = o ? portada_wp_string (o, "source_url") : NULL;
  *wp_id = o ? json_object_get_int_member_with_default (o, "id", 0) : 0;
  if (*wp_id <= 0 || source == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: the answer to the request %s has no id or address"), site, what);
      return FALSE;
    }
  *url = g_strdup (source);
  /* Kept before the details: the image is on the site from now on. */
  *fatal = TRUE;
  if (!store (nr, site, media_id, *wp_id, source, error))
    return FALSE;
  *fatal = FALSE;
  return send_details (client, m, *wp_id, what, cancellable, error);
}

char *
portada_wp_media_resolve_body (PortadaNewsroom *nr, PortadaWpClient *client, const char *site,
                               const char *html, GCancellable *cancellable, gboolean *fatal,
                               GError **error)
{
  g_autoptr (GString) out = g_string_new (html);
  const char *p = html;

  *fatal = FALSE;
  while ((p = strstr (p, BODY_REF)) != NULL)
    {
      g_autofree char *sha = g_strndup (p + strlen (BODY_REF), 64);
      g_autofree char *ref = g_strconcat (BODY_REF, sha, "\"", NULL);
      g_autofree char *url = NULL;
      g_autofree char *quoted = NULL;
      g_autoptr (PortadaMedia) m = NULL;
      g_autoptr (GError) local = NULL;
      gint64 wp_id;

      p += strlen (BODY_REF);
      if (!portada_media_is_sha256 (sha) || p[64] != '"')
        continue;
      m = portada_media_find_sha256 (nr, sha, &local);
      if (m == NULL)
        continue; /* an image the newsroom lacks stays as it is, as in the export */
      if (!portada_wp_media_get (nr, client, site, m->id, &wp_id, &url, cancellable, fatal, error))
        return NULL;
      {
        g_autofree char *escaped = g_markup_escape_text (url, -1);
        quoted = g_strconcat ("\"", escaped, "\"", NULL);
      }
      g_string_replace (out, ref, quoted, 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
