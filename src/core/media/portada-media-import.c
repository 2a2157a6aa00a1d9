/* portada-media-import.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-error.h"
#include "portada-media-import.h"
#include "portada-svg.h"

void
portada_media_file_free (PortadaMediaFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_clear_pointer (&file->removed, g_ptr_array_unref);
  g_free (file->filename);
  g_free (file);
}

static char *
display_basename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename && *filename ? filename : "image");
  return g_utf8_make_valid (base, -1);
}

PortadaMediaFile *
portada_media_file_check (const char *filename, GBytes *data, GError **error)
{
  g_autoptr (PortadaMediaFile) file = g_new0 (PortadaMediaFile, 1);
  const guint8 *bytes;
  gsize len;

  g_return_val_if_fail (data != NULL, NULL);
  file->filename = display_basename (filename);
  bytes = g_bytes_get_data (data, &len);
  if (!portada_image_sniff (bytes, len, &file->info, error))
    {
      g_prefix_error (error, "%s: ", file->filename);
      return NULL;
    }
  if (g_str_equal (file->info.mime, "image/svg+xml"))
    {
      /* The stored copy is the sanitized one, and it is checked again as stored. */
      file->bytes = portada_svg_sanitize (bytes, len, &file->removed, error);
      if (file->bytes == NULL
          || !portada_image_sniff (g_bytes_get_data (file->bytes, NULL),
                                   g_bytes_get_size (file->bytes), &file->info, error))
        {
          g_prefix_error (error, "%s: ", file->filename);
          return NULL;
        }
    }
  else
    {
      file->bytes = g_bytes_ref (data);
      file->removed = g_ptr_array_new_with_free_func (g_free);
    }
  return g_steal_pointer (&file);
}

PortadaMediaFile *
portada_media_file_read (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *shown = display_basename (name);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local);
  if (info && g_file_info_get_size (info) > PORTADA_IMAGE_MAX_BYTES)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: the file is %.1f MB; images of at most %d MB are accepted (make it "
                      "smaller with an image editor)"),
                   shown, g_file_info_get_size (info) / (1024.0 * 1024.0),
                   PORTADA_IMAGE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (info)
    bytes = g_file_load_bytes (file, cancellable, NULL, &local);
  if (bytes == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("%s: cannot be read: %s"),
                     shown, local->message);
      return NULL;
    }
  return portada_media_file_check (name, bytes, error);
}

gint64
portada_media_file_store (PortadaNewsroom *newsroom, const PortadaMediaFile *file, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && file != NULL, 0);
  return portada_media_add (newsroom, file->bytes, file->info.mime, file->info.width,
                            file->info.height, file->filename, error);
}

gint64
portada_media_import (PortadaNewsroom *newsroom, const char *filename, GBytes *data,
                      GPtrArray **removed, GError **error)
{
  g_autoptr (PortadaMediaFile) file = NULL;
  gint64 id;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && data != NULL, 0);
  file = portada_media_file_check (filename, data, error);
  if (file == NULL)
    return 0;
  id = portada_media_file_store (newsroom, file, error);
  if (id && removed)
    *removed = g_steal_pointer (&file->removed);
  return id;
}

gint64
portada_media_import_file (PortadaNewsroom *newsroom, GFile *file, GError **error)
{
  g_autoptr (PortadaMediaFile) checked = portada_media_file_read (file, NULL, error);

  return checked ? portada_media_file_store (newsroom, checked, error) : 0;
}
