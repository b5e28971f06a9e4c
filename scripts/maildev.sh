#!/usr/bin/env bash
# Starts maildev, the local mail catcher, in memory on 127.0.0.1 and waits until its ports answer: SMTP on the given
# port, its inbox page (and API) on the next one. The pipeline's mails go there instead of out.
# Usage: scripts/maildev.sh start [smtp-port] ; scripts/maildev.sh stop [smtp-port]
# The pid is kept in .run/maildev.<port>.pid.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-start}"
smtp_port="${2:-1025}"
web_port=$((smtp_port + 1))
pid_file="$root/.run/maildev.$smtp_port.pid"
mkdir -p "$root/.run"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$command" in
  start)
    if [ ! -x "$root/node_modules/.bin/maildev" ]; then
      (cd "$root" && npm ci --no-fund --no-audit --loglevel=error)
    fi
    for port in "$smtp_port" "$web_port"; do
      if port_open "$port"; then echo "port $port is already in use; stop what holds it or pick another SMTP port" >&2; exit 1; fi
    done
    "$root/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$smtp_port" --web-ip 127.0.0.1 --web "$web_port" \
      >"$root/.run/maildev.$smtp_port.log" 2>&1 &
    echo $! >"$pid_file"
    for _ in $(seq 1 300); do
      if port_open "$smtp_port" && port_open "$web_port"; then exit 0; fi
      if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then cat "$root/.run/maildev.$smtp_port.log" >&2; exit 1; fi
      sleep 0.1
    done
    echo "maildev did not open its ports within 30 s" >&2; exit 1 ;;
  stop)
    if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi ;;
  *) echo "usage: $0 start|stop [smtp-port]" >&2; exit 2 ;;
esac
