#!/usr/bin/env bash
# Browser tests of the web portal: headless Chromium (Debian's package, driven by playwright-core) against the local
# host (the Release build) over an Azurite of their own, both on free ports and stopped at the end. The data is loaded
# through the API first (support/seed.mjs); screenshots of each page go to docs/portal/.
#   tests/portal/run.sh              build the local host (Release), then test
#   tests/portal/run.sh --no-build   use the build that is there (./test.sh has just built it)
# Installs what it needs: chromium (apt-get, when /usr/bin/chromium is missing and CHROMIUM_PATH names no other
# build) and the npm packages (npm ci).
# Prints, as its last line, "portal: N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
logs="$root/.run/portal"
mkdir -p "$logs"
fail() { echo "$1" >&2; echo "portal: 0 passed, 1 failed"; exit 1; }

# CHROMIUM_PATH may name another Chromium build (support/browser.mjs uses it); by default Debian's package is used.
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "== installing chromium (Debian package)"
  if [ "$(id -u)" -ne 0 ]; then fail "/usr/bin/chromium is missing: install it with 'apt-get install chromium' (as root)"; fi
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; } >"$logs/apt.log" 2>&1 \
    || { tail -n 20 "$logs/apt.log" >&2; fail "chromium could not be installed"; }
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-fund --no-audit --loglevel=error || fail "npm ci failed"
fi
if [ "$build" = true ]; then
  dotnet build functions/Observatory.LocalHost -c Release --verbosity quiet -nologo || fail "the local host did not build"
fi
host_dll="functions/Observatory.LocalHost/bin/Release/net10.0/Observatory.LocalHost.dll"
[ -f "$host_dll" ] || fail "$host_dll is missing: build it (dotnet build functions/Observatory.LocalHost -c Release)"

blob_port="$(scripts/free-port.sh 10400)" || fail "no free ports for Azurite"
scripts/azurite.sh start "$blob_port" || fail "Azurite did not start"
host_pid=""
stop() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  scripts/azurite.sh stop "$blob_port"
}
trap stop EXIT

host_port="$(scripts/free-port.sh 7400)" || fail "no free port for the local host"
export Storage="$(scripts/azurite-connection.sh "$blob_port")"
export AzureWebJobsStorage="$Storage"
export Observatory__AdminKey="portal-test-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
export PORTAL_BASE_URL="http://127.0.0.1:$host_port"
export PORTAL_ADMIN_KEY="$Observatory__AdminKey"
dotnet "$host_dll" --urls "$PORTAL_BASE_URL" >"$logs/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "$PORTAL_BASE_URL/api/catalog" -o /dev/null 2>/dev/null && break
  kill -0 "$host_pid" 2>/dev/null || { tail -n 30 "$logs/host.log" >&2; fail "the local host did not start"; }
  sleep 0.2
done

echo "== loading the test data through the API ($PORTAL_BASE_URL)"
node tests/portal/support/seed.mjs || { tail -n 30 "$logs/host.log" >&2; fail "the test data could not be loaded"; }

[ -x "$chromium" ] || fail "$chromium is missing"
echo "== browser tests (headless $("$chromium" --version 2>/dev/null | head -n 1))"
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$logs/results.tap" \
  tests/portal/*.test.mjs
status=$?

passed="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$logs/results.tap" | tail -n 1)"
failed="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$logs/results.tap" | tail -n 1)"
passed="${passed:-0}"; failed="${failed:-0}"
# A run that ended without its summary (a crash) counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "portal: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
