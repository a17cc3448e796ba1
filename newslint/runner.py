"""Run an engine over sources: read, decode, check, merge corpus facts, collect results.

This is the only place that turns bytes into ``Document``s. Problems with one
file are recorded and the run goes on with the next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newslint.checks.encoding import decode_error_diagnostic
from newslint.corpus import Facts, merge_facts
from newslint.diagnostic import Diagnostic
from newslint.document import DecodeError, Document
from newslint.engine import Engine
from newslint.sources import Source, SourceProblem, is_binary, read_source

__all__ = ["CheckDocument", "RunResult", "run", "check_source"]

#: Checks one decoded source: its diagnostics, corpus facts and final text.
#: ``run`` uses ``engine.check``; ``--fix`` passes one that also edits the file.
CheckDocument = Callable[[Source, Document], "tuple[list[Diagnostic], list[Facts], str]"]


@dataclass
class RunResult:
    """What a run found.

    Args:
        diagnostics: Every diagnostic, sorted by path, line, column, code.
        problems: Paths that could not be linted (``error`` ones make exit 2).
        files: Documents linted.
        paths: Their paths, in order.
        texts: Decoded text by path, kept only when asked (HTML, LSP).
    """

    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(p.error for p in self.problems)


def check_source(
    engine: Engine, source: Source, check: CheckDocument | None = None
) -> tuple[list[Diagnostic], list[Facts], SourceProblem | None, str | None]:
    """Lint one source: its diagnostics, corpus facts, a problem if unreadable, its text."""
    data = read_source(source, engine.ctx.options["max-file-size"])
    if isinstance(data, SourceProblem):
        return [], [], data, None
    if is_binary(data):
        return [], [], SourceProblem(source.path, "binary file (NUL bytes); skipped", error=False), None
    try:
        doc = Document.from_bytes(data, source.path)
    except DecodeError as exc:
        return engine.filter([decode_error_diagnostic(source.path, data, exc)]), [], None, None
    if check is not None:
        diagnostics, facts, text = check(source, doc)
        return diagnostics, facts, None, text
    diagnostics, facts = engine.check(doc)
    return diagnostics, facts, None, doc.text


def run(
    engine: Engine,
    sources: Iterable[Source | SourceProblem],
    *,
    keep_texts: bool = False,
    check: CheckDocument | None = None,
) -> RunResult:
    """Lint every source in this process, then run the corpus rules.

    Args:
        engine: The configured engine.
        sources: What ``sources.discover`` yields.
        keep_texts: Fill ``RunResult.texts`` (reporters that show context).
        check: Replaces ``engine.check`` for each decoded document (``--fix``).
    """
    result = RunResult()
    merged: dict[str, Facts] = {}
    for source in sources:
        if isinstance(source, SourceProblem):
            result.problems.append(source)
            continue
        diagnostics, facts, problem, text = check_source(engine, source, check)
        if problem is not None:
            result.problems.append(problem)
            continue
        result.files += 1
        result.paths.append(source.path)
        result.diagnostics.extend(diagnostics)
        merge_facts([facts], into=merged)
        if keep_texts and text is not None:
            result.texts[source.path] = text
    result.diagnostics.extend(engine.check_corpus(merged))
    result.diagnostics.sort()
    return result
