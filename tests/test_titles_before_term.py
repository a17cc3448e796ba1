"""NL306: a title given before the person took the office ("Chancellor Friedrich Merz" in 2024).

Short wire-style articles written for these tests, each dated by its own
"Updated" line or a dateline, as the independent sets are.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.testing import check

CODE = "NL306"


def article(sentence: str, stamp: str) -> str:
    return (
        "Ministers agree on a shared plan for grid storage\n\n"
        f"Updated 9:40 AM GMT, {stamp}\n\n"
        f"BRUSSELS (AP) — {sentence}\n\n"
        "Officials said the details would be published next month after a review by the member states.\n"
    )


def found(sentence: str, stamp: str) -> list[str]:
    return [d.message for d in check(article(sentence, stamp), [CODE])]


@pytest.mark.parametrize(
    ("sentence", "stamp", "holder"),
    [
        # a background line rewritten with a title held only later
        (
            "Prime Minister Keir Starmer pressed ministers on Tuesday to back the storage plan.",
            "March 14, 2023",
            "Rishi Sunak",
        ),
        (
            "German Chancellor Friedrich Merz said on Monday that Berlin would fund half of the cost.",
            "February 5, 2024",
            "Olaf Scholz",
        ),
        (
            "President Lee Jae-myung told reporters in Seoul on Friday that chip plants needed cheaper power.",
            "August 9, 2024",
            "Yoon Suk Yeol",
        ),
        ("U.S. President Donald Trump criticised the plan in a post on Wednesday.", "May 11, 2016", "Barack Obama"),
        ("Pope Leo XIV urged leaders on Sunday to keep the poorest households warm.", "December 8, 2024", "Francis"),
    ],
)
def test_a_title_before_the_term_is_flagged(sentence, stamp, holder):
    messages = found(sentence, stamp)
    assert len(messages) == 1
    assert holder in messages[0] and "before the term" in messages[0]


def test_the_finding_spans_the_title_and_the_name():
    text = article("Chancellor Friedrich Merz said on Monday that the plan was too slow.", "February 5, 2024")
    (d,) = check(text, [CODE])
    assert text.splitlines()[d.line - 1][d.column - 1 : d.column - 1 + len("Chancellor Friedrich Merz")] == (
        "Chancellor Friedrich Merz"
    )


@pytest.mark.parametrize(
    ("sentence", "stamp"),
    [
        # in office on the article's date, or a day of slack for time zones
        ("Chancellor Friedrich Merz said on Tuesday that Berlin would fund half of the cost.", "May 6, 2025"),
        ("Prime Minister Keir Starmer arrived in Downing Street on Friday.", "July 4, 2024"),
        # an office still to come, said so
        ("Incoming Chancellor Friedrich Merz said on Monday that Berlin would fund the plan.", "March 3, 2025"),
        ("Germany's likely next Chancellor, Friedrich Merz, backed the plan on Monday.", "March 3, 2025"),
        ("The future Chancellor Friedrich Merz was then an opposition lawmaker.", "June 3, 2021"),
        ("A President Lee Jae-myung would scrap the plan, his aides said on Friday.", "August 9, 2024"),
        ("If he wins, Prime Minister Keir Starmer would review the plan, Labour said on Tuesday.", "March 14, 2023"),
        ("By 2030, President Donald Trump's successors will have to fund it, the report said.", "May 11, 2016"),
        # between the election and the inauguration: NL301's ground, left alone
        ("President Donald Trump will meet Obama on Thursday, his team said.", "November 9, 2016"),
        # history, quotes and "former"
        ('"Prime Minister Keir Starmer will fix this," a Labour banner read on Tuesday.', "March 14, 2023"),
        ("Then-Chancellor Angela Merkel opened the first plant in 2011.", "February 5, 2024"),
        # collegial office: two Captains Regent at once, so another holder says nothing of this person
        ("Captain Regent Matteo Rossi opened the fair on Monday.", "March 4, 2024"),
    ],
)
def test_titles_in_office_or_to_come_are_left_alone(sentence, stamp):
    assert found(sentence, stamp) == []


@pytest.mark.parametrize(
    "opening",
    [
        "The plan was first drafted on 12 May 2023.",  # a date in the first lines: maybe one looked back to
        "Officials have met on the plan since 12 May 2023, and again this spring.",
    ],
)
def test_a_date_read_from_the_text_is_not_judged(opening):
    text = (
        "Ministers agree on a shared plan for grid storage\n\n"
        f"{opening} Chancellor Friedrich Merz said on Monday that Berlin would fund half of the cost.\n"
    )
    assert check(text, [CODE]) == []
    assert [d.code for d in check(text, [CODE], date=dt.date(2023, 5, 20))] == [CODE]


def test_a_labelled_timestamp_or_metadata_date_is_judged():
    stamped = "Published: 2023-05-20 08:15\n\nChancellor Friedrich Merz said on Monday that Berlin would pay.\n"
    assert [d.code for d in check(stamped, [CODE])] == [CODE]
    front = "---\ntitle: Grid storage\ndate: 2023-05-20\n---\nChancellor Friedrich Merz said on Monday it was late.\n"
    assert [d.code for d in check(front, [CODE])] == [CODE]


def test_the_date_a_caller_gives_is_exact():
    text = "Chancellor Friedrich Merz said on Monday that Berlin would fund half of the cost.\n"
    assert [d.code for d in check(text, [CODE], date=dt.date(2024, 2, 5))] == [CODE]
    assert check(text, [CODE], date=dt.date(2025, 9, 1)) == []


# -- "-designate" and a body's other titles (found by the blind set C) ----------------------------------


def test_designate_after_the_term_began_is_flagged_like_elect():
    text = article("Prime Minister-designate Nouri al-Maliki named his security ministers on Tuesday.", "July 11, 2006")
    (d,) = check(text, ["NL301"])
    assert "took office" in d.message and "2006-05-20" in d.message
    before = article("Prime Minister-designate Nouri al-Maliki met Sunni leaders on Tuesday.", "May 2, 2006")
    assert check(before, ["NL301", "NL303", "NL304", "NL306"]) == []


def test_a_central_bank_head_called_governor_where_english_copy_says_so():
    text = article("Central Bank Governor Alexandre Tombini said on Monday that rates would stay high.", "May 13, 2013")
    assert check(text, ["NL303", "NL304", "NL306"]) == []
    # the bank's own title stays right, and after his term either title is flagged
    assert check(article("Central Bank of Brazil President Alexandre Tombini spoke.", "May 13, 2013"), ["NL304"]) == []
    later = article("Central Bank Governor Alexandre Tombini said on Monday that rates would stay high.", "May 8, 2018")
    assert [d.code for d in check(later, ["NL303", "NL304"])] == ["NL303"]


def test_a_year_after_the_names_a_thing_when_the_clause_names_a_day():
    # "the 2015 accord" is a thing; "on Tuesday" dates the sentence: judged (NL303)
    text = article(
        "Chancellor Angela Merkel defended the 2015 accord on migration at talks in Rome on Tuesday.", "March 7, 2023"
    )
    assert [d.code for d in check(text, ["NL303"])] == ["NL303"]
    # without a day of the present, the year still speaks of another time
    old = article("Chancellor Angela Merkel defended the 2015 accord on migration at talks in Rome.", "March 7, 2023")
    assert check(old, ["NL303"]) == []
    # and a year as the time of the sentence is one
    framed = article(
        "In 2015 Chancellor Angela Merkel defended the accord at talks in Rome on Tuesday.", "March 7, 2023"
    )
    assert check(framed, ["NL303"]) == []
