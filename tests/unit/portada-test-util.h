/* portada-test-util.h: what the unit tests share.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

/* A fresh temporary folder, removed at exit of the test program. */
char *portada_test_tmpdir (void);
/* A new empty newsroom in a temporary file. */
PortadaNewsroom *portada_test_newsroom (void);
/* The bytes of a file, for "unchanged" checks. */
GBytes *portada_test_read (const char *path);
