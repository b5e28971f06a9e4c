#!/usr/bin/env python3
"""Proves that infra/check.sh's checks bite: each case breaks one promise in a copy of the
repository (one text replaced in one file), checks the copy, and passes only if the check named
for that promise fails there. A check that could not fail, or a case whose text no longer exists
in the file (the promise moved), fails here.

A case that changes the template (a .bicep or .bicepparam of main.bicep) evaluates the variant named
on the copy as `infra/check.sh --quick --variants <variant> --no-operations` would (build-params
and snapshot, through infra/evaluate.py, then infra/promises.py). A case that changes the
workflow, the docs, azd's files or the CI principal's access runs infra/operations.py on the copy
with the evaluated deployments of the unchanged repository (re-evaluating ci-access.bicep when it
or roles.bicep changed), which saves minutes of Bicep evaluations. The workers evaluate through
one long-running Bicep server (infra/bicep_rpc.py), started once: on two busy cores a second server
cost more CPU (its own start and warm-up) than it saved, while two workers still overlap one
case's copying and checking with another's evaluation.

Usage: mutations.py ROOT EVALUATED [CASE...]
  EVALUATED  the folder where infra/check.sh evaluated the unchanged parameter sets
             (main.<variant>.snapshot.json, ci-access.snapshot.json)
The Bicep CLI is $BICEP, or else the one `infra/check.sh --bicep-path` gives. The parameter files
read the OBSERVATORY_* variables set, or else the placeholders of infra/evaluate.py.
Prints "PASS mutation <case>: <the failure it caused>" or "FAIL mutation <case>: <why>" per case,
and exits non-zero when one fails. Cases run WORKERS at a time (MUTATION_WORKERS, default 2)
through SERVERS Bicep servers (MUTATION_SERVERS, default 1).
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import evaluate  # noqa: E402
from bicep_rpc import Bicep, BicepError  # noqa: E402

# Cases run at once, and the Bicep servers they share.
WORKERS = int(os.environ.get("MUTATION_WORKERS", "2"))
SERVERS = int(os.environ.get("MUTATION_SERVERS", "1"))

# What a copy of the repository needs for infra/check.sh: the template and its checks, the
# workflow, azd's file, the docs they are checked against, the Function App's project file.
COPIED = ["infra", ".github", "azure.yaml", "docs/deploy.md", "README.md",
          "functions/Observatory.Functions/Observatory.Functions.csproj"]

# (case, file, text, replacement, variants evaluated, the FAIL line expected)
CASES = [
    ("production without alert recipients", "infra/main.prod.bicepparam",
     "readEnvironmentVariable('OBSERVATORY_ALERT_EMAILS')", "''", "prod",
     r"FAIL snapshot prod(?s:.*)alertEmailAddresses"),
    ("production without a key administrator", "infra/main.prod.bicepparam",
     "readEnvironmentVariable('OBSERVATORY_KEY_ADMINISTRATOR')", "''", "prod",
     r"FAIL snapshot prod(?s:.*)keyAdministratorPrincipalId"),
    ("production without an operator group, guard removed from the template", "infra/main.bicep",
     "empty(operatorGroupPrincipalId) ? 'operatorGroupPrincipalId' : ''", "''", "prod",
     r"FAIL production-fails-closed \(prod\)"),
    ("log alert query validated again", "infra/modules/alerts.bicep",
     "skipQueryValidation: true", "skipQueryValidation: false", "prod-options",
     r"FAIL alerts-first-deployment"),
    ("poison alert resolving itself", "infra/modules/alerts.bicep",
     "    autoMitigate: false\n    skipQueryValidation: true", "    autoMitigate: true\n    skipQueryValidation: true", "prod-options",
     r"FAIL alerts-poison-and-failures .*autoMitigate"),
    ("timer alert without the backup", "infra/modules/alerts.bicep",
     '"CompileScheduledSnapshot", "BackupTables"', '"CompileScheduledSnapshot"', "prod-options",
     r"FAIL alerts-operations .*scheduled functions"),
    ("no 5xx alert", "infra/modules/alerts.bicep",
     "| where toint(ResultCode) >= 500", "| where toint(ResultCode) >= 400", "prod-options",
     r"FAIL alerts-operations .*5xx"),
    ("no host start alert", "infra/modules/alerts.bicep",
     "startswith \"Host.Startup\"\n    or Message has \"A host error has occurred during startup\"\n    or OuterMessage has \"A host error has occurred during startup\"",
     "startswith \"Host\"", "prod-options", r"FAIL alerts-operations .*host failing to start"),
    ("no daily cap alert", "infra/modules/alerts.bicep",
     '| where Detail has "OverQuota"', '| where Detail has "Quota"', "prod-options",
     r"FAIL alerts-operations .*daily log cap"),
    ("availability test of another route", "infra/modules/alerts.bicep",
     "/api/catalog'\n      HttpVerb", "/api/ping'\n      HttpVerb", "prod-options", r"FAIL alerts-operations .*availability test"),
    ("budget not following its parameter", "infra/modules/alerts.bicep",
     "amount: monthlyBudget", "amount: monthlyBudget * 2", "prod-options", r"FAIL budget-monthly"),
    ("queue role granted on the host account", "infra/modules/hostStorage.bicep",
     "  builtInRoles.storageBlobDataOwner\n", "  builtInRoles.storageBlobDataOwner\n  builtInRoles.storageQueueDataContributor\n",
     "prod-options", r"FAIL identity-roles-exact .*Storage ?Queue ?Data ?Contributor on stobshost|FAIL identity-roles-exact .*storageQueueDataContributor on stobshost"),
    ("operator group may write blobs", "infra/modules/operatorAccess.bicep",
     "  builtInRoles.storageBlobDataReader\n", "  builtInRoles.storageBlobDataContributor\n", "prod-options",
     r"FAIL (operator-read-roles|identity-roles-exact)"),
    ("blob reads not logged", "infra/modules/dataStorage.bicep",
     "      { category: 'StorageRead', enabled: true }\n", "", "prod-options", r"FAIL audit-logs .*StorageRead"),
    ("Key Vault audit not logged", "infra/modules/keyVault.bicep",
     "{ categoryGroup: 'audit', enabled: true }", "{ categoryGroup: 'audit', enabled: false }", "prod-options",
     r"FAIL audit-logs .*Key Vault"),
    ("backups deletable before their retention", "infra/modules/dataStorage.bicep",
     "immutabilityPeriodSinceCreationInDays: backupRetentionDays", "immutabilityPeriodSinceCreationInDays: 1", "prod-options",
     r"FAIL backups-write-once"),
    ("backup schedule not a schedule", "infra/modules/functionApp.bicep",
     "Observatory__BackupSchedule: backupSchedule", "Observatory__BackupSchedule: '${backupSchedule} *'", "prod-options",
     r"FAIL settings-pipeline-values .*BackupSchedule"),
    ("no infrastructure encryption", "infra/modules/dataStorage.bicep",
     "requireInfrastructureEncryption: true", "requireInfrastructureEncryption: false", "prod-options",
     r"FAIL infrastructure-encryption"),
    ("environment names limited again", "infra/main.bicep",
     "@minLength(2)\n@maxLength(16)\nparam environmentName string", "@allowed(['dev', 'prod'])\nparam environmentName string", "dev",
     r"FAIL environment-name-free"),
    ("CI principal may assign Owner", "infra/modules/roles.bicep",
     "  builtInRoles.communicationAndEmailServiceOwner\n]", "  builtInRoles.communicationAndEmailServiceOwner\n  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'\n]", "prod-options",
     r"FAIL ci-assignable-roles-limited: .*8e3af657"),
    ("CI principal's role assignments unconditioned", "infra/ci-access.bicep",
     "    condition: replace(onlyTemplateRoles, '{ROLES}', '{${assignable}}')\n", "    condition: empty(assignable) ? onlyTemplateRoles : null\n", "prod-options",
     r"FAIL ci-assignable-roles-limited: .*condition"),
    ("deployment without the lock state read from Azure", ".github/workflows/ci.yml",
     "            --parameters snapshotImmutabilityLocked=${{ steps.state.outputs.snapshotImmutabilityLocked }} \\\n            --parameters budgetStartDate=${{ steps.state.outputs.budgetStartDate }} \\\n            --query",
     "            --parameters budgetStartDate=${{ steps.state.outputs.budgetStartDate }} \\\n            --query",
     "prod-options", r"FAIL deployed-state-from-azure: .*snapshotImmutabilityLocked"),
    ("deployment without the budget's start date read from Azure", ".github/workflows/ci.yml",
     "            --parameters budgetStartDate=${{ steps.state.outputs.budgetStartDate }} \\\n            --query", "            --query",
     "prod-options", r"FAIL deployed-state-from-azure: .*budgetStartDate"),
    ("what-if output not kept", ".github/workflows/ci.yml",
     "          path: |\n            what-if.txt\n            what-if.json", "          path: test-results", "prod-options",
     r"FAIL ci-what-if-before-production: .*artifact"),
    ("a deployment named per tag", ".github/workflows/ci.yml",
     "create \\\n            --resource-group \"$AZURE_RESOURCE_GROUP\" \\\n            --name observatory",
     "create \\\n            --resource-group \"$AZURE_RESOURCE_GROUP\" \\\n            --name \"observatory-${GITHUB_REF_NAME}\"",
     "prod-options", r"FAIL one-deployment-name: .*ci\.yml"),
    ("docs reading the outputs of an unnamed deployment", "docs/deploy.md",
     'APP="$(az deployment group show -g "$RG" -n observatory', 'APP="$(az deployment group show -g "$RG"', "prod-options",
     r"FAIL one-deployment-name: .*docs/deploy\.md"),
    ("no rollback to a tag", ".github/workflows/ci.yml",
     "      tag:\n        description", "      release:\n        description", "prod-options", r"FAIL ci-rollback-to-a-tag:"),
    ("azd deploying production", "infra/main.parameters.json",
     '"production": { "value": false }', '"production": { "value": true }', "prod-options", r"FAIL azd-dev-environment:"),
    ("docs not starting with azd up", "docs/deploy.md",
     "azd up        # asks", "azd provision # asks", "prod-options", r"FAIL docs-deploy-runbook: .*azd up"),
]


OPERATIONS_FILES = (".github/", "docs/", "README.md", "azure.yaml", "infra/main.parameters.json", "infra/deployed-state.sh", "infra/ci-access.bicep", "infra/modules/roles.bicep")


class Servers:
    """At most `count` Bicep servers, started on the first evaluations, shared by the workers in
    turn (a server takes one request at a time), all closed at the end."""

    def __init__(self, cli, count):
        self.cli = cli
        self.count = count
        self.local = threading.local()
        self.started = []
        self.assigned = 0
        self.closed = False
        self.lock = threading.Lock()

    def get(self):
        if getattr(self.local, "bicep", None) is None:
            with self.lock:
                if self.closed:
                    raise BicepError("the Bicep servers were stopped")
                if len(self.started) < self.count:
                    self.started.append(Bicep(self.cli, env=evaluate.server_environment()))
                self.local.bicep = self.started[self.assigned % len(self.started)]
                self.assigned += 1
        return self.local.bicep

    def close(self):
        with self.lock:
            self.closed = True
        for bicep in self.started:
            bicep.close()


def indented(path, copy):
    """A log's lines, indented, with the copy's infra/ shown as infra/ (as infra/check.sh shows them)."""
    with open(path, encoding="utf-8") as f:
        return "".join("  " + line.replace(copy + "/infra/", "infra/") for line in f)


def check_template(servers, copy, variants):
    """What `infra/check.sh --quick --variants <variants> --no-operations` reports on the copy."""
    infra, out = os.path.join(copy, "infra"), os.path.join(copy, "evaluated")
    os.makedirs(out)
    evaluate.write_variants(infra)
    output, status = [], 0
    for variant in variants.split():
        step, log = evaluate.evaluate_variant(servers.get(), infra, out, variant)
        if step:
            output.append(f"FAIL {step} {variant}\n" + indented(log, copy))
            status = 1
            continue
        output.append(f"PASS build-params and snapshot {variant}\n")
        result = subprocess.run([sys.executable, os.path.join(infra, "promises.py"), evaluate.environment_of(variant),
                                 os.path.join(infra, f"main.{variant}.snapshot.json"),
                                 os.path.join(out, f"{variant}.parameters.json"),
                                 os.path.join(out, f"{variant}.template.json"), variant],
                                capture_output=True, text=True, timeout=300)
        output.append(result.stdout + result.stderr)
        if result.returncode != 0:
            status = 1
            if "FAIL " not in result.stdout:
                output.append(f"FAIL promises {variant}: the checker stopped with status {result.returncode}\n")
    return status, "".join(output)


def check_operations(servers, copy, evaluated, relative):
    """infra/operations.py on the copy; ci-access evaluated again when what it reads changed."""
    ci_access = os.path.join(evaluated, "ci-access.snapshot.json")
    if relative in ("infra/ci-access.bicep", "infra/modules/roles.bicep"):
        out = os.path.join(copy, "evaluated")
        os.makedirs(out)
        if not evaluate.evaluate_ci_access(servers.get(), os.path.join(copy, "infra"), out):
            return 1, "FAIL snapshot ci-access\n" + indented(os.path.join(out, "ci-access.log"), copy)
        ci_access = os.path.join(copy, "infra", "ci-access.snapshot.json")
    mains = sorted(os.path.join(evaluated, f) for f in os.listdir(evaluated) if re.match(r"main\..+\.snapshot\.json$", f))
    result = subprocess.run([sys.executable, os.path.join(copy, "infra", "operations.py"), copy, ci_access, *mains],
                            capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout + result.stderr


def run_case(root, evaluated, servers, case):
    name, relative, text, replacement, variants, expected = case
    with tempfile.TemporaryDirectory(prefix="infra-mutation-") as copy:
        for item in COPIED:
            source, target = os.path.join(root, item), os.path.join(copy, item)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            (shutil.copytree if os.path.isdir(source) else shutil.copy2)(source, target)
        path = os.path.join(copy, relative)
        with open(path, encoding="utf-8") as f:
            content = f.read()
        if text not in content:
            return f"FAIL mutation {name}: {relative} no longer contains the text this case replaces; update the case"
        with open(path, "w", encoding="utf-8") as f:
            f.write(content.replace(text, replacement, 1))
        try:
            if relative.startswith(OPERATIONS_FILES):
                status, output = check_operations(servers, copy, evaluated, relative)
            else:
                status, output = check_template(servers, copy, variants)
        except (OSError, subprocess.SubprocessError, BicepError) as error:
            return f"FAIL mutation {name}: the check could not run: {error}"
        match = re.search(expected, output)
        if match and status != 0:
            first = match.group(0).splitlines()[0]
            return f"PASS mutation {name}: {first[:140]}"
        failures = [line for line in output.splitlines() if line.startswith("FAIL ")]
        # With no FAIL line, the end of the output (a checker's traceback, the server's reason).
        last = [line.strip() for line in output.splitlines() if line.strip()][-2:]
        if not failures:
            return f"FAIL mutation {name}: expected /{expected}/, got no failure (status {status}): {' / '.join(last)[:300]}"
        # A failed evaluation says why on the indented line after its FAIL line.
        lines = output.splitlines()
        after = lines[lines.index(failures[0]) + 1:][:1]
        detail = f" ({after[0].strip()[:200]})" if after and after[0].startswith("  ") else ""
        return f"FAIL mutation {name}: expected /{expected}/, got {failures[:3]}{detail}"


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, evaluated = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    cases = [c for c in CASES if len(argv) == 3 or c[0] in argv[3:]]
    cli = os.environ.get("BICEP") or subprocess.run(
        ["bash", os.path.join(root, "infra", "check.sh"), "--bicep-path"], capture_output=True, text=True, check=True).stdout.strip()
    servers = Servers(cli, SERVERS)
    pool = ThreadPoolExecutor(max_workers=WORKERS)

    # Stopped (infra/check.sh ending first): no case started any more, the servers closed (an
    # evaluation under way fails at once), the copies removed.
    def stop(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, stop)
    try:
        lines = list(pool.map(lambda c: run_case(root, evaluated, servers, c), cases))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        servers.close()
        pool.shutdown(wait=True)
    for line in lines:
        print(line)
    return 0 if all(line.startswith("PASS") for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
