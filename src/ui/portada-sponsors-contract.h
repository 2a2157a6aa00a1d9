/* portada-sponsors-contract.h: a sponsor's contract state (portada_sponsor_contract_state()),
 * as the sponsors view says it.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-sponsor-checks.h"

G_BEGIN_DECLS

/* "Active", "Expires in 20 days", "Starts on 1 May 2026", "Expired", "Inactive". */
char *portada_contract_describe (const PortadaSponsor *sponsor, const char *today);

/* The CSS class of a state's label: "warning", "error" or "dim-label". */
const char *portada_contract_css_class (PortadaContractState state);

/* Today as "YYYY-MM-DD" in local time. */
char *portada_contract_today (void);

/* "YYYY-MM-DD" to a GDate; FALSE when @text is not such a date. */
gboolean portada_contract_parse_date (const char *text, GDate *date);

G_END_DECLS
