/* crash-child.c: the program tests/crash/test-crash kills.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each mode does what Portada does for real, through the same core calls:
 *   crash-child autosave DB      saves one article again and again (the window's
 *                                autosave path), its text growing; writes the save
 *                                it starts from, then the number of each completed
 *                                save, to stdout
 *   crash-child open DB          opens (creating or upgrading) a newsroom and exits
 *   crash-child writer DB NAME N saves its own article N times and inserts N/5 new
 *                                ones; any failure is printed and exits 1
 *   crash-child reader DB N      lists and loads every article N times, checking that
 *                                no read sees an article half written
 *   crash-child export DB OUT F  exports into OUT as `portada export --format F`
 *                                does (site, wxr, markdown); the site for the date
 *                                crash-text.h fixes
 * The expected texts come from crash-text.c, shared with the test.
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash-text.h"
#include "portada-articles.h"
#include "portada-newsroom.h"

static void
report (int n)
{
  char line[32];
  int len = g_snprintf (line, sizeof line, "%d\n", n);

  /* One write per save: the test reads the last complete line after the kill. */
  while (write (STDOUT_FILENO, line, len) < 0 && errno == EINTR)
    ;
}

G_GNUC_NORETURN static void
die (const char *what, GError *error)
{
  g_printerr ("crash-child: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static int
autosave (const char *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  g_autoptr (PortadaArticle) a = NULL;
  int n = 0;

  if (nr == NULL)
    die ("open", error);
  a = portada_articles_load_by_uuid (nr, CRASH_MAIN_UUID, &error);
  if (a == NULL && g_error_matches (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      a = portada_article_new ();
    }
  else if (a == NULL)
    die ("load", error);
  else if (!crash_text_parse_title (a->title, &n))
    die ("the stored title is not a save title", NULL);

  /* Ready: the save the newsroom holds, then one line per save. */
  report (n);
  for (;;)
    {
      n++;
      crash_text_fill_main (a, n);
      /* One transaction: the autosave and, every few saves, a new article. */
      if (!portada_newsroom_begin (nr, &error))
        die ("begin", error);
      if (!portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error))
        die ("save", error);
      if (n % CRASH_EXTRA_EVERY == 0)
        {
          g_autoptr (PortadaArticle) extra = portada_article_new ();

          crash_text_fill_extra (extra, n);
          if (!portada_articles_save (nr, extra, PORTADA_SAVE_DEFAULT, &error))
            die ("save a new article", error);
        }
      if (!portada_newsroom_commit (nr, &error))
        die ("commit", error);
      report (n);
    }
}

static int
open_only (const char *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);

  if (nr == NULL)
    die ("open", error);
  report (portada_newsroom_get_schema_version (nr));
  return 0;
}

static int
writer (const char *db, const char *name, int count)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  g_autoptr (PortadaArticle) a = portada_article_new ();

  if (nr == NULL)
    die ("open", error);
  for (int n = 1; n <= count; n++)
    {
      crash_text_fill_writer (a, name, n);
      if (!portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error))
        die ("save", error);
      if (n % 5 == 0)
        {
          g_autoptr (PortadaArticle) extra = portada_article_new ();

          crash_text_fill_writer_extra (extra, name, n);
          if (!portada_articles_save (nr, extra, PORTADA_SAVE_DEFAULT, &error))
            die ("save a new article", error);
        }
    }
  report (count);
  return 0;
}

static int
reader (const char *db, int rounds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  guint loaded = 0;

  if (nr == NULL)
    die ("open", error);
  for (int r = 0; r < rounds; r++)
    {
      g_autoptr (GPtrArray) list = portada_articles_list (nr, NULL, 0, G_MAXUINT, &error);

      if (list == NULL)
        die ("list", error);
      for (guint i = 0; i < list->len; i++)
        {
          PortadaArticleSummary *s = g_ptr_array_index (list, i);
          g_autoptr (PortadaArticle) a = portada_articles_load (nr, s->id, &error);

          if (a == NULL)
            die ("load", error);
          if (!crash_text_check_writer (a))
            {
              g_printerr ("crash-child: article %s reads half written: title “%s”\n", a->uuid,
                          a->title);
              exit (1);
            }
          loaded++;
        }
    }
  report (loaded);
  return 0;
}

static int export(const char *db, const char *out, const char *format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);

  if (nr == NULL)
    die ("open", error);
  report (0);
  if (!crash_export (nr, out, format, &error))
    die ("export", error);
  report (1);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "autosave") == 0)
    return autosave (argv[2]);
  if (argc == 3 && strcmp (argv[1], "open") == 0)
    return open_only (argv[2]);
  if (argc == 5 && strcmp (argv[1], "writer") == 0)
    return writer (argv[2], argv[3], atoi (argv[4]));
  if (argc == 4 && strcmp (argv[1], "reader") == 0)
    return reader (argv[2], atoi (argv[3]));
  if (argc == 5 && strcmp (argv[1], "export") == 0)
    return export(argv[2], argv[3], argv[4]);
  g_printerr ("usage: crash-child autosave|open DB | writer DB NAME N | reader DB N | export DB "
              "OUT FORMAT\n");
  return 2;
}
