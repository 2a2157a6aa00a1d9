/* portada-schema.h: schema objects Portada did not create (core only).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* One line ("trigger “x” on article", "view “setting”") per object of @db's
 * schema that the migrations up to @version do not make as it is. */
GPtrArray *portada_schema_foreign (sqlite3 *db, int version, GError **error);

/* Drops those objects (and re-makes Portada's own that they replaced), in one
 * transaction; appends to @said what it removed. Refuses a table of Portada's
 * that is defined otherwise, as its rows would be lost. */
gboolean portada_schema_repair (sqlite3 *db, int version, GPtrArray *said, GError **error);

G_END_DECLS
