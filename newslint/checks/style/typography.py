"""Typography within one article (NL61x): quote style, dash style, unbalanced quotes and brackets."""

from __future__ import annotations

import bisect
import operator
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, repeat

from newslint import Category, Context, Diagnostic, Document, Edit, Option, Rule, Severity, hookimpl
from newslint.model.articles import article_index, article_starts
from newslint.model.document import Quotation, Token, TokenKind
from newslint.model.line_roles import Role
from newslint.text.lazy_re import lazy_compile

MIXED_QUOTE_STYLE = Rule(
    code="NL610",
    name="mixed-quote-style",
    category=Category.TYPOGRAPHY,
    severity=Severity.INFO,
    summary="Straight and curly quotes or apostrophes mixed in one article",
    fixable=True,
    explanation="""\
## What it does
Counts straight and curly marks in two families, each on its own: double
quotes (`"` against `“ ”`) and apostrophes with single quotes (`'` against
`‘ ’`). Curly double quotes with straight apostrophes is a consistent style.
In a family, the marks of the less used style are flagged when they are a
clear minority: at most a quarter of that family's marks. The line was
measured on the development set (91 articles): in the 26 families with a
minority at or below a quarter (1 mark in 225 to 2 in 8), the minority marks
were stray marks in the article's own prose (scare quotes, possessives, a
caption), except one page-chrome line. Above it (0.27 to 0.44) lay near ties,
which say nothing about the article's style, and the one deliberate mix:
straight quotes around literal values in a curly-quoted technical article.

A paragraph is reported once: one finding spans its odd marks (an opening
and a closing quote of one quotation, two stray apostrophes), and its fix
changes all of them.

Only lines in the article's voice count (prose and lone headings, see
`newslint/model/line_roles.py`): code listings, embedded tweets, reference
entries, lists and tables keep the marks of their source. With
`quote-style = "straight"` or `"curly"` in the config, every mark of the
other style is flagged. A straight mark right after a digit (feet and
inches, `6'2"`) is a prime and is not counted.
On a page of several articles, each under its own byline, each article's
marks are counted on their own (as for NL611).

## Why is this bad?
Mixed marks show that text was pasted from another source without editing,
and they break search and de-duplication that compare text exactly
("Japan’s" is not "Japan's" to a naive matcher).

## Example
    Japan's prime minister met Lee. Japan’s foreign minister said Seoul's
    and Beijing's envoys were "welcome" and it's "a start".

Use instead:
    Japan's prime minister met Lee. Japan's foreign minister said Seoul's
    and Beijing's envoys were "welcome" and it's "a start".

## Fix safety
Curly to straight is a safe fix. Straight to curly guesses opening or
closing from the neighbouring characters, so it is offered as an unsafe fix;
so is a paragraph's fix when any of its marks is curled.
""",
)

MIXED_DASH_STYLE = Rule(
    code="NL611",
    fixable=True,
    name="mixed-dash-style",
    category=Category.TYPOGRAPHY,
    severity=Severity.INFO,
    summary="Different dashes used in the same role in one article",
    explanation="""\
## What it does
Compares the dashes an article uses in one role and flags those that differ
from the most used form (on a tie, the first one used). Two roles are
compared separately:

- the dateline dash at the start of a paragraph (`TOKYO (AP) —`,
  `SEOUL, Jan. 13 (Yonhap) --`);
- the parenthetical dash between words: a spaced hyphen ` - `, a spaced en
  dash ` – `, a spaced em dash ` — `, an unspaced em dash `—` or a double
  hyphen `--`.

Dashes between digits (ranges, scores) and en dashes inside compounds
("Japan–South Korea") are not parenthetical and are not compared. Only prose
lines count, outside quotations: separators in headings, list items, tour
dates, table cells and reference titles ("Topic – Subtopic"), a quoted
title's own dash and SQL or command-line `--` are not parenthetical dashes.
Without a house style, parenthetical dashes are flagged only when their form
is a clear minority (at most a quarter of the role's dashes); a tie or near
tie says nothing about which form the article means. With `dash-style` or
`dateline-dash` in the config, every other form in that role is flagged.
The dashes of one paragraph are one finding (the two dashes setting off one
aside are one defect), with one fix changing all of them when the spacing
stays the same.

On a page of several articles (a digest, a weekly edition: a byline such as
"By Jane Doe" between two stretches of prose opens the next one, see
`newslint/model/articles.py`), each article is compared with itself: two
writers' habits on one page are no mix.

## Why is this bad?
Agencies differ (AP: spaced em dash; Reuters and the Guardian: spaced en dash
or hyphen), so two forms in one article show that copy from two sources was
merged without editing, as with a teaser pasted above the lede.

## Example
    TOKYO (AP) – The talks ended.

    TOKYO (AP) - The talks ended on Tuesday.

Use instead:
    TOKYO (AP) – The talks ended.

    TOKYO (AP) – The talks ended on Tuesday.
""",
)

UNBALANCED_QUOTES = Rule(
    code="NL612",
    unsafe_fixable=True,
    name="unbalanced-quotes",
    category=Category.TYPOGRAPHY,
    severity=Severity.WARNING,
    summary="Double quotation mark left open or closed without an opening mark",
    explanation="""\
## What it does
Pairs the double quotation marks of each paragraph and flags an opening mark
that is never closed and a closing mark with no opening mark. A quotation
that runs over several paragraphs is allowed by the usual convention: its
paragraphs are left open and the next one starts with an opening mark.
Straight marks open after a space, bracket or dash and close otherwise;
curly marks say which they are. Code, embedded tweets, list and table lines,
and paragraphs quoting like JSON or markup (`{"key":`, `id="x"`) are not
checked; prose, headings and reference entries are.

A quotation nested in a double-quoted one with double marks
(`“The “open door” policy stays.”`) is one defect: it is reported once, at
the inner quotation, with its single marks as an unsafe fix. A single-quoted
level between two double-quoted ones
(`"'We Called It "Plan B"': Inside the Rescue"`) is the right alternation
and is not reported.

## Why is this bad?
A lost quotation mark makes it unclear where a speaker's words end: the
reader may attribute the reporter's words to the speaker, or the reverse.

## Example
    "We will rebuild the bridge, the mayor said on Monday.

    "The council kept its "open door" policy," she said.

Use instead:
    "We will rebuild the bridge," the mayor said on Monday.

    "The council kept its 'open door' policy," she said.

## Known problems
Inch marks written as straight double quotes after a digit are skipped;
other uses of `"` as a symbol may be flagged.
""",
)

UNBALANCED_BRACKETS = Rule(
    code="NL613",
    name="unbalanced-brackets",
    category=Category.TYPOGRAPHY,
    severity=Severity.WARNING,
    summary="Bracket left open or closed without an opening bracket in a paragraph",
    explanation="""\
## What it does
Pairs round and square brackets within each paragraph and flags an opening
bracket that is never closed, a closing bracket with no opening one, and a
closing bracket of the wrong kind. Enumerators such as `1)` and `a)` and
brackets inside URLs are skipped, and so are code listings, embedded tweets,
and list and table lines (an S-expression or a call spread one line per
paragraph).

## Why is this bad?
A lost bracket usually means a sentence was cut or edited carelessly, and the
aside it opened swallows the rest of the paragraph.

## Example
    The agency (which has 40 staff said the report was late.

Use instead:
    The agency (which has 40 staff) said the report was late.
""",
)

RULES = [MIXED_QUOTE_STYLE, MIXED_DASH_STYLE, UNBALANCED_QUOTES, UNBALANCED_BRACKETS]

#: Parenthetical dash forms by name, as the config names them.
DASH_FORMS = {
    "spaced-hyphen": " - ",
    "spaced-en": " \u2013 ",
    "spaced-em": " \u2014 ",
    "unspaced-em": "\u2014",
    "spaced-double-hyphen": " -- ",
    "unspaced-double-hyphen": "--",
}
#: Dateline dash forms by name.
DATELINE_FORMS = {"hyphen": "-", "en": "\u2013", "em": "\u2014", "double-hyphen": "--"}
_DASH_NAMES = {
    "-": "hyphen",
    "\u2013": "en dash",
    "\u2014": "em dash",
    "--": "double hyphen",
    "\u2015": "horizontal bar",
}


@hookimpl
def newslint_rules() -> list[Rule]:
    return RULES


@hookimpl
def newslint_options() -> list[Option]:
    return [
        Option(
            "quote-style",
            "str",
            None,
            'House quote style for NL610: "straight" or "curly"',
            choices=("straight", "curly"),
        ),
        Option(
            "dash-style",
            "str",
            None,
            "House parenthetical dash for NL611: " + ", ".join(f'"{k}"' for k in DASH_FORMS),
            choices=tuple(DASH_FORMS),
        ),
        Option(
            "dateline-dash",
            "str",
            None,
            "House dateline dash for NL611: " + ", ".join(f'"{k}"' for k in DATELINE_FORMS),
            choices=tuple(DATELINE_FORMS),
        ),
    ]


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    if ctx.is_enabled(MIXED_QUOTE_STYLE):
        found.extend(mixed_quote_style(doc, ctx.options.get("quote-style")))
    if ctx.is_enabled(MIXED_DASH_STYLE):
        house = ctx.options.get("dash-style")
        dateline = ctx.options.get("dateline-dash")
        found.extend(
            mixed_dash_style(
                doc,
                DASH_FORMS[house] if house else None,
                DATELINE_FORMS[dateline] if dateline else None,
            )
        )
    if ctx.is_enabled(UNBALANCED_QUOTES):
        found.extend(unbalanced_quotes(doc))
    if ctx.is_enabled(UNBALANCED_BRACKETS):
        found.extend(unbalanced_brackets(doc))
    return found


# -- shared: the majority form of a role -------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """One use of a form in a role: the span to report and the form's text."""

    start: int
    end: int
    form: str


def _per_article(doc: Document, marks: list[_Mark]) -> list[list[_Mark]]:
    """``marks`` split by the article they stand in (``model.articles``): each article of a page of
    several (a digest, a weekly edition) keeps its own writer's habits."""
    starts = article_starts(doc)
    if len(starts) == 1:
        return [marks]
    out: dict[int, list[_Mark]] = {}
    for mark in marks:
        out.setdefault(article_index(starts, mark.start), []).append(mark)
    return list(out.values())


def _odd_ones(marks: Sequence[_Mark], house: str | None) -> tuple[str | None, Counter[str]]:
    """The expected form (house, else most used, else first used) and the counts."""
    counts = Counter(m.form for m in marks)
    if house is not None:
        return house, counts
    if len(counts) < 2:
        return None, counts
    first = {m.form: i for i, m in reversed(list(enumerate(marks)))}
    return max(counts, key=lambda f: (counts[f], -first[f])), counts


def _url_at(doc: Document, offset: int) -> str | None:
    """The URL or e-mail token covering ``offset``, if any.

    Tokens do not overlap, so only the last link starting at or before
    ``offset`` can cover it: a binary search, not a scan of every link.
    """
    links = _links(doc)
    if not links:
        return None
    starts = doc.memo("typography.link_starts", lambda: [t.start for t in links])
    k = bisect.bisect_right(starts, offset) - 1
    if k < 0:
        return None
    t = links[k]
    return t.text if offset - 2048 <= t.start and offset < t.end else None


def _links(doc: Document) -> list[Token]:
    """The document's URL and e-mail tokens (most articles have none), found once."""

    def find() -> list[Token]:
        text = doc.text
        if "@" not in text and "http" not in text and "www." not in text:  # what every URL or address holds
            return []
        kinds = doc.token_table.kinds
        wanted = map(operator.contains, repeat((TokenKind.URL, TokenKind.EMAIL)), kinds)
        return [doc.token(i) for i in compress(range(len(kinds)), wanted)]

    return doc.memo("typography.links", find)


def _in_url(doc: Document, offset: int) -> bool:
    return _url_at(doc, offset) is not None


def _closes_url(doc: Document, offset: int) -> bool:
    """A ")" right after a URL that opened a "(" ("wiki/Nara_(city)"): the tokenizer leaves it out."""
    url = _url_at(doc, offset - 1) if offset else None
    return url is not None and url.count("(") > url.count(")")


# -- NL610: quote style ----------------------------------------------------------------

_QUOTE_MARK = lazy_compile("['\"\u2018\u2019\u201c\u201d]")
_CURLY = "\u2018\u2019\u201c\u201d"
_TO_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _to_curly(text: str, i: int) -> str:
    mark = text[i]
    before = text[i - 1] if i else " "
    opening = before.isspace() or before in "([{\u2014\u2013-/"
    if mark == '"':
        return "\u201c" if opening else "\u201d"
    after = text[i + 1] if i + 1 < len(text) else " "
    return "\u2018" if opening and after.isalpha() else "\u2019"


def mixed_quote_style(doc: Document, house: str | None) -> Iterator[Diagnostic]:
    """Quotation marks and apostrophes of the minority (or non-house) style (NL610).

    Double quotes and single quotes/apostrophes are two families, each counted on
    its own, only on lines in the article's voice (``Document.line_roles``): code,
    embedded posts, references, lists and tables keep the marks of their source.
    Without a house style, a family is flagged only when one style is a clear
    minority (at most a quarter of the family's marks). The marks to change are
    reported once per paragraph: one finding whose fix changes all of them.
    """
    text = doc.text
    roles = doc.line_roles
    families: dict[str, list[_Mark]] = {'"': [], "'": []}
    for line in doc.lines:
        if not roles.in_voice(line.number):
            continue
        for m in _QUOTE_MARK.finditer(text, line.start, line.end):
            i = m.start()
            if m.group() in "'\"" and i and text[i - 1].isdigit():
                continue  # a prime: 6'2", 5'
            if _in_url(doc, i):
                continue
            family = '"' if m.group() in '"\u201c\u201d' else "'"
            families[family].append(_Mark(i, i + 1, "curly" if m.group() in _CURLY else "straight"))
    odd: list[tuple[_Mark, str, str, Counter[str]]] = []  # mark, family, expected form, counts
    for family, marks in families.items():
        for own in _per_article(doc, marks):
            expected, counts = _odd_ones(own, house)
            if expected is None:
                continue
            if house is None and not _clear_minority(counts, expected):
                continue
            odd.extend((mark, family, expected, counts) for mark in own if mark.form != expected)
    if not odd:
        return
    odd.sort(key=lambda o: o[0].start)
    para_starts = [p.start for p in doc.paragraphs]
    groups: dict[int, list[tuple[_Mark, str, str, Counter[str]]]] = {}
    for item in odd:
        groups.setdefault(bisect.bisect_right(para_starts, item[0].start) - 1, []).append(item)
    for group in groups.values():
        yield _quote_finding(doc, group, house)


def _clear_minority(counts: Counter[str], expected: str) -> bool:
    """Whether the forms other than ``expected`` are a clear minority: at most a quarter of all uses."""
    total = sum(counts.values())
    return (total - counts[expected]) * _MINORITY_SHARE <= total


#: The other forms must be at most 1/_MINORITY_SHARE of a role's or family's marks to be flagged.
_MINORITY_SHARE = 4

#: How NL610 names a mark of each family: one, several, the family.
_QUOTE_NOUNS = {
    "'": ("apostrophe or single quote", "apostrophes or single quotes", "apostrophes and single quotes"),
    '"': ("double quote", "double quotes", "double quotes"),
}


def _quote_finding(doc: Document, group: list[tuple[_Mark, str, str, Counter[str]]], house: str | None) -> Diagnostic:
    """One finding for the odd marks of one paragraph, with one fix changing all of them."""
    text = doc.text
    edits = []
    for mark, _family, expected, _counts in group:
        char = text[mark.start]
        replacement = char.translate(_TO_STRAIGHT) if expected == "straight" else _to_curly(text, mark.start)
        edits.append(Edit(mark.start, mark.end, replacement))
    what: list[str] = []
    why: list[str] = []
    whose = "the article's"
    for family in ('"', "'"):
        marks = [(m, expected, counts) for m, f, expected, counts in group if f == family]
        if not marks:
            continue
        one, several, plural = _QUOTE_NOUNS[family]
        form, expected, counts = marks[0][0].form, marks[0][1], marks[0][2]
        chars = " ".join(text[m.start] for m, _, _ in marks)
        count = f"{len(marks)} " if len(marks) > 1 else ("a " if len(group) > 1 else "")
        what.append(f"{count}{form} {one if len(marks) == 1 else several} {chars}")
        why.append(
            f'the house style is {expected} (quote-style = "{expected}")'
            if house
            else f"{whose if not why else 'its'} {plural} are {expected} {counts[expected]} times to {counts[form]}"
        )
    if len(group) > 1:
        what[-1] += " in one paragraph"
    message = " and ".join(what)
    message = f"{message[0].upper()}{message[1:]}; {'; '.join(dict.fromkeys(why))}"
    safe = all(expected == "straight" for _, _, expected, _ in group)
    return doc.diagnostic(
        MIXED_QUOTE_STYLE,
        group[0][0].start,
        group[-1][0].end,
        message,
        suggestion="Use " + " ".join(dict.fromkeys(e.replacement for e in edits)),
        fix=edits if safe else (),
        unsafe_fix=() if safe else edits,
    )


# -- NL611: dash style -------------------------------------------------------------------

# A dateline at the start of a paragraph: a place in capitals, an optional
# date, an optional agency in brackets, then the dash.
_DATELINE = lazy_compile(
    r"[A-Z][A-Z.'\-]+(?:[ ,]{1,2}[A-Z][A-Za-z.'\-]+){0,3}"  # TOKYO, NEW YORK, PARIS, France
    r"(?:,\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}|\d{1,2}\s[A-Z][a-z]{2,8}))?"  # , Jan. 13 / , 13 January
    r"(?:\s?\([^()\n]{1,40}\))?"  # (AP) (Yonhap)
    r"\s(?P<dash>--|[\u2014\u2013\u2015\-])\s"
)
# A dash between words: spaced (hyphen, en, em, double hyphen) or an unspaced
# em dash or double hyphen. Digits on both sides make it a range, not a dash.
_PAREN_DASH = lazy_compile(r"(?<=\S)(?P<form> (?:--|[\u2014\u2013\u2015\-]) |\u2014|--)(?=\S)")


def _dash_label(form: str) -> str:
    core = form.strip()
    name = _DASH_NAMES.get(core, core)
    return f"spaced {name}" if form.startswith(" ") else (f"unspaced {name}" if core in ("\u2014", "--") else name)


def _dateline_marks(doc: Document) -> list[_Mark]:
    marks = []
    for para in doc.paragraphs:
        m = _DATELINE.match(doc.text, para.start, para.end)
        if m and m.group()[:2].isupper():
            marks.append(_Mark(m.start("dash"), m.end("dash"), m.group("dash")))
    return marks


def _parenthetical_marks(doc: Document, skip: set[int]) -> list[_Mark]:
    """Dashes between words on prose lines, outside quotations.

    Headings, list items, table cells, references and code use dashes as
    separators ("Topic – Subtopic") or operators (SQL ``--``), and a quoted
    title keeps its own: none of them is a parenthetical dash of the article.
    """
    marks = []
    roles = doc.line_roles
    for para in doc.paragraphs:
        if not roles.is_prose(para.line):
            continue
        for m in _PAREN_DASH.finditer(doc.text, para.start, para.end):
            form = m.group("form")
            core = form.strip()
            start = m.start() + form.index(core)
            if doc.text[m.start() - 1].isdigit() and doc.text[m.end()].isdigit():
                continue  # a range or a score
            if start in skip or _in_url(doc, start) or doc.is_quoted(start):
                continue
            marks.append(_Mark(start, start + len(core), form))
    return marks


def mixed_dash_style(doc: Document, house: str | None, dateline_house: str | None) -> Iterator[Diagnostic]:
    """Dashes that differ from the article's (or the house) form in their role (NL611)."""
    datelines = _dateline_marks(doc)
    parenthetical = _parenthetical_marks(doc, {m.start for m in datelines})
    for role, marks, expected_house, key in (
        ("dateline dash", datelines, dateline_house, "dateline-dash"),
        ("parenthetical dash", parenthetical, house, "dash-style"),
    ):
        for own in _per_article(doc, marks):
            yield from _dash_findings(doc, role, own, expected_house, key)


def _dash_findings(
    doc: Document, role: str, marks: list[_Mark], expected_house: str | None, key: str
) -> Iterator[Diagnostic]:
    """The NL611 findings of one role in one article: the dashes that differ from its expected form."""
    expected, counts = _odd_ones(marks, expected_house)
    if expected is None:
        return
    if role == "parenthetical dash" and expected_house is None and not _clear_minority(counts, expected):
        return  # a near tie says nothing about which form the article means
    label = _dash_label(expected) if role == "parenthetical dash" else _DASH_NAMES[expected]
    para_starts = [p.start for p in doc.paragraphs]
    groups: dict[int, list[_Mark]] = {}
    for mark in marks:
        if mark.form != expected:
            groups.setdefault(bisect.bisect_right(para_starts, mark.start) - 1, []).append(mark)
    for group in groups.values():  # one finding per paragraph: the two dashes of one aside are one defect
        forms = list(dict.fromkeys(m.form for m in group))
        names = [_DASH_NAMES[f] if role == "dateline dash" else _dash_label(f) for f in forms]
        why = (
            f"the house style is {_a(label)} ({key} in config)"
            if expected_house
            else f"the article's other {role}{'es' if counts[expected] > 1 else ''} "
            f"use{'' if counts[expected] > 1 else 's'} {_a(label)} "
            f"({counts[expected]} to {', '.join(str(counts[f]) for f in forms)})"
        )
        if len(group) == 1:
            what = f"{role.capitalize()} is {_a(names[0])}"
        else:
            what = f"{len(group)} {role}es in one paragraph are {' and '.join(_plural(n) for n in names)}"
        edits = [_dash_fix(m, expected, role) for m in group]
        yield doc.diagnostic(
            MIXED_DASH_STYLE,
            group[0].start,
            group[-1].end,
            f"{what}; {why}",
            suggestion=f"Use {_a(label)}",
            fix=[e for fix in edits for e in fix] if all(edits) else (),
        )


def _plural(label: str) -> str:
    return label + ("es" if label.endswith("sh") else "s")


def _a(label: str) -> str:
    return f"an {label}" if label[0] in "aeiou" else f"a {label}"


def _dash_fix(mark: _Mark, expected: str, role: str) -> list[Edit]:
    if role == "dateline dash" or mark.form.startswith(" ") == expected.startswith(" "):
        return [Edit(mark.start, mark.end, expected.strip())]
    return []  # changing spacing as well: leave it to the editor


# -- NL612: unbalanced quotes ---------------------------------------------------------


def _checked_paragraphs(doc: Document) -> set[int]:
    """Paragraphs whose quotes and brackets are the article's: its voice and its references.

    Code, embedded posts, and the cells and items of lists and tables (a code
    listing or an S-expression spread one line per paragraph, "a)" list
    markers) are left out.
    """
    roles = doc.line_roles
    return {
        p.index
        for p in doc.paragraphs
        if (roles.in_voice(p.line) or roles.of(p.line) is Role.REFERENCE)
        and len(_CODE_QUOTES.findall(doc.text, p.start, p.end)) < 2
    }


# Straight double quotes touching code punctuation; two in a paragraph make it a listing (JSON, HTML).
_CODE_QUOTES = lazy_compile(r'[={\[:]"|"[:}\]>]')


def _is_code_quote(text: str, i: int) -> bool:
    """A straight double quote touching code punctuation (``="``, ``{"``, ``":``, ``"}``), or
    the mark named as a character: ``(")``, ``'"'``."""
    if text[i] != '"':
        return False
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in "={[:" or after in ":}]>" or (before + after in ("()", "''", "[]", "``"))


def _mark_of(q: Quotation) -> int:
    """The offset of the mark that made quotation ``q``: its opener, or its closer when nothing opened it."""
    return q.start if q.opened else q.end - 1


def _nested_doubles(doc: Document, checked: set[int]) -> tuple[list[Diagnostic], set[Quotation]]:
    """Double-quoted quotations nested in a double-quoted one (NL612), and the quotations they explain.

    Paired mark by mark, ``“He said “no” today.”`` reads as an opener left open
    (at the inner opener), a closed inner quotation and a closer with no opener:
    one defect, the inner quotation's marks, reported once with the single marks
    it takes. A single-quoted level between the two (double, single, double) is
    the right alternation and is not reported.
    """
    text = doc.text
    doubles: dict[int, list[Quotation]] = {}
    for q in doc.quotations:
        if q.mark == '"' and q.paragraph in checked and not _is_code_quote(text, _mark_of(q)):
            doubles.setdefault(q.paragraph, []).append(q)
    found: list[Diagnostic] = []
    explained: set[Quotation] = set()
    for quotes in doubles.values():
        quotes.sort(key=_mark_of)
        k = 0
        while k < len(quotes):
            outer = quotes[k]
            inner = []
            j = k + 1
            if outer.opened and not outer.closed:
                while j < len(quotes) and quotes[j].opened and quotes[j].closed:
                    inner.append(quotes[j])
                    j += 1
            stray = quotes[j] if j < len(quotes) else None
            if not inner or inner[0].start != outer.end or stray is None or stray.opened:
                k += 1
                continue
            explained.update((outer, *inner, stray))
            k = j + 1
            alternates = _SINGLE_OPENER.search(text, outer.start + 1, inner[0].start) and _SINGLE_CLOSER.search(
                text, inner[-1].end, stray.end - 1
            )
            if alternates:
                continue  # double, single, double: the right alternation
            edits = [Edit(at, at + 1, text[at].translate(_TO_SINGLE)) for q in inner for at in (q.start, q.end - 1)]
            found.append(
                doc.diagnostic(
                    UNBALANCED_QUOTES,
                    inner[0].start,
                    inner[-1].end,
                    "Double quotation marks inside a double-quoted quotation; the inner quotation takes single marks",
                    suggestion=f"Use {edits[0].replacement} {edits[1].replacement} for the inner quotation",
                    unsafe_fix=edits,
                )
            )
    return found, explained


# A single quotation's opening mark (before a word) and a closing mark (not before a word), for the
# level between two double-quoted ones: "'We Called It "Plan B"': ..." alternates rightly.
_SINGLE_OPENER = lazy_compile(r"(?:^|(?<=[\s(\[\"\u201c\u2014\u2013]))['\u2018](?=\w)")
_SINGLE_CLOSER = lazy_compile(r"(?<=\S)['\u2019](?!\w)")
_TO_SINGLE = str.maketrans({'"': "'", "\u201c": "\u2018", "\u201d": "\u2019"})


def unbalanced_quotes(doc: Document) -> Iterator[Diagnostic]:
    """Double quotation marks left open in a paragraph, or closing nothing (NL612)."""
    open_at_end: set[int] = set()
    checked = _checked_paragraphs(doc)
    text = doc.text
    nested, explained = _nested_doubles(doc, checked)
    yield from nested
    for q in doc.quotations:
        if q.mark != '"' or q.paragraph not in checked or q in explained:
            continue
        mark = q.start if q.opened else q.end - 1
        if _is_code_quote(text, mark):
            continue
        if q.opened and not q.closed:
            if q.end == doc.paragraphs[q.paragraph].end:
                open_at_end.add(q.paragraph)
            if q.continued:
                continue
            yield doc.diagnostic(
                UNBALANCED_QUOTES,
                q.start,
                q.start + 1,
                f"Quotation opened here is not closed{' before the next opening mark' if q.end != doc.paragraphs[q.paragraph].end else ' in its paragraph'}",
                suggestion="Add the closing quotation mark",
            )
        elif q.closed and not q.opened:
            mark = q.end - 1
            if q.paragraph - 1 in open_at_end or (mark and doc.text[mark - 1].isdigit()):
                continue  # reported with the open paragraph before it, or an inch mark
            yield doc.diagnostic(
                UNBALANCED_QUOTES,
                mark,
                q.end,
                "Closing quotation mark has no opening mark in its paragraph",
                suggestion="Add the opening quotation mark, or delete this one",
            )


# -- NL613: unbalanced brackets -------------------------------------------------------

_BRACKET = lazy_compile(r"[()\[\]]")
_PAIRS = {")": "(", "]": "["}
# "1)", "a)", "iv)" as list enumerators, and ":)" smileys: closers that open nothing.
_ENUMERATOR = lazy_compile(r"(?:^|(?<=\s))(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)|[:;]-?\)")


def unbalanced_brackets(doc: Document) -> Iterator[Diagnostic]:
    """Round and square brackets that do not pair within their paragraph (NL613).

    Two shapes are not defects: a bracket left open at the end of a paragraph and
    closed at the start of one of the next two (an aside that extraction broke
    over lines), and three or more closers with no opener in one paragraph (list
    markers such as ``'*:rw') any request``).
    """
    checked = _checked_paragraphs(doc)
    unclosed: dict[int, list[tuple[str, int]]] = {}  # paragraph -> openers left open
    unopened: dict[int, list[tuple[str, int]]] = {}  # paragraph -> closers with no opener
    for para in doc.paragraphs:
        if para.index not in checked:
            continue
        # Every enumerator ends with ")": without one, the paragraph needs no search.
        has_closer = doc.text.find(")", para.start, para.end) >= 0
        skip = {m.end() - 1 for m in _ENUMERATOR.finditer(doc.text, para.start, para.end)} if has_closer else set()
        stack: list[tuple[str, int]] = []
        closers: list[tuple[str, int]] = []
        for m in _BRACKET.finditer(doc.text, para.start, para.end):
            at, char = m.start(), m.group()
            if (at in skip and not stack) or _in_url(doc, at) or (char == ")" and _closes_url(doc, at)):
                continue
            if char in "([":
                stack.append((char, at))
                continue
            if stack and stack[-1][0] == _PAIRS[char]:
                stack.pop()
                continue
            if stack and (_PAIRS[char] in (c for c, _ in stack) or len(stack) == 1):
                opener, where = stack.pop()  # closed by the wrong kind of bracket
                yield doc.diagnostic(
                    UNBALANCED_BRACKETS,
                    where,
                    at + 1,
                    f'Bracket "{opener}" is closed by "{char}"',
                    suggestion=f'Close "{opener}" with "{ {"(": ")", "[": "]"}[opener] }"',
                )
                continue
            closers.append((char, at))
        if len(closers) < _MARKER_RUN:
            unopened[para.index] = closers
        unclosed[para.index] = stack
    # An aside broken over paragraphs: the opener left at the end of one, the closer in the next two.
    for index, stack in unclosed.items():
        for ahead in (index + 1, index + 2):
            if stack and unopened.get(ahead) and _PAIRS[unopened[ahead][0][0]] == stack[-1][0]:
                stack.pop()
                unopened[ahead].pop(0)
    found = [(where, opener, False) for stack in unclosed.values() for opener, where in stack]
    found += [(at, char, True) for closers in unopened.values() for char, at in closers]
    for at, char, closing in sorted(found):
        if closing:
            yield doc.diagnostic(
                UNBALANCED_BRACKETS,
                at,
                at + 1,
                f'Closing bracket "{char}" has no opening bracket in its paragraph',
                suggestion=f'Add the opening "{_PAIRS[char]}", or delete this one',
            )
        else:
            yield doc.diagnostic(
                UNBALANCED_BRACKETS,
                at,
                at + 1,
                f'Bracket "{char}" is not closed in its paragraph',
                suggestion=f'Add the closing "{ {"(": ")", "[": "]"}[char] }"',
            )


#: This many closers with no opener in one paragraph are list markers, not lost brackets.
_MARKER_RUN = 3
