/* test-sponsors-util.h: what the sponsors view's ui tests share, besides portada-ui-test.h.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-newsroom.h"
#include "portada-ui-test.h"

/* gtk_init, adw_init, the UI resources, a temporary folder. */
void sponsors_test_init (int *argc, char ***argv);
const char *sponsors_test_tmpdir (void);
/* A new demo newsroom (portada_demo_fill, no generated articles) in a fresh file. */
PortadaNewsroom *sponsors_test_demo (void);
/* Runs the main loop until nothing is pending. */
void sponsors_test_flush (void);
/* The first descendant of @root of @type (and, for a preferences row, titled @title). */
GtkWidget *sponsors_test_find (GtkWidget *root, GType type, const char *title);
/* Writes a @width × @height PNG of one colour to @name in the temporary folder. */
GFile *sponsors_test_png (const char *name, int width, int height, guint32 rgba);
/* Writes @text to @name in the temporary folder. */
GFile *sponsors_test_file (const char *name, const char *text);
/* The id of the sponsor named @name, 0 when there is none. */
gint64 sponsors_test_sponsor_id (PortadaNewsroom *newsroom, const char *name);
/* The id of the logo list named @name. */
gint64 sponsors_test_list_id (PortadaNewsroom *newsroom, const char *name);
