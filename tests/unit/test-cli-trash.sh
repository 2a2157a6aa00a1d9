#!/usr/bin/env bash
# test-cli-trash.sh: `portada trash list|restore|empty`, as a user meets it: exit
# statuses, messages, and the newsroom checked with sqlite3.
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
sql() { sqlite3 -batch "$db" "$1"; }

db=$tmp/demo.db
"$portada" demo --db "$db" --quiet
total=$(sql "SELECT count(*) FROM article")
first=$(sql "SELECT min(id) FROM article")
second=$(sql "SELECT min(id) FROM article WHERE id > $first")
title=$(sql "SELECT title FROM article WHERE id = $first")

expect 0 "help" -- "$portada" trash --help
out_has "help: the usage" "portada trash restore --db FILE"
expect 0 "list: an empty Trash" -- "$portada" trash list --db "$db"
lines_are "list: nothing" 0

# Two articles in the Trash (as the window puts them there), one of them 31 days ago.
now=$(date +%s)
sql "UPDATE article SET deleted_at = $now WHERE id = $first"
sql "INSERT INTO revision (article_id, created_at, reason, status, title, body) VALUES ($first, 1, 'autosave', 'draft', 't', 'b')"
sql "UPDATE article SET deleted_at = $((now - 31 * 86400)) WHERE id = $second"
expect 0 "list" -- "$portada" trash list --db "$db"
lines_are "list: the expired one was emptied by itself" 1
out_has "list: number and title" "$first	"
out_has "list: the title" "$title"
[ "$(sql "SELECT count(*) FROM article WHERE id = $second")" -eq 0 ] && ok "expired: gone from the file" || not_ok "expired: gone from the file"

expect 0 "restore" -- "$portada" trash restore --db "$db" "$first"
[ "$(sql "SELECT deleted_at IS NULL FROM article WHERE id = $first")" -eq 1 ] && ok "restore: back in the file" || not_ok "restore: back in the file"
expect 1 "restore: not in the Trash" -- "$portada" trash restore --db "$db" "$first"
err_has "restore: says which" "There is no article $first in the Trash"
expect 2 "restore: not a number" -- "$portada" trash restore --db "$db" abc
err_has "restore: names the bad argument" "“abc” is not an article number"
expect 2 "restore: zero" -- "$portada" trash restore --db "$db" 0
expect 2 "restore: needs an id" -- "$portada" trash restore --db "$db"

sql "UPDATE article SET deleted_at = $now WHERE id = $first"
sql "INSERT INTO revision (article_id, created_at, reason, status, title, body) VALUES ($first, 1, 'autosave', 'draft', 't', 'b')"
expect 0 "empty" -- "$portada" trash empty --db "$db"
out_has "empty: how many" "1 article deleted for good"
[ "$(sql "SELECT count(*) FROM article")" -eq $((total - 2)) ] && ok "empty: the rest is kept" || not_ok "empty: the rest is kept"
[ "$(sql "SELECT count(*) FROM revision WHERE article_id = $first")" -eq 0 ] && ok "empty: its revisions went with it" || not_ok "empty: its revisions went with it"
expect 0 "empty again: nothing" -- "$portada" trash empty --db "$db"
out_has "empty again: zero" "0 articles deleted for good"

# Bad usage and bad files: exit 2, a message that names the problem.
expect 2 "needs an action" -- "$portada" trash
expect 2 "unknown action" -- "$portada" trash frobnicate
err_has "unknown action: named" "unknown action “frobnicate”"
expect 2 "list: needs --db" -- "$portada" trash list
err_has "list: says --db" "--db FILE is required"
expect 2 "list: unexpected argument" -- "$portada" trash list --db "$db" extra
expect 2 "list: unknown option" -- "$portada" trash list --db "$db" --frob
expect 2 "list: missing file" -- "$portada" trash list --db "$tmp/nope.db"
err_has "missing file: named" "nope.db"
echo "not a database" >"$tmp/text.db"
expect 2 "list: not a newsroom" -- "$portada" trash list --db "$tmp/text.db"
expect 2 "empty: a folder" -- "$portada" trash empty --db "$tmp"
expect 2 "empty: unexpected argument" -- "$portada" trash empty --db "$db" now

echo "1..$n"
[ "$failures" -eq 0 ]
