/* portada-logo-list.h: the sponsor logo lists (A, B, ...) and their members.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-newsroom.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *name;
} PortadaLogoList;

typedef struct
{
  gint64 sponsor_id;
  double weight; /* > 0; a weight of 2 is drawn ahead twice as often as 1 */
} PortadaLogoListMember;

void portada_logo_list_free (PortadaLogoList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortadaLogoList, portada_logo_list_free)

GPtrArray *portada_logo_lists_list (PortadaNewsroom *newsroom, GError **error);
/* Returns the new list's id, 0 on error (an empty or taken name). */
gint64 portada_logo_lists_create (PortadaNewsroom *newsroom, const char *name, GError **error);
gboolean portada_logo_lists_rename (PortadaNewsroom *newsroom, gint64 id, const char *name,
                                    GError **error);
gboolean portada_logo_lists_delete (PortadaNewsroom *newsroom, gint64 id, GError **error);

/* GArray of PortadaLogoListMember in the list's order. */
GArray *portada_logo_lists_members (PortadaNewsroom *newsroom, gint64 list_id, GError **error);
/* Replaces the members and their order in one transaction. */
gboolean portada_logo_lists_set_members (PortadaNewsroom *newsroom, gint64 list_id,
                                         const PortadaLogoListMember *members, guint n_members,
                                         GError **error);
/* Appends a sponsor (or updates its weight when already a member). */
gboolean portada_logo_lists_add_member (PortadaNewsroom *newsroom, gint64 list_id,
                                        gint64 sponsor_id, double weight, GError **error);
/* The same at a position the caller counts (an import appending many members keeps
 * the count itself: counting the list for each one makes a long import quadratic). */
gboolean portada_logo_lists_add_member_at (PortadaNewsroom *newsroom, gint64 list_id,
                                           gint64 sponsor_id, double weight, int position,
                                           GError **error);
/* The position after the list's last member (0 for an empty list). */
int portada_logo_lists_next_position (PortadaNewsroom *newsroom, gint64 list_id, GError **error);
gboolean portada_logo_lists_remove_member (PortadaNewsroom *newsroom, gint64 list_id,
                                           gint64 sponsor_id, GError **error);
/* Names of the lists a sponsor is on. */
GStrv portada_logo_lists_of_sponsor (PortadaNewsroom *newsroom, gint64 sponsor_id, GError **error);

G_END_DECLS
