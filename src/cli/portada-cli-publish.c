/* portada-cli-publish.c: portada publish --db FILE [--to URL] [--from DIR] [--identity KEY]
 *                        [--known-hosts FILE] [--accept-new-host-key] [--dry-run] [--quiet]
 *                        [--user NAME] [--overwrite-site-changes]
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without --from, the site is exported first into a cache folder beside the newsroom
 * (.NAME.publish/site): the export keeps what did not change there, and the hashes of
 * the files it kept are kept too (.NAME.publish/hashes), so that a publish after one
 * article changed reads and sends only a few files. --from DIR publishes an export
 * made before (the same hash cache serves it: it is keyed by inode, size and time).
 *
 * A wordpress+https:// destination pushes the articles instead, over the site's REST
 * API, with the application password from $PORTADA_WORDPRESS_PASSWORD or typed at the
 * terminal (never stored).
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "portada-cli.h"
#include "portada-destination.h"
#include "portada-newsroom.h"
#include "portada-publish-wordpress.h"
#include "portada-publish.h"
#include "portada-settings.h"
#include "portada-site-export.h"

typedef struct
{
  gboolean accept_new;
  gboolean show_progress;
  gboolean dry_run;
  gboolean refused_key;
  guint to_upload, to_remove;
} Cli;

static gboolean
on_host_key (const char *host, const char *fingerprint, gpointer user_data)
{
  Cli *cli = user_data;

  if (!cli->accept_new)
    {
      cli->refused_key = TRUE;
      return FALSE;
    }
  fprintf (stderr, _ ("Accepting the new key of %s: %s\n"), host, fingerprint);
  return TRUE;
}

/* A secret from the terminal, without echo; none without a terminal. */
static char *
on_secret (const char *prompt, gpointer user_data)
{
  FILE *tty;
  struct termios old, quiet;
  char buf[1024];
  char *line;
  gsize len;

  if (!isatty (STDIN_FILENO) || (tty = fopen ("/dev/tty", "r+")) == NULL)
    return NULL;
  fprintf (tty, "%s: ", prompt);
  fflush (tty);
  tcgetattr (fileno (tty), &old);
  quiet = old;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  line = fgets (buf, sizeof buf, tty);
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fputc ('\n', tty);
  fclose (tty);
  if (line == NULL)
    return NULL;
  len = strlen (buf);
  if (len > 0 && buf[len - 1] == '\n')
    buf[--len] = '\0';
  line = g_strdup (buf);
  memset (buf, 0, sizeof buf);
  return line;
}

static void
on_change (PortadaPublishChange change, const char *path, guint64 size, gpointer user_data)
{
  Cli *cli = user_data;

  if (change == PORTADA_PUBLISH_REMOVED)
    cli->to_remove++;
  else
    cli->to_upload++;
  if (cli->dry_run)
    printf ("%c %s\n", change, path);
}

static void
on_progress (const PortadaPublishProgress *p, gpointer user_data)
{
  Cli *cli = user_data;

  if (!cli->show_progress)
    return;
  fprintf (stderr, "\r%s %u/%u, %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT " KiB", _ ("Publishing…"),
           p->files_done, p->files_total, p->bytes_done / 1024, p->bytes_total / 1024);
  if (p->files_done == p->files_total)
    fputc ('\n', stderr);
}

static void
export_progress (double fraction, gpointer user_data)
{
  fprintf (stderr, "\r%s %3d%%", _ ("Exporting…"), (int) (fraction * 100));
  if (fraction >= 1.0)
    fputc ('\n', stderr);
}

/* The cache folder beside the newsroom: /dir/.name.db.publish */
static char *
cache_dir_of (const char *db)
{
  g_autofree char *abs = g_canonicalize_filename (db, NULL);
  g_autofree char *dir = g_path_get_dirname (abs);
  g_autofree char *base = g_path_get_basename (abs);
  g_autofree char *name = g_strdup_printf (".%s.publish", base);

  return g_build_filename (dir, name, NULL);
}

static char *
resolve_destination (PortadaNewsroom *newsroom, const char *to, GError **error)
{
  g_autofree char *stored = NULL;

  if (to)
    return g_strdup (to);
  stored = portada_settings_get (newsroom, PORTADA_SETTING_PUBLISH_TO, error);
  if (stored == NULL || *stored == '\0')
    {
      g_clear_error (error);
      g_set_error_literal (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                           _ ("publish: --to URL is required (no destination is stored in the "
                              "newsroom yet)"));
      return NULL;
    }
  return g_steal_pointer (&stored);
}

static int
fail (const char *message)
{
  portada_cli_error ("%s", message);
  return PORTADA_EXIT_UNUSABLE;
}

/* ---- WordPress ---------------------------------------------------------------- */

static void
on_wp_article (const PortadaArticle *a, PortadaWordpressOutcome outcome, gint64 post_id,
               const char *detail, gpointer user_data)
{
  gboolean *quiet = user_data;

  switch (outcome)
    {
      case PORTADA_WORDPRESS_CREATED:
        if (!*quiet)
          printf (_ ("+ “%s” (%s): post %lld created\n"), a->title, a->lang, (long long) post_id);
        break;
      case PORTADA_WORDPRESS_UPDATED:
        if (!*quiet)
          printf (_ ("~ “%s” (%s): post %lld updated\n"), a->title, a->lang, (long long) post_id);
        break;
      case PORTADA_WORDPRESS_CONFLICT:
        portada_cli_error (_ ("“%s” (%s) was not pushed: %s"), a->title, a->lang, detail);
        break;
      case PORTADA_WORDPRESS_FAILED:
        portada_cli_error (_ ("“%s” (%s) was not pushed: %s"), a->title, a->lang, detail);
        break;
      case PORTADA_WORDPRESS_UNCHANGED:
      default:
        break;
    }
}

static void
on_wp_note (const char *note, gpointer user_data)
{
  portada_cli_error ("%s", note);
}

static int
publish_wordpress (PortadaNewsroom *newsroom, PortadaDestination *d, const char *user,
                   gboolean overwrite, gboolean quiet)
{
  g_autofree char *password = NULL;
  g_autofree char *site = portada_destination_site_url (d);
  g_autofree char *shown = NULL;
  g_autoptr (GError) error = NULL;
  PortadaWordpressOptions options = { 0 };
  PortadaWordpressSummary summary = { 0 };

  if (user)
    {
      g_free (d->user);
      d->user = g_strdup (user);
    }
  if (d->user == NULL)
    return fail (_ ("publish: --user NAME is required for a WordPress site (or "
                    "wordpress+https://NAME@SITE)"));
  if (g_getenv ("PORTADA_WORDPRESS_PASSWORD") && *g_getenv ("PORTADA_WORDPRESS_PASSWORD"))
    password = g_strdup (g_getenv ("PORTADA_WORDPRESS_PASSWORD"));
  else
    {
      g_autofree char *prompt
          = g_strdup_printf (_ ("Application password of %s at %s"), d->user, site);
      password = on_secret (prompt, NULL);
    }
  if (password == NULL)
    return fail (_ ("publish: the application password is missing: set "
                    "PORTADA_WORDPRESS_PASSWORD or run in a terminal to type it"));
  options.user = d->user;
  options.password = password;
  options.overwrite_site_changes = overwrite;
  options.article = on_wp_article;
  options.note = on_wp_note;
  options.user_data = &quiet;
  if (!portada_publish_wordpress (newsroom, d, &options, NULL, &summary, &error))
    {
      memset (password, 0, strlen (password));
      return fail (error->message);
    }
  memset (password, 0, strlen (password));
  shown = portada_destination_to_string (d);
  printf (_ ("Pushed to %s: %u created, %u updated, %u unchanged, %u not pushed (changed on the "
             "site), %u refused, in %.2f s\n"),
          site, summary.created, summary.updated, summary.unchanged, summary.conflicts,
          summary.failed, summary.seconds);
  if (!portada_settings_set (newsroom, PORTADA_SETTING_PUBLISH_TO, shown, &error))
    return fail (error->message);
  if (summary.conflicts)
    portada_cli_error (_ ("The posts changed on the site were left as they are. Compare the "
                          "site's version in the article's revisions; publish again with "
                          "--overwrite-site-changes to replace them with the newsroom's."));
  return summary.conflicts || summary.failed ? PORTADA_EXIT_PROBLEMS : PORTADA_EXIT_OK;
}

int
portada_cli_publish (int argc, char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *known_hosts = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *site = NULL;
  g_autofree char *hashes = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *user = NULL;
  gboolean accept_new = FALSE, dry_run = FALSE, quiet = FALSE, overwrite = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (PortadaDestination) parsed = NULL;
  PortadaPublishOptions options = { 0 };
  PortadaPublishSummary summary = { 0 };
  Cli cli = { 0 };
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("The newsroom file to publish"),
            N_ ("FILE") },
          { "to", 0, 0, G_OPTION_ARG_STRING, &to,
            N_ ("Where: sftp://USER@HOST[:PORT]/PATH, file:///PATH or wordpress+https://SITE (kept "
                "in the newsroom for next time)"),
            N_ ("URL") },
          { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
            N_ ("Publish this export instead of exporting the newsroom first"), N_ ("DIR") },
          { "identity", 'i', 0, G_OPTION_ARG_FILENAME, &identity,
            N_ ("The private key to log in with (default: the SSH agent and ~/.ssh)"), N_ ("KEY") },
          { "known-hosts", 0, 0, G_OPTION_ARG_FILENAME, &known_hosts,
            N_ ("The known hosts file (default: ~/.ssh/known_hosts)"), N_ ("FILE") },
          { "accept-new-host-key", 0, 0, G_OPTION_ARG_NONE, &accept_new,
            N_ ("Trust a server seen for the first time and remember its key (a changed key is "
                "always refused)"),
            NULL },
          { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
            N_ ("List what would change (+ new, ~ changed, - removed) and change nothing"), NULL },
          { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Do not show progress"), NULL },
          { "user", 'u', 0, G_OPTION_ARG_STRING, &user,
            N_ ("WordPress: the user whose application password is in $PORTADA_WORDPRESS_PASSWORD "
                "(or typed)"),
            N_ ("NAME") },
          { "overwrite-site-changes", 0, 0, G_OPTION_ARG_NONE, &overwrite,
            N_ ("WordPress: replace the posts changed on the site too (their version is kept as a "
                "revision of the article first)"),
            NULL },
          { NULL } };

  if (!portada_cli_parse (
          "publish", NULL,
          _ ("Publish the site to a web host over SFTP, or to a folder, or push the articles\n"
             "to a WordPress site.\n"
             "Only what changed since the last publish is sent; files that Portada did not put\n"
             "there are left alone, and a post changed on the WordPress site is not overwritten.\n"
             "Exit status: 0 when done, 1 when some posts were not pushed, 2 when it could not\n"
             "be done."),
          entries, &argc, &argv))
    return PORTADA_EXIT_UNUSABLE;
  if (db == NULL)
    return fail (_ ("publish: --db FILE is required"));
  if (argc > 1)
    {
      portada_cli_error (_ ("publish: unexpected argument “%s”"), argv[1]);
      return PORTADA_EXIT_UNUSABLE;
    }
  /* A bad address is refused before the newsroom is even opened. */
  if (to && (parsed = portada_destination_parse (to, &error)) == NULL)
    return fail (error->message);
  newsroom = portada_newsroom_open (db, PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL)
    return fail (error->message);
  destination = resolve_destination (newsroom, to, &error);
  if (destination == NULL)
    return fail (error->message);
  if (parsed == NULL && (parsed = portada_destination_parse (destination, &error)) == NULL)
    return fail (error->message);
  if (parsed->kind == PORTADA_DESTINATION_WORDPRESS)
    {
      if (from || dry_run || identity)
        return fail (_ ("publish: --from, --dry-run and --identity are for files; a WordPress "
                        "site is sent the articles"));
      return publish_wordpress (newsroom, parsed, user, overwrite, quiet);
    }
  if (user || overwrite)
    return fail (_ ("publish: --user and --overwrite-site-changes are for a WordPress site"));

  cli.accept_new = accept_new;
  cli.dry_run = dry_run;
  cli.show_progress = portada_cli_show_progress (quiet);
  cache = cache_dir_of (db);
  hashes = g_build_filename (cache, "hashes", NULL);
  if (g_mkdir_with_parents (cache, 0700) != 0)
    {
      portada_cli_error (_ ("%s: the cache folder cannot be made (%s)"), cache, g_strerror (errno));
      return PORTADA_EXIT_UNUSABLE;
    }
  if (from)
    site = g_strdup (from);
  else
    {
      site = g_build_filename (cache, "site", NULL);
      if (!portada_site_export (newsroom, site, NULL, NULL,
                                cli.show_progress ? export_progress : NULL, NULL, &error))
        return fail (error->message);
    }

  options.identity = identity;
  options.known_hosts = known_hosts;
  options.hash_cache = hashes;
  options.dry_run = dry_run;
  options.host_key = on_host_key;
  options.secret = on_secret;
  options.change = on_change;
  options.progress = on_progress;
  options.user_data = &cli;
  if (!portada_publish (site, destination, &options, NULL, &summary, &error))
    {
      portada_cli_error ("%s", error->message);
      if (cli.refused_key)
        portada_cli_error (_ ("If the fingerprint is the server's, publish again with "
                              "--accept-new-host-key to trust it."));
      return PORTADA_EXIT_UNUSABLE;
    }

  shown = portada_destination_to_string (parsed);
  if (dry_run)
    printf (_ ("%s: %u to upload, %u to remove, %u unchanged (dry run: nothing changed)\n"), shown,
            cli.to_upload, cli.to_remove, summary.unchanged);
  else
    {
      g_autofree char *bytes = g_format_size (summary.bytes);
      printf (_ ("Published to %s: %u uploaded, %u removed, %u unchanged, %s sent in %.2f s\n"),
              shown, summary.uploaded, summary.removed, summary.unchanged, bytes, summary.seconds);
      if (!portada_settings_set (newsroom, PORTADA_SETTING_PUBLISH_TO, shown, &error))
        return fail (error->message);
    }
  return PORTADA_EXIT_OK;
}
