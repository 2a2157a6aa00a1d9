/* test-saved.c: "Saved" means in the file, for every other program too.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-test-util.h"

/* Another program reading the article's title, then closing the file: the
 * sqlite3 shell, the way any other program does (a program of its own, not a
 * fork: SQLite's lock bookkeeping does not survive fork()). NULL when it is not
 * there. */
static char *
title_seen_by_another_program (const char *path, gint64 id)
{
  g_autofree char *sql
      = g_strdup_printf ("SELECT title FROM article WHERE id = %" G_GINT64_FORMAT, id);
  const char *argv[] = { "sqlite3", "-batch", path, sql, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strchomp (out);
  return *out ? g_steal_pointer (&out) : NULL;
}

static PortadaArticle *
saved_article (PortadaNewsroom *nr, const char *title)
{
  PortadaArticle *a = portada_article_new ();
  g_autoptr (GError) error = NULL;

  g_free (a->title);
  a->title = g_strdup (title);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  return a;
}

static void
retitle (PortadaNewsroom *nr, PortadaArticle *a, const char *title)
{
  g_autoptr (GError) error = NULL;

  g_free (a->title);
  a->title = g_strdup (title);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (portada_articles_check_stored (nr, a, &error));
  g_assert_no_error (error);
}

/* The reported loss: an export from the window opens a second connection of the
 * same process (its own thread); that open must not cost the window's connection
 * its lock, or the next program that closes the file deletes the WAL the window
 * goes on writing to: "Saved", invisible to others, lost in a crash. */
static void
test_second_open_keeps_the_window_lock (void)
{
  g_autoptr (PortadaNewsroom) window = portada_test_newsroom ();
  const char *path = portada_newsroom_get_path (window);
  g_autoptr (PortadaArticle) a = saved_article (window, "First");
  g_autoptr (GError) error = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *seen_again = NULL;

  {
    /* What the export thread does: a connection of its own, opened and closed. */
    g_autoptr (PortadaNewsroom) exporter
        = portada_newsroom_open (path, PORTADA_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
  }
  seen = title_seen_by_another_program (path, a->id);
  g_assert_cmpstr (seen, ==, "First");

  retitle (window, a, "Typed after the export");
  seen_again = title_seen_by_another_program (path, a->id);
  g_assert_cmpstr (seen_again, ==, "Typed after the export");
}

/* Opening a file that is not a newsroom, while the newsroom is open, costs it
 * nothing either (the header is read through SQLite's own file). */
static void
test_refused_open_keeps_the_lock (void)
{
  g_autoptr (PortadaNewsroom) window = portada_test_newsroom ();
  const char *path = portada_newsroom_get_path (window);
  g_autoptr (PortadaArticle) a = saved_article (window, "One");
  g_autofree char *seen = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaNewsroom) again
          = portada_newsroom_open (path, PORTADA_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
  g_free (title_seen_by_another_program (path, a->id));
  retitle (window, a, "Two");
  seen = title_seen_by_another_program (path, a->id);
  g_assert_cmpstr (seen, ==, "Two");
}

/* The transaction guard: nested begins end with nothing open; a transaction left
 * open is never reported as stored. */
static void
test_transaction_guard (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) a = saved_article (nr, "Guarded");
  g_autoptr (GError) error = NULL;

  g_assert_false (portada_newsroom_in_transaction (nr));
  g_assert_true (portada_newsroom_begin (nr, &error));
  g_assert_true (portada_newsroom_begin (nr, &error));
  g_assert_true (portada_newsroom_in_transaction (nr));
  g_assert_true (portada_newsroom_commit (nr, &error));
  g_assert_true (portada_newsroom_in_transaction (nr));
  g_assert_true (portada_newsroom_commit (nr, &error));
  g_assert_false (portada_newsroom_in_transaction (nr));

  /* A save inside a transaction someone left open is not in the file. */
  g_assert_true (portada_newsroom_begin (nr, &error));
  g_free (a->title);
  a->title = g_strdup ("Inside an open transaction");
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_false (portada_articles_check_stored (nr, a, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (portada_newsroom_commit (nr, &error));
  g_assert_true (portada_articles_check_stored (nr, a, &error));
  g_assert_no_error (error);
}

/* What another connection holds says "not stored" when the text differs. */
static void
test_check_stored_compares (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) a = saved_article (nr, "Stored");
  g_autoptr (GError) error = NULL;

  g_assert_true (portada_articles_check_stored (nr, a, &error));
  g_free (a->body);
  a->body = g_strdup ("typed, never saved");
  g_assert_false (portada_articles_check_stored (nr, a, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED);
}

/* Another program writing (a command-line import) past the busy timeout: the
 * save fails as busy, never a false success, and succeeds once it is done. */
static void
test_busy_is_an_error (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) a = saved_article (nr, "Before");
  const char *path = portada_newsroom_get_path (nr);
  g_autoptr (GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (a->title);
  a->title = g_strdup ("While busy");
  g_assert_false (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (portada_newsroom_in_transaction (nr));
  sqlite3_exec (other, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_true (portada_articles_check_stored (nr, a, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/saved/second-open-keeps-the-window-lock",
                   test_second_open_keeps_the_window_lock);
  g_test_add_func ("/saved/refused-open-keeps-the-lock", test_refused_open_keeps_the_lock);
  g_test_add_func ("/saved/transaction-guard", test_transaction_guard);
  g_test_add_func ("/saved/check-stored-compares", test_check_stored_compares);
  g_test_add_func ("/saved/busy-is-an-error", test_busy_is_an_error);
  return g_test_run ();
}
