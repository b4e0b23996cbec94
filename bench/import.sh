#!/usr/bin/env bash
# Import benchmark (issue: files to the store). For 10,000, 50,000 and 150,000 children over five
# returns: writes the synthetic council, times parsing alone, then the whole import into a new SQLite
# database, with peak memory. Usage: bench/import.sh [children ...]   (after ./corparent.sh test or demo)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get install -y -qq time >/dev/null; }
cmake --build build -j 2 --target corparent parse_bench >/dev/null

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 50000 150000)
work=$(mktemp -d /tmp/corparent-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

printf '%-9s %9s %8s %12s %10s %10s\n' children "CSV MB" rows "import s" "peak MB" "parse s"
for n in "${sizes[@]}"; do
  build/corparent synth --out "$work/$n" --children "$n" --first-year 2021 --last-year 2025 --seed 7 >/dev/null
  mb=$(du -sm "$work/$n" | cut -f1)
  parse=$(build/parse_bench "$work/$n")
  rm -f "$work/$n.db"*
  /usr/bin/time -f '%e %M' -o "$work/time" build/corparent import --db "$work/$n.db" --all "$work/$n" --show 0 >/dev/null
  read -r seconds kb < "$work/time"
  rows=$(echo "$parse" | sed -E 's/.* returns, ([0-9]+) rows.*/\1/')
  parse_s=$(echo "$parse" | sed -E 's/.* MB in ([0-9.]+) s.*/\1/')
  printf '%-9s %9s %8s %12s %10s %10s\n' "$n" "$mb" "$rows" "$seconds" "$((kb / 1024))" "$parse_s"
  echo "  $parse"
  rm -rf "$work/$n" "$work/$n.db"*
done
