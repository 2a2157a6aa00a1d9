/* portada-destination.h: where a publish goes, parsed from its address.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PORTADA_DESTINATION_FOLDER,    /* file:///PATH */
  PORTADA_DESTINATION_SFTP,      /* sftp://USER@HOST[:PORT]/PATH */
  PORTADA_DESTINATION_WORDPRESS, /* wordpress+https://[USER@]HOST[:PORT][/PATH] */
} PortadaDestinationKind;

typedef struct
{
  PortadaDestinationKind kind;
  char *user;      /* SFTP; WordPress: NULL when the address names none */
  char *host;      /* SFTP, WordPress */
  int port;        /* SFTP: 22 unless given; WordPress: -1 unless given */
  char *path;      /* absolute, or relative to the login folder when the address says /~/;
                 WordPress: the site's folder on its host, "" at the root */
  gboolean secure; /* WordPress: https (http is only accepted on loopback) */
} PortadaDestination;

/* Parses @address. Refused, with a message saying why and what is expected: another
 * scheme, a missing user, host or path, a password in the address (it would be stored
 * in the newsroom file), a port out of range, a query or fragment, a file:// address
 * with a host or a relative path, a path with "..", a wordpress+http:// address that is
 * not on this computer (127.0.0.1, ::1, localhost): the application password travels
 * with every request. */
PortadaDestination *portada_destination_parse (const char *address, GError **error);
void portada_destination_free (PortadaDestination *destination);
/* "sftp://user@host:2222/srv/www" or "file:///srv/www", for messages. */
char *portada_destination_to_string (const PortadaDestination *destination);
/* A WordPress destination's site address: "https://host:8443/blog" (no user). */
char *portada_destination_site_url (const PortadaDestination *destination);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaDestination, portada_destination_free)

G_END_DECLS
