/* portada-export-dialog.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-article-checks.h"
#include "portada-export-dialog.h"
#include "portada-markdown-exchange.h"
#include "portada-settings.h"
#include "portada-site-export.h"
#include "portada-wxr.h"

struct _PortadaExportDialog
{
  AdwWindow parent_instance;
  GtkButton *cancel_button;
  GtkButton *export_button;
  GtkCheckButton *site_check;
  GtkCheckButton *wxr_check;
  GtkCheckButton *markdown_check;
  AdwComboRow *lang_row;
  AdwActionRow *destination_row;
  GtkButton *choose_button;
  GtkBox *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkLabel *error_label;
  AdwPreferencesGroup *problems_group;
  guint problem_count;

  PortadaNewsroom *newsroom;
  GSettings *settings;
  GPtrArray *lang_codes; /* combo position - 1 -> code */
  char *destination;
  GCancellable *cancellable;
  guint progress_id;
  struct ExportJob *job;
  gboolean closing;
};

G_DEFINE_FINAL_TYPE (PortadaExportDialog, portada_export_dialog, ADW_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const format_names[] = { "site", "wxr", "markdown" };

/* What the export thread needs; it never touches the dialog. */
typedef struct ExportJob
{
  gatomicrefcount refs;
  char *newsroom_path;
  char *out_dir;
  char *lang;
  PortadaExportFormat format;
  int permille; /* progress, written by the thread, read by the dialog */
} ExportJob;

static ExportJob *
job_ref (ExportJob *job)
{
  g_atomic_ref_count_inc (&job->refs);
  return job;
}

static void
job_unref (ExportJob *job)
{
  if (job == NULL || !g_atomic_ref_count_dec (&job->refs))
    return;
  g_free (job->newsroom_path);
  g_free (job->out_dir);
  g_free (job->lang);
  g_free (job);
}

static void
progress_cb (double fraction, gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  /* A connection of its own: SQLite connections are not shared between threads, and the
   * window keeps writing through its own while this one reads. */
  newsroom = portada_newsroom_open (job->newsroom_path, PORTADA_OPEN_DEFAULT, &error);
  if (newsroom)
    switch (job->format)
      {
        case PORTADA_EXPORT_SITE:
          ok = portada_site_export (newsroom, job->out_dir, job->lang, cancellable, progress_cb,
                                    job, &error);
          break;
        case PORTADA_EXPORT_WXR:
          ok = portada_wxr_export (newsroom, job->out_dir, job->lang, cancellable, progress_cb, job,
                                   &error);
          break;
        case PORTADA_EXPORT_MARKDOWN:
          ok = portada_markdown_export (newsroom, job->out_dir, job->lang, cancellable, progress_cb,
                                        job, &error);
          break;
        default:
          g_assert_not_reached ();
      }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static PortadaExportFormat
chosen_format (PortadaExportDialog *self)
{
  if (gtk_check_button_get_active (self->wxr_check))
    return PORTADA_EXPORT_WXR;
  if (gtk_check_button_get_active (self->markdown_check))
    return PORTADA_EXPORT_MARKDOWN;
  return PORTADA_EXPORT_SITE;
}

static void
show_error (PortadaExportDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_running (PortadaExportDialog *self, gboolean running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            !running && self->destination != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->site_check), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->wxr_check), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->markdown_check), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lang_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !running);
  gtk_button_set_label (self->cancel_button, running ? _ ("_Stop") : _ ("_Cancel"));
  if (running)
    gtk_widget_set_visible (GTK_WIDGET (self->progress_box), TRUE);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  PortadaExportDialog *self = user_data;
  int permille = self->job ? g_atomic_int_get (&self->job->permille) : 0;
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  text = g_strdup_printf (_ ("Exporting… %d %%"), permille / 10);
  gtk_label_set_label (self->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
remember_choices (PortadaExportDialog *self)
{
  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "export-format", format_names[chosen_format (self)]);
  g_settings_set_string (self->settings, "export-destination", self->destination);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PortadaExportDialog *self = PORTADA_EXPORT_DIALOG (source);
  g_autoptr (GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->job, job_unref);
  g_clear_object (&self->cancellable);
  if (self->closing)
    return;
  set_running (self, FALSE);
  if (ok)
    {
      remember_choices (self);
      g_signal_emit (self, signals[FINISHED], 0, self->destination);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_error_matches (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED))
    {
      gtk_label_set_label (self->progress_label,
                           _ ("Export stopped: the folder is as it was before."));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), FALSE);
  show_error (self, error->message);
}

static void
cancel_clicked_cb (PortadaExportDialog *self)
{
  if (portada_export_dialog_is_running (self))
    portada_export_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
folder_chosen_cb (GtkNativeDialog *chooser, int response, PortadaExportDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path)
    portada_export_dialog_set_destination (self, path);
  g_object_unref (chooser);
}

static void
choose_clicked_cb (PortadaExportDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser
      = gtk_file_chooser_native_new (_ ("Export Into"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _ ("_Choose"), NULL);
  if (self->destination)
    {
      g_autoptr (GFile) current = g_file_new_for_path (self->destination);
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Closing during an export stops it: nothing runs on behind a closed dialog. */
static gboolean
portada_export_dialog_close_request (GtkWindow *window)
{
  PortadaExportDialog *self = PORTADA_EXPORT_DIALOG (window);

  self->closing = TRUE;
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (portada_export_dialog_parent_class)->close_request (window);
}

static void
portada_export_dialog_dispose (GObject *object)
{
  PortadaExportDialog *self = PORTADA_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->newsroom);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->lang_codes, g_ptr_array_unref);
  g_clear_pointer (&self->destination, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (portada_export_dialog_parent_class)->dispose (object);
}

static void
portada_export_dialog_class_init (PortadaExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_export_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = portada_export_dialog_close_request;
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-export-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaExportDialog, name)
  BIND (cancel_button);
  BIND (export_button);
  BIND (site_check);
  BIND (wxr_check);
  BIND (markdown_check);
  BIND (lang_row);
  BIND (destination_row);
  BIND (choose_button);
  BIND (progress_box);
  BIND (progress_bar);
  BIND (progress_label);
  BIND (error_label);
  BIND (problems_group);
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
portada_export_dialog_init (PortadaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lang_codes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->export_button, "clicked",
                            G_CALLBACK (portada_export_dialog_start), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (choose_clicked_cb), self);
  set_running (self, FALSE);
}

static void
fill_languages (PortadaExportDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) languages = portada_languages_list (self->newsroom, NULL);

  gtk_string_list_append (names, _ ("All Languages"));
  for (guint i = 0; languages && i < languages->len; i++)
    {
      PortadaLanguage *l = g_ptr_array_index (languages, i);
      gtk_string_list_append (names, l->name);
      g_ptr_array_add (self->lang_codes, g_strdup (l->code));
    }
  adw_combo_row_set_model (self->lang_row, G_LIST_MODEL (names));
}

#define PROBLEMS_SHOWN 5

/* What the writers are asked before they publish, for every article the export will
 * publish: seen before exporting, and exported anyway only when the person says so. */
static void
fill_problems (PortadaExportDialog *self)
{
  g_autoptr (GError) error = NULL;
  guint total = 0;
  g_autoptr (GPtrArray) problems = portada_article_checks_before_export (
      self->newsroom, g_get_real_time () / G_USEC_PER_SEC, PROBLEMS_SHOWN, &total, &error);
  g_autofree char *description = NULL;

  if (problems == NULL || problems->len == 0)
    return;
  description = g_strdup_printf (
      g_dngettext (
          GETTEXT_PACKAGE,
          "%u problem in the articles this export publishes: fix it first, or export anyway.",
          "%u problems in the articles this export publishes: fix them first, or export anyway.",
          total),
      total);
  self->problem_count = total;
  adw_preferences_group_set_description (self->problems_group, description);
  for (guint i = 0; i < problems->len; i++)
    {
      PortadaProblem *p = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->subject);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (self->problems_group, row);
    }
  if (total > problems->len)
    {
      g_autofree char *more = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more", total - problems->len),
          total - problems->len);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_preferences_group_add (self->problems_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), TRUE);
  gtk_button_set_label (self->export_button, _ ("_Export Anyway"));
}

guint
portada_export_dialog_get_problem_count (PortadaExportDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_EXPORT_DIALOG (self), 0);
  return self->problem_count;
}

static void
restore_choices (PortadaExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *destination = NULL;

  if (self->settings == NULL)
    return;
  format = g_settings_get_string (self->settings, "export-format");
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (format, format_names[i]) == 0)
      portada_export_dialog_set_format (self, i);
  destination = g_settings_get_string (self->settings, "export-destination");
  if (*destination)
    portada_export_dialog_set_destination (self, destination);
}

PortadaExportDialog *
portada_export_dialog_new (GtkWindow *parent, PortadaNewsroom *newsroom, GSettings *settings)
{
  PortadaExportDialog *self;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  self = g_object_new (PORTADA_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->newsroom = g_object_ref (newsroom);
  self->settings = settings ? g_object_ref (settings) : NULL;
  fill_languages (self);
  fill_problems (self);
  restore_choices (self);
  if (self->destination == NULL)
    adw_action_row_set_subtitle (self->destination_row, _ ("Choose where the export goes"));
  return self;
}

void
portada_export_dialog_set_format (PortadaExportDialog *self, PortadaExportFormat format)
{
  GtkCheckButton *checks[] = { self->site_check, self->wxr_check, self->markdown_check };

  g_return_if_fail (PORTADA_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= PORTADA_EXPORT_MARKDOWN);
  gtk_check_button_set_active (checks[format], TRUE);
}

void
portada_export_dialog_set_destination (PortadaExportDialog *self, const char *folder)
{
  g_autofree char *display = NULL;

  g_return_if_fail (PORTADA_IS_EXPORT_DIALOG (self));
  g_free (self->destination);
  self->destination = folder && *folder ? g_strdup (folder) : NULL;
  display = self->destination ? g_filename_display_name (self->destination) : NULL;
  adw_action_row_set_subtitle (self->destination_row, display);
  show_error (self, NULL);
  set_running (self, portada_export_dialog_is_running (self));
}

const char *
portada_export_dialog_get_destination (PortadaExportDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_EXPORT_DIALOG (self), NULL);
  return self->destination;
}

void
portada_export_dialog_start (PortadaExportDialog *self)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job;
  guint lang;

  g_return_if_fail (PORTADA_IS_EXPORT_DIALOG (self));
  if (portada_export_dialog_is_running (self) || self->destination == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  g_atomic_ref_count_init (&job->refs);
  job->newsroom_path = g_strdup (portada_newsroom_get_path (self->newsroom));
  job->out_dir = g_strdup (self->destination);
  lang = adw_combo_row_get_selected (self->lang_row);
  job->lang = lang > 0 && lang <= self->lang_codes->len
                  ? g_strdup (g_ptr_array_index (self->lang_codes, lang - 1))
                  : NULL;
  job->format = chosen_format (self);
  self->job = job_ref (job);
  self->cancellable = g_cancellable_new ();
  show_error (self, NULL);
  set_running (self, TRUE);
  progress_tick_cb (self);
  self->progress_id = g_timeout_add (100, progress_tick_cb, self);
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, portada_export_dialog_start);
  g_task_set_task_data (task, job, (GDestroyNotify) job_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

void
portada_export_dialog_cancel (PortadaExportDialog *self)
{
  g_return_if_fail (PORTADA_IS_EXPORT_DIALOG (self));
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->progress_label, _ ("Stopping…"));
}

gboolean
portada_export_dialog_is_running (PortadaExportDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
portada_export_dialog_get_error (PortadaExportDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_EXPORT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}
