"""Text folding shared by every rule that compares text.

Two copies of a paragraph that differ only in quote style, dash kind, case or
spacing are the same paragraph to a reader; ``fold`` makes them equal strings.
"""

from __future__ import annotations

import unicodedata

from newslint.text.lazy_re import lazy_compile

__all__ = ["APOSTROPHES", "DASHES", "HYPHENS", "fold", "is_blank"]

#: Characters that join a compound word ("Jae-myung", "Jae\u2011myung").
HYPHENS = "-\u2010\u2011"
#: Every dash-like character, folded to "-" when comparing.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
#: Apostrophes and single quotes.
APOSTROPHES = "'\u2018\u2019\u201a\u201b\u2032\u02bc\uff07"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02'

# Zero-width characters that count as space (str.split() and \\s already cover
# every character for which str.isspace() holds, no-break spaces included).
_ZERO_WIDTH_SPACES = "\u200b\u2060\ufeff"
_FOLD_TABLE = str.maketrans(
    {
        **{c: "-" for c in DASHES},
        **{c: "'" for c in APOSTROPHES},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: " " for c in _ZERO_WIDTH_SPACES},
    }
)
# Any character that is not whitespace (no-break and zero-width spaces are whitespace here).
_NOT_SPACE = lazy_compile(r"[^\s\u00a0\u200b\u2060\ufeff]")
# A dash with spaces around it, or none: "TOKYO (AP) - Japan" and "TOKYO (AP) –Japan".
_SPACED_DASH = lazy_compile(r" ?- ?")


_LONG_FOLD = 65_536  # code points folded at once (``_fold_long``)


def fold(text: str) -> str:
    """Fold case, quotes, apostrophes, dashes and whitespace runs for comparison."""
    if len(text) > _LONG_FOLD:
        text = _fold_long(text)
    else:
        text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD_TABLE)
        text = " ".join(text.split())  # runs of whitespace to one space, trimmed
    return _SPACED_DASH.sub("-", text) if "-" in text else text


def _fold_long(text: str) -> str:
    """``fold`` but the dashes, a stretch at a time: a long text's words are never all in one list.

    Folding a text whole holds about seven times its size at once (the
    casefold buffer, the list of its words). Stretches end before an ASCII
    space, which nothing composes with and which is whitespace either way,
    so the folded stretches joined by one space are the folded text.
    """
    parts = []
    pos, n = 0, len(text)
    while pos < n:
        cut = text.find(" ", pos + _LONG_FOLD)
        if cut < 0:
            cut = n
        part = " ".join(unicodedata.normalize("NFKC", text[pos:cut]).casefold().translate(_FOLD_TABLE).split())
        if part:
            parts.append(part)
        pos = cut
    return " ".join(parts)


def is_blank(text: str) -> bool:
    """True for text that holds nothing but whitespace (no-break spaces included)."""
    return not text or text.isspace() or _NOT_SPACE.search(text) is None
