/* portada-beneath.c: files created and read strictly under one folder.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "portada-beneath.h"
#include "portada-error.h"

#define MAX_PART 255
#define MAX_PATH 4000

gboolean
portada_relpath_is_safe (const char *relpath)
{
  const char *part;

  if (relpath == NULL || *relpath == '\0' || *relpath == '/' || strlen (relpath) > MAX_PATH)
    return FALSE;
  part = relpath;
  while (TRUE)
    {
      const char *end = strchr (part, '/');
      gsize n = end ? (gsize) (end - part) : strlen (part);

      if (n == 0 || n > MAX_PART || (n == 1 && part[0] == '.')
          || (n == 2 && part[0] == '.' && part[1] == '.'))
        return FALSE;
      for (gsize i = 0; i < n; i++)
        if ((guchar) part[i] < 0x20 || part[i] == 0x7f || part[i] == '\\')
          return FALSE;
      if (end == NULL)
        return TRUE;
      part = end + 1;
    }
}

static int
code_for_errno (int err)
{
  switch (err)
    {
      case ENOSPC:
      case EDQUOT:
        return PORTADA_ERROR_NO_SPACE;
      case EACCES:
      case EPERM:
      case EROFS:
        return PORTADA_ERROR_READ_ONLY;
      case ENOENT:
        return PORTADA_ERROR_NOT_FOUND;
      case ELOOP:
      case ENOTDIR:
      case EEXIST:
        return PORTADA_ERROR_INVALID;
      default:
        return PORTADA_ERROR_FAILED;
    }
}

static void
set_errno (GError **error, int err, const char *relpath, const char *what)
{
  const char *why = err == ELOOP || err == ENOTDIR
                        ? _ ("a symbolic link or a file stands where a folder should be")
                        : g_strerror (err);
  g_set_error (error, PORTADA_ERROR, code_for_errno (err), "%s: %s (%s)", relpath, what, why);
}

static gboolean
check_relpath (const char *relpath, GError **error)
{
  if (portada_relpath_is_safe (relpath))
    return TRUE;
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
               _ ("“%s”: refused: this path would leave the output folder"), relpath);
  return FALSE;
}

int
portada_beneath_open_root (const char *root, GError **error)
{
  int fd = open (root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

  if (fd < 0)
    set_errno (error, errno, root, _ ("the folder cannot be opened"));
  return fd;
}

/* Opens the folder holding the last part of @relpath, making the folders on
 * the way when @create, each opened without following a link. Returns its
 * descriptor (the caller closes it) and points @leaf at the last part. */
static int
open_parent (int root_fd, const char *relpath, gboolean create, const char **leaf)
{
  int fd = dup (root_fd);
  const char *part = relpath;
  const char *slash;

  while (fd >= 0 && (slash = strchr (part, '/')) != NULL)
    {
      g_autofree char *name = g_strndup (part, slash - part);
      int next;

      if (create && mkdirat (fd, name, 0755) != 0 && errno != EEXIST)
        {
          int err = errno;
          close (fd);
          errno = err;
          return -1;
        }
      next = openat (fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      {
        int err = errno;
        close (fd);
        errno = err;
      }
      fd = next;
      part = slash + 1;
    }
  *leaf = part;
  return fd;
}

int
portada_beneath_create (int root_fd, const char *relpath, GError **error)
{
  const char *leaf;
  int dir, fd;

  if (!check_relpath (relpath, error))
    return -1;
  dir = open_parent (root_fd, relpath, TRUE, &leaf);
  if (dir < 0)
    {
      set_errno (error, errno, relpath, _ ("the folder cannot be created"));
      return -1;
    }
  fd = openat (dir, leaf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0)
    set_errno (error, errno, relpath, _ ("the file cannot be created"));
  {
    int err = errno;
    close (dir);
    errno = err;
  }
  return fd;
}

gboolean
portada_beneath_write (int root_fd, const char *relpath, const void *data, gsize size,
                       GError **error)
{
  const char *p = data;
  int fd = portada_beneath_create (root_fd, relpath, error);

  if (fd < 0)
    return FALSE;
  while (size > 0)
    {
      ssize_t n = write (fd, p, size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno (error, n < 0 ? errno : ENOSPC, relpath, _ ("the file cannot be written"));
          close (fd);
          return FALSE;
        }
      p += n;
      size -= n;
    }
  if (close (fd) != 0)
    {
      set_errno (error, errno, relpath, _ ("the file cannot be written"));
      return FALSE;
    }
  return TRUE;
}

/* Reads @length bytes of @fd (no more, even if the file grows meanwhile) and closes it;
 * NULL and @error naming @what on a read error. */
static char *
read_whole (int fd, gsize length, const char *what, gsize *size, GError **error)
{
  g_autofree char *data = g_malloc (length + 1);
  gsize got = 0;

  while (got < length)
    {
      ssize_t n = read (fd, data + got, length - got);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          set_errno (error, errno, what, _ ("cannot be read"));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      got += n;
    }
  close (fd);
  data[got] = '\0';
  if (size)
    *size = got;
  return g_steal_pointer (&data);
}

char *
portada_beneath_read (int root_fd, const char *relpath, gsize max_size, gsize *size, GError **error)
{
  const char *leaf;
  struct stat st;
  int dir, fd;

  if (!check_relpath (relpath, error))
    return NULL;
  dir = open_parent (root_fd, relpath, FALSE, &leaf);
  if (dir < 0)
    {
      set_errno (error, errno, relpath, _ ("cannot be read"));
      return NULL;
    }
  fd = openat (dir, leaf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  close (dir);
  if (fd < 0)
    {
      set_errno (error, errno, relpath, _ ("cannot be read"));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size > max_size)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: not a regular file of at most %lu bytes"), relpath,
                   (unsigned long) max_size);
      close (fd);
      return NULL;
    }
  return read_whole (fd, st.st_size, relpath, size, error);
}

const char *
portada_special_file_kind (mode_t mode)
{
  if (S_ISREG (mode) || S_ISDIR (mode))
    return NULL;
  if (S_ISLNK (mode))
    return _ ("a symbolic link (not followed)");
  if (S_ISFIFO (mode))
    return _ ("a named pipe, not a file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _ ("a device, not a file");
  if (S_ISSOCK (mode))
    return _ ("a socket, not a file");
  return _ ("not a regular file");
}

char *
portada_read_regular_file (const char *path, gboolean follow_link, gsize max_size, gsize *size,
                           GError **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  struct stat st;
  int fd;

  /* O_NONBLOCK: opening a named pipe never waits for a writer (it is refused below). */
  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (follow_link ? 0 : O_NOFOLLOW));
  if (fd < 0)
    {
      int err = errno;
      if (err == ELOOP)
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, "%s: %s", shown,
                     portada_special_file_kind (S_IFLNK));
      else
        set_errno (error, err, shown, _ ("cannot be read"));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID, "%s: %s", shown,
                   S_ISDIR (st.st_mode) ? _ ("a folder, not a file")
                                        : portada_special_file_kind (st.st_mode));
      close (fd);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: larger than %lu MB (%.1f MB)"), shown,
                   (unsigned long) (max_size / (1024 * 1024)), st.st_size / (1024.0 * 1024.0));
      close (fd);
      return NULL;
    }
  return read_whole (fd, st.st_size, shown, size, error);
}

gboolean
portada_beneath_link (int old_root, int new_root, const char *relpath)
{
  const char *old_leaf, *new_leaf;
  struct stat st;
  int old_dir, new_dir;
  gboolean ok = FALSE;

  if (!portada_relpath_is_safe (relpath))
    {
      errno = EINVAL;
      return FALSE;
    }
  old_dir = open_parent (old_root, relpath, FALSE, &old_leaf);
  if (old_dir < 0)
    return FALSE;
  new_dir = open_parent (new_root, relpath, TRUE, &new_leaf);
  if (new_dir >= 0 && fstatat (old_dir, old_leaf, &st, AT_SYMLINK_NOFOLLOW) == 0)
    {
      if (S_ISREG (st.st_mode))
        ok = linkat (old_dir, old_leaf, new_dir, new_leaf, 0) == 0;
      else
        errno = EINVAL;
    }
  {
    int err = errno;
    close (old_dir);
    if (new_dir >= 0)
      close (new_dir);
    errno = err;
  }
  return ok;
}

gboolean
portada_beneath_mkdir (int root_fd, const char *relpath, GError **error)
{
  g_autofree char *with_leaf = g_strconcat (relpath, "/x", NULL);
  const char *leaf;
  int dir;

  if (!check_relpath (with_leaf, error))
    return FALSE;
  dir = open_parent (root_fd, with_leaf, TRUE, &leaf);
  if (dir < 0)
    {
      set_errno (error, errno, relpath, _ ("the folder cannot be created"));
      return FALSE;
    }
  close (dir);
  return TRUE;
}

/* Opens the folder @relpath (NULL: the root itself) under @root_fd. */
static int
open_dir_beneath (int root_fd, const char *relpath, gboolean create)
{
  g_autofree char *with_leaf = NULL;
  const char *leaf;

  if (relpath == NULL)
    return dup (root_fd);
  with_leaf = g_strconcat (relpath, "/x", NULL);
  return open_parent (root_fd, with_leaf, create, &leaf);
}

static gboolean
copy_file (int old_dir, int new_dir, const char *name)
{
  char buf[65536];
  int in = openat (old_dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  int out
      = in < 0 ? -1
               : openat (new_dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  ssize_t n = 0;
  gboolean ok = in >= 0 && out >= 0;

  while (ok && (n = read (in, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      ok = n > 0 && write (out, buf, n) == n;
    }
  if (in >= 0)
    close (in);
  if (out >= 0 && close (out) != 0)
    ok = FALSE;
  return ok;
}

typedef struct
{
  int old_root, new_root;
  GHashTable *ours;
  GHashTable *our_dirs; /* every folder on the way to a file of @ours */
  GPtrArray *kept;
  GError **error;
} Carry;

static gboolean carry_dir (Carry *c, const char *relpath, gboolean all);

static gboolean
carry_entry (Carry *c, int old_dir, const char *relpath, const char *name, gboolean all)
{
  struct stat st, there;
  int new_dir;
  gboolean ok = TRUE;
  gboolean top = !all;

  if (fstatat (old_dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return TRUE;
  if (S_ISDIR (st.st_mode))
    {
      gboolean whole = all || !g_hash_table_contains (c->our_dirs, relpath);
      if (!carry_dir (c, relpath, whole))
        return FALSE;
      if (whole && top)
        g_ptr_array_add (c->kept, g_strconcat (relpath, "/", NULL));
      return TRUE;
    }
  if (!all && g_hash_table_contains (c->ours, relpath))
    return TRUE;
  {
    g_autofree char *parent = g_path_get_dirname (relpath);
    new_dir = open_dir_beneath (c->new_root, g_str_equal (parent, ".") ? NULL : parent, TRUE);
  }
  if (new_dir < 0)
    return TRUE;
  if (fstatat (new_dir, name, &there, AT_SYMLINK_NOFOLLOW) == 0)
    {
      if (top)
        g_ptr_array_add (c->kept, g_strdup_printf (_ ("%s (replaced: the export writes a file of "
                                                      "that name)"),
                                                   relpath));
      close (new_dir);
      return TRUE;
    }
  if (S_ISREG (st.st_mode))
    ok = linkat (old_dir, name, new_dir, name, 0) == 0 || copy_file (old_dir, new_dir, name);
  else if (S_ISLNK (st.st_mode))
    {
      char target[4096];
      ssize_t n = readlinkat (old_dir, name, target, sizeof target - 1);
      if (n >= 0)
        target[n] = '\0';
      ok = n >= 0 && symlinkat (target, new_dir, name) == 0;
    }
  else
    ok = FALSE;
  close (new_dir);
  if (top)
    g_ptr_array_add (c->kept, ok ? g_strdup (relpath)
                                 : g_strdup_printf (_ ("%s (could not be kept: not a regular "
                                                       "file, folder or link)"),
                                                    relpath));
  return TRUE;
}

static gboolean
carry_dir (Carry *c, const char *relpath, gboolean all)
{
  int fd = open_dir_beneath (c->old_root, relpath, FALSE);
  DIR *dir;
  struct dirent *d;
  gboolean ok = TRUE;

  if (fd < 0)
    return TRUE;
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return TRUE;
    }
  if (all && relpath)
    portada_beneath_mkdir (c->new_root, relpath, NULL);
  while (ok && (d = readdir (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (g_str_equal (d->d_name, ".") || g_str_equal (d->d_name, ".."))
        continue;
      child = relpath ? g_strconcat (relpath, "/", d->d_name, NULL) : g_strdup (d->d_name);
      ok = carry_entry (c, dirfd (dir), child, d->d_name, all);
    }
  closedir (dir);
  return ok;
}

gboolean
portada_beneath_carry (int old_root, int new_root, GHashTable *ours, GPtrArray *kept,
                       GError **error)
{
  Carry c = { old_root, new_root, ours, NULL, kept, error };
  GHashTableIter iter;
  gpointer key;
  gboolean ok;

  c.our_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, ours);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *dir = g_path_get_dirname (key);
      while (!g_str_equal (dir, ".") && g_hash_table_add (c.our_dirs, g_strdup (dir)))
        {
          char *up = g_path_get_dirname (dir);
          g_free (dir);
          dir = up;
        }
    }
  ok = carry_dir (&c, NULL, FALSE);
  g_hash_table_unref (c.our_dirs);
  return ok;
}
