/* test-newsroom.c: opening, creating, refusing and migrating newsroom files.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-newsroom-private.h"
#include "portada-settings.h"
#include "portada-test-util.h"

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = portada_test_tmpdir ();
  return g_build_filename (dir, name, NULL);
}

/* Opening @path must fail with @code and leave its bytes exactly as they were. */
static void
assert_refused_unchanged (const char *path, int code)
{
  g_autoptr (GBytes) before = portada_test_read (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (path, PORTADA_OPEN_DEFAULT, &error);
  g_autoptr (GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (nr);
  g_assert_error (error, PORTADA_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = portada_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_create_and_reopen (void)
{
  g_autofree char *path = tmp_path ("create.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (path, PORTADA_OPEN_CREATE, &error);
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (portada_newsroom_get_schema_version (nr), ==, PORTADA_SCHEMA_VERSION);
  g_assert_true (portada_settings_set (nr, PORTADA_SETTING_SITE_TITLE, "La Revista", &error));
  g_clear_object (&nr);

  nr = portada_newsroom_open (path, PORTADA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  title = portada_settings_get (nr, PORTADA_SETTING_SITE_TITLE, &error);
  g_assert_cmpstr (title, ==, "La Revista");
}

static void
test_missing_not_created (void)
{
  g_autofree char *path = tmp_path ("missing.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (path, PORTADA_OPEN_DEFAULT, &error);

  g_assert_null (nr);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (void)
{
  g_autofree char *text = tmp_path ("notes.txt");
  g_autofree char *empty = tmp_path ("empty.db");
  g_autofree char *dir = tmp_path ("a-folder");

  g_assert_true (g_file_set_contents (text, "These are my notes, not a database.\n", -1, NULL));
  assert_refused_unchanged (text, PORTADA_ERROR_NOT_NEWSROOM);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused_unchanged (empty, PORTADA_ERROR_NOT_NEWSROOM);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (dir, PORTADA_OPEN_DEFAULT, &error);
    g_assert_null (nr);
    g_assert_nonnull (error);
  }
}

static void
test_other_sqlite (void)
{
  g_autofree char *path = tmp_path ("other.db");
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, PORTADA_ERROR_NOT_NEWSROOM);
}

static void
test_too_new (void)
{
  g_autofree char *path = tmp_path ("future.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", PORTADA_SCHEMA_VERSION + 1);
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  g_assert_true (portada_newsroom_create_at_version (path, PORTADA_SCHEMA_VERSION, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, PORTADA_ERROR_TOO_NEW);
}

static void
test_read_only (void)
{
  g_autofree char *path = tmp_path ("read-only.db");
  g_autoptr (GError) error = NULL;

  g_assert_true (portada_newsroom_create_at_version (path, PORTADA_SCHEMA_VERSION, &error));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused_unchanged (path, PORTADA_ERROR_READ_ONLY);
  g_chmod (path, 0644);
}

static void
test_damaged (void)
{
  g_autofree char *path = tmp_path ("damaged.db");
  g_autoptr (GError) error = NULL;
  char *data;
  gsize len;

  g_assert_true (portada_newsroom_create_at_version (path, PORTADA_SCHEMA_VERSION, &error));
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  /* Keep the 100-byte header, scribble over the schema page. */
  for (gsize i = 100; i < MIN (len, 4096); i++)
    data[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  g_free (data);
  assert_refused_unchanged (path, PORTADA_ERROR_CORRUPT);
}

static void
insert_article_raw (const char *path, int version)
{
  sqlite3 *db;
  const char *sql
      = "INSERT INTO article (uuid, lang, translation_group, title, slug, slug_year, status, "
        "created_at, updated_at, body) VALUES ('u-1', 'en', 'u-1', 'Old article', 'old-article', "
        "2020, 'published', 1577836800, 1577836800, 'Kept across upgrades.')";

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrates_every_version (void)
{
  for (int v = 1; v < PORTADA_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("version-%d.db", v);
      g_autofree char *path = tmp_path (name);
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaNewsroom) nr = NULL;
      g_autoptr (PortadaArticle) a = NULL;

      g_assert_true (portada_newsroom_create_at_version (path, v, &error));
      insert_article_raw (path, v);
      nr = portada_newsroom_open (path, PORTADA_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (portada_newsroom_get_schema_version (nr), ==, PORTADA_SCHEMA_VERSION);
      a = portada_articles_load_by_uuid (nr, "u-1", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (a->body, ==, "Kept across upgrades.");
      /* The upgraded file works: write to what the newest schema added. */
      g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
      g_assert_no_error (error);
    }
}

static void
test_failed_migration_leaves_file (void)
{
  g_autofree char *path = tmp_path ("bad-migration.db");
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  g_assert_true (portada_newsroom_create_at_version (path, 1, &error));
  /* Migration 2 creates this index: make it fail halfway. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db, "CREATE INDEX sponsor_name ON sponsor (notes)", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (db);
  /* An object Portada did not create: refused before any migration runs. */
  assert_refused_unchanged (path, PORTADA_ERROR_FOREIGN_SCHEMA);
}

static void
test_nested_transactions (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (portada_newsroom_begin (nr, &error));
  g_assert_true (portada_settings_set (nr, "k", "outer", &error));
  g_assert_true (portada_newsroom_begin (nr, &error));
  g_assert_true (portada_settings_set (nr, "k", "inner", &error));
  portada_newsroom_rollback (nr);
  portada_newsroom_rollback (nr);
  value = portada_settings_get (nr, "k", &error);
  g_assert_cmpstr (value, ==, "");

  /* After a rollback the connection is usable again. */
  g_assert_true (portada_newsroom_begin (nr, &error));
  g_assert_true (portada_settings_set (nr, "k", "kept", &error));
  g_assert_true (portada_newsroom_commit (nr, &error));
  g_free (value);
  value = portada_settings_get (nr, "k", &error);
  g_assert_cmpstr (value, ==, "kept");
}

/* SQLite rolls a transaction back by itself on a full disk or an I/O error:
 * what comes next must not be written outside it, at any level. */
static void
test_transaction_ended_by_sqlite (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (portada_newsroom_begin (nr, &error));
  g_assert_true (portada_newsroom_begin (nr, &error));
  g_assert_true (portada_settings_set (nr, "k", "before", &error));
  /* As SQLite does after SQLITE_FULL in the middle of a statement. */
  g_assert_cmpint (sqlite3_exec (portada_newsroom_get_db (nr), "ROLLBACK", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_false (portada_settings_set (nr, "k", "after", &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "transaction was ended"));
  g_clear_error (&error);
  g_assert_false (portada_newsroom_begin (nr, &error)); /* a nested level is refused too */
  g_clear_error (&error);
  g_assert_false (portada_newsroom_commit (nr, &error)); /* the inner level */
  g_clear_error (&error);
  portada_newsroom_rollback (nr); /* the outer one */
  value = portada_settings_get (nr, "k", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "");

  /* And the connection works again afterwards. */
  g_assert_true (portada_newsroom_begin (nr, &error));
  g_assert_true (portada_settings_set (nr, "k", "kept", &error));
  g_assert_true (portada_newsroom_commit (nr, &error));
}

static void
test_settings_bad_input (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  PortadaLanguage bad = { "es", "Español", "../etc" };
  g_autoptr (PortadaSection) section = portada_section_new ("business");
  g_autoptr (GPtrArray) langs = NULL;

  g_assert_false (portada_settings_set (nr, "site-title", "bad \xff utf8", &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (portada_languages_save (nr, &bad, 0, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  langs = portada_languages_list (nr, &error);
  /* A new newsroom has English and Spanish; the refused path did not replace "es". */
  g_assert_cmpuint (langs->len, ==, 2);
  g_assert_cmpstr (((PortadaLanguage *) langs->pdata[1])->base_path, ==, "es");

  portada_section_set_label (section, "es", "Economía", "noticias//economia");
  g_assert_false (portada_sections_save (nr, section, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
}

static void
test_sections_nested_paths (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSection) s = portada_section_new ("business");
  g_autoptr (PortadaSection) found = NULL;
  PortadaLanguage en = { "en", "English", "en" }, es = { "es", "Español", "pdcc" };

  g_assert_true (portada_languages_save (nr, &en, 0, &error));
  g_assert_true (portada_languages_save (nr, &es, 1, &error));
  portada_section_set_label (s, "en", "Business", "business");
  portada_section_set_label (s, "es", "Economía", "noticias/economia");
  g_assert_true (portada_sections_save (nr, s, &error));
  g_assert_no_error (error);
  found = portada_sections_find (nr, "business", &error);
  g_assert_cmpstr (portada_section_get_path (found, "es"), ==, "noticias/economia");
  g_assert_cmpstr (portada_section_get_name (found, "en"), ==, "Business");
  g_assert_null (portada_sections_find (nr, "sports", NULL));
}

static void
test_integrity_clean (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = portada_newsroom_check_integrity (nr, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/newsroom/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/newsroom/missing-not-created", test_missing_not_created);
  g_test_add_func ("/newsroom/not-sqlite", test_not_sqlite);
  g_test_add_func ("/newsroom/other-sqlite", test_other_sqlite);
  g_test_add_func ("/newsroom/too-new", test_too_new);
  g_test_add_func ("/newsroom/read-only", test_read_only);
  g_test_add_func ("/newsroom/damaged", test_damaged);
  g_test_add_func ("/newsroom/migrates-every-version", test_migrates_every_version);
  g_test_add_func ("/newsroom/failed-migration-leaves-file", test_failed_migration_leaves_file);
  g_test_add_func ("/newsroom/nested-transactions", test_nested_transactions);
  g_test_add_func ("/newsroom/transaction-ended-by-sqlite", test_transaction_ended_by_sqlite);
  g_test_add_func ("/newsroom/settings-bad-input", test_settings_bad_input);
  g_test_add_func ("/newsroom/sections-nested-paths", test_sections_nested_paths);
  g_test_add_func ("/newsroom/integrity-clean", test_integrity_clean);
  return g_test_run ();
}
