/* portada-article-search.h: finding articles in a thread, without blocking the window.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-articles.h"

G_BEGIN_DECLS

typedef struct
{
  GArray *ids;     /* gint64: every article found, in list order */
  GPtrArray *page; /* PortadaArticleSummary: the first of them, in that order */
} PortadaArticleSearchResult;

void portada_article_search_result_free (PortadaArticleSearchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaArticleSearchResult, portada_article_search_result_free)

/* Runs the query on @newsroom, here and now (the reader's thread, or a caller that
 * can wait). The first @page_size summaries come with the ids. */
PortadaArticleSearchResult *portada_article_search_run (PortadaNewsroom *newsroom,
                                                        const PortadaArticleQuery *query,
                                                        guint page_size, GError **error);

#define PORTADA_TYPE_ARTICLE_SEARCH (portada_article_search_get_type ())
G_DECLARE_FINAL_TYPE (PortadaArticleSearch, portada_article_search, PORTADA, ARTICLE_SEARCH,
                      GObject)

/* Searches of @newsroom's file on a reader connection of their own, in a thread. */
PortadaArticleSearch *portada_article_search_new (PortadaNewsroom *newsroom);

/* Starts a search; a search still running is cancelled first (it finishes with
 * G_IO_ERROR_CANCELLED). The callback runs in the caller's main context. */
void portada_article_search_start (PortadaArticleSearch *self, const PortadaArticleQuery *query,
                                   guint page_size, GAsyncReadyCallback callback,
                                   gpointer user_data);
PortadaArticleSearchResult *portada_article_search_finish (PortadaArticleSearch *self,
                                                           GAsyncResult *result, GError **error);
/* Cancels the search running, if any. */
void portada_article_search_cancel (PortadaArticleSearch *self);

G_END_DECLS
