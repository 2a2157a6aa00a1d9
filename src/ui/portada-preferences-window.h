/* portada-preferences-window.h
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_PREFERENCES_WINDOW (portada_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PortadaPreferencesWindow, portada_preferences_window, PORTADA,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The newsroom's settings (site, new articles, languages, sections), stored in @newsroom as
 * the user applies each field, and the application's own (preview, spelling) in GSettings.
 * @newsroom may be NULL: then only the application's page is shown. The window emits
 * "newsroom-changed" after each change it stores in the newsroom. */
PortadaPreferencesWindow *portada_preferences_window_new (GtkWindow *parent,
                                                          PortadaNewsroom *newsroom);

G_END_DECLS
