#!/usr/bin/env bash
# The web load benchmark: the signed-in start page under load, and fresh requests while many idle
# keep-alive connections are held open.
#
#   bench/load.sh            # after ./corparent.sh test (or demo) has built build/corparent
#
# Builds nothing. Writes the demo council (corparent synth, 3000 children, seed 331, as `corparent demo`)
# into a fresh SQLite database in a temporary folder, adds a board member, serves it on a free
# 127.0.0.1 port and signs in with curl. Then:
#   (a) wrk -t2 -c64 -d20s --latency on / with the session cookie: requests/s, p50, p90, p99;
#   (b) bench/idle_connections.mjs holds 500 idle keep-alive connections and, meanwhile, 20 sequential
#       fresh curl requests to / are timed: p50, p99 and max.
# Targets: p99 under 50 ms for both. Stops the server with SIGTERM and removes the temporary folder.
# Exits 0 if both targets are met, 1 if one is missed or something went wrong.
# Settings (environment): CORPARENT_BIN (build/corparent), LOAD_CHILDREN (3000), LOAD_SECONDS (20),
# LOAD_CONNECTIONS (64), IDLE_CONNECTIONS (500), IDLE_SECONDS (15), FRESH_REQUESTS (20).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(realpath "${CORPARENT_BIN:-build/corparent}")
children=${LOAD_CHILDREN:-3000}
seconds=${LOAD_SECONDS:-20}
connections=${LOAD_CONNECTIONS:-64}
idle=${IDLE_CONNECTIONS:-500}
idle_seconds=${IDLE_SECONDS:-15}
fresh=${FRESH_REQUESTS:-20}
target_ms=50
password="correct horse battery staple"
email="board.member@example.gov.uk"

fail() { echo "load: FAILED: $*" >&2; exit 1; }
[[ -x $bin ]] || fail "no corparent binary at $bin: build it first (./corparent.sh test)"
command -v curl >/dev/null || fail "curl is needed"
command -v node >/dev/null || fail "node is needed (for bench/idle_connections.mjs)"
if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  sudo=""; [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
  command -v wrk >/dev/null || fail "wrk could not be installed"
fi

work=$(mktemp -d /tmp/corparent-load.XXXXXX)
server=""
idler=""
cleanup() {
  if [[ -n $idler ]] && kill -0 "$idler" 2>/dev/null; then kill "$idler" 2>/dev/null || true; fi
  if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server"
    for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$server" 2>/dev/null; then echo "load: the server did not stop within 10 s of SIGTERM" >&2; kill -KILL "$server"; fi
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== the demo council: $children children, into $work/load.db"
(cd "$work" && "$bin" synth --out council --children "$children" --seed 331 >/dev/null \
  && "$bin" import --db load.db --all council >/dev/null) || fail "could not load the demo council"
CORPARENT_PASSWORD="$password" "$bin" user add --db "$work/load.db" --email "$email" --role board_member >/dev/null

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
base="http://127.0.0.1:$port"
(cd "$work" && exec "$bin" serve --db "$work/load.db" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 100); do curl -sf "$base/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "$base/health" >/dev/null || { cat "$work/server.log" >&2; fail "the server did not start"; }
echo "== serving on $base (pid $server)"

# Sign in: the form's CSRF token comes as a cookie and a hidden field; post both.
jar="$work/cookies"
curl -s -c "$jar" "$base/sign-in" -o "$work/form.html"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/form.html" | head -1)
[[ -n $csrf ]] || fail "no csrf field on /sign-in"
status=$(curl -s -b "$jar" -D "$work/sign-in.headers" -o /dev/null -w '%{http_code}' \
  --data-urlencode "csrf=$csrf" --data-urlencode "email=$email" --data-urlencode "password=$password" "$base/sign-in")
[[ $status == 303 ]] || fail "signing in gave $status"
session=$(tr -d '\r' <"$work/sign-in.headers" | sed -n 's/^[Ss]et-[Cc]ookie: corparent_session=\([^;]*\).*/\1/p' | head -1)
[[ -n $session ]] || fail "no session cookie after signing in"
cookie="Cookie: corparent_session=$session"
status=$(curl -s -H "$cookie" -o "$work/home.html" -w '%{http_code}' "$base/")
[[ $status == 200 ]] && grep -q "Signed in as $email" "$work/home.html" || fail "the start page did not show the signed-in page ($status)"
rows=$(grep -c '<th scope="row"' "$work/home.html" || true)
echo "== signed in as $email; the start page is $(wc -c <"$work/home.html") bytes with $rows measures"

# wrk prints latencies as 812.00us, 4.10ms or 1.02s: in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
    printf "%.1f", n }'
}
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
met=1

echo "== (a) wrk -t2 -c$connections -d${seconds}s --latency on /"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$cookie" "$base/" >"$work/wrk.txt"
rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$work/wrk.txt")
p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")")
p90=$(to_ms "$(awk '$1 == "90%" {print $2}' "$work/wrk.txt")")
p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")")
total=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.txt")
errors=$(awk '/Socket errors:/ {sub(/^ *Socket errors: */, ""); print}' "$work/wrk.txt")
[[ -n $rps && -n $p99 ]] || { cat "$work/wrk.txt"; fail "could not read wrk's output"; }
echo "signed-in page, $connections connections: $rps req/s, p50 $p50 ms, p90 $p90 ms, p99 $p99 ms ($total requests in ${seconds} s)"
[[ -z $bad ]] || { echo "  $bad answers were not 2xx or 3xx"; met=0; }
[[ -z $errors ]] || { echo "  socket errors: $errors"; met=0; }
if below "$p99" "$target_ms"; then echo "  target p99 under $target_ms ms: met"; else echo "  target p99 under $target_ms ms: MISSED"; met=0; fi
# The signed-in pages must still be what wrk asked for (not a redirect to sign-in).
status=$(curl -s -H "$cookie" -o /dev/null -w '%{http_code}' "$base/")
[[ $status == 200 ]] || { echo "  after the load, / answered $status"; met=0; }

echo "== (b) $idle idle keep-alive connections held for ${idle_seconds}s; $fresh fresh requests to / meanwhile"
node bench/idle_connections.mjs --host 127.0.0.1 --port "$port" --count "$idle" --seconds "$idle_seconds" >"$work/idle.txt" 2>&1 &
idler=$!
for _ in $(seq 300); do grep -q '^READY' "$work/idle.txt" && break; kill -0 "$idler" 2>/dev/null || break; sleep 0.1; done
grep -q '^READY' "$work/idle.txt" || { cat "$work/idle.txt"; fail "the idle connections were not opened"; }
sed -n 's/^READY /  held: /p' "$work/idle.txt"
: >"$work/fresh.txt"
for _ in $(seq "$fresh"); do
  out=$(curl -s -H "$cookie" -o /dev/null -w '%{http_code} %{time_total}' "$base/")
  [[ ${out%% *} == 200 ]] || { echo "  a fresh request answered ${out%% *}"; met=0; }
  awk -v t="${out#* }" 'BEGIN { printf "%.3f\n", t * 1000 }' >>"$work/fresh.txt"
done
read -r f50 f99 fmax < <(sort -n "$work/fresh.txt" | awk '{ v[NR] = $1 } END {
  i50 = int((NR * 50 + 99) / 100); i99 = int((NR * 99 + 99) / 100)   # nearest rank
  printf "%.1f %.1f %.1f\n", v[i50], v[i99], v[NR] }')
echo "fresh requests to / while $idle idle connections are held: $fresh requests, p50 $f50 ms, p99 $f99 ms, max $fmax ms"
if below "$f99" "$target_ms" && below "$fmax" "$target_ms"; then echo "  target under $target_ms ms: met"; else echo "  target under $target_ms ms: MISSED"; met=0; fi
idle_status=0
wait "$idler" || idle_status=$?
idler=""
grep '^idle connections:' "$work/idle.txt" | sed 's/^/  /'
[[ $idle_status == 0 ]] || { echo "  some idle connections were refused, unanswered or closed early"; met=0; }

echo "== stopping the server (SIGTERM)"
kill -TERM "$server"
stopped=0
for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || { stopped=1; break; }; sleep 0.1; done
code=0
if [[ $stopped == 1 ]]; then wait "$server" || code=$?; server=""; fi
if [[ $stopped == 1 && $code == 0 ]]; then echo "  stopped, exit code 0"; else echo "  the server did not stop cleanly (stopped=$stopped, exit code $code)"; met=0; fi

if [[ $met == 1 ]]; then echo "load: every target met"; else echo "load: a target was missed (see above)"; exit 1; fi
