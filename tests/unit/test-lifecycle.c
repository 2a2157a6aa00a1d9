/* test-lifecycle.c: an article's life: its slug until published, scheduling, the
 * checks before publishing, the Trash, revisions, the word diff.
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
#include "portada-site-export.h"
#include "portada-slug.h"
#include "portada-test-util.h"
#include "portada-trash.h"
#include "portada-word-diff.h"

#define T0 1780000000 /* 2026-05-28 */

static gint64 fake_now = T0;

static gint64
fake_clock (void)
{
  return fake_now;
}

static void
save (PortadaNewsroom *nr, PortadaArticle *a)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
}

static PortadaArticle *
untitled (PortadaNewsroom *nr)
{
  PortadaArticle *a = portada_article_new ();
  save (nr, a);
  return a;
}

static void
set_title (PortadaArticle *a, const char *title)
{
  g_free (a->title);
  a->title = g_strdup (title);
}

/* ------------------------------------------------------------------ */
/* Slugs */

static void
test_slug_follows_title_until_published (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) first = untitled (nr);
  g_autoptr (PortadaArticle) a = untitled (nr);

  g_assert_cmpstr (first->slug, ==, "article");
  g_assert_cmpstr (a->slug, ==, "article-2");
  /* The title arrives: the slug follows, no "article-2" left. */
  set_title (a, "Cervecería abre planta");
  save (nr, a);
  g_assert_cmpstr (a->slug, ==, "cerveceria-abre-planta");
  set_title (a, "Cervecería abre su planta");
  save (nr, a);
  g_assert_cmpstr (a->slug, ==, "cerveceria-abre-su-planta");

  /* Published: from then on the address stays. */
  a->status = PORTADA_STATUS_PUBLISHED;
  save (nr, a);
  g_assert_cmpint (a->first_published_at, >, 0);
  set_title (a, "Cervecería inaugura planta");
  save (nr, a);
  g_assert_cmpstr (a->slug, ==, "cerveceria-abre-su-planta");
  /* Back to draft: still the published address. */
  a->status = PORTADA_STATUS_DRAFT;
  set_title (a, "Otro título");
  save (nr, a);
  g_assert_cmpstr (a->slug, ==, "cerveceria-abre-su-planta");
  /* Unless the user edits it. */
  g_free (a->slug);
  a->slug = g_strdup ("nueva-direccion");
  save (nr, a);
  g_assert_cmpstr (a->slug, ==, "nueva-direccion");
}

static void
test_slug_typed_stays (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) a = untitled (nr);

  set_title (a, "First");
  save (nr, a);
  g_free (a->slug);
  a->slug = g_strdup ("my-own");
  save (nr, a);
  set_title (a, "Second");
  save (nr, a);
  g_assert_cmpstr (a->slug, ==, "my-own");
  /* A clash still gets a number, and the number follows the title too. */
  {
    g_autoptr (PortadaArticle) b = untitled (nr);
    set_title (b, "Second");
    save (nr, b);
    g_assert_cmpstr (b->slug, ==, "second");
  }
}

static void
test_slug_is_derived (void)
{
  g_assert_true (portada_slug_is_derived ("article", ""));
  g_assert_true (portada_slug_is_derived ("article-12", ""));
  g_assert_true (portada_slug_is_derived ("hola-mundo", "Hola, mundo"));
  g_assert_false (portada_slug_is_derived ("article-x", ""));
  g_assert_false (portada_slug_is_derived ("article-", ""));
  g_assert_false (portada_slug_is_derived ("hola", "Hola, mundo"));
  g_assert_false (portada_slug_is_derived (NULL, "x"));
}

/* ------------------------------------------------------------------ */
/* Scheduling and the checks before publishing */

static guint
articles_exported (PortadaNewsroom *nr, gint64 now)
{
  g_autofree char *tmp = portada_test_tmpdir ();
  static int n;
  g_autofree char *name = g_strdup_printf ("site-%d", ++n);
  g_autofree char *out = g_build_filename (tmp, name, NULL);
  PortadaSiteExportOptions options = { "2026-05-28", now };
  PortadaSiteExportStats stats = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (
      portada_site_export_full (nr, out, NULL, &options, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  return stats.articles;
}

static PortadaArticle *
published (PortadaNewsroom *nr, const char *title, gint64 publish_at)
{
  PortadaArticle *a = portada_article_new ();

  set_title (a, title);
  g_free (a->body);
  a->body = g_strdup ("Some text.");
  a->status = PORTADA_STATUS_PUBLISHED;
  a->publish_at = publish_at;
  save (nr, a);
  return a;
}

static void
test_future_published_not_exported (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) past = published (nr, "Past", T0 - 3600);
  g_autoptr (PortadaArticle) future = published (nr, "Future", T0 + 86400);
  g_autoptr (PortadaArticle) trashed = published (nr, "Trashed", T0 - 7200);
  g_autoptr (GError) error = NULL;
  guint before;

  g_assert_true (portada_trash_move (nr, trashed->id, &error));
  before = articles_exported (nr, T0);
  /* The day after its date the scheduled one is in. */
  g_assert_cmpuint (articles_exported (nr, T0 + 2 * 86400), ==, before + 1);
  /* And the trashed one only once it is restored. */
  g_assert_true (portada_trash_restore (nr, trashed->id, &error));
  g_assert_cmpuint (articles_exported (nr, T0), ==, before + 1);
}

static void
test_checks_before_publish (void)
{
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autoptr (GPtrArray) empty = NULL;
  g_autoptr (GPtrArray) fine = NULL;

  empty = portada_article_checks_before_publish (NULL, a);
  g_assert_cmpuint (empty->len, ==, 3); /* no title, no section, no text */
  set_title (a, "A title");
  a->section = g_strdup ("business");
  g_free (a->body);
  a->body = g_strdup ("Text ![](a.png) and ![ ](b.png) and ![A cat](c.png) ![x]");
  {
    g_autoptr (GPtrArray) alt = portada_article_checks_before_publish (NULL, a);
    g_assert_cmpuint (alt->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (alt, 0), "2 images"));
  }
  g_free (a->body);
  a->body = g_strdup ("Text ![A cat](c.png)");
  fine = portada_article_checks_before_publish (NULL, a);
  g_assert_cmpuint (fine->len, ==, 0);
}

/* What the export asks: only the articles it publishes at that moment (not a future
 * one, not one in the Trash), at most as many as asked for, the total said. */
static void
test_checks_before_export (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) a = published (nr, "Sectionless", T0 - 60);
  g_autoptr (PortadaArticle) b = published (nr, "Soon untitled", T0 - 120);
  g_autoptr (PortadaArticle) future = published (nr, "", T0 + 3600);
  g_autoptr (PortadaArticle) trashed = published (nr, "Trashed", T0 - 30);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) one = NULL;
  g_autoptr (GError) error = NULL;
  guint total = 0;

  set_title (b, "");
  save (nr, b);
  g_assert_true (portada_trash_move (nr, trashed->id, &error));
  all = portada_article_checks_before_export (nr, T0, 100, &total, &error);
  g_assert_no_error (error);
  /* a: no section; b: no title, no section; the future and the trashed ones: nothing. */
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpuint (total, ==, 3);
  for (guint i = 0; i < all->len; i++)
    {
      PortadaProblem *p = g_ptr_array_index (all, i);
      g_assert_true (p->target_id == a->id || p->target_id == b->id);
    }
  g_assert_cmpstr (((PortadaProblem *) g_ptr_array_index (all, 0))->kind, ==, "publish-no-title");
  g_assert_cmpstr (((PortadaProblem *) g_ptr_array_index (all, 0))->subject, ==, "Untitled");
  one = portada_article_checks_before_export (nr, T0, 1, &total, &error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (total, ==, 3);
  /* Once the future one's time has come, it is asked about too. */
  {
    g_autoptr (GPtrArray) later
        = portada_article_checks_before_export (nr, T0 + 7200, 100, &total, &error);
    g_assert_cmpuint (total, ==, 5);
  }
}

/* ------------------------------------------------------------------ */
/* The Trash */

static void
test_trash_hides_and_restores (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) a = published (nr, "Panama canal news", T0 - 60);
  g_autoptr (PortadaArticle) b = published (nr, "Another panama story", T0 - 120);
  g_autoptr (GError) error = NULL;
  PortadaArticleQuery all = PORTADA_ARTICLE_QUERY_INIT;
  PortadaArticleQuery search = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GPtrArray) trash = NULL;
  g_autoptr (GPtrArray) related = NULL;

  search.search = "panama";
  g_assert_cmpint (portada_articles_count (nr, &all, NULL), ==, 2);
  g_assert_true (portada_trash_move (nr, a->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (portada_articles_count (nr, &all, NULL), ==, 1);
  g_assert_cmpint (portada_articles_count (nr, &search, NULL), ==, 1);
  related = portada_articles_related (nr, b, 5, &error);
  g_assert_cmpuint (related->len, ==, 0);
  trash = portada_trash_list (nr, &error);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_cmpint (((PortadaArticleSummary *) trash->pdata[0])->id, ==, a->id);
  g_assert_cmpint (portada_trash_deleted_at (nr, a->id, NULL), >, 0);

  /* Twice is an error that names it; so is restoring what is not there. */
  g_assert_false (portada_trash_move (nr, a->id, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (portada_trash_restore (nr, b->id, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (portada_trash_restore (nr, 9999, &error));
  g_clear_error (&error);

  g_assert_true (portada_trash_restore (nr, a->id, &error));
  g_assert_cmpint (portada_articles_count (nr, &all, NULL), ==, 2);
  g_assert_cmpint (portada_trash_deleted_at (nr, a->id, NULL), ==, 0);
}

static void
test_trash_empty_and_expiry (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) old = published (nr, "Old", T0 - 60);
  g_autoptr (PortadaArticle) recent = published (nr, "Recent", T0 - 60);
  g_autoptr (PortadaArticle) kept = published (nr, "Kept", T0 - 60);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaArticle) gone = NULL;

  portada_articles_set_clock (fake_clock);
  fake_now = T0;
  g_assert_true (portada_trash_move (nr, old->id, &error));
  fake_now = T0 + 20 * 86400;
  g_assert_true (portada_trash_move (nr, recent->id, &error));
  /* Day 31: the first one has been there 31 days, the other 11. */
  fake_now = T0 + 31 * 86400;
  g_assert_cmpint (portada_trash_empty_expired (nr, &error), ==, 1);
  gone = portada_articles_load (nr, old->id, &error);
  g_assert_null (gone);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (portada_trash_empty (nr, G_MAXINT64, &error), ==, 1);
  g_assert_cmpint (portada_trash_empty (nr, G_MAXINT64, &error), ==, 0);
  g_assert_cmpint (portada_trash_deleted_at (nr, kept->id, NULL), ==, 0);
  portada_articles_set_clock (NULL);
}

/* ------------------------------------------------------------------ */
/* Revisions */

static guint
n_revisions (PortadaNewsroom *nr, gint64 id)
{
  g_autoptr (GPtrArray) list = portada_revisions_list (nr, id, NULL);
  return list->len;
}

static void
test_revision_cadence (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) a = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  portada_articles_set_clock (fake_clock);
  g_assert_true (portada_settings_set (nr, PORTADA_SETTING_DEFAULT_AUTHOR, "Carmen Rivas", NULL));
  fake_now = T0;
  a = untitled (nr);
  /* Typing for nine minutes, a save every minute: no revision yet. */
  for (int i = 1; i <= 9; i++)
    {
      fake_now = T0 + i * 60;
      g_free (a->body);
      a->body = g_strdup_printf ("words %d", i);
      save (nr, a);
    }
  g_assert_cmpuint (n_revisions (nr, a->id), ==, 0);
  /* Ten minutes: one. */
  fake_now = T0 + 10 * 60;
  g_free (a->body);
  a->body = g_strdup ("words 10");
  save (nr, a);
  g_assert_cmpuint (n_revisions (nr, a->id), ==, 1);
  /* A save without a change keeps none, however late. */
  fake_now = T0 + 60 * 60;
  save (nr, a);
  g_assert_cmpuint (n_revisions (nr, a->id), ==, 1);
  /* Every status change keeps one, at once. */
  fake_now += 1;
  a->status = PORTADA_STATUS_REVIEW;
  save (nr, a);
  g_assert_cmpuint (n_revisions (nr, a->id), ==, 2);
  list = portada_revisions_list (nr, a->id, &error);
  {
    PortadaRevision *r = g_ptr_array_index (list, 0);
    g_assert_cmpstr (r->reason, ==, "status");
    g_assert_cmpint (r->created_at, ==, fake_now);
    g_assert_cmpstr (r->author, ==, "Carmen Rivas");
  }
  portada_articles_set_clock (NULL);
}

/* ------------------------------------------------------------------ */
/* The word diff */

static char *
render (GArray *diff, gboolean old_side)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      PortadaDiffSpan *span = &g_array_index (diff, PortadaDiffSpan, i);
      if (span->kind == PORTADA_DIFF_SAME
          || span->kind == (old_side ? PORTADA_DIFF_REMOVED : PORTADA_DIFF_ADDED))
        g_string_append (s, span->text);
    }
  return g_string_free (s, FALSE);
}

static char *
marked (GArray *diff)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      PortadaDiffSpan *span = &g_array_index (diff, PortadaDiffSpan, i);
      const char *open = span->kind == PORTADA_DIFF_ADDED     ? "{+"
                         : span->kind == PORTADA_DIFF_REMOVED ? "[-"
                                                              : "";
      const char *close = span->kind == PORTADA_DIFF_ADDED     ? "+}"
                          : span->kind == PORTADA_DIFF_REMOVED ? "-]"
                                                               : "";
      g_string_append_printf (s, "%s%s%s", open, span->text, close);
    }
  return g_string_free (s, FALSE);
}

static void
check_diff (const char *old_text, const char *new_text, const char *want, guint added,
            guint removed)
{
  g_autoptr (GArray) diff = portada_word_diff (old_text, new_text);
  g_autofree char *o = render (diff, TRUE);
  g_autofree char *n = render (diff, FALSE);
  g_autofree char *m = marked (diff);
  guint plus, minus;

  g_assert_cmpstr (o, ==, old_text);
  g_assert_cmpstr (n, ==, new_text);
  if (want)
    g_assert_cmpstr (m, ==, want);
  portada_word_diff_count (diff, &plus, &minus);
  g_assert_cmpuint (plus, ==, added);
  g_assert_cmpuint (minus, ==, removed);
}

static void
test_word_diff (void)
{
  check_diff ("", "", "", 0, 0);
  check_diff ("same text", "same text", "same text", 0, 0);
  check_diff ("the cat sat", "the dog sat", "the [-cat-]{+dog+} sat", 1, 1);
  check_diff ("one two", "one two three", "one two{+ three+}", 1, 0);
  check_diff ("", "new words here", "{+new words here+}", 3, 0);
  check_diff ("Line one.\nLine two stays.\nLine three.",
              "Line one.\nLine two stays.\nLine three, longer.",
              "Line one.\nLine two stays.\nLine [-three.-]{+three, longer.+}", 2, 1);
  check_diff ("a\nb\nc\n", "a\nc\n", "a\n[-b\n-]c\n", 0, 1);
  check_diff ("Él dijo «sí»", "Ella dijo «no»", "[-Él-]{+Ella+} dijo [-«sí»-]{+«no»+}", 2, 2);
}

static void
test_word_diff_large (void)
{
  /* Beyond the limits: whole blocks, still exact, still fast. */
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);

  for (int i = 0; i < 5000; i++)
    {
      g_string_append_printf (a, "word%d ", i);
      g_string_append_printf (b, "word%d ", i % 7 == 0 ? -i : i);
    }
  check_diff (a->str, b->str, NULL, 5000, 5000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lifecycle/slug-follows-title-until-published",
                   test_slug_follows_title_until_published);
  g_test_add_func ("/lifecycle/slug-typed-stays", test_slug_typed_stays);
  g_test_add_func ("/lifecycle/slug-is-derived", test_slug_is_derived);
  g_test_add_func ("/lifecycle/future-published-not-exported", test_future_published_not_exported);
  g_test_add_func ("/lifecycle/checks-before-publish", test_checks_before_publish);
  g_test_add_func ("/lifecycle/checks-before-export", test_checks_before_export);
  g_test_add_func ("/lifecycle/trash-hides-and-restores", test_trash_hides_and_restores);
  g_test_add_func ("/lifecycle/trash-empty-and-expiry", test_trash_empty_and_expiry);
  g_test_add_func ("/lifecycle/revision-cadence", test_revision_cadence);
  g_test_add_func ("/lifecycle/word-diff", test_word_diff);
  g_test_add_func ("/lifecycle/word-diff-large", test_word_diff_large);
  return g_test_run ();
}
