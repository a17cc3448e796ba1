"""Applying fixes: ``--fix``, ``--unsafe-fixes`` and ``--diff``.

A diagnostic's fix is a group of ``Edit``s in code-point offsets of the
decoded text, applied all together or not at all. One pass applies every
fix that does not overlap an earlier one; the document is then checked again
and the next pass picks up what was skipped or newly found, until nothing
changes (at most ``MAX_PASSES``). Rules only propose edits; this module and
``atomic`` are the only code that writes an article.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newslint.fix.atomic import NotFixed, file_stamp, replace_file
from newslint.model.diagnostic import Diagnostic, Edit
from newslint.model.document import Document
from newslint.model.facts import Facts
from newslint.run.sources import Source, SourceProblem

if TYPE_CHECKING:
    from newslint.run.cache import Cache
    from newslint.run.engine import Engine
    from newslint.run.runner import RunResult

__all__ = [
    "MAX_PASSES",
    "FixPlan",
    "FixRun",
    "SourceFix",
    "apply_fixes",
    "edits_for",
    "fix_document",
    "fix_run",
    "fix_source",
    "unified_diff",
]

#: Passes over one document before giving up on reaching a fixed point (ruff uses 100).
MAX_PASSES = 20

_UTF8_BOM = b"\xef\xbb\xbf"


def edits_for(diag: Diagnostic, unsafe: bool) -> tuple[Edit, ...]:
    """The edits ``--fix`` applies for ``diag``: its safe fix, or under ``--unsafe-fixes`` its unsafe one."""
    if unsafe and diag.unsafe_fix:
        return diag.unsafe_fix
    return diag.fix


def _valid(edits: Sequence[Edit], size: int) -> bool:
    ordered = sorted(edits)
    if any(not 0 <= e.start <= e.end <= size for e in ordered):
        return False
    return all(a.end <= b.start and a.start != b.start for a, b in itertools.pairwise(ordered))


class _Taken:
    """Accepted edits, sorted by start, for conflict checks in O(log n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.edits: list[Edit] = []

    def conflicts(self, edit: Edit) -> bool:
        # Two edits conflict when their spans overlap, or when they start at the same
        # offset (two insertions at one point have no defined order). Accepted edits
        # never overlap each other, so only the neighbours need checking.
        i = bisect.bisect_left(self.starts, edit.start)
        if i > 0 and self.edits[i - 1].end > edit.start:
            return True
        return i < len(self.edits) and (self.starts[i] < edit.end or self.starts[i] == edit.start)

    def add(self, edit: Edit) -> None:
        i = bisect.bisect_left(self.starts, edit.start)
        self.starts.insert(i, edit.start)
        self.edits.insert(i, edit)


def _newline(text: str) -> str:
    """The document's line ending, so inserted line breaks match it."""
    i = text.find("\n")
    if i > 0 and text[i - 1] == "\r":
        return "\r\n"
    if i < 0 and "\r" in text:
        return "\r"
    return "\n"


def apply_fixes(text: str, fixes: Iterable[Sequence[Edit]]) -> tuple[str, int]:
    """Apply every fix that fits; return the new text and how many fixes were applied.

    Fixes are tried in the order given; one whose edits are out of range,
    overlap each other or overlap an already accepted edit is skipped whole.
    Line breaks in replacements follow the document's own line ending.
    """
    taken = _Taken()
    applied = 0
    for fix in fixes:
        if not fix or not _valid(fix, len(text)) or any(taken.conflicts(e) for e in fix):
            continue
        if all(text[e.start : e.end] == e.replacement for e in fix):
            continue  # a no-op edit is not a fix
        for edit in fix:
            taken.add(edit)
        applied += 1
    if not taken.edits:
        return text, 0
    newline = _newline(text)
    parts: list[str] = []
    pos = 0
    for edit in taken.edits:
        parts.append(text[pos : edit.start])
        replacement = edit.replacement
        if newline != "\n" and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        parts.append(replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts), applied


@dataclass
class FixedDocument:
    """The outcome of fixing one document: final text, fixes applied, what remains."""

    text: str
    fixed: int
    diagnostics: list[Diagnostic]
    facts: list[Facts]
    passes: int


def fix_document(
    doc: Document,
    check: Callable[[Document], tuple[list[Diagnostic], list[Facts]]],
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
) -> FixedDocument:
    """Check, apply what fits, check again, until the text stops changing.

    Args:
        doc: The document as read.
        check: ``engine.check``: diagnostics and corpus facts of a document.
        unsafe: Also apply ``unsafe_fix`` edits.
        max_passes: Stop after this many passes even if fixes remain (a rule
            whose fix re-creates its own finding must not loop forever).
    """
    text = doc.source
    seen = {text}
    fixed = 0
    diagnostics, facts = check(doc)
    passes = 0
    while passes < max_passes:
        passes += 1
        fixes = [edits_for(d, unsafe) for d in diagnostics]
        new_text, applied = apply_fixes(text, [f for f in fixes if f])
        if applied == 0 or new_text in seen:
            break
        seen.add(new_text)
        fixed += applied
        text = new_text
        doc = Document.parse(text, doc.path, bom=doc.bom, meta=doc.meta)
        diagnostics, facts = check(doc)
    return FixedDocument(text, fixed, diagnostics, facts, passes)


# A line as patch and git see it: up to and including "\n" ("\r" stays content).
_PATCH_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(path: str, old: str, new: str) -> str:
    """A ``git apply``-able unified diff of ``old`` to ``new`` for ``path``."""
    old_lines = _PATCH_LINE.findall(old)
    new_lines = _PATCH_LINE.findall(new)
    out: list[str] = []
    for line in difflib.unified_diff(old_lines, new_lines, f"a/{path}", f"b/{path}"):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass(frozen=True)
class FixPlan:
    """What ``--fix`` and ``--diff`` do to each document; it pickles, so workers receive it.

    Args:
        unsafe: Apply unsafe fixes too.
        write: Write fixed files (``--fix``); ``False`` only reports (``--diff``).
        diff: Return the unified diff of each document's fixes.
    """

    unsafe: bool = False
    write: bool = True
    diff: bool = False


@dataclass
class SourceFix:
    """One document after the fix step.

    Args:
        diagnostics: What remains (of the original text when the fix could not be written).
        facts: Corpus facts of that text.
        text: The text they describe.
        fixed: Fixes applied (or, under ``--diff``, that would be); 0 when none were written.
        diff: The unified diff, when asked for.
        written: ``((size, mtime_ns), digest)`` of the file as written, for the cache.
        problem: Why a fix could not be written.
    """

    diagnostics: list[Diagnostic]
    facts: list[Facts]
    text: str
    fixed: int = 0
    diff: str = ""
    written: tuple[tuple[int, int], bytes] | None = None
    problem: SourceProblem | None = None


def fix_source(
    doc: Document,
    check: Callable[[Document], tuple[list[Diagnostic], list[Facts]]],
    plan: FixPlan,
    source: Source | None = None,
    root: Path | None = None,
) -> SourceFix:
    """The fix step of the pipeline: fix ``doc`` to a fixed point, then write its file atomically.

    Args:
        doc: The document as read.
        check: ``engine.check``.
        plan: What to apply and whether to write.
        source: The file ``doc`` was read from; ``None`` (or stdin) writes nothing.
        root: The config root: with the file's own folder, where a symlinked file may point.
    """
    file = source.file if source is not None else None
    stamp = file_stamp(file) if file is not None and plan.write else None
    result = fix_document(doc, check, unsafe=plan.unsafe)
    changed = result.text != doc.source
    if not changed:
        return SourceFix(result.diagnostics, result.facts, result.text)
    diff = unified_diff(doc.path, doc.source, result.text) if plan.diff else ""
    written = None
    if plan.write and file is not None:
        data = (_UTF8_BOM if doc.bom else b"") + result.text.encode("utf-8")
        # Decoding is strict UTF-8, so these are exactly the bytes the document was read from.
        original = (_UTF8_BOM if doc.bom else b"") + doc.source.encode("utf-8")
        parent = Path(os.path.abspath(file)).parent
        tree = (root, parent) if root is not None else (parent,)
        try:
            replace_file(file, data, expect=stamp, original=original, tree=tree)
        except NotFixed as exc:
            return SourceFix(*check(doc), doc.source, diff=diff, problem=SourceProblem(doc.path, str(exc)))
        except OSError as exc:
            problem = SourceProblem(doc.path, f"cannot write the fix: {exc.strerror or exc}")
            return SourceFix(*check(doc), doc.source, diff=diff, problem=problem)
        written = _written(file, data)
    return SourceFix(result.diagnostics, result.facts, result.text, result.fixed, diff, written)


def _written(file: Path, data: bytes) -> tuple[tuple[int, int], bytes] | None:
    """The cache's stamp and digest of the file just written (``None`` if it cannot be read back)."""
    import os

    from newslint.run.cache import digest

    try:
        st = os.stat(file)
    except OSError:
        return None
    if st.st_size != len(data):
        return None  # changed again already: let the next run read it
    return (st.st_size, st.st_mtime_ns), digest(data)


@dataclass
class FixRun:
    """A fix run: the remaining diagnostics, and how many were fixed where."""

    result: RunResult

    @property
    def fixed(self) -> int:
        return self.result.fixed

    @property
    def files_changed(self) -> int:
        return self.result.files_fixed


def fix_run(
    engine: Engine,
    sources: Iterable[Source | SourceProblem],
    *,
    unsafe: bool = False,
    write: bool = True,
    diff_out: TextIO | None = None,
    keep_texts: bool = False,
    stdout: TextIO | None = None,
    cache: Cache | None = None,
) -> FixRun:
    """Fix every source in this process (or only diff it), then report what remains, corpus rules included.

    The command line runs the same pipeline through ``newslint.run.execution``
    (``--jobs``, ``--engine`` and the cache apply); this is the in-process form.
    """
    from newslint.run.runner import run

    plan = FixPlan(unsafe=unsafe, write=write, diff=diff_out is not None)
    result = run(engine, sources, keep_texts=keep_texts, cache=cache, fix=plan)
    if diff_out is not None:
        diff_out.write(result.diff)
    if result.output and write:
        (stdout or sys.stdout).write(result.output)
    return FixRun(result)


def fix_summary(run_: FixRun, *, diff: bool) -> str:
    """``Fixed 3 problems in 2 files (1 remaining).`` or its ``--diff`` form."""
    remaining = len(run_.result.diagnostics)
    noun = "problem" if run_.fixed == 1 else "problems"
    files = "file" if run_.files_changed == 1 else "files"
    verb = "Would fix" if diff else "Fixed"
    return f"{verb} {run_.fixed} {noun} in {run_.files_changed} {files} ({remaining} remaining)."


@dataclass
class SuppressionAdder:
    """The per-document step of ``--add-noqa``: a ``disable-line`` comment for every finding.

    Files are replaced atomically (``replace_file``), and only if unchanged
    since they were read; standard input is left alone. Corpus findings (about
    several files at once) are not suppressed.
    """

    engine: Engine
    added: int = 0
    files_changed: int = 0
    problems: list[SourceProblem] = field(default_factory=list)

    def add(
        self, source: Source, doc: Document, diagnostics: Sequence[Diagnostic], stamp: tuple[int, int] | None
    ) -> None:
        """Write ``doc``'s file with a suppression for each of ``diagnostics`` (its current findings)."""
        from newslint.run.suppressions import add_suppressions

        new_text, count = add_suppressions(doc, list(diagnostics))
        if count == 0 or source.file is None:
            return
        data = (_UTF8_BOM if doc.bom else b"") + new_text.encode("utf-8")
        original = (_UTF8_BOM if doc.bom else b"") + doc.source.encode("utf-8")
        tree = (self.engine.ctx.config.root, Path(os.path.abspath(source.file)).parent)
        try:
            replace_file(source.file, data, expect=stamp, original=original, tree=tree)
        except NotFixed as exc:
            self.problems.append(SourceProblem(source.path, str(exc)))
            return
        except OSError as exc:
            self.problems.append(SourceProblem(source.path, f"cannot add suppressions: {exc.strerror or exc}"))
            return
        self.added += count
        self.files_changed += 1


def add_noqa_run(engine: Engine, sources: Iterable[Source | SourceProblem]) -> tuple[RunResult, SuppressionAdder]:
    """Add suppressions to every file (``--add-noqa``): lint through the pipeline, then edit each file with findings."""
    from newslint.model.document import DecodeError
    from newslint.run.datasets import is_dataset
    from newslint.run.runner import run
    from newslint.run.sources import read_source

    sources = list(sources)
    result = run(engine, sources)
    by_path: dict[str, list[Diagnostic]] = {}
    for diag in result.diagnostics:
        by_path.setdefault(diag.path, []).append(diag)
    adder = SuppressionAdder(engine)
    for source in sources:
        if (
            isinstance(source, SourceProblem)
            or source.file is None
            or is_dataset(source.path)
            or source.path not in by_path
        ):
            continue
        stamp = file_stamp(source.file)
        data = read_source(source, engine.ctx.options["max-file-size"])
        if isinstance(data, SourceProblem):
            adder.problems.append(data)
            continue
        try:
            doc = Document.from_bytes(data, source.path)
        except DecodeError:
            continue  # NL001 already says why; there is no text to annotate
        adder.add(source, doc, by_path[source.path], stamp)
    result.problems.extend(adder.problems)
    return result, adder
