/* test-image.c: the image sniffer and the SVG sanitizer, on real files and the
 * hostile corpus in tests/corpus/.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "portada-image.h"
#include "portada-svg.h"
#include "portada-test-util.h"

static char *
corpus_path (const char *name)
{
  const char *root = g_getenv ("PORTADA_SOURCE_ROOT");
  g_assert_nonnull (root);
  return g_build_filename (root, "tests", "corpus", name, NULL);
}

static GBytes *
corpus (const char *name)
{
  g_autofree char *path = corpus_path (name);
  return portada_test_read (path);
}

static void
assert_sniff (const char *name, const char *mime, int width, int height)
{
  g_autoptr (GBytes) bytes = corpus (name);
  g_autoptr (GError) error = NULL;
  PortadaImageInfo info;

  g_test_message ("%s", name);
  g_assert_true (portada_image_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.mime, ==, mime);
  g_assert_cmpint (info.width, ==, width);
  g_assert_cmpint (info.height, ==, height);
}

static void
assert_refused (const guint8 *data, gsize len, const char *reason_part)
{
  g_autoptr (GError) error = NULL;
  PortadaImageInfo info = { "x", 1, 1 };

  g_assert_false (portada_image_sniff (data, len, &info, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_null (info.mime);
  if (reason_part && !strstr (error->message, reason_part))
    g_error ("“%s” does not say “%s”", error->message, reason_part);
}

static void
test_raster (void)
{
  assert_sniff ("images/logo-120x48.png", "image/png", 120, 48);
  assert_sniff ("images/logo-301x77.jpg", "image/jpeg", 301, 77);
  assert_sniff ("images/progressive-64x65.jpg", "image/jpeg", 64, 65);
  assert_sniff ("images/lossless-120x48.webp", "image/webp", 120, 48);
  assert_sniff ("images/lossy-333x100.webp", "image/webp", 333, 100);
  assert_sniff ("images/alpha-200x80.webp", "image/webp", 200, 80);
}

static void
test_svg_sizes (void)
{
  assert_sniff ("svg/ok-plain.svg", "image/svg+xml", 200, 80);
  assert_sniff ("svg/ok-viewbox-only.svg", "image/svg+xml", 300, 100);
  /* 10cm × 4cm at 96 dpi */
  assert_sniff ("svg/ok-gradient-style.svg", "image/svg+xml", 378, 151);
}

static void
test_svg_size_rules (void)
{
  static const struct
  {
    const char *svg;
    int w, h;
  } cases[] = {
    { "<svg xmlns='http://www.w3.org/2000/svg' width='120' viewBox='0 0 300 100'/>", 120, 40 },
    { "<svg xmlns='http://www.w3.org/2000/svg' height='50px' viewBox='0,0,300,100'/>", 150, 50 },
    { "<svg xmlns='http://www.w3.org/2000/svg' width='1in' height='72pt'/>", 96, 96 },
    { "<svg xmlns='http://www.w3.org/2000/svg' width='100%' height='100%' viewBox='0 0 7 3'/>", 7,
      3 },
    { "\xef\xbb\xbf  <svg xmlns='http://www.w3.org/2000/svg' width=' 12.6 ' height='0.2'/>", 13,
      1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      PortadaImageInfo info;
      g_test_message ("%s", cases[i].svg);
      g_assert_true (portada_image_sniff ((const guint8 *) cases[i].svg, strlen (cases[i].svg),
                                          &info, &error));
      g_assert_no_error (error);
      g_assert_cmpint (info.width, ==, cases[i].w);
      g_assert_cmpint (info.height, ==, cases[i].h);
    }
}

static void
test_other_formats (void)
{
  const char *names[] = { "images/logo.gif", "images/logo.bmp", "images/logo.tiff" };
  const char *kinds[] = { "GIF", "BMP", "TIFF" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GBytes) b = corpus (names[i]);
      assert_refused (g_bytes_get_data (b, NULL), g_bytes_get_size (b), kinds[i]);
    }
  assert_refused ((const guint8 *) "%PDF-1.7\n", 9, "PDF");
  assert_refused ((const guint8 *) "hello, world", 12, "PNG, JPEG, WebP and SVG");
  assert_refused ((const guint8 *) "", 0, "empty");
  assert_refused ((const guint8 *) "<?xml version='1.0'?><html/>", 28, "not an SVG");
}

static void
test_size_limit (void)
{
  gsize len = PORTADA_IMAGE_MAX_BYTES + 1;
  g_autofree guint8 *big = g_malloc0 (len);
  g_autoptr (GBytes) png = corpus ("images/logo-120x48.png");

  memcpy (big, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  assert_refused (big, len, "at most 25 MB");
  /* Exactly at the limit is not refused for its size (this one is a PNG with
   * trailing zeros after IEND, which is accepted as PNG chunks end at IEND). */
  {
    g_autoptr (GError) error = NULL;
    PortadaImageInfo info;
    g_assert_true (portada_image_sniff (big, len - 1, &info, &error));
    g_assert_no_error (error);
    g_assert_cmpint (info.width, ==, 120);
  }
}

/* Every prefix of a valid file is refused, never crashes and never reads past it. */
static void
test_truncated (void)
{
  const char *names[] = { "images/logo-120x48.png",       "images/logo-301x77.jpg",
                          "images/progressive-64x65.jpg", "images/lossless-120x48.webp",
                          "images/lossy-333x100.webp",    "images/alpha-200x80.webp" };

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autoptr (GBytes) b = corpus (names[f]);
      gsize len = g_bytes_get_size (b);

      for (gsize n = 0; n < len - 1; n++)
        {
          /* An exact-size copy so that a read past n is a heap overflow under ASan/valgrind. */
          g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (b, NULL), n ? n : 1);
          g_autoptr (GError) error = NULL;
          PortadaImageInfo info;
          gboolean ok = portada_image_sniff (copy, n, &info, &error);

          /* A WebP or JPEG may be whole enough before its last bytes; a PNG never is. */
          if (ok)
            g_assert_false (g_str_has_suffix (names[f], ".png"));
          else
            g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
        }
    }
}

static void
test_damaged (void)
{
  g_autoptr (GBytes) png = corpus ("images/logo-120x48.png");
  g_autoptr (GBytes) webp = corpus ("images/lossy-333x100.webp");
  g_autofree guint8 *p = g_memdup2 (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_autofree guint8 *w = g_memdup2 (g_bytes_get_data (webp, NULL), g_bytes_get_size (webp));
  static const guint8 jpeg_no_sof[]
      = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9 };
  static const guint8 jpeg_zero_height[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x00,
                                             0x00, 0x10, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9 };

  p[20] ^= 0x01; /* inside IHDR: the CRC no longer matches */
  assert_refused (p, g_bytes_get_size (png), "checksum");
  w[4] = 0xff; /* RIFF size larger than the file */
  assert_refused (w, g_bytes_get_size (webp), "cut short");
  assert_refused (jpeg_no_sof, sizeof jpeg_no_sof, "no frame header");
  assert_refused (jpeg_zero_height, sizeof jpeg_zero_height, "height");
}

/* Random bytes and bit-flipped real files: the sniffer answers, and a TRUE
 * answer always has a sane size. A small in-tree fuzzer; libFuzzer runs it longer. */
static void
test_random_inputs (void)
{
  const char *names[]
      = { "images/logo-120x48.png",      "images/logo-301x77.jpg", "images/alpha-200x80.webp",
          "images/lossless-120x48.webp", "svg/ok-plain.svg",       "svg/ok-gradient-style.svg" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr (GBytes) seed = corpus (names[round % G_N_ELEMENTS (names)]);
      gsize len = g_bytes_get_size (seed);
      g_autofree guint8 *buf = g_memdup2 (g_bytes_get_data (seed, NULL), len);
      g_autoptr (GError) error = NULL;
      PortadaImageInfo info;
      guint flips = g_rand_int_range (rand, 1, 8);

      for (guint k = 0; k < flips; k++)
        buf[g_rand_int_range (rand, 0, len)] ^= 1 << g_rand_int_range (rand, 0, 8);
      if (g_rand_boolean (rand))
        len = g_rand_int_range (rand, 0, len + 1);
      if (portada_image_sniff (buf, len, &info, &error))
        {
          g_assert_no_error (error);
          g_assert_cmpint (info.width, >, 0);
          g_assert_cmpint (info.height, >, 0);
          g_assert_cmpint (info.width, <=, PORTADA_IMAGE_MAX_DIMENSION);
        }
      else
        g_assert_nonnull (error);
    }
}

/* The hostile corpus. */

static GPtrArray *
corpus_svgs (const char *prefix)
{
  g_autofree char *dir = corpus_path ("svg");
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strconcat ("svg/", name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

/* Nothing that runs, loads or expands is left. */
static void
assert_harmless (const char *name, GBytes *svg)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_autofree char *lower = g_ascii_strdown (text, -1);
  static const char *const banned[]
      = { "<script",   "foreignobject",  "javascript:",  "@import",     "<!entity",
          "<!doctype", "xml-stylesheet", "evil.example", "<set",        "<animate",
          "<iframe",   "xinclude",       "xml:base",     "/etc/passwd", "data:image/svg" };
  g_autoptr (GRegex) events = g_regex_new ("\\son[a-z]+\\s*=", G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GRegex) hrefs = g_regex_new ("href\\s*=\\s*[\"'](?!#|data:image/(png|jpeg|gif|webp);)",
                                          G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GRegex) urls = g_regex_new ("url\\(\\s*+[\"']?+(?!#)", G_REGEX_CASELESS, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (banned); i++)
    if (strstr (lower, banned[i]))
      g_error ("%s: “%s” is left in:\n%s", name, banned[i], text);
  g_assert_false (g_regex_match (events, text, 0, NULL));
  g_assert_false (g_regex_match (hrefs, text, 0, NULL));
  g_assert_false (g_regex_match (urls, text, 0, NULL));
  g_assert_nonnull (strstr (text, "xmlns=\"" PORTADA_SVG_NAMESPACE "\""));
}

static GBytes *
sanitize (GBytes *in, GPtrArray **removed)
{
  g_autoptr (GError) error = NULL;
  GBytes *out
      = portada_svg_sanitize (g_bytes_get_data (in, NULL), g_bytes_get_size (in), removed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out);
  return out;
}

static void
check_sanitized (const char *name, gboolean expect_removals)
{
  g_autoptr (GBytes) in = corpus (name);
  g_autoptr (GPtrArray) removed = NULL;
  g_autoptr (GPtrArray) removed_again = NULL;
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;
  PortadaImageInfo before, after;

  g_test_message ("%s", name);
  g_assert_true (
      portada_image_sniff (g_bytes_get_data (in, NULL), g_bytes_get_size (in), &before, &error));
  g_assert_no_error (error);
  out = sanitize (in, &removed);
  assert_harmless (name, out);
  if (expect_removals)
    g_assert_cmpuint (removed->len, >, 0);
  else
    {
      if (removed->len)
        g_error ("%s: removed “%s”", name, (char *) g_ptr_array_index (removed, 0));
    }
  /* Still an SVG of the same size, and sanitizing is idempotent. */
  g_assert_true (
      portada_image_sniff (g_bytes_get_data (out, NULL), g_bytes_get_size (out), &after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after.width, ==, before.width);
  g_assert_cmpint (after.height, ==, before.height);
  again = sanitize (out, &removed_again);
  g_assert_true (g_bytes_equal (out, again));
  g_assert_cmpuint (removed_again->len, ==, 0);
}

static void
test_corpus_ok (void)
{
  g_autoptr (GPtrArray) names = corpus_svgs ("ok-");

  g_assert_cmpuint (names->len, >=, 3);
  for (guint i = 0; i < names->len; i++)
    check_sanitized (g_ptr_array_index (names, i), FALSE);
}

static void
test_corpus_sanitized (void)
{
  g_autoptr (GPtrArray) names = corpus_svgs ("sanitize-");

  g_assert_cmpuint (names->len, >=, 15);
  for (guint i = 0; i < names->len; i++)
    check_sanitized (g_ptr_array_index (names, i), TRUE);
}

static void
test_corpus_refused (void)
{
  g_autoptr (GPtrArray) names = corpus_svgs ("refuse-");

  g_assert_cmpuint (names->len, >=, 12);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr (GBytes) in = corpus (name);
      g_autoptr (GError) error = NULL;
      PortadaImageInfo info;

      g_test_message ("%s", name);
      g_assert_false (
          portada_image_sniff (g_bytes_get_data (in, NULL), g_bytes_get_size (in), &info, &error));
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
      g_test_message ("  %s", error->message);
      g_assert_cmpuint (strlen (error->message), >, 20);
    }
}

static void
test_reasons (void)
{
  static const struct
  {
    const char *file, *reason;
  } cases[] = {
    { "svg/refuse-billion-laughs.svg", "entities" },
    { "svg/refuse-xxe-file.svg", "entities" },
    { "svg/refuse-no-size.svg", "no size" },
    { "svg/refuse-latin1.svg", "UTF-8" },
    { "svg/refuse-html.svg", "<html>" },
    { "svg/refuse-not-wellformed.svg", "well-formed" },
    { "svg/refuse-huge-size.svg", "at most" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) in = corpus (cases[i].file);
      assert_refused (g_bytes_get_data (in, NULL), g_bytes_get_size (in), cases[i].reason);
    }
}

static void
test_removed_sentences (void)
{
  g_autoptr (GBytes) in = corpus ("svg/sanitize-onload.svg");
  g_autoptr (GPtrArray) removed = NULL;
  g_autoptr (GBytes) out = sanitize (in, &removed);
  gsize len = 0;
  const char *data = g_bytes_get_data (out, &len);
  /* The bytes have no NUL at their end: search a copy that has one. */
  g_autofree char *text = g_strndup (data, len);
  gboolean onload = FALSE;

  for (guint i = 0; i < removed->len; i++)
    onload |= strstr (g_ptr_array_index (removed, i), "onload") != NULL;
  g_assert_true (onload);
  /* The drawing itself is kept. */
  g_assert_nonnull (strstr (text, "<rect"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/image/raster", test_raster);
  g_test_add_func ("/image/svg-sizes", test_svg_sizes);
  g_test_add_func ("/image/svg-size-rules", test_svg_size_rules);
  g_test_add_func ("/image/other-formats", test_other_formats);
  g_test_add_func ("/image/size-limit", test_size_limit);
  g_test_add_func ("/image/truncated", test_truncated);
  g_test_add_func ("/image/damaged", test_damaged);
  g_test_add_func ("/image/random-inputs", test_random_inputs);
  g_test_add_func ("/svg/corpus-ok", test_corpus_ok);
  g_test_add_func ("/svg/corpus-sanitized", test_corpus_sanitized);
  g_test_add_func ("/svg/corpus-refused", test_corpus_refused);
  g_test_add_func ("/svg/reasons", test_reasons);
  g_test_add_func ("/svg/removed-sentences", test_removed_sentences);
  return g_test_run ();
}
