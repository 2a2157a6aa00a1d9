/* bench-window.c: how fast the window starts, renders and follows typing.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-window PORTADA FILE: run under tests/xvfb-run-test (bench/run does). FILE is a
 * newsroom (bench/run makes one of 10,000 articles); a 5,000-word article is added to it.
 *   1. time to first window: PORTADA --db FILE started 5 times, until its first frame
 *      showing the newsroom is drawn (the program reports it, PORTADA_REPORT_STARTUP);
 *   2. render time of the 5,000-word article's page, and of its body alone;
 *   3. preview update latency: a keystroke in that article until the preview's page
 *      holds it (including the editor's idle delay), and what a keystroke itself costs.
 */

#include "config.h"

#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "portada-application.h"
#include "portada-article-editor.h"
#include "portada-articles.h"
#include "portada-markdown.h"
#include "portada-page.h"
#include "portada-preview.h"
#include "portada-window.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *label, double *ms, int n)
{
  qsort (ms, n, sizeof *ms, compare_doubles);
  printf ("  %-44s median %8.2f ms   best %8.2f ms   worst %8.2f ms   (%d runs)\n", label,
          ms[n / 2], ms[0], ms[n - 1], n);
  fflush (stdout);
}

/* CPU time (user + system) the process @pid has used so far, in milliseconds: unlike the
 * wall clock, it does not grow when other programs share the processors. */
static double
cpu_ms (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  g_auto (GStrv) fields = NULL;
  const char *end;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (end = strrchr (text, ')')) == NULL)
    return 0;
  fields = g_strsplit (end + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0
         / sysconf (_SC_CLK_TCK);
}

/* Reads the program's standard error until it reports its first frame. */
static double
one_startup (const char *portada, const char *db, double *cpu)
{
  const char *argv[] = { portada, "--db", db, NULL };
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "PORTADA_REPORT_STARTUP", "1", TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GIOChannel) channel = NULL;
  gint64 start = g_get_monotonic_time (), frame = 0;
  GPid pid;
  int err_fd;

  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, NULL, &err_fd, &error))
    g_error ("%s", error->message);
  channel = g_io_channel_unix_new (err_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  while (frame == 0)
    {
      g_autofree char *line = NULL;
      if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
        g_error ("portada ended before showing a window");
      if (g_str_has_prefix (line, "portada-first-frame "))
        frame = g_ascii_strtoll (line + 20, NULL, 10);
    }
  *cpu = cpu_ms (pid);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  return (frame - start) / 1000.0;
}

static gint64
add_long_article (PortadaNewsroom *newsroom)
{
  g_autoptr (PortadaArticle) a = portada_article_new ();
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *sentence = "The regional ministers met the port authority to discuss coffee "
                         "exports, tourism visas and the new airline routes to the islands. ";

  /* 20 words a sentence, 5 sentences a paragraph, 50 paragraphs: 5,000 words. */
  for (int p = 0; p < 50; p++)
    {
      if (p % 10 == 5)
        g_string_append_printf (body, "## Part %d\n\n", p / 10 + 1);
      for (int s = 0; s < 5; s++)
        g_string_append (body, sentence);
      g_string_append (body, "\n\n");
    }
  g_free (a->title);
  a->title = g_strdup ("A five-thousand-word report for the benchmark");
  g_free (a->body);
  a->body = g_string_free (g_steal_pointer (&body), FALSE);
  a->status = PORTADA_STATUS_PUBLISHED;
  a->publish_at = g_get_real_time () / G_USEC_PER_SEC;
  if (!portada_articles_save (newsroom, a, PORTADA_SAVE_DEFAULT, &error))
    g_error ("%s", error->message);
  printf ("  (the article has %u words)\n", portada_text_count_words (a->body));
  return a->id;
}

static void
bench_render (PortadaNewsroom *newsroom, gint64 id)
{
  g_autoptr (PortadaArticle) a = portada_articles_load (newsroom, id, NULL);
  double page[15], body[15];

  for (int i = 0; i < 15; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autofree char *html = portada_page_render_article (newsroom, a, NULL, NULL);
      gint64 t1 = g_get_monotonic_time ();
      g_autofree char *b = portada_markdown_to_html (a->body);
      gint64 t2 = g_get_monotonic_time ();

      g_assert_nonnull (html);
      page[i] = (t1 - t0) / 1000.0;
      body[i] = (t2 - t1) / 1000.0;
    }
  report ("whole article page (5,000 words)", page, 15);
  report ("its body alone (Markdown to safe HTML)", body, 15);
}

static gboolean updated;

static void
updated_cb (void)
{
  updated = TRUE;
}

static void
spin_until_updated (guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!updated && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
bench_preview (const char *db, gint64 id)
{
  g_autoptr (PortadaApplication) app = portada_application_new ();
  PortadaWindow *window;
  PortadaArticleEditor *editor;
  PortadaPreview *preview = NULL;
  GtkTextBuffer *buffer;
  double latency[20], keystroke[20];

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = portada_window_new (app, db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  editor = PORTADA_ARTICLE_EDITOR (portada_window_get_editor (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-article", "x", id);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (editor)); w && !preview;)
    {
      /* The preview is a descendant of the editor; walk depth first. */
      if (PORTADA_IS_PREVIEW (w))
        preview = PORTADA_PREVIEW (w);
      else if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && !gtk_widget_get_next_sibling (w))
            w = w == GTK_WIDGET (editor) ? NULL : gtk_widget_get_parent (w);
          w = w && w != GTK_WIDGET (editor) ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (preview);
  g_signal_connect (preview, "updated", G_CALLBACK (updated_cb), NULL);
  updated = FALSE;
  spin_until_updated (10000);
  buffer = portada_article_editor_get_buffer (editor);
  portada_article_editor_place_cursor (editor, gtk_text_buffer_get_char_count (buffer) / 2);
  for (int i = 0; i < 20; i++)
    {
      gint64 t0 = g_get_monotonic_time (), t1;

      updated = FALSE;
      gtk_text_buffer_insert_interactive_at_cursor (buffer, "x", 1, TRUE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      t1 = g_get_monotonic_time ();
      spin_until_updated (10000);
      g_assert_true (updated);
      keystroke[i] = (t1 - t0) / 1000.0;
      latency[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  report ("keystroke (insert, and what runs at once)", keystroke, 20);
  report ("keystroke to preview updated", latency, 20);
  printf ("  (of which the editor waits %d ms for typing to pause)\n", PORTADA_IDLE_UPDATE_MS);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autoptr (GError) error = NULL;
  double startup[5], cpu[5], ignored;
  gint64 id;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-window PORTADA NEWSROOM-FILE\n");
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  newsroom = portada_newsroom_open (argv[2], PORTADA_OPEN_DEFAULT, &error);
  if (newsroom == NULL)
    g_error ("%s", error->message);
  printf ("  (%" G_GINT64_FORMAT " articles)\n", portada_articles_count (newsroom, NULL, NULL));
  id = add_long_article (newsroom);

  printf ("-- time to first window (portada --db, first frame drawn)\n");
  one_startup (argv[1], argv[2], &ignored); /* warms the disk cache */
  for (int i = 0; i < 5; i++)
    startup[i] = one_startup (argv[1], argv[2], &cpu[i]);
  report ("start to first frame (wall clock)", startup, 5);
  report ("processor time used until then", cpu, 5);

  printf ("-- render time\n");
  bench_render (newsroom, id);

  printf ("-- preview update latency\n");
  gtk_init ();
  adw_init ();
  bench_preview (argv[2], id);
  return 0;
}
