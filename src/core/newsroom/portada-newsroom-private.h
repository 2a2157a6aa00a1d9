/* portada-newsroom-private.h: SQLite access for the core's own modules.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only files under src/core/ include this header; the window asks the core.
 */

#pragma once

#include <sqlite3.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3 *portada_newsroom_get_db (PortadaNewsroom *self);

/* Sets error from the connection's last failure, with the file name. Returns FALSE. */
gboolean portada_newsroom_set_error (PortadaNewsroom *self, GError **error, const char *what);

sqlite3_stmt *portada_newsroom_prepare (PortadaNewsroom *self, const char *sql, GError **error);
gboolean portada_newsroom_exec (PortadaNewsroom *self, const char *sql, GError **error);

/* Steps a statement that returns no rows. */
gboolean portada_newsroom_step_done (PortadaNewsroom *self, sqlite3_stmt *stmt, GError **error);

/* Steps an INSERT/UPDATE … RETURNING id to its end, checking the reset too;
 * sets @id. FALSE (and an error saying @what) when it failed or wrote no row. */
gboolean portada_newsroom_step_returning (PortadaNewsroom *self, sqlite3_stmt *stmt, gint64 *id,
                                          const char *what, GError **error);

/* Binds a string, NULL or "" binding SQL NULL when empty_is_null is set. */
void portada_stmt_bind_text (sqlite3_stmt *stmt, int index, const char *text);
void portada_stmt_bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text);
char *portada_stmt_dup_text (sqlite3_stmt *stmt, int column);

/* Reads one row of @sql (its ?1 bound to @id) through a new connection of its own,
 * as another program would, and returns its columns as text joined with "\x1f";
 * NULL with an error when the row is not there or cannot be read. The proof that
 * a write is in the file, not only in this connection. */
char *portada_newsroom_read_back (PortadaNewsroom *self, const char *sql, gint64 id,
                                  GError **error);

/* Migrations: applied in one transaction, so a failure leaves the file as it was. */
gboolean portada_migrations_apply (sqlite3 *db, int from, int to, GError **error);

G_END_DECLS
