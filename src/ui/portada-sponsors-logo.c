/* portada-sponsors-logo.c
 *
 * The "replace" signal carries the file chosen in the file chooser or dropped on
 * the logo; the sponsor page imports it.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-media.h"
#include "portada-sponsors-logo.h"

struct _PortadaSponsorsLogo
{
  GtkWidget parent_instance;
  GtkWidget *frame;
  GtkStack *stack;
  GtkPicture *picture;
  GtkLabel *info_label;
  GtkLabel *error_label;
  GtkButton *replace_button;
  PortadaSponsorsModel *model;
  GtkFileChooserNative *chooser;
  gint64 media_id;
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsLogo, portada_sponsors_logo, GTK_TYPE_WIDGET)

enum
{
  REPLACE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_of (const char *mime)
{
  if (g_strcmp0 (mime, "image/svg+xml") == 0)
    return "SVG";
  if (g_strcmp0 (mime, "image/png") == 0)
    return "PNG";
  if (g_strcmp0 (mime, "image/jpeg") == 0)
    return "JPEG";
  if (g_strcmp0 (mime, "image/webp") == 0)
    return "WebP";
  return mime;
}

static void
show_info (PortadaSponsorsLogo *self, GdkTexture *texture, const GError *texture_error)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaMedia) media = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;

  media = portada_media_load_info (portada_sponsors_model_get_newsroom (self->model),
                                   self->media_id, &error);
  if (media == NULL)
    {
      gtk_label_set_label (self->info_label, error->message);
      return;
    }
  size = g_format_size (media->size);
  /* Translators: a logo's facts: "SVG · 200 × 80 pixels · 1.2 kB · nestle.svg". */
  text = g_strdup_printf (_ ("%s · %d × %d pixels · %s · %s"), kind_of (media->mime), media->width,
                          media->height, size, media->filename ? media->filename : "");
  if (texture == NULL)
    {
      g_autofree char *broken = g_strdup_printf (_ ("The logo cannot be shown (%s): replace it"),
                                                 texture_error->message);
      gtk_label_set_label (self->info_label, broken);
    }
  else
    gtk_label_set_label (self->info_label, text);
}

static void
chooser_response_cb (PortadaSponsorsLogo *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  gboolean replaced; /* a refusal shows on the logo itself */

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file)
    g_signal_emit (self, signals[REPLACE], 0, file, &replaced);
}

static GtkFileFilter *
image_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Logos (PNG, JPEG, WebP, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  return filter;
}

static void
replace_clicked_cb (PortadaSponsorsLogo *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GtkFileFilter) filter = image_filter ();

  self->chooser = gtk_file_chooser_native_new (_ ("Replace Logo"), GTK_WINDOW (root),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Replace"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, PortadaSponsorsLogo *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr (GSList) files = list ? gdk_file_list_get_files (list) : NULL;

  gtk_widget_remove_css_class (self->frame, "drop-highlight");
  if (files == NULL)
    return FALSE;
  if (files->next != NULL)
    {
      portada_sponsors_logo_set_error (self, _ ("Drop one logo file to replace the logo"));
      return FALSE;
    }
  {
    gboolean replaced = FALSE;
    g_signal_emit (self, signals[REPLACE], 0, files->data, &replaced);
    return replaced;
  }
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target, double x, double y, PortadaSponsorsLogo *self)
{
  gtk_widget_add_css_class (self->frame, "drop-highlight");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target, PortadaSponsorsLogo *self)
{
  gtk_widget_remove_css_class (self->frame, "drop-highlight");
}

static void
portada_sponsors_logo_dispose (GObject *object)
{
  PortadaSponsorsLogo *self = PORTADA_SPONSORS_LOGO (object);

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_LOGO);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_sponsors_logo_parent_class)->dispose (object);
}

static void
portada_sponsors_logo_class_init (PortadaSponsorsLogoClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_logo_dispose;

  /* Returns whether the file became the logo. */
  signals[REPLACE] = g_signal_new ("replace", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-logo.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsLogo, frame);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsLogo, stack);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsLogo, picture);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsLogo, info_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsLogo, error_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsLogo, replace_button);
  gtk_widget_class_bind_template_callback (widget_class, replace_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
portada_sponsors_logo_init (PortadaSponsorsLogo *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (self->frame, GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
portada_sponsors_logo_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_LOGO, NULL);
}

void
portada_sponsors_logo_set_model (PortadaSponsorsLogo *self, PortadaSponsorsModel *model)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_LOGO (self));
  g_set_object (&self->model, model);
}

void
portada_sponsors_logo_set_media (PortadaSponsorsLogo *self, gint64 media_id)
{
  g_autoptr (GError) error = NULL;
  GdkTexture *texture = NULL;

  g_return_if_fail (PORTADA_IS_SPONSORS_LOGO (self));
  g_return_if_fail (self->model != NULL);
  self->media_id = media_id;
  if (media_id != 0)
    texture = portada_sponsors_model_get_logo (self->model, media_id, &error);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, texture ? "logo" : "none");
  gtk_button_set_label (self->replace_button, media_id ? _ ("_Replace Logo…") : _ ("_Add Logo…"));
  if (media_id == 0)
    gtk_label_set_label (self->info_label, _ ("No logo: choose a file or drop one here"));
  else
    show_info (self, texture, error);
}

void
portada_sponsors_logo_set_error (PortadaSponsorsLogo *self, const char *message)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_LOGO (self));
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
portada_sponsors_logo_get_error (PortadaSponsorsLogo *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_LOGO (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}
