/* portada-markdown-edit.c: formatting commands on Markdown text, headless.
 *
 * Every command collects edits (a range of the old text replaced by new text) and maps the
 * selection through them; positions are bytes inside, characters outside.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-markdown-edit.h"

typedef struct
{
  gsize pos;
  gsize del;
  char *ins;
} Op;

typedef struct
{
  char *text;
  gsize len;
  gsize s, e; /* the selection, bytes */
  GArray *ops;
} Ctx;

static void
op_clear (gpointer data)
{
  g_free (((Op *) data)->ins);
}

static void
ctx_init (Ctx *c, const char *text, glong start, glong end)
{
  glong n;

  c->text = g_utf8_make_valid (text ? text : "", -1);
  c->len = strlen (c->text);
  n = g_utf8_strlen (c->text, -1);
  start = CLAMP (start, 0, n);
  end = CLAMP (end, 0, n);
  if (start > end)
    {
      glong t = start;
      start = end;
      end = t;
    }
  c->s = g_utf8_offset_to_pointer (c->text, start) - c->text;
  c->e = g_utf8_offset_to_pointer (c->text, end) - c->text;
  c->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (c->ops, op_clear);
}

static void
ctx_clear (Ctx *c)
{
  g_clear_pointer (&c->text, g_free);
  g_clear_pointer (&c->ops, g_array_unref);
}

static void
add_op (Ctx *c, gsize pos, gsize del, const char *ins)
{
  Op op = { pos, del, g_strdup (ins ? ins : "") };
  guint i = c->ops->len;

  /* Kept in order of position. */
  while (i > 0 && g_array_index (c->ops, Op, i - 1).pos > pos)
    i--;
  g_array_insert_val (c->ops, i, op);
}

/* Where old position @p is in the new text; @right puts it after text inserted at @p. */
static gsize
ctx_map (Ctx *c, gsize p, gboolean right)
{
  gssize delta = 0;

  for (guint i = 0; i < c->ops->len; i++)
    {
      Op *op = &g_array_index (c->ops, Op, i);
      gsize ins = strlen (op->ins);

      if (p < op->pos)
        break;
      if (p == op->pos || p < op->pos + op->del)
        {
          if (op->del == 0 && p == op->pos && right)
            {
              delta += ins;
              continue;
            }
          return op->pos + delta + (right ? ins : 0);
        }
      delta += (gssize) ins - (gssize) op->del;
    }
  return p + delta;
}

/* The new text, with the selection at new positions @ns, @ne. */
static PortadaMarkdownEdit *
ctx_finish (Ctx *c, gsize ns, gsize ne)
{
  GString *out = g_string_sized_new (c->len + 16);
  PortadaMarkdownEdit *edit = g_new0 (PortadaMarkdownEdit, 1);
  gsize at = 0;

  for (guint i = 0; i < c->ops->len; i++)
    {
      Op *op = &g_array_index (c->ops, Op, i);
      g_string_append_len (out, c->text + at, op->pos - at);
      g_string_append (out, op->ins);
      at = op->pos + op->del;
    }
  g_string_append_len (out, c->text + at, c->len - at);
  ns = MIN (ns, out->len);
  ne = MIN (MAX (ne, ns), out->len);
  edit->start = g_utf8_pointer_to_offset (out->str, out->str + ns);
  edit->end = g_utf8_pointer_to_offset (out->str, out->str + ne);
  edit->text = g_string_free (out, FALSE);
  ctx_clear (c);
  return edit;
}

static PortadaMarkdownEdit *
ctx_finish_mapped (Ctx *c, gboolean start_right, gboolean end_right)
{
  gsize ns = ctx_map (c, c->s, start_right);
  gsize ne = ctx_map (c, c->e, end_right);

  return ctx_finish (c, ns, ne);
}

void
portada_markdown_edit_free (PortadaMarkdownEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->text);
  g_free (edit);
}

/* Lines */

static gboolean
is_eol (char ch)
{
  return ch == '\n' || ch == '\r';
}

static gsize
line_start (const char *t, gsize p)
{
  while (p > 0 && !is_eol (t[p - 1]))
    p--;
  return p;
}

static gsize
line_end (const char *t, gsize len, gsize p)
{
  while (p < len && !is_eol (t[p]))
    p++;
  return p;
}

/* The start of the line after the one ending at @le (@len when there is none). */
static gsize
next_line (const char *t, gsize len, gsize le)
{
  if (le < len && t[le] == '\r' && t[le + 1] == '\n')
    return le + 2;
  return MIN (le + 1, len);
}

static gboolean
is_blank (const char *t, gsize from, gsize to)
{
  for (gsize i = from; i < to; i++)
    if (t[i] != ' ' && t[i] != '\t')
      return FALSE;
  return TRUE;
}

/* The line starts of the lines the selection touches; a selection ending at the start of
 * a line leaves that line out. */
static GArray *
touched_lines (Ctx *c)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize ls = line_start (c->text, c->s);
  gsize last = c->e;

  if (c->e > c->s && line_start (c->text, c->e) == c->e && c->e > ls)
    last = line_start (c->text, c->e - 1);
  for (;;)
    {
      gsize le = line_end (c->text, c->len, ls);
      g_array_append_val (starts, ls);
      if (le >= last || le >= c->len)
        break;
      ls = next_line (c->text, c->len, le);
    }
  return starts;
}

/* The line ending the text uses, "\n" when it has none. */
static const char *
text_eol (const char *t)
{
  const char *p = strpbrk (t, "\r\n");

  if (p == NULL || *p == '\n')
    return "\n";
  return p[1] == '\n' ? "\r\n" : "\r";
}

/* Inline styles */

typedef struct
{
  char c;
  gsize k;
} Mark;

static const Mark bold_marks[] = { { '*', 2 }, { '_', 2 } };
static const Mark italic_marks[] = { { '_', 1 }, { '*', 1 } };
static const Mark strike_marks[] = { { '~', 2 } };
static const Mark code_marks[] = { { '`', 1 } };

static const Mark *
marks_of (PortadaInlineStyle style, guint *n)
{
  switch (style)
    {
      case PORTADA_INLINE_BOLD:
        *n = G_N_ELEMENTS (bold_marks);
        return bold_marks;
      case PORTADA_INLINE_ITALIC:
        *n = G_N_ELEMENTS (italic_marks);
        return italic_marks;
      case PORTADA_INLINE_STRIKETHROUGH:
        *n = G_N_ELEMENTS (strike_marks);
        return strike_marks;
      case PORTADA_INLINE_CODE:
      default:
        *n = G_N_ELEMENTS (code_marks);
        return code_marks;
    }
}

/* A run of @r marker characters is this mark ("***" is both bold and italic). */
static gboolean
run_matches (gsize r, const Mark *m)
{
  return r == m->k || (r == 3 && (m->c == '*' || m->c == '_'));
}

static gsize
run_back (const char *t, gsize limit, gsize p, char ch)
{
  gsize n = 0;

  while (p - n > limit && t[p - n - 1] == ch)
    n++;
  return n;
}

static gsize
run_fwd (const char *t, gsize p, gsize limit, char ch)
{
  gsize n = 0;

  while (p + n < limit && t[p + n] == ch)
    n++;
  return n;
}

/* How many runs of @m there are in [from, to). */
static guint
count_runs (const char *t, gsize from, gsize to, const Mark *m)
{
  guint count = 0;

  for (gsize i = from; i < to;)
    {
      gsize r = run_fwd (t, i, to, m->c);
      if (r == 0)
        {
          i++;
          continue;
        }
      if (run_matches (r, m))
        count++;
      i += r;
    }
  return count;
}

/* "_" does not make emphasis inside a word; "*" does. */
static const char *
marker_text (PortadaInlineStyle style, const char *t, gsize len, gsize a, gsize b)
{
  gboolean in_word = (a > 0 && g_ascii_isalnum (t[a - 1])) || (b < len && g_ascii_isalnum (t[b]));

  switch (style)
    {
      case PORTADA_INLINE_BOLD:
        return "**";
      case PORTADA_INLINE_ITALIC:
        return in_word ? "*" : "_";
      case PORTADA_INLINE_STRIKETHROUGH:
        return "~~";
      case PORTADA_INLINE_CODE:
      default:
        return "`";
    }
}

typedef struct
{
  gsize a, b;   /* the segment, without its spaces */
  gsize ls, le; /* its line */
} Segment;

/* Whether segment @g is in @m; the byte ranges to take away when it is. */
static gboolean
segment_marked (const char *t, const Segment *g, const Mark *m, gsize *d1, gsize *d2)
{
  gsize b1 = run_back (t, g->ls, g->a, m->c);
  gsize a1 = run_fwd (t, g->a, g->b, m->c);
  gsize b2 = run_back (t, g->a + a1, g->b, m->c);
  gsize a2 = run_fwd (t, g->b, g->le, m->c);

  if (!run_matches (b1 + a1, m) || !run_matches (b2 + a2, m))
    return FALSE;
  *d1 = b1 >= m->k ? g->a - m->k : a1 >= m->k ? g->a : g->a - b1;
  *d2 = a2 >= m->k ? g->b : b2 >= m->k ? g->b - m->k : g->b + a2 - m->k;
  return *d1 + m->k <= *d2;
}

static GArray *
selection_segments (Ctx *c)
{
  g_autoptr (GArray) starts = touched_lines (c);
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  for (guint i = 0; i < starts->len; i++)
    {
      Segment g;
      g.ls = g_array_index (starts, gsize, i);
      g.le = line_end (c->text, c->len, g.ls);
      g.a = MAX (c->s, g.ls);
      g.b = MIN (c->e, g.le);
      while (g.a < g.b && g_ascii_isspace (c->text[g.a]))
        g.a++;
      while (g.b > g.a && g_ascii_isspace (c->text[g.b - 1]))
        g.b--;
      if (g.a < g.b)
        g_array_append_val (segments, g);
    }
  return segments;
}

static PortadaMarkdownEdit *
toggle_selection (Ctx *c, GArray *segments, PortadaInlineStyle style)
{
  guint n_marks;
  const Mark *marks = marks_of (style, &n_marks);
  gboolean all = TRUE;
  Segment *first = &g_array_index (segments, Segment, 0);
  Segment *last = &g_array_index (segments, Segment, segments->len - 1);
  gsize first_a = first->a, last_b = last->b;

  for (guint i = 0; i < segments->len && all; i++)
    {
      gsize d1, d2;
      gboolean marked = FALSE;
      for (guint j = 0; j < n_marks && !marked; j++)
        marked
            = segment_marked (c->text, &g_array_index (segments, Segment, i), &marks[j], &d1, &d2);
      all = marked;
    }
  for (guint i = 0; i < segments->len; i++)
    {
      Segment *g = &g_array_index (segments, Segment, i);
      gsize d1, d2;
      const Mark *m = NULL;

      for (guint j = 0; j < n_marks && m == NULL; j++)
        if (segment_marked (c->text, g, &marks[j], &d1, &d2))
          m = &marks[j];
      if (all)
        {
          add_op (c, d1, m->k, NULL);
          add_op (c, d2, m->k, NULL);
        }
      else if (m == NULL)
        {
          const char *marker = marker_text (style, c->text, c->len, g->a, g->b);
          add_op (c, g->a, 0, marker);
          add_op (c, g->b, 0, marker);
        }
    }
  return ctx_finish (c, ctx_map (c, first_a, TRUE), ctx_map (c, last_b, FALSE));
}

/* The cursor at @p in a span of @m: ends the span for what is typed next. */
static PortadaMarkdownEdit *
leave_span (Ctx *c, gsize p, gsize le, const Mark *m, gsize before, gsize after)
{
  g_autofree char *marker = g_strnfill (m->k, m->c);
  gboolean closed_later = count_runs (c->text, p, le, m) > 0;

  if (run_matches (after, m))
    /* "**xyz|**": past the closing marker. */
    return ctx_finish (c, p + after, p + after);
  if (run_matches (before, m) && closed_later)
    /* "**|xyz**": before the opening marker. */
    return ctx_finish (c, p - before, p - before);
  if (run_matches (before, m))
    {
      /* "**|" with nothing after: the marker goes. */
      add_op (c, p - before, before, NULL);
      return ctx_finish (c, p - before, p - before);
    }
  if (closed_later)
    {
      /* "**ab|cd**" gives "**ab**|**cd**". */
      g_autofree char *pair = g_strconcat (marker, marker, NULL);
      add_op (c, p, 0, pair);
      return ctx_finish (c, p + m->k, p + m->k);
    }
  /* "**abc|" gives "**abc**|". */
  add_op (c, p, 0, marker);
  return ctx_finish (c, p + m->k, p + m->k);
}

static PortadaMarkdownEdit *
toggle_cursor (Ctx *c, gsize p, PortadaInlineStyle style)
{
  guint n_marks;
  const Mark *marks = marks_of (style, &n_marks);
  gsize ls = line_start (c->text, p), le = line_end (c->text, c->len, p);
  g_autofree char *pair = NULL;
  const char *marker;

  for (guint j = 0; j < n_marks; j++)
    {
      const Mark *m = &marks[j];
      gsize before = run_back (c->text, ls, p, m->c), after = run_fwd (c->text, p, le, m->c);
      if (before == m->k && after == m->k)
        {
          /* "**|**": the empty pair goes. */
          add_op (c, p - before, before, NULL);
          add_op (c, p, after, NULL);
          return ctx_finish (c, p - before, p - before);
        }
    }
  for (guint j = 0; j < n_marks; j++)
    {
      const Mark *m = &marks[j];
      gsize before = run_back (c->text, ls, p, m->c), after = run_fwd (c->text, p, le, m->c);
      guint n = count_runs (c->text, ls, p - before, m) + (run_matches (before, m) ? 1 : 0);
      if (before > 0 && after > 0)
        continue; /* in the middle of a run of markers: not a place to start or end */
      if (n % 2 == 1)
        return leave_span (c, p, le, m, before, after);
    }
  for (guint j = 0; j < n_marks; j++)
    {
      const Mark *m = &marks[j];
      gsize before = run_back (c->text, ls, p, m->c), after = run_fwd (c->text, p, le, m->c);
      /* "**xyz**|" and "|**xyz**": back into the span. */
      if (before > 0 && after == 0 && run_matches (before, m))
        return ctx_finish (c, p - before, p - before);
      if (after > 0 && before == 0 && run_matches (after, m))
        return ctx_finish (c, p + after, p + after);
    }
  marker = marker_text (style, c->text, c->len, p, p);
  pair = g_strconcat (marker, marker, NULL);
  add_op (c, p, 0, pair);
  return ctx_finish (c, p + strlen (marker), p + strlen (marker));
}

PortadaMarkdownEdit *
portada_markdown_toggle_inline (const char *text, glong start, glong end, PortadaInlineStyle style)
{
  Ctx c;
  g_autoptr (GArray) segments = NULL;

  ctx_init (&c, text, start, end);
  if (c.s == c.e)
    return toggle_cursor (&c, c.s, style);
  segments = selection_segments (&c);
  if (segments->len == 0)
    return toggle_cursor (&c, c.e, style);
  return toggle_selection (&c, segments, style);
}

/* Block styles */

typedef struct
{
  gsize quote_end;  /* after "> " markers (the line start when none) */
  gsize indent_end; /* after the spaces before a list marker */
  gsize marker_end; /* after "- ", "1. ", "- [ ] " (indent_end when none) */
  char bullet;      /* '-', '*', '+' or 0 */
  gboolean numbered;
  gint64 number;
  char delim; /* '.' or ')' */
  gboolean task;
} Prefix;

/* "---", "***", "- - -": a rule, not a list item. */
static gboolean
is_rule (const char *t, gsize from, gsize to)
{
  char ch = t[from];
  guint n = 0;

  for (gsize i = from; i < to; i++)
    if (t[i] == ch)
      n++;
    else if (t[i] != ' ' && t[i] != '\t')
      return FALSE;
  return n >= 3;
}

static gboolean
space_or_end (const char *t, gsize i, gsize le)
{
  return i == le || t[i] == ' ' || t[i] == '\t';
}

static void
parse_prefix (const char *t, gsize ls, gsize le, Prefix *pr)
{
  gsize i = ls;

  memset (pr, 0, sizeof *pr);
  while (i < le && t[i] == '>')
    {
      i++;
      if (i < le && t[i] == ' ')
        i++;
    }
  pr->quote_end = i;
  while (i < le && (t[i] == ' ' || t[i] == '\t'))
    i++;
  pr->indent_end = pr->marker_end = i;
  if (i < le && strchr ("-*+", t[i]) && space_or_end (t, i + 1, le) && !is_rule (t, i, le))
    {
      pr->bullet = t[i];
      i += i + 1 < le ? 2 : 1;
      if (i + 2 < le && t[i] == '[' && strchr (" xX", t[i + 1]) && t[i + 2] == ']'
          && space_or_end (t, i + 3, le))
        {
          pr->task = TRUE;
          i += i + 3 < le ? 4 : 3;
        }
      pr->marker_end = i;
      return;
    }
  if (i < le && g_ascii_isdigit (t[i]))
    {
      gsize d = i;
      while (d < le && g_ascii_isdigit (t[d]) && d - i < 9)
        d++;
      if (d < le && (t[d] == '.' || t[d] == ')') && space_or_end (t, d + 1, le))
        {
          pr->numbered = TRUE;
          pr->number = g_ascii_strtoll (t + i, NULL, 10);
          pr->delim = t[d];
          pr->marker_end = d + 1 < le ? d + 2 : d + 1;
        }
    }
}

static gboolean
prefix_has (const Prefix *pr, gsize ls, PortadaBlockStyle style)
{
  switch (style)
    {
      case PORTADA_BLOCK_QUOTE:
        return pr->quote_end > ls;
      case PORTADA_BLOCK_BULLETS:
        return pr->bullet != 0;
      case PORTADA_BLOCK_NUMBERS:
      default:
        return pr->numbered;
    }
}

/* The lines a block command works on: the touched lines that are not blank, or the first
 * touched line when all are. */
static GArray *
target_lines (Ctx *c)
{
  g_autoptr (GArray) starts = touched_lines (c);
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < starts->len; i++)
    {
      gsize ls = g_array_index (starts, gsize, i);
      if (!is_blank (c->text, ls, line_end (c->text, c->len, ls)))
        g_array_append_val (targets, ls);
    }
  if (targets->len == 0)
    g_array_append_val (targets, g_array_index (starts, gsize, 0));
  return targets;
}

static void
block_line (Ctx *c, gsize ls, const Prefix *pr, PortadaBlockStyle style, gboolean off, guint n)
{
  g_autofree char *number = NULL;

  if (style == PORTADA_BLOCK_QUOTE)
    {
      if (off)
        add_op (c, ls, (c->text[ls + 1] == ' ') ? 2 : 1, NULL);
      else if (pr->quote_end == ls)
        add_op (c, ls, 0, "> ");
      return;
    }
  if (off)
    {
      add_op (c, pr->indent_end, pr->marker_end - pr->indent_end, NULL);
      return;
    }
  if (style == PORTADA_BLOCK_BULLETS && pr->bullet == 0)
    add_op (c, pr->indent_end, pr->marker_end - pr->indent_end, "- ");
  else if (style == PORTADA_BLOCK_NUMBERS)
    {
      number = g_strdup_printf ("%u. ", n);
      add_op (c, pr->indent_end, pr->marker_end - pr->indent_end, number);
    }
}

PortadaMarkdownEdit *
portada_markdown_toggle_block (const char *text, glong start, glong end, PortadaBlockStyle style)
{
  Ctx c;
  g_autoptr (GArray) targets = NULL;
  gboolean all = TRUE;

  ctx_init (&c, text, start, end);
  targets = target_lines (&c);
  for (guint i = 0; i < targets->len && all; i++)
    {
      gsize ls = g_array_index (targets, gsize, i);
      Prefix pr;
      parse_prefix (c.text, ls, line_end (c.text, c.len, ls), &pr);
      all = prefix_has (&pr, ls, style);
    }
  for (guint i = 0; i < targets->len; i++)
    {
      gsize ls = g_array_index (targets, gsize, i);
      Prefix pr;
      parse_prefix (c.text, ls, line_end (c.text, c.len, ls), &pr);
      block_line (&c, ls, &pr, style, all, i + 1);
    }
  return ctx_finish_mapped (&c, TRUE, TRUE);
}

/* The level of a heading line ("## " is 2), 0 when it is none; @end is after its mark. */
static int
heading_level (const char *t, gsize ls, gsize le, gsize *end)
{
  gsize n = run_fwd (t, ls, le, '#');

  *end = ls;
  if (n == 0 || n > 6 || !space_or_end (t, ls + n, le))
    return 0;
  *end = ls + n < le ? ls + n + 1 : ls + n;
  return (int) n;
}

PortadaMarkdownEdit *
portada_markdown_set_heading (const char *text, glong start, glong end, int level)
{
  Ctx c;
  g_autoptr (GArray) targets = NULL;
  g_autofree char *hashes = NULL;
  g_autofree char *mark = NULL;
  gboolean all = TRUE;

  level = CLAMP (level, 0, 6);
  ctx_init (&c, text, start, end);
  targets = target_lines (&c);
  for (guint i = 0; i < targets->len && all; i++)
    {
      gsize ls = g_array_index (targets, gsize, i), mark_end;
      all = heading_level (c.text, ls, line_end (c.text, c.len, ls), &mark_end) == level;
    }
  hashes = g_strnfill (level, '#');
  mark = g_strconcat (hashes, " ", NULL);
  for (guint i = 0; i < targets->len; i++)
    {
      gsize ls = g_array_index (targets, gsize, i), mark_end;
      heading_level (c.text, ls, line_end (c.text, c.len, ls), &mark_end);
      add_op (&c, ls, mark_end - ls, level == 0 || all ? NULL : mark);
    }
  return ctx_finish_mapped (&c, TRUE, TRUE);
}

/* Enter */

static char *
continuation (const char *t, gsize ls, const Prefix *pr)
{
  GString *out = g_string_new (NULL);

  g_string_append_len (out, t + ls, pr->indent_end - ls);
  if (pr->quote_end > ls && pr->indent_end == pr->quote_end && t[pr->quote_end - 1] == '>')
    g_string_append_c (out, ' ');
  if (pr->bullet)
    g_string_append_printf (out, "%c ", pr->bullet);
  else if (pr->numbered)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "%c ", pr->number + 1, pr->delim);
  if (pr->task)
    g_string_append (out, "[ ] ");
  return g_string_free (out, FALSE);
}

PortadaMarkdownEdit *
portada_markdown_newline (const char *text, glong cursor)
{
  Ctx c;
  gsize p, ls, le, after;
  gboolean list;
  Prefix pr;
  g_autofree char *marker = NULL;
  g_autofree char *insert = NULL;

  ctx_init (&c, text, cursor, cursor);
  p = c.s;
  ls = line_start (c.text, p);
  le = line_end (c.text, c.len, p);
  parse_prefix (c.text, ls, le, &pr);
  list = pr.bullet || pr.numbered;
  if ((!list && pr.quote_end == ls) || p < (list ? pr.marker_end : pr.quote_end))
    {
      ctx_clear (&c);
      return NULL;
    }
  if (is_blank (c.text, list ? pr.marker_end : pr.quote_end, le))
    {
      /* An empty item ends the list (the quote around it stays); an empty quote line ends
       * the quote. */
      gsize from = list ? pr.quote_end : ls;
      add_op (&c, from, le - from, NULL);
      return ctx_finish (&c, from, from);
    }
  after = p;
  while (after < le && c.text[after] == ' ')
    after++;
  marker = continuation (c.text, ls, &pr);
  insert = g_strconcat (le < c.len ? (c.text[le] == '\r' && c.text[le + 1] == '\n' ? "\r\n"
                                      : c.text[le] == '\r'                         ? "\r"
                                                                                   : "\n")
                                   : text_eol (c.text),
                        marker, NULL);
  add_op (&c, p, after - p, insert);
  return ctx_finish (&c, p + strlen (insert), p + strlen (insert));
}

/* Links and images */

/* Square brackets would end the text early; a line break would end the paragraph. */
static char *
escape_label (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '[' || *p == ']' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, is_eol (*p) ? ' ' : *p);
    }
  return g_string_free (out, FALSE);
}

static char *
escape_url (const char *url)
{
  GString *out = g_string_new (NULL);

  for (const char *p = url; *p; p++)
    if (*p == ' ' || *p == '(' || *p == ')' || *p == '<' || *p == '>')
      g_string_append_printf (out, "%%%02X", (guchar) *p);
    else if (!is_eol (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

PortadaMarkdownEdit *
portada_markdown_insert_link (const char *text, glong start, glong end, const char *label,
                              const char *url)
{
  Ctx c;
  g_autofree char *selected = NULL;
  g_autofree char *l = NULL;
  g_autofree char *u = NULL;
  g_autofree char *link = NULL;

  g_return_val_if_fail (url != NULL, NULL);
  ctx_init (&c, text, start, end);
  selected = g_strndup (c.text + c.s, c.e - c.s);
  l = escape_label (label && *label ? label : *selected ? selected : url);
  u = escape_url (url);
  link = g_strdup_printf ("[%s](%s)", l, u);
  add_op (&c, c.s, c.e - c.s, link);
  return ctx_finish (&c, c.s + strlen (link), c.s + strlen (link));
}

PortadaMarkdownEdit *
portada_markdown_insert_image (const char *text, glong start, glong end, const char *alt,
                               const char *url)
{
  Ctx c;
  g_autofree char *a = NULL;
  g_autofree char *u = NULL;
  g_autofree char *image = NULL;
  const char *before = "", *after = "\n\n", *rest;
  gsize ls;

  g_return_val_if_fail (url != NULL, NULL);
  ctx_init (&c, text, start, end);
  ls = line_start (c.text, c.s);
  if (ls < c.s)
    before = "\n\n";
  else if (ls > 0)
    {
      gsize prev_end = ls - 1;
      if (prev_end > 0 && c.text[prev_end] == '\n' && c.text[prev_end - 1] == '\r')
        prev_end--;
      if (!is_blank (c.text, line_start (c.text, prev_end), prev_end))
        before = "\n";
    }
  rest = c.text + c.e;
  if (g_str_has_prefix (rest, "\n\n") || g_str_has_prefix (rest, "\r\n\r\n"))
    after = "";
  else if (is_eol (*rest))
    after = "\n";
  a = escape_label (alt ? alt : "");
  u = escape_url (url);
  image = g_strdup_printf ("%s![%s](%s)%s", before, a, u, after);
  add_op (&c, c.s, c.e - c.s, image);
  return ctx_finish (&c, c.s + strlen (image), c.s + strlen (image));
}
