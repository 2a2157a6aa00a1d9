/* portada-article-editor.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "portada-article-editor-private.h"
#include "portada-article-fields.h"
#include "portada-article-checks.h"
#include "portada-articles.h"
#include "portada-markdown-view.h"

G_DEFINE_FINAL_TYPE (PortadaArticleEditor, portada_article_editor, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (PortadaLayout, portada_layout,
                    G_DEFINE_ENUM_VALUE (PORTADA_LAYOUT_SIDE_BY_SIDE, "side-by-side"),
                    G_DEFINE_ENUM_VALUE (PORTADA_LAYOUT_EDITOR, "editor"),
                    G_DEFINE_ENUM_VALUE (PORTADA_LAYOUT_PREVIEW, "preview"))

enum
{
  PROP_0,
  PROP_LAYOUT,
  PROP_SHOW_DETAILS,
  PROP_HAS_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  OPEN_ARTICLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Undo history lives in the buffer: keeping the buffers of the last few articles
 * keeps their undo across switching back and forth. */
#define MAX_KEPT_BUFFERS 8

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_saved_state (PortadaArticleEditor *self, const char *text, const char *tooltip, gboolean error)
{
  gtk_label_set_label (self->saved_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->saved_label), tooltip);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->saved_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->saved_label), "error");
}

static void
update_stats (PortadaArticleEditor *self, const char *text)
{
  guint words = portada_text_count_words (text);
  int chars = gtk_text_buffer_get_char_count (portada_article_editor_get_buffer (self));
  g_autofree char *w = NULL;
  g_autofree char *c = NULL;
  g_autofree char *r = NULL;

  w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d character", "%d characters", chars),
                       chars);
  r = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute read", "%u minutes read",
                                    portada_reading_time_minutes (words)),
                       portada_reading_time_minutes (words));
  gtk_label_set_label (self->words_label, w);
  gtk_label_set_label (self->chars_label, c);
  gtk_label_set_label (self->reading_label, r);
}

static gboolean
idle_update_cb (gpointer user_data)
{
  PortadaArticleEditor *self = user_data;
  g_autofree char *text = NULL;

  self->idle_update_id = 0;
  if (self->article == NULL)
    return G_SOURCE_REMOVE;
  text = buffer_text (portada_article_editor_get_buffer (self));
  update_stats (self, text);
  portada_article_editor_update_preview (self, text, self->fields_dirty);
  self->fields_dirty = FALSE;
  return G_SOURCE_REMOVE;
}

static void
schedule_idle_update (PortadaArticleEditor *self)
{
  g_clear_handle_id (&self->idle_update_id, g_source_remove);
  self->idle_update_id = g_timeout_add (PORTADA_IDLE_UPDATE_MS, idle_update_cb, self);
}

static gboolean
autosave_cb (gpointer user_data)
{
  PortadaArticleEditor *self = user_data;

  self->autosave_id = 0;
  portada_article_editor_save (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
mark_changed (PortadaArticleEditor *self)
{
  if (self->loading || self->article == NULL)
    return;
  self->dirty = TRUE;
  set_saved_state (self, _ ("Edited"), NULL, FALSE);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (PORTADA_AUTOSAVE_DELAY_MS, autosave_cb, self);
  schedule_idle_update (self);
}

static void
buffer_changed_cb (PortadaArticleEditor *self)
{
  mark_changed (self);
}

static void
publish_response_cb (AdwMessageDialog *dialog, const char *response, PortadaArticleEditor *self)
{
  self->asking_publish = FALSE;
  if (g_strcmp0 (response, "publish") != 0 && self->article)
    /* Back to where it was: the stored status, the rest of what was typed kept. */
    portada_article_fields_set_status (self->fields, self->article->status);
  mark_changed (self);
}

/* Setting Published runs the article checks first: the writer sees what is
 * missing and publishes anyway or goes back. */
static gboolean
ask_before_publishing (PortadaArticleEditor *self)
{
  g_autoptr (PortadaArticle) edited = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (self->article == NULL || self->loading || self->asking_publish)
    return FALSE;
  edited = portada_article_copy (self->article);
  portada_article_fields_apply (self->fields, edited);
  g_free (edited->body);
  edited->body = buffer_text (portada_article_editor_get_buffer (self));
  if (edited->status != PORTADA_STATUS_PUBLISHED || self->article->status == edited->status)
    return FALSE;
  problems = portada_article_checks_before_publish (self->newsroom, edited);
  if (problems->len == 0)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (body, "%s• %s", i ? "\n" : "", (char *) problems->pdata[i]);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Publish This Article?"), body->str));
  adw_message_dialog_add_responses (dialog, "back", _ ("_Go Back"), "publish",
                                    _ ("_Publish Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "back");
  adw_message_dialog_set_close_response (dialog, "back");
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_response_cb), self, 0);
  self->asking_publish = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
fields_changed_cb (PortadaArticleEditor *self)
{
  self->fields_dirty = TRUE;
  mark_changed (self);
  ask_before_publishing (self);
}

/* The page shows the article's approved comments: redrawn, the article unchanged. */
static void
fields_comments_moderated_cb (PortadaArticleEditor *self)
{
  self->fields_dirty = TRUE;
  schedule_idle_update (self);
}

static void
fields_open_article_cb (PortadaArticleEditor *self, gint64 id)
{
  g_signal_emit (self, signals[OPEN_ARTICLE], 0, id);
}

/* A huge paste would freeze the editor and make a body no page can carry; it is
 * refused whole, so the text stays as it was. */
static void
insert_text_cb (GtkTextBuffer *buffer, GtkTextIter *location, const char *text, int len,
                PortadaArticleEditor *self)
{
  g_autofree char *size = NULL;
  g_autofree char *message = NULL;

  if (self->loading || len <= PORTADA_MAX_INSERT_BYTES)
    return;
  g_signal_stop_emission_by_name (buffer, "insert-text");
  size = g_format_size (len);
  message = g_strdup_printf (_ ("The text you pasted (%s) is too long to insert at once. Your "
                                "article has not changed; paste it in smaller parts."),
                             size);
  portada_article_editor_show_message (self, message);
}

static void
message_close_cb (PortadaArticleEditor *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static void
evict_buffers (PortadaArticleEditor *self)
{
  while (g_queue_get_length (&self->buffer_order) > MAX_KEPT_BUFFERS)
    {
      gpointer id = g_queue_pop_tail (&self->buffer_order);
      g_hash_table_remove (self->buffers, id);
    }
}

static void
connect_buffer (PortadaArticleEditor *self, GtkSourceBuffer *buffer)
{
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (insert_text_cb), self, 0);
}

/* The kept buffer of the article when its text is what the database holds (so its undo
 * history still fits), or a new one. */
static GtkSourceBuffer *
buffer_for (PortadaArticleEditor *self, const PortadaArticle *article)
{
  gpointer key = GINT_TO_POINTER ((int) article->id);
  GtkSourceBuffer *buffer = g_hash_table_lookup (self->buffers, key);
  g_autofree char *text = buffer ? buffer_text (GTK_TEXT_BUFFER (buffer)) : NULL;

  g_queue_remove (&self->buffer_order, key);
  g_queue_push_head (&self->buffer_order, key);
  if (buffer && g_strcmp0 (text, article->body) == 0)
    return buffer;
  buffer = portada_markdown_buffer_new ();
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), article->body ? article->body : "", -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (buffer));
  connect_buffer (self, buffer);
  g_hash_table_replace (self->buffers, key, buffer);
  evict_buffers (self);
  return buffer;
}

static void
update_layout (PortadaArticleEditor *self)
{
  gtk_widget_set_visible (self->editor_box, self->layout != PORTADA_LAYOUT_PREVIEW);
  gtk_widget_set_visible (self->preview_box, self->layout != PORTADA_LAYOUT_EDITOR);
}

static void
portada_article_editor_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (object);

  switch (prop_id)
    {
      case PROP_LAYOUT:
        g_value_set_enum (value, self->layout);
        break;
      case PROP_SHOW_DETAILS:
        g_value_set_boolean (value, adw_flap_get_reveal_flap (self->details_flap));
        break;
      case PROP_HAS_ARTICLE:
        g_value_set_boolean (value, self->article != NULL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
portada_article_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (object);

  switch (prop_id)
    {
      case PROP_LAYOUT:
        portada_article_editor_set_layout (self, g_value_get_enum (value));
        break;
      case PROP_SHOW_DETAILS:
        if (g_value_get_boolean (value) != adw_flap_get_reveal_flap (self->details_flap))
          {
            adw_flap_set_reveal_flap (self->details_flap, g_value_get_boolean (value));
            g_object_notify_by_pspec (object, properties[PROP_SHOW_DETAILS]);
          }
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flap_revealed_cb (PortadaArticleEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DETAILS]);
}

static void
portada_article_editor_dispose (GObject *object)
{
  GtkWidget *child;
  PortadaArticleEditor *self = PORTADA_ARTICLE_EDITOR (object);

  /* Closing never asks: whatever is pending is stored now. */
  if (self->dirty && self->newsroom)
    portada_article_editor_save (self, NULL);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->idle_update_id, g_source_remove);
  portada_article_editor_dispose_preview (self);
  g_clear_pointer (&self->article, portada_article_free);
  g_clear_pointer (&self->buffers, g_hash_table_unref);
  g_queue_clear (&self->buffer_order);
  g_clear_object (&self->newsroom);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_ARTICLE_EDITOR);
  /* Template children that are not bound are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_article_editor_parent_class)->dispose (object);
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_LAYOUT]
      = g_param_spec_enum ("layout", NULL, NULL, PORTADA_TYPE_LAYOUT, PORTADA_LAYOUT_SIDE_BY_SIDE,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_DETAILS]
      = g_param_spec_boolean ("show-details", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_ARTICLE] = g_param_spec_boolean ("has-article", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
portada_article_editor_class_init (PortadaArticleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = portada_article_editor_dispose;
  object_class->get_property = portada_article_editor_get_property;
  object_class->set_property = portada_article_editor_set_property;
  install_properties (object_class);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[OPEN_ARTICLE]
      = g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PORTADA_TYPE_MARKDOWN_VIEW);
  g_type_ensure (PORTADA_TYPE_ARTICLE_FIELDS);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-article-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articleeditor");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaArticleEditor, name)
  BIND (details_flap);
  BIND (paned);
  BIND (editor_box);
  BIND (preview_box);
  BIND (message_revealer);
  BIND (message_label);
  BIND (message_close_button);
  BIND (body_scroller);
  BIND (body_view);
  BIND (fields);
  BIND (words_label);
  BIND (chars_label);
  BIND (reading_label);
  BIND (saved_label);
#undef BIND
  portada_article_editor_class_init_actions (widget_class);
}

static void
portada_article_editor_init (PortadaArticleEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buffers = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->buffer_order);
  g_signal_connect_object (self->fields, "changed", G_CALLBACK (fields_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fields, "comments-moderated",
                           G_CALLBACK (fields_comments_moderated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fields, "open-article", G_CALLBACK (fields_open_article_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->message_close_button, "clicked", G_CALLBACK (message_close_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  connect_buffer (self,
                  GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view))));
  portada_article_editor_init_preview (self);
  portada_article_editor_init_actions (self);
  update_layout (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  portada_article_editor_update_actions (self);
}

void
portada_article_editor_set_newsroom (PortadaArticleEditor *self, PortadaNewsroom *newsroom)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_EDITOR (self));
  if (!g_set_object (&self->newsroom, newsroom))
    return;
  portada_article_fields_set_newsroom (self->fields, newsroom);
  portada_article_editor_set_preview_newsroom (self);
}

static void
show_article (PortadaArticleEditor *self)
{
  GtkSourceBuffer *buffer = buffer_for (self, self->article);

  self->loading = TRUE;
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->body_view), GTK_TEXT_BUFFER (buffer));
  portada_article_fields_show_article (self->fields, self->article);
  update_stats (self, self->article->body);
  set_saved_state (self, _ ("Saved"), NULL, FALSE);
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  self->loading = FALSE;
  portada_article_editor_update_preview (self, self->article->body, TRUE);
  portada_article_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ARTICLE]);
}

gboolean
portada_article_editor_load (PortadaArticleEditor *self, gint64 id, GError **error)
{
  PortadaArticle *article;

  g_return_val_if_fail (PORTADA_IS_ARTICLE_EDITOR (self), FALSE);
  g_return_val_if_fail (self->newsroom != NULL, FALSE);
  /* A failed save keeps the text in its buffer, which stays in the cache. */
  portada_article_editor_save (self, NULL);
  article = portada_articles_load (self->newsroom, id, error);
  if (article == NULL)
    return FALSE;
  g_clear_pointer (&self->article, portada_article_free);
  self->article = article;
  self->dirty = FALSE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  show_article (self);
  return TRUE;
}

void
portada_article_editor_forget (PortadaArticleEditor *self)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_EDITOR (self));
  if (self->article)
    {
      gpointer key = GINT_TO_POINTER ((int) self->article->id);
      g_queue_remove (&self->buffer_order, key);
      g_hash_table_remove (self->buffers, key);
    }
  g_clear_pointer (&self->article, portada_article_free);
  self->dirty = FALSE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->idle_update_id, g_source_remove);
  self->loading = TRUE;
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->body_view), NULL);
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  portada_article_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ARTICLE]);
}

gboolean
portada_article_editor_save (PortadaArticleEditor *self, GError **error)
{
  g_autoptr (PortadaArticle) copy = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PORTADA_IS_ARTICLE_EDITOR (self), FALSE);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!self->dirty || self->article == NULL)
    return TRUE;
  copy = portada_article_copy (self->article);
  portada_article_fields_apply (self->fields, copy);
  g_free (copy->body);
  copy->body = buffer_text (portada_article_editor_get_buffer (self));
  /* While the checks before publishing are asked, everything is saved but the
   * publication itself. */
  if (self->asking_publish)
    copy->status = self->article->status;
  /* "Saved" only once another connection reads it back from the file: a
   * transaction left open, a busy file or a lost lock shows "Not Saved" and
   * tries again, never a false "Saved". */
  if (!portada_articles_save (self->newsroom, copy, PORTADA_SAVE_DEFAULT, &local_error)
      || !portada_articles_check_stored (self->newsroom, copy, &local_error))
    {
      g_autofree char *message = g_strdup_printf (_ ("Not saved: %s"), local_error->message);
      set_saved_state (self, _ ("Not Saved"), message, TRUE);
      portada_article_editor_show_message (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      self->autosave_id = g_timeout_add (PORTADA_SAVE_RETRY_MS, autosave_cb, self);
      return FALSE;
    }
  portada_article_free (self->article);
  self->article = g_steal_pointer (&copy);
  self->dirty = FALSE;
  set_saved_state (self, _ ("Saved"), NULL, FALSE);
  g_signal_emit (self, signals[SAVED], 0, self->article);
  return TRUE;
}

gboolean
portada_article_editor_has_unsaved (PortadaArticleEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_EDITOR (self), FALSE);
  return self->dirty;
}

const PortadaArticle *
portada_article_editor_get_article (PortadaArticleEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_EDITOR (self), NULL);
  return self->article;
}

int
portada_article_editor_get_cursor (PortadaArticleEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_EDITOR (self), 0);
  return portada_markdown_view_get_cursor (self->body_view);
}

void
portada_article_editor_place_cursor (PortadaArticleEditor *self, int offset)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_EDITOR (self));
  portada_markdown_view_place_cursor (self->body_view, offset);
}

void
portada_article_editor_focus_body (PortadaArticleEditor *self)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_EDITOR (self));
  if (self->layout != PORTADA_LAYOUT_PREVIEW)
    gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

PortadaLayout
portada_article_editor_get_layout (PortadaArticleEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_EDITOR (self), PORTADA_LAYOUT_SIDE_BY_SIDE);
  return self->layout;
}

void
portada_article_editor_set_layout (PortadaArticleEditor *self, PortadaLayout layout)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_EDITOR (self));
  g_return_if_fail (layout <= PORTADA_LAYOUT_PREVIEW);
  if (self->layout == layout)
    return;
  self->layout = layout;
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

GtkTextBuffer *
portada_article_editor_get_buffer (PortadaArticleEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_EDITOR (self), NULL);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
}

void
portada_article_editor_show_message (PortadaArticleEditor *self, const char *message)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_EDITOR (self));
  gtk_label_set_label (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

const char *
portada_article_editor_get_message (PortadaArticleEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_EDITOR (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;
  return gtk_label_get_label (self->message_label);
}

void
portada_article_editor_refresh_choices (PortadaArticleEditor *self)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_EDITOR (self));
  if (self->newsroom == NULL)
    return;
  /* What is typed is kept: stored first, then shown with the new choices. */
  portada_article_editor_save (self, NULL);
  portada_article_fields_set_newsroom (self->fields, self->newsroom);
  if (self->article)
    {
      g_autofree char *text = buffer_text (portada_article_editor_get_buffer (self));
      self->loading = TRUE;
      portada_article_fields_show_article (self->fields, self->article);
      self->loading = FALSE;
      portada_article_editor_update_preview (self, text, TRUE);
    }
}
