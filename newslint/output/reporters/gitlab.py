"""``--format gitlab``: GitLab Code Quality, the subset of Code Climate's issue format GitLab reads.

Save it as the job's ``artifacts:reports:codequality`` file. GitLab shows one
finding per ``fingerprint``, so each carries the baseline fingerprint (code,
path, text around it; see ``newslint.output.baseline``) and its occurrence number:
unique in one report, stable when lines are inserted above it, so the merge
request widget shows only findings the change introduced.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TextIO

from newslint import Diagnostic, ReportContext, Reporter, Severity, hookimpl
from newslint.output.baseline import fingerprints, relative_path
from newslint.output.reporters.json import write_json

#: GitLab's severities are info, minor, major, critical and blocker; no newslint finding blocks a merge.
SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def code_quality(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> list[dict[str, object]]:
    """The Code Quality issues as a list of dicts."""
    issues: list[dict[str, object]] = []
    for diag, key, occurrence in fingerprints(diagnostics, ctx.root):
        rule = ctx.rules.get(diag.code)
        help_text = f" (help: {diag.suggestion})" if diag.suggestion else ""
        issues.append(
            {
                "description": f"{diag.code} {diag.message}{help_text}",
                "check_name": f"{diag.code} {rule.name}" if rule else diag.code,
                "fingerprint": hashlib.md5(f"{key}:{occurrence}".encode(), usedforsecurity=False).hexdigest(),
                "severity": SEVERITY[diag.severity],
                "location": {
                    "path": relative_path(diag.path, ctx.root),
                    "lines": {"begin": diag.line, "end": diag.end_line},
                },
            }
        )
    return issues


def report_gitlab(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    write_json(code_quality(diagnostics, ctx), out)


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"gitlab": report_gitlab}
