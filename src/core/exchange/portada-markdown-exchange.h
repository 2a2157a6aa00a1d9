/* portada-markdown-exchange.h: articles as Markdown files with YAML front matter.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-article.h"
#include "portada-exchange.h"

G_BEGIN_DECLS

/* Writes one file per article, content/<lang>/<section>/<slug>.md (a slug used
 * twice in a section gets its year: <slug>-<yyyy>.md), each with YAML front
 * matter (title, subtitle, slug, url, date, lastmod, draft, status, section,
 * lang, author, tags, summary, source, source_url, translationKey, uuid,
 * comments) and the Markdown body; a content/<lang>/<section>/_index.md per
 * section (its name, url and path in that language); and hugo.toml (both
 * languages, each with its contentDir). "hugo" in the folder builds every
 * article public today at its Portada address ("url"), the rest being drafts.
 * @lang NULL: every language.
 * @out_dir is written beside itself and swapped in at the end: on failure or
 * cancellation the previous export stays as it was. */
gboolean portada_markdown_export (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                                  GCancellable *cancellable, PortadaProgressFunc progress,
                                  gpointer user_data, GError **error);

/* The front matter and body of one article, as the export writes it. */
char *portada_markdown_export_article (PortadaNewsroom *newsroom, const PortadaArticle *article);

/* Imports a folder (recursively: every .md and .markdown file) or one file. Each
 * file that cannot be read is a line in @summary. Section pages (_index.md, as
 * the export writes them) are read first: they name a section in a language
 * the newsroom has no name for yet. An article is matched by its
 * uuid, then translationKey + lang, then slug + lang + section, and updated;
 * otherwise created. @lang is used when a file names none (NULL: the newsroom's
 * default). One transaction. */
gboolean portada_markdown_import (PortadaNewsroom *newsroom, const char *path, const char *lang,
                                  PortadaImportSummary *summary, GCancellable *cancellable,
                                  PortadaProgressFunc progress, gpointer user_data, GError **error);

G_END_DECLS
