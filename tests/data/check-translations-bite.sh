#!/usr/bin/env bash
# check-translations-bite.sh: proves that check-translations.sh fails when po/es.po
# lacks one translation (the first translated message loses its msgstr) or has a
# fuzzy one, and passes on the catalogue as it is.
set -euo pipefail

top=${PORTADA_SOURCE_ROOT:?PORTADA_SOURCE_ROOT is not set}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The first non-header message of es.po.
msgid=$(msgattrib --translated --no-obsolete --no-wrap "$top/po/es.po" \
  | awk '/^msgid "[^"]/ && !found { print; found = 1 }')
[ -n "$msgid" ] || { echo "not ok: po/es.po has no translated message to remove"; exit 1; }
echo "# removing the translation of $msgid"

msgattrib --no-wrap "$top/po/es.po" | awk -v id="$msgid" '
  $0 == id { hit = 1; print; next }
  hit && /^msgstr / { print "msgstr \"\""; skip = 1; hit = 0; next }
  skip && /^"/ { next }
  { skip = 0; print }' >"$tmp/untranslated.po"
if "$here/check-translations.sh" "$tmp/untranslated.po" >"$tmp/out" 2>&1; then
  cat "$tmp/out"
  echo "not ok: a catalogue missing the translation of $msgid passed"
  exit 1
fi
grep -F -- "${msgid#msgid }" "$tmp/out" >/dev/null \
  || { cat "$tmp/out"; echo "not ok: the failure does not name $msgid"; exit 1; }
echo "ok: a missing translation fails and is named"

msgattrib --no-wrap "$top/po/es.po" | awk -v id="$msgid" '
  $0 == id { print "#, fuzzy" } { print }' >"$tmp/fuzzy.po"
grep -q '^#, fuzzy' "$tmp/fuzzy.po" || { echo "not ok: could not mark $msgid fuzzy"; exit 1; }
if "$here/check-translations.sh" "$tmp/fuzzy.po" >"$tmp/out" 2>&1; then
  cat "$tmp/out"
  echo "not ok: a catalogue with a fuzzy message passed"
  exit 1
fi
echo "ok: a fuzzy translation fails"

"$here/check-translations.sh" >/dev/null || { echo "not ok: po/es.po itself fails"; exit 1; }
echo "ok: po/es.po as it is passes"
