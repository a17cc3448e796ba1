"""``--format junit``: JUnit XML, which CI test-report views (GitLab, Jenkins, Azure) read.

One ``testsuite`` named newslint; a ``testcase`` per linted file, passing when
the file is clean and holding one ``failure`` per finding otherwise; a file
that could not be read is a testcase with an ``error``. ElementTree escapes
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


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def junit_tree(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> ET.Element:
    """The ``<testsuites>`` element holding the one ``<testsuite>``."""
    import xml.etree.ElementTree as ET  # only when this format is asked for

    by_path: dict[str, list[Diagnostic]] = {}
    for diag in diagnostics:
        by_path.setdefault(diag.path, []).append(diag)
    paths = list(dict.fromkeys([*ctx.paths, *by_path]))
    failures = sum(1 for path in paths if path in by_path)
    counts = {"tests": str(len(paths) + len(ctx.errors)), "failures": str(failures), "errors": str(len(ctx.errors))}
    suites = ET.Element("testsuites", {"name": "newslint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "newslint", **counts, "skipped": "0"})
    for path in paths:
        rel = display_path(relative_path(path, ctx.root))
        case = ET.SubElement(suite, "testcase", {"classname": "newslint", "name": _xml_text(rel), "file": _xml_text(rel)})
        for diag in by_path.get(path, ()):
            help_text = f" (help: {diag.suggestion})" if diag.suggestion else ""
            failure = ET.SubElement(
                case,
                "failure",
                {"message": _xml_text(f"{diag.line}:{diag.column}: {diag.code} {diag.message}"), "type": diag.code},
            )
            failure.text = _xml_text(f"{rel}:{diag.line}:{diag.column}: {diag.code} {diag.message}{help_text}")
    for error in ctx.errors:
        case = ET.SubElement(suite, "testcase", {"classname": "newslint", "name": _xml_text(error.split(": ", 1)[0])})
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
