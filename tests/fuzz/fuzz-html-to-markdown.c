/* fuzz-html-to-markdown.c: HTML (as WordPress stores it) to Markdown and text;
 * the Markdown rendered again carries no script.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "portada-html-to-markdown.h"
#include "portada-markdown.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *html = g_strndup ((const char *) data, size);
  g_autoptr (GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *autop = portada_wp_autop (html);
  g_autofree char *markdown = portada_html_to_markdown (autop ? autop : html, dropped);
  g_autofree char *text = portada_html_to_text (html);
  g_autofree char *again = markdown ? portada_markdown_to_html (markdown) : NULL;

  fuzz_assert_no_script (again);
  return 0;
}
