/* portada-language-name.h: a newsroom language's name in the language of the interface.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "portada-settings.h"

G_BEGIN_DECLS

/* "Inglés" for English in a Spanish interface; a language Portada has no name for keeps the
 * name the newsroom gives it. */
const char *portada_language_display_name (const PortadaLanguage *language);
/* The same within a sentence ("Carpeta de inglés"). */
const char *portada_language_sentence_name (const PortadaLanguage *language);

G_END_DECLS
