#!/usr/bin/env bash
# test-trust.sh: a newsroom, an archive or a folder from elsewhere (issue 13):
# nothing in it writes outside --out, runs code, or half-imports. Each case
# tampers with a file the way another program could, then runs portada.
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
has() { if grep -qiF -- "$3" "$tmp/$2"; then ok "$1"; else not_ok "$1: $2 lacks '$3'"; sed 's/^/# /' "$tmp/$2"; fi; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
q() { sqlite3 "$@"; }

seed=$tmp/seed.db
"$portada" demo --db "$seed" --articles 12 --quiet
fresh() { cp "$seed" "$1"; }

# --- 1. Export writes outside --out -------------------------------------------
mkdir -p "$tmp/w/a/b"
for field in \
  "update section_label set path='../../../../../../../../PWN'" \
  "update language set base_path='../../PWN' where code='en'" \
  "update language set code='../../PWN' where code='en'" \
  "update article set slug='../../../../PWN' where id=(select min(id) from article where status='published')" \
  "update article set lang='../../PWN' where id=(select min(id) from article)" \
  "update section set key='../PWN' where id=(select min(id) from section)" \
  "update media set sha256='../../../../PWN' where id=(select min(id) from media)"; do
  db=$tmp/w/evil.db
  fresh "$db"
  q "$db" "PRAGMA foreign_keys=OFF; $field" 2>/dev/null
  for format in site wxr markdown; do
    rm -rf "$tmp/w/a/b/out"
    expect 2 "1: ${field%% set*} … refused ($format)" -- "$portada" export --db "$db" --out "$tmp/w/a/b/out" --format $format
    has "1: the message names the record ($format)" err "outside the output folder"
  done
  check "1: nothing written outside ($field)" "[ -z \"\$(find '$tmp/w' -name 'PWN*' -print -quit)\" ] && [ ! -e '$tmp/w/a/b/out' ]"
  expect 1 "1: check reports it (${field%% set*})" -- "$portada" check --db "$db"
  has "1: check names the field" out "would put exported files outside the output folder"
done

# --- 7. Re-export keeps what the user added; a symlink as --out ---------------
db=$tmp/keep.db
fresh "$db"
for format in site wxr markdown; do
  out=$tmp/keep-$format
  expect 0 "7: first $format export" -- "$portada" export --db "$db" --out "$out" --format $format --quiet
  printf 'example.org\n' >"$out/CNAME"
  mkdir -p "$out/.git/refs"; printf 'ref\n' >"$out/.git/refs/main"
  printf 'notes\n' >"$out/NOTES.txt"
  ln -s /etc/passwd "$out/a-link"
  expect 0 "7: re-export ($format)" -- "$portada" export --db "$db" --out "$out" --format $format --quiet
  check "7: CNAME, NOTES.txt, .git/ kept ($format)" "[ \"\$(cat '$out/CNAME')\" = example.org ] && [ -f '$out/NOTES.txt' ] && [ \"\$(cat '$out/.git/refs/main')\" = ref ]"
  check "7: a link kept as a link ($format)" "[ -L '$out/a-link' ] && [ \"\$(readlink '$out/a-link')\" = /etc/passwd ]"
  has "7: says what it left alone ($format)" err "left as it was (not written by an export): CNAME"
  has "7: names the folder ($format)" err ".git/"
  expect 0 "7: a third export ($format)" -- "$portada" export --db "$db" --out "$out" --format $format --quiet
  check "7: still kept ($format)" "[ -f '$out/CNAME' ] && [ -f '$out/.git/refs/main' ]"

  mkdir -p "$tmp/target-$format"; printf 'mine\n' >"$tmp/target-$format/precious.txt"
  ln -s "$tmp/target-$format" "$tmp/link-$format"
  expect 2 "7: a symlink as --out refused ($format)" -- "$portada" export --db "$db" --out "$tmp/link-$format" --format $format
  has "7: says it is a link ($format)" err "symbolic link"
  check "7: the link's target untouched ($format)" "[ \"\$(ls -A '$tmp/target-$format')\" = precious.txt ] && [ -L '$tmp/link-$format' ]"
  ln -s "$out" "$tmp/link-to-export-$format"
  expect 2 "7: a symlink to an earlier export refused ($format)" -- "$portada" export --db "$db" --out "$tmp/link-to-export-$format" --format $format
  check "7: the earlier export is still there ($format)" "[ -f '$out/CNAME' ]"
done

echo "1..$n"
[ "$failures" -eq 0 ]
