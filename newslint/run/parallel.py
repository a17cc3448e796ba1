"""``--jobs N``: map ``runner.lint_unit`` over files and chunks of dataset records in a pool of processes.

Each worker builds its own ``Engine`` from the run's picklable ``RunOptions``
(``Engine.create`` is deterministic in them), so no plugin manager crosses a
process boundary. The parent walks the sources, serves unchanged files from
the cache, ships the rest as units (paths, or about a megabyte of raw JSONL
lines, never parsed documents), and its ``Collector`` stores what comes back
in the cache, merges the facts and runs the corpus rules once. Under
``--fix`` the workers fix and write the files. Diagnostics are sorted, and
problems, paths and diffs keep discovery order, so the output is identical
to ``--jobs 1``. Small runs stay in process: a
pool costs more than it saves under ``MIN_POOL_FILES`` files and
``MIN_POOL_BYTES`` bytes.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newslint.model.document import Document
from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import Batch, Collector, FileUnit, Plan, RunResult, Unit, lint_unit, run_units
from newslint.run.sources import Source, SourceProblem

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

    from newslint.fix.fixes import FixPlan
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


def _lint(units: list[Unit], plan: Plan) -> list[Batch]:
    """A task: ``lint_unit`` mapped over a few units with this worker's engine."""
    assert _engine is not None, "worker not initialised"
    return [lint_unit(_engine, unit, plan) for unit in units]


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
    fix: FixPlan | None = None,
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
        fix: ``--fix``/``--diff``: workers fix (and write) each file.
    """
    global _engine
    collector = Collector(engine, cache, keep_texts, fix)
    files, datasets = collector.split(sources, progress)
    picklable = all(isinstance(p, str) for p in options.plugins)
    small = len(files) < MIN_POOL_FILES and sum(_size(u.source) for u in [*files, *datasets]) < MIN_POOL_BYTES
    if jobs <= 1 or not picklable or small:
        run_units(collector, files, datasets, progress)
        return collector.finish()
    context = _context()
    # A forked worker starts from the parent's engine, configured and with its packs
    # and dictionary loaded: no worker re-reads config, packs or dictionary.
    inherited = context.get_start_method() == "fork"
    if inherited:
        _engine = engine
        engine.configure()  # here, not in the warm-up: a pack or plugin error stops the run
        _warm_up(engine)
        # The parent's objects (dictionary, packs, engine) move to the collector's permanent
        # generation: a worker's collections never walk them, so their pages stay shared
        # instead of being copied into every worker (the CPU a second worker used to add).
        thawed = gc.get_freeze_count() == 0
        gc.freeze()
    try:
        return _pool_run(collector, context, inherited, options, files, datasets, jobs, progress)
    finally:
        if inherited:
            _engine = None
            if thawed:
                gc.unfreeze()


#: What the parent lints before forking (see ``_warm_up``): a short article with a byline,
#: a few misspellings, names and a social-media line, so that the rules' data loaded on
#: first need is loaded.
WARM_UP_TEXT = (
    "By Maria Delgado\n\n"
    "Officials in Springfield said on Tuesday that the councill would publish the reprot, "
    'and the mayor\'s office called the findings "disapointing".\n\n'
    "Delgado, a spokeswoman for the Tenants' Union, said residents had waited since March.\n\n"
    "Follow Maria Delgado on Twitter.\n"
)


def _warm_up(engine: Engine) -> None:
    """Check ``WARM_UP_TEXT`` in the parent, results discarded, before the workers fork.

    Rules load some of their data on first need: the spelling distance index,
    wordfreq's frequency table (names rules), pack patterns compiled on first
    use. Loaded once here, it is inherited by every forked worker instead of
    loaded by each. Nothing of the run is linted here, so no result changes.
    """
    with contextlib.suppress(Exception):  # a warm-up only: a rule that fails will fail in the workers too
        engine.check(Document(WARM_UP_TEXT, "warm-up.txt"))


def _pool_run(
    collector: Collector,
    context: multiprocessing.context.BaseContext,
    inherited: bool,
    options: RunOptions,
    files: Sequence[FileUnit],
    datasets: Sequence[FileUnit],
    jobs: int,
    progress: Progress | None,
) -> RunResult:
    from concurrent.futures import ProcessPoolExecutor  # imported only when a pool is worth it

    plan = collector.plan
    initargs = (options, os.getpid(), inherited)  # workers end with this process, even when it is killed
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=initargs) as pool:
        per_task = max(1, min(_CHUNK_FILES, len(files) // (jobs * 8)))
        # Largest files first: the last tasks are the small ones, so no worker is left with a big file
        # while the others idle (the collector sorts the results, so the order changes no output).
        by_size = sorted(files, key=lambda unit: _size(unit.source), reverse=True)
        outstanding: set[Future[list[Batch]]] = {
            pool.submit(_lint, list[Unit](by_size[i : i + per_task]), plan) for i in range(0, len(by_size), per_task)
        }
        for dataset in datasets:
            for chunk in collector.records(dataset, progress, _CHUNK_BYTES):
                while len(outstanding) >= jobs * _IN_FLIGHT:
                    _drain(collector, outstanding, progress)
                outstanding.add(pool.submit(_lint, [chunk], plan))
        while outstanding:
            _drain(collector, outstanding, progress)
    return collector.finish()


def _drain(collector: Collector, outstanding: set[Future], progress: Progress | None) -> None:
    from concurrent.futures import FIRST_COMPLETED, wait

    done, _ = wait(outstanding, return_when=FIRST_COMPLETED)
    for future in done:
        outstanding.discard(future)
        for batch in future.result():
            collector.add_batch(batch, progress)
