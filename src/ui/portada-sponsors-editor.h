/* portada-sponsors-editor.h: a sponsor's page, saved as it is edited.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-sponsors-model.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_EDITOR (portada_sponsors_editor_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsEditor, portada_sponsors_editor, PORTADA, SPONSORS_EDITOR,
                      GtkWidget)

/* The fields, for portada_sponsors_editor_focus() and the tests. */
#define PORTADA_SPONSOR_FIELD_NAME "name"
#define PORTADA_SPONSOR_FIELD_WEBSITE "website"
#define PORTADA_SPONSOR_FIELD_ALT_TEXT "alt-text"
#define PORTADA_SPONSOR_FIELD_LOGO "logo"
#define PORTADA_SPONSOR_FIELD_CONTRACT "contract"
#define PORTADA_SPONSOR_FIELD_NOTES "notes"
#define PORTADA_SPONSOR_FIELD_LISTS "lists"

/* How long after the last change a sponsor is saved. */
#define PORTADA_SPONSORS_EDITOR_SAVE_DELAY_MS 400

GtkWidget *portada_sponsors_editor_new (void);
void portada_sponsors_editor_set_model (PortadaSponsorsEditor *self, PortadaSponsorsModel *model);
/* Saves what is pending, then shows sponsor @id (0: none). */
void portada_sponsors_editor_load (PortadaSponsorsEditor *self, gint64 id);
gint64 portada_sponsors_editor_get_sponsor_id (PortadaSponsorsEditor *self);
/* Saves the valid fields now if a change is pending. */
void portada_sponsors_editor_flush (PortadaSponsorsEditor *self);
/* Shows and focuses a field (PORTADA_SPONSOR_FIELD_*). */
void portada_sponsors_editor_focus (PortadaSponsorsEditor *self, const char *field);
/* The field's widget: an AdwEntryRow for the text fields. */
GtkWidget *portada_sponsors_editor_get_field (PortadaSponsorsEditor *self, const char *field);
/* The inline error shown for a field, NULL when none. */
const char *portada_sponsors_editor_get_error (PortadaSponsorsEditor *self, const char *field);
/* Imports @file as the sponsor's logo (what the logo's file chooser and drop do). */
gboolean portada_sponsors_editor_replace_logo (PortadaSponsorsEditor *self, GFile *file);

G_END_DECLS
