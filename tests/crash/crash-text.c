/* crash-text.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "crash-text.h"
#include "portada-markdown-exchange.h"
#include "portada-site-export.h"
#include "portada-wxr.h"

static const char *const sentences[] = {
  "La asamblea aprobó el presupuesto después de una sesión de once horas, con cambios "
  "en salud y educación que la oposición calificó de insuficientes.",
  "Los productores de café de la zona alta esperan una cosecha menor por la sequía, "
  "aunque los precios internacionales compensarían parte de la pérdida.",
  "The committee heard from fishermen, teachers and two former ministers before voting "
  "to open the archive of the 1980s land reform to researchers.",
  "Según el informe, el 38 % de los hogares rurales no tiene acceso estable a agua "
  "potable; en las ciudades, la cifra baja al 9 %.",
  "Night buses will run every twenty minutes from March, the transport authority said, "
  "after a year of complaints from shift workers and students.",
};

/* Grows with n, then starts small again, so the file keeps being rewritten. */
static char *
body_for (const char *who, int n)
{
  GString *body = g_string_new (NULL);
  int paragraphs = 1 + ABS (n) % 120;

  for (int i = 0; i < paragraphs; i++)
    g_string_append_printf (body, "Párrafo %d de %s, guardado %d. %s\n\n", i + 1, who, n,
                            sentences[(i + ABS (n)) % G_N_ELEMENTS (sentences)]);
  return g_string_free (body, FALSE);
}

static void
set (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

void
crash_text_fill_main (PortadaArticle *a, int n)
{
  set (&a->uuid, g_strdup (CRASH_MAIN_UUID));
  set (&a->lang, g_strdup ("es"));
  set (&a->title, g_strdup_printf ("Save %d", n));
  set (&a->excerpt, g_strdup_printf ("Resumen del guardado %d", n));
  set (&a->author, g_strdup ("Redacción"));
  set (&a->body, body_for ("la nota", n));
  a->status = (n / 5) % 2 ? PORTADA_STATUS_REVIEW : PORTADA_STATUS_DRAFT;
  g_strfreev (a->tags);
  a->tags = g_new0 (char *, 3);
  a->tags[0] = g_strdup ("crash");
  a->tags[1] = g_strdup_printf ("tag-%d", n % 3);
}

gboolean
crash_text_parse_title (const char *title, int *n)
{
  char rest;

  return title && sscanf (title, "Save %d%c", n, &rest) == 1;
}

#define DIFFER(what) return g_strdup_printf ("save %d: the %s differs", n, what)

char *
crash_text_check_main (const PortadaArticle *a, int n)
{
  g_autoptr (PortadaArticle) want = portada_article_new ();

  crash_text_fill_main (want, n);
  if (g_strcmp0 (a->title, want->title) != 0)
    return g_strdup_printf ("title “%s”, wanted “%s”", a->title, want->title);
  if (g_strcmp0 (a->body, want->body) != 0)
    DIFFER ("body");
  if (g_strcmp0 (a->excerpt, want->excerpt) != 0)
    DIFFER ("excerpt");
  if (g_strcmp0 (a->author, want->author) != 0)
    DIFFER ("author");
  if (a->status != want->status)
    DIFFER ("status");
  if (a->tags == NULL || g_strv_length (a->tags) != 2 || g_strcmp0 (a->tags[0], want->tags[0])
      || g_strcmp0 (a->tags[1], want->tags[1]))
    DIFFER ("tag list");
  return NULL;
}

char *
crash_text_extra_uuid (int n)
{
  return g_strdup_printf ("c0ffee00-0000-4000-8000-%012d", n);
}

void
crash_text_fill_extra (PortadaArticle *a, int n)
{
  set (&a->uuid, crash_text_extra_uuid (n));
  set (&a->lang, g_strdup ("en"));
  set (&a->title, g_strdup_printf ("Extra %d", n));
  set (&a->body, body_for ("extra", n));
}

char *
crash_text_check_extra (const PortadaArticle *a, int n)
{
  g_autoptr (PortadaArticle) want = portada_article_new ();

  crash_text_fill_extra (want, n);
  if (g_strcmp0 (a->title, want->title) != 0 || g_strcmp0 (a->body, want->body) != 0)
    return g_strdup_printf ("extra article %d: its title or body differs", n);
  return NULL;
}

char *
crash_text_writer_uuid (const char *name)
{
  return g_strdup_printf ("writer-%s", name);
}

void
crash_text_fill_writer (PortadaArticle *a, const char *name, int n)
{
  set (&a->uuid, crash_text_writer_uuid (name));
  set (&a->lang, g_strdup ("en"));
  set (&a->title, g_strdup_printf ("Writer %s save %d", name, n));
  set (&a->body, body_for (name, n));
  /* Published, so that an export running meanwhile has its page to write. */
  a->status = PORTADA_STATUS_PUBLISHED;
  a->publish_at = CRASH_EXPORT_NOW - 86400;
}

void
crash_text_fill_writer_extra (PortadaArticle *a, const char *name, int n)
{
  set (&a->uuid, g_strdup_printf ("writer-%s-extra-%d", name, n));
  set (&a->lang, g_strdup ("es"));
  set (&a->title, g_strdup_printf ("Writer %s extra %d", name, n));
  set (&a->body, body_for (name, -n));
}

gboolean
crash_text_check_writer (const PortadaArticle *a)
{
  char name[64], kind[8];
  int n;
  g_autofree char *want = NULL;

  if (a->title == NULL || sscanf (a->title, "Writer %63s %7s %d", name, kind, &n) != 3)
    return TRUE;
  want = body_for (name, strcmp (kind, "extra") == 0 ? -n : n);
  return g_strcmp0 (a->body, want) == 0;
}

int
crash_text_writer_save (const PortadaArticle *a, const char *name)
{
  g_autofree char *prefix = g_strdup_printf ("Writer %s save ", name);
  int n;

  if (a->title == NULL || !g_str_has_prefix (a->title, prefix)
      || sscanf (a->title + strlen (prefix), "%d", &n) != 1)
    return -1;
  return n;
}

gboolean
crash_export (PortadaNewsroom *newsroom, const char *out, const char *format, GError **error)
{
  PortadaSiteExportOptions options = { CRASH_EXPORT_DATE, CRASH_EXPORT_NOW };

  if (strcmp (format, "wxr") == 0)
    return portada_wxr_export (newsroom, out, NULL, NULL, NULL, NULL, error);
  if (strcmp (format, "markdown") == 0)
    return portada_markdown_export (newsroom, out, NULL, NULL, NULL, NULL, error);
  g_assert_cmpstr (format, ==, "site");
  return portada_site_export_full (newsroom, out, NULL, &options, NULL, NULL, NULL, NULL, error);
}
