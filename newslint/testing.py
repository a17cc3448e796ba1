"""Helpers for testing rules, newslint's own and a plugin author's.

``positions(text, select=["NL501"])`` returns ``[(line, col, end_line, end_col)]``
for the diagnostics of the selected rules, so a test states exact positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newslint.model.diagnostic import Diagnostic

__all__ = ["check", "positions", "span"]


def check(text: str, select: Sequence[str], **options: Any) -> list[Diagnostic]:
    """Diagnostics of the ``select``-ed rules on ``text``, isolated from config and installed plugins."""
    from newslint import lint_text

    options.setdefault("isolated", True)
    options.setdefault("entry_points", False)
    return lint_text(text, "test.txt", select=list(select), **options)


def positions(text: str, select: Sequence[str], **options: Any) -> list[tuple[int, int, int, int]]:
    """``(line, column, end_line, end_column)`` of each diagnostic, in order."""
    return [(d.line, d.column, d.end_line, d.end_column) for d in check(text, select, **options)]


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int, int, int]:
    """``(line, column, end_line, end_column)`` of the ``nth`` occurrence of ``needle`` in ``text``.

    For stating expected positions without counting columns by hand.
    """
    from newslint.model.document import Document

    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    doc = Document(text)
    return (*doc.position(start), *doc.position(start + len(needle)))
