/* portada-ui-test.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "portada-demo.h"
#include "portada-test-util.h"
#include "portada-ui-test.h"

/* One per test program: a second one would export the same D-Bus object path. */
PortadaApplication *
portada_ui_test_app (void)
{
  static PortadaApplication *app;
  g_autoptr (GError) error = NULL;

  if (app)
    return g_object_ref (app);
  app = portada_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return g_object_ref (app);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
portada_ui_test_wait (PortadaUiCondition cond, gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  while (!(cond && cond (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond && cond (data);
}

void
portada_ui_test_sleep (guint ms)
{
  portada_ui_test_wait (NULL, NULL, ms);
}

char *
portada_ui_test_demo_newsroom (guint n)
{
  static int count;
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *name = g_strdup_printf ("demo-%d.db", ++count);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) newsroom = portada_newsroom_open (path, PORTADA_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (portada_demo_fill (newsroom, n, NULL, NULL, &error));
  g_assert_no_error (error);
  portada_newsroom_close (newsroom);
  return path;
}

typedef struct
{
  JSCValue *value;
  GError *error;
  gboolean done;
} EvalResult;

static void
eval_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  EvalResult *r = user_data;

  r->value
      = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
eval_done (gpointer data)
{
  return ((EvalResult *) data)->done;
}

static void
call_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  EvalResult *r = user_data;

  r->value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source),
                                                                    result, &r->error);
  r->done = TRUE;
}

char *
portada_ui_test_call_async (WebKitWebView *view, const char *body)
{
  EvalResult r = { 0 };
  char *text = NULL;

  webkit_web_view_call_async_javascript_function (view, body, -1, NULL, NULL, NULL, NULL,
                                                  call_done_cb, &r);
  g_assert_true (portada_ui_test_wait (eval_done, &r, 15000));
  if (r.value)
    text = jsc_value_to_string (r.value);
  else
    g_test_message ("script failed: %s", r.error->message);
  g_clear_object (&r.value);
  g_clear_error (&r.error);
  return text;
}

char *
portada_ui_test_eval (WebKitWebView *view, const char *script)
{
  EvalResult r = { 0 };
  char *text = NULL;

  webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, eval_done_cb, &r);
  g_assert_true (portada_ui_test_wait (eval_done, &r, 10000));
  if (r.value)
    text = jsc_value_to_string (r.value);
  else
    g_test_message ("script failed: %s", r.error->message);
  g_clear_object (&r.value);
  g_clear_error (&r.error);
  return text;
}

/* Windows are drawn through their content: a widget paintable of a root draws nothing. */
static char *
screenshot_dir (void)
{
  /* Under the build folder; run by hand, under the temporary folder, never the sources. */
  char *dir
      = g_getenv ("PORTADA_BUILD_ROOT")
            ? g_build_filename (g_getenv ("PORTADA_BUILD_ROOT"), "tests", "ui", "screenshots", NULL)
            : g_build_filename (g_get_tmp_dir (), "portada-screenshots", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

static void wait_for_frame (GtkWidget *widget);

/* The X screen as it is, web views included (their pages are drawn by another process
 * and are not in GTK's own snapshot); GTK's snapshot when ImageMagick is missing. */
char *
portada_ui_test_screenshot (GtkWidget *widget, const char *name)
{
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *dir = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path;
  int status = -1;

  if (import == NULL || g_getenv ("DISPLAY") == NULL)
    return portada_ui_test_screenshot_widget (
        GTK_IS_WINDOW (widget) ? gtk_window_get_child (GTK_WINDOW (widget)) : widget, name);
  dir = screenshot_dir ();
  path = g_build_filename (dir, file, NULL);
  wait_for_frame (widget);
  portada_ui_test_sleep (150);
  {
    const char *argv[] = { import, "-window", "root", path, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, NULL));
  }
  g_assert_cmpint (status, ==, 0);
  g_test_message ("screenshot: %s", path);
  return path;
}

static void
after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits until the window has drawn a frame with what the test just did. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  if (clock == NULL)
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  portada_ui_test_wait (is_true, &painted, 2000);
  g_signal_handler_disconnect (clock, id);
}

char *
portada_ui_test_screenshot_widget (GtkWidget *widget, const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  dir = screenshot_dir ();
  wait_for_frame (widget);
  path = g_build_filename (dir, file, NULL);
  /* Right after a change the widget may have nothing drawn yet: try a few frames. */
  for (int attempt = 0; attempt < 10 && node == NULL; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      if (attempt > 0)
        wait_for_frame (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return path;
}

GtkWidget *
portada_ui_test_find (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = portada_ui_test_find (child, type);
      if (found)
        return found;
    }
  return NULL;
}
