/* portada-publish-sftp.c: an SFTP server as a publishing destination (libssh).
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Found on the development machine with libssh 0.10.6 and OpenSSH 9.2 (DESIGN.md):
 * without SSH_OPTIONS_NODELAY a transfer crawls at 1 MB/s; a write of more than
 * 128 KiB can make the server drop the connection; sftp_rename does not replace an
 * existing file and there is no posix-rename call, so a replace is a remove and a
 * rename, back to back.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <string.h>
#include <sys/stat.h>

#include "portada-error.h"
#include "portada-publish-target.h"

#define CHUNK (128 * 1024) /* the most one sftp_write may carry (DESIGN.md) */
#define TIMEOUT_SECONDS 30

typedef struct
{
  PortadaPublishTarget parent;
  ssh_session ssh;
  sftp_session sftp;
  char *root; /* the folder on the server */
} Sftp;

static char *
full_path (Sftp *s, const char *path)
{
  return g_strconcat (s->root, "/", path, NULL);
}

static const char *
sftp_reason (Sftp *s)
{
  switch (sftp_get_error (s->sftp))
    {
      case SSH_FX_NO_SUCH_FILE:
        return _ ("no such file or folder");
      case SSH_FX_PERMISSION_DENIED:
        return _ ("permission denied");
      case SSH_FX_FILE_ALREADY_EXISTS:
        return _ ("it already exists");
      case SSH_FX_CONNECTION_LOST:
      case SSH_FX_NO_CONNECTION:
        return _ ("the connection was lost");
      default:
        /* The server says "Failure" for a full disk too; libssh's text is the best there is. */
        return ssh_get_error (s->ssh);
    }
}

static gboolean
fail (Sftp *s, GError **error, const char *path, const char *what)
{
  int code = sftp_get_error (s->sftp);

  g_set_error (error, PORTADA_ERROR,
               code == SSH_FX_PERMISSION_DENIED ? PORTADA_ERROR_READ_ONLY : PORTADA_ERROR_FAILED,
               "%s/%s: %s (%s)", s->parent.name, path, what, sftp_reason (s));
  return FALSE;
}

static GBytes *
sftp_target_read (PortadaPublishTarget *target, const char *path, gboolean *missing, GError **error)
{
  Sftp *s = (Sftp *) target;
  g_autofree char *full = full_path (s, path);
  g_autoptr (GByteArray) data = NULL;
  sftp_file file;
  char buf[CHUNK];
  ssize_t n;

  *missing = FALSE;
  file = sftp_open (s->sftp, full, O_RDONLY, 0);
  if (file == NULL)
    {
      if (sftp_get_error (s->sftp) == SSH_FX_NO_SUCH_FILE)
        {
          *missing = TRUE;
          return NULL;
        }
      fail (s, error, path, _ ("cannot be read"));
      return NULL;
    }
  data = g_byte_array_new ();
  while ((n = sftp_read (file, buf, sizeof buf)) > 0)
    g_byte_array_append (data, (guint8 *) buf, n);
  sftp_close (file);
  if (n < 0)
    {
      fail (s, error, path, _ ("cannot be read"));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static gboolean
sftp_target_write (PortadaPublishTarget *target, const char *path, GBytes *bytes,
                   GCancellable *cancellable, GError **error)
{
  Sftp *s = (Sftp *) target;
  g_autofree char *full = full_path (s, path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  sftp_file file;

  file = sftp_open (s->sftp, full, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (file == NULL)
    return fail (s, error, path, _ ("cannot be written"));
  while (size > 0)
    {
      ssize_t n = sftp_write (file, data, MIN (size, CHUNK));
      if (n <= 0)
        {
          fail (s, error, path, _ ("cannot be written"));
          sftp_close (file);
          return FALSE;
        }
      data += n;
      size -= n;
      if (size > 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sftp_close (file);
          return FALSE;
        }
    }
  if (sftp_close (file) != SSH_OK)
    return fail (s, error, path, _ ("cannot be written"));
  return TRUE;
}

static gboolean
sftp_target_replace (PortadaPublishTarget *target, const char *from, const char *to,
                     gboolean exists, GError **error)
{
  Sftp *s = (Sftp *) target;
  g_autofree char *full_from = full_path (s, from);
  g_autofree char *full_to = full_path (s, to);

  if (exists && sftp_unlink (s->sftp, full_to) != SSH_OK
      && sftp_get_error (s->sftp) != SSH_FX_NO_SUCH_FILE)
    return fail (s, error, to, _ ("the old file cannot be removed"));
  if (sftp_rename (s->sftp, full_from, full_to) == SSH_OK)
    return TRUE;
  /* A file we did not know of (a dead publish's, or the user's of the same name). */
  if (!exists && sftp_unlink (s->sftp, full_to) == SSH_OK
      && sftp_rename (s->sftp, full_from, full_to) == SSH_OK)
    return TRUE;
  return fail (s, error, to, _ ("cannot be put in place"));
}

static gboolean
sftp_target_remove (PortadaPublishTarget *target, const char *path, GError **error)
{
  Sftp *s = (Sftp *) target;
  g_autofree char *full = full_path (s, path);

  if (sftp_unlink (s->sftp, full) != SSH_OK && sftp_get_error (s->sftp) != SSH_FX_NO_SUCH_FILE)
    return fail (s, error, path, _ ("cannot be removed"));
  return TRUE;
}

static gboolean
make_folder (Sftp *s, const char *full, const char *shown, GError **error)
{
  sftp_attributes attrs;

  if (sftp_mkdir (s->sftp, full, 0755) == SSH_OK)
    return TRUE;
  /* OpenSSH answers "Failure" for a folder that exists: look. */
  attrs = sftp_stat (s->sftp, full);
  if (attrs && attrs->type == SSH_FILEXFER_TYPE_DIRECTORY)
    {
      sftp_attributes_free (attrs);
      return TRUE;
    }
  if (attrs)
    {
      sftp_attributes_free (attrs);
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: exists on the server and is not a folder"), shown);
      return FALSE;
    }
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
               _ ("%s: the folder cannot be made on the server (%s)"), shown, sftp_reason (s));
  return FALSE;
}

static gboolean
sftp_target_mkdir (PortadaPublishTarget *target, const char *path, GError **error)
{
  Sftp *s = (Sftp *) target;
  g_autofree char *full = full_path (s, path);
  g_autofree char *shown = g_strconcat (s->parent.name, "/", path, NULL);

  return make_folder (s, full, shown, error);
}

static void
sftp_target_rmdir (PortadaPublishTarget *target, const char *path)
{
  Sftp *s = (Sftp *) target;
  g_autofree char *full = full_path (s, path);

  sftp_rmdir (s->sftp, full);
}

static void
sftp_target_close (PortadaPublishTarget *target)
{
  Sftp *s = (Sftp *) target;

  if (s->sftp)
    sftp_free (s->sftp);
  if (s->ssh)
    {
      if (ssh_is_connected (s->ssh))
        ssh_disconnect (s->ssh);
      ssh_free (s->ssh);
    }
  g_free (s->root);
  g_free (target->name);
  g_free (s);
}

static const PortadaPublishTargetClass sftp_class = {
  sftp_target_read,  sftp_target_write, sftp_target_replace, sftp_target_remove,
  sftp_target_mkdir, sftp_target_rmdir, sftp_target_close,
};

/* ------------------------------------------------------------------ */
/* Connecting */

static char *
server_fingerprint (Sftp *s)
{
  ssh_key key = NULL;
  unsigned char *hash = NULL;
  size_t len = 0;
  char *text, *out;

  if (ssh_get_server_publickey (s->ssh, &key) != SSH_OK)
    return NULL;
  if (ssh_get_publickey_hash (key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) != 0)
    {
      ssh_key_free (key);
      return NULL;
    }
  text = ssh_get_fingerprint_hash (SSH_PUBLICKEY_HASH_SHA256, hash, len);
  out = g_strdup_printf ("%s %s", ssh_key_type_to_char (ssh_key_type (key)), text);
  ssh_string_free_char (text);
  ssh_clean_pubkey_hash (&hash);
  ssh_key_free (key);
  return out;
}

static gboolean
check_host_key (Sftp *s, const PortadaDestination *d, const PortadaPublishOptions *options,
                GError **error)
{
  g_autofree char *fingerprint = server_fingerprint (s);
  g_autofree char *host
      = d->port == 22 ? g_strdup (d->host) : g_strdup_printf ("[%s]:%d", d->host, d->port);
  const char *known = options->known_hosts ? options->known_hosts : "~/.ssh/known_hosts";

  if (fingerprint == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: the server's key cannot be read (%s)"), host, ssh_get_error (s->ssh));
      return FALSE;
    }
  switch (ssh_session_is_known_server (s->ssh))
    {
      case SSH_KNOWN_HOSTS_OK:
        return TRUE;
      case SSH_KNOWN_HOSTS_CHANGED:
      case SSH_KNOWN_HOSTS_OTHER:
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                     _ ("%s: THE SERVER'S KEY HAS CHANGED. It is now %s, which is not the key "
                        "%s holds for it. Someone may be posing as the server, or its key was "
                        "replaced: nothing was sent. Ask the server's administrator for its key; "
                        "if the change is expected, remove the old key from %s."),
                     host, fingerprint, known, known);
        return FALSE;
      case SSH_KNOWN_HOSTS_UNKNOWN:
      case SSH_KNOWN_HOSTS_NOT_FOUND:
        if (options->host_key == NULL || !options->host_key (host, fingerprint, options->user_data))
          {
            g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                         _ ("%s: the server's key is not known (%s). Nothing was sent. Check the "
                            "fingerprint with the server's administrator and accept it."),
                         host, fingerprint);
            return FALSE;
          }
        if (ssh_session_update_known_hosts (s->ssh) != SSH_OK)
          {
            g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                         _ ("%s: the server's key cannot be added to %s (%s)"), host, known,
                         ssh_get_error (s->ssh));
            return FALSE;
          }
        return TRUE;
      case SSH_KNOWN_HOSTS_ERROR:
      default:
        g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                     _ ("%s: the known hosts file %s cannot be read (%s)"), host, known,
                     ssh_get_error (s->ssh));
        return FALSE;
    }
}

static int
key_passphrase (const char *prompt, char *buf, size_t len, int echo, int verify, void *userdata)
{
  const PortadaPublishOptions *options = userdata;
  g_autofree char *secret = NULL;
  g_autofree char *question = NULL;

  if (options->secret == NULL)
    return -1;
  question = g_strdup_printf (_ ("Passphrase of the key %s"), options->identity);
  secret = options->secret (question, options->user_data);
  if (secret == NULL || strlen (secret) >= len)
    return -1;
  g_strlcpy (buf, secret, len);
  memset (secret, 0, strlen (secret));
  return 0;
}

static int
try_identity (Sftp *s, const PortadaPublishOptions *options, GError **error)
{
  ssh_key key = NULL;
  int rc;

  if (ssh_pki_import_privkey_file (options->identity, NULL, key_passphrase, (void *) options, &key)
      != SSH_OK)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: not a private key that can be read (missing, damaged, or a wrong "
                      "passphrase)"),
                   options->identity);
      return SSH_AUTH_ERROR;
    }
  rc = ssh_userauth_publickey (s->ssh, NULL, key);
  ssh_key_free (key);
  return rc;
}

static gboolean
log_in (Sftp *s, const PortadaDestination *d, const PortadaPublishOptions *options, GError **error)
{
  int rc, methods;
  gboolean password_tried = FALSE;
  g_autofree char *who = g_strdup_printf ("%s@%s", d->user, d->host);
  g_autofree char *refused = NULL;
  const char *advice;

  rc = ssh_userauth_none (s->ssh, NULL);
  if (rc == SSH_AUTH_SUCCESS)
    return TRUE;
  methods = ssh_userauth_list (s->ssh, NULL);
  if (methods & SSH_AUTH_METHOD_PUBLICKEY)
    {
      if (options->identity)
        rc = try_identity (s, options, error);
      else
        rc = ssh_userauth_publickey_auto (s->ssh, NULL, NULL);
      if (rc == SSH_AUTH_SUCCESS)
        return TRUE;
      if (error && *error)
        return FALSE;
    }
  if ((methods & SSH_AUTH_METHOD_PASSWORD) && options->secret)
    {
      g_autofree char *question = g_strdup_printf (_ ("Password of %s"), who);
      g_autofree char *password = options->secret (question, options->user_data);
      if (password)
        {
          password_tried = TRUE;
          rc = ssh_userauth_password (s->ssh, NULL, password);
          memset (password, 0, strlen (password));
          if (rc == SSH_AUTH_SUCCESS)
            return TRUE;
        }
    }
  if (options->identity)
    refused = g_strdup_printf (_ ("%s: the server refused the key %s."), who, options->identity);
  else
    refused = g_strdup_printf (_ ("%s: the server refused every key of the SSH agent and of "
                                  "~/.ssh (give one with --identity KEY)."),
                               who);
  if (password_tried)
    advice = _ ("It refused the password too.");
  else if (methods & SSH_AUTH_METHOD_PASSWORD)
    advice = _ ("It accepts a password, but none was given (one is asked for only on a "
                "terminal or in the window).");
  else
    advice = _ ("Check that the key's public half is in the server's authorized_keys for this "
                "user.");
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_AUTH, "%s %s", refused, advice);
  return FALSE;
}

static gboolean
open_root (Sftp *s, const PortadaDestination *d, GError **error)
{
  sftp_attributes attrs;

  s->sftp = sftp_new (s->ssh);
  if (s->sftp == NULL || sftp_init (s->sftp) != SSH_OK)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: the server offers no SFTP (%s)"), s->parent.name,
                   ssh_get_error (s->ssh));
      return FALSE;
    }
  s->root = g_strdup (d->path);
  attrs = sftp_stat (s->sftp, s->root);
  if (attrs)
    {
      gboolean dir = attrs->type == SSH_FILEXFER_TYPE_DIRECTORY;
      sftp_attributes_free (attrs);
      if (dir)
        return TRUE;
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: exists on the server and is not a folder"), s->parent.name);
      return FALSE;
    }
  return make_folder (s, s->root, s->parent.name, error);
}

PortadaPublishTarget *
portada_publish_sftp_open (const PortadaDestination *d, const PortadaPublishOptions *options,
                           GCancellable *cancellable, GError **error)
{
  Sftp *s = g_new0 (Sftp, 1);
  long timeout = TIMEOUT_SECONDS;
  int nodelay = 1;
  unsigned int port = d->port;

  s->parent.klass = &sftp_class;
  s->parent.name = portada_destination_to_string (d);
  s->ssh = ssh_new ();
  if (s->ssh == NULL)
    {
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                           _ ("libssh cannot start a session"));
      sftp_target_close (&s->parent);
      return NULL;
    }
  ssh_options_set (s->ssh, SSH_OPTIONS_HOST, d->host);
  ssh_options_set (s->ssh, SSH_OPTIONS_USER, d->user);
  ssh_options_set (s->ssh, SSH_OPTIONS_PORT, &port);
  ssh_options_set (s->ssh, SSH_OPTIONS_TIMEOUT, &timeout);
  ssh_options_set (s->ssh, SSH_OPTIONS_NODELAY, &nodelay);
  if (options->known_hosts)
    ssh_options_set (s->ssh, SSH_OPTIONS_KNOWNHOSTS, options->known_hosts);
  if (ssh_connect (s->ssh) != SSH_OK)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: the server cannot be reached (%s)"), s->parent.name,
                   ssh_get_error (s->ssh));
      sftp_target_close (&s->parent);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !check_host_key (s, d, options, error) || !log_in (s, d, options, error)
      || !open_root (s, d, error))
    {
      sftp_target_close (&s->parent);
      return NULL;
    }
  return &s->parent;
}
