/* portada-settings.h: a newsroom's settings, languages and sections.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

/* Known setting keys and their defaults. */
#define PORTADA_SETTING_SITE_TITLE "site-title"             /* "Portada" */
#define PORTADA_SETTING_BASE_URL "base-url"                 /* "https://example.com" */
#define PORTADA_SETTING_DEFAULT_LANGUAGE "default-language" /* "en" */
#define PORTADA_SETTING_DEFAULT_AUTHOR "default-author"     /* "" */
#define PORTADA_SETTING_COMMENTS_DEFAULT "comments-default" /* "true" */
#define PORTADA_SETTING_SUBSCRIBE_URL "subscribe-url"       /* "" */
#define PORTADA_SETTING_PAGE_SIZE "page-size"               /* "20" */
/* The public site: where the comment form posts ("" = comments are closed; for a
 * WordPress site its wp-comments-post.php), from how many minutes a teaser shows its
 * reading time, and the media ids of the favicon and touch icon ("" = the theme's). */
#define PORTADA_SETTING_COMMENTS_URL "comments-url"                     /* "" */
#define PORTADA_SETTING_READING_TIME_THRESHOLD "reading-time-threshold" /* "5" */
#define PORTADA_SETTING_FAVICON "favicon"                               /* "" */
#define PORTADA_SETTING_TOUCH_ICON "touch-icon"                         /* "" */

/* Whether @value is acceptable for @key: the base URL is an absolute http(s) address, the
 * subscribe address an http(s) or mailto one (or empty), comments-default "true" or
 * "false", page-size a number from 1 to 1000, the site title not empty. Other keys take
 * any UTF-8 text. portada_settings_set() checks through this too. */
gboolean portada_settings_check (const char *key, const char *value, GError **error);

/* Returns the stored value, or the key's default, or NULL with error set. */
char *portada_settings_get (PortadaNewsroom *newsroom, const char *key, GError **error);
gboolean portada_settings_set (PortadaNewsroom *newsroom, const char *key, const char *value,
                               GError **error);

typedef struct
{
  char *code;      /* "en" */
  char *name;      /* "English" */
  char *base_path; /* "en", or nested such as "pdcc" */
} PortadaLanguage;

void portada_language_free (PortadaLanguage *language);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaLanguage, portada_language_free)

/* Array of PortadaLanguage, in the newsroom's order. */
GPtrArray *portada_languages_list (PortadaNewsroom *newsroom, GError **error);
gboolean portada_languages_save (PortadaNewsroom *newsroom, const PortadaLanguage *language,
                                 int position, GError **error);

typedef struct
{
  gint64 id;
  char *key;         /* "business": stable, language-neutral */
  GHashTable *names; /* lang -> display name ("Business", "Economía") */
  GHashTable *paths; /* lang -> URL path ("business", "noticias/economia") */
} PortadaSection;

void portada_section_free (PortadaSection *section);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaSection, portada_section_free)
PortadaSection *portada_section_new (const char *key);
void portada_section_set_label (PortadaSection *section, const char *lang, const char *name,
                                const char *path);
/* The section's path in @lang, falling back to its key. */
const char *portada_section_get_path (const PortadaSection *section, const char *lang);
const char *portada_section_get_name (const PortadaSection *section, const char *lang);

GPtrArray *portada_sections_list (PortadaNewsroom *newsroom, GError **error);
PortadaSection *portada_sections_find (PortadaNewsroom *newsroom, const char *key, GError **error);
/* Inserts or updates by key; fills section->id. */
gboolean portada_sections_save (PortadaNewsroom *newsroom, PortadaSection *section, GError **error);
/* FALSE with PORTADA_ERROR_EXISTS when @path in @lang is another section's, or
 * nests in another's (or another's in it): their pages would collide. */
gboolean portada_sections_path_is_free (PortadaNewsroom *newsroom, const PortadaSection *section,
                                        const char *lang, const char *path, GError **error);

G_END_DECLS
