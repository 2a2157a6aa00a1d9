#!/usr/bin/env bash
# test-cli-sponsors.sh: `portada check`'s sponsor lines and `portada sponsors`, as a
# user meets them: exit statuses, messages, files.
set -u
portada=${PORTADA:?set by meson}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
failures=0
n=0

ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n $1"; }
expect() {
  local want=$1 name=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$name"; else
    not_ok "$name (exit $got, wanted $want)"; sed 's/^/# /' "$tmp/err" "$tmp/out"; fi
}
out_has() { if grep -qF -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1: stdout lacks '$2'"; sed 's/^/# /' "$tmp/out"; fi; }
err_has() { if grep -qF -- "$2" "$tmp/err"; then ok "$1"; else not_ok "$1: stderr lacks '$2'"; sed 's/^/# /' "$tmp/err"; fi; }
lines_are() { local got; got=$(wc -l <"$tmp/out"); if [ "$got" -eq "$2" ]; then ok "$1"; else not_ok "$1: $got lines, wanted $2"; sed 's/^/# /' "$tmp/out"; fi; }

db=$tmp/demo.db
"$portada" demo --db "$db" --quiet

# check: the demo's two seed problems and its contract to renew, one line each.
expect 1 "check: the demo has sponsor problems" -- "$portada" check --db "$db"
lines_are "check: three sponsor lines" 3
out_has "check: the file-name alt text" "Black+Decker: the alt text “blackanddecker” looks like a file name"
out_has "check: the sponsor entered twice" "Hotel Barcelo Solymar: looks like the same sponsor as “Barceló Solymar”"
out_has "check: the contract to renew" "Cuba Energy Summit: the contract ends in"
expect 1 "check in Spanish" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$portada" check --db "$db"
out_has "check: Spanish lines" "Hotel Barcelo Solymar: parece el mismo patrocinador que «Barceló Solymar»"

echo "1..$n"
[ "$failures" -eq 0 ]
