/* portada-newsroom.h
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-error.h"

G_BEGIN_DECLS

/* The schema version this build writes; files with a higher user_version are refused. */
#define PORTADA_SCHEMA_VERSION 7

/* How long a write waits for another window or program that is writing to the
 * same newsroom before it fails with PORTADA_ERROR_BUSY. */
#define PORTADA_BUSY_TIMEOUT_MS 5000

typedef enum
{
  PORTADA_OPEN_DEFAULT = 0,
  PORTADA_OPEN_CREATE = 1 << 0, /* create a new newsroom when the file does not exist */
  /* open a file holding schema objects Portada did not create (for check and
   * repair): none of them runs, as triggers and views are off, and the schema is
   * not upgraded; without this flag such a file is refused (FOREIGN_SCHEMA) */
  PORTADA_OPEN_FOREIGN_SCHEMA = 1 << 1,
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

/* A second, read-only connection to the same file, for a thread: reads there never
 * wait for the window's connection nor block it. One thread at a time uses it.
 * A statement running on it stops (failing) soon after its cancellable is cancelled. */
PortadaNewsroom *portada_newsroom_open_reader (PortadaNewsroom *self, GError **error);
gboolean portada_newsroom_is_reader (PortadaNewsroom *self);
void portada_newsroom_set_cancellable (PortadaNewsroom *reader, GCancellable *cancellable);
/* Sets G_IO_ERROR_CANCELLED and returns TRUE when the reader's cancellable is cancelled. */
gboolean portada_newsroom_check_cancelled (PortadaNewsroom *reader, GError **error);

/* Changes by other programs. The file and its write-ahead log are watched (inotify, no
 * polling); on a change SQLite's data_version says whether another connection committed:
 * this connection's own saves change it not, so they emit nothing. */
#define PORTADA_WATCH_DELAY_MS 250
void portada_newsroom_watch (PortadaNewsroom *self);
void portada_newsroom_unwatch (PortadaNewsroom *self);
gint64 portada_newsroom_get_data_version (PortadaNewsroom *self);
/* Emits ::changed when another connection committed since the last look. */
gboolean portada_newsroom_check_changed (PortadaNewsroom *self);
/* TRUE while a transaction is open on this connection (ours, or one SQLite has
 * open): nothing written meanwhile is in the file yet for anyone else. */
gboolean portada_newsroom_in_transaction (PortadaNewsroom *self);

/* SQLite's own integrity and foreign-key checks; one message per problem. */
GPtrArray *portada_newsroom_check_integrity (PortadaNewsroom *self, GError **error);

/* The schema objects Portada did not create ("trigger “x” on article"), sorted. */
GPtrArray *portada_newsroom_foreign_objects (PortadaNewsroom *self, GError **error);
/* Removes them (re-making Portada's own that they replaced) and says what it
 * removed; NULL and @error when it cannot. Open the file again afterwards. */
GPtrArray *portada_newsroom_repair (PortadaNewsroom *self, GError **error);

/* For tests of migrations: a new file at an earlier schema version. */
gboolean portada_newsroom_create_at_version (const char *path, int version, GError **error);
int portada_newsroom_get_schema_version (PortadaNewsroom *self);

G_END_DECLS
