/* fuzz-markdown.c: Markdown to sanitized HTML, and the excerpt.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "portada-markdown.h"
#include "portada-sanitizer.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *html = portada_markdown_to_html (text);
  g_autofree char *excerpt = portada_markdown_excerpt (text, 1 + size % 60, size % 2);
  g_autofree char *sanitized = portada_sanitize_html (text);

  g_assert (html != NULL && excerpt != NULL);
  fuzz_assert_no_script (html);
  fuzz_assert_no_script (sanitized);
  return 0;
}
