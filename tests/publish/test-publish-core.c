/* test-publish-core.c: destination addresses, manifests, and the deploy engine on a
 * plain folder (file://): only what changed travels, the user's files stay, a dead
 * publish is completed by the next.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-demo.h"
#include "portada-destination.h"
#include "portada-publish-manifest.h"
#include "portada-publish.h"
#include "portada-site-export.h"
#include "portada-test-util.h"

static void
test_destination_good (void)
{
  static const struct
  {
    const char *address, *user, *host;
    int port;
    const char *path;
  } good[] = {
    { "sftp://web@example.com/srv/www", "web", "example.com", 22, "/srv/www" },
    { "sftp://web@127.0.0.1:2222/srv/www/", "web", "127.0.0.1", 2222, "/srv/www" },
    { "sftp://web@example.com/~/public_html", "web", "example.com", 22, "public_html" },
    { "SFTP://web@[::1]:22/site", "web", "::1", 22, "/site" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaDestination) d = portada_destination_parse (good[i].address, &error);
      g_assert_no_error (error);
      g_assert_cmpint (d->kind, ==, PORTADA_DESTINATION_SFTP);
      g_assert_cmpstr (d->user, ==, good[i].user);
      g_assert_cmpstr (d->host, ==, good[i].host);
      g_assert_cmpint (d->port, ==, good[i].port);
      g_assert_cmpstr (d->path, ==, good[i].path);
    }
  {
    g_autoptr (PortadaDestination) d = portada_destination_parse ("file:///mnt/share/site/", NULL);
    g_autofree char *text = NULL;
    g_assert_nonnull (d);
    g_assert_cmpint (d->kind, ==, PORTADA_DESTINATION_FOLDER);
    g_assert_cmpstr (d->path, ==, "/mnt/share/site");
    text = portada_destination_to_string (d);
    g_assert_cmpstr (text, ==, "file:///mnt/share/site");
  }
}

static void
test_destination_wordpress (void)
{
  static const struct
  {
    const char *address, *user, *host;
    int port;
    const char *path, *url, *text;
  } good[] = {
    { "wordpress+https://example.com", NULL, "example.com", -1, "", "https://example.com",
      "wordpress+https://example.com" },
    { "wordpress+https://editor@example.com/blog/", "editor", "example.com", -1, "/blog",
      "https://example.com/blog", "wordpress+https://editor@example.com/blog" },
    { "wordpress+http://127.0.0.1:8080/", NULL, "127.0.0.1", 8080, "", "http://127.0.0.1:8080",
      "wordpress+http://127.0.0.1:8080" },
    { "WORDPRESS+HTTP://ed@localhost:81", "ed", "localhost", 81, "", "http://localhost:81",
      "wordpress+http://ed@localhost:81" },
    { "wordpress+http://[::1]:8080", NULL, "::1", 8080, "", "http://[::1]:8080",
      "wordpress+http://[::1]:8080" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaDestination) d = portada_destination_parse (good[i].address, &error);
      g_autofree char *url = NULL;
      g_autofree char *text = NULL;
      g_assert_no_error (error);
      g_assert_cmpint (d->kind, ==, PORTADA_DESTINATION_WORDPRESS);
      g_assert_cmpstr (d->user, ==, good[i].user);
      g_assert_cmpstr (d->host, ==, good[i].host);
      g_assert_cmpint (d->port, ==, good[i].port);
      g_assert_cmpstr (d->path, ==, good[i].path);
      url = portada_destination_site_url (d);
      g_assert_cmpstr (url, ==, good[i].url);
      text = portada_destination_to_string (d);
      g_assert_cmpstr (text, ==, good[i].text);
    }
}

/* The files engine does not take a WordPress site for a folder. */
static void
test_destination_wordpress_not_files (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("portada-publish-XXXXXX", NULL);
  PortadaPublishOptions options = { 0 };

  g_assert_false (
      portada_publish (dir, "wordpress+https://example.com", &options, NULL, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "WordPress"));
  g_rmdir (dir);
}

static void
test_destination_bad (void)
{
  static const char *bad[] = {
    "",
    "not an address",
    "/srv/www",
    "http://example.com/www",
    "ftp://web@example.com/www",
    "sftp://example.com/srv/www",        /* no user */
    "sftp://web:secret@example.com/www", /* a password */
    "sftp://web@/www",                   /* no host */
    "sftp://web@example.com:0/www",      /* port */
    "sftp://web@example.com:70000/www",  /* port */
    "sftp://web@example.com:port/www",   /* port */
    "sftp://web@example.com",            /* no folder */
    "sftp://web@example.com/",           /* no folder */
    "sftp://web@example.com/~/",         /* no folder */
    "sftp://web@example.com/srv/../etc", /* .. */
    "sftp://web@example.com/srv%0Awww",  /* control character */
    "sftp://web@example.com/www?x=1",    /* query */
    "sftp://web@example.com/www#top",    /* fragment */
    "file://server/share",               /* a host */
    "file:///",                          /* the root */
    "file:relative/path",
    "file:///srv/../etc",
    "wordpress+http://example.com",            /* the password in the clear */
    "wordpress+http://10.0.0.5:8080",          /* not this computer */
    "wordpress+https://editor:pw@example.com", /* a password */
    "wordpress+https://",                      /* no host */
    "wordpress+https://example.com:0",         /* port */
    "wordpress+https://example.com/blog/../x", /* .. */
    "wordpress+https://example.com/?p=1",      /* query */
    "wordpress://example.com",                 /* no transport */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaDestination) d = portada_destination_parse (bad[i], &error);
      if (d)
        g_error ("accepted: %s", bad[i]);
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "sftp://USER@HOST"));
    }
}

static void
test_paths (void)
{
  static const char *safe[] = { "index.html", "en/feed.xml", "assets/site.0123abcd.css" };
  static const char *unsafe[]
      = { "",    "/etc/passwd",      "../x",      "a/../b", "a//b", "./a",
          "a/.", ".portada-publish", "a/.hidden", "a\nb",   "a\tb", "a\\b" };

  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    g_assert_true (portada_publish_path_is_safe (safe[i]));
  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    g_assert_false (portada_publish_path_is_safe (unsafe[i]));
}

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static GHashTable *
parse_text (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  return portada_publish_manifest_parse (bytes);
}

static void
test_manifest (void)
{
  g_autoptr (GHashTable) files = portada_publish_files_new ();
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GHashTable *t;

  portada_publish_files_add (files, "index.html", SHA_A, 12);
  portada_publish_files_add (files, "en/feed.xml", PORTADA_PUBLISH_UNKNOWN, 0);
  bytes = portada_publish_manifest_format (files);
  back = portada_publish_manifest_parse (bytes);
  g_assert_nonnull (back);
  g_assert_cmpuint (g_hash_table_size (back), ==, 2);
  g_assert_cmpuint (((PortadaPublishFile *) g_hash_table_lookup (back, "index.html"))->size, ==,
                    12);

  t = parse_text ("portada-publish-manifest 1 0\n");
  g_assert_nonnull (t);
  g_assert_cmpuint (g_hash_table_size (t), ==, 0);
  g_hash_table_unref (t);
  /* An unsafe path is dropped: the engine never removes outside the folder. */
  t = parse_text ("portada-publish-manifest 1 1\n../../etc/passwd\t" SHA_A "\t1\n");
  g_assert_nonnull (t);
  g_assert_cmpuint (g_hash_table_size (t), ==, 0);
  g_hash_table_unref (t);

  g_assert_null (parse_text (""));
  g_assert_null (parse_text ("portada-site-manifest 1\nindex.html\tkey\t1\n"));
  g_assert_null (parse_text ("portada-publish-manifest 1 2\nindex.html\t" SHA_A "\t1\n"));
  g_assert_null (parse_text ("portada-publish-manifest 1 1\nindex.html\t" SHA_A "\t1"));
  g_assert_null (parse_text ("portada-publish-manifest 1 1\nindex.html\tnothex\t1\n"));
  g_assert_null (parse_text ("portada-publish-manifest 1 1\nindex.html\t" SHA_A "\tx\n"));
  g_assert_null (parse_text ("portada-publish-manifest 1 1\nindex.html\t" SHA_A "\n"));
  g_assert_null (parse_text ("portada-publish-manifest 1 x\n"));
}

/* ------------------------------------------------------------------ */
/* The engine on a folder */

#define DATE "2026-01-15"
#define NOW 1768435200

typedef struct
{
  char *dir;
  char *db_dir;
  char *site;
  char *dest;
  char *url;
  PortadaNewsroom *nr;
  GPtrArray *changes;
} Fixture;

static void
on_change (PortadaPublishChange change, const char *path, guint64 size, gpointer user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%c %s", change, path));
}

static void
export_site (Fixture *f)
{
  static const PortadaSiteExportOptions options = { DATE, NOW };
  g_autoptr (GError) error = NULL;

  g_assert_true (
      portada_site_export_full (f->nr, f->site, NULL, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
publish (Fixture *f, gboolean dry_run, PortadaPublishSummary *summary, GError **error)
{
  g_autofree char *cache = g_build_filename (f->dir, "hashes", NULL);
  PortadaPublishOptions options = { 0 };

  options.hash_cache = cache;
  options.dry_run = dry_run;
  options.change = on_change;
  options.user_data = f->changes;
  g_ptr_array_set_size (f->changes, 0);
  return portada_publish (f->site, f->url, &options, NULL, summary, error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  static int n;
  g_autofree char *tmp = portada_test_tmpdir ();
  g_autofree char *name = g_strdup_printf ("fixture-%d", ++n);

  f->dir = g_build_filename (tmp, name, NULL);
  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  f->site = g_build_filename (f->dir, "site", NULL);
  f->dest = g_build_filename (f->dir, "www", NULL);
  f->url = g_strconcat ("file://", f->dest, NULL);
  f->changes = g_ptr_array_new_with_free_func (g_free);
  f->nr = portada_test_newsroom ();
  g_assert_true (portada_demo_fill (f->nr, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  export_site (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->nr);
  g_ptr_array_unref (f->changes);
  g_free (f->dir);
  g_free (f->site);
  g_free (f->dest);
  g_free (f->url);
}

static GBytes *
read_rel (const char *root, const char *rel)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  return portada_test_read (path);
}

/* Every file of the export's manifest is in the destination, byte for byte. */
static void
assert_published (Fixture *f)
{
  g_autoptr (GHashTable) site = portada_publish_site_read (f->site, NULL, NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_assert_nonnull (site);
  g_hash_table_iter_init (&iter, site);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (GBytes) a = read_rel (f->site, key);
      g_autoptr (GBytes) b = read_rel (f->dest, key);
      if (b == NULL || !g_bytes_equal (a, b))
        g_error ("%s: not published as exported", (char *) key);
    }
}

static PortadaArticle *
first_published (PortadaNewsroom *nr, const char *lang)
{
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;

  q.lang = lang;
  q.status = PORTADA_STATUS_PUBLISHED;
  list = portada_articles_list (nr, &q, 0, 1, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  return portada_articles_load (nr, ((PortadaArticleSummary *) list->pdata[0])->id, NULL);
}

static void
test_folder_cycle (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) site = portada_publish_site_read (f->site, NULL, NULL, NULL);
  g_autofree char *user_file = g_build_filename (f->dest, "en", "keep-me.txt", NULL);
  g_autofree char *manifest = g_build_filename (f->dest, PORTADA_PUBLISH_MANIFEST, NULL);
  g_autofree char *pending = g_build_filename (f->dest, PORTADA_PUBLISH_PENDING, NULL);
  g_autoptr (PortadaArticle) a = NULL;
  PortadaPublishSummary s;
  guint files = g_hash_table_size (site);

  /* A dry run changes nothing, not even the folder's existence. */
  g_assert_true (publish (f, TRUE, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, files);
  g_assert_cmpuint (s.uploaded, ==, 0);
  g_assert_false (g_file_test (manifest, G_FILE_TEST_EXISTS));

  g_assert_true (publish (f, FALSE, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.uploaded, ==, files);
  g_assert_cmpuint (s.removed, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, 0);
  g_assert_cmpuint (s.bytes, >, 0);
  assert_published (f);
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (pending, G_FILE_TEST_EXISTS));

  /* The user's own file in a folder of the site. */
  g_assert_true (g_file_set_contents (user_file, "mine", -1, NULL));

  /* Nothing changed: nothing travels, nothing is written. */
  g_assert_true (publish (f, FALSE, &s, &error));
  g_assert_cmpuint (s.uploaded, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, files);
  g_assert_cmpuint (f->changes->len, ==, 0);

  /* One article changes: its page and the few files that show it. */
  a = first_published (f->nr, "en");
  g_free (a->title);
  a->title = g_strdup ("A title changed for the publish test");
  g_assert_true (portada_articles_save (f->nr, a, PORTADA_SAVE_NO_REVISION, &error));
  g_assert_no_error (error);
  export_site (f);
  g_assert_true (publish (f, FALSE, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.uploaded, >=, 2);
  g_assert_cmpuint (s.uploaded, <, files / 4);
  g_assert_cmpuint (s.uploaded + s.unchanged, ==, files);
  for (guint i = 0; i < f->changes->len; i++)
    g_assert_true (((char *) f->changes->pdata[i])[0] == '~');
  assert_published (f);

  /* The article is unpublished: its page is removed, the user's file stays. */
  a->status = PORTADA_STATUS_DRAFT;
  g_assert_true (portada_articles_save (f->nr, a, PORTADA_SAVE_NO_REVISION, &error));
  export_site (f);
  g_assert_true (publish (f, FALSE, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.removed, >=, 1);
  assert_published (f);
  {
    g_autofree char *page = g_build_filename (f->dest, a->slug, NULL);
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (user_file, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "mine");
  }
}

/* A publish that died after writing its pending list and part of the files. */
static void
test_folder_dead_publish (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pending = g_build_filename (f->dest, PORTADA_PUBLISH_PENDING, NULL);
  g_autofree char *manifest = g_build_filename (f->dest, PORTADA_PUBLISH_MANIFEST, NULL);
  g_autofree char *stray = g_build_filename (f->dest, "en", "gone.html", NULL);
  g_autofree char *stray_temp = g_build_filename (f->dest, "en", ".gone.html.portada-new", NULL);
  g_autofree char *index = g_build_filename (f->dest, "index.html", NULL);
  PortadaPublishSummary s;

  g_assert_true (publish (f, FALSE, &s, &error));
  g_assert_no_error (error);
  /* As if a publish had been killed: a page half written, a new file of its own and
   * its temporary, all named in its pending list. */
  g_assert_true (g_file_set_contents (index, "<html>half", -1, NULL));
  g_assert_true (g_file_set_contents (stray, "x", -1, NULL));
  g_assert_true (g_file_set_contents (stray_temp, "x", -1, NULL));
  g_assert_true (g_file_set_contents (pending,
                                      "portada-publish-manifest 1 2\n"
                                      "en/gone.html\t-\t0\nindex.html\t-\t0\n",
                                      -1, NULL));
  g_assert_true (publish (f, FALSE, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.uploaded, ==, 1);
  g_assert_cmpuint (s.removed, ==, 1);
  assert_published (f);
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stray_temp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pending, G_FILE_TEST_EXISTS));

  /* A damaged pending list: everything is sent again. */
  g_assert_true (g_file_set_contents (pending, "garbage", -1, NULL));
  g_assert_true (publish (f, FALSE, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.unchanged, ==, 0);
  assert_published (f);

  /* Died between removing the manifest and renaming the new one in. */
  {
    g_autofree char *temp = g_build_filename (f->dest, ".portada-publish.portada-new", NULL);
    g_assert_cmpint (g_rename (manifest, temp), ==, 0);
    g_assert_true (publish (f, FALSE, &s, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (s.uploaded, ==, 0);
    g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  }
}

/* A folder of the site removed by hand on the destination: made again when a file of
 * it changes. */
static void
test_folder_removed_by_hand (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaArticle) a = first_published (f->nr, "en");
  g_autofree char *section = g_build_filename (f->dest, "en", a->section, NULL);
  const char *argv[] = { "rm", "-rf", section, NULL };
  PortadaPublishSummary s;

  g_assert_true (publish (f, FALSE, &s, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, NULL, NULL));
  g_assert_false (g_file_test (section, G_FILE_TEST_EXISTS));
  g_free (a->title);
  a->title = g_strdup ("Its folder was removed on the server");
  g_assert_true (portada_articles_save (f->nr, a, PORTADA_SAVE_NO_REVISION, &error));
  export_site (f);
  publish (f, FALSE, &s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s.uploaded, >=, 1);
  g_assert_true (g_file_test (section, G_FILE_TEST_IS_DIR));
}

static void
test_folder_bad (Fixture *f, gconstpointer data)
{
  PortadaPublishSummary s;
  g_autofree char *empty = g_build_filename (f->dir, "empty", NULL);
  g_autofree char *inside = g_strconcat ("file://", f->site, "/www", NULL);
  g_autofree char *no_parent = g_strconcat ("file://", f->dir, "/no/such/www", NULL);
  g_autofree char *site_manifest = g_build_filename (f->site, PORTADA_SITE_MANIFEST, NULL);
  g_autofree char *page = g_build_filename (f->site, "index.html", NULL);

  {
    g_autoptr (GError) error = NULL;
    g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
    g_assert_false (portada_publish (empty, f->url, NULL, NULL, &s, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "not a site exported by Portada"));
  }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (portada_publish (f->site, inside, NULL, NULL, &s, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (portada_publish (f->site, no_parent, NULL, NULL, &s, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (portada_publish (f->site, "http://example.com/", NULL, NULL, &s, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  }
  {
    /* A page changed by hand after the export: refused, nothing sent. */
    g_autoptr (GError) error = NULL;
    g_assert_true (g_file_set_contents (page, "edited", -1, NULL));
    g_assert_false (portada_publish (f->site, f->url, NULL, NULL, &s, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
    g_assert_false (g_file_test (f->dest, G_FILE_TEST_EXISTS));
  }
  {
    /* A manifest naming a file outside the export. */
    g_autoptr (GError) error = NULL;
    g_assert_true (
        g_file_set_contents (site_manifest, "portada-site-manifest 1\n../x\tk\t1\n", -1, NULL));
    g_assert_false (portada_publish (f->site, f->url, NULL, NULL, &s, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/publish/destination/good", test_destination_good);
  g_test_add_func ("/publish/destination/bad", test_destination_bad);
  g_test_add_func ("/publish/destination/wordpress", test_destination_wordpress);
  g_test_add_func ("/publish/destination/wordpress-not-files",
                   test_destination_wordpress_not_files);
  g_test_add_func ("/publish/paths", test_paths);
  g_test_add_func ("/publish/manifest", test_manifest);
  g_test_add ("/publish/folder/cycle", Fixture, NULL, fixture_set_up, test_folder_cycle,
              fixture_tear_down);
  g_test_add ("/publish/folder/dead-publish", Fixture, NULL, fixture_set_up,
              test_folder_dead_publish, fixture_tear_down);
  g_test_add ("/publish/folder/removed-by-hand", Fixture, NULL, fixture_set_up,
              test_folder_removed_by_hand, fixture_tear_down);
  g_test_add ("/publish/folder/bad", Fixture, NULL, fixture_set_up, test_folder_bad,
              fixture_tear_down);
  return g_test_run ();
}
