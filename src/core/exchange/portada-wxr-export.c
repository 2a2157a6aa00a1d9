/* portada-wxr-export.c: a newsroom as WordPress eXtended RSS 1.2, one file per language.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written with libxml2's xmlTextWriter. Everything comes from the database, never
 * from the clock, so the same newsroom exports to the same bytes.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <unistd.h>

#include "portada-articles.h"
#include "portada-exchange-private.h"
#include "portada-path-checks.h"
#include "portada-markdown.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-comments.h"
#include "portada-menu.h"
#include "portada-pages.h"
#include "portada-picture.h"
#include "portada-site-private.h"
#include "portada-slug.h"
#include "portada-wxr.h"

#define NS_WP "http://wordpress.org/export/1.2/"
#define ZERO_DATE "0000-00-00 00:00:00"

typedef struct
{
  PortadaNewsroom *newsroom;
  PortadaSite *site;
  xmlTextWriterPtr w;
  const char *lang;
  gint64 attachment_base; /* attachment post ids start above every article id */
  gint64 page_base;       /* page post ids start above every attachment id */
  gint64 menu_base;       /* menu item post ids start above every page id */
  GError *error;
} Export;

static char *
xml_text (const char *text)
{
  return portada_xml_clean (text);
}

static void
element (Export *e, const char *name, const char *text)
{
  g_autofree char *clean = xml_text (text);
  xmlTextWriterWriteElement (e->w, (const xmlChar *) name, (const xmlChar *) clean);
}

/* As WordPress's wxr_cdata(): the text raw in CDATA, each "]]>" written as
 * "]]]]><![CDATA[>" (the end of one section and the start of the next), the
 * one form the importer's regex parser joins back. */
static char *
cdata_text (const char *text)
{
  g_autofree char *clean = xml_text (text);
  g_auto (GStrv) parts = g_strsplit (clean, "]]>", -1);
  g_autofree char *joined = g_strjoinv ("]]]]><![CDATA[>", parts);
  return g_strconcat ("<![CDATA[", joined, "]]>", NULL);
}

static void
cdata_element (Export *e, const char *name, const char *text)
{
  g_autofree char *cdata = cdata_text (text);

  xmlTextWriterStartElement (e->w, (const xmlChar *) name);
  xmlTextWriterWriteRaw (e->w, (const xmlChar *) cdata);
  xmlTextWriterEndElement (e->w);
}

static void
int_element (Export *e, const char *name, gint64 value)
{
  xmlTextWriterWriteFormatElement (e->w, (const xmlChar *) name, "%" G_GINT64_FORMAT, value);
}

/* WordPress stores term names HTML-escaped ("A &amp; B"): written so, in CDATA. */
static void
term_name_element (Export *e, const char *name, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
  cdata_element (e, name, escaped);
}

/* A title, excerpt or display name as WordPress keeps it: HTML, but with ' " &
 * and a lone < or > as typed (as its editor stores them). Only what HTML would
 * read as markup is escaped: a "<" that opens a tag, comment or declaration
 * becomes &lt;, and a "&" that starts a character reference becomes &amp;.
 * So the text reads the same in WordPress, and no title turns into markup there.
 * portada_wxr_text_from_wp() undoes exactly this. */
/* HTML reads a reference after "&" with or without its ";" ("&copy", "&#60"). */
static gboolean
starts_reference (const char *p)
{
  return g_ascii_isalnum (p[1]) || p[1] == '#';
}

char *
portada_wxr_text_to_wp (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
        g_string_append (out, "&lt;");
      else if (*p == '&' && starts_reference (p))
        g_string_append (out, "&amp;");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
portada_wxr_text_from_wp (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (g_str_has_prefix (p, "&lt;"))
        g_string_append_c (out, '<'), p += 3;
      else if (g_str_has_prefix (p, "&amp;"))
        g_string_append_c (out, '&'), p += 4;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
text_element (Export *e, const char *name, const char *text)
{
  g_autofree char *wp = portada_wxr_text_to_wp (text);
  cdata_element (e, name, wp);
}

static char *
wp_date (gint64 t)
{
  g_autoptr (GDateTime) dt = t ? g_date_time_new_from_unix_utc (t) : NULL;
  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : g_strdup (ZERO_DATE);
}

static char *
rfc822 (gint64 t)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[]
      = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);

  if (dt == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d +0000",
                          days[g_date_time_get_day_of_week (dt) - 1],
                          g_date_time_get_day_of_month (dt), months[g_date_time_get_month (dt) - 1],
                          g_date_time_get_year (dt), g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt), g_date_time_get_second (dt));
}

static gboolean
is_block (xmlNodePtr n)
{
  static const char *const blocks[]
      = { "address", "article", "aside",      "blockquote", "caption", "dd",    "details", "div",
          "dl",      "dt",      "figcaption", "figure",     "footer",  "h1",    "h2",      "h3",
          "h4",      "h5",      "h6",         "header",     "hr",      "li",    "nav",     "ol",
          "p",       "pre",     "section",    "summary",    "table",   "tbody", "td",      "tfoot",
          "th",      "thead",   "tr",         "ul" };

  if (n == NULL || n->type != XML_ELEMENT_NODE)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (xmlStrEqual (n->name, (const xmlChar *) blocks[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_blank_text (xmlNodePtr n)
{
  if (n == NULL || n->type != XML_TEXT_NODE)
    return FALSE;
  for (const xmlChar *p = n->content; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The lines of a body as WordPress keeps them: a newline after every block
 * element (and only there), so that no line is longer than its block, and the
 * importer's line-based reader joins them back as they were. A line break
 * inside a paragraph would become <br> in WordPress's automatic paragraphs:
 * soft line breaks become spaces (but in <pre>). */
static void
lay_out_lines (xmlNodePtr parent)
{
  xmlNodePtr next;

  for (xmlNodePtr n = parent->children; n; n = next)
    {
      next = n->next;
      if (n->type == XML_TEXT_NODE && n->content)
        {
          /* Blanks after a block, or before a first one, are a newline. */
          if (is_blank_text (n) && (is_block (n->prev) || (n->prev == NULL && is_block (n->next))))
            xmlNodeSetContent (n, (const xmlChar *) "\n");
          else
            for (xmlChar *p = n->content; *p; p++)
              if (*p == '\n')
                *p = ' ';
          continue;
        }
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (!xmlStrEqual (n->name, (const xmlChar *) "pre"))
        lay_out_lines (n);
      if (is_block (n) && n->prev == NULL && n->parent->type == XML_ELEMENT_NODE
          && !xmlStrEqual (n->parent->name, (const xmlChar *) "body"))
        xmlAddPrevSibling (n, xmlNewDocText (n->doc, (const xmlChar *) "\n"));
      if (is_block (n) && !is_blank_text (n->next))
        xmlAddNextSibling (n, xmlNewDocText (n->doc, (const xmlChar *) "\n"));
    }
}

/* WordPress's line-based reader right-trims every line and drops empty ones:
 * inside <pre>, a line break before an empty line or after trailing blanks is
 * written as the character reference &#10;, the same character to HTML. */
static char *
keep_pre_lines (const char *html)
{
  GString *out = g_string_sized_new (strlen (html));
  gboolean in_pre = FALSE;

  for (const char *p = html; *p; p++)
    {
      if (*p == '<')
        {
          if (g_ascii_strncasecmp (p, "<pre", 4) == 0 && (p[4] == '>' || g_ascii_isspace (p[4])))
            in_pre = TRUE;
          else if (g_ascii_strncasecmp (p, "</pre>", 6) == 0)
            in_pre = FALSE;
        }
      if (in_pre && *p == '\n'
          && (p[1] == '\n' || p[1] == '\r' || p == html || p[-1] == '\n' || p[-1] == ' '
              || p[-1] == '\t'))
        {
          g_string_append (out, "&#10;");
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Body images ("media/<sha256>") point at the image's file in the site export,
 * under the site's address; their ids go in @ids, for the attachment items. */
static void
resolve_images (Export *e, xmlNodePtr node, GArray *ids)
{
  for (xmlNodePtr n = node; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (n->name, (const xmlChar *) "img"))
        {
          g_autofree xmlChar *src = xmlGetProp (n, (const xmlChar *) "src");
          const char *sha = src && g_str_has_prefix ((const char *) src, "media/")
                                ? (const char *) src + 6
                                : NULL;
          PortadaMedia *m = sha ? portada_site_media_by_sha (e->site, sha) : NULL;
          if (m)
            {
              g_autofree char *asset = portada_site_media_asset (e->site, m);
              g_autofree char *url = portada_site_absolute_url (e->site, asset);
              xmlSetProp (n, (const xmlChar *) "src", (const xmlChar *) url);
              if (m->width > 0)
                {
                  g_autofree char *w = g_strdup_printf ("%d", m->width);
                  g_autofree char *h = g_strdup_printf ("%d", m->height);
                  xmlSetProp (n, (const xmlChar *) "width", (const xmlChar *) w);
                  xmlSetProp (n, (const xmlChar *) "height", (const xmlChar *) h);
                }
              g_array_append_val (ids, m->id);
            }
        }
      resolve_images (e, n->children, ids);
    }
}

/* The body as WordPress stores it: a line per block, <pre> lines kept, body images
 * pointing at the site export's files (when @e is given; their ids in @image_ids). */
static char *
body_html (Export *e, const char *markdown, GArray *image_ids)
{
  g_autofree char *html = portada_markdown_to_html (markdown);
  g_autofree char *wrapped = g_strconcat ("<html><body>", html, "</body></html>", NULL);
  htmlDocPtr doc = htmlReadMemory (wrapped, strlen (wrapped), NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                       | HTML_PARSE_NODEFDTD);
  xmlNodePtr body = NULL;
  xmlBufferPtr buf;
  char *out;

  if (doc == NULL)
    return g_steal_pointer (&html);
  for (xmlNodePtr n = xmlDocGetRootElement (doc) ? xmlDocGetRootElement (doc)->children : NULL; n;
       n = n->next)
    if (n->type == XML_ELEMENT_NODE && xmlStrEqual (n->name, (const xmlChar *) "body"))
      body = n;
  if (body == NULL)
    {
      xmlFreeDoc (doc);
      return g_steal_pointer (&html);
    }
  lay_out_lines (body);
  if (e)
    resolve_images (e, body->children, image_ids);
  buf = xmlBufferCreate ();
  for (xmlNodePtr n = body->children; n; n = n->next)
    htmlNodeDump (buf, doc, n);
  out = keep_pre_lines ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  xmlFreeDoc (doc);
  return out;
}

char *
portada_wxr_body_html (const char *markdown)
{
  return body_html (NULL, markdown, NULL);
}

static char *
post_html (Export *e, const char *markdown, GArray *image_ids)
{
  return body_html (e, markdown, image_ids);
}

/* The category slug of a section in this language: the last part of its path. */
static char *
section_nicename (PortadaSection *s, const char *lang)
{
  const char *path = portada_section_get_path (s, lang);
  const char *slash = strrchr (path, '/');
  return g_strdup (slash ? slash + 1 : path);
}

static const char *
wp_status (PortadaArticleStatus status)
{
  switch (status)
    {
      case PORTADA_STATUS_DRAFT:
        return "draft";
      case PORTADA_STATUS_REVIEW:
        return "pending";
      case PORTADA_STATUS_SCHEDULED:
        return "future";
      case PORTADA_STATUS_PUBLISHED:
        return "publish";
      case PORTADA_STATUS_ARCHIVED:
      default:
        /* Archived → private: WordPress keeps a private post out of the public site
       * but keeps it, which is what archived means; "draft" would put it back in
       * the editors' queue. The importer maps private back to archived. */
        return "private";
    }
}

static void
postmeta (Export *e, const char *key, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  xmlTextWriterStartElement (e->w, (const xmlChar *) "wp:postmeta");
  element (e, "wp:meta_key", key);
  cdata_element (e, "wp:meta_value", value);
  xmlTextWriterEndElement (e->w);
}

static char *
author_login (const char *name)
{
  return portada_slug_from_title (name);
}

static GArray *
query_ids (PortadaNewsroom *nr, const char *sql, const char *lang, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (nr, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text (stmt, 1, lang);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (nr, error, "articles cannot be listed");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static GPtrArray *
query_names (PortadaNewsroom *nr, const char *sql, const char *lang, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (nr, sql, error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text (stmt, 1, lang);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 0)));
      g_ptr_array_add (rows, portada_stmt_dup_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (nr, error, "names cannot be listed");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* One line, as WordPress's wxr_authors_list() writes it: its regex parser reads
 * an author only when the whole <wp:author> is on the line it starts on. */
static void
write_author (Export *e, const char *id, const char *name)
{
  g_autofree char *login = author_login (name);
  g_autofree char *clean_id = xml_text (id);
  g_autofree char *c_login = cdata_text (login);
  g_autofree char *wp_name = portada_wxr_text_to_wp (name);
  g_autofree char *c_name = cdata_text (wp_name);
  g_autofree char *line = g_strdup_printf (
      "\t<wp:author><wp:author_id>%s</wp:author_id><wp:author_login>%s</wp:author_login>"
      "<wp:author_email><![CDATA[]]></wp:author_email><wp:author_display_name>%s"
      "</wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name>"
      "<wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>\n",
      clean_id, c_login, c_name);

  xmlTextWriterWriteRaw (e->w, (const xmlChar *) line);
}

static gboolean write_menu_terms (Export *e, GError **error);

static gboolean
write_channel_head (Export *e, gint64 newest, GError **error)
{
  g_autofree char *home = portada_site_home_path (e->site, e->lang);
  g_autofree char *link = portada_site_absolute_url (e->site, home);
  g_autofree char *date = rfc822 (newest);
  g_autoptr (GPtrArray) authors = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  const PortadaLanguage *language = portada_site_language (e->site, e->lang);

  element (e, "title", e->site->site_title);
  element (e, "link", link);
  element (e, "description", language ? language->name : e->lang);
  element (e, "pubDate", date);
  element (e, "language", e->lang);
  element (e, "wp:wxr_version", "1.2");
  element (e, "wp:base_site_url", e->site->base_url);
  element (e, "wp:base_blog_url", link);
  /* First: it tells Portada's importer that titles, excerpts and names are text. */
  element (e, "generator", "Portada " PACKAGE_VERSION);

  authors = query_names (e->newsroom,
                         "SELECT DISTINCT au.id, au.name FROM author au JOIN article a ON "
                         "a.author_id = au.id WHERE a.lang = ?1 ORDER BY au.id",
                         e->lang, error);
  if (authors == NULL)
    return FALSE;
  for (guint i = 0; i < authors->len; i += 2)
    write_author (e, authors->pdata[i], authors->pdata[i + 1]);

  for (guint i = 0; i < e->site->sections->len; i++)
    {
      PortadaSection *s = e->site->sections->pdata[i];
      g_autofree char *nicename = section_nicename (s, e->lang);
      xmlTextWriterStartElement (e->w, (const xmlChar *) "wp:category");
      int_element (e, "wp:term_id", s->id);
      cdata_element (e, "wp:category_nicename", nicename);
      cdata_element (e, "wp:category_parent", "");
      term_name_element (e, "wp:cat_name", portada_section_get_name (s, e->lang));
      xmlTextWriterEndElement (e->w);
    }

  tags = query_names (e->newsroom,
                      "SELECT DISTINCT t.id, t.name FROM tag t JOIN article_tag at ON "
                      "at.tag_id = t.id JOIN article a ON a.id = at.article_id WHERE a.lang = ?1 "
                      "ORDER BY t.id",
                      e->lang, error);
  if (tags == NULL)
    return FALSE;
  for (guint i = 0; i < tags->len; i += 2)
    {
      g_autofree char *slug = portada_slug_from_title (tags->pdata[i + 1]);
      xmlTextWriterStartElement (e->w, (const xmlChar *) "wp:tag");
      element (e, "wp:term_id", tags->pdata[i]);
      cdata_element (e, "wp:tag_slug", slug);
      term_name_element (e, "wp:tag_name", tags->pdata[i + 1]);
      xmlTextWriterEndElement (e->w);
    }
  return write_menu_terms (e, error);
}

static void
write_terms (Export *e, const PortadaArticle *a)
{
  PortadaSection *s = a->section ? g_hash_table_lookup (e->site->section_by_key, a->section) : NULL;

  if (s)
    {
      g_autofree char *nicename = section_nicename (s, e->lang);
      g_autofree char *name = g_markup_escape_text (portada_section_get_name (s, e->lang), -1);
      xmlTextWriterStartElement (e->w, (const xmlChar *) "category");
      xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "domain", (const xmlChar *) "category");
      xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "nicename", (const xmlChar *) nicename);
      {
        g_autofree char *clean = xml_text (name);
        xmlTextWriterWriteCDATA (e->w, (const xmlChar *) clean);
      }
      xmlTextWriterEndElement (e->w);
    }
  for (guint i = 0; a->tags && a->tags[i]; i++)
    {
      g_autofree char *slug = portada_slug_from_title (a->tags[i]);
      g_autofree char *name = g_markup_escape_text (a->tags[i], -1);
      g_autofree char *clean = xml_text (name);
      xmlTextWriterStartElement (e->w, (const xmlChar *) "category");
      xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "domain", (const xmlChar *) "post_tag");
      xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "nicename", (const xmlChar *) slug);
      xmlTextWriterWriteCDATA (e->w, (const xmlChar *) clean);
      xmlTextWriterEndElement (e->w);
    }
}

/* The translation link as WPML Export and Import reads it after a WordPress
 * import: the post's language, the group shared by its translations and, on
 * a translation, the language of the group's first article (its original). */
static void
write_wpml_meta (Export *e, const PortadaArticle *a)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *source = NULL;

  postmeta (e, "_wpml_import_language_code", a->lang);
  if (a->translation_group == NULL)
    return;
  stmt = portada_newsroom_prepare (e->newsroom,
                                   "SELECT lang FROM article WHERE translation_group = ?1 "
                                   "ORDER BY created_at, id LIMIT 1",
                                   NULL);
  if (stmt == NULL)
    return;
  portada_stmt_bind_text (stmt, 1, a->translation_group);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    source = portada_stmt_dup_text (stmt, 0);
  if (source && !g_str_equal (source, a->lang))
    postmeta (e, "_wpml_import_source_language_code", source);
  postmeta (e, "_wpml_import_translation_group", a->translation_group);
}

/* The comments of an article, approved and waiting ones, as WordPress's exporter
 * writes <wp:comment> (export.php): the ids are Portada's, so parents are found
 * within the file; the uuid as commentmeta finds them again on a second import. */
static void
write_comments (Export *e, const PortadaArticle *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) comments = portada_comments_list (e->newsroom, a->id, FALSE, &error);

  if (comments == NULL)
    {
      if (e->error == NULL)
        e->error = g_steal_pointer (&error);
      return;
    }
  for (guint i = 0; i < comments->len; i++)
    {
      PortadaComment *c = comments->pdata[i];
      g_autofree char *date = wp_date (c->created_at);
      g_autofree char *html = portada_wxr_body_html (c->body);
      g_autofree char *author = portada_wxr_text_to_wp (c->author);

      xmlTextWriterStartElement (e->w, (const xmlChar *) "wp:comment");
      int_element (e, "wp:comment_id", c->id);
      cdata_element (e, "wp:comment_author", author);
      cdata_element (e, "wp:comment_author_email", c->author_email ? c->author_email : "");
      element (e, "wp:comment_author_url", c->author_url ? c->author_url : "");
      cdata_element (e, "wp:comment_author_IP", "");
      cdata_element (e, "wp:comment_date", date);
      cdata_element (e, "wp:comment_date_gmt", date);
      cdata_element (e, "wp:comment_content", html);
      cdata_element (e, "wp:comment_approved", c->status == PORTADA_COMMENT_APPROVED ? "1" : "0");
      cdata_element (e, "wp:comment_type", portada_comment_kind_to_string (c->kind));
      int_element (e, "wp:comment_parent", c->parent_id);
      int_element (e, "wp:comment_user_id", 0);
      xmlTextWriterStartElement (e->w, (const xmlChar *) "wp:commentmeta");
      element (e, "wp:meta_key", "_portada_uuid");
      cdata_element (e, "wp:meta_value", c->uuid);
      xmlTextWriterEndElement (e->w);
      xmlTextWriterEndElement (e->w);
    }
}

/* The menus as WordPress names them: the section bar first (Portada's importer
 * takes a file's first menu for it), then one named "Footer links". */
static const struct
{
  const char *menu, *slug, *name;
} wxr_menus[] = {
  { PORTADA_MENU_BAR, "section-bar", "Section bar" },
  { PORTADA_MENU_FOOTER, "footer-links", "Footer links" },
};

static GPtrArray *
menu_items (Export *e, guint m, GError **error)
{
  return portada_menu_load (e->newsroom, e->lang, wxr_menus[m].menu, error);
}

/* A nav_menu term per menu the language has, as WordPress's exporter writes them:
 * its importer places a menu item only in a menu of the file. */
static gboolean
write_menu_terms (Export *e, GError **error)
{
  for (guint m = 0; m < G_N_ELEMENTS (wxr_menus); m++)
    {
      g_autoptr (GPtrArray) items = menu_items (e, m, error);
      if (items == NULL)
        return FALSE;
      if (items->len == 0)
        continue;
      xmlTextWriterStartElement (e->w, (const xmlChar *) "wp:term");
      int_element (e, "wp:term_id", e->menu_base + m + 1);
      cdata_element (e, "wp:term_taxonomy", "nav_menu");
      cdata_element (e, "wp:term_slug", wxr_menus[m].slug);
      term_name_element (e, "wp:term_name", wxr_menus[m].name);
      xmlTextWriterEndElement (e->w);
    }
  return TRUE;
}

/* What a menu item points to in this file: WordPress's type, object and object id. */
static gboolean
menu_object (Export *e, const PortadaMenuItem *item, const char **type, const char **object,
             gint64 *object_id)
{
  *object_id = 0;
  switch (item->kind)
    {
      case PORTADA_MENU_SECTION:
        {
          PortadaSection *s = g_hash_table_lookup (e->site->section_by_key, item->target);
          *type = "taxonomy", *object = "category";
          *object_id = s ? s->id : 0;
          return s != NULL;
        }
      case PORTADA_MENU_PAGE:
        {
          gint64 id = portada_pages_find_uuid (e->newsroom, item->target, NULL);
          *type = "post_type", *object = "page";
          *object_id = id > 0 ? e->page_base + id : 0;
          return id > 0;
        }
      case PORTADA_MENU_ARTICLE:
        {
          g_autoptr (PortadaArticle) a
              = portada_articles_load_by_uuid (e->newsroom, item->target, NULL);
          *type = "post_type", *object = "post";
          *object_id = a ? a->id : 0;
          return a && g_strcmp0 (a->lang, e->lang) == 0 && a->deleted_at == 0;
        }
      case PORTADA_MENU_URL:
      default:
        *type = "custom", *object = "custom";
        return TRUE;
    }
}

/* The menus' items, as WordPress's exporter writes nav_menu_items. */
static gboolean
write_menus (Export *e, GError **error)
{
  gint64 next = e->menu_base + G_N_ELEMENTS (wxr_menus) + 1;

  for (guint m = 0; m < G_N_ELEMENTS (wxr_menus); m++)
    {
      g_autoptr (GPtrArray) items = menu_items (e, m, error);
      if (items == NULL)
        return FALSE;
      for (guint i = 0; i < items->len; i++)
        {
          PortadaMenuItem *item = items->pdata[i];
          const char *type, *object;
          gint64 object_id, id = next++;
          g_autofree char *object_text = NULL;
          g_autofree char *guid = NULL;

          if (!menu_object (e, item, &type, &object, &object_id))
            continue;
          object_text = g_strdup_printf ("%" G_GINT64_FORMAT, object_id ? object_id : id);
          guid = g_strdup_printf ("%s/?p=%" G_GINT64_FORMAT, e->site->base_url, id);
          xmlTextWriterStartElement (e->w, (const xmlChar *) "item");
          text_element (e, "title", item->label);
          xmlTextWriterStartElement (e->w, (const xmlChar *) "guid");
          xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "isPermaLink",
                                       (const xmlChar *) "false");
          xmlTextWriterWriteString (e->w, (const xmlChar *) guid);
          xmlTextWriterEndElement (e->w);
          element (e, "description", "");
          cdata_element (e, "content:encoded", "");
          cdata_element (e, "excerpt:encoded", "");
          int_element (e, "wp:post_id", id);
          cdata_element (e, "wp:comment_status", "closed");
          cdata_element (e, "wp:ping_status", "closed");
          cdata_element (e, "wp:post_name", object_text);
          cdata_element (e, "wp:status", "publish");
          element (e, "wp:post_parent", "0");
          int_element (e, "wp:menu_order", i + 1);
          cdata_element (e, "wp:post_type", "nav_menu_item");
          cdata_element (e, "wp:post_password", "");
          element (e, "wp:is_sticky", "0");
          xmlTextWriterStartElement (e->w, (const xmlChar *) "category");
          xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "domain",
                                       (const xmlChar *) "nav_menu");
          xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "nicename",
                                       (const xmlChar *) wxr_menus[m].slug);
          {
            g_autofree char *cdata = cdata_text (wxr_menus[m].name);
            xmlTextWriterWriteRaw (e->w, (const xmlChar *) cdata);
          }
          xmlTextWriterEndElement (e->w);
          postmeta (e, "_menu_item_type", type);
          postmeta (e, "_menu_item_menu_item_parent", "0");
          postmeta (e, "_menu_item_object_id", object_text);
          postmeta (e, "_menu_item_object", object);
          postmeta (e, "_menu_item_url", item->kind == PORTADA_MENU_URL ? item->target : "");
          xmlTextWriterEndElement (e->w);
        }
    }
  return TRUE;
}

static void
write_post (Export *e, const PortadaArticle *a, GArray *image_ids)
{
  g_autofree char *path = portada_page_article_path (e->site, a);
  g_autofree char *link = portada_site_absolute_url (e->site, path);
  gint64 shown = a->publish_at ? a->publish_at : a->created_at;
  g_autofree char *pub = rfc822 (shown);
  g_autofree char *date = wp_date (shown);
  g_autofree char *date_gmt = wp_date (a->publish_at);
  g_autofree char *modified = wp_date (a->updated_at);
  g_autofree char *login = a->author ? author_login (a->author) : g_strdup ("");
  g_autofree char *html = post_html (e, a->body, image_ids);

  xmlTextWriterStartElement (e->w, (const xmlChar *) "item");
  text_element (e, "title", a->title);
  element (e, "link", link);
  element (e, "pubDate", pub);
  cdata_element (e, "dc:creator", login);
  xmlTextWriterStartElement (e->w, (const xmlChar *) "guid");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "isPermaLink", (const xmlChar *) "false");
  xmlTextWriterWriteString (e->w, (const xmlChar *) a->uuid);
  xmlTextWriterEndElement (e->w);
  element (e, "description", "");
  cdata_element (e, "content:encoded", html);
  text_element (e, "excerpt:encoded", a->excerpt);
  int_element (e, "wp:post_id", a->id);
  cdata_element (e, "wp:post_date", date);
  cdata_element (e, "wp:post_date_gmt", date_gmt);
  cdata_element (e, "wp:post_modified", modified);
  cdata_element (e, "wp:post_modified_gmt", modified);
  cdata_element (e, "wp:comment_status", a->comments_enabled ? "open" : "closed");
  cdata_element (e, "wp:ping_status", "closed");
  cdata_element (e, "wp:post_name", a->slug);
  cdata_element (e, "wp:status", wp_status (a->status));
  element (e, "wp:post_parent", "0");
  element (e, "wp:menu_order", "0");
  cdata_element (e, "wp:post_type", "post");
  cdata_element (e, "wp:post_password", "");
  element (e, "wp:is_sticky", "0");
  write_terms (e, a);
  postmeta (e, "subtitle", a->subtitle);
  postmeta (e, "source_name", a->source_name);
  postmeta (e, "source_url", a->source_url);
  postmeta (e, "_portada_section", a->section);
  if (a->section && g_hash_table_lookup (e->site->section_by_key, a->section))
    postmeta (e, "_portada_section_path",
              portada_section_get_path (g_hash_table_lookup (e->site->section_by_key, a->section),
                                        e->lang));
  postmeta (e, "_portada_translation_group", a->translation_group);
  write_wpml_meta (e, a);
  if (a->featured_media_id)
    {
      g_autofree char *id
          = g_strdup_printf ("%" G_GINT64_FORMAT, e->attachment_base + a->featured_media_id);
      postmeta (e, "_thumbnail_id", id);
    }
  write_comments (e, a);
  xmlTextWriterEndElement (e->w);
}

/* A featured or body image: an attachment item whose URL is the image in the site
 * export. */
static void
write_attachment (Export *e, gint64 media_id, const PortadaArticle *first_user)
{
  PortadaMedia *m = portada_site_media (e->site, media_id);
  g_autofree char *asset = NULL;
  g_autofree char *url = NULL;
  g_autofree char *date = wp_date (first_user->created_at);
  g_autofree char *pub = rfc822 (first_user->created_at);

  if (m == NULL)
    return;
  asset = portada_site_media_asset (e->site, m);
  url = portada_site_absolute_url (e->site, asset);
  xmlTextWriterStartElement (e->w, (const xmlChar *) "item");
  text_element (e, "title", m->filename ? m->filename : m->sha256);
  element (e, "link", url);
  element (e, "pubDate", pub);
  cdata_element (e, "dc:creator", "");
  xmlTextWriterStartElement (e->w, (const xmlChar *) "guid");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "isPermaLink", (const xmlChar *) "false");
  xmlTextWriterWriteString (e->w, (const xmlChar *) url);
  xmlTextWriterEndElement (e->w);
  element (e, "description", "");
  cdata_element (e, "content:encoded", "");
  cdata_element (e, "excerpt:encoded", "");
  int_element (e, "wp:post_id", e->attachment_base + media_id);
  cdata_element (e, "wp:post_date", date);
  cdata_element (e, "wp:post_date_gmt", date);
  cdata_element (e, "wp:comment_status", "closed");
  cdata_element (e, "wp:ping_status", "closed");
  cdata_element (e, "wp:post_name", m->sha256);
  cdata_element (e, "wp:status", "inherit");
  int_element (e, "wp:post_parent", first_user->id);
  element (e, "wp:menu_order", "0");
  cdata_element (e, "wp:post_type", "attachment");
  cdata_element (e, "wp:post_password", "");
  element (e, "wp:is_sticky", "0");
  cdata_element (e, "wp:attachment_url", url);
  postmeta (e, "_wp_attachment_image_alt", m->alt_text);
  xmlTextWriterEndElement (e->w);
}

/* A page: a WordPress "page" item, its parent by post id, at its site address. */
static void
write_page (Export *e, const PortadaPage *p)
{
  g_autofree char *home = portada_site_home_path (e->site, e->lang);
  const PortadaSitePage *shown = portada_site_page_by_uuid (e->site, p->uuid);
  /* Where the site export has it (a child under its parent); a page not on the
   * site, at the address it would have at the top. */
  g_autofree char *path = shown ? g_strdup (shown->path) : g_strconcat (home, p->slug, "/", NULL);
  g_autofree char *link = portada_site_absolute_url (e->site, path);
  g_autofree char *pub = rfc822 (p->created_at);
  g_autofree char *date = wp_date (p->created_at);
  g_autofree char *modified = wp_date (p->updated_at);
  g_autoptr (GArray) images = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *html = body_html (e, p->body, images);

  xmlTextWriterStartElement (e->w, (const xmlChar *) "item");
  text_element (e, "title", p->title);
  element (e, "link", link);
  element (e, "pubDate", pub);
  cdata_element (e, "dc:creator", "");
  xmlTextWriterStartElement (e->w, (const xmlChar *) "guid");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "isPermaLink", (const xmlChar *) "false");
  xmlTextWriterWriteString (e->w, (const xmlChar *) p->uuid);
  xmlTextWriterEndElement (e->w);
  element (e, "description", "");
  cdata_element (e, "content:encoded", html);
  cdata_element (e, "excerpt:encoded", "");
  int_element (e, "wp:post_id", e->page_base + p->id);
  cdata_element (e, "wp:post_date", date);
  cdata_element (e, "wp:post_date_gmt", date);
  cdata_element (e, "wp:post_modified", modified);
  cdata_element (e, "wp:post_modified_gmt", modified);
  cdata_element (e, "wp:comment_status", "closed");
  cdata_element (e, "wp:ping_status", "closed");
  cdata_element (e, "wp:post_name", p->slug);
  cdata_element (e, "wp:status", wp_status (p->status));
  int_element (e, "wp:post_parent", p->parent_id ? e->page_base + p->parent_id : 0);
  int_element (e, "wp:menu_order", p->menu_order);
  cdata_element (e, "wp:post_type", "page");
  cdata_element (e, "wp:post_password", "");
  element (e, "wp:is_sticky", "0");
  postmeta (e, "_portada_translation_group", p->translation_group);
  postmeta (e, "_wpml_import_language_code", p->lang);
  postmeta (e, "_wpml_import_translation_group", p->translation_group);
  xmlTextWriterEndElement (e->w);
}

static gboolean
export_language (Export *e, PortadaOutputDir *dir, const char *path, GArray *ids, guint *done,
                 guint total, GCancellable *cancellable, PortadaProgressFunc progress,
                 gpointer user_data, GError **error)
{
  g_autoptr (GHashTable) media = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) featured
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_article_free);
  g_autoptr (GArray) attached = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) owners = g_ptr_array_new (); /* the article of each attached image */
  gint64 newest = 0;
  gboolean ok = FALSE;
  xmlOutputBufferPtr out;
  int fd;

  {
    g_autoptr (sqlite3_stmt) stmt = portada_newsroom_prepare (
        e->newsroom, "SELECT coalesce(max(updated_at), 0) FROM article WHERE lang = ?1", error);
    if (stmt == NULL)
      return FALSE;
    portada_stmt_bind_text (stmt, 1, e->lang);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      newest = sqlite3_column_int64 (stmt, 0);
  }

  fd = portada_output_dir_create (dir, path, error);
  if (fd < 0)
    return FALSE;
  out = xmlOutputBufferCreateFd (fd, NULL);
  e->w = out ? xmlNewTextWriter (out) : NULL;
  if (e->w == NULL)
    {
      if (out)
        xmlOutputBufferClose (out);
      close (fd);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("%s: cannot be written"), path);
      return FALSE;
    }
  xmlTextWriterSetIndent (e->w, 1);
  xmlTextWriterSetIndentString (e->w, (const xmlChar *) "\t");
  xmlTextWriterStartDocument (e->w, "1.0", "UTF-8", NULL);
  xmlTextWriterWriteComment (e->w, (const xmlChar *) " A WordPress eXtended RSS (WXR 1.2) file "
                                                     "written by Portada: WordPress can import "
                                                     "it under Tools > Import > WordPress. ");
  xmlTextWriterStartElement (e->w, (const xmlChar *) "rss");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "version", (const xmlChar *) "2.0");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "xmlns:excerpt",
                               (const xmlChar *) NS_WP "excerpt/");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "xmlns:content",
                               (const xmlChar *) "http://purl.org/rss/1.0/modules/content/");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "xmlns:wfw",
                               (const xmlChar *) "http://wellformedweb.org/CommentAPI/");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "xmlns:dc",
                               (const xmlChar *) "http://purl.org/dc/elements/1.1/");
  xmlTextWriterWriteAttribute (e->w, (const xmlChar *) "xmlns:wp", (const xmlChar *) NS_WP);
  xmlTextWriterStartElement (e->w, (const xmlChar *) "channel");
  if (!write_channel_head (e, newest, error))
    goto out;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (PortadaArticle) a = NULL;

      if (!portada_exchange_check_cancelled (cancellable, error))
        goto out;
      a = portada_articles_load (e->newsroom, g_array_index (ids, gint64, i), error);
      if (a == NULL)
        goto out;
      {
        g_autoptr (GArray) image_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        write_post (e, a, image_ids);
        if (e->error)
          {
            g_propagate_error (error, g_steal_pointer (&e->error));
            goto out;
          }
        if (a->featured_media_id)
          g_array_prepend_val (image_ids, a->featured_media_id);
        /* One attachment item per image, under the first article that shows it. */
        for (guint k = 0; k < image_ids->len; k++)
          {
            gint64 id = g_array_index (image_ids, gint64, k);
            if (g_hash_table_add (media, g_memdup2 (&id, sizeof id)))
              {
                g_array_append_val (attached, id);
                g_ptr_array_add (owners, a);
              }
          }
        if (owners->len && owners->pdata[owners->len - 1] == a)
          g_ptr_array_add (featured, g_steal_pointer (&a));
      }
      ++*done;
      if (progress && (*done % 10 == 0 || *done == total))
        progress ((double) *done / MAX (total, 1), user_data);
    }
  for (guint i = 0; i < attached->len; i++)
    write_attachment (e, g_array_index (attached, gint64, i), owners->pdata[i]);
  {
    g_autoptr (GPtrArray) pages = portada_pages_list (e->newsroom, e->lang, error);
    if (pages == NULL)
      goto out;
    for (guint i = 0; i < pages->len; i++)
      write_page (e, pages->pdata[i]);
  }
  if (!write_menus (e, error))
    goto out;
  xmlTextWriterEndElement (e->w); /* channel */
  xmlTextWriterEndElement (e->w); /* rss */
  if (xmlTextWriterEndDocument (e->w) < 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: cannot be written (is the disk full?)"), path);
      goto out;
    }
  ok = TRUE;

out:
  xmlFreeTextWriter (e->w); /* flushes and frees the output buffer, not the descriptor */
  e->w = NULL;
  if (close (fd) != 0 && ok)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: cannot be written (is the disk full?)"), path);
      ok = FALSE;
    }
  return ok;
}

static gboolean
portada_wxr_export_snapshot (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                             GCancellable *cancellable, PortadaProgressFunc progress,
                             gpointer user_data, GError **error)
{
  g_autoptr (PortadaSite) site = NULL;
  g_autoptr (GPtrArray) langs = g_ptr_array_new ();
  g_autoptr (GPtrArray) id_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  PortadaOutputDir *dir;
  Export e = { 0 };
  guint total = 0, done = 0;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  xmlInitParser ();
  if (!portada_exchange_check_export_lang (newsroom, lang, error))
    return FALSE;
  site = portada_site_load (newsroom, PORTADA_ASSETS_EXPORT, NULL, error);
  if (site == NULL)
    return FALSE;
  for (guint i = 0; i < site->languages->len; i++)
    {
      PortadaLanguage *l = site->languages->pdata[i];
      GArray *ids;
      if (lang && !g_str_equal (lang, l->code))
        continue;
      ids = query_ids (newsroom,
                       "SELECT id FROM article WHERE lang = ?1 AND deleted_at IS NULL ORDER BY id",
                       l->code, error);
      if (ids == NULL)
        return FALSE;
      g_ptr_array_add (langs, l->code);
      g_ptr_array_add (id_lists, ids);
      total += ids->len;
    }
  {
    g_autoptr (sqlite3_stmt) stmt
        = portada_newsroom_prepare (newsroom, "SELECT coalesce(max(id), 0) FROM article", error);
    if (stmt == NULL)
      return FALSE;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      e.attachment_base = sqlite3_column_int64 (stmt, 0);
  }
  {
    g_autoptr (sqlite3_stmt) stmt
        = portada_newsroom_prepare (newsroom, "SELECT coalesce(max(id), 0) FROM media", error);
    if (stmt == NULL)
      return FALSE;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      e.page_base = e.attachment_base + sqlite3_column_int64 (stmt, 0);
  }
  {
    g_autoptr (sqlite3_stmt) stmt
        = portada_newsroom_prepare (newsroom, "SELECT coalesce(max(id), 0) FROM page", error);
    if (stmt == NULL)
      return FALSE;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      e.menu_base = e.page_base + sqlite3_column_int64 (stmt, 0);
  }

  if (!portada_path_checks_refuse (newsroom, error))
    return FALSE;
  dir = portada_output_dir_begin (newsroom, out_dir, "wxr", error);
  if (dir == NULL)
    return FALSE;
  e.newsroom = newsroom;
  e.site = site;
  for (guint i = 0; i < langs->len; i++)
    {
      g_autofree char *name = g_strconcat (langs->pdata[i], ".wxr.xml", NULL);
      e.lang = langs->pdata[i];
      if (!export_language (&e, dir, name, id_lists->pdata[i], &done, total, cancellable, progress,
                            user_data, error))
        {
          portada_output_dir_abort (dir);
          return FALSE;
        }
    }
  if (!portada_exchange_check_cancelled (cancellable, error))
    {
      portada_output_dir_abort (dir);
      return FALSE;
    }
  if (progress && total == 0)
    progress (1.0, user_data);
  return portada_output_dir_commit (dir, error);
}

/* Reads everything from one snapshot of the newsroom: an article another window
 * saves meanwhile is exported whole, as before or as after, never half of each. */
gboolean
portada_wxr_export (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                    GCancellable *cancellable, PortadaProgressFunc progress, gpointer user_data,
                    GError **error)
{
  gboolean ok;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  if (!portada_newsroom_begin_read (newsroom, error))
    return FALSE;
  ok = portada_wxr_export_snapshot (newsroom, out_dir, lang, cancellable, progress, user_data,
                                    error);
  portada_newsroom_end_read (newsroom);
  return ok;
}
