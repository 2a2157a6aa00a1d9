/* portada-slug.h: URL slugs from titles.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PORTADA_SLUG_MAX 80

/* Lowercase ASCII transliteration: "Cervecería Centroamericana" gives
 * "cerveceria-centroamericana". Never empty: a title with nothing to keep gives "article". */
char *portada_slug_from_title (const char *title);

/* "foo" -> "foo-2", "foo-2" -> "foo-3" within PORTADA_SLUG_MAX. */
char *portada_slug_with_suffix (const char *slug, int n);

gboolean portada_slug_is_valid (const char *slug);

/* Whether @slug is what a title gives, "foo", or that with a number to tell it
 * from another, "foo-2": a slug nobody typed. */
gboolean portada_slug_is_derived (const char *slug, const char *title);

G_END_DECLS
