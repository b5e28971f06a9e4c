#!/usr/bin/env bash
# Restores the data account's tables from a nightly backup (the BackupTables function writes one to the "backups"
# container every night: one JSON-lines file per table and a manifest with each file's rows and SHA-256).
# Every file is checked against the manifest before anything is written; then each entity is written back with its
# keys, properties and types, replacing an entity with the same keys. docs/deploy.md, "Restore from a backup".
#
#   scripts/restore-tables.sh --account stobsdata<token> --list                 # the complete backups, newest first
#   scripts/restore-tables.sh --account stobsdata<token> --backup 20261202T023000Z --tables observations --exact
#   Storage="<connection string>" scripts/restore-tables.sh                     # Azurite: the latest backup, every table
#
# Options: --list, --backup NAME|latest (default latest), --tables a,b (default all), --exact (also delete entities
# the backup does not have), --account NAME (reach the account with your Azure sign-in: `az login`, and a role that
# may read blobs and write tables, e.g. Storage Blob Data Reader and Storage Table Data Contributor), --no-build
# (use the Release build already made by ./test.sh or dotnet build). Without --account, the connection "Storage"
# from the environment is used. Exit status: 0 restored, 1 refused or failed (nothing of a damaged backup is
# written), 2 wrong arguments.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/functions/Observatory.TableRestore"
program="$project/bin/Release/net10.0/Observatory.TableRestore.dll"

build=true
arguments=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) arguments+=("$arg") ;;
  esac
done

if [ "$build" = true ]; then
  dotnet build "$project" -c Release --verbosity quiet -nologo >&2
elif [ ! -f "$program" ]; then
  echo "restore-tables: $program is missing; run without --no-build" >&2
  exit 2
fi
exec dotnet "$program" "${arguments[@]}"
