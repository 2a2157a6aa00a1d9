/* portada-site.c: what every page of a site shares, loaded once.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-core-resources.h"
#include "portada-logo-list.h"
#include "portada-media.h"
#include "portada-menu.h"
#include "portada-newsroom-private.h"
#include "portada-pages.h"
#include "portada-sanitizer.h"
#include "portada-site-private.h"
#include "portada-strip.h"

#define THEME "/io/github/portada/Portada/site/"

GBytes *
portada_site_theme_file (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (THEME, name, NULL);
  return g_resource_lookup_data (portada_core_get_resource (), path, 0, error);
}

/* "style.css" -> "style.<hash>.css": a theme file's content-hashed name in assets/. */
static char *
hashed_name (const char *file)
{
  g_autoptr (GBytes) bytes = portada_site_theme_file (file, NULL);
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  const char *dot = strrchr (file, '.');

  return g_strdup_printf ("%.*s.%.12s%s", (int) (dot - file), file, sum, dot);
}

const char *
portada_site_stylesheet_name (void)
{
  static gsize once = 0;
  static char *name;

  if (g_once_init_enter (&once))
    {
      name = hashed_name ("style.css");
      g_once_init_leave (&once, 1);
    }
  return name;
}

const char *
portada_site_favicon_name (void)
{
  static gsize once = 0;
  static char *name;

  if (g_once_init_enter (&once))
    {
      name = hashed_name ("favicon.svg");
      g_once_init_leave (&once, 1);
    }
  return name;
}

const char *
portada_site_touch_icon_name (void)
{
  static gsize once = 0;
  static char *name;

  if (g_once_init_enter (&once))
    {
      name = hashed_name ("touch-icon.png");
      g_once_init_leave (&once, 1);
    }
  return name;
}

void
portada_teaser_free (PortadaTeaser *t)
{
  if (t == NULL)
    return;
  g_free (t->lang);
  g_free (t->section);
  g_free (t->title);
  g_free (t->path);
  g_free (t->excerpt);
  g_free (t);
}

PortadaAlternate *
portada_alternate_new (const char *lang, const char *path)
{
  PortadaAlternate *a = g_new0 (PortadaAlternate, 1);
  a->lang = g_strdup (lang);
  a->path = g_strdup (path);
  return a;
}

void
portada_alternate_free (PortadaAlternate *a)
{
  if (a == NULL)
    return;
  g_free (a->lang);
  g_free (a->path);
  g_free (a);
}

void
portada_site_free (PortadaSite *site)
{
  if (site == NULL)
    return;
  g_clear_object (&site->newsroom);
  g_free (site->date);
  g_free (site->site_title);
  g_free (site->base_url);
  g_free (site->default_lang);
  g_free (site->subscribe_url);
  g_free (site->comments_url);
  g_clear_pointer (&site->languages, g_ptr_array_unref);
  g_clear_pointer (&site->sections, g_ptr_array_unref);
  g_clear_pointer (&site->section_by_key, g_hash_table_unref);
  g_clear_pointer (&site->placements, g_ptr_array_unref);
  g_clear_pointer (&site->shown, g_hash_table_unref);
  g_clear_pointer (&site->sponsors, g_hash_table_unref);
  g_clear_pointer (&site->used_media, g_hash_table_unref);
  g_clear_pointer (&site->media, g_hash_table_unref);
  g_clear_pointer (&site->media_by_sha, g_hash_table_unref);
  g_free (site->fingerprint);
  g_clear_pointer (&site->logo_html, g_hash_table_unref);
  g_clear_pointer (&site->menus, g_hash_table_unref);
  g_clear_pointer (&site->pages, g_ptr_array_unref);
  g_clear_pointer (&site->list_names, g_hash_table_unref);
  g_mutex_clear (&site->lock);
  g_free (site);
}

static char *
setting (PortadaNewsroom *newsroom, const char *key, GError **error)
{
  g_autofree char *value = portada_settings_get (newsroom, key, error);
  g_autoptr (GError) local = NULL;

  /* Checked again here: another program may have written the newsroom file, and a
   * javascript: base address must never reach a page, a feed or the sitemap. */
  if (value && !portada_settings_check (key, value, &local))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The newsroom's settings cannot be used: %s (fix it in Preferences)"),
                   local->message);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static PortadaMedia *site_media (PortadaSite *site, gint64 id);

/* An icon setting: the media id of an image of the newsroom, or "" for the theme's. */
static gboolean
load_icon (PortadaSite *site, const char *key, PortadaMedia **icon, GError **error)
{
  g_autofree char *value = setting (site->newsroom, key, error);
  gint64 id;

  if (value == NULL)
    return FALSE;
  id = g_ascii_strtoll (value, NULL, 10);
  *icon = id > 0 ? site_media (site, id) : NULL;
  return TRUE;
}

static gboolean
load_settings (PortadaSite *site, GError **error)
{
  PortadaNewsroom *nr = site->newsroom;
  g_autofree char *page_size = NULL;
  g_autofree char *threshold = NULL;
  gint64 n;

  if (!(site->site_title = setting (nr, PORTADA_SETTING_SITE_TITLE, error))
      || !(site->base_url = setting (nr, PORTADA_SETTING_BASE_URL, error))
      || !(site->default_lang = setting (nr, PORTADA_SETTING_DEFAULT_LANGUAGE, error))
      || !(site->subscribe_url = setting (nr, PORTADA_SETTING_SUBSCRIBE_URL, error))
      || !(site->comments_url = setting (nr, PORTADA_SETTING_COMMENTS_URL, error))
      || !(page_size = setting (nr, PORTADA_SETTING_PAGE_SIZE, error))
      || !(threshold = setting (nr, PORTADA_SETTING_READING_TIME_THRESHOLD, error))
      || !load_icon (site, PORTADA_SETTING_FAVICON, &site->favicon, error)
      || !load_icon (site, PORTADA_SETTING_TOUCH_ICON, &site->touch_icon, error))
    return FALSE;
  n = g_ascii_strtoll (threshold, NULL, 10);
  site->reading_threshold = n >= 0 && n <= 1000 ? (guint) n : 5;
  while (g_str_has_suffix (site->base_url, "/"))
    site->base_url[strlen (site->base_url) - 1] = '\0';
  n = g_ascii_strtoll (page_size, NULL, 10);
  site->page_size = n >= 1 && n <= 1000 ? (guint) n : 20;
  return TRUE;
}

static gboolean
load_sponsors (PortadaSite *site, GError **error)
{
  g_autoptr (GPtrArray) sponsors = portada_sponsors_list (site->newsroom, error);
  g_autoptr (GPtrArray) lists = NULL;

  if (sponsors == NULL)
    return FALSE;
  site->sponsors = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) portada_sponsor_free);
  for (guint i = 0; i < sponsors->len; i++)
    {
      PortadaSponsor *s = g_ptr_array_index (sponsors, i);
      g_hash_table_insert (site->sponsors, &s->id, s);
    }
  g_ptr_array_set_free_func (sponsors, NULL);

  lists = portada_logo_lists_list (site->newsroom, error);
  if (lists == NULL)
    return FALSE;
  site->shown
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < lists->len; i++)
    {
      PortadaLogoList *list = g_ptr_array_index (lists, i);
      g_autoptr (GArray) members = portada_logo_lists_members (site->newsroom, list->id, error);
      GArray *entries = g_array_new (FALSE, TRUE, sizeof (PortadaStripEntry));

      if (members == NULL)
        {
          g_array_unref (entries);
          return FALSE;
        }
      for (guint m = 0; m < members->len; m++)
        {
          const PortadaLogoListMember *member = &g_array_index (members, PortadaLogoListMember, m);
          PortadaSponsor *s = g_hash_table_lookup (site->sponsors, &member->sponsor_id);
          PortadaStripEntry e = { 0 };

          if (s == NULL || !portada_sponsor_is_shown_on (s, site->date))
            continue;
          e.sponsor_id = s->id;
          e.name = s->name;
          e.weight = member->weight;
          g_array_append_val (entries, e);
        }
      g_hash_table_insert (site->shown, g_memdup2 (&list->id, sizeof list->id), entries);
      g_hash_table_insert (site->list_names, g_memdup2 (&list->id, sizeof list->id),
                           g_strdup (list->name));
    }
  return TRUE;
}

static PortadaMedia *
site_media (PortadaSite *site, gint64 id)
{
  PortadaMedia *m;

  if (id == 0)
    return NULL;
  if (g_hash_table_lookup_extended (site->media, &id, NULL, (gpointer *) &m))
    return m;
  m = portada_media_load_info (site->newsroom, id, NULL);
  g_hash_table_insert (site->media, g_memdup2 (&id, sizeof id), m);
  return m;
}

static void
fingerprint_add (GChecksum *sum, const char *text)
{
  g_checksum_update (sum, (const guchar *) (text ? text : "\x01"), -1);
  g_checksum_update (sum, (const guchar *) "\0", 1);
}

static void
fingerprint_theme (GChecksum *sum)
{
  static const char *const files[] = { "layout.html",
                                       "article.html",
                                       "listing.html",
                                       "partials/strip.html",
                                       "partials/teaser.html",
                                       "partials/section-block.html",
                                       "partials/comment.html",
                                       "page.html",
                                       "redirect.html",
                                       "labels.ini",
                                       "style.css",
                                       "favicon.svg",
                                       "touch-icon.png" };

  fingerprint_add (sum, PACKAGE_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GBytes) b = portada_site_theme_file (files[i], NULL);
      if (b)
        g_checksum_update (sum, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
      fingerprint_add (sum, files[i]);
    }
}

static int
compare_int64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static void
site_page_free (PortadaSitePage *p)
{
  g_free (p->uuid);
  g_free (p->lang);
  g_free (p->title);
  g_free (p->group);
  g_free (p->path);
  g_free (p);
}

/* Whether @path is already a listing of the site (a section's). */
static gboolean
path_taken (PortadaSite *site, const char *lang, const char *path)
{
  g_autofree char *home = portada_site_home_path (site, lang);
  g_autofree char *paged = g_strconcat (home, "page/", NULL);

  if (g_str_equal (path, paged))
    return TRUE;
  for (guint i = 0; i < site->sections->len; i++)
    {
      PortadaSection *s = g_ptr_array_index (site->sections, i);
      g_autofree char *spath = portada_site_section_path (site, lang, s->key);
      if (g_str_equal (spath, path))
        return TRUE;
    }
  return FALSE;
}

/* The published pages; a child whose parent is not published is not on the site,
 * nor a page whose address is a section's. */
static gboolean
load_pages (PortadaSite *site, GError **error)
{
  g_autoptr (GPtrArray) pages = portada_pages_list (site->newsroom, NULL, error);
  g_autoptr (GHashTable) paths = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (pages == NULL)
    return FALSE;
  site->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) site_page_free);
  for (guint i = 0; i < pages->len; i++)
    {
      PortadaPage *p = pages->pdata[i];
      PortadaSitePage *sp;
      g_autofree char *base = NULL;
      g_autofree char *path = NULL;

      if (p->status != PORTADA_STATUS_PUBLISHED || !portada_site_language (site, p->lang))
        continue;
      if (p->parent_id)
        {
          PortadaSitePage *parent = g_hash_table_lookup (paths, &p->parent_id);
          if (parent == NULL)
            continue;
          base = g_strdup (parent->path);
        }
      else
        base = portada_site_home_path (site, p->lang);
      path = g_strconcat (base, p->slug, "/", NULL);
      if (path_taken (site, p->lang, path))
        continue;
      sp = g_new0 (PortadaSitePage, 1);
      sp->id = p->id;
      sp->parent_id = p->parent_id;
      sp->updated_at = p->updated_at;
      sp->uuid = g_strdup (p->uuid);
      sp->lang = g_strdup (p->lang);
      sp->title = g_strdup (p->title);
      sp->group = g_strdup (p->translation_group);
      sp->path = g_steal_pointer (&path);
      g_ptr_array_add (site->pages, sp);
      g_hash_table_insert (paths, &sp->id, sp);
    }
  return TRUE;
}

const PortadaSitePage *
portada_site_page_by_uuid (PortadaSite *site, const char *uuid)
{
  for (guint i = 0; site->pages && i < site->pages->len; i++)
    {
      PortadaSitePage *p = g_ptr_array_index (site->pages, i);
      if (g_strcmp0 (p->uuid, uuid) == 0)
        return p;
    }
  return NULL;
}

static void
menu_link_free (PortadaMenuLink *l)
{
  g_free (l->name);
  g_free (l->path);
  g_free (l->url);
  g_free (l->section);
  g_free (l);
}

/* An item where the site has it; NULL when its target is not on the site. */
static PortadaMenuLink *
resolve_menu_item (PortadaSite *site, const char *lang, const PortadaMenuItem *item)
{
  PortadaMenuLink *l;
  const char *name = item->label && *item->label ? item->label : NULL;

  switch (item->kind)
    {
      case PORTADA_MENU_SECTION:
        {
          PortadaSection *s = g_hash_table_lookup (site->section_by_key, item->target);
          if (s == NULL)
            return NULL;
          l = g_new0 (PortadaMenuLink, 1);
          l->name = g_strdup (name ? name : portada_section_get_name (s, lang));
          l->path = portada_site_section_path (site, lang, s->key);
          l->section = g_strdup (s->key);
          return l;
        }
      case PORTADA_MENU_ARTICLE:
        {
          g_autoptr (PortadaArticle) a
              = portada_articles_load_by_uuid (site->newsroom, item->target, NULL);
          if (a == NULL || a->status != PORTADA_STATUS_PUBLISHED || a->deleted_at)
            return NULL;
          l = g_new0 (PortadaMenuLink, 1);
          l->name = g_strdup (name ? name : a->title);
          l->path = portada_page_article_path (site, a);
          return l;
        }
      case PORTADA_MENU_URL:
        {
          g_autofree char *url = portada_sanitize_url (item->target, FALSE);
          if (url == NULL
              || !(g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")))
            return NULL;
          l = g_new0 (PortadaMenuLink, 1);
          l->name = g_strdup (name ? name : url);
          l->url = g_steal_pointer (&url);
          return l;
        }
      case PORTADA_MENU_PAGE:
        {
          const PortadaSitePage *p = portada_site_page_by_uuid (site, item->target);
          if (p == NULL || g_strcmp0 (p->lang, lang) != 0)
            return NULL;
          l = g_new0 (PortadaMenuLink, 1);
          l->name = g_strdup (name ? name : p->title);
          l->path = g_strdup (p->path);
          return l;
        }
      default:
        return NULL;
    }
}

static gboolean
load_menus (PortadaSite *site, GError **error)
{
  static const char *const menus[] = { PORTADA_MENU_BAR, PORTADA_MENU_FOOTER };

  site->menus
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < site->languages->len; i++)
    for (guint m = 0; m < G_N_ELEMENTS (menus); m++)
      {
        PortadaLanguage *lang = g_ptr_array_index (site->languages, i);
        g_autoptr (GPtrArray) items
            = portada_menu_load (site->newsroom, lang->code, menus[m], error);
        GPtrArray *links;

        if (items == NULL)
          return FALSE;
        if (items->len == 0)
          continue;
        links = g_ptr_array_new_with_free_func ((GDestroyNotify) menu_link_free);
        for (guint k = 0; k < items->len; k++)
          {
            PortadaMenuLink *l = resolve_menu_item (site, lang->code, items->pdata[k]);
            if (l)
              g_ptr_array_add (links, l);
          }
        g_hash_table_insert (site->menus, g_strconcat (lang->code, "\x1f", menus[m], NULL), links);
      }
  return TRUE;
}

GPtrArray *
portada_site_menu (PortadaSite *site, const char *lang, const char *menu)
{
  g_autofree char *key = g_strconcat (lang ? lang : "", "\x1f", menu, NULL);
  GPtrArray *links = site->menus ? g_hash_table_lookup (site->menus, key) : NULL;
  return links && links->len ? links : NULL;
}

/* Everything loaded here shapes every page: its hash tells an export whether a page
 * rendered before can be kept. */
static char *
site_fingerprint (PortadaSite *site)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *text = NULL;
  g_autoptr (GList) ids = NULL;

  fingerprint_theme (sum);
  fingerprint_add (sum, site->assets == PORTADA_ASSETS_EXPORT ? "export" : "preview");
  fingerprint_add (sum, site->date);
  fingerprint_add (sum, site->site_title);
  fingerprint_add (sum, site->base_url);
  fingerprint_add (sum, site->default_lang);
  fingerprint_add (sum, site->subscribe_url);
  fingerprint_add (sum, site->comments_url);
  text = g_strdup_printf ("%u|%u", site->page_size, site->reading_threshold);
  fingerprint_add (sum, text);
  fingerprint_add (sum, site->favicon ? site->favicon->sha256 : NULL);
  fingerprint_add (sum, site->touch_icon ? site->touch_icon->sha256 : NULL);
  for (guint i = 0; i < site->languages->len; i++)
    {
      PortadaLanguage *l = g_ptr_array_index (site->languages, i);
      fingerprint_add (sum, l->code);
      fingerprint_add (sum, l->name);
      fingerprint_add (sum, l->base_path);
    }
  for (guint i = 0; i < site->sections->len; i++)
    {
      PortadaSection *s = g_ptr_array_index (site->sections, i);
      fingerprint_add (sum, s->key);
      for (guint l = 0; l < site->languages->len; l++)
        {
          PortadaLanguage *lang = g_ptr_array_index (site->languages, l);
          fingerprint_add (sum, portada_section_get_name (s, lang->code));
          fingerprint_add (sum, portada_section_get_path (s, lang->code));
        }
    }
  for (guint i = 0; i < site->languages->len; i++)
    for (guint m = 0; m < 2; m++)
      {
        PortadaLanguage *l = g_ptr_array_index (site->languages, i);
        GPtrArray *links
            = portada_site_menu (site, l->code, m ? PORTADA_MENU_FOOTER : PORTADA_MENU_BAR);
        fingerprint_add (sum, m ? "footer menu" : "bar menu");
        for (guint k = 0; links && k < links->len; k++)
          {
            PortadaMenuLink *link = g_ptr_array_index (links, k);
            fingerprint_add (sum, link->name);
            fingerprint_add (sum, link->path);
            fingerprint_add (sum, link->url);
          }
      }
  for (guint i = 0; i < site->pages->len; i++)
    {
      PortadaSitePage *p = g_ptr_array_index (site->pages, i);
      g_autofree char *ids
          = g_strdup_printf ("page %lld %lld", (long long) p->id, (long long) p->parent_id);
      fingerprint_add (sum, ids);
      fingerprint_add (sum, p->lang);
      fingerprint_add (sum, p->title);
      fingerprint_add (sum, p->path);
    }
  for (guint i = 0; i < site->placements->len; i++)
    {
      PortadaPlacement *p = g_ptr_array_index (site->placements, i);
      g_autofree char *row
          = g_strdup_printf ("%lld|%s|%d|%lld|%d|%d|%d", (long long) p->id, p->slot, p->position,
                             (long long) p->list_id, p->max_logos, p->order, p->after_paragraph);
      g_autofree char *langs = g_strjoinv (",", p->languages);
      g_autofree char *sections = g_strjoinv (",", p->sections);
      fingerprint_add (sum, row);
      fingerprint_add (sum, g_hash_table_lookup (site->list_names, &p->list_id));
      fingerprint_add (sum, langs);
      fingerprint_add (sum, sections);
    }
  /* Lists in id order, their shown members in list order. */
  ids = g_hash_table_get_keys (site->shown);
  ids = g_list_sort (ids, compare_int64);
  for (GList *l = ids; l; l = l->next)
    {
      GArray *entries = g_hash_table_lookup (site->shown, l->data);
      g_autofree char *head = g_strdup_printf ("list %lld", (long long) *(gint64 *) l->data);
      fingerprint_add (sum, head);
      for (guint i = 0; i < entries->len; i++)
        {
          PortadaStripEntry *e = &g_array_index (entries, PortadaStripEntry, i);
          PortadaSponsor *s = g_hash_table_lookup (site->sponsors, &e->sponsor_id);
          PortadaMedia *m = site_media (site, s->logo_media_id);
          g_autofree char *row = g_strdup_printf ("%lld|%.17g", (long long) s->id, e->weight);
          fingerprint_add (sum, row);
          fingerprint_add (sum, s->name);
          fingerprint_add (sum, s->website);
          fingerprint_add (sum, s->alt_text);
          fingerprint_add (sum, m ? m->sha256 : "");
          fingerprint_add (sum, m ? m->mime : "");
          g_free (row);
          row = g_strdup_printf ("%d|%d", m ? m->width : 0, m ? m->height : 0);
          fingerprint_add (sum, row);
        }
    }
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
valid_date (const char *date)
{
  int y, m, d;
  char tail;

  if (date == NULL || strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

PortadaSite *
portada_site_load (PortadaNewsroom *newsroom, PortadaAssetMode assets, const char *date,
                   GError **error)
{
  g_autoptr (PortadaSite) site = NULL;

  if (date && !valid_date (date))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The render date “%s” is not a date such as 2024-05-31"), date);
      return NULL;
    }
  site = g_new0 (PortadaSite, 1);
  g_mutex_init (&site->lock);

  site->newsroom = g_object_ref (newsroom);
  site->assets = assets;
  if (date)
    site->date = g_strdup (date);
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      site->date = g_date_time_format (now, "%Y-%m-%d");
    }
  site->media = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) portada_media_free);
  site->used_media = g_hash_table_new (g_int64_hash, g_int64_equal);
  site->media_by_sha = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) portada_media_free);
  site->section_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  site->logo_html = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_hash_table_unref);
  site->list_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!load_settings (site, error))
    return NULL;
  if (!(site->languages = portada_languages_list (newsroom, error))
      || !(site->sections = portada_sections_list (newsroom, error))
      || !(site->placements = portada_placements_list (newsroom, error))
      || !load_sponsors (site, error))
    return NULL;
  for (guint i = 0; i < site->sections->len; i++)
    {
      PortadaSection *s = g_ptr_array_index (site->sections, i);
      g_hash_table_insert (site->section_by_key, s->key, s);
    }
  if (!load_pages (site, error) || !load_menus (site, error))
    return NULL;
  site->fingerprint = site_fingerprint (site);
  return g_steal_pointer (&site);
}

const PortadaLanguage *
portada_site_language (PortadaSite *site, const char *lang)
{
  for (guint i = 0; i < site->languages->len; i++)
    {
      PortadaLanguage *l = g_ptr_array_index (site->languages, i);
      if (g_strcmp0 (l->code, lang) == 0)
        return l;
    }
  return NULL;
}

/* Appends a path component without its surrounding slashes, and a slash. */
static void
append_component (GString *path, const char *component)
{
  const char *start = component ? component : "";
  const char *end;

  while (*start == '/')
    start++;
  end = start + strlen (start);
  while (end > start && end[-1] == '/')
    end--;
  if (end == start)
    return;
  g_string_append_len (path, start, end - start);
  g_string_append_c (path, '/');
}

static void
append_base (PortadaSite *site, GString *path, const char *lang)
{
  const PortadaLanguage *l = portada_site_language (site, lang);
  append_component (path, l ? l->base_path : lang);
}

char *
portada_site_home_path (PortadaSite *site, const char *lang)
{
  GString *path = g_string_new (NULL);
  append_base (site, path, lang);
  return g_string_free (path, FALSE);
}

char *
portada_site_section_path (PortadaSite *site, const char *lang, const char *section)
{
  GString *path = g_string_new (NULL);
  PortadaSection *s = section ? g_hash_table_lookup (site->section_by_key, section) : NULL;

  append_base (site, path, lang);
  if (section)
    append_component (path, s ? portada_section_get_path (s, lang) : section);
  return g_string_free (path, FALSE);
}

char *
portada_site_article_path (PortadaSite *site, const char *lang, const char *section, int year,
                           const char *slug)
{
  g_autofree char *base = portada_site_section_path (site, lang, section);
  GString *path = g_string_new (base);

  g_string_append_printf (path, "%04d/", year);
  append_component (path, slug && *slug ? slug : "untitled");
  return g_string_free (path, FALSE);
}

char *
portada_site_absolute_url (PortadaSite *site, const char *path)
{
  return g_strconcat (site->base_url, "/", path, NULL);
}

char *
portada_site_media_asset (PortadaSite *site, const PortadaMedia *media)
{
  if (site->assets == PORTADA_ASSETS_PREVIEW)
    return g_strconcat ("media/", media->sha256, NULL);
  g_mutex_lock (&site->lock);
  g_hash_table_insert (site->used_media, (gpointer) &media->id, (gpointer) media);
  g_mutex_unlock (&site->lock);
  return g_strdup_printf ("assets/media/%.16s.%s", media->sha256,
                          portada_media_extension (media->mime));
}

PortadaMedia *
portada_site_media (PortadaSite *site, gint64 id)
{
  return site_media (site, id);
}

GPtrArray *
portada_site_strip (PortadaSite *site, const PortadaPlacement *placement, const char *page_key)
{
  GPtrArray *out = g_ptr_array_new ();
  GArray *shown
      = placement->list_id ? g_hash_table_lookup (site->shown, &placement->list_id) : NULL;
  g_autofree char *seed = NULL;
  g_autofree PortadaStripEntry *entries = NULL;

  if (shown == NULL || shown->len == 0)
    return out;
  /* The seed of portada_strip_select(): the same page and date give the same order. */
  seed = g_strdup_printf ("%s|%s|%lld", page_key ? page_key : "", site->date,
                          (long long) placement->id);
  entries = g_memdup2 (shown->data, shown->len * sizeof (PortadaStripEntry));
  portada_strip_order (entries, shown->len, placement->order, seed);
  for (guint i = 0; i < shown->len; i++)
    {
      if (placement->max_logos > 0 && out->len >= (guint) placement->max_logos)
        break;
      g_ptr_array_add (out, g_hash_table_lookup (site->sponsors, &entries[i].sponsor_id));
    }
  return out;
}

int
portada_site_year_of (gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return dt ? g_date_time_get_year (dt) : 1970;
}
