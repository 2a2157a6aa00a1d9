/* test-source-map.c: the first source line of each top-level block of a Markdown body.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "portada-markdown.h"
#include "portada-source-map.h"

/* Top-level elements of the body's HTML, as the preview's script counts them. */
static guint
count_elements (const char *markdown)
{
  g_autofree char *html = portada_markdown_to_html (markdown);
  g_autofree char *page = g_strconcat ("<html><body>", html, "</body></html>", NULL);
  htmlDocPtr doc = htmlReadMemory (page, strlen (page), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  xmlNode *body = xmlDocGetRootElement (doc)->children;
  guint n = 0;

  while (body && !xmlStrEqual (body->name, BAD_CAST "body"))
    body = body->next;
  g_assert_nonnull (body);
  for (xmlNode *c = body->children; c; c = c->next)
    n += c->type == XML_ELEMENT_NODE;
  xmlFreeDoc (doc);
  return n;
}

static void
assert_lines (const char *markdown, const int *expected, guint n)
{
  g_autoptr (GArray) lines = portada_markdown_block_lines (markdown);

  g_assert_cmpuint (lines->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (lines, int, i), ==, expected[i]);
  /* One line for each element the page's body holds. */
  g_assert_cmpuint (count_elements (markdown), ==, n);
}

static void
test_blocks (void)
{
  const char *md = "# Title of a part\n"   /* 0 */
                   "\n"                    /* 1 */
                   "First paragraph,\n"    /* 2 */
                   "two lines.\n"          /* 3 */
                   "\n"                    /* 4 */
                   "\n"                    /* 5 */
                   "> A quote\n"           /* 6 */
                   "> goes on.\n"          /* 7 */
                   "\n"                    /* 8 */
                   "---\n"                 /* 9 */
                   "\n"                    /* 10 */
                   "Last **bold** one.\n"; /* 11 */
  const int expected[] = { 0, 2, 6, 9, 11 };

  assert_lines (md, expected, G_N_ELEMENTS (expected));
}

/* A fenced code block with blank lines inside is one block; so is a loose list. */
static void
test_fences_and_lists (void)
{
  const char *md = "Intro.\n"     /* 0 */
                   "\n"           /* 1 */
                   "```\n"        /* 2 */
                   "a = 1\n"      /* 3 */
                   "\n"           /* 4 */
                   "\n"           /* 5 */
                   "b = 2\n"      /* 6 */
                   "```\n"        /* 7 */
                   "\n"           /* 8 */
                   "- one\n"      /* 9 */
                   "\n"           /* 10 */
                   "- two\n"      /* 11 */
                   "\n"           /* 12 */
                   "  more two\n" /* 13 */
                   "\n"           /* 14 */
                   "| a | b |\n"  /* 15 */
                   "|---|---|\n"  /* 16 */
                   "| 1 | 2 |\n"  /* 17 */
                   "\n"           /* 18 */
                   "End.";        /* 19 */
  /* md4c hands over a fence's text from its first line of code. */
  const int expected[] = { 0, 3, 9, 15, 19 };

  assert_lines (md, expected, G_N_ELEMENTS (expected));
}

/* Reference definitions make no element; empty text, none at all. */
static void
test_references_and_empty (void)
{
  const char *md = "See [the port][1].\n\n[1]: https://example.com/port\n\nAfter.\n";
  const int expected[] = { 0, 4 };
  g_autoptr (GArray) none = portada_markdown_block_lines ("");
  g_autoptr (GArray) null = portada_markdown_block_lines (NULL);

  assert_lines (md, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (null->len, ==, 0);
}

/* Lines only grow, whatever md4c hands over (rules, blocks without text). */
static void
test_rules_only (void)
{
  const char *md = "***\n\n***\n\n***\n";
  g_autoptr (GArray) lines = portada_markdown_block_lines (md);

  g_assert_cmpuint (lines->len, ==, 3);
  for (guint i = 1; i < lines->len; i++)
    g_assert_cmpint (g_array_index (lines, int, i), >, g_array_index (lines, int, i - 1));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/source-map/blocks", test_blocks);
  g_test_add_func ("/source-map/fences-and-lists", test_fences_and_lists);
  g_test_add_func ("/source-map/references-and-empty", test_references_and_empty);
  g_test_add_func ("/source-map/rules-only", test_rules_only);
  return g_test_run ();
}
