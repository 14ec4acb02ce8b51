#!/usr/bin/env python3
"""No double diagnostics, proven with the YAML extension's own engine
(yaml-language-server from npm, which Red Hat's YAML extension for VS Code
runs): a plan with schema problems is opened with the schema the VS Code
extension hands it.

- the completion-only schema (the .vsix's schemas/plan.completion.schema.json):
  no schema diagnostics at all (planlint reports them), and completion still
  offers the plan's fields and an enum's values;
- a control, the full schemas/plan.schema.json: the YAML server does report
  the same problems, so the check above is not passing for nothing.

Usage: yaml_language_server_check.py NODE_SERVER_JS COMPLETION_SCHEMA FULL_SCHEMA
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import queue

SERVER, COMPLETION_SCHEMA, FULL_SCHEMA = sys.argv[1:4]

PLAN = """version: 1
name: Spring launch
goals:
  - id: awareness
    statement: Increase awareness
    dealine: 2026-06-30
budget:
  total: lots
"""


class Client:
    """A minimal LSP client on the server's stdio."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message):
        data = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, settings):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m, settings)["result"]

    def wait(self, wanted, settings, timeout=20):
        """The next message that `wanted` accepts; answers the server's own requests meanwhile."""
        while True:
            message = self.messages.get(timeout=timeout)
            if "method" in message and "id" in message:  # a request from the server
                result = None
                if message["method"] == "workspace/configuration":
                    result = [settings.get(item.get("section"), None) for item in message["params"]["items"]]
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
                continue
            if wanted(message):
                return message

    def close(self):
        self.process.kill()


def session(schema_path):
    """(the YAML server's diagnostics, its completion labels for a new top-level key)."""
    work = tempfile.mkdtemp()
    plan = pathlib.Path(work, "spring.plan.yaml")
    plan.write_text(PLAN, encoding="utf-8")
    uri = plan.as_uri()
    schema_uri = pathlib.Path(schema_path).resolve().as_uri()
    settings = {"yaml": {"validate": True, "completion": True, "hover": True,
                         "schemas": {schema_uri: "*.plan.yaml"}, "schemaStore": {"enable": False}}}
    client = Client(["node", SERVER, "--stdio"])
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": pathlib.Path(work).as_uri(),
                                      "capabilities": {"workspace": {"configuration": True},
                                                       "textDocument": {"completion": {"completionItem": {"snippetSupport": False}}}}},
                       settings)
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": settings})
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": PLAN}})
        published = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                 and m["params"]["uri"] == uri, settings)["params"]["diagnostics"]
        # A new top-level key on the last line.
        text = PLAN + "b"
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                 "contentChanges": [{"text": text}]})
        line = len(PLAN.splitlines())
        completion = client.request("textDocument/completion",
                                    {"textDocument": {"uri": uri}, "position": {"line": line, "character": 1}}, settings)
        items = completion["items"] if isinstance(completion, dict) else completion or []
        return published, {item["label"] for item in items}
    finally:
        client.close()


relaxed_diagnostics, relaxed_labels = session(COMPLETION_SCHEMA)
full_diagnostics, full_labels = session(FULL_SCHEMA)
print(f"   full schema: {len(full_diagnostics)} diagnostics from the YAML server, e.g. "
      f"{full_diagnostics[0]['message'] if full_diagnostics else '-'}")
assert full_diagnostics, "control: the full schema must make the YAML server report the plan's problems"
assert not relaxed_diagnostics, f"the completion-only schema still reports: {[d['message'] for d in relaxed_diagnostics]}"
assert {"channels", "unit_economics", "positioning"} <= relaxed_labels, f"completion lost the plan fields: {sorted(relaxed_labels)}"
assert full_labels <= relaxed_labels, f"completion lost {sorted(full_labels - relaxed_labels)}"
print(f"ok: completion-only schema: no diagnostics from the YAML server (planlint reports them); "
      f"completion offers {len(relaxed_labels)} keys ({', '.join(sorted(relaxed_labels)[:5])}, ...)")
