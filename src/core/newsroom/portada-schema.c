/* portada-schema.c: the schema objects of a newsroom, against those Portada makes.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A newsroom file may come from elsewhere: a trigger, a view, a table or an index
 * another program added runs with Portada's rights on the next save or export.
 * The reference is the schema the migrations make, built in a database in memory
 * at the file's version; every object of the file must be there by type, name,
 * table and SQL text.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-newsroom-private.h"
#include "portada-schema.h"

typedef struct
{
  char *type, *name, *table, *sql;
} Object;

static void
object_free (Object *o)
{
  g_free (o->type);
  g_free (o->name);
  g_free (o->table);
  g_free (o->sql);
  g_free (o);
}

/* name -> Object, every object of @db's main schema. */
static GHashTable *
read_schema (sqlite3 *db)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GHashTable *objects
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) object_free);

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema", -1, &stmt,
                          NULL)
      != SQLITE_OK)
    {
      g_hash_table_unref (objects);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Object *o = g_new0 (Object, 1);
      o->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      o->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      o->table = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      o->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (o->name == NULL)
        o->name = g_strdup ("");
      g_hash_table_replace (objects, o->name, o);
    }
  return objects;
}

static GHashTable *
reference_schema (int version, GError **error)
{
  sqlite3 *mem = NULL;
  GHashTable *objects = NULL;

  if (sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   "the reference schema cannot be built");
      sqlite3_close (mem);
      return NULL;
    }
  if (portada_migrations_apply (mem, 0, version, error))
    objects = read_schema (mem);
  sqlite3_close (mem);
  return objects;
}

/* What SQLite itself makes in any database (statistics, AUTOINCREMENT's table). */
static gboolean
sqlite_own (const Object *o)
{
  return g_str_equal (o->type, "table")
         && (g_str_equal (o->name, "sqlite_sequence") || g_str_equal (o->name, "sqlite_stat1")
             || g_str_equal (o->name, "sqlite_stat4"));
}

static char *
describe (const Object *o)
{
  g_autofree char *name = g_strescape (o->name, NULL);
  g_autofree char *table = g_strescape (o->table ? o->table : "", NULL);

  if (g_str_equal (o->type, "trigger") || g_str_equal (o->type, "index"))
    return g_strdup_printf ("%s “%s” on %s", o->type, name, table);
  return g_strdup_printf ("%s “%s”", o->type, name);
}

static int
compare_objects (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(Object **) a)->name, (*(Object **) b)->name);
}

/* The objects of @db that the reference lacks or has otherwise, sorted by name;
 * @reference gets the reference when not NULL. */
static GPtrArray *
foreign_objects (sqlite3 *db, int version, GHashTable **reference, GHashTable **actual,
                 GError **error)
{
  g_autoptr (GHashTable) ref = reference_schema (version, error);
  g_autoptr (GHashTable) have = NULL;
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  if (ref == NULL)
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  have = read_schema (db);
  if (have == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_CORRUPT, "%s", sqlite3_errmsg (db));
      g_ptr_array_unref (out);
      return NULL;
    }
  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Object *o = value;
      Object *r = g_hash_table_lookup (ref, o->name);

      if (sqlite_own (o))
        continue;
      if (r && g_str_equal (r->type, o->type) && g_strcmp0 (r->table, o->table) == 0
          && g_strcmp0 (r->sql, o->sql) == 0)
        continue;
      g_ptr_array_add (out, o);
    }
  g_ptr_array_sort (out, compare_objects);
  if (reference)
    *reference = g_steal_pointer (&ref);
  *actual = g_steal_pointer (&have);
  return out;
}

GPtrArray *
portada_schema_foreign (sqlite3 *db, int version, GError **error)
{
  g_autoptr (GHashTable) have = NULL;
  g_autoptr (GPtrArray) objects = foreign_objects (db, version, NULL, &have, error);
  GPtrArray *lines;

  if (objects == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < objects->len; i++)
    g_ptr_array_add (lines, describe (objects->pdata[i]));
  return lines;
}

static int
drop_order (const Object *o)
{
  return g_str_equal (o->type, "trigger") ? 0
         : g_str_equal (o->type, "view")  ? 1
         : g_str_equal (o->type, "index") ? 2
                                          : 3;
}

static char *
quoted (const char *name)
{
  GString *s = g_string_new ("\"");
  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

gboolean
portada_schema_repair (sqlite3 *db, int version, GPtrArray *said, GError **error)
{
  g_autoptr (GHashTable) ref = NULL;
  g_autoptr (GHashTable) have = NULL;
  g_autoptr (GPtrArray) objects = foreign_objects (db, version, &ref, &have, error);
  g_autoptr (GPtrArray) recreate = g_ptr_array_new ();
  char *message = NULL;

  if (objects == NULL)
    return FALSE;
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;
  for (int pass = 0; pass < 4; pass++)
    for (guint i = 0; i < objects->len; i++)
      {
        Object *o = objects->pdata[i];
        Object *r = g_hash_table_lookup (ref, o->name);
        g_autofree char *name = NULL;
        g_autofree char *sql = NULL;
        g_autofree char *type = NULL;

        if (drop_order (o) != pass)
          continue;
        if (g_str_equal (o->type, "table") && r && g_str_equal (r->type, "table"))
          {
            /* A table of Portada's with another definition: its rows are the
             * newsroom's; dropping it would lose them. */
            g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_CORRUPT,
                         _ ("the table “%s” is defined otherwise than Portada defines it; "
                            "it cannot be repaired without losing its rows"),
                         o->name);
            sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
            return FALSE;
          }
        if (g_str_has_prefix (o->name, "sqlite_autoindex_"))
          continue; /* goes with its table */
        name = quoted (o->name);
        type = g_ascii_strup (o->type, -1);
        sql = g_strdup_printf ("DROP %s IF EXISTS %s", type, name);
        g_ptr_array_add (said, describe (o));
        if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
          goto failed;
        if (r && r->sql)
          g_ptr_array_add (recreate, r);
      }
  /* Portada's own objects that were replaced: as the migrations make them. */
  for (int pass = 3; pass >= 0; pass--)
    for (guint i = 0; i < recreate->len; i++)
      {
        Object *r = recreate->pdata[i];
        if (drop_order (r) == pass && sqlite3_exec (db, r->sql, NULL, NULL, &message) != SQLITE_OK)
          goto failed;
      }
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, &message) != SQLITE_OK)
    goto failed;
  return TRUE;

failed:
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("the repair failed: %s"),
               message ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
