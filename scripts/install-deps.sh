#!/usr/bin/env bash
# Installs what admin365 needs to build and test on Debian 12 (bookworm).
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config git
  libsqlite3-dev sqlite3 libsodium-dev libcli11-dev libfmt-dev libspdlog-dev
  libboost1.81-dev libboost-json1.81-dev libcsv-dev libicu-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libssl-dev openssl curl libcurl4-openssl-dev ca-certificates  # npm ci and curl over TLS
  iproute2 util-linux  # ip and unshare: the conformance suite's private network namespace
  clang-16 libclang-rt-16-dev  # libFuzzer, for scripts/fuzz.sh
)

# Node.js runs the conformance tests (tests/conformance: Microsoft's Graph SDK and MSAL).
# Debian's nodejs and npm unless a Node.js is already installed (e.g. from NodeSource).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The conformance tests' npm packages, exactly as package-lock.json pins them.
conformance="$(cd "$(dirname "$0")/.." && pwd)/tests/conformance"
if [ ! -d "$conformance/node_modules" ] ||
  [ "$conformance/package-lock.json" -nt "$conformance/node_modules/.package-lock.json" ]; then
  (cd "$conformance" && npm ci --no-audit --no-fund --loglevel=error)
fi
