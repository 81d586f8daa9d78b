# Shared by up.sh and test.sh. Everything here is idempotent.

log() { printf '\033[1;34m[facet]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[facet] %s\033[0m\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/lib/alertmanager.sh
source "$(dirname "${BASH_SOURCE[0]}")/alertmanager.sh"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs the Debian packages given that are not installed yet.
ensure_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm dependencies from the lockfile, when missing or older than the lockfile.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Splits DATABASE_URL into DB_HOST DB_PORT DB_USER DB_PASS DB_NAME.
parse_database_url() {
  eval "$(node -e '
    const u = new URL(process.env.DATABASE_URL);
    const q = (s) => "\x27" + decodeURIComponent(s).replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
    console.log(`DB_HOST=${q(u.hostname)} DB_PORT=${q(u.port || "3306")} DB_USER=${q(u.username)} DB_PASS=${q(u.password)} DB_NAME=${q(u.pathname.slice(1))}`);
  ')"
}

# True when DATABASE_URL's server accepts its credentials over TCP.
db_reachable() { node scripts/db-ping.mjs >/dev/null 2>&1; }

wait_for() { # seconds command...
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do [ $SECONDS -ge $deadline ] && return 1; sleep 0.3; done
}

# MariaDB installed, running and accepting DATABASE_URL's credentials (started without systemd).
ensure_mariadb() {
  parse_database_url
  db_reachable && return 0
  case "$DB_HOST" in 127.0.0.1|localhost|::1) ;; *) die "cannot reach the database at $DB_HOST:$DB_PORT; start it or fix DATABASE_URL" ;; esac

  command -v mariadbd >/dev/null 2>&1 || ensure_apt mariadb-server
  if ! mariadb-admin ping >/dev/null 2>&1; then
    log "starting MariaDB (no systemd)"
    as_root mkdir -p /run/mysqld
    as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
    if [ ! -d /var/lib/mysql/mysql ]; then
      as_root mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    fi
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --port="$DB_PORT"
    wait_for 60 sh -c "mariadb-admin ping >/dev/null 2>&1" || die "MariaDB did not start; see /var/log/mysql/error.log"
  fi
  if ! db_reachable && [ "$DB_USER" = root ] && [ -z "$DB_PASS" ]; then
    # Debian's root signs in only over the socket; let it in over TCP with the empty password too.
    log "allowing root@localhost over TCP with an empty password (the default DATABASE_URL)"
    as_root mariadb -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;"
  fi
  wait_for 15 db_reachable || die "MariaDB runs but refuses $DB_USER@$DB_HOST:$DB_PORT; check DATABASE_URL"
}

# The real servers the suites start on loopback: Prometheus (metrics backend) and OpenLDAP
# (LDAP sign-in). Their Debian services are never started; tests run their own instances.
ensure_test_servers() {
  command -v prometheus >/dev/null 2>&1 || ensure_apt prometheus
  # Probes and alerts run against the real blackbox exporter and Alertmanager (started by
  # Facet's scripts and tests on loopback, never as system services).
  ensure_blackbox_exporter
  command -v prometheus-alertmanager >/dev/null 2>&1 || ensure_apt prometheus-alertmanager
  PATH="$PATH:/usr/sbin" command -v slapd >/dev/null 2>&1 || ensure_apt slapd
}

# The blackbox exporter Facet's probe scheduler runs (on loopback, with Facet's modules file).
ensure_blackbox_exporter() {
  command -v prometheus-blackbox-exporter >/dev/null 2>&1 || ensure_apt prometheus-blackbox-exporter
}

# Chromium from Debian for Playwright.
ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ensure_apt chromium
}
