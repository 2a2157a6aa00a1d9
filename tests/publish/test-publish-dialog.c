/* test-publish-dialog.c: the Publish dialog: a bad address refused in the dialog, a
 * publish to a folder with its summary, the destination kept in the newsroom, a second
 * publish that sends nothing. Runs under Xvfb.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_assert_nonnull (portada_get_resource ());
  g_test_add_func ("/publish/dialog", test_dialog);
  return g_test_run ();
}
