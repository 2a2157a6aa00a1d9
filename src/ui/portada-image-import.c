/* portada-image-import.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-error.h"
#include "portada-image-import.h"

static const char *const accepted[]
    = { "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", NULL };

void
portada_image_free (PortadaImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->bytes, g_bytes_unref);
  g_clear_object (&image->texture);
  g_free (image->mime);
  g_free (image->filename);
  g_free (image);
}

static gboolean
check_size (GFile *file, const char *name, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > PORTADA_IMAGE_MAX_SIZE)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s” is too large for an image: the limit is %d MB"), name,
                   PORTADA_IMAGE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

static PortadaImage *
import_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (PortadaImage) image = g_new0 (PortadaImage, 1);
  g_autofree char *type = NULL;
  g_autoptr (GError) decode_error = NULL;
  const guchar *data;
  gsize size;

  image->filename = g_file_get_basename (file);
  if (!check_size (file, image->filename, cancellable, error))
    return NULL;
  image->bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (image->bytes == NULL)
    return NULL;
  data = g_bytes_get_data (image->bytes, &size);
  type = g_content_type_guess (NULL, data, MIN (size, 4096), NULL);
  image->mime = g_content_type_get_mime_type (type);
  if (image->mime == NULL || !g_strv_contains (accepted, image->mime))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s” is not an image Portada can use: choose a PNG, JPEG, GIF, WebP or "
                      "SVG file"),
                   image->filename);
      return NULL;
    }
  /* The content type only looks at the first bytes: decoding proves the rest. */
  image->texture = gdk_texture_new_from_bytes (image->bytes, &decode_error);
  if (image->texture == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s” cannot be read as an image: %s"), image->filename,
                   decode_error->message);
      return NULL;
    }
  image->width = gdk_texture_get_width (image->texture);
  image->height = gdk_texture_get_height (image->texture);
  return g_steal_pointer (&image);
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  PortadaImage *image = import_file (task_data, cancellable, &error);

  if (image)
    g_task_return_pointer (task, image, (GDestroyNotify) portada_image_free);
  else
    g_task_return_error (task, error);
}

void
portada_image_import_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, portada_image_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

PortadaImage *
portada_image_import_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
