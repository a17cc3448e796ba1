"""San Marino's Secretaries of State for Foreign Affairs of 1986 - January 2020 and six more Captain Regent
semesters (April 2001, October 2003, April 2004, April and October 2005, April 2008; rules/offices/world24.toml,
issue #18).

Short wire-style articles, each dated: the Secretary titled so (or by the equivalent "Foreign Minister")
during the term is not flagged; the same title after the successor took over is (NL303). And the coverage
tool's shares of San Marino's days with a known head of government and head of state.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import offices_coverage_tool as _coverage

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

TALKS = """\
Titano presses Rome on cross-border workers' tax

{dateline} - {who} told reporters on Thursday that talks with Italy on the taxation of some 6,000 \
cross-border workers would resume next month, after a round in Rome ended without a text.
Unions on both sides of the border have asked to be heard before any deal is signed.
"""


def found(who: str, date: dt.date, dateline: str = "SAN MARINO") -> list[str]:
    return [d.code for d in check(TALKS.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # Gatti, 1986 - May 2002, with the office's full name
        pytest.param(
            "Secretary of State for Foreign and Political Affairs Gabriele Gatti", dt.date(2000, 11, 9), [], id="gatti"
        ),
        pytest.param(
            "Secretary of State for Foreign and Political Affairs Gabriele Gatti",
            dt.date(2002, 10, 17),
            ["NL303"],
            id="gatti-after",
        ),
        # the three holders of 2002-2003
        pytest.param("Secretary of State for Foreign Affairs Romeo Morri", dt.date(2002, 6, 13), [], id="morri"),
        pytest.param("Secretary of State for Foreign Affairs Augusto Casali", dt.date(2002, 10, 17), [], id="casali"),
        pytest.param(
            "Secretary of State for Foreign Affairs Augusto Casali", dt.date(2003, 10, 16), ["NL303"], id="casali-after"
        ),
        pytest.param(
            "Secretary of State for Foreign Affairs Fiorenzo Stolfi", dt.date(2003, 5, 15), [], id="stolfi-2003"
        ),
        # Berardi, December 2003 - July 2006; Stolfi again from July 2006
        pytest.param("San Marino's Foreign Minister Fabio Berardi", dt.date(2005, 2, 10), [], id="berardi"),
        pytest.param(
            "San Marino's Foreign Minister Fabio Berardi", dt.date(2007, 2, 15), ["NL303"], id="berardi-after"
        ),
        pytest.param(
            "Secretary of State for Foreign Affairs Fiorenzo Stolfi", dt.date(2007, 2, 15), [], id="stolfi-2007"
        ),
        # Mularoni, Valentini and Renzi, December 2008 - January 2020
        pytest.param("Sammarinese Foreign Minister Antonella Mularoni", dt.date(2011, 3, 10), [], id="mularoni"),
        pytest.param(
            "Sammarinese Foreign Minister Antonella Mularoni", dt.date(2014, 3, 13), ["NL303"], id="mularoni-after"
        ),
        pytest.param(
            "Secretary of State for Foreign Affairs Pasquale Valentini", dt.date(2015, 6, 11), [], id="valentini"
        ),
        pytest.param(
            "Secretary of State for Foreign Affairs Pasquale Valentini",
            dt.date(2017, 6, 15),
            ["NL303"],
            id="valentini-after",
        ),
        pytest.param("Secretary of State for Foreign Affairs Nicola Renzi", dt.date(2018, 9, 13), [], id="renzi"),
        pytest.param(
            "Secretary of State for Foreign Affairs Nicola Renzi", dt.date(2020, 9, 10), ["NL303"], id="renzi-after"
        ),
    ],
)
def test_foreign_secretaries_of_world24(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date) == expected


def test_stolfi_between_his_two_terms_is_flagged() -> None:
    """Stolfi held the office in 2003 and again from July 2006: titled so in each term he passes, in 2005
    (Berardi's time) he is flagged."""
    who = "Secretary of State for Foreign Affairs Fiorenzo Stolfi"
    assert found(who, dt.date(2003, 9, 11)) == []
    assert found(who, dt.date(2005, 9, 15)) == ["NL303"]
    assert found(who, dt.date(2008, 5, 15)) == []


def test_berardi_captain_regent_in_2001() -> None:
    """Berardi's Regency of April - October 2001, years before his term as Foreign Secretary."""
    who = "Captain Regent Fabio Berardi"
    assert found(who, dt.date(2001, 7, 12)) == []
    assert found(who, dt.date(2002, 7, 11)) == ["NL303"]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # October 2003 - April 2004 and April - October 2004 (the year from the neighbouring semesters)
        pytest.param("Captain Regent Valeria Ciavatta", dt.date(2004, 2, 12), [], id="ciavatta-2003"),
        pytest.param("Captain Regent Giovanni Lonfernini", dt.date(2004, 2, 12), [], id="lonfernini"),
        pytest.param("Captain Regent Giovanni Lonfernini", dt.date(2004, 7, 15), ["NL303"], id="lonfernini-after"),
        pytest.param("Captain Regent Paolo Bollini", dt.date(2004, 7, 15), [], id="bollini"),
        pytest.param("Captain Regent Marino Riccardi", dt.date(2004, 7, 15), [], id="riccardi-2004"),
        pytest.param("Captain Regent Marino Riccardi", dt.date(2010, 7, 15), ["NL303"], id="riccardi-between"),
        # April - October 2005 and October 2005 - April 2006
        pytest.param("Captain Regent Fausta Morganti", dt.date(2005, 7, 14), [], id="morganti"),
        pytest.param("Captain Regent Fausta Morganti", dt.date(2006, 7, 13), ["NL303"], id="morganti-after"),
        pytest.param("Captain Regent Cesare Gasperoni", dt.date(2005, 9, 15), [], id="gasperoni"),
        pytest.param(
            "Captains Regent Claudio Muccioli and Antonello Bacciocchi",
            dt.date(2006, 1, 19),
            [],
            id="muccioli-bacciocchi",
        ),
        pytest.param("Captain Regent Antonello Bacciocchi", dt.date(2007, 1, 18), ["NL303"], id="bacciocchi-after"),
        # April - October 2008, a surname of two words
        pytest.param("Captain Regent Federico Pedini Amati", dt.date(2008, 5, 15), [], id="pedini-amati"),
        pytest.param("Captain Regent Federico Pedini Amati", dt.date(2009, 5, 14), ["NL303"], id="pedini-amati-after"),
    ],
)
def test_captains_regent_of_world24(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date) == expected


LO, HI = dt.date(2000, 1, 1), dt.date(2026, 11, 30)


def test_san_marino_head_of_government_coverage() -> None:
    """San Marino's head of government (its Foreign Secretary): known on 26% of the days of 2000 - November
    2026 before world24.toml (from Beccari, 8 January 2020), on every day with it."""
    cov = _coverage()
    _, government = cov.office_depth("government", LO, HI)
    assert government["San Marino"] == 1.0
    assert cov.gaps("San Marino", "government", LO, HI) == []


def test_san_marino_head_of_state_coverage() -> None:
    """76% of the days before world24.toml, 87% with it: April - October 2001, October 2003 - October 2004,
    April 2005 - April 2006 and April - October 2008 close; the other semesters of world24.toml's header
    stay gaps, and so does everything from 1 April 2026 (no stored report of the 2026 elections)."""
    cov = _coverage()
    _, state = cov.office_depth("state", LO, HI)
    assert 0.86 < state["San Marino"] < 0.89
    assert cov.gaps("San Marino", "state", dt.date(2001, 4, 1), dt.date(2001, 9, 30)) == []
    assert cov.gaps("San Marino", "state", dt.date(2002, 4, 1), dt.date(2004, 9, 30)) == []
    assert cov.gaps("San Marino", "state", dt.date(2005, 4, 1), dt.date(2014, 3, 31)) == []
    assert cov.gaps("San Marino", "state", LO, dt.date(2006, 3, 31)) == [
        (LO, dt.date(2001, 4, 1)),
        (dt.date(2001, 10, 1), dt.date(2002, 4, 1)),
        (dt.date(2004, 10, 1), dt.date(2005, 4, 1)),
    ]
    assert cov.gaps("San Marino", "state", dt.date(2026, 1, 1), HI) == [
        (dt.date(2026, 4, 1), HI + dt.timedelta(days=1))
    ]
