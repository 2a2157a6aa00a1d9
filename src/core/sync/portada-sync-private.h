/* portada-sync-private.h: shared by the files of src/core/sync/.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom-private.h"
#include "portada-sync-text.h"

G_BEGIN_DECLS

/* The file of a record of @folder whose identity is @id: "FOLDER/ID.md" when @id
 * is a plain name, else the folder and a digest of @id. */
char *portada_sync_record_path (const char *folder, const char *id);

/* Whether a setting travels with the newsroom: never a secret, never what only
 * this workstation uses (sync-*). */
gboolean portada_sync_setting_is_shared (const char *key);

/* Times in records: ISO 8601 in UTC. */
char *portada_sync_format_time (gint64 unix_time);
gboolean portada_sync_parse_time (const char *text, gint64 *unix_time);

/* The files of the newsroom, read inside the transaction the caller holds. With
 * @lazy_media, an image's file holds a placeholder instead of its bytes (which
 * may be many megabytes each): portada_sync_media_data() reads them when needed. */
GHashTable *portada_sync_export_locked (PortadaNewsroom *newsroom, gboolean lazy_media,
                                        GError **error);
GHashTable *portada_sync_export_lazy (PortadaNewsroom *newsroom, GError **error);
gboolean portada_sync_is_placeholder (GBytes *bytes);
/* The bytes of the image whose file is @path ("media/SHA256.EXT"). */
GBytes *portada_sync_media_data (PortadaNewsroom *newsroom, const char *path, GError **error);

G_END_DECLS
