/* portada-markdown-view.h: the body editor, a GtkSourceView that knows Markdown.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "portada-markdown-edit.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_MARKDOWN_VIEW (portada_markdown_view_get_type ())
G_DECLARE_FINAL_TYPE (PortadaMarkdownView, portada_markdown_view, PORTADA, MARKDOWN_VIEW,
                      GtkSourceView)

/* Text wider than this is hard to read: the view keeps its column narrower. */
#define PORTADA_MARKDOWN_VIEW_MAX_WIDTH 760

GtkWidget *portada_markdown_view_new (void);
/* A new buffer with Markdown highlighting and the style of the desktop. */
GtkSourceBuffer *portada_markdown_buffer_new (void);

/* The formatting commands of portada-markdown-edit.h on the selection, each one step of
 * the undo history. */
void portada_markdown_view_toggle_inline (PortadaMarkdownView *self, PortadaInlineStyle style);
void portada_markdown_view_toggle_block (PortadaMarkdownView *self, PortadaBlockStyle style);
/* Headings: level 1..6 sets (or, when already so, takes away) "# "..., 0 removes any. */
void portada_markdown_view_set_heading (PortadaMarkdownView *self, int level);
/* Replaces the selection by a link, [text](url), the cursor after it. */
void portada_markdown_view_insert_link (PortadaMarkdownView *self, const char *text,
                                        const char *url);
/* An image in a paragraph of its own: ![alt](url). */
void portada_markdown_view_insert_image (PortadaMarkdownView *self, const char *alt,
                                         const char *url);
/* The selected text, or NULL. */
char *portada_markdown_view_get_selected_text (PortadaMarkdownView *self);
/* Cursor position in characters, and placing it (scrolled into view). */
int portada_markdown_view_get_cursor (PortadaMarkdownView *self);
void portada_markdown_view_place_cursor (PortadaMarkdownView *self, int offset);

G_END_DECLS
