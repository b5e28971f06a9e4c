#!/usr/bin/env bash
# Runs the pipeline on this machine: Azurite (in memory), maildev (a mail catcher, in memory) and the local host on
# http://127.0.0.1:7071, which serves the Function App's routes, queues and schedule, and the web portal at
# /api/portal/. The pipeline's mails go to maildev, whose inbox page is printed at start. Ctrl-C stops all three.
#   ./run.sh          start, ready for an upload
#   ./run.sh --demo   also register demo e-mail contacts and load sample returns of three states in three languages
# The admin key is Observatory__AdminKey from the environment, or a new one printed at start.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
url="${OBSERVATORY_URL:-http://127.0.0.1:7071}"

echo "Installing tools and building..."
if [ ! -x node_modules/.bin/azurite ] || [ ! -x node_modules/.bin/maildev ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-fund --no-audit --loglevel=error
fi
dotnet build functions/Observatory.LocalHost -c Release --verbosity quiet -nologo

blob_port="$(scripts/free-port.sh 10000)"
scripts/azurite.sh start "$blob_port"
host_pid=""
smtp_port=""
stop() {
  trap - INT TERM EXIT
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  [ -n "$smtp_port" ] && scripts/maildev.sh stop "$smtp_port"
  scripts/azurite.sh stop "$blob_port"
  echo "Stopped."
}
trap stop INT TERM EXIT
# The mail catcher: SMTP on a free port, its inbox page on the next (free-port.sh finds three free in a row).
smtp_port="$(scripts/free-port.sh 1025)"
scripts/maildev.sh start "$smtp_port"
export Observatory__Smtp__Host=127.0.0.1 Observatory__Smtp__Port="$smtp_port" Observatory__Smtp__Security=None
export Observatory__Smtp__From="${Observatory__Smtp__From:-observatory@localhost.localdomain}"
export Observatory__Notifications__PublicUrl="$url"
export Observatory__Notifications__StaffAddresses="${Observatory__Notifications__StaffAddresses:-staff@observatory.example.org}"

export Storage="$(scripts/azurite-connection.sh "$blob_port")"
export AzureWebJobsStorage="$Storage"
if [ -z "${Observatory__AdminKey:-}" ]; then
  # 24 random bytes as 48 hex digits: always long enough (the host refuses an admin key under 24 characters).
  Observatory__AdminKey="admin-$(head -c 24 /dev/urandom | od -An -v -tx1 | tr -d ' \n')"
  generated_key=true
elif [ "${#Observatory__AdminKey}" -lt 24 ]; then
  echo "Observatory__AdminKey is set but shorter than 24 characters; set a longer key or unset it to have one generated." >&2
  exit 1
fi
export Observatory__AdminKey

dotnet functions/Observatory.LocalHost/bin/Release/net10.0/Observatory.LocalHost.dll --urls "$url" &
host_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "$url/api/catalog" -o /dev/null 2>/dev/null && break
  kill -0 "$host_pid" 2>/dev/null || { echo "The local host did not start." >&2; exit 1; }
  sleep 0.2
done

echo
echo "The pipeline is running at $url (Azurite on 127.0.0.1:$blob_port)."
echo "The web portal: $url/api/portal/"
# maildev 3.0.0 as published on npm serves its inbox as JSON (the list of mails, each with its subject, recipients and
# text); /api/email/<id>/html and /api/email/<id>/download show one mail.
echo "Mails sent (maildev's inbox): http://127.0.0.1:$((smtp_port + 1))/api/email"
if [ "${generated_key:-false}" = true ]; then
  echo "Admin key (generated for this run): $Observatory__AdminKey"
  echo "  export ADMIN_KEY='$Observatory__AdminKey'"
fi
if [ "$demo" = true ]; then
  scripts/load-demo-contacts.sh "$url" "$Observatory__AdminKey"
  scripts/load-demo.sh "$url" "$Observatory__AdminKey"
fi
echo "Press Ctrl-C to stop."
wait "$host_pid"
