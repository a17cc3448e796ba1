"""Cross-document rules as map/reduce: extract facts, merge them, then judge.

A corpus rule never sees two documents at once. Each document yields small
``Facts`` (in any process, or on a Dask worker); the engine merges facts with
the same ``key`` in any order and grouping, and hands the merged facts to
``newslint_check_corpus`` in the parent process. Because ``merge`` must be
associative and commutative, one process, a pool and a cluster agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Generic, TypeVar

__all__ = ["DocumentFacts", "Facts", "merge_facts"]

_Entry = TypeVar("_Entry")


class Facts:
    """Base class for the mergeable, picklable facts of one corpus rule family.

    Subclasses set ``key`` (one per family, e.g. ``"names"``) and implement
    ``merge``. Keep them plain data (dicts, tuples, Counters) so they pickle
    and cache cheaply.
    """

    key: ClassVar[str] = ""

    def merge(self, other: Facts) -> Facts:
        """Return the union of ``self`` and ``other``; must not depend on order."""
        raise NotImplementedError(f"{type(self).__name__} must implement merge()")


class DocumentFacts(Facts, Generic[_Entry]):
    """Facts that are one entry per document (or record), merged by appending.

    The entries are ``_store[:_size]``. A merge appends to the store when this
    object is its longest view, and shares it, so folding N documents one by
    one costs O(N), not O(N^2) as concatenating tuples or copying dicts does;
    an older view keeps its own length and so its own entries. Subclasses set
    ``key`` and read ``entries``; judges should read them in a canonical order
    (sorted), so any split of the corpus gives the same result.
    """

    def __init__(self, entries: Iterable[_Entry] = ()) -> None:
        self._store: list[_Entry] = list(entries)
        self._size = len(self._store)
        self._entries: tuple[_Entry, ...] | None = None

    @property
    def entries(self) -> tuple[_Entry, ...]:
        """One entry per document, in merge order."""
        if self._entries is None:
            self._entries = tuple(self._store[: self._size])
        return self._entries

    def merge(self, other: Facts) -> DocumentFacts[_Entry]:
        if type(other) is not type(self):
            raise TypeError(f"cannot merge {type(self).__name__} with {type(other).__name__}")
        assert isinstance(other, DocumentFacts)
        if self._size != len(self._store):  # the store has grown past this view: copy
            merged = type(self)(self._store[: self._size])
        else:
            merged = type(self).__new__(type(self))
            merged._store, merged._size, merged._entries = self._store, self._size, None
        merged._store.extend(other._store[: other._size])
        merged._size = len(merged._store)
        return merged

    def __reduce__(self) -> tuple[Any, tuple[tuple[_Entry, ...]]]:
        return (type(self), (self.entries,))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._size} documents)"


def merge_facts(groups: Iterable[Iterable[Facts | None]], into: dict[str, Facts] | None = None) -> dict[str, Facts]:
    """Merge every document's facts by ``key``.

    Args:
        groups: One iterable of facts per document (``None`` entries skipped).
        into: Already-merged facts to extend, for incremental merging.
    """
    merged = into if into is not None else {}
    for facts in groups:
        for fact in facts:
            if fact is None:
                continue
            if not fact.key:
                raise TypeError(f"{type(fact).__name__} has no Facts.key")
            merged[fact.key] = merged[fact.key].merge(fact) if fact.key in merged else fact
    return merged
