/* safe-html.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>

#include "safe-html.h"

/* Elements that run something or load a document. */
static const char *const forbidden_elements[] = {
  "script", "iframe",  "frame",         "frameset", "object", "embed",   "applet",
  "base",   "portal",  "noembed",       "xml",      "import", "handler", "listener",
  "set",    "animate", "foreignobject", "style",    NULL,
};

/* And in what a user wrote (a body, a title), anything that sends a form: the
 * theme's own comment form is the page's, not the user's. */
static const char *const form_elements[] = {
  "form", "input", "button", "select", "textarea", "option", "keygen", "isindex", NULL,
};

/* Attributes whose value is a URL the browser follows or loads. */
static const char *const url_attributes[] = {
  "href",     "src",     "action",  "formaction", "poster",   "background",  "cite",   "data",
  "codebase", "dynsrc",  "lowsrc",  "ping",       "manifest", "longdesc",    "usemap", "profile",
  "icon",     "classid", "archive", "xlink:href", "srcset",   "imagesrcset", NULL,
};

static gboolean
in (const char *const *list, const char *name)
{
  for (guint i = 0; list[i]; i++)
    if (g_ascii_strcasecmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* What a browser makes of a URL's scheme: control characters and spaces are
 * dropped, case does not count. */
static char *
normalized_scheme (const char *url)
{
  GString *s = g_string_new (NULL);

  for (const char *p = url; *p; p++)
    {
      guchar c = *p;
      if (c <= 0x20 || c == 0x7f)
        continue;
      if (c == ':')
        return g_string_free (s, FALSE);
      if (c == '/' || c == '?' || c == '#')
        break;
      g_string_append_c (s, g_ascii_tolower (c));
    }
  g_string_free (s, TRUE);
  return NULL; /* relative */
}

char *
safe_url_problem (const char *url, gboolean image)
{
  g_autofree char *scheme = normalized_scheme (url);
  /* portada: is the preview's own scheme, served by the core from the newsroom. */
  static const char *const allowed[] = { "http", "https", "mailto", "tel", "portada", NULL };

  if (scheme == NULL)
    return NULL;
  for (guint i = 0; allowed[i]; i++)
    if (g_str_equal (scheme, allowed[i]))
      return NULL;
  if (image && g_str_equal (scheme, "data"))
    {
      const char *colon = strchr (url, ':');
      g_autofree char *rest = g_ascii_strdown (colon + 1, -1);

      g_strstrip (rest);
      if (g_str_has_prefix (rest, "image/png") || g_str_has_prefix (rest, "image/jpeg")
          || g_str_has_prefix (rest, "image/gif") || g_str_has_prefix (rest, "image/webp"))
        return NULL;
    }
  return g_strdup_printf ("a %s: URL", scheme);
}

/* CSS that runs script (old IE), binds behaviour, or loads from elsewhere. A url()
 * to a fragment of the same document (an SVG gradient) is fine. */
static char *
style_problem (const char *style)
{
  g_autofree char *lower = g_ascii_strdown (style, -1);
  static const char *const bad[]
      = { "expression", "javascript:", "behavior", "-moz-binding", "@import", "vbscript:", NULL };

  /* CSS escapes and comments could spell the words around the checks below. */
  if (strchr (lower, '\\'))
    return g_strdup ("a style with a CSS escape");
  if (strstr (lower, "/*"))
    return g_strdup ("a style with a comment");
  for (guint i = 0; bad[i]; i++)
    if (strstr (lower, bad[i]))
      return g_strdup_printf ("a style with “%s”", bad[i]);
  for (const char *p = strstr (lower, "url("); p; p = strstr (p + 1, "url("))
    {
      const char *q = p + 4;
      while (*q == ' ' || *q == '"' || *q == '\'' || *q == '\t' || *q == '\n')
        q++;
      if (*q != '#')
        return g_strdup ("a style that loads a url()");
    }
  return NULL;
}

static char *
attribute_problem (xmlNodePtr element, xmlAttrPtr attr)
{
  g_autofree char *name = NULL;
  xmlChar *value;
  char *problem = NULL;

  if (attr->ns && attr->ns->prefix)
    name = g_strdup_printf ("%s:%s", attr->ns->prefix, attr->name);
  else
    name = g_strdup ((const char *) attr->name);
  if (g_ascii_strncasecmp ((const char *) attr->name, "on", 2) == 0)
    return g_strdup_printf ("an event attribute %s on <%s>", name, element->name);
  value = xmlNodeGetContent ((xmlNodePtr) attr);
  if (value == NULL)
    return NULL;
  if (g_ascii_strcasecmp (name, "style") == 0)
    problem = style_problem ((const char *) value);
  else if (g_ascii_strcasecmp (name, "srcset") == 0
           || g_ascii_strcasecmp (name, "imagesrcset") == 0)
    {
      g_auto (GStrv) parts = g_strsplit ((const char *) value, ",", -1);
      for (guint i = 0; parts[i] && !problem; i++)
        problem = safe_url_problem (g_strstrip (parts[i]), TRUE);
    }
  else if (in (url_attributes, name) || in (url_attributes, (const char *) attr->name))
    {
      gboolean image = g_ascii_strcasecmp ((const char *) element->name, "img") == 0
                       && g_ascii_strcasecmp (name, "src") == 0;
      problem = safe_url_problem ((const char *) value, image);
    }
  else if (g_ascii_strcasecmp ((const char *) element->name, "meta") == 0
           && g_ascii_strcasecmp (name, "http-equiv") == 0
           && g_ascii_strcasecmp ((const char *) value, "refresh") == 0)
    {
      /* Only the site's root may send readers on, and only to a relative path of the
       * site (its default language's home). */
      xmlChar *content = xmlGetProp (element, (const xmlChar *) "content");
      const char *url = content ? strstr ((const char *) content, "url=") : NULL;
      if (url == NULL || strchr (url + 4, ':') || g_str_has_prefix (url + 4, "/")
          || strstr (url + 4, ".."))
        problem = g_strdup ("a <meta http-equiv=refresh> that leaves the site");
      xmlFree (content);
    }
  if (problem)
    {
      char *full = g_strdup_printf ("%s in %s=\"%.60s\" on <%s>", problem, name, (char *) value,
                                    element->name);
      g_free (problem);
      problem = full;
    }
  xmlFree (value);
  return problem;
}

static char *
tree_problem (xmlNodePtr node, gboolean fragment)
{
  for (xmlNodePtr n = node; n; n = n->next)
    {
      char *problem = NULL;

      if (n->type == XML_ELEMENT_NODE)
        {
          if (in (forbidden_elements, (const char *) n->name)
              || (fragment && in (form_elements, (const char *) n->name)))
            return g_strdup_printf ("a <%s> element", n->name);
          if (g_ascii_strcasecmp ((const char *) n->name, "link") == 0)
            {
              xmlChar *rel = xmlGetProp (n, (const xmlChar *) "rel");
              gboolean ok = rel
                            && (g_ascii_strcasecmp ((char *) rel, "stylesheet") == 0
                                || g_ascii_strcasecmp ((char *) rel, "canonical") == 0
                                || g_ascii_strcasecmp ((char *) rel, "alternate") == 0
                                || g_ascii_strcasecmp ((char *) rel, "icon") == 0
                                || g_ascii_strcasecmp ((char *) rel, "apple-touch-icon") == 0);
              xmlFree (rel);
              if (!ok)
                return g_strdup ("a <link> that is not a stylesheet, icon or alternate");
            }
          for (xmlAttrPtr a = n->properties; a && !problem; a = a->next)
            problem = attribute_problem (n, a);
          if (problem)
            return problem;
        }
      if (n->children && n->type != XML_ENTITY_REF_NODE
          && (problem = tree_problem (n->children, fragment)))
        return problem;
    }
  return NULL;
}

/* Whether the character after @q in @tag is inside a quoted attribute value. */
static gboolean
inside_quotes (const char *tag, const char *q)
{
  char quote = 0;

  for (const char *p = tag; p <= q; p++)
    if (quote == 0 && (*p == '"' || *p == '\''))
      quote = *p;
    else if (*p == quote)
      quote = 0;
  return quote != 0;
}

/* Raw text checks, whatever a parser makes of it: in markup that escapes its
 * text, every "<" opens a tag. */
static char *
raw_problem (const char *html, gsize len)
{
  g_autofree char *lower = g_ascii_strdown (html, len);
  const char *p;

  for (p = strstr (lower, "<script"); p; p = NULL)
    return g_strdup ("the text “<script”");
  for (p = strchr (lower, '<'); p; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = end ? g_strndup (p, end - p) : g_strdup (p);

      if (tag[1] == '!' || tag[1] == '?')
        continue; /* comments, doctype */
      /* An attribute name starting with "on" after a space, slash or quote. */
      for (const char *q = tag + 1; *q; q++)
        if ((*q == ' ' || *q == '/' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f'
             || *q == '"' || *q == '\'')
            && q[1] == 'o' && q[2] == 'n' && g_ascii_isalpha (q[3]))
          {
            const char *r = q + 3;
            while (g_ascii_isalpha (*r))
              r++;
            while (*r == ' ' || *r == '\t' || *r == '\n')
              r++;
            if (*r == '=' && !inside_quotes (tag, q))
              return g_strdup_printf ("an event attribute in the tag “%.80s”", tag);
          }
    }
  return NULL;
}

static char *
html_problem (const char *html, gsize len, gboolean fragment)
{
  htmlDocPtr doc;
  char *problem;

  if (!g_utf8_validate (html, len, NULL))
    return g_strdup ("invalid UTF-8");
  if (memchr (html, '\0', len))
    return g_strdup ("a NUL byte");
  if ((problem = raw_problem (html, len)))
    return problem;
  doc = htmlReadMemory (html, len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                            | HTML_PARSE_NONET);
  if (doc == NULL)
    return NULL; /* nothing a parser makes into markup */
  problem = tree_problem (xmlDocGetRootElement (doc), fragment);
  xmlFreeDoc (doc);
  return problem;
}

char *
safe_html_problem (const char *html, gsize len)
{
  return html_problem (html, len, FALSE);
}

char *
safe_fragment_problem (const char *html, gsize len)
{
  return html_problem (html, len, TRUE);
}

/* In an SVG: elements that run or embed, animations that change a link or an
 * event, and any reference out of the document. */
static char *
svg_tree_problem (xmlNodePtr node)
{
  static const char *const forbidden[]
      = { "script", "foreignObject", "iframe", "embed", "object", "handler", "listener", NULL };

  for (xmlNodePtr n = node; n; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          if (in (forbidden, (const char *) n->name))
            return g_strdup_printf ("an SVG <%s>", n->name);
          if (g_str_equal ((const char *) n->name, "style"))
            {
              xmlChar *css = xmlNodeGetContent (n);
              char *problem = css ? style_problem ((const char *) css) : NULL;
              xmlFree (css);
              if (problem)
                return problem;
            }
          for (xmlAttrPtr a = n->properties; a; a = a->next)
            {
              xmlChar *value = xmlNodeGetContent ((xmlNodePtr) a);
              g_autofree char *v = g_strdup (value ? (const char *) value : "");
              char *problem = NULL;

              xmlFree (value);
              if (g_ascii_strncasecmp ((const char *) a->name, "on", 2) == 0)
                problem = g_strdup_printf ("an event attribute %s", a->name);
              else if (g_str_equal ((const char *) a->name, "href") && g_strstrip (v)[0] != '#'
                       && (!g_str_has_prefix (v, "data:") || safe_url_problem (v, TRUE)))
                problem = g_strdup_printf ("a reference out of the document: “%.60s”", v);
              else if (g_str_equal ((const char *) a->name, "style"))
                problem = style_problem (v);
              else if (g_str_equal ((const char *) a->name, "attributeName")
                       && (g_str_has_suffix (v, "href") || g_ascii_strncasecmp (v, "on", 2) == 0))
                problem = g_strdup_printf ("an animation of %s", v);
              else if (strstr (v, "url(") && a->ns == NULL)
                problem = style_problem (v);
              if (problem)
                return problem;
            }
        }
      else if (n->type == XML_PI_NODE)
        return g_strdup_printf ("a processing instruction <?%s?>", n->name);
      if (n->children && n->type != XML_ENTITY_REF_NODE)
        {
          char *problem = svg_tree_problem (n->children);
          if (problem)
            return problem;
        }
    }
  return NULL;
}

char *
safe_svg_problem (const char *svg, gsize len)
{
  xmlDocPtr doc;
  char *problem;

  /* No entity is expanded and nothing is fetched: what is judged is what a
   * browser would meet without loading anything either. */
  doc = xmlReadMemory (svg, len, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return g_strdup ("not well-formed XML");
  if (doc->intSubset || doc->extSubset)
    problem = g_strdup ("a DOCTYPE");
  else
    problem = svg_tree_problem (doc->children);
  xmlFreeDoc (doc);
  return problem;
}
