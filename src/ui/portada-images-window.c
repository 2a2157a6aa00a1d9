/* portada-images-window.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-images-window.h"
#include "portada-media-import.h"
#include "portada-media-library.h"
#include "portada-media.h"

struct _PortadaImagesWindow
{
  AdwWindow parent_instance;
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkListBox *list;
  GtkLabel *count_label;
  AdwStatusPage *empty_page;

  PortadaNewsroom *newsroom;
  guint n_shown;
};

G_DEFINE_FINAL_TYPE (PortadaImagesWindow, portada_images_window, ADW_TYPE_WINDOW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define USES_NAMED 4

static void fill (PortadaImagesWindow *self);

static void
toast (PortadaImagesWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gint64
row_media_id (gpointer object)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (object), "media-id"));
}

static void
set_media_id (gpointer object, gint64 id)
{
  g_object_set_data (G_OBJECT (object), "media-id", GSIZE_TO_POINTER ((gsize) id));
}

/* The three texts of an image, stored together when one of them is applied. */
static void
details_applied_cb (AdwEntryRow *entry, PortadaImagesWindow *self)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (entry), "expander");
  AdwEntryRow *alt = g_object_get_data (G_OBJECT (expander), "alt");
  AdwEntryRow *caption = g_object_get_data (G_OBJECT (expander), "caption");
  AdwEntryRow *credit = g_object_get_data (G_OBJECT (expander), "credit");
  g_autoptr (GError) error = NULL;

  if (!portada_media_set_details (self->newsroom, row_media_id (expander),
                                  gtk_editable_get_text (GTK_EDITABLE (alt)),
                                  gtk_editable_get_text (GTK_EDITABLE (caption)),
                                  gtk_editable_get_text (GTK_EDITABLE (credit)), &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _ ("Saved"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static AdwEntryRow *
details_row (PortadaImagesWindow *self, GtkWidget *expander, const char *title, const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_object_set_data (G_OBJECT (row), "expander", expander);
  g_signal_connect_object (row, "apply", G_CALLBACK (details_applied_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (row));
  return row;
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, PortadaImagesWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!portada_media_library_delete (self->newsroom, row_media_id (dialog), &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _ ("Image deleted"));
  fill (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_clicked_cb (GtkButton *button, PortadaImagesWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  g_autofree char *body
      = g_strdup_printf (_ ("“%s” is used nowhere in the newsroom. It is deleted for good."), name);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _ ("Delete the Image?"), body));

  set_media_id (dialog, row_media_id (button));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
replace_chosen_cb (GtkNativeDialog *chooser, int response, PortadaImagesWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (PortadaMediaFile) checked = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = row_media_id (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  /* Checked by the core as every image is; nothing changes when it is refused. */
  checked = portada_media_file_read (file, NULL, &error);
  if (checked == NULL
      || portada_media_library_replace (self->newsroom, id, checked->filename, checked->bytes,
                                        &error)
             == 0)
    {
      toast (self, error->message);
      return;
    }
  toast (self, _ ("Image replaced everywhere it is used"));
  fill (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
replace_clicked_cb (GtkButton *button, PortadaImagesWindow *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _ ("Replace Image"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Replace"), NULL);

  gtk_file_filter_set_name (filter, _ ("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  set_media_id (chooser, row_media_id (button));
  g_signal_connect_object (chooser, "response", G_CALLBACK (replace_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
thumbnail (PortadaImagesWindow *self, const PortadaMedia *m)
{
  g_autoptr (GBytes) data = portada_media_load_data (self->newsroom, m->id, NULL);
  g_autoptr (GdkTexture) texture = data ? gdk_texture_new_from_bytes (data, NULL) : NULL;
  GtkWidget *picture;

  if (texture == NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
      return icon;
    }
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (picture, 72, 48);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  return picture;
}

static char *
uses_text (GPtrArray *uses)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < uses->len && i < USES_NAMED; i++)
    {
      PortadaMediaUse *u = g_ptr_array_index (uses, i);
      const char *what = u->kind == PORTADA_MEDIA_USE_FEATURED ? _ ("featured image of")
                         : u->kind == PORTADA_MEDIA_USE_BODY   ? _ ("in the text of")
                         : u->kind == PORTADA_MEDIA_USE_LOGO   ? _ ("logo of")
                                                               : NULL;
      if (i)
        g_string_append (text, "\n");
      if (what)
        g_string_append_printf (text, "%s “%s”", what, u->name);
      else
        g_string_append (text, u->name);
    }
  if (uses->len > USES_NAMED)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, _ ("and %u more"), uses->len - USES_NAMED);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
media_row (PortadaImagesWindow *self, const PortadaMedia *m)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) uses = portada_media_library_uses (self->newsroom, m->id, &error);
  g_autofree char *size = g_format_size (m->size);
  g_autofree char *used = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = m->filename && *m->filename ? m->filename : m->sha256;
  GtkWidget *used_row = adw_action_row_new ();
  GtkWidget *actions = adw_action_row_new ();
  GtkWidget *replace = gtk_button_new_with_mnemonic (_ ("_Replace…"));
  GtkWidget *delete = gtk_button_new_with_mnemonic (_ ("_Delete…"));
  guint n = uses ? uses->len : 0;

  set_media_id (expander, m->id);
  used = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "used once", "used %u times", n), n)
           : g_strdup (_ ("unused"));
  /* TRANSLATORS: an image's size in pixels, its type and file size, and its uses */
  subtitle = g_strdup_printf (_ ("%d × %d · %s · %s · %s"), m->width, m->height,
                              portada_media_extension (m->mime), size, used);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), thumbnail (self, m));

  g_object_set_data (G_OBJECT (expander), "alt",
                     details_row (self, expander, _ ("Alternative Text"), m->alt_text));
  g_object_set_data (G_OBJECT (expander), "caption",
                     details_row (self, expander, _ ("Caption"), m->caption));
  g_object_set_data (G_OBJECT (expander), "credit",
                     details_row (self, expander, _ ("Credit"), m->credit));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (used_row), _ ("Used In"));
  if (uses)
    {
      g_autofree char *text = n ? uses_text (uses) : g_strdup (_ ("Nothing: it can be deleted"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (used_row), text);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (used_row), error->message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (used_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), used_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (actions), _ ("File"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (actions),
                               _ ("Replace it with another file wherever it is used"));
  for (GtkWidget *b = replace; b; b = b == replace ? delete : NULL)
    {
      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
      set_media_id (b, m->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (actions), b);
    }
  g_object_set_data_full (G_OBJECT (delete), "name", g_strdup (name), g_free);
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_sensitive (delete, uses && n == 0);
  gtk_widget_set_tooltip_text (delete, n ? _ ("An image in use cannot be deleted")
                                         : _ ("Delete this unused image"));
  g_signal_connect_object (replace, "clicked", G_CALLBACK (replace_clicked_cb), self, 0);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), actions);
  return expander;
}

static void
fill (PortadaImagesWindow *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images
      = portada_media_list (self->newsroom, search && *search ? search : NULL, &error);
  g_autofree char *count = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  if (images == NULL)
    toast (self, error->message);
  self->n_shown = images ? images->len : 0;
  for (guint i = 0; i < self->n_shown; i++)
    gtk_list_box_append (self->list, media_row (self, g_ptr_array_index (images, i)));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image", "%u images", self->n_shown),
                           self->n_shown);
  gtk_label_set_label (self->count_label, count);
  adw_status_page_set_title (self->empty_page,
                             search && *search ? _ ("No Image Matches") : _ ("No Images"));
  adw_status_page_set_description (
      self->empty_page, search && *search
                            ? _ ("Search by file name, alternative text, caption or credit.")
                            : _ ("Images inserted in articles and sponsors' logos show here."));
  gtk_stack_set_visible_child_name (self->stack, self->n_shown ? "list" : "empty");
}

static void
portada_images_window_dispose (GObject *object)
{
  PortadaImagesWindow *self = PORTADA_IMAGES_WINDOW (object);

  g_clear_object (&self->newsroom);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_IMAGES_WINDOW);
  G_OBJECT_CLASS (portada_images_window_parent_class)->dispose (object);
}

static void
portada_images_window_class_init (PortadaImagesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_images_window_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-images-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaImagesWindow, name)
  BIND (toast_overlay);
  BIND (search_entry);
  BIND (stack);
  BIND (list);
  BIND (count_label);
  BIND (empty_page);
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
portada_images_window_init (PortadaImagesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (fill), self);
}

PortadaImagesWindow *
portada_images_window_new (GtkWindow *parent, PortadaNewsroom *newsroom)
{
  PortadaImagesWindow *self;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  self = g_object_new (PORTADA_TYPE_IMAGES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->newsroom = g_object_ref (newsroom);
  fill (self);
  return self;
}

guint
portada_images_window_get_n_shown (PortadaImagesWindow *self)
{
  g_return_val_if_fail (PORTADA_IS_IMAGES_WINDOW (self), 0);
  return self->n_shown;
}
