/* test-csv.c: the CSV reader and writer, and sponsors to and from spreadsheets.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "portada-csv.h"
#include "portada-demo.h"
#include "portada-logo-list.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-sponsor-csv.h"
#include "portada-sponsor.h"
#include "portada-test-util.h"

/* The reader. */

static GPtrArray *
parse (const char *text, char delimiter, char *detected)
{
  return portada_csv_parse (text, strlen (text), delimiter, detected);
}

static const char *
cell (GPtrArray *records, guint r, guint c)
{
  PortadaCsvRecord *rec = g_ptr_array_index (records, r);
  g_assert_cmpuint (c, <, rec->fields->len);
  return g_ptr_array_index (rec->fields, c);
}

static guint
n_cells (GPtrArray *records, guint r)
{
  return ((PortadaCsvRecord *) g_ptr_array_index (records, r))->fields->len;
}

static void
test_reader_basics (void)
{
  g_autoptr (GPtrArray) r = NULL;
  char d = 0;

  r = parse ("name,website\r\nCubasol,https://cubasol.example\r\n", 0, &d);
  g_assert_cmpint (d, ==, ',');
  g_assert_cmpuint (r->len, ==, 2); /* the last line break makes no empty record */
  g_assert_cmpstr (cell (r, 1, 0), ==, "Cubasol");
  g_assert_cmpstr (cell (r, 1, 1), ==, "https://cubasol.example");
  g_clear_pointer (&r, g_ptr_array_unref);

  /* Quotes: the delimiter, doubled quotes and line breaks inside; empty cells. */
  r = parse ("a,b,c\n\"Black, \"\"Decker\"\"\",\"two\nlines\",\n\"\",x,\"y\"\nlast", 0, NULL);
  g_assert_cmpuint (r->len, ==, 4);
  g_assert_cmpstr (cell (r, 1, 0), ==, "Black, \"Decker\"");
  g_assert_cmpstr (cell (r, 1, 1), ==, "two\nlines");
  g_assert_cmpstr (cell (r, 1, 2), ==, "");
  g_assert_cmpuint (n_cells (r, 1), ==, 3);
  g_assert_cmpstr (cell (r, 2, 0), ==, "");
  g_assert_cmpstr (cell (r, 2, 2), ==, "y");
  /* Row numbers count records; lines count the file's lines. */
  g_assert_cmpuint (((PortadaCsvRecord *) g_ptr_array_index (r, 2))->number, ==, 3);
  g_assert_cmpuint (((PortadaCsvRecord *) g_ptr_array_index (r, 2))->line, ==, 4);
  g_assert_cmpuint (((PortadaCsvRecord *) g_ptr_array_index (r, 3))->line, ==, 5);
  g_assert_cmpstr (cell (r, 3, 0), ==, "last");
  g_clear_pointer (&r, g_ptr_array_unref);

  /* A byte order mark, CR-only line ends, CRLF inside a quoted cell. */
  r = parse ("\xef\xbb\xbfname\rA\r\"B\r\nC\"\r", 0, NULL);
  g_assert_cmpuint (r->len, ==, 3);
  g_assert_cmpstr (cell (r, 0, 0), ==, "name");
  g_assert_cmpstr (cell (r, 2, 0), ==, "B\r\nC");
  g_clear_pointer (&r, g_ptr_array_unref);

  /* Empty input, a lone line break. */
  r = parse ("", 0, NULL);
  g_assert_cmpuint (r->len, ==, 0);
  g_clear_pointer (&r, g_ptr_array_unref);
  r = parse ("\n", 0, NULL);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpstr (cell (r, 0, 0), ==, "");
}

static void
test_reader_delimiters (void)
{
  g_autoptr (GPtrArray) r = NULL;
  char d = 0;

  /* A Spanish-locale spreadsheet: semicolons, commas inside cells. */
  r = parse ("nombre;sitio web;listas\n\"Cervecería, S.A.\";https://c.example;A, B\n", 0, &d);
  g_assert_cmpint (d, ==, ';');
  g_assert_cmpstr (cell (r, 1, 0), ==, "Cervecería, S.A.");
  g_assert_cmpstr (cell (r, 1, 2), ==, "A, B");
  g_clear_pointer (&r, g_ptr_array_unref);

  r = parse ("name\twebsite\tlists\nx\ty\tz\n", 0, &d);
  g_assert_cmpint (d, ==, '\t');
  g_assert_cmpstr (cell (r, 1, 2), ==, "z");
  g_clear_pointer (&r, g_ptr_array_unref);

  /* Quoted delimiters in the first record do not count; a tie is a comma. */
  r = parse ("\"a;b;c\",d\n", 0, &d);
  g_assert_cmpint (d, ==, ',');
  g_clear_pointer (&r, g_ptr_array_unref);
  r = parse ("a;b,c\n", 0, &d);
  g_assert_cmpint (d, ==, ',');
  g_clear_pointer (&r, g_ptr_array_unref);
  /* A given delimiter is used as given. */
  r = parse ("a;b,c\n", ';', &d);
  g_assert_cmpint (d, ==, ';');
  g_assert_cmpstr (cell (r, 0, 1), ==, "b,c");
}

static void
test_reader_errors (void)
{
  g_autoptr (GPtrArray) r = NULL;
  PortadaCsvRecord *rec;
  const char nul[] = "a,b\nx\0y,z\n";

  /* Text after a closing quote: that record is bad, the next line is the next record. */
  r = parse ("name,web\n\"Cubasol\"x,y\nNext,one\n", 0, NULL);
  g_assert_cmpuint (r->len, ==, 3);
  rec = g_ptr_array_index (r, 1);
  g_assert_nonnull (rec->error);
  g_assert_nonnull (strstr (rec->error, "closing quote"));
  g_assert_null (((PortadaCsvRecord *) g_ptr_array_index (r, 2))->error);
  g_assert_cmpstr (cell (r, 2, 0), ==, "Next");
  g_clear_pointer (&r, g_ptr_array_unref);

  /* An unclosed quote swallows the rest, and says where it opened. */
  r = parse ("name\nA\n\"B\nC\nD\n", 0, NULL);
  g_assert_cmpuint (r->len, ==, 3);
  rec = g_ptr_array_index (r, 2);
  g_assert_nonnull (rec->error);
  g_assert_nonnull (strstr (rec->error, "line 3"));
  g_clear_pointer (&r, g_ptr_array_unref);

  /* A NUL byte is kept, with the cell's true length. */
  r = portada_csv_parse (nul, sizeof nul - 1, 0, NULL);
  rec = g_ptr_array_index (r, 1);
  g_assert_cmpuint (g_array_index (rec->lengths, gsize, 0), ==, 3);
}

static void
test_writer_round_trip (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (4180);
  const char alphabet[] = "ab ,;\"\r\n\tñ";

  for (guint round = 0; round < 300; round++)
    {
      char delimiter = ",;\t"[round % 3];
      guint n_records = g_rand_int_range (rand, 1, 5), n_fields = g_rand_int_range (rand, 1, 5);
      g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (GPtrArray) back = NULL;
      char detected;

      for (guint r = 0; r < n_records; r++)
        {
          char **fields = g_new0 (char *, n_fields + 1);
          for (guint f = 0; f < n_fields; f++)
            {
              g_autoptr (GString) s = g_string_new (NULL);
              guint len = g_rand_int_range (rand, 0, 8);
              for (guint k = 0; k < len; k++)
                {
                  /* "ñ" is two bytes: take it whole */
                  guint i = g_rand_int_range (rand, 0, sizeof alphabet - 2);
                  if ((guchar) alphabet[i] >= 0x80)
                    g_string_append (s, "ñ");
                  else
                    g_string_append_c (s, alphabet[i]);
                }
              fields[f] = g_string_free (g_steal_pointer (&s), FALSE);
            }
          portada_csv_append_record (out, (const char *const *) fields, n_fields, delimiter);
          g_ptr_array_add (written, fields);
        }
      back = portada_csv_parse (out->str, out->len, delimiter, &detected);
      g_assert_cmpuint (back->len, ==, n_records);
      for (guint r = 0; r < n_records; r++)
        {
          char **fields = g_ptr_array_index (written, r);
          g_assert_null (((PortadaCsvRecord *) g_ptr_array_index (back, r))->error);
          g_assert_cmpuint (n_cells (back, r), ==, n_fields);
          for (guint f = 0; f < n_fields; f++)
            g_assert_cmpstr (cell (back, r, f), ==, fields[f]);
        }
    }
}

/* Sponsors. */

static PortadaNewsroom *
demo_newsroom (void)
{
  PortadaNewsroom *nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;

  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  return nr;
}

static int
count (PortadaNewsroom *nr, const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (nr, sql, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static PortadaSponsorImportReport *
import (PortadaNewsroom *nr, const char *csv, const char *logos, PortadaSponsorImportFlags flags)
{
  g_autoptr (GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr (GError) error = NULL;
  PortadaSponsorImportReport *report
      = portada_sponsors_import_csv (nr, bytes, logos, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->bad_rows->len; i++)
    {
      PortadaSponsorImportBadRow *bad = g_ptr_array_index (report->bad_rows, i);
      g_test_message ("row %u: %s", bad->row, bad->message);
    }
  return report;
}

static PortadaSponsor *
by_name (PortadaNewsroom *nr, const char *name)
{
  g_autoptr (GPtrArray) all = portada_sponsors_list (nr, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      PortadaSponsor *s = g_ptr_array_index (all, i);
      if (g_str_equal (s->name, name))
        return portada_sponsor_copy (s);
    }
  return NULL;
}

static char *
lists_of (PortadaNewsroom *nr, const char *name)
{
  g_autoptr (PortadaSponsor) s = by_name (nr, name);
  g_auto (GStrv) lists = NULL;

  g_assert_nonnull (s);
  lists = portada_logo_lists_of_sponsor (nr, s->id, NULL);
  return g_strjoinv ("|", lists);
}

static void
test_round_trip (void)
{
  g_autoptr (PortadaNewsroom) demo = demo_newsroom ();
  g_autoptr (PortadaNewsroom) empty = portada_test_newsroom ();
  g_autofree char *tmp = portada_test_tmpdir ();
  g_autofree char *logos = g_build_filename (tmp, "exported-logos", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) first = portada_sponsors_export_csv (demo, logos, &error);
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GBytes) third = NULL;
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autoptr (GPtrArray) a = NULL;
  g_autoptr (GPtrArray) b = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfname,website,alt text,contract start,"
                                         "contract end,lists,logo file name\r\n"));
  g_assert_nonnull (strstr (text, "\r\nBlack+Decker,https://www.black-decker.example.com,"
                                  "blackanddecker,2023-01-01,2027-12-31,A,blackanddecker.svg\r\n"));
  g_assert_nonnull (strstr (text, "\r\nINTERFER,"));
  g_assert_nonnull (strstr (text, ",A; B,INTERFER.svg\r\n"));

  /* Into an empty newsroom with the logo files: the same sponsors, lists, logos. */
  report = import (empty, text, logos, PORTADA_SPONSOR_IMPORT_DEFAULT);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->created, ==, 33);
  g_assert_cmpuint (report->updated, ==, 0);
  g_assert_cmpuint (report->bad_rows->len, ==, 0);
  second = portada_sponsors_export_csv (empty, NULL, &error);
  g_assert_true (g_bytes_equal (first, second));
  a = portada_sponsors_list (demo, NULL);
  b = portada_sponsors_list (empty, NULL);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      PortadaSponsor *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_autoptr (PortadaMedia) mx = portada_media_load_info (demo, x->logo_media_id, NULL);
      g_autoptr (PortadaMedia) my = portada_media_load_info (empty, y->logo_media_id, NULL);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->alt_text, ==, y->alt_text);
      g_assert_cmpstr (x->contract_end, ==, y->contract_end);
      g_assert_cmpstr (mx->sha256, ==, my->sha256);
      g_assert_cmpint (my->width, ==, 200);
    }
  g_assert_cmpint (count (empty, "SELECT count(*) FROM logo_list_member"), ==,
                   count (demo, "SELECT count(*) FROM logo_list_member"));

  /* Into the same newsroom without the folder: updates, no duplicates, same file. */
  g_clear_pointer (&report, portada_sponsor_import_report_free);
  report = import (demo, text, NULL, PORTADA_SPONSOR_IMPORT_DEFAULT);
  g_assert_cmpuint (report->created, ==, 0);
  g_assert_cmpuint (report->updated, ==, 33);
  g_assert_cmpuint (report->bad_rows->len, ==, 0);
  g_assert_cmpint (count (demo, "SELECT count(*) FROM sponsor"), ==, 33);
  third = portada_sponsors_export_csv (demo, NULL, &error);
  g_assert_true (g_bytes_equal (first, third));
}

static void
test_update_by_name (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autoptr (PortadaSponsor) s = NULL;
  g_autofree char *lists = NULL;
  gint64 id;

  s = by_name (nr, "Cervecería Centroamericana S.A.");
  id = s->id;
  g_clear_pointer (&s, portada_sponsor_free);
  /* Other case, a new list, a column order of its own, a column Portada ignores. */
  report = import (nr,
                   "Lists,Name,Contract End,Amount\n"
                   "\"B; Premium\",CERVECERÍA CENTROAMERICANA S.A.,2028-06-30,\"$1,000\"\n",
                   NULL, PORTADA_SPONSOR_IMPORT_DEFAULT);
  g_assert_cmpuint (report->updated, ==, 1);
  g_assert_cmpuint (report->created, ==, 0);
  g_assert_cmpuint (report->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->notes, 0), "amount"));
  s = by_name (nr, "CERVECERÍA CENTROAMERICANA S.A.");
  g_assert_nonnull (s);
  g_assert_cmpint (s->id, ==, id);
  g_assert_cmpstr (s->contract_end, ==, "2028-06-30");
  /* Absent columns are left as they were. */
  g_assert_cmpstr (s->contract_start, ==, "2023-01-01");
  g_assert_cmpstr (s->website, ==, "https://www.cerveceria-centroamericana-s-a.example.com");
  g_assert_cmpint (s->logo_media_id, >, 0);
  /* Off list A, onto B and the new list "Premium". */
  lists = lists_of (nr, "CERVECERÍA CENTROAMERICANA S.A.");
  g_assert_cmpstr (lists, ==, "B|Premium");
  g_assert_cmpint (count (nr, "SELECT count(*) FROM sponsor"), ==, 33);
}

/* New sponsors go after the list's members, in the file's order; a list the import
 * creates starts at the first place; a sponsor moved off a list leaves the others. */
static void
test_appended_in_order (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autoptr (GPtrArray) lists = portada_logo_lists_list (nr, NULL);
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) after = NULL;
  g_autoptr (GArray) fresh = NULL;
  gint64 list_b = 0, list_new = 0;
  const char *names[] = { "Zeta Imports", "Alfa Viajes", "Mu Hotels" };

  for (guint i = 0; i < lists->len; i++)
    {
      PortadaLogoList *l = g_ptr_array_index (lists, i);
      if (g_str_equal (l->name, "B"))
        list_b = l->id;
    }
  g_assert_cmpint (list_b, >, 0);
  before = portada_logo_lists_members (nr, list_b, NULL);
  g_assert_cmpuint (before->len, >, 1);
  report = import (nr,
                   "name,lists\n"
                   "Zeta Imports,B; Brand new\n"
                   "Alfa Viajes,Brand new; B\n"
                   "Mu Hotels,B\n",
                   NULL, PORTADA_SPONSOR_IMPORT_DEFAULT);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpuint (report->bad_rows->len, ==, 0);
  after = portada_logo_lists_members (nr, list_b, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 3);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpint (g_array_index (after, PortadaLogoListMember, i).sponsor_id, ==,
                     g_array_index (before, PortadaLogoListMember, i).sponsor_id);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (PortadaSponsor) s = by_name (nr, names[i]);
      g_assert_cmpint (g_array_index (after, PortadaLogoListMember, before->len + i).sponsor_id, ==,
                       s->id);
    }
  g_clear_pointer (&lists, g_ptr_array_unref);
  lists = portada_logo_lists_list (nr, NULL);
  for (guint i = 0; i < lists->len; i++)
    {
      PortadaLogoList *l = g_ptr_array_index (lists, i);
      if (g_str_equal (l->name, "Brand new"))
        list_new = l->id;
    }
  g_assert_cmpint (list_new, >, 0);
  fresh = portada_logo_lists_members (nr, list_new, NULL);
  g_assert_cmpuint (fresh->len, ==, 2);
  {
    g_autoptr (PortadaSponsor) zeta = by_name (nr, "Zeta Imports");
    g_autoptr (PortadaSponsor) alfa = by_name (nr, "Alfa Viajes");
    g_assert_cmpint (g_array_index (fresh, PortadaLogoListMember, 0).sponsor_id, ==, zeta->id);
    g_assert_cmpint (g_array_index (fresh, PortadaLogoListMember, 1).sponsor_id, ==, alfa->id);
  }
  /* Zeta off B in a second file; then a new sponsor still goes last. */
  g_clear_pointer (&report, portada_sponsor_import_report_free);
  report = import (nr, "name,lists\nZeta Imports,Brand new\nOmega Tours,B\n", NULL,
                   PORTADA_SPONSOR_IMPORT_DEFAULT);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_cmpuint (report->updated, ==, 1);
  g_clear_pointer (&after, g_array_unref);
  after = portada_logo_lists_members (nr, list_b, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 3);
  {
    g_autoptr (PortadaSponsor) omega = by_name (nr, "Omega Tours");
    g_assert_cmpint (g_array_index (after, PortadaLogoListMember, after->len - 1).sponsor_id, ==,
                     omega->id);
  }
}

static void
test_spanish_spreadsheet (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autoptr (PortadaSponsor) s = NULL;

  /* As a Latin-American spreadsheet saves it: BOM, semicolons, CRLF, Spanish names. */
  report = import (nr,
                   "\xef\xbb\xbfNombre;Sitio web;Texto alternativo;Inicio del contrato;"
                   "Fin del contrato;Listas;Logotipo\r\n"
                   "Cubasol;https://cubasol.example;;2026-01-01;2026-12-31;A;\r\n"
                   "\"Hotel \"\"Nacional\"\"; La Habana\";;Hotel Nacional;;;A, B;\r\n",
                   NULL, PORTADA_SPONSOR_IMPORT_DEFAULT);
  g_assert_cmpuint (report->created, ==, 2);
  g_assert_cmpuint (report->bad_rows->len, ==, 0);
  s = by_name (nr, "Cubasol");
  g_assert_cmpstr (s->alt_text, ==, "Cubasol"); /* an empty alt text is the name */
  g_assert_cmpstr (s->contract_end, ==, "2026-12-31");
  g_clear_pointer (&s, portada_sponsor_free);
  s = by_name (nr, "Hotel \"Nacional\"; La Habana");
  g_assert_nonnull (s);
  g_assert_null (s->website);
  g_assert_cmpstr (s->alt_text, ==, "Hotel Nacional");
}

static const char bad_csv[]
    = "name,website,alt text,contract start,contract end,lists,logo file name\n"
      "Good One,https://good.example,,,,A,\n"              /* 2 */
      "Bad Date,,,2026-02-30,,A,\n"                        /* 3 */
      "Day First,,,,31/12/2026,A,\n"                       /* 4 */
      "Backwards,,,2026-06-01,2026-01-01,A,\n"             /* 5 */
      "Bad Site,www.bad.example,,,,A,\n"                   /* 6 */
      "Script Site,javascript:alert(1),,,,A,\n"            /* 7 */
      ",https://no-name.example,,,,A,\n"                   /* 8 */
      "Unknown Logo,,,,,A,nowhere.png\n"                   /* 9 */
      "Sneaky Logo,,,,,A,../../etc/passwd\n"               /* 10 */
      "Bad \xff UTF-8,,,,,A,\n"                            /* 11 */
      "Too Wide,,,,,A,,surprise\n"                         /* 12 */
      "Good One,https://again.example,,,,A,\n"             /* 13 */
      "\"Quoted\"oops,,,,,A,\n"                            /* 14 */
      "\n"                                                 /* 15: blank, skipped */
      "Trailing Cells,https://trailing.example,,,,A,,,,\n" /* 16: empty extras are fine */
      "Good Two,,,2026-01-01,2026-12-31,A; B,\n";          /* 17 */

static void
check_bad_rows (PortadaSponsorImportReport *report)
{
  static const struct
  {
    guint row;
    const char *says;
  } expected[] = {
    { 3, "2026-02-30" },      { 4, "31/12/2026" },        { 5, "ends (2026-01-01) before" },
    { 6, "www.bad.example" }, { 7, "javascript" },        { 8, "no name" },
    { 9, "nowhere.png" },     { 10, "without a folder" }, { 11, "UTF-8" },
    { 12, "8 cells" },        { 13, "already on row 2" }, { 14, "closing quote" },
  };

  g_assert_cmpuint (report->bad_rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PortadaSponsorImportBadRow *bad = g_ptr_array_index (report->bad_rows, i);
      g_assert_cmpuint (bad->row, ==, expected[i].row);
      if (!strstr (bad->message, expected[i].says))
        g_error ("row %u: “%s” does not say “%s”", bad->row, bad->message, expected[i].says);
    }
}

static void
test_bad_rows (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autoptr (PortadaSponsor) s = NULL;

  report = import (nr, bad_csv, NULL, PORTADA_SPONSOR_IMPORT_DEFAULT);
  check_bad_rows (report);
  /* The good rows still import, in one transaction. */
  g_assert_true (report->committed);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpint (count (nr, "SELECT count(*) FROM sponsor"), ==, 3);
  s = by_name (nr, "Good One");
  g_assert_cmpstr (s->website, ==, "https://good.example"); /* not row 13's */
  g_clear_pointer (&s, portada_sponsor_free);
  s = by_name (nr, "Trailing Cells");
  g_assert_nonnull (s);
}

static void
test_all_or_nothing (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autofree char *before = g_strdup_printf ("%d", count (nr, "SELECT count(*) FROM sponsor"));

  report = import (nr, bad_csv, NULL, PORTADA_SPONSOR_IMPORT_ALL_OR_NOTHING);
  check_bad_rows (report);
  g_assert_false (report->committed);
  g_assert_cmpuint (report->created, ==, 0);
  g_assert_cmpint (count (nr, "SELECT count(*) FROM sponsor"), ==, 33);
  g_assert_cmpint (count (nr, "SELECT count(*) FROM logo_list"), ==, 2);
  g_assert_cmpstr (before, ==, "33");

  /* A clean file with the flag imports. */
  g_clear_pointer (&report, portada_sponsor_import_report_free);
  report = import (nr, "name\nBrand New\n", NULL, PORTADA_SPONSOR_IMPORT_ALL_OR_NOTHING);
  g_assert_true (report->committed);
  g_assert_cmpint (count (nr, "SELECT count(*) FROM sponsor"), ==, 34);
}

static void
test_logo_files (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autofree char *tmp = portada_test_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "csv-logos", NULL);
  g_autofree char *src_png = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "corpus",
                                               "images", "logo-120x48.png", NULL);
  g_autofree char *src_gif = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "corpus",
                                               "images", "logo.gif", NULL);
  g_autoptr (GBytes) png = portada_test_read (src_png);
  g_autoptr (GBytes) gif = portada_test_read (src_gif);
  g_autofree char *png_path = g_build_filename (dir, "cubasol.png", NULL);
  g_autofree char *gif_path = g_build_filename (dir, "old.gif", NULL);
  g_autoptr (PortadaSponsorImportReport) report = NULL;
  g_autoptr (PortadaSponsor) a = NULL;
  g_autoptr (PortadaSponsor) b = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (
      g_file_set_contents (png_path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (
      g_file_set_contents (gif_path, g_bytes_get_data (gif, NULL), g_bytes_get_size (gif), NULL));
  report = import (nr,
                   "name,logo file name\n"
                   "Cubasol,cubasol.png\n"
                   "Cubasol Twin,cubasol.png\n"
                   "Old Logo,old.gif\n"
                   "Missing,missing.png\n",
                   dir, PORTADA_SPONSOR_IMPORT_DEFAULT);
  g_assert_cmpuint (report->created, ==, 2);
  g_assert_cmpuint (report->bad_rows->len, ==, 2);
  g_assert_nonnull (strstr (
      ((PortadaSponsorImportBadRow *) g_ptr_array_index (report->bad_rows, 0))->message, "GIF"));
  g_assert_nonnull (
      strstr (((PortadaSponsorImportBadRow *) g_ptr_array_index (report->bad_rows, 1))->message,
              "not in the folder"));
  a = by_name (nr, "Cubasol");
  b = by_name (nr, "Cubasol Twin");
  g_assert_cmpint (a->logo_media_id, >, 0);
  g_assert_cmpint (a->logo_media_id, ==, b->logo_media_id); /* one file, stored once */
  g_assert_cmpint (count (nr, "SELECT count(*) FROM media"), ==, 1);

  /* Without the folder, a logo the newsroom already has is found by its file name. */
  g_clear_pointer (&report, portada_sponsor_import_report_free);
  report = import (nr, "name,logo\nThird,cubasol.png\n", NULL, PORTADA_SPONSOR_IMPORT_DEFAULT);
  g_assert_cmpuint (report->bad_rows->len, ==, 0);
  g_clear_pointer (&b, portada_sponsor_free);
  b = by_name (nr, "Third");
  g_assert_cmpint (b->logo_media_id, ==, a->logo_media_id);
}

static void
test_unusable_files (void)
{
  g_autoptr (PortadaNewsroom) nr = demo_newsroom ();
  const struct
  {
    const char *csv, *says;
  } cases[] = {
    { "", "empty" },
    { "website,lists\nhttps://x.example,A\n", "no “name” column" },
    { "name,nombre\nA,B\n", "twice" },
    { "\"name,website\nA,B\n", "not closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (cases[i].csv, strlen (cases[i].csv));
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaSponsorImportReport) report
          = portada_sponsors_import_csv (nr, bytes, NULL, 0, &error);
      g_assert_null (report);
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
      if (!strstr (error->message, cases[i].says))
        g_error ("“%s” does not say “%s”", error->message, cases[i].says);
    }
  g_assert_cmpint (count (nr, "SELECT count(*) FROM sponsor"), ==, 33);
}

/* Mangled spreadsheets: the importer always answers (a report or an error) and
 * the newsroom stays whole. */
static void
test_random_spreadsheets (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (4180);
  const char noise[] = ",;\"\r\n\xff\x00\xc3\xa9 -/.";

  for (guint round = 0; round < 300; round++)
    {
      gsize len = sizeof bad_csv - 1;
      g_autofree char *buf = g_memdup2 (bad_csv, len);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (PortadaSponsorImportReport) report = NULL;
      guint edits = g_rand_int_range (rand, 1, 12);

      for (guint k = 0; k < edits; k++)
        buf[g_rand_int_range (rand, 0, len)] = noise[g_rand_int_range (rand, 0, sizeof noise - 1)];
      if (g_rand_boolean (rand))
        len = g_rand_int_range (rand, 0, len + 1);
      bytes = g_bytes_new (buf, len);
      report = portada_sponsors_import_csv (nr, bytes, NULL, round % 2, &error);
      if (report == NULL)
        g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
    }
  {
    g_autoptr (GPtrArray) problems = portada_newsroom_check_integrity (nr, NULL);
    g_autoptr (GPtrArray) all = portada_sponsors_list (nr, NULL);
    g_assert_cmpuint (problems->len, ==, 0);
    for (guint i = 0; i < all->len; i++)
      g_assert_true (
          g_utf8_validate (((PortadaSponsor *) g_ptr_array_index (all, i))->name, -1, NULL));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/reader-basics", test_reader_basics);
  g_test_add_func ("/csv/reader-delimiters", test_reader_delimiters);
  g_test_add_func ("/csv/reader-errors", test_reader_errors);
  g_test_add_func ("/csv/writer-round-trip", test_writer_round_trip);
  g_test_add_func ("/sponsor-csv/round-trip", test_round_trip);
  g_test_add_func ("/sponsor-csv/update-by-name", test_update_by_name);
  g_test_add_func ("/sponsor-csv/appended-in-order", test_appended_in_order);
  g_test_add_func ("/sponsor-csv/spanish-spreadsheet", test_spanish_spreadsheet);
  g_test_add_func ("/sponsor-csv/bad-rows", test_bad_rows);
  g_test_add_func ("/sponsor-csv/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/sponsor-csv/logo-files", test_logo_files);
  g_test_add_func ("/sponsor-csv/unusable-files", test_unusable_files);
  g_test_add_func ("/sponsor-csv/random-spreadsheets", test_random_spreadsheets);
  return g_test_run ();
}
