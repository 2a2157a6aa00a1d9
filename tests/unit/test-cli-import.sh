#!/usr/bin/env bash
# test-cli-import.sh: portada import as a user meets it: WordPress exports and Markdown
# folders in, the summary, exit statuses, and newsrooms left as they were on bad input.
set -u
portada=${PORTADA:?set by meson}
fixtures=${PORTADA_SOURCE_ROOT:?set by meson}/tests/fixtures/wxr
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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
stdout_has() { if grep -qF -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1: stdout lacks '$2'"; sed 's/^/# /' "$tmp/out" | tail -5; fi; }
stderr_has() { if grep -qF -- "$2" "$tmp/err"; then ok "$1"; else not_ok "$1: stderr lacks '$2'"; sed 's/^/# /' "$tmp/err"; fi; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
articles() { sqlite3 "$1" "SELECT count(*) FROM article"; }

wp=$tmp/wp.db
expect 0 "import: theme unit test into a new newsroom" -- "$portada" import --db "$wp" --create "$fixtures/theme-unit-test-data.xml"
stdout_has "import: the summary" "Created 58, updated 0, skipped 103."
stdout_has "import: each skip explained" "skipped: a navigation menu item of a menu the site does not show"
check "import: no progress when not a terminal" "[ ! -s '$tmp/err' ]"
expect 0 "import: the same file again" -- "$portada" import --db "$wp" --quiet "$fixtures/theme-unit-test-data.xml"
stdout_has "import: updated, not duplicated" "Created 0, updated 58, skipped 103."
check "import: still 58 articles" "[ \"\$(articles '$wp')\" = 58 ]"

expect 2 "import: malformed XML" -- "$portada" import --db "$wp" "$fixtures/malformed-simple.xml"
stderr_has "import: names file and line" "malformed-simple.xml:13:"
check "import: the newsroom as it was" "[ \"\$(articles '$wp')\" = 58 ]"
# Two paths in one command: the bad second one undoes the good first one.
demo=$tmp/demo.db
"$portada" demo --db "$demo" --articles 10 --quiet
before=$(articles "$demo")
expect 2 "import: good then bad" -- "$portada" import --db "$demo" "$fixtures/wxr-simple.xml" "$fixtures/crazy-cdata.xml"
stderr_has "import: names the bad file" "crazy-cdata.xml:18:"
check "import: nothing of the good file kept" "[ \"\$(articles '$demo')\" = '$before' ]"

expect 2 "import: missing file" -- "$portada" import --db "$wp" "$tmp/nothing.xml"
stderr_has "import: names the missing file" "nothing.xml"
printf 'hello\n' > "$tmp/notes.txt"
expect 2 "import: neither WXR nor Markdown" -- "$portada" import --db "$wp" "$tmp/notes.txt"
stderr_has "import: says what it wanted" "neither a WordPress export"
expect 2 "import: no --db" -- "$portada" import "$fixtures/wxr-simple.xml"
expect 2 "import: no path" -- "$portada" import --db "$wp"
expect 2 "import: newsroom missing without --create" -- "$portada" import --db "$tmp/none.db" "$fixtures/wxr-simple.xml"
check "import: nothing created" "[ ! -e '$tmp/none.db' ]"
expect 2 "import: bad language" -- "$portada" import --db "$wp" --lang "x y" "$fixtures/wxr-simple.xml"

# Markdown: a demo newsroom out and into a new one.
expect 0 "export: markdown" -- "$portada" export --db "$demo" --out "$tmp/md" --format markdown --quiet
expect 0 "import: the markdown folder" -- "$portada" import --db "$tmp/copy.db" --create "$tmp/md"
stdout_has "import: every article created" "Created $before, updated 0, skipped 0."
check "import: same count" "[ \"\$(articles '$tmp/copy.db')\" = '$before' ]"
expect 0 "import: one markdown file, Spanish" -- "$portada" import --db "$wp" --lang es "$(find "$tmp"/md/content/es -name "*.md" ! -name "_index.md" | sort | head -1)"
stdout_has "import: one created" "Created 1, updated 0, skipped 0."

# The summary by kind: what came in, what was left out and why.
expect 0 "import: theme unit test, counted by kind" -- "$portada" import --db "$tmp/kinds.db" --create "$fixtures/theme-unit-test-data.xml"
stdout_has "import: new sections, tags, authors" "New in the newsroom: 4 sections, 123 tags, 3 authors."
stdout_has "import: pages imported, counted" "Pages: created 21, updated 0."
stdout_has "import: attachments left out, counted" "Left out: 37, an attachment (media file); Portada never downloads files"
stdout_has "import: the menu's items in, counted" "Menus: 4 items."
stdout_has "import: other menus' items left out, counted" "Left out: 47, a navigation menu item of a menu the site does not show"
stdout_has "import: menu headings left out, counted" "Left out: 17, navigation menu headings without a link"
stdout_has "import: menu items pointing nowhere, counted" "Left out: 2, navigation menu items pointing to what is not in the newsroom"
stdout_has "import: comments imported, counted" "Comments: created 28, updated 0 (1 waiting for moderation)."
stdout_has "import: comments of pages left out, counted" "Left out: 5, comments of pages and of items left out"
check "import: threaded comments stored" "[ \"\$(sqlite3 '$tmp/kinds.db' 'SELECT count(*) FROM comment WHERE parent_id IS NOT NULL')\" = 9 ]"
printf -- '---\ntitle: Bad date\ndate: next tuesday\n---\nx\n' >"$tmp/bad-date.md"
expect 0 "import: a bad Markdown file" -- "$portada" import --db "$tmp/kinds.db" "$tmp/bad-date.md"
stdout_has "import: a file that could not be read, counted" "Left out: 1, could not be read (each is listed above)"

# --strict: any item left out is an error, and nothing is imported.
"$portada" demo --db "$tmp/strict.db" --quiet
sum=$(sqlite3 "$tmp/strict.db" "SELECT count(*), coalesce(sum(length(body)), 0), (SELECT count(*) FROM tag), (SELECT count(*) FROM section) FROM article")
expect 1 "import --strict: a WordPress export with pages and comments" -- "$portada" import --strict --db "$tmp/strict.db" "$fixtures/theme-unit-test-data.xml"
stderr_has "import --strict: says how many were left out" "--strict: 108 items were left out"
stderr_has "import --strict: says nothing was imported" "nothing was imported"
stdout_has "import --strict: still says why" "Left out: 47, a navigation menu item of a menu the site does not show"
check "import --strict: the newsroom as it was" "[ \"\$(sqlite3 '$tmp/strict.db' \"SELECT count(*), coalesce(sum(length(body)), 0), (SELECT count(*) FROM tag), (SELECT count(*) FROM section) FROM article\")\" = '$sum' ]"
expect 1 "import --strict: a good folder and a bad file" -- "$portada" import --strict --db "$tmp/strict.db" "$tmp/md" "$tmp/bad-date.md"
check "import --strict: nothing of the good folder kept" "[ \"\$(sqlite3 '$tmp/strict.db' \"SELECT count(*), coalesce(sum(length(body)), 0), (SELECT count(*) FROM tag), (SELECT count(*) FROM section) FROM article\")\" = '$sum' ]"
expect 0 "import --strict: Portada's own Markdown export, nothing left out" -- "$portada" import --strict --db "$tmp/strict.db" "$tmp/md"
stdout_has "import --strict: imported" "skipped 0."

# --uploads: a WordPress archive with its pictures, taken from a copy of wp-content/uploads.
up=$tmp/uploads
mkdir -p "$up/2023/05"
convert -size 64x40 xc:'#3366aa' "$up/2023/05/harbour.png"
convert -size 64x40 xc:'#cc3333' "$tmp/secret.png"
printf 'not an image\n' >"$up/2023/05/notes.png"
ln -s /etc/passwd "$up/2023/05/link.png"
db=$tmp/uploads.db
"$portada" demo --db "$db" --quiet
media_before=$(sqlite3 "$db" "SELECT count(*) FROM media")
expect 0 "import --uploads: the archive with its pictures" -- "$portada" import --db "$db" --quiet --uploads "$up" "$fixtures/uploads-site.xml"
stdout_has "import --uploads: a missing file named" "wp-content/uploads/2023/05/gone.png is not in $up"
stdout_has "import --uploads: a file that is no image refused by name" "wp-content/uploads/2023/05/notes.png refused"
stdout_has "import --uploads: a symbolic link refused" "wp-content/uploads/2023/05/link.png refused"
stdout_has "import --uploads: an address out of the folder refused" "wp-content/uploads/../../secret.png"
stdout_has "import --uploads: the count" "1 images taken from $up"
check "import --uploads: one new image stored, with its alt text and caption" "[ \"\$(sqlite3 '$db' \"SELECT count(*) FROM media WHERE filename = 'harbour.png' AND alt_text = 'Boats in the harbour' AND caption = 'Fishing boats at dawn'\")\" = 1 ] && [ \"\$(sqlite3 '$db' 'SELECT count(*) FROM media')\" = \$((media_before + 1)) ]"
check "import --uploads: the featured image set" "[ \"\$(sqlite3 '$db' \"SELECT m.filename FROM article a JOIN media m ON m.id = a.featured_media_id WHERE a.title = 'Boats come home'\")\" = harbour.png ]"
check "import --uploads: the resized copy in the text is the stored original" "sqlite3 '$db' \"SELECT body FROM article WHERE title = 'Boats come home'\" | grep -q \"!\\[Small boats\\](media/\$(sqlite3 '$db' \"SELECT sha256 FROM media WHERE filename = 'harbour.png'\"))\""
check "import --uploads: a refused image keeps its address" "sqlite3 '$db' \"SELECT body FROM article WHERE title = 'Boats come home'\" | grep -qF 'wp-content/uploads/2023/05/notes.png'"
check "import --uploads: nothing read from outside" "[ \"\$(sqlite3 '$db' \"SELECT count(*) FROM media WHERE filename = 'secret.png'\")\" = 0 ]"
check "import --uploads: a post whose picture is missing has none" "[ -z \"\$(sqlite3 '$db' \"SELECT featured_media_id FROM article WHERE title = 'Nothing to see'\")\" ]"
expect 0 "import --uploads: the same again" -- "$portada" import --db "$db" --quiet --uploads "$up" "$fixtures/uploads-site.xml"
check "import --uploads: no image stored twice" "[ \"\$(sqlite3 '$db' 'SELECT count(*) FROM media')\" = \$((media_before + 1)) ]"
expect 2 "import --uploads: a folder that does not exist" -- "$portada" import --db "$db" --uploads "$tmp/nowhere" "$fixtures/uploads-site.xml"
stderr_has "import --uploads: names it" "$tmp/nowhere: there is no such uploads folder"
expect 0 "import without --uploads: the attachments left out, said" -- "$portada" import --db "$tmp/no-uploads.db" --create --quiet "$fixtures/uploads-site.xml"
stdout_has "import without --uploads: why" "Portada never downloads files"

echo "1..$n"
[ $failures -eq 0 ]
