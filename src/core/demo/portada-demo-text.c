/* portada-demo-text.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

/* The generated articles read like news: sentences are filled from templates,
 * so a newsroom trying Portada at scale sees plausible text, headings, lists and
 * links, in both languages. {x} marks a slot filled from the list named x. */

typedef struct
{
  const char *name;
  const char *const *words;
} Slot;

#define WORDS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const Slot slots_en[] = {
  { "country",
    WORDS ("Guatemala", "Honduras", "Costa Rica", "Panama", "Cuba", "Mexico", "Colombia", "Peru",
           "Chile", "the Dominican Republic", "El Salvador", "Nicaragua", "Ecuador", "Barbados") },
  { "city", WORDS ("Guatemala City", "Tegucigalpa", "San José", "Panama City", "Havana", "Cancún",
                   "Bogotá", "Lima", "Santiago", "Santo Domingo", "San Salvador", "Quito",
                   "Bridgetown", "Medellín") },
  { "sector",
    WORDS ("tourism", "coffee export", "manufacturing", "energy", "banking", "construction",
           "airline", "hotel", "software", "health care", "retail", "port") },
  { "institution", WORDS ("central bank", "ministry of tourism", "chamber of commerce",
                          "national statistics office", "ministry of economy", "development bank",
                          "tourism board") },
  { "person",
    WORDS ("María Fernanda López", "José Antonio Ramírez", "Ana Lucía Castillo", "Carlos Mendoza",
           "Gabriela Herrera", "Luis Alberto Pérez", "Sofía Morales", "Ricardo Jiménez") },
  { "role", WORDS ("the minister of economy", "the tourism minister", "an analyst",
                   "the president of the chamber of commerce", "the mayor",
                   "the head of the port authority", "an economist") },
  { "thing",
    WORDS ("investment plan", "trade agreement", "tourism campaign", "infrastructure fund",
           "energy project", "digital payments law", "airport expansion", "coffee price support") },
  { "verb", WORDS ("announces", "approves", "launches", "expands", "reviews", "signs", "delays",
                   "celebrates") },
  { "month", WORDS ("January", "March", "May", "June", "August", "October", "November") },
  { "n", WORDS ("3", "4.5", "7", "12", "15", "18", "25", "40") },
  { "big", WORDS ("120", "250", "480", "900", "1,200", "3,500") },
  { "company", WORDS ("Grupo Solymar", "Cafés del Istmo", "AeroCaribe", "Banco Andino",
                      "Energía Verde", "Puerto Azul Logistics", "Hoteles Maya") },
  { NULL, NULL },
};

static const Slot slots_es[] = {
  { "country",
    WORDS ("Guatemala", "Honduras", "Costa Rica", "Panamá", "Cuba", "México", "Colombia", "Perú",
           "Chile", "República Dominicana", "El Salvador", "Nicaragua", "Ecuador", "Barbados") },
  { "city", WORDS ("Ciudad de Guatemala", "Tegucigalpa", "San José", "Ciudad de Panamá",
                   "La Habana", "Cancún", "Bogotá", "Lima", "Santiago", "Santo Domingo",
                   "San Salvador", "Quito", "Medellín") },
  { "sector",
    WORDS ("turismo", "exportación de café", "manufactura", "energía", "banca", "construcción",
           "aviación", "hotelería", "software", "salud", "comercio", "actividad portuaria") },
  { "institution", WORDS ("el banco central", "el ministerio de turismo", "la cámara de comercio",
                          "el instituto nacional de estadística", "el ministerio de economía",
                          "el banco de desarrollo", "la junta de turismo") },
  { "person",
    WORDS ("María Fernanda López", "José Antonio Ramírez", "Ana Lucía Castillo", "Carlos Mendoza",
           "Gabriela Herrera", "Luis Alberto Pérez", "Sofía Morales", "Ricardo Jiménez") },
  { "role", WORDS ("la ministra de economía", "el ministro de turismo", "una analista",
                   "el presidente de la cámara de comercio", "la alcaldesa",
                   "el jefe de la autoridad portuaria", "un economista") },
  { "thing",
    WORDS ("el plan de inversión", "el acuerdo comercial", "la campaña turística",
           "el fondo de infraestructura", "el proyecto energético", "la ley de pagos digitales",
           "la ampliación del aeropuerto", "el apoyo al precio del café") },
  { "verb",
    WORDS ("anuncia", "aprueba", "lanza", "amplía", "revisa", "firma", "aplaza", "celebra") },
  { "month", WORDS ("enero", "marzo", "mayo", "junio", "agosto", "octubre", "noviembre") },
  { "n", WORDS ("3", "4,5", "7", "12", "15", "18", "25", "40") },
  { "big", WORDS ("120", "250", "480", "900", "1.200", "3.500") },
  { "company", WORDS ("Grupo Solymar", "Cafés del Istmo", "AeroCaribe", "Banco Andino",
                      "Energía Verde", "Puerto Azul Logistics", "Hoteles Maya") },
  { NULL, NULL },
};

static const char *const titles_en[] = {
  "{country} {verb} new {thing}",
  "{company} to open {n} new sites in {city}",
  "{sector} in {country}: what the {month} figures show",
  "{city} hosts a regional summit on {sector}",
  "{country}'s {sector} grows {n} percent as visitors return",
  "Inflation and the {thing}: {person} answers the questions",
};
static const char *const titles_es[] = {
  "{country} {verb} {thing}",
  "{company} abrirá {n} nuevas sedes en {city}",
  "{sector} en {country}: lo que muestran las cifras de {month}",
  "{city} acoge una cumbre regional sobre {sector}",
  "El sector de {sector} de {country} crece un {n} por ciento con el regreso de visitantes",
  "La inflación y {thing}: {person} responde",
};

static const char *const sentences_en[] = {
  "{country}'s {sector} sector grew {n} percent in {month}, according to the {institution}.",
  "The {institution} said the {thing} would create {big} jobs over the next two years.",
  "“We are seeing real demand from investors and visitors alike,” said {person}, {role}.",
  "Officials in {city} expect {big} thousand visitors during the high season.",
  "Analysts warned that inflation and higher freight costs could slow the {sector} recovery.",
  "{company} said it would invest {n} million dollars in {city} before the end of the year.",
  "The {thing} still needs the approval of congress, where debate is expected in {month}.",
  "Business groups in {country} welcomed the announcement but asked for clearer rules.",
  "Hotel occupancy in {city} reached {n} percent in {month}, the highest in a decade.",
  "{person}, {role}, said the region must compete on quality rather than price.",
  "Exports of coffee and sugar rose, helped by better harvests and a weaker currency.",
  "Critics said the {thing} offered little to small businesses outside the capital.",
};
static const char *const sentences_es[] = {
  "El sector de {sector} de {country} creció un {n} por ciento en {month}, según {institution}.",
  "Según {institution}, {thing} creará {big} empleos en los próximos dos años.",
  "“Vemos una demanda real tanto de inversionistas como de visitantes”, dijo {person}, {role}.",
  "Las autoridades de {city} esperan {big} mil visitantes durante la temporada alta.",
  "Los analistas advirtieron que la inflación y los fletes más caros podrían frenar la "
  "recuperación del sector de {sector}.",
  "{company} informó que invertirá {n} millones de dólares en {city} antes de fin de año.",
  "{thing} aún necesita la aprobación del congreso, donde se espera el debate en {month}.",
  "Los gremios empresariales de {country} celebraron el anuncio, pero pidieron reglas más claras.",
  "La ocupación hotelera en {city} alcanzó el {n} por ciento en {month}, la más alta en una "
  "década.",
  "{person}, {role}, dijo que la región debe competir por calidad y no por precio.",
  "Las exportaciones de café y azúcar subieron gracias a mejores cosechas y una moneda más débil.",
  "Los críticos dijeron que {thing} ofrece poco a las pequeñas empresas fuera de la capital.",
};

static const char *const headings_en[]
    = { "What changes for business", "The numbers", "Reactions in {city}", "What comes next",
        "The view from {country}" };
static const char *const headings_es[]
    = { "Qué cambia para las empresas", "Las cifras", "Reacciones en {city}", "Lo que viene",
        "La mirada desde {country}" };
static const char *const items_en[]
    = { "More flights to {city}", "Lower taxes for {sector}", "A new fund for small businesses",
        "Training for {big} workers", "Faster permits" };
static const char *const items_es[]
    = { "Más vuelos a {city}", "Menos impuestos para {sector}",
        "Un fondo nuevo para pequeñas empresas", "Capacitación para {big} trabajadores",
        "Permisos más rápidos" };

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

static const char *
pick (GRand *rand, const char *const *words, guint n)
{
  return words[g_rand_int_range (rand, 0, n)];
}

static const char *
pick_slot (GRand *rand, const Slot *slots, const char *name, gsize len)
{
  for (const Slot *s = slots; s->name; s++)
    if (strlen (s->name) == len && strncmp (s->name, name, len) == 0)
      return pick (rand, s->words, g_strv_length ((char **) s->words));
  return "";
}

/* Appends @template with every {slot} filled; the first letter capitalised. */
static void
fill (GString *out, GRand *rand, const Slot *slots, const char *template)
{
  gsize start = out->len;

  for (const char *p = template; *p; p++)
    {
      const char *end = *p == '{' ? strchr (p, '}') : NULL;
      if (end)
        {
          g_string_append (out, pick_slot (rand, slots, p + 1, end - p - 1));
          p = end;
        }
      else
        g_string_append_c (out, *p);
    }
  if (out->len > start && g_ascii_islower (out->str[start]))
    out->str[start] = g_ascii_toupper (out->str[start]);
}

#define PICK(rand, array) pick (rand, array, G_N_ELEMENTS (array))

static char *
generate_body (GRand *rand, gboolean spanish, guint target)
{
  const Slot *slots = spanish ? slots_es : slots_en;
  GString *out = g_string_new (NULL);
  guint block = 0;
  gsize counted = 0;
  guint words = 0;

  /* Counts only what each block added, so a long body costs no more than a short one. */
  for (; words < target; words += portada_text_count_words (out->str + counted), counted = out->len)
    {
      if (block > 0 && block % 4 == 0)
        {
          g_string_append (out, "## ");
          fill (out, rand, slots, spanish ? PICK (rand, headings_es) : PICK (rand, headings_en));
          g_string_append (out, "\n\n");
        }
      if (block % 5 == 2)
        {
          for (int i = 0; i < 3; i++)
            {
              g_string_append (out, block % 10 == 2 ? "- " : "1. ");
              fill (out, rand, slots, spanish ? PICK (rand, items_es) : PICK (rand, items_en));
              g_string_append_c (out, '\n');
            }
          g_string_append_c (out, '\n');
        }
      for (int i = g_rand_int_range (rand, 3, 6); i > 0; i--)
        {
          fill (out, rand, slots, spanish ? PICK (rand, sentences_es) : PICK (rand, sentences_en));
          g_string_append_c (out, ' ');
        }
      if (block % 3 == 1)
        g_string_append_printf (out,
                                spanish ? "Más detalles en [el informe completo](%s/es/%u). "
                                        : "Read **the full report** [here](%s/en/%u). ",
                                "https://example.com/reports", block);
      g_string_truncate (out, out->len - 1);
      g_string_append (out, "\n\n");
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
  GString *title = g_string_new (NULL);
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  int roll = g_rand_int_range (rand, 0, 100);
  /* 2019-01-01 to 2026-10-31. */
  gint64 when = 1546300800 + g_rand_int_range (rand, 0, 247000000);

  fill (title, rand, spanish ? slots_es : slots_en,
        spanish ? PICK (rand, titles_es) : PICK (rand, titles_en));
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
