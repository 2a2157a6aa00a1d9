/* portada-sponsor-csv.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "portada-csv.h"
#include "portada-logo-list.h"
#include "portada-logos.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-sponsor-csv.h"
#include "portada-sponsor.h"

enum
{
  COL_NAME,
  COL_WEBSITE,
  COL_ALT,
  COL_START,
  COL_END,
  COL_LISTS,
  COL_LOGO,
  N_COLS
};

/* The English name first: the one export writes. */
static const char *const column_names[N_COLS][6] = {
  { "name", "nombre", "sponsor", "patrocinador", NULL },
  { "website", "web", "url", "sitio web", "web site", NULL },
  { "alt text", "alt", "texto alternativo", NULL },
  { "contract start", "start", "inicio", "inicio del contrato", NULL },
  { "contract end", "end", "fin", "fin del contrato", NULL },
  { "lists", "list", "listas", "lista", "logo lists", NULL },
  { "logo file name", "logo", "logo file", "logotipo", "archivo del logotipo", NULL },
};

void
portada_sponsor_import_report_free (PortadaSponsorImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->bad_rows);
  g_ptr_array_unref (report->notes);
  g_free (report);
}

static void
bad_row_free (PortadaSponsorImportBadRow *bad)
{
  g_free (bad->message);
  g_free (bad);
}

/* Names compare without case, and with accents as composed or decomposed. */
static char *
name_key (const char *name)
{
  g_autofree char *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  return g_utf8_casefold (nfc ? nfc : name, -1);
}

static char *
header_key (const char *cell)
{
  g_autofree char *valid = g_utf8_make_valid (cell, -1);
  g_autofree char *lower = g_utf8_strdown (g_strstrip (valid), -1);
  g_auto (GStrv) words = NULL;

  g_strdelimit (lower, "_-", ' ');
  words = g_strsplit (lower, " ", -1);
  {
    g_autoptr (GString) out = g_string_new (NULL);
    for (guint i = 0; words[i]; i++)
      if (*words[i])
        g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
}

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char tail;

  return strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3
         && text[4] == '-' && text[7] == '-' && g_date_valid_dmy (d, m, y);
}

static const char *
mime_extension (const char *mime)
{
  if (g_strcmp0 (mime, "image/png") == 0)
    return "png";
  if (g_strcmp0 (mime, "image/jpeg") == 0)
    return "jpg";
  if (g_strcmp0 (mime, "image/webp") == 0)
    return "webp";
  if (g_strcmp0 (mime, "image/svg+xml") == 0)
    return "svg";
  return "img";
}

/* The file name a logo goes by in a spreadsheet. */
static char *
logo_file_name (const PortadaMedia *m)
{
  if (m->filename && *m->filename && !strchr (m->filename, '/') && !strchr (m->filename, '\\')
      && m->filename[0] != '.')
    return g_strdup (m->filename);
  return g_strdup_printf ("logo-%lld.%s", (long long) m->id, mime_extension (m->mime));
}

/* A cell that starts as a formula would (=, +, -, @, or a tab or carriage return
 * before one) is run by a spreadsheet that opens the file: "=HYPERLINK(...)" in
 * a sponsor's name would become a live link, or worse. Export writes such a cell
 * after an apostrophe, which spreadsheets show as text; import takes it off. */
static const char formula_starts[] = "=+-@\t\r";

static char *
spreadsheet_text (const char *text)
{
  if (text && *text && strchr (formula_starts, *text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static void
strip_formula_guard (char *cell)
{
  if (cell[0] == '\'' && cell[1] && strchr (formula_starts, cell[1]))
    memmove (cell, cell + 1, strlen (cell));
}

/* Import. */

typedef struct
{
  PortadaNewsroom *newsroom;
  const char *logos_dir;
  PortadaSponsorImportReport *report;
  int column[N_COLS]; /* index of each known column, -1 when absent */
  guint n_header;
  GHashTable *sponsors; /* name key -> PortadaSponsor (owned) */
  GHashTable *seen;     /* name key -> row number in this file */
  GHashTable *lists;    /* list name -> ListSlot (owned) */
} Import;

/* A list the import has met: its id and the position of the next member it appends
 * (counted here: counting the list for each appended sponsor is quadratic). */
typedef struct
{
  gint64 id;
  int next;
} ListSlot;

typedef struct
{
  char *cell[N_COLS]; /* trimmed, valid UTF-8; NULL when the column is absent */
  GStrv lists;
  gint64 logo_id; /* 0: keep */
} Row;

static void
row_clear (Row *row)
{
  for (int i = 0; i < N_COLS; i++)
    g_free (row->cell[i]);
  g_strfreev (row->lists);
}

static gboolean
read_header (Import *imp, PortadaCsvRecord *rec, GError **error)
{
  for (int c = 0; c < N_COLS; c++)
    imp->column[c] = -1;
  if (rec->error)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("row 1 (the column names): %s"),
                   rec->error);
      return FALSE;
    }
  imp->n_header = rec->fields->len;
  for (guint i = 0; i < rec->fields->len; i++)
    {
      g_autofree char *key = header_key (g_ptr_array_index (rec->fields, i));
      gboolean known = FALSE;

      for (int c = 0; c < N_COLS && !known; c++)
        for (int a = 0; column_names[c][a] && !known; a++)
          if (g_str_equal (key, column_names[c][a]))
            {
              if (imp->column[c] >= 0)
                {
                  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                               _ ("the first row names the column “%s” twice"), column_names[c][0]);
                  return FALSE;
                }
              imp->column[c] = i;
              known = TRUE;
            }
      if (!known && *key)
        g_ptr_array_add (imp->report->notes,
                         g_strdup_printf (_ ("the column “%s” is not one Portada knows; it was "
                                             "ignored"),
                                          key));
    }
  if (imp->column[COL_NAME] < 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("the first row must name the columns (name, website, alt text, contract "
                      "start, contract end, lists, logo file name); there is no “name” column"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_state (Import *imp, GError **error)
{
  g_autoptr (GPtrArray) sponsors = portada_sponsors_list (imp->newsroom, error);
  g_autoptr (GPtrArray) lists = NULL;

  if (sponsors == NULL)
    return FALSE;
  for (guint i = 0; i < sponsors->len; i++)
    {
      PortadaSponsor *s = g_ptr_array_index (sponsors, i);
      char *key = name_key (s->name);
      if (!g_hash_table_contains (imp->sponsors, key))
        g_hash_table_insert (imp->sponsors, key, portada_sponsor_copy (s));
      else
        g_free (key);
    }
  lists = portada_logo_lists_list (imp->newsroom, error);
  if (lists == NULL)
    return FALSE;
  for (guint i = 0; i < lists->len; i++)
    {
      PortadaLogoList *l = g_ptr_array_index (lists, i);
      ListSlot *slot = g_new (ListSlot, 1);

      slot->id = l->id;
      slot->next = -1; /* counted when the import first appends to it */
      g_hash_table_insert (imp->lists, g_strdup (l->name), slot);
    }
  return TRUE;
}

static gint64
media_by_file_name (Import *imp, const char *name, GError **error)
{
  return portada_media_find_filename (imp->newsroom, name, error);
}

static gboolean
is_plain_file_name (const char *name)
{
  return *name && !strpbrk (name, "/\\") && !g_str_equal (name, ".") && !g_str_equal (name, "..");
}

/* Finds or imports the logo a row names. Returns FALSE on a database failure;
 * sets *reason when the row is bad. */
static gboolean
resolve_logo (Import *imp, Row *row, const PortadaSponsor *existing, char **reason, GError **error)
{
  const char *name = row->cell[COL_LOGO];

  if (name == NULL || *name == '\0')
    return TRUE;
  if (!is_plain_file_name (name))
    {
      *reason = g_strdup_printf (_ ("the logo file name “%s” must be a file name, without a "
                                    "folder"),
                                 name);
      return TRUE;
    }
  if (imp->logos_dir)
    {
      g_autofree char *path = g_build_filename (imp->logos_dir, name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GPtrArray) results = NULL;
      const PortadaLogoImport *r;

      struct stat st;

      if (lstat (path, &st) != 0)
        {
          *reason = g_strdup_printf (_ ("the logo file “%s” is not in the folder %s"), name,
                                     imp->logos_dir);
          return TRUE;
        }
      /* Only the folder's own files: a link (which may point anywhere), a pipe or a
       * device is never opened. */
      if (!S_ISREG (st.st_mode))
        {
          *reason = g_strdup_printf (
              S_ISLNK (st.st_mode)
                  ? _ ("the logo file “%s” is a symbolic link; links are not followed")
                  : _ ("the logo file “%s” is not a regular file (a pipe, a device or a folder)"),
              name);
          return TRUE;
        }
      results = portada_logos_import_files (imp->newsroom, &file, 1, NULL, error);
      if (results == NULL)
        return FALSE;
      r = g_ptr_array_index (results, 0);
      if (r->error)
        *reason = g_strdup_printf (_ ("the logo is refused: %s"), r->error->message);
      row->logo_id = r->media_id;
      return TRUE;
    }
  /* No folder: the logo must be in the newsroom already, the sponsor's own first. */
  if (existing && existing->logo_media_id)
    {
      g_autoptr (PortadaMedia) m
          = portada_media_load_info (imp->newsroom, existing->logo_media_id, NULL);
      g_autofree char *current = m ? logo_file_name (m) : NULL;
      if (g_strcmp0 (current, name) == 0)
        {
          row->logo_id = existing->logo_media_id;
          return TRUE;
        }
    }
  row->logo_id = media_by_file_name (imp, name, error);
  if (row->logo_id < 0)
    return FALSE;
  if (row->logo_id == 0)
    *reason = g_strdup_printf (_ ("the logo file “%s” is unknown: it is not in the newsroom, and "
                                  "no folder of logo files was given"),
                               name);
  return TRUE;
}

static char *
check_cells (Import *imp, PortadaCsvRecord *rec, Row *row)
{
  for (guint i = imp->n_header; i < rec->fields->len; i++)
    if (*(const char *) g_ptr_array_index (rec->fields, i))
      return g_strdup_printf (_ ("it has %u cells, but the first row names only %u columns"),
                              rec->fields->len, imp->n_header);
  for (int c = 0; c < N_COLS; c++)
    {
      int i = imp->column[c];
      const char *cell;
      gsize len;

      if (i < 0)
        continue;
      if ((guint) i >= rec->fields->len)
        {
          row->cell[c] = g_strdup ("");
          continue;
        }
      cell = g_ptr_array_index (rec->fields, i);
      len = g_array_index (rec->lengths, gsize, i);
      if (!g_utf8_validate_len (cell, len, NULL))
        return g_strdup_printf (_ ("the cell in the column “%s” is not UTF-8 text (save the "
                                   "spreadsheet as CSV UTF-8)"),
                                column_names[c][0]);
      row->cell[c] = g_strstrip (g_strdup (cell));
      strip_formula_guard (row->cell[c]);
    }
  return NULL;
}

static char *
check_fields (Import *imp, PortadaCsvRecord *rec, Row *row)
{
  const char *name = row->cell[COL_NAME];
  const char *web = row->cell[COL_WEBSITE];
  const char *start = row->cell[COL_START];
  const char *end = row->cell[COL_END];
  g_autofree char *key = NULL;
  gpointer seen_row;

  if (*name == '\0')
    return g_strdup (_ ("it has no name"));
  key = name_key (name);
  if (g_hash_table_lookup_extended (imp->seen, key, NULL, &seen_row))
    return g_strdup_printf (_ ("the sponsor “%s” is already on row %u"), name,
                            GPOINTER_TO_UINT (seen_row));
  g_hash_table_insert (imp->seen, g_steal_pointer (&key), GUINT_TO_POINTER (rec->number));
  if (web && *web && !portada_sponsor_website_is_valid (web))
    return g_strdup_printf (_ ("the website “%s” is not a web address (it must start with "
                               "http:// or https://)"),
                            web);
  if (start && *start && !valid_date (start))
    return g_strdup_printf (_ ("the contract start “%s” is not a date such as 2026-12-31"), start);
  if (end && *end && !valid_date (end))
    return g_strdup_printf (_ ("the contract end “%s” is not a date such as 2026-12-31"), end);
  if (start && *start && end && *end && strcmp (end, start) < 0)
    return g_strdup_printf (_ ("the contract ends (%s) before it starts (%s)"), end, start);
  if (row->cell[COL_LISTS])
    {
      g_auto (GStrv) parts = g_strsplit_set (row->cell[COL_LISTS], ";,", -1);
      g_autoptr (GStrvBuilder) lists = g_strv_builder_new ();
      g_autoptr (GPtrArray) seen = g_ptr_array_new ();

      for (guint i = 0; parts[i]; i++)
        {
          char *l = g_strstrip (parts[i]);
          if (*l && !g_ptr_array_find_with_equal_func (seen, l, g_str_equal, NULL))
            {
              g_ptr_array_add (seen, l);
              g_strv_builder_add (lists, l);
            }
        }
      row->lists = g_strv_builder_end (lists);
    }
  return NULL;
}

static ListSlot *
list_slot (Import *imp, const char *name, GError **error)
{
  ListSlot *slot = g_hash_table_lookup (imp->lists, name);

  if (slot == NULL)
    {
      gint64 id = portada_logo_lists_create (imp->newsroom, name, error);

      if (id == 0)
        return NULL;
      slot = g_new (ListSlot, 1);
      slot->id = id;
      slot->next = 0;
      g_hash_table_insert (imp->lists, g_strdup (name), slot);
    }
  if (slot->next < 0)
    slot->next = portada_logo_lists_next_position (imp->newsroom, slot->id, error);
  return slot->next < 0 ? NULL : slot;
}

/* @is_new: the sponsor was just created, so it is on no list yet. */
static gboolean
set_lists (Import *imp, gint64 sponsor_id, gboolean is_new, GStrv wanted, GError **error)
{
  g_auto (GStrv) current = is_new
                               ? g_new0 (char *, 1)
                               : portada_logo_lists_of_sponsor (imp->newsroom, sponsor_id, error);

  if (current == NULL)
    return FALSE;
  for (guint i = 0; wanted[i]; i++)
    if (!g_strv_contains ((const char *const *) current, wanted[i]))
      {
        ListSlot *slot = list_slot (imp, wanted[i], error);
        if (slot == NULL
            || !portada_logo_lists_add_member_at (imp->newsroom, slot->id, sponsor_id, 1.0,
                                                  slot->next, error))
          return FALSE;
        slot->next++;
      }
  for (guint i = 0; current[i]; i++)
    if (!g_strv_contains ((const char *const *) wanted, current[i]))
      {
        ListSlot *slot = list_slot (imp, current[i], error);
        if (slot == NULL
            || !portada_logo_lists_remove_member (imp->newsroom, slot->id, sponsor_id, error))
          return FALSE;
      }
  return TRUE;
}

static void
set_text (char **field, const char *cell)
{
  if (cell == NULL)
    return; /* the column is absent: leave the field as it is */
  g_free (*field);
  *field = *cell ? g_strdup (cell) : NULL;
}

/* Writes a checked row. FALSE on a database failure; *reason for a bad row. */
static gboolean
apply_row (Import *imp, Row *row, PortadaSponsor *existing, char **reason, GError **error)
{
  g_autoptr (PortadaSponsor) s
      = existing ? portada_sponsor_copy (existing) : portada_sponsor_new (row->cell[COL_NAME]);
  g_autoptr (GError) local = NULL;

  g_free (s->name);
  s->name = g_strdup (row->cell[COL_NAME]);
  set_text (&s->website, row->cell[COL_WEBSITE]);
  if (row->cell[COL_ALT])
    {
      g_free (s->alt_text);
      s->alt_text = g_strdup (*row->cell[COL_ALT] ? row->cell[COL_ALT] : s->name);
    }
  set_text (&s->contract_start, row->cell[COL_START]);
  set_text (&s->contract_end, row->cell[COL_END]);
  if (row->logo_id > 0)
    s->logo_media_id = row->logo_id;
  if (!portada_sponsors_save (imp->newsroom, s, &local))
    {
      if (g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_INVALID))
        {
          *reason = g_strdup (local->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (row->lists && !set_lists (imp, s->id, existing == NULL, row->lists, error))
    return FALSE;
  if (existing)
    imp->report->updated++;
  else
    {
      imp->report->created++;
      g_hash_table_insert (imp->sponsors, name_key (s->name), portada_sponsor_copy (s));
    }
  return TRUE;
}

static gboolean
is_blank (PortadaCsvRecord *rec)
{
  for (guint i = 0; i < rec->fields->len; i++)
    {
      const char *f = g_ptr_array_index (rec->fields, i);
      for (; *f; f++)
        if (!g_ascii_isspace (*f))
          return FALSE;
    }
  return rec->error == NULL;
}

/* One data row: FALSE on a database failure. */
static gboolean
import_row (Import *imp, PortadaCsvRecord *rec, GError **error)
{
  Row row = { 0 };
  char *reason = rec->error ? g_strdup (rec->error) : NULL;
  gboolean ok = TRUE;

  if (reason == NULL)
    reason = check_cells (imp, rec, &row);
  if (reason == NULL)
    reason = check_fields (imp, rec, &row);
  if (reason == NULL)
    {
      g_autofree char *key = name_key (row.cell[COL_NAME]);
      PortadaSponsor *existing = g_hash_table_lookup (imp->sponsors, key);

      ok = resolve_logo (imp, &row, existing, &reason, error);
      if (ok && reason == NULL)
        ok = apply_row (imp, &row, existing, &reason, error);
    }
  if (reason)
    {
      PortadaSponsorImportBadRow *bad = g_new0 (PortadaSponsorImportBadRow, 1);
      bad->row = rec->number;
      bad->message = reason;
      g_ptr_array_add (imp->report->bad_rows, bad);
    }
  row_clear (&row);
  return ok;
}

PortadaSponsorImportReport *
portada_sponsors_import_csv (PortadaNewsroom *newsroom, GBytes *csv, const char *logos_dir,
                             PortadaSponsorImportFlags flags, GError **error)
{
  g_autoptr (PortadaSponsorImportReport) report = g_new0 (PortadaSponsorImportReport, 1);
  g_autoptr (GHashTable) sponsors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) portada_sponsor_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) records = NULL;
  Import imp = { newsroom, logos_dir, report, { 0 }, 0, sponsors, seen, lists };
  gsize len;
  const char *data;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && csv != NULL, NULL);
  report->bad_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bad_row_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  data = g_bytes_get_data (csv, &len);
  records = portada_csv_parse (data ? data : "", len, 0, NULL);
  if (records->len == 0)
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                           _ ("the file is empty: it needs a first row naming the columns"));
      return NULL;
    }
  if (!read_header (&imp, g_ptr_array_index (records, 0), error))
    return NULL;

  if (!portada_newsroom_begin (newsroom, error))
    return NULL;
  if (!load_state (&imp, error))
    goto failed;
  for (guint i = 1; i < records->len; i++)
    {
      PortadaCsvRecord *rec = g_ptr_array_index (records, i);
      if (is_blank (rec))
        continue;
      if (!import_row (&imp, rec, error))
        goto failed;
    }
  if ((flags & PORTADA_SPONSOR_IMPORT_ALL_OR_NOTHING) && report->bad_rows->len > 0)
    {
      portada_newsroom_rollback (newsroom);
      report->created = report->updated = 0;
      report->committed = FALSE;
      return g_steal_pointer (&report);
    }
  if (!portada_newsroom_commit (newsroom, error))
    return NULL;
  report->committed = TRUE;
  return g_steal_pointer (&report);

failed:
  portada_newsroom_rollback (newsroom);
  return NULL;
}

/* Export. */

/* Whether the file at @path holds exactly @data (a previous export's copy). */
static gboolean
same_file (const char *path, GBytes *data)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  struct stat st;

  if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode)
      || (gsize) st.st_size != g_bytes_get_size (data))
    return FALSE;
  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return len == g_bytes_get_size (data)
         && memcmp (contents, g_bytes_get_data (data, NULL), len) == 0;
}

/* Writes the logo into @dir as @name, or, when a different file already has that
 * name (the person's own, or another program's), as "stem-2.ext", "stem-3.ext"…:
 * a file in the folder is never replaced. Returns the name written. */
static char *
write_logo (PortadaNewsroom *newsroom, const PortadaMedia *m, const char *dir, const char *name,
            GError **error)
{
  g_autoptr (GBytes) data = portada_media_load_data (newsroom, m->id, error);
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot ? g_strndup (name, dot - name) : g_strdup (name);

  if (data == NULL)
    return NULL;
  for (int n = 1; n < 10000; n++)
    {
      g_autofree char *candidate
          = n == 1 ? g_strdup (name) : g_strdup_printf ("%s-%d%s", stem, n, dot ? dot : "");
      g_autofree char *path = g_build_filename (dir, candidate, NULL);
      struct stat st;

      if (lstat (path, &st) == 0)
        {
          if (same_file (path, data))
            return g_steal_pointer (&candidate);
          continue;
        }
      if (!g_file_set_contents (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                error))
        return NULL;
      return g_steal_pointer (&candidate);
    }
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
               _ ("%s: the folder already holds too many files named like “%s”"), dir, name);
  return NULL;
}

/* A logo's name in the folder: its own, made unique when two logos share one. */
static char *
unique_logo_name (GHashTable *used, const PortadaMedia *m)
{
  g_autofree char *name = logo_file_name (m);
  gint64 *owner = g_hash_table_lookup (used, name);

  if (owner && *owner != m->id)
    {
      const char *dot = strrchr (name, '.');
      g_autofree char *stem = dot ? g_strndup (name, dot - name) : g_strdup (name);
      g_free (name);
      name = g_strdup_printf ("%s-%lld%s", stem, (long long) m->id, dot ? dot : "");
    }
  if (!g_hash_table_contains (used, name))
    g_hash_table_insert (used, g_strdup (name), g_memdup2 (&m->id, sizeof m->id));
  return g_steal_pointer (&name);
}

GBytes *
portada_sponsors_export_csv (PortadaNewsroom *newsroom, const char *logos_dir, GError **error)
{
  g_autoptr (GPtrArray) sponsors = portada_sponsors_list (newsroom, error);
  g_autoptr (GString) out = g_string_new ("\xef\xbb\xbf");
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *header[N_COLS];

  if (sponsors == NULL)
    return NULL;
  if (logos_dir && g_mkdir_with_parents (logos_dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("%s: the folder for the logos cannot be made: %s"), logos_dir,
                   g_strerror (saved));
      return NULL;
    }
  for (int c = 0; c < N_COLS; c++)
    header[c] = column_names[c][0];
  portada_csv_append_record (out, header, N_COLS, ',');
  for (guint i = 0; i < sponsors->len; i++)
    {
      const PortadaSponsor *s = g_ptr_array_index (sponsors, i);
      g_auto (GStrv) lists = portada_logo_lists_of_sponsor (newsroom, s->id, error);
      g_autofree char *joined = NULL;
      g_autofree char *logo = NULL;
      g_autofree char *name = spreadsheet_text (s->name);
      g_autofree char *alt = spreadsheet_text (s->alt_text);
      g_autofree char *lists_cell = NULL;
      g_autofree char *logo_cell = NULL;
      const char *fields[N_COLS];

      if (lists == NULL)
        return NULL;
      joined = g_strjoinv ("; ", lists);
      if (s->logo_media_id)
        {
          g_autoptr (PortadaMedia) m = portada_media_load_info (newsroom, s->logo_media_id, error);
          if (m == NULL)
            return NULL;
          logo = logos_dir ? unique_logo_name (used, m) : logo_file_name (m);
          if (logos_dir)
            {
              char *written = write_logo (newsroom, m, logos_dir, logo, error);
              if (written == NULL)
                return NULL;
              g_free (logo);
              logo = written;
            }
        }
      lists_cell = spreadsheet_text (joined);
      logo_cell = spreadsheet_text (logo);
      fields[COL_NAME] = name;
      fields[COL_WEBSITE] = s->website;
      fields[COL_ALT] = alt;
      fields[COL_START] = s->contract_start;
      fields[COL_END] = s->contract_end;
      fields[COL_LISTS] = lists_cell;
      fields[COL_LOGO] = logo_cell;
      portada_csv_append_record (out, fields, N_COLS, ',');
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
