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

# sponsors list
expect 0 "list" -- "$portada" sponsors list --db "$db" --date 2026-01-01
lines_are "list: a header and 33 sponsors" 34
out_has "list: lists and contract" "INTERFER"
if grep -q "^Cuba Energy Summit .*expires in\|^Cuba Energy Summit .*active" "$tmp/out"; then ok "list: contract state"; else not_ok "list: contract state"; fi
expect 2 "list: bad --date" -- "$portada" sponsors list --db "$db" --date 31/12/2026
expect 2 "list: needs --db" -- "$portada" sponsors list
err_has "list: says --db" "--db"

# export, then import into a newsroom without sponsors: the same spreadsheet back
expect 0 "export" -- "$portada" sponsors export --db "$db" "$tmp/sponsors.csv" --logos "$tmp/logos"
[ "$(ls "$tmp/logos" | wc -l)" -eq 33 ] && ok "export writes 33 logo files" || not_ok "export writes 33 logo files"
head -c 3 "$tmp/sponsors.csv" | od -An -tx1 | grep -q "ef bb bf" && ok "export: UTF-8 with a BOM" || not_ok "export: UTF-8 with a BOM"
empty=$tmp/empty.db
"$portada" demo --db "$empty" --quiet
sqlite3 "$empty" "PRAGMA foreign_keys=ON; DELETE FROM placement; DELETE FROM logo_list; DELETE FROM sponsor; DELETE FROM media;"
expect 0 "import into an empty newsroom" -- "$portada" sponsors import --db "$empty" "$tmp/sponsors.csv" --logos "$tmp/logos"
out_has "import: says what it did" "created: 33; updated: 0; rows not imported: 0"
expect 0 "export again to stdout" -- "$portada" sponsors export --db "$empty" -
cmp -s "$tmp/out" "$tmp/sponsors.csv" && ok "round trip: the same bytes" || not_ok "round trip: the same bytes"
expect 0 "re-import updates by name" -- "$portada" sponsors import --db "$empty" "$tmp/sponsors.csv"
out_has "re-import: no duplicates" "created: 0; updated: 33"

# bad rows
cat >"$tmp/bad.csv" <<'CSV'
name,website,contract start,contract end
Good Sponsor,https://good.example,2026-01-01,2026-12-31
Bad Date,,2026-02-30,
Bad Site,www.nope.example,,
CSV
cp "$empty" "$tmp/before.db"
expect 1 "import: bad rows exit 1" -- "$portada" sponsors import --db "$empty" "$tmp/bad.csv"
err_has "import: row 3 and its reason" "bad.csv: row 3: the contract start “2026-02-30” is not a date"
err_has "import: row 4 and its reason" "bad.csv: row 4: the website “www.nope.example” is not a web address"
out_has "import: the good row imported" "created: 1; updated: 0; rows not imported: 2"
expect 1 "import --all-or-nothing" -- "$portada" sponsors import --db "$tmp/before.db" "$tmp/bad.csv" --all-or-nothing
out_has "all-or-nothing: says nothing imported" "Nothing was imported: 2 rows are bad"
[ "$(sqlite3 "$tmp/before.db" "SELECT count(*) FROM sponsor WHERE name = 'Good Sponsor'")" -eq 0 ] && ok "all-or-nothing: nothing imported" || not_ok "all-or-nothing: nothing imported"

printf 'website\nhttps://x.example\n' >"$tmp/noname.csv"
expect 2 "import: no name column" -- "$portada" sponsors import --db "$empty" "$tmp/noname.csv"
err_has "import: says the name column is missing" "no “name” column"
expect 2 "import: missing CSV" -- "$portada" sponsors import --db "$empty" "$tmp/nope.csv"
expect 2 "import: missing logos folder" -- "$portada" sponsors import --db "$empty" "$tmp/bad.csv" --logos "$tmp/nowhere"
expect 2 "import: needs a CSV" -- "$portada" sponsors import --db "$empty"
expect 2 "sponsors: unknown action" -- "$portada" sponsors frobnicate
expect 2 "sponsors: no action" -- "$portada" sponsors
expect 0 "sponsors --help" -- "$portada" sponsors --help
expect 0 "sponsors import --help" -- "$portada" sponsors import --help

echo "1..$n"
[ "$failures" -eq 0 ]
