"""Vocabularies (NL103): the newsroom's accepted and rejected terms.

Accepted words come from ``words``, ``word-lists`` and each vocabulary
directory's ``accept.txt``; the spelling rules read them (``spelling.py``).
Rejected terms come from ``reject`` (config list), ``reject-lists`` (files)
and each vocabulary directory's ``reject.txt``, as Vale's ``reject.txt``, with
an optional preferred form: one term a line, ``wrong -> right``; ``#`` starts
a comment. A rejected term is reported wherever it appears as whole words
(case-insensitive, any whitespace between the words of a phrase), and the
preferred form, where given, is the fix, in the case of the text it replaces.
Rejected single words are also accepted by NL101, so one mistake is not
reported twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint import Category, Context, Diagnostic, Document, Edit, Option, Rule, Severity, hookimpl
from newslint.model.document import TokenKind
from newslint.plugin.config import ConfigError

__all__ = ["REJECTED_TERM", "Reject", "accept_files", "parse_reject", "rejected_terms"]

REJECTED_TERM = Rule(
    code="NL103",
    name="rejected-term",
    category=Category.USAGE,
    severity=Severity.WARNING,
    summary="A term the newsroom's vocabulary rejects",
    fixable=True,
    explanation="""\
## What it does
Flags every use of a term your vocabulary rejects: the `reject` list in the
config, the files named by `reject-lists`, or `reject.txt` in a directory named
by `vocabularies` (Vale's layout: `accept.txt` and `reject.txt` side by side).
Each line is a term, optionally with the preferred form: `wrong -> right`.
Terms match whole words, whatever their case; a phrase matches across any
whitespace.

## Why is this bad?
A house style forbids spellings and words for a reason: a legal name, a
dated or offensive term, a brand's own spelling. A dictionary cannot know
them, and a writer cannot remember them all.

## Example
With `reject = ["e-mail -> email", "Tokio -> Tokyo"]`:

    Readers can e-mail the Tokio bureau.

Use instead:

    Readers can email the Tokyo bureau.

## Fix safety
The fix writes the preferred form, in the case of the text it replaces; it
is safe, since the newsroom chose the replacement. A rejected term without a
preferred form has no fix.
""",
)

REJECT = "reject"
REJECT_LISTS = "reject-lists"
VOCABULARIES = "vocabularies"

_LINE = re.compile(r"^\s*(?P<term>.+?)\s*(?:->\s*(?P<right>.*?)\s*)?$")


@dataclass(frozen=True)
class Reject:
    """One rejected term and its preferred form (``None``: no fix)."""

    term: str
    preferred: str | None
    source: str


def parse_reject(lines: Sequence[str], source: str) -> list[Reject]:
    """``wrong`` or ``wrong -> right`` lines; blank lines and ``#`` comments skipped."""
    out = []
    for number, raw in enumerate(lines, start=1):
        text = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not text:
            continue
        m = _LINE.match(text)
        if not m or not m.group("term").strip() or "->" in m.group("term") or "->" in (m.group("right") or ""):
            raise ConfigError(f"{source}:{number}: expected 'term' or 'term -> preferred', got {raw.strip()!r}")
        right = m.group("right")
        if right is not None and not right:
            raise ConfigError(f"{source}:{number}: no preferred form after '->'")
        out.append(Reject(" ".join(m.group("term").split()), right, f"{source}:{number}"))
    return out


def _read_lines(path: Path, what: str) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{what}: cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None


def accept_files(ctx: Context) -> list[Path]:
    """The ``accept.txt`` of every vocabulary directory that has one."""
    out = []
    for value in ctx.options[VOCABULARIES]:
        directory = ctx.config.resolve_path(value)
        if not directory.is_dir():
            raise ConfigError(f"vocabularies: {directory} is not a directory")
        if (directory / "accept.txt").is_file():
            out.append(directory / "accept.txt")
    return out


def rejected_terms(ctx: Context) -> list[Reject]:
    """Every rejected term of the run (config list, files, vocabularies), loaded once."""

    def build(_sources: object) -> list[Reject]:
        out = parse_reject(ctx.options[REJECT], "reject")
        for value in ctx.options[REJECT_LISTS]:
            path = ctx.config.resolve_path(value)
            out += parse_reject(_read_lines(path, REJECT_LISTS), str(path))
        for value in ctx.options[VOCABULARIES]:
            path = ctx.config.resolve_path(value) / "reject.txt"
            if path.is_file():
                out += parse_reject(_read_lines(path, VOCABULARIES), str(path))
        return out

    return ctx.packs.load("vocabulary.reject", build)


def _pattern(terms: Sequence[Reject]) -> re.Pattern[str] | None:
    if not terms:
        return None
    parts = sorted({r"\s+".join(re.escape(w) for w in t.term.split()) for t in terms}, key=len, reverse=True)
    return re.compile(
        rf"(?<![\w\-\u2010\u2011]){'|'.join(f'(?:{p})' for p in parts)}(?![\w\-\u2010\u2011])", re.IGNORECASE
    )


def _match_case(preferred: str, found: str) -> str:
    if found.isupper() and len(found) > 1:
        return preferred.upper()
    if found[:1].isupper() and not preferred[:1].isupper():
        return preferred[:1].upper() + preferred[1:]
    return preferred


_SKIP_KINDS = frozenset({TokenKind.URL, TokenKind.EMAIL, TokenKind.HANDLE})


def rejections(doc: Document, terms: Sequence[Reject]) -> Iterator[Diagnostic]:
    """NL103 for every rejected term in ``doc`` (not inside URLs, e-mail addresses or handles)."""
    pattern = doc.memo("vocabulary.pattern", lambda: _pattern(terms))
    if pattern is None:
        return
    by_term = {t.term.casefold(): t for t in terms}
    for m in pattern.finditer(doc.text):
        inside = doc.tokens_between(max(0, m.start() - 200), m.end())
        if any(t.kind in _SKIP_KINDS and t.start <= m.start() < t.end for t in inside):
            continue
        found = m.group()
        reject = by_term[" ".join(found.split()).casefold()]
        if reject.preferred is not None:
            preferred = _match_case(reject.preferred, found)
            if preferred == found:
                continue  # the preferred form differs only in case the text already has
            yield doc.diagnostic(
                REJECTED_TERM,
                m.start(),
                m.end(),
                f'"{found}" is a rejected term; use "{preferred}"',
                suggestion=f'Use "{preferred}"',
                fix=[Edit(m.start(), m.end(), preferred)],
            )
        else:
            yield doc.diagnostic(
                REJECTED_TERM, m.start(), m.end(), f'"{found}" is a rejected term', suggestion="Rephrase"
            )


# -- hooks ----------------------------------------------------------------------------------


@hookimpl
def newslint_rules() -> list[Rule]:
    return [REJECTED_TERM]


@hookimpl
def newslint_options() -> list[Option]:
    return [
        Option(REJECT, "list[str]", [], "Terms NL103 reports, each 'term' or 'term -> preferred'"),
        Option(REJECT_LISTS, "list[str]", [], "Files of rejected terms, one 'term' or 'term -> preferred' a line"),
        Option(VOCABULARIES, "list[str]", [], "Directories holding accept.txt and/or reject.txt (Vale's layout)"),
    ]


@hookimpl
def newslint_configure(ctx: Context) -> None:
    if ctx.is_enabled(REJECTED_TERM):
        rejected_terms(ctx)  # a bad list is a config error before any document


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    if not ctx.is_enabled(REJECTED_TERM):
        return []
    return list(rejections(doc, rejected_terms(ctx)))
