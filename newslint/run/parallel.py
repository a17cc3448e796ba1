"""``--jobs N``: lint files and dataset records in a pool of worker processes.

Each worker builds its own ``Engine`` from the run's picklable ``RunOptions``
(``Engine.create`` is deterministic in them), so no plugin manager crosses a
process boundary. The parent walks the sources, serves unchanged files from
the cache, ships the rest in chunks (paths, or about a megabyte of raw JSONL
lines, never parsed documents), merges the facts that come back and runs the
corpus rules once. Diagnostics are sorted and problems keep discovery order,
so the output is identical to ``--jobs 1``. Small runs stay in process: a
pool costs more than it saves under ``MIN_POOL_FILES`` files and
``MIN_POOL_BYTES`` bytes.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newslint.model.diagnostic import Diagnostic
from newslint.model.facts import Facts, merge_facts
from newslint.run import runner
from newslint.run.datasets import is_dataset, read_lines
from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import Collector, Outcome, RunResult
from newslint.run.sources import Source, SourceProblem

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

    from newslint.run.cache import Cache
    from newslint.run.progress import Progress

__all__ = ["MIN_POOL_BYTES", "MIN_POOL_FILES", "default_jobs", "run"]

#: A run with fewer files to lint than this (and fewer bytes than ``MIN_POOL_BYTES``) stays in process.
MIN_POOL_FILES = 64
MIN_POOL_BYTES = 1 << 20
_CHUNK_FILES = 48  # most files per task
_CHUNK_BYTES = 1 << 20  # raw JSONL bytes per task
_IN_FLIGHT = 4  # dataset tasks queued per worker: bounds the parent's memory

_engine: Engine | None = None  # the worker's engine, built once per process


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _init_worker(options: RunOptions, parent: int | None = None, inherited: bool = False) -> None:
    global _engine
    if parent is not None:
        die_with_parent(parent)
    if not inherited or _engine is None:
        _engine = Engine.create(options)


#: ``prctl`` option: the signal this process gets when its parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1
#: How often a worker without ``prctl`` checks that its parent is alive, in seconds.
PARENT_POLL_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """End this worker when ``parent`` ends, so a killed run leaves no worker behind.

    On Linux the kernel sends SIGTERM when the parent dies (``PR_SET_PDEATHSIG``,
    through ctypes); elsewhere, or if that fails, a daemon thread checks the
    parent every ``PARENT_POLL_SECONDS``. Either way, a parent already gone
    when this runs ends the worker at once.
    """
    import signal

    armed = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(PARENT_POLL_SECONDS)
            os._exit(1)

        threading.Thread(target=watch, name="newslint-parent-watch", daemon=True).start()


def _worker_engine() -> Engine:
    assert _engine is not None, "worker not initialised"
    return _engine


def _lint_files(batch: list[tuple[int, Source]], keep_texts: bool, want_digest: bool) -> list[tuple[int, Outcome]]:
    engine = _worker_engine()
    out = []
    for index, source in batch:
        outcome = runner.lint_source(engine, source, want_digest=want_digest)
        if not keep_texts:
            outcome.text = None
        out.append((index, outcome))
    return out


def _lint_records(
    path: str, lines: list[tuple[int, bytes]], keep_texts: bool
) -> tuple[int, list[Diagnostic], dict[str, Facts], list[tuple[int, SourceProblem]], dict[str, str]]:
    """Lint a chunk of records; facts come back merged, so a chunk costs one small message."""
    engine = _worker_engine()
    dataset = runner.dataset_of(engine)
    docs = 0
    diagnostics: list[Diagnostic] = []
    merged: dict[str, Facts] = {}
    problems: list[tuple[int, SourceProblem]] = []
    texts: dict[str, str] = {}
    for number, line in lines:
        outcome = runner.lint_record(engine, path, number, line, dataset)
        if outcome.problem is not None:
            problems.append((number, outcome.problem))
            continue
        docs += 1
        diagnostics.extend(outcome.diagnostics)
        merge_facts([outcome.facts], into=merged)
        if keep_texts and outcome.text is not None:
            texts[outcome.path] = outcome.text
    return docs, diagnostics, merged, problems, texts


def _chunks(lines: Iterator[tuple[int, bytes]]) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    size = 0
    for item in lines:
        chunk.append(item)
        size += len(item[1])
        if size >= _CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _size(source: Source) -> int:
    try:
        return os.stat(source.file).st_size if source.file is not None else len(source.data or b"")
    except OSError:
        return 0


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    # fork starts a worker in milliseconds; elsewhere spawn rebuilds everything from RunOptions.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run(
    engine: Engine,
    options: RunOptions,
    sources: Sequence[Source | SourceProblem],
    *,
    jobs: int,
    cache: Cache | None = None,
    progress: Progress | None = None,
    keep_texts: bool = False,
) -> RunResult:
    """Lint ``sources`` with up to ``jobs`` processes; the same result as ``runner.run``.

    Args:
        engine: The parent's engine (corpus rules and cache key).
        options: What the workers rebuild their engines from.
        sources: Everything ``discover`` yielded, in order.
        jobs: Worker processes; 1 (or a plugin object in ``options.plugins``,
            which cannot be pickled) runs in this process.
        cache: The result cache, consulted in the parent.
        progress: The progress bar, if any.
        keep_texts: Keep decoded texts in the result.
    """
    global _engine
    picklable = all(isinstance(p, str) for p in options.plugins)
    if jobs <= 1 or not picklable:
        return runner.run(engine, sources, keep_texts=keep_texts, cache=cache, progress=progress)
    collector = Collector(engine, cache, keep_texts)
    want_digest = cache is not None and not keep_texts
    if want_digest:
        cache.prefetch([s.path for s in sources if isinstance(s, Source) and s.file is not None])  # type: ignore[union-attr]
    misses: list[tuple[int, Source]] = []
    datasets: list[tuple[int, Source]] = []
    for index, source in enumerate(sources):
        if isinstance(source, SourceProblem):
            collector.problem((index,), source)
        elif source.file is not None and is_dataset(source.path):
            datasets.append((index, source))
        else:
            hit = runner.lookup(cache, source, keep_texts)
            if hit is not None:
                collector.add_cached(source.path, *hit)
                if progress is not None:
                    progress.documents(1)
            else:
                misses.append((index, source))
    pending_bytes = 0
    if len(misses) < MIN_POOL_FILES:
        pending_bytes = sum(_size(s) for _, s in misses) + sum(_size(s) for _, s in datasets)
    if len(misses) < MIN_POOL_FILES and pending_bytes < MIN_POOL_BYTES:
        for index, source in sorted(misses + datasets, key=lambda item: item[0]):
            runner.feed(collector, index, source, progress, use_cache=False)
        return collector.finish()
    context = _context()
    # A forked worker starts from the parent's engine, configured and with its packs
    # and dictionary loaded: no worker re-reads config, packs or dictionary.
    inherited = context.get_start_method() == "fork"
    if inherited:
        _engine = engine
    try:
        return _pool_run(collector, context, inherited, options, misses, datasets, jobs, keep_texts, want_digest, progress)
    finally:
        if inherited:
            _engine = None


def _pool_run(
    collector: Collector,
    context: multiprocessing.context.BaseContext,
    inherited: bool,
    options: RunOptions,
    misses: list[tuple[int, Source]],
    datasets: list[tuple[int, Source]],
    jobs: int,
    keep_texts: bool,
    want_digest: bool,
    progress: Progress | None,
) -> RunResult:
    from concurrent.futures import ProcessPoolExecutor  # imported only when a pool is worth it

    initargs = (options, os.getpid(), inherited)  # workers end with this process, even when it is killed
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=initargs) as pool:
        per_chunk = max(1, min(_CHUNK_FILES, len(misses) // (jobs * 8)))
        file_futures = [
            pool.submit(_lint_files, misses[i : i + per_chunk], keep_texts, want_digest)
            for i in range(0, len(misses), per_chunk)
        ]
        outstanding: set[Future] = set(file_futures)
        for index, source in datasets:
            on_bytes = progress.bytes if progress is not None else None
            try:
                max_line = collector.engine.ctx.options["max-file-size"]
                for chunk in _chunks(read_lines(source.path, on_bytes, max_line=max_line)):
                    while len(outstanding) >= jobs * _IN_FLIGHT:
                        _drain(collector, outstanding, progress)
                    future = pool.submit(_lint_records, source.path, chunk, keep_texts)
                    future.order = index  # type: ignore[attr-defined]
                    outstanding.add(future)
            except (OSError, EOFError) as exc:
                collector.problem((index, 1 << 62), SourceProblem(source.path, f"cannot read dataset: {exc}"))
        while outstanding:
            _drain(collector, outstanding, progress)
    return collector.finish()


def _drain(collector: Collector, outstanding: set[Future], progress: Progress | None) -> None:
    from concurrent.futures import FIRST_COMPLETED, wait

    done, _ = wait(outstanding, return_when=FIRST_COMPLETED)
    for future in done:
        outstanding.discard(future)
        _take(collector, future, progress)


def _take(collector: Collector, future: Future, progress: Progress | None) -> None:
    result = future.result()
    if isinstance(result, list):  # a chunk of files
        for index, outcome in result:
            collector.add((index,), outcome)
        if progress is not None:
            progress.documents(len(result))
        return
    docs, diagnostics, merged, problems, texts = result
    index = future.order  # type: ignore[attr-defined]
    collector.add_merged(docs, diagnostics, merged)
    collector.result.texts.update(texts)
    for number, problem in problems:
        collector.problem((index, number), problem)
    if progress is not None:
        progress.documents(docs + len(problems))
