/* portada-sync-git.c: the newsroom's files as trees and commits, and the remote.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <string.h>

#include "portada-settings.h"
#include "portada-sync-git.h"

gboolean
portada_sync_git_failed (GError **error, const char *what)
{
  const git_error *e = git_error_last ();

  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, "%s: %s", what,
               e && e->message ? e->message : _ ("unknown error"));
  return FALSE;
}

/* Trees */

GHashTable *
portada_sync_git_oids_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
portada_sync_git_load_media_oids (Sync *s, const char *repo_path)
{
  g_autofree char *file = g_build_filename (repo_path, "portada-media-oids", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  s->media_oids = portada_sync_git_oids_new ();
  if (!g_file_get_contents (file, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit (lines[i], " ", 2);
      git_oid oid;
      if (g_strv_length (parts) == 2 && g_str_has_prefix (parts[0], "media/")
          && git_oid_fromstr (&oid, parts[1]) == 0)
        g_hash_table_insert (s->media_oids, g_strdup (parts[0]), g_memdup2 (&oid, sizeof oid));
    }
}

static void
save_media_oids (Sync *s)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *file = NULL;
  GHashTableIter iter;
  gpointer path, oid;

  if (!s->media_oids_changed)
    return;
  g_hash_table_iter_init (&iter, s->media_oids);
  while (g_hash_table_iter_next (&iter, &path, &oid))
    {
      char hex[GIT_OID_HEXSZ + 1];
      git_oid_tostr (hex, sizeof hex, oid);
      g_string_append_printf (out, "%s %s\n", (const char *) path, hex);
    }
  file = g_build_filename (git_repository_path (s->repo), "portada-media-oids", NULL);
  /* Only a cache: lost, the images are read from the newsroom again. */
  if (g_file_set_contents (file, out->str, out->len, NULL))
    s->media_oids_changed = FALSE;
}

/* The blob of an image file that holds a placeholder: from the cache when the
 * repository has it, else read from the newsroom and written. */
static gboolean
media_blob (Sync *s, git_odb *odb, const char *path, git_oid *oid, GError **error)
{
  const git_oid *known = g_hash_table_lookup (s->media_oids, path);
  g_autoptr (GBytes) data = NULL;
  gsize len;
  const void *bytes;

  if (known && git_odb_exists (odb, known))
    {
      git_oid_cpy (oid, known);
      return TRUE;
    }
  data = portada_sync_media_data (s->nr, path, error);
  if (data == NULL)
    return FALSE;
  bytes = g_bytes_get_data (data, &len);
  if (git_odb_write (oid, odb, bytes ? bytes : "", len, GIT_OBJECT_BLOB) != 0)
    return portada_sync_git_failed (error, path);
  g_hash_table_insert (s->media_oids, g_strdup (path), g_memdup2 (oid, sizeof *oid));
  s->media_oids_changed = TRUE;
  return TRUE;
}

/* A blob's id (SHA-1 of "blob LEN\0" and the bytes), by GLib's SHA-1: several
 * times faster than libgit2's collision-detecting one on the whole newsroom at
 * every sync. What is written is hashed by libgit2 again, and must agree. */
static void
blob_id (const void *data, gsize len, git_oid *oid)
{
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  char header[40];
  int n = g_snprintf (header, sizeof header, "blob %" G_GSIZE_FORMAT, len);
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  g_checksum_update (sha1, (const guchar *) header, n + 1);
  if (len > 0)
    g_checksum_update (sha1, data, len);
  g_checksum_get_digest (sha1, digest, &digest_len);
  git_oid_fromraw (oid, digest);
}

static gboolean
write_blob (git_odb *odb, const void *data, gsize len, const git_oid *expected, const char *path,
            GError **error)
{
  git_oid written;

  if (git_odb_write (&written, odb, len ? data : "", len, GIT_OBJECT_BLOB) != 0)
    return portada_sync_git_failed (error, path);
  if (!git_oid_equal (&written, expected))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: the sync repository stored it under another id"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
portada_sync_git_write_tree (Sync *s, GHashTable *files, git_oid *out, GHashTable *oids,
                             GError **error)
{
  git_repository *repo = s->repo;
  g_autoptr (git_treebuilder) top = NULL;
  g_autoptr (git_odb) odb = NULL;
  g_autoptr (GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) git_treebuilder_free);
  GHashTableIter iter;
  gpointer path, bytes;

  if (git_treebuilder_new (&top, repo, NULL) != 0 || git_repository_odb (&odb, repo) != 0)
    return portada_sync_git_failed (error, _ ("Could not write the sync repository"));
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      const char *slash = strchr (path, '/');
      git_treebuilder *into = top;
      git_oid oid;
      gsize len;
      const void *data = g_bytes_get_data (bytes, &len);

      if (slash)
        {
          g_autofree char *folder = g_strndup (path, slash - (const char *) path);
          into = g_hash_table_lookup (folders, folder);
          if (into == NULL)
            {
              if (git_treebuilder_new (&into, repo, NULL) != 0)
                return portada_sync_git_failed (error, _ ("Could not write the sync repository"));
              g_hash_table_insert (folders, g_steal_pointer (&folder), into);
            }
        }
      if (portada_sync_is_placeholder (bytes))
        {
          if (!media_blob (s, odb, path, &oid, error))
            return FALSE;
        }
      /* Hashed first: writing an object that exists would touch its file. */
      else
        {
          blob_id (data, len, &oid);
          if (!git_odb_exists (odb, &oid) && !write_blob (odb, data, len, &oid, path, error))
            return FALSE;
        }
      if (git_treebuilder_insert (NULL, into, slash ? slash + 1 : (const char *) path, &oid,
                                  GIT_FILEMODE_BLOB)
          != 0)
        return portada_sync_git_failed (error, path);
      if (oids)
        g_hash_table_insert (oids, g_strdup (path), g_memdup2 (&oid, sizeof oid));
    }
  g_hash_table_iter_init (&iter, folders);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      git_oid oid;
      if (git_treebuilder_write (&oid, bytes) != 0
          || git_treebuilder_insert (NULL, top, path, &oid, GIT_FILEMODE_TREE) != 0)
        return portada_sync_git_failed (error, path);
    }
  if (git_treebuilder_write (out, top) != 0)
    return portada_sync_git_failed (error, _ ("Could not write the sync repository"));
  save_media_oids (s);
  return TRUE;
}

typedef struct
{
  git_repository *repo;
  git_odb *odb;
  GHashTable *known_files; /* optional: bytes of blobs known by id */
  GHashTable *known_oids;
} Reader;

static gboolean
read_blob (Reader *rd, const git_tree_entry *entry, const char *path, GHashTable *files,
           GError **error)
{
  git_repository *repo = rd->repo;
  git_odb *odb = rd->odb;
  const git_oid *known = rd->known_oids ? g_hash_table_lookup (rd->known_oids, path) : NULL;
  g_autoptr (git_blob) blob = NULL;
  git_object_t type;
  size_t size = 0;
  g_autofree char *shown = g_utf8_make_valid (path, -1);

  if (git_tree_entry_type (entry) != GIT_OBJECT_BLOB
      || (git_tree_entry_filemode (entry) != GIT_FILEMODE_BLOB
          && git_tree_entry_filemode (entry) != GIT_FILEMODE_BLOB_EXECUTABLE))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s”: not a regular file (a link, a folder or a submodule)"), shown);
      return FALSE;
    }
  if (!portada_sync_check_path (path, 0, error))
    return FALSE;
  if (known && git_oid_equal (known, git_tree_entry_id (entry)))
    {
      g_hash_table_insert (files, g_strdup (path),
                           g_bytes_ref (g_hash_table_lookup (rd->known_files, path)));
      return TRUE;
    }
  /* The size from the object's header, before anything is read. */
  if (git_odb_read_header (&size, &type, odb, git_tree_entry_id (entry)) != 0)
    return portada_sync_git_failed (error, shown);
  if (!portada_sync_check_path (path, size, error))
    return FALSE;
  if (g_hash_table_size (files) >= PORTADA_SYNC_MAX_FILES)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The repository holds more than %d files"), PORTADA_SYNC_MAX_FILES);
      return FALSE;
    }
  if (git_blob_lookup (&blob, repo, git_tree_entry_id (entry)) != 0)
    return portada_sync_git_failed (error, shown);
  g_hash_table_insert (files, g_strdup (path),
                       g_bytes_new (git_blob_rawcontent (blob), git_blob_rawsize (blob)));
  return TRUE;
}

/* The files of @commit's tree, each checked as portada_sync_read_dir() does; the
 * blobs the newsroom's last export (s->files) holds are taken from there. */
GHashTable *
portada_sync_git_read_commit (Sync *s, const git_oid *commit_id, GError **error)
{
  git_repository *repo = s->repo;
  g_autoptr (GHashTable) files = portada_sync_files_new ();
  g_autoptr (git_commit) commit = NULL;
  g_autoptr (git_tree) tree = NULL;
  g_autoptr (git_odb) odb = NULL;
  Reader rd = { repo, NULL, s->files, s->oids };

  if (git_commit_lookup (&commit, repo, commit_id) != 0 || git_commit_tree (&tree, commit) != 0
      || git_repository_odb (&odb, repo) != 0)
    {
      portada_sync_git_failed (error, _ ("Could not read the sync repository"));
      return NULL;
    }
  rd.odb = odb;
  for (size_t i = 0; i < git_tree_entrycount (tree); i++)
    {
      const git_tree_entry *e = git_tree_entry_byindex (tree, i);
      const char *name = git_tree_entry_name (e);

      if (git_tree_entry_type (e) == GIT_OBJECT_TREE)
        {
          g_autoptr (git_tree) sub = NULL;
          if (git_tree_lookup (&sub, repo, git_tree_entry_id (e)) != 0)
            {
              portada_sync_git_failed (error, name);
              return NULL;
            }
          for (size_t j = 0; j < git_tree_entrycount (sub); j++)
            {
              const git_tree_entry *f = git_tree_entry_byindex (sub, j);
              g_autofree char *path = g_strdup_printf ("%s/%s", name, git_tree_entry_name (f));
              if (!read_blob (&rd, f, path, files, error))
                return NULL;
            }
        }
      else if (!read_blob (&rd, e, name, files, error))
        return NULL;
    }
  return g_steal_pointer (&files);
}

/* Commits */

static git_signature *
signature (PortadaNewsroom *nr, git_repository *repo)
{
  g_autofree char *name = portada_settings_get (nr, PORTADA_SETTING_DEFAULT_AUTHOR, NULL);
  g_autofree char *email = NULL;
  git_signature *sig = NULL;

  /* The person set in Preferences; else the one git knows on this machine. */
  if ((name == NULL || *name == '\0') && git_signature_default (&sig, repo) == 0)
    return sig;
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (g_get_real_name ());
      if (g_str_equal (name, "Unknown") || *name == '\0')
        {
          g_free (name);
          name = g_strdup (g_get_user_name ());
        }
    }
  {
    g_autoptr (sqlite3_stmt) s
        = portada_newsroom_prepare (nr, "SELECT email FROM author WHERE name = ?", NULL);
    if (s)
      {
        portada_stmt_bind_text (s, 1, name);
        if (sqlite3_step (s) == SQLITE_ROW && sqlite3_column_text (s, 0)
            && *sqlite3_column_text (s, 0))
          email = portada_stmt_dup_text (s, 0);
      }
  }
  if (email == NULL)
    email = g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
  if (git_signature_now (&sig, name, email) != 0
      && git_signature_now (&sig, "Portada", "portada@localhost") != 0)
    return NULL;
  return sig;
}

gboolean
portada_sync_git_commit (Sync *s, const git_oid *tree_id, const git_oid *parents, guint n_parents,
                         const char *message, git_oid *out, GError **error)
{
  g_autoptr (git_signature) sig = signature (s->nr, s->repo);
  g_autoptr (git_tree) tree = NULL;
  const git_commit *parent_commits[2] = { NULL, NULL };
  gboolean ok;

  g_assert (n_parents <= 2);
  if (sig == NULL || git_tree_lookup (&tree, s->repo, tree_id) != 0)
    return portada_sync_git_failed (error, _ ("Could not write the sync repository"));
  for (guint i = 0; i < n_parents; i++)
    if (git_commit_lookup ((git_commit **) &parent_commits[i], s->repo, &parents[i]) != 0)
      return portada_sync_git_failed (error, _ ("Could not read the sync repository"));
  ok = git_commit_create (out, s->repo, NULL, sig, sig, "UTF-8", message, tree, n_parents,
                          parent_commits)
       == 0;
  for (guint i = 0; i < n_parents; i++)
    git_commit_free ((git_commit *) parent_commits[i]);
  if (!ok)
    return portada_sync_git_failed (error, _ ("Could not write the sync repository"));
  return TRUE;
}

gboolean
portada_sync_git_set_ref (git_repository *repo, const char *name, const git_oid *id, GError **error)
{
  g_autoptr (git_reference) ref = NULL;

  if (git_reference_create (&ref, repo, name, id, 1, "portada sync") != 0)
    return portada_sync_git_failed (error, _ ("Could not write the sync repository"));
  return TRUE;
}

gboolean
portada_sync_git_get_ref (git_repository *repo, const char *name, git_oid *id)
{
  return git_reference_name_to_id (id, repo, name) == 0;
}

gboolean
portada_sync_git_tree_of (git_repository *repo, const git_oid *commit_id, git_oid *tree_id)
{
  g_autoptr (git_commit) c = NULL;

  if (git_commit_lookup (&c, repo, commit_id) != 0)
    return FALSE;
  git_oid_cpy (tree_id, git_commit_tree_id (c));
  return TRUE;
}

/* What a person reading git log wants: how many records changed, and which,
 * by title or name where they have one. */
static char *
commit_message (Sync *s, const git_oid *old_tree, const git_oid *new_tree)
{
  g_autoptr (git_tree) a = NULL;
  g_autoptr (git_tree) b = NULL;
  git_diff *diff = NULL;
  GString *out = g_string_new (NULL);
  GString *list = g_string_new (NULL);
  guint records = 0;

  if (old_tree)
    git_tree_lookup (&a, s->repo, old_tree);
  if (git_tree_lookup (&b, s->repo, new_tree) == 0
      && git_diff_tree_to_tree (&diff, s->repo, a, b, NULL) == 0)
    for (size_t i = 0; i < git_diff_num_deltas (diff); i++)
      {
        const git_diff_delta *d = git_diff_get_delta (diff, i);
        const char *path = d->new_file.path ? d->new_file.path : d->old_file.path;
        GBytes *bytes = g_hash_table_lookup (s->files, path);
        g_autoptr (GHashTable) record = NULL;
        const char *label = NULL;

        if (!portada_sync_is_record (path))
          continue;
        if (++records > 50)
          continue;
        if (bytes && (record = portada_sync_record_parse (path, bytes, NULL)))
          label = g_hash_table_lookup (record, "title") ? g_hash_table_lookup (record, "title")
                                                        : g_hash_table_lookup (record, "name");
        g_string_append_printf (list, "%c %s%s%s\n",
                                d->status == GIT_DELTA_ADDED     ? 'A'
                                : d->status == GIT_DELTA_DELETED ? 'D'
                                                                 : 'M',
                                path, label ? "  " : "", label ? label : "");
      }
  git_diff_free (diff);
  g_string_append_printf (out, "%u %s changed on %s\n\n%s", records,
                          records == 1 ? "record" : "records", g_get_host_name (), list->str);
  if (records > 50)
    g_string_append_printf (out, "… and %u more\n", records - 50);
  g_string_free (list, TRUE);
  return g_string_free (out, FALSE);
}

/* Commits what the newsroom holds when it differs from the branch. */
gboolean
portada_sync_git_commit_local (Sync *s, GError **error)
{
  git_oid tree_id, head, head_tree, id;
  gboolean has_head;
  g_autofree char *message = NULL;

  g_clear_pointer (&s->files, g_hash_table_unref);
  g_clear_pointer (&s->oids, g_hash_table_unref);
  s->oids = portada_sync_git_oids_new ();
  if (!TIMED ("export", (s->files = portada_sync_export_lazy (s->nr, error)) != NULL)
      || !TIMED ("tree", portada_sync_git_write_tree (s, s->files, &tree_id, s->oids, error)))
    return FALSE;
  has_head = portada_sync_git_get_ref (s->repo, BRANCH, &head);
  if (has_head && !portada_sync_git_tree_of (s->repo, &head, &head_tree))
    return portada_sync_git_failed (error, _ ("Could not read the sync repository"));
  if (has_head && git_oid_equal (&head_tree, &tree_id))
    return TRUE;
  message = commit_message (s, has_head ? &head_tree : NULL, &tree_id);
  if (!portada_sync_git_commit (s, &tree_id, &head, has_head ? 1 : 0, message, &id, error)
      || !portada_sync_git_set_ref (s->repo, BRANCH, &id, error))
    return FALSE;
  s->report->committed = TRUE;
  return TRUE;
}

/* The remote */

typedef struct
{
  guint credential_calls;
  char *rejected;
  char *identity; /* a private key file, or NULL for the SSH agent */
} Callbacks;

static void
callbacks_init (Sync *s, Callbacks *cb)
{
  g_autoptr (git_config) config = NULL;
  git_buf buf = { 0 };

  memset (cb, 0, sizeof *cb);
  if (git_repository_config (&config, s->repo) == 0
      && git_config_get_string_buf (&buf, config, "portada.identity") == 0)
    {
      cb->identity = g_strdup (buf.ptr);
      git_buf_dispose (&buf);
    }
}

static void
callbacks_clear (Callbacks *cb)
{
  g_clear_pointer (&cb->identity, g_free);
  g_clear_pointer (&cb->rejected, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Callbacks, callbacks_clear)

static int
credentials_cb (git_credential **out, const char *url, const char *user, unsigned int allowed,
                void *payload)
{
  Callbacks *cb = payload;

  /* libgit2 asks again after each refusal: one offer from the agent, then give up. */
  if (cb->credential_calls++ > 0)
    return GIT_EUSER;
  if ((allowed & GIT_CREDENTIAL_SSH_KEY) && cb->identity)
    return git_credential_ssh_key_new (out, user ? user : g_get_user_name (), NULL, cb->identity,
                                       NULL);
  if (allowed & GIT_CREDENTIAL_SSH_KEY)
    return git_credential_ssh_key_from_agent (out, user ? user : g_get_user_name ());
  if (allowed & GIT_CREDENTIAL_USERNAME)
    return git_credential_username_new (out, user ? user : g_get_user_name ());
  return GIT_PASSTHROUGH;
}

static int
push_update_cb (const char *refname, const char *status, void *payload)
{
  Callbacks *cb = payload;

  if (status != NULL && cb->rejected == NULL)
    cb->rejected = g_strdup_printf ("%s: %s", refname, status);
  return 0;
}

/* A remote given as a path rather than a URL (no "scheme://", no "host:path"). */
gboolean
portada_sync_git_is_path (const char *url)
{
  const char *colon = strchr (url, ':');

  return strstr (url, "://") == NULL && (colon == NULL || strchr (url, '/') < colon);
}

static gboolean
remote_failed (Sync *s, Callbacks *cb, GError **error)
{
  const git_error *e = git_error_last ();

  if (portada_sync_git_is_path (s->url) && !g_file_test (s->url, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("Could not sync with “%s”: there is no such folder. The newsroom was not "
                      "changed; its changes wait for the next sync"),
                   s->url);
      return FALSE;
    }

  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
               _ ("Could not sync with “%s”: %s. The newsroom was not changed; its changes wait "
                  "for the next sync"),
               s->url,
               cb->credential_calls > 1 ? _ ("the server refused the key")
               : e && e->message && strstr (e->message, "hostkey")
                   ? _ ("the server's host key is not the one in ~/.ssh/known_hosts (unknown, or "
                        "changed); check it before adding it there")
               : e && e->message ? e->message
                                 : _ ("unknown error"));
  return FALSE;
}

gboolean
portada_sync_git_fetch (Sync *s, GError **error)
{
  git_fetch_options opts = GIT_FETCH_OPTIONS_INIT;
  g_auto (Callbacks) cb;
  char *spec = "+" BRANCH ":" TRACKING;
  git_strarray specs = { &spec, 1 };

  callbacks_init (s, &cb);
  opts.callbacks.credentials = credentials_cb;
  opts.callbacks.payload = &cb;
  opts.prune = GIT_FETCH_PRUNE;
  if (git_remote_fetch (s->remote, &specs, &opts, "portada sync") != 0)
    return remote_failed (s, &cb, error);
  return TRUE;
}

/* Pushes the branch; *rejected (the server's reason) when the remote refused the
 * update, as it does when another workstation pushed first. */
gboolean
portada_sync_git_push (Sync *s, char **rejected, GError **error)
{
  git_push_options opts = GIT_PUSH_OPTIONS_INIT;
  g_auto (Callbacks) cb;
  char *spec = BRANCH ":" BRANCH;
  git_strarray specs = { &spec, 1 };
  int rc;

  *rejected = NULL;
  callbacks_init (s, &cb);
  opts.callbacks.credentials = credentials_cb;
  opts.callbacks.push_update_reference = push_update_cb;
  opts.callbacks.payload = &cb;
  rc = git_remote_push (s->remote, &specs, &opts);
  if (rc == GIT_ENONFASTFORWARD || (rc == 0 && cb.rejected))
    {
      *rejected = cb.rejected ? g_steal_pointer (&cb.rejected) : g_strdup ("non-fast-forward");
      return TRUE;
    }
  if (rc != 0)
    return remote_failed (s, &cb, error);
  return TRUE;
}
