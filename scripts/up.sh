#!/usr/bin/env bash
# npm run up: installs what is missing, migrates, seeds, builds and serves the console.
# Safe to run again: it keeps all data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
export NEXT_TELEMETRY_DISABLED=1
DEFAULT_ROOT_URL="mysql://root@127.0.0.1:3306/facet"
PORT="${PORT:-3000}"
HOST="${HOST:-0.0.0.0}"

ensure_node_modules
# The server's leader process starts it on a free loopback port for the uptime probes.
ensure_blackbox_exporter

# With no DATABASE_URL of its own (or the default root one), Facet runs as a least-privilege
# user `facet` on the `facet` database, made here with root and kept in .env.local.
if [ -z "${DATABASE_URL:-}" ] || [ "$DATABASE_URL" = "$DEFAULT_ROOT_URL" ]; then
  export DATABASE_URL="$DEFAULT_ROOT_URL"
  ensure_mariadb
  saved_password=$(sed -n 's/^FACET_DB_PASSWORD=//p' .env.local 2>/dev/null | head -n 1)
  log "making sure the least-privilege database user 'facet' exists"
  DATABASE_URL="$(FACET_DB_PASSWORD="$saved_password" npx tsx scripts/db-provision.ts "$DEFAULT_ROOT_URL" facet facet)"
  export DATABASE_URL
  password=$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).password))' "$DATABASE_URL")
  touch .env.local && chmod 600 .env.local
  sed -i '/^DATABASE_URL=/d;/^FACET_DB_PASSWORD=/d' .env.local
  printf 'FACET_DB_PASSWORD=%s\nDATABASE_URL=%s\n' "$password" "$DATABASE_URL" >>.env.local
else
  ensure_mariadb
fi

# A secret for sessions, generated once and kept in .env.local (read by Next at start).
if [ -z "${AUTH_SECRET:-}" ] && ! grep -q '^AUTH_SECRET=' .env.local 2>/dev/null; then
  log "generating AUTH_SECRET into .env.local"
  printf 'AUTH_SECRET=%s\n' "$(node -e 'console.log(require("crypto").randomBytes(33).toString("base64"))')" >>.env.local
  chmod 600 .env.local
fi

# The seed seals the sandbox's credentials with it, so the scripts need it too.
[ -n "${AUTH_SECRET:-}" ] || export AUTH_SECRET="$(grep '^AUTH_SECRET=' .env.local | head -n 1 | cut -d= -f2-)"

log "migrating $DATABASE_URL"
npx tsx scripts/migrate.ts
npx tsx --conditions=react-server scripts/seed.ts
# Alerts can go to a real Alertmanager out of the box (seed-demo adds a system channel for it).
start_local_alertmanager || true
npx tsx --conditions=react-server scripts/seed-demo.ts

log "building"
npm run --silent build >/dev/null

cat <<MSG

  Facet is starting on http://localhost:$PORT
  Sign in as admin with the password in FACET_ADMIN_PASSWORD (default: facet-admin,
  unless the admin user already existed).

MSG
# A minute of demo traffic once the server answers, so the telemetry pages have something to show.
if [ -s .facet/demo-ingest-token ] && [ "${FACET_DEMO_TRAFFIC:-on}" != off ]; then
  (
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 1; done
    npx tsx scripts/demo-traffic/run.ts --url "http://127.0.0.1:$PORT" --token "$(cat .facet/demo-ingest-token)" --seconds 60 >.facet/demo-traffic.log 2>&1
  ) &
fi
NODE_ENV=production exec node --import tsx scripts/server.ts -p "$PORT" -H "$HOST"
