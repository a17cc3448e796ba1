"""The spelling lexicon behind NL1xx: a tiered dictionary of the real world, and ranked corrections.

Tiers:
- *core*: trusted lists: ``rules/words.txt`` (SCOWL at size 50 in American,
  British and Canadian spelling, plus curated news vocabulary, built by
  ``tools/build_words.py``) and the user's ``words`` / ``word-lists``. A
  capitalised entry ("Barth") counts only for a capitalised token.
- *extended*: wordfreq's English list (a runtime dependency: its data is
  CC-BY-SA-4.0, so it is read from the installed package, never copied). A
  word of that list is accepted when it is common (``COMMON`` per billion
  words, about 1 per million, or more), or when no known word one typing
  slip away (a letter lost, two swapped, a neighbouring key, a vowel for a
  vowel) is ``MUCH_COMMONER`` times as frequent: "frontman" and "gzip" are
  accepted, "truk" (one slip from "truck") is not. That judgement is made for every
  form when the lexicon is built (``build_rivalled``) and cached with it, so that a
  run's first pass reads it instead of judging each new form; forms one edit from
  the user's own words are judged again, on first use.
- *slip-shaped forms* of the extended tier are refused whatever their
  frequency (``slip_shaped``): a form one slip (two letters swapped, a letter
  doubled or dropped, a vowel for a vowel) from a core word ``SLIP_COMMONER``
  times as common, unless the form is itself ``VERY_COMMON``
  ("recieved", "goin", "untill"), or a long form (``_LONG_WORD``) with a
  vowel or a doubling changed from a core word merely ``_LONG_COMMONER``
  times as common ("indispensible", "transfered"); a very common word with a clitic's letters
  and no apostrophe ("thats", "didnt", "womens"). These shapes are also what the term rule of
  NL101 refuses to take for terms. A capitalised one still counts as a name
  ("Claus", "Tennant") when wordfreq knows it well enough.

Frequencies are wordfreq's, in occurrences per billion words (a core word
wordfreq lacks gets 1). The joined dictionary is written once to a versioned,
data-only ``marshal`` cache, sealed with the user's cache key (``newslint.safecache``) (dicts of ``str`` to ``int`` or ``str``
and a list of ``str``, checked on load) under the user cache directory; the distance-2
index (``DeleteIndex``: hashed one- and two-letter deletions in sorted
arrays, kept as bytes) has its own cache, loaded only when a word needs it.

``LexiconSpec`` is what travels to worker processes: paths, user words and a
content key, never the dictionary itself.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib.util import find_spec
from pathlib import Path
from zlib import crc32

from rapidfuzz.distance import OSA as _OSA

from newslint.plugin.config import read_regular
from newslint.plugin.packs import cache_dir
from newslint.safecache import read_sealed, write_sealed

__all__ = [
    "DeleteIndex",
    "LexiconSpec",
    "WordLexicon",
    "damerau",
    "edit_cost",
    "one_edit_cost",
    "read_word_list",
    "undoubled",
]

#: Bump when the cached form or the way it is built changes.
CACHE_FORMAT = 8
#: wordfreq's frequencies are stored as occurrences per this many words.
PER = 1_000_000_000
#: An extended-tier word this frequent (per billion: about 1 per million) is accepted outright.
COMMON = 1000
#: A rarer extended-tier word is refused when a known word one edit away is this many times commoner.
MUCH_COMMONER = 100
#: A rare extended-tier word with a capital is accepted at this frequency or more: wordfreq is lower-cased,
#: so "hamer" and "collett" are there as the names they are.
CAPITALISED_RARE = 50
#: A derived form's stem must be rarer than this (per billion): "anothers" and "justs" are no words.
_DERIVED_STEM_LIMIT = 100_000
#: ... unless wordfreq sees the derived form at least once for this many uses of the stem ("normals").
_ATTESTED_SHARE = 1000
#: A derived form one typing slip from a word this many times as common as its stem is that word
#: mistyped ("faied" is no "fay" + "ed": "failed" is 34 times as common) ...
_SLIP_OVER_STEM = 5
#: ... unless wordfreq itself sees the form often enough: that word must be this many times as common as the
#: form ("mics" beside "miss").
_UNATTESTED = 1000
#: A word of ``WordLexicon.split``'s ``trailing`` joins only after a word this long.
_TRAILED = 4
#: A rare (extended-tier) stem takes affixes only when this long and this frequent (per billion).
_SHORTEST_RARE_STEM = 5
_RARE_STEM_FLOOR = 20
#: Productive affixes: a form made with one from a known stem is a word unless a sibling form is one edit away.
_SUFFIXES = (
    "s",
    "es",
    "ed",
    "d",
    "ing",
    "ings",
    "er",
    "ers",
    "ly",
    "ily",
    "ness",
    "nesses",
    "less",
    "ism",
    "isms",
    "ist",
    "ists",
    "ish",
    "able",
    "ability",
    "ation",
    "ations",
    "ization",
    "ity",
    "y",
)
#: What another form of a stem ends with: an affix, or a past participle's "-n" ("chosen" beside "choses").
_SIBLING_ENDINGS = frozenset((*_SUFFIXES, "n", "en"))
#: Endings of agent nouns and "-y" adjectives: one letter from the stem's other forms ("balancer" beside
#: "balanced", "deserty" beside "deserts") and still words.
_AGENT_ENDINGS = ("er", "ers", "y")
_PREFIXES = ("un", "re", "de", "pre", "non", "over", "under", "mis", "dis", "sub", "super", "counter", "co", "up")
#: The shortest word that counts as a part of a closed compound ("hot" + "bars").
_SHORTEST_PART = 3
#: ... and the rarest (per billion: 5 per million): "karakia" is no "kara" + "kia".
_COMPOUND_PART = 5000
#: A word this frequent (per billion: 2 in 1,000 words) is a function word, no part of a compound ("all", "one").
_FUNCTION_WORD = 2_000_000
#: Frequency given to a user's word: a plain, mid-frequency word.
LIST_WORD_FREQUENCY = 1000
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
#: Longest token for which corrections are searched (bounded work per word).
MAX_SEARCH_LENGTH = 20
#: Bits of a distance-2 index key that number the word (the rest is the deletion's CRC-32).
_ID_BITS = 20
#: The top bits of a key's CRC that ``DeleteIndex.starts`` indexes.
_BUCKET_BITS = 16
#: Words shorter than this are searched for corrections one edit away only.
SHORTEST_DISTANCE2 = 5
#: A slip-shaped extended-tier form is refused when the core word it slips from is this many times commoner.
SLIP_COMMONER = 100
#: ... and for a form shorter than ``_SHORT_FORM``, where real words crowd ("mech", "mot" beside "much", "not"),
#: this many times ("tha", "wil" beside "the", "will").
SHORT_SLIP_COMMONER = 1000
_SHORT_FORM = 5
#: An extended-tier form this frequent (per billion: 10 per million) is a word whatever its shape.
VERY_COMMON = 10_000
#: Slip-shaped forms shorter than this are left to the general rule (``MUCH_COMMONER``).
_SHORTEST_SLIP = 3
#: A word this frequent (per billion) never takes a clitic's letters without the apostrophe.
_VERY_COMMON_STEM = 100_000
#: What follows an apostrophe in a contraction or a possessive: "that's", "didn't", "you're", "women's".
_CLITICS = frozenset({"s", "nt", "re", "ve", "ll", "d", "m"})
_VOWELS_ONLY = "aeiou"
#: A form of this many letters or more that differs from a core word only in its doubled letters ...
_DOUBLING_WORD = 6
#: ... is a misspelling when that word is this many times as common and common itself ("occured", "tommorow",
#: "reccomend": a doubled letter written single, a single one doubled, anywhere in the word, once or twice).
_DOUBLING_COMMONER = 20
_DOUBLED_LETTERS = re.compile(r"(.)\1+")
_TRIPLED = re.compile(r"(.)\1\1")


def undoubled(word: str) -> str:
    """``word`` with every run of one letter written once: "tommorow" and "tomorrow" both give "tomorow"."""
    return _DOUBLED_LETTERS.sub(r"\1", word)


#: A word this long with a commoner spelling one speller's slip away (``_spelling_slips``) is a misspelling.
_LONG_WORD = 8
#: ... when that core word is this many times as common ("wracking" beside "wrecking", 4.4 times, is a word).
_LONG_COMMONER = 5
#: How many of the most frequent words count as "very common" (the, and, with...).
_VERY_COMMON = 150
#: ``WordLexicon.ending_count`` counts the last this many letters of the known words ...
ENDING_LETTERS = 3
#: ... of this many letters or more.
ENDING_WORD = 6

_BUILT: dict[str, WordLexicon] = {}


def read_word_list(path: Path) -> list[str]:
    """Words of a word-list file: one per line, ``#`` starts a comment, blank lines ignored."""
    out = []
    for line in read_regular(path).decode("utf-8").splitlines():  # a regular file, bounded in size
        word = line.split("#", 1)[0].strip()
        if word:
            out.append(word)
    return out


def _package_file(package: str, *parts: str) -> Path | None:
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _wordfreq_data() -> Path:
    path = _package_file("wordfreq", "data", "large_en.msgpack.gz")
    if path is None:
        raise ModuleNotFoundError("wordfreq is not installed; pip install wordfreq")
    return path


def _stamp(path: Path | None) -> str:
    if path is None:
        return "none"
    stat = path.stat()
    return f"{stat.st_size}.{stat.st_mtime_ns}"


@dataclass(frozen=True)
class LexiconSpec:
    """Everything a ``WordLexicon`` is built from; small and picklable.

    Args:
        words_file: The core word list (``rules/words.txt``).
        extra_words: The user's ``words`` and the words of every ``word-lists`` file.
    """

    words_file: Path
    extra_words: tuple[str, ...] = ()

    @cached_property
    def _base_key(self) -> str:
        digest = hashlib.sha256(self.words_file.read_bytes()).hexdigest()[:16]
        return f"en-{_stamp(_wordfreq_data())}-{digest}-v{CACHE_FORMAT}"

    @property
    def key(self) -> str:
        extra = hashlib.sha256("\n".join(sorted(set(self.extra_words))).encode()).hexdigest()[:16]
        return f"{self._base_key}-{extra}"

    def __getstate__(self) -> dict[str, object]:
        return {"words_file": self.words_file, "extra_words": self.extra_words}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def get(self) -> WordLexicon:
        """The built lexicon for this spec, from this process's table, the disk cache or the sources."""
        key = self.key
        lexicon = _BUILT.get(key)
        if lexicon is None:
            base = self._base()
            words, names, endings = base["words"], base["names"], base["endings"]
            if self.extra_words:
                words, names = dict(words), dict(names)
                for word in self.extra_words:
                    target = names if word[:1].isupper() and word[1:].islower() else words
                    lower = word.lower()
                    target[lower] = max(target.get(lower, 0), LIST_WORD_FREQUENCY)
                added = count_endings(w for w in words if w not in base["words"])
                endings = {k: endings.get(k, 0) + added.get(k, 0) for k in endings.keys() | added.keys()}
            lexicon = _BUILT[key] = WordLexicon(
                words,
                names=names,
                rare=base["rare"],
                refused=frozenset(base["refused"]),
                slips=base["slips"],
                index=lambda _words: self._index(base["words"], extra=words if self.extra_words else None),
                rivalled=base["rivalled"],
                changed=[word.lower() for word in self.extra_words],
                endings=endings,
            )
        return lexicon

    def _index(self, words: dict[str, int], extra: dict[str, int] | None = None) -> tuple[DeleteIndex, ...]:
        """``build_index(words)`` from its own cache (loaded only when a word needs it), plus ``extra``'s new words."""
        path = cache_dir() / f"spelling-index-{self._base_key}.marshal"
        index = DeleteIndex.from_data(_read_cache(path))
        if index is None:
            index = build_index(words)
            _write_cache(path, index.data())
        if extra:
            return index, build_index({w: f for w, f in extra.items() if w not in words})
        return (index,)

    def _base(self) -> dict:
        """The tiers, from the cache when it is there and well formed."""
        path = cache_dir() / f"spelling-{self._base_key}.marshal"
        data = _read_cache(path)
        if _valid_base(data):
            return data  # type: ignore[return-value]  # checked by _valid_base
        data = build_base(self.words_file)
        _write_cache(path, data)
        return data


def _read_cache(path: Path) -> object:
    """What ``_write_cache`` wrote at ``path``, or ``None`` (``safecache.read_sealed``)."""
    return read_sealed(path, b"lexicon")


def _write_cache(path: Path, data: object) -> None:
    """Write atomically; a read-only or missing cache directory just means no cache."""
    write_sealed(path, b"lexicon", data)


def _all_str(table: dict[object, object]) -> bool:
    """Whether every key and value of the dict ``table`` is a ``str`` (checked in C)."""
    return _only(table.keys(), str) and _only(table.values(), str)


def _only(values: Iterable[object], kind: type) -> bool:
    """Whether every value is exactly of type ``kind`` (checked in C: ``map(type, ...)``)."""
    return set(map(type, values)) <= {kind}


def _valid_base(data: object) -> bool:
    """A cache is data only: dicts of ``str`` to ``int`` or ``str``, and lists of ``str``."""
    if not isinstance(data, dict) or set(data) != {"words", "names", "rare", "slips", "refused", "rivalled", "endings"}:
        return False
    for name in ("words", "names", "rare", "rivalled", "endings"):
        table = data[name]
        if type(table) is not dict or not (_only(table.keys(), str) and _only(table.values(), int)):
            return False
    return (
        type(data["slips"]) is dict
        and _all_str(data["slips"])
        and type(data["refused"]) is list
        and _only(data["refused"], str)
    )


def slip_intended(word: str) -> Iterator[str]:
    """The words that one slip turns into ``word``: two letters swapped, a letter doubled or dropped, a vowel swapped.

    Narrower than ``edits1``: an arbitrary letter added or changed is how a
    different word is made ("codec", "gzip"), these are how a known word is
    misspelled ("recieved", "untill", "goverment", "seperate").
    The definition: ``_is_slip`` decides the same for one string at a time
    (the tests hold the two equal), without making these hundreds.
    """
    n = len(word)
    for i in range(n - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            yield word[:i] + word[i + 1 :]  # a doubled letter typed: "untill"
    for i in range(n + 1):
        for c in _ALPHABET:
            yield word[:i] + c + word[i:]  # a letter dropped: "goverment"
    for i, c in enumerate(word):
        if c in _VOWELS_ONLY:
            for v in _VOWELS_ONLY:
                if v != c:
                    yield word[:i] + v + word[i + 1 :]  # "seperate", "definate"


def _spelling_slips(word: str) -> Iterator[str]:
    """The words that a speller's slip turns into ``word``: a vowel for a vowel, a letter doubled or not doubled.

    The definition: ``_is_spelling_slip`` decides the same for one string at a time.
    """
    for i, c in enumerate(word):
        if c in _VOWELS_ONLY:
            for v in _VOWELS_ONLY:
                if v != c:
                    yield word[:i] + v + word[i + 1 :]
        if i and word[i - 1] == c:
            yield word[:i] + word[i + 1 :]
        elif c not in _VOWELS_ONLY:
            yield word[:i] + c + word[i:]


def _first_difference(a: str, b: str) -> int:
    """The first position where ``a`` and ``b`` differ (the shorter one's length when one starts the other)."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def _is_slip(typed: str, word: str) -> bool:
    """Whether ``word`` is among ``slip_intended(typed)``: one slip turns ``word`` into ``typed``.

    Decided from the two strings, without generating ``slip_intended``'s hundreds.
    """
    n, m = len(typed), len(word)
    i = _first_difference(typed, word)
    if m == n + 1:  # a letter dropped: "goverment"
        return word[i] in _ALPHABET and word[i + 1 :] == typed[i:]
    if n == m + 1:  # a doubled letter typed: "untill"
        return typed[i + 1 :] == word[i:] and (typed[i - 1 : i] == typed[i] or typed[i + 1 : i + 2] == typed[i])
    if n != m or i == n:
        return False
    if typed[i + 1 :] == word[i + 1 :]:  # one letter changed: only a vowel for a vowel ("seperate")
        return typed[i] in _VOWELS_ONLY and word[i] in _VOWELS_ONLY
    # two neighbours swapped: "recieved"
    return i + 1 < n and typed[i] == word[i + 1] and typed[i + 1] == word[i] and typed[i + 2 :] == word[i + 2 :]


def _is_spelling_slip(typed: str, word: str) -> bool:
    """Whether ``word`` is among ``_spelling_slips(typed)``: a vowel for a vowel, a letter doubled or not doubled."""
    n, m = len(typed), len(word)
    i = _first_difference(typed, word)
    if n == m:
        return i < n and typed[i + 1 :] == word[i + 1 :] and typed[i] in _VOWELS_ONLY and word[i] in _VOWELS_ONLY
    if n == m + 1:  # a single letter doubled: "occassion"
        return typed[i + 1 :] == word[i:] and (typed[i - 1 : i] == typed[i] or typed[i + 1 : i + 2] == typed[i])
    if m == n + 1:  # a consonant not doubled: "transfered"
        c = word[i]
        return (
            c not in _VOWELS_ONLY and word[i + 1 :] == typed[i:] and (word[i - 1 : i] == c or word[i + 1 : i + 2] == c)
        )
    return False


def one_edit_words(word: str, words: dict[str, int]) -> set[str]:
    """The keys of ``words`` one edit (``edits1``) from ``word``: a set intersection, in C."""
    return words.keys() & edits1(word)


def slip_shaped(word: str, freq: int, core: dict[str, int], near: Iterable[str] | None = None) -> bool:
    """Whether a form that only the extended tier lists has a misspelling's shape (see the module's doc).

    ``core`` maps the trusted lower-case words to their frequencies; ``near``
    are its words one edit from ``word`` (``one_edit_words``), when known.
    """
    if word in core:
        return False
    for cut in range(len(word) - 1, 0, -1):
        head, tail = word[:cut], word[cut:]
        if len(tail) > 2:
            break
        if tail in _CLITICS and core.get(head, 0) >= _VERY_COMMON_STEM:
            return True  # "thats", "didnt", "youre", "womens": an apostrophe lost
    if freq >= VERY_COMMON or len(word) < _SHORTEST_SLIP:
        return False
    if near is None:
        near = one_edit_words(word, core)
    # Every form ``_spelling_slips`` and ``slip_intended`` make is one edit from ``word``: only ``near`` can be one.
    scale = max(freq, 1)
    if len(word) >= _LONG_WORD and any(core[w] >= _LONG_COMMONER * scale and _is_spelling_slip(word, w) for w in near):
        return True  # "miniscule", "indispensible", "transfered": a long word spelled by ear, and a commoner spelling
    factor = SLIP_COMMONER if len(word) >= _SHORT_FORM else SHORT_SLIP_COMMONER
    return any(core[w] >= factor * scale and _is_slip(word, w) for w in near)


def build_base(words_file: Path) -> dict:
    """Join the tiers (slow: done once, then cached).

    ``words`` are accepted for any token: core lower-case entries and
    extended-tier words of ``COMMON`` frequency or more. ``names`` are core
    entries listed only capitalised. The other extended-tier words are
    judged here, each by its neighbours one edit away (``build_rivalled``):
    ``rare`` holds those accepted (``WordLexicon.known``), ``rivalled`` those
    refused, slip-shaped common forms (``refused``) among them.
    """
    from wordfreq import read_cBpack

    # wordfreq's "cBpack": buckets of words, bucket i at a frequency of 10 ** (-i / 100)
    wf: dict[str, int] = {}
    for i, bucket in enumerate(read_cBpack(str(_wordfreq_data()))):
        freq = max(1, round(PER * 10 ** (-i / 100)))
        for word in bucket:
            if word.isascii() and word.isalpha() and word.islower() and word not in wf:
                wf[word] = freq
    words: dict[str, int] = {}
    names: dict[str, int] = {}
    for entry in read_word_list(words_file):
        lower = entry.lower()
        if entry[:1].isupper() and entry[1:].islower():
            names[lower] = wf.get(lower, 1)
        else:
            words[lower] = wf.get(lower, 1)
    core = dict(words)
    rare: dict[str, int] = {}
    refused: list[str] = []
    for word, freq in wf.items():
        if word in words or len(word) < 2:
            continue
        if freq >= COMMON and slip_shaped(word, freq, core):
            refused.append(word)  # judged here, once: a common form is otherwise accepted without a look
            rare[word] = freq  # still a name when capitalised ("Claus")
        elif freq >= COMMON:
            words[word] = freq
        else:
            rare[word] = freq
    for lower in list(names):
        if lower in words:
            del names[lower]
    refused.extend(doubling_slips(rare, core, set(refused)))
    # The rare forms in two tables, those judged words and those not (``build_rivalled``): the status
    # of every form is then in the cache at no cost in size, with no list of forms to load beside them.
    no_words = set(build_rivalled(words, names, rare, refused)).union(refused)
    return {
        "words": words,
        "names": names,
        "rare": {w: f for w, f in rare.items() if w not in no_words},
        "rivalled": {w: f for w, f in rare.items() if w in no_words},
        "slips": build_slips(words),
        "refused": sorted(refused),
        "endings": count_endings(words),
    }


def doubling_slips(rare: Mapping[str, int], core: Mapping[str, int], skip: Collection[str] = ()) -> list[str]:
    """The forms of ``rare`` that differ from a much commoner core word only in their doubled letters.

    The commonest real misspelling: a doubled letter written single, or a
    single one doubled ("occured", "supress", "harrass"), often twice in one
    word ("tommorow", "reccomend", "ocassion"). The web uses such forms often
    enough for wordfreq to list them, so frequency alone accepts them. Both
    words spelt with every doubled letter single ("tomorow") are the same:
    that key finds them all at once. Not for short forms, letters tripled
    (emphasis: "sooo") or a core word under ``COMMON``; a form spelt so in
    the core itself ("travelling", "focussed") is never judged.
    """
    best: dict[str, tuple[str, int]] = {}
    for word, freq in core.items():
        if len(word) >= _DOUBLING_WORD and freq >= COMMON and word.isascii() and word.isalpha():
            key = undoubled(word)
            if freq > best.get(key, ("", 0))[1]:
                best[key] = (word, freq)
    out = []
    for form, freq in rare.items():
        if len(form) < _DOUBLING_WORD or form in skip or form in core or _TRIPLED.search(form):
            continue
        found = best.get(undoubled(form))
        if found is not None and found[0] != form and found[1] >= _DOUBLING_COMMONER * max(freq, 1):
            out.append(form)
    return out


def count_endings(words: Iterable[str]) -> dict[str, int]:
    """How many of ``words`` of ``ENDING_WORD`` letters or more end with each ``ENDING_LETTERS`` letters."""
    return dict(Counter(w[-ENDING_LETTERS:] for w in words if len(w) >= ENDING_WORD))


def typing_rival(lower: str, at_least: int, words: dict[str, int], near: Iterable[str], any_edit: bool = False) -> bool:
    """Whether a word of ``words`` ``at_least`` this frequent is one *typing slip* from ``lower``.

    A slip is what fingers do: a letter lost, two swapped, a neighbouring
    key or a doubled letter, a vowel for a vowel (``edit_cost`` under 1).
    An arbitrary letter added or changed is how other words are made:
    "gzip" is no slip for "grip", nor "codec" for "code", nor "json" for "son".
    ``any_edit`` counts every edit: for a name the core lists only
    capitalised, whose lower-case form is no word ("barth", "earth").
    ``near`` are the words one edit from ``lower`` (``one_edit_words``).
    """
    for w in near:
        if words[w] >= at_least and (any_edit or len(w) > len(lower) or one_edit_cost(lower, w) < 1):
            return True
    return False


def rare_refused(lower: str, freq: int, words: dict[str, int], near: Collection[str], any_edit: bool) -> bool:
    """Whether an extended-tier form of ``freq`` is no word of its own (``WordLexicon.known``).

    Refused: a known word ``MUCH_COMMONER`` times as frequent one typing slip
    away (``typing_rival``), or a misspelling's shape (``slip_shaped``).
    Both look only at ``near``, the words one edit away, so all of wordfreq's
    forms are judged at once when the lexicon is built (``build_rivalled``).
    """
    return typing_rival(lower, MUCH_COMMONER * freq, words, near, any_edit) or slip_shaped(lower, freq, words, near)


def build_rivalled(
    words: dict[str, int], names: dict[str, int], rare: dict[str, int], refused: Iterable[str]
) -> list[str]:
    """The forms of ``rare`` that ``rare_refused`` refuses, judged all at once (slow: done once, then cached).

    ``WordLexicon.known`` then reads a form's status instead of judging it on
    first use (about 0.2 ms a form: a run's first pass over new text met
    hundreds of them). Forms of ``refused`` are left out: they are refused anyway.
    Equal, form by form, to judging each on its own (checked on all 223,000 forms of wordfreq's list).
    """
    skipped = set(refused)
    forms = [w for w in rare if w not in skipped]
    near = _neighbours((w for w in words if w.isascii() and w.isalpha()), forms)
    empty: tuple[str, ...] = ()
    return [w for w in forms if rare_refused(w, rare[w], words, near.get(w, empty), w in names)]


def _neighbours(words: Iterable[str], forms: Iterable[str]) -> dict[str, list[str]]:
    """For each of ``forms`` (lower-case ASCII letters), the ``words`` one edit from it (``edits1``), all at once.

    Two strings one edit apart (a letter lost, added or changed, two neighbours
    swapped) share themselves or a one-letter deletion (SymSpell): each word is
    filed under those keys and each form looks up its own. A shared key of two
    lengths is a letter lost or added; two strings of one length may be two
    edits apart, and the optimal string alignment distance tells. ``edits1``
    adds and changes only the letters a-z, so ``words`` must be of those only.
    """
    filed: defaultdict[str, list[str]] = defaultdict(list)
    for word in words:
        filed[word].append(word)
        for key in {word[:i] + word[i + 1 :] for i in range(len(word))}:
            filed[key].append(word)
    lookup = dict(filed).get  # no entry made by a look-up
    distance = _OSA.distance
    out: dict[str, list[str]] = {}
    for form in forms:
        size = len(form)
        found: set[str] = set()
        for bucket in map(lookup, (form, *[form[:i] + form[i + 1 :] for i in range(size)])):
            if bucket is not None:
                found.update(bucket)
        if not found:
            continue
        found.discard(form)
        near = [w for w in found if len(w) != size or distance(form, w, score_cutoff=1) == 1]
        if near:
            out[form] = near
    return out


def build_slips(freq: dict[str, int]) -> dict[str, str]:
    """Unknown strings one edit from a very common word, mapped to that word ("teh" -> "the")."""
    common = heapq.nlargest(_VERY_COMMON, (w for w in freq if len(w) >= 3 and w.isalpha()), key=freq.__getitem__)
    out: dict[str, str] = {}
    for word in reversed(common):  # least frequent first, so the most frequent overwrites
        for edit in edits1(word):
            if edit not in freq:
                out[edit] = word
    return out


class DeleteIndex:
    """Every word under itself and each of its one- and two-letter deletions (SymSpell), as hashed keys.

    A key is a deletion's CRC-32 above the word's number (``_ID_BITS`` bits), in a sorted
    ``array('Q')``: 2.8 million keys in 22 MB where a dict of strings would take ten times that.
    ``starts`` holds where each value of a CRC's top ``_BUCKET_BITS`` bits begins, so that a
    probe is a short binary search. Hash collisions only add candidates, which ``damerau`` checks.
    """

    def __init__(self, words: list[str], keys: array, starts: array | None = None) -> None:
        self.words = words
        self.keys = keys
        if starts is None:
            shift = 32 + _ID_BITS - _BUCKET_BITS
            starts = array("I", (bisect_left(keys, bucket << shift) for bucket in range(1 << _BUCKET_BITS)))
            starts.append(len(keys))
        self.starts = starts

    def data(self) -> dict[str, object]:
        return {"words": self.words, "keys": self.keys.tobytes(), "starts": self.starts.tobytes()}

    @classmethod
    def from_data(cls, data: object) -> DeleteIndex | None:
        """The index ``data()`` gave, or ``None`` when ``data`` is not of that shape."""
        if not isinstance(data, dict) or set(data) != {"words", "keys", "starts"}:
            return None
        words, raw, raw_starts = data["words"], data["keys"], data["starts"]
        if type(words) is not list or not _only(words, str) or type(raw) is not bytes or len(raw) % 8:
            return None
        if type(raw_starts) is not bytes or len(raw_starts) != 4 * ((1 << _BUCKET_BITS) + 1):
            return None
        keys, starts = array("Q"), array("I")
        keys.frombytes(raw)
        starts.frombytes(raw_starts)
        if starts[-1] != len(keys):
            return None
        return cls(words, keys, starts)

    def lookup(self, probes: Iterable[str]) -> set[str]:
        """The words under any of ``probes`` (and a few whose key merely collides with one)."""
        keys, starts, step = self.keys, self.starts, 1 << _ID_BITS
        shift = 32 - _BUCKET_BITS
        found: set[int] = set()
        for probe in probes:
            crc = crc32(probe.encode())
            low = crc << _ID_BITS
            bucket = crc >> shift
            end = starts[bucket + 1]
            first = bisect_left(keys, low, starts[bucket], end)
            if first < end and keys[first] < low + step:  # most probes find nothing: one look, not a second search
                found.update(keys[first : bisect_left(keys, low + step, first + 1, end)])
        words, mask = self.words, step - 1
        return {words[key & mask] for key in found}


def build_index(words: dict[str, int]) -> DeleteIndex:
    """The ``DeleteIndex`` of ``words`` (slow: built once, then cached)."""
    kept = [w for w in words if len(w) >= 2 and w.isalpha()]
    if len(kept) >= 1 << _ID_BITS:
        raise ValueError(f"too many words for the spelling index: {len(kept)}")
    keys = sorted(
        (crc32(key.encode()) << _ID_BITS) | number for number, word in enumerate(kept) for key in _deletes2(word)
    )
    return DeleteIndex(kept, array("Q", keys))


def damerau(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (adjacent transpositions cost 1), capped at ``limit + 1``.

    rapidfuzz's C++ ``OSA`` with a score cut-off: the same values as the
    banded table this replaced (checked on 600,000 random pairs), 25 times faster.
    """
    return int(_OSA.distance(a, b, score_cutoff=limit))


#: Keyboard neighbours (QWERTY), for weighing slips.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS: dict[str, frozenset[str]] = {
    ch: frozenset(
        _ROWS[r2][c2]
        for r2 in range(3)
        for c2 in range(len(_ROWS[r2]))
        if abs(r2 - r) <= 1 and abs(c2 - c) <= 1 and (r2, c2) != (r, c)
    )
    for r, row in enumerate(_ROWS)
    for c, ch in enumerate(row)
}
_VOWELS = frozenset("aeiouy")
#: Sounds written more than one way: swapping one for the other is a speller's slip, not a typist's.
_SOUNDS = frozenset({frozenset(p) for p in ("cs", "ck", "sz", "fv", "gj", "mn", "dt", "bp")})


def _sub_cost(a: str, b: str) -> float:
    if a in _VOWELS and b in _VOWELS:
        return 0.6
    if b in NEIGHBOURS.get(a, ()):
        return 0.7
    if frozenset((a, b)) in _SOUNDS:
        return 0.75
    return 1.0


def _indel_cost(word: str, i: int) -> float:
    """Cost of the letter ``word[i]`` being lost or added: doubled letters and neighbouring keys are cheap."""
    c = word[i]
    before = word[i - 1] if i > 0 else ""
    after = word[i + 1] if i + 1 < len(word) else ""
    if c == before or c == after:
        return 0.5
    if before in NEIGHBOURS.get(c, ()) or after in NEIGHBOURS.get(c, ()):
        return 0.7
    if c in _VOWELS:
        return 0.8
    return 1.0


def one_edit_cost(typed: str, word: str) -> float:
    """``edit_cost(typed, word)`` for two strings one edit apart (``edits1``), from that edit alone.

    Every other alignment takes two edits or more, at 0.5 or more each, and
    no single edit costs more than 1: the one edit is the cheapest way.
    """
    n, m = len(typed), len(word)
    i = _first_difference(typed, word)
    if n == m + 1:
        return _indel_cost(typed, i)  # a letter typed too many (any of a doubled pair: each costs 0.5)
    if m == n + 1:
        return _indel_cost(word, i)  # a letter lost
    if typed[i + 1 :] == word[i + 1 :]:
        return _sub_cost(typed[i], word[i])
    return 0.5  # two neighbours swapped


def edit_cost(typed: str, word: str) -> float:
    """A weighted optimal-string-alignment distance from ``word`` to ``typed``: typical slips cost less.

    Transposition 0.5; a doubled letter lost or added 0.5; a neighbouring key
    0.7; a vowel for a vowel 0.6; a letter for one of the same sound 0.75;
    anything else 1.
    """
    if -1 <= len(typed) - len(word) <= 1 and _OSA.distance(typed, word, score_cutoff=1) == 1:
        return one_edit_cost(typed, word)  # the same value, without the table
    return _edit_table(typed, word)


def _edit_table(typed: str, word: str) -> float:
    """``edit_cost`` by the full weighted table."""
    n, m = len(typed), len(word)
    extra = [_indel_cost(typed, i) for i in range(n)]  # each letter's cost once, not once per cell
    lost = [_indel_cost(word, j) for j in range(m)]
    subs = _SUB_COSTS
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + lost[j - 1]
    for i in range(1, n + 1):
        a, added = typed[i - 1], extra[i - 1]
        cur = [prev[0] + added] + [0.0] * m
        for j in range(1, m + 1):
            b = word[j - 1]
            value = prev[j] + added  # an extra letter typed
            other = cur[j - 1] + lost[j - 1]  # a letter lost
            value = min(value, other)
            if a == b:
                other = prev[j - 1]
            else:
                cost = subs.get(a + b)
                if cost is None:
                    cost = subs[a + b] = _sub_cost(a, b)
                other = prev[j - 1] + cost
            value = min(value, other)
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b and prev2[j - 2] + 0.5 < value:
                value = prev2[j - 2] + 0.5
            cur[j] = value
        prev2, prev = prev, cur
    return prev[m]


#: ``_sub_cost`` of each pair of letters met so far, keyed by the two letters.
_SUB_COSTS: dict[str, float] = {}


def edits1(word: str) -> set[str]:
    """Every string one deletion, adjacent transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _ALPHABET)
    out.update(a + c + b for a, b in splits for c in _ALPHABET)
    out.discard(word)
    return out


def _deletes1(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _deletes2(word: str) -> set[str]:
    """``word`` and every string one or two deletions from it."""
    one = _deletes1(word)
    out = {word, *one}
    for shorter in one:
        out.update(shorter[:i] + shorter[i + 1 :] for i in range(len(shorter)))
    return out


class _Tiers(Mapping[str, int]):
    """The extended tier's rare forms with their frequencies, kept in the two tables the cache holds.

    Those judged words (``accepted``) and those not (``rivalled``): one table
    to its readers, without joining 220,000 entries at every start-up.
    """

    __slots__ = ("accepted", "rivalled")

    def __init__(self, accepted: dict[str, int], rivalled: dict[str, int]) -> None:
        self.accepted = accepted
        self.rivalled = rivalled

    def __getitem__(self, key: str) -> int:
        value = self.accepted.get(key)
        return self.rivalled[key] if value is None else value

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        value = self.accepted.get(key)
        return self.rivalled.get(key, default) if value is None else value

    def __contains__(self, key: object) -> bool:
        return key in self.accepted or key in self.rivalled

    def __iter__(self) -> Iterator[str]:
        yield from self.accepted
        yield from self.rivalled

    def __len__(self) -> int:
        return len(self.accepted) + len(self.rivalled)


class WordLexicon:
    """Known words with frequencies, and ranked corrections for unknown ones.

    Args:
        words: Lower-case words accepted for any token, with frequencies per billion.
        names: Words accepted only for a capitalised token.
        rare: Extended-tier words accepted unless a much commoner word is one edit away; with
            ``rivalled``, those of them judged words.
        refused: Slip-shaped forms (``slip_shaped``), accepted only capitalised, as names.
        slips: ``build_slips(words)``.
        index: Returns ``build_index(words)``'s result, called on first need.
        rivalled: The extended-tier words judged no words of their own when the lexicon was built
            (``build_rivalled``, and ``refused``), with their frequencies; ``None``: ``rare`` holds every
            extended-tier word, each judged on first use.
        changed: Words added to ``words`` or ``names`` after ``rivalled`` was judged (the user's): forms
            one edit from them are judged on first use.
        endings: ``count_endings(words)``; ``None``: counted on first need.
    """

    def __init__(
        self,
        words: dict[str, int],
        *,
        names: dict[str, int] | None = None,
        rare: dict[str, int] | None = None,
        refused: frozenset[str] = frozenset(),
        slips: dict[str, str] | None = None,
        index: Callable[[dict[str, int]], tuple[DeleteIndex, ...]] | None = None,
        rivalled: dict[str, int] | None = None,
        changed: Iterable[str] = (),
        endings: dict[str, int] | None = None,
    ) -> None:
        self.freq = words
        self.names = names or {}
        self.rare: Mapping[str, int] = rare or {}
        if rivalled is not None:
            self.rare = _Tiers(self.rare, rivalled)
        self.refused = refused
        self._slips = build_slips(words) if slips is None else slips
        self._load_index = index or (lambda words: (build_index(words),))
        self._rivalled = rivalled
        self._accepted = rare or {}  # every rare form when ``rivalled`` is None
        # Deletion keys of the words added after ``rivalled`` was judged: a form near one is judged again.
        self._changed = frozenset(k for w in changed for k in (w, *_deletes1(w)))
        self._endings = endings
        self._rare_status: dict[str, bool] = {}
        self._derived: dict[str, bool] = {}
        self._shaped: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        return word in self.freq

    def frequency(self, word: str) -> int:
        return self.freq.get(word, 0)

    def known(self, lower: str, capitalised: bool = False) -> bool:
        """Whether ``lower`` is a word, as written lower case or (``capitalised``) with a capital."""
        if lower in self.freq or (capitalised and lower in self.names):
            return True
        freq = self._accepted.get(lower)  # the two tables read here directly: this is the hot path
        if freq is None and self._rivalled is not None:
            freq = self._rivalled.get(lower)
        if freq is not None:
            if capitalised and freq >= CAPITALISED_RARE and not (lower in self.refused and lower in self._slips):
                return True  # a name ("Claus"), unless a refused slip of a very common word ("Teh")
            if lower in self.refused:
                return False
            if self._rivalled is not None and not self._changed_near(lower):
                status = lower not in self._rivalled  # judged when the lexicon was built
            else:
                judged = self._rare_status.get(lower)
                if judged is None:
                    near = self.one_edit(lower)
                    judged = self._rare_status[lower] = not rare_refused(
                        lower, freq, self.freq, near, lower in self.names
                    )
                status = judged
            if status:
                return True
        derived = self._derived.get(lower)
        if derived is None:
            derived = self._derived[lower] = self._is_derived(lower)
        return derived

    def ending_count(self, lower: str) -> int:
        """How many known words of ``ENDING_WORD`` letters or more end with the last letters of ``lower``."""
        if self._endings is None:
            self._endings = count_endings(self.freq)
        return self._endings.get(lower[-ENDING_LETTERS:], 0)

    def _changed_near(self, lower: str) -> bool:
        """Whether ``lower`` may be one edit from a ``changed`` word (they share a deletion key)."""
        changed = self._changed
        return bool(changed) and (lower in changed or any(k in changed for k in _deletes1(lower)))

    def name_only(self, lower: str) -> bool:
        """Whether ``lower`` is accepted only capitalised, because wordfreq lists it (not the core's names)."""
        return lower not in self.freq and lower not in self.names and lower in self.rare and not self.known(lower)

    def _stems(self, lower: str) -> Iterator[str]:
        for suffix in _SUFFIXES if lower.endswith(_SUFFIXES) else ():  # one test in C for most names
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
                stem = lower[: -len(suffix)]
                if stem[-1] == suffix[0] and len(suffix) == 1:
                    continue  # "taskss", "declaredd": a doubled letter, not an affix
                yield stem
                if stem.endswith("i"):
                    yield stem[:-1] + "y"  # "fancied", "happily"
                if suffix[0] in "eiy" and stem[-1:] not in "aeiouy":
                    yield stem + "e"  # "euthanasing", "themeing" is caught as "theme" + "ing"
                if suffix.startswith("is") and stem[-1:] not in "aeiouy":
                    yield stem + "y"  # "ontologists", "economist": the "-y" of the stem gives way to "-ist"
                if suffix[0] in "aeiy" and len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouy":
                    yield stem[:-1]  # "committers", "gzipped": a final consonant doubled before a vowel
        if lower.endswith("bly"):
            yield lower[:-1] + "e"  # "stably", "notably"
        for prefix in _PREFIXES if lower.startswith(_PREFIXES) else ():
            if lower.startswith(prefix) and len(lower) - len(prefix) >= 4:
                yield lower[len(prefix) :]

    def _rare_stem(self, stem: str, lower: str) -> bool:
        """An extended-tier stem good enough to derive from: long, not at the floor, itself accepted.

        Short rare entries are junk as often as not ("hak" would make "haker", "heda" "heday"); a
        four-letter one counts when ``lower`` doubles its final consonant before the ending, as only a
        stem that is a word does ("gzip" in "gzipped", "grep" in "grepping").
        """
        shortest = _SHORTEST_RARE_STEM
        if len(stem) == shortest - 1 and stem[-1] not in _VOWELS_ONLY + "wxy" and lower.startswith(stem + stem[-1]):
            shortest -= 1
        return len(stem) >= shortest and self.rare.get(stem, 0) >= _RARE_STEM_FLOOR and self.known(stem)

    def _is_derived(self, lower: str) -> bool:
        """A common or core stem with a productive affix ("uncarpeted", "ponderings"), no sibling form one edit away.

        Refused: a stem too common to take the affix ("anothers", "boths"),
        a form one slip from a very common word ("untill"), and a form one
        edit from another form of its stem ("tomatos" beside
        "tomatoes") or from a word much commoner than the stem.
        """
        words = self.freq
        stems = [s for s in self._stems(lower) if s in words or self._rare_stem(s, lower)]
        if not stems:
            return False
        stem = max(stems, key=lambda s: self.freq.get(s, 0) or self.rare.get(s, 0))
        stem_freq = self.freq.get(stem, 0) or self.rare.get(stem, 0)
        attested = self.rare.get(lower, 0)  # how often wordfreq has seen the form itself
        if stem_freq >= _DERIVED_STEM_LIMIT and attested * _ATTESTED_SHARE < stem_freq:
            return False  # "anothers", "justs"; but "normals" is seen as often as a real plural is
        near = self.one_edit(lower)
        if self.slip_rival(lower, near) >= _DERIVED_STEM_LIMIT:
            return False  # "untill" is no "till" with a prefix: it is "until" with a doubled letter
        for rival in near:
            if rival in stems:
                continue
            freq = self.freq[rival]
            if freq >= MUCH_COMMONER * stem_freq:
                return False
            if (
                freq >= _SLIP_OVER_STEM * stem_freq
                and freq >= _UNATTESTED * max(attested, 1)
                and edit_cost(lower, rival) < 1
            ):
                return False  # "faied", "predent", "honer": one typing slip from a word far commoner than the stem
            if self._sibling(rival, stem, lower):
                return False  # "tomatos" beside "tomatoes", "serveer" beside "server"
        return True

    @staticmethod
    def _sibling(rival: str, stem: str, lower: str) -> bool:
        """Whether ``rival`` is another form of ``stem`` that ``lower`` misspells ("tomatoes" for "tomatos").

        Not a word that merely starts like the stem ("mice" beside "mics"), not the form's own inflection
        ("coders" beside "coder"), not a verb's form beside an agent noun ("balanced" beside "balancer").
        """
        if rival.startswith(lower) or not rival.startswith(stem.removesuffix("e")):
            return False
        if len(rival) == len(lower) and lower.endswith(_AGENT_ENDINGS):
            return False
        if lower.endswith("ers") and rival == lower[:-2] + "s":
            return False  # "refusers" beside "refuses": the agent noun's plural, one "r" from the verb's form
        if rival.startswith(stem):
            ending = rival[len(stem) :]
            if not ending or ending in _SIBLING_ENDINGS:
                return True
            if ending[0] == stem[-1] and ending[1:] in _SIBLING_ENDINGS:
                return True  # "transferred" beside "transfered"
        return stem.endswith("e") and rival[len(stem) - 1 :] in _SIBLING_ENDINGS  # "server" beside "serveer"

    def misspelled(self, lower: str) -> bool:
        """Whether an unknown form has a misspelling's shape, so that no number of uses makes it a term."""
        if lower in self.refused:
            return True
        if lower in self.freq:
            return False
        if len(lower) < _SHORT_FORM:
            return lower in self._slips  # "teh"; a short form used thrice ("tty", "pref") is an abbreviation
        shaped = self._shaped.get(lower)
        if shaped is None:  # judged once per form, like the tiers' other statuses
            near = self.one_edit(lower)
            shaped = (
                slip_shaped(lower, self.rare.get(lower, 0), self.freq, near) and self.slip_rival(lower, near) >= COMMON
            )
            self._shaped[lower] = shaped
        return shaped

    def slip_rival(self, lower: str, near: Iterable[str]) -> int:
        """The frequency of the commonest known word one slip (``slip_intended``) from ``lower``.

        ``near``: the known words one edit from ``lower`` (``one_edit_words``); every slip is one edit.
        """
        freq = self.freq
        return max((freq[w] for w in near if _is_slip(lower, w)), default=0)

    def slip(self, word: str) -> str | None:
        """The very common word that ``word`` is one edit from, if ``word`` is unknown ("teh" -> "the")."""
        return None if word in self.freq else self._slips.get(word)

    @cached_property
    def _index(self) -> tuple[DeleteIndex, ...]:
        return self._load_index(self.freq)

    def one_edit(self, lower: str) -> set[str]:
        """The known words one edit (``edits1``) from ``lower``: ``one_edit_words(lower, self.freq)``.

        Once the correction index is loaded (``candidates``), it answers from
        ``lower`` and its one-letter deletions, a dozen probes, where
        ``edits1`` makes hundreds of strings. Every known word one edit away
        shares one of those keys; the index holds the known words of two
        letters or more, and ``edits1`` adds and changes only the letters a-z,
        hence the conditions.
        """
        if (
            "_index" not in self.__dict__
            or len(lower) < 3
            or not (lower.isascii() and lower.isalpha() and lower.islower())
        ):
            return one_edit_words(lower, self.freq)
        probes = {lower, *_deletes1(lower)}
        size = len(lower)
        distance = _OSA.distance
        return {
            w
            for index in self._index
            for w in index.lookup(probes)
            if -1 <= len(w) - size <= 1 and w.isascii() and w.islower() and distance(lower, w, score_cutoff=1) == 1
        }

    def candidates(self, word: str, limit: int = 2) -> list[tuple[str, int]]:
        """Known words within ``limit`` edits, at most two (one for words under ``SHORTEST_DISTANCE2`` letters).

        SymSpell-style: the index holds every word under itself and its one-
        and two-letter deletions; the probes are the word's own deletions
        (two deep for a long word), so every word within two edits (two
        substitutions too) is found. Work is bounded by the word's length,
        never by the dictionary's size.
        """
        if len(word) > MAX_SEARCH_LENGTH or len(word) < 2:
            return []
        limit = min(limit, 2 if len(word) >= SHORTEST_DISTANCE2 else 1)
        probes = _deletes2(word) if limit == 2 else {word, *_deletes1(word)}
        size = len(word)
        out = []
        for index in self._index:
            for w in index.lookup(probes):
                if abs(len(w) - size) > limit or (len(w) == 1 and w not in ("a", "i")):
                    continue
                d = damerau(word, w, limit)
                if 0 < d <= limit:
                    out.append((w, d))
        return out

    def compound(self, word: str) -> bool:
        """Whether ``word`` is two common content words of three letters or more joined: "hotbars", "handwave".

        Not with a function word ("hallall" is no "hall" + "all"): those are run-together slips (NL102).
        """
        freq = self.freq
        for i in range(_SHORTEST_PART, len(word) - _SHORTEST_PART + 1):
            left, right = freq.get(word[:i], 0), freq.get(word[i:], 0)
            if _COMPOUND_PART <= left < _FUNCTION_WORD and _COMPOUND_PART <= right < _FUNCTION_WORD:
                return True
        return False

    def split(self, word: str, joiners: Iterable[str], trailing: Iterable[str] = ()) -> tuple[str, str] | None:
        """``word`` as two known words of which one is in ``joiners`` ("thehuge" -> "the", "huge").

        A word of ``trailing`` joins only as the second piece, after a word of
        ``_TRAILED`` letters or more: a preposition whose space was lost
        ("dressedin", "businessat"), not a prefix of a coinage ("onchain").
        """
        joined = frozenset(joiners)
        after = frozenset(trailing)
        best: tuple[int, tuple[str, str]] | None = None
        for i in range(1, len(word)):
            left, right = word[:i], word[i:]
            if left not in self.freq or right not in self.freq:
                continue
            glued = right in after and len(left) >= _TRAILED
            if left not in joined and right not in joined and not glued:
                continue
            if any(len(w) < 3 and w not in joined and w != "a" for w in (left, right)) and not glued:
                continue  # "im are", "the mm": a two-letter piece must be a function word
            score = min(self.freq[left], self.freq[right])
            if best is None or score > best[0]:
                best = (score, (left, right))
        return best[1] if best else None


def spec_for(words_file: Path, words: Sequence[str], word_lists: Sequence[Path]) -> LexiconSpec:
    """A spec from config values; raises ``OSError`` / ``UnicodeDecodeError`` for unreadable lists."""
    extra = list(words)
    for path in word_lists:
        extra.extend(read_word_list(path))
    return LexiconSpec(words_file, tuple(sorted(set(extra))))
