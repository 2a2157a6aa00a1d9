/* portada-cli-repair.c: portada repair --db FILE
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "portada-cli.h"
#include "portada-newsroom.h"

int
portada_cli_repair (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (GPtrArray) foreign = NULL;
  g_autoptr (GPtrArray) removed = NULL;
  GOptionEntry entries[] = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
                               N_ ("The newsroom file to repair"), N_ ("FILE") },
                             { NULL } };

  if (!portada_cli_parse ("repair", NULL,
                          _ ("Remove from a newsroom the schema objects (triggers, views, tables, "
                             "indexes) that Portada did not create, saying each one first.\n"
                             "Exit status: 0 when the newsroom is usable, 2 when it cannot be "
                             "repaired."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (db == NULL)
    {
      portada_cli_error (_ ("repair: --db FILE is required"));
      return PORTADA_EXIT_UNUSABLE;
    }
  newsroom = portada_newsroom_open (db, PORTADA_OPEN_FOREIGN_SCHEMA, &error);
  if (newsroom == NULL || (foreign = portada_newsroom_foreign_objects (newsroom, &error)) == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  if (foreign->len == 0)
    {
      portada_cli_print (stdout, _ ("%s: nothing to repair\n"), db);
      return PORTADA_EXIT_OK;
    }
  for (guint i = 0; i < foreign->len; i++)
    portada_cli_print (stdout, _ ("%s: removing %s\n"), db, (char *) foreign->pdata[i]);
  fflush (stdout);
  removed = portada_newsroom_repair (newsroom, &error);
  if (removed == NULL)
    {
      portada_cli_error ("%s", error->message);
      portada_cli_error (_ ("nothing was removed; %s is as it was"), db);
      return PORTADA_EXIT_UNUSABLE;
    }
  g_clear_object (&newsroom);
  /* Opened as any command opens it: upgraded if it was older. */
  newsroom = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  portada_cli_print (stdout, _ ("%s: removed %u objects; the newsroom can be used again\n"), db,
                     removed->len);
  return PORTADA_EXIT_OK;
}
