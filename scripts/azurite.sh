#!/usr/bin/env bash
# Starts Azurite in memory on 127.0.0.1 and waits until its three ports answer.
# Usage: scripts/azurite.sh start [blob-port] ; scripts/azurite.sh stop
# The queue and table ports follow the blob port (+1, +2). The pid is kept in .run/azurite.<port>.pid.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-start}"
blob_port="${2:-10000}"
queue_port=$((blob_port + 1))
table_port=$((blob_port + 2))
pid_file="$root/.run/azurite.$blob_port.pid"
mkdir -p "$root/.run"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$command" in
  start)
    if [ ! -x "$root/node_modules/.bin/azurite" ]; then
      (cd "$root" && npm ci --no-fund --no-audit --loglevel=error)
    fi
    for port in "$blob_port" "$queue_port" "$table_port"; do
      if port_open "$port"; then echo "port $port is already in use; stop what holds it or pick another blob port" >&2; exit 1; fi
    done
    "$root/node_modules/.bin/azurite" --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck \
      --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
      --tableHost 127.0.0.1 --tablePort "$table_port" >"$root/.run/azurite.$blob_port.log" 2>&1 &
    echo $! >"$pid_file"
    for _ in $(seq 1 300); do
      if port_open "$blob_port" && port_open "$queue_port" && port_open "$table_port"; then exit 0; fi
      if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then cat "$root/.run/azurite.$blob_port.log" >&2; exit 1; fi
      sleep 0.1
    done
    echo "Azurite did not open its ports within 30 s" >&2; exit 1 ;;
  stop)
    if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi ;;
  *) echo "usage: $0 start|stop [blob-port]" >&2; exit 2 ;;
esac
