/* test-fuzz-regressions.c: every input the fuzzers found a fault with
 * (tests/fuzz/regressions/<target>/), run again through the same code.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "portada-exchange.h"
#include "portada-test-util.h"
#include "portada-wxr.h"

static void
test_wxr (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "fuzz",
                                           "regressions", "wxr", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (PortadaNewsroom) nr = portada_test_newsroom ();
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (PortadaImportSummary) summary = portada_import_summary_new ();
      g_autoptr (GError) error = NULL;

      g_assert_true (portada_newsroom_begin (nr, NULL));
      if (!portada_wxr_import (nr, path, "en", summary, NULL, NULL, NULL, &error))
        {
          /* The fault: a message of libxml2 quoting cut UTF-8. */
          g_assert_nonnull (error);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      for (guint i = 0; i < summary->lines->len; i++)
        g_assert_true (g_utf8_validate (summary->lines->pdata[i], -1, NULL));
      portada_newsroom_rollback (nr);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz-regressions/wxr", test_wxr);
  return g_test_run ();
}
