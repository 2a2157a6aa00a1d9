/* portada-sync-records.c: one record of each kind written into the newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * By its stable identity, with an upsert, so that row ids (and what hangs on
 * them: revisions, tags, members) stay; a name another record holds (two
 * workstations made one each) gets a number.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-articles.h"
#include "portada-front-matter.h"
#include "portada-revisions.h"
#include "portada-settings.h"
#include "portada-sync-records.h"

/* In the order records are written; deleted in the reverse order. */
const char *const portada_sync_folders[PORTADA_SYNC_N_KINDS] = {
  "languages", "sections", "authors",    "media",      "articles",
  "pages",     "sponsors", "logo-lists", "placements", "conflicts",
};

/* The field that names each folder's record. */
const char *const portada_sync_identities[PORTADA_SYNC_N_KINDS] = {
  "code", "key", "uid", "sha256", "uuid", "uuid", "uid", "uid", "uid", "uid",
};

static gboolean
field_error (Ctx *c, const char *field, const char *problem)
{
  g_set_error (c->error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("“%s”, field “%s”: %s"), c->path,
               field, problem);
  return FALSE;
}

static const char *
get (Ctx *c, const char *field)
{
  return g_hash_table_lookup (c->r, field);
}

static void
bind_opt (sqlite3_stmt *s, int i, const char *value)
{
  if (value)
    portada_stmt_bind_text (s, i, value);
  else
    sqlite3_bind_null (s, i);
}

static gboolean
bind_int (Ctx *c, sqlite3_stmt *s, int i, const char *field, gint64 fallback)
{
  const char *v = get (c, field);
  gint64 n;

  if (v == NULL)
    {
      sqlite3_bind_int64 (s, i, fallback);
      return TRUE;
    }
  if (!g_ascii_string_to_signed (v, 10, G_MININT64, G_MAXINT64, &n, NULL))
    return field_error (c, field, _ ("not a whole number"));
  sqlite3_bind_int64 (s, i, n);
  return TRUE;
}

static gboolean
bind_time (Ctx *c, sqlite3_stmt *s, int i, const char *field, gboolean required)
{
  const char *v = get (c, field);
  gint64 t;

  if (v == NULL && !required)
    {
      sqlite3_bind_null (s, i);
      return TRUE;
    }
  if (!portada_sync_parse_time (v, &t))
    return field_error (c, field, _ ("not a time (such as 2026-01-31T12:00:00Z)"));
  sqlite3_bind_int64 (s, i, t);
  return TRUE;
}

static gboolean
bind_bool (Ctx *c, sqlite3_stmt *s, int i, const char *field, gboolean fallback)
{
  const char *v = get (c, field);
  gboolean b = fallback;

  if (v && !portada_yaml_parse_bool (v, &b))
    return field_error (c, field, _ ("not true or false"));
  sqlite3_bind_int (s, i, b);
  return TRUE;
}

void
portada_sync_finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Statements are prepared once per import and reused for every record. */
static sqlite3_stmt *
prepare (Ctx *c, const char *sql)
{
  sqlite3_stmt *s = g_hash_table_lookup (c->stmts, sql);

  if (s)
    {
      sqlite3_reset (s);
      sqlite3_clear_bindings (s);
      return s;
    }
  s = portada_newsroom_prepare (c->nr, sql, c->error);
  if (s)
    g_hash_table_insert (c->stmts, g_strdup (sql), s);
  return s;
}

/* The row id of the record of @table whose @column is @value, or NULL. */
static void
bind_ref (Ctx *c, sqlite3_stmt *s, int i, const char *table, const char *column, const char *field)
{
  const char *v = get (c, field);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?", table, column);
  sqlite3_stmt *q = NULL;

  sqlite3_bind_null (s, i);
  if (v == NULL)
    return;
  {
    /* A reference that cannot be looked up is no reference, not an error. */
    GError **saved = c->error;
    c->error = NULL;
    q = prepare (c, sql);
    c->error = saved;
  }
  if (q == NULL)
    return;
  portada_stmt_bind_text (q, 1, v);
  if (sqlite3_step (q) == SQLITE_ROW)
    sqlite3_bind_int64 (s, i, sqlite3_column_int64 (q, 0));
}

static gboolean
db_error (Ctx *c)
{
  g_set_error (c->error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("“%s”: cannot be stored: %s"),
               c->path, sqlite3_errmsg (portada_newsroom_get_db (c->nr)));
  return FALSE;
}

static gboolean
run (Ctx *c, sqlite3_stmt *s, gint64 *id)
{
  int rc = sqlite3_step (s);

  if (rc == SQLITE_ROW)
    {
      if (id)
        *id = sqlite3_column_int64 (s, 0);
      rc = sqlite3_step (s);
    }
  if (rc != SQLITE_DONE)
    {
      db_error (c);
      sqlite3_reset (s);
      return FALSE;
    }
  sqlite3_reset (s);
  return TRUE;
}

/* Runs @s with @name bound at @index; when the name is another record's (a
 * unique index), tries "NAME-2", "NAME-3"… as two workstations may have made
 * one name each. */
static gboolean
run_unique (Ctx *c, sqlite3_stmt *s, int index, const char *name, const char *sep, gint64 *id)
{
  for (int n = 1; n < 100; n++)
    {
      g_autofree char *v = n == 1 ? g_strdup (name) : g_strdup_printf ("%s%s%d", name, sep, n);
      int rc;

      portada_stmt_bind_text (s, index, v);
      rc = sqlite3_step (s);
      if (rc == SQLITE_ROW)
        {
          if (id)
            *id = sqlite3_column_int64 (s, 0);
          rc = sqlite3_step (s);
        }
      if (rc == SQLITE_DONE)
        {
          sqlite3_reset (s);
          return TRUE;
        }
      if (sqlite3_extended_errcode (portada_newsroom_get_db (c->nr)) != SQLITE_CONSTRAINT_UNIQUE)
        return db_error (c);
      sqlite3_reset (s);
    }
  return db_error (c);
}

/* Kinds */

static gboolean
put_language (Ctx *c)
{
  sqlite3_stmt *s
      = prepare (c, "INSERT INTO language (code, name, base_path, position) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                    " base_path = excluded.base_path, position = excluded.position");

  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, "code"));
  portada_stmt_bind_text (s, 2, get (c, "name") ? get (c, "name") : get (c, "code"));
  portada_stmt_bind_text (s, 3, get (c, "base_path") ? get (c, "base_path") : get (c, "code"));
  return bind_int (c, s, 4, "position", 0) && run (c, s, NULL);
}

static gboolean
put_section (Ctx *c)
{
  sqlite3_stmt *s
      = prepare (c, "INSERT INTO section (key, position) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET position = excluded.position RETURNING id");
  sqlite3_stmt *clear = NULL;
  sqlite3_stmt *label = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 id = 0;

  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, "key"));
  if (!bind_int (c, s, 2, "position", 0) || !run (c, s, &id))
    return FALSE;
  clear = prepare (c, "DELETE FROM section_label WHERE section_id = ?");
  /* A label in a language another workstation removed is left out. */
  label = prepare (c, "INSERT INTO section_label (section_id, lang, name, path)"
                      " SELECT ?1, code, ?3, ?4 FROM language WHERE code = ?2");
  if (clear == NULL || label == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, id);
  if (!run (c, clear, NULL))
    return FALSE;
  g_hash_table_iter_init (&iter, c->r);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *path_key = NULL;
      const char *lang;
      if (!g_str_has_prefix (key, "name."))
        continue;
      lang = (const char *) key + 5;
      path_key = g_strconcat ("path.", lang, NULL);
      sqlite3_bind_int64 (label, 1, id);
      portada_stmt_bind_text (label, 2, lang);
      portada_stmt_bind_text (label, 3, value);
      portada_stmt_bind_text (label, 4, get (c, path_key) ? get (c, path_key) : get (c, "key"));
      if (!run (c, label, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
put_author (Ctx *c)
{
  sqlite3_stmt *s
      = prepare (c, "INSERT INTO author (uid, email, bio, name) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (uid) DO UPDATE SET name = excluded.name, email = excluded.email,"
                    " bio = excluded.bio");

  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, "uid"));
  bind_opt (s, 2, get (c, "email"));
  bind_opt (s, 3, get (c, "bio"));
  return run_unique (c, s, 4, get (c, "name") ? get (c, "name") : "", " ", NULL);
}

static gboolean
put_media (Ctx *c, GBytes *data)
{
  sqlite3_stmt *s = prepare (
      c, "INSERT INTO media (sha256, mime, width, height, size, filename, data, created_at,"
         " alt_text, caption, credit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
         " ON CONFLICT (sha256) DO UPDATE SET filename = excluded.filename,"
         " alt_text = excluded.alt_text, caption = excluded.caption, credit = excluded.credit");
  gsize len;
  const void *bytes = g_bytes_get_data (data, &len);

  if (s == NULL)
    return FALSE;
  if (portada_sync_is_placeholder (data))
    {
      /* An image the newsroom has: only what is said about it changed. */
      s = prepare (c, "UPDATE media SET filename = ?2, alt_text = ?3, caption = ?4, credit = ?5"
                      " WHERE sha256 = ?1");
      if (s == NULL)
        return FALSE;
      portada_stmt_bind_text (s, 1, get (c, "sha256"));
      bind_opt (s, 2, get (c, "filename"));
      bind_opt (s, 3, get (c, "alt_text"));
      bind_opt (s, 4, get (c, "caption"));
      bind_opt (s, 5, get (c, "credit"));
      return run (c, s, NULL);
    }
  portada_stmt_bind_text (s, 1, get (c, "sha256"));
  portada_stmt_bind_text (s, 2, get (c, "mime"));
  if (!bind_int (c, s, 3, "width", 0) || !bind_int (c, s, 4, "height", 0))
    return FALSE;
  sqlite3_bind_int64 (s, 5, len);
  bind_opt (s, 6, get (c, "filename"));
  sqlite3_bind_blob (s, 7, bytes ? bytes : "", len, SQLITE_STATIC);
  if (!bind_time (c, s, 8, "created_at", FALSE))
    return FALSE;
  if (get (c, "created_at") == NULL)
    sqlite3_bind_int64 (s, 8, 0);
  bind_opt (s, 9, get (c, "alt_text"));
  bind_opt (s, 10, get (c, "caption"));
  bind_opt (s, 11, get (c, "credit"));
  return run (c, s, NULL);
}

static gboolean
put_tags (Ctx *c, gint64 article)
{
  sqlite3_stmt *clear = prepare (c, "DELETE FROM article_tag WHERE article_id = ?");
  sqlite3_stmt *tag
      = prepare (c, "INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name"
                    " RETURNING id");
  sqlite3_stmt *link
      = prepare (c, "INSERT OR IGNORE INTO article_tag (article_id, tag_id, position)"
                    " VALUES (?, ?, ?)");
  g_auto (GStrv) names = g_strsplit (get (c, "tags") ? get (c, "tags") : "", "\n", -1);

  if (clear == NULL || tag == NULL || link == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, article);
  if (!run (c, clear, NULL))
    return FALSE;
  for (int i = 0; names[i]; i++)
    {
      gint64 id = 0;
      if (*names[i] == '\0')
        continue;
      portada_stmt_bind_text (tag, 1, names[i]);
      if (!run (c, tag, &id))
        return FALSE;
      sqlite3_bind_int64 (link, 1, article);
      sqlite3_bind_int64 (link, 2, id);
      sqlite3_bind_int (link, 3, i);
      if (!run (c, link, NULL))
        return FALSE;
    }
  return TRUE;
}

/* The article's text as it was here, kept as a revision before another
 * workstation's replaces it: the Revisions dialog can bring it back. */
static gboolean
keep_revision (Ctx *c)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (PortadaArticle) old = NULL;
  const char *status = get (c, "status") ? get (c, "status") : "draft";

  if (!g_hash_table_contains (c->old, c->path))
    return TRUE; /* new here */
  old = portada_articles_load_by_uuid (c->nr, get (c, "uuid"), &local);
  if (old == NULL)
    return TRUE;
  if (g_strcmp0 (old->title, get (c, "title") ? get (c, "title") : "") == 0
      && g_strcmp0 (old->subtitle, get (c, "subtitle")) == 0
      && g_strcmp0 (old->excerpt, get (c, "excerpt")) == 0
      && g_strcmp0 (old->body, get (c, "body") ? get (c, "body") : "") == 0
      && g_strcmp0 (portada_article_status_to_string (old->status), status) == 0)
    return TRUE;
  return portada_revisions_add (c->nr, old, "sync", portada_articles_now (), c->error);
}

/* Articles and pages are first written under their uuid as the slug (unique),
 * and get their own slug once every changed one is in: two that swapped slugs
 * never meet. */
static gboolean
put_article (Ctx *c)
{
  sqlite3_stmt *s = prepare (
      c, "INSERT INTO article (uuid, lang, translation_group, title, subtitle, slug, status,"
         " excerpt, body, source_name, source_url, section_id, author_id, featured_media_id,"
         " slug_year, publish_at, created_at, updated_at, comments_enabled, first_published_at,"
         " deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?1, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
         " ?16, ?17, ?18, ?19, ?20, ?21)"
         " ON CONFLICT (uuid) DO UPDATE SET lang = excluded.lang,"
         " translation_group = excluded.translation_group, title = excluded.title,"
         " subtitle = excluded.subtitle, slug = excluded.slug, status = excluded.status,"
         " excerpt = excluded.excerpt, body = excluded.body, source_name = excluded.source_name,"
         " source_url = excluded.source_url, section_id = excluded.section_id,"
         " author_id = excluded.author_id, featured_media_id = excluded.featured_media_id,"
         " slug_year = excluded.slug_year, publish_at = excluded.publish_at,"
         " created_at = excluded.created_at, updated_at = excluded.updated_at,"
         " comments_enabled = excluded.comments_enabled,"
         " first_published_at = excluded.first_published_at, deleted_at = excluded.deleted_at"
         " RETURNING id");
  gint64 id = 0;

  if (s == NULL)
    return FALSE;
  if (get (c, "lang") == NULL)
    return field_error (c, "lang", _ ("missing"));
  if (!keep_revision (c))
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, "uuid"));
  portada_stmt_bind_text (s, 2, get (c, "lang"));
  portada_stmt_bind_text (
      s, 3, get (c, "translation_group") ? get (c, "translation_group") : get (c, "uuid"));
  portada_stmt_bind_text (s, 4, get (c, "title"));
  bind_opt (s, 5, get (c, "subtitle"));
  portada_stmt_bind_text (s, 7, get (c, "status") ? get (c, "status") : "draft");
  bind_opt (s, 8, get (c, "excerpt"));
  portada_stmt_bind_text (s, 9, get (c, "body"));
  bind_opt (s, 10, get (c, "source_name"));
  bind_opt (s, 11, get (c, "source_url"));
  bind_ref (c, s, 12, "section", "key", "section");
  bind_ref (c, s, 13, "author", "uid", "author");
  bind_ref (c, s, 14, "media", "sha256", "featured");
  if (!bind_int (c, s, 15, "slug_year", 0) || !bind_time (c, s, 16, "publish_at", FALSE)
      || !bind_time (c, s, 17, "created_at", TRUE) || !bind_time (c, s, 18, "updated_at", TRUE)
      || !bind_bool (c, s, 19, "comments_enabled", TRUE)
      || !bind_time (c, s, 20, "first_published_at", FALSE)
      || !bind_time (c, s, 21, "deleted_at", FALSE) || !run (c, s, &id))
    return FALSE;
  return put_tags (c, id);
}

static gboolean
settle_slug (Ctx *c, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET slug = ?1 WHERE uuid = ?2", table);
  sqlite3_stmt *s = prepare (c, sql);
  const char *slug = get (c, "slug");

  if (s == NULL)
    return FALSE;
  if (slug == NULL || *slug == '\0')
    return field_error (c, "slug", _ ("missing"));
  portada_stmt_bind_text (s, 2, get (c, "uuid"));
  return run_unique (c, s, 1, slug, "-", NULL);
}

static gboolean
put_page (Ctx *c)
{
  sqlite3_stmt *s = prepare (
      c, "INSERT INTO page (uuid, lang, title, slug, status, translation_group, body,"
         " menu_order, created_at, updated_at, parent_id)"
         " VALUES (?1, ?2, ?3, ?1, ?5, ?6, ?7, ?8, ?9, ?10, NULL)"
         " ON CONFLICT (uuid) DO UPDATE SET lang = excluded.lang, title = excluded.title,"
         " slug = excluded.slug, status = excluded.status,"
         " translation_group = excluded.translation_group, body = excluded.body,"
         " menu_order = excluded.menu_order, created_at = excluded.created_at,"
         " updated_at = excluded.updated_at, parent_id = NULL");

  if (s == NULL)
    return FALSE;
  if (get (c, "lang") == NULL)
    return field_error (c, "lang", _ ("missing"));
  portada_stmt_bind_text (s, 1, get (c, "uuid"));
  portada_stmt_bind_text (s, 2, get (c, "lang"));
  portada_stmt_bind_text (s, 3, get (c, "title"));
  portada_stmt_bind_text (s, 5, get (c, "status") ? get (c, "status") : "draft");
  bind_opt (s, 6, get (c, "translation_group"));
  portada_stmt_bind_text (s, 7, get (c, "body"));
  return bind_int (c, s, 8, "menu_order", 0) && bind_time (c, s, 9, "created_at", TRUE)
         && bind_time (c, s, 10, "updated_at", TRUE) && run (c, s, NULL);
}

static gboolean
settle_page (Ctx *c)
{
  sqlite3_stmt *s = prepare (c, "UPDATE page SET parent_id = ?1 WHERE uuid = ?2");

  if (s == NULL)
    return FALSE;
  bind_ref (c, s, 1, "page", "uuid", "parent");
  portada_stmt_bind_text (s, 2, get (c, "uuid"));
  return run (c, s, NULL) && settle_slug (c, "page");
}

static gboolean
put_sponsor (Ctx *c)
{
  sqlite3_stmt *s = prepare (
      c, "INSERT INTO sponsor (uid, name, website, logo_media_id, alt_text, contract_start,"
         " contract_end, notes, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
         " ON CONFLICT (uid) DO UPDATE SET name = excluded.name, website = excluded.website,"
         " logo_media_id = excluded.logo_media_id, alt_text = excluded.alt_text,"
         " contract_start = excluded.contract_start, contract_end = excluded.contract_end,"
         " notes = excluded.notes, active = excluded.active");

  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, "uid"));
  portada_stmt_bind_text (s, 2, get (c, "name"));
  bind_opt (s, 3, get (c, "website"));
  bind_ref (c, s, 4, "media", "sha256", "logo");
  portada_stmt_bind_text (s, 5, get (c, "alt_text"));
  bind_opt (s, 6, get (c, "contract_start"));
  bind_opt (s, 7, get (c, "contract_end"));
  bind_opt (s, 8, get (c, "notes"));
  return bind_bool (c, s, 9, "active", TRUE) && run (c, s, NULL);
}

typedef struct
{
  const char *sponsor;
  double position;
  double weight;
} Member;

static int
compare_members (gconstpointer a, gconstpointer b)
{
  const Member *x = a, *y = b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return strcmp (x->sponsor, y->sponsor);
}

/* Members are fields "position.SPONSOR" and "weight.SPONSOR": a list reordered on
 * one workstation and given a sponsor on another merges field by field. Equal
 * positions (two added at the end) are ordered by the sponsor's uid. */
static gboolean
put_members (Ctx *c, gint64 list)
{
  g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  sqlite3_stmt *clear = prepare (c, "DELETE FROM logo_list_member WHERE list_id = ?");
  sqlite3_stmt *add
      = prepare (c, "INSERT INTO logo_list_member (list_id, sponsor_id, position, weight)"
                    " SELECT ?, id, ?, ? FROM sponsor WHERE uid = ?");
  GHashTableIter iter;
  gpointer key, value;

  if (clear == NULL || add == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, c->r);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Member m = { (const char *) key + strlen ("position."), 0, 1 };
      g_autofree char *weight_key = NULL;
      const char *w;
      if (!g_str_has_prefix (key, "position."))
        continue;
      m.position = g_ascii_strtod (value, NULL);
      weight_key = g_strconcat ("weight.", m.sponsor, NULL);
      w = get (c, weight_key);
      if (w)
        m.weight = g_ascii_strtod (w, NULL);
      if (!(m.weight > 0) || m.weight > 1e6)
        return field_error (c, weight_key, _ ("a weight is a number above 0"));
      g_array_append_val (members, m);
    }
  g_array_sort (members, compare_members);
  sqlite3_bind_int64 (clear, 1, list);
  if (!run (c, clear, NULL))
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      Member *m = &g_array_index (members, Member, i);
      sqlite3_bind_int64 (add, 1, list);
      sqlite3_bind_int (add, 2, i);
      sqlite3_bind_double (add, 3, m->weight);
      portada_stmt_bind_text (add, 4, m->sponsor);
      if (!run (c, add, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
put_logo_list (Ctx *c)
{
  sqlite3_stmt *s = prepare (c, "INSERT INTO logo_list (uid, name) VALUES (?, ?)"
                                " ON CONFLICT (uid) DO UPDATE SET name = excluded.name"
                                " RETURNING id");
  gint64 id = 0;

  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, "uid"));
  return run_unique (c, s, 2, get (c, "name") ? get (c, "name") : "", " ", &id)
         && put_members (c, id);
}

static gboolean
put_placement (Ctx *c)
{
  sqlite3_stmt *s = prepare (
      c, "INSERT INTO placement (uid, slot, list_id, order_mode, languages, sections, position,"
         " max_logos, after_paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
         " ON CONFLICT (uid) DO UPDATE SET slot = excluded.slot, list_id = excluded.list_id,"
         " order_mode = excluded.order_mode, languages = excluded.languages,"
         " sections = excluded.sections, position = excluded.position,"
         " max_logos = excluded.max_logos, after_paragraph = excluded.after_paragraph");

  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, "uid"));
  portada_stmt_bind_text (s, 2, get (c, "slot"));
  bind_ref (c, s, 3, "logo_list", "uid", "list");
  portada_stmt_bind_text (s, 4, get (c, "order_mode") ? get (c, "order_mode") : "shuffle");
  portada_stmt_bind_text (s, 5, get (c, "languages"));
  portada_stmt_bind_text (s, 6, get (c, "sections"));
  return bind_int (c, s, 7, "position", 0) && bind_int (c, s, 8, "max_logos", 0)
         && bind_int (c, s, 9, "after_paragraph", 0) && run (c, s, NULL);
}

static gboolean
put_conflict (Ctx *c)
{
  sqlite3_stmt *s
      = prepare (c, "INSERT OR REPLACE INTO sync_conflict (uid, record, field, other, created_at)"
                    " VALUES (?, ?, ?, ?, ?)");

  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, "uid"));
  portada_stmt_bind_text (s, 2, get (c, "record"));
  portada_stmt_bind_text (s, 3, get (c, "field"));
  portada_stmt_bind_text (s, 4, get (c, "body"));
  return bind_time (c, s, 5, "created_at", TRUE) && run (c, s, NULL);
}

gboolean
portada_sync_put_settings (Ctx *c, GHashTable *old)
{
  sqlite3_stmt *del = prepare (c, "DELETE FROM setting WHERE key = ?");
  sqlite3_stmt *set = prepare (c, "INSERT OR REPLACE INTO setting (key, value)"
                                  " VALUES (?, ?)");
  GHashTableIter iter;
  gpointer key, value;

  if (del == NULL || set == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (c->r, key))
      {
        portada_stmt_bind_text (del, 1, key);
        if (!run (c, del, NULL))
          return FALSE;
      }
  g_hash_table_iter_init (&iter, c->r);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (GError) local = NULL;
      if (!portada_sync_setting_is_shared (key))
        continue;
      if (!portada_settings_check (key, value, &local))
        return field_error (c, key, local->message);
      portada_stmt_bind_text (set, 1, key);
      portada_stmt_bind_text (set, 2, value);
      if (!run (c, set, NULL))
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_sync_delete_record (Ctx *c, int kind)
{
  static const char *const tables[] = {
    "language", "section", "author",    "media",     "article",
    "page",     "sponsor", "logo_list", "placement", "sync_conflict",
  };
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?", tables[kind],
                                          portada_sync_identities[kind]);
  sqlite3_stmt *s = prepare (c, sql);

  if (s == NULL)
    return FALSE;
  portada_stmt_bind_text (s, 1, get (c, portada_sync_identities[kind]));
  return run (c, s, NULL);
}

/* Checking, before anything is written */

const char *
portada_sync_data_path_of (GHashTable *files, const char *sha)
{
  static const char *const exts[] = { "png", "jpg", "webp", "svg", "gif", NULL };
  static char path[128];

  for (guint i = 0; exts[i]; i++)
    {
      g_snprintf (path, sizeof path, "media/%s.%s", sha, exts[i]);
      if (g_hash_table_contains (files, path))
        return path;
    }
  return NULL;
}

gboolean
portada_sync_put_record (Ctx *c, int kind, GHashTable *files)
{
  switch (kind)
    {
      case 0:
        return put_language (c);
      case 1:
        return put_section (c);
      case 2:
        return put_author (c);
      case 3:
        {
          g_autofree char *sha = g_strndup (c->path + 6, 64);
          return put_media (c, g_hash_table_lookup (files, portada_sync_data_path_of (files, sha)));
        }
      case 4:
        return put_article (c);
      case 5:
        return put_page (c);
      case 6:
        return put_sponsor (c);
      case 7:
        return put_logo_list (c);
      case 8:
        return put_placement (c);
      default:
        return put_conflict (c);
    }
}

gboolean
portada_sync_settle (Ctx *c, int kind)
{
  return kind == 4 ? settle_slug (c, "article") : settle_page (c);
}
