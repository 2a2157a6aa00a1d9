/* portada-article.h: one article, as the editor and the renderer see it.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PORTADA_STATUS_DRAFT,
  PORTADA_STATUS_REVIEW,
  PORTADA_STATUS_SCHEDULED,
  PORTADA_STATUS_PUBLISHED,
  PORTADA_STATUS_ARCHIVED,
} PortadaArticleStatus;

#define PORTADA_STATUS_ANY (-1)

const char *portada_article_status_to_string (PortadaArticleStatus status);
gboolean portada_article_status_from_string (const char *text, PortadaArticleStatus *status);

typedef struct
{
  gint64 id;               /* 0 until stored */
  char *uuid;              /* stable; the WXR guid */
  char *lang;              /* "en", "es" */
  char *translation_group; /* shared by an article and its translations */
  char *section;           /* section key, NULL for none */
  char *title;
  char *subtitle;
  char *slug; /* derived from the title when empty */
  PortadaArticleStatus status;
  char *author;      /* author name, NULL for none */
  gint64 publish_at; /* unix time UTC; 0 when not set */
  gint64 created_at;
  gint64 updated_at;
  char *excerpt;
  char *body; /* Markdown */
  char *source_name;
  char *source_url;
  gint64 featured_media_id; /* 0 for none */
  gboolean comments_enabled;
  GStrv tags;
  gint64 first_published_at; /* 0 until first published; from then on the slug stays */
  gint64 deleted_at;         /* 0, or when it went to the Trash */
} PortadaArticle;

PortadaArticle *portada_article_new (void);
PortadaArticle *portada_article_copy (const PortadaArticle *article);
void portada_article_free (PortadaArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaArticle, portada_article_free)

/* What the article list shows: no body. */
typedef struct
{
  gint64 id;
  char *uuid;
  char *lang;
  char *title;
  char *slug;
  char *section;
  char *author;
  PortadaArticleStatus status;
  gint64 publish_at;
  gint64 updated_at;
} PortadaArticleSummary;

void portada_article_summary_free (PortadaArticleSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaArticleSummary, portada_article_summary_free)

/* Words of a Markdown text, not counting its markup. */
guint portada_text_count_words (const char *markdown);
/* Minutes at 200 words a minute, rounded up, at least 1. */
guint portada_reading_time_minutes (guint words);

/* Checks the fields a user types; names the field and the problem. */
gboolean portada_article_validate (const PortadaArticle *article, GError **error);

G_END_DECLS
