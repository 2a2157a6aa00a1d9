/* portada-cli-check.c: portada check --db FILE
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "portada-cli.h"
#include "portada-media-checks.h"
#include "portada-article-checks.h"
#include "portada-newsroom.h"
#include "portada-path-checks.h"
#include "portada-sponsor-checks.h"

int
portada_cli_check (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) own = NULL;
  guint found;
  GOptionEntry entries[] = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
                               N_ ("The newsroom file to check"), N_ ("FILE") },
                             { NULL } };

  if (!portada_cli_parse ("check", NULL,
                          _ ("Check a newsroom: database integrity, then Portada's own checks.\n"
                             "Exit status: 0 when clean, 1 when problems were found, 2 when the "
                             "file cannot be used."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (db == NULL)
    {
      portada_cli_error (_ ("check: --db FILE is required"));
      return PORTADA_EXIT_UNUSABLE;
    }

  newsroom = portada_newsroom_open (db, PORTADA_OPEN_FOREIGN_SCHEMA, &error);
  if (newsroom == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  /* Objects another program added to the schema: nothing else is read then. */
  {
    g_autoptr (GPtrArray) foreign = portada_newsroom_foreign_objects (newsroom, &error);
    if (foreign == NULL)
      {
        portada_cli_error ("%s", error->message);
        return PORTADA_EXIT_UNUSABLE;
      }
    for (guint i = 0; i < foreign->len; i++)
      portada_cli_print (stdout, _ ("%s: not created by Portada: %s\n"), db,
                         (char *) foreign->pdata[i]);
    if (foreign->len)
      {
        portada_cli_error (_ ("%s cannot be used until these are removed: portada repair --db %s"),
                           db, db);
        return PORTADA_EXIT_UNUSABLE;
      }
  }
  problems = portada_newsroom_check_integrity (newsroom, &error);
  if (problems == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  for (guint i = 0; i < problems->len; i++)
    portada_cli_print (stdout, "%s: %s\n", db, (char *) g_ptr_array_index (problems, i));
  found = problems->len;

  /* Records that would put an export's files outside its folder. */
  {
    g_autoptr (GPtrArray) paths = portada_path_checks_run (newsroom, &error);
    if (paths == NULL)
      {
        portada_cli_error ("%s", error->message);
        return PORTADA_EXIT_UNUSABLE;
      }
    for (guint i = 0; i < paths->len; i++)
      portada_cli_print (stdout, "%s: %s\n", db, (char *) g_ptr_array_index (paths, i));
    found += paths->len;
  }

  /* Portada's own checks, each a PortadaProblem. */
  own = portada_article_checks_run (newsroom, &error);
  if (own == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  for (guint i = 0; i < own->len; i++)
    {
      g_autofree char *line = portada_problem_to_line (g_ptr_array_index (own, i));
      portada_cli_print (stdout, "%s: %s\n", db, line);
    }
  found += own->len;

  /* Sponsors, logos and strips, as of today. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autoptr (GPtrArray) sponsors = portada_sponsor_checks_run (newsroom, today, &error);

    if (sponsors == NULL)
      {
        portada_cli_error ("%s", error->message);
        return PORTADA_EXIT_UNUSABLE;
      }
    for (guint i = 0; i < sponsors->len; i++)
      {
        g_autofree char *line = portada_problem_to_line (g_ptr_array_index (sponsors, i));
        portada_cli_print (stdout, "%s: %s\n", db, line);
      }
    found += sponsors->len;
  }
  /* Images: alt text, size, use. */
  {
    g_autoptr (GPtrArray) images = portada_media_checks_run (newsroom, &error);

    if (images == NULL)
      {
        portada_cli_error ("%s", error->message);
        return PORTADA_EXIT_UNUSABLE;
      }
    for (guint i = 0; i < images->len; i++)
      {
        g_autofree char *line = portada_problem_to_line (g_ptr_array_index (images, i));
        printf ("%s: %s\n", db, line);
      }
    found += images->len;
  }
  return found ? PORTADA_EXIT_PROBLEMS : PORTADA_EXIT_OK;
}
