/* portada-exchange.h: what the importers and exporters share.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-demo.h" /* PortadaProgressFunc */
#include "portada-newsroom.h"

G_BEGIN_DECLS

/**
 * PortadaImportSummary:
 * What an import did: how many articles it created, updated and skipped, and one
 * line per skip or note, each naming the file, the item and the reason. Bad items
 * (invalid UTF-8, a missing field, an unknown post type) end up here, never as a
 * failure of the whole import.
 */
typedef struct
{
  guint created;
  guint updated;
  guint skipped;
  GPtrArray *lines; /* char *, in the order they happened */
  /* Pages (About, Advertise...) created and updated. */
  guint pages_created;
  guint pages_updated;
  /* Readers' comments created and updated; of those, how many wait for moderation. */
  guint comments_created;
  guint comments_updated;
  guint comments_pending;
  /* Items of the section bar and the footer links. */
  guint menu_items;
  /* What came in besides articles: rows the import added. */
  guint new_sections;
  guint new_tags;
  guint new_authors;
  /* What was left out, by why: every skip, and items that are not skipped one
   * by one (comments); in the order first met. */
  guint left_out;
  GPtrArray *left_out_why; /* char * */
  GArray *left_out_count;  /* guint, one per left_out_why */
} PortadaImportSummary;

PortadaImportSummary *portada_import_summary_new (void);
void portada_import_summary_free (PortadaImportSummary *summary);
void portada_import_summary_add_line (PortadaImportSummary *summary, const char *format, ...)
    G_GNUC_PRINTF (2, 3);
/* A skip: counted and explained (tallied as an item that could not be read). */
void portada_import_summary_skip (PortadaImportSummary *summary, const char *format, ...)
    G_GNUC_PRINTF (2, 3);
/* A skip of a known kind: tallied under @why ("pages are not articles"). */
void portada_import_summary_skip_kind (PortadaImportSummary *summary, const char *why,
                                       const char *format, ...) G_GNUC_PRINTF (3, 4);
/* @n items left out for the reason @why, without a line each. */
void portada_import_summary_leave_out (PortadaImportSummary *summary, const char *why, guint n);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaImportSummary, portada_import_summary_free)

typedef enum
{
  PORTADA_IMPORT_FORMAT_UNKNOWN,
  PORTADA_IMPORT_FORMAT_WXR,      /* a WordPress eXtended RSS file */
  PORTADA_IMPORT_FORMAT_MARKDOWN, /* a folder of .md files with front matter, or one such file */
} PortadaImportFormat;

/* Recognises the format from the content: XML whose root is an RSS document in the
 * WordPress export namespace, or a folder / a file of Markdown with front matter.
 * Sets error (naming the file) when it is neither. */
PortadaImportFormat portada_import_detect (const char *path, GError **error);

/* Imports @path (WXR file, Markdown folder or file) into @newsroom in one
 * transaction: on error nothing of it is kept. @lang is the language of the
 * content (NULL: the newsroom's default language); a WXR file is one WordPress
 * site, hence one language, while Markdown front matter may name its own.
 * Progress goes to @progress (may be NULL) from the calling thread. */
gboolean portada_import_path (PortadaNewsroom *newsroom, const char *path, const char *lang,
                              PortadaImportSummary *summary, GCancellable *cancellable,
                              PortadaProgressFunc progress, gpointer user_data, GError **error);

/* The same, a WXR file's images taken from @uploads, a copy of the site's
 * wp-content/uploads folder (NULL: none); see portada_wxr_import_with_uploads(). */
gboolean portada_import_path_with_uploads (PortadaNewsroom *newsroom, const char *path,
                                           const char *uploads, const char *lang,
                                           PortadaImportSummary *summary, GCancellable *cancellable,
                                           PortadaProgressFunc progress, gpointer user_data,
                                           GError **error);

/* The entries of the output folder the last export (site, WXR or Markdown) into
 * a previous export left as they were, because that export had not written them
 * (".git/", "CNAME"): relative paths, for the caller to say so. Never NULL. */
GPtrArray *portada_export_take_kept (PortadaNewsroom *newsroom);

G_END_DECLS
