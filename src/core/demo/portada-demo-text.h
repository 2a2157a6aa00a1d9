/* portada-demo-text.h: the words of the demo newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-article.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;
  const char *section;
  const char *opening; /* the first paragraph; the page's "more like this" excerpt */
  guint extra_words;   /* generated words after the opening */
  int year, month, day;
  const char *const tags[4];
} PortadaDemoRelated;

/* The five "more like this" articles of the published seed page, in its order. */
extern const PortadaDemoRelated portada_demo_related[5];

char *portada_demo_related_body (const PortadaDemoRelated *related);

/* Article @index of the generated set: the same index and generator state give the
 * same article on every machine. */
PortadaArticle *portada_demo_generate_article (GRand *rand, guint index);

G_END_DECLS
