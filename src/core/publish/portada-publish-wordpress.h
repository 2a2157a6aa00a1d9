/* portada-publish-wordpress.h: pushing the newsroom's articles to a live WordPress.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-article.h"
#include "portada-destination.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

/* The revision reason of a post's version kept from the site (portada-revisions.h). */
#define PORTADA_REVISION_REASON_WORDPRESS "wordpress"

typedef enum
{
  PORTADA_WORDPRESS_CREATED,
  PORTADA_WORDPRESS_UPDATED,
  PORTADA_WORDPRESS_UNCHANGED, /* nothing sent: the site has what the last push sent */
  PORTADA_WORDPRESS_CONFLICT,  /* the post changed on the site: not overwritten */
  PORTADA_WORDPRESS_FAILED,    /* the site refused it (@detail says why) */
} PortadaWordpressOutcome;

/* Called once per article. @detail: the site's reason for a failure, what changed for
 * a conflict; NULL otherwise. */
typedef void (*PortadaWordpressArticleFunc) (const PortadaArticle *article,
                                             PortadaWordpressOutcome outcome, gint64 post_id,
                                             const char *detail, gpointer user_data);
/* Something the user should know that is not an article's (a field the site does not
 * take, sent for none of the articles). */
typedef void (*PortadaWordpressNoteFunc) (const char *note, gpointer user_data);

typedef struct
{
  const char *user;     /* the WordPress user; NULL: the destination's */
  const char *password; /* an application password of that user; never stored */
  /* Send even the posts changed on the site (their version is still kept as a
   * revision of the article first). */
  gboolean overwrite_site_changes;
  PortadaWordpressArticleFunc article;
  PortadaWordpressNoteFunc note;
  gpointer user_data;
} PortadaWordpressOptions;

typedef struct
{
  guint created, updated, unchanged, conflicts, failed;
  double seconds;
} PortadaWordpressSummary;

/* Creates or updates a post for every article of @newsroom not in the Trash, over
 * the site's REST API: title, slug, content (the body rendered as for WXR), excerpt,
 * status (Scheduled is "future", with its date) and date, the section as a category
 * and the tags (created when missing), the source and the translation group as post
 * meta when the site registers them. The post's id and its modified_gmt are kept per
 * article and site; only articles that changed since the last push are sent, and a
 * post whose modified_gmt moved since (someone edited it on the site) is not
 * overwritten: its version is kept as a revision of the article (once) and the
 * article reported as a conflict. The mapping is written only for what the site
 * confirmed. Fails as a whole (FALSE) when the site cannot be reached, refuses the
 * login or the user's permission; an article the site refuses is reported and counted
 * in @summary, and the others go on. */
gboolean portada_publish_wordpress (PortadaNewsroom *newsroom,
                                    const PortadaDestination *destination,
                                    const PortadaWordpressOptions *options,
                                    GCancellable *cancellable, PortadaWordpressSummary *summary,
                                    GError **error);

G_END_DECLS
