#!/usr/bin/env bash
# Whole-program benchmark of bulk jobs: the real `admin365 bulk run` on a fresh embedded
# tenant, timed with /usr/bin/time (elapsed seconds and peak resident memory).
#   bench/bulk_jobs.sh [rows] [given-password rows]     (defaults: 100000 2000)
# Results and the machine: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
given="${2:-2000}"
scripts/build.sh release admin365 engine_throughput >/dev/null
bin="$PWD/build/release/src/cli/admin365"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ADMIN365_DATA_DIR="$work/data"

fresh_tenant() {
  rm -rf "$ADMIN365_DATA_DIR"
  "$bin" tenant init --name Contoso >/dev/null
  "$bin" domain add contoso.com >/dev/null   # a verified domain raises the quota to 300,000
  "$bin" domain verify contoso.com >/dev/null
}

# Entra bulk-create template with `count` rows; passwords given when $2 is "given".
entra_file() {
  local count="$1" passwords="$2" out="$3"
  {
    printf 'version:v1.0\r\n'
    printf 'Name [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,First name [givenName],Last name [surname],Job title [jobTitle],Department [department],Usage location [usageLocation]\r\n'
    awk -v n="$count" -v p="$passwords" 'BEGIN {
      for (i = 1; i <= n; i++) {
        pw = (p == "given") ? sprintf("Vq7#mLp2xT9!%d", i) : ""
        printf "User %d,user%d@contoso.com,%s,No,First%d,Last%d,Engineer,Dept%d,US\r\n", i, i, pw, i, i, i % 50
      }
    }'
  } >"$out"
}

timed() {  # label rows command...
  local label="$1" count="$2"; shift 2
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>&1 || true  # exit 9: rows failed
  local report seconds kib
  report=$(tail -1 "$work/time")
  seconds="${report%% *}" kib="${report##* }"
  awk -v l="$label" -v n="$count" -v s="$seconds" -v k="$kib" \
    'BEGIN { printf "| %s | %d | %.2f s | %.0f rows/s | %.0f MiB |\n", l, n, s, n / s, k / 1024 }'
}

echo "| job | rows | time | rate | peak memory |"
echo "|---|---|---|---|---|"
fresh_tenant
entra_file "$given" given "$work/given.csv"
timed "create, Entra template, given passwords (Argon2id)" "$given" "$bin" bulk run create "$work/given.csv"
fresh_tenant
entra_file "$rows" generated "$work/generated.csv"
timed "create, Entra template, generated passwords" "$rows" "$bin" bulk run create "$work/generated.csv"
awk -v n="$rows" 'BEGIN { print "userPrincipalName"; for (i = 1; i <= n; i++) printf "user%d@contoso.com\n", i }' >"$work/keys.csv"
timed "block" "$rows" "$bin" bulk run block "$work/keys.csv"
awk -v n="$rows" 'BEGIN { print "userPrincipalName,department,jobTitle"; for (i = 1; i <= n; i++) printf "user%d@contoso.com,Sales%d,Manager\n", i, i % 7 }' >"$work/attributes.csv"
timed "update (department, jobTitle)" "$rows" "$bin" bulk run update "$work/attributes.csv"
small=$((rows / 10))
head -n $((small + 1)) "$work/keys.csv" >"$work/keys-small.csv"
timed "unblock (a tenth of the file: memory check)" "$small" "$bin" bulk run unblock "$work/keys-small.csv"
echo
echo "Bare Argon2id on the same cores:"
build/release/bench/engine_throughput --chosen 200 --generated 0 --list-users 0 | grep -i 'bare'
