"""Inline suppressions: comments a writer puts in the article to silence findings.

One syntax for every file type, an HTML comment::

    <!-- newslint-disable NL101 NL402 -->     from this line on (all codes if none named)
    <!-- newslint-enable NL101 -->            ... until here (``enable`` alone ends every disable)
    <!-- newslint-disable-next-line NL402 --> the next line only
    <!-- newslint-disable-line NL101 -->      this line only (``--add-noqa`` writes this form)

Markdown and HTML render the comment as nothing. In plain text the same form
is used because nothing in an article's prose starts with ``<!--`` and names
``newslint-``, so it cannot be read as a sentence or be written by accident,
and a writer learns one form. (A bare line such as ``newslint: disable NL101``
or a bracketed note could be quoted prose in an article about the tool.)
The comment is masked to spaces in the text rules read, in every file type,
so it is never linted. Directives inside Markdown code are examples, not
directives.

A code may be a prefix (``NL1`` silences the spelling family) or ``ALL``.
A suppression that silences nothing is reported as NL002 (as ruff's RUF100),
with a fix that removes it; codes that are not enabled in the run are not
reported, since a narrower ``--select`` must not turn every comment into a
finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from newslint.model.diagnostic import Category, Diagnostic, Edit, Rule, Severity
from newslint.model.facts import DocumentFacts, Facts
from newslint.text.lazy_re import lazy_compile

if TYPE_CHECKING:
    from newslint.model.document import Document

__all__ = [
    "UNUSED_SUPPRESSION",
    "Directive",
    "Pending",
    "SuppressionFacts",
    "add_suppressions",
    "apply_corpus_suppressions",
    "apply_suppressions",
    "drop_masked",
    "find_directives",
    "mask_directives",
]

UNUSED_SUPPRESSION = Rule(
    code="NL002",
    name="unused-suppression",
    category=Category.USAGE,
    severity=Severity.WARNING,
    summary="Suppression comment that silences nothing",
    explanation="""\
## What it does
Flags a `<!-- newslint-disable ... -->`, `disable-next-line` or `disable-line`
comment (or one of the codes it names) that silenced no finding in this run.
Codes that the run does not check (not selected) are not reported.

## Why is this bad?
A suppression outlives the finding it was written for: once the text is
edited, the comment silences nothing today but will hide a new, real finding
tomorrow. Removing stale suppressions keeps them honest, as ruff's RUF100 does
for `# noqa`.

## Example
```markdown
The mayor said the bridge will open in May. <!-- newslint-disable-line NL101 -->
```

Use instead:
```markdown
The mayor said the bridge will open in May.
```

The fix removes the comment (or the unused code from it).
""",
    fixable=True,
)

# <!-- newslint-disable-next-line NL101, NL4 --> ; codes separated by spaces or commas.
_DIRECTIVE = lazy_compile(
    r"<!--[ \t]*newslint-(?P<kind>disable-next-line|disable-line|disable|enable)\b"
    r"(?P<codes>(?:[ \t,]+(?:[A-Z]{2,4}[0-9]{0,3}|ALL))*)[ \t]*-->"
)
_CODE = lazy_compile(r"[A-Z]{2,4}[0-9]{0,3}|ALL")
# In Markdown front matter (YAML or TOML), where an HTML comment would break the data:
# a comment at the end of a field line, "title: Ferry Back  # newslint-disable-line NL312".
_FRONT_DIRECTIVE = lazy_compile(
    r"(?<=[ \t])#[ \t]*newslint-(?P<kind>disable-line)\b"
    r"(?P<codes>(?:[ \t,]+(?:[A-Z]{2,4}[0-9]{0,3}|ALL))*)[ \t]*$",
    re.MULTILINE,
)


class Directive(NamedTuple):
    """One suppression comment: its kind, the codes it names (empty: all), its span and line.

    ``hash`` is True for the ``# newslint-disable-line`` form of front matter.
    """

    kind: str
    codes: tuple[str, ...]
    start: int
    end: int
    line: int
    hash: bool = False


def mask_directives(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with every suppression comment replaced by spaces, and their spans."""
    if "newslint-" not in text:
        return text, []
    spans = [(m.start(), m.end()) for m in _DIRECTIVE.finditer(text)]
    if not spans:
        return text, []
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(re.sub(r"[^\r\n]", " ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts), spans


def find_directives(doc: Document) -> list[Directive]:
    """The suppression comments of ``doc`` (outside Markdown code), in order."""

    def build() -> list[Directive]:
        source = doc.source
        if "newslint-" not in source:
            return []
        out = []
        literal = doc.meta.get("markdown.code", "")
        code_spans = [tuple(map(int, s.split("-"))) for s in literal.split(",") if s]
        front_end = int(doc.meta.get("markdown.front_matter_end", "0") or 0)
        for m in _DIRECTIVE.finditer(source):
            if any(a <= m.start() < b for a, b in code_spans) or m.start() < front_end:
                continue
            line = doc.position(m.start())[0]
            out.append(Directive(m.group("kind"), tuple(_CODE.findall(m.group("codes"))), m.start(), m.end(), line))
        for m in _FRONT_DIRECTIVE.finditer(source, 0, front_end):
            line = doc.position(m.start())[0]
            codes = tuple(_CODE.findall(m.group("codes")))
            out.append(Directive(m.group("kind"), codes, m.start(), m.end(), line, hash=True))
        out.sort(key=lambda d: d.start)
        return out

    return doc.memo("suppressions.directives", build)


def _matches(code: str, codes: Sequence[str]) -> bool:
    return not codes or any(c == "ALL" or code.startswith(c) for c in codes)


def _scopes(doc: Document, directives: Sequence[Directive]) -> list[tuple[Directive, int, int]]:
    """``(directive, first_line, last_line)`` for every disabling directive."""
    last_line = len(doc.lines)
    out: list[tuple[Directive, int, int]] = []
    open_blocks: list[Directive] = []
    for d in directives:
        if d.kind == "disable-next-line":
            out.append((d, d.line + 1, d.line + 1))
        elif d.kind == "disable-line":
            out.append((d, d.line, d.line))
        elif d.kind == "disable":
            open_blocks.append(d)
        else:  # enable: closes the blocks it names (all when it names none)
            still = []
            for block in open_blocks:
                closes = not d.codes or (block.codes and all(_matches(c, d.codes) for c in block.codes))
                if closes:
                    out.append((block, block.line, d.line))
                else:
                    still.append(block)
            open_blocks = still
    out.extend((block, block.line, last_line) for block in open_blocks)
    return out


class Pending(NamedTuple):
    """A directive whose unused codes may yet silence a corpus finding.

    ``unused`` are its codes (``""``: every code) that silenced nothing in the
    document; ``template`` is its NL002 finding (the removal fix) to report
    when the corpus stage leaves some of them unused too.
    """

    first: int
    last: int
    kind: str
    codes: tuple[str, ...]
    unused: tuple[str, ...]
    template: Diagnostic


class SuppressionFacts(DocumentFacts[tuple[str, tuple[Pending, ...]]]):
    """The directives each document left pending for the corpus stage: ``(path, pending)`` entries.

    Corpus findings (``Rule.stage`` ``"corpus"`` or ``"both"``) are judged after
    every document, in another process or none: a directive naming one travels
    with the document's facts, through the cache and any executor, and the
    corpus stage applies them (``apply_corpus_suppressions``).
    """

    key = "suppressions"

    @property
    def pending(self) -> dict[str, tuple[Pending, ...]]:
        """The pending directives by path."""
        return dict(self.entries)


def apply_suppressions(
    doc: Document,
    diagnostics: Sequence[Diagnostic],
    enabled: Iterable[str],
    *,
    checked: Iterable[str] | None = None,
    deferred: Iterable[str] = (),
) -> tuple[list[Diagnostic], SuppressionFacts | None]:
    """Drop the findings a directive silences; add NL002 for directives that silenced nothing.

    Args:
        doc: The document, with its directives.
        diagnostics: Its findings.
        enabled: The codes the run enables (NL002 is reported only if enabled).
        checked: The codes whose findings this stage can produce (default
            ``enabled``): a code named by a directive but not checked here is
            never unused (a corpus-only rule in a run without the corpus stage).
        deferred: Enabled codes the corpus stage may still report: a directive
            that names one and silenced nothing yet is returned as pending
            facts instead of NL002.

    Returns:
        The findings kept, and the pending directives (``None`` if none).
    """
    directives = find_directives(doc)
    if not directives:
        return list(diagnostics), None
    enabled = frozenset(enabled)
    checked = enabled if checked is None else frozenset(checked)
    deferred = frozenset(deferred)
    scopes = _scopes(doc, directives)
    kept, used = _silence(diagnostics, [(d.start, first, last, d.codes) for d, first, last in scopes])
    if UNUSED_SUPPRESSION.code not in enabled:
        return kept, None
    pending: list[Pending] = []
    for d, first, last in scopes:
        codes = d.codes or ("",)
        unused = tuple(
            c
            for c in codes
            if not used.get((d.start, c)) and (not c or c == "ALL" or any(e.startswith(c) for e in checked))
        )
        if not unused:
            continue
        template = doc.diagnostic(
            UNUSED_SUPPRESSION,
            d.start,
            d.end,
            "",
            suggestion="remove the comment",
            fix=(_removal(doc, d),),
        )
        if any(not c or c == "ALL" or any(e.startswith(c) for e in deferred) for c in unused):
            pending.append(Pending(first, last, d.kind, d.codes, unused, template))
        else:
            kept.append(_unused(template, d.kind, codes, unused))
    facts = SuppressionFacts([(doc.path, tuple(pending))]) if pending else None
    return sorted(kept), facts


def apply_corpus_suppressions(diagnostics: Iterable[Diagnostic], facts: Facts | None) -> list[Diagnostic]:
    """The corpus findings the documents' pending directives leave, plus NL002 for those still unused.

    That NL002 has no fix: ``--fix`` edits files in the document stage.
    """
    diagnostics = list(diagnostics)
    if not isinstance(facts, SuppressionFacts):
        return diagnostics
    pending_by_path = facts.pending
    kept: list[Diagnostic] = []
    used: dict[tuple[str, int, str], bool] = {}
    for diag in diagnostics:
        scopes = [(p.template.start, p.first, p.last, p.codes) for p in pending_by_path.get(diag.path, ())]
        still, marks = _silence([diag], scopes)
        kept.extend(still)
        used.update({(diag.path, *key): True for key in marks})
    for path, pending in sorted(pending_by_path.items()):
        for p in pending:
            unused = tuple(c for c in p.unused if not used.get((path, p.template.start, c)))
            if unused:
                # --fix edits each file in the document stage, before the corpus is judged:
                # a corpus-stage finding carries its help, not a fix that would never be applied.
                kept.append(replace(_unused(p.template, p.kind, p.codes or ("",), unused), fix=()))
    return kept


def _silence(
    diagnostics: Iterable[Diagnostic], scopes: Sequence[tuple[int, int, int, tuple[str, ...]]]
) -> tuple[list[Diagnostic], dict[tuple[int, str], bool]]:
    """The findings no scope ``(directive start, first line, last line, codes)`` covers; which codes were used."""
    used: dict[tuple[int, str], bool] = {}
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        silenced = False
        for start, first, last, codes in scopes:
            if first <= diag.line <= last and _matches(diag.code, codes):
                silenced = True
                for code in codes or ("",):
                    if not code or _matches(diag.code, (code,)):
                        used[(start, code)] = True
        if not silenced:
            kept.append(diag)
    return kept, used


def _unused(template: Diagnostic, kind: str, codes: Sequence[str], unused: Sequence[str]) -> Diagnostic:
    """NL002 for a directive: remove it when every code is unused, else drop the unused codes."""
    if len(unused) == len(codes):
        label = ", ".join(c for c in unused if c) or "every code"
        return replace(template, message=f"Unused suppression ({label}): it silences no finding")
    rest = [c for c in codes if c not in unused]
    comment = f"<!-- newslint-{kind} {' '.join(rest)} -->"
    t = template
    return replace(
        t,
        message=f"Unused code in suppression ({', '.join(unused)}): it silences no finding",
        suggestion=comment,
        fix=(Edit(t.start, t.end, comment, t.line, t.column, t.end_line, t.end_column),),
    )


def _removal(doc: Document, d: Directive) -> Edit:
    """Remove the comment; its whole line when it stands alone, else the space before it too."""
    info = doc.lines[d.line - 1]
    source = doc.source
    if not source[info.start : d.start].strip() and not source[d.end : info.end].strip():
        return Edit(info.start, info.end + len(info.terminator), "")
    start = d.start
    while start > info.start and source[start - 1] in " \t":
        start -= 1
    return Edit(start, d.end, "")


def _front_field_lines(doc: Document, front_end: int) -> set[int]:
    """Lines of top-level ``key: value`` / ``key = value`` fields in the front matter."""
    if not front_end:
        return set()
    out = set()
    for line in doc.lines:
        if line.start >= front_end:
            break
        if _FRONT_FIELD.match(doc.source, line.start, line.end):
            out.add(line.number)
    return out


_FRONT_FIELD = lazy_compile(r"[A-Za-z_][\w-]*[ \t]*[:=][ \t]*\S")


def drop_masked(doc: Document, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Drop findings about the blank a masked span left, and page-chrome findings in front matter.

    Masking replaces markup with spaces; a rule about whitespace sees those
    spaces, but the file has markup there, not spaces. The front matter's
    title stays visible for the headline rules, but front matter is metadata,
    and a Markdown table is authored structure: neither can be page chrome
    (``orphan-text`` findings there are dropped).
    """
    if not doc.masked:
        return list(diagnostics)
    text = doc.text
    front_end = int(doc.meta.get("markdown.front_matter_end", "0") or 0)
    tables = [tuple(map(int, s.split("-"))) for s in doc.meta.get("markdown.tables", "").split(",") if s]
    out = []
    for d in diagnostics:
        if doc.is_masked(d.start, d.end) and not text[d.start : max(d.end, d.start + 1)].strip():
            continue
        if d.category is Category.ORPHAN_TEXT and (d.start < front_end or any(a <= d.start < b for a, b in tables)):
            continue
        out.append(d)
    return out


def add_suppressions(doc: Document, diagnostics: Iterable[Diagnostic]) -> tuple[str, int]:
    """``doc.source`` with a ``disable-line`` comment on every line that has findings.

    Returns the new text and the number of comments added. On a field line of
    Markdown front matter (the title), where an HTML comment would break the
    YAML or TOML, the comment is ``# newslint-disable-line CODES``; other
    front-matter lines are left alone, as are corpus findings.
    """
    by_line: dict[int, set[str]] = {}
    front_end = int(doc.meta.get("markdown.front_matter_end", "0") or 0)
    field_lines = _front_field_lines(doc, front_end)
    for diag in diagnostics:
        if diag.code == UNUSED_SUPPRESSION.code or diag.line < 1 or diag.line > len(doc.lines):
            continue
        if doc.lines[diag.line - 1].start < front_end and diag.line not in field_lines:
            continue
        by_line.setdefault(diag.line, set()).add(diag.code)
    existing = {d.line: d for d in find_directives(doc) if d.kind == "disable-line"}
    source = doc.source
    edits: list[Edit] = []
    for number, codes in sorted(by_line.items()):
        info = doc.lines[number - 1]
        old = existing.get(number)
        in_front = info.start < front_end
        if old is not None:
            merged = " ".join(sorted(set(old.codes) | codes))
            comment = f"# newslint-disable-line {merged}" if old.hash else f"<!-- newslint-disable-line {merged} -->"
            edits.append(Edit(old.start, old.end, comment))
        elif in_front:
            end = info.end
            edits.append(Edit(end, end, f"  # newslint-disable-line {' '.join(sorted(codes))}"))
        else:
            end = info.end
            edits.append(Edit(end, end, f" <!-- newslint-disable-line {' '.join(sorted(codes))} -->"))
    parts: list[str] = []
    pos = 0
    for edit in sorted(edits):
        parts.append(source[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(source[pos:])
    return "".join(parts), len(edits)
