/* test-comments-moderation.c: the article pane's readers' comments: approve, hold
 * back, delete and undo, through the buttons a moderator presses. Runs under Xvfb.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "portada-article-comments.h"
#include "portada-articles.h"
#include "portada-comments.h"
#include "portada-demo.h"
#include "portada-settings.h"

GResource *portada_get_resource (void);

static char *tmpdir;

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The row whose title starts with @author (a reply's with "↳ "), NULL if none. */
static GtkWidget *
find_row (GtkWidget *root, const char *author)
{
  if (ADW_IS_ACTION_ROW (root))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      if (g_str_equal (title, author)
          || (g_str_has_prefix (title, "↳ ") && g_str_equal (title + strlen ("↳ "), author)))
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, author);
      if (found)
        return found;
    }
  return NULL;
}

/* The button of @root labelled @label, or showing @icon. */
static GtkWidget *
find_button (GtkWidget *root, const char *label, const char *icon)
{
  if (GTK_IS_BUTTON (root)
      && ((label && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
          || (icon && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label, icon);
      if (found)
        return found;
    }
  return NULL;
}

static void
press (GtkWidget *pane, const char *author, const char *label, const char *icon)
{
  GtkWidget *row = find_row (pane, author);
  GtkWidget *button = row ? find_button (row, label, icon) : NULL;

  if (button == NULL)
    g_error ("no button %s on the row of %s", label ? label : icon, author);
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
  flush ();
}

static PortadaComment *
comment_by (PortadaNewsroom *nr, gint64 article, const char *author)
{
  g_autoptr (GPtrArray) all = portada_comments_list (nr, article, FALSE, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      PortadaComment *c = all->pdata[i];
      if (g_str_equal (c->author, author))
        return portada_comments_load (nr, c->id, NULL);
    }
  return NULL;
}

/* The reply dialog the Reply… button opened. */
static AdwMessageDialog *
reply_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_object_get_data (G_OBJECT (l->data), "reply-view"))
      return l->data;
  g_error ("no reply dialog");
  return NULL;
}

static void
count_cb (PortadaArticleComments *pane, int *count)
{
  (*count)++;
}

static void
test_moderate (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "moderation.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaNewsroom) nr = portada_newsroom_open (path, PORTADA_OPEN_CREATE, &error);
  g_autoptr (PortadaArticle) seed = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = portada_article_comments_new ();
  int moderated = 0;

  g_assert_true (portada_demo_fill (nr, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The seed article: the one with the demo's thread of comments. */
  for (gint64 id = 1; id < 10 && seed == NULL; id++)
    {
      g_autoptr (GPtrArray) comments = portada_comments_list (nr, id, FALSE, NULL);
      if (comments && comments->len == 5)
        seed = portada_articles_load (nr, id, NULL);
    }
  g_assert_nonnull (seed);
  g_assert_cmpstr (seed->slug, ==, "us-latin-america-seek-to-boost-cybersecurity-2");
  gtk_window_set_child (GTK_WINDOW (window), pane);
  g_signal_connect (pane, "moderated", G_CALLBACK (count_cb), &moderated);
  portada_article_comments_set_newsroom (PORTADA_ARTICLE_COMMENTS (pane), nr);
  portada_article_comments_show_article (PORTADA_ARTICLE_COMMENTS (pane), seed->id);
  gtk_window_present (GTK_WINDOW (window));
  flush ();

  /* Every comment, a reply marked; the one waiting offers Approve. */
  g_assert_nonnull (find_row (pane, "María Fernanda López"));
  g_assert_nonnull (find_row (pane, "Daniel Okafor"));
  g_assert_true (g_str_has_prefix (
      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_row (pane, "Daniel Okafor"))),
      "↳ "));
  press (pane, "Visitor", "Approve", NULL);
  {
    g_autoptr (PortadaComment) c = comment_by (nr, seed->id, "Visitor");
    g_assert_cmpint (c->status, ==, PORTADA_COMMENT_APPROVED);
  }
  press (pane, "Visitor", "Unapprove", NULL);
  {
    g_autoptr (PortadaComment) c = comment_by (nr, seed->id, "Visitor");
    g_assert_cmpint (c->status, ==, PORTADA_COMMENT_PENDING);
  }
  g_assert_cmpint (moderated, ==, 2);

  /* Delete Daniel's reply (it has a reply of its own), then undo. */
  {
    g_autoptr (PortadaComment) daniel = comment_by (nr, seed->id, "Daniel Okafor");
    g_autoptr (GPtrArray) before = portada_comments_list (nr, seed->id, FALSE, NULL);
    g_autoptr (GPtrArray) after = NULL;
    g_autoptr (GPtrArray) again = NULL;

    press (pane, "Daniel Okafor", NULL, "user-trash-symbolic");
    after = portada_comments_list (nr, seed->id, FALSE, NULL);
    g_assert_cmpuint (after->len, ==, before->len - 1);
    g_assert_null (find_row (pane, "Daniel Okafor"));
    g_assert_nonnull (find_row (pane, "The comment by Daniel Okafor was deleted"));
    press (pane, "The comment by Daniel Okafor was deleted", "_Undo", NULL);
    again = portada_comments_list (nr, seed->id, FALSE, NULL);
    g_assert_cmpuint (again->len, ==, before->len);
    g_assert_nonnull (find_row (pane, "Daniel Okafor"));
    g_assert_null (find_row (pane, "The comment by Daniel Okafor was deleted"));
    for (guint i = 0; i < again->len; i++)
      g_assert_cmpint (((PortadaComment *) again->pdata[i])->parent_id, ==,
                       ((PortadaComment *) before->pdata[i])->parent_id);
    {
      g_autoptr (PortadaComment) back = comment_by (nr, seed->id, "Daniel Okafor");
      g_assert_cmpint (back->id, ==, daniel->id);
    }
  }
  g_assert_cmpint (moderated, ==, 4);

  /* Reply as the newsroom: Cancel adds nothing, an empty reply cannot be sent, a reply
   * is stored under the comment, approved, signed with the site's name. */
  {
    g_autoptr (PortadaComment) maria = comment_by (nr, seed->id, "María Fernanda López");
    g_autoptr (GPtrArray) before = portada_comments_list (nr, seed->id, FALSE, NULL);
    g_autoptr (GPtrArray) after = NULL;
    g_autofree char *site = portada_settings_get (nr, PORTADA_SETTING_SITE_TITLE, NULL);
    AdwMessageDialog *dialog;
    GtkTextBuffer *buffer;
    g_autoptr (PortadaComment) reply = NULL;

    g_assert_null (find_button (find_row (pane, "Visitor"), "Reply…", NULL));
    press (pane, "María Fernanda López", "Reply…", NULL);
    dialog = reply_dialog ();
    adw_message_dialog_response (dialog, "cancel");
    flush ();
    after = portada_comments_list (nr, seed->id, FALSE, NULL);
    g_assert_cmpuint (after->len, ==, before->len);
    g_clear_pointer (&after, g_ptr_array_unref);

    press (pane, "María Fernanda López", "Reply…", NULL);
    dialog = reply_dialog ();
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reply"));
    buffer = gtk_text_view_get_buffer (g_object_get_data (G_OBJECT (dialog), "reply-view"));
    gtk_text_buffer_set_text (buffer, "   ", -1);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reply"));
    gtk_text_buffer_set_text (buffer, "Thank you, María: the full report is online.", -1);
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reply"));
    adw_message_dialog_response (dialog, "reply");
    flush ();
    after = portada_comments_list (nr, seed->id, FALSE, NULL);
    g_assert_cmpuint (after->len, ==, before->len + 1);
    reply = comment_by (nr, seed->id, site);
    g_assert_nonnull (reply);
    g_assert_cmpint (reply->parent_id, ==, maria->id);
    g_assert_cmpint (reply->status, ==, PORTADA_COMMENT_APPROVED);
    g_assert_cmpstr (reply->body, ==, "Thank you, María: the full report is online.");
    g_assert_nonnull (find_row (pane, site));
  }
  g_assert_cmpint (moderated, ==, 5);

  /* Another article: its own comments, and no Undo of this one's. */
  portada_article_comments_show_article (PORTADA_ARTICLE_COMMENTS (pane), 1);
  flush ();
  g_assert_null (find_row (pane, "Daniel Okafor"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_assert_nonnull (portada_get_resource ());
  tmpdir = g_dir_make_tmp ("portada-moderation-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_test_add_func ("/comments/moderate", test_moderate);
  status = g_test_run ();
  {
    g_autofree char *db = g_build_filename (tmpdir, "moderation.db", NULL);
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (tmpdir);
  }
  return status;
}
