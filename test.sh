#!/usr/bin/env bash
# Runs every test of the pipeline: unit tests, integration tests against an Azurite of its own (in memory, on free
# ports, stopped at the end), the local host's tests, the web portal's tests in headless Chromium and the
# infrastructure checks.
# Installs what it needs first (npm ci for Azurite, Chart.js and the browser tests' packages; Debian's chromium and
# r-cran-rsdmx when they are missing; dotnet restore). Ends with the line "N passed, N failed".
# npm ci (mostly disk) runs while the core and its unit tests compile (mostly processor). The test phases run one after
# the other: the browser tests run beside the .NET tests made both slower on two cores.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
results="$root/.run/test-results"
rm -rf "$results" && mkdir -p "$results"

echo "== installing tools and packages"
npm_pid=""
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-fund --no-audit --loglevel=error >"$results/npm.log" 2>&1 &
  npm_pid=$!
fi
# Debian's packages the browser tests and the SDMX check need, in one apt-get run (about a minute the first time).
missing=()
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! Rscript -e 'library(rsdmx)' >/dev/null 2>&1; then missing+=(r-cran-rsdmx); fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "== installing ${missing[*]} (Debian packages)"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } >"$results/apt.log" 2>&1 \
      || tail -n 20 "$results/apt.log"
  else
    echo "${missing[*]} missing: install with 'apt-get install --no-install-recommends ${missing[*]}' (as root)"
  fi
fi
dotnet restore Pipeline.sln --verbosity quiet || { echo "restore failed"; echo "0 passed, 1 failed"; exit 1; }
# The core and its unit tests need nothing from npm; the Function App embeds Chart.js, so the rest waits for npm ci.
dotnet build tests/Observatory.Core.Tests --no-restore -c Release --verbosity quiet -nologo || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
if [ -n "$npm_pid" ] && ! wait "$npm_pid"; then
  cat "$results/npm.log"; echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1
fi
dotnet build Pipeline.sln --no-restore -c Release --verbosity quiet -nologo || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

echo "== build done after ${SECONDS} s"

echo "== starting Azurite"
blob_port="$(scripts/free-port.sh 10000)"
scripts/azurite.sh start "$blob_port" || { echo "Azurite did not start"; echo "0 passed, 1 failed"; exit 1; }
trap 'scripts/azurite.sh stop "$blob_port"' EXIT
export OBSERVATORY_TEST_STORAGE="$(scripts/azurite-connection.sh "$blob_port")"

echo "== dotnet test"
# The SDMX tests leave the sample snapshot's structure.xml and observations.sdmx.csv here for the check in R below.
export OBSERVATORY_SDMX_SAMPLE_DIR="$results/sdmx"
dotnet test Pipeline.sln --no-build -c Release --logger "trx" --results-directory "$results"
dotnet_status=$?
echo "== dotnet test done after ${SECONDS} s"

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A test run that crashed before writing its results counts as a failure.
if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo "== SDMX structure read by R's rsdmx"
# Debian's r-cran-rsdmx (installed above) reads the structure.xml that the SDMX tests exported.
if [ -f "$OBSERVATORY_SDMX_SAMPLE_DIR/structure.xml" ] && Rscript -e 'library(rsdmx)' >/dev/null 2>&1; then
  Rscript tests/sdmx/check-rsdmx.R "$OBSERVATORY_SDMX_SAMPLE_DIR" 2>&1 | tee "$results/rsdmx.log"; rsdmx_status=${PIPESTATUS[0]}
else
  echo "rsdmx: 0 passed, 1 failed (no structure.xml exported, or rsdmx not installed)" | tee "$results/rsdmx.log"; rsdmx_status=1
fi
rsdmx_line="$(grep -E '^rsdmx: [0-9]+ passed, [0-9]+ failed' "$results/rsdmx.log" | tail -n 1)"
rp="$(sed -n 's/^rsdmx: \([0-9]*\) passed.*/\1/p' <<<"$rsdmx_line")"
rf="$(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$rsdmx_line")"
passed=$((passed + ${rp:-0})); failed=$((failed + ${rf:-0}))
if [ "$rsdmx_status" -ne 0 ] && [ "${rf:-0}" -eq 0 ]; then failed=$((failed + 1)); fi

if [ -x tests/portal/run.sh ]; then
  echo "== web portal in headless Chromium after ${SECONDS} s"
  # Its own Azurite and local host (the Release build made above); its last line is "portal: N passed, N failed".
  tests/portal/run.sh --no-build 2>&1 | tee "$results/portal.log"; portal_status=${PIPESTATUS[0]}
  portal_line="$(grep -E '^portal: [0-9]+ passed, [0-9]+ failed' "$results/portal.log" | tail -n 1)"
  pp="$(sed -n 's/^portal: \([0-9]*\) passed.*/\1/p' <<<"$portal_line")"
  pf="$(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$portal_line")"
  passed=$((passed + ${pp:-0})); failed=$((failed + ${pf:-0}))
  if [ "$portal_status" -ne 0 ] && [ "${pf:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
fi

if [ -x infra/check.sh ]; then
  echo "== infrastructure checks after ${SECONDS} s"
  infra_output="$(infra/check.sh 2>&1)"; infra_status=$?
  echo "$infra_output"
  infra_line="$(grep -E '^infra: [0-9]+ passed, [0-9]+ failed' <<<"$infra_output" | tail -n 1)"
  ip="$(sed -n 's/^infra: \([0-9]*\) passed.*/\1/p' <<<"$infra_line")"
  if_="$(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$infra_line")"
  passed=$((passed + ${ip:-0})); failed=$((failed + ${if_:-0}))
  if [ "$infra_status" -ne 0 ] && [ "${if_:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
fi

echo "== all done after ${SECONDS} s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
