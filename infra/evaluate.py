#!/usr/bin/env python3
"""Evaluates the parameter sets of a copy of infra/ with one Bicep server (infra/bicep_rpc.py),
writing the files that infra/check.sh, infra/promises.py and infra/operations.py read, as the Bicep
CLI's `build`, `build-params` and `snapshot` would.

Usage: evaluate.py BICEP INFRA OUT [--build] [--variants 'dev prod'] [--ci-access]
       evaluate.py --placeholders   prints NAME=VALUE per line of PLACEHOLDERS (infra/check.sh exports them)
  BICEP       the Bicep CLI (infra/check.sh --bicep-path)
  INFRA       a copy of infra/ (the variants' parameter files and the snapshots are written there)
  OUT         the folder for the other outputs and the logs
  --build     compile main.bicep: OUT/main.json, OUT/build.log
  --variants  the parameter sets to evaluate (default: all of VARIANTS), each into
              OUT/<variant>.params.json ({parametersJson, templateJson}, as `build-params --stdout`),
              OUT/<variant>.parameters.json, OUT/<variant>.template.json, OUT/<variant>.params.log,
              INFRA/main.<variant>.snapshot.json, OUT/<variant>.snapshot.log
  --ci-access evaluate ci-access.bicepparam: INFRA/ci-access.snapshot.json, OUT/ci-access.log
An output is written only when its step succeeded; its log holds the diagnostics ("<file>(<line>,
<col>) : <Level> <code>: <message>", as the CLI prints them) and, on failure, the reason. Prints
"ok <step>" or "failed <step>" per step and exits non-zero when one failed; a server that died
fails every step after it.

readEnvironmentVariable() in the parameter files reads the OBSERVATORY_* variables: each one not set
takes its placeholder from PLACEHOLDERS, here and in infra/check.sh (which reads them with --placeholders).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bicep_rpc import Bicep, BicepError, format_diagnostics, has_errors  # noqa: E402

# "prod-options" is prod with every optional feature switched on (platform sign-in too), so the
# conditional parts of the template are checked; "dev-named" is dev under another environment
# name, as azd gives one, to show that names are free.
VARIANTS = ("dev", "dev-named", "prod", "prod-options")

# What CI reads from repository variables for production (infra/main.prod.bicepparam) and an
# Owner sets for the CI principal's access (infra/ci-access.bicepparam): placeholders, as in
# infra/check.sh, for a run of this script or of infra/tests/mutations.py on its own.
PLACEHOLDERS = {
    "OBSERVATORY_ALERT_EMAILS": "observatory-alerts@example.org",
    "OBSERVATORY_KEY_ADMINISTRATOR": "00000000-0000-0000-0000-000000000ad0",
    "OBSERVATORY_OPERATOR_GROUP": "00000000-0000-0000-0000-0000000000e0",
    "OBSERVATORY_SMTP_CLIENT_ID": "00000000-0000-0000-0000-0000000005c1",
    "OBSERVATORY_SMTP_PRINCIPAL": "00000000-0000-0000-0000-0000000005a0",
    "OBSERVATORY_CI_PRINCIPAL_ID": "00000000-0000-0000-0000-0000000000c1",
}


def server_environment():
    """This process's environment, each OBSERVATORY_* variable not set given its placeholder (one
    set to an empty value stays empty)."""
    return {**PLACEHOLDERS, **os.environ}


def environment_of(variant):
    return variant.split("-")[0]


def write_variants(infra):
    """main.prod-options.bicepparam and main.dev-named.bicepparam, derived from prod and dev."""
    with open(os.path.join(infra, "main.prod.bicepparam"), encoding="utf-8") as f:
        prod = f.read()
    options = re.sub(r"(?m)^param entraClientId .*\n?", "", prod)
    if not options.endswith("\n"):
        options += "\n"
    options += "param entraClientId = '00000000-0000-0000-0000-00000000c11e'\n"
    with open(os.path.join(infra, "main.prod-options.bicepparam"), "w", encoding="utf-8") as f:
        f.write(options)
    with open(os.path.join(infra, "main.dev.bicepparam"), encoding="utf-8") as f:
        dev = f.read()
    named = re.sub(r"(?m)^param environmentName = .*$", "param environmentName = 'Ana-Test2'", dev)
    with open(os.path.join(infra, "main.dev-named.bicepparam"), "w", encoding="utf-8") as f:
        f.write(named)


def _write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def _remove(*paths):
    for path in paths:
        if os.path.exists(path):
            os.remove(path)


def _log(path, diagnostics=(), reason=None):
    lines = format_diagnostics(diagnostics)
    if reason:
        lines.append(reason)
    _write(path, "".join(line + "\n" for line in lines))


def build(bicep, infra, out):
    """main.bicep compiled into OUT/main.json; False on any error."""
    target, log = os.path.join(out, "main.json"), os.path.join(out, "build.log")
    _remove(target)
    try:
        result = bicep.compile(os.path.join(infra, "main.bicep"))
    except BicepError as error:
        _log(log, reason=f"Error: {error}")
        return False
    diagnostics = result.get("diagnostics") or []
    if not result.get("success") or has_errors(diagnostics) or not result.get("contents"):
        _log(log, diagnostics, None if has_errors(diagnostics) else "Error: the template was not compiled")
        return False
    _log(log, diagnostics)
    _write(target, result["contents"])
    return True


def build_params(bicep, infra, out, variant):
    """The parameter set compiled: OUT/<variant>.params.json, .parameters.json, .template.json."""
    outputs = [os.path.join(out, f"{variant}.{kind}.json") for kind in ("params", "parameters", "template")]
    log = os.path.join(out, f"{variant}.params.log")
    _remove(*outputs)
    try:
        result = bicep.compile_params(os.path.join(infra, f"main.{variant}.bicepparam"))
    except BicepError as error:
        _log(log, reason=f"Error: {error}")
        return False
    diagnostics = result.get("diagnostics") or []
    if not result.get("success") or has_errors(diagnostics) or not result.get("parameters") or not result.get("template"):
        _log(log, diagnostics, None if has_errors(diagnostics) else "Error: the parameters were not compiled")
        return False
    try:
        parameters, template = json.loads(result["parameters"]), json.loads(result["template"])
    except ValueError as error:
        _log(log, diagnostics, f"Error: the server's output is not JSON: {error}")
        return False
    _log(log, diagnostics)
    _write(outputs[0], json.dumps({"parametersJson": result["parameters"], "templateJson": result["template"]}, indent=2))
    _write(outputs[1], json.dumps(parameters, indent=2))
    _write(outputs[2], json.dumps(template, indent=2))
    return True


def snapshot(bicep, infra, out, parameters, resource_group, deployment_name, target, log):
    """The deployment of a parameter file evaluated offline into `target`; False with the reason
    in `log`."""
    _remove(target)
    try:
        text = bicep.snapshot(os.path.join(infra, parameters), resource_group, deployment_name)
        json.loads(text)
    except BicepError as error:
        _log(log, reason=f"Error: {error}")
        return False
    except ValueError as error:
        _log(log, reason=f"Error: the snapshot is not JSON: {error}")
        return False
    _log(log)
    _write(target, text)
    return True


def evaluate_variant(bicep, infra, out, variant):
    """build-params, then snapshot: returns (the step that failed or None, its log)."""
    if not build_params(bicep, infra, out, variant):
        return "build-params", os.path.join(out, f"{variant}.params.log")
    log = os.path.join(out, f"{variant}.snapshot.log")
    if not snapshot(bicep, infra, out, f"main.{variant}.bicepparam", f"rg-observatory-{environment_of(variant)}",
                    "observatory", os.path.join(infra, f"main.{variant}.snapshot.json"), log):
        return "snapshot", log
    return None, log


def evaluate_ci_access(bicep, infra, out):
    return snapshot(bicep, infra, out, "ci-access.bicepparam", "rg-observatory-prod", "observatory-ci-access",
                    os.path.join(infra, "ci-access.snapshot.json"), os.path.join(out, "ci-access.log"))


def main(argv):
    if argv[1:] == ["--placeholders"]:
        for name, value in PLACEHOLDERS.items():
            print(f"{name}={value}")
        return 0
    args, variants, do_build, do_ci_access = [], list(VARIANTS), False, False
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "--build":
            do_build = True
        elif arg == "--ci-access":
            do_ci_access = True
        elif arg == "--variants":
            variants = next(rest, "").split()
        elif arg.startswith("--"):
            print(f"evaluate.py: unknown option {arg}\n{__doc__}", file=sys.stderr)
            return 2
        else:
            args.append(arg)
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli, infra, out = args[0], os.path.abspath(args[1]), os.path.abspath(args[2])
    os.makedirs(out, exist_ok=True)
    write_variants(infra)
    failed = 0

    def report(ok, step):
        nonlocal failed
        failed += not ok
        print(f"{'ok' if ok else 'failed'} {step}", flush=True)

    with Bicep(cli, env=server_environment()) as bicep:
        if do_build:
            report(build(bicep, infra, out), "build")
        for variant in variants:
            step, _ = evaluate_variant(bicep, infra, out, variant)
            report(step is None, f"{step or 'build-params and snapshot'} {variant}")
        if do_ci_access:
            report(evaluate_ci_access(bicep, infra, out), "snapshot ci-access")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
