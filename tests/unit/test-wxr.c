/* test-wxr.c: WordPress exports in: the real fixtures, bad and hostile files.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-demo.h"
#include "portada-exchange.h"
#include "portada-markdown.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-pages.h"
#include "portada-settings.h"
#include "portada-slug.h"
#include "portada-test-util.h"
#include "portada-wxr.h"

static char *
fixture (const char *name)
{
  const char *root = g_getenv ("PORTADA_SOURCE_ROOT");
  g_assert_nonnull (root);
  return g_build_filename (root, "tests", "fixtures", "wxr", name, NULL);
}

static char *
write_temp (const char *name, const char *content, gssize len)
{
  g_autofree char *dir = portada_test_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, content, len, NULL));
  return path;
}

static gint64
count (PortadaNewsroom *nr, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (nr, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A fingerprint of everything an import may touch. */
static char *
state_of (PortadaNewsroom *nr)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      nr,
      "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM section), "
      "(SELECT count(*) FROM tag), (SELECT count(*) FROM author), (SELECT count(*) FROM "
      "language), (SELECT count(*) FROM section_label), (SELECT coalesce(sum(length(body)), 0) "
      "FROM article), (SELECT coalesce(max(updated_at), 0) FROM article), "
      "(SELECT count(*) FROM comment)",
      NULL);
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < 9; i++)
    g_string_append_printf (out, "%lld ", (long long) sqlite3_column_int64 (stmt, i));
  return g_string_free (out, FALSE);
}

static PortadaImportSummary *
import_ok (PortadaNewsroom *nr, const char *path, const char *lang)
{
  g_autoptr (GError) error = NULL;
  PortadaImportSummary *summary = portada_import_summary_new ();

  g_assert_true (portada_import_path (nr, path, lang, summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return summary;
}

static gboolean
summary_has (PortadaImportSummary *s, const char *text)
{
  for (guint i = 0; i < s->lines->len; i++)
    if (strstr (s->lines->pdata[i], text))
      return TRUE;
  return FALSE;
}

static PortadaArticle *
article_titled (PortadaNewsroom *nr, const char *title)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (nr, "SELECT id FROM article WHERE title = ?", NULL);
  portada_stmt_bind_text (stmt, 1, title);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return portada_articles_load (nr, sqlite3_column_int64 (stmt, 0), NULL);
}

static void
test_theme_unit_test (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = fixture ("theme-unit-test-data.xml");
  g_autoptr (PortadaImportSummary) s = NULL;
  g_autoptr (PortadaImportSummary) again = NULL;
  g_autoptr (PortadaArticle) tags = NULL;
  g_autoptr (PortadaArticle) future = NULL;
  g_autoptr (PortadaArticle) draft = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 t0 = g_get_monotonic_time ();

  s = import_ok (nr, path, "en");
  g_test_message ("theme-unit-test-data.xml imported in %.0f ms",
                  (g_get_monotonic_time () - t0) / 1000.0);
  /* 58 posts and 21 pages; 37 attachments and 66 of the 70 menu items skipped, each with a
   * reason (4 make the section bar). */
  g_assert_cmpuint (s->created, ==, 58);
  g_assert_cmpuint (s->updated, ==, 0);
  g_assert_cmpuint (s->skipped, ==, 103);
  g_assert_cmpuint (s->menu_items, ==, 4);
  g_assert_cmpuint (s->pages_created, ==, 21);
  g_assert_cmpint (count (nr, "article"), ==, 58);
  g_assert_cmpint (count (nr, "page"), ==, 21);
  /* 28 comments of posts in (one pending), 5 of pages left out. */
  g_assert_cmpuint (s->comments_created, ==, 28);
  g_assert_cmpuint (s->comments_pending, ==, 1);
  g_assert_cmpint (count (nr, "comment"), ==, 28);
  g_assert_cmpuint (s->left_out, ==, 103 + 5);
  g_assert_true (summary_has (s, "skipped: a navigation menu item"));
  g_assert_true (summary_has (s, "Portada never downloads files"));
  g_assert_true (summary_has (s, "5 comments not imported: they belong to pages"));
  /* Two posts of the file share a guid: both kept, told apart by their ids. */
  g_assert_true (summary_has (s, "shares its guid with post 568"));

  tags = article_titled (nr, "Markup: HTML Tags and Formatting");
  g_assert_nonnull (strstr (tags->body, "## Blockquotes"));
  g_assert_nonnull (strstr (tags->body, "> Stay hungry. Stay foolish."));
  g_assert_nonnull (strstr (tags->body, "  - List item one\n    - List item one"));
  g_assert_nonnull (strstr (tags->body, "| Employee | Salary |"));
  g_assert_nonnull (strstr (tags->body, "<dl>"));
  g_assert_cmpstr (tags->author, ==, "Theme Buster");
  g_assert_cmpint (tags->status, ==, PORTADA_STATUS_PUBLISHED);
  g_assert_nonnull (tags->section);

  future = article_titled (nr, "Scheduled");
  g_assert_cmpint (future->status, ==, PORTADA_STATUS_SCHEDULED);
  g_assert_cmpint (future->publish_at, >, 0);
  draft = article_titled (nr, "Draft");
  g_assert_cmpint (draft->status, ==, PORTADA_STATUS_DRAFT);

  /* The same file again: everything updated, nothing duplicated, nothing changed. */
  before = state_of (nr);
  again = import_ok (nr, path, "en");
  after = state_of (nr);
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (again->updated, ==, 58);
  g_assert_cmpuint (again->comments_created, ==, 0);
  g_assert_cmpuint (again->comments_updated, ==, 28);
  g_assert_cmpint (count (nr, "article"), ==, 58);
  g_assert_cmpint (count (nr, "comment"), ==, 28);
  g_assert_cmpstr (before, ==, after);
}

static void
check_refused (const char *name, const char *message)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = fixture (name);
  g_autoptr (PortadaImportSummary) s = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, NULL));
  before = state_of (nr);
  g_assert_false (portada_import_path (nr, path, "en", s, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  if (strstr (error->message, message) == NULL)
    g_error ("%s: “%s” lacks “%s”", name, error->message, message);
  after = state_of (nr);
  g_assert_cmpstr (before, ==, after);
}

static void
test_malformed (void)
{
  /* File and line, and the newsroom exactly as it was. */
  check_refused ("malformed-simple.xml", "malformed-simple.xml:13: ");
  check_refused ("malformed.xml", "malformed.xml:29: <notachanneltag>");
  check_refused ("crazy-cdata.xml", "crazy-cdata.xml:18: Sequence ']]>' not allowed");
  check_refused ("missing-version-tag.xml", "no <wp:wxr_version>");
}

/* A file that fails after some posts were read: nothing of it is kept. */
static void
test_malformed_after_posts (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *good = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PortadaImportSummary) s = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;

  good = fixture ("theme-unit-test-data.xml");
  g_assert_true (g_file_get_contents (good, &text, NULL, NULL));
  /* Cut in the middle of the items: the last part is missing. */
  text[strlen (text) * 2 / 3] = '\0';
  path = write_temp ("cut.xml", text, -1);
  g_assert_false (portada_import_path (nr, path, "en", s, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "cut.xml:"));
  g_assert_cmpint (count (nr, "article"), ==, 0);
  g_assert_cmpint (count (nr, "section"), ==, 0);
}

static void
test_small_fixtures (void)
{
  static const struct
  {
    const char *name;
    guint created, skipped;
    const char *title;
  } expect[] = {
    { "cdata-edge.xml", 1, 0, "Edge" },
    { "slashes.xml", 1, 0, "Hello world!" },
    { "post-content-blank-lines.xml", 1, 0, "Hello world!" },
    /* Their pages are pages now, not skipped. */
    { "valid-wxr-1.0.xml", 3, 0, NULL },
    { "valid-wxr-1.1.xml", 1, 0, NULL },
    { "wxr-simple.xml", 1, 0, NULL },
    { "namespace-edge-cases.xml", 5, 1, "Mixed Namespaces" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
      g_autofree char *path = fixture (expect[i].name);
      g_autoptr (PortadaImportSummary) s = import_ok (nr, path, NULL);

      g_test_message ("%s: created %u, skipped %u", expect[i].name, s->created, s->skipped);
      g_assert_cmpuint (s->created, ==, expect[i].created);
      g_assert_cmpuint (s->skipped, ==, expect[i].skipped);
      if (expect[i].title)
        {
          g_autoptr (PortadaArticle) a = article_titled (nr, expect[i].title);
          g_assert_nonnull (a);
        }
    }
}

static void
test_details (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = NULL;
  g_autoptr (PortadaImportSummary) s = NULL;
  g_autoptr (PortadaArticle) a = NULL;

  path = fixture ("cdata-edge.xml");
  s = import_ok (nr, path, NULL);
  a = article_titled (nr, "Edge");
  g_assert_cmpstr (a->body, ==, "ends with sequence ]] >\n");
  g_clear_pointer (&a, portada_article_free);
  g_clear_pointer (&s, portada_import_summary_free);
  g_free (path);

  path = fixture ("slashes.xml");
  s = import_ok (nr, path, NULL);
  a = article_titled (nr, "Hello world!");
  /* WordPress's own slashes are content: kept, escaped for Markdown. */
  g_assert_cmpstr (a->body, ==, "Slashes aren\\\\'t \\\\\"cool\\\\\"\n");
  g_assert_cmpstr (a->author, ==, "author"); /* dc:creator names no wp:author */
  g_assert_cmpstr (a->slug, ==, "hello-world");
  g_assert_true (a->comments_enabled);
  g_assert_cmpint (a->publish_at, ==, 1295336414); /* 2011-01-18 07:40:14 UTC */
  g_clear_pointer (&a, portada_article_free);
  g_clear_pointer (&s, portada_import_summary_free);
  g_free (path);

  /* The namespace edge cases: a hijacked wp prefix is not WordPress's. */
  path = fixture ("namespace-edge-cases.xml");
  s = import_ok (nr, path, "en");
  g_assert_true (summary_has (s, "“Hijacked Namespace” skipped: no wp:post_type"));
  a = article_titled (nr, "Namespace Bomb");
  g_assert_nonnull (strstr (a->body, "lol1;"));
}

static void
test_utf8_challenges (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = fixture ("wxr-utf-8-challenges.xml");
  g_autoptr (PortadaImportSummary) s = import_ok (nr, path, "es");
  g_autoptr (GPtrArray) list = portada_articles_list (nr, NULL, 0, 10, NULL);
  g_autoptr (PortadaArticle) a = NULL;

  g_assert_cmpuint (s->created, ==, 1);
  g_assert_cmpuint (list->len, ==, 1);
  a = portada_articles_load (nr, ((PortadaArticleSummary *) list->pdata[0])->id, NULL);
  g_assert_cmpstr (a->title, ==,
                   "\"The Road \u202eNot\u202c Taken\" by Rob\u202dert \u202eFrost \u202a🌲\u202c");
  g_assert_cmpstr (a->lang, ==, "es");
  g_assert_true (g_utf8_validate (a->body, -1, NULL));
  g_assert_nonnull (strstr (a->body, "[O\u202dne](https://playground.internal/path/on\u202ee)"));
  g_assert_true (portada_slug_is_valid (a->slug));
  g_assert_nonnull (a->excerpt);
  g_assert_nonnull (a->section);
}

#define HEAD                                                                                       \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "                              \
  "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "                                    \
  "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n"                                    \
  "<wp:wxr_version>1.2</wp:wxr_version>\n"
#define TAIL "</channel>\n</rss>\n"

static void
test_categories (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = write_temp (
      "categories.xml",
      HEAD
      "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>news</wp:category_nicename>"
      "<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[News &amp; Views]]>"
      "</wp:cat_name></wp:category>\n"
      "<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>econom%C3%ADa"
      "</wp:category_nicename><wp:category_parent>news</wp:category_parent>"
      "<wp:cat_name><![CDATA[Economía]]></wp:cat_name></wp:category>\n"
      "<item><title>Nested</title><guid>c1</guid><wp:post_type>post</wp:post_type>"
      "<category domain=\"category\" nicename=\"econom%C3%ADa\"><![CDATA[Economía]]>"
      "</category><category domain=\"category\" nicename=\"news\"><![CDATA[News &amp; "
      "Views]]></category><category domain=\"post_tag\" nicename=\"x\"><![CDATA[Trade]]>"
      "</category><category domain=\"post_format\" nicename=\"post-format-aside\">"
      "<![CDATA[Aside]]></category></item>\n" TAIL,
      -1);
  g_autoptr (PortadaImportSummary) s = import_ok (nr, path, "es");
  g_autoptr (PortadaArticle) a = article_titled (nr, "Nested");
  g_autoptr (PortadaSection) section = NULL;

  g_assert_cmpuint (s->created, ==, 1);
  /* The first category is the section, nested under its parent; the others are tags. */
  g_assert_cmpstr (a->section, ==, "economia");
  section = portada_sections_find (nr, "economia", NULL);
  g_assert_cmpstr (portada_section_get_path (section, "es"), ==, "news/economia");
  g_assert_cmpstr (portada_section_get_name (section, "es"), ==, "Economía");
  g_assert_cmpuint (g_strv_length (a->tags), ==, 2);
  g_assert_cmpstr (a->tags[0], ==, "News & Views");
  g_assert_cmpstr (a->tags[1], ==, "Trade");
}

static void
test_bad_items (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = write_temp (
      "bad-items.xml",
      HEAD "<item><title>Good</title><guid>g1</guid><wp:post_type>post</wp:post_type>"
           "<wp:status>publish</wp:status><content:encoded>ok \xff\xfe bytes\x01</content:encoded>"
           "</item>\n"
           "<item><title>Odd type</title><guid>g2</guid><wp:post_type>product</wp:post_type>"
           "</item>\n"
           "<item><title>No type</title><guid>g3</guid></item>\n"
           "<item><title>No guid</title><wp:post_type>post</wp:post_type></item>\n"
           "<item><title>Trash</title><guid>g4</guid><wp:post_type>post</wp:post_type>"
           "<wp:status>trash</wp:status></item>\n"
           "<item><title>Weird status</title><guid>g5</guid><wp:post_type>post</wp:post_type>"
           "<wp:status>limbo</wp:status><wp:postmeta><wp:meta_key>source_url</wp:meta_key>"
           "<wp:meta_value>javascript:alert(1)</wp:meta_value></wp:postmeta></item>\n" TAIL,
      -1);
  g_autoptr (PortadaImportSummary) s = import_ok (nr, path, "en");
  g_autoptr (PortadaArticle) good = article_titled (nr, "Good");
  g_autoptr (PortadaArticle) weird = article_titled (nr, "Weird status");

  for (guint i = 0; i < s->lines->len; i++)
    g_test_message ("%s", (char *) s->lines->pdata[i]);
  g_assert_cmpuint (s->created, ==, 2);
  g_assert_cmpuint (s->skipped, ==, 4);
  g_assert_true (
      summary_has (s, "bad-items.xml:6: “Odd type” skipped: unknown post type “product”"));
  g_assert_true (summary_has (s, "“No type” skipped: no wp:post_type"));
  g_assert_true (summary_has (s, "“No guid” skipped: no guid and no wp:post_id"));
  g_assert_true (summary_has (s, "its status is “trash”"));
  g_assert_true (summary_has (s, "unknown status “limbo”, imported as a draft"));
  g_assert_true (summary_has (s, "bad-items.xml:5: 3 bytes of invalid UTF-8"));
  g_assert_true (summary_has (s, "is not a web address"));
  g_assert_cmpstr (good->body, ==, "ok \ufffd\ufffd bytes\ufffd\n");
  g_assert_cmpint (weird->status, ==, PORTADA_STATUS_DRAFT);
  g_assert_null (weird->source_url);
}

/* A tiny HTTP listener that counts connections: nothing may ever reach it. */
typedef struct
{
  GSocketService *service;
  guint16 port;
  guint connections;
} Listener;

static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer data)
{
  ((Listener *) data)->connections++;
  return FALSE;
}

static void
listener_start (Listener *l)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) bound = NULL;

  l->service = g_socket_service_new ();
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (l->service), addr,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                                &bound, &error));
  g_assert_no_error (error);
  l->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (l->service, "incoming", G_CALLBACK (on_incoming), l);
  g_socket_service_start (l->service);
}

static void
listener_stop (Listener *l)
{
  /* Let any connection attempt be accepted and counted. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_socket_service_stop (l->service);
  g_object_unref (l->service);
}

static void
check_hostile (const char *name, const char *content, const char *message)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = write_temp (name, content, -1);
  g_autoptr (PortadaImportSummary) s = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  gboolean ok = portada_wxr_import (nr, path, "en", s, NULL, NULL, NULL, &error);
  double ms = (g_get_monotonic_time () - t0) / 1000.0;

  g_test_message ("%s: %s in %.1f ms", name, error ? error->message : "imported", ms);
  g_assert_cmpfloat (ms, <, 2000);
  if (message)
    {
      g_assert_false (ok);
      g_assert_nonnull (strstr (error->message, message));
      g_assert_cmpint (count (nr, "article"), ==, 0);
    }
  else
    g_assert_true (ok);
  /* Whatever happened, nothing of /etc/passwd came in. */
  {
    g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
        nr, "SELECT count(*) FROM article WHERE body LIKE '%root:%' OR title LIKE '%root:%'", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  }
}

static void
test_xxe (void)
{
  Listener l = { 0 };
  g_autofree char *http = NULL;
  g_autofree char *padded = NULL;
  g_autofree char *dtd = NULL;
  g_autofree char *comment = g_strnfill (70000, 'x');
  const char *item = "<item><title>&xxe;</title><guid>x</guid><wp:post_type>post</wp:post_type>"
                     "<content:encoded>&xxe;</content:encoded></item>";

  listener_start (&l);
  check_hostile ("xxe-file.xml",
                 "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "
                 "\"file:///etc/passwd\">]>\n<rss version=\"2.0\" "
                 "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                 "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
                 "<wp:wxr_version>1.2</wp:wxr_version><item><title>&xxe;</title><guid>x</guid>"
                 "<wp:post_type>post</wp:post_type></item>" TAIL,
                 "declares entities");
  http = g_strdup_printf (
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"http://127.0.0.1:%u/x\">"
      "<!ENTITY %% pe SYSTEM \"http://127.0.0.1:%u/pe\"> %%pe;]>\n<rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
      "<wp:wxr_version>1.2</wp:wxr_version>%s" TAIL,
      l.port, l.port, item);
  check_hostile ("xxe-http.xml", http, "declares entities");
  /* Past the first 64 KB the reader's own check refuses it, still before any use. */
  padded = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!-- %s -->\n<!DOCTYPE rss [<!ENTITY xxe "
                            "SYSTEM \"http://127.0.0.1:%u/y\">]>\n<rss version=\"2.0\" "
                            "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                            "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
                            "<wp:wxr_version>1.2</wp:wxr_version>%s" TAIL,
                            comment, l.port, item);
  check_hostile ("xxe-padded.xml", padded, "declares entities");
  /* An external DTD without entities: allowed, never fetched. */
  dtd = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM "
                         "\"http://127.0.0.1:%u/rss.dtd\">\n" HEAD
                         "<item><title>T</title><guid>d</guid><wp:post_type>post</wp:post_type>"
                         "</item>" TAIL,
                         l.port);
  {
    /* HEAD has its own XML declaration: drop the second one. */
    char *second = strstr (dtd + 5, "<?xml");
    char *end = strstr (second, "?>") + 2;
    memmove (second, end, strlen (end) + 1);
  }
  check_hostile ("external-dtd.xml", dtd, NULL);
  listener_stop (&l);
  g_assert_cmpuint (l.connections, ==, 0);
}

static void
test_billion_laughs (void)
{
  GString *bomb = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
                                "<!ENTITY lol \"lol\">\n");
  g_autofree char *text = NULL;

  g_string_append (bomb, "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
  for (int i = 2; i <= 9; i++)
    {
      g_string_append_printf (bomb, "<!ENTITY lol%d \"", i);
      for (int k = 0; k < 10; k++)
        g_string_append_printf (bomb, "&lol%d;", i - 1);
      g_string_append (bomb, "\">\n");
    }
  g_string_append (bomb, "]>\n<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\" "
                         "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                         "<wp:wxr_version>1.2</wp:wxr_version><item><title>&lol9;</title>"
                         "<guid>b</guid><wp:post_type>post</wp:post_type><content:encoded>&lol9;"
                         "</content:encoded></item>" TAIL);
  text = g_string_free (bomb, FALSE);
  check_hostile ("billion-laughs.xml", text, "declares entities");
  /* The same behind 70 KB of comment: libxml2 reads the declarations (never expands
   * them) and the reader's check refuses the document type at once. */
  {
    g_autofree char *pad = g_strnfill (70000, 'x');
    g_autofree char *padded = NULL;
    const char *doctype = strstr (text, "<!DOCTYPE");
    padded = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!-- %s -->\n%s", pad, doctype);
    check_hostile ("billion-laughs-padded.xml", padded,
                   "ntit"); /* declares entities, or libxml2's own "entity reference loop" */
  }
}

/* Undeclared entities (HTML's &nbsp; outside CDATA) are malformed XML. */
static void
test_undeclared_entity (void)
{
  check_hostile ("nbsp.xml",
                 HEAD "<item><title>a&nbsp;b</title><guid>n</guid>"
                      "<wp:post_type>post</wp:post_type></item>" TAIL,
                 "nbsp.xml:5: ");
}

static void
test_not_wxr (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *rss
      = write_temp ("plain.xml", "<?xml version=\"1.0\"?><rss><channel></channel></rss>", -1);
  g_autofree char *text = write_temp ("notes.txt", "just some text\n", -1);
  g_autoptr (PortadaImportSummary) s = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (portada_import_path (nr, rss, NULL, s, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "plain.xml: neither a WordPress export"));
  g_clear_error (&error);
  g_assert_false (portada_import_path (nr, text, NULL, s, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
      portada_import_path (nr, "/nonexistent/file.xml", NULL, s, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (portada_import_path (nr, rss, "not a language", s, NULL, NULL, NULL, &error));
}

static void
cancel_on_progress (double fraction, gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_cancel (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = fixture ("theme-unit-test-data.xml");
  g_autoptr (PortadaImportSummary) s = portada_import_summary_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (portada_import_path (nr, path, "en", s, cancellable, cancel_on_progress,
                                       cancellable, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED);
  g_assert_cmpint (count (nr, "article"), ==, 0);
}

/* HTML with every run of whitespace made one space, none between tags. */
static char *
normalize (const char *html)
{
  GString *out = g_string_new (NULL);

  for (const char *p = html; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          while (g_ascii_isspace (p[1]))
            p++;
          if (out->len && out->str[out->len - 1] != '>' && p[1] != '<' && p[1] != '\0')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_article (const PortadaArticle *x, const PortadaArticle *y, gboolean exact_body)
{
  g_assert_cmpstr (x->uuid, ==, y->uuid);
  g_assert_cmpstr (x->lang, ==, y->lang);
  g_assert_cmpstr (x->title, ==, y->title);
  g_assert_cmpstr (x->subtitle, ==, y->subtitle);
  g_assert_cmpstr (x->slug, ==, y->slug);
  g_assert_cmpint (x->status, ==, y->status);
  g_assert_cmpint (x->publish_at, ==, y->publish_at);
  g_assert_cmpint (x->updated_at, ==, y->updated_at);
  g_assert_cmpstr (x->section, ==, y->section);
  g_assert_cmpstr (x->excerpt, ==, y->excerpt);
  g_assert_cmpstr (x->source_name, ==, y->source_name);
  g_assert_cmpstr (x->source_url, ==, y->source_url);
  g_assert_cmpstr (x->author, ==, y->author);
  g_assert_cmpstr (x->translation_group, ==, y->translation_group);
  g_assert_cmpint (x->comments_enabled, ==, y->comments_enabled);
  g_assert_true (g_strv_equal ((const char *const *) x->tags, (const char *const *) y->tags));
  if (exact_body)
    g_assert_cmpstr (x->body, ==, y->body);
  else
    {
      /* Markdown → HTML → Markdown: the same HTML. */
      g_autofree char *hx = portada_markdown_to_html (x->body);
      g_autofree char *hy = portada_markdown_to_html (y->body);
      g_autofree char *nx = normalize (hx);
      g_autofree char *ny = normalize (hy);
      g_assert_cmpstr (nx, ==, ny);
    }
}

static void
assert_same_newsrooms (PortadaNewsroom *a, PortadaNewsroom *b, gboolean exact_body)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (a, "SELECT id, uuid FROM article ORDER BY id", NULL);
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (PortadaArticle) x
          = portada_articles_load (a, sqlite3_column_int64 (stmt, 0), NULL);
      g_autoptr (PortadaArticle) y
          = portada_articles_load_by_uuid (b, (const char *) sqlite3_column_text (stmt, 1), NULL);
      g_assert_nonnull (y);
      assert_same_article (x, y, exact_body);
      n++;
    }
  g_assert_cmpint (n, ==, count (b, "article"));
}

static void
import_export (PortadaNewsroom *nr, const char *dir)
{
  static const char *const langs[] = { "en", "es" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *name = g_strconcat (langs[i], ".wxr.xml", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (PortadaImportSummary) s = import_ok (nr, path, langs[i]);
      guint attachments = 0;
      /* Only the featured image's attachment item is skipped. */
      for (guint k = 0; k < s->lines->len; k++)
        attachments += strstr (s->lines->pdata[k], "skipped: an attachment") != NULL;
      g_assert_cmpuint (s->skipped, ==, attachments);
    }
}

static PortadaNewsroom *
demo_with_hard_cases (void)
{
  PortadaNewsroom *nr = portada_test_newsroom ();
  g_autoptr (PortadaArticle) odd = portada_article_new ();
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GError) error = NULL;
  static const guchar pixel[]
      = { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
          0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
          0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
          0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99,
          0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82 };

  g_assert_true (portada_demo_fill (nr, 40, NULL, NULL, &error));
  g_assert_no_error (error);
  png = g_bytes_new_static (pixel, sizeof pixel);
  g_free (odd->title);
  odd->title = g_strdup ("AT&T <b>and</b> “quotes” ]]> in a title");
  odd->subtitle = g_strdup ("A subtitle with ]]> and <tags>");
  odd->excerpt = g_strdup ("An excerpt & <more>");
  odd->source_name = g_strdup ("Agencia & Co");
  odd->source_url = g_strdup ("https://example.com/a?b=c&d=e");
  odd->section = g_strdup ("tourism");
  odd->status = PORTADA_STATUS_ARCHIVED;
  odd->comments_enabled = FALSE;
  odd->publish_at = 1700000000;
  odd->featured_media_id = portada_media_add (nr, png, "image/png", 1, 1, "pixel.png", &error);
  g_assert_no_error (error);
  g_free (odd->body);
  odd->body = g_strdup ("A body with `]]>` in code,\na soft break, **bold**, a "
                        "[link](https://example.com/x), a list:\n\n- one\n- two\n\n"
                        "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n```\ncode ]]> block\n```\n");
  g_strfreev (odd->tags);
  odd->tags = g_strsplit ("A & B,<tag>,Ñandú", ",", -1);
  g_assert_true (portada_articles_save (nr, odd, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  return nr;
}

static int
featured_count (PortadaNewsroom *nr)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      nr, "SELECT count(*) FROM article WHERE featured_media_id IS NOT NULL", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_round_trip (void)
{
  g_autoptr (PortadaNewsroom) a = demo_with_hard_cases ();
  g_autoptr (PortadaNewsroom) b = portada_test_newsroom ();
  g_autoptr (PortadaNewsroom) c = portada_test_newsroom ();
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *out1 = g_build_filename (dir, "wxr-1", NULL);
  g_autofree char *out2 = g_build_filename (dir, "wxr-2", NULL);
  g_autofree char *out3 = g_build_filename (dir, "wxr-3", NULL);
  g_autofree char *out4 = g_build_filename (dir, "wxr-4", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *en = NULL;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (portada_wxr_export (a, out1, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("WXR export of %" G_GINT64_FORMAT " articles: %.0f ms", count (a, "article"),
                  (g_get_monotonic_time () - t0) / 1000.0);
  en = g_build_filename (out1, "en.wxr.xml", NULL);
  {
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (en, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "<wp:wxr_version>1.2</wp:wxr_version>"));
    g_assert_nonnull (strstr (text, "<wp:status><![CDATA[private]]></wp:status>"));
    g_assert_nonnull (strstr (text, "<wp:post_type><![CDATA[attachment]]></wp:post_type>"));
    g_assert_nonnull (strstr (text, "<wp:meta_key>_thumbnail_id</wp:meta_key>"));
    g_assert_nonnull (strstr (text, "/assets/media/"));
    g_assert_nonnull (strstr (text, "<category domain=\"category\" nicename=\"business\">"));
    g_assert_null (strstr (text, "<script"));
  }

  /* Into a new newsroom: the same articles and fields. */
  import_export (b, out1);
  assert_same_newsrooms (a, b, FALSE);
  /* The sections come back with their paths in both languages. */
  {
    g_autoptr (PortadaSection) s = portada_sections_find (b, "business", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (portada_section_get_path (s, "es"), ==, "noticias/economia");
    g_assert_cmpstr (portada_section_get_name (s, "es"), ==, "Economía");
  }
  /* Export, import, export again: nothing moves any more. */
  g_assert_true (portada_wxr_export (b, out2, NULL, NULL, NULL, NULL, &error));
  import_export (c, out2);
  assert_same_newsrooms (b, c, TRUE);

  /* The English file imported as Spanish: refused post by post, nothing changed. */
  {
    g_autofree char *path = g_build_filename (out1, "en.wxr.xml", NULL);
    g_autofree char *before = state_of (b);
    g_autofree char *after = NULL;
    g_autoptr (PortadaImportSummary) s = import_ok (b, path, "es");
    after = state_of (b);
    g_assert_cmpuint (s->created + s->updated, ==, 0);
    g_assert_true (summary_has (s, "import the file with --lang en"));
    g_assert_cmpstr (before, ==, after);
  }
  /* Back into the first newsroom: updated, the featured images found by their hash
   * (the demo's published articles have one each, the hard case another). */
  {
    int before = featured_count (a);
    g_assert_cmpint (before, >, 1);
    import_export (a, out1);
    g_assert_cmpint (count (a, "article"), ==, count (b, "article"));
    g_assert_cmpint (featured_count (a), ==, before);
  }
  /* The same newsroom exports to the same bytes. */
  g_assert_true (portada_wxr_export (c, out3, NULL, NULL, NULL, NULL, &error));
  g_assert_true (portada_wxr_export (c, out4, NULL, NULL, NULL, NULL, &error));
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i ? "es.wxr.xml" : "en.wxr.xml";
      g_autofree char *p3 = g_build_filename (out3, name, NULL);
      g_autofree char *p4 = g_build_filename (out4, name, NULL);
      g_autoptr (GBytes) b3 = portada_test_read (p3);
      g_autoptr (GBytes) b4 = portada_test_read (p4);
      g_assert_cmpuint (g_bytes_get_size (b3), >, 1000);
      g_assert_true (g_bytes_equal (b3, b4));
    }
}

static void
test_export_errors (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "wxr-errors", NULL);
  g_autofree char *en = g_build_filename (out, "en.wxr.xml", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  g_assert_true (portada_demo_fill (nr, 20, NULL, NULL, &error));
  g_assert_false (
      portada_wxr_export (nr, "/nonexistent/portada/wxr", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (portada_wxr_export (nr, "/proc/portada-wxr", NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (portada_wxr_export (nr, out, "fr", NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* A cancelled export leaves the earlier one as it was. */
  g_assert_true (portada_wxr_export (nr, out, "en", NULL, NULL, NULL, &error));
  before = portada_test_read (en);
  g_cancellable_cancel (cancellable);
  g_assert_false (portada_wxr_export (nr, out, NULL, cancellable, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED);
  after = portada_test_read (en);
  g_assert_true (g_bytes_equal (before, after));
  {
    g_autofree char *es = g_build_filename (out, "es.wxr.xml", NULL);
    g_assert_false (g_file_test (es, G_FILE_TEST_EXISTS));
  }
}

static PortadaPage *
page_slugged (PortadaNewsroom *nr, const char *slug)
{
  g_autoptr (GPtrArray) pages = portada_pages_list (nr, NULL, NULL);
  g_assert_nonnull (pages);
  for (guint i = 0; i < pages->len; i++)
    {
      PortadaPage *p = pages->pdata[i];
      if (g_str_equal (p->slug, slug))
        return portada_pages_load (nr, p->id, NULL);
    }
  g_error ("no page %s", slug);
  return NULL;
}

/* Pages: their hierarchy and order in, out to WXR, and in again the same. */
static void
test_pages (void)
{
  g_autoptr (PortadaNewsroom) a = portada_test_newsroom ();
  g_autoptr (PortadaNewsroom) b = portada_test_newsroom ();
  g_autofree char *path = fixture ("theme-unit-test-data.xml");
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "wxr-pages", NULL);
  g_autofree char *en = g_build_filename (out, "en.wxr.xml", NULL);
  g_autoptr (PortadaImportSummary) s = import_ok (a, path, "en");
  g_autoptr (PortadaImportSummary) s2 = NULL;
  g_autoptr (PortadaImportSummary) again = NULL;
  g_autoptr (PortadaPage) l1 = page_slugged (a, "level-1");
  g_autoptr (PortadaPage) l2 = page_slugged (a, "level-2");
  g_autoptr (PortadaPage) l3 = page_slugged (a, "level-3");
  g_autoptr (PortadaPage) about = page_slugged (a, "about");
  g_autoptr (GPtrArray) list_a = NULL;
  g_autoptr (GPtrArray) list_b = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (l1->parent_id, ==, 0);
  g_assert_cmpint (l2->parent_id, ==, l1->id);
  g_assert_cmpint (l3->parent_id, ==, l2->id);
  g_assert_cmpint (l1->menu_order, ==, 5);
  g_assert_cmpint (about->status, ==, PORTADA_STATUS_PUBLISHED);
  g_assert_nonnull (strstr (about->body, "standard WordPress Theme Unit Test Data"));

  g_assert_true (portada_wxr_export (a, out, "en", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (en, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "<wp:post_type><![CDATA[page]]></wp:post_type>"));
  }
  s2 = import_ok (b, en, "en");
  g_assert_cmpuint (s2->pages_created, ==, 21);
  list_a = portada_pages_list (a, "en", NULL);
  list_b = portada_pages_list (b, "en", NULL);
  g_assert_cmpuint (list_a->len, ==, list_b->len);
  for (guint i = 0; i < list_a->len; i++)
    {
      PortadaPage *x = list_a->pdata[i], *y = list_b->pdata[i];
      g_autoptr (PortadaPage) px = x->parent_id ? portada_pages_load (a, x->parent_id, NULL) : NULL;
      g_autoptr (PortadaPage) py = y->parent_id ? portada_pages_load (b, y->parent_id, NULL) : NULL;
      g_assert_cmpstr (x->uuid, ==, y->uuid);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->slug, ==, y->slug);
      g_assert_cmpint (x->menu_order, ==, y->menu_order);
      g_assert_cmpint (x->status, ==, y->status);
      g_assert_cmpstr (px ? px->uuid : NULL, ==, py ? py->uuid : NULL);
    }
  /* Again: updated, not duplicated. */
  again = import_ok (b, en, "en");
  g_assert_cmpuint (again->pages_created, ==, 0);
  g_assert_cmpuint (again->pages_updated, ==, 21);
  g_assert_cmpint (count (b, "page"), ==, 21);
}

/* A page whose parent is not in the file, or is itself: imported without it, named. */
static void
test_page_parents (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *path = write_temp (
      "orphans.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>\n"
      "<wp:wxr_version>1.2</wp:wxr_version>\n"
      "<item><title>Orphan</title><guid>g-1</guid><wp:post_id>10</wp:post_id>"
      "<wp:post_parent>99</wp:post_parent><wp:post_type>page</wp:post_type>"
      "<content:encoded><![CDATA[<p>x<script>alert(1)</script></p>]]></content:encoded></item>\n"
      "<item><title>Loop</title><guid>g-2</guid><wp:post_id>11</wp:post_id>"
      "<wp:post_parent>11</wp:post_parent><wp:post_type>page</wp:post_type></item>\n"
      "<item><title>Child</title><guid>g-3</guid><wp:post_id>12</wp:post_id>"
      "<wp:post_parent>10</wp:post_parent><wp:post_name>orphan</wp:post_name>"
      "<wp:post_type>page</wp:post_type></item>\n"
      "</channel></rss>\n",
      -1);
  g_autoptr (PortadaImportSummary) s = import_ok (nr, path, "en");
  g_autoptr (PortadaPage) orphan = page_slugged (nr, "orphan");
  g_autoptr (PortadaPage) loop = page_slugged (nr, "loop");
  g_autoptr (GPtrArray) all = portada_pages_list (nr, NULL, NULL);

  g_assert_cmpuint (s->pages_created, ==, 3);
  g_assert_true (summary_has (s, "“Orphan”: its parent page (post 99) is not in the file"));
  g_assert_true (summary_has (s, "“Loop”: Page “Loop”: it cannot be its own parent"));
  g_assert_cmpint (orphan->parent_id, ==, 0);
  g_assert_cmpint (loop->parent_id, ==, 0);
  g_assert_null (strstr (orphan->body, "script"));
  /* The child keeps its slug "orphan": a slug is unique among siblings only. */
  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < all->len; i++)
    {
      PortadaPage *p = all->pdata[i];
      if (g_str_equal (p->title, "Child"))
        {
          g_assert_cmpint (p->parent_id, ==, orphan->id);
          g_assert_cmpstr (p->slug, ==, "orphan");
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/wxr/theme-unit-test", test_theme_unit_test);
  g_test_add_func ("/wxr/malformed", test_malformed);
  g_test_add_func ("/wxr/malformed-after-posts", test_malformed_after_posts);
  g_test_add_func ("/wxr/small-fixtures", test_small_fixtures);
  g_test_add_func ("/wxr/details", test_details);
  g_test_add_func ("/wxr/utf8-challenges", test_utf8_challenges);
  g_test_add_func ("/wxr/categories", test_categories);
  g_test_add_func ("/wxr/bad-items", test_bad_items);
  g_test_add_func ("/wxr/xxe", test_xxe);
  g_test_add_func ("/wxr/billion-laughs", test_billion_laughs);
  g_test_add_func ("/wxr/undeclared-entity", test_undeclared_entity);
  g_test_add_func ("/wxr/not-wxr", test_not_wxr);
  g_test_add_func ("/wxr/cancel", test_cancel);
  g_test_add_func ("/wxr/round-trip", test_round_trip);
  g_test_add_func ("/wxr/pages", test_pages);
  g_test_add_func ("/wxr/page-parents", test_page_parents);
  g_test_add_func ("/wxr/export-errors", test_export_errors);
  return g_test_run ();
}
