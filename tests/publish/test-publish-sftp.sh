#!/usr/bin/env bash
# test-publish-sftp.sh: portada publish against a real OpenSSH sshd on loopback
# (tests/publish/sshd-server), and to a folder: only what changed travels, the user's
# files stay, a publish killed at random points is completed by the next, host keys
# and user keys refused with clear messages, bad addresses refused with the usage.
set -u
portada=${PORTADA:?set by meson}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
server=$tmp/server
cleanup() {
  "$here/sshd-server" stop "$server" >/dev/null 2>&1
  mountpoint -q "$tmp/tiny" 2>/dev/null && umount "$tmp/tiny"
  rm -rf "$tmp"
}
trap cleanup EXIT
unset DISPLAY WAYLAND_DISPLAY SSH_AUTH_SOCK
export HOME=$tmp/home # no key or known_hosts of the person running the tests
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
stdout_has() { if grep -qiF -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1: stdout lacks '$2'"; sed 's/^/# /' "$tmp/out"; fi; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# "uploaded N" from the summary line.
summary_count() { sed -n "s/.* \([0-9]*\) $1.*/\1/p" "$tmp/out" | head -1; }

# path<TAB>sha256 of every file of a tree, Portada's own files left out.
tree_hashes() {
  (cd "$1" && find . -type f ! -name '.portada-*' ! -name 'keep-me.txt' -printf '%P\n' | LC_ALL=C sort |
    while read -r f; do printf '%s\t%s\n' "$f" "$(sha256sum "$f" | cut -c1-64)"; done)
}
export_files() { sed -n '2,$p' "$1/.portada-manifest" | cut -f1 | LC_ALL=C sort; }

# Every file of the export is on the server with the same bytes.
same_site() {
  local site=$1 www=$2 f
  while read -r f; do
    cmp -s "$site/$f" "$www/$f" || { echo "# differs or missing: $f"; return 1; }
  done < <(export_files "$site")
}

if ! "$here/sshd-server" start "$server" >"$tmp/sshd.out" 2>&1; then
  if grep -q 'is missing' "$tmp/sshd.out"; then echo "1..0 # SKIP sshd is not installed"; exit 0; fi
  cat "$tmp/sshd.out"; echo "Bail out! sshd did not start"; exit 1
fi
. "$server/env"
user=$(id -un)
url="sftp://$user@127.0.0.1:$PORT$SFTP_ROOT"
www=$SFTP_ROOT
db=$tmp/demo.db
site=$tmp/.demo.db.publish/site
"$portada" demo --db "$db" --articles 30 --quiet
key=(--identity "$USER_KEY" --known-hosts "$KNOWN_HOSTS")

# --- Host keys --------------------------------------------------------------
expect 2 "unknown host key: refused without --accept-new-host-key" -- "$portada" publish --db "$db" --to "$url" "${key[@]}"
stderr_has "unknown host key: the SHA256 fingerprint shown" "SHA256:"
stderr_has "unknown host key: the flag named" "--accept-new-host-key"
check "unknown host key: nothing sent, nothing remembered" "[ -z \"\$(ls -A '$www')\" ] && [ ! -s '$KNOWN_HOSTS' ]"

expect 0 "first publish: accepted and sent" -- "$portada" publish --db "$db" --to "$url" "${key[@]}" --accept-new-host-key
stderr_has "first publish: the accepted fingerprint said" "SHA256:"
check "first publish: the key remembered in known_hosts" "grep -q '127.0.0.1' '$KNOWN_HOSTS'"
total=$(export_files "$site" | wc -l)
check "first publish: every file uploaded ($total)" "[ '$(summary_count uploaded)' = '$total' ]"
check "first publish: the site on the server byte for byte" "same_site '$site' '$www'"
check "first publish: a manifest, no pending list, no temporary file" "[ -s '$www/.portada-publish' ] && [ ! -e '$www/.portada-publish.pending' ] && [ -z \"\$(find '$www' -name '*.portada-new')\" ]"
check "first publish: the destination stored in the newsroom" "[ \"\$(sqlite3 '$db' \"SELECT value FROM setting WHERE key = 'publish-to'\")\" = '$url' ]"
check "first publish: no secret in the newsroom" "! sqlite3 '$db' .dump | grep -qi 'BEGIN OPENSSH PRIVATE'"

# --- Only what changed travels ------------------------------------------------
echo mine >"$www/en/keep-me.txt"
expect 0 "again, nothing changed (destination from the newsroom)" -- "$portada" publish --db "$db" "${key[@]}"
check "again: nothing uploaded" "[ '$(summary_count uploaded)' = 0 ] && [ '$(summary_count unchanged)' = '$total' ]"

tree_hashes "$site" >"$tmp/before"
article=$(sqlite3 "$db" "SELECT id FROM article WHERE status = 'published' AND lang = 'en' ORDER BY id LIMIT 1")
sqlite3 "$db" "UPDATE article SET title = 'A new title for the publish test' WHERE id = $article"
expect 0 "--dry-run after one article changed" -- "$portada" publish --db "$db" "${key[@]}" --dry-run
tree_hashes "$site" >"$tmp/after"
changed=$(LC_ALL=C join -t "$(printf '\t')" -a 2 "$tmp/before" "$tmp/after" | awk -F '\t' 'NF < 3 || $2 != $3 { print $1 }' | LC_ALL=C sort)
n_changed=$(printf '%s\n' "$changed" | grep -c .)
listed=$(grep '^~ ' "$tmp/out" | cut -c3- | LC_ALL=C sort)
check "--dry-run: lists exactly the $n_changed files whose bytes changed" "[ '$listed' = '$changed' ]"
check "--dry-run: the server untouched" "! same_site '$site' '$www'"
expect 0 "one article changed: publish" -- "$portada" publish --db "$db" "${key[@]}"
check "one article changed: $n_changed uploaded, the others unchanged" "[ '$(summary_count uploaded)' = '$n_changed' ] && [ '$(summary_count unchanged)' = \$(($total - $n_changed)) ]"
check "one article changed: a few files only (its page, listings, feeds, related teasers)" "[ $n_changed -ge 3 ] && [ $n_changed -le 16 ]"
printf '%s\n' "$changed" | sed 's/^/# changed: /'
page=$(sqlite3 "$db" "SELECT slug FROM article WHERE id = $article")
check "one article changed: its page and a feed among them" "printf '%s\n' \"\$changed\" | grep -q '/$page/index.html' && printf '%s\n' \"\$changed\" | grep -q 'feed.xml'"
check "one article changed: the site on the server byte for byte" "same_site '$site' '$www'"
check "a file the user put on the server is left alone" "[ \"\$(cat '$www/en/keep-me.txt')\" = mine ]"

# --- kill -9 at random points ---------------------------------------------------
for round in 1 2 3 4 5; do
  sqlite3 "$db" "UPDATE article SET title = title || ' $round' WHERE status = 'published' AND id % 3 = $((round % 3))"
  # Exported first, so that the kill lands in the transfer (about 60 files).
  "$portada" export --db "$db" --out "$site" --quiet
  "$portada" publish --db "$db" --from "$site" "${key[@]}" </dev/null >/dev/null 2>&1 &
  pid=$!
  # Round 1 dies anywhere (the log-in, most likely); the others once the transfer has
  # begun (the pending list is on the server), a random moment later.
  if [ "$round" -gt 1 ]; then
    for _ in $(seq 1 400); do [ -e "$www/.portada-publish.pending" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.01; done
  fi
  sleep "0.$(printf '%03d' $((RANDOM % 300)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ -e "$www/.portada-publish.pending" ]; then
    missing=0
    while read -r f; do [ -e "$www/$f" ] || missing=$((missing + 1)); done < <(sed -n '2,$p' "$www/.portada-publish" | cut -f1)
    echo "# round $round: killed midway, $missing file(s) of the last manifest missing meanwhile"
    # At most the one file between its remove and its rename (SFTP cannot replace).
    check "killed publish $round: the site still served meanwhile" "[ $missing -le 1 ]"
  else
    echo "# round $round: killed before or after the transfer"
  fi
  expect 0 "killed publish $round: the next one completes it" -- "$portada" publish --db "$db" --from "$site" "${key[@]}"
  check "killed publish $round: every file of the manifest served, byte for byte" "same_site '$site' '$www'"
  check "killed publish $round: no pending list, no temporary file left" "[ ! -e '$www/.portada-publish.pending' ] && [ -z \"\$(find '$www' -name '*.portada-new')\" ]"
done
check "after the kills: the user's file still there" "[ \"\$(cat '$www/en/keep-me.txt')\" = mine ]"

# --- A full disk on the server (a small tmpfs, where mounting one is allowed) ----------
mkdir -p "$tmp/tiny"
if mount -t tmpfs -o size=200k tmpfs "$tmp/tiny" 2>/dev/null; then
  full="sftp://$user@127.0.0.1:$PORT$tmp/tiny/www"
  expect 2 "a full disk on the server: the publish fails" -- "$portada" publish --db "$db" --from "$site" --to "$full" "${key[@]}"
  stderr_has "a full disk on the server: the file named" "$tmp/tiny/www/"
  check "a full disk on the server: the pending list left for the next publish" "[ -e '$tmp/tiny/www/.portada-publish.pending' ]"
  mount -o remount,size=8m "$tmp/tiny"
  expect 0 "room again: the next publish completes the site" -- "$portada" publish --db "$db" --from "$site" --to "$full" "${key[@]}"
  check "room again: the site byte for byte, nothing pending" "same_site '$site' '$tmp/tiny/www' && [ ! -e '$tmp/tiny/www/.portada-publish.pending' ] && [ -z \"\$(find '$tmp/tiny/www' -name '*.portada-new')\" ]"
  umount "$tmp/tiny"
else
  ok "a full disk on the server # SKIP mounting a tmpfs is not allowed here"
fi

# --- User keys ------------------------------------------------------------------
expect 2 "a wrong user key: refused" -- "$portada" publish --db "$db" --identity "$OTHER_KEY" --known-hosts "$KNOWN_HOSTS"
stderr_has "a wrong user key: says the server refused it" "refused the key $OTHER_KEY"
expect 2 "no key at all (no agent, empty ~/.ssh): refused" -- "$portada" publish --db "$db" --known-hosts "$KNOWN_HOSTS"
stderr_has "no key at all: says so" "refused every key"
expect 2 "a key file that is not a key: refused" -- "$portada" publish --db "$db" --identity "$db" --known-hosts "$KNOWN_HOSTS"
stderr_has "a key file that is not a key: named" "not a private key"

# --- A changed host key -------------------------------------------------------------
"$here/sshd-server" rekey "$server"
cp "$KNOWN_HOSTS" "$tmp/known_hosts.before"
expect 2 "a changed host key: refused" -- "$portada" publish --db "$db" "${key[@]}"
stderr_has "a changed host key: says so" "KEY HAS CHANGED"
expect 2 "a changed host key: refused even with --accept-new-host-key" -- "$portada" publish --db "$db" "${key[@]}" --accept-new-host-key
check "a changed host key: known_hosts untouched" "cmp -s '$KNOWN_HOSTS' '$tmp/known_hosts.before'"

# --- A folder destination, the same rules ----------------------------------------------
folder=$tmp/share/www
mkdir -p "$tmp/share"
expect 0 "file://: first publish" -- "$portada" publish --db "$db" --to "file://$folder"
check "file://: the site byte for byte" "same_site '$site' '$folder'"
echo mine >"$folder/keep-me.txt"
sqlite3 "$db" "UPDATE article SET body = body || ' Again.' WHERE id = $article"
expect 0 "file://: one article changed" -- "$portada" publish --db "$db" --to "file://$folder"
check "file://: a few files uploaded" "[ '$(summary_count uploaded)' -ge 1 ] && [ '$(summary_count uploaded)' -le 12 ]"
check "file://: the site byte for byte, the user's file kept" "same_site '$site' '$folder' && [ -s '$folder/keep-me.txt' ]"
sqlite3 "$db" "UPDATE article SET status = 'draft' WHERE id = $article"
expect 0 "file://: an article unpublished" -- "$portada" publish --db "$db" --to "file://$folder"
check "file://: its page removed" "[ '$(summary_count removed)' -ge 1 ] && same_site '$site' '$folder'"
expect 0 "--from an export made before" -- "$portada" publish --db "$db" --from "$site" --to "file://$folder"
check "--from: nothing to send" "[ '$(summary_count uploaded)' = 0 ]"
expect 2 "--from a folder that is no export" -- "$portada" publish --db "$db" --from "$tmp/share" --to "file://$tmp/other"
stderr_has "--from a folder that is no export: says so" "not a site exported by Portada"

# --- Bad addresses and arguments -------------------------------------------------------
for bad in "http://example.com/www" "sftp://127.0.0.1/www" "sftp://u:secret@127.0.0.1/www" \
    "sftp://u@127.0.0.1:99999/www" "sftp://u@127.0.0.1" "file://host/www" "file:///" "www" \
    "sftp://u@127.0.0.1/a/../b"; do
  expect 2 "bad address refused: $bad" -- "$portada" publish --db "$db" --to "$bad"
  stderr_has "bad address $bad: the usage shown" "sftp://USER@HOST[:PORT]/PATH"
done
check "bad addresses: the stored destination unchanged" "[ \"\$(sqlite3 '$db' \"SELECT value FROM setting WHERE key = 'publish-to'\")\" = 'file://$folder' ]"
expect 2 "no --db" -- "$portada" publish --to "file://$folder"
expect 2 "a newsroom that does not exist" -- "$portada" publish --db "$tmp/none.db" --to "file://$folder"
expect 2 "an unknown option" -- "$portada" publish --db "$db" --frobnicate
expect 0 "--help" -- "$portada" publish --help
stdout_has "--help: names --accept-new-host-key" "--accept-new-host-key"
expect 2 "a server that does not answer" -- "$portada" publish --db "$db" --to "sftp://$user@127.0.0.1:1/www" --known-hosts "$KNOWN_HOSTS"
stderr_has "a server that does not answer: says so" "cannot be reached"

echo "1..$n"
[ "$failures" -eq 0 ]
