/* portada-sponsors-preview.h: a strip, or a whole page, with the current lists, as of a date.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_PREVIEW (portada_sponsors_preview_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsPreview, portada_sponsors_preview, PORTADA, SPONSORS_PREVIEW,
                      GtkWidget)

/* How long after a change the preview is rendered again. */
#define PORTADA_SPONSORS_PREVIEW_DELAY_MS 150

GtkWidget *portada_sponsors_preview_new (void);
void portada_sponsors_preview_set_model (PortadaSponsorsPreview *self, PortadaSponsorsModel *model);
/* Shows the strip of placement @id alone, or the whole page (0). */
void portada_sponsors_preview_set_placement (PortadaSponsorsPreview *self, gint64 id);
gint64 portada_sponsors_preview_get_placement (PortadaSponsorsPreview *self);
/* The language of the page ("en"). */
void portada_sponsors_preview_set_lang (PortadaSponsorsPreview *self, const char *lang);
/* The day the page is shown as of ("YYYY-MM-DD"); NULL: today. */
void portada_sponsors_preview_set_date (PortadaSponsorsPreview *self, const char *date);
const char *portada_sponsors_preview_get_date (PortadaSponsorsPreview *self);

WebKitWebView *portada_sponsors_preview_get_web_view (PortadaSponsorsPreview *self);
/* How many times the page has been shown (loaded or updated in place): "updated"
 * is emitted after each. */
guint portada_sponsors_preview_get_serial (PortadaSponsorsPreview *self);
/* Why the page cannot be shown, or NULL. */
const char *portada_sponsors_preview_get_error (PortadaSponsorsPreview *self);

G_END_DECLS
