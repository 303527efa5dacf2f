#!/usr/bin/env bash
# Runs every test: installs the build dependencies, then builds and runs the whole suite
# twice, once optimised and once under AddressSanitizer + UndefinedBehaviorSanitizer, then
# fuzzes each libFuzzer target for 60 s (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

for kind in release asan; do
  echo "== $kind build =="
  scripts/build.sh "$kind"
  echo "== $kind tests =="
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "build/$kind" --output-on-failure -j "$(nproc)"
done

echo "== fuzzing =="
scripts/fuzz.sh 60
