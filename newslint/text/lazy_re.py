"""Module-level regular expressions compiled on first use.

Compiling the patterns that newslint's modules define at import took about
60 ms of the 120 ms that importing newslint and registering its rule plugins
costs, on every run: also on runs that lint nothing (a result cache hit,
``--list-rules``). ``lazy_compile`` returns a ``safecache.LazyPattern``
(compiled with ``re.compile`` the first time any attribute but ``pattern``
is read; its ``search``, ``match``... are then the compiled pattern's own
bound methods), typed as the ``re.Pattern`` it stands for. Use it for
patterns that are only ever called as methods; a pattern handed to a
``re`` function (``re.sub(pattern, ...)``) must stay ``re.compile``.
"""

from __future__ import annotations

import re
from typing import cast

from newslint.safecache import LazyPattern

__all__ = ["lazy_compile"]


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""
    return cast("re.Pattern[str]", LazyPattern.of("r", pattern, flags) if flags else LazyPattern.of("r", pattern))
