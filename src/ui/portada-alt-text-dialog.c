/* portada-alt-text-dialog.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "portada-alt-text-dialog.h"

struct _PortadaAltTextDialog
{
  AdwMessageDialog parent_instance;
  GtkPicture *picture;
  AdwEntryRow *alt_row;
};

G_DEFINE_FINAL_TYPE (PortadaAltTextDialog, portada_alt_text_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
typed_alt (PortadaAltTextDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alt_row))));
}

static void
alt_changed_cb (PortadaAltTextDialog *self)
{
  g_autofree char *alt = typed_alt (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "insert", *alt != '\0');
}

/* A handler, not the class method: libadwaita 1.2 has none to chain up to. */
static void
response_cb (PortadaAltTextDialog *self, const char *response)
{
  g_autofree char *alt = typed_alt (self);

  if (g_strcmp0 (response, "insert") == 0 && *alt != '\0')
    g_signal_emit (self, signals[CHOSEN], 0, alt);
}

static void
portada_alt_text_dialog_class_init (PortadaAltTextDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-alt-text-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaAltTextDialog, picture);
  gtk_widget_class_bind_template_child (widget_class, PortadaAltTextDialog, alt_row);
  gtk_widget_class_bind_template_callback (widget_class, alt_changed_cb);
}

static void
portada_alt_text_dialog_init (PortadaAltTextDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "insert", FALSE);
}

PortadaAltTextDialog *
portada_alt_text_dialog_new (GtkWindow *parent, GdkPaintable *image)
{
  PortadaAltTextDialog *self
      = g_object_new (PORTADA_TYPE_ALT_TEXT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  gtk_picture_set_paintable (self->picture, image);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), image != NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->alt_row));
  return self;
}
