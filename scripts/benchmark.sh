#!/usr/bin/env bash
# Runs the full benchmarks (tests/Observatory.Benchmarks) against an Azurite of their own (in memory, on free ports,
# stopped at the end) and writes docs/benchmarks.md. Takes about 15 to 20 minutes on two cores.
# Usage: scripts/benchmark.sh [--only reading,storing,compiling,end-to-end,dry-run,limits] [--output <file>]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-fund --no-audit --loglevel=error
fi
dotnet build tests/Observatory.Benchmarks -c Release --verbosity quiet -nologo

blob_port="$(scripts/free-port.sh 10000)"
scripts/azurite.sh start "$blob_port"
trap 'scripts/azurite.sh stop "$blob_port"' EXIT
export OBSERVATORY_BENCHMARK_STORAGE="$(scripts/azurite-connection.sh "$blob_port")"

dotnet run -c Release --no-build --project tests/Observatory.Benchmarks -- --full "$@"
