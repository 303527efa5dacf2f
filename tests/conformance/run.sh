#!/usr/bin/env bash
# The conformance suite: Microsoft's Graph SDK and MSAL against `admin365 serve`.
#   tests/conformance/run.sh path/to/admin365
# Creates a fresh tenant (a verified domain, a subscription, two app registrations), a test
# certificate authority and a server certificate it signs, starts `admin365 serve` on a
# free port with that certificate (and a second one with a tiny throttle), runs
# `node --test` with NODE_EXTRA_CA_CERTS pointing at the CA, and stops the servers. Exits
# with the tests' status.
set -euo pipefail

admin365="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/admin365-conformance.XXXXXX")"
server_pids=()

cleanup() {
  for pid in "${server_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      wait "$pid" || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -d "$here/node_modules" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

data="$work/tenant"
cli() { "$admin365" --data-dir "$data" "$@"; }
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }

cli tenant init --name "Contoso" --domain contoso >/dev/null
cli domain add contoso.com >/dev/null
cli domain verify contoso.com >/dev/null
cli subscription add ENTERPRISEPACK --units 25 >/dev/null
app="$(cli -o json app add "Conformance")"
client_id="$(field clientId <<<"$app")"
client_secret="$(field clientSecret <<<"$app")"
cli app grant "$client_id" User.ReadWrite.All Group.ReadWrite.All Directory.ReadWrite.All \
  LicenseAssignment.ReadWrite.All UserAuthenticationMethod.ReadWrite.All \
  Organization.Read.All >/dev/null
reader="$(cli -o json app add "Conformance reader")"
reader_id="$(field clientId <<<"$reader")"
reader_secret="$(field clientSecret <<<"$reader")"
cli app grant "$reader_id" User.Read.All >/dev/null

# A certificate authority for this run and a server certificate for 127.0.0.1 it signs.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=admin365 conformance CA" \
  -keyout "$work/ca.key" -out "$work/ca.pem" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
  -keyout "$work/server.key" -out "$work/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' \
  >"$work/server.ext"
openssl x509 -req -days 2 -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
  -CAcreateserial -extfile "$work/server.ext" -out "$work/server.pem" 2>/dev/null

# start_server NAME ARGS...: starts `admin365 serve` on a free port with the test
# certificate; sets url to its base URL and adds its pid to server_pids.
start_server() {
  local name="$1"
  shift
  mkfifo "$work/$name.out"
  "$admin365" --data-dir "$data" serve --listen 127.0.0.1:0 \
    --cert "$work/server.pem" --key "$work/server.key" "$@" \
    >"$work/$name.out" 2>"$work/$name.log" &
  server_pids+=("$!")
  local first_line
  exec {fd}<"$work/$name.out"
  read -r -t 30 first_line <&"$fd" || { cat "$work/$name.log" >&2; exit 1; }
  url="${first_line#admin365 serving }"
}

start_server serve
main_url="$url"
# A second server on the same tenant whose throttle runs out after two GET /users.
printf '{"smallUnits": 4, "unitWindowSeconds": 2}' >"$work/throttle.json"
start_server throttled --throttle-config "$work/throttle.json"
throttled_url="$url"
echo "conformance: $main_url, throttled $throttled_url (tenant contoso.com)"

status=0
NODE_EXTRA_CA_CERTS="$work/ca.pem" ADMIN365_URL="$main_url" ADMIN365_TENANT=contoso.com \
  ADMIN365_THROTTLED_URL="$throttled_url" \
  ADMIN365_DOMAIN=contoso.com ADMIN365_CLIENT_ID="$client_id" \
  ADMIN365_CLIENT_SECRET="$client_secret" ADMIN365_READONLY_CLIENT_ID="$reader_id" \
  ADMIN365_READONLY_CLIENT_SECRET="$reader_secret" \
  node --test "$here"/*.test.mjs || status=$?

# Both servers must stop cleanly (exit 0) on SIGTERM.
for pid in "${server_pids[@]}"; do
  kill -TERM "$pid"
  wait "$pid" || status=1
done
server_pids=()
exit "$status"
