/* portada-publish-secrets.h: the passwords a publish asks for, kept in the user's
 * keyring (libsecret: the Secret Service on the desktop, the Secret portal inside the
 * Flatpak), never in the newsroom file.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A secret is named by the destination it opens (its address, without any password)
 * and by what was asked ("Application password of eva at https://…", "Password of
 * eva at host"), so one destination may keep several. Every call may block on the
 * keyring: call them in a thread, as the publish does.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The kept secret, or NULL (and no error) when there is none; NULL and @error when
 * the keyring cannot be reached (no Secret Service: the caller asks the person). */
char *portada_publish_secret_lookup (const char *destination, const char *question,
                                     GCancellable *cancellable, GError **error);
gboolean portada_publish_secret_store (const char *destination, const char *question,
                                       const char *secret, GCancellable *cancellable,
                                       GError **error);
/* Forgets every secret of @destination (after it was refused). */
gboolean portada_publish_secret_clear (const char *destination, GCancellable *cancellable,
                                       GError **error);

G_END_DECLS
