"""San Marino's Captains Regent of April 2002 - April 2020 that the table lacked (rules/offices/world19.toml,
issue #18): two at once, one semester each, from 1 April or 1 October.

Short wire-style articles, each dated: a Captain Regent titled so within the semester is not flagged; the
same title a year later, when the semester is over, is (NL303). And the coverage tool's share of San
Marino's days with a known head of state.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import offices_coverage_tool as _coverage

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

MEETING = """\
Small states' tourism ministers meet on Mount Titano

{dateline} - {who} opened a two-day meeting of tourism ministers from Europe's small states on \
Tuesday, officials said, with talks on rail links to the coast and on visitor numbers after a slow winter.
Hoteliers asked for the figures to be published before the summer season.
"""


def found(who: str, date: dt.date) -> list[str]:
    return [d.code for d in check(MEETING.format(who=who, dateline="SAN MARINO"), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # April - October 2002: Ugolini's first semester (his partner was not read)
        pytest.param("Captain Regent Giovanni Francesco Ugolini", dt.date(2002, 6, 11), [], id="ugolini-2002"),
        pytest.param("Captain Regent Franco Ugolini", dt.date(2003, 6, 10), ["NL303"], id="ugolini-2002-after"),
        # October 2002 - April 2003 and April - October 2003
        pytest.param("Captain Regent Mauro Chiaruzzi", dt.date(2003, 1, 14), [], id="chiaruzzi"),
        pytest.param("Captain Regent Pier Marino Menicucci", dt.date(2003, 6, 10), [], id="menicucci"),
        pytest.param("Captain Regent Pier Marino Menicucci", dt.date(2004, 6, 8), ["NL303"], id="menicucci-after"),
        # April 2006 - October 2007, with the spellings wire copy uses
        pytest.param("San Marino's Captain Regent Gianfranco Terenzi", dt.date(2006, 5, 16), [], id="terenzi-2006"),
        pytest.param(
            "San Marino's Captain Regent Gianfranco Terenzi", dt.date(2007, 5, 15), ["NL303"], id="terenzi-2006-after"
        ),
        pytest.param("Captain Regent Antonio Carattoni", dt.date(2006, 11, 14), [], id="carattoni"),
        pytest.param("Sammarinese Captain Regent Mirco Tomassoni", dt.date(2008, 2, 12), [], id="tomassoni-2007"),
        pytest.param(
            "Sammarinese Captain Regent Mirco Tomassoni", dt.date(2009, 2, 10), ["NL303"], id="tomassoni-2007-after"
        ),
        # October 2008 - April 2010
        pytest.param("Captain Regent Assunta Meloni", dt.date(2008, 12, 2), [], id="meloni"),
        pytest.param("Captain Regent Oscar Mina", dt.date(2009, 6, 9), [], id="mina-2009"),
        pytest.param("Captain Regent Oscar Mina", dt.date(2010, 6, 8), ["NL303"], id="mina-2009-after"),
        pytest.param("Captain Regent Stefano Palmieri", dt.date(2010, 2, 9), [], id="palmieri-2009"),
        # October 2011 - April 2012 and October 2013 - April 2014
        pytest.param("Captain Regent Gabriele Gatti", dt.date(2012, 1, 17), [], id="gatti"),
        pytest.param("Captain Regent Gabriele Gatti", dt.date(2013, 1, 15), ["NL303"], id="gatti-after"),
        pytest.param("Captain Regent Annamaria Muccioli", dt.date(2014, 1, 14), [], id="muccioli"),
        # October 2015 - October 2016
        pytest.param("Captain Regent Lorella Stefanelli", dt.date(2016, 2, 9), [], id="stefanelli"),
        pytest.param("Captain Regent Lorella Stefanelli", dt.date(2017, 2, 7), ["NL303"], id="stefanelli-after"),
        pytest.param("Captain Regent Massimo Andrea Ugolini", dt.date(2016, 5, 10), [], id="massimo-ugolini"),
        # April 2017 - April 2020
        pytest.param("Captain Regent Vanessa D'Ambrosio", dt.date(2017, 6, 13), [], id="d-ambrosio"),
        pytest.param("Captain Regent Vanessa D'Ambrosio", dt.date(2018, 6, 12), ["NL303"], id="d-ambrosio-after"),
        pytest.param("Captain Regent Matteo Ciacci", dt.date(2018, 6, 12), [], id="ciacci"),
        pytest.param("Captain Regent Matteo Ciacci", dt.date(2019, 6, 11), ["NL303"], id="ciacci-after"),
        pytest.param("Captain Regent Mariella Mularoni", dt.date(2020, 1, 14), [], id="mariella-mularoni"),
        pytest.param("Captain Regent Mariella Mularoni", dt.date(2021, 1, 12), ["NL303"], id="mariella-mularoni-after"),
        # a namesake of another semester is judged by her own: Antonella Mularoni, April - October 2013
        pytest.param("Captain Regent Antonella Mularoni", dt.date(2020, 1, 14), ["NL303"], id="antonella-mularoni"),
    ],
)
def test_captains_regent_of_world19(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date) == expected


def test_a_second_semester_years_later_is_its_own_term() -> None:
    """Terenzi was Captain Regent in April - October 2006 and again in October 2014 - April 2015: titled so
    in each semester he passes, between them he is flagged."""
    who = "Captain Regent Gian Franco Terenzi"
    assert found(who, dt.date(2006, 7, 4)) == []
    assert found(who, dt.date(2010, 7, 6)) == ["NL303"]
    assert found(who, dt.date(2014, 12, 9)) == []


LO, HI = dt.date(2000, 1, 1), dt.date(2026, 11, 30)


def test_san_marino_head_of_state_coverage() -> None:
    """San Marino's share of days with a known head of state: 22% before world19.toml (from April 2020
    only), 76% with it (87% with world24.toml's six more semesters of 2001-2008); the semesters no stored
    report named are still gaps."""
    cov = _coverage()
    _, state = cov.office_depth("state", LO, HI)
    assert state["San Marino"] > 0.75
    assert cov.gaps("San Marino", "state", dt.date(2002, 4, 1), dt.date(2003, 9, 30)) == []
    assert cov.gaps("San Marino", "state", dt.date(2006, 4, 1), dt.date(2008, 3, 31)) == []
    assert cov.gaps("San Marino", "state", dt.date(2008, 10, 1), dt.date(2014, 3, 31)) == []
    assert cov.gaps("San Marino", "state", dt.date(2014, 10, 1), dt.date(2020, 3, 31)) == []
    assert cov.gaps("San Marino", "state", LO, dt.date(2020, 3, 31)) == [
        (LO, dt.date(2001, 4, 1)),
        (dt.date(2001, 10, 1), dt.date(2002, 4, 1)),
        (dt.date(2004, 10, 1), dt.date(2005, 4, 1)),
        (dt.date(2014, 4, 1), dt.date(2014, 10, 1)),
    ]
