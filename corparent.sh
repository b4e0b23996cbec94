#!/usr/bin/env bash
# The two commands of the README:
#   ./corparent.sh demo   builds corparent and loads the demo council
#   ./corparent.sh test   builds corparent and runs every test
set -euo pipefail
cd "$(dirname "$0")"

jobs=$(nproc 2>/dev/null || echo 2)

build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j "$jobs" "$@"
}

case "${1:-}" in
  demo)
    shift
    scripts/setup
    build --target corparent
    exec build/corparent demo "$@"
    ;;
  test)
    shift
    scripts/setup --test
    build
    exec scripts/test "$@"
    ;;
  *)
    echo "usage: ./corparent.sh demo | test" >&2
    exit 2
    ;;
esac
