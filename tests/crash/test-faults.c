/* test-faults.c: a transaction SQLite ends by itself (a full disk, an I/O error)
 * is noticed at once: the operation fails and the newsroom is as it was.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case runs once without a fault to count its writes, then again with the
 * n-th write failing, for n from the first write to the last (in steps, so the
 * suite stays short): SQLITE_FULL from then on, as a full disk does, and
 * SQLITE_IOERR_WRITE once, after which the disk works again (the case where
 * carrying on in autocommit wrote half an import). The page cache is made tiny
 * so that SQLite writes in the middle of the transaction, not only at commit.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fault-vfs.h"
#include "portada-articles.h"
#include "portada-exchange.h"
#include "portada-newsroom-private.h"
#include "portada-test-util.h"

#define MAX_STEPS 40

typedef gboolean (*Operation) (PortadaNewsroom *nr, GError **error);

static char *dir;
static char *seed;

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
}

/* What the newsroom holds, without the times an import stamps. */
static char *
digest (const char *path)
{
  static const char *const queries[]
      = { "SELECT uuid, lang, title, body, status, slug FROM article ORDER BY uuid",
          "SELECT count(*) FROM article_fts",
          "SELECT key, value FROM setting ORDER BY key",
          "SELECT name FROM sponsor ORDER BY name",
          "SELECT name FROM tag ORDER BY name",
          "SELECT count(*) FROM article_tag",
          "SELECT key FROM section ORDER BY key",
          "SELECT sha256 FROM media ORDER BY sha256",
          "PRAGMA integrity_check" };
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, c);
            g_checksum_update (sum, (const guchar *) (text ? text : "\x01"), -1);
            g_checksum_update (sum, (const guchar *) "\0", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

/* Runs @op on a copy of the seed, with the write after @after failing with @code
 * (none when @after is -1); returns whether it succeeded, and the digest. */
static gboolean
run_once (Operation op, gint64 after, int code, gboolean once, char **out_digest, guint64 *writes,
          GError **error)
{
  g_autofree char *path = g_build_filename (dir, "work.db", NULL);
  g_autoptr (PortadaNewsroom) nr = NULL;
  guint64 before;
  gboolean ok;

  for (const char *suffix = ""; suffix; suffix = *suffix ? NULL : "-wal")
    {
      g_autofree char *name = g_strconcat (path, suffix, NULL);
      g_unlink (name);
    }
  {
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (shm);
  }
  copy_file (seed, path);
  nr = portada_newsroom_open (path, PORTADA_OPEN_DEFAULT, error);
  g_assert_no_error (*error);
  /* Writes in the middle of the transaction: pages spill from a tiny cache. */
  g_assert_cmpint (
      sqlite3_exec (portada_newsroom_get_db (nr), "PRAGMA cache_size = 4", NULL, NULL, NULL), ==,
      SQLITE_OK);
  before = fault_vfs_get_writes ();
  fault_vfs_fail_write (after, code, once);
  ok = op (nr, error);
  fault_vfs_fail_write (-1, SQLITE_OK, FALSE);
  if (writes)
    *writes = fault_vfs_get_writes () - before;
  g_clear_object (&nr);
  *out_digest = digest (path);
  return ok;
}

static void
run_case (Operation op)
{
  static const struct
  {
    int code;
    gboolean once;
    const char *what;
  } faults[]
      = { { SQLITE_FULL, FALSE, "disk full" }, { SQLITE_IOERR_WRITE, TRUE, "one I/O error" } };
  g_autoptr (GError) error = NULL;
  g_autofree char *untouched = digest (seed);
  g_autofree char *whole = NULL;
  guint64 writes = 0;

  g_assert_true (run_once (op, -1, SQLITE_OK, FALSE, &whole, &writes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (whole, !=, untouched);
  g_test_message ("%" G_GUINT64_FORMAT " writes without a fault", writes);
  g_assert_cmpuint (writes, >, 2);

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    {
      guint64 stride = MAX (1, writes / MAX_STEPS);
      guint failed = 0;

      for (guint64 k = 0; k <= writes; k += stride)
        {
          g_autofree char *got = NULL;
          gboolean ok = run_once (op, k, faults[f].code, faults[f].once, &got, NULL, &error);

          if (ok)
            {
              /* Whatever SQLite could retry itself: then it is whole. */
              g_assert_no_error (error);
              if (g_strcmp0 (got, whole) != 0)
                g_error ("%s at write %" G_GUINT64_FORMAT ": reported done, but not whole",
                         faults[f].what, k);
              continue;
            }
          failed++;
          g_assert_nonnull (error);
          if (g_strcmp0 (got, untouched) != 0)
            g_error ("%s at write %" G_GUINT64_FORMAT ": failed (%s) but the newsroom changed",
                     faults[f].what, k, error->message);
          g_clear_error (&error);
        }
      g_test_message ("%s: %u of the faulted runs failed, each leaving the newsroom as it was",
                      faults[f].what, failed);
      g_assert_cmpuint (failed, >, 0);
    }
}

static gboolean
import_wxr (PortadaNewsroom *nr, GError **error)
{
  g_autofree char *wxr = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "fixtures",
                                           "wxr", "theme-unit-test-data.xml", NULL);
  g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();

  /* As portada import does: one transaction around every path. */
  if (!portada_newsroom_begin (nr, error))
    return FALSE;
  if (!portada_import_path (nr, wxr, "en", summary, NULL, NULL, NULL, error))
    {
      portada_newsroom_rollback (nr);
      return FALSE;
    }
  return portada_newsroom_commit (nr, error);
}

static gboolean
save_article (PortadaNewsroom *nr, GError **error)
{
  g_autoptr (PortadaArticle) a = portada_article_new ();
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (body, "Paragraph %u of a long article, with words to index. ", i);
  g_free (a->lang);
  a->lang = g_strdup ("en");
  g_free (a->title);
  a->title = g_strdup ("A long article saved while the disk fails");
  g_free (a->body);
  a->body = g_string_free (body, FALSE);
  a->tags = g_strsplit ("one,two,three", ",", -1);
  return portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, error);
}

static void
test_import (void)
{
  run_case (import_wxr);
}

static void
test_article_save (void)
{
  run_case (save_article);
}

int
main (int argc, char *argv[])
{
  g_autoptr (PortadaNewsroom) nr = NULL;
  g_autoptr (GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  fault_vfs_install ();
  dir = portada_test_tmpdir ();
  seed = g_build_filename (dir, "seed.db", NULL);
  nr = portada_newsroom_open (seed, PORTADA_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (save_article (nr, &error));
  g_clear_object (&nr);
  g_test_add_func ("/faults/import", test_import);
  g_test_add_func ("/faults/article-save", test_article_save);
  return g_test_run ();
}
