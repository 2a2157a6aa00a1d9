/* portada-menu.h: the site's menus, per language: the section bar and the footer
 * links, each an ordered list of items pointing to a section, a page, an article
 * or a URL. With no section bar stored, the site shows its sections.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_MENU_BAR "bar"
#define PORTADA_MENU_FOOTER "footer"

typedef enum
{
  PORTADA_MENU_SECTION, /* target: a section key */
  PORTADA_MENU_PAGE,    /* target: a page uuid */
  PORTADA_MENU_ARTICLE, /* target: an article uuid */
  PORTADA_MENU_URL,     /* target: an http(s) URL */
} PortadaMenuKind;

typedef struct
{
  char *label; /* "" : the target's own name */
  PortadaMenuKind kind;
  char *target;
} PortadaMenuItem;

PortadaMenuItem *portada_menu_item_new (const char *label, PortadaMenuKind kind,
                                        const char *target);
void portada_menu_item_free (PortadaMenuItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaMenuItem, portada_menu_item_free)

/* Replaces the menu @menu (PORTADA_MENU_BAR or _FOOTER) of @lang by @items
 * (PortadaMenuItem, in order; empty: no such menu), in one transaction. An item
 * without a target is refused (PORTADA_ERROR_INVALID, naming it). */
gboolean portada_menu_replace (PortadaNewsroom *newsroom, const char *lang, const char *menu,
                               GPtrArray *items, GError **error);
/* The items of the menu, in order; empty when there is none. */
GPtrArray *portada_menu_load (PortadaNewsroom *newsroom, const char *lang, const char *menu,
                              GError **error);

G_END_DECLS
