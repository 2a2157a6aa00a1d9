/* portada-sponsors-contract.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "portada-sponsors-contract.h"

gboolean
portada_contract_parse_date (const char *text, GDate *date)
{
  int y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_date (const char *iso)
{
  GDate date;
  char text[128];

  if (!portada_contract_parse_date (iso, &date)
      || g_date_strftime (text, sizeof text, "%e %b %Y", &date) == 0)
    return g_strdup (iso);
  return g_strdup (g_strchug (text));
}

char *
portada_contract_describe (const PortadaSponsor *sponsor, const char *today)
{
  int days = 0;
  g_autofree char *date = NULL;

  switch (portada_sponsor_contract_state (sponsor, today, &days))
    {
      case PORTADA_CONTRACT_INACTIVE:
        return g_strdup (_ ("Inactive"));
      case PORTADA_CONTRACT_NOT_STARTED:
        date = format_date (sponsor->contract_start);
        /* Translators: %s is a date such as "1 May 2026". */
        return g_strdup_printf (_ ("Starts on %s"), date);
      case PORTADA_CONTRACT_EXPIRED:
        return g_strdup (_ ("Expired"));
      case PORTADA_CONTRACT_EXPIRING:
        if (days == 0)
          return g_strdup (_ ("Expires today"));
        return g_strdup_printf (ngettext ("Expires in %d day", "Expires in %d days", days), days);
      case PORTADA_CONTRACT_ACTIVE:
      default:
        return g_strdup (_ ("Active"));
    }
}

const char *
portada_contract_css_class (PortadaContractState state)
{
  switch (state)
    {
      case PORTADA_CONTRACT_EXPIRING:
        return "warning";
      case PORTADA_CONTRACT_EXPIRED:
        return "error";
      case PORTADA_CONTRACT_INACTIVE:
      case PORTADA_CONTRACT_NOT_STARTED:
        return "dim-label";
      case PORTADA_CONTRACT_ACTIVE:
      default:
        /* The usual state stays quiet; the others stand out. */
        return "dim-label";
    }
}

char *
portada_contract_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
