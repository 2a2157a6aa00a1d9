/* portada-article-fields.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "portada-language-name.h"
#include "portada-article-comments.h"
#include "portada-article-fields.h"
#include "portada-article-item.h"
#include "portada-articles.h"
#include "portada-image-import.h"
#include "portada-media.h"
#include "portada-settings.h"
#include "portada-slug.h"

struct _PortadaArticleFields
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  PortadaArticleComments *comments_moderation;
  AdwEntryRow *title_row;
  AdwEntryRow *subtitle_row;
  AdwEntryRow *slug_row;
  GtkLabel *slug_error;
  AdwComboRow *status_row;
  AdwActionRow *date_row;
  GtkPopover *date_popover;
  GtkCalendar *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkButton *date_clear_button;
  GtkButton *date_now_button;
  AdwComboRow *section_row;
  GtkEntry *author_entry;
  AdwComboRow *lang_row;
  AdwActionRow *translation_row;
  GtkButton *translation_button;
  GtkTextView *excerpt_view;
  GtkEntry *tags_entry;
  AdwEntryRow *source_name_row;
  AdwEntryRow *source_url_row;
  GtkLabel *source_url_error;
  AdwActionRow *image_row;
  GtkPicture *image_picture;
  GtkButton *image_remove_button;
  GtkButton *image_choose_button;
  GtkLabel *image_error;
  AdwEntryRow *image_alt_row;
  AdwEntryRow *image_caption_row;
  AdwEntryRow *image_credit_row;
  GtkSwitch *comments_switch;

  PortadaNewsroom *newsroom;
  GPtrArray *section_keys; /* position in section_row -> key, "" for none */
  GPtrArray *lang_codes;   /* position in lang_row -> code */
  GtkStringList *tag_names;
  GtkStringList *author_names;
  gint64 publish_at;
  gint64 featured_media_id;
  gint64 translation_id; /* the other-language version shown, 0 for none */
  gint64 article_id;
  char *shown_title;        /* the title when the slug was last derived from it */
  gboolean first_published; /* once published, the address stays */
  GCancellable *image_cancellable;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (PortadaArticleFields, portada_article_fields, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  OPEN_ARTICLE,
  COMMENTS_MODERATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (PortadaArticleFields *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_inline_error (GtkLabel *label, GtkWidget *row, const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (row == NULL)
    return;
  if (message)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static char *
format_publish_date (gint64 t)
{
  g_autoptr (GDateTime) dt = NULL;

  if (t == 0)
    return g_strdup (_ ("Not set"));
  dt = g_date_time_new_from_unix_local (t);
  /* TRANSLATORS: the publish date and time of an article, see strftime */
  return dt ? g_date_time_format (dt, _ ("%A, %-d %B %Y, %H:%M")) : g_strdup ("");
}

/* Published with a date still to come is scheduled: the status row says so. */
static void
show_scheduled (PortadaArticleFields *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if ((status == PORTADA_STATUS_PUBLISHED || status == PORTADA_STATUS_SCHEDULED)
      && self->publish_at > now)
    {
      g_autofree char *when = format_publish_date (self->publish_at);
      /* TRANSLATORS: under the status of an article whose publish date is to come */
      g_autofree char *text = g_strdup_printf (_ ("Scheduled: public from %s"), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), text);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), NULL);
}

static void
show_publish_date (PortadaArticleFields *self)
{
  g_autofree char *text = format_publish_date (self->publish_at);

  adw_action_row_set_subtitle (self->date_row, text);
  show_scheduled (self);
}

static gboolean
valid_source_url (const char *url)
{
  g_autoptr (PortadaArticle) probe = portada_article_new ();

  if (url == NULL || *url == '\0')
    return TRUE;
  probe->source_url = g_strdup (url);
  return portada_article_validate (probe, NULL);
}

static void
check_source_url (PortadaArticleFields *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->source_url_row));

  show_inline_error (self->source_url_error, GTK_WIDGET (self->source_url_row),
                     valid_source_url (url)
                         ? NULL
                         : _ ("This is not a web address: it must start with http:// or "
                              "https:// and name a site. The last valid address is kept."));
}

static void
check_slug (PortadaArticleFields *self)
{
  const char *slug = gtk_editable_get_text (GTK_EDITABLE (self->slug_row));

  show_inline_error (
      self->slug_error, GTK_WIDGET (self->slug_row),
      *slug == '\0' || portada_slug_is_valid (slug)
          ? NULL
          : _ ("Use lowercase letters a to z, digits and hyphens only. The last valid name is "
               "kept."));
}

/* While an article is unpublished its address follows its title, unless the user
 * has given it another one. */
static void
title_changed_cb (PortadaArticleFields *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *slug = gtk_editable_get_text (GTK_EDITABLE (self->slug_row));
  guint status = adw_combo_row_get_selected (self->status_row);

  if (!self->loading && !self->first_published && status != PORTADA_STATUS_PUBLISHED
      && status != PORTADA_STATUS_ARCHIVED
      && (*slug == '\0' || portada_slug_is_derived (slug, self->shown_title)))
    {
      g_autofree char *derived = portada_slug_from_title (title);
      gtk_editable_set_text (GTK_EDITABLE (self->slug_row), derived);
    }
  g_free (self->shown_title);
  self->shown_title = g_strdup (title);
  emit_changed (self);
}

static void
field_changed_cb (PortadaArticleFields *self)
{
  if (self->loading)
    return;
  check_source_url (self);
  check_slug (self);
  emit_changed (self);
}

static void
status_changed_cb (PortadaArticleFields *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);

  if (self->loading)
    return;
  /* A scheduled or published article needs a date: now is a good start. */
  if ((status == PORTADA_STATUS_SCHEDULED || status == PORTADA_STATUS_PUBLISHED)
      && self->publish_at == 0)
    {
      self->publish_at = g_get_real_time () / G_USEC_PER_SEC;
      show_publish_date (self);
    }
  show_scheduled (self);
  emit_changed (self);
}

static void
date_popover_show_cb (PortadaArticleFields *self)
{
  gint64 t = self->publish_at ? self->publish_at : g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_local (t);
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (dt));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (dt));
  self->loading = was_loading;
}

static void
date_picked_cb (PortadaArticleFields *self)
{
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GDateTime) dt = NULL;

  if (self->loading)
    return;
  day = gtk_calendar_get_date (self->calendar);
  dt = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                              g_date_time_get_day_of_month (day),
                              gtk_spin_button_get_value_as_int (self->hour_spin),
                              gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  if (dt == NULL)
    return;
  self->publish_at = g_date_time_to_unix (dt);
  show_publish_date (self);
  emit_changed (self);
}

static void
date_clear_cb (PortadaArticleFields *self)
{
  self->publish_at = 0;
  show_publish_date (self);
  gtk_popover_popdown (self->date_popover);
  emit_changed (self);
}

static void
date_now_cb (PortadaArticleFields *self)
{
  self->publish_at = g_get_real_time () / G_USEC_PER_SEC;
  show_publish_date (self);
  gtk_popover_popdown (self->date_popover);
  emit_changed (self);
}

static void
translation_clicked_cb (PortadaArticleFields *self)
{
  if (self->translation_id)
    g_signal_emit (self, signals[OPEN_ARTICLE], 0, self->translation_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.translate-article", NULL);
}

static void
show_image (PortadaArticleFields *self, GdkTexture *texture, const char *title,
            const char *subtitle)
{
  gtk_picture_set_paintable (self->image_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->image_picture), texture != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->image_remove_button), self->featured_media_id != 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->image_row), title);
  adw_action_row_set_subtitle (self->image_row, subtitle);
}

/* Alt text, caption and credit belong to the image (every article that shows it). */
static void
show_details (PortadaArticleFields *self, const PortadaMedia *info)
{
  AdwEntryRow *rows[] = { self->image_alt_row, self->image_caption_row, self->image_credit_row };
  const char *texts[]
      = { info ? info->alt_text : NULL, info ? info->caption : NULL, info ? info->credit : NULL };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), texts[i] ? texts[i] : "");
      gtk_widget_set_visible (GTK_WIDGET (rows[i]), info != NULL);
    }
}

static void
details_applied_cb (PortadaArticleFields *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *alt
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->image_alt_row))));

  if (self->featured_media_id == 0 || self->newsroom == NULL)
    return;
  if (!portada_media_set_details (self->newsroom, self->featured_media_id, alt,
                                  gtk_editable_get_text (GTK_EDITABLE (self->image_caption_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->image_credit_row)),
                                  &error))
    {
      show_inline_error (self->image_error, NULL, error->message);
      return;
    }
  show_inline_error (self->image_error, NULL, NULL);
  emit_changed (self);
}

static void
show_no_image (PortadaArticleFields *self)
{
  show_image (self, NULL, _ ("No Image"), _ ("Choose a file or drop one here"));
  show_details (self, NULL);
}

static void
load_featured_image (PortadaArticleFields *self)
{
  g_autoptr (PortadaMedia) info = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *size = NULL;
  g_autoptr (GError) error = NULL;

  if (self->featured_media_id == 0 || self->newsroom == NULL)
    {
      show_no_image (self);
      return;
    }
  info = portada_media_load_info (self->newsroom, self->featured_media_id, &error);
  data = info ? portada_media_load_data (self->newsroom, self->featured_media_id, &error) : NULL;
  texture = data ? gdk_texture_new_from_bytes (data, NULL) : NULL;
  if (info == NULL)
    {
      show_image (self, NULL, _ ("Image Missing"), error->message);
      return;
    }
  size = g_strdup_printf ("%d × %d", info->width, info->height);
  show_image (self, texture, info->filename ? info->filename : _ ("Image"), size);
  show_details (self, info);
}

static void
image_imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMediaFile) image = portada_image_import_finish (result, &error);
  PortadaArticleFields *self = user_data;
  gint64 id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->image_choose_button), TRUE);
  if (image == NULL)
    {
      show_inline_error (self->image_error, NULL, error->message);
      return;
    }
  id = portada_media_file_store (self->newsroom, image, &error);
  if (id == 0)
    {
      show_inline_error (self->image_error, NULL, error->message);
      return;
    }
  show_inline_error (self->image_error, NULL, NULL);
  self->featured_media_id = id;
  load_featured_image (self);
  emit_changed (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, PortadaArticleFields *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file)
    portada_article_fields_set_image_file (self, file);
  g_object_unref (chooser);
}

static GtkFileFilter *
image_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/gif");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  return filter;
}

static void
choose_image_cb (PortadaArticleFields *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = image_filter ();

  chooser = gtk_file_chooser_native_new (_ ("Choose the Featured Image"), GTK_WINDOW (root),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_image_cb (PortadaArticleFields *self)
{
  self->featured_media_id = 0;
  show_inline_error (self->image_error, NULL, NULL);
  show_no_image (self);
  emit_changed (self);
}

static gboolean
image_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y,
               PortadaArticleFields *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  portada_article_fields_set_image_file (self, files->data);
  return TRUE;
}

/* Completion of the last comma-separated tag. */
static gboolean
tag_match_cb (GtkEntryCompletion *completion, const char *key, GtkTreeIter *iter,
              gpointer user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *name = NULL;
  g_autofree char *name_folded = NULL;
  const char *last = strrchr (key, ',');

  last = last ? last + 1 : key;
  while (*last == ' ')
    last++;
  if (*last == '\0')
    return FALSE;
  gtk_tree_model_get (model, iter, 0, &name, -1);
  name_folded = name ? g_utf8_casefold (name, -1) : NULL;
  return name_folded && g_str_has_prefix (name_folded, last);
}

static gboolean
tag_selected_cb (GtkEntryCompletion *completion, GtkTreeModel *model, GtkTreeIter *iter,
                 PortadaArticleFields *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tags_entry));
  const char *last = strrchr (text, ',');
  g_autofree char *name = NULL;
  g_autofree char *head = NULL;
  g_autofree char *result = NULL;

  gtk_tree_model_get (model, iter, 0, &name, -1);
  head = last ? g_strndup (text, last - text + 1) : g_strdup ("");
  result = g_strconcat (head, *head ? " " : "", name, ", ", NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), result);
  gtk_editable_set_position (GTK_EDITABLE (self->tags_entry), -1);
  return TRUE;
}

static GtkListStore *
names_store (GStrv names)
{
  GtkListStore *store = gtk_list_store_new (1, G_TYPE_STRING);

  for (guint i = 0; names && names[i]; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, names[i], -1);
  return store;
}

static void
setup_completion (GtkEntry *entry, GStrv names, gboolean tags, PortadaArticleFields *self)
{
  g_autoptr (GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autoptr (GtkListStore) store = names_store (names);

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  if (tags)
    {
      gtk_entry_completion_set_match_func (completion, tag_match_cb, NULL, NULL);
      g_signal_connect (completion, "match-selected", G_CALLBACK (tag_selected_cb), self);
    }
  gtk_entry_set_completion (entry, completion);
}

static void
portada_article_fields_dispose (GObject *object)
{
  GtkWidget *child;
  PortadaArticleFields *self = PORTADA_ARTICLE_FIELDS (object);

  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_clear_object (&self->newsroom);
  g_clear_pointer (&self->section_keys, g_ptr_array_unref);
  g_clear_pointer (&self->lang_codes, g_ptr_array_unref);
  g_clear_pointer (&self->shown_title, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_ARTICLE_FIELDS);
  /* Template children that are not bound are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_article_fields_parent_class)->dispose (object);
}

static void
portada_article_fields_class_init (PortadaArticleFieldsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_article_fields_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_ARTICLE]
      = g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The article's comments changed (approved, deleted...): its page did, not the article. */
  signals[COMMENTS_MODERATED]
      = g_signal_new ("comments-moderated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (PORTADA_TYPE_ARTICLE_COMMENTS);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-article-fields.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articlefields");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaArticleFields, name)
  BIND (comments_moderation);
  BIND (scroller);
  BIND (title_row);
  BIND (subtitle_row);
  BIND (slug_row);
  BIND (slug_error);
  BIND (status_row);
  BIND (date_row);
  BIND (date_popover);
  BIND (calendar);
  BIND (hour_spin);
  BIND (minute_spin);
  BIND (date_clear_button);
  BIND (date_now_button);
  BIND (section_row);
  BIND (author_entry);
  BIND (lang_row);
  BIND (translation_row);
  BIND (translation_button);
  BIND (excerpt_view);
  BIND (tags_entry);
  BIND (source_name_row);
  BIND (source_url_row);
  BIND (source_url_error);
  BIND (image_row);
  BIND (image_picture);
  BIND (image_remove_button);
  BIND (image_choose_button);
  BIND (image_error);
  BIND (image_alt_row);
  BIND (image_caption_row);
  BIND (image_credit_row);
  BIND (comments_switch);
#undef BIND
}

static void
comments_moderated_cb (PortadaArticleFields *self)
{
  g_signal_emit (self, signals[COMMENTS_MODERATED], 0);
}

static void
connect_signals (PortadaArticleFields *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_swapped (self->comments_moderation, "moderated",
                            G_CALLBACK (comments_moderated_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (self->subtitle_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->slug_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb),
                            self);
  g_signal_connect_swapped (self->section_row, "notify::selected", G_CALLBACK (field_changed_cb),
                            self);
  g_signal_connect_swapped (self->lang_row, "notify::selected", G_CALLBACK (field_changed_cb),
                            self);
  g_signal_connect_swapped (self->author_entry, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->tags_entry, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->excerpt_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->source_name_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->image_alt_row, "apply", G_CALLBACK (details_applied_cb), self);
  g_signal_connect_swapped (self->image_caption_row, "apply", G_CALLBACK (details_applied_cb),
                            self);
  g_signal_connect_swapped (self->image_credit_row, "apply", G_CALLBACK (details_applied_cb), self);
  g_signal_connect_swapped (self->source_url_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->comments_switch, "notify::active", G_CALLBACK (field_changed_cb),
                            self);
  g_signal_connect_swapped (self->date_popover, "show", G_CALLBACK (date_popover_show_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (date_picked_cb), self);
  g_signal_connect_swapped (self->hour_spin, "value-changed", G_CALLBACK (date_picked_cb), self);
  g_signal_connect_swapped (self->minute_spin, "value-changed", G_CALLBACK (date_picked_cb), self);
  g_signal_connect_swapped (self->date_clear_button, "clicked", G_CALLBACK (date_clear_cb), self);
  g_signal_connect_swapped (self->date_now_button, "clicked", G_CALLBACK (date_now_cb), self);
  g_signal_connect_swapped (self->translation_button, "clicked",
                            G_CALLBACK (translation_clicked_cb), self);
  g_signal_connect_swapped (self->image_choose_button, "clicked", G_CALLBACK (choose_image_cb),
                            self);
  g_signal_connect_swapped (self->image_remove_button, "clicked", G_CALLBACK (remove_image_cb),
                            self);
  g_signal_connect (drop, "drop", G_CALLBACK (image_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->image_row), GTK_EVENT_CONTROLLER (drop));
}

static void
portada_article_fields_init (PortadaArticleFields *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (int s = PORTADA_STATUS_DRAFT; s <= PORTADA_STATUS_ARCHIVED; s++)
    gtk_string_list_append (statuses, portada_article_status_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->section_keys = g_ptr_array_new_with_free_func (g_free);
  self->lang_codes = g_ptr_array_new_with_free_func (g_free);
  self->image_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  show_no_image (self);
  connect_signals (self);
  self->loading = FALSE;
}

static void
fill_sections (PortadaArticleFields *self, const char *ui_lang)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) sections = NULL;

  g_ptr_array_set_size (self->section_keys, 0);
  gtk_string_list_append (names, _ ("None"));
  g_ptr_array_add (self->section_keys, g_strdup (""));
  sections = portada_sections_list (self->newsroom, NULL);
  for (guint i = 0; sections && i < sections->len; i++)
    {
      PortadaSection *s = g_ptr_array_index (sections, i);
      gtk_string_list_append (names, portada_section_get_name (s, ui_lang));
      g_ptr_array_add (self->section_keys, g_strdup (s->key));
    }
  adw_combo_row_set_model (self->section_row, G_LIST_MODEL (names));
}

static void
fill_languages (PortadaArticleFields *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) languages = portada_languages_list (self->newsroom, NULL);

  g_ptr_array_set_size (self->lang_codes, 0);
  for (guint i = 0; languages && i < languages->len; i++)
    {
      PortadaLanguage *l = g_ptr_array_index (languages, i);
      gtk_string_list_append (names, portada_language_display_name (l));
      g_ptr_array_add (self->lang_codes, g_strdup (l->code));
    }
  adw_combo_row_set_model (self->lang_row, G_LIST_MODEL (names));
}

void
portada_article_fields_set_newsroom (PortadaArticleFields *self, PortadaNewsroom *newsroom)
{
  g_auto (GStrv) tags = NULL;
  g_auto (GStrv) authors = NULL;
  const char *const *ui_langs = g_get_language_names ();

  g_return_if_fail (PORTADA_IS_ARTICLE_FIELDS (self));
  /* The same newsroom again reads its choices again (its settings changed). */
  g_set_object (&self->newsroom, newsroom);
  portada_article_comments_set_newsroom (self->comments_moderation, newsroom);
  if (newsroom == NULL)
    return;
  self->loading = TRUE;
  fill_sections (self, g_str_has_prefix (ui_langs[0], "es") ? "es" : "en");
  fill_languages (self);
  tags = portada_articles_all_tags (newsroom, NULL);
  authors = portada_articles_all_authors (newsroom, NULL);
  setup_completion (self->tags_entry, tags, TRUE, self);
  setup_completion (self->author_entry, authors, FALSE, self);
  self->loading = FALSE;
}

static guint
index_of (GPtrArray *keys, const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (keys, i), key ? key : "") == 0)
      return i;
  return 0;
}

static const char *
language_name (PortadaArticleFields *self, const char *code)
{
  GListModel *names = adw_combo_row_get_model (self->lang_row);
  guint i = index_of (self->lang_codes, code);

  if (i < self->lang_codes->len && g_str_equal (g_ptr_array_index (self->lang_codes, i), code))
    return gtk_string_list_get_string (GTK_STRING_LIST (names), i);
  return code;
}

/* The button's words wrap, so that the row's title ("Translation") keeps its width and is
 * never hyphenated in the narrow details pane. */
static void
set_translation_label (PortadaArticleFields *self, const char *label)
{
  GtkWidget *child;

  gtk_button_set_label (self->translation_button, label);
  child = gtk_button_get_child (self->translation_button);
  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
      gtk_label_set_justify (GTK_LABEL (child), GTK_JUSTIFY_CENTER);
    }
}

static void
show_translation (PortadaArticleFields *self, const PortadaArticle *article)
{
  g_autoptr (GPtrArray) others = NULL;
  PortadaArticleSummary *other;
  g_autofree char *subtitle = NULL;

  self->translation_id = 0;
  others = article->id ? portada_articles_translations (self->newsroom, article, NULL) : NULL;
  if (others == NULL || others->len == 0)
    {
      const char *other_lang = g_strcmp0 (article->lang, "es") == 0 ? "en" : "es";
      adw_action_row_set_subtitle (self->translation_row, _ ("None yet"));
      set_translation_label (self, g_strcmp0 (other_lang, "es") == 0
                                       ? _ ("Create Spanish Version")
                                       : _ ("Create English Version"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->translation_button), article->id != 0);
      return;
    }
  other = g_ptr_array_index (others, 0);
  self->translation_id = other->id;
  subtitle = g_strdup_printf ("%s: %s", language_name (self, other->lang),
                              other->title && *other->title ? other->title : _ ("Untitled"));
  adw_action_row_set_subtitle (self->translation_row, subtitle);
  set_translation_label (self, _ ("Open"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->translation_button), TRUE);
}

static void
set_text (GtkEditable *editable, const char *text)
{
  gtk_editable_set_text (editable, text ? text : "");
}

void
portada_article_fields_show_article (PortadaArticleFields *self, const PortadaArticle *article)
{
  g_autofree char *tags = NULL;

  g_return_if_fail (PORTADA_IS_ARTICLE_FIELDS (self));
  g_return_if_fail (article != NULL);
  self->loading = TRUE;
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  self->image_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->image_choose_button), TRUE);
  self->article_id = article->id;
  g_free (self->shown_title);
  self->shown_title = g_strdup (article->title);
  self->first_published = article->first_published_at != 0;
  set_text (GTK_EDITABLE (self->title_row), article->title);
  set_text (GTK_EDITABLE (self->subtitle_row), article->subtitle);
  set_text (GTK_EDITABLE (self->slug_row), article->slug);
  adw_combo_row_set_selected (self->status_row, article->status);
  self->publish_at = article->publish_at;
  show_publish_date (self);
  adw_combo_row_set_selected (self->section_row, index_of (self->section_keys, article->section));
  set_text (GTK_EDITABLE (self->author_entry), article->author);
  adw_combo_row_set_selected (self->lang_row, index_of (self->lang_codes, article->lang));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->excerpt_view),
                            article->excerpt ? article->excerpt : "", -1);
  tags = article->tags ? g_strjoinv (", ", article->tags) : g_strdup ("");
  set_text (GTK_EDITABLE (self->tags_entry), tags);
  set_text (GTK_EDITABLE (self->source_name_row), article->source_name);
  set_text (GTK_EDITABLE (self->source_url_row), article->source_url);
  gtk_switch_set_active (self->comments_switch, article->comments_enabled);
  portada_article_comments_show_article (self->comments_moderation, article->id);
  self->featured_media_id = article->featured_media_id;
  load_featured_image (self);
  show_translation (self, article);
  check_source_url (self);
  check_slug (self);
  show_inline_error (self->image_error, NULL, NULL);
  self->loading = FALSE;
}

static void
take_text (char **field, const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  g_free (*field);
  *field = *copy ? g_steal_pointer (&copy) : NULL;
}

static GStrv
split_tags (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (parts[i]));
      if (*tag && g_hash_table_add (seen, g_utf8_casefold (tag, -1)))
        g_strv_builder_add (builder, tag);
    }
  return g_strv_builder_end (builder);
}

gboolean
portada_article_fields_apply (PortadaArticleFields *self, PortadaArticle *article)
{
  g_autofree char *excerpt = NULL;
  GtkTextBuffer *excerpt_buffer;
  GtkTextIter start, end;
  const char *url, *slug;
  guint lang, section;
  gboolean all_valid = TRUE;

  g_return_val_if_fail (PORTADA_IS_ARTICLE_FIELDS (self), FALSE);
  g_free (article->title);
  article->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  take_text (&article->subtitle, gtk_editable_get_text (GTK_EDITABLE (self->subtitle_row)));
  slug = gtk_editable_get_text (GTK_EDITABLE (self->slug_row));
  if (*slug == '\0' || portada_slug_is_valid (slug))
    take_text (&article->slug, slug);
  else
    all_valid = FALSE;
  article->status = MIN (adw_combo_row_get_selected (self->status_row), PORTADA_STATUS_ARCHIVED);
  article->publish_at = self->publish_at;
  section = adw_combo_row_get_selected (self->section_row);
  take_text (&article->section, section < self->section_keys->len
                                    ? g_ptr_array_index (self->section_keys, section)
                                    : NULL);
  take_text (&article->author, gtk_editable_get_text (GTK_EDITABLE (self->author_entry)));
  lang = adw_combo_row_get_selected (self->lang_row);
  if (lang < self->lang_codes->len)
    {
      g_free (article->lang);
      article->lang = g_strdup (g_ptr_array_index (self->lang_codes, lang));
    }
  excerpt_buffer = gtk_text_view_get_buffer (self->excerpt_view);
  gtk_text_buffer_get_bounds (excerpt_buffer, &start, &end);
  excerpt = gtk_text_buffer_get_text (excerpt_buffer, &start, &end, FALSE);
  take_text (&article->excerpt, excerpt);
  g_strfreev (article->tags);
  article->tags = split_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)));
  take_text (&article->source_name, gtk_editable_get_text (GTK_EDITABLE (self->source_name_row)));
  url = gtk_editable_get_text (GTK_EDITABLE (self->source_url_row));
  if (valid_source_url (url))
    take_text (&article->source_url, url);
  else
    all_valid = FALSE;
  article->featured_media_id = self->featured_media_id;
  article->comments_enabled = gtk_switch_get_active (self->comments_switch);
  return all_valid;
}

void
portada_article_fields_set_image_file (PortadaArticleFields *self, GFile *file)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_FIELDS (self));
  g_return_if_fail (G_IS_FILE (file));
  gtk_widget_set_sensitive (GTK_WIDGET (self->image_choose_button), FALSE);
  portada_image_import_async (file, self->image_cancellable, image_imported_cb, self);
}

void
portada_article_fields_set_status (PortadaArticleFields *self, PortadaArticleStatus status)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_FIELDS (self));
  self->loading = TRUE;
  adw_combo_row_set_selected (self->status_row, status);
  self->loading = FALSE;
  show_scheduled (self);
}
