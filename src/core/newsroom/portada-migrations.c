/* portada-migrations.c: the numbered schema changes of a newsroom file.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migration N takes a file from user_version N-1 to N. Never edit a migration
 * that has shipped: add the next one.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-newsroom-private.h"

/* A random (version 4) UUID, in SQL. */
#define UUID                                                                                       \
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), "   \
  "2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || "   \
  "'-' || hex(randomblob(6)))"

static const char *const migrations[] = {
  /* 1: the first schema. */
  "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE language ("
  "  code TEXT PRIMARY KEY, name TEXT NOT NULL, base_path TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO language (code, name, base_path, position) VALUES "
  "  ('en', 'English', 'en', 0), ('es', 'Español', 'es', 1);"
  "CREATE TABLE section ("
  "  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE section_label ("
  "  section_id INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,"
  "  lang TEXT NOT NULL REFERENCES language(code) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, path TEXT NOT NULL,"
  "  PRIMARY KEY (section_id, lang));"
  "CREATE TABLE author ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, email TEXT, bio TEXT);"
  "CREATE TABLE media ("
  "  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, mime TEXT NOT NULL,"
  "  width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0,"
  "  size INTEGER NOT NULL, filename TEXT, data BLOB NOT NULL, created_at INTEGER NOT NULL);"
  "CREATE TABLE article ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, lang TEXT NOT NULL,"
  "  translation_group TEXT NOT NULL,"
  "  section_id INTEGER REFERENCES section(id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '', subtitle TEXT, slug TEXT NOT NULL, slug_year INTEGER NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft','review','scheduled','published','archived')),"
  "  author_id INTEGER REFERENCES author(id) ON DELETE SET NULL,"
  "  publish_at INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
  "  excerpt TEXT, body TEXT NOT NULL DEFAULT '', source_name TEXT, source_url TEXT,"
  "  featured_media_id INTEGER REFERENCES media(id) ON DELETE SET NULL,"
  "  comments_enabled INTEGER NOT NULL DEFAULT 1);"
  "CREATE UNIQUE INDEX article_slug ON article (lang, section_id, slug_year, slug);"
  "CREATE INDEX article_sort ON article (coalesce(publish_at, created_at) DESC, id DESC);"
  "CREATE INDEX article_updated ON article (updated_at DESC);"
  "CREATE INDEX article_status ON article (status, publish_at DESC);"
  "CREATE INDEX article_lang ON article (lang, publish_at DESC);"
  "CREATE INDEX article_section ON article (section_id, publish_at DESC);"
  "CREATE INDEX article_author ON article (author_id);"
  "CREATE INDEX article_translation ON article (translation_group);"
  "CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
  "CREATE TABLE article_tag ("
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (article_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX article_tag_tag ON article_tag (tag_id, article_id);"
  "CREATE TABLE revision ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL,"
  "  title TEXT NOT NULL, subtitle TEXT, excerpt TEXT, body TEXT NOT NULL);"
  "CREATE INDEX revision_article ON revision (article_id, created_at DESC);"
  "CREATE VIRTUAL TABLE article_fts USING fts5("
  "  title, subtitle, excerpt, body, content='article', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN"
  "  INSERT INTO article_fts (rowid, title, subtitle, excerpt, body)"
  "  VALUES (new.id, new.title, new.subtitle, new.excerpt, new.body); END;"
  "CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
  "  INSERT INTO article_fts (article_fts, rowid, title, subtitle, excerpt, body)"
  "  VALUES ('delete', old.id, old.title, old.subtitle, old.excerpt, old.body); END;"
  "CREATE TRIGGER article_fts_update AFTER UPDATE OF title, subtitle, excerpt, body ON article "
  "BEGIN"
  "  INSERT INTO article_fts (article_fts, rowid, title, subtitle, excerpt, body)"
  "  VALUES ('delete', old.id, old.title, old.subtitle, old.excerpt, old.body);"
  "  INSERT INTO article_fts (rowid, title, subtitle, excerpt, body)"
  "  VALUES (new.id, new.title, new.subtitle, new.excerpt, new.body); END;"
  "CREATE TABLE sponsor ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, website TEXT,"
  "  logo_media_id INTEGER REFERENCES media(id) ON DELETE SET NULL,"
  "  alt_text TEXT NOT NULL DEFAULT '', contract_start TEXT, contract_end TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1, notes TEXT);"
  "CREATE TABLE logo_list (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE logo_list_member ("
  "  list_id INTEGER NOT NULL REFERENCES logo_list(id) ON DELETE CASCADE,"
  "  sponsor_id INTEGER NOT NULL REFERENCES sponsor(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),"
  "  PRIMARY KEY (list_id, sponsor_id)) WITHOUT ROWID;"
  "CREATE TABLE placement ("
  "  id INTEGER PRIMARY KEY, slot TEXT NOT NULL"
  "    CHECK (slot IN ('header','article-top','body','sidebar','mid','footer')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  list_id INTEGER REFERENCES logo_list(id) ON DELETE SET NULL,"
  "  max_logos INTEGER NOT NULL DEFAULT 0 CHECK (max_logos >= 0),"
  "  order_mode TEXT NOT NULL DEFAULT 'shuffle'"
  "    CHECK (order_mode IN ('shuffle','fixed','alphabetical')),"
  "  after_paragraph INTEGER NOT NULL DEFAULT 0,"
  "  languages TEXT NOT NULL DEFAULT '', sections TEXT NOT NULL DEFAULT '');",

  /* 2: alt text for media, e-mail search for authors. */
  "ALTER TABLE media ADD COLUMN alt_text TEXT;"
  "CREATE INDEX sponsor_name ON sponsor (name COLLATE NOCASE);",

  /* 3: what a photo editor records about a picture, beside its alt text. */
  "ALTER TABLE media ADD COLUMN caption TEXT;"
  "ALTER TABLE media ADD COLUMN credit TEXT;",
  /* 4: the article lifecycle: when it was first published (its slug stays from
   * then on), the Trash (deleted_at), who kept a revision. */
  "ALTER TABLE article ADD COLUMN first_published_at INTEGER;"
  "ALTER TABLE article ADD COLUMN deleted_at INTEGER;"
  "UPDATE article SET first_published_at = coalesce(publish_at, updated_at)"
  "  WHERE status IN ('published', 'archived');"
  "CREATE INDEX article_deleted ON article (deleted_at) WHERE deleted_at IS NOT NULL;"
  "ALTER TABLE revision ADD COLUMN author TEXT;",
  /* 5: pages (About, Advertise...), in a hierarchy, as WordPress keeps them. */
  "CREATE TABLE page ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, lang TEXT NOT NULL,"
  "  title TEXT NOT NULL, slug TEXT NOT NULL,"
  "  parent_id INTEGER REFERENCES page(id) ON DELETE SET NULL,"
  "  menu_order INTEGER NOT NULL DEFAULT 0,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft','review','scheduled','published','archived')),"
  "  translation_group TEXT, body TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
  "CREATE UNIQUE INDEX page_slug ON page (lang, coalesce(parent_id, 0), slug);"
  "CREATE INDEX page_parent ON page (parent_id);",
  /* 6: readers' comments on articles, threaded, approved or waiting for
   * moderation, as WordPress keeps them (spam and trash are never kept); the
   * site's menus. */
  "CREATE TABLE comment ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES comment(id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment','pingback','trackback')),"
  "  author TEXT NOT NULL DEFAULT '', author_email TEXT, author_url TEXT,"
  "  created_at INTEGER NOT NULL, body TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('approved','pending')));"
  "CREATE INDEX comment_article ON comment (article_id, status, created_at);"
  "CREATE INDEX comment_parent ON comment (parent_id);"
  /* The site's menus per language, in order: the section bar and the footer links.
   * An item points to a section (key), a page or an article (uuid), or a URL. */
  "CREATE TABLE menu_item ("
  "  id INTEGER PRIMARY KEY, lang TEXT NOT NULL,"
  "  menu TEXT NOT NULL CHECK (menu IN ('bar','footer')), position INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL CHECK (kind IN ('section','page','article','url')),"
  "  target TEXT NOT NULL, UNIQUE (lang, menu, position));",
  /* 7: sync: a stable identity (uid) for the records that had none but their
   * name, filled for new rows by a trigger, and the conflicts a sync kept. */
  "ALTER TABLE author ADD COLUMN uid TEXT;"
  "UPDATE author SET uid = " UUID ";"
  "CREATE UNIQUE INDEX author_uid ON author (uid);"
  "CREATE TRIGGER author_uid AFTER INSERT ON author WHEN new.uid IS NULL BEGIN"
  "  UPDATE author SET uid = " UUID " WHERE id = new.id; END;"
  "ALTER TABLE sponsor ADD COLUMN uid TEXT;"
  "UPDATE sponsor SET uid = " UUID ";"
  "CREATE UNIQUE INDEX sponsor_uid ON sponsor (uid);"
  "CREATE TRIGGER sponsor_uid AFTER INSERT ON sponsor WHEN new.uid IS NULL BEGIN"
  "  UPDATE sponsor SET uid = " UUID " WHERE id = new.id; END;"
  "ALTER TABLE logo_list ADD COLUMN uid TEXT;"
  "UPDATE logo_list SET uid = " UUID ";"
  "CREATE UNIQUE INDEX logo_list_uid ON logo_list (uid);"
  "CREATE TRIGGER logo_list_uid AFTER INSERT ON logo_list WHEN new.uid IS NULL BEGIN"
  "  UPDATE logo_list SET uid = " UUID " WHERE id = new.id; END;"
  "ALTER TABLE placement ADD COLUMN uid TEXT;"
  "UPDATE placement SET uid = " UUID ";"
  "CREATE UNIQUE INDEX placement_uid ON placement (uid);"
  "CREATE TRIGGER placement_uid AFTER INSERT ON placement WHEN new.uid IS NULL BEGIN"
  "  UPDATE placement SET uid = " UUID " WHERE id = new.id; END;"
  "CREATE TABLE sync_conflict ("
  "  uid TEXT PRIMARY KEY, record TEXT NOT NULL, field TEXT NOT NULL,"
  "  other TEXT NOT NULL, created_at INTEGER NOT NULL);",
  /* 8: each article's post on a WordPress site it was pushed to (written only by
   * portada-wordpress-posts.c): the post's modified_gmt as that push left it, to
   * tell a change made on the site, and the SHA-256 of what was sent, to send only
   * what changed, and of the post's fields as the site answered (an edit on the site
   * in the same second as the push leaves modified_gmt as it was); conflict_site_sha256
   * the site's version already kept as a revision. */
  "CREATE TABLE wordpress_post ("
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  site TEXT NOT NULL, post_id INTEGER NOT NULL CHECK (post_id > 0),"
  "  modified_gmt TEXT NOT NULL, sent_sha256 TEXT NOT NULL, site_sha256 TEXT,"
  "  pushed_at INTEGER NOT NULL,"
  "  conflict_site_sha256 TEXT,"
  "  PRIMARY KEY (article_id, site)) WITHOUT ROWID;"
  "CREATE UNIQUE INDEX wordpress_post_site ON wordpress_post (site, post_id);"
  /* And each image's attachment there, uploaded once and reused (written only by
   * portada-wordpress-media.c). */
  "CREATE TABLE wordpress_media ("
  "  media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,"
  "  site TEXT NOT NULL, wp_media_id INTEGER NOT NULL CHECK (wp_media_id > 0),"
  "  source_url TEXT NOT NULL,"
  "  PRIMARY KEY (media_id, site)) WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PORTADA_SCHEMA_VERSION);

static gboolean
current_version (sqlite3 *db, int *version)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
portada_migrations_apply (sqlite3 *db, int from, int to, GError **error)
{
  g_autofree char *set_version = NULL;
  char *message = NULL;
  int rc;

  g_return_val_if_fail (from >= 0 && to <= PORTADA_SCHEMA_VERSION && from <= to, FALSE);

  if (from == to)
    return TRUE;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, &message) != SQLITE_OK)
    goto failed;
  /* Another window may have upgraded the file while this one waited for the
   * lock: start from the version it has now, inside the transaction. */
  if (!current_version (db, &from))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      goto failed;
    }
  if (from >= to)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      if (from == to)
        return TRUE;
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_TOO_NEW,
                   _ ("a newer Portada upgraded the newsroom to schema %d while it was being "
                      "opened; update Portada to open it"),
                   from);
      return FALSE;
    }

  for (int v = from + 1; v <= to; v++)
    {
      if (sqlite3_exec (db, migrations[v - 1], NULL, NULL, &message) != SQLITE_OK)
        {
          g_autofree char *what = g_strdup_printf ("migration %d: %s", v, message);
          sqlite3_free (message);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                       _ ("Could not upgrade the newsroom (%s); the file was left as it was"),
                       what);
          return FALSE;
        }
    }

  /* 0x506f7274 is "Port": it tells a Portada newsroom from any other SQLite file. */
  set_version
      = g_strdup_printf ("PRAGMA application_id = 1349480052; PRAGMA user_version = %d;", to);
  if (sqlite3_exec (db, set_version, NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (db, "COMMIT", NULL, NULL, &message) != SQLITE_OK)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      goto failed;
    }
  return TRUE;

failed:
  rc = sqlite3_extended_errcode (db) & 0xff;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_BUSY,
                 _ ("Could not upgrade the newsroom: it is busy in another window or program; "
                    "try again in a moment"));
  else if (rc == SQLITE_FULL)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NO_SPACE,
                 _ ("Could not upgrade the newsroom: the disk is full; the file was left as it "
                    "was"));
  else
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                 _ ("Could not upgrade the newsroom: %s"), message ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}
