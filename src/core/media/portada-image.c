/* portada-image.c: the image sniffer.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every read is bounds-checked against len; nothing here allocates for a raster
 * format, so a fuzzer can throw anything at it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-error.h"
#include "portada-image.h"
#include "portada-svg.h"

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static guint
be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static guint
le16 (const guint8 *p)
{
  return ((guint) p[1] << 8) | p[0];
}

static guint
le24 (const guint8 *p)
{
  return ((guint) p[2] << 16) | ((guint) p[1] << 8) | p[0];
}

static gboolean refuse (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
set_size (PortadaImageInfo *info, const char *mime, const char *kind, guint width, guint height,
          GError **error)
{
  if (width == 0 || height == 0)
    return refuse (error, _ ("The %s image has no size (its width or height is 0)"), kind);
  if (width > PORTADA_IMAGE_MAX_DIMENSION || height > PORTADA_IMAGE_MAX_DIMENSION)
    return refuse (error,
                   _ ("The %s image is %u × %u pixels; at most %d pixels a side are accepted"),
                   kind, width, height, PORTADA_IMAGE_MAX_DIMENSION);
  if ((guint64) width * height > PORTADA_IMAGE_MAX_PIXELS)
    return refuse (error,
                   _ ("The %s image is %u × %u pixels (%.0f megapixels); at most %d megapixels "
                      "are accepted (make it smaller with an image editor)"),
                   kind, width, height, (double) width * height / 1e6,
                   PORTADA_IMAGE_MAX_PIXELS / 1000000);
  info->mime = mime;
  info->width = (int) width;
  info->height = (int) height;
  return TRUE;
}

/* PNG: the signature, then chunks each with a CRC; IHDR first, IDAT, IEND last. */

static guint32
crc32_update (guint32 crc, const guint8 *p, gsize n)
{
  static guint32 table[256];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 c = i;
          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[i] = c;
        }
      g_once_init_leave (&ready, 1);
    }
  for (gsize i = 0; i < n; i++)
    crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static gboolean
sniff_png (const guint8 *data, gsize len, PortadaImageInfo *info, GError **error)
{
  gsize pos = 8;
  guint width = 0, height = 0;
  gboolean seen_idat = FALSE;

  for (guint n = 0;; n++)
    {
      guint32 length, crc;
      const guint8 *type;

      if (len - pos < 12)
        return refuse (error, _ ("The PNG image is cut short (it ends inside a chunk header)"));
      length = be32 (data + pos);
      type = data + pos + 4;
      if (length > 0x7fffffffu || length > len - pos - 12)
        return refuse (error, _ ("The PNG image is cut short (a chunk runs past the end)"));
      crc = crc32_update (0xffffffffu, type, 4 + (gsize) length) ^ 0xffffffffu;
      if (crc != be32 (data + pos + 8 + length))
        return refuse (error, _ ("The PNG image is damaged (a chunk’s checksum is wrong)"));
      if (n == 0)
        {
          if (memcmp (type, "IHDR", 4) != 0 || length != 13)
            return refuse (error, _ ("The PNG image is damaged (it does not start with IHDR)"));
          width = be32 (data + pos + 8);
          height = be32 (data + pos + 12);
          if (width > 0x7fffffffu || height > 0x7fffffffu)
            return refuse (error, _ ("The PNG image is damaged (its size is out of range)"));
        }
      else if (memcmp (type, "IDAT", 4) == 0)
        seen_idat = TRUE;
      else if (memcmp (type, "IEND", 4) == 0)
        {
          if (!seen_idat)
            return refuse (error, _ ("The PNG image is damaged (it has no image data)"));
          return set_size (info, "image/png", "PNG", width, height, error);
        }
      pos += 12 + (gsize) length;
    }
}

static gboolean
has_end_marker (const guint8 *p, gsize n)
{
  for (gsize i = n; i >= 2; i--)
    if (p[i - 2] == 0xff && p[i - 1] == 0xd9)
      return TRUE;
  return FALSE;
}

/* JPEG: markers from SOI up to the first start-of-frame, which holds the size. */
static gboolean
sniff_jpeg (const guint8 *data, gsize len, PortadaImageInfo *info, GError **error)
{
  gsize pos = 2;

  for (;;)
    {
      guint marker, length;

      /* Any number of 0xff fill bytes may stand before a marker. */
      if (pos >= len || data[pos] != 0xff)
        return refuse (
            error, pos >= len ? _ ("The JPEG image is cut short (it ends before its frame header)")
                              : _ ("The JPEG image is damaged (a marker was expected)"));
      while (pos < len && data[pos] == 0xff)
        pos++;
      if (pos >= len)
        return refuse (error, _ ("The JPEG image is cut short (it ends before its frame header)"));
      marker = data[pos++];
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        continue; /* stand-alone markers */
      if (marker == 0xd8 || marker == 0xd9 || marker == 0xda || marker == 0x00)
        return refuse (error, _ ("The JPEG image is damaged (no frame header before its data)"));
      if (len - pos < 2)
        return refuse (error, _ ("The JPEG image is cut short (it ends inside a segment)"));
      length = be16 (data + pos);
      if (length < 2 || length > len - pos)
        return refuse (error, _ ("The JPEG image is cut short (a segment runs past the end)"));
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          /* SOFn: precision, height, width, components. */
          if (length < 8)
            return refuse (error, _ ("The JPEG image is damaged (its frame header is too short)"));
          if (be16 (data + pos + 3) == 0)
            return refuse (error, _ ("The JPEG image does not give its height in its frame "
                                     "header, which Portada does not accept"));
          /* A file cut short loses its end-of-image marker. */
          if (!has_end_marker (data + pos, len - pos))
            return refuse (error,
                           _ ("The JPEG image is cut short (it has no end-of-image marker)"));
          return set_size (info, "image/jpeg", "JPEG", be16 (data + pos + 5), be16 (data + pos + 3),
                           error);
        }
      pos += length;
    }
}

/* WebP: a RIFF container whose first chunk is VP8 (lossy), VP8L (lossless) or
 * VP8X (extended, with the canvas size). */
static gboolean
sniff_webp (const guint8 *data, gsize len, PortadaImageInfo *info, GError **error)
{
  guint32 riff_size, chunk_size;
  const guint8 *chunk = data + 12, *payload = data + 20;

  if (len < 20)
    return refuse (error, _ ("The WebP image is cut short"));
  riff_size = le32 (data + 4);
  if (riff_size < 12 || riff_size > len - 8)
    return refuse (error,
                   _ ("The WebP image is cut short (its container is larger than the file)"));
  chunk_size = le32 (chunk + 4);
  if (chunk_size > riff_size - 12)
    return refuse (error, _ ("The WebP image is cut short (a chunk runs past the end)"));

  if (memcmp (chunk, "VP8 ", 4) == 0)
    {
      if (chunk_size < 10)
        return refuse (error, _ ("The WebP image is damaged (its VP8 frame is too short)"));
      if ((payload[0] & 1) != 0)
        return refuse (error, _ ("The WebP image is damaged (it does not start with a key frame)"));
      if (payload[3] != 0x9d || payload[4] != 0x01 || payload[5] != 0x2a)
        return refuse (error, _ ("The WebP image is damaged (its VP8 start code is wrong)"));
      return set_size (info, "image/webp", "WebP", le16 (payload + 6) & 0x3fff,
                       le16 (payload + 8) & 0x3fff, error);
    }
  if (memcmp (chunk, "VP8L", 4) == 0)
    {
      guint32 bits;
      if (chunk_size < 5)
        return refuse (error, _ ("The WebP image is damaged (its VP8L header is too short)"));
      if (payload[0] != 0x2f)
        return refuse (error, _ ("The WebP image is damaged (its VP8L signature is wrong)"));
      bits = le32 (payload + 1);
      if ((bits >> 29) != 0)
        return refuse (error, _ ("The WebP image uses an unknown VP8L version"));
      return set_size (info, "image/webp", "WebP", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1,
                       error);
    }
  if (memcmp (chunk, "VP8X", 4) == 0)
    {
      if (chunk_size < 10)
        return refuse (error, _ ("The WebP image is damaged (its VP8X header is too short)"));
      return set_size (info, "image/webp", "WebP", le24 (payload + 4) + 1, le24 (payload + 7) + 1,
                       error);
    }
  return refuse (error, _ ("The WebP image is damaged (its first chunk is not VP8, VP8L or VP8X)"));
}

static gboolean
starts_with (const guint8 *data, gsize len, const char *magic, gsize n)
{
  return len >= n && memcmp (data, magic, n) == 0;
}

/* Could this be XML text? Skips a UTF-8 byte order mark and white space. */
static gboolean
looks_like_markup (const guint8 *data, gsize len)
{
  gsize i = 0;

  if (len >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  return i < len && data[i] == '<';
}

/* Formats people try to use as logos, named in the refusal so they know what to do. */
static const char *
known_other_format (const guint8 *data, gsize len)
{
  if (starts_with (data, len, "GIF87a", 6) || starts_with (data, len, "GIF89a", 6))
    return "GIF";
  if (starts_with (data, len, "BM", 2) && len >= 26)
    return "BMP";
  if (starts_with (data, len, "II*\0", 4) || starts_with (data, len, "MM\0*", 4))
    return "TIFF";
  if (starts_with (data, len, "%PDF", 4))
    return "PDF";
  if (starts_with (data, len, "\0\0\1\0", 4))
    return "ICO";
  if (len >= 12 && memcmp (data + 4, "ftyp", 4) == 0)
    {
      if (memcmp (data + 8, "avif", 4) == 0 || memcmp (data + 8, "avis", 4) == 0)
        return "AVIF";
      if (memcmp (data + 8, "heic", 4) == 0 || memcmp (data + 8, "mif1", 4) == 0)
        return "HEIC";
    }
  if (starts_with (data, len, "%!PS", 4))
    return "PostScript";
  if (starts_with (data, len, "\xc5\xd0\xd3\xc6", 4))
    return "EPS";
  if (starts_with (data, len, "8BPS", 4))
    return "Photoshop";
  return NULL;
}

gboolean
portada_image_sniff (const guint8 *data, gsize len, PortadaImageInfo *info, GError **error)
{
  const char *other;
  PortadaImageInfo scratch;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  if (info == NULL)
    info = &scratch;
  memset (info, 0, sizeof *info);

  if (len == 0)
    return refuse (error, _ ("The file is empty"));
  if (len > PORTADA_IMAGE_MAX_BYTES)
    return refuse (error,
                   _ ("The file is %.1f MB; images of at most %d MB are accepted (make it smaller "
                      "with an image editor)"),
                   len / (1024.0 * 1024.0), PORTADA_IMAGE_MAX_BYTES / (1024 * 1024));
  if (starts_with (data, len, (const char *) png_signature, 8))
    return sniff_png (data, len, info, error);
  if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return sniff_jpeg (data, len, info, error);
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return sniff_webp (data, len, info, error);
  other = known_other_format (data, len);
  if (other)
    return refuse (error,
                   _ ("The file is a %s image; Portada accepts PNG, JPEG, WebP and SVG (convert "
                      "it with an image editor)"),
                   other);
  if (looks_like_markup (data, len))
    {
      int width, height;
      if (!portada_svg_size (data, len, &width, &height, error))
        return FALSE;
      return set_size (info, "image/svg+xml", "SVG", width, height, error);
    }
  return refuse (error, _ ("The file is not an image Portada knows: PNG, JPEG, WebP and SVG are "
                           "accepted"));
}
