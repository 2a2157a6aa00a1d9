/* portada-wxr.h: WordPress eXtended RSS (WXR 1.2), both ways.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-exchange.h"

G_BEGIN_DECLS

/* Whether @path starts like a WordPress export: XML whose content uses the
 * namespace http(s)://wordpress.org/export/1.x/. Reads at most the first 64 KB. */
gboolean portada_wxr_sniff (const char *path);

/* Imports the posts of a WXR file into @newsroom as articles of @lang (NULL: the
 * newsroom's default language), in one transaction. HTML bodies become Markdown;
 * categories become sections (created when missing), tags tags. Pages,
 * attachments, menu items and other post types are skipped, each with its reason
 * in @summary. A post already imported (same guid) is updated, never duplicated.
 * The file is read as a stream with libxml2's reader: no network, no DTD, no
 * external entity; a file declaring entities is refused at once. Malformed XML
 * fails with "FILE:LINE: problem" and leaves the newsroom as it was. Invalid UTF-8
 * is replaced by U+FFFD and reported in @summary. */
gboolean portada_wxr_import (PortadaNewsroom *newsroom, const char *path, const char *lang,
                             PortadaImportSummary *summary, GCancellable *cancellable,
                             PortadaProgressFunc progress, gpointer user_data, GError **error);
/* The same with @uploads, a copy of the site's wp-content/uploads folder (or NULL):
 * the attachments, the featured images (_thumbnail_id) and the text's images that point
 * at the site's uploads are taken from it by the path their address names (a resized
 * copy such as photo-300x200.jpg by its original), read beneath it only (no link
 * followed, no ".."), checked as every image is; what it lacks is listed by name.
 * Nothing is ever downloaded. */
gboolean portada_wxr_import_with_uploads (PortadaNewsroom *newsroom, const char *path,
                                          const char *uploads, const char *lang,
                                          PortadaImportSummary *summary, GCancellable *cancellable,
                                          PortadaProgressFunc progress, gpointer user_data,
                                          GError **error);

/* Writes one WXR 1.2 file per language (@lang NULL: every language) into
 * @out_dir, named <lang>.wxr.xml: the channel with its authors, categories (the
 * sections) and tags, an item per article (content:encoded is the rendered,
 * sanitized HTML), and an attachment item per featured image. @out_dir is written
 * beside itself and swapped in at the end: on failure or cancellation the
 * previous export stays as it was. */
gboolean portada_wxr_export (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                             GCancellable *cancellable, PortadaProgressFunc progress,
                             gpointer user_data, GError **error);

/* The content:encoded of an article body: its Markdown rendered and sanitized, a
 * newline after every block element and nowhere else but in <pre>. */
char *portada_wxr_body_html (const char *markdown);

/* Titles, excerpts and display names to WordPress: as typed, but a "<" that
 * would open a tag written &lt; and a "&" that would start a character
 * reference written &amp;; and back (Portada's own files only). */
char *portada_wxr_text_to_wp (const char *text);
char *portada_wxr_text_from_wp (const char *text);

G_END_DECLS
