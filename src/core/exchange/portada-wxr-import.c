/* portada-wxr-import.c: a WordPress export (WXR 1.0 to 1.2) into a newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is streamed through libxml2's reader: each <item> is expanded, turned
 * into an article and freed, so memory stays bounded whatever the file's size.
 * Safety: no network (XML_PARSE_NONET), no DTD loading, no entity substitution,
 * no XML_PARSE_HUGE, and a document that declares entities is refused before
 * any of them could be expanded. Bytes that are not UTF-8 are replaced on the
 * way in, so one bad byte costs a summary line, not the whole file.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "portada-articles.h"
#include "portada-beneath.h"
#include "portada-comments.h"
#include "portada-exchange-private.h"
#include "portada-html-to-markdown.h"
#include "portada-menu.h"
#include "portada-image.h"
#include "portada-media-import.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-slug.h"
#include "portada-pages.h"
#include "portada-wxr.h"

#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define PRESCAN_SIZE (64 * 1024)
#define MAX_CATEGORY_DEPTH 8

/* Input: a FILE read through a filter that makes the bytes valid UTF-8 */

typedef struct
{
  FILE *file;
  gboolean fix_utf8;
  guint64 size;
  guint64 consumed;
  guchar carry[4]; /* the start of a sequence cut by the end of a chunk */
  guint n_carry;
  int line;
  guint bad_bytes;
  int first_bad_line;
} Input;

static gsize
sequence_length (guchar c)
{
  return c < 0x80             ? 1
         : (c & 0xe0) == 0xc0 ? 2
         : (c & 0xf0) == 0xe0 ? 3
         : (c & 0xf8) == 0xf0 ? 4
                              : 0;
}

static void
note_bad (Input *in)
{
  if (in->bad_bytes++ == 0)
    in->first_bad_line = in->line;
}

/* Characters XML does not allow (C0 controls but tab and line breaks) are
 * replaced too: WordPress content pasted from word processors has them. */
static gboolean
allowed_ascii (guchar c)
{
  return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

static int
input_read (void *context, char *buffer, int len)
{
  Input *in = context;
  guchar raw[8192 + 4];
  gsize want = MIN ((gsize) len / 3, 8192), got, n, out = 0, i = 0;

  if (want == 0)
    return -1;
  memcpy (raw, in->carry, in->n_carry);
  got = fread (raw + in->n_carry, 1, want, in->file);
  if (ferror (in->file))
    return -1;
  in->consumed += got;
  n = in->n_carry + got;
  in->n_carry = 0;
  if (!in->fix_utf8)
    {
      memcpy (buffer, raw, n);
      return n;
    }
  while (i < n)
    {
      guchar c = raw[i];
      gsize seq = sequence_length (c);

      if (c == '\n')
        in->line++;
      if (seq == 1)
        {
          if (allowed_ascii (c))
            buffer[out++] = c;
          else
            {
              note_bad (in);
              memcpy (buffer + out, "\xef\xbf\xbd", 3), out += 3;
            }
          i++;
          continue;
        }
      if (seq && i + seq > n && !feof (in->file))
        {
          /* Cut by the chunk: kept for the next read. */
          in->n_carry = n - i;
          memcpy (in->carry, raw + i, in->n_carry);
          break;
        }
      if (seq && i + seq <= n && g_utf8_validate ((const char *) raw + i, seq, NULL))
        {
          memcpy (buffer + out, raw + i, seq);
          out += seq;
          i += seq;
          continue;
        }
      note_bad (in);
      memcpy (buffer + out, "\xef\xbf\xbd", 3), out += 3;
      i++;
    }
  return out;
}

static int
input_close (void *context)
{
  return 0;
}

/* Whether the start of the file declares an encoding other than UTF-8 (or is
 * UTF-16): then the bytes go to libxml2 as they are. */
static gboolean
declares_other_encoding (const char *head, gsize len)
{
  g_autofree char *decl = NULL;
  char *enc, *end;

  if (len >= 2
      && ((guchar) head[0] == 0xfe || (guchar) head[0] == 0xff || head[0] == '\0'
          || head[1] == '\0'))
    return TRUE;
  if (len < 5 || strncmp (head, "<?xml", 5) != 0)
    return FALSE;
  end = memchr (head, '>', len);
  if (end == NULL)
    return FALSE;
  decl = g_strndup (head, end - head);
  enc = strstr (decl, "encoding");
  if (enc == NULL)
    return FALSE;
  enc += strcspn (enc, "\"'");
  if (*enc == '\0')
    return FALSE;
  return g_ascii_strncasecmp (enc + 1, "utf-8", 5) != 0
         && g_ascii_strncasecmp (enc + 1, "utf8", 4) != 0;
}

/* Looks at the prolog (before the root element) for <!ENTITY. Returns TRUE when
 * the prolog declares entities. */
static gboolean
prolog_declares_entities (const char *head, gsize len)
{
  const char *p = head, *end = head + len;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      if (lt == NULL || lt + 1 >= end)
        return FALSE;
      if (lt[1] == '?')
        {
          const char *close = g_strstr_len (lt, end - lt, "?>");
          if (close == NULL)
            return FALSE;
          p = close + 2;
        }
      else if (end - lt >= 4 && strncmp (lt, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (lt, end - lt, "-->");
          if (close == NULL)
            return FALSE;
          p = close + 3;
        }
      else if (lt[1] == '!')
        {
          /* The DOCTYPE: its internal subset runs to "]>" or the DOCTYPE to ">". */
          const char *bracket = memchr (lt, '[', end - lt);
          const char *gt = memchr (lt, '>', end - lt);
          const char *close = bracket && (gt == NULL || bracket < gt)
                                  ? g_strstr_len (bracket, end - bracket, "]")
                                  : gt;
          const char *stop = close ? close : end;
          if (g_strstr_len (lt, stop - lt, "<!ENTITY"))
            return TRUE;
          if (close == NULL)
            return FALSE;
          p = close + 1;
        }
      else
        return FALSE; /* the root element */
    }
  return FALSE;
}

/* Namespaces */

static gboolean
is_wp_ns (const xmlChar *href, const char *tail)
{
  const char *s = (const char *) href;
  gsize tail_len = strlen (tail);

  if (s == NULL)
    return FALSE;
  if (g_str_has_prefix (s, "http://"))
    s += 7;
  else if (g_str_has_prefix (s, "https://"))
    s += 8;
  else
    return FALSE;
  if (!g_str_has_prefix (s, "wordpress.org/export/1."))
    return FALSE;
  s += strlen ("wordpress.org/export/1.");
  if (!g_ascii_isdigit (*s))
    return FALSE;
  while (g_ascii_isdigit (*s))
    s++;
  return *s == '/' && strncmp (s + 1, tail, tail_len) == 0 && s[1 + tail_len] == '\0';
}

typedef enum
{
  NS_NONE,
  NS_WP,
  NS_EXCERPT,
  NS_CONTENT_MODULE,
  NS_DUBLIN_CORE,
  NS_OTHER,
} Namespace;

static Namespace
namespace_of (xmlNodePtr n)
{
  const xmlChar *href = n->ns ? n->ns->href : NULL;

  if (href == NULL || *href == '\0')
    return NS_NONE;
  if (is_wp_ns (href, ""))
    return NS_WP;
  if (is_wp_ns (href, "excerpt/"))
    return NS_EXCERPT;
  if (xmlStrEqual (href, (const xmlChar *) NS_CONTENT))
    return NS_CONTENT_MODULE;
  if (xmlStrEqual (href, (const xmlChar *) NS_DC))
    return NS_DUBLIN_CORE;
  return NS_OTHER;
}

static gboolean
is (xmlNodePtr n, Namespace ns, const char *name)
{
  return n->type == XML_ELEMENT_NODE && xmlStrEqual (n->name, (const xmlChar *) name)
         && namespace_of (n) == ns;
}

/* The first child element @ns:@name of @parent, or NULL. */
static xmlNodePtr
child (xmlNodePtr parent, Namespace ns, const char *name)
{
  for (xmlNodePtr n = parent->children; n; n = n->next)
    if (is (n, ns, name))
      return n;
  return NULL;
}

static char *
content_of (xmlNodePtr n)
{
  xmlChar *t;
  char *copy;

  if (n == NULL)
    return NULL;
  t = xmlNodeGetContent (n);
  copy = g_strdup (t ? (const char *) t : "");
  xmlFree (t);
  return copy;
}

/* The trimmed text of child @ns:@name, NULL when absent or empty. */
static char *
child_text (xmlNodePtr parent, Namespace ns, const char *name)
{
  char *text = content_of (child (parent, ns, name));

  if (text && *g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The import */

typedef struct
{
  char *name;   /* display name */
  char *parent; /* parent nicename */
} Category;

static void
category_free (Category *c)
{
  g_free (c->name);
  g_free (c->parent);
  g_free (c);
}

typedef struct
{
  char *uuid;
  char *thumbnail; /* attachment post id */
  char *title;
} Thumbnail;

static void
thumbnail_free (Thumbnail *t)
{
  g_free (t->uuid);
  g_free (t->thumbnail);
  g_free (t->title);
  g_free (t);
}

typedef struct
{
  gint64 page_id;
  char *parent; /* wp:post_parent */
  char *slug;   /* the slug asked for, which may be free under the parent only */
  char *title;
  int line;
} PageParent;

static void
page_parent_free (PageParent *pp)
{
  g_free (pp->parent);
  g_free (pp->slug);
  g_free (pp->title);
  g_free (pp);
}

typedef struct
{
  PortadaNewsroom *newsroom;
  PortadaImportSummary *summary;
  const char *path;
  char *lang;
  xmlTextReaderPtr reader;
  Input *input;
  char *version;
  char *base_url;
  GHashTable *authors;     /* login → display name */
  GHashTable *categories;  /* nicename → Category */
  GHashTable *attachments; /* post id → URL */
  GHashTable *guids;       /* uuids of this file */
  GPtrArray *thumbnails;   /* Thumbnail */
  GHashTable *page_ids;    /* wp:post_id → page id (gint64 *) */
  GHashTable *post_uuids;  /* wp:post_id → uuid of the imported article */
  GHashTable *terms;       /* wp:term_id → category nicename */
  GPtrArray *menu_refs;    /* MenuRef: nav_menu_items, resolved at the end */
  GPtrArray *page_parents; /* PageParent: pages whose parent is resolved at the end */
  guint comments;          /* comments of items not imported as articles */
  guint spam;              /* comments marked spam or trash */
  gboolean comments_taken; /* the current item's comments were imported */
  gboolean portada_text;   /* written by Portada: titles, excerpts and names are text */
  const char *uploads;     /* a copy of the site's wp-content/uploads, or NULL */
  int uploads_fd;          /* its folder, opened once: files are read beneath it only */
  GHashTable *uploaded;    /* relative path in it → media id (gint64 *), 0 when refused */
  guint uploads_taken;     /* images taken from it */
  guint uploads_missing;   /* images the file names that it lacks */
  char *xml_error;
  int xml_error_line;
  guint errors_noted;
} Import;

static char *uploads_relpath (const char *url);
static gint64 upload_media (Import *im, const char *url, const char *alt, const char *caption,
                            const char *what, GError **error);

static void
on_xml_error (void *data, xmlErrorPtr e)
{
  Import *im = data;

  if (e == NULL || e->level < XML_ERR_ERROR)
    return;
  if (e->level == XML_ERR_ERROR)
    {
      /* Not fatal (a namespace URI that is not a URI...): the document is still read. */
      /* libxml2 quotes the input, cut at any byte: made valid before it is shown. */
      g_autofree char *message = g_strstrip (g_utf8_make_valid (e->message ? e->message : "", -1));
      if (im->errors_noted++ < 10)
        portada_import_summary_add_line (im->summary, _ ("%s:%d: note: %s"), im->path, e->line,
                                         message);
      return;
    }
  if (im->xml_error)
    return;
  im->xml_error = g_strstrip (g_utf8_make_valid (e->message ? e->message : "malformed XML", -1));
  im->xml_error_line = e->line;
}

static int
reader_line (Import *im)
{
  int line = xmlTextReaderGetParserLineNumber (im->reader);
  return line > 0 ? line : 1;
}

/* @kind: the reason under which the summary tallies it; NULL for a post that
 * could not be read. */
static void
skip_item_kind (Import *im, int line, const char *title, const char *id, const char *kind,
                const char *reason)
{
  g_autofree char *label = title && *title ? g_strdup_printf ("“%s”", title)
                                           : g_strdup_printf ("(post %s)", id ? id : "?");
  if (kind)
    portada_import_summary_skip_kind (im->summary, kind, _ ("%s:%d: %s skipped: %s"), im->path,
                                      line, label, reason);
  else
    portada_import_summary_skip (im->summary, _ ("%s:%d: %s skipped: %s"), im->path, line, label,
                                 reason);
}

static void
skip_item (Import *im, int line, const char *title, const char *id, const char *reason)
{
  skip_item_kind (im, line, title, id, NULL, reason);
}

static void note (Import *im, int line, const char *title, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static void
note (Import *im, int line, const char *title, const char *format, ...)
{
  va_list args;
  g_autofree char *what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  portada_import_summary_add_line (im->summary, _ ("%s:%d: “%s”: %s"), im->path, line,
                                   title ? title : "", what);
}

static char *
clean (const char *text, gboolean *changed)
{
  return text ? portada_exchange_clean_text (text, -1, changed) : NULL;
}

/* WordPress keeps titles, excerpts and display names as HTML; Portada writes
 * them as typed but for what would be markup (portada_wxr_text_to_wp()), which
 * its own files say in <generator>. */
static char *
html_or_text (Import *im, const char *text)
{
  return im->portada_text ? portada_wxr_text_from_wp (text) : portada_html_to_text (text);
}

static void
read_author (Import *im, xmlNodePtr n)
{
  g_autofree char *login = child_text (n, NS_WP, "author_login");
  g_autofree char *name = child_text (n, NS_WP, "author_display_name");

  if (login == NULL)
    return;
  if (name == NULL)
    {
      g_autofree char *first = child_text (n, NS_WP, "author_first_name");
      g_autofree char *last = child_text (n, NS_WP, "author_last_name");
      if (first || last)
        name = g_strstrip (g_strdup_printf ("%s %s", first ? first : "", last ? last : ""));
    }
  g_hash_table_replace (im->authors, g_steal_pointer (&login),
                        name ? html_or_text (im, name) : NULL);
}

static char *
percent_decoded (const char *text)
{
  char *decoded = g_uri_unescape_string (text, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    {
      g_free (decoded);
      return g_strdup (text);
    }
  return decoded;
}

static void
read_category (Import *im, xmlNodePtr n)
{
  g_autofree char *nicename = child_text (n, NS_WP, "category_nicename");
  g_autofree char *name = child_text (n, NS_WP, "cat_name");
  Category *c;

  if (nicename == NULL)
    return;
  c = g_new0 (Category, 1);
  c->name = name ? portada_html_to_text (name) : NULL;
  c->parent = child_text (n, NS_WP, "category_parent");
  {
    g_autofree char *term_id = child_text (n, NS_WP, "term_id");
    if (term_id)
      g_hash_table_replace (im->terms, g_steal_pointer (&term_id), percent_decoded (nicename));
  }
  g_hash_table_replace (im->categories, percent_decoded (nicename), c);
}

static gboolean
parse_wp_date (const char *text, gint64 *out)
{
  int y, mo, d, h, mi, s;
  g_autoptr (GDateTime) dt = NULL;

  if (text == NULL || sscanf (text, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6 || y < 1)
    return FALSE;
  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* RSS pubDate: "Tue, 18 Jan 2011 07:40:14 +0000". */
static gboolean
parse_rfc822 (const char *text, gint64 *out)
{
  static const char *const months[]
      = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  char month[4] = { 0 };
  int d, y, h, mi, s;
  const char *p = text ? strchr (text, ',') : NULL;

  p = p ? p + 1 : text;
  if (p == NULL || sscanf (p, " %d %3s %d %d:%d:%d", &d, month, &y, &h, &mi, &s) != 6)
    return FALSE;
  for (int m = 0; m < 12; m++)
    if (g_ascii_strcasecmp (month, months[m]) == 0)
      {
        g_autoptr (GDateTime) dt = g_date_time_new_utc (y, m + 1, d, h, mi, s);
        if (dt == NULL)
          return FALSE;
        *out = g_date_time_to_unix (dt);
        return TRUE;
      }
  return FALSE;
}

static const char *
skip_reason (const char *type)
{
  static const struct
  {
    const char *type, *reason;
  } known[] = {
    { "attachment", N_ ("an attachment (media file); Portada never downloads files") },
    { "revision", N_ ("a revision of another post") },
    { "custom_css", N_ ("theme CSS, not an article") },
    { "customize_changeset", N_ ("theme settings, not an article") },
    { "oembed_cache", N_ ("an embed cache entry, not an article") },
    { "wp_block", N_ ("a reusable block, not an article") },
    { "wp_template", N_ ("a theme template, not an article") },
    { "wp_template_part", N_ ("a theme template, not an article") },
    { "wp_global_styles", N_ ("theme styles, not an article") },
    { "wp_navigation", N_ ("a navigation menu, not an article") },
    { "wp_font_family", N_ ("a font, not an article") },
    { "wp_font_face", N_ ("a font, not an article") },
    { "user_request", N_ ("a privacy request, not an article") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (type, known[i].type))
      return _ (known[i].reason);
  return NULL;
}

static gboolean
map_status (const char *wp, PortadaArticleStatus *status)
{
  static const struct
  {
    const char *wp;
    PortadaArticleStatus status;
  } map[] = {
    { "publish", PORTADA_STATUS_PUBLISHED }, { "future", PORTADA_STATUS_SCHEDULED },
    { "draft", PORTADA_STATUS_DRAFT },       { "pending", PORTADA_STATUS_REVIEW },
    { "private", PORTADA_STATUS_ARCHIVED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (wp, map[i].wp) == 0)
      {
        *status = map[i].status;
        return TRUE;
      }
  return FALSE;
}

/* The section path of @nicename: its parents' nicenames first ("parent/child"). */
static char *
category_path (Import *im, const char *nicename)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new (NULL);
  const char *at = nicename;

  for (int depth = 0; at && *at && depth < MAX_CATEGORY_DEPTH; depth++)
    {
      Category *c = g_hash_table_lookup (im->categories, at);
      g_ptr_array_insert (parts, 0, portada_slug_from_title (at));
      at = c ? c->parent : NULL;
    }
  for (guint i = 0; i < parts->len; i++)
    {
      if (i)
        g_string_append_c (path, '/');
      g_string_append (path, parts->pdata[i]);
    }
  return g_string_free (path, FALSE);
}

/* The key of the existing section of a category, "" when it has none. */
static char *
existing_section (Import *im, const char *nicename, GError **error)
{
  g_autofree char *decoded = percent_decoded (nicename);
  g_autofree char *key = portada_slug_from_title (decoded);
  g_autofree char *path = category_path (im, decoded);
  g_autoptr (GPtrArray) sections = portada_sections_list (im->newsroom, error);

  if (sections == NULL)
    return NULL;
  for (guint i = 0; i < sections->len; i++)
    {
      PortadaSection *s = sections->pdata[i];
      const char *spath = portada_section_get_path (s, im->lang);
      const char *slash = strrchr (spath, '/');
      if (g_str_equal (s->key, key) || g_str_equal (spath, path)
          || g_str_equal (slash ? slash + 1 : spath, key))
        return g_strdup (s->key);
    }
  return g_strdup ("");
}

/* Finds the section of a category: an existing section whose key or path in the
 * language matches, or a new one. Returns its key. */
static char *
section_for_category (Import *im, const char *nicename, const char *label, GError **error)
{
  g_autofree char *decoded = percent_decoded (nicename);
  g_autofree char *key = portada_slug_from_title (decoded);
  g_autofree char *path = category_path (im, decoded);
  g_autoptr (GPtrArray) sections = portada_sections_list (im->newsroom, error);
  Category *c = g_hash_table_lookup (im->categories, decoded);
  const char *name = c && c->name ? c->name : label;

  if (sections == NULL)
    return NULL;
  for (guint i = 0; i < sections->len; i++)
    {
      PortadaSection *s = sections->pdata[i];
      const char *spath = portada_section_get_path (s, im->lang);
      const char *slash = strrchr (spath, '/');
      if (g_str_equal (s->key, key) || g_str_equal (spath, path)
          || g_str_equal (slash ? slash + 1 : spath, key))
        {
          if (!portada_exchange_ensure_section (im->newsroom, s->key, im->lang, name, path,
                                                im->summary, error))
            return NULL;
          return g_strdup (s->key);
        }
    }
  if (!portada_exchange_ensure_section (im->newsroom, key, im->lang, name, path, im->summary,
                                        error))
    return NULL;
  return g_steal_pointer (&key);
}

typedef struct
{
  char *subtitle, *source_name, *source_url, *section, *section_path, *group, *thumbnail;
} Meta;

static void
meta_clear (Meta *m)
{
  g_free (m->subtitle);
  g_free (m->source_name);
  g_free (m->source_url);
  g_free (m->section);
  g_free (m->section_path);
  g_free (m->group);
  g_free (m->thumbnail);
}

static void
read_meta (xmlNodePtr item, Meta *m)
{
  static const struct
  {
    const char *key;
    gsize offset;
  } keys[] = {
    { "subtitle", G_STRUCT_OFFSET (Meta, subtitle) },
    { "_subtitle", G_STRUCT_OFFSET (Meta, subtitle) },
    { "wps_subtitle", G_STRUCT_OFFSET (Meta, subtitle) },
    { "source_name", G_STRUCT_OFFSET (Meta, source_name) },
    { "source", G_STRUCT_OFFSET (Meta, source_name) },
    { "_source_name", G_STRUCT_OFFSET (Meta, source_name) },
    { "source_url", G_STRUCT_OFFSET (Meta, source_url) },
    { "_source_url", G_STRUCT_OFFSET (Meta, source_url) },
    { "_portada_section", G_STRUCT_OFFSET (Meta, section) },
    { "_portada_section_path", G_STRUCT_OFFSET (Meta, section_path) },
    { "_portada_translation_group", G_STRUCT_OFFSET (Meta, group) },
    { "_wpml_import_translation_group", G_STRUCT_OFFSET (Meta, group) },
    { "_thumbnail_id", G_STRUCT_OFFSET (Meta, thumbnail) },
  };

  for (xmlNodePtr n = item->children; n; n = n->next)
    {
      g_autofree char *key = NULL;
      if (!is (n, NS_WP, "postmeta"))
        continue;
      key = child_text (n, NS_WP, "meta_key");
      if (key == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          char **field = G_STRUCT_MEMBER_P (m, keys[i].offset);
          if (g_str_equal (key, keys[i].key) && *field == NULL)
            *field = child_text (n, NS_WP, "meta_value");
        }
    }
}

/* The first category of the item: the label and nicename of its section. */
static void
first_category (xmlNodePtr item, char **label, char **nicename)
{
  for (xmlNodePtr n = item->children; n; n = n->next)
    {
      g_autofree char *domain = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;

      if (!is (n, NS_NONE, "category"))
        continue;
      domain = (char *) xmlGetProp (n, (const xmlChar *) "domain");
      if (domain && !g_str_equal (domain, "category"))
        continue;
      raw = content_of (n);
      text = clean (raw, NULL);
      *label = g_strstrip (portada_html_to_text (text));
      *nicename = (char *) xmlGetProp (n, (const xmlChar *) "nicename");
      return;
    }
}

/* Portada's own export names the section key and its path in the language: the
 * same section comes back, with its label in this language. */
static gboolean
portada_section (Import *im, xmlNodePtr item, const Meta *meta, PortadaArticle *a, GError **error)
{
  g_autofree char *label = NULL;
  g_autofree char *nicename = NULL;
  const char *path;

  if (meta->section == NULL || !portada_slug_is_valid (meta->section))
    return TRUE;
  first_category (item, &label, &nicename);
  path = meta->section_path && portada_exchange_valid_path (meta->section_path) ? meta->section_path
                                                                                : NULL;
  if (!portada_exchange_ensure_section (im->newsroom, meta->section, im->lang,
                                        label && *label ? label : meta->section, path, im->summary,
                                        error))
    return FALSE;
  a->section = g_strdup (meta->section);
  return TRUE;
}

/* Categories of the item: the first one is the section, the others become tags;
 * post_tag terms are tags. */
static gboolean
read_terms (Import *im, xmlNodePtr item, const Meta *meta, PortadaArticle *a, GError **error)
{
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean first = TRUE;

  if (!portada_section (im, item, meta, a, error))
    return FALSE;
  for (xmlNodePtr n = item->children; n; n = n->next)
    {
      g_autofree char *domain = NULL;
      g_autofree char *nicename = NULL;
      g_autofree char *label = NULL;
      g_autofree char *text = NULL;
      g_autofree char *raw = NULL;

      if (!is (n, NS_NONE, "category"))
        continue;
      domain = (char *) xmlGetProp (n, (const xmlChar *) "domain");
      nicename = (char *) xmlGetProp (n, (const xmlChar *) "nicename");
      raw = content_of (n);
      text = clean (raw, NULL);
      label = g_strstrip (portada_html_to_text (text));
      if (*label == '\0' && nicename == NULL)
        continue;
      if ((domain == NULL || g_str_equal (domain, "category")) && first)
        {
          first = FALSE;
          if (a->section == NULL)
            {
              g_autofree char *slug = portada_slug_from_title (*label ? label : nicename);
              a->section = section_for_category (im, nicename ? nicename : slug, label, error);
              if (a->section == NULL)
                return FALSE;
            }
          /* A tag may share the section's name ("Salud" in section Salud): keep it. */
          continue;
        }
      if (domain && !g_str_equal (domain, "category") && !g_str_equal (domain, "post_tag"))
        continue; /* post formats and custom taxonomies */
      if (*label && g_hash_table_add (seen, g_utf8_casefold (label, -1)))
        g_strv_builder_add (tags, label);
    }
  g_strfreev (a->tags);
  a->tags = g_strv_builder_end (tags);
  return TRUE;
}

static char *
item_uuid (Import *im, xmlNodePtr item, const char *post_id)
{
  g_autofree char *guid = child_text (item, NS_NONE, "guid");
  g_autofree char *name = NULL;

  if (guid)
    return portada_exchange_uuid_for (guid);
  if (post_id == NULL)
    return NULL;
  name = g_strdup_printf ("%s?p=%s", im->base_url ? im->base_url : im->path, post_id);
  return portada_exchange_uuid_for (name);
}

static const char *const shortcodes[]
    = { "[gallery", "[embed", "[audio", "[video", "[playlist", "[caption", "[wp_caption" };

/* The body: WordPress paragraphs, then Markdown. */
static char *
item_body (Import *im, int line, const char *title, const char *html)
{
  g_autoptr (GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *paragraphs = portada_wp_autop (html);
  char *markdown = portada_html_to_markdown (paragraphs, dropped);

  if (dropped->len)
    {
      g_ptr_array_add (dropped, NULL);
      g_autofree char *names = g_strjoinv (">, <", (char **) dropped->pdata);
      note (im, line, title, _ ("left out what an article body cannot hold: <%s>"), names);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shortcodes); i++)
    if (strstr (markdown, shortcodes[i]))
      {
        note (im, line, title, _ ("WordPress shortcode %s...] kept as text"), shortcodes[i]);
        break;
      }
  return markdown;
}

/* ------------------------------------------------------------------ */
/* Comments */

typedef struct
{
  gint64 id;    /* the comment, saved without its parent */
  char *parent; /* wp:comment_parent */
  char *wp_id;  /* wp:comment_id */
  char *author;
} CommentParent;

static void
comment_parent_free (CommentParent *cp)
{
  g_free (cp->parent);
  g_free (cp->wp_id);
  g_free (cp->author);
  g_free (cp);
}

static char *
comment_meta (xmlNodePtr c, const char *wanted)
{
  for (xmlNodePtr n = c->children; n; n = n->next)
    if (is (n, NS_WP, "commentmeta"))
      {
        g_autofree char *key = child_text (n, NS_WP, "meta_key");
        if (g_strcmp0 (key, wanted) == 0)
          return child_text (n, NS_WP, "meta_value");
      }
  return NULL;
}

/* Whether @approved (wp:comment_approved) is a comment left out: spam, trash. */
static gboolean
comment_is_spam (const char *approved)
{
  return approved
         && (g_str_equal (approved, "spam") || g_str_equal (approved, "trash")
             || g_str_equal (approved, "post-trashed"));
}

static gboolean
comment_kind (const char *type, PortadaCommentKind *kind)
{
  if (type == NULL || g_str_equal (type, "comment"))
    *kind = PORTADA_COMMENT_KIND_COMMENT;
  else if (g_str_equal (type, "pingback"))
    *kind = PORTADA_COMMENT_KIND_PINGBACK;
  else if (g_str_equal (type, "trackback"))
    *kind = PORTADA_COMMENT_KIND_TRACKBACK;
  else
    return FALSE;
  return TRUE;
}

/* One wp:comment of @a (saved): imported without its parent, which is set once
 * every comment of the item is in (resolve_comment_parents). */
static gboolean
import_comment (Import *im, xmlNodePtr n, int line, const PortadaArticle *a, guint position,
                GHashTable *ids, GPtrArray *parents, GError **error)
{
  g_autofree char *approved = child_text (n, NS_WP, "comment_approved");
  g_autofree char *type = child_text (n, NS_WP, "comment_type");
  g_autofree char *wp_id = child_text (n, NS_WP, "comment_id");
  g_autofree char *parent = child_text (n, NS_WP, "comment_parent");
  g_autofree char *author = child_text (n, NS_WP, "comment_author");
  g_autofree char *content = content_of (child (n, NS_WP, "comment_content"));
  g_autofree char *uuid = comment_meta (n, "_portada_uuid");
  g_autoptr (PortadaComment) c = NULL;
  PortadaCommentKind kind;
  gint64 id, t;

  if (comment_is_spam (approved))
    return TRUE; /* counted with the item */
  if (!comment_kind (type, &kind))
    {
      g_autofree char *why = g_strdup_printf (_ ("comments of type “%s”"), type);
      portada_import_summary_skip_kind (
          im->summary, why, _ ("%s:%d: “%s”: comment %s skipped: its type “%s” is not a comment"),
          im->path, line, a->title, wp_id ? wp_id : "?", type);
      return TRUE;
    }
  if (uuid == NULL)
    {
      /* The comment's own id in its site, or its place in the item. */
      g_autofree char *name = wp_id ? g_strdup_printf ("%s#comment-%s", a->uuid, wp_id)
                                    : g_strdup_printf ("%s#comment-at-%u", a->uuid, position);
      uuid = portada_exchange_uuid_for (name);
    }
  id = portada_comments_find_uuid (im->newsroom, uuid, error);
  if (id < 0)
    return FALSE;
  c = id ? portada_comments_load (im->newsroom, id, error) : portada_comment_new ();
  if (c == NULL)
    return FALSE;
  if (c->uuid == NULL)
    c->uuid = g_strdup (uuid);
  c->article_id = a->id;
  c->parent_id = 0;
  c->kind = kind;
  g_free (c->author);
  {
    g_autofree char *text = author ? html_or_text (im, author) : NULL;
    c->author = text ? clean (text, NULL) : g_strdup ("");
  }
  g_free (c->author_email);
  {
    g_autofree char *email = child_text (n, NS_WP, "comment_author_email");
    c->author_email = clean (email, NULL);
  }
  g_free (c->author_url);
  {
    g_autofree char *url = child_text (n, NS_WP, "comment_author_url");
    c->author_url = clean (url, NULL);
  }
  {
    g_autofree char *gmt = child_text (n, NS_WP, "comment_date_gmt");
    g_autofree char *local_date = child_text (n, NS_WP, "comment_date");
    c->created_at = parse_wp_date (gmt, &t) || parse_wp_date (local_date, &t) ? t : a->publish_at;
  }
  if (approved && !g_str_equal (approved, "1") && !g_str_equal (approved, "0")
      && !g_str_equal (approved, "approve") && !g_str_equal (approved, "hold"))
    note (im, line, a->title, _ ("comment %s: unknown approval “%s”, kept for moderation"),
          wp_id ? wp_id : "?", approved);
  c->status = approved && (g_str_equal (approved, "1") || g_str_equal (approved, "approve"))
                  ? PORTADA_COMMENT_APPROVED
                  : PORTADA_COMMENT_PENDING;
  g_free (c->body);
  {
    /* Through the same conversion and sanitizer as a body. */
    g_autofree char *label = g_strdup_printf (_ ("%s, comment %s"), a->title, wp_id ? wp_id : "?");
    g_autofree char *text = clean (content ? content : "", NULL);
    c->body = item_body (im, line, label, text);
  }
  if (!portada_comments_save (im->newsroom, c, error))
    return FALSE;
  if (id)
    im->summary->comments_updated++;
  else
    im->summary->comments_created++;
  if (c->status == PORTADA_COMMENT_PENDING)
    im->summary->comments_pending++;
  if (wp_id)
    {
      gint64 *value = g_new (gint64, 1);
      *value = c->id;
      g_hash_table_replace (ids, g_strdup (wp_id), value);
    }
  if (parent && !g_str_equal (parent, "0"))
    {
      CommentParent *cp = g_new0 (CommentParent, 1);
      cp->id = c->id;
      cp->parent = g_steal_pointer (&parent);
      cp->wp_id = g_strdup (wp_id ? wp_id : "?");
      cp->author = g_strdup (c->author);
      g_ptr_array_add (parents, cp);
    }
  return TRUE;
}

static gboolean
resolve_comment_parents (Import *im, int line, const PortadaArticle *a, GHashTable *ids,
                         GPtrArray *parents, GError **error)
{
  for (guint i = 0; i < parents->len; i++)
    {
      CommentParent *cp = parents->pdata[i];
      gint64 *parent = g_hash_table_lookup (ids, cp->parent);
      g_autoptr (PortadaComment) c = NULL;
      g_autoptr (GError) local = NULL;

      if (parent == NULL)
        {
          note (im, line, a->title,
                _ ("the comment by %s (comment %s) answers comment %s, which is not imported "
                   "(not in the file, spam or trash); imported without it"),
                cp->author, cp->wp_id, cp->parent);
          continue;
        }
      c = portada_comments_load (im->newsroom, cp->id, error);
      if (c == NULL)
        return FALSE;
      c->parent_id = *parent;
      if (!portada_comments_save (im->newsroom, c, &local))
        {
          if (!g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          note (im, line, a->title, _ ("%s; imported without the comment it answers"),
                local->message);
        }
    }
  return TRUE;
}

/* The comments of an imported post: approved and waiting ones, threaded. */
static gboolean
import_comments (Import *im, xmlNodePtr item, int line, const PortadaArticle *a, GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) parents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) comment_parent_free);
  guint position = 0;

  im->comments_taken = TRUE;
  for (xmlNodePtr n = item->children; n; n = n->next)
    if (is (n, NS_WP, "comment")
        && !import_comment (im, n, line, a, position++, ids, parents, error))
      return FALSE;
  return resolve_comment_parents (im, line, a, ids, parents, error);
}

static gboolean
import_post (Import *im, xmlNodePtr item, int line, const char *title, const char *post_id,
             GError **error)
{
  g_autofree char *uuid = item_uuid (im, item, post_id);
  g_autofree char *wp_status = child_text (item, NS_WP, "status");
  g_autofree char *content = content_of (child (item, NS_CONTENT_MODULE, "encoded"));
  g_autofree char *excerpt = content_of (child (item, NS_EXCERPT, "encoded"));
  g_autofree char *creator = child_text (item, NS_DUBLIN_CORE, "creator");
  g_autofree char *post_name = child_text (item, NS_WP, "post_name");
  g_autofree char *comment_status = child_text (item, NS_WP, "comment_status");
  g_autofree char *text = NULL;
  g_autoptr (PortadaArticle) a = NULL;
  g_autoptr (GError) local = NULL;
  Meta meta = { 0 };
  PortadaArticleStatus status;
  gint64 id, t;
  gboolean ok = FALSE;

  if (uuid == NULL)
    {
      skip_item (im, line, title, post_id,
                 _ ("no guid and no wp:post_id: it could not be told apart on a second import"));
      return TRUE;
    }
  if (wp_status == NULL)
    wp_status = g_strdup ("publish");
  if (g_str_equal (wp_status, "trash") || g_str_equal (wp_status, "auto-draft")
      || g_str_equal (wp_status, "inherit"))
    {
      g_autofree char *why = g_strdup_printf (_ ("its status is “%s”"), wp_status);
      skip_item (im, line, title, post_id, why);
      return TRUE;
    }
  if (!map_status (wp_status, &status))
    {
      note (im, line, title, _ ("unknown status “%s”, imported as a draft"), wp_status);
      status = PORTADA_STATUS_DRAFT;
    }
  {
    const char *earlier = g_hash_table_lookup (im->guids, uuid);
    if (earlier && g_strcmp0 (earlier, post_id ? post_id : "") != 0)
      {
        /* Two posts under one guid (it happens): told apart by the post id. */
        g_autofree char *guid = child_text (item, NS_NONE, "guid");
        g_autofree char *name = g_strdup_printf ("%s#%s", guid ? guid : "", post_id ? post_id : "");
        note (im, line, title, _ ("shares its guid with post %s; told apart by its post id %s"),
              earlier, post_id ? post_id : "?");
        g_free (uuid);
        uuid = portada_exchange_uuid_for (name);
      }
    else if (earlier)
      note (im, line, title, _ ("the same post as an earlier item of this file: it replaces it"));
  }

  id = portada_exchange_find_uuid (im->newsroom, uuid, error);
  if (id < 0)
    return FALSE;
  a = id ? portada_articles_load (im->newsroom, id, error) : portada_article_new ();
  if (a == NULL)
    return FALSE;
  if (id && g_strcmp0 (a->lang, im->lang) != 0)
    {
      /* A file of the other edition imported with the wrong --lang: never turn an
       * English article into a Spanish one. */
      g_autofree char *why = g_strdup_printf (
          _ ("it is the %s article “%s” of this newsroom; import the file with --lang %s"), a->lang,
          a->title, a->lang);
      skip_item (im, line, title, post_id, why);
      return TRUE;
    }
  if (a->uuid == NULL)
    a->uuid = g_strdup (uuid);
  read_meta (item, &meta);
  if (meta.group && a->translation_group == NULL)
    a->translation_group = g_strdup (meta.group);

  g_free (a->lang);
  a->lang = g_strdup (im->lang);
  g_free (a->title);
  a->title = g_strdup (title ? title : "");
  if (*a->title == '\0')
    note (im, line, title, _ ("no title (post %s); imported with an empty title"),
          post_id ? post_id : "?");
  a->status = status;
  g_clear_pointer (&a->section, g_free);
  if (!read_terms (im, item, &meta, a, error))
    goto out;

  g_free (a->body);
  a->body = item_body (im, line, a->title, content ? content : "");
  g_free (a->excerpt);
  text = excerpt ? html_or_text (im, excerpt) : NULL;
  a->excerpt = text && *text ? clean (text, NULL) : NULL;
  g_free (a->author);
  a->author = NULL;
  if (creator)
    {
      const char *display = g_hash_table_lookup (im->authors, creator);
      a->author = clean (display ? display : creator, NULL);
    }
  g_free (a->slug);
  a->slug = NULL;
  if (post_name)
    {
      g_autofree char *decoded = percent_decoded (post_name);
      a->slug = portada_slug_is_valid (decoded) ? g_strdup (decoded)
                                                : portada_slug_from_title (decoded);
    }
  a->comments_enabled = g_strcmp0 (comment_status, "closed") != 0;

  /* Dates: GMT first; drafts carry 0000-00-00 there. */
  a->publish_at = 0;
  {
    g_autofree char *gmt = child_text (item, NS_WP, "post_date_gmt");
    g_autofree char *local_date = child_text (item, NS_WP, "post_date");
    g_autofree char *pub = child_text (item, NS_NONE, "pubDate");
    /* A draft that was never scheduled has no GMT date: it has no publication time. */
    if (parse_wp_date (gmt, &t))
      a->publish_at = t;
    else if (status != PORTADA_STATUS_DRAFT && status != PORTADA_STATUS_REVIEW
             && (parse_wp_date (local_date, &t) || parse_rfc822 (pub, &t)))
      a->publish_at = t;
  }
  {
    g_autofree char *gmt = child_text (item, NS_WP, "post_modified_gmt");
    g_autofree char *local_date = child_text (item, NS_WP, "post_modified");
    if (parse_wp_date (gmt, &t) || parse_wp_date (local_date, &t))
      a->updated_at = t;
    else if (a->updated_at == 0)
      a->updated_at = a->publish_at;
  }
  if (a->created_at == 0)
    a->created_at = a->publish_at ? a->publish_at : a->updated_at;

  g_free (a->subtitle);
  a->subtitle = meta.subtitle ? clean (meta.subtitle, NULL) : NULL;
  g_free (a->source_name);
  a->source_name = meta.source_name ? clean (meta.source_name, NULL) : NULL;
  g_free (a->source_url);
  a->source_url = meta.source_url ? clean (meta.source_url, NULL) : NULL;

  if (!portada_article_validate (a, &local))
    {
      if (portada_exchange_drop_bad_source_url (a))
        {
          note (im, line, a->title, _ ("%s; left out"), local->message);
          g_clear_error (&local);
        }
      if (local && !portada_article_validate (a, NULL))
        {
          skip_item (im, line, title, post_id, local->message);
          ok = TRUE;
          goto out;
        }
    }
  if (!portada_articles_save (im->newsroom, a, PORTADA_SAVE_KEEP_TIMES | PORTADA_SAVE_NO_REVISION,
                              error))
    goto out;
  /* With an uploads folder, said once its images are taken (resolve_body_uploads). */
  if (im->uploads == NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s:%d", im->path, line);
      portada_exchange_note_remote_images (im->summary, where, a);
    }
  if (id || g_hash_table_contains (im->guids, a->uuid))
    im->summary->updated++;
  else
    im->summary->created++;
  g_hash_table_replace (im->guids, g_strdup (a->uuid), g_strdup (post_id ? post_id : ""));
  if (post_id)
    g_hash_table_replace (im->post_uuids, g_strdup (post_id), g_strdup (a->uuid));
  if (!import_comments (im, item, line, a, error))
    goto out;
  if (meta.thumbnail)
    {
      Thumbnail *th = g_new0 (Thumbnail, 1);
      th->uuid = g_strdup (a->uuid);
      th->thumbnail = g_strdup (meta.thumbnail);
      th->title = g_strdup (a->title);
      g_ptr_array_add (im->thumbnails, th);
    }
  ok = TRUE;

out:
  meta_clear (&meta);
  return ok;
}

/* A WordPress page: a page of the newsroom, its parent found once the whole
 * file is read (resolve_page_parents). */
static gboolean
import_page (Import *im, xmlNodePtr item, int line, const char *title, const char *post_id,
             GError **error)
{
  g_autofree char *uuid = item_uuid (im, item, post_id);
  g_autofree char *wp_status = child_text (item, NS_WP, "status");
  g_autofree char *content = content_of (child (item, NS_CONTENT_MODULE, "encoded"));
  g_autofree char *post_name = child_text (item, NS_WP, "post_name");
  g_autofree char *parent = child_text (item, NS_WP, "post_parent");
  g_autofree char *order = child_text (item, NS_WP, "menu_order");
  g_autoptr (PortadaPage) p = NULL;
  Meta meta = { 0 };
  PortadaArticleStatus status;
  gint64 id, t;

  if (uuid == NULL)
    {
      skip_item (im, line, title, post_id,
                 _ ("no guid and no wp:post_id: it could not be told apart on a second import"));
      return TRUE;
    }
  if (wp_status == NULL)
    wp_status = g_strdup ("publish");
  if (g_str_equal (wp_status, "trash") || g_str_equal (wp_status, "auto-draft")
      || g_str_equal (wp_status, "inherit"))
    {
      g_autofree char *why = g_strdup_printf (_ ("its status is “%s”"), wp_status);
      skip_item (im, line, title, post_id, why);
      return TRUE;
    }
  if (!map_status (wp_status, &status))
    {
      note (im, line, title, _ ("unknown status “%s”, imported as a draft"), wp_status);
      status = PORTADA_STATUS_DRAFT;
    }
  id = portada_pages_find_uuid (im->newsroom, uuid, error);
  if (id < 0)
    return FALSE;
  p = id ? portada_pages_load (im->newsroom, id, error) : portada_page_new ();
  if (p == NULL)
    return FALSE;
  if (id && g_strcmp0 (p->lang, im->lang) != 0)
    {
      g_autofree char *why = g_strdup_printf (
          _ ("it is the %s page “%s” of this newsroom; import the file with --lang %s"), p->lang,
          p->title, p->lang);
      skip_item (im, line, title, post_id, why);
      return TRUE;
    }
  if (p->uuid == NULL)
    p->uuid = g_strdup (uuid);
  read_meta (item, &meta);
  if (meta.group && p->translation_group == NULL)
    p->translation_group = g_strdup (meta.group);
  meta_clear (&meta);
  g_free (p->lang);
  p->lang = g_strdup (im->lang);
  g_free (p->title);
  p->title = g_strdup (title ? title : "");
  p->status = status;
  g_free (p->body);
  p->body = item_body (im, line, p->title, content ? content : "");
  g_free (p->slug);
  p->slug = post_name ? percent_decoded (post_name) : NULL;
  p->menu_order = order ? (int) CLAMP (g_ascii_strtoll (order, NULL, 10), -1000000, 1000000) : 0;
  /* A parent met earlier in the file is set now; a later one at the end. */
  {
    gint64 *known = parent ? g_hash_table_lookup (im->page_ids, parent) : NULL;
    p->parent_id = known ? *known : 0;
    if (known)
      g_clear_pointer (&parent, g_free);
  }
  {
    g_autofree char *gmt = child_text (item, NS_WP, "post_date_gmt");
    g_autofree char *local_date = child_text (item, NS_WP, "post_date");
    if (parse_wp_date (gmt, &t) || parse_wp_date (local_date, &t))
      p->created_at = t;
  }
  {
    g_autofree char *gmt = child_text (item, NS_WP, "post_modified_gmt");
    g_autofree char *local_date = child_text (item, NS_WP, "post_modified");
    if (parse_wp_date (gmt, &t) || parse_wp_date (local_date, &t))
      p->updated_at = t;
  }
  {
    g_autoptr (GError) local = NULL;
    if (!portada_pages_save (im->newsroom, p, &local))
      {
        if (!g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_INVALID) || p->parent_id == 0)
          {
            g_propagate_error (error, g_steal_pointer (&local));
            return FALSE;
          }
        note (im, line, p->title, _ ("%s; imported without its parent"), local->message);
        p->parent_id = 0;
        if (!portada_pages_save (im->newsroom, p, error))
          return FALSE;
      }
  }
  if (id)
    im->summary->pages_updated++;
  else
    im->summary->pages_created++;
  if (post_id)
    {
      gint64 *value = g_new (gint64, 1);
      *value = p->id;
      g_hash_table_replace (im->page_ids, g_strdup (post_id), value);
    }
  if (parent && !g_str_equal (parent, "0"))
    {
      PageParent *pp = g_new0 (PageParent, 1);
      pp->page_id = p->id;
      pp->parent = g_steal_pointer (&parent);
      pp->slug = post_name ? percent_decoded (post_name) : NULL;
      pp->title = g_strdup (p->title);
      pp->line = line;
      g_ptr_array_add (im->page_parents, pp);
    }
  return TRUE;
}

/* Parents by their wp:post_id; a page whose parent is not a page of the file
 * stays at the top, and the summary names it. */
static gboolean
resolve_page_parents (Import *im, GError **error)
{
  for (guint i = 0; i < im->page_parents->len; i++)
    {
      PageParent *pp = im->page_parents->pdata[i];
      gint64 *parent = g_hash_table_lookup (im->page_ids, pp->parent);
      g_autoptr (PortadaPage) p = NULL;
      g_autoptr (GError) local = NULL;

      if (parent == NULL)
        {
          note (im, pp->line, pp->title,
                _ ("its parent page (post %s) is not in the file; imported without it"),
                pp->parent);
          continue;
        }
      p = portada_pages_load (im->newsroom, pp->page_id, error);
      if (p == NULL)
        return FALSE;
      p->parent_id = *parent;
      if (pp->slug)
        {
          g_free (p->slug);
          p->slug = g_strdup (pp->slug);
        }
      if (!portada_pages_save (im->newsroom, p, &local))
        {
          if (!g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          note (im, pp->line, pp->title, _ ("%s; imported without its parent"), local->message);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Menus */

typedef struct
{
  char *menu;  /* the nav_menu's name */
  char *title; /* the item's own label, NULL: its object's */
  char *post_id;
  char *type;   /* _menu_item_type: post_type, taxonomy, custom */
  char *object; /* _menu_item_object: page, post, category, custom */
  char *object_id;
  char *url;
  int order;
  int line;
} MenuRef;

static void
menu_ref_free (MenuRef *r)
{
  g_free (r->menu);
  g_free (r->title);
  g_free (r->post_id);
  g_free (r->type);
  g_free (r->object);
  g_free (r->object_id);
  g_free (r->url);
  g_free (r);
}

static char *
post_meta (xmlNodePtr item, const char *wanted)
{
  for (xmlNodePtr n = item->children; n; n = n->next)
    if (is (n, NS_WP, "postmeta"))
      {
        g_autofree char *key = child_text (n, NS_WP, "meta_key");
        if (g_strcmp0 (key, wanted) == 0)
          return child_text (n, NS_WP, "meta_value");
      }
  return NULL;
}

/* A nav_menu_item: kept until every item of the file is in, then placed. */
static void
read_menu_item (Import *im, xmlNodePtr item, int line, const char *title, const char *post_id)
{
  MenuRef *r = g_new0 (MenuRef, 1);
  g_autofree char *order = child_text (item, NS_WP, "menu_order");

  for (xmlNodePtr n = item->children; n && r->menu == NULL; n = n->next)
    if (is (n, NS_NONE, "category"))
      {
        xmlChar *domain = xmlGetProp (n, (const xmlChar *) "domain");
        if (domain && xmlStrEqual (domain, (const xmlChar *) "nav_menu"))
          r->menu = g_strstrip (content_of (n));
        xmlFree (domain);
      }
  if (r->menu == NULL)
    r->menu = g_strdup ("");
  r->title = title && *title ? g_strdup (title) : NULL;
  r->post_id = g_strdup (post_id);
  r->type = post_meta (item, "_menu_item_type");
  r->object = post_meta (item, "_menu_item_object");
  r->object_id = post_meta (item, "_menu_item_object_id");
  r->url = post_meta (item, "_menu_item_url");
  r->order = order ? (int) g_ascii_strtoll (order, NULL, 10) : 0;
  r->line = line;
  g_ptr_array_add (im->menu_refs, r);
}

static int
by_menu_order (gconstpointer a, gconstpointer b)
{
  const MenuRef *x = *(MenuRef **) a, *y = *(MenuRef **) b;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* What a menu item points to, or NULL (and @why; @heading for a submenu's heading)
 * when it is not in the file. */
static PortadaMenuItem *
menu_target (Import *im, MenuRef *r, char **why, gboolean *heading, GError **error)
{
  const char *label = r->title ? r->title : "";
  const char *object = r->object ? r->object : "";

  if (g_strcmp0 (r->type, "custom") == 0)
    {
      g_autofree char *url = clean (r->url, NULL);
      if (url && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")))
        return portada_menu_item_new (label, PORTADA_MENU_URL, url);
      if (url == NULL || g_str_equal (url, "#"))
        {
          /* WordPress's heading for a submenu: Portada's menus are one level, the
           * items under it are kept in its place. */
          *why = g_strdup (_ ("a heading without a link (“#”); the items under it are kept"));
          *heading = TRUE;
          return NULL;
        }
      *why = g_strdup_printf (_ ("its link “%s” is not an http(s) address"), url);
      return NULL;
    }
  if (g_strcmp0 (r->type, "post_type") == 0 && g_str_equal (object, "page"))
    {
      gint64 *id = r->object_id ? g_hash_table_lookup (im->page_ids, r->object_id) : NULL;
      g_autoptr (PortadaPage) p = id ? portada_pages_load (im->newsroom, *id, error) : NULL;
      if (p)
        return portada_menu_item_new (label, PORTADA_MENU_PAGE, p->uuid);
      if (id)
        return NULL; /* a database error */
    }
  else if (g_strcmp0 (r->type, "post_type") == 0 && g_str_equal (object, "post"))
    {
      const char *uuid = r->object_id ? g_hash_table_lookup (im->post_uuids, r->object_id) : NULL;
      if (uuid)
        return portada_menu_item_new (label, PORTADA_MENU_ARTICLE, uuid);
    }
  else if (g_strcmp0 (r->type, "taxonomy") == 0 && g_str_equal (object, "category"))
    {
      const char *nicename = r->object_id ? g_hash_table_lookup (im->terms, r->object_id) : NULL;
      g_autofree char *key = nicename ? existing_section (im, nicename, error) : NULL;
      if (nicename && key == NULL)
        return NULL; /* a database error */
      if (key && *key)
        return portada_menu_item_new (label, PORTADA_MENU_SECTION, key);
      if (key)
        {
          /* No article has it as its first category: it is no section of the newsroom. */
          *why = g_strdup_printf (_ ("it points to the category “%s”, which is no section of "
                                     "the newsroom (an article's section is its first "
                                     "category)"),
                                  nicename);
          return NULL;
        }
    }
  *why = g_strdup_printf (_ ("it points to %s %s, which is not in the file"),
                          *object ? object : "an object", r->object_id ? r->object_id : "?");
  return NULL;
}

/* The first menu of the file becomes the section bar, one named "footer" the
 * footer links (WordPress keeps which menu sits where in the theme, outside the
 * export); the items of other menus are left out, counted. */
static gboolean
resolve_menus (Import *im, GError **error)
{
  const char *bar = NULL, *footer = NULL;
  GPtrArray *chosen[2];
  gboolean ok = TRUE;

  for (guint i = 0; i < im->menu_refs->len; i++)
    {
      MenuRef *r = im->menu_refs->pdata[i];
      g_autofree char *lower = g_utf8_strdown (r->menu, -1);
      if (footer == NULL && strstr (lower, "footer"))
        footer = r->menu;
      else if (bar == NULL && !strstr (lower, "footer") && !strstr (lower, "social"))
        bar = r->menu;
    }
  g_ptr_array_sort (im->menu_refs, by_menu_order);
  chosen[0] = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_menu_item_free);
  chosen[1] = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_menu_item_free);
  for (guint i = 0; ok && i < im->menu_refs->len; i++)
    {
      MenuRef *r = im->menu_refs->pdata[i];
      int which = bar && g_str_equal (r->menu, bar)         ? 0
                  : footer && g_str_equal (r->menu, footer) ? 1
                                                            : -1;
      g_autofree char *why = NULL;
      gboolean heading = FALSE;
      PortadaMenuItem *item;

      if (which < 0)
        {
          skip_item_kind (im, r->line, r->title, r->post_id,
                          _ ("a navigation menu item of a menu the site does not show"),
                          _ ("a navigation menu item of a menu the site does not show (the first "
                             "menu becomes the section bar, one named “footer” the footer links)"));
          continue;
        }
      item = menu_target (im, r, &why, &heading, error);
      if (item)
        {
          g_ptr_array_add (chosen[which], item);
          im->summary->menu_items++;
        }
      else if (why)
        skip_item_kind (im, r->line, r->title, r->post_id,
                        heading
                            ? _ ("navigation menu headings without a link")
                            : _ ("navigation menu items pointing to what is not in the newsroom"),
                        why);
      else
        ok = FALSE;
    }
  if (ok && chosen[0]->len)
    ok = portada_menu_replace (im->newsroom, im->lang, PORTADA_MENU_BAR, chosen[0], error);
  if (ok && chosen[1]->len)
    ok = portada_menu_replace (im->newsroom, im->lang, PORTADA_MENU_FOOTER, chosen[1], error);
  g_ptr_array_unref (chosen[0]);
  g_ptr_array_unref (chosen[1]);
  return ok;
}

static gboolean
import_item (Import *im, xmlNodePtr item, int line, GError **error)
{
  g_autofree char *raw_title = content_of (child (item, NS_NONE, "title"));
  g_autofree char *post_id = child_text (item, NS_WP, "post_id");
  g_autofree char *type = child_text (item, NS_WP, "post_type");
  g_autofree char *title = NULL;
  gboolean changed = FALSE;

  if (raw_title)
    {
      g_autofree char *cleaned = clean (raw_title, &changed);
      title = html_or_text (im, cleaned);
    }
  if (type == NULL)
    {
      skip_item (im, line, title, post_id, _ ("no wp:post_type in the WordPress namespace"));
      return TRUE;
    }
  if (g_str_equal (type, "attachment"))
    {
      g_autofree char *url = child_text (item, NS_WP, "attachment_url");
      g_autofree char *named = im->uploads && url ? uploads_relpath (url) : NULL;
      if (named)
        {
          /* The site's media library comes in with its files: the alt text from its
           * postmeta, the caption from its excerpt. */
          g_autofree char *alt = NULL;
          g_autofree char *caption = child_text (item, NS_EXCERPT, "encoded");
          g_autofree char *what = g_strdup_printf (_ ("attachment %s"), post_id ? post_id : "?");
          gint64 id;

          for (xmlNodePtr n = item->children; n && alt == NULL; n = n->next)
            {
              g_autofree char *key
                  = is (n, NS_WP, "postmeta") ? child_text (n, NS_WP, "meta_key") : NULL;
              if (g_strcmp0 (key, "_wp_attachment_image_alt") == 0)
                alt = child_text (n, NS_WP, "meta_value");
            }
          id = upload_media (im, url, alt, caption, what, error);
          if (id < 0)
            return FALSE;
          if (post_id)
            g_hash_table_replace (im->attachments, g_strdup (post_id), g_steal_pointer (&url));
          if (id > 0)
            return TRUE;
          skip_item_kind (im, line, title, post_id, _ ("an attachment not in the uploads folder"),
                          _ ("attachments not in the uploads folder"));
          return TRUE;
        }
      if (post_id && url)
        g_hash_table_replace (im->attachments, g_strdup (post_id), g_steal_pointer (&url));
    }
  if (g_str_equal (type, "page"))
    return import_page (im, item, line, title, post_id, error);
  if (g_str_equal (type, "nav_menu_item"))
    {
      read_menu_item (im, item, line, title, post_id);
      return TRUE;
    }
  if (!g_str_equal (type, "post"))
    {
      const char *reason = skip_reason (type);
      g_autofree char *unknown
          = reason ? NULL : g_strdup_printf (_ ("unknown post type “%s”"), type);
      skip_item_kind (im, line, title, post_id, reason ? reason : unknown,
                      reason ? reason : unknown);
      return TRUE;
    }
  return import_post (im, item, line, title, post_id, error);
}

/* The path below wp-content/uploads/ that an address names ("2023/05/photo.jpg"),
 * unescaped, without query or fragment; NULL when it names no uploaded file. */
static char *
uploads_relpath (const char *url)
{
  const char *p = url ? strstr (url, "/wp-content/uploads/") : NULL;
  g_autofree char *rel = NULL;

  if (p == NULL)
    return NULL;
  p += strlen ("/wp-content/uploads/");
  rel = g_strndup (p, strcspn (p, "?#"));
  return g_uri_unescape_string (rel, NULL);
}

/* WordPress's resized copies ("photo-300x200.jpg") name their original ("photo.jpg");
 * NULL when @rel is no such copy. */
static char *
original_relpath (const char *rel)
{
  const char *dot = strrchr (rel, '.');
  const char *dash;
  const char *x;

  if (dot == NULL)
    return NULL;
  for (dash = dot; dash > rel && dash[-1] != '-' && dash[-1] != '/'; dash--)
    ;
  if (dash == rel || dash[-1] != '-')
    return NULL;
  x = dash;
  if (!g_ascii_isdigit (*x))
    return NULL;
  while (g_ascii_isdigit (*x))
    x++;
  if (*x != 'x' || !g_ascii_isdigit (x[1]))
    return NULL;
  for (x++; g_ascii_isdigit (*x); x++)
    ;
  if (x != dot)
    return NULL;
  {
    g_autofree char *stem = g_strndup (rel, dash - 1 - rel);
    return g_strconcat (stem, dot, NULL);
  }
}

/* The stored image of the uploaded file @url names (its original when @url is a resized
 * copy), read from the uploads folder once and checked as every image is; 0 when it is
 * not there or is refused (said in the summary, by @what and the file's name), -1 on a
 * database error. @alt and @caption (may be NULL) are given to a newly stored image. */
static gint64
upload_media (Import *im, const char *url, const char *alt, const char *caption, const char *what,
              GError **error)
{
  g_autofree char *rel = im->uploads ? uploads_relpath (url) : NULL;
  g_autofree char *original = rel ? original_relpath (rel) : NULL;
  const char *tries[2] = { original ? original : rel, original ? rel : NULL };
  g_autoptr (GError) refused = NULL;
  gint64 *known;
  gint64 id = 0;

  if (rel == NULL)
    return 0;
  if ((known = g_hash_table_lookup (im->uploaded, rel)))
    return *known;
  for (guint i = 0; i < G_N_ELEMENTS (tries) && tries[i] && id == 0; i++)
    {
      g_autoptr (GError) local = NULL;
      gsize len = 0;
      g_autofree char *data = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *base = NULL;

      /* The original already taken for another of its copies: the same image. */
      if ((known = g_hash_table_lookup (im->uploaded, tries[i])) && *known > 0)
        {
          id = *known;
          break;
        }
      if (!portada_relpath_is_safe (tries[i]))
        {
          g_clear_error (&refused);
          g_set_error_literal (&refused, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                               _ ("the address climbs out of the uploads folder"));
          continue;
        }
      data = portada_beneath_read (im->uploads_fd, tries[i], PORTADA_IMAGE_MAX_BYTES, &len, &local);
      if (data == NULL)
        {
          if (local && !g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND)
              && refused == NULL)
            refused = g_steal_pointer (&local);
          continue;
        }
      base = g_path_get_basename (tries[i]);
      bytes = g_bytes_new_take (g_steal_pointer (&data), len);
      id = portada_media_import (im->newsroom, base, bytes, NULL, &local);
      if (id > 0)
        {
          im->uploads_taken++;
          g_hash_table_insert (im->uploaded, g_strdup (tries[i]), g_memdup2 (&id, sizeof id));
        }
      if (id == 0)
        {
          if (local && local->domain == PORTADA_ERROR && local->code != PORTADA_ERROR_INVALID)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return -1;
            }
          g_clear_error (&refused);
          refused = g_steal_pointer (&local);
        }
    }
  if (id > 0)
    {
      g_autoptr (PortadaMedia) m = portada_media_load_info (im->newsroom, id, error);
      if (m == NULL)
        return -1;
      if (((alt && *alt && !(m->alt_text && *m->alt_text))
           || (caption && *caption && !(m->caption && *m->caption)))
          && !portada_media_set_details (
              im->newsroom, id, m->alt_text && *m->alt_text ? m->alt_text : alt,
              m->caption && *m->caption ? m->caption : caption, m->credit, error))
        return -1;
    }
  else if (refused)
    portada_import_summary_add_line (im->summary, _ ("%s: %s: wp-content/uploads/%s refused: %s"),
                                     im->path, what, rel, refused->message);
  else
    {
      im->uploads_missing++;
      portada_import_summary_add_line (im->summary,
                                       _ ("%s: %s: wp-content/uploads/%s is not in %s"), im->path,
                                       what, rel, im->uploads);
    }
  g_hash_table_replace (im->uploaded, g_strdup (rel), g_memdup2 (&id, sizeof id));
  return id;
}

/* The images of the imported articles' text that point at the site's uploads, made
 * "media/<sha256>" of the image taken from the uploads folder. */
static gboolean
resolve_body_uploads (Import *im, GError **error)
{
  GHashTableIter iter;
  gpointer uuid;

  if (im->uploads == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, im->guids);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    {
      g_autoptr (PortadaArticle) a = portada_articles_load_by_uuid (im->newsroom, uuid, NULL);
      g_autoptr (GString) body = NULL;
      gboolean changed = FALSE;
      const char *p;

      if (a == NULL || a->body == NULL)
        continue;
      if (strstr (a->body, "/wp-content/uploads/") == NULL)
        {
          portada_exchange_note_remote_images (im->summary, im->path, a);
          continue;
        }
      body = g_string_new (NULL);
      p = a->body;
      /* Markdown images only: ![alt](URL …). */
      for (const char *img; (img = strstr (p, "!["));)
        {
          const char *close = strstr (img, "](");
          const char *start, *end;
          g_autofree char *url = NULL;
          g_autofree char *alt = NULL;
          gint64 id;

          if (close == NULL)
            break;
          start = close + 2;
          end = start + strcspn (start, ") \n");
          url = g_strndup (start, end - start);
          alt = g_strndup (img + 2, close - img - 2);
          id = strstr (url, "/wp-content/uploads/")
                   ? upload_media (im, url, alt, NULL, a->title, error)
                   : 0;
          if (id < 0)
            return FALSE;
          g_string_append_len (body, p, start - p);
          if (id > 0)
            {
              g_autoptr (PortadaMedia) m = portada_media_load_info (im->newsroom, id, error);
              if (m == NULL)
                return FALSE;
              g_string_append_printf (body, "media/%s", m->sha256);
              changed = TRUE;
            }
          else
            g_string_append (body, url);
          p = end;
        }
      g_string_append (body, p);
      if (changed)
        {
          g_free (a->body);
          a->body = g_string_free (g_steal_pointer (&body), FALSE);
        }
      portada_exchange_note_remote_images (im->summary, im->path, a);
      if (!changed)
        continue;
      if (!portada_articles_save (im->newsroom, a,
                                  PORTADA_SAVE_KEEP_TIMES | PORTADA_SAVE_NO_REVISION, error))
        return FALSE;
    }
  return TRUE;
}

/* Featured images: the media of an earlier Portada export is found again by the
 * content hash in its file name; anything else would need a download. */
static gboolean
resolve_thumbnails (Import *im, GError **error)
{
  for (guint i = 0; i < im->thumbnails->len; i++)
    {
      Thumbnail *th = im->thumbnails->pdata[i];
      const char *url = g_hash_table_lookup (im->attachments, th->thumbnail);
      g_autofree char *base = url ? g_path_get_basename (url) : NULL;
      gint64 media = 0;
      char *dot;

      if (url == NULL)
        {
          portada_import_summary_add_line (im->summary,
                                           _ ("%s: “%s”: its featured image (attachment %s) is not "
                                              "in the file"),
                                           im->path, th->title, th->thumbnail);
          continue;
        }
      if (im->uploads)
        {
          media = upload_media (im, url, NULL, NULL, th->title, error);
          if (media < 0)
            return FALSE;
        }
      if ((dot = strchr (base, '.')))
        *dot = '\0';
      if (media == 0)
        {
          const char *digits = strrchr (base, '-') ? strrchr (base, '-') + 1 : base;
          g_autoptr (GError) missing = NULL;
          g_autoptr (PortadaMedia) found = NULL;
          if (strlen (digits) >= 16)
            found = portada_media_find_sha256 (im->newsroom, digits, &missing);
          if (found)
            media = found->id;
          else if (missing && !g_error_matches (missing, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&missing));
              return FALSE;
            }
        }
      if (media)
        {
          g_autoptr (PortadaArticle) a
              = portada_articles_load_by_uuid (im->newsroom, th->uuid, error);
          if (a == NULL)
            return FALSE;
          a->featured_media_id = media;
          if (!portada_articles_save (im->newsroom, a,
                                      PORTADA_SAVE_KEEP_TIMES | PORTADA_SAVE_NO_REVISION, error))
            return FALSE;
        }
      else if (im->uploads == NULL)
        portada_import_summary_add_line (im->summary,
                                         _ ("%s: “%s”: featured image %s not imported: Portada "
                                            "never downloads files; add it in the article"),
                                         im->path, th->title, url);
    }
  return TRUE;
}

static gboolean
check_doctype (Import *im, GError **error)
{
  /* Not xmlTextReaderCurrentDoc(): it makes the reader keep the whole document
   * in memory (and never free it); the node's own document pointer does not. */
  xmlNodePtr node = xmlTextReaderCurrentNode (im->reader);
  xmlDocPtr doc = node ? node->doc : NULL;
  xmlDtdPtr dtd = doc ? doc->intSubset : NULL;

  for (xmlNodePtr n = dtd ? dtd->children : NULL; n; n = n->next)
    if (n->type == XML_ENTITY_DECL)
      {
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                     _ ("%s:%d: the file declares entities (<!ENTITY>), which a WordPress export "
                        "never does; refused, nothing was read from it"),
                     im->path, reader_line (im));
        return FALSE;
      }
  return TRUE;
}

static gboolean
read_channel_child (Import *im, xmlNodePtr n, int line, GError **error)
{
  if (is (n, NS_WP, "wxr_version"))
    {
      g_free (im->version);
      im->version = content_of (n);
      g_strstrip (im->version);
      if (!g_str_equal (im->version, "1.0") && !g_str_equal (im->version, "1.1")
          && !g_str_equal (im->version, "1.2"))
        portada_import_summary_add_line (im->summary,
                                         _ ("%s:%d: WXR version “%s” is not one Portada knows (1.0 "
                                            "to 1.2); read as 1.2"),
                                         im->path, line, im->version);
      return TRUE;
    }
  if (is (n, NS_WP, "base_blog_url") || (is (n, NS_NONE, "link") && im->base_url == NULL))
    {
      g_free (im->base_url);
      im->base_url = g_strstrip (content_of (n));
      return TRUE;
    }
  if (is (n, NS_NONE, "generator"))
    {
      g_autofree char *generator = content_of (n);
      im->portada_text = generator && g_str_has_prefix (g_strstrip (generator), "Portada ");
      return TRUE;
    }
  if (is (n, NS_WP, "author"))
    read_author (im, n);
  else if (is (n, NS_WP, "category"))
    read_category (im, n);
  else if (is (n, NS_NONE, "item"))
    {
      if (im->version == NULL)
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s:%d: no <wp:wxr_version> before the first item: not a WordPress "
                          "export Portada can read"),
                       im->path, line);
          return FALSE;
        }
      return import_item (im, n, line, error);
    }
  return TRUE;
}

static gboolean
fail_xml (Import *im, GError **error)
{
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("%s:%d: %s"), im->path,
               im->xml_error_line > 0 ? im->xml_error_line : reader_line (im),
               im->xml_error ? im->xml_error : "malformed XML");
  return FALSE;
}

static gboolean
stream (Import *im, GCancellable *cancellable, PortadaProgressFunc progress, gpointer user_data,
        GError **error)
{
  gboolean seen_channel = FALSE;
  guint items = 0;
  int rc = xmlTextReaderRead (im->reader);

  while (rc == 1)
    {
      int type = xmlTextReaderNodeType (im->reader);
      int depth = xmlTextReaderDepth (im->reader);
      xmlNodePtr n;
      int line;

      if (type == XML_READER_TYPE_DOCUMENT_TYPE && !check_doctype (im, error))
        return FALSE;
      if (type != XML_READER_TYPE_ELEMENT || depth > 2)
        {
          rc = xmlTextReaderRead (im->reader);
          continue;
        }
      n = xmlTextReaderCurrentNode (im->reader);
      if (depth == 0 && (!xmlStrEqual (n->name, (const xmlChar *) "rss") || n->ns != NULL))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s:%d: the root element is <%s>, not <rss>: not a WordPress export"),
                       im->path, reader_line (im), (const char *) n->name);
          return FALSE;
        }
      if (depth == 1 && !is (n, NS_NONE, "channel"))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("%s:%d: <%s> where the <channel> of a WordPress export should be"),
                       im->path, reader_line (im), (const char *) n->name);
          return FALSE;
        }
      if (depth < 2)
        {
          seen_channel |= depth == 1;
          rc = xmlTextReaderRead (im->reader);
          continue;
        }
      /* A child of the channel: expanded, handled, then skipped over. */
      line = xmlGetLineNo (n) > 0 ? (int) xmlGetLineNo (n) : reader_line (im);
      n = xmlTextReaderExpand (im->reader);
      if (n == NULL)
        return fail_xml (im, error);
      im->comments_taken = FALSE;
      if (!portada_exchange_check_cancelled (cancellable, error)
          || !read_channel_child (im, n, line, error))
        return FALSE;
      if (is (n, NS_NONE, "item"))
        {
          /* Spam and trash are left out wherever they are; the other comments of an
           * item that is not an article (a page, a skipped post) are counted. */
          for (xmlNodePtr c = n->children; c; c = c->next)
            if (is (c, NS_WP, "comment"))
              {
                g_autofree char *approved = child_text (c, NS_WP, "comment_approved");
                if (comment_is_spam (approved))
                  im->spam++;
                else if (!im->comments_taken)
                  im->comments++;
              }
          if (progress && ++items % 20 == 0 && im->input->size)
            progress (MIN (0.99, (double) im->input->consumed / im->input->size), user_data);
        }
      rc = xmlTextReaderNext (im->reader);
    }
  if (rc < 0 || im->xml_error)
    return fail_xml (im, error);
  if (!seen_channel)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: no <channel> in the <rss> element: not a WordPress export"), im->path);
      return FALSE;
    }
  if (im->version == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: no <wp:wxr_version> in the channel: not a WordPress export Portada can "
                      "read"),
                   im->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
portada_wxr_sniff (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autofree char *head = g_malloc0 (PRESCAN_SIZE + 1);
  gsize got = 0;

  if (in == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), head, PRESCAN_SIZE, &got, NULL, NULL))
    return FALSE;
  head[got] = '\0';
  return g_strstr_len (head, got, "<rss") && g_strstr_len (head, got, "wordpress.org/export/1.");
}

static gboolean
open_input (Import *im, Input *in, GError **error)
{
  char head[PRESCAN_SIZE];
  gsize got;

  in->file = fopen (im->path, "rb");
  if (in->file == NULL)
    {
      int err = errno;
      g_set_error (error, PORTADA_ERROR,
                   err == ENOENT ? PORTADA_ERROR_NOT_FOUND : PORTADA_ERROR_FAILED,
                   _ ("%s: cannot be read (%s)"), im->path, g_strerror (err));
      return FALSE;
    }
  got = fread (head, 1, sizeof head, in->file);
  if (prolog_declares_entities (head, got))
    {
      g_set_error (
          error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
          _ ("%s:1: the file declares entities (<!ENTITY>), which a WordPress export never "
             "does; refused, nothing was read from it"),
          im->path);
      return FALSE;
    }
  in->fix_utf8 = !declares_other_encoding (head, got);
  rewind (in->file);
  fseek (in->file, 0, SEEK_END);
  in->size = ftell (in->file);
  rewind (in->file);
  in->line = 1;
  return TRUE;
}

gboolean
portada_wxr_import (PortadaNewsroom *newsroom, const char *path, const char *lang,
                    PortadaImportSummary *summary, GCancellable *cancellable,
                    PortadaProgressFunc progress, gpointer user_data, GError **error)
{
  return portada_wxr_import_with_uploads (newsroom, path, NULL, lang, summary, cancellable,
                                          progress, user_data, error);
}

gboolean
portada_wxr_import_with_uploads (PortadaNewsroom *newsroom, const char *path, const char *uploads,
                                 const char *lang, PortadaImportSummary *summary,
                                 GCancellable *cancellable, PortadaProgressFunc progress,
                                 gpointer user_data, GError **error)
{
  Input in = { 0 };
  Import im = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && path && summary, FALSE);
  xmlInitParser ();
  im.newsroom = newsroom;
  im.summary = summary;
  im.path = path;
  im.uploads_fd = -1;
  if (uploads)
    {
      im.uploads_fd = portada_beneath_open_root (uploads, error);
      if (im.uploads_fd < 0)
        return FALSE;
      im.uploads = uploads;
      im.uploaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  im.input = &in;
  if (!open_input (&im, &in, error))
    goto done;
  im.authors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.categories
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) category_free);
  im.attachments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.page_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.page_parents = g_ptr_array_new_with_free_func ((GDestroyNotify) page_parent_free);
  im.post_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.menu_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) menu_ref_free);
  im.thumbnails = g_ptr_array_new_with_free_func ((GDestroyNotify) thumbnail_free);
  im.reader = xmlReaderForIO (input_read, input_close, &in, path, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING
                                  | XML_PARSE_BIG_LINES);
  if (im.reader == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED, _ ("%s: cannot be read"), path);
      goto done;
    }
  xmlTextReaderSetStructuredErrorHandler (im.reader, on_xml_error, &im);

  if (!portada_newsroom_begin (newsroom, error))
    goto done;
  im.lang = portada_exchange_import_lang (newsroom, lang, error);
  if (im.lang == NULL || !stream (&im, cancellable, progress, user_data, error)
      || !resolve_thumbnails (&im, error) || !resolve_body_uploads (&im, error)
      || !resolve_page_parents (&im, error) || !resolve_menus (&im, error))
    {
      portada_newsroom_rollback (newsroom);
      goto done;
    }
  if (in.bad_bytes)
    portada_import_summary_add_line (summary,
                                     _ ("%s:%d: %u bytes of invalid UTF-8 or control characters "
                                        "(from this line on) replaced by U+FFFD"),
                                     path, in.first_bad_line, in.bad_bytes);
  if (im.comments)
    portada_import_summary_add_line (
        summary, _ ("%s: %u comments not imported: they belong to pages or items left out"), path,
        im.comments);
  portada_import_summary_leave_out (summary, _ ("comments of pages and of items left out"),
                                    im.comments);
  portada_import_summary_leave_out (summary, _ ("spam and trashed comments"), im.spam);
  if (im.uploads)
    portada_import_summary_add_line (
        summary, _ ("%s: %u images taken from %s, %u it lacks (each is listed above)"), path,
        im.uploads_taken, uploads, im.uploads_missing);
  ok = portada_newsroom_commit (newsroom, error);
  if (ok && progress)
    progress (1.0, user_data);

done:
  if (im.reader)
    xmlFreeTextReader (im.reader);
  if (in.file)
    fclose (in.file);
  g_free (im.lang);
  g_free (im.version);
  g_free (im.base_url);
  g_free (im.xml_error);
  g_clear_pointer (&im.authors, g_hash_table_unref);
  g_clear_pointer (&im.categories, g_hash_table_unref);
  g_clear_pointer (&im.attachments, g_hash_table_unref);
  g_clear_pointer (&im.guids, g_hash_table_unref);
  g_clear_pointer (&im.page_ids, g_hash_table_unref);
  g_clear_pointer (&im.page_parents, g_ptr_array_unref);
  g_clear_pointer (&im.post_uuids, g_hash_table_unref);
  g_clear_pointer (&im.terms, g_hash_table_unref);
  g_clear_pointer (&im.menu_refs, g_ptr_array_unref);
  g_clear_pointer (&im.thumbnails, g_ptr_array_unref);
  g_clear_pointer (&im.uploaded, g_hash_table_unref);
  if (im.uploads_fd >= 0)
    close (im.uploads_fd);
  return ok;
}
