/* portada-source-map.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <md4c.h>
#include <string.h>

#include "portada-source-map.h"

#define PARSER_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH)

typedef struct
{
  const char *source;
  gsize length;
  GArray *lines;    /* int: first line of each top-level block, -1 until known */
  int depth;        /* of blocks, the document being 0 */
  const char *seen; /* where counting lines got to */
  int line_of_seen; /* the line of @seen */
} Map;

static int
line_at (Map *m, const char *at)
{
  /* Text comes in source order: count on from where the last one was. */
  if (at < m->seen)
    {
      m->seen = m->source;
      m->line_of_seen = 0;
    }
  for (const char *p = m->seen; p < at; p++)
    if (*p == '\n')
      m->line_of_seen++;
  m->seen = at;
  return m->line_of_seen;
}

static int
enter_block (MD_BLOCKTYPE type, void *detail, void *data)
{
  Map *m = data;

  if (type == MD_BLOCK_DOC)
    return 0;
  if (m->depth++ == 0)
    {
      int unknown = -1;
      g_array_append_val (m->lines, unknown);
    }
  return 0;
}

static int
leave_block (MD_BLOCKTYPE type, void *detail, void *data)
{
  Map *m = data;

  if (type != MD_BLOCK_DOC)
    m->depth--;
  return 0;
}

static int
span (MD_SPANTYPE type, void *detail, void *data)
{
  return 0;
}

static int
text (MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *data)
{
  Map *m = data;
  int *last;

  if (m->lines->len == 0 || text < m->source || text >= m->source + m->length)
    return 0;
  last = &g_array_index (m->lines, int, m->lines->len - 1);
  if (*last < 0)
    *last = line_at (m, text);
  return 0;
}

/* A line such as "---", "* * *" or "___": a rule, the one block with no text. */
static gboolean
is_rule (const char *line, const char *end)
{
  char mark = 0;
  guint n = 0;

  for (const char *p = line; p < end; p++)
    {
      if (*p == ' ' || *p == '\t')
        continue;
      if ((*p != '-' && *p != '*' && *p != '_') || (mark && *p != mark))
        return FALSE;
      mark = *p;
      n++;
    }
  return n >= 3;
}

/* The first rule-like line from @from on, before @before (-1: the end). */
static int
find_rule (const char *source, int from, int before)
{
  const char *line = source;
  int n = 0;

  for (;;)
    {
      const char *end = strchr (line, '\n');
      if (!end)
        end = line + strlen (line);
      if (before >= 0 && n >= before)
        return -1;
      if (n >= from && is_rule (line, end))
        return n;
      if (*end == '\0')
        return -1;
      line = end + 1;
      n++;
    }
}

GArray *
portada_markdown_block_lines (const char *markdown)
{
  /* The same text portada_markdown_to_html() parses. */
  g_autofree char *valid = g_utf8_make_valid (markdown ? markdown : "", -1);
  MD_PARSER parser = { 0 };
  Map m = { valid, strlen (valid), g_array_new (FALSE, FALSE, sizeof (int)), 0, valid, 0 };

  parser.flags = PARSER_FLAGS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = span;
  parser.leave_span = span;
  parser.text = text;
  md_parse (valid, (MD_SIZE) m.length, &parser, &m);
  for (guint i = 0; i < m.lines->len; i++)
    {
      int *line = &g_array_index (m.lines, int, i);
      int before = i ? g_array_index (m.lines, int, i - 1) : -1;
      int next = i + 1 < m.lines->len ? g_array_index (m.lines, int, i + 1) : -1;

      if (*line < 0)
        *line = find_rule (valid, before + 1, next);
      if (*line <= before)
        *line = before + 1;
    }
  return m.lines;
}
