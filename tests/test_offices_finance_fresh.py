"""Finance terms re-checked into 2026 (issue #18 "Freshness"): rules/offices/g20-finance-fresh.toml (checked
2026-05-29: the Fed chair, Powell to 22 May 2026 then Warsh, the end of Rhee Chang-yong's term at the Bank of Korea
on 21 April 2026, Malhotra, Lagarde, Bailey, Reeves, Ueda, Katayama, Chalmers), g20-finance-fresh-march.toml
(checked 2026-03-03) and g20-finance-fresh-january.toml (checked 2026-01-21).

Short wire-style articles of 2026, each dated: a holder titled correctly after the first day is not flagged; the
predecessor still titled after it is (NL303), with no "later than the offices table" caveat up to the pack's
date; a verified incumbent given another office's title is NL304, which needs the table to vouch for the day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import tomllib
from conftest import offices_coverage_tool as _coverage

from newslint.checks.titles.offices import parse_offices
from newslint.plugin.packs import Packs
from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304", "NL306"]
OFFICES = Path(__file__).resolve().parents[1] / "rules" / "offices"
PACK = OFFICES / "g20-finance-fresh.toml"
CHECKED = dt.date(2026, 5, 29)
PARTS = {
    PACK: CHECKED,
    OFFICES / "g20-finance-fresh-march.toml": dt.date(2026, 3, 3),
    OFFICES / "g20-finance-fresh-january.toml": dt.date(2026, 1, 21),
}
CAVEAT = "later than the offices table"

WIRE = """\
Central bankers weigh energy shock before summer decisions

{dateline} (Reuters) - {who} told reporters on Tuesday that policymakers would watch fuel prices \
closely before the next decision, after a month of swings in the currency.
Bond yields edged lower after the remarks, dealers said.
"""


def findings(who: str, date: dt.date, dateline: str) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in check(WIRE.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # the Fed: Warsh from 22 May 2026; Powell's title after it is NL303, before it Warsh's is NL306
        pytest.param(
            "Federal Reserve Chair Kevin Warsh", dt.date(2026, 5, 26), "WASHINGTON", [], id="warsh-first-week"
        ),
        pytest.param("Fed Chair Kevin Warsh", dt.date(2026, 6, 16), "WASHINGTON", [], id="warsh-june"),
        pytest.param("Fed Chair Jerome Powell", dt.date(2026, 5, 26), "WASHINGTON", ["NL303"], id="powell-after"),
        pytest.param("Fed Chair Jerome Powell", dt.date(2026, 4, 14), "WASHINGTON", [], id="powell-last-spring"),
        pytest.param("Fed Chair Kevin Warsh", dt.date(2026, 4, 14), "WASHINGTON", ["NL306"], id="warsh-before"),
        # the Bank of Korea: Rhee's term ended on 20 April 2026
        pytest.param("Bank of Korea Governor Rhee Chang-yong", dt.date(2026, 4, 14), "SEOUL", [], id="rhee-last-month"),
        pytest.param(
            "Bank of Korea Governor Rhee Chang-yong", dt.date(2026, 5, 12), "SEOUL", ["NL303"], id="rhee-after"
        ),
        # verified incumbents: right title, nothing; another office's title, NL304 (the day must be vouched for)
        pytest.param("RBI Governor Sanjay Malhotra", dt.date(2026, 5, 12), "MUMBAI", [], id="malhotra"),
        pytest.param(
            "Indian Finance Minister Sanjay Malhotra", dt.date(2026, 5, 12), "MUMBAI", ["NL304"], id="malhotra-not-fm"
        ),
        pytest.param("ECB President Christine Lagarde", dt.date(2026, 5, 12), "FRANKFURT", [], id="lagarde"),
        pytest.param("ECB President Christine Lagarde", dt.date(2026, 11, 17), "FRANKFURT", [], id="lagarde-nov"),
        pytest.param("Chancellor Rachel Reeves", dt.date(2026, 5, 19), "LONDON", [], id="reeves"),
        pytest.param("Japanese Finance Minister Satsuki Katayama", dt.date(2026, 5, 19), "TOKYO", [], id="katayama"),
        # the March part: incumbents in February 2026, and a Bundesbank head given a minister's title
        pytest.param("German Finance Minister Lars Klingbeil", dt.date(2026, 2, 24), "BERLIN", [], id="klingbeil"),
        pytest.param(
            "German Finance Minister Joachim Nagel", dt.date(2026, 2, 24), "BERLIN", ["NL304"], id="nagel-not-fm"
        ),
        pytest.param(
            "South Korean Finance Minister Koo Yun-cheol", dt.date(2026, 2, 24), "SEOUL", [], id="koo-renamed-ministry"
        ),
        pytest.param("Turkish Finance Minister Mehmet Simsek", dt.date(2026, 2, 24), "ANKARA", [], id="simsek"),
        # the January part
        pytest.param(
            "Indonesian Finance Minister Perry Warjiyo", dt.date(2026, 1, 13), "JAKARTA", ["NL304"], id="perry-not-fm"
        ),
        pytest.param(
            "Brazilian central bank President Gabriel Galipolo", dt.date(2026, 1, 13), "BRASILIA", [], id="galipolo"
        ),
    ],
)
def test_terms_of_finance_fresh(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert [code for code, _ in findings(who, date, dateline)] == expected


@pytest.mark.parametrize(
    ("who", "dateline", "left"),
    [
        ("Fed Chair Jerome Powell", "WASHINGTON", "left office as Fed Chair on 2026-05-22"),
        ("Bank of Korea Governor Rhee Chang-yong", "SEOUL", "left office as Bank of Korea Governor on 2026-04-21"),
    ],
)
def test_predecessor_flagged_without_caveat_to_the_pack_date(who: str, dateline: str, left: str) -> None:
    """Up to the pack's date the report asserts; after it, the caveat names the pack's date, not 2025's."""
    ((code, message),) = findings(who, dt.date(2026, 5, 26), dateline)
    assert code == "NL303" and left in message and CAVEAT not in message
    ((code, message),) = findings(who, dt.date(2026, 11, 17), dateline)
    assert code == "NL303" and f"current to {CHECKED}" in message


def test_verified_incumbent_elect_title_reported_without_caveat() -> None:
    """ "Chair-elect" weeks after the oath is NL301; the report asserts, as Warsh's term is vouched for then."""
    ((code, message),) = findings("Fed Chair-elect Kevin Warsh", dt.date(2026, 5, 26), "WASHINGTON")
    assert code == "NL301" and "took office as Fed Chair on 2026-05-22" in message and CAVEAT not in message


def test_incumbent_wrong_title_needs_a_vouched_day() -> None:
    """NL304 names the office held only on days the table vouches for: not in November 2026, after the pack's date."""
    assert findings("Indian Finance Minister Sanjay Malhotra", dt.date(2026, 11, 17), "MUMBAI") == []


def test_moved_terms_are_in_one_file_only() -> None:
    """Each term of the three parts was moved, not copied: no other pack keeps it (and its earlier `checked`)."""

    def key(t: dict) -> tuple:
        return (t["person"], t["country"], t["office"], t["start"])

    table = Packs().load("offices", parse_offices)
    loaded = {(t.person, t.country, t.office, t.start): t for t in table.terms}
    for path, checked in PARTS.items():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data["pack"]["checked"] == checked
        terms = data["term"]
        assert terms and all(t["source"].startswith("wikipedia:") and "2026" in t["source"] for t in terms)
        mine = {key(t) for t in terms}
        for other in OFFICES.glob("*.toml"):
            if other != path:
                assert not mine & {key(t) for t in tomllib.loads(other.read_text(encoding="utf-8")).get("term", [])}
        assert all(loaded[k].checked == checked and loaded[k].source.startswith(path.name) for k in mine)
    # 31 holders re-checked (open terms) and two closed terms (Powell's, Rhee's), out of 39 offices
    terms = [t for p in PARTS for t in tomllib.loads(p.read_text(encoding="utf-8"))["term"]]
    assert len(terms) == 33 and {t["person"] for t in terms if "end" in t} == {"Jerome Powell", "Rhee Chang-yong"}


def test_finance_coverage_into_2026(capsys: pytest.CaptureFixture[str]) -> None:
    """To November 2026 each re-checked office is vouched for to its part's date, the Bank of Korea to the end of
    Rhee's term; the offices not re-checked still end at their packs' dates (2025-10-31, 2025-12-31)."""
    assert _coverage().main(["--finance", "2000-01-01:2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "United States (central bank): 2014-02-01..2014-02-02, 2018-02-03..2018-02-04, 2026-05-30..2026-11-30" in out
    for line in (
        "European Union (central bank): 2026-05-30..2026-11-30",
        "United Kingdom (finance): 2026-05-30..2026-11-30",
        "Japan (central bank): 2026-05-30..2026-11-30",
        "South Korea (central bank): 2026-04-21..2026-11-30",
        "Germany (finance): 2026-03-04..2026-11-30",
        "China (central bank): 2026-03-04..2026-11-30",
        "Mexico (central bank): 2026-01-22..2026-11-30",
        "South Africa (finance): 2026-01-22..2026-11-30",
        # not re-checked: the Banque de France (Villeroy's announced departure has no day or successor in the
        # copies read), Canada's Finance Minister, Saudi Arabia
        "France (central bank): 2025-11-01..2026-11-30",
        "Canada (finance): 2025-11-01..2026-11-30",
        "Saudi Arabia (central bank): 2026-01-01..2026-11-30",
    ):
        assert f"  {line}\n" in out, line
    assert "mean over 39 offices: 97.2%" in out
