/* portada-problem.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-problem.h"

PortadaProblem *
portada_problem_new (const char *kind, PortadaTarget target, gint64 target_id, const char *subject,
                     const char *message, const char *fix)
{
  PortadaProblem *p = g_new0 (PortadaProblem, 1);

  p->kind = g_strdup (kind);
  p->target = target;
  p->target_id = target_id;
  p->subject = g_strdup (subject);
  p->message = g_strdup (message);
  p->fix = g_strdup (fix);
  return p;
}

void
portada_problem_free (PortadaProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->kind);
  g_free (p->subject);
  g_free (p->message);
  g_free (p->fix);
  g_free (p);
}

char *
portada_problem_to_line (const PortadaProblem *p)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", p->subject ? p->subject : "", p->message);

  if (p->fix && *p->fix)
    return g_strdup_printf ("%s. %s", line, p->fix);
  return g_steal_pointer (&line);
}
