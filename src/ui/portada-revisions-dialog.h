/* portada-revisions-dialog.h: an article's earlier versions, compared and restored.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-article.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_REVISIONS_DIALOG (portada_revisions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PortadaRevisionsDialog, portada_revisions_dialog, PORTADA, REVISIONS_DIALOG,
                      AdwWindow)

/* Emits "restored" after a revision was put back into the article. */
PortadaRevisionsDialog *portada_revisions_dialog_new (GtkWindow *parent, PortadaNewsroom *newsroom,
                                                      const PortadaArticle *article);
/* "Since this version: N words added, M removed" for the selected revision. */
const char *portada_revisions_dialog_get_summary (PortadaRevisionsDialog *self);
guint portada_revisions_dialog_get_n_revisions (PortadaRevisionsDialog *self);
/* Shows revision @index (0 is the newest) compared with the current text. */
void portada_revisions_dialog_select (PortadaRevisionsDialog *self, guint index);
gboolean portada_revisions_dialog_restore_selected (PortadaRevisionsDialog *self, GError **error);

G_END_DECLS
