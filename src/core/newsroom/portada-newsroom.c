/* portada-newsroom.c: one SQLite file, one newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "portada-newsroom-private.h"
#include "portada-schema.h"

#define PORTADA_APPLICATION_ID 1349480052

struct _PortadaNewsroom
{
  GObject parent_instance;
  char *path;
  sqlite3 *db;
  int transaction_depth;
  gboolean read_only;
  GCancellable *cancellable; /* interrupts the statement running, when cancelled */
  GFileMonitor *monitors[2]; /* the file and its -wal, while watched */
  guint check_id;
  gint64 data_version;
  int version;      /* the schema version it was opened at */
  gboolean lost;    /* SQLite ended the open transaction by itself (disk full, I/O error) */
  gboolean opening; /* BEGIN is being run: no transaction yet, and none lost */
  gboolean foreign; /* holds schema objects Portada did not create */
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PortadaNewsroom, portada_newsroom, G_TYPE_OBJECT)

/* Spelt out: clang-format reads the G_DEFINE_QUARK form as a subtraction and
 * spaces it, which names the domain "portada - error - quark". */
GQuark
portada_error_quark (void)
{
  return g_quark_from_static_string ("portada-error-quark");
}

static int
code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
      case SQLITE_NOTADB:
        return PORTADA_ERROR_NOT_NEWSROOM;
      case SQLITE_CORRUPT:
        return PORTADA_ERROR_CORRUPT;
      case SQLITE_READONLY:
      case SQLITE_PERM:
        return PORTADA_ERROR_READ_ONLY;
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return PORTADA_ERROR_BUSY;
      case SQLITE_FULL:
        return PORTADA_ERROR_NO_SPACE;
      case SQLITE_CONSTRAINT:
        return PORTADA_ERROR_INVALID;
      default:
        return PORTADA_ERROR_FAILED;
    }
}

static gboolean
set_db_error (sqlite3 *db, const char *path, GError **error, const char *what)
{
  int rc = sqlite3_extended_errcode (db);
  const char *detail = sqlite3_errmsg (db);

  if ((rc & 0xff) == SQLITE_FULL)
    detail = _ ("the disk is full");
  else if ((rc & 0xff) == SQLITE_BUSY)
    detail = _ ("the newsroom is busy in another window or program; try again in a moment");
  g_set_error (error, PORTADA_ERROR, code_for_sqlite (rc), _ ("%s: %s: %s"), path, what, detail);
  return FALSE;
}

/* Reads the first bytes of @path through a read-only SQLite connection's own file
 * handle, which writes nothing.
 *
 * Never through open() and close() of our own: POSIX advisory locks belong to the
 * process, and closing any descriptor of the file drops every lock the process
 * holds on it, those of a connection already open included (the export opens
 * its own connection while the window's is open). A connection that lost its
 * lock lets the next program that closes the file (sqlite3, `portada export`)
 * believe it was the last one: it folds the WAL in and deletes it, and what the
 * window writes afterwards goes into a deleted file, "Saved" but seen by nobody
 * and lost in a crash. SQLite's own files are closed only when no lock of the
 * process needs them. */
static gboolean
read_header (const char *path, char *header, gsize size, GError **error)
{
  sqlite3 *db = NULL;
  sqlite3_file *file = NULL;
  sqlite3_int64 file_size = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && (file == NULL || file->pMethods == NULL))
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    rc = file->pMethods->xFileSize (file, &file_size);
  if (rc == SQLITE_OK && file_size >= (sqlite3_int64) size)
    rc = file->pMethods->xRead (file, header, (int) size, 0);
  if (rc != SQLITE_OK)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("%s: cannot be read: %s"), path,
                 sqlite3_errstr (rc));
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

/* Refuses a file that is not a database before anything could write to it. */
static gboolean
check_header (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local = NULL;
  char header[16] = { 0 };

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      int code = g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? PORTADA_ERROR_NOT_FOUND
                                                                           : PORTADA_ERROR_FAILED;
      g_set_error (error, PORTADA_ERROR, code, _ ("%s: cannot be read: %s"), path, local->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_NEWSROOM, _ ("%s: cannot be read: %s"),
                   path, g_strerror (EISDIR));
      return FALSE;
    }
  if (!g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("%s: cannot be read: %s"), path,
                   g_strerror (EACCES));
      return FALSE;
    }
  if (!read_header (path, header, sizeof header, error))
    return FALSE;
  if (memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_NEWSROOM,
                   _ ("%s: not a Portada newsroom (this file is not an SQLite database)"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean transaction_lost (PortadaNewsroom *self, GError **error);

static gboolean
query_int (sqlite3 *db, const char *sql, int *out)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Everything that can be learned without writing: is it ours, is it too new,
 * can SQLite read its schema at all. */
static gboolean
check_existing (sqlite3 *db, const char *path, int *version, GError **error)
{
  int app_id = 0, tables = 0;

  if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &tables)
      || !query_int (db, "PRAGMA user_version", version)
      || !query_int (db, "PRAGMA application_id", &app_id))
    return set_db_error (db, path, error, _ ("cannot be opened as a newsroom"));

  if (app_id != PORTADA_APPLICATION_ID)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_NEWSROOM,
                   _ ("%s: not a Portada newsroom (an SQLite database of another program)"), path);
      return FALSE;
    }
  if (*version > PORTADA_SCHEMA_VERSION)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_TOO_NEW,
                   _ ("%s: written by a newer Portada (schema %d, this version reads up to %d); "
                      "update Portada to open it"),
                   path, *version, PORTADA_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure (sqlite3 *db, const char *path, GError **error)
{
  if (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK
      /* Reads of a large newsroom go through the page cache without copies. */
      || sqlite3_exec (db, "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456", NULL, NULL,
                       NULL)
             != SQLITE_OK)
    return set_db_error (db, path, error, _ ("cannot be prepared for use"));
  return TRUE;
}

static void
portada_newsroom_finalize (GObject *object)
{
  PortadaNewsroom *self = PORTADA_NEWSROOM (object);

  portada_newsroom_close (self);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  G_OBJECT_CLASS (portada_newsroom_parent_class)->finalize (object);
}

static void
portada_newsroom_class_init (PortadaNewsroomClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = portada_newsroom_finalize;
  /**
   * PortadaNewsroom::changed:
   *
   * Another connection (another window, a command-line import, any program)
   * committed a change to the file. Emitted while portada_newsroom_watch() is on.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
portada_newsroom_init (PortadaNewsroom *self)
{
}

/* SQLite's own advice for files from elsewhere: no writing of the schema by
 * hand, and functions of the schema (views, triggers) limited to harmless ones. */
static void
harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
}

/* Objects of the schema that Portada did not create refuse the file; with
 * PORTADA_OPEN_FOREIGN_SCHEMA (check, repair) it opens, but nothing of the
 * schema runs: triggers and views are off on this connection. */
static gboolean
check_schema (PortadaNewsroom *self, int version, PortadaOpenFlags flags, GError **error)
{
  g_autoptr (GPtrArray) foreign = portada_schema_foreign (self->db, version, error);
  g_autofree char *list = NULL;

  if (foreign == NULL)
    {
      g_prefix_error (error, "%s: ", self->path);
      return FALSE;
    }
  self->foreign = foreign->len > 0;
  if (!self->foreign)
    {
      /* Every view and trigger is now known to be Portada's own, as the
       * migrations make it: those keep the search index (FTS5, which SQLite
       * does not mark harmless) in step, so the schema may use it. */
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
      return TRUE;
    }
  if (flags & PORTADA_OPEN_FOREIGN_SCHEMA)
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
      return TRUE;
    }
  g_ptr_array_add (foreign, NULL);
  list = g_strjoinv (", ", (char **) foreign->pdata);
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FOREIGN_SCHEMA,
               _ ("%s: refused: the file holds schema objects Portada did not create (%s); they "
                  "could run on the next save. “portada check” lists them, “portada repair --db "
                  "FILE” removes them"),
               self->path, list);
  return FALSE;
}

static sqlite3 *
open_connection (const char *path, int flags, GError **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_db_error (db, path, error, _ ("cannot be opened"));
      sqlite3_close (db);
      return NULL;
    }
  /* Before anything else: another window may be saving, or upgrading the file. */
  sqlite3_busy_timeout (db, PORTADA_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);
  harden (db);
  return db;
}

static void
remove_with_sidecars (const char *path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* Builds a new newsroom beside @path and renames it into place when it is
 * complete, so a crash while creating leaves no file or a whole newsroom,
 * never an empty file that cannot be opened again. */
static gboolean
create_file (const char *path, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".creating", NULL);
  sqlite3 *db = NULL;
  gboolean ok;

  remove_with_sidecars (tmp); /* what a killed creation left */
  if (sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL)
      != SQLITE_OK)
    {
      set_db_error (db, path, error, _ ("cannot be created"));
      sqlite3_close (db);
      remove_with_sidecars (tmp);
      return FALSE;
    }
  sqlite3_extended_result_codes (db, 1);
  harden (db);
  ok = portada_migrations_apply (db, 0, PORTADA_SCHEMA_VERSION, error)
       && configure (db, path, error);
  /* Closing folds the WAL into the file: what is renamed is whole on its own. */
  sqlite3_close_v2 (db);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, PORTADA_ERROR,
                   saved == ENOSPC ? PORTADA_ERROR_NO_SPACE : PORTADA_ERROR_FAILED,
                   _ ("%s: cannot be created: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    remove_with_sidecars (tmp);
  return ok;
}

/**
 * portada_newsroom_open:
 * @path: the newsroom file
 * @flags: %PORTADA_OPEN_CREATE to make a new newsroom when @path does not exist
 *
 * Opens a newsroom, upgrading its schema when it is older. Nothing is written to
 * a file that is not a Portada newsroom, is too new, or cannot be written.
 */
PortadaNewsroom *
portada_newsroom_open (const char *path, PortadaOpenFlags flags, GError **error)
{
  g_autoptr (PortadaNewsroom) self = NULL;
  gboolean exists;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && (flags & PORTADA_OPEN_CREATE) && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      /* A link to nothing: creating would replace the link, not make its target. */
      g_autofree char *target = g_file_read_link (path, NULL);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: a symbolic link to %s, which does not exist; Portada does not replace "
                      "the link (create the newsroom at %s, or remove the link)"),
                   path, target ? target : "?", target ? target : path);
      return NULL;
    }
  if (!exists && !(flags & PORTADA_OPEN_CREATE))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("%s: no such newsroom file"),
                   path);
      return NULL;
    }
  if (exists)
    {
      if (!check_header (path, error))
        return NULL;
      GStatBuf st;

      /* Root passes access(W_OK) on any file: the mode bits are the user's intent. */
      if (g_access (path, W_OK) != 0 || (g_stat (path, &st) == 0 && (st.st_mode & 0222) == 0))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_READ_ONLY,
                       _ ("%s: the file is read-only; Portada needs to write to a newsroom"), path);
          return NULL;
        }
    }
  else if (!create_file (path, error))
    return NULL;

  self = g_object_new (PORTADA_TYPE_NEWSROOM, NULL);
  self->path = g_strdup (path);
  self->db = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (self->db == NULL)
    return NULL;

  {
    /* The version and the schema read in one read transaction: another window may
     * commit an upgrade in between (a schema of 8 beside a version of 1 would look
     * like another program's objects). */
    gboolean in_read = sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    gboolean ok = check_existing (self->db, path, &version, error)
                  && check_schema (self, version, flags, error);

    if (in_read)
      sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
    if (!ok)
      return NULL;
  }
  self->version = version;
  /* A file with objects of another program is upgraded once they are gone. */
  if (!self->foreign
      && !portada_migrations_apply (self->db, version, PORTADA_SCHEMA_VERSION, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  if (!configure (self->db, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
portada_newsroom_create_at_version (const char *path, int version, GError **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (version >= 1 && version <= PORTADA_SCHEMA_VERSION, FALSE);
  db = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return FALSE;
  ok = portada_migrations_apply (db, 0, version, error);
  sqlite3_close (db);
  return ok;
}

int
portada_newsroom_get_schema_version (PortadaNewsroom *self)
{
  int version = -1;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self) && self->db, -1);
  query_int (self->db, "PRAGMA user_version", &version);
  return version;
}

const char *
portada_newsroom_get_path (PortadaNewsroom *self)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), NULL);
  return self->path;
}

void
portada_newsroom_close (PortadaNewsroom *self)
{
  g_return_if_fail (PORTADA_IS_NEWSROOM (self));
  portada_newsroom_unwatch (self);
  if (self->db == NULL)
    return;
  if (self->read_only)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      return;
    }
  /* Folds the WAL back so the file is whole on its own when copied. */
  sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

sqlite3 *
portada_newsroom_get_db (PortadaNewsroom *self)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), NULL);
  return self->db;
}

gboolean
portada_newsroom_set_error (PortadaNewsroom *self, GError **error, const char *what)
{
  return set_db_error (self->db, self->path, error, what);
}

sqlite3_stmt *
portada_newsroom_prepare (PortadaNewsroom *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), NULL);
  if (self->db == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("%s: the newsroom is closed"),
                   self->path);
      return NULL;
    }
  if (transaction_lost (self, error))
    return NULL;
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (self->db, self->path, error, _ ("cannot be read"));
      return NULL;
    }
  return stmt;
}

gboolean
portada_newsroom_exec (PortadaNewsroom *self, const char *sql, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), FALSE);
  if (transaction_lost (self, error))
    return FALSE;
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (self->db, self->path, error, _ ("cannot be written"));
      transaction_lost (self, NULL);
      return FALSE;
    }
  return !transaction_lost (self, error);
}

gboolean
portada_newsroom_step_done (PortadaNewsroom *self, sqlite3_stmt *stmt, GError **error)
{
  int rc;

  if (transaction_lost (self, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_db_error (self->db, self->path, error, _ ("cannot be written"));
      transaction_lost (self, NULL);
      return FALSE;
    }
  return !transaction_lost (self, error);
}

/* Inside a transaction of ours, SQLite rolls back by itself on a full disk or an
 * I/O error: then the connection is in autocommit again, and whatever ran next
 * would be written outside the transaction. Noticed at the next statement, and
 * every statement until the outermost level rolls back fails. */
static gboolean
transaction_lost (PortadaNewsroom *self, GError **error)
{
  if (self->transaction_depth == 0 || self->opening || self->db == NULL)
    return FALSE;
  if (!self->lost && !sqlite3_get_autocommit (self->db))
    return FALSE;
  self->lost = TRUE;
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
               _ ("%s: the transaction was ended by SQLite after an error (is the disk full?); "
                  "nothing of it was kept"),
               self->path);
  return TRUE;
}

/* INSERT … RETURNING id: the row comes on the first step, but the statement is
 * done (constraints, triggers, an error SQLite met) only when stepped to its end. */
gboolean
portada_newsroom_step_returning (PortadaNewsroom *self, sqlite3_stmt *stmt, gint64 *id,
                                 const char *what, GError **error)
{
  int rc;

  *id = 0;
  if (transaction_lost (self, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_NOTFOUND; /* no row: nothing was written */
  if (rc != SQLITE_DONE || sqlite3_reset (stmt) != SQLITE_OK)
    {
      if (rc == SQLITE_NOTFOUND)
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, "%s: %s", self->path, what);
      else
        set_db_error (self->db, self->path, error, what);
      *id = 0;
      transaction_lost (self, NULL);
      return FALSE;
    }
  return !transaction_lost (self, error);
}

/* Transactions nest: only the outermost begin and commit reach SQLite, so a
 * function that needs one can call another that needs one too. */
gboolean
portada_newsroom_begin (PortadaNewsroom *self, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), FALSE);
  if (self->transaction_depth > 0 && transaction_lost (self, error))
    return FALSE;
  if (self->transaction_depth++ > 0)
    return TRUE;
  self->opening = TRUE;
  self->lost = FALSE;
  ok = portada_newsroom_exec (self, "BEGIN IMMEDIATE", error);
  self->opening = FALSE;
  if (!ok)
    self->transaction_depth = 0;
  return ok;
}

gboolean
portada_newsroom_commit (PortadaNewsroom *self, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);
  /* A level that commits a transaction SQLite already ended fails, so its
   * caller rolls back; the outermost then ends the transaction for good. */
  if (transaction_lost (self, error))
    {
      if (--self->transaction_depth == 0)
        self->lost = FALSE;
      return FALSE;
    }
  if (--self->transaction_depth > 0)
    return TRUE;
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (self->db, self->path, error, _ ("cannot be written"));
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  /* The outermost commit leaves no transaction open: what the caller reports as
   * saved is in the file. */
  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: cannot be written: a transaction stayed open"), self->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
portada_newsroom_in_transaction (PortadaNewsroom *self)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), FALSE);
  return self->transaction_depth > 0 || (self->db && !sqlite3_get_autocommit (self->db));
}

char *
portada_newsroom_read_back (PortadaNewsroom *self, const char *sql, gint64 id, GError **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  GString *row = NULL;
  int rc;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), NULL);
  db = open_connection (self->path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
    }
  if (rc == SQLITE_ROW)
    {
      row = g_string_new (NULL);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          if (i > 0)
            g_string_append_c (row, '\x1f');
          g_string_append (row, text ? text : "");
        }
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND,
                 _ ("%s: what was saved is not in the file"), self->path);
  else
    set_db_error (db, self->path, error, _ ("cannot be read"));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return row ? g_string_free (row, FALSE) : NULL;
}

void
portada_newsroom_rollback (PortadaNewsroom *self)
{
  g_return_if_fail (PORTADA_IS_NEWSROOM (self));
  g_return_if_fail (self->transaction_depth > 0);
  /* An inner failure spoils the whole transaction: roll back at once and let
   * the outer levels unwind without committing. */
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    self->lost = TRUE; /* ended: the outer levels must not carry on */
  if (--self->transaction_depth == 0)
    self->lost = FALSE;
}

gboolean
portada_newsroom_begin_read (PortadaNewsroom *self, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), FALSE);
  gboolean ok;

  if (self->transaction_depth++ > 0)
    return TRUE;
  /* Deferred: takes no lock, and in WAL mode never blocks a writer. */
  self->opening = TRUE;
  self->lost = FALSE;
  ok = portada_newsroom_exec (self, "BEGIN DEFERRED", error);
  self->opening = FALSE;
  if (!ok)
    self->transaction_depth = 0;
  return ok;
}

void
portada_newsroom_end_read (PortadaNewsroom *self)
{
  g_return_if_fail (PORTADA_IS_NEWSROOM (self));
  g_return_if_fail (self->transaction_depth > 0);
  if (--self->transaction_depth > 0)
    return;
  self->lost = FALSE;
  if (sqlite3_get_autocommit (self->db) == 0
      && sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

GPtrArray *
portada_newsroom_check_integrity (PortadaNewsroom *self, GError **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) ic = NULL;
  g_autoptr (sqlite3_stmt) fk = NULL;
  int rc;

  ic = portada_newsroom_prepare (self, "PRAGMA integrity_check", error);
  if (ic == NULL)
    return NULL;
  while ((rc = sqlite3_step (ic)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (ic, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf ("database damaged: %s", line));
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (self->db, self->path, error, _ ("integrity check failed"));
      return NULL;
    }

  fk = portada_newsroom_prepare (self, "PRAGMA foreign_key_check", error);
  if (fk == NULL)
    return NULL;
  while ((rc = sqlite3_step (fk)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (fk, 0);
      const char *parent = (const char *) sqlite3_column_text (fk, 2);

      if (sqlite3_column_type (fk, 1) == SQLITE_NULL)
        g_ptr_array_add (problems, g_strdup_printf ("broken reference: a row of table %s points "
                                                    "to a missing row of %s",
                                                    table, parent));
      else
        g_ptr_array_add (problems,
                         g_strdup_printf ("broken reference: row %lld of table %s points to a "
                                          "missing row of %s",
                                          (long long) sqlite3_column_int64 (fk, 1), table, parent));
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (self->db, self->path, error, _ ("foreign key check failed"));
      return NULL;
    }
  return g_steal_pointer (&problems);
}

void
portada_stmt_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
portada_stmt_bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
portada_stmt_dup_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? g_strdup (text) : NULL;
}

/* Reader connections ------------------------------------------------------------ */

static int
progress_cb (void *data)
{
  PortadaNewsroom *self = data;

  return self->cancellable && g_cancellable_is_cancelled (self->cancellable);
}

PortadaNewsroom *
portada_newsroom_open_reader (PortadaNewsroom *self, GError **error)
{
  g_autoptr (PortadaNewsroom) reader = NULL;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), NULL);
  reader = g_object_new (PORTADA_TYPE_NEWSROOM, NULL);
  reader->path = g_strdup (self->path);
  reader->read_only = TRUE;
  reader->db = open_connection (self->path, SQLITE_OPEN_READONLY, error);
  if (reader->db == NULL)
    return NULL;
  if (sqlite3_exec (reader->db, "PRAGMA cache_size = -16384; PRAGMA mmap_size = 268435456", NULL,
                    NULL, NULL)
      != SQLITE_OK)
    {
      set_db_error (reader->db, self->path, error, _ ("cannot be opened for reading"));
      return NULL;
    }
  /* About every millisecond of work, a look at the cancellable. */
  sqlite3_progress_handler (reader->db, 4000, progress_cb, reader);
  return g_steal_pointer (&reader);
}

gboolean
portada_newsroom_is_reader (PortadaNewsroom *self)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), FALSE);
  return self->read_only;
}

void
portada_newsroom_set_cancellable (PortadaNewsroom *self, GCancellable *cancellable)
{
  g_return_if_fail (PORTADA_IS_NEWSROOM (self));
  g_return_if_fail (self->read_only);
  g_set_object (&self->cancellable, cancellable);
}

gboolean
portada_newsroom_check_cancelled (PortadaNewsroom *self, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), FALSE);
  return self->cancellable && g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

/* Watching the file ------------------------------------------------------------- */

gint64
portada_newsroom_get_data_version (PortadaNewsroom *self)
{
  int version = -1;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), -1);
  if (self->db == NULL || !query_int (self->db, "PRAGMA data_version", &version))
    return -1;
  return version;
}

gboolean
portada_newsroom_check_changed (PortadaNewsroom *self)
{
  gint64 version;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), FALSE);
  /* Inside a transaction of ours the answer is about our own snapshot. */
  if (self->transaction_depth > 0)
    return FALSE;
  version = portada_newsroom_get_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
check_cb (gpointer data)
{
  PortadaNewsroom *self = data;

  self->check_id = 0;
  portada_newsroom_check_changed (self);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                 gpointer data)
{
  PortadaNewsroom *self = data;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CHANGED
      && event != G_FILE_MONITOR_EVENT_CREATED)
    return;
  /* A burst of writes is one check, shortly after it. */
  if (self->check_id == 0)
    self->check_id = g_timeout_add (PORTADA_WATCH_DELAY_MS, check_cb, self);
}

void
portada_newsroom_watch (PortadaNewsroom *self)
{
  static const char *const suffixes[] = { "", "-wal" };

  g_return_if_fail (PORTADA_IS_NEWSROOM (self));
  if (self->monitors[0] || self->db == NULL)
    return;
  self->data_version = portada_newsroom_get_data_version (self);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (self->path, suffixes[i], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (name);
      g_autoptr (GError) error = NULL;

      self->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
      if (self->monitors[i] == NULL)
        {
          g_warning ("%s: changes by other programs will not be seen: %s", name, error->message);
          continue;
        }
      g_file_monitor_set_rate_limit (self->monitors[i], PORTADA_WATCH_DELAY_MS);
      g_signal_connect (self->monitors[i], "changed", G_CALLBACK (file_changed_cb), self);
    }
}

void
portada_newsroom_unwatch (PortadaNewsroom *self)
{
  g_return_if_fail (PORTADA_IS_NEWSROOM (self));
  for (guint i = 0; i < G_N_ELEMENTS (self->monitors); i++)
    if (self->monitors[i])
      {
        g_signal_handlers_disconnect_by_data (self->monitors[i], self);
        g_file_monitor_cancel (self->monitors[i]);
        g_clear_object (&self->monitors[i]);
      }
  g_clear_handle_id (&self->check_id, g_source_remove);
}

GPtrArray *
portada_newsroom_foreign_objects (PortadaNewsroom *self, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), NULL);
  return portada_schema_foreign (self->db, self->version, error);
}

GPtrArray *
portada_newsroom_repair (PortadaNewsroom *self, GError **error)
{
  g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (self), NULL);
  if (!portada_schema_repair (self->db, self->version, said, error))
    {
      g_prefix_error (error, "%s: ", self->path);
      return NULL;
    }
  return g_steal_pointer (&said);
}
