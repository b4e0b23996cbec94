#!/usr/bin/env bash
# The survey under load: 200 children sending complete surveys at the same moment.
#
#   bench/survey_load.sh            # after ./corparent.sh test (or demo) has built build/corparent
#
# Makes a fresh SQLite database in a temporary folder with the demo council, opens a survey round for
# 11-18 (the longest version) and makes one code a child, serves it on a free 127.0.0.1 port, and runs
# bench/survey_submissions.mjs: every child at once opens /survey, types their code, answers every page
# and sends it. Then counts, in the database, the responses sent and the answers stored: each survey must
# be stored exactly once, none lost. Prints request latency (p50, p90, p99) and the counts.
# Exits 0 when every survey was stored exactly once and p99 is under 500 ms.
# Settings (environment): CORPARENT_BIN (build/corparent), CHILDREN (200), SURVEY_DB (a PostgreSQL
# connection string to use instead of SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(realpath "${CORPARENT_BIN:-build/corparent}")
children=${CHILDREN:-200}
fail() { echo "survey load: FAILED: $*" >&2; exit 1; }
[[ -x $bin ]] || fail "no corparent binary at $bin: build it first (./corparent.sh test)"
command -v node >/dev/null || fail "node is needed"

work=$(mktemp -d /tmp/corparent-survey-load.XXXXXX)
server=""
cleanup() {
  if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db=${SURVEY_DB:-$work/survey.db}
echo "== the demo council into $db"
(cd "$work" && "$bin" synth --out council --children 3000 --seed 331 >/dev/null && "$bin" import --db "$db" --all council >/dev/null) \
  || fail "could not load the demo council"
today=$(date -u +%F)
closes=$(date -u -d '+30 days' +%F)
round=$("$bin" survey open --db "$db" --name "Load test" --opens "$today" --closes "$closes" --versions 11-18 | sed -nE 's/^Opened round ([0-9]+).*/\1/p')
"$bin" survey codes --db "$db" --round "$round" --version 11-18 --count "$children" > "$work/codes.txt"

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$bin" serve --db "$db" --listen "127.0.0.1:$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done

echo "== $children children send complete surveys at once"
status=0
node bench/survey_submissions.mjs --base "http://127.0.0.1:$port" --codes "$work/codes.txt" | tee "$work/result.txt" || status=1
kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""

echo "== what the database holds"
"$bin" survey rounds --db "$db" | tee "$work/rounds.txt"
sent=$(sed -nE "s/^ +11-18 +sent +([0-9]+) of.*\(([0-9]+) started\).*/\1 \2/p" "$work/rounds.txt" | head -1)
read -r sent_count started_count <<< "$sent"
echo "responses stored: $started_count, sent: $sent_count (expected $children of each)"
[[ $sent_count == "$children" && $started_count == "$children" ]] || { echo "survey load: not every survey was stored exactly once" >&2; status=1; }
# Every child answered every question with its first answer: each indicator's denominator is the number
# of children, neither more (a page stored twice) nor fewer (an answer lost).
"$bin" survey results --db "$db" --round "$round" > "$work/results.csv"
check=$(node -e '
  const [file, n] = process.argv.slice(1);
  const text = require("fs").readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const rows = []; let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) { if (ch === "\"" && text[i + 1] === "\"") { field += ch; i++; } else if (ch === "\"") quoted = false; else field += ch; }
    else if (ch === "\"") quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += ch;
  }
  const all = rows.slice(1).filter((r) => r[4] === "All");
  const wrong = all.filter((r) => r[6] !== n).map((r) => `${r[0]}: ${r[6]}`);
  console.log(`${all.length - wrong.length} ${all.length} ${wrong.join("; ")}`);
' "$work/results.csv" "$children")
read -r right indicators wrong <<< "$check"
echo "indicators with every child's answer, once: $right of $indicators"
[[ -z $wrong && $indicators -gt 0 ]] || { echo "survey load: answers lost or doubled: $wrong" >&2; status=1; }
p99=$(sed -nE 's/.*p99 ([0-9.]+), max.*/\1/p' "$work/result.txt" | head -1)
if [[ -n $p99 ]] && awk -v p="$p99" 'BEGIN { exit !(p < 500) }'; then echo "p99 $p99 ms: under 500 ms"; else echo "p99 ${p99:-?} ms: target 500 ms missed" >&2; status=1; fi
exit $status
