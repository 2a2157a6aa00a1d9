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

# --- 2. SQL planted in the schema --------------------------------------------
wxr=$PORTADA_SOURCE_ROOT/tests/fixtures/wxr/slashes.xml
db=$tmp/planted.db
fresh "$db"
q "$db" "CREATE TRIGGER pwn AFTER INSERT ON article BEGIN UPDATE article SET body = body || '![](http://127.0.0.1:8765/pixel.gif)' WHERE id = new.id; UPDATE setting SET value = 'http://evil.example/' WHERE key LIKE '%subscribe%'; DELETE FROM sponsor; END;"
sponsors_before=$(q "$db" "select count(*) from sponsor")
cp "$db" "$tmp/planted-before.db"
for cmd in "import --db $db --quiet $wxr" "export --db $db --out $tmp/planted-out --quiet" \
  "sponsors list --db $db" "export --db $db --out $tmp/planted-wxr --format wxr --quiet"; do
  expect 2 "2: refused: portada ${cmd%% *}" -- $portada $cmd
  has "2: names the trigger (${cmd%% *})" err "trigger “pwn” on article"
done
check "2: the file is byte for byte as it was" "cmp -s '$db' '$tmp/planted-before.db'"
check "2: no export made" "[ ! -e '$tmp/planted-out' ] && [ ! -e '$tmp/planted-wxr' ]"
expect 2 "2: check lists the objects" -- "$portada" check --db "$db"
has "2: check names the trigger" out "not created by Portada: trigger “pwn” on article"
check "2: check ran nothing planted" "[ \"\$(q '$db' 'select count(*) from sponsor')\" = '$sponsors_before' ]"
expect 0 "2: repair" -- "$portada" repair --db "$db"
has "2: repair says what it removes" out "removing trigger “pwn” on article"
expect 0 "2: the import runs after the repair" -- "$portada" import --db "$db" --quiet "$wxr"
check "2: no pixel, sponsors kept" "[ \"\$(q '$db' \"select count(*) from article where body like '%pixel.gif%'\")\" = 0 ] && [ \"\$(q '$db' 'select count(*) from sponsor')\" = '$sponsors_before' ]"
expect 0 "2: repair of a clean newsroom" -- "$portada" repair --db "$db"
has "2: nothing to repair" out "nothing to repair"

db=$tmp/view.db
fresh "$db"
q "$db" "DROP TABLE setting; CREATE VIEW setting AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT 'k' AS key, n AS value FROM r;"
expect 2 "2: a recursive view in place of a table: export refused at once" -- timeout 20 "$portada" export --db "$db" --out "$tmp/view-out"
has "2: names the view" err "view “setting”"
expect 2 "2: check lists it without hanging" -- timeout 20 "$portada" check --db "$db"
expect 0 "2: repair re-makes the table" -- timeout 20 "$portada" repair --db "$db"
expect 0 "2: export works after the repair" -- "$portada" export --db "$db" --out "$tmp/view-out" --quiet

db=$tmp/changed.db
fresh "$db"
q "$db" "DROP TRIGGER article_fts_insert; CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN DELETE FROM sponsor; END; CREATE INDEX evil ON article (title); CREATE TABLE junk (x);"
expect 2 "2: a changed trigger of Portada's, an index, a table: refused" -- "$portada" sponsors list --db "$db"
has "2: names each" err "trigger “article_fts_insert” on article, index “evil” on article, table “junk”"
expect 0 "2: repair" -- "$portada" repair --db "$db"
check "2: Portada's own trigger is back" "q '$db' \"select sql from sqlite_schema where name='article_fts_insert'\" | grep -q 'INSERT INTO article_fts'"
check "2: the extra objects are gone" "[ \"\$(q '$db' \"select count(*) from sqlite_schema where name in ('evil','junk')\")\" = 0 ]"

# --- 4. A damaged newsroom; SVG from the newsroom ------------------------------
db=$tmp/damaged.db
fresh "$db"
page=$(q "$db" "select rootpage from sqlite_schema where name='article_slug'")
python3 -c "import sys; f=open(sys.argv[1],'r+b'); f.seek(4096*($page-1)); f.write(b'\x0d'+b'\xff'*4095)" "$db"
expect 2 "4: check says damaged" -- "$portada" check --db "$db"
for format in site wxr markdown; do
  expect 2 "4: export of a damaged newsroom refused ($format)" -- "$portada" export --db "$db" --out "$tmp/damaged-$format" --format $format
  has "4: says damaged ($format)" err "the database is damaged"
  check "4: nothing published ($format)" "[ ! -e '$tmp/damaged-$format' ]"
done
db=$tmp/svg.db
fresh "$db"
q "$db" "update media set data=CAST('<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\" width=\"10\" height=\"10\"><script>alert(2)</script><a href=\"javascript:alert(3)\"><rect width=\"10\" height=\"10\"/></a></svg>' AS BLOB) where mime='image/svg+xml'"
expect 0 "4: export with SVG planted in the newsroom" -- "$portada" export --db "$db" --out "$tmp/svg-out" --quiet
check "4: the SVG files are published" "ls '$tmp/svg-out/assets/media/' | grep -q '\.svg$'"
check "4: no script, handler or javascript: in them" "! grep -rqiE 'onload|<script|javascript:' '$tmp/svg-out/assets/media/'"
q "$db" "update media set data=CAST('not an svg at all' AS BLOB) where mime='image/svg+xml'"
expect 2 "4: an SVG that cannot be sanitized refuses the export" -- "$portada" export --db "$db" --out "$tmp/svg-out2" --quiet
has "4: names the image" err "the SVG cannot be published"

# --- 5. Colliding section paths -------------------------------------------------
db=$tmp/clash.db
fresh "$db"
two=$(q "$db" "select key from section order by id limit 2" | tr '\n' ' ')
set -- $two
q "$db" "update section_label set path = (select path from section_label l join section s on s.id = l.section_id where s.key = '$1' and l.lang = 'en') where lang = 'en' and section_id = (select id from section where key = '$2')"
expect 2 "5: two sections at one path: export refused" -- "$portada" export --db "$db" --out "$tmp/clash-out"
has "5: names both sections" err "section $1"
expect 1 "5: check reports the clash" -- "$portada" check --db "$db"
has "5: check says they collide" out "their pages would collide"
db=$tmp/clash2.db
fresh "$db"
q "$db" "update section_label set path = 'economy' where lang = 'en' and section_id = (select id from section where key = '$1')"
mkdir -p "$tmp/clash-md"
printf -- '---\ntitle: Clash\ndate: 2023-01-02\nsection: economy\nlang: en\n---\nBody\n' >"$tmp/clash-md/clash.md"
expect 0 "5: an import whose new section would take another's path" -- "$portada" import --db "$db" "$tmp/clash-md"
has "5: the summary names the clash it resolved" out "collided with another section's"
expect 0 "5: the export works" -- "$portada" export --db "$db" --out "$tmp/clash2-out" --quiet

# --- 6. Characters XML cannot carry ---------------------------------------------
mkdir -p "$tmp/ffff"
printf -- '---\ntitle: "Bad \xef\xbf\xbf title"\ndate: 2023-01-02\n---\nBody\n' >"$tmp/ffff/bad.md"
db=$tmp/ffff.db
fresh "$db"
"$portada" import --db "$db" "$tmp/ffff" >"$tmp/out" 2>"$tmp/err"
has "6: the import names the field" out "title"
has "6: and the character" out "U+FFFF"
check "6: the article was not stored" "[ \"\$(q '$db' \"select count(*) from article where title like 'Bad%'\")\" = 0 ]"
q "$db" "update article set title = title || char(65534) || char(65535) || char(1), excerpt = 'x' || char(65535) where id in (select id from article where status = 'published' limit 3); update setting set value = value || char(65535) where key like '%title%'"
expect 0 "6: site export with U+FFFE/U+FFFF stored" -- "$portada" export --db "$db" --out "$tmp/ffff-site" --quiet
check "6: every feed and the sitemap well-formed" "xmllint --noout --nonet \$(find '$tmp/ffff-site' -name '*.xml') 2>/dev/null"
expect 0 "6: WXR export" -- "$portada" export --db "$db" --out "$tmp/ffff-wxr" --format wxr --quiet
check "6: the WXR well-formed" "xmllint --noout --nonet '$tmp/ffff-wxr/en.wxr.xml' '$tmp/ffff-wxr/es.wxr.xml'"
rm -f "$tmp/ffff2.db"
expect 0 "6: Portada re-imports its own WXR" -- "$portada" import --db "$tmp/ffff2.db" --create --quiet "$tmp/ffff-wxr/en.wxr.xml"

# --- 8. Folder reading has guards --------------------------------------------
# A pipe, a link to /dev/zero, a 2 GB sparse file and links out of the folder: none
# is read (each would hang, exhaust memory or read another folder), each is named.
f8=$tmp/folder8
mkdir -p "$f8/in" "$tmp/outside8"
printf -- '---\ntitle: Good story eight\ndate: 2023-01-02\n---\nBody\n' >"$f8/in/good.md"
printf -- '---\ntitle: Secret outside\ndate: 2023-01-02\n---\nSecret\n' >"$tmp/outside8/secret.md"
mkfifo "$f8/in/pipe.md"
ln -s /dev/zero "$f8/in/zero.md"
ln -s "$tmp/outside8/secret.md" "$f8/in/link-out.md"
ln -s "$tmp/outside8" "$f8/in/folder-out"
truncate -s 2G "$f8/in/sparse.md"
db=$tmp/folder8.db
fresh "$db"
expect 0 "8: a folder with a pipe, links and a sparse file imports (in under 20 s)" -- timeout 20 "$portada" import --db "$db" "$f8/in"
has "8: the pipe is named" out "pipe.md: skipped: a named pipe"
has "8: the link to /dev/zero is named" out "zero.md: skipped: a symbolic link"
has "8: the link out of the folder is named" out "link-out.md: skipped: a symbolic link"
has "8: the linked folder is named" out "folder-out: skipped: a symbolic link"
has "8: the sparse file is refused by its size" out "sparse.md: skipped:"
has "8: … before reading it" out "larger than 32 MB"
check "8: the good file came in, nothing from outside" "[ \"\$(q '$db' \"select count(*) from article where title='Good story eight'\")\" = 1 ] && [ \"\$(q '$db' \"select count(*) from article where title='Secret outside'\")\" = 0 ]"
for what in pipe.md zero.md sparse.md; do
  db=$tmp/folder8-$what.db
  fresh "$db"
  cp "$db" "$db.before"
  expect 2 "8: $what given as the path is refused at once" -- timeout 20 "$portada" import --db "$db" "$f8/in/$what"
  check "8: … the newsroom unchanged ($what)" "cmp -s '$db' '$db.before'"
done
has "8: the sparse file is named as not an archive (only its head is read)" err "sparse.md: neither a WordPress export"
fresh "$tmp/s8.db"
expect 2 "8: a pipe as the sponsors CSV is refused, not waited on" -- timeout 20 "$portada" sponsors import --db "$tmp/s8.db" "$f8/in/pipe.md"
has "8: … named as a pipe" err "named pipe"
mkdir -p "$tmp/logos8"
ln -s /dev/zero "$tmp/logos8/zero.png"
mkfifo "$tmp/logos8/pipe.png"
ln -s "$tmp/outside8/secret.md" "$tmp/logos8/out.svg"
printf 'name,logo file name\nZero Corp,zero.png\nPipe Corp,pipe.png\nOut Corp,out.svg\n' >"$tmp/logos8.csv"
expect 1 "8: logos that are links or pipes are refused row by row" -- timeout 20 "$portada" sponsors import --db "$tmp/s8.db" "$tmp/logos8.csv" --logos "$tmp/logos8"
has "8: the link is named" err "zero.png” is a symbolic link"
has "8: the pipe is named" err "pipe.png” is not a regular file"
has "8: the link out of the folder is named" err "out.svg” is a symbolic link"

# --- 10. Remote images: one policy for the preview and the site -----------------
f10=$tmp/remote10
mkdir -p "$f10"
printf -- '---\ntitle: Pixel story\ndate: 2023-01-02\nstatus: published\nsection: business\n---\nText ![Chart](https://tracker.example/pixel.gif) and <img src="//cdn.example/b.png">.\n' >"$f10/pixel.md"
db=$tmp/remote10.db
fresh "$db"
expect 0 "10: a story with remote images imports" -- "$portada" import --db "$db" "$f10"
has "10: the summary names the first remote image" out "https://tracker.example/pixel.gif is on another site"
has "10: … and the protocol-relative one" out "//cdn.example/b.png is on another site"
expect 1 "10: check reports them" -- "$portada" check --db "$db"
has "10: check names the image and the article" out "Pixel story: the image “https://tracker.example/pixel.gif” is on another site"
expect 0 "10: the site exports" -- "$portada" export --db "$db" --out "$tmp/remote10-site" --format site --quiet
page10=$(grep -rl "Pixel story" "$tmp/remote10-site" --include=index.html | grep "/2023/pixel/" | head -1)
check "10: the article page exists" "[ -n '$page10' ]"
check "10: no remote image is loaded by the page" "! grep -qE '<img[^>]+src=\"(https?:)?//(tracker|cdn)\.example' '$page10'"
check "10: the image is a link to it, with its alt text" "grep -q '<a href=\"https://tracker.example/pixel.gif\">Chart</a>' '$page10'"
expect 0 "10: the WXR exports" -- "$portada" export --db "$db" --out "$tmp/remote10-wxr" --format wxr --quiet
check "10: the WXR keeps the image for WordPress" "grep -q 'img src=\"https://tracker.example/pixel.gif\"' '$tmp/remote10-wxr/en.wxr.xml'"

# --- 12. Command line ---------------------------------------------------------
expect 2 "12: extra argument to export" -- "$portada" export --db "$seed" --out "$tmp/x12" extra
has "12: names the extra word" err "unexpected argument “extra”"
has "12: prints the usage" err "Usage: portada export"
check "12: nothing exported" "[ ! -e '$tmp/x12' ]"
expect 2 "12: extra argument to check" -- "$portada" check --db "$seed" extra
expect 2 "12: unknown option" -- "$portada" check --db "$seed" --frobnicate
has "12: usage on an unknown option" err "Usage: portada check"
expect 2 "12: misspelt subcommand" -- timeout 10 "$portada" exprot --db "$seed"
has "12: says unknown command" err "unknown command “exprot”"
has "12: lists the commands" err "export"
evil_dir=$tmp/$(printf 'esc\033]0;pwned\007dir')
mkdir -p "$evil_dir"
printf -- '---\ntitle: "Bell \\a and \\e[31mred"\ndate: 2023-01-02\n---\nBody\n' >"$evil_dir/$(printf 'a\033[2Jb.md')"
db=$tmp/esc.db
fresh "$db"
"$portada" import --db "$db" "$evil_dir" >"$tmp/out" 2>"$tmp/err"
check "12: no escape character reaches the terminal" "! grep -q \"\$(printf '\\033')\" '$tmp/out' '$tmp/err' && ! grep -q \"\$(printf '\\007')\" '$tmp/out' '$tmp/err'"

# --- 13. Also ------------------------------------------------------------------
db=$tmp/also13.db
fresh "$db"
mkdir -p "$tmp/logos13"
expect 0 "13: sponsors export with logos" -- "$portada" sponsors export --db "$db" "$tmp/a13.csv" --logos "$tmp/logos13"
first_logo=$(ls "$tmp/logos13" | head -1)
printf 'my own notes\n' >"$tmp/logos13/$first_logo"
expect 0 "13: exported again into the same folder" -- "$portada" sponsors export --db "$db" "$tmp/b13.csv" --logos "$tmp/logos13"
check "13: the person's own file is kept" "[ \"\$(cat \"$tmp/logos13/$first_logo\")\" = 'my own notes' ]"
check "13: the CSV names the logo written beside it" "grep -qF -- \"\${first_logo%.*}-2.\" '$tmp/b13.csv'"
expect 0 "13: a third export" -- "$portada" sponsors export --db "$db" "$tmp/c13.csv" --logos "$tmp/logos13"
check "13: … writes no more copies" "cmp -s '$tmp/b13.csv' '$tmp/c13.csv' && [ \"\$(ls '$tmp/logos13' | wc -l)\" = \"\$((\$(tail -n +2 '$tmp/a13.csv' | cut -d, -f7 | grep -c .) + 1))\" ]"
ln -s "$tmp/nowhere/x.db" "$tmp/dangling13.db"
expect 2 "13: import --create on a dangling link is refused" -- "$portada" import --db "$tmp/dangling13.db" --create "$f10"
has "13: … naming the link" err "a symbolic link to"
check "13: … the link left as it was" "[ -L '$tmp/dangling13.db' ] && [ ! -e '$tmp/nowhere' ]"
printf -- '---\ntitle: Undated story\n---\nBody\n' >"$tmp/undated13.md"
expect 0 "13: Markdown without a date imports" -- "$portada" import --db "$db" "$tmp/undated13.md"
has "13: … said to be a draft" out "no “date”: imported as a draft"
check "13: … stored as a draft" "[ \"\$(q '$db' \"select status from article where title='Undated story'\")\" = draft ]"
q "$db" "update article set body='Tom & Jerry <b>x</b>', status='published', publish_at=1700000000 where title='Undated story'"
expect 0 "13: the site exports" -- "$portada" export --db "$db" --out "$tmp/feed13" --quiet
check "13: the feed's description is escaped once, in CDATA" "grep -qF '<description><![CDATA[Tom &amp; Jerry x' '$tmp/feed13/en/feed.xml'"
q "$db" "update setting set value='javascript:alert(1)//' where key='base-url'"
expect 2 "13: a javascript: base address planted in the file is refused" -- "$portada" export --db "$db" --out "$tmp/js13" --quiet
has "13: … naming the setting" err "base-url"
check "13: … nothing exported" "[ ! -e '$tmp/js13' ]"

echo "1..$n"
[ "$failures" -eq 0 ]
