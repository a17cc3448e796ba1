"""Heads of government of 2000 to today that the table lacked (rules/offices/world20.toml, issue #18):
Myanmar's transitional prime minister, Kyrgyzstan's interim government of 2010, Thailand's acting prime
ministers, Bangladesh's caretakers of 2001 and 2006-2007, Ivory Coast's prime minister of 2000, Bosnia and
Herzegovina's co-chairman of the Council of Ministers, the acting prime ministers of Somalia, Kazakhstan,
Mongolia, Yemen and Georgia (its President, 2005), Syria's prime minister to March 2000, Austria's
chancellor of 2021, South Korea's prime minister of 1998-2000 and Afghanistan's without "acting" from
August 2025; the ends fixed in other files (Ponta, Massimov, Chang Sang); and Myanmar's span with no prime
minister from April 2026 (tools/offices_coverage.py, ``NO_OFFICE``).

Short wire-style articles, each dated: a holder correctly titled on the article's day is not flagged; one
still given the title after the term is (NL303).
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import offices_coverage_tool as _coverage

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

BUDGET = """\
Cabinet approves emergency spending plan

{dateline} - {who} told reporters on Tuesday that the cabinet had approved an emergency spending plan \
for flood-hit provinces, with the first payments due within a fortnight.
Opposition lawmakers said the plan came too late for farmers who lost their harvest.
"""


def found(who: str, date: dt.date, dateline: str) -> list[str]:
    return [d.code for d in check(BUDGET.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # Myanmar: the transitional prime minister, July 2025 - April 2026
        pytest.param("Myanmar Prime Minister Nyo Saw", dt.date(2025, 11, 18), "NAYPYITAW", [], id="nyo-saw"),
        pytest.param(
            "Myanmar Prime Minister Nyo Saw", dt.date(2026, 6, 16), "NAYPYITAW", ["NL303"], id="nyo-saw-after"
        ),
        # Kyrgyzstan: the interim government's head, April - December 2010
        pytest.param(
            "Kyrgyz acting Prime Minister Roza Otunbayeva", dt.date(2010, 9, 14), "BISHKEK", [], id="otunbayeva"
        ),
        pytest.param(
            "Kyrgyz acting Prime Minister Roza Otunbayeva",
            dt.date(2011, 3, 8),
            "BISHKEK",
            ["NL303"],
            id="otunbayeva-after",
        ),
        # Thailand: the acting prime ministers
        pytest.param(
            "Thai acting Prime Minister Somchai Wongsawat", dt.date(2008, 9, 16), "BANGKOK", [], id="somchai-acting"
        ),
        pytest.param(
            "Thai acting Prime Minister Chavarat Charnvirakul", dt.date(2008, 12, 9), "BANGKOK", [], id="chavarat"
        ),
        pytest.param(
            "Thai acting Prime Minister Chavarat Charnvirakul",
            dt.date(2009, 3, 10),
            "BANGKOK",
            ["NL303"],
            id="chavarat-after",
        ),
        pytest.param(
            "Thai acting Prime Minister Niwatthamrong Boonsongpaisan",
            dt.date(2014, 5, 13),
            "BANGKOK",
            [],
            id="niwatthamrong",
        ),
        pytest.param(
            "Thai acting Prime Minister Niwatthamrong Boonsongpaisan",
            dt.date(2014, 7, 1),
            "BANGKOK",
            ["NL303"],
            id="niwatthamrong-after",
        ),
        pytest.param(
            "Thai acting Prime Minister Prayuth Chan-ocha", dt.date(2014, 6, 24), "BANGKOK", [], id="prayut-acting"
        ),
        pytest.param(
            "Thai acting Prime Minister Phumtham Wechayachai", dt.date(2025, 8, 5), "BANGKOK", [], id="phumtham-2025"
        ),
        pytest.param(
            "Thai acting Prime Minister Phumtham Wechayachai",
            dt.date(2025, 10, 7),
            "BANGKOK",
            ["NL303"],
            id="phumtham-after",
        ),
        pytest.param(
            "Thai acting Prime Minister Sonthi Boonyaratglin", dt.date(2006, 9, 26), "BANGKOK", [], id="sonthi"
        ),
        # Bangladesh: the President as caretaker Chief Adviser, October 2006 - January 2007
        pytest.param(
            "Bangladesh's acting Chief Adviser Iajuddin Ahmed", dt.date(2006, 11, 21), "DHAKA", [], id="iajuddin-ca"
        ),
        pytest.param(
            "Bangladesh's acting Chief Adviser Iajuddin Ahmed",
            dt.date(2007, 4, 10),
            "DHAKA",
            ["NL303"],
            id="iajuddin-ca-after",
        ),
        pytest.param(
            "Bangladesh's acting Chief Adviser Latifur Rahman", dt.date(2001, 8, 14), "DHAKA", [], id="latifur-ca"
        ),
        pytest.param(
            "Bangladesh's acting Chief Adviser Latifur Rahman",
            dt.date(2002, 2, 5),
            "DHAKA",
            ["NL303"],
            id="latifur-ca-after",
        ),
        # Ivory Coast: Seydou Diarra's first premiership, May - October 2000
        pytest.param("Ivorian Prime Minister Seydou Diarra", dt.date(2000, 8, 22), "ABIDJAN", [], id="diarra-2000"),
        pytest.param(
            "Ivorian Prime Minister Seydou Diarra", dt.date(2001, 5, 15), "ABIDJAN", ["NL303"], id="diarra-2000-after"
        ),
        # Bosnia and Herzegovina: the co-chairman of the Council of Ministers to June 2000
        pytest.param(
            "Bosnian Co-Chairman of the Council of Ministers Haris Silajdžić",
            dt.date(2000, 3, 14),
            "SARAJEVO",
            [],
            id="silajdzic-cochair",
        ),
        pytest.param(
            "Bosnian Co-Chairman of the Council of Ministers Haris Silajdžić",
            dt.date(2001, 3, 13),
            "SARAJEVO",
            ["NL303"],
            id="silajdzic-cochair-after",
        ),
        # Somalia and Kazakhstan: acting prime ministers for days
        pytest.param(
            "Somalia's acting Prime Minister Abdiweli Mohamed Ali", dt.date(2011, 6, 21), "MOGADISHU", [], id="abdiweli"
        ),
        pytest.param(
            "Kazakh acting Prime Minister Roman Sklyar", dt.date(2024, 2, 5), "ASTANA", [], id="sklyar-acting"
        ),
        pytest.param(
            "Kazakh acting Prime Minister Roman Sklyar",
            dt.date(2024, 5, 14),
            "ASTANA",
            ["NL303"],
            id="sklyar-acting-after",
        ),
        # South Korea: Kim Jong-pil, August 1998 - January 2000
        pytest.param("South Korean Prime Minister Kim Jong-pil", dt.date(1999, 6, 8), "SEOUL", [], id="kim-jong-pil"),
        pytest.param(
            "South Korean Prime Minister Kim Jong-pil",
            dt.date(2000, 4, 11),
            "SEOUL",
            ["NL303"],
            id="kim-jong-pil-after",
        ),
        # Syria, Austria and Mongolia
        pytest.param("Syrian Prime Minister Mahmoud Zuabi", dt.date(2000, 2, 8), "DAMASCUS", [], id="zuabi"),
        pytest.param(
            "Syrian Prime Minister Mahmoud Zuabi", dt.date(2000, 4, 11), "DAMASCUS", ["NL303"], id="zuabi-after"
        ),
        pytest.param(
            "Austrian Chancellor Alexander Schallenberg", dt.date(2021, 11, 16), "VIENNA", [], id="schallenberg-2021"
        ),
        pytest.param(
            "Austrian Chancellor Alexander Schallenberg",
            dt.date(2022, 6, 14),
            "VIENNA",
            ["NL303"],
            id="schallenberg-2021-after",
        ),
        pytest.param(
            "Mongolian acting Prime Minister Jargaltulgyn Erdenebat",
            dt.date(2017, 9, 19),
            "ULAANBAATAR",
            [],
            id="erdenebat-acting",
        ),
        pytest.param(
            "Georgian acting Prime Minister Mikheil Saakashvili",
            dt.date(2005, 2, 8),
            "TBILISI",
            [],
            id="saakashvili-pm",
        ),
        pytest.param(
            "Georgian acting Prime Minister Mikheil Saakashvili",
            dt.date(2005, 6, 14),
            "TBILISI",
            ["NL303"],
            id="saakashvili-pm-after",
        ),
        # A head of state who also headed the government keeps the head of state's title
        pytest.param(
            "Georgian President Mikheil Saakashvili", dt.date(2005, 2, 8), "TBILISI", [], id="saakashvili-pres"
        ),
        pytest.param("Kyrgyz President Roza Otunbayeva", dt.date(2010, 9, 14), "BISHKEK", [], id="otunbayeva-pres"),
        pytest.param("Bangladeshi President Iajuddin Ahmed", dt.date(2006, 11, 21), "DHAKA", [], id="iajuddin-pres"),
        # Yemen's acting prime minister of 2014; Afghanistan's prime minister without "acting" from August 2025
        pytest.param(
            "Yemeni acting Prime Minister Abdullah Mohsen al-Akwa", dt.date(2014, 10, 14), "SANAA", [], id="akwa"
        ),
        pytest.param(
            "Yemeni acting Prime Minister Abdullah Mohsen al-Akwa",
            dt.date(2015, 6, 9),
            "SANAA",
            ["NL303"],
            id="akwa-after",
        ),
        pytest.param(
            "Afghan Prime Minister Mohammad Hasan Akhund", dt.date(2025, 10, 21), "KABUL", [], id="akhund-2025"
        ),
        pytest.param(
            "Afghan acting Prime Minister Mohammad Hasan Akhund", dt.date(2023, 3, 14), "KABUL", [], id="akhund-acting"
        ),
        pytest.param(
            "Afghan acting Prime Minister Mohammad Hasan Akhund",
            dt.date(2025, 10, 21),
            "KABUL",
            ["NL303"],
            id="akhund-acting-after",
        ),
        # The ends fixed in place: Ponta on the day of his resignation, Chang Sang on the day of the vote
        pytest.param("Romanian Prime Minister Victor Ponta", dt.date(2015, 11, 4), "BUCHAREST", [], id="ponta-last"),
        pytest.param(
            "South Korean acting Prime Minister Chang Sang", dt.date(2002, 7, 31), "SEOUL", [], id="chang-sang-last"
        ),
    ],
)
def test_terms_of_world20(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


LO, HI = dt.date(2000, 1, 1), dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("country", "lo", "hi"),
    [
        ("Myanmar", dt.date(2011, 1, 1), HI),
        ("Kyrgyzstan", LO, dt.date(2020, 10, 8)),
        ("Thailand", LO, HI),
        ("Bangladesh", LO, dt.date(2024, 8, 4)),
        ("Ivory Coast", dt.date(2000, 5, 18), HI),
        ("Bosnia and Herzegovina", LO, HI),
        ("Somalia", dt.date(2000, 10, 8), HI),
        ("Kazakhstan", LO, HI),
        ("Romania", LO, HI),
        ("Syria", LO, dt.date(2025, 3, 28)),
        ("Austria", LO, HI),
        ("Mongolia", dt.date(2008, 1, 1), HI),
        ("Georgia", LO, HI),
        ("Yemen", LO, dt.date(2015, 1, 21)),
        ("South Korea", LO, dt.date(2000, 1, 11)),
        ("South Korea", dt.date(2000, 1, 14), dt.date(2010, 8, 10)),
    ],
)
def test_the_terms_close_the_head_of_government_gaps(country: str, lo: dt.date, hi: dt.date) -> None:
    """The spans the depth report listed for these states are covered by the new terms and fixed ends."""
    assert _coverage().gaps(country, "government", lo, hi) == []


def test_myanmar_has_no_prime_minister_after_the_2026_handover(monkeypatch: pytest.MonkeyPatch) -> None:
    """From the President's oath of 10 April 2026 Myanmar has no prime minister: no gap; without the
    span the days are one, and Nyo Saw's term ends on the 9th."""
    cov = _coverage()
    assert cov.gaps("Myanmar", "government", dt.date(2025, 1, 1), HI) == []
    spans = tuple(s for s in cov.NO_OFFICE["Myanmar"] if s[0] != dt.date(2026, 4, 10))
    monkeypatch.setitem(cov.NO_OFFICE, "Myanmar", spans)
    assert cov.gaps("Myanmar", "government", dt.date(2025, 1, 1), HI) == [
        (dt.date(2026, 4, 10), HI + dt.timedelta(days=1))
    ]


def test_the_co_chairman_counts_as_a_head_of_government() -> None:
    """Bosnia and Herzegovina's co-chairman of the Council of Ministers heads the government in the
    coverage tool, so the first five months of 2000 are no gap."""
    cov = _coverage()
    assert "Co-Chairman of the Council of Ministers" in cov.HEAD_OF_GOVERNMENT
    assert cov.gaps("Bosnia and Herzegovina", "government", LO, dt.date(2000, 12, 31)) == []


def test_unread_spans_stay_gaps() -> None:
    """South Korea's vacancy of August - September 2010 (no acting holder in the copies read) and the
    Angolan vacancy of 1999-2002 are no term: the days no term covers, which the coverage tool counts as
    vacancies (``VACANT_HEAD_OF_GOVERNMENT``), not gaps."""
    cov = _coverage()
    assert cov.gaps("South Korea", "government", dt.date(2010, 1, 1), dt.date(2010, 12, 31), vacancies=False) == [
        (dt.date(2010, 8, 11), dt.date(2010, 10, 1))
    ]
    assert cov.gaps("Angola", "government", LO, HI, vacancies=False) == [(LO, dt.date(2002, 12, 6))]
    assert cov.gaps("South Korea", "government", dt.date(2010, 1, 1), dt.date(2010, 12, 31)) == []
    assert cov.gaps("Angola", "government", LO, HI) == []
