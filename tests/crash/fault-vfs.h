/* fault-vfs.h: an SQLite VFS that lets a test make the disk full.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It wraps the default VFS and becomes the default, so every connection the
 * core opens goes through it. Writes pass through until the budget is spent;
 * then each write fails as a full disk does (SQLITE_FULL).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void fault_vfs_install (void);
/* Bytes that may still be written; -1 for no limit. */
void fault_vfs_set_budget (gint64 bytes);
/* Writes refused since the last fault_vfs_set_budget(). */
guint fault_vfs_get_refused (void);

/* The write after @after more writes fails with @code (SQLITE_FULL,
 * SQLITE_IOERR_WRITE…): that one only when @once, else every one after it, as a
 * full disk does; @after -1 ends the fault. Counts as refused. */
void fault_vfs_fail_write (gint64 after, int code, gboolean once);
/* Writes seen since the VFS was installed. */
guint64 fault_vfs_get_writes (void);

G_END_DECLS
