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
text leaves the year out, the year comes from the article date (`--date`,
the `date` config key, front matter, a timestamp line or the dateline): the
date of that month and day nearest the article date, so "Dec. 30" in an
article of 5 January is last year's. The message says which date it used.

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
Without a year in the text and with no article date, the pair is not checked.
When the article date is only the latest date the text mentions, a pair that
would match in the year before or after is not reported.
""",
)

_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@hookimpl
def newslint_rules() -> list[Rule]:
    return [WEEKDAY_DATE_MISMATCH]


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    if not ctx.is_enabled(WEEKDAY_DATE_MISMATCH):
        return []
    return list(weekday_mismatches(doc, article_date(doc, ctx)))


def _resolve(mention: DateMention, anchor: ArticleDate | None) -> tuple[dt.date | None, str]:
    """The date meant, and how its year was found ("" when the text gives it)."""
    if mention.year_given:
        return mention.date, ""
    if anchor is None:
        return None, ""
    date = nearest_date(mention.month, mention.day, anchor.date)
    if date is None:
        return None, ""
    if not anchor.exact:
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
