/* portada-destination.c: the destination address of a publish.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-destination.h"
#include "portada-error.h"

#define EXPECTED "file:///PATH, sftp://USER@HOST[:PORT]/PATH, wordpress+https://SITE"

static gboolean
refuse (GError **error, const char *address, const char *why)
{
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
               _ ("“%s” is not a publishing destination: %s (expected %s)"), address, why,
               EXPECTED);
  return FALSE;
}

/* No "..", no empty names but the leading one, no control characters. */
static gboolean
path_is_clean (const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);

  for (const char *c = path; *c; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f)
      return FALSE;
  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;
  return g_utf8_validate (path, -1, NULL);
}

void
portada_destination_free (PortadaDestination *destination)
{
  if (destination == NULL)
    return;
  g_free (destination->user);
  g_free (destination->host);
  g_free (destination->path);
  g_free (destination);
}

static char *
trimmed_path (const char *path)
{
  char *out = g_strdup (path);
  gsize len = strlen (out);

  while (len > 1 && out[len - 1] == '/')
    out[--len] = '\0';
  return out;
}

static PortadaDestination *
parse_folder (GUri *uri, const char *address, GError **error)
{
  const char *host = g_uri_get_host (uri);
  const char *path = g_uri_get_path (uri);
  PortadaDestination *d;

  if (host && *host && g_ascii_strcasecmp (host, "localhost") != 0)
    {
      refuse (error, address, _ ("a file:// address names a folder of this computer, not a host"));
      return NULL;
    }
  if (path == NULL || path[0] != '/' || g_str_equal (path, "/"))
    {
      refuse (error, address, _ ("the folder must be an absolute path other than /"));
      return NULL;
    }
  if (!path_is_clean (path))
    {
      refuse (error, address, _ ("the path holds “..” or control characters"));
      return NULL;
    }
  d = g_new0 (PortadaDestination, 1);
  d->kind = PORTADA_DESTINATION_FOLDER;
  d->path = trimmed_path (path);
  return d;
}

static PortadaDestination *
parse_sftp (GUri *uri, const char *address, GError **error)
{
  const char *user = g_uri_get_user (uri);
  const char *host = g_uri_get_host (uri);
  const char *path = g_uri_get_path (uri);
  int port = g_uri_get_port (uri);
  PortadaDestination *d;

  if (g_uri_get_password (uri) != NULL)
    {
      refuse (error, address,
              _ ("a password does not belong in the address, which is stored in the newsroom"));
      return NULL;
    }
  if (user == NULL || *user == '\0')
    {
      refuse (error, address, _ ("the user is missing"));
      return NULL;
    }
  if (host == NULL || *host == '\0')
    {
      refuse (error, address, _ ("the host is missing"));
      return NULL;
    }
  if (port == 0 || port > 65535)
    {
      refuse (error, address, _ ("the port must be a number from 1 to 65535"));
      return NULL;
    }
  if (path == NULL || path[0] != '/' || g_str_equal (path, "/") || g_str_equal (path, "/~")
      || g_str_equal (path, "/~/"))
    {
      refuse (error, address, _ ("the folder on the server is missing"));
      return NULL;
    }
  if (!path_is_clean (path) || strpbrk (user, "\r\n\t") || strpbrk (host, "\r\n\t /"))
    {
      refuse (error, address, _ ("the path holds “..” or control characters"));
      return NULL;
    }
  d = g_new0 (PortadaDestination, 1);
  d->kind = PORTADA_DESTINATION_SFTP;
  d->user = g_strdup (user);
  d->host = g_strdup (host);
  d->port = port < 0 ? 22 : port;
  /* /~/www is "www" in the login folder. */
  d->path = trimmed_path (g_str_has_prefix (path, "/~/") ? path + 3 : path);
  return d;
}

static gboolean
is_loopback (const char *host)
{
  return g_ascii_strcasecmp (host, "localhost") == 0 || g_str_equal (host, "::1")
         || g_str_has_prefix (host, "127.");
}

static PortadaDestination *
parse_wordpress (GUri *uri, const char *address, gboolean secure, GError **error)
{
  const char *user = g_uri_get_user (uri);
  const char *host = g_uri_get_host (uri);
  const char *path = g_uri_get_path (uri);
  int port = g_uri_get_port (uri);
  PortadaDestination *d;

  if (g_uri_get_password (uri) != NULL)
    {
      refuse (error, address,
              _ ("a password does not belong in the address, which is stored in the newsroom"));
      return NULL;
    }
  if (host == NULL || *host == '\0' || strpbrk (host, "\r\n\t /"))
    {
      refuse (error, address, _ ("the site's host is missing"));
      return NULL;
    }
  if (port == 0 || port > 65535)
    {
      refuse (error, address, _ ("the port must be a number from 1 to 65535"));
      return NULL;
    }
  if (!secure && !is_loopback (host))
    {
      refuse (error, address,
              _ ("wordpress+http:// sends the application password in the clear: use "
                 "wordpress+https://, or a test site on this computer (127.0.0.1)"));
      return NULL;
    }
  if (path && *path && (!path_is_clean (path) || path[0] != '/'))
    {
      refuse (error, address, _ ("the path holds “..” or control characters"));
      return NULL;
    }
  if (user && strpbrk (user, "\r\n\t:"))
    {
      refuse (error, address, _ ("the user name holds control characters"));
      return NULL;
    }
  d = g_new0 (PortadaDestination, 1);
  d->kind = PORTADA_DESTINATION_WORDPRESS;
  d->user = user && *user ? g_strdup (user) : NULL;
  d->host = g_strdup (host);
  d->port = port;
  d->secure = secure;
  d->path = path && *path ? trimmed_path (path) : g_strdup ("");
  if (g_str_equal (d->path, "/"))
    d->path[0] = '\0';
  return d;
}

PortadaDestination *
portada_destination_parse (const char *address, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) local = NULL;
  const char *scheme;

  if (address == NULL || *address == '\0')
    {
      refuse (error, "", _ ("the address is empty"));
      return NULL;
    }
  /* GUri resolves dot segments away: "/srv/../etc" would become "/etc" unseen. */
  if (strstr (address, "/../") || strstr (address, "/./") || g_str_has_suffix (address, "/..")
      || g_str_has_suffix (address, "/."))
    {
      refuse (error, address, _ ("the path holds “..” or control characters"));
      return NULL;
    }
  uri = g_uri_parse (address, G_URI_FLAGS_HAS_PASSWORD, &local);
  if (uri == NULL)
    {
      refuse (error, address, local->message);
      return NULL;
    }
  if (g_uri_get_query (uri) || g_uri_get_fragment (uri))
    {
      refuse (error, address, _ ("an address with ? or # is not a folder"));
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "file") == 0)
    return parse_folder (uri, address, error);
  if (g_ascii_strcasecmp (scheme, "sftp") == 0)
    return parse_sftp (uri, address, error);
  if (g_ascii_strcasecmp (scheme, "wordpress+https") == 0)
    return parse_wordpress (uri, address, TRUE, error);
  if (g_ascii_strcasecmp (scheme, "wordpress+http") == 0)
    return parse_wordpress (uri, address, FALSE, error);
  refuse (error, address, _ ("unknown scheme"));
  return NULL;
}

/* "host", "host:port" or "[::1]:port". */
static char *
host_port (const PortadaDestination *d)
{
  g_autofree char *host
      = strchr (d->host, ':') ? g_strdup_printf ("[%s]", d->host) : g_strdup (d->host);

  if (d->port > 0)
    return g_strdup_printf ("%s:%d", host, d->port);
  return g_steal_pointer (&host);
}

char *
portada_destination_site_url (const PortadaDestination *d)
{
  g_autofree char *where = host_port (d);

  g_return_val_if_fail (d->kind == PORTADA_DESTINATION_WORDPRESS, NULL);
  return g_strconcat (d->secure ? "https://" : "http://", where, d->path, NULL);
}

char *
portada_destination_to_string (const PortadaDestination *d)
{
  const char *sep = d->path[0] == '/' ? "" : "/~/";

  if (d->kind == PORTADA_DESTINATION_WORDPRESS)
    {
      g_autofree char *where = host_port (d);
      g_autofree char *user = d->user ? g_uri_escape_string (d->user, NULL, FALSE) : NULL;
      return g_strconcat (d->secure ? "wordpress+https://" : "wordpress+http://", user ? user : "",
                          user ? "@" : "", where, d->path, NULL);
    }
  if (d->kind == PORTADA_DESTINATION_FOLDER)
    return g_strconcat ("file://", d->path, NULL);
  if (d->port != 22)
    return g_strdup_printf ("sftp://%s@%s:%d%s%s", d->user, d->host, d->port, sep, d->path);
  return g_strdup_printf ("sftp://%s@%s%s%s", d->user, d->host, sep, d->path);
}
