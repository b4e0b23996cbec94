#!/usr/bin/env bash
# Two `corparent serve` processes on one PostgreSQL, as behind a load balancer: a session made on one
# works on the other, signing out on one ends it on both, and both stop cleanly on SIGTERM.
# Usage: two_servers.sh CORPARENT_BINARY   (CORPARENT_TEST_PG: the throw-away PostgreSQL)
set -euo pipefail
bin=${1:?the corparent binary}
: "${CORPARENT_TEST_PG:?CORPARENT_TEST_PG is not set: run the tests with ./corparent.sh test}"

work=$(mktemp -d /tmp/corparent-two.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "two_servers: FAILED: $*" >&2; exit 1; }

schema="two_$$"
psql "$CORPARENT_TEST_PG" -q -c "CREATE SCHEMA $schema" >/dev/null
db="$CORPARENT_TEST_PG options='-c search_path=$schema'"
CORPARENT_PASSWORD="correct horse battery staple" "$bin" user add --db "$db" --email member@example.gov.uk \
  --role board_member >/dev/null

free_port() {
  for p in $(seq "$1" $(($1 + 200))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  fail "no free port"
}
a=$(free_port 18100)
"$bin" serve --db "$db" --listen "127.0.0.1:$a" >"$work/a.log" 2>&1 & pids+=($!)
b=$(free_port $((a + 1)))
"$bin" serve --db "$db" --listen "127.0.0.1:$b" >"$work/b.log" 2>&1 & pids+=($!)
for port in "$a" "$b"; do
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null || { cat "$work"/*.log >&2; fail "server on $port did not start"; }
done

# Sign in on A.
jar="$work/cookies"
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$a/sign-in" -o "$work/form.html"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/form.html" | head -1)
status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" \
  --data-urlencode "email=member@example.gov.uk" --data-urlencode "password=correct horse battery staple" \
  "http://127.0.0.1:$a/sign-in")
[[ $status == 303 ]] || fail "sign-in on A gave $status"

# The same session on B.
status=$(curl -s -b "$jar" -o "$work/home.html" -w '%{http_code}' "http://127.0.0.1:$b/")
[[ $status == 200 ]] || fail "B answered $status for A's session"
grep -q "Signed in as member@example.gov.uk" "$work/home.html" || fail "B did not know who was signed in"

# Sign out on B: the session is gone on A too.
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/home.html" | head -1)
status=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" "http://127.0.0.1:$b/sign-out")
[[ $status == 303 ]] || fail "sign-out on B gave $status"
status=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$a/")
[[ $status == 303 ]] || fail "A still accepted the session after sign-out on B ($status)"

# Both stop cleanly on SIGTERM.
for p in "${pids[@]}"; do kill -TERM "$p"; done
for p in "${pids[@]}"; do
  for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$p" 2>/dev/null && fail "a server did not stop within 10 s of SIGTERM"
  wait "$p" || fail "a server exited with status $? on SIGTERM"
done
pids=()
grep -q "stopped" "$work/a.log" || fail "server A did not log its stop"
# The request log names routes and statuses, never an email address or a cookie.
if grep -E "@|corparent_session|csrf" "$work/a.log" "$work/b.log"; then fail "the request log holds personal data"; fi
psql "$CORPARENT_TEST_PG" -q -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE" >/dev/null
echo "two_servers: a session made on one server works on the other; both stop on SIGTERM"
