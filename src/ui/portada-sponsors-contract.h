/* portada-sponsors-contract.h: a sponsor's contract state, as the sponsors view says it.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-sponsor.h"

G_BEGIN_DECLS

/* Contracts ending within this many days are shown as expiring (as the checks do). */
#define PORTADA_CONTRACT_EXPIRING_DAYS 30

typedef enum
{
  PORTADA_CONTRACT_ACTIVE,      /* shown today, not ending soon */
  PORTADA_CONTRACT_EXPIRING,    /* shown today, ends within PORTADA_CONTRACT_EXPIRING_DAYS */
  PORTADA_CONTRACT_NOT_STARTED, /* starts after today */
  PORTADA_CONTRACT_EXPIRED,     /* ended before today */
  PORTADA_CONTRACT_INACTIVE,    /* switched off by hand */
} PortadaContractState;

/* The state of @sponsor's contract on @today ("YYYY-MM-DD"); @days (optional)
 * receives the days until it ends (EXPIRING), starts (NOT_STARTED), or since it
 * ended (EXPIRED). */
PortadaContractState portada_contract_state (const PortadaSponsor *sponsor, const char *today,
                                             int *days);

/* "Active", "Expires in 20 days", "Starts on 1 May 2026", "Expired", "Inactive". */
char *portada_contract_describe (const PortadaSponsor *sponsor, const char *today);

/* The CSS class of a state's label: "success", "warning", "error", "dim-label". */
const char *portada_contract_css_class (PortadaContractState state);

/* Today as "YYYY-MM-DD" in local time. */
char *portada_contract_today (void);

/* "YYYY-MM-DD" to a GDate; FALSE when @text is not such a date. */
gboolean portada_contract_parse_date (const char *text, GDate *date);

G_END_DECLS
