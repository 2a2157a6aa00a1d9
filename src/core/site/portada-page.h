/* portada-page.h: the one renderer of the site's pages, for the preview and the export.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-article.h"
#include "portada-newsroom.h"
#include "portada-placement.h"

G_BEGIN_DECLS

typedef enum
{
  PORTADA_ASSETS_PREVIEW, /* portada://asset/<path>, resolved by portada_site_lookup_asset() */
  PORTADA_ASSETS_EXPORT,  /* relative links into assets/, content-hashed names */
} PortadaAssetMode;

typedef struct
{
  const char *date; /* "YYYY-MM-DD" shown as of (which sponsors, in which order); NULL = today */
  PortadaAssetMode assets;
} PortadaRenderOptions;

/* The article page (SITE-FORMAT.md): the ten blocks in order, labels in the article's
 * language. @article may be unsaved or edited (the editor's current state). The body
 * is inside the element with id="portada-body". In PREVIEW mode links to other pages
 * are absolute (the site's base URL); in EXPORT mode they are relative, as in the
 * exported tree. @options may be NULL (today, PREVIEW). */
char *portada_page_render_article (PortadaNewsroom *newsroom, const PortadaArticle *article,
                                   const PortadaRenderOptions *options, GError **error);

/* A small standalone page with one strip (a placement), for the sponsor manager. */
char *portada_page_render_strip (PortadaNewsroom *newsroom, const PortadaPlacement *placement,
                                 const char *lang, const PortadaRenderOptions *options,
                                 GError **error);

/* Resolves the path of a portada://asset/<path> URL: "theme/style.css" (and the other
 * theme files), "media/<sha256>" (an image of the newsroom). Sets @mime_type. */
GBytes *portada_site_lookup_asset (PortadaNewsroom *newsroom, const char *path, char **mime_type,
                                   GError **error);

G_END_DECLS
