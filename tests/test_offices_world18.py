"""Heads of state of 2000 to today that the table lacked (rules/offices/world18.toml, issue #18): Myanmar's
junta chairman, Ethiopia's first federal president, Egypt's military council chairman, Serbia's acting
presidents, Nepal's acting head of state of 2008, Malaysia's acting kings, Haiti's acting president of
February 2016 and its Transitional Presidential Council's presidents, Austria's collective acting
presidency, acting presidents of Rwanda, Vietnam, Poland, Mauritius, Singapore and Sri Lanka, and Fiji's
military government of 2000; and the vacancies the coverage tool does not
count as gaps (tools/offices_coverage.py, ``VACANT_HEAD_OF_STATE``).

Short wire-style articles, each dated: a holder correctly titled on the article's day is not flagged; one
still given the title after the term is (NL303).
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import offices_coverage_tool as _coverage

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

VISIT = """\
Neighbours sign river water accord

{dateline} - {who} signed a water-sharing accord with two neighbouring states on Monday, officials said, \
ending a dispute over dams upstream that had lasted for years.
Farmers' groups welcomed the deal but asked for the flow figures to be published.
"""


def found(who: str, date: dt.date, dateline: str) -> list[str]:
    return [d.code for d in check(VISIT.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # Myanmar: the State Peace and Development Council's chairman to 30 March 2011
        pytest.param(
            "Myanmar State Peace and Development Council Chairman Than Shwe",
            dt.date(2007, 10, 2),
            "YANGON",
            [],
            id="than-shwe-spdc",
        ),
        pytest.param(
            "Myanmar State Peace and Development Council Chairman Than Shwe",
            dt.date(2011, 6, 7),
            "YANGON",
            ["NL303"],
            id="than-shwe-after",
        ),
        # Ethiopia: Negasso Gidada to 8 October 2001
        pytest.param("Ethiopian President Negasso Gidada", dt.date(2000, 6, 13), "ADDIS ABABA", [], id="negasso"),
        pytest.param(
            "Ethiopian President Negasso Gidada", dt.date(2002, 6, 11), "ADDIS ABABA", ["NL303"], id="negasso-after"
        ),
        # Egypt: the military council's chairman, February 2011 - June 2012
        pytest.param("Egyptian SCAF chief Hussein Tantawi", dt.date(2011, 11, 22), "CAIRO", [], id="tantawi-scaf"),
        pytest.param(
            "Egyptian SCAF chief Hussein Tantawi", dt.date(2012, 9, 4), "CAIRO", ["NL303"], id="tantawi-scaf-after"
        ),
        # Serbia: the Speakers acting as President
        pytest.param(
            "Serbian acting President Dragan Maršićanin", dt.date(2004, 2, 24), "BELGRADE", [], id="marsicanin"
        ),
        pytest.param(
            "Serbian acting President Predrag Marković", dt.date(2004, 5, 18), "BELGRADE", [], id="markovic-acting"
        ),
        pytest.param(
            "Serbian acting President Predrag Marković",
            dt.date(2004, 9, 14),
            "BELGRADE",
            ["NL303"],
            id="markovic-after",
        ),
        pytest.param(
            "Serbian acting President Slavica Đukić Dejanović",
            dt.date(2012, 4, 24),
            "BELGRADE",
            [],
            id="djukic-dejanovic",
        ),
        pytest.param(
            "Serbian acting President Slavica Đukić Dejanović",
            dt.date(2012, 7, 3),
            "BELGRADE",
            ["NL303"],
            id="djukic-dejanovic-after",
        ),
        # Nepal: Koirala between the monarchy and the first president
        pytest.param(
            "Nepal's acting Head of State Girija Prasad Koirala", dt.date(2008, 6, 17), "KATHMANDU", [], id="koirala"
        ),
        # Malaysia: the deputy kings who acted
        pytest.param(
            "Malaysian acting King Sultan Nazrin Shah", dt.date(2019, 1, 22), "KUALA LUMPUR", [], id="nazrin-acting"
        ),
        pytest.param(
            "Malaysian acting King Sultan Nazrin Shah",
            dt.date(2019, 4, 16),
            "KUALA LUMPUR",
            ["NL303"],
            id="nazrin-after",
        ),
        pytest.param(
            "Malaysian acting King Sultan Mizan Zainal Abidin",
            dt.date(2001, 12, 4),
            "KUALA LUMPUR",
            [],
            id="mizan-acting-2001",
        ),
        # Haiti: the prime minister acting as president for a week; his premiership runs on
        pytest.param(
            "Haitian acting President Evans Paul", dt.date(2016, 2, 10), "PORT-AU-PRINCE", [], id="evans-paul-acting"
        ),
        pytest.param(
            "Haitian acting President Evans Paul",
            dt.date(2016, 2, 23),
            "PORT-AU-PRINCE",
            ["NL303"],
            id="evans-paul-after",
        ),
        pytest.param(
            "Haitian Prime Minister Evans Paul", dt.date(2016, 2, 10), "PORT-AU-PRINCE", [], id="evans-paul-premier"
        ),
        # Haiti: the Transitional Presidential Council's rotating presidents, 2024-2026
        pytest.param(
            "Haitian Transitional Presidential Council President Fritz Alphonse Jean",
            dt.date(2025, 5, 13),
            "PORT-AU-PRINCE",
            [],
            id="fritz-jean-council",
        ),
        pytest.param(
            "Haitian Transitional Presidential Council President Leslie Voltaire",
            dt.date(2025, 5, 13),
            "PORT-AU-PRINCE",
            ["NL303"],
            id="voltaire-after",
        ),
        pytest.param(
            "Haitian Transitional Presidential Council President Laurent Saint-Cyr",
            dt.date(2026, 3, 10),
            "PORT-AU-PRINCE",
            ["NL303"],
            id="saint-cyr-after-dissolution",
        ),
        # Acting presidents of Rwanda, Vietnam, Poland, Singapore and Sri Lanka
        pytest.param("Rwandan acting President Paul Kagame", dt.date(2000, 4, 11), "KIGALI", [], id="kagame-acting"),
        pytest.param(
            "Vietnamese acting President Dang Thi Ngoc Thinh", dt.date(2018, 10, 9), "HANOI", [], id="thinh-acting"
        ),
        pytest.param(
            "Vietnamese acting President Dang Thi Ngoc Thinh",
            dt.date(2019, 1, 8),
            "HANOI",
            ["NL303"],
            id="thinh-after",
        ),
        pytest.param(
            "Polish acting President Grzegorz Schetyna", dt.date(2010, 7, 20), "WARSAW", [], id="schetyna-acting"
        ),
        pytest.param(
            "Singapore's acting President J.Y. Pillay", dt.date(2017, 9, 5), "SINGAPORE", [], id="pillay-acting"
        ),
        pytest.param(
            "Sri Lankan acting President Ranil Wickremesinghe", dt.date(2022, 7, 18), "COLOMBO", [], id="ranil-acting"
        ),
        pytest.param(
            "Sri Lankan acting President Ranil Wickremesinghe",
            dt.date(2022, 8, 2),
            "COLOMBO",
            ["NL303"],
            id="ranil-acting-after",
        ),
        pytest.param(
            "Mauritian acting President Monique Ohsan Bellepeau",
            dt.date(2015, 6, 2),
            "PORT LOUIS",
            [],
            id="ohsan-bellepeau-2015",
        ),
        pytest.param(
            "Mauritian acting President Monique Ohsan Bellepeau",
            dt.date(2016, 6, 7),
            "PORT LOUIS",
            ["NL303"],
            id="ohsan-bellepeau-after",
        ),
        # Fiji: the interim military government of 2000, under its own title
        pytest.param(
            "Fiji's head of the interim military government Frank Bainimarama",
            dt.date(2000, 6, 20),
            "SUVA",
            [],
            id="bainimarama-2000",
        ),
        # Austria: the three Presidents of the National Council, jointly
        pytest.param("Austrian acting President Doris Bures", dt.date(2016, 10, 11), "VIENNA", [], id="bures"),
        pytest.param("Austrian acting President Karlheinz Kopf", dt.date(2016, 10, 11), "VIENNA", [], id="kopf"),
        pytest.param(
            "Austrian acting President Norbert Hofer", dt.date(2017, 3, 14), "VIENNA", ["NL303"], id="hofer-after"
        ),
    ],
)
def test_terms_of_world18(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


LO, HI = dt.date(2000, 1, 1), dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("country", "lo", "hi"),
    [
        ("Myanmar", LO, dt.date(2011, 12, 31)),
        ("Ethiopia", LO, dt.date(2002, 12, 31)),
        ("Egypt", dt.date(2011, 1, 1), dt.date(2012, 12, 31)),
        ("Serbia", dt.date(2004, 1, 1), dt.date(2012, 12, 31)),
        ("Nepal", dt.date(2008, 1, 1), dt.date(2008, 12, 31)),
        ("Malaysia", LO, HI),
        ("Austria", dt.date(2016, 1, 1), HI),
        ("Haiti", dt.date(2016, 1, 1), dt.date(2021, 7, 6)),
        ("Haiti", dt.date(2024, 4, 30), HI),
        ("Rwanda", dt.date(2000, 3, 24), HI),
        ("Vietnam", dt.date(2018, 9, 23), HI),
        ("Poland", LO, HI),
        ("Singapore", LO, HI),
        ("Sri Lanka", dt.date(2022, 7, 15), HI),
        ("Fiji", LO, HI),
        ("Mauritius", LO, dt.date(2019, 11, 25)),
        ("Czech Republic", dt.date(2003, 2, 3), dt.date(2013, 3, 6)),
    ],
)
def test_the_terms_close_the_head_of_state_gaps(country: str, lo: dt.date, hi: dt.date) -> None:
    """The spans the depth report listed for these states are covered by the new terms."""
    assert _coverage().gaps(country, "state", lo, hi) == []


def test_a_vacancy_of_the_head_of_state_is_no_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lebanon's three presidential vacancies, when the Council of Ministers as a body held the powers,
    are no gap; without the spans they are, day for day."""
    cov = _coverage()
    assert cov.gaps("Lebanon", "state", LO, HI) == []
    monkeypatch.setitem(cov.VACANT_HEAD_OF_STATE, "Lebanon", ())
    assert cov.gaps("Lebanon", "state", LO, HI) == [
        (dt.date(2007, 11, 24), dt.date(2008, 5, 25)),
        (dt.date(2014, 5, 25), dt.date(2016, 10, 31)),
        (dt.date(2022, 10, 31), dt.date(2025, 1, 9)),
    ]


def test_a_vacancy_says_nothing_about_the_head_of_government() -> None:
    """Somalia's head of state is vacant before 27 August 2000, Iraq's under the occupation; Somalia's
    prime minister's days without a term (to 8 October 2000) and Iraq's are the government's own
    vacancies (``VACANT_HEAD_OF_GOVERNMENT``), not the head of state's."""
    cov = _coverage()
    assert cov.gaps("Somalia", "state", LO, dt.date(2000, 12, 31)) == []
    assert cov.gaps("Somalia", "government", LO, dt.date(2000, 12, 31), vacancies=False) == [(LO, dt.date(2000, 10, 8))]
    assert cov.gaps("Iraq", "state", LO, HI) == []
    assert cov.gaps("Iraq", "government", LO, HI, vacancies=False) == [(dt.date(2003, 4, 9), dt.date(2004, 6, 28))]
    assert "Somalia" in cov.VACANT_HEAD_OF_GOVERNMENT and "Iraq" in cov.VACANT_HEAD_OF_GOVERNMENT


def test_haiti_without_a_president(monkeypatch: pytest.MonkeyPatch) -> None:
    """Haiti had no President from Moïse's assassination to the council's oath, nor after the council's
    dissolution; in the council's first days, before it elected its president, the council as a body held
    the office (a vacancy since world21.toml); without that span those days are a gap."""
    cov = _coverage()
    assert cov.gaps("Haiti", "state", dt.date(2021, 1, 1), HI) == []
    spans = tuple(s for s in cov.VACANT_HEAD_OF_STATE["Haiti"] if s[0] != dt.date(2024, 4, 25))
    monkeypatch.setitem(cov.VACANT_HEAD_OF_STATE, "Haiti", spans)
    assert cov.gaps("Haiti", "state", dt.date(2021, 1, 1), HI) == [(dt.date(2024, 4, 25), dt.date(2024, 4, 30))]


@pytest.mark.parametrize(
    ("country", "start", "end"),
    [
        ("Algeria", dt.date(2019, 4, 2), dt.date(2019, 4, 9)),
        ("Burundi", dt.date(2020, 6, 8), dt.date(2020, 6, 18)),
        ("Kuwait", dt.date(2006, 1, 24), dt.date(2006, 1, 29)),
        ("Czech Republic", dt.date(2003, 2, 3), dt.date(2003, 3, 7)),
    ],
)
def test_the_days_before_a_successor_are_a_vacancy(
    monkeypatch: pytest.MonkeyPatch, country: str, start: dt.date, end: dt.date
) -> None:
    """Between a head of state's departure and the successor's installation, with no one named to act,
    the days are a vacancy; without the span they are a gap."""
    cov = _coverage()
    lo, hi = start, end + dt.timedelta(days=30)
    assert cov.gaps(country, "state", lo, hi) == []
    monkeypatch.setitem(cov.VACANT_HEAD_OF_STATE, country, ())
    assert cov.gaps(country, "state", lo, hi) == [(start, end)]


def test_an_unread_span_stays_a_gap() -> None:
    """Peru's two days of November 2020 and Jerí's censure day are vacancies; the presidency from 28 July
    2026, whose holder was not read, is still a gap."""
    cov = _coverage()
    assert cov.gaps("Peru", "state", dt.date(2020, 1, 1), HI) == [(dt.date(2026, 7, 28), HI + dt.timedelta(days=1))]


def test_a_vacancy_is_no_known_head_in_the_overall_depth() -> None:
    """The overall depth counts a day on which some head of state or government is known: Iraq under the
    occupation had neither, so the days still count against it there, while Lebanon's vacancies are
    covered by its prime ministers."""
    cov = _coverage()
    lo, hi = dt.date(2003, 1, 1), dt.date(2004, 12, 31)
    _, share = cov.depth(lo, hi)
    assert share["Iraq"] == pytest.approx(1 - 446 / 731)  # 9 April 2003 - 27 June 2004
    _, state = cov.office_depth("state", lo, hi)
    assert state["Iraq"] == 1.0
    _, share = cov.depth(dt.date(2014, 1, 1), dt.date(2016, 12, 31))
    assert share["Lebanon"] == 1.0
