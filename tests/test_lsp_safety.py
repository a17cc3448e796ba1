"""The language server answers everything and stays linear (issue 20), over a real stdio session."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from conftest import ROOT

from newslint.lsp.server import from_lsp_position, to_lsp_position
from newslint.model.document import Document


class StdioClient:
    """A bare JSON-RPC client over the server's stdin and stdout: bytes on the wire, nothing hidden."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newslint.lsp.server"],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue = queue.Queue()
        self.ids = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = 0
            while (line := out.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                self.messages.put(None)
                return
            self.messages.put(json.loads(out.read(length)))

    def send_text(self, body: str) -> None:
        data = body.encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def request(self, method: str, params: object) -> int:
        self.ids += 1
        self.send_text(json.dumps({"jsonrpc": "2.0", "id": self.ids, "method": method, "params": params}))
        return self.ids

    def notify(self, method: str, params: object) -> None:
        self.send_text(json.dumps({"jsonrpc": "2.0", "method": method, "params": params}))

    def wait(self, predicate, timeout: float = 20.0):
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                break
            if message is None:
                break
            if predicate(message):
                return message
        return None

    def response(self, msg_id: int, timeout: float = 20.0):
        return self.wait(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def start(self, root: Path) -> None:
        answer = self.response(
            self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}})
        )
        assert answer is not None and "result" in answer
        self.notify("initialized", {})

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


@pytest.fixture
def client(tmp_path):
    c = StdioClient(tmp_path)
    c.start(tmp_path)
    yield c
    c.close()


def test_a_request_with_invalid_params_gets_an_error(client):
    for params in ({}, {"textDocument": {"uri": 5}, "position": {"line": "top"}}):
        answer = client.response(client.request("textDocument/hover", params), timeout=10)
        assert answer is not None, f"no response to hover with {params}"
        assert answer["error"]["code"] == -32602  # InvalidParams


def test_requests_after_shutdown_get_an_error_and_exit_returns_0(client, tmp_path):
    assert client.response(client.request("shutdown", None)) == {"jsonrpc": "2.0", "id": 2, "result": None}
    position = {"textDocument": {"uri": (tmp_path / "a.txt").as_uri()}, "position": {"line": 0, "character": 0}}
    answer = client.response(client.request("textDocument/hover", position), timeout=10)
    assert answer is not None and answer["error"]["code"] == -32600  # InvalidRequest
    client.notify("exit", None)
    assert client.proc.wait(10) == 0


def test_exit_without_shutdown_returns_1(client):
    client.notify("exit", None)
    assert client.proc.wait(10) == 1


def test_a_document_with_a_lone_surrogate_gets_diagnostics(client, tmp_path):
    uri = (tmp_path / "wire.txt").as_uri()
    text = "Teh harbour\\ud800 reopened on Monday \\ud83d\\ude00 after repairs.\\n"  # JSON escapes: a lone one, a pair
    client.send_text(
        '{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": '
        f'{{"uri": "{uri}", "languageId": "plaintext", "version": 1, "text": "{text}"}}}}}}'
    )
    published = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert published is not None, "no diagnostics for a document with a lone surrogate"
    found = {
        (d["code"], d["range"]["start"]["character"], d["range"]["end"]["character"])
        for d in published["params"]["diagnostics"]
    }
    assert ("NL001", 11, 12) in found and ("NL101", 0, 3) in found


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_position_conversion_is_linear(encoding):
    """20,000 findings on one 20,000-character line: each conversion is O(log n), not O(line)."""
    line = "".join("\u00e9\U0001f600x"[i % 3] for i in range(20_000))
    doc = Document(line + "\nThe end.\n")
    started = time.perf_counter()
    converted = [to_lsp_position(doc, offset, encoding) for offset in range(20_000)]
    back = [from_lsp_position(doc, ln, ch, encoding) for ln, ch in converted[::50]]
    elapsed = time.perf_counter() - started
    assert back == list(range(0, 20_000, 50))
    width = {"utf-8": (2, 4, 1), "utf-16": (1, 2, 1), "utf-32": (1, 1, 1)}[encoding]
    assert converted[3] == (0, sum(width))
    assert elapsed < 2.0, f"{elapsed:.1f} s for 20,000 conversions"  # quadratic: over 20 s
