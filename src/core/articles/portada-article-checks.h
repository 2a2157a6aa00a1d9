/* portada-article-checks.h: what an editor should fix in the articles.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-article.h"
#include "portada-newsroom.h"
#include "portada-problem.h"

G_BEGIN_DECLS

/* PortadaProblem array: published or scheduled articles without a date, articles
 * without a title, slugs that are not valid URL parts, two articles of one language
 * in a translation group, a source name without its address or the reverse. */
GPtrArray *portada_article_checks_run (PortadaNewsroom *newsroom, GError **error);

/* What a writer is asked about before an article is published or exported: no
 * title, no section, an image without alternative text (in the body, or the
 * featured image when @newsroom is given), an empty body. One translated
 * sentence per problem; empty when there is none. */
GPtrArray *portada_article_checks_before_publish (PortadaNewsroom *newsroom,
                                                  const PortadaArticle *article);

/* The same questions for every article an export at @now would publish (published,
 * or scheduled for @now or before, not in the Trash): a PortadaProblem per problem
 * (kind "publish-no-title", "publish-no-section", "publish-empty", "publish-no-alt",
 * "publish-featured-no-alt"), at most @max of them, newest articles first; *@total
 * (when given) says how many there are in all. One query per kind: quick on a
 * newsroom of 10,000 articles. */
GPtrArray *portada_article_checks_before_export (PortadaNewsroom *newsroom, gint64 now, guint max,
                                                 guint *total, GError **error);

G_END_DECLS
