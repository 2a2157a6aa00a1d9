/* fuzz-text.c: what the core makes of any text a user types or pastes into a
 * title or a body: the slug, the word count, the field checks.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "portada-article.h"
#include "portada-slug.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* Text reaches the core as a C string: up to the first NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *slug = portada_slug_from_title (text);
  g_autofree char *suffixed = portada_slug_with_suffix (slug, 1 + size % 1000);
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autoptr (GError) error = NULL;

  if (!portada_slug_is_valid (slug) || !portada_slug_is_valid (suffixed))
    g_error ("invalid slug “%s” / “%s”", slug, suffixed);
  portada_reading_time_minutes (portada_text_count_words (text));

  g_free (a->title);
  a->title = g_strdup (text);
  g_free (a->body);
  a->body = g_strdup (text);
  a->source_url = g_strdup (text);
  if (portada_article_validate (a, &error))
    {
      /* Accepted: so it is UTF-8 and, when set, a web address. */
      g_assert (g_utf8_validate (text, -1, NULL));
    }
  else
    g_assert (error != NULL && error->message != NULL
              && g_utf8_validate (error->message, -1, NULL));
  return 0;
}
