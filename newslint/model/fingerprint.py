"""Fingerprints of findings that survive edits elsewhere in the file.

A finding's *anchor* is a digest of the folded text it covers plus the folded
sentence around it (the line, where no sentence holds it). ``Document.diagnostic``
computes it once, where the text is at hand, and the ``Diagnostic`` carries it
as a short string, so nothing downstream needs the text again. Its *fingerprint*
adds the rule code and the path relative to a root. Neither holds a line or a
column: inserting text above a finding changes neither, so a baselined finding
stays silent after the edit, and SARIF's ``partialFingerprints`` stay stable.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol

from newslint.model.diagnostic import Diagnostic
from newslint.text.lazy_re import lazy_compile
from newslint.text.normalize import fold

__all__ = ["anchor", "fingerprint"]

_DIGITS = lazy_compile(r"[0-9]+")  # numbers in a message: byte offsets, line numbers


class _Sentence(Protocol):
    @property
    def index(self) -> int: ...


class _Text(Protocol):
    """What ``anchor`` needs of a ``Document`` (kept structural: document.py imports this module)."""

    text: str

    def sentence_text(self, sentence: Any) -> str: ...

    def sentence_at(self, offset: int) -> _Sentence | None: ...

    def position(self, offset: int) -> tuple[int, int]: ...

    def line_text(self, number: int) -> str: ...


def _digest(*parts: str, size: int = 32) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:size]


def anchor(doc: _Text, start: int, end: int) -> str:
    """Digest of the folded span and the folded sentence (or line) holding its start."""
    sentence = doc.sentence_at(start)
    if sentence is not None:
        context = fold(doc.sentence_text(sentence))  # ``Document.sentence_fingerprints[sentence.index]``
    else:
        context = fold(doc.line_text(doc.position(start)[0]))
    return _digest(fold(doc.text[start:end]), context, size=16)


def fingerprint(diag: Diagnostic, path: str) -> str:
    """Code, path (already made relative) and the text around the finding; never its position.

    A diagnostic built without a document (an undecodable file) has no anchor;
    its message stands in, with numbers masked so that a byte offset or a line
    number in it does not count.
    """
    context = diag.anchor or _DIGITS.sub("#", fold(diag.message))
    return _digest(diag.code, path, context)
