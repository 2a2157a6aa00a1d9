#!/usr/bin/env bash
# check-potfiles.sh: fails when a file under src/ or data/ui/ marks strings for
# translation (_(), N_(), C_(), NC_(), translatable="yes") but is missing from
# po/POTFILES, or when po/POTFILES names a file that does not exist.
set -euo pipefail

top=${PORTADA_SOURCE_ROOT:?PORTADA_SOURCE_ROOT is not set}
cd "$top"
listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' po/POTFILES | grep -v '^$' | sort -u)
status=0

marked=$( {
  grep -rlE --include='*.c' --include='*.h' \
    '(^|[^[:alnum:]_])(_|N_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(' src || true
  grep -rl --include='*.ui' 'translatable="yes"' data/ui 2>/dev/null || true
} | sort -u)

missing=$(comm -23 <(printf '%s\n' "$marked" | grep -v '^$' || true) <(printf '%s\n' "$listed"))
if [ -n "$missing" ]; then
  echo "not ok: files with translatable strings missing from po/POTFILES:"
  printf '  %s\n' $missing
  status=1
fi

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "not ok: po/POTFILES names $f, which does not exist"
    status=1
  fi
done
[ $status -eq 0 ] && echo "ok: $(printf '%s\n' "$marked" | grep -c .) files with translatable strings, all in po/POTFILES"
exit $status
