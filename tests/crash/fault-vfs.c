/* fault-vfs.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "fault-vfs.h"

typedef struct
{
  sqlite3_file base;
  sqlite3_file *real; /* follows this struct in the same allocation */
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static gint64 budget = -1;
static guint refused;
static gint64 writes_left = -1; /* writes that pass before the fault, -1 for none */
static int fault_code = SQLITE_FULL;
static gboolean fault_once;
static guint64 writes_seen;
G_LOCK_DEFINE_STATIC (budget);

#define REAL(file) (((FaultFile *) (file))->real)

static int
f_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
f_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
f_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  gboolean full;

  int code = SQLITE_FULL;

  G_LOCK (budget);
  writes_seen++;
  full = budget >= 0 && amount > budget;
  if (!full && writes_left == 0)
    {
      full = TRUE;
      code = fault_code;
      if (fault_once)
        writes_left = -1;
    }
  else if (writes_left > 0)
    writes_left--;
  if (full)
    refused++;
  else if (budget >= 0)
    budget -= amount;
  G_UNLOCK (budget);
  if (full)
    return code;
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
f_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
f_sync (sqlite3_file *file, int flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
f_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
f_lock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
f_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
f_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
f_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
f_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
f_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
f_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
f_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
f_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
f_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
f_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
f_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static const sqlite3_io_methods fault_io = {
  3,
  f_close,
  f_read,
  f_write,
  f_truncate,
  f_sync,
  f_file_size,
  f_lock,
  f_unlock,
  f_check_reserved_lock,
  f_file_control,
  f_sector_size,
  f_device_characteristics,
  f_shm_map,
  f_shm_lock,
  f_shm_barrier,
  f_shm_unmap,
  f_fetch,
  f_unfetch,
};

static int
v_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  /* SQLite calls xClose when pMethods is set, even after a failed open. */
  file->pMethods = f->real->pMethods ? &fault_io : NULL;
  g_assert (f->real->pMethods == NULL || f->real->pMethods->iVersion >= 3);
  return rc;
}

static int
v_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
v_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
v_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static int
v_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
v_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
v_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
v_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
v_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static void *
v_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
v_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*v_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
v_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

void
fault_vfs_install (void)
{
  if (real_vfs)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);
  memset (&fault_vfs, 0, sizeof fault_vfs);
  fault_vfs.iVersion = 2;
  fault_vfs.szOsFile = sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.mxPathname = real_vfs->mxPathname;
  fault_vfs.zName = "portada-fault";
  fault_vfs.xOpen = v_open;
  fault_vfs.xDelete = v_delete;
  fault_vfs.xAccess = v_access;
  fault_vfs.xFullPathname = v_full_pathname;
  fault_vfs.xDlOpen = v_dl_open;
  fault_vfs.xDlError = v_dl_error;
  fault_vfs.xDlSym = v_dl_sym;
  fault_vfs.xDlClose = v_dl_close;
  fault_vfs.xRandomness = v_randomness;
  fault_vfs.xSleep = v_sleep;
  fault_vfs.xCurrentTime = v_current_time;
  fault_vfs.xGetLastError = v_get_last_error;
  fault_vfs.xCurrentTimeInt64 = v_current_time_int64;
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

void
fault_vfs_set_budget (gint64 bytes)
{
  G_LOCK (budget);
  budget = bytes;
  refused = 0;
  G_UNLOCK (budget);
}

guint
fault_vfs_get_refused (void)
{
  guint n;

  G_LOCK (budget);
  n = refused;
  G_UNLOCK (budget);
  return n;
}

void
fault_vfs_fail_write (gint64 after, int code, gboolean once)
{
  G_LOCK (budget);
  writes_left = after;
  fault_code = code;
  fault_once = once;
  refused = 0;
  G_UNLOCK (budget);
}

guint64
fault_vfs_get_writes (void)
{
  guint64 n;
  G_LOCK (budget);
  n = writes_seen;
  G_UNLOCK (budget);
  return n;
}
