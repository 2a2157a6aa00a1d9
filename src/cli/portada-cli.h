/* portada-cli.h: the headless subcommands of the portada program.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
#define PORTADA_EXIT_OK 0
#define PORTADA_EXIT_PROBLEMS 1 /* the command ran and found problems */
#define PORTADA_EXIT_UNUSABLE 2 /* bad arguments, or a file that cannot be used */

gboolean portada_cli_is_command (const char *name);
int portada_cli_main (int argc, char *argv[]);

/* Shared by the subcommands: parses @entries, prints the error and returns FALSE on
 * bad arguments. */
gboolean portada_cli_parse (const char *command, const char *parameter, const char *summary,
                            GOptionEntry *entries, int *argc, char ***argv);
/* Prints "portada: MESSAGE" on standard error. */
void portada_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* @text with every control character (C0, DEL, C1, direction overrides) shown
 * as \xNN or \uNNNN, so that nothing read from a file reaches the terminal as
 * an escape sequence. */
char *portada_cli_escape (const char *text);
/* printf to @out, each line escaped as portada_cli_escape() does. */
void portada_cli_print (FILE *out, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Whether progress should be printed: standard error is a terminal and not --quiet. */
gboolean portada_cli_show_progress (gboolean quiet);

int portada_cli_demo (int argc, char *argv[]);
int portada_cli_check (int argc, char *argv[]);
int portada_cli_repair (int argc, char *argv[]);
int portada_cli_import (int argc, char *argv[]);
int portada_cli_export (int argc, char *argv[]);
int portada_cli_sponsors (int argc, char *argv[]);
int portada_cli_publish (int argc, char *argv[]);
int portada_cli_trash (int argc, char *argv[]);
int portada_cli_sync (int argc, char *argv[]);
int portada_cli_clone (int argc, char *argv[]);

G_END_DECLS
