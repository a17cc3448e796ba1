"""Finance terms the first three G20 finance packs left out (rules/offices/g20-finance-c.toml, issue #18):
Russia's Kasyanov and Siluanov's acting months, Turkey's central bank 2006-2011, Argentina's Pedro Pou,
Italy's Ministers of Finance beside the Treasury Minister, the changes of 2026 (Warsh, Durigan), and the holders
in office on 1 January 2000 whose first day is only bounded (Saudi Arabia's Al-Assaf and Al-Sayari, Turkey's Erçel),
and SAMA's governors of 2009-2016 (Al-Jasser, Al-Mubarak's first term).

Short wire-style articles, each dated: a holder correctly titled on the article's day is not flagged; the
same title after the term is (NL303); an acting title is judged against the acting terms; a title the
person never held is NL304.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
import tomllib
from conftest import offices_coverage_tool as _coverage

from newslint.checks.titles.offices import parse_offices
from newslint.plugin.packs import Packs
from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]
PACK = Path(__file__).resolve().parents[1] / "rules" / "offices" / "g20-finance-c.toml"

BRIEFING = """\
Finance officials signal steady course before budget talks

{dateline} - {who} told a news conference on Tuesday that spending plans would stay on track \
despite weaker tax receipts in the first months of the year.
Markets were little changed after the comments, dealers said.
"""


def found(who: str, date: dt.date, dateline: str) -> list[str]:
    return [d.code for d in check(BRIEFING.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # Russia: Kasyanov kept Finance as first deputy prime minister until Kudrin, then led the government
        pytest.param("Russian Finance Minister Mikhail Kasyanov", dt.date(2000, 2, 15), "MOSCOW", [], id="kasyanov"),
        pytest.param(
            "Russian Finance Minister Mikhail Kasyanov", dt.date(2001, 3, 13), "MOSCOW", ["NL303"], id="kasyanov-after"
        ),
        # Siluanov: acting from September 2011, minister from 16 December 2011
        pytest.param(
            "Russian acting Finance Minister Anton Siluanov", dt.date(2011, 10, 18), "MOSCOW", [], id="siluanov-acting"
        ),
        pytest.param(
            "Russian Finance Minister Anton Siluanov", dt.date(2011, 11, 8), "MOSCOW", [], id="siluanov-plain-2011"
        ),
        pytest.param(
            "Russian acting Finance Minister Anton Siluanov",
            dt.date(2013, 10, 15),
            "MOSCOW",
            ["NL303"],
            id="siluanov-acting-after",
        ),
        pytest.param("Russian Finance Minister Anton Siluanov", dt.date(2014, 4, 8), "MOSCOW", [], id="siluanov"),
        # Turkey: Başçı acting after Serdengeçti's term, then Durmuş Yılmaz's five years
        pytest.param(
            "Turkish central bank acting Governor Erdem Başçı", dt.date(2006, 3, 28), "ANKARA", [], id="basci-acting"
        ),
        pytest.param(
            "Turkish central bank acting Governor Erdem Başçı",
            dt.date(2007, 3, 27),
            "ANKARA",
            ["NL303"],
            id="basci-acting-after",
        ),
        pytest.param(
            "Turkish central bank Governor Durmuş Yılmaz", dt.date(2008, 10, 14), "ANKARA", [], id="durmus-yilmaz"
        ),
        pytest.param(
            "Turkish central bank Governor Durmuş Yılmaz",
            dt.date(2013, 5, 14),
            "ANKARA",
            ["NL303"],
            id="durmus-yilmaz-after",
        ),
        # Argentina: Pedro Pou until his removal in April 2001
        pytest.param(
            "Central Bank of Argentina President Pedro Pou", dt.date(2000, 6, 13), "BUENOS AIRES", [], id="pou"
        ),
        pytest.param(
            "Central Bank of Argentina President Pedro Pou",
            dt.date(2002, 6, 11),
            "BUENOS AIRES",
            ["NL303"],
            id="pou-after",
        ),
        # Italy before June 2001: a Minister of Finance (tax ministry) beside the Treasury Minister
        pytest.param("Italian Finance Minister Vincenzo Visco", dt.date(1999, 11, 16), "ROME", [], id="visco-finance"),
        pytest.param(
            "Italian Finance Minister Vincenzo Visco",
            dt.date(2000, 11, 14),
            "ROME",
            ["NL303"],
            id="visco-finance-after",
        ),
        pytest.param(
            "Italian Treasury Minister Vincenzo Visco", dt.date(2000, 11, 14), "ROME", [], id="visco-treasury"
        ),
        pytest.param(
            "Italian Treasury Minister Giuliano Amato", dt.date(1999, 11, 16), "ROME", [], id="amato-treasury"
        ),
        pytest.param(
            "Italian Finance Minister Giuliano Amato", dt.date(1999, 11, 16), "ROME", ["NL304"], id="amato-not-finance"
        ),
        pytest.param("Italian Finance Minister Ottaviano Del Turco", dt.date(2000, 11, 14), "ROME", [], id="del-turco"),
        pytest.param(
            "Italian Finance Minister Ottaviano Del Turco",
            dt.date(2002, 11, 12),
            "ROME",
            ["NL303"],
            id="del-turco-after",
        ),
        # "Treasury Minister" is a title of Italy only: Argentina's Treasury minister is filed as Economy Minister
        pytest.param(
            "Argentine Treasury Minister Nicolás Dujovne", dt.date(2018, 3, 13), "BUENOS AIRES", [], id="dujovne"
        ),
        # Saudi Arabia: Al-Assaf at Finance from 1996 to 31 October 2016, Al-Sayari at SAMA to 14 February 2009
        pytest.param(
            "Saudi Finance Minister Ibrahim al-Assaf", dt.date(2000, 12, 19), "RIYADH", [], id="al-assaf-2000"
        ),
        pytest.param(
            "Saudi Finance Minister Ibrahim Al-Assaf", dt.date(2012, 11, 13), "RIYADH", [], id="al-assaf-2012"
        ),
        pytest.param(
            "Saudi Finance Minister Ibrahim Alassaf",
            dt.date(2017, 5, 16),
            "RIYADH",
            ["NL303"],
            id="al-assaf-after",
        ),
        pytest.param(
            "Saudi Arabian Monetary Agency Governor Hamad al-Sayyari",
            dt.date(2001, 4, 24),
            "RIYADH",
            [],
            id="al-sayari-2001",
        ),
        pytest.param("SAMA Governor Hamad Al-Sayari", dt.date(2008, 10, 21), "RIYADH", [], id="al-sayari-2008"),
        pytest.param("SAMA Governor Hamad Al-Sayari", dt.date(2010, 6, 8), "RIYADH", ["NL303"], id="al-sayari-after"),
        # SAMA: Al-Jasser from 14 February 2009, Al-Mubarak from the reshuffle of 13 December 2011 to May 2016
        pytest.param("SAMA Governor Muhammad al-Jasser", dt.date(2010, 11, 9), "RIYADH", [], id="al-jasser"),
        pytest.param(
            "SAMA Governor Muhammad al-Jasser", dt.date(2012, 10, 16), "RIYADH", ["NL303"], id="al-jasser-after"
        ),
        pytest.param(
            "Saudi Arabian Monetary Agency Governor Fahad Al-Mubarak",
            dt.date(2014, 3, 11),
            "RIYADH",
            [],
            id="al-mubarak-first-term",
        ),
        pytest.param(
            "Saudi Arabian Monetary Agency Governor Fahad Al-Mubarak",
            dt.date(2018, 9, 18),
            "RIYADH",
            ["NL303"],
            id="al-mubarak-between-terms",
        ),
        # Turkey: Gazi Erçel at the central bank until his resignation was confirmed on 26 February 2001
        pytest.param("Turkish central bank Governor Gazi Ercel", dt.date(2000, 10, 17), "ANKARA", [], id="ercel-2000"),
        pytest.param(
            "Turkish central bank Governor Gazi Erçel", dt.date(2001, 2, 23), "ANKARA", [], id="ercel-last-days"
        ),
        pytest.param(
            "Turkish central bank Governor Gazi Erçel", dt.date(2001, 5, 15), "ANKARA", ["NL303"], id="ercel-after"
        ),
        # Acting heads in short vacancies
        pytest.param(
            "acting Treasury Secretary Andy Baukol", dt.date(2021, 1, 22), "WASHINGTON", [], id="baukol-acting"
        ),
        pytest.param(
            "acting Treasury Secretary Andy Baukol",
            dt.date(2021, 6, 15),
            "WASHINGTON",
            ["NL303"],
            id="baukol-acting-after",
        ),
        pytest.param(
            "Bank of Italy acting Governor Vincenzo Desario", dt.date(2005, 12, 23), "ROME", [], id="desario-acting"
        ),
        pytest.param(
            "Bank Indonesia acting Governor Miranda Goeltom", dt.date(2008, 4, 29), "JAKARTA", [], id="miranda-2008"
        ),
        pytest.param(
            "Bank of Korea acting Governor Lee Seung-heon", dt.date(2022, 4, 12), "SEOUL", [], id="lee-seung-heon"
        ),
        pytest.param(
            "Bank of Korea acting Governor Lee Seung-heon",
            dt.date(2022, 6, 14),
            "SEOUL",
            ["NL303"],
            id="lee-seung-heon-after",
        ),
        # Handover days corrected: Frydenberg sworn in with Morrison; Nene and Albayrak in office on their last day
        pytest.param(
            "Australian Treasurer Josh Frydenberg", dt.date(2018, 8, 24), "CANBERRA", [], id="frydenberg-day-one"
        ),
        pytest.param(
            "South African Finance Minister Nhlanhla Nene", dt.date(2015, 12, 9), "JOHANNESBURG", [], id="nene-last-day"
        ),
        pytest.param(
            "Turkish Finance Minister Berat Albayrak", dt.date(2020, 11, 9), "ANKARA", [], id="albayrak-last-day"
        ),
        # 2026: Warsh succeeds Powell at the Fed (Powell pro tempore until the oath), Durigan succeeds Haddad
        pytest.param("Fed Chair Jerome Powell", dt.date(2026, 5, 19), "WASHINGTON", [], id="powell-pro-tempore"),
        pytest.param("Fed Chair Jerome Powell", dt.date(2026, 7, 14), "WASHINGTON", ["NL303"], id="powell-after"),
        pytest.param("Fed Chair Kevin Warsh", dt.date(2026, 7, 14), "WASHINGTON", [], id="warsh"),
        pytest.param("Brazilian Finance Minister Fernando Haddad", dt.date(2025, 8, 12), "BRASILIA", [], id="haddad"),
        pytest.param(
            "Brazilian Finance Minister Fernando Haddad",
            dt.date(2026, 4, 14),
            "BRASILIA",
            ["NL303"],
            id="haddad-after",
        ),
        pytest.param("Brazilian Finance Minister Dario Durigan", dt.date(2026, 4, 14), "BRASILIA", [], id="durigan"),
    ],
)
def test_terms_of_finance_c(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


def test_former_treasury_minister_is_named_as_treasury_minister() -> None:
    """The NL304 report for Amato names the office he held, not the one the article gives him."""
    (d,) = check(
        BRIEFING.format(who="Italian Finance Minister Giuliano Amato", dateline="ROME"),
        ["NL304"],
        date=dt.date(1999, 11, 16),
    )
    assert "Treasury Minister" in d.message and "since 1999-05-13" in d.message


def test_successors_before_their_terms_meet_the_bounded_holders() -> None:
    """With the earlier holders in the table, a successor's title before his term is NL306; the report names
    the holder of that day (Al-Sayari's son Ayman is not his father)."""
    codes = [*TABLE_CODES, "NL306"]
    for who, date, dateline, holder in (
        ("Saudi Finance Minister Mohammed Al-Jadaan", dt.date(2011, 3, 8), "RIYADH", "Ibrahim Al-Assaf"),
        ("Saudi Central Bank Governor Ayman Al-Sayari", dt.date(2006, 5, 16), "RIYADH", "Hamad Al-Sayari"),
        ("SAMA Governor Ahmed Alkholifey", dt.date(2013, 4, 9), "RIYADH", "Fahad Al-Mubarak"),
        ("Turkish central bank Governor Süreyya Serdengeçti", dt.date(2000, 7, 11), "ANKARA", "Gazi Erçel"),
    ):
        (d,) = check(BRIEFING.format(who=who, dateline=dateline), codes, date=date)
        assert d.code == "NL306" and f"has {holder} as" in d.message, (who, d.message)


def test_bounded_starts_are_before_2000_and_say_so() -> None:
    """A start no copy gives as a first day is a bound on or before 2000-01-01, written "in office by"."""
    terms = tomllib.loads(PACK.read_text(encoding="utf-8"))["term"]
    bounded = {t["person"]: t for t in terms if "in office by" in t["source"]}
    assert set(bounded) == {"Ibrahim Al-Assaf", "Hamad Al-Sayari", "Gazi Erçel"}
    for t in bounded.values():
        assert t["start"] <= dt.date(2000, 1, 1) and "a bound, not his first day" in t["source"]
    assert bounded["Gazi Erçel"]["end"] == dt.date(2001, 2, 26)


def test_sama_governors_meet() -> None:
    """Each SAMA governor's term ends on the next one's first day; Al-Mubarak's two terms are both kept."""
    t = Packs().load("offices", parse_offices)
    sama = sorted((x for x in t.terms if x.country == "Saudi Central Bank"), key=lambda x: x.start)
    assert [x.person for x in sama] == [
        "Hamad Al-Sayari",
        "Muhammad Al-Jasser",
        "Fahad Al-Mubarak",
        "Ahmed Alkholifey",
        "Fahad Al-Mubarak",
        "Ayman Al-Sayari",
    ]
    assert all(a.end == b.start for a, b in itertools.pairwise(sama))
    assert sama[1].end == dt.date(2011, 12, 13)


def test_pack_terms_are_sourced_and_new() -> None:
    """Every term names its source, and none repeats a term of the other finance packs."""
    data = tomllib.loads(PACK.read_text(encoding="utf-8"))
    terms = data["term"]
    assert terms and all(t["source"].startswith("wikipedia:") for t in terms)

    def key(t: dict) -> tuple:
        return (t["person"], t["country"], t["office"], t["start"])

    others = set()
    for name in ("g20-finance.toml", "g20-finance-a.toml", "g20-finance-b.toml"):
        other = tomllib.loads((PACK.parent / name).read_text(encoding="utf-8"))
        others |= {key(t) for t in other["term"]}
    assert not {key(t) for t in terms} & others
    # the pack's date covers its open terms' first days only as far as a source vouches for them
    assert data["pack"]["checked"] == dt.date(2026, 3, 22)


def test_split_and_closed_terms_in_the_table() -> None:
    """Siluanov's acting and full terms meet; Powell and Haddad end on their successors' first days."""
    t = Packs().load("offices", parse_offices)
    siluanov = sorted((x for x in t.terms if x.person == "Anton Siluanov"), key=lambda x: x.start)
    assert [(x.start, x.end, x.acting) for x in siluanov] == [
        (dt.date(2011, 9, 27), dt.date(2011, 12, 16), True),
        (dt.date(2011, 12, 16), None, False),
    ]
    ends = {x.person: x.end for x in t.terms if x.person in ("Jerome Powell", "Fernando Haddad")}
    starts = {x.person: x.start for x in t.terms if x.person in ("Kevin Warsh", "Dario Durigan")}
    assert ends["Jerome Powell"] == starts["Kevin Warsh"] == dt.date(2026, 5, 22)
    assert ends["Fernando Haddad"] == starts["Dario Durigan"] == dt.date(2026, 3, 20)
    assert list(t.titles["Treasury Minister"].countries) == ["Italy"]


def test_finance_coverage_to_october_2025(capsys: pytest.CaptureFixture[str]) -> None:
    """The coverage tool counts the new terms: Russia, Argentina and Saudi Arabia complete, Turkey short four days
    in 2001."""
    assert _coverage().main(["--finance", "2000-01-01:2025-10-31"]) == 0
    out = capsys.readouterr().out
    assert "Russia: finance 100.0%, central bank 100.0%" in out
    assert "Argentina: finance 99.8%, central bank 100.0%" in out
    # the deputy who ran the Turkish central bank between Erçel and Serdengeçti is not named
    assert "Turkey (central bank): 2001-02-26..2001-03-01\n" in out
    assert "Saudi Arabia (" not in out
    # the day between Kudrin's dismissal and Siluanov's acting appointment is a known gap
    assert "Russia (finance): 2011-09-26..2011-09-26\n" in out
    # Italy's Treasury Minister counts as its finance seat: no gap before June 2001
    assert "Italy (finance): 2006-05-08..2006-05-16\n" in out
    assert "mean over 39 offices: 100.0%" in out
    # the short vacancies filled by acting heads and the corrected handover days are no longer gaps
    for line in (
        "United States: finance 100.0%, central bank 100.0%",
        "Australia: finance 100.0%, central bank 100.0%",
        "South Korea: finance 100.0%, central bank 100.0%",
        "Indonesia: finance 100.0%, central bank 100.0%",
        "Italy: finance 99.9%, central bank 100.0%",
        "South Africa: finance 100.0%, central bank 100.0%",
        "Turkey: finance 100.0%, central bank 100.0%",
        "Saudi Arabia: finance 100.0%, central bank 100.0%",
    ):
        assert line in out, line


def test_finance_coverage_into_2026(capsys: pytest.CaptureFixture[str]) -> None:
    """To November 2026: Powell's and Warsh's terms (moved to g20-finance-fresh.toml) vouch for the Fed to that pack's
    date, 24 June 2026; Brazil to this pack's date."""
    assert _coverage().main(["--finance", "2000-01-01:2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "United States (central bank): 2014-02-01..2014-02-02, 2018-02-03..2018-02-04, 2026-05-30..2026-11-30" in out
    assert "Brazil (finance): 2026-03-23..2026-11-30" in out
