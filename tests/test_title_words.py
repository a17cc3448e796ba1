"""Titles: qualifiers as words with their case, acting titles, past events, and where a headline can be.

Issue #18 part 2 and issue #15's NL310/NL312/NL303 fixes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.testing import check, span

TABLE = ["NL301", "NL302", "NL303", "NL304", "NL305"]

WIRE = """\
Exporters brace for a long dispute

WASHINGTON (AP) — {sentence}

Trade groups said they would ask Congress for relief if the dispute drags on into the summer.
"""


def codes(sentence: str, date: dt.date) -> list[str]:
    return [d.code for d in check(WIRE.format(sentence=sentence), TABLE, date=date)]


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        pytest.param(
            "Duties rose sharply under U.S. President-elect Donald Trump's trade agenda.",
            dt.date(2025, 3, 5),
            ["NL301"],
            id="under-lowercase-is-a-preposition",
        ),
        pytest.param(
            "Shipments fell under Prime Minister Rishi Sunak, the figures show.",
            dt.date(2025, 11, 18),
            ["NL303"],
            id="under-before-a-past-title",
        ),
        pytest.param(
            "Shipments fell with Prime Minister Rishi Sunak in office.",
            dt.date(2025, 11, 18),
            ["NL303"],
            id="with-the-same-title",
        ),
        pytest.param(
            "Under Prime Minister Rishi Sunak, shipments fell by a third.",
            dt.date(2025, 11, 18),
            ["NL303"],
            id="Under-at-a-sentence-start",
        ),
        pytest.param(
            "NATO Under Secretary-General Jens Stoltenberg spoke.",
            dt.date(2025, 11, 18),
            [],
            id="Under-Secretary-General-is-another-office",
        ),
        pytest.param(
            "NATO Secretary-General Jens Stoltenberg spoke.", dt.date(2025, 11, 18), ["NL303"], id="without-Under"
        ),
        pytest.param(
            "The first Prime Minister Rishi Sunak met was the Irish leader.",
            dt.date(2025, 11, 18),
            ["NL303"],
            id="first-lowercase",
        ),
        pytest.param(
            "First Deputy Prime Minister Rishi Sunak met envoys.",
            dt.date(2025, 11, 18),
            [],
            id="First-Deputy-is-another-office",
        ),
        pytest.param(
            "A senior Prime Minister Rishi Sunak aide resigned.",
            dt.date(2025, 11, 18),
            ["NL303"],
            id="senior-lowercase",
        ),
        pytest.param("Deputy Prime Minister Rishi Sunak met envoys.", dt.date(2025, 11, 18), [], id="Deputy-qualifies"),
    ],
)
def test_qualifiers_are_words_with_their_case(sentence, date, expected):
    assert codes(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        pytest.param(
            "Acting President Choi Sang-mok called for calm.", dt.date(2025, 1, 15), [], id="during-the-acting-term"
        ),
        pytest.param(
            "Acting President Choi Sang-mok called for calm.",
            dt.date(2025, 4, 20),
            ["NL303"],
            id="after-the-acting-term",
        ),
        pytest.param(
            "acting President Han Duck-soo called for calm.", dt.date(2024, 12, 20), [], id="han-first-acting-term"
        ),
        pytest.param(
            "acting President Han Duck-soo called for calm.",
            dt.date(2025, 3, 12),
            ["NL303"],
            id="han-between-acting-terms",
        ),
        pytest.param(
            "Interim Prime Minister Keir Starmer called for calm.", dt.date(2025, 3, 12), [], id="no-acting-term-known"
        ),
    ],
)
def test_acting_titles_are_checked_against_acting_terms(sentence, date, expected):
    assert codes(sentence, date) == expected


def test_acting_report_says_acting():
    text = WIRE.format(sentence="Acting President Choi Sang-mok called for calm.")
    [d] = check(text, TABLE, date=dt.date(2025, 4, 20))
    assert (d.line, d.column, d.end_line, d.end_column) == span(text, "President Choi Sang-mok")
    assert 'still says "acting President"' in d.message
    assert "left office as acting South Korean President" in d.message


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "The group spent millions trying to stop President Barack Obama's re-election.", [], id="re-election"
        ),
        pytest.param("Donors recalled President Barack Obama's inauguration.", [], id="inauguration"),
        pytest.param("Donors met President Barack Obama's staff at a dinner.", ["NL303"], id="not-an-event"),
        pytest.param(
            "President Barack Obama will speak at the 2030 summit.", ["NL303"], id="a-later-year-is-no-excuse"
        ),
        pytest.param("President Barack Obama spoke at the 2012 summit.", [], id="an-earlier-year"),
    ],
)
def test_a_past_event_is_not_a_current_title(sentence, expected):
    assert codes(sentence, dt.date(2019, 4, 15)) == expected


# -- the headline -------------------------------------------------------------------------------

TEASER = """\
Japan will host the president of South Korea on Tuesday for talks on trade, security and tourism in Nara.

Japan hosts summit with South Korea in Nara

TOKYO (AP) — Japan will host the president of South Korea on Tuesday for talks on trade, security and tourism, officials said.
"""

CAPTION = """\
The city council voted on Monday to close the old bridge to cars from next spring, ending weeks of debate.

Council members at the vote - Photo: City of Springfield

Residents had asked for a footbridge since the flood of 2019, and shop owners feared for their trade.
"""

SUBHEAD = """\
The studio re-released the original films in 1997 with new scenes and changed effects, to mixed reviews.

The Special Editions Caused Controversy

Fans argued for years about a single changed shot in the cantina, and the director defended every edit.
"""


def test_a_headline_under_its_teaser_is_reported():
    [d] = check(TEASER, ["NL310"])
    assert (d.line, d.column, d.end_line, d.end_column) == span(TEASER, "Japan hosts summit with South Korea in Nara")


@pytest.mark.parametrize("text", [pytest.param(CAPTION, id="caption-credit"), pytest.param(SUBHEAD, id="subhead")])
def test_captions_credits_and_subheads_are_not_headlines(text):
    assert check(text, ["NL310", "NL312"]) == []


def test_front_matter_title_is_the_headline():
    text = "---\ntitle: Japan hosts summit with South Korea.\n---\n\n" + TEASER
    diags = check(text, ["NL310", "NL312"])
    assert [(d.code, d.line) for d in diags] == [("NL312", 2)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Trade rose, said Vietnamese President To Lam.", ["NL303"], id="to-lam-plain-letters"),
        pytest.param("Trade rose, said Vietnamese President Tô Lâm.", ["NL303"], id="to-lam-diacritics"),
        pytest.param("Trade rose, said General Secretary To Lam.", [], id="to-lam-party-chief"),
        pytest.param("Prime Minister To Visit Japan Next Week", [], id="headline-case-to-is-a-word"),
    ],
)
def test_short_surname_after_a_title(sentence, expected):
    assert codes(sentence, dt.date(2025, 6, 10)) == expected
