/* portada-slug.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-slug.h"

char *
portada_slug_from_title (const char *title)
{
  g_autofree char *valid = NULL;
  g_autofree char *ascii = NULL;
  GString *slug;

  if (title == NULL)
    return g_strdup ("article");

  valid = g_utf8_make_valid (title, -1);
  /* The "C" locale keeps transliteration the same on every machine. */
  ascii = g_str_to_ascii (valid, "C");
  slug = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p && slug->len < PORTADA_SLUG_MAX; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (*p == '\'')
        continue; /* "Women's" gives "womens", not "women-s". */
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    {
      g_string_free (slug, TRUE);
      return g_strdup ("article");
    }
  return g_string_free (slug, FALSE);
}

char *
portada_slug_with_suffix (const char *slug, int n)
{
  g_autofree char *suffix = g_strdup_printf ("-%d", n);
  gsize keep = MIN (strlen (slug), PORTADA_SLUG_MAX - strlen (suffix));
  g_autofree char *head = g_strndup (slug, keep);

  while (keep > 0 && head[keep - 1] == '-')
    head[--keep] = '\0';
  return g_strconcat (head, suffix, NULL);
}

gboolean
portada_slug_is_valid (const char *slug)
{
  gsize len;

  if (slug == NULL || *slug == '\0')
    return FALSE;
  len = strlen (slug);
  if (len > PORTADA_SLUG_MAX || slug[0] == '-' || slug[len - 1] == '-')
    return FALSE;
  for (const char *p = slug; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || (*p == '-' && p[1] != '-')))
      return FALSE;
  return TRUE;
}

gboolean
portada_slug_is_derived (const char *slug, const char *title)
{
  g_autofree char *base = portada_slug_from_title (title);
  gsize n = strlen (base);
  const char *rest;

  if (slug == NULL || strncmp (slug, base, n) != 0)
    return FALSE;
  rest = slug + n;
  if (*rest == '\0')
    return TRUE;
  if (*rest++ != '-' || *rest == '\0')
    return FALSE;
  for (; *rest; rest++)
    if (!g_ascii_isdigit (*rest))
      return FALSE;
  return TRUE;
}
