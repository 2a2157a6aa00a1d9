/* portada-publish-dialog.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The publish runs in a thread. When the server's key is unknown, the thread waits
 * while the dialog shows the fingerprint and the person accepts or refuses it. A
 * WordPress destination (wordpress+https://USER@SITE) is sent the articles instead,
 * with the application password asked for once and kept in the keyring (never in the
 * newsroom file); the articles the
 * site changed or refused are listed under the summary.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "portada-destination.h"
#include "portada-publish-dialog.h"
#include "portada-publish-secrets.h"
#include "portada-publish-wordpress.h"
#include "portada-publish.h"
#include "portada-settings.h"
#include "portada-site-export.h"

struct _PortadaPublishDialog
{
  AdwWindow parent_instance;
  GtkButton *cancel_button;
  GtkButton *publish_button;
  AdwEntryRow *destination_row;
  AdwEntryRow *identity_row;
  GtkBox *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkLabel *error_label;
  GtkLabel *summary_label;

  PortadaNewsroom *newsroom;
  char *known_hosts;
  GCancellable *cancellable;
  guint progress_id;
  struct PublishJob *job;
  gboolean closing;
};

G_DEFINE_FINAL_TYPE (PortadaPublishDialog, portada_publish_dialog, ADW_TYPE_WINDOW)

/* What the thread needs; it touches the dialog only through idle callbacks. */
typedef struct PublishJob
{
  gatomicrefcount refs;
  char *newsroom_path;
  char *destination;
  char *identity;
  char *known_hosts;
  GWeakRef dialog;
  GCancellable *cancellable;
  GMutex lock;
  GCond answered;
  int answer; /* the host key: -1 asked, 0 refused, 1 accepted */
  char *host, *fingerprint;
  char *prompt, *secret; /* a password or passphrase asked for, and the answer */
  gboolean exporting;
  PortadaPublishProgress progress;
  PortadaPublishSummary summary;
  gboolean wordpress;
  PortadaWordpressSummary wp_summary;
  GString *problems; /* WordPress: the articles not pushed, a line each */
  GHashTable *tried; /* the questions the keyring was asked for (thread only) */
  GHashTable *asked; /* question -> what the person answered (thread only) */
} PublishJob;

static PublishJob *
job_ref (PublishJob *job)
{
  g_atomic_ref_count_inc (&job->refs);
  return job;
}

static void
job_unref (PublishJob *job)
{
  if (job == NULL || !g_atomic_ref_count_dec (&job->refs))
    return;
  g_free (job->newsroom_path);
  g_free (job->destination);
  g_free (job->identity);
  g_free (job->known_hosts);
  g_free (job->host);
  g_free (job->fingerprint);
  g_free (job->prompt);
  if (job->problems)
    g_string_free (job->problems, TRUE);
  g_clear_pointer (&job->tried, g_hash_table_unref);
  g_clear_pointer (&job->asked, g_hash_table_unref);
  if (job->secret)
    memset (job->secret, 0, strlen (job->secret));
  g_free (job->secret);
  g_weak_ref_clear (&job->dialog);
  g_clear_object (&job->cancellable);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->answered);
  g_free (job);
}

static void
job_closure_unref (gpointer job, GClosure *closure)
{
  job_unref (job);
}

static void
answer (PublishJob *job, int value)
{
  g_mutex_lock (&job->lock);
  /* The first answer counts: closing the question after it answers "refuse" too. */
  if (job->answer < 0)
    job->answer = value;
  g_cond_signal (&job->answered);
  g_mutex_unlock (&job->lock);
}

static void
host_key_response_cb (AdwMessageDialog *dialog, const char *response, PublishJob *job)
{
  answer (job, g_strcmp0 (response, "accept") == 0);
}

static gboolean
ask_host_key_idle (gpointer data)
{
  PublishJob *job = data;
  g_autoptr (PortadaPublishDialog) self = g_weak_ref_get (&job->dialog);
  AdwMessageDialog *ask;

  if (self == NULL || self->closing)
    {
      answer (job, 0);
      return G_SOURCE_REMOVE;
    }
  ask = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _ ("Trust This Server?"), NULL));
  adw_message_dialog_format_body (
      ask,
      _ ("Portada has not published to %s before. Its key's fingerprint is\n\n%s\n\nAccept it "
         "only if the server's administrator gives you the same fingerprint."),
      job->host, job->fingerprint);
  adw_message_dialog_add_responses (ask, "refuse", _ ("_Refuse"), "accept", _ ("_Accept"), NULL);
  adw_message_dialog_set_response_appearance (ask, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ask, "refuse");
  adw_message_dialog_set_close_response (ask, "refuse");
  /* The job is let go with the question: closing it after an answer answers again. */
  g_signal_connect_data (ask, "response", G_CALLBACK (host_key_response_cb), job_ref (job),
                         job_closure_unref, 0);
  gtk_window_present (GTK_WINDOW (ask));
  return G_SOURCE_REMOVE;
}

/* In the thread: waits for the person's answer, or for a cancel. */
static gboolean
on_host_key (const char *host, const char *fingerprint, gpointer user_data)
{
  PublishJob *job = user_data;
  int result;

  g_mutex_lock (&job->lock);
  g_free (job->host);
  g_free (job->fingerprint);
  job->host = g_strdup (host);
  job->fingerprint = g_strdup (fingerprint);
  job->answer = -1;
  g_idle_add_full (G_PRIORITY_DEFAULT, ask_host_key_idle, job_ref (job),
                   (GDestroyNotify) job_unref);
  while (job->answer < 0 && !g_cancellable_is_cancelled (job->cancellable))
    g_cond_wait_until (&job->answered, &job->lock,
                       g_get_monotonic_time () + G_TIME_SPAN_SECOND / 5);
  result = job->answer;
  g_mutex_unlock (&job->lock);
  return result == 1;
}

static void
secret_response_cb (AdwMessageDialog *dialog, const char *response, PublishJob *job)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  g_mutex_lock (&job->lock);
  if (job->answer >= 0)
    {
      /* Closed after it was answered. */
      g_mutex_unlock (&job->lock);
      return;
    }
  g_free (job->secret);
  job->secret
      = g_strcmp0 (response, "log-in") == 0 ? g_strdup (gtk_editable_get_text (entry)) : NULL;
  gtk_editable_set_text (entry, "");
  /* GTK 4.8's password entry, still focused when its window goes, is called after it
   * is gone (a critical warning): take the focus away first. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  job->answer = 1;
  g_cond_signal (&job->answered);
  g_mutex_unlock (&job->lock);
}

static gboolean
ask_secret_idle (gpointer data)
{
  PublishJob *job = data;
  g_autoptr (PortadaPublishDialog) self = g_weak_ref_get (&job->dialog);
  AdwMessageDialog *ask;
  GtkWidget *entry;

  if (self == NULL || self->closing)
    {
      answer (job, 1);
      return G_SOURCE_REMOVE;
    }
  ask = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), job->prompt, NULL));
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  /* A GtkPasswordEntry is no GtkEntry: its own property. */
  g_object_set (entry, "activates-default", TRUE, NULL);
  adw_message_dialog_set_extra_child (ask, entry);
  adw_message_dialog_add_responses (ask, "cancel", _ ("_Cancel"), "log-in", _ ("_Log In"), NULL);
  adw_message_dialog_set_response_appearance (ask, "log-in", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ask, "log-in");
  adw_message_dialog_set_close_response (ask, "cancel");
  g_signal_connect_data (ask, "response", G_CALLBACK (secret_response_cb), job_ref (job),
                         job_closure_unref, 0);
  gtk_window_present (GTK_WINDOW (ask));
  return G_SOURCE_REMOVE;
}

static void
free_secret (gpointer secret)
{
  if (secret)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* In the thread, once the publish is over: what the person typed is kept in the
 * keyring for the next publish once the server took it; after a refused login the
 * destination's kept secrets are forgotten, so that the next publish asks again. */
static void
settle_secrets (PublishJob *job, gboolean ok, const GError *error)
{
  g_autoptr (GError) keyring_error = NULL;

  if (ok && job->asked)
    {
      GHashTableIter iter;
      gpointer question, secret;

      g_hash_table_iter_init (&iter, job->asked);
      while (g_hash_table_iter_next (&iter, &question, &secret))
        if (!portada_publish_secret_store (job->destination, question, secret, NULL,
                                           &keyring_error))
          {
            g_message ("The keyring cannot keep the password: %s", keyring_error->message);
            break;
          }
    }
  else if (g_error_matches (error, PORTADA_ERROR, PORTADA_ERROR_AUTH))
    portada_publish_secret_clear (job->destination, NULL, NULL);
}

/* In the thread: a password or a key's passphrase, from the keyring where an earlier
 * publish kept it (once per question: a refused one is asked again), else asked in a
 * dialog. Never in the newsroom file. */
static char *
on_secret (const char *prompt, gpointer user_data)
{
  PublishJob *job = user_data;
  char *secret;

  if (job->tried == NULL)
    {
      job->tried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      job->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_secret);
    }
  if (!g_hash_table_contains (job->tried, prompt))
    {
      char *kept = portada_publish_secret_lookup (job->destination, prompt, NULL, NULL);
      g_hash_table_add (job->tried, g_strdup (prompt));
      if (kept)
        return kept;
    }

  g_mutex_lock (&job->lock);
  g_free (job->prompt);
  job->prompt = g_strdup (prompt);
  job->answer = -1;
  g_idle_add_full (G_PRIORITY_DEFAULT, ask_secret_idle, job_ref (job), (GDestroyNotify) job_unref);
  while (job->answer < 0 && !g_cancellable_is_cancelled (job->cancellable))
    g_cond_wait_until (&job->answered, &job->lock,
                       g_get_monotonic_time () + G_TIME_SPAN_SECOND / 5);
  secret = g_steal_pointer (&job->secret);
  g_mutex_unlock (&job->lock);
  if (secret && *secret)
    g_hash_table_replace (job->asked, g_strdup (prompt), g_strdup (secret));
  return secret;
}

static void
on_progress (const PortadaPublishProgress *p, gpointer user_data)
{
  PublishJob *job = user_data;

  g_mutex_lock (&job->lock);
  job->progress = *p;
  job->progress.path = NULL;
  g_mutex_unlock (&job->lock);
}

static char *
cache_dir_of (const char *db)
{
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *base = g_path_get_basename (db);
  g_autofree char *name = g_strdup_printf (".%s.publish", base);

  return g_build_filename (dir, name, NULL);
}

/* In the thread: an article the site changed or refused. */
static void
on_wp_article (const PortadaArticle *a, PortadaWordpressOutcome outcome, gint64 post_id,
               const char *detail, gpointer user_data)
{
  PublishJob *job = user_data;

  if (outcome != PORTADA_WORDPRESS_CONFLICT && outcome != PORTADA_WORDPRESS_FAILED)
    return;
  g_mutex_lock (&job->lock);
  if (job->problems->len)
    g_string_append_c (job->problems, '\n');
  g_string_append_printf (job->problems, _ ("“%s” (%s) was not pushed: %s"), a->title, a->lang,
                          detail);
  g_mutex_unlock (&job->lock);
}

static void
on_wp_note (const char *note, gpointer user_data)
{
  PublishJob *job = user_data;

  g_mutex_lock (&job->lock);
  if (job->problems->len)
    g_string_append_c (job->problems, '\n');
  g_string_append (job->problems, note);
  g_mutex_unlock (&job->lock);
}

static void
push_thread (PublishJob *job, PortadaNewsroom *newsroom, GTask *task, GCancellable *cancellable)
{
  g_autoptr (PortadaDestination) d = portada_destination_parse (job->destination, NULL);
  g_autofree char *site = d ? portada_destination_site_url (d) : NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *password = NULL;
  PortadaWordpressOptions options = { 0 };
  GError *error = NULL;

  if (d == NULL || d->user == NULL)
    {
      g_task_return_new_error (task, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                               _ ("Put the WordPress user in the address: "
                                  "wordpress+https://USER@SITE"));
      return;
    }
  prompt = g_strdup_printf (_ ("Application Password of %s at %s"), d->user, site);
  password = on_secret (prompt, job);
  if (password == NULL || *password == '\0')
    {
      g_task_return_new_error (task, PORTADA_ERROR, PORTADA_ERROR_CANCELLED,
                               _ ("No application password was given"));
      return;
    }
  options.user = d->user;
  options.password = password;
  options.article = on_wp_article;
  options.note = on_wp_note;
  options.user_data = job;
  if (portada_publish_wordpress (newsroom, d, &options, cancellable, &job->wp_summary, &error))
    {
      settle_secrets (job, TRUE, NULL);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      settle_secrets (job, FALSE, error);
      g_task_return_error (task, error);
    }
  memset (password, 0, strlen (password));
}

static void
publish_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PublishJob *job = task_data;
  g_autoptr (PortadaNewsroom) newsroom = NULL;
  g_autofree char *cache = cache_dir_of (job->newsroom_path);
  g_autofree char *site = g_build_filename (cache, "site", NULL);
  g_autofree char *hashes = g_build_filename (cache, "hashes", NULL);
  PortadaPublishOptions options = { 0 };
  GError *error = NULL;

  newsroom = portada_newsroom_open (job->newsroom_path, PORTADA_OPEN_DEFAULT, &error);
  if (newsroom && job->wordpress)
    {
      push_thread (job, newsroom, task, cancellable);
      return;
    }
  g_mkdir_with_parents (cache, 0700);
  if (newsroom == NULL
      || !portada_site_export (newsroom, site, NULL, cancellable, NULL, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_atomic_int_set (&job->exporting, FALSE);
  options.identity = job->identity;
  options.known_hosts = job->known_hosts;
  options.hash_cache = hashes;
  options.host_key = on_host_key;
  options.secret = on_secret;
  options.progress = on_progress;
  options.user_data = job;
  if (portada_publish (site, job->destination, &options, cancellable, &job->summary, &error))
    {
      settle_secrets (job, TRUE, NULL);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      settle_secrets (job, FALSE, error);
      g_task_return_error (task, error);
    }
}

static void
show_error (PortadaPublishDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_summary (PortadaPublishDialog *self, const char *text)
{
  gtk_label_set_label (self->summary_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), text != NULL);
}

static void
set_running (PortadaPublishDialog *self, gboolean running)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->destination_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), !running && text && *text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->destination_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->identity_row), !running);
  gtk_button_set_label (self->cancel_button, running ? _ ("_Stop") : _ ("_Close"));
  if (running)
    gtk_widget_set_visible (GTK_WIDGET (self->progress_box), TRUE);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  PortadaPublishDialog *self = user_data;
  PortadaPublishProgress p = { 0 };
  g_autofree char *text = NULL;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;
  if (self->job->wordpress)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_label_set_label (self->progress_label, _ ("Sending the articles…"));
      return G_SOURCE_CONTINUE;
    }
  if (g_atomic_int_get (&self->job->exporting))
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_label_set_label (self->progress_label, _ ("Exporting…"));
      return G_SOURCE_CONTINUE;
    }
  g_mutex_lock (&self->job->lock);
  p = self->job->progress;
  g_mutex_unlock (&self->job->lock);
  if (p.files_total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_label_set_label (self->progress_label, _ ("Comparing with the destination…"));
      return G_SOURCE_CONTINUE;
    }
  {
    g_autofree char *done = g_format_size (p.bytes_done);
    g_autofree char *total = g_format_size (p.bytes_total);
    gtk_progress_bar_set_fraction (self->progress_bar, (double) p.files_done / p.files_total);
    text = g_strdup_printf (_ ("Publishing… %u of %u files, %s of %s"), p.files_done, p.files_total,
                            done, total);
  }
  gtk_label_set_label (self->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
show_pushed (PortadaPublishDialog *self, PublishJob *job)
{
  const PortadaWordpressSummary *s = &job->wp_summary;
  g_autofree char *text = g_strdup_printf (
      _ ("Pushed: %u created, %u updated, %u unchanged; %u not pushed (changed on the site), %u "
         "refused."),
      s->created, s->updated, s->unchanged, s->conflicts, s->failed);
  g_autoptr (GError) store_error = NULL;

  show_summary (self, text);
  if (job->problems->len)
    show_error (self, job->problems->str);
  if (!portada_settings_set (self->newsroom, PORTADA_SETTING_PUBLISH_TO, job->destination,
                             &store_error))
    show_error (self, store_error->message);
}

static void
publish_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PortadaPublishDialog *self = PORTADA_PUBLISH_DIALOG (source);
  g_autoptr (GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  PublishJob *job = g_steal_pointer (&self->job);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  if (self->closing)
    {
      job_unref (job);
      return;
    }
  set_running (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), FALSE);
  if (ok && job->wordpress)
    show_pushed (self, job);
  else if (ok)
    {
      g_autofree char *bytes = g_format_size (job->summary.bytes);
      g_autofree char *text = g_strdup_printf (
          _ ("Published: %u uploaded, %u removed, %u unchanged; %s sent in %.1f s."),
          job->summary.uploaded, job->summary.removed, job->summary.unchanged, bytes,
          job->summary.seconds);
      g_autoptr (GError) store_error = NULL;
      show_summary (self, text);
      if (!portada_settings_set (self->newsroom, PORTADA_SETTING_PUBLISH_TO, job->destination,
                                 &store_error))
        show_error (self, store_error->message);
    }
  else if (g_error_matches (error, PORTADA_ERROR, PORTADA_ERROR_CANCELLED)
           || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_summary (self, _ ("Publish stopped: the next publish completes it."));
  else
    show_error (self, error->message);
  job_unref (job);
}

static void
cancel_clicked_cb (PortadaPublishDialog *self)
{
  if (portada_publish_dialog_is_running (self))
    portada_publish_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
destination_changed_cb (PortadaPublishDialog *self)
{
  show_error (self, NULL);
  set_running (self, portada_publish_dialog_is_running (self));
}

static gboolean
portada_publish_dialog_close_request (GtkWindow *window)
{
  PortadaPublishDialog *self = PORTADA_PUBLISH_DIALOG (window);

  self->closing = TRUE;
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (portada_publish_dialog_parent_class)->close_request (window);
}

static void
portada_publish_dialog_dispose (GObject *object)
{
  PortadaPublishDialog *self = PORTADA_PUBLISH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->newsroom);
  g_clear_pointer (&self->known_hosts, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTADA_TYPE_PUBLISH_DIALOG);
  G_OBJECT_CLASS (portada_publish_dialog_parent_class)->dispose (object);
}

static void
portada_publish_dialog_class_init (PortadaPublishDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = portada_publish_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = portada_publish_dialog_close_request;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/portada/Portada/ui/portada-publish-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortadaPublishDialog, name)
  BIND (cancel_button);
  BIND (publish_button);
  BIND (destination_row);
  BIND (identity_row);
  BIND (progress_box);
  BIND (progress_bar);
  BIND (progress_label);
  BIND (error_label);
  BIND (summary_label);
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
portada_publish_dialog_init (PortadaPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->publish_button, "clicked",
                            G_CALLBACK (portada_publish_dialog_start), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect_swapped (self->destination_row, "changed", G_CALLBACK (destination_changed_cb),
                            self);
  g_signal_connect_swapped (self->destination_row, "entry-activated",
                            G_CALLBACK (portada_publish_dialog_start), self);
  set_running (self, FALSE);
}

PortadaPublishDialog *
portada_publish_dialog_new (GtkWindow *parent, PortadaNewsroom *newsroom)
{
  PortadaPublishDialog *self;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  self = g_object_new (PORTADA_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  self->newsroom = g_object_ref (newsroom);
  stored = portada_settings_get (newsroom, PORTADA_SETTING_PUBLISH_TO, NULL);
  if (stored && *stored)
    portada_publish_dialog_set_destination (self, stored);
  return self;
}

void
portada_publish_dialog_set_destination (PortadaPublishDialog *self, const char *address)
{
  g_return_if_fail (PORTADA_IS_PUBLISH_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->destination_row), address ? address : "");
}

void
portada_publish_dialog_set_known_hosts (PortadaPublishDialog *self, const char *path)
{
  g_return_if_fail (PORTADA_IS_PUBLISH_DIALOG (self));
  g_free (self->known_hosts);
  self->known_hosts = g_strdup (path);
}

void
portada_publish_dialog_set_identity (PortadaPublishDialog *self, const char *path)
{
  g_return_if_fail (PORTADA_IS_PUBLISH_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->identity_row), path ? path : "");
}

const char *
portada_publish_dialog_get_destination (PortadaPublishDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_PUBLISH_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->destination_row));
}

void
portada_publish_dialog_start (PortadaPublishDialog *self)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PortadaDestination) parsed = NULL;
  const char *address, *identity;
  PublishJob *job;

  g_return_if_fail (PORTADA_IS_PUBLISH_DIALOG (self));
  if (portada_publish_dialog_is_running (self))
    return;
  address = portada_publish_dialog_get_destination (self);
  show_summary (self, NULL);
  parsed = portada_destination_parse (address, &error);
  if (parsed == NULL)
    {
      show_error (self, error->message);
      return;
    }
  identity = gtk_editable_get_text (GTK_EDITABLE (self->identity_row));
  job = g_new0 (PublishJob, 1);
  g_atomic_ref_count_init (&job->refs);
  g_mutex_init (&job->lock);
  g_cond_init (&job->answered);
  g_weak_ref_init (&job->dialog, self);
  job->newsroom_path = g_strdup (portada_newsroom_get_path (self->newsroom));
  job->destination = g_strdup (address);
  job->identity = identity && *identity ? g_strdup (identity) : NULL;
  job->known_hosts = g_strdup (self->known_hosts);
  job->exporting = TRUE;
  job->wordpress = parsed->kind == PORTADA_DESTINATION_WORDPRESS;
  job->problems = g_string_new (NULL);
  self->cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->cancellable);
  self->job = job_ref (job);
  show_error (self, NULL);
  set_running (self, TRUE);
  progress_tick_cb (self);
  self->progress_id = g_timeout_add (100, progress_tick_cb, self);
  task = g_task_new (self, self->cancellable, publish_done_cb, NULL);
  g_task_set_source_tag (task, portada_publish_dialog_start);
  g_task_set_task_data (task, job, (GDestroyNotify) job_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, publish_thread);
}

void
portada_publish_dialog_cancel (PortadaPublishDialog *self)
{
  g_return_if_fail (PORTADA_IS_PUBLISH_DIALOG (self));
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->progress_label, _ ("Stopping…"));
}

gboolean
portada_publish_dialog_is_running (PortadaPublishDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_PUBLISH_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
portada_publish_dialog_get_error (PortadaPublishDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_PUBLISH_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

const char *
portada_publish_dialog_get_summary (PortadaPublishDialog *self)
{
  g_return_val_if_fail (PORTADA_IS_PUBLISH_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->summary_label)))
    return NULL;
  return gtk_label_get_label (self->summary_label);
}
