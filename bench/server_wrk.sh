#!/usr/bin/env bash
# `admin365 serve` under wrk: GET /v1.0/users/{upn} and GET /health over TLS keep-alive.
#   bench/server_wrk.sh path/to/admin365 [seconds] [connections]
# A fresh tenant with 1,000 users (generated passwords), an app with User.Read.All, the
# server on a free port with its own certificate; wrk (Debian's `wrk` package) sends the
# app's bearer token on every request. Results go to docs/benchmarks.md.
set -euo pipefail

admin365="$(realpath "$1")"
seconds="${2:-10}"
connections="${3:-8}"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/admin365-bench.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cli() { "$admin365" --data-dir "$work/tenant" "$@"; }
cli tenant init --name "Bench" --domain bench >/dev/null
for i in $(seq 1 1000); do
  cli user add --upn "user$i@bench.onmicrosoft.com" --display-name "User $i" \
    --department "Dept $((i % 10))" >/dev/null
done
app="$(cli -o json app add "wrk")"
client_id="$(sed -n 's/.*"clientId":"\([^"]*\)".*/\1/p' <<<"$app")"
client_secret="$(sed -n 's/.*"clientSecret":"\([^"]*\)".*/\1/p' <<<"$app")"
cli app grant "$client_id" User.Read.All >/dev/null

mkfifo "$work/serve.out"
"$admin365" --data-dir "$work/tenant" serve --listen 127.0.0.1:0 >"$work/serve.out" 2>/dev/null &
server_pid=$!
exec 3<"$work/serve.out"
read -r -t 30 first_line <&3
url="${first_line#admin365 serving }"
token="$(curl -s --cacert "$work/tenant/tls-cert.pem" "$url/bench.onmicrosoft.com/oauth2/v2.0/token" \
  -d grant_type=client_credentials -d client_id="$client_id" \
  --data-urlencode "client_secret=$client_secret" \
  --data-urlencode scope=https://graph.microsoft.com/.default |
  sed 's/.*"access_token":"\([^"]*\)".*/\1/')"

for path in /health /v1.0/users/user500@bench.onmicrosoft.com "/v1.0/users?\$top=100"; do
  echo "== GET $path: $connections connections, ${seconds}s"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url$path" |
    grep -E 'Requests/sec|Transfer/sec|50%|99%|Non-2xx|errors'
done
