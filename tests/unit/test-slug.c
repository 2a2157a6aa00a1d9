/* test-slug.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-slug.h"

static void
test_from_title (void)
{
  const struct
  {
    const char *title, *slug;
  } cases[] = {
    { "US, Latin America Seek to Boost Cybersecurity",
      "us-latin-america-seek-to-boost-cybersecurity" },
    { "Cervecería Centroamericana", "cerveceria-centroamericana" },
    { "¿Qué pasó en Panamá? Año récord", "que-paso-en-panama-ano-record" },
    { "Women's Business Forum", "womens-business-forum" },
    { "  --Hello__World--  ", "hello-world" },
    { "Barbados Airport Receives 54 Flights in One Day",
      "barbados-airport-receives-54-flights-in-one-day" },
    { "ÀÉÎÕÜ ñ ç ß", "aeiou-n-c-ss" },
    { "", "article" },
    { "!!!", "article" },
    { "日本語", "article" },
    /* Right-to-left marks and zero-width joiners vanish; they never hide in a URL. */
    { "pay\u200Bpal\u202Egro.evil", "paypal-gro-evil" },
    { "Invalid \xff UTF-8", "invalid-utf-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = portada_slug_from_title (cases[i].title);
      g_assert_cmpstr (slug, ==, cases[i].slug);
      g_assert_true (portada_slug_is_valid (slug));
    }
}

static void
test_homoglyphs_are_ascii (void)
{
  /* Cyrillic "а" and "е" look like Latin letters: the slug is plain ASCII whatever they become. */
  g_autofree char *slug = portada_slug_from_title ("Pаypаl sеcurity");

  for (const char *p = slug; *p; p++)
    g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
  g_assert_true (portada_slug_is_valid (slug));
}

static void
test_long_title (void)
{
  g_autoptr (GString) title = g_string_new (NULL);
  g_autofree char *slug = NULL;
  g_autofree char *suffixed = NULL;

  for (int i = 0; i < 100; i++)
    g_string_append (title, "word ");
  slug = portada_slug_from_title (title->str);
  g_assert_cmpuint (strlen (slug), <=, PORTADA_SLUG_MAX);
  g_assert_true (portada_slug_is_valid (slug));
  suffixed = portada_slug_with_suffix (slug, 12);
  g_assert_cmpuint (strlen (suffixed), <=, PORTADA_SLUG_MAX);
  g_assert_true (g_str_has_suffix (suffixed, "-12"));
  g_assert_true (portada_slug_is_valid (suffixed));
}

static void
test_validity (void)
{
  g_assert_true (portada_slug_is_valid ("a-b-2"));
  g_assert_false (portada_slug_is_valid (""));
  g_assert_false (portada_slug_is_valid ("-a"));
  g_assert_false (portada_slug_is_valid ("a-"));
  g_assert_false (portada_slug_is_valid ("a--b"));
  g_assert_false (portada_slug_is_valid ("A"));
  g_assert_false (portada_slug_is_valid ("a/b"));
  g_assert_false (portada_slug_is_valid ("ñ"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/slug/from-title", test_from_title);
  g_test_add_func ("/slug/homoglyphs", test_homoglyphs_are_ascii);
  g_test_add_func ("/slug/long-title", test_long_title);
  g_test_add_func ("/slug/validity", test_validity);
  return g_test_run ();
}
