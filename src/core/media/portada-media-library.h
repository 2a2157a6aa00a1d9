/* portada-media-library.h: the newsroom's images as its media library shows them:
 * where each one is used, replaced everywhere at once, deleted once unused.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-media.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef enum
{
  PORTADA_MEDIA_USE_FEATURED, /* an article's featured image */
  PORTADA_MEDIA_USE_BODY,     /* named in an article's text ("media/<sha256>") */
  PORTADA_MEDIA_USE_LOGO,     /* a sponsor's logo */
  PORTADA_MEDIA_USE_ICON,     /* the site's icon or touch icon */
} PortadaMediaUseKind;

typedef struct
{
  PortadaMediaUseKind kind;
  gint64 target_id; /* the article or sponsor; 0 for an icon */
  char *name;       /* its title or name, as a person knows it ("Untitled" when empty) */
} PortadaMediaUse;

void portada_media_use_free (PortadaMediaUse *use);

/* Every use of the image @id (articles in the Trash included: restoring one brings
 * its images back), articles first. A GPtrArray of PortadaMediaUse. */
GPtrArray *portada_media_library_uses (PortadaNewsroom *newsroom, gint64 id, GError **error);

/* Deletes the image @id; refused (PORTADA_ERROR_INVALID, naming a use) while anything
 * uses it. */
gboolean portada_media_library_delete (PortadaNewsroom *newsroom, gint64 id, GError **error);

/* Puts the image @data (checked as every image is: portada_media_import()) in place of
 * @id everywhere it is used, in one transaction: featured images, the articles' text,
 * logos and icons; the new image keeps the old one's alt text, caption and credit
 * where it has none. The old image stays in the newsroom, unused (an earlier revision
 * may name it), for the person to delete. Returns the new image's id, 0 on error
 * (the newsroom unchanged). */
gint64 portada_media_library_replace (PortadaNewsroom *newsroom, gint64 id, const char *filename,
                                      GBytes *data, GError **error);

G_END_DECLS
