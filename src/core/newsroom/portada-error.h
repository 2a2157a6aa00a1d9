/* portada-error.h
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PORTADA_ERROR (portada_error_quark ())

/**
 * PortadaError:
 * Every failure the core reports. The messages name the file and the problem;
 * the code lets callers (the command line's exit status, the window's pages)
 * decide what to do.
 */
typedef enum
{
  PORTADA_ERROR_FAILED,
  PORTADA_ERROR_NOT_FOUND,    /* the file or the record does not exist */
  PORTADA_ERROR_NOT_NEWSROOM, /* not SQLite, or SQLite but not a Portada newsroom */
  PORTADA_ERROR_CORRUPT,      /* damaged database */
  PORTADA_ERROR_TOO_NEW,      /* written by a newer Portada */
  PORTADA_ERROR_READ_ONLY,    /* cannot be written */
  PORTADA_ERROR_BUSY,         /* another process holds the newsroom */
  PORTADA_ERROR_INVALID,      /* bad input: a field, a row, a file */
  PORTADA_ERROR_NO_SPACE,     /* the disk is full */
  PORTADA_ERROR_CANCELLED,
  PORTADA_ERROR_FOREIGN_SCHEMA, /* schema objects (triggers, views…) Portada did not create */
  PORTADA_ERROR_EXISTS,         /* the name or path is another record's */
  PORTADA_ERROR_AUTH,           /* a server refused the login */
  PORTADA_ERROR_PERMISSION,     /* a server refused the user what was asked */
  PORTADA_ERROR_UNREACHABLE,    /* a server did not answer */
} PortadaError;

GQuark portada_error_quark (void);

G_END_DECLS
