/* portada-pages.h: pages, the newsroom's own texts (About, Advertise, Contact,
 * Privacy): a title and a Markdown body per language, no date, section or tags,
 * in a hierarchy (a page may have a parent) and an order among its siblings.
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
  gint64 id; /* 0 until saved */
  char *uuid;
  char *lang;
  char *title;
  char *slug;       /* unique among the pages of its language with the same parent */
  gint64 parent_id; /* 0: none */
  int menu_order;
  PortadaArticleStatus status;
  char *translation_group;
  char *body; /* Markdown */
  gint64 created_at;
  gint64 updated_at;
} PortadaPage;

PortadaPage *portada_page_new (void);
void portada_page_free (PortadaPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaPage, portada_page_free)

/* Inserts (@page->id 0: a uuid is made when it has none) or updates the page.
 * The slug comes from the title when empty or invalid, and gets a number when a
 * sibling has it. A parent that is the page itself, one of its descendants, or
 * of another language is refused (PORTADA_ERROR_INVALID, naming the page). Keeps
 * created_at and updated_at when set, otherwise stamps them. */
gboolean portada_pages_save (PortadaNewsroom *newsroom, PortadaPage *page, GError **error);

/* NULL with PORTADA_ERROR_NOT_FOUND when there is no such page. */
PortadaPage *portada_pages_load (PortadaNewsroom *newsroom, gint64 id, GError **error);
/* The id of the page with this uuid, 0 when none, -1 on a database error. */
gint64 portada_pages_find_uuid (PortadaNewsroom *newsroom, const char *uuid, GError **error);
/* Every page of @lang (NULL: every language), parents before children, in menu
 * order. */
GPtrArray *portada_pages_list (PortadaNewsroom *newsroom, const char *lang, GError **error);

G_END_DECLS
