/* hostile-scan.h: checks every file of an export as the browser, the feed
 * reader or WordPress would read it. Fails the test at the first problem.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint files;
  guint64 bytes;
} HostileScan;

/* Pages (.html), feeds and WordPress exports (.xml), SVG assets, and every file
 * name: see safe-html.h for what counts as a problem. */
void hostile_scan_export (const char *root, HostileScan *scan);

G_END_DECLS
