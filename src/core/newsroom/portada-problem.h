/* portada-problem.h: one problem a check found, said so a user can fix it.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PORTADA_TARGET_NEWSROOM,
  PORTADA_TARGET_ARTICLE,
  PORTADA_TARGET_SPONSOR,
  PORTADA_TARGET_LOGO_LIST,
  PORTADA_TARGET_PLACEMENT,
} PortadaTarget;

typedef struct
{
  char *kind; /* stable, for code and tests: "article-no-date", "sponsor-expired"... */
  PortadaTarget target;
  gint64 target_id; /* the row to open to fix it, 0 for the newsroom */
  char *subject;    /* which one, as a user names it: a title, a sponsor's name */
  char *message;    /* what is wrong */
  char *fix;        /* how to fix it */
} PortadaProblem;

PortadaProblem *portada_problem_new (const char *kind, PortadaTarget target, gint64 target_id,
                                     const char *subject, const char *message, const char *fix);
void portada_problem_free (PortadaProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaProblem, portada_problem_free)

/* "subject: message. fix" on one line, for the command line. */
char *portada_problem_to_line (const PortadaProblem *problem);

G_END_DECLS
