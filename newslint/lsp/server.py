"""The language server: ``newslint lsp`` or ``newslint-lsp`` (``pip install 'newslint[lsp]'``).

It lints every open document on open, on change (debounced: the latest text
wins) and on save, with the config found above the document, and offers
quick fixes (apply the suggestion, add the word to ``words``, ignore the rule
for this file), a "fix all" source action and the rule's explanation on
hover. Positions are converted from newslint's code points to the encoding
negotiated with the client (UTF-16 unless the client offers UTF-32 or UTF-8),
so astral characters such as emoji never shift a range.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import os
import re
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from newslint import __version__
from newslint.model.diagnostic import Category, Diagnostic, Edit, Severity
from newslint.model.document import Document
from newslint.plugin.config import CONFIG_FILES, ConfigError
from newslint.plugin.registry import PluginError
from newslint.plugin.resolve import Engines as SharedEngines
from newslint.plugin.resolve import Resolver
from newslint.run.engine import Engine, RunOptions

try:
    from lsprotocol import types
    from pygls.exceptions import JsonRpcInvalidRequest
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    from newslint.lsp.malformed import NewslintProtocol
except ImportError:  # pragma: no cover - the extra is not installed
    types = None  # type: ignore[assignment]
    LanguageServer = object  # type: ignore[assignment,misc]
    NewslintProtocol = object  # type: ignore[assignment,misc]

__all__ = [
    "DEBOUNCE_SECONDS",
    "MAX_MESSAGE_BYTES",
    "NewslintServer",
    "ResyncingStdin",
    "from_lsp_position",
    "main",
    "to_lsp_position",
]

log = logging.getLogger(__name__)

#: Quiet time after the last change before a document is linted again.
DEBOUNCE_SECONDS = 0.3
#: A message declaring more bytes than this is read and dropped in pieces, never held whole.
MAX_MESSAGE_BYTES = 256 * 1024 * 1024
ADD_WORD = "newslint.addWord"
IGNORE_IN_FILE = "newslint.ignoreInFile"
FIX_ALL_KIND = "source.fixAll.newslint"

# -- positions ------------------------------------------------------------------------


def _units(text: str, encoding: str) -> int:
    """Length of ``text`` in the client's code units."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class _Wide:
    """Where a document's code points are wider than one code unit, for O(log n) conversions.

    ``offsets`` lists, in order, each code point taking more than one unit in
    the encoding, and ``extra`` the running total of the extra units up to and
    including it. Built once per document and encoding, in one pass.
    """

    def __init__(self, text: str, encoding: str) -> None:
        self.offsets: list[int] = []
        self.extra: list[int] = []
        if encoding == "utf-32" or text.isascii():
            return
        utf8 = encoding == "utf-8"  # anything else is UTF-16, the protocol's default
        total = 0
        for match in (_NON_ASCII if utf8 else _ASTRAL).finditer(text):
            code = ord(match.group())
            total += _utf8_len(code) - 1 if utf8 else 1
            self.offsets.append(match.start())
            self.extra.append(total)

    def extra_before(self, offset: int) -> int:
        i = bisect.bisect_left(self.offsets, offset)
        return self.extra[i - 1] if i else 0


def _file_path(uri: str) -> Path:
    """The file a ``file:`` URI names; ``ValueError`` for any other URI (an unsaved buffer has no file)."""
    path = to_fs_path(uri)
    if path is None:
        raise ValueError(f"{uri} does not name a file")
    return Path(path)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _utf8_len(code: int) -> int:
    return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4


def _wide(doc: Document, encoding: str) -> _Wide:
    return doc.memo(f"lsp.wide.{encoding}", lambda: _Wide(doc.source, encoding))  # positions in the file's own text


def to_lsp_position(doc: Document, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
    """A code-point offset as a 0-based ``(line, character)`` in ``encoding`` code units (O(log n))."""
    line, column = doc.position(offset)
    start = doc.lines[line - 1].start
    wide = _wide(doc, encoding)
    end = start + column - 1
    return line - 1, column - 1 + wide.extra_before(end) - wide.extra_before(start)


def from_lsp_position(doc: Document, line: int, character: int, encoding: str = "utf-16") -> int:
    """A client position as a code-point offset; out-of-range values are clamped (O(log n))."""
    if line >= len(doc.lines):
        return len(doc.text)
    info = doc.lines[max(line, 0)]
    wide = _wide(doc, encoding)
    base = wide.extra_before(info.start)
    # The offset is the first point whose units from the line start reach ``character``:
    # units(i) = (i - start) + extra_before(i) - base grows with i, so bisect on it.
    lo, hi = info.start, info.end
    while lo < hi:
        mid = (lo + hi) // 2
        if (mid - info.start) + wide.extra_before(mid) - base >= character:
            hi = mid
        else:
            lo = mid + 1
    return lo


# -- the wire ------------------------------------------------------------------------


class ResyncingStdin:
    """The server's stdin, as pygls reads it, made to survive a malformed message.

    pygls reads header lines until it has a ``Content-Length`` and a blank line,
    then the body. A header it cannot parse ("Content-Length: abc"), or a body
    longer than its header said, leaves the bytes that follow glued to the next
    header line, and pygls would never match a header again: every later
    message would be lost and the server would seem hung. Here a line that ends
    in a well-formed ``Content-Length`` header is cut to that header, so the
    stream falls back into step at the next message. A declared length over
    ``MAX_MESSAGE_BYTES`` is read and dropped a megabyte at a time, and the body
    handed on is ``null``, which pygls reports to the client as an error.
    """

    _HEADER = b"Content-Length: "

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def readline(self) -> bytes:
        line: bytes = self.raw.readline()
        at = line.rfind(self._HEADER)
        if at > 0 and line.endswith(b"\r\n") and line[at + len(self._HEADER) : -2].isdigit():
            log.warning("dropped %d bytes of a malformed message", at)
            return line[at:]
        return line

    def read(self, n: int) -> bytes:
        if n <= MAX_MESSAGE_BYTES:
            data: bytes = self.raw.read(n)
            return data
        log.warning("dropped a message of %d bytes (over %d)", n, MAX_MESSAGE_BYTES)
        while n > 0:
            chunk = self.raw.read(min(n, 1 << 20))
            if not chunk:
                return b""  # end of input: pygls stops
            n -= len(chunk)
        return b"null"


# -- every request is answered ---------------------------------------------------------


class AnsweringProtocol(NewslintProtocol):
    """pygls's protocol, except that no request goes unanswered.

    ``NewslintProtocol`` answers messages it cannot read or structure (bad JSON,
    params that do not fit the method); here, too, any request after
    ``shutdown`` gets an ``InvalidRequest`` error, as the LSP specification asks.
    """

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        if self._shutdown and method not in (None, types.EXIT) and getattr(message, "id", None) is not None:
            error = JsonRpcInvalidRequest(f"the server is shutting down; {method} refused")
            self._send_response(message.id, None, error.to_response_error())
            return
        super().handle_message(message)


# -- state ---------------------------------------------------------------------------


@dataclass
class Linted:
    """What was last published for a document: the text it was computed on and its findings."""

    version: int | None
    doc: Document
    diagnostics: list[Diagnostic]
    engine: Engine


class Engines:
    """One ``Engine`` per config file, rebuilt when the file changes on disk.

    The config of a document comes from ``newslint.plugin.resolve``, the resolver
    the command line uses, so both agree on which config applies to a file.
    """

    def __init__(self) -> None:
        self.resolver = Resolver(cache=False)  # a config created while the server runs is found at once
        self._engines = SharedEngines(
            RunOptions(corpus=False, entry_points=not os.environ.get("NEWSLINT_DISABLE_PLUGIN_AUTOLOAD")),
            self.resolver,
            reload=True,
        )

    def for_path(self, path: Path | None, root: Path | None) -> Engine:
        if path is None:
            return self._engines.for_path(root or Path.cwd(), is_dir=True)
        return self._engines.for_path(path, is_dir=False)

    def clear(self) -> None:
        self._engines.clear()


_SEVERITY = {}
if types is not None:
    _SEVERITY = {
        Severity.ERROR: types.DiagnosticSeverity.Error,
        Severity.WARNING: types.DiagnosticSeverity.Warning,
        Severity.INFO: types.DiagnosticSeverity.Information,
    }


class NewslintServer(LanguageServer):  # type: ignore[misc,valid-type]
    """A pygls server holding the engines, the last results and the pending lints."""

    def __init__(self) -> None:
        super().__init__(
            "newslint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=AnsweringProtocol,
        )
        self.engines = Engines()
        self.linted: dict[str, Linted] = {}
        self.open: set[str] = set()  # URIs as the client spells them, for publishing
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.exit_requested = False
        # Lints run one at a time off the event loop, so the server answers while it works.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")

    def report_server_error(self, error: Exception, source: Any) -> None:
        """A body that is not JSON is answered with a Parse error (id null); the rest as pygls does."""
        from newslint.lsp.malformed import answer_unreadable

        if not answer_unreadable(self.protocol, error):
            super().report_server_error(error, source)

    # -- helpers --------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        kind = self.workspace.position_encoding or "utf-16"
        return str(getattr(kind, "value", kind))  # str() of the enum is "PositionEncodingKind.Utf8"

    def root(self) -> Path | None:
        root = self.workspace.root_path
        return Path(root) if root else None

    def range_of(self, doc: Document, start: int, end: int) -> types.Range:
        sl, sc = to_lsp_position(doc, start, self.encoding)
        el, ec = to_lsp_position(doc, end, self.encoding)
        return types.Range(types.Position(sl, sc), types.Position(el, ec))

    def to_lsp(self, doc: Document, diag: Diagnostic, index: int, version: int | None) -> types.Diagnostic:
        message = diag.message + (f" (help: {diag.suggestion})" if diag.suggestion else "")
        return types.Diagnostic(
            range=self.range_of(doc, diag.start, diag.end),
            message=message,
            severity=_SEVERITY[diag.severity],
            code=diag.code,
            source="newslint",
            data={"index": index, "version": version},
        )

    # -- linting --------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, cancelling a lint still waiting."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await self.lint(uri)
        except asyncio.CancelledError:
            pass
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def lint(self, uri: str) -> None:
        """Lint the current text of ``uri`` and publish, unless a newer text arrived meanwhile."""
        text_doc = self.workspace.get_text_document(uri)
        version, text = text_doc.version, text_doc.source
        path = _file_path(uri) if uri.startswith("file:") else None
        try:
            engine = self.engines.for_path(path, self.root())
        except (ConfigError, PluginError) as exc:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"newslint: {exc}"))
            self.publish(uri, version, [self.config_problem(str(exc))])
            return
        limit = engine.ctx.options["max-file-size"]
        if len(text) > limit // 4 and len(text.encode("utf-8", "surrogatepass")) > limit:
            self.linted.pop(uri, None)
            self.publish(uri, version, [self.too_large(len(text.encode("utf-8", "surrogatepass")), limit)])
            return
        doc = Document.parse(text.removeprefix("\ufeff"), str(path) if path else uri, bom=text.startswith("\ufeff"))
        loop = asyncio.get_running_loop()
        try:
            # Checking and converting positions both run in the lint thread: the event loop
            # stays free to answer other requests whatever the document's size.
            doc, diagnostics, published = await loop.run_in_executor(
                self.executor, self._check, engine, doc, text, version
            )
        except (ConfigError, PluginError) as exc:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"newslint: {exc}"))
            return
        current = self.workspace.text_documents.get(unquote(uri))  # pygls keys documents by unquoted URI
        if current is None or current.version != version:
            return  # closed or changed while linting: a newer lint is on its way
        self.linted[uri] = Linted(version, doc, diagnostics, engine)
        self.publish(uri, version, published)

    def _check(
        self, engine: Engine, doc: Document, text: str, version: int | None
    ) -> tuple[Document, list[Diagnostic], list[types.Diagnostic]]:
        diagnostics, _facts = engine.check(doc)
        if doc.bom:  # offsets must index the editor's text, which still holds the BOM
            doc = Document(text, doc.path)
            diagnostics = [_shifted(d, 1) for d in diagnostics]
        return doc, diagnostics, [self.to_lsp(doc, d, i, version) for i, d in enumerate(diagnostics)]

    def config_problem(self, message: str) -> types.Diagnostic:
        return types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=f"newslint could not start: {message}",
            severity=types.DiagnosticSeverity.Error,
            source="newslint",
        )

    def too_large(self, size: int, limit: int) -> types.Diagnostic:
        """The one diagnostic for a document over ``max-file-size``: as the CLI, it is not linted."""
        return types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=f"newslint: not linted: {size} bytes, over max-file-size ({limit})",
            severity=types.DiagnosticSeverity.Information,
            source="newslint",
        )

    def publish(self, uri: str, version: int | None, diagnostics: Sequence[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=list(diagnostics), version=version)
        )

    def relint_all(self) -> None:
        self.engines.clear()
        for uri in list(self.open):
            self.schedule(uri, 0)

    # -- code actions ----------------------------------------------------------------

    def actions(self, uri: str, wanted: types.Range, only: Sequence[str] | None) -> list[types.CodeAction]:
        linted = self.linted.get(uri)
        if linted is None:
            return []
        doc = linted.doc
        lo = from_lsp_position(doc, wanted.start.line, wanted.start.character, self.encoding)
        hi = from_lsp_position(doc, wanted.end.line, wanted.end.character, self.encoding)
        out: list[types.CodeAction] = []
        for index, diag in enumerate(linted.diagnostics):
            if diag.end < lo or diag.start > hi:
                continue
            lsp_diag = self.to_lsp(doc, diag, index, linted.version)
            for edits, title, preferred in ((diag.fix, "Fix", True), (diag.unsafe_fix, "Fix (unsafe)", False)):
                if edits:
                    what = diag.suggestion or diag.message
                    out.append(
                        types.CodeAction(
                            title=f"{title}: {what}",
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=[lsp_diag],
                            edit=self.workspace_edit(uri, linted, edits),
                            is_preferred=preferred,
                        )
                    )
            word = doc.text[diag.start : diag.end]
            if diag.category is Category.TYPO and word and not any(c.isspace() for c in word):
                out.append(
                    types.CodeAction(
                        title=f'Add "{word}" to words in {self.config_name(uri)}',
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp_diag],
                        command=types.Command(f'Add "{word}" to words', ADD_WORD, arguments=[uri, word]),
                    )
                )
            out.append(
                types.CodeAction(
                    title=f"Ignore {diag.code} for this file in {self.config_name(uri)}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[lsp_diag],
                    command=types.Command(
                        f"Ignore {diag.code} for this file", IGNORE_IN_FILE, arguments=[uri, diag.code]
                    ),
                )
            )
        # "Fix all" re-lints until stable, so it is computed only when asked for by kind
        # (VS Code's "source.fixAll" on save), not on every cursor move.
        if only and any(FIX_ALL_KIND == k or FIX_ALL_KIND.startswith(f"{k}.") for k in only):
            fix_all = self.fix_all(uri, linted)
            if fix_all is not None:
                out.append(fix_all)
        if only:
            out = [a for a in out if any(a.kind == k or str(a.kind).startswith(f"{k}.") for k in only)]
        return out

    def fix_all(self, uri: str, linted: Linted) -> types.CodeAction | None:
        from newslint.fix.fixes import fix_document

        if not any(d.fix for d in linted.diagnostics):
            return None
        result = fix_document(linted.doc, linted.engine.check)
        if result.text == linted.doc.text:
            return None
        edit = Edit(0, len(linted.doc.text), result.text)
        return types.CodeAction(
            title=f"Fix all safely fixable newslint problems ({result.fixed})",
            kind=FIX_ALL_KIND,
            edit=self.workspace_edit(uri, linted, (edit,)),
        )

    def workspace_edit(self, uri: str, linted: Linted, edits: Sequence[Edit]) -> types.WorkspaceEdit:
        text_edits = [types.TextEdit(self.range_of(linted.doc, e.start, e.end), e.replacement) for e in edits]
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=linted.version),
                    edits=text_edits,
                )
            ]
        )

    def config_target(self, uri: str) -> Path:
        """The config file a quick fix edits: the one in use, or a new ``newslint.toml``."""
        path = _file_path(uri)
        found = self.engines.resolver.for_path(path, is_dir=False).config
        if found is not None:
            return found
        root = self.root()
        if root is not None and path.is_relative_to(root):
            return root / "newslint.toml"
        return path.parent / "newslint.toml"

    def config_name(self, uri: str) -> str:
        if not uri.startswith("file:"):
            return "config"
        return self.config_target(uri).name

    def edit_config(self, uri: str, edit: Any) -> dict[str, object]:
        from newslint.lsp.config_edit import ConfigEditError, edit_config_file

        target = self.config_target(uri)
        try:
            changed = edit_config_file(target, edit)
        except (ConfigEditError, OSError) as exc:
            message = f"newslint: could not edit {target}: {exc}"
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
            return {"config": str(target), "changed": False, "error": str(exc)}
        self.relint_all()
        return {"config": str(target), "changed": changed}


def _shifted(diag: Diagnostic, by: int) -> Diagnostic:
    from dataclasses import replace

    return replace(
        diag,
        start=diag.start + by,
        end=diag.end + by,
        fix=tuple(Edit(e.start + by, e.end + by, e.replacement) for e in diag.fix),
        unsafe_fix=tuple(Edit(e.start + by, e.end + by, e.replacement) for e in diag.unsafe_fix),
    )


def _explanation(linted: Linted, diag: Diagnostic) -> str:
    rule = linted.engine.registry.rules[diag.code]
    head = f"**{rule.code} {rule.name}** ({rule.category.value}, {rule.severity.value})\n\n{rule.summary}\n\n"
    return head + rule.explanation.replace("## ", "#### ")


def create_server() -> NewslintServer:
    """A server with every feature registered."""
    server = NewslintServer()

    @server.feature(types.EXIT)
    def on_exit(ls: NewslintServer, *args: Any) -> None:
        ls.exit_requested = True  # pygls then stops; main() returns 1 unless shutdown came first

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open.add(params.text_document.uri)
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(to_fs_path(params.text_document.uri) or "").name in CONFIG_FILES:
            ls.relint_all()
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.open.discard(uri)
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.linted.pop(uri, None)
        ls.publish(uri, None, [])

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.linted.get(params.text_document.uri)
        if linted is None:
            return None
        pos = params.position
        offset = from_lsp_position(linted.doc, pos.line, pos.character, ls.encoding)
        hits = [d for d in linted.diagnostics if d.start <= offset < d.end or d.start == offset == d.end]
        if not hits:
            return None
        text = "\n\n---\n\n".join(_explanation(linted, d) for d in hits)
        first = hits[0]
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=ls.range_of(linted.doc, first.start, first.end),
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False
        ),
    )
    def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.actions(params.text_document.uri, params.range, params.context.only)

    @server.command(ADD_WORD)
    def add_word(ls: NewslintServer, uri: str, word: str) -> dict[str, object]:
        from newslint.lsp.config_edit import add_word as edit

        return ls.edit_config(uri, lambda text, pyproject: edit(text, word, pyproject=pyproject))

    @server.command(IGNORE_IN_FILE)
    def ignore_in_file(ls: NewslintServer, uri: str, code: str) -> dict[str, object]:
        from newslint.lsp.config_edit import add_file_ignore, glob_escape

        path = _file_path(uri).resolve()
        target = ls.config_target(uri)
        try:
            rel = path.relative_to(target.parent.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        pattern = glob_escape(rel)
        return ls.edit_config(uri, lambda text, pyproject: add_file_ignore(text, pattern, code, pyproject=pyproject))

    return server


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server over stdio (``newslint lsp`` / ``newslint-lsp``)."""
    import argparse

    parser = argparse.ArgumentParser(prog="newslint lsp", description="The newslint language server (stdio).")
    parser.add_argument("--log-file", metavar="FILE", help="write the server's log here")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if types is None:
        print("newslint: error: the language server needs pygls; pip install 'newslint[lsp]'", file=sys.stderr)
        return 2
    if args.log_file:
        logging.basicConfig(filename=args.log_file, level=logging.DEBUG)
    server = create_server()
    server.start_io(stdin=ResyncingStdin(sys.stdin.buffer))  # type: ignore[arg-type]
    # As the specification says: 1 for an exit notification without a shutdown request first.
    # The end of the input (the editor went away) is a clean stop.
    return 1 if server.exit_requested and not server.protocol._shutdown else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
