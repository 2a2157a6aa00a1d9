/* test-articles.c: storing, listing, searching and revising articles.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-article-checks.h"
#include "portada-articles.h"
#include "portada-revisions.h"
#include "portada-settings.h"
#include "portada-test-util.h"

static PortadaNewsroom *
newsroom_with_sections (void)
{
  PortadaNewsroom *nr = portada_test_newsroom ();
  const char *keys[] = { "business", "tourism" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr (PortadaSection) s = portada_section_new (keys[i]);
      g_autoptr (GError) error = NULL;
      portada_section_set_label (s, "en", keys[i], keys[i]);
      g_assert_true (portada_sections_save (nr, s, &error));
    }
  return nr;
}

static PortadaArticle *
article (const char *title, const char *section, gint64 publish_at)
{
  PortadaArticle *a = portada_article_new ();
  g_free (a->title);
  a->title = g_strdup (title);
  a->section = g_strdup (section);
  a->publish_at = publish_at;
  g_free (a->body);
  a->body = g_strdup_printf ("The body of %s.", title);
  return a;
}

static void
test_save_load_roundtrip (void)
{
  g_autoptr (PortadaNewsroom) nr = newsroom_with_sections ();
  g_autoptr (PortadaArticle) a = article ("Cervecería abre planta", "business", 1696429800);
  g_autoptr (PortadaArticle) b = NULL;
  g_autoptr (GError) error = NULL;

  a->subtitle = g_strdup ("Una inversión regional");
  a->status = PORTADA_STATUS_SCHEDULED;
  a->author = g_strdup ("Carmen Rivas");
  a->excerpt = g_strdup ("Short.");
  a->source_name = g_strdup ("VOA");
  a->source_url = g_strdup ("https://www.voanews.com/a/x");
  a->comments_enabled = FALSE;
  g_strfreev (a->tags);
  a->tags = g_strsplit ("Beer,Investment", ",", -1);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  g_assert_nonnull (a->uuid);
  g_assert_cmpstr (a->translation_group, ==, a->uuid);
  g_assert_cmpstr (a->slug, ==, "cerveceria-abre-planta");

  b = portada_articles_load (nr, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->title, ==, a->title);
  g_assert_cmpstr (b->subtitle, ==, "Una inversión regional");
  g_assert_cmpint (b->status, ==, PORTADA_STATUS_SCHEDULED);
  g_assert_cmpstr (b->author, ==, "Carmen Rivas");
  g_assert_cmpstr (b->section, ==, "business");
  g_assert_cmpint (b->publish_at, ==, 1696429800);
  g_assert_cmpstr (b->source_url, ==, "https://www.voanews.com/a/x");
  g_assert_false (b->comments_enabled);
  g_assert_cmpuint (g_strv_length (b->tags), ==, 2);
  g_assert_cmpstr (b->tags[0], ==, "Beer");
  g_assert_cmpstr (b->tags[1], ==, "Investment");
}

static void
test_slug_clashes (void)
{
  g_autoptr (PortadaNewsroom) nr = newsroom_with_sections ();
  g_autoptr (GError) error = NULL;
  gint64 y2023 = 1696429800, y2024 = 1717200000;
  const struct
  {
    const char *section;
    gint64 when;
    const char *slug;
  } cases[] = {
    { "business", y2023, "same-title" },   { "business", y2023, "same-title-2" },
    { "business", y2023, "same-title-3" }, { "tourism", y2023, "same-title" },
    { "business", y2024, "same-title" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PortadaArticle) a = article ("Same Title", cases[i].section, cases[i].when);
      g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
      g_assert_cmpstr (a->slug, ==, cases[i].slug);
      /* Saving again keeps the slug: an article does not clash with itself. */
      g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
      g_assert_cmpstr (a->slug, ==, cases[i].slug);
    }
}

static void
test_bad_input_keeps_stored (void)
{
  g_autoptr (PortadaNewsroom) nr = newsroom_with_sections ();
  g_autoptr (PortadaArticle) a = article ("Stored", "business", 1696429800);
  g_autoptr (PortadaArticle) again = NULL;
  g_autoptr (GError) error = NULL;
  struct
  {
    const char *field;
    char **slot;
    const char *value;
  } bad[] = {
    { "title", &a->title, "bad \xfe utf-8" },
    { "body", &a->body, "\xc3\x28" },
    { "source URL", &a->source_url, "javascript:alert(1)" },
    { "source URL", &a->source_url, "ftp://example.com/x" },
    { "section", &a->section, "no-such-section" },
  };

  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *old = g_strdup (*bad[i].slot);
      g_free (*bad[i].slot);
      *bad[i].slot = g_strdup (bad[i].value);
      g_assert_false (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad[i].field));
      g_clear_error (&error);
      g_free (*bad[i].slot);
      *bad[i].slot = g_steal_pointer (&old);
    }
  again = portada_articles_load (nr, a->id, &error);
  g_assert_cmpstr (again->title, ==, "Stored");
  g_assert_cmpstr (again->body, ==, "The body of Stored.");
  g_assert_null (again->source_url);
}

static void
test_list_page_and_filters (void)
{
  g_autoptr (PortadaNewsroom) nr = newsroom_with_sections ();
  g_autoptr (GError) error = NULL;
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GPtrArray) page1 = NULL;
  g_autoptr (GPtrArray) page2 = NULL;

  g_assert_true (portada_newsroom_begin (nr, &error));
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Article %02d", i);
      g_autoptr (PortadaArticle) a
          = article (title, i % 3 ? "business" : "tourism", 1600000000 + i * 86400);
      a->status = i % 2 ? PORTADA_STATUS_PUBLISHED : PORTADA_STATUS_DRAFT;
      if (i % 5 == 0)
        {
          g_free (a->lang);
          a->lang = g_strdup ("es");
        }
      g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_NO_REVISION, &error));
    }
  g_assert_true (portada_newsroom_commit (nr, &error));

  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 30);
  page1 = portada_articles_list (nr, &q, 0, 10, &error);
  page2 = portada_articles_list (nr, &q, 10, 10, &error);
  g_assert_cmpuint (page1->len, ==, 10);
  g_assert_cmpstr (((PortadaArticleSummary *) page1->pdata[0])->title, ==, "Article 29");
  g_assert_cmpstr (((PortadaArticleSummary *) page2->pdata[0])->title, ==, "Article 19");

  q.status = PORTADA_STATUS_DRAFT;
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 15);
  q.lang = "es";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 3);
  q.status = PORTADA_STATUS_ANY;
  q.lang = NULL;
  q.section = "tourism";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 10);
  q.section = NULL;
  q.author = "Nobody";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 0);
}

static void
test_search (void)
{
  g_autoptr (PortadaNewsroom) nr = newsroom_with_sections ();
  g_autoptr (GError) error = NULL;
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  const char *titles[] = { "Cervecería Centroamericana invierte", "Hotel opens in Cancún",
                           "Cybersecurity summit at the OAS" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr (PortadaArticle) a = article (titles[i], "business", 1600000000 + i);
      g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
    }

  /* Accents do not matter, the last word is a prefix, every word must match. */
  q.search = "cerveceria";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 1);
  q.search = "cancun";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 1);
  q.search = "cyber";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 1);
  q.search = "summit hotel";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 0);
  q.search = "body of";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 3);
  /* FTS5 syntax typed by a user is taken as text, never an error. */
  const char *hostile[] = { "\"", "AND OR NOT", "title:x", "a* ) (", "NEAR(", "\xff", "-", "" };
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      q.search = hostile[i];
      g_assert_cmpint (portada_articles_count (nr, &q, &error), >=, 0);
      g_assert_no_error (error);
    }
  q.search = "";
  g_assert_cmpint (portada_articles_count (nr, &q, &error), ==, 3);
}

static void
test_revisions (void)
{
  g_autoptr (PortadaNewsroom) nr = newsroom_with_sections ();
  g_autoptr (PortadaArticle) a = article ("Draft", "business", 0);
  g_autoptr (GPtrArray) revs = NULL;
  g_autoptr (PortadaRevision) r = NULL;
  g_autoptr (PortadaArticle) restored = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_free (a->body);
  a->body = g_strdup ("Second text.");
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  revs = portada_revisions_list (nr, a->id, &error);
  g_assert_cmpuint (revs->len, ==, 0); /* a fresh article keeps no revision at every keystroke */

  a->status = PORTADA_STATUS_REVIEW;
  g_free (a->body);
  a->body = g_strdup ("Third text, for review.");
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_clear_pointer (&revs, g_ptr_array_unref);
  revs = portada_revisions_list (nr, a->id, &error);
  g_assert_cmpuint (revs->len, ==, 1);
  r = portada_revisions_load (nr, ((PortadaRevision *) revs->pdata[0])->id, &error);
  g_assert_cmpstr (r->reason, ==, "status");
  g_assert_cmpint (r->status, ==, PORTADA_STATUS_DRAFT);
  g_assert_cmpstr (r->body, ==, "Second text.");

  g_assert_true (portada_revisions_restore (nr, r->id, &error));
  g_assert_no_error (error);
  restored = portada_articles_load (nr, a->id, &error);
  g_assert_cmpstr (restored->body, ==, "Second text.");
  g_clear_pointer (&revs, g_ptr_array_unref);
  revs = portada_revisions_list (nr, a->id, &error);
  g_assert_cmpuint (revs->len, ==, 2); /* the text before the restore is kept too */

  g_assert_null (portada_revisions_load (nr, 9999, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
}

static void
test_translations_related_delete (void)
{
  g_autoptr (PortadaNewsroom) nr = newsroom_with_sections ();
  g_autoptr (PortadaArticle) en = article ("Main story", "business", 1700000000);
  g_autoptr (PortadaArticle) es = article ("Historia principal", "business", 1700000100);
  g_autoptr (GPtrArray) tr = NULL;
  g_autoptr (GPtrArray) rel = NULL;
  g_autoptr (GError) error = NULL;

  g_strfreev (en->tags);
  en->tags = g_strsplit ("trade,ports", ",", -1);
  en->status = PORTADA_STATUS_PUBLISHED;
  g_assert_true (portada_articles_save (nr, en, PORTADA_SAVE_DEFAULT, &error));
  g_free (es->lang);
  es->lang = g_strdup ("es");
  es->translation_group = g_strdup (en->translation_group);
  g_assert_true (portada_articles_save (nr, es, PORTADA_SAVE_DEFAULT, &error));
  tr = portada_articles_translations (nr, en, &error);
  g_assert_cmpuint (tr->len, ==, 1);
  g_assert_cmpstr (((PortadaArticleSummary *) tr->pdata[0])->lang, ==, "es");

  for (int i = 0; i < 8; i++)
    {
      g_autofree char *title = g_strdup_printf ("Other %d", i);
      g_autoptr (PortadaArticle) o = article (title, "tourism", 1700000000 - i * 1000);
      o->status = PORTADA_STATUS_PUBLISHED;
      g_strfreev (o->tags);
      o->tags = g_strsplit (i == 6 ? "trade,ports" : i == 7 ? "ports" : "other", ",", -1);
      g_assert_true (portada_articles_save (nr, o, PORTADA_SAVE_DEFAULT, &error));
    }
  rel = portada_articles_related (nr, en, 5, &error);
  g_assert_cmpuint (rel->len, ==, 5);
  /* Most shared tags first, then recency; never the article itself or its translation. */
  g_assert_cmpstr (((PortadaArticleSummary *) rel->pdata[0])->title, ==, "Other 6");
  g_assert_cmpstr (((PortadaArticleSummary *) rel->pdata[1])->title, ==, "Other 7");
  g_assert_cmpstr (((PortadaArticleSummary *) rel->pdata[2])->title, ==, "Other 0");

  g_assert_true (portada_articles_delete (nr, es->id, &error));
  g_assert_false (portada_articles_delete (nr, es->id, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
}

static void
test_word_count_reading_time (void)
{
  g_assert_cmpuint (portada_text_count_words (""), ==, 0);
  g_assert_cmpuint (portada_text_count_words ("## Título\n\n**Año** récord, *sí*."), ==, 4);
  g_assert_cmpuint (portada_text_count_words ("It's [a link](https://x.org)"), ==, 6);
  /* Invalid UTF-8 (a cut emoji at the end) is counted, not read past. */
  g_assert_cmpuint (portada_text_count_words ("dos palabras \xf0\x9f"), ==, 2);
  g_assert_cmpuint (portada_reading_time_minutes (0), ==, 1);
  g_assert_cmpuint (portada_reading_time_minutes (200), ==, 1);
  g_assert_cmpuint (portada_reading_time_minutes (201), ==, 2);
  g_assert_cmpuint (portada_reading_time_minutes (1600), ==, 8);
}

static gboolean
has_problem (GPtrArray *problems, const char *kind, gint64 id)
{
  for (guint i = 0; i < problems->len; i++)
    {
      PortadaProblem *p = problems->pdata[i];
      if (g_str_equal (p->kind, kind) && p->target_id == id)
        return p->message && *p->message && p->fix && *p->fix;
    }
  return FALSE;
}

static void
test_checks (void)
{
  g_autoptr (PortadaNewsroom) nr = newsroom_with_sections ();
  g_autoptr (PortadaArticle) fine = article ("Fine", "business", 1700000000);
  g_autoptr (PortadaArticle) no_date = article ("No date", "business", 0);
  g_autoptr (PortadaArticle) half = article ("Half a source", "business", 1700000000);
  g_autoptr (PortadaArticle) twin = article ("Twin", "business", 1700000000);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  fine->status = PORTADA_STATUS_PUBLISHED;
  fine->source_name = g_strdup ("VOA");
  fine->source_url = g_strdup ("https://www.voanews.com/");
  no_date->status = PORTADA_STATUS_PUBLISHED;
  half->source_name = g_strdup ("VOA");
  g_assert_true (portada_articles_save (nr, fine, PORTADA_SAVE_DEFAULT, &error));
  g_assert_true (portada_articles_save (nr, no_date, PORTADA_SAVE_DEFAULT, &error));
  g_assert_true (portada_articles_save (nr, half, PORTADA_SAVE_DEFAULT, &error));
  twin->translation_group = g_strdup (fine->translation_group);
  g_assert_true (portada_articles_save (nr, twin, PORTADA_SAVE_DEFAULT, &error));

  problems = portada_article_checks_run (nr, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (problems, "article-no-date", no_date->id));
  g_assert_true (has_problem (problems, "article-source-half", half->id));
  g_assert_true (has_problem (problems, "article-double-translation", twin->id));
  g_assert_false (has_problem (problems, "article-double-translation", fine->id));
  g_assert_cmpuint (problems->len, ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/articles/save-load", test_save_load_roundtrip);
  g_test_add_func ("/articles/slug-clashes", test_slug_clashes);
  g_test_add_func ("/articles/bad-input-keeps-stored", test_bad_input_keeps_stored);
  g_test_add_func ("/articles/list-page-filters", test_list_page_and_filters);
  g_test_add_func ("/articles/search", test_search);
  g_test_add_func ("/articles/revisions", test_revisions);
  g_test_add_func ("/articles/translations-related-delete", test_translations_related_delete);
  g_test_add_func ("/articles/words-reading-time", test_word_count_reading_time);
  g_test_add_func ("/articles/checks", test_checks);
  return g_test_run ();
}
