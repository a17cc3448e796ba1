"""NL620 weekday-date-mismatch: a weekday that qualifies a date must be that date's weekday."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newslint.testing import check, positions

CLEAN = Path(__file__).parent / "data" / "clean"
STAMP = "Update: 2026-01-13 19:58 GMT\n\n"  # line 1 gives the article date; the text is on line 3


def at(text: str, start: str, end: str, line: int = 1) -> tuple[int, int, int, int]:
    """Columns from the start of ``start`` to the end of ``end`` on ``line`` of ``text``."""
    body = text.splitlines()[line - 1]
    first = body.index(start)
    last = body.index(end, first) + len(end)
    return (line, first + 1, line, last + 1)


class TestMismatch:
    @pytest.mark.parametrize(
        ("text", "span"),
        [
            pytest.param("The summit opens on Tuesday, Jan. 14, 2026.", ("Tuesday", "2026"), id="ap-full-date"),
            pytest.param("The summit opens on Tuesday 14 January 2026.", ("Tuesday", "2026"), id="british-order"),
            pytest.param(
                "The talks were on Jan. 14, 2026 (Tuesday).", ("Jan.", "Tuesday"), id="weekday-in-brackets-after"
            ),
            pytest.param(
                "Talks resume Friday (Jan. 15, 2026) in Seoul.", ("Friday", "2026"), id="weekday-before-bracketed-date"
            ),
            pytest.param(
                "The vote is on 20 January 2026, a Wednesday, in Seoul.", ("20", "Wednesday"), id="a-weekday-apposed"
            ),
        ],
    )
    def test_reported(self, text, span):
        """The span runs from the first to the last of weekday and date."""
        assert positions(text, select=["NL620"]) == [at(text, *span)]

    def test_message_names_the_real_weekday(self):
        """The message gives the date's real weekday; the suggestion says to write it."""
        (diag,) = check("The summit opens on Tuesday, Jan. 14, 2026.", ["NL620"])
        assert diag.message == '"Tuesday" does not match January 14, 2026, a Wednesday'
        assert diag.suggestion == 'Write "Wednesday", or correct the date'

    def test_year_from_article_date(self):
        """Without a year, the article date's year is used and the message says where it came from."""
        text = STAMP + "Talks resume on Thursday, Jan. 20 in Seoul."
        (diag,) = check(text, ["NL620"])
        assert (diag.line, diag.column) == (3, 17)
        assert (
            "year 2026 taken from the article date 2026-01-13 (from line 1: 'Update: 2026-01-13 19:58 GMT')"
            in diag.message
        )

    def test_year_from_date_option(self):
        """--date (or the date config key) supplies the year too."""
        assert positions("Talks resume on Thursday, Jan. 20.", ["NL620"], date=dt.date(2026, 1, 2)) == [(1, 17, 1, 34)]

    def test_december_in_a_january_article(self):
        """Dec. 29 in an article of 13 January 2026: a weekday that fits 2025 (Monday) or the
        article's own year (Tuesday) is doubtful and left alone; one that fits neither is
        reported against the nearest date."""
        assert check(STAMP + "The vote on Monday, Dec. 29 was delayed.", ["NL620"]) == []
        assert check(STAMP + "The vote on Tuesday, Dec. 29 was delayed.", ["NL620"]) == []
        (diag,) = check(STAMP + "The vote on Wednesday, Dec. 29 was delayed.", ["NL620"])
        assert "December 29, 2025, a Monday" in diag.message


class TestSilent:
    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The summit opens on Wednesday, Jan. 14, 2026.", id="right"),
            pytest.param("Pearl Harbor was attacked on Sunday, Dec. 7, 1941.", id="history"),
            pytest.param(STAMP + "Lawmakers meet on Tuesday, ahead of the Jan. 20 deadline.", id="two-different-days"),
            pytest.param(
                STAMP + "On Monday the court ruled, and on Jan. 21 it adjourned.", id="weekday-not-qualifying"
            ),
            pytest.param("Talks resume on Thursday, Jan. 20 in Seoul.", id="no-year-no-article-date"),
            pytest.param(STAMP + "The vote is on Tuesday, Jan. 20 (Tuesday), as planned.", id="right-twice"),
        ],
    )
    def test_silent(self, text):
        """Right pairs, unpaired weekdays and dates with no known year are not reported."""
        assert check(text, ["NL620"]) == []

    def test_inexact_article_date_says_nothing(self):
        """When the article date is only the latest date in the text, a date without a year is not judged."""
        lead = "".join(f"Paragraph {n} of the story.\n" for n in range(6))  # no dateline in the first lines
        text = lead + "Voters went to the polls on March 3, 2026. The first round was on Friday, March 14.\n"
        assert check(text, ["NL620"]) == []
        assert check(text.replace("Friday", "Monday"), ["NL620"]) == []  # a Monday in none of 2025-2027

    def test_year_from_a_mentioned_date_is_doubtful(self):
        """A year read from a date in the first lines (not a timestamp) is a guess: a weekday that
        would fit the year before or after is left alone; one that fits no nearby year is reported."""
        text = (
            "Flooding closed the coastal road on May 2, 2020, officials said.\n\n"
            "The same road had flooded on Saturday, May 18, when the river rose.\n"
        )
        # 2020-05-18 is a Monday, 2019-05-18 a Saturday: the article may well be from 2019.
        assert check(text, ["NL620"]) == []
        (diag,) = check(text.replace("Saturday", "Thursday"), ["NL620"])  # a Thursday in none of 2019-2021
        assert "May 18, 2020, a Monday" in diag.message

    def test_year_from_metadata_is_the_articles_own(self):
        """With --date, a date without a year is judged in the article's own year only."""
        text = "The same road had flooded on Saturday, May 18, when the river rose."
        assert positions(text, ["NL620"], date=dt.date(2019, 6, 3)) == []
        (diag,) = check(text, ["NL620"], date=dt.date(2020, 6, 3))
        assert "May 18, 2020, a Monday" in diag.message

    @pytest.mark.parametrize("name", sorted(p.name for p in CLEAN.glob("*.txt")))
    def test_agency_prose_is_silent(self, name):
        """Clean agency prose with right weekday-date pairs is not reported."""
        assert check((CLEAN / name).read_text(encoding="utf-8"), ["NL620"], date=dt.date(2026, 1, 13)) == []
