/* portada-markdown-view.h: the body editor, a GtkSourceView that knows Markdown.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define PORTADA_TYPE_MARKDOWN_VIEW (portada_markdown_view_get_type ())
G_DECLARE_FINAL_TYPE (PortadaMarkdownView, portada_markdown_view, PORTADA, MARKDOWN_VIEW,
                      GtkSourceView)

/* Text wider than this is hard to read: the view keeps its column narrower. */
#define PORTADA_MARKDOWN_VIEW_MAX_WIDTH 760

GtkWidget *portada_markdown_view_new (void);
/* A new buffer with Markdown highlighting and the style of the desktop. */
GtkSourceBuffer *portada_markdown_buffer_new (void);

/* Puts @before/@after around the selection, or takes them away when they are already
 * there; with no selection inserts @placeholder between them, selected. */
void portada_markdown_view_toggle_inline (PortadaMarkdownView *self, const char *before,
                                          const char *after, const char *placeholder);
/* Headings: level 1..6 sets "# "..., level 0 removes any heading mark. */
void portada_markdown_view_set_heading (PortadaMarkdownView *self, int level);
/* Starts every line of the selection with @prefix ("> ", "- ", "1. " numbers them), or
 * removes it when all lines have it already. */
void portada_markdown_view_toggle_line_prefix (PortadaMarkdownView *self, const char *prefix);
/* Replaces the selection by a link, [text](url). */
void portada_markdown_view_insert_link (PortadaMarkdownView *self, const char *text,
                                        const char *url);
/* An image on a line of its own: ![alt](url). */
void portada_markdown_view_insert_image (PortadaMarkdownView *self, const char *alt,
                                         const char *url);
/* The selected text, or NULL. */
char *portada_markdown_view_get_selected_text (PortadaMarkdownView *self);
/* Cursor position in characters, and placing it (scrolled into view). */
int portada_markdown_view_get_cursor (PortadaMarkdownView *self);
void portada_markdown_view_place_cursor (PortadaMarkdownView *self, int offset);

G_END_DECLS
