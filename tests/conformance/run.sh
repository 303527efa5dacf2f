#!/usr/bin/env bash
# The conformance suite: Microsoft's Graph SDK, MSAL and CLI for Microsoft 365 against
# `admin365 serve`.
#   tests/conformance/run.sh path/to/admin365 [test files...]   (default: every *.test.mjs)
# Installs the pinned clients (npm ci) if needed, then re-runs itself in private mount and
# network namespaces (unshare; no privilege needed): the network has only loopback, so
# nothing can leave the machine, and /etc/hosts is a file of the run's own, bind-mounted,
# that resolves graph.microsoft.com and login.microsoftonline.com to 127.0.0.1 (CLI for
# Microsoft 365 hard-codes both). There it creates a fresh tenant (a verified domain, a
# subscription, two app registrations), a test certificate authority and a server
# certificate it signs for 127.0.0.1 and those two names, starts `admin365 serve` on
# 127.0.0.1:443 with that certificate (and a second one, on a free port, with a tiny
# throttle), runs `node --test` with NODE_EXTRA_CA_CERTS pointing at the CA, and stops the
# servers. Exits with the tests' status.
set -euo pipefail

admin365="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
tests=("${@:2}")
[ "${#tests[@]}" -gt 0 ] || tests=("$here"/*.test.mjs)

if [ ! -x "$here/node_modules/.bin/m365" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ -z "${ADMIN365_CONFORMANCE_NAMESPACE:-}" ]; then
  ADMIN365_CONFORMANCE_NAMESPACE=1 exec unshare --map-root-user --mount --net "$0" "$@"
fi
ip link set lo up

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

printf '127.0.0.1 localhost graph.microsoft.com login.microsoftonline.com\n::1 localhost\n' \
  >"$work/hosts"
mount --bind "$work/hosts" /etc/hosts

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
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:graph.microsoft.com,DNS:login.microsoftonline.com\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' \
  >"$work/server.ext"
openssl x509 -req -days 2 -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
  -CAcreateserial -extfile "$work/server.ext" -out "$work/server.pem" 2>/dev/null

# start_server NAME ADDRESS ARGS...: starts `admin365 serve` on ADDRESS with the test
# certificate; sets url to its base URL and adds its pid to server_pids.
start_server() {
  local name="$1" address="$2"
  shift 2
  mkfifo "$work/$name.out"
  "$admin365" --data-dir "$data" serve --listen "$address" \
    --cert "$work/server.pem" --key "$work/server.key" "$@" \
    >"$work/$name.out" 2>"$work/$name.log" &
  server_pids+=("$!")
  local first_line
  exec {fd}<"$work/$name.out"
  read -r -t 30 first_line <&"$fd" || { cat "$work/$name.log" >&2; exit 1; }
  url="${first_line#admin365 serving }"
}

start_server serve 127.0.0.1:443
# Clients leave the default port out of Host, so the server's links have none either.
main_url="${url%:443}"
# A second server on the same tenant whose throttle runs out after two GET /users.
printf '{"smallUnits": 4, "unitWindowSeconds": 2}' >"$work/throttle.json"
start_server throttled 127.0.0.1:0 --throttle-config "$work/throttle.json"
throttled_url="$url"
echo "conformance: $main_url, throttled $throttled_url (tenant contoso.com)"

status=0
NODE_EXTRA_CA_CERTS="$work/ca.pem" ADMIN365_URL="$main_url" ADMIN365_TENANT=contoso.com \
  ADMIN365_THROTTLED_URL="$throttled_url" \
  ADMIN365_DOMAIN=contoso.com ADMIN365_CLIENT_ID="$client_id" \
  ADMIN365_CLIENT_SECRET="$client_secret" ADMIN365_READONLY_CLIENT_ID="$reader_id" \
  ADMIN365_READONLY_CLIENT_SECRET="$reader_secret" \
  node --test "${tests[@]}" || status=$?

# Both servers must stop cleanly (exit 0) on SIGTERM.
for pid in "${server_pids[@]}"; do
  kill -TERM "$pid"
  wait "$pid" || status=1
done
server_pids=()
exit "$status"
