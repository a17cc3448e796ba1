"""``--format github``: workflow commands that GitHub Actions turns into annotations.

GitHub shows at most 10 annotations of each level per step; the rest are
summarised in one notice (a place among the notices is kept for it), so
nothing is silently lost. Paths are relative to the report root (the working
directory), as GitHub needs them relative to the repository.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from newslint import Diagnostic, ReportContext, Reporter, Severity, hookimpl
from newslint.output.baseline import relative_path
from newslint.output.reporter import display_path

#: GitHub's documented per-step limit for each annotation level.
ANNOTATIONS_PER_LEVEL = 10
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    total = Counter(_LEVEL[d.severity] for d in diagnostics)
    limit = dict.fromkeys(_LEVEL.values(), ANNOTATIONS_PER_LEVEL)
    if any(n > ANNOTATIONS_PER_LEVEL for n in total.values()):
        limit["notice"] -= 1  # the summary is a notice too: keep a place for it
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    for diag in diagnostics:
        level = _LEVEL[diag.severity]
        if shown[level] >= limit[level]:
            hidden[level] += 1
            continue
        shown[level] += 1
        rule = ctx.rules.get(diag.code)
        title = f"{diag.code} {rule.name}" if rule else diag.code
        message = diag.message + (f" (help: {diag.suggestion})" if diag.suggestion else "")
        props = (
            f"file={_escape_property(display_path(relative_path(diag.path, ctx.root)))},line={diag.line},col={diag.column},"
            f"endLine={diag.end_line},endColumn={diag.end_column},title={_escape_property(title)}"
        )
        out.write(f"::{level} {props}::{_escape_data(message)}\n")
    if hidden:
        parts = ", ".join(f"{n} more {level}s" for level, n in sorted(hidden.items()))
        out.write(
            f"::notice title=newslint::{parts} not annotated (GitHub shows {ANNOTATIONS_PER_LEVEL} per level); "
            "run newslint locally or use --format sarif for the full list\n"
        )


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"github": report_github}
