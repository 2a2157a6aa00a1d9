/* portada-preview.h: the article page as readers will see it, updated as it is typed.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "portada-article.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

/* How wide a phone's screen is, in CSS pixels. */
#define PORTADA_PREVIEW_PHONE_WIDTH 390

#define PORTADA_TYPE_PREVIEW (portada_preview_get_type ())
G_DECLARE_FINAL_TYPE (PortadaPreview, portada_preview, PORTADA, PREVIEW, GtkWidget)

PortadaPreview *portada_preview_new (void);
void portada_preview_set_newsroom (PortadaPreview *self, PortadaNewsroom *newsroom);
/* Shows @article (the editor's current state). With @whole_page the page is rendered
 * again (fields changed); otherwise only the body is replaced in place, and the view
 * scrolls to keep @cursor_fraction (0 = top of the body, 1 = its end) in sight. */
void portada_preview_show_article (PortadaPreview *self, const PortadaArticle *article,
                                   gboolean whole_page, double cursor_fraction);
/* The date the page is shown as of ("YYYY-MM-DD"), NULL for today. */
void portada_preview_set_date (PortadaPreview *self, const char *date);
const char *portada_preview_get_date (PortadaPreview *self);
void portada_preview_set_phone_width (PortadaPreview *self, gboolean phone);
gboolean portada_preview_get_phone_width (PortadaPreview *self);

/* For tests and benchmarks. */
WebKitWebView *portada_preview_get_web_view (PortadaPreview *self);
/* The last render failure, or NULL. */
const char *portada_preview_get_error (PortadaPreview *self);

/* Shows the part of the page made from source line @line of the body (the editor's top
 * line; its fraction is how far into the line the editor's view begins): kept for the
 * updates and loads to come, and applied at once when the page is shown. */
void portada_preview_follow_line (PortadaPreview *self, double line);
/* The top-level block of the body the last follow showed at the top, -1 the page top. */
int portada_preview_get_followed_block (PortadaPreview *self);

G_END_DECLS
