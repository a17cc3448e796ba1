"""What a reporter receives, and the signature every output format implements."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from newslint.model.diagnostic import Diagnostic, Rule
from newslint.text.lazy_re import lazy_compile

__all__ = ["ReportContext", "Reporter", "display_path", "escape_surrogates", "needs_texts"]

# Characters a file name (or a dataset id) may hold that would break a line-based
# report or drive a terminal: C0 and C1 controls, DEL, line and paragraph
# separators, bidirectional overrides, and surrogates (bytes that were not UTF-8).
_UNPRINTABLE = lazy_compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def display_path(path: str) -> str:
    """``path`` safe to print on one line: ``\\n``, ``\\x1b``, ``\\xff`` (a non-UTF-8 byte), ``\\u202e``.

    Every line-based format (text, GitHub, HTML, JUnit, messages on stderr)
    shows paths this way, so a file name cannot start a new line, move the
    cursor or recolour a terminal. JSON formats keep the path itself (JSON
    escapes controls), see ``escape_surrogates``.
    """
    return path if path.isprintable() else _UNPRINTABLE.sub(_escape, path)


_SURROGATE = lazy_compile("[\ud800-\udfff]")


def escape_surrogates(json_text: str) -> str:
    """JSON text with each lone surrogate written as a ``\\udcff`` escape, so it is valid UTF-8.

    ``json.loads`` gives the surrogate back, and ``os.fsencode`` the original byte:
    a non-UTF-8 file name round-trips.
    """
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


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
