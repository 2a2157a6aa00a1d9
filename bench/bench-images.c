/* bench-images.c: the responsive images of an export, timed.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-images prepare DIR N: makes N photos of 4000 × 3000 (DIR/photos/photo-NNN.jpg, made
 *   by code: gradients and noise, each different) and a newsroom DIR/news.db with N
 *   published articles, each showing one of them in its body.
 * bench-images export DB OUT: exports the site of DB into OUT; prints the seconds,
 *   the images decoded and the peak memory of this process (the export only).
 * bench/images runs both and ImageMagick on the same photos.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <vips/vips.h>

#include "portada-articles.h"
#include "portada-media-import.h"
#include "portada-site-export.h"

static GBytes *
make_photo (int i)
{
  VipsImage *xyz = NULL, *r = NULL, *g = NULL, *b = NULL, *noise = NULL, *rgb = NULL, *mixed = NULL,
            *u8 = NULL, *srgb = NULL;
  void *buf = NULL;
  size_t len = 0;
  VipsImage *bands[3];

  if (vips_xyz (&xyz, 4000, 3000, NULL) || vips_extract_band (xyz, &r, 0, NULL)
      || vips_extract_band (xyz, &g, 1, NULL)
      || vips_linear1 (g, &b, 255.0 / 3000, (i * 37) % 200, NULL))
    vips_error_exit ("photo");
  {
    VipsImage *rs = NULL, *gs = NULL;
    vips_linear1 (r, &rs, 255.0 / 4000, (i * 11) % 50, NULL);
    vips_linear1 (g, &gs, 255.0 / 3000 * 0.5, 60, NULL);
    bands[0] = rs;
    bands[1] = gs;
    bands[2] = b;
    if (vips_bandjoin (bands, &rgb, 3, NULL))
      vips_error_exit ("photo");
    g_object_unref (rs);
    g_object_unref (gs);
  }
  if (vips_gaussnoise (&noise, 4000, 3000, "sigma", 18.0, "mean", 0.0, "seed", i, NULL)
      || vips_add (rgb, noise, &mixed, NULL) || vips_cast_uchar (mixed, &u8, NULL)
      || vips_copy (u8, &srgb, "interpretation", VIPS_INTERPRETATION_sRGB, NULL)
      || vips_jpegsave_buffer (srgb, &buf, &len, "Q", 85, NULL))
    vips_error_exit ("photo");
  g_object_unref (xyz);
  g_object_unref (r);
  g_object_unref (g);
  g_object_unref (b);
  g_object_unref (noise);
  g_object_unref (rgb);
  g_object_unref (mixed);
  g_object_unref (u8);
  g_object_unref (srgb);
  return g_bytes_new_take (buf, len);
}

static int
prepare (const char *dir, int n)
{
  g_autofree char *photos = g_build_filename (dir, "photos", NULL);
  g_autofree char *db = g_build_filename (dir, "news.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;

  if (VIPS_INIT ("bench-images"))
    vips_error_exit (NULL);
  g_mkdir_with_parents (photos, 0755);
  nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (GBytes) photo = make_photo (i);
      g_autofree char *name = g_strdup_printf ("photo-%03d.jpg", i);
      g_autofree char *path = g_build_filename (photos, name, NULL);
      g_autoptr (PortadaArticle) a = portada_article_new ();
      g_autoptr (PortadaMedia) m = NULL;
      gint64 id;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (photo, NULL),
                                          g_bytes_get_size (photo), &error));
      id = portada_media_import (nr, name, photo, NULL, &error);
      g_assert_no_error (error);
      m = portada_media_load_info (nr, id, &error);
      g_free (a->title);
      a->title = g_strdup_printf ("Photo story %d", i);
      a->status = PORTADA_STATUS_PUBLISHED;
      a->publish_at = 1700000000 + i * 3600;
      g_free (a->body);
      a->body = g_strdup_printf ("A story told in one picture.\n\n![Photo %d](media/%s)\n", i,
                                 m->sha256);
      g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_NO_REVISION, &error));
      g_assert_no_error (error);
    }
  printf ("   %d photos of 4000 × 3000 in %s, newsroom %s\n", n, photos, db);
  return 0;
}

static int export(const char *db, const char *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  PortadaSiteExportStats stats = { 0 };
  struct rusage usage;
  gint64 t0;

  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  if (!portada_site_export_full (nr, out, NULL, NULL, NULL, NULL, NULL, &stats, &error))
    {
      fprintf (stderr, "export: %s\n", error->message);
      return 1;
    }
  getrusage (RUSAGE_SELF, &usage);
  printf ("   %8.2f s   %u images decoded   %u pages rendered   peak %ld MB\n",
          (g_get_monotonic_time () - t0) / 1e6, stats.images_decoded, stats.pages_rendered,
          usage.ru_maxrss / 1024);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "prepare"))
    return prepare (argv[2], atoi (argv[3]));
  if (argc == 4 && g_str_equal (argv[1], "export"))
    return export(argv[2], argv[3]);
  fprintf (stderr, "usage: bench-images prepare DIR N | export DB OUT\n");
  return 2;
}
