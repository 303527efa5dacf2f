#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with Debian's clang 16 under ASan+UBSan in
# build/fuzz and runs each for a bounded time from its seed corpus (two at a time).
#   scripts/fuzz.sh [seconds per target, default 60]
# A crash fails the run; its input is left in build/fuzz/crashes/ to become a regression
# test (fuzz/corpus/<target>/ and a unit test of the component).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
seconds="${1:-60}"

cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 \
  -DADMIN365_FUZZ=ON -DADMIN365_BUILD_TESTS=OFF -DADMIN365_BUILD_BENCHMARKS=OFF \
  -DADMIN365_FUZZ_SECONDS="$seconds" >/dev/null
ninja -C build/fuzz -j "$(nproc)" user_csv_fuzzer filter_fuzzer token_request_fuzzer \
  jwt_fuzzer batch_fuzzer json_body_fuzzer
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/fuzz --output-on-failure -j "$(nproc)"
