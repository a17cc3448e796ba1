"""Cross-document rules as map/reduce: extract facts, merge them, then judge.

A corpus rule never sees two documents at once. Each document yields small
``Facts`` (in any process, or on a Dask worker); the engine merges facts with
the same ``key`` in any order and grouping, and hands the merged facts to
``newslint_check_corpus`` in the parent process. Because ``merge`` must be
associative and commutative, one process, a pool and a cluster agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

__all__ = ["Facts", "merge_facts"]


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
