/* portada-publish-secrets.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Never a prompt of the keyring's own: a locked or missing keyring is not unlocked
 * or made from here (that would stop a publish, or a headless run, on a question
 * nobody sees); the person is asked for the password instead, and it is not kept.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "portada-error.h"
#include "portada-publish-secrets.h"

static const SecretSchema *
schema (void)
{
  static const SecretSchema the_schema = {
    "io.github.portada.Portada.Publish",
    SECRET_SCHEMA_NONE,
    {
        { "destination", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "question", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };
  return &the_schema;
}

static GHashTable *
attributes (const char *destination, const char *question)
{
  GHashTable *a = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (a, "destination", g_strdup (destination));
  if (question)
    g_hash_table_insert (a, "question", g_strdup (question));
  return a;
}

char *
portada_publish_secret_lookup (const char *destination, const char *question,
                               GCancellable *cancellable, GError **error)
{
  g_autoptr (SecretService) service = NULL;
  g_autoptr (GHashTable) attrs = NULL;
  GList *items;
  char *found = NULL;

  g_return_val_if_fail (destination != NULL && question != NULL, NULL);
  service = secret_service_get_sync (SECRET_SERVICE_NONE, cancellable, error);
  if (service == NULL)
    return NULL;
  attrs = attributes (destination, question);
  /* Without SECRET_SEARCH_UNLOCK: an item of a locked keyring stays out of reach. */
  items = secret_service_search_sync (service, schema (), attrs, SECRET_SEARCH_LOAD_SECRETS,
                                      cancellable, error);
  for (GList *l = items; l && found == NULL; l = l->next)
    {
      g_autoptr (SecretValue) value = secret_item_get_secret (l->data);
      if (value && !secret_item_get_locked (l->data))
        found = g_strdup (secret_value_get_text (value));
    }
  g_list_free_full (items, g_object_unref);
  return found;
}

gboolean
portada_publish_secret_store (const char *destination, const char *question, const char *secret,
                              GCancellable *cancellable, GError **error)
{
  g_autoptr (SecretService) service = NULL;
  g_autoptr (SecretCollection) collection = NULL;
  g_autoptr (GHashTable) attrs = NULL;
  g_autoptr (SecretValue) value = NULL;
  g_autoptr (SecretItem) item = NULL;
  /* TRANSLATORS: the label of a password in the keyring (Passwords and Keys shows it) */
  g_autofree char *label = g_strdup_printf (_ ("Portada: %s"), question);

  g_return_val_if_fail (destination != NULL && question != NULL && secret != NULL, FALSE);
  service = secret_service_get_sync (SECRET_SERVICE_NONE, cancellable, error);
  if (service == NULL)
    return FALSE;
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, cancellable, error);
  if (collection == NULL || secret_collection_get_locked (collection))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                             _ ("the keyring is locked or missing: the password is not kept"));
      return FALSE;
    }
  attrs = attributes (destination, question);
  value = secret_value_new (secret, -1, "text/plain");
  item = secret_item_create_sync (collection, schema (), attrs, label, value,
                                  SECRET_ITEM_CREATE_REPLACE, cancellable, error);
  return item != NULL;
}

gboolean
portada_publish_secret_clear (const char *destination, GCancellable *cancellable, GError **error)
{
  g_autoptr (SecretService) service = NULL;
  g_autoptr (GHashTable) attrs = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (destination != NULL, FALSE);
  service = secret_service_get_sync (SECRET_SERVICE_NONE, cancellable, error);
  if (service == NULL)
    return FALSE;
  attrs = attributes (destination, NULL);
  /* FALSE without an error: there was nothing to forget. */
  if (!secret_service_clear_sync (service, schema (), attrs, cancellable, &local) && local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}
