/* test-sync.c: workstations (newsroom files on this machine) syncing through a
 * bare repository made by git itself.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <git2.h>
#include <glib/gstdio.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-demo.h"
#include "portada-logo-list.h"
#include "portada-media.h"
#include "portada-pages.h"
#include "portada-newsroom-private.h"
#include "portada-sponsor.h"
#include "portada-sync-merge.h"
#include "portada-sync-text.h"
#include "portada-sync.h"
#include "portada-test-util.h"
#include "portada-trash.h"

typedef struct
{
  char *dir;
  char *remote; /* the bare repository */
  PortadaNewsroom *a, *b;
} Fixture;

static char *
fresh_dir (void)
{
  static int n;
  g_autofree char *top = portada_test_tmpdir ();
  char *dir = g_strdup_printf ("%s/case-%d", top, ++n);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static void
git_init_bare (const char *path)
{
  const char *argv[] = { "git", "init", "--quiet", "--bare", path, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static PortadaNewsroom *
open_db (const char *dir, const char *name, gboolean create)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  PortadaNewsroom *nr = portada_newsroom_open (path, create ? PORTADA_OPEN_CREATE : 0, &error);

  g_assert_no_error (error);
  return nr;
}

/* Workstation A: the demo newsroom, put into a new bare repository; B: cloned. */
static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSyncReport) report = NULL;
  g_autoptr (PortadaSyncReport) cloned = NULL;
  g_autofree char *b_path = NULL;

  f->dir = fresh_dir ();
  f->remote = g_build_filename (f->dir, "remote.git", NULL);
  git_init_bare (f->remote);
  f->a = open_db (f->dir, "a.db", TRUE);
  g_assert_true (portada_demo_fill (f->a, 0, NULL, NULL, &error));
  report = portada_sync_init (f->a, f->remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->committed && report->pushed);
  b_path = g_build_filename (f->dir, "b.db", NULL);
  f->b = portada_sync_clone (f->remote, b_path, NULL, &cloned, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->b);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_free (f->remote);
  g_free (f->dir);
}

static PortadaSyncReport *
sync_ok (PortadaNewsroom *nr)
{
  g_autoptr (GError) error = NULL;
  PortadaSyncReport *report = portada_sync_run (nr, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
sync_quiet (PortadaNewsroom *nr)
{
  portada_sync_report_free (sync_ok (nr));
}

static gboolean
same_files (GHashTable *x, GHashTable *y)
{
  GHashTableIter iter;
  gpointer path, bytes;

  if (g_hash_table_size (x) != g_hash_table_size (y))
    return FALSE;
  g_hash_table_iter_init (&iter, x);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      GBytes *other = g_hash_table_lookup (y, path);
      if (other == NULL || !g_bytes_equal (bytes, other))
        {
          g_test_message ("differs: %s", (const char *) path);
          return FALSE;
        }
    }
  return TRUE;
}

static GHashTable *
files_of (PortadaNewsroom *nr)
{
  g_autoptr (GError) error = NULL;
  GHashTable *files = portada_sync_export (nr, &error);

  g_assert_no_error (error);
  return files;
}

static void
assert_same_newsrooms (PortadaNewsroom *x, PortadaNewsroom *y)
{
  g_autoptr (GHashTable) fx = files_of (x);
  g_autoptr (GHashTable) fy = files_of (y);

  g_assert_true (same_files (fx, fy));
}

/* The n-th article (by id) of a newsroom: the same uuid on every workstation. */
static char *
nth_uuid (PortadaNewsroom *nr, int n)
{
  g_autoptr (sqlite3_stmt) s
      = portada_newsroom_prepare (nr,
                                  "SELECT uuid FROM article WHERE lang = 'en' ORDER BY "
                                  "length(body) DESC, uuid LIMIT 1 OFFSET ?",
                                  NULL);

  sqlite3_bind_int (s, 1, n);
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  return portada_stmt_dup_text (s, 0);
}

static PortadaArticle *
load (PortadaNewsroom *nr, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  PortadaArticle *a = portada_articles_load_by_uuid (nr, uuid, &error);

  g_assert_no_error (error);
  return a;
}

static void
save (PortadaNewsroom *nr, PortadaArticle *a)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
}

static void
set_title (PortadaNewsroom *nr, const char *uuid, const char *title)
{
  g_autoptr (PortadaArticle) a = load (nr, uuid);

  g_free (a->title);
  a->title = g_strdup (title);
  save (nr, a);
}

/* The body with its paragraph @n (0-based, blank-line separated) replaced. */
static void
set_paragraph (PortadaNewsroom *nr, const char *uuid, int n, const char *text)
{
  g_autoptr (PortadaArticle) a = load (nr, uuid);
  g_auto (GStrv) paragraphs = g_strsplit (a->body, "\n\n", -1);

  g_assert_cmpint (g_strv_length (paragraphs), >, n);
  g_free (paragraphs[n]);
  paragraphs[n] = g_strdup (text);
  g_free (a->body);
  a->body = g_strjoinv ("\n\n", paragraphs);
  save (nr, a);
}

static char *
query_text (PortadaNewsroom *nr, const char *sql, const char *arg)
{
  g_autoptr (sqlite3_stmt) s = portada_newsroom_prepare (nr, sql, NULL);

  g_assert_nonnull (s);
  if (arg)
    portada_stmt_bind_text (s, 1, arg);
  if (sqlite3_step (s) != SQLITE_ROW)
    return NULL;
  return portada_stmt_dup_text (s, 0);
}

/* Tests */

static void
test_folder_round_trip (void)
{
  g_autofree char *dir = fresh_dir ();
  g_autofree char *folder = g_build_filename (dir, "text", NULL);
  g_autoptr (PortadaNewsroom) a = open_db (dir, "a.db", TRUE);
  g_autoptr (PortadaNewsroom) b = open_db (dir, "b.db", TRUE);
  g_autoptr (GHashTable) files = NULL;
  g_autoptr (GHashTable) read = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (portada_demo_fill (a, 4, NULL, NULL, &error));
  files = files_of (a);
  g_assert_true (portada_sync_write_dir (files, folder, &error));
  g_assert_no_error (error);
  /* A folder is written once: never over another. */
  g_assert_false (portada_sync_write_dir (files, folder, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_EXISTS);
  g_clear_error (&error);
  read = portada_sync_read_dir (folder, &error);
  g_assert_no_error (error);
  g_assert_true (portada_sync_import (b, read, &error));
  g_assert_no_error (error);
  assert_same_newsrooms (a, b);
}

/* A bad file in a folder: the newsroom is unchanged, the message names the file. */
static void
test_folder_hostile (void)
{
  g_autofree char *dir = fresh_dir ();
  g_autofree char *folder = g_build_filename (dir, "text", NULL);
  g_autoptr (PortadaNewsroom) a = open_db (dir, "a.db", TRUE);
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *article = NULL;
  g_autofree char *outside = g_build_filename (dir, "secret.md", NULL);
  g_autofree char *link = NULL;
  g_autoptr (GHashTable) read = NULL;

  g_assert_true (portada_demo_fill (a, 0, NULL, NULL, &error));
  before = files_of (a);
  g_assert_true (portada_sync_write_dir (before, folder, &error));

  /* Malformed front matter in one article, among the good ones. */
  article = g_strdup_printf ("%s/articles/%s.md", folder, "00000000-bad");
  g_assert_true (
      g_file_set_contents (article, "---\ntitle: \"never closed\n---\nbody\n", -1, NULL));
  read = portada_sync_read_dir (folder, &error);
  g_assert_no_error (error);
  g_assert_false (portada_sync_import (a, read, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "articles/00000000-bad.md"));
  g_clear_error (&error);
  g_unlink (article);

  /* A setting Portada would refuse from a person is refused from a file too; a
   * setting of this workstation's own (sync-*) or a secret is never taken. */
  {
    g_autofree char *settings = g_build_filename (folder, "settings.md", NULL);
    g_autofree char *saved = NULL;
    g_autoptr (GHashTable) with_bad = NULL;
    g_assert_true (g_file_get_contents (settings, &saved, NULL, NULL));
    g_assert_true (
        g_file_set_contents (settings, "---\nbase-url: \"javascript:alert(1)\"\n---\n", -1, NULL));
    with_bad = portada_sync_read_dir (folder, &error);
    g_assert_no_error (error);
    g_assert_false (portada_sync_import (a, with_bad, &error));
    g_assert_nonnull (strstr (error->message, "settings.md"));
    g_assert_nonnull (strstr (error->message, "base-url"));
    g_clear_error (&error);
    g_assert_true (g_file_set_contents (settings, saved, -1, NULL));
  }
  {
    g_autoptr (PortadaNewsroom) c = open_db (dir, "c.db", TRUE);
    g_autofree char *settings = g_build_filename (folder, "settings.md", NULL);
    g_autofree char *saved = NULL;
    g_autofree char *with_secret = NULL;
    g_autoptr (GHashTable) read_secret = NULL;
    g_autofree char *count = NULL;
    g_assert_true (g_file_get_contents (settings, &saved, NULL, NULL));
    with_secret = g_strdup_printf ("---\npublish-password: \"hunter2\"\nsync-remote: \"/x\"\n%s",
                                   saved + 4);
    g_assert_true (g_file_set_contents (settings, with_secret, -1, NULL));
    read_secret = portada_sync_read_dir (folder, &error);
    g_assert_true (portada_sync_import (c, read_secret, &error));
    g_assert_no_error (error);
    count = query_text (c,
                        "SELECT count(*) FROM setting WHERE key IN ('publish-password',"
                        " 'sync-remote')",
                        NULL);
    g_assert_cmpstr (count, ==, "0");
    g_assert_true (g_file_set_contents (settings, saved, -1, NULL));
  }

  /* A link to a file outside the folder. */
  g_assert_true (g_file_set_contents (outside, "---\nkey: \"x\"\n---\n", -1, NULL));
  link = g_strdup_printf ("%s/sections/x.md", folder);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  g_assert_null (portada_sync_read_dir (folder, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sections/x.md"));
  g_clear_error (&error);
  g_unlink (link);

  /* A huge record. */
  {
    g_autofree char *big = g_strdup_printf ("%s/authors/big.md", folder);
    g_autofree char *data = g_malloc0 (PORTADA_SYNC_MAX_TEXT_BYTES + 2);
    memset (data, 'a', PORTADA_SYNC_MAX_TEXT_BYTES + 1);
    g_assert_true (g_file_set_contents (big, data, -1, NULL));
    g_assert_null (portada_sync_read_dir (folder, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "authors/big.md"));
    g_assert_nonnull (strstr (error->message, "too large"));
    g_clear_error (&error);
    g_unlink (big);
  }

  /* An article whose name is not its uuid would be a second copy of another. */
  {
    g_autofree char *uuid = nth_uuid (a, 0);
    g_autofree char *src = g_strdup_printf ("%s/articles/%s.md", folder, uuid);
    g_autofree char *copy = g_strdup_printf ("%s/articles/copy.md", folder);
    g_autofree char *text = NULL;
    g_autoptr (GHashTable) with_copy = NULL;
    g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
    g_assert_true (g_file_set_contents (copy, text, -1, NULL));
    with_copy = portada_sync_read_dir (folder, &error);
    g_assert_no_error (error);
    g_assert_false (portada_sync_import (a, with_copy, &error));
    g_assert_nonnull (strstr (error->message, "articles/copy.md"));
    g_clear_error (&error);
    g_unlink (copy);
  }

  /* An image that is not what its name says. */
  {
    g_autoptr (GHashTable) tampered = portada_sync_read_dir (folder, &error);
    GHashTableIter iter;
    gpointer path;
    g_assert_no_error (error);
    g_hash_table_iter_init (&iter, tampered);
    while (g_hash_table_iter_next (&iter, &path, NULL))
      if (g_str_has_prefix (path, "media/") && !portada_sync_is_record (path))
        {
          g_hash_table_iter_replace (&iter, g_bytes_new_static ("<svg/>", 6));
          break;
        }
    g_assert_false (portada_sync_import (a, tampered, &error));
    g_assert_nonnull (strstr (error->message, "do not match its name"));
    g_clear_error (&error);
  }

  {
    g_autoptr (GHashTable) after = files_of (a);
    g_assert_true (same_files (before, after));
  }
}

static void
test_merge_lines (void)
{
  const char *base = "one\n\ntwo\n\nthree\n";
  g_autofree char *merged
      = portada_merge_lines (base, "ONE\n\ntwo\n\nthree\n", "one\n\ntwo\n\nTHREE\n");
  g_autofree char *same
      = portada_merge_lines (base, "one\n\nTWO\n\nthree\n", "one\n\nTWO\n\nthree\n");
  g_autofree char *clash
      = portada_merge_lines (base, "one\n\ntwo!\n\nthree\n", "one\n\ntwo?\n\nthree\n");
  g_autofree char *touching = portada_merge_lines ("a\nb\n", "A\nb\n", "a\nB\n");
  g_autofree char *appended = portada_merge_lines (base, "zero\n\none\n\ntwo\n\nthree\n",
                                                   "one\n\ntwo\n\nthree\n\nfour\n");

  g_assert_cmpstr (merged, ==, "ONE\n\ntwo\n\nTHREE\n");
  g_assert_cmpstr (same, ==, "one\n\nTWO\n\nthree\n");
  g_assert_null (clash);
  g_assert_null (touching);
  g_assert_cmpstr (appended, ==, "zero\n\none\n\ntwo\n\nthree\n\nfour\n");
}

static void
test_different_articles (Fixture *f, gconstpointer data)
{
  g_autofree char *one = nth_uuid (f->a, 0);
  g_autofree char *two = nth_uuid (f->a, 1);
  g_autoptr (PortadaArticle) a1 = NULL;
  g_autoptr (PortadaArticle) b2 = NULL;

  set_title (f->a, one, "Edited on A");
  set_title (f->b, two, "Edited on B");
  sync_quiet (f->a);
  sync_quiet (f->b);
  sync_quiet (f->a);
  a1 = load (f->b, one);
  b2 = load (f->a, two);
  g_assert_cmpstr (a1->title, ==, "Edited on A");
  g_assert_cmpstr (b2->title, ==, "Edited on B");
  assert_same_newsrooms (f->a, f->b);
  /* B's text before A's arrived is kept as a revision of the article. */
  {
    g_autofree char *kept
        = query_text (f->b,
                      "SELECT r.title FROM revision r JOIN article a ON a.id = r.article_id"
                      " WHERE a.uuid = ? AND r.reason = 'sync'",
                      one);
    g_assert_nonnull (kept);
    g_assert_cmpstr (kept, !=, "Edited on A");
  }
}

static void
test_same_article_fields (Fixture *f, gconstpointer data)
{
  g_autofree char *one = nth_uuid (f->a, 0);
  g_autoptr (PortadaArticle) on_a = NULL;
  g_autoptr (PortadaArticle) on_b = NULL;
  g_autoptr (PortadaSyncReport) report = NULL;

  set_title (f->a, one, "A's title");
  on_b = load (f->b, one);
  g_free (on_b->excerpt);
  on_b->excerpt = g_strdup ("B's excerpt");
  save (f->b, on_b);
  g_clear_pointer (&on_b, portada_article_free);
  /* And different paragraphs of the body: merged by lines. */
  set_paragraph (f->a, one, 0, "A rewrote the first paragraph.");
  set_paragraph (f->b, one, 2, "B rewrote the third paragraph.");
  sync_quiet (f->a);
  report = sync_ok (f->b);
  g_assert_cmpuint (report->conflicts, ==, 0);
  sync_quiet (f->a);
  on_a = load (f->a, one);
  on_b = load (f->b, one);
  g_assert_cmpstr (on_a->title, ==, "A's title");
  g_assert_cmpstr (on_a->excerpt, ==, "B's excerpt");
  g_assert_true (g_str_has_prefix (on_a->body, "A rewrote the first paragraph.\n\n"));
  g_assert_nonnull (strstr (on_a->body, "\n\nB rewrote the third paragraph."));
  g_assert_cmpstr (on_a->body, ==, on_b->body);
  assert_same_newsrooms (f->a, f->b);
}

static void
test_same_paragraph (Fixture *f, gconstpointer data)
{
  g_autofree char *one = nth_uuid (f->a, 0);
  g_autoptr (PortadaSyncReport) report = NULL;
  g_autoptr (PortadaArticle) on_b = NULL;
  g_autofree char *other = NULL;

  set_paragraph (f->a, one, 1, "A's version of the paragraph.");
  set_paragraph (f->b, one, 1, "B's version of the paragraph.");
  sync_quiet (f->a);
  report = sync_ok (f->b);
  g_assert_cmpuint (report->conflicts, ==, 1);
  g_assert_cmpuint (report->notes->len, ==, 1);
  g_assert_nonnull (strstr (report->notes->pdata[0], one));
  g_assert_nonnull (strstr (report->notes->pdata[0], "body"));
  /* B keeps its version; A's is kept beside it. */
  on_b = load (f->b, one);
  g_assert_nonnull (strstr (on_b->body, "B's version of the paragraph."));
  other
      = query_text (f->b, "SELECT other FROM sync_conflict WHERE record LIKE '%' || ? || '%'", one);
  g_assert_nonnull (other);
  g_assert_nonnull (strstr (other, "A's version of the paragraph."));
  /* And A, after its next sync, has both too. */
  sync_quiet (f->a);
  g_free (other);
  other = query_text (f->a, "SELECT other FROM sync_conflict", NULL);
  g_assert_nonnull (strstr (other, "A's version of the paragraph."));
  assert_same_newsrooms (f->a, f->b);
}

static gint64
list_id (PortadaNewsroom *nr, const char *name)
{
  g_autofree char *id = query_text (nr, "SELECT id FROM logo_list WHERE name = ?", name);

  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

static GPtrArray *
member_names (PortadaNewsroom *nr, gint64 list)
{
  g_autoptr (sqlite3_stmt) s = portada_newsroom_prepare (
      nr,
      "SELECT s.name FROM logo_list_member m JOIN sponsor s ON s.id = m.sponsor_id"
      " WHERE m.list_id = ? ORDER BY m.position",
      NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  sqlite3_bind_int64 (s, 1, list);
  while (sqlite3_step (s) == SQLITE_ROW)
    g_ptr_array_add (names, portada_stmt_dup_text (s, 0));
  return names;
}

static void
test_sponsor_and_reorder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSponsor) sponsor = portada_sponsor_new ("Café Nuevo");
  gint64 list_a = list_id (f->a, "A"), list_b = list_id (f->b, "A");
  g_autoptr (GArray) members = portada_logo_lists_members (f->b, list_b, &error);
  g_autoptr (GArray) reversed = g_array_new (FALSE, FALSE, sizeof (PortadaLogoListMember));
  g_autoptr (GPtrArray) on_a = NULL;
  g_autoptr (GPtrArray) on_b = NULL;
  g_autoptr (GPtrArray) expected_order = NULL;

  /* A: a new sponsor, appended to list A. */
  sponsor->alt_text = g_strdup ("Café Nuevo");
  g_assert_true (portada_sponsors_save (f->a, sponsor, &error));
  g_assert_true (portada_logo_lists_add_member (f->a, list_a, sponsor->id, 2, &error));
  /* B: list A reversed. */
  g_assert_cmpuint (members->len, >, 2);
  for (int i = members->len - 1; i >= 0; i--)
    g_array_append_val (reversed, g_array_index (members, PortadaLogoListMember, i));
  g_assert_true (portada_logo_lists_set_members (
      f->b, list_b, (PortadaLogoListMember *) reversed->data, reversed->len, &error));
  g_assert_no_error (error);
  expected_order = member_names (f->b, list_b);
  g_ptr_array_add (expected_order, g_strdup ("Café Nuevo"));

  sync_quiet (f->a);
  sync_quiet (f->b);
  sync_quiet (f->a);
  on_a = member_names (f->a, list_a);
  on_b = member_names (f->b, list_b);
  g_assert_cmpuint (on_a->len, ==, expected_order->len);
  for (guint i = 0; i < on_a->len; i++)
    {
      g_assert_cmpstr (on_a->pdata[i], ==, expected_order->pdata[i]);
      g_assert_cmpstr (on_b->pdata[i], ==, expected_order->pdata[i]);
    }
  assert_same_newsrooms (f->a, f->b);
}

static void
test_bad_remote (Fixture *f, gconstpointer data)
{
  g_autofree char *one = nth_uuid (f->a, 0);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.git", NULL);
  g_autofree char *not_repo = g_build_filename (f->dir, "plain-folder", NULL);
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaArticle) on_b = NULL;

  set_title (f->a, one, "Waiting for the remote");
  before = files_of (f->a);
  g_assert_null (portada_sync_run (f->a, missing, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "not changed"));
  g_clear_error (&error);
  g_assert_cmpint (g_mkdir (not_repo, 0700), ==, 0);
  g_assert_null (portada_sync_run (f->a, not_repo, NULL, &error));
  g_assert_nonnull (strstr (error->message, not_repo));
  g_clear_error (&error);
  {
    g_autoptr (GHashTable) after = files_of (f->a);
    g_assert_true (same_files (before, after));
  }
  /* Back to the real remote: the change waited and goes through. */
  portada_sync_report_free (portada_sync_run (f->a, f->remote, NULL, &error));
  g_assert_no_error (error);
  sync_quiet (f->b);
  on_b = load (f->b, one);
  g_assert_cmpstr (on_b->title, ==, "Waiting for the remote");

  /* A newsroom that is not linked says how to link it. */
  {
    g_autofree char *dir = fresh_dir ();
    g_autoptr (PortadaNewsroom) lone = open_db (dir, "lone.db", TRUE);
    g_assert_null (portada_sync_run (lone, NULL, NULL, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "--init"));
    g_clear_error (&error);
    /* And --init refuses a repository that already holds a newsroom. */
    g_assert_null (portada_sync_init (lone, f->remote, NULL, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_EXISTS);
    g_clear_error (&error);
    g_assert_false (portada_sync_is_linked (portada_newsroom_get_path (lone)));
  }
}

static void
test_edit_against_delete (Fixture *f, gconstpointer data)
{
  g_autofree char *one = nth_uuid (f->a, 0);
  g_autoptr (PortadaArticle) on_a = load (f->a, one);
  g_autoptr (PortadaArticle) kept = NULL;
  g_autoptr (PortadaSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  /* A deletes it for good; B edits it meanwhile. */
  g_assert_true (portada_articles_delete (f->a, on_a->id, &error));
  g_assert_no_error (error);
  set_title (f->b, one, "Edited while deleted elsewhere");
  sync_quiet (f->a);
  report = sync_ok (f->b);
  g_assert_cmpuint (report->notes->len, ==, 1);
  g_assert_nonnull (strstr (report->notes->pdata[0], one));
  g_assert_nonnull (strstr (report->notes->pdata[0], "kept"));
  sync_quiet (f->a);
  kept = portada_articles_load_by_uuid (f->a, one, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->title, ==, "Edited while deleted elsewhere");
  assert_same_newsrooms (f->a, f->b);
}

/* Two workstations write an article with the same title the same year: both
 * stay, the second with a slug of its own. */
static void
test_same_slug (Fixture *f, gconstpointer data)
{
  g_autoptr (PortadaArticle) x = portada_article_new ();
  g_autoptr (PortadaArticle) y = portada_article_new ();
  g_autofree char *slugs = NULL;

  x->lang = g_strdup ("en"), x->title = g_strdup ("Same News"), x->body = g_strdup ("From A\n");
  y->lang = g_strdup ("en"), y->title = g_strdup ("Same News"), y->body = g_strdup ("From B\n");
  x->section = g_strdup ("business"), y->section = g_strdup ("business");
  save (f->a, x);
  save (f->b, y);
  g_assert_cmpstr (x->slug, ==, y->slug);
  sync_quiet (f->a);
  sync_quiet (f->b);
  sync_quiet (f->a);
  slugs = query_text (f->a,
                      "SELECT group_concat(slug, ' ') FROM (SELECT slug FROM article WHERE title ="
                      " ? ORDER BY slug)",
                      "Same News");
  g_assert_cmpstr (slugs, ==, "same-news same-news-2");
  assert_same_newsrooms (f->a, f->b);
}

/* A randomized run: three workstations, random edits, creations, deletions,
 * Trash moves, list reorders and sponsor changes, with random syncs; then every
 * one syncs until nothing moves: all three hold the same newsroom, and every
 * article created and never deleted is there. */
static void
random_op (PortadaNewsroom *nr, GRand *rand, GPtrArray *created, guint step)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) pick = portada_newsroom_prepare (
      nr, "SELECT uuid FROM article WHERE deleted_at IS NULL ORDER BY random() LIMIT 1", NULL);
  g_autofree char *uuid = NULL;

  if (sqlite3_step (pick) == SQLITE_ROW)
    uuid = portada_stmt_dup_text (pick, 0);
  switch (g_rand_int_range (rand, 0, 8))
    {
      case 0:
      case 1:
        if (uuid)
          {
            g_autofree char *title = g_strdup_printf ("Title %u", step);
            set_title (nr, uuid, title);
          }
        break;
      case 2:
        if (uuid)
          {
            g_autoptr (PortadaArticle) a = load (nr, uuid);
            g_autofree char *body = g_strdup_printf ("%sParagraph %u.\n\n", a->body, step);
            g_free (a->body);
            a->body = g_steal_pointer (&body);
            save (nr, a);
          }
        break;
      case 3:
        {
          g_autoptr (PortadaArticle) a = portada_article_new ();
          a->lang = g_strdup (g_rand_boolean (rand) ? "en" : "es");
          a->title = g_strdup_printf ("Created %u", step);
          a->body = g_strdup ("New.\n");
          save (nr, a);
          g_ptr_array_add (created, g_strdup (a->uuid));
        }
        break;
      case 4:
        if (uuid)
          {
            g_autoptr (PortadaArticle) a = load (nr, uuid);
            g_assert_true (portada_trash_move (nr, a->id, &error));
          }
        break;
      case 5:
        {
          gint64 list = list_id (nr, "A");
          g_autoptr (GArray) m = portada_logo_lists_members (nr, list, &error);
          for (guint i = m->len; i > 1; i--)
            {
              guint j = g_rand_int_range (rand, 0, i);
              PortadaLogoListMember t = g_array_index (m, PortadaLogoListMember, i - 1);
              g_array_index (m, PortadaLogoListMember, i - 1)
                  = g_array_index (m, PortadaLogoListMember, j);
              g_array_index (m, PortadaLogoListMember, j) = t;
            }
          g_assert_true (portada_logo_lists_set_members (
              nr, list, (PortadaLogoListMember *) m->data, m->len, &error));
        }
        break;
      case 6:
        {
          g_autofree char *name = g_strdup_printf ("Sponsor %u", step);
          g_autoptr (PortadaSponsor) sp = portada_sponsor_new (name);
          sp->alt_text = g_strdup (name);
          g_assert_true (portada_sponsors_save (nr, sp, &error));
          g_assert_true (portada_logo_lists_add_member (nr, list_id (nr, "A"), sp->id, 1, &error));
        }
        break;
      default:
        {
          g_autoptr (GPtrArray) all = portada_sponsors_list (nr, &error);
          PortadaSponsor *sp = all->pdata[g_rand_int_range (rand, 0, all->len)];
          g_free (sp->notes);
          sp->notes = g_strdup_printf ("Note %u", step);
          g_assert_true (portada_sponsors_save (nr, sp, &error));
        }
    }
  g_assert_no_error (error);
}

static void
test_randomized (Fixture *f, gconstpointer data)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr (GPtrArray) created = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *c_path = g_build_filename (f->dir, "c.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) c = portada_sync_clone (f->remote, c_path, NULL, NULL, &error);
  PortadaNewsroom *ws[3] = { f->a, f->b, c };
  guint ops = g_test_slow () ? 1000 : 150;

  g_assert_no_error (error);
  for (guint step = 0; step < ops; step++)
    {
      PortadaNewsroom *nr = ws[g_rand_int_range (rand, 0, 3)];
      random_op (nr, rand, created, step);
      if (g_rand_int_range (rand, 0, 10) == 0)
        sync_quiet (nr);
    }
  /* Until quiet: a round in which nobody commits or receives anything. */
  for (guint round = 0;; round++)
    {
      gboolean moved = FALSE;
      g_assert_cmpuint (round, <, 6);
      for (guint i = 0; i < 3; i++)
        {
          g_autoptr (PortadaSyncReport) r = sync_ok (ws[i]);
          moved |= r->committed || r->received;
        }
      if (!moved)
        break;
    }
  assert_same_newsrooms (f->a, f->b);
  assert_same_newsrooms (f->b, c);
  for (guint i = 0; i < created->len; i++)
    {
      g_autofree char *there
          = query_text (f->a, "SELECT uuid FROM article WHERE uuid = ?", created->pdata[i]);
      g_assert_cmpstr (there, ==, created->pdata[i]);
    }
}

/* An image added on one workstation reaches the other byte for byte; its alt
 * text changed there comes back. Images are read from the newsroom only when
 * the repository lacks them. */
static void
test_media (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) logo = portada_demo_placeholder_logo ("Sync Test Logo", 300, 100);
  g_autoptr (GError) error = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, logo);
  g_autoptr (PortadaMedia) on_b = NULL;
  g_autoptr (PortadaMedia) back = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gint64 id = portada_media_add (f->a, logo, "image/svg+xml", 300, 100, "logo.svg", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  sync_quiet (f->a);
  sync_quiet (f->b);
  on_b = portada_media_find_sha256 (f->b, sha, &error);
  g_assert_no_error (error);
  bytes = portada_media_load_data (f->b, on_b->id, &error);
  g_assert_true (g_bytes_equal (bytes, logo));
  g_assert_true (portada_media_set_alt_text (f->b, on_b->id, "Alt text from B", &error));
  sync_quiet (f->b);
  sync_quiet (f->a);
  back = portada_media_load_info (f->a, id, &error);
  g_assert_cmpstr (back->alt_text, ==, "Alt text from B");
  assert_same_newsrooms (f->a, f->b);

  /* Deleted on A while its alt text changes on B: kept, file and all. */
  {
    g_autoptr (sqlite3_stmt) del
        = portada_newsroom_prepare (f->a, "DELETE FROM media WHERE sha256 = ?", NULL);
    g_autoptr (PortadaMedia) kept = NULL;
    portada_stmt_bind_text (del, 1, sha);
    g_assert_true (portada_newsroom_step_done (f->a, del, &error));
    g_assert_true (portada_media_set_alt_text (f->b, on_b->id, "Changed again on B", &error));
    /* B first: A, which deleted it, merges. */
    sync_quiet (f->b);
    sync_quiet (f->a);
    sync_quiet (f->b);
    kept = portada_media_find_sha256 (f->a, sha, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kept->alt_text, ==, "Changed again on B");
    assert_same_newsrooms (f->a, f->b);
  }
}

static void
async_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PortadaSyncReport **out = data;
  g_autoptr (GError) error = NULL;

  *out = portada_sync_run_finish (result, &error);
  g_assert_no_error (error);
}

/* The window's way: a sync in a thread on a connection of its own, while this
 * connection stays usable and then sees the imported edit. */
static void
test_async (Fixture *f, gconstpointer data)
{
  g_autofree char *one = nth_uuid (f->a, 0);
  g_autoptr (PortadaSyncReport) report = NULL;
  g_autoptr (PortadaArticle) on_b = NULL;

  set_title (f->a, one, "Edited on A, synced in a thread");
  sync_quiet (f->a);
  portada_sync_run_async (portada_newsroom_get_path (f->b), NULL, async_done_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (report->received);
  on_b = load (f->b, one);
  g_assert_cmpstr (on_b->title, ==, "Edited on A, synced in a thread");
}

/* Pages in a hierarchy, a section's path, an author's bio, a placement: all travel. */
static void
test_pages_sections_authors (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaPage) parent = portada_page_new ();
  g_autoptr (PortadaPage) child = portada_page_new ();
  g_autoptr (PortadaPage) on_b = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bio = NULL;
  gint64 child_on_b;

  parent->lang = g_strdup ("en"), parent->title = g_strdup ("About"),
  parent->body = g_strdup ("Us.\n");
  g_assert_true (portada_pages_save (f->a, parent, &error));
  child->lang = g_strdup ("en"), child->title = g_strdup ("Team"),
  child->body = g_strdup ("People.\n");
  child->parent_id = parent->id;
  g_assert_true (portada_pages_save (f->a, child, &error));
  g_assert_no_error (error);
  {
    g_autoptr (sqlite3_stmt) s = portada_newsroom_prepare (
        f->a,
        "UPDATE section_label SET path = 'dinero' WHERE lang = 'es' AND section_id ="
        " (SELECT id FROM section WHERE key = 'business')",
        NULL);
    g_assert_true (portada_newsroom_step_done (f->a, s, &error));
  }
  {
    g_autoptr (sqlite3_stmt) s
        = portada_newsroom_prepare (f->b, "UPDATE author SET bio = 'Written on B.'", NULL);
    g_assert_true (portada_newsroom_step_done (f->b, s, &error));
  }
  {
    g_autoptr (sqlite3_stmt) s = portada_newsroom_prepare (
        f->b, "UPDATE placement SET max_logos = 7 WHERE slot = 'footer'", NULL);
    g_assert_true (portada_newsroom_step_done (f->b, s, &error));
  }
  sync_quiet (f->a);
  sync_quiet (f->b);
  sync_quiet (f->a);
  child_on_b = portada_pages_find_uuid (f->b, child->uuid, &error);
  g_assert_cmpint (child_on_b, >, 0);
  on_b = portada_pages_load (f->b, child_on_b, &error);
  g_assert_cmpint (on_b->parent_id, ==, portada_pages_find_uuid (f->b, parent->uuid, &error));
  g_assert_cmpstr (on_b->slug, ==, child->slug);
  path = query_text (f->b,
                     "SELECT l.path FROM section_label l JOIN section s ON s.id = l.section_id"
                     " WHERE s.key = 'business' AND l.lang = 'es'",
                     NULL);
  g_assert_cmpstr (path, ==, "dinero");
  bio = query_text (f->a, "SELECT bio FROM author LIMIT 1", NULL);
  g_assert_cmpstr (bio, ==, "Written on B.");
  {
    g_autofree char *max
        = query_text (f->a, "SELECT max_logos FROM placement WHERE slot = ?", "footer");
    g_assert_cmpstr (max, ==, "7");
  }
  assert_same_newsrooms (f->a, f->b);
}

/* A language removed on one workstation while a section's name in it changes on
 * another: the sync goes through (the label is left out, the name kept as a
 * conflict), and both end the same. */
static void
test_language_removed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSyncReport) report = NULL;

  {
    g_autoptr (sqlite3_stmt) s
        = portada_newsroom_prepare (f->a, "DELETE FROM language WHERE code = 'es'", NULL);
    g_assert_true (portada_newsroom_step_done (f->a, s, &error));
  }
  {
    g_autoptr (sqlite3_stmt) s = portada_newsroom_prepare (
        f->b, "UPDATE section_label SET name = 'Dinero' WHERE lang = 'es'", NULL);
    g_assert_true (portada_newsroom_step_done (f->b, s, &error));
  }
  sync_quiet (f->a);
  report = sync_ok (f->b);
  g_assert_cmpuint (report->conflicts, >, 0);
  sync_quiet (f->a);
  sync_quiet (f->b);
  assert_same_newsrooms (f->a, f->b);
}

/* Hostile commits, written into the remote as anyone with access could. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_treebuilder, git_treebuilder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_odb, git_odb_free)

/* A raw tree object of one entry (git_treebuilder refuses names like ".."). */
static void
raw_tree (git_odb *odb, const char *name, int mode, const git_oid *oid, git_oid *out)
{
  g_autoptr (GByteArray) tree = g_byte_array_new ();
  g_autofree char *head = g_strdup_printf ("%o %s", mode, name);

  g_byte_array_append (tree, (const guint8 *) head, strlen (head) + 1);
  g_byte_array_append (tree, oid->id, GIT_OID_RAWSZ);
  g_assert_cmpint (git_odb_write (out, odb, tree->data, tree->len, GIT_OBJECT_TREE), ==, 0);
}

/* Commits on the remote's main a tree that is the current one with @folder/@name
 * set to @data (mode @mode), or, when @raw, a tree of that one entry only. */
static void
push_hostile (Fixture *f, const char *folder, const char *name, const char *data, gsize len,
              int mode, gboolean raw)
{
  g_autoptr (git_repository) repo = NULL;
  g_autoptr (git_commit) head = NULL;
  g_autoptr (git_tree) top = NULL;
  g_autoptr (git_odb) odb = NULL;
  g_autoptr (git_treebuilder) bld = NULL;
  git_oid head_id, blob, tree_id, commit_id;
  git_signature *sig = NULL;
  g_autofree char *raw_commit = NULL;

  g_assert_cmpint (git_repository_open_bare (&repo, f->remote), ==, 0);
  g_assert_cmpint (git_reference_name_to_id (&head_id, repo, "refs/heads/main"), ==, 0);
  g_assert_cmpint (git_commit_lookup (&head, repo, &head_id), ==, 0);
  g_assert_cmpint (git_commit_tree (&top, head), ==, 0);
  g_assert_cmpint (git_repository_odb (&odb, repo), ==, 0);
  g_assert_cmpint (git_blob_create_from_buffer (&blob, repo, data, len), ==, 0);
  if (raw)
    {
      git_oid sub;
      raw_tree (odb, name, mode, &blob, &sub);
      raw_tree (odb, folder, 040000, &sub, &tree_id);
    }
  else
    {
      const git_tree_entry *entry = git_tree_entry_byname (top, folder);
      g_autoptr (git_tree) sub = NULL;
      g_autoptr (git_treebuilder) sub_bld = NULL;
      git_oid sub_id;
      g_assert_nonnull (entry);
      g_assert_cmpint (git_tree_lookup (&sub, repo, git_tree_entry_id (entry)), ==, 0);
      g_assert_cmpint (git_treebuilder_new (&sub_bld, repo, sub), ==, 0);
      g_assert_cmpint (git_treebuilder_insert (NULL, sub_bld, name, &blob, mode), ==, 0);
      g_assert_cmpint (git_treebuilder_write (&sub_id, sub_bld), ==, 0);
      g_assert_cmpint (git_treebuilder_new (&bld, repo, top), ==, 0);
      g_assert_cmpint (git_treebuilder_insert (NULL, bld, folder, &sub_id, GIT_FILEMODE_TREE), ==,
                       0);
      g_assert_cmpint (git_treebuilder_write (&tree_id, bld), ==, 0);
    }
  /* Written raw too: the tree may be one libgit2 would not look up. */
  {
    char tree_hex[GIT_OID_HEXSZ + 1], head_hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr (tree_hex, sizeof tree_hex, &tree_id);
    git_oid_tostr (head_hex, sizeof head_hex, &head_id);
    raw_commit = g_strdup_printf ("tree %s\nparent %s\nauthor M <m@example.com> 1700000000 +0000\n"
                                  "committer M <m@example.com> 1700000000 +0000\n\nhostile\n",
                                  tree_hex, head_hex);
  }
  g_assert_cmpint (
      git_odb_write (&commit_id, odb, raw_commit, strlen (raw_commit), GIT_OBJECT_COMMIT), ==, 0);
  {
    git_reference *ref = NULL;
    g_assert_cmpint (git_reference_create (&ref, repo, "refs/heads/main", &commit_id, 1, "hostile"),
                     ==, 0);
    git_reference_free (ref);
  }
  git_signature_free (sig);
}

static void
expect_refused (Fixture *f, const char *what)
{
  g_autoptr (GHashTable) before = files_of (f->b);
  g_autoptr (GError) error = NULL;

  g_assert_null (portada_sync_run (f->b, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, what));
  {
    g_autoptr (GHashTable) after = files_of (f->b);
    g_assert_true (same_files (before, after));
  }
}

static void
test_hostile_traversal (Fixture *f, gconstpointer data)
{
  push_hostile (f, "articles", "../../escape.md", "---\n---\n", 8, 0100644, TRUE);
  expect_refused (f, "escape.md");
}

static void
test_hostile_dotdot (Fixture *f, gconstpointer data)
{
  push_hostile (f, "..", "x.md", "---\n---\n", 8, 0100644, TRUE);
  expect_refused (f, "../x.md");
}

static void
test_hostile_huge (Fixture *f, gconstpointer data)
{
  gsize len = PORTADA_SYNC_MAX_TEXT_BYTES + 10;
  g_autofree char *big = g_malloc (len);

  memset (big, 'x', len);
  push_hostile (f, "articles", "huge.md", big, len, GIT_FILEMODE_BLOB, FALSE);
  expect_refused (f, "too large");
}

static void
test_hostile_front_matter (Fixture *f, gconstpointer data)
{
  g_autofree char *one = nth_uuid (f->b, 0);
  g_autofree char *name = g_strdup_printf ("%s.md", one);
  const char *bad = "---\ntitle: \"never closed\nstatus: draft\n---\nbody\n";

  push_hostile (f, "articles", name, bad, strlen (bad), GIT_FILEMODE_BLOB, FALSE);
  expect_refused (f, name);
}

static void
test_hostile_link (Fixture *f, gconstpointer data)
{
  push_hostile (f, "authors", "link.md", "/etc/passwd", 11, GIT_FILEMODE_LINK, FALSE);
  expect_refused (f, "authors/link.md");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  git_libgit2_init ();
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);

  g_test_add_func ("/sync/folder/round-trip", test_folder_round_trip);
  g_test_add_func ("/sync/folder/hostile", test_folder_hostile);
  g_test_add_func ("/sync/merge/lines", test_merge_lines);
#define ADD(path, func) g_test_add ("/sync/" path, Fixture, NULL, setup, func, teardown)
  ADD ("different-articles", test_different_articles);
  ADD ("same-article-different-fields", test_same_article_fields);
  ADD ("same-paragraph", test_same_paragraph);
  ADD ("sponsor-added-list-reordered", test_sponsor_and_reorder);
  ADD ("bad-remote", test_bad_remote);
  ADD ("edit-against-delete", test_edit_against_delete);
  ADD ("same-slug", test_same_slug);
  ADD ("randomized", test_randomized);
  ADD ("media", test_media);
  ADD ("async", test_async);
  ADD ("pages-sections-authors", test_pages_sections_authors);
  ADD ("language-removed", test_language_removed);
  ADD ("hostile/traversal", test_hostile_traversal);
  ADD ("hostile/dotdot", test_hostile_dotdot);
  ADD ("hostile/huge", test_hostile_huge);
  ADD ("hostile/front-matter", test_hostile_front_matter);
  ADD ("hostile/link", test_hostile_link);
#undef ADD
  return g_test_run ();
}
