/* portada-cli-trash.c: portada trash list|restore|empty --db FILE
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "portada-cli.h"
#include "portada-newsroom.h"
#include "portada-trash.h"

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _ ("Usage:"));
  fprintf (out, "  portada trash list --db FILE\n");
  fprintf (out, "  portada trash restore --db FILE ID…\n");
  fprintf (out, "  portada trash empty --db FILE\n\n");
  fprintf (out, "%s\n",
           _ ("Deleted articles wait in the Trash; what has been there for 30 days is deleted "
              "for good."));
}

/* Opens the newsroom and empties what has been in the Trash too long. */
static PortadaNewsroom *
open_newsroom (const char *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;

  if (db == NULL)
    {
      portada_cli_error (_ ("trash: --db FILE is required"));
      return NULL;
    }
  newsroom = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL || portada_trash_empty_expired (newsroom, &error) < 0)
    {
      portada_cli_error ("%s", error->message);
      return NULL;
    }
  return g_steal_pointer (&newsroom);
}

static int
trash_list (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (GPtrArray) items = NULL;
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file"), N_ ("FILE") },
          { NULL } };

  if (!portada_cli_parse ("trash list", NULL,
                          _ ("List the articles in the Trash: number, date deleted, language, "
                             "title."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (argc > 1)
    {
      portada_cli_error (_ ("trash list: unexpected “%s”"), argv[1]);
      return PORTADA_EXIT_UNUSABLE;
    }
  newsroom = open_newsroom (db);
  if (newsroom == NULL)
    return PORTADA_EXIT_UNUSABLE;
  items = portada_trash_list (newsroom, &error);
  if (items == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const PortadaArticleSummary *s = g_ptr_array_index (items, i);
      gint64 when = portada_trash_deleted_at (newsroom, s->id, NULL);
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_local (MAX (when, 0));
      g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d %H:%M");

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", s->id, date, s->lang,
              s->title && *s->title ? s->title : _ ("Untitled"));
    }
  return PORTADA_EXIT_OK;
}

static gboolean
parse_id (const char *text, gint64 *id)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

static int
trash_restore (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file"), N_ ("FILE") },
          { NULL } };
  int status = PORTADA_EXIT_OK;

  if (!portada_cli_parse ("trash restore", N_ ("ID…"),
                          _ ("Bring articles back from the Trash, by the numbers “portada trash "
                             "list” shows."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (argc < 2)
    {
      portada_cli_error (_ ("trash restore: name at least one article number"));
      return PORTADA_EXIT_UNUSABLE;
    }
  for (int i = 1; i < argc; i++)
    {
      gint64 id;
      if (!parse_id (argv[i], &id))
        {
          portada_cli_error (_ ("trash restore: “%s” is not an article number"), argv[i]);
          return PORTADA_EXIT_UNUSABLE;
        }
      g_array_append_val (ids, id);
    }
  newsroom = open_newsroom (db);
  if (newsroom == NULL)
    return PORTADA_EXIT_UNUSABLE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) error = NULL;
      if (!portada_trash_restore (newsroom, g_array_index (ids, gint64, i), &error))
        {
          portada_cli_error ("%s", error->message);
          status = error->code == PORTADA_ERROR_NOT_FOUND ? PORTADA_EXIT_PROBLEMS
                                                          : PORTADA_EXIT_UNUSABLE;
        }
    }
  return status;
}

static int
trash_empty (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  gint64 n;
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file"), N_ ("FILE") },
          { NULL } };

  if (!portada_cli_parse ("trash empty", NULL,
                          _ ("Delete for good every article in the Trash, with its revisions."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (argc > 1)
    {
      portada_cli_error (_ ("trash empty: unexpected “%s”"), argv[1]);
      return PORTADA_EXIT_UNUSABLE;
    }
  newsroom = open_newsroom (db);
  if (newsroom == NULL)
    return PORTADA_EXIT_UNUSABLE;
  n = portada_trash_empty (newsroom, G_MAXINT64, &error);
  if (n < 0)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u article deleted for good\n",
                       "%u articles deleted for good\n", (gulong) n),
          (guint) n);
  return PORTADA_EXIT_OK;
}

int
portada_cli_trash (int argc, char *argv[])
{
  const char *action = argc > 1 ? argv[1] : NULL;

  if (g_strcmp0 (action, "list") == 0)
    return trash_list (argc - 1, argv + 1);
  if (g_strcmp0 (action, "restore") == 0)
    return trash_restore (argc - 1, argv + 1);
  if (g_strcmp0 (action, "empty") == 0)
    return trash_empty (argc - 1, argv + 1);
  if (g_strcmp0 (action, "--help") == 0 || g_strcmp0 (action, "-h") == 0
      || g_strcmp0 (action, "help") == 0)
    {
      print_usage (stdout);
      return PORTADA_EXIT_OK;
    }
  if (action)
    portada_cli_error (_ ("trash: unknown action “%s”"), action);
  print_usage (stderr);
  return PORTADA_EXIT_UNUSABLE;
}
