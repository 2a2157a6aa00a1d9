/* portada-revisions-dialog.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-article-item.h"
#include "portada-publish-wordpress.h"
#include "portada-revisions-dialog.h"
#include "portada-revisions.h"
#include "portada-word-diff.h"

struct _PortadaRevisionsDialog
{
  AdwWindow parent_instance;
  AdwWindowTitle *window_title;
  GtkButton *restore_button;
  GtkStack *stack;
  GtkListBox *list;
  GtkTextView *text_view;
  GtkLabel *error_label;
  GtkLabel *summary_label;

  PortadaNewsroom *newsroom;
  PortadaArticle *article;
  GPtrArray *revisions; /* PortadaRevision, newest first, without bodies */
  gint64 selected_id;
};

G_DEFINE_FINAL_TYPE (PortadaRevisionsDialog, portada_revisions_dialog, ADW_TYPE_WINDOW)

enum
{
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
reason_label (const char *reason)
{
  if (g_strcmp0 (reason, "status") == 0)
    return _ ("Before a status change");
  if (g_strcmp0 (reason, "restore") == 0)
    return _ ("Before restoring an earlier version");
  if (g_strcmp0 (reason, PORTADA_REVISION_REASON_WORDPRESS) == 0)
    return _ ("The WordPress site's version, kept instead of overwritten");
  if (g_strcmp0 (reason, "sync") == 0)
    return _ ("Before a sync brought another workstation's version");
  return _ ("Kept while editing");
}

static char *
format_time (gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_local (t);

  /* TRANSLATORS: when a revision was kept, see strftime */
  return dt ? g_date_time_format (dt, _ ("%-d %B %Y, %H:%M")) : g_strdup ("");
}

static GtkWidget *
revision_row (PortadaRevision *r)
{
  g_autofree char *when = format_time (r->created_at);
  g_autofree char *subtitle
      = r->author && *r->author
            /* TRANSLATORS: a revision: its status · why it was kept · who was editing */
            ? g_strdup_printf (_ ("%s · %s · %s"), portada_article_status_label (r->status),
                               reason_label (r->reason), r->author)
            : g_strdup_printf ("%s · %s", portada_article_status_label (r->status),
                               reason_label (r->reason));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The current text against the revision's, word by word: removed words struck
 * out in red, added ones in green; the counts in the title. */
static void
show_diff (PortadaRevisionsDialog *self, const char *old_text, const char *new_text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr (GArray) diff = portada_word_diff (old_text, new_text);
  g_autofree char *summary = NULL;
  guint added, removed;
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < diff->len; i++)
    {
      PortadaDiffSpan *span = &g_array_index (diff, PortadaDiffSpan, i);
      const char *tag = span->kind == PORTADA_DIFF_ADDED     ? "added"
                        : span->kind == PORTADA_DIFF_REMOVED ? "removed"
                                                             : NULL;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, span->text, -1, tag, NULL);
    }
  portada_word_diff_count (diff, &added, &removed);
  /* TRANSLATORS: the difference between an earlier version and the current text */
  summary = g_strdup_printf (_ ("Since this version: %u words added, %u removed"), added, removed);
  gtk_label_set_label (self->summary_label, summary);
}

static void
row_selected_cb (PortadaRevisionsDialog *self, GtkListBoxRow *row)
{
  g_autoptr (PortadaRevision) full = NULL;
  g_autoptr (GError) error = NULL;
  PortadaRevision *r;

  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), row != NULL);
  if (row == NULL)
    return;
  r = g_ptr_array_index (self->revisions, gtk_list_box_row_get_index (row));
  self->selected_id = r->id;
  full = portada_revisions_load (self->newsroom, r->id, &error);
  if (full == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_diff (self, full->body, self->article->body);
  gtk_stack_set_visible_child_name (self->stack, "diff");
}

static void
restore_clicked_cb (PortadaRevisionsDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!portada_revisions_dialog_restore_selected (self, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
portada_revisions_dialog_dispose (GObject *object)
{
  PortadaRevisionsDialog *self = PORTADA_REVISIONS_DIALOG (object);

  g_clear_object (&self->newsroom);
  g_clear_pointer (&self->article, portada_article_free);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_REVISIONS_DIALOG);
  G_OBJECT_CLASS (portada_revisions_dialog_parent_class)->dispose (object);
}

static void
portada_revisions_dialog_class_init (PortadaRevisionsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_revisions_dialog_dispose;
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-revisions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaRevisionsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PortadaRevisionsDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, PortadaRevisionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PortadaRevisionsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, PortadaRevisionsDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, PortadaRevisionsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaRevisionsDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
portada_revisions_dialog_init (PortadaRevisionsDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "added", "background", "rgba(46,194,126,0.30)", NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "background", "rgba(224,27,36,0.25)",
                              "strikethrough", TRUE, NULL);
}

static void
fill (PortadaRevisionsDialog *self)
{
  g_autoptr (GError) error = NULL;

  self->revisions = portada_revisions_list (self->newsroom, self->article->id, &error);
  if (self->revisions == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  for (guint i = 0; i < self->revisions->len; i++)
    gtk_list_box_append (self->list, revision_row (g_ptr_array_index (self->revisions, i)));
  if (self->revisions->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    portada_revisions_dialog_select (self, 0);
}

PortadaRevisionsDialog *
portada_revisions_dialog_new (GtkWindow *parent, PortadaNewsroom *newsroom,
                              const PortadaArticle *article)
{
  PortadaRevisionsDialog *self;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  g_return_val_if_fail (article != NULL, NULL);
  self = g_object_new (PORTADA_TYPE_REVISIONS_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->newsroom = g_object_ref (newsroom);
  self->article = portada_article_copy (article);
  adw_window_title_set_subtitle (self->window_title,
                                 *article->title ? article->title : _ ("Untitled Article"));
  fill (self);
  return self;
}

const char *
portada_revisions_dialog_get_summary (PortadaRevisionsDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_REVISIONS_DIALOG (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

guint
portada_revisions_dialog_get_n_revisions (PortadaRevisionsDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_REVISIONS_DIALOG (self), 0);
  return self->revisions ? self->revisions->len : 0;
}

void
portada_revisions_dialog_select (PortadaRevisionsDialog *self, guint index)
{
  g_return_if_fail (PORTADA_IS_REVISIONS_DIALOG (self));
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
}

gboolean
portada_revisions_dialog_restore_selected (PortadaRevisionsDialog *self, GError **error)
{
  g_return_val_if_fail (PORTADA_IS_REVISIONS_DIALOG (self), FALSE);
  if (self->selected_id == 0)
    return TRUE;
  if (!portada_revisions_restore (self->newsroom, self->selected_id, error))
    return FALSE;
  g_signal_emit (self, signals[RESTORED], 0);
  return TRUE;
}
