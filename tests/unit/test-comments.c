/* test-comments.c: readers' comments: stored, imported from WordPress (hostile,
 * orphaned, spam), shown threaded on the article page, and exported back.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-comments.h"
#include "portada-exchange.h"
#include "portada-html.h"
#include "portada-newsroom-private.h"
#include "portada-page.h"
#include "portada-test-util.h"
#include "portada-wxr.h"

#define WXR_HEAD                                                                                   \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "                              \
  "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "                                    \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "                                                 \
  "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>\n"                                      \
  "<wp:wxr_version>1.2</wp:wxr_version>\n"

#define COMMENT(id, parent, approved, type, author, url, content)                                  \
  "<wp:comment><wp:comment_id>" id "</wp:comment_id>"                                              \
  "<wp:comment_author><![CDATA[" author "]]></wp:comment_author>"                                  \
  "<wp:comment_author_email><![CDATA[" author "@example.com]]></wp:comment_author_email>"          \
  "<wp:comment_author_url>" url "</wp:comment_author_url>"                                         \
  "<wp:comment_date><![CDATA[2024-03-0" id " 10:00:00]]></wp:comment_date>"                        \
  "<wp:comment_date_gmt><![CDATA[2024-03-0" id " 15:00:00]]></wp:comment_date_gmt>"                \
  "<wp:comment_content><![CDATA[" content "]]></wp:comment_content>"                               \
  "<wp:comment_approved><![CDATA[" approved "]]></wp:comment_approved>"                            \
  "<wp:comment_type><![CDATA[" type "]]></wp:comment_type>"                                        \
  "<wp:comment_parent>" parent "</wp:comment_parent></wp:comment>\n"

/* A post with: a hostile comment (1), a reply to it (2), one waiting for
 * moderation (3), spam (4) and trash (5), a reply to the spam (6), a reply to a
 * comment not in the file (7), a pingback (8), a WooCommerce order note (9). */
static const char hostile_wxr[] = WXR_HEAD
    "<item><title>Comments wanted</title><guid>c-1</guid><wp:post_id>10</wp:post_id>"
    "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
    "<wp:post_date_gmt>2024-03-01 09:00:00</wp:post_date_gmt>"
    "<wp:post_name>comments-wanted</wp:post_name>"
    "<content:encoded><![CDATA[<p>Say something.</p>]]></content:encoded>\n" COMMENT (
        "1", "0", "1", "comment", "Mallory", "javascript:alert(1)",
        "<p onclick=\"steal()\">Nice <script>alert('x')</script>piece. <a "
        "href=\"javascript:alert(2)\">click</a> <img src=x onerror=alert(3)></p>"
        "<iframe src=\"https://evil.example/\"></iframe><style>body{display:none}</style>")
        COMMENT ("2", "1", "1", "", "Alice", "https://alice.example/", "I disagree with Mallory.")
            COMMENT ("3", "0", "0", "comment", "Pat", "", "Waiting for a moderator.")
                COMMENT ("4", "0", "spam", "comment", "Spammer", "https://spam.example/",
                         "Buy now") COMMENT ("5", "0", "trash", "comment", "Troll", "", "Deleted")
                    COMMENT ("6", "4", "1", "comment", "Bob", "", "Answering spam.")
                        COMMENT ("7", "99", "1", "comment", "Carol", "", "Answering the lost one.")
                            COMMENT ("8", "0", "1", "pingback", "Other blog",
                                     "https://blog.example/post/", "[&#8230;] linked [&#8230;]")
                                COMMENT ("9", "0", "1", "order_note", "Shop", "",
                                         "Paid") "</item>\n"
                                                 "</channel></rss>\n";

static char *
write_temp (const char *name, const char *content)
{
  g_autofree char *dir = portada_test_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return path;
}

static gboolean
summary_has (PortadaImportSummary *s, const char *text)
{
  for (guint i = 0; i < s->lines->len; i++)
    if (strstr (s->lines->pdata[i], text))
      return TRUE;
  return FALSE;
}

static PortadaImportSummary *
import_ok (PortadaNewsroom *nr, const char *path)
{
  g_autoptr (GError) error = NULL;
  PortadaImportSummary *s = portada_import_summary_new ();

  g_assert_true (portada_import_path (nr, path, "en", s, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return s;
}

static PortadaComment *
by_author (GPtrArray *comments, const char *author)
{
  for (guint i = 0; i < comments->len; i++)
    if (g_str_equal (((PortadaComment *) comments->pdata[i])->author, author))
      return comments->pdata[i];
  return NULL;
}

static PortadaArticle *
only_article (PortadaNewsroom *nr)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (nr, "SELECT id FROM article ORDER BY id LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return portada_articles_load (nr, sqlite3_column_int64 (stmt, 0), NULL);
}

static void
test_import (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = write_temp ("comments.xml", hostile_wxr);
  g_autoptr (PortadaImportSummary) s = import_ok (nr, path);
  g_autoptr (PortadaArticle) a = only_article (nr);
  g_autoptr (GPtrArray) all = portada_comments_list (nr, a->id, FALSE, NULL);
  g_autoptr (GPtrArray) shown = portada_comments_list (nr, a->id, TRUE, NULL);
  g_autoptr (PortadaImportSummary) again = NULL;
  PortadaComment *mallory, *alice, *bob, *carol, *pat, *ping;

  /* 1, 2, 3, 6, 7, 8 in; spam and trash left out and counted; the order note too. */
  g_assert_cmpuint (s->comments_created, ==, 6);
  g_assert_cmpuint (s->comments_pending, ==, 1);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_cmpuint (shown->len, ==, 5);
  {
    gboolean spam = FALSE, kind = FALSE;
    for (guint i = 0; i < s->left_out_why->len; i++)
      {
        guint n = g_array_index (s->left_out_count, guint, i);
        if (g_str_equal (s->left_out_why->pdata[i], "spam and trashed comments"))
          spam = n == 2;
        if (g_str_equal (s->left_out_why->pdata[i], "comments of type “order_note”"))
          kind = n == 1;
      }
    g_assert_true (spam);
    g_assert_true (kind);
  }
  mallory = by_author (all, "Mallory");
  alice = by_author (all, "Alice");
  bob = by_author (all, "Bob");
  carol = by_author (all, "Carol");
  pat = by_author (all, "Pat");
  ping = by_author (all, "Other blog");
  g_assert_nonnull (mallory);
  g_assert_nonnull (ping);
  g_assert_cmpint (ping->kind, ==, PORTADA_COMMENT_KIND_PINGBACK);
  /* Hostile HTML: what a body cannot hold is gone before it is stored. */
  g_assert_nonnull (strstr (mallory->body, "Nice"));
  g_assert_null (strstr (mallory->body, "script"));
  g_assert_null (strstr (mallory->body, "onclick"));
  g_assert_null (strstr (mallory->body, "iframe"));
  g_assert_null (strstr (mallory->body, "display:none"));
  g_assert_true (summary_has (s, "left out what an article body cannot hold"));
  /* Threads: Alice answers Mallory; Bob answered spam and Carol a comment not
   * in the file: both imported without a parent, and named. */
  g_assert_cmpint (alice->parent_id, ==, mallory->id);
  g_assert_cmpint (bob->parent_id, ==, 0);
  g_assert_cmpint (carol->parent_id, ==, 0);
  g_assert_true (summary_has (s, "the comment by Bob (comment 6) answers comment 4, which is not "
                                 "imported"));
  g_assert_true (summary_has (s, "the comment by Carol (comment 7) answers comment 99"));
  g_assert_cmpint (pat->status, ==, PORTADA_COMMENT_PENDING);
  g_assert_cmpint (alice->status, ==, PORTADA_COMMENT_APPROVED);
  g_assert_cmpstr (alice->author_email, ==, "Alice@example.com");
  g_assert_cmpstr (alice->author_url, ==, "https://alice.example/");
  /* GMT date first. */
  g_assert_cmpint (mallory->created_at, ==, 1709305200);
  /* Threaded order: Mallory then Alice one level deeper. */
  for (guint i = 0; i < all->len; i++)
    if (all->pdata[i] == mallory)
      {
        g_assert_true (all->pdata[i + 1] == alice);
        g_assert_cmpuint (alice->depth, ==, 1);
      }

  /* Again: updated, never duplicated. */
  again = import_ok (nr, path);
  g_assert_cmpuint (again->comments_created, ==, 0);
  g_assert_cmpuint (again->comments_updated, ==, 6);
  {
    g_autoptr (GPtrArray) after = portada_comments_list (nr, a->id, FALSE, NULL);
    g_assert_cmpuint (after->len, ==, 6);
  }
}

/* The article page: approved comments threaded in the comment block, the text
 * sanitized as a body, pending ones and e-mail addresses never shown. */
static void
test_render (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = write_temp ("comments.xml", hostile_wxr);
  g_autoptr (PortadaImportSummary) s = import_ok (nr, path);
  g_autoptr (PortadaArticle) a = only_article (nr);
  PortadaRenderOptions options = { "2024-04-01", PORTADA_ASSETS_EXPORT };
  g_autoptr (GError) error = NULL;
  g_autofree char *html = portada_page_render_article (nr, a, &options, &error);
  g_autoptr (xmlDoc) doc = NULL;
  const char *responses, *form, *list, *mallory, *alice;

  g_assert_no_error (error);
  g_assert_nonnull (html);
  responses = strstr (html, "id=\"responses\"");
  form = strstr (html, "id=\"comments\"");
  g_assert_nonnull (responses);
  g_assert_true (form == NULL || form > responses);
  g_assert_nonnull (strstr (responses, "5 comments</h2>"));
  list = strstr (responses, "<ol class=\"comment-list\">");
  g_assert_nonnull (list);
  mallory = strstr (list, "Mallory");
  alice = strstr (list, "Alice");
  g_assert_nonnull (mallory);
  g_assert_nonnull (alice);
  /* Alice's reply sits in Mallory's <ol class="children">. */
  {
    const char *children = strstr (mallory, "<ol class=\"children\">");
    g_assert_nonnull (children);
    g_assert_true (children < alice);
    g_assert_nonnull (strstr (list, "class=\"comment depth-2\""));
  }
  g_assert_nonnull (strstr (list,
                            "<a rel=\"external nofollow ugc\" href=\"https://alice.example/\">"
                            "Alice</a>"));
  g_assert_nonnull (strstr (list, "<p>I disagree with Mallory.</p>"));
  g_assert_nonnull (strstr (list, "Pingback:"));
  g_assert_nonnull (strstr (list, "datetime=\"2024-03-01T15:00:00Z\""));
  /* Never shown: the pending comment, e-mail addresses, anything hostile. */
  g_assert_null (strstr (html, "Waiting for a moderator"));
  g_assert_null (strstr (html, "@example.com"));
  g_assert_null (strstr (html, "Buy now"));
  g_assert_null (strstr (html, "javascript:"));
  g_assert_null (strstr (html, "alert("));
  g_assert_null (strstr (html, "evil.example"));
  doc = portada_html_parse (html, strlen (html));
  g_assert_nonnull (doc);

  /* Comments closed: the list stays, the form goes. */
  a->comments_enabled = FALSE;
  {
    g_autofree char *closed = portada_page_render_article (nr, a, &options, NULL);
    g_assert_nonnull (strstr (closed, "id=\"responses\""));
    g_assert_null (strstr (closed, "id=\"comments\""));
  }
  /* No approved comment: no list, no count. */
  {
    g_autoptr (PortadaArticle) other = portada_article_new ();
    g_autofree char *none = NULL;
    g_free (other->lang);
    other->lang = g_strdup ("en");
    g_free (other->title);
    other->title = g_strdup ("Quiet");
    none = portada_page_render_article (nr, other, &options, NULL);
    g_assert_null (strstr (none, "id=\"responses\""));
    g_assert_null (strstr (none, "comment-list"));
  }
}

static char *
comments_of (PortadaNewsroom *nr)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      nr,
      "SELECT c.uuid, a.uuid, coalesce(p.uuid, ''), c.kind, c.status, c.author, "
      "coalesce(c.author_email, ''), coalesce(c.author_url, ''), c.created_at, c.body "
      "FROM comment c JOIN article a ON a.id = c.article_id "
      "LEFT JOIN comment p ON p.id = c.parent_id ORDER BY c.uuid",
      NULL);
  GString *out = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 10; i++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Exported in WXR as WordPress writes <wp:comment>, and imported back whole. */
static void
test_round_trip (void)
{
  g_autoptr (PortadaNewsroom) a = portada_test_newsroom ();
  g_autoptr (PortadaNewsroom) b = portada_test_newsroom ();
  g_autofree char *path = write_temp ("comments.xml", hostile_wxr);
  g_autoptr (PortadaImportSummary) s = import_ok (a, path);
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "wxr-comments", NULL);
  g_autofree char *en = g_build_filename (out, "en.wxr.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr (PortadaImportSummary) s2 = NULL;
  g_autoptr (PortadaImportSummary) s3 = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (portada_wxr_export (a, out, "en", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (en, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>"));
  g_assert_nonnull (strstr (text, "<wp:comment_type><![CDATA[pingback]]></wp:comment_type>"));
  g_assert_nonnull (
      strstr (text, "<wp:comment_author_url>https://alice.example/</wp:comment_author_url>"));
  g_assert_nonnull (
      strstr (text, "<wp:comment_date_gmt><![CDATA[2024-03-02 15:00:00]]></wp:comment_date_gmt>"));
  g_assert_null (strstr (text, "Buy now"));

  s2 = import_ok (b, en);
  g_assert_cmpuint (s2->comments_created, ==, 6);
  g_assert_cmpuint (s2->left_out, ==, 0);
  before = comments_of (a);
  after = comments_of (b);
  g_assert_cmpstr (before, ==, after);
  /* Into the newsroom it came from: the same comments, updated. */
  s3 = import_ok (a, en);
  g_assert_cmpuint (s3->comments_created, ==, 0);
  g_assert_cmpuint (s3->comments_updated, ==, 6);
  {
    g_autofree char *again = comments_of (a);
    g_assert_cmpstr (again, ==, before);
  }
}

/* The store refuses what would break a thread, naming the comment. */
static void
test_store (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) x = portada_article_new ();
  g_autoptr (PortadaArticle) y = portada_article_new ();
  g_autoptr (PortadaComment) top = portada_comment_new ();
  g_autoptr (PortadaComment) reply = portada_comment_new ();
  g_autoptr (PortadaComment) elsewhere = portada_comment_new ();
  g_autoptr (PortadaComment) orphan = portada_comment_new ();
  g_autoptr (GError) error = NULL;

  g_free (x->lang);
  x->lang = g_strdup ("en");
  g_free (x->title);
  x->title = g_strdup ("X");
  g_free (y->lang);
  y->lang = g_strdup ("en");
  g_free (y->title);
  y->title = g_strdup ("Y");
  g_assert_true (portada_articles_save (nr, x, 0, NULL));
  g_assert_true (portada_articles_save (nr, y, 0, NULL));
  top->article_id = x->id;
  g_free (top->author);
  top->author = g_strdup ("Ana");
  g_assert_true (portada_comments_save (nr, top, &error));
  g_assert_no_error (error);
  g_assert_nonnull (top->uuid);
  g_assert_cmpint (top->created_at, >, 0);
  reply->article_id = x->id;
  reply->parent_id = top->id;
  g_assert_true (portada_comments_save (nr, reply, NULL));

  /* A reply's parent on another article. */
  elsewhere->article_id = y->id;
  elsewhere->parent_id = top->id;
  g_free (elsewhere->author);
  elsewhere->author = g_strdup ("Beto");
  g_assert_false (portada_comments_save (nr, elsewhere, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Beto"));
  g_clear_error (&error);
  /* A loop: the top comment answering its own reply. */
  top->parent_id = reply->id;
  g_assert_false (portada_comments_save (nr, top, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ana"));
  g_clear_error (&error);
  /* No such article. */
  orphan->article_id = 999;
  g_assert_false (portada_comments_save (nr, orphan, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);
  /* Deleting the article takes its comments. */
  g_assert_true (portada_newsroom_exec (nr, "DELETE FROM article WHERE title = 'X'", NULL));
  {
    g_autoptr (GPtrArray) left = portada_comments_list (nr, x->id, FALSE, NULL);
    g_assert_cmpuint (left->len, ==, 0);
  }
}

/* Moderation: approve, hold back, delete and undo (the replies answer it again). */
static void
test_moderate (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = write_temp ("comments.xml", hostile_wxr);
  g_autoptr (PortadaImportSummary) s = import_ok (nr, path);
  g_autoptr (PortadaArticle) a = only_article (nr);
  g_autoptr (GPtrArray) all = portada_comments_list (nr, a->id, FALSE, NULL);
  g_autoptr (PortadaCommentDeletion) gone = NULL;
  g_autoptr (GError) error = NULL;
  gint64 mallory = by_author (all, "Mallory")->id;
  gint64 alice = by_author (all, "Alice")->id;
  gint64 pat = by_author (all, "Pat")->id;

  g_assert_true (portada_comments_set_status (nr, pat, PORTADA_COMMENT_APPROVED, &error));
  g_assert_no_error (error);
  {
    g_autoptr (PortadaComment) c = portada_comments_load (nr, pat, NULL);
    g_assert_cmpint (c->status, ==, PORTADA_COMMENT_APPROVED);
  }
  g_assert_true (portada_comments_set_status (nr, pat, PORTADA_COMMENT_PENDING, NULL));

  gone = portada_comments_delete (nr, mallory, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gone);
  g_assert_cmpuint (gone->replies->len, ==, 1);
  {
    g_autoptr (PortadaComment) reply = portada_comments_load (nr, alice, NULL);
    g_assert_cmpint (reply->parent_id, ==, 0);
    g_assert_null (portada_comments_load (nr, mallory, NULL));
  }
  g_assert_true (portada_comments_restore (nr, gone, &error));
  g_assert_no_error (error);
  {
    g_autoptr (PortadaComment) back = portada_comments_load (nr, mallory, NULL);
    g_autoptr (PortadaComment) reply = portada_comments_load (nr, alice, NULL);
    g_assert_nonnull (back);
    g_assert_cmpstr (back->author, ==, "Mallory");
    g_assert_cmpstr (back->uuid, ==, gone->comment->uuid);
    g_assert_cmpint (reply->parent_id, ==, mallory);
  }
  /* No such comment. */
  g_assert_null (portada_comments_delete (nr, 999, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Undo after the article is gone: refused, naming the comment. */
  g_clear_pointer (&gone, portada_comment_deletion_free);
  gone = portada_comments_delete (nr, alice, NULL);
  g_assert_true (portada_newsroom_exec (nr, "DELETE FROM article", NULL));
  g_assert_false (portada_comments_restore (nr, gone, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Alice"));
}

/* The newsroom's reply: under its comment, approved, signed; a blank one or one to a
 * comment that does not exist is refused and nothing is stored. */
static void
test_reply (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) x = portada_article_new ();
  g_autoptr (PortadaComment) top = portada_comment_new ();
  g_autoptr (PortadaComment) back = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_free (x->title);
  x->title = g_strdup ("X");
  g_assert_true (portada_articles_save (nr, x, 0, NULL));
  top->article_id = x->id;
  g_free (top->author);
  top->author = g_strdup ("Ana");
  top->status = PORTADA_COMMENT_APPROVED;
  g_assert_true (portada_comments_save (nr, top, &error));
  g_assert_cmpint (portada_comments_reply (nr, top->id, "Portada", " \n\t ", &error), ==, 0);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (portada_comments_reply (nr, top->id + 100, "Portada", "Hi", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  all = portada_comments_list (nr, x->id, FALSE, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  id = portada_comments_reply (nr, top->id, "Portada Magazine", "  Thanks, Ana.  ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  back = portada_comments_load (nr, id, &error);
  g_assert_cmpint (back->parent_id, ==, top->id);
  g_assert_cmpint (back->article_id, ==, x->id);
  g_assert_cmpint (back->status, ==, PORTADA_COMMENT_APPROVED);
  g_assert_cmpstr (back->author, ==, "Portada Magazine");
  g_assert_cmpstr (back->body, ==, "Thanks, Ana.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comments/store", test_store);
  g_test_add_func ("/comments/import", test_import);
  g_test_add_func ("/comments/render", test_render);
  g_test_add_func ("/comments/round-trip", test_round_trip);
  g_test_add_func ("/comments/moderate", test_moderate);
  g_test_add_func ("/comments/reply", test_reply);
  return g_test_run ();
}
