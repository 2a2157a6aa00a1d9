/* portada-beneath.h: files created and read strictly under one folder (core only).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of an export is made through a descriptor of its staging folder:
 * each folder on the way is opened with O_NOFOLLOW (a symbolic link planted in
 * the tree is refused, never followed), and a relative path with an empty, "."
 * or ".." part, or an absolute one, is refused before anything is touched.
 */

#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* Whether @relpath ("a/b/index.html") stays under the folder it is relative to:
 * not empty, not absolute, no empty, "." or ".." part, no backslash or control
 * character, every part at most 255 bytes. */
gboolean portada_relpath_is_safe (const char *relpath);

/* Opens the folder @root for the functions below (-1 and @error on failure). */
int portada_beneath_open_root (const char *root, GError **error);

/* Creates the new file @relpath under @root_fd (its folders too), never through
 * a link, and returns its descriptor open for writing (-1 and @error). */
int portada_beneath_create (int root_fd, const char *relpath, GError **error);

/* Writes @data as the new file @relpath under @root_fd. */
gboolean portada_beneath_write (int root_fd, const char *relpath, const void *data, gsize size,
                                GError **error);

/* Reads the regular file @relpath under @root_fd, when it is no larger than
 * @max_size; NULL (and @error) for a link, a folder, anything else. */
char *portada_beneath_read (int root_fd, const char *relpath, gsize max_size, gsize *size,
                            GError **error);

/* Reads the file at @path when it is a regular file of at most @max_size bytes, its
 * size checked before a byte is read. A link at @path itself is followed only when
 * @follow_link (the path a person named, not an entry found in a folder). A named
 * pipe, a device, a socket or a folder is refused at once, never opened for reading
 * in a way that could wait or read for ever. NULL and @error naming @path. */
char *portada_read_regular_file (const char *path, gboolean follow_link, gsize max_size,
                                 gsize *size, GError **error);

/* What an entry a folder holds is, for a summary ("a named pipe", "a link"); NULL
 * for a regular file or a folder. */
const char *portada_special_file_kind (mode_t mode);

/* Hard-links the regular file @relpath of @old_root into @new_root (at the same
 * relative path, its folders made); FALSE with errno set when it cannot. */
gboolean portada_beneath_link (int old_root, int new_root, const char *relpath);

/* Creates the folder @relpath (and its parents) under @root_fd. */
gboolean portada_beneath_mkdir (int root_fd, const char *relpath, GError **error);

G_END_DECLS

G_BEGIN_DECLS

/* Carries into @new_root every entry of @old_root that the previous export did
 * not write: @ours holds the relative paths of the files it wrote. Files are
 * hard-linked (copied where links cannot be made), links re-made as links (never
 * followed), folders re-made; an entry the new export also wrote is left as the
 * new export wrote it. Appends to @kept the relative path of each top entry
 * carried ("CNAME", ".git/"), and of each one that could not be (with a reason). */
gboolean portada_beneath_carry (int old_root, int new_root, GHashTable *ours, GPtrArray *kept,
                                GError **error);

G_END_DECLS
