"""Weekday against date (NL620): "Tuesday, Jan. 14, 2026" when that day is a Wednesday."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from newslint import Category, Context, Diagnostic, Document, Rule, Severity, hookimpl
from newslint.text.dates import ArticleDate, DateMention, article_date, document_dates, nearest_date

WEEKDAY_DATE_MISMATCH = Rule(
    code="NL620",
    name="weekday-date-mismatch",
    category=Category.USAGE,
    severity=Severity.ERROR,
    summary="Weekday named with a date falls on another day",
    explanation="""\
## What it does
Checks a weekday that directly qualifies a date against the calendar:
"Tuesday, Jan. 14, 2026", "on Tuesday, Jan. 13", "Tuesday 13 January",
"Jan. 13 (Tuesday)", "Tuesday (Jan. 13)" and "13 January, a Tuesday". When the
text leaves the year out, the date is judged in the article's own year: the
year of the article date (`--date`, the `date` config key, front matter, a
timestamp line or the dateline). A date near New Year that fits either the
article's year or the nearest year ("Dec. 30" in an article of 5 January) is
not reported. The message
says which date it used.

A weekday and a date that are merely in the same sentence are not paired:
"on Tuesday, ahead of the Jan. 20 deadline" names two different days.

## Why is this bad?
One of the two is wrong, and a reader cannot tell which: a factual error
that a correction will have to fix. It often comes from updating a date in a
rewritten story and forgetting the weekday, or the reverse.

## Example
    The summit opens on Tuesday, Jan. 14, 2026.

Use instead:
    The summit opens on Wednesday, Jan. 14, 2026.

## Known problems
When the year is inferred and doubtful, the pair is not checked: with no
article date, when the article date is only the latest date the text
mentions, and when the year was read from a line of the text and the weekday
would fit the year before or after.
""",
)

_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@hookimpl
def newslint_rules() -> list[Rule]:
    return [WEEKDAY_DATE_MISMATCH]


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    return list(weekday_mismatches(doc, article_date(doc, ctx)))


def _resolve(mention: DateMention, anchor: ArticleDate | None) -> tuple[dt.date | None, str]:
    """The date meant, and how its year was found ("" when the text gives it).

    A date without a year is judged against the article's own year only, and
    only when that year is sure: ``None`` when there is no article date, when
    it is merely the latest date the text mentions, when it was read from the
    text and the weekday would fit the year before or after (the article may be
    older or newer than that line says), and when the date lies so near New
    Year that the article's year and the nearest year disagree on it.
    """
    if mention.year_given:
        return mention.date, ""
    if anchor is None or not anchor.exact:
        return None, ""
    try:
        date = dt.date(anchor.date.year, mention.month, mention.day)
    except ValueError:
        return None, ""
    nearest = nearest_date(mention.month, mention.day, anchor.date)
    if nearest is not None and nearest != date:
        if nearest.weekday() == mention.weekday or date.weekday() == mention.weekday:
            return None, ""  # "Dec. 30" in an article of 5 January: which year is meant is unsure
        date = nearest  # neither fits: name the date the reader most likely has in mind
    if anchor.inferred:
        for year in (date.year - 1, date.year + 1):
            try:
                if dt.date(year, mention.month, mention.day).weekday() == mention.weekday:
                    return None, ""  # the year is a guess, and another guess would fit
            except ValueError:
                continue
    return date, f" (year {date.year} taken from the article date {anchor.date.isoformat()} {anchor.source})"


def weekday_mismatches(doc: Document, anchor: ArticleDate | None) -> Iterator[Diagnostic]:
    """Date mentions whose stated weekday is not the date's weekday (NL620)."""
    for mention in document_dates(doc):
        if mention.weekday is None or mention.weekday_start is None or mention.weekday_end is None:
            continue
        date, how = _resolve(mention, anchor)
        if date is None or date.weekday() == mention.weekday:
            continue
        stated = doc.text[mention.weekday_start : mention.weekday_end]
        actual = _WEEKDAY_NAMES[date.weekday()]
        start = min(mention.start, mention.weekday_start)
        end = max(mention.end, mention.weekday_end)
        yield doc.diagnostic(
            WEEKDAY_DATE_MISMATCH,
            start,
            end,
            f'"{stated}" does not match {date:%B} {date.day}, {date.year}, a {actual}{how}',
            suggestion=f'Write "{actual}", or correct the date',
        )
