/* fuzz-common.h: what the libFuzzer targets share.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "portada-newsroom.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* One newsroom for the whole run, in a folder of its own; each input works in a
 * transaction rolled back afterwards, so the newsroom stays as it was made. */
static inline PortadaNewsroom *
fuzz_newsroom (void)
{
  static PortadaNewsroom *newsroom;
  static char *dir;

  if (newsroom == NULL)
    {
      g_autofree char *path = NULL;
      GError *error = NULL;

      dir = g_dir_make_tmp ("portada-fuzz-XXXXXX", NULL);
      g_assert (dir != NULL);
      path = g_build_filename (dir, "fuzz.db", NULL);
      newsroom = portada_newsroom_open (path, PORTADA_OPEN_CREATE, &error);
      if (newsroom == NULL)
        g_error ("%s", error->message);
    }
  return newsroom;
}

/* The input as a file (the importers read files), in a folder of its own. */
static inline char *
fuzz_write_file (const uint8_t *data, size_t size, const char *name)
{
  static char *dir;
  char *path;

  if (dir == NULL)
    dir = g_dir_make_tmp ("portada-fuzz-in-XXXXXX", NULL);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    g_error ("cannot write %s", path);
  return path;
}

/* Output that a page could carry: never a script element. */
static inline void
fuzz_assert_no_script (const char *html)
{
  g_autofree char *lower = html ? g_ascii_strdown (html, -1) : NULL;
  if (lower && strstr (lower, "<script"))
    g_error ("a <script> element in the output:\n%s", html);
}
