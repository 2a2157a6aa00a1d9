/* portada-markdown-edit.h: what the editor's formatting commands do to Markdown text.
 * No GTK here: a text and a selection go in, the new text and selection come out, and the
 * editor applies the difference as one step of its undo history.
 *
 * Offsets are in characters (as GtkTextBuffer counts them), the selection is [start, end)
 * (start == end is the cursor). Lines end with "\n", "\r\n" or "\r".
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *text;  /* the whole text after the edit */
  glong start; /* the selection afterwards */
  glong end;
} PortadaMarkdownEdit;

typedef enum
{
  PORTADA_INLINE_BOLD,          /* **text** (also __text__ when taking it away) */
  PORTADA_INLINE_ITALIC,        /* _text_ (also *text*) */
  PORTADA_INLINE_STRIKETHROUGH, /* ~~text~~ */
  PORTADA_INLINE_CODE,          /* `text` */
} PortadaInlineStyle;

typedef enum
{
  PORTADA_BLOCK_QUOTE,   /* "> " */
  PORTADA_BLOCK_BULLETS, /* "- " (also "* ", "+ " when taking it away) */
  PORTADA_BLOCK_NUMBERS, /* "1. ", "2. "… */
} PortadaBlockStyle;

void portada_markdown_edit_free (PortadaMarkdownEdit *edit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaMarkdownEdit, portada_markdown_edit_free)

/* With a selection: wraps it in the style's markers, or takes them away when they are
 * already there (inside the selection or just around it); each line of the selection on its
 * own, leading and trailing spaces left out. With the cursor: starts the style for what is
 * typed next (the cursor between a pair of markers), or, inside the style, ends it (steps
 * past the closing marker, takes an empty pair away, or splits the span). */
PortadaMarkdownEdit *portada_markdown_toggle_inline (const char *text, glong start, glong end,
                                                     PortadaInlineStyle style);

/* Every line the selection touches (the cursor's line when there is none) becomes a quote or
 * a list item; when all of them already are, they stop being one. Blank lines are left alone
 * unless the cursor is on one. Numbered items are numbered from 1. */
PortadaMarkdownEdit *portada_markdown_toggle_block (const char *text, glong start, glong end,
                                                    PortadaBlockStyle style);

/* Headings: level 1..6 makes the lines headings of that level, or plain again when they all
 * are headings of that level already; level 0 makes them plain. */
PortadaMarkdownEdit *portada_markdown_set_heading (const char *text, glong start, glong end,
                                                   int level);

/* What Enter does at @cursor: in a list item or a quote, a new item ("1. " gives "2. ", a
 * task gives "- [ ] ") or quote line; on an empty item, the end of the list (its marker
 * taken away). NULL when Enter is a plain new line. */
PortadaMarkdownEdit *portada_markdown_newline (const char *text, glong cursor);

/* Replaces the selection by [label](url): @label, or else the selection, or else @url. */
PortadaMarkdownEdit *portada_markdown_insert_link (const char *text, glong start, glong end,
                                                   const char *label, const char *url);

/* Replaces the selection by ![alt](url) in a paragraph of its own. */
PortadaMarkdownEdit *portada_markdown_insert_image (const char *text, glong start, glong end,
                                                    const char *alt, const char *url);

G_END_DECLS
