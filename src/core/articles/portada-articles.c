/* portada-articles.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-articles.h"
#include "portada-newsroom-private.h"
#include "portada-revisions.h"
#include "portada-settings.h"
#include "portada-slug.h"

#define SUMMARY_COLUMNS                                                                            \
  "a.id, a.uuid, a.lang, a.title, a.slug, s.key, au.name, a.status, a.publish_at, a.updated_at "
#define ARTICLE_JOINS                                                                              \
  "FROM article a LEFT JOIN section s ON s.id = a.section_id "                                     \
  "LEFT JOIN author au ON au.id = a.author_id "

/* Turns what a user types into an FTS5 query: every word must appear, the last
 * one as a prefix, and nothing the user types is FTS5 syntax. */
static char *
fts_query (const char *search)
{
  g_autofree char *valid = g_utf8_make_valid (search, -1);
  g_auto (GStrv) words = NULL;
  GString *q = g_string_new (NULL);

  for (char *p = valid; *p; p++)
    if (*p == '"' || g_ascii_iscntrl (*p))
      *p = ' ';
  words = g_strsplit_set (valid, " \t", -1);
  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (q->len)
        g_string_append_c (q, ' ');
      g_string_append_printf (q, "\"%s\"", words[i]);
      if (words[i + 1] == NULL || *words[i + 1] == '\0')
        g_string_append_c (q, '*');
    }
  if (q->len && q->str[q->len - 1] != '*')
    g_string_append_c (q, '*');
  return g_string_free (q, q->len == 0);
}

/* Appends the FROM joins and WHERE clause of @query. Only the filters in use
 * reach the SQL, so counting needs no join and the planner can use the indexes.
 * Parameters are named; bind_query() binds those the statement has. */
static void
append_where (GString *sql, const PortadaArticleQuery *q)
{
  g_autofree char *fts = q && q->search ? fts_query (q->search) : NULL;

  if (fts)
    g_string_append (sql, "JOIN article_fts f ON f.rowid = a.id WHERE article_fts MATCH :search ");
  else
    g_string_append (sql, "WHERE 1 ");
  /* What is in the Trash is in no list but the Trash's. */
  if (q && q->trashed)
    g_string_append (sql, "AND a.deleted_at IS NOT NULL ");
  else
    g_string_append (sql, "AND a.deleted_at IS NULL ");
  if (q == NULL)
    return;
  if (q->lang)
    g_string_append (sql, "AND a.lang = :lang ");
  if (q->section)
    g_string_append (sql, "AND a.section_id = (SELECT id FROM section WHERE key = :section) ");
  if (q->author)
    g_string_append (sql, "AND a.author_id = (SELECT id FROM author WHERE name = :author) ");
  if (q->status >= 0)
    g_string_append (sql, "AND a.status = :status ");
}

static void
bind_named (sqlite3_stmt *stmt, const char *name, const char *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    portada_stmt_bind_text (stmt, index, value);
}

static void
bind_query (sqlite3_stmt *stmt, const PortadaArticleQuery *q)
{
  g_autofree char *fts = q && q->search ? fts_query (q->search) : NULL;

  if (q == NULL)
    return;
  bind_named (stmt, ":search", fts);
  bind_named (stmt, ":lang", q->lang);
  bind_named (stmt, ":section", q->section);
  bind_named (stmt, ":author", q->author);
  if (q->status >= 0)
    bind_named (stmt, ":status", portada_article_status_to_string (q->status));
}

static PortadaArticleSummary *
summary_from_row (sqlite3_stmt *stmt)
{
  PortadaArticleSummary *s = g_new0 (PortadaArticleSummary, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->uuid = portada_stmt_dup_text (stmt, 1);
  s->lang = portada_stmt_dup_text (stmt, 2);
  s->title = portada_stmt_dup_text (stmt, 3);
  s->slug = portada_stmt_dup_text (stmt, 4);
  s->section = portada_stmt_dup_text (stmt, 5);
  s->author = portada_stmt_dup_text (stmt, 6);
  portada_article_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &s->status);
  s->publish_at = sqlite3_column_int64 (stmt, 8);
  s->updated_at = sqlite3_column_int64 (stmt, 9);
  return s;
}

static GPtrArray *
collect_summaries (PortadaNewsroom *newsroom, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_article_summary_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, summary_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("articles cannot be listed"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
portada_articles_list (PortadaNewsroom *newsroom, const PortadaArticleQuery *query, guint offset,
                       guint limit, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT " SUMMARY_COLUMNS ARTICLE_JOINS);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  append_where (sql, query);
  g_string_append (sql, "ORDER BY coalesce(a.publish_at, a.created_at) DESC, a.id DESC "
                        "LIMIT :limit OFFSET :offset");
  stmt = portada_newsroom_prepare (newsroom, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);
  return collect_summaries (newsroom, stmt, error);
}

gint64
portada_articles_count (PortadaNewsroom *newsroom, const PortadaArticleQuery *query, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT count(*) FROM article a ");
  g_autoptr (sqlite3_stmt) stmt = NULL;

  append_where (sql, query);
  stmt = portada_newsroom_prepare (newsroom, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_query (stmt, query);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      portada_newsroom_set_error (newsroom, error, _ ("articles cannot be counted"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

GArray *
portada_articles_list_ids (PortadaNewsroom *newsroom, const PortadaArticleQuery *query,
                           GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT a.id FROM article a ");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  append_where (sql, query);
  g_string_append (sql, "ORDER BY coalesce(a.publish_at, a.created_at) DESC, a.id DESC");
  stmt = portada_newsroom_prepare (newsroom, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      if (!portada_newsroom_check_cancelled (newsroom, error))
        portada_newsroom_set_error (newsroom, error, _ ("articles cannot be listed"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gint
compare_position (gconstpointer a, gconstpointer b, gpointer positions)
{
  const PortadaArticleSummary *x = *(PortadaArticleSummary *const *) a;
  const PortadaArticleSummary *y = *(PortadaArticleSummary *const *) b;
  gint64 px = GPOINTER_TO_SIZE (g_hash_table_lookup (positions, &x->id));
  gint64 py = GPOINTER_TO_SIZE (g_hash_table_lookup (positions, &y->id));

  return px < py ? -1 : px > py;
}

GPtrArray *
portada_articles_list_by_ids (PortadaNewsroom *newsroom, const gint64 *ids, guint n_ids,
                              GError **error)
{
  g_autoptr (GString) json = g_string_new ("[");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *list;

  for (guint i = 0; i < n_ids; i++)
    {
      g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
      g_hash_table_insert (positions, (gpointer) &ids[i], GSIZE_TO_POINTER (i + 1));
    }
  g_string_append_c (json, ']');
  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT " SUMMARY_COLUMNS ARTICLE_JOINS
                                   "WHERE a.id IN (SELECT value FROM json_each(?))",
                                   error);
  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text (stmt, 1, json->str);
  list = collect_summaries (newsroom, stmt, error);
  if (list == NULL)
    {
      g_clear_error (error);
      if (!portada_newsroom_check_cancelled (newsroom, error))
        portada_newsroom_set_error (newsroom, error, _ ("articles cannot be listed"));
      return NULL;
    }
  g_ptr_array_sort_with_data (list, compare_position, positions);
  return list;
}

static GStrv
load_tags (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT t.name FROM article_tag at JOIN tag t ON t.id = "
                                   "at.tag_id WHERE at.article_id = ? ORDER BY at.position",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("tags cannot be read"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static PortadaArticle *
load_where (PortadaNewsroom *newsroom, const char *where, gint64 id, const char *uuid,
            GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (PortadaArticle) a = NULL;
  int rc;

  sql = g_strconcat (
      "SELECT a.id, a.uuid, a.lang, a.translation_group, s.key, a.title, "
      "a.subtitle, a.slug, a.status, au.name, a.publish_at, a.created_at, "
      "a.updated_at, a.excerpt, a.body, a.source_name, a.source_url, "
      "a.featured_media_id, a.comments_enabled, a.first_published_at, a.deleted_at " ARTICLE_JOINS,
      where, NULL);
  stmt = portada_newsroom_prepare (newsroom, sql, error);
  if (stmt == NULL)
    return NULL;
  if (uuid)
    portada_stmt_bind_text (stmt, 1, uuid);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no article %s"),
                   uuid ? uuid : "with this number");
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      portada_newsroom_set_error (newsroom, error, _ ("the article cannot be read"));
      return NULL;
    }
  a = g_new0 (PortadaArticle, 1);
  a->id = sqlite3_column_int64 (stmt, 0);
  a->uuid = portada_stmt_dup_text (stmt, 1);
  a->lang = portada_stmt_dup_text (stmt, 2);
  a->translation_group = portada_stmt_dup_text (stmt, 3);
  a->section = portada_stmt_dup_text (stmt, 4);
  a->title = portada_stmt_dup_text (stmt, 5);
  a->subtitle = portada_stmt_dup_text (stmt, 6);
  a->slug = portada_stmt_dup_text (stmt, 7);
  portada_article_status_from_string ((const char *) sqlite3_column_text (stmt, 8), &a->status);
  a->author = portada_stmt_dup_text (stmt, 9);
  a->publish_at = sqlite3_column_int64 (stmt, 10);
  a->created_at = sqlite3_column_int64 (stmt, 11);
  a->updated_at = sqlite3_column_int64 (stmt, 12);
  a->excerpt = portada_stmt_dup_text (stmt, 13);
  a->body = portada_stmt_dup_text (stmt, 14);
  a->source_name = portada_stmt_dup_text (stmt, 15);
  a->source_url = portada_stmt_dup_text (stmt, 16);
  a->featured_media_id = sqlite3_column_int64 (stmt, 17);
  a->comments_enabled = sqlite3_column_int (stmt, 18) != 0;
  a->first_published_at = sqlite3_column_int64 (stmt, 19);
  a->deleted_at = sqlite3_column_int64 (stmt, 20);
  a->tags = load_tags (newsroom, a->id, error);
  if (a->tags == NULL)
    return NULL;
  return g_steal_pointer (&a);
}

PortadaArticle *
portada_articles_load (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  return load_where (newsroom, "WHERE a.id = ?1", id, NULL, error);
}

PortadaArticle *
portada_articles_load_by_uuid (PortadaNewsroom *newsroom, const char *uuid, GError **error)
{
  g_return_val_if_fail (uuid != NULL, NULL);
  return load_where (newsroom, "WHERE a.uuid = ?1", 0, uuid, error);
}

/* Returns the row id of @name in @table (author or tag), inserting it when new. */
static gint64
ensure_named (PortadaNewsroom *newsroom, const char *table, const char *name, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (name) VALUES (?1) ON CONFLICT (name) "
                                          "DO UPDATE SET name = name RETURNING id",
                                          table);
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  portada_stmt_bind_text (stmt, 1, name);
  portada_newsroom_step_returning (newsroom, stmt, &id, _ ("a name cannot be stored"), error);
  return id;
}

static gboolean
slug_taken (PortadaNewsroom *newsroom, const PortadaArticle *a, gint64 section_id, int year,
            const char *slug, gboolean *taken, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT 1 FROM article WHERE lang = ? AND section_id IS ? AND "
                                   "slug_year = ? AND slug = ? AND id != ?",
                                   error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, a->lang);
  if (section_id)
    sqlite3_bind_int64 (stmt, 2, section_id);
  sqlite3_bind_int (stmt, 3, year);
  portada_stmt_bind_text (stmt, 4, slug);
  sqlite3_bind_int64 (stmt, 5, a->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, _ ("slugs cannot be checked"));
  *taken = rc == SQLITE_ROW;
  return TRUE;
}

/* Slugs are unique within language, section and year: a clash gets -2, -3... */
static char *
unique_slug (PortadaNewsroom *newsroom, const PortadaArticle *a, const char *from,
             gint64 section_id, int year, GError **error)
{
  g_autofree char *base = portada_slug_from_title (from);
  g_autofree char *slug = g_strdup (base);

  for (int n = 2;; n++)
    {
      gboolean taken = FALSE;

      if (!slug_taken (newsroom, a, section_id, year, slug, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&slug);
      g_free (slug);
      slug = portada_slug_with_suffix (base, n);
    }
}

static void
replace_str (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

static int
year_of (gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return dt ? g_date_time_get_year (dt) : 1970;
}

static gboolean
save_tags (PortadaNewsroom *newsroom, const PortadaArticle *a, GError **error)
{
  g_autoptr (sqlite3_stmt) del = NULL;

  del = portada_newsroom_prepare (newsroom, "DELETE FROM article_tag WHERE article_id = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, a->id);
  if (!portada_newsroom_step_done (newsroom, del, error))
    return FALSE;

  for (guint i = 0; a->tags && a->tags[i]; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (a->tags[i]));
      g_autoptr (sqlite3_stmt) ins = NULL;
      gint64 tag_id;

      if (*name == '\0')
        continue;
      tag_id = ensure_named (newsroom, "tag", name, error);
      if (tag_id == 0)
        return FALSE;
      ins = portada_newsroom_prepare (newsroom,
                                      "INSERT OR IGNORE INTO article_tag (article_id, tag_id, "
                                      "position) VALUES (?, ?, ?)",
                                      error);
      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, a->id);
      sqlite3_bind_int64 (ins, 2, tag_id);
      sqlite3_bind_int (ins, 3, i);
      if (!portada_newsroom_step_done (newsroom, ins, error))
        return FALSE;
    }
  return TRUE;
}

/* Decides, from the stored state, whether this save keeps a revision of it: at
 * every status change, and while the text changes at least every
 * PORTADA_REVISION_INTERVAL. */
static gboolean
keep_revision_if_due (PortadaNewsroom *newsroom, const PortadaArticle *old, const PortadaArticle *a,
                      gint64 now, GError **error)
{
  gint64 last;
  const char *reason = NULL;

  last = portada_revisions_last_time (newsroom, a->id, error);
  if (last < 0)
    return FALSE;
  if (old->status != a->status)
    reason = "status";
  else if (now - MAX (last, old->created_at) >= PORTADA_REVISION_INTERVAL
           && (g_strcmp0 (old->body, a->body) != 0 || g_strcmp0 (old->title, a->title) != 0))
    reason = "autosave";
  if (reason == NULL)
    return TRUE;
  return portada_revisions_add (newsroom, old, reason, now, error);
}

/* Until an article is first published its slug follows its title; after that, and
 * whenever the user typed one, the slug stays as it is. */
static const char *
slug_source (const PortadaArticle *a, const PortadaArticle *old)
{
  if (a->slug == NULL || *a->slug == '\0')
    return a->title;
  if (old == NULL || old->first_published_at != 0 || g_strcmp0 (a->slug, old->slug) != 0)
    return a->slug;
  return portada_slug_is_derived (old->slug, old->title) ? a->title : a->slug;
}

static PortadaClockFunc clock_func;

void
portada_articles_set_clock (PortadaClockFunc func)
{
  clock_func = func;
}

gint64
portada_articles_now (void)
{
  return clock_func ? clock_func () : g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
write_row (PortadaNewsroom *newsroom, PortadaArticle *a, gint64 section_id, gint64 author_id,
           int year, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *sql
      = a->id == 0
            ? "INSERT INTO article (uuid, lang, translation_group, section_id, title, subtitle, "
              "slug, "
              "slug_year, status, author_id, publish_at, created_at, updated_at, excerpt, body, "
              "source_name, source_url, featured_media_id, comments_enabled, first_published_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
              "?17, ?18, ?19, ?21) RETURNING id"
            : "UPDATE article SET uuid = ?1, lang = ?2, translation_group = ?3, section_id = ?4, "
              "title = ?5, subtitle = ?6, slug = ?7, slug_year = ?8, status = ?9, author_id = ?10, "
              "publish_at = ?11, created_at = ?12, updated_at = ?13, excerpt = ?14, body = ?15, "
              "source_name = ?16, source_url = ?17, featured_media_id = ?18, comments_enabled = "
              "?19, first_published_at = ?21 "
              "WHERE id = ?20 RETURNING id";

  stmt = portada_newsroom_prepare (newsroom, sql, error);
  if (stmt == NULL)
    return FALSE;
  portada_stmt_bind_text (stmt, 1, a->uuid);
  portada_stmt_bind_text (stmt, 2, a->lang);
  portada_stmt_bind_text (stmt, 3, a->translation_group);
  if (section_id)
    sqlite3_bind_int64 (stmt, 4, section_id);
  portada_stmt_bind_text (stmt, 5, a->title);
  portada_stmt_bind_text_or_null (stmt, 6, a->subtitle);
  portada_stmt_bind_text (stmt, 7, a->slug);
  sqlite3_bind_int (stmt, 8, year);
  portada_stmt_bind_text (stmt, 9, portada_article_status_to_string (a->status));
  if (author_id)
    sqlite3_bind_int64 (stmt, 10, author_id);
  if (a->publish_at)
    sqlite3_bind_int64 (stmt, 11, a->publish_at);
  sqlite3_bind_int64 (stmt, 12, a->created_at);
  sqlite3_bind_int64 (stmt, 13, a->updated_at);
  portada_stmt_bind_text_or_null (stmt, 14, a->excerpt);
  portada_stmt_bind_text (stmt, 15, a->body);
  portada_stmt_bind_text_or_null (stmt, 16, a->source_name);
  portada_stmt_bind_text_or_null (stmt, 17, a->source_url);
  if (a->featured_media_id)
    sqlite3_bind_int64 (stmt, 18, a->featured_media_id);
  sqlite3_bind_int (stmt, 19, a->comments_enabled ? 1 : 0);
  if (a->id)
    sqlite3_bind_int64 (stmt, 20, a->id);
  if (a->first_published_at)
    sqlite3_bind_int64 (stmt, 21, a->first_published_at);
  {
    gint64 id = 0;
    if (!portada_newsroom_step_returning (
            newsroom, stmt, &id,
            a->id ? _ ("the article cannot be saved") : _ ("the article cannot be added"), error))
      return FALSE;
    a->id = id;
  }
  return TRUE;
}

static gboolean
resolve_refs (PortadaNewsroom *newsroom, const PortadaArticle *a, gint64 *section_id,
              gint64 *author_id, GError **error)
{
  *section_id = 0;
  *author_id = 0;
  if (a->section && *a->section)
    {
      g_autoptr (PortadaSection) section = portada_sections_find (newsroom, a->section, error);
      if (section == NULL)
        return FALSE;
      *section_id = section->id;
    }
  if (a->author && *a->author)
    {
      *author_id = ensure_named (newsroom, "author", a->author, error);
      if (*author_id == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_articles_save (PortadaNewsroom *newsroom, PortadaArticle *a, PortadaSaveFlags flags,
                       GError **error)
{
  gint64 now = portada_articles_now ();
  gint64 section_id, author_id;
  g_autoptr (PortadaArticle) old = NULL;
  g_autofree char *slug = NULL;
  int year;

  g_return_val_if_fail (a != NULL, FALSE);
  if (!portada_article_validate (a, error))
    return FALSE;
  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  if (a->id && (old = portada_articles_load (newsroom, a->id, error)) == NULL)
    goto failed;

  if (a->uuid == NULL || *a->uuid == '\0')
    replace_str (&a->uuid, g_uuid_string_random ());
  if (a->translation_group == NULL || *a->translation_group == '\0')
    replace_str (&a->translation_group, g_strdup (a->uuid));
  if (!(flags & PORTADA_SAVE_KEEP_TIMES) || a->created_at == 0)
    a->created_at = a->id && a->created_at ? a->created_at : now;
  if (!(flags & PORTADA_SAVE_KEEP_TIMES) || a->updated_at == 0)
    a->updated_at = now;
  if (old)
    a->first_published_at = old->first_published_at;
  if (a->first_published_at == 0
      && (a->status == PORTADA_STATUS_PUBLISHED || a->status == PORTADA_STATUS_ARCHIVED))
    a->first_published_at = a->publish_at && a->publish_at < now ? a->publish_at : now;

  if (!resolve_refs (newsroom, a, &section_id, &author_id, error))
    goto failed;
  year = year_of (a->publish_at ? a->publish_at : a->created_at);
  slug = unique_slug (newsroom, a, slug_source (a, old), section_id, year, error);
  if (slug == NULL)
    goto failed;
  replace_str (&a->slug, g_steal_pointer (&slug));

  if (old && !(flags & PORTADA_SAVE_NO_REVISION)
      && !keep_revision_if_due (newsroom, old, a, now, error))
    goto failed;
  if (!write_row (newsroom, a, section_id, author_id, year, error)
      || !save_tags (newsroom, a, error))
    goto failed;
  return portada_newsroom_commit (newsroom, error);

failed:
  portada_newsroom_rollback (newsroom);
  return FALSE;
}

gboolean
portada_articles_delete (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (newsroom, "DELETE FROM article WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!portada_newsroom_step_done (newsroom, stmt, error))
    return FALSE;
  if (sqlite3_changes (portada_newsroom_get_db (newsroom)) == 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("There is no article %lld"),
                   (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
portada_articles_check_stored (PortadaNewsroom *newsroom, const PortadaArticle *a, GError **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;

  g_return_val_if_fail (a != NULL && a->id > 0, FALSE);
  if (portada_newsroom_in_transaction (newsroom))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_BUSY,
                   _ ("%s: a transaction is still open: the article is not in the file yet"),
                   portada_newsroom_get_path (newsroom));
      return FALSE;
    }
  stored = portada_newsroom_read_back (
      newsroom, "SELECT title, body, status, slug FROM article WHERE id = ?1", a->id, error);
  if (stored == NULL)
    return FALSE;
  expected
      = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s", a->title ? a->title : "", a->body ? a->body : "",
                         portada_article_status_to_string (a->status), a->slug ? a->slug : "");
  if (g_strcmp0 (stored, expected) != 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: the file does not hold the article as it was saved"),
                   portada_newsroom_get_path (newsroom));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
portada_articles_translations (PortadaNewsroom *newsroom, const PortadaArticle *article,
                               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT " SUMMARY_COLUMNS ARTICLE_JOINS
      "WHERE a.translation_group = ? AND a.id != ? AND a.deleted_at IS NULL "
      "ORDER BY a.lang",
      error);
  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text (stmt, 1, article->translation_group);
  sqlite3_bind_int64 (stmt, 2, article->id);
  return collect_summaries (newsroom, stmt, error);
}

static gboolean
add_related (PortadaNewsroom *newsroom, const PortadaArticle *article, const char *sql, guint limit,
             gint64 now, GPtrArray *out, GHashTable *seen, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, sql, error);
  g_autoptr (GPtrArray) rows = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article->id);
  portada_stmt_bind_text (stmt, 2, article->lang);
  portada_stmt_bind_text (stmt, 3, article->translation_group ? article->translation_group : "");
  sqlite3_bind_int (stmt, 4, limit + g_hash_table_size (seen));
  sqlite3_bind_int64 (stmt, 5, now);
  rows = collect_summaries (newsroom, stmt, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len && out->len < limit; i++)
    {
      PortadaArticleSummary *s = g_ptr_array_index (rows, i);
      if (!g_hash_table_add (seen, GINT_TO_POINTER ((int) s->id)))
        continue;
      g_ptr_array_add (out, g_steal_pointer (&rows->pdata[i]));
    }
  return TRUE;
}

GPtrArray *
portada_articles_related (PortadaNewsroom *newsroom, const PortadaArticle *article, guint limit,
                          GError **error)
{
  return portada_articles_related_at (newsroom, article, limit, portada_articles_now (), error);
}

GPtrArray *
portada_articles_related_at (PortadaNewsroom *newsroom, const PortadaArticle *article, guint limit,
                             gint64 now, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_article_summary_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  /* Shared tags first, the most recent among equals; then the most recent
   * articles fill the list, so a page always has its five. Any section. */
  if (!add_related (
          newsroom, article,
          "WITH shared AS (SELECT x.article_id AS id, count(*) AS n FROM article_tag y "
          "JOIN article_tag x ON x.tag_id = y.tag_id WHERE y.article_id = ?1 AND "
          "x.article_id != ?1 GROUP BY x.article_id) "
          "SELECT " SUMMARY_COLUMNS "FROM shared sh JOIN article a ON a.id = sh.id "
          "LEFT JOIN section s ON s.id = a.section_id "
          "LEFT JOIN author au ON au.id = a.author_id "
          "WHERE a.lang = ?2 AND a.status = 'published' AND a.deleted_at IS NULL AND (a.publish_at "
          "IS NULL OR a.publish_at <= ?5) AND a.translation_group != ?3 "
          "ORDER BY sh.n DESC, a.publish_at DESC, a.id DESC LIMIT ?4",
          limit, now, out, seen, error))
    return NULL;
  if (out->len < limit
      && !add_related (
          newsroom, article,
          "SELECT " SUMMARY_COLUMNS ARTICLE_JOINS
          "WHERE a.id != ?1 AND a.lang = ?2 AND a.status = 'published' AND a.deleted_at IS NULL "
          "AND (a.publish_at IS NULL OR a.publish_at <= ?5) AND "
          "a.translation_group != ?3 ORDER BY a.publish_at DESC, a.id DESC LIMIT ?4",
          limit, now, out, seen, error))
    return NULL;
  return g_steal_pointer (&out);
}

static GStrv
all_names (PortadaNewsroom *newsroom, const char *sql, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (newsroom, sql, error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, _ ("names cannot be read"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GStrv
portada_articles_all_tags (PortadaNewsroom *newsroom, GError **error)
{
  return all_names (newsroom, "SELECT name FROM tag ORDER BY name", error);
}

GStrv
portada_articles_all_authors (PortadaNewsroom *newsroom, GError **error)
{
  return all_names (newsroom, "SELECT name FROM author ORDER BY name", error);
}
