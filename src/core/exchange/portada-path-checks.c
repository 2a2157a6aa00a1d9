/* portada-path-checks.c: records whose text becomes part of an exported file's path.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the newsroom's own saving functions accept is checked again here, at the
 * time of export: a newsroom file may have been written by another program.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-beneath.h"
#include "portada-newsroom-private.h"
#include "portada-path-checks.h"

/* One part of a path: no slash, and safe as a relative path on its own. */
static gboolean
part_is_safe (const char *text)
{
  return text && strchr (text, '/') == NULL && portada_relpath_is_safe (text);
}

static gboolean
hash_is_safe (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

typedef gboolean (*CheckFunc) (const char *text);

static gboolean
path_is_safe (const char *text)
{
  /* An empty base path puts a language at the root: still inside. */
  return text && (*text == '\0' || portada_relpath_is_safe (text));
}

static gboolean
slug_is_safe (const char *text)
{
  return text == NULL || *text == '\0' || part_is_safe (text);
}

typedef struct
{
  const char *sql; /* rows of (what is checked, how the record is named) */
  CheckFunc check;
  const char *field;
} Rule;

static const Rule rules[] = {
  { "SELECT code, 'language ' || quote(code) FROM language", part_is_safe, "language.code" },
  { "SELECT base_path, 'language ' || quote(code) FROM language", path_is_safe,
    "language.base_path" },
  { "SELECT key, 'section ' || id FROM section", part_is_safe, "section.key" },
  { "SELECT lang, 'section ' || quote(s.key) || ' label ' || quote(l.lang) FROM section_label l "
    "JOIN section s ON s.id = l.section_id",
    part_is_safe, "section_label.lang" },
  { "SELECT path, 'section ' || quote(s.key) || ' in ' || quote(l.lang) FROM section_label l "
    "JOIN section s ON s.id = l.section_id",
    path_is_safe, "section_label.path" },
  { "SELECT lang, 'article ' || id FROM article", part_is_safe, "article.lang" },
  { "SELECT slug, 'article ' || id FROM article", slug_is_safe, "article.slug" },
  { "SELECT sha256, 'image ' || id FROM media", hash_is_safe, "media.sha256" },
};

/* Two sections of one language at one path, or one inside the other's. */
static gboolean
add_collisions (PortadaNewsroom *newsroom, GPtrArray *lines, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT sa.key, a.path, sb.key, b.path, a.lang FROM section_label a "
      "JOIN section_label b ON b.lang = a.lang AND b.section_id > a.section_id "
      "JOIN section sa ON sa.id = a.section_id JOIN section sb ON sb.id = b.section_id "
      "WHERE a.path = b.path OR substr(a.path, 1, length(b.path) + 1) = b.path || '/' "
      "OR substr(b.path, 1, length(a.path) + 1) = a.path || '/'",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines,
                     g_strdup_printf (_ ("section %s (“%s”) and section %s (“%s”) in %s: one "
                                         "path is the other's or inside it; their pages would "
                                         "collide"),
                                      (const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 2),
                                      (const char *) sqlite3_column_text (stmt, 3),
                                      (const char *) sqlite3_column_text (stmt, 4)));
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, _ ("cannot be read"));
  return TRUE;
}

GPtrArray *
portada_path_checks_run (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, rules[r].sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);
          g_autofree char *shown = NULL;

          if (sqlite3_column_type (stmt, 0) != SQLITE_TEXT
              && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            text = NULL; /* a number or a blob where a name should be */
          else if (rules[r].check (text))
            continue;
          shown = g_strescape (text ? text : "", NULL);
          g_ptr_array_add (lines,
                           g_strdup_printf (_ ("%s: %s “%s” would put exported files outside "
                                               "the output folder"),
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            rules[r].field, shown));
        }
      if (rc != SQLITE_DONE)
        {
          portada_newsroom_set_error (newsroom, error, _ ("cannot be read"));
          return NULL;
        }
    }
  if (!add_collisions (newsroom, lines, error))
    return NULL;
  return g_steal_pointer (&lines);
}

/* SQLite's quick check: a damaged page would publish changed content. */
static gboolean
check_sound (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, "PRAGMA quick_check", error);
  g_autoptr (GString) problems = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0 && problems->len < 400)
        {
          g_autofree char *one = g_strdelimit (g_strdup (line ? line : ""), "\n", ' ');
          g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", one);
        }
    }
  if (rc != SQLITE_DONE || problems->len)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_CORRUPT,
                   _ ("%s: export refused: the database is damaged (%s); “portada check” says "
                      "more, and a backup is the way back"),
                   portada_newsroom_get_path (newsroom),
                   problems->len ? problems->str : sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
portada_path_checks_refuse (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GString) text = NULL;

  if (!check_sound (newsroom, error))
    return FALSE;
  lines = portada_path_checks_run (newsroom, error);
  if (lines == NULL)
    return FALSE;
  if (lines->len == 0)
    return TRUE;
  text = g_string_new (NULL);
  for (guint i = 0; i < MIN (lines->len, 5); i++)
    g_string_append_printf (text, "%s%s", i ? "; " : "", (char *) lines->pdata[i]);
  if (lines->len > 5)
    g_string_append_printf (text, _ ("; and %u more"), lines->len - 5);
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
               _ ("%s: export refused: %s (portada check lists them)"),
               portada_newsroom_get_path (newsroom), text->str);
  return FALSE;
}
