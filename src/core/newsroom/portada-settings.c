/* portada-settings.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-settings.h"
#include "portada-newsroom-private.h"

static const struct
{
  const char *key;
  const char *value;
} defaults[] = {
  { PORTADA_SETTING_SITE_TITLE, "Portada" },
  { PORTADA_SETTING_BASE_URL, "https://example.com" },
  { PORTADA_SETTING_DEFAULT_LANGUAGE, "en" },
  { PORTADA_SETTING_DEFAULT_AUTHOR, "" },
  { PORTADA_SETTING_COMMENTS_DEFAULT, "true" },
  { PORTADA_SETTING_SUBSCRIBE_URL, "" },
  { PORTADA_SETTING_PAGE_SIZE, "20" },
  { PORTADA_SETTING_COMMENTS_URL, "" },
  { PORTADA_SETTING_READING_TIME_THRESHOLD, "5" },
  { PORTADA_SETTING_FAVICON, "" },
  { PORTADA_SETTING_TOUCH_ICON, "" },
};

static gboolean
check_url (const char *key, const char *value, gboolean allow_mailto, GError **error)
{
  g_autoptr (GUri) uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  if (scheme && allow_mailto && g_ascii_strcasecmp (scheme, "mailto") == 0
      && strchr (g_uri_get_path (uri), '@') != NULL)
    return TRUE;
  if (scheme
      && (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
      && host && *host && strpbrk (value, " \t\n") == NULL)
    return TRUE;
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
               allow_mailto ? _ ("The setting “%s” is not a web or e-mail address: “%s”; write it "
                                 "as https://… or mailto:…")
                            : _ ("The setting “%s” is not a web address: “%s”; write it as "
                                 "https://…"),
               key, value);
  return FALSE;
}

static gboolean
check_number (const char *key, const char *value, guint min, guint max, GError **error)
{
  guint64 n;

  if (g_ascii_string_to_unsigned (value, 10, min, max, &n, NULL))
    return TRUE;
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
               _ ("The setting “%s” must be a number from %u to %u, not “%s”"), key, min, max,
               value);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
portada_settings_check (const char *key, const char *value, GError **error)
{
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The setting “%s” is not valid UTF-8 text"), key);
      return FALSE;
    }
  if (g_str_equal (key, PORTADA_SETTING_BASE_URL))
    return check_url (key, value, FALSE, error);
  if (g_str_equal (key, PORTADA_SETTING_SUBSCRIBE_URL))
    return *value == '\0' || check_url (key, value, TRUE, error);
  if (g_str_equal (key, PORTADA_SETTING_COMMENTS_URL))
    return *value == '\0' || check_url (key, value, FALSE, error);
  if (g_str_equal (key, PORTADA_SETTING_PAGE_SIZE))
    return check_number (key, value, 1, 1000, error);
  if (g_str_equal (key, PORTADA_SETTING_READING_TIME_THRESHOLD))
    return check_number (key, value, 0, 1000, error);
  if (g_str_equal (key, PORTADA_SETTING_FAVICON) || g_str_equal (key, PORTADA_SETTING_TOUCH_ICON))
    return *value == '\0' || check_number (key, value, 1, G_MAXINT, error);
  if (g_str_equal (key, PORTADA_SETTING_COMMENTS_DEFAULT) && !g_str_equal (value, "true")
      && !g_str_equal (value, "false"))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The setting “%s” must be “true” or “false”, not “%s”"), key, value);
      return FALSE;
    }
  if (g_str_equal (key, PORTADA_SETTING_SITE_TITLE) && is_blank (value))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The setting “%s” cannot be empty"), key);
      return FALSE;
    }
  return TRUE;
}

char *
portada_settings_get (PortadaNewsroom *newsroom, const char *key, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (key != NULL, NULL);
  stmt = portada_newsroom_prepare (newsroom, "SELECT value FROM setting WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return portada_stmt_dup_text (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("settings cannot be read"));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (defaults[i].key, key))
      return g_strdup (defaults[i].value);
  return g_strdup ("");
}

gboolean
portada_settings_set (PortadaNewsroom *newsroom, const char *key, const char *value, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  if (!portada_settings_check (key, value, error))
    return FALSE;
  stmt = portada_newsroom_prepare (newsroom,
                                   "INSERT INTO setting (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, key);
  portada_stmt_bind_text (stmt, 2, value);
  return portada_newsroom_step_done (newsroom, stmt, error);
}

void
portada_language_free (PortadaLanguage *language)
{
  if (language == NULL)
    return;
  g_free (language->code);
  g_free (language->name);
  g_free (language->base_path);
  g_free (language);
}

GPtrArray *
portada_languages_list (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_language_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT code, name, base_path FROM language "
                                   "ORDER BY position, code",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PortadaLanguage *l = g_new0 (PortadaLanguage, 1);
      l->code = portada_stmt_dup_text (stmt, 0);
      l->name = portada_stmt_dup_text (stmt, 1);
      l->base_path = portada_stmt_dup_text (stmt, 2);
      g_ptr_array_add (list, l);
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("languages cannot be read"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
valid_path (const char *path)
{
  if (path == NULL || *path == '\0' || *path == '/' || g_str_has_suffix (path, "/"))
    return FALSE;
  for (const char *p = path; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || (*p == '/' && p[1] != '/')))
      return FALSE;
  return strstr (path, "..") == NULL;
}

gboolean
portada_languages_save (PortadaNewsroom *newsroom, const PortadaLanguage *language, int position,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (language != NULL && language->code != NULL, FALSE);
  if (!valid_path (language->base_path))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The base path “%s” of language %s is not valid: use letters, digits, "
                      "dashes and single slashes, such as “en” or “pdcc”"),
                   language->base_path ? language->base_path : "", language->code);
      return FALSE;
    }
  stmt = portada_newsroom_prepare (newsroom,
                                   "INSERT INTO language (code, name, base_path, position) "
                                   "VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
                                   "name = excluded.name, base_path = excluded.base_path, "
                                   "position = excluded.position",
                                   error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, language->code);
  portada_stmt_bind_text (stmt, 2, language->name ? language->name : language->code);
  portada_stmt_bind_text (stmt, 3, language->base_path);
  sqlite3_bind_int (stmt, 4, position);
  return portada_newsroom_step_done (newsroom, stmt, error);
}

PortadaSection *
portada_section_new (const char *key)
{
  PortadaSection *s = g_new0 (PortadaSection, 1);
  s->key = g_strdup (key);
  s->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return s;
}

void
portada_section_free (PortadaSection *section)
{
  if (section == NULL)
    return;
  g_free (section->key);
  g_hash_table_unref (section->names);
  g_hash_table_unref (section->paths);
  g_free (section);
}

void
portada_section_set_label (PortadaSection *section, const char *lang, const char *name,
                           const char *path)
{
  g_hash_table_replace (section->names, g_strdup (lang), g_strdup (name));
  g_hash_table_replace (section->paths, g_strdup (lang), g_strdup (path));
}

const char *
portada_section_get_path (const PortadaSection *section, const char *lang)
{
  const char *path = g_hash_table_lookup (section->paths, lang);
  return path ? path : section->key;
}

const char *
portada_section_get_name (const PortadaSection *section, const char *lang)
{
  const char *name = g_hash_table_lookup (section->names, lang);
  return name ? name : section->key;
}

static GPtrArray *
sections_query (PortadaNewsroom *newsroom, const char *key, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_section_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  PortadaSection *current = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT s.id, s.key, l.lang, l.name, l.path FROM section s "
                                   "LEFT JOIN section_label l ON l.section_id = s.id "
                                   "WHERE ?1 IS NULL OR s.key = ?1 ORDER BY s.position, s.key",
                                   error);
  if (stmt == NULL)
    return NULL;
  if (key)
    portada_stmt_bind_text (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (current == NULL || current->id != id)
        {
          current = portada_section_new ((const char *) sqlite3_column_text (stmt, 1));
          current->id = id;
          g_ptr_array_add (list, current);
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        portada_section_set_label (current, (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4));
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("sections cannot be read"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
portada_sections_list (PortadaNewsroom *newsroom, GError **error)
{
  return sections_query (newsroom, NULL, error);
}

PortadaSection *
portada_sections_find (PortadaNewsroom *newsroom, const char *key, GError **error)
{
  g_autoptr (GPtrArray) list = sections_query (newsroom, key, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no section “%s”"),
                   key);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

/* Two sections at one path, or one inside another's ("a" and "a/2024/s", where
 * an article of "a" may live), would write the same files in an export. */
gboolean
portada_sections_path_is_free (PortadaNewsroom *newsroom, const PortadaSection *section,
                               const char *lang, const char *path, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT s.key, l.path FROM section_label l JOIN section s ON s.id = l.section_id "
      "WHERE l.lang = ?1 AND s.key != ?2 AND (l.path = ?3 OR substr(?3, 1, length(l.path) + 1) "
      "= l.path || '/' OR substr(l.path, 1, length(?3) + 1) = ?3 || '/') LIMIT 1",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, lang);
  portada_stmt_bind_text (stmt, 2, section->key);
  portada_stmt_bind_text (stmt, 3, path);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_EXISTS,
                   _ ("The path “%s” of section %s in %s collides with the path “%s” of section "
                      "%s: sections cannot share a path or nest in another's"),
                   path, section->key, lang, (const char *) sqlite3_column_text (stmt, 1),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, _ ("sections cannot be read"));
  return TRUE;
}

static gboolean
save_labels (PortadaNewsroom *newsroom, PortadaSection *section, GError **error)
{
  GHashTableIter iter;
  gpointer lang, name;

  g_hash_table_iter_init (&iter, section->names);
  while (g_hash_table_iter_next (&iter, &lang, &name))
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;
      const char *path = portada_section_get_path (section, lang);

      if (!valid_path (path))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("The path “%s” of section %s in %s is not valid: use letters, digits, "
                          "dashes and single slashes, such as “noticias/economia”"),
                       path, section->key, (char *) lang);
          return FALSE;
        }
      if (!portada_sections_path_is_free (newsroom, section, lang, path, error))
        return FALSE;
      stmt = portada_newsroom_prepare (newsroom,
                                       "INSERT OR REPLACE INTO section_label "
                                       "(section_id, lang, name, path) VALUES (?, ?, ?, ?)",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, section->id);
      portada_stmt_bind_text (stmt, 2, lang);
      portada_stmt_bind_text (stmt, 3, name);
      portada_stmt_bind_text (stmt, 4, path);
      if (!portada_newsroom_step_done (newsroom, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_sections_save (PortadaNewsroom *newsroom, PortadaSection *section, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (section != NULL && section->key != NULL, FALSE);
  if (!valid_path (section->key) || strchr (section->key, '/'))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The section key “%s” is not valid: use letters, digits and dashes"),
                   section->key);
      return FALSE;
    }
  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  stmt = portada_newsroom_prepare (newsroom,
                                   "INSERT INTO section (key, position) VALUES (?, "
                                   "(SELECT count(*) FROM section)) ON CONFLICT (key) DO "
                                   "UPDATE SET key = excluded.key RETURNING id",
                                   error);
  if (stmt == NULL)
    goto failed;
  portada_stmt_bind_text (stmt, 1, section->key);
  if (!portada_newsroom_step_returning (newsroom, stmt, &section->id,
                                        _ ("the section cannot be saved"), error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!save_labels (newsroom, section, error))
    goto failed;
  return portada_newsroom_commit (newsroom, error);

failed:
  portada_newsroom_rollback (newsroom);
  return FALSE;
}
