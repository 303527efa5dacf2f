#!/usr/bin/env bash
# The conformance suite: Microsoft's Graph SDK and MSAL against `admin365 serve`.
#   tests/conformance/run.sh path/to/admin365
# Creates a fresh tenant (a verified domain, a subscription, two app registrations), a test
# certificate authority and a server certificate it signs, starts `admin365 serve` on a
# free port with that certificate, runs `node --test` with NODE_EXTRA_CA_CERTS pointing at
# the CA, and stops the server. Exits with the tests' status.
set -euo pipefail

admin365="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/admin365-conformance.XXXXXX")"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" || true
  fi
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

mkfifo "$work/serve.out"
"$admin365" --data-dir "$data" serve --listen 127.0.0.1:0 \
  --cert "$work/server.pem" --key "$work/server.key" \
  >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!
exec 3<"$work/serve.out"
read -r -t 30 first_line <&3 || { cat "$work/serve.log" >&2; exit 1; }
url="${first_line#admin365 serving }"
echo "conformance: $url (tenant contoso.com)"

status=0
NODE_EXTRA_CA_CERTS="$work/ca.pem" ADMIN365_URL="$url" ADMIN365_TENANT=contoso.com \
  ADMIN365_DOMAIN=contoso.com ADMIN365_CLIENT_ID="$client_id" \
  ADMIN365_CLIENT_SECRET="$client_secret" ADMIN365_READONLY_CLIENT_ID="$reader_id" \
  ADMIN365_READONLY_CLIENT_SECRET="$reader_secret" \
  node --test "$here"/*.test.mjs || status=$?

kill -TERM "$server_pid"
wait "$server_pid" || status=1
server_pid=""
exec 3<&-
exit "$status"
