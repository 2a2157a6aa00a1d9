#!/usr/bin/env bash
# test-cli.sh: the command line as a user meets it: exit statuses, messages, and files
# left byte for byte as they were on every bad input.
set -u
portada=${PORTADA:?set by meson}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY # subcommands never start GTK
failures=0
n=0

ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n $1"; }

# expect STATUS NAME -- COMMAND...: runs COMMAND, checks its exit status.
expect() {
  local want=$1 name=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$name"; else
    not_ok "$name (exit $got, wanted $want)"; sed 's/^/# /' "$tmp/err"; fi
}
# stderr_has NAME TEXT
stderr_has() { if grep -qiF -- "$2" "$tmp/err"; then ok "$1"; else not_ok "$1: stderr lacks '$2'"; sed 's/^/# /' "$tmp/err"; fi; }
unchanged() { if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1: file changed"; fi; }

db=$tmp/demo.db
expect 0 "demo creates a newsroom" -- "$portada" demo --db "$db" --quiet
[ -s "$db" ] && ok "demo file exists" || not_ok "demo file exists"
cp "$db" "$tmp/demo.copy"
expect 2 "demo refuses an existing file" -- "$portada" demo --db "$db"
stderr_has "demo names the existing file" "$db"
expect 2 "demo refuses negative --articles" -- "$portada" demo --db "$tmp/neg.db" --articles -5
[ ! -e "$tmp/neg.db" ] && ok "no file after a refused demo" || not_ok "no file after a refused demo"
expect 2 "demo needs --db" -- "$portada" demo

# A clean newsroom: the demo without its sponsors (whose data problems the checks report).
clean=$tmp/clean.db
"$portada" demo --db "$clean" --quiet
sqlite3 "$clean" "PRAGMA foreign_keys=ON; DELETE FROM placement; DELETE FROM logo_list; DELETE FROM sponsor; DELETE FROM media;"
expect 0 "check: a clean newsroom exits 0" -- "$portada" check --db "$clean"

broken=$tmp/broken.db
cp "$clean" "$broken"
sqlite3 "$broken" "PRAGMA foreign_keys=OFF; UPDATE article SET author_id = 999 WHERE id = 1;"
expect 1 "check: a broken reference exits 1" -- "$portada" check --db "$broken"
if grep -q "article" "$tmp/out"; then ok "check names the table"; else not_ok "check names the table"; fi

nodate=$tmp/nodate.db
cp "$clean" "$nodate"
sqlite3 "$nodate" "UPDATE article SET publish_at = NULL WHERE title LIKE 'Barbados%';"
expect 1 "check: a published article without a date exits 1" -- "$portada" check --db "$nodate"
if grep -q "Barbados Airport.*no publish date" "$tmp/out"; then ok "check names the article and the problem"; else not_ok "check names the article and the problem"; cat "$tmp/out"; fi

expect 2 "check: missing file" -- "$portada" check --db "$tmp/nope.db"
stderr_has "check: missing file is named" "$tmp/nope.db"
[ ! -e "$tmp/nope.db" ] && ok "check never creates a database" || not_ok "check never creates a database"

printf 'not a database\n' >"$tmp/notes.txt"; cp "$tmp/notes.txt" "$tmp/notes.orig"
expect 2 "check: not SQLite" -- "$portada" check --db "$tmp/notes.txt"
stderr_has "check: says it is not a newsroom" "not a Portada newsroom"
unchanged "check: text file unchanged" "$tmp/notes.txt" "$tmp/notes.orig"

cp "$clean" "$tmp/new.db"; sqlite3 "$tmp/new.db" "PRAGMA user_version = 99;"; cp "$tmp/new.db" "$tmp/new.orig"
expect 2 "check: a newer newsroom" -- "$portada" check --db "$tmp/new.db"
stderr_has "check: says newer" "newer Portada"
unchanged "check: newer file unchanged" "$tmp/new.db" "$tmp/new.orig"

cp "$clean" "$tmp/ro.db"; chmod 444 "$tmp/ro.db"; cp "$tmp/ro.db" "$tmp/ro.orig"
expect 2 "check: a read-only file" -- "$portada" check --db "$tmp/ro.db"
stderr_has "check: says read-only" "read-only"
unchanged "check: read-only file unchanged" "$tmp/ro.db" "$tmp/ro.orig"

cp "$clean" "$tmp/damaged.db"
dd if=/dev/urandom of="$tmp/damaged.db" bs=1 seek=100 count=3900 conv=notrunc status=none
cp "$tmp/damaged.db" "$tmp/damaged.orig"
expect 2 "check: a damaged file" -- "$portada" check --db "$tmp/damaged.db"
unchanged "check: damaged file unchanged" "$tmp/damaged.db" "$tmp/damaged.orig"

expect 0 "check --help" -- "$portada" check --help
expect 0 "demo --help" -- "$portada" demo --help
expect 2 "check: unknown option" -- "$portada" check --db "$clean" --frobnicate
expect 2 "check: needs --db" -- "$portada" check

echo "1..$n"
[ "$failures" -eq 0 ]
