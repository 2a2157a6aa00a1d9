/* test-html-to-markdown.c: HTML (WordPress bodies) to Markdown and back.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "portada-demo-text.h"
#include "portada-html-to-markdown.h"
#include "portada-markdown.h"

static const struct
{
  const char *html;
  const char *markdown;
} cases[] = {
  { "<p>Hello <em>world</em></p>", "Hello *world*\n" },
  { "<p>a</p><p>b</p>", "a\n\nb\n" },
  { "<h2>Title</h2>", "## Title\n" },
  { "<h3>Ends in #</h3>", "### Ends in \\#\n" },
  { "<p><strong>bold</strong> and <b>b</b></p>", "**bold** and **b**\n" },
  { "<p><em> spaced </em>word</p>", "*spaced* word\n" },
  { "<p><strong><em>both</em></strong></p>", "**_both_**\n" },
  { "<p><a href=\"https://example.com/a\">link</a></p>", "[link](https://example.com/a)\n" },
  { "<p><a href=\"https://example.com/a b\" title=\"T &quot;q&quot;\">x</a></p>",
    "[x](<https://example.com/a b> \"T \\\"q\\\"\")\n" },
  { "<p><a href=\"https://example.com\">https://example.com</a></p>", "<https://example.com>\n" },
  { "<p><a href=\"javascript:alert(1)\">click</a></p>", "click\n" },
  { "<p><img src=\"https://example.com/i.png\" alt=\"An image\"></p>",
    "![An image](https://example.com/i.png)\n" },
  { "<p><img src=\"javascript:x\" alt=\"bad\"></p>", "" },
  { "<ul><li>a</li><li>b</li></ul>", "- a\n- b\n" },
  { "<ol><li>a</li><li>b</li></ol>", "1. a\n2. b\n" },
  { "<ol start=\"7\"><li>a</li></ol>", "7. a\n" },
  { "<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n  - b\n" },
  { "<ol><li>a<ol><li>b</li></ol></li></ol>", "1. a\n   1. b\n" },
  { "<ul><li><p>a</p></li><li><p>b</p></li></ul>", "- a\n\n- b\n" },
  { "<ul><li>a</li></ul><ul><li>b</li></ul>", "- a\n\n* b\n" },
  { "<blockquote><p>q</p><p>r</p></blockquote>", "> q\n>\n> r\n" },
  { "<pre><code class=\"language-c\">int x;\n</code></pre>", "```c\nint x;\n```\n" },
  { "<pre>a ``` b</pre>", "````\na ``` b\n````\n" },
  { "<p><code>a`b</code></p>", "``a`b``\n" },
  { "<hr>", "***\n" },
  { "<p>a<br>b</p>", "a\\\nb\n" },
  { "<p>a<br>- b</p>", "a\\\n\\- b\n" },
  { "<p><del>gone</del> <s>too</s></p>", "~~gone~~ ~~too~~\n" },
  { "<p>x<sup>2</sup> <abbr title=\"World Wide Web\">WWW</abbr></p>",
    "x<sup>2</sup> <abbr title=\"World Wide Web\">WWW</abbr>\n" },
  { "<table><thead><tr><th>A</th><th align=\"right\">B</th></tr></thead>"
    "<tbody><tr><td>1|2</td><td><em>3</em></td></tr></tbody></table>",
    "| A | B |\n| --- | ---: |\n| 1\\|2 | *3* |\n" },
  { "<p># not a heading</p>", "\\# not a heading\n" },
  { "<p>1. not a list</p>", "1\\. not a list\n" },
  { "<p>- not a list</p>", "\\- not a list\n" },
  { "<p>&gt; not a quote</p>", "\\> not a quote\n" },
  { "<p>5 * 3 = 15, snake_case, _under_</p>", "5 \\* 3 = 15, snake_case, \\_under\\_\n" },
  { "<p>[brackets] stay, [a](b) does not</p>", "[brackets] stay, [a\\](b) does not\n" },
  { "<p>&lt;b&gt;not bold&lt;/b&gt; &amp;amp; `tick`</p>",
    "\\<b>not bold\\</b> \\&amp; \\`tick\\`\n" },
  { "<p>!<a href=\"/x\">link</a></p>", "\\![link](/x)\n" },
  { "<div><section><p>unwrapped</p></section></div>", "unwrapped\n" },
  { "<p>  lots   of\n\n  space  </p>", "lots of space\n" },
  { "text <b>outside</b> a paragraph", "text **outside** a paragraph\n" },
  { "<p>keep</p><script>alert(1)</script><style>p{}</style><iframe src=\"x\"></iframe>", "keep\n" },
  { "<p onclick=\"evil()\">attrs go</p>", "attrs go\n" },
  { "", "" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *md = portada_html_to_markdown (cases[i].html, NULL);
      if (g_strcmp0 (md, cases[i].markdown) != 0)
        g_error ("case %u: %s\n  gave: [%s]\n  want: [%s]", i, cases[i].html, md,
                 cases[i].markdown);
    }
}

static void
test_dropped (void)
{
  g_autoptr (GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *md = portada_html_to_markdown (
      "<p>a</p><script>x</script><SCRIPT>y</SCRIPT><iframe></iframe><form><input></form>", dropped);

  g_assert_cmpstr (md, ==, "a\n");
  g_assert_cmpuint (dropped->len, ==, 3);
  g_assert_cmpstr (dropped->pdata[0], ==, "script");
  g_assert_cmpstr (dropped->pdata[1], ==, "iframe");
  g_assert_cmpstr (dropped->pdata[2], ==, "form");
}

/* What has no Markdown form stays as sanitized HTML, and nothing dangerous survives. */
static void
test_html_blocks (void)
{
  g_autofree char *md = portada_html_to_markdown (
      "<figure><img src=\"a.jpg\" alt=\"x\" onerror=\"evil()\"><figcaption>Cap <script>bad()"
      "</script></figcaption></figure>"
      "<dl><dt>T</dt>\n\n<dd>D</dd></dl>"
      "<table><tr><td colspan=\"2\">merged</td></tr></table>",
      NULL);

  g_assert_nonnull (strstr (md, "<figure><img src=\"a.jpg\" alt=\"x\"><figcaption>Cap"));
  g_assert_null (strstr (md, "onerror"));
  g_assert_null (strstr (md, "bad()"));
  g_assert_nonnull (strstr (md, "<dl>"));
  g_assert_nonnull (strstr (md, "colspan=\"2\""));
  /* An HTML block ends at a blank line: the blocks keep none inside. */
  {
    g_auto (GStrv) blocks = g_strsplit (md, "\n\n", -1);
    g_assert_cmpuint (g_strv_length (blocks), ==, 3);
  }
}

/* HTML with every run of whitespace made one space (a soft line break of the
 * Markdown and a space are the same text), and none between tags. */
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

/* Markdown → HTML → Markdown gives Markdown that renders to the same HTML, and
 * converting again changes nothing. */
static void
check_round_trip (const char *markdown)
{
  g_autofree char *html_raw = portada_markdown_to_html (markdown);
  g_autofree char *md2 = portada_html_to_markdown (html_raw, NULL);
  g_autofree char *html2_raw = portada_markdown_to_html (md2);
  g_autofree char *md3 = portada_html_to_markdown (html2_raw, NULL);
  g_autofree char *html = normalize (html_raw);
  g_autofree char *html2 = normalize (html2_raw);

  if (g_strcmp0 (html, html2) != 0)
    g_error ("round trip differs:\n--- markdown\n%s\n--- html\n%s\n--- back\n%s\n--- html\n%s",
             markdown, html, md2, html2);
  g_assert_cmpstr (md2, ==, md3);
}

static void
test_round_trip (void)
{
  static const char *const docs[] = {
    "# Title\n\nA paragraph with *emphasis*, **strong**, `code` and [a link](https://e.org/x "
    "\"T\").\n\n## Sub\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\n> a quote\n> "
    "over lines\n\n```python\nprint('x')\n```\n\n| a | b |\n| --- | :-: |\n| 1 | 2 |\n\n"
    "~~strike~~ and ![img](https://e.org/i.png)\n",
    "Text with “curly quotes”, an ellipsis … and brackets [People’s Republic of China].\n",
    "Line one  \nline two\\\nline three\n",
    "* * *\n\nafter a rule\n\n1) paren list\n2) two\n",
    "Escapes: \\* \\_ \\# \\[x\\](y) 2 * 3 a_b_c <not a tag\n",
    "- loose\n\n- list\n\n  with two paragraphs\n",
    "> quote with list\n>\n> - a\n> - b\n",
    "Autolink <https://example.com/path?q=1> and email-free text.\n",
    "Heading\n=======\n\nSetext\n------\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    check_round_trip (docs[i]);
}

/* The demo newsroom's bodies: every Markdown feature it uses survives. */
static void
test_demo_round_trip (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20231004);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr (PortadaArticle) a = portada_demo_generate_article (rand, i);
      check_round_trip (a->body);
    }
  for (guint i = 0; i < G_N_ELEMENTS (portada_demo_related); i++)
    {
      g_autofree char *body = portada_demo_related_body (&portada_demo_related[i]);
      check_round_trip (body);
    }
}

static void
test_autop (void)
{
  g_autofree char *a = portada_wp_autop ("First para\nwith a break.\n\nSecond para.");
  g_autofree char *b = portada_wp_autop ("<pre>keep\n\nthis</pre>\n\nafter");
  g_autofree char *c
      = portada_wp_autop ("<!-- wp:paragraph -->\n<p>block</p>\n<!-- /wp:paragraph -->");
  g_autofree char *d = portada_wp_autop (
      "[caption id=\"x\" align=\"alignnone\" width=\"300\"]<img src=\"a.jpg\" alt=\"A\" /> The "
      "caption[/caption]");
  g_autofree char *e = portada_wp_autop ("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nafter list");
  g_autofree char *md = portada_html_to_markdown (a, NULL);
  g_autofree char *md_e = portada_html_to_markdown (e, NULL);

  g_assert_cmpstr (a, ==, "<p>First para<br />\nwith a break.</p>\n<p>Second para.</p>\n");
  g_assert_cmpstr (md, ==, "First para\\\nwith a break.\n\nSecond para.\n");
  g_assert_nonnull (strstr (b, "<pre>keep\n\nthis</pre>"));
  g_assert_nonnull (strstr (b, "<p>after</p>"));
  g_assert_cmpstr (c, ==, "<!-- wp:paragraph -->\n<p>block</p>\n<!-- /wp:paragraph -->");
  g_assert_true (g_str_has_prefix (d, "<figure><img src=\"a.jpg\" alt=\"A\" />"));
  g_assert_nonnull (strstr (d, "<figcaption>The caption</figcaption>"));
  {
    g_autofree char *md_d = portada_html_to_markdown (d, NULL);
    g_assert_cmpstr (md_d, ==,
                     "<figure><img src=\"a.jpg\" alt=\"A\">&#10;<figcaption>The "
                     "caption</figcaption>&#10;</figure>\n");
  }
  g_assert_cmpstr (md_e, ==, "- one\n- two\n\nafter list\n");
  {
    g_autofree char *empty = portada_wp_autop ("  \n\n ");
    g_assert_cmpstr (empty, ==, "");
  }
}

static void
test_text (void)
{
  g_autofree char *a = portada_html_to_text ("Markup: Title <em>With</em> &amp; <b>Markup</b>");
  g_autofree char *b = portada_html_to_text ("  plain   text\n");
  g_autofree char *c = portada_html_to_text ("<p>x</p><script>no</script><p>y</p>");

  g_assert_cmpstr (a, ==, "Markup: Title With & Markup");
  g_assert_cmpstr (b, ==, "plain text");
  g_assert_cmpstr (c, ==, "x y");
}

/* Bad bytes and deep or huge input: an answer, never a crash. */
static void
test_hostile (void)
{
  g_autofree char *bad = portada_html_to_markdown ("<p>a\xff\xfe b</p>", NULL);
  GString *deep = g_string_new (NULL);
  g_autofree char *md = NULL;

  g_assert_true (g_utf8_validate (bad, -1, NULL));
  g_assert_nonnull (strstr (bad, "a"));
  for (int i = 0; i < 60; i++)
    g_string_append (deep, "<blockquote><ul><li>");
  g_string_append (deep, "deep");
  md = portada_html_to_markdown (deep->str, NULL);
  g_assert_nonnull (strstr (md, "deep"));
  /* Deeper than libxml2's nesting limit: cut there, still an answer. */
  for (int i = 0; i < 3000; i++)
    g_string_prepend (deep, "<blockquote><ul><li>");
  g_free (md);
  md = portada_html_to_markdown (deep->str, NULL);
  g_assert_true (g_utf8_validate (md, -1, NULL));
  g_string_free (deep, TRUE);
}

/* Bytes that are not UTF-8 (found by fuzz-html-to-markdown: matched as they were, they
 * made PCRE's compiled code read past the text): replaced, the rest converted. */
static void
test_autop_invalid_utf8 (void)
{
  const char html[] = "<form action=\"https\xff://evil.example/\"><input name=p></form>\n"
                      "<p>caf\xc3 au lait</p>\n<button>b</button>\n";
  g_autofree char *autop = portada_wp_autop (html);
  g_autoptr (GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *markdown = portada_html_to_markdown (autop, dropped);

  g_assert_true (g_utf8_validate (autop, -1, NULL));
  g_assert_nonnull (strstr (autop, "au lait"));
  g_assert_nonnull (strstr (markdown, "au lait"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html-to-markdown/cases", test_cases);
  g_test_add_func ("/html-to-markdown/dropped", test_dropped);
  g_test_add_func ("/html-to-markdown/html-blocks", test_html_blocks);
  g_test_add_func ("/html-to-markdown/round-trip", test_round_trip);
  g_test_add_func ("/html-to-markdown/demo-round-trip", test_demo_round_trip);
  g_test_add_func ("/html-to-markdown/autop", test_autop);
  g_test_add_func ("/html-to-markdown/text", test_text);
  g_test_add_func ("/html-to-markdown/hostile", test_hostile);
  g_test_add_func ("/html-to-markdown/autop-invalid-utf8", test_autop_invalid_utf8);
  return g_test_run ();
}
