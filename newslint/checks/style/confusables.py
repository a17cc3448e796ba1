"""Confusable words (NL630): "adaptation of Buddhism", "badly effected", "in principal"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newslint import (
    Category,
    Context,
    Diagnostic,
    Document,
    Edit,
    PackError,
    PackSource,
    PackUse,
    Rule,
    Severity,
    field_of,
    hookimpl,
)
from newslint.plugin.packs import check_keys, check_pattern, re2_options
from newslint.text.lazy_re import lazy_compile

CONFUSABLE_WORD = Rule(
    code="NL630",
    unsafe_fixable=True,
    name="confusable-word",
    category=Category.USAGE,
    severity=Severity.WARNING,
    summary="Word confused with a similar one, given its context",
    explanation="""\
## What it does
Flags a word written for a similar one (adoption/adaptation, affect/effect,
principal/principle, complement/compliment, discreet/discrete, pore/pour),
but only in a context, listed in `rules/confusables.toml`, that makes the
written word almost certainly wrong: "the Japanese adaptation of Buddhism",
"residents badly effected by the floods", "agreed in principal", "a full
compliment of staff", "poured over the documents". Text inside quotation
marks is skipped.

## Why is this bad?
Spell checkers accept both words, so these errors reach print, and each one
changes the meaning: a film *adoption*, a *discrete* inquiry.

## Example
    Officials poured over the documents as residents badly effected by the
    floods waited.

Use instead:
    Officials pored over the documents as residents badly affected by the
    floods waited.

## Known problems
The pack covers few contexts by design; most wrong uses outside them go
unreported. Add contexts in your own pack (`packs` in the config).
""",
)


@dataclass(frozen=True)
class Confusable:
    """One pack entry: written forms, intended forms, and why."""

    id: str
    wrong: tuple[str, ...]
    right: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class ConfusableTable:
    """Every enabled entry and one compiled alternation of all their contexts.

    The pattern has a group ``e<i>`` around entry ``i``'s whole context and a
    group ``w<i>`` around its word. It holds the packs' own expressions, so it
    runs on RE2 (linear time, see ``check_pattern``); ``not_after[i]`` is entry
    ``i``'s ``not-after`` pattern, tried at the end of its word.
    """

    entries: tuple[Confusable, ...]
    pattern: Any | None  # an RE2 pattern
    words: re.Pattern[str] | None = None  # any written form, built from escaped words only: a cheap first pass
    not_after: tuple[Any | None, ...] = ()


@hookimpl
def newslint_rules() -> list[Rule]:
    return [CONFUSABLE_WORD]


@hookimpl
def newslint_packs() -> list[PackUse]:
    return [PackUse("confusables", parse_confusables)]


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    return list(confusable_words(doc, ctx.packs["confusables"]))


_ID = lazy_compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WORD = lazy_compile(r"^[a-z]+(?:[-'][a-z]+)*$")


_ENTRY_KEYS = ("id", "enabled", "wrong", "right", "case-sensitive", "before", "after", "not-after", "reason")


def parse_confusables(sources: list[PackSource]) -> ConfusableTable:
    """Validate every entry, let later packs replace entries by id, and compile one alternation."""
    by_id: dict[str, tuple[Confusable, tuple[str, str, str, bool], Any | None] | None] = {}  # RE2 not-after
    for source in sources:
        check_keys(source, source.data, ("pack", "confusable"))
        entries = field_of(source, source.data, "confusable", list, "", required=False, default=[])
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            where = f"confusable[{i}]"
            if not isinstance(entry, dict):
                raise PackError(source.path, where, f"expected a table, got {entry!r}")
            check_keys(source, entry, _ENTRY_KEYS, where)
            ident = field_of(source, entry, "id", str, where)
            if not _ID.match(ident):
                raise PackError(source.path, f"{where}.id", f"{ident!r} is not kebab-case (a-z, 0-9, -)")
            if ident in seen:
                raise PackError(source.path, f"{where}.id", f"{ident!r} is used twice in this pack")
            seen.add(ident)
            if not field_of(source, entry, "enabled", bool, where, required=False, default=True):
                by_id[ident] = None
                continue
            wrong = _forms(source, entry, "wrong", where)
            right = _forms(source, entry, "right", where)
            if len(wrong) != len(right):
                raise PackError(
                    source.path,
                    where,
                    f"wrong has {len(wrong)} forms and right {len(right)}; list them in matching order",
                )
            case = field_of(source, entry, "case-sensitive", bool, where, required=False, default=False)
            parts = []
            for key in ("before", "after", "not-after"):
                text = field_of(source, entry, key, str, where, required=False, default="")
                if text:
                    check_pattern(source, f"{where}.{key}", text, 0 if case else re.IGNORECASE)
                parts.append(text)
            if not parts[0] and not parts[1]:
                raise PackError(
                    source.path, where, "needs a `before` or `after` context: a bare word is never near-certain"
                )
            reason = field_of(source, entry, "reason", str, where)
            words = "|".join(re.escape(w) for w in sorted(wrong, key=len, reverse=True))
            not_after = (
                check_pattern(source, f"{where}.not-after", parts[2], 0 if case else re.IGNORECASE)
                if parts[2]
                else None
            )
            by_id[ident] = (
                Confusable(ident, tuple(wrong), tuple(right), reason),
                (parts[0], words, parts[1], case),
                not_after,
            )
    kept = [value for value in by_id.values() if value is not None]
    if not kept:
        return ConfusableTable((), None)
    bodies = []
    for i, (_, (before, words, after, case), _not_after) in enumerate(kept):
        body = (f"(?:{before})" if before else "") + rf"(?P<w{i}>\b(?:{words})\b)" + (f"(?:{after})" if after else "")
        bodies.append(f"(?P<e{i}>{body if case else f'(?i:{body})'})")
    forms = sorted({w for entry, _, _ in kept for w in entry.wrong}, key=len, reverse=True)
    # The lookahead on first letters lets the engine skip most positions without
    # trying the alternation (same matches, several times faster).
    firsts = "".join(sorted({w[0] for w in forms}))
    any_form = re.compile(rf"(?=[{firsts}])\b(?:" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE)
    import re2  # type: ignore[import-untyped]  # google-re2: the packs' expressions never run on backtracking ``re``

    pattern = re2.compile("|".join(bodies), re2_options())
    return ConfusableTable(tuple(entry for entry, _, _ in kept), pattern, any_form, tuple(na for _, _, na in kept))


def _forms(source: PackSource, entry: dict, key: str, where: str) -> list[str]:
    forms = field_of(source, entry, key, list, where)
    if not forms:
        raise PackError(source.path, f"{where}.{key}", "expected at least one word")
    for j, form in enumerate(forms):
        if not isinstance(form, str) or not _WORD.match(form):
            raise PackError(source.path, f"{where}.{key}[{j}]", f"expected one lowercase word, got {form!r}")
    return forms


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def confusable_words(doc: Document, table: ConfusableTable) -> Iterator[Diagnostic]:
    """Words written in a context that makes them the wrong one of a pair (NL630)."""
    if table.pattern is None:
        return
    candidates = {}  # only sentences holding a written form get the full pattern
    for hit in table.words.finditer(doc.text) if table.words else ():
        sentence = doc.sentence_at(hit.start())
        if sentence is not None:
            candidates[sentence.index] = sentence
    groups = table.pattern.groupindex
    for sentence in candidates.values():  # one sentence at a time bounds every match
        chunk = doc.text[sentence.start : sentence.end]  # RE2 encodes what it is given: only the sentence
        for m in table.pattern.finditer(chunk):
            index = int(m.lastgroup[1:]) if m.lastgroup else -1
            entry = table.entries[index]
            word = groups[f"w{index}"]
            start, end = m.span(word)
            not_after = table.not_after[index] if index < len(table.not_after) else None
            if not_after is not None and not_after.match(chunk, end):
                continue
            start, end = start + sentence.start, end + sentence.start
            if doc.is_quoted(start):
                continue
            written = m.group(word)
            intended = _match_case(written, entry.right[entry.wrong.index(written.lower())])
            yield doc.diagnostic(
                CONFUSABLE_WORD,
                start,
                end,
                f'"{written}" is probably meant as "{intended}" in "{_snippet(m.group())}": {entry.reason}',
                suggestion=f'Use "{intended}"',
                unsafe_fix=[Edit(start, end, intended)],
            )


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
