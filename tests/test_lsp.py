"""The language server, driven over stdio as a real subprocess by pytest-lsp."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from conftest import ROOT, SEEDS, run_cli, run_main
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from newslint import Document
from newslint.lsp.server import from_lsp_position, to_lsp_position
from newslint.plugin.config import read_toml

SEED = "003_1ee38f6cb67d9728.txt"  # page chrome, a name variant and three NL510 (no-break-space lines)
SERVER = [sys.executable, "-m", "newslint", "lsp"]

# A third-party spelling plugin, installed the way pip installs one (a dist-info
# with an entry point), so "add to words" is tested against a real TYPO rule. It
# is on the server's path only: this directory is not on the test process's path.
SITE = Path(__file__).parent / "data" / "typo-plugin-site"


def _env(*, plugins: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(SITE)] if plugins else [str(ROOT)])
    if not plugins:
        env["NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return env


def _converter():
    """lsprotocol's converter, with its Command-or-CodeAction guess fixed.

    lsprotocol reads any object with a ``command`` key as a ``Command``, so a
    ``CodeAction`` that carries a command comes out as a garbled ``Command``. The
    LSP spec tells them apart by the type of ``command`` (a string in a Command).
    """
    converter = default_converter()

    def structure(obj: dict, _type: object) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(obj.get("command"), str) else types.CodeAction
        return converter.structure(obj, kind)

    converter.register_structure_hook(types.Command | types.CodeAction, structure)
    return converter


def _make_client() -> LanguageClient:
    """pytest-lsp's client, also recording every publishDiagnostics with its version."""
    client = LanguageClient(converter_factory=_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    client.published = []  # type: ignore[attr-defined]

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)  # type: ignore[attr-defined]

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    register_lsp_features(client, features)
    return client


async def _start(client: LanguageClient, root: Path, encodings: list[str] | None = None) -> None:
    caps = client_capabilities("visual-studio-code")
    if encodings is not None:
        caps.general = types.GeneralClientCapabilities(position_encodings=encodings)
    client.init_result = await client.initialize_session(  # type: ignore[attr-defined]
        types.InitializeParams(
            capabilities=caps,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="ws")],
        )
    )


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, server_env=_env(plugins=False), client_factory=_make_client)
)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await _start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, server_env=_env(plugins=False), client_factory=_make_client)
)
async def utf32_client(lsp_client: LanguageClient, tmp_path: Path):
    await _start(lsp_client, tmp_path, encodings=["utf-32", "utf-16"])
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, server_env=_env(plugins=True), client_factory=_make_client)
)
async def plugin_client(lsp_client: LanguageClient, tmp_path: Path):
    await _start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


async def _published(
    client: LanguageClient, uri: str, version: int | None, timeout: float = 20
) -> list[types.Diagnostic]:
    """The diagnostics published for ``uri`` at ``version`` (waits for them)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for params in reversed(client.published):  # type: ignore[attr-defined]
            if params.uri == uri and params.version == version:
                return list(params.diagnostics)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no diagnostics for {uri} version {version} within {timeout}s")


def _open(client: LanguageClient, path: Path, version: int = 1, text: str | None = None) -> str:
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=version, text=text)
        )
    )
    return uri


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def _apply(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP text edits as a client does (from the end, positions in ``encoding``)."""
    doc = Document(text)
    spans = []
    for e in edits:
        start = from_lsp_position(doc, e.range.start.line, e.range.start.character, encoding)
        end = from_lsp_position(doc, e.range.end.line, e.range.end.character, encoding)
        spans.append((start, end, e.new_text))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _cli_positions(path: Path, cwd: Path) -> list[tuple[int, int, str]]:
    out = run_main("--format", "text", "-q", str(path), cwd=cwd).stdout.decode()
    rows = []
    for line in out.splitlines():
        where, rest = line.split(": ", 1)
        _p, ln, col = where.rsplit(":", 2)
        rows.append((int(ln) - 1, int(col) - 1, rest.split(" ", 1)[0]))
    return rows


@pytest.mark.asyncio
class TestDiagnostics:
    """Open, change and save publish what the CLI reports, at the same positions."""

    async def test_open_a_seed_publishes_the_cli_diagnostics(self, client: LanguageClient, tmp_path: Path):
        path = tmp_path / SEED
        shutil.copy(SEEDS / SEED, path)
        uri = _open(client, path)
        diagnostics = await _published(client, uri, 1)
        got = sorted((d.range.start.line, d.range.start.character, str(d.code)) for d in diagnostics)
        assert got == sorted(_cli_positions(path, tmp_path))
        assert {"NL203", "NL510"} <= {str(d.code) for d in diagnostics}
        assert all(d.source == "newslint" for d in diagnostics)

    async def test_rapid_changes_are_debounced_and_the_latest_wins(self, client: LanguageClient, tmp_path: Path):
        path = tmp_path / "a.txt"
        path.write_text("Clean text.\n")
        uri = _open(client, path)
        assert await _published(client, uri, 1) == []
        for version in range(2, 52):  # 50 changes in a burst: trailing spaces come and go
            _change(client, uri, version, "Clean text." + " " * (version % 3) + "\n")
        last = await _published(client, uri, 51)
        assert [str(d.code) for d in last] == []  # 51 % 3 == 0: no trailing space in the final text
        later = [p for p in client.published if p.uri == uri and p.version and p.version > 1]  # type: ignore[attr-defined]
        assert len(later) < 5, f"{len(later)} publishes for a burst of 50 changes"

    async def test_config_on_disk_is_reread_when_it_changes(self, client: LanguageClient, tmp_path: Path):
        path = tmp_path / SEED
        shutil.copy(SEEDS / SEED, path)
        uri = _open(client, path)
        assert "NL510" in {str(d.code) for d in await _published(client, uri, 1)}
        (tmp_path / "newslint.toml").write_text('ignore = ["NL510"]\n')
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        await asyncio.sleep(0.1)
        _change(client, uri, 2, path.read_text(encoding="utf-8"))
        assert "NL510" not in {str(d.code) for d in await _published(client, uri, 2)}

    async def test_a_broken_config_is_shown_not_crashed_on(self, client: LanguageClient, tmp_path: Path):
        (tmp_path / "newslint.toml").write_text("select = [\n")
        uri = _open(client, tmp_path / "a.txt", text="Text. \n")
        (diag,) = await _published(client, uri, 1)
        assert "newslint could not start" in diag.message and "invalid TOML" in diag.message
        (tmp_path / "newslint.toml").write_text('select = ["NL5"]\n')
        _change(client, uri, 2, "Text. \n")
        assert [str(d.code) for d in await _published(client, uri, 2)] == ["NL512"]

    async def test_close_clears_the_diagnostics(self, client: LanguageClient, tmp_path: Path):
        uri = _open(client, tmp_path / "a.txt", text="Text. \n")
        assert await _published(client, uri, 1)
        client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
        assert await _published(client, uri, None) == []


class TestPositions:
    """Columns are UTF-16 code units by default and code points when UTF-32 is negotiated."""

    TEXT = "Emoji \U0001f600 and \U0001d54f then a space. \nThe talks ended on Monday.\n"  # two astral characters before it

    @pytest.mark.asyncio
    async def test_utf16_by_default(self, client: LanguageClient, tmp_path: Path):
        assert client.init_result.capabilities.position_encoding == "utf-16"
        uri = _open(client, tmp_path / "a.txt", text=self.TEXT)
        (diag,) = await _published(client, uri, 1)
        start = len("Emoji \U0001f600 and \U0001d54f then a space.") + 2  # each astral char is 2 units
        assert (diag.range.start.line, diag.range.start.character, diag.range.end.character) == (0, start, start + 1)

    @pytest.mark.asyncio
    async def test_utf32_when_the_client_offers_it(self, utf32_client: LanguageClient, tmp_path: Path):
        assert utf32_client.init_result.capabilities.position_encoding == "utf-32"
        uri = _open(utf32_client, tmp_path / "a.txt", text=self.TEXT)
        (diag,) = await _published(utf32_client, uri, 1)
        start = len("Emoji \U0001f600 and \U0001d54f then a space.")
        assert (diag.range.start.character, diag.range.end.character) == (start, start + 1)

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
    def test_round_trip_through_every_encoding(self, encoding):
        doc = Document("a\U0001f600b\r\nc\u00e9\U0001d54f\n\nend")
        for offset in range(len(doc.text) + 1):
            if doc.text[offset - 1 : offset + 1] == "\r\n":
                continue  # inside a line break: maps to the line's end
            line, char = to_lsp_position(doc, offset, encoding)
            assert from_lsp_position(doc, line, char, encoding) == offset


@pytest.mark.asyncio
class TestCodeActions:
    """Quick fixes: apply the suggestion, ignore the rule for the file, add a word."""

    async def test_apply_the_suggested_fix(self, client: LanguageClient, tmp_path: Path):
        path = tmp_path / SEED
        shutil.copy(SEEDS / SEED, path)
        text = path.read_text(encoding="utf-8")
        uri = _open(client, path)
        diagnostics = await _published(client, uri, 1)
        target = next(d for d in diagnostics if d.code == "NL510")
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(types.TextDocumentIdentifier(uri), target.range, types.CodeActionContext([target]))
        )
        fix = next(a for a in actions if a.title.startswith("Fix:"))
        assert fix.is_preferred and fix.kind == types.CodeActionKind.QuickFix
        (change,) = fix.edit.document_changes
        assert change.text_document.version == 1
        new_text = _apply(text, change.edits)
        assert new_text.splitlines()[target.range.start.line] == ""
        _change(client, uri, 2, new_text)
        after = await _published(client, uri, 2)
        assert sum(d.code == "NL510" for d in after) == sum(d.code == "NL510" for d in diagnostics) - 1

    async def test_fix_all_on_request(self, client: LanguageClient, tmp_path: Path):
        uri = _open(client, tmp_path / "a.txt", text="One. \n\u00a0\nTwo caf\u00c3\u00a9.\n\n\n")
        await _published(client, uri, 1)
        whole = types.Range(types.Position(0, 0), types.Position(5, 0))
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri), whole, types.CodeActionContext([], only=["source.fixAll"])
            )
        )
        (fix_all,) = actions
        (change,) = fix_all.edit.document_changes
        assert _apply("One. \n\u00a0\nTwo caf\u00c3\u00a9.\n\n\n", change.edits) == "One.\n\nTwo caf\u00e9.\n"

    async def test_ignore_the_rule_for_this_file(self, client: LanguageClient, tmp_path: Path):
        (tmp_path / "pyproject.toml").write_text(
            '[project]\nname = "x"  # keep me\n\n[tool.newslint]\nselect = ["NL4", "NL5"]\n'
        )
        sub = tmp_path / "news [2025]"
        sub.mkdir()
        path = sub / SEED
        shutil.copy(SEEDS / SEED, path)
        uri = _open(client, path)
        first = await _published(client, uri, 1)
        target = next(d for d in first if d.code == "NL510")
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(types.TextDocumentIdentifier(uri), target.range, types.CodeActionContext([target]))
        )
        ignore = next(a for a in actions if a.title.startswith("Ignore NL510"))
        assert ignore.title.endswith("pyproject.toml")
        count = len(client.published)  # type: ignore[attr-defined]
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(ignore.command.command, ignore.command.arguments)
        )
        config = read_toml(tmp_path / "pyproject.toml")
        assert config["tool"]["newslint"]["per-file-ignores"] == {"news [[]2025[]]/" + SEED: ["NL510"]}
        assert '"x"  # keep me' in (tmp_path / "pyproject.toml").read_text()
        deadline = time.monotonic() + 10
        while len(client.published) == count and time.monotonic() < deadline:  # type: ignore[attr-defined]
            await asyncio.sleep(0.02)
        remaining = {str(d.code) for d in client.published[-1].diagnostics}  # type: ignore[attr-defined]
        assert remaining == {str(d.code) for d in first} - {"NL510"} and remaining
        assert run_main(str(path), cwd=tmp_path, env={}).stdout.count(b"NL510") == 0  # the CLI agrees

    async def test_add_the_word_to_words(self, plugin_client: LanguageClient, tmp_path: Path):
        client = plugin_client
        uri = _open(client, tmp_path / "a.txt", text="President Zelenskyy spoke.\n")
        (diag,) = await _published(client, uri, 1)
        assert diag.code == "ZZ101"
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(types.TextDocumentIdentifier(uri), diag.range, types.CodeActionContext([diag]))
        )
        add = next(a for a in actions if a.title.startswith('Add "Zelenskyy" to words'))
        count = len(client.published)  # type: ignore[attr-defined]
        result = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(add.command.command, add.command.arguments)
        )
        assert result["changed"] is True
        assert read_toml(tmp_path / "newslint.toml") == {"words": ["Zelenskyy"]}
        deadline = time.monotonic() + 10
        while len(client.published) == count and time.monotonic() < deadline:  # type: ignore[attr-defined]
            await asyncio.sleep(0.02)
        assert list(client.published[-1].diagnostics) == []  # type: ignore[attr-defined]


@pytest.mark.asyncio
class TestHover:
    """Hovering a finding shows its rule's explanation."""

    async def test_hover_shows_the_explanation(self, client: LanguageClient, tmp_path: Path):
        uri = _open(client, tmp_path / "a.txt", text="Text with a zero\u200bwidth space.\n")
        (diag,) = await _published(client, uri, 1)
        hover = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), diag.range.start)
        )
        assert hover.contents.kind == types.MarkupKind.Markdown
        assert hover.contents.value.startswith("**NL513 invisible-character**")
        assert "Why is this bad?" in hover.contents.value
        nothing = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
        )
        assert nothing is None


def test_lsp_subcommand_and_console_script_entry(tmp_path):
    """``newslint lsp --help`` reaches the server's own parser."""
    proc = run_cli("lsp", "--help")
    assert proc.returncode == 0
    assert b"newslint lsp" in proc.stdout


@pytest.mark.asyncio
class TestNestedConfig:
    """The server resolves config as the CLI does (one resolver): the nearest file above each document."""

    async def test_server_and_cli_agree_across_nested_configs(self, client: LanguageClient, tmp_path: Path):
        text = "The harbor master sayd the ferry would sail at dawn.\n"
        (tmp_path / "desk").mkdir()
        (tmp_path / "desk" / "newslint.toml").write_text('ignore = ["NL101"]\n', encoding="utf-8")
        (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nextend-select = ["NL6"]\n', encoding="utf-8")
        top, nested = tmp_path / "story.txt", tmp_path / "desk" / "story.txt"
        top.write_text(text, encoding="utf-8")
        nested.write_text(text, encoding="utf-8")
        for path in (top, nested):
            uri = _open(client, path)
            diagnostics = await _published(client, uri, 1)
            got = sorted((d.range.start.line, d.range.start.character, str(d.code)) for d in diagnostics)
            assert got == sorted(_cli_positions(path, tmp_path))
            codes = {str(d.code) for d in diagnostics}
            assert ("NL101" in codes) == (path == top), (path, codes)
