/* test-publish-dialog.c: the Publish dialog: a bad address refused in the dialog, a
 * publish to a folder with its summary, the destination kept in the newsroom, a second
 * publish that sends nothing; the articles pushed to a real WordPress on loopback, the
 * application password asked for (a wrong one refused). Runs under Xvfb.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "portada-demo.h"
#include "portada-publish-dialog.h"
#include "portada-publish.h"
#include "portada-settings.h"

GResource *portada_get_resource (void);

static gboolean
idle (PortadaPublishDialog *dialog)
{
  return !portada_publish_dialog_is_running (dialog);
}

static void
wait_idle (PortadaPublishDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!idle (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (idle (dialog));
}

static void
test_dialog (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("portada-publish-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmp, "news.db", NULL);
  g_autofree char *www = g_build_filename (tmp, "www", NULL);
  g_autofree char *url = g_strconcat ("file://", www, NULL);
  g_autofree char *index = g_build_filename (www, "index.html", NULL);
  g_autofree char *manifest = g_build_filename (www, PORTADA_PUBLISH_MANIFEST, NULL);
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  PortadaPublishDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  dialog = portada_publish_dialog_new (NULL, nr);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (portada_publish_dialog_get_destination (dialog), ==, "");

  /* A bad address: said in the dialog, nothing started. */
  portada_publish_dialog_set_destination (dialog, "sftp://example.com/www");
  portada_publish_dialog_start (dialog);
  g_assert_false (portada_publish_dialog_is_running (dialog));
  g_assert_nonnull (portada_publish_dialog_get_error (dialog));
  g_assert_nonnull (strstr (portada_publish_dialog_get_error (dialog), "user"));

  portada_publish_dialog_set_destination (dialog, url);
  g_assert_null (portada_publish_dialog_get_error (dialog));
  portada_publish_dialog_start (dialog);
  g_assert_true (portada_publish_dialog_is_running (dialog));
  wait_idle (dialog);
  g_assert_null (portada_publish_dialog_get_error (dialog));
  g_assert_nonnull (portada_publish_dialog_get_summary (dialog));
  g_assert_nonnull (strstr (portada_publish_dialog_get_summary (dialog), "0 unchanged"));
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  stored = portada_settings_get (nr, PORTADA_SETTING_PUBLISH_TO, NULL);
  g_assert_cmpstr (stored, ==, url);

  /* Again: nothing to send. */
  portada_publish_dialog_start (dialog);
  wait_idle (dialog);
  g_assert_nonnull (strstr (portada_publish_dialog_get_summary (dialog), "0 uploaded"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A new dialog shows the kept destination. */
  dialog = portada_publish_dialog_new (NULL, nr);
  g_assert_cmpstr (portada_publish_dialog_get_destination (dialog), ==, url);
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    const char *argv[] = { "rm", "-rf", tmp, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
}

/* The message dialog now on screen, if any. */
static AdwMessageDialog *
message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static AdwMessageDialog *
wait_message_dialog (PortadaPublishDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  AdwMessageDialog *ask = NULL;

  while ((ask = message_dialog ()) == NULL && portada_publish_dialog_is_running (dialog)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return ask;
}

static char *
env_value (const char *env, const char *key)
{
  g_auto (GStrv) lines = g_strsplit (env, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, "=", NULL);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  return NULL;
}

static gboolean
sshd (const char *command, const char *dir)
{
  g_autofree char *script = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "publish",
                                              "sshd-server", NULL);
  const char *argv[] = { script, command, dir, NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                       NULL, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

/* An unknown server key: the fingerprint shown, refused then accepted. */
static void
test_host_key (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("portada-publish-XXXXXX", NULL);
  g_autofree char *server = g_build_filename (tmp, "server", NULL);
  g_autofree char *env_path = g_build_filename (server, "env", NULL);
  g_autofree char *db = g_build_filename (tmp, "news.db", NULL);
  g_autofree char *env = NULL, *port = NULL, *key = NULL, *known = NULL, *root = NULL;
  g_autofree char *url = NULL, *body = NULL, *index = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;
  PortadaPublishDialog *dialog;
  AdwMessageDialog *ask;

  if (!g_file_test ("/usr/sbin/sshd", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("sshd is not installed");
      return;
    }
  g_assert_true (sshd ("start", server));
  g_assert_true (g_file_get_contents (env_path, &env, NULL, NULL));
  port = env_value (env, "PORT");
  key = env_value (env, "USER_KEY");
  known = env_value (env, "KNOWN_HOSTS");
  root = env_value (env, "SFTP_ROOT");
  url = g_strdup_printf ("sftp://%s@127.0.0.1:%s%s", g_get_user_name (), port, root);
  index = g_build_filename (root, "index.html", NULL);
  nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));

  dialog = portada_publish_dialog_new (NULL, nr);
  gtk_window_present (GTK_WINDOW (dialog));
  portada_publish_dialog_set_destination (dialog, url);
  portada_publish_dialog_set_identity (dialog, key);
  portada_publish_dialog_set_known_hosts (dialog, known);

  portada_publish_dialog_start (dialog);
  ask = wait_message_dialog (dialog);
  g_assert_nonnull (ask);
  body = g_strdup (adw_message_dialog_get_body (ask));
  g_assert_nonnull (strstr (body, "SHA256:"));
  adw_message_dialog_response (ask, "refuse");
  gtk_window_destroy (GTK_WINDOW (ask));
  wait_idle (dialog);
  g_assert_nonnull (portada_publish_dialog_get_error (dialog));
  g_assert_nonnull (strstr (portada_publish_dialog_get_error (dialog), "not known"));
  g_assert_false (g_file_test (index, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (known, G_FILE_TEST_EXISTS));

  portada_publish_dialog_start (dialog);
  ask = wait_message_dialog (dialog);
  g_assert_nonnull (ask);
  adw_message_dialog_response (ask, "accept");
  gtk_window_destroy (GTK_WINDOW (ask));
  wait_idle (dialog);
  g_assert_null (portada_publish_dialog_get_error (dialog));
  g_assert_nonnull (portada_publish_dialog_get_summary (dialog));
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (known, G_FILE_TEST_IS_REGULAR));

  /* The key is known now: no question. */
  portada_publish_dialog_start (dialog);
  wait_idle (dialog);
  g_assert_null (message_dialog ());
  g_assert_nonnull (strstr (portada_publish_dialog_get_summary (dialog), "0 uploaded"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (sshd ("stop", server));
  {
    const char *argv[] = { "rm", "-rf", tmp, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
}

static gboolean
wordpress_server (const char *command, const char *dir, gboolean *missing)
{
  g_autofree char *script = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "publish",
                                              "wordpress-server", NULL);
  const char *argv[] = { script, command, dir, NULL };
  g_autofree char *owner = g_strdup_printf ("%d", (int) getpid ());
  /* Stopped by the script itself if this test aborts before it stops them. */
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "WORDPRESS_SERVER_OWNER", owner, TRUE);
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, NULL))
    return FALSE;
  if (missing)
    *missing = WIFEXITED (status) && WEXITSTATUS (status) == 77;
  return g_spawn_check_wait_status (status, NULL);
}

/* Publish, answer the password question with @password, wait for the end. */
static void
push_with (PortadaPublishDialog *dialog, const char *password)
{
  AdwMessageDialog *ask;
  GtkWidget *entry;

  portada_publish_dialog_start (dialog);
  ask = wait_message_dialog (dialog);
  g_assert_nonnull (ask);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ask), "Application Password"));
  entry = adw_message_dialog_get_extra_child (ask);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  /* As a click on Log In does: the answer, then the message dialog closed. */
  adw_message_dialog_response (ask, "log-in");
  gtk_window_close (GTK_WINDOW (ask));
  g_assert_null (message_dialog ());
  wait_idle (dialog);
}

static void
test_wordpress (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("portada-publish-XXXXXX", NULL);
  g_autofree char *server = g_build_filename (tmp, "server", NULL);
  g_autofree char *env_path = g_build_filename (server, "env", NULL);
  g_autofree char *db = g_build_filename (tmp, "news.db", NULL);
  g_autofree char *env = NULL, *port = NULL, *user = NULL, *password = NULL, *url = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;
  PortadaPublishDialog *dialog;
  gboolean missing = FALSE;

  if (!wordpress_server ("start", server, &missing))
    {
      if (missing)
        {
          g_test_skip ("WordPress, MariaDB or php-cli is not installed");
          return;
        }
      g_error ("tests/publish/wordpress-server did not start");
    }
  g_assert_true (g_file_get_contents (env_path, &env, NULL, NULL));
  port = env_value (env, "PORT");
  user = env_value (env, "WP_USER");
  password = env_value (env, "WP_PASSWORD");
  /* The env file quotes the password for the shell. */
  g_strdelimit (password, "'", ' ');
  g_strstrip (password);
  url = g_strdup_printf ("wordpress+http://%s@127.0.0.1:%s", user, port);
  nr = portada_newsroom_open (db, PORTADA_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));

  dialog = portada_publish_dialog_new (NULL, nr);
  gtk_window_present (GTK_WINDOW (dialog));
  portada_publish_dialog_set_destination (dialog, url);

  /* A wrong password: the refused login said, nothing pushed, nothing kept. */
  push_with (dialog, "not-the-password");
  g_assert_nonnull (portada_publish_dialog_get_error (dialog));
  g_assert_nonnull (strstr (portada_publish_dialog_get_error (dialog), "refused the login"));
  g_assert_null (portada_publish_dialog_get_summary (dialog));
  stored = portada_settings_get (nr, PORTADA_SETTING_PUBLISH_TO, NULL);
  g_assert_true (stored == NULL || *stored == '\0');

  push_with (dialog, password);
  g_assert_null (portada_publish_dialog_get_error (dialog));
  g_assert_nonnull (portada_publish_dialog_get_summary (dialog));
  g_assert_nonnull (strstr (portada_publish_dialog_get_summary (dialog), "8 created"));
  g_free (stored);
  stored = portada_settings_get (nr, PORTADA_SETTING_PUBLISH_TO, NULL);
  g_assert_cmpstr (stored, ==, url);

  /* Again: nothing to send. */
  push_with (dialog, password);
  g_assert_nonnull (strstr (portada_publish_dialog_get_summary (dialog), "8 unchanged"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (wordpress_server ("stop", server, NULL));
  {
    const char *argv[] = { "rm", "-rf", tmp, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_assert_nonnull (portada_get_resource ());
  g_test_add_func ("/publish/dialog", test_dialog);
  g_test_add_func ("/publish/dialog/host-key", test_host_key);
  g_test_add_func ("/publish/dialog/wordpress", test_wordpress);
  return g_test_run ();
}
