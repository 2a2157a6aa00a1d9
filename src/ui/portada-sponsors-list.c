/* portada-sponsors-list.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-logo-list.h"
#include "portada-sponsors-contract.h"
#include "portada-sponsors-list.h"
#include "portada-sponsors-row.h"

struct _PortadaSponsorsList
{
  GtkWidget parent_instance;
  GtkSearchEntry *search_entry;
  GtkDropDown *filter_dropdown;
  GtkStringList *filters;
  GtkListView *list_view;
  GtkStack *stack;
  PortadaSponsorsModel *model;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GPtrArray *list_names; /* the lists in the filter menu, after the fixed filters */
  gint64 selected_id;
  gboolean holding; /* the selection stays while the model is reloaded */
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsList, portada_sponsors_list, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The filter menu: these, then "On list X" for each list. */
typedef enum
{
  FILTER_ALL,
  FILTER_ACTIVE,
  FILTER_EXPIRING,
  FILTER_EXPIRED,
  FILTER_NOT_STARTED,
  FILTER_INACTIVE,
  FILTER_NO_LIST,
  N_FIXED_FILTERS
} Filter;

static const char *const fixed_filters[]
    = { N_ ("All Sponsors"), N_ ("Active"),   N_ ("Expiring Soon"), N_ ("Expired"),
        N_ ("Not Started"),  N_ ("Inactive"), N_ ("On No List") };

static gboolean
filter_matches (PortadaSponsorsList *self, PortadaSponsorsItem *item)
{
  guint filter = gtk_drop_down_get_selected (self->filter_dropdown);
  const PortadaSponsor *sponsor = portada_sponsors_item_get_sponsor (item);
  const char *const *lists = portada_sponsors_item_get_lists (item);
  PortadaContractState state;

  if (filter == GTK_INVALID_LIST_POSITION || filter == FILTER_ALL)
    return TRUE;
  if (filter == FILTER_NO_LIST)
    return lists[0] == NULL;
  if (filter >= N_FIXED_FILTERS)
    {
      guint i = filter - N_FIXED_FILTERS;
      return i < self->list_names->len
             && g_strv_contains (lists, g_ptr_array_index (self->list_names, i));
    }
  state = portada_sponsor_contract_state (sponsor, portada_sponsors_model_get_today (self->model),
                                          NULL);
  switch (filter)
    {
      case FILTER_ACTIVE:
        return state == PORTADA_CONTRACT_ACTIVE || state == PORTADA_CONTRACT_EXPIRING;
      case FILTER_EXPIRING:
        return state == PORTADA_CONTRACT_EXPIRING;
      case FILTER_EXPIRED:
        return state == PORTADA_CONTRACT_EXPIRED;
      case FILTER_NOT_STARTED:
        return state == PORTADA_CONTRACT_NOT_STARTED;
      case FILTER_INACTIVE:
        return state == PORTADA_CONTRACT_INACTIVE;
      default:
        return TRUE;
    }
}

static gboolean
item_visible (gpointer item, gpointer user_data)
{
  PortadaSponsorsList *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return portada_sponsors_item_matches (item, search) && filter_matches (self, item);
}

static void
update_empty_state (PortadaSponsorsList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
set_selected_id (PortadaSponsorsList *self, gint64 id)
{
  if (self->selected_id == id)
    return;
  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* The list names of the filter menu follow the newsroom's lists. */
static void
reload_filters (PortadaSponsorsList *self)
{
  g_autoptr (GPtrArray) lists = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  g_auto (GStrv) strings = NULL;
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->filters));

  lists = portada_logo_lists_list (portada_sponsors_model_get_newsroom (self->model), &error);
  if (lists == NULL)
    {
      g_warning ("The logo lists cannot be read: %s", error->message);
      return;
    }
  g_ptr_array_set_size (self->list_names, 0);
  for (guint i = 0; i < lists->len; i++)
    {
      PortadaLogoList *list = g_ptr_array_index (lists, i);
      /* Translators: a filter of the sponsors list; %s is a logo list's name. */
      g_autofree char *label = g_strdup_printf (_ ("On List %s"), list->name);
      g_ptr_array_add (self->list_names, g_strdup (list->name));
      g_strv_builder_add (labels, label);
    }
  strings = g_strv_builder_end (labels);
  gtk_string_list_splice (self->filters, N_FIXED_FILTERS, n_old - N_FIXED_FILTERS,
                          (const char *const *) strings);
  if (selected != GTK_INVALID_LIST_POSITION
      && selected < g_list_model_get_n_items (G_LIST_MODEL (self->filters)))
    gtk_drop_down_set_selected (self->filter_dropdown, selected);
  else
    gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
}

static void
model_changed_cb (PortadaSponsorsList *self, guint what, gint64 sponsor_id)
{
  if (what & PORTADA_SPONSORS_CHANGED_LISTS)
    reload_filters (self);
  /* A saved sponsor may now fall outside the filter (or inside it); the
   * selected one stays until another is chosen, as in a mail client. */
  if (what & (PORTADA_SPONSORS_CHANGED_SPONSORS | PORTADA_SPONSORS_CHANGED_LISTS)
      && sponsor_id == 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_changed_cb (PortadaSponsorsList *self)
{
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filter_selected_cb (PortadaSponsorsList *self)
{
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
items_changed_cb (PortadaSponsorsList *self)
{
  update_empty_state (self);
}

static void
selection_changed_cb (PortadaSponsorsList *self)
{
  PortadaSponsorsItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->holding)
    return;
  set_selected_id (self, item ? portada_sponsors_item_get_id (item) : 0);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  PortadaSponsorsList *self = user_data;

  gtk_list_item_set_child (list_item, portada_sponsors_row_new (self->model));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  PortadaSponsorsItem *item = gtk_list_item_get_item (list_item);

  portada_sponsors_row_set_item (PORTADA_SPONSORS_ROW (gtk_list_item_get_child (list_item)), item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (list_item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  portada_sponsors_item_get_name (item), -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  portada_sponsors_row_set_item (PORTADA_SPONSORS_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
portada_sponsors_list_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  PortadaSponsorsList *self = PORTADA_SPONSORS_LIST (object);

  switch (prop_id)
    {
      case PROP_SELECTED_ID:
        g_value_set_int64 (value, self->selected_id);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
portada_sponsors_list_dispose (GObject *object)
{
  PortadaSponsorsList *self = PORTADA_SPONSORS_LIST (object);

  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->model);
  g_clear_pointer (&self->list_names, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_LIST);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_sponsors_list_parent_class)->dispose (object);
}

static void
portada_sponsors_list_class_init (PortadaSponsorsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = portada_sponsors_list_dispose;
  object_class->get_property = portada_sponsors_list_get_property;

  properties[PROP_SELECTED_ID]
      = g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-list.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsList, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsList, filters);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsList, list_view);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsList, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
portada_sponsors_list_init (PortadaSponsorsList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->list_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_FIXED_FILTERS; i++)
    gtk_string_list_append (self->filters, _ (fixed_filters[i]));
  gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

GtkWidget *
portada_sponsors_list_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_LIST, NULL);
}

void
portada_sponsors_list_set_model (PortadaSponsorsList *self, PortadaSponsorsModel *model)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_LIST (self));
  g_return_if_fail (PORTADA_IS_SPONSORS_MODEL (model));

  /* Another newsroom: the old models go. */
  if (self->model)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      gtk_list_view_set_model (self->list_view, NULL);
      g_clear_object (&self->selection);
      g_clear_object (&self->filtered);
      g_clear_object (&self->model);
      set_selected_id (self, 0);
    }
  self->model = g_object_ref (model);
  self->filter = gtk_custom_filter_new (item_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (
      g_object_ref (portada_sponsors_model_get_sponsors (model)), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  reload_filters (self);
  update_empty_state (self);
}

gint64
portada_sponsors_list_get_selected (PortadaSponsorsList *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_LIST (self), 0);
  return self->selected_id;
}

static gboolean
find_shown (PortadaSponsorsList *self, gint64 id, guint *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PortadaSponsorsItem) item
          = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      if (portada_sponsors_item_get_id (item) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
portada_sponsors_list_select (PortadaSponsorsList *self, gint64 id)
{
  guint position;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_LIST (self), FALSE);
  if (portada_sponsors_model_find (self->model, id, NULL) == NULL)
    return FALSE;
  if (!find_shown (self, id, &position))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      if (!find_shown (self, id, &position))
        return FALSE;
    }
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

void
portada_sponsors_list_set_search (PortadaSponsorsList *self, const char *text)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_LIST (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Don't wait for the entry's search delay. */
  search_changed_cb (self);
}

guint
portada_sponsors_list_get_n_shown (PortadaSponsorsList *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
portada_sponsors_list_focus_search (PortadaSponsorsList *self)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
portada_sponsors_list_hold_selection (PortadaSponsorsList *self, gboolean hold)
{
  PortadaSponsorsItem *item;

  g_return_if_fail (PORTADA_IS_SPONSORS_LIST (self));
  self->holding = hold;
  if (hold)
    return;
  /* Gone while held (deleted by another program): nothing is selected any more. */
  item = gtk_single_selection_get_selected_item (self->selection);
  set_selected_id (self, item ? portada_sponsors_item_get_id (item) : 0);
}
