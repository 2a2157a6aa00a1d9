/* test-menu.c: the site's menus: WordPress nav_menu_items in, the section bar and
 * the footer links out, order kept, items pointing nowhere named.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-exchange.h"
#include "portada-menu.h"
#include "portada-newsroom-private.h"
#include "portada-page.h"
#include "portada-test-util.h"
#include "portada-wxr.h"

#define META(key, value)                                                                           \
  "<wp:postmeta><wp:meta_key>" key "</wp:meta_key><wp:meta_value><![CDATA[" value                  \
  "]]></wp:meta_value></wp:postmeta>"

#define MENU_ITEM(id, order, menu, title, type, object, object_id, url)                            \
  "<item><title>" title "</title><wp:post_id>" id "</wp:post_id><wp:menu_order>" order             \
  "</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type>"                                     \
  "<category domain=\"nav_menu\" nicename=\"x\"><![CDATA[" menu                                    \
  "]]></category>" META ("_menu_item_type", type) META ("_menu_item_object", object)               \
      META ("_menu_item_object_id", object_id) META ("_menu_item_url", url) "</item>\n"

/* A main menu (its items out of order in the file), a footer menu, a social menu. */
static const char menu_wxr[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>\n"
      "<wp:wxr_version>1.2</wp:wxr_version>\n"
      "<wp:category><wp:term_id>7</wp:term_id><wp:category_nicename>tourism</"
      "wp:category_nicename><wp:cat_name><![CDATA[Tourism]]></wp:cat_name></wp:category>\n"
      "<wp:category><wp:term_id>8</wp:term_id><wp:category_nicename>empty</"
      "wp:category_nicename><wp:cat_name><![CDATA[Empty]]></wp:cat_name></wp:category>\n"
      "<item><title>Beaches of Cuba</title><guid>m-1</guid><wp:post_id>10</wp:post_id>"
      "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
      "<wp:post_date_gmt>2024-03-01 09:00:00</wp:post_date_gmt>"
      "<category domain=\"category\" nicename=\"tourism\"><![CDATA[Tourism]]></category>"
      "<content:encoded><![CDATA[<p>Sand.</p>]]></content:encoded></item>\n"
      "<item><title>About us</title><guid>m-2</guid><wp:post_id>20</wp:post_id>"
      "<wp:post_type>page</wp:post_type><wp:status>publish</wp:status>"
      "<wp:post_name>about</wp:post_name>"
      "<content:encoded><![CDATA[<p>Who we are.</p>]]></content:encoded></item>\n" MENU_ITEM (
          "103", "3", "Main Menu", "", "post_type", "post", "10",
          "") MENU_ITEM ("101", "1", "Main Menu", "", "taxonomy", "category", "7", "")
          MENU_ITEM ("102", "2", "Main Menu", "Read more", "custom", "custom", "102",
                     "https://other.example/read") MENU_ITEM ("104", "4", "Main Menu", "Gone",
                                                              "post_type", "page", "999", "")
              MENU_ITEM ("105", "5", "Main Menu", "Topics", "custom", "custom", "105", "#")
                  MENU_ITEM ("106", "6", "Main Menu", "", "taxonomy", "category", "8", "")
                      MENU_ITEM ("201", "1", "Footer links", "Contact", "custom", "custom", "201",
                                 "https://magazine.example/contact")
                          MENU_ITEM ("202", "2", "Footer links", "", "post_type", "page", "20", "")
                              MENU_ITEM ("301", "1", "Social", "X", "custom", "custom", "301",
                                         "https://x.example/magazine") "</channel></rss>\n";

static gboolean
summary_has (PortadaImportSummary *s, const char *text)
{
  for (guint i = 0; i < s->lines->len; i++)
    if (strstr (s->lines->pdata[i], text))
      return TRUE;
  return FALSE;
}

static PortadaNewsroom *
imported (PortadaImportSummary **summary)
{
  PortadaNewsroom *nr = portada_test_newsroom ();
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "menu.xml", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, menu_wxr, -1, NULL));
  *summary = portada_import_summary_new ();
  g_assert_true (portada_import_path (nr, path, "en", *summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return nr;
}

static void
test_import (void)
{
  g_autoptr (PortadaImportSummary) s = NULL;
  g_autoptr (PortadaNewsroom) nr = imported (&s);
  g_autoptr (GPtrArray) bar = portada_menu_load (nr, "en", PORTADA_MENU_BAR, NULL);
  g_autoptr (GPtrArray) footer = portada_menu_load (nr, "en", PORTADA_MENU_FOOTER, NULL);
  g_autoptr (PortadaArticle) beaches = portada_articles_load (nr, 1, NULL);
  PortadaMenuItem *item;

  /* In menu order, not file order; the heading, the missing page and the category
   * without articles left out and named; the social menu left out. */
  g_assert_cmpuint (s->menu_items, ==, 5);
  g_assert_cmpuint (bar->len, ==, 3);
  item = bar->pdata[0];
  g_assert_cmpint (item->kind, ==, PORTADA_MENU_SECTION);
  g_assert_cmpstr (item->target, ==, "tourism");
  g_assert_cmpstr (item->label, ==, "");
  item = bar->pdata[1];
  g_assert_cmpint (item->kind, ==, PORTADA_MENU_URL);
  g_assert_cmpstr (item->label, ==, "Read more");
  g_assert_cmpstr (item->target, ==, "https://other.example/read");
  item = bar->pdata[2];
  g_assert_cmpint (item->kind, ==, PORTADA_MENU_ARTICLE);
  g_assert_cmpstr (item->target, ==, beaches->uuid);
  g_assert_cmpuint (footer->len, ==, 2);
  g_assert_cmpstr (((PortadaMenuItem *) footer->pdata[0])->label, ==, "Contact");
  g_assert_cmpint (((PortadaMenuItem *) footer->pdata[1])->kind, ==, PORTADA_MENU_PAGE);
  g_assert_true (
      summary_has (s, "“Gone” skipped: it points to page 999, which is not in the file"));
  g_assert_true (summary_has (s, "“Topics” skipped: a heading without a link"));
  g_assert_true (summary_has (s, "it points to the category “empty”, which is no section"));
  g_assert_true (summary_has (s, "“X” skipped: a navigation menu item of a menu the site does not "
                                 "show"));
  g_assert_cmpuint (s->left_out, ==, 4);

  /* Again: the same menus, not doubled. */
  {
    g_autoptr (PortadaImportSummary) again = NULL;
    g_autoptr (PortadaNewsroom) other = imported (&again);
    g_autoptr (GPtrArray) bar2 = portada_menu_load (other, "en", PORTADA_MENU_BAR, NULL);
    g_assert_cmpuint (bar2->len, ==, 3);
  }
}

static void
test_render (void)
{
  g_autoptr (PortadaImportSummary) s = NULL;
  g_autoptr (PortadaNewsroom) nr = imported (&s);
  g_autoptr (PortadaArticle) a = portada_articles_load (nr, 1, NULL);
  PortadaRenderOptions options = { "2024-04-01", PORTADA_ASSETS_EXPORT };
  g_autoptr (GError) error = NULL;
  g_autofree char *html = portada_page_render_article (nr, a, &options, &error);
  const char *bar, *end, *footer;

  g_assert_no_error (error);
  bar = strstr (html, "<nav class=\"section-bar\"");
  g_assert_nonnull (bar);
  end = strstr (bar, "</nav>");
  /* Home, then the menu in its order: the section (current on its article, by its
   * own name), the outside link by its label, the article by its title. */
  {
    const char *tourism = strstr (bar, "aria-current=\"page\">Tourism</a>");
    const char *more = strstr (bar, "href=\"https://other.example/read\">Read more</a>");
    const char *beaches = strstr (bar, ">Beaches of Cuba</a>");
    g_assert_true (tourism && tourism < end);
    g_assert_true (more && more > tourism && more < end);
    g_assert_true (beaches && beaches > more && beaches < end);
    g_assert_null (g_strstr_len (bar, end - bar, "Gone"));
    g_assert_null (g_strstr_len (bar, end - bar, "Topics"));
  }
  footer = strstr (html, "<nav class=\"footer-menu\" aria-label=\"Links (footer)\">");
  g_assert_nonnull (footer);
  g_assert_nonnull (strstr (footer, "href=\"https://magazine.example/contact\">Contact</a>"));
  g_assert_nonnull (strstr (footer, ">About us</a>"));
  g_assert_null (strstr (html, "x.example"));

  /* The menu emptied: the sections again, no footer menu. */
  g_assert_true (portada_menu_replace (nr, "en", PORTADA_MENU_BAR, NULL, NULL));
  g_assert_true (portada_menu_replace (nr, "en", PORTADA_MENU_FOOTER, NULL, NULL));
  {
    g_autofree char *plain = portada_page_render_article (nr, a, &options, NULL);
    bar = strstr (plain, "<nav class=\"section-bar\"");
    g_assert_nonnull (strstr (bar, ">Tourism</a>"));
    g_assert_null (strstr (plain, "Read more"));
    g_assert_null (strstr (plain, "footer-menu"));
  }
}

static void
test_bad (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GPtrArray) items
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_menu_item_free);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (items, portada_menu_item_new ("Fine", PORTADA_MENU_URL, "https://a.example/"));
  g_assert_true (portada_menu_replace (nr, "en", PORTADA_MENU_BAR, items, NULL));
  /* An item pointing nowhere: refused, naming it; the menu stored stays. */
  g_ptr_array_add (items, portada_menu_item_new ("Nowhere", PORTADA_MENU_PAGE, ""));
  g_assert_false (portada_menu_replace (nr, "en", PORTADA_MENU_BAR, items, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nowhere"));
  after = portada_menu_load (nr, "en", PORTADA_MENU_BAR, NULL);
  g_assert_cmpuint (after->len, ==, 1);
  /* A hostile URL stored by another program never reaches the page. */
  g_assert_true (
      portada_newsroom_exec (nr,
                             "INSERT INTO menu_item (lang, menu, position, label, kind, target) "
                             "VALUES ('en', 'bar', 5, 'Evil', 'url', 'javascript:alert(1)')",
                             NULL));
  {
    g_autoptr (PortadaArticle) a = portada_article_new ();
    PortadaRenderOptions options = { "2024-04-01", PORTADA_ASSETS_EXPORT };
    g_autofree char *html = NULL;
    g_free (a->lang);
    a->lang = g_strdup ("en");
    g_free (a->title);
    a->title = g_strdup ("T");
    html = portada_page_render_article (nr, a, &options, NULL);
    g_assert_nonnull (strstr (html, ">Fine</a>"));
    g_assert_null (strstr (html, "Evil"));
    g_assert_null (strstr (html, "javascript:"));
  }
}

static char *
menus_of (PortadaNewsroom *nr)
{
  GString *out = g_string_new (NULL);

  for (int m = 0; m < 2; m++)
    {
      g_autoptr (GPtrArray) items
          = portada_menu_load (nr, "en", m ? PORTADA_MENU_FOOTER : PORTADA_MENU_BAR, NULL);
      for (guint i = 0; i < items->len; i++)
        {
          PortadaMenuItem *item = items->pdata[i];
          g_string_append_printf (out, "%d %s %d %s\n", m, item->label, item->kind, item->target);
        }
    }
  return g_string_free (out, FALSE);
}

/* Out in WXR as WordPress's exporter writes nav_menu_items, and back whole. */
static void
test_round_trip (void)
{
  g_autoptr (PortadaImportSummary) s = NULL;
  g_autoptr (PortadaNewsroom) a = imported (&s);
  g_autoptr (PortadaNewsroom) b = portada_test_newsroom ();
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "wxr-menus", NULL);
  g_autofree char *en = g_build_filename (out, "en.wxr.xml", NULL);
  g_autoptr (PortadaImportSummary) s2 = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL, *before = NULL, *after = NULL;

  g_assert_true (portada_wxr_export (a, out, "en", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (en, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<wp:term_taxonomy><![CDATA[nav_menu]]></wp:term_taxonomy>"));
  g_assert_nonnull (strstr (text, "<wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>"));
  g_assert_true (portada_import_path (b, en, "en", s2, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s2->menu_items, ==, 5);
  g_assert_cmpuint (s2->left_out, ==, 0);
  before = menus_of (a);
  after = menus_of (b);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/menu/import", test_import);
  g_test_add_func ("/menu/render", test_render);
  g_test_add_func ("/menu/bad", test_bad);
  g_test_add_func ("/menu/round-trip", test_round_trip);
  return g_test_run ();
}
