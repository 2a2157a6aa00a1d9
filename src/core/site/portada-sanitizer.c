/* portada-sanitizer.c: an allow-list HTML sanitizer on libxml2's HTML parser.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is parsed, then a new tree is built from what is allowed, and that
 * tree is serialized by portada-html.c (HTML5 rules, every text escaped). Nothing
 * of the input is copied as markup: only element names from the list below and
 * attribute values that passed their check reach the output.
 */

#include "config.h"

#include <string.h>

#include "portada-html.h"
#include "portada-sanitizer.h"

/* Deeper than this, elements are flattened to their text. */
#define MAX_DEPTH 64

typedef enum
{
  ATTR_TEXT,    /* any text */
  ATTR_URL,     /* a link URL */
  ATTR_IMG_URL, /* an image URL (data: images allowed) */
  ATTR_NUMBER,  /* 1 to 4 digits */
  ATTR_DIR,     /* ltr, rtl, auto */
  ATTR_ALIGN,   /* left, right, center, justify */
  ATTR_LANG,    /* a language tag */
  ATTR_CLASS,   /* language-xxx, as Markdown code blocks have */
  ATTR_BOOL,
} AttrKind;

typedef struct
{
  const char *element; /* NULL: every allowed element */
  const char *name;
  AttrKind kind;
} AllowedAttr;

static const char *const allowed_elements[]
    = { "a",      "abbr",       "b",        "bdi", "bdo",   "blockquote", "br",   "caption", "cite",
        "code",   "col",        "colgroup", "dd",  "del",   "dfn",        "div",  "dl",      "dt",
        "em",     "figcaption", "figure",   "h1",  "h2",    "h3",         "h4",   "h5",      "h6",
        "hr",     "i",          "img",      "ins", "kbd",   "li",         "mark", "ol",      "p",
        "pre",    "q",          "rp",       "rt",  "ruby",  "s",          "samp", "small",   "span",
        "strike", "strong",     "sub",      "sup", "table", "tbody",      "td",   "tfoot",   "th",
        "thead",  "time",       "tr",       "u",   "ul",    "var",        "wbr" };

/* Dropped together with everything inside them. */
static const char *const dropped_elements[]
    = { "script",    "style",   "iframe",   "frame",    "frameset", "object",   "embed",
        "applet",    "form",    "input",    "button",   "select",   "option",   "optgroup",
        "textarea",  "svg",     "math",     "template", "noscript", "noembed",  "noframes",
        "head",      "title",   "meta",     "link",     "base",     "param",    "source",
        "track",     "video",   "audio",    "canvas",   "map",      "area",     "xmp",
        "plaintext", "isindex", "keygen",   "portal",   "dialog",   "datalist", "output",
        "progress",  "meter",   "fieldset", "legend",   "label",    "picture",  "slot",
        "marquee",   "bgsound", "listing",  "image",    "frameset" };

static const AllowedAttr allowed_attrs[] = {
  { NULL, "title", ATTR_TEXT },       { NULL, "lang", ATTR_LANG },
  { NULL, "dir", ATTR_DIR },          { "a", "href", ATTR_URL },
  { "img", "src", ATTR_IMG_URL },     { "img", "alt", ATTR_TEXT },
  { "img", "width", ATTR_NUMBER },    { "img", "height", ATTR_NUMBER },
  { "blockquote", "cite", ATTR_URL }, { "q", "cite", ATTR_URL },
  { "del", "cite", ATTR_URL },        { "ins", "cite", ATTR_URL },
  { "del", "datetime", ATTR_TEXT },   { "ins", "datetime", ATTR_TEXT },
  { "time", "datetime", ATTR_TEXT },  { "td", "colspan", ATTR_NUMBER },
  { "td", "rowspan", ATTR_NUMBER },   { "th", "colspan", ATTR_NUMBER },
  { "th", "rowspan", ATTR_NUMBER },   { "td", "align", ATTR_ALIGN },
  { "th", "align", ATTR_ALIGN },      { "th", "scope", ATTR_TEXT },
  { "col", "span", ATTR_NUMBER },     { "colgroup", "span", ATTR_NUMBER },
  { "ol", "start", ATTR_NUMBER },     { "ol", "reversed", ATTR_BOOL },
  { "li", "value", ATTR_NUMBER },     { "code", "class", ATTR_CLASS },
};

typedef enum
{
  ELEMENT_UNKNOWN = 0, /* unwrapped: its content stays */
  ELEMENT_ALLOWED,
  ELEMENT_DROPPED,
} ElementKind;

/* Element name -> ElementKind; attribute name -> GPtrArray of its rules. Built once. */
static GHashTable *element_kinds;
static GHashTable *attr_rules;

static void
tables_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      element_kinds = g_hash_table_new (g_str_hash, g_str_equal);
      attr_rules = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (allowed_elements); i++)
        g_hash_table_insert (element_kinds, (gpointer) allowed_elements[i],
                             GINT_TO_POINTER (ELEMENT_ALLOWED));
      for (guint i = 0; i < G_N_ELEMENTS (dropped_elements); i++)
        g_hash_table_insert (element_kinds, (gpointer) dropped_elements[i],
                             GINT_TO_POINTER (ELEMENT_DROPPED));
      for (guint i = 0; i < G_N_ELEMENTS (allowed_attrs); i++)
        {
          GPtrArray *rules = g_hash_table_lookup (attr_rules, allowed_attrs[i].name);
          if (rules == NULL)
            {
              rules = g_ptr_array_new ();
              g_hash_table_insert (attr_rules, (gpointer) allowed_attrs[i].name, rules);
            }
          g_ptr_array_add (rules, (gpointer) &allowed_attrs[i]);
        }
      g_once_init_leave (&once, 1);
    }
}

static ElementKind
element_kind (const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (element_kinds, name));
}

static gboolean
has_prefix_ci (const char *text, const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
allowed_data_image (const char *url)
{
  static const char *const types[] = { "data:image/png", "data:image/jpeg", "data:image/jpg",
                                       "data:image/gif", "data:image/webp" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (has_prefix_ci (url, types[i]))
      {
        char next = url[strlen (types[i])];
        return next == ';' || next == ',';
      }
  return FALSE;
}

char *
portada_sanitize_url (const char *url, gboolean image)
{
  g_autoptr (GString) clean = NULL;
  const char *end;
  gsize scheme_len;

  if (url == NULL || !g_utf8_validate (url, -1, NULL))
    return NULL;
  /* As a browser does: leading and trailing C0 controls and spaces are ignored,
   * and tabs and newlines anywhere; any other control character is refused. */
  while (*url && (guchar) *url <= 0x20)
    url++;
  end = url + strlen (url);
  while (end > url && (guchar) end[-1] <= 0x20)
    end--;
  clean = g_string_sized_new (end - url);
  for (const char *p = url; p < end; p++)
    {
      guchar c = (guchar) *p;
      if (c == '\t' || c == '\n' || c == '\r')
        continue;
      if (c < 0x20 || c == 0x7f)
        return NULL;
      g_string_append_c (clean, *p);
    }

  /* A scheme is whatever comes before a colon that precedes any / ? #. */
  scheme_len = strcspn (clean->str, ":/?#");
  if (clean->str[scheme_len] != ':')
    return g_string_free (g_steal_pointer (&clean), FALSE); /* relative, or #fragment */
  if ((scheme_len == 4 && has_prefix_ci (clean->str, "http"))
      || (scheme_len == 5 && has_prefix_ci (clean->str, "https"))
      || (scheme_len == 6 && has_prefix_ci (clean->str, "mailto")))
    return g_string_free (g_steal_pointer (&clean), FALSE);
  if (image && scheme_len == 4 && allowed_data_image (clean->str))
    return g_string_free (g_steal_pointer (&clean), FALSE);
  return NULL;
}

static gboolean
all_digits (const char *text, gsize max)
{
  gsize n = strlen (text);
  if (n == 0 || n > max)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static char *
check_attr (AttrKind kind, const char *value)
{
  switch (kind)
    {
      case ATTR_TEXT:
        return g_strdup (value);
      case ATTR_URL:
        return portada_sanitize_url (value, FALSE);
      case ATTR_IMG_URL:
        return portada_sanitize_url (value, TRUE);
      case ATTR_NUMBER:
        return all_digits (value, 4) ? g_strdup (value) : NULL;
      case ATTR_DIR:
        return g_ascii_strcasecmp (value, "ltr") == 0 || g_ascii_strcasecmp (value, "rtl") == 0
                       || g_ascii_strcasecmp (value, "auto") == 0
                   ? g_ascii_strdown (value, -1)
                   : NULL;
      case ATTR_ALIGN:
        return g_ascii_strcasecmp (value, "left") == 0 || g_ascii_strcasecmp (value, "right") == 0
                       || g_ascii_strcasecmp (value, "center") == 0
                       || g_ascii_strcasecmp (value, "justify") == 0
                   ? g_ascii_strdown (value, -1)
                   : NULL;
      case ATTR_LANG:
        if (strlen (value) == 0 || strlen (value) > 35
            || strspn (value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
                   != strlen (value))
          return NULL;
        return g_strdup (value);
      case ATTR_CLASS:
        if (!g_str_has_prefix (value, "language-") || strlen (value) > 64
            || strspn (value + 9,
                       "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+#")
                   != strlen (value + 9))
          return NULL;
        return g_strdup (value);
      case ATTR_BOOL:
        return g_strdup ("");
      default:
        return NULL;
    }
}

/* The sanitized tree is written out as it is walked: only names from the lists
 * above and checked, escaped values reach @out (HTML5 serialization, as
 * portada-html.c writes). */
static void
write_attrs (GString *out, const xmlNode *from)
{
  const char *element = (const char *) from->name;

  for (const xmlAttr *a = from->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;
      GPtrArray *rules = a->ns == NULL ? g_hash_table_lookup (attr_rules, name) : NULL;

      for (guint i = 0; rules && i < rules->len; i++)
        {
          const AllowedAttr *rule = g_ptr_array_index (rules, i);
          xmlChar *raw;
          char *value;

          if (rule->element && strcmp (rule->element, element) != 0)
            continue;
          raw = xmlNodeListGetString (from->doc, a->children, 1);
          value = check_attr (rule->kind, raw ? (const char *) raw : "");
          if (value)
            {
              g_string_append_c (out, ' ');
              g_string_append (out, name);
              g_string_append (out, "=\"");
              portada_html_append_escaped (out, value, TRUE);
              g_string_append_c (out, '"');
            }
          xmlFree (raw);
          g_free (value);
          break;
        }
    }
}

gboolean
portada_sanitize_url_is_remote (const char *url)
{
  return url
         && (g_str_has_prefix (url, "//") || g_ascii_strncasecmp (url, "http:", 5) == 0
             || g_ascii_strncasecmp (url, "https:", 6) == 0);
}

/* The src of <img> @node when it is a remote image, checked; NULL otherwise. */
static char *
remote_src (const xmlNode *node)
{
  xmlChar *raw = xmlGetNoNsProp (node, (const xmlChar *) "src");
  char *url = raw ? portada_sanitize_url ((const char *) raw, TRUE) : NULL;

  xmlFree (raw);
  if (url && !portada_sanitize_url_is_remote (url))
    g_clear_pointer (&url, g_free);
  return url;
}

static gboolean
inside_link (const xmlNode *node)
{
  for (const xmlNode *p = node->parent; p; p = p->parent)
    if (p->type == XML_ELEMENT_NODE && p->name && strcmp ((const char *) p->name, "a") == 0)
      return TRUE;
  return FALSE;
}

/* A remote image as a link to it (its text alone inside another link). */
static void
write_remote_image (GString *out, const xmlNode *node, const char *url)
{
  xmlChar *alt = xmlGetNoNsProp (node, (const xmlChar *) "alt");
  g_autofree char *text = g_strstrip (g_strdup (alt ? (const char *) alt : ""));
  gboolean linked = !inside_link (node);

  xmlFree (alt);
  if (linked)
    {
      g_string_append (out, "<a href=\"");
      portada_html_append_escaped (out, url, TRUE);
      g_string_append (out, "\">");
    }
  portada_html_append_escaped (out, *text ? text : url, FALSE);
  if (linked)
    g_string_append (out, "</a>");
}

static gboolean
is_void_element (const char *name)
{
  return strcmp (name, "br") == 0 || strcmp (name, "hr") == 0 || strcmp (name, "img") == 0
         || strcmp (name, "col") == 0 || strcmp (name, "wbr") == 0;
}

static void write_children (GString *out, const xmlNode *from, int depth, gboolean in_pre,
                            gboolean remote_links);

static void
write_node (GString *out, const xmlNode *node, int depth, gboolean in_pre, gboolean remote_links)
{
  const char *name = (const char *) node->name;
  ElementKind kind;

  switch (node->type)
    {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (node->content)
          portada_html_append_escaped (out, (const char *) node->content, FALSE);
        return;
      case XML_ELEMENT_NODE:
        break;
      default:
        return; /* comments, processing instructions, entity references */
    }

  kind = element_kind (name);
  if (node->ns != NULL || kind == ELEMENT_DROPPED)
    return;
  if (depth >= MAX_DEPTH)
    {
      xmlChar *text = xmlNodeGetContent (node);
      if (text)
        portada_html_append_escaped (out, (const char *) text, FALSE);
      xmlFree (text);
      return;
    }
  if (kind != ELEMENT_ALLOWED)
    {
      /* unwrapped: its content stays */
      write_children (out, node, depth + 1, in_pre, remote_links);
      return;
    }
  if (remote_links && strcmp (name, "img") == 0)
    {
      g_autofree char *remote = remote_src (node);
      if (remote)
        {
          write_remote_image (out, node, remote);
          return;
        }
    }
  g_string_append_c (out, '<');
  g_string_append (out, name);
  write_attrs (out, node);
  g_string_append_c (out, '>');
  if (is_void_element (name))
    return;
  in_pre = strcmp (name, "pre") == 0;
  write_children (out, node, depth + 1, in_pre, remote_links);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append_c (out, '>');
}

static void
write_children (GString *out, const xmlNode *from, int depth, gboolean in_pre,
                gboolean remote_links)
{
  /* A newline first in <pre> is eaten by parsers: written twice, it stays. */
  if (in_pre && from->children && from->children->type == XML_TEXT_NODE && from->children->content
      && from->children->content[0] == '\n')
    g_string_append_c (out, '\n');
  for (const xmlNode *c = from->children; c; c = c->next)
    write_node (out, c, depth, FALSE, remote_links);
}

static void
collect_remote (const xmlNode *from, GPtrArray *urls, int depth)
{
  for (const xmlNode *c = from->children; c && depth < MAX_DEPTH; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || c->ns != NULL)
        continue;
      if (element_kind ((const char *) c->name) == ELEMENT_DROPPED)
        continue;
      if (strcmp ((const char *) c->name, "img") == 0)
        {
          char *url = remote_src (c);
          if (url)
            g_ptr_array_add (urls, url);
        }
      collect_remote (c, urls, depth + 1);
    }
}

GPtrArray *
portada_sanitize_remote_images (const char *html)
{
  g_autofree char *valid = g_utf8_make_valid (html ? html : "", -1);
  g_autofree char *wrapped = g_strconcat ("<body>", valid, NULL);
  g_autoptr (xmlDoc) in = NULL;
  GPtrArray *urls = g_ptr_array_new_with_free_func (g_free);
  xmlNode *body;

  tables_init ();
  in = portada_html_parse (wrapped, strlen (wrapped));
  body = portada_html_find_body (in);
  if (body)
    collect_remote (body, urls, 0);
  return urls;
}

char *
portada_sanitize_html (const char *html)
{
  return portada_sanitize_html_full (html, PORTADA_SANITIZE_DEFAULT);
}

char *
portada_sanitize_html_full (const char *html, PortadaSanitizeFlags flags)
{
  g_autofree char *valid = g_utf8_make_valid (html ? html : "", -1);
  g_autoptr (xmlDoc) in = NULL;
  xmlNode *body;
  GString *result = g_string_sized_new (strlen (valid) + 16);

  tables_init ();
  /* The input is a body fragment: a leading <head>-only element such as <title>
   * must not swallow what follows. */
  {
    g_autofree char *wrapped = g_strconcat ("<body>", valid, NULL);
    in = portada_html_parse (wrapped, strlen (wrapped));
  }
  body = portada_html_find_body (in);
  if (body)
    write_children (result, body, 0, FALSE, (flags & PORTADA_SANITIZE_REMOTE_IMAGES_AS_LINKS) != 0);
  return g_string_free (result, FALSE);
}
