"""How the command line executes a run: processes, cache, progress bar, or a Dask cluster.

The CLI adds these options with ``add_arguments`` and hands its sources to
``execute``, which picks the in-process runner, the process pool
(``newslint.run.parallel``) or Dask (``newslint.run.dask``), opens the result cache and
draws the progress bar.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import RunResult
from newslint.run.sources import Source, SourceProblem

if TYPE_CHECKING:
    from newslint.fix.fixes import FixPlan

__all__ = ["add_arguments", "execute", "option_overrides"]


#: More worker processes than this is a typo, not a plan (each holds a full engine).
MAX_JOBS = 256


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of processes")
    if n > MAX_JOBS:
        raise argparse.ArgumentTypeError(f"{value} processes is out of range; expected 1 to {MAX_JOBS}")
    return n


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``speed and scale`` option group."""
    group = parser.add_argument_group("speed and scale")
    group.add_argument(
        "--jobs", "-j", type=_jobs, metavar="N", help="worker processes (default: the CPU count; 1 runs in process)"
    )
    group.add_argument("--no-cache", dest="cache", action="store_false", help="neither read nor write the result cache")
    group.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where the result cache lives (default: .newslint_cache beside the config file, else here)",
    )
    group.add_argument(
        "--text-field", metavar="NAME", help="JSONL datasets: the field holding the article text (default: text)"
    )
    group.add_argument(
        "--id-field", metavar="NAME", help="JSONL datasets: the field naming a record in diagnostics (default: id)"
    )
    group.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="run on this machine (default) or on a Dask cluster",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="--engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )


def option_overrides(args: argparse.Namespace) -> dict[str, object]:
    """Config values the command line sets (``--text-field``, ``--id-field``)."""
    out: dict[str, object] = {}
    if args.text_field:
        out["text-field"] = args.text_field
    if args.id_field:
        out["id-field"] = args.id_field
    return out


def execute(
    engine: Engine,
    options: RunOptions,
    args: argparse.Namespace,
    sources: Iterable[Source | SourceProblem],
    *,
    keep_texts: bool = False,
    fix: FixPlan | None = None,
) -> RunResult:
    """Lint ``sources`` as the command line asked; ``keep_texts`` for reporters that show context.

    Under ``--fix``/``--diff`` (``fix``) the same pipeline fixes each file first,
    with the same ``--jobs``, ``--engine`` and cache as a plain run.

    Raises:
        ConfigError: ``--engine dask`` without dask installed, or a scheduler that cannot be reached.
        PluginError: a plugin failed while checking.
    """
    from newslint.run import progress as bars
    from newslint.run.datasets import is_dataset

    listed = list(sources)
    files = [s for s in listed if isinstance(s, Source)]
    dataset_bytes = sum(_size(s) for s in files if s.file is not None and is_dataset(s.path))
    if args.engine == "dask":  # Dask has its own dashboard; no bar here
        from newslint.run.dask import lint_sources

        return lint_sources(engine, options, listed, scheduler=args.scheduler, workers=args.jobs, fix=fix)
    bar = bars.start(len(files), dataset_bytes, show=bars.wanted(args.quiet))
    try:
        jobs = args.jobs or _default_jobs()
        cache = _open_cache(engine, args) if args.cache else None
        from newslint.run import parallel

        result = parallel.run(
            engine, options, listed, jobs=jobs, cache=cache, progress=bar, keep_texts=keep_texts, fix=fix
        )
        if args.verbose:
            print(f"newslint: note: {result.files} documents linted, {result.cached} from the cache", file=sys.stderr)
        return result
    finally:
        if bar is not None:
            bar.close()


def _default_jobs() -> int:
    from newslint.run.parallel import default_jobs

    return default_jobs()


def _open_cache(engine: Engine, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from newslint.run.cache import Cache, CacheRefused, default_cache_dir, run_key

    directory = Path(args.cache_dir) if args.cache_dir else default_cache_dir(engine.ctx.config.path)
    try:
        cache = Cache.open(directory, run_key(engine))
    except CacheRefused as exc:
        print(f"newslint: warning: {exc}", file=sys.stderr)
        return None
    if cache is None and args.verbose:
        print(f"newslint: note: cache at {directory} is not usable; running without it", file=sys.stderr)
    return cache


def _size(source: Source) -> int:
    try:
        return os.stat(source.file).st_size if source.file is not None else 0
    except OSError:
        return 0
