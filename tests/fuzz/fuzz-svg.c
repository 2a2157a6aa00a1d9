/* fuzz-svg.c: the SVG sanitizer; what it keeps is sanitized again unchanged in
 * what matters: no script survives, and its own output is accepted.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fuzz-common.h"
#include "portada-svg.h"

/* The output parsed as XML: no script element, no on… handler anywhere (text
 * that spells "<script" inside a style sheet is text, not an element). */
static void
assert_no_script_node (xmlNodePtr node)
{
  for (; node; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) node->name, "script") == 0)
        g_error ("a script element survived");
      for (xmlAttrPtr a = node->properties; a; a = a->next)
        if (g_ascii_strncasecmp ((const char *) a->name, "on", 2) == 0)
          g_error ("an event handler survived: %s", a->name);
      assert_no_script_node (node->children);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) clean = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const guint8 *out;

  clean = portada_svg_sanitize (data, size, NULL, &error);
  if (clean == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  out = g_bytes_get_data (clean, &len);
  text = g_strndup ((const char *) out, len);
  {
    xmlDocPtr doc = xmlReadMemory ((const char *) out, len, NULL, NULL, XML_PARSE_NONET);
    if (doc == NULL)
      g_error ("the sanitizer's output is not well-formed XML:\n%s", text);
    assert_no_script_node (xmlDocGetRootElement (doc));
    xmlFreeDoc (doc);
  }
  again = portada_svg_sanitize (out, len, NULL, &error);
  if (again == NULL)
    g_error ("the sanitizer refuses its own output: %s\n%s", error->message, text);
  return 0;
}
