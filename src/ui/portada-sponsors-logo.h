/* portada-sponsors-logo.h: a sponsor's logo, large, with its facts and a way to replace it.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_LOGO (portada_sponsors_logo_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsLogo, portada_sponsors_logo, PORTADA, SPONSORS_LOGO, GtkWidget)

GtkWidget *portada_sponsors_logo_new (void);
void portada_sponsors_logo_set_model (PortadaSponsorsLogo *self, PortadaSponsorsModel *model);
/* Shows the logo of media @media_id (0: none). */
void portada_sponsors_logo_set_media (PortadaSponsorsLogo *self, gint64 media_id);
/* Says why the last replacement was refused; NULL clears it. */
void portada_sponsors_logo_set_error (PortadaSponsorsLogo *self, const char *message);
const char *portada_sponsors_logo_get_error (PortadaSponsorsLogo *self);

G_END_DECLS
