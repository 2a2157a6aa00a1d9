/* portada-article.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "portada-article.h"
#include "portada-error.h"

static const char *const status_names[]
    = { "draft", "review", "scheduled", "published", "archived" };

const char *
portada_article_status_to_string (PortadaArticleStatus status)
{
  g_return_val_if_fail (status <= PORTADA_STATUS_ARCHIVED, "draft");
  return status_names[status];
}

gboolean
portada_article_status_from_string (const char *text, PortadaArticleStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

PortadaArticle *
portada_article_new (void)
{
  PortadaArticle *a = g_new0 (PortadaArticle, 1);
  a->lang = g_strdup ("en");
  a->title = g_strdup ("");
  a->body = g_strdup ("");
  a->comments_enabled = TRUE;
  a->tags = g_new0 (char *, 1);
  return a;
}

PortadaArticle *
portada_article_copy (const PortadaArticle *article)
{
  PortadaArticle *a = g_new0 (PortadaArticle, 1);

  *a = *article;
  a->uuid = g_strdup (article->uuid);
  a->lang = g_strdup (article->lang);
  a->translation_group = g_strdup (article->translation_group);
  a->section = g_strdup (article->section);
  a->title = g_strdup (article->title);
  a->subtitle = g_strdup (article->subtitle);
  a->slug = g_strdup (article->slug);
  a->author = g_strdup (article->author);
  a->excerpt = g_strdup (article->excerpt);
  a->body = g_strdup (article->body);
  a->source_name = g_strdup (article->source_name);
  a->source_url = g_strdup (article->source_url);
  a->tags = g_strdupv (article->tags);
  return a;
}

void
portada_article_free (PortadaArticle *a)
{
  if (a == NULL)
    return;
  g_free (a->uuid);
  g_free (a->lang);
  g_free (a->translation_group);
  g_free (a->section);
  g_free (a->title);
  g_free (a->subtitle);
  g_free (a->slug);
  g_free (a->author);
  g_free (a->excerpt);
  g_free (a->body);
  g_free (a->source_name);
  g_free (a->source_url);
  g_strfreev (a->tags);
  g_free (a);
}

void
portada_article_summary_free (PortadaArticleSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->uuid);
  g_free (s->lang);
  g_free (s->title);
  g_free (s->slug);
  g_free (s->section);
  g_free (s->author);
  g_free (s);
}

guint
portada_text_count_words (const char *markdown)
{
  g_autofree char *valid = NULL;
  guint words = 0;
  gboolean in_word = FALSE;

  if (markdown == NULL)
    return 0;
  /* Stepping through invalid UTF-8 would run past the end of the string. */
  if (!g_utf8_validate (markdown, -1, NULL))
    markdown = valid = g_utf8_make_valid (markdown, -1);
  for (const char *p = markdown; *p; p = g_utf8_next_char (p))
    {
      gboolean word_char;

      /* ASCII first: the site export counts the words of every article. */
      if ((guchar) *p < 0x80)
        word_char = g_ascii_isalnum (*p) || *p == '\'';
      else
        {
          gunichar c = g_utf8_get_char (p);
          word_char = g_unichar_isalnum (c) || c == 0x2019;
        }

      if (word_char && !in_word)
        words++;
      in_word = word_char;
    }
  return words;
}

guint
portada_reading_time_minutes (guint words)
{
  return MAX (1, (words + 199) / 200);
}

static gboolean
valid_web_url (const char *url)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

gboolean
portada_article_validate (const PortadaArticle *a, GError **error)
{
  const struct
  {
    const char *name;
    const char *value;
  } texts[] = {
    { N_ ("title"), a->title },        { N_ ("subtitle"), a->subtitle },
    { N_ ("excerpt"), a->excerpt },    { N_ ("body"), a->body },
    { N_ ("source"), a->source_name }, { N_ ("source URL"), a->source_url },
    { N_ ("author"), a->author },      { N_ ("slug"), a->slug },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gunichar bad = 0;
      /* A line of text, not a document: the body alone may be long. */
      gsize max = i == 3 ? 16 * 1024 * 1024 : i == 2 ? 64 * 1024 : 4096;

      if (texts[i].value == NULL)
        continue;
      if (!g_utf8_validate (texts[i].value, -1, NULL))
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("The field “%s” is not valid UTF-8 text"), _ (texts[i].name));
          return FALSE;
        }
      if (strlen (texts[i].value) > max)
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("The field “%s” is too long (%lu bytes; at most %lu)"), _ (texts[i].name),
                       (unsigned long) strlen (texts[i].value), (unsigned long) max);
          return FALSE;
        }
      /* What XML 1.0 cannot carry, even escaped: the feeds and WXR would break. */
      for (const char *p = texts[i].value; *p && !bad; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
            bad = c;
        }
      if (bad)
        {
          g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                       _ ("The field “%s” holds the character U+%04X, which feeds and WordPress "
                          "files cannot carry"),
                       _ (texts[i].name), bad);
          return FALSE;
        }
    }
  if (a->lang == NULL || strlen (a->lang) < 2 || strlen (a->lang) > 8)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The language “%s” is not a language code such as “en” or “es”"),
                   a->lang ? a->lang : "");
      return FALSE;
    }
  if (a->source_url && *a->source_url && !valid_web_url (a->source_url))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("The source URL “%s” is not a web address: it must start with http:// or "
                      "https://"),
                   a->source_url);
      return FALSE;
    }
  if (a->status > PORTADA_STATUS_ARCHIVED)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, _ ("Unknown article status %d"),
                   a->status);
      return FALSE;
    }
  return TRUE;
}
