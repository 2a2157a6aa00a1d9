/* fuzz-sponsors-csv.c: any bytes as a sponsors spreadsheet: the CSV parser,
 * then the sponsor import (rolled back).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "portada-csv.h"
#include "portada-sponsor-csv.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  PortadaNewsroom *nr = fuzz_newsroom ();
  g_autoptr (GBytes) csv = g_bytes_new (data, size);
  g_autoptr (GPtrArray) records = NULL;
  PortadaSponsorImportReport *report;
  g_autoptr (GError) error = NULL;
  char detected = 0;

  records = portada_csv_parse ((const char *) data, size, 0, &detected);
  g_assert (portada_newsroom_begin (nr, NULL));
  report = portada_sponsors_import_csv (nr, csv, NULL, PORTADA_SPONSOR_IMPORT_DEFAULT, &error);
  if (report == NULL)
    g_assert (error != NULL);
  portada_sponsor_import_report_free (report);
  portada_newsroom_rollback (nr);
  return 0;
}
