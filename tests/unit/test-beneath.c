/* test-beneath.c: files made under a folder's descriptor never leave it.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "portada-beneath.h"
#include "portada-error.h"
#include "portada-test-util.h"

static void
test_relpath (void)
{
  static const char *const good[]
      = { "index.html", "en/2023/a-b/index.html", ".portada-manifest", "a.b/c..d/e", "é/ñ.html" };
  static const char *const bad[]
      = { "",      "/etc/passwd", "../x", "a/../../x", "a/..",     "..",     ".",
          "a/./b", "a//b",        "a/",   "a\\..\\b",  "a/\x01/b", "a/\x7f", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (portada_relpath_is_safe (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (portada_relpath_is_safe (bad[i]));
  {
    g_autofree char *long_part = g_strnfill (256, 'a');
    g_assert_false (portada_relpath_is_safe (long_part));
  }
}

static void
test_no_link_followed (void)
{
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *root = g_build_filename (dir, "root", NULL);
  g_autofree char *outside = g_build_filename (dir, "outside", NULL);
  g_autofree char *link = g_build_filename (root, "en", NULL);
  g_autofree char *leaf_link = g_build_filename (root, "feed.xml", NULL);
  g_autofree char *victim = g_build_filename (outside, "victim", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *read_back = NULL;
  int fd;

  g_assert_cmpint (g_mkdir (root, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (outside, 0755), ==, 0);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  g_assert_true (g_file_set_contents (victim, "keep", -1, NULL));
  g_assert_cmpint (symlink (victim, leaf_link), ==, 0);
  fd = portada_beneath_open_root (root, &error);
  g_assert_no_error (error);

  /* A planted link to a folder, on the way. */
  g_assert_false (portada_beneath_write (fd, "en/index.html", "x", 1, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  /* A planted link where the file goes. */
  g_assert_false (portada_beneath_write (fd, "feed.xml", "x", 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* A path that leaves. */
  g_assert_false (portada_beneath_write (fd, "../outside/x", "x", 1, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "../outside/x"));
  g_clear_error (&error);
  /* Reading follows no link either. */
  g_assert_null (portada_beneath_read (fd, "feed.xml", 100, NULL, &error));
  g_clear_error (&error);
  g_assert_null (portada_beneath_read (fd, "en/victim", 100, NULL, &error));
  g_clear_error (&error);
  g_assert_false (portada_beneath_link (fd, fd, "feed.xml"));

  g_assert_true (g_file_get_contents (victim, &read_back, NULL, NULL));
  g_assert_cmpstr (read_back, ==, "keep");
  {
    g_autofree char *planted = g_build_filename (outside, "index.html", NULL);
    g_assert_false (g_file_test (planted, G_FILE_TEST_EXISTS));
  }

  /* What is allowed still works. */
  g_assert_true (portada_beneath_write (fd, "es/a/b/index.html", "ok", 2, &error));
  g_assert_no_error (error);
  g_free (read_back);
  read_back = portada_beneath_read (fd, "es/a/b/index.html", 100, NULL, &error);
  g_assert_cmpstr (read_back, ==, "ok");
  close (fd);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/beneath/relpath", test_relpath);
  g_test_add_func ("/beneath/no-link-followed", test_no_link_followed);
  return g_test_run ();
}
