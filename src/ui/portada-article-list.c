/* portada-article-list.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "portada-language-name.h"
#include "portada-article-list.h"
#include "portada-article-row.h"
#include "portada-settings.h"

struct _PortadaArticleList
{
  GtkWidget parent_instance;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkDropDown *status_drop;
  GtkDropDown *lang_drop;
  GtkDropDown *section_drop;
  GtkDropDown *author_drop;
  GtkButton *clear_filters_button;
  GtkStack *stack;
  GtkListView *list_view;
  AdwStatusPage *empty_page;
  GtkLabel *count_label;

  PortadaNewsroom *newsroom;
  PortadaArticleModel *model;
  GtkSingleSelection *selection;
  GPtrArray *lang_codes;   /* drop-down position - 1 -> code */
  GPtrArray *section_keys; /* drop-down position - 1 -> key */
  GStrv authors;           /* drop-down position - 1 -> name */
  gint64 selected_id;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (PortadaArticleList, portada_article_list, GTK_TYPE_WIDGET)

enum
{
  ARTICLE_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
pick (GPtrArray *values, guint position)
{
  return position > 0 && position <= values->len ? g_ptr_array_index (values, position - 1) : NULL;
}

static void
update_count (PortadaArticleList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;
  const GError *error = portada_article_model_get_error (self->model);

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  gtk_label_set_label (self->count_label, text);
  if (error)
    {
      adw_status_page_set_title (self->empty_page, _ ("Articles Cannot Be Listed"));
      adw_status_page_set_description (self->empty_page, error->message);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _ ("No Articles Found"));
      adw_status_page_set_description (self->empty_page, _ ("Try other words or fewer filters."));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static gboolean
any_filter (PortadaArticleList *self)
{
  return gtk_drop_down_get_selected (self->status_drop) > 0
         || gtk_drop_down_get_selected (self->lang_drop) > 0
         || gtk_drop_down_get_selected (self->section_drop) > 0
         || gtk_drop_down_get_selected (self->author_drop) > 0;
}

static void
update_filter_button (PortadaArticleList *self)
{
  if (any_filter (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_filters_button), any_filter (self));
}

/* The query of the search entry and the filters. Typing and the filters search in a
 * thread (@wait FALSE): the window stays responsive and the rows change when the
 * answer comes (loaded_cb); scripts and tests can @wait. */
static void
run_query (PortadaArticleList *self, gboolean wait)
{
  PortadaArticleQuery q = PORTADA_ARTICLE_QUERY_INIT;
  guint status = gtk_drop_down_get_selected (self->status_drop);
  guint author = gtk_drop_down_get_selected (self->author_drop);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->model == NULL)
    return;
  q.search = *search ? search : NULL;
  q.status
      = status > 0 && status != GTK_INVALID_LIST_POSITION ? (int) status - 1 : PORTADA_STATUS_ANY;
  q.lang = pick (self->lang_codes, gtk_drop_down_get_selected (self->lang_drop));
  q.section = pick (self->section_keys, gtk_drop_down_get_selected (self->section_drop));
  q.author = self->authors && author > 0 && author <= g_strv_length (self->authors)
                 ? self->authors[author - 1]
                 : NULL;
  update_filter_button (self);
  if (!wait)
    {
      portada_article_model_set_query_async (self->model, &q);
      return;
    }
  self->quiet = TRUE;
  portada_article_model_set_query (self->model, &q);
  self->quiet = FALSE;
  portada_article_list_show_selected (self, self->selected_id);
  update_count (self);
}

static void
apply_query (PortadaArticleList *self)
{
  run_query (self, FALSE);
}

/* A query in the thread was answered, and the rows replaced. */
static void
loaded_cb (PortadaArticleList *self)
{
  /* A row that stayed where it was stays selected, and the list is not scrolled. */
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    portada_article_list_show_selected (self, self->selected_id);
  update_count (self);
}

static void
changing_cb (PortadaArticleList *self, guint position, guint removed)
{
  guint selected;

  /* selected_id stays: show_selected() puts the selection back. */
  if (self->selection == NULL)
    return;
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION || selected < position
      || selected >= position + removed)
    return;
  self->quiet = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->quiet = FALSE;
}

static void
search_changed_cb (PortadaArticleList *self)
{
  apply_query (self);
}

static void
filter_changed_cb (PortadaArticleList *self)
{
  apply_query (self);
}

static void
clear_filters_cb (PortadaArticleList *self)
{
  gtk_drop_down_set_selected (self->status_drop, 0);
  gtk_drop_down_set_selected (self->lang_drop, 0);
  gtk_drop_down_set_selected (self->section_drop, 0);
  gtk_drop_down_set_selected (self->author_drop, 0);
}

static void
stop_search_cb (PortadaArticleList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
selection_changed_cb (PortadaArticleList *self)
{
  PortadaArticleItem *item = gtk_single_selection_get_selected_item (self->selection);
  gint64 id;

  if (self->quiet || item == NULL)
    return;
  id = portada_article_item_get_id (item);
  if (id == self->selected_id)
    return;
  self->selected_id = id;
  g_signal_emit (self, signals[ARTICLE_SELECTED], 0, id);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  gtk_list_item_set_child (list_item, portada_article_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  portada_article_row_set_item (PORTADA_ARTICLE_ROW (gtk_list_item_get_child (list_item)),
                                gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  portada_article_row_set_item (PORTADA_ARTICLE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
portada_article_list_dispose (GObject *object)
{
  GtkWidget *child;
  PortadaArticleList *self = PORTADA_ARTICLE_LIST (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->newsroom);
  g_clear_pointer (&self->lang_codes, g_ptr_array_unref);
  g_clear_pointer (&self->section_keys, g_ptr_array_unref);
  g_clear_pointer (&self->authors, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_ARTICLE_LIST);
  /* Template children that are not bound are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_article_list_parent_class)->dispose (object);
}

static void
portada_article_list_class_init (PortadaArticleListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_article_list_dispose;
  signals[ARTICLE_SELECTED]
      = g_signal_new ("article-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-article-list.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articlelist");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaArticleList, name)
  BIND (search_entry);
  BIND (filter_button);
  BIND (status_drop);
  BIND (lang_drop);
  BIND (section_drop);
  BIND (author_drop);
  BIND (clear_filters_button);
  BIND (stack);
  BIND (list_view);
  BIND (empty_page);
  BIND (count_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
}

static void
portada_article_list_init (PortadaArticleList *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  self->lang_codes = g_ptr_array_new_with_free_func (g_free);
  self->section_keys = g_ptr_array_new_with_free_func (g_free);

  self->quiet = TRUE;
  gtk_string_list_append (statuses, _ ("Any Status"));
  for (int s = PORTADA_STATUS_DRAFT; s <= PORTADA_STATUS_ARCHIVED; s++)
    gtk_string_list_append (statuses, portada_article_status_label (s));
  gtk_drop_down_set_model (self->status_drop, G_LIST_MODEL (statuses));
  self->quiet = FALSE;
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

static void
fill_languages (PortadaArticleList *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) languages = portada_languages_list (self->newsroom, NULL);

  g_ptr_array_set_size (self->lang_codes, 0);
  gtk_string_list_append (names, _ ("Any Language"));
  for (guint i = 0; languages && i < languages->len; i++)
    {
      PortadaLanguage *l = g_ptr_array_index (languages, i);
      gtk_string_list_append (names, portada_language_display_name (l));
      g_ptr_array_add (self->lang_codes, g_strdup (l->code));
    }
  gtk_drop_down_set_model (self->lang_drop, G_LIST_MODEL (names));
}

static void
fill_sections (PortadaArticleList *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) sections = portada_sections_list (self->newsroom, NULL);
  const char *ui_lang = g_str_has_prefix (g_get_language_names ()[0], "es") ? "es" : "en";

  g_ptr_array_set_size (self->section_keys, 0);
  gtk_string_list_append (names, _ ("Any Section"));
  for (guint i = 0; sections && i < sections->len; i++)
    {
      PortadaSection *s = g_ptr_array_index (sections, i);
      gtk_string_list_append (names, portada_section_get_name (s, ui_lang));
      g_ptr_array_add (self->section_keys, g_strdup (s->key));
    }
  gtk_drop_down_set_model (self->section_drop, G_LIST_MODEL (names));
}

static void
fill_authors (PortadaArticleList *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->authors, g_strfreev);
  self->authors = portada_articles_all_authors (self->newsroom, NULL);
  gtk_string_list_append (names, _ ("Any Author"));
  for (guint i = 0; self->authors && self->authors[i]; i++)
    gtk_string_list_append (names, self->authors[i]);
  gtk_drop_down_set_model (self->author_drop, G_LIST_MODEL (names));
}

void
portada_article_list_set_newsroom (PortadaArticleList *self, PortadaNewsroom *newsroom)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_LIST (self));
  g_return_if_fail (PORTADA_IS_NEWSROOM (newsroom));
  if (!g_set_object (&self->newsroom, newsroom))
    return;
  self->quiet = TRUE;
  fill_languages (self);
  fill_sections (self);
  fill_authors (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  self->model = portada_article_model_new (newsroom);
  g_signal_connect_object (self->model, "loaded", G_CALLBACK (loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "changing", G_CALLBACK (changing_cb), self,
                           G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  self->quiet = FALSE;
  self->selected_id = 0;
  update_count (self);
}

PortadaArticleModel *
portada_article_list_get_model (PortadaArticleList *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_LIST (self), NULL);
  return self->model;
}

void
portada_article_list_reload (PortadaArticleList *self, gint64 select_id)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_LIST (self));
  if (self->model == NULL)
    return;
  self->quiet = TRUE;
  fill_authors (self);
  self->selected_id = select_id;
  /* Without search words the query is a walk of an index, a few milliseconds even for
   * 10,000 articles; with them it can take a second, so it runs in the thread. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)))
    {
      portada_article_model_reload_async (self->model);
      self->quiet = FALSE;
      return;
    }
  portada_article_model_reload (self->model);
  self->quiet = FALSE;
  portada_article_list_show_selected (self, select_id);
  update_count (self);
}

void
portada_article_list_refresh (PortadaArticleList *self)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_LIST (self));
  if (self->model == NULL)
    return;
  /* In the thread: only the rows that changed change, the selection stays, and the
   * editor is not told (the article open is not reopened). */
  portada_article_model_reload_async (self->model);
}

void
portada_article_list_show_selected (PortadaArticleList *self, gint64 id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (PORTADA_IS_ARTICLE_LIST (self));
  if (self->model == NULL)
    return;
  self->selected_id = id;
  if (id)
    {
      guint found = portada_article_model_find (self->model, id);
      position = found == G_MAXUINT ? GTK_INVALID_LIST_POSITION : found;
    }
  self->quiet = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->quiet = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
portada_article_list_focus_search (PortadaArticleList *self)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
portada_article_list_set_search (PortadaArticleList *self, const char *text)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_LIST (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  run_query (self, TRUE);
}

guint
portada_article_list_get_n_items (PortadaArticleList *self)
{
  g_return_val_if_fail (PORTADA_IS_ARTICLE_LIST (self), 0);
  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

void
portada_article_list_refresh_choices (PortadaArticleList *self)
{
  g_return_if_fail (PORTADA_IS_ARTICLE_LIST (self));
  if (self->newsroom == NULL)
    return;
  /* The filters go back to "any": a section or language may be gone. */
  self->quiet = TRUE;
  fill_languages (self);
  fill_sections (self);
  fill_authors (self);
  self->quiet = FALSE;
  run_query (self, TRUE);
}
