# A local Alertmanager on loopback (Debian's prometheus-alertmanager, never its system service),
# for the seeded "local-alertmanager" system channel. Sourced by common.sh.

# start_local_alertmanager PORT DIR: starts it unless one already answers on PORT; exports
# FACET_LOCAL_ALERTMANAGER_URL (the server lets system channels reach exactly this origin) and
# sets LOCAL_ALERTMANAGER_PID when this call started it. Never fails the caller: without the
# binary or on a busy port it says so and returns 1.
start_local_alertmanager() {
  local port=${1:-${FACET_ALERTMANAGER_PORT:-9093}} dir=${2:-.facet/alertmanager}
  local url="http://127.0.0.1:$port"
  LOCAL_ALERTMANAGER_PID=""
  if curl -sf "$url/-/ready" >/dev/null 2>&1; then
    export FACET_LOCAL_ALERTMANAGER_URL="$url"
    return 0
  fi
  command -v prometheus-alertmanager >/dev/null 2>&1 || ensure_apt prometheus-alertmanager || {
    log "prometheus-alertmanager is not available; skipping the local Alertmanager"
    return 1
  }
  mkdir -p "$dir/data"
  cat >"$dir/alertmanager.yml" <<'YAML'
# Written by scripts/lib/alertmanager.sh: holds alerts for its UI and API; add receivers here.
route:
  receiver: "null"
  group_wait: 10s
  group_interval: 1m
  repeat_interval: 4h
receivers:
  - name: "null"
YAML
  log "starting a local Alertmanager on $url"
  # --cluster.listen-address= turns HA gossip off (it would listen on 0.0.0.0:9094).
  nohup prometheus-alertmanager --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= --log.level=warn \
    >"$dir/alertmanager.log" 2>&1 &
  LOCAL_ALERTMANAGER_PID=$!
  echo "$LOCAL_ALERTMANAGER_PID" >"$dir/pid"
  if wait_for 20 curl -sf "$url/-/ready" -o /dev/null; then
    export FACET_LOCAL_ALERTMANAGER_URL="$url"
    return 0
  fi
  log "the local Alertmanager did not become ready; see $dir/alertmanager.log"
  stop_local_alertmanager
  return 1
}

# Stops the Alertmanager this shell started (by its pid), if any.
stop_local_alertmanager() {
  if [ -n "${LOCAL_ALERTMANAGER_PID:-}" ]; then
    kill "$LOCAL_ALERTMANAGER_PID" 2>/dev/null || true
    LOCAL_ALERTMANAGER_PID=""
  fi
}
