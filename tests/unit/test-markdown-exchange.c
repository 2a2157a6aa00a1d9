/* test-markdown-exchange.c: Markdown files with front matter, both ways.
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
#include "portada-exchange-private.h"
#include "portada-front-matter.h"
#include "portada-markdown-exchange.h"
#include "portada-newsroom-private.h"
#include "portada-test-util.h"

static char *
new_path (const char *name)
{
  static int n;
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *unique = g_strdup_printf ("%s-%d", name, ++n);
  return g_build_filename (dir, unique, NULL);
}

static void
write_file (const char *path, const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Hostile strings come back the same through the writer and the reader. */
static void
test_yaml_strings (void)
{
  static const char *const values[] = {
    "plain",
    "colon: inside",
    "\"double\" and 'single' quotes",
    "line\nbreaks\n\nand blank",
    "- leading dash",
    "# not a comment",
    "trailing space ",
    " leading space",
    "yes",
    "null",
    "~",
    "---",
    "back\\slash \\n not a newline",
    "tab\there",
    "control \x01\x1b chars",
    "unicode ñ 🚀 \u2028 \u2029 \xc2\x85 \ufeff",
    "[not, a, list]",
    "{not: a map}",
    "&anchor *alias !tag %percent @at `tick`",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      GString *doc = g_string_new ("---\ntitle: ");
      g_autoptr (GHashTable) fields = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *body = NULL;
      PortadaYamlValue *v;

      portada_yaml_append_string (doc, values[i]);
      g_string_append (doc, "\ntags: [");
      portada_yaml_append_string (doc, values[i]);
      g_string_append (doc, ", \"b\"]\n---\nbody\n");
      fields = portada_front_matter_parse (doc->str, &body, &error);
      g_assert_no_error (error);
      v = g_hash_table_lookup (fields, "title");
      g_assert_cmpstr (v->scalar, ==, values[i]);
      v = g_hash_table_lookup (fields, "tags");
      g_assert_cmpstr (v->list[0], ==, values[i]);
      g_assert_cmpstr (v->list[1], ==, "b");
      g_assert_cmpstr (body, ==, "body\n");
      /* One line per key: a newline in a value never breaks the front matter. */
      g_assert_null (strstr (doc->str, "title: \"line\n"));
      g_string_free (doc, TRUE);
    }
}

static void
test_yaml_forms (void)
{
  const char *doc = "---\n"
                    "# a comment\n"
                    "title: Plain value # with a comment\n"
                    "single: 'it''s'\n"
                    "double: \"a\\tb\\u00e9\\x41\"\n"
                    "flow: [one, 'two', \"three\"]\n"
                    "block:\n"
                    "  - x\n"
                    "  - \"y\"\n"
                    "- z\n"
                    "literal: |\n"
                    "  line one\n"
                    "  line two\n"
                    "folded: >-\n"
                    "  folded\n"
                    "  text\n"
                    "url: https://example.com/a#b\n"
                    "empty:\n"
                    "multi: \"first\n"
                    "  second\"\n"
                    "...\n"
                    "Body";
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  g_autoptr (GHashTable) f = portada_front_matter_parse (doc, &body, &error);
  PortadaYamlValue *v;

  g_assert_no_error (error);
  g_assert_cmpstr (((PortadaYamlValue *) g_hash_table_lookup (f, "title"))->scalar, ==,
                   "Plain value");
  g_assert_cmpstr (((PortadaYamlValue *) g_hash_table_lookup (f, "single"))->scalar, ==, "it's");
  g_assert_cmpstr (((PortadaYamlValue *) g_hash_table_lookup (f, "double"))->scalar, ==, "a\tbéA");
  v = g_hash_table_lookup (f, "flow");
  g_assert_cmpuint (g_strv_length (v->list), ==, 3);
  g_assert_cmpstr (v->list[2], ==, "three");
  v = g_hash_table_lookup (f, "block");
  g_assert_cmpuint (g_strv_length (v->list), ==, 3);
  g_assert_cmpstr (v->list[2], ==, "z");
  g_assert_cmpstr (((PortadaYamlValue *) g_hash_table_lookup (f, "literal"))->scalar, ==,
                   "line one\nline two\n");
  g_assert_cmpstr (((PortadaYamlValue *) g_hash_table_lookup (f, "folded"))->scalar, ==,
                   "folded text");
  g_assert_cmpstr (((PortadaYamlValue *) g_hash_table_lookup (f, "url"))->scalar, ==,
                   "https://example.com/a#b");
  g_assert_cmpstr (((PortadaYamlValue *) g_hash_table_lookup (f, "empty"))->scalar, ==, "");
  g_assert_cmpstr (((PortadaYamlValue *) g_hash_table_lookup (f, "multi"))->scalar, ==,
                   "first second");
  g_assert_cmpstr (body, ==, "Body");
}

static void
test_yaml_errors (void)
{
  static const struct
  {
    const char *doc;
    const char *message;
  } bad[] = {
    { "no front matter\n", "line 1: no front matter" },
    { "---\ntitle: x\n", "not closed" },
    { "---\ntitle: \"open\n---\n", "line 2: a quoted string is not closed" },
    { "---\na: 1\nb: \"bad \\q escape\"\n---\n", "line 3: unknown escape" },
    { "---\na: 1\na: 2\n---\n", "line 3: the key “a” appears twice" },
    { "---\nparent:\n  child: x\n---\n", "nested mappings" },
    { "---\njust words\n---\n", "line 2: “just words” is not a “key: value” line" },
    { "---\nx: &anchor v\n---\n", "anchors" },
    { "---\nx: [a, [b]]\n---\n", "nested lists" },
    { "---\nx: [a, b\n---\n", "not closed" },
    { "---\nx: \"\\uD800\"\n---\n", "no valid character" },
    { "---\n\tx: 1\n---\n", "tabs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GHashTable) f = portada_front_matter_parse (bad[i].doc, NULL, &error);
      g_assert_null (f);
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, bad[i].message);
    }
}

static char *
read_text (const char *path)
{
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Every file under @dir, relative path → contents. */
static void
snapshot_into (const char *root, const char *dir, GHashTable *out)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        snapshot_into (root, path, out);
      else
        g_hash_table_insert (out, g_strdup (path + strlen (root)), read_text (path));
    }
}

static GHashTable *
snapshot (const char *dir)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  snapshot_into (dir, dir, out);
  return out;
}

static void
assert_same_tree (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (value, ==, g_hash_table_lookup (b, key));
}

static GArray *
all_ids (PortadaNewsroom *nr)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (nr, "SELECT id FROM article ORDER BY uuid", NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_same_articles (PortadaNewsroom *a, PortadaNewsroom *b)
{
  g_autoptr (GArray) ia = all_ids (a);
  g_autoptr (GArray) ib = all_ids (b);

  g_assert_cmpuint (ia->len, ==, ib->len);
  for (guint i = 0; i < ia->len; i++)
    {
      g_autoptr (PortadaArticle) x = portada_articles_load (a, g_array_index (ia, gint64, i), NULL);
      g_autoptr (PortadaArticle) y = portada_articles_load (b, g_array_index (ib, gint64, i), NULL);

      g_assert_cmpstr (x->uuid, ==, y->uuid);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->subtitle, ==, y->subtitle);
      g_assert_cmpstr (x->slug, ==, y->slug);
      g_assert_cmpstr (x->lang, ==, y->lang);
      g_assert_cmpstr (x->section, ==, y->section);
      g_assert_cmpint (x->status, ==, y->status);
      g_assert_cmpint (x->publish_at, ==, y->publish_at);
      g_assert_cmpint (x->updated_at, ==, y->updated_at);
      g_assert_cmpstr (x->excerpt, ==, y->excerpt);
      g_assert_cmpstr (x->source_name, ==, y->source_name);
      g_assert_cmpstr (x->source_url, ==, y->source_url);
      g_assert_cmpstr (x->author, ==, y->author);
      g_assert_cmpstr (x->translation_group, ==, y->translation_group);
      g_assert_cmpint (x->comments_enabled, ==, y->comments_enabled);
      g_assert_cmpstr (x->body, ==, y->body);
      g_assert_true (g_strv_equal ((const char *const *) x->tags, (const char *const *) y->tags));
    }
}

static PortadaNewsroom *
demo_newsroom (guint n)
{
  PortadaNewsroom *nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaArticle) odd = portada_article_new ();

  g_assert_true (portada_demo_fill (nr, n, NULL, NULL, &error));
  g_assert_no_error (error);
  /* An article with every hard case of the front matter. */
  g_free (odd->title);
  odd->title = g_strdup ("Colons: \"quotes\", 'single' — and\na newline");
  odd->subtitle = g_strdup ("- a leading dash # and a hash");
  odd->excerpt = g_strdup ("yes");
  odd->source_name = g_strdup ("Agencia: Noticias");
  odd->source_url = g_strdup ("https://example.com/a?b=c&d=e#f");
  odd->section = g_strdup ("tourism");
  odd->status = PORTADA_STATUS_REVIEW;
  odd->comments_enabled = FALSE;
  g_free (odd->body);
  odd->body = g_strdup ("---\n\nA body that starts with a rule.\n");
  g_strfreev (odd->tags);
  odd->tags = g_strsplit ("a: b|[x]|\"q\"", "|", -1);
  g_assert_true (portada_articles_save (nr, odd, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  return nr;
}

static void
test_round_trip (void)
{
  g_autoptr (PortadaNewsroom) a = demo_newsroom (40);
  g_autoptr (PortadaNewsroom) b = portada_test_newsroom ();
  g_autofree char *out = new_path ("md");
  g_autofree char *out2 = new_path ("md");
  g_autoptr (PortadaImportSummary) s = portada_import_summary_new ();
  g_autoptr (PortadaImportSummary) again = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) first = NULL;
  g_autoptr (GHashTable) second = NULL;
  g_autofree char *seed = NULL;
  gint64 n = portada_articles_count (a, NULL, NULL);

  g_assert_true (portada_markdown_export (a, out, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* With its featured image, the seed is a page bundle. */
  seed = g_build_filename (out, "content", "en", "business",
                           "us-latin-america-seek-to-boost-cybersecurity-2", "index.md", NULL);
  g_assert_true (g_file_test (seed, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *text = read_text (seed);
    g_assert_true (g_str_has_prefix (text, "---\ntitle: \"US, Latin America Seek to Boost "
                                           "Cybersecurity\"\n"));
    g_assert_nonnull (strstr (text, "\ndraft: false\n"));
    g_assert_nonnull (strstr (text, "\ndate: 2023-10-04T14:30:00Z\n"));
    g_assert_nonnull (strstr (text, "\nsource_url: \"https://www.voanews.com/"));
    g_assert_nonnull (strstr (text, "\ntags: [\"Latin America\", \"Cybersecurity\""));
  }

  g_assert_true (portada_markdown_import (b, out, NULL, s, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < s->lines->len; i++)
    g_test_message ("%s", (char *) s->lines->pdata[i]);
  g_assert_cmpuint (s->created, ==, n);
  g_assert_cmpuint (s->skipped, ==, 0);
  assert_same_articles (a, b);

  /* Again: updated, never duplicated. */
  g_assert_true (portada_markdown_import (b, out, NULL, again, NULL, NULL, NULL, &error));
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (again->updated, ==, n);
  g_assert_cmpint (portada_articles_count (b, NULL, NULL), ==, n);
  assert_same_articles (a, b);

  /* Export of the copy: the same bytes, but hugo.toml, which holds the site's
   * settings (address, title), not articles: the import leaves those alone. */
  g_assert_true (portada_markdown_export (b, out2, NULL, NULL, NULL, NULL, &error));
  first = snapshot (out);
  second = snapshot (out2);
  g_assert_true (g_hash_table_remove (first, "/hugo.toml"));
  g_assert_true (g_hash_table_remove (second, "/hugo.toml"));
  assert_same_tree (first, second);
  /* The sections came back with their Spanish paths, from content/es/<key>/_index.md. */
  {
    g_autoptr (PortadaSection) sec = portada_sections_find (b, "business", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (portada_section_get_path (sec, "es"), ==, "noticias/economia");
    g_assert_cmpstr (portada_section_get_name (sec, "es"), ==, "Economía");
  }
}

/* Files written by hand or by Hugo/Jekyll users: no uuid, other spellings. */
static void
test_foreign_files (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *dir = new_path ("site");
  g_autofree char *p1 = g_build_filename (dir, "posts", "hello.md", NULL);
  g_autofree char *p2 = g_build_filename (dir, "posts", "bad-date.md", NULL);
  g_autofree char *p3 = g_build_filename (dir, "posts", "no-front-matter.md", NULL);
  g_autofree char *p4 = g_build_filename (dir, "posts", "latin1.md", NULL);
  g_autofree char *p5 = g_build_filename (dir, "posts", "list-title.md", NULL);
  g_autofree char *p6 = g_build_filename (dir, ".git", "ignored.md", NULL);
  g_autofree char *p7 = g_build_filename (dir, "posts", "notes.txt", NULL);
  g_autofree char *p8 = g_build_filename (dir, "posts", "bad-url.md", NULL);
  g_autoptr (PortadaImportSummary) s = portada_import_summary_new ();
  g_autoptr (PortadaImportSummary) again = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (PortadaArticle) a = NULL;

  write_file (p1, "---\ntitle: Hello: world\ndate: 2024-02-03 10:20:30 +0000\n"
                  "categories: [Viajes]\ntags: uno, dos\ndraft: false\nlang: es\n"
                  "description: Un resumen\n---\n\nCuerpo *en* Markdown.\n");
  write_file (p2, "---\ntitle: Bad date\ndate: next tuesday\n---\nx\n");
  write_file (p3, "# Just Markdown\n");
  write_file (p4, "---\ntitle: Caf\xe9\n---\n\xe9t\xe9\n");
  write_file (p5, "---\ntitle: [a, b]\n---\n");
  write_file (p6, "---\ntitle: hidden\n---\n");
  write_file (p7, "not markdown");
  write_file (p8, "---\ntitle: Bad URL\nsource_url: javascript:alert(1)\n---\n");

  g_assert_true (portada_markdown_import (nr, dir, "en", s, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < s->lines->len; i++)
    g_test_message ("%s", (char *) s->lines->pdata[i]);
  g_assert_cmpuint (s->created, ==, 2);
  g_assert_cmpuint (s->skipped, ==, 4);
  list = portada_articles_list (nr, NULL, 0, 10, NULL);
  g_assert_cmpuint (list->len, ==, 2);

  {
    g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
        nr, "SELECT id FROM article WHERE title = 'Hello: world'", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    a = portada_articles_load (nr, sqlite3_column_int64 (stmt, 0), NULL);
  }
  g_assert_cmpstr (a->lang, ==, "es");
  g_assert_cmpstr (a->section, ==, "viajes");
  g_assert_cmpstr (a->excerpt, ==, "Un resumen");
  g_assert_cmpstr (a->body, ==, "Cuerpo *en* Markdown.\n");
  g_assert_cmpint (a->status, ==, PORTADA_STATUS_PUBLISHED);
  g_assert_cmpint (a->publish_at, ==, 1706955630);
  g_assert_cmpstr (a->tags[0], ==, "uno");
  g_assert_cmpstr (a->tags[1], ==, "dos");

  /* Without a uuid the second import finds the articles by slug. */
  g_assert_true (portada_markdown_import (nr, dir, "en", again, NULL, NULL, NULL, &error));
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (again->updated, ==, 2);

  {
    gboolean date = FALSE, fm = FALSE, utf8 = FALSE, list_title = FALSE, url = FALSE;
    for (guint i = 0; i < s->lines->len; i++)
      {
        const char *line = s->lines->pdata[i];
        date |= strstr (line, "bad-date.md: skipped: “date” is not a date") != NULL;
        fm |= strstr (line, "no-front-matter.md: skipped: line 1: no front matter") != NULL;
        utf8 |= strstr (line, "latin1.md: skipped: line 2: not valid UTF-8") != NULL;
        list_title
            |= strstr (line, "list-title.md: skipped: line 2: “title” must be a text") != NULL;
        url |= strstr (line, "bad-url.md: note:") != NULL;
      }
    g_assert_true (date && fm && utf8 && list_title && url);
  }
}

static void
fail_on_progress (double fraction, gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_output_folder (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (10);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = new_path ("export");
  g_autofree char *busy = new_path ("busy");
  g_autofree char *user_file = NULL;
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *parent = NULL;

  /* A missing parent folder. */
  g_assert_false (
      portada_markdown_export (nr, "/nonexistent/portada/out", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/portada"));
  g_clear_error (&error);
  /* A folder nobody can write in (not even root). */
  g_assert_false (
      portada_markdown_export (nr, "/proc/portada-out", NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "cannot write in the folder /proc"));
  g_clear_error (&error);
  /* A folder with someone else's files is never replaced. */
  user_file = g_build_filename (busy, "thesis.txt", NULL);
  write_file (user_file, "precious");
  g_assert_false (portada_markdown_export (nr, busy, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_test (user_file, G_FILE_TEST_EXISTS));

  /* An export, then a cancelled one: the first stays byte for byte. */
  g_assert_true (portada_markdown_export (nr, out, NULL, NULL, NULL, NULL, &error));
  before = snapshot (out);
  g_assert_false (
      portada_markdown_export (nr, out, NULL, cancellable, fail_on_progress, cancellable, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED);
  after = snapshot (out);
  assert_same_tree (before, after);
  /* And nothing half-written beside it. */
  parent = g_path_get_dirname (out);
  {
    g_autoptr (GDir) d = g_dir_open (parent, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)))
      g_assert_null (strstr (name, ".portada-"));
  }
  /* A re-export replaces the earlier one. */
  g_clear_error (&error);
  g_assert_true (portada_markdown_export (nr, out, "es", NULL, NULL, NULL, &error));
  g_clear_pointer (&after, g_hash_table_unref);
  after = snapshot (out);
  g_assert_cmpuint (g_hash_table_size (after), <, g_hash_table_size (before));
}

/* Section pages (_index.md): what the export writes sets a section's name and
 * path in a language; a hostile path, a broken file or another site's page
 * changes nothing it should not, and never becomes an article. */
static void
test_section_pages (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *dir = new_path ("sections");
  g_autofree char *p1 = g_build_filename (dir, "content", "es", "viajes", "_index.md", NULL);
  g_autofree char *p2 = g_build_filename (dir, "content", "es", "malo", "_index.md", NULL);
  g_autofree char *p3 = g_build_filename (dir, "content", "es", "roto", "_index.md", NULL);
  g_autofree char *p4 = g_build_filename (dir, "content", "en", "other", "_index.md", NULL);
  g_autofree char *p5 = g_build_filename (dir, "content", "es", "viajes", "0-first.md", NULL);
  g_autoptr (PortadaImportSummary) s = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSection) viajes = NULL;
  g_autoptr (PortadaSection) malo = NULL;

  write_file (p1,
              "---\ntitle: \"Viajes y más\"\nurl: \"/es/noticias/viajes/\"\nsection: \"travel\"\n"
              "section_path: \"noticias/viajes\"\nlang: \"es\"\n---\n");
  write_file (p2,
              "---\ntitle: \"Malo\"\nsection: \"malo\"\nsection_path: \"../../etc\"\nlang: \"es\"\n"
              "---\n");
  write_file (p3, "---\ntitle: [roto\n---\n");
  write_file (p4, "---\ntitle: \"A Hugo list page\"\n---\nIntro.\n");
  /* Sorted before _index.md: the section page is still read first. */
  write_file (p5, "---\ntitle: \"Primero\"\nsection: \"travel\"\nlang: \"es\"\n---\nCuerpo.\n");
  g_assert_true (portada_markdown_import (nr, dir, "en", s, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < s->lines->len; i++)
    g_test_message ("%s", (char *) s->lines->pdata[i]);
  g_assert_cmpuint (s->created, ==, 1);
  g_assert_cmpuint (s->skipped, ==, 1);
  viajes = portada_sections_find (nr, "travel", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (portada_section_get_path (viajes, "es"), ==, "noticias/viajes");
  g_assert_cmpstr (portada_section_get_name (viajes, "es"), ==, "Viajes y más");
  malo = portada_sections_find (nr, "malo", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (portada_section_get_path (malo, "es"), ==, "malo");
  g_assert_cmpint (portada_articles_count (nr, NULL, NULL), ==, 1);
  {
    gboolean broken = FALSE, other = FALSE;
    for (guint i = 0; i < s->lines->len; i++)
      {
        const char *line = s->lines->pdata[i];
        broken |= strstr (line, "roto/_index.md: skipped: line 3: a list") != NULL;
        other |= strstr (line, "other/_index.md: not an article (a Hugo section page)") != NULL;
      }
    g_assert_true (broken && other);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/markdown-exchange/yaml-strings", test_yaml_strings);
  g_test_add_func ("/markdown-exchange/section-pages", test_section_pages);
  g_test_add_func ("/markdown-exchange/yaml-forms", test_yaml_forms);
  g_test_add_func ("/markdown-exchange/yaml-errors", test_yaml_errors);
  g_test_add_func ("/markdown-exchange/round-trip", test_round_trip);
  g_test_add_func ("/markdown-exchange/foreign-files", test_foreign_files);
  g_test_add_func ("/markdown-exchange/output-folder", test_output_folder);
  return g_test_run ();
}
