/* main.c: one program. With a subcommand it works headless on the core;
 * without one it opens the window.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "portada-application.h"
#include "portada-cli.h"

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  /* PORTADA_LOCALEDIR lets an uninstalled build (build-aux/dev, the tests) find its
   * translations in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("PORTADA_LOCALEDIR") ? g_getenv ("PORTADA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && portada_cli_is_command (argv[1]))
    return portada_cli_main (argc, argv);

  return portada_application_run (argc, argv);
}
