/* fuzz-markdown-import.c: any bytes as a Markdown file with front matter: the
 * front matter parser, then the importer (rolled back).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "portada-exchange.h"
#include "portada-front-matter.h"
#include "portada-markdown-exchange.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  PortadaNewsroom *nr = fuzz_newsroom ();
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GHashTable) fields = NULL;
  g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;

  fields = portada_front_matter_parse (text, &body, &error);
  if (fields == NULL)
    g_assert (error != NULL);
  g_clear_error (&error);

  path = fuzz_write_file (data, size, "post.md");
  g_assert (portada_newsroom_begin (nr, NULL));
  if (!portada_markdown_import (nr, path, NULL, summary, NULL, NULL, NULL, &error))
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  portada_newsroom_rollback (nr);
  return 0;
}
