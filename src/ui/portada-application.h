/* portada-application.h
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PORTADA_TYPE_APPLICATION (portada_application_get_type ())
G_DECLARE_FINAL_TYPE (PortadaApplication, portada_application, PORTADA, APPLICATION, AdwApplication)

PortadaApplication *portada_application_new (void);
int portada_application_run (int argc, char *argv[]);
/* The user's settings (GSettings), or NULL when the schema is missing. */
GSettings *portada_application_get_settings (PortadaApplication *self);

G_END_DECLS
