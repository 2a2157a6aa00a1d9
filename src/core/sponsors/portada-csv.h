/* portada-csv.h: reading and writing spreadsheets as CSV (RFC 4180).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written here rather than taken from a library: Debian 12's libcsv has neither
 * delimiter detection nor byte order marks, gives no line numbers, and what
 * Portada needs (a whole small file, a record at a time, a reason per bad
 * record) is a short state machine.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint number;      /* 1 for the first record: a spreadsheet's row number */
  guint line;        /* the line of the file it starts on */
  GPtrArray *fields; /* char *: the bytes of each cell, unquoted; not checked for UTF-8 */
  GArray *lengths;   /* gsize: each cell's length in bytes (a cell may hold a NUL byte) */
  char *error;       /* a syntax problem in this record (translated), else NULL */
} PortadaCsvRecord;

void portada_csv_record_free (PortadaCsvRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaCsvRecord, portada_csv_record_free)

/* Splits @data into records. A UTF-8 byte order mark is skipped; lines end in
 * CRLF, LF or CR; quoted cells may hold the delimiter, line breaks and doubled
 * quotes. @delimiter is ',', ';' or '\t', or 0 to take the one that appears most
 * in the first record (outside quotes; ',' on a tie). A record with a syntax
 * error (an unclosed quote, text after a closing quote) carries the reason, and
 * the next record starts on the next line. Never fails. */
GPtrArray *portada_csv_parse (const char *data, gsize len, char delimiter, char *detected);

/* Appends one record, quoting the cells that need it, ending in CRLF. */
void portada_csv_append_record (GString *out, const char *const *fields, guint n_fields,
                                char delimiter);

G_END_DECLS
