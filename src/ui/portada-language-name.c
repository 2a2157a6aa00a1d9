/* portada-language-name.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "portada-language-name.h"

static const struct
{
  const char *code;
  const char *name;
  const char *in_sentence;
} names[] = {
  { "en", N_ ("English"), NC_ ("language in a sentence", "English") },
  { "es", N_ ("Spanish"), NC_ ("language in a sentence", "Spanish") },
};

const char *
portada_language_display_name (const PortadaLanguage *language)
{
  g_return_val_if_fail (language != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (language->code, names[i].code) == 0)
      return _ (names[i].name);
  return language->name && *language->name ? language->name : language->code;
}

const char *
portada_language_sentence_name (const PortadaLanguage *language)
{
  g_return_val_if_fail (language != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (language->code, names[i].code) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "language in a sentence", names[i].in_sentence);
  return portada_language_display_name (language);
}
