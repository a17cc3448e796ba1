"""``--format sarif``: SARIF 2.1.0, which GitHub code scanning and SARIF viewers read.

One run. ``tool.driver.rules`` lists every registered rule with its
documentation; each result points at a URI relative to the report root under
``%SRCROOT%``, with a region whose columns count Unicode code points (declared
by the run's ``columnKind``), and carries the baseline fingerprint (see
``newslint.output.baseline``) in ``partialFingerprints``, so code scanning keeps
tracking a finding when lines are inserted above it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from newslint import Diagnostic, ReportContext, Reporter, Rule, Severity, __version__, hookimpl
from newslint.output.baseline import fingerprints, relative_path
from newslint.output.reporters.json import write_json

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#: Where a SARIF consumer sends a user who wants to know what newslint is.
INFORMATION_URI = "https://pypi.org/project/newslint/"
#: Where each rule's documentation page lives: ``docs/rules/<CODE>.md`` in the repository.
#: ``NEWSLINT_DOCS_URL`` overrides it (a fork, a mirror, a published site).
DOCS_BASE_URL = os.environ.get("NEWSLINT_DOCS_URL", "https://github.com/newslint/newslint/blob/main/docs/rules/")
#: The key of our fingerprint in ``partialFingerprints`` (versioned: bump it if the fingerprint changes).
FINGERPRINT_KEY = "newslint/v1"
SRCROOT = "%SRCROOT%"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# The first paragraph under "## What it does" in a rule's explanation.
_WHAT_IT_DOES = re.compile(r"## What it does\s*\n(.+?)(?:\n\s*\n|\Z)", re.DOTALL)


def _first_paragraph(rule: Rule) -> str:
    m = _WHAT_IT_DOES.search(rule.explanation)
    return " ".join(m.group(1).split()) if m else rule.summary


def plain_text(markdown: str) -> str:
    """The explanation's Markdown as plain text: no heading marks, fences or backticks."""
    out = []
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            continue
        line = re.sub(r"^#{1,6}\s+", "", line)
        out.append(line.replace("`", ""))
    return "\n".join(out).strip() + "\n"


def help_uri(rule: Rule) -> str:
    """The rule's documentation page (``DOCS_BASE_URL`` + ``CODE.md``)."""
    return f"{DOCS_BASE_URL.rstrip('/')}/{rule.code}.md"


def rule_descriptor(rule: Rule) -> dict[str, object]:
    """A ``reportingDescriptor`` for one rule."""
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _first_paragraph(rule)},
        "helpUri": help_uri(rule),
        "help": {"text": plain_text(rule.explanation), "markdown": rule.explanation},
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": rule.default_enabled},
        "properties": {"tags": [rule.category.value]},
    }


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """A percent-encoded URI relative to ``%SRCROOT%``, or an absolute file URI outside the root."""
    rel = relative_path(path, root)
    if rel.startswith(("/", "../")) or rel == "..":
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    # The name's own bytes, percent-encoded: a non-UTF-8 name (surrogate-escaped) stays exact.
    return {"uri": quote(os.fsencode(rel), safe="/"), "uriBaseId": SRCROOT}


def _message(diag: Diagnostic) -> str:
    return diag.message + (f" (help: {diag.suggestion})" if diag.suggestion else "")


def sarif_fixes(diag: Diagnostic, location: dict[str, str]) -> list[dict[str, object]]:
    """The diagnostic's fix as SARIF ``fixes`` (one fix, its edits as replacements)."""
    data = diag.fix_data()
    if data is None:
        return []
    replacements = []
    for edit in data["edits"]:  # type: ignore[attr-defined]
        replacements.append(
            {
                "deletedRegion": {
                    "startLine": edit["location"]["row"],
                    "startColumn": edit["location"]["column"],
                    "endLine": edit["end_location"]["row"],
                    "endColumn": edit["end_location"]["column"],
                },
                "insertedContent": {"text": edit["content"]},
            }
        )
    description = data["message"] or "Apply the fix"
    return [
        {
            "description": {"text": f"{description} ({data['applicability']})"},
            "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
            "properties": {"applicability": data["applicability"]},
        }
    ]


def sarif_log(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> dict[str, object]:
    """The SARIF log as a dict (``report_sarif`` writes it as JSON)."""
    index = {code: i for i, code in enumerate(ctx.rules)}
    results = []
    for diag, key, occurrence in fingerprints(diagnostics, ctx.root):
        location = artifact_location(diag.path, ctx.root)
        result: dict[str, object] = {
            "ruleId": diag.code,
            "level": LEVEL[diag.severity],
            "message": {"text": _message(diag)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": {
                            "startLine": diag.line,
                            "startColumn": diag.column,
                            "endLine": diag.end_line,
                            "endColumn": diag.end_column,
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: f"{key}:{occurrence}"},
            "properties": {"category": diag.category.value},
        }
        if diag.code in index:
            result["ruleIndex"] = index[diag.code]
        fixes = sarif_fixes(diag, location)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    invocation: dict[str, object] = {"executionSuccessful": not ctx.errors}
    if ctx.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error}} for error in ctx.errors
        ]
    run = {
        "tool": {
            "driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rule) for rule in ctx.rules.values()],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": ctx.root.resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def report_sarif(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    write_json(sarif_log(diagnostics, ctx), out)


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"sarif": report_sarif}
