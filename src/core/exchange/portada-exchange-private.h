/* portada-exchange-private.h: helpers of the importers and exporters (core only).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-article.h"
#include "portada-exchange.h"
#include "portada-settings.h"

G_BEGIN_DECLS

/* An export written into a staging folder beside its target and swapped in at
 * the end: a failed or cancelled export leaves the previous one as it was. */
typedef struct _PortadaOutputDir PortadaOutputDir;

/* Checks that @target's parent exists and is writable, and that @target is absent,
 * empty, or an earlier Portada export of @format; creates the staging folder. */
PortadaOutputDir *portada_output_dir_begin (PortadaNewsroom *newsroom, const char *target,
                                            const char *format, GError **error);
/* Writes @relpath (slash-separated) under the staging folder, making folders,
 * through the folder's descriptor (portada-beneath.h): never through a link. */
gboolean portada_output_dir_write (PortadaOutputDir *dir, const char *relpath, const char *data,
                                   gssize len, GError **error);
/* Creates @relpath the same way and returns its descriptor for writing (-1). */
int portada_output_dir_create (PortadaOutputDir *dir, const char *relpath, GError **error);
/* Carries what the user added beside an earlier export into the new one (named
 * by portada_export_take_kept()), swaps the staging folder in and frees @dir. */
gboolean portada_output_dir_commit (PortadaOutputDir *dir, GError **error);
/* Removes the staging folder and frees @dir; the target is untouched. */
void portada_output_dir_abort (PortadaOutputDir *dir);

/* Staging folders are named .<target's name>.<infix>XXXXXX beside the target.
 * portada_staging_lock() holds one for as long as the returned descriptor is open
 * (-1 when it cannot); portada_staging_sweep() removes those that no live export
 * holds: what exports killed midway left behind. */
int portada_staging_lock (const char *path);
void portada_staging_sweep (const char *target, const char *infix);

/* Hands the entries an export left as they were to portada_export_take_kept(). */
void portada_exchange_set_kept (PortadaNewsroom *newsroom, GPtrArray *kept);

/* Removes a folder and everything under it (no symlink is followed). */
void portada_remove_tree (const char *path);

/* Sets an error naming @lang when the newsroom has no such language (NULL: any). */
gboolean portada_exchange_check_export_lang (PortadaNewsroom *newsroom, const char *lang,
                                             GError **error);

/* Sets PORTADA_ERROR_CANCELLED when @cancellable is cancelled. */
gboolean portada_exchange_check_cancelled (GCancellable *cancellable, GError **error);

/* The language to import into: @lang, or the newsroom's default; added to the
 * newsroom's languages when it is not there yet. */
char *portada_exchange_import_lang (PortadaNewsroom *newsroom, const char *lang, GError **error);

/* A stable UUID (version 5 layout, SHA-1) for a foreign identifier such as a
 * WordPress guid; a string that already is a UUID is returned as it is (lowercase). */
char *portada_exchange_uuid_for (const char *name);

/* Finds or creates the section @key; when created (or missing a label in @lang)
 * it gets @name and @path in @lang. @path may be NULL (then @key). */
gboolean portada_exchange_ensure_section (PortadaNewsroom *newsroom, const char *key,
                                          const char *lang, const char *name, const char *path,
                                          PortadaImportSummary *summary, GError **error);

/* Whether @path is a section path the newsroom accepts ("noticias/economia"). */
gboolean portada_exchange_valid_path (const char *path);

/* The id of the article with @uuid, or 0. */
gint64 portada_exchange_find_uuid (PortadaNewsroom *newsroom, const char *uuid, GError **error);
/* The id of the article of @lang in translation group @group, or 0. */
gint64 portada_exchange_find_translation (PortadaNewsroom *newsroom, const char *group,
                                          const char *lang, GError **error);
/* The id of the article of @lang with @slug (and @section key when not NULL), or 0. */
gint64 portada_exchange_find_slug (PortadaNewsroom *newsroom, const char *slug, const char *lang,
                                   const char *section, GError **error);

/* A text made safe to store: valid UTF-8 (bad bytes become U+FFFD), no NUL and no
 * C0 control other than tab and newline. Sets *@changed when something was replaced. */
char *portada_exchange_clean_text (const char *text, gssize len, gboolean *changed);

/* @text as XML 1.0 can carry it, in any element or attribute: valid UTF-8, and
 * without the characters XML has no place for (C0 controls but tab and newlines,
 * U+FFFE, U+FFFF), which are dropped. */
char *portada_xml_clean (const char *text);

/* When @a is valid but for its source URL, clears that URL and returns TRUE. */
gboolean portada_exchange_drop_bad_source_url (PortadaArticle *a);

/* Names in @summary each remote image of @a's body (never loaded on the site nor in
 * the preview: shown as a link), "@where: “title”: …". */
void portada_exchange_note_remote_images (PortadaImportSummary *summary, const char *where,
                                          const PortadaArticle *a);

/* The time in RFC 3339 UTC ("2023-10-04T14:30:00Z"), or NULL for 0. */
char *portada_exchange_format_time (gint64 t);
/* Parses RFC 3339 / ISO 8601 ("2023-10-04T14:30:00Z", "2023-10-04 14:30:00 +0000",
 * "2023-10-04"); a time without zone is UTC. Returns FALSE when it is not a date. */
gboolean portada_exchange_parse_time (const char *text, gint64 *out);

G_END_DECLS
