"""Holders who left office between 1995 and 2000 (rules/offices/world22.toml, issue #18).

The table's depth started at 2000-01-01, so a leader of the 1990s still called by the bare title in an
article of 2000-2003 was not flagged: NL303 needs an ended term of the person. These short wire-style
articles carry their day in an "Updated" line; a 1990s holder given the bare title after the term is
flagged, "former" is not, and an article dated inside the old term passes. People with a later term in
the table (Peres, Nawaz Sharif, Ganzouri, Klaus, Brundtland) keep one `person`, so both terms are judged.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.checks.titles.offices import OfficeTable, parse_offices
from newslint.plugin.packs import Packs
from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

HARBOUR = """\
Port expansion draws regional investors

Updated {time}, {day}
{dateline} (AP) — {who} toured the new container terminal on Tuesday and promised faster customs \
checks for shippers, port officials said.
Dockworkers' unions asked for written guarantees on night shifts before the cranes start running.
"""

SUMMIT = """\
Leaders pledge help for flood-hit farmers

Updated {time}, {day}
{dateline} (Reuters) — {who} told a regional summit on Thursday that emergency grain stocks would be \
released within days, according to a statement from the organisers.
Aid groups said the pledge fell short of what the worst-hit provinces needed.
"""


def found(template: str, who: str, day: str, dateline: str, time: str = "10:41 AM GMT") -> list[str]:
    text = template.format(who=who, day=day, dateline=dateline, time=time)
    return [d.code for d in check(text, TABLE_CODES)]


@pytest.mark.parametrize(
    ("template", "who", "day", "dateline", "expected"),
    [
        # Russia: Yeltsin resigned on 31 December 1999
        pytest.param(
            HARBOUR, "Russian President Boris Yeltsin", "June 13, 2000", "MURMANSK", ["NL303"], id="yeltsin-2000"
        ),
        pytest.param(
            HARBOUR, "Former Russian President Boris Yeltsin", "June 13, 2000", "MURMANSK", [], id="yeltsin-former"
        ),
        pytest.param(HARBOUR, "Russian President Boris Yeltsin", "June 16, 1998", "MURMANSK", [], id="yeltsin-1998"),
        pytest.param(
            SUMMIT, "Russian Prime Minister Yevgeny Primakov", "February 4, 1999", "MOSCOW", [], id="primakov-1999"
        ),
        pytest.param(
            SUMMIT, "Russian Prime Minister Yevgeny Primakov", "March 8, 2001", "MOSCOW", ["NL303"], id="primakov-after"
        ),
        pytest.param(
            SUMMIT,
            "Russian acting Prime Minister Sergei Kiriyenko",
            "April 2, 1998",
            "MOSCOW",
            [],
            id="kiriyenko-acting",
        ),
        # Germany: Kohl to 27 October 1998; the finance minister and the Bundesbank's president of 1999
        pytest.param(HARBOUR, "German Chancellor Helmut Kohl", "May 8, 2001", "HAMBURG", ["NL303"], id="kohl-2001"),
        pytest.param(HARBOUR, "former German Chancellor Helmut Kohl", "May 8, 2001", "HAMBURG", [], id="kohl-former"),
        pytest.param(
            SUMMIT, "German Finance Minister Oskar Lafontaine", "October 10, 2000", "BONN", ["NL303"], id="lafontaine"
        ),
        pytest.param(
            SUMMIT, "Bundesbank President Hans Tietmeyer", "January 16, 2001", "FRANKFURT", ["NL303"], id="tietmeyer"
        ),
        pytest.param(
            SUMMIT, "Bundesbank President Hans Tietmeyer", "March 3, 1999", "FRANKFURT", [], id="tietmeyer-1999"
        ),
        # United Kingdom, Japan, India, Argentina, South Africa, Indonesia, the Philippines
        pytest.param(
            HARBOUR, "British Prime Minister John Major", "July 11, 2000", "SOUTHAMPTON", ["NL303"], id="major"
        ),
        pytest.param(
            SUMMIT, "Japanese Prime Minister Ryutaro Hashimoto", "April 24, 2001", "TOKYO", ["NL303"], id="hashimoto"
        ),
        pytest.param(
            SUMMIT, "Japanese Finance Minister Hikaru Matsunaga", "May 19, 1998", "TOKYO", [], id="matsunaga-1998"
        ),
        pytest.param(
            HARBOUR, "Indian Prime Minister I.K. Gujral", "February 5, 2002", "MUMBAI", ["NL303"], id="gujral"
        ),
        pytest.param(
            HARBOUR, "Argentine President Carlos Menem", "August 21, 2001", "BAHIA BLANCA", ["NL303"], id="menem"
        ),
        pytest.param(
            HARBOUR, "Argentine President Carlos Menem", "August 19, 1997", "BAHIA BLANCA", [], id="menem-1997"
        ),
        pytest.param(
            SUMMIT, "South African President Nelson Mandela", "September 5, 2000", "DURBAN", ["NL303"], id="mandela"
        ),
        pytest.param(SUMMIT, "Indonesian President B.J. Habibie", "March 14, 2000", "JAKARTA", ["NL303"], id="habibie"),
        pytest.param(HARBOUR, "Philippine President Fidel Ramos", "June 6, 2001", "BATANGAS", ["NL303"], id="ramos"),
        # Italy, Turkey, Thailand, Ukraine
        pytest.param(SUMMIT, "Italian Prime Minister Romano Prodi", "November 18, 1997", "NAPLES", [], id="prodi-1997"),
        pytest.param(
            SUMMIT, "Turkish Prime Minister Necmettin Erbakan", "March 11, 1997", "ANKARA", [], id="erbakan-1997"
        ),
        pytest.param(
            SUMMIT,
            "Turkish Prime Minister Necmettin Erbakan",
            "March 13, 2001",
            "ANKARA",
            ["NL303"],
            id="erbakan-after",
        ),
        pytest.param(
            HARBOUR,
            "Thai Prime Minister Chavalit Yongchaiyudh",
            "July 3, 2001",
            "LAEM CHABANG",
            ["NL303"],
            id="chavalit",
        ),
        pytest.param(
            HARBOUR,
            "Ukrainian Prime Minister Valeriy Pustovoitenko",
            "April 11, 2000",
            "ODESA",
            ["NL303"],
            id="pustovoitenko",
        ),
        # Nigeria's military rulers, as "Head of State"
        pytest.param(HARBOUR, "Nigerian Head of State Sani Abacha", "May 12, 1998", "LAGOS", [], id="abacha-1998"),
        pytest.param(
            HARBOUR,
            "Nigeria's head of state Abdulsalami Abubakar",
            "May 9, 2000",
            "LAGOS",
            ["NL303"],
            id="abubakar-after",
        ),
        # Joined terms: a person with a later term of the table
        pytest.param(
            SUMMIT,
            "Israeli acting Prime Minister Shimon Peres",
            "November 14, 1995",
            "JERUSALEM",
            [],
            id="peres-acting",
        ),
        pytest.param(
            SUMMIT, "Israeli Prime Minister Shimon Peres", "February 20, 2001", "JERUSALEM", ["NL303"], id="peres-after"
        ),
        pytest.param(
            SUMMIT, "Israeli President Shimon Peres", "February 17, 2009", "JERUSALEM", [], id="peres-president"
        ),
        pytest.param(
            HARBOUR, "Pakistani Prime Minister Nawaz Sharif", "October 20, 1998", "KARACHI", [], id="nawaz-sharif-1998"
        ),
        pytest.param(
            HARBOUR,
            "Pakistani Prime Minister Nawaz Sharif",
            "October 16, 2001",
            "KARACHI",
            ["NL303"],
            id="nawaz-sharif-2001",
        ),
        pytest.param(
            HARBOUR, "Pakistani Prime Minister Nawaz Sharif", "October 14, 2014", "KARACHI", [], id="nawaz-sharif-2014"
        ),
        pytest.param(
            SUMMIT,
            "Egyptian Prime Minister Kamal Ganzouri",
            "May 23, 2000",
            "ALEXANDRIA",
            ["NL303"],
            id="ganzouri-2000",
        ),
        # Other states in the news of the 1990s
        pytest.param(HARBOUR, "Croatian President Franjo Tudjman", "May 15, 2001", "SPLIT", ["NL303"], id="tudjman"),
        pytest.param(
            SUMMIT, "Czech Prime Minister Vaclav Klaus", "June 8, 1999", "PRAGUE", ["NL303"], id="klaus-premier-after"
        ),
        pytest.param(SUMMIT, "Czech President Vaclav Klaus", "June 12, 2007", "PRAGUE", [], id="klaus-president"),
        pytest.param(
            SUMMIT, "New Zealand Prime Minister Jenny Shipley", "March 21, 2000", "WELLINGTON", ["NL303"], id="shipley"
        ),
        pytest.param(
            SUMMIT,
            "Norwegian Prime Minister Gro Harlem Brundtland",
            "May 15, 2001",
            "OSLO",
            ["NL303"],
            id="brundtland-pm",
        ),
        pytest.param(
            SUMMIT, "WHO Director-General Gro Harlem Brundtland", "May 15, 2001", "GENEVA", [], id="brundtland-who"
        ),
        pytest.param(HARBOUR, "President Mobutu Sese Seko", "October 8, 1996", "MATADI", [], id="mobutu-1996"),
        # International bodies
        pytest.param(
            SUMMIT, "NATO Secretary-General Javier Solana", "November 6, 2001", "BRUSSELS", ["NL303"], id="solana-nato"
        ),
        pytest.param(
            SUMMIT, "NATO Secretary-General Javier Solana", "April 27, 1999", "BRUSSELS", [], id="solana-1999"
        ),
        pytest.param(
            SUMMIT,
            "European Commission President Jacques Santer",
            "June 27, 2000",
            "LUXEMBOURG",
            ["NL303"],
            id="santer",
        ),
        pytest.param(
            SUMMIT,
            "acting European Commission President Manuel Marin",
            "July 13, 1999",
            "BRUSSELS",
            [],
            id="marin-acting",
        ),
        pytest.param(
            SUMMIT, "WTO Director-General Renato Ruggiero", "February 8, 2000", "GENEVA", ["NL303"], id="ruggiero"
        ),
        pytest.param(
            SUMMIT,
            "U.N. Secretary-General Boutros Boutros-Ghali",
            "January 22, 1997",
            "CAIRO",
            ["NL303"],
            id="boutros-ghali",
        ),
    ],
)
def test_terms_of_world22(template: str, who: str, day: str, dateline: str, expected: list[str]) -> None:
    assert found(template, who, day, dateline) == expected


def _table() -> OfficeTable:
    return Packs().load("offices", parse_offices)


def test_the_new_terms_end_between_1995_and_early_2000() -> None:
    """Every term of world22.toml is closed and ends in 1995-1999 (Kim Jong-pil's on 13 January 2000),
    each with a Wikipedia article named as its source."""
    terms = [t for t in _table().terms if t.source.startswith("world22.toml")]
    assert len(terms) >= 80
    for term in terms:
        assert term.end is not None and term.start < term.end, term
        assert dt.date(1995, 1, 1) <= term.end <= dt.date(2000, 1, 13), term
        assert term.cite.startswith("wikipedia:"), term


def test_an_earlier_term_joins_the_later_ones() -> None:
    """Peres's premiership of 1995-1996 and his presidency, Nawaz Sharif's two premierships, and Putin's
    acting premiership of August 1999 and the confirmed one are terms of one person."""
    table = _table()
    peres = {(t.office, t.start) for t in table.terms_of("Shimon Peres")}
    assert ("Prime Minister", dt.date(1995, 11, 22)) in peres and ("President", dt.date(2007, 7, 15)) in peres
    sharif = sorted(t.start for t in table.terms_of("Nawaz Sharif") if t.office == "Prime Minister")
    assert sharif[:2] == [dt.date(1997, 2, 17), dt.date(2013, 6, 5)]
    putin = [t for t in table.terms_of("Vladimir Putin") if t.office == "Prime Minister" and t.start.year == 1999]
    assert [(t.start, t.end, t.acting) for t in sorted(putin, key=lambda t: t.start)] == [
        (dt.date(1999, 8, 9), dt.date(1999, 8, 16), True),
        (dt.date(1999, 8, 16), dt.date(2000, 5, 7), False),
    ]


def test_no_gap_between_yeltsin_and_putin() -> None:
    """Russia's head of state is known on every day of 1999: Yeltsin to 31 December, Putin acting from it."""
    table = _table()
    day = dt.date(1999, 1, 1)
    while day < dt.date(2000, 1, 1):
        holders = [
            t.person
            for t in table.terms
            if t.country == "Russia" and t.office == "President" and t.start <= day and (t.end is None or day < t.end)
        ]
        assert len(holders) == 1, (day, holders)
        day += dt.timedelta(days=1)
