/* portada-sync.h: one newsroom across workstations, through a git remote.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The newsroom file stays the working store. Beside it, FILE.sync is a bare git
 * repository of its own holding the newsroom as text (portada-sync-text.h) on the
 * branch main, and the remote "origin" it syncs with: a path to a bare
 * repository, or an ssh:// address. A newsroom without FILE.sync is not linked
 * and works as before.
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean committed; /* this workstation's changes were written as a commit */
  gboolean received;  /* another workstation's changes were imported */
  gboolean pushed;    /* the remote now has this workstation's commit */
  guint attempts;     /* cycles run (a push refused because another came first repeats) */
  guint conflicts;
  GPtrArray *notes; /* of char *: what the merge kept, one sentence each */
} PortadaSyncReport;

void portada_sync_report_free (PortadaSyncReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaSyncReport, portada_sync_report_free)

/* The folder of @db_path's sync repository (DB.sync). */
char *portada_sync_repository_path (const char *db_path);
/* Whether the newsroom is linked to a remote. */
gboolean portada_sync_is_linked (const char *db_path);

/* Links @newsroom to the empty repository at @url and puts the newsroom in it.
 * Over ssh://, the key comes from the SSH agent, or from the private key file
 * @identity (kept for the next syncs); the server's host key must be in
 * ~/.ssh/known_hosts. */
PortadaSyncReport *portada_sync_init (PortadaNewsroom *newsroom, const char *url,
                                      const char *identity, GError **error);

/* Makes a new newsroom at @db_path (which must not exist) from the repository at
 * @url. On a problem nothing is left behind. */
PortadaNewsroom *portada_sync_clone (const char *url, const char *db_path, const char *identity,
                                     PortadaSyncReport **report, GError **error);

/* One sync: commits the local changes, fetches, merges, imports the result in one
 * transaction and pushes; a refused push repeats the cycle. @url, when given,
 * becomes the remote. On a problem (the remote unreachable, refusing, or holding
 * files that cannot be read) the newsroom is unchanged and the local changes
 * wait for the next sync. @url and @identity, when given, replace the stored
 * ones. One sync at a time runs per newsroom (PORTADA_ERROR_BUSY). */
PortadaSyncReport *portada_sync_run (PortadaNewsroom *newsroom, const char *url,
                                     const char *identity, GError **error);

/* portada_sync_run() in a thread, on a connection of its own to the newsroom
 * file at @db_path: the window keeps working meanwhile, and sees what the sync
 * imported as it sees any other program's changes. */
void portada_sync_run_async (const char *db_path, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
PortadaSyncReport *portada_sync_run_finish (GAsyncResult *result, GError **error);

G_END_DECLS
