/* portada-article-row.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-article-row.h"

struct _PortadaArticleRow
{
  GtkWidget parent_instance;
  GtkLabel *title_label;
  GtkLabel *status_label;
  GtkLabel *lang_label;
  GtkLabel *date_label;
  PortadaArticleItem *item;
  gulong changed_id;
};

G_DEFINE_FINAL_TYPE (PortadaArticleRow, portada_article_row, GTK_TYPE_WIDGET)

static const char *const status_classes[] = { "status-draft", "status-review", "status-scheduled",
                                              "status-published", "status-archived" };

static void
show_item (PortadaArticleRow *self)
{
  PortadaArticleStatus status;
  const char *title;
  g_autofree char *date = NULL;
  g_autofree char *lang = NULL;

  if (self->item == NULL)
    return;
  title = portada_article_item_get_title (self->item);
  status = portada_article_item_get_status (self->item);
  gtk_label_set_label (self->title_label, title && *title ? title : _ ("Untitled Article"));
  gtk_widget_set_opacity (GTK_WIDGET (self->title_label), title && *title ? 1.0 : 0.6);
  gtk_label_set_label (self->status_label, portada_article_status_label (status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    if (i == status)
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  lang = g_ascii_strup (portada_article_item_get_lang (self->item), -1);
  gtk_label_set_label (self->lang_label, lang);
  date = portada_format_short_date (portada_article_item_get_date (self->item),
                                    g_get_real_time () / G_USEC_PER_SEC);
  gtk_label_set_label (self->date_label, date);
}

static void
item_changed_cb (PortadaArticleRow *self)
{
  show_item (self);
}

static void
portada_article_row_dispose (GObject *object)
{
  GtkWidget *child;
  PortadaArticleRow *self = PORTADA_ARTICLE_ROW (object);

  portada_article_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_ARTICLE_ROW);
  /* Template children that are not bound are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_article_row_parent_class)->dispose (object);
}

static void
portada_article_row_class_init (PortadaArticleRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_article_row_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-article-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articlerow");
  gtk_widget_class_bind_template_child (widget_class, PortadaArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaArticleRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaArticleRow, lang_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaArticleRow, date_label);
}

static void
portada_article_row_init (PortadaArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (
      GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
portada_article_row_new (void)
{
  return g_object_new (PORTADA_TYPE_ARTICLE_ROW, NULL);
}

void
portada_article_row_set_item (PortadaArticleRow *self, PortadaArticleItem *item)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_ROW (self));
  if (self->item == item)
    return;
  if (self->item)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_set_object (&self->item, item);
  if (item)
    self->changed_id
        = g_signal_connect_swapped (item, "changed", G_CALLBACK (item_changed_cb), self);
  show_item (self);
}

char *
portada_format_short_date (gint64 unix_time, gint64 now)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autoptr (GDateTime) now_dt = NULL;
  int days;

  if (unix_time <= 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (unix_time);
  now_dt = g_date_time_new_from_unix_local (now);
  if (dt == NULL || now_dt == NULL)
    return g_strdup ("");
  days = g_date_time_get_day_of_year (now_dt) - g_date_time_get_day_of_year (dt);
  if (g_date_time_get_year (dt) == g_date_time_get_year (now_dt) && days == 0)
    /* TRANSLATORS: a time of day today in the article list, see strftime */
    return g_date_time_format (dt, _ ("%H:%M"));
  if (g_date_time_get_year (dt) == g_date_time_get_year (now_dt) && days == 1)
    return g_strdup (_ ("Yesterday"));
  if (g_date_time_get_year (dt) == g_date_time_get_year (now_dt))
    /* TRANSLATORS: a date of this year in the article list, see strftime */
    return g_date_time_format (dt, _ ("%-d %b"));
  /* TRANSLATORS: a date of another year in the article list, see strftime */
  return g_date_time_format (dt, _ ("%-d %b %Y"));
}
