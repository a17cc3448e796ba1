"""Where a document's memory goes: ``python -m benchmarks.memory FILE [--top N]``.

Checks FILE in process with the default rules (``--isolated``, one document,
no corpus stage) under ``tracemalloc`` and prints, per rule family's
``newslint_check``, the bytes per character of FILE held after it and the peak
while it ran (both counted from just before the document is decoded, so fixed
state such as the dictionary and packs is left out: a short built-in article is
checked first to load it). Then the allocation sites still holding memory
after the last hook, by line. The peak of the last column is what
``max-file-size`` must budget per character (see docs/speed.md).
"""

from __future__ import annotations

import argparse
import linecache
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newslint.model.document import Document
from newslint.run.engine import Engine, RunOptions
from newslint.run.parallel import WARM_UP_TEXT


def _wrap(fn: Callable[..., Any], label: str, chars: int, rows: list[tuple[str, float, float]]) -> Callable[..., Any]:
    def hook(*args: Any, **kwargs: Any) -> Any:
        tracemalloc.reset_peak()
        result = fn(*args, **kwargs)
        held, peak = tracemalloc.get_traced_memory()
        rows.append((label, held / chars, peak / chars))
        return result

    return hook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=20, help="allocation sites to list")
    args = parser.parse_args(argv)
    engine = Engine.create(RunOptions(paths=(args.file,), isolated=True, corpus=False))
    engine.check(Document(WARM_UP_TEXT, "warm-up.txt"))  # dictionary, packs, indexes: fixed state
    data = Path(args.file).read_bytes()
    tracemalloc.start(1)
    before = tracemalloc.take_snapshot()
    doc = Document.from_bytes(data, args.file)
    chars = max(1, len(doc.source))
    rows: list[tuple[str, float, float]] = []
    for impl, label in engine._check_impls:
        impl.function = _wrap(impl.function, label, chars, rows)
    found, _facts = engine.check(doc)
    after = tracemalloc.take_snapshot()
    print(f"{args.file}: {chars:,} characters, {len(found)} diagnostics")
    print(f"{'hook':<14} {'held after':>12} {'peak during':>12}  (bytes per character)")
    for label, held, peak in rows:
        print(f"{label:<14} {held:12.1f} {peak:12.1f}")
    print(f"highest peak: {max((p for _, _, p in rows), default=0.0):.1f} bytes per character")
    print("held after the last hook, by line:")
    for stat in after.compare_to(before, "lineno")[: args.top]:
        frame = stat.traceback[0]
        code = linecache.getline(frame.filename, frame.lineno).strip()[:70]
        print(f"{stat.size_diff / chars:7.1f} {stat.count_diff:9,d} blocks  {frame.filename}:{frame.lineno}  {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
