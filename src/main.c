/* main.c: one program. With a subcommand it works headless on the core;
 * without one it opens the window.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "portada-application.h"
#include "portada-cli.h"

/* Run from its build folder (build/src/portada, as the README and the screenshot script
 * do), the program finds its translations and its compiled GSettings schema there; an
 * installed one never lives under the build folder, and the environment still wins. */
static void
use_build_folder_when_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = realpath (PORTADA_BUILD_ROOT, NULL);
  g_autofree char *prefix = root ? g_strconcat (root, "/", NULL) : NULL;

  if (exe == NULL || prefix == NULL || !g_str_has_prefix (exe, prefix))
    return;
  g_setenv ("PORTADA_LOCALEDIR", PORTADA_BUILD_ROOT "/po", FALSE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", PORTADA_BUILD_ROOT "/data", FALSE);
}

int
main (int argc, char *argv[])
{
  use_build_folder_when_uninstalled ();
  setlocale (LC_ALL, "");
  /* PORTADA_LOCALEDIR lets an uninstalled build (build-aux/dev, the tests) find its
   * translations in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("PORTADA_LOCALEDIR") ? g_getenv ("PORTADA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A word that is not an option is a command: a misspelt one is refused, not
   * taken as a reason to open the window. */
  if (argc > 1 && (portada_cli_is_command (argv[1]) || argv[1][0] != '-'))
    return portada_cli_main (argc, argv);

  return portada_application_run (argc, argv);
}
