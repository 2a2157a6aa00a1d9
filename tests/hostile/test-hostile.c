/* test-hostile.c: the hostile corpus through every way text and files come in,
 * then out through every export: nothing that could run, load or send survives.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The corpus is tests/corpus/hostile/ (one trick a file: HTML, Markdown, titles,
 * WordPress files, SVG logos, a sponsor spreadsheet) and the SVG logos of
 * tests/corpus/svg/. The ways in: the Markdown body, every other article field,
 * WXR import, Markdown import, the sponsor CSV import and logo import. The ways
 * out: the rendered page (what the preview shows), the site export, the WXR
 * export. safe-html.c judges, written apart from the sanitizer it judges.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hostile-scan.h"
#include "portada-articles.h"
#include "portada-demo.h"
#include "portada-csv.h"
#include "portada-exchange.h"
#include "portada-front-matter.h"
#include "portada-html-to-markdown.h"
#include "portada-logos.h"
#include "portada-markdown-exchange.h"
#include "portada-markdown.h"
#include "portada-media.h"
#include "portada-page.h"
#include "portada-sanitizer.h"
#include "portada-slug.h"
#include "portada-site-export.h"
#include "portada-sponsor-csv.h"
#include "portada-sponsor.h"
#include "portada-test-util.h"
#include "portada-wxr.h"
#include "safe-html.h"

typedef struct
{
  char *name;
  GBytes *bytes;
  char *text; /* up to the first NUL, as C code meets it */
} Case;

static GPtrArray *cases;

static void
case_free (Case *c)
{
  g_free (c->name);
  g_bytes_unref (c->bytes);
  g_free (c->text);
  g_free (c);
}

static char *
source_path (const char *a, const char *b)
{
  return g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "corpus", a, b, NULL);
}

static void
add_case (const char *name, GBytes *bytes)
{
  Case *c = g_new0 (Case, 1);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  c->name = g_strdup (name);
  c->bytes = g_bytes_ref (bytes);
  c->text = g_strndup (data, len);
  g_ptr_array_add (cases, c);
}

static void
load_corpus (void)
{
  g_autofree char *dir = source_path ("hostile", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  GString *huge = g_string_new ("<p>");

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      g_autoptr (GBytes) bytes = NULL;

      if (g_str_equal (name, "README.md"))
        continue;
      path = g_build_filename (dir, name, NULL);
      bytes = portada_test_read (path);
      add_case (name, bytes);
    }
  /* Made here rather than stored: a megabyte on one line, nested 5000 deep. */
  for (int i = 0; i < 5000; i++)
    g_string_append (huge, "<div><b><i>");
  for (int i = 0; g_string_append (huge, "palabra "), huge->len < (1 << 20); i++)
    ;
  g_string_append (huge, "<script>alert(1)</script>");
  {
    g_autoptr (GBytes) bytes = g_string_free_to_bytes (huge);
    add_case ("generated-megabyte-line", bytes);
  }
  g_ptr_array_sort (cases, (GCompareFunc) g_strcmp0); /* by name: stable runs */
  g_assert_cmpuint (cases->len, >=, 70);
}

static gboolean
has_suffix (const Case *c, const char *suffix)
{
  return g_str_has_suffix (c->name, suffix);
}

static void
assert_safe_html (const char *html, const char *what, const Case *c)
{
  g_autofree char *problem = safe_html_problem (html, strlen (html));

  if (problem)
    g_error ("%s of %s: %s", what, c->name, problem);
}

static void
assert_safe_fragment (const char *html, const char *what, const Case *c)
{
  g_autofree char *problem = safe_fragment_problem (html, strlen (html));

  if (problem)
    g_error ("%s of %s: %s", what, c->name, problem);
}

static PortadaNewsroom *
demo_newsroom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();

  g_assert_true (portada_demo_fill (nr, 2, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&nr);
}

static char *
export_and_scan (PortadaNewsroom *nr, const char *name, HostileScan *scan)
{
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *site = g_strdup_printf ("%s/%s-site", dir, name);
  g_autofree char *wxr = g_strdup_printf ("%s/%s-wxr", dir, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (portada_site_export (nr, site, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  hostile_scan_export (site, scan);
  g_assert_true (portada_wxr_export (nr, wxr, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  hostile_scan_export (wxr, scan);
  return g_steal_pointer (&site);
}

/* ---- the renderer -------------------------------------------------------- */

static void
test_renderer (void)
{
  guint n = 0;

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = cases->pdata[i];
      g_autofree char *html = portada_markdown_to_html (c->text);
      g_autofree char *clean = portada_sanitize_html (c->text);
      g_autofree char *markdown = portada_html_to_markdown (c->text, NULL);
      g_autofree char *again = portada_markdown_to_html (markdown);
      g_autofree char *autop = portada_wp_autop (c->text);
      g_autofree char *autop_html = portada_markdown_to_html (autop);

      assert_safe_fragment (html, "the Markdown rendered", c);
      assert_safe_fragment (clean, "the HTML sanitized", c);
      assert_safe_fragment (again, "the WordPress HTML converted to Markdown and rendered", c);
      assert_safe_fragment (autop_html, "the WordPress text with paragraphs and rendered", c);
      n++;
    }
  g_test_message ("renderer: %u hostile inputs, each as Markdown, HTML, WordPress HTML and "
                  "WordPress text",
                  n);
}

/* ---- every field of an article ------------------------------------------- */

static char *
first_line (const char *text, gsize max)
{
  gsize len = strcspn (text, "\n");
  g_autofree char *line = g_strndup (text, MIN (len, max));

  /* A cut in the middle of a character is the input's problem, kept as it is. */
  return g_steal_pointer (&line);
}

/* Attempt 0: every field as the case has it; 1: without the source URL (which
 * must be a web address); 2: the text also made valid UTF-8, as an editor
 * would fix it. */
static void
fill_hostile (PortadaArticle *a, const Case *c, int attempt)
{
  g_autofree char *valid = attempt >= 2 ? g_utf8_make_valid (c->text, -1) : g_strdup (c->text);
  g_autofree char *line = NULL;

  if (attempt >= 3)
    {
      /* As a user fixes it: without the characters XML cannot carry. */
      GString *kept = g_string_new (NULL);
      for (const char *p = valid; *p; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);
          if (!((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0xfffe
                || ch == 0xffff))
            g_string_append_len (kept, p, g_utf8_next_char (p) - p);
        }
      g_free (valid);
      valid = g_string_free (kept, FALSE);
    }
  line = first_line (valid, 300);

  g_free (a->title);
  a->title = g_strdup (line);
  g_free (a->subtitle);
  a->subtitle = g_strdup (line);
  g_free (a->excerpt);
  a->excerpt = g_strdup (line);
  g_free (a->author);
  a->author = g_strdup (line);
  g_free (a->source_name);
  a->source_name = g_strdup (line);
  g_free (a->source_url);
  a->source_url = attempt == 0 ? g_strdup (line) : NULL;
  g_free (a->body);
  a->body = g_strdup (valid);
  g_strfreev (a->tags);
  a->tags = g_new0 (char *, 3);
  a->tags[0] = g_strdup (line);
  a->tags[1] = g_strdup (c->name);
  a->status = PORTADA_STATUS_PUBLISHED;
  a->publish_at = 1700000000;
}

static void
test_article_fields (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autofree char *site = NULL;
  HostileScan scan = { 0 };
  guint saved = 0, refused[3] = { 0, 0, 0 };

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = cases->pdata[i];
      g_autoptr (PortadaArticle) a = portada_article_new ();
      g_autoptr (GError) error = NULL;
      PortadaRenderOptions preview = { NULL, PORTADA_ASSETS_PREVIEW };
      PortadaRenderOptions exported = { NULL, PORTADA_ASSETS_EXPORT };
      g_autofree char *page = NULL;
      g_autofree char *page_export = NULL;

      for (int attempt = 0;; attempt++)
        {
          fill_hostile (a, c, attempt);
          if (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error))
            break;
          /* Refused in words that name the field; then saved as the editor
           * would fix it. */
          g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_cmpint (attempt, <, 3);
          if (strstr (error->message, "URL"))
            refused[0]++;
          else if (strstr (error->message, "UTF-8"))
            refused[1]++;
          else if (strstr (error->message, "cannot carry"))
            {
              refused[2]++;
              attempt = MAX (attempt, 2);
            }
          else
            g_error ("%s refused: %s", c->name, error->message);
          g_clear_error (&error);
        }
      saved++;
      g_assert_true (portada_slug_is_valid (a->slug));
      /* What the preview shows, and what the export writes, of this article. */
      page = portada_page_render_article (nr, a, &preview, &error);
      g_assert_no_error (error);
      assert_safe_html (page, "the preview page", c);
      page_export = portada_page_render_article (nr, a, &exported, &error);
      g_assert_no_error (error);
      assert_safe_html (page_export, "the exported page", c);
    }
  site = export_and_scan (nr, "fields", &scan);
  g_test_message ("article fields: %u hostile inputs in every field (refused with a clear "
                  "message: %u for the source URL, %u for invalid UTF-8, %u for characters XML "
                  "cannot carry); site and WXR exports: %u files, %" G_GUINT64_FORMAT
                  " bytes, clean",
                  saved, refused[0], refused[1], refused[2], scan.files, scan.bytes);
}

/* ---- WordPress import ---------------------------------------------------- */

static void
append_cdata (GString *out, const char *text)
{
  g_autofree char *split = NULL;
  g_auto (GStrv) parts = g_strsplit (text, "]]>", -1);

  /* "]]>" inside ends one CDATA section and starts the next, as WordPress does. */
  split = g_strjoinv ("]]]]><![CDATA[>", parts);
  g_string_append (out, "<![CDATA[");
  g_string_append (out, split);
  g_string_append (out, "]]>");
}

/* One WordPress item per case: its text as title, content, excerpt, author,
 * category and tag; the bytes as they are (invalid UTF-8 included). */
static GString *
hostile_wxr (void)
{
  GString *x = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Hostile</title>\n"
      "<link>https://hostile.example</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
      "<wp:base_site_url>https://hostile.example</wp:base_site_url>\n");

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = cases->pdata[i];
      g_autofree char *line = first_line (c->text, 200);

      if (has_suffix (c, ".xml"))
        continue; /* whole files of their own: see test_wxr_files */
      g_string_append (x, "<item>\n<title>");
      append_cdata (x, line);
      g_string_append_printf (x,
                              "</title>\n<link>https://hostile.example/?p=%u</link>\n"
                              "<pubDate>Wed, 05 Jun 2024 16:04:48 +0000</pubDate>\n<dc:creator>",
                              i + 1);
      append_cdata (x, line);
      g_string_append_printf (x,
                              "</dc:creator>\n<guid isPermaLink=\"false\">hostile-%u</guid>\n"
                              "<description></description>\n<content:encoded>",
                              i + 1);
      append_cdata (x, c->text);
      g_string_append (x, "</content:encoded>\n<excerpt:encoded>");
      append_cdata (x, line);
      g_string_append_printf (x,
                              "</excerpt:encoded>\n<wp:post_id>%u</wp:post_id>\n"
                              "<wp:post_date>2024-06-05 16:04:48</wp:post_date>\n"
                              "<wp:post_name>",
                              i + 1);
      append_cdata (x, line);
      g_string_append (x, "</wp:post_name>\n<wp:status>publish</wp:status>\n"
                          "<wp:post_type>post</wp:post_type>\n"
                          "<category domain=\"category\" nicename=\"hostile\">");
      append_cdata (x, line);
      g_string_append (x, "</category>\n<category domain=\"post_tag\" nicename=\"t\">");
      append_cdata (x, line);
      g_string_append (x, "</category>\n<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                          "<wp:meta_value>javascript:alert(1)</wp:meta_value></wp:postmeta>\n"
                          "</item>\n");
    }
  g_string_append (x, "</channel>\n</rss>\n");
  return x;
}

static void
test_wxr_import (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "hostile.wxr.xml", NULL);
  g_autoptr (GString) wxr = hostile_wxr ();
  g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *site = NULL;
  HostileScan scan = { 0 };

  g_assert_true (g_file_set_contents (path, wxr->str, wxr->len, NULL));
  g_assert_true (portada_wxr_import (nr, path, NULL, summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  site = export_and_scan (nr, "wxr", &scan);
  g_test_message ("WXR import: %u hostile items (%u created, %u skipped, %u notes); exports: %u "
                  "files clean",
                  summary->created + summary->skipped, summary->created, summary->skipped,
                  summary->lines->len, scan.files);
  g_assert_cmpuint (summary->created, >=, cases->len - 10);
}

/* Entity bombs and external entities: refused at once, nothing read. */
static void
test_wxr_files (void)
{
  guint n = 0;

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = cases->pdata[i];
      g_autoptr (PortadaNewsroom) nr = NULL;
      g_autofree char *path = NULL;
      g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaArticle) leaked = NULL;
      PortadaArticleQuery all = PORTADA_ARTICLE_QUERY_INIT;
      gint64 start;

      if (!has_suffix (c, ".xml"))
        continue;
      nr = portada_test_newsroom ();
      path = source_path ("hostile", c->name);
      start = g_get_monotonic_time ();
      g_assert_false (portada_wxr_import (nr, path, NULL, summary, NULL, NULL, NULL, &error));
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, c->name));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      g_assert_cmpint (portada_articles_count (nr, &all, NULL), ==, 0);
      n++;
    }
  g_test_message ("WXR files: %u entity bombs and external entities refused", n);
  g_assert_cmpuint (n, >=, 2);
}

/* ---- Markdown import ----------------------------------------------------- */

static void
test_markdown_import (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autofree char *tmp = portada_test_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "hostile-md", NULL);
  g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *site = NULL;
  HostileScan scan = { 0 };
  guint files = 0;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = cases->pdata[i];
      g_autofree char *name = g_strdup_printf ("%03u.md", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *line = first_line (c->text, 200);
      g_autoptr (GString) md = g_string_new (NULL);
      gsize len;
      const char *data = g_bytes_get_data (c->bytes, &len);

      if (has_suffix (c, ".md") && g_str_has_prefix (c->text, "---\n"))
        g_string_append_len (md, data, len); /* a front matter of its own */
      else
        {
          /* The case's first line in every field of the front matter, in YAML's
           * double quotes, then its bytes as the body. */
          g_string_append (md, "---\ntitle: ");
          portada_yaml_append_string (md, line);
          g_string_append (md, "\nauthor: ");
          portada_yaml_append_string (md, line);
          g_string_append (md, "\nsummary: ");
          portada_yaml_append_string (md, line);
          g_string_append (md, "\ntags: [");
          portada_yaml_append_string (md, line);
          g_string_append (md, "]\nslug: ");
          portada_yaml_append_string (md, line);
          g_string_append (md, "\ndate: 2024-06-05\ndraft: false\n---\n\n");
          g_string_append_len (md, data, len);
        }
      g_assert_true (g_file_set_contents (path, md->str, md->len, NULL));
      files++;
    }
  g_assert_true (portada_markdown_import (nr, dir, NULL, summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  site = export_and_scan (nr, "markdown", &scan);
  for (guint i = 0; i < summary->lines->len; i++)
    g_test_message ("  %s", (char *) summary->lines->pdata[i]);
  g_test_message ("Markdown import: %u hostile files (%u created, %u skipped, %u notes); "
                  "exports: %u files clean",
                  files, summary->created, summary->skipped, summary->lines->len, scan.files);
  /* Every file is an article, or a line that says why not. */
  g_assert_cmpuint (summary->created + summary->skipped, ==, files);
  g_assert_cmpuint (summary->lines->len, >=, summary->skipped);
  g_assert_cmpuint (summary->created, >=, files / 2);
}

/* ---- sponsors: the CSV import and logo import ----------------------------- */

static void
csv_append (GString *csv, const char *cell)
{
  g_autofree char *quoted = NULL;
  g_auto (GStrv) parts = g_strsplit (cell, "\"", -1);

  quoted = g_strjoinv ("\"\"", parts);
  g_string_append_printf (csv, "\"%s\"", quoted);
}

static void
test_sponsor_csv (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autofree char *tmp = portada_test_tmpdir ();
  g_autofree char *logos = g_build_filename (tmp, "csv-logos", NULL);
  g_autofree char *outside = g_build_filename (tmp, "secret.svg", NULL);
  g_autoptr (GString) csv = g_string_new ("name,website,alt text,contract start,contract end,"
                                          "lists,logo file name\n");
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autoptr (PortadaSponsorImportReport) file_report = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) exported = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sponsors = NULL;
  g_autofree char *site = NULL;
  HostileScan scan = { 0 };
  guint rows = 0;

  /* A logo file outside the logos folder, that a name with ../ would reach. */
  g_assert_cmpint (g_mkdir (logos, 0700), ==, 0);
  g_assert_true (g_file_set_contents (outside,
                                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" "
                                      "height=\"9\"><text>secret</text></svg>",
                                      -1, NULL));
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = cases->pdata[i];
      g_autofree char *line = first_line (c->text, 200);
      g_autofree char *name = g_strdup_printf ("%s %u", line, i);

      /* The name and alt text hostile in every row; the website in one row of
       * three (most are not web addresses); a logo from outside the folder in
       * one of six. */
      csv_append (csv, name);
      g_string_append_c (csv, ',');
      csv_append (csv, i % 3 == 0 ? line : "https://ok.example/");
      g_string_append_c (csv, ',');
      csv_append (csv, line);
      g_string_append (csv, ",,,A,");
      csv_append (csv, i % 12 == 1 ? "../secret.svg" : i % 12 == 5 ? outside : "");
      g_string_append_c (csv, '\n');
      rows++;
    }
  bytes = g_bytes_new (csv->str, csv->len);
  report = portada_sponsors_import_csv (nr, bytes, logos, PORTADA_SPONSOR_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->bad_rows->len; i++)
    {
      PortadaSponsorImportBadRow *bad = report->bad_rows->pdata[i];
      g_test_message ("  row %u: %s", bad->row, bad->message);
    }

  /* The corpus's own spreadsheet, as a file a sponsor manager would get. */
  for (guint i = 0; i < cases->len; i++)
    if (has_suffix (cases->pdata[i], ".csv"))
      {
        const Case *c = cases->pdata[i];
        g_autoptr (PortadaSponsorImportReport) r = portada_sponsors_import_csv (
            nr, c->bytes, logos, PORTADA_SPONSOR_IMPORT_DEFAULT, &error);
        g_assert_no_error (error);
        rows += r->created + r->updated + r->bad_rows->len;
      }

  /* No sponsor's logo came from outside the logos folder. */
  sponsors = portada_sponsors_list (nr, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sponsors->len; i++)
    {
      PortadaSponsor *s = sponsors->pdata[i];
      g_autoptr (GBytes) logo = NULL;
      gsize len;

      g_assert_true (s->website == NULL || portada_sponsor_website_is_valid (s->website));
      if (s->logo_media_id == 0)
        continue;
      logo = portada_media_load_data (nr, s->logo_media_id, &error);
      g_assert_no_error (error);
      g_assert_null (g_strstr_len (g_bytes_get_data (logo, &len), len, "secret"));
    }

  /* A spreadsheet program opening the exported file runs no formula. */
  exported = portada_sponsors_export_csv (nr, NULL, &error);
  g_assert_no_error (error);
  {
    gsize len;
    const char *data = g_bytes_get_data (exported, &len);
    g_autoptr (GPtrArray) records = portada_csv_parse (data, len, 0, NULL);

    for (guint r = 1; r < records->len; r++)
      {
        PortadaCsvRecord *record = records->pdata[r];
        for (guint f = 0; f < record->fields->len; f++)
          {
            const char *cell = record->fields->pdata[f];
            if (strchr ("=+-@", cell[0]) && cell[0] != '\0')
              g_error ("the sponsor export's row %u starts a cell with “%c”, which a "
                       "spreadsheet runs as a formula: %.60s",
                       record->number, cell[0], cell);
          }
      }
  }
  /* And the file imports back with the names as they were. */
  {
    g_autoptr (PortadaNewsroom) other = portada_test_newsroom ();
    g_autoptr (PortadaSponsorImportReport) back = portada_sponsors_import_csv (
        other, exported, NULL, PORTADA_SPONSOR_IMPORT_DEFAULT, &error);
    g_autoptr (GPtrArray) again = NULL;
    gboolean found = FALSE;

    g_assert_no_error (error);
    again = portada_sponsors_list (other, &error);
    for (guint i = 0; i < again->len; i++)
      found |= g_str_equal (((PortadaSponsor *) again->pdata[i])->name,
                            "=HYPERLINK(\"http://evil.example\",\"click\")");
    g_assert_true (found);
  }
  site = export_and_scan (nr, "sponsors", &scan);
  g_test_message ("sponsor CSV: %u hostile rows (%u created, %u refused); site export: %u files "
                  "clean",
                  rows, report->created, report->bad_rows->len, scan.files);
}

static void
add_svgs (GPtrArray *files, const char *folder)
{
  g_autofree char *dir = source_path (folder, NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".svg") || g_str_equal (folder, "images"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
}

static void
test_logo_import (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) sponsors = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *site = NULL;
  HostileScan scan = { 0 };
  guint stored = 0, refused = 0;

  add_svgs (files, "hostile");
  add_svgs (files, "svg");
  add_svgs (files, "images");
  sponsors = portada_sponsors_list (nr, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autofree char *base = g_path_get_basename (path);
      g_autoptr (GBytes) bytes = portada_test_read (path);
      g_autoptr (GBytes) kept = NULL;
      g_autoptr (GPtrArray) removed = NULL;
      g_autoptr (PortadaMedia) info = NULL;
      PortadaSponsor *s = sponsors->pdata[i % sponsors->len];
      gint64 id = portada_logos_import_full (nr, bytes, base, &removed, &error);

      if (id == 0)
        {
          g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, base));
          g_clear_error (&error);
          refused++;
          continue;
        }
      stored++;
      info = portada_media_load_info (nr, id, &error);
      g_assert_no_error (error);
      kept = portada_media_load_data (nr, id, &error);
      g_assert_no_error (error);
      if (g_str_equal (info->mime, "image/svg+xml"))
        {
          gsize len;
          const char *data = g_bytes_get_data (kept, &len);
          g_autofree char *problem = safe_svg_problem (data, len);

          if (problem)
            g_error ("the logo %s was stored with %s", base, problem);
        }
      /* On a sponsor of the demo's lists, so that every page shows it. */
      s->logo_media_id = id;
      g_assert_true (portada_sponsors_save (nr, s, &error));
      g_assert_no_error (error);
    }
  site = export_and_scan (nr, "logos", &scan);
  g_test_message ("logo import: %u files (%u stored clean, %u refused with their name); site "
                  "export: %u files clean",
                  files->len, stored, refused, scan.files);
  g_assert_cmpuint (stored, >, 0);
  g_assert_cmpuint (refused, >, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Run by hand too, not only by meson. */
  g_setenv ("PORTADA_SOURCE_ROOT", PORTADA_TEST_SOURCE_ROOT, FALSE);
  load_corpus ();
  g_test_add_func ("/hostile/renderer", test_renderer);
  g_test_add_func ("/hostile/article-fields", test_article_fields);
  g_test_add_func ("/hostile/wxr-import", test_wxr_import);
  g_test_add_func ("/hostile/wxr-files", test_wxr_files);
  g_test_add_func ("/hostile/markdown-import", test_markdown_import);
  g_test_add_func ("/hostile/sponsor-csv", test_sponsor_csv);
  g_test_add_func ("/hostile/logo-import", test_logo_import);
  status = g_test_run ();
  g_ptr_array_unref (cases);
  return status;
}
