/* portada-publish-folder.c: a plain folder as a publishing destination.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files are written under their temporary name and renamed over the old ones, an
 * atomic replace on a local file system. Every path is opened relative to the
 * folder's descriptor without following symbolic links in the last name.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "portada-error.h"
#include "portada-publish-target.h"

typedef struct
{
  PortadaPublishTarget parent;
  int dir_fd;
} Folder;

static gboolean
fail (PortadaPublishTarget *target, GError **error, int err, const char *path, const char *what)
{
  g_set_error (error, PORTADA_ERROR,
               err == ENOSPC || err == EDQUOT                  ? PORTADA_ERROR_NO_SPACE
               : err == EACCES || err == EROFS || err == EPERM ? PORTADA_ERROR_READ_ONLY
                                                               : PORTADA_ERROR_FAILED,
               "%s/%s: %s (%s)", target->name, path, what, g_strerror (err));
  return FALSE;
}

static GBytes *
folder_read (PortadaPublishTarget *target, const char *path, gboolean *missing, GError **error)
{
  Folder *f = (Folder *) target;
  int fd = openat (f->dir_fd, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  GByteArray *data;
  char buf[65536];
  ssize_t n;

  *missing = FALSE;
  if (fd < 0)
    {
      if (errno == ENOENT)
        {
          *missing = TRUE;
          return NULL;
        }
      fail (target, error, errno, path, _ ("cannot be read"));
      return NULL;
    }
  data = g_byte_array_new ();
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_byte_array_append (data, (guint8 *) buf, n);
  if (n < 0)
    {
      fail (target, error, errno, path, _ ("cannot be read"));
      close (fd);
      g_byte_array_unref (data);
      return NULL;
    }
  close (fd);
  return g_byte_array_free_to_bytes (data);
}

static gboolean
folder_write (PortadaPublishTarget *target, const char *path, GBytes *bytes,
              GCancellable *cancellable, GError **error)
{
  Folder *f = (Folder *) target;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int fd = openat (f->dir_fd, path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);

  if (fd < 0)
    return fail (target, error, errno, path, _ ("cannot be written"));
  while (size > 0)
    {
      ssize_t n = write (fd, data, MIN (size, 1 << 20));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int err = n < 0 ? errno : ENOSPC;
          close (fd);
          return fail (target, error, err, path, _ ("cannot be written"));
        }
      data += n;
      size -= n;
    }
  if (close (fd) != 0)
    return fail (target, error, errno, path, _ ("cannot be written"));
  return TRUE;
}

static gboolean
folder_replace (PortadaPublishTarget *target, const char *from, const char *to, gboolean exists,
                GError **error)
{
  Folder *f = (Folder *) target;

  if (renameat (f->dir_fd, from, f->dir_fd, to) != 0)
    return fail (target, error, errno, to, _ ("cannot be put in place"));
  return TRUE;
}

static gboolean
folder_remove (PortadaPublishTarget *target, const char *path, GError **error)
{
  Folder *f = (Folder *) target;

  if (unlinkat (f->dir_fd, path, 0) != 0 && errno != ENOENT)
    return fail (target, error, errno, path, _ ("cannot be removed"));
  return TRUE;
}

static gboolean
folder_mkdir (PortadaPublishTarget *target, const char *path, GError **error)
{
  Folder *f = (Folder *) target;
  struct stat st;

  if (mkdirat (f->dir_fd, path, 0755) == 0)
    return TRUE;
  if (errno == EEXIST && fstatat (f->dir_fd, path, &st, AT_SYMLINK_NOFOLLOW) == 0
      && S_ISDIR (st.st_mode))
    return TRUE;
  return fail (target, error, errno == EEXIST ? ENOTDIR : errno, path,
               _ ("the folder cannot be made"));
}

static void
folder_rmdir (PortadaPublishTarget *target, const char *path)
{
  Folder *f = (Folder *) target;
  unlinkat (f->dir_fd, path, AT_REMOVEDIR);
}

static void
folder_close (PortadaPublishTarget *target)
{
  Folder *f = (Folder *) target;

  if (f->dir_fd >= 0)
    close (f->dir_fd);
  g_free (target->name);
  g_free (f);
}

static const PortadaPublishTargetClass folder_class = {
  folder_read,  folder_write, folder_replace, folder_remove,
  folder_mkdir, folder_rmdir, folder_close,
};

PortadaPublishTarget *
portada_publish_folder_open (const PortadaDestination *destination, GError **error)
{
  Folder *f;
  int fd;

  fd = open (destination->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT && g_mkdir (destination->path, 0755) == 0)
    fd = open (destination->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    {
      int err = errno;
      g_set_error (error, PORTADA_ERROR,
                   err == ENOENT ? PORTADA_ERROR_NOT_FOUND : PORTADA_ERROR_FAILED,
                   _ ("%s: the destination folder cannot be opened (%s)"), destination->path,
                   err == ENOENT ? _ ("its parent folder does not exist") : g_strerror (err));
      return NULL;
    }
  f = g_new0 (Folder, 1);
  f->parent.klass = &folder_class;
  f->parent.name = g_strdup (destination->path);
  f->dir_fd = fd;
  return &f->parent;
}
