/* portada-cli-export.c: portada export --db FILE --out DIR [--format F] [--lang L] [--quiet]
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
#include "portada-markdown-exchange.h"
#include "portada-site-export.h"
#include "portada-wxr.h"

static void
progress_cb (double fraction, gpointer user_data)
{
  fprintf (stderr, "\r%s %3d%%", _ ("Exporting…"), (int) (fraction * 100));
  if (fraction >= 1.0)
    fputc ('\n', stderr);
}

/* Says what of the folder the export left alone, not having written it. */
static int
done (PortadaNewsroom *newsroom)
{
  g_autoptr (GPtrArray) kept = portada_export_take_kept (newsroom);

  for (guint i = 0; i < kept->len; i++)
    {
      g_autofree char *name = portada_cli_escape (kept->pdata[i]);
      fprintf (stderr, _ ("portada: left as it was (not written by an export): %s\n"), name);
    }
  return PORTADA_EXIT_OK;
}

typedef int (*ExportFunc) (PortadaNewsroom *newsroom, const char *out, const char *lang,
                           gboolean show_progress);

static int
export_site (PortadaNewsroom *newsroom, const char *out, const char *lang, gboolean show_progress)
{
  g_autoptr (GError) error = NULL;

  if (!portada_site_export (newsroom, out, lang, NULL, show_progress ? progress_cb : NULL, NULL,
                            &error))
    {
      if (show_progress)
        fputc ('\n', stderr);
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  return done (newsroom);
}

static int
export_markdown (PortadaNewsroom *newsroom, const char *out, const char *lang,
                 gboolean show_progress)
{
  g_autoptr (GError) error = NULL;

  if (!portada_markdown_export (newsroom, out, lang, NULL, show_progress ? progress_cb : NULL, NULL,
                                &error))
    {
      if (show_progress)
        fputc ('\n', stderr);
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  return done (newsroom);
}

static int
export_wxr (PortadaNewsroom *newsroom, const char *out, const char *lang, gboolean show_progress)
{
  g_autoptr (GError) error = NULL;

  if (!portada_wxr_export (newsroom, out, lang, NULL, show_progress ? progress_cb : NULL, NULL,
                           &error))
    {
      if (show_progress)
        fputc ('\n', stderr);
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  return done (newsroom);
}

/* The formats: the exchange formats add their function here. */
static const struct
{
  const char *name;
  ExportFunc func;
} formats[] = {
  { "site", export_site },
  { "wxr", export_wxr },
  { "markdown", export_markdown },
};

int
portada_cli_export (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  gboolean quiet = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  ExportFunc func = NULL;
  gboolean known = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file to export"), N_ ("FILE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_ ("The folder to export into (new, empty, or a previous export)"), N_ ("DIR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("site (the default), wxr or markdown"),
      N_ ("FORMAT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_ ("Only this language (en, es…)"), N_ ("LANG") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Do not show progress"), NULL },
    { NULL }
  };

  if (!portada_cli_parse ("export", NULL,
                          _ ("Export the newsroom: the static site, WordPress (WXR) or Markdown.\n"
                             "Exit status: 0 when done, 2 when it could not be done."),
                          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (db == NULL || out == NULL)
    {
      portada_cli_error (_ ("export: --db FILE and --out DIR are required"));
      return PORTADA_EXIT_UNUSABLE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (format ? format : "site", formats[i].name) == 0)
      {
        known = TRUE;
        func = formats[i].func;
      }
  if (!known)
    {
      portada_cli_error (_ ("export: unknown format “%s”; use site, wxr or markdown"), format);
      return PORTADA_EXIT_UNUSABLE;
    }
  if (func == NULL)
    {
      portada_cli_error (_ ("export: the %s format is not available yet"), format);
      return PORTADA_EXIT_UNUSABLE;
    }
  newsroom = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL)
    {
      portada_cli_error ("%s", error->message);
      return PORTADA_EXIT_UNUSABLE;
    }
  return func (newsroom, out, lang, portada_cli_show_progress (quiet));
}
