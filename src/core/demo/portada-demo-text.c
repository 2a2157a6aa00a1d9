/* portada-demo-text.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-demo-text.h"

const PortadaDemoRelated portada_demo_related[5] = {
  { "Pole Dancing in Israel: A New Dimension with BlueDance.co.il",
    "culture",
    "In recent years, pole dancing has experienced a remarkable transformation, shifting from a "
    "misunderstood niche to a popular activity combining fitness, self-expression, and "
    "empowerment. Studios now open in cities across the region.",
    180,
    2025,
    2,
    20,
    { "Latin America", "Fitness", NULL } },
  { "A New Luxury Hotel Just Opened on An Idyllic Beach in Cancun, Mexico — And We Were the "
    "First to Stay",
    "tourism",
    "Waldorf Astoria Cancun opened to the public on Nov. 1, the brand's first new build in Mexico, "
    "with two waterfront pools and a fantastic spa set between the lagoon and the sea.",
    220,
    2025,
    1,
    10,
    { "Latin America", "Hotels", "Mexico", NULL } },
  { "US Lawmakers Join Requests to Extend TPS To Central Americans",
    "politics",
    "The chairman of the US Senate Foreign Relations Committee, Robert Menendez, along with other "
    "legislators gathered outside the Capitol this Thursday to express his support for "
    "extending Temporary Protected Status.",
    200,
    2024,
    12,
    28,
    { "Latin America", "US Congress", "Migration", NULL } },
  { "Nicaragua Presents Its New Interoceanic Canal Route to China and Seeks to Compete with Panama",
    "business",
    "With a length of 445 kilometers, in a second attempt, the Nicaraguan president, Daniel "
    "Ortega, presents China with a new route for an interoceanic canal meant to rival Panama.",
    1500,
    2024,
    12,
    26,
    { "Latin America", "Panama", "Nicaragua", NULL } },
  { "Barbados Airport Receives 54 Flights in One Day",
    "tourism",
    "On Saturday, December 21, 54 planes arrived at Barbados’ Grantley Adams International "
    "Airport (GAIA), marking a historic milestone for the airport and the tourism sector of the "
    "island.",
    160,
    2024,
    12,
    23,
    { "Latin America", "Caribbean", "Aviation", NULL } },
};

static const char *const words_en[] = {
  "market",
  "investment",
  "tourism",
  "region",
  "government",
  "growth",
  "company",
  "trade",
  "export",
  "hotel",
  "airline",
  "visitors",
  "economy",
  "energy",
  "policy",
  "minister",
  "agreement",
  "project",
  "infrastructure",
  "sector",
  "development",
  "bank",
  "currency",
  "inflation",
  "port",
  "coffee",
  "sugar",
  "harvest",
  "festival",
  "museum",
  "heritage",
  "coast",
  "island",
  "city",
  "capital",
  "workers",
  "students",
  "hospital",
  "doctors",
  "vaccine",
  "network",
  "startup",
  "software",
  "data",
  "security",
  "reform",
  "election",
  "congress",
  "court",
  "mayor",
  "community",
  "the",
  "the",
  "the",
  "of",
  "of",
  "and",
  "and",
  "in",
  "in",
  "to",
  "a",
  "with",
  "for",
  "new",
  "local",
  "regional",
  "national",
  "international",
  "strong",
  "recent",
  "annual",
  "public",
  "private",
  "said",
  "announced",
  "expects",
  "reported",
  "plans",
  "grew",
  "opened",
  "signed",
  "will",
  "is",
  "are",
  "has",
  "more",
  "than",
  "last",
  "year",
  "this",
  "month",
  "percent",
};

static const char *const words_es[] = {
  "mercado",
  "inversión",
  "turismo",
  "región",
  "gobierno",
  "crecimiento",
  "empresa",
  "comercio",
  "exportación",
  "hotel",
  "aerolínea",
  "visitantes",
  "economía",
  "energía",
  "política",
  "ministra",
  "acuerdo",
  "proyecto",
  "infraestructura",
  "sector",
  "desarrollo",
  "banco",
  "moneda",
  "inflación",
  "puerto",
  "café",
  "azúcar",
  "cosecha",
  "festival",
  "museo",
  "patrimonio",
  "costa",
  "isla",
  "ciudad",
  "capital",
  "trabajadores",
  "estudiantes",
  "hospital",
  "médicos",
  "vacuna",
  "red",
  "emprendimiento",
  "datos",
  "seguridad",
  "reforma",
  "elección",
  "congreso",
  "tribunal",
  "alcaldía",
  "comunidad",
  "el",
  "la",
  "la",
  "de",
  "de",
  "y",
  "y",
  "en",
  "en",
  "a",
  "con",
  "para",
  "nuevo",
  "local",
  "regional",
  "nacional",
  "internacional",
  "fuerte",
  "reciente",
  "anual",
  "público",
  "privado",
  "dijo",
  "anunció",
  "espera",
  "informó",
  "planea",
  "creció",
  "abrió",
  "firmó",
  "será",
  "es",
  "son",
  "tiene",
  "más",
  "que",
  "último",
  "año",
  "este",
  "mes",
  "por ciento",
};

static const char *const tags_en[]
    = { "Investment", "Hotels",          "Trade",     "Energy",      "Elections",
        "Startups",   "Coffee",          "Ports",     "Health care", "Museums",
        "Airlines",   "Central America", "Caribbean", "Andes" };
static const char *const tags_es[] = {
  "Inversión", "Hoteles", "Comercio", "Energía",    "Elecciones",    "Emprendimiento", "Café",
  "Puertos",   "Salud",   "Museos",   "Aerolíneas", "Centroamérica", "Caribe",         "Andes"
};
static const char *const sections[]
    = { "business", "tourism", "politics", "technology", "health", "culture" };

static void
append_words (GString *out, GRand *rand, const char *const *words, guint n_words, guint count,
              gboolean capitalize)
{
  for (guint i = 0; i < count; i++)
    {
      const char *w = words[g_rand_int_range (rand, 0, n_words)];
      if (i > 0)
        g_string_append_c (out, ' ');
      if (i == 0 && capitalize)
        {
          g_autofree char *up = g_utf8_strup (w, g_utf8_next_char (w) - w);
          g_string_append (out, up);
          g_string_append (out, g_utf8_next_char (w));
        }
      else
        g_string_append (out, w);
    }
}

static void
append_paragraph (GString *out, GRand *rand, const char *const *words, guint n_words, guint count)
{
  guint done = 0;

  while (done < count)
    {
      guint sentence = MIN (count - done, (guint) g_rand_int_range (rand, 8, 22));
      if (done > 0)
        g_string_append_c (out, ' ');
      append_words (out, rand, words, n_words, sentence, TRUE);
      g_string_append_c (out, '.');
      done += sentence;
    }
  g_string_append (out, "\n\n");
}

static char *
generate_body (GRand *rand, gboolean spanish, guint target)
{
  const char *const *words = spanish ? words_es : words_en;
  guint n = spanish ? G_N_ELEMENTS (words_es) : G_N_ELEMENTS (words_en);
  GString *out = g_string_new (NULL);
  guint written = 0, block = 0;

  while (written < target)
    {
      guint len = g_rand_int_range (rand, 40, 110);

      if (block > 0 && block % 4 == 0)
        {
          g_string_append (out, "## ");
          append_words (out, rand, words, n, 4, TRUE);
          g_string_append (out, "\n\n");
        }
      if (block % 5 == 2)
        {
          for (int i = 0; i < 3; i++)
            {
              g_string_append (out, block % 10 == 2 ? "- " : "1. ");
              append_words (out, rand, words, n, 6, TRUE);
              g_string_append_c (out, '\n');
            }
          g_string_append_c (out, '\n');
          written += 18;
        }
      append_paragraph (out, rand, words, n, len);
      if (block % 3 == 1)
        {
          g_string_truncate (out, out->len - 3);
          g_string_append_printf (out, " %s [%s](https://example.com/%s/%u).\n\n",
                                  spanish ? "Más información en" : "More in our",
                                  spanish ? "el informe" : "**report**", spanish ? "es" : "en",
                                  block);
        }
      written += len;
      block++;
    }
  return g_string_free (out, FALSE);
}

char *
portada_demo_related_body (const PortadaDemoRelated *r)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_str_hash (r->title));
  g_autofree char *rest = generate_body (rand, FALSE, r->extra_words);

  return g_strconcat (r->opening, "\n\n", rest, NULL);
}

PortadaArticle *
portada_demo_generate_article (GRand *rand, guint index)
{
  PortadaArticle *a = portada_article_new ();
  gboolean spanish = index % 2 == 1;
  const char *const *words = spanish ? words_es : words_en;
  guint n = spanish ? G_N_ELEMENTS (words_es) : G_N_ELEMENTS (words_en);
  GString *title = g_string_new (NULL);
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  int roll = g_rand_int_range (rand, 0, 100);
  /* 2019-01-01 to 2026-10-31. */
  gint64 when = 1546300800 + g_rand_int_range (rand, 0, 247000000);

  append_words (title, rand, words, n, g_rand_int_range (rand, 5, 10), TRUE);
  g_free (a->lang);
  a->lang = g_strdup (spanish ? "es" : "en");
  g_free (a->title);
  a->title = g_string_free (title, FALSE);
  a->section = g_strdup (sections[g_rand_int_range (rand, 0, G_N_ELEMENTS (sections))]);
  g_free (a->body);
  a->body = generate_body (rand, spanish, g_rand_int_range (rand, 600, 1500));
  a->status = roll < 85   ? PORTADA_STATUS_PUBLISHED
              : roll < 90 ? PORTADA_STATUS_DRAFT
              : roll < 94 ? PORTADA_STATUS_REVIEW
              : roll < 97 ? PORTADA_STATUS_ARCHIVED
                          : PORTADA_STATUS_SCHEDULED;
  if (a->status == PORTADA_STATUS_SCHEDULED)
    when = 1798761600 + g_rand_int_range (rand, 0, 8000000); /* 2027 */
  a->publish_at = when;
  a->created_at = when - 3600;
  a->updated_at = when;
  for (int i = g_rand_int_range (rand, 2, 5); i > 0; i--)
    {
      const char *tag
          = (spanish ? tags_es : tags_en)[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags_en))];
      g_strv_builder_add (tags, tag);
    }
  g_strfreev (a->tags);
  a->tags = g_strv_builder_end (tags);
  if (index % 7 == 0)
    {
      a->source_name = g_strdup (spanish ? "Agencia de Noticias" : "Regional Wire");
      a->source_url = g_strdup_printf ("https://news.example.org/%u", index);
    }
  return a;
}
