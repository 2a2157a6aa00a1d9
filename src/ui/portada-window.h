/* portada-window.h: the main window, one newsroom.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-application.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_WINDOW (portada_window_get_type ())
G_DECLARE_FINAL_TYPE (PortadaWindow, portada_window, PORTADA, WINDOW, AdwApplicationWindow)

/* @db_path: the newsroom to open; NULL for the one used last. */
PortadaWindow *portada_window_new (PortadaApplication *app, const char *db_path);
/* Opens (or with @create, creates) the newsroom at @path; a file that cannot be used
 * gets a page saying why, with the choice to open another or create one. */
gboolean portada_window_open_newsroom (PortadaWindow *self, const char *path, gboolean create);
PortadaNewsroom *portada_window_get_newsroom (PortadaWindow *self);
/* Shows the newsroom's settings again after the Preferences changed them. */
void portada_window_newsroom_changed (PortadaWindow *self);

/* For tests: the window's parts. */
GtkWidget *portada_window_get_editor (PortadaWindow *self);
GtkWidget *portada_window_get_article_list (PortadaWindow *self);
/* The name of the page shown: "newsroom" or "problem". */
const char *portada_window_get_page (PortadaWindow *self);

G_END_DECLS
