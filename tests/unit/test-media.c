/* test-media.c: the one entrance for images: bombs, hostile SVG, files that are
 * not images, storage by sha256 with alt text, caption and credit.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-media-checks.h"
#include "portada-media-import.h"
#include "portada-media-library.h"
#include "portada-settings.h"
#include "portada-sponsor.h"
#include "portada-svg.h"
#include "portada-test-util.h"

static guint32
crc32_of (const guint8 *p, gsize n)
{
  guint32 crc = 0xffffffffu;
  for (gsize i = 0; i < n; i++)
    {
      crc ^= p[i];
      for (int k = 0; k < 8; k++)
        crc = crc & 1 ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
    }
  return crc ^ 0xffffffffu;
}

static void
put_be32 (GByteArray *a, guint32 v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };
  g_byte_array_append (a, b, 4);
}

static void
chunk (GByteArray *png, const char *type, const guint8 *data, guint32 len)
{
  g_autoptr (GByteArray) body = g_byte_array_new ();

  put_be32 (png, len);
  g_byte_array_append (body, (const guint8 *) type, 4);
  if (len)
    g_byte_array_append (body, data, len);
  g_byte_array_append (png, body->data, body->len);
  put_be32 (png, crc32_of (body->data, body->len));
}

/* A well-formed PNG whose header claims @w × @h pixels of 1-bit grey. The image
 * data is a token: the point is that the size is refused from the header, before
 * anything would decode (inflate) it. */
static GBytes *
png_claiming (guint32 w, guint32 h)
{
  static const guint8 sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 idat[] = { 0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01 };
  GByteArray *png = g_byte_array_new ();
  guint8 ihdr[13] = { w >> 24, w >> 16, w >> 8, w, h >> 24, h >> 16, h >> 8, h, 1, 0, 0, 0, 0 };

  g_byte_array_append (png, sig, 8);
  chunk (png, "IHDR", ihdr, 13);
  chunk (png, "IDAT", idat, sizeof idat);
  chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
assert_refused (GBytes *bytes, const char *name, const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMediaFile) file = portada_media_file_check (name, bytes, &error);

  g_assert_null (file);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, name))
    g_error ("“%s” does not start with the file name “%s”", error->message, name);
  if (!strstr (error->message, reason))
    g_error ("“%s” does not say “%s”", error->message, reason);
}

static void
test_png_bomb (void)
{
  g_autoptr (GBytes) bomb = png_claiming (19999, 19999);
  g_autoptr (GBytes) ok = png_claiming (8000, 5000);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMediaFile) file = NULL;

  assert_refused (bomb, "bomb.png", "400 megapixels");
  assert_refused (bomb, "bomb.png", "at most 40 megapixels");
  /* 40 Mpx exactly is a large photo, and accepted. */
  file = portada_media_file_check ("big.png", ok, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file->info.width, ==, 8000);
  g_assert_cmpint (file->info.height, ==, 5000);
}

static void
test_svg_bomb (void)
{
  GString *svg = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' width='20000' "
                               "height='20000'><defs><filter id='f'>");
  g_autoptr (GBytes) bytes = NULL;

  for (int i = 0; i < 50; i++)
    g_string_append (svg, "<feGaussianBlur stdDeviation='500'/><feMorphology radius='500'/>");
  g_string_append (svg, "</filter></defs><rect width='20000' height='20000' filter='url(#f)'/>"
                        "</svg>");
  bytes = g_string_free_to_bytes (svg);
  assert_refused (bytes, "filters.svg", "400 megapixels");
}

/* 11 levels of ten <use> each: 10^11 elements once expanded, in about 1 KB. */
static GBytes *
use_fan_out (int levels)
{
  GString *svg = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' "
                               "xmlns:xlink='http://www.w3.org/1999/xlink' width='100' "
                               "height='100'><defs><rect id='l0' width='1' height='1'/>");
  for (int l = 1; l <= levels; l++)
    {
      g_string_append_printf (svg, "<g id='l%d'>", l);
      for (int k = 0; k < 10; k++)
        g_string_append_printf (svg, k % 2 ? "<use href='#l%d'/>" : "<use xlink:href='#l%d'/>",
                                l - 1);
      g_string_append (svg, "</g>");
    }
  g_string_append_printf (svg, "</defs><use href='#l%d'/></svg>", levels);
  return g_string_free_to_bytes (svg);
}

static void
test_use_fan_out (void)
{
  g_autoptr (GBytes) bomb = use_fan_out (11);
  g_autoptr (GBytes) fine = use_fan_out (3);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMediaFile) file = NULL;
  int w, h;

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 4096);
  assert_refused (bomb, "fan-out.svg", "e+11 elements");
  /* The size query refuses it too: nothing downstream ever sees it. */
  g_assert_false (
      portada_svg_size (g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb), &w, &h, NULL));
  /* Ten of ten of ten is a pattern an artist may draw. */
  file = portada_media_file_check ("pattern.svg", fine, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
}

static void
test_use_cycle (void)
{
  g_autoptr (GBytes) self_ref
      = text_bytes ("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                    "<g id='a'><use href='#b'/></g><g id='b'><use href='#a'/></g></svg>");
  g_autoptr (GBytes) inside = text_bytes ("<svg xmlns='http://www.w3.org/2000/svg' width='10' "
                                          "height='10'><g id='a'><use href='#a'/></g></svg>");

  assert_refused (self_ref, "loop.svg", "refers to itself");
  assert_refused (inside, "loop2.svg", "refers to itself");
}

static void
test_not_images (void)
{
  g_autoptr (GBytes) text = text_bytes ("Dear editor, here is the photo.");
  g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr (GBytes) whole = png_claiming (10, 10);
  g_autoptr (GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) - 5);
  g_autoptr (GBytes) gif = text_bytes ("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
  g_autoptr (GBytes) html = text_bytes ("<html><body>not a picture</body></html>");

  assert_refused (text, "photo.jpg", "not an image");
  assert_refused (empty, "empty.png", "empty");
  assert_refused (cut, "cut.png", "cut short");
  assert_refused (gif, "anim.gif", "GIF");
  assert_refused (html, "page.svg", "not an SVG");
}

static void
test_svg_script_sanitized (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GBytes) svg = text_bytes (
      "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20' onload='alert(1)'>"
      "<script>alert(document.cookie)</script><rect width='40' height='20'/></svg>");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) removed = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  id = portada_media_import (nr, "/some/where/featured.svg", svg, &removed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (removed->len, >, 0);
  stored = portada_media_load_data (nr, id, &error);
  text = g_strndup (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored));
  g_assert_null (strstr (text, "script"));
  g_assert_null (strstr (text, "onload"));
  g_assert_nonnull (strstr (text, "<rect"));
}

static void
test_store_once (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GBytes) png = png_claiming (300, 200);
  g_autoptr (GBytes) bomb = png_claiming (19999, 19999);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMedia) m = NULL;
  g_autoptr (PortadaMedia) again = NULL;
  g_autoptr (PortadaMedia) by_prefix = NULL;
  g_autoptr (GPtrArray) found = NULL;
  gint64 a, b;

  a = portada_media_import (nr, "harbour.png", png, NULL, &error);
  g_assert_no_error (error);
  b = portada_media_import (nr, "copy of harbour.png", png, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, ==, b);
  g_assert_cmpint (portada_media_import (nr, "bomb.png", bomb, NULL, &error), ==, 0);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (portada_media_count (nr, NULL), ==, 1);

  g_assert_true (portada_media_set_details (nr, a, "Boats at dawn", "The harbour at six.",
                                            "Ana Ruiz / Portada", &error));
  m = portada_media_load_info (nr, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (m->width, ==, 300);
  g_assert_cmpint (m->height, ==, 200);
  g_assert_cmpstr (m->mime, ==, "image/png");
  g_assert_cmpstr (m->filename, ==, "harbour.png");
  g_assert_cmpstr (m->alt_text, ==, "Boats at dawn");
  g_assert_cmpstr (m->caption, ==, "The harbour at six.");
  g_assert_cmpstr (m->credit, ==, "Ana Ruiz / Portada");
  {
    g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
    g_assert_cmpstr (m->sha256, ==, sha);
  }

  again = portada_media_find_sha256 (nr, m->sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, a);
  {
    g_autofree char *prefix = g_strndup (m->sha256, 16);
    by_prefix = portada_media_find_sha256 (nr, prefix, &error);
    g_assert_no_error (error);
    g_assert_cmpint (by_prefix->id, ==, a);
  }
  g_assert_null (portada_media_find_sha256 (nr, "0000000000000000", &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (portada_media_find_sha256 (nr, "'; DROP TABLE media; --", &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  found = portada_media_list (nr, "DAWN", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = portada_media_list (nr, "100%", &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpint (portada_media_find_filename (nr, "harbour.png", NULL), ==, a);
  g_assert_cmpint (portada_media_find_filename (nr, "nothing.png", NULL), ==, 0);
}

static void
test_read_file (void)
{
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *big = g_build_filename (dir, "huge.jpg", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone.jpg", NULL);
  g_autoptr (GFile) big_file = g_file_new_for_path (big);
  g_autoptr (GFile) gone_file = g_file_new_for_path (gone);
  g_autoptr (GError) error = NULL;
  FILE *f = fopen (big, "wb");

  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, PORTADA_IMAGE_MAX_BYTES + 10, SEEK_SET), ==, 0);
  fputc (0, f);
  fclose (f);
  g_assert_null (portada_media_file_read (big_file, NULL, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "huge.jpg: "));
  g_clear_error (&error);
  g_assert_null (portada_media_file_read (gone_file, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "gone.jpg: "));
}

static gboolean
has_problem (GPtrArray *problems, const char *kind, const char *subject)
{
  for (guint i = 0; i < problems->len; i++)
    {
      PortadaProblem *p = problems->pdata[i];
      if (g_str_equal (p->kind, kind) && g_strcmp0 (p->subject, subject) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_checks (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GBytes) small = png_claiming (800, 600);
  g_autoptr (GBytes) wide = png_claiming (6000, 4000);
  g_autoptr (GBytes) spare = png_claiming (10, 10);
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autoptr (PortadaMedia) m = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gint64 featured, in_body;

  featured = portada_media_import (nr, "lead.png", small, NULL, &error);
  in_body = portada_media_import (nr, "huge.png", wide, NULL, &error);
  g_assert_cmpint (portada_media_import (nr, "spare.png", spare, NULL, &error), >, 0);
  g_assert_no_error (error);
  m = portada_media_load_info (nr, in_body, &error);
  g_free (a->title);
  a->title = g_strdup ("Pictures");
  a->featured_media_id = featured;
  g_free (a->body);
  a->body = g_strdup_printf ("Text.\n\n![](media/%s)\n", m->sha256);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));

  problems = portada_media_checks_run (nr, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (problems, "image-no-alt", "Pictures"));
  g_assert_true (has_problem (problems, "image-too-large", "huge.png"));
  g_assert_true (has_problem (problems, "image-unused", "spare.png"));
  g_assert_false (has_problem (problems, "image-unused", "huge.png"));
  g_assert_false (has_problem (problems, "image-unused", "lead.png"));
  g_assert_false (has_problem (problems, "image-too-large", "lead.png"));
  g_assert_cmpuint (problems->len, ==, 4);
}

static guint
count_kind (GPtrArray *uses, PortadaMediaUseKind kind)
{
  guint n = 0;
  for (guint i = 0; i < uses->len; i++)
    n += ((PortadaMediaUse *) g_ptr_array_index (uses, i))->kind == kind;
  return n;
}

/* The media library: where an image is used; replaced everywhere in one step; deleted
 * only once nothing uses it; a file that is not an image changes nothing. */
static void
test_library (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GBytes) first = png_claiming (800, 600);
  g_autoptr (GBytes) second = png_claiming (640, 480);
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autoptr (PortadaArticle) b = portada_article_new ();
  g_autoptr (PortadaSponsor) s = portada_sponsor_new ("Ocelot Coffee");
  g_autoptr (PortadaMedia) m = NULL;
  g_autoptr (PortadaMedia) fresh = NULL;
  g_autoptr (GPtrArray) uses = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *icon = NULL;
  gint64 id, new_id;

  id = portada_media_import (nr, "harbour.png", first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (portada_media_set_details (nr, id, "Boats", "At dawn", "Staff", &error));
  m = portada_media_load_info (nr, id, &error);
  /* Unused: deleted at once (a second image, so that the first stays). */
  {
    g_autoptr (GBytes) spare = png_claiming (20, 20);
    gint64 spare_id = portada_media_import (nr, "spare.png", spare, NULL, &error);
    g_autoptr (GPtrArray) none = portada_media_library_uses (nr, spare_id, &error);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_true (portada_media_library_delete (nr, spare_id, &error));
    g_assert_null (portada_media_load_info (nr, spare_id, NULL));
  }
  g_free (a->title);
  a->title = g_strdup ("Featured and in the text");
  a->featured_media_id = id;
  g_free (a->body);
  a->body
      = g_strdup_printf ("One ![Boats](media/%s) two ![Boats](media/%s)\n", m->sha256, m->sha256);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  g_free (b->body);
  b->body = g_strdup_printf ("![x](media/%s)", m->sha256);
  g_assert_true (portada_articles_save (nr, b, PORTADA_SAVE_DEFAULT, &error));
  s->logo_media_id = id;
  g_assert_true (portada_sponsors_save (nr, s, &error));
  icon = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_true (portada_settings_set (nr, PORTADA_SETTING_FAVICON, icon, &error));
  g_assert_no_error (error);

  uses = portada_media_library_uses (nr, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (uses, PORTADA_MEDIA_USE_FEATURED), ==, 1);
  g_assert_cmpuint (count_kind (uses, PORTADA_MEDIA_USE_BODY), ==, 2);
  g_assert_cmpuint (count_kind (uses, PORTADA_MEDIA_USE_LOGO), ==, 1);
  g_assert_cmpuint (count_kind (uses, PORTADA_MEDIA_USE_ICON), ==, 1);

  /* Used: refused, naming a use, nothing changed. */
  g_assert_false (portada_media_library_delete (nr, id, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Featured and in the text"));
  g_clear_error (&error);
  {
    g_autoptr (PortadaMedia) still = portada_media_load_info (nr, id, NULL);
    g_assert_nonnull (still);
  }

  /* Not an image: refused, the newsroom unchanged. */
  {
    g_autoptr (GBytes) junk = text_bytes ("not an image");
    g_autoptr (PortadaArticle) again = NULL;
    g_assert_cmpint (portada_media_library_replace (nr, id, "junk.png", junk, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    again = portada_articles_load (nr, a->id, &error);
    g_assert_cmpint (again->featured_media_id, ==, id);
  }

  /* Replaced: every use moves, the details come along, the old one is unused. */
  new_id = portada_media_library_replace (nr, id, "harbour-2.png", second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, 0);
  g_assert_cmpint (new_id, !=, id);
  fresh = portada_media_load_info (nr, new_id, &error);
  g_assert_cmpstr (fresh->alt_text, ==, "Boats");
  g_assert_cmpstr (fresh->caption, ==, "At dawn");
  g_assert_cmpstr (fresh->credit, ==, "Staff");
  {
    g_autoptr (PortadaArticle) a2 = portada_articles_load (nr, a->id, &error);
    g_autoptr (PortadaArticle) b2 = portada_articles_load (nr, b->id, &error);
    g_autoptr (PortadaSponsor) s2 = portada_sponsors_load (nr, s->id, &error);
    g_autofree char *icon2 = portada_settings_get (nr, PORTADA_SETTING_FAVICON, &error);
    g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT, new_id);
    g_autoptr (GPtrArray) old_uses = portada_media_library_uses (nr, id, &error);

    g_assert_cmpint (a2->featured_media_id, ==, new_id);
    g_assert_null (strstr (a2->body, m->sha256));
    g_assert_nonnull (strstr (a2->body, fresh->sha256));
    g_assert_nonnull (strstr (strstr (a2->body, fresh->sha256) + 1, fresh->sha256));
    g_assert_nonnull (strstr (b2->body, fresh->sha256));
    g_assert_cmpint (s2->logo_media_id, ==, new_id);
    g_assert_cmpstr (icon2, ==, want);
    g_assert_cmpuint (old_uses->len, ==, 0);
    g_assert_true (portada_media_library_delete (nr, id, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/media/png-bomb", test_png_bomb);
  g_test_add_func ("/media/svg-bomb", test_svg_bomb);
  g_test_add_func ("/media/use-fan-out", test_use_fan_out);
  g_test_add_func ("/media/use-cycle", test_use_cycle);
  g_test_add_func ("/media/not-images", test_not_images);
  g_test_add_func ("/media/svg-script-sanitized", test_svg_script_sanitized);
  g_test_add_func ("/media/store-once", test_store_once);
  g_test_add_func ("/media/read-file", test_read_file);
  g_test_add_func ("/media/checks", test_checks);
  g_test_add_func ("/media/library", test_library);
  return g_test_run ();
}
