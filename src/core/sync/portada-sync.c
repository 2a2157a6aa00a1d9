/* portada-sync.c: commit, fetch, merge, import, push (libgit2).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order keeps every step recoverable: the local commit is made before the
 * network is touched, the merged result is imported in one transaction before
 * the branch moves to it, and the push comes last. Killed between any two steps,
 * the next sync finds the newsroom and the branch consistent (at worst the same
 * content is committed again, which merges to itself).
 */

#include "config.h"

#include <git2.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "portada-settings.h"
#include "portada-sync-merge.h"
#include "portada-sync-private.h"
#include "portada-sync-git.h"
#include "portada-sync.h"

#define MAX_ATTEMPTS 8

void
portada_sync_report_free (PortadaSyncReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->notes);
  g_free (report);
}

static PortadaSyncReport *
report_new (void)
{
  PortadaSyncReport *r = g_new0 (PortadaSyncReport, 1);

  r->notes = g_ptr_array_new_with_free_func (g_free);
  return r;
}

static void
ensure_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      git_libgit2_init ();
      g_once_init_leave (&once, 1);
    }
}

char *
portada_sync_repository_path (const char *db_path)
{
  return g_strconcat (db_path, ".sync", NULL);
}

gboolean
portada_sync_is_linked (const char *db_path)
{
  g_autofree char *path = portada_sync_repository_path (db_path);
  g_autofree char *head = g_build_filename (path, "HEAD", NULL);

  return g_file_test (head, G_FILE_TEST_EXISTS);
}

/* Merging */

static gboolean
import_commit (Sync *s, const git_oid *id, GHashTable *expected, GError **error)
{
  g_autoptr (GHashTable) files = portada_sync_git_read_commit (s, id, error);

  return files && portada_sync_import_checked (s->nr, files, expected, error);
}

static gboolean
merge (Sync *s, const git_oid *local, const git_oid *remote, GError **error)
{
  GHashTable *local_files = s->files;
  g_autoptr (GHashTable) base = NULL;
  g_autoptr (GHashTable) theirs = NULL;
  g_autoptr (GHashTable) merged = NULL;
  g_autoptr (GHashTable) result = NULL;
  git_oid base_id, tree_id, id;
  git_oid parents[2];
  guint notes_before = s->report->notes->len;
  guint conflicts = 0;

  if (git_merge_base (&base_id, s->repo, local, remote) == 0)
    base = portada_sync_git_read_commit (s, &base_id, error);
  else
    base = portada_sync_files_new ();
  if (base == NULL || (theirs = portada_sync_git_read_commit (s, remote, error)) == NULL)
    return FALSE;
  merged = portada_sync_merge (base, local_files, theirs, s->report->notes, &conflicts, error);
  if (merged == NULL || !portada_sync_import_checked (s->nr, merged, local_files, error))
    {
      g_ptr_array_set_size (s->report->notes, notes_before);
      return FALSE;
    }
  s->report->conflicts += conflicts;
  /* What the newsroom holds now, normalised by the import, is the merge. */
  result = portada_sync_export_lazy (s->nr, error);
  if (result == NULL || !portada_sync_git_write_tree (s, result, &tree_id, NULL, error))
    return FALSE;
  git_oid_cpy (&parents[0], local);
  git_oid_cpy (&parents[1], remote);
  if (!portada_sync_git_commit (s, &tree_id, parents, 2, "Merge changes from another workstation\n",
                                &id, error))
    return FALSE;
  s->report->received = TRUE;
  return portada_sync_git_set_ref (s->repo, BRANCH, &id, error);
}

/* One cycle; *again when the push was refused. */
static gboolean
cycle (Sync *s, gboolean *again, GError **error)
{
  git_oid local, remote, after;
  gboolean had_remote;
  g_autofree char *rejected = NULL;

  *again = FALSE;
  s->report->attempts++;
  if (!TIMED ("commit", portada_sync_git_commit_local (s, error))
      || !TIMED ("fetch", portada_sync_git_fetch (s, error)))
    return FALSE;
  if (!portada_sync_git_get_ref (s->repo, BRANCH, &local))
    return portada_sync_git_failed (error, _ ("Could not read the sync repository"));
  if (portada_sync_git_get_ref (s->repo, TRACKING, &remote) && !git_oid_equal (&local, &remote)
      && git_graph_descendant_of (s->repo, &local, &remote) != 1)
    {
      if (git_graph_descendant_of (s->repo, &remote, &local) == 1)
        {
          if (!TIMED ("import", import_commit (s, &remote, s->files, error))
              || !portada_sync_git_set_ref (s->repo, BRANCH, &remote, error))
            return FALSE;
          s->report->received = TRUE;
          s->report->pushed = TRUE;
          return TRUE;
        }
      if (!TIMED ("merge and import", merge (s, &local, &remote, error)))
        return FALSE;
    }
  else if (portada_sync_git_get_ref (s->repo, TRACKING, &remote) && git_oid_equal (&local, &remote))
    {
      s->report->pushed = TRUE;
      return TRUE;
    }
  had_remote = portada_sync_git_get_ref (s->repo, TRACKING, &remote);
  if (!TIMED ("push", portada_sync_git_push (s, &rejected, error)))
    return FALSE;
  if (rejected == NULL)
    {
      s->report->pushed = TRUE;
      return TRUE;
    }
  /* Refused: when another workstation pushed in the meantime, merge that and
   * try again; otherwise the server said no (a permission, a hook). */
  if (!portada_sync_git_fetch (s, error))
    return FALSE;
  if (portada_sync_git_get_ref (s->repo, TRACKING, &after)
      && (!had_remote || !git_oid_equal (&after, &remote)))
    {
      *again = TRUE;
      return TRUE;
    }
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_READ_ONLY,
               _ ("Could not sync with “%s”: the server refused the changes (%s). The newsroom "
                  "keeps them for the next sync"),
               s->url, rejected);
  return FALSE;
}

static gboolean
run_cycles (Sync *s, GError **error)
{
  for (guint i = 0; i < MAX_ATTEMPTS; i++)
    {
      g_autoptr (GError) local = NULL;
      gboolean again = FALSE;

      if (!cycle (s, &again, &local))
        {
          /* An edit in the window during the sync: start over with it. */
          if (g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_BUSY))
            continue;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!again)
        return TRUE;
    }
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_BUSY,
               _ ("Could not sync with “%s”: other workstations pushed during each of %d "
                  "attempts; try again"),
               s->url, MAX_ATTEMPTS);
  return FALSE;
}

/* Opening */

static gboolean
set_remote (git_repository *repo, const char *given, GError **error)
{
  g_autoptr (git_remote) remote = NULL;
  /* A relative path would mean another folder once run from elsewhere. */
  g_autofree char *url
      = portada_sync_git_is_path (given) ? g_canonicalize_filename (given, NULL) : g_strdup (given);

  if (git_remote_lookup (&remote, repo, "origin") == 0)
    {
      if (git_remote_set_url (repo, "origin", url) != 0)
        return portada_sync_git_failed (error, url);
      return TRUE;
    }
  if (git_remote_create (&remote, repo, "origin", url) != 0)
    return portada_sync_git_failed (error, url);
  return TRUE;
}

/* One sync at a time per newsroom (the window and the command line may both try).
 * The lock goes with the process, so a sync killed midway leaves none; what
 * libgit2's own lock files it left are stale then, and removed. */
static gboolean
lock_repo (Sync *s, const char *path, GError **error)
{
  static const char *const stale[] = { "refs/heads/main.lock",
                                       "refs/remotes/origin/main.lock",
                                       "packed-refs.lock",
                                       "config.lock",
                                       "HEAD.lock",
                                       NULL };
  g_autofree char *lock = g_build_filename (path, "portada-sync.lock", NULL);

  s->lock_fd = open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (s->lock_fd < 0 || flock (s->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_BUSY,
                   _ ("%s: another sync of this newsroom is running"), path);
      return FALSE;
    }
  for (guint i = 0; stale[i]; i++)
    {
      g_autofree char *file = g_build_filename (path, stale[i], NULL);
      g_unlink (file);
    }
  return TRUE;
}

static gboolean
set_identity (git_repository *repo, const char *identity, GError **error)
{
  g_autoptr (git_config) config = NULL;
  g_autofree char *absolute = g_canonicalize_filename (identity, NULL);

  if (!g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("%s: no such key file"),
                   absolute);
      return FALSE;
    }
  if (git_repository_config (&config, repo) != 0
      || git_config_set_string (config, "portada.identity", absolute) != 0)
    return portada_sync_git_failed (error, _ ("Could not write the sync repository"));
  return TRUE;
}

static gboolean
open_repo (Sync *s, const char *db_path, gboolean create, const char *url, const char *identity,
           GError **error)
{
  g_autofree char *path = portada_sync_repository_path (db_path);

  ensure_init ();
  if (create)
    {
      if (git_repository_init (&s->repo, path, 1) != 0)
        return portada_sync_git_failed (error, path);
      git_repository_set_head (s->repo, BRANCH);
    }
  else if (!portada_sync_is_linked (db_path))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                   _ ("%s is not linked to a remote: link it with portada sync --init --remote "
                      "URL"),
                   db_path);
      return FALSE;
    }
  else if (git_repository_open_bare (&s->repo, path) != 0)
    return portada_sync_git_failed (error, path);
  if (!lock_repo (s, path, error))
    return FALSE;
  portada_sync_git_load_media_oids (s, path);
  if (url && !set_remote (s->repo, url, error))
    return FALSE;
  if (identity && !set_identity (s->repo, identity, error))
    return FALSE;
  if (git_remote_lookup (&s->remote, s->repo, "origin") != 0)
    return portada_sync_git_failed (error, _ ("The sync repository has no remote"));
  s->url = g_strdup (git_remote_url (s->remote));
  return TRUE;
}

static void
sync_clear (Sync *s)
{
  g_clear_pointer (&s->files, g_hash_table_unref);
  g_clear_pointer (&s->oids, g_hash_table_unref);
  g_clear_pointer (&s->media_oids, g_hash_table_unref);
  g_clear_pointer (&s->remote, git_remote_free);
  g_clear_pointer (&s->repo, git_repository_free);
  if (s->lock_fd >= 0)
    close (s->lock_fd);
  s->lock_fd = -1;
  g_clear_pointer (&s->url, g_free);
}

static gboolean
remove_tree (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (
      file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  return g_rmdir (path) == 0;
}

PortadaSyncReport *
portada_sync_init (PortadaNewsroom *newsroom, const char *url, const char *identity, GError **error)
{
  g_autoptr (PortadaSyncReport) report = report_new ();
  const char *db = portada_newsroom_get_path (newsroom);
  g_autofree char *path = portada_sync_repository_path (db);
  Sync s = { newsroom, NULL, report, NULL, NULL, NULL, -1 };
  git_oid remote;
  gboolean ok;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  if (portada_sync_is_linked (db))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_EXISTS,
                   _ ("%s is already linked to a remote (%s): run portada sync"), db, path);
      return NULL;
    }
  ok = open_repo (&s, db, TRUE, url, identity, error) && portada_sync_git_fetch (&s, error);
  if (ok && portada_sync_git_get_ref (s.repo, TRACKING, &remote))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_EXISTS,
                   _ ("“%s” already holds a newsroom: make one from it with portada clone"), url);
      ok = FALSE;
    }
  ok = ok && run_cycles (&s, error);
  sync_clear (&s);
  if (!ok)
    {
      remove_tree (path);
      return NULL;
    }
  return g_steal_pointer (&report);
}

PortadaSyncReport *
portada_sync_run (PortadaNewsroom *newsroom, const char *url, const char *identity, GError **error)
{
  g_autoptr (PortadaSyncReport) report = report_new ();
  Sync s = { newsroom, NULL, report, NULL, NULL, NULL, -1 };
  gboolean ok;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  ok = open_repo (&s, portada_newsroom_get_path (newsroom), FALSE, url, identity, error)
       && run_cycles (&s, error);
  sync_clear (&s);
  return ok ? g_steal_pointer (&report) : NULL;
}

PortadaNewsroom *
portada_sync_clone (const char *url, const char *db_path, const char *identity,
                    PortadaSyncReport **report_out, GError **error)
{
  g_autoptr (PortadaSyncReport) report = report_new ();
  g_autofree char *path = portada_sync_repository_path (db_path);
  g_autoptr (PortadaNewsroom) nr = NULL;
  Sync s = { NULL, NULL, report, NULL, NULL, NULL, -1 };
  git_oid remote;
  gboolean ok;

  g_return_val_if_fail (url != NULL && db_path != NULL, NULL);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_EXISTS,
                   _ ("%s already exists: portada clone makes a new newsroom"), db_path);
      return NULL;
    }
  ok = open_repo (&s, db_path, TRUE, url, identity, error)
       && TIMED ("fetch", portada_sync_git_fetch (&s, error));
  if (ok && !portada_sync_git_get_ref (s.repo, TRACKING, &remote))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                   _ ("“%s” holds no newsroom yet: put one in it with portada sync --init"), url);
      ok = FALSE;
    }
  if (ok)
    {
      nr = portada_newsroom_open (db_path, PORTADA_OPEN_CREATE, error);
      s.nr = nr;
      ok = nr != NULL && TIMED ("import", import_commit (&s, &remote, NULL, error))
           && portada_sync_git_set_ref (s.repo, BRANCH, &remote, error);
    }
  sync_clear (&s);
  if (!ok)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
      if (nr)
        portada_newsroom_close (nr);
      g_unlink (db_path), g_unlink (wal), g_unlink (shm);
      remove_tree (path);
      return NULL;
    }
  report->received = TRUE;
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return g_steal_pointer (&nr);
}

static void
run_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  PortadaSyncReport *report = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  newsroom = portada_newsroom_open (data, PORTADA_OPEN_DEFAULT, &error);
  if (newsroom)
    report = portada_sync_run (newsroom, NULL, NULL, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) portada_sync_report_free);
}

void
portada_sync_run_async (const char *db_path, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (db_path != NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, portada_sync_run_async);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, run_thread);
}

PortadaSyncReport *
portada_sync_run_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
