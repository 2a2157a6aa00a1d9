/* test-wxr-wordpress.c: Portada's WXR export read by PHP as WordPress's importer
 * reads it (tests/interop/wxr-read.php: SimpleXML, and line by line through an
 * 8,192-byte buffer like its regex parser), compared with the newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-comments.h"
#include "portada-demo.h"
#include "portada-exchange.h"
#include "portada-markdown.h"
#include "portada-newsroom-private.h"
#include "portada-slug.h"
#include "portada-test-util.h"
#include "portada-wxr.h"

typedef struct
{
  GHashTable *authors;  /* login → display name */
  GHashTable *items;    /* post id (string) → GStrv of the fields after "item" */
  GHashTable *comments; /* "post id/comment id" → GStrv of the fields after "comment" */
} Parsed;

enum
{
  C_POST,
  C_ID,
  C_PARENT,
  C_APPROVED,
  C_TYPE,
  C_AUTHOR,
  C_EMAIL,
  C_URL,
  C_DATE,
  C_CONTENT,
  N_COMMENT_FIELDS
};

enum
{
  F_ID,
  F_TYPE,
  F_STATUS,
  F_SLUG,
  F_CREATOR,
  F_TITLE,
  F_EXCERPT,
  F_CONTENT,
  F_META,
  N_FIELDS
};

static void
parsed_clear (Parsed *p)
{
  g_clear_pointer (&p->authors, g_hash_table_unref);
  g_clear_pointer (&p->items, g_hash_table_unref);
  g_clear_pointer (&p->comments, g_hash_table_unref);
}

static char *
unbase64 (const char *text)
{
  gsize len = 0;
  guchar *data = g_base64_decode (text, &len);
  char *s = g_strndup ((const char *) data, len);
  g_free (data);
  return s;
}

/* Runs wxr-read.php @how on @file; fails the test when PHP fails. */
static void
read_with_php (const char *how, const char *file, Parsed *p)
{
  g_autofree char *script = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "interop",
                                              "wxr-read.php", NULL);
  const char *php = g_getenv ("PHP") ? g_getenv ("PHP") : "php";
  const char *argv[] = { php, script, how, file, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("%s: cannot be run (install php-cli and php-xml, build-aux/apt-packages): %s", php,
             error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("wxr-read.php %s %s: %s\n%s", how, file, error->message, err);
  p->authors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  p->comments
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (f);
      if (n == 3 && g_str_equal (f[0], "author"))
        g_hash_table_replace (p->authors, unbase64 (f[1]), unbase64 (f[2]));
      else if (n == N_FIELDS + 1 && g_str_equal (f[0], "item"))
        {
          GStrv fields = g_new0 (char *, N_FIELDS + 1);
          fields[F_ID] = g_strdup (f[1]);
          for (guint k = F_TYPE; k < N_FIELDS; k++)
            fields[k] = unbase64 (f[k + 1]);
          g_hash_table_replace (p->items, g_strdup (f[1]), fields);
        }
      else if (n == N_COMMENT_FIELDS + 1 && g_str_equal (f[0], "comment"))
        {
          GStrv fields = g_new0 (char *, N_COMMENT_FIELDS + 1);
          for (guint k = C_POST; k <= C_PARENT; k++)
            fields[k] = g_strdup (f[k + 1]);
          for (guint k = C_APPROVED; k < N_COMMENT_FIELDS; k++)
            fields[k] = unbase64 (f[k + 1]);
          g_hash_table_replace (p->comments, g_strconcat (f[1], "/", f[2], NULL), fields);
        }
      else
        g_assert_cmpstr (lines[i], ==, "");
    }
}

/* The text of some HTML, blanks folded: what a reader sees. */
static char *
text_of (const char *html)
{
  g_autofree char *wrapped = g_strconcat ("<html><body>", html, "</body></html>", NULL);
  htmlDocPtr doc = htmlReadMemory (wrapped, strlen (wrapped), NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_autofree char *raw = (char *) xmlNodeGetContent ((xmlNodePtr) doc);
  GString *out = g_string_new (NULL);

  for (const char *p = raw; p && *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, *p);
    }
  xmlFreeDoc (doc);
  return g_strstrip (g_string_free (out, FALSE));
}

/* Every line break is after a tag and before one, but inside <pre>. */
static void
assert_breaks_between_tags (const char *html)
{
  gboolean in_pre = FALSE;

  for (const char *p = html; *p; p++)
    {
      if (g_str_has_prefix (p, "<pre"))
        in_pre = TRUE;
      else if (g_str_has_prefix (p, "</pre>"))
        in_pre = FALSE;
      if (*p == '\n' && !in_pre && (p == html || p[-1] != '>' || (p[1] && p[1] != '<')))
        g_error ("a line break inside a block at byte %d: …%.40s…", (int) (p - html),
                 p > html + 20 ? p - 20 : html);
    }
}

/* A title, excerpt or name as WordPress read it: to the byte what Portada
 * typed, but for what HTML would take as markup ("<b", "&amp"); and shown by
 * WordPress (read as HTML) exactly the newsroom's text. */
static void
assert_wp_text (const char *read, const char *typed)
{
  g_autofree char *expected = portada_wxr_text_to_wp (typed);
  g_autofree char *shown = text_of (read);
  g_autofree char *back = portada_wxr_text_from_wp (read);

  g_assert_nonnull (read);
  g_assert_cmpstr (read, ==, expected);
  if (*typed && !strstr (typed, "  ") && !strchr (typed, '\n') && !g_ascii_isspace (*typed)
      && !g_ascii_isspace (typed[strlen (typed) - 1]))
    g_assert_cmpstr (shown, ==, typed);
  g_assert_cmpstr (back, ==, typed);
}

static char *
meta_value (const char *meta, const char *key)
{
  g_autofree char *prefix = g_strconcat (key, "=", NULL);
  g_auto (GStrv) lines = g_strsplit (meta, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  return NULL;
}

/* The article's comments, each as WordPress's importer reads it: the text Portada
 * wrote to the byte, the author as typed, the thread and the approval. */
static guint
compare_comments (PortadaNewsroom *nr, const PortadaArticle *a, Parsed *p)
{
  g_autoptr (GPtrArray) comments = portada_comments_list (nr, a->id, FALSE, NULL);

  for (guint i = 0; i < comments->len; i++)
    {
      PortadaComment *c = comments->pdata[i];
      g_autofree char *key
          = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, a->id, c->id);
      g_autofree char *html = portada_wxr_body_html (c->body);
      g_autofree char *parent = g_strdup_printf ("%" G_GINT64_FORMAT, c->parent_id);
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (c->created_at);
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d %H:%M:%S");
      GStrv f = g_hash_table_lookup (p->comments, key);

      g_assert_nonnull (f);
      g_assert_cmpstr (f[C_CONTENT], ==, html);
      assert_breaks_between_tags (f[C_CONTENT]);
      assert_wp_text (f[C_AUTHOR], c->author);
      g_assert_cmpstr (f[C_PARENT], ==, parent);
      g_assert_cmpstr (f[C_APPROVED], ==, c->status == PORTADA_COMMENT_APPROVED ? "1" : "0");
      g_assert_cmpstr (f[C_TYPE], ==, "comment");
      g_assert_cmpstr (f[C_URL], ==, c->author_url ? c->author_url : "");
      g_assert_cmpstr (f[C_DATE], ==, date);
    }
  return comments->len;
}

static void
compare (PortadaNewsroom *nr, const char *lang, Parsed *p, const char *how, guint *n_articles)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (nr, "SELECT id FROM article WHERE lang = ?1 ORDER BY id", NULL);
  guint long_bodies = 0, n_comments = 0;

  portada_stmt_bind_text (stmt, 1, lang);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autoptr (PortadaArticle) a = portada_articles_load (nr, id, NULL);
      GStrv f = g_hash_table_lookup (p->items, key);
      g_autofree char *html = portada_wxr_body_html (a->body);
      g_autofree char *rendered = portada_markdown_to_html (a->body);
      g_autofree char *t1 = NULL;
      g_autofree char *t2 = NULL;
      g_autofree char *group = NULL;
      g_autofree char *wpml = NULL;
      g_autofree char *wpml_lang = NULL;

      g_test_message ("%s: %s post %s", how, lang, key);
      g_assert_nonnull (f);
      g_assert_cmpstr (f[F_TYPE], ==, "post");
      g_assert_cmpstr (f[F_SLUG], ==, a->slug);
      assert_wp_text (f[F_TITLE], a->title);
      assert_wp_text (f[F_EXCERPT], a->excerpt ? a->excerpt : "");
      /* The body: the HTML written, to the byte, its lines as they were... */
      g_assert_cmpstr (f[F_CONTENT], ==, html);
      assert_breaks_between_tags (f[F_CONTENT]);
      /* ...and the same text as the article's own HTML. */
      t1 = text_of (f[F_CONTENT]);
      t2 = text_of (rendered);
      g_assert_cmpstr (t1, ==, t2);
      long_bodies += strlen (f[F_CONTENT]) > 8192;
      /* The author, by login, with the name exactly as in the newsroom. */
      if (a->author)
        {
          assert_wp_text (g_hash_table_lookup (p->authors, f[F_CREATOR]), a->author);
        }
      group = meta_value (f[F_META], "_portada_translation_group");
      wpml = meta_value (f[F_META], "_wpml_import_translation_group");
      wpml_lang = meta_value (f[F_META], "_wpml_import_language_code");
      g_assert_cmpstr (group, ==, a->translation_group);
      g_assert_cmpstr (wpml, ==, a->translation_group);
      g_assert_cmpstr (wpml_lang, ==, a->lang);
      n_comments += compare_comments (nr, a, p);
      ++*n_articles;
    }
  g_assert_cmpuint (long_bodies, >=, 1);
  /* The demo's seed articles have readers' comments, a thread among them. */
  g_assert_cmpuint (n_comments, ==, g_hash_table_size (p->comments));
  g_assert_cmpuint (n_comments, >=, g_str_equal (lang, "en") ? 5 : 1);
}

static void
add_hard_article (PortadaNewsroom *nr, const char *lang, const char *group, const char *title,
                  const char *author)
{
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autoptr (GError) error = NULL;
  GString *body = g_string_new ("Intro with `]]>` in code & <angle> text, a soft\nbreak.\n\n");

  /* Longer than the importer's 8,192-byte read: many paragraphs, a list, a table,
   * a code block with an empty line and trailing blanks, a quote. */
  for (int i = 0; i < 60; i++)
    g_string_append_printf (body,
                            "Paragraph %d of a long story about software recovery, "
                            "with **bold**, *emphasis* and a [link](https://example.com/%d?a=1&b=2)"
                            " that says “quoted” and 'single'.\n\n",
                            i, i);
  g_string_append (body, "- one\n- two & three\n  - nested\n\n| a | b |\n| --- | --- |\n| 1 | "
                         "<2> |\n\n```\ncode line  \n\n  indented ]]> end\n```\n\n> A quote\n> "
                         "on two lines\n\nLast words.\n");
  g_free (a->title);
  a->title = g_strdup (title);
  a->lang = g_strdup (lang);
  a->translation_group = g_strdup (group);
  a->excerpt = g_strdup ("An excerpt: 'single' \"double\" & <angle> ]]> end");
  a->author = g_strdup (author);
  a->section = g_strdup ("business");
  a->status = PORTADA_STATUS_PUBLISHED;
  a->publish_at = 1700000000;
  g_free (a->body);
  a->body = g_string_free (body, FALSE);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
}

#define EN_TITLE "The Republic's \"Gallo\" & Co: a < b > c ]]> end"

static void
test_wordpress_reads_it (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "wxr", NULL);
  static const char *const langs[] = { "en", "es" };
  static const char *const hows[] = { "simplexml", "regex" };

  g_assert_true (portada_demo_fill (nr, 30, NULL, NULL, &error));
  g_assert_no_error (error);
  add_hard_article (nr, "en", "hard-1", EN_TITLE, "O'Brien & \"Sons\" <Press>");
  add_hard_article (nr, "es", "hard-1",
                    "La cervecería «Gallo» & <Cía> ]]> 'sí' \"no\" &amp; AT&T <script>x</script>",
                    "María D'Ángelo & <Hijos>");
  g_assert_true (portada_wxr_export (nr, out, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* ' " & and a lone < or > go to WordPress as typed, byte for byte. */
  {
    g_autofree char *wp = portada_wxr_text_to_wp (EN_TITLE);
    g_assert_cmpstr (wp, ==, EN_TITLE);
  }

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint h = 0; h < G_N_ELEMENTS (hows); h++)
      {
        g_autofree char *name = g_strconcat (langs[l], ".wxr.xml", NULL);
        g_autofree char *path = g_build_filename (out, name, NULL);
        Parsed p = { 0 };
        guint n = 0;
        read_with_php (hows[h], path, &p);
        compare (nr, langs[l], &p, hows[h], &n);
        g_assert_cmpuint (n, >, 10);
        g_test_message ("%s, %s: %u articles, %u authors read as written", langs[l], hows[h], n,
                        g_hash_table_size (p.authors));
        parsed_clear (&p);
      }
}

/* The reader bites: what the issue found in the old export, it finds too. */
static void
test_reader_finds_old_bugs (void)
{
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.wxr.xml", NULL);
  GString *doc = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n"
      "<wp:author>\n<wp:author_login><![CDATA[ana]]></wp:author_login>\n"
      "<wp:author_display_name><![CDATA[Ana]]></wp:author_display_name>\n</wp:author>\n"
      "<item>\n<title>AT&amp;amp;T</title>\n<wp:post_id>1</wp:post_id>\n"
      "<content:encoded><![CDATA[<p>");
  Parsed sx = { 0 }, rx = { 0 };
  GStrv a, b;

  /* A paragraph longer than the read buffer. */
  for (int i = 0; i < 1000; i++)
    g_string_append (doc, "software ");
  g_string_append (doc, "</p>]]></content:encoded>\n<wp:post_type>post</wp:post_type>\n</item>\n"
                        "</channel>\n</rss>\n");
  g_assert_true (g_file_set_contents (path, doc->str, doc->len, NULL));
  g_string_free (doc, TRUE);

  read_with_php ("simplexml", path, &sx);
  read_with_php ("regex", path, &rx);
  /* An author over several lines: SimpleXML finds it, the line reader does not. */
  g_assert_cmpstr (g_hash_table_lookup (sx.authors, "ana"), ==, "Ana");
  g_assert_cmpuint (g_hash_table_size (rx.authors), ==, 0);
  a = g_hash_table_lookup (sx.items, "1");
  b = g_hash_table_lookup (rx.items, "1");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  /* A title escaped twice reads as an entity; the line reader keeps it raw. */
  g_assert_cmpstr (a[F_TITLE], ==, "AT&amp;T");
  g_assert_cmpstr (b[F_TITLE], ==, "AT&amp;amp;T");
  /* The long line is cut: a line break lands in the paragraph. */
  g_assert_null (strchr (a[F_CONTENT], '\n'));
  g_assert_nonnull (strchr (b[F_CONTENT], '\n'));
  g_assert_cmpstr (a[F_CONTENT], !=, b[F_CONTENT]);
  parsed_clear (&sx);
  parsed_clear (&rx);
}

/* Malformed XML: the PHP reader refuses it, as WordPress does. */
static void
test_malformed (void)
{
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bad.wxr.xml", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "interop",
                                              "wxr-read.php", NULL);
  const char *argv[] = { "php", script, "simplexml", path, NULL };
  int status = 0;

  g_assert_true (g_file_set_contents (path, "<rss><channel><item></channel></rss>", -1, NULL));
  g_assert_true (
      g_spawn_sync (NULL, (char **) argv, NULL,
                    G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/interop/wxr/wordpress-reads-it", test_wordpress_reads_it);
  g_test_add_func ("/interop/wxr/reader-finds-old-bugs", test_reader_finds_old_bugs);
  g_test_add_func ("/interop/wxr/malformed", test_malformed);
  return g_test_run ();
}
