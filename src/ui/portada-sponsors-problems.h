/* portada-sponsors-problems.h: the Problems panel: what the sponsor checks found.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-problem.h"
#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_PROBLEMS (portada_sponsors_problems_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsProblems, portada_sponsors_problems, PORTADA,
                      SPONSORS_PROBLEMS, GtkWidget)

/* How long after a change the checks run again. */
#define PORTADA_SPONSORS_PROBLEMS_DELAY_MS 300

GtkWidget *portada_sponsors_problems_new (void);
void portada_sponsors_problems_set_model (PortadaSponsorsProblems *self,
                                          PortadaSponsorsModel *model);
/* Runs the checks now. */
void portada_sponsors_problems_refresh (PortadaSponsorsProblems *self);
/* The problems shown (PortadaProblem), in order. */
GPtrArray *portada_sponsors_problems_get_problems (PortadaSponsorsProblems *self);
/* The row of the @index-th problem (an AdwActionRow); activating it emits "activated". */
GtkWidget *portada_sponsors_problems_get_row (PortadaSponsorsProblems *self, guint index);
/* The field of a sponsor's page that fixes a problem of @kind (PORTADA_SPONSOR_FIELD_*). */
const char *portada_sponsors_problems_field_of (const char *kind);

G_END_DECLS
