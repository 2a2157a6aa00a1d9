/* test-demo.c: the demo newsroom holds the seed page's content and problems.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-articles.h"
#include "portada-demo.h"
#include "portada-logo-list.h"
#include "portada-placement.h"
#include "portada-settings.h"
#include "portada-sponsor.h"
#include "portada-test-util.h"

static PortadaArticleSummary *
find_title (GPtrArray *list, const char *title, const char *slug)
{
  for (guint i = 0; i < list->len; i++)
    {
      PortadaArticleSummary *s = list->pdata[i];
      if (g_str_equal (s->title, title) && (slug == NULL || g_str_equal (s->slug, slug)))
        return s;
    }
  return NULL;
}

static void
test_seed_content (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) translations = NULL;
  g_autoptr (GPtrArray) related = NULL;
  g_autoptr (PortadaArticle) seed = NULL;
  PortadaArticleSummary *s;

  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  all = portada_articles_list (nr, &q, 0, 100, &error);
  /* The seed, an earlier brief of the same title, its translation, five related. */
  g_assert_cmpuint (all->len, ==, 8);

  s = find_title (all, "US, Latin America Seek to Boost Cybersecurity",
                  "us-latin-america-seek-to-boost-cybersecurity-2");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->section, ==, "business");
  g_assert_cmpint (s->status, ==, PORTADA_STATUS_PUBLISHED);
  seed = portada_articles_load (nr, s->id, &error);
  g_assert_cmpstr (seed->source_name, ==, "VOA");
  g_assert_true (g_str_has_prefix (seed->source_url, "https://www.voanews.com/a/"));
  g_assert_true (g_str_has_prefix (seed->body, "Countries up and down the Western Hemisphere"));
  g_assert_null (strstr (seed->body, "voanews")); /* the source is a field, not body text */
  {
    g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (seed->publish_at);
    g_assert_cmpint (g_date_time_get_year (dt), ==, 2023);
  }

  translations = portada_articles_translations (nr, seed, &error);
  g_assert_cmpuint (translations->len, ==, 1);
  g_assert_cmpstr (((PortadaArticleSummary *) translations->pdata[0])->lang, ==, "es");

  related = portada_articles_related (nr, seed, 5, &error);
  g_assert_cmpuint (related->len, ==, 5);
  g_assert_cmpstr (((PortadaArticleSummary *) related->pdata[0])->title, ==,
                   "Pole Dancing in Israel: A New Dimension with BlueDance.co.il");
  g_assert_cmpstr (((PortadaArticleSummary *) related->pdata[4])->title, ==,
                   "Barbados Airport Receives 54 Flights in One Day");
}

static gboolean
list_has (PortadaNewsroom *nr, gint64 list_id, const char *name)
{
  g_autoptr (GArray) members = portada_logo_lists_members (nr, list_id, NULL);

  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr (PortadaSponsor) s = portada_sponsors_load (
          nr, g_array_index (members, PortadaLogoListMember, i).sponsor_id, NULL);
      if (g_str_equal (s->name, name))
        return TRUE;
    }
  return FALSE;
}

static void
test_seed_sponsors (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sponsors = NULL;
  g_autoptr (GPtrArray) lists = NULL;
  g_autoptr (GPtrArray) placements = NULL;
  g_autoptr (GArray) a = NULL;
  g_autoptr (GArray) b = NULL;
  gboolean slug_alt = FALSE;

  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  sponsors = portada_sponsors_list (nr, &error);
  g_assert_cmpuint (sponsors->len, ==, 33); /* 23 + 13, three on both lists */
  for (guint i = 0; i < sponsors->len; i++)
    {
      PortadaSponsor *s = sponsors->pdata[i];
      g_assert_cmpint (s->logo_media_id, >, 0);
      if (g_str_equal (s->alt_text, "blackanddecker"))
        slug_alt = TRUE;
    }
  g_assert_true (slug_alt);

  lists = portada_logo_lists_list (nr, &error);
  g_assert_cmpuint (lists->len, ==, 2);
  a = portada_logo_lists_members (nr, ((PortadaLogoList *) lists->pdata[0])->id, &error);
  b = portada_logo_lists_members (nr, ((PortadaLogoList *) lists->pdata[1])->id, &error);
  g_assert_cmpuint (a->len, ==, 23);
  g_assert_cmpuint (b->len, ==, 13);
  /* The two spellings of one hotel stay, one on each list, for the checks to find. */
  g_assert_true (list_has (nr, ((PortadaLogoList *) lists->pdata[0])->id, "Barceló Solymar"));
  g_assert_true (list_has (nr, ((PortadaLogoList *) lists->pdata[1])->id, "Hotel Barcelo Solymar"));
  g_assert_true (list_has (nr, ((PortadaLogoList *) lists->pdata[1])->id, "INTERFER"));
  g_assert_true (list_has (nr, ((PortadaLogoList *) lists->pdata[0])->id, "INTERFER"));

  placements = portada_placements_list (nr, &error);
  g_assert_cmpuint (placements->len, ==, 6);
  g_assert_cmpstr (((PortadaPlacement *) placements->pdata[0])->slot, ==, "header");
  g_assert_cmpint (((PortadaPlacement *) placements->pdata[1])->max_logos, ==, 16);
  g_assert_cmpstr (((PortadaPlacement *) placements->pdata[5])->slot, ==, "footer");
  g_assert_cmpint (((PortadaPlacement *) placements->pdata[5])->max_logos, ==, 22);
}

static void
test_generated_deterministic (void)
{
  g_autoptr (PortadaNewsroom) one = portada_test_newsroom ();
  g_autoptr (PortadaNewsroom) two = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GPtrArray) l1 = NULL;
  g_autoptr (GPtrArray) l2 = NULL;
  guint es = 0, headings = 0;
  g_autoptr (GHashTable) sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (portada_demo_fill (one, 60, NULL, NULL, &error));
  g_assert_true (portada_demo_fill (two, 60, NULL, NULL, &error));
  l1 = portada_articles_list (one, &q, 0, 1000, &error);
  l2 = portada_articles_list (two, &q, 0, 1000, &error);
  g_assert_cmpuint (l1->len, ==, 68);
  g_assert_cmpuint (l2->len, ==, 68);
  for (guint i = 0; i < l1->len; i++)
    {
      PortadaArticleSummary *x = l1->pdata[i], *y = l2->pdata[i];
      g_autoptr (PortadaArticle) ax = portada_articles_load (one, x->id, &error);
      g_autoptr (PortadaArticle) ay = portada_articles_load (two, y->id, &error);
      guint words = portada_text_count_words (ax->body);

      g_assert_cmpstr (ax->title, ==, ay->title);
      g_assert_cmpstr (ax->body, ==, ay->body);
      g_assert_cmpint (ax->publish_at, ==, ay->publish_at);
      if (ax->section)
        g_hash_table_add (sections, g_strdup (ax->section));
      if (g_str_equal (ax->lang, "es"))
        es++;
      if (strstr (ax->body, "\n## "))
        headings++;
      if (i < 60 && !g_str_has_prefix (ax->title, "US, Latin") && ax->excerpt == NULL
          && ax->source_name == NULL && words > 500)
        g_assert_cmpuint (words, <=, 1700);
      g_assert_cmpuint (g_strv_length (ax->tags), >=, 1);
    }
  g_assert_cmpuint (g_hash_table_size (sections), ==, 6);
  g_assert_cmpuint (es, >=, 30);
  g_assert_cmpuint (headings, >=, 50);
}

static void
test_placeholder_logo (void)
{
  g_autoptr (GBytes) a = portada_demo_placeholder_logo ("Cubasol <&>", 200, 80);
  g_autoptr (GBytes) b = portada_demo_placeholder_logo ("Cubasol <&>", 200, 80);
  g_autofree char *text = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));

  g_assert_true (g_bytes_equal (a, b));
  g_assert_true (g_str_has_prefix (text, "<svg "));
  g_assert_nonnull (strstr (text, "Cubasol &lt;&amp;&gt;"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/seed-content", test_seed_content);
  g_test_add_func ("/demo/seed-sponsors", test_seed_sponsors);
  g_test_add_func ("/demo/generated-deterministic", test_generated_deterministic);
  g_test_add_func ("/demo/placeholder-logo", test_placeholder_logo);
  return g_test_run ();
}
