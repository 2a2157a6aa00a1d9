/* hostile-scan.c: reads an exported tree the way its readers will.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "hostile-scan.h"
#include "safe-html.h"

static gboolean
is_html_element (xmlNodePtr n)
{
  static const char *const names[] = { "description", "encoded", "summary", "content", NULL };

  for (guint i = 0; names[i]; i++)
    if (g_str_equal ((const char *) n->name, names[i]))
      return TRUE;
  return FALSE;
}

/* In a feed, the elements that hold HTML; in a WordPress export, every text:
 * WordPress prints titles, names and terms as HTML too. */
static char *
xml_problem (xmlNodePtr node, gboolean all_html, gboolean in_html)
{
  for (xmlNodePtr n = node; n; n = n->next)
    {
      char *problem = NULL;

      /* WordPress keeps custom fields (wp:meta_value) as data, printed by
       * whatever plugin reads them; Portada writes its own there. */
      if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "meta_value"))
        continue;
      if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && (all_html || in_html)
          && n->content)
        problem = safe_html_problem ((const char *) n->content, strlen ((char *) n->content));
      else if (n->type == XML_ELEMENT_NODE)
        {
          for (xmlAttrPtr a = n->properties; a && !problem; a = a->next)
            if (g_str_equal ((const char *) a->name, "href")
                || g_str_equal ((const char *) a->name, "src"))
              {
                xmlChar *v = xmlNodeGetContent ((xmlNodePtr) a);
                problem = safe_url_problem ((const char *) v, FALSE);
                xmlFree (v);
              }
          if (!problem && n->children)
            problem = xml_problem (n->children, all_html, in_html || is_html_element (n));
        }
      if (problem)
        {
          char *where
              = g_strdup_printf ("<%s>: %s", n->parent ? (char *) n->parent->name : "", problem);
          g_free (problem);
          return where;
        }
    }
  return NULL;
}

static char *
file_problem (const char *rel, GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_str_has_suffix (rel, ".html"))
    return safe_html_problem (data, len);
  if (g_str_has_suffix (rel, ".svg"))
    return safe_svg_problem (data, len);
  if (g_str_has_suffix (rel, ".xml"))
    {
      g_autofree char *lower = g_ascii_strdown (data, len);
      xmlDocPtr doc;
      char *problem;

      if (!g_utf8_validate (data, len, NULL))
        return g_strdup ("invalid UTF-8");
      /* Outside a WordPress export's custom fields, no "<script" at all. */
      if (!g_str_has_suffix (rel, ".wxr.xml") && strstr (lower, "<script"))
        return g_strdup ("a <script> element");
      doc = xmlReadMemory (data, len, rel, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
      if (doc == NULL)
        return g_strdup ("not well-formed XML");
      problem = xml_problem (doc->children, g_str_has_suffix (rel, ".wxr.xml"), FALSE);
      xmlFreeDoc (doc);
      return problem;
    }
  return NULL;
}

/* Exported names are made of slugs: plain ASCII, never a way out of the tree. */
static char *
path_problem (const char *rel)
{
  g_auto (GStrv) parts = g_strsplit (rel, "/", -1);

  for (guint i = 0; parts[i]; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "..")
          || (parts[i][0] == '.' && !g_str_has_prefix (parts[i], ".portada-")))
        return g_strdup_printf ("the path component “%s”", parts[i]);
      for (const char *p = parts[i]; *p; p++)
        if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.'))
          return g_strdup_printf ("the character 0x%02x in a file name", (guchar) *p);
    }
  return NULL;
}

static void
scan_dir (const char *root, const char *rel, HostileScan *scan)
{
  g_autofree char *dir_path = rel ? g_build_filename (root, rel, NULL) : g_strdup (root);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = rel ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child, NULL);
      g_autofree char *problem = path_problem (child);

      if (problem)
        g_error ("%s: %s", path, problem);
      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_error ("%s: a symbolic link in an export", path);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        scan_dir (root, child, scan);
      else
        {
          g_autoptr (GBytes) bytes = NULL;
          char *data = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (path, &data, &len, NULL));
          bytes = g_bytes_new_take (data, len);
          problem = file_problem (child, bytes);
          if (problem)
            g_error ("%s: %s", path, problem);
          scan->files++;
          scan->bytes += len;
        }
    }
}

void
hostile_scan_export (const char *root, HostileScan *scan)
{
  scan_dir (root, NULL, scan);
}
