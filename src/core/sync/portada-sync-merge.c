/* portada-sync-merge.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-sync-merge.h"
#include "portada-sync-private.h"

/* Lines, each with its line break, so that joining them gives the text back. */
static GPtrArray *
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol ? (gsize) (eol - p + 1) : strlen (p);
      g_ptr_array_add (lines, g_strndup (p, len));
      p += len;
    }
  return lines;
}

/* For each line of @a, the index of the line of @b it is matched with in a
 * longest common subsequence, or -1. FALSE when the texts are too large. */
static gboolean
match_lines (GPtrArray *a, GPtrArray *b, int *match)
{
  guint n = a->len, m = b->len, pre = 0, post = 0;

  for (guint i = 0; i < n; i++)
    match[i] = -1;
  while (pre < n && pre < m && strcmp (a->pdata[pre], b->pdata[pre]) == 0)
    match[pre] = pre, pre++;
  while (post < n - pre && post < m - pre
         && strcmp (a->pdata[n - 1 - post], b->pdata[m - 1 - post]) == 0)
    match[n - 1 - post] = m - 1 - post, post++;
  {
    guint rn = n - pre - post, rm = m - pre - post;
    g_autofree guint *len = NULL;
    guint i = 0, j = 0;

    if (rn == 0 || rm == 0)
      return TRUE;
    if ((guint64) rn * rm > 16 * 1000 * 1000)
      return FALSE;
    len = g_new0 (guint, (gsize) (rn + 1) * (rm + 1));
#define A(x) ((const char *) a->pdata[pre + (x)])
#define B(y) ((const char *) b->pdata[pre + (y)])
#define LEN(x, y) len[(gsize) (x) * (rm + 1) + (y)]
    for (int x = (int) rn - 1; x >= 0; x--)
      for (int y = (int) rm - 1; y >= 0; y--)
        LEN (x, y) = strcmp (A (x), B (y)) == 0 ? LEN (x + 1, y + 1) + 1
                                                : MAX (LEN (x + 1, y), LEN (x, y + 1));
    while (i < rn && j < rm)
      {
        if (strcmp (A (i), B (j)) == 0)
          match[pre + i] = pre + j, i++, j++;
        else if (LEN (i + 1, j) >= LEN (i, j + 1))
          i++;
        else
          j++;
      }
#undef A
#undef B
#undef LEN
  }
  return TRUE;
}

static gboolean
same_lines (GPtrArray *x, guint x0, guint x1, GPtrArray *y, guint y0, guint y1)
{
  if (x1 - x0 != y1 - y0)
    return FALSE;
  for (guint k = 0; k < x1 - x0; k++)
    if (strcmp (x->pdata[x0 + k], y->pdata[y0 + k]) != 0)
      return FALSE;
  return TRUE;
}

static void
append_lines (GString *out, GPtrArray *lines, guint from, guint to)
{
  for (guint k = from; k < to; k++)
    g_string_append (out, lines->pdata[k]);
}

char *
portada_merge_lines (const char *base, const char *ours, const char *theirs)
{
  g_autoptr (GPtrArray) b = split_lines (base);
  g_autoptr (GPtrArray) o = split_lines (ours);
  g_autoptr (GPtrArray) t = split_lines (theirs);
  g_autofree int *mo = g_new (int, b->len + 1);
  g_autofree int *mt = g_new (int, b->len + 1);
  g_autoptr (GString) out = g_string_new (NULL);
  guint i = 0, a = 0, c = 0;

  if (b->len > PORTADA_MERGE_MAX_LINES || o->len > PORTADA_MERGE_MAX_LINES
      || t->len > PORTADA_MERGE_MAX_LINES || !match_lines (b, o, mo) || !match_lines (b, t, mt))
    return NULL;
  while (i < b->len || a < o->len || c < t->len)
    {
      guint j = i, ea, ec;

      if (i < b->len && mo[i] == (int) a && mt[i] == (int) c)
        {
          g_string_append (out, b->pdata[i]);
          i++, a++, c++;
          continue;
        }
      /* The next line kept on both sides closes the changed stretch. */
      while (j < b->len && (mo[j] < 0 || mt[j] < 0))
        j++;
      ea = j < b->len ? (guint) mo[j] : o->len;
      ec = j < b->len ? (guint) mt[j] : t->len;
      if (same_lines (b, i, j, o, a, ea))
        append_lines (out, t, c, ec);
      else if (same_lines (b, i, j, t, c, ec) || same_lines (o, a, ea, t, c, ec))
        append_lines (out, o, a, ea);
      else
        return NULL;
      i = j, a = ea, c = ec;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Records */

static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static char *
conflict_id (const char *path, const char *field, const char *value)
{
  g_autofree char *text = g_strdup_printf ("%s\n%s\n%s", path, field, value ? value : "");
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strndup (digest, 32);
}

static void
keep_conflict (GHashTable *merged, const char *path, GHashTable *ours, const char *field,
               const char *theirs, GPtrArray *notes, guint *n_conflicts)
{
  g_autofree char *id = conflict_id (path, field, theirs);
  g_autofree char *conflict_path = portada_sync_record_path ("conflicts", id);
  g_autoptr (GHashTable) r = portada_sync_record_new ();
  const char *title = ours ? g_hash_table_lookup (ours, "title") : NULL;

  if (title == NULL && ours)
    title = g_hash_table_lookup (ours, "name");
  (*n_conflicts)++;
  g_hash_table_insert (r, g_strdup ("uid"), g_strdup (id));
  g_hash_table_insert (r, g_strdup ("record"), g_strdup (path));
  g_hash_table_insert (r, g_strdup ("field"), g_strdup (field));
  g_hash_table_insert (r, g_strdup ("created_at"),
                       portada_sync_format_time (g_get_real_time () / G_USEC_PER_SEC));
  if (theirs && *theirs)
    g_hash_table_insert (r, g_strdup ("body"), g_strdup (theirs));
  g_hash_table_insert (merged, g_strdup (conflict_path), portada_sync_record_write (r));
  if (title)
    g_ptr_array_add (notes,
                     g_strdup_printf (_ ("Conflict in “%s” (“%s”), field “%s”: it was changed "
                                         "here and on another workstation; this version is kept, "
                                         "the other is kept beside it in “%s”"),
                                      path, title, field, conflict_path));
  else
    g_ptr_array_add (notes,
                     g_strdup_printf (_ ("Conflict in “%s”, field “%s”: it was changed here and "
                                         "on another workstation; this version is kept, the "
                                         "other is kept beside it in “%s”"),
                                      path, field, conflict_path));
}

static GHashTable *
parse_or_empty (const char *path, GBytes *bytes, GError **error)
{
  if (bytes == NULL)
    return portada_sync_record_new ();
  return portada_sync_record_parse (path, bytes, error);
}

static void
add_keys (GHashTable *keys, GHashTable *record)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, record);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);
}

/* The merged value of one field, or NULL for none; *conflict when the sides
 * could not be merged (then ours is returned). */
static char *
merge_field (const char *field, const char *b, const char *o, const char *t, gboolean *conflict)
{
  *conflict = FALSE;
  if (same_text (o, t) || same_text (t, b))
    return g_strdup (o);
  if (same_text (o, b))
    return g_strdup (t);
  /* Saving stamps the time on both sides: the later one is the truth. */
  if (g_str_has_suffix (field, "updated_at") && o && t)
    return g_strdup (strcmp (o, t) > 0 ? o : t);
  if (o && t)
    {
      char *merged = portada_merge_lines (b ? b : "", o, t);
      if (merged)
        return merged;
    }
  *conflict = TRUE;
  return g_strdup (o);
}

static gboolean
merge_record (GHashTable *merged, const char *path, GBytes *bb, GBytes *ob, GBytes *tb,
              GPtrArray *notes, guint *n_conflicts, GError **error)
{
  g_autoptr (GHashTable) b = parse_or_empty (path, bb, error);
  g_autoptr (GHashTable) o = b ? parse_or_empty (path, ob, error) : NULL;
  g_autoptr (GHashTable) t = o ? parse_or_empty (path, tb, error) : NULL;
  g_autoptr (GHashTable) keys = NULL;
  g_autoptr (GHashTable) result = portada_sync_record_new ();
  GHashTableIter iter;
  gpointer key;

  if (t == NULL)
    return FALSE;
  keys = g_hash_table_new (g_str_hash, g_str_equal);
  add_keys (keys, b), add_keys (keys, o), add_keys (keys, t);
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *tv = g_hash_table_lookup (t, key);
      gboolean conflict;
      char *value = merge_field (key, g_hash_table_lookup (b, key), g_hash_table_lookup (o, key),
                                 tv, &conflict);
      if (value)
        g_hash_table_insert (result, g_strdup (key), value);
      if (conflict)
        keep_conflict (merged, path, o, key, tv, notes, n_conflicts);
    }
  g_hash_table_insert (merged, g_strdup (path), portada_sync_record_write (result));
  return TRUE;
}

static gboolean
same_bytes (GBytes *a, GBytes *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_bytes_equal (a, b);
}

/* An image kept because it was changed on one side (its record) and deleted on
 * the other keeps its file too: the file did not change, so the deletion won. */
static void
keep_image_files (GHashTable *merged, GHashTable *base, GHashTable *ours, GHashTable *theirs)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  GHashTable *sides[] = { ours, theirs, base };
  GHashTableIter iter;
  gpointer path;

  g_hash_table_iter_init (&iter, merged);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    if (g_str_has_prefix (path, "media/") && portada_sync_is_record (path))
      g_ptr_array_add (missing, g_strndup (path, strlen (path) - 3));
  for (guint i = 0; i < missing->len; i++)
    {
      const char *stem = missing->pdata[i];
      gboolean found = FALSE;

      g_hash_table_iter_init (&iter, merged);
      while (!found && g_hash_table_iter_next (&iter, &path, NULL))
        found = g_str_has_prefix (path, stem) && !portada_sync_is_record (path);
      for (guint side = 0; !found && side < G_N_ELEMENTS (sides); side++)
        {
          GHashTableIter it;
          gpointer p, bytes;
          g_hash_table_iter_init (&it, sides[side]);
          while (!found && g_hash_table_iter_next (&it, &p, &bytes))
            if (g_str_has_prefix (p, stem) && !portada_sync_is_record (p))
              {
                g_hash_table_insert (merged, g_strdup (p), g_bytes_ref (bytes));
                found = TRUE;
              }
        }
    }
}

GHashTable *
portada_sync_merge (GHashTable *base, GHashTable *ours, GHashTable *theirs, GPtrArray *notes,
                    guint *n_conflicts, GError **error)
{
  g_autoptr (GHashTable) merged = portada_sync_files_new ();
  g_autoptr (GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer path;

  add_keys (paths, base), add_keys (paths, ours), add_keys (paths, theirs);
  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    {
      GBytes *b = g_hash_table_lookup (base, path);
      GBytes *o = g_hash_table_lookup (ours, path);
      GBytes *t = g_hash_table_lookup (theirs, path);
      GBytes *take = NULL;

      if (same_bytes (o, t) || same_bytes (t, b))
        take = o;
      else if (same_bytes (o, b))
        take = t;
      else if (o == NULL || t == NULL)
        {
          take = o ? o : t;
          g_ptr_array_add (notes, g_strdup_printf (_ ("“%s” was deleted on one workstation and "
                                                      "changed on another: it is kept"),
                                                   (const char *) path));
        }
      else if (!portada_sync_is_record (path))
        take = o;
      else
        {
          if (!merge_record (merged, path, b, o, t, notes, n_conflicts, error))
            return NULL;
          continue;
        }
      if (take)
        g_hash_table_insert (merged, g_strdup (path), g_bytes_ref (take));
    }
  keep_image_files (merged, base, ours, theirs);
  return g_steal_pointer (&merged);
}
