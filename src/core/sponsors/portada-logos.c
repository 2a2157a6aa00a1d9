/* portada-logos.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-logos.h"
#include "portada-media-import.h"

static char *
display_basename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename && *filename ? filename : "logo");
  return g_utf8_make_valid (base, -1);
}

gint64
portada_logos_import_full (PortadaNewsroom *newsroom, GBytes *data, const char *filename,
                           GPtrArray **removed, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && data != NULL, 0);
  return portada_media_import (newsroom, filename && *filename ? filename : "logo", data, removed,
                               error);
}

gint64
portada_logos_import (PortadaNewsroom *newsroom, GBytes *data, const char *filename, GError **error)
{
  return portada_logos_import_full (newsroom, data, filename, NULL, error);
}

static gboolean
is_noise_word (const char *word)
{
  static const char *const noise[]
      = { "logo",  "logotipo", "logotype", "final",  "web", "color", "colour", "rgb",  "cmyk",
          "print", "hd",       "hires",    "vector", "new", "nuevo", "copy",   "copia" };
  g_autofree char *lower = g_ascii_strdown (word, -1);
  const char *p = lower;
  gboolean digits = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (noise); i++)
    if (g_str_equal (lower, noise[i]))
      return TRUE;
  /* "200x80", "v2", "2x" */
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (digits && *p == 'x')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '\0';
    }
  if (lower[0] == 'v' && lower[1] && strspn (lower + 1, "0123456789") == strlen (lower + 1))
    return TRUE;
  return FALSE;
}

static gboolean
is_small_word (const char *word)
{
  static const char *const small[] = { "de",  "del", "la", "las", "los", "el",  "y",   "e",  "of",
                                       "the", "and", "en", "da",  "do",  "das", "dos", "di", "a" };
  for (guint i = 0; i < G_N_ELEMENTS (small); i++)
    if (g_str_equal (word, small[i]))
      return TRUE;
  return FALSE;
}

static char *
capitalize (const char *word)
{
  gunichar first = g_utf8_get_char (word);
  char buf[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strconcat (buf, g_utf8_next_char (word), NULL);
}

char *
portada_logos_name_from_filename (const char *filename)
{
  g_autofree char *base = display_basename (filename);
  g_auto (GStrv) words = NULL;
  g_autoptr (GString) name = g_string_new (NULL);
  char *dot = strrchr (base, '.');
  char *at;

  if (dot && dot != base)
    *dot = '\0';
  /* "logo@2x" */
  at = strrchr (base, '@');
  if (at && at != base && g_ascii_isdigit (at[1]) && (at[2] == 'x' || at[2] == 'X') && !at[3])
    *at = '\0';
  g_strdelimit (base, "-_.", ' ');
  words = g_strsplit (base, " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      const char *w = words[i];
      gboolean lower;
      g_autofree char *down = NULL;

      if (*w == '\0' || is_noise_word (w))
        continue;
      down = g_utf8_strdown (w, -1);
      lower = g_str_equal (down, w);
      if (name->len)
        g_string_append_c (name, ' ');
      if (!lower)
        g_string_append (name, w); /* "INTERFER", "MuniGuate": as written */
      else if (name->len && is_small_word (w))
        g_string_append (name, w);
      else
        {
          g_autofree char *cap = capitalize (w);
          g_string_append (name, cap);
        }
    }
  if (name->len == 0)
    return g_strstrip (g_strdup (base));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

void
portada_logo_import_free (PortadaLogoImport *import)
{
  if (import == NULL)
    return;
  g_free (import->filename);
  g_free (import->suggested_name);
  g_clear_error (&import->error);
  g_strfreev (import->removed);
  g_free (import);
}

static GBytes *
read_logo_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  char *contents = NULL;
  gsize len = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                           _ ("It is not a file (a folder or a device?)"));
      return NULL;
    }
  if (g_file_info_get_size (info) > PORTADA_IMAGE_MAX_BYTES)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The file is %.1f MB; images of at most %d MB are accepted (make it smaller "
                      "with an image editor)"),
                   g_file_info_get_size (info) / (1024.0 * 1024.0),
                   PORTADA_IMAGE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
    return NULL;
  return g_bytes_new_take (contents, len);
}

static gboolean
is_refusal (const GError *error)
{
  return error->domain != PORTADA_ERROR || error->code == PORTADA_ERROR_INVALID
         || error->code == PORTADA_ERROR_NOT_FOUND;
}

GPtrArray *
portada_logos_import_files (PortadaNewsroom *newsroom, GFile *const *files, guint n_files,
                            GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) results
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_logo_import_free);

  if (!portada_newsroom_begin (newsroom, error))
    return NULL;
  for (guint i = 0; i < n_files; i++)
    {
      PortadaLogoImport *r = g_new0 (PortadaLogoImport, 1);
      g_autofree char *base = g_file_get_basename (files[i]);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GPtrArray) removed = NULL;

      g_ptr_array_add (results, r);
      r->filename = display_basename (base);
      r->suggested_name = portada_logos_name_from_filename (r->filename);
      bytes = read_logo_file (files[i], cancellable, &r->error);
      if (bytes == NULL)
        {
          if (g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&r->error));
              portada_newsroom_rollback (newsroom);
              return NULL;
            }
          g_prefix_error (&r->error, "%s: ", r->filename);
          r->removed = g_new0 (char *, 1);
          continue;
        }
      r->media_id = portada_logos_import_full (newsroom, bytes, r->filename, &removed, &r->error);
      if (r->media_id == 0 && !is_refusal (r->error))
        {
          g_propagate_error (error, g_steal_pointer (&r->error));
          portada_newsroom_rollback (newsroom);
          return NULL;
        }
      if (removed)
        g_ptr_array_add (removed, NULL);
      r->removed = removed ? (GStrv) g_ptr_array_free (g_steal_pointer (&removed), FALSE)
                           : g_new0 (char *, 1);
    }
  if (!portada_newsroom_commit (newsroom, error))
    return NULL;
  return g_steal_pointer (&results);
}
