/* test-strip.c: which logos a strip shows, in which order: the weighted shuffle's
 * distribution, determinism, fixed and alphabetical orders, max_logos, and the
 * contract dates of the page's date.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "portada-logo-list.h"
#include "portada-placement.h"
#include "portada-sponsor.h"
#include "portada-strip.h"
#include "portada-test-util.h"

#define RUNS 4000
/* With 4000 runs a share's standard deviation is at most 0.008: 0.03 is almost
 * 4 of them. The hash is deterministic, so this never flickers; it fails when
 * the shuffle stops following the weights. */
#define TOLERANCE 0.03

static void
order_with_seed (PortadaStripEntry *entries, guint n, const char *prefix, guint i)
{
  g_autofree char *seed = g_strdup_printf ("%s/%u", prefix, i);
  portada_strip_order (entries, n, PORTADA_ORDER_SHUFFLE, seed);
}

/* How often each sponsor comes first, over RUNS seeds. */
static void
first_shares (const double *weights, guint n, double *shares)
{
  g_autofree PortadaStripEntry *entries = g_new0 (PortadaStripEntry, n);
  g_autofree guint *firsts = g_new0 (guint, n);

  for (guint run = 0; run < RUNS; run++)
    {
      for (guint i = 0; i < n; i++)
        entries[i] = (PortadaStripEntry){ .sponsor_id = i + 1, .name = "x", .weight = weights[i] };
      order_with_seed (entries, n, "/en/business/2023/page", run);
      firsts[entries[0].sponsor_id - 1]++;
    }
  for (guint i = 0; i < n; i++)
    shares[i] = (double) firsts[i] / RUNS;
}

static void
assert_share (double got, double want)
{
  if (got < want - TOLERANCE || got > want + TOLERANCE)
    g_error ("share %.4f, wanted %.4f ± %.2f", got, want, TOLERANCE);
}

static void
test_weight_three_to_one (void)
{
  const double weights[] = { 3, 1 };
  double shares[2];

  first_shares (weights, 2, shares);
  g_test_message ("weight 3 first: %.4f", shares[0]);
  assert_share (shares[0], 0.75);
}

static void
test_weights_one_to_four (void)
{
  const double weights[] = { 1, 2, 3, 4 };
  double shares[4];

  first_shares (weights, 4, shares);
  for (guint i = 0; i < 4; i++)
    {
      g_test_message ("weight %g first: %.4f", weights[i], shares[i]);
      assert_share (shares[i], weights[i] / 10.0);
    }
}

static void
test_equal_weights_are_uniform (void)
{
  double weights[23], shares[23];

  for (guint i = 0; i < 23; i++)
    weights[i] = 1;
  first_shares (weights, 23, shares);
  for (guint i = 0; i < 23; i++)
    assert_share (shares[i], 1.0 / 23);
}

/* Every position, not only the first: a sponsor of weight 2 is ahead of one of
 * weight 1 two times in three, whatever else is on the list. */
static void
test_pairwise_order (void)
{
  guint ahead = 0;
  PortadaStripEntry entries[10];

  for (guint run = 0; run < RUNS; run++)
    {
      int heavy = -1, light = -1;
      for (guint i = 0; i < 10; i++)
        entries[i] = (PortadaStripEntry){ .sponsor_id = 100 + i,
                                          .name = "x",
                                          .weight = i == 3 ? 2.0 : 1.0 };
      order_with_seed (entries, 10, "pairwise", run);
      for (guint i = 0; i < 10; i++)
        {
          if (entries[i].sponsor_id == 103)
            heavy = i;
          if (entries[i].sponsor_id == 107)
            light = i;
        }
      ahead += heavy < light;
    }
  g_test_message ("weight 2 ahead of weight 1: %.4f", (double) ahead / RUNS);
  assert_share ((double) ahead / RUNS, 2.0 / 3);
}

static void
test_determinism (void)
{
  PortadaStripEntry a[8], b[8], c[8];
  guint differ = 0;

  for (guint i = 0; i < 8; i++)
    a[i] = (PortadaStripEntry){ .sponsor_id = i + 1, .name = "x", .weight = 1 + i % 3 };
  memcpy (b, a, sizeof a);
  /* The same sponsors given in another order: the same shuffle. */
  for (guint i = 0; i < 8; i++)
    c[i] = a[7 - i];
  portada_strip_order (a, 8, PORTADA_ORDER_SHUFFLE, "/es/turismo/2024/x|2024-05-01|3");
  portada_strip_order (b, 8, PORTADA_ORDER_SHUFFLE, "/es/turismo/2024/x|2024-05-01|3");
  portada_strip_order (c, 8, PORTADA_ORDER_SHUFFLE, "/es/turismo/2024/x|2024-05-01|3");
  for (guint i = 0; i < 8; i++)
    {
      g_assert_cmpint (a[i].sponsor_id, ==, b[i].sponsor_id);
      g_assert_cmpint (a[i].sponsor_id, ==, c[i].sponsor_id);
    }
  /* The same on every machine: a fixed expectation for one seed. */
  {
    PortadaStripEntry d[4];
    gint64 order[4];
    for (guint i = 0; i < 4; i++)
      d[i] = (PortadaStripEntry){ .sponsor_id = i + 1, .name = "x", .weight = 1 };
    portada_strip_order (d, 4, PORTADA_ORDER_SHUFFLE, "portada");
    for (guint i = 0; i < 4; i++)
      order[i] = d[i].sponsor_id;
    g_test_message ("order for seed “portada”: %lld %lld %lld %lld", (long long) order[0],
                    (long long) order[1], (long long) order[2], (long long) order[3]);
    portada_strip_order (d, 4, PORTADA_ORDER_SHUFFLE, "portada");
    for (guint i = 0; i < 4; i++)
      g_assert_cmpint (d[i].sponsor_id, ==, order[i]);
  }
  /* Other seeds give other orders. */
  for (guint s = 0; s < 20; s++)
    {
      g_autofree char *seed = g_strdup_printf ("other-%u", s);
      memcpy (b, a, sizeof a);
      portada_strip_order (b, 8, PORTADA_ORDER_SHUFFLE, seed);
      for (guint i = 0; i < 8; i++)
        if (a[i].sponsor_id != b[i].sponsor_id)
          {
            differ++;
            break;
          }
    }
  g_assert_cmpuint (differ, >=, 18);
}

static void
test_fixed_and_alphabetical (void)
{
  const char *names[]
      = { "Walmart", "ávila travel", "AVA Resorts", "Agexport", "Banco", "Atlas", "INTERFER" };
  const char *sorted[]
      = { "Agexport", "Atlas", "AVA Resorts", "ávila travel", "Banco", "INTERFER", "Walmart" };
  PortadaStripEntry e[7];

  for (guint i = 0; i < 7; i++)
    e[i] = (PortadaStripEntry){ .sponsor_id = i + 1, .name = names[i], .weight = 5 - i % 4 };
  portada_strip_order (e, 7, PORTADA_ORDER_FIXED, "any");
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (e[i].name, ==, names[i]);
  /* Case and accents do not change the order, and weights do not count. */
  portada_strip_order (e, 7, PORTADA_ORDER_ALPHABETICAL, "any");
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (e[i].name, ==, sorted[i]);
}

static void
test_bad_weights (void)
{
  PortadaStripEntry e[3] = { { 1, "a", 0, 0 }, { 2, "b", -4, 0 }, { 3, "c", 1, 0 } };

  /* A weight that is not positive counts as 1: no NaN, every sponsor kept. */
  portada_strip_order (e, 3, PORTADA_ORDER_SHUFFLE, "seed");
  g_assert_cmpint (e[0].sponsor_id + e[1].sponsor_id + e[2].sponsor_id, ==, 6);
  for (guint i = 0; i < 3; i++)
    g_assert_true (e[i].key == e[i].key && e[i].key <= 0);
  portada_strip_order (NULL, 0, PORTADA_ORDER_SHUFFLE, "seed");
}

/* Schedules. */

static void
test_is_shown_on (void)
{
  g_autoptr (PortadaSponsor) s = portada_sponsor_new ("Cubasol");

  g_assert_true (portada_sponsor_is_shown_on (s, "1999-01-01")); /* no contract limits */
  s->contract_start = g_strdup ("2026-03-01");
  s->contract_end = g_strdup ("2026-03-31");
  g_assert_false (portada_sponsor_is_shown_on (s, "2026-02-28"));
  g_assert_true (portada_sponsor_is_shown_on (s, "2026-03-01")); /* first day */
  g_assert_true (portada_sponsor_is_shown_on (s, "2026-03-31")); /* last day */
  g_assert_false (portada_sponsor_is_shown_on (s, "2026-04-01"));
  s->active = FALSE;
  g_assert_false (portada_sponsor_is_shown_on (s, "2026-03-15"));
  s->active = TRUE;
  g_free (s->contract_start);
  s->contract_start = g_strdup (""); /* empty: no start limit */
  g_assert_true (portada_sponsor_is_shown_on (s, "2000-01-01"));
  g_clear_pointer (&s->contract_end, g_free); /* no end */
  g_assert_true (portada_sponsor_is_shown_on (s, "2999-12-31"));
}

/* portada_strip_select on a real newsroom. */

typedef struct
{
  PortadaNewsroom *nr;
  gint64 list;
  PortadaPlacement *placement;
} Fixture;

static gint64
add (Fixture *f, const char *name, const char *start, const char *end, double weight)
{
  g_autoptr (PortadaSponsor) s = portada_sponsor_new (name);
  g_autoptr (GError) error = NULL;

  s->contract_start = g_strdup (start);
  s->contract_end = g_strdup (end);
  g_assert_true (portada_sponsors_save (f->nr, s, &error));
  g_assert_true (portada_logo_lists_add_member (f->nr, f->list, s->id, weight, &error));
  g_assert_no_error (error);
  return s->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->nr = portada_test_newsroom ();
  f->list = portada_logo_lists_create (f->nr, "A", &error);
  add (f, "Zeta", NULL, NULL, 1);
  add (f, "Alfa", NULL, NULL, 1);
  add (f, "Summer Only", "2026-06-01", "2026-08-31", 1);
  add (f, "Ended", NULL, "2025-12-31", 1);
  add (f, "Mid", NULL, NULL, 1);
  f->placement = portada_placement_new (PORTADA_SLOT_SIDEBAR);
  f->placement->list_id = f->list;
  g_assert_true (portada_placements_save (f->nr, f->placement, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  portada_placement_free (f->placement);
  g_object_unref (f->nr);
}

static char *
names (GPtrArray *sponsors)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < sponsors->len; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "",
                            ((PortadaSponsor *) g_ptr_array_index (sponsors, i))->name);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
select_names (Fixture *f, const char *page, const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) shown = portada_strip_select (f->nr, f->placement, page, date, &error);

  g_assert_no_error (error);
  return names (shown);
}

static void
test_select_dates (Fixture *f, gconstpointer data)
{
  g_autofree char *winter = NULL;
  g_autofree char *summer = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *after = NULL;
  g_autofree char *old = NULL;

  f->placement->order = PORTADA_ORDER_FIXED;
  winter = select_names (f, "/en/", "2026-01-15");
  g_assert_cmpstr (winter, ==, "Zeta,Alfa,Mid");
  summer = select_names (f, "/en/", "2026-07-01");
  g_assert_cmpstr (summer, ==, "Zeta,Alfa,Summer Only,Mid");
  last_day = select_names (f, "/en/", "2026-08-31");
  g_assert_cmpstr (last_day, ==, summer);
  after = select_names (f, "/en/", "2026-09-01");
  g_assert_cmpstr (after, ==, winter);
  /* A page rendered as of an old date shows the sponsors of that date. */
  old = select_names (f, "/en/", "2025-12-31");
  g_assert_cmpstr (old, ==, "Zeta,Alfa,Ended,Mid");
}

static void
test_select_orders_and_max (Fixture *f, gconstpointer data)
{
  g_autofree char *alpha = NULL;
  g_autofree char *top2 = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  guint differ = 0;

  f->placement->order = PORTADA_ORDER_ALPHABETICAL;
  alpha = select_names (f, "/en/", "2026-07-01");
  g_assert_cmpstr (alpha, ==, "Alfa,Mid,Summer Only,Zeta");
  f->placement->max_logos = 2;
  top2 = select_names (f, "/en/", "2026-07-01");
  g_assert_cmpstr (top2, ==, "Alfa,Mid");

  /* Shuffled: the same page and date, the same order; another page, mostly another. */
  f->placement->order = PORTADA_ORDER_SHUFFLE;
  f->placement->max_logos = 0;
  a1 = select_names (f, "/en/business/2023/x", "2026-07-01");
  a2 = select_names (f, "/en/business/2023/x", "2026-07-01");
  g_assert_cmpstr (a1, ==, a2);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *page = g_strdup_printf ("/en/business/2023/page-%u", i);
      g_autofree char *other = select_names (f, page, "2026-07-01");
      differ += !g_str_equal (other, a1);
    }
  g_assert_cmpuint (differ, >=, 15);
  /* max_logos takes the first of the shuffled order. */
  f->placement->max_logos = 3;
  {
    g_autofree char *three = select_names (f, "/en/business/2023/x", "2026-07-01");
    g_assert_true (g_str_has_prefix (a1, three));
    g_assert_cmpuint (strlen (three), <, strlen (a1));
  }
}

static void
test_select_no_list (Fixture *f, gconstpointer data)
{
  g_autofree char *none = NULL;

  f->placement->list_id = 0;
  none = select_names (f, "/en/", "2026-07-01");
  g_assert_cmpstr (none, ==, "");
}

/* Over many pages, a sponsor of weight 3 leads a real strip about three times as
 * often as each of weight 1 (the list: one of weight 3, four of weight 1). */
static void
test_select_weights (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) members = portada_logo_lists_members (f->nr, f->list, &error);
  gint64 heavy = g_array_index (members, PortadaLogoListMember, 0).sponsor_id;
  guint first = 0, pages = 1500;

  g_assert_true (portada_logo_lists_add_member (f->nr, f->list, heavy, 3.0, &error));
  f->placement->order = PORTADA_ORDER_SHUFFLE;
  for (guint i = 0; i < pages; i++)
    {
      g_autofree char *page = g_strdup_printf ("/es/turismo/2024/articulo-%u", i);
      g_autoptr (GPtrArray) shown
          = portada_strip_select (f->nr, f->placement, page, "2026-07-01", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (shown->len, ==, 4);
      first += ((PortadaSponsor *) g_ptr_array_index (shown, 0))->id == heavy;
    }
  /* Shown on 2026-07-01: the heavy one (3) and three of weight 1: 3/6. */
  g_test_message ("weight 3 first on %.4f of pages", (double) first / pages);
  if (fabs ((double) first / pages - 0.5) > 0.05)
    g_error ("weight 3 first on %.4f of the pages, wanted 0.5", (double) first / pages);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/strip/weight-3-to-1", test_weight_three_to_one);
  g_test_add_func ("/strip/weights-1-to-4", test_weights_one_to_four);
  g_test_add_func ("/strip/equal-weights-uniform", test_equal_weights_are_uniform);
  g_test_add_func ("/strip/pairwise-order", test_pairwise_order);
  g_test_add_func ("/strip/determinism", test_determinism);
  g_test_add_func ("/strip/fixed-and-alphabetical", test_fixed_and_alphabetical);
  g_test_add_func ("/strip/bad-weights", test_bad_weights);
  g_test_add_func ("/strip/is-shown-on", test_is_shown_on);
  g_test_add ("/strip/select-dates", Fixture, NULL, fixture_set_up, test_select_dates,
              fixture_tear_down);
  g_test_add ("/strip/select-orders-and-max", Fixture, NULL, fixture_set_up,
              test_select_orders_and_max, fixture_tear_down);
  g_test_add ("/strip/select-no-list", Fixture, NULL, fixture_set_up, test_select_no_list,
              fixture_tear_down);
  g_test_add ("/strip/select-weights", Fixture, NULL, fixture_set_up, test_select_weights,
              fixture_tear_down);
  return g_test_run ();
}
