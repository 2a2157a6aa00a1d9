/* fuzz-page.c: the page renderer fed a random article: the input is split at
 * NUL bytes into its fields.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "portada-article.h"
#include "portada-page.h"

static char *
field (const uint8_t **p, const uint8_t *end)
{
  const uint8_t *start = *p;
  const uint8_t *nul = memchr (start, '\0', end - start);
  const uint8_t *stop = nul ? nul : end;
  char *text = g_strndup ((const char *) start, stop - start);

  *p = nul ? nul + 1 : end;
  return text;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  PortadaNewsroom *nr = fuzz_newsroom ();
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autoptr (GError) error = NULL;
  const uint8_t *p = data, *end = data + size;
  PortadaRenderOptions options
      = { "2024-05-01", size % 2 ? PORTADA_ASSETS_EXPORT : PORTADA_ASSETS_PREVIEW };
  char **fields[] = { &a->title,   &a->subtitle,    &a->body,       &a->author,
                      &a->excerpt, &a->source_name, &a->source_url, &a->slug };
  g_autofree char *html = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (*fields[i]);
      *fields[i] = field (&p, end);
    }
  a->status = size % 4;
  a->publish_at = size > 8 ? (gint64) (data[size - 1] | data[size - 2] << 8) * 86400 : 0;
  a->created_at = 1700000000;
  html = portada_page_render_article (nr, a, &options, &error);
  if (html == NULL)
    g_assert (error != NULL);
  fuzz_assert_no_script (html);
  return 0;
}
