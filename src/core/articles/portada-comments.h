/* portada-comments.h: readers' comments on articles, threaded (a comment may
 * answer another of the same article), approved or waiting for moderation.
 * Spam and trash are never kept. The text is Markdown, shown through the same
 * renderer and sanitizer as an article body.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef enum
{
  PORTADA_COMMENT_PENDING,  /* waiting for moderation: not on the site */
  PORTADA_COMMENT_APPROVED, /* shown on the article's page */
} PortadaCommentStatus;

typedef enum
{
  PORTADA_COMMENT_KIND_COMMENT,
  PORTADA_COMMENT_KIND_PINGBACK,
  PORTADA_COMMENT_KIND_TRACKBACK,
} PortadaCommentKind;

typedef struct
{
  gint64 id; /* 0 until saved */
  char *uuid;
  gint64 article_id;
  gint64 parent_id; /* 0: none */
  PortadaCommentKind kind;
  char *author;
  char *author_email; /* never shown on the site */
  char *author_url;
  gint64 created_at;
  char *body; /* Markdown */
  PortadaCommentStatus status;
  guint depth; /* set by portada_comments_list(): 0 at the top of a thread */
} PortadaComment;

PortadaComment *portada_comment_new (void);
void portada_comment_free (PortadaComment *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaComment, portada_comment_free)

const char *portada_comment_status_to_string (PortadaCommentStatus status);
const char *portada_comment_kind_to_string (PortadaCommentKind kind);

/* Inserts (@comment->id 0: a uuid is made when it has none) or updates the
 * comment. The article must exist; a parent must be a comment of the same
 * article, and not the comment itself or one of its replies
 * (PORTADA_ERROR_INVALID, naming the comment by its author). Stamps created_at
 * when 0. */
gboolean portada_comments_save (PortadaNewsroom *newsroom, PortadaComment *comment, GError **error);
/* NULL with PORTADA_ERROR_NOT_FOUND when there is no such comment. */
PortadaComment *portada_comments_load (PortadaNewsroom *newsroom, gint64 id, GError **error);
/* The id of the comment with this uuid, 0 when none, -1 on a database error. */
gint64 portada_comments_find_uuid (PortadaNewsroom *newsroom, const char *uuid, GError **error);
/* The comments of an article (@approved_only: those the site shows) as threads:
 * each comment followed by its replies, oldest first at every level, with its
 * depth set. A reply whose parent is not listed (waiting for moderation) starts
 * a thread of its own. */
GPtrArray *portada_comments_list (PortadaNewsroom *newsroom, gint64 article_id,
                                  gboolean approved_only, GError **error);

/* Approves a comment or holds it back for moderation. */
gboolean portada_comments_set_status (PortadaNewsroom *newsroom, gint64 id,
                                      PortadaCommentStatus status, GError **error);

/* The newsroom answers comment @parent_id: a new approved comment of the same article
 * under it, by @author (the newsroom's name), with @body (Markdown). A body of only
 * blanks is refused (PORTADA_ERROR_INVALID). Returns the new comment's id, 0 on error. */
gint64 portada_comments_reply (PortadaNewsroom *newsroom, gint64 parent_id, const char *author,
                               const char *body, GError **error);

/* What portada_comments_delete() took away: the comment, and the replies that
 * answered it (they stay, at the top of the thread, until it is restored). */
typedef struct
{
  PortadaComment *comment;
  GArray *replies; /* gint64 comment ids */
} PortadaCommentDeletion;

void portada_comment_deletion_free (PortadaCommentDeletion *deletion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaCommentDeletion, portada_comment_deletion_free)

/* Deletes a comment, in one transaction; NULL with PORTADA_ERROR_NOT_FOUND when
 * there is no such comment. */
PortadaCommentDeletion *portada_comments_delete (PortadaNewsroom *newsroom, gint64 id,
                                                 GError **error);
/* Undoes a deletion: the comment again under its id, its replies under it. */
gboolean portada_comments_restore (PortadaNewsroom *newsroom,
                                   const PortadaCommentDeletion *deletion, GError **error);

G_END_DECLS
