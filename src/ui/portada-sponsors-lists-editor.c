/* portada-sponsors-lists-editor.c
 *
 * The members of the selected list are kept here in their order; every change
 * (a move, a weight, a removal) writes the whole order back in one transaction
 * (portada_logo_lists_set_members) and tells the model, so the preview follows.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-logo-list.h"
#include "portada-placement.h"
#include "portada-sponsors-labels.h"
#include "portada-sponsors-lists-editor.h"
#include "portada-sponsors-member-row.h"

struct _PortadaSponsorsListsEditor
{
  GtkWidget parent_instance;
  GtkListBox *lists_box;
  GtkStack *stack;
  GtkLabel *title_label;
  GtkLabel *summary_label;
  AdwEntryRow *name_row;
  GtkLabel *name_error;
  GtkPopover *add_popover;
  GtkSearchEntry *add_search;
  GtkListBox *add_box;
  GtkListBox *members_box;
  GtkLabel *save_error;

  PortadaSponsorsModel *model;
  GPtrArray *lists; /* PortadaLogoList, as in the sidebar */
  gint64 list_id;
  GArray *members; /* PortadaLogoListMember of list_id, in order */
  gboolean saving; /* our own change: the model's echo needs no reload */
  gboolean stale;  /* changed while hidden: read again when shown */
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsListsEditor, portada_sponsors_lists_editor, GTK_TYPE_WIDGET)

/* What an undo of a deleted list brings back. */
typedef struct
{
  PortadaSponsorsListsEditor *self;
  char *name;
  GArray *members;
  GArray *placement_ids;
} DeletedList;

static void fill_members (PortadaSponsorsListsEditor *self);
static void list_selected_cb (PortadaSponsorsListsEditor *self, GtkListBoxRow *row);
static void update_movable (PortadaSponsorsListsEditor *self);
static void show_list (PortadaSponsorsListsEditor *self, gint64 id);

static void
deleted_list_free (DeletedList *deleted)
{
  g_object_unref (deleted->self);
  g_free (deleted->name);
  g_array_unref (deleted->members);
  g_array_unref (deleted->placement_ids);
  g_free (deleted);
}

static PortadaNewsroom *
newsroom_of (PortadaSponsorsListsEditor *self)
{
  return portada_sponsors_model_get_newsroom (self->model);
}

static void
show_save_error (PortadaSponsorsListsEditor *self, const GError *error)
{
  gtk_label_set_label (self->save_error, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), error != NULL);
}

/* FALSE (and @toast gone) when no overlay can show it. */
static gboolean
toast (PortadaSponsorsListsEditor *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return FALSE;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

static const PortadaLogoList *
find_list (PortadaSponsorsListsEditor *self, gint64 id, guint *index)
{
  for (guint i = 0; self->lists && i < self->lists->len; i++)
    {
      const PortadaLogoList *list = g_ptr_array_index (self->lists, i);
      if (list->id == id)
        {
          if (index)
            *index = i;
          return list;
        }
    }
  return NULL;
}

static GtkWidget *
list_row (PortadaSponsorsListsEditor *self, const PortadaLogoList *list)
{
  g_autoptr (GArray) members = portada_logo_lists_members (newsroom_of (self), list->id, NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (list->name);
  g_autofree char *count = g_strdup_printf ("%u", members ? members->len : 0);
  GtkWidget *count_label = gtk_label_new (count);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "list-id", g_memdup2 (&list->id, sizeof list->id),
                          g_free);
  return row;
}

static gint64
row_list_id (GtkListBoxRow *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "list-id") : NULL;

  return id ? *id : 0;
}

/* Rebuilds the sidebar and shows @select (or the first list). */
static void
reload_lists (PortadaSponsorsListsEditor *self, gint64 select)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;

  g_clear_pointer (&self->lists, g_ptr_array_unref);
  self->lists = portada_logo_lists_list (newsroom_of (self), &error);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lists_box))))
    gtk_list_box_remove (self->lists_box, child);
  if (self->lists == NULL)
    {
      show_save_error (self, error);
      return;
    }
  for (guint i = 0; i < self->lists->len; i++)
    {
      const PortadaLogoList *list = g_ptr_array_index (self->lists, i);
      GtkWidget *row = list_row (self, list);
      gtk_list_box_append (self->lists_box, row);
      if (list->id == select || (selected == NULL && i == 0))
        selected = GTK_LIST_BOX_ROW (row);
    }
  /* Shown once, here, not a second time by the selection's signal. */
  g_signal_handlers_block_by_func (self->lists_box, list_selected_cb, self);
  gtk_list_box_select_row (self->lists_box, selected);
  g_signal_handlers_unblock_by_func (self->lists_box, list_selected_cb, self);
  show_list (self, row_list_id (selected));
}

/* "23 sponsors · drawn by Header, Sidebar" */
static char *
summary (PortadaSponsorsListsEditor *self, GError **error)
{
  g_autoptr (GPtrArray) placements = portada_placements_list (newsroom_of (self), error);
  g_autoptr (GString) strips = g_string_new (NULL);
  g_autoptr (GHashTable) per_slot = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *count = NULL;

  if (placements == NULL)
    return NULL;
  for (guint i = 0; i < placements->len; i++)
    {
      PortadaPlacement *p = g_ptr_array_index (placements, i);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (per_slot, p->slot));
      g_autofree char *label = portada_sponsors_placement_label (p, index);

      g_hash_table_insert (per_slot, p->slot, GUINT_TO_POINTER (index + 1));
      if (p->list_id != self->list_id)
        continue;
      g_string_append_printf (strips, "%s%s", strips->len ? ", " : "", label);
    }
  count = g_strdup_printf (ngettext ("%u sponsor", "%u sponsors", self->members->len),
                           self->members->len);
  if (strips->len == 0)
    /* Translators: "23 sponsors · no strip draws from this list yet". */
    return g_strdup_printf (_ ("%s · no strip draws from this list yet"), count);
  /* Translators: "23 sponsors · shown in Header, Sidebar". */
  return g_strdup_printf (_ ("%s · shown in %s"), count, strips->str);
}

static void
show_summary (PortadaSponsorsListsEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = summary (self, &error);

  gtk_label_set_label (self->summary_label, text ? text : error->message);
}

static void
show_list (PortadaSponsorsListsEditor *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  const PortadaLogoList *list = find_list (self, id, NULL);

  self->list_id = list ? id : 0;
  g_clear_pointer (&self->members, g_array_unref);
  show_save_error (self, NULL);
  if (list == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->members = portada_logo_lists_members (newsroom_of (self), id, &error);
  if (self->members == NULL)
    {
      self->members = g_array_new (FALSE, TRUE, sizeof (PortadaLogoListMember));
      show_save_error (self, error);
    }
  gtk_label_set_label (self->title_label, list->name);
  g_signal_handlers_block_matched (self->name_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), list->name);
  g_signal_handlers_unblock_matched (self->name_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_label_set_label (self->name_error, "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
  fill_members (self);
  show_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Writes the members in their order; the rows are rebuilt from them. */
static gboolean
save_members (PortadaSponsorsListsEditor *self)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = portada_logo_lists_set_members (newsroom_of (self), self->list_id,
                                       (const PortadaLogoListMember *) (void *) self->members->data,
                                       self->members->len, &error);
  show_save_error (self, error);
  if (!ok)
    {
      /* Show what is stored, not what could not be saved. */
      show_list (self, self->list_id);
      return FALSE;
    }
  self->saving = TRUE;
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_LISTS, 0);
  self->saving = FALSE;
  return TRUE;
}

static void
refresh_counts (PortadaSponsorsListsEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->lists_box);
  GtkWidget *box = row ? gtk_list_box_row_get_child (row) : NULL;
  g_autofree char *count = g_strdup_printf ("%u", self->members->len);

  if (box)
    gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), count);
  show_summary (self);
}

static int
member_index (PortadaSponsorsListsEditor *self, PortadaSponsorsMemberRow *row)
{
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
focus_member (PortadaSponsorsListsEditor *self, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->members_box, index);

  if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
member_move_cb (PortadaSponsorsMemberRow *row, int delta, PortadaSponsorsListsEditor *self)
{
  int from = member_index (self, row);
  int to = from + delta;

  if (to < 0 || to >= (int) self->members->len)
    return;
  if (portada_sponsors_lists_editor_move (self, from, to))
    focus_member (self, to);
}

static void
member_move_to_cb (PortadaSponsorsMemberRow *row, int to, PortadaSponsorsListsEditor *self)
{
  portada_sponsors_lists_editor_move (self, member_index (self, row), to);
}

static void
member_remove_cb (PortadaSponsorsMemberRow *row, PortadaSponsorsListsEditor *self)
{
  int index = member_index (self, row);

  g_array_remove_index (self->members, index);
  if (save_members (self))
    {
      /* One row goes; the others stay as they are (a list may be long). */
      gtk_list_box_remove (self->members_box, GTK_WIDGET (row));
      update_movable (self);
      refresh_counts (self);
      focus_member (self, MIN ((guint) index, self->members->len ? self->members->len - 1 : 0));
    }
}

static void
member_weight_cb (PortadaSponsorsMemberRow *row, double weight, PortadaSponsorsListsEditor *self)
{
  int index = member_index (self, row);

  g_array_index (self->members, PortadaLogoListMember, index).weight = weight;
  save_members (self);
}

static GtkWidget *
member_row_new (PortadaSponsorsListsEditor *self, const PortadaLogoListMember *m)
{
  GtkWidget *row = portada_sponsors_member_row_new (self->model, m->sponsor_id, m->weight);

  g_signal_connect_object (row, "move", G_CALLBACK (member_move_cb), self, 0);
  g_signal_connect_object (row, "move-to", G_CALLBACK (member_move_to_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (member_remove_cb), self, 0);
  g_signal_connect_object (row, "weight-changed", G_CALLBACK (member_weight_cb), self, 0);
  return row;
}

/* The first row cannot go up, the last cannot go down. */
static void
update_movable (PortadaSponsorsListsEditor *self)
{
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->members_box)); row;
       row = gtk_widget_get_next_sibling (row))
    if (PORTADA_IS_SPONSORS_MEMBER_ROW (row))
      {
        portada_sponsors_member_row_set_movable (PORTADA_SPONSORS_MEMBER_ROW (row), i > 0,
                                                 i + 1 < self->members->len);
        i++;
      }
}

static void
fill_members (PortadaSponsorsListsEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_box))))
    gtk_list_box_remove (self->members_box, child);
  for (guint i = 0; i < self->members->len; i++)
    gtk_list_box_append (
        self->members_box,
        member_row_new (self, &g_array_index (self->members, PortadaLogoListMember, i)));
  update_movable (self);
}

static void
list_selected_cb (PortadaSponsorsListsEditor *self, GtkListBoxRow *row)
{
  gint64 id = row_list_id (row);

  if (id != 0 && id != self->list_id)
    show_list (self, id);
}

static void
rename_cb (PortadaSponsorsListsEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (!portada_logo_lists_rename (newsroom_of (self), self->list_id, name, &error))
    {
      gtk_label_set_label (self->name_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->name_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  self->saving = TRUE;
  reload_lists (self, self->list_id);
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_LISTS, 0);
  self->saving = FALSE;
}

static void
name_changed_cb (PortadaSponsorsListsEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
}

static gboolean
is_member (PortadaSponsorsListsEditor *self, gint64 sponsor_id)
{
  for (guint i = 0; i < self->members->len; i++)
    if (g_array_index (self->members, PortadaLogoListMember, i).sponsor_id == sponsor_id)
      return TRUE;
  return FALSE;
}

/* The sponsors not on the list, matching the popover's search. */
static void
fill_candidates (PortadaSponsorsListsEditor *self)
{
  GListModel *sponsors = portada_sponsors_model_get_sponsors (self->model);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->add_search));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->add_box))))
    gtk_list_box_remove (self->add_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (sponsors); i++)
    {
      g_autoptr (PortadaSponsorsItem) item = g_list_model_get_item (sponsors, i);
      GtkWidget *row;

      if (is_member (self, portada_sponsors_item_get_id (item))
          || !portada_sponsors_item_matches (item, search))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     portada_sponsors_item_get_name (item));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "sponsor-id",
                         GSIZE_TO_POINTER ((gsize) portada_sponsors_item_get_id (item)));
      gtk_list_box_append (self->add_box, row);
    }
}

static void
add_popover_shown_cb (PortadaSponsorsListsEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_search), "");
  fill_candidates (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_search));
}

static void
add_search_changed_cb (PortadaSponsorsListsEditor *self)
{
  fill_candidates (self);
}

static void
candidate_activated_cb (PortadaSponsorsListsEditor *self, GtkListBoxRow *row)
{
  PortadaLogoListMember m = { 0 };

  m.sponsor_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "sponsor-id"));
  m.weight = 1.0;
  g_array_append_val (self->members, m);
  if (!save_members (self))
    return;
  gtk_list_box_append (self->members_box, member_row_new (self, &m));
  update_movable (self);
  refresh_counts (self);
  /* Several sponsors are often added in a row: the popover stays open. */
  fill_candidates (self);
}

/* Alt+Up and Alt+Down act on the member row holding the focus. */
static void
move_focused_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, PORTADA_TYPE_SPONSORS_MEMBER_ROW) : NULL;

  if (row == NULL || !gtk_widget_is_ancestor (row, widget))
    return;
  gtk_widget_activate_action (
      row, g_str_equal (action, "lists.move-up") ? "member.move-up" : "member.move-down", NULL);
}

static void
add_list_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  portada_sponsors_lists_editor_create (PORTADA_SPONSORS_LISTS_EDITOR (widget));
}

static void
delete_list_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  portada_sponsors_lists_editor_delete_selected (PORTADA_SPONSORS_LISTS_EDITOR (widget));
}

static void
undo_delete_cb (AdwToast *toast, DeletedList *deleted)
{
  PortadaSponsorsListsEditor *self = deleted->self;
  PortadaNewsroom *newsroom = newsroom_of (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) placements = NULL;
  gint64 id;

  if (!portada_newsroom_begin (newsroom, &error))
    goto failed;
  id = portada_logo_lists_create (newsroom, deleted->name, &error);
  if (id == 0
      || !portada_logo_lists_set_members (
          newsroom, id, (const PortadaLogoListMember *) (void *) deleted->members->data,
          deleted->members->len, &error)
      || (placements = portada_placements_list (newsroom, &error)) == NULL)
    goto rollback;
  for (guint i = 0; i < placements->len; i++)
    {
      PortadaPlacement *p = g_ptr_array_index (placements, i);
      for (guint j = 0; j < deleted->placement_ids->len; j++)
        if (p->id == g_array_index (deleted->placement_ids, gint64, j) && p->list_id == 0)
          {
            p->list_id = id;
            if (!portada_placements_save (newsroom, p, &error))
              goto rollback;
          }
    }
  if (!portada_newsroom_commit (newsroom, &error))
    goto rollback;
  self->saving = TRUE;
  reload_lists (self, id);
  portada_sponsors_model_changed (
      self->model, PORTADA_SPONSORS_CHANGED_LISTS | PORTADA_SPONSORS_CHANGED_PLACEMENTS, 0);
  self->saving = FALSE;
  return;

rollback:
  portada_newsroom_rollback (newsroom);
failed:
  show_save_error (self, error);
}

static DeletedList *
remember_list (PortadaSponsorsListsEditor *self, const PortadaLogoList *list, GError **error)
{
  g_autoptr (GPtrArray) placements = portada_placements_list (newsroom_of (self), error);
  DeletedList *deleted;

  if (placements == NULL)
    return NULL;
  deleted = g_new0 (DeletedList, 1);
  deleted->self = g_object_ref (self);
  deleted->name = g_strdup (list->name);
  deleted->members = g_array_ref (self->members);
  deleted->placement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < placements->len; i++)
    {
      PortadaPlacement *p = g_ptr_array_index (placements, i);
      if (p->list_id == list->id)
        g_array_append_val (deleted->placement_ids, p->id);
    }
  return deleted;
}

static void
model_changed_cb (PortadaSponsorsListsEditor *self, guint what, gint64 sponsor_id)
{
  if (self->saving)
    return;
  /* Building the rows costs: a hidden editor does it when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (what & PORTADA_SPONSORS_CHANGED_LISTS)
    reload_lists (self, self->list_id);
  else if (what & PORTADA_SPONSORS_CHANGED_SPONSORS && self->members)
    fill_members (self);
  else if (what & PORTADA_SPONSORS_CHANGED_PLACEMENTS && self->members)
    show_summary (self);
}

static void
portada_sponsors_lists_editor_map (GtkWidget *widget)
{
  PortadaSponsorsListsEditor *self = PORTADA_SPONSORS_LISTS_EDITOR (widget);

  if (self->stale && self->model)
    {
      self->stale = FALSE;
      reload_lists (self, self->list_id);
    }
  GTK_WIDGET_CLASS (portada_sponsors_lists_editor_parent_class)->map (widget);
}

static void
portada_sponsors_lists_editor_dispose (GObject *object)
{
  PortadaSponsorsListsEditor *self = PORTADA_SPONSORS_LISTS_EDITOR (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_LISTS_EDITOR);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_sponsors_lists_editor_parent_class)->dispose (object);
}

static void
portada_sponsors_lists_editor_class_init (PortadaSponsorsListsEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_lists_editor_dispose;
  widget_class->map = portada_sponsors_lists_editor_map;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-lists-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, lists_box);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, add_popover);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, add_search);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, add_box);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, members_box);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsListsEditor, save_error);
  gtk_widget_class_bind_template_callback (widget_class, list_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, candidate_activated_cb);
  gtk_widget_class_install_action (widget_class, "lists.add", NULL, add_list_cb);
  gtk_widget_class_install_action (widget_class, "lists.delete", NULL, delete_list_cb);
  gtk_widget_class_install_action (widget_class, "lists.move-up", NULL, move_focused_cb);
  gtk_widget_class_install_action (widget_class, "lists.move-down", NULL, move_focused_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "lists.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "lists.move-down",
                                       NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
portada_sponsors_lists_editor_init (PortadaSponsorsListsEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_ ("No sponsors on this list yet: add some with “Add Sponsors”"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->members_box, placeholder);
}

GtkWidget *
portada_sponsors_lists_editor_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_LISTS_EDITOR, NULL);
}

void
portada_sponsors_lists_editor_set_model (PortadaSponsorsListsEditor *self,
                                         PortadaSponsorsModel *model)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_LISTS_EDITOR (self));
  if (self->model)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      g_clear_object (&self->model);
    }
  self->model = g_object_ref (model);
  self->list_id = 0;
  g_signal_connect_object (model, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    portada_sponsors_lists_editor_map (GTK_WIDGET (self));
}

/* Reads the lists now if a change came while hidden. */
static void
ensure_fresh (PortadaSponsorsListsEditor *self)
{
  if (self->stale && self->model)
    {
      self->stale = FALSE;
      reload_lists (self, self->list_id);
    }
}

gboolean
portada_sponsors_lists_editor_select (PortadaSponsorsListsEditor *self, gint64 id)
{
  guint index;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_LISTS_EDITOR (self), FALSE);
  ensure_fresh (self);
  if (find_list (self, id, &index) == NULL)
    return FALSE;
  gtk_list_box_select_row (self->lists_box, gtk_list_box_get_row_at_index (self->lists_box, index));
  if (self->list_id != id)
    show_list (self, id);
  return TRUE;
}

gint64
portada_sponsors_lists_editor_get_selected (PortadaSponsorsListsEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_LISTS_EDITOR (self), 0);
  return self->list_id;
}

gint64
portada_sponsors_lists_editor_create (PortadaSponsorsListsEditor *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_LISTS_EDITOR (self), 0);
  ensure_fresh (self);
  for (guint n = 1; id == 0 && n < 1000; n++)
    {
      g_autofree char *name
          = n == 1 ? g_strdup (_ ("New List"))
                   /* Translators: the name of a new logo list when "New List" is taken. */
                   : g_strdup_printf (_ ("New List %u"), n);
      g_clear_error (&error);
      id = portada_logo_lists_create (newsroom_of (self), name, &error);
      if (id == 0 && !g_error_matches (error, PORTADA_ERROR, PORTADA_ERROR_INVALID))
        break;
    }
  if (id == 0)
    {
      show_save_error (self, error);
      return 0;
    }
  self->saving = TRUE;
  reload_lists (self, id);
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_LISTS, 0);
  self->saving = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return id;
}

GtkListBox *
portada_sponsors_lists_editor_get_members (PortadaSponsorsListsEditor *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_LISTS_EDITOR (self), NULL);
  return self->members_box;
}

gboolean
portada_sponsors_lists_editor_move (PortadaSponsorsListsEditor *self, guint from, guint to)
{
  PortadaLogoListMember moved;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_LISTS_EDITOR (self), FALSE);
  ensure_fresh (self);
  if (self->members == NULL || from >= self->members->len || to >= self->members->len)
    return FALSE;
  if (from == to)
    return TRUE;
  moved = g_array_index (self->members, PortadaLogoListMember, from);
  g_array_remove_index (self->members, from);
  g_array_insert_val (self->members, to, moved);
  if (!save_members (self))
    return FALSE;
  {
    /* The row itself moves: the others stay built. */
    GtkWidget *row
        = g_object_ref (GTK_WIDGET (gtk_list_box_get_row_at_index (self->members_box, from)));
    gtk_list_box_remove (self->members_box, row);
    gtk_list_box_insert (self->members_box, row, to);
    g_object_unref (row);
  }
  update_movable (self);
  return TRUE;
}

AdwToast *
portada_sponsors_lists_editor_delete_selected (PortadaSponsorsListsEditor *self)
{
  g_autoptr (GError) error = NULL;
  const PortadaLogoList *list;
  DeletedList *deleted;
  AdwToast *done;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_LISTS_EDITOR (self), NULL);
  ensure_fresh (self);
  list = find_list (self, self->list_id, NULL);
  if (list == NULL)
    return NULL;
  deleted = remember_list (self, list, &error);
  if (deleted == NULL || !portada_logo_lists_delete (newsroom_of (self), list->id, &error))
    {
      g_clear_pointer (&deleted, deleted_list_free);
      show_save_error (self, error);
      return NULL;
    }
  /* Translators: %s is the name of a logo list. */
  title = g_strdup_printf (_ ("List “%s” deleted"), deleted->name);
  done = adw_toast_new (title);
  adw_toast_set_button_label (done, _ ("_Undo"));
  adw_toast_set_priority (done, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (done, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         (GClosureNotify) (void (*) (void)) deleted_list_free, 0);
  self->saving = TRUE;
  reload_lists (self, 0);
  portada_sponsors_model_changed (
      self->model, PORTADA_SPONSORS_CHANGED_LISTS | PORTADA_SPONSORS_CHANGED_PLACEMENTS, 0);
  self->saving = FALSE;
  return toast (self, done) ? done : NULL;
}
