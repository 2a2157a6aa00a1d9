/* portada-sponsor-checks.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "portada-image.h"
#include "portada-logo-list.h"
#include "portada-media.h"
#include "portada-placement.h"
#include "portada-sponsor-checks.h"

/* Dates. */

static gboolean
parse_date (const char *text, GDate *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static int
days_between (const char *from, const char *to)
{
  GDate a, b;

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

PortadaContractState
portada_sponsor_contract_state (const PortadaSponsor *s, const char *today, int *days)
{
  int scratch;

  if (days == NULL)
    days = &scratch;
  *days = 0;
  if (!s->active)
    return PORTADA_CONTRACT_INACTIVE;
  if (s->contract_start && *s->contract_start && strcmp (today, s->contract_start) < 0)
    {
      *days = days_between (today, s->contract_start);
      return PORTADA_CONTRACT_NOT_STARTED;
    }
  if (s->contract_end && *s->contract_end)
    {
      int left = days_between (today, s->contract_end);
      if (left < 0)
        {
          *days = -left;
          return PORTADA_CONTRACT_EXPIRED;
        }
      if (left <= PORTADA_CONTRACT_WARNING_DAYS)
        {
          *days = left;
          return PORTADA_CONTRACT_EXPIRING;
        }
    }
  return PORTADA_CONTRACT_ACTIVE;
}

char *
portada_sponsor_contract_describe (const PortadaSponsor *s, const char *today)
{
  int days;

  switch (portada_sponsor_contract_state (s, today, &days))
    {
      case PORTADA_CONTRACT_NOT_STARTED:
        return g_strdup_printf (_ ("starts on %s"), s->contract_start);
      case PORTADA_CONTRACT_EXPIRING:
        if (days == 0)
          return g_strdup (_ ("expires today"));
        return g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "expires in %d day", "expires in %d days", days), days);
      case PORTADA_CONTRACT_EXPIRED:
        return g_strdup_printf (_ ("expired on %s"), s->contract_end);
      case PORTADA_CONTRACT_INACTIVE:
        return g_strdup (_ ("inactive"));
      case PORTADA_CONTRACT_ACTIVE:
      default:
        return g_strdup (_ ("active"));
    }
}

/* Names. */

static const char *const stop_words[] = {
  "hotel", "hotels", "hoteles", "grupo", "group",   "sa",       "sas", "inc", "ltd", "ltda",
  "llc",   "corp",   "co",      "cia",   "company", "compania", "sl",  "srl", "sac", "cv",
  "de",    "del",    "la",      "las",   "los",     "el",       "the", "of",  "and", "y",
};

static gboolean
is_stop_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_str_equal (word, stop_words[i]))
      return TRUE;
  return FALSE;
}

/* Lowercase words without accents; "." and apostrophes join ("S.A." is "sa"),
 * any other punctuation separates. */
static GStrv
fold_words (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autofree char *decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  g_autoptr (GString) plain = g_string_new (NULL);

  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (c == '.' || c == '\'' || c == 0x2019)
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (plain, c);
      else
        g_string_append_c (plain, ' ');
    }
  folded = g_utf8_casefold (plain->str, -1);
  return g_strsplit_set (g_strstrip (folded), " ", -1);
}

static char *
join_words (GStrv words, gboolean drop_stop_words, const char *separator)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0' || (drop_stop_words && is_stop_word (words[i])))
        continue;
      if (out->len)
        g_string_append (out, separator);
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
portada_sponsor_name_key (const char *name)
{
  g_auto (GStrv) words = fold_words (name);
  g_autofree char *key = join_words (words, TRUE, " ");

  /* A name made only of such words ("Grupo S.A.") keeps them. */
  if (*key == '\0')
    return join_words (words, FALSE, " ");
  return g_steal_pointer (&key);
}

/* At most one insertion, deletion or substitution apart? */
static gboolean
one_edit_apart (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b), i = 0, j = 0;
  gboolean edited = FALSE;

  if (la > lb)
    {
      const char *t = a;
      gsize lt = la;
      a = b, la = lb, b = t, lb = lt;
    }
  if (lb - la > 1)
    return FALSE;
  while (i < la && j < lb)
    {
      if (a[i] == b[j])
        {
          i++, j++;
          continue;
        }
      if (edited)
        return FALSE;
      edited = TRUE;
      if (la == lb)
        i++;
      j++;
    }
  return TRUE;
}

static char *
remove_spaces (const char *key)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (const char *p = key; *p; p++)
    if (*p != ' ')
      g_string_append_c (s, *p);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

gboolean
portada_sponsor_names_match (const char *a, const char *b)
{
  g_autofree char *ka = portada_sponsor_name_key (a);
  g_autofree char *kb = portada_sponsor_name_key (b);
  g_autofree char *ja = remove_spaces (ka);
  g_autofree char *jb = remove_spaces (kb);

  if (*ja == '\0' || *jb == '\0')
    return FALSE;
  if (g_str_equal (ja, jb))
    return TRUE;
  return strlen (ja) >= 8 && strlen (jb) >= 8 && one_edit_apart (ja, jb);
}

/* Alt text. */

static gboolean
has_image_extension (const char *alt)
{
  static const char *const exts[] = { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp",
                                      ".bmp", ".tif", ".tiff", ".ai",  ".eps" };
  g_autofree char *lower = g_utf8_strdown (alt, -1);

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    if (g_str_has_suffix (lower, exts[i]))
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_file_name (const char *name, const char *alt)
{
  g_autofree char *lower = g_utf8_strdown (alt, -1);
  g_autofree char *name_folded = g_utf8_casefold (name ? name : "", -1);
  g_autofree char *alt_folded = g_utf8_casefold (alt, -1);
  gboolean has_space = strpbrk (alt, " \t") != NULL;

  if (has_image_extension (alt))
    return TRUE;
  if (has_space)
    return FALSE;
  if (strchr (alt, '_') || strchr (alt, '/') || strchr (alt, '\\'))
    return TRUE;
  /* All lowercase and run together ("blackanddecker", "hotel-barcelo"), unless
   * the name itself is written so. */
  return g_str_equal (lower, alt) && g_utf8_strlen (alt, -1) >= 4
         && !g_str_equal (alt_folded, name_folded);
}

static gboolean
shares_something (const char *name, const char *alt)
{
  g_auto (GStrv) name_words = fold_words (name);
  g_auto (GStrv) alt_words = fold_words (alt);
  g_autofree char *name_joined = join_words (name_words, TRUE, "");
  g_autofree char *alt_joined = join_words (alt_words, FALSE, "");
  g_autoptr (GString) initials = g_string_new (NULL);
  gboolean any_word = FALSE;

  if (*name_joined == '\0' || *alt_joined == '\0')
    return TRUE; /* nothing to compare */
  for (guint i = 0; name_words[i]; i++)
    {
      if (*name_words[i] == '\0' || is_stop_word (name_words[i]))
        continue;
      any_word = TRUE;
      g_string_append_unichar (initials, g_utf8_get_char (name_words[i]));
      for (guint j = 0; alt_words[j]; j++)
        if (g_utf8_strlen (name_words[i], -1) >= 2 && g_str_equal (name_words[i], alt_words[j]))
          return TRUE;
    }
  if (!any_word)
    return TRUE;
  /* "MuniGuate" for "Muni Guate", or the name's initials ("CNCMAC"). */
  if (strstr (alt_joined, name_joined) || strstr (name_joined, alt_joined))
    return TRUE;
  for (guint j = 0; alt_words[j]; j++)
    if (initials->len >= 2 && g_str_equal (alt_words[j], initials->str))
      return TRUE;
  return FALSE;
}

const char *
portada_sponsor_alt_text_problem (const char *name, const char *alt)
{
  g_autofree char *stripped = g_strstrip (g_strdup (alt ? alt : ""));

  if (*stripped == '\0')
    return PORTADA_PROBLEM_SPONSOR_ALT_MISSING;
  if (looks_like_file_name (name, stripped))
    return PORTADA_PROBLEM_SPONSOR_ALT_FILENAME;
  if (!shares_something (name, stripped))
    return PORTADA_PROBLEM_SPONSOR_ALT_UNRELATED;
  return NULL;
}

/* The run. */

typedef struct
{
  PortadaNewsroom *newsroom;
  const char *today;
  GPtrArray *out;
  GPtrArray *placements;  /* PortadaPlacement, page order */
  GHashTable *slots_of;   /* sponsor id -> GPtrArray of slot names, page order */
  GHashTable *members_of; /* list id -> GArray of PortadaLogoListMember */
  GHashTable *list_names; /* list id -> name */
} Run;

static void
add (Run *run, const char *kind, PortadaTarget target, gint64 id, const char *subject,
     const char *message, const char *fix)
{
  g_ptr_array_add (run->out, portada_problem_new (kind, target, id, subject, message, fix));
}

static gboolean
load_structure (Run *run, GError **error)
{
  g_autoptr (GPtrArray) lists = portada_logo_lists_list (run->newsroom, error);

  if (lists == NULL)
    return FALSE;
  run->placements = portada_placements_list (run->newsroom, error);
  if (run->placements == NULL)
    return FALSE;
  for (guint i = 0; i < lists->len; i++)
    {
      PortadaLogoList *l = g_ptr_array_index (lists, i);
      GArray *members = portada_logo_lists_members (run->newsroom, l->id, error);
      if (members == NULL)
        return FALSE;
      g_hash_table_insert (run->members_of, g_memdup2 (&l->id, sizeof l->id), members);
      g_hash_table_insert (run->list_names, g_memdup2 (&l->id, sizeof l->id), g_strdup (l->name));
    }
  for (guint i = 0; i < run->placements->len; i++)
    {
      PortadaPlacement *p = g_ptr_array_index (run->placements, i);
      GArray *members = g_hash_table_lookup (run->members_of, &p->list_id);

      for (guint j = 0; members && j < members->len; j++)
        {
          gint64 sid = g_array_index (members, PortadaLogoListMember, j).sponsor_id;
          GPtrArray *slots = g_hash_table_lookup (run->slots_of, &sid);
          if (slots == NULL)
            {
              slots = g_ptr_array_new ();
              g_hash_table_insert (run->slots_of, g_memdup2 (&sid, sizeof sid), slots);
            }
          if (!g_ptr_array_find_with_equal_func (slots, p->slot, g_str_equal, NULL))
            g_ptr_array_add (slots, p->slot);
        }
    }
  return TRUE;
}

static gboolean
is_on_a_list (Run *run, gint64 sponsor_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, run->members_of);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *members = value;
      for (guint j = 0; j < members->len; j++)
        if (g_array_index (members, PortadaLogoListMember, j).sponsor_id == sponsor_id)
          return TRUE;
    }
  return FALSE;
}

static const char *
slot_label (const char *slot)
{
  if (g_strcmp0 (slot, PORTADA_SLOT_HEADER) == 0)
    return _ ("header strip");
  if (g_strcmp0 (slot, PORTADA_SLOT_ARTICLE_TOP) == 0)
    return _ ("article-top strip");
  if (g_strcmp0 (slot, PORTADA_SLOT_BODY) == 0)
    return _ ("in-body strip");
  if (g_strcmp0 (slot, PORTADA_SLOT_SIDEBAR) == 0)
    return _ ("sidebar strip");
  if (g_strcmp0 (slot, PORTADA_SLOT_MID) == 0)
    return _ ("mid-page strip");
  if (g_strcmp0 (slot, PORTADA_SLOT_FOOTER) == 0)
    return _ ("footer strip");
  return slot;
}

static void
check_contract (Run *run, const PortadaSponsor *s)
{
  int days;
  g_autofree char *message = NULL;

  switch (portada_sponsor_contract_state (s, run->today, &days))
    {
      case PORTADA_CONTRACT_EXPIRED:
        message = g_strdup_printf (_ ("the contract ended on %s; the logo is no longer shown"),
                                   s->contract_end);
        add (run, PORTADA_PROBLEM_SPONSOR_EXPIRED, PORTADA_TARGET_SPONSOR, s->id, s->name, message,
             _ ("Renew the contract and set its new end date, or switch the sponsor off"));
        break;
      case PORTADA_CONTRACT_EXPIRING:
        message = days == 0 ? g_strdup_printf (_ ("the contract ends today (%s)"), s->contract_end)
                            : g_strdup_printf (
                                g_dngettext (GETTEXT_PACKAGE, "the contract ends in %d day, on %s",
                                             "the contract ends in %d days, on %s", days),
                                days, s->contract_end);
        add (run, PORTADA_PROBLEM_SPONSOR_EXPIRING, PORTADA_TARGET_SPONSOR, s->id, s->name, message,
             _ ("Renew the contract and set its new end date"));
        break;
      default:
        break;
    }
}

static void
check_alt_text (Run *run, const PortadaSponsor *s)
{
  const char *kind = portada_sponsor_alt_text_problem (s->name, s->alt_text);
  g_autofree char *message = NULL;

  if (kind == NULL)
    return;
  if (g_str_equal (kind, PORTADA_PROBLEM_SPONSOR_ALT_MISSING))
    add (run, kind, PORTADA_TARGET_SPONSOR, s->id, s->name,
         _ ("the logo has no alt text, so people using screen readers do not know whose it is"),
         _ ("Write the sponsor’s name as it should be read in the alt text"));
  else
    {
      message = g_str_equal (kind, PORTADA_PROBLEM_SPONSOR_ALT_FILENAME)
                    ? g_strdup_printf (_ ("the alt text “%s” looks like a file name, not words "
                                          "a reader would hear"),
                                       s->alt_text)
                    : g_strdup_printf (_ ("the alt text “%s” has nothing of the sponsor’s name"),
                                       s->alt_text);
      add (run, kind, PORTADA_TARGET_SPONSOR, s->id, s->name, message,
           _ ("Write the sponsor’s name as it should be read in the alt text"));
    }
}

static void
check_logo_size (Run *run, const PortadaSponsor *s, const PortadaImageInfo *info)
{
  GPtrArray *slots = g_hash_table_lookup (run->slots_of, &s->id);

  for (guint i = 0; slots && i < slots->len; i++)
    {
      const PortadaSlotLogoSize *want = portada_slot_logo_size (g_ptr_array_index (slots, i));
      double aspect, wanted, off, scale;
      g_autofree char *message = NULL;

      if (want == NULL)
        continue;
      aspect = (double) info->width / info->height;
      wanted = (double) want->width / want->height;
      off = aspect > wanted ? aspect / wanted : wanted / aspect;
      scale = MIN ((double) want->width / info->width, (double) want->height / info->height);
      if (off > PORTADA_LOGO_ASPECT_TOLERANCE)
        message = g_strdup_printf (_ ("the logo is %d × %d pixels, a shape far from the %d × %d "
                                      "box of the %s: it will look tiny"),
                                   info->width, info->height, want->width, want->height,
                                   slot_label (want->slot));
      else if (!g_str_equal (info->mime, "image/svg+xml") && scale > 1.0)
        message = g_strdup_printf (_ ("the logo is only %d × %d pixels, smaller than the %d × %d "
                                      "box of the %s: it will look blurred"),
                                   info->width, info->height, want->width, want->height,
                                   slot_label (want->slot));
      if (message)
        {
          add (run, PORTADA_PROBLEM_SPONSOR_LOGO_SIZE, PORTADA_TARGET_SPONSOR, s->id, s->name,
               message,
               off > PORTADA_LOGO_ASPECT_TOLERANCE
                   ? _ ("Ask the sponsor for a logo of a wider shape (or an SVG), or trim the "
                        "empty space around it")
                   : _ ("Ask the sponsor for a larger logo, or for an SVG"));
          return;
        }
    }
}

static gboolean
check_logo (Run *run, const PortadaSponsor *s, GError **error)
{
  g_autoptr (GBytes) data = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *message = NULL;
  PortadaImageInfo info;

  if (s->logo_media_id == 0)
    {
      add (run, PORTADA_PROBLEM_SPONSOR_LOGO_MISSING, PORTADA_TARGET_SPONSOR, s->id, s->name,
           _ ("has no logo, so its strips show nothing for it"), _ ("Import the sponsor’s logo"));
      return TRUE;
    }
  data = portada_media_load_data (run->newsroom, s->logo_media_id, &local);
  if (data == NULL && !g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (data == NULL
      || !portada_image_sniff (g_bytes_get_data (data, NULL), g_bytes_get_size (data), &info,
                               &local))
    {
      message = g_strdup_printf (_ ("the logo cannot be shown: %s"), local->message);
      add (run, PORTADA_PROBLEM_SPONSOR_LOGO_BROKEN, PORTADA_TARGET_SPONSOR, s->id, s->name,
           message, _ ("Import the sponsor’s logo again"));
      return TRUE;
    }
  check_logo_size (run, s, &info);
  return TRUE;
}

static void
check_website (Run *run, const PortadaSponsor *s)
{
  g_autofree char *message = NULL;

  if (s->website == NULL || *s->website == '\0' || portada_sponsor_website_is_valid (s->website))
    return;
  message = g_strdup_printf (_ ("the website “%s” is not a web address"), s->website);
  add (run, PORTADA_PROBLEM_SPONSOR_WEBSITE, PORTADA_TARGET_SPONSOR, s->id, s->name, message,
       _ ("Write the full address, starting with https:// or http://"));
}

static void
check_duplicates (Run *run, GPtrArray *sponsors)
{
  for (guint j = 0; j < sponsors->len; j++)
    {
      const PortadaSponsor *b = g_ptr_array_index (sponsors, j);
      for (guint i = 0; i < sponsors->len; i++)
        {
          const PortadaSponsor *a = g_ptr_array_index (sponsors, i);
          g_autofree char *message = NULL;

          /* Each pair once, reported on the later one (by id: the newer entry). */
          if (a->id >= b->id || !portada_sponsor_names_match (a->name, b->name))
            continue;
          message = g_strdup_printf (_ ("looks like the same sponsor as “%s”"), a->name);
          add (run, PORTADA_PROBLEM_SPONSOR_DUPLICATE, PORTADA_TARGET_SPONSOR, b->id, b->name,
               message,
               _ ("If they are one sponsor, put the one entry on every list and delete the other; "
                  "if not, give them names that tell them apart"));
          break;
        }
    }
}

static char *
placement_subject (Run *run, const PortadaPlacement *p)
{
  guint same = 0;

  for (guint i = 0; i < run->placements->len; i++)
    same += g_str_equal (((PortadaPlacement *) g_ptr_array_index (run->placements, i))->slot,
                         p->slot);
  if (g_str_equal (p->slot, PORTADA_SLOT_BODY))
    return g_strdup_printf (_ ("The in-body strip after paragraph %d"), p->after_paragraph);
  if (same > 1)
    return g_strdup_printf (_ ("The %s (%d of %u)"), slot_label (p->slot), p->position + 1, same);
  return g_strdup_printf (_ ("The %s"), slot_label (p->slot));
}

static void
check_placements (Run *run, GHashTable *sponsor_by_id)
{
  for (guint i = 0; i < run->placements->len; i++)
    {
      const PortadaPlacement *p = g_ptr_array_index (run->placements, i);
      GArray *members = g_hash_table_lookup (run->members_of, &p->list_id);
      const char *list = g_hash_table_lookup (run->list_names, &p->list_id);
      g_autofree char *subject = placement_subject (run, p);
      g_autofree char *message = NULL;
      guint shown = 0;

      if (p->list_id == 0 || members == NULL)
        {
          add (run, PORTADA_PROBLEM_PLACEMENT_NO_LIST, PORTADA_TARGET_PLACEMENT, p->id, subject,
               _ ("draws from no logo list, so it shows nothing"),
               _ ("Choose the logo list it shows, or delete the strip"));
          continue;
        }
      if (members->len == 0)
        {
          message = g_strdup_printf (_ ("draws from the logo list “%s”, which is empty"), list);
          add (run, PORTADA_PROBLEM_PLACEMENT_EMPTY_LIST, PORTADA_TARGET_PLACEMENT, p->id, subject,
               message, _ ("Add sponsors to the list, or choose another list"));
          continue;
        }
      for (guint j = 0; j < members->len; j++)
        {
          gint64 sid = g_array_index (members, PortadaLogoListMember, j).sponsor_id;
          const PortadaSponsor *s = g_hash_table_lookup (sponsor_by_id, &sid);
          shown += s && portada_sponsor_is_shown_on (s, run->today);
        }
      if (shown == 0)
        {
          message = g_strdup_printf (_ ("draws from the logo list “%s”, none of whose sponsors "
                                        "is shown today (inactive, or out of contract)"),
                                     list);
          add (run, PORTADA_PROBLEM_PLACEMENT_NOTHING_SHOWN, PORTADA_TARGET_PLACEMENT, p->id,
               subject, message, _ ("Renew a contract on the list, or choose another list"));
        }
    }
}

GPtrArray *
portada_sponsor_checks_run (PortadaNewsroom *newsroom, const char *today, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) portada_problem_free);
  g_autoptr (GPtrArray) sponsors = NULL;
  g_autoptr (GHashTable) slots_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) members_of
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) list_names
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) placements = NULL;
  Run run = { newsroom, today, out, NULL, slots_of, members_of, list_names };
  GDate check;

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), NULL);
  if (!parse_date (today, &check))
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("“%s” is not a date such as 2026-12-31"), today ? today : "");
      return NULL;
    }
  sponsors = portada_sponsors_list (newsroom, error);
  if (sponsors == NULL || !load_structure (&run, error))
    {
      g_clear_pointer (&run.placements, g_ptr_array_unref);
      return NULL;
    }
  placements = run.placements;

  for (guint i = 0; i < sponsors->len; i++)
    {
      const PortadaSponsor *s = g_ptr_array_index (sponsors, i);

      g_hash_table_insert (by_id, (gpointer) &s->id, (gpointer) s);
      check_contract (&run, s);
      check_alt_text (&run, s);
      if (!check_logo (&run, s, error))
        return NULL;
      check_website (&run, s);
      if (s->active && !is_on_a_list (&run, s->id))
        add (&run, PORTADA_PROBLEM_SPONSOR_NO_LIST, PORTADA_TARGET_SPONSOR, s->id, s->name,
             _ ("is on no logo list, so no strip shows it"),
             _ ("Add the sponsor to a logo list, or switch it off"));
    }
  check_duplicates (&run, sponsors);
  check_placements (&run, by_id);
  return g_steal_pointer (&out);
}
