"""Dask: the same pipeline (``runner.lint_unit``) over a ``dask.bag``, on any cluster.

Install with ``pip install 'newslint[dask]'``. Each partition is linted on a
worker by an ``Engine`` rebuilt from the run's ``RunOptions`` (once per worker
thread) through ``runner.lint_unit``; a partition returns one ``Batch`` (its
outcomes, facts merged), the partitions are combined in a tree, and the
client's ``Collector`` runs the corpus rules once on the merged facts. Because ``Facts.merge`` is associative and
commutative, the diagnostics are identical to a single-process run.

Python API::

    import dask.bag as db
    from newslint.run.dask import lint_bag

    bag = db.from_sequence([("a.txt", "Text one."), ("b.txt", "Text two.")], npartitions=2)
    result = lint_bag(bag)              # a RunResult; result.diagnostics is sorted

Bag items may be ``Document``s, ``(path, text)`` pairs, or JSONL-style dicts
(named ``NAME#ID`` after the ``id-field``, as the CLI names dataset records).
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from newslint.model.document import Document
from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import Batch, Collector, Plan, RunResult
from newslint.run.sources import Source, SourceProblem

if TYPE_CHECKING:
    from newslint.fix.fixes import FixPlan

__all__ = ["lint_bag", "lint_sources"]

try:  # the optional extra
    import dask.bag as db

    _HAVE_DASK = True
except ImportError:  # pragma: no cover - exercised only without the extra
    _HAVE_DASK = False

_BLOCK_SIZE = "64MiB"  # plain JSONL is split into partitions of about this size
_local = threading.local()


def _require_dask() -> None:
    if not _HAVE_DASK:
        from newslint.plugin.config import ConfigError

        raise ConfigError("--engine dask needs the dask extra: pip install 'newslint[dask]'")


def _engine(options: RunOptions) -> Engine:
    """This worker thread's engine for ``options``, built once."""
    key = pickle.dumps(options)
    engines = getattr(_local, "engines", None)
    if engines is None:
        engines = _local.engines = {}
    if key not in engines:
        engines[key] = Engine.create(options)
    return engines[key]  # type: ignore[no-any-return]


def _to_document(item: object, name: str, dataset: Any) -> Document | SourceProblem:
    if isinstance(item, Document):
        return item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
        return Document(item[1], str(item[0]))
    if isinstance(item, Mapping):
        import json

        from newslint.run.datasets import parse_record

        line = json.dumps(item, ensure_ascii=False).encode("utf-8")
        doc = parse_record(name, 0, line, dataset)
        if doc.path == f"{name}#L0":  # no id: name it by content, as Dask keeps no line numbers
            if isinstance(doc, Document):
                doc.path = _hashed(name, line)
            else:
                doc = SourceProblem(_hashed(name, line), doc.message, doc.error)
        return doc
    raise TypeError(
        f"cannot lint a bag item of type {type(item).__name__}; give Documents, (path, text) pairs or dicts"
    )


def _lint_partition(options: RunOptions, name: str, plan: Plan, items: Iterable[object]) -> Batch:
    """A partition's items as units, each linted by ``runner.lint_unit``; one merged ``Batch`` back."""
    from newslint.run.runner import DocumentsUnit, FileUnit, lint_unit

    engine = _engine(options)
    dataset = None
    batch = Batch()
    docs: list[tuple[tuple[Any, ...], Document | SourceProblem]] = []
    for item in items:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Source):
            batch.extend(lint_unit(engine, FileUnit(item[0], item[1]), plan))  # (discovery index, file to read)
            continue
        if dataset is None:
            from newslint.run.runner import dataset_of

            dataset = dataset_of(engine)
        if isinstance(item, tuple) and len(item) == 3 and isinstance(item[0], int) and isinstance(item[2], str):
            index, path, line_text = item  # a raw line of a dataset file
            if not line_text.strip():
                continue
            record = _parse_line(path, line_text)
            doc = record if isinstance(record, SourceProblem) else _to_document(record, path, dataset)
            docs.append(((index, doc.path), doc))
        else:
            doc = _to_document(item, name, dataset)
            docs.append(((0, doc.path), doc))
    if docs:
        batch.extend(lint_unit(engine, DocumentsUnit(docs), plan))
    return batch


def _parse_line(path: str, line_text: str) -> object:
    """A dataset line as JSON, or the problem with it (named by the line's hash: Dask keeps no line numbers)."""
    import json

    try:
        raw = line_text.encode("utf-8")
    except UnicodeEncodeError as exc:  # surrogate-escaped bytes: not UTF-8
        raw = line_text.encode("utf-8", "surrogateescape")
        return SourceProblem(_hashed(path, raw), f"invalid JSON record: not valid UTF-8: {exc.reason}")
    try:
        return json.loads(raw)
    except ValueError as exc:
        return SourceProblem(_hashed(path, raw), f"invalid JSON record: {exc}")


def _hashed(path: str, raw: bytes) -> str:
    return f"{path}#sha1:{hashlib.sha1(raw).hexdigest()[:12]}"


def _combine(parts: Iterable[Batch]) -> Batch:
    total = Batch()
    for part in parts:
        total.extend(part)
    return total


def _judge(
    engine: Engine,
    total: Batch,
    problems: Sequence[tuple[tuple[Any, ...], SourceProblem]] = (),
    fix: FixPlan | None = None,
) -> RunResult:
    """Feed the combined batch to a ``Collector``: corpus rules, sorting, discovery order."""
    collector = Collector(engine, fix=fix)
    for order, problem in problems:
        collector.problem(order, problem)
    collector.add_batch(total)
    return collector.finish()


def lint_bag(
    bag: Any, options: RunOptions | None = None, *, name: str = "bag", split_every: int = 8, **fields: Any
) -> RunResult:
    """Lint every item of a ``dask.bag`` and judge the corpus, on the bag's scheduler.

    Args:
        bag: Items are ``Document``s, ``(path, text)`` pairs or dicts with the
            ``text-field`` (and ``id-field``) of a dataset record.
        options: The run's options; by default ``RunOptions(**fields)`` with
            corpus rules on.
        name: Dict records are named ``NAME#ID``.
        split_every: Fan-in of the tree that merges partition results.
        **fields: ``RunOptions`` fields when ``options`` is not given.

    Returns:
        A ``RunResult`` with sorted diagnostics, corpus rules included.
    """
    _require_dask()
    if options is None:
        options = RunOptions(**{"corpus": True, **fields})
    engine = Engine.create(options)
    total = bag.reduction(partial(_lint_partition, options, name, Plan()), _combine, split_every=split_every).compute()
    return _judge(engine, total)


def lint_sources(
    engine: Engine,
    options: RunOptions,
    sources: Sequence[Source | SourceProblem],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    fix: FixPlan | None = None,
) -> RunResult:
    """``--engine dask``: lint discovered sources on a cluster (files must be readable by its workers).

    Args:
        engine: The client's engine, which judges the corpus.
        options: What the workers rebuild their engines from.
        sources: From ``discover``; JSONL datasets are read with ``dask.bag.read_text``.
        scheduler: A scheduler address; ``None`` starts a local cluster.
        workers: Workers of the local cluster (default: the CPU count).
        fix: ``--fix``/``--diff``: the workers fix (and write) each file.
    """
    _require_dask()
    from distributed import Client, LocalCluster

    from newslint.plugin.config import ConfigError
    from newslint.run.datasets import is_dataset
    from newslint.run.parallel import default_jobs

    if any(not isinstance(p, str) for p in options.plugins):
        raise ConfigError("--engine dask: plugins must be given by module name")
    problems = [((i,), s) for i, s in enumerate(sources) if isinstance(s, SourceProblem)]
    files = [
        (i, s)
        for i, s in enumerate(sources)
        if isinstance(s, Source) and not (s.file is not None and is_dataset(s.path))
    ]
    datasets = [
        (i, s) for i, s in enumerate(sources) if isinstance(s, Source) and s.file is not None and is_dataset(s.path)
    ]
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=30)
        else:
            cluster = LocalCluster(
                n_workers=workers or default_jobs(), threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
    except OSError as exc:
        raise ConfigError(f"--scheduler {scheduler}: cannot connect: {exc}") from None
    try:
        bags = []
        if files:
            n = min(len(files), max(1, len(client.scheduler_info()["workers"]) * 4))
            bags.append(db.from_sequence(files, npartitions=n))
        for index, source in datasets:
            compressed = source.path.lower().endswith(".gz")
            text = db.read_text(
                source.path, blocksize=None if compressed else _BLOCK_SIZE, encoding="utf-8", errors="surrogateescape"
            )
            bags.append(text.map(partial(_tag, index, source.path)))
        total = Batch()
        if bags:
            bag = db.concat(bags) if len(bags) > 1 else bags[0]
            plan = Plan(fix=fix)
            total = bag.reduction(partial(_lint_partition, options, "bag", plan), _combine, split_every=8).compute()
        return _judge(engine, total, problems, fix)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _tag(index: int, path: str, line: str) -> tuple[int, str, str]:
    return index, path, line
