/* portada-window.h
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-application.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_WINDOW (portada_window_get_type ())
G_DECLARE_FINAL_TYPE (PortadaWindow, portada_window, PORTADA, WINDOW, AdwApplicationWindow)

PortadaWindow *portada_window_new (PortadaApplication *app, const char *db_path);

G_END_DECLS
