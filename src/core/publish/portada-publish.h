/* portada-publish.h: deploying an exported site to a folder or an SFTP server.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The newsroom setting that keeps the last destination (an address, never a secret). */
#define PORTADA_SETTING_PUBLISH_TO "publish-to"
/* What a publish leaves in the destination folder: the files it put there and their
 * SHA-256, and, while a publish runs, what it is about to change. */
#define PORTADA_PUBLISH_MANIFEST ".portada-publish"
#define PORTADA_PUBLISH_PENDING ".portada-publish.pending"

typedef struct
{
  guint files_done, files_total;   /* files uploaded or removed, of all to do */
  guint64 bytes_done, bytes_total; /* bytes uploaded */
  const char *path;                /* the file at hand */
} PortadaPublishProgress;

typedef void (*PortadaPublishProgressFunc) (const PortadaPublishProgress *progress,
                                            gpointer user_data);

/* The server's key is not in known_hosts: return TRUE to trust it (it is then added
 * there). A key that differs from the known one is always refused, without asking. */
typedef gboolean (*PortadaHostKeyFunc) (const char *host, const char *fingerprint,
                                        gpointer user_data);

/* A secret is needed (@prompt says which): return it (g_free'd), or NULL to give up. */
typedef char *(*PortadaSecretFunc) (const char *prompt, gpointer user_data);

typedef enum
{
  PORTADA_PUBLISH_NEW = '+',
  PORTADA_PUBLISH_CHANGED = '~',
  PORTADA_PUBLISH_REMOVED = '-',
} PortadaPublishChange;

/* Called for each file that changes (before the work, so a dry run lists them). */
typedef void (*PortadaPublishChangeFunc) (PortadaPublishChange change, const char *path,
                                          guint64 size, gpointer user_data);

typedef struct
{
  const char *identity;    /* SFTP: a private key file; NULL: the agent and ~/.ssh keys */
  const char *known_hosts; /* SFTP: NULL: ~/.ssh/known_hosts */
  const char *hash_cache;  /* a file where the site's SHA-256 are kept between publishes,
                              keyed by inode, size and time; NULL: hash every file */
  gboolean dry_run;        /* compare only; change nothing */
  PortadaHostKeyFunc host_key;
  PortadaSecretFunc secret;
  PortadaPublishChangeFunc change;
  PortadaPublishProgressFunc progress;
  gpointer user_data; /* for every callback */
} PortadaPublishOptions;

typedef struct
{
  guint uploaded, removed, unchanged;
  guint64 bytes; /* uploaded */
  double seconds;
} PortadaPublishSummary;

/* Brings @destination (file:///PATH or sftp://USER@HOST[:PORT]/PATH) to the site
 * exported in @site_dir (a folder with an export's manifest). Only files whose bytes
 * differ from what the last publish left there travel, each to a temporary name and
 * then into place: assets, then pages, then feeds, the sitemap and robots.txt, then
 * removals of files the last publish put there and the site no longer has, then the
 * destination's manifest. A publish that dies midway is completed by the next one;
 * files that Portada did not put there are left alone. */
gboolean portada_publish (const char *site_dir, const char *destination,
                          const PortadaPublishOptions *options, GCancellable *cancellable,
                          PortadaPublishSummary *summary, GError **error);

G_END_DECLS
