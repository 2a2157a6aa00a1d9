/* test-crash.c: kill Portada at random moments, fill its disk, run two of it at
 * once: the newsroom stays whole and keeps every save that completed.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kills hit crash-child, which saves through the same core calls as the
 * window's autosave. The random moments come from GTest's seed: rerun a failure
 * with the seed it prints (-seed=R02S...). PORTADA_CRASH_KILLS sets how many kills
 * the autosave test makes (200 by default).
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crash-text.h"
#include "fault-vfs.h"
#include "portada-articles.h"
#include "portada-newsroom.h"
#include "portada-demo.h"
#include "portada-settings.h"
#include "portada-site-export.h"
#include "portada-test-util.h"

/* ---- children ---------------------------------------------------------- */

typedef struct
{
  GPid pid;
  int out;
  int err;
  gint64 started;
} Child;

static char *self_dir;

/* crash-child: as meson says, else beside this program. */
static const char *
child_program (void)
{
  static char *path;

  if (path == NULL)
    path = g_getenv ("PORTADA_CRASH_CHILD") ? g_strdup (g_getenv ("PORTADA_CRASH_CHILD"))
                                            : g_build_filename (self_dir, "crash-child", NULL);
  return path;
}

/* The children that get killed run at the lowest priority: on a busy machine the
 * test then wakes up to kill them while they work, not after they are done. */
static void
lower_priority (gpointer data)
{
  if (nice (19) < 0)
    return;
}

static void
child_spawn (Child *child, const char *mode, const char *db, const char *a1, const char *a2)
{
  const char *argv[] = { child_program (), mode, db, a1, a2, NULL };
  g_autoptr (GError) error = NULL;
  gboolean to_kill = g_str_equal (mode, "autosave") || g_str_equal (mode, "export");

  child->started = g_get_monotonic_time ();
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            to_kill ? lower_priority : NULL, NULL, &child->pid, NULL, &child->out,
                            &child->err, &error);
  g_assert_no_error (error);
}

static void
read_all (int fd, GString *into)
{
  char buf[4096];
  ssize_t got;

  while ((got = read (fd, buf, sizeof buf)) != 0)
    {
      if (got < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (got, >, 0);
      g_string_append_len (into, buf, got);
    }
  close (fd);
}

/* Waits for the child to end; returns its wait status, with what it wrote. */
static int
child_reap (Child *child, GString *out, GString *err)
{
  int status = 0;

  read_all (child->out, out);
  read_all (child->err, err);
  while (waitpid (child->pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (child->pid);
  return status;
}

/* Kills the child at once, as a power cut or the OOM killer would. */
static int
child_kill (Child *child, GString *out, GString *err)
{
  kill (child->pid, SIGKILL);
  return child_reap (child, out, err);
}

static void
assert_finished_ok (int status, GString *err)
{
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("crash-child failed (status %d): %s", status, err->str);
}

/* The number on the last complete line the child wrote, or @none. */
static int
last_report (GString *out, int none)
{
  g_auto (GStrv) lines = g_strsplit (out->str, "\n", -1);
  guint n = g_strv_length (lines);

  /* The last piece has no newline: it is empty or a line cut by the kill. */
  return n >= 2 ? atoi (lines[n - 2]) : none;
}

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = portada_test_tmpdir ();
  return g_build_filename (dir, name, NULL);
}

static void
create_newsroom (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (path, PORTADA_OPEN_CREATE, &error);

  g_assert_no_error (error);
}

static void
assert_whole (PortadaNewsroom *nr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = portada_newsroom_check_integrity (nr, &error);

  g_assert_no_error (error);
  if (problems->len)
    g_error ("the newsroom is damaged: %s", (char *) problems->pdata[0]);
}

/* ---- killed while autosaving -------------------------------------------- */

/* Checks @db after a kill; returns the save number it holds. */
static int
verify_autosaved (const char *db, int reported)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  g_autoptr (PortadaArticle) a = NULL;
  g_autofree char *problem = NULL;
  PortadaArticleQuery en = PORTADA_ARTICLE_QUERY_INIT;
  int n = 0;

  g_assert_no_error (error);
  assert_whole (nr);
  a = portada_articles_load_by_uuid (nr, CRASH_MAIN_UUID, &error);
  if (a == NULL && reported == 0 && g_error_matches (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
    return 0;
  g_assert_no_error (error);
  g_assert_true (crash_text_parse_title (a->title, &n));
  /* Every completed save is there; at most one more that completed as the kill came. */
  if (n < reported || n > reported + 1)
    g_error ("the newsroom holds save %d, but save %d had completed", n, reported);
  problem = crash_text_check_main (a, n);
  if (problem)
    g_error ("after the kill, %s", problem);

  /* The articles added in the same transactions: all of them, whole. */
  en.lang = "en";
  g_assert_cmpint (portada_articles_count (nr, &en, &error), ==, n / CRASH_EXTRA_EVERY);
  if (n >= CRASH_EXTRA_EVERY)
    {
      int last = n - n % CRASH_EXTRA_EVERY;
      g_autofree char *uuid = crash_text_extra_uuid (last);
      g_autoptr (PortadaArticle) extra = portada_articles_load_by_uuid (nr, uuid, &error);

      g_assert_no_error (error);
      problem = crash_text_check_extra (extra, last);
      if (problem)
        g_error ("after the kill, %s", problem);
    }
  return n;
}

static int
count_lines (GString *out)
{
  int n = 0;

  for (gsize i = 0; i < out->len; i++)
    n += out->str[i] == '\n';
  return n;
}

/* Reads from the child until it has written at least @lines lines. */
static void
read_lines (Child *child, GString *out, int lines)
{
  char buf[256];

  while (count_lines (out) < lines)
    {
      ssize_t got = read (child->out, buf, sizeof buf);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        g_error ("crash-child stopped before writing %d lines: %s", lines, out->str);
      g_string_append_len (out, buf, got);
    }
}

/* How long a child takes, once ready, to complete @saves saves: the kills
 * spread over that time, measured on this machine under its present load. */
static gint64
time_saves (const char *db, int saves, int *reported)
{
  Child child;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) err = g_string_new (NULL);
  gint64 ready, elapsed;

  child_spawn (&child, "autosave", db, NULL, NULL);
  read_lines (&child, out, 1);
  ready = g_get_monotonic_time ();
  read_lines (&child, out, 1 + saves);
  elapsed = g_get_monotonic_time () - ready;
  child_kill (&child, out, err);
  *reported = last_report (out, -1);
  return elapsed;
}

static void
test_autosave_kills (void)
{
  g_autofree char *db = tmp_path ("autosave.db");
  const char *env = g_getenv ("PORTADA_CRASH_KILLS");
  int kills = env ? atoi (env) : 200;
  int reported = 0, mid_commit = 0, idle = 0;
  gint64 window;

  /* The newsroom exists before the first kill (creating it has its own test). */
  create_newsroom (db);
  window = time_saves (db, 40, &reported);
  reported = verify_autosaved (db, reported);
  g_test_message ("a child, once ready, makes 40 saves in %.1f ms", window / 1000.0);

  for (int k = 0; k < kills; k++)
    {
      Child child;
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (GString) err = g_string_new (NULL);
      int status, last;

      child_spawn (&child, "autosave", db, NULL, NULL);
      /* Killing it while it opens the newsroom is the upgrade test's part:
       * here the kill falls among the saves. */
      read_lines (&child, out, 1);
      g_usleep (g_test_rand_int_range (0, window));
      status = child_kill (&child, out, err);
      if (!WIFSIGNALED (status))
        g_error ("crash-child ended before the kill (status %d): %s", status, err->str);
      /* Other tests share the machine: the saves slow down and speed up, so the
       * window follows them, aiming at a few saves per run. */
      if (count_lines (out) < 2)
        {
          idle++; /* killed before its first save completed: still a valid kill */
          window = MIN (window * 5 / 4, G_USEC_PER_SEC);
        }
      else if (count_lines (out) > 30)
        window = MAX (window * 4 / 5, 1000);
      last = last_report (out, -1);
      g_assert_cmpint (last, >=, reported);
      reported = last;
      last = verify_autosaved (db, reported);
      if (last == reported + 1)
        mid_commit++;
      reported = last;
    }
  g_test_message ("%d kills survived; %d saves in all; %d kills between a commit and its "
                  "report; %d before the child's first save",
                  kills, reported, mid_commit, idle);
  /* Most kills fell among saves, not before them. */
  g_assert_cmpint (idle, <, kills * 3 / 4);
}

/* ---- killed while creating or upgrading a newsroom ---------------------- */

static gint64
time_open (const char *db)
{
  Child child;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) err = g_string_new (NULL);
  gint64 started;

  child_spawn (&child, "open", db, NULL, NULL);
  started = child.started;
  assert_finished_ok (child_reap (&child, out, err), err);
  g_assert_cmpint (last_report (out, -1), ==, PORTADA_SCHEMA_VERSION);
  return g_get_monotonic_time () - started;
}

static void
test_create_kills (void)
{
  g_autofree char *db = tmp_path ("create.db");
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  gint64 window = time_open (db) * 3 / 2;
  int absent = 0, whole = 0;

  for (int k = 0; k < 40; k++)
    {
      Child child;
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (GString) err = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaNewsroom) nr = NULL;

      g_unlink (db);
      g_unlink (wal);
      child_spawn (&child, "open", db, NULL, NULL);
      g_usleep (g_test_rand_int_range (0, window));
      child_kill (&child, out, err);
      if (g_file_test (db, G_FILE_TEST_EXISTS))
        whole++;
      else
        absent++;
      /* Whatever the kill left, creating the newsroom again just works. */
      nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (portada_newsroom_get_schema_version (nr), ==, PORTADA_SCHEMA_VERSION);
      assert_whole (nr);
    }
  g_test_message ("40 kills while creating: %d left no file, %d a file", absent, whole);
}

#define OLD_SPONSORS 40000

static int
sqlite_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A version-1 newsroom with enough rows that upgrading it takes a while. */
static void
make_old_newsroom (const char *path)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  g_assert_true (portada_newsroom_create_at_version (path, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                 "FROM n WHERE i < 40000) INSERT INTO sponsor (name, alt_text) "
                                 "SELECT hex(randomblob(12)), 'Logo ' || i FROM n; COMMIT;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dst = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Either still version 1 and exactly as it was, or fully upgraded. */
static int
verify_upgrade (const char *path)
{
  sqlite3 *db;
  int version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  version = sqlite_int (db, "PRAGMA user_version");
  g_assert_cmpint (sqlite_int (db, "SELECT count(*) FROM sponsor"), ==, OLD_SPONSORS);
  g_assert_cmpint (sqlite_int (db, "SELECT count(*) FROM pragma_table_info('media') WHERE name = "
                                   "'alt_text'"),
                   ==, version >= 2);
  g_assert_cmpint (
      sqlite_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sponsor_name'"), ==,
      version >= 2);
  sqlite3_close (db);
  g_assert_true (version == 1 || version == PORTADA_SCHEMA_VERSION);
  return version;
}

static void
test_upgrade_kills (void)
{
  g_autofree char *template = tmp_path ("old-template.db");
  g_autofree char *db = tmp_path ("old.db");
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  gint64 window;
  int old = 0, upgraded = 0;

  make_old_newsroom (template);
  copy_file (template, db);
  window = time_open (db) * 3 / 2;

  for (int k = 0; k < 30; k++)
    {
      Child child;
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (GString) err = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaNewsroom) nr = NULL;

      g_unlink (journal);
      g_unlink (wal);
      copy_file (template, db);
      child_spawn (&child, "open", db, NULL, NULL);
      g_usleep (g_test_rand_int_range (0, window));
      child_kill (&child, out, err);
      if (verify_upgrade (db) == 1)
        old++;
      else
        upgraded++;
      nr = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      assert_whole (nr);
    }
  g_test_message ("30 kills while upgrading: %d left version 1, %d version %d", old, upgraded,
                  PORTADA_SCHEMA_VERSION);
}

/* Several windows opening the same old newsroom at once: each waits for the
 * upgrade the first one makes, none applies it twice. */
static void
test_concurrent_upgrade (void)
{
  g_autofree char *db = tmp_path ("old-shared.db");
  Child children[3];

  make_old_newsroom (db);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    child_spawn (&children[i], "open", db, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (GString) err = g_string_new (NULL);

      assert_finished_ok (child_reap (&children[i], out, err), err);
      g_assert_cmpint (last_report (out, -1), ==, PORTADA_SCHEMA_VERSION);
    }
  g_assert_cmpint (verify_upgrade (db), ==, PORTADA_SCHEMA_VERSION);
}

/* ---- a full disk --------------------------------------------------------- */

static char *
big_body (gsize bytes, char fill)
{
  GString *s = g_string_sized_new (bytes + 64);

  while (s->len < bytes)
    {
      g_string_append_c (s, fill);
      g_string_append (s, " palabra más ");
      if (s->len % 700 < 14)
        g_string_append (s, "\n\n");
    }
  return g_string_free (s, FALSE);
}

static void
assert_disk_full_error (const GError *error)
{
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
}

/* Opens @db anew and checks it holds @body for @uuid, and is whole. */
static void
assert_stored (const char *db, const char *uuid, const char *body)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  g_autoptr (PortadaArticle) a = NULL;

  g_assert_no_error (error);
  assert_whole (nr);
  a = portada_articles_load_by_uuid (nr, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (g_strcmp0 (a->body, body) == 0);
}

/* The disk fills up at every possible moment of a save: after each failure the
 * newsroom is whole and holds the previous save, and the same window saves the
 * edit once there is room again. */
static void
test_disk_full_injected (void)
{
  g_autofree char *db = tmp_path ("full-injected.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autofree char *saved = NULL;
  int failures = 0;

  fault_vfs_install ();
  nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_free (a->lang);
  a->lang = g_strdup ("es");
  g_free (a->title);
  a->title = g_strdup ("Con el disco lleno");
  g_free (a->body);
  a->body = big_body (20000, 'a');
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  saved = g_strdup (a->body);

  /* Budgets from nothing to more than a save needs, in steps of under a page. */
  for (gint64 budget = 0; budget < 120000; budget += 3001)
    {
      g_autofree char *edit = big_body (20000 + budget / 2, 'b' + budget % 20);

      g_free (a->body);
      a->body = g_strdup (edit);
      fault_vfs_set_budget (budget);
      if (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error))
        {
          fault_vfs_set_budget (-1);
          g_free (saved);
          saved = g_strdup (edit);
          assert_stored (db, a->uuid, saved);
          continue;
        }
      fault_vfs_set_budget (-1);
      failures++;
      assert_disk_full_error (error);
      g_clear_error (&error);
      /* Nothing stored is damaged: a fresh open sees the previous save. */
      assert_stored (db, a->uuid, saved);
      /* Room again: the same connection saves the edit. */
      g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
      g_assert_no_error (error);
      g_free (saved);
      saved = g_strdup (edit);
      assert_stored (db, a->uuid, saved);
    }
  g_test_message ("%d saves failed for want of room; every one was saved once room came back",
                  failures);
  g_assert_cmpint (failures, >, 10);
  assert_whole (nr);
}

static char *tmpfs_mount;

static void
unmount_tmpfs (void)
{
  if (tmpfs_mount)
    umount2 (tmpfs_mount, MNT_DETACH);
}

/* Fills the file system of @dir: returns the path of the file that holds the room. */
static char *
fill_disk (const char *dir)
{
  char *filler = g_build_filename (dir, "filler", NULL);
  char block[4096] = { 0 };
  int fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  /* Any last fraction of a block too. */
  while (write (fd, block, 1) > 0)
    ;
  close (fd);
  return filler;
}

/* A real full disk: a small tmpfs. Needs root (or CAP_SYS_ADMIN). */
static void
test_disk_full_tmpfs (void)
{
  g_autofree char *mnt = tmp_path ("small-disk");
  g_autofree char *db = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;
  g_autoptr (PortadaArticle) a = portada_article_new ();
  gboolean failed = FALSE;

  g_mkdir (mnt, 0700);
  if (mount ("portada-test", mnt, "tmpfs", 0, "size=3m") != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small tmpfs (%s): needs root or "
                                              "CAP_SYS_ADMIN; the injected full-disk test "
                                              "covers the same path",
                                              g_strerror (errno));
      g_test_skip (why);
      return;
    }
  tmpfs_mount = g_strdup (mnt);
  atexit (unmount_tmpfs);
  db = g_build_filename (mnt, "newsroom.db", NULL);
  nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_free (a->lang);
  a->lang = g_strdup ("en");
  g_free (a->title);
  a->title = g_strdup ("Before the disk filled up");
  g_free (a->body);
  a->body = big_body (5000, 'a');
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  saved = g_strdup (a->body);

  filler = fill_disk (mnt);
  /* Edits grow until one no longer fits. */
  for (gsize size = 10000; size < 3000000 && !failed; size *= 2)
    {
      g_free (a->body);
      a->body = big_body (size, 'c');
      if (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error))
        {
          g_free (saved);
          saved = g_strdup (a->body);
          continue;
        }
      failed = TRUE;
      g_test_message ("an edit of %zu bytes met the full disk: %s", size, error->message);
      assert_disk_full_error (error);
      g_clear_error (&error);
    }
  g_assert_true (failed);
  /* A second window reads the newsroom whole, with the last save. */
  assert_stored (db, a->uuid, saved);

  /* Room comes back: the same window saves the edit that failed. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_clear_object (&nr);
  assert_stored (db, a->uuid, a->body);
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
  g_clear_pointer (&tmpfs_mount, g_free);
}

/* ---- two Portadas on one newsroom ---------------------------------------- */

typedef struct
{
  char *path;
  int hold_ms;
  GMutex lock;
  GCond cond;
  gboolean holding;
} Holder;

/* Another program holds the write lock for @hold_ms, as a long save would. */
static gpointer
hold_write_lock (gpointer data)
{
  Holder *h = data;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (h->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN IMMEDIATE; INSERT OR REPLACE INTO setting (key, value) "
                                 "VALUES ('holder', 'x')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_mutex_lock (&h->lock);
  h->holding = TRUE;
  g_cond_signal (&h->cond);
  g_mutex_unlock (&h->lock);
  g_usleep (h->hold_ms * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

static GThread *
start_holder (Holder *h, const char *path, int hold_ms)
{
  GThread *thread;

  h->path = (char *) path;
  h->hold_ms = hold_ms;
  h->holding = FALSE;
  thread = g_thread_new ("holder", hold_write_lock, h);
  g_mutex_lock (&h->lock);
  while (!h->holding)
    g_cond_wait (&h->cond, &h->lock);
  g_mutex_unlock (&h->lock);
  return thread;
}

/* A save that meets a busy newsroom waits (the busy timeout) instead of failing;
 * one that waits too long says so in words, never "database is locked". */
static void
test_busy_timeout (void)
{
  g_autofree char *db = tmp_path ("busy.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  g_autoptr (PortadaArticle) a = portada_article_new ();
  Holder h = { 0 };
  GThread *thread;
  gint64 start, waited;

  g_assert_no_error (error);
  g_free (a->lang);
  a->lang = g_strdup ("en");
  g_free (a->title);
  a->title = g_strdup ("Waiting for the lock");
  g_free (a->body);
  a->body = g_strdup ("First.");
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));

  thread = start_holder (&h, db, 800);
  start = g_get_monotonic_time ();
  g_free (a->body);
  a->body = g_strdup ("Second, saved once the other program let go.");
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  waited = g_get_monotonic_time () - start;
  g_thread_join (thread);
  g_test_message ("the save waited %.0f ms for the other program", waited / 1000.0);
  g_assert_cmpint (waited, >=, 600000);
  assert_stored (db, a->uuid, a->body);

  /* Longer than the timeout: a clear message, and the edit saves afterwards. */
  thread = start_holder (&h, db, 6500);
  g_free (a->body);
  a->body = g_strdup ("Third.");
  g_assert_false (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy in another window or program"));
  g_assert_null (strstr (error->message, "locked"));
  g_clear_error (&error);
  g_thread_join (thread);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  assert_stored (db, a->uuid, "Third.");
}

/* Two autosaving processes and one reading everything (as an export does), at
 * once on one file: every save succeeds, none is lost, no read sees half a save. */
static void
test_two_writers_and_reader (void)
{
  g_autofree char *db = tmp_path ("shared.db");
  const char *names[] = { "ana", "beto" };
  Child writers[2], reader;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) err = g_string_new (NULL);
  PortadaArticleQuery es = PORTADA_ARTICLE_QUERY_INIT;
  gint64 start = g_get_monotonic_time ();

  create_newsroom (db);
  for (guint i = 0; i < 2; i++)
    child_spawn (&writers[i], "writer", db, names[i], "150");
  child_spawn (&reader, "reader", db, "300", NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_string_truncate (out, 0);
      assert_finished_ok (child_reap (&writers[i], out, err), err);
      g_assert_cmpint (last_report (out, -1), ==, 150);
    }
  g_string_truncate (out, 0);
  assert_finished_ok (child_reap (&reader, out, err), err);
  g_test_message ("two writers made 360 saves while a reader loaded %d articles, in %.1f s",
                  last_report (out, -1), (g_get_monotonic_time () - start) / 1e6);
  g_assert_null (strstr (err->str, "locked"));

  nr = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_whole (nr);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *uuid = crash_text_writer_uuid (names[i]);
      g_autoptr (PortadaArticle) a = portada_articles_load_by_uuid (nr, uuid, &error);

      g_assert_no_error (error);
      g_assert_cmpint (crash_text_writer_save (a, names[i]), ==, 150);
      g_assert_true (crash_text_check_writer (a));
    }
  es.lang = "es";
  g_assert_cmpint (portada_articles_count (nr, &es, &error), ==, 2 * 150 / 5);
}

/* ---- killed while exporting --------------------------------------------- */

static void
snapshot_dir (GHashTable *into, const char *root, const char *rel)
{
  g_autofree char *dir_path = rel ? g_build_filename (root, rel, NULL) : g_strdup (root);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child_rel = rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child_rel, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        snapshot_dir (into, root, child_rel);
      else
        g_hash_table_insert (into, g_steal_pointer (&child_rel), portada_test_read (path));
    }
}

/* Every file of a tree: its path in the tree, its bytes. */
static GHashTable *
snapshot (const char *root)
{
  GHashTable *files
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);

  snapshot_dir (files, root, NULL);
  return files;
}

/* NULL when the trees hold the same files with the same bytes, else the first difference. */
static char *
snapshot_diff (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *other = g_hash_table_lookup (b, key);

      if (other == NULL)
        return g_strdup_printf ("%s is missing", (char *) key);
      if (!g_bytes_equal (value, other))
        return g_strdup_printf ("%s differs", (char *) key);
    }
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return g_strdup_printf ("%u files instead of %u", g_hash_table_size (b), g_hash_table_size (a));
  return NULL;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Whatever an export left beside its folder: ".site.new-XXXXXX" and the like. */
static guint
count_leftovers (const char *out)
{
  g_autofree char *parent = g_path_get_dirname (out);
  g_autofree char *base = g_path_get_basename (out);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr (GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)))
    n += g_str_has_prefix (name, prefix);
  return n;
}

static void
export_in_process (PortadaNewsroom *nr, const char *out, const char *format)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (crash_export (nr, out, format, &error));
  g_assert_no_error (error);
}

static PortadaNewsroom *
demo_newsroom (const char *db, guint articles)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (portada_demo_fill (nr, articles, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&nr);
}

/* An editor's changes between two exports: a few bodies grow a paragraph. */
static void
edit_some (PortadaNewsroom *nr, int round)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = portada_articles_list (nr, NULL, 0, G_MAXUINT, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      PortadaArticleSummary *s = g_ptr_array_index (list, g_test_rand_int_range (0, list->len));
      g_autoptr (PortadaArticle) a = portada_articles_load (nr, s->id, &error);
      char *body;

      g_assert_no_error (error);
      body = g_strdup_printf ("%s\n\nEdición %d, después de la exportación.\n", a->body, round);
      g_free (a->body);
      a->body = body;
      g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
      g_assert_no_error (error);
    }
}

static gint64
time_child_export (const char *db, const char *out, const char *format)
{
  Child child;
  g_autoptr (GString) out_text = g_string_new (NULL);
  g_autoptr (GString) err = g_string_new (NULL);
  gint64 ready;

  child_spawn (&child, "export", db, out, format);
  read_lines (&child, out_text, 1);
  ready = g_get_monotonic_time ();
  assert_finished_ok (child_reap (&child, out_text, err), err);
  return g_get_monotonic_time () - ready;
}

/* An export killed at any moment leaves the previous one byte for byte, or the
 * new one whole; the next export then succeeds, and nothing is left beside it. */
static void
export_kills (gconstpointer data)
{
  const char *format = data;
  g_autofree char *db_name = g_strdup_printf ("export-%s.db", format);
  g_autofree char *db = tmp_path (db_name);
  g_autofree char *out = tmp_path (format);
  g_autofree char *reference = tmp_path ("export-reference");
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (db, 30);
  g_autoptr (GHashTable) before = NULL;
  const int kills = g_str_equal (format, "site") ? 30 : 15;
  int kept = 0, replaced = 0;
  gint64 window;

  export_in_process (nr, out, format);
  /* An export after a few edits, as each of the killed ones will be. */
  edit_some (nr, -1);
  window = time_child_export (db, out, format);
  before = snapshot (out);
  g_test_message ("a %s export of the demo newsroom (%u files) takes %.0f ms", format,
                  g_hash_table_size (before), window / 1000.0);

  /* At least the number asked for, and more while none has fallen mid-export. */
  for (int k = 0; k < kills || (kept == 0 && k < 4 * kills); k++)
    {
      Child child;
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GString) err = g_string_new (NULL);
      g_autoptr (GHashTable) expected = NULL;
      g_autoptr (GHashTable) now = NULL;
      g_autofree char *was_before = NULL;
      g_autofree char *was_new = NULL;

      edit_some (nr, k);
      remove_tree (reference);
      export_in_process (nr, reference, format);
      expected = snapshot (reference);

      child_spawn (&child, "export", db, out, format);
      read_lines (&child, text, 1);
      g_usleep (g_test_rand_int_range (0, window));
      child_kill (&child, text, err);
      /* The window follows the machine's load: about half the kills should
       * come before the export is done. */
      if (count_lines (text) >= 2)
        window = MAX (window * 3 / 4, 1000);
      else
        window = MIN (window * 9 / 8, 10 * G_USEC_PER_SEC);

      now = snapshot (out);
      was_before = snapshot_diff (before, now);
      was_new = snapshot_diff (expected, now);
      if (was_before == NULL)
        kept++;
      else if (was_new == NULL)
        replaced++;
      else
        g_error ("after kill %d the %s export is neither the previous one (%s) nor the new one "
                 "(%s)",
                 k, format, was_before, was_new);

      /* The next export just works, gives the new export, and sweeps what the
       * killed one left beside it. */
      export_in_process (nr, out, format);
      g_hash_table_unref (before);
      before = snapshot (out);
      g_clear_pointer (&was_new, g_free);
      was_new = snapshot_diff (expected, before);
      if (was_new)
        g_error ("the %s export after kill %d: %s", format, k, was_new);
      g_assert_cmpuint (count_leftovers (out), ==, 0);
    }
  g_test_message ("%d kills while exporting (%s): %d left the previous export intact, %d the "
                  "new one whole",
                  kept + replaced, format, kept, replaced);
  g_assert_cmpint (kept, >, 0);
}

/* The save number of writer @name on the exported page that holds it, checking
 * the page shows one save whole (its title and every paragraph of its body). */
static int
exported_writer_save (GHashTable *files, const char *name, const char *format)
{
  g_autofree char *title_prefix = g_strdup_printf ("Writer %s save ", name);
  /* Its slug comes from its first title and stays. */
  g_autofree char *page = g_strdup_printf ("/writer-%s-save-1/index.html", name);
  GHashTableIter iter;
  gpointer key, value;
  int found = -1;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize len;
      const char *data = g_bytes_get_data (value, &len);
      g_autofree char *text = NULL;
      g_autofree char *paragraph = NULL;
      const char *title;
      int n;

      /* The site's pages link to others: only the article's own page counts. The
       * other formats have one file per article or per language. */
      if (g_str_equal (format, "site") && !g_str_has_suffix (key, page))
        continue;
      text = g_strndup (data, len);
      title = strstr (text, title_prefix);
      if (title == NULL)
        continue;
      n = atoi (title + strlen (title_prefix));
      paragraph = g_strdup_printf ("Párrafo %d de %s, guardado %d.", 1 + n % 120, name, n);
      if (strstr (text, paragraph) == NULL)
        {
          const char *other = strstr (text, ", guardado ");
          g_error ("%s shows “%s%d” with the body of save %d: two saves mixed", (char *) key,
                   title_prefix, n, other ? atoi (other + strlen (", guardado ")) : -1);
        }
      for (const char *p = strstr (text, ", guardado "); p; p = strstr (p + 1, ", guardado "))
        if (atoi (p + strlen (", guardado ")) != n)
          g_error ("%s mixes two saves: %d and %d", (char *) key, n,
                   atoi (p + strlen (", guardado ")));
      found = n;
    }
  return found;
}

/* Exports while another process autosaves: every export succeeds (the busy
 * timeout, never "database is locked"), and each shows a save whole. */
static void
export_during_autosave (gconstpointer data)
{
  const char *format = data;
  g_autofree char *db_name = g_strdup_printf ("export-autosave-%s.db", format);
  g_autofree char *out_name = g_strdup_printf ("%s-autosave", format);
  g_autofree char *db = tmp_path (db_name);
  g_autofree char *out = tmp_path (out_name);
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (db, 10);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) err = g_string_new (NULL);
  Child writer;
  int exports = 0, during = 0, last = -1, distinct = 0;
  gboolean alive = TRUE;

  /* Exports go on while the writer saves, and at least twice in all: on a slow
   * machine one export can take as long as the writer's 600 saves, and the
   * export after the writer ended must show its last save whole too. */
  child_spawn (&writer, "writer", db, "eva", "600");
  while (alive || exports < 2)
    {
      g_autoptr (GHashTable) files = NULL;
      int n;

      alive = alive && waitpid (writer.pid, NULL, WNOHANG) == 0;
      if (alive)
        during++;
      export_in_process (nr, out, format);
      exports++;
      files = snapshot (out);
      n = exported_writer_save (files, "eva", format);
      if (n != last && n >= 0)
        distinct++;
      last = n;
    }
  /* The writer has exited: reap it by hand (child_reap waits for it again). */
  read_all (writer.out, text);
  read_all (writer.err, err);
  g_spawn_close_pid (writer.pid);
  g_assert_null (strstr (err->str, "locked"));
  g_assert_cmpstr (err->str, ==, "");
  g_assert_cmpint (last_report (text, -1), ==, 600);
  g_test_message ("%d %s exports (%d begun while another process made 600 saves); they "
                  "showed %d different saves, each whole",
                  exports, format, during, distinct);
  g_assert_cmpint (during, >=, 1);
  g_assert_cmpint (last, ==, 600);
}

/* The export folder's disk fills up: a clear failure, the previous export byte
 * for byte, nothing left beside it; the export succeeds once there is room. */
static void
test_export_disk_full (void)
{
  g_autofree char *mnt = tmp_path ("small-export-disk");
  g_autofree char *db = tmp_path ("export-full.db");
  g_autofree char *out = NULL;
  g_autofree char *filler = NULL;
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (db, 10);
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *diff = NULL;

  g_mkdir (mnt, 0700);
  if (mount ("portada-test", mnt, "tmpfs", 0, "size=8m") != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small tmpfs (%s): needs root or "
                                              "CAP_SYS_ADMIN",
                                              g_strerror (errno));
      g_test_skip (why);
      return;
    }
  tmpfs_mount = g_strdup (mnt);
  atexit (unmount_tmpfs);
  out = g_build_filename (mnt, "site", NULL);
  export_in_process (nr, out, "site");
  before = snapshot (out);

  filler = fill_disk (mnt);
  for (int round = 0; round < 5; round++)
    edit_some (nr, round);
  g_assert_false (crash_export (nr, out, "site", &error));
  g_test_message ("the export met the full disk: %s", error->message);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
  g_clear_error (&error);
  after = snapshot (out);
  diff = snapshot_diff (before, after);
  if (diff)
    g_error ("the failed export changed the previous one: %s", diff);
  g_assert_cmpuint (count_leftovers (out), ==, 0);

  g_assert_cmpint (g_unlink (filler), ==, 0);
  export_in_process (nr, out, "site");
  g_hash_table_unref (after);
  after = snapshot (out);
  g_assert_nonnull (snapshot_diff (before, after));
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
  g_clear_pointer (&tmpfs_mount, g_free);
}

int
main (int argc, char **argv)
{
  self_dir = g_path_get_dirname (argv[0]);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/autosave-kills", test_autosave_kills);
  g_test_add_func ("/crash/create-kills", test_create_kills);
  g_test_add_func ("/crash/upgrade-kills", test_upgrade_kills);
  g_test_add_func ("/crash/concurrent-upgrade", test_concurrent_upgrade);
  g_test_add_func ("/crash/disk-full-injected", test_disk_full_injected);
  g_test_add_func ("/crash/disk-full-tmpfs", test_disk_full_tmpfs);
  g_test_add_func ("/crash/busy-timeout", test_busy_timeout);
  g_test_add_func ("/crash/two-writers-and-reader", test_two_writers_and_reader);
  g_test_add_data_func ("/crash/export-kills/site", "site", export_kills);
  g_test_add_data_func ("/crash/export-kills/wxr", "wxr", export_kills);
  g_test_add_data_func ("/crash/export-kills/markdown", "markdown", export_kills);
  g_test_add_data_func ("/crash/export-during-autosave/site", "site", export_during_autosave);
  g_test_add_data_func ("/crash/export-during-autosave/wxr", "wxr", export_during_autosave);
  g_test_add_data_func ("/crash/export-during-autosave/markdown", "markdown",
                        export_during_autosave);
  g_test_add_func ("/crash/export-disk-full", test_export_disk_full);
  return g_test_run ();
}
