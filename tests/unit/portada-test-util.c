/* portada-test-util.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "portada-test-util.h"

static char *tmpdir;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (tmpdir)
    remove_tree (tmpdir);
}

char *
portada_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("portada-test-XXXXXX", NULL);
      g_assert_nonnull (tmpdir);
      atexit (cleanup);
    }
  return g_strdup (tmpdir);
}

PortadaNewsroom *
portada_test_newsroom (void)
{
  static int n;
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *name = g_strdup_printf ("newsroom-%d.db", ++n);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  PortadaNewsroom *nr = portada_newsroom_open (path, PORTADA_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return nr;
}

GBytes *
portada_test_read (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}
