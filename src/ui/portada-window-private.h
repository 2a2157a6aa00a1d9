/* portada-window-private.h: what the window's files share.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-article-editor.h"
#include "portada-article-list.h"
#include "portada-sponsors-view.h"
#include "portada-window.h"

G_BEGIN_DECLS

typedef struct _PortadaDeletedArticle DeletedArticle;

struct _PortadaWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwHeaderBar *header_bar;
  GtkToggleButton *sidebar_button;
  GtkButton *new_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton *menu_button;
  GtkToggleButton *details_button;
  GtkMenuButton *layout_button;
  GtkStack *main_stack;
  AdwViewStack *view_stack;
  AdwFlap *sidebar_flap;
  PortadaArticleList *article_list;
  GtkStack *editor_stack;
  PortadaArticleEditor *editor;
  AdwStatusPage *problem_page;
  PortadaSponsorsView *sponsors_view;

  GSettings *settings;
  PortadaNewsroom *newsroom;
  DeletedArticle *deleted; /* the article the undo toast brings back */
};

/* portada-window.c */
/* Opens the article, saving the one being edited first; shows a toast when it cannot. */
gboolean portada_window_open_article (PortadaWindow *self, gint64 id);
void portada_window_toast (PortadaWindow *self, const char *message);
void portada_window_show_problem (PortadaWindow *self, const char *title, const char *message);

/* portada-window-actions.c */
void portada_window_class_init_actions (GtkWidgetClass *widget_class);
void portada_window_update_actions (PortadaWindow *self);
void portada_deleted_article_free (DeletedArticle *deleted);

G_END_DECLS
