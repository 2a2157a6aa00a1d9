/* portada-comments.c: the comment table.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "portada-comments.h"
#include "portada-newsroom-private.h"

#define COLUMNS                                                                                    \
  "id, uuid, article_id, coalesce(parent_id, 0), kind, author, author_email, author_url, "         \
  "created_at, body, status"

static const char *const kinds[] = { "comment", "pingback", "trackback" };

PortadaComment *
portada_comment_new (void)
{
  PortadaComment *c = g_new0 (PortadaComment, 1);
  c->author = g_strdup ("");
  c->body = g_strdup ("");
  return c;
}

void
portada_comment_free (PortadaComment *c)
{
  if (c == NULL)
    return;
  g_free (c->uuid);
  g_free (c->author);
  g_free (c->author_email);
  g_free (c->author_url);
  g_free (c->body);
  g_free (c);
}

const char *
portada_comment_status_to_string (PortadaCommentStatus status)
{
  return status == PORTADA_COMMENT_APPROVED ? "approved" : "pending";
}

const char *
portada_comment_kind_to_string (PortadaCommentKind kind)
{
  return (guint) kind < G_N_ELEMENTS (kinds) ? kinds[kind] : kinds[0];
}

static PortadaComment *
comment_from_row (sqlite3_stmt *stmt)
{
  PortadaComment *c = portada_comment_new ();
  const char *kind = (const char *) sqlite3_column_text (stmt, 4);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->uuid = portada_stmt_dup_text (stmt, 1);
  c->article_id = sqlite3_column_int64 (stmt, 2);
  c->parent_id = sqlite3_column_int64 (stmt, 3);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      c->kind = i;
  g_free (c->author);
  c->author = portada_stmt_dup_text (stmt, 5);
  c->author_email = portada_stmt_dup_text (stmt, 6);
  c->author_url = portada_stmt_dup_text (stmt, 7);
  c->created_at = sqlite3_column_int64 (stmt, 8);
  g_free (c->body);
  c->body = portada_stmt_dup_text (stmt, 9);
  c->status = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 10), "approved") == 0
                  ? PORTADA_COMMENT_APPROVED
                  : PORTADA_COMMENT_PENDING;
  if (c->author == NULL)
    c->author = g_strdup ("");
  if (c->body == NULL)
    c->body = g_strdup ("");
  return c;
}

PortadaComment *
portada_comments_load (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (newsroom, "SELECT " COLUMNS " FROM comment WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return comment_from_row (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("No comment %s"), number);
    }
  else
    portada_newsroom_set_error (newsroom, error, "the comment cannot be read");
  return NULL;
}

gint64
portada_comments_find_uuid (PortadaNewsroom *newsroom, const char *uuid, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (newsroom, "SELECT id FROM comment WHERE uuid = ?1", error);
  int rc;

  if (stmt == NULL)
    return -1;
  portada_stmt_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "comments cannot be searched");
      return -1;
    }
  return 0;
}

/* Depth first from @c: its replies (children of @by_parent) after it. */
static void
add_thread (GPtrArray *out, PortadaComment *c, guint depth, GHashTable *by_parent,
            GHashTable *placed)
{
  GPtrArray *replies = g_hash_table_lookup (by_parent, &c->id);

  c->depth = depth;
  g_ptr_array_add (out, c);
  g_hash_table_add (placed, c);
  for (guint i = 0; replies && i < replies->len; i++)
    if (!g_hash_table_contains (placed, replies->pdata[i]))
      add_thread (out, replies->pdata[i], depth + 1, by_parent, placed);
}

/* @flat is in date order; the result holds the same comments as threads. */
static GPtrArray *
threaded (GPtrArray *flat)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) by_parent = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) placed = g_hash_table_new (NULL, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_comment_free);

  for (guint i = 0; i < flat->len; i++)
    {
      PortadaComment *c = flat->pdata[i];
      g_hash_table_insert (by_id, &c->id, c);
    }
  for (guint i = 0; i < flat->len; i++)
    {
      PortadaComment *c = flat->pdata[i];
      GPtrArray *replies;
      if (c->parent_id == 0 || !g_hash_table_contains (by_id, &c->parent_id))
        continue;
      replies = g_hash_table_lookup (by_parent, &c->parent_id);
      if (replies == NULL)
        {
          replies = g_ptr_array_new ();
          g_hash_table_insert (by_parent, &c->parent_id, replies);
        }
      g_ptr_array_add (replies, c);
    }
  for (guint i = 0; i < flat->len; i++)
    {
      PortadaComment *c = flat->pdata[i];
      if (c->parent_id == 0 || !g_hash_table_contains (by_id, &c->parent_id))
        add_thread (out, c, 0, by_parent, placed);
    }
  /* Only a loop of parents (a file edited by hand) is left: shown at the top. */
  for (guint i = 0; i < flat->len; i++)
    if (!g_hash_table_contains (placed, flat->pdata[i]))
      add_thread (out, flat->pdata[i], 0, by_parent, placed);
  return out;
}

GPtrArray *
portada_comments_list (PortadaNewsroom *newsroom, gint64 article_id, gboolean approved_only,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
      newsroom,
      "SELECT " COLUMNS " FROM comment WHERE article_id = ?1 AND (?2 = 0 OR status = 'approved') "
      "ORDER BY created_at, id",
      error);
  g_autoptr (GPtrArray) flat = g_ptr_array_new ();
  GPtrArray *out;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int (stmt, 2, approved_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (flat, comment_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < flat->len; i++)
        portada_comment_free (flat->pdata[i]);
      portada_newsroom_set_error (newsroom, error, "comments cannot be listed");
      return NULL;
    }
  out = threaded (flat);
  return out;
}

static const char *
who (const PortadaComment *c)
{
  return c->author && *c->author ? c->author : _ ("(anonymous)");
}

static gboolean
article_exists (PortadaNewsroom *newsroom, PortadaComment *c, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
      = portada_newsroom_prepare (newsroom, "SELECT 1 FROM article WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, "comments cannot be checked");
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, c->article_id);
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                 _ ("Comment by “%s”: its article %s does not exist"), who (c), number);
  }
  return FALSE;
}

/* The parent is a comment of the same article, and not the comment or below it. */
static gboolean
parent_ok (PortadaNewsroom *newsroom, PortadaComment *c, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (c->parent_id == 0)
    return TRUE;
  stmt = portada_newsroom_prepare (
      newsroom,
      "WITH RECURSIVE up (id, parent, article, depth) AS ("
      "  SELECT id, parent_id, article_id, 0 FROM comment WHERE id = ?1"
      "  UNION ALL SELECT c.id, c.parent_id, c.article_id, up.depth + 1 FROM comment c"
      "   JOIN up ON c.id = up.parent WHERE up.depth < 10000)"
      " SELECT (SELECT article FROM up WHERE depth = 0), "
      "   (SELECT count(*) FROM up WHERE id = ?2)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->parent_id);
  sqlite3_bind_int64 (stmt, 2, c->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return portada_newsroom_set_error (newsroom, error, "comments cannot be checked");
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL
      || sqlite3_column_int64 (stmt, 0) != c->article_id)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, c->parent_id);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("Comment by “%s”: the comment %s it answers is not one of the same article"),
                   who (c), number);
      return FALSE;
    }
  if (c->id && sqlite3_column_int (stmt, 1) > 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("Comment by “%s”: it cannot answer itself, nor one of its own replies"),
                   who (c));
      return FALSE;
    }
  return TRUE;
}

gboolean
portada_comments_save (PortadaNewsroom *newsroom, PortadaComment *c, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && c != NULL, FALSE);
  if (c->uuid == NULL)
    c->uuid = g_uuid_string_random ();
  if (!article_exists (newsroom, c, error) || !parent_ok (newsroom, c, error))
    return FALSE;
  if (c->created_at == 0)
    c->created_at = g_get_real_time () / G_USEC_PER_SEC;
  stmt = portada_newsroom_prepare (
      newsroom,
      c->id ? "UPDATE comment SET uuid = ?2, article_id = ?3, parent_id = ?4, kind = ?5, "
              "author = ?6, author_email = ?7, author_url = ?8, created_at = ?9, body = ?10, "
              "status = ?11 WHERE id = ?1"
            : "INSERT INTO comment (uuid, article_id, parent_id, kind, author, author_email, "
              "author_url, created_at, body, status) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
              "?10, ?11)",
      error);
  if (stmt == NULL)
    return FALSE;
  if (c->id)
    sqlite3_bind_int64 (stmt, 1, c->id);
  portada_stmt_bind_text (stmt, 2, c->uuid);
  sqlite3_bind_int64 (stmt, 3, c->article_id);
  if (c->parent_id)
    sqlite3_bind_int64 (stmt, 4, c->parent_id);
  else
    sqlite3_bind_null (stmt, 4);
  portada_stmt_bind_text (stmt, 5, portada_comment_kind_to_string (c->kind));
  portada_stmt_bind_text (stmt, 6, c->author ? c->author : "");
  portada_stmt_bind_text_or_null (stmt, 7,
                                  c->author_email && *c->author_email ? c->author_email : NULL);
  portada_stmt_bind_text_or_null (stmt, 8, c->author_url && *c->author_url ? c->author_url : NULL);
  sqlite3_bind_int64 (stmt, 9, c->created_at);
  portada_stmt_bind_text (stmt, 10, c->body ? c->body : "");
  portada_stmt_bind_text (stmt, 11, portada_comment_status_to_string (c->status));
  if (!portada_newsroom_step_done (newsroom, stmt, error))
    return FALSE;
  if (c->id == 0)
    c->id = sqlite3_last_insert_rowid (portada_newsroom_get_db (newsroom));
  return TRUE;
}

gboolean
portada_comments_set_status (PortadaNewsroom *newsroom, gint64 id, PortadaCommentStatus status,
                             GError **error)
{
  g_autoptr (PortadaComment) c = portada_comments_load (newsroom, id, error);

  if (c == NULL)
    return FALSE;
  if (c->status == status)
    return TRUE;
  c->status = status;
  return portada_comments_save (newsroom, c, error);
}

void
portada_comment_deletion_free (PortadaCommentDeletion *d)
{
  if (d == NULL)
    return;
  portada_comment_free (d->comment);
  g_array_unref (d->replies);
  g_free (d);
}

static gboolean
delete_rows (PortadaNewsroom *newsroom, PortadaCommentDeletion *d, GError **error)
{
  g_autoptr (sqlite3_stmt) replies
      = portada_newsroom_prepare (newsroom, "SELECT id FROM comment WHERE parent_id = ?1", error);
  g_autoptr (sqlite3_stmt) del = NULL;
  int rc;

  if (replies == NULL)
    return FALSE;
  sqlite3_bind_int64 (replies, 1, d->comment->id);
  while ((rc = sqlite3_step (replies)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (replies, 0);
      g_array_append_val (d->replies, id);
    }
  if (rc != SQLITE_DONE)
    return portada_newsroom_set_error (newsroom, error, "the comment's replies cannot be read");
  del = portada_newsroom_prepare (newsroom, "DELETE FROM comment WHERE id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, d->comment->id);
  return portada_newsroom_step_done (newsroom, del, error);
}

PortadaCommentDeletion *
portada_comments_delete (PortadaNewsroom *newsroom, gint64 id, GError **error)
{
  g_autoptr (PortadaCommentDeletion) d = g_new0 (PortadaCommentDeletion, 1);

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  d->replies = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!portada_newsroom_begin (newsroom, error))
    return NULL;
  d->comment = portada_comments_load (newsroom, id, error);
  if (d->comment == NULL || !delete_rows (newsroom, d, error))
    {
      portada_newsroom_rollback (newsroom);
      return NULL;
    }
  if (!portada_newsroom_commit (newsroom, error))
    return NULL;
  return g_steal_pointer (&d);
}

static gboolean
restore_rows (PortadaNewsroom *newsroom, const PortadaCommentDeletion *d, GError **error)
{
  const PortadaComment *c = d->comment;
  g_autoptr (PortadaComment) copy = portada_comment_new ();
  g_autoptr (sqlite3_stmt) ins = NULL;
  g_autoptr (sqlite3_stmt) up = NULL;

  /* Under its own id (links to #comment-N stay) unless a new comment took it, then
   * saved through the checks as any comment: its parent may have gone meanwhile. */
  ins = portada_newsroom_prepare (newsroom,
                                  "INSERT INTO comment (id, uuid, article_id, created_at) "
                                  "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM article "
                                  "WHERE id = ?3) AND NOT EXISTS (SELECT 1 FROM comment WHERE "
                                  "id = ?1)",
                                  error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, c->id);
  portada_stmt_bind_text (ins, 2, c->uuid);
  sqlite3_bind_int64 (ins, 3, c->article_id);
  sqlite3_bind_int64 (ins, 4, c->created_at);
  if (!portada_newsroom_step_done (newsroom, ins, error))
    return FALSE;
  copy->id = sqlite3_changes (portada_newsroom_get_db (newsroom)) ? c->id : 0;
  copy->uuid = g_strdup (c->uuid);
  copy->article_id = c->article_id;
  copy->parent_id = c->parent_id;
  copy->kind = c->kind;
  g_free (copy->author);
  copy->author = g_strdup (c->author);
  copy->author_email = g_strdup (c->author_email);
  copy->author_url = g_strdup (c->author_url);
  copy->created_at = c->created_at;
  g_free (copy->body);
  copy->body = g_strdup (c->body);
  copy->status = c->status;
  if (copy->parent_id && !parent_ok (newsroom, copy, NULL))
    copy->parent_id = 0;
  if (!portada_comments_save (newsroom, copy, error))
    return FALSE;
  up = portada_newsroom_prepare (
      newsroom, "UPDATE comment SET parent_id = ?1 WHERE id = ?2 AND parent_id IS NULL", error);
  if (up == NULL)
    return FALSE;
  for (guint i = 0; i < d->replies->len; i++)
    {
      sqlite3_reset (up);
      sqlite3_bind_int64 (up, 1, copy->id);
      sqlite3_bind_int64 (up, 2, g_array_index (d->replies, gint64, i));
      if (!portada_newsroom_step_done (newsroom, up, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_comments_restore (PortadaNewsroom *newsroom, const PortadaCommentDeletion *d,
                          GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && d && d->comment, FALSE);
  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  if (!restore_rows (newsroom, d, error))
    {
      portada_newsroom_rollback (newsroom);
      return FALSE;
    }
  return portada_newsroom_commit (newsroom, error);
}

gint64
portada_comments_reply (PortadaNewsroom *newsroom, gint64 parent_id, const char *author,
                        const char *body, GError **error)
{
  g_autoptr (PortadaComment) parent = portada_comments_load (newsroom, parent_id, error);
  g_autoptr (PortadaComment) reply = NULL;
  g_autofree char *text = g_strstrip (g_strdup (body ? body : ""));

  if (parent == NULL)
    return 0;
  if (*text == '\0')
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                           _ ("A reply needs some text"));
      return 0;
    }
  reply = portada_comment_new ();
  reply->article_id = parent->article_id;
  reply->parent_id = parent->id;
  reply->kind = PORTADA_COMMENT_KIND_COMMENT;
  g_free (reply->author);
  reply->author = g_strdup (author && *author ? author : _ ("The newsroom"));
  g_free (reply->body);
  reply->body = g_steal_pointer (&text);
  reply->status = PORTADA_COMMENT_APPROVED;
  if (!portada_comments_save (newsroom, reply, error))
    return 0;
  return reply->id;
}
