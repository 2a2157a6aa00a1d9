/* portada-picture.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-html.h"
#include "portada-media-derive.h"
#include "portada-picture.h"

#define REF_PREFIX "media/"

char *
portada_picture_derived_asset (const PortadaMedia *m, int width, const char *extension)
{
  return g_strdup_printf ("assets/media/%.16s-%d.%s", m->sha256, width, extension);
}

PortadaMedia *
portada_site_media_by_sha (PortadaSite *site, const char *sha256)
{
  PortadaMedia *m = NULL;

  if (!portada_media_is_sha256 (sha256))
    return NULL;
  g_mutex_lock (&site->lock);
  if (!g_hash_table_lookup_extended (site->media_by_sha, sha256, NULL, (gpointer *) &m))
    {
      m = portada_media_find_sha256 (site->newsroom, sha256, NULL);
      g_hash_table_insert (site->media_by_sha, g_strdup (sha256), m);
    }
  g_mutex_unlock (&site->lock);
  return m;
}

void
portada_picture_collect_refs (const char *text, GHashTable *shas)
{
  for (const char *p = text ? strstr (text, REF_PREFIX) : NULL; p; p = strstr (p + 1, REF_PREFIX))
    {
      const char *hex = p + strlen (REF_PREFIX);
      if (strspn (hex, "0123456789abcdef") >= 64)
        g_hash_table_add (shas, g_strndup (hex, 64));
    }
}

static char *
srcset (const PortadaMedia *m, const char *prefix, const int *widths, guint n, const char *ext)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *asset = portada_picture_derived_asset (m, widths[i], ext);
      g_string_append_printf (s, "%s%s%s %dw", i ? ", " : "", prefix, asset, widths[i]);
    }
  return g_string_free (s, FALSE);
}

static void
set_int (xmlNodePtr node, const char *name, int value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", value);
  xmlSetProp (node, BAD_CAST name, BAD_CAST text);
}

static xmlNodePtr
plain_img (PortadaSite *site, xmlDocPtr doc, const char *prefix, const PortadaMedia *m,
           const char *alt, gboolean lazy)
{
  xmlNodePtr img = xmlNewDocNode (doc, NULL, BAD_CAST "img", NULL);
  g_autofree char *asset = portada_site_media_asset (site, m);
  g_autofree char *src = site->assets == PORTADA_ASSETS_PREVIEW
                             ? g_strconcat (PORTADA_ASSET_SCHEME, asset, NULL)
                             : g_strconcat (prefix, asset, NULL);

  xmlSetProp (img, BAD_CAST "src", BAD_CAST src);
  xmlSetProp (img, BAD_CAST "alt", BAD_CAST alt);
  if (m->width > 0 && m->height > 0)
    {
      set_int (img, "width", m->width);
      set_int (img, "height", m->height);
    }
  if (lazy)
    xmlSetProp (img, BAD_CAST "loading", BAD_CAST "lazy");
  xmlSetProp (img, BAD_CAST "decoding", BAD_CAST "async");
  return img;
}

xmlNodePtr
portada_picture_node (PortadaSite *site, xmlDocPtr doc, const char *prefix, const PortadaMedia *m,
                      const char *alt, const char *sizes, gboolean lazy)
{
  int widths[PORTADA_MEDIA_MAX_DERIVED];
  guint n;
  const char *ext;
  xmlNodePtr picture, source, img;
  g_autofree char *webp = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *src = NULL;

  g_return_val_if_fail (m != NULL, NULL);
  if (alt == NULL)
    alt = m->alt_text ? m->alt_text : "";
  prefix = prefix ? prefix : "";
  n = portada_media_derived_widths (m, widths);
  if (site->assets == PORTADA_ASSETS_PREVIEW || n == 0)
    return plain_img (site, doc, prefix, m, alt, lazy);

  /* The responsive files are exported with the page: see export_assets(). */
  g_mutex_lock (&site->lock);
  g_hash_table_insert (site->used_media, (gpointer) &m->id, (gpointer) m);
  g_mutex_unlock (&site->lock);
  ext = portada_media_derived_extension (m);
  webp = srcset (m, prefix, widths, n, "webp");
  fallback = srcset (m, prefix, widths, n, ext);
  {
    g_autofree char *asset = portada_picture_derived_asset (m, widths[n > 1 ? n - 2 : 0], ext);
    src = g_strconcat (prefix, asset, NULL);
  }
  picture = xmlNewDocNode (doc, NULL, BAD_CAST "picture", NULL);
  source = xmlNewChild (picture, NULL, BAD_CAST "source", NULL);
  xmlSetProp (source, BAD_CAST "type", BAD_CAST "image/webp");
  xmlSetProp (source, BAD_CAST "srcset", BAD_CAST webp);
  xmlSetProp (source, BAD_CAST "sizes", BAD_CAST sizes);
  img = xmlNewChild (picture, NULL, BAD_CAST "img", NULL);
  xmlSetProp (img, BAD_CAST "src", BAD_CAST src);
  xmlSetProp (img, BAD_CAST "srcset", BAD_CAST fallback);
  xmlSetProp (img, BAD_CAST "sizes", BAD_CAST sizes);
  xmlSetProp (img, BAD_CAST "alt", BAD_CAST alt);
  set_int (img, "width", m->width);
  set_int (img, "height", m->height);
  if (lazy)
    xmlSetProp (img, BAD_CAST "loading", BAD_CAST "lazy");
  xmlSetProp (img, BAD_CAST "decoding", BAD_CAST "async");
  return picture;
}

static const char *
ref_of (const char *src)
{
  if (src == NULL)
    return NULL;
  if (g_str_has_prefix (src, PORTADA_ASSET_SCHEME))
    src += strlen (PORTADA_ASSET_SCHEME);
  else if (g_str_has_prefix (src, "portada:"))
    src += strlen ("portada:");
  if (!g_str_has_prefix (src, REF_PREFIX) || !portada_media_is_sha256 (src + strlen (REF_PREFIX)))
    return NULL;
  return src + strlen (REF_PREFIX);
}

/* The parser limits the depth of the tree (256), and so this recursion. */
static void
collect_imgs (xmlNodePtr node, GPtrArray *imgs)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (strcmp ((const char *) c->name, "img") == 0)
          g_ptr_array_add (imgs, c);
        else
          collect_imgs (c, imgs);
      }
}

char *
portada_picture_resolve_body (PortadaSite *site, const char *prefix, const char *html)
{
  g_autoptr (xmlDoc) doc = NULL;
  g_autoptr (GPtrArray) imgs = NULL;
  xmlNodePtr body;
  GString *out;

  if (html == NULL || strstr (html, REF_PREFIX) == NULL)
    return g_strdup (html ? html : "");
  doc = portada_html_parse (html, strlen (html));
  body = portada_html_find_body (doc);
  if (body == NULL)
    return g_strdup (html);
  imgs = g_ptr_array_new ();
  collect_imgs (body, imgs);
  for (guint i = 0; i < imgs->len; i++)
    {
      xmlNodePtr img = imgs->pdata[i];
      const char *sha = ref_of (portada_html_attr (img, "src"));
      PortadaMedia *m = sha ? portada_site_media_by_sha (site, sha) : NULL;
      const char *alt = portada_html_attr (img, "alt");
      xmlNodePtr picture;

      if (sha == NULL)
        continue;
      if (m == NULL)
        {
          xmlUnsetProp (img, BAD_CAST "src");
          continue;
        }
      picture = portada_picture_node (site, doc, prefix, m, alt && *alt ? alt : NULL,
                                      PORTADA_PICTURE_BODY_SIZES, TRUE);
      xmlReplaceNode (img, picture);
      xmlFreeNode (img);
    }
  out = g_string_new (NULL);
  portada_html_append_children (out, body);
  return g_string_free (out, FALSE);
}
