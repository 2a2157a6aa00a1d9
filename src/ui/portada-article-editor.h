/* portada-article-editor.h: one article's body, fields and live preview, saved as typed.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "portada-article.h"
#include "portada-newsroom.h"

G_BEGIN_DECLS

/* Every change is stored this long after the last keystroke. */
#define PORTADA_AUTOSAVE_DELAY_MS 1000
/* After "Not Saved" (a busy file, a failed write), the next try. */
#define PORTADA_SAVE_RETRY_MS 3000
/* The status line and the preview follow the text this long after typing stops. */
#define PORTADA_IDLE_UPDATE_MS 150
/* One paste or drop larger than this is refused with a message, the text kept as it was. */
#define PORTADA_MAX_INSERT_BYTES (2 * 1024 * 1024)

typedef enum
{
  PORTADA_LAYOUT_SIDE_BY_SIDE,
  PORTADA_LAYOUT_EDITOR,
  PORTADA_LAYOUT_PREVIEW,
} PortadaLayout;

#define PORTADA_TYPE_LAYOUT (portada_layout_get_type ())
GType portada_layout_get_type (void);

#define PORTADA_TYPE_ARTICLE_EDITOR (portada_article_editor_get_type ())
G_DECLARE_FINAL_TYPE (PortadaArticleEditor, portada_article_editor, PORTADA, ARTICLE_EDITOR,
                      GtkWidget)

void portada_article_editor_set_newsroom (PortadaArticleEditor *self, PortadaNewsroom *newsroom);
/* Saves the article being edited, then shows article @id. */
gboolean portada_article_editor_load (PortadaArticleEditor *self, gint64 id, GError **error);
/* Stops editing (after the article was deleted): nothing is saved. */
/* Reads the newsroom's choices again (sections, languages...) after its settings changed. */
void portada_article_editor_refresh_choices (PortadaArticleEditor *self);
void portada_article_editor_forget (PortadaArticleEditor *self);
/* Stores the pending changes now; TRUE when nothing is left unsaved. */
gboolean portada_article_editor_save (PortadaArticleEditor *self, GError **error);
gboolean portada_article_editor_has_unsaved (PortadaArticleEditor *self);
/* The article as last saved, or NULL when none is open. */
const PortadaArticle *portada_article_editor_get_article (PortadaArticleEditor *self);

int portada_article_editor_get_cursor (PortadaArticleEditor *self);
void portada_article_editor_place_cursor (PortadaArticleEditor *self, int offset);
void portada_article_editor_focus_body (PortadaArticleEditor *self);

PortadaLayout portada_article_editor_get_layout (PortadaArticleEditor *self);
void portada_article_editor_set_layout (PortadaArticleEditor *self, PortadaLayout layout);

/* For tests and benchmarks: the body's buffer. */
GtkTextBuffer *portada_article_editor_get_buffer (PortadaArticleEditor *self);
/* Shows a message above the text (a refused paste, a failed save). */
void portada_article_editor_show_message (PortadaArticleEditor *self, const char *message);
const char *portada_article_editor_get_message (PortadaArticleEditor *self);

G_END_DECLS
