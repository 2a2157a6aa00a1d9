/* bench-newsroom.c: how long a newsroom at scale takes to create, list and search.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-newsroom FILE [N]: creates a demo newsroom of N generated articles in FILE
 * (which must not exist), then times the queries the article list makes.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "portada-articles.h"
#include "portada-demo.h"

typedef GPtrArray *(*QueryFunc) (PortadaNewsroom *nr, const PortadaArticleQuery *q);

static GPtrArray *
first_page (PortadaNewsroom *nr, const PortadaArticleQuery *q)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *page = portada_articles_list (nr, q, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpint (portada_articles_count (nr, q, &error), >=, page->len);
  return page;
}

/* Median and worst of @runs runs, in milliseconds. */
static void
time_query (PortadaNewsroom *nr, const char *label, const PortadaArticleQuery *q)
{
  const int runs = 21;
  double ms[21];
  guint rows = 0;

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) page = first_page (nr, q);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      rows = page->len;
    }
  for (int i = 0; i < runs; i++)
    for (int j = i + 1; j < runs; j++)
      if (ms[j] < ms[i])
        {
          double t = ms[i];
          ms[i] = ms[j];
          ms[j] = t;
        }
  printf ("  %-38s median %6.2f ms   worst %6.2f ms   (%u rows + count)\n", label, ms[runs / 2],
          ms[runs - 1], rows);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 10000;
  gint64 start;
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-newsroom FILE [N]\n");
      return 2;
    }
  g_unlink (argv[1]);
  start = g_get_monotonic_time ();
  nr = portada_newsroom_open (argv[1], PORTADA_OPEN_CREATE, &error);
  if (nr == NULL || !portada_demo_fill (nr, n, NULL, NULL, &error))
    {
      fprintf (stderr, "bench-newsroom: %s\n", error->message);
      return 1;
    }
  printf ("newsroom: demo with %u generated articles created in %.2f s\n", n,
          (g_get_monotonic_time () - start) / 1e6);
  g_clear_object (&nr);
  nr = portada_newsroom_open (argv[1], PORTADA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  printf ("article list, first page of 50 (newest first) with its count:\n");
  time_query (nr, "all articles", &q);
  q.status = PORTADA_STATUS_DRAFT;
  time_query (nr, "status = draft", &q);
  q.status = PORTADA_STATUS_ANY;
  q.lang = "es";
  q.section = "tourism";
  time_query (nr, "lang = es, section = tourism", &q);
  q.lang = NULL;
  q.section = NULL;
  q.search = "inflation";
  time_query (nr, "search \"inflation\"", &q);
  q.search = "hotel invest";
  time_query (nr, "search \"hotel invest\" (prefix)", &q);
  q.search = "cybersecurity";
  time_query (nr, "search \"cybersecurity\" (rare)", &q);
  q.search = "the";
  time_query (nr, "search \"the\" (in every English one)", &q);
  return 0;
}
