/* portada-sponsor-checks.h: what a sponsor manager has to see and fix.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"
#include "portada-problem.h"
#include "portada-sponsor.h"

G_BEGIN_DECLS

/* A contract ending within this many days is "expiring". */
#define PORTADA_CONTRACT_WARNING_DAYS 30

typedef enum
{
  PORTADA_CONTRACT_ACTIVE,      /* shown, no end within the warning days */
  PORTADA_CONTRACT_NOT_STARTED, /* starts in *days days */
  PORTADA_CONTRACT_EXPIRING,    /* shown, ends in *days days (0: today is the last day) */
  PORTADA_CONTRACT_EXPIRED,     /* ended *days days ago */
  PORTADA_CONTRACT_INACTIVE,    /* switched off by hand */
} PortadaContractState;

/* The state of a sponsor's contract on @today ("YYYY-MM-DD"); @days (optional)
 * receives the days it refers to. */
PortadaContractState portada_sponsor_contract_state (const PortadaSponsor *sponsor,
                                                     const char *today, int *days);
/* "active", "starts on 2027-01-01", "expires in 20 days", "expired on 2026-01-31",
 * "inactive": translated, for lists. */
char *portada_sponsor_contract_describe (const PortadaSponsor *sponsor, const char *today);

/* A sponsor name folded for comparison: no accents, case or punctuation, and
 * without words such as "Hotel", "Grupo", "S.A.", "Inc", "de", "the".
 * "Cervecería Centroamericana S.A." gives "cerveceria centroamericana". */
char *portada_sponsor_name_key (const char *name);
/* Are two names likely the same sponsor? Equal keys, equal keys without spaces,
 * or (for keys of 8 letters or more) one letter apart. */
gboolean portada_sponsor_names_match (const char *a, const char *b);

/* Problem kinds (PortadaProblem.kind). Contract kinds: */
#define PORTADA_PROBLEM_SPONSOR_EXPIRED "sponsor-expired"
#define PORTADA_PROBLEM_SPONSOR_EXPIRING "sponsor-expiring"
/* Data-quality kinds: */
#define PORTADA_PROBLEM_SPONSOR_DUPLICATE "sponsor-duplicate"
#define PORTADA_PROBLEM_SPONSOR_ALT_MISSING "sponsor-alt-missing"
#define PORTADA_PROBLEM_SPONSOR_ALT_FILENAME "sponsor-alt-filename"
#define PORTADA_PROBLEM_SPONSOR_ALT_UNRELATED "sponsor-alt-unrelated"
#define PORTADA_PROBLEM_SPONSOR_LOGO_MISSING "sponsor-logo-missing"
#define PORTADA_PROBLEM_SPONSOR_LOGO_BROKEN "sponsor-logo-broken"
#define PORTADA_PROBLEM_SPONSOR_LOGO_SIZE "sponsor-logo-size"
#define PORTADA_PROBLEM_SPONSOR_WEBSITE "sponsor-website"
#define PORTADA_PROBLEM_SPONSOR_NO_LIST "sponsor-no-list"
#define PORTADA_PROBLEM_PLACEMENT_NO_LIST "placement-no-list"
#define PORTADA_PROBLEM_PLACEMENT_EMPTY_LIST "placement-empty-list"
#define PORTADA_PROBLEM_PLACEMENT_NOTHING_SHOWN "placement-nothing-shown"

/* The alt-text problem kind of @alt for a sponsor named @name, or NULL when it
 * is fine: missing, a file name or slug, or sharing nothing with the name. */
const char *portada_sponsor_alt_text_problem (const char *name, const char *alt);

/* Every sponsor, logo and placement problem on @today ("YYYY-MM-DD"): a
 * GPtrArray of PortadaProblem (subject, what is wrong, how to fix it, and the
 * sponsor or placement to open), sponsors by name, then placements. Expiry is
 * only reported for active sponsors, and "on no list" only for active ones. */
GPtrArray *portada_sponsor_checks_run (PortadaNewsroom *newsroom, const char *today,
                                       GError **error);

G_END_DECLS
