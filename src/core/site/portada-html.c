/* portada-html.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-html.h"

#define PARSE_OPTIONS                                                                              \
  (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD)

xmlDoc *
portada_html_parse (const char *html, gsize length)
{
  xmlDoc *doc;

  /* An empty buffer gives no document at all: parse an empty body instead. */
  if (length == 0)
    return htmlReadMemory ("<body></body>", 13, NULL, "UTF-8", PARSE_OPTIONS);
  doc = htmlReadMemory (html, (int) MIN (length, G_MAXINT), NULL, "UTF-8", PARSE_OPTIONS);
  if (doc == NULL)
    doc = htmlReadMemory ("<body></body>", 13, NULL, "UTF-8", PARSE_OPTIONS);
  return doc;
}

xmlNode *
portada_html_find_element (xmlNode *root, const char *name)
{
  /* Iterative depth-first search: the tree may be deep. */
  xmlNode *node = root;

  while (node)
    {
      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0)
        return node;
      if (node->children && node->type == XML_ELEMENT_NODE)
        {
          node = node->children;
          continue;
        }
      while (node && node != root && node->next == NULL)
        node = node->parent;
      if (node == NULL || node == root)
        return NULL;
      node = node->next;
    }
  return NULL;
}

xmlNode *
portada_html_find_body (xmlDoc *doc)
{
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;
  return root ? portada_html_find_element (root, "body") : NULL;
}

const char *
portada_html_attr (const xmlNode *node, const char *name)
{
  for (const xmlAttr *a = node->properties; a; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      return a->children && a->children->content ? (const char *) a->children->content : "";
  return NULL;
}

static gboolean
is_void (const char *name)
{
  /* Most elements are not void: a quick test on the first letter. */
  if (!strchr ("abcehilmpstw", name[0]))
    return FALSE;
  static const char *const voids[] = { "area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                       "input", "link", "meta", "param", "source", "track", "wbr" };
  for (guint i = 0; i < G_N_ELEMENTS (voids); i++)
    if (strcmp (name, voids[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_raw_text (const char *name)
{
  if (name[0] != 's')
    return FALSE;
  return strcmp (name, "style") == 0 || strcmp (name, "script") == 0;
}

void
portada_html_append_escaped (GString *out, const char *text, gboolean attribute)
{
  const char *run = text;
  const char *p;

  for (p = text; *p; p++)
    {
      const char *rep = NULL;
      guchar c = (guchar) *p;
      gsize skip = 1;

      switch (c)
        {
          case '&':
            rep = "&amp;";
            break;
          case '<':
            rep = "&lt;";
            break;
          case '>':
            rep = "&gt;";
            break;
          case '"':
            rep = attribute ? "&quot;" : NULL;
            break;
          case 0xc2:
            if ((guchar) p[1] == 0xa0)
              {
                rep = "&nbsp;";
                skip = 2;
              }
            break;
          default:
            /* Control characters are not allowed in HTML text: left out. */
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
              rep = "";
            break;
        }
      if (rep == NULL)
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append (out, rep);
      p += skip - 1;
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
}

static void
append_attr_value (GString *out, const xmlAttr *a)
{
  for (const xmlNode *c = a->children; c; c = c->next)
    if (c->content)
      portada_html_append_escaped (out, (const char *) c->content, TRUE);
}

static void
append_start_tag (GString *out, const xmlNode *node)
{
  g_string_append_c (out, '<');
  g_string_append (out, (const char *) node->name);
  for (const xmlAttr *a = node->properties; a; a = a->next)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, (const char *) a->name);
      g_string_append (out, "=\"");
      append_attr_value (out, a);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');
}

/* Iterative walk: an article body can nest deeper than the C stack likes. */
void
portada_html_append_node (GString *out, const xmlNode *top)
{
  const xmlNode *node = top;

  while (node)
    {
      gboolean descend = FALSE;

      switch (node->type)
        {
          case XML_ELEMENT_NODE:
            append_start_tag (out, node);
            if (is_void ((const char *) node->name))
              break;
            if (strcmp ((const char *) node->name, "pre") == 0 && node->children
                && node->children->type == XML_TEXT_NODE && node->children->content
                && node->children->content[0] == '\n')
              g_string_append_c (out, '\n');
            if (node->children)
              descend = TRUE;
            else
              g_string_append_printf (out, "</%s>", node->name);
            break;
          case XML_TEXT_NODE:
          case XML_CDATA_SECTION_NODE:
            if (node->content == NULL)
              break;
            if (node->parent && node->parent->type == XML_ELEMENT_NODE
                && is_raw_text ((const char *) node->parent->name))
              g_string_append (out, (const char *) node->content);
            else
              portada_html_append_escaped (out, (const char *) node->content, FALSE);
            break;
          case XML_PI_NODE:
            /* Already-safe HTML the renderer splices in (the sanitized body). */
            if (strcmp ((const char *) node->name, PORTADA_HTML_RAW) == 0 && node->content)
              g_string_append (out, (const char *) node->content);
            break;
          case XML_ENTITY_REF_NODE:
            g_string_append_printf (out, "&%s;", node->name);
            break;
          default:
            break; /* comments, processing instructions, DTDs */
        }
      if (descend)
        {
          node = node->children;
          continue;
        }
      if (node == top)
        return;
      while (node->next == NULL)
        {
          node = node->parent;
          g_string_append_printf (out, "</%s>", node->name);
          if (node == top)
            return;
        }
      node = node->next;
    }
}

void
portada_html_append_children (GString *out, const xmlNode *node)
{
  for (const xmlNode *c = node->children; c; c = c->next)
    portada_html_append_node (out, c);
}
