/* test-markdown-edit.c: the editor's formatting commands on Markdown text.
 *
 * Cases are written as the text with the selection in braces, "{bold}", or the cursor as
 * a bar, "bo|ld" (none of the texts holds a brace or a bar of its own).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-markdown-edit.h"

/* @spec without its markers, and the selection they stand for, in characters. */
static char *
parse (const char *spec, glong *start, glong *end)
{
  GString *text = g_string_new (NULL);

  *start = *end = -1;
  for (const char *p = spec; *p; p++)
    {
      glong at = g_utf8_strlen (text->str, -1);
      if (*p == '|')
        *start = *end = at;
      else if (*p == '{')
        *start = at;
      else if (*p == '}')
        *end = at;
      else
        g_string_append_c (text, *p);
    }
  g_assert_cmpint (*start, >=, 0);
  g_assert_cmpint (*end, >=, *start);
  return g_string_free (text, FALSE);
}

static char *
render (const PortadaMarkdownEdit *edit)
{
  const char *a = g_utf8_offset_to_pointer (edit->text, edit->start);
  const char *b = g_utf8_offset_to_pointer (edit->text, edit->end);

  g_assert_cmpint (edit->start, <=, edit->end);
  g_assert_cmpint (edit->end, <=, g_utf8_strlen (edit->text, -1));
  if (a == b)
    return g_strdup_printf ("%.*s|%s", (int) (a - edit->text), edit->text, a);
  return g_strdup_printf ("%.*s{%.*s}%s", (int) (a - edit->text), edit->text, (int) (b - a), a, b);
}

typedef struct
{
  const char *before, *after;
} Case;

static void
check_inline (PortadaInlineStyle style, const Case *cases, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      glong s, e;
      g_autofree char *text = parse (cases[i].before, &s, &e);
      g_autoptr (PortadaMarkdownEdit) edit = portada_markdown_toggle_inline (text, s, e, style);
      g_autofree char *got = render (edit);

      if (g_strcmp0 (got, cases[i].after) != 0)
        g_printerr ("# style %d on “%s”\n", style, cases[i].before);
      g_assert_cmpstr (got, ==, cases[i].after);
    }
}

static void
test_bold_selection (void)
{
  const Case cases[] = {
    { "a {word} here", "a **{word}** here" },
    { "a **{word}** here", "a {word} here" }, /* markers just outside */
    { "a {**word**} here", "a {word} here" }, /* markers inside */
    { "a {word }here", "a **{word}** here" }, /* the space stays out */
    { "{word}", "**{word}**" },               /* at the start and end of the text */
    { "{Año récord}", "**{Año récord}**" },   /* multibyte */
    { "**{Año récord}**", "{Año récord}" },
    { "a __{word}__ b", "a {word} b" },     /* the other spelling */
    { "*{word}*", "***{word}***" },         /* italic becomes bold italic */
    { "***{word}***", "*{word}*" },         /* bold italic becomes italic */
    { "{one\ntwo}", "**{one**\n**two}**" }, /* each line on its own */
    { "**{one**\n**two}**", "{one\ntwo}" },
    { "{one\r\ntwo}", "**{one**\r\n**two}**" }, /* CRLF */
    { "**{one**\r\n**two}**", "{one\r\ntwo}" },
    { "{one\n\ntwo}", "**{one**\n\n**two}**" }, /* blank lines are left alone */
    { "**{one**\ntwo}", "**{one**\n**two}**" }, /* not all bold: all become bold */
  };

  check_inline (PORTADA_INLINE_BOLD, cases, G_N_ELEMENTS (cases));
}

static void
test_bold_cursor (void)
{
  const Case cases[] = {
    { "|", "**|**" },               /* empty text */
    { "a |", "a **|**" },           /* bold for what is typed next */
    { "a **|**", "a |" },           /* the empty pair goes */
    { "a **xyz|**", "a **xyz**|" }, /* steps out past the closing marker */
    { "a **xyz**after|", "a **xyz**after**|**" },
    { "a **xyz**|", "a **xyz|**" },           /* back in */
    { "a **ab|cd** e", "a **ab**|**cd** e" }, /* splits the span */
    { "a **abc|", "a **abc**|" },             /* an open span is closed */
    { "a **|", "a |" },                       /* an opened marker with nothing goes */
    { "a **|xyz**", "a |**xyz**" },           /* before the opening marker */
    { "ñandú **ñu|**", "ñandú **ñu**|" },     /* multibyte */
    { "x\r\n**ab|**\r\ny", "x\r\n**ab**|\r\ny" },
    { "**a**\n|", "**a**\n**|**" }, /* a span on another line does not count */
    { "{ }", " **|**" },            /* only spaces selected */
  };

  check_inline (PORTADA_INLINE_BOLD, cases, G_N_ELEMENTS (cases));
}

/* Ctrl+B, type, Ctrl+B, type, Ctrl+B, Ctrl+B: what the issue saw nest. */
static void
test_bold_typing_sequence (void)
{
  g_autoptr (PortadaMarkdownEdit) a
      = portada_markdown_toggle_inline ("", 0, 0, PORTADA_INLINE_BOLD);
  g_autoptr (PortadaMarkdownEdit) b = NULL;
  g_autoptr (PortadaMarkdownEdit) c = NULL;
  g_autoptr (PortadaMarkdownEdit) d = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *typed2 = NULL;

  g_assert_cmpstr (a->text, ==, "****");
  typed = g_strdup ("**xyz**");
  b = portada_markdown_toggle_inline (typed, 5, 5, PORTADA_INLINE_BOLD);
  g_assert_cmpstr (b->text, ==, "**xyz**");
  g_assert_cmpint (b->start, ==, 7);
  typed2 = g_strconcat (b->text, "after", NULL);
  c = portada_markdown_toggle_inline (typed2, 12, 12, PORTADA_INLINE_BOLD);
  g_assert_cmpstr (c->text, ==, "**xyz**after****");
  d = portada_markdown_toggle_inline (c->text, c->start, c->end, PORTADA_INLINE_BOLD);
  g_assert_cmpstr (d->text, ==, "**xyz**after");
  g_assert_cmpint (d->start, ==, 12);
}

static void
test_italic (void)
{
  const Case cases[] = {
    { "a {word} b", "a _{word}_ b" },
    { "a _{word}_ b", "a {word} b" },
    { "a *{word}* b", "a {word} b" },
    { "a {*word*} b", "a {word} b" },
    { "a **{word}** b", "a **_{word}_** b" }, /* bold is not italic */
    { "in{side}word", "in*{side}*word" },     /* "_" is not emphasis inside a word */
    { "a |", "a _|_" },
    { "a _|_", "a |" },
    { "a _xy|_", "a _xy_|" },
    { "a **b** _c|", "a **b** _c_|" },
    { "word|", "word*|*" },
  };

  check_inline (PORTADA_INLINE_ITALIC, cases, G_N_ELEMENTS (cases));
}

static void
test_strikethrough_and_code (void)
{
  const Case strike[] = {
    { "a {gone} b", "a ~~{gone}~~ b" },
    { "a ~~{gone}~~ b", "a {gone} b" },
    { "a ~{gone}~ b", "a ~~~{gone}~~~ b" },
    { "|", "~~|~~" },
    { "~~|~~", "|" },
    { "~~x|~~", "~~x~~|" },
  };
  const Case code[] = {
    { "run {ls} now", "run `{ls}` now" },
    { "run `{ls}` now", "run {ls} now" },
    { "run {`ls`} now", "run {ls} now" },
    { "|", "`|`" },
    { "`|`", "|" },
    { "`ls|`", "`ls`|" },
  };

  check_inline (PORTADA_INLINE_STRIKETHROUGH, strike, G_N_ELEMENTS (strike));
  check_inline (PORTADA_INLINE_CODE, code, G_N_ELEMENTS (code));
}

static void
check_block (PortadaBlockStyle style, const Case *cases, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      glong s, e;
      g_autofree char *text = parse (cases[i].before, &s, &e);
      g_autoptr (PortadaMarkdownEdit) edit = portada_markdown_toggle_block (text, s, e, style);
      g_autofree char *got = render (edit);

      if (g_strcmp0 (got, cases[i].after) != 0)
        g_printerr ("# block %d on “%s”\n", style, cases[i].before);
      g_assert_cmpstr (got, ==, cases[i].after);
    }
}

static void
test_bullets (void)
{
  const Case cases[] = {
    { "|", "- |" },             /* an empty text */
    { "a\n|\nb", "a\n- |\nb" }, /* an empty line */
    { "- |", "|" },             /* toggled off */
    { "wo|rd", "- wo|rd" },
    { "- wo|rd", "wo|rd" },
    { "* wo|rd", "wo|rd" },             /* the other spelling */
    { "{one\ntwo}", "- {one\n- two}" }, /* a selection over lines */
    { "- {one\n- two}", "{one\ntwo}" },
    { "{one\n\ntwo}", "- {one\n\n- two}" },           /* blank lines stay blank */
    { "{one\ntwo\n}three", "- {one\n- two\n}three" }, /* the line after the end is left out */
    { "- {one\ntwo}", "- {one\n- two}" },             /* not all: all become items */
    { "1. {one\n2. two}", "- {one\n- two}" },         /* numbers become bullets */
    { "> {quoted}", "> - {quoted}" },
    { "{one\r\ntwo}", "- {one\r\n- two}" }, /* CRLF */
    { "---|", "- ---|" },                   /* a rule is not an item */
    { "ñ|", "- ñ|" },
  };

  check_block (PORTADA_BLOCK_BULLETS, cases, G_N_ELEMENTS (cases));
}

static void
test_numbers (void)
{
  const Case cases[] = {
    { "|", "1. |" },
    { "1. |", "|" },
    { "{a\nb\nc}", "1. {a\n2. b\n3. c}" },
    { "1. {a\n2. b\n3. c}", "{a\nb\nc}" },
    { "- {a\n- b}", "1. {a\n2. b}" },
    { "3. {a\nb}", "1. {a\n2. b}" }, /* renumbered */
    { "12) x|", "x|" },
  };

  check_block (PORTADA_BLOCK_NUMBERS, cases, G_N_ELEMENTS (cases));
}

static void
test_quote (void)
{
  const Case cases[] = {
    { "|", "> |" },
    { "> |", "|" },
    { "say| it", "> say| it" },
    { "{a\nb}", "> {a\n> b}" },
    { "> {a\n> b}", "{a\nb}" },
    { ">{a}", "{a}" },
    { "- {item}", "> - {item}" },
  };

  check_block (PORTADA_BLOCK_QUOTE, cases, G_N_ELEMENTS (cases));
}

static void
test_heading (void)
{
  const struct
  {
    int level;
    const char *before, *after;
  } cases[] = {
    { 2, "|", "## |" },
    { 2, "## |", "|" },
    { 1, "Ti|tle", "# Ti|tle" },
    { 1, "# Ti|tle", "Ti|tle" },
    { 3, "# Ti|tle", "### Ti|tle" },
    { 0, "### Ti|tle", "Ti|tle" },
    { 0, "Ti|tle", "Ti|tle" },
    { 2, "{a\nb}", "## {a\n## b}" },
    { 2, "#hashtag|", "## #hashtag|" },
    { 9, "x|", "###### x|" },
    { 1, "{Año\r\nTítulo}", "# {Año\r\n# Título}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong s, e;
      g_autofree char *text = parse (cases[i].before, &s, &e);
      g_autoptr (PortadaMarkdownEdit) edit
          = portada_markdown_set_heading (text, s, e, cases[i].level);
      g_autofree char *got = render (edit);
      g_assert_cmpstr (got, ==, cases[i].after);
    }
}

static void
test_newline (void)
{
  const Case cases[] = {
    { "- one|", "- one\n- |" },
    { "* one|", "* one\n* |" },
    { "1. one|", "1. one\n2. |" },
    { "9) one|", "9) one\n10) |" },
    { "- [x] done|", "- [x] done\n- [ ] |" },
    { "- [ ] todo|", "- [ ] todo\n- [ ] |" },
    { "> said|", "> said\n> |" },
    { ">said|", ">said\n> |" },
    { "> - in a quote|", "> - in a quote\n> - |" },
    { "  - nested|", "  - nested\n  - |" },
    { "- one|\n- two", "- one\n- |\n- two" },
    { "- on|e", "- on\n- |e" },        /* splits the item */
    { "- one| two", "- one\n- |two" }, /* without the space */
    { "- one\n- |", "- one\n|" },      /* an empty item ends the list */
    { "1. one\n2. |", "1. one\n|" },
    { "- [ ] |", "|" },
    { "> |", "|" }, /* an empty quote line ends the quote */
    { "> - |", "> |" },
    { "- one|\r\nx", "- one\r\n- |\r\nx" }, /* CRLF */
    { "x\r\n- one|", "x\r\n- one\r\n- |" },
    { "- ñandú|", "- ñandú\n- |" },
  };
  const char *plain[] = { "plain|", "|- one", "-| one", "---|", "**bold**|", "# Heading|", "|" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong s, e;
      g_autofree char *text = parse (cases[i].before, &s, &e);
      g_autoptr (PortadaMarkdownEdit) edit = portada_markdown_newline (text, s);
      g_autofree char *got = NULL;

      if (edit == NULL)
        g_printerr ("# newline on “%s”\n", cases[i].before);
      g_assert_nonnull (edit);
      got = render (edit);
      g_assert_cmpstr (got, ==, cases[i].after);
    }
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      glong s, e;
      g_autofree char *text = parse (plain[i], &s, &e);
      g_autoptr (PortadaMarkdownEdit) edit = portada_markdown_newline (text, s);

      if (edit != NULL)
        g_printerr ("# newline on “%s” gave “%s”\n", plain[i], edit->text);
      g_assert_null (edit);
    }
}

static void
test_link (void)
{
  const struct
  {
    const char *before, *label, *url, *after;
  } cases[] = {
    { "see {this} page", "this", "https://a.org", "see [this](https://a.org)| page" },
    { "see | page", "", "https://a.org", "see [https://a.org](https://a.org)| page" },
    { "see {this}", NULL, "https://a.org", "see [this](https://a.org)|" },
    { "|", "a [b] c", "https://a.org/x y(1)", "[a \\[b\\] c](https://a.org/x%20y%281%29)|" },
    { "{two\nlines}", NULL, "https://a.org", "[two lines](https://a.org)|" },
    { "{ñu}", "ñu", "https://a.org", "[ñu](https://a.org)|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong s, e;
      g_autofree char *text = parse (cases[i].before, &s, &e);
      g_autoptr (PortadaMarkdownEdit) edit
          = portada_markdown_insert_link (text, s, e, cases[i].label, cases[i].url);
      g_autofree char *got = render (edit);
      g_assert_cmpstr (got, ==, cases[i].after);
    }
}

static void
test_image (void)
{
  const struct
  {
    const char *before, *alt, *after;
  } cases[] = {
    { "|", "A dog", "![A dog](media/x)\n\n|" },
    { "text|", "A dog", "text\n\n![A dog](media/x)\n\n|" },
    { "one\n\n|\n\ntwo", "A [dog]", "one\n\n![A \\[dog\\]](media/x)|\n\ntwo" },
    { "para\n|", "", "para\n\n![](media/x)\n\n|" },
    { "{gone}", "Perro ñu", "![Perro ñu](media/x)\n\n|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong s, e;
      g_autofree char *text = parse (cases[i].before, &s, &e);
      g_autoptr (PortadaMarkdownEdit) edit
          = portada_markdown_insert_image (text, s, e, cases[i].alt, "media/x");
      g_autofree char *got = render (edit);
      g_assert_cmpstr (got, ==, cases[i].after);
    }
}

/* Offsets out of range, reversed, NULL and invalid text never crash. */
static void
test_bad_input (void)
{
  g_autoptr (PortadaMarkdownEdit) a
      = portada_markdown_toggle_inline ("abc", 10, -4, PORTADA_INLINE_BOLD);
  g_autoptr (PortadaMarkdownEdit) b
      = portada_markdown_toggle_inline (NULL, 0, 0, PORTADA_INLINE_CODE);
  g_autoptr (PortadaMarkdownEdit) c
      = portada_markdown_toggle_block ("a\xff b", 0, 99, PORTADA_BLOCK_QUOTE);
  g_autoptr (PortadaMarkdownEdit) d = portada_markdown_set_heading ("", -1, -1, 2);
  g_autoptr (PortadaMarkdownEdit) e = portada_markdown_newline ("- a", 99);
  g_autoptr (PortadaMarkdownEdit) f
      = portada_markdown_toggle_inline ("abc", 3, 0, PORTADA_INLINE_BOLD);

  g_assert_cmpstr (a->text, ==, "**abc**");
  g_assert_cmpstr (b->text, ==, "``");
  g_assert_true (g_utf8_validate (c->text, -1, NULL));
  g_assert_true (g_str_has_prefix (c->text, "> "));
  g_assert_cmpstr (d->text, ==, "## ");
  g_assert_cmpstr (e->text, ==, "- a\n- ");
  g_assert_cmpstr (f->text, ==, "**abc**");
  g_assert_cmpint (f->start, ==, 2);
  g_assert_cmpint (f->end, ==, 5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/markdown-edit/bold/selection", test_bold_selection);
  g_test_add_func ("/markdown-edit/bold/cursor", test_bold_cursor);
  g_test_add_func ("/markdown-edit/bold/typing", test_bold_typing_sequence);
  g_test_add_func ("/markdown-edit/italic", test_italic);
  g_test_add_func ("/markdown-edit/strikethrough-code", test_strikethrough_and_code);
  g_test_add_func ("/markdown-edit/bullets", test_bullets);
  g_test_add_func ("/markdown-edit/numbers", test_numbers);
  g_test_add_func ("/markdown-edit/quote", test_quote);
  g_test_add_func ("/markdown-edit/heading", test_heading);
  g_test_add_func ("/markdown-edit/newline", test_newline);
  g_test_add_func ("/markdown-edit/link", test_link);
  g_test_add_func ("/markdown-edit/image", test_image);
  g_test_add_func ("/markdown-edit/bad-input", test_bad_input);
  return g_test_run ();
}
