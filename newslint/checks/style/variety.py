"""Spelling variety (NL601): British and American spellings mixed in one article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress

from newslint import (
    Category,
    Context,
    Diagnostic,
    Document,
    Edit,
    Option,
    PackError,
    PackSource,
    PackUse,
    Rule,
    Severity,
    check_keys,
    field_of,
    hookimpl,
)
from newslint.model.articles import article_index, article_starts
from newslint.model.document import Token, TokenKind
from newslint.model.line_roles import Role

BRITISH, AMERICAN = "british", "american"
_VARIETY_NAMES = {BRITISH: "British", AMERICAN: "American"}
_HOUSE = {"en-GB": BRITISH, "en-US": AMERICAN}
_EVIDENCE = ("both", BRITISH, "none")
_POSSESSIVE = ("'s", "\u2019s")

SPELLING_VARIETY_MIX = Rule(
    code="NL601",
    unsafe_fixable=True,
    name="spelling-variety-mix",
    category=Category.USAGE,
    severity=Severity.WARNING,
    summary="British and American spellings mixed in one article",
    explanation="""\
## What it does
Counts the British and American spellings of the words in `rules/variants.toml`
("defence"/"defense", "neighbour"/"neighbor", "travelled"/"traveled" ...) and,
when the article's majority variety outnumbers the other at least two to one,
with three uses or more (two against one is a coin flip, not a house style),
flags each word of the minority variety and suggests the majority spelling.
With `spelling = "en-GB"` or `"en-US"` in the config, every word of the other
variety is flagged, whatever the counts. On a page of several articles, each
under its own byline (see NL611), each article is counted on its own.

Words that start with a capital are skipped (names and titles keep their own
spelling: "Labor Party", "Pearl Harbor", "Ministry of Defence"), and so is
text inside quotation marks. Lines that keep their source's spelling neither
count nor are flagged: code listings (CSS `color`), reference entries with
their cited titles and excerpts, and embedded posts (see
`newslint/model/line_roles.py`). An -ize word is no evidence of American
spelling, since Oxford spelling writes -ize with British forms; an -ise word
is British.

## Why is this bad?
A mix of spellings reads as careless copy, and it is usually a sign that wire
copy from another agency was pasted in without being edited to house style.

## Example
    Officials said defence spending would rise, and the defense minister
    welcomed the neighbours' support for the defence plan.

Use instead:
    Officials said defence spending would rise, and the defence minister
    welcomed the neighbours' support for the defence plan.

## Known problems
An article that quotes a document in the other variety without quotation
marks is flagged. The pack leaves out pairs that are ambiguous (program/
programme, meter/metre, check/cheque, tire/tyre); extend it with `packs`.
""",
)


@dataclass(frozen=True)
class Variant:
    """One spelling of a word: its variety, its counterpart and when it counts."""

    form: str
    variety: str
    counterpart: str
    evidence: bool
    after: frozenset[str] = frozenset()


@hookimpl
def newslint_rules() -> list[Rule]:
    return [SPELLING_VARIETY_MIX]


@hookimpl
def newslint_options() -> list[Option]:
    return [
        Option(
            "spelling",
            "str",
            None,
            'House spelling variety for NL601: "en-GB" or "en-US" (default: the article\'s majority)',
            choices=tuple(_HOUSE),
        )
    ]


@hookimpl
def newslint_packs() -> list[PackUse]:
    return [PackUse("variants", parse_variants)]


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    table = ctx.packs["variants"]
    house = _HOUSE.get(ctx.options.get("spelling") or "")
    return list(spelling_variety(doc, table, house))


def parse_variants(sources: list[PackSource]) -> dict[str, Variant]:
    """Every form of every pair, by lowercase form; later packs override earlier ones."""
    table: dict[str, Variant] = {}
    for source in sources:
        check_keys(source, source.data, ("pack", "pair"))
        pairs = field_of(source, source.data, "pair", list, "", required=False, default=[])
        for i, pair in enumerate(pairs):
            where = f"pair[{i}]"
            if not isinstance(pair, dict):
                raise PackError(source.path, where, f"expected a table, got {pair!r}")
            check_keys(source, pair, (BRITISH, AMERICAN, "evidence", f"{BRITISH}-after", f"{AMERICAN}-after"), where)
            british = _forms(source, pair, BRITISH, where)
            american = _forms(source, pair, AMERICAN, where)
            if len(british) != len(american):
                raise PackError(
                    source.path,
                    where,
                    f"british has {len(british)} forms and american {len(american)}; list them in matching order",
                )
            evidence = field_of(source, pair, "evidence", str, where, required=False, default="both")
            if evidence not in _EVIDENCE:
                raise PackError(
                    source.path, f"{where}.evidence", f"expected one of {', '.join(_EVIDENCE)}, got {evidence!r}"
                )
            after = {
                variety: frozenset(w.lower() for w in _words(source, pair, f"{variety}-after", where))
                for variety in (BRITISH, AMERICAN)
            }
            for gb, us in zip(british, american):
                if gb == us:
                    raise PackError(source.path, where, f"{gb!r} is listed as both British and American")
                table[gb] = Variant(gb, BRITISH, us, evidence in ("both", BRITISH), after[BRITISH])
                table[us] = Variant(us, AMERICAN, gb, evidence == "both", after[AMERICAN])
    return table


def _words(source: PackSource, table: dict, key: str, where: str) -> list[str]:
    words = field_of(source, table, key, list, where, required=False, default=[])
    for j, word in enumerate(words):
        if not isinstance(word, str) or not word.strip():
            raise PackError(source.path, f"{where}.{key}[{j}]", f"expected a word, got {word!r}")
    return words


def _forms(source: PackSource, pair: dict, key: str, where: str) -> list[str]:
    field_of(source, pair, key, list, where)
    forms = _words(source, pair, key, where)
    for j, form in enumerate(forms):
        if form != form.lower() or not form.isalpha():
            raise PackError(source.path, f"{where}.{key}[{j}]", f"expected one lowercase word, got {form!r}")
    return forms


@dataclass(frozen=True)
class _Use:
    variant: Variant
    start: int
    end: int


#: Lines that keep the spelling of their source: code (``color``), cited titles and excerpts, embedded posts.
_SOURCE_ROLES = frozenset({Role.CODE, Role.REFERENCE, Role.TWEET})


def _uses(doc: Document, table: dict[str, Variant]) -> Iterator[_Use]:
    """Lowercase, unquoted uses of the pack's forms (compound parts included), outside
    code, reference entries and embedded posts.

    Decided once per distinct token text (the vocabulary); only the tokens
    whose text holds a form are visited.
    """
    columns = doc.token_table
    texts, starts = columns.texts, columns.starts
    forms_in, none = _form_cache(table)
    found = set()
    for text, kind in doc.kind_of.items():
        if text in none:
            continue
        if text not in forms_in:
            hits = _forms_in(Token(text, 0, len(text), kind), table)
            if not hits:
                none.add(text)
                continue
            forms_in[text] = hits
        found.add(text)
    if not found:
        return
    roles = doc.line_roles
    for i in compress(range(len(texts)), map(found.__contains__, texts)):
        token_start = starts[i]
        if roles.of(doc.position(token_start)[0]) in _SOURCE_ROLES:
            continue
        previous = texts[i - 1].lower() if i else ""
        for variant, start, end in forms_in[texts[i]]:
            start, end = token_start + start, token_start + end
            if doc.is_quoted(start):
                continue
            if variant.after and previous not in variant.after:
                continue
            yield _Use(variant, start, end)


# The table the caches below were built for, and per token text: its forms in that
# table, with offsets inside the token, or (in the set) no form at all.
_CACHE: list = [None, {}, set()]
_CACHE_SIZE = 200_000
#: The majority variety needs this many uses: two against one is a coin flip, not a house style.
_FEWEST_MAJORITY = 3


def _form_cache(table: dict[str, Variant]) -> tuple[dict[str, tuple[tuple[Variant, int, int], ...]], set[str]]:
    if _CACHE[0] is not table or len(_CACHE[1]) + len(_CACHE[2]) > _CACHE_SIZE:
        _CACHE[:] = [table, {}, set()]
    return _CACHE[1], _CACHE[2]


def _forms_in(token: Token, table: dict[str, Variant]) -> tuple[tuple[Variant, int, int], ...]:
    """The lowercase forms of ``table`` in a word token (one per compound part), offsets
    relative to the token; none for other kinds of token."""
    if token.kind is not TokenKind.WORD:
        return ()
    out = []
    for text, start, end in token.parts:
        if text.endswith(_POSSESSIVE):
            text, end = text[:-2], end - 2
        variant = table.get(text)
        if variant is not None and text.islower():
            out.append((variant, start - token.start, end - token.start))
    return tuple(out)


def spelling_variety(doc: Document, table: dict[str, Variant], house: str | None) -> Iterator[Diagnostic]:
    """Minority-variety words (or, with a house variety, every other-variety word)."""
    uses = list(_uses(doc, table))
    if house is not None:
        for use in uses:
            if use.variant.variety != house and use.variant.evidence:
                yield _report(
                    doc, use, f'the house style is {_VARIETY_NAMES[house]} (spelling = "{_house_key(house)}")'
                )
        return
    starts = article_starts(doc)
    by_article: dict[int, list[_Use]] = {}
    for use in uses:
        by_article.setdefault(article_index(starts, use.start), []).append(use)
    for own in by_article.values():  # each article of a page of several writes its own writer's variety
        yield from _minority(doc, own)


def _minority(doc: Document, uses: list[_Use]) -> Iterator[Diagnostic]:
    """The words of one article's minority variety, when its majority is clear."""
    counts = {BRITISH: 0, AMERICAN: 0}
    for use in uses:
        if use.variant.evidence:
            counts[use.variant.variety] += 1
    minority, majority = sorted(counts, key=counts.__getitem__)
    if counts[minority] == 0 or counts[majority] < max(2 * counts[minority], _FEWEST_MAJORITY):
        return
    example = next(u.variant.form for u in uses if u.variant.variety == majority and u.variant.evidence)
    for use in uses:
        if use.variant.variety == minority and use.variant.evidence:
            yield _report(
                doc,
                use,
                f"the article spells {_VARIETY_NAMES[majority]} {counts[majority]} times "
                f'to {counts[minority]} (e.g. "{example}")',
            )


def _house_key(variety: str) -> str:
    return next(key for key, value in _HOUSE.items() if value == variety)


def _report(doc: Document, use: _Use, why: str) -> Diagnostic:
    variant = use.variant
    return doc.diagnostic(
        SPELLING_VARIETY_MIX,
        use.start,
        use.end,
        f'"{variant.form}" is {_VARIETY_NAMES[variant.variety]} spelling; {why}',
        suggestion=f'Use "{variant.counterpart}"',
        unsafe_fix=[Edit(use.start, use.end, variant.counterpart)],
    )
