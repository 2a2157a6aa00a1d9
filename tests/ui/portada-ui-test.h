/* portada-ui-test.h: what the window tests share (run under tests/xvfb-run-test).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "portada-application.h"

G_BEGIN_DECLS

typedef gboolean (*PortadaUiCondition) (gpointer data);

/* The application, registered (started up) but not run. */
PortadaApplication *portada_ui_test_app (void);
/* Runs the main loop until @cond holds or @timeout_ms pass; returns whether it holds. */
gboolean portada_ui_test_wait (PortadaUiCondition cond, gpointer data, guint timeout_ms);
/* Runs the main loop for @ms. */
void portada_ui_test_sleep (guint ms);
/* A newsroom file filled with the demo and @n generated articles; returns its path. */
char *portada_ui_test_demo_newsroom (guint n);
/* Evaluates @script in @view and returns its value as a string (NULL on failure). */
char *portada_ui_test_eval (WebKitWebView *view, const char *script);
/* Runs @body as an async function (it may return a Promise) and returns its result. */
char *portada_ui_test_call_async (WebKitWebView *view, const char *body);
/* Saves what @widget shows as BUILD/tests/ui/screenshots/@name.png; returns the path. */
char *portada_ui_test_screenshot (GtkWidget *widget, const char *name);
char *portada_ui_test_screenshot_widget (GtkWidget *widget, const char *name);
/* The first descendant of @root of type @type, or NULL. */
GtkWidget *portada_ui_test_find (GtkWidget *root, GType type);

G_END_DECLS
