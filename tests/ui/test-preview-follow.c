/* test-preview-follow.c: the preview shows the part of the page at the top of the editor,
 * when an article opens, as the editor scrolls (Ctrl+Home too) and while typing.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "portada-article-editor.h"
#include "portada-articles.h"
#include "portada-markdown-view.h"
#include "portada-preview.h"
#include "portada-source-map.h"
#include "portada-ui-test.h"
#include "portada-window.h"

typedef struct
{
  PortadaApplication *app;
  char *path;
  gint64 id;
  char *body;
  PortadaWindow *window;
  PortadaArticleEditor *editor;
  PortadaPreview *preview;
  GtkTextView *view;
  GtkAdjustment *adjustment;
  int want_block;
  guint followed;
} Fixture;

/* A long article: 60 blocks, headings among them, one block every 3 lines or so. */
static char *
long_body (void)
{
  GString *body = g_string_new (NULL);

  for (int i = 0; i < 60; i++)
    {
      if (i % 10 == 5)
        g_string_append_printf (body, "## Part %d\n\n", i / 10);
      else
        g_string_append_printf (body,
                                "Paragraph %d of the report on the ports of the isthmus, "
                                "coffee exports, tourism visas and new airline routes to the "
                                "islands, long enough to wrap in the editor.\n\n",
                                i);
    }
  return g_string_free (body, FALSE);
}

static void
followed_cb (Fixture *f)
{
  f->followed++;
}

static gboolean
has_article (gpointer data)
{
  Fixture *f = data;
  const PortadaArticle *a = portada_article_editor_get_article (f->editor);
  return a && a->id == f->id;
}

static gboolean
followed_block (gpointer data)
{
  Fixture *f = data;
  return f->followed > 0 && portada_preview_get_followed_block (f->preview) == f->want_block;
}

static gboolean
followed_a_later_block (gpointer data)
{
  Fixture *f = data;
  return f->followed > 0 && portada_preview_get_followed_block (f->preview) > 5;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = NULL;
  g_autoptr (PortadaArticle) a = portada_article_new ();

  f->app = portada_ui_test_app ();
  f->path = portada_ui_test_demo_newsroom (0);
  nr = portada_newsroom_open (f->path, PORTADA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->body = long_body ();
  g_free (a->title);
  a->title = g_strdup ("A long report to scroll through");
  g_free (a->body);
  a->body = g_strdup (f->body);
  g_assert_true (portada_articles_save (nr, a, PORTADA_SAVE_DEFAULT, &error));
  f->id = a->id;
  g_clear_object (&nr);

  f->window = portada_window_new (f->app, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  f->editor = PORTADA_ARTICLE_EDITOR (portada_window_get_editor (f->window));
  f->preview
      = PORTADA_PREVIEW (portada_ui_test_find (GTK_WIDGET (f->editor), PORTADA_TYPE_PREVIEW));
  f->view
      = GTK_TEXT_VIEW (portada_ui_test_find (GTK_WIDGET (f->editor), PORTADA_TYPE_MARKDOWN_VIEW));
  f->adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (GTK_WIDGET (f->view), GTK_TYPE_SCROLLED_WINDOW)));
  g_signal_connect_swapped (f->preview, "followed", G_CALLBACK (followed_cb), f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-article", "x", f->id);
  g_assert_true (portada_ui_test_wait (has_article, f, 10000));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  portada_ui_test_sleep (50);
  g_clear_object (&f->app);
  g_free (f->path);
  g_free (f->body);
}

static double
eval_number (Fixture *f, const char *script)
{
  g_autofree char *text = portada_ui_test_eval (portada_preview_get_web_view (f->preview), script);
  g_assert_nonnull (text);
  return g_ascii_strtod (text, NULL);
}

/* The editor's view put at @line, as a scroll does; the preview must follow to @line's
 * block, whose element is then at the top of the preview (where the script puts it). */
static void
scroll_editor_to (Fixture *f, int line)
{
  GtkTextIter iter;
  int y, height;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (f->view), &iter, line);
  gtk_text_view_get_line_yrange (f->view, &iter, &y, &height);
  f->followed = 0;
  /* Buffer coordinates begin below the view's top margin. */
  gtk_adjustment_set_value (f->adjustment, y + gtk_text_view_get_top_margin (f->view));
}

static int
block_of_line (Fixture *f, int line)
{
  g_autoptr (GArray) lines = portada_markdown_block_lines (f->body);
  int block = -1;

  for (guint i = 0; i < lines->len; i++)
    if (g_array_index (lines, int, i) <= line)
      block = i;
  return block;
}

static void
assert_block_at_top (Fixture *f, int block)
{
  g_autofree char *script = g_strdup_printf (
      "(function(){var e=document.getElementById('portada-body').children[%d];"
      "return e.getAttribute('data-source-line')+' '+e.getBoundingClientRect().top;})()",
      block);
  g_autofree char *text = portada_ui_test_eval (portada_preview_get_web_view (f->preview), script);
  g_autoptr (GArray) lines = portada_markdown_block_lines (f->body);
  g_auto (GStrv) parts = g_strsplit (text, " ", 2);

  g_assert_cmpint (atoi (parts[0]), ==, g_array_index (lines, int, block));
  /* The block's top at the view's top (12 px of margin), whatever the page above it. */
  g_assert_cmpfloat (g_ascii_strtod (parts[1], NULL), >, 0);
  g_assert_cmpfloat (g_ascii_strtod (parts[1], NULL), <, 30);
}

static void
test_opens_at_the_top (Fixture *f, gconstpointer data)
{
  /* The editor opens at its first line: the preview at the top of the page, not the bottom. */
  f->want_block = -1;
  g_assert_true (portada_ui_test_wait (followed_block, f, 20000));
  g_assert_cmpfloat (gtk_adjustment_get_value (f->adjustment), ==, 0);
  g_assert_cmpfloat (eval_number (f, "window.scrollY"), ==, 0);
  g_assert_cmpfloat (eval_number (f, "document.body.scrollHeight"), >,
                     2 * eval_number (f, "window.innerHeight"));
}

static void
test_scroll_follows_blocks (Fixture *f, gconstpointer data)
{
  const int targets[] = { 40, 90, 20, 60 };

  f->want_block = -1;
  g_assert_true (portada_ui_test_wait (followed_block, f, 20000));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      scroll_editor_to (f, targets[i]);
      f->want_block = block_of_line (f, targets[i]);
      g_assert_cmpint (f->want_block, >, 0);
      g_assert_true (portada_ui_test_wait (followed_block, f, 10000));
      assert_block_at_top (f, f->want_block);
    }
  /* Ctrl+End, then Ctrl+Home, through the key bindings' own signal (what the keys
   * emit): the preview to the page's last block, then back to the top of the page. */
  f->followed = 0;
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  g_signal_emit_by_name (f->view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  g_assert_true (portada_ui_test_wait (followed_a_later_block, f, 10000));
  g_assert_cmpfloat (eval_number (f, "window.scrollY"), >, 0);
  f->followed = 0;
  f->want_block = -1;
  g_signal_emit_by_name (f->view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
  g_assert_true (portada_ui_test_wait (followed_block, f, 10000));
  g_assert_cmpfloat (gtk_adjustment_get_value (f->adjustment), ==, 0);
  g_assert_cmpfloat (eval_number (f, "window.scrollY"), ==, 0);
}

/* Typing keeps the preview on the block at the top of the editor. */
static void
test_typing_keeps_the_block (Fixture *f, gconstpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->view);
  GtkTextIter iter;

  f->want_block = -1;
  g_assert_true (portada_ui_test_wait (followed_block, f, 20000));
  scroll_editor_to (f, 70);
  f->want_block = block_of_line (f, 70);
  g_assert_true (portada_ui_test_wait (followed_block, f, 10000));
  for (int i = 0; i < 3; i++)
    {
      gtk_text_buffer_get_iter_at_line (buffer, &iter, 71);
      gtk_text_buffer_place_cursor (buffer, &iter);
      f->followed = 0;
      gtk_text_buffer_insert_interactive_at_cursor (buffer, "typed ", -1, TRUE);
      g_assert_true (portada_ui_test_wait (followed_block, f, 10000));
      assert_block_at_top (f, f->want_block);
    }
}

static gboolean
updated (gpointer data)
{
  return *(gboolean *) data;
}

static void
updated_cb (gboolean *flag)
{
  *flag = TRUE;
}

static char *
strip_order (Fixture *f)
{
  return portada_ui_test_eval (
      portada_preview_get_web_view (f->preview),
      "Array.from(document.querySelectorAll('.strip img')).map(function(i){return i.alt})"
      ".join('|')");
}

/* A new title (the address of an unpublished article follows it) does not reshuffle the
 * sponsor strips; the featured image and the rest stay the same elements; the date
 * button keeps its width when "Today" becomes "As of <date>". */
static void
test_no_jumps (Fixture *f, gconstpointer data)
{
  g_autoptr (PortadaArticle) edited
      = portada_article_copy (portada_article_editor_get_article (f->editor));
  g_autofree char *before = NULL, *after = NULL;
  GtkWidget *date_button = portada_ui_test_find (GTK_WIDGET (f->preview), GTK_TYPE_MENU_BUTTON);
  gboolean done = FALSE;
  int today_width, date_width;

  f->want_block = -1;
  g_assert_true (portada_ui_test_wait (followed_block, f, 20000));
  before = strip_order (f);
  g_assert_nonnull (before);
  g_assert_cmpstr (before, !=, "");
  portada_ui_test_eval (portada_preview_get_web_view (f->preview),
                        "document.querySelector('.strip').portadaMark=1;1");
  g_signal_connect_swapped (f->preview, "updated", G_CALLBACK (updated_cb), &done);
  for (int i = 0; i < 4; i++)
    {
      g_free (edited->title);
      edited->title = g_strdup_printf ("A retitled report, take %d", i);
      g_free (edited->slug);
      edited->slug = NULL;
      done = FALSE;
      portada_preview_show_article (f->preview, edited, TRUE, 0);
      g_assert_true (portada_ui_test_wait (updated, &done, 10000));
      g_free (after);
      after = strip_order (f);
      g_assert_cmpstr (after, ==, before);
    }
  /* Updated in place: the strip element is the one there before (a replaced one would
   * have lost the mark, and its images would blank while decoded again). */
  g_free (after);
  after = portada_ui_test_eval (portada_preview_get_web_view (f->preview),
                                "String(document.querySelector('.strip').portadaMark)");
  g_assert_cmpstr (after, ==, "1");
  g_signal_handlers_disconnect_by_func (f->preview, updated_cb, &done);

  g_assert_nonnull (date_button);
  gtk_widget_measure (date_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &today_width, NULL, NULL);
  portada_preview_set_date (f->preview, "2026-11-28");
  gtk_widget_measure (date_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &date_width, NULL, NULL);
  g_assert_cmpint (date_width, ==, today_width);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(path, fn) g_test_add ("/preview-follow/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("opens-at-the-top", test_opens_at_the_top);
  ADD ("scroll-follows-blocks", test_scroll_follows_blocks);
  ADD ("typing-keeps-the-block", test_typing_keeps_the_block);
  ADD ("no-jumps", test_no_jumps);
  return g_test_run ();
}
