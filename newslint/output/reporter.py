"""What a reporter receives, and the signature every output format implements."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from newslint.model.diagnostic import Diagnostic, Rule

__all__ = ["ReportContext", "Reporter", "needs_texts"]


@dataclass
class ReportContext:
    """Run-level facts a reporter may show besides the diagnostics.

    Args:
        rules: Every registered rule by code (names, summaries, docs).
        color: Whether ANSI colour is wanted (a TTY, and ``NO_COLOR`` unset).
        root: Directory that repo-relative paths (SARIF, GitLab) are relative to.
        files_checked: How many documents were linted.
        errors: I/O, decoding or usage problems, already printed to stderr.
        texts: Decoded text by path, for reporters that show context; filled
            only for a reporter whose ``needs_texts`` attribute is true.
        paths: Every document linted, in order, clean ones included (JUnit).
    """

    rules: Mapping[str, Rule]
    color: bool = False
    root: Path = field(default_factory=Path.cwd)
    files_checked: int = 0
    errors: Sequence[str] = ()
    texts: Mapping[str, str] = field(default_factory=dict)
    paths: Sequence[str] = ()


#: A reporter writes every diagnostic (already sorted) to ``out``.
Reporter = Callable[[Sequence[Diagnostic], ReportContext, TextIO], None]


def needs_texts(reporter: Reporter) -> bool:
    """Whether ``reporter`` asks for the documents' text (set ``reporter.needs_texts = True``)."""
    return bool(getattr(reporter, "needs_texts", False))
