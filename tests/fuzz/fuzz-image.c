/* fuzz-image.c: the image sniffer, a pure function of the bytes.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "portada-image.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  PortadaImageInfo info = { 0 };
  g_autoptr (GError) error = NULL;

  if (portada_image_sniff (data, size, &info, &error))
    g_assert (info.mime != NULL && info.width > 0 && info.height > 0);
  else
    g_assert (error != NULL);
  return 0;
}
