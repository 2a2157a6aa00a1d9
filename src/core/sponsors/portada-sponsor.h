/* portada-sponsor.h: a sponsor and the store of sponsors.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *name;
  char *website;        /* http(s) URL or NULL */
  gint64 logo_media_id; /* 0 for none */
  char *alt_text;
  char *contract_start; /* "YYYY-MM-DD" or NULL: no start limit */
  char *contract_end;   /* "YYYY-MM-DD" or NULL: no end */
  gboolean active;
  char *notes;
} PortadaSponsor;

PortadaSponsor *portada_sponsor_new (const char *name);
PortadaSponsor *portada_sponsor_copy (const PortadaSponsor *sponsor);
void portada_sponsor_free (PortadaSponsor *sponsor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaSponsor, portada_sponsor_free)

/* Is the sponsor shown on @date ("YYYY-MM-DD")? Active and within its contract. */
gboolean portada_sponsor_is_shown_on (const PortadaSponsor *sponsor, const char *date);

/* An absolute http:// or https:// address with a host (NULL and "" are not). */
gboolean portada_sponsor_website_is_valid (const char *url);

/* Checks name, website and dates; names the field and the problem. */
gboolean portada_sponsor_validate (const PortadaSponsor *sponsor, GError **error);

/* By name. */
GPtrArray *portada_sponsors_list (PortadaNewsroom *newsroom, GError **error);
PortadaSponsor *portada_sponsors_load (PortadaNewsroom *newsroom, gint64 id, GError **error);
/* Inserts (id == 0) or updates; fills id. */
gboolean portada_sponsors_save (PortadaNewsroom *newsroom, PortadaSponsor *sponsor, GError **error);
gboolean portada_sponsors_delete (PortadaNewsroom *newsroom, gint64 id, GError **error);

G_END_DECLS
