"""The pipeline: one function lints a unit of work; executors only map it.

A unit is a file (or stdin), a chunk of a JSONL dataset's records, or
documents already parsed (a Dask partition). ``lint_unit`` reads and decodes
it, checks each document (or, under ``--fix``/``--diff``, fixes it: fixing is
a step of the pipeline, ``newslint.fix.fixes.fix_source``) and returns a
``Batch``. The in-process runner (``run`` here), the process pool
(``newslint.run.parallel``) and Dask (``newslint.run.dask``) map ``lint_unit``
over units and feed the batches to one ``Collector``, which serves and fills
the cache, merges corpus facts and judges the corpus once. Problems with one
file are recorded and the run goes on with the next.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.model.diagnostic import Diagnostic
from newslint.model.document import DecodeError, Document
from newslint.model.encoding import decode_error_diagnostic
from newslint.model.facts import Facts, merge_facts
from newslint.run.datasets import Dataset, is_dataset, parse_record, read_lines
from newslint.run.engine import Engine
from newslint.run.sources import Source, SourceProblem, is_binary, read_source

if TYPE_CHECKING:
    from newslint.fix.fixes import FixPlan
    from newslint.run.cache import Cache, Stamp
    from newslint.run.progress import Progress

__all__ = [
    "Batch",
    "Collector",
    "DocumentsUnit",
    "FileUnit",
    "Outcome",
    "Plan",
    "RecordsUnit",
    "RunResult",
    "Unit",
    "lint_source",
    "lint_unit",
    "run",
]

#: Raw JSONL bytes per unit of dataset records.
CHUNK_BYTES = 1 << 20


@dataclass
class RunResult:
    """What a run found.

    Args:
        diagnostics: Every diagnostic, sorted by path, line, column, code.
        problems: Paths that could not be linted (``error`` ones make exit 2).
        files: Documents linted (files, and records of JSONL datasets).
        paths: Paths of the documents linted, in discovery order.
        texts: Decoded text by path, kept only when asked (HTML, LSP).
        cached: Files whose results came from the cache.
        fixed: ``--fix``: fixes applied (``--diff``: fixes that would be).
        files_fixed: Files those fixes changed.
        diff: ``--diff``: the unified diffs, in discovery order.
        output: ``--fix`` on standard input: the fixed text, for stdout.
    """

    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    cached: int = 0
    fixed: int = 0
    files_fixed: int = 0
    diff: str = ""
    output: str = ""

    @property
    def has_errors(self) -> bool:
        return any(p.error for p in self.problems)


@dataclass(frozen=True)
class Plan:
    """How each unit is linted; it pickles, so workers receive it.

    Args:
        keep_texts: Return each document's text (HTML, LSP).
        want_digest: Return what the cache keys a file's results on.
        fix: ``--fix``/``--diff``: fix each document before reporting it.
    """

    keep_texts: bool = False
    want_digest: bool = False
    fix: FixPlan | None = None


@dataclass(frozen=True)
class FileUnit:
    """A file (or stdin), ``index``-th in discovery order."""

    index: int
    source: Source


@dataclass(frozen=True)
class RecordsUnit:
    """A chunk of the records (line number, raw line) of the dataset ``path``, ``index``-th in discovery order."""

    index: int
    path: str
    lines: Sequence[tuple[int, bytes]]


@dataclass(frozen=True)
class DocumentsUnit:
    """Documents already parsed (or the problem with each), with the order problems are listed in."""

    items: Sequence[tuple[tuple[Any, ...], Document | SourceProblem]]


Unit = FileUnit | RecordsUnit | DocumentsUnit


@dataclass
class Outcome:
    """One document's results; ``stamp`` and ``digest`` let the cache keep them.

    Args:
        path: The document's path (``NAME#ID`` for a dataset record).
        diagnostics: What is wrong with it (after fixing, under ``--fix``).
        facts: Its corpus facts (empty when the batch merged them).
        problem: Why it could not be linted; nothing else is set then.
        text: Its final text, when the plan keeps texts.
        stamp: ``(size, mtime_ns)`` of the file whose content the results describe.
        digest: That content's digest.
        fixed: Fixes applied (or, under ``--diff``, that would be).
        diff: ``--diff``: the unified diff of those fixes.
        output: ``--fix`` on standard input: the fixed text.
        note: A fix that could not be written; the document is still reported.
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    problem: SourceProblem | None = None
    text: str | None = None
    stamp: Stamp | None = None
    digest: bytes | None = None
    fixed: int = 0
    diff: str = ""
    output: str | None = None
    note: SourceProblem | None = None


@dataclass
class Batch:
    """What linting a unit gives: each document's outcome in order, and facts merged.

    File outcomes keep their own facts (the cache stores them); the facts of
    records and parsed documents are merged here, so a chunk costs one small
    message between processes.
    """

    outcomes: list[tuple[tuple[Any, ...], Outcome]] = field(default_factory=list)
    merged: dict[str, Facts] = field(default_factory=dict)

    def extend(self, other: Batch) -> Batch:
        """Append ``other`` (associative, so Dask can combine partitions in any tree)."""
        self.outcomes.extend(other.outcomes)
        merge_facts([other.merged.values()], into=self.merged)
        return self


def lint_unit(engine: Engine, unit: Unit, plan: Plan) -> Batch:
    """Lint one unit of work: the only per-document loop of every executor."""
    batch = Batch()
    if isinstance(unit, FileUnit):
        batch.outcomes.append(((unit.index,), _slim(lint_source(engine, unit.source, plan), plan)))
        return batch
    if isinstance(unit, RecordsUnit):
        dataset = dataset_of(engine)
        items: Iterable[tuple[tuple[Any, ...], Document | SourceProblem]] = (
            ((unit.index, number), parse_record(unit.path, number, line, dataset)) for number, line in unit.lines
        )
    else:
        items = unit.items
    for order, doc in items:
        if isinstance(doc, SourceProblem):
            batch.outcomes.append((order, Outcome(doc.path, problem=doc)))
            continue
        outcome = _slim(check_document(engine, doc, plan), plan)
        merge_facts([outcome.facts], into=batch.merged)
        outcome.facts = []
        batch.outcomes.append((order, outcome))
    return batch


def _slim(outcome: Outcome, plan: Plan) -> Outcome:
    if not plan.keep_texts:
        outcome.text = None
    return outcome


def check_document(engine: Engine, doc: Document, plan: Plan, source: Source | None = None) -> Outcome:
    """Check one decoded document, or fix it first when the plan says so.

    Only a file or standard input (``source``) is fixed: a dataset record has
    nowhere to be written back, so it is checked as in a plain run.
    """
    if plan.fix is None or source is None:
        diagnostics, facts = engine.check(doc)
        return Outcome(doc.path, diagnostics, facts, text=doc.source)
    from newslint.fix.fixes import fix_source

    done = fix_source(doc, engine.check, plan.fix, source, engine.ctx.config.root)
    outcome = Outcome(
        doc.path, done.diagnostics, done.facts, text=done.text, fixed=done.fixed, diff=done.diff, note=done.problem
    )
    if source is not None and source.file is None and plan.fix.write:
        outcome.output = done.text  # a fixed stdin goes to stdout, as ruff does
    if done.written is not None and plan.want_digest:
        outcome.stamp, outcome.digest = done.written  # the results describe the new content
    return outcome


def lint_source(engine: Engine, source: Source, plan: Plan | None = None) -> Outcome:
    """Lint one file (or stdin); the plan says whether to fix it and what to return."""
    plan = plan or Plan()
    stamp = None
    if plan.want_digest and source.file is not None:
        try:
            st = os.stat(source.file)
            stamp = (st.st_size, st.st_mtime_ns)
        except OSError:
            pass
    data = read_source(source, engine.ctx.options["max-file-size"])
    if isinstance(data, SourceProblem):
        return Outcome(source.path, problem=data)
    if is_binary(data):
        return Outcome(source.path, problem=SourceProblem(source.path, "binary file (NUL bytes); skipped", error=False))
    dig = None
    if stamp is not None:
        from newslint.run.cache import digest

        dig = digest(data)
    try:
        doc = Document.from_bytes(data, source.path)
    except DecodeError as exc:
        return Outcome(
            source.path, engine.filter([decode_error_diagnostic(source.path, data, exc)]), stamp=stamp, digest=dig
        )
    del data  # the document holds the text: the bytes are not kept while it is checked
    outcome = check_document(engine, doc, plan, source)
    if plan.fix is None or (outcome.text == doc.source and outcome.note is None):
        outcome.stamp, outcome.digest = stamp, dig  # the results describe the content read
    return outcome


def dataset_of(engine: Engine) -> Dataset:
    """The JSONL fields this run reads (``text-field``, ``id-field``)."""
    options = engine.ctx.options
    return Dataset(options["text-field"], options["id-field"], options["max-file-size"])


def _order_key(order: tuple[Any, ...]) -> tuple[tuple[bool, Any], ...]:
    """Orders are ints (discovery index, line number) or, from Dask, a record's path."""
    return tuple((isinstance(x, str), x) for x in order)


class Collector:
    """Gathers batches from any executor, serves and fills the cache, merges facts, judges the corpus once.

    Args:
        engine: The run's engine (the corpus rules run in it).
        cache: Where outcomes of files are stored, if caching.
        keep_texts: Keep each document's text in the result (the cache is then not used).
        fix: ``--fix``/``--diff``: fix each document first.
    """

    def __init__(
        self, engine: Engine, cache: Cache | None = None, keep_texts: bool = False, fix: FixPlan | None = None
    ) -> None:
        self.engine = engine
        self.cache = None if keep_texts else cache
        self.plan = Plan(keep_texts=keep_texts, want_digest=self.cache is not None, fix=fix)
        self.result = RunResult()
        self.merged: dict[str, Facts] = {}
        self._problems: list[tuple[tuple[Any, ...], SourceProblem]] = []
        self._paths: list[tuple[tuple[Any, ...], str]] = []
        self._diffs: list[tuple[tuple[Any, ...], str]] = []
        self._outputs: list[tuple[tuple[Any, ...], str]] = []

    # -- splitting sources into units ------------------------------------------------

    def split(
        self, sources: Iterable[Source | SourceProblem], progress: Progress | None
    ) -> tuple[list[FileUnit], list[FileUnit]]:
        """Record problems, serve unchanged files from the cache; return the files and the datasets to lint."""
        listed = list(sources)
        if self.cache is not None:
            self.cache.prefetch([s.path for s in listed if isinstance(s, Source) and s.file is not None])
        files: list[FileUnit] = []
        datasets: list[FileUnit] = []
        for index, source in enumerate(listed):
            if isinstance(source, SourceProblem):
                self.problem((index,), source)
            elif source.file is not None and is_dataset(source.path):
                datasets.append(FileUnit(index, source))
            elif not self._serve_cached(index, source):
                files.append(FileUnit(index, source))
            elif progress is not None:
                progress.documents(1)
        return files, datasets

    def _serve_cached(self, index: int, source: Source) -> bool:
        if self.cache is None or source.file is None:
            return False
        hit = self.cache.lookup(source.path, source.file)
        if hit is None:
            return False
        if self.plan.fix is not None:
            from newslint.fix.fixes import edits_for

            if any(edits_for(d, self.plan.fix.unsafe) for d in hit[0]):
                return False  # there is something to fix: lint it
        self.add_cached(index, source.path, *hit)
        return True

    def records(
        self, dataset: FileUnit, progress: Progress | None, chunk_bytes: int = CHUNK_BYTES
    ) -> Iterator[RecordsUnit]:
        """The dataset's records in chunks of about ``chunk_bytes``; a read error is recorded as a problem."""
        path = dataset.source.path
        on_bytes = progress.bytes if progress is not None else None
        chunk: list[tuple[int, bytes]] = []
        size = 0
        try:
            for item in read_lines(path, on_bytes, max_line=dataset_of(self.engine).max_size):
                chunk.append(item)
                size += len(item[1])
                if size >= chunk_bytes:
                    yield RecordsUnit(dataset.index, path, chunk)
                    chunk, size = [], 0
        except (OSError, EOFError) as exc:
            self.problem((dataset.index, 1 << 62), SourceProblem(path, f"cannot read dataset: {exc}"))
        if chunk:
            yield RecordsUnit(dataset.index, path, chunk)

    # -- gathering ---------------------------------------------------------------------

    def problem(self, order: tuple[Any, ...], problem: SourceProblem) -> None:
        self._problems.append((order, problem))

    def add_batch(self, batch: Batch, progress: Progress | None = None) -> None:
        """Take a unit's results."""
        for order, outcome in batch.outcomes:
            self.add(order, outcome)
        merge_facts([batch.merged.values()], into=self.merged)
        if progress is not None:
            progress.documents(len(batch.outcomes))

    def add(self, order: tuple[Any, ...], outcome: Outcome) -> None:
        if outcome.problem is not None:
            self.problem(order, outcome.problem)
            return
        self.result.files += 1
        self._paths.append((order, outcome.path))
        self.result.diagnostics.extend(outcome.diagnostics)
        merge_facts([outcome.facts], into=self.merged)
        if self.plan.keep_texts and outcome.text is not None:
            self.result.texts[outcome.path] = outcome.text
        if outcome.note is not None:
            self.problem(order, outcome.note)
        if outcome.fixed:
            self.result.fixed += outcome.fixed
            self.result.files_fixed += 1
        if outcome.diff:
            self._diffs.append((order, outcome.diff))
        if outcome.output is not None:
            self._outputs.append((order, outcome.output))
        if self.cache is not None and outcome.stamp is not None and outcome.digest is not None:
            self.cache.store(outcome.path, outcome.stamp, outcome.digest, outcome.diagnostics, outcome.facts)

    def add_cached(self, index: int, path: str, diagnostics: list[Diagnostic], facts: list[Facts]) -> None:
        self.result.files += 1
        self._paths.append(((index,), path))
        self.result.cached += 1
        self.result.diagnostics.extend(diagnostics)
        merge_facts([facts], into=self.merged)

    def finish(self) -> RunResult:
        """Run the corpus rules on the merged facts, sort, and close the cache."""
        try:
            self.result.diagnostics.extend(self.engine.check_corpus(self.merged, self.result.diagnostics))
        finally:
            if self.cache is not None:
                self.cache.close()
        self.result.diagnostics.sort()

        def ordered(items: list[tuple[tuple[Any, ...], Any]]) -> list[Any]:
            return [value for _, value in sorted(items, key=lambda item: _order_key(item[0]))]

        self.result.problems = ordered(self._problems)
        self.result.paths = ordered(self._paths)
        self.result.diff = "".join(ordered(self._diffs))
        self.result.output = "".join(ordered(self._outputs))
        return self.result


def run(
    engine: Engine,
    sources: Iterable[Source | SourceProblem],
    *,
    keep_texts: bool = False,
    cache: Cache | None = None,
    progress: Progress | None = None,
    fix: FixPlan | None = None,
) -> RunResult:
    """Lint every source in this process, then run the corpus rules.

    Args:
        engine: The configured run.
        sources: Files, stdin and problems from ``discover``; JSONL datasets
            are expanded into one document per record.
        keep_texts: Keep decoded texts (the cache is bypassed).
        cache: Serve unchanged files from here and store the rest.
        progress: Told about every file (and dataset bytes) done.
        fix: ``--fix``/``--diff``: fix each document first.
    """
    collector = Collector(engine, cache, keep_texts, fix)
    files, datasets = collector.split(sources, progress)
    run_units(collector, files, datasets, progress)
    return collector.finish()


def run_units(collector: Collector, files: list[FileUnit], datasets: list[FileUnit], progress: Progress | None) -> None:
    """Map ``lint_unit`` over the units in this process, in discovery order."""
    dataset_indexes = {u.index for u in datasets}
    for unit in sorted([*files, *datasets], key=lambda u: u.index):
        if unit.index in dataset_indexes:
            for chunk in collector.records(unit, progress):
                collector.add_batch(lint_unit(collector.engine, chunk, collector.plan), progress)
        else:
            collector.add_batch(lint_unit(collector.engine, unit, collector.plan), progress)
