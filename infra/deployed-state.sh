#!/usr/bin/env bash
# Reads what a redeployment must carry over from the resources already deployed, and prints it as
# the template's parameters, one "name=value" a line (GitHub Actions step outputs):
#   snapshotImmutabilityLocked  true once the snapshots container's policy is locked: Azure refuses
#                               to write a locked policy, so the template must then leave it out
#   budgetStartDate             the existing budget's start date: Azure refuses to change it
#                               ("Start date of budgets cannot be updated"); this month's first day
#                               when there is no budget yet
# Usage: infra/deployed-state.sh <resource-group> <environment-name>   (CI, before what-if and create)
#        infra/deployed-state.sh --azd     (azd's preprovision hook: AZURE_RESOURCE_GROUP and
#                                           AZURE_ENV_NAME, written back with `azd env set`)
# Needs the Azure CLI signed in. A resource group that does not exist yet reads as a first deployment.
set -euo pipefail

azd_mode=false
if [ "${1:-}" = "--azd" ]; then
  azd_mode=true
  group="${AZURE_RESOURCE_GROUP:-}"
  environment="${AZURE_ENV_NAME:?AZURE_ENV_NAME is not set}"
else
  group="${1:?usage: infra/deployed-state.sh <resource-group> <environment-name>}"
  environment="${2:?usage: infra/deployed-state.sh <resource-group> <environment-name>}"
fi
environment="$(tr '[:upper:]' '[:lower:]' <<<"$environment")"

locked=false
start="$(date -u +%Y-%m-01)"
if [ -n "$group" ] && [ "$(az group exists --name "$group" 2>/dev/null)" = "true" ]; then
  data="$(az storage account list -g "$group" --query "[?starts_with(name, 'stobsdata')].name | [0]" -o tsv 2>/dev/null || true)"
  if [ -n "$data" ]; then
    state="$(az storage container immutability-policy show -g "$group" --account-name "$data" -c snapshots \
      --query state -o tsv 2>/dev/null || true)"
    [ "$state" = "Locked" ] && locked=true
  fi
  existing="$(az consumption budget show --budget-name "observatory-$environment-monthly" --resource-group "$group" \
    --query timePeriod.startDate -o tsv 2>/dev/null || true)"
  [ -n "$existing" ] && start="${existing:0:10}"
fi

if [ "$azd_mode" = true ]; then
  azd env set OBSERVATORY_BUDGET_START_DATE "$start"
  echo "budget start date: $start (the snapshots policy is locked: $locked)" >&2
else
  echo "snapshotImmutabilityLocked=$locked"
  echo "budgetStartDate=$start"
fi
