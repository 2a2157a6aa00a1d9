/* test-page.c: the article page of the demo newsroom's seed article.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-articles.h"
#include "portada-demo.h"
#include "portada-html.h"
#include "portada-page.h"
#include "portada-placement.h"
#include "portada-site-private.h"
#include "portada-sponsor.h"
#include "portada-strip.h"
#include "portada-test-util.h"

#define DATE "2025-01-15"

static PortadaNewsroom *demo;

static PortadaNewsroom *
demo_newsroom (void)
{
  if (demo == NULL)
    {
      g_autoptr (GError) error = NULL;
      demo = portada_test_newsroom ();
      g_assert_true (portada_demo_fill (demo, 40, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return demo;
}

static PortadaArticle *
find_article (const char *lang, const char *slug_prefix)
{
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  q.lang = lang;
  q.status = PORTADA_STATUS_PUBLISHED;
  list = portada_articles_list (demo_newsroom (), &q, 0, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      PortadaArticleSummary *s = g_ptr_array_index (list, i);
      if (g_str_has_prefix (s->slug, slug_prefix))
        {
          PortadaArticle *a = portada_articles_load (demo_newsroom (), s->id, &error);
          g_assert_no_error (error);
          return a;
        }
    }
  g_error ("no article %s", slug_prefix);
}

static PortadaArticle *
seed (const char *lang)
{
  return g_str_equal (lang, "en")
             ? find_article ("en", "us-latin-america-seek-to-boost-cybersecurity-2")
             : find_article ("es", "ee-uu-y-america-latina");
}

static char *
render (const PortadaArticle *a, PortadaAssetMode mode)
{
  PortadaRenderOptions options = { DATE, mode };
  g_autoptr (GError) error = NULL;
  char *html = portada_page_render_article (demo_newsroom (), a, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (html);
  return html;
}

/* Elements in document order. */
static void
collect (xmlNode *node, GPtrArray *out)
{
  for (; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      {
        g_ptr_array_add (out, node);
        collect (node->children, out);
      }
}

static GPtrArray *
elements (xmlDoc *doc)
{
  GPtrArray *out = g_ptr_array_new ();
  collect (xmlDocGetRootElement (doc), out);
  return out;
}

static xmlNode *
by_id (GPtrArray *all, const char *id)
{
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (portada_html_attr (all->pdata[i], "id"), id) == 0)
      return all->pdata[i];
  return NULL;
}

static gboolean
is_inside (xmlNode *node, xmlNode *ancestor)
{
  for (; node; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* The logos of each strip under @block, as "n+m". */
static char *
strip_counts (GPtrArray *all, xmlNode *block)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    {
      xmlNode *strip = all->pdata[i];
      guint n = 0;
      if (!portada_html_attr (strip, "data-placement") || !is_inside (strip, block))
        continue;
      for (guint j = i + 1; j < all->len; j++)
        {
          xmlNode *e = all->pdata[j];
          if (!is_inside (e, strip))
            break;
          if (g_str_equal ((const char *) e->name, "img"))
            {
              xmlNode *link = e->parent;
              g_assert_cmpstr ((const char *) link->name, ==, "a");
              g_assert_cmpstr (portada_html_attr (link, "rel"), ==, "sponsored noopener");
              g_assert_nonnull (portada_html_attr (e, "alt"));
              g_assert_cmpuint (strlen (portada_html_attr (e, "alt")), >, 0);
              g_assert_cmpstr (portada_html_attr (e, "width"), ==, "200");
              g_assert_cmpstr (portada_html_attr (e, "height"), ==, "80");
              n++;
            }
        }
      g_string_append_printf (s, "%s%u", s->len ? "+" : "", n);
    }
  return g_string_free (s, FALSE);
}

static void
assert_no_script (GPtrArray *all, const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "javascript:"));
  for (guint i = 0; i < all->len; i++)
    {
      xmlNode *e = all->pdata[i];
      g_assert_cmpstr ((const char *) e->name, !=, "script");
      g_assert_cmpstr ((const char *) e->name, !=, "iframe");
      for (xmlAttr *a = e->properties; a; a = a->next)
        {
          g_assert_false (g_ascii_strncasecmp ((const char *) a->name, "on", 2) == 0);
          g_assert_cmpstr ((const char *) a->name, !=, "style");
          g_assert_false (g_str_has_prefix ((const char *) a->name, "data-")
                          && !g_str_equal ((const char *) a->name, "data-placement"));
        }
    }
}

static const char *const blocks[]
    = { "header-strip", "headline",       "article-top-strip", "article-body", "sidebar",
        "subscribe",    "more-like-this", "mid-strip",         "comments",     "footer-strip" };
static const char *const counts[]
    = { "23", NULL, "16", NULL, "23+13", NULL, NULL, "12", NULL, "22" };

static void
check_anatomy (const char *lang, const char *const *labels)
{
  g_autoptr (PortadaArticle) a = seed (lang);
  g_autofree char *html = render (a, PORTADA_ASSETS_EXPORT);
  g_autoptr (xmlDoc) doc = portada_html_parse (html, strlen (html));
  g_autoptr (GPtrArray) all = elements (doc);
  xmlNode *previous = NULL;
  guint previous_index = 0;

  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    {
      xmlNode *block = by_id (all, blocks[b]);
      guint index = 0;
      if (block == NULL)
        g_error ("%s: block %s is missing", lang, blocks[b]);
      while (all->pdata[index] != block)
        index++;
      if (previous)
        g_assert_cmpuint (index, >, previous_index);
      previous = block;
      previous_index = index;
      if (counts[b])
        {
          g_autofree char *c = strip_counts (all, block);
          g_assert_cmpstr (c, ==, counts[b]);
        }
    }
  /* The headline: a <time datetime>, share links with no script. */
  {
    xmlNode *headline = by_id (all, "headline");
    xmlNode *time = portada_html_find_element (headline, "time");
    g_assert_nonnull (time);
    g_assert_true (g_str_has_prefix (portada_html_attr (time, "datetime"), "2023-10-04T"));
    g_assert_nonnull (strstr (html, "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2F"));
  }
  /* The body, in its element, ending in the source attribution. */
  {
    xmlNode *body = by_id (all, "portada-body");
    xmlNode *block = by_id (all, "article-body");
    g_assert_nonnull (body);
    g_assert_true (is_inside (body, block));
    g_assert_nonnull (strstr (html, "<a rel=\"nofollow\" href=\"https://www.voanews.com/"));
  }
  /* Five related articles, each with an excerpt ending in "..." and a reading time. */
  {
    xmlNode *related = by_id (all, "more-like-this");
    guint teasers = 0;
    for (guint i = 0; i < all->len; i++)
      {
        xmlNode *e = all->pdata[i];
        const char *cls = portada_html_attr (e, "class");
        if (!is_inside (e, related) || cls == NULL)
          continue;
        if (g_str_equal (cls, "teaser"))
          teasers++;
        if (g_str_equal (cls, "excerpt"))
          {
            xmlChar *text = xmlNodeGetContent (e);
            g_assert_true (g_str_has_suffix ((const char *) text, "..."));
            xmlFree (text);
          }
      }
    g_assert_cmpuint (teasers, ==, 5);
  }
  for (guint i = 0; labels[i]; i++)
    if (strstr (html, labels[i]) == NULL)
      g_error ("%s: label “%s” is missing", lang, labels[i]);
  assert_no_script (all, html);
}

static void
test_anatomy_en (void)
{
  const char *labels[] = { "Date:",
                           "Share:",
                           "Subscribe to our magazine",
                           "More like this",
                           "Estimated reading time: ",
                           " minutes",
                           "Leave a reply",
                           "Please enter your comment!",
                           "Please enter your name here",
                           "October 4, 2023",
                           "lang=\"en\"",
                           NULL };
  check_anatomy ("en", labels);
}

static void
test_anatomy_es (void)
{
  const char *labels[] = { "Fecha:",
                           "Compartir:",
                           "Suscríbase a nuestra revista",
                           "Más como esto",
                           "Tiempo estimado de lectura: ",
                           " minutos",
                           "Deje una respuesta",
                           "¡Por favor escriba su comentario!",
                           "Por favor escriba su nombre aquí",
                           "4 de octubre de 2023",
                           "lang=\"es\"",
                           "/es/noticias/economia/2023/",
                           NULL };
  check_anatomy ("es", labels);
}

static void
test_deterministic (void)
{
  g_autoptr (PortadaArticle) a = seed ("en");
  g_autofree char *one = render (a, PORTADA_ASSETS_EXPORT);
  g_autofree char *two = render (a, PORTADA_ASSETS_EXPORT);
  g_autoptr (xmlDoc) doc = portada_html_parse (one, strlen (one));
  g_autoptr (GPtrArray) all = elements (doc);
  g_autoptr (GPtrArray) orders = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpstr (one, ==, two);
  /* The header strip and the sidebar's first strip show all of list A, each in its order. */
  for (guint i = 0; i < all->len; i++)
    if (portada_html_attr (all->pdata[i], "data-placement"))
      {
        GString *names = g_string_new (NULL);
        for (guint j = i + 1; j < all->len && is_inside (all->pdata[j], all->pdata[i]); j++)
          if (g_str_equal ((const char *) ((xmlNode *) all->pdata[j])->name, "img"))
            g_string_append_printf (names, "%s|", portada_html_attr (all->pdata[j], "alt"));
        g_ptr_array_add (orders, g_string_free (names, FALSE));
      }
  g_assert_cmpuint (orders->len, ==, 6);
  g_assert_cmpstr (orders->pdata[0], !=, orders->pdata[2]);
  g_assert_cmpuint (strlen (orders->pdata[0]), ==, strlen (orders->pdata[2]));
  /* Another day, another order. */
  {
    PortadaRenderOptions options = { "2025-01-16", PORTADA_ASSETS_EXPORT };
    g_autofree char *other = portada_page_render_article (demo_newsroom (), a, &options, NULL);
    g_assert_cmpstr (other, !=, one);
  }
}

/* The strips the renderer draws from its once-loaded sponsors are the ones
 * portada_strip_select() chooses. */
static void
test_strips_match_select (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSite) site
      = portada_site_load (demo_newsroom (), PORTADA_ASSETS_EXPORT, DATE, &error);
  const char *pages[] = { "en/business/2023/x/", "es/", "", NULL };

  g_assert_no_error (error);
  for (guint p = 0; pages[p]; p++)
    for (guint i = 0; i < site->placements->len; i++)
      {
        PortadaPlacement *placement = g_ptr_array_index (site->placements, i);
        g_autoptr (GPtrArray) mine = portada_site_strip (site, placement, pages[p]);
        g_autoptr (GPtrArray) theirs
            = portada_strip_select (demo_newsroom (), placement, pages[p], DATE, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (mine->len, ==, theirs->len);
        for (guint k = 0; k < mine->len; k++)
          g_assert_cmpint (((PortadaSponsor *) mine->pdata[k])->id, ==,
                           ((PortadaSponsor *) theirs->pdata[k])->id);
      }
}

static void
test_preview_assets (void)
{
  g_autoptr (PortadaArticle) a = seed ("en");
  g_autofree char *html = render (a, PORTADA_ASSETS_PREVIEW);
  g_autoptr (xmlDoc) doc = portada_html_parse (html, strlen (html));
  g_autoptr (GPtrArray) all = elements (doc);
  guint checked = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const char *url = portada_html_attr (all->pdata[i], "src");
      if (url == NULL && g_str_equal ((const char *) ((xmlNode *) all->pdata[i])->name, "link")
          && g_strcmp0 (portada_html_attr (all->pdata[i], "rel"), "stylesheet") == 0)
        url = portada_html_attr (all->pdata[i], "href");
      if (url == NULL)
        continue;
      g_assert_true (g_str_has_prefix (url, "portada://asset/"));
      {
        g_autoptr (GError) error = NULL;
        g_autofree char *mime = NULL;
        g_autoptr (GBytes) bytes = portada_site_lookup_asset (
            demo_newsroom (), url + strlen ("portada://asset/"), &mime, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
        g_assert_true (g_str_equal (mime, "text/css") || g_str_equal (mime, "image/svg+xml")
                       || g_str_equal (mime, "image/jpeg"));
      }
      checked++;
    }
  /* The stylesheet, the featured image, five related stories' images, the strips' logos. */
  g_assert_cmpuint (checked, ==, 1 + 1 + 5 + 23 + 16 + 23 + 13 + 12 + 22);
  /* Links to other pages are absolute in the preview. */
  g_assert_nonnull (strstr (html, "href=\"https://portada.example.com/en/business/\""));
  /* Bad asset paths. */
  {
    const char *bad[] = { "../etc/passwd",
                          "media/xyz",
                          "theme/../../x",
                          "media/"
                          "0000000000000000000000000000000000000000000000000000000000000000",
                          "",
                          NULL };
    for (guint i = 0; bad[i]; i++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (GBytes) b = portada_site_lookup_asset (demo_newsroom (), bad[i], NULL, &error);
        g_assert_null (b);
        g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
      }
  }
}

static void
test_unsaved_hostile (void)
{
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autofree char *html = NULL;
  g_autoptr (xmlDoc) doc = NULL;
  g_autoptr (GPtrArray) all = NULL;

  g_free (a->title);
  a->title = g_strdup ("<script>alert(1)</script> Hostile \"title\"");
  a->subtitle = g_strdup ("<img src=x onerror=alert(1)>");
  a->author = g_strdup ("<b onclick=x>Mallory</b>");
  g_free (a->body);
  a->body = g_strdup ("Body <script>alert(1)</script> [x](javascript:alert(1))");
  a->source_name = g_strdup ("<iframe>");
  a->source_url = g_strdup ("javascript:alert(1)");
  g_strfreev (a->tags);
  a->tags = g_strdupv ((char *[]){ "<script>", NULL });
  a->comments_enabled = FALSE;
  html = render (a, PORTADA_ASSETS_PREVIEW);
  doc = portada_html_parse (html, strlen (html));
  all = elements (doc);
  assert_no_script (all, html);
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; Hostile \"title\""));
  g_assert_nonnull (strstr (html, "id=\"portada-body\""));
  /* Comments off: no comment form at all. */
  g_assert_null (by_id (all, "comments"));
  g_assert_null (strstr (html, "<form"));
  /* A new article's place: its slug from the title, today's (the render date's) year. */
  g_assert_nonnull (
      strstr (html, "https://portada.example.com/en/2025/script-alert-1-script-hostile-title/"));
}

static void
test_hostile_sponsor (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSponsor) s = NULL;
  g_autoptr (GPtrArray) sponsors = portada_sponsors_list (demo_newsroom (), &error);
  g_autoptr (GPtrArray) placements = portada_placements_list (demo_newsroom (), &error);
  g_autofree char *html = NULL;
  PortadaRenderOptions options = { DATE, PORTADA_ASSETS_EXPORT };

  g_assert_no_error (error);
  /* Straight into the database's record: the store may refuse it, the page must cope. */
  s = portada_sponsor_copy (g_ptr_array_index (sponsors, 0));
  g_free (s->name);
  s->name = g_strdup ("<script>alert(1)</script>");
  g_free (s->alt_text);
  s->alt_text = g_strdup ("\" onerror=\"alert(1)");
  {
    g_autoptr (GPtrArray) selected = NULL;
    PortadaPlacement *header = g_ptr_array_index (placements, 0);
    g_autoptr (PortadaSite) site
        = portada_site_load (demo_newsroom (), PORTADA_ASSETS_EXPORT, DATE, &error);
    PortadaSponsor *stored = g_hash_table_lookup (site->sponsors, &s->id);
    g_assert_nonnull (stored);
    g_free (stored->name);
    stored->name = g_strdup (s->name);
    g_free (stored->alt_text);
    stored->alt_text = g_strdup (s->alt_text);
    g_free (stored->website);
    stored->website = g_strdup ("javascript:alert(1)");
    {
      g_autoptr (PortadaArticle) a = seed ("en");
      g_autofree char *page
          = portada_site_render_article (site, a, "en/x/", NULL, NULL, NULL, &error);
      g_autoptr (xmlDoc) doc = portada_html_parse (page, strlen (page));
      g_autoptr (GPtrArray) all = elements (doc);
      g_assert_no_error (error);
      assert_no_script (all, page);
      g_assert_nonnull (strstr (page, "alt=\"&quot; onerror=&quot;alert(1)\""));
    }
    selected = portada_site_strip (site, header, "");
    g_assert_cmpuint (selected->len, ==, 23);
  }
  html = portada_page_render_strip (demo_newsroom (), g_ptr_array_index (placements, 1), "es",
                                    &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<html lang=\"es\">"));
  {
    g_autoptr (xmlDoc) doc = portada_html_parse (html, strlen (html));
    g_autoptr (GPtrArray) all = elements (doc);
    g_autofree char *c = strip_counts (all, xmlDocGetRootElement (doc));
    g_assert_cmpstr (c, ==, "16");
  }
}

static void
test_bad_options (void)
{
  g_autoptr (PortadaArticle) a = seed ("en");
  const char *bad[] = { "2025-13-01", "yesterday", "2025-02-30", "", NULL };

  for (guint i = 0; bad[i]; i++)
    {
      PortadaRenderOptions options = { bad[i], PORTADA_ASSETS_EXPORT };
      g_autoptr (GError) error = NULL;
      g_autofree char *html = portada_page_render_article (demo_newsroom (), a, &options, &error);
      g_assert_null (html);
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
    }
  {
    /* NULL options: today, preview. */
    g_autofree char *html = portada_page_render_article (demo_newsroom (), a, NULL, NULL);
    g_assert_nonnull (strstr (html, "portada://asset/theme/style.css"));
  }
}

static void
set_setting (const char *key, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (portada_settings_set (demo_newsroom (), key, value, &error));
  g_assert_no_error (error);
}

/* The comment form posts to the newsroom's endpoint; with none, the block says so. */
static void
test_comments (void)
{
  g_autoptr (PortadaArticle) a = seed ("en");
  g_autofree char *open = render (a, PORTADA_ASSETS_EXPORT);
  g_autofree char *closed = NULL;

  g_assert_nonnull (strstr (
      open, "<form method=\"post\" action=\"https://portada.example.com/wp-comments-post.php\">"));
  g_assert_nonnull (strstr (open, "<label for=\"comment-text\">Comment</label>"));
  g_assert_null (strstr (open, "Comments are closed."));
  set_setting (PORTADA_SETTING_COMMENTS_URL, "");
  closed = render (a, PORTADA_ASSETS_EXPORT);
  set_setting (PORTADA_SETTING_COMMENTS_URL, "https://portada.example.com/wp-comments-post.php");
  g_assert_null (strstr (closed, "<form"));
  g_assert_nonnull (strstr (closed, "<p class=\"comments-closed\">Comments are closed.</p>"));
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (portada_settings_set (demo_newsroom (), PORTADA_SETTING_COMMENTS_URL,
                                          "javascript:alert(1)", &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  }
}

/* One <main>, <header>, <footer>; each strip an <aside> with its own label. */
static void
test_landmarks (void)
{
  const char *langs[] = { "en", "es" };
  const char *labels[][6] = {
    { "Sponsors: header", "Sponsors: article top", "Sponsors: sidebar, list A",
      "Sponsors: sidebar, list B", "Sponsors: after the article", "Sponsors: footer" },
    { "Patrocinadores: encabezado", "Patrocinadores: arriba del artículo",
      "Patrocinadores: barra lateral, lista A", "Patrocinadores: barra lateral, lista B",
      "Patrocinadores: después del artículo", "Patrocinadores: pie de página" },
  };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr (PortadaArticle) a = seed (langs[l]);
      g_autofree char *html = render (a, PORTADA_ASSETS_EXPORT);
      g_autoptr (xmlDoc) doc = portada_html_parse (html, strlen (html));
      g_autoptr (GPtrArray) all = elements (doc);
      guint mains = 0, headers = 0, footers = 0, asides = 0;

      for (guint i = 0; i < all->len; i++)
        {
          xmlNode *e = all->pdata[i];
          const char *name = (const char *) e->name;
          mains += g_str_equal (name, "main");
          headers += g_str_equal (name, "header");
          footers += g_str_equal (name, "footer");
          if (g_str_equal (name, "aside"))
            {
              g_assert_nonnull (portada_html_attr (e, "data-placement"));
              g_assert_cmpuint (asides, <, 6);
              g_assert_cmpstr (portada_html_attr (e, "aria-label"), ==, labels[l][asides]);
              asides++;
            }
        }
      g_assert_cmpuint (mains, ==, 1);
      g_assert_cmpuint (headers, ==, 1);
      g_assert_cmpuint (footers, ==, 1);
      g_assert_cmpuint (asides, ==, 6);
      /* The headline and the body inside <main>. */
      g_assert_nonnull (strstr (html, "<main id=\"main\" class=\"page\">"));
      g_assert_true (strstr (html, "<main") < strstr (html, "id=\"headline\""));
      g_assert_true (strstr (html, "id=\"portada-body\"") < strstr (html, "</main>"));
      /* Icons: the theme's by default. */
      g_assert_nonnull (strstr (html, "<link rel=\"icon\" href=\"../../../../"));
      g_assert_nonnull (strstr (html, "assets/favicon."));
      g_assert_nonnull (strstr (html, "<link rel=\"apple-touch-icon\" href=\"../../../../"));
      g_assert_nonnull (strstr (html, "assets/touch-icon."));
      g_assert_nonnull (strstr (
          html, "hreflang=\"x-default\" href=\"https://portada.example.com/en/business/2023/"));
    }
}

/* The featured image: a picture of the responsive set with its size and alt text,
 * loaded first on the article page, lazily in "more like this". */
static void
test_featured_image (void)
{
  g_autoptr (PortadaArticle) a = seed ("en");
  g_autofree char *html = render (a, PORTADA_ASSETS_EXPORT);
  g_autoptr (xmlDoc) doc = portada_html_parse (html, strlen (html));
  g_autoptr (GPtrArray) all = elements (doc);
  xmlNode *body = by_id (all, "article-body");
  xmlNode *related = by_id (all, "more-like-this");
  guint featured = 0, lazy = 0;

  g_assert_cmpint (a->featured_media_id, >, 0);
  for (guint i = 0; i < all->len; i++)
    {
      xmlNode *e = all->pdata[i];
      /* A picture's holder: the element around <picture> (an SVG is a bare <img>). */
      xmlNode *holder;

      if (!g_str_equal ((const char *) e->name, "img"))
        continue;
      /* (libxml2's HTML parser puts the <img> inside <source>, which it does not know.) */
      for (holder = e->parent; g_strcmp0 ((const char *) holder->name, "picture") == 0
                               || g_strcmp0 ((const char *) holder->name, "source") == 0;
           holder = holder->parent)
        ;
      if (portada_html_attr (holder, "class") == NULL
          || g_str_equal (portada_html_attr (holder, "class"), "sponsor"))
        continue;
      g_assert_true (g_str_has_prefix (portada_html_attr (e, "src"), "../../../../assets/media/"));
      g_assert_cmpstr (portada_html_attr (e, "width"), ==, "1200");
      g_assert_cmpstr (portada_html_attr (e, "height"), ==, "675");
      /* The demo picture's alt text. */
      g_assert_true (g_str_has_prefix (portada_html_attr (e, "alt"), "Abstract "));
      g_assert_cmpstr (portada_html_attr (e, "decoding"), ==, "async");
      if (is_inside (e, body))
        {
          g_assert_null (portada_html_attr (e, "loading"));
          featured++;
        }
      else if (is_inside (e, related))
        {
          g_assert_cmpstr (portada_html_attr (e, "loading"), ==, "lazy");
          lazy++;
        }
    }
  g_assert_cmpuint (featured, ==, 1);
  g_assert_cmpuint (lazy, ==, 5);
  /* Its caption and credit under it; the card a shared link shows, with the photo's
   * largest JPEG by its absolute address. */
  g_assert_nonnull (strstr (html, "<figcaption><span class=\"caption\">"));
  g_assert_nonnull (strstr (html, "<span class=\"credit\">"));
  g_assert_nonnull (strstr (html, "<meta property=\"og:type\" content=\"article\">"));
  g_assert_nonnull (strstr (
      html, "<meta property=\"og:image\" content=\"https://portada.example.com/assets/media/"));
  g_assert_nonnull (strstr (html, "-1200.jpg\">"));
  g_assert_nonnull (strstr (html, "<meta name=\"twitter:card\" content=\"summary_large_image\">"));
  g_assert_nonnull (strstr (html, "<meta property=\"og:image:width\" content=\"1200\">"));
  /* The preview, which no one shares, names no image. */
  {
    g_autofree char *preview = render (a, PORTADA_ASSETS_PREVIEW);
    g_assert_null (strstr (preview, "og:image"));
  }
}

/* Teasers tell the reading time from the threshold on; the article page always. */
static void
test_reading_time_threshold (void)
{
  g_autoptr (PortadaArticle) a = seed ("en");
  g_autofree char *html = NULL, *all_shown = NULL;
  guint n = 0;

  html = render (a, PORTADA_ASSETS_EXPORT);
  /* The seed itself is 2 minutes: shown once, in its own headline. */
  g_assert_nonnull (strstr (html, "Estimated reading time: 2 minutes"));
  for (const char *p = html; (p = strstr (p, "class=\"reading-time\"")); p++)
    n++;
  set_setting (PORTADA_SETTING_READING_TIME_THRESHOLD, "0");
  all_shown = render (a, PORTADA_ASSETS_EXPORT);
  set_setting (PORTADA_SETTING_READING_TIME_THRESHOLD, "5");
  {
    guint m = 0;
    for (const char *p = all_shown; (p = strstr (p, "class=\"reading-time\"")); p++)
      m++;
    g_assert_cmpuint (m, ==, 1 + 5);
    g_assert_cmpuint (n, <, m);
  }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (portada_settings_set (demo_newsroom (), PORTADA_SETTING_READING_TIME_THRESHOLD,
                                          "soon", &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page/anatomy-en", test_anatomy_en);
  g_test_add_func ("/page/anatomy-es", test_anatomy_es);
  g_test_add_func ("/page/deterministic", test_deterministic);
  g_test_add_func ("/page/strips-match-select", test_strips_match_select);
  g_test_add_func ("/page/preview-assets", test_preview_assets);
  g_test_add_func ("/page/unsaved-hostile", test_unsaved_hostile);
  g_test_add_func ("/page/hostile-sponsor", test_hostile_sponsor);
  g_test_add_func ("/page/bad-options", test_bad_options);
  g_test_add_func ("/page/comments", test_comments);
  g_test_add_func ("/page/landmarks", test_landmarks);
  g_test_add_func ("/page/featured-image", test_featured_image);
  g_test_add_func ("/page/reading-time-threshold", test_reading_time_threshold);
  return g_test_run ();
}
