/* portada-sync-text.h: the newsroom as text, one file per record.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files of a newsroom (a table of path → GBytes) are what a sync repository
 * holds and what a folder export writes. Every record is a Markdown file with a
 * YAML front matter whose name is the record's stable identity (a uuid, a uid,
 * a section key, a sha256), so renaming a title or a section never renames a
 * file:
 *
 *   portada-sync.md            format version
 *   settings.md                the settings (never a secret, never this machine's own)
 *   languages/CODE.md          sections/KEY.md        authors/UID.md
 *   articles/UUID.md           pages/UUID.md          sponsors/UID.md
 *   logo-lists/UID.md          placements/UID.md      conflicts/ID.md
 *   media/SHA256.md            media/SHA256.EXT (the image itself)
 */

#pragma once

#include <gio/gio.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_SYNC_FORMAT 1
/* The largest record file, and the largest image file, read from elsewhere. */
#define PORTADA_SYNC_MAX_TEXT_BYTES (4 * 1024 * 1024)
#define PORTADA_SYNC_MAX_MEDIA_BYTES (25 * 1024 * 1024)
#define PORTADA_SYNC_MAX_FILES 500000

/* A table of path (char *) → contents (GBytes). */
GHashTable *portada_sync_files_new (void);

/* Whether @path (relative, "/"-separated) names a file of the format and @size is
 * within its limit; refused with PORTADA_ERROR_INVALID naming the file. */
gboolean portada_sync_check_path (const char *path, guint64 size, GError **error);

/* The whole newsroom as files, read in one read transaction. */
GHashTable *portada_sync_export (PortadaNewsroom *newsroom, GError **error);

/* Writes @files into @dir (created; it must not exist or be empty). */
gboolean portada_sync_write_dir (GHashTable *files, const char *dir, GError **error);

/* Reads the files of @dir: every one checked by portada_sync_check_path, no
 * symbolic link, nothing outside @dir. */
GHashTable *portada_sync_read_dir (const char *dir, GError **error);

/* Makes the newsroom hold exactly @files, in one transaction: every file is read
 * and checked before anything is written; on a problem the newsroom is
 * unchanged and the error names the file. Records whose file is the same as the
 * newsroom's are not touched. */
gboolean portada_sync_import (PortadaNewsroom *newsroom, GHashTable *files, GError **error);
/* The same, when the newsroom still holds @expected: a newsroom that changed in
 * the meantime (an edit in the window) is left alone, with PORTADA_ERROR_BUSY. */
gboolean portada_sync_import_checked (PortadaNewsroom *newsroom, GHashTable *files,
                                      GHashTable *expected, GError **error);

/* Records: a table of field (char *) → value (char *); the field "body" is the
 * Markdown after the front matter, a list (tags) is kept as its items joined by
 * line breaks. */
GHashTable *portada_sync_record_new (void);
GHashTable *portada_sync_record_parse (const char *path, GBytes *bytes, GError **error);
GBytes *portada_sync_record_write (GHashTable *record);

/* Whether @path is a record (a .md file) rather than an image. */
gboolean portada_sync_is_record (const char *path);

G_END_DECLS
