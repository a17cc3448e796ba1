"""Titles (NL3xx): office titles against the offices table and the article date, and the headline.

Date policy. The table checks (NL301-NL304, NL306) need the article date
and say which one they used; without one they are silent. An exact date
(``--date``, config, metadata, a timestamp line or a dateline) is judged with
one day of slack either side for time zones. An inexact date (only the latest
date the text mentions) is a floor, not a timestamp: the article may announce
events up to about six months ahead, and may be written long after. So it
stands for the window of the 183 days before it, and a check reports only
what is wrong on every day of its window. "former" inside a term (NL302)
needs an upper bound too, so it runs with exact dates only; a title before the
term (NL306) with the article's own date only (not one inferred from the
first lines). A mention whose sentence names a year before the window
speaks of another time and is not judged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from newslint import Category, Context, Diagnostic, Document, Edit, PackUse, Rule, Severity, TokenKind, hookimpl
from newslint.checks.structure.structure import DUPLICATE_PARAGRAPH
from newslint.checks.titles.headline import Headline, find_headline
from newslint.checks.titles.mentions import TitleMention, title_mentions
from newslint.checks.titles.offices import OFFICES_KIND, OfficeTable, Term, load_offices, parse_offices
from newslint.text.dates import ArticleDate, article_date
from newslint.text.lazy_re import lazy_compile
from newslint.text.normalize import fold

_SLACK = dt.timedelta(days=1)  # time zones: a dateline day may be the day before elsewhere
_INEXACT_WINDOW = dt.timedelta(days=183)  # how far ahead an article may date the events it announces
_HISTORY = dt.timedelta(days=183)  # after a reign ends, how long a past tense may still report its last acts

_KNOWN_PROBLEMS_TABLE = """\
## Known problems
Only titles written directly before a name are read ("Prime Minister Sanae
Takaichi"), not "the prime minister, Sanae Takaichi". A short name ("President
Lee") is judged only when the full name appears in the article and no other
person of that name does. The table is only as current as its `checked` date.
"""

ELECT_AFTER_START = Rule(
    code="NL301",
    name="elect-title-after-start",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary='"-elect" or "-designate" title for someone already in office on the article date',
    explanation=f"""\
## What it does
Flags "President-elect", "Prime Minister-elect", "Prime Minister-designate"
and the like when the offices table says the person took that office before
the article's date (with a day of slack for time zones). Silent when the
article has no date.

## Why is this bad?
Copy recycled from the transition period, or written by a model from stale
knowledge, keeps "President-elect" months after the inauguration. Readers
take it as a sign the whole article is stale.

## Example
    (article dated 2026-01-13)
    Talks will focus on U.S. President-elect Donald Trump's diplomacy.

Use instead:
    Talks will focus on U.S. President Donald Trump's diplomacy.

{_KNOWN_PROBLEMS_TABLE}""",
)

FORMER_FOR_INCUMBENT = Rule(
    code="NL302",
    name="former-title-for-incumbent",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary='"former" title for someone in that office on the article date',
    explanation=f"""\
## What it does
Flags "former Foreign Minister Toshimitsu Motegi" when the offices table says
the person holds that office on the article's date. It needs an exact article
date (a timestamp, a dateline, `--date` or config): the latest date a text
mentions does not say how much later it was written.

## Why is this bad?
"former" for an incumbent is one of the commonest corrections in news. It
usually comes from copy written before the person returned to office.

## Example
    (article dated 2026-01-13)
    Former Foreign Minister Toshimitsu Motegi told reporters on Friday ...

Use instead:
    Foreign Minister Toshimitsu Motegi told reporters on Friday ...

{_KNOWN_PROBLEMS_TABLE}""",
)

TITLE_AFTER_TERM = Rule(
    code="NL303",
    name="title-after-term-end",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="Title of an office the person had left by the article date",
    explanation=f"""\
## What it does
Flags a bare title ("President Joe Biden") when the offices table says every
term of the person in that office ended before the article's date. An
acting title ("acting President Han Duck-soo") is judged against the
person's acting terms; a qualified one ("Under Secretary", "Deputy Prime
Minister") is another office and is left alone. Qualifiers are words with
their case: the preposition in "under Prime Minister X" is no qualifier. "former",
"then-", "the late", a name followed by a verb of leaving office ("President X
has resigned"), quotations, sentences that name a year before the article's time
(a year in another clause is ignored when the title's own clause names a day:
"below the level of 2010, President X said on Thursday" is judged), and an
event of the term named by a possessive or before "of" ("President Barack
Obama's re-election", "the funeral of President X") are left alone. A monarch's
or pope's title stays with the holder in history: "the crypt of Pope John Paul
II" and "the King Fahd stadium" are left alone, and, once the reign ended more
than half a year before the article, so are "under King X", "built by Sultan
X" and "King X reigned for ..." in a sentence with no word of the present
("Thursday", "today", "will").

## Why is this bad?
A title is a claim about the present. After the handover, AP style and every
house style ask for "former" or, for past events, "then-".

## Example
    (article dated 2026-01-13)
    Prime Minister Shigeru Ishiba welcomed the agreement.

Use instead:
    Former Prime Minister Shigeru Ishiba welcomed the agreement.

{_KNOWN_PROBLEMS_TABLE}""",
)

TITLE_BEFORE_TERM = Rule(
    code="NL306",
    name="title-before-term-start",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="Title of an office the person had not yet taken on the article date",
    explanation=f"""\
## What it does
Flags a bare title ("Chancellor Friedrich Merz" in 2024) when every term of
the person in that office begins after the article's date, and the offices
table names someone else as its only holder on that date. It needs the
article's own date (`--date`, config, metadata, or a labelled timestamp line
such as "Updated ..." or "Published ..."): a date read from the first lines or
the latest date a text mentions may be one the article looks back to.
An office held by two people at once (San Marino's Captains Regent), a day the
table knows no holder for, the time between election and inauguration (see
NL301), "incoming", "future", "would-be" and the like before the title, an
indefinite article ("a President X ..."), "would" right after the name, a
conditional sentence ("if", "unless") and a sentence naming a later year are
left alone, as are
"former", "then-", quotations and the cases NL303 leaves alone.

## Why is this bad?
Copy that gives a person an office before they hold it has been rewritten
from later knowledge: a background paragraph updated with today's titles, a
date typed wrong, or a model that knows how the story ended. Each reader who
remembers who held the office that day stops trusting the rest.

## Example
    (article dated 2023-03-14)
    Prime Minister Keir Starmer told the Commons on Tuesday ...

Use instead:
    Labour leader Keir Starmer told the Commons on Tuesday ...

{_KNOWN_PROBLEMS_TABLE}A person who also held the office before the table's first day (2000 for most
countries) is reported with the first term the table knows; the finding holds
(the person was not in office on the article's date) but the message's start
date is only the table's.
""",
)

OFFICE_NOT_HELD = Rule(
    code="NL304",
    name="office-not-held",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="Title of an office or country the offices table does not give the person",
    explanation=f"""\
## What it does
Flags a title that names an office, or a country, that the offices table
never gives the person, while the table shows the person in another office on
the article's date: "Japanese President Sanae Takaichi", "South Korean Prime
Minister Lee Jae Myung".

## Why is this bad?
Swapped offices and country adjectives are classic slips in fast copy about
summits, where two leaders of different ranks share every sentence.

## Example
    (article dated 2026-01-13)
    South Korean Prime Minister Lee Jae Myung arrived in Nara.

Use instead:
    South Korean President Lee Jae Myung arrived in Nara.

{_KNOWN_PROBLEMS_TABLE}A person's other offices are unknown to the table unless listed; a title for
an office held at the same time but missing from the table is flagged. A
title that is also a courtesy style ("Prince William") is reported only for
people who held that office ("Monegasque Prince Hans-Adam II": he is
Liechtenstein's).
""",
)

CONFLICTING_TITLES = Rule(
    code="NL305",
    name="conflicting-titles",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="One person has conflicting titles in one article",
    explanation="""\
## What it does
Compares the titles one article gives one person, with or without the
offices table and the date. Reports a title that conflicts with the one the
article uses most: two different countries, two offices nobody holds at once
(President and Prime Minister of one country), or "-elect" beside the plain
title. Generic words ("leader", "official") are not titles; "former",
"then-" and quotations are left alone.

## Why is this bad?
The same person cannot be both; at least one mention is wrong, and readers
cannot tell which.

## Example
    Prime Minister Jane Doe opened the session.
    ...
    President Jane Doe left before the vote.

Use instead:
    Prime Minister Jane Doe opened the session.
    ...
    Prime Minister Jane Doe left before the vote.

## Known problems
Offices that may be held together ("Deputy Prime Minister and Foreign
Minister") never conflict; only those the offices pack marks `exclusive` do.
""",
)

HEADLINE_AFTER_BODY = Rule(
    code="NL310",
    name="headline-after-body",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="Headline comes after body text",
    explanation="""\
## What it does
Finds a title-like line (short, one sentence, capitalised, no terminal
punctuation) among the first paragraphs that follows body paragraphs and is
followed by body text sharing its vocabulary, and reports it as a headline
out of place. The body above it must be echoed by the body below (a teaser
or lede pasted above the headline): a subhead, caption, credit or byline
sits between unrelated paragraphs and is not a headline.

## Why is this bad?
Scrapers and CMS exports often put a teaser or standfirst above the headline.
Every tool that takes the first line as the title then gets body text, and
the reader meets the lede twice.

## Example
    TOKYO (AP) - Japan will host South Korea's president on Tuesday.
    Japan will host summit with South Korea to bolster ties
    TOKYO (AP) - Japan will host South Korea's president on Tuesday.

Use instead:
    Japan will host summit with South Korea to bolster ties
    TOKYO (AP) - Japan will host South Korea's president on Tuesday.

## Known problems
A teaser that shares few words with the lede below the headline is missed.
""",
)

HEADLINE_REPEATED = Rule(
    code="NL311",
    name="headline-repeated",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="Headline is repeated in the body",
    explanation="""\
## What it does
Flags a sentence of the body that repeats the headline word for word (after
folding case, quotes and dashes, and ignoring final punctuation). A whole
paragraph copy is left to NL501 when that rule is enabled.

## Why is this bad?
A page template that prints the title again above the text leaves it inside
the article when scraped, and every summary and index then reads it twice.

## Example
    Japan will host summit with South Korea

    Japan will host summit with South Korea. The meeting in Nara ...

Use instead:
    Japan will host summit with South Korea

    The meeting in Nara ...
""",
)

HEADLINE_FULL_STOP = Rule(
    code="NL312",
    unsafe_fixable=True,
    name="headline-full-stop",
    category=Category.TITLE,
    severity=Severity.INFO,
    summary="Headline ends with a full stop",
    explanation="""\
## What it does
Flags a full stop at the end of the headline. A first line ending with a full
stop counts as a headline only when it is set in headline case or followed
by a dateline, a byline or a timestamp, so a one-sentence lede is not
mistaken for one.

## Why is this bad?
News headlines take no full stop in English house styles; one usually means
the first sentence of the body was promoted to the title, or the other way
round.

## Example
    Japan Will Host Summit With South Korea.

    TOKYO (AP) — Japan will host ...

Use instead:
    Japan Will Host Summit With South Korea

    TOKYO (AP) — Japan will host ...

## Fix safety
Deleting the full stop is offered as an unsafe fix: the line may be a lede.
""",
)

_TABLE_RULES = (ELECT_AFTER_START, FORMER_FOR_INCUMBENT, TITLE_AFTER_TERM, OFFICE_NOT_HELD, TITLE_BEFORE_TERM)
_HEADLINE_RULES = (HEADLINE_AFTER_BODY, HEADLINE_REPEATED, HEADLINE_FULL_STOP)


@hookimpl
def newslint_rules() -> list[Rule]:
    return [*_TABLE_RULES, CONFLICTING_TITLES, *_HEADLINE_RULES]


@hookimpl
def newslint_packs() -> list[PackUse]:
    return [PackUse(OFFICES_KIND, parse_offices, rules=(*_TABLE_RULES, CONFLICTING_TITLES))]


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if ctx.any_enabled(*_TABLE_RULES, CONFLICTING_TITLES):
        table = load_offices(ctx)
        mentions = title_mentions(doc, table)
        # The date is read only when a mention names a person of the table: the rest are never judged.
        known = any(m.person is not None for m in mentions)
        date = article_date(doc, ctx) if known and ctx.any_enabled(*_TABLE_RULES) else None
        if date is not None:
            out.extend(table_checks(doc, ctx, table, mentions, date))
        if ctx.is_enabled(CONFLICTING_TITLES):
            reported = {d.start for d in out}
            out.extend(conflicting_titles(doc, table, [m for m in mentions if m.start not in reported]))
    if ctx.any_enabled(*_HEADLINE_RULES):
        headline = find_headline(doc)
        if headline is not None:
            out.extend(headline_checks(doc, ctx, headline))
    return out


# -- titles against the table ----------------------------------------------------------


def window(date: ArticleDate) -> tuple[dt.date, dt.date]:
    """The days the article may have been written: see the module's date policy."""
    if date.exact:
        return date.date - _SLACK, date.date + _SLACK
    return date.date - _INEXACT_WINDOW, date.date


def _dated(date: ArticleDate) -> str:
    return f"article dated {date.date} {date.source}"


def _style(table: OfficeTable, title: str) -> bool:
    """Whether ``title`` is also a courtesy style ("Prince"): only the person's own terms of it are judged."""
    t = table.titles.get(title)
    return t is not None and t.style


def _acting(term: Term) -> str:
    return "acting " if term.acting else ""


def _hedge(table: OfficeTable, terms: list[Term], lo: dt.date, hi: dt.date) -> str:
    """A caveat when the article may postdate what the table knows of the person, else ``""``.

    The person's terms are vouched for up to their packs' ``checked`` date
    (the table's "as of" date): a later article may follow a change the table
    does not know, such as a return to office. The office may be vouched for
    longer, by a later pack's open term (rules/offices/world-fresh.toml): no
    caveat when another person is the office's sole holder on every day the
    article may have been written (the person cannot have held it then), and
    the caveat's date is the last day a sole holder, from the person's own
    date on, is vouched for.
    """
    dates = [t.checked for t in terms if t.checked is not None]
    if not dates or hi <= min(dates):
        return ""
    person, known = terms[0].person, min(dates)
    offices = sorted({(t.office, t.country) for t in terms})
    holders = [table.sole_holder(office, country, lo, hi) for office, country in offices]
    if all(h is not None and h.person != person for h in holders):
        return ""
    # The table may know the office longer than the person's oldest pack: a sole holder (the person's
    # own open term, or another's) vouched for from that day on by a later pack.
    current = []
    for office, country in offices:
        h = table.sole_holder(office, country, known, known)
        later = h.known_until if h is not None else None
        if later is None or later <= known or table.sole_holder(office, country, known, later) is not h:
            later = known
        current.append(later)
    if hi <= min(current):
        return ""
    return (
        f" (but the article is later than the offices table, current to {min(current)}: "
        "a change since then may be missing)"
    )


def table_checks(
    doc: Document, ctx: Context, table: OfficeTable, mentions: list[TitleMention], date: ArticleDate
) -> Iterator[Diagnostic]:
    """NL301-NL304 and NL306 for every mention of a person the table knows."""
    lo, hi = window(date)
    for m in mentions:
        if m.person is None or m.then or m.quoted or m.qualified or _speaks_of_another_time(doc, m, lo, hi):
            continue
        terms = table.terms_of(m.person)
        same = [
            t
            for t in terms
            if table.same_office(m.title, t.office, t.country) and table.same_country(m.country, t.country)
        ]
        if m.acting:  # "acting President X": judged against the acting terms only
            same = [t for t in same if t.acting]
            if not same:
                continue  # the table knows no acting term of this office: nothing to compare
        if m.elect:
            if ctx.is_enabled(ELECT_AFTER_START):
                yield from _elect(doc, table, m, same, date, lo, hi)
        elif m.former:
            if ctx.is_enabled(FORMER_FOR_INCUMBENT) and date.exact:
                yield from _former(doc, table, m, same, date, lo, hi)
        elif not same:
            # A style ("Prince William") is no claim of an office, nor a title that names the office only in some
            # countries (Monaco's "Minister of State") of a person from elsewhere: judged only for its holders.
            if ctx.is_enabled(OFFICE_NOT_HELD) and (
                not (_style(table, m.title) or table.local(m.title))
                or any(table.same_office(m.title, t.office, t.country) for t in terms)
            ):
                yield from _not_held(doc, table, m, terms, date, lo, hi)
        elif (
            ctx.is_enabled(TITLE_AFTER_TERM)
            and not _names_an_event(doc, table, m)
            and not _departs(doc, table, m)
            and not _in_history(doc, table, m, same, lo)
        ):
            yield from _after_term(doc, table, m, same, date, lo, hi)
        if (
            same
            and not (m.elect or m.former)
            and ctx.is_enabled(TITLE_BEFORE_TERM)
            and date.exact
            and not date.inferred
        ):
            yield from _before_term(doc, table, m, same, date, lo, hi)


def _elect(
    doc: Document, table: OfficeTable, m: TitleMention, same: list[Term], date: ArticleDate, lo: dt.date, hi: dt.date
) -> Iterator[Diagnostic]:
    if any(t.elect_overlaps(lo, hi) for t in same):
        return
    begun = [t for t in same if t.start <= hi]
    t = max(begun, key=lambda t: t.start) if begun else None
    if t is not None and t.start < lo:  # the latest term had begun before every day of the window
        yield doc.diagnostic(
            ELECT_AFTER_START,
            m.start,
            m.end,
            f"{t.person} took office as {table.styled(t.country, t.office)} on {t.start}; "
            f'{_dated(date)} still says "{m.title_text}"{_hedge(table, same, lo, hi)}',
            suggestion=f'Write "{_without_suffix(m.title_text)}"' if m.title_text[-1:].isalpha() else None,
        )


def _without_suffix(title_text: str) -> str:
    """ "President-elect" -> "President", "Prime Minister-designate" -> "Prime Minister"."""
    head, _, _ = title_text.rpartition("-")
    return head or title_text


def _former(
    doc: Document, table: OfficeTable, m: TitleMention, same: list[Term], date: ArticleDate, lo: dt.date, hi: dt.date
) -> Iterator[Diagnostic]:
    holding = [t for t in same if t.covers(lo, hi)]
    if holding:
        t = holding[0]
        yield doc.diagnostic(
            FORMER_FOR_INCUMBENT,
            m.lead,
            m.end,
            f'"former" {m.title_text}: {t.person} has been {_acting(t)}{table.styled(t.country, t.office)} since {t.start}, '
            f"and the {_dated(date)}",
            suggestion='Delete "former"',
        )


def _after_term(
    doc: Document, table: OfficeTable, m: TitleMention, same: list[Term], date: ArticleDate, lo: dt.date, hi: dt.date
) -> Iterator[Diagnostic]:
    if any(t.overlaps(lo, hi) or t.elect_overlaps(lo, hi) for t in same):
        return
    ended = [t for t in same if t.end is not None and t.end < lo]
    if ended:
        t = max(ended, key=lambda t: t.start)
        yield doc.diagnostic(
            TITLE_AFTER_TERM,
            m.start,
            m.end,
            f"{t.person} left office as {_acting(t)}{table.styled(t.country, t.office)} on {t.end}; "
            f'{_dated(date)} still says "{"acting " if m.acting else ""}{m.written}"{_hedge(table, same, lo, hi)}',
            suggestion=f'Write "former {m.title_text}", or "then-{m.title_text}" for past events',
        )


def _before_term(
    doc: Document, table: OfficeTable, m: TitleMention, same: list[Term], date: ArticleDate, lo: dt.date, hi: dt.date
) -> Iterator[Diagnostic]:
    if any(t.start <= hi or t.elect_overlaps(lo, hi) for t in same):
        return  # in office, or elected, on some day the article may have been written
    if _names_an_event(doc, table, m) or _prospective(doc, table, m) or _conditional(doc, m, hi):
        return
    first = min(same, key=lambda t: t.start)
    holder = table.sole_holder(first.office, first.country, lo, hi)
    if holder is None or holder.person == first.person:
        return
    styled = table.styled(first.country, first.office)
    yield doc.diagnostic(
        TITLE_BEFORE_TERM,
        m.start,
        m.end,
        f'"{"acting " if m.acting else ""}{m.written}" before the term: the offices table has {holder.person} as '
        f"{_acting(holder)}{table.styled(holder.country, holder.office)} then, and {first.person} as "
        f"{_acting(first)}{styled} only from {first.start}; {_dated(date)}",
        suggestion="Give the title the person held on the article's date",
    )


# A word, hyphenated or not, right before a mention ("incoming", "would-be").
_WORD_BEFORE_LEAD = lazy_compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)[ \t\u00a0]+$")
_INDEFINITE = frozenset(["a", "an"])
# Words that make a sentence a condition ("if she wins"), and "would" right after the name ("President X
# would scrap it"): a title there may be one to come. A "would" further on is mostly reported speech.
_CONDITIONAL = frozenset(["if", "unless", "whether"])
_WOULD_NEXT = lazy_compile(r"[ \t\u00a0]+would\b")


def _prospective(doc: Document, table: OfficeTable, m: TitleMention) -> bool:
    """ "incoming Prime Minister X", "a President X would ...": the title is one still to come."""
    before = _WORD_BEFORE_LEAD.search(doc.text, max(0, m.lead - 40), m.lead)
    word = before.group(1).casefold() if before else ""
    inside = doc.text[m.lead : m.start].casefold().split()
    return word in table.prospective or word in _INDEFINITE or any(w in table.prospective for w in inside)


def _conditional(doc: Document, m: TitleMention, hi: dt.date) -> bool:
    """Whether the mention's sentence is a condition or names a later year ("if she wins", "by 2030")."""
    if _WOULD_NEXT.match(doc.text, m.end):
        return True
    sentence = doc.sentence_at(m.start)
    if sentence is None:
        return False
    for token in doc.tokens_between(sentence.start, sentence.end):
        text = token.text.casefold()
        if token.kind is TokenKind.WORD and text in _CONDITIONAL:
            return True
        if token.kind is TokenKind.NUMBER and any(year > hi.year for year in _years(text)):
            return True
    return False


def _not_held(
    doc: Document, table: OfficeTable, m: TitleMention, terms: list[Term], date: ArticleDate, lo: dt.date, hi: dt.date
) -> Iterator[Diagnostic]:
    holding = [t for t in terms if t.covers(lo, hi)]
    if holding:
        t = holding[0]
        styled = table.styled(t.country, t.office)
        yield doc.diagnostic(
            OFFICE_NOT_HELD,
            m.start if m.country is None else m.lead,
            m.end,
            f'{t.person} is {_acting(t)}{styled} (since {t.start}), never "{m.written}" in the offices table; {_dated(date)}',
            suggestion=f'Use "{styled}"',
        )


# A possessive and the one or two words after it ("'s re-election", "'s long reign", "'s 12-year papacy").
_POSSESSIVE_NEXT = lazy_compile(
    r"['\u2019]s?\s+([^\W_]+(?:[-\u2010\u2011][^\W\d_]+)?)(?:[ \t\u00a0]+([^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)?))?"
)


# The word before "of" and the mention ("the funeral of President X"); the mention's lead is right after.
_OF_BEFORE = lazy_compile(r"([^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)?)\s+of\s+(?:the\s+)?$")


def _names_an_event(doc: Document, table: OfficeTable, m: TitleMention) -> bool:
    """ "President Barack Obama's re-election", "the funeral of President X": the title speaks of that event's time."""

    def event(word: str) -> bool:
        return word.casefold().replace("\u2010", "-").replace("\u2011", "-") in table.events

    found = _POSSESSIVE_NEXT.match(doc.text, m.end)
    if found is not None:  # the noun, or an adjective and the noun ("'s long reign")
        # "the funeral of President X's mentor" is the mentor's
        return event(found.group(1)) or (found.group(2) is not None and event(found.group(2)))
    before = _OF_BEFORE.search(doc.text, max(0, m.lead - 40), m.lead)
    return before is not None and event(before.group(1))


# The word right before a mention's lead, and the words after its end.
_WORD_BEFORE = lazy_compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_NAME_REST = lazy_compile(r"[ \t\u00a0]+([^\W\d_]+(?:-[^\W\d_]+)*)")
_WORDS_AFTER = lazy_compile(r"[ \t\u00a0]*,?[ \t\u00a0]*([^\W\d_]+)")
# Prepositions that make a monarch or pope the frame of a period ("under King X", "during Pope Y's visits",
# "built by Sultan Z"): historical unless the sentence is tied to the article's present.
_FRAMING = frozenset(["under", "during", "by"])
# Words between a name and its verb ("King X, who later ruled", "King X had ruled").
_BEFORE_VERB = frozenset(["who", "had", "also", "later", "then", "once", "first", "famously", "long", "never"])
# English irregular simple pasts (a closed class): with "-ed" forms, the verb of a past frame.
_IRREGULAR_PAST = frozenset([
    "was", "were", "became", "began", "bore", "brought", "built", "chose", "came", "drew", "drove", "fled", "flew",
    "fought", "gave", "grew", "held", "hid", "kept", "knew", "laid", "led", "left", "lent", "lost",
    "made", "meant", "met", "oversaw", "paid", "ran", "rode", "rose", "said", "sat", "saw", "sent", "set", "shook",
    "slept", "sold", "sought", "spent", "spoke", "stood", "struck", "swore", "taught", "thought", "threw", "told",
    "took", "understood", "won", "wore", "wrote",
])  # fmt: skip

# Words that tie a sentence to the article's present or future, where a past frame does not hold.
_PRESENT_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                           "tonight", "yesterday"])  # fmt: skip
_PRESENT = _PRESENT_DAYS | {"tomorrow", "now", "currently", "will", "shall"}

_THIS_NEXT = lazy_compile(r"\b(?:this|next)\s+(?:week|month|year|weekend)\b", re.IGNORECASE)


def _in_history(doc: Document, table: OfficeTable, m: TitleMention, same: list[Term], lo: dt.date) -> bool:
    """Whether a title is named in a frame of the past: a monarch's or pope's stays the name.

    History keeps calling a king a king ("the crypt of Pope John Paul II",
    "King Bhumibol reigned for seven decades", "under Sultan Qaboos"), so a
    regnal title is no claim of the present when it is the object of "of" or
    names a thing ("the King Fahd stadium"). When the reign ended more than
    half a year before the article (``_HISTORY``), it is no claim either in a
    sentence with no word of the present ("on Monday", "today", "will") after
    "under", "during" or "by", or as the subject of a past-tense verb. Closer
    to the end of the reign a past tense more likely reports the last acts of
    it, or comes from copy written before the news. "Pope Francis will visit"
    and "Grand Duke Henri opened the line on Thursday" stay claims of the
    article's time.

    Any other title is history only as the object of "of" in such a sentence
    ("the movement that questioned the citizenship of President Barack
    Obama", years after his term): "a statement of President X on Monday"
    stays a claim.
    """
    title = table.titles.get(m.title)
    regnal = title is not None and title.regnal
    if _POSSESSIVE_NEXT.match(doc.text, m.end):
        return False  # "King X's ...": a possessive, judged by its noun (_names_an_event)
    before = _WORD_BEFORE.search(doc.text, max(0, m.lead - 20), m.lead)
    word = before.group(1).casefold() if before else ""
    if regnal and (word == "of" or (word == "the" and m.lead == m.start and _names_a_thing(doc, table, m))):
        return True  # "the remains of Pope X"; "the King X stadium" names a thing after the person
    ended = [t.end for t in same if t.end is not None]
    sentence = doc.sentence_at(m.start)
    if sentence is None or not ended or lo - max(ended) <= _HISTORY:
        return False
    text = doc.text[sentence.start : sentence.end]
    if _THIS_NEXT.search(text) or any(
        t.text.casefold() in _PRESENT for t in doc.tokens_between(sentence.start, sentence.end)
    ):
        return False
    if not regnal:
        return word == "of"
    if word in _FRAMING:
        return True
    pos = _past_the_name(doc, m.end, sentence.end)
    for _ in range(3):  # the verb, past "who" and an auxiliary or adverb or two
        found = _WORDS_AFTER.match(doc.text, pos, sentence.end)
        if found is None:
            return False
        verb, pos = found.group(1), found.end(1)
        if verb.casefold() not in _BEFORE_VERB:
            return verb.islower() and (verb in _IRREGULAR_PAST or (len(verb) > 4 and verb.endswith("ed")))
    return False


def _past_the_name(doc: Document, pos: int, end: int) -> int:
    """Where the name that ends the mention at ``pos`` really ends.

    The mention may stop at the short name or at the table's spelling ("King
    Qaboos" of "King Qaboos bin Said", "Emir Sabah Al-Ahmad" of "... Al-Jaber
    Al-Sabah"): capitalised words, and a short lowercase particle before one,
    still belong to it.
    """
    for _ in range(4):
        found = _NAME_REST.match(doc.text, pos, end)
        if found is None:
            break
        word = found.group(1)
        if not word[0].isupper():
            after = _NAME_REST.match(doc.text, found.end(), end)
            if len(word) > 4 or after is None or not after.group(1)[0].isupper():
                break
        pos = found.end()
    return pos


def _names_a_thing(doc: Document, table: OfficeTable, m: TitleMention) -> bool:
    """ "the King Fahd stadium", "the Sultan Qaboos Grand Mosque": a noun follows, not a verb ("the Emir X said").

    A capitalised word that is no part of the person's names starts the
    thing's name ("Grand Mosque", "Conference Centre"); a lowercase word must
    not look like a verb.
    """
    person = table.people.get(m.person or "")
    own = {w for name in person.names for w in name.split()} if person else set()
    sentence = doc.sentence_at(m.start)
    end = sentence.end if sentence is not None else len(doc.text)
    pos = m.end
    for _ in range(4):
        found = _NAME_REST.match(doc.text, pos, end)
        if found is None:
            return False
        word = found.group(1)
        if word[0].isupper() and word not in own:
            return True
        if not (word in own or pos < _past_the_name(doc, pos, end)):
            break
        pos = found.end()
    else:
        return False
    return not (word in _IRREGULAR_PAST or word.endswith(("ed", "s")) or word in _PRESENT or word in _BEFORE_VERB)


# Words that may stand between a name and the verb of its departure ("has formally resigned").
_BEFORE_DEPARTURE = frozenset(["has", "had", "have", "was", "is", "been", "be", "will", "would", "formally",
                               "officially", "abruptly", "finally", "suddenly", "later", "then", "just", "also",
                               "reportedly", "apparently"])  # fmt: skip
_NEXT_WORD = lazy_compile(r"[ \t\u00a0]*([^\W\d_]+)")


def _departs(doc: Document, table: OfficeTable, m: TitleMention) -> bool:
    """Whether the name is the subject of a verb of leaving office ("President X has resigned").

    The title is then the one held up to that event, written close to it.
    The verb must follow the name (auxiliaries and a few adverbs between):
    in "a Prime Minister Rishi Sunak aide resigned" the aide resigned.
    """
    if not table.departures:
        return False
    words: list[str] = []
    pos = m.end
    while len(words) < 5:
        found = _NEXT_WORD.match(doc.text, pos)
        if found is None:
            break
        words.append(found.group(1).casefold())
        pos = found.end(1)
    for k, word in enumerate(words):
        if word in table.departures or " ".join(words[k : k + 2]) in table.departures:
            return True
        if word not in _BEFORE_DEPARTURE:
            return False
    return False


# What ends a clause within a sentence: a comma, semicolon, colon, a dash or a bracket.
_CLAUSE_BREAK = lazy_compile(r"[,;:()\u2013\u2014]|\s-\s")


def _after_the(text: str, at: int) -> bool:
    """Whether "the" stands right before ``at``: a year there names a thing ("the 1972 treaty")."""
    words = text[max(0, at - 12) : at].split()
    return bool(words) and words[-1].casefold() == "the" and text[at - 1 : at].isspace()


def _speaks_of_another_time(doc: Document, m: TitleMention, lo: dt.date, hi: dt.date) -> bool:
    """Whether the mention's sentence names a year before the article's window ("in 2017").

    A year in another clause than the mention does not date it when the
    mention's own clause names a day of the article's present: in "Exports are
    below their level of 2010, President X told reporters on Thursday" the
    title is written on Thursday. Nor, then, does a year after "the" that
    names a thing ("talks on Sunday on the 1972 treaty").
    """
    sentence = doc.sentence_at(m.start)
    if sentence is None:
        return False
    lo_clause, hi_clause = _clause(doc, sentence.start, sentence.end, m)
    present = any(t.text.casefold() in _PRESENT_DAYS for t in doc.tokens_between(lo_clause, hi_clause))
    for token in doc.tokens_between(sentence.start, sentence.end):
        if token.kind is not TokenKind.NUMBER:
            continue
        if present and (not lo_clause <= token.start < hi_clause or _after_the(doc.text, token.start)):
            continue
        # a later year ("the 2035 target") leaves the title a present claim
        if any(year < lo.year for year in _years(token.text)):
            return True
    return False


def _years(number: str) -> list[int]:
    """The years 1900-2099 a number token writes ("2017", "2014-2016", "2014\u20132016")."""
    parts = number.replace("\u2013", "-").split("-")
    return [int(p) for p in parts if len(p) == 4 and p.isdigit() and 1900 <= int(p) <= 2099]


def _clause(doc: Document, start: int, end: int, m: TitleMention) -> tuple[int, int]:
    """The span of the clause of ``[start, end)`` (a sentence) that holds the mention."""
    lo = start
    for found in _CLAUSE_BREAK.finditer(doc.text, start, m.lead):
        lo = found.end()
    after = _CLAUSE_BREAK.search(doc.text, m.end, end)
    return lo, after.start() if after else end


# -- consistency within the article ------------------------------------------------------------


def conflicting_titles(doc: Document, table: OfficeTable, mentions: list[TitleMention]) -> Iterator[Diagnostic]:
    """NL305: mentions whose title conflicts with the title the article gives the person most."""
    groups: dict[str, list[TitleMention]] = {}
    for m in mentions:
        if m.key and not (m.former or m.then or m.quoted or m.qualified or m.acting or _style(table, m.title)):
            groups.setdefault(m.key, []).append(m)
    for group in groups.values():
        if len(group) < 2:
            continue
        offices = Counter((_canonical(table, m.title), m.elect) for m in group)
        office, elect = max(offices, key=lambda k: (offices[k], -_first_index(group, table, k)))
        countries = Counter(m.country for m in group if _national(table, m.country))
        country = (
            max(countries, key=lambda c: (countries[c], -next(i for i, g in enumerate(group) if g.country == c)))
            if countries
            else None
        )
        reference = next(m for m in group if (_canonical(table, m.title), m.elect) == (office, elect))
        for m in group:
            why = _conflict(table, m, office, elect, country)
            if why is None:
                continue
            other = reference if why == "office" else next(g for g in group if g.country == country)
            line = doc.position(other.start)[0]
            who = m.person or max((g.name for g in group), key=len)
            yield doc.diagnostic(
                CONFLICTING_TITLES,
                m.start if why == "office" else m.lead,
                m.end,
                f'{who} is called "{m.written}" here and "{other.written}" at line {line}',
                suggestion='Give one person one title, or mark a past office with "former" or "then-"',
            )


def _canonical(table: OfficeTable, title: str) -> str:
    t = table.titles.get(title)
    return min({title, *(t.equivalent if t else ())})


def _first_index(group: list[TitleMention], table: OfficeTable, key: tuple[str, bool]) -> int:
    return next(i for i, m in enumerate(group) if (_canonical(table, m.title), m.elect) == key)


def _national(table: OfficeTable, country: str | None) -> bool:
    c = table.countries.get(country) if country else None
    return c is not None and not c.organization


def _conflict(table: OfficeTable, m: TitleMention, office: str, elect: bool, country: str | None) -> str | None:
    if country is not None and _national(table, m.country) and m.country != country:
        return "country"
    mine = _canonical(table, m.title)
    if mine == office:
        return "office" if m.elect != elect else None
    a, b = table.titles.get(m.title), table.titles.get(office)
    if a and b and a.exclusive and b.exclusive:
        return "office"
    return None


# -- the headline ---------------------------------------------------------------------------


def headline_checks(doc: Document, ctx: Context, headline: Headline) -> Iterator[Diagnostic]:
    """NL310-NL312 for the article's headline."""
    if headline.after is not None and ctx.is_enabled(HEADLINE_AFTER_BODY):
        yield doc.diagnostic(
            HEADLINE_AFTER_BODY,
            headline.start,
            headline.end,
            f"Headline-like line comes after the body text of line {headline.after.line}; a headline opens the article",
            suggestion="Move the headline to the top, above the body",
        )
    if headline.full_stop is not None and ctx.is_enabled(HEADLINE_FULL_STOP):
        yield doc.diagnostic(
            HEADLINE_FULL_STOP,
            headline.full_stop,
            headline.full_stop + 1,
            "Headline ends with a full stop",
            suggestion="Delete the full stop",
            unsafe_fix=[Edit(headline.full_stop, headline.full_stop + 1, "")],
        )
    if ctx.is_enabled(HEADLINE_REPEATED):
        yield from _repeated(doc, ctx, headline)


def _bare(text: str) -> str:
    return fold(text).rstrip(" .!?\u2026")


def _repeated(doc: Document, ctx: Context, headline: Headline) -> Iterator[Diagnostic]:
    target = _bare(doc.text[headline.start : headline.end])
    own = fold(doc.paragraph_text(headline.paragraph))  # ``Document.paragraph_fingerprints``, for two paragraphs
    for sentence in doc.sentences:
        if sentence.paragraph == headline.paragraph.index or _bare(doc.sentence_text(sentence)) != target:
            continue
        para = doc.paragraphs[sentence.paragraph]
        if ctx.is_enabled(DUPLICATE_PARAGRAPH.code) and fold(doc.paragraph_text(para)) == own:
            continue  # a whole-paragraph copy: NL501 reports it
        yield doc.diagnostic(
            HEADLINE_REPEATED,
            sentence.start,
            sentence.end,
            f"Sentence repeats the headline of line {headline.paragraph.line}",
            suggestion="Delete the repeated headline",
        )
