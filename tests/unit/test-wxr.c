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
#include "portada-newsroom-private.h"
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
      "FROM article), (SELECT coalesce(max(updated_at), 0) FROM article)",
      NULL);
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < 8; i++)
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
  /* 58 posts; 21 pages, 37 attachments and 70 menu items skipped, each with a reason. */
  g_assert_cmpuint (s->created, ==, 58);
  g_assert_cmpuint (s->updated, ==, 0);
  g_assert_cmpuint (s->skipped, ==, 128);
  g_assert_cmpint (count (nr, "article"), ==, 58);
  g_assert_true (summary_has (s, "skipped: pages are not articles"));
  g_assert_true (summary_has (s, "skipped: a navigation menu item"));
  g_assert_true (summary_has (s, "Portada never downloads files"));
  g_assert_true (summary_has (s, "33 comments not imported"));
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

  /* Nested categories become nested section paths. */
  {
    g_autoptr (PortadaSection) child = portada_sections_find (nr, "child-category-01", NULL);
    if (child)
      g_assert_true (
          g_str_has_suffix (portada_section_get_path (child, "en"), "/child-category-01"));
  }

  /* The same file again: everything updated, nothing duplicated, nothing changed. */
  before = state_of (nr);
  again = import_ok (nr, path, "en");
  after = state_of (nr);
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (again->updated, ==, 58);
  g_assert_cmpint (count (nr, "article"), ==, 58);
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
    { "valid-wxr-1.0.xml", 3, 3, NULL },
    { "valid-wxr-1.1.xml", 1, 1, NULL },
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
  g_test_add_func ("/wxr/bad-items", test_bad_items);
  g_test_add_func ("/wxr/xxe", test_xxe);
  g_test_add_func ("/wxr/billion-laughs", test_billion_laughs);
  g_test_add_func ("/wxr/undeclared-entity", test_undeclared_entity);
  g_test_add_func ("/wxr/not-wxr", test_not_wxr);
  g_test_add_func ("/wxr/cancel", test_cancel);
  return g_test_run ();
}
