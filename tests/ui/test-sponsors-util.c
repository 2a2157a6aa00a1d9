/* test-sponsors-util.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "portada-demo.h"
#include "portada-logo-list.h"
#include "portada-sponsor.h"
#include "test-sponsors-util.h"

GResource *portada_get_resource (void);

static char *tmpdir;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (tmpdir)
    remove_tree (tmpdir);
}

void
sponsors_test_init (int *argc, char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  /* Links the UI resources in, which register themselves. */
  g_assert_nonnull (portada_get_resource ());
  tmpdir = g_dir_make_tmp ("portada-sponsors-ui-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  atexit (cleanup);
}

const char *
sponsors_test_tmpdir (void)
{
  return tmpdir;
}

PortadaNewsroom *
sponsors_test_demo (void)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("demo-%d.db", ++n);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (path, PORTADA_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&nr);
}

void
sponsors_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
sponsors_test_find (GtkWidget *root, GType type, const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (title == NULL
          || (ADW_IS_PREFERENCES_ROW (root)
              && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title)
                     == 0)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sponsors_test_find (child, type, title);
      if (found)
        return found;
    }
  return NULL;
}

GFile *
sponsors_test_png (const char *name, int width, int height, guint32 rgba)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree guchar *pixels = g_malloc (width * height * 4);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  for (int i = 0; i < width * height; i++)
    {
      pixels[i * 4] = rgba >> 24;
      pixels[i * 4 + 1] = (rgba >> 16) & 0xff;
      pixels[i * 4 + 2] = (rgba >> 8) & 0xff;
      pixels[i * 4 + 3] = rgba & 0xff;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&pixels), width * height * 4);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, bytes, width * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return g_file_new_for_path (path);
}

GFile *
sponsors_test_file (const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

gint64
sponsors_test_sponsor_id (PortadaNewsroom *newsroom, const char *name)
{
  g_autoptr (GPtrArray) sponsors = portada_sponsors_list (newsroom, NULL);

  g_assert_nonnull (sponsors);
  for (guint i = 0; i < sponsors->len; i++)
    {
      PortadaSponsor *s = g_ptr_array_index (sponsors, i);
      if (g_strcmp0 (s->name, name) == 0)
        return s->id;
    }
  return 0;
}

gint64
sponsors_test_list_id (PortadaNewsroom *newsroom, const char *name)
{
  g_autoptr (GPtrArray) lists = portada_logo_lists_list (newsroom, NULL);

  g_assert_nonnull (lists);
  for (guint i = 0; i < lists->len; i++)
    {
      PortadaLogoList *l = g_ptr_array_index (lists, i);
      if (g_strcmp0 (l->name, name) == 0)
        return l->id;
    }
  return 0;
}
