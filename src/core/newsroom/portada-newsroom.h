/* portada-newsroom.h
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "portada-error.h"

G_BEGIN_DECLS

/* The schema version this build writes; files with a higher user_version are refused. */
#define PORTADA_SCHEMA_VERSION 3

/* How long a write waits for another window or program that is writing to the
 * same newsroom before it fails with PORTADA_ERROR_BUSY. */
#define PORTADA_BUSY_TIMEOUT_MS 5000

typedef enum
{
  PORTADA_OPEN_DEFAULT = 0,
  PORTADA_OPEN_CREATE = 1 << 0, /* create a new newsroom when the file does not exist */
} PortadaOpenFlags;

#define PORTADA_TYPE_NEWSROOM (portada_newsroom_get_type ())
G_DECLARE_FINAL_TYPE (PortadaNewsroom, portada_newsroom, PORTADA, NEWSROOM, GObject)

PortadaNewsroom *portada_newsroom_open (const char *path, PortadaOpenFlags flags, GError **error);
const char *portada_newsroom_get_path (PortadaNewsroom *self);
void portada_newsroom_close (PortadaNewsroom *self);

gboolean portada_newsroom_begin (PortadaNewsroom *self, GError **error);
gboolean portada_newsroom_commit (PortadaNewsroom *self, GError **error);
void portada_newsroom_rollback (PortadaNewsroom *self);

/* A read snapshot: until end_read(), every read sees the newsroom as it was at the
 * first one, whole saves only, while other windows keep saving (they are not
 * blocked). For exports, which read for a while. Nests with begin()/commit(). */
gboolean portada_newsroom_begin_read (PortadaNewsroom *self, GError **error);
void portada_newsroom_end_read (PortadaNewsroom *self);

/* SQLite's own integrity and foreign-key checks; one message per problem. */
GPtrArray *portada_newsroom_check_integrity (PortadaNewsroom *self, GError **error);

/* For tests of migrations: a new file at an earlier schema version. */
gboolean portada_newsroom_create_at_version (const char *path, int version, GError **error);
int portada_newsroom_get_schema_version (PortadaNewsroom *self);

G_END_DECLS
