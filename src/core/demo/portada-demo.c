/* portada-demo.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-comments.h"
#include "portada-core-resources.h"
#include "portada-demo-images.h"
#include "portada-demo.h"
#include "portada-demo-text.h"
#include "portada-logo-list.h"
#include "portada-logos.h"
#include "portada-media.h"
#include "portada-pages.h"
#include "portada-placement.h"
#include "portada-settings.h"
#include "portada-slug.h"
#include "portada-sponsor.h"

#define RESOURCE "/io/github/portada/Portada/demo/"
#define SEED_URL                                                                                   \
  "https://www.voanews.com/a/us-latin-america-seek-to-boost-cybersecurity-/7286805.html"
#define DEMO_AUTHOR "Carmen Rivas"

static const struct
{
  const char *key, *en, *en_path, *es, *es_path;
} sections[] = {
  { "business", "Business", "business", "Economía", "noticias/economia" },
  { "tourism", "Tourism", "tourism", "Turismo", "noticias/turismo" },
  { "politics", "Politics", "politics", "Política", "noticias/politica" },
  { "technology", "Technology", "technology", "Tecnología", "noticias/tecnologia" },
  { "health", "Health", "health", "Salud", "noticias/salud" },
  { "culture", "Culture", "culture", "Cultura", "noticias/cultura" },
};

static char *
load_text (const char *name, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = g_strconcat (RESOURCE, name, NULL);

  bytes = g_resource_lookup_data (portada_core_get_resource (), path, 0, error);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gint64
utc (int y, int mo, int d, int h, int mi)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static gboolean
fill_settings (PortadaNewsroom *nr, GError **error)
{
  PortadaLanguage en = { "en", "English", "en" };
  PortadaLanguage es = { "es", "Español", "es" };

  if (!portada_settings_set (nr, PORTADA_SETTING_SITE_TITLE, "Portada Magazine", error)
      || !portada_settings_set (nr, PORTADA_SETTING_BASE_URL, "https://portada.example.com", error)
      || !portada_settings_set (nr, PORTADA_SETTING_DEFAULT_AUTHOR, DEMO_AUTHOR, error)
      || !portada_settings_set (nr, PORTADA_SETTING_SUBSCRIBE_URL,
                                "https://portada.example.com/subscribe", error)
      /* As the site today: its WordPress takes the comments. */
      || !portada_settings_set (nr, PORTADA_SETTING_COMMENTS_URL,
                                "https://portada.example.com/wp-comments-post.php", error)
      || !portada_languages_save (nr, &en, 0, error) || !portada_languages_save (nr, &es, 1, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr (PortadaSection) s = portada_section_new (sections[i].key);
      portada_section_set_label (s, "en", sections[i].en, sections[i].en_path);
      portada_section_set_label (s, "es", sections[i].es, sections[i].es_path);
      if (!portada_sections_save (nr, s, error))
        return FALSE;
    }
  return TRUE;
}

static PortadaArticle *
new_article (const char *lang, const char *section, const char *title, const char *body,
             gint64 when, const char *const *tags)
{
  PortadaArticle *a = portada_article_new ();

  g_free (a->lang);
  a->lang = g_strdup (lang);
  a->section = g_strdup (section);
  g_free (a->title);
  a->title = g_strdup (title);
  g_free (a->body);
  a->body = g_strdup (body);
  a->author = g_strdup (DEMO_AUTHOR);
  a->status = PORTADA_STATUS_PUBLISHED;
  a->publish_at = when;
  a->created_at = when;
  a->updated_at = when;
  g_strfreev (a->tags);
  a->tags = g_strdupv ((GStrv) tags);
  return a;
}

static gboolean
save (PortadaNewsroom *nr, PortadaArticle *a, GError **error)
{
  return portada_articles_save (nr, a, PORTADA_SAVE_KEEP_TIMES | PORTADA_SAVE_NO_REVISION, error);
}

/* Readers' comments on the seed article, as a WordPress archive brings them: a
 * thread, another comment, and one still waiting for moderation (not shown). */
static gboolean
fill_seed_comments (PortadaNewsroom *nr, const PortadaArticle *seed, const PortadaArticle *es,
                    GError **error)
{
  static const struct
  {
    gboolean spanish;
    int reply_to; /* 1-based index of an earlier comment, 0: none */
    gboolean approved;
    int hours; /* after the article */
    const char *author, *url, *body;
  } comments[] = {
    { FALSE, 0, TRUE, 3, "María Fernanda López", "https://example.org/mflopez",
      "Costa Rica's experience in 2022 shows why this summit matters. Who pays for the "
      "operation centers once the pledges run out?" },
    { FALSE, 1, TRUE, 5, "Daniel Okafor", NULL,
      "The $25 million is for one center; the **regional** network is the harder part." },
    { FALSE, 2, TRUE, 8, "María Fernanda López", "https://example.org/mflopez",
      "Fair point. A shared incident team would help the smaller islands most." },
    { FALSE, 0, TRUE, 26, "Jorge Castillo", NULL,
      "Good summary. It would help to know which 20 countries attended." },
    { FALSE, 0, FALSE, 30, "Visitor", NULL, "Waiting for a moderator." },
    { TRUE, 0, TRUE, 4, "Ana Sofía Rivas", NULL,
      "Muy buen resumen. Ojalá se hable también de la formación de especialistas." },
  };
  gint64 ids[G_N_ELEMENTS (comments)] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (comments); i++)
    {
      const PortadaArticle *a = comments[i].spanish ? es : seed;
      g_autoptr (PortadaComment) c = portada_comment_new ();

      c->article_id = a->id;
      c->parent_id = comments[i].reply_to ? ids[comments[i].reply_to - 1] : 0;
      c->status = comments[i].approved ? PORTADA_COMMENT_APPROVED : PORTADA_COMMENT_PENDING;
      c->created_at = a->publish_at + comments[i].hours * 3600;
      g_free (c->author);
      c->author = g_strdup (comments[i].author);
      c->author_url = g_strdup (comments[i].url);
      g_free (c->body);
      c->body = g_strdup (comments[i].body);
      if (!portada_comments_save (nr, c, error))
        return FALSE;
      ids[i] = c->id;
    }
  return TRUE;
}

static gboolean
fill_seed_articles (PortadaNewsroom *nr, const gint64 *images, GError **error)
{
  const char *seed_tags[] = { "Latin America", "Cybersecurity", "United States", "China", NULL };
  g_autofree char *en_body = load_text ("seed-article.en.md", error);
  g_autofree char *es_body = en_body ? load_text ("seed-article.es.md", error) : NULL;
  g_autoptr (PortadaArticle) brief = NULL;
  g_autoptr (PortadaArticle) seed = NULL;
  g_autoptr (PortadaArticle) es = NULL;

  if (es_body == NULL)
    return FALSE;

  /* An earlier brief under the same title: the published seed URL ends in "-2". */
  brief = new_article ("en", "business", "US, Latin America Seek to Boost Cybersecurity",
                       "A short note ahead of the hemispheric cybersecurity summit at the OAS.",
                       utc (2023, 10, 2, 9, 0), seed_tags);
  brief->status = PORTADA_STATUS_ARCHIVED;
  if (!save (nr, brief, error))
    return FALSE;

  seed = new_article ("en", "business", "US, Latin America Seek to Boost Cybersecurity", en_body,
                      utc (2023, 10, 4, 14, 30), seed_tags);
  seed->source_name = g_strdup ("VOA");
  seed->source_url = g_strdup (SEED_URL);
  seed->excerpt = g_strdup ("The United States and 20 partner countries meet at the OAS to "
                            "strengthen their individual and collective cyber defenses.");
  /* The seed's own picture, with what a photo desk writes beside it. */
  seed->featured_media_id = images[0];
  if (!portada_media_set_details (
          nr, images[0], "Abstract dawn over a harbour: orange sky, a pale sun",
          "Delegates arrived at the OAS headquarters in Washington at dawn on Wednesday.",
          "Portada demo / generated image", error))
    return FALSE;
  if (!save (nr, seed, error))
    return FALSE;

  es = new_article (
      "es", "business", "EE. UU. y América Latina buscan reforzar la ciberseguridad", es_body,
      utc (2023, 10, 4, 15, 0),
      (const char *[]){ "América Latina", "Ciberseguridad", "Estados Unidos", "China", NULL });
  es->translation_group = g_strdup (seed->translation_group);
  es->source_name = g_strdup ("VOA");
  es->source_url = g_strdup (SEED_URL);
  es->featured_media_id = images[0]; /* the same photograph */
  if (!save (nr, es, error) || !fill_seed_comments (nr, seed, es, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (portada_demo_related); i++)
    {
      const PortadaDemoRelated *r = &portada_demo_related[i];
      g_autofree char *body = portada_demo_related_body (r);
      g_autoptr (PortadaArticle) a = new_article ("en", r->section, r->title, body,
                                                  utc (r->year, r->month, r->day, 12, 0), r->tags);
      a->featured_media_id = images[1 + i % (PORTADA_DEMO_N_IMAGES - 1)];
      if (!save (nr, a, error))
        return FALSE;
    }
  return TRUE;
}

GBytes *
portada_demo_placeholder_logo (const char *name, int width, int height)
{
  guint hash = g_str_hash (name);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *svg = NULL;
  int hue = hash % 360;

  svg = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                         "viewBox=\"0 0 %d %d\"><rect width=\"%d\" height=\"%d\" rx=\"8\" "
                         "fill=\"hsl(%d,45%%,92%%)\"/><rect x=\"1\" y=\"1\" width=\"%d\" "
                         "height=\"%d\" rx=\"7\" fill=\"none\" stroke=\"hsl(%d,45%%,40%%)\"/>"
                         "<text x=\"50%%\" y=\"50%%\" dominant-baseline=\"middle\" "
                         "text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"%d\" "
                         "font-weight=\"bold\" fill=\"hsl(%d,45%%,30%%)\">%s</text></svg>\n",
                         width, height, width, height, width, height, hue, width - 2, height - 2,
                         hue, strlen (name) > 18 ? 11 : 15, hue, escaped);
  return g_bytes_new_take (g_steal_pointer (&svg), strlen (svg));
}

static gint64
add_sponsor (PortadaNewsroom *nr, GHashTable *by_name, const char *name, GError **error)
{
  g_autoptr (PortadaSponsor) s = NULL;
  g_autoptr (GBytes) logo = NULL;
  g_autofree char *file = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gpointer known;

  if (g_hash_table_lookup_extended (by_name, name, NULL, &known))
    return GPOINTER_TO_SIZE (known);

  s = portada_sponsor_new (name);
  if (g_str_equal (name, "blackanddecker"))
    {
      /* The published site shows the logo's file name as its alt text: kept,
       * so that the checks find it. */
      g_free (s->name);
      s->name = g_strdup ("Black+Decker");
    }
  logo = portada_demo_placeholder_logo (s->name, 200, 80);
  file = g_strconcat (name, ".svg", NULL);
  s->logo_media_id = portada_logos_import (nr, logo, file, error);
  if (s->logo_media_id == 0)
    return 0;
  s->contract_start = g_strdup ("2023-01-01");
  if (g_str_equal (name, "Cuba Energy Summit"))
    {
      /* Expiring soon, so the sponsor manager has something to renew. */
      g_autoptr (GDateTime) end = g_date_time_add_days (now, 20);
      s->contract_end = g_date_time_format (end, "%Y-%m-%d");
    }
  else
    s->contract_end = g_strdup ("2027-12-31");
  {
    g_autofree char *slug = portada_slug_from_title (s->name);
    s->website = g_strdup_printf ("https://www.%s.example.com", slug);
  }
  if (!portada_sponsors_save (nr, s, error))
    return 0;
  g_hash_table_insert (by_name, g_strdup (name), GSIZE_TO_POINTER (s->id));
  return s->id;
}

static gint64
fill_list (PortadaNewsroom *nr, GHashTable *by_name, const char *list_name, const char *file,
           GError **error)
{
  g_autofree char *text = load_text (file, error);
  g_auto (GStrv) names = NULL;
  gint64 list_id;

  if (text == NULL)
    return 0;
  list_id = portada_logo_lists_create (nr, list_name, error);
  if (list_id == 0)
    return 0;
  names = g_strsplit (g_strstrip (text), "\n", -1);
  for (guint i = 0; names[i]; i++)
    {
      gint64 id = add_sponsor (nr, by_name, g_strstrip (names[i]), error);
      if (id == 0 || !portada_logo_lists_add_member (nr, list_id, id, 1.0, error))
        return 0;
    }
  return list_id;
}

static gboolean
add_placement (PortadaNewsroom *nr, const char *slot, int position, gint64 list_id, int max,
               GError **error)
{
  g_autoptr (PortadaPlacement) p = portada_placement_new (slot);

  p->position = position;
  p->list_id = list_id;
  p->max_logos = max;
  return portada_placements_save (nr, p, error);
}

static gboolean
fill_sponsors (PortadaNewsroom *nr, GError **error)
{
  g_autoptr (GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 a, b;

  a = fill_list (nr, by_name, "A", "sponsors-list-a.txt", error);
  b = a ? fill_list (nr, by_name, "B", "sponsors-list-b.txt", error) : 0;
  if (b == 0)
    return FALSE;

  /* The strips of the published page (SITE-FORMAT.md). */
  return add_placement (nr, PORTADA_SLOT_HEADER, 0, a, 0, error)
         && add_placement (nr, PORTADA_SLOT_ARTICLE_TOP, 0, a, 16, error)
         && add_placement (nr, PORTADA_SLOT_SIDEBAR, 0, a, 0, error)
         && add_placement (nr, PORTADA_SLOT_SIDEBAR, 1, b, 0, error)
         && add_placement (nr, PORTADA_SLOT_MID, 0, b, 12, error)
         && add_placement (nr, PORTADA_SLOT_FOOTER, 0, a, 22, error);
}

static gboolean
fill_generated (PortadaNewsroom *nr, guint n, const gint64 *images, PortadaProgressFunc progress,
                gpointer user_data, GError **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20231004);
  g_autofree char *group = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PortadaArticle) a = portada_demo_generate_article (rand, i);

      a->author = g_strdup (DEMO_AUTHOR);
      /* A handful of pictures shared by every article: a big demo stays small. */
      a->featured_media_id = images[1 + i % (PORTADA_DEMO_N_IMAGES - 1)];
      /* Every other Spanish article translates the English one before it. */
      if (i % 4 == 1 && group)
        a->translation_group = g_strdup (group);
      if (!save (nr, a, error))
        return FALSE;
      g_free (group);
      group = g_strdup (a->translation_group);
      if (progress && (i % 100 == 99 || i + 1 == n))
        progress ((double) (i + 1) / n, user_data);
    }
  return TRUE;
}

/* The magazine's own pages, in both languages, linked from the footer. */
static gboolean
fill_pages (PortadaNewsroom *nr, GError **error)
{
  static const struct
  {
    const char *group, *lang, *title, *slug, *body;
  } pages[] = {
    { "demo-page-about", "en", "About us", "about",
      "Business, tourism and current affairs from Latin America and the Caribbean, in "
      "English and Spanish, since 2009.\n\nOur editors work from Havana, Guatemala City and "
      "Miami." },
    { "demo-page-about", "es", "Quiénes somos", "quienes-somos",
      "Negocios, turismo y actualidad de América Latina y el Caribe, en inglés y español, "
      "desde 2009.\n\nNuestros editores trabajan desde La Habana, Ciudad de Guatemala y "
      "Miami." },
    { "demo-page-advertise", "en", "Advertise", "advertise",
      "Sponsor logos appear in the header, beside the articles and in the footer. Write to "
      "[ads@example.com](mailto:ads@example.com)." },
    { "demo-page-advertise", "es", "Publicidad", "publicidad",
      "Los logotipos de los patrocinadores aparecen en el encabezado, junto a los artículos y "
      "en el pie de página. Escriba a [ads@example.com](mailto:ads@example.com)." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (PortadaPage) p = portada_page_new ();
      p->lang = g_strdup (pages[i].lang);
      p->title = g_strdup (pages[i].title);
      p->slug = g_strdup (pages[i].slug);
      p->menu_order = (int) i / 2;
      p->status = PORTADA_STATUS_PUBLISHED;
      p->translation_group = g_strdup (pages[i].group);
      g_free (p->body);
      p->body = g_strdup (pages[i].body);
      p->created_at = p->updated_at = utc (2023, 1, 9, 12, 0);
      if (!portada_pages_save (nr, p, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_demo_fill (PortadaNewsroom *nr, guint n_generated, PortadaProgressFunc progress,
                   gpointer user_data, GError **error)
{
  gint64 images[PORTADA_DEMO_N_IMAGES];

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (nr), FALSE);

  if (!portada_newsroom_begin (nr, error))
    return FALSE;
  if (!fill_settings (nr, error) || !fill_sponsors (nr, error)
      || !portada_demo_images_add (nr, images, error) || !fill_seed_articles (nr, images, error)
      || !fill_pages (nr, error)
      || !fill_generated (nr, n_generated, images, progress, user_data, error))
    {
      portada_newsroom_rollback (nr);
      return FALSE;
    }
  return portada_newsroom_commit (nr, error);
}
