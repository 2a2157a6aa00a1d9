#!/usr/bin/env bash
# test-publish-wordpress.sh: portada publish --to wordpress+http:// against a real
# WordPress on loopback (tests/publish/wordpress-server): every post read back through
# the REST API and compared with the newsroom, only changed articles sent again, a
# post edited on the site never overwritten (kept as a revision), a post deleted on
# the site not made again, a field the site refuses reported with the mapping kept as
# it was, and a wrong password, a user without permission, a site that does not answer
# and bad addresses refused with clear messages and the newsroom unchanged.
set -u
portada=${PORTADA:?set by meson}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
server=$tmp/server
cleanup() {
  "$here/wordpress-server" stop "$server" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
unset DISPLAY WAYLAND_DISPLAY PORTADA_WORDPRESS_PASSWORD
export HOME=$tmp/home
mkdir -p "$HOME"
failures=0
n=0

ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n $1"; }
expect() {
  local want=$1 name=$2; shift 3
  "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$name"; else
    not_ok "$name (exit $got, wanted $want)"; sed 's/^/# /' "$tmp/err" "$tmp/out"; fi
}
stderr_has() { if grep -qiF -- "$2" "$tmp/err"; then ok "$1"; else not_ok "$1: stderr lacks '$2'"; sed 's/^/# /' "$tmp/err"; fi; }
stderr_lacks() { if grep -qiF -- "$2" "$tmp/err"; then not_ok "$1: stderr has '$2'"; sed 's/^/# /' "$tmp/err"; else ok "$1"; fi; }
stdout_has() { if grep -qiF -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1: stdout lacks '$2'"; sed 's/^/# /' "$tmp/out"; fi; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
# "3 created" from the summary line.
summary_count() { sed -n "/^Pushed to/s/.* \([0-9][0-9]*\) $1.*/\1/p" "$tmp/out" | head -1; }

if ! WORDPRESS_SERVER_OWNER=$$ "$here/wordpress-server" start "$server" >"$tmp/wp.out" 2>&1; then
  if grep -q 'is missing\|lacks' "$tmp/wp.out"; then
    echo "1..0 # SKIP $(grep -m1 'is missing\|lacks' "$tmp/wp.out")"
    exit 0
  fi
  cat "$tmp/wp.out"; echo "Bail out! WordPress did not start"; exit 1
fi
. "$server/env"
site=wordpress+http://127.0.0.1:$PORT
db=$tmp/demo.db
"$portada" demo --db "$db" --quiet
sql() { sqlite3 -batch "$db" "$@"; }
# Every status once: a review, a draft and an article scheduled a month ahead.
now=$(date +%s)
sql "UPDATE article SET status = 'review' WHERE id = 6;
     UPDATE article SET status = 'draft' WHERE id = 7;
     UPDATE article SET status = 'scheduled', publish_at = $now + 2592000 WHERE id = 5;"
# A body image that is also another article's featured image: uploaded once.
city=$(sql "SELECT featured_media_id FROM article WHERE id = 4")
sql "UPDATE article SET body = body || char(10) || char(10) || '![A city at night](media/' || (SELECT sha256 FROM media WHERE id = $city) || ')' WHERE id = 5"
articles=$(sql "SELECT count(*) FROM article WHERE deleted_at IS NULL")
dump() { sql .dump | grep -v '^INSERT INTO setting' ; }
posts_on_site() {
  curl -sf -u "$WP_USER:$WP_PASSWORD" "$URL/wp-json/wp/v2/posts?context=edit&status=any&per_page=100" |
    python3 -c 'import json, sys; print(len([p for p in json.load(sys.stdin) if p["slug"] != "hello-world"]))'
}
push() { PORTADA_WORDPRESS_PASSWORD=$WP_PASSWORD "$portada" publish --db "$db" --to "$site" --user "$WP_USER" "$@"; }

# --- Refused before anything is sent ----------------------------------------------
dump >"$tmp/before.sql"
expect 2 "a wrong application password: refused" -- env PORTADA_WORDPRESS_PASSWORD=wrong-password "$portada" publish --db "$db" --to "$site" --user "$WP_USER"
stderr_has "a wrong application password: the login named as refused" "refused the login of “$WP_USER”"
stderr_has "a wrong application password: the HTTP status said" "401"
expect 2 "a user who may not write posts: refused" -- env PORTADA_WORDPRESS_PASSWORD="$WP_READER_PASSWORD" "$portada" publish --db "$db" --to "$site" --user "$WP_READER"
stderr_has "a user who may not write posts: the missing permission named" "the user “$WP_READER” may not write posts on this site (role: subscriber)"
expect 2 "a user who may not make categories: refused" -- env PORTADA_WORDPRESS_PASSWORD="$WP_CONTRIBUTOR_PASSWORD" "$portada" publish --db "$db" --to "$site" --user "$WP_CONTRIBUTOR"
stderr_has "a user who may not make categories: what was refused named" "the user “$WP_CONTRIBUTOR” is not allowed to make the category"
stderr_has "a user who may not make categories: the HTTP status said" "403"
dead=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
expect 2 "a site that does not answer: refused" -- env PORTADA_WORDPRESS_PASSWORD=x "$portada" publish --db "$db" --to "wordpress+http://127.0.0.1:$dead" --user "$WP_USER"
stderr_has "a site that does not answer: said so" "cannot be reached"
expect 2 "no password and no terminal: refused" -- "$portada" publish --db "$db" --to "$site" --user "$WP_USER"
stderr_has "no password and no terminal: the variable named" "PORTADA_WORDPRESS_PASSWORD"
expect 2 "no user: refused" -- env PORTADA_WORDPRESS_PASSWORD=x "$portada" publish --db "$db" --to "$site"
stderr_has "no user: --user named" "--user"
for bad in "wordpress+http://example.com" "wordpress+https://editor:secret@example.com" "wordpress+https://" "wordpress+https://example.com:0"; do
  expect 2 "bad address $bad: refused" -- env PORTADA_WORDPRESS_PASSWORD=x "$portada" publish --db "$db" --to "$bad" --user editor
done
stderr_has "bad address: the expected forms said" "wordpress+https://SITE"
dump >"$tmp/after.sql"
check "refused pushes: the newsroom unchanged" "cmp -s '$tmp/before.sql' '$tmp/after.sql'"
check "refused pushes: nothing on the site" "[ \"\$(posts_on_site)\" = 0 ]"

# --- First push: every article, read back -----------------------------------------
start=$(date +%s%N)
expect 0 "first push: done" -- push
echo "# first push of $articles articles: $(( ($(date +%s%N) - start) / 1000000 )) ms"
check "first push: every article created ($articles)" "[ '$(summary_count created)' = '$articles' ]"
stdout_has "first push: an article named with its post" "post "
check "first push: the mapping holds every article" "[ \"\$(sql 'SELECT count(*) FROM wordpress_post')\" = '$articles' ]"
check "first push: the destination kept in the newsroom, with its user" "[ \"\$(sql \"SELECT value FROM setting WHERE key = 'publish-to'\")\" = 'wordpress+http://$WP_USER@127.0.0.1:$PORT' ]"
check "first push: no password in the newsroom" "! grep -qaF '$WP_PASSWORD' '$db' '$db-wal' 2>/dev/null"

# Reads every post back and compares it with its article; prints what differs.
compare_site() {
  DB=$db URL=$URL AUTH="$WP_USER:$WP_PASSWORD" python3 - <<'PY'
import base64, json, os, sqlite3, urllib.request
db = sqlite3.connect(os.environ["DB"])
def get(route):
    req = urllib.request.Request(os.environ["URL"] + "/wp-json/wp/v2" + route)
    req.add_header("Authorization", "Basic " + base64.b64encode(os.environ["AUTH"].encode()).decode())
    return json.load(urllib.request.urlopen(req))
status = {"draft": "draft", "review": "pending", "scheduled": "future", "published": "publish", "archived": "private"}
problems = 0
rows = db.execute("""SELECT a.id, a.title, a.slug, a.status, a.publish_at, a.body, a.source_name, a.translation_group,
                            (SELECT name FROM section_label l WHERE l.section_id = a.section_id AND l.lang = a.lang),
                            w.post_id
                     FROM article a JOIN wordpress_post w ON w.article_id = a.id WHERE a.deleted_at IS NULL""").fetchall()
for (aid, title, slug, st, publish_at, body, source, group, section, post_id) in rows:
    p = get("/posts/%d?context=edit" % post_id)
    def bad(what, got, want):
        global problems
        problems += 1
        print("article %d, post %d: %s is %r, not %r" % (aid, post_id, what, got, want))
    if p["title"]["raw"] != title.replace("&", "&amp;").replace("<", "&lt;") and p["title"]["raw"] != title:
        bad("the title", p["title"]["raw"], title)
    if p["slug"] != slug:
        bad("the slug", p["slug"], slug)
    if p["status"] != status[st]:
        bad("the status", p["status"], status[st])
    first_words = " ".join(l for l in body.splitlines() if l and l[0].isalpha())[:40].split(" ")[:4]
    if not p["content"]["raw"].strip() or not all(w in p["content"]["raw"] for w in first_words):
        bad("the content", p["content"]["raw"][:80], " ".join(first_words))
    if publish_at and st in ("scheduled", "published"):
        import datetime
        want = datetime.datetime.utcfromtimestamp(publish_at).strftime("%Y-%m-%dT%H:%M:%S")
        if p["date_gmt"] != want:
            bad("the date", p["date_gmt"], want)
    cats = [get("/categories/%d" % c)["name"] for c in p["categories"]]
    if section and cats != [section]:
        bad("the categories", cats, [section])
    tags = sorted(get("/tags/%d" % t)["name"] for t in p["tags"])
    want_tags = sorted(r[0] for r in db.execute("SELECT t.name FROM tag t JOIN article_tag x ON x.tag_id = t.id WHERE x.article_id = ?", (aid,)))
    if tags != want_tags:
        bad("the tags", tags, want_tags)
    if p["meta"].get("source_name", "") != (source or ""):
        bad("the source", p["meta"].get("source_name"), source)
    featured = db.execute("SELECT w.wp_media_id FROM article a JOIN wordpress_media w ON w.media_id = a.featured_media_id WHERE a.id = ?", (aid,)).fetchone()
    if p["featured_media"] != (featured[0] if featured else 0):
        bad("the featured image", p["featured_media"], featured)
    for (sha, url) in db.execute("SELECT m.sha256, w.source_url FROM media m JOIN wordpress_media w ON w.media_id = m.id"):
        if ("media/" + sha) in body and ('src="%s"' % url) not in p["content"]["raw"]:
            bad("a body image", p["content"]["raw"][-200:], url)
    if p["meta"].get("_portada_translation_group") != group:
        bad("the translation group", p["meta"].get("_portada_translation_group"), group)
print("%d posts compared, %d differences" % (len(rows), problems))
PY
}
compare_site >"$tmp/compare" 2>&1
sed 's/^/# /' "$tmp/compare"
check "first push: every post on the site as in the newsroom" "grep -q '^$articles posts compared, 0 differences' '$tmp/compare'"
images=$(sql "SELECT count(DISTINCT featured_media_id) FROM article WHERE featured_media_id IS NOT NULL")
media_on_site() {
  curl -sf -u "$WP_USER:$WP_PASSWORD" "$URL/wp-json/wp/v2/media?per_page=100" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'
}
check "first push: each image uploaded once ($images), the body image reused" "[ \"\$(media_on_site)\" = '$images' ] && [ \"\$(sql 'SELECT count(*) FROM wordpress_media')\" = '$images' ]"
check "first push: an image's alt text on the site" "curl -sf '$URL/wp-json/wp/v2/media/$(sql "SELECT wp_media_id FROM wordpress_media WHERE media_id = $city")' | grep -qF \"\$(sql 'SELECT alt_text FROM media WHERE id = $city')\""

# --- Only what changed -------------------------------------------------------------
expect 0 "second push, nothing changed, to the kept destination: done" -- env PORTADA_WORDPRESS_PASSWORD="$WP_PASSWORD" "$portada" publish --db "$db"
check "second push: the kept destination's user used, every article unchanged" "[ '$(summary_count unchanged)' = '$articles' ] && [ '$(summary_count updated)' = 0 ] && [ '$(summary_count created)' = 0 ]"
# A push whose answers never reached the newsroom (killed, or cut off, after the site
# made the posts): the next push finds the posts by slug, title and content.
sql "DELETE FROM wordpress_post"
expect 0 "answers lost: pushed again" -- push
check "answers lost: no post made twice" "[ '$(summary_count created)' = 0 ] && [ '$(summary_count updated)' = '$articles' ] && [ \"\$(posts_on_site)\" = '$articles' ]"
check "answers lost: every article mapped again" "[ \"\$(sql 'SELECT count(*) FROM wordpress_post')\" = '$articles' ]"
sql "UPDATE article SET title = 'Barbados Airport Receives 60 Flights', updated_at = updated_at + 1 WHERE id = 8"
expect 0 "one article changed: pushed" -- push
check "one article changed: one post updated, the others unchanged" "[ '$(summary_count updated)' = 1 ] && [ '$(summary_count unchanged)' = $((articles - 1)) ]"
compare_site >"$tmp/compare" 2>&1
check "one article changed: the site has the new title" "grep -q '^$articles posts compared, 0 differences' '$tmp/compare'"
check "one article changed: no image uploaded again" "[ \"\$(media_on_site)\" = '$images' ]"

# --- A post edited on the site ------------------------------------------------------
post=$(sql "SELECT post_id FROM wordpress_post WHERE article_id = 8")
curl -sf -u "$WP_USER:$WP_PASSWORD" -X POST -H 'Content-Type: application/json' \
  -d '{"title": "Corrected on the site", "content": "<p>A copy editor fixed this on the site.</p>"}' \
  "$URL/wp-json/wp/v2/posts/$post" >/dev/null
check "site edit: made through the REST API" "curl -sf -u '$WP_USER:$WP_PASSWORD' '$URL/wp-json/wp/v2/posts/$post?context=edit' | grep -q 'Corrected on the site'"
expect 0 "site edit, article unchanged in the newsroom: nothing sent, nothing to report" -- push
sql "UPDATE article SET body = body || char(10) || char(10) || 'A late paragraph.', updated_at = updated_at + 1 WHERE id = 8"
expect 1 "site edit and newsroom edit: the conflict found (exit 1)" -- push
stderr_has "conflict: the article named" "“Barbados Airport Receives 60 Flights” (en) was not pushed"
stderr_has "conflict: the site's version said to have changed" "the site's version of post $post changed since the last push"
stderr_has "conflict: the way out said" "--overwrite-site-changes"
check "conflict: the site's version not overwritten" "curl -sf -u '$WP_USER:$WP_PASSWORD' '$URL/wp-json/wp/v2/posts/$post?context=edit' | grep -q 'A copy editor fixed this on the site' && ! curl -sf -u '$WP_USER:$WP_PASSWORD' '$URL/wp-json/wp/v2/posts/$post?context=edit' | grep -q 'A late paragraph'"
check "conflict: the site's version kept as a revision of the article" "[ \"\$(sql \"SELECT title || '|' || body FROM revision WHERE article_id = 8 AND reason = 'wordpress'\")\" = 'Corrected on the site|A copy editor fixed this on the site.' ]"
check "conflict: the article itself unchanged" "sql 'SELECT body FROM article WHERE id = 8' | grep -q 'A late paragraph'"
expect 1 "conflict, pushed again: still not overwritten" -- push
check "conflict, pushed again: the site's version kept once" "[ \"\$(sql \"SELECT count(*) FROM revision WHERE article_id = 8 AND reason = 'wordpress'\")\" = 1 ]"
expect 0 "--overwrite-site-changes: the newsroom's version sent" -- push --overwrite-site-changes
check "--overwrite-site-changes: the site has the newsroom's version" "curl -sf -u '$WP_USER:$WP_PASSWORD' '$URL/wp-json/wp/v2/posts/$post?context=edit' | grep -q 'A late paragraph'"
expect 0 "after the overwrite: nothing left to send" -- push
check "after the overwrite: every article unchanged" "[ '$(summary_count unchanged)' = '$articles' ]"

# --- A host without pretty links: the API at ?rest_route= -----------------------------
"$here/wordpress-server" links plain "$server"
check "plain links: /wp-json/ answers 404" "[ \"\$(curl -s -o /dev/null -w '%{http_code}' '$URL/wp-json/wp/v2/posts')\" = 404 ]"
sql "UPDATE article SET title = 'Barbados Airport Receives 61 Flights', updated_at = updated_at + 1 WHERE id = 8"
expect 0 "plain links: pushed through ?rest_route=" -- push
check "plain links: the post updated" "[ '$(summary_count updated)' = 1 ] && curl -sf '$URL/?rest_route=/wp/v2/posts/$post' | grep -q '61 Flights'"
"$here/wordpress-server" links pretty "$server"

# --- A post deleted on the site ------------------------------------------------------
gone=$(sql "SELECT post_id FROM wordpress_post WHERE article_id = 4")
curl -sf -u "$WP_USER:$WP_PASSWORD" -X DELETE "$URL/wp-json/wp/v2/posts/$gone?force=true" >/dev/null
sql "UPDATE article SET excerpt = 'A new excerpt.', updated_at = updated_at + 1 WHERE id = 4"
expect 1 "post deleted on the site: not made again" -- push
stderr_has "post deleted on the site: said so" "post $gone was deleted on the site"
check "post deleted on the site: no new post" "[ \"\$(posts_on_site)\" = $((articles - 1)) ]"

# --- A field the site refuses --------------------------------------------------------
sha=$(sql "SELECT sent_sha256 || modified_gmt FROM wordpress_post WHERE article_id = 2")
sql "UPDATE article SET source_name = '$(printf 'Voice of America %.0s' $(seq 1 15))', updated_at = updated_at + 1 WHERE id = 2"
expect 1 "a field the site refuses: reported (exit 1)" -- push
stderr_has "a field the site refuses: the article and the field named" "was not pushed: http://127.0.0.1:$PORT: the site refused to update the post of"
stderr_has "a field the site refuses: the site's reason given" "meta.source_name must be at most 200 characters"
check "a field the site refuses: its mapping as before" "[ \"\$(sql 'SELECT sent_sha256 || modified_gmt FROM wordpress_post WHERE article_id = 2')\" = '$sha' ]"

# --- An image the site refuses (WordPress takes no SVG) ---------------------------------
before=$(sql "SELECT sent_sha256 || modified_gmt FROM wordpress_post WHERE article_id = 6")
sql "UPDATE article SET body = body || char(10) || char(10) || '![A logo](media/' || (SELECT sha256 FROM media WHERE mime = 'image/svg+xml' LIMIT 1) || ')', updated_at = updated_at + 1 WHERE id = 6"
expect 1 "an image the site refuses: the article reported (exit 1)" -- push
stderr_has "an image the site refuses: the image and the site's reason named" "the request to upload the image"
stderr_has "an image the site refuses: the site's reason given" "not allowed to upload this file type"
check "an image the site refuses: its mapping as before" "[ \"\$(sql 'SELECT sent_sha256 || modified_gmt FROM wordpress_post WHERE article_id = 6')\" = '$before' ]"

# --- Post meta the site does not register --------------------------------------------
"$here/wordpress-server" meta off "$server"
expect 1 "meta not registered: the push goes on" -- push
stderr_has "meta not registered: a note naming the fields" "does not register the post meta source_name, source_url, _portada_translation_group"
stderr_lacks "meta not registered: the source no longer refused" "must be at most 200"

echo "1..$n"
[ "$failures" -eq 0 ]
