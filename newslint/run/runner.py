"""Run an engine over sources in this process: read, decode, check, merge corpus facts, collect results.

This is the only place that turns bytes into ``Document``s (files here, JSONL
records through ``newslint.run.datasets``). Problems with one file are recorded
and the run goes on with the next. ``newslint.run.parallel`` farms the same
per-file work out to processes and feeds the same ``Collector``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.model.diagnostic import Diagnostic
from newslint.model.document import DecodeError, Document
from newslint.model.encoding import decode_error_diagnostic
from newslint.model.facts import Facts, merge_facts
from newslint.run.datasets import Dataset, is_dataset, parse_record, read_lines
from newslint.run.engine import Engine
from newslint.run.sources import Source, SourceProblem, is_binary, read_source

if TYPE_CHECKING:
    from newslint.run.cache import Cache, Stamp
    from newslint.run.progress import Progress

__all__ = ["CheckDocument", "Collector", "Outcome", "RunResult", "feed", "lint_record", "lint_source", "run"]

#: Checks one decoded source: its diagnostics, corpus facts and final text.
#: ``run`` uses ``engine.check``; ``--fix`` passes one that also edits the file.
CheckDocument = Callable[[Source, Document], "tuple[list[Diagnostic], list[Facts], str]"]


@dataclass
class RunResult:
    """What a run found.

    Args:
        diagnostics: Every diagnostic, sorted by path, line, column, code.
        problems: Paths that could not be linted (``error`` ones make exit 2).
        files: Documents linted (files, and records of JSONL datasets).
        paths: Paths of the files linted, in the order they were collected.
        texts: Decoded text by path, kept only when asked (HTML, LSP).
        cached: Files whose results came from the cache.
    """

    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    cached: int = 0

    @property
    def has_errors(self) -> bool:
        return any(p.error for p in self.problems)


@dataclass
class Outcome:
    """One document's results; ``stamp`` and ``digest`` let the cache keep them."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    problem: SourceProblem | None = None
    text: str | None = None
    stamp: Stamp | None = None
    digest: bytes | None = None


def lint_source(engine: Engine, source: Source, *, want_digest: bool = False, check: CheckDocument | None = None) -> Outcome:
    """Lint one file (or stdin); ``want_digest`` also records what the cache keys on.

    ``check`` replaces ``engine.check`` for the decoded document (``--fix`` edits the file there).
    """
    stamp = None
    if want_digest and source.file is not None:
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
        return Outcome(source.path, engine.filter([decode_error_diagnostic(source.path, data, exc)]), stamp=stamp, digest=dig)
    if check is not None:
        diagnostics, facts, text = check(source, doc)
        return Outcome(source.path, diagnostics, facts, text=text)
    diagnostics, facts = engine.check(doc)
    return Outcome(source.path, diagnostics, facts, text=doc.source, stamp=stamp, digest=dig)


def lint_record(engine: Engine, path: str, number: int, line: bytes, dataset: Dataset) -> Outcome:
    """Lint the record on line ``number`` of the dataset ``path``."""
    doc = parse_record(path, number, line, dataset)
    if isinstance(doc, SourceProblem):
        return Outcome(doc.path, problem=doc)
    diagnostics, facts = engine.check(doc)
    return Outcome(doc.path, diagnostics, facts, text=doc.source)


def dataset_of(engine: Engine) -> Dataset:
    """The JSONL fields this run reads (``text-field``, ``id-field``)."""
    options = engine.ctx.options
    return Dataset(options["text-field"], options["id-field"], options["max-file-size"])


class Collector:
    """Gathers outcomes from any process, merges facts, then judges the corpus once.

    Args:
        engine: The run's engine (the corpus rules run in it).
        cache: Where outcomes of files are stored, if caching.
        keep_texts: Keep each document's text in the result.
        check: Replaces ``engine.check`` per document (``--fix``); the cache is then not used.
    """

    def __init__(
        self, engine: Engine, cache: Cache | None = None, keep_texts: bool = False, check: CheckDocument | None = None
    ) -> None:
        self.engine = engine
        self.cache = cache if check is None else None
        self.keep_texts = keep_texts
        self.check = check
        self.result = RunResult()
        self.merged: dict[str, Facts] = {}
        self._problems: list[tuple[tuple[int, ...], SourceProblem]] = []

    def problem(self, order: tuple[int, ...], problem: SourceProblem) -> None:
        self._problems.append((order, problem))

    def add(self, order: tuple[int, ...], outcome: Outcome) -> None:
        if outcome.problem is not None:
            self.problem(order, outcome.problem)
            return
        self.result.files += 1
        self.result.paths.append(outcome.path)
        self.result.diagnostics.extend(outcome.diagnostics)
        merge_facts([outcome.facts], into=self.merged)
        if self.keep_texts and outcome.text is not None:
            self.result.texts[outcome.path] = outcome.text
        if self.cache is not None and outcome.stamp is not None and outcome.digest is not None:
            self.cache.store(outcome.path, outcome.stamp, outcome.digest, outcome.diagnostics, outcome.facts)

    def add_cached(self, path: str, diagnostics: list[Diagnostic], facts: list[Facts]) -> None:
        self.result.files += 1
        self.result.paths.append(path)
        self.result.cached += 1
        self.result.diagnostics.extend(diagnostics)
        merge_facts([facts], into=self.merged)

    def add_merged(self, files: int, diagnostics: list[Diagnostic], facts: dict[str, Facts]) -> None:
        """Results of many documents at once (a chunk of dataset records)."""
        self.result.files += files
        self.result.diagnostics.extend(diagnostics)
        merge_facts([facts.values()], into=self.merged)

    def finish(self) -> RunResult:
        """Run the corpus rules on the merged facts, sort, and close the cache."""
        try:
            self.result.diagnostics.extend(self.engine.check_corpus(self.merged))
        finally:
            if self.cache is not None:
                self.cache.close()
        self.result.diagnostics.sort()
        self.result.problems = [p for _, p in sorted(self._problems, key=lambda item: item[0])]
        return self.result


def lookup(cache: Cache | None, source: Source, keep_texts: bool) -> tuple[list[Diagnostic], list[Facts]] | None:
    """Cached results for ``source`` when the cache may serve it."""
    if cache is None or keep_texts or source.file is None or is_dataset(source.path):
        return None
    return cache.lookup(source.path, source.file)


def feed(collector: Collector, index: int, source: Source | SourceProblem, progress: Progress | None, *, use_cache: bool = True) -> None:
    """Lint one source in this process into ``collector``: a file, stdin, a dataset or a problem.

    Args:
        collector: Where results go.
        index: The source's place in discovery order (problems keep it).
        source: What ``discover`` yielded.
        progress: Told about every document (and dataset bytes) done.
        use_cache: Consult the cache first (the caller may have done so).
    """
    engine = collector.engine
    if isinstance(source, SourceProblem):
        collector.problem((index,), source)
    elif source.file is not None and is_dataset(source.path):
        dataset = dataset_of(engine)
        on_bytes = progress.bytes if progress is not None else None
        try:
            for number, line in read_lines(source.path, on_bytes, max_line=dataset.max_size):
                collector.add((index, number), lint_record(engine, source.path, number, line, dataset))
                if progress is not None:
                    progress.documents(1)
        except (OSError, EOFError) as exc:
            collector.problem((index, 1 << 62), SourceProblem(source.path, f"cannot read dataset: {exc}"))
    else:
        hit = lookup(collector.cache, source, collector.keep_texts) if use_cache else None
        if hit is not None:
            collector.add_cached(source.path, *hit)
        else:
            want_digest = collector.cache is not None and not collector.keep_texts
            collector.add((index,), lint_source(engine, source, want_digest=want_digest, check=collector.check))
        if progress is not None:
            progress.documents(1)


def run(
    engine: Engine,
    sources: Iterable[Source | SourceProblem],
    *,
    keep_texts: bool = False,
    cache: Cache | None = None,
    progress: Progress | None = None,
    check: CheckDocument | None = None,
) -> RunResult:
    """Lint every source in this process, then run the corpus rules.

    Args:
        engine: The configured run.
        sources: Files, stdin and problems from ``discover``; JSONL datasets
            are expanded into one document per record.
        keep_texts: Keep decoded texts (the cache is bypassed).
        cache: Serve unchanged files from here and store the rest.
        progress: Told about every file (and dataset bytes) done.
        check: Replaces ``engine.check`` for each decoded document (``--fix``).
    """
    collector = Collector(engine, cache, keep_texts, check)
    if cache is not None and not keep_texts and isinstance(sources, list):
        cache.prefetch([s.path for s in sources if isinstance(s, Source) and s.file is not None])
    for index, source in enumerate(sources):
        feed(collector, index, source, progress)
    return collector.finish()
