/* portada-sponsors-import-dialog.h: confirm the sponsors made from imported logo files.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_IMPORT_DIALOG (portada_sponsors_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsImportDialog, portada_sponsors_import_dialog, PORTADA,
                      SPONSORS_IMPORT_DIALOG, AdwMessageDialog)

/* @imports: PortadaLogoImport, one per file (portada_logos_import_files()). */
PortadaSponsorsImportDialog *portada_sponsors_import_dialog_new (GtkWindow *parent,
                                                                 PortadaSponsorsModel *model,
                                                                 GPtrArray *imports);
guint portada_sponsors_import_dialog_get_n_accepted (PortadaSponsorsImportDialog *self);
guint portada_sponsors_import_dialog_get_n_refused (PortadaSponsorsImportDialog *self);
/* The name row of the @index-th accepted file (an AdwEntryRow), NULL past the end. */
GtkWidget *portada_sponsors_import_dialog_get_name_row (PortadaSponsorsImportDialog *self,
                                                        guint index);
/* The refusal shown for the @index-th refused file ("file.txt: not an image..."). */
const char *portada_sponsors_import_dialog_get_refusal (PortadaSponsorsImportDialog *self,
                                                        guint index);
/* Puts the new sponsors on list @list_id too (0: none). */
void portada_sponsors_import_dialog_set_list (PortadaSponsorsImportDialog *self, gint64 list_id);
/* What the "add" response does: one sponsor per included file, in one
 * transaction. Returns the new ids (gint64), NULL on error (nothing stored). */
GArray *portada_sponsors_import_dialog_add (PortadaSponsorsImportDialog *self, GError **error);

G_END_DECLS
