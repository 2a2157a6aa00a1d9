/* bench-search.c: typing in the search entry of a 10,000-article newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-search NEWSROOM-FILE: run under tests/xvfb-run-test (bench/run does), on the
 * 10,000-article demo newsroom ("Panama" finds 8,806 articles there).
 *   1. keystroke to the characters painted in the search entry, while searches run: 50
 *      keystrokes at a typing pace (one every 180 ms, each key's moment fixed in
 *      advance, so that a busy main loop counts against it), "Panama" typed and erased again and
 *      again, so that every key lands while the search of an earlier one is running;
 *   2. a search key to the first page of results painted: "Panama" typed into an empty
 *      entry, from its last key (the entry waits its search delay first) to the frame
 *      that shows the results, and the same for clearing the search.
 * A keystroke here is the text inserted into the entry as a key press does, then the
 * main loop run until the frame clock has painted the entry.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "portada-application.h"
#include "portada-article-list.h"
#include "portada-articles.h"
#include "portada-window.h"

#define GOAL_KEY_MEDIAN_MS 16.7 /* the next frame at 60 Hz */
#define GOAL_KEY_WORST_MS 33.4  /* never a frame missed */
#define GOAL_FIRST_MS 300       /* the entry's search delay (150 ms) and as much again */

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *label, double *ms, int n, double goal_median, double goal_worst)
{
  qsort (ms, n, sizeof *ms, compare_doubles);
  printf ("  %-46s median %8.2f ms (goal %5.1f: %s)   worst %8.2f ms (goal %5.1f: %s)   "
          "(%d runs)\n",
          label, ms[n / 2], goal_median, ms[n / 2] < goal_median ? "met" : "NOT MET", ms[n - 1],
          goal_worst, ms[n - 1] < goal_worst ? "met" : "NOT MET", n);
  fflush (stdout);
}

static GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock)
{
  painted_at = g_get_monotonic_time ();
}

/* Runs the main loop until a frame is painted after @since (or @timeout_ms). */
static gint64
wait_painted (gint64 since, guint timeout_ms)
{
  gint64 end = since + timeout_ms * 1000;

  while (painted_at <= since && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return painted_at > since ? painted_at : end;
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

/* A key that arrives at @t0 (a keyboard does not wait for a busy window): the text is
 * inserted as soon as the main loop gets to it, and the time counts from @t0. */
static double
keystroke_at (GtkEditable *entry, const char *text, gint64 t0)
{
  int pos = -1;

  while (g_get_monotonic_time () < t0)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (200);

  if (text)
    {
      pos = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, text, -1, &pos);
      gtk_editable_set_position (entry, pos);
    }
  else
    {
      int end = gtk_editable_get_position (entry);
      gtk_editable_delete_text (entry, end - 1, end);
    }
  return (wait_painted (t0, 5000) - t0) / 1000.0;
}

static double
keystroke (GtkEditable *entry, const char *text)
{
  return keystroke_at (entry, text, g_get_monotonic_time ());
}

/* 50 keys, one every 180 ms: "Panama" typed, then erased, again and again. */
static void
type_keys (GtkEditable *entry, double *ms)
{
  gint64 start = g_get_monotonic_time ();

  for (int i = 0; i < 50; i++)
    {
      static const char word[] = "Panama";
      int step = i % 12;

      ms[i] = keystroke_at (entry, step < 6 ? (char[]){ word[step], 0 } : NULL,
                            start + i * 180 * 1000);
    }
}

static gboolean loaded;

static void
loaded_cb (void)
{
  loaded = TRUE;
}

/* From the last key until the frame after the model took the results. */
static double
until_results_painted (PortadaArticleList *list, guint expect, gint64 t0)
{
  gint64 end = t0 + 10 * G_USEC_PER_SEC, at;

  while ((!loaded || portada_article_list_get_n_items (list) != expect)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  at = g_get_monotonic_time ();
  return (wait_painted (at, 2000) - t0) / 1000.0;
}

int
main (int argc, char *argv[])
{
  g_autoptr (PortadaApplication) app = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (GError) error = NULL;
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  PortadaWindow *window;
  PortadaArticleList *list;
  GtkEditable *entry;
  double keys[50], base[50], first[5], clear[5];
  guint hits, all;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-search NEWSROOM-FILE\n");
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  newsroom = portada_newsroom_open (argv[1], PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL)
    g_error ("%s", error->message);
  q.search = "Panama";
  hits = portada_articles_count (newsroom, &q, NULL);
  all = portada_articles_count (newsroom, NULL, NULL);
  printf ("  (%u articles, %u of them found by “Panama”)\n", all, hits);
  g_clear_object (&newsroom);

  gtk_init ();
  adw_init ();
  app = portada_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = portada_window_new (app, argv[1]);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  list = PORTADA_ARTICLE_LIST (portada_window_get_article_list (window));
  entry = GTK_EDITABLE (find_widget (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (entry);
  spin_for (1500);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (portada_article_list_get_model (list), "loaded", G_CALLBACK (loaded_cb), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  spin_for (300);

  type_keys (entry, keys);
  report ("keystroke to characters painted in the entry", keys, 50, GOAL_KEY_MEDIAN_MS,
          GOAL_KEY_WORST_MS);
  /* The same keys with the search switched off: what this machine (and its load) costs
   * a keystroke in any entry of this window, for comparison. */
  g_signal_handlers_block_matched (entry, G_SIGNAL_MATCH_ID,
                                   g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                                   NULL, NULL, NULL);
  gtk_editable_set_text (entry, "");
  spin_for (300);
  type_keys (entry, base);
  g_signal_handlers_unblock_matched (entry, G_SIGNAL_MATCH_ID,
                                     g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                                     NULL, NULL, NULL);
  report ("the same keys, no search (this machine now)", base, 50, GOAL_KEY_MEDIAN_MS,
          GOAL_KEY_WORST_MS);
  {
    double load[3] = { 0 };
    if (getloadavg (load, 3) > 0)
      printf ("  (load average %.1f: the figures grow with it, the no-search ones too)\n", load[0]);
  }

  for (int i = 0; i < 5; i++)
    {
      gint64 t0;

      gtk_editable_set_text (entry, "");
      loaded = FALSE;
      until_results_painted (list, all, g_get_monotonic_time ());
      spin_for (300);
      loaded = FALSE;
      for (const char *c = "Panama"; *c; c++)
        {
          keystroke (entry, (char[]){ *c, 0 });
          spin_for (40);
        }
      t0 = g_get_monotonic_time ();
      first[i] = until_results_painted (list, hits, t0);
      spin_for (300);
      loaded = FALSE;
      t0 = g_get_monotonic_time ();
      gtk_editable_set_text (entry, "");
      clear[i] = until_results_painted (list, all, t0);
      spin_for (300);
    }
  report ("search key to first page of results painted", first, 5, GOAL_FIRST_MS, GOAL_FIRST_MS);
  report ("clearing the search to the whole list painted", clear, 5, GOAL_FIRST_MS, GOAL_FIRST_MS);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
