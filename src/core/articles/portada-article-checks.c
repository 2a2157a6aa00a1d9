/* portada-article-checks.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-article-checks.h"
#include "portada-newsroom-private.h"
#include "portada-media.h"
#include "portada-slug.h"

typedef struct
{
  const char *kind;
  const char *sql; /* selects id, title, and one detail */
  const char *message;
  const char *fix;
} Check;

static const Check checks[] = {
  { "article-no-date",
    "SELECT id, title, status FROM article WHERE status IN ('published', 'scheduled') "
    "AND publish_at IS NULL",
    N_ ("is %s but has no publish date"), N_ ("Set its publish date and time") },
  { "article-no-title", "SELECT id, slug, '' FROM article WHERE trim(title) = ''",
    N_ ("has no title"), N_ ("Give it a title") },
  { "article-bad-slug", "SELECT id, title, slug FROM article",
    N_ ("has the slug “%s”, which is not a valid URL part"),
    N_ ("Edit the slug: lowercase letters, digits and single dashes") },
  { "article-double-translation",
    "SELECT a.id, a.title, a.lang FROM article a WHERE EXISTS (SELECT 1 FROM article b WHERE "
    "b.translation_group = a.translation_group AND b.lang = a.lang AND b.id < a.id)",
    N_ ("is a second %s version in its translation group"),
    N_ ("Unlink it from the other article's translations, or delete one of the two") },
  { "article-source-half",
    "SELECT id, title, CASE WHEN source_url IS NULL THEN 'URL' ELSE 'name' END FROM article "
    "WHERE (source_name IS NULL) != (source_url IS NULL)",
    N_ ("has a source without its %s"), N_ ("Fill in both the source name and its address") },
};

static gboolean
run_check (PortadaNewsroom *newsroom, const Check *check, GPtrArray *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, check->sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *subject = (const char *) sqlite3_column_text (stmt, 1);
      const char *detail = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *message = NULL;

      if (g_str_equal (check->kind, "article-bad-slug") && portada_slug_is_valid (detail))
        continue;
      message = g_strdup_printf (_ (check->message), detail ? detail : "");
      g_ptr_array_add (out, portada_problem_new (check->kind, PORTADA_TARGET_ARTICLE,
                                                 sqlite3_column_int64 (stmt, 0),
                                                 subject && *subject ? subject : _ ("Untitled"),
                                                 message, _ (check->fix)));
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, _ ("articles cannot be checked"));
  return TRUE;
}

GPtrArray *
portada_article_checks_run (PortadaNewsroom *newsroom, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_problem_free);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (!run_check (newsroom, &checks[i], out, error))
      return NULL;
  return g_steal_pointer (&out);
}

/* Counts Markdown images whose alternative text is empty: "![](…)", "![ ](…)". */
static guint
images_without_alt (const char *body)
{
  guint n = 0;

  for (const char *p = body ? strstr (body, "![") : NULL; p; p = strstr (p + 2, "!["))
    {
      const char *q = p + 2;
      while (*q == ' ' || *q == '\t')
        q++;
      if (q[0] == ']' && q[1] == '(')
        n++;
    }
  return n;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

GPtrArray *
portada_article_checks_before_publish (PortadaNewsroom *newsroom, const PortadaArticle *a)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint missing_alt;

  g_return_val_if_fail (a != NULL, out);
  if (is_blank (a->title))
    g_ptr_array_add (out, g_strdup (_ ("It has no title.")));
  if (a->section == NULL || *a->section == '\0')
    g_ptr_array_add (out, g_strdup (_ ("It is in no section.")));
  if (is_blank (a->body))
    g_ptr_array_add (out, g_strdup (_ ("Its text is empty.")));
  missing_alt = images_without_alt (a->body);
  if (missing_alt > 0)
    g_ptr_array_add (
        out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image has no alternative text.",
                                           "%u images have no alternative text.", missing_alt),
                              missing_alt));
  if (newsroom && a->featured_media_id)
    {
      g_autoptr (PortadaMedia) media
          = portada_media_load_info (newsroom, a->featured_media_id, NULL);
      if (media && is_blank (media->alt_text))
        g_ptr_array_add (out, g_strdup (_ ("The featured image has no alternative text.")));
    }
  return out;
}

typedef struct
{
  const char *kind;
  const char *where;
  const char *message;
} ExportCheck;

/* What the site export publishes at ?1 (its own query's condition). */
#define PUBLIC_AT_NOW                                                                              \
  "a.deleted_at IS NULL AND ((a.status = 'published' AND coalesce(a.publish_at, 0) <= ?1) OR "     \
  "(a.status = 'scheduled' AND a.publish_at <= ?1))"

static const ExportCheck export_checks[] = {
  { "publish-no-title", "trim(a.title) = ''", N_ ("It has no title.") },
  { "publish-no-section", "a.section_id IS NULL", N_ ("It is in no section.") },
  { "publish-empty", "trim(a.body) = ''", N_ ("Its text is empty.") },
  { "publish-no-alt", "(instr(a.body, '![](') > 0 OR instr(a.body, '![ ](') > 0)",
    N_ ("An image in its text has no alternative text.") },
  { "publish-featured-no-alt",
    "EXISTS (SELECT 1 FROM media m WHERE m.id = a.featured_media_id AND trim(coalesce(m.alt_text, "
    "'')) = '')",
    N_ ("The featured image has no alternative text.") },
};

GPtrArray *
portada_article_checks_before_export (PortadaNewsroom *newsroom, gint64 now, guint max,
                                      guint *total, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_problem_free);
  guint count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (export_checks); i++)
    {
      g_autofree char *sql
          = g_strdup_printf ("SELECT a.id, a.title FROM article a WHERE " PUBLIC_AT_NOW " AND %s "
                             "ORDER BY coalesce(a.publish_at, a.created_at) DESC, a.id DESC",
                             export_checks[i].where);
      g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, now);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *title = (const char *) sqlite3_column_text (stmt, 1);

          count++;
          if (out->len >= max)
            continue;
          g_ptr_array_add (out, portada_problem_new (export_checks[i].kind, PORTADA_TARGET_ARTICLE,
                                                     sqlite3_column_int64 (stmt, 0),
                                                     title && *title ? title : _ ("Untitled"),
                                                     _ (export_checks[i].message), NULL));
        }
      if (rc != SQLITE_DONE)
        {
          portada_newsroom_set_error (newsroom, error, _ ("articles cannot be checked"));
          return NULL;
        }
    }
  if (total)
    *total = count;
  return g_steal_pointer (&out);
}
