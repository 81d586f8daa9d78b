#!/usr/bin/env bash
# npm test: the whole suite on a throwaway database. Prints "N passed, N failed" at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
export NEXT_TELEMETRY_DISABLED=1 CI="${CI:-1}"

RESULTS=.test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RESULTS/steps.tsv"; }
# step NAME COMMAND...: a check that passes or fails as a whole.
step() {
  local name=$1; shift
  log "── $name"
  if "$@"; then record "$name" 1 0; else record "$name" 0 1; fi
}

ensure_node_modules
ensure_chromium
ensure_test_servers
export PATH="$PATH:/usr/sbin"
SERVER_URL="${FACET_TEST_DB_SERVER:-mysql://root@127.0.0.1:3306}"
export DATABASE_URL="$SERVER_URL/"
ensure_mariadb

TEST_DB="facet_test_$(date +%s)_$$"
# The app and the tests connect as a least-privilege user of the run's databases, as in production.
TEST_DB_USER="facet_t_$(date +%s)_$$"
APP_DATABASE_URL="$(npx tsx scripts/db-provision.ts "$SERVER_URL/" "$TEST_DB_USER" "$TEST_DB" "${TEST_DB}_unit")" || die "could not make the test database user"
export DATABASE_URL="$APP_DATABASE_URL"
UNIT_DATABASE_URL="${DATABASE_URL%/*}/${TEST_DB}_unit"
export AUTH_SECRET="$(node -e 'console.log(require("crypto").randomBytes(33).toString("base64"))')"
export FACET_ADMIN_PASSWORD="admin-$(node -e 'console.log(require("crypto").randomBytes(9).toString("hex"))')"
# Files Facet keeps (model blobs, generated configs): one folder per run, removed afterwards.
export FACET_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/facet-data-XXXXXX")"
export E2E_PORT="${E2E_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"

cleanup() {
  stop_local_alertmanager
  if [ "${KEEP_TEST_DB:-0}" != 1 ]; then
    DATABASE_URL="$SERVER_URL/$TEST_DB" node scripts/db-drop.mjs "$TEST_DB" >/dev/null 2>&1
    DATABASE_URL="$SERVER_URL/$TEST_DB" node scripts/db-drop.mjs "${TEST_DB}_unit" >/dev/null 2>&1
    npx tsx scripts/db-drop-user.ts "$SERVER_URL/" "$TEST_DB_USER" >/dev/null 2>&1
  fi
  rm -rf "$FACET_DATA_DIR"
  node scripts/summarize-tests.mjs "$RESULTS" | tee "$RESULTS/summary.txt"
}
trap cleanup EXIT

log "throwaway database $TEST_DB; e2e server on port $E2E_PORT"
# The e2e server's local Alertmanager: a free port and a throwaway directory of this run.
AM_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
start_local_alertmanager "$AM_PORT" "$(mktemp -d)" || true
step typecheck npx tsc --noEmit
step lint npx eslint .
step format npx prettier --check .
step "migrate and seed" bash -c "npx tsx scripts/migrate.ts && npx tsx --conditions=react-server scripts/seed.ts && npx tsx --conditions=react-server scripts/seed-demo.ts"

log "── vitest (unit and integration against MariaDB, on a database of its own)"
DATABASE_URL="$UNIT_DATABASE_URL" npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest.json" || true
[ -s "$RESULTS/vitest.json" ] || record "vitest did not report" 0 1

if step build npm run --silent build; then
  log "── playwright (api and ui against the built server)"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/playwright.json" npx playwright test || true
  [ -s "$RESULTS/playwright.json" ] || record "playwright did not report" 0 1
else
  record "playwright (not run: build failed)" 0 1
fi

node scripts/summarize-tests.mjs "$RESULTS" --check >/dev/null
