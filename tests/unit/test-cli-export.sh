#!/usr/bin/env bash
# test-cli-export.sh: portada export as a user meets it: the tree, exit statuses,
# messages, and folders left as they were on every bad input.
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
    not_ok "$name (exit $got, wanted $want)"; sed 's/^/# /' "$tmp/err"; fi
}
stderr_has() { if grep -qiF -- "$2" "$tmp/err"; then ok "$1"; else not_ok "$1: stderr lacks '$2'"; sed 's/^/# /' "$tmp/err"; fi; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

db=$tmp/demo.db
"$portada" demo --db "$db" --articles 30 --quiet

expect 0 "export: a site" -- "$portada" export --db "$db" --out "$tmp/site" --quiet
check "export: the seed article page" "[ -s '$tmp/site/en/business/2023/us-latin-america-seek-to-boost-cybersecurity-2/index.html' ]"
check "export: home, feeds, sitemap, robots" "[ -s '$tmp/site/index.html' ] && [ -s '$tmp/site/en/feed.xml' ] && [ -s '$tmp/site/sitemap.xml' ] && [ -s '$tmp/site/robots.txt' ]"
check "export: no progress when not a terminal" "[ ! -s '$tmp/err' ]"
check "export: no script in any page" "! grep -rqi '<script' '$tmp/site'"
expect 0 "export: again into the previous export" -- "$portada" export --db "$db" --out "$tmp/site" --format site
expect 0 "export: one language" -- "$portada" export --db "$db" --out "$tmp/es" --lang es
check "export: one language only" "[ -d '$tmp/es/es' ] && [ ! -e '$tmp/es/en' ]"

expect 0 "export: wxr" -- "$portada" export --db "$db" --out "$tmp/wxr" --format wxr
check "export: one WXR file per language" "[ -s '$tmp/wxr/en.wxr.xml' ] && [ -s '$tmp/wxr/es.wxr.xml' ]"
check "export: well-formed WXR" "xmllint --noout --nonet '$tmp/wxr/en.wxr.xml' '$tmp/wxr/es.wxr.xml'"
expect 2 "export: wxr into a file" -- "$portada" export --db "$db" --out "$tmp/wxr/en.wxr.xml" --format wxr
expect 0 "export: markdown" -- "$portada" export --db "$db" --out "$tmp/md" --format markdown
check "export: the seed article as Markdown" "head -1 '$tmp/md/content/en/business/us-latin-america-seek-to-boost-cybersecurity-2/index.md' | grep -qx -- ---"
expect 2 "export: markdown, unknown language" -- "$portada" export --db "$db" --out "$tmp/md-fr" --format markdown --lang fr
check "export: no markdown for an unknown language" "[ ! -e '$tmp/md-fr' ]"
expect 2 "export: unknown format" -- "$portada" export --db "$db" --out "$tmp/x" --format pdf
stderr_has "export: names the format" "pdf"
expect 2 "export: unknown language" -- "$portada" export --db "$db" --out "$tmp/fr" --lang fr
check "export: nothing for an unknown language" "[ ! -e '$tmp/fr' ]"

expect 2 "export: missing parent folder" -- "$portada" export --db "$db" --out "$tmp/nope/site"
stderr_has "export: names the missing folder" "$tmp/nope"
check "export: nothing made for a missing parent" "[ ! -e '$tmp/nope' ]"
printf 'keep me\n' >"$tmp/file.txt"
expect 2 "export: the output is a file" -- "$portada" export --db "$db" --out "$tmp/file.txt"
stderr_has "export: says not a folder" "not a folder"
check "export: the file is unchanged" "[ \"\$(cat '$tmp/file.txt')\" = 'keep me' ]"
mkdir "$tmp/busy"; printf 'precious\n' >"$tmp/busy/notes.txt"
expect 2 "export: a folder of something else" -- "$portada" export --db "$db" --out "$tmp/busy"
check "export: that folder is unchanged" "[ \"\$(ls '$tmp/busy')\" = 'notes.txt' ]"
expect 2 "export: an unwritable place" -- "$portada" export --db "$db" --out /proc/portada-export-test
check "export: no work folder left behind" "! ls -A '$tmp' | grep -q '^\\.'"

expect 2 "export: needs --out" -- "$portada" export --db "$db"
expect 2 "export: needs --db" -- "$portada" export --out "$tmp/x"
expect 2 "export: missing newsroom" -- "$portada" export --db "$tmp/none.db" --out "$tmp/x"
check "export: never creates a newsroom" "[ ! -e '$tmp/none.db' ] && [ ! -e '$tmp/x' ]"
expect 0 "export --help" -- "$portada" export --help

echo "1..$n"
[ "$failures" -eq 0 ]
