/* portada-export-dialog.h: exports the newsroom (site, WXR, Markdown) in a thread.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef enum
{
  PORTADA_EXPORT_SITE,
  PORTADA_EXPORT_WXR,
  PORTADA_EXPORT_MARKDOWN,
} PortadaExportFormat;

#define PORTADA_TYPE_EXPORT_DIALOG (portada_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PortadaExportDialog, portada_export_dialog, PORTADA, EXPORT_DIALOG, AdwWindow)

/* @settings (may be NULL) keeps the format and destination chosen last. Emits "finished"
 * (the folder) when an export succeeded; failures and cancels are shown in the dialog. */
PortadaExportDialog *portada_export_dialog_new (GtkWindow *parent, PortadaNewsroom *newsroom,
                                                GSettings *settings);
void portada_export_dialog_set_format (PortadaExportDialog *self, PortadaExportFormat format);
void portada_export_dialog_set_destination (PortadaExportDialog *self, const char *folder);
const char *portada_export_dialog_get_destination (PortadaExportDialog *self);
/* What the Export button does: starts the export in a thread of its own, with its own
 * connection to the newsroom, so the window never waits. */
void portada_export_dialog_start (PortadaExportDialog *self);
/* What the Cancel button does during an export: stops it, the previous export kept. */
void portada_export_dialog_cancel (PortadaExportDialog *self);
gboolean portada_export_dialog_is_running (PortadaExportDialog *self);
/* The message shown after a failure, or NULL. */
const char *portada_export_dialog_get_error (PortadaExportDialog *self);

/* How many problems the articles it would publish have (shown above the Export Anyway
 * button); 0 when there are none. */
guint portada_export_dialog_get_problem_count (PortadaExportDialog *self);

G_END_DECLS
