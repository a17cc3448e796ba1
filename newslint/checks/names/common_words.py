"""Words in common use in English at large, for the names rules, without importing wordfreq.

``is_common(word, zipf)`` answers ``wordfreq.zipf_frequency(word, "en") >= zipf``.
Importing wordfreq (langcodes, ftfy, regex) and building its frequency dict of
320,000 words took about 0.2 s, most of a one-file run's start-up, for the
handful of rare name words a document asks about. So the answer for words of
ASCII letters is read from a set kept in the user cache: wordfreq's own keys of
ASCII letters whose ``zipf_frequency`` reaches the threshold, computed once
with wordfreq itself (about 64,000 words at Zipf 2.3; 0.6 MB, loaded in about
10 ms). A word of ASCII letters is one token for wordfreq, looked up
lower-cased, so its frequency is its lower-cased form's and the set gives the
same answer. Any other word, or a run without a usable cache, asks wordfreq.

The cache is data only (a ``frozenset`` of ``str`` in ``marshal`` form), sealed
with the user's cache key like the spelling lexicon's (``newslint.safecache``)
and keyed by wordfreq's data file (size and modification time) and the
threshold, so a new wordfreq builds a new set.
"""

from __future__ import annotations

import hashlib
from importlib.util import find_spec
from pathlib import Path

from newslint.plugin.packs import cache_dir
from newslint.safecache import read_sealed, write_sealed

__all__ = ["is_common"]

_FORMAT = 1  # bump when the cached form changes
_SETS: dict[float, frozenset[str] | None] = {}


def is_common(word: str, zipf: float) -> bool:
    """Whether ``wordfreq.zipf_frequency(word, "en") >= zipf``."""
    if word.isascii() and word.isalpha():
        try:
            known = _SETS[zipf]
        except KeyError:
            known = _SETS[zipf] = _common_set(zipf)
        if known is not None:
            return word.lower() in known
    from wordfreq import zipf_frequency  # imported only when the set cannot answer

    return zipf_frequency(word, "en") >= zipf


def _data_file() -> Path | None:
    spec = find_spec("wordfreq")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), "data", "large_en.msgpack.gz")
    return path if path.is_file() else None


def _common_set(zipf: float) -> frozenset[str] | None:
    """The cached set for ``zipf``, built and cached on a miss; ``None`` if wordfreq's data is not there."""
    data = _data_file()
    if data is None:
        return None
    st = data.stat()
    key = hashlib.sha256(repr((_FORMAT, str(data), st.st_size, st.st_mtime_ns, zipf)).encode()).hexdigest()[:32]
    path = cache_dir() / f"common-words-en-{key}.marshal"
    cached = _read(path)
    if isinstance(cached, frozenset) and set(map(type, cached)) <= {str}:
        return cached
    built = build_common_set(zipf)
    _write(path, built)
    return built


def build_common_set(zipf: float) -> frozenset[str]:
    """wordfreq's English keys of ASCII letters whose ``zipf_frequency`` is at least ``zipf`` (slow: once per cache)."""
    from wordfreq import get_frequency_list, zipf_frequency

    out: set[str] = set()
    # Bucket i holds the keys of frequency 10 ** (-i / 100), Zipf 9 - i / 100:
    # buckets well below the threshold cannot reach it.
    last = round((9 - zipf) * 100) + 5
    for i, bucket in enumerate(get_frequency_list("en")):
        if i > last:
            break
        out.update(w for w in bucket if w.isascii() and w.isalpha() and zipf_frequency(w, "en") >= zipf)
    return frozenset(out)


def _read(path: Path) -> object:
    """The cached value at ``path`` if its MAC verifies (``safecache.read_sealed``), else ``None``."""
    return read_sealed(path, b"common-words")


def _write(path: Path, value: frozenset[str]) -> None:
    """Write atomically; a read-only or missing cache directory just means no cache."""
    write_sealed(path, b"common-words", value)
