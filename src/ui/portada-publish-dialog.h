/* portada-publish-dialog.h: publishes the site (SFTP or a folder) in a thread.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-newsroom.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_PUBLISH_DIALOG (portada_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PortadaPublishDialog, portada_publish_dialog, PORTADA, PUBLISH_DIALOG,
                      AdwWindow)

/* The destination shown first is the one the newsroom keeps (its publish-to setting). */
PortadaPublishDialog *portada_publish_dialog_new (GtkWindow *parent, PortadaNewsroom *newsroom);
void portada_publish_dialog_set_destination (PortadaPublishDialog *self, const char *address);
const char *portada_publish_dialog_get_destination (PortadaPublishDialog *self);
/* The private key to log in with ("" or NULL: the SSH agent and ~/.ssh). */
void portada_publish_dialog_set_identity (PortadaPublishDialog *self, const char *path);
/* The known hosts file (NULL: ~/.ssh/known_hosts). */
void portada_publish_dialog_set_known_hosts (PortadaPublishDialog *self, const char *path);
/* What the Publish button does: exports into the cache beside the newsroom and
 * publishes, in a thread with its own connection. */
void portada_publish_dialog_start (PortadaPublishDialog *self);
void portada_publish_dialog_cancel (PortadaPublishDialog *self);
gboolean portada_publish_dialog_is_running (PortadaPublishDialog *self);
/* The message after a failure, the summary after a publish, or NULL. */
const char *portada_publish_dialog_get_error (PortadaPublishDialog *self);
const char *portada_publish_dialog_get_summary (PortadaPublishDialog *self);

G_END_DECLS
