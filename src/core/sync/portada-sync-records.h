/* portada-sync-records.h: writing one record of each kind, for the import.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-sync-private.h"

G_BEGIN_DECLS

#define PORTADA_SYNC_N_KINDS 10

/* The record folders in the order records are written (deleted in the reverse
 * order), and the field that names each folder's record. */
extern const char *const portada_sync_folders[PORTADA_SYNC_N_KINDS];
extern const char *const portada_sync_identities[PORTADA_SYNC_N_KINDS];

typedef struct
{
  PortadaNewsroom *nr;
  const char *path;
  GHashTable *r;
  GError **error;
  GHashTable *old;   /* the newsroom's files before the import */
  GHashTable *stmts; /* SQL → prepared statement, reused for every record */
} Ctx;

void portada_sync_finalize_stmt (gpointer stmt);
/* The image file beside a media record ("media/SHA256.EXT"), or NULL. */
const char *portada_sync_data_path_of (GHashTable *files, const char *sha);
/* c->r, the record of c->path, of folder @kind, inserted or updated. */
gboolean portada_sync_put_record (Ctx *c, int kind, GHashTable *files);
/* Articles and pages get their own slug once every changed one is in. */
gboolean portada_sync_settle (Ctx *c, int kind);
gboolean portada_sync_put_settings (Ctx *c, GHashTable *old);
gboolean portada_sync_delete_record (Ctx *c, int kind);

G_END_DECLS
