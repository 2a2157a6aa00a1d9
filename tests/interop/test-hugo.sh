#!/usr/bin/env bash
# test-hugo.sh: Debian's Hugo builds Portada's Markdown export of a generated
# newsroom (portada demo --articles 200, plus articles whose slugs collide across
# years and an archived one), and every page Hugo makes is an article Portada
# publishes, at Portada's address: same set, same count, no path warning.
# Then the export reads back into a new newsroom, article for article.
set -u
portada=${PORTADA:?set by meson}
hugo=${HUGO:-hugo}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
failures=0
n=0

ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
show() { sed 's/^/# /' "$1" | head -20; }

if ! command -v "$hugo" >/dev/null; then
  echo "1..1"
  echo "not ok 1 hugo not found: install it (build-aux/apt-packages)"
  exit 1
fi

db=$tmp/demo.db
"$portada" demo --db "$db" --articles 200 --quiet || { echo "Bail out! portada demo failed"; exit 1; }

# Two published articles of different years with the same slug and section (Hugo's
# own URLs would give them one address), and an archived one with that slug too.
mkdir "$tmp/in"
for y in 2019 2022 2024; do
  status=published
  [ "$y" = 2024 ] && status=archived
  cat >"$tmp/in/same-$y.md" <<EOF
---
title: "Same slug, $y: it's \"quoted\" & <odd>"
slug: "same-slug"
date: $y-03-04T05:06:07Z
status: $status
section: "business"
lang: "en"
translationKey: "same-$y"
uuid: "00000000-0000-4000-8000-00000000$y"
---

Body of $y.
EOF
done
cat >"$tmp/in/same-es.md" <<EOF
---
title: "El mismo, en español"
slug: "same-slug"
date: 2019-03-04T05:06:07Z
status: published
section: "business"
lang: "es"
translationKey: "same-2019"
uuid: "00000000-0000-4000-8000-000000001019"
---

Cuerpo.
EOF
"$portada" import --db "$db" "$tmp/in" >"$tmp/import.out" 2>&1
check "the colliding articles are imported" "grep -q 'Created 4, updated 0, skipped 0' '$tmp/import.out'"

"$portada" export --db "$db" --out "$tmp/md" --format markdown --quiet
check "export: a hugo.toml with both languages" \
  "grep -q '^\[languages.en\]' '$tmp/md/hugo.toml' && grep -q '^\[languages.es\]' '$tmp/md/hugo.toml' && grep -q 'contentDir = \"content/es\"' '$tmp/md/hugo.toml'"
check "export: every article has url and translationKey" \
  "[ \$(grep -L '^url: \"/' \$(find '$tmp/md/content' -name '*.md') | wc -l) -eq 0 ] && [ \$(grep -L '^translationKey: ' \$(find '$tmp/md/content' -name '*.md') | wc -l) -eq 0 ]"

# Portada's own addresses: the article pages of its site export on the same day.
"$portada" export --db "$db" --out "$tmp/site" --quiet
(cd "$tmp/site" && find . -name index.html | sed 's|^\./|/|; s|index\.html$||' | grep -E '/[0-9]{4}/[^/]+/$' | sort) >"$tmp/portada.txt"
public=$(sqlite3 "$db" "SELECT count(*) FROM article WHERE status = 'published' OR (status = 'scheduled' AND publish_at <= strftime('%s', 'now'))")
check "Portada publishes $public articles, one page each" "[ \$(wc -l <'$tmp/portada.txt') -eq $public ] && [ $public -gt 150 ]"

# Hugo with bare layouts that say what each page is.
mkdir -p "$tmp/layouts/_default"
printf 'PAGE {{ .RelPermalink }}\n' >"$tmp/layouts/_default/single.html"
printf 'LIST {{ .RelPermalink }}\n' >"$tmp/layouts/_default/list.html"
(cd "$tmp/md" && "$hugo" --quiet --printPathWarnings --layoutDir "$tmp/layouts" -d "$tmp/public" \
  --cacheDir "$tmp/hugo-cache") >"$tmp/hugo.out" 2>&1
status=$?
check "hugo builds the export" "[ $status -eq 0 ]" || show "$tmp/hugo.out"
check "no Duplicate target paths, no warning" "! grep -qiE 'duplicate target|warn' '$tmp/hugo.out'" || show "$tmp/hugo.out"
grep -rh '^PAGE ' "$tmp/public" --include=index.html | sed 's/^PAGE //' | sort >"$tmp/hugo.txt"
check "Hugo's page count is the public article count ($public)" "[ \$(wc -l <'$tmp/hugo.txt') -eq $public ]"
check "every Hugo address is Portada's" "diff '$tmp/portada.txt' '$tmp/hugo.txt' >'$tmp/diff'" || show "$tmp/diff"
check "the colliding slugs keep their years" \
  "grep -qx '/en/business/2019/same-slug/' '$tmp/hugo.txt' && grep -qx '/en/business/2022/same-slug/' '$tmp/hugo.txt'"
check "the Spanish section path" "grep -qx '/es/noticias/economia/2019/same-slug/' '$tmp/hugo.txt'"
check "the archived article is not built" "! grep -q '/2024/same-slug/' '$tmp/hugo.txt' && [ ! -e '$tmp/public/en/business/2024/same-slug' ]"
total=$(sqlite3 "$db" "SELECT count(*) FROM article")
archived=$(sqlite3 "$db" "SELECT count(*) FROM article WHERE status = 'archived'")
drafts=$(grep -l '^draft: true' $(find "$tmp/md/content" -name '*.md' ! -name '_index.md') | wc -l)
check "draft: true for the $drafts articles not public, $archived archived among them" \
  "[ $drafts -eq $((total - public)) ] && [ $archived -ge 1 ]"
check "section pages at Portada's section addresses" \
  "grep -qx 'LIST /es/noticias/economia/' '$tmp/public/es/noticias/economia/index.html'"

# Round trip: the export reads back, every article whole.
"$portada" demo --db "$tmp/back.db" --quiet
"$portada" import --db "$tmp/back.db" "$tmp/md" >"$tmp/back.out" 2>&1
check "round trip: every file imported" "grep -q 'skipped 0\.' '$tmp/back.out'" || show "$tmp/back.out"
q="SELECT uuid, lang, title, slug, status, publish_at, section, translation_group, body FROM article ORDER BY uuid"
check "round trip: the same $total articles, fields and bodies" \
  "[ \"\$(sqlite3 '$db' \"$q\" | md5sum)\" = \"\$(sqlite3 '$tmp/back.db' \"$q\" | md5sum)\" ]"

# Bad input: a front matter url Hugo would read but Portada must not trust.
printf -- '---\ntitle: "x"\nurl: [1, 2]\nlang: "en"\n---\nbody\n' >"$tmp/bad.md"
"$portada" import --db "$tmp/back.db" "$tmp/bad.md" >"$tmp/bad.out" 2>&1
check "import: a url that is a list is only ignored" "grep -q 'Created 1' '$tmp/bad.out'" || show "$tmp/bad.out"

echo "1..$n"
[ "$failures" -eq 0 ]
