#!/usr/bin/env bash
# `admin365 serve` under many connections: the memory that idle TLS keep-alive connections
# hold and whether it is returned after they close, then wrk with many keep-alive clients.
#   bench/server_connections.sh path/to/admin365 [idle connections] [wrk connections] [seconds]
# Idle connections are opened by python3's ssl module from 127.0.0.1, each after one
# GET /health; the server's resident memory (VmRSS) is read before, while they are open,
# and 3 s after they all closed. Results go to docs/benchmarks.md.
set -euo pipefail

admin365="$(realpath "$1")"
idle="${2:-2000}"
clients="${3:-1000}"
seconds="${4:-10}"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/admin365-bench.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$admin365" --data-dir "$work/tenant" tenant init --name "Bench" --domain bench >/dev/null
mkfifo "$work/serve.out"
"$admin365" --data-dir "$work/tenant" serve --listen 127.0.0.1:0 \
  --max-connections-per-address $((idle > clients ? idle + 16 : clients + 16)) \
  >"$work/serve.out" 2>/dev/null &
server_pid=$!
exec 3<"$work/serve.out"
read -r -t 30 first_line <&3
url="${first_line#admin365 serving }"
port="${url##*:}"
rss() { awk '/VmRSS/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$server_pid/status"; }

echo "== $idle idle TLS keep-alive connections"
echo "server at start: $(rss)"
python3 - "$port" "$idle" "$work/tenant/tls-cert.pem" "$server_pid" <<'PY'
import socket, ssl, sys, time
port, count, ca, pid = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
context = ssl.create_default_context(cafile=ca)
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return f"{int(line.split()[1]) / 1024:.1f} MiB"
held = []
for _ in range(count):
    s = context.wrap_socket(socket.create_connection(("127.0.0.1", port)),
                            server_hostname="localhost")
    s.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
    s.recv(4096)
    held.append(s)
time.sleep(1)
print(f"server with {count} open: {rss()}")
for s in held:
    s.close()
time.sleep(3)
print(f"server 3 s after they closed: {rss()}")
PY

echo "== GET /health: $clients keep-alive connections, ${seconds}s"
wrk -t2 -c"$clients" -d"${seconds}s" --latency "$url/health" |
  grep -E 'Requests/sec|50%|99%|Non-2xx|errors'
sleep 3
echo "server 3 s after wrk: $(rss)"
