#!/usr/bin/env bash
# Configures and builds admin365 in build/<kind> (kind: release or asan).
#   scripts/build.sh release [targets...]
set -euo pipefail
cd "$(dirname "$0")/.."
# Paths relative to the checkout, so that clones and worktrees share ccache's results.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
kind="${1:-release}"
shift || true

case "$kind" in
  release) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan) flags=(-DCMAKE_BUILD_TYPE=Debug -DADMIN365_SANITIZE=ON -DADMIN365_BUILD_BENCHMARKS=OFF) ;;
  *) echo "usage: $0 release|asan [targets...]" >&2; exit 2 ;;
esac

cmake -S . -B "build/$kind" -G Ninja "${flags[@]}" >/dev/null
ninja -C "build/$kind" -j "$(nproc)" "$@"
