"""Bytes that are not UTF-8 text: the NL001 rule, and the diagnostic the runner builds before parsing.

The rule lives in the model, not in a plugin, because the engine itself reports
it (a file that cannot be decoded never reaches the plugins); the ``encoding``
plugin (``newslint.checks.encoding``) declares it, so ``--list-rules``, selection
and ``-p no:encoding`` treat it like any other rule.
"""

from __future__ import annotations

from newslint.model.diagnostic import Category, Diagnostic, Rule, Severity
from newslint.model.document import DecodeError, Document

__all__ = ["INVALID_UTF8", "decode_error_diagnostic"]

EXPLAIN_NL001 = """\
## What it does
Reports a file that is not valid UTF-8, with the byte offset of the first bad
byte, or a file saved as UTF-16. The rest of the run goes on.

## Why is this bad?
Every tool downstream (the CMS, the search index, a dataset loader) reads
articles as UTF-8. A file in Windows-1252 or UTF-16 turns "café" into "caf�"
or into unreadable text, silently, somewhere else.

## Example
    caf\\xe9 au lait        (the byte 0xE9: Latin-1 "é")

Use instead:
    café au lait          (saved as UTF-8: 0xC3 0xA9)

## Known problems
Only the first bad byte is reported; fix it and run again to find the next.
"""

INVALID_UTF8 = Rule(
    code="NL001",
    name="invalid-utf8",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    summary="File is not valid UTF-8",
    explanation=EXPLAIN_NL001,
)


def decode_error_diagnostic(path: str, data: bytes, error: DecodeError) -> Diagnostic:
    """An NL001 diagnostic at the line and column where the bad byte sits."""
    prefix = data[: error.byte].decode("utf-8", errors="replace").removeprefix("\ufeff")
    line, column = Document(prefix).position(len(prefix))
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + 1,
        code=INVALID_UTF8.code,
        message=f"Not valid UTF-8 at byte {error.byte}: {error.reason}",
        severity=INVALID_UTF8.severity,
        category=INVALID_UTF8.category,
        suggestion="Save the file as UTF-8",
    )
