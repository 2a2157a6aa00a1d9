/* portada-publish-manifest.h: the lists of files a publish compares (private).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One file: its SHA-256 in hex, or "-" when what the destination holds is unknown. */
typedef struct
{
  char sha256[65];
  guint64 size;
} PortadaPublishFile;

#define PORTADA_PUBLISH_UNKNOWN "-"

/* A relative path Portada may touch: no "..", ".", empty or hidden names, no control
 * characters, no leading "/". */
gboolean portada_publish_path_is_safe (const char *path);

/* path -> PortadaPublishFile. */
GHashTable *portada_publish_files_new (void);
void portada_publish_files_add (GHashTable *files, const char *path, const char *sha256,
                                guint64 size);

/* A destination manifest ("portada-publish-manifest 1 COUNT", then "PATH\tSHA256\tSIZE"
 * lines). NULL when @data is not a whole one (a wrong header, a count that does not
 * match); unsafe paths are dropped. */
GHashTable *portada_publish_manifest_parse (GBytes *data);
GBytes *portada_publish_manifest_format (GHashTable *files);

/* The files of the export in @site_dir, as its manifest lists them, with their SHA-256
 * (through @hash_cache when given: files whose inode, size and time did not change are
 * not read again). Fails when the folder holds no export or the export does not match
 * its manifest. */
GHashTable *portada_publish_site_read (const char *site_dir, const char *hash_cache,
                                       GCancellable *cancellable, GError **error);

G_END_DECLS
