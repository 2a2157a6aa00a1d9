/* test-logos.c: importing logo files into a real newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "portada-logos.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-test-util.h"

static GBytes *
corpus (const char *name)
{
  g_autofree char *path
      = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "corpus", name, NULL);
  return portada_test_read (path);
}

static int
count_media (PortadaNewsroom *nr)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (nr, "SELECT count(*) FROM media", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_import_png_dedup (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GBytes) png = corpus ("images/logo-120x48.png");
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMedia) info = NULL;
  g_autoptr (GBytes) stored = NULL;
  gint64 a, b;

  a = portada_logos_import (nr, png, "/home/ana/Logos/cubasol.png", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  /* The same file under another name: stored once. */
  b = portada_logos_import (nr, png, "cubasol-copy.PNG", &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, ==, a);
  g_assert_cmpint (count_media (nr), ==, 1);

  info = portada_media_load_info (nr, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->mime, ==, "image/png");
  g_assert_cmpint (info->width, ==, 120);
  g_assert_cmpint (info->height, ==, 48);
  g_assert_cmpstr (info->filename, ==, "cubasol.png");
  stored = portada_media_load_data (nr, a, &error);
  g_assert_true (g_bytes_equal (stored, png));
}

static void
test_import_by_content (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GBytes) jpeg = corpus ("images/logo-301x77.jpg");
  g_autoptr (GBytes) gif = corpus ("images/logo.gif");
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMedia) info = NULL;
  gint64 id;

  /* A JPEG named .png is a JPEG. */
  id = portada_logos_import (nr, jpeg, "wrong-extension.png", &error);
  g_assert_no_error (error);
  info = portada_media_load_info (nr, id, &error);
  g_assert_cmpstr (info->mime, ==, "image/jpeg");

  /* A GIF named .png is refused, naming the file and the reason. */
  g_assert_cmpint (portada_logos_import (nr, gif, "logo.png", &error), ==, 0);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "logo.png: "));
  g_assert_nonnull (strstr (error->message, "GIF"));
  g_assert_cmpint (count_media (nr), ==, 1);
}

static void
test_import_svg_sanitized (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GBytes) svg = corpus ("svg/sanitize-script.svg");
  g_autoptr (GBytes) bomb = corpus ("svg/refuse-billion-laughs.svg");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) removed = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autoptr (PortadaMedia) info = NULL;
  gint64 id, again;

  id = portada_logos_import_full (nr, svg, "evil.svg", &removed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (removed, 0), "script"));
  stored = portada_media_load_data (nr, id, &error);
  g_assert_null (
      g_strstr_len (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), "script"));
  info = portada_media_load_info (nr, id, &error);
  g_assert_cmpstr (info->mime, ==, "image/svg+xml");
  g_assert_cmpint (info->width, ==, 100);
  g_assert_cmpint (info->height, ==, 40);
  /* The same hostile file again: the same sanitized copy, stored once. */
  again = portada_logos_import (nr, svg, "evil-again.svg", &error);
  g_assert_cmpint (again, ==, id);

  g_assert_cmpint (portada_logos_import (nr, bomb, "bomb.svg", &error), ==, 0);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bomb.svg: "));
  g_assert_nonnull (strstr (error->message, "entities"));
  g_assert_cmpint (count_media (nr), ==, 1);
}

static void
test_names_from_files (void)
{
  static const char *const cases[][2] = {
    { "hotel-barcelo-solymar.png", "Hotel Barcelo Solymar" },
    { "/tmp/logos/cerveceria_centroamericana_logo.svg", "Cerveceria Centroamericana" },
    { "INTERFER.jpg", "INTERFER" },
    { "MuniGuate-logo-200x80@2x.png", "MuniGuate" },
    { "centro-nacional-de-cirugia.webp", "Centro Nacional de Cirugia" },
    { "la-prensa.png", "La Prensa" },
    { "cervecería-final-v2.png", "Cervecería" },
    { "logo.png", "logo" },
    { ".hidden", "Hidden" },
    { "ávila.png", "Ávila" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = portada_logos_name_from_filename (cases[i][0]);
      g_assert_cmpstr (name, ==, cases[i][1]);
    }
}

static GFile *
write_file (const char *dir, const char *name, GBytes *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_file_new_for_path (path);
}

static void
test_import_many (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *tmp = portada_test_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "drop", NULL);
  g_autoptr (GBytes) png = corpus ("images/logo-120x48.png");
  g_autoptr (GBytes) webp = corpus ("images/alpha-200x80.webp");
  g_autoptr (GBytes) svg = corpus ("svg/sanitize-onload.svg");
  g_autoptr (GBytes) text = g_bytes_new_static ("not an image", 12);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  GFile *files[6];
  const PortadaLogoImport *r;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  files[0] = write_file (dir, "hotel-barcelo-solymar.png", png);
  files[1] = write_file (dir, "blue_diamond_resorts.webp", webp);
  files[2] = write_file (dir, "notes.txt", text);
  files[3] = write_file (dir, "same-as-first.png", png);
  files[4] = write_file (dir, "cubacel.svg", svg);
  files[5] = g_file_new_for_path (dir); /* a folder */

  results = portada_logos_import_files (nr, files, G_N_ELEMENTS (files), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 6);

  r = g_ptr_array_index (results, 0);
  g_assert_cmpstr (r->suggested_name, ==, "Hotel Barcelo Solymar");
  g_assert_cmpint (r->media_id, >, 0);
  g_assert_null (r->error);
  g_assert_cmpstr (((PortadaLogoImport *) g_ptr_array_index (results, 1))->suggested_name, ==,
                   "Blue Diamond Resorts");
  r = g_ptr_array_index (results, 2);
  g_assert_cmpint (r->media_id, ==, 0);
  g_assert_error (r->error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (r->error->message, "notes.txt: "));
  g_assert_cmpint (((PortadaLogoImport *) g_ptr_array_index (results, 3))->media_id, ==,
                   ((PortadaLogoImport *) g_ptr_array_index (results, 0))->media_id);
  r = g_ptr_array_index (results, 4);
  g_assert_cmpint (r->media_id, >, 0);
  g_assert_cmpuint (g_strv_length (r->removed), >=, 1);
  r = g_ptr_array_index (results, 5);
  g_assert_cmpint (r->media_id, ==, 0);
  g_assert_nonnull (r->error);
  g_assert_cmpint (count_media (nr), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

static void
test_import_oversized_file (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *tmp = portada_test_tmpdir ();
  g_autofree char *path = g_build_filename (tmp, "huge.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  FILE *f = fopen (path, "wb");

  /* A sparse file larger than the limit is refused before it is read. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 64 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc (0, f);
  fclose (f);
  results = portada_logos_import_files (nr, &file, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (((PortadaLogoImport *) g_ptr_array_index (results, 0))->error->message,
                            "at most 25 MB"));
  g_assert_cmpint (count_media (nr), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/logos/import-png-dedup", test_import_png_dedup);
  g_test_add_func ("/logos/import-by-content", test_import_by_content);
  g_test_add_func ("/logos/import-svg-sanitized", test_import_svg_sanitized);
  g_test_add_func ("/logos/names-from-files", test_names_from_files);
  g_test_add_func ("/logos/import-many", test_import_many);
  g_test_add_func ("/logos/import-oversized-file", test_import_oversized_file);
  return g_test_run ();
}
