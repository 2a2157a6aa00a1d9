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
  PORTADA_DESTINATION_FOLDER, /* file:///PATH */
  PORTADA_DESTINATION_SFTP,   /* sftp://USER@HOST[:PORT]/PATH */
} PortadaDestinationKind;

typedef struct
{
  PortadaDestinationKind kind;
  char *user; /* SFTP only */
  char *host; /* SFTP only */
  int port;   /* SFTP only: 22 unless given */
  char *path; /* absolute, or relative to the login folder when the address says /~/ */
} PortadaDestination;

/* Parses @address. Refused, with a message saying why and what is expected: another
 * scheme, a missing user, host or path, a password in the address (it would be stored
 * in the newsroom file), a port out of range, a query or fragment, a file:// address
 * with a host or a relative path, a path with "..". */
PortadaDestination *portada_destination_parse (const char *address, GError **error);
void portada_destination_free (PortadaDestination *destination);
/* "sftp://user@host:2222/srv/www" or "file:///srv/www", for messages. */
char *portada_destination_to_string (const PortadaDestination *destination);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaDestination, portada_destination_free)

G_END_DECLS
