/* portada-wordpress-posts.h: each article's post on a WordPress site (private).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

/* An article's post on a site, as the last push left it. */
typedef struct
{
  gint64 post_id;
  char *modified_gmt;         /* the post's, after the last push */
  char *sent_sha256;          /* what that push sent */
  char *site_sha256;          /* the post's fields as the site answered */
  char *conflict_site_sha256; /* the site's version already kept as a revision */
} PortadaWpPost;

void portada_wp_post_clear (PortadaWpPost *post);

/* Fills @post (post_id 0 when the article has none on @site). */
gboolean portada_wp_posts_load (PortadaNewsroom *newsroom, const char *site, gint64 article_id,
                                PortadaWpPost *post, GError **error);
/* What the site confirmed: the post and its modified_gmt after this push. */
gboolean portada_wp_posts_store (PortadaNewsroom *newsroom, const char *site, gint64 article_id,
                                 gint64 post_id, const char *modified_gmt, const char *sha256,
                                 const char *site_sha256, GError **error);
/* Whether @post_id is an article's post already (TRUE when it cannot be told). */
gboolean portada_wp_posts_taken (PortadaNewsroom *newsroom, const char *site, gint64 post_id);
gboolean portada_wp_posts_forget (PortadaNewsroom *newsroom, const char *site, gint64 article_id,
                                  GError **error);
/* The site's version @site_sha256 is kept as a revision now. */
gboolean portada_wp_posts_mark_conflict (PortadaNewsroom *newsroom, const char *site,
                                         gint64 article_id, const char *site_sha256,
                                         GError **error);

G_END_DECLS
