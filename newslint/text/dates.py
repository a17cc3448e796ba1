"""Dates in news text: explicit date mentions, and the article's own date.

Date-dependent rules (titles against terms of office, weekday against date)
need two things: every explicit date the text states, with its span, and the
date the article was written. ``find_dates`` gives the first; ``article_date``
gives the second, always saying where it came from, because a rule's message
must say which date it used.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from newslint.model.document import Document
from newslint.plugin.context import Context
from newslint.text.lazy_re import lazy_compile

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "ArticleDate",
    "DateMention",
    "article_date",
    "document_dates",
    "find_dates",
    "nearest_date",
]

#: Month names and the abbreviations agencies use (AP: Jan. Feb. Aug. Sept. Oct. Nov. Dec.).
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
#: Weekday names (and abbreviations) to ``date.weekday()`` numbers.
WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?),?\s+(?:the\s+)?)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
# "Tuesday, Jan. 14, 2026", "January 13-14, 2026", "Jan. 14".
# Each starts with a lookahead for its possible first characters (a weekday's or
# month's capital, or a digit), which finds the same matches with less backtracking.
_MONTH_DAY = lazy_compile(
    rf"(?=[JFMASONDTW])(?<![\w-]){_WEEKDAY}{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?P<range>\s*[-\u2013]\s*[0-3]?\d)?(?!\d){_YEAR}(?![\w-])"
)
# "Tuesday, 14 January 2026", "14 Jan 2026", "13-14 January".
_DAY_MONTH = lazy_compile(
    rf"(?=[MTWFS]|\d)(?<![\w-]){_WEEKDAY}(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?P<range>\s*[-\u2013]\s*[0-3]?\d)?\s+(?:of\s+)?{_MONTH}{_YEAR}(?![\w-])"
)
# A weekday after the date: "Jan. 13 (Tuesday)", "13 January, a Tuesday,".
_DAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_AFTER = lazy_compile(rf"\s*\(\s*(?P<bracketed>{_DAY_NAMES})\s*\)|,\s+a\s+(?P<apposed>{_DAY_NAMES})(?![\w-])")
# A weekday before a date in brackets: "Tuesday (Jan. 13)"; the date must be followed by ")".
_WEEKDAY_BEFORE = lazy_compile(rf"(?P<weekday>{_DAY_NAMES})\s*\(\s*$")
_CLOSE_AFTER = lazy_compile(r"\s*\)")
# "2026-01-13", also inside "2026-01-13T19:58Z" and "Update: 2026-01-13 19:58 GMT".
# The lookbehind (no digit or hyphen before the year) sits after "19"/"20", so that the
# pattern starts with literal digits the regex engine can scan for; it finds the same matches.
_ISO = lazy_compile(r"(?P<year>(?:19|20)(?<![\d-]..)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-]\d)")
# A line that labels the article's own timestamp.
_LABEL = lazy_compile(
    r"^\W*(?:last\s+)?(?:update[ds]?|published|posted|first\s+published|date|dated|created|modified)(?:\s+(?:on|at))?\s*[:\-\u2013\u2014]?\s",
    re.IGNORECASE,
)
# How far from the top a dateline or timestamp may sit, in non-blank lines.
_TOP_LINES = 5
# How far a labelled timestamp may sit from the top or the bottom, in lines.
_LABEL_LINES = 15


@dataclass(frozen=True)
class DateMention:
    """An explicit date in the text.

    ``date`` is ``None`` when the text gives no year (``year_given`` False) and
    no default year was supplied, or when the day does not exist. ``weekday`` is
    the stated weekday (0 = Monday) with its span, if the text names one.
    """

    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None
    year_given: bool
    date: dt.date | None
    weekday: int | None = None
    weekday_start: int | None = None
    weekday_end: int | None = None
    is_range: bool = False


def _month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def find_dates(text: str, *, default_year: int | None = None, offset: int = 0) -> list[DateMention]:
    """Every explicit date in ``text``, in order, with spans shifted by ``offset``.

    Args:
        text: Text to search (a document, or a slice of one).
        default_year: Year assumed when the text gives none (the article's year).
        offset: Added to every span, for slices.
    """
    found: list[DateMention] = []
    # The spans taken so far, sorted; they never overlap, so the only one that
    # can overlap a match is the last one starting before the match ends.
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    for pattern in (_MONTH_DAY, _DAY_MONTH, _ISO):
        for m in pattern.finditer(text):
            k = bisect.bisect_left(taken_starts, m.end())
            if k and taken_ends[k - 1] > m.start():
                continue
            groups = m.groupdict()
            month = _month_number(groups["month"]) if not groups["month"].isdigit() else int(groups["month"])
            day = int(groups["day"])
            year_given = groups.get("year") is not None
            year = int(groups["year"]) if year_given else default_year
            try:
                date = dt.date(year, month, day) if year is not None else None
            except ValueError:
                date = None
            weekday = groups.get("weekday")
            weekday_span = (m.start("weekday"), m.end("weekday")) if weekday else None
            if weekday is None and pattern is not _ISO:
                weekday, weekday_span = _weekday_beside(text, m.start(), m.end())
            taken_starts.insert(k, m.start())
            taken_ends.insert(k, m.end())
            found.append(
                DateMention(
                    start=offset + m.start(),
                    end=offset + m.end(),
                    text=m.group(),
                    month=month,
                    day=day,
                    year=year,
                    year_given=year_given,
                    date=date,
                    weekday=WEEKDAYS[weekday.rstrip(".").lower()] if weekday else None,
                    weekday_start=offset + weekday_span[0] if weekday_span else None,
                    weekday_end=offset + weekday_span[1] if weekday_span else None,
                    is_range=bool(groups.get("range")),
                )
            )
    found.sort(key=lambda d: d.start)
    return found


def document_dates(doc: Document) -> list[DateMention]:
    """``find_dates(doc.text)``, computed once per document (do not modify the list)."""
    return doc.memo("dates.document", lambda: find_dates(doc.text))


def _weekday_beside(text: str, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """A weekday in brackets after the date, after it as ", a Tuesday", or before it as "Tuesday (Jan. 13)"."""
    after = _WEEKDAY_AFTER.match(text, end)
    if after:
        group = "bracketed" if after.group("bracketed") else "apposed"
        return after.group(group), (after.start(group), after.end(group))
    before = _WEEKDAY_BEFORE.search(text, max(0, start - 20), start)
    if before and _CLOSE_AFTER.match(text, end):
        return before.group("weekday"), (before.start("weekday"), before.end("weekday"))
    return None, None


def nearest_date(month: int, day: int, around: dt.date) -> dt.date | None:
    """The date with this month and day closest to ``around`` (its year, the year before or after).

    For a date the text gives without a year: "Dec. 30" in an article of
    2026-01-05 is 2025-12-30. ``None`` when the day exists in none of them.
    """
    candidates = []
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - around).days)) if candidates else None


@dataclass(frozen=True)
class ArticleDate:
    """The date an article was written, and where newslint found it.

    ``source`` reads well after "dated 2026-01-13 ", e.g. "(from --date)" or
    "(from line 3: 'Update: 2026-01-13 19:58 GMT')". ``exact`` is False when the
    date is only the latest date the text mentions: a bound, not a timestamp.
    """

    date: dt.date
    source: str
    exact: bool = True
    inferred: bool = False  # guessed from a date the text mentions, not a timestamp, --date or metadata


def article_date(doc: Document, ctx: Context) -> ArticleDate | None:
    """The article's date: ``--date``/config, then front matter or dataset field, then the text.

    From the text, in order: a labelled timestamp line ("Updated: ...",
    "Published ...") near the top or bottom; a full date in the first lines (a
    dateline); else the latest full date the text mentions (``exact=False``).
    ``None`` when there is no full date at all.
    """
    if ctx.date is not None:
        return ArticleDate(ctx.date, "(from --date or config)")
    return doc.memo("article_date", lambda: _date_from_document(doc))


def _date_from_document(doc: Document) -> ArticleDate | None:
    meta = doc.meta.get("date") or _front_matter_date(doc.text)
    if meta:
        mentions = find_dates(str(meta))
        if mentions and mentions[0].date:
            return ArticleDate(mentions[0].date, "(from the article's metadata)")
    return _date_from_text(doc)


def _date_from_text(doc: Document) -> ArticleDate | None:
    lines = [line for line in doc.lines if doc.text[line.start : line.end].strip()]
    edge = lines[:_LABEL_LINES] + lines[-_LABEL_LINES:]
    for line in edge:
        text = doc.text[line.start : line.end]
        if _LABEL.match(text):
            dated = [day for m in find_dates(text) if (day := m.date) and m.year_given]
            if dated:
                return ArticleDate(dated[0], f"(from line {line.number}: {_quote(text)})")
    for line in lines[:_TOP_LINES]:
        text = doc.text[line.start : line.end]
        found = [(day, m) for m in find_dates(text[:200]) if (day := m.date) and m.year_given]
        if found:
            return ArticleDate(found[0][0], f"(from line {line.number}: {_quote(found[0][1].text)})", inferred=True)
    every = [(day, m) for m in document_dates(doc) if (day := m.date) and m.year_given]
    if not every:
        return None
    day, latest = max(every, key=lambda pair: pair[0])
    number = doc.position(latest.start)[0]
    return ArticleDate(
        day, f"(the latest date in the text, line {number}: {_quote(latest.text)})", exact=False, inferred=True
    )


_FRONT_MATTER = lazy_compile(r"\A---\r?\n(.*?)\r?\n---\r?\n", re.DOTALL)
_FRONT_DATE = lazy_compile(r"^(?:date|published|pubdate)\s*:\s*['\"]?([^'\"\r\n]+)", re.MULTILINE | re.IGNORECASE)


def _front_matter_date(text: str) -> str | None:
    m = _FRONT_MATTER.match(text)
    if not m:
        return None
    field = _FRONT_DATE.search(m.group(1))
    return field.group(1).strip() if field else None


def _quote(text: str, limit: int = 60) -> str:
    text = text.strip()
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"
