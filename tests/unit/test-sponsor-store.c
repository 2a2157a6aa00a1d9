/* test-sponsor-store.c: sponsors, media, logo lists and placements in the database.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "portada-logo-list.h"
#include "portada-media.h"
#include "portada-placement.h"
#include "portada-sponsor.h"
#include "portada-test-util.h"

static void
set (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_sponsor_roundtrip_and_validation (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (PortadaSponsor) s = portada_sponsor_new ("Cervecería Centroamericana S.A.");
  g_autoptr (PortadaSponsor) back = NULL;
  g_autoptr (GError) error = NULL;
  const struct
  {
    const char *website, *start, *end, *field;
  } bad[] = {
    { "javascript:alert(1)", NULL, NULL, "website" },
    { "www.example.com", NULL, NULL, "website" },
    { NULL, "2026-02-30", NULL, "dates" },
    { NULL, "yesterday", NULL, "dates" },
    { NULL, "2026-06-01", "2026-01-01", "ends" },
  };

  s->website = g_strdup ("https://cerveceria.example.com");
  s->contract_start = g_strdup ("2026-01-01");
  s->contract_end = g_strdup ("2026-12-31");
  g_assert_true (portada_sponsors_save (nr, s, &error));
  g_assert_no_error (error);
  back = portada_sponsors_load (nr, s->id, &error);
  g_assert_cmpstr (back->name, ==, s->name);
  g_assert_cmpstr (back->alt_text, ==, s->name);
  g_assert_cmpstr (back->contract_end, ==, "2026-12-31");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (PortadaSponsor) b = portada_sponsor_copy (back);
      set (&b->website, bad[i].website);
      set (&b->contract_start, bad[i].start);
      set (&b->contract_end, bad[i].end);
      g_assert_false (portada_sponsors_save (nr, b, &error));
      g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].field));
      g_clear_error (&error);
    }
  g_clear_pointer (&back, portada_sponsor_free);
  back = portada_sponsors_load (nr, s->id, &error);
  g_assert_cmpstr (back->website, ==, "https://cerveceria.example.com");

  {
    g_autoptr (PortadaSponsor) nameless = portada_sponsor_new ("   ");
    g_assert_false (portada_sponsors_save (nr, nameless, &error));
    g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  }
}

static void
test_schedule (void)
{
  g_autoptr (PortadaSponsor) s = portada_sponsor_new ("X");

  g_assert_true (portada_sponsor_is_shown_on (s, "2026-11-28"));
  s->contract_start = g_strdup ("2026-12-01");
  s->contract_end = g_strdup ("2026-12-31");
  g_assert_false (portada_sponsor_is_shown_on (s, "2026-11-30"));
  g_assert_true (portada_sponsor_is_shown_on (s, "2026-12-01"));
  g_assert_true (portada_sponsor_is_shown_on (s, "2026-12-31"));
  g_assert_false (portada_sponsor_is_shown_on (s, "2027-01-01"));
  s->active = FALSE;
  g_assert_false (portada_sponsor_is_shown_on (s, "2026-12-15"));
}

static void
test_media_dedup (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GBytes) logo = g_bytes_new_static ("<svg xmlns='http://www.w3.org/2000/svg'/>", 41);
  g_autoptr (GBytes) data = NULL;
  g_autoptr (PortadaMedia) info = NULL;
  g_autoptr (GError) error = NULL;
  gint64 a, b;

  a = portada_media_add (nr, logo, "image/svg+xml", 10, 10, "a.svg", &error);
  b = portada_media_add (nr, logo, "image/svg+xml", 10, 10, "copy-of-a.svg", &error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (a, ==, b);
  data = portada_media_load_data (nr, a, &error);
  g_assert_true (g_bytes_equal (data, logo));
  info = portada_media_load_info (nr, a, &error);
  g_assert_cmpstr (info->mime, ==, "image/svg+xml");
  g_assert_cmpuint (info->size, ==, 41);
  g_assert_cmpuint (strlen (info->sha256), ==, 64);
  g_assert_null (portada_media_load_data (nr, 4242, &error));
}

static void
test_lists_and_placements (void)
{
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) members = NULL;
  g_autoptr (GPtrArray) placements = NULL;
  g_autoptr (PortadaPlacement) p = portada_placement_new ("footer");
  g_autoptr (PortadaPlacement) bad = portada_placement_new ("popup");
  g_auto (GStrv) lists_of = NULL;
  gint64 ids[3], list;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Sponsor %d", i);
      g_autoptr (PortadaSponsor) s = portada_sponsor_new (name);
      g_assert_true (portada_sponsors_save (nr, s, &error));
      ids[i] = s->id;
    }
  list = portada_logo_lists_create (nr, "A", &error);
  g_assert_cmpint (list, >, 0);
  g_assert_cmpint (portada_logo_lists_create (nr, "A", &error), ==, 0);
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (portada_logo_lists_create (nr, " ", &error), ==, 0);
  g_clear_error (&error);

  for (int i = 0; i < 3; i++)
    g_assert_true (portada_logo_lists_add_member (nr, list, ids[i], 1.0, &error));
  g_assert_false (portada_logo_lists_add_member (nr, list, ids[0], 0.0, &error));
  g_clear_error (&error);
  {
    PortadaLogoListMember reordered[] = { { ids[2], 2.0 }, { ids[0], 1.0 }, { ids[1], 0.5 } };
    g_assert_true (portada_logo_lists_set_members (nr, list, reordered, 3, &error));
  }
  members = portada_logo_lists_members (nr, list, &error);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpint (g_array_index (members, PortadaLogoListMember, 0).sponsor_id, ==, ids[2]);
  g_assert_cmpfloat (g_array_index (members, PortadaLogoListMember, 0).weight, ==, 2.0);
  {
    /* A bad member spoils the whole change: the list keeps its order. */
    PortadaLogoListMember broken[] = { { ids[1], 1.0 }, { ids[0], -1.0 } };
    g_autoptr (GArray) still = NULL;
    g_assert_false (portada_logo_lists_set_members (nr, list, broken, 2, &error));
    g_clear_error (&error);
    still = portada_logo_lists_members (nr, list, &error);
    g_assert_cmpuint (still->len, ==, 3);
    g_assert_cmpint (g_array_index (still, PortadaLogoListMember, 0).sponsor_id, ==, ids[2]);
  }
  lists_of = portada_logo_lists_of_sponsor (nr, ids[1], &error);
  g_assert_cmpstrv (lists_of, ((const char *[]){ "A", NULL }));

  p->list_id = list;
  p->max_logos = 2;
  g_strfreev (p->languages);
  p->languages = g_strsplit ("es", ",", -1);
  g_assert_true (portada_placements_save (nr, p, &error));
  g_assert_false (portada_placements_save (nr, bad, &error));
  g_assert_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID);
  g_clear_error (&error);
  placements = portada_placements_list (nr, &error);
  g_assert_cmpuint (placements->len, ==, 1);
  g_assert_true (portada_placement_applies (placements->pdata[0], "es", "business"));
  g_assert_false (portada_placement_applies (placements->pdata[0], "en", "business"));

  g_assert_true (portada_logo_lists_delete (nr, list, &error));
  g_clear_pointer (&placements, g_ptr_array_unref);
  placements = portada_placements_list (nr, &error);
  g_assert_cmpint (((PortadaPlacement *) placements->pdata[0])->list_id, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sponsor-store/roundtrip-validation", test_sponsor_roundtrip_and_validation);
  g_test_add_func ("/sponsor-store/schedule", test_schedule);
  g_test_add_func ("/sponsor-store/media-dedup", test_media_dedup);
  g_test_add_func ("/sponsor-store/lists-placements", test_lists_and_placements);
  return g_test_run ();
}
