/* portada-sponsors-problems.c
 *
 * The checks run again a moment after every change the model reports, so a
 * problem fixed on a sponsor's page leaves the panel by itself. A row says which
 * sponsor (or strip), what is wrong and how to fix it; activating it asks the
 * view to open the place of the fix ("activated").
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-sponsor-checks.h"
#include "portada-sponsor-merge.h"
#include "portada-sponsors-editor.h"
#include "portada-sponsors-problems.h"

struct _PortadaSponsorsProblems
{
  GtkWidget parent_instance;
  GtkStack *stack;
  GtkLabel *summary_label;
  GtkBox *groups_box;
  AdwStatusPage *error_page;

  PortadaSponsorsModel *model;
  GPtrArray *problems; /* PortadaProblem */
  GPtrArray *rows;     /* AdwActionRow, alongside */
  guint refresh_source;
  gboolean rows_stale; /* the rows are built when the panel is shown */
};

G_DEFINE_FINAL_TYPE (PortadaSponsorsProblems, portada_sponsors_problems, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_N_PROBLEMS,
  N_PROPS
};

enum
{
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  GROUP_CONTRACTS,
  GROUP_SPONSORS,
  GROUP_STRIPS,
  N_GROUPS
} Group;

static Group
group_of (const PortadaProblem *problem)
{
  if (problem->target != PORTADA_TARGET_SPONSOR)
    return GROUP_STRIPS;
  if (g_str_equal (problem->kind, PORTADA_PROBLEM_SPONSOR_EXPIRED)
      || g_str_equal (problem->kind, PORTADA_PROBLEM_SPONSOR_EXPIRING))
    return GROUP_CONTRACTS;
  return GROUP_SPONSORS;
}

/* "is on no list" → "Is on no list": the core's sentences follow the subject. */
static char *
sentence (const char *text)
{
  gunichar first;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  first = g_unichar_totitle (g_utf8_get_char (text));
  {
    char buf[8] = { 0 };
    g_unichar_to_utf8 (first, buf);
    return g_strconcat (buf, g_utf8_next_char (text), NULL);
  }
}

static void
activated_cb (AdwActionRow *row, PortadaSponsorsProblems *self)
{
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  {
    const PortadaProblem *problem = g_ptr_array_index (self->problems, index);
    g_signal_emit (self, signals[ACTIVATED], 0, problem->kind, (int) problem->target,
                   problem->target_id);
  }
}

/* The other entry of a "same sponsor twice" problem. */
static gint64
twin_of (PortadaSponsorsProblems *self, gint64 id)
{
  PortadaSponsorsItem *item = portada_sponsors_model_find (self->model, id, NULL);
  GListModel *sponsors = portada_sponsors_model_get_sponsors (self->model);

  if (item == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (sponsors); i++)
    {
      g_autoptr (PortadaSponsorsItem) other = g_list_model_get_item (sponsors, i);
      if (portada_sponsors_item_get_id (other) != id
          && portada_sponsor_names_match (portada_sponsors_item_get_name (item),
                                          portada_sponsors_item_get_name (other)))
        return portada_sponsors_item_get_id (other);
    }
  return 0;
}

static void
join_response_cb (AdwMessageDialog *dialog, const char *response, PortadaSponsorsProblems *self)
{
  gint64 keep = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "keep"));
  gint64 other = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "other"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "join") != 0)
    return;
  if (!portada_sponsors_merge (portada_sponsors_model_get_newsroom (self->model), keep, other,
                               &error))
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }
  portada_sponsors_model_changed (
      self->model, PORTADA_SPONSORS_CHANGED_SPONSORS | PORTADA_SPONSORS_CHANGED_LISTS, 0);
}

static void
join_clicked_cb (GtkButton *button, PortadaSponsorsProblems *self)
{
  gint64 other = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "other"));
  gint64 keep = twin_of (self, other);
  PortadaSponsorsItem *kept = portada_sponsors_model_find (self->model, keep, NULL);
  PortadaSponsorsItem *gone = portada_sponsors_model_find (self->model, other, NULL);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (kept == NULL || gone == NULL)
    return;
  heading = g_strdup_printf (_ ("Join “%s” into “%s”?"), portada_sponsors_item_get_name (gone),
                             portada_sponsors_item_get_name (kept));
  body = g_strdup_printf (_ ("“%s” takes the other’s place on every list, and the website, logo, "
                             "dates and notes it lacks. “%s” is deleted."),
                          portada_sponsors_item_get_name (kept),
                          portada_sponsors_item_get_name (gone));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "join",
                                    _ ("_Join"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "join",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "keep", GSIZE_TO_POINTER ((gsize) keep));
  g_object_set_data (G_OBJECT (dialog), "other", GSIZE_TO_POINTER ((gsize) other));
  g_signal_connect_object (dialog, "response", G_CALLBACK (join_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
icon_of (Group group)
{
  switch (group)
    {
      case GROUP_CONTRACTS:
        return "x-office-calendar-symbolic";
      case GROUP_STRIPS:
        return "view-list-symbolic";
      case GROUP_SPONSORS:
      default:
        return "dialog-warning-symbolic";
    }
}

static GtkWidget *
problem_row (PortadaSponsorsProblems *self, const PortadaProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *message = sentence (problem->message);
  g_autofree char *fix = sentence (problem->fix);
  /* Translators: a problem's "what is wrong", then on a new line "how to fix it". */
  g_autofree char *subtitle = g_strdup_printf (_ ("%s.\n%s."), message, fix);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->subject);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (icon_of (group_of (problem))));
  if (g_str_equal (problem->kind, PORTADA_PROBLEM_SPONSOR_DUPLICATE)
      && twin_of (self, problem->target_id) != 0)
    {
      GtkWidget *join = gtk_button_new_with_mnemonic (_ ("_Join…"));
      gtk_widget_set_valign (join, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (join, _ ("Make the two entries one sponsor"));
      g_object_set_data (G_OBJECT (join), "other", GSIZE_TO_POINTER ((gsize) problem->target_id));
      g_signal_connect_object (join, "clicked", G_CALLBACK (join_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), join);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (activated_cb), self, 0);
  return row;
}

static void
fill (PortadaSponsorsProblems *self)
{
  static const char *const titles[]
      = { N_ ("Contracts"), N_ ("Sponsors"), N_ ("Strips of the Page") };
  GtkWidget *groups[N_GROUPS] = { NULL };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < self->problems->len; i++)
    {
      const PortadaProblem *problem = g_ptr_array_index (self->problems, i);
      Group group = group_of (problem);
      GtkWidget *row = problem_row (self, problem);

      if (groups[group] == NULL)
        {
          groups[group] = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[group]),
                                           _ (titles[group]));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[group]), row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint g = 0; g < N_GROUPS; g++)
    if (groups[g])
      gtk_box_append (self->groups_box, groups[g]);
}

static void
ensure_rows (PortadaSponsorsProblems *self)
{
  if (!self->rows_stale)
    return;
  self->rows_stale = FALSE;
  fill (self);
}

static void
portada_sponsors_problems_map (GtkWidget *widget)
{
  ensure_rows (PORTADA_SPONSORS_PROBLEMS (widget));
  GTK_WIDGET_CLASS (portada_sponsors_problems_parent_class)->map (widget);
}

static void
show_summary (PortadaSponsorsProblems *self)
{
  g_autofree char *text = NULL;
  guint n = self->problems->len;

  /* Translators: %u problems, %s the date they are checked for, "2026-11-28". */
  text = g_strdup_printf (ngettext ("%u problem on %s", "%u problems on %s", n), n,
                          portada_sponsors_model_get_today (self->model));
  gtk_label_set_label (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->stack, n ? "problems" : "none");
}

static gboolean
refresh_cb (gpointer user_data)
{
  PortadaSponsorsProblems *self = user_data;

  self->refresh_source = 0;
  portada_sponsors_problems_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
model_changed_cb (PortadaSponsorsProblems *self)
{
  /* Typing in a sponsor's page saves often: run the checks once it pauses. */
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (PORTADA_SPONSORS_PROBLEMS_DELAY_MS, refresh_cb, self);
}

static void
portada_sponsors_problems_get_property (GObject *object, guint prop_id, GValue *value,
                                        GParamSpec *pspec)
{
  PortadaSponsorsProblems *self = PORTADA_SPONSORS_PROBLEMS (object);

  switch (prop_id)
    {
      case PROP_N_PROBLEMS:
        g_value_set_uint (value, self->problems->len);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
portada_sponsors_problems_dispose (GObject *object)
{
  PortadaSponsorsProblems *self = PORTADA_SPONSORS_PROBLEMS (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_SPONSORS_PROBLEMS);
  /* The template's top child is not bound, so not unparented above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (portada_sponsors_problems_parent_class)->dispose (object);
}

static void
portada_sponsors_problems_finalize (GObject *object)
{
  PortadaSponsorsProblems *self = PORTADA_SPONSORS_PROBLEMS (object);

  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (portada_sponsors_problems_parent_class)->finalize (object);
}

static void
portada_sponsors_problems_class_init (PortadaSponsorsProblemsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = portada_sponsors_problems_dispose;
  object_class->finalize = portada_sponsors_problems_finalize;
  object_class->get_property = portada_sponsors_problems_get_property;
  widget_class->map = portada_sponsors_problems_map;

  properties[PROP_N_PROBLEMS]
      = g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The problem's kind, PortadaTarget and the id of what to open. */
  signals[ACTIVATED]
      = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-sponsors-problems.ui");
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsProblems, stack);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsProblems, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsProblems, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PortadaSponsorsProblems, error_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
portada_sponsors_problems_init (PortadaSponsorsProblems *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_problem_free);
  self->rows = g_ptr_array_new ();
}

GtkWidget *
portada_sponsors_problems_new (void)
{
  return g_object_new (PORTADA_TYPE_SPONSORS_PROBLEMS, NULL);
}

void
portada_sponsors_problems_set_model (PortadaSponsorsProblems *self, PortadaSponsorsModel *model)
{
  g_return_if_fail (PORTADA_IS_SPONSORS_PROBLEMS (self));
  g_return_if_fail (PORTADA_IS_SPONSORS_MODEL (model));
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  g_signal_connect_object (model, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Not now: the window opening the newsroom draws first. */
  model_changed_cb (self);
}

void
portada_sponsors_problems_refresh (PortadaSponsorsProblems *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  guint before;

  g_return_if_fail (PORTADA_IS_SPONSORS_PROBLEMS (self));
  g_return_if_fail (self->model != NULL);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  before = self->problems->len;
  problems = portada_sponsor_checks_run (portada_sponsors_model_get_newsroom (self->model),
                                         portada_sponsors_model_get_today (self->model), &error);
  if (problems == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_ptr_array_unref (self->problems);
  self->problems = g_steal_pointer (&problems);
  /* Hidden, the panel only counts: the rows wait until it is shown. */
  self->rows_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_rows (self);
  show_summary (self);
  if (before != self->problems->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
}

GPtrArray *
portada_sponsors_problems_get_problems (PortadaSponsorsProblems *self)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PROBLEMS (self), NULL);
  return self->problems;
}

GtkWidget *
portada_sponsors_problems_get_row (PortadaSponsorsProblems *self, guint index)
{
  g_return_val_if_fail (PORTADA_IS_SPONSORS_PROBLEMS (self), NULL);
  ensure_rows (self);
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

const char *
portada_sponsors_problems_field_of (const char *kind)
{
  static const struct
  {
    const char *kind;
    const char *field;
  } fields[] = {
    { PORTADA_PROBLEM_SPONSOR_EXPIRED, PORTADA_SPONSOR_FIELD_CONTRACT },
    { PORTADA_PROBLEM_SPONSOR_EXPIRING, PORTADA_SPONSOR_FIELD_CONTRACT },
    { PORTADA_PROBLEM_SPONSOR_DUPLICATE, PORTADA_SPONSOR_FIELD_NAME },
    { PORTADA_PROBLEM_SPONSOR_ALT_MISSING, PORTADA_SPONSOR_FIELD_ALT_TEXT },
    { PORTADA_PROBLEM_SPONSOR_ALT_FILENAME, PORTADA_SPONSOR_FIELD_ALT_TEXT },
    { PORTADA_PROBLEM_SPONSOR_ALT_UNRELATED, PORTADA_SPONSOR_FIELD_ALT_TEXT },
    { PORTADA_PROBLEM_SPONSOR_LOGO_MISSING, PORTADA_SPONSOR_FIELD_LOGO },
    { PORTADA_PROBLEM_SPONSOR_LOGO_BROKEN, PORTADA_SPONSOR_FIELD_LOGO },
    { PORTADA_PROBLEM_SPONSOR_LOGO_SIZE, PORTADA_SPONSOR_FIELD_LOGO },
    { PORTADA_PROBLEM_SPONSOR_WEBSITE, PORTADA_SPONSOR_FIELD_WEBSITE },
    { PORTADA_PROBLEM_SPONSOR_NO_LIST, PORTADA_SPONSOR_FIELD_LISTS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (kind, fields[i].kind) == 0)
      return fields[i].field;
  return NULL;
}
