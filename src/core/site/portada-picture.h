/* portada-picture.h: the one builder of an image as a page shows it.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In an export, a raster image becomes <picture> with a WebP <source> and an <img>
 * in the original's format, both with srcset over the responsive set (see
 * portada-media-derive.h), sizes, width, height, decoding="async" and, but for
 * the lead image, loading="lazy". SVG stays one <img>. In the preview, an <img>
 * on portada://asset/media/<sha256>.
 *
 * Body text names a stored image as "media/<sha256>" (what Insert Image writes);
 * portada_picture_resolve_body() turns those <img> into the above.
 */

#pragma once

#include <libxml/tree.h>

#include "portada-site-private.h"

G_BEGIN_DECLS

#define PORTADA_PICTURE_BODY_SIZES "(min-width: 48rem) 46rem, 100vw"
#define PORTADA_PICTURE_LEAD_SIZES "100vw"

/* @prefix: the page's way back to the site's root ("../../"). @alt NULL: the
 * image's own alt text. */
xmlNodePtr portada_picture_node (PortadaSite *site, xmlDocPtr doc, const char *prefix,
                                 const PortadaMedia *media, const char *alt, const char *sizes,
                                 gboolean lazy);
/* The rendered body @html with every <img src="media/<sha256>"> resolved; an
 * image the newsroom does not have keeps its <img>, with no src. */
char *portada_picture_resolve_body (PortadaSite *site, const char *prefix, const char *html);
/* The files of an image's responsive set, from the site's root:
 * "assets/media/<16 hex>-<width>.<ext>". */
char *portada_picture_derived_asset (const PortadaMedia *media, int width, const char *extension);
/* The stored image of sha256 @sha256, loaded once per site; NULL when missing. */
PortadaMedia *portada_site_media_by_sha (PortadaSite *site, const char *sha256);
/* The sha256 of every "media/<sha256>" that @text names, added to @shas (a set). */
void portada_picture_collect_refs (const char *text, GHashTable *shas);

G_END_DECLS
