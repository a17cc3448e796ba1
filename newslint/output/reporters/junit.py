"""``--format junit``: JUnit XML, which CI test-report views (GitLab, Jenkins, Azure) read.

A ``testsuite`` per linted file, named by its path; in it a ``testcase`` per
finding, each with exactly one ``failure`` (GitLab, Jenkins and Azure show one
failure per case), or one passing testcase for a clean file. Files that could
not be read are testcases with an ``error`` in a last suite. Every element has
a ``time`` attribute, as some readers require; newslint does not time single
findings, so it is ``0``. ElementTree escapes
markup; characters XML 1.0 cannot hold at all (most C0 controls) are written
as ``\\uXXXX``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from newslint import Diagnostic, ReportContext, Reporter, hookimpl
from newslint.output.baseline import relative_path
from newslint.output.reporter import display_path

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

# Code points XML 1.0 forbids even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_TIME = "0"


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def junit_tree(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> ET.Element:
    """``<testsuites>`` holding a ``<testsuite>`` per file and one for unreadable files."""
    import xml.etree.ElementTree as ET  # only when this format is asked for

    by_path: dict[str, list[Diagnostic]] = {}
    for diag in diagnostics:
        by_path.setdefault(diag.path, []).append(diag)
    paths = list(dict.fromkeys([*ctx.paths, *by_path]))
    total_tests = sum(max(1, len(by_path.get(p, ()))) for p in paths) + len(ctx.errors)
    suites = ET.Element(
        "testsuites",
        {
            "name": "newslint",
            "tests": str(total_tests),
            "failures": str(len(diagnostics)),
            "errors": str(len(ctx.errors)),
            "time": _TIME,
        },
    )
    for path in paths:
        rel = _xml_text(display_path(relative_path(path, ctx.root)))
        found = by_path.get(path, [])
        suite = ET.SubElement(
            suites,
            "testsuite",
            {
                "name": rel,
                "tests": str(max(1, len(found))),
                "failures": str(len(found)),
                "errors": "0",
                "skipped": "0",
                "time": _TIME,
                "file": rel,
            },
        )
        if not found:
            ET.SubElement(suite, "testcase", {"classname": rel, "name": "newslint", "file": rel, "time": _TIME})
        for diag in found:
            help_text = f" (help: {diag.suggestion})" if diag.suggestion else ""
            case = ET.SubElement(
                suite,
                "testcase",
                {
                    "classname": rel,
                    "name": f"{diag.code} at {diag.line}:{diag.column}",
                    "file": rel,
                    "line": str(diag.line),
                    "time": _TIME,
                },
            )
            failure = ET.SubElement(
                case,
                "failure",
                {"message": _xml_text(f"{diag.line}:{diag.column}: {diag.code} {diag.message}"), "type": diag.code},
            )
            failure.text = _xml_text(f"{rel}:{diag.line}:{diag.column}: {diag.code} {diag.message}{help_text}")
    if ctx.errors:
        suite = ET.SubElement(
            suites,
            "testsuite",
            {
                "name": "newslint errors",
                "tests": str(len(ctx.errors)),
                "failures": "0",
                "errors": str(len(ctx.errors)),
                "skipped": "0",
                "time": _TIME,
            },
        )
        for error in ctx.errors:
            name = _xml_text(error.split(": ", 1)[0])
            case = ET.SubElement(suite, "testcase", {"classname": name, "name": "newslint", "time": _TIME})
            ET.SubElement(case, "error", {"message": _xml_text(error), "type": "error"})
    return suites


def report_junit(diagnostics: Sequence[Diagnostic], ctx: ReportContext, out: TextIO) -> None:
    import xml.etree.ElementTree as ET

    tree = ET.ElementTree(junit_tree(diagnostics, ctx))
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    tree.write(out, encoding="unicode")
    out.write("\n")


@hookimpl
def newslint_reporters() -> dict[str, Reporter]:
    return {"junit": report_junit}
