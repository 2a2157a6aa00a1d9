#!/usr/bin/env bash
# test-sync-servers.sh: portada sync and clone as a person runs them, through real
# servers on loopback: git daemon (a push refused because another workstation
# pushed first repeats the cycle) and OpenSSH's sshd (tests/publish/sshd-server:
# a key file, a wrong key, an unknown host key).
set -u
portada=${PORTADA:?set by meson}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
server=$tmp/sshd
daemon_pid=
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
  "$here/../publish/sshd-server" stop "$server" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
unset DISPLAY WAYLAND_DISPLAY SSH_AUTH_SOCK
export HOME=$tmp/home # no key or known_hosts of the person running the tests
export GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME/.ssh"
failures=0
n=0

ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n $1"; }
expect() {
  local want=$1 name=$2; shift 3
  "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  local got=$?
  # What a refusal says is shown in the log.
  [ "$want" -ne 0 ] && sed 's/^/# /' "$tmp/err"
  if [ "$got" -eq "$want" ]; then ok "$name"; else
    not_ok "$name (exit $got, wanted $want)"; sed 's/^/# /' "$tmp/err" "$tmp/out"; fi
}
stderr_has() { if grep -qiF -- "$2" "$tmp/err"; then ok "$1"; else not_ok "$1: stderr lacks '$2'"; sed 's/^/# /' "$tmp/err"; fi; }
stdout_has() { if grep -qiF -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1: stdout lacks '$2'"; sed 's/^/# /' "$tmp/out"; fi; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
title_of() { sqlite3 "$1" "SELECT title FROM article WHERE uuid = '$2'"; }
# An edit as the window saves it.
retitle() { sqlite3 "$1" "UPDATE article SET title = '$3', updated_at = updated_at + 1 WHERE uuid = '$2'"; }
same_text() { # DB DB: the two newsrooms as text are the same
  rm -rf "$tmp/t1" "$tmp/t2"
  "$portada" sync --db "$1" --to-folder "$tmp/t1" && "$portada" sync --db "$2" --to-folder "$tmp/t2" &&
    diff -r "$tmp/t1" "$tmp/t2" >/dev/null
}
wait_port() {
  for _ in $(seq 1 200); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null && return 0
    sleep 0.05
  done
  return 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

"$portada" demo --db "$tmp/seed.db" --quiet
one=$(sqlite3 "$tmp/seed.db" "SELECT uuid FROM article WHERE lang = 'en' ORDER BY uuid LIMIT 1")
two=$(sqlite3 "$tmp/seed.db" "SELECT uuid FROM article WHERE lang = 'en' ORDER BY uuid LIMIT 1 OFFSET 1")

# --- kill -9 at random points of a sync, then sync again -----------------------------
git init --quiet --bare "$tmp/k.git"
cp "$tmp/seed.db" "$tmp/k1.db"
expect 0 "sync --init (kill rounds)" -- "$portada" sync --db "$tmp/k1.db" --init --remote "$tmp/k.git"
expect 0 "clone (kill rounds)" -- "$portada" clone "$tmp/k.git" --db "$tmp/k2.db"
for round in 1 2 3 4; do
  retitle "$tmp/k1.db" "$one" "Kill round $round on 1"
  retitle "$tmp/k2.db" "$two" "Kill round $round on 2"
  "$portada" sync --db "$tmp/k2.db" </dev/null >/dev/null 2>&1
  "$portada" sync --db "$tmp/k1.db" </dev/null >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 250)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  expect 0 "killed sync $round: the next one completes" -- "$portada" sync --db "$tmp/k1.db"
  expect 0 "killed sync $round: the other workstation syncs" -- "$portada" sync --db "$tmp/k2.db"
  "$portada" sync --db "$tmp/k1.db" </dev/null >/dev/null 2>&1
  check "killed sync $round: both edits everywhere" "[ \"\$(title_of '$tmp/k2.db' '$one')\" = 'Kill round $round on 1' ] && [ \"\$(title_of '$tmp/k1.db' '$two')\" = 'Kill round $round on 2' ]"
  check "killed sync $round: the two newsrooms the same" "same_text '$tmp/k1.db' '$tmp/k2.db'"
  check "killed sync $round: the newsroom file is sound" "[ \"\$(sqlite3 '$tmp/k1.db' 'PRAGMA integrity_check')\" = ok ]"
done
check "the remote's log says who changed what" "git --git-dir='$tmp/k.git' log --format='%an%n%B' main | grep -q 'Carmen Rivas' && git --git-dir='$tmp/k.git' log --format=%B main | grep -q \"^M articles/$one.md  Kill round 4 on 1\$\""

# --- a conflict at the command line: listed, shown, resolved --------------------------
retitle "$tmp/k1.db" "$one" "Title from 1"
retitle "$tmp/k2.db" "$one" "Title from 2"
expect 0 "the first workstation syncs its title" -- "$portada" sync --db "$tmp/k1.db"
expect 1 "the second meets a conflict (exit 1)" -- "$portada" sync --db "$tmp/k2.db"
stdout_has "the conflict is reported" "1 conflict"
stdout_has "with the record and field" "articles/$one.md"
check "the second keeps its own title" "[ \"\$(title_of '$tmp/k2.db' '$one')\" = 'Title from 2' ]"
expect 0 "conflicts are listed" -- "$portada" sync --db "$tmp/k2.db" --conflicts
id=$(cut -f1 "$tmp/out" | head -1)
check "one conflict, on the title" "[ \$(wc -l <'$tmp/out') -eq 1 ] && grep -q \"articles/$one.md	title\" '$tmp/out'"
expect 0 "the other version is shown" -- "$portada" sync --db "$tmp/k2.db" --show-conflict "$id"
check "it is the first workstation's title" "[ \"\$(cat '$tmp/out')\" = 'Title from 1' ]"
"$portada" sync --db "$tmp/k1.db" >/dev/null 2>&1
expect 0 "the first workstation has the conflict too" -- "$portada" sync --db "$tmp/k1.db" --conflicts
check "listed there with the same id" "grep -q '^$id' '$tmp/out'"
expect 2 "an unknown conflict id" -- "$portada" sync --db "$tmp/k2.db" --resolve nope
stderr_has "is named" "nope"
expect 0 "the conflict is resolved" -- "$portada" sync --db "$tmp/k2.db" --resolve "$id"
expect 0 "sync after resolving" -- "$portada" sync --db "$tmp/k2.db"
expect 0 "the first workstation syncs" -- "$portada" sync --db "$tmp/k1.db"
expect 0 "no conflict is left anywhere" -- "$portada" sync --db "$tmp/k1.db" --conflicts
check "none listed" "[ ! -s '$tmp/out' ]"
check "both newsrooms the same" "same_text '$tmp/k1.db' '$tmp/k2.db'"

# --- git daemon: someone pushes while this workstation's push is on its way --------
if command -v git >/dev/null && git daemon -h 2>&1 | grep -q -- --base-path; then
  mkdir -p "$tmp/served"
  git init --quiet --bare "$tmp/served/news.git"
  port=$(free_port)
  git daemon --reuseaddr --listen=127.0.0.1 --port="$port" --base-path="$tmp/served" \
    --export-all --enable=receive-pack "$tmp/served" 2>"$tmp/daemon.log" &
  daemon_pid=$!
  if wait_port "$port"; then
    url="git://127.0.0.1:$port/news.git"
    cp "$tmp/seed.db" "$tmp/a.db"
    expect 0 "sync --init through git daemon" -- "$portada" sync --db "$tmp/a.db" --init --remote "$url"
    expect 0 "clone through git daemon (b)" -- "$portada" clone "$url" --db "$tmp/b.db"
    expect 0 "clone through git daemon (c)" -- "$portada" clone "$url" --db "$tmp/c.db"
    # The server's hook: the first time a push arrives, workstation C syncs first.
    cat >"$tmp/served/news.git/hooks/pre-receive" <<HOOK
#!/bin/sh
cat >/dev/null
[ -e "$tmp/raced" ] && exit 0
touch "$tmp/raced"
for v in \$(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "\$v"; done
"$portada" sync --db "$tmp/c.db" >"$tmp/c-sync.out" 2>&1
exit 0
HOOK
    chmod +x "$tmp/served/news.git/hooks/pre-receive"
    retitle "$tmp/a.db" "$one" "Edited on A"
    retitle "$tmp/c.db" "$two" "Edited on C"
    expect 0 "a push overtaken by another workstation's" -- "$portada" sync --db "$tmp/a.db"
    stdout_has "the sync says it ran again" "ran again"
    check "the other workstation did push first" "grep -q 'up to date' '$tmp/c-sync.out'"
    expect 0 "b syncs" -- "$portada" sync --db "$tmp/b.db"
    check "b has A's edit" "[ \"\$(title_of '$tmp/b.db' '$one')\" = 'Edited on A' ]"
    check "b has C's edit" "[ \"\$(title_of '$tmp/b.db' '$two')\" = 'Edited on C' ]"
    expect 0 "c syncs" -- "$portada" sync --db "$tmp/c.db"
    check "a, b and c hold the same newsroom" "same_text '$tmp/a.db' '$tmp/b.db' && same_text '$tmp/b.db' '$tmp/c.db'"
    # A server that says no (a hook refusing every push): a clear message, nothing lost.
    printf '#!/bin/sh\necho "pushes are closed today" >&2\nexit 1\n' >"$tmp/served/news.git/hooks/pre-receive"
    retitle "$tmp/a.db" "$one" "Refused edit"
    expect 2 "a push the server refuses" -- "$portada" sync --db "$tmp/a.db"
    stderr_has "the refusal is named" "refused the changes"
    check "the refused edit is kept" "[ \"\$(title_of '$tmp/a.db' '$one')\" = 'Refused edit' ]"
    rm "$tmp/served/news.git/hooks/pre-receive"
    expect 0 "the next sync sends it" -- "$portada" sync --db "$tmp/a.db"
    expect 0 "b syncs again" -- "$portada" sync --db "$tmp/b.db"
    check "b has the edit that waited" "[ \"\$(title_of '$tmp/b.db' '$one')\" = 'Refused edit' ]"
  else
    not_ok "git daemon did not start"; sed 's/^/# /' "$tmp/daemon.log"
  fi
else
  echo "ok $((n += 1)) # SKIP git daemon is missing"
fi

# --- OpenSSH sshd: ssh:// with a key file, the host key in known_hosts ------------------
if "$here/../publish/sshd-server" start "$server" >"$tmp/sshd.out" 2>&1; then
  . "$server/env"
  git init --quiet --bare "$tmp/ssh-remote.git"
  url="ssh://$(id -un)@127.0.0.1:$PORT$tmp/ssh-remote.git"
  cp "$tmp/seed.db" "$tmp/s1.db"
  # No known host key yet: refused, nothing made.
  expect 2 "an unknown host key is refused" -- "$portada" sync --db "$tmp/s1.db" --init --remote "$url" --identity "$USER_KEY"
  stderr_has "the message names the remote" "$url"
  stderr_has "and says what to check" "known_hosts"
  check "nothing is linked after a refusal" "[ ! -e '$tmp/s1.db.sync' ]"
  echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$server/host_key.pub")" >"$HOME/.ssh/known_hosts"
  expect 2 "a key the server does not know is refused" -- "$portada" sync --db "$tmp/s1.db" --init --remote "$url" --identity "$OTHER_KEY"
  stderr_has "the refusal is clear" "refused the key"
  expect 0 "sync --init over ssh://" -- "$portada" sync --db "$tmp/s1.db" --init --remote "$url" --identity "$USER_KEY"
  expect 0 "clone over ssh://" -- "$portada" clone "$url" --db "$tmp/s2.db" --identity "$USER_KEY"
  retitle "$tmp/s2.db" "$two" "Edited over ssh"
  expect 0 "sync over ssh:// (the key kept)" -- "$portada" sync --db "$tmp/s2.db"
  expect 0 "the first workstation syncs" -- "$portada" sync --db "$tmp/s1.db"
  check "the edit travelled over ssh" "[ \"\$(title_of '$tmp/s1.db' '$two')\" = 'Edited over ssh' ]"
  # The server's host key changed: refused, the newsroom untouched.
  "$here/../publish/sshd-server" rekey "$server" >/dev/null 2>&1
  retitle "$tmp/s1.db" "$one" "Waiting"
  expect 2 "a changed host key is refused" -- "$portada" sync --db "$tmp/s1.db"
  check "the edit waits" "[ \"\$(title_of '$tmp/s1.db' '$one')\" = 'Waiting' ]"
else
  echo "ok $((n += 1)) # SKIP sshd did not start: $(head -1 "$tmp/sshd.out")"
fi

echo "1..$n"
[ "$failures" -eq 0 ]
