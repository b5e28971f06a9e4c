#!/usr/bin/env bash
# Lints every .bicep and .bicepparam under infra/ with the Bicep CLI, builds and evaluates the
# template through one long-running Bicep server (infra/evaluate.py, infra/bicep_rpc.py), then
# checks each environment's evaluated deployment against the promises of docs/deploy.md
# (infra/promises.py), and the workflow, azure.yaml, the CI principal's access and the runbook
# (infra/operations.py).
# Then it proves that the checks bite: each case of infra/tests/mutations.py breaks one promise in
# a copy of the repository and must make a named check fail.
# Fails on any Bicep error and on any linter warning: a rule is relaxed only in
# infra/bicepconfig.json, with its reason. Prints one line per check; the last line is
# "infra: N passed, N failed". Needs dotnet (to fetch the Bicep CLI from NuGet once) and python3
# with PyYAML.
# "infra/check.sh --quick [--variants 'dev prod'] [--no-operations]" skips the lint and the
# mutation tests, evaluates only the variants named, and with --no-operations skips step 4 (the
# mutation tests run it so on their copies).
# "infra/check.sh --bicep-path" only installs the CLI and prints its path (the deploy workflow
# puts it on PATH so that az deploys with the very version tested here).
# Leaves the repository as it found it: the CLI goes to .tools/ (git-ignored), the rest to a
# temporary folder; every Bicep server started is stopped before it exits.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
infra="$root/infra"
bicep_version="0.49.2"
case "$(uname -m)" in
  x86_64) bicep_rid="linux-x64" ;;
  aarch64 | arm64) bicep_rid="linux-arm64" ;;
  *) echo "infra: no Bicep CLI package for $(uname -m)" >&2; echo "infra: 0 passed, 1 failed"; exit 1 ;;
esac
bicep_package="azure.bicep.commandline.$bicep_rid"
packages="$root/.tools/nuget"
bicep="$packages/$bicep_package/$bicep_version/tools/bicep"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
finish() { echo "infra: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
src="$work/infra"
# Lines of a log, indented, with the temporary copy of infra/ shown as infra/.
show() { sed -e "s|$src/|infra/|g" -e "s|$work/lint/infra/|infra/|g" -e 's/^/  /' "$1"; }

# The Bicep CLI ships in a NuGet package; a throwaway project outside the repository downloads it
# (PackageDownload: no build, no reference) into .tools/nuget, once.
install_bicep() {
  local project="$work/bicep-download"
  mkdir -p "$project"
  # Empty Directory.* files stop MSBuild from picking up any found in a parent folder.
  echo '<Project />' >"$project/Directory.Build.props"
  echo '<Project />' >"$project/Directory.Build.targets"
  echo '<Project />' >"$project/Directory.Packages.props"
  cat >"$project/bicep-download.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.$bicep_rid" Version="[$bicep_version]" /></ItemGroup>
</Project>
EOF
  dotnet restore "$project/bicep-download.csproj" --packages "$packages" --verbosity quiet >"$work/restore.log" 2>&1 \
    && chmod +x "$bicep"
}

quick=false
operations=true
variants="dev dev-named prod prod-options"
while [ $# -gt 0 ]; do
  case "$1" in
    --bicep-path) break ;;
    --quick) quick=true ;;
    --variants) variants="$2"; shift ;;
    --no-operations) operations=false ;;
    *) echo "infra/check.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "${1:-}" = "--bicep-path" ]; then
  if [ -x "$bicep" ] || install_bicep >&2; then echo "$bicep"; exit 0; fi
  cat "$work/restore.log" >&2; exit 1
fi

if [ ! -x "$bicep" ]; then
  if install_bicep; then
    echo "infra: installed the Bicep CLI (Azure.Bicep.CommandLine.$bicep_rid $bicep_version) from NuGet into .tools/nuget"
  else
    fail "bicep-cli: could not restore Azure.Bicep.CommandLine.$bicep_rid $bicep_version"
    show "$work/restore.log"
    finish
  fi
fi

# Work on a copy: the variants' parameter files and the snapshots are written beside the input.
cp -R "$infra" "$src"

# What CI reads from repository variables for production (infra/main.prod.bicepparam) and an
# Owner sets for the CI principal's access (infra/ci-access.bicepparam): placeholders here, from
# infra/evaluate.py's PLACEHOLDERS, each unless already set; read by the lint and by the Bicep server.
while IFS='=' read -r name value; do
  export "$name=${!name-$value}"
done < <(python3 "$infra/evaluate.py" --placeholders)

# 2-4 evaluate the template through one Bicep server (`bicep jsonrpc`, infra/bicep_rpc.py) that
# infra/evaluate.py starts once for all of them: the CLI takes seconds to start, a warm server
# under one to compile or evaluate. It writes each step's output only when the step succeeded, and
# its log (diagnostics as the CLI prints them, the reason of a failure) in any case. It runs while
# the lint does (each keeps about one core busy).
evaluate_options=(--variants "$variants")
[ "$quick" = false ] && evaluate_options+=(--build)
[ "$operations" = true ] && evaluate_options+=(--ci-access)
python3 "$infra/evaluate.py" "$bicep" "$src" "$work" "${evaluate_options[@]}" >"$work/evaluate.log" 2>&1 &
evaluate_pid=$!
# Stopped (its Bicep server with it) if this script ends first; so are the mutation tests (5).
mutations_pid=""
trap 'for pid in $evaluate_pid $mutations_pid; do kill "$pid" 2>/dev/null; done; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Bicep prints diagnostics as "<file>(<line>,<col>) : <Level> <code>: <message>".
diagnostics_for() { grep -F "$1(" "$2" | grep -E ') : (Error|Warning) ' | sed -e "s|$linted/|infra/|" | sort -u; }

# 1. Lint every .bicep and .bicepparam, each file reported on its own line. The lint reads a copy
# of its own, which the evaluation does not write to.
if [ "$quick" = false ]; then
linted="$work/lint/infra"
mkdir -p "$work/lint"
cp -R "$infra" "$linted"
# Dynamic PGO does not pay off in a process this short.
DOTNET_TieredPGO=0 "$bicep" lint --pattern "$linted/**/*.bicep" >"$work/lint.log" 2>&1
DOTNET_TieredPGO=0 "$bicep" lint --pattern "$linted/*.bicepparam" >>"$work/lint.log" 2>&1
mapfile -t sources < <(cd "$linted" && find . \( -name '*.bicep' -o -name '*.bicepparam' \) | sed 's|^\./||' | sort)
for file in "${sources[@]}"; do
  problems="$(diagnostics_for "$linted/$file" "$work/lint.log")"
  if [ -z "$problems" ]; then pass "lint infra/$file"; else fail "lint infra/$file"; echo "$problems" | sed 's/^/  /'; fi
done
# A failure of the linter itself (no diagnostics, yet no files linted) must not read as clean.
if grep -qvE '^\S.*\) : (Error|Warning|Info) |^$' "$work/lint.log"; then
  fail "lint: the Bicep CLI reported a problem"; show "$work/lint.log"
fi
fi

wait "$evaluate_pid"
evaluate_status=$?
evaluate_pid=""
# A step's log, or, when the evaluation stopped before writing it, what the evaluation printed.
show_step() { if [ -s "$1" ]; then show "$1"; else show "$work/evaluate.log"; fi; }

# 2. Compile the template. Warnings were counted by the lint above; an error stops here. (The quick
# mode takes the compiled template from build-params instead.)
if [ "$quick" = true ]; then :
elif [ -s "$work/main.json" ] && ! grep -qE ') : Error ' "$work/build.log"; then
  pass "build infra/main.bicep"
else
  fail "build infra/main.bicep"; show_step "$work/build.log"; finish
fi

# 5 (started here, reported last). The mutation tests need only the evaluated parameter sets: they
# run while the promises and the operations are checked.
if [ "$quick" = false ]; then
  BICEP="$bicep" python3 "$infra/tests/mutations.py" "$root" "$src" >"$work/mutations.log" 2>&1 &
  mutations_pid=$!
fi

# 3. Per environment: its parameters, its evaluated deployment, and the promises checked on both.
# "prod-options" is prod with every optional feature switched on (platform sign-in too), so the
# conditional parts of the template are checked; "dev-named" is dev under another environment
# name, as azd gives one, to show that names are free (both derived by infra/evaluate.py).
# The snapshot evaluates names and settings offline, for a placeholder subscription, tenant and
# group (rg-observatory-<env>).
snapshots=()
for variant in $variants; do
  env="${variant%%-*}"
  if [ ! -s "$work/$variant.parameters.json" ] || grep -qE ') : Error ' "$work/$variant.params.log"; then
    fail "build-params $variant"; show_step "$work/$variant.params.log"; continue
  fi
  if [ ! -s "$src/main.$variant.snapshot.json" ]; then
    fail "snapshot $variant"; show_step "$work/$variant.snapshot.log"; continue
  fi
  template="$work/main.json"
  [ "$quick" = true ] && template="$work/$variant.template.json"
  pass "build-params and snapshot $variant"
  snapshots+=("$src/main.$variant.snapshot.json")
  python3 "$infra/promises.py" "$env" "$src/main.$variant.snapshot.json" "$work/$variant.parameters.json" \
    "$template" "$variant" >"$work/$variant.promises.log" 2>&1
  status=$?
  while IFS= read -r line; do
    case "$line" in
      "PASS "*) pass "${line#PASS }" ;;
      "FAIL "*) fail "${line#FAIL }" ;;
      *) echo "  $line" ;;
    esac
  done <"$work/$variant.promises.log"
  # A crash of the checker (a traceback, no FAIL line) still fails the run.
  if [ "$status" -ne 0 ] && ! grep -q '^FAIL ' "$work/$variant.promises.log"; then
    fail "promises $variant: the checker stopped with status $status"
  fi
done

# 4. How it is deployed and operated: the workflow, azd, the CI principal's access, the runbook.
report() {
  while IFS= read -r line; do
    case "$line" in
      "PASS "*) pass "${line#PASS }" ;;
      "FAIL "*) fail "${line#FAIL }" ;;
      *) echo "  $line" ;;
    esac
  done <"$1"
}
if [ "$operations" = false ]; then :
elif [ -s "$src/ci-access.snapshot.json" ]; then
  python3 "$infra/operations.py" "$root" "$src/ci-access.snapshot.json" "${snapshots[@]}" >"$work/operations.log" 2>&1
  status=$?
  report "$work/operations.log"
  if [ "$status" -ne 0 ] && ! grep -q '^FAIL ' "$work/operations.log"; then
    fail "operations: the checker stopped with status $status"
  fi
else
  fail "snapshot ci-access"; show_step "$work/ci-access.log"
fi

# An evaluation that failed must have failed a step above; if it did not, it fails here.
if [ "$evaluate_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  fail "evaluate: infra/evaluate.py stopped with status $evaluate_status"; show "$work/evaluate.log"
fi

# 5. The checks bite: every mutation must make its check fail (infra/tests/mutations.py).
if [ "$quick" = false ]; then
  wait "$mutations_pid"
  status=$?
  mutations_pid=""
  report "$work/mutations.log"
  if [ "$status" -ne 0 ] && ! grep -q '^FAIL ' "$work/mutations.log"; then
    fail "mutations: the runner stopped with status $status"
  fi
fi

finish
