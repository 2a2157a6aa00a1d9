/* portada-publish-target.h: what the publish engine asks of a destination (private).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every path is relative to the destination's folder and already checked (no "..",
 * no leading "/"). A target is a plain folder or an SFTP session.
 */

#pragma once

#include <gio/gio.h>

#include "portada-destination.h"
#include "portada-publish.h"

G_BEGIN_DECLS

typedef struct _PortadaPublishTarget PortadaPublishTarget;

typedef struct
{
  /* The whole file, or NULL; *missing is set when it does not exist (no error then). */
  GBytes *(*read) (PortadaPublishTarget *target, const char *path, gboolean *missing,
                   GError **error);
  /* Creates or truncates @path and writes @data. */
  gboolean (*write) (PortadaPublishTarget *target, const char *path, GBytes *data,
                     GCancellable *cancellable, GError **error);
  /* Puts @from at @to's name, replacing @to; @exists says whether @to is believed to
   * exist (SFTP removes it first: its rename does not replace). */
  gboolean (*replace) (PortadaPublishTarget *target, const char *from, const char *to,
                       gboolean exists, GError **error);
  /* Removes a file; a missing file is no error. */
  gboolean (*remove) (PortadaPublishTarget *target, const char *path, GError **error);
  /* Makes a folder; one that exists is no error. */
  gboolean (*mkdir) (PortadaPublishTarget *target, const char *path, GError **error);
  /* Removes a folder if it is empty; quietly does nothing otherwise. */
  void (*rmdir) (PortadaPublishTarget *target, const char *path);
  void (*close) (PortadaPublishTarget *target);
} PortadaPublishTargetClass;

struct _PortadaPublishTarget
{
  const PortadaPublishTargetClass *klass;
  char *name; /* the destination as text, for messages */
};

/* Opens the folder of @destination, making it if its parent exists. */
PortadaPublishTarget *portada_publish_folder_open (const PortadaDestination *destination,
                                                   GError **error);
/* Connects, checks the host key, logs in and opens the folder. */
PortadaPublishTarget *portada_publish_sftp_open (const PortadaDestination *destination,
                                                 const PortadaPublishOptions *options,
                                                 GCancellable *cancellable, GError **error);

G_END_DECLS
