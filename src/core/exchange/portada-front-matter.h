/* portada-front-matter.h: the YAML front matter of a Markdown file (Hugo, Jekyll).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text as a YAML double-quoted scalar: quotes, backslashes, line breaks
 * and every control or invisible line-breaking character escaped, so that any
 * string reads back the same in Hugo, Jekyll and Portada. */
void portada_yaml_append_string (GString *out, const char *text);

typedef struct
{
  char *scalar; /* NULL for a list */
  GStrv list;   /* NULL for a scalar */
  gboolean quoted;
  int line;
} PortadaYamlValue;

/* The front matter of @text: the lines between a first line "---" and the next
 * "---" (or "..."), read as a YAML mapping of scalars and lists of scalars
 * (plain, single- and double-quoted, block | and >, flow [a, b] and block "- a").
 * Returns a table of key → PortadaYamlValue and the Markdown after it in @body;
 * on a problem sets error with the line number. */
GHashTable *portada_front_matter_parse (const char *text, char **body, GError **error);

/* Reads a YAML boolean (true/false, yes/no, on/off). */
gboolean portada_yaml_parse_bool (const char *scalar, gboolean *value);

G_END_DECLS
