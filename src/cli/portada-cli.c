/* portada-cli.c: subcommand dispatch and what the subcommands share.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "portada-cli.h"

typedef int (*CommandFunc) (int argc, char *argv[]);

static const struct
{
  const char *name;
  CommandFunc func;
  const char *summary;
} commands[] = {
  { "demo", portada_cli_demo, N_ ("Create a demo newsroom") },
  { "check", portada_cli_check, N_ ("Check a newsroom for problems") },
  { "import", portada_cli_import, N_ ("Import WordPress exports and Markdown files") },
  { "export", portada_cli_export, N_ ("Export the site, WordPress (WXR) or Markdown") },
  { "sponsors", portada_cli_sponsors, N_ ("List, import and export sponsors (CSV)") },
  { "trash", portada_cli_trash, N_ ("List, restore and empty deleted articles") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  portada [--db FILE]\n  portada COMMAND --help\n\n%s\n", _ ("Usage:"),
           _ ("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _ (commands[i].summary));
}

gboolean
portada_cli_is_command (const char *name)
{
  if (g_strcmp0 (name, "help") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (name, commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

int
portada_cli_main (int argc, char *argv[])
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);
  print_usage (stdout);
  return PORTADA_EXIT_OK;
}

gboolean
portada_cli_parse (const char *command, const char *parameter, const char *summary,
                   GOptionEntry *entries, int *argc, char ***argv)
{
  g_autofree char *title = g_strdup_printf ("%s %s", command, parameter ? parameter : "");
  g_autoptr (GOptionContext) context = g_option_context_new (title);
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_set_prgname ("portada");
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      portada_cli_error ("%s %s: %s", "portada", command, error->message);
      return FALSE;
    }
  return TRUE;
}

void
portada_cli_error (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "portada: %s\n", message);
}

gboolean
portada_cli_show_progress (gboolean quiet)
{
  return !quiet && isatty (fileno (stderr));
}
