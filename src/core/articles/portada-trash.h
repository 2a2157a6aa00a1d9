/* portada-trash.h: deleted articles wait in the Trash before they are gone.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-articles.h"

G_BEGIN_DECLS

/* How long an article stays in the Trash before it is emptied by itself (seconds). */
#define PORTADA_TRASH_KEEP (30 * 24 * 60 * 60)

/* Moves an article to the Trash: it leaves every list, search, export and related
 * list, keeps its revisions and its slug, and comes back with restore(). */
gboolean portada_trash_move (PortadaNewsroom *newsroom, gint64 id, GError **error);
gboolean portada_trash_restore (PortadaNewsroom *newsroom, gint64 id, GError **error);

/* The Trash's articles, newest first. */
GPtrArray *portada_trash_list (PortadaNewsroom *newsroom, GError **error);
/* When an article went to the Trash (unix seconds), 0 when it is not there. */
gint64 portada_trash_deleted_at (PortadaNewsroom *newsroom, gint64 id, GError **error);

/* Deletes for good what went to the Trash before @before (unix seconds; G_MAXINT64
 * for everything). Returns how many articles, -1 on error. */
gint64 portada_trash_empty (PortadaNewsroom *newsroom, gint64 before, GError **error);
/* Empties what is older than PORTADA_TRASH_KEEP. */
gint64 portada_trash_empty_expired (PortadaNewsroom *newsroom, GError **error);

G_END_DECLS
