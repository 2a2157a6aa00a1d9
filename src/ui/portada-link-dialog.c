/* portada-link-dialog.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "portada-link-dialog.h"

struct _PortadaLinkDialog
{
  AdwMessageDialog parent_instance;
  AdwEntryRow *url_row;
  AdwEntryRow *text_row;
  GtkLabel *url_error;
};

G_DEFINE_FINAL_TYPE (PortadaLinkDialog, portada_link_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
url_changed_cb (PortadaLinkDialog *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autofree char *url = portada_link_normalize_url (typed);
  gboolean show_error = url == NULL && *typed != '\0';

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "insert", url != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->url_error), show_error);
  if (show_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

/* A handler of the "response" signal, not an override of its class method: libadwaita 1.2
 * has no default one to chain up to. The dialog closes itself afterwards. */
static void
response_cb (PortadaLinkDialog *self, const char *response)
{
  g_autofree char *url = NULL;

  if (g_strcmp0 (response, "insert") == 0)
    {
      url = portada_link_normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
      if (url)
        g_signal_emit (self, signals[CHOSEN], 0,
                       gtk_editable_get_text (GTK_EDITABLE (self->text_row)), url);
    }
}

static void
portada_link_dialog_class_init (PortadaLinkDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaLinkDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaLinkDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaLinkDialog, url_error);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
}

static void
portada_link_dialog_init (PortadaLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "insert", FALSE);
}

PortadaLinkDialog *
portada_link_dialog_new (GtkWindow *parent, const char *text)
{
  PortadaLinkDialog *self
      = g_object_new (PORTADA_TYPE_LINK_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  g_autofree char *url = text ? portada_link_normalize_url (text) : NULL;

  /* A selected address is the link itself; selected words are its text. */
  if (url && strchr (text, ' ') == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), text);
  else if (text)
    gtk_editable_set_text (GTK_EDITABLE (self->text_row), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
  return self;
}

static gboolean
acceptable (const char *candidate)
{
  g_autoptr (GUri) uri = g_uri_parse (candidate, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return strchr (g_uri_get_path (uri), '@') != NULL;
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;
  return g_uri_get_host (uri) && strchr (g_uri_get_host (uri), '.') != NULL;
}

char *
portada_link_normalize_url (const char *typed)
{
  g_autofree char *text = NULL;
  g_autofree char *with_scheme = NULL;

  if (typed == NULL)
    return NULL;
  text = g_strstrip (g_strdup (typed));
  if (*text == '\0' || strpbrk (text, " \t\n") != NULL)
    return NULL;
  if (acceptable (text))
    return g_steal_pointer (&text);
  if (strstr (text, "://") == NULL && strchr (text, '@') != NULL && strchr (text, '/') == NULL)
    with_scheme = g_strconcat ("mailto:", text, NULL);
  else if (strstr (text, "://") == NULL && g_ascii_strncasecmp (text, "mailto:", 7) != 0)
    with_scheme = g_strconcat ("https://", text, NULL);
  if (with_scheme && acceptable (with_scheme))
    return g_steal_pointer (&with_scheme);
  return NULL;
}
