/* portada-path-checks.h: records whose text becomes part of an exported file's path.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

/* One line per record that would put an export's file outside its folder
 * (a language's code or base path, a section's key or path, an article's slug,
 * an image's hash), naming the record; an empty array when there is none. */
GPtrArray *portada_path_checks_run (PortadaNewsroom *newsroom, GError **error);

/* What every export runs first: FALSE with PORTADA_ERROR_CORRUPT when SQLite's
 * quick check finds damage, PORTADA_ERROR_INVALID naming the records above. */
gboolean portada_path_checks_refuse (PortadaNewsroom *newsroom, GError **error);

G_END_DECLS
