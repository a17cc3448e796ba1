"""Heads of government of São Tomé and Príncipe, Bhutan, Tonga, Nepal, Afghanistan (1996-2001), Haiti,
Mongolia and Yemen (rules/offices/world16.toml, issue #18), with their acting and caretaker holders.

Short wire-style articles, each dated: a prime minister correctly titled on the article's day is not
flagged; one still called "Prime Minister" after the term is (NL303); "former Prime Minister" for a
past holder is not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.checks.titles.offices import parse_offices
from newslint.plugin.packs import Packs
from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

PORT = """\
Ministers agree to rebuild storm-damaged port

{dateline} - {who} said on Wednesday that the government would rebuild the main port's breakwater \
before the next rainy season, after a storm sank two fishing boats at their moorings.
Harbour officials said cargo ships were being diverted to a smaller jetty in the meantime.
"""


def found(who: str, date: dt.date, dateline: str) -> list[str]:
    return [d.code for d in check(PORT.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # São Tomé and Príncipe: the table had only Trovoada's term of 2022-2025
        pytest.param("Prime Minister Rafael Branco", dt.date(2009, 5, 13), "SAO TOME", [], id="branco"),
        pytest.param("Prime Minister Rafael Branco", dt.date(2011, 5, 11), "SAO TOME", ["NL303"], id="branco-after"),
        pytest.param("former Prime Minister Rafael Branco", dt.date(2011, 5, 11), "SAO TOME", [], id="branco-former"),
        pytest.param("Prime Minister Maria das Neves", dt.date(2003, 3, 12), "SAO TOME", [], id="das-neves"),
        pytest.param("Prime Minister Patrice Trovoada", dt.date(2016, 3, 9), "SAO TOME", [], id="trovoada-2016"),
        pytest.param(
            "Prime Minister Patrice Trovoada", dt.date(2020, 3, 11), "SAO TOME", ["NL303"], id="trovoada-2020"
        ),
        pytest.param("Prime Minister Jorge Bom Jesus", dt.date(2020, 3, 11), "SAO TOME", [], id="bom-jesus"),
        pytest.param("Prime Minister Américo Ramos", dt.date(2025, 6, 11), "SAO TOME", [], id="americo-ramos"),
        # Bhutan: the rotating chairmen, the elected prime ministers and an interim Chief Adviser
        pytest.param("Prime Minister Khandu Wangchuk", dt.date(2002, 3, 13), "THIMPHU", [], id="khandu-wangchuk"),
        pytest.param("Prime Minister Khandu Wangchuk", dt.date(2003, 3, 12), "THIMPHU", ["NL303"], id="khandu-after"),
        pytest.param("Prime Minister Jigmi Thinley", dt.date(2010, 6, 9), "THIMPHU", [], id="thinley"),
        pytest.param("Prime Minister Lotay Tshering", dt.date(2021, 6, 9), "THIMPHU", [], id="lotay-tshering"),
        pytest.param(
            "Chief Adviser Chogyal Dago Rigdzin", dt.date(2023, 12, 6), "THIMPHU", [], id="chief-adviser-2023"
        ),
        # Tonga: the table had prime ministers only from Sovaleni (2021)
        pytest.param("Prime Minister Feleti Sevele", dt.date(2008, 9, 10), "NUKU'ALOFA", [], id="sevele"),
        pytest.param("Prime Minister Feleti Sevele", dt.date(2012, 9, 12), "NUKU'ALOFA", ["NL303"], id="sevele-after"),
        pytest.param("Prime Minister Akilisi Pohiva", dt.date(2017, 5, 10), "NUKU'ALOFA", [], id="pohiva"),
        pytest.param(
            "acting Prime Minister Samiu Vaipulu", dt.date(2024, 12, 18), "NUKU'ALOFA", [], id="vaipulu-acting"
        ),
        pytest.param("Prime Minister Lord Fakafanua", dt.date(2026, 1, 14), "NUKU'ALOFA", [], id="fakafanua"),
        # Nepal
        pytest.param("Nepali Prime Minister Madhav Kumar Nepal", dt.date(2010, 4, 14), "KATHMANDU", [], id="mk-nepal"),
        pytest.param(
            "Nepali Prime Minister Baburam Bhattarai", dt.date(2012, 8, 8), "KATHMANDU", [], id="baburam-bhattarai"
        ),
        pytest.param(
            "Nepali Prime Minister Baburam Bhattarai",
            dt.date(2014, 8, 13),
            "KATHMANDU",
            ["NL303"],
            id="baburam-after",
        ),
        pytest.param("Nepali Prime Minister Sher Bahadur Deuba", dt.date(2022, 3, 9), "KATHMANDU", [], id="deuba-2022"),
        pytest.param(
            "Nepali Prime Minister Sher Bahadur Deuba",
            dt.date(2019, 3, 13),
            "KATHMANDU",
            ["NL303"],
            id="deuba-between-terms",
        ),
        pytest.param("Nepali Prime Minister Surya Bahadur Thapa", dt.date(2003, 10, 8), "KATHMANDU", [], id="thapa"),
        # Haiti: the table had prime ministers only from Claude Joseph (2021)
        pytest.param(
            "Haitian Prime Minister Laurent Lamothe", dt.date(2013, 7, 10), "PORT-AU-PRINCE", [], id="lamothe"
        ),
        pytest.param(
            "Haitian Prime Minister Laurent Lamothe",
            dt.date(2016, 7, 13),
            "PORT-AU-PRINCE",
            ["NL303"],
            id="lamothe-after",
        ),
        pytest.param(
            "Haitian acting Prime Minister Jean-Michel Lapin", dt.date(2019, 10, 9), "PORT-AU-PRINCE", [], id="lapin"
        ),
        pytest.param(
            "Haitian Prime Minister Gérard Latortue", dt.date(2005, 5, 11), "PORT-AU-PRINCE", [], id="latortue"
        ),
        # Mongolia
        pytest.param(
            "Mongolian Prime Minister Sukhbaatar Batbold", dt.date(2011, 5, 11), "ULAANBAATAR", [], id="batbold"
        ),
        pytest.param(
            "Mongolian Prime Minister Chimed Saikhanbileg", dt.date(2015, 9, 9), "ULAANBAATAR", [], id="saikhanbileg"
        ),
        pytest.param(
            "Mongolian Prime Minister Chimed Saikhanbileg",
            dt.date(2018, 9, 12),
            "ULAANBAATAR",
            ["NL303"],
            id="saikhanbileg-after",
        ),
        pytest.param(
            "Mongolian Prime Minister Gombojav Zandanshatar",
            dt.date(2025, 11, 12),
            "ULAANBAATAR",
            [],
            id="zandanshatar",
        ),
        # Yemen
        pytest.param("Yemeni Prime Minister Abdul Qadir Bajamal", dt.date(2004, 6, 9), "SANAA", [], id="bajamal"),
        pytest.param("Yemeni Prime Minister Ahmed bin Dagher", dt.date(2017, 6, 14), "ADEN", [], id="bin-dagher"),
        pytest.param(
            "Yemeni Prime Minister Ahmed bin Dagher", dt.date(2019, 6, 12), "ADEN", ["NL303"], id="bin-dagher-after"
        ),
        pytest.param("Yemeni Prime Minister Shaea al-Zindani", dt.date(2026, 1, 28), "ADEN", [], id="al-zindani"),
        # Afghanistan: the Taliban's council in Kabul
        pytest.param("Afghan Prime Minister Mohammad Rabbani", dt.date(2000, 10, 11), "KABUL", [], id="rabbani"),
        # ... and the same Abdul Kabir acting for the ailing Hasan Akhund in 2023, whose own term runs on
        pytest.param("Afghan acting Prime Minister Abdul Kabir", dt.date(2023, 6, 14), "KABUL", [], id="kabir-2023"),
        pytest.param(
            "Afghan acting Prime Minister Abdul Kabir", dt.date(2024, 6, 12), "KABUL", ["NL303"], id="kabir-after"
        ),
        pytest.param("Afghan Prime Minister Hasan Akhund", dt.date(2023, 6, 14), "KABUL", [], id="akhund-2023"),
    ],
)
def test_heads_of_government_of_world16(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


def test_the_prince_prime_minister_is_the_later_king() -> None:
    """Tonga's prime minister of 2000-2006 and its King since 2012 are one person with two offices."""
    table = Packs().load("offices", parse_offices)
    offices = {(t.office, t.start.year) for t in table.terms_of("Tupou VI")}
    assert offices == {("Prime Minister", 2000), ("King", 2012)}


def test_resigned_prime_minister_of_yemen_is_no_longer_prime_minister() -> None:
    """World7's open term for bin Breik ends on the day al-Zindani was appointed (15 January 2026)."""
    table = Packs().load("offices", parse_offices)
    [term] = [t for t in table.terms_of("Salem bin Breik") if t.office == "Prime Minister"]
    assert term.end == dt.date(2026, 1, 15)
    assert found("Yemeni Prime Minister Salem bin Breik", dt.date(2025, 9, 10), "ADEN") == []
