/* portada-link-dialog.h: asks for a link's address and text (Ctrl+K).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PORTADA_TYPE_LINK_DIALOG (portada_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PortadaLinkDialog, portada_link_dialog, PORTADA, LINK_DIALOG,
                      AdwMessageDialog)

/* Emits "chosen" (text, url) when the user inserts the link. */
PortadaLinkDialog *portada_link_dialog_new (GtkWindow *parent, const char *text);

/* What the user typed as a web address, made whole ("example.com" gives
 * "https://example.com"), or NULL when it cannot be a link. */
char *portada_link_normalize_url (const char *typed);

G_END_DECLS
