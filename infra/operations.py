#!/usr/bin/env python3
"""Checks the promises about how infra/ is deployed and operated, outside the template itself: the
CI workflow previews production with what-if and keeps the preview, reads the snapshots policy's
lock state from Azure, can roll back to a tag, and names every deployment "observatory" (as the
docs do); `azd up` provisions a development environment only; the CI principal may assign only the
roles the template assigns; docs/deploy.md covers the first deployment, rollback, restore and costs.

Usage: operations.py ROOT CI_ACCESS_SNAPSHOT MAIN_SNAPSHOT...
  ROOT                the repository (its .github/, azure.yaml, infra/ and docs/ are read)
  CI_ACCESS_SNAPSHOT  output of `bicep snapshot infra/ci-access.bicepparam`
  MAIN_SNAPSHOT       outputs of `bicep snapshot` of main.bicep's parameter sets; the roles they
                      assign are the roles the CI principal must be allowed to assign, no more

Prints "PASS <check>" or "FAIL <check>: <reason>" per check; exits non-zero when one fails.
"""
import json
import os
import re
import sys

import yaml

DEPLOYMENT_NAME = "observatory"
CI_ACCESS_DEPLOYMENT_NAME = "observatory-ci-access"
CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c"
USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c4a72458"
GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# What a redeployment must carry over from Azure (infra/deployed-state.sh writes both outputs).
DEPLOYED_STATE = {
    "snapshotImmutabilityLocked": re.compile(r"snapshotImmutabilityLocked=\$\{\{\s*steps\.state\.outputs\.snapshotImmutabilityLocked\s*\}\}"),
    "budgetStartDate": re.compile(r"budgetStartDate=\$\{\{\s*steps\.state\.outputs\.budgetStartDate\s*\}\}"),
}

CHECKS = []


def check(name):
    def register(function):
        CHECKS.append((name, function))
        return function
    return register


def require(condition, reason):
    if not condition:
        raise AssertionError(reason)


class Repository:
    def __init__(self, root, ci_access, mains):
        self.root = root
        self.ci_access = ci_access
        self.mains = mains

    def text(self, relative):
        with open(os.path.join(self.root, relative), encoding="utf-8") as f:
            return f.read()

    @property
    def workflow(self):
        return yaml.safe_load(self.text(".github/workflows/ci.yml"))

    def jobs(self):
        return self.workflow["jobs"]


def commands(text):
    """Shell commands of a text, with backslash continuations joined."""
    return re.sub(r"\\\n\s*", " ", text).splitlines()


def deployment_commands(text):
    return [c.strip() for c in commands(text) if re.search(r"\baz deployment group (create|what-if|show)\b", c)]


def deployment_name(command):
    match = re.search(r"(?:--name|-n)\s+\"?([^\s\"]+)\"?", command)
    return match.group(1) if match else None


def steps_running(job, pattern):
    return [s for s in job.get("steps", []) if re.search(pattern, s.get("run", "") or "")]


@check("ci-what-if-before-production")
def what_if(repo):
    jobs = repo.jobs()
    previews = {name: job for name, job in jobs.items() if steps_running(job, r"az deployment group what-if")}
    deploys = {name: job for name, job in jobs.items() if steps_running(job, r"az deployment group create")}
    require(previews, "no job previews the deployment with az deployment group what-if")
    require(deploys, "no job deploys the infrastructure")
    for name, job in deploys.items():
        needs = job.get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        require(any(p in needs for p in previews), f"job {name} deploys without needing the what-if job")
        require(job.get("environment") == "production", f"job {name} must deploy through the production environment (its reviewers)")
    for name, job in previews.items():
        require(job.get("environment") == "production", f"job {name} must run in the production environment")
        kept = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
        require(kept, f"job {name} does not keep the what-if output as an artifact")
        outputs = set(re.findall(r">\s*(\S+)|tee\s+(\S+)", "\n".join(s.get("run", "") for s in steps_running(job, r"what-if"))))
        written = {a or b for a, b in outputs}
        paths = str(kept[0].get("with", {}).get("path", ""))
        require(any(w in paths for w in written), f"the artifact of job {name} does not hold the what-if output ({sorted(written)})")
    return ", ".join(previews) + " before " + ", ".join(deploys)


@check("deployed-state-from-azure")
def deployed_state(repo):
    script = repo.text("infra/deployed-state.sh")
    require("immutability-policy show" in script and "Locked" in script, "infra/deployed-state.sh does not read the snapshots policy's state")
    require("consumption budget show" in script and "startDate" in script, "infra/deployed-state.sh does not read the budget's start date")
    for name, job in repo.jobs().items():
        deploying = steps_running(job, r"az deployment group (create|what-if)")
        for step in deploying:
            for command in deployment_commands(step["run"]):
                for parameter, pattern in DEPLOYED_STATE.items():
                    require(pattern.search(command), f"job {name}: {command[:60]}… must pass {parameter} as read from Azure")
        if deploying:
            readers = [s for s in job["steps"] if s.get("id") == "state" and "infra/deployed-state.sh" in (s.get("run") or "")]
            require(readers, f"job {name} does not read the deployed state (infra/deployed-state.sh) before deploying")
    hooks = yaml.safe_load(repo.text("azure.yaml")).get("hooks", {})
    require("deployed-state.sh" in str(hooks.get("preprovision", {}).get("run", "")), "azd does not read the deployed state before provisioning")
    parameters = json.loads(repo.text("infra/main.parameters.json"))["parameters"]
    require(parameters.get("budgetStartDate", {}).get("value") == "${OBSERVATORY_BUDGET_START_DATE}", "azd must pass the budget start date it read")
    return "lock state and budget start date"


@check("ci-rollback-to-a-tag")
def rollback(repo):
    workflow = repo.workflow
    triggers = workflow.get(True) or workflow.get("on")
    dispatch = (triggers or {}).get("workflow_dispatch") or {}
    require("tag" in (dispatch.get("inputs") or {}), "the workflow cannot be run by hand with a tag to roll back to")
    for name, job in repo.jobs().items():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                require("inputs.tag" in str(step.get("with", {}).get("ref", "")), f"job {name} does not check out the tag asked for")


@check("one-deployment-name")
def one_name(repo):
    found = 0
    for relative in (".github/workflows/ci.yml", "docs/deploy.md", "README.md", "infra/main.bicep", "infra/ci-access.bicep"):
        text = repo.text(relative)
        if relative.endswith(".md"):  # commands, not prose: the fenced code blocks
            text = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", text, re.S))
        for command in deployment_commands(text):
            found += 1
            expected = CI_ACCESS_DEPLOYMENT_NAME if "ci-access" in command else DEPLOYMENT_NAME
            require(deployment_name(command) == expected,
                    f"{relative}: '{command[:90]}' must name the deployment {expected}")
    require(found >= 3, "expected the workflow and docs to deploy and read the deployment")
    return f"{found} commands"


@check("azd-dev-environment")
def azd(repo):
    config = yaml.safe_load(repo.text("azure.yaml"))
    infra = config.get("infra", {})
    require(infra.get("provider", "bicep") == "bicep" and infra.get("path") == "infra" and infra.get("module") == "main",
            "azure.yaml must provision infra/main.bicep")
    service = config.get("services", {}).get("api", {})
    require(service.get("host") == "function" and service.get("language") == "dotnet", "azure.yaml's api service must be a .NET function app")
    project = os.path.normpath(os.path.join(repo.root, service.get("project", "")))
    require(os.path.isfile(os.path.join(project, "Observatory.Functions.csproj")), "azure.yaml's api service must be functions/Observatory.Functions")
    parameters = json.loads(repo.text("infra/main.parameters.json"))["parameters"]
    require(parameters.get("environmentName", {}).get("value") == "${AZURE_ENV_NAME}", "azd must name the environment after AZURE_ENV_NAME")
    require(parameters.get("production", {}).get("value", False) is False, "azd must never deploy production (production: false)")
    return "dev environments from azd"


@check("ci-assignable-roles-limited")
def ci_access(repo):
    assigned = set()
    for snapshot in repo.mains:
        for r in snapshot["predictedResources"]:
            if r["type"].lower() == "microsoft.authorization/roleassignments":
                assigned.add(r["properties"]["roleDefinitionId"].rsplit("/", 1)[-1])
    grants = [r for r in repo.ci_access["predictedResources"] if r["type"].lower() == "microsoft.authorization/roleassignments"]
    roles = {r["properties"]["roleDefinitionId"].rsplit("/", 1)[-1]: r for r in grants}
    require(set(roles) == {CONTRIBUTOR, USER_ACCESS_ADMINISTRATOR}, "the CI principal must hold exactly Contributor and User Access Administrator")
    uaa = roles[USER_ACCESS_ADMINISTRATOR]["properties"]
    condition = uaa.get("condition") or ""
    require(uaa.get("conditionVersion") == "2.0" and condition, "User Access Administrator must carry a condition (version 2.0)")
    clauses = re.findall(r"(@Request|@Resource)\[Microsoft\.Authorization/roleAssignments:RoleDefinitionId\] ForAnyOfAnyValues:GuidEquals \{([^}]*)\}", condition)
    require({kind for kind, _ in clauses} == {"@Request", "@Resource"}, "the condition must limit both assigning (write) and removing (delete)")
    for kind, values in clauses:
        allowed = set(GUID.findall(values))
        require(allowed == assigned, f"{kind}: the CI principal may assign {sorted(allowed - assigned)} that the template never assigns, "
                                     f"and not {sorted(assigned - allowed)} that it does")
    require("ActionMatches{'Microsoft.Authorization/roleAssignments/write'}" in condition
            and "ActionMatches{'Microsoft.Authorization/roleAssignments/delete'}" in condition, "the condition must name the write and delete actions")
    return f"{len(assigned)} assignable roles"


@check("docs-deploy-runbook")
def docs(repo):
    text = repo.text("docs/deploy.md")
    first_block = re.search(r"```[a-z]*\n(.*?)```", text, re.S)
    require(first_block and "azd up" in first_block.group(1), "docs/deploy.md must start with the azd up command")
    headings = [h.lower() for h in re.findall(r"^#+ (.+)$", text, re.M)]
    for topic in ("first production deployment", "roll back", "restore from a backup", "what it costs"):
        require(any(topic in h for h in headings), f"docs/deploy.md has no section on {topic!r}")
    require("scripts/restore-tables.sh" in text, "docs/deploy.md must show the restore script")
    require(re.search(r"at rest", text) and re.search(r"highest scale|most the plan", text), "docs/deploy.md must give the cost at rest and at the highest scale")


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    loaded = []
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            loaded.append(json.load(f))
    repo = Repository(argv[1], loaded[0], loaded[1:])
    failed = 0
    for name, function in CHECKS:
        try:
            note = function(repo)
            print(f"PASS {name}" + (f": {note}" if note else ""))
        except (AssertionError, KeyError, StopIteration, TypeError, OSError, ValueError, yaml.YAMLError) as error:
            failed += 1
            print(f"FAIL {name}: {error or type(error).__name__}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
