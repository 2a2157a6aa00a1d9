/* portada-cli-demo.c: portada demo --db FILE [--articles N]
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "portada-cli.h"
#include "portada-demo.h"
#include "portada-newsroom.h"

static void
progress_cb (double fraction, gpointer user_data)
{
  fprintf (stderr, "\r%s %3d%%", _ ("Creating articles…"), (int) (fraction * 100));
  if (fraction >= 1.0)
    fputc ('\n', stderr);
}

int
portada_cli_demo (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  int articles = 0;
  gboolean quiet = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file to create"),
            N_ ("FILE") },
          { "articles", 0, 0, G_OPTION_ARG_INT, &articles,
            N_ ("Also generate N articles in both languages"), "N" },
          { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Do not show progress"), NULL },
          { NULL } };

  if (!portada_cli_parse ("demo", NULL, _ ("Create a demo newsroom a new user can explore."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (db == NULL)
    {
      portada_cli_error (_ ("demo: --db FILE is required"));
      return PORTADA_EXIT_UNUSABLE;
    }
  if (articles < 0 || articles > 1000000)
    {
      portada_cli_error (_ ("demo: --articles must be between 0 and 1000000"));
      return PORTADA_EXIT_UNUSABLE;
    }
  if (g_file_test (db, G_FILE_TEST_EXISTS))
    {
      portada_cli_error (_ ("%s: the file already exists; the demo newsroom is only created in a "
                            "new file"),
                         db);
      return PORTADA_EXIT_UNUSABLE;
    }

  newsroom = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  if (newsroom == NULL
      || !portada_demo_fill (newsroom, articles,
                             portada_cli_show_progress (quiet) && articles > 0 ? progress_cb : NULL,
                             NULL, &error))
    {
      portada_cli_error ("%s", error->message);
      if (newsroom)
        {
          portada_newsroom_close (newsroom);
          g_unlink (db);
        }
      return PORTADA_EXIT_UNUSABLE;
    }
  return PORTADA_EXIT_OK;
}
