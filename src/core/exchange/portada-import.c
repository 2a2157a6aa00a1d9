/* portada-import.c: which importer a path needs.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "portada-beneath.h"
#include "portada-exchange-private.h"
#include "portada-markdown-exchange.h"
#include "portada-newsroom-private.h"
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
  {
    struct stat st;
    /* A pipe or a device would make the sniffing below wait or read for ever. */
    if (stat (path, &st) == 0 && !S_ISREG (st.st_mode))
      {
        g_autofree char *shown = g_filename_display_name (path);
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, "%s: %s", shown,
                     portada_special_file_kind (st.st_mode));
        return PORTADA_IMPORT_FORMAT_UNKNOWN;
      }
  }
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

/* Rows of the sections, tags and authors tables, for what an import added. */
static gboolean
count_rows (PortadaNewsroom *newsroom, gint64 counts[3], GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT (SELECT count(*) FROM section), (SELECT count(*) FROM tag), "
      "(SELECT count(*) FROM author)",
      error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return portada_newsroom_set_error (newsroom, error, "the newsroom cannot be counted");
  for (int i = 0; i < 3; i++)
    counts[i] = sqlite3_column_int64 (stmt, i);
  return TRUE;
}

gboolean
portada_import_path (PortadaNewsroom *newsroom, const char *path, const char *lang,
                     PortadaImportSummary *summary, GCancellable *cancellable,
                     PortadaProgressFunc progress, gpointer user_data, GError **error)
{
  return portada_import_path_with_uploads (newsroom, path, NULL, lang, summary, cancellable,
                                           progress, user_data, error);
}

gboolean
portada_import_path_with_uploads (PortadaNewsroom *newsroom, const char *path, const char *uploads,
                                  const char *lang, PortadaImportSummary *summary,
                                  GCancellable *cancellable, PortadaProgressFunc progress,
                                  gpointer user_data, GError **error)
{
  gint64 before[3], after[3];
  gboolean ok;

  if (!count_rows (newsroom, before, error))
    return FALSE;
  switch (portada_import_detect (path, error))
    {
      case PORTADA_IMPORT_FORMAT_WXR:
        ok = portada_wxr_import_with_uploads (newsroom, path, uploads, lang, summary, cancellable,
                                              progress, user_data, error);
        break;
      case PORTADA_IMPORT_FORMAT_MARKDOWN:
        ok = portada_markdown_import (newsroom, path, lang, summary, cancellable, progress,
                                      user_data, error);
        break;
      case PORTADA_IMPORT_FORMAT_UNKNOWN:
      default:
        return FALSE;
    }
  if (!ok || !count_rows (newsroom, after, error))
    return FALSE;
  summary->new_sections += MAX (after[0] - before[0], 0);
  summary->new_tags += MAX (after[1] - before[1], 0);
  summary->new_authors += MAX (after[2] - before[2], 0);
  return TRUE;
}
