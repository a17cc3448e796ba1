"""``--format json`` (one array) and ``--format jsonl`` (one object per line)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from newslint import Diagnostic, ReportContext, Reporter, hookimpl


def report_json(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    json.dump([d.to_dict() for d in diagnostics], out, ensure_ascii=False, indent=2)
    out.write("\n")


def report_jsonl(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    for diag in diagnostics:
        out.write(json.dumps(diag.to_dict(), ensure_ascii=False) + "\n")


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"json": report_json, "jsonl": report_jsonl}
