/* portada-markdown.h: an article body (Markdown) to safe HTML.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CommonMark plus tables and strikethrough (md4c), then passed through
 * portada_sanitize_html(). Never NULL; invalid UTF-8 is made valid first. */
char *portada_markdown_to_html (const char *markdown);

/* The same for a page readers see, the site's and the preview's alike: a remote
 * image is a link to it, never loaded (portada_sanitize_remote_images()). */
char *portada_markdown_to_page_html (const char *markdown);

/* The plain text of the first @max_words words of @markdown (markup left out,
 * blocks separated by a space), followed by "..." when the text is longer or
 * @always_ellipsis. Never NULL. */
char *portada_markdown_excerpt (const char *markdown, guint max_words, gboolean always_ellipsis);

G_END_DECLS
