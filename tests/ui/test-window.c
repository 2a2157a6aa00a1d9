/* test-window.c: the window on a demo newsroom, driven as an editor would.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "portada-article-editor.h"
#include "portada-article-fields.h"
#include "portada-article-list.h"
#include "portada-articles.h"
#include "portada-export-dialog.h"
#include "portada-markdown-view.h"
#include "portada-media.h"
#include "portada-preview.h"
#include "portada-revisions-dialog.h"
#include "portada-settings.h"
#include "portada-test-util.h"
#include "portada-trash-dialog.h"
#include "portada-trash.h"
#include "portada-ui-test.h"
#include "portada-window.h"

#define TYPED "Typed by the window test: quetzal"

typedef struct
{
  PortadaApplication *app;
  char *path;
  PortadaWindow *window;
  PortadaArticleEditor *editor;
  PortadaPreview *preview;
} Fixture;

static gboolean
has_article (gpointer data)
{
  Fixture *f = data;
  return portada_article_editor_get_article (f->editor) != NULL;
}

static void
open_window (Fixture *f, const char *path)
{
  f->window = portada_window_new (f->app, path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  f->editor = PORTADA_ARTICLE_EDITOR (portada_window_get_editor (f->window));
  f->preview
      = PORTADA_PREVIEW (portada_ui_test_find (GTK_WIDGET (f->editor), PORTADA_TYPE_PREVIEW));
  g_assert_nonnull (f->preview);
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->app = portada_ui_test_app ();
  f->path = portada_ui_test_demo_newsroom (40);
  open_window (f, f->path);
  g_assert_true (portada_ui_test_wait (has_article, f, 5000));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  portada_ui_test_sleep (50);
  g_clear_object (&f->app);
  g_free (f->path);
}

/* The article as stored, read through a connection of its own. */
static PortadaArticle *
stored (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) other = portada_newsroom_open (f->path, PORTADA_OPEN_DEFAULT, &error);
  PortadaArticle *article;

  g_assert_no_error (error);
  article = portada_articles_load (other, id, &error);
  g_assert_no_error (error);
  return article;
}

typedef struct
{
  Fixture *f;
  gint64 id;
  const char *text;
} Expect;

static gboolean
stored_has_text (gpointer data)
{
  Expect *e = data;
  g_autoptr (PortadaArticle) a = stored (e->f, e->id);
  return strstr (a->body, e->text) != NULL;
}

static char *
preview_body_text (Fixture *f)
{
  return portada_ui_test_eval (portada_preview_get_web_view (f->preview),
                               "document.getElementById('portada-body').textContent");
}

static gboolean
preview_has_text (gpointer data)
{
  Expect *e = data;
  g_autofree char *text = preview_body_text (e->f);
  return text && strstr (text, e->text) != NULL;
}

static void
type_at_end (Fixture *f, const char *text)
{
  GtkTextBuffer *buffer = portada_article_editor_get_buffer (f->editor);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  /* One character at a time, as a keyboard would. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char c[8] = { 0 };
      memcpy (c, p, g_utf8_next_char (p) - p);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, c, -1, TRUE);
      g_main_context_iteration (NULL, FALSE);
    }
}

static gboolean preview_loaded (gpointer data);

static void
note_time_cb (gint64 *when)
{
  if (*when == 0)
    *when = g_get_monotonic_time ();
}

static gboolean
is_nonzero (gpointer data)
{
  return *(gint64 *) data != 0;
}

static void
test_type_autosave_preview (Fixture *f, gconstpointer data)
{
  gint64 id = portada_article_editor_get_article (f->editor)->id;
  Expect e = { f, id, TYPED };
  gint64 typed_at, saved_at = 0;

  g_assert_cmpstr (portada_window_get_page (f->window), ==, "newsroom");
  /* WebKit's processes start after the first frame; the timing below is the editor's. */
  g_assert_true (portada_ui_test_wait (preview_loaded, f, 15000));
  type_at_end (f, "\n\n" TYPED);
  typed_at = g_get_monotonic_time ();
  g_assert_true (portada_article_editor_has_unsaved (f->editor));
  /* Not stored at once (typing is not slowed by writes)... */
  g_assert_false (stored_has_text (&e));
  /* ...but within two seconds of the last keystroke. */
  g_signal_connect_swapped (f->editor, "saved", G_CALLBACK (note_time_cb), &saved_at);
  g_assert_true (portada_ui_test_wait (is_nonzero, &saved_at, 5000));
  g_assert_cmpint (saved_at - typed_at, <, 2 * G_USEC_PER_SEC);
  g_assert_true (stored_has_text (&e));
  g_assert_false (portada_article_editor_has_unsaved (f->editor));
  /* The preview's page holds the typed text, in the body element. */
  g_assert_true (portada_ui_test_wait (preview_has_text, &e, 8000));
  g_assert_null (portada_preview_get_error (f->preview));
  g_free (portada_ui_test_screenshot (GTK_WIDGET (f->window), "window-side-by-side"));
}

static void
test_layouts (Fixture *f, gconstpointer data)
{
  GtkWidget *body = portada_ui_test_find (GTK_WIDGET (f->editor), PORTADA_TYPE_MARKDOWN_VIEW);

  portada_ui_test_sleep (300);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "editor");
  g_assert_cmpint (portada_article_editor_get_layout (f->editor), ==, PORTADA_LAYOUT_EDITOR);
  portada_ui_test_sleep (200);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (f->preview)));
  g_assert_true (gtk_widget_is_visible (body));
  g_free (portada_ui_test_screenshot (GTK_WIDGET (f->window), "window-editor-only"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "preview");
  portada_ui_test_sleep (800);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (f->preview)));
  g_assert_false (gtk_widget_is_visible (body));
  g_free (portada_ui_test_screenshot (GTK_WIDGET (f->window), "window-preview-only"));

  portada_preview_set_phone_width (f->preview, TRUE);
  portada_ui_test_sleep (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (portada_preview_get_web_view (f->preview))),
                   ==, PORTADA_PREVIEW_PHONE_WIDTH);
  g_free (portada_ui_test_screenshot (GTK_WIDGET (f->window), "window-preview-phone"));
  portada_preview_set_phone_width (f->preview, FALSE);

  /* A layout name that does not exist changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "upside-down");
  g_assert_cmpint (portada_article_editor_get_layout (f->editor), ==, PORTADA_LAYOUT_PREVIEW);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "side-by-side");
  g_assert_cmpint (portada_article_editor_get_layout (f->editor), ==, PORTADA_LAYOUT_SIDE_BY_SIDE);
  g_assert_true (gtk_widget_is_visible (body));
}

static void
test_huge_paste (Fixture *f, gconstpointer data)
{
  gint64 id = portada_article_editor_get_article (f->editor)->id;
  g_autoptr (PortadaArticle) before = stored (f, id);
  g_autoptr (PortadaArticle) after = NULL;
  gsize size = 10 * 1024 * 1024;
  g_autofree char *huge = g_malloc (size + 1);
  GtkTextBuffer *buffer = portada_article_editor_get_buffer (f->editor);

  memset (huge, 'a', size);
  huge[size] = '\0';
  for (gsize i = 80; i < size; i += 81)
    huge[i] = ' ';
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, huge, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  g_assert_nonnull (portada_article_editor_get_message (f->editor));
  g_assert_nonnull (strstr (portada_article_editor_get_message (f->editor), "MB"));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, g_utf8_strlen (before->body, -1));
  portada_ui_test_sleep (1500);
  after = stored (f, id);
  g_assert_cmpstr (after->body, ==, before->body);
  g_free (portada_ui_test_screenshot (GTK_WIDGET (f->window), "window-huge-paste"));
}

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
label_says (gpointer data)
{
  const char *const *what = data;
  return strstr (gtk_label_get_label (GTK_LABEL (what[0])), what[1]) != NULL;
}

static gboolean
row_titled_logo (gpointer data)
{
  return g_strcmp0 (adw_preferences_row_get_title (data), "logo-120x48.png") == 0;
}

typedef struct
{
  Fixture *f;
  gint64 id;
  gint64 old; /* the featured image before */
} FeaturedSaved;

static gboolean
featured_saved (gpointer data)
{
  FeaturedSaved *s = data;
  g_autoptr (PortadaArticle) a = stored (s->f, s->id);
  return a->featured_media_id != 0 && a->featured_media_id != s->old;
}

static void
test_bad_fields (Fixture *f, gconstpointer data)
{
  GtkWidget *fields = portada_ui_test_find (GTK_WIDGET (f->editor), PORTADA_TYPE_ARTICLE_FIELDS);
  GtkEditable *url_row = GTK_EDITABLE (
      gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "source_url_row"));
  GtkWidget *url_error = GTK_WIDGET (
      gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "source_url_error"));
  GtkWidget *image_error = GTK_WIDGET (
      gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "image_error"));
  gint64 id = portada_article_editor_get_article (f->editor)->id;
  g_autoptr (PortadaArticle) before = stored (f, id);
  g_autoptr (PortadaArticle) after = NULL;
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *not_image = g_build_filename (dir, "notes.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (not_image);
  Expect e = { f, id, "still stored" };

  /* A source address that is no web address: said inline, the rest still saved. */
  gtk_editable_set_text (url_row, "javascript:alert(1)");
  g_assert_true (gtk_widget_get_visible (url_error));
  type_at_end (f, " still stored");
  g_assert_true (portada_ui_test_wait (stored_has_text, &e, 2500));
  after = stored (f, id);
  g_assert_cmpstr (after->source_url, ==, before->source_url);
  gtk_editable_set_text (url_row, "https://www.example.org/news/1");
  g_assert_false (gtk_widget_get_visible (url_error));

  /* A text file named like an image, as the featured image: said inline. */
  g_assert_true (g_file_set_contents (not_image, "just some words, not a picture", -1, NULL));
  portada_article_fields_set_image_file (PORTADA_ARTICLE_FIELDS (fields), file);
  g_assert_true (portada_ui_test_wait (label_visible, image_error, 5000));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (image_error)), "notes.png"));
  /* An SVG bomb goes through the core's checks as every image does: refused. */
  {
    g_autofree char *bomb_path = g_build_filename (dir, "fan-out.svg", NULL);
    g_autoptr (GFile) bomb = g_file_new_for_path (bomb_path);
    GString *svg = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' width='9' height='9'>"
                                 "<rect id='l0' width='1' height='1'/>");
    const char *what[] = { (const char *) image_error, "fan-out.svg: " };
    for (int l = 1; l <= 11; l++)
      {
        g_string_append_printf (svg, "<g id='l%d'>", l);
        for (int k = 0; k < 10; k++)
          g_string_append_printf (svg, "<use href='#l%d'/>", l - 1);
        g_string_append (svg, "</g>");
      }
    g_string_append (svg, "</svg>");
    g_assert_true (g_file_set_contents (bomb_path, svg->str, -1, NULL));
    g_string_free (svg, TRUE);
    portada_article_fields_set_image_file (PORTADA_ARTICLE_FIELDS (fields), bomb);
    g_assert_true (portada_ui_test_wait (label_says, what, 5000));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (image_error)), "<use>"));
  }
  /* A good image: its alt text, caption and credit are edited beside it. */
  {
    g_autofree char *png = g_build_filename (g_getenv ("PORTADA_SOURCE_ROOT"), "tests", "corpus",
                                             "images", "logo-120x48.png", NULL);
    g_autoptr (GFile) png_file = g_file_new_for_path (png);
    GtkWidget *alt_row = GTK_WIDGET (
        gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "image_alt_row"));
    GtkWidget *credit_row = GTK_WIDGET (
        gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "image_credit_row"));
    g_autoptr (PortadaArticle) with_image = NULL;
    g_autoptr (PortadaMedia) m = NULL;

    GtkWidget *image_row = GTK_WIDGET (
        gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "image_row"));

    portada_article_fields_set_image_file (PORTADA_ARTICLE_FIELDS (fields), png_file);
    g_assert_true (portada_ui_test_wait (row_titled_logo, image_row, 5000));
    g_assert_true (gtk_widget_get_visible (alt_row));
    /* The new image's own (empty) alt text, not the demo picture's. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (alt_row)), ==, "");
    gtk_editable_set_text (GTK_EDITABLE (alt_row), "  A blue logo  ");
    g_signal_emit_by_name (alt_row, "apply");
    gtk_editable_set_text (GTK_EDITABLE (credit_row), "Design desk");
    g_signal_emit_by_name (credit_row, "apply");
    {
      FeaturedSaved saved = { f, id, before->featured_media_id };
      g_assert_true (portada_ui_test_wait (featured_saved, &saved, 5000));
    }
    with_image = stored (f, id);
    g_assert_cmpint (with_image->featured_media_id, !=, 0);
    m = portada_media_load_info (portada_window_get_newsroom (f->window),
                                 with_image->featured_media_id, NULL);
    g_assert_cmpstr (m->alt_text, ==, "A blue logo");
    g_assert_cmpstr (m->credit, ==, "Design desk");
    g_assert_false (gtk_widget_get_visible (image_error));
    /* The article now keeps this image: what the end of the test compares. */
    before->featured_media_id = with_image->featured_media_id;
  }
  g_free (portada_ui_test_screenshot (GTK_WIDGET (f->window), "window-bad-fields"));
  portada_ui_test_sleep (1500);
  g_clear_pointer (&after, portada_article_free);
  after = stored (f, id);
  g_assert_cmpint (after->featured_media_id, ==, before->featured_media_id);
  g_assert_cmpstr (after->source_url, ==, "https://www.example.org/news/1");
}

/* The Trash's Restore button of its first row. */
static GtkWidget *
find_restore_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "article-id"))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_restore_button (c);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_new_delete_undo (Fixture *f, gconstpointer data)
{
  PortadaArticleList *list = PORTADA_ARTICLE_LIST (portada_window_get_article_list (f->window));
  guint n = portada_article_list_get_n_items (list);
  g_autofree char *uuid = NULL;
  gint64 first;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-article", NULL);
  g_assert_cmpuint (portada_article_list_get_n_items (list), ==, n + 1);
  first = portada_article_editor_get_article (f->editor)->id;
  type_at_end (f, "A new story");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.translate-article", NULL);
  g_assert_cmpuint (portada_article_list_get_n_items (list), ==, n + 2);
  g_assert_cmpstr (portada_article_editor_get_article (f->editor)->lang, ==, "es");
  g_assert_cmpint (portada_article_editor_get_article (f->editor)->id, !=, first);
  /* The first one was saved on switching, before its autosave came. */
  {
    g_autoptr (PortadaArticle) a = stored (f, first);
    g_assert_cmpstr (a->body, ==, "A new story");
    g_assert_cmpstr (a->translation_group, ==,
                     portada_article_editor_get_article (f->editor)->translation_group);
  }

  uuid = g_strdup (portada_article_editor_get_article (f->editor)->uuid);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-article", NULL);
  g_assert_cmpuint (portada_article_list_get_n_items (list), ==, n + 1);
  g_assert_null (portada_article_editor_get_article (f->editor));
  g_free (portada_ui_test_screenshot (GTK_WIDGET (f->window), "window-deleted"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL);
  g_assert_cmpuint (portada_article_list_get_n_items (list), ==, n + 2);
  g_assert_nonnull (portada_article_editor_get_article (f->editor));
  g_assert_cmpstr (portada_article_editor_get_article (f->editor)->uuid, ==, uuid);
  /* Undo twice brings nothing more back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL);
  g_assert_cmpuint (portada_article_list_get_n_items (list), ==, n + 2);

  /* Deleted again: it waits in the Trash, whose Restore brings it back. */
  {
    PortadaNewsroom *nr = NULL;
    PortadaTrashDialog *trash;
    GtkWidget *button;
    gint64 id = portada_article_editor_get_article (f->editor)->id;

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-article", NULL);
    g_assert_cmpuint (portada_article_list_get_n_items (list), ==, n + 1);
    nr = g_object_ref (portada_window_get_newsroom (f->window));
    g_assert_cmpint (portada_trash_deleted_at (nr, id, NULL), >, 0);
    /* The Trash as the menu opens it. */
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash", NULL);
    trash = NULL;
    {
      g_autoptr (GList) tops = gtk_window_list_toplevels ();
      for (GList *l = tops; l; l = l->next)
        if (PORTADA_IS_TRASH_DIALOG (l->data))
          trash = l->data;
    }
    g_assert_nonnull (trash);
    g_assert_cmpuint (portada_trash_dialog_get_n_items (trash), ==, 1);
    g_free (portada_ui_test_screenshot (GTK_WIDGET (trash), "trash-dialog"));
    button = find_restore_button (GTK_WIDGET (trash));
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_assert_cmpuint (portada_trash_dialog_get_n_items (trash), ==, 0);
    g_assert_cmpint (portada_trash_deleted_at (nr, id, NULL), ==, 0);
    g_assert_cmpuint (portada_article_list_get_n_items (list), ==, n + 2);
    gtk_window_destroy (GTK_WINDOW (trash));
    g_object_unref (nr);
  }
}

static void
test_search (Fixture *f, gconstpointer data)
{
  PortadaArticleList *list = PORTADA_ARTICLE_LIST (portada_window_get_article_list (f->window));
  guint all = portada_article_list_get_n_items (list);

  portada_article_list_set_search (list, "cybersecurity");
  g_assert_cmpuint (portada_article_list_get_n_items (list), >=, 1);
  g_assert_cmpuint (portada_article_list_get_n_items (list), <, all);
  /* FTS syntax typed by a user is only text. */
  portada_article_list_set_search (list, "\"AND OR NEAR( *");
  g_assert_cmpuint (portada_article_list_get_n_items (list), ==, 0);
  portada_article_list_set_search (list, "");
  g_assert_cmpuint (portada_article_list_get_n_items (list), ==, all);
}

static void
test_reopen_where_left (Fixture *f, gconstpointer data)
{
  gint64 id;

  portada_article_editor_place_cursor (f->editor, 42);
  id = portada_article_editor_get_article (f->editor)->id;
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  portada_ui_test_sleep (100);
  open_window (f, NULL);
  g_assert_true (portada_ui_test_wait (has_article, f, 5000));
  g_assert_cmpint (portada_article_editor_get_article (f->editor)->id, ==, id);
  g_assert_cmpint (portada_article_editor_get_cursor (f->editor), ==, 42);
}

static PortadaExportDialog *
open_export_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      /* Kept alive by the test: the dialog closes itself when done. */
      if (PORTADA_IS_EXPORT_DIALOG (w))
        return g_object_ref (PORTADA_EXPORT_DIALOG (w));
    }
  g_assert_not_reached ();
}

static gboolean
export_stopped (gpointer data)
{
  return !portada_export_dialog_is_running (data);
}

static void
finished_cb (PortadaExportDialog *dialog, const char *folder, char **out)
{
  *out = g_strdup (folder);
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *site = g_build_filename (dir, "export-site", NULL);
  g_autofree char *index = g_build_filename (site, "index.html", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", NULL);
  g_autofree char *markdown = g_build_filename (dir, "export-md", NULL);
  g_autofree char *content = g_build_filename (markdown, "content", NULL);
  g_autofree char *wxr = g_build_filename (dir, "export-wxr", NULL);
  g_autofree char *wxr_en = g_build_filename (wxr, "en.wxr.xml", NULL);
  g_autofree char *finished = NULL;
  PortadaExportDialog *dialog;

  /* Typed text is in the export: the dialog's thread reads through its own connection. */
  type_at_end (f, " exported words");
  dialog = open_export_dialog (f);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  portada_ui_test_sleep (200);
  g_free (portada_ui_test_screenshot_widget (gtk_window_get_child (GTK_WINDOW (dialog)),
                                             "export-dialog"));

  /* Bad input: a folder whose parent does not exist. */
  portada_export_dialog_set_destination (dialog, missing);
  portada_export_dialog_start (dialog);
  g_assert_true (portada_ui_test_wait (export_stopped, dialog, 20000));
  g_assert_nonnull (portada_export_dialog_get_error (dialog));
  g_assert_null (finished);

  /* Stopped at once: nothing left behind. */
  portada_export_dialog_set_destination (dialog, site);
  portada_export_dialog_start (dialog);
  portada_export_dialog_cancel (dialog);
  g_assert_true (portada_ui_test_wait (export_stopped, dialog, 20000));
  g_assert_null (finished);
  g_assert_false (g_file_test (index, G_FILE_TEST_EXISTS));

  portada_export_dialog_start (dialog);
  g_assert_true (portada_export_dialog_is_running (dialog));
  /* The window goes on while the export runs. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->editor)));
  g_assert_true (portada_ui_test_wait (export_stopped, dialog, 60000));
  g_assert_null (portada_export_dialog_get_error (dialog));
  g_assert_cmpstr (finished, ==, site);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_free (portada_ui_test_screenshot (GTK_WIDGET (f->window), "window-exported"));
  g_object_unref (dialog);

  /* The destination and format are remembered; Markdown the same way. */
  dialog = open_export_dialog (f);
  g_assert_cmpstr (portada_export_dialog_get_destination (dialog), ==, site);
  g_clear_pointer (&finished, g_free);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  portada_export_dialog_set_format (dialog, PORTADA_EXPORT_MARKDOWN);
  portada_export_dialog_set_destination (dialog, markdown);
  portada_export_dialog_start (dialog);
  g_assert_true (portada_ui_test_wait (export_stopped, dialog, 60000));
  g_assert_null (portada_export_dialog_get_error (dialog));
  g_assert_cmpstr (finished, ==, markdown);
  g_assert_true (g_file_test (content, G_FILE_TEST_IS_DIR));
  g_object_unref (dialog);

  /* WordPress: one WXR file a language. */
  dialog = open_export_dialog (f);
  g_clear_pointer (&finished, g_free);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  portada_export_dialog_set_format (dialog, PORTADA_EXPORT_WXR);
  portada_export_dialog_set_destination (dialog, wxr);
  portada_export_dialog_start (dialog);
  g_assert_true (portada_ui_test_wait (export_stopped, dialog, 60000));
  g_assert_null (portada_export_dialog_get_error (dialog));
  g_assert_cmpstr (finished, ==, wxr);
  g_assert_true (g_file_test (wxr_en, G_FILE_TEST_IS_REGULAR));
  g_object_unref (dialog);
}

static gboolean
preview_loaded (gpointer data)
{
  Fixture *f = data;
  g_autofree char *text = preview_body_text (f);
  return text && *text;
}

static char *
call_async (WebKitWebView *view, const char *body)
{
  return portada_ui_test_call_async (view, body);
}

static gboolean
link_cb (PortadaPreview *preview, const char *uri, char **clicked)
{
  g_free (*clicked);
  *clicked = g_strdup (uri);
  return TRUE;
}

static void
test_preview_sealed (Fixture *f, gconstpointer data)
{
  WebKitWebView *view = portada_preview_get_web_view (f->preview);
  g_autofree char *page_uri = NULL;
  g_autofree char *result = NULL;
  g_autofree char *clicked = NULL;
  g_autofree char *strip_today = NULL;
  g_autofree char *strip_then = NULL;

  g_assert_true (portada_ui_test_wait (preview_loaded, f, 10000));
  page_uri = g_strdup (webkit_web_view_get_uri (view));
  g_assert_true (g_str_has_prefix (page_uri, "portada://"));

  /* The page's stylesheet came through the portada: scheme. */
  result = portada_ui_test_eval (view, "document.styleSheets.length > 0 && "
                                       "document.styleSheets[0].cssRules.length > 0");
  g_assert_cmpstr (result, ==, "true");
  g_clear_pointer (&result, g_free);

  /* No script of the page's own runs, whatever gets into it. */
  result = portada_ui_test_eval (view, "var s = document.createElement('script');"
                                       "s.textContent = 'window.ran = 1';"
                                       "document.body.appendChild(s); String(window.ran)");
  g_assert_cmpstr (result, ==, "undefined");
  g_clear_pointer (&result, g_free);

  /* Nothing is loaded from the network: the policy refuses it. */
  result = call_async (view, "return new Promise (function (done) {"
                             "  document.addEventListener ('securitypolicyviolation',"
                             "    function (e) { if (e.blockedURI.indexOf ('tracker') >= 0)"
                             "      done (e.violatedDirective + ' ' + e.blockedURI); });"
                             "  var i = document.createElement ('img');"
                             "  i.src = 'https://tracker.example.com/pixel.png';"
                             "  document.body.appendChild (i);"
                             "  setTimeout (function () { done ('loaded'); }, 4000);"
                             "});");
  g_assert_nonnull (result);
  g_test_message ("policy violation: %s", result);
  g_assert_true (g_str_has_prefix (result, "img-src"));
  g_clear_pointer (&result, g_free);

  /* A form posts nowhere, a script cannot navigate, a link opens outside. */
  g_free (portada_ui_test_eval (view, "var f = document.querySelector('form');"
                                      "if (f) f.submit(); 'ok'"));
  g_free (portada_ui_test_eval (view, "window.location.href = 'https://example.com/'; 'ok'"));
  g_signal_connect (f->preview, "link-activated", G_CALLBACK (link_cb), &clicked);
  g_free (portada_ui_test_eval (view, "var a = document.createElement('a');"
                                      "a.href = 'https://www.example.org/story';"
                                      "a.textContent = 'x'; document.body.appendChild(a);"
                                      "a.click(); 'ok'"));
  portada_ui_test_sleep (500);
  g_assert_cmpstr (webkit_web_view_get_uri (view), ==, page_uri);
  g_assert_cmpstr (clicked, ==, "https://www.example.org/story");

  /* As of another day, the strips draw another order (the shuffle is by date). */
  strip_today = portada_ui_test_eval (view, "document.querySelector('.strip').innerHTML");
  portada_preview_set_date (f->preview, "2024-02-29");
  portada_ui_test_sleep (800);
  strip_then = portada_ui_test_eval (view, "document.querySelector('.strip').innerHTML");
  g_assert_nonnull (strip_today);
  g_assert_nonnull (strip_then);
  g_assert_cmpstr (strip_today, !=, strip_then);
  g_assert_null (portada_preview_get_error (f->preview));
  /* A date that is no date is refused by the renderer, said in the preview's bar. */
  portada_preview_set_date (f->preview, "2024-13-45");
  portada_ui_test_sleep (300);
  g_assert_nonnull (portada_preview_get_error (f->preview));
  portada_preview_set_date (f->preview, NULL);
  portada_ui_test_sleep (300);
  g_assert_null (portada_preview_get_error (f->preview));
}

static PortadaRevisionsDialog *
find_revisions_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (PORTADA_IS_REVISIONS_DIALOG (w))
        return g_object_ref (PORTADA_REVISIONS_DIALOG (w));
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) tops = gtk_window_list_toplevels ();

  for (GList *l = tops; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Setting Published on an article with nothing in it asks first: Go Back keeps it
 * a draft, Publish Anyway publishes. */
static void
test_publish_checks (Fixture *f, gconstpointer data)
{
  GtkWidget *fields = portada_ui_test_find (GTK_WIDGET (f->editor), PORTADA_TYPE_ARTICLE_FIELDS);
  AdwComboRow *status = ADW_COMBO_ROW (
      gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "status_row"));
  AdwMessageDialog *dialog;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-article", NULL);
  id = portada_article_editor_get_article (f->editor)->id;
  adw_combo_row_set_selected (status, PORTADA_STATUS_PUBLISHED);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_free (portada_ui_test_screenshot (GTK_WIDGET (dialog), "publish-checks"));
  adw_message_dialog_response (dialog, "back");
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, PORTADA_STATUS_DRAFT);
  g_assert_true (portada_article_editor_save (f->editor, NULL));
  {
    g_autoptr (PortadaArticle) a = stored (f, id);
    g_assert_cmpint (a->status, ==, PORTADA_STATUS_DRAFT);
  }
  adw_combo_row_set_selected (status, PORTADA_STATUS_PUBLISHED);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "publish");
  g_assert_true (portada_article_editor_save (f->editor, NULL));
  {
    g_autoptr (PortadaArticle) a = stored (f, id);
    g_assert_cmpint (a->status, ==, PORTADA_STATUS_PUBLISHED);
  }
}

static void
test_revisions (Fixture *f, gconstpointer data)
{
  GtkWidget *fields = portada_ui_test_find (GTK_WIDGET (f->editor), PORTADA_TYPE_ARTICLE_FIELDS);
  AdwComboRow *status = ADW_COMBO_ROW (
      gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "status_row"));
  gint64 id = portada_article_editor_get_article (f->editor)->id;
  g_autofree char *before = g_strdup (portada_article_editor_get_article (f->editor)->body);
  g_autoptr (PortadaRevisionsDialog) dialog = NULL;
  GtkTextBuffer *buffer;

  /* A status change keeps the previous state as a revision. */
  type_at_end (f, " changed after review");
  adw_combo_row_set_selected (status, PORTADA_STATUS_REVIEW);
  g_assert_true (portada_article_editor_save (f->editor, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.revisions", NULL);
  dialog = find_revisions_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (portada_revisions_dialog_get_n_revisions (dialog), >=, 1);
  portada_revisions_dialog_select (dialog, 0);
  portada_ui_test_sleep (200);
  /* The words typed since, counted and highlighted. */
  g_assert_nonnull (strstr (portada_revisions_dialog_get_summary (dialog), "3 words added"));
  g_free (portada_ui_test_screenshot (GTK_WIDGET (dialog), "revisions-dialog"));
  g_assert_true (portada_revisions_dialog_restore_selected (dialog, NULL));
  portada_ui_test_sleep (200);
  /* The editor shows the restored text, and undo brings the newer one back. */
  buffer = portada_article_editor_get_buffer (f->editor);
  {
    g_autoptr (PortadaArticle) a = stored (f, id);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (a->body, ==, before);
    g_assert_cmpstr (text, ==, before);
  }
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;
    Expect e = { f, id, " changed after review" };

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (text, " changed after review"));
    /* ...and what Undo brought back is stored again. */
    g_assert_true (portada_ui_test_wait (stored_has_text, &e, 2500));
  }
}

static void
test_settings_changed (Fixture *f, gconstpointer data)
{
  GtkWidget *fields = portada_ui_test_find (GTK_WIDGET (f->editor), PORTADA_TYPE_ARTICLE_FIELDS);
  AdwComboRow *section_row = ADW_COMBO_ROW (
      gtk_widget_get_template_child (fields, PORTADA_TYPE_ARTICLE_FIELDS, "section_row"));
  GtkWidget *list = portada_window_get_article_list (f->window);
  GtkDropDown *section_drop = GTK_DROP_DOWN (
      gtk_widget_get_template_child (list, PORTADA_TYPE_ARTICLE_LIST, "section_drop"));
  guint in_fields = g_list_model_get_n_items (adw_combo_row_get_model (section_row));
  guint in_list = g_list_model_get_n_items (gtk_drop_down_get_model (section_drop));
  g_autoptr (PortadaSection) sports = portada_section_new ("sports");
  g_autoptr (GError) error = NULL;
  Expect e = { f, portada_article_editor_get_article (f->editor)->id, "typed before" };

  type_at_end (f, " typed before");
  /* What the Preferences do: change the newsroom, then tell the window. */
  portada_section_set_label (sports, "en", "Sports", "sports");
  portada_section_set_label (sports, "es", "Deportes", "deportes");
  g_assert_true (portada_sections_save (portada_window_get_newsroom (f->window), sports, &error));
  g_assert_no_error (error);
  portada_window_newsroom_changed (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (section_row)), ==,
                    in_fields + 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (section_drop)), ==,
                    in_list + 1);
  /* Nothing typed was lost on the way. */
  g_assert_true (stored_has_text (&e));
}

static void
test_unopenable (void)
{
  g_autoptr (PortadaApplication) app = portada_ui_test_app ();
  g_autofree char *dir = portada_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  PortadaWindow *window;

  g_assert_true (g_file_set_contents (path, "this is not a newsroom at all, only words", -1, NULL));
  before = portada_test_read (path);
  window = portada_window_new (app, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  portada_ui_test_sleep (300);
  g_assert_cmpstr (portada_window_get_page (window), ==, "problem");
  g_assert_null (portada_window_get_newsroom (window));
  g_free (portada_ui_test_screenshot (GTK_WIDGET (window), "window-unopenable"));
  after = portada_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add ("/window/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("type-autosave-preview", test_type_autosave_preview);
  ADD ("layouts", test_layouts);
  ADD ("huge-paste", test_huge_paste);
  ADD ("bad-fields", test_bad_fields);
  ADD ("new-translate-delete-undo", test_new_delete_undo);
  ADD ("search", test_search);
  ADD ("reopen-where-left", test_reopen_where_left);
  ADD ("export", test_export);
  ADD ("preview-sealed", test_preview_sealed);
  ADD ("revisions", test_revisions);
  ADD ("publish-checks", test_publish_checks);
  ADD ("settings-changed", test_settings_changed);
#undef ADD
  g_test_add_func ("/window/unopenable", test_unopenable);
  return g_test_run ();
}
