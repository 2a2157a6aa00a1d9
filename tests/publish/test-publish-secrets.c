/* test-publish-secrets.c: the publish passwords in a real keyring (GNOME Keyring in a
 * D-Bus session of the test's own, see with-keyring): kept, found by destination and
 * question, forgotten; a locked keyring is never unlocked with a prompt.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include <string.h>

#include "portada-error.h"
#include "portada-publish-secrets.h"

#define SITE "wordpress+https://eva@news.example.com"
#define QUESTION "Application Password of eva at https://news.example.com"

static void
test_keep_find_forget (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *none = portada_publish_secret_lookup (SITE, QUESTION, NULL, &error);
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;
  g_autofree char *again = NULL;
  g_autofree char *gone = NULL;

  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_true (portada_publish_secret_store (SITE, QUESTION, "abcd efgh ijkl", NULL, &error));
  g_assert_no_error (error);
  found = portada_publish_secret_lookup (SITE, QUESTION, NULL, &error);
  g_assert_cmpstr (found, ==, "abcd efgh ijkl");
  /* Another destination, or another question of it: not that one. */
  other
      = portada_publish_secret_lookup ("sftp://eva@news.example.com/site", QUESTION, NULL, &error);
  g_assert_null (other);
  g_clear_pointer (&other, g_free);
  other = portada_publish_secret_lookup (SITE, "Password of eva at news.example.com", NULL, &error);
  g_assert_null (other);
  /* Kept again: replaced, not doubled. */
  g_assert_true (portada_publish_secret_store (SITE, QUESTION, "new one", NULL, &error));
  again = portada_publish_secret_lookup (SITE, QUESTION, NULL, &error);
  g_assert_cmpstr (again, ==, "new one");
  g_assert_true (portada_publish_secret_clear (SITE, NULL, &error));
  g_assert_no_error (error);
  gone = portada_publish_secret_lookup (SITE, QUESTION, NULL, &error);
  g_assert_null (gone);
  /* Nothing to forget is no error. */
  g_assert_true (portada_publish_secret_clear (SITE, NULL, &error));
}

static void
test_locked_keyring_asks_nothing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SecretService) service
      = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_autoptr (SecretCollection) login = NULL;
  g_autofree char *found = NULL;
  GList *objects;

  g_assert_no_error (error);
  g_assert_true (
      portada_publish_secret_store (SITE, QUESTION, "kept before the lock", NULL, &error));
  login = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                            SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_nonnull (login);
  objects = g_list_append (NULL, login);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, NULL, &error), ==, 1);
  g_list_free (objects);
  g_assert_true (secret_collection_get_locked (login));
  /* Locked: nothing found and nothing kept, at once (a prompt would hang this test). */
  found = portada_publish_secret_lookup (SITE, QUESTION, NULL, &error);
  g_assert_null (found);
  g_clear_error (&error);
  g_assert_false (portada_publish_secret_store (SITE, QUESTION, "not kept", NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "locked"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/publish-secrets/keep-find-forget", test_keep_find_forget);
  g_test_add_func ("/publish-secrets/locked-keyring-asks-nothing",
                   test_locked_keyring_asks_nothing);
  return g_test_run ();
}
