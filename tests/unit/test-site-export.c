/* test-site-export.c: the static site tree, its atomic swap and its incremental re-export.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>
#include <sys/stat.h>
#include <vips/vips.h>

#include "portada-articles.h"
#include "portada-comments.h"
#include "portada-demo-images.h"
#include "portada-demo.h"
#include "portada-markdown-exchange.h"
#include "portada-wxr.h"
#include "portada-media-import.h"
#include "portada-menu.h"
#include "portada-pages.h"
#include "portada-html.h"
#include "portada-page.h"
#include "portada-settings.h"
#include "portada-site-export.h"
#include "portada-test-util.h"

#define DATE "2025-01-15"
#define NOW 1736899200 /* 2025-01-15 00:00 UTC */
#define SEED_EN "en/business/2023/us-latin-america-seek-to-boost-cybersecurity-2/index.html"

static const PortadaSiteExportOptions options = { DATE, NOW };

static PortadaNewsroom *
demo_newsroom (guint n)
{
  g_autoptr (GError) error = NULL;
  PortadaNewsroom *nr = portada_test_newsroom ();
  g_assert_true (portada_demo_fill (nr, n, NULL, NULL, &error));
  g_assert_no_error (error);
  return nr;
}

static char *
tmp_path (const char *name)
{
  static int n;
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *unique = g_strdup_printf ("%s-%d", name, ++n);
  return g_build_filename (dir, unique, NULL);
}

static void
export_ok (PortadaNewsroom *nr, const char *out, PortadaSiteExportStats *stats)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (
      portada_site_export_full (nr, out, NULL, &options, NULL, NULL, NULL, stats, &error));
  g_assert_no_error (error);
}

/* Every file of a tree: relative path -> bytes. */
static void
snapshot_into (GHashTable *files, const char *root, const char *rel)
{
  g_autofree char *dir_path = g_build_filename (root, rel, NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child_rel = *rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_rel, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        snapshot_into (files, root, child_rel);
      else
        g_hash_table_insert (files, g_steal_pointer (&child_rel), portada_test_read (child));
    }
}

static GHashTable *
snapshot (const char *root)
{
  GHashTable *files
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  snapshot_into (files, root, "");
  return files;
}

static void
assert_same_tree (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *other = g_hash_table_lookup (b, key);
      if (other == NULL || !g_bytes_equal (value, other))
        g_error ("%s differs", (char *) key);
    }
}

static char *
read_text (const char *root, const char *rel)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    g_error ("%s is missing", rel);
  return text;
}

static gboolean
exists (const char *root, const char *rel)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* No hidden work folder left beside @out. */
static void
assert_no_leftovers (const char *out)
{
  g_autofree char *parent = g_path_get_dirname (out);
  g_autofree char *base = g_path_get_basename (out);
  g_autofree char *prefix = g_strdup_printf (".%s.new-", base);
  g_autoptr (GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, prefix));
}

static PortadaArticle *
find (PortadaNewsroom *nr, const char *lang, const char *slug_prefix, int status)
{
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;

  q.lang = lang;
  q.status = status;
  list = portada_articles_list (nr, &q, 0, 100000, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      PortadaArticleSummary *s = g_ptr_array_index (list, i);
      if (slug_prefix == NULL || g_str_has_prefix (s->slug, slug_prefix))
        return portada_articles_load (nr, s->id, NULL);
    }
  return NULL;
}

static void
test_tree (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (60);
  g_autofree char *out = tmp_path ("site");
  g_autoptr (PortadaArticle) seed
      = find (nr, "en", "us-latin-america-seek-to-boost-cybersecurity-2", PORTADA_STATUS_PUBLISHED);
  g_autoptr (PortadaArticle) draft = find (nr, NULL, NULL, PORTADA_STATUS_DRAFT);
  g_autoptr (PortadaArticle) archived
      = find (nr, "en", "us-latin-america-seek-to-boost-cybersecurity", PORTADA_STATUS_ARCHIVED);
  g_autofree char *page = NULL;
  g_autofree char *robots = NULL;
  const char *files[] = {
    "index.html",
    "en/index.html",
    "es/index.html",
    "en/business/index.html",
    "es/noticias/economia/index.html",
    SEED_EN,
    "es/noticias/economia/2023/ee-uu-y-america-latina-buscan-reforzar-la-ciberseguridad/index.html",
    "en/feed.xml",
    "en/business/feed.xml",
    "es/noticias/economia/feed.xml",
    "sitemap.xml",
    "robots.txt",
    PORTADA_SITE_MANIFEST,
    NULL
  };

  g_assert_nonnull (draft);
  export_ok (nr, out, NULL);
  for (guint i = 0; files[i]; i++)
    if (!exists (out, files[i]))
      g_error ("%s is missing", files[i]);
  /* Drafts and archived articles are not on the public site. */
  {
    g_autofree char *path = g_strdup_printf ("%s/%s", draft->lang, draft->slug);
    g_autoptr (GHashTable) all = snapshot (out);
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, all);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_assert_null (strstr (key, draft->slug));
        g_assert_false (
            g_str_has_suffix (key, "/us-latin-america-seek-to-boost-cybersecurity/index.html"));
      }
    (void) archived;
  }
  /* The article page is what the renderer gives for EXPORT, byte for byte. */
  page = read_text (out, SEED_EN);
  {
    PortadaRenderOptions render = { DATE, PORTADA_ASSETS_EXPORT };
    g_autofree char *direct = portada_page_render_article (nr, seed, &render, NULL);
    g_assert_cmpstr (page, ==, direct);
  }
  /* Every relative link to an asset resolves to a file of the tree. */
  {
    const char *p = page;
    guint n = 0;
    while ((p = strstr (p, "../../../../assets/")))
      {
        /* One address: up to the quote, or a srcset's width or comma. */
        const char *end = p + strcspn (p, "\" ,");
        g_autofree char *rel
            = g_strndup (p + strlen ("../../../../"), end - p - strlen ("../../../../"));
        if (!exists (out, rel))
          g_error ("%s is linked but missing", rel);
        p = end;
        n++;
      }
    /* The stylesheet, the two icons, the featured image and five related stories'
     * images (each a picture: three widths in WebP, three and a src in JPEG, the demo
     * photos being 1200 px wide) and the logos of the six strips. */
    g_assert_cmpuint (n, ==, 1 + 2 + 7 + 5 * 7 + 23 + 16 + 23 + 13 + 12 + 22);
  }
  /* Assets hold the stored bytes, under their content's hash. */
  {
    /* The first logo (the page's head names the featured photo first). */
    const char *p = strstr (page, "assets/media/");
    while (p && strncmp (p + strcspn (p, "\"") - 4, ".svg", 4) != 0)
      p = strstr (p + 1, "assets/media/");
    g_assert_nonnull (p);
    g_autofree char *rel = g_strndup (p, strchr (p, '"') - p);
    g_autofree char *full = g_build_filename (out, rel, NULL);
    g_autoptr (GBytes) bytes = portada_test_read (full);
    g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
    g_autofree char *name = g_path_get_basename (rel);
    g_autofree char *name16 = g_strndup (name, 16);
    g_assert_true (g_str_has_prefix (sum, name16));
    g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<svg"));
  }
  /* The root sends readers to the default language's home, which is the page to index;
   * the listings have the home page's lead story, cards and section blocks. */
  {
    g_autofree char *root = read_text (out, "index.html");
    g_autofree char *home = read_text (out, "en/index.html");
    g_autofree char *sitemap = read_text (out, "sitemap.xml");
    g_assert_nonnull (strstr (root, "<meta http-equiv=\"refresh\" content=\"0; url=en/\">"));
    g_assert_nonnull (
        strstr (root, "<link rel=\"canonical\" href=\"https://portada.example.com/en/\">"));
    g_assert_nonnull (
        strstr (root, "hreflang=\"x-default\" href=\"https://portada.example.com/en/\""));
    g_assert_null (strstr (root, "class=\"teaser"));
    g_assert_nonnull (strstr (home, "class=\"teaser teaser-lead\""));
    g_assert_nonnull (strstr (home, "<h2 class=\"teaser-title\">"));
    g_assert_nonnull (
        strstr (home, "hreflang=\"x-default\" href=\"https://portada.example.com/en/\""));
    g_assert_nonnull (
        strstr (sitemap, "hreflang=\"x-default\" href=\"https://portada.example.com/en/\""));
  }
  robots = read_text (out, "robots.txt");
  g_assert_cmpstr (robots, ==,
                   "User-agent: *\nAllow: /\n\nSitemap: https://portada.example.com/sitemap.xml\n");
  assert_no_leftovers (out);
}

static xmlDoc *
parse_xml (const char *root, const char *rel)
{
  g_autofree char *text = read_text (root, rel);
  xmlDoc *doc = xmlReadMemory (text, strlen (text), rel, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    g_error ("%s is not well-formed XML", rel);
  return doc;
}

static guint
count_elements (xmlNode *node, const char *name)
{
  guint n = 0;
  for (; node; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name))
        n++;
      n += count_elements (node->children, name);
    }
  return n;
}

static void
test_feeds_sitemap (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (60);
  g_autofree char *out = tmp_path ("feeds");
  g_autofree char *sitemap = NULL;
  g_autofree char *feed = NULL;

  export_ok (nr, out, NULL);
  {
    xmlDoc *doc = parse_xml (out, "en/feed.xml");
    xmlNode *root = xmlDocGetRootElement (doc);
    g_assert_cmpstr ((const char *) root->name, ==, "rss");
    g_assert_cmpuint (count_elements (root, "item"), ==, 20);
    g_assert_cmpuint (count_elements (root, "guid"), ==, 20);
    g_assert_cmpuint (count_elements (root, "pubDate"), ==, 20);
    xmlFreeDoc (doc);
  }
  {
    xmlDoc *doc = parse_xml (out, "en/business/feed.xml");
    g_assert_cmpuint (count_elements (xmlDocGetRootElement (doc), "item"), >=, 1);
    xmlFreeDoc (doc);
  }
  feed = read_text (out, "en/business/feed.xml");
  g_assert_nonnull (strstr (feed, "<language>en</language>"));
  g_assert_nonnull (strstr (feed, "https://portada.example.com/en/business/"));
  {
    xmlDoc *doc = parse_xml (out, "sitemap.xml");
    g_assert_cmpuint (count_elements (xmlDocGetRootElement (doc), "url"), >, 50);
    xmlFreeDoc (doc);
  }
  sitemap = read_text (out, "sitemap.xml");
  g_assert_nonnull (strstr (sitemap, "<loc>https://portada.example.com/en/business/2023/"
                                     "us-latin-america-seek-to-boost-cybersecurity-2/</loc>"));
  g_assert_nonnull (strstr (sitemap,
                            "hreflang=\"es\" "
                            "href=\"https://portada.example.com/es/noticias/economia/2023/"
                            "ee-uu-y-america-latina-buscan-reforzar-la-ciberseguridad/\""));
}

static void
test_paths_and_pages (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (80);
  g_autofree char *out = tmp_path ("paths");
  g_autoptr (GError) error = NULL;
  PortadaLanguage es = { "es", "Español", "pdcc" };
  g_autoptr (PortadaArticle) due = find (nr, "en", NULL, PORTADA_STATUS_DRAFT);
  g_autoptr (PortadaArticle) later = find (nr, "es", NULL, PORTADA_STATUS_DRAFT);
  g_autofree char *due_page = NULL;
  g_autofree char *later_page = NULL;
  gint64 en_count;
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;

  /* A nested base path, a page size of 5, one scheduled article due and one not. */
  g_assert_true (portada_languages_save (nr, &es, 1, &error));
  g_assert_true (portada_settings_set (nr, PORTADA_SETTING_PAGE_SIZE, "5", &error));
  due->status = PORTADA_STATUS_SCHEDULED;
  due->publish_at = NOW - 60;
  g_assert_true (portada_articles_save (nr, due, PORTADA_SAVE_DEFAULT, &error));
  later->status = PORTADA_STATUS_SCHEDULED;
  later->publish_at = NOW + 3600;
  g_assert_true (portada_articles_save (nr, later, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  export_ok (nr, out, NULL);
  g_assert_true (exists (out,
                         "pdcc/noticias/economia/2023/"
                         "ee-uu-y-america-latina-buscan-reforzar-la-ciberseguridad/index.html"));
  g_assert_false (exists (out, "es"));
  due_page = g_strdup_printf ("en/%s/%d/%s/index.html", due->section, 2025, due->slug);
  later_page = g_strdup_printf ("pdcc/%s/index.html", later->slug);
  g_assert_true (exists (out, due_page));
  {
    g_autofree char *sitemap = read_text (out, "sitemap.xml");
    g_assert_null (strstr (sitemap, later->slug));
  }

  /* Pagination: ceil(published English / 5) pages, the last one exists, the next does not. */
  q.lang = "en";
  q.status = PORTADA_STATUS_PUBLISHED;
  {
    /* Published with a date after NOW is scheduled: not exported yet. */
    g_autoptr (GPtrArray) published = portada_articles_list (nr, &q, 0, G_MAXUINT, NULL);
    en_count = 1; /* the scheduled one due */
    for (guint i = 0; i < published->len; i++)
      if (((PortadaArticleSummary *) published->pdata[i])->publish_at <= NOW)
        en_count++;
  }
  {
    guint pages = (en_count + 4) / 5;
    g_autofree char *last = g_strdup_printf ("en/page/%u/index.html", pages);
    g_autofree char *beyond = g_strdup_printf ("en/page/%u/index.html", pages + 1);
    g_autofree char *first = read_text (out, "en/index.html");
    g_assert_true (exists (out, last));
    g_assert_false (exists (out, beyond));
    g_autofree char *second = read_text (out, "en/page/2/index.html");
    g_assert_nonnull (strstr (first, "class=\"older\" rel=\"next\" href=\"../en/page/2/\""));
    g_assert_null (strstr (first, "class=\"newer\""));
    g_assert_nonnull (strstr (second, "class=\"newer\" rel=\"prev\" href=\"../../../en/\""));
  }
  /* Section pages under the nested path, with their feed. */
  g_assert_true (exists (out, "pdcc/noticias/turismo/index.html"));
  g_assert_true (exists (out, "pdcc/noticias/turismo/feed.xml"));

  /* One language only. */
  {
    g_autofree char *only = tmp_path ("only-es");
    g_assert_true (
        portada_site_export_full (nr, only, "es", &options, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (exists (only, "en"));
    g_assert_true (exists (only, "pdcc/index.html"));
    g_assert_true (exists (only, "index.html"));
  }
}

static void
test_deterministic (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (40);
  g_autofree char *a = tmp_path ("det-a");
  g_autofree char *b = tmp_path ("det-b");
  g_autoptr (GHashTable) ta = NULL;
  g_autoptr (GHashTable) tb = NULL;

  export_ok (nr, a, NULL);
  export_ok (nr, b, NULL);
  ta = snapshot (a);
  tb = snapshot (b);
  assert_same_tree (ta, tb);
}

static guint64
inode_of (const char *root, const char *rel)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_ino;
}

static void
test_incremental (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (120);
  g_autofree char *out = tmp_path ("incr");
  g_autoptr (PortadaArticle) seed
      = find (nr, "en", "us-latin-america-seek-to-boost-cybersecurity-2", PORTADA_STATUS_PUBLISHED);
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (GError) error = NULL;
  PortadaSiteExportStats full = { 0 }, again = { 0 }, changed = { 0 };
  const char *untouched = "en/culture/index.html";
  guint64 untouched_inode;
  GHashTableIter iter;
  gpointer key, value;
  guint differ = 0;

  export_ok (nr, out, &full);
  g_assert_cmpuint (full.files_written, ==, full.files - 0);
  g_assert_cmpuint (full.articles, >, 80); /* of 120 + seeds, those dated by NOW */

  /* Nothing changed: nothing rendered but the always-made files, nothing written. */
  export_ok (nr, out, &again);
  g_assert_cmpuint (again.files, ==, full.files);
  g_assert_cmpuint (again.files_written, ==, 0);
  g_assert_cmpuint (again.pages_rendered, <=, 2); /* sitemap.xml, robots.txt */

  /* One article's body changes deep down: its page is written again, and the few
   * files whose bytes change with it. */
  before = snapshot (out);
  untouched_inode = inode_of (out, untouched);
  {
    char *body = g_strconcat (seed->body, "\n\nA correction at the end.", NULL);
    g_free (seed->body);
    seed->body = body;
  }
  portada_articles_save (nr, seed, PORTADA_SAVE_NO_REVISION, &error);
  g_assert_no_error (error);
  export_ok (nr, out, &changed);
  after = snapshot (out);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *old = g_hash_table_lookup (before, key);
      if (old == NULL || !g_bytes_equal (old, value))
        differ++;
    }
  g_assert_cmpuint (differ, >=, 2); /* the page and the manifest */
  g_assert_cmpuint (changed.files_written + 1, ==, differ);
  g_assert_cmpuint (changed.pages_rendered, <, full.files / 10);
  g_assert_false (
      g_bytes_equal (g_hash_table_lookup (before, SEED_EN), g_hash_table_lookup (after, SEED_EN)));
  g_assert_true (g_bytes_equal (g_hash_table_lookup (before, untouched),
                                g_hash_table_lookup (after, untouched)));
  /* Unchanged files are the same files (hard links), not copies. */
  g_assert_cmpuint (inode_of (out, untouched), ==, untouched_inode);

  /* A comment approved: the article's page shows it on the next export, and the
   * pages that merely list the article are not all rendered again. */
  {
    g_autoptr (PortadaComment) c = portada_comment_new ();
    g_autofree char *page = NULL;
    PortadaSiteExportStats commented = { 0 };

    c->article_id = seed->id;
    c->status = PORTADA_COMMENT_APPROVED;
    c->created_at = NOW - 3600;
    g_free (c->author);
    c->author = g_strdup ("Late Reader");
    g_free (c->body);
    c->body = g_strdup ("Arrived after the export.");
    g_assert_true (portada_comments_save (nr, c, NULL));
    export_ok (nr, out, &commented);
    page = read_text (out, SEED_EN);
    g_assert_nonnull (strstr (page, "Arrived after the export."));
    g_assert_nonnull (strstr (page, "5 comments</h2>"));
    g_assert_cmpuint (commented.pages_rendered, <, full.files / 10);
  }
  assert_no_leftovers (out);
}

typedef struct
{
  GCancellable *cancellable;
  double at;
  guint calls;
} CancelAt;

static void
cancel_at (double fraction, gpointer user_data)
{
  CancelAt *c = user_data;
  c->calls++;
  if (fraction >= c->at)
    g_cancellable_cancel (c->cancellable);
}

static void
test_atomic_swap (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (120);
  g_autofree char *out = tmp_path ("atomic");
  g_autofree char *fresh = tmp_path ("atomic-fresh");
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (PortadaArticle) seed
      = find (nr, "en", "us-latin-america-seek-to-boost-cybersecurity-2", PORTADA_STATUS_PUBLISHED);
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  CancelAt cancel = { cancellable, 0.5, 0 };
  PortadaSiteExportOptions other_day = { "2025-01-16", NOW };

  export_ok (nr, out, NULL);
  before = snapshot (out);
  /* A change that rewrites every page (another day's strips) and one article. */
  g_free (seed->title);
  seed->title = g_strdup ("A changed title");
  g_assert_true (portada_articles_save (nr, seed, PORTADA_SAVE_NO_REVISION, &error));
  g_assert_false (portada_site_export_full (nr, out, NULL, &other_day, cancellable, cancel_at,
                                            &cancel, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED);
  g_assert_cmpuint (cancel.calls, >, 1);
  after = snapshot (out);
  assert_same_tree (before, after);
  assert_no_leftovers (out);
  g_clear_error (&error);

  /* A first export cancelled leaves no folder at all. */
  g_cancellable_reset (cancellable);
  cancel.calls = 0;
  g_assert_false (portada_site_export_full (nr, fresh, NULL, &options, cancellable, cancel_at,
                                            &cancel, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  assert_no_leftovers (fresh);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  g_assert_false (
      portada_site_export_full (nr, out, NULL, &other_day, cancellable, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED);
  g_clear_pointer (&after, g_hash_table_unref);
  after = snapshot (out);
  assert_same_tree (before, after);
}

static void
expect_failure (PortadaNewsroom *nr, const char *out, const char *lang,
                const PortadaSiteExportOptions *opts, int code)
{
  g_autoptr (GError) error = NULL;
  g_assert_false (portada_site_export_full (nr, out, lang, opts, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, code);
  g_assert_nonnull (error->message);
  /* The message names what is wrong: the language, or the folder. */
  g_assert_nonnull (strstr (error->message, lang ? lang : out));
}

static void
test_bad_targets (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (0);
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *missing_parent = g_build_filename (dir, "no-such-folder", "site", NULL);
  g_autofree char *file = g_build_filename (dir, "a-file.txt", NULL);
  g_autofree char *busy = g_build_filename (dir, "somebody-elses", NULL);
  g_autofree char *busy_file = g_build_filename (busy, "thesis.odt", NULL);
  g_autofree char *inside_file = g_build_filename (file, "site", NULL);
  g_autoptr (GBytes) file_before = NULL;
  g_autoptr (GError) error = NULL;
  PortadaSiteExportOptions bad_date = { "2025-02-30", NOW };

  g_assert_true (g_file_set_contents (file, "keep me\n", -1, NULL));
  file_before = portada_test_read (file);
  g_assert_cmpint (g_mkdir (busy, 0755), ==, 0);
  g_assert_true (g_file_set_contents (busy_file, "precious\n", -1, NULL));

  expect_failure (nr, missing_parent, NULL, &options, PORTADA_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing_parent, G_FILE_TEST_EXISTS));
  expect_failure (nr, file, NULL, &options, PORTADA_ERROR_INVALID);
  {
    g_autoptr (GBytes) file_after = portada_test_read (file);
    g_assert_true (g_bytes_equal (file_before, file_after));
  }
  expect_failure (nr, inside_file, NULL, &options, PORTADA_ERROR_NOT_FOUND);
  expect_failure (nr, busy, NULL, &options, PORTADA_ERROR_INVALID);
  g_assert_true (g_file_test (busy_file, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *busy_index = g_build_filename (busy, "index.html", NULL);
    g_assert_false (g_file_test (busy_index, G_FILE_TEST_EXISTS));
  }
  /* Unwritable, even for root. */
  expect_failure (nr, "/proc/portada-export-test", NULL, &options, PORTADA_ERROR_READ_ONLY);
  g_assert_false (
      portada_site_export_full (nr, "", NULL, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
      portada_site_export_full (nr, NULL, NULL, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
      portada_site_export_full (nr, "/", NULL, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *out = tmp_path ("bad-lang");
    expect_failure (nr, out, "fr", &options, PORTADA_ERROR_INVALID);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    assert_no_leftovers (out);
  }
  {
    g_autofree char *out = tmp_path ("bad-date");
    g_assert_false (
        portada_site_export_full (nr, out, NULL, &bad_date, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  /* An empty folder is fine, and so is a previous export's. */
  {
    g_autofree char *empty = tmp_path ("empty");
    g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
    export_ok (nr, empty, NULL);
    export_ok (nr, empty, NULL);
    g_assert_true (exists (empty, "index.html"));
  }
}

/* A previous export's manifest that lies (a file deleted, a file edited by hand)
 * only costs a render: the tree comes out right. */
static void
test_damaged_previous (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (20);
  g_autofree char *out = tmp_path ("damaged");
  g_autofree char *ref = tmp_path ("damaged-ref");
  g_autofree char *manifest = NULL;
  g_autofree char *page = NULL;
  g_autoptr (GHashTable) a = NULL;
  g_autoptr (GHashTable) b = NULL;

  export_ok (nr, out, NULL);
  export_ok (nr, ref, NULL);
  page = g_build_filename (out, "en", "index.html", NULL);
  g_assert_cmpint (g_unlink (page), ==, 0);
  manifest = g_build_filename (out, PORTADA_SITE_MANIFEST, NULL);
  g_assert_true (g_file_set_contents (
      manifest, "portada-site-manifest 1\n../../etc\tx\t1\ngarbage\n", -1, NULL));
  export_ok (nr, out, NULL);
  a = snapshot (out);
  b = snapshot (ref);
  assert_same_tree (a, b);
}

/* A JPEG photo of @w × @h made by code (a gradient). */
static GBytes *
make_jpeg (int w, int h)
{
  VipsImage *xyz = NULL, *band = NULL, *u8 = NULL;
  void *buf = NULL;
  size_t len = 0;

  g_assert_cmpint (vips_init ("test"), ==, 0);
  g_assert_cmpint (vips_xyz (&xyz, w, h, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xyz, &band, 0, NULL), ==, 0);
  g_assert_cmpint (vips_cast_uchar (band, &u8, NULL), ==, 0);
  g_assert_cmpint (vips_jpegsave_buffer (u8, &buf, &len, NULL), ==, 0);
  g_object_unref (xyz);
  g_object_unref (band);
  g_object_unref (u8);
  return g_bytes_new_take (buf, len);
}

/* "../../x.jpg 480w, ..." -> the paths, relative to the page. */
static void
assert_srcset_exists (const char *out, const char *page_dir, const char *srcset, guint expected)
{
  g_auto (GStrv) items = g_strsplit (srcset, ", ", -1);

  g_assert_cmpuint (g_strv_length (items), ==, expected);
  for (guint i = 0; items[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit (items[i], " ", 2);
      g_autofree char *path = g_build_filename (out, page_dir, parts[0], NULL);
      g_autofree char *canon = g_canonicalize_filename (path, NULL);
      if (!g_file_test (canon, G_FILE_TEST_IS_REGULAR))
        g_error ("%s (from %s) is missing", canon, items[i]);
    }
}

/* The <picture> under @node whose <img> has @alt. */
static xmlNode *
picture_with_alt (xmlNode *node, const char *alt)
{
  for (; node; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_strcmp0 ((const char *) node->name, "picture") == 0
          && g_strcmp0 (portada_html_attr (portada_html_find_element (node, "img"), "alt"), alt)
                 == 0)
        return node;
      if ((found = picture_with_alt (node->children, alt)))
        return found;
    }
  return NULL;
}

static void
test_body_images (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (4);
  g_autoptr (PortadaArticle) a
      = find (nr, "en", "us-latin-america-seek-to-boost-cybersecurity-2", PORTADA_STATUS_PUBLISHED);
  g_autoptr (GBytes) photo = make_jpeg (2000, 1000);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMedia) m = NULL;
  g_autofree char *out = tmp_path ("body-images");
  g_autofree char *again = tmp_path ("body-images-again");
  g_autofree char *html = NULL;
  g_autofree char *page_dir = g_path_get_dirname (SEED_EN);
  g_autoptr (xmlDoc) doc = NULL;
  xmlNode *picture, *source, *img;
  PortadaSiteExportStats stats = { 0 };
  gint64 id;

  id = portada_media_import (nr, "harbour.jpg", photo, NULL, &error);
  g_assert_no_error (error);
  m = portada_media_load_info (nr, id, &error);
  g_assert_nonnull (a);
  {
    g_autofree char *body = g_strdup_printf (
        "%s\n\n![Boats in the harbour](media/%s)\n\n![gone](media/%064d)\n", a->body, m->sha256, 0);
    g_free (a->body);
    a->body = g_steal_pointer (&body);
  }
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_KEEP_TIMES, &error));
  g_assert_no_error (error);

  export_ok (nr, out, &stats);
  /* This photo and the demo's pictures (featured images), each decoded once. */
  g_assert_cmpuint (stats.images_decoded, ==, 1 + PORTADA_DEMO_N_IMAGES);
  html = read_text (out, SEED_EN);
  g_assert_null (strstr (html, "\"media/"));
  doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  /* The body's picture (the featured image's comes first). */
  picture = picture_with_alt (xmlDocGetRootElement (doc), "Boats in the harbour");
  g_assert_nonnull (picture);
  source = portada_html_find_element (picture, "source");
  img = portada_html_find_element (picture, "img");
  g_assert_cmpstr (portada_html_attr (source, "type"), ==, "image/webp");
  g_assert_cmpstr (portada_html_attr (img, "alt"), ==, "Boats in the harbour");
  g_assert_cmpstr (portada_html_attr (img, "width"), ==, "2000");
  g_assert_cmpstr (portada_html_attr (img, "height"), ==, "1000");
  g_assert_cmpstr (portada_html_attr (img, "loading"), ==, "lazy");
  g_assert_cmpstr (portada_html_attr (img, "decoding"), ==, "async");
  g_assert_nonnull (portada_html_attr (img, "sizes"));
  /* The files the page points at are in the tree: 480, 960 and 1600 px, twice. */
  assert_srcset_exists (out, page_dir, portada_html_attr (source, "srcset"), 3);
  assert_srcset_exists (out, page_dir, portada_html_attr (img, "srcset"), 3);
  assert_srcset_exists (out, page_dir, portada_html_attr (img, "src"), 1);
  g_assert_nonnull (strstr (portada_html_attr (img, "srcset"), "-1600.jpg 1600w"));
  /* An image the newsroom lacks keeps its alt text and points nowhere. */
  g_assert_nonnull (strstr (html, "alt=\"gone\""));

  /* Exported again, and into a new folder: every file is known, nothing decodes. */
  export_ok (nr, out, &stats);
  g_assert_cmpuint (stats.images_decoded, ==, 0);
  memset (&stats, 0, sizeof stats);
  export_ok (nr, again, &stats);
  g_assert_cmpuint (stats.images_decoded, ==, 0);
  assert_srcset_exists (again, page_dir, portada_html_attr (img, "srcset"), 3);
}

/* The same body image in the WXR (an attachment under the site's address, the
 * file the site export holds) and in the Markdown export (a page bundle), and
 * back from the bundle into another newsroom. */
static void
test_body_images_exchange (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (4);
  g_autoptr (PortadaNewsroom) other = portada_test_newsroom ();
  g_autoptr (PortadaArticle) a
      = find (nr, "en", "us-latin-america-seek-to-boost-cybersecurity-2", PORTADA_STATUS_PUBLISHED);
  g_autoptr (GBytes) photo = make_jpeg (800, 600);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMedia) m = NULL;
  g_autofree char *site = tmp_path ("exchange-site");
  g_autofree char *wxr = tmp_path ("exchange-wxr");
  g_autofree char *md = tmp_path ("exchange-md");
  g_autofree char *text = NULL;
  g_autofree char *asset = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *name = NULL;
  g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();
  gint64 id;

  id = portada_media_import (nr, "street.jpg", photo, NULL, &error);
  g_assert_no_error (error);
  m = portada_media_load_info (nr, id, &error);
  {
    g_autofree char *body = g_strdup_printf ("%s\n\n![A street](media/%s)\n", a->body, m->sha256);
    g_free (a->body);
    a->body = g_steal_pointer (&body);
  }
  a->featured_media_id = id;
  g_assert_true (
      portada_media_set_details (nr, id, "A street at noon", "Noon.", "Ana Ruiz", &error));
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_KEEP_TIMES, &error));
  export_ok (nr, site, NULL);
  /* The featured image in the feed, as Media RSS. */
  {
    g_autofree char *feed = read_text (site, "en/business/feed.xml");
    g_autofree char *content = g_strdup_printf ("/assets/media/%.16s.jpg\" medium=\"image\" "
                                                "type=\"image/jpeg\" width=\"800\" height=\"600\"",
                                                m->sha256);
    g_assert_nonnull (strstr (feed, content));
    g_assert_nonnull (strstr (feed, "<media:credit>Ana Ruiz</media:credit>"));
  }

  g_assert_true (portada_wxr_export (nr, wxr, "en", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = read_text (wxr, "en.wxr.xml");
  asset = g_strdup_printf ("assets/media/%.16s.jpg", m->sha256);
  {
    g_autofree char *img = g_strdup_printf ("/%s\" alt=\"A street\"", asset);
    g_autofree char *attachment = g_strdup_printf ("/%s]]></wp:attachment_url>", asset);
    if (!strstr (text, img))
      g_error ("the WXR body does not point at %s", asset);
    g_assert_nonnull (strstr (text, attachment));
    g_assert_null (strstr (text, "\"media/"));
  }
  g_assert_true (exists (site, asset));

  g_assert_true (portada_markdown_export (nr, md, "en", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  name = g_strdup_printf ("%.16s.jpg", m->sha256);
  bundle = g_build_filename ("content", "en", "business", a->slug, NULL);
  {
    g_autofree char *index = g_build_filename (bundle, "index.md", NULL);
    g_autofree char *image = g_build_filename (bundle, name, NULL);
    g_autofree char *mdtext = read_text (md, index);
    g_autofree char *link = g_strdup_printf ("![A street](%s)", name);
    g_assert_nonnull (strstr (mdtext, link));
    g_assert_true (exists (md, image));
  }
  /* A bundle that names a file outside the folder, and one that is no image. */
  {
    g_autofree char *rel = g_build_filename (bundle, "index.md", NULL);
    g_autofree char *index = g_build_filename (md, rel, NULL);
    g_autofree char *mdtext = read_text (md, rel);
    g_autofree char *bad = g_strconcat (mdtext,
                                        "\n![x](../../../../../../../../../../../../etc/passwd)\n"
                                        "![y](notes.jpg)\n",
                                        NULL);
    g_autofree char *notes = g_build_filename (md, bundle, "notes.jpg", NULL);
    g_assert_true (g_file_set_contents (index, bad, -1, NULL));
    g_assert_true (g_file_set_contents (notes, "not a photo", -1, NULL));
  }
  {
    g_autofree char *root = g_build_filename (md, "content", NULL);
    g_assert_true (portada_markdown_import (other, root, "en", summary, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  /* This photo and the demo pictures of the exported articles, nothing else. */
  g_assert_cmpint (portada_media_count (other, NULL), <=, 1 + PORTADA_DEMO_N_IMAGES);
  {
    g_autoptr (PortadaMedia) back = portada_media_find_sha256 (other, m->sha256, &error);
    g_autoptr (GString) lines = g_string_new (NULL);
    g_assert_no_error (error);
    g_assert_nonnull (back);
    for (guint i = 0; i < summary->lines->len; i++)
      g_string_append_printf (lines, "%s\n", (char *) summary->lines->pdata[i]);
    g_test_message ("%s", lines->str);
    g_assert_nonnull (strstr (lines->str, "outside the imported folder"));
    g_assert_nonnull (strstr (lines->str, "notes.jpg: "));
  }
}

static char *
read_file (const char *root, const char *rel)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static PortadaPage *
add_page (PortadaNewsroom *nr, const char *title, const char *slug, gint64 parent,
          PortadaArticleStatus status)
{
  PortadaPage *p = portada_page_new ();
  g_autoptr (GError) error = NULL;

  p->lang = g_strdup ("en");
  p->title = g_strdup (title);
  p->slug = g_strdup (slug);
  p->parent_id = parent;
  p->status = status;
  g_free (p->body);
  p->body = g_strdup_printf ("The text of %s.", title);
  g_assert_true (portada_pages_save (nr, p, &error));
  g_assert_no_error (error);
  return p;
}

/* Pages at /<lang>/<slug>/ (a child under its parent), linked from the footer, in
 * the sitemap, with their translations; no date, section, related or comment block.
 * Drafts and a page whose address is a section's stay out. */
static void
test_pages (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom (0);
  g_autofree char *out = tmp_path ("site-pages");
  g_autoptr (PortadaPage) team = NULL, secret = NULL, business = NULL;
  g_autofree char *about = NULL, *home = NULL, *sitemap = NULL, *child = NULL, *listing = NULL;
  g_autoptr (GPtrArray) bar
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_menu_item_free);
  gint64 about_id = 0;

  {
    g_autoptr (GPtrArray) pages = portada_pages_list (nr, "en", NULL);
    for (guint i = 0; i < pages->len; i++)
      if (g_str_equal (((PortadaPage *) pages->pdata[i])->slug, "about"))
        {
          about_id = ((PortadaPage *) pages->pdata[i])->id;
          g_ptr_array_add (bar, portada_menu_item_new ("", PORTADA_MENU_PAGE,
                                                       ((PortadaPage *) pages->pdata[i])->uuid));
        }
  }
  g_assert_cmpint (about_id, >, 0);
  team = add_page (nr, "Our team", "team", about_id, PORTADA_STATUS_PUBLISHED);
  secret = add_page (nr, "Secret", "secret", 0, PORTADA_STATUS_DRAFT);
  business = add_page (nr, "Business", "business", 0, PORTADA_STATUS_PUBLISHED);
  g_assert_true (portada_menu_replace (nr, "en", PORTADA_MENU_BAR, bar, NULL));
  export_ok (nr, out, NULL);

  about = read_file (out, "en/about/index.html");
  g_assert_nonnull (strstr (about, "<h1>About us</h1>"));
  g_assert_nonnull (strstr (about, "Caribbean"));
  g_assert_null (strstr (about, "Date:"));
  g_assert_null (strstr (about, "more-like-this"));
  g_assert_null (strstr (about, "section-name"));
  g_assert_null (strstr (about, "id=\"comments\""));
  g_assert_null (strstr (about, "share-facebook"));
  g_assert_nonnull (
      strstr (about, "hreflang=\"es\" href=\"https://portada.example.com/es/quienes-somos/\""));
  g_assert_nonnull (
      strstr (about, "<a href=\"../../en/about/\" aria-current=\"page\">About us</a>"));
  child = read_file (out, "en/about/team/index.html");
  g_assert_nonnull (strstr (child, "<h1>Our team</h1>"));
  /* The footer of every page links the top pages of its language; the section bar
   * shows the menu's page. */
  home = read_file (out, "en/index.html");
  g_assert_nonnull (
      strstr (home, "<nav class=\"footer-pages\" aria-label=\"About the magazine\">"));
  g_assert_nonnull (strstr (home, "<a href=\"../en/about/\">About us</a>"));
  g_assert_nonnull (strstr (home, "<a href=\"../en/advertise/\">Advertise</a>"));
  g_assert_null (strstr (home, "quienes-somos/\">"));
  g_assert_null (strstr (home, "Our team"));
  {
    const char *nav = strstr (home, "<nav class=\"section-bar\"");
    g_assert_nonnull (nav);
    g_assert_nonnull (strstr (nav, "<li><a href=\"../en/about/\">About us</a></li>"));
  }
  sitemap = read_file (out, "sitemap.xml");
  g_assert_nonnull (strstr (sitemap, "https://portada.example.com/en/about/team/"));
  /* Left out: the draft, and the page whose address is the Business section's. */
  {
    g_autofree char *draft = g_build_filename (out, "en", "secret", NULL);
    g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  }
  listing = read_file (out, "en/business/index.html");
  g_assert_nonnull (strstr (listing, "class=\"teaser"));
  g_assert_null (strstr (listing, "The text of Business."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/site-export/tree", test_tree);
  g_test_add_func ("/site-export/feeds-sitemap", test_feeds_sitemap);
  g_test_add_func ("/site-export/paths-and-pages", test_paths_and_pages);
  g_test_add_func ("/site-export/deterministic", test_deterministic);
  g_test_add_func ("/site-export/incremental", test_incremental);
  g_test_add_func ("/site-export/atomic-swap", test_atomic_swap);
  g_test_add_func ("/site-export/bad-targets", test_bad_targets);
  g_test_add_func ("/site-export/damaged-previous", test_damaged_previous);
  g_test_add_func ("/site-export/body-images", test_body_images);
  g_test_add_func ("/site-export/body-images-exchange", test_body_images_exchange);
  g_test_add_func ("/site-export/pages", test_pages);
  return g_test_run ();
}
