/* portada-articles.h: the newsroom's articles, stored and queried.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-article.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

/* How often, at least, editing keeps a revision (seconds). */
#define PORTADA_REVISION_INTERVAL (10 * 60)

/* The time saves, revisions and the Trash go by (unix seconds); tests set their
 * own clock, NULL for the real one. */
typedef gint64 (*PortadaClockFunc) (void);
void portada_articles_set_clock (PortadaClockFunc func);
gint64 portada_articles_now (void);

typedef struct
{
  const char *search;  /* full-text query as the user typed it, or NULL */
  const char *lang;    /* NULL for any */
  const char *section; /* section key, NULL for any */
  const char *author;  /* author name, NULL for any */
  int status;          /* a PortadaArticleStatus, or PORTADA_STATUS_ANY */
  gboolean trashed;    /* the Trash's articles instead of the others */
} PortadaArticleQuery;

#define PORTADA_ARTICLE_QUERY_INIT                                                                 \
  {                                                                                                \
    NULL, NULL, NULL, NULL, PORTADA_STATUS_ANY                                                     \
  }

typedef enum
{
  PORTADA_SAVE_DEFAULT = 0,
  PORTADA_SAVE_KEEP_TIMES = 1 << 0,  /* keep created_at / updated_at when set (imports) */
  PORTADA_SAVE_NO_REVISION = 1 << 1, /* bulk writes: the demo, imports */
} PortadaSaveFlags;

/* Newest first: by publish time, drafts by creation time. Summaries only, no body. */
GPtrArray *portada_articles_list (PortadaNewsroom *newsroom, const PortadaArticleQuery *query,
                                  guint offset, guint limit, GError **error);
gint64 portada_articles_count (PortadaNewsroom *newsroom, const PortadaArticleQuery *query,
                               GError **error);

/* The ids of every article @query finds, in list order (as portada_articles_list()). */
GArray *portada_articles_list_ids (PortadaNewsroom *newsroom, const PortadaArticleQuery *query,
                                   GError **error);
/* The summaries of @ids in that order; ids of articles gone since are left out. */
GPtrArray *portada_articles_list_by_ids (PortadaNewsroom *newsroom, const gint64 *ids, guint n_ids,
                                         GError **error);

PortadaArticle *portada_articles_load (PortadaNewsroom *newsroom, gint64 id, GError **error);
PortadaArticle *portada_articles_load_by_uuid (PortadaNewsroom *newsroom, const char *uuid,
                                               GError **error);

/* Inserts (id == 0) or updates. Fills in id, uuid, translation group, slug and times.
 * Keeps a revision of the previous state on a status change, and when the last one is
 * older than PORTADA_REVISION_INTERVAL. */
gboolean portada_articles_save (PortadaNewsroom *newsroom, PortadaArticle *article,
                                PortadaSaveFlags flags, GError **error);
gboolean portada_articles_delete (PortadaNewsroom *newsroom, gint64 id, GError **error);

/* Checks, through a connection of its own as another program would, that the file
 * holds @article as saved (title, body, status, slug): what a window may call
 * "Saved". Fails with PORTADA_ERROR_BUSY when the file is busy, and when a
 * transaction is still open on @newsroom. */
gboolean portada_articles_check_stored (PortadaNewsroom *newsroom, const PortadaArticle *article,
                                        GError **error);

/* The other-language versions of an article (same translation group). */
GPtrArray *portada_articles_translations (PortadaNewsroom *newsroom, const PortadaArticle *article,
                                          GError **error);

/* Up to @limit published articles of the same language sharing the most tags with
 * @article, the most recent first among equals; any section. */
GPtrArray *portada_articles_related (PortadaNewsroom *newsroom, const PortadaArticle *article,
                                     guint limit, GError **error);
/* The same as of @now (unix seconds): what is published after it is not related yet. */
GPtrArray *portada_articles_related_at (PortadaNewsroom *newsroom, const PortadaArticle *article,
                                        guint limit, gint64 now, GError **error);

/* Every tag name in use, for completion. */
GStrv portada_articles_all_tags (PortadaNewsroom *newsroom, GError **error);
GStrv portada_articles_all_authors (PortadaNewsroom *newsroom, GError **error);

G_END_DECLS
