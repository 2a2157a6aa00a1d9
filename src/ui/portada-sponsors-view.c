/* portada-sponsors-view.c
 *
 * The view owns the model its parts share and the actions that cross parts:
 * going to a sponsor, a list or a strip (the problems and the sponsor page
 * link to them), importing logos, adding and deleting sponsors.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-logo-list.h"
#include "portada-logos.h"
#include "portada-sponsors-view.h"

struct _PortadaSponsorsView
{
  GtkWidget parent_instance;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  PortadaSponsorsList *sponsors_list;
  PortadaSponsorsEditor *editor;
  PortadaSponsorsListsEditor *lists_editor;
  PortadaSponsorsPlacements *placements;
  PortadaSponsorsProblems *problems;
  PortadaSponsorsPreview *preview;
  GtkStackPage *problems_page;

  PortadaSponsorsModel *model;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsView, portada_sponsors_view, GTK_TYPE_WIDGET)

/* A deleted sponsor and its places on the lists, for undo. */
typedef struct
{
  gint64 list_id;
  guint position;
  double weight;
} Membership;

typedef struct
{
  PortadaSponsorsView *self;
  PortadaSponsor *sponsor;
  GArray *memberships;
} DeletedSponsor;

static void
deleted_sponsor_free (DeletedSponsor *deleted)
{
  g_object_unref (deleted->self);
  portada_sponsor_free (deleted->sponsor);
  g_array_unref (deleted->memberships);
  g_free (deleted);
}

static PortadaNewsroom *
newsroom_of (PortadaSponsorsView *self)
{
  return portada_sponsors_model_get_newsroom (self->model);
}

static void
toast_error (PortadaSponsorsView *self, const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
selected_sponsor_cb (PortadaSponsorsView *self)
{
  portada_sponsors_editor_load (self->editor,
                                portada_sponsors_list_get_selected (self->sponsors_list));
}

static void
import_response_cb (PortadaSponsorsImportDialog *dialog, const char *response,
                    PortadaSponsorsView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  ids = portada_sponsors_import_dialog_add (dialog, &error);
  if (ids == NULL)
    {
      toast_error (self, error);
      return;
    }
  if (ids->len == 0)
    return;
  text = g_strdup_printf (ngettext ("%u sponsor added", "%u sponsors added", ids->len), ids->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  portada_sponsors_view_show_sponsor (self, g_array_index (ids, gint64, 0), NULL);
}

static void
chooser_response_cb (PortadaSponsorsView *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GListModel) files = NULL;
  GSList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (files == NULL)
    return;
  for (guint i = g_list_model_get_n_items (files); i > 0; i--)
    list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
  portada_sponsors_view_import_files (self, list);
  g_slist_free_full (list, g_object_unref);
}

static void
import_logos_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  PortadaSponsorsView *self = PORTADA_SPONSORS_VIEW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->model == NULL || self->chooser)
    return;
  gtk_file_filter_set_name (filter, _ ("Logos (PNG, JPEG, WebP, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  self->chooser
      = gtk_file_chooser_native_new (_ ("Import Logos"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
add_sponsor_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  PortadaSponsorsView *self = PORTADA_SPONSORS_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaSponsor) sponsor = NULL;

  if (self->model == NULL)
    return;
  sponsor = portada_sponsor_new (_ ("New Sponsor"));
  if (!portada_sponsors_save (newsroom_of (self), sponsor, &error))
    {
      toast_error (self, error);
      return;
    }
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_SPONSORS, sponsor->id);
  portada_sponsors_view_show_sponsor (self, sponsor->id, PORTADA_SPONSOR_FIELD_NAME);
}

static GArray *
memberships_of (PortadaSponsorsView *self, gint64 sponsor_id, GError **error)
{
  g_autoptr (GPtrArray) lists = portada_logo_lists_list (newsroom_of (self), error);
  g_autoptr (GArray) memberships = g_array_new (FALSE, FALSE, sizeof (Membership));

  if (lists == NULL)
    return NULL;
  for (guint i = 0; i < lists->len; i++)
    {
      const PortadaLogoList *list = g_ptr_array_index (lists, i);
      g_autoptr (GArray) members = portada_logo_lists_members (newsroom_of (self), list->id, error);

      if (members == NULL)
        return NULL;
      for (guint j = 0; j < members->len; j++)
        {
          const PortadaLogoListMember *m = &g_array_index (members, PortadaLogoListMember, j);
          Membership ms = { list->id, j, m->weight };
          if (m->sponsor_id == sponsor_id)
            g_array_append_val (memberships, ms);
        }
    }
  return g_steal_pointer (&memberships);
}

static gboolean
restore_membership (PortadaSponsorsView *self, gint64 sponsor_id, const Membership *ms,
                    GError **error)
{
  g_autoptr (GArray) members = portada_logo_lists_members (newsroom_of (self), ms->list_id, error);
  PortadaLogoListMember m = { sponsor_id, ms->weight };

  if (members == NULL)
    /* The list itself is gone since: nothing to restore there. */
    return g_error_matches (*error, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND);
  g_array_insert_val (members, MIN (ms->position, members->len), m);
  return portada_logo_lists_set_members (newsroom_of (self), ms->list_id,
                                         (const PortadaLogoListMember *) (void *) members->data,
                                         members->len, error);
}

static void
undo_delete_cb (AdwToast *toast, DeletedSponsor *deleted)
{
  PortadaSponsorsView *self = deleted->self;
  g_autoptr (PortadaSponsor) sponsor = portada_sponsor_copy (deleted->sponsor);
  g_autoptr (GError) error = NULL;

  sponsor->id = 0;
  if (!portada_newsroom_begin (newsroom_of (self), &error))
    goto failed;
  if (!portada_sponsors_save (newsroom_of (self), sponsor, &error))
    goto rollback;
  for (guint i = 0; i < deleted->memberships->len; i++)
    if (!restore_membership (self, sponsor->id,
                             &g_array_index (deleted->memberships, Membership, i), &error))
      goto rollback;
  if (!portada_newsroom_commit (newsroom_of (self), &error))
    goto rollback;
  portada_sponsors_model_changed (
      self->model, PORTADA_SPONSORS_CHANGED_SPONSORS | PORTADA_SPONSORS_CHANGED_LISTS, sponsor->id);
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_LISTS, 0);
  portada_sponsors_view_show_sponsor (self, sponsor->id, NULL);
  return;

rollback:
  portada_newsroom_rollback (newsroom_of (self));
failed:
  toast_error (self, error);
}

static void
delete_sponsor_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  portada_sponsors_view_delete_sponsor (PORTADA_SPONSORS_VIEW (widget),
                                        g_variant_get_int64 (param));
}

static void
show_sponsor_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  portada_sponsors_view_show_sponsor (PORTADA_SPONSORS_VIEW (widget), g_variant_get_int64 (param),
                                      NULL);
}

static void
show_list_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  PortadaSponsorsView *self = PORTADA_SPONSORS_VIEW (widget);

  portada_sponsors_view_show_page (self, PORTADA_SPONSORS_PAGE_LISTS);
  portada_sponsors_lists_editor_select (self->lists_editor, g_variant_get_int64 (param));
}

static void
show_placement_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  PortadaSponsorsView *self = PORTADA_SPONSORS_VIEW (widget);

  portada_sponsors_view_show_page (self, PORTADA_SPONSORS_PAGE_PLACEMENTS);
  portada_sponsors_placements_select (self->placements, g_variant_get_int64 (param));
}

static void
problem_activated_cb (PortadaSponsorsView *self, const char *kind, int target, gint64 id)
{
  switch (target)
    {
      case PORTADA_TARGET_SPONSOR:
        portada_sponsors_view_show_sponsor (self, id, portada_sponsors_problems_field_of (kind));
        break;
      case PORTADA_TARGET_PLACEMENT:
        gtk_widget_activate_action (GTK_WIDGET (self), "sponsors.show-placement", "x", id);
        break;
      case PORTADA_TARGET_LOGO_LIST:
        gtk_widget_activate_action (GTK_WIDGET (self), "sponsors.show-list", "x", id);
        break;
      default:
        break;
    }
}

/* The count shows in the sidebar and, when the view is a page of the window's
 * view stack, as the badge of its tab. */
static void
problems_counted_cb (PortadaSponsorsView *self)
{
  guint n = portada_sponsors_problems_get_problems (self->problems)->len;
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  /* Translators: the Problems page in the sponsors view's sidebar, with their count. */
  g_autofree char *title = n ? g_strdup_printf (_ ("Problems (%u)"), n) : g_strdup (_ ("Problems"));

  gtk_stack_page_set_title (self->problems_page, title);
  if (stack)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (self));
      if (page)
        adw_view_stack_page_set_badge_number (page, n);
    }
}

static void
portada_sponsors_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (portada_sponsors_view_parent_class)->root (widget);
  if (PORTADA_SPONSORS_VIEW (widget)->model)
    problems_counted_cb (PORTADA_SPONSORS_VIEW (widget));
}

static void
find_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  PortadaSponsorsView *self = PORTADA_SPONSORS_VIEW (widget);

  portada_sponsors_view_show_page (self, PORTADA_SPONSORS_PAGE_SPONSORS);
  portada_sponsors_list_focus_search (self->sponsors_list);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, PortadaSponsorsView *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr (GSList) files = list ? gdk_file_list_get_files (list) : NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-highlight");
  if (files == NULL || self->model == NULL)
    return FALSE;
  return portada_sponsors_view_import_files (self, files) != NULL;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target, double x, double y, PortadaSponsorsView *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-highlight");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target, PortadaSponsorsView *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-highlight");
}

static void
portada_sponsors_view_dispose (GObject *object)
{
  PortadaSponsorsView *self = PORTADA_SPONSORS_VIEW (object);

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_VIEW);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (portada_sponsors_view_parent_class)->dispose (object);
}

static void
portada_sponsors_view_class_init (PortadaSponsorsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_sponsors_view_dispose;
  widget_class->root = portada_sponsors_view_root;

  g_type_ensure (PORTADA_TYPE_SPONSORS_LIST);
  g_type_ensure (PORTADA_TYPE_SPONSORS_EDITOR);
  g_type_ensure (PORTADA_TYPE_SPONSORS_LISTS_EDITOR);
  g_type_ensure (PORTADA_TYPE_SPONSORS_PLACEMENTS);
  g_type_ensure (PORTADA_TYPE_SPONSORS_PROBLEMS);
  g_type_ensure (PORTADA_TYPE_SPONSORS_PREVIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, sponsors_list);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, editor);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, lists_editor);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, placements);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, problems);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, preview);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsView, problems_page);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, problems_counted_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_sponsor_cb);

  gtk_widget_class_install_action (widget_class, "sponsors.import-logos", NULL, import_logos_cb);
  gtk_widget_class_install_action (widget_class, "sponsors.add-sponsor", NULL, add_sponsor_cb);
  gtk_widget_class_install_action (widget_class, "sponsors.delete-sponsor", "x", delete_sponsor_cb);
  gtk_widget_class_install_action (widget_class, "sponsors.show-sponsor", "x", show_sponsor_cb);
  gtk_widget_class_install_action (widget_class, "sponsors.show-list", "x", show_list_cb);
  gtk_widget_class_install_action (widget_class, "sponsors.show-placement", "x", show_placement_cb);
  gtk_widget_class_install_action (widget_class, "sponsors.find", NULL, find_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "sponsors.find",
                                       NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sponsorsview");
}

static void
portada_sponsors_view_init (PortadaSponsorsView *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
portada_sponsors_view_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_VIEW, NULL);
}

gboolean
portada_sponsors_view_set_newsroom (PortadaSponsorsView *self, PortadaNewsroom *newsroom,
                                    GError **error)
{
  g_autoptr (PortadaSponsorsModel) model = NULL;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), FALSE);
  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  model = portada_sponsors_model_new (newsroom);
  if (!portada_sponsors_model_reload (model, error))
    return FALSE;
  /* What is typed into the newsroom being left is saved into it. */
  if (self->model)
    portada_sponsors_editor_flush (self->editor);
  g_set_object (&self->model, model);
  portada_sponsors_list_set_model (self->sponsors_list, self->model);
  portada_sponsors_editor_set_model (self->editor, self->model);
  portada_sponsors_lists_editor_set_model (self->lists_editor, self->model);
  portada_sponsors_placements_set_model (self->placements, self->model);
  portada_sponsors_problems_set_model (self->problems, self->model);
  portada_sponsors_preview_set_model (self->preview, self->model);
  problems_counted_cb (self);
  return TRUE;
}

gboolean
portada_sponsors_view_refresh (PortadaSponsorsView *self, GError **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), FALSE);
  if (self->model == NULL)
    return TRUE;
  id = portada_sponsors_list_get_selected (self->sponsors_list);
  /* What is being typed is saved first, and the sponsor being edited stays open. */
  portada_sponsors_editor_flush (self->editor);
  portada_sponsors_list_hold_selection (self->sponsors_list, TRUE);
  ok = portada_sponsors_model_reload (self->model, error);
  if (id)
    portada_sponsors_list_select (self->sponsors_list, id);
  portada_sponsors_list_hold_selection (self->sponsors_list, FALSE);
  problems_counted_cb (self);
  return ok;
}

PortadaSponsorsModel *
portada_sponsors_view_get_model (PortadaSponsorsView *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  return self->model;
}

void
portada_sponsors_view_show_page (PortadaSponsorsView *self, const char *page)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_VIEW (self));
  if (gtk_stack_get_child_by_name (self->stack, page))
    gtk_stack_set_visible_child_name (self->stack, page);
}

const char *
portada_sponsors_view_get_page (PortadaSponsorsView *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
portada_sponsors_view_show_sponsor (PortadaSponsorsView *self, gint64 id, const char *field)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), FALSE);
  portada_sponsors_view_show_page (self, PORTADA_SPONSORS_PAGE_SPONSORS);
  if (!portada_sponsors_list_select (self->sponsors_list, id))
    return FALSE;
  portada_sponsors_editor_load (self->editor, id);
  if (field)
    portada_sponsors_editor_focus (self->editor, field);
  return TRUE;
}

PortadaSponsorsImportDialog *
portada_sponsors_view_import_files (PortadaSponsorsView *self, GSList *files)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) file_array = g_ptr_array_new ();
  g_autoptr (GPtrArray) imports = NULL;
  PortadaSponsorsImportDialog *dialog;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  g_return_val_if_fail (self->model != NULL, NULL);
  for (GSList *l = files; l; l = l->next)
    g_ptr_array_add (file_array, l->data);
  if (file_array->len == 0)
    return NULL;
  imports = portada_logos_import_files (newsroom_of (self), (GFile *const *) file_array->pdata,
                                        file_array->len, NULL, &error);
  if (imports == NULL)
    {
      toast_error (self, error);
      return NULL;
    }
  dialog = portada_sponsors_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->model, imports);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

AdwToast *
portada_sponsors_view_delete_sponsor (PortadaSponsorsView *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  DeletedSponsor *deleted;
  AdwToast *toast;

  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  g_return_val_if_fail (self->model != NULL, NULL);
  deleted = g_new0 (DeletedSponsor, 1);
  deleted->self = g_object_ref (self);
  deleted->sponsor = portada_sponsors_load (newsroom_of (self), id, &error);
  deleted->memberships = g_array_new (FALSE, FALSE, sizeof (Membership));
  if (deleted->sponsor)
    {
      g_array_unref (deleted->memberships);
      deleted->memberships = memberships_of (self, id, &error);
    }
  if (deleted->sponsor == NULL || deleted->memberships == NULL
      || !portada_sponsors_delete (newsroom_of (self), id, &error))
    {
      if (deleted->memberships == NULL)
        deleted->memberships = g_array_new (FALSE, FALSE, sizeof (Membership));
      deleted_sponsor_free (deleted);
      toast_error (self, error);
      return NULL;
    }
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_SPONSORS, id);
  portada_sponsors_model_changed (self->model, PORTADA_SPONSORS_CHANGED_LISTS, 0);
  /* Translators: %s is a sponsor's name. */
  title = g_strdup_printf (_ ("“%s” deleted"), deleted->sponsor->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         (GClosureNotify) (void (*) (void)) deleted_sponsor_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

PortadaSponsorsList *
portada_sponsors_view_get_list (PortadaSponsorsView *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  return self->sponsors_list;
}

PortadaSponsorsEditor *
portada_sponsors_view_get_editor (PortadaSponsorsView *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  return self->editor;
}

PortadaSponsorsListsEditor *
portada_sponsors_view_get_lists_editor (PortadaSponsorsView *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  return self->lists_editor;
}

PortadaSponsorsPreview *
portada_sponsors_view_get_preview (PortadaSponsorsView *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  return self->preview;
}

PortadaSponsorsProblems *
portada_sponsors_view_get_problems (PortadaSponsorsView *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  return self->problems;
}

PortadaSponsorsPlacements *
portada_sponsors_view_get_placements (PortadaSponsorsView *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_VIEW (self), NULL);
  return self->placements;
}
