/* portada-alt-text-dialog.h: asks for an image's alternative text as it is inserted.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PORTADA_TYPE_ALT_TEXT_DIALOG (portada_alt_text_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PortadaAltTextDialog, portada_alt_text_dialog, PORTADA, ALT_TEXT_DIALOG,
                      AdwMessageDialog)

/* Shows @image (may be NULL); emits "chosen" (alt) when the user inserts it. */
PortadaAltTextDialog *portada_alt_text_dialog_new (GtkWindow *parent, GdkPaintable *image);

G_END_DECLS
