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
  { "repair", portada_cli_repair, N_ ("Remove what another program added to a newsroom's schema") },
  { "import", portada_cli_import, N_ ("Import WordPress exports and Markdown files") },
  { "export", portada_cli_export, N_ ("Export the site, WordPress (WXR) or Markdown") },
  { "sponsors", portada_cli_sponsors, N_ ("List, import and export sponsors (CSV)") },
  { "publish", portada_cli_publish,
    N_ ("Publish the site over SFTP or to a folder, or push the articles to WordPress") },
  { "trash", portada_cli_trash, N_ ("List, restore and empty deleted articles") },
  { "sync", portada_cli_sync, N_ ("Sync the newsroom with a git repository") },
  { "clone", portada_cli_clone, N_ ("Make a newsroom from a sync repository") },
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
  if (g_strcmp0 (argv[1], "help") == 0 && argc == 2)
    {
      print_usage (stdout);
      return PORTADA_EXIT_OK;
    }
  {
    g_autofree char *word = portada_cli_escape (argv[1]);
    portada_cli_error (_ ("unknown command “%s”"), word);
  }
  print_usage (stderr);
  return PORTADA_EXIT_UNUSABLE;
}

char *
portada_cli_escape (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* C0, DEL and C1 controls: escape sequences a terminal would obey. */
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, c < 0x100 ? "\\x%02x" : "\\u%04x", c);
      else if (c == 0x202e || c == 0x202d || c == 0x2066 || c == 0x2067 || c == 0x2068)
        g_string_append_printf (out, "\\u%04x", c); /* text direction overrides */
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

void
portada_cli_print (FILE *out, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_auto (GStrv) lines = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Lines stay lines; everything else a terminal would obey is shown escaped. */
  lines = g_strsplit (message, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = portada_cli_escape (lines[i]);
      fputs (line, out);
      if (lines[i + 1])
        fputc ('\n', out);
    }
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
      portada_cli_print (stderr, _ ("Usage: portada %s [OPTION…]; see portada %s --help\n"), title,
                         command);
      return FALSE;
    }
  /* A command without a parameter takes no word beyond its options. */
  if (parameter == NULL && *argc > 1)
    {
      portada_cli_error (_ ("%s: unexpected argument “%s”"), command, (*argv)[1]);
      portada_cli_print (stderr, _ ("Usage: portada %s [OPTION…]; see portada %s --help\n"), title,
                         command);
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
  portada_cli_print (stderr, "portada: %s\n", message);
}

gboolean
portada_cli_show_progress (gboolean quiet)
{
  return !quiet && isatty (fileno (stderr));
}
