/* portada-import.c: which importer a path needs.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "portada-exchange-private.h"
#include "portada-markdown-exchange.h"
#include "portada-wxr.h"

static gboolean
starts_with_front_matter (const char *path)
{
  char head[8] = { 0 };
  FILE *f = fopen (path, "rb");
  gsize got;

  if (f == NULL)
    return FALSE;
  got = fread (head, 1, sizeof head - 1, f);
  fclose (f);
  head[got] = '\0';
  return g_str_has_prefix (head, "---\n") || g_str_has_prefix (head, "---\r\n")
         || g_str_has_prefix (head, "\xef\xbb\xbf---");
}

PortadaImportFormat
portada_import_detect (const char *path, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("%s: no such file or folder"),
                   path);
      return PORTADA_IMPORT_FORMAT_UNKNOWN;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return PORTADA_IMPORT_FORMAT_MARKDOWN;
  if (portada_wxr_sniff (path))
    return PORTADA_IMPORT_FORMAT_WXR;
  if (starts_with_front_matter (path))
    return PORTADA_IMPORT_FORMAT_MARKDOWN;
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
               _ ("%s: neither a WordPress export (XML in the namespace "
                  "http://wordpress.org/export/1.x/) nor Markdown with front matter (a first line "
                  "“---”), nor a folder of such files"),
               path);
  return PORTADA_IMPORT_FORMAT_UNKNOWN;
}

gboolean
portada_import_path (PortadaNewsroom *newsroom, const char *path, const char *lang,
                     PortadaImportSummary *summary, GCancellable *cancellable,
                     PortadaProgressFunc progress, gpointer user_data, GError **error)
{
  switch (portada_import_detect (path, error))
    {
      case PORTADA_IMPORT_FORMAT_WXR:
        return portada_wxr_import (newsroom, path, lang, summary, cancellable, progress, user_data,
                                   error);
      case PORTADA_IMPORT_FORMAT_MARKDOWN:
        return portada_markdown_import (newsroom, path, lang, summary, cancellable, progress,
                                        user_data, error);
      case PORTADA_IMPORT_FORMAT_UNKNOWN:
      default:
        return FALSE;
    }
}
