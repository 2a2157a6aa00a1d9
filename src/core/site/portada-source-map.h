/* portada-source-map.h: which lines of a Markdown text each block of its page comes from.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first line (0-based) of each top-level block of @markdown, in order: one for each
 * element portada_markdown_to_html() makes at the top level (paragraph, heading, list,
 * quote, code block, rule, table; a raw HTML block counts as one). md4c gives no source
 * positions: the line is that of the block's first text, which md4c hands over as a
 * pointer into the source; a block without text (a rule) takes the line after the
 * block before it. The preview marks the body's elements with these lines (never the
 * exported site) to show the part of the page that is at the top of the editor. */
GArray *portada_markdown_block_lines (const char *markdown);

G_END_DECLS
