/* portada-media-derive.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <vips/vips.h>

#include "portada-error.h"
#include "portada-media-derive.h"

static const int standard_widths[] = { 480, 960, 1600 };
static gint decodes;

guint
portada_media_derived_widths (const PortadaMedia *m, int widths[PORTADA_MEDIA_MAX_DERIVED])
{
  guint n = 0;
  int largest;

  if (m == NULL || m->width <= 0 || m->height <= 0 || g_strcmp0 (m->mime, "image/svg+xml") == 0)
    return 0;
  largest = MIN (m->width, standard_widths[G_N_ELEMENTS (standard_widths) - 1]);
  for (guint i = 0; i < G_N_ELEMENTS (standard_widths); i++)
    if (standard_widths[i] < largest)
      widths[n++] = standard_widths[i];
  widths[n++] = largest;
  return MIN (n, PORTADA_MEDIA_MAX_DERIVED);
}

const char *
portada_media_derived_extension (const PortadaMedia *m)
{
  return g_strcmp0 (m->mime, "image/jpeg") == 0 ? "jpg" : "png";
}

char *
portada_media_cache_dir (PortadaNewsroom *newsroom)
{
  const char *path = newsroom ? portada_newsroom_get_path (newsroom) : NULL;
  g_autofree char *beside = NULL;

  if (path && *path && !g_str_equal (path, ":memory:"))
    {
      beside = g_strconcat (path, ".cache", NULL);
      return g_build_filename (beside, "media", NULL);
    }
  return g_build_filename (g_get_user_cache_dir (), "portada", "media", NULL);
}

char *
portada_media_derived_path (const char *cache_dir, const PortadaMedia *m, int width,
                            const char *extension)
{
  g_autofree char *name = g_strdup_printf ("%s-%d.%s", m->sha256, width, extension);
  return g_build_filename (cache_dir, name, NULL);
}

gboolean
portada_media_derived_cached (const char *cache_dir, const PortadaMedia *m)
{
  int widths[PORTADA_MEDIA_MAX_DERIVED];
  guint n = portada_media_derived_widths (m, widths);
  const char *ext = portada_media_derived_extension (m);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a = portada_media_derived_path (cache_dir, m, widths[i], ext);
      g_autofree char *b = portada_media_derived_path (cache_dir, m, widths[i], "webp");
      if (!g_file_test (a, G_FILE_TEST_EXISTS) || !g_file_test (b, G_FILE_TEST_EXISTS))
        return FALSE;
    }
  return TRUE;
}

guint
portada_media_decode_count (void)
{
  return (guint) g_atomic_int_get (&decodes);
}

static gboolean
vips_failed (const PortadaMedia *m, GError **error)
{
  g_autofree char *why = g_strstrip (g_strdup (vips_error_buffer ()));

  vips_error_clear ();
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
               _ ("%s: the image cannot be resized: %s"), m->filename ? m->filename : m->sha256,
               why);
  return FALSE;
}

static gboolean
ensure_vips (GError **error)
{
  static gsize ready;
  static gboolean ok;

  if (g_once_init_enter (&ready))
    {
      ok = vips_init ("portada") == 0;
      if (ok)
        {
          /* Images are derived in parallel, one per core: each one single-threaded. */
          vips_concurrency_set (1);
          vips_cache_set_max (0);
        }
      g_once_init_leave (&ready, 1);
    }
  if (!ok)
    g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("libvips cannot start: %s"),
                 vips_error_buffer ());
  return ok;
}

/* Writes @bytes to @path through a temporary file, so a reader never sees half. */
static gboolean
save_file (const char *path, const void *data, gsize len, GError **error)
{
  return g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
save_one (VipsImage *image, const char *path, const char *ext, GError **error)
{
  void *buf = NULL;
  size_t len = 0;
  int rc;
  gboolean ok;

  if (g_str_equal (ext, "webp"))
    rc = vips_webpsave_buffer (image, &buf, &len, "Q", 80, "strip", TRUE, "effort", 2, NULL);
  else if (g_str_equal (ext, "jpg"))
    rc = vips_jpegsave_buffer (image, &buf, &len, "Q", 82, "strip", TRUE, "optimize_coding", TRUE,
                               "interlace", TRUE, NULL);
  else
    rc = vips_pngsave_buffer (image, &buf, &len, "strip", TRUE, "compression", 6, NULL);
  if (rc != 0)
    return FALSE;
  ok = save_file (path, buf, len, error);
  g_free (buf);
  return ok;
}

gboolean
portada_media_derive (const char *cache_dir, const PortadaMedia *m, GBytes *original,
                      GError **error)
{
  int widths[PORTADA_MEDIA_MAX_DERIVED];
  guint n = portada_media_derived_widths (m, widths);
  const char *ext = portada_media_derived_extension (m);
  VipsImage *base = NULL;
  gboolean ok = TRUE;
  gsize len;
  const void *data;

  if (n == 0 || portada_media_derived_cached (cache_dir, m))
    return TRUE;
  if (!ensure_vips (error))
    return FALSE;
  if (g_mkdir_with_parents (cache_dir, 0755) != 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("%s: cannot be created"),
                   cache_dir);
      return FALSE;
    }
  data = g_bytes_get_data (original, &len);
  g_atomic_int_inc (&decodes);
  /* One decode, shrunk on load (JPEG's DCT scaling) to the largest width wanted,
   * turned upright by its EXIF orientation and into sRGB. */
  if (vips_thumbnail_buffer ((void *) data, len, &base, widths[n - 1], "height", 100000, "size",
                             VIPS_SIZE_DOWN, "export_profile", "srgb", NULL)
      != 0)
    return vips_failed (m, error);
  {
    VipsImage *memory = vips_image_copy_memory (base);
    g_object_unref (base);
    base = memory;
    if (base == NULL)
      return vips_failed (m, error);
  }
  for (guint i = n; ok && i-- > 0;)
    {
      VipsImage *sized = NULL;
      g_autofree char *a = portada_media_derived_path (cache_dir, m, widths[i], ext);
      g_autofree char *b = portada_media_derived_path (cache_dir, m, widths[i], "webp");

      if (widths[i] == vips_image_get_width (base))
        sized = g_object_ref (base);
      else if (vips_resize (base, &sized, (double) widths[i] / vips_image_get_width (base), NULL)
               != 0)
        {
          ok = vips_failed (m, error);
          break;
        }
      if (!save_one (sized, a, ext, error) || !save_one (sized, b, "webp", error))
        ok = error && *error ? FALSE : vips_failed (m, error);
      g_object_unref (sized);
    }
  g_object_unref (base);
  return ok;
}
