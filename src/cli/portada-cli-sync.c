/* portada-cli-sync.c: portada sync --db FILE [--remote URL] [--init]
 *                     portada clone URL --db FILE
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "portada-cli.h"
#include "portada-newsroom.h"
#include "portada-sync-conflicts.h"
#include "portada-sync-text.h"
#include "portada-sync.h"

static int
print_report (PortadaSyncReport *report)
{
  if (report->committed)
    printf ("%s\n", _ ("This workstation's changes were committed."));
  if (report->received)
    printf ("%s\n", _ ("Changes from other workstations were imported."));
  if (report->attempts > 1)
    printf ("%s\n", _ ("Another workstation pushed during the sync: its changes were merged and "
                       "the sync ran again."));
  if (report->pushed)
    printf ("%s\n", _ ("The remote is up to date."));
  for (guint i = 0; i < report->notes->len; i++)
    portada_cli_print (stdout, "%s\n", (const char *) report->notes->pdata[i]);
  if (report->conflicts > 0)
    {
      printf (g_dngettext (NULL, "%u conflict: both versions are kept.\n",
                           "%u conflicts: both versions of each are kept.\n", report->conflicts),
              report->conflicts);
      return PORTADA_EXIT_PROBLEMS;
    }
  return PORTADA_EXIT_OK;
}

static int
fail (GError *error)
{
  portada_cli_error ("%s", error->message);
  return PORTADA_EXIT_UNUSABLE;
}

/* The newsroom as files in a folder, and back: for reviewing, or for moving a
 * newsroom by hand. */
static int
folder (PortadaNewsroom *newsroom, const char *to, const char *from)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) files = NULL;

  if (to)
    {
      files = portada_sync_export (newsroom, &error);
      if (files == NULL || !portada_sync_write_dir (files, to, &error))
        return fail (error);
      return PORTADA_EXIT_OK;
    }
  files = portada_sync_read_dir (from, &error);
  if (files == NULL || !portada_sync_import (newsroom, files, &error))
    return fail (error);
  return PORTADA_EXIT_OK;
}

/* The conflicts a sync kept: listed, one shown whole, one resolved. */
static int
conflicts (PortadaNewsroom *newsroom, gboolean list, const char *show, const char *resolve)
{
  g_autoptr (GError) error = NULL;

  if (list)
    {
      g_autoptr (GPtrArray) all = portada_sync_conflicts_list (newsroom, &error);
      if (all == NULL)
        return fail (error);
      for (guint i = 0; i < all->len; i++)
        {
          PortadaSyncConflict *c = all->pdata[i];
          g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (MAX (c->created_at, 0));
          g_autofree char *date = g_date_time_format (when, "%Y-%m-%d %H:%M");
          g_autofree char *uid = portada_cli_escape (c->uid);
          g_autofree char *record = portada_cli_escape (c->record);
          g_autofree char *field = portada_cli_escape (c->field);
          printf ("%s\t%s\t%s\t%s\n", uid, date, record, field);
        }
      return PORTADA_EXIT_OK;
    }
  if (show)
    {
      g_autoptr (PortadaSyncConflict) c = portada_sync_conflicts_find (newsroom, show, &error);
      if (c == NULL)
        return fail (error);
      /* It came from another workstation: shown with its control characters escaped. */
      portada_cli_print (stdout, "%s", c->other);
      return PORTADA_EXIT_OK;
    }
  if (!portada_sync_conflicts_resolve (newsroom, resolve, &error))
    return fail (error);
  return PORTADA_EXIT_OK;
}

int
portada_cli_sync (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;
  gboolean init = FALSE;
  gboolean list = FALSE;
  g_autofree char *show = NULL;
  g_autofree char *resolve = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (PortadaSyncReport) report = NULL;
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file"), N_ ("FILE") },
          { "remote", 0, 0, G_OPTION_ARG_STRING, &remote,
            N_ ("The repository to sync with (a path to a bare repository, or ssh://)"),
            N_ ("URL") },
          { "identity", 0, 0, G_OPTION_ARG_FILENAME, &identity,
            N_ ("The private key for ssh:// (kept for the next syncs; default: the SSH agent)"),
            N_ ("FILE") },
          { "init", 0, 0, G_OPTION_ARG_NONE, &init,
            N_ ("Put the newsroom into an empty repository and link it"), NULL },
          { "to-folder", 0, 0, G_OPTION_ARG_FILENAME, &to,
            N_ ("Write the newsroom as text files into a new folder"), N_ ("DIR") },
          { "from-folder", 0, 0, G_OPTION_ARG_FILENAME, &from,
            N_ ("Make the newsroom hold what a folder of text files holds"), N_ ("DIR") },
          { "conflicts", 0, 0, G_OPTION_ARG_NONE, &list,
            N_ ("List the conflicts a sync kept: id, date, record, field"), NULL },
          { "show-conflict", 0, 0, G_OPTION_ARG_STRING, &show,
            N_ ("Print the other workstation's version kept by a conflict"), N_ ("ID") },
          { "resolve", 0, 0, G_OPTION_ARG_STRING, &resolve,
            N_ ("Forget the other version of a conflict, once taken what was wanted from it"),
            N_ ("ID") },
          { NULL } };

  if (!portada_cli_parse ("sync", NULL,
                          _ ("Sync the newsroom with a git repository: commit this workstation's "
                             "changes, merge the others' record by record, push."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (argc > 1)
    {
      portada_cli_error (_ ("sync: unexpected “%s”"), argv[1]);
      return PORTADA_EXIT_UNUSABLE;
    }
  if (db == NULL)
    {
      portada_cli_error (_ ("sync: --db FILE is required"));
      return PORTADA_EXIT_UNUSABLE;
    }
  if (init && remote == NULL)
    {
      portada_cli_error (_ ("sync: --init needs --remote URL"));
      return PORTADA_EXIT_UNUSABLE;
    }
  /* A folder may be read into a new newsroom. */
  newsroom = portada_newsroom_open (db, from ? PORTADA_OPEN_CREATE : PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL)
    return fail (error);
  if (to || from)
    return folder (newsroom, to, from);
  if (list || show || resolve)
    return conflicts (newsroom, list, show, resolve);
  report = init ? portada_sync_init (newsroom, remote, identity, &error)
                : portada_sync_run (newsroom, remote, identity, &error);
  if (report == NULL)
    return fail (error);
  return print_report (report);
}

int
portada_cli_clone (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *identity = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  PortadaSyncReport *report = NULL;
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file to create"),
            N_ ("FILE") },
          { "identity", 0, 0, G_OPTION_ARG_FILENAME, &identity,
            N_ ("The private key for ssh:// (kept for the next syncs; default: the SSH agent)"),
            N_ ("FILE") },
          { NULL } };

  if (!portada_cli_parse ("clone", N_ ("URL"),
                          _ ("Make a new newsroom from a sync repository, linked to it."), entries,
                          &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (argc != 2 || db == NULL)
    {
      portada_cli_error (_ ("clone: give the repository's URL and --db FILE"));
      return PORTADA_EXIT_UNUSABLE;
    }
  newsroom = portada_sync_clone (argv[1], db, identity, &report, &error);
  if (newsroom == NULL)
    return fail (error);
  portada_sync_report_free (report);
  portada_cli_print (stdout, _ ("Made %s from %s.\n"), db, argv[1]);
  return PORTADA_EXIT_OK;
}
