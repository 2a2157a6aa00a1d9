#!/usr/bin/env bash
# check-translations.sh [PO]: fails unless the Spanish catalogue (po/es.po, or PO) passes
# `msgfmt --check`, has no fuzzy or untranslated message, and translates every message
# that the files of po/POTFILES hold today (extracted afresh with xgettext, so a string
# added to the code without its translation fails here).
set -euo pipefail

top=${PORTADA_SOURCE_ROOT:?PORTADA_SOURCE_ROOT is not set}
po=${1:-$top/po/es.po}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# The entries of a catalogue on standard input, without its header.
entries() { awk 'BEGIN { RS = ""; ORS = "\n\n" } !/\nmsgstr ""\n"[A-Za-z-]+: /'; }

echo "# msgfmt --check --statistics $po"
if ! msgfmt --check --statistics -o /dev/null "$po" 2>"$tmp/stats"; then
  cat "$tmp/stats"
  echo "not ok: msgfmt --check refuses $po"
  exit 1
fi
cat "$tmp/stats"
if grep -Eq 'fuzzy|untranslated' "$tmp/stats"; then
  echo "not ok: $po has fuzzy or untranslated messages:"
  msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | entries
  msgattrib --untranslated --no-obsolete --no-wrap "$po" | entries
  status=1
fi

# The same keywords and flags as meson's i18n.gettext(preset: 'glib').
cd "$top"
xgettext --package-name=portada --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_print:1:c-format --flag=g_strdup_printf:1:c-format \
  --files-from=po/POTFILES -o "$tmp/portada.pot"

msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/merged.po" "$po" "$tmp/portada.pot"
msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>"$tmp/merged-stats" || true
sed 's/^/# against the sources: /' "$tmp/merged-stats"
if grep -Eq 'fuzzy|untranslated' "$tmp/merged-stats"; then
  echo "not ok: messages of the sources with no Spanish translation in $po:"
  msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" | entries
  status=1
fi
[ $status -eq 0 ] && echo "ok: every message of po/POTFILES is translated"
exit $status
