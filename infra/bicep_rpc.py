#!/usr/bin/env python3
"""A client of one long-running Bicep CLI process (`bicep jsonrpc --stdio`), so that a run of
infra/check.sh starts the CLI (a .NET program: seconds to start and warm up) a few times instead of
once per file evaluated.

The server speaks JSON-RPC 2.0 on its standard input and output, each message framed by a
"Content-Length: N" header and an empty line (as the language server protocol does). The methods
used here, as the Bicep CLI 0.49 implements them:
  bicep/compile        {path}                        -> {success, diagnostics, contents}
  bicep/compileParams  {path, parameterOverrides}    -> {success, diagnostics, parameters, template}
  bicep/getSnapshot    {path, metadata, externalInputs} -> {snapshot}
A diagnostic is {source (file path), range: {start: {line, char}, end}, level, code, message},
lines and characters counted from 0.

readEnvironmentVariable() in a .bicepparam reads the server's environment: pass `env` (or export
the variables) before the server starts.

    with Bicep(path_of_the_cli, env=environment) as bicep:
        result = bicep.compile_params("/abs/main.dev.bicepparam")
        lines = format_diagnostics(result["diagnostics"])

Any failure of the server (an error response, a process that died, a reply that never came)
raises BicepError with the reason; nothing is ever taken for a success by default. The process is
closed (then killed if it does not stop) when the `with` block ends, and on interpreter exit; a
server whose client died (even by SIGKILL) sees its input end and exits by itself.
Thread-safe: calls from several threads are sent one at a time.
"""
import atexit
import json
import os
import select
import subprocess
import threading
import time

# Placeholder subscription and tenant: the snapshot evaluates names and settings offline.
SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"
TENANT = "00000000-0000-0000-0000-000000000001"
LOCATION = "westeurope"


class BicepError(Exception):
    """The Bicep server refused a request, failed, died or did not answer."""


def format_diagnostic(diagnostic):
    """One diagnostic as the CLI prints it: "<file>(<line>,<col>) : <Level> <code>: <message>",
    line and column counted from 1."""
    start = diagnostic.get("range", {}).get("start", {})
    return (f"{diagnostic.get('source', '?')}({start.get('line', 0) + 1},{start.get('char', 0) + 1}) : "
            f"{diagnostic.get('level', 'Error')} {diagnostic.get('code', '?')}: {diagnostic.get('message', '')}")


def format_diagnostics(diagnostics):
    return [format_diagnostic(d) for d in diagnostics]


def has_errors(diagnostics):
    return any(d.get("level") == "Error" for d in diagnostics)


class Bicep:
    """One `bicep jsonrpc --stdio` process."""

    def __init__(self, cli, env=None, timeout=300):
        self.cli = cli
        self.timeout = timeout
        self._lock = threading.Lock()
        self._next_id = 0
        self._buffer = b""
        self._stderr = []
        # .NET's dynamic PGO instruments hot methods before optimizing them: in a server that compiles
        # one template after another it costs more than it gains (warm calls about 40 % slower).
        env = {"DOTNET_TieredPGO": "0", **(os.environ if env is None else env)}
        self._process = subprocess.Popen([cli, "jsonrpc", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, env=env)
        # The server's own messages (a crash's stack trace), kept for the error raised.
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_reader.start()
        atexit.register(self.close)

    @property
    def pid(self):
        return self._process.pid

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Ends the server: its input closed, then terminated, then killed."""
        process = self._process
        if process.poll() is not None:
            return
        try:
            process.stdin.close()
        except OSError:
            pass
        for stop in (None, process.terminate, process.kill):
            if stop:
                try:
                    stop()
                except OSError:
                    pass
            try:
                process.wait(timeout=5)
                return
            except subprocess.TimeoutExpired:
                continue

    def _read_stderr(self):
        for line in iter(self._process.stderr.readline, b""):
            self._stderr.append(line.decode("utf-8", "replace").rstrip())
            del self._stderr[:-20]

    def _died(self, what):
        time.sleep(0.2)  # the last words on stderr
        status = self._process.poll()
        state = f"exited with status {status}" if status is not None else "is not answering"
        tail = "\n".join(self._stderr[-10:])
        return BicepError(f"the Bicep server (pid {self._process.pid}) {state} {what}" + (f":\n{tail}" if tail else ""))

    def _read(self, count, deadline, method):
        """Exactly `count` bytes of the server's output, or BicepError."""
        fd = self._process.stdout.fileno()
        while len(self._buffer) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._died(f"after {self.timeout} s without an answer to {method}")
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise self._died(f"while answering {method}")
            self._buffer += chunk
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data

    def _read_message(self, deadline, method):
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            header += self._read(1, deadline, method)
            if len(header) > 4096:
                raise BicepError(f"the Bicep server sent no valid message header: {header[:200]!r}")
        length = None
        for line in header.decode("ascii", "replace").split("\r\n"):
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if length is None:
            raise BicepError(f"the Bicep server sent a message without Content-Length: {header!r}")
        return json.loads(self._read(length, deadline, method).decode("utf-8"))

    def call(self, method, params):
        """The result of one request, or BicepError with the server's reason."""
        with self._lock:
            if self._process.poll() is not None:
                raise self._died(f"before {method}")
            self._next_id += 1
            request_id = self._next_id
            body = json.dumps({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}).encode("utf-8")
            try:
                self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
                self._process.stdin.flush()
            except (BrokenPipeError, OSError):
                raise self._died(f"when sent {method}") from None
            deadline = time.monotonic() + self.timeout
            while True:
                message = self._read_message(deadline, method)
                if message.get("id") != request_id:
                    continue  # a notification, or the answer to a request given up on
                if "error" in message:
                    error = message["error"] or {}
                    data = error.get("data") if isinstance(error.get("data"), dict) else {}
                    reason = data.get("message") or error.get("message") or json.dumps(error)
                    if error.get("message") and error["message"] not in reason:
                        reason = f"{error['message']}: {reason}"
                    raise BicepError(reason)
                if "result" not in message:
                    raise BicepError(f"the Bicep server answered {method} without a result: {message}")
                return message["result"]

    def version(self):
        return self.call("bicep/version", {})["version"]

    def compile(self, path):
        """A .bicep file compiled: {success, diagnostics, contents (the ARM template, a string)}."""
        return self.call("bicep/compile", {"path": os.path.abspath(path)})

    def compile_params(self, path, overrides=None):
        """A .bicepparam file compiled: {success, diagnostics, parameters, template} (strings), as
        `bicep build-params` gives them (parametersJson, templateJson)."""
        return self.call("bicep/compileParams", {"path": os.path.abspath(path), "parameterOverrides": overrides or {}})

    def snapshot(self, path, resource_group, deployment_name, subscription=SUBSCRIPTION, tenant=TENANT,
                 location=LOCATION):
        """The deployment of a .bicepparam file evaluated offline, as `bicep snapshot` writes it
        (a JSON string). A template that fails (fail(), an invalid variable) raises BicepError with
        its message."""
        result = self.call("bicep/getSnapshot", {
            "path": os.path.abspath(path),
            "metadata": {"subscriptionId": subscription, "tenantId": tenant, "resourceGroup": resource_group,
                         "location": location, "deploymentName": deployment_name},
            "externalInputs": [],
        })
        if not isinstance(result, dict) or not isinstance(result.get("snapshot"), str):
            raise BicepError(f"the Bicep server answered getSnapshot without a snapshot: {str(result)[:300]}")
        return result["snapshot"]
