"""``--format text``: ``path:line:col: CODE message``, which editors' problem matchers read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from newslint import Diagnostic, ReportContext, Reporter, Severity, hookimpl
from newslint.output.reporter import display_path

_BOLD, _RED, _YELLOW, _CYAN, _DIM, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[2m", "\x1b[0m"
_SEVERITY_COLOUR = {Severity.ERROR: _RED, Severity.WARNING: _YELLOW, Severity.INFO: _CYAN}


def format_line(diag: Diagnostic, color: bool = False) -> str:
    """One diagnostic as ``path:line:col: CODE message (help: suggestion)``."""
    help_text = f" (help: {diag.suggestion})" if diag.suggestion else ""
    path = display_path(diag.path)
    if not color:
        return f"{path}:{diag.line}:{diag.column}: {diag.code} {diag.message}{help_text}"
    colour = _SEVERITY_COLOUR[diag.severity]
    return (
        f"{_BOLD}{path}{_RESET}:{diag.line}:{diag.column}: {colour}{_BOLD}{diag.code}{_RESET} "
        f"{diag.message}{_DIM}{help_text}{_RESET}"
    )


def report_text(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    out.writelines(format_line(diag, ctx.color) + "\n" for diag in diagnostics)
    if diagnostics:
        files = len({d.path for d in diagnostics})
        noun = "problem" if len(diagnostics) == 1 else "problems"
        out.write(f"Found {len(diagnostics)} {noun} in {files} of {ctx.files_checked} files.\n")


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"text": report_text}
