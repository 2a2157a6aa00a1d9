/* crash-text.h: the articles crash-child writes, so the test can tell exactly
 * which save it finds after a kill.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-article.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

#define CRASH_MAIN_UUID "c0ffee00-0000-4000-8000-000000000001"
/* Exports are made for a fixed day, so two of the same newsroom are the same bytes. */
#define CRASH_EXPORT_DATE "2026-01-15"
#define CRASH_EXPORT_NOW G_GINT64_CONSTANT (1768435200)

/* Exports @newsroom into @out as `portada export --format @format` does. */
gboolean crash_export (PortadaNewsroom *newsroom, const char *out, const char *format,
                       GError **error);

/* Every this many saves, the same transaction adds a new article. */
#define CRASH_EXTRA_EVERY 7

/* Save n of the autosaved article: title "Save n", a body that grows with n. */
void crash_text_fill_main (PortadaArticle *a, int n);
gboolean crash_text_parse_title (const char *title, int *n);
/* NULL when @a is exactly save n, else what differs. */
char *crash_text_check_main (const PortadaArticle *a, int n);

char *crash_text_extra_uuid (int n);
void crash_text_fill_extra (PortadaArticle *a, int n);
char *crash_text_check_extra (const PortadaArticle *a, int n);

/* Concurrent writers: each its own article, saved again and again. */
char *crash_text_writer_uuid (const char *name);
void crash_text_fill_writer (PortadaArticle *a, const char *name, int n);
void crash_text_fill_writer_extra (PortadaArticle *a, const char *name, int n);
/* TRUE when a writer's article is whole: its body is the one its title names. */
gboolean crash_text_check_writer (const PortadaArticle *a);
/* The save number a writer's article holds, -1 when not a writer's. */
int crash_text_writer_save (const PortadaArticle *a, const char *name);

G_END_DECLS
