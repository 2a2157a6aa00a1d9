/* test-sponsor-checks.c: the checks a sponsor manager sees, on real newsrooms.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-demo.h"
#include "portada-logo-list.h"
#include "portada-logos.h"
#include "portada-media.h"
#include "portada-newsroom-private.h"
#include "portada-placement.h"
#include "portada-sponsor-checks.h"
#include "portada-sponsor-merge.h"
#include "portada-test-util.h"

#define TODAY "2026-06-15"

static GBytes *
corpus (const char *name)
{
  g_autofree char *path
      = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "corpus", name, NULL);
  return portada_test_read (path);
}

static char *
today_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static GPtrArray *
run_checks (PortadaNewsroom *nr, const char *today)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *problems = portada_sponsor_checks_run (nr, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const PortadaProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *line = portada_problem_to_line (p);
      g_test_message ("%s [%s]", line, p->kind);
      g_assert_true (p->subject && *p->subject);
      g_assert_true (p->message && *p->message);
      g_assert_true (p->fix && *p->fix);
      g_assert_cmpint (p->target_id, >, 0);
    }
  return problems;
}

static const PortadaProblem *
find (GPtrArray *problems, const char *kind, const char *subject)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const PortadaProblem *p = g_ptr_array_index (problems, i);
      if (g_str_equal (p->kind, kind) && (subject == NULL || g_str_equal (p->subject, subject)))
        return p;
    }
  return NULL;
}

static void
test_demo_problems (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *today = today_utc ();
  const PortadaProblem *p;

  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  problems = run_checks (nr, today);

  /* Exactly the two seed data problems and the contract to renew. */
  g_assert_cmpuint (problems->len, ==, 3);
  p = find (problems, PORTADA_PROBLEM_SPONSOR_ALT_FILENAME, "Black+Decker");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "blackanddecker"));
  g_assert_cmpint (p->target, ==, PORTADA_TARGET_SPONSOR);
  p = find (problems, PORTADA_PROBLEM_SPONSOR_DUPLICATE, "Hotel Barcelo Solymar");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "Barceló Solymar"));
  p = find (problems, PORTADA_PROBLEM_SPONSOR_EXPIRING, "Cuba Energy Summit");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "20 days"));

  /* Fixing them clears them. */
  {
    g_autoptr (GPtrArray) sponsors = portada_sponsors_list (nr, &error);
    g_autoptr (GPtrArray) after = NULL;
    for (guint i = 0; i < sponsors->len; i++)
      {
        PortadaSponsor *s = g_ptr_array_index (sponsors, i);
        if (g_str_equal (s->name, "Black+Decker"))
          {
            g_free (s->alt_text);
            s->alt_text = g_strdup ("Black+Decker");
          }
        else if (g_str_equal (s->name, "Hotel Barcelo Solymar"))
          {
            g_free (s->name);
            s->name = g_strdup ("Barceló Solymar (Varadero)");
            g_free (s->alt_text);
            s->alt_text = g_strdup (s->name);
          }
        else if (g_str_equal (s->name, "Cuba Energy Summit"))
          {
            g_free (s->contract_end);
            s->contract_end = g_strdup ("2099-12-31");
          }
        else
          continue;
        g_assert_true (portada_sponsors_save (nr, s, &error));
      }
    /* "Barceló Solymar (Varadero)" still folds to a different key: clean. */
    after = run_checks (nr, today);
    g_assert_cmpuint (after->len, ==, 0);
  }
}

static void
test_names (void)
{
  static const struct
  {
    const char *a, *b;
    gboolean same;
  } cases[] = {
    { "Cervecería Centroamericana S.A.", "Cerveceria Centroamericana", TRUE },
    { "Barceló Solymar", "Hotel Barcelo Solymar", TRUE },
    { "Barcelo Guatemala City", "Barceló Solymar", FALSE },
    { "Barcelo Guatemala City", "Hotel Barcelo Solymar", FALSE },
    { "INTERFER", "Interfer", TRUE },
    { "Black & Decker", "BLACK+DECKER", TRUE },
    { "The Coca-Cola Company", "Coca Cola", TRUE },
    { "Grupo Hotelero Islazul", "Islazul", FALSE },
    { "MAD-HAV Enjoy Travel Group", "CUN-HAV Enjoy Travel Group", FALSE },
    { "Cubasol", "Cubacel", FALSE },
    { "Cerveceria Centroamericna", "Cervecería Centroamericana S.A.", TRUE }, /* a typo */
    { "Centro Americana", "Centroamericana", TRUE },
    { "Muni Guate", "MuniGuate", TRUE },
    { "Inc.", "Ltd", FALSE },
    { "", "", FALSE },
    { "Intecap", "Intecap Ltda.", TRUE },
  };
  g_autofree char *key = portada_sponsor_name_key ("Cervecería Centroamericana S.A.");

  g_assert_cmpstr (key, ==, "cerveceria centroamericana");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s / %s", cases[i].a, cases[i].b);
      g_assert_cmpint (portada_sponsor_names_match (cases[i].a, cases[i].b), ==, cases[i].same);
      g_assert_cmpint (portada_sponsor_names_match (cases[i].b, cases[i].a), ==, cases[i].same);
    }
}

/* Among the 34 demo names, only the one pair matches. */
static void
test_demo_names_pairwise (void)
{
  const char *root = g_getenv ("PORTADA_SOURCE_ROOT");
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint pairs = 0;

  for (guint f = 0; f < 2; f++)
    {
      g_autofree char *path = g_build_filename (
          root, "data", "demo", f ? "sponsors-list-b.txt" : "sponsors-list-a.txt", NULL);
      g_autofree char *text = NULL;
      g_auto (GStrv) lines = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      lines = g_strsplit (g_strstrip (text), "\n", -1);
      for (guint i = 0; lines[i]; i++)
        if (!g_ptr_array_find_with_equal_func (names, lines[i], g_str_equal, NULL))
          g_ptr_array_add (names, g_strdup (lines[i]));
    }
  g_assert_cmpuint (names->len, ==, 33);
  for (guint i = 0; i < names->len; i++)
    for (guint j = i + 1; j < names->len; j++)
      if (portada_sponsor_names_match (g_ptr_array_index (names, i), g_ptr_array_index (names, j)))
        {
          g_test_message ("match: %s / %s", (char *) g_ptr_array_index (names, i),
                          (char *) g_ptr_array_index (names, j));
          pairs++;
        }
  g_assert_cmpuint (pairs, ==, 1);
}

static void
test_alt_texts (void)
{
  static const struct
  {
    const char *name, *alt, *kind;
  } cases[] = {
    { "Black+Decker", "blackanddecker", PORTADA_PROBLEM_SPONSOR_ALT_FILENAME },
    { "Black+Decker", "Black+Decker", NULL },
    { "Black+Decker", "Black and Decker logo", NULL },
    { "Cubasol", "", PORTADA_PROBLEM_SPONSOR_ALT_MISSING },
    { "Cubasol", "   ", PORTADA_PROBLEM_SPONSOR_ALT_MISSING },
    { "Cubasol", NULL, PORTADA_PROBLEM_SPONSOR_ALT_MISSING },
    { "Cubasol", "cubasol-logo.png", PORTADA_PROBLEM_SPONSOR_ALT_FILENAME },
    { "Cubasol", "Cubasol Logo Final.PNG", PORTADA_PROBLEM_SPONSOR_ALT_FILENAME },
    { "Cubasol", "logo_cubasol", PORTADA_PROBLEM_SPONSOR_ALT_FILENAME },
    { "Hotel Barcelo Solymar", "hotel-barcelo-solymar", PORTADA_PROBLEM_SPONSOR_ALT_FILENAME },
    { "Walmart", "walmart", NULL }, /* the name, lowercased */
    { "MAD-HAV Enjoy Travel Group", "MAD-HAV Enjoy Travel Group", NULL },
    { "Maggi - GLUTEN-FREE", "Maggi - GLUTEN-FREE", NULL },
    { "Cubasol", "Image 1", PORTADA_PROBLEM_SPONSOR_ALT_UNRELATED },
    { "Hotel Barcelo Solymar", "Hotel", PORTADA_PROBLEM_SPONSOR_ALT_UNRELATED },
    { "Cubasol", "Logo de Cubasol", NULL },
    { "Muni Guate", "MuniGuate", NULL },
    { "Centro Nacional de Cirugía de Mínimo Acceso", "CNCMA", NULL },
    { "Cervecería Centroamericana S.A.", "Cerveceria Centroamericana", NULL },
    { "Nestle", "Nestlé", NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s / %s", cases[i].name, cases[i].alt);
      g_assert_cmpstr (portada_sponsor_alt_text_problem (cases[i].name, cases[i].alt), ==,
                       cases[i].kind);
    }
}

static void
test_contract_states (void)
{
  g_autoptr (PortadaSponsor) s = portada_sponsor_new ("Cubasol");
  static const struct
  {
    const char *start, *end;
    gboolean active;
    PortadaContractState state;
    int days;
    const char *described;
  } cases[] = {
    { NULL, NULL, TRUE, PORTADA_CONTRACT_ACTIVE, 0, "active" },
    { "2026-01-01", "2026-12-31", TRUE, PORTADA_CONTRACT_ACTIVE, 0, "active" },
    { "2026-06-16", NULL, TRUE, PORTADA_CONTRACT_NOT_STARTED, 1, "starts on 2026-06-16" },
    { NULL, "2026-06-15", TRUE, PORTADA_CONTRACT_EXPIRING, 0, "expires today" },
    { NULL, "2026-06-16", TRUE, PORTADA_CONTRACT_EXPIRING, 1, "expires in 1 day" },
    { NULL, "2026-07-15", TRUE, PORTADA_CONTRACT_EXPIRING, 30, "expires in 30 days" },
    { NULL, "2026-07-16", TRUE, PORTADA_CONTRACT_ACTIVE, 0, "active" },
    { NULL, "2026-06-14", TRUE, PORTADA_CONTRACT_EXPIRED, 1, "expired on 2026-06-14" },
    { "2020-01-01", "2021-01-01", FALSE, PORTADA_CONTRACT_INACTIVE, 0, "inactive" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int days = -1;
      g_autofree char *text = NULL;

      g_free (s->contract_start);
      g_free (s->contract_end);
      s->contract_start = g_strdup (cases[i].start);
      s->contract_end = g_strdup (cases[i].end);
      s->active = cases[i].active;
      g_assert_cmpint (portada_sponsor_contract_state (s, TODAY, &days), ==, cases[i].state);
      g_assert_cmpint (days, ==, cases[i].days);
      text = portada_sponsor_contract_describe (s, TODAY);
      g_assert_cmpstr (text, ==, cases[i].described);
    }
}

/* One newsroom with one of each problem. */

static gint64
add_sponsor (PortadaNewsroom *nr, const char *name, gint64 logo, const char *end, gint64 list)
{
  g_autoptr (PortadaSponsor) s = portada_sponsor_new (name);
  g_autoptr (GError) error = NULL;

  s->logo_media_id = logo;
  s->contract_end = g_strdup (end);
  s->website = g_strdup ("https://example.com/");
  g_assert_true (portada_sponsors_save (nr, s, &error));
  g_assert_no_error (error);
  if (list)
    g_assert_true (portada_logo_lists_add_member (nr, list, s->id, 1.0, &error));
  return s->id;
}

static gint64
add_placement (PortadaNewsroom *nr, const char *slot, int position, gint64 list)
{
  g_autoptr (PortadaPlacement) p = portada_placement_new (slot);
  g_autoptr (GError) error = NULL;

  p->position = position;
  p->list_id = list;
  g_assert_true (portada_placements_save (nr, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
exec (PortadaNewsroom *nr, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (portada_newsroom_exec (nr, sql, &error));
  g_assert_no_error (error);
}

static void
test_every_kind (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GBytes) svg = corpus ("svg/ok-plain.svg");
  g_autoptr (GBytes) small_png = corpus ("images/logo-120x48.png");
  static const char tall_svg[]
      = "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='100'/>";
  g_autoptr (GBytes) tall = g_bytes_new_static (tall_svg, strlen (tall_svg));
  g_autoptr (GBytes) junk = g_bytes_new_static ("not an image at all", 19);
  gint64 a = portada_logo_lists_create (nr, "A", &error);
  gint64 empty = portada_logo_lists_create (nr, "Empty", &error);
  gint64 gone = portada_logo_lists_create (nr, "Gone", &error);
  gint64 logo = portada_logos_import (nr, svg, "ok.svg", &error);
  gint64 small = portada_logos_import (nr, small_png, "small.png", &error);
  gint64 narrow = portada_logos_import (nr, tall, "tall.svg", &error);
  gint64 broken = portada_media_add (nr, junk, "image/png", 10, 10, "junk.png", &error);
  gint64 header, no_list, empty_p, gone_p, id;
  const PortadaProblem *p;

  g_assert_no_error (error);
  header = add_placement (nr, PORTADA_SLOT_HEADER, 0, a);
  no_list = add_placement (nr, PORTADA_SLOT_SIDEBAR, 0, 0);
  empty_p = add_placement (nr, PORTADA_SLOT_SIDEBAR, 1, empty);
  gone_p = add_placement (nr, PORTADA_SLOT_FOOTER, 0, gone);
  g_assert_cmpint (header, >, 0);

  add_sponsor (nr, "Fine", logo, "2027-01-01", a);
  add_sponsor (nr, "Ended", logo, "2026-06-01", a);
  add_sponsor (nr, "Ending", logo, "2026-06-20", a);
  add_sponsor (nr, "Gone Sponsor", logo, "2020-01-01", gone);
  add_sponsor (nr, "No Logo", 0, NULL, a);
  add_sponsor (nr, "Broken Logo", broken, NULL, a);
  add_sponsor (nr, "Small Logo", small, NULL, a);
  add_sponsor (nr, "Tall Logo", narrow, NULL, a);
  add_sponsor (nr, "Lonely", logo, NULL, 0);
  id = add_sponsor (nr, "Switched Off", logo, "2020-01-01", 0);
  exec (nr, "UPDATE sponsor SET active = 0 WHERE name = 'Switched Off'");
  add_sponsor (nr, "Bad Site", logo, NULL, a);
  exec (nr, "UPDATE sponsor SET website = 'www.bad-site.example' WHERE name = 'Bad Site'");
  add_sponsor (nr, "No Alt", logo, NULL, a);
  exec (nr, "UPDATE sponsor SET alt_text = '' WHERE name = 'No Alt'");
  add_sponsor (nr, "Odd Alt", logo, NULL, a);
  exec (nr, "UPDATE sponsor SET alt_text = 'Picture 3' WHERE name = 'Odd Alt'");
  add_sponsor (nr, "Fine S.A.", logo, NULL, a);

  problems = run_checks (nr, TODAY);
  g_assert_nonnull (find (problems, PORTADA_PROBLEM_SPONSOR_EXPIRED, "Ended"));
  p = find (problems, PORTADA_PROBLEM_SPONSOR_EXPIRING, "Ending");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "5 days"));
  g_assert_nonnull (find (problems, PORTADA_PROBLEM_SPONSOR_LOGO_MISSING, "No Logo"));
  p = find (problems, PORTADA_PROBLEM_SPONSOR_LOGO_BROKEN, "Broken Logo");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "not an image"));
  p = find (problems, PORTADA_PROBLEM_SPONSOR_LOGO_SIZE, "Small Logo");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "blurred"));
  p = find (problems, PORTADA_PROBLEM_SPONSOR_LOGO_SIZE, "Tall Logo");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "20 × 100"));
  g_assert_nonnull (find (problems, PORTADA_PROBLEM_SPONSOR_NO_LIST, "Lonely"));
  g_assert_nonnull (find (problems, PORTADA_PROBLEM_SPONSOR_WEBSITE, "Bad Site"));
  g_assert_nonnull (find (problems, PORTADA_PROBLEM_SPONSOR_ALT_MISSING, "No Alt"));
  g_assert_nonnull (find (problems, PORTADA_PROBLEM_SPONSOR_ALT_UNRELATED, "Odd Alt"));
  p = find (problems, PORTADA_PROBLEM_SPONSOR_DUPLICATE, "Fine S.A.");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "“Fine”"));

  p = find (problems, PORTADA_PROBLEM_PLACEMENT_NO_LIST, NULL);
  g_assert_nonnull (p);
  g_assert_cmpint (p->target, ==, PORTADA_TARGET_PLACEMENT);
  g_assert_cmpint (p->target_id, ==, no_list);
  g_assert_cmpstr (p->subject, ==, "The sidebar strip (1 of 2)");
  p = find (problems, PORTADA_PROBLEM_PLACEMENT_EMPTY_LIST, NULL);
  g_assert_cmpint (p->target_id, ==, empty_p);
  g_assert_nonnull (strstr (p->message, "“Empty”"));
  p = find (problems, PORTADA_PROBLEM_PLACEMENT_NOTHING_SHOWN, NULL);
  g_assert_cmpint (p->target_id, ==, gone_p);

  /* Nothing about the switched-off sponsor (expired, on no list: on purpose). */
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((PortadaProblem *) g_ptr_array_index (problems, i))->target_id, !=, id);
  /* The expired sponsor on the "Gone" list is reported too, and that is all. */
  g_assert_nonnull (find (problems, PORTADA_PROBLEM_SPONSOR_EXPIRED, "Gone Sponsor"));
  g_assert_cmpuint (problems->len, ==, 15);
}

static void
test_bad_today (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  const char *bad[] = { NULL, "", "tomorrow", "2026-02-30", "2026-6-1" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_null (portada_sponsor_checks_run (nr, bad[i], &error));
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
    }
}

static PortadaSponsor *
find_sponsor (PortadaNewsroom *nr, const char *name)
{
  g_autoptr (GPtrArray) all = portada_sponsors_list (nr, NULL);
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (((PortadaSponsor *) g_ptr_array_index (all, i))->name, name))
      return portada_sponsor_copy (g_ptr_array_index (all, i));
  return NULL;
}

static void
test_appearances_and_merge (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSponsor) keep = NULL;
  g_autoptr (PortadaSponsor) other = NULL;
  g_autoptr (PortadaSponsor) after = NULL;
  g_autoptr (GPtrArray) where = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *today = today_utc ();
  const PortadaSponsorAppearance *a;
  int b_position;

  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  keep = find_sponsor (nr, "Barceló Solymar");
  other = find_sponsor (nr, "Hotel Barcelo Solymar");

  /* INTERFER is on A (header, article-top, sidebar, footer) and B (sidebar, mid). */
  {
    g_autoptr (PortadaSponsor) interfer = find_sponsor (nr, "INTERFER");
    g_autofree char *a_slots = NULL;
    g_autofree char *b_slots = NULL;
    where = portada_sponsor_appearances (nr, interfer->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (where->len, ==, 2);
    a = g_ptr_array_index (where, 0);
    g_assert_cmpstr (a->list_name, ==, "A");
    g_assert_cmpuint (a->placement_ids->len, ==, 4);
    a_slots = g_strjoinv (",", a->slots);
    g_assert_cmpstr (a_slots, ==, "header,article-top,sidebar,footer");
    a = g_ptr_array_index (where, 1);
    b_slots = g_strjoinv (",", a->slots);
    g_assert_cmpstr (b_slots, ==, "sidebar,mid");
    g_clear_pointer (&where, g_ptr_array_unref);
  }

  where = portada_sponsor_appearances (nr, other->id, &error);
  g_assert_cmpuint (where->len, ==, 1);
  b_position = ((PortadaSponsorAppearance *) g_ptr_array_index (where, 0))->position;
  g_clear_pointer (&where, g_ptr_array_unref);

  /* Joining the two entries: one sponsor on both lists, at B's old place. */
  g_assert_true (portada_sponsors_merge (nr, keep->id, other->id, &error));
  g_assert_no_error (error);
  g_assert_null (find_sponsor (nr, "Hotel Barcelo Solymar"));
  after = find_sponsor (nr, "Barceló Solymar");
  where = portada_sponsor_appearances (nr, after->id, &error);
  g_assert_cmpuint (where->len, ==, 2);
  a = g_ptr_array_index (where, 1);
  g_assert_cmpstr (a->list_name, ==, "B");
  g_assert_cmpint (a->position, ==, b_position);
  problems = run_checks (nr, today);
  g_assert_null (find (problems, PORTADA_PROBLEM_SPONSOR_DUPLICATE, NULL));
  g_assert_cmpuint (problems->len, ==, 2);

  /* Bad joins change nothing. */
  g_assert_false (portada_sponsors_merge (nr, after->id, after->id, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (portada_sponsors_merge (nr, after->id, 99999, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  {
    g_autoptr (PortadaSponsor) still = find_sponsor (nr, "Barceló Solymar");
    g_assert_nonnull (still);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sponsor-checks/demo", test_demo_problems);
  g_test_add_func ("/sponsor-checks/names", test_names);
  g_test_add_func ("/sponsor-checks/demo-names-pairwise", test_demo_names_pairwise);
  g_test_add_func ("/sponsor-checks/alt-texts", test_alt_texts);
  g_test_add_func ("/sponsor-checks/contract-states", test_contract_states);
  g_test_add_func ("/sponsor-checks/every-kind", test_every_kind);
  g_test_add_func ("/sponsor-checks/bad-today", test_bad_today);
  g_test_add_func ("/sponsor-checks/appearances-and-merge", test_appearances_and_merge);
  return g_test_run ();
}
