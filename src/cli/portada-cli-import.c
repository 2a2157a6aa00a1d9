/* portada-cli-import.c: portada import --db FILE [--lang CODE] [--strict] [--quiet] PATH...
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "portada-cli.h"
#include "portada-exchange.h"
#include "portada-newsroom.h"

static void
progress_cb (double fraction, gpointer user_data)
{
  g_autofree char *path = portada_cli_escape (user_data);

  fprintf (stderr, "\r%s %s %3d%%", _ ("Importing"), path, (int) (fraction * 100));
  if (fraction >= 1.0)
    fputc ('\n', stderr);
}

/* The lines, the article counts, what else came in, and what was left out and why. */
static void
print_summary (PortadaImportSummary *summary)
{
  for (guint i = 0; i < summary->lines->len; i++)
    portada_cli_print (stdout, "%s\n", (const char *) summary->lines->pdata[i]);
  /* TRANSLATORS: the import summary: numbers of articles. */
  printf (_ ("Created %u, updated %u, skipped %u.\n"), summary->created, summary->updated,
          summary->skipped);
  if (summary->pages_created || summary->pages_updated)
    /* TRANSLATORS: the import summary: numbers of pages (About, Contact...). */
    printf (_ ("Pages: created %u, updated %u.\n"), summary->pages_created, summary->pages_updated);
  if (summary->comments_created || summary->comments_updated)
    /* TRANSLATORS: the import summary: readers' comments, and how many of them wait
     * for moderation. */
    printf (_ ("Comments: created %u, updated %u (%u waiting for moderation).\n"),
            summary->comments_created, summary->comments_updated, summary->comments_pending);
  if (summary->menu_items)
    /* TRANSLATORS: the import summary: items of the site's section bar and footer links. */
    printf (_ ("Menus: %u items.\n"), summary->menu_items);
  if (summary->new_sections || summary->new_tags || summary->new_authors)
    {
      g_autofree char *sections
          = g_strdup_printf (g_dngettext (NULL, "%u section", "%u sections", summary->new_sections),
                             summary->new_sections);
      g_autofree char *tags = g_strdup_printf (
          g_dngettext (NULL, "%u tag", "%u tags", summary->new_tags), summary->new_tags);
      g_autofree char *authors
          = g_strdup_printf (g_dngettext (NULL, "%u author", "%u authors", summary->new_authors),
                             summary->new_authors);
      /* TRANSLATORS: "New in the newsroom: 2 sections, 5 tags, 1 author." */
      printf (_ ("New in the newsroom: %s, %s, %s.\n"), sections, tags, authors);
    }
  for (guint i = 0; i < summary->left_out_why->len; i++)
    /* TRANSLATORS: "Left out: 17, pages are not articles" (a count, then why). */
    printf (_ ("Left out: %u, %s\n"), g_array_index (summary->left_out_count, guint, i),
            (const char *) summary->left_out_why->pdata[i]);
}

int
portada_cli_import (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *uploads = NULL;
  g_auto (GStrv) paths = NULL;
  gboolean quiet = FALSE, create = FALSE, strict = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();
  gboolean show_progress;
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file to import into"),
            N_ ("FILE") },
          { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
            N_ ("The language of the content, such as en or es (default: the newsroom's "
                "default language)"),
            N_ ("CODE") },
          { "create", 0, 0, G_OPTION_ARG_NONE, &create,
            N_ ("Create the newsroom file when it does not exist"), NULL },
          { "uploads", 0, 0, G_OPTION_ARG_FILENAME, &uploads,
            N_ ("A copy of the WordPress site's wp-content/uploads folder: the attachments, "
                "featured images and the text's images are taken from it (nothing is "
                "downloaded)"),
            N_ ("DIR") },
          { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
            N_ ("Fail (exit status 1, nothing imported) when any item is left out"), NULL },
          { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Do not show progress"), NULL },
          { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_ ("PATH…") },
          { NULL } };

  if (!portada_cli_parse ("import", _ ("PATH…"),
                          _ ("Import WordPress exports (WXR files) and folders of Markdown files "
                             "with front matter; the format is recognised from the content.\n"
                             "Importing the same content again updates it, never duplicates it. "
                             "Everything is imported in one transaction: on an error nothing is "
                             "kept.\n"
                             "Exit status: 0 when imported (skipped items are listed), 1 with "
                             "--strict when an item was left out (nothing is imported then), 2 "
                             "when a file cannot be used."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (db == NULL)
    {
      portada_cli_error (_ ("import: --db FILE is required"));
      return PORTADA_EXIT_UNUSABLE;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      portada_cli_error (_ ("import: name at least one file or folder to import"));
      return PORTADA_EXIT_UNUSABLE;
    }
  if (uploads && !g_file_test (uploads, G_FILE_TEST_IS_DIR))
    {
      portada_cli_error (_ ("import: %s: there is no such uploads folder"), uploads);
      return PORTADA_EXIT_UNUSABLE;
    }
  newsroom
      = portada_newsroom_open (db, create ? PORTADA_OPEN_CREATE : PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }

  show_progress = portada_cli_show_progress (quiet);
  if (!portada_newsroom_begin (newsroom, &error))
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  for (guint i = 0; paths[i]; i++)
    if (!portada_import_path_with_uploads (newsroom, paths[i], uploads, lang, summary, NULL,
                                           show_progress ? progress_cb : NULL, paths[i], &error))
      {
        if (show_progress)
          fputc ('\n', stderr);
        portada_newsroom_rollback (newsroom);
        portada_cli_error ("%s", error->message);
        portada_cli_error (_ ("nothing was imported; %s is as it was"), db);
        return PORTADA_EXIT_UNUSABLE;
      }
  if (strict && summary->left_out > 0)
    {
      portada_newsroom_rollback (newsroom);
      print_summary (summary);
      portada_cli_error (g_dngettext (NULL, "import: --strict: %u item was left out",
                                      "import: --strict: %u items were left out",
                                      summary->left_out),
                         summary->left_out);
      portada_cli_error (_ ("nothing was imported; %s is as it was"), db);
      return PORTADA_EXIT_PROBLEMS;
    }
  if (!portada_newsroom_commit (newsroom, &error))
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  print_summary (summary);
  return PORTADA_EXIT_OK;
}
