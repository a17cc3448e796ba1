"""The language server answers malformed messages with JSON-RPC errors, over real stdio."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT

pytest.importorskip("pygls")

TIMEOUT = 30


class Server:
    """``python -m newslint lsp`` in a subprocess, with framed reads on a thread."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newslint", "lsp"],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                elif line == b"\r\n" and length is not None:
                    break
            self.messages.put(json.loads(out.read(length)))

    def send_raw(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_raw(json.dumps(message).encode("utf-8"))

    def response(self, predicate) -> dict:  # type: ignore[no-untyped-def]
        """The next message satisfying ``predicate`` (others, such as notifications, are skipped)."""
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no answer within {TIMEOUT} s (server exit code {self.proc.poll()})") from None
            if predicate(message):
                return message

    def close(self) -> None:
        try:
            self.send({"jsonrpc": "2.0", "id": 999, "method": "shutdown"})
            self.response(lambda m: m.get("id") == 999)
            self.send({"jsonrpc": "2.0", "method": "exit"})
            self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def server(tmp_path: Path):
    srv = Server(tmp_path)
    srv.send(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}},
        }
    )
    assert "result" in srv.response(lambda m: m.get("id") == 1)
    srv.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    yield srv
    srv.close()


def _is_response(message: dict) -> bool:
    return "id" in message and "method" not in message


def test_invalid_json_gets_a_parse_error_with_a_null_id(server: Server) -> None:
    server.send_raw(b'{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {')
    answer = server.response(_is_response)
    assert answer["id"] is None and answer["error"]["code"] == -32700


def test_bad_params_get_invalid_params_with_the_request_id(server: Server) -> None:
    server.send({"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {"position": "the top"}})
    answer = server.response(_is_response)
    assert answer["id"] == 8 and answer["error"]["code"] == -32602


def test_a_non_object_gets_invalid_request(server: Server) -> None:
    server.send_raw(b"[1, 2, 3]")
    answer = server.response(_is_response)
    assert answer["id"] is None and answer["error"]["code"] == -32600


def test_the_server_keeps_answering_after_malformed_messages(tmp_path: Path, server: Server) -> None:
    """After garbage, a real hover on a real article still gets its answer."""
    server.send_raw(b"not json at all")
    assert server.response(_is_response)["error"]["code"] == -32700
    article = tmp_path / "storm.txt"
    article.write_text("The storm closed the harbour road for three days.\n", encoding="utf-8")
    server.send(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": article.as_uri(),
                    "languageId": "plaintext",
                    "version": 1,
                    "text": article.read_text(encoding="utf-8"),
                }
            },
        }
    )
    server.send(
        {
            "jsonrpc": "2.0",
            "id": 9,
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": article.as_uri()}, "position": {"line": 0, "character": 4}},
        }
    )
    answer = server.response(lambda m: m.get("id") == 9)
    assert "error" not in answer and "result" in answer
