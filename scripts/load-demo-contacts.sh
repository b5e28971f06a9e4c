#!/usr/bin/env bash
# Registers demo e-mail contacts (example.org addresses, which maildev catches locally) for Mexico (Spanish), Brazil
# (Portuguese) and Haiti (French, with an English-speaking deputy), so the verdicts of the demo returns arrive in
# maildev's inbox, each in its contact's language.
# Usage: scripts/load-demo-contacts.sh URL ADMIN_KEY
set -euo pipefail
url="$1"; admin_key="$2"

contact() { # country email language role
  curl -fsS -o /dev/null -X POST "$url/api/admin/contacts" -H "X-Api-Key: $admin_key" -H "Content-Type: application/json" \
    -d "{\"country\":\"$1\",\"email\":\"$2\",\"language\":\"$3\",\"role\":\"$4\"}"
  printf '  %s  %-32s %s  %s\n' "$1" "$2" "$3" "$4"
}

echo "Registering demo e-mail contacts:"
contact MEX punto.focal@mexico.example.org es focalPoint
contact BRA ponto.focal@brasil.example.org pt focalPoint
contact HTI point.focal@haiti.example.org fr focalPoint
contact HTI deputy@haiti.example.org en deputy
