/* portada-sponsors-lists-editor.h: the logo lists, their sponsors, order and weights.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_LISTS_EDITOR (portada_sponsors_lists_editor_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsListsEditor, portada_sponsors_lists_editor, PORTADA,
                      SPONSORS_LISTS_EDITOR, GtkWidget)

GtkWidget *portada_sponsors_lists_editor_new (void);
void portada_sponsors_lists_editor_set_model (PortadaSponsorsListsEditor *self,
                                              PortadaSponsorsModel *model);
/* Shows list @id; FALSE when there is no such list. */
gboolean portada_sponsors_lists_editor_select (PortadaSponsorsListsEditor *self, gint64 id);
gint64 portada_sponsors_lists_editor_get_selected (PortadaSponsorsListsEditor *self);
/* Creates a list ("New List", "New List 2"...), selects it; returns its id, 0 on error. */
gint64 portada_sponsors_lists_editor_create (PortadaSponsorsListsEditor *self);
/* The rows of the selected list's sponsors (PortadaSponsorsMemberRow), in order. */
GtkListBox *portada_sponsors_lists_editor_get_members (PortadaSponsorsListsEditor *self);
/* Moves the member at @from to @to and saves the order (what a drop does). */
gboolean portada_sponsors_lists_editor_move (PortadaSponsorsListsEditor *self, guint from,
                                             guint to);
/* Deletes the selected list; the returned toast (shown when the editor is in an
 * AdwToastOverlay, which owns it) offers to undo. NULL on error. */
AdwToast *portada_sponsors_lists_editor_delete_selected (PortadaSponsorsListsEditor *self);

G_END_DECLS
