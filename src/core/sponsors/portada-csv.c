/* portada-csv.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-csv.h"

void
portada_csv_record_free (PortadaCsvRecord *record)
{
  if (record == NULL)
    return;
  g_ptr_array_unref (record->fields);
  g_array_unref (record->lengths);
  g_free (record->error);
  g_free (record);
}

static char
detect_delimiter (const char *data, gsize len, gsize pos)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; pos < len; pos++)
    {
      char c = data[pos];
      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }
  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

typedef struct
{
  const char *data;
  gsize len;
  gsize pos;
  guint line;
  char delimiter;
} Parser;

/* Consumes a line break at pos, if any; TRUE when there was one. */
static gboolean
eat_newline (Parser *p)
{
  if (p->pos < p->len && p->data[p->pos] == '\r')
    {
      p->pos++;
      if (p->pos < p->len && p->data[p->pos] == '\n')
        p->pos++;
      p->line++;
      return TRUE;
    }
  if (p->pos < p->len && p->data[p->pos] == '\n')
    {
      p->pos++;
      p->line++;
      return TRUE;
    }
  return FALSE;
}

static void
skip_rest_of_line (Parser *p)
{
  while (p->pos < p->len && p->data[p->pos] != '\n' && p->data[p->pos] != '\r')
    p->pos++;
  eat_newline (p);
}

static void
push_field (PortadaCsvRecord *r, GString *field)
{
  gsize len = field->len;
  g_array_append_val (r->lengths, len);
  g_ptr_array_add (r->fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
}

static PortadaCsvRecord *
parse_record (Parser *p, guint number)
{
  PortadaCsvRecord *r = g_new0 (PortadaCsvRecord, 1);
  g_autoptr (GString) field = g_string_new (NULL);

  r->number = number;
  r->line = p->line;
  r->fields = g_ptr_array_new_with_free_func (g_free);
  r->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (;;)
    {
      if (p->pos < p->len && p->data[p->pos] == '"')
        {
          guint opened = p->line;
          p->pos++;
          for (;;)
            {
              if (p->pos >= p->len)
                {
                  r->error = g_strdup_printf (
                      _ ("a quoted cell is not closed (its quote opens on line %u)"), opened);
                  return r;
                }
              if (p->data[p->pos] == '"')
                {
                  if (p->pos + 1 < p->len && p->data[p->pos + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p->pos += 2;
                      continue;
                    }
                  p->pos++;
                  break;
                }
              if (p->data[p->pos] == '\r' || p->data[p->pos] == '\n')
                {
                  gsize start = p->pos;
                  eat_newline (p);
                  g_string_append_len (field, p->data + start, p->pos - start);
                  continue;
                }
              g_string_append_c (field, p->data[p->pos++]);
            }
          if (p->pos < p->len && p->data[p->pos] != p->delimiter && p->data[p->pos] != '\r'
              && p->data[p->pos] != '\n')
            {
              r->error = g_strdup (_ ("there is text after the closing quote of a cell (a quote "
                                      "inside a quoted cell is written twice: \"\")"));
              push_field (r, field);
              skip_rest_of_line (p);
              return r;
            }
        }
      else
        while (p->pos < p->len && p->data[p->pos] != p->delimiter && p->data[p->pos] != '\r'
               && p->data[p->pos] != '\n')
          g_string_append_c (field, p->data[p->pos++]);

      push_field (r, field);
      if (p->pos < p->len && p->data[p->pos] == p->delimiter)
        {
          p->pos++;
          continue;
        }
      eat_newline (p);
      return r;
    }
}

GPtrArray *
portada_csv_parse (const char *data, gsize len, char delimiter, char *detected)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_csv_record_free);
  Parser p = { data, len, 0, 1, delimiter };

  g_return_val_if_fail (data != NULL || len == 0, records);
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p.pos = 3;
  if (p.delimiter == 0)
    p.delimiter = detect_delimiter (data, len, p.pos);
  if (detected)
    *detected = p.delimiter;
  while (p.pos < p.len)
    g_ptr_array_add (records, parse_record (&p, records->len + 1));
  return records;
}

static gboolean
needs_quotes (const char *field, char delimiter)
{
  gsize n = strlen (field);

  if (n == 0)
    return FALSE;
  return strchr (field, delimiter) || strpbrk (field, "\"\r\n") || field[0] == ' '
         || field[n - 1] == ' ' || field[0] == '\t' || field[n - 1] == '\t';
}

void
portada_csv_append_record (GString *out, const char *const *fields, guint n_fields, char delimiter)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *f = fields[i] ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, delimiter);
      if (!needs_quotes (f, delimiter))
        {
          g_string_append (out, f);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *c = f; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
