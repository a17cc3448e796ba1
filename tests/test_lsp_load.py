"""The language server under load: a burst of changes, malformed bytes on the wire, a huge document.

Each test drives the real server over stdio: the pytest-lsp client of
``test_lsp.py`` for well-formed traffic, a bare subprocess for raw bytes.
Timing bounds here are generous ceilings that only a blocked server fails;
the figures for the README are printed with ``-s``.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from conftest import ROOT
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from test_lsp import SERVER, _change, _env, _make_client, _open, _published, _start

from newslint import Document
from newslint.run.engine import Engine, RunOptions

# A 20 MB document; CI gets a 2 MB one under a lowered limit, which takes the same path.
BIG_BYTES = 20_000_000 if os.environ.get("NEWSLINT_SLOW_TESTS") else 2_000_000
PARAGRAPH = "The council met on Monday and approved the budget for the coming year. \n\n"


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, server_env=_env(plugins=False), client_factory=_make_client)
)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await _start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


def _expected(text: str) -> list[tuple[int, int, str]]:
    """What the engine reports for ``text``, as the server publishes it (0-based)."""
    engine = Engine.create(RunOptions(isolated=True, corpus=False, entry_points=False))
    return sorted((d.line - 1, d.column - 1, d.code) for d in engine.check(Document(text, "x.txt"))[0])


def _got(diagnostics) -> list[tuple[int, int, str]]:
    return sorted((d.range.start.line, d.range.start.character, str(d.code)) for d in diagnostics)


async def _hover_time(client: LanguageClient, uri: str, position: types.Position) -> tuple[float, types.Hover | None]:
    started = time.monotonic()
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), position))
    return time.monotonic() - started, hover


@pytest.mark.slow  # test_lsp.py's 50-change burst runs by default
@pytest.mark.asyncio
async def test_a_thousand_rapid_changes_the_latest_text_wins(client: LanguageClient, tmp_path: Path):
    uri = _open(client, tmp_path / "a.txt", text="Clean text.\n")
    assert await _published(client, uri, 1) == []
    started = time.monotonic()
    for version in range(2, 1002):  # each text has its own finding, at its own column
        _change(client, uri, version, f"Version {version} of the text.{' ' * (1 + version % 7)}\nIt ends\u00a0here.\n")
    final = "Version 1001 of the text." + " " * (1 + 1001 % 7) + "\nIt ends\u00a0here.\n"
    published = await _published(client, uri, 1001, timeout=60)
    settled = time.monotonic() - started
    assert _got(published) == _expected(final) != []
    assert (0, len("Version 1001 of the text."), "NL512") in _got(published)
    later = [p for p in client.published if p.uri == uri and p.version and p.version > 1]  # type: ignore[attr-defined]
    assert all(p.version == 1001 for p in later), "a stale text was published after the burst"
    elapsed, hover = await _hover_time(client, uri, published[0].range.start)
    assert hover is not None and hover.contents.value.startswith("**NL")
    print(f"\n1,000 changes: final diagnostics {settled:.2f} s after the first, then hover in {elapsed * 1000:.0f} ms")
    assert elapsed < 10


@pytest.mark.asyncio
async def test_a_document_over_max_file_size_is_not_linted_and_others_are(client: LanguageClient, tmp_path: Path):
    if BIG_BYTES < 50 * 1024 * 1024:  # below the default limit: lower it, the path is the same
        (tmp_path / "newslint.toml").write_text(f"max-file-size = {BIG_BYTES // 2}\n", encoding="utf-8")
    big_text = PARAGRAPH * (BIG_BYTES // len(PARAGRAPH))
    small = _open(client, tmp_path / "small.txt", text="Small text. \n")
    first = await _published(client, small, 1)
    started = time.monotonic()
    big = _open(client, tmp_path / "big.txt", text=big_text)
    (note,) = await _published(client, big, 1, timeout=120)
    big_time = time.monotonic() - started
    assert note.severity == types.DiagnosticSeverity.Information
    assert note.message.startswith(f"newslint: not linted: {len(big_text)} bytes, over max-file-size")
    started = time.monotonic()
    _change(client, small, 2, "Small text. \nAnother zero\u200bwidth line.\n")
    second = await _published(client, small, 2, timeout=60)
    small_time = time.monotonic() - started
    assert _got(second) == _expected("Small text. \nAnother zero\u200bwidth line.\n") and len(second) == len(first) + 1
    elapsed, hover = await _hover_time(client, small, second[0].range.start)
    assert hover is not None
    print(
        f"\n{len(big_text) / 1e6:.0f} MB document: note in {big_time:.2f} s; another document's change "
        f"published in {small_time:.2f} s, hover in {elapsed * 1000:.0f} ms"
    )
    assert elapsed < 10


# -- raw bytes on the wire -----------------------------------------------------------------


class RawServer:
    """The server as a bare subprocess, for writing bytes no client library would send."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
        self.proc = subprocess.Popen(
            SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        os.set_blocking(self.proc.stdout.fileno(), False)  # type: ignore[union-attr]
        self.buffer = b""

    def send(self, data: bytes) -> None:
        self.proc.stdin.write(data)  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]

    def message(self, obj: dict) -> None:
        body = json.dumps(obj).encode()
        self.send(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def receive(self, want: dict, timeout: float = 20) -> dict:
        """The first message from the server whose items include ``want``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\r\n\r\n" in self.buffer:
                head, rest = self.buffer.split(b"\r\n\r\n", 1)
                length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                if len(rest) < length:
                    break
                self.buffer = rest[length:]
                msg = json.loads(rest[:length])
                if all(msg.get(k) == v for k, v in want.items()):
                    return msg
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.1)
            if ready:
                self.buffer += self.proc.stdout.read() or b""  # type: ignore[union-attr]
        raise AssertionError(f"no message with {want} within {timeout}s (server exit code {self.proc.poll()})")

    def close(self) -> int:
        self.message({"jsonrpc": "2.0", "id": 999, "method": "shutdown"})
        self.receive({"id": 999})
        self.message({"jsonrpc": "2.0", "method": "exit"})
        try:
            return self.proc.wait(20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture
def raw_server():
    server = RawServer()
    server.message(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": None, "capabilities": {}},
        }
    )
    server.receive({"id": 1})
    server.message({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    yield server
    if server.proc.poll() is None:
        server.proc.kill()
    server.proc.wait()


MALFORMED = {
    "invalid JSON body": b'Content-Length: 27\r\n\r\n{"jsonrpc": "2.0", "id": 5,',
    "non-numeric Content-Length": b"Content-Length: abc\r\n\r\n{}",
    "no header at all": b'{"jsonrpc": "2.0", "id": 5}\r\n\r\n',
    "Content-Length shorter than the body": b'Content-Length: 5\r\n\r\n{"jsonrpc": "2.0", "method": "x"}',
    "a JSON array": b"Content-Length: 7\r\n\r\n[1,2,3]",
    "Content-Length over the message limit": b"Content-Length: 999999999999\r\n\r\n",
}


@pytest.mark.parametrize("data", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_message_does_not_stop_the_server(raw_server: RawServer, data: bytes):
    """After the bad bytes the server still lints, answers and shuts down cleanly."""
    raw_server.send(data)
    if data.startswith(b"Content-Length: 999999999999"):
        raw_server.proc.stdin.close()  # type: ignore[union-attr]  # the promised bytes never come: end of input
        assert raw_server.proc.wait(20) == 0, "the server should stop cleanly at the end of its input"
        return
    uri = "file:///tmp/newslint-raw/a.txt"
    raw_server.message(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": uri,
                    "languageId": "plaintext",
                    "version": 1,
                    "text": "Text with a trailing space. \n",
                }
            },
        }
    )
    published = raw_server.receive({"method": "textDocument/publishDiagnostics"})
    (diag,) = published["params"]["diagnostics"]
    assert diag["code"] == "NL512"
    raw_server.message(
        {
            "jsonrpc": "2.0",
            "id": 2,
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": uri}, "position": diag["range"]["start"]},
        }
    )
    hover = raw_server.receive({"id": 2})
    assert hover["result"]["contents"]["value"].startswith("**NL512")
    assert raw_server.close() == 0
