/* portada-markdown.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <md4c-html.h>
#include <md4c.h>
#include <string.h>

#include "portada-markdown.h"
#include "portada-sanitizer.h"

#define PARSER_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH)

static void
append_output (const MD_CHAR *text, MD_SIZE size, void *user_data)
{
  g_string_append_len (user_data, text, size);
}

static char *
to_html (const char *markdown, PortadaSanitizeFlags flags)
{
  g_autofree char *valid = g_utf8_make_valid (markdown ? markdown : "", -1);
  g_autoptr (GString) html = g_string_sized_new (strlen (valid) + strlen (valid) / 4 + 64);

  if (md_html (valid, (MD_SIZE) strlen (valid), append_output, html, PARSER_FLAGS,
               MD_HTML_FLAG_SKIP_UTF8_BOM)
      != 0)
    {
      /* md4c only fails on running out of memory: show the text, escaped. */
      g_autofree char *escaped = g_markup_escape_text (valid, -1);
      g_string_assign (html, "<pre>");
      g_string_append (html, escaped);
      g_string_append (html, "</pre>");
    }
  return portada_sanitize_html_full (html->str, flags);
}

char *
portada_markdown_to_html (const char *markdown)
{
  return to_html (markdown, PORTADA_SANITIZE_DEFAULT);
}

char *
portada_markdown_to_page_html (const char *markdown)
{
  return to_html (markdown, PORTADA_SANITIZE_REMOTE_IMAGES_AS_LINKS);
}

typedef struct
{
  GString *text;
  guint words;
  guint max_words;
  gboolean in_word;
  gboolean more; /* text beyond max_words */
  int html_depth;
} Excerpt;

static void
excerpt_space (Excerpt *e)
{
  if (e->text->len && e->text->str[e->text->len - 1] != ' ')
    g_string_append_c (e->text, ' ');
  e->in_word = FALSE;
}

static int
excerpt_block (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  excerpt_space (user_data);
  return 0;
}

static int
excerpt_span (MD_SPANTYPE type, void *detail, void *user_data)
{
  return 0;
}

static int
excerpt_text (MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user_data)
{
  Excerpt *e = user_data;
  const char *end = text + size;

  if (type == MD_TEXT_HTML || type == MD_TEXT_LATEXMATH)
    return 0; /* raw HTML tags are not text */
  if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR)
    {
      excerpt_space (e);
      return 0;
    }
  if (type == MD_TEXT_NULLCHAR)
    return 0;
  if (type == MD_TEXT_ENTITY)
    {
      /* &amp; and friends: the common ones, as characters. */
      const char *c = size == 5 && memcmp (text, "&amp;", 5) == 0    ? "&"
                      : size == 4 && memcmp (text, "&lt;", 4) == 0   ? "<"
                      : size == 4 && memcmp (text, "&gt;", 4) == 0   ? ">"
                      : size == 6 && memcmp (text, "&nbsp;", 6) == 0 ? " "
                      : size == 6 && memcmp (text, "&quot;", 6) == 0 ? "\""
                                                                     : "";
      text = c;
      end = c + strlen (c);
    }
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = g_unichar_isspace (c);

      if (space)
        {
          if (e->in_word)
            excerpt_space (e);
          continue;
        }
      if (!e->in_word)
        {
          if (e->words == e->max_words)
            {
              e->more = TRUE;
              return 1; /* stop parsing: enough words */
            }
          e->words++;
          e->in_word = TRUE;
        }
      g_string_append_unichar (e->text, c);
    }
  return 0;
}

char *
portada_markdown_excerpt (const char *markdown, guint max_words, gboolean always_ellipsis)
{
  g_autofree char *valid = g_utf8_make_valid (markdown ? markdown : "", -1);
  Excerpt e = { g_string_new (NULL), 0, max_words, FALSE, FALSE, 0 };
  MD_PARSER parser = { 0 };

  parser.flags = PARSER_FLAGS;
  parser.enter_block = excerpt_block;
  parser.leave_block = excerpt_block;
  parser.enter_span = excerpt_span;
  parser.leave_span = excerpt_span;
  parser.text = excerpt_text;
  md_parse (valid, (MD_SIZE) strlen (valid), &parser, &e);

  while (e.text->len && e.text->str[e.text->len - 1] == ' ')
    g_string_truncate (e.text, e.text->len - 1);
  if (e.text->len && e.text->str[0] == ' ')
    g_string_erase (e.text, 0, 1);
  if (e.more || (always_ellipsis && e.text->len))
    {
      /* No "...." when the sentence already ends in a full stop. */
      while (e.text->len && strchr (".,;:", e.text->str[e.text->len - 1]))
        g_string_truncate (e.text, e.text->len - 1);
      g_string_append (e.text, "...");
    }
  return g_string_free (e.text, FALSE);
}
