"""Finance ministers and central-bank heads of the United States, Japan, Germany, France, Italy, Canada,
Australia and South Korea from 2000, acting holders included (rules/offices/g20-finance-a.toml, issue #18),
and the coverage tool's ``--finance`` report.

Short wire-style articles, each dated: a holder correctly titled on the article's day is not flagged; one
still given the title after the term is (NL303).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import offices_coverage_tool as _coverage

from newslint.checks.titles.offices import parse_offices
from newslint.plugin.packs import Packs
from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

MEETING = """\
Finance chiefs weigh bank capital rules

{dateline} - {who} said on Friday that lenders would get more time to build up capital buffers, \
speaking on the sidelines of a meeting of finance officials.
Bond yields edged lower after the remarks.
"""


def found(who: str, date: dt.date, dateline: str) -> list[str]:
    return [d.code for d in check(MEETING.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # United States: the table started with Paulson in 2006; Summers and the acting secretaries fill the gaps
        pytest.param("Treasury Secretary Lawrence Summers", dt.date(2000, 6, 9), "WASHINGTON", [], id="summers"),
        pytest.param(
            "Treasury Secretary Lawrence Summers", dt.date(2002, 5, 10), "WASHINGTON", ["NL303"], id="summers-after"
        ),
        pytest.param("Treasury Secretary Paul O'Neill", dt.date(2002, 6, 14), "WASHINGTON", [], id="oneill"),
        pytest.param(
            "Treasury Secretary Paul O'Neill", dt.date(2004, 6, 11), "WASHINGTON", ["NL303"], id="oneill-after"
        ),
        pytest.param(
            "acting Treasury Secretary Stuart Levey", dt.date(2009, 1, 23), "WASHINGTON", [], id="levey-acting"
        ),
        pytest.param("acting Treasury Secretary Neal Wolin", dt.date(2013, 2, 15), "WASHINGTON", [], id="wolin-acting"),
        # Japan: thirteen finance ministers between Miyazawa and Aso
        pytest.param("Japanese Finance Minister Sadakazu Tanigaki", dt.date(2005, 4, 15), "TOKYO", [], id="tanigaki"),
        pytest.param(
            "Japanese Finance Minister Sadakazu Tanigaki",
            dt.date(2007, 4, 13),
            "TOKYO",
            ["NL303"],
            id="tanigaki-after",
        ),
        pytest.param("Japanese Finance Minister Jun Azumi", dt.date(2012, 4, 20), "TOKYO", [], id="azumi"),
        pytest.param("Japanese Finance Minister Kiichi Miyazawa", dt.date(2000, 9, 22), "TOKYO", [], id="miyazawa"),
        # Germany: the Bundesbank before Weidmann
        pytest.param("Bundesbank President Axel Weber", dt.date(2008, 10, 10), "FRANKFURT", [], id="weber"),
        pytest.param(
            "Bundesbank President Axel Weber", dt.date(2012, 10, 12), "FRANKFURT", ["NL303"], id="weber-after"
        ),
        pytest.param("Bundesbank President Ernst Welteke", dt.date(2002, 3, 8), "FRANKFURT", [], id="welteke"),
        # France: the finance ministers before Le Maire, and the Banque de France before Villeroy de Galhau
        pytest.param("French Finance Minister Christine Lagarde", dt.date(2009, 3, 13), "PARIS", [], id="lagarde"),
        pytest.param(
            "French Finance Minister Christine Lagarde", dt.date(2012, 3, 9), "PARIS", ["NL303"], id="lagarde-after"
        ),
        pytest.param("French Finance Minister Michel Sapin", dt.date(2016, 2, 26), "PARIS", [], id="sapin"),
        pytest.param("Bank of France Governor Christian Noyer", dt.date(2010, 6, 4), "PARIS", [], id="noyer"),
        # Italy: treasury and economy ministers, and the Bank of Italy before Visco
        pytest.param("Italian Finance Minister Giulio Tremonti", dt.date(2009, 7, 10), "ROME", [], id="tremonti"),
        pytest.param(
            "Italian Finance Minister Giulio Tremonti", dt.date(2007, 7, 13), "ROME", ["NL303"], id="tremonti-gap"
        ),
        pytest.param("Bank of Italy Governor Antonio Fazio", dt.date(2004, 11, 5), "ROME", [], id="fazio"),
        pytest.param("Bank of Italy Governor Antonio Fazio", dt.date(2007, 11, 9), "ROME", ["NL303"], id="fazio-after"),
        # Canada, Australia
        pytest.param("Canadian Finance Minister John Manley", dt.date(2003, 5, 9), "OTTAWA", [], id="manley"),
        pytest.param(
            "Canadian Finance Minister John Manley", dt.date(2005, 5, 13), "OTTAWA", ["NL303"], id="manley-after"
        ),
        pytest.param("Bank of Canada Governor Gordon Thiessen", dt.date(2000, 10, 13), "OTTAWA", [], id="thiessen"),
        pytest.param(
            "Reserve Bank of Australia Governor Ian Macfarlane", dt.date(2004, 8, 6), "SYDNEY", [], id="macfarlane"
        ),
        pytest.param(
            "Reserve Bank of Australia Governor Ian Macfarlane",
            dt.date(2008, 8, 8),
            "SYDNEY",
            ["NL303"],
            id="macfarlane-after",
        ),
        # South Korea: the finance ministers from 1999 to Choi Sang-mok, and the Bank of Korea before Rhee
        pytest.param("South Korean Finance Minister Jin Nyum", dt.date(2001, 6, 8), "SEOUL", [], id="jin-nyum"),
        pytest.param("South Korean Finance Minister Hong Nam-ki", dt.date(2020, 9, 11), "SEOUL", [], id="hong-nam-ki"),
        pytest.param(
            "South Korean Finance Minister Hong Nam-ki",
            dt.date(2023, 3, 10),
            "SEOUL",
            ["NL303"],
            id="hong-nam-ki-after",
        ),
        pytest.param("Bank of Korea Governor Kim Choong-soo", dt.date(2012, 7, 13), "SEOUL", [], id="kim-choong-soo"),
        pytest.param(
            "Bank of Korea Governor Kim Choong-soo",
            dt.date(2015, 7, 10),
            "SEOUL",
            ["NL303"],
            id="kim-choong-soo-after",
        ),
    ],
)
def test_terms_of_finance_a(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


def test_every_term_names_a_source() -> None:
    """Each term of the pack carries a source; the only office it declares of its own is Italy's Treasury Minister."""
    path = Path(__file__).resolve().parents[1] / "rules" / "offices" / "g20-finance-a.toml"
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["term"] and all(t.get("source", "").startswith("wikipedia:") for t in data["term"])
    table = Packs().load("offices", parse_offices)
    assert {"Treasury Secretary", "Chancellor of the Exchequer", "Treasurer", "Governor"} <= set(table.titles)


def test_finance_report_counts_the_days_of_each_office(capsys: pytest.CaptureFixture[str]) -> None:
    """``--finance``: the share of days on which the finance minister and the central bank's head are known."""
    tool = _coverage()
    assert tool.main(["--finance", "2000-01-01:2012-12-31"]) == 0
    out = capsys.readouterr().out
    assert "Japan: finance 100.0%, central bank 100.0%" in out
    assert "United Kingdom: finance 100.0%, central bank 100.0%" in out
    # Italy: Berlusconi's interim of July 2004 is known; 8-16 May 2006 is not
    assert "Italy (finance): 2006-05-08..2006-05-16" in out
    # South Korea: every finance minister and central-bank governor is known
    assert "South Korea: finance 100.0%, central bank 100.0%" in out
