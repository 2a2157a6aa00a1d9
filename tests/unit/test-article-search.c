/* test-article-search.c: searching in a thread on a reader connection, cancelling,
 * and seeing other programs' changes.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-article-search.h"
#include "portada-articles.h"
#include "portada-demo.h"
#include "portada-newsroom-private.h"
#include "portada-test-util.h"

static PortadaNewsroom *
demo_newsroom (void)
{
  static char *path;
  g_autoptr (GError) error = NULL;
  PortadaNewsroom *nr;

  /* One newsroom for every test of the program: filling it takes a moment. */
  if (path == NULL)
    {
      g_autoptr (PortadaNewsroom) first = portada_test_newsroom ();
      g_assert_true (portada_demo_fill (first, 400, NULL, NULL, &error));
      path = g_strdup (portada_newsroom_get_path (first));
    }
  nr = portada_newsroom_open (path, PORTADA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return nr;
}

typedef struct
{
  GMainLoop *loop;
  PortadaArticleSearchResult *result;
  GError *error;
  guint pending;
} Wait;

static void
done_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  Wait *w = data;
  GError *error = NULL;
  PortadaArticleSearchResult *result
      = portada_article_search_finish (PORTADA_ARTICLE_SEARCH (source), res, &error);

  if (result)
    {
      g_clear_pointer (&w->result, portada_article_search_result_free);
      w->result = result;
    }
  else
    {
      g_clear_error (&w->error);
      w->error = error;
    }
  if (--w->pending == 0)
    g_main_loop_quit (w->loop);
}

static void
assert_same_as_list (PortadaNewsroom *nr, const PortadaArticleQuery *q,
                     PortadaArticleSearchResult *r)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = portada_articles_list (nr, q, 0, G_MAXINT, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (r->ids->len, ==, all->len);
  g_assert_cmpint (portada_articles_count (nr, q, NULL), ==, r->ids->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (g_array_index (r->ids, gint64, i), ==,
                     ((PortadaArticleSummary *) all->pdata[i])->id);
  g_assert_cmpuint (r->page->len, ==, MIN (50, all->len));
  for (guint i = 0; i < r->page->len; i++)
    {
      PortadaArticleSummary *a = all->pdata[i], *b = r->page->pdata[i];
      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->section, ==, b->section);
    }
}

/* The thread finds what the window's own query finds, in the same order. */
static void
test_async_matches_list (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (PortadaArticleSearch) search = portada_article_search_new (nr);
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char *words[] = { NULL, "Panama", "pan", "zzznothing", "\"AND OR NEAR( *" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
      Wait w = { loop, NULL, NULL, 1 };

      q.search = words[i];
      portada_article_search_start (search, &q, 50, done_cb, &w);
      g_main_loop_run (loop);
      g_assert_no_error (w.error);
      g_assert_nonnull (w.result);
      assert_same_as_list (nr, &q, w.result);
      if (i == 1)
        g_assert_cmpuint (w.result->ids->len, >, 10);
      if (i == 3)
        g_assert_cmpuint (w.result->ids->len, ==, 0);
      portada_article_search_result_free (w.result);
    }
}

/* A newer search cancels the older one: only the newer answers. */
static void
test_newer_cancels_older (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (PortadaArticleSearch) search = portada_article_search_new (nr);
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  Wait older = { loop, NULL, NULL, 1 }, newer = { loop, NULL, NULL, 1 };

  q.search = "p";
  portada_article_search_start (search, &q, 50, done_cb, &older);
  q.search = "Panama";
  portada_article_search_start (search, &q, 50, done_cb, &newer);
  /* Each answer quits the loop once: wait for both, in whichever order they come. */
  while (older.pending || newer.pending)
    g_main_loop_run (loop);
  g_assert_error (older.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (older.result);
  g_assert_no_error (newer.error);
  assert_same_as_list (nr, &q, newer.result);
  portada_article_search_result_free (newer.result);
  g_clear_error (&older.error);
}

static gpointer
cancel_later (gpointer cancellable)
{
  g_usleep (100 * 1000);
  g_cancellable_cancel (cancellable);
  return NULL;
}

/* A statement running on a reader stops soon after its cancellable is cancelled,
 * even one that would run for ever. */
static void
test_cancel_interrupts_statement (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) reader = portada_newsroom_open_reader (nr, &error);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GThread *thread;
  gint64 start;
  int rc;

  g_assert_no_error (error);
  g_assert_true (portada_newsroom_is_reader (reader));
  portada_newsroom_set_cancellable (reader, cancellable);
  stmt = portada_newsroom_prepare (reader,
                                   "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM "
                                   "c) SELECT count(*) FROM c",
                                   &error);
  g_assert_no_error (error);
  thread = g_thread_new ("cancel", cancel_later, cancellable);
  start = g_get_monotonic_time ();
  rc = sqlite3_step (stmt);
  g_thread_join (thread);
  g_assert_cmpint (rc, ==, SQLITE_INTERRUPT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_true (portada_newsroom_check_cancelled (reader, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  portada_newsroom_set_cancellable (reader, NULL);
}

/* The reader cannot write, and sees what the window's connection committed. */
static void
test_reader_is_read_only (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) reader = portada_newsroom_open_reader (nr, &error);
  g_autoptr (PortadaArticle) a = portada_article_new ();
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (PortadaArticleSearchResult) r = NULL;

  g_assert_no_error (error);
  /* Refused: by the read-only connection, or before that by the untrusted schema
   * (the reader never trusts the file's triggers: it has no use for them). */
  g_assert_false (portada_newsroom_exec (reader, "DELETE FROM article", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (
      portada_newsroom_exec (reader, "INSERT INTO setting (key, value) VALUES ('x', 'y')", &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_free (a->title);
  a->title = g_strdup ("Xylophone quarterly report");
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  q.search = "xylophone";
  r = portada_article_search_run (reader, &q, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->ids->len, ==, 1);
  g_assert_cmpint (g_array_index (r->ids, gint64, 0), ==, a->id);
  g_assert_true (portada_articles_delete (nr, a->id, &error));
}

static void
changed_cb (PortadaNewsroom *nr, guint *count)
{
  (*count)++;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* ::changed comes for another connection's commit, never for one's own. */
static void
test_changed_by_others_only (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) other
      = portada_newsroom_open (portada_newsroom_get_path (nr), PORTADA_OPEN_DEFAULT, &error);
  g_autoptr (PortadaArticle) mine = portada_article_new ();
  g_autoptr (PortadaArticle) theirs = portada_article_new ();
  guint count = 0;
  gboolean timed_out = FALSE;
  guint timeout;

  g_assert_no_error (error);
  g_signal_connect (nr, "changed", G_CALLBACK (changed_cb), &count);
  portada_newsroom_watch (nr);
  g_assert_false (portada_newsroom_check_changed (nr));

  g_free (mine->title);
  mine->title = g_strdup ("Mine");
  g_assert_true (portada_articles_save (nr, mine, PORTADA_SAVE_DEFAULT, &error));
  g_assert_false (portada_newsroom_check_changed (nr));

  /* The file monitor brings the change of the other connection, with no polling. */
  g_free (theirs->title);
  theirs->title = g_strdup ("Theirs");
  g_assert_true (portada_articles_save (other, theirs, PORTADA_SAVE_DEFAULT, &error));
  timeout = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  while (count == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (portada_newsroom_check_changed (nr));
  portada_newsroom_unwatch (nr);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search/async-matches-list", test_async_matches_list);
  g_test_add_func ("/search/newer-cancels-older", test_newer_cancels_older);
  g_test_add_func ("/search/cancel-interrupts-statement", test_cancel_interrupts_statement);
  g_test_add_func ("/search/reader-is-read-only", test_reader_is_read_only);
  g_test_add_func ("/search/changed-by-others-only", test_changed_by_others_only);
  return g_test_run ();
}
