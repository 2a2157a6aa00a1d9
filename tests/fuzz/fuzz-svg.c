/* fuzz-svg.c: the SVG sanitizer; what it keeps is sanitized again unchanged in
 * what matters: no script survives, and its own output is accepted.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "portada-svg.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) clean = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const guint8 *out;

  clean = portada_svg_sanitize (data, size, NULL, &error);
  if (clean == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  out = g_bytes_get_data (clean, &len);
  text = g_strndup ((const char *) out, len);
  fuzz_assert_no_script (text);
  again = portada_svg_sanitize (out, len, NULL, &error);
  if (again == NULL)
    g_error ("the sanitizer refuses its own output: %s\n%s", error->message, text);
  return 0;
}
