/* portada-site-export.h: the static site tree of SITE-FORMAT.md.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "portada-demo.h" /* PortadaProgressFunc */
#include "portada-newsroom.h"

G_BEGIN_DECLS

/* The name of the manifest an export keeps in its folder. */
#define PORTADA_SITE_MANIFEST ".portada-manifest"

typedef struct
{
  const char *date; /* "YYYY-MM-DD" the strips are drawn for; NULL = today */
  gint64 now;       /* scheduled articles due at or before this unix time are published;
                       0 = the current time */
} PortadaSiteExportOptions;

typedef struct
{
  guint files;          /* files in the exported tree */
  guint files_written;  /* of which written anew (their bytes changed) */
  guint pages_rendered; /* pages rendered (the others were known unchanged) */
  guint articles;       /* article pages */
  guint images_decoded; /* images decoded to make their responsive sets (0 when all known) */
} PortadaSiteExportStats;

/* Exports the public site (published articles, and scheduled ones whose time has
 * come) of @lang (NULL: every language) into @out_dir: pages, feeds, sitemap.xml,
 * robots.txt, assets/. The tree is written into a new folder beside @out_dir and
 * swapped in at the end: a failure or a cancel leaves a previous export byte for
 * byte. A manifest in the folder lets the next export keep (hard-link) what did not
 * change and render only what may have. @out_dir must be missing, empty, or a
 * previous export; its parent must exist. */
gboolean portada_site_export (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                              GCancellable *cancellable, PortadaProgressFunc progress,
                              gpointer user_data, GError **error);

/* The same, with a render date and "now" (for tests and reproducible builds), and
 * figures of what was done; @options and @stats may be NULL. */
gboolean portada_site_export_full (PortadaNewsroom *newsroom, const char *out_dir, const char *lang,
                                   const PortadaSiteExportOptions *options,
                                   GCancellable *cancellable, PortadaProgressFunc progress,
                                   gpointer user_data, PortadaSiteExportStats *stats,
                                   GError **error);

G_END_DECLS
