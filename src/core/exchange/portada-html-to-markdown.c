/* portada-html-to-markdown.c: HTML to CommonMark through libxml2's HTML parser.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tree is walked once. Blocks are rendered to strings and joined; a container
 * (a quote, a list item) prefixes the lines of what its children gave. Inline
 * content is written with whitespace collapsed as a browser would, and every
 * character of text that Markdown could read as syntax is escaped, so that the
 * Markdown renders back to the same HTML.
 */

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <string.h>

#include "portada-html-to-markdown.h"
#include "portada-sanitizer.h"

typedef enum
{
  KIND_NONE,
  KIND_PARAGRAPH,
  KIND_BULLET_LIST,
  KIND_ORDERED_LIST,
  KIND_OTHER,
} BlockKind;

typedef struct
{
  GPtrArray *dropped;
  xmlDocPtr doc;
} Conv;

typedef struct
{
  GString *s;
  gboolean tight; /* blocks joined by one newline, not a blank line */
  BlockKind last_kind;
  char last_marker;
} Blocks;

typedef struct
{
  GString *s;
  gboolean in_link;   /* brackets are always escaped */
  gboolean in_table;  /* pipes escaped, line breaks as <br> */
  gboolean no_breaks; /* a heading: line breaks become spaces */
} Inline;

/* Left out together with their content; the same list as the sanitizer's. */
static const char *const dropped_elements[]
    = { "script",    "style",   "iframe",   "frame",    "frameset", "object",   "embed",
        "applet",    "form",    "input",    "button",   "select",   "option",   "optgroup",
        "textarea",  "svg",     "math",     "template", "noscript", "noembed",  "noframes",
        "head",      "title",   "meta",     "link",     "base",     "param",    "source",
        "track",     "video",   "audio",    "canvas",   "map",      "area",     "xmp",
        "plaintext", "isindex", "keygen",   "portal",   "dialog",   "datalist", "output",
        "progress",  "meter",   "fieldset", "legend",   "label",    "picture",  "slot",
        "marquee",   "bgsound", "listing",  "image" };

/* Blocks whose children are rendered in their place. */
static const char *const container_elements[]
    = { "html",    "body",       "div",    "section", "article", "header",  "footer", "main",
        "aside",   "nav",        "center", "details", "summary", "address", "hgroup", "dd",
        "dt",      "li",         "tr",     "td",      "th",      "tbody",   "thead",  "tfoot",
        "caption", "figcaption", "menu",   "dir",     "noindex" };

/* Blocks with a Markdown form, or kept as an HTML block. */
static const char *const block_elements[]
    = { "p",  "h1",         "h2",  "h3", "h4",    "h5",     "h6", "ul",
        "ol", "blockquote", "pre", "hr", "table", "figure", "dl" };

/* Inline elements without a Markdown form, kept as (sanitized) inline HTML. */
static const char *const inline_html_elements[]
    = { "abbr", "bdi",  "bdo",   "cite", "dfn", "ins",  "kbd", "mark",
        "q",    "samp", "small", "sub",  "sup", "time", "u",   "var" };
static const char *const inline_html_attributes[] = { "title", "datetime", "dir", "lang" };

static gboolean
in_list (const char *const *list, gsize n, const char *name)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

#define IN(list, name) in_list (list, G_N_ELEMENTS (list), (const char *) (name))

static gboolean
is_element (xmlNodePtr n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) n->name, name) == 0;
}

static gboolean
is_dropped (xmlNodePtr n)
{
  return n->type == XML_ELEMENT_NODE && IN (dropped_elements, n->name);
}

static gboolean
is_blockish (xmlNodePtr n)
{
  return n->type == XML_ELEMENT_NODE
         && (IN (block_elements, n->name) || IN (container_elements, n->name));
}

static char *
get_attr (xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp (n, (const xmlChar *) name);
  char *copy = v ? g_strdup ((const char *) v) : NULL;
  xmlFree (v);
  return copy;
}

static void
note_dropped (Conv *c, xmlNodePtr n)
{
  if (c->dropped == NULL)
    return;
  for (guint i = 0; i < c->dropped->len; i++)
    if (g_ascii_strcasecmp (c->dropped->pdata[i], (const char *) n->name) == 0)
      return;
  g_ptr_array_add (c->dropped, g_ascii_strdown ((const char *) n->name, -1));
}

static void
blocks_add (Blocks *b, const char *text, BlockKind kind)
{
  if (text == NULL || *text == '\0')
    return;
  if (b->s->len)
    g_string_append (b->s, b->tight ? "\n" : "\n\n");
  g_string_append (b->s, text);
  b->last_kind = kind;
}

/* Inline content */

static char
last_char (GString *s)
{
  return s->len ? s->str[s->len - 1] : '\0';
}

static gboolean
word_byte (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

static void
append_space (Inline *il)
{
  char last = last_char (il->s);
  if (last != '\0' && last != ' ' && last != '\n')
    g_string_append_c (il->s, ' ');
}

static gboolean
looks_like_entity (const char *p)
{
  const char *q = p + 1;

  if (*q == '#')
    q++;
  if (!g_ascii_isalnum (*q))
    return FALSE;
  while (g_ascii_isalnum (*q))
    q++;
  return *q == ';';
}

/* Escapes what would start a block at the beginning of a line; returns the
 * number of bytes of @p it consumed (0 when nothing needed it). */
static gsize
escape_line_start (GString *out, const char *p)
{
  gsize digits = 0;

  switch (*p)
    {
      case '#':
      case '>':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        return 1;
      case '-':
      case '+':
      case '=':
        if (p[1] == '\0' || p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == *p)
          {
            g_string_append_c (out, '\\');
            g_string_append_c (out, *p);
            return 1;
          }
        return 0;
      default:
        break;
    }
  while (g_ascii_isdigit (p[digits]) && digits < 10)
    digits++;
  if (digits > 0 && (p[digits] == '.' || p[digits] == ')'))
    {
      g_string_append_len (out, p, digits);
      g_string_append_c (out, '\\');
      g_string_append_c (out, p[digits]);
      return digits + 1;
    }
  return 0;
}

static void
append_text (Inline *il, const char *text)
{
  GString *s = il->s;

  for (const char *p = text; *p;)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          append_space (il);
          p++;
          continue;
        }
      if (s->len == 0 || last_char (s) == '\n')
        {
          gsize used = escape_line_start (s, p);
          if (used)
            {
              p += used;
              continue;
            }
        }
      switch (c)
        {
          case '\\':
          case '*':
          case '`':
          case '~':
            g_string_append_c (s, '\\');
            break;
          case '_':
            if (!word_byte (last_char (s)) || !word_byte (p[1]))
              g_string_append_c (s, '\\');
            break;
          case '[':
            if (il->in_link)
              g_string_append_c (s, '\\');
            break;
          case ']':
            if (il->in_link || p[1] == '\0' || p[1] == '(' || p[1] == '[' || p[1] == ':')
              g_string_append_c (s, '\\');
            break;
          case '<':
            if (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?')
              g_string_append_c (s, '\\');
            break;
          case '&':
            if (looks_like_entity (p))
              g_string_append_c (s, '\\');
            break;
          case '|':
            if (il->in_table)
              g_string_append_c (s, '\\');
            break;
          default:
            break;
        }
      g_string_append_c (s, c);
      p++;
    }
}

static void render_inline_children (Conv *c, xmlNodePtr first, Inline *il);

/* Puts a leading and a trailing space of @s after @start outside the delimiters,
 * so that "<em> x </em>" gives " *x* ", not "* x *". Returns FALSE (and removes
 * the opening delimiter) when there is nothing inside. */
static gboolean
close_span (Inline *il, gsize start, const char *delim)
{
  GString *s = il->s;
  gsize dl = strlen (delim);
  gboolean trailing = FALSE;

  if (s->len > start + dl && s->str[start + dl] == ' ')
    {
      g_string_erase (s, start + dl, 1);
      if (start > 0 && s->str[start - 1] != ' ' && s->str[start - 1] != '\n')
        g_string_insert_c (s, start, ' '), start++;
    }
  while (s->len > start + dl && (last_char (s) == ' '))
    {
      g_string_truncate (s, s->len - 1);
      trailing = TRUE;
    }
  if (s->len == start + dl)
    {
      g_string_truncate (s, start);
      if (trailing)
        append_space (il);
      return FALSE;
    }
  g_string_append (s, delim);
  if (trailing)
    g_string_append_c (s, ' ');
  return TRUE;
}

static void
render_span (Conv *c, xmlNodePtr n, Inline *il, const char *delim)
{
  gsize start = il->s->len;

  g_string_append (il->s, delim);
  render_inline_children (c, n->children, il);
  close_span (il, start, delim);
}

static void
render_emphasis (Conv *c, xmlNodePtr n, Inline *il)
{
  gsize start = il->s->len;
  gboolean after_star
      = last_char (il->s) == '*' && !word_byte (start > 1 ? il->s->str[start - 2] : ' ');
  gboolean edge_of_strong = (is_element (n->parent, "strong") || is_element (n->parent, "b"))
                            && (n->prev == NULL || n->next == NULL);
  /* "**_x_**": a star inside strong's stars would read as "***x***". */
  const char *delim = (after_star || edge_of_strong) && !word_byte (last_char (il->s)) ? "_" : "*";

  g_string_append (il->s, delim);
  render_inline_children (c, n->children, il);
  close_span (il, start, delim);
}

static char *
text_content (xmlNodePtr n)
{
  xmlChar *t = xmlNodeGetContent (n);
  char *copy = g_strdup (t ? (const char *) t : "");
  xmlFree (t);
  return copy;
}

static void
render_code (xmlNodePtr n, Inline *il)
{
  g_autofree char *text = text_content (n);
  guint longest = 0, run = 0;
  g_autofree char *fence = NULL;
  gboolean pad;

  for (char *p = text; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  if (*text == '\0')
    return;
  fence = g_strnfill (longest + 1, '`');
  pad = text[0] == '`' || text[strlen (text) - 1] == '`'
        || (text[0] == ' ' && text[strlen (text) - 1] == ' ' && strspn (text, " ") < strlen (text));
  g_string_append_printf (il->s, "%s%s%s%s%s", fence, pad ? " " : "", text, pad ? " " : "", fence);
}

/* A link destination: as it is when it is plain, else between < and >. */
static void
append_destination (GString *s, const char *url)
{
  gboolean plain = *url != '\0';
  int depth = 0;

  for (const char *p = url; *p && plain; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && --depth < 0)
        plain = FALSE;
      if (*p == ' ' || *p == '<' || *p == '>' || *p == '\\' || (guchar) *p < 0x20)
        plain = FALSE;
    }
  if (plain && depth == 0)
    {
      g_string_append (s, url);
      return;
    }
  g_string_append_c (s, '<');
  for (const char *p = url; *p; p++)
    {
      if (*p == '<' || *p == '>' || *p == '\\')
        g_string_append_c (s, '\\');
      if (*p == '\n' || *p == '\r')
        continue;
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '>');
}

static void
append_title (GString *s, const char *title)
{
  if (title == NULL || *title == '\0')
    return;
  g_string_append (s, " \"");
  for (const char *p = title; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p == '\n' ? ' ' : *p);
    }
  g_string_append_c (s, '"');
}

static void
escape_bang (Inline *il)
{
  GString *s = il->s;
  /* "!" right before a link would make it an image. */
  if (last_char (s) == '!' && (s->len < 2 || s->str[s->len - 2] != '\\'))
    g_string_insert_c (s, s->len - 1, '\\');
}

static void
render_link (Conv *c, xmlNodePtr n, Inline *il)
{
  g_autofree char *href = get_attr (n, "href");
  g_autofree char *url = href ? portada_sanitize_url (href, FALSE) : NULL;
  g_autofree char *title = get_attr (n, "title");
  g_autofree char *plain = NULL;
  gsize start;
  gboolean was_in_link = il->in_link;

  if (url == NULL || il->in_link)
    {
      render_inline_children (c, n->children, il);
      return;
    }
  plain = text_content (n);
  g_strstrip (plain);
  if (title == NULL && n->children && n->children->next == NULL
      && n->children->type == XML_TEXT_NODE
      && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"))
      && g_str_equal (plain, url) && strpbrk (url, " <>") == NULL)
    {
      g_string_append_printf (il->s, "<%s>", url);
      return;
    }
  escape_bang (il);
  start = il->s->len;
  g_string_append_c (il->s, '[');
  il->in_link = TRUE;
  render_inline_children (c, n->children, il);
  il->in_link = was_in_link;
  while (il->s->len > start + 1 && last_char (il->s) == ' ')
    g_string_truncate (il->s, il->s->len - 1);
  if (il->s->len > start + 1 && il->s->str[start + 1] == ' ')
    g_string_erase (il->s, start + 1, 1);
  g_string_append (il->s, "](");
  append_destination (il->s, url);
  append_title (il->s, title);
  g_string_append_c (il->s, ')');
}

static void
render_image (xmlNodePtr n, Inline *il)
{
  g_autofree char *src = get_attr (n, "src");
  g_autofree char *url = src ? portada_sanitize_url (src, TRUE) : NULL;
  g_autofree char *alt = get_attr (n, "alt");
  g_autofree char *title = get_attr (n, "title");
  Inline alt_il = { NULL, TRUE, FALSE, TRUE };

  if (url == NULL)
    return;
  alt_il.s = g_string_new (NULL);
  if (alt)
    append_text (&alt_il, alt);
  while (alt_il.s->len && last_char (alt_il.s) == ' ')
    g_string_truncate (alt_il.s, alt_il.s->len - 1);
  if (il->in_link == FALSE)
    escape_bang (il);
  g_string_append (il->s, "![");
  g_string_append (il->s, alt_il.s->str);
  g_string_append (il->s, "](");
  append_destination (il->s, url);
  append_title (il->s, title);
  g_string_append_c (il->s, ')');
  g_string_free (alt_il.s, TRUE);
}

static void
render_inline_html (Conv *c, xmlNodePtr n, Inline *il)
{
  g_autofree char *name = g_ascii_strdown ((const char *) n->name, -1);
  gsize start = il->s->len;

  g_string_append_printf (il->s, "<%s", name);
  for (guint i = 0; i < G_N_ELEMENTS (inline_html_attributes); i++)
    {
      g_autofree char *v = get_attr (n, inline_html_attributes[i]);
      g_autofree char *escaped = NULL;
      if (v == NULL)
        continue;
      escaped = g_markup_escape_text (v, -1);
      g_string_append_printf (il->s, " %s=\"%s\"", inline_html_attributes[i], escaped);
    }
  g_string_append_c (il->s, '>');
  {
    gsize inner = il->s->len;
    render_inline_children (c, n->children, il);
    if (il->s->len == inner)
      {
        g_string_truncate (il->s, start);
        return;
      }
  }
  g_string_append_printf (il->s, "</%s>", name);
}

static void
render_break (Inline *il)
{
  if (il->no_breaks)
    {
      append_space (il);
      return;
    }
  if (il->in_table)
    {
      g_string_append (il->s, "<br>");
      return;
    }
  while (last_char (il->s) == ' ')
    g_string_truncate (il->s, il->s->len - 1);
  if (il->s->len == 0 || last_char (il->s) == '\n')
    return;
  g_string_append (il->s, "\\\n");
}

static void
render_inline (Conv *c, xmlNodePtr n, Inline *il)
{
  const char *name;

  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
    {
      append_text (il, (const char *) n->content);
      return;
    }
  if (n->type != XML_ELEMENT_NODE)
    return;
  if (is_dropped (n))
    {
      note_dropped (c, n);
      return;
    }
  name = (const char *) n->name;
  if (!g_ascii_strcasecmp (name, "em") || !g_ascii_strcasecmp (name, "i"))
    render_emphasis (c, n, il);
  else if (!g_ascii_strcasecmp (name, "strong") || !g_ascii_strcasecmp (name, "b"))
    render_span (c, n, il, "**");
  else if (!g_ascii_strcasecmp (name, "del") || !g_ascii_strcasecmp (name, "s")
           || !g_ascii_strcasecmp (name, "strike"))
    render_span (c, n, il, "~~");
  else if (!g_ascii_strcasecmp (name, "code") || !g_ascii_strcasecmp (name, "tt"))
    render_code (n, il);
  else if (!g_ascii_strcasecmp (name, "a"))
    render_link (c, n, il);
  else if (!g_ascii_strcasecmp (name, "img"))
    render_image (n, il);
  else if (!g_ascii_strcasecmp (name, "br"))
    render_break (il);
  else if (IN (inline_html_elements, name))
    render_inline_html (c, n, il);
  else
    {
      /* span, font, unknown elements, blocks met inside inline content */
      if (is_blockish (n))
        append_space (il);
      render_inline_children (c, n->children, il);
      if (is_blockish (n))
        append_space (il);
    }
}

static void
render_inline_children (Conv *c, xmlNodePtr first, Inline *il)
{
  for (xmlNodePtr n = first; n; n = n->next)
    render_inline (c, n, il);
}

/* Renders the inline nodes from @first up to (not including) @end. */
static char *
render_inline_run (Conv *c, xmlNodePtr first, xmlNodePtr end, gboolean no_breaks)
{
  Inline il = { g_string_new (NULL), FALSE, FALSE, no_breaks };

  for (xmlNodePtr n = first; n && n != end; n = n->next)
    render_inline (c, n, &il);
  /* A hard break or a space at the end means nothing. */
  for (;;)
    {
      if (last_char (il.s) == ' ' || last_char (il.s) == '\n')
        g_string_truncate (il.s, il.s->len - 1);
      else if (g_str_has_suffix (il.s->str, "\\\n"))
        g_string_truncate (il.s, il.s->len - 2);
      else
        break;
    }
  if (g_str_has_suffix (il.s->str, "\\") && !g_str_has_suffix (il.s->str, "\\\\"))
    g_string_truncate (il.s, il.s->len - 1);
  return g_string_free (il.s, FALSE);
}

/* Blocks */

static void render_blocks (Conv *c, xmlNodePtr first, Blocks *b);
static void render_block (Conv *c, xmlNodePtr n, Blocks *b);
static void flush_paragraph (Conv *c, xmlNodePtr first, xmlNodePtr end, Blocks *b);

static char *
prefix_lines (const char *text, const char *first, const char *rest, const char *empty)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (*lines[i] == '\0')
        g_string_append (out, i == 0 ? first : empty);
      else
        {
          g_string_append (out, i == 0 ? first : rest);
          g_string_append (out, lines[i]);
        }
    }
  return g_string_free (out, FALSE);
}

static void
render_heading (Conv *c, xmlNodePtr n, Blocks *b)
{
  int level = n->name[1] - '0';
  g_autofree char *text = render_inline_run (c, n->children, NULL, TRUE);
  g_autofree char *hashes = g_strnfill (level, '#');
  g_autofree char *line = NULL;

  if (*text == '\0')
    return;
  if (g_str_has_suffix (text, "#"))
    {
      g_autofree char *t = g_strndup (text, strlen (text) - 1);
      line = g_strdup_printf ("%s %s\\#", hashes, t);
    }
  else
    line = g_strdup_printf ("%s %s", hashes, text);
  blocks_add (b, line, KIND_OTHER);
}

static void
render_quote (Conv *c, xmlNodePtr n, Blocks *b)
{
  Blocks inner = { g_string_new (NULL), FALSE, KIND_NONE, 0 };
  g_autofree char *quoted = NULL;

  render_blocks (c, n->children, &inner);
  if (inner.s->len)
    {
      quoted = prefix_lines (inner.s->str, "> ", "> ", ">");
      blocks_add (b, quoted, KIND_OTHER);
    }
  g_string_free (inner.s, TRUE);
}

static void
render_pre (xmlNodePtr n, Blocks *b)
{
  g_autofree char *text = text_content (n);
  g_autofree char *lang = NULL;
  g_autofree char *fence = NULL;
  GString *out = g_string_new (NULL);
  guint longest = 0, run = 0;

  for (xmlNodePtr child = n->children; child; child = child->next)
    if (is_element (child, "code"))
      {
        g_autofree char *cls = get_attr (child, "class");
        g_auto (GStrv) classes = cls ? g_strsplit (cls, " ", -1) : NULL;
        for (guint i = 0; classes && classes[i] && lang == NULL; i++)
          if (g_str_has_prefix (classes[i], "language-"))
            lang = g_strdup (classes[i] + 9);
          else if (g_str_has_prefix (classes[i], "lang-"))
            lang = g_strdup (classes[i] + 5);
      }
  if (lang && strpbrk (lang, "`~ \t\n"))
    g_clear_pointer (&lang, g_free);
  for (const char *p = text; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  fence = g_strnfill (MAX (3, longest + 1), '`');
  g_string_append_printf (out, "%s%s\n%s", fence, lang ? lang : "", text);
  if (*text && !g_str_has_suffix (text, "\n"))
    g_string_append_c (out, '\n');
  g_string_append (out, fence);
  blocks_add (b, out->str, KIND_OTHER);
  g_string_free (out, TRUE);
}

/* Kept as an HTML block: sanitized, on one line (a blank line would end it). */
static void
render_html_block (Conv *c, xmlNodePtr n, Blocks *b)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  g_autofree char *clean = NULL;
  GString *out = g_string_new (NULL);

  htmlNodeDump (buf, c->doc, n);
  clean = portada_sanitize_html ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  g_strstrip (clean);
  for (const char *p = clean; *p; p++)
    if (*p == '\n')
      g_string_append (out, "&#10;");
    else if (*p != '\r')
      g_string_append_c (out, *p);
  if (out->len && out->str[0] == '<')
    blocks_add (b, out->str, KIND_OTHER);
  else if (out->len)
    {
      /* The sanitizer kept only text: a paragraph of it. */
      g_autofree char *text = render_inline_run (c, n->children, NULL, FALSE);
      blocks_add (b, text, KIND_PARAGRAPH);
    }
  g_string_free (out, TRUE);
}

static gboolean
has_child_element (xmlNodePtr n, const char *name)
{
  for (xmlNodePtr child = n->children; child; child = child->next)
    if (is_element (child, name))
      return TRUE;
  return FALSE;
}

static gboolean
is_visible_text (xmlNodePtr n)
{
  if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
    return FALSE;
  for (const char *p = (const char *) n->content; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

static void
render_list (Conv *c, xmlNodePtr n, Blocks *b)
{
  gboolean ordered = is_element (n, "ol");
  BlockKind kind = ordered ? KIND_ORDERED_LIST : KIND_BULLET_LIST;
  g_autofree char *start_attr = get_attr (n, "start");
  gint64 number = start_attr ? g_ascii_strtoll (start_attr, NULL, 10) : 1;
  gboolean loose = FALSE;
  char marker;
  GString *out = g_string_new (NULL);

  if (number < 0 || number > 999999999)
    number = 1;
  for (xmlNodePtr li = n->children; li; li = li->next)
    if (is_element (li, "li")
        && (has_child_element (li, "p") || has_child_element (li, "pre")
            || has_child_element (li, "blockquote")))
      loose = TRUE;

  /* Two lists in a row would merge: the second one takes another marker. */
  if (ordered)
    marker = b->last_kind == KIND_ORDERED_LIST && b->last_marker == '.' ? ')' : '.';
  else
    marker = b->last_kind == KIND_BULLET_LIST && b->last_marker == '-' ? '*' : '-';

  for (xmlNodePtr li = n->children; li; li = li->next)
    {
      Blocks item = { g_string_new (NULL), !loose, KIND_NONE, 0 };
      g_autofree char *mark = NULL;
      g_autofree char *indent = NULL;
      g_autofree char *text = NULL;

      if (li->type != XML_ELEMENT_NODE && !is_visible_text (li))
        {
          g_string_free (item.s, TRUE);
          continue;
        }
      if (is_element (li, "li"))
        render_blocks (c, li->children, &item);
      else if (is_blockish (li))
        render_block (c, li, &item); /* stray content: an item of its own */
      else
        flush_paragraph (c, li, li->next, &item);
      mark = ordered ? g_strdup_printf ("%" G_GINT64_FORMAT "%c ", number++, marker)
                     : g_strdup_printf ("%c ", marker);
      indent = g_strnfill (strlen (mark), ' ');
      if (item.s->len == 0)
        text = g_strndup (mark, strlen (mark) - 1);
      else
        text = prefix_lines (item.s->str, mark, indent, "");
      if (out->len)
        g_string_append (out, loose ? "\n\n" : "\n");
      g_string_append (out, text);
      g_string_free (item.s, TRUE);
    }
  if (out->len)
    {
      blocks_add (b, out->str, kind);
      b->last_marker = marker;
    }
  g_string_free (out, TRUE);
}

static char *
cell_align (xmlNodePtr cell)
{
  g_autofree char *align = get_attr (cell, "align");
  g_autofree char *style = get_attr (cell, "style");

  if (align == NULL && style)
    {
      char *p = strstr (style, "text-align");
      if (p && (p = strchr (p, ':')))
        align = g_strstrip (g_strndup (p + 1, strcspn (p + 1, ";")));
    }
  return align ? g_ascii_strdown (align, -1) : NULL;
}

static void
collect_rows (xmlNodePtr n, GPtrArray *rows, gboolean *complex)
{
  for (xmlNodePtr child = n->children; child; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (child, "tr"))
        g_ptr_array_add (rows, child);
      else if (is_element (child, "thead") || is_element (child, "tbody")
               || is_element (child, "tfoot"))
        collect_rows (child, rows, complex);
      else if (!is_element (child, "colgroup") && !is_element (child, "col"))
        *complex = TRUE; /* a caption, or something that has no place in a pipe table */
    }
}

static gboolean
cell_is_simple (xmlNodePtr cell)
{
  g_autofree char *colspan = get_attr (cell, "colspan");
  g_autofree char *rowspan = get_attr (cell, "rowspan");

  if ((colspan && atoi (colspan) > 1) || (rowspan && atoi (rowspan) > 1))
    return FALSE;
  for (xmlNodePtr n = cell->children; n; n = n->next)
    if (is_blockish (n) || is_element (n, "img"))
      {
        if (is_element (n, "img"))
          continue;
        return FALSE;
      }
  return TRUE;
}

static void
render_table (Conv *c, xmlNodePtr n, Blocks *b)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  gboolean complex = FALSE;
  guint columns = 0;
  GString *out;

  collect_rows (n, rows, &complex);
  for (guint r = 0; r < rows->len && !complex; r++)
    {
      guint count = 0;
      for (xmlNodePtr cell = ((xmlNodePtr) rows->pdata[r])->children; cell; cell = cell->next)
        {
          if (!is_element (cell, "td") && !is_element (cell, "th"))
            continue;
          count++;
          if (!cell_is_simple (cell) || (r == 0 && !is_element (cell, "th")))
            complex = TRUE;
        }
      columns = MAX (columns, count);
    }
  if (complex || rows->len == 0 || columns == 0)
    {
      render_html_block (c, n, b);
      return;
    }
  out = g_string_new (NULL);
  for (guint r = 0; r < rows->len; r++)
    {
      guint count = 0;
      g_string_append_c (out, '|');
      for (xmlNodePtr cell = ((xmlNodePtr) rows->pdata[r])->children; cell; cell = cell->next)
        {
          Inline il = { g_string_new (NULL), FALSE, TRUE, FALSE };
          if (!is_element (cell, "td") && !is_element (cell, "th"))
            {
              g_string_free (il.s, TRUE);
              continue;
            }
          render_inline_children (c, cell->children, &il);
          g_strstrip (il.s->str);
          g_string_append_printf (out, " %s |", il.s->str);
          g_string_free (il.s, TRUE);
          count++;
        }
      for (; count < columns; count++)
        g_string_append (out, "  |");
      g_string_append_c (out, '\n');
      if (r == 0)
        {
          guint i = 0;
          g_string_append_c (out, '|');
          for (xmlNodePtr cell = ((xmlNodePtr) rows->pdata[0])->children; cell; cell = cell->next)
            {
              g_autofree char *align = NULL;
              if (!is_element (cell, "th"))
                continue;
              align = cell_align (cell);
              g_string_append (out, g_strcmp0 (align, "center") == 0  ? " :---: |"
                                    : g_strcmp0 (align, "right") == 0 ? " ---: |"
                                    : g_strcmp0 (align, "left") == 0  ? " :--- |"
                                                                      : " --- |");
              i++;
            }
          for (; i < columns; i++)
            g_string_append (out, " --- |");
          g_string_append_c (out, '\n');
        }
    }
  g_string_truncate (out, out->len - 1);
  blocks_add (b, out->str, KIND_OTHER);
  g_string_free (out, TRUE);
}

static void
render_block (Conv *c, xmlNodePtr n, Blocks *b)
{
  const char *name = (const char *) n->name;

  if (!g_ascii_strcasecmp (name, "p"))
    {
      g_autofree char *text = render_inline_run (c, n->children, NULL, FALSE);
      blocks_add (b, text, KIND_PARAGRAPH);
    }
  else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    render_heading (c, n, b);
  else if (!g_ascii_strcasecmp (name, "ul") || !g_ascii_strcasecmp (name, "ol"))
    render_list (c, n, b);
  else if (!g_ascii_strcasecmp (name, "blockquote"))
    render_quote (c, n, b);
  else if (!g_ascii_strcasecmp (name, "pre"))
    render_pre (n, b);
  else if (!g_ascii_strcasecmp (name, "hr"))
    blocks_add (b, "***", KIND_OTHER);
  else if (!g_ascii_strcasecmp (name, "table"))
    render_table (c, n, b);
  else if (!g_ascii_strcasecmp (name, "figure") || !g_ascii_strcasecmp (name, "dl"))
    render_html_block (c, n, b);
  else
    render_blocks (c, n->children, b); /* containers */
}

static void
flush_paragraph (Conv *c, xmlNodePtr first, xmlNodePtr end, Blocks *b)
{
  g_autofree char *text = NULL;

  if (first == NULL)
    return;
  text = render_inline_run (c, first, end, FALSE);
  blocks_add (b, text, KIND_PARAGRAPH);
}

static void
render_blocks (Conv *c, xmlNodePtr first, Blocks *b)
{
  xmlNodePtr run = NULL;

  for (xmlNodePtr n = first; n; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE && is_dropped (n))
        {
          note_dropped (c, n);
          continue;
        }
      if (n->type == XML_ELEMENT_NODE && is_blockish (n))
        {
          flush_paragraph (c, run, n, b);
          run = NULL;
          render_block (c, n, b);
          continue;
        }
      if (run == NULL
          && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE
              || n->type == XML_ELEMENT_NODE))
        run = n;
    }
  flush_paragraph (c, run, NULL, b);
}

static htmlDocPtr
parse_html (const char *html)
{
  g_autofree char *valid = g_utf8_make_valid (html ? html : "", -1);
  g_autofree char *wrapped = g_strconcat ("<html><body>", valid, "</body></html>", NULL);

  return htmlReadMemory (wrapped, strlen (wrapped), NULL, "UTF-8",
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                             | HTML_PARSE_NODEFDTD);
}

static xmlNodePtr
find_body (htmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;
  for (xmlNodePtr n = root->children; n; n = n->next)
    if (is_element (n, "body"))
      return n;
  return root;
}

char *
portada_html_to_markdown (const char *html, GPtrArray *dropped)
{
  htmlDocPtr doc = parse_html (html);
  Conv c = { dropped, doc };
  Blocks b = { g_string_new (NULL), FALSE, KIND_NONE, 0 };
  xmlNodePtr body = doc ? find_body (doc) : NULL;

  if (body)
    render_blocks (&c, body->children, &b);
  if (doc)
    xmlFreeDoc (doc);
  if (b.s->len)
    g_string_append_c (b.s, '\n');
  return g_string_free (b.s, FALSE);
}

static void
collect_text (xmlNodePtr first, GString *out)
{
  for (xmlNodePtr n = first; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        for (const char *p = (const char *) n->content; *p; p++)
          {
            if (g_ascii_isspace (*p))
              {
                if (out->len && out->str[out->len - 1] != ' ')
                  g_string_append_c (out, ' ');
              }
            else
              g_string_append_c (out, *p);
          }
      else if (n->type == XML_ELEMENT_NODE && !is_dropped (n))
        {
          gboolean spaced = is_blockish (n) || is_element (n, "br");
          if (spaced && out->len && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          collect_text (n->children, out);
          if (spaced && out->len && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
    }
}

char *
portada_html_to_text (const char *html)
{
  htmlDocPtr doc;
  xmlNodePtr body;
  GString *out = g_string_new (NULL);

  if (html == NULL || *html == '\0')
    return g_string_free (out, FALSE);
  if (strpbrk (html, "<&") == NULL)
    {
      /* Nothing to decode: only collapse the whitespace. */
      g_autofree char *valid = g_utf8_make_valid (html, -1);
      for (const char *p = valid; *p; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (out, *p);
        else if (out->len && out->str[out->len - 1] != ' ')
          g_string_append_c (out, ' ');
    }
  else if ((doc = parse_html (html)))
    {
      body = find_body (doc);
      if (body)
        collect_text (body->children, out);
      xmlFreeDoc (doc);
    }
  g_strchomp (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

/* WordPress's automatic paragraphs */

#define ALLBLOCKS                                                                                  \
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|"   \
  "area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|"   \
  "header|footer|nav|figure|figcaption|details|menu|summary)"

static char *
replace (const char *text, const char *pattern, const char *replacement)
{
  g_autoptr (GRegex) re
      = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);
  char *out;

  g_assert (re != NULL);
  out = g_regex_replace (re, text, -1, 0, replacement, 0, NULL);
  return out ? out : g_strdup (text);
}

static void
replace_in_place (char **text, const char *pattern, const char *replacement)
{
  char *out = replace (*text, pattern, replacement);
  g_free (*text);
  *text = out;
}

/* [caption ...]<img> text[/caption] → <figure><img><figcaption>text</figcaption></figure> */
static char *
captions_to_figures (const char *text)
{
  return replace (text,
                  "\\[caption[^\\]]*\\]\\s*((?:<a [^>]*>\\s*)?<img [^>]*>(?:\\s*</a>)?)\\s*(.*?)"
                  "\\[/caption\\]",
                  "<figure>\\1<figcaption>\\2</figcaption></figure>");
}

char *
portada_wp_autop (const char *content)
{
  g_autoptr (GPtrArray) pres = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) pre_re = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_auto (GStrv) chunks = NULL;
  GString *text;
  char *pee;

  g_autofree char *valid = NULL;

  if (content == NULL)
    return g_strdup ("");
  if (strstr (content, "<!-- wp:"))
    return g_strdup (content);
  /* GRegex takes its subject for UTF-8 as it is: bytes that are not are replaced first
   * (matched as they are, they make PCRE's compiled code read past the text). */
  if (!g_utf8_validate (content, -1, NULL))
    content = valid = g_utf8_make_valid (content, -1);

  pee = replace (content, "\\r\\n?", "\n");
  replace_in_place (&pee, "^\\s+$", "");
  if (*pee == '\0')
    return pee;
  replace_in_place (&pee, "\\[caption", "[caption");
  {
    char *figures = captions_to_figures (pee);
    g_free (pee);
    pee = figures;
  }

  /* <pre> is kept as it is: set aside, put back at the end. */
  pre_re = g_regex_new ("<pre[\\s>].*?</pre>", G_REGEX_CASELESS | G_REGEX_DOTALL, 0, NULL);
  text = g_string_new (NULL);
  {
    const char *from = pee;
    g_regex_match (pre_re, pee, 0, &match);
    while (g_match_info_matches (match))
      {
        int s, e;
        g_match_info_fetch_pos (match, 0, &s, &e);
        g_string_append_len (text, from, (pee + s) - from);
        g_string_append_printf (text, "<pre wp-pre-tag-%u></pre>", pres->len);
        g_ptr_array_add (pres, g_strndup (pee + s, e - s));
        from = pee + e;
        g_match_info_next (match, NULL);
      }
    g_string_append (text, from);
  }
  g_free (pee);
  pee = g_string_free (text, FALSE);

  {
    char *t = g_strconcat (pee, "\n", NULL);
    g_free (pee);
    pee = t;
  }
  replace_in_place (&pee, "<br\\s*/?>\\s*<br\\s*/?>", "\n\n");
  replace_in_place (&pee, "(<" ALLBLOCKS "[\\s/>])", "\n\n\\1");
  replace_in_place (&pee, "(</" ALLBLOCKS ">)", "\\1\n\n");
  replace_in_place (&pee, "\\n[ \\t]*\\n", "\n\n");
  replace_in_place (&pee, "\\n\\n+", "\n\n");

  chunks = g_strsplit (pee, "\n\n", -1);
  g_free (pee);
  text = g_string_new (NULL);
  for (guint i = 0; chunks[i]; i++)
    {
      g_strstrip (chunks[i]);
      if (*chunks[i])
        g_string_append_printf (text, "<p>%s</p>\n", chunks[i]);
    }
  pee = g_string_free (text, FALSE);

  replace_in_place (&pee, "<p>\\s*</p>", "");
  replace_in_place (&pee, "<p>([^<]+)</(div|address|form)>", "<p>\\1</p></\\2>");
  replace_in_place (&pee, "<p>\\s*(</?" ALLBLOCKS "[^>]*>)\\s*</p>", "\\1");
  replace_in_place (&pee, "<p>(<li.+?)</p>", "\\1");
  replace_in_place (&pee, "<p><blockquote([^>]*)>", "<blockquote\\1><p>");
  replace_in_place (&pee, "</blockquote></p>", "</p></blockquote>");
  replace_in_place (&pee, "<p>\\s*(</?" ALLBLOCKS "[^>]*>)", "\\1");
  replace_in_place (&pee, "(</?" ALLBLOCKS "[^>]*>)\\s*</p>", "\\1");
  replace_in_place (&pee, "(?<!<br />)\\s*\\n", "<br />\n");
  replace_in_place (&pee, "(</?" ALLBLOCKS "[^>]*>)\\s*<br />", "\\1");
  replace_in_place (&pee, "<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", "\\1");
  replace_in_place (&pee, "\\n</p>$", "</p>");

  for (guint i = 0; i < pres->len; i++)
    {
      g_autofree char *mark = g_strdup_printf ("<pre wp-pre-tag-%u></pre>", i);
      char *at = strstr (pee, mark);
      if (at)
        {
          g_autofree char *before = g_strndup (pee, at - pee);
          char *t = g_strconcat (before, pres->pdata[i], at + strlen (mark), NULL);
          g_free (pee);
          pee = t;
        }
    }
  return pee;
}
