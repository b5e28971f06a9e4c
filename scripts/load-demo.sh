#!/usr/bin/env bash
# Loads the sample returns of Mexico (Spanish), Brazil (Portuguese) and Haiti (French) for 2025 into a running
# pipeline, through its public API, waits until each is accepted, and publishes the 2025 open-data snapshot.
# Usage: scripts/load-demo.sh URL ADMIN_KEY
set -euo pipefail
url="$1"; admin_key="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
xlsx="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The value of a string property in a one-line JSON document.
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

issue_key() {
  curl -fsS -X POST "$url/api/admin/keys" -H "X-Api-Key: $admin_key" -H "Content-Type: application/json" \
    -d "{\"country\":\"$1\",\"label\":\"demo focal point\"}" | json_field key
}

upload() { # country file content-type
  local key; key="$(issue_key "$1")"
  local id; id="$(curl -fsS -X POST "$url/api/submissions?country=$1&year=2025" -H "X-Api-Key: $key" \
    -H "Content-Type: $3" --data-binary "@$root/samples/$2" | json_field id)"
  local status=queued
  for _ in $(seq 1 100); do
    status="$(curl -fsS "$url/api/submissions/$id" -H "X-Api-Key: $key" | json_field status)"
    case "$status" in accepted|rejected|failed) break ;; esac
    sleep 0.3
  done
  printf '  %s  %-28s %s  (key for %s: %s)\n' "$1" "$2" "$status" "$1" "$key"
}

echo "Loading the demo returns for 2025:"
upload MEX mexico-2025-es.xlsx "$xlsx"
upload BRA brasil-2025-pt.csv "text/csv"
upload HTI haiti-2025-fr.xlsx "$xlsx"

echo "Publishing the 2025 open-data snapshot:"
version="$(curl -fsS -X POST "$url/api/snapshots/2025" -H "X-Api-Key: $admin_key" | json_field version)"
echo "  version $version; download the data with:"
echo "  curl -O $url/api/opendata/2025/latest/observations.csv"
