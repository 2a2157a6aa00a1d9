/* portada-demo-images.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <vips/vips.h>

#include "portada-demo-images.h"
#include "portada-error.h"
#include "portada-media-import.h"

#define WIDTH 1200
#define HEIGHT 675

static const struct
{
  const char *name;
  const char *alt;
  double top[3], bottom[3], sun[3];
} pictures[PORTADA_DEMO_N_IMAGES] = {
  { "harbour-dawn.jpg",
    "Abstract dawn over a harbour: orange sky, a pale sun",
    { 250, 170, 90 },
    { 40, 60, 110 },
    { 255, 240, 200 } },
  { "city-night.jpg",
    "Abstract city night: deep blue, a white moon",
    { 20, 30, 70 },
    { 5, 5, 20 },
    { 235, 235, 250 } },
  { "field-noon.jpg",
    "Abstract green field under a blue noon sky",
    { 90, 160, 230 },
    { 60, 140, 60 },
    { 255, 250, 220 } },
  { "desert-dusk.jpg",
    "Abstract desert at dusk: purple sky, red sun",
    { 120, 70, 140 },
    { 210, 140, 70 },
    { 230, 60, 40 } },
  { "sea-storm.jpg",
    "Abstract grey sea under storm clouds",
    { 110, 120, 130 },
    { 30, 60, 70 },
    { 200, 205, 210 } },
  { "snow-morning.jpg",
    "Abstract snowy morning: white ground, pale yellow sun",
    { 180, 200, 230 },
    { 245, 245, 250 },
    { 255, 230, 150 } },
};

static GBytes *
make_picture (guint i, GError **error)
{
  VipsImage *base = NULL, *y = NULL, *grad = NULL, *img = NULL;
  void *buf = NULL;
  size_t len = 0;
  double a[3], b[3];
  GBytes *bytes = NULL;

  for (int k = 0; k < 3; k++)
    {
      a[k] = (pictures[i].bottom[k] - pictures[i].top[k]) / (HEIGHT - 1);
      b[k] = pictures[i].top[k];
    }
  /* A vertical gradient from top to bottom colour, then a sun on it. */
  if (vips_xyz (&base, WIDTH, HEIGHT, NULL) || vips_extract_band (base, &y, 1, NULL))
    goto out;
  g_clear_object (&base);
  {
    VipsImage *three = NULL, *bands[3] = { y, y, y };
    if (vips_bandjoin (bands, &three, 3, NULL) || vips_linear (three, &grad, a, b, 3, NULL))
      {
        g_clear_object (&three);
        goto out;
      }
    g_clear_object (&three);
  }
  if (vips_cast_uchar (grad, &img, NULL))
    goto out;
  {
    VipsImage *mem = vips_image_copy_memory (img);
    g_object_unref (img);
    img = mem;
    if (img == NULL
        || vips_draw_circle (img, (double *) pictures[i].sun, 3, WIDTH * (0.25 + 0.1 * i),
                             HEIGHT * 0.35, 70 + 10 * i, "fill", TRUE, NULL))
      goto out;
  }
  {
    VipsImage *srgb = NULL;
    if (vips_copy (img, &srgb, "interpretation", VIPS_INTERPRETATION_sRGB, NULL) == 0)
      {
        if (vips_jpegsave_buffer (srgb, &buf, &len, "Q", 80, "strip", TRUE, NULL) == 0)
          bytes = g_bytes_new_take (buf, len);
        g_object_unref (srgb);
      }
  }
out:
  g_clear_object (&base);
  g_clear_object (&y);
  g_clear_object (&grad);
  g_clear_object (&img);
  if (bytes == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("The demo pictures cannot be made: %s"), vips_error_buffer ());
      vips_error_clear ();
    }
  return bytes;
}

gboolean
portada_demo_images_add (PortadaNewsroom *nr, gint64 ids[PORTADA_DEMO_N_IMAGES], GError **error)
{
  if (VIPS_INIT ("portada"))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("libvips cannot start: %s"),
                   vips_error_buffer ());
      return FALSE;
    }
  for (guint i = 0; i < PORTADA_DEMO_N_IMAGES; i++)
    {
      g_autoptr (GBytes) bytes = make_picture (i, error);
      if (bytes == NULL)
        return FALSE;
      ids[i] = portada_media_import (nr, pictures[i].name, bytes, NULL, error);
      if (ids[i] == 0 || !portada_media_set_alt_text (nr, ids[i], pictures[i].alt, error))
        return FALSE;
    }
  return TRUE;
}
