/* portada-site-private.h: what the page renderer and the site export share (core only).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-media.h"
#include "portada-page.h"
#include "portada-settings.h"
#include "portada-sponsor.h"

G_BEGIN_DECLS

#define PORTADA_ASSET_SCHEME "portada://asset/"
#define PORTADA_EXCERPT_WORDS 25

/* Everything a page needs that is the same for every page of an export: loaded once. */
typedef struct
{
  PortadaNewsroom *newsroom;
  PortadaAssetMode assets;
  char *date; /* YYYY-MM-DD */
  char *site_title;
  char *base_url; /* without the trailing slash */
  char *default_lang;
  char *subscribe_url;
  char *comments_url;
  guint page_size;
  guint reading_threshold; /* minutes from which a teaser shows its reading time */
  PortadaMedia *favicon;   /* the newsroom's icons (borrowed from media), NULL: the theme's */
  PortadaMedia *touch_icon;
  GHashTable *list_names;     /* logo list id -> name */
  GPtrArray *languages;       /* PortadaLanguage */
  GPtrArray *sections;        /* PortadaSection */
  GHashTable *section_by_key; /* key -> PortadaSection */
  GPtrArray *placements;      /* PortadaPlacement, page order */
  GHashTable *sponsors;       /* id -> PortadaSponsor */
  GHashTable *shown;          /* list id -> GArray of PortadaStripEntry shown on date */
  GHashTable *media;          /* id -> PortadaMedia (NULL value: missing) */
  GHashTable *used_media;     /* id -> PortadaMedia: the images the pages link to */
  GHashTable *media_by_sha;   /* sha256 -> PortadaMedia (NULL: missing); under lock */
  char *fingerprint;          /* hash of all of the above: pages depend on it */
  GHashTable *logo_html;      /* "prefix\x1flang" -> (sponsor id -> a logo's HTML), made once */
  GHashTable *menus;          /* "lang\x1fmenu" -> GPtrArray of PortadaMenuLink (bar, footer) */
  GPtrArray *pages;           /* PortadaSitePage: the published pages, parents first */
  GMutex lock;                /* for logo_html and used_media: pages render on threads */
} PortadaSite;

/* A published page (About, Contact...) where the site has it: /<lang>/<slug>/, a
 * child under its parent's path. */
typedef struct
{
  gint64 id;
  gint64 parent_id;
  gint64 updated_at;
  char *uuid;
  char *lang;
  char *title;
  char *group; /* translation group, NULL: none */
  char *path;
} PortadaSitePage;

/* The page with this uuid, NULL when the site has none. */
const PortadaSitePage *portada_site_page_by_uuid (PortadaSite *site, const char *uuid);
/* A page: title and Markdown body, no date, section or related block. @alternates:
 * PortadaAlternate of its translations. */
char *portada_site_render_page (PortadaSite *site, const PortadaSitePage *page, const char *body,
                                GPtrArray *alternates, GError **error);

/* An item of a menu, resolved: a path of the site or an absolute URL. */
typedef struct
{
  char *name;
  char *path;    /* from the root, NULL for an outside link */
  char *url;     /* an outside link */
  char *section; /* the section it opens, for "current" */
} PortadaMenuLink;

/* The menu @menu (PORTADA_MENU_BAR, _FOOTER) of @lang, NULL when there is none. */
GPtrArray *portada_site_menu (PortadaSite *site, const char *lang, const char *menu);

/* An article as a list shows it. */
typedef struct
{
  gint64 id;
  char *lang;
  char *section;
  char *title;
  char *path; /* from the site's root, ending in '/': "en/business/2023/slug/" */
  char *excerpt;
  guint minutes;
  gint64 publish_at;
  gint64 featured; /* media id of its featured image, 0 for none */
  guint comments;  /* approved comments */
} PortadaTeaser;

/* A section's block on the home page: its latest stories. */
typedef struct
{
  char *section;      /* key */
  GPtrArray *teasers; /* PortadaTeaser, borrowed */
} PortadaSectionBlock;

/* Another language's version of a page. */
typedef struct
{
  char *lang;
  char *path;
} PortadaAlternate;

PortadaSite *portada_site_load (PortadaNewsroom *newsroom, PortadaAssetMode assets,
                                const char *date, GError **error);
void portada_site_free (PortadaSite *site);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaSite, portada_site_free)

void portada_teaser_free (PortadaTeaser *teaser);
void portada_alternate_free (PortadaAlternate *alternate);
PortadaAlternate *portada_alternate_new (const char *lang, const char *path);

const PortadaLanguage *portada_site_language (PortadaSite *site, const char *lang);
/* "en/", "pdcc/" (the language's base path, "" when it is the root). */
char *portada_site_home_path (PortadaSite *site, const char *lang);
char *portada_site_section_path (PortadaSite *site, const char *lang, const char *section);
char *portada_site_article_path (PortadaSite *site, const char *lang, const char *section, int year,
                                 const char *slug);
/* The absolute URL of a path from the root. */
char *portada_site_absolute_url (PortadaSite *site, const char *path);
const char *portada_site_stylesheet_name (void);
/* An image's information, loaded once; NULL when it does not exist. */
PortadaMedia *portada_site_media (PortadaSite *site, gint64 id);
/* assets/... name of an image, "media/<sha256>" in preview mode. */
char *portada_site_media_asset (PortadaSite *site, const PortadaMedia *media);
/* The logo sponsors a placement shows on the page @page_key, as portada_strip_select()
 * chooses them, from what the site loaded: borrowed pointers. */
GPtrArray *portada_site_strip (PortadaSite *site, const PortadaPlacement *placement,
                               const char *page_key);

/* Theme files as bytes (for assets/): "style.css", "favicon.svg", "touch-icon.png". */
GBytes *portada_site_theme_file (const char *name, GError **error);
/* assets/ names of the theme's icons, content-hashed like the stylesheet. */
const char *portada_site_favicon_name (void);
const char *portada_site_touch_icon_name (void);

/* @comments: the article's approved comments as portada_comments_list() gives them
 * (may be NULL). */
char *portada_site_render_article (PortadaSite *site, const PortadaArticle *article,
                                   const char *path, GPtrArray *related, GPtrArray *translations,
                                   GPtrArray *comments, GError **error);
/* A home (@section NULL) or section page: page @page (1-based) of @n_pages. */
char *portada_site_render_listing (PortadaSite *site, const char *lang, const char *section,
                                   const char *path, guint page, guint n_pages, GPtrArray *teasers,
                                   GPtrArray *alternates, GPtrArray *blocks, GError **error);
/* The root of the site: a page that sends readers to the default language's home. */
char *portada_site_render_redirect (PortadaSite *site, const char *lang, GPtrArray *alternates,
                                    GError **error);

/* The ~25-word excerpt of a teaser: the article's excerpt, or its body's opening. */
char *portada_teaser_excerpt (const char *excerpt, const char *body);
/* Where an article (stored or not) lives, from the root. */
char *portada_page_article_path (PortadaSite *site, const PortadaArticle *article);

/* Year of a unix time, UTC. */
int portada_site_year_of (gint64 t);
char *portada_site_format_date (const char *lang, gint64 t);
char *portada_site_reading_time (const char *lang, guint minutes);

G_END_DECLS
