/* test-sanitizer.c: the allow-list sanitizer against the hostile corpus.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-html.h"
#include "portada-markdown.h"
#include "portada-sanitizer.h"

/* What a browser would treat as the URL's scheme: whitespace and controls removed. */
static gboolean
url_is_safe (const char *url, gboolean image)
{
  GString *s = g_string_new (NULL);
  gboolean safe;
  gsize n;

  for (const char *p = url; *p; p++)
    if ((guchar) *p > 0x20 && (guchar) *p != 0x7f)
      g_string_append_c (s, g_ascii_tolower (*p));
  n = strcspn (s->str, ":/?#");
  safe = s->str[n] != ':' || g_str_has_prefix (s->str, "http:")
         || g_str_has_prefix (s->str, "https:") || g_str_has_prefix (s->str, "mailto:")
         || (image
             && (g_str_has_prefix (s->str, "data:image/png")
                 || g_str_has_prefix (s->str, "data:image/jpeg")
                 || g_str_has_prefix (s->str, "data:image/gif")
                 || g_str_has_prefix (s->str, "data:image/webp")));
  g_string_free (s, TRUE);
  return safe;
}

static const char *const allowed[]
    = { "a",    "abbr",  "b",     "bdi",        "bdo",    "blockquote", "br",     "caption",
        "cite", "code",  "col",   "colgroup",   "dd",     "del",        "dfn",    "div",
        "dl",   "dt",    "em",    "figcaption", "figure", "h1",         "h2",     "h3",
        "h4",   "h5",    "h6",    "hr",         "i",      "img",        "ins",    "kbd",
        "li",   "mark",  "ol",    "p",          "pre",    "q",          "rp",     "rt",
        "ruby", "s",     "samp",  "small",      "span",   "strike",     "strong", "sub",
        "sup",  "table", "tbody", "td",         "tfoot",  "th",         "thead",  "time",
        "tr",   "u",     "ul",    "var",        "wbr",    "html",       "body",   "head" };

static void
check_tree (xmlNode *node, const char *file)
{
  for (; node; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (!g_strv_contains (allowed, (const char *) node->name))
        g_error ("%s: element <%s> survived", file, node->name);
      for (xmlAttr *a = node->properties; a; a = a->next)
        {
          const char *name = (const char *) a->name;
          const char *value = portada_html_attr (node, name);
          if (g_ascii_strncasecmp (name, "on", 2) == 0 || g_str_equal (name, "style")
              || g_str_equal (name, "id") || g_str_has_prefix (name, "data-")
              || g_str_equal (name, "srcdoc") || g_str_equal (name, "formaction"))
            g_error ("%s: attribute %s survived on <%s>", file, name, node->name);
          if ((g_str_equal (name, "href") || g_str_equal (name, "src")
               || g_str_equal (name, "cite"))
              && !url_is_safe (value, g_str_equal (name, "src")))
            g_error ("%s: URL %s survived", file, value);
        }
      check_tree (node->children, file);
    }
}

static void
check_output (const char *out, const char *file)
{
  g_autofree char *lower = g_ascii_strdown (out, -1);
  g_autoptr (xmlDoc) doc = NULL;
  g_autofree char *again = NULL;

  g_assert_true (g_utf8_validate (out, -1, NULL));
  for (const char *bad
       = "<script\0<iframe\0<svg\0<object\0<embed\0<form\0<style\0<input\0<math\0<meta\0<base\0";
       *bad; bad += strlen (bad) + 1)
    if (strstr (lower, bad))
      g_error ("%s: %s survived in %s", file, bad, out);
  doc = portada_html_parse (out, strlen (out));
  check_tree (xmlDocGetRootElement (doc), file);
  /* Sanitizing again changes nothing: the output is a fixed point. */
  again = portada_sanitize_html (out);
  g_assert_cmpstr (again, ==, out);
}

static void
test_corpus (void)
{
  g_autofree char *dir
      = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "corpus", "hostile", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *input = NULL;
      g_autofree char *sanitized = NULL;
      g_autofree char *rendered = NULL;

      if (!g_str_has_suffix (name, ".html"))
        continue;
      g_assert_true (g_file_get_contents (path, &input, NULL, NULL));
      sanitized = portada_sanitize_html (input);
      check_output (sanitized, name);
      rendered = portada_markdown_to_html (input);
      check_output (rendered, name);
      n++;
    }
  g_assert_cmpuint (n, >=, 60);
}

static void
expect (const char *in, const char *out)
{
  g_autofree char *got = portada_sanitize_html (in);
  g_assert_cmpstr (got, ==, out);
}

static void
test_keeps (void)
{
  expect ("<p>hi</p><script>alert(1)</script>", "<p>hi</p>");
  expect ("<p><a href=\"https://example.com/a?b=1&amp;c=2\" title=\"t\">x</a></p>",
          "<p><a href=\"https://example.com/a?b=1&amp;c=2\" title=\"t\">x</a></p>");
  expect ("<a href=\"mailto:a@example.com\">m</a>", "<a href=\"mailto:a@example.com\">m</a>");
  expect ("<a href=\"/en/x/\">r</a><a href=\"#top\">f</a>",
          "<a href=\"/en/x/\">r</a><a href=\"#top\">f</a>");
  expect ("<img src=\"data:image/png;base64,iVBO\" alt=\"a\" width=\"10\" height=\"x\">",
          "<img src=\"data:image/png;base64,iVBO\" alt=\"a\" width=\"10\">");
  expect ("<table><tr><th align=\"left\" style=\"x\">h</th></tr></table>",
          "<table><tr><th align=\"left\">h</th></tr></table>");
  expect ("<pre><code class=\"language-c\">int x;\n</code></pre>",
          "<pre><code class=\"language-c\">int x;\n</code></pre>");
  expect ("<code class=\"evil x\">c</code>", "<code>c</code>");
  /* Unknown elements are unwrapped, their text kept; dangerous ones go with their content. */
  expect ("<center><font color=red>kept</font></center><iframe>gone</iframe>", "kept");
  expect ("<blockquote cite=\"javascript:x\">q</blockquote>", "<blockquote>q</blockquote>");
  expect ("5 &lt; 6 &amp; \xc2\xa0 \"q\"", "5 &lt; 6 &amp; &nbsp; \"q\"");
  expect ("", "");
  expect (NULL, "");
}

static void
test_urls (void)
{
  const char *bad[] = { "javascript:alert(1)",
                        " JAVASCRIPT:x",
                        "java\tscript:x",
                        "java\nscript:x",
                        "vbscript:x",
                        "data:text/html,x",
                        "data:image/svg+xml,x",
                        "file:///etc/passwd",
                        "java script:x",
                        "\x01javascript:x",
                        "jav\x01script:x",
                        "ftp://x",
                        NULL };
  const char *good[] = { "https://a.example",
                         "HTTP://a.example",
                         "mailto:x@y",
                         "/rel",
                         "rel/x",
                         "#frag",
                         "?q=1",
                         "//cdn.example/x.png",
                         "",
                         NULL };

  for (guint i = 0; bad[i]; i++)
    {
      g_autofree char *u = portada_sanitize_url (bad[i], TRUE);
      if (u)
        g_error ("%s was allowed", bad[i]);
    }
  for (guint i = 0; good[i]; i++)
    {
      g_autofree char *u = portada_sanitize_url (good[i], FALSE);
      g_assert_nonnull (u);
    }
  {
    g_autofree char *png = portada_sanitize_url ("data:image/png;base64,AAAA", TRUE);
    g_autofree char *png_link = portada_sanitize_url ("data:image/png;base64,AAAA", FALSE);
    g_autofree char *trimmed = portada_sanitize_url ("  https://a.example/\n x ", FALSE);
    g_assert_nonnull (png);
    g_assert_null (png_link);
    g_assert_cmpstr (trimmed, ==, "https://a.example/ x");
  }
  g_assert_null (portada_sanitize_url (NULL, FALSE));
  g_assert_null (portada_sanitize_url ("\xff", FALSE));
}

static void
test_deep_and_big (void)
{
  GString *deep = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();

  for (int i = 0; i < 100000; i++)
    g_string_append (deep, "<span><b>");
  g_string_append (deep, "x<script>alert(1)</script>");
  /* libxml2 stops at its depth limit: what is deeper is lost, nothing breaks. */
  out = portada_sanitize_html (deep->str);
  g_assert_null (strstr (out, "<script"));
  check_output (out, "deep");
  g_clear_pointer (&out, g_free);
  g_string_truncate (deep, 0);
  for (int i = 0; i < 20000; i++)
    g_string_append (
        deep, "<p>A paragraph with <a href=\"https://example.com\">a link</a> &amp; text.</p>");
  out = portada_sanitize_html (deep->str);
  g_assert_cmpuint (strlen (out), >, 20000 * 60);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
  g_string_free (deep, TRUE);
}

/* One policy for remote images: the page a reader sees (site and preview) shows a
 * link to a remote image, never loads it; the archive formats keep the image. */
static void
test_remote_images (void)
{
  static const struct
  {
    const char *markdown, *page, *archive;
  } cases[] = {
    { "![A pixel](https://tracker.example/p.gif)",
      "<p><a href=\"https://tracker.example/p.gif\">A pixel</a></p>\n",
      "<p><img src=\"https://tracker.example/p.gif\" alt=\"A pixel\"></p>\n" },
    { "<img src=\"//cdn.example/x.png\">\n",
      "<a href=\"//cdn.example/x.png\">//cdn.example/x.png</a>\n",
      "<img src=\"//cdn.example/x.png\">\n" },
    { "<img src=\" HTTP://Shout.example/a.jpg \" alt=\" \">",
      "<a "
      "href=\"HTTP://Shout.example/a.jpg\">HTTP://Shout.example/a.jpg</a>\n",
      "<img src=\"HTTP://Shout.example/a.jpg\" alt=\" \">\n" },
    /* Inside a link: its text only, no link in a link. */
    { "[![Logo](http://x.example/l.png)](https://x.example/)",
      "<p><a href=\"https://x.example/\">Logo</a></p>\n",
      "<p><a href=\"https://x.example/\"><img src=\"http://x.example/l.png\" "
      "alt=\"Logo\"></a></p>\n" },
    /* Hostile alt text and address stay escaped. */
    { "<img src=\"https://e.example/?a=1&b=\\\"><script>\" alt=\"<b>x</b>\">", NULL, NULL },
    /* Not remote: the newsroom's own pictures and data: images are left alone. */
    { "![Ours](media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef)",
      "<p><img src=\"media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\" "
      "alt=\"Ours\"></p>\n",
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = portada_markdown_to_page_html (cases[i].markdown);
      g_autofree char *archive = portada_markdown_to_html (cases[i].markdown);

      g_assert_null (strstr (page, "<img src=\"http"));
      g_assert_null (strstr (page, "<img src=\"//"));
      g_assert_null (strstr (page, "<script"));
      if (cases[i].page)
        g_assert_cmpstr (page, ==, cases[i].page);
      if (cases[i].archive)
        g_assert_cmpstr (archive, ==, cases[i].archive);
    }
  {
    g_autofree char *html = portada_markdown_to_html (
        "![a](https://one.example/1.png) ![b](media/x) <img src=\"//two.example/2.gif\">\n\n"
        "<script><img src=\"https://hidden.example/3.png\"></script>\n\n"
        "[link](https://not-an-image.example/)");
    g_autoptr (GPtrArray) urls = portada_sanitize_remote_images (html);

    g_assert_cmpuint (urls->len, ==, 2);
    g_assert_cmpstr (urls->pdata[0], ==, "https://one.example/1.png");
    g_assert_cmpstr (urls->pdata[1], ==, "//two.example/2.gif");
  }
  /* Sanitizing the page's HTML again changes nothing. */
  {
    g_autofree char *page = portada_markdown_to_page_html ("x ![A](https://a.example/a.png) y");
    g_autofree char *again
        = portada_sanitize_html_full (page, PORTADA_SANITIZE_REMOTE_IMAGES_AS_LINKS);
    g_assert_cmpstr (page, ==, again);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sanitizer/corpus", test_corpus);
  g_test_add_func ("/sanitizer/keeps", test_keeps);
  g_test_add_func ("/sanitizer/urls", test_urls);
  g_test_add_func ("/sanitizer/deep-and-big", test_deep_and_big);
  g_test_add_func ("/sanitizer/remote-images", test_remote_images);
  return g_test_run ();
}
