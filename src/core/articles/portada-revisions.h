/* portada-revisions.h: the earlier versions of an article.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-article.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  gint64 article_id;
  gint64 created_at;
  char *reason; /* "status", "autosave", "restore" */
  PortadaArticleStatus status;
  char *title;
  char *subtitle;
  char *excerpt;
  char *body;   /* NULL in lists; loaded by portada_revisions_load() */
  char *author; /* who was editing: the newsroom's default author, else the user; "" when unknown */
} PortadaRevision;

void portada_revision_free (PortadaRevision *revision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaRevision, portada_revision_free)

/* Who is editing now, as revisions record it: the author set in Preferences, else the
 * user's name. */
char *portada_revisions_editor_name (PortadaNewsroom *newsroom);

gboolean portada_revisions_add (PortadaNewsroom *newsroom, const PortadaArticle *article,
                                const char *reason, gint64 when, GError **error);
/* Newest first, without bodies. */
GPtrArray *portada_revisions_list (PortadaNewsroom *newsroom, gint64 article_id, GError **error);
PortadaRevision *portada_revisions_load (PortadaNewsroom *newsroom, gint64 revision_id,
                                         GError **error);
/* Time of the newest revision of an article, 0 when it has none, -1 on error. */
gint64 portada_revisions_last_time (PortadaNewsroom *newsroom, gint64 article_id, GError **error);
/* Puts a revision's text back into its article, keeping the current text as a revision first. */
gboolean portada_revisions_restore (PortadaNewsroom *newsroom, gint64 revision_id, GError **error);

G_END_DECLS
