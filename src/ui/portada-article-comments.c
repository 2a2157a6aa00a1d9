/* portada-article-comments.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-article-comments.h"
#include "portada-comments.h"
#include "portada-markdown.h"
#include "portada-settings.h"

struct _PortadaArticleComments
{
  AdwBin parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox *list;

  PortadaNewsroom *newsroom;
  gint64 article_id;
  PortadaCommentDeletion *deleted; /* the last deletion, for Undo */
  char *error;                     /* the last failure, shown until the next change */
};

G_DEFINE_FINAL_TYPE (PortadaArticleComments, portada_article_comments, ADW_TYPE_BIN)

enum
{
  MODERATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (PortadaArticleComments *self);

static void
done (PortadaArticleComments *self, GError *error)
{
  g_free (self->error);
  self->error = error ? g_strdup (error->message) : NULL;
  refresh (self);
  if (error == NULL)
    g_signal_emit (self, signals[MODERATED], 0);
}

static void
status_clicked_cb (GtkButton *button, PortadaArticleComments *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "comment-id"));
  gboolean approve = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "approve"));
  g_autoptr (GError) error = NULL;

  portada_comments_set_status (
      self->newsroom, id, approve ? PORTADA_COMMENT_APPROVED : PORTADA_COMMENT_PENDING, &error);
  done (self, error);
}

static void
delete_clicked_cb (GtkButton *button, PortadaArticleComments *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "comment-id"));
  g_autoptr (GError) error = NULL;
  PortadaCommentDeletion *deleted = portada_comments_delete (self->newsroom, id, &error);

  if (deleted)
    {
      g_clear_pointer (&self->deleted, portada_comment_deletion_free);
      self->deleted = deleted;
    }
  done (self, error);
}

static void
undo_clicked_cb (GtkButton *button, PortadaArticleComments *self)
{
  g_autoptr (GError) error = NULL;

  if (self->deleted && portada_comments_restore (self->newsroom, self->deleted, &error))
    g_clear_pointer (&self->deleted, portada_comment_deletion_free);
  done (self, error);
}

/* The reply is the newsroom's: signed with the site's name, approved at once. */
static void
reply_response_cb (AdwMessageDialog *dialog, const char *response, PortadaArticleComments *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "reply-view");
  gint64 parent = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "comment-id"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *site = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "reply") != 0 || self->newsroom == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  site = portada_settings_get (self->newsroom, PORTADA_SETTING_SITE_TITLE, NULL);
  portada_comments_reply (self->newsroom, parent, site, text, &error);
  done (self, error);
}

static void
reply_changed_cb (GtkTextBuffer *buffer, AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  adw_message_dialog_set_response_enabled (dialog, "reply", *text != '\0');
}

static void
reply_clicked_cb (GtkButton *button, PortadaArticleComments *self)
{
  const char *author = g_object_get_data (G_OBJECT (button), "author");
  g_autofree char *heading = g_strdup_printf (_ ("Reply to %s"), author);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
      _ ("The reply is shown under the comment on the article's page, signed with the "
         "newsroom's name.")));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Reply"),
                                  -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "reply", _ ("_Reply"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "reply", FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "reply-view", view);
  g_object_set_data (G_OBJECT (dialog), "comment-id",
                     g_object_get_data (G_OBJECT (button), "comment-id"));
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (reply_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reply_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static GtkWidget *
row_button (PortadaArticleComments *self, const char *label, gint64 id, GCallback callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "comment-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
comment_row (PortadaArticleComments *self, const PortadaComment *c)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (c->created_at);
  g_autofree char *date = when ? g_date_time_format (when, "%x") : g_strdup ("");
  g_autofree char *excerpt = portada_markdown_excerpt (c->body, 16, TRUE);
  g_autofree char *author = g_strdup_printf (
      "%s%s", c->depth ? "↳ " : "", c->author && *c->author ? c->author : _ ("(anonymous)"));
  g_autofree char *subtitle
      = c->status == PORTADA_COMMENT_PENDING
            /* TRANSLATORS: a comment's date, that it waits, and its first words. */
            ? g_strdup_printf (_ ("%s · waiting for moderation · %s"), date, excerpt)
            : g_strdup_printf ("%s · %s", date, excerpt);
  g_autofree char *title = g_markup_escape_text (author, -1);
  g_autofree char *sub = g_markup_escape_text (subtitle, -1);
  gboolean pending = c->status == PORTADA_COMMENT_PENDING;
  GtkWidget *status = row_button (self, pending ? _ ("Approve") : _ ("Unapprove"), c->id,
                                  G_CALLBACK (status_clicked_cb));
  GtkWidget *delete = row_button (self, NULL, c->id, G_CALLBACK (delete_clicked_cb));
  g_autofree char *delete_label = g_strdup_printf (_ ("Delete the comment by %s"), author);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, sub);
  g_object_set_data (G_OBJECT (status), "approve", GINT_TO_POINTER (pending));
  gtk_button_set_icon_name (GTK_BUTTON (delete), "user-trash-symbolic");
  gtk_widget_set_tooltip_text (delete, _ ("Delete Comment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  adw_action_row_add_suffix (row, status);
  if (!pending)
    {
      /* Only an approved comment is answered: the reply is on the site at once. */
      GtkWidget *reply = row_button (self, _ ("Reply…"), c->id, G_CALLBACK (reply_clicked_cb));
      g_object_set_data_full (G_OBJECT (reply), "author",
                              g_strdup (c->author && *c->author ? c->author : _ ("(anonymous)")),
                              g_free);
      adw_action_row_add_suffix (row, reply);
    }
  adw_action_row_add_suffix (row, delete);
  return GTK_WIDGET (row);
}

static GtkWidget *
undo_row (PortadaArticleComments *self)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  const char *who = self->deleted->comment->author;
  g_autofree char *text = g_strdup_printf (_ ("The comment by %s was deleted"),
                                           who && *who ? who : _ ("(anonymous)"));
  g_autofree char *title = g_markup_escape_text (text, -1);
  GtkWidget *undo = gtk_button_new_with_mnemonic (_ ("_Undo"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (undo, GTK_ALIGN_CENTER);
  g_signal_connect (undo, "clicked", G_CALLBACK (undo_clicked_cb), self);
  adw_action_row_add_suffix (row, undo);
  return GTK_WIDGET (row);
}

static void
refresh (PortadaArticleComments *self)
{
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint pending = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  if (self->newsroom && self->article_id)
    comments = portada_comments_list (self->newsroom, self->article_id, FALSE, &error);
  if (self->deleted)
    gtk_list_box_append (self->list, undo_row (self));
  for (guint i = 0; comments && i < comments->len; i++)
    {
      PortadaComment *c = comments->pdata[i];
      pending += c->status == PORTADA_COMMENT_PENDING;
      gtk_list_box_append (self->list, comment_row (self, c));
    }
  if (error || self->error)
    description = g_strdup (error ? error->message : self->error);
  else if (comments == NULL || comments->len == 0)
    description = g_strdup (_ ("No comments"));
  else
    /* TRANSLATORS: "5 comments, 1 waiting for moderation". */
    description
        = g_strdup_printf (g_dngettext (NULL, "%u comment, %u waiting for moderation",
                                        "%u comments, %u waiting for moderation", comments->len),
                           comments->len, pending);
  adw_preferences_group_set_description (self->group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL);
}

static void
portada_article_comments_dispose (GObject *object)
{
  PortadaArticleComments *self = PORTADA_ARTICLE_COMMENTS (object);

  g_clear_object (&self->newsroom);
  g_clear_pointer (&self->deleted, portada_comment_deletion_free);
  g_clear_pointer (&self->error, g_free);
  /* The template's only child is the bin's: AdwBin disposes of it. */
  G_OBJECT_CLASS (portada_article_comments_parent_class)->dispose (object);
}

static void
portada_article_comments_class_init (PortadaArticleCommentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = portada_article_comments_dispose;
  /* After a comment was approved, held back, deleted or restored. */
  signals[MODERATED] = g_signal_new ("moderated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-article-comments.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaArticleComments, group);
  gtk_widget_class_bind_template_child (widget_class, PortadaArticleComments, list);
}

static void
portada_article_comments_init (PortadaArticleComments *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
portada_article_comments_new (void)
{
  return g_object_new (PORTADA_TYPE_ARTICLE_COMMENTS, NULL);
}

void
portada_article_comments_set_newsroom (PortadaArticleComments *self, PortadaNewsroom *newsroom)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_COMMENTS (self));
  if (g_set_object (&self->newsroom, newsroom))
    g_clear_pointer (&self->deleted, portada_comment_deletion_free);
  refresh (self);
}

void
portada_article_comments_show_article (PortadaArticleComments *self, gint64 id)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_COMMENTS (self));
  if (self->article_id != id)
    {
      g_clear_pointer (&self->deleted, portada_comment_deletion_free);
      g_clear_pointer (&self->error, g_free);
    }
  self->article_id = id;
  refresh (self);
}
