/* portada-markdown-exchange.c: Markdown files with front matter, both ways.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "portada-articles.h"
#include "portada-beneath.h"
#include "portada-exchange-private.h"
#include "portada-path-checks.h"
#include "portada-front-matter.h"
#include "portada-markdown-exchange.h"
#include "portada-media-import.h"
#include "portada-picture.h"
#include "portada-newsroom-private.h"
#include "portada-site-private.h"
#include "portada-slug.h"

#define MAX_FILE_SIZE (32 * 1024 * 1024)

/* Export */

static void
add_string (GString *out, const char *key, const char *value, gboolean always)
{
  if (!always && (value == NULL || *value == '\0'))
    return;
  g_string_append_printf (out, "%s: ", key);
  portada_yaml_append_string (out, value ? value : "");
  g_string_append_c (out, '\n');
}

static void
add_time (GString *out, const char *key, gint64 t)
{
  g_autofree char *text = portada_exchange_format_time (t);
  if (text)
    g_string_append_printf (out, "%s: %s\n", key, text);
}

/* Public on @now as the site export decides it: published, or scheduled and due. */
static gboolean
is_public (const PortadaArticle *a, gint64 now)
{
  return a->status == PORTADA_STATUS_PUBLISHED
         || (a->status == PORTADA_STATUS_SCHEDULED && a->publish_at <= now);
}

/* The front matter: Portada's fields, and for Hugo "url" (the article's address
 * on Portada's own site, Spanish section paths included), "draft" (true for all
 * that is not public on the export date) and "translationKey". */
static char *
export_article (PortadaSite *site, gint64 now, const PortadaArticle *a, const char *image)
{
  GString *out = g_string_new ("---\n");
  gboolean draft = !is_public (a, now);
  g_autofree char *path = portada_page_article_path (site, a);
  g_autofree char *url = g_strconcat ("/", path, NULL);

  add_string (out, "title", a->title, TRUE);
  add_string (out, "subtitle", a->subtitle, FALSE);
  add_string (out, "slug", a->slug, TRUE);
  add_string (out, "url", url, TRUE);
  add_time (out, "date", a->publish_at);
  add_time (out, "lastmod", a->updated_at);
  g_string_append_printf (out, "draft: %s\n", draft ? "true" : "false");
  /* Hugo and Jekyll only know "draft"; Portada's five states come back through this. */
  g_string_append_printf (out, "status: %s\n", portada_article_status_to_string (a->status));
  add_string (out, "section", a->section, FALSE);
  add_string (out, "lang", a->lang, TRUE);
  add_string (out, "author", a->author, FALSE);
  g_string_append (out, "tags: [");
  for (guint i = 0; a->tags && a->tags[i]; i++)
    {
      if (i)
        g_string_append (out, ", ");
      portada_yaml_append_string (out, a->tags[i]);
    }
  g_string_append (out, "]\n");
  add_string (out, "summary", a->excerpt, FALSE);
  add_string (out, "source", a->source_name, FALSE);
  add_string (out, "source_url", a->source_url, FALSE);
  add_string (out, "translationKey", a->translation_group, TRUE);
  add_string (out, "uuid", a->uuid, TRUE);
  g_string_append_printf (out, "comments: %s\n", a->comments_enabled ? "true" : "false");
  add_string (out, "image", image, FALSE);
  g_string_append (out, "---\n\n");
  /* As it is, to the byte: a body without a final newline comes back without one. */
  g_string_append (out, a->body ? a->body : "");
  return g_string_free (out, FALSE);
}

char *
portada_markdown_export_article (PortadaNewsroom *newsroom, const PortadaArticle *a)
{
  g_autoptr (PortadaSite) site = portada_site_load (newsroom, PORTADA_ASSETS_EXPORT, NULL, NULL);

  g_return_val_if_fail (site != NULL, NULL);
  return export_article (site, g_get_real_time () / G_USEC_PER_SEC, a, NULL);
}

/* A page bundle's image file name: "<16 hex digits>.<ext>". */
static char *
bundle_name (const PortadaMedia *m)
{
  return g_strdup_printf ("%.16s.%s", m->sha256, portada_media_extension (m->mime));
}

/* An article with images is written as a page bundle, "<slug>/index.md" with its
 * images beside it and linked by relative names. */
static gboolean
write_bundle (PortadaNewsroom *newsroom, PortadaSite *site, gint64 now, PortadaOutputDir *dir,
              const char *relpath, PortadaArticle *a, GHashTable *shas, GError **error)
{
  g_autofree char *folder = g_strndup (relpath, strlen (relpath) - 3);
  g_autofree char *index = g_build_filename (folder, "index.md", NULL);
  g_autofree char *image = NULL;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer sha;

  if (a->featured_media_id)
    {
      g_autoptr (PortadaMedia) m = portada_media_load_info (newsroom, a->featured_media_id, NULL);
      if (m)
        {
          g_hash_table_add (shas, g_strdup (m->sha256));
          image = bundle_name (m);
        }
    }
  g_hash_table_iter_init (&iter, shas);
  while (g_hash_table_iter_next (&iter, &sha, NULL))
    {
      g_autoptr (PortadaMedia) m = portada_media_find_sha256 (newsroom, sha, NULL);
      g_autoptr (GBytes) bytes = m ? portada_media_load_data (newsroom, m->id, error) : NULL;
      g_autofree char *name = m ? bundle_name (m) : NULL;
      g_autofree char *file = name ? g_build_filename (folder, name, NULL) : NULL;
      g_autofree char *ref = g_strconcat ("media/", (char *) sha, NULL);
      g_auto (GStrv) parts = NULL;

      if (m == NULL)
        continue;
      if (bytes == NULL
          || !portada_output_dir_write (dir, file, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), error))
        return FALSE;
      parts = g_strsplit (a->body ? a->body : "", ref, -1);
      g_free (a->body);
      a->body = g_strjoinv (name, parts);
    }
  text = export_article (site, now, a, image);
  return portada_output_dir_write (dir, index, text, -1, error);
}

/* A TOML basic string. */
static void
toml_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      guchar c = *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

/* hugo.toml: both languages, each with its own content folder, so that "hugo"
 * in the export folder builds every public article at Portada's address (the
 * "url" of its front matter). Drafts stay out; a published article dated later
 * is public on Portada, so buildFuture. Taxonomy pages are Portada's tag pages,
 * which have no address of their own there. */
static char *
hugo_config (PortadaSite *site, const char *only_lang)
{
  GString *out = g_string_new ("# Written by Portada: the Markdown export as a Hugo site.\n");
  const char *first = NULL;
  gboolean in_root = FALSE;

  for (guint i = 0; i < site->languages->len; i++)
    {
      PortadaLanguage *l = site->languages->pdata[i];
      if (only_lang && !g_str_equal (only_lang, l->code))
        continue;
      if (first == NULL || g_str_equal (l->code, site->default_lang))
        first = l->code;
      if (g_str_equal (l->code, site->default_lang) && (l->base_path == NULL || !*l->base_path))
        in_root = TRUE;
    }
  g_string_append (out, "baseURL = ");
  {
    g_autofree char *base = g_strconcat (site->base_url, "/", NULL);
    toml_string (out, base);
  }
  g_string_append (out, "\ntitle = ");
  toml_string (out, site->site_title);
  g_string_append (out, "\ndefaultContentLanguage = ");
  toml_string (out, first ? first : site->default_lang);
  g_string_append_printf (out,
                          "\ndefaultContentLanguageInSubdir = %s\nbuildFuture = true\n"
                          "disableKinds = [\"taxonomy\", \"term\"]\n",
                          in_root ? "false" : "true");
  for (guint i = 0, weight = 1; i < site->languages->len; i++)
    {
      PortadaLanguage *l = site->languages->pdata[i];
      g_autofree char *dir = g_strconcat ("content/", l->code, NULL);
      if (only_lang && !g_str_equal (only_lang, l->code))
        continue;
      g_string_append_printf (out, "\n[languages.%s]\nlanguageName = ", l->code);
      toml_string (out, l->name);
      g_string_append (out, "\ncontentDir = ");
      toml_string (out, dir);
      g_string_append_printf (out, "\nweight = %u\n", weight++);
    }
  return g_string_free (out, FALSE);
}

/* content/<lang>/<key>/_index.md: the section's name and Portada's address
 * (/es/noticias/economia/), which Hugo would otherwise take from the folder. */
static char *
section_index (PortadaSite *site, PortadaSection *s, const char *lang)
{
  GString *out = g_string_new ("---\n");
  g_autofree char *path = portada_site_section_path (site, lang, s->key);
  g_autofree char *url = g_strconcat ("/", path, NULL);

  add_string (out, "title", portada_section_get_name (s, lang), TRUE);
  add_string (out, "url", url, TRUE);
  add_string (out, "translationKey", s->key, TRUE);
  /* For Portada's import: the section's key and path in this language. */
  add_string (out, "section", s->key, TRUE);
  add_string (out, "section_path", portada_section_get_path (s, lang), TRUE);
  add_string (out, "lang", lang, TRUE);
  g_string_append (out, "---\n");
  return g_string_free (out, FALSE);
}

static gboolean
write_hugo_files (PortadaOutputDir *dir, PortadaSite *site, const char *lang, GError **error)
{
  g_autofree char *config = hugo_config (site, lang);

  if (!portada_output_dir_write (dir, "hugo.toml", config, -1, error))
    return FALSE;
  for (guint i = 0; i < site->languages->len; i++)
    {
      PortadaLanguage *l = site->languages->pdata[i];
      if (lang && !g_str_equal (lang, l->code))
        continue;
      for (guint k = 0; k < site->sections->len; k++)
        {
          PortadaSection *s = site->sections->pdata[k];
          g_autofree char *rel = g_strdup_printf ("content/%s/%s/_index.md", l->code, s->key);
          g_autofree char *text = section_index (site, s, l->code);
          if (!portada_output_dir_write (dir, rel, text, -1, error))
            return FALSE;
        }
    }
  return TRUE;
}

static GArray *
article_ids (PortadaNewsroom *newsroom, const char *lang, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = portada_newsroom_prepare (newsroom,
                                   "SELECT id FROM article WHERE (?1 IS NULL OR lang = ?1) "
                                   "AND deleted_at IS NULL "
                                   "ORDER BY lang, id",
                                   error);
  if (stmt == NULL)
    return NULL;
  portada_stmt_bind_text_or_null (stmt, 1, lang);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      portada_newsroom_set_error (newsroom, error, "articles cannot be listed");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static char *
article_relpath (const PortadaArticle *a, GHashTable *used)
{
  g_autofree char *folder = a->section && *a->section
                                ? g_strdup_printf ("content/%s/%s", a->lang, a->section)
                                : g_strdup_printf ("content/%s", a->lang);
  char *path = g_strdup_printf ("%s/%s.md", folder, a->slug);

  if (g_hash_table_contains (used, path))
    {
      g_autoptr (GDateTime) dt
          = g_date_time_new_from_unix_utc (a->publish_at ? a->publish_at : a->created_at);
      g_free (path);
      path = g_strdup_printf ("%s/%s-%d.md", folder, a->slug, dt ? g_date_time_get_year (dt) : 0);
      if (g_hash_table_contains (used, path))
        {
          g_free (path);
          path = g_strdup_printf ("%s/%s-%" G_GINT64_FORMAT ".md", folder, a->slug, a->id);
        }
    }
  g_hash_table_add (used, g_strdup (path));
  return path;
}

static gboolean
portada_markdown_export_snapshot (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                                  GCancellable *cancellable, PortadaProgressFunc progress,
                                  gpointer user_data, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (PortadaSite) site = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  PortadaOutputDir *dir;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  if (!portada_exchange_check_export_lang (newsroom, lang, error))
    return FALSE;
  ids = article_ids (newsroom, lang, error);
  if (ids == NULL)
    return FALSE;
  if (!portada_path_checks_refuse (newsroom, error))
    return FALSE;
  site = portada_site_load (newsroom, PORTADA_ASSETS_EXPORT, NULL, error);
  if (site == NULL)
    return FALSE;
  dir = portada_output_dir_begin (newsroom, out_dir, "markdown", error);
  if (dir == NULL)
    return FALSE;
  if (!write_hugo_files (dir, site, lang, error))
    goto failed;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (PortadaArticle) a = NULL;
      g_autofree char *text = NULL;
      g_autofree char *relpath = NULL;

      if (!portada_exchange_check_cancelled (cancellable, error))
        goto failed;
      a = portada_articles_load (newsroom, g_array_index (ids, gint64, i), error);
      if (a == NULL)
        goto failed;
      relpath = article_relpath (a, used);
      {
        g_autoptr (GHashTable) shas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        portada_picture_collect_refs (a->body, shas);
        if (a->featured_media_id || g_hash_table_size (shas))
          {
            if (!write_bundle (newsroom, site, now, dir, relpath, a, shas, error))
              goto failed;
          }
        else
          {
            text = export_article (site, now, a, NULL);
            if (!portada_output_dir_write (dir, relpath, text, -1, error))
              goto failed;
          }
      }
      if (progress && (i % 10 == 9 || i + 1 == ids->len))
        progress ((double) (i + 1) / ids->len, user_data);
    }
  if (!portada_exchange_check_cancelled (cancellable, error))
    goto failed;
  return portada_output_dir_commit (dir, error);

failed:
  portada_output_dir_abort (dir);
  return FALSE;
}

/* Import */

typedef struct
{
  PortadaNewsroom *newsroom;
  PortadaImportSummary *summary;
  char *default_lang;
  GHashTable *langs; /* languages known to exist */
  GHashTable *uuids; /* uuids seen in this import */
  char *root;        /* the imported folder, resolved: images come from inside it only */
  guint summary_sections;
  gboolean single; /* one file named by the person: a link there is followed */
} Import;

static const char *
scalar (GHashTable *fields, const char *key)
{
  PortadaYamlValue *v = g_hash_table_lookup (fields, key);
  return v && v->scalar ? v->scalar : NULL;
}

/* A key that must be a text (not a list); sets *reason when it is a list. */
static gboolean
text_field (GHashTable *fields, const char *key, char **out, char **reason)
{
  PortadaYamlValue *v = g_hash_table_lookup (fields, key);
  gboolean changed = FALSE;

  if (v == NULL)
    return TRUE;
  if (v->scalar == NULL)
    {
      *reason = g_strdup_printf (_ ("line %d: “%s” must be a text, not a list"), v->line, key);
      return FALSE;
    }
  g_free (*out);
  *out = portada_exchange_clean_text (v->scalar, -1, &changed);
  if (!v->quoted && g_str_equal (*out, "~"))
    g_clear_pointer (out, g_free);
  if (*out && **out == '\0')
    g_clear_pointer (out, g_free);
  return TRUE;
}

static GStrv
tags_field (GHashTable *fields, const char *key)
{
  PortadaYamlValue *v = g_hash_table_lookup (fields, key);
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

  if (v == NULL)
    return NULL;
  if (v->list)
    for (guint i = 0; v->list[i]; i++)
      {
        g_autofree char *t = g_strstrip (portada_exchange_clean_text (v->list[i], -1, NULL));
        if (*t)
          g_strv_builder_add (b, t);
      }
  else if (v->scalar && *v->scalar)
    {
      g_auto (GStrv) parts = g_strsplit (v->scalar, ",", -1);
      for (guint i = 0; parts[i]; i++)
        {
          g_autofree char *t = g_strstrip (portada_exchange_clean_text (parts[i], -1, NULL));
          if (*t)
            g_strv_builder_add (b, t);
        }
    }
  return g_strv_builder_end (b);
}

static gboolean
ensure_lang (Import *im, const char *lang, GError **error)
{
  g_autofree char *code = NULL;

  if (g_hash_table_contains (im->langs, lang))
    return TRUE;
  code = portada_exchange_import_lang (im->newsroom, lang, error);
  if (code == NULL)
    return FALSE;
  g_hash_table_add (im->langs, g_strdup (lang));
  return TRUE;
}

/* Section key for a front matter value: an existing key, or a new section. */
static char *
section_key (Import *im, const char *value, const char *lang, GError **error)
{
  g_autofree char *key = portada_slug_from_title (value);
  g_autofree char *path = NULL;

  if (strchr (value, '/'))
    {
      /* A path such as "noticias/economia": its last part is the key. */
      g_autofree char *base = g_path_get_basename (value);
      g_free (key);
      key = portada_slug_from_title (base);
    }
  if (!portada_exchange_ensure_section (im->newsroom, key, lang, value, NULL, im->summary, error))
    return NULL;
  return g_steal_pointer (&key);
}

typedef enum
{
  FILE_CREATED,
  FILE_UPDATED,
  FILE_SKIPPED,
  FILE_SECTION, /* a Hugo section page: the section's name and path */
  FILE_FAILED,  /* a database error: the import stops */
} FileOutcome;

static FileOutcome
skip (Import *im, const char *path, const char *reason)
{
  portada_import_summary_skip (im->summary, _ ("%s: skipped: %s"), path, reason);
  return FILE_SKIPPED;
}

/* The slug of a file without a "slug" field: its name, as Hugo does, without
 * Jekyll's date prefix ("2024-02-03-hello.md" gives "hello"). */
static char *
slug_of_file (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  const char *name = base;
  int y, m, d, n = 0;

  if (dot)
    *dot = '\0';
  if (sscanf (base, "%4d-%2d-%2d-%n", &y, &m, &d, &n) == 3 && n == 11 && base[n])
    name = base + n;
  return portada_slug_from_title (name);
}

/* Reads the fields of the file into @a (already loaded when updating). */
static gboolean
fill_article (Import *im, const char *path, GHashTable *fields, PortadaArticle *a, char **reason)
{
  const char *s;
  gboolean flag;
  g_autofree char *source_url = NULL;

  if (!text_field (fields, "title", &a->title, reason)
      || !text_field (fields, "subtitle", &a->subtitle, reason)
      || !text_field (fields, "author", &a->author, reason)
      || !text_field (fields, "source", &a->source_name, reason)
      || !text_field (fields, "source_url", &source_url, reason))
    return FALSE;
  if (a->title == NULL || *g_strstrip (a->title) == '\0')
    {
      *reason = g_strdup (_ ("no title in the front matter"));
      return FALSE;
    }
  if (g_hash_table_contains (fields, "summary"))
    {
      if (!text_field (fields, "summary", &a->excerpt, reason))
        return FALSE;
    }
  else if (!text_field (fields, "description", &a->excerpt, reason))
    return FALSE;
  if (source_url)
    {
      g_free (a->source_url);
      a->source_url = g_steal_pointer (&source_url);
    }
  if ((s = scalar (fields, "slug")) && *s)
    {
      g_free (a->slug);
      a->slug = portada_slug_is_valid (s) ? g_strdup (s) : portada_slug_from_title (s);
    }
  else if (a->slug == NULL)
    a->slug = slug_of_file (path);
  if ((s = scalar (fields, "date")) && *s)
    {
      if (!portada_exchange_parse_time (s, &a->publish_at))
        {
          *reason = g_strdup_printf (_ ("“date” is not a date: “%s”"), s);
          return FALSE;
        }
    }
  if ((s = scalar (fields, "lastmod")) && *s && !portada_exchange_parse_time (s, &a->updated_at))
    {
      *reason = g_strdup_printf (_ ("“lastmod” is not a date: “%s”"), s);
      return FALSE;
    }
  if ((s = scalar (fields, "status")) && !portada_article_status_from_string (s, &a->status))
    {
      *reason = g_strdup_printf (_ ("unknown status “%s” (draft, review, scheduled, published or "
                                    "archived)"),
                                 s);
      return FALSE;
    }
  if (s == NULL)
    {
      gboolean draft = FALSE;
      if ((s = scalar (fields, "draft")) && !portada_yaml_parse_bool (s, &draft))
        {
          *reason = g_strdup_printf (_ ("“draft” must be true or false, not “%s”"), s);
          return FALSE;
        }
      if (draft)
        a->status = PORTADA_STATUS_DRAFT;
      else if (a->publish_at > g_get_real_time () / G_USEC_PER_SEC)
        a->status = PORTADA_STATUS_SCHEDULED;
      else
        a->status = PORTADA_STATUS_PUBLISHED;
    }
  if ((s = scalar (fields, "comments")) && portada_yaml_parse_bool (s, &flag))
    a->comments_enabled = flag;
  {
    GStrv tags = tags_field (fields, "tags");
    if (tags)
      {
        g_strfreev (a->tags);
        a->tags = tags;
      }
  }
  if (a->created_at == 0)
    a->created_at = a->publish_at ? a->publish_at : a->updated_at;
  return TRUE;
}

static gint64
match_existing (Import *im, const char *path, GHashTable *fields, const char *lang,
                const char *section, GError **error)
{
  const char *uuid = scalar (fields, "uuid");
  const char *key = scalar (fields, "translationKey");
  g_autofree char *slug = g_strdup (scalar (fields, "slug"));
  gint64 id = 0;

  if (uuid && *uuid)
    {
      g_autofree char *norm = portada_exchange_uuid_for (uuid);
      id = portada_exchange_find_uuid (im->newsroom, norm, error);
      if (id != 0)
        return id;
    }
  if (key && *key)
    {
      id = portada_exchange_find_translation (im->newsroom, key, lang, error);
      if (id != 0)
        return id;
    }
  /* A file that names its uuid is that article or a new one: the slug is only
   * unique within a year ("same-slug" of 2019 and of 2022 are two articles). */
  if (uuid && *uuid)
    return 0;
  if (slug == NULL || *slug == '\0')
    {
      g_free (slug);
      slug = slug_of_file (path);
    }
  else if (!portada_slug_is_valid (slug))
    {
      char *valid = portada_slug_from_title (slug);
      g_free (slug);
      slug = valid;
    }
  return portada_exchange_find_slug (im->newsroom, slug, lang, section, error);
}

/* The image a page bundle names by a relative @ref, stored; 0 when it is not a
 * relative name of a file inside the imported folder (said in the summary), -1 on
 * a database error. */
static gint64
bundle_image (Import *im, const char *md_path, const char *ref, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (md_path);
  g_autofree char *joined = NULL;
  g_autofree char *unescaped = g_uri_unescape_string (ref, NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) local = NULL;
  char *real;
  gboolean inside;
  gint64 id;

  if (unescaped == NULL || *unescaped == '\0' || strchr (unescaped, ':') || unescaped[0] == '/'
      || unescaped[0] == '#' || g_str_has_prefix (unescaped, "media/"))
    return 0;
  joined = g_build_filename (folder, unescaped, NULL);
  real = realpath (joined, NULL);
  inside = real && im->root && g_str_has_prefix (real, im->root)
           && real[strlen (im->root)] == G_DIR_SEPARATOR;
  if (!inside)
    {
      portada_import_summary_add_line (
          im->summary,
          real ? _ ("%s: image “%s” is outside the imported folder; left out")
               : _ ("%s: image “%s” is not in the folder; left out"),
          md_path, ref);
      free (real);
      return 0;
    }
  file = g_file_new_for_path (real);
  free (real);
  id = portada_media_import_file (im->newsroom, file, &local);
  if (id == 0)
    {
      if (local && local->domain == PORTADA_ERROR && local->code != PORTADA_ERROR_INVALID
          && local->code != PORTADA_ERROR_NOT_FOUND)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return -1;
        }
      portada_import_summary_add_line (im->summary, _ ("%s: image left out: %s"), md_path,
                                       local ? local->message : "?");
    }
  return id;
}

/* ![alt](photo.jpg) of a page bundle becomes ![alt](media/<sha256>). */
static gboolean
import_body_images (Import *im, const char *md_path, PortadaArticle *a, GError **error)
{
  g_autoptr (GRegex) re = g_regex_new (
      "!\\[([^\\]\\n]*)\\]\\(([^)\\s]+)((?:\\s+\"[^\"\\n]*\")?)\\)", G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  GString *out = g_string_new (NULL);
  const char *body = a->body ? a->body : "";
  gint last = 0;

  g_regex_match (re, body, 0, &match);
  while (g_match_info_matches (match))
    {
      gint start, end, ref_start, ref_end;
      g_autofree char *ref = g_match_info_fetch (match, 2);
      gint64 id;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_match_info_fetch_pos (match, 2, &ref_start, &ref_end);
      id = bundle_image (im, md_path, ref, error);
      if (id < 0)
        {
          g_string_free (out, TRUE);
          return FALSE;
        }
      if (id > 0)
        {
          g_autoptr (PortadaMedia) m = portada_media_load_info (im->newsroom, id, NULL);
          g_string_append_len (out, body + last, ref_start - last);
          g_string_append_printf (out, "media/%s", m ? m->sha256 : ref);
          last = ref_end;
        }
      g_match_info_next (match, NULL);
    }
  g_string_append (out, body + last);
  g_free (a->body);
  a->body = g_string_free (out, FALSE);
  return TRUE;
}

static gboolean
is_section_index (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  return g_str_equal (base, "_index.md") || g_str_equal (base, "_index.markdown");
}

/* content/<lang>/<key>/_index.md, as the export writes it: the section's name
 * and path in a language, for a section the newsroom does not name in it yet
 * (the newsroom's own names and paths are kept). */
static FileOutcome
import_section_index (Import *im, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GHashTable) fields = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *key = NULL;
  const char *s, *title, *spath;

  data = portada_read_regular_file (path, im->single, MAX_FILE_SIZE, NULL, &local);
  if (data == NULL || !g_utf8_validate (data, -1, NULL))
    return skip (im, path, local ? local->message : _ ("not valid UTF-8 text"));
  fields = portada_front_matter_parse (data, NULL, &local);
  if (fields == NULL)
    return skip (im, path, local->message);
  s = scalar (fields, "section");
  title = scalar (fields, "title");
  spath = scalar (fields, "section_path");
  if (s == NULL || !*s)
    {
      /* A Hugo section page of another site: its folder is the section. */
      portada_import_summary_add_line (im->summary, _ ("%s: not an article (a Hugo section page)"),
                                       path);
      return FILE_SECTION;
    }
  key = portada_slug_from_title (s);
  s = scalar (fields, "lang");
  lang = g_ascii_strdown (s && *s ? s : im->default_lang, -1);
  if (!ensure_lang (im, lang, &local))
    {
      if (g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_INVALID))
        return skip (im, path, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FILE_FAILED;
    }
  if (!portada_exchange_ensure_section (im->newsroom, key, lang, title, spath, im->summary, error))
    return FILE_FAILED;
  im->summary_sections++;
  return FILE_SECTION;
}

static FileOutcome
import_file (Import *im, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  g_autoptr (GHashTable) fields = NULL;
  g_autofree char *body = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *section = NULL;
  g_autoptr (PortadaArticle) a = NULL;
  const char *s;
  const char *bad = NULL;
  gint64 id;

  /* Its kind and size checked before a byte is read (a pipe, a device or a huge
   * sparse file is refused at once). */
  data = portada_read_regular_file (path, im->single, MAX_FILE_SIZE, &len, &local);
  if (data == NULL)
    return skip (im, path, local->message);
  if (!g_utf8_validate_len (data, len, &bad) || memchr (data, '\0', len))
    {
      g_autofree char *what = NULL;
      int line = 1;
      const char *end = bad ? bad : data + strlen (data);
      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      what = g_strdup_printf ("line %d: not valid UTF-8 text", line);
      return skip (im, path, what);
    }
  fields = portada_front_matter_parse (data, &body, &local);
  if (fields == NULL)
    return skip (im, path, local->message);

  s = scalar (fields, "lang");
  lang = g_ascii_strdown (s && *s ? s : im->default_lang, -1);
  if (!ensure_lang (im, lang, &local))
    {
      if (g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_INVALID))
        return skip (im, path, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FILE_FAILED;
    }
  s = scalar (fields, "section");
  if (s == NULL)
    {
      PortadaYamlValue *cats = g_hash_table_lookup (fields, "categories");
      s = cats ? (cats->list ? cats->list[0] : cats->scalar) : NULL;
    }
  if (s && *s)
    {
      /* The key and path are slugs, always valid: a failure here is the database's. */
      section = section_key (im, s, lang, error);
      if (section == NULL)
        return FILE_FAILED;
    }

  id = match_existing (im, path, fields, lang, section, error);
  if (id < 0)
    return FILE_FAILED;
  if (id > 0)
    {
      a = portada_articles_load (im->newsroom, id, error);
      if (a == NULL)
        return FILE_FAILED;
    }
  else
    {
      a = portada_article_new ();
      if ((s = scalar (fields, "uuid")) && *s)
        a->uuid = portada_exchange_uuid_for (s);
      if ((s = scalar (fields, "translationKey")) && *s)
        a->translation_group = g_strdup (s);
    }
  if (a->uuid && g_hash_table_contains (im->uuids, a->uuid))
    return skip (im, path, _ ("the same article (uuid) as another file of this import"));
  g_free (a->lang);
  a->lang = g_strdup (lang);
  g_free (a->section);
  a->section = g_strdup (section);
  if (g_str_has_prefix (body, "\n"))
    memmove (body, body + 1, strlen (body));
  g_free (a->body);
  a->body = portada_exchange_clean_text (body, -1, NULL);
  if (!fill_article (im, path, fields, a, &reason))
    return skip (im, path, reason);
  if ((a->status == PORTADA_STATUS_PUBLISHED || a->status == PORTADA_STATUS_SCHEDULED)
      && a->publish_at == 0)
    {
      /* Published with no date would put it nowhere in the site's order: a draft,
       * said, for the editor to date. */
      a->status = PORTADA_STATUS_DRAFT;
      portada_import_summary_add_line (
          im->summary, _ ("%s: no “date”: imported as a draft (give it a date to publish it)"),
          path);
    }
  if (!import_body_images (im, path, a, error))
    return FILE_FAILED;
  if ((s = scalar (fields, "image")) || (s = scalar (fields, "featured_image")))
    {
      gint64 featured = *s ? bundle_image (im, path, s, error) : 0;
      if (featured < 0)
        return FILE_FAILED;
      if (featured > 0)
        a->featured_media_id = featured;
    }
  if (!portada_article_validate (a, &local))
    {
      if (portada_exchange_drop_bad_source_url (a))
        {
          portada_import_summary_add_line (im->summary, _ ("%s: note: %s; left out"), path,
                                           local->message);
          g_clear_error (&local);
        }
      else
        return skip (im, path, local->message);
    }
  if (!portada_articles_save (im->newsroom, a, PORTADA_SAVE_KEEP_TIMES | PORTADA_SAVE_NO_REVISION,
                              error))
    return FILE_FAILED;
  portada_exchange_note_remote_images (im->summary, path, a);
  g_hash_table_add (im->uuids, g_strdup (a->uuid));
  return id > 0 ? FILE_UPDATED : FILE_CREATED;
}

static gboolean
is_markdown_name (const char *name)
{
  return g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown");
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every Markdown file under @folder, sorted; hidden entries are not read. Links
 * (to a file or a folder, inside or out), pipes, devices and sockets are never
 * opened: each is named in the summary as left out. */
static void
collect_files (Import *im, const char *folder, GPtrArray *files, int depth)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL || depth > 32)
    return;
  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (folder, names->pdata[i], NULL);
      struct stat st;
      const char *kind;

      if (lstat (child, &st) != 0)
        continue;
      kind = portada_special_file_kind (st.st_mode);
      if (kind)
        skip (im, child, kind);
      else if (S_ISDIR (st.st_mode))
        collect_files (im, child, files, depth + 1);
      else if (is_markdown_name (names->pdata[i]))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

gboolean
portada_markdown_import (PortadaNewsroom *newsroom, const char *path, const char *lang,
                         PortadaImportSummary *summary, GCancellable *cancellable,
                         PortadaProgressFunc progress, gpointer user_data, GError **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) langs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Import im = { newsroom, summary, NULL, langs, uuids, NULL, 0 };

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom) && summary != NULL, FALSE);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND, _ ("%s: no such file or folder"),
                   path);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      collect_files (&im, path, files, 0);
      im.root = realpath (path, NULL);
    }
  else
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_ptr_array_add (files, g_strdup (path));
      im.root = realpath (folder, NULL);
      im.single = TRUE;
    }

  if (!portada_newsroom_begin (newsroom, error))
    return FALSE;
  im.default_lang = portada_exchange_import_lang (newsroom, lang, error);
  if (im.default_lang == NULL)
    goto failed;
  g_hash_table_add (langs, g_strdup (im.default_lang));
  /* Section pages first: their names and paths are there before the articles. */
  for (guint i = 0; i < files->len; i++)
    if (is_section_index (files->pdata[i])
        && import_section_index (&im, files->pdata[i], error) == FILE_FAILED)
      goto failed;
  for (guint i = 0; i < files->len; i++)
    {
      if (!portada_exchange_check_cancelled (cancellable, error))
        goto failed;
      if (is_section_index (files->pdata[i]))
        continue;
      switch (import_file (&im, files->pdata[i], error))
        {
          case FILE_CREATED:
            summary->created++;
            break;
          case FILE_UPDATED:
            summary->updated++;
            break;
          case FILE_SKIPPED:
          case FILE_SECTION:
            break;
          case FILE_FAILED:
            goto failed;
        }
      if (progress && (i % 20 == 19 || i + 1 == files->len))
        progress ((double) (i + 1) / files->len, user_data);
    }
  g_free (im.default_lang);
  free (im.root);
  return portada_newsroom_commit (newsroom, error);

failed:
  g_free (im.default_lang);
  free (im.root);
  portada_newsroom_rollback (newsroom);
  return FALSE;
}

/* Reads everything from one snapshot of the newsroom: an article another window
 * saves meanwhile is exported whole, as before or as after, never half of each. */
gboolean
portada_markdown_export (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                         GCancellable *cancellable, PortadaProgressFunc progress,
                         gpointer user_data, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  if (!portada_newsroom_begin_read (newsroom, error))
    return FALSE;
  ok = portada_markdown_export_snapshot (newsroom, out_dir, lang, cancellable, progress, user_data,
                                         error);
  portada_newsroom_end_read (newsroom);
  return ok;
}
