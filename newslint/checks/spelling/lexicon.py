"""The spelling dictionary behind NL1xx: known words with frequencies, and bounded correction.

A ``WordLexicon`` joins pyspellchecker's English frequency list, the bundled news
word list (``rules/words.txt``) and the user's ``words`` / ``word-lists``.
Parsing pyspellchecker's gzip JSON takes longer than a whole single-file run
should, so the joined base dictionary is written once to a versioned
``marshal`` cache (keyed by the size and time of pyspellchecker's list, the
word list's hash and ``CACHE_FORMAT``) under the user cache directory and read from there later.
A cache file is read only if it is the user's own regular file and its MAC,
keyed by the user's cache key (``newslint.safecache``), verifies.
When no cache directory is writable the dictionary is built in memory.

``LexiconSpec`` is what travels to worker processes: paths, user words and a
content key, never the dictionary itself. ``LexiconSpec.get()`` finds the
built ``WordLexicon`` in this process's table by that key, or builds it.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import marshal
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from newslint.plugin.config import read_regular
from newslint.plugin.packs import cache_dir, write_cache_file
from newslint.safecache import open_private, seal, user_key

__all__ = ["WordLexicon", "LexiconSpec", "damerau", "read_word_list"]

#: Bump when the cached form or the way it is built changes.
CACHE_FORMAT = 2
_MAC_BYTES = 16
#: Frequency given to a word from words.txt or the user's lists: a plain, mid-frequency word.
LIST_WORD_FREQUENCY = 1000
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
#: Longest token for which distance-2 candidates are searched (bounded work per word).
MAX_DISTANCE2_LENGTH = 16
#: Words at least this frequent index the distance-2 search (plausible corrections only).
_DISTANCE2_MIN_FREQUENCY = 2000
#: How many of the most frequent words count as "very common" (the, and, with...).
_VERY_COMMON = 150

# Process-wide table of built lexicons, keyed by their content key. A worker
# process fills it on first use; the key covers every input, so an entry can
# never be stale within a process.
_BUILT: dict[str, WordLexicon] = {}


def read_word_list(path: Path) -> list[str]:
    """Words of a word-list file: one per line, ``#`` starts a comment, blank lines ignored."""
    out = []
    for line in read_regular(path).decode("utf-8").splitlines():  # a regular file, bounded in size
        word = line.split("#", 1)[0].strip()
        if word:
            out.append(word)
    return out


def _spellchecker_data() -> tuple[str, Path]:
    """A version stamp of pyspellchecker's English frequency list (size and mtime), and its path.

    A stat stands in for the package version: importing ``importlib.metadata``
    would cost more than reading the cached dictionary.
    """
    from importlib.util import find_spec

    spec = find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyspellchecker is not installed; pip install pyspellchecker")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en.json.gz"
    stat = path.stat()
    return f"{stat.st_size}.{stat.st_mtime_ns}", path


@dataclass(frozen=True)
class LexiconSpec:
    """Everything a ``WordLexicon`` is built from; small and picklable.

    Args:
        words_file: The bundled news word list.
        extra_words: The user's ``words`` and the words of every ``word-lists`` file.
    """

    words_file: Path
    extra_words: tuple[str, ...] = ()

    @cached_property
    def _base_key(self) -> str:
        version, _ = _spellchecker_data()
        digest = hashlib.sha256(self.words_file.read_bytes()).hexdigest()[:16]
        return f"en-{version}-{digest}-v{CACHE_FORMAT}"

    @property
    def key(self) -> str:
        extra = hashlib.sha256("\n".join(sorted(set(self.extra_words))).encode()).hexdigest()[:16]
        return f"{self._base_key}-{extra}"

    def __getstate__(self) -> dict[str, object]:
        # cached_property values live in __dict__; send only the inputs.
        return {"words_file": self.words_file, "extra_words": self.extra_words}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def get(self) -> WordLexicon:
        """The built lexicon for this spec, from this process's table, the disk cache or the sources."""
        key = self.key
        lexicon = _BUILT.get(key)
        if lexicon is None:
            base, slips = self._base()
            freq = base if not self.extra_words else dict(base)
            for word in self.extra_words:
                lower = word.lower()
                freq[lower] = max(freq.get(lower, 0), LIST_WORD_FREQUENCY)
            lexicon = _BUILT[key] = WordLexicon(freq, slips, lambda: self._distance2_index(base))
        return lexicon

    def _distance2_index(self, base: dict[str, int]) -> dict[str, str]:
        """``build_distance2_index(base)``, from its own marshal cache (loaded only when needed)."""
        path = cache_dir() / f"distance2-{self._base_key}.marshal"
        data = _read_cache(path)
        if type(data) is dict:
            return data
        index = build_distance2_index(base)
        _write_cache(path, index)
        return index

    def _base(self) -> tuple[dict[str, int], dict[str, str]]:
        """pyspellchecker's list plus words.txt, and its slips, from the marshal cache when it is there."""
        path = cache_dir() / f"dictionary-{self._base_key}.marshal"
        data = _read_cache(path)
        if type(data) is tuple and len(data) == 2 and type(data[0]) is dict and type(data[1]) is dict:
            return data
        freq = build_base(self.words_file)
        slips = build_slips(freq)
        _write_cache(path, (freq, slips))
        return freq, slips


def build_base(words_file: Path) -> dict[str, int]:
    """Parse pyspellchecker's English list and add the news word list (slow: done once)."""
    import gzip
    import json

    _, source = _spellchecker_data()
    freq: dict[str, int] = json.loads(gzip.decompress(source.read_bytes()).decode("utf-8"))
    for word in read_word_list(words_file):
        lower = word.lower()
        freq[lower] = max(freq.get(lower, 0), LIST_WORD_FREQUENCY)
    return freq


def build_slips(freq: dict[str, int]) -> dict[str, str]:
    """Unknown strings one edit from a very common word, mapped to that word ("teh" -> "the").

    The very common words are the ``_VERY_COMMON`` most frequent words of
    three letters or more; where two share a slip, the more frequent wins.
    """
    common = heapq.nlargest(_VERY_COMMON, (w for w in freq if len(w) >= 3 and w.isalpha()), key=freq.__getitem__)
    out: dict[str, str] = {}
    for word in reversed(common):  # least frequent first, so the most frequent overwrites
        for edit in edits1(word):
            if edit not in freq:
                out[edit] = word
    return out


def build_distance2_index(freq: dict[str, int]) -> dict[str, str]:
    """Frequent words under themselves and each one-letter deletion, space-separated."""
    index: dict[str, list[str]] = {}
    for word, count in freq.items():
        if count < _DISTANCE2_MIN_FREQUENCY or len(word) < 3 or not word.isalpha():
            continue
        for key in _deletes(word, 1):
            index.setdefault(key, []).append(word)
    return {key: " ".join(words) for key, words in index.items()}


def _read_cache(path: Path) -> object:
    """What ``_write_cache`` wrote at ``path``, or ``None``.

    Only this user's own file (never through a symlink) whose MAC, keyed by the
    user's cache key, verifies is handed to ``marshal``, which is not meant for
    forged input; callers then check the value's shape.
    """
    secret = user_key()
    fd = open_private(path) if secret is not None else None
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            data = fh.read()
        mac, payload = data[:_MAC_BYTES], data[_MAC_BYTES:]
        if hmac.compare_digest(mac, seal(secret, b"lexicon", path.name.encode(), payload)):  # type: ignore[arg-type]
            return marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return None


def _write_cache(path: Path, data: object) -> None:
    """Write atomically; a read-only or missing cache directory just means no cache."""
    secret = user_key()
    if secret is not None:
        payload = marshal.dumps(data)  # type: ignore[arg-type]
        write_cache_file(path, seal(secret, b"lexicon", path.name.encode(), payload) + payload)


def damerau(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (adjacent transpositions cost 1), capped at ``limit + 1``."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def edits1(word: str) -> set[str]:
    """Every string one deletion, adjacent transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _ALPHABET)
    out.update(a + c + b for a, b in splits for c in _ALPHABET)
    out.discard(word)
    return out


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


class WordLexicon:
    """Known words with frequencies, and ranked corrections for unknown ones.

    Args:
        freq: Lower-case word to frequency (pyspellchecker's counts; list words
            get ``LIST_WORD_FREQUENCY``).
        slips: ``build_slips(freq)``, computed once with the cached dictionary.
        distance2_index: Returns ``build_distance2_index``'s result, called on first need.
    """

    def __init__(
        self,
        freq: dict[str, int],
        slips: dict[str, str] | None = None,
        distance2_index: Callable[[], dict[str, str]] | None = None,
    ) -> None:
        self.freq = freq
        self._slips = build_slips(freq) if slips is None else slips
        self._load_distance2_index = distance2_index or (lambda: build_distance2_index(freq))

    def __contains__(self, word: str) -> bool:
        return word in self.freq

    def frequency(self, word: str) -> int:
        return self.freq.get(word, 0)

    def slip(self, word: str) -> str | None:
        """The very common word that ``word`` is one edit from, if ``word`` is unknown ("teh" -> "the")."""
        return None if word in self.freq else self._slips.get(word)

    def _is_candidate(self, word: str) -> bool:
        return len(word) > 1 or word in ("a", "i")

    def corrections1(self, word: str) -> list[str]:
        """Known words one edit from ``word``, most frequent first."""
        found = [w for w in edits1(word) if w in self.freq and self._is_candidate(w)]
        return sorted(found, key=lambda w: (-self.freq[w], w))

    @cached_property
    def _distance2_index(self) -> dict[str, str]:
        return self._load_distance2_index()

    def corrections2(self, word: str) -> list[str]:
        """Frequent known words at distance exactly 2, most frequent first.

        Symmetric deletion: up to two deletions from ``word`` against up to one
        from each frequent word, then verified. Work is bounded by the word's
        length (at most ``MAX_DISTANCE2_LENGTH``), never by the dictionary's
        size; two substitutions or two insertions are not searched.
        """
        if len(word) > MAX_DISTANCE2_LENGTH or len(word) < 3:
            return []
        index = self._distance2_index
        seen: set[str] = set()
        for key in _deletes(word, 2):
            words = index.get(key)
            if words:
                seen.update(words.split(" "))
        found = [w for w in seen if damerau(word, w, 2) == 2]
        return sorted(found, key=lambda w: (-self.freq[w], w))

    def split(self, word: str, joiners: Iterable[str]) -> tuple[str, str] | None:
        """``word`` as two known words of which one is in ``joiners`` ("thehuge" -> "the", "huge")."""
        joined = frozenset(joiners)
        best: tuple[int, tuple[str, str]] | None = None
        for i in range(1, len(word)):
            left, right = word[:i], word[i:]
            if left not in self.freq or right not in self.freq:
                continue
            if left not in joined and right not in joined:
                continue
            if min(len(left), len(right)) < 2 and left != "a":
                continue
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
