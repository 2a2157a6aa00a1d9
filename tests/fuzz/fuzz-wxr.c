/* fuzz-wxr.c: any bytes as a WordPress export file, imported and rolled back.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "portada-exchange.h"
#include "portada-wxr.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  PortadaNewsroom *nr = fuzz_newsroom ();
  g_autofree char *path = fuzz_write_file (data, size, "input.wxr.xml");
  g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();
  g_autoptr (GError) error = NULL;

  g_assert (portada_newsroom_begin (nr, NULL));
  if (!portada_wxr_import (nr, path, "en", summary, NULL, NULL, NULL, &error))
    {
      if (error == NULL)
        g_error ("the import failed without saying why");
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("the import's message is not UTF-8: %s", g_strescape (error->message, NULL));
    }
  portada_newsroom_rollback (nr);
  return 0;
}
