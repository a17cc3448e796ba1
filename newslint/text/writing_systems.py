"""Writing systems: which script each letter belongs to, and which a span is written in.

Letters are sorted into scripts by code-point range (Latin, Arabic, Han,
Hangul...). Marks, digits, punctuation and spaces belong to none. Scripts that
one language writes together form a *writing system*: Japanese is Han plus
hiragana and katakana, Korean is Hangul with the odd Han character. A span is
in a foreign script when most of its letters fall outside the document's
writing system.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["WRITING_SYSTEMS", "ScriptProfile", "WritingSystem", "dominant_system", "profile", "script_of"]

# (first, last, script): inclusive code-point ranges, sorted, non-overlapping.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "latin"),
    (0x0061, 0x007A, "latin"),
    (0x00AA, 0x00AA, "latin"),
    (0x00BA, 0x00BA, "latin"),
    (0x00C0, 0x024F, "latin"),
    (0x0250, 0x02AF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0700, 0x074F, "syriac"),
    (0x0750, 0x077F, "arabic"),
    (0x0780, 0x07BF, "thaana"),
    (0x08A0, 0x08FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B00, 0x0B7F, "oriya"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"),
    (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x0F00, 0x0FFF, "tibetan"),
    (0x1000, 0x109F, "myanmar"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"),
    (0x1C80, 0x1C8F, "cyrillic"),
    (0x1E00, 0x1EFF, "latin"),
    (0x1F00, 0x1FFF, "greek"),
    (0x2C60, 0x2C7F, "latin"),
    (0x2DE0, 0x2DFF, "cyrillic"),
    (0x3005, 0x3007, "han"),  # 々 〆 〇
    (0x3021, 0x3029, "han"),
    (0x3041, 0x309F, "hiragana"),
    (0x30A0, 0x30FF, "katakana"),
    (0x3131, 0x318F, "hangul"),
    (0x31F0, 0x31FF, "katakana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xA640, 0xA69F, "cyrillic"),
    (0xA720, 0xA7FF, "latin"),
    (0xA960, 0xA97F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xD7B0, 0xD7FF, "hangul"),
    (0xF900, 0xFAFF, "han"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0xFF21, 0xFF3A, "latin"),
    (0xFF41, 0xFF5A, "latin"),
    (0xFF66, 0xFF9F, "katakana"),
    (0xFFA0, 0xFFDC, "hangul"),
    (0x20000, 0x3134F, "han"),
)
_STARTS = [r[0] for r in _RANGES]

#: Scripts written together by one language, keyed by the system's name.
_SYSTEMS: dict[str, frozenset[str]] = {
    "japanese": frozenset({"han", "hiragana", "katakana"}),
    "korean": frozenset({"hangul", "han"}),
    "chinese": frozenset({"han"}),
}
_KANA = ("hiragana", "katakana")
#: Every name ``dominant_system`` can return.
WRITING_SYSTEMS = frozenset(
    {r[2] for r in _RANGES} - {"han", "hiragana", "katakana", "hangul"} | set(_SYSTEMS) | {"other"}
)
# Kana above this share of Han plus kana letters makes Han text Japanese.
_KANA_SHARE = 0.05


def script_of(char: str) -> str | None:
    """The script of one letter, or ``None`` for marks, digits, punctuation and spaces."""
    try:
        return _SCRIPT_OF[char]
    except KeyError:
        script = _SCRIPT_OF[char] = _script_of(char)
        return script


# ``script_of`` per character seen so far: a text has few distinct characters.
_SCRIPT_OF: dict[str, str | None] = {}


def _script_of(char: str) -> str | None:
    if not char.isalpha():
        return None
    code = ord(char)
    i = bisect.bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _RANGES[i][1]:
        return _RANGES[i][2]
    return "other"


class ScriptProfile(NamedTuple):
    """Letters per script in a span; ``letters`` is their total."""

    counts: Counter[str]
    letters: int

    def share_outside(self, scripts: frozenset[str]) -> float:
        """The share of letters written in none of ``scripts`` (0 for a span without letters)."""
        if not self.letters:
            return 0.0
        inside = sum(n for script, n in self.counts.items() if script in scripts)
        return 1.0 - inside / self.letters

    def outside(self, scripts: frozenset[str]) -> Counter[str]:
        """The letter counts of scripts not in ``scripts``."""
        return Counter({s: n for s, n in self.counts.items() if s not in scripts})


def profile(text: str) -> ScriptProfile:
    """Count the letters of ``text`` by script."""
    counts: Counter[str] = Counter()
    # Each distinct character once, in order of first appearance (so scripts
    # keep the order in which they first appear, as ``most_common`` ties need).
    for char, n in Counter(text).items():
        script = script_of(char)
        if script is not None:
            counts[script] += n
    return ScriptProfile(counts, sum(counts.values()))


class WritingSystem(NamedTuple):
    """A document's writing system: its name and the scripts it is written in."""

    name: str
    scripts: frozenset[str]


def dominant_system(profiles: Iterable[ScriptProfile]) -> WritingSystem | None:
    """The writing system most of the letters belong to; ``None`` when there are no letters.

    Han letters count for Japanese when kana is present, for Korean when Hangul
    outnumbers them, and for Chinese otherwise.
    """
    total: Counter[str] = Counter()
    for p in profiles:
        total.update(p.counts)
    if not total:
        return None
    han = total["han"]
    kana = sum(total[k] for k in _KANA)
    grouped: Counter[str] = Counter({s: n for s, n in total.items() if s not in ("han", *_KANA)})
    if kana and kana >= _KANA_SHARE * (han + kana):
        grouped["japanese"] += han + kana
    elif han and total["hangul"] > han:
        grouped["korean"] += han + grouped.pop("hangul", 0)
    elif han:
        grouped["chinese"] += han
    name = max(sorted(grouped), key=lambda s: grouped[s])
    return WritingSystem(name, _SYSTEMS.get(name, frozenset({name})))
