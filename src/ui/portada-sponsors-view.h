/* portada-sponsors-view.h: the Sponsors page of the window.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "portada-newsroom.h"
#include "portada-sponsors-editor.h"
#include "portada-sponsors-import-dialog.h"
#include "portada-sponsors-list.h"
#include "portada-sponsors-lists-editor.h"
#include "portada-sponsors-model.h"
#include "portada-sponsors-placements.h"
#include "portada-sponsors-preview.h"
#include "portada-sponsors-problems.h"

G_BEGIN_DECLS

#define PORTADA_TYPE_SPONSORS_VIEW (portada_sponsors_view_get_type ())
G_DECLARE_FINAL_TYPE (PortadaSponsorsView, portada_sponsors_view, PORTADA, SPONSORS_VIEW, GtkWidget)

/* The pages of the view, for portada_sponsors_view_show_page(). */
#define PORTADA_SPONSORS_PAGE_SPONSORS "sponsors"
#define PORTADA_SPONSORS_PAGE_LISTS "lists"
#define PORTADA_SPONSORS_PAGE_PLACEMENTS "placements"
#define PORTADA_SPONSORS_PAGE_PROBLEMS "problems"
#define PORTADA_SPONSORS_PAGE_PREVIEW "preview"

GtkWidget *portada_sponsors_view_new (void);
/* Shows the sponsors of @newsroom (again, or another newsroom's); FALSE (and @error)
 * if they cannot be read. */
gboolean portada_sponsors_view_set_newsroom (PortadaSponsorsView *self, PortadaNewsroom *newsroom,
                                             GError **error);
/* Reads the sponsors again (another program changed them), keeping the selected one. */
gboolean portada_sponsors_view_refresh (PortadaSponsorsView *self, GError **error);
PortadaSponsorsModel *portada_sponsors_view_get_model (PortadaSponsorsView *self);
void portada_sponsors_view_show_page (PortadaSponsorsView *self, const char *page);
const char *portada_sponsors_view_get_page (PortadaSponsorsView *self);
/* Shows sponsor @id on its page, with @field (PORTADA_SPONSOR_FIELD_*, or NULL) focused. */
gboolean portada_sponsors_view_show_sponsor (PortadaSponsorsView *self, gint64 id,
                                             const char *field);

/* What a drop of files (and the file chooser) does: imports the logos and asks,
 * in the returned dialog (already presented), for the new sponsors' names. */
PortadaSponsorsImportDialog *portada_sponsors_view_import_files (PortadaSponsorsView *self,
                                                                 GSList *files);

/* Deletes sponsor @id; the returned toast (shown, owned by the view) offers to undo. */
AdwToast *portada_sponsors_view_delete_sponsor (PortadaSponsorsView *self, gint64 id);

PortadaSponsorsList *portada_sponsors_view_get_list (PortadaSponsorsView *self);
PortadaSponsorsEditor *portada_sponsors_view_get_editor (PortadaSponsorsView *self);
PortadaSponsorsListsEditor *portada_sponsors_view_get_lists_editor (PortadaSponsorsView *self);
PortadaSponsorsPlacements *portada_sponsors_view_get_placements (PortadaSponsorsView *self);
PortadaSponsorsProblems *portada_sponsors_view_get_problems (PortadaSponsorsView *self);
PortadaSponsorsPreview *portada_sponsors_view_get_preview (PortadaSponsorsView *self);

G_END_DECLS
