/* test-settings.c: the checks on a newsroom's settings, as the Preferences window
 * and the command line meet them.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-settings.h"
#include "portada-test-util.h"

static void
assert_refused (PortadaNewsroom *nr, const char *key, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = portada_settings_get (nr, key, NULL);
  g_autofree char *after = NULL;

  g_assert_false (portada_settings_check (key, value, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  /* The message names the setting. */
  g_assert_nonnull (strstr (error->message, key));
  g_clear_error (&error);
  g_assert_false (portada_settings_set (nr, key, value, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  after = portada_settings_get (nr, key, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
assert_stored (PortadaNewsroom *nr, const char *key, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (portada_settings_set (nr, key, value, &error));
  g_assert_no_error (error);
  stored = portada_settings_get (nr, key, &error);
  g_assert_cmpstr (stored, ==, value);
}

static void
test_base_url (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();

  assert_stored (nr, PORTADA_SETTING_BASE_URL, "https://revista.example.org");
  assert_stored (nr, PORTADA_SETTING_BASE_URL, "http://localhost:8080/sitio");
  assert_refused (nr, PORTADA_SETTING_BASE_URL, "");
  assert_refused (nr, PORTADA_SETTING_BASE_URL, "revista.example.org");
  assert_refused (nr, PORTADA_SETTING_BASE_URL, "https://");
  assert_refused (nr, PORTADA_SETTING_BASE_URL, "ftp://revista.example.org");
  assert_refused (nr, PORTADA_SETTING_BASE_URL, "javascript:alert(1)");
  assert_refused (nr, PORTADA_SETTING_BASE_URL, "https://revista example.org");
  assert_refused (nr, PORTADA_SETTING_BASE_URL, "mailto:editor@example.org");
}

static void
test_subscribe_url (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();

  assert_stored (nr, PORTADA_SETTING_SUBSCRIBE_URL, "https://revista.example.org/suscribase");
  assert_stored (nr, PORTADA_SETTING_SUBSCRIBE_URL, "mailto:suscripciones@example.org");
  assert_stored (nr, PORTADA_SETTING_SUBSCRIBE_URL, "");
  assert_refused (nr, PORTADA_SETTING_SUBSCRIBE_URL, "suscribase");
  assert_refused (nr, PORTADA_SETTING_SUBSCRIBE_URL, "mailto:nobody");
  assert_refused (nr, PORTADA_SETTING_SUBSCRIBE_URL, "javascript:void(0)");
}

static void
test_other_keys (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();

  assert_stored (nr, PORTADA_SETTING_COMMENTS_DEFAULT, "false");
  assert_stored (nr, PORTADA_SETTING_COMMENTS_DEFAULT, "true");
  assert_refused (nr, PORTADA_SETTING_COMMENTS_DEFAULT, "yes");
  assert_stored (nr, PORTADA_SETTING_PAGE_SIZE, "50");
  assert_refused (nr, PORTADA_SETTING_PAGE_SIZE, "0");
  assert_refused (nr, PORTADA_SETTING_PAGE_SIZE, "1001");
  assert_refused (nr, PORTADA_SETTING_PAGE_SIZE, "ten");
  assert_refused (nr, PORTADA_SETTING_PAGE_SIZE, "-5");
  assert_stored (nr, PORTADA_SETTING_SITE_TITLE, "Revista Portada");
  assert_refused (nr, PORTADA_SETTING_SITE_TITLE, "");
  assert_refused (nr, PORTADA_SETTING_SITE_TITLE, "  \t ");
  assert_refused (nr, PORTADA_SETTING_SITE_TITLE, "bad \xff utf8");
  /* Free text keys take any UTF-8. */
  assert_stored (nr, PORTADA_SETTING_DEFAULT_AUTHOR, "");
  assert_stored (nr, PORTADA_SETTING_DEFAULT_AUTHOR, "Redacción «Portada»");
}

static void
test_language_and_section_paths (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  PortadaLanguage es = { (char *) "es", (char *) "Español", (char *) "es" };
  g_autoptr (PortadaSection) section = portada_section_new ("business");
  const char *bad_paths[] = { "", "/es", "es/", "es//x", "../es", "es es", "es?x" };

  g_assert_true (portada_languages_save (nr, &es, 1, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad_paths); i++)
    {
      es.base_path = (char *) bad_paths[i];
      g_assert_false (portada_languages_save (nr, &es, 1, &error));
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
      g_clear_error (&error);

      portada_section_set_label (section, "es", "Economía", bad_paths[i]);
      g_assert_false (portada_sections_save (nr, section, &error));
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
      g_clear_error (&error);
    }
  portada_section_set_label (section, "es", "Economía", "noticias/economia");
  g_assert_true (portada_sections_save (nr, section, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settings/base-url", test_base_url);
  g_test_add_func ("/settings/subscribe-url", test_subscribe_url);
  g_test_add_func ("/settings/other-keys", test_other_keys);
  g_test_add_func ("/settings/paths", test_language_and_section_paths);
  return g_test_run ();
}
