/* portada-page.c: the site's pages, filled from the theme's templates.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The templates (data/site/) are parsed once with libxml2. A page is a copy of
 * layout.html whose data-* attributes are filled from a table of fields, text going
 * in as text nodes (see data/site/README.md). The article body, already sanitized
 * HTML, is spliced in by the serializer (portada-html.c) at its element.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-articles.h"
#include "portada-comments.h"
#include "portada-html.h"
#include "portada-markdown.h"
#include "portada-menu.h"
#include "portada-newsroom-private.h"
#include "portada-page.h"
#include "portada-media-derive.h"
#include "portada-picture.h"
#include "portada-sanitizer.h"
#include "portada-site-private.h"
#include "portada-slug.h"

#define RAW_PI PORTADA_HTML_RAW
#define N_RELATED 5
/* Replies nest this deep at most; deeper ones line up under the last level, as
 * WordPress does with its default thread depth. */
#define MAX_COMMENT_LEVELS 5

/* The parsed theme: shared, read-only once loaded. */
typedef struct
{
  xmlDoc *layout;
  xmlDoc *strip_page;
  xmlDoc *article_doc, *page_doc, *listing_doc, *strip_doc, *teaser_doc, *block_doc, *comment_doc,
      *redirect;
  xmlNode *article; /* the body of article.html */
  xmlNode *page;    /* the body of page.html */
  xmlNode *listing; /* the body of listing.html */
  xmlNode *strip;   /* the first element of partials/strip.html */
  xmlNode *teaser;  /* the first element of partials/teaser.html */
  xmlNode *block;   /* the first element of partials/section-block.html */
  xmlNode *comment; /* the first element of partials/comment.html */
  GKeyFile *labels;
} Theme;

static xmlDoc *
parse_theme_file (const char *name)
{
  g_autoptr (GBytes) bytes = portada_site_theme_file (name, NULL);
  gsize size;
  const char *data;

  if (bytes == NULL)
    g_error ("The site theme file %s is missing from the program's resources", name);
  data = g_bytes_get_data (bytes, &size);
  return portada_html_parse (data, size);
}

static xmlNode *
first_element (xmlNode *parent)
{
  for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static const Theme *
theme_get (void)
{
  static gsize once = 0;
  static Theme theme;

  if (g_once_init_enter (&once))
    {
      g_autoptr (GBytes) labels = portada_site_theme_file ("labels.ini", NULL);
      g_autoptr (GError) error = NULL;

      theme.layout = parse_theme_file ("layout.html");
      theme.strip_page = parse_theme_file ("strip-page.html");
      theme.article_doc = parse_theme_file ("article.html");
      theme.page_doc = parse_theme_file ("page.html");
      theme.listing_doc = parse_theme_file ("listing.html");
      theme.strip_doc = parse_theme_file ("partials/strip.html");
      theme.teaser_doc = parse_theme_file ("partials/teaser.html");
      theme.block_doc = parse_theme_file ("partials/section-block.html");
      theme.comment_doc = parse_theme_file ("partials/comment.html");
      theme.redirect = parse_theme_file ("redirect.html");
      theme.article = portada_html_find_body (theme.article_doc);
      theme.page = portada_html_find_body (theme.page_doc);
      theme.listing = portada_html_find_body (theme.listing_doc);
      theme.strip = first_element (portada_html_find_body (theme.strip_doc));
      theme.teaser = first_element (portada_html_find_body (theme.teaser_doc));
      theme.block = first_element (portada_html_find_body (theme.block_doc));
      theme.comment = first_element (portada_html_find_body (theme.comment_doc));
      theme.labels = g_key_file_new ();
      if (labels == NULL
          || !g_key_file_load_from_data (theme.labels, g_bytes_get_data (labels, NULL),
                                         g_bytes_get_size (labels), G_KEY_FILE_NONE, &error))
        g_error ("The site theme's labels.ini cannot be read: %s",
                 error ? error->message : "missing");
      if (!theme.article || !theme.page || !theme.listing || !theme.strip || !theme.teaser
          || !theme.block || !theme.comment)
        g_error ("The site theme's templates are incomplete");
      g_once_init_leave (&once, 1);
    }
  return &theme;
}

static char *
label (const char *lang, const char *key)
{
  const Theme *theme = theme_get ();
  char *value = g_key_file_get_string (theme->labels, lang ? lang : "en", key, NULL);

  if (value == NULL)
    value = g_key_file_get_string (theme->labels, "en", key, NULL);
  return value ? value : g_strdup (key);
}

static char *
replace_all (const char *text, const char *what, const char *with)
{
  g_auto (GStrv) parts = g_strsplit (text, what, -1);
  return g_strjoinv (with, parts);
}

char *
portada_site_reading_time (const char *lang, guint minutes)
{
  g_autofree char *pattern = label (lang, minutes == 1 ? "reading-time-one" : "reading-time");
  g_autofree char *n = g_strdup_printf ("%u", minutes);
  return replace_all (pattern, "{n}", n);
}

char *
portada_site_format_date (const char *lang, gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  g_autofree char *months = label (lang, "months");
  g_autofree char *pattern = label (lang, "date-pattern");
  g_auto (GStrv) names = g_strsplit (months, ";", -1);
  g_autofree char *day = NULL, *year = NULL, *a = NULL, *b = NULL;
  int month;

  if (dt == NULL)
    return g_strdup ("");
  month = g_date_time_get_month (dt);
  day = g_strdup_printf ("%d", g_date_time_get_day_of_month (dt));
  year = g_strdup_printf ("%d", g_date_time_get_year (dt));
  a = replace_all (pattern, "{day}", day);
  b = replace_all (a, "{year}", year);
  return replace_all (b, "{month}", g_strv_length (names) >= 12 ? names[month - 1] : "");
}

static char *
iso_date (gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

/* ------------------------------------------------------------------ */
/* Filling */

typedef struct _Page Page;
typedef GPtrArray *(*ListFunc) (Page *page, const char *name); /* of GHashTable fields */
typedef void (*SlotFunc) (Page *page, const char *name, xmlNode *element);

struct _Page
{
  PortadaSite *site;
  const char *lang;
  const char *section;
  char *path;   /* of this page, from the root */
  char *prefix; /* to the root: "../../" in export mode, the base URL in preview */
  xmlDoc *doc;
  GHashTable *fields;
  ListFunc list;
  SlotFunc slot;
  gpointer data;
  GHashTable *logos; /* sponsor id -> logo HTML at this page's depth (the site's) */
};

static GHashTable *
fields_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
field_set (GHashTable *fields, const char *key, const char *value)
{
  g_hash_table_insert (fields, (gpointer) key, g_strdup (value ? value : ""));
}

static void
field_take (GHashTable *fields, const char *key, char *value)
{
  g_hash_table_insert (fields, (gpointer) key, value ? value : g_strdup (""));
}

static const char *
field_get (GHashTable *fields, const char *key)
{
  const char *v = g_hash_table_lookup (fields, key);
  return v ? v : "";
}

/* A link from this page to @path (from the root). */
static char *
page_link (Page *page, const char *path)
{
  char *link = g_strconcat (page->prefix, path, NULL);
  if (*link == '\0')
    {
      g_free (link);
      return g_strdup ("./");
    }
  return link;
}

static char *
asset_link (Page *page, const char *asset)
{
  if (page->site->assets == PORTADA_ASSETS_PREVIEW)
    return g_strconcat (PORTADA_ASSET_SCHEME, asset, NULL);
  return g_strconcat (page->prefix, asset, NULL);
}

static void
set_text (xmlNode *element, const char *text)
{
  xmlNode *child;
  while ((child = element->children))
    {
      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }
  xmlAddChild (element, xmlNewDocText (element->doc, BAD_CAST text));
}

static void
remove_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

/* URL-valued attributes are checked as the sanitizer checks body links. */
static gboolean
is_url_attr (const char *name)
{
  return strcmp (name, "href") == 0 || strcmp (name, "src") == 0 || strcmp (name, "action") == 0
         || strcmp (name, "cite") == 0;
}

static void fill_children (Page *page, xmlNode *parent, GHashTable *fields);
static void icon_fields (Page *page);

/* Processes the data-* attributes of @element; returns FALSE when it was removed. */
static gboolean
fill_element (Page *page, xmlNode *element, GHashTable *fields, gboolean *descend)
{
  g_autoptr (GPtrArray) template_attrs = NULL;
  const char *v;
  gboolean has_data = FALSE;

  *descend = TRUE;
  for (xmlAttr *a = element->properties; a && !has_data; a = a->next)
    has_data = strncmp ((const char *) a->name, "data-", 5) == 0;
  if (!has_data)
    return TRUE;
  template_attrs = g_ptr_array_new ();
  if ((v = portada_html_attr (element, "data-if")) && *field_get (fields, v) == '\0')
    {
      remove_node (element);
      return FALSE;
    }
  if ((v = portada_html_attr (element, "data-text")))
    {
      const char *text = field_get (fields, v);
      if (*text == '\0')
        {
          remove_node (element);
          return FALSE;
        }
      set_text (element, text);
      *descend = FALSE;
    }
  if ((v = portada_html_attr (element, "data-label")))
    {
      g_autofree char *text = label (page->lang, v);
      set_text (element, text);
      *descend = FALSE;
    }
  for (xmlAttr *a = element->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;
      const char *value = portada_html_attr (element, name);

      if (!g_str_has_prefix (name, "data-"))
        continue;
      if (g_str_has_prefix (name, "data-set-"))
        {
          const char *target = name + 9;
          const char *field = field_get (fields, value);
          /* Our own asset URLs, or what the sanitizer allows. */
          g_autofree char *checked
              = is_url_attr (target) && !g_str_has_prefix (field, PORTADA_ASSET_SCHEME)
                    ? portada_sanitize_url (field, TRUE)
                    : g_strdup (field);
          if (checked && *checked)
            xmlSetProp (element, BAD_CAST target, BAD_CAST checked);
          else
            xmlUnsetProp (element, BAD_CAST target);
        }
      else if (g_str_has_prefix (name, "data-label-"))
        {
          g_autofree char *text = label (page->lang, value);
          xmlSetProp (element, BAD_CAST (name + 11), BAD_CAST text);
        }
      g_ptr_array_add (template_attrs, (gpointer) name);
    }
  if ((v = portada_html_attr (element, "data-slot"))
      || (v = portada_html_attr (element, "data-strips")))
    {
      g_autofree char *slot = g_strdup (v);
      gboolean strips = portada_html_attr (element, "data-strips") != NULL;
      for (guint i = 0; i < template_attrs->len; i++)
        xmlUnsetProp (element, template_attrs->pdata[i]);
      if (strips)
        {
          g_autofree char *name = g_strconcat ("strips:", slot, NULL);
          page->slot (page, name, element);
        }
      else
        page->slot (page, slot, element);
      *descend = FALSE;
      return TRUE;
    }
  for (guint i = 0; i < template_attrs->len; i++)
    {
      g_autofree char *name = g_strdup (template_attrs->pdata[i]);
      xmlUnsetProp (element, BAD_CAST name);
    }
  return TRUE;
}

static void
fill_node (Page *page, xmlNode *element, GHashTable *fields)
{
  gboolean descend;
  const char *repeat = portada_html_attr (element, "data-repeat");

  if (repeat)
    {
      g_autofree char *name = g_strdup (repeat);
      g_autoptr (GPtrArray) items = page->list (page, name);

      xmlUnsetProp (element, BAD_CAST "data-repeat");
      for (guint i = 0; items && i < items->len; i++)
        {
          xmlNode *copy = xmlDocCopyNode (element, page->doc, 1);
          xmlAddPrevSibling (element, copy);
          fill_node (page, copy, g_ptr_array_index (items, i));
        }
      remove_node (element);
      return;
    }
  if (!fill_element (page, element, fields, &descend))
    return;
  if (descend)
    fill_children (page, element, fields);
}

static void
fill_children (Page *page, xmlNode *parent, GHashTable *fields)
{
  xmlNode *child = parent->children;

  if (fields == NULL)
    return;
  while (child)
    {
      xmlNode *next = child->next;
      if (child->type == XML_ELEMENT_NODE)
        fill_node (page, child, fields);
      else if (child->type == XML_COMMENT_NODE)
        remove_node (child);
      child = next;
    }
}

/* ------------------------------------------------------------------ */
/* What every page has */

static void
page_clear (Page *page)
{
  g_free (page->path);
  g_free (page->prefix);
  g_clear_pointer (&page->fields, g_hash_table_unref);
  g_clear_pointer (&page->doc, xmlFreeDoc);
}

static void
page_init (Page *page, PortadaSite *site, const char *lang, const char *section, const char *path,
           xmlDoc *layout)
{
  memset (page, 0, sizeof *page);
  page->site = site;
  page->lang = lang;
  page->section = section;
  page->path = g_strdup (path);
  if (site->assets == PORTADA_ASSETS_PREVIEW)
    page->prefix = g_strconcat (site->base_url, "/", NULL);
  else
    {
      GString *prefix = g_string_new (NULL);
      for (const char *p = path; *p; p++)
        if (*p == '/')
          g_string_append (prefix, "../");
      page->prefix = g_string_free (prefix, FALSE);
    }
  page->doc = xmlCopyDoc (layout, 1);
  page->fields = fields_new ();
  field_set (page->fields, "lang", lang);
  field_set (page->fields, "site-title", site->site_title);
  {
    g_autofree char *css = g_strconcat ("assets/", portada_site_stylesheet_name (), NULL);
    field_take (page->fields, "stylesheet",
                site->assets == PORTADA_ASSETS_PREVIEW
                    ? g_strdup (PORTADA_ASSET_SCHEME "theme/style.css")
                    : page_link (page, css));
  }
  {
    g_autofree char *home = portada_site_home_path (site, lang);
    g_autofree char *feed = g_strconcat (home, "feed.xml", NULL);
    field_take (page->fields, "home", page_link (page, home));
    field_take (page->fields, "feed", page_link (page, feed));
  }
  field_take (page->fields, "canonical", portada_site_absolute_url (site, path));
  {
    /* The masthead's date: the day the page is rendered for. */
    g_autofree char *iso = g_strconcat (site->date, "T12:00:00Z", NULL);
    g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);
    field_set (page->fields, "today-iso", site->date);
    field_take (page->fields, "today-text",
                dt ? portada_site_format_date (lang, g_date_time_to_unix (dt)) : NULL);
  }
  icon_fields (page);
  field_set (page->fields, "footer-menu",
             portada_site_menu (site, lang, PORTADA_MENU_FOOTER) ? "yes" : NULL);
  for (guint i = 0; site->pages && i < site->pages->len; i++)
    {
      PortadaSitePage *p = g_ptr_array_index (site->pages, i);
      if (p->parent_id == 0 && g_strcmp0 (p->lang, lang) == 0)
        field_set (page->fields, "has-pages", "yes");
    }
}

/* Open Graph and Twitter cards: what a link to the page shows where it is shared.
 * @featured (an article's image, or NULL): its largest JPEG or PNG of the responsive
 * set, by its absolute address (WebP is not read by every service). Not in the
 * preview, which no one shares. */
static void
social_fields (Page *page, const PortadaMedia *featured)
{
  PortadaSite *site = page->site;
  const char *title = g_hash_table_lookup (page->fields, "title");

  field_set (page->fields, "og-type", featured || title ? "article" : "website");
  field_set (page->fields, "og-title",
             title && *title ? title : g_hash_table_lookup (page->fields, "heading"));
  field_set (page->fields, "twitter-card", featured ? "summary_large_image" : "summary");
  if (featured == NULL || site->assets == PORTADA_ASSETS_PREVIEW)
    return;
  {
    int widths[PORTADA_MEDIA_MAX_DERIVED];
    guint n = portada_media_derived_widths (featured, widths);
    g_autofree char *asset
        = n ? portada_picture_derived_asset (featured, widths[n - 1],
                                             portada_media_derived_extension (featured))
            : portada_site_media_asset (site, featured);
    int width = n ? widths[n - 1] : featured->width;
    int height = n && featured->width > 0
                     ? (int) ((gint64) featured->height * width / featured->width)
                     : featured->height;

    field_take (page->fields, "og-image", portada_site_absolute_url (site, asset));
    field_set (page->fields, "og-image-alt", featured->alt_text);
    if (width > 0 && height > 0)
      {
        field_take (page->fields, "og-image-width", g_strdup_printf ("%d", width));
        field_take (page->fields, "og-image-height", g_strdup_printf ("%d", height));
      }
  }
}

/* Whose icon: the newsroom's (a media id in its settings) or the theme's. */
static char *
icon_link (Page *page, PortadaMedia *media, const char *theme_file, const char *theme_name)
{
  if (media)
    {
      g_autofree char *asset = portada_site_media_asset (page->site, media);
      return asset_link (page, asset);
    }
  if (page->site->assets == PORTADA_ASSETS_PREVIEW)
    return g_strconcat (PORTADA_ASSET_SCHEME "theme/", theme_file, NULL);
  {
    g_autofree char *asset = g_strconcat ("assets/", theme_name, NULL);
    return page_link (page, asset);
  }
}

static void
icon_fields (Page *page)
{
  PortadaSite *site = page->site;

  field_take (page->fields, "favicon",
              icon_link (page, site->favicon, "favicon.svg", portada_site_favicon_name ()));
  field_set (page->fields, "favicon-type", site->favicon ? site->favicon->mime : "image/svg+xml");
  field_take (
      page->fields, "touch-icon",
      icon_link (page, site->touch_icon, "touch-icon.png", portada_site_touch_icon_name ()));
}

static GHashTable *
link_item (Page *page, const char *path, const char *name, const char *lang)
{
  GHashTable *item = fields_new ();
  field_take (item, "url", page_link (page, path));
  field_set (item, "name", name);
  field_set (item, "lang", lang);
  return item;
}

static GPtrArray *
common_list (Page *page, const char *name)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  PortadaSite *site = page->site;

  GPtrArray *menu = g_str_equal (name, "sections") || g_str_equal (name, "footer-links")
                        ? portada_site_menu (site, page->lang,
                                             g_str_equal (name, "sections") ? PORTADA_MENU_BAR
                                                                            : PORTADA_MENU_FOOTER)
                        : NULL;

  /* The newsroom's menu where it has one; the sections otherwise. */
  if (menu)
    for (guint i = 0; i < menu->len; i++)
      {
        PortadaMenuLink *l = g_ptr_array_index (menu, i);
        GHashTable *item = link_item (page, l->path ? l->path : "", l->name, page->lang);
        if (l->url)
          field_set (item, "url", l->url);
        if (l->section && g_strcmp0 (page->section, l->section) == 0)
          field_set (item, "current", "page");
        g_ptr_array_add (items, item);
      }
  else if (g_str_equal (name, "sections"))
    for (guint i = 0; i < site->sections->len; i++)
      {
        PortadaSection *s = g_ptr_array_index (site->sections, i);
        g_autofree char *path = portada_site_section_path (site, page->lang, s->key);
        GHashTable *item
            = link_item (page, path, portada_section_get_name (s, page->lang), page->lang);
        if (g_strcmp0 (page->section, s->key) == 0)
          field_set (item, "current", "page");
        g_ptr_array_add (items, item);
      }
  else if (g_str_equal (name, "pages"))
    for (guint i = 0; site->pages && i < site->pages->len; i++)
      {
        PortadaSitePage *p = g_ptr_array_index (site->pages, i);
        GHashTable *item;
        if (p->parent_id || g_strcmp0 (p->lang, page->lang) != 0)
          continue;
        item = link_item (page, p->path, p->title, page->lang);
        if (g_strcmp0 (page->path, p->path) == 0)
          field_set (item, "current", "page");
        g_ptr_array_add (items, item);
      }
  else if (g_str_equal (name, "languages"))
    for (guint i = 0; i < site->languages->len; i++)
      {
        PortadaLanguage *l = g_ptr_array_index (site->languages, i);
        g_autofree char *path = portada_site_home_path (site, l->code);
        GHashTable *item = link_item (page, path, l->name, l->code);
        if (g_strcmp0 (page->lang, l->code) == 0)
          field_set (item, "current", "true");
        g_ptr_array_add (items, item);
      }
  return items;
}

static GPtrArray *
alternates_list (Page *page, GPtrArray *alternates, gboolean absolute)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; alternates && i < alternates->len; i++)
    {
      PortadaAlternate *alt = g_ptr_array_index (alternates, i);
      const PortadaLanguage *l = portada_site_language (page->site, alt->lang);
      GHashTable *item = link_item (page, alt->path, l ? l->name : alt->lang, alt->lang);
      if (absolute)
        field_take (item, "url", portada_site_absolute_url (page->site, alt->path));
      g_ptr_array_add (items, item);
    }
  return items;
}

static void
fill_strip_logo (Page *page, xmlNode *logo, const PortadaSponsor *sponsor)
{
  g_autoptr (GHashTable) fields = fields_new ();
  PortadaMedia *media = portada_site_media (page->site, sponsor->logo_media_id);
  const char *alt = sponsor->alt_text && *sponsor->alt_text ? sponsor->alt_text : sponsor->name;
  xmlNode *img, *link;

  field_set (fields, "sponsor-name", sponsor->name);
  field_set (fields, "sponsor-url", sponsor->website);
  if (media)
    {
      g_autofree char *asset = portada_site_media_asset (page->site, media);
      field_take (fields, "logo-src", asset_link (page, asset));
      field_set (fields, "logo-alt", alt);
      field_take (fields, "logo-width", g_strdup_printf ("%d", media->width));
      field_take (fields, "logo-height", g_strdup_printf ("%d", media->height));
    }
  fill_node (page, logo, fields);
  /* Whatever the template says: a sponsored link, an image with its alt text and size. */
  link
      = strcmp ((const char *) logo->name, "a") == 0 ? logo : portada_html_find_element (logo, "a");
  if (link)
    xmlSetProp (link, BAD_CAST "rel", BAD_CAST "sponsored noopener");
  img = portada_html_find_element (logo, "img");
  if (img && media)
    {
      xmlSetProp (img, BAD_CAST "alt", BAD_CAST alt);
      xmlSetProp (img, BAD_CAST "width", BAD_CAST field_get (fields, "logo-width"));
      xmlSetProp (img, BAD_CAST "height", BAD_CAST field_get (fields, "logo-height"));
    }
  else if (img)
    {
      /* No logo stored: the sponsor's name stands in for it. */
      xmlNode *parent = img->parent;
      remove_node (img);
      xmlAddChild (parent, xmlNewDocText (page->doc, BAD_CAST sponsor->name));
    }
}

/* The element of a strip that is repeated per logo. */
static xmlNode *
find_repeat (xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return NULL;
  if (portada_html_attr (node, "data-repeat"))
    return node;
  for (xmlNode *c = node->children; c; c = c->next)
    {
      xmlNode *found = find_repeat (c);
      if (found)
        return found;
    }
  return NULL;
}

/* A sponsor's logo link as HTML: the same on every page at the same depth, so made
 * once per export and depth and kept in the site. */
static const char *
logo_html (Page *page, xmlNode *proto, const PortadaSponsor *sponsor)
{
  PortadaSite *site = page->site;
  char *html, *known;
  xmlNode *logo;
  GString *out;

  /* One table of logos per link prefix and language, looked up once a page. */
  g_mutex_lock (&site->lock);
  if (page->logos == NULL)
    {
      g_autofree char *key = g_strconcat (page->prefix, "\x1f", page->lang, NULL);
      page->logos = g_hash_table_lookup (site->logo_html, key);
      if (page->logos == NULL)
        {
          page->logos = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
          g_hash_table_insert (site->logo_html, g_steal_pointer (&key), page->logos);
        }
    }
  html = g_hash_table_lookup (page->logos, &sponsor->id);
  g_mutex_unlock (&site->lock);
  if (html)
    return html;
  logo = xmlDocCopyNode (proto, page->doc, 1);
  fill_strip_logo (page, logo, sponsor);
  out = g_string_new (NULL);
  portada_html_append_node (out, logo);
  xmlFreeNode (logo);
  html = g_string_free (out, FALSE);
  /* Another thread may have made it meanwhile: the first one stays. */
  g_mutex_lock (&site->lock);
  known = g_hash_table_lookup (page->logos, &sponsor->id);
  if (known)
    {
      g_free (html);
      html = known;
    }
  else
    g_hash_table_insert (page->logos, g_memdup2 (&sponsor->id, sizeof sponsor->id), html);
  g_mutex_unlock (&site->lock);
  return html;
}

/* A strip's label: its slot, and its list when the slot has more than one strip. */
static char *
strip_label (Page *page, const PortadaPlacement *p, guint n_in_slot, guint nth)
{
  g_autofree char *slot_key = g_strconcat ("slot-", p->slot ? p->slot : "preview", NULL);
  g_autofree char *slot = label (page->lang, slot_key);
  const char *list = g_hash_table_lookup (page->site->list_names, &p->list_id);
  g_autofree char *pattern = label (page->lang, n_in_slot > 1 ? "strip-label-list" : "strip-label");
  g_autofree char *a = replace_all (pattern, "{slot}", slot);
  g_autofree char *b = replace_all (a, "{list}", list ? list : "");

  /* Two strips of one slot from one list: still told apart. */
  return nth > 0 ? g_strdup_printf ("%s (%u)", b, nth + 1) : g_steal_pointer (&b);
}

/* Fills @container with the strips of the placements of @slot that apply to the page:
 * each one an element of partials/strip.html (an <aside>) with its own label. */
static void
fill_strips (Page *page, const char *slot, xmlNode *container, const PortadaPlacement *only)
{
  const Theme *theme = theme_get ();
  PortadaSite *site = page->site;
  g_autoptr (GPtrArray) applies = g_ptr_array_new ();
  g_autoptr (GPtrArray) chosen
      = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < site->placements->len; i++)
    {
      PortadaPlacement *p = g_ptr_array_index (site->placements, i);
      GPtrArray *sponsors;

      if (only ? p->id != only->id
               : (g_strcmp0 (p->slot, slot) != 0
                  || !portada_placement_applies (p, page->lang, page->section)))
        continue;
      sponsors = portada_site_strip (site, only ? only : p, page->path);
      if (sponsors->len == 0)
        {
          g_ptr_array_unref (sponsors);
          continue;
        }
      g_ptr_array_add (applies, only ? (gpointer) only : p);
      g_ptr_array_add (chosen, sponsors);
    }
  for (guint i = 0; i < applies->len; i++)
    {
      const PortadaPlacement *p = g_ptr_array_index (applies, i);
      GPtrArray *sponsors = g_ptr_array_index (chosen, i);
      xmlNode *strip, *proto;
      g_autofree char *id = NULL, *aria = NULL;
      guint nth = 0;

      for (guint k = 0; k < i; k++)
        if (((const PortadaPlacement *) applies->pdata[k])->list_id == p->list_id)
          nth++;
      strip = xmlDocCopyNode (theme->strip, page->doc, 1);
      xmlAddChild (container, strip);
      proto = find_repeat (strip);
      if (proto)
        {
          GString *logos = g_string_new (NULL);

          xmlUnsetProp (proto, BAD_CAST "data-repeat");
          for (guint s = 0; s < sponsors->len; s++)
            g_string_append (logos, logo_html (page, proto, g_ptr_array_index (sponsors, s)));
          xmlAddPrevSibling (proto, xmlNewDocPI (page->doc, BAD_CAST RAW_PI, BAD_CAST logos->str));
          g_string_free (logos, TRUE);
          remove_node (proto);
        }
      fill_node (page, strip, page->fields);
      aria = strip_label (page, p, applies->len, nth);
      xmlSetProp (strip, BAD_CAST "aria-label", BAD_CAST aria);
      /* The preview and the tests find a placement's strip by this. */
      id = g_strdup_printf ("%lld", (long long) p->id);
      xmlSetProp (strip, BAD_CAST "data-placement", BAD_CAST id);
    }
  if (applies->len == 0)
    remove_node (container);
}

/* The one place an article's image becomes markup (article page, lead story, cards):
 * a plain <img> with its size, alt text and the exported file. @eager for the image
 * a reader sees first (the lead story's, the article's own); the others load lazily. */
/* Teaser cards: a column on a phone, up to three across on a wide screen. */
#define TEASER_SIZES "(min-width: 64rem) 20rem, (min-width: 40rem) 50vw, 100vw"

/* A featured image through the one picture builder (the responsive set in an export,
 * the portada: scheme in the preview); @eager for the image a page opens with. */
static xmlNode *
featured_image_node (Page *page, const PortadaMedia *media, const char *sizes, gboolean eager)
{
  xmlNode *node
      = portada_picture_node (page->site, page->doc, page->prefix, media, NULL, sizes, !eager);
  xmlNode *img = node && g_str_equal ((const char *) node->name, "img")
                     ? node
                     : portada_html_find_element (node, "img");

  if (eager && img)
    xmlSetProp (img, BAD_CAST "fetchpriority", BAD_CAST "high");
  return node;
}

/* The element of @node (or below) that carries data-slot="@name". */
static xmlNode *
find_slot (xmlNode *node, const char *name)
{
  if (node->type != XML_ELEMENT_NODE)
    return NULL;
  if (g_strcmp0 (portada_html_attr (node, "data-slot"), name) == 0)
    return node;
  for (xmlNode *c = node->children; c; c = c->next)
    {
      xmlNode *found = find_slot (c, name);
      if (found)
        return found;
    }
  return NULL;
}

typedef enum
{
  TEASER_CARD,    /* in a listing: an h2 */
  TEASER_LEAD,    /* the home's lead story: an h2, its image large and loaded first */
  TEASER_RELATED, /* under a block's h2 ("more like this", a section block): an h3 */
} TeaserKind;

static void
fill_teaser (Page *page, xmlNode *container, const PortadaTeaser *t, TeaserKind kind)
{
  const Theme *theme = theme_get ();
  g_autoptr (GHashTable) fields = fields_new ();
  PortadaSection *s
      = t->section ? g_hash_table_lookup (page->site->section_by_key, t->section) : NULL;
  PortadaMedia *media = portada_site_media (page->site, t->featured);
  xmlNode *copy = xmlDocCopyNode (theme->teaser, page->doc, 1);
  xmlNode *image = find_slot (copy, "image");
  xmlNode *heading = portada_html_find_element (copy, "h3");

  field_take (fields, "url", page_link (page, t->path));
  field_set (fields, "title", t->title);
  field_set (fields, "excerpt", t->excerpt);
  /* A teaser tells the reading time of long pieces only, as the published site does. */
  if (t->minutes >= page->site->reading_threshold)
    field_take (fields, "reading-time", portada_site_reading_time (page->lang, t->minutes));
  field_take (fields, "date-iso", t->publish_at ? iso_date (t->publish_at) : NULL);
  field_take (fields, "date-text",
              t->publish_at ? portada_site_format_date (page->lang, t->publish_at) : NULL);
  field_set (fields, "section-name", s ? portada_section_get_name (s, page->lang) : NULL);
  if (t->comments)
    {
      g_autofree char *pattern
          = label (page->lang, t->comments == 1 ? "comment-count-one" : "comment-count");
      g_autofree char *n = g_strdup_printf ("%u", t->comments);
      field_take (fields, "comment-count", replace_all (pattern, "{n}", n));
    }
  if (image && media)
    {
      xmlUnsetProp (image, BAD_CAST "data-slot");
      xmlAddChild (image, featured_image_node (page, media,
                                               kind == TEASER_LEAD ? PORTADA_PICTURE_LEAD_SIZES
                                                                   : TEASER_SIZES,
                                               kind == TEASER_LEAD));
    }
  else if (image)
    remove_node (image);
  if (heading && kind != TEASER_RELATED)
    xmlNodeSetName (heading, BAD_CAST "h2");
  if (kind == TEASER_LEAD)
    xmlSetProp (copy, BAD_CAST "class", BAD_CAST "teaser teaser-lead");
  else if (media == NULL)
    xmlSetProp (copy, BAD_CAST "class", BAD_CAST "teaser teaser-no-image");
  xmlAddChild (container, copy);
  fill_node (page, copy, fields);
}

static void
fill_teasers (Page *page, xmlNode *container, GPtrArray *teasers, guint from, TeaserKind kind)
{
  for (guint i = from; teasers && i < teasers->len; i++)
    fill_teaser (page, container, g_ptr_array_index (teasers, i), kind);
}

static char *
page_serialize (Page *page)
{
  GString *out = g_string_sized_new (32 * 1024);
  xmlNode *root = xmlDocGetRootElement (page->doc);

  g_string_append (out, "<!DOCTYPE html>\n");
  if (root)
    portada_html_append_node (out, root);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* The article page */

typedef struct
{
  const PortadaArticle *article;
  const char *body_html;
  GPtrArray *related;
  GPtrArray *translations;
  GPtrArray *comments; /* PortadaComment, approved, threaded */
} ArticleData;

static GPtrArray *
article_list (Page *page, const char *name)
{
  ArticleData *d = page->data;

  if (g_str_equal (name, "alternates"))
    {
      /* hreflang: this page and its translations. */
      g_autoptr (GPtrArray) all
          = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_alternate_free);
      if (d->translations && d->translations->len)
        {
          g_ptr_array_add (all, portada_alternate_new (page->lang, page->path));
          for (guint i = 0; i < d->translations->len; i++)
            {
              PortadaAlternate *a = g_ptr_array_index (d->translations, i);
              g_ptr_array_add (all, portada_alternate_new (a->lang, a->path));
            }
        }
      return alternates_list (page, all, TRUE);
    }
  if (g_str_equal (name, "translations"))
    return alternates_list (page, d->translations, FALSE);
  return common_list (page, name);
}

/* A link to a commenter's site: http(s) only, as the sanitizer allows it. */
static char *
commenter_url (const char *url)
{
  g_autofree char *clean = url && *url ? portada_sanitize_url (url, FALSE) : NULL;

  if (clean
      && (g_ascii_strncasecmp (clean, "http://", 7) == 0
          || g_ascii_strncasecmp (clean, "https://", 8) == 0))
    return g_steal_pointer (&clean);
  return NULL;
}

static GHashTable *
comment_fields (Page *page, const PortadaComment *c, guint level)
{
  GHashTable *fields = fields_new ();
  g_autofree char *url = commenter_url (c->author_url);
  const char *kind = portada_comment_kind_to_string (c->kind);

  field_take (fields, "anchor", g_strdup_printf ("comment-%" G_GINT64_FORMAT, c->id));
  field_take (fields, "permalink", g_strdup_printf ("#comment-%" G_GINT64_FORMAT, c->id));
  field_take (fields, "comment-class",
              c->kind == PORTADA_COMMENT_KIND_COMMENT
                  ? g_strdup_printf ("comment depth-%u", level + 1)
                  : g_strdup_printf ("comment depth-%u %s", level + 1, kind));
  field_set (fields, "author", c->author && *c->author ? c->author : "—");
  field_set (fields, "author-url", url);
  field_set (fields, "no-author-url", url ? NULL : "yes");
  field_take (fields, "kind-label",
              c->kind == PORTADA_COMMENT_KIND_COMMENT ? NULL : label (page->lang, kind));
  field_take (fields, "date-iso", iso_date (c->created_at));
  field_take (fields, "date-text", portada_site_format_date (page->lang, c->created_at));
  return fields;
}

/* Adds comments[@i] and its replies to @list (an <ol>) at nesting @level; returns
 * the index after its thread. The text goes through the body's renderer and
 * sanitizer. */
static guint
fill_comment (Page *page, xmlNode *list, GPtrArray *comments, guint i, guint level)
{
  const Theme *theme = theme_get ();
  PortadaComment *c = comments->pdata[i];
  g_autoptr (GHashTable) fields = comment_fields (page, c, level);
  xmlNode *copy = xmlDocCopyNode (theme->comment, page->doc, 1);
  xmlNode *text = find_slot (copy, "comment-text");
  xmlNode *replies = find_slot (copy, "replies");
  guint next = i + 1;

  if (text)
    xmlUnsetProp (text, BAD_CAST "data-slot");
  if (replies)
    xmlUnsetProp (replies, BAD_CAST "data-slot");
  xmlAddChild (list, copy);
  fill_node (page, copy, fields);
  if (text)
    {
      g_autofree char *html = portada_markdown_to_html (c->body);
      xmlAddChild (text, xmlNewDocPI (page->doc, BAD_CAST RAW_PI, BAD_CAST html));
    }
  while (next < comments->len && ((PortadaComment *) comments->pdata[next])->depth > c->depth)
    {
      gboolean deeper = replies && level + 1 < MAX_COMMENT_LEVELS;
      next = fill_comment (page, deeper ? replies : list, comments, next,
                           deeper ? level + 1 : level);
    }
  if (replies && replies->children == NULL)
    remove_node (replies);
  return next;
}

static void
article_slot (Page *page, const char *name, xmlNode *element)
{
  ArticleData *d = page->data;
  const Theme *theme = theme_get ();

  if (g_str_equal (name, "content"))
    {
      xmlNode *copy = xmlDocCopyNodeList (page->doc, theme->article->children);
      xmlAddChildList (element, copy);
      fill_children (page, element, page->fields);
    }
  else if (g_str_equal (name, "body"))
    xmlAddChild (element, xmlNewDocPI (page->doc, BAD_CAST RAW_PI, BAD_CAST d->body_html));
  else if (g_str_equal (name, "related"))
    fill_teasers (page, element, d->related, 0, TEASER_RELATED);
  else if (g_str_equal (name, "featured"))
    {
      PortadaMedia *media = portada_site_media (page->site, d->article->featured_media_id);
      if (media)
        xmlAddChild (element, featured_image_node (page, media, PORTADA_PICTURE_BODY_SIZES, TRUE));
    }
  else if (g_str_equal (name, "comment-list"))
    {
      for (guint i = 0; d->comments && i < d->comments->len;)
        i = fill_comment (page, element, d->comments, i, 0);
      if (element->children == NULL)
        remove_node (element);
    }
  else if (g_str_has_prefix (name, "strips:"))
    fill_strips (page, name + 7, element, NULL);
}

static void
share_fields (Page *page, const char *url, const char *title)
{
  g_autofree char *u = g_uri_escape_string (url, NULL, FALSE);
  g_autofree char *t = g_uri_escape_string (title, NULL, FALSE);

  field_take (page->fields, "share-facebook",
              g_strconcat ("https://www.facebook.com/sharer/sharer.php?u=", u, NULL));
  field_take (page->fields, "share-x",
              g_strconcat ("https://twitter.com/intent/tweet?url=", u, "&text=", t, NULL));
  field_take (page->fields, "share-linkedin",
              g_strconcat ("https://www.linkedin.com/sharing/share-offsite/?url=", u, NULL));
  field_take (page->fields, "share-whatsapp",
              g_strconcat ("https://api.whatsapp.com/send?text=", t, "%20", u, NULL));
  field_take (page->fields, "share-email", g_strconcat ("mailto:?subject=", t, "&body=", u, NULL));
}

/* hreflang="x-default": the default language's version of this page, when the page
 * has alternates (@others: the other languages' PortadaAlternate). */
static void
x_default_field (Page *page, GPtrArray *others)
{
  PortadaSite *site = page->site;

  if (others == NULL || others->len == 0)
    return;
  if (g_strcmp0 (page->lang, site->default_lang) == 0)
    {
      field_take (page->fields, "x-default", portada_site_absolute_url (site, page->path));
      return;
    }
  for (guint i = 0; i < others->len; i++)
    {
      PortadaAlternate *alt = g_ptr_array_index (others, i);
      if (g_strcmp0 (alt->lang, site->default_lang) == 0)
        field_take (page->fields, "x-default", portada_site_absolute_url (site, alt->path));
    }
}

static void
article_fields (Page *page, const PortadaArticle *a, GPtrArray *related, GPtrArray *translations,
                GPtrArray *comments)
{
  PortadaSite *site = page->site;
  PortadaSection *s = a->section ? g_hash_table_lookup (site->section_by_key, a->section) : NULL;
  g_autofree char *url = portada_site_absolute_url (site, page->path);
  const char *title = a->title && *a->title ? a->title : "";
  gint64 when = a->publish_at ? a->publish_at : a->created_at;
  PortadaMedia *featured = portada_site_media (site, a->featured_media_id);

  field_set (page->fields, "uuid", a->uuid);
  field_set (page->fields, "title", title);
  field_take (page->fields, "page-title",
              *title ? g_strconcat (title, " – ", site->site_title, NULL)
                     : g_strdup (site->site_title));
  field_set (page->fields, "subtitle", a->subtitle);
  field_set (page->fields, "author", a->author);
  field_set (page->fields, "page-class", "article-page");
  if (when == 0)
    {
      /* Not dated yet (a new draft in the preview): shown as of the render date. */
      g_autofree char *iso = g_strconcat (site->date, "T00:00:00Z", NULL);
      g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);
      when = dt ? g_date_time_to_unix (dt) : 0;
    }
  field_take (page->fields, "date-iso", iso_date (when));
  field_take (page->fields, "date-text", portada_site_format_date (page->lang, when));
  field_set (page->fields, "section-name", s ? portada_section_get_name (s, page->lang) : NULL);
  if (a->section)
    {
      g_autofree char *spath = portada_site_section_path (site, page->lang, a->section);
      field_take (page->fields, "section-url", page_link (page, spath));
    }
  share_fields (page, url, title);
  field_set (page->fields, "source-name",
             a->source_name && *a->source_name ? a->source_name : a->source_url);
  field_set (page->fields, "source-url", a->source_url);
  field_set (page->fields, "subscribe-url", site->subscribe_url);
  /* With no endpoint the block says comments are closed instead of a form that goes
   * nowhere. comment-post-id is the WordPress post the form answers, once articles
   * keep their WordPress id. */
  field_set (page->fields, "comments-url", site->comments_url);
  field_set (page->fields, "comments-closed",
             site->comments_url && *site->comments_url ? NULL : "yes");
  field_set (page->fields, "comments", a->comments_enabled ? "yes" : NULL);
  if (comments && comments->len)
    {
      g_autofree char *pattern
          = label (page->lang, comments->len == 1 ? "comment-count-one" : "comment-count");
      g_autofree char *n = g_strdup_printf ("%u", comments->len);
      field_take (page->fields, "comment-count", replace_all (pattern, "{n}", n));
    }
  field_set (page->fields, "has-related", related && related->len ? "yes" : NULL);
  field_set (page->fields, "has-translations", translations && translations->len ? "yes" : NULL);
  x_default_field (page, translations);
  {
    g_autofree char *excerpt = a->excerpt && *a->excerpt
                                   ? g_strdup (a->excerpt)
                                   : portada_markdown_excerpt (a->body, 40, FALSE);
    field_set (page->fields, "description", excerpt);
  }
  /* The image itself comes from featured_image_node() at the "featured" slot; its
   * caption and credit under it, as the published page shows them. */
  field_set (page->fields, "featured", featured ? "yes" : NULL);
  if (featured)
    {
      const char *caption = featured->caption && *featured->caption ? featured->caption : NULL;
      const char *credit = featured->credit && *featured->credit ? featured->credit : NULL;

      field_set (page->fields, "featured-caption", caption);
      field_set (page->fields, "featured-credit", credit);
      field_set (page->fields, "featured-figcaption", caption || credit ? "yes" : NULL);
    }
  social_fields (page, featured);
  field_take (page->fields, "reading-time",
              portada_site_reading_time (
                  page->lang, portada_reading_time_minutes (portada_text_count_words (a->body))));
}

char *
portada_site_render_article (PortadaSite *site, const PortadaArticle *a, const char *path,
                             GPtrArray *related, GPtrArray *translations, GPtrArray *comments,
                             GError **error)
{
  const Theme *theme = theme_get ();
  g_autofree char *markup = portada_markdown_to_page_html (a->body);
  g_autofree char *body = NULL;
  ArticleData data = { a, NULL, related, translations, comments };
  Page page;
  char *html;

  page_init (&page, site, a->lang, a->section, path, theme->layout);
  /* Body images ("media/<sha256>") through the one picture builder. */
  body = portada_picture_resolve_body (site, page.prefix, markup);
  data.body_html = body;
  page.list = article_list;
  page.slot = article_slot;
  page.data = &data;
  article_fields (&page, a, related, translations, comments);
  fill_children (&page, (xmlNode *) page.doc, page.fields);
  html = page_serialize (&page);
  page_clear (&page);
  return html;
}

/* ------------------------------------------------------------------ */
/* A page of the newsroom (About, Contact...) */

typedef struct
{
  const char *body_html;
  GPtrArray *alternates; /* PortadaAlternate: its translations */
} StaticPageData;

static GPtrArray *
static_page_list (Page *page, const char *name)
{
  StaticPageData *d = page->data;

  if (g_str_equal (name, "alternates"))
    {
      g_autoptr (GPtrArray) all
          = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_alternate_free);
      if (d->alternates && d->alternates->len)
        {
          g_ptr_array_add (all, portada_alternate_new (page->lang, page->path));
          for (guint i = 0; i < d->alternates->len; i++)
            {
              PortadaAlternate *a = g_ptr_array_index (d->alternates, i);
              g_ptr_array_add (all, portada_alternate_new (a->lang, a->path));
            }
        }
      return alternates_list (page, all, TRUE);
    }
  if (g_str_equal (name, "translations"))
    return alternates_list (page, d->alternates, FALSE);
  return common_list (page, name);
}

static void
static_page_slot (Page *page, const char *name, xmlNode *element)
{
  StaticPageData *d = page->data;
  const Theme *theme = theme_get ();

  if (g_str_equal (name, "content"))
    {
      xmlAddChildList (element, xmlDocCopyNodeList (page->doc, theme->page->children));
      fill_children (page, element, page->fields);
    }
  else if (g_str_equal (name, "body"))
    xmlAddChild (element, xmlNewDocPI (page->doc, BAD_CAST RAW_PI, BAD_CAST d->body_html));
  else if (g_str_has_prefix (name, "strips:"))
    fill_strips (page, name + 7, element, NULL);
}

char *
portada_site_render_page (PortadaSite *site, const PortadaSitePage *sp, const char *body,
                          GPtrArray *alternates, GError **error)
{
  const Theme *theme = theme_get ();
  g_autofree char *markup = portada_markdown_to_html (body ? body : "");
  g_autofree char *resolved = NULL;
  g_autofree char *description = portada_markdown_excerpt (body ? body : "", 40, FALSE);
  StaticPageData data = { NULL, alternates };
  Page page;
  char *html;

  page_init (&page, site, sp->lang, NULL, sp->path, theme->layout);
  resolved = portada_picture_resolve_body (site, page.prefix, markup);
  data.body_html = resolved;
  page.list = static_page_list;
  page.slot = static_page_slot;
  page.data = &data;
  field_set (page.fields, "title", sp->title);
  field_take (page.fields, "page-title",
              sp->title && *sp->title ? g_strconcat (sp->title, " – ", site->site_title, NULL)
                                      : g_strdup (site->site_title));
  field_set (page.fields, "page-class", "static-page");
  field_set (page.fields, "description", description);
  field_set (page.fields, "has-translations", alternates && alternates->len ? "yes" : NULL);
  x_default_field (&page, alternates);
  fill_children (&page, (xmlNode *) page.doc, page.fields);
  html = page_serialize (&page);
  page_clear (&page);
  return html;
}

/* ------------------------------------------------------------------ */
/* Home and section pages */

typedef struct
{
  GPtrArray *teasers;
  GPtrArray *alternates;
  GPtrArray *blocks; /* PortadaSectionBlock, the home's first page only */
  gboolean lead;     /* the first teaser is the lead story */
} ListingData;

static GPtrArray *
listing_list (Page *page, const char *name)
{
  ListingData *d = page->data;
  if (g_str_equal (name, "alternates"))
    return alternates_list (page, d->alternates, TRUE);
  return common_list (page, name);
}

static void
fill_section_blocks (Page *page, xmlNode *container, GPtrArray *blocks)
{
  const Theme *theme = theme_get ();

  for (guint i = 0; blocks && i < blocks->len; i++)
    {
      PortadaSectionBlock *b = g_ptr_array_index (blocks, i);
      PortadaSection *s = g_hash_table_lookup (page->site->section_by_key, b->section);
      g_autoptr (GHashTable) fields = fields_new ();
      g_autofree char *path = NULL;
      xmlNode *copy, *cards;

      if (s == NULL || b->teasers == NULL || b->teasers->len == 0)
        continue;
      path = portada_site_section_path (page->site, page->lang, b->section);
      field_take (fields, "url", page_link (page, path));
      field_set (fields, "name", portada_section_get_name (s, page->lang));
      copy = xmlDocCopyNode (theme->block, page->doc, 1);
      xmlAddChild (container, copy);
      cards = find_slot (copy, "block-teasers");
      if (cards)
        {
          xmlUnsetProp (cards, BAD_CAST "data-slot");
          fill_teasers (page, cards, b->teasers, 0, TEASER_RELATED);
        }
      fill_node (page, copy, fields);
    }
  if (container->children == NULL)
    remove_node (container);
}

static void
listing_slot (Page *page, const char *name, xmlNode *element)
{
  ListingData *d = page->data;
  const Theme *theme = theme_get ();
  gboolean lead = d->lead && d->teasers && d->teasers->len > 0;

  if (g_str_equal (name, "content"))
    {
      xmlAddChildList (element, xmlDocCopyNodeList (page->doc, theme->listing->children));
      fill_children (page, element, page->fields);
    }
  else if (g_str_equal (name, "lead"))
    {
      if (lead)
        fill_teaser (page, element, g_ptr_array_index (d->teasers, 0), TEASER_LEAD);
      else
        remove_node (element);
    }
  else if (g_str_equal (name, "teasers"))
    fill_teasers (page, element, d->teasers, lead ? 1 : 0, TEASER_CARD);
  else if (g_str_equal (name, "section-blocks"))
    fill_section_blocks (page, element, d->blocks);
  else if (g_str_has_prefix (name, "strips:"))
    fill_strips (page, name + 7, element, NULL);
}

static char *
listing_page_path (PortadaSite *site, const char *lang, const char *section, guint page)
{
  g_autofree char *base = portada_site_section_path (site, lang, section);
  if (page <= 1)
    return g_steal_pointer (&base);
  return g_strdup_printf ("%spage/%u/", base, page);
}

char *
portada_site_render_listing (PortadaSite *site, const char *lang, const char *section,
                             const char *path, guint n, guint n_pages, GPtrArray *teasers,
                             GPtrArray *alternates, GPtrArray *blocks, GError **error)
{
  const Theme *theme = theme_get ();
  ListingData data = { teasers, alternates, n <= 1 ? blocks : NULL, section == NULL && n <= 1 };
  PortadaSection *s = section ? g_hash_table_lookup (site->section_by_key, section) : NULL;
  g_autofree char *heading
      = s ? g_strdup (portada_section_get_name (s, lang)) : label (lang, "latest");
  Page page;
  char *html;

  page_init (&page, site, lang, section, path, theme->layout);
  page.list = listing_list;
  page.slot = listing_slot;
  page.data = &data;
  field_set (page.fields, "heading", heading);
  field_take (page.fields, "page-title",
              n > 1 ? g_strdup_printf ("%s (%u) – %s", heading, n, site->site_title)
                    : g_strdup_printf ("%s – %s", heading, site->site_title));
  field_set (page.fields, "description", heading);
  social_fields (&page, NULL);
  field_set (page.fields, "page-class", section ? "section-page" : "home-page");
  field_set (page.fields, "home-current", section == NULL && n <= 1 ? "page" : NULL);
  x_default_field (&page, alternates);
  if (n_pages > 1)
    {
      g_autofree char *pattern = label (lang, "page-number");
      g_autofree char *num = g_strdup_printf ("%u", n);
      g_autofree char *total = g_strdup_printf ("%u", n_pages);
      g_autofree char *tmp = replace_all (pattern, "{n}", num);
      field_take (page.fields, "page-number", replace_all (tmp, "{total}", total));
      field_set (page.fields, "paginated", "yes");
      if (n > 1)
        {
          g_autofree char *p = listing_page_path (site, lang, section, n - 1);
          field_take (page.fields, "newer-url", page_link (&page, p));
        }
      if (n < n_pages)
        {
          g_autofree char *p = listing_page_path (site, lang, section, n + 1);
          field_take (page.fields, "older-url", page_link (&page, p));
        }
    }
  if (section)
    {
      g_autofree char *base = portada_site_section_path (site, lang, section);
      g_autofree char *feed = g_strconcat (base, "feed.xml", NULL);
      field_take (page.fields, "feed", page_link (&page, feed));
    }
  fill_children (&page, (xmlNode *) page.doc, page.fields);
  html = page_serialize (&page);
  page_clear (&page);
  return html;
}

static GPtrArray *
redirect_list (Page *page, const char *name)
{
  if (g_str_equal (name, "alternates"))
    return alternates_list (page, page->data, TRUE);
  return common_list (page, name);
}

static void
redirect_slot (Page *page, const char *name, xmlNode *element)
{
}

char *
portada_site_render_redirect (PortadaSite *site, const char *lang, GPtrArray *alternates,
                              GError **error)
{
  const Theme *theme = theme_get ();
  g_autofree char *home = portada_site_home_path (site, lang);
  Page page;
  char *html;

  page_init (&page, site, lang, NULL, "", theme->redirect);
  page.list = redirect_list;
  page.slot = redirect_slot;
  page.data = alternates;
  /* The page that counts is the language's home: canonical and x-default point there. */
  field_take (page.fields, "canonical", portada_site_absolute_url (site, home));
  field_take (page.fields, "x-default", portada_site_absolute_url (site, home));
  field_take (page.fields, "refresh", g_strconcat ("0; url=", *home ? home : "./", NULL));
  fill_children (&page, (xmlNode *) page.doc, page.fields);
  html = page_serialize (&page);
  page_clear (&page);
  return html;
}

/* ------------------------------------------------------------------ */
/* Public API: the preview */

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static PortadaSite *
site_for (PortadaNewsroom *newsroom, const PortadaRenderOptions *options, GError **error)
{
  const char *date = options ? options->date : NULL;
  g_autofree char *now = date ? NULL : today ();

  return portada_site_load (newsroom, options ? options->assets : PORTADA_ASSETS_PREVIEW,
                            date ? date : now, error);
}

/* The time a page is rendered as of: the start of its date (UTC) when it has one,
 * else now. What is published later is not on it yet. */
static GDateTime *
render_now (const PortadaRenderOptions *options)
{
  int y, m, d;

  if (options && options->date && sscanf (options->date, "%4d-%2d-%2d", &y, &m, &d) == 3)
    {
      GDateTime *dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
      if (dt)
        return dt;
    }
  return g_date_time_new_now_utc ();
}

/* Is an article of this status and time on the public site? */
static gboolean
is_public (PortadaArticleStatus status, gint64 publish_at, gint64 now)
{
  /* Published with a date still to come is scheduled: not public until then. */
  return (status == PORTADA_STATUS_PUBLISHED && publish_at <= now)
         || (status == PORTADA_STATUS_SCHEDULED && publish_at != 0 && publish_at <= now);
}

/* The teaser of a stored article: its excerpt and reading time need its body. */
static PortadaTeaser *
load_teaser (PortadaSite *site, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  PortadaTeaser *t;
  g_autofree char *slug = NULL;
  const char *body, *excerpt;
  int year;

  stmt = portada_newsroom_prepare (site->newsroom,
                                   "SELECT a.lang, s.key, a.title, a.slug, a.slug_year, "
                                   "a.publish_at, a.excerpt, a.body, a.featured_media_id, "
                                   "(SELECT count(*) FROM comment c WHERE c.article_id = a.id "
                                   "AND c.status = 'approved') "
                                   "FROM article a "
                                   "LEFT JOIN section s ON s.id = a.section_id WHERE a.id = ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      portada_newsroom_set_error (site->newsroom, error, _ ("a related article cannot be read"));
      return NULL;
    }
  t = g_new0 (PortadaTeaser, 1);
  t->id = id;
  t->lang = portada_stmt_dup_text (stmt, 0);
  t->section = portada_stmt_dup_text (stmt, 1);
  t->title = portada_stmt_dup_text (stmt, 2);
  slug = portada_stmt_dup_text (stmt, 3);
  year = sqlite3_column_int (stmt, 4);
  t->publish_at = sqlite3_column_int64 (stmt, 5);
  excerpt = (const char *) sqlite3_column_text (stmt, 6);
  body = (const char *) sqlite3_column_text (stmt, 7);
  t->path = portada_site_article_path (site, t->lang, t->section, year, slug);
  t->excerpt = portada_teaser_excerpt (excerpt, body);
  t->minutes = portada_reading_time_minutes (portada_text_count_words (body));
  t->featured = sqlite3_column_int64 (stmt, 8);
  t->comments = sqlite3_column_int (stmt, 9);
  return t;
}

char *
portada_teaser_excerpt (const char *excerpt, const char *body)
{
  return portada_markdown_excerpt (excerpt && *excerpt ? excerpt : body, PORTADA_EXCERPT_WORDS,
                                   TRUE);
}

char *
portada_page_article_path (PortadaSite *site, const PortadaArticle *a)
{
  g_autofree char *slug = a->slug && *a->slug ? g_strdup (a->slug)
                                              : portada_slug_from_title (a->title ? a->title : "");
  gint64 when = a->publish_at ? a->publish_at : a->created_at;
  int year;

  if (when)
    year = portada_site_year_of (when);
  else
    year = (int) g_ascii_strtoll (site->date, NULL, 10);
  return portada_site_article_path (site, a->lang, a->section, year, slug);
}

char *
portada_page_render_article (PortadaNewsroom *newsroom, const PortadaArticle *article,
                             const PortadaRenderOptions *options, GError **error)
{
  g_autoptr (PortadaSite) site = NULL;
  g_autoptr (GPtrArray) related = NULL;
  g_autoptr (GPtrArray) teasers
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_teaser_free);
  g_autoptr (GPtrArray) translations
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_alternate_free);
  g_autoptr (GDateTime) now = render_now (options);
  g_autoptr (GPtrArray) comments = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  g_return_val_if_fail (article != NULL, NULL);

  site = site_for (newsroom, options, error);
  if (site == NULL)
    return NULL;
  related = portada_articles_related_at (newsroom, article, N_RELATED, g_date_time_to_unix (now),
                                         error);
  if (related == NULL)
    return NULL;
  for (guint i = 0; i < related->len; i++)
    {
      PortadaArticleSummary *s = g_ptr_array_index (related, i);
      PortadaTeaser *t = load_teaser (site, s->id, error);
      if (t == NULL)
        return NULL;
      g_ptr_array_add (teasers, t);
    }
  if (article->translation_group && *article->translation_group)
    {
      g_autoptr (GPtrArray) others = portada_articles_translations (newsroom, article, error);
      if (others == NULL)
        return NULL;
      for (guint i = 0; i < others->len; i++)
        {
          PortadaArticleSummary *s = g_ptr_array_index (others, i);
          g_autoptr (PortadaArticle) other = NULL;
          g_autofree char *opath = NULL;

          if (g_strcmp0 (s->lang, article->lang) == 0
              || !is_public (s->status, s->publish_at, g_date_time_to_unix (now)))
            continue;
          other = portada_articles_load (newsroom, s->id, error);
          if (other == NULL)
            return NULL;
          opath = portada_page_article_path (site, other);
          g_ptr_array_add (translations, portada_alternate_new (s->lang, opath));
        }
    }
  path = portada_page_article_path (site, article);
  if (article->id)
    {
      comments = portada_comments_list (newsroom, article->id, TRUE, error);
      if (comments == NULL)
        return NULL;
    }
  return portada_site_render_article (site, article, path, teasers, translations, comments, error);
}

static GPtrArray *
strip_page_list (Page *page, const char *name)
{
  return common_list (page, name);
}

static void
strip_page_slot (Page *page, const char *name, xmlNode *element)
{
  fill_strips (page, NULL, element, page->data);
}

char *
portada_page_render_strip (PortadaNewsroom *newsroom, const PortadaPlacement *placement,
                           const char *lang, const PortadaRenderOptions *options, GError **error)
{
  g_autoptr (PortadaSite) site = NULL;
  const Theme *theme = theme_get ();
  Page page;
  char *html;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  g_return_val_if_fail (placement != NULL, NULL);
  site = site_for (newsroom, options, error);
  if (site == NULL)
    return NULL;
  page_init (&page, site, lang ? lang : site->default_lang, NULL, "", theme->strip_page);
  page.list = strip_page_list;
  page.slot = strip_page_slot;
  page.data = (gpointer) placement;
  field_take (
      page.fields, "page-title",
      g_strdup_printf ("%s – %s", placement->slot ? placement->slot : "", site->site_title));
  fill_children (&page, (xmlNode *) page.doc, page.fields);
  html = page_serialize (&page);
  page_clear (&page);
  return html;
}

GBytes *
portada_site_lookup_asset (PortadaNewsroom *newsroom, const char *path, char **mime_type,
                           GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_prefix (path, PORTADA_ASSET_SCHEME))
    path += strlen (PORTADA_ASSET_SCHEME);
  if (g_str_equal (path, "theme/style.css"))
    {
      GBytes *css = portada_site_theme_file ("style.css", error);
      if (css && mime_type)
        *mime_type = g_strdup ("text/css");
      return css;
    }
  if (g_str_equal (path, "theme/favicon.svg") || g_str_equal (path, "theme/touch-icon.png"))
    {
      GBytes *icon = portada_site_theme_file (path + 6, error);
      if (icon && mime_type)
        *mime_type = g_strdup (g_str_has_suffix (path, ".svg") ? "image/svg+xml" : "image/png");
      return icon;
    }
  if (g_str_has_prefix (path, "media/") && portada_media_is_sha256 (path + 6))
    return portada_media_lookup (newsroom, path + 6, mime_type, error);
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no asset “%s”"), path);
  return NULL;
}
