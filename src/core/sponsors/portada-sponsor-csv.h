/* portada-sponsor-csv.h: the sponsors as a spreadsheet, so a contract sheet can
 * feed Portada and Portada can give one back.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns (the first row names them, in any order; Spanish names work too):
 *   name, website, alt text, contract start, contract end, lists, logo file name
 * Only "name" is required. A column that is absent leaves that field of existing
 * sponsors as it is; an empty alt text is the name; an empty logo cell keeps the
 * logo; "lists" names the logo lists the sponsor is on ("A; B"), created when
 * new, and takes the sponsor off the others. Dates are YYYY-MM-DD.
 */

#pragma once

#include <gio/gio.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef enum
{
  PORTADA_SPONSOR_IMPORT_DEFAULT = 0,
  PORTADA_SPONSOR_IMPORT_ALL_OR_NOTHING = 1 << 0, /* any bad row: import nothing */
} PortadaSponsorImportFlags;

typedef struct
{
  guint row;     /* the spreadsheet's row number (the column names are row 1) */
  char *message; /* why it was not imported (translated) */
} PortadaSponsorImportBadRow;

typedef struct
{
  guint created;
  guint updated;
  GPtrArray *bad_rows; /* PortadaSponsorImportBadRow, in row order */
  GPtrArray *notes;    /* char *: columns ignored and the like (translated) */
  gboolean committed;  /* FALSE when --all-or-nothing refused the whole file */
} PortadaSponsorImportReport;

void portada_sponsor_import_report_free (PortadaSponsorImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaSponsorImportReport, portada_sponsor_import_report_free)

/* Imports @csv in one transaction: each good row creates a sponsor or updates
 * the one of the same name (case and accents as written do not matter for the
 * match), and each bad row is reported with its row number and reason while the
 * others still import (unless PORTADA_SPONSOR_IMPORT_ALL_OR_NOTHING). Logo
 * files are read from @logos_dir; without it a logo cell must name a logo
 * already in the newsroom. Returns NULL (nothing imported) when the file as a
 * whole cannot be used: no "name" column, or the database fails. */
PortadaSponsorImportReport *portada_sponsors_import_csv (PortadaNewsroom *newsroom, GBytes *csv,
                                                         const char *logos_dir,
                                                         PortadaSponsorImportFlags flags,
                                                         GError **error);

/* Every sponsor, by name, as CSV (UTF-8 with a byte order mark, CRLF, the
 * columns above with their English names). When @logos_dir is given, each logo
 * is written there under the file name the CSV gives it. */
GBytes *portada_sponsors_export_csv (PortadaNewsroom *newsroom, const char *logos_dir,
                                     GError **error);

G_END_DECLS
