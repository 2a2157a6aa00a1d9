/* portada-svg.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Elements are kept by an allow-list (the drawing part of SVG 1.1/2); attributes
 * by a block-list (events, references, style that loads). Anything in another
 * namespace (Inkscape, Illustrator, RDF metadata) is editor baggage and goes.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "portada-error.h"
#include "portada-image.h"
#include "portada-svg.h"

#define XLINK_NAMESPACE "http://www.w3.org/1999/xlink"
#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

static const char *const allowed_elements[] = {
  "svg",
  "g",
  "defs",
  "symbol",
  "use",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "textPath",
  "title",
  "desc",
  "linearGradient",
  "radialGradient",
  "stop",
  "clipPath",
  "mask",
  "pattern",
  "image",
  "filter",
  "marker",
  "style",
  "switch",
  "feBlend",
  "feColorMatrix",
  "feComponentTransfer",
  "feComposite",
  "feConvolveMatrix",
  "feDiffuseLighting",
  "feDisplacementMap",
  "feDistantLight",
  "feDropShadow",
  "feFlood",
  "feFuncA",
  "feFuncB",
  "feFuncG",
  "feFuncR",
  "feGaussianBlur",
  "feImage",
  "feMerge",
  "feMergeNode",
  "feMorphology",
  "feOffset",
  "fePointLight",
  "feSpecularLighting",
  "feSpotLight",
  "feTile",
  "feTurbulence",
};

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, message);
  return FALSE;
}

/* <use> copies another element, which may itself hold <use>: ten uses of ten uses
 * of ... make a few kilobytes draw 10^11 elements. Counts the elements a renderer
 * would draw once every <use> is expanded and refuses more than
 * PORTADA_SVG_MAX_ELEMENTS, or a <use> that (through others) refers to itself. */

typedef struct
{
  GHashTable *ids;      /* id -> xmlNode */
  GHashTable *counts;   /* xmlNode -> double *: expanded size of the subtree */
  GHashTable *visiting; /* the <use> targets on the current path */
  guint depth;
  gboolean cycle;
} UseCount;

static void
collect_ids (xmlNode *node, GHashTable *ids)
{
  for (xmlNode *n = node; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      {
        g_autofree xmlChar *id = xmlGetNoNsProp (n, BAD_CAST "id");
        if (id && !g_hash_table_contains (ids, id))
          g_hash_table_insert (ids, g_strdup ((const char *) id), n);
      }
      collect_ids (n->children, ids);
    }
}

static xmlNode *
use_target (UseCount *uc, xmlNode *use)
{
  g_autofree xmlChar *href = xmlGetNoNsProp (use, BAD_CAST "href");

  if (href == NULL)
    href = xmlGetNsProp (use, BAD_CAST "href", BAD_CAST XLINK_NAMESPACE);
  if (href == NULL || href[0] != '#')
    return NULL;
  return g_hash_table_lookup (uc->ids, href + 1);
}

static double
expanded_count (UseCount *uc, xmlNode *node)
{
  double *known = g_hash_table_lookup (uc->counts, node);
  double n = 1;

  if (known)
    return *known;
  if (uc->cycle || ++uc->depth > 512)
    {
      uc->cycle = TRUE;
      return PORTADA_SVG_MAX_ELEMENTS + 1.0;
    }
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      n += expanded_count (uc, c);
  if (xmlStrEqual (node->name, BAD_CAST "use"))
    {
      xmlNode *target = use_target (uc, node);
      if (target && g_hash_table_contains (uc->visiting, target))
        uc->cycle = TRUE;
      else if (target)
        {
          g_hash_table_add (uc->visiting, target);
          n += expanded_count (uc, target);
          g_hash_table_remove (uc->visiting, target);
        }
    }
  uc->depth--;
  g_hash_table_insert (uc->counts, node, g_memdup2 (&n, sizeof n));
  return n;
}

static gboolean
check_use_expansion (xmlDoc *doc, GError **error)
{
  UseCount uc = { 0 };
  double total;

  uc.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  uc.counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  uc.visiting = g_hash_table_new (NULL, NULL);
  collect_ids (xmlDocGetRootElement (doc), uc.ids);
  total = expanded_count (&uc, xmlDocGetRootElement (doc));
  g_hash_table_unref (uc.ids);
  g_hash_table_unref (uc.counts);
  g_hash_table_unref (uc.visiting);
  if (uc.cycle)
    return refuse (error, _ ("The SVG image has a <use> that refers to itself (through other "
                             "elements) or nests too deeply"));
  if (total > PORTADA_SVG_MAX_ELEMENTS)
    {
      g_autofree char *text
          = g_strdup_printf (_ ("The SVG image would draw %.3g elements once its <use> "
                                "references are expanded; at most %d are accepted"),
                             total, PORTADA_SVG_MAX_ELEMENTS);
      return refuse (error, text);
    }
  return TRUE;
}

static xmlDoc *
parse (const guint8 *data, gsize len, GError **error)
{
  g_autoptr (xmlParserCtxt) ctxt = NULL;
  xmlDoc *doc;
  xmlNode *root;

  if (len > PORTADA_SVG_MAX_BYTES)
    {
      refuse (error, _ ("The SVG image is larger than 5 MB"));
      return NULL;
    }
  if (!g_utf8_validate_len ((const char *) data, len, NULL))
    {
      refuse (error, _ ("The SVG image is not UTF-8 text (or holds a NUL byte); save it as "
                        "UTF-8"));
      return NULL;
    }
  /* Entities can expand a few bytes into gigabytes or pull in local files: an
   * SVG that declares any is refused before libxml2 sees it. The text is
   * UTF-8 and read as UTF-8 whatever it declares, so no other spelling exists. */
  if (g_strstr_len ((const char *) data, len, "<!ENTITY") != NULL)
    {
      refuse (error, _ ("The SVG image declares entities (<!ENTITY …>), which Portada refuses: "
                        "they can hide content or load other files. Export it again without "
                        "a document type"));
      return NULL;
    }
  if (len > G_MAXINT)
    return NULL;
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      refuse (error, "Out of memory");
      return NULL;
    }
  doc = xmlCtxtReadMemory (ctxt, (const char *) data, (int) len, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      xmlError *e = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = g_strstrip (g_strdup (e && e->message ? e->message : "?"));
      g_autofree char *text = g_strdup_printf (
          _ ("The SVG image is not well-formed XML (line %d: %s)"), e ? e->line : 0, msg);
      refuse (error, text);
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !xmlStrEqual (root->name, BAD_CAST "svg")
      || (root->ns != NULL && !xmlStrEqual (root->ns->href, BAD_CAST PORTADA_SVG_NAMESPACE)))
    {
      g_autofree char *text
          = root && root->ns && xmlStrEqual (root->name, BAD_CAST "svg")
                ? g_strdup_printf (_ ("The file is XML but not an SVG image (its <svg> element "
                                      "is in the namespace %s instead of SVG’s)"),
                                   (const char *) root->ns->href)
                : g_strdup_printf (_ ("The file is XML but not an SVG image (its first element "
                                      "is <%s>)"),
                                   root ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      refuse (error, text);
      return NULL;
    }
  if (!check_use_expansion (doc, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/* A length in CSS pixels, or -1 for none, a percentage or nonsense. */
static double
parse_length (const xmlChar *value)
{
  static const struct
  {
    const char *unit;
    double px;
  } units[]
      = { { "", 1 },           { "px", 1 },  { "pt", 96.0 / 72 }, { "pc", 16 }, { "mm", 96 / 25.4 },
          { "cm", 96 / 2.54 }, { "in", 96 }, { "em", 16 },        { "ex", 8 } };
  const char *text = (const char *) value;
  char *end = NULL;
  g_autofree char *rest = NULL;
  double v;

  if (text == NULL)
    return -1;
  v = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (v) || v <= 0)
    return -1;
  rest = g_strstrip (g_strdup (end));
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (rest, units[i].unit) == 0)
      return v * units[i].px;
  return -1;
}

static gboolean
parse_view_box (const xmlChar *value, double *w, double *h)
{
  const char *p = (const char *) value;
  double n[4];

  if (p == NULL)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      char *end = NULL;
      while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
      n[i] = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (n[i]))
        return FALSE;
      p = end;
    }
  *w = n[2];
  *h = n[3];
  return *w > 0 && *h > 0;
}

static int
round_px (double v)
{
  if (v > PORTADA_IMAGE_MAX_DIMENSION * 10.0)
    return PORTADA_IMAGE_MAX_DIMENSION * 10;
  return MAX (1, (int) (v + 0.5));
}

static gboolean
doc_size (xmlDoc *doc, int *width, int *height, GError **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree xmlChar *ws = xmlGetNoNsProp (root, BAD_CAST "width");
  g_autofree xmlChar *hs = xmlGetNoNsProp (root, BAD_CAST "height");
  g_autofree xmlChar *vbs = xmlGetNoNsProp (root, BAD_CAST "viewBox");
  double w = parse_length (ws), h = parse_length (hs), vw = 0, vh = 0;
  gboolean vb = parse_view_box (vbs, &vw, &vh);

  if (w > 0 && h > 0)
    ;
  else if (vb && w > 0)
    h = w * vh / vw;
  else if (vb && h > 0)
    w = h * vw / vh;
  else if (vb)
    w = vw, h = vh;
  else
    return refuse (error, _ ("The SVG image gives no size: it needs a width and a height, or a "
                             "viewBox"));
  *width = round_px (w);
  *height = round_px (h);
  return TRUE;
}

gboolean
portada_svg_size (const guint8 *data, gsize len, int *width, int *height, GError **error)
{
  g_autoptr (xmlDoc) doc = parse (data, len, error);

  if (doc == NULL)
    return FALSE;
  return doc_size (doc, width, height, error);
}

/* Sanitizing. */

typedef struct
{
  GPtrArray *removed; /* unique sentences */
  xmlNs *svg_ns;
} Sanitizer;

static void
note (Sanitizer *s, const char *sentence)
{
  for (guint i = 0; i < s->removed->len; i++)
    if (g_str_equal (g_ptr_array_index (s->removed, i), sentence))
      return;
  g_ptr_array_add (s->removed, g_strdup (sentence));
}

/* CSS that can only point inside the file: every url() is a #fragment, and
 * nothing imports, escapes or runs code. */
static gboolean
css_is_safe (const char *css)
{
  static const char *const banned[]
      = { "@import",    "\\",   "expression(", "javascript:", "-moz-binding", "behavior",
          "image-set(", "src(", "image(",      "@font-face",  "@namespace" };
  g_autofree char *lower = g_ascii_strdown (css, -1);
  const char *p = lower;

  for (guint i = 0; i < G_N_ELEMENTS (banned); i++)
    if (strstr (lower, banned[i]))
      return FALSE;
  while ((p = strstr (p, "url(")) != NULL)
    {
      p += 4;
      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' || *p == '\'')
        p++;
      if (*p != '#')
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_allowed_element (const xmlChar *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_elements); i++)
    if (xmlStrEqual (name, BAD_CAST allowed_elements[i]))
      return TRUE;
  return FALSE;
}

static gboolean
href_is_safe (const xmlNode *element, const char *value)
{
  static const char *const images[]
      = { "data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;" };
  g_autofree char *v = g_strstrip (g_strdup (value ? value : ""));

  if (v[0] == '#')
    return TRUE;
  if (xmlStrEqual (element->name, BAD_CAST "image")
      || xmlStrEqual (element->name, BAD_CAST "feImage"))
    for (guint i = 0; i < G_N_ELEMENTS (images); i++)
      if (g_ascii_strncasecmp (v, images[i], strlen (images[i])) == 0)
        return TRUE;
  return FALSE;
}

static void
sanitize_attributes (Sanitizer *s, xmlNode *element)
{
  xmlAttr *attr = element->properties;

  while (attr)
    {
      xmlAttr *next = attr->next;
      const char *name = (const char *) attr->name;
      const char *colon = strchr (name, ':');
      const char *local = colon ? colon + 1 : name;
      const char *ns = attr->ns ? (const char *) attr->ns->href : NULL;
      g_autofree xmlChar *value = xmlNodeListGetString (element->doc, attr->children, 1);
      const char *v = value ? (const char *) value : "";
      gboolean in_xlink = g_strcmp0 (ns, XLINK_NAMESPACE) == 0
                          || (ns == NULL && colon && g_str_has_prefix (name, "xlink:"));
      gboolean drop = FALSE;

      if (g_ascii_strncasecmp (local, "on", 2) == 0)
        {
          g_autofree char *text
              = g_strdup_printf (_ ("the event attribute “%s” (it runs a script)"), local);
          note (s, text);
          drop = TRUE;
        }
      else if (g_str_equal (local, "href") && (ns == NULL || in_xlink) && (!colon || in_xlink))
        {
          if (!href_is_safe (element, v))
            {
              note (s, _ ("a reference to another file or a script (href)"));
              drop = TRUE;
            }
        }
      else if (in_xlink || (ns != NULL && g_strcmp0 (ns, XML_NAMESPACE) != 0)
               || (ns == NULL && colon != NULL))
        drop = TRUE; /* editor attributes, xlink:show and the like */
      else if (g_strcmp0 (ns, XML_NAMESPACE) == 0 && g_str_equal (local, "base"))
        drop = TRUE;
      else if (!css_is_safe (v))
        {
          note (s, _ ("a style that loads another file (url(), @import)"));
          drop = TRUE;
        }
      if (drop)
        xmlRemoveProp (attr);
      attr = next;
    }
}

static void sanitize_children (Sanitizer *s, xmlNode *parent);

/* Namespaces of drawing programs' own data: removed without a word. */
static gboolean
is_editor_namespace (const char *ns)
{
  static const char *const editors[] = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://www.bohemiancoding.com/sketch/ns",
    "http://ns.adobe.com/",
  };
  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    if (g_str_has_prefix (ns, editors[i]))
      return TRUE;
  return FALSE;
}

static void
remove_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

static void
sanitize_element (Sanitizer *s, xmlNode *node)
{
  const char *ns;

  if (node->ns == NULL)
    xmlSetNs (node, s->svg_ns);
  ns = (const char *) node->ns->href;
  if (!g_str_equal (ns, PORTADA_SVG_NAMESPACE))
    {
      if (xmlStrEqual (node->name, BAD_CAST "script"))
        note (s, _ ("a script (<script>)"));
      else if (!is_editor_namespace (ns))
        {
          g_autofree char *text = g_strdup_printf (_ ("the element <%s> of another kind of "
                                                      "document (%s)"),
                                                   (const char *) node->name, ns);
          note (s, text);
        }
      remove_node (node); /* editor data, XHTML, XInclude... */
      return;
    }
  if (xmlStrEqual (node->name, BAD_CAST "script"))
    {
      note (s, _ ("a script (<script>)"));
      remove_node (node);
      return;
    }
  if (xmlStrEqual (node->name, BAD_CAST "foreignObject"))
    {
      note (s, _ ("embedded web content (<foreignObject>)"));
      remove_node (node);
      return;
    }
  if (xmlStrEqual (node->name, BAD_CAST "metadata"))
    {
      remove_node (node);
      return;
    }
  if (!is_allowed_element (node->name))
    {
      g_autofree char *text = g_strdup_printf (_ ("the element <%s>"), (const char *) node->name);
      note (s, text);
      remove_node (node);
      return;
    }
  if (xmlStrEqual (node->name, BAD_CAST "style"))
    {
      g_autofree xmlChar *css = xmlNodeGetContent (node);
      if (!css_is_safe (css ? (const char *) css : ""))
        {
          note (s, _ ("a style sheet that loads other files (url(), @import)"));
          remove_node (node);
          return;
        }
    }
  sanitize_attributes (s, node);
  sanitize_children (s, node);
}

static void
sanitize_children (Sanitizer *s, xmlNode *parent)
{
  xmlNode *child = parent->children;

  while (child)
    {
      xmlNode *next = child->next;
      switch (child->type)
        {
          case XML_ELEMENT_NODE:
            sanitize_element (s, child);
            break;
          case XML_TEXT_NODE:
          case XML_CDATA_SECTION_NODE:
            break;
          case XML_PI_NODE:
            if (xmlStrEqual (child->name, BAD_CAST "xml-stylesheet"))
              note (s, _ ("a style sheet in another file (<?xml-stylesheet?>)"));
            remove_node (child);
            break;
          default: /* comments, entity references */
            remove_node (child);
            break;
        }
      child = next;
    }
}

/* After sanitizing only two namespaces are in use: SVG for every element and
 * XLink for xlink:href. Every element is put in one default SVG namespace
 * declared on the root, and every other declaration goes. */
static void
set_namespaces (xmlNode *node, xmlNs *svg, xmlNs **xlink)
{
  node->ns = svg;
  for (xmlAttr *a = node->properties; a; a = a->next)
    {
      gboolean xlink_href = (a->ns && xmlStrEqual (a->ns->href, BAD_CAST XLINK_NAMESPACE))
                            || (a->ns == NULL && xmlStrEqual (a->name, BAD_CAST "xlink:href"));
      if (!xlink_href)
        continue;
      if (*xlink == NULL)
        *xlink = xmlNewNs (NULL, BAD_CAST XLINK_NAMESPACE, BAD_CAST "xlink");
      if (a->ns == NULL)
        xmlNodeSetName ((xmlNode *) a, BAD_CAST "href");
      a->ns = *xlink;
    }
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      set_namespaces (c, svg, xlink);
}

static void
free_ns_declarations (xmlNode *node)
{
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      free_ns_declarations (c);
  if (node->nsDef)
    xmlFreeNsList (node->nsDef);
  node->nsDef = NULL;
}

static void
normalize_namespaces (xmlNode *root)
{
  xmlNs *svg = xmlNewNs (NULL, BAD_CAST PORTADA_SVG_NAMESPACE, NULL);
  xmlNs *xlink = NULL;

  set_namespaces (root, svg, &xlink);
  free_ns_declarations (root);
  root->nsDef = svg;
  svg->next = xlink;
}

GBytes *
portada_svg_sanitize (const guint8 *data, gsize len, GPtrArray **removed, GError **error)
{
  g_autoptr (xmlDoc) doc = parse (data, len, error);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  Sanitizer s = { notes, NULL };
  xmlNode *root, *node;
  xmlChar *out = NULL;
  int out_len = 0, w, h;
  GBytes *bytes;

  if (doc == NULL || !doc_size (doc, &w, &h, error))
    return NULL;
  root = xmlDocGetRootElement (doc);

  /* The document type, comments and processing instructions around the root. */
  node = doc->children;
  while (node)
    {
      xmlNode *next = node->next;
      if (node != root)
        {
          if (node->type == XML_PI_NODE && xmlStrEqual (node->name, BAD_CAST "xml-stylesheet"))
            note (&s, _ ("a style sheet in another file (<?xml-stylesheet?>)"));
          xmlUnlinkNode (node);
          if (node->type == XML_DTD_NODE)
            xmlFreeDtd ((xmlDtd *) node);
          else
            xmlFreeNode (node);
        }
      node = next;
    }
  doc->intSubset = NULL;
  doc->extSubset = NULL;

  s.svg_ns = root->ns ? root->ns : xmlNewNs (root, BAD_CAST PORTADA_SVG_NAMESPACE, NULL);
  if (root->ns == NULL)
    xmlSetNs (root, s.svg_ns);
  sanitize_attributes (&s, root);
  sanitize_children (&s, root);
  normalize_namespaces (root);
  /* What is left must still give its size (an attribute the input sized itself by may
   * be one the sanitizer removes): the sanitizer then accepts its own output. */
  if (!doc_size (doc, &w, &h, error))
    return NULL;

  xmlDocDumpMemoryEnc (doc, &out, &out_len, "UTF-8");
  if (out == NULL)
    {
      refuse (error, "Out of memory");
      return NULL;
    }
  bytes = g_bytes_new (out, out_len);
  xmlFree (out);
  if (removed)
    *removed = g_steal_pointer (&notes);
  return bytes;
}
