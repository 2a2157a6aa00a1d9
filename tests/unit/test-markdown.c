/* test-markdown.c: Markdown features, through md4c and the sanitizer.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-markdown.h"

static void
expect (const char *md, const char *html)
{
  g_autofree char *got = portada_markdown_to_html (md);
  g_assert_cmpstr (got, ==, html);
}

static void
contains (const char *md, const char *part)
{
  g_autofree char *got = portada_markdown_to_html (md);
  if (strstr (got, part) == NULL)
    g_error ("“%s” gave “%s”, without “%s”", md, got, part);
}

static void
test_commonmark (void)
{
  expect ("# Title\n\nA *b* **c** `d`.",
          "<h1>Title</h1>\n<p>A <em>b</em> <strong>c</strong> <code>d</code>.</p>\n");
  expect ("> quoted\n", "<blockquote>\n<p>quoted</p>\n</blockquote>\n");
  expect ("- a\n- b\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
  expect ("3. a\n4. b\n", "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n");
  expect ("[VOA](https://www.voanews.com/a \"t\")",
          "<p><a href=\"https://www.voanews.com/a\" title=\"t\">VOA</a></p>\n");
  expect ("![alt text](https://example.com/a.png)",
          "<p><img src=\"https://example.com/a.png\" alt=\"alt text\"></p>\n");
  expect ("a  \nb", "<p>a<br>\nb</p>\n");
  expect ("---\n", "<hr>\n");
  expect ("```c\nint x < 1;\n```\n",
          "<pre><code class=\"language-c\">int x &lt; 1;\n</code></pre>\n");
  expect ("Cervecería “Centro” — 5 < 6 & 7", "<p>Cervecería “Centro” — 5 &lt; 6 &amp; 7</p>\n");
  contains ("<https://example.com>", "<a href=\"https://example.com\">https://example.com</a>");
}

static void
test_extensions (void)
{
  expect ("~~gone~~", "<p><del>gone</del></p>\n");
  contains ("| a | b |\n|:--|--:|\n| 1 | 2 |\n", "<th align=\"left\">a</th>");
  contains ("| a | b |\n|:--|--:|\n| 1 | 2 |\n", "<td align=\"right\">2</td>");
  contains ("| a |\n|---|\n| x |\n", "<table>");
}

static void
test_raw_html (void)
{
  /* Inline HTML is allowed through md4c, then sanitized. */
  expect ("a <b onclick=\"x()\">bold</b> <script>alert(1)</script>", "<p>a <b>bold</b> </p>\n");
  expect ("[x](javascript:alert(1))", "<p><a>x</a></p>\n");
}

static void
test_bad_input (void)
{
  g_autofree char *null_html = portada_markdown_to_html (NULL);
  g_autofree char *bad = portada_markdown_to_html ("caf\xc3 \xff ok");
  g_autofree char *nul = portada_markdown_to_html ("");

  g_assert_cmpstr (null_html, ==, "");
  g_assert_cmpstr (nul, ==, "");
  g_assert_true (g_utf8_validate (bad, -1, NULL));
  g_assert_nonnull (strstr (bad, "ok"));
}

static void
test_excerpt (void)
{
  g_autofree char *a = portada_markdown_excerpt ("One *two* [three](x)\n\n# Four five", 3, FALSE);
  g_autofree char *b = portada_markdown_excerpt ("One two.", 25, TRUE);
  g_autofree char *c = portada_markdown_excerpt ("One <b>two</b> three", 25, FALSE);
  g_autofree char *d = portada_markdown_excerpt ("One\n\ntwo", 2, FALSE);
  g_autofree char *e = portada_markdown_excerpt (NULL, 2, TRUE);

  g_assert_cmpstr (a, ==, "One two three...");
  g_assert_cmpstr (b, ==, "One two...");
  g_assert_cmpstr (c, ==, "One two three");
  g_assert_cmpstr (d, ==, "One two");
  g_assert_cmpstr (e, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/markdown/commonmark", test_commonmark);
  g_test_add_func ("/markdown/extensions", test_extensions);
  g_test_add_func ("/markdown/raw-html", test_raw_html);
  g_test_add_func ("/markdown/bad-input", test_bad_input);
  g_test_add_func ("/markdown/excerpt", test_excerpt);
  return g_test_run ();
}
