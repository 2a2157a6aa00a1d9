/* portada-trash-dialog.h: the Trash: deleted articles, to restore or delete for good.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_TRASH_DIALOG (portada_trash_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PortadaTrashDialog, portada_trash_dialog, PORTADA, TRASH_DIALOG, AdwWindow)

/* Emits "changed" after an article is restored or the Trash emptied. */
PortadaTrashDialog *portada_trash_dialog_new (GtkWindow *parent, PortadaNewsroom *newsroom);
guint portada_trash_dialog_get_n_items (PortadaTrashDialog *self);

G_END_DECLS
