/* portada-sync-git.h: the sync's repository, shared by the files of src/core/sync/.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <git2.h>

#include "portada-sync-private.h"
#include "portada-sync.h"

G_BEGIN_DECLS

#define BRANCH "refs/heads/main"
#define TRACKING "refs/remotes/origin/main"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_remote, git_remote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_treebuilder, git_treebuilder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_signature, git_signature_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_odb, git_odb_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_blob, git_blob_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_reference, git_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_config, git_config_free)

/* G_MESSAGES_DEBUG=Portada shows where a sync spends its time. */
#define TIMED(what, call)                                                                          \
  ({                                                                                               \
    gint64 start_ = g_get_monotonic_time ();                                                       \
    gboolean ok_ = (call);                                                                         \
    g_debug ("sync: %s %.3f s", what, (g_get_monotonic_time () - start_) / 1e6);                   \
    ok_;                                                                                           \
  })

typedef struct
{
  PortadaNewsroom *nr;
  git_repository *repo;
  PortadaSyncReport *report;
  char *url;
  /* The files of the newsroom's last export and their blobs' ids (path → git_oid):
   * what the commits read agree with is not read again. */
  GHashTable *files;
  GHashTable *oids;
  int lock_fd;
  /* "media/SHA256.EXT" → the blob's id, kept in FILE.sync/portada-media-oids: an
   * image already in the repository is never read from the newsroom again. */
  GHashTable *media_oids;
  gboolean media_oids_changed;
  git_remote *remote; /* origin, looked up once */
} Sync;

gboolean portada_sync_git_failed (GError **error, const char *what);
GHashTable *portada_sync_git_oids_new (void);
void portada_sync_git_load_media_oids (Sync *s, const char *repo_path);
gboolean portada_sync_git_write_tree (Sync *s, GHashTable *files, git_oid *out, GHashTable *oids,
                                      GError **error);
GHashTable *portada_sync_git_read_commit (Sync *s, const git_oid *commit_id, GError **error);
gboolean portada_sync_git_commit (Sync *s, const git_oid *tree_id, const git_oid *parents,
                                  guint n_parents, const char *message, git_oid *out,
                                  GError **error);
gboolean portada_sync_git_set_ref (git_repository *repo, const char *name, const git_oid *id,
                                   GError **error);
gboolean portada_sync_git_get_ref (git_repository *repo, const char *name, git_oid *id);
gboolean portada_sync_git_tree_of (git_repository *repo, const git_oid *commit_id,
                                   git_oid *tree_id);
gboolean portada_sync_git_commit_local (Sync *s, GError **error);
gboolean portada_sync_git_is_path (const char *url);
gboolean portada_sync_git_fetch (Sync *s, GError **error);
gboolean portada_sync_git_push (Sync *s, char **rejected, GError **error);

G_END_DECLS
