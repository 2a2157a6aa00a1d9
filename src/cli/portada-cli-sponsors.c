/* portada-cli-sponsors.c: portada sponsors list|import|export
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "portada-beneath.h"
#include "portada-cli.h"
#include "portada-logo-list.h"
#include "portada-newsroom.h"
#include "portada-sponsor-checks.h"
#include "portada-sponsor-csv.h"
#include "portada-sponsor.h"

/* The largest spreadsheet read: far above any sponsor list. */
#define MAX_CSV_BYTES (64 * 1024 * 1024)

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _ ("Usage:"));
  fprintf (out, "  portada sponsors list --db FILE [--date YYYY-MM-DD]\n");
  fprintf (out, "  portada sponsors import --db FILE CSV [--logos DIR] [--all-or-nothing]\n");
  fprintf (out, "  portada sponsors export --db FILE CSV [--logos DIR]\n\n");
  fprintf (out, "%s\n",
           _ ("The spreadsheet's columns: name, website, alt text, contract start, contract end, "
              "lists, logo file name."));
}

static PortadaNewsroom *
open_newsroom (const char *db)
{
  g_autoptr (GError) error = NULL;
  PortadaNewsroom *newsroom;

  if (db == NULL)
    {
      portada_cli_error (_ ("sponsors: --db FILE is required"));
      return NULL;
    }
  newsroom = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL)
    portada_cli_error ("%s", error->message);
  return newsroom;
}

/* Pads @text to @width characters (not bytes). */
static void
print_cell (const char *text, guint width)
{
  g_autofree char *shown = portada_cli_escape (text);
  glong n = g_utf8_strlen (shown, -1);

  fputs (shown, stdout);
  for (glong i = n; i < (glong) width; i++)
    fputc (' ', stdout);
}

static int
sponsors_list (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (GPtrArray) sponsors = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint width[4] = { 0 };
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file"), N_ ("FILE") },
          { "date", 0, 0, G_OPTION_ARG_STRING, &date,
            N_ ("The day contract states refer to (default: today)"), "YYYY-MM-DD" },
          { NULL } };

  if (!portada_cli_parse ("sponsors list", NULL,
                          _ ("List the sponsors: name, logo lists, contract state, website."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (date == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      date = g_date_time_format (now, "%Y-%m-%d");
    }
  else
    {
      int y, m, d;
      if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
        {
          portada_cli_error (_ ("sponsors list: --date must be a date such as 2026-12-31"));
          return PORTADA_EXIT_UNUSABLE;
        }
    }
  newsroom = open_newsroom (db);
  if (newsroom == NULL)
    return PORTADA_EXIT_UNUSABLE;
  sponsors = portada_sponsors_list (newsroom, &error);
  if (sponsors == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }

  g_ptr_array_add (
      rows, g_strdupv ((char *[]){ _ ("NAME"), _ ("LISTS"), _ ("CONTRACT"), _ ("WEBSITE"), NULL }));
  for (guint i = 0; i < sponsors->len; i++)
    {
      const PortadaSponsor *s = g_ptr_array_index (sponsors, i);
      g_auto (GStrv) lists = portada_logo_lists_of_sponsor (newsroom, s->id, &error);
      char **row = g_new0 (char *, 5);

      if (lists == NULL)
        {
          g_strfreev (row);
          portada_cli_error ("%s", error->message);
          return PORTADA_EXIT_UNUSABLE;
        }
      row[0] = g_strdup (s->name);
      row[1] = lists[0] ? g_strjoinv (", ", lists) : g_strdup ("—");
      row[2] = portada_sponsor_contract_describe (s, date);
      row[3] = g_strdup (s->website ? s->website : "—");
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0; i < rows->len; i++)
    for (guint c = 0; c < 4; c++)
      width[c] = MAX (width[c], g_utf8_strlen (((char **) g_ptr_array_index (rows, i))[c], -1));
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      for (guint c = 0; c < 3; c++)
        {
          print_cell (row[c], width[c] + 2);
        }
      portada_cli_print (stdout, "%s\n", row[3]);
    }
  return PORTADA_EXIT_OK;
}

static int
sponsors_import (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *logos = NULL;
  gboolean all_or_nothing = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autoptr (GBytes) csv = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  const char *file;
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file"), N_ ("FILE") },
          { "logos", 0, 0, G_OPTION_ARG_FILENAME, &logos,
            N_ ("The folder holding the logo files the spreadsheet names"), N_ ("DIR") },
          { "all-or-nothing", 0, 0, G_OPTION_ARG_NONE, &all_or_nothing,
            N_ ("Import nothing when any row is bad"), NULL },
          { NULL } };

  if (!portada_cli_parse ("sponsors import", "CSV",
                          _ ("Create or update sponsors from a spreadsheet saved as CSV. A bad row "
                             "is reported with its row number and the others still import.\n"
                             "Exit status: 0 when every row was imported, 1 when some were not, "
                             "2 when the files cannot be used."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (argc != 2)
    {
      portada_cli_error (_ ("sponsors import: give one CSV file"));
      return PORTADA_EXIT_UNUSABLE;
    }
  file = argv[1];
  if (logos && !g_file_test (logos, G_FILE_TEST_IS_DIR))
    {
      portada_cli_error (_ ("%s: there is no such folder of logos"), logos);
      return PORTADA_EXIT_UNUSABLE;
    }
  /* Its kind and size checked first: a pipe or a device is refused, never waited on. */
  contents = portada_read_regular_file (file, TRUE, MAX_CSV_BYTES, &len, &error);
  if (contents == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  csv = g_bytes_new_take (g_steal_pointer (&contents), len);
  newsroom = open_newsroom (db);
  if (newsroom == NULL)
    return PORTADA_EXIT_UNUSABLE;
  report = portada_sponsors_import_csv (newsroom, csv, logos,
                                        all_or_nothing ? PORTADA_SPONSOR_IMPORT_ALL_OR_NOTHING
                                                       : PORTADA_SPONSOR_IMPORT_DEFAULT,
                                        &error);
  if (report == NULL)
    {
      portada_cli_error ("%s: %s", file, error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  for (guint i = 0; i < report->notes->len; i++)
    portada_cli_error ("%s: %s", file, (char *) g_ptr_array_index (report->notes, i));
  for (guint i = 0; i < report->bad_rows->len; i++)
    {
      const PortadaSponsorImportBadRow *bad = g_ptr_array_index (report->bad_rows, i);
      portada_cli_error (_ ("%s: row %u: %s"), file, bad->row, bad->message);
    }
  if (!report->committed)
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "Nothing was imported: %u row is bad.\n",
                           "Nothing was imported: %u rows are bad.\n", report->bad_rows->len),
              report->bad_rows->len);
      return PORTADA_EXIT_PROBLEMS;
    }
  printf (_ ("Sponsors created: %u; updated: %u; rows not imported: %u.\n"), report->created,
          report->updated, report->bad_rows->len);
  return report->bad_rows->len ? PORTADA_EXIT_PROBLEMS : PORTADA_EXIT_OK;
}

static int
sponsors_export (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *logos = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (GBytes) csv = NULL;
  const char *file;
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file"), N_ ("FILE") },
          { "logos", 0, 0, G_OPTION_ARG_FILENAME, &logos,
            N_ ("Also write every logo file into this folder"), N_ ("DIR") },
          { NULL } };

  if (!portada_cli_parse ("sponsors export", "CSV",
                          _ ("Write the sponsors as a spreadsheet (CSV, UTF-8); “-” writes to "
                             "standard output."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (argc != 2)
    {
      portada_cli_error (_ ("sponsors export: give one CSV file"));
      return PORTADA_EXIT_UNUSABLE;
    }
  file = argv[1];
  newsroom = open_newsroom (db);
  if (newsroom == NULL)
    return PORTADA_EXIT_UNUSABLE;
  csv = portada_sponsors_export_csv (newsroom, logos, &error);
  if (csv == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  if (g_str_equal (file, "-"))
    {
      fwrite (g_bytes_get_data (csv, NULL), 1, g_bytes_get_size (csv), stdout);
      return fflush (stdout) == 0 ? PORTADA_EXIT_OK : PORTADA_EXIT_UNUSABLE;
    }
  if (!g_file_set_contents (file, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), &error))
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  return PORTADA_EXIT_OK;
}

int
portada_cli_sponsors (int argc, char *argv[])
{
  const char *action = argc > 1 ? argv[1] : NULL;

  if (g_strcmp0 (action, "list") == 0)
    return sponsors_list (argc - 1, argv + 1);
  if (g_strcmp0 (action, "import") == 0)
    return sponsors_import (argc - 1, argv + 1);
  if (g_strcmp0 (action, "export") == 0)
    return sponsors_export (argc - 1, argv + 1);
  if (g_strcmp0 (action, "--help") == 0 || g_strcmp0 (action, "-h") == 0
      || g_strcmp0 (action, "help") == 0)
    {
      print_usage (stdout);
      return PORTADA_EXIT_OK;
    }
  if (action)
    portada_cli_error (_ ("sponsors: unknown action “%s”"), action);
  print_usage (stderr);
  return PORTADA_EXIT_UNUSABLE;
}
