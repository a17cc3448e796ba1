"""Date mentions and the article date, the ground truth of date-dependent rules."""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.model.document import Document
from newslint.plugin.context import Context
from newslint.text.dates import article_date, find_dates


@pytest.mark.parametrize(
    ("text", "date", "weekday"),
    [
        pytest.param("Tuesday, Jan. 14, 2026", dt.date(2026, 1, 14), 1, id="ap-weekday-date"),
        pytest.param("on 13 January 2026", dt.date(2026, 1, 13), None, id="day-month-year"),
        pytest.param("Sept. 3, 2025", dt.date(2025, 9, 3), None, id="sept-abbreviation"),
        pytest.param("Update: 2026-01-13 19:58 GMT", dt.date(2026, 1, 13), None, id="iso"),
        pytest.param("January 13-14, 2026", dt.date(2026, 1, 13), None, id="range-takes-first-day"),
        pytest.param("Wed 14th January 2026", dt.date(2026, 1, 14), 2, id="ordinal-day"),
    ],
)
def test_find_dates_parses_full_dates(text, date, weekday):
    """Full dates give a date, and a stated weekday is kept with its span."""
    (mention,) = find_dates(text)
    assert (mention.date, mention.weekday) == (date, weekday)


def test_date_without_year_takes_default_year():
    """A date with no year gets the article's year, and says the year was not given."""
    (mention,) = find_dates("SEOUL, Jan. 13 (Yonhap)", default_year=2026)
    assert mention.date == dt.date(2026, 1, 13) and not mention.year_given


@pytest.mark.parametrize(
    "text",
    ["The treaty of 1965 settled it.", "She may 3D-print it.", "Flight 2026-A left.", "He won 13-14 points."],
)
def test_non_dates_are_not_dates(text):
    """Years alone, the verb "may" and number ranges are not dates."""
    assert find_dates(text) == []


def test_impossible_day_has_no_date():
    """February 30 is a mention without a date, never an exception."""
    (mention,) = find_dates("February 30, 2026")
    assert mention.date is None


def test_article_date_prefers_cli_then_label_then_dateline():
    """--date wins; then a labelled timestamp line; then a date in the first lines."""
    text = "Headline here\n\nUpdated: March 2, 2026\n\nNARA, March 1, 2026 -- Body mentions June 5, 2027.\n"
    doc = Document(text)
    assert article_date(doc, Context(date=dt.date(2020, 1, 1))).date == dt.date(2020, 1, 1)
    found = article_date(doc, Context())
    assert found.date == dt.date(2026, 3, 2) and "line 3" in found.source and found.exact
    doc = Document("Headline\nNARA, March 1, 2026 -- Body.\n")
    assert article_date(doc, Context()).date == dt.date(2026, 3, 1)


def test_article_date_falls_back_to_latest_mention_inexactly():
    """With no timestamp, the latest full date in the text is a bound, marked inexact."""
    lines = [
        "Leaders met.",
        "They talked.",
        "",
        "It rained.",
        "Talks ended.",
        "Both left.",
        "The 1965 treaty.",
        "It began January 13, 2026 and the pact of May 2, 2020.",
    ]
    found = article_date(Document("\n".join(lines)), Context())
    assert found.date == dt.date(2026, 1, 13) and not found.exact and "line 8" in found.source


def test_article_date_from_front_matter_and_none():
    """Front matter gives the date; a text with no full date has none."""
    assert article_date(Document("---\ndate: 2026-01-13\n---\nBody.\n"), Context()).date == dt.date(2026, 1, 13)
    assert article_date(Document("Leaders met on Tuesday.\n"), Context()) is None


@pytest.mark.parametrize(
    ("text", "weekday", "weekday_text"),
    [
        pytest.param("on Jan. 13 (Tuesday) the", 1, "Tuesday", id="bracketed-after"),
        pytest.param("on Tuesday (Jan. 13) the", 1, "Tuesday", id="bracketed-date"),
        pytest.param("on 13 January, a Tuesday, the", 1, "Tuesday", id="apposed"),
        pytest.param("on Tuesday, ahead of the Jan. 20 deadline", None, None, id="two-different-days"),
        pytest.param("on Jan. 13 (local time) the", None, None, id="other-brackets"),
    ],
)
def test_weekday_beside_the_date(text, weekday, weekday_text):
    """A weekday in brackets or apposition qualifies the date; one merely near it does not."""
    (mention,) = find_dates(text, default_year=2026)
    assert mention.weekday == weekday
    if weekday_text:
        assert text[mention.weekday_start : mention.weekday_end] == weekday_text


@pytest.mark.parametrize(
    ("month", "day", "around", "expected"),
    [
        pytest.param(12, 30, dt.date(2026, 1, 5), dt.date(2025, 12, 30), id="last-year"),
        pytest.param(1, 2, dt.date(2025, 12, 28), dt.date(2026, 1, 2), id="next-year"),
        pytest.param(6, 1, dt.date(2026, 1, 5), dt.date(2026, 6, 1), id="same-year"),
        pytest.param(2, 29, dt.date(2026, 1, 5), None, id="no-leap-day-nearby"),
    ],
)
def test_nearest_date(month, day, around, expected):
    """A date without a year is the one nearest the article date."""
    from newslint.text.dates import nearest_date

    assert nearest_date(month, day, around) == expected
