"""``--format json`` (one array) and ``--format jsonl`` (one object per line)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from newslint import Diagnostic, ReportContext, Reporter, hookimpl
from newslint.output.reporter import escape_surrogates


def write_json(data: object, out: TextIO) -> None:
    """Indented UTF-8 JSON and a final newline: every JSON format writes this way."""
    import json  # only when a JSON format is asked for

    out.write(escape_surrogates(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def report_json(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    write_json([d.to_dict() for d in diagnostics], out)


def report_jsonl(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    import json

    out.writelines(escape_surrogates(json.dumps(diag.to_dict(), ensure_ascii=False)) + "\n" for diag in diagnostics)


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"json": report_json, "jsonl": report_jsonl}
