"""A progress bar on stderr for long runs, drawn by tqdm, and only where a person watches.

The bar appears when stderr is a terminal, ``--quiet`` is off, ``CI`` is not
set, and the run is long: more than ``MIN_FILES`` files, or any JSONL
dataset (then it counts bytes read, so the ETA holds for gzipped files too).
Without tqdm installed there is simply no bar.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any, TextIO

__all__ = ["MIN_FILES", "Progress", "start", "wanted"]

#: Runs over more files than this show a bar.
MIN_FILES = 300


def wanted(quiet: bool, stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether a bar may be drawn at all: a TTY, not ``--quiet``, not in CI."""
    stream = stream if stream is not None else sys.stderr
    environ = environ if environ is not None else os.environ
    if quiet or environ.get("CI"):
        return False
    return bool(getattr(stream, "isatty", None) and stream.isatty())


class Progress:
    """Counts documents done, and dataset bytes read when the bar is in bytes."""

    def __init__(self, bar: Any, in_bytes: bool) -> None:
        self._bar = bar
        self._in_bytes = in_bytes
        self._docs = 0

    def documents(self, n: int) -> None:
        self._docs += n
        if not self._in_bytes:
            self._bar.update(n)
        elif self._docs % 1000 < n:
            self._bar.set_postfix_str(f"{self._docs} docs", refresh=False)

    def bytes(self, n: int) -> None:
        if self._in_bytes:
            self._bar.update(n)

    def close(self) -> None:
        if self._in_bytes:
            self._bar.set_postfix_str(f"{self._docs} docs", refresh=False)
        self._bar.close()


def start(files: int, dataset_bytes: int, *, show: bool) -> Progress | None:
    """A bar for ``files`` files (or ``dataset_bytes`` of JSONL), or ``None`` when none is due."""
    if not show or (files <= MIN_FILES and not dataset_bytes):
        return None
    try:
        import tqdm
    except ImportError:
        return None
    tqdm.tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
    common: dict[str, Any] = {"desc": "newslint", "file": sys.stderr, "leave": False, "mininterval": 0.2}
    if _columns() == 0:  # a terminal that reports no size (a bare pty): tqdm would draw nothing
        common.update(ncols=80, nrows=24)
    if dataset_bytes:
        bar = tqdm.tqdm(total=dataset_bytes, unit="B", unit_scale=True, unit_divisor=1024, **common)
        return Progress(bar, in_bytes=True)
    return Progress(tqdm.tqdm(total=files, unit="files", **common), in_bytes=False)


def _columns() -> int:
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0
