#!/usr/bin/env bash
# Replays the fresh-machine promise of `npm run up`: a clone with no node_modules (and, with
# --stop-mariadb, no running MariaDB) comes up, serves the console, and a second run keeps the
# data created in between. Uses the default database `facet`; run it on a disposable machine.
set -euo pipefail
PORT="${PORT:-3300}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$(mktemp -d /tmp/facet-fresh-XXXX)"
[ "${1:-}" = --stop-mariadb ] && { mariadb-admin shutdown 2>/dev/null || true; sleep 2; }

git clone -q "$REPO" "$DIR/facet"
cd "$DIR/facet"
wait_up() { for _ in $(seq 1 400); do curl -sf "localhost:$PORT/api/health" >/dev/null && return 0; sleep 1; done; return 1; }

(PORT=$PORT npm run up >"$DIR/up1.log" 2>&1 &)
wait_up || { tail -30 "$DIR/up1.log"; exit 1; }
TOKEN=$(curl -s "localhost:$PORT/api/v1/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"${FACET_ADMIN_PASSWORD:-facet-admin}\"}" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
# The first visit finds telemetry: up sends a minute of demo traffic once the server answers.
DEMO="localhost:$PORT/api/v1/tenants/demo/projects/shop/environments/demo-dev"
for i in $(seq 1 90); do
  n=$(curl -s "$DEMO/traces?limit=5" -H "Authorization: Bearer $TOKEN" | node -pe 'try { JSON.parse(require("fs").readFileSync(0)).traces.length } catch { 0 }')
  [ "$n" -gt 0 ] && { echo "demo traces: $n after ${i}s"; break; }
  [ "$i" = 90 ] && { echo "no demo traces after 90 s"; tail -20 .facet/demo-traffic.log; exit 1; }
  sleep 1
done
fuser -k "$PORT/tcp" >/dev/null 2>&1; sleep 1

(PORT=$PORT npm run up >"$DIR/up2.log" 2>&1 &)
wait_up || { tail -30 "$DIR/up2.log"; exit 1; }
# The token issued by the first run lives in the database: it still works after the second.
curl -sf "localhost:$PORT/api/v1/me" -H "Authorization: Bearer $TOKEN" && echo
fuser -k "$PORT/tcp" >/dev/null 2>&1
echo "fresh up: ok ($DIR)"
