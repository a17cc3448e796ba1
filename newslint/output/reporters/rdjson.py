"""``--format rdjson``: reviewdog's Diagnostic Format (``DiagnosticResult`` as JSON).

Run ``newslint --format rdjson . | reviewdog -f=rdjson -reporter=github-pr-review``.
reviewdog counts columns in UTF-8 bytes, not code points, so this reporter asks
for the documents' text (``needs_texts``) and converts each column; a file whose
text is unknown (one that failed to decode) keeps code-point columns, which
agree with bytes on ASCII lines. Fixes become ``suggestions``, safe ones first,
else the unsafe ones (a reviewer applies them by hand).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from newslint import Diagnostic, Document, ReportContext, Reporter, Severity, hookimpl
from newslint.output.baseline import relative_path
from newslint.output.reporters.json import write_json
from newslint.output.reporters.sarif import INFORMATION_URI

SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


class _Columns:
    """Code-point positions of one document turned into reviewdog's UTF-8 byte columns."""

    def __init__(self, text: str | None) -> None:
        self.doc = Document(text) if text is not None else None

    def position(self, line: int, column: int) -> dict[str, int]:
        if self.doc is None or line > len(self.doc.lines):
            return {"line": line, "column": column}
        prefix = self.doc.line_text(line)[: column - 1]
        return {"line": line, "column": len(prefix.encode("utf-8")) + 1 + max(0, column - 1 - len(prefix))}

    def range(self, line: int, column: int, end_line: int, end_column: int) -> dict[str, object]:
        return {"start": self.position(line, column), "end": self.position(end_line, end_column)}

    def edit_range(self, start: int, end: int) -> dict[str, object] | None:
        if self.doc is None:
            return None
        return self.range(*self.doc.position(start), *self.doc.position(end))


def rdjson_result(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> dict[str, object]:
    """The ``DiagnosticResult`` as a dict."""
    columns: dict[str, _Columns] = {}
    out = []
    for diag in diagnostics:
        cols = columns.get(diag.path)
        if cols is None:
            cols = columns[diag.path] = _Columns(ctx.texts.get(diag.path))
        record: dict[str, object] = {
            "message": diag.message + (f" (help: {diag.suggestion})" if diag.suggestion else ""),
            "location": {
                "path": relative_path(diag.path, ctx.root),
                "range": cols.range(diag.line, diag.column, diag.end_line, diag.end_column),
            },
            "severity": SEVERITY[diag.severity],
            "code": {"value": diag.code},
        }
        suggestions = []
        for edit in diag.fix or diag.unsafe_fix:
            edit_range = cols.edit_range(edit.start, edit.end)
            if edit_range is not None:
                suggestions.append({"range": edit_range, "text": edit.replacement})
        if suggestions:
            record["suggestions"] = suggestions
        out.append(record)
    return {"source": {"name": "newslint", "url": INFORMATION_URI}, "diagnostics": out}


def report_rdjson(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    write_json(rdjson_result(diagnostics, ctx), out)


report_rdjson.needs_texts = True  # type: ignore[attr-defined]


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"rdjson": report_rdjson}
