"""Acting and interim heads of South Korea, Peru, Ukraine, Romania, Moldova and Armenia, Switzerland's
President for 2026, and Latvia's two namesakes called Andris Bērziņš (rules/offices/world14.toml, issue #18).

Short wire-style articles, each dated: a holder correctly titled on the article's day is not flagged; a
former one still given the title after the term is (NL303); "former" for a past holder is not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.checks.titles.offices import parse_offices
from newslint.plugin.packs import Packs
from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

GRID = """\
Ministers back cross-border power link

{dateline} - {who} told a regional energy forum on Tuesday that the government would fund a new \
cross-border power line before the winter.
Grid operators said the link would cut import costs for industrial users.
"""


def found(who: str, date: dt.date, dateline: str = "SEOUL (Reuters)") -> list[str]:
    return [d.code for d in check(GRID.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # South Korea: the acting prime ministers between approved ones
        pytest.param(
            "South Korean acting Prime Minister Lee Hun-jai", dt.date(2004, 6, 8), "SEOUL", [], id="lee-hun-jai-2004"
        ),
        pytest.param(
            "South Korean acting Prime Minister Lee Hun-jai",
            dt.date(2005, 6, 7),
            "SEOUL",
            ["NL303"],
            id="lee-hun-jai-after",
        ),
        pytest.param(
            "South Korean acting Prime Minister Kwon O-kyu", dt.date(2007, 3, 20), "SEOUL", [], id="kwon-acting"
        ),
        pytest.param(
            "South Korean acting Prime Minister Chang Dae-whan", dt.date(2002, 8, 20), "SEOUL", [], id="chang-dae-whan"
        ),
        pytest.param(
            "South Korean acting Prime Minister Chang Dae-whan",
            dt.date(2002, 11, 12),
            "SEOUL",
            ["NL303"],
            id="chang-dae-whan-after",
        ),
        pytest.param(
            "South Korean acting Prime Minister Kim Suk-soo", dt.date(2002, 9, 24), "SEOUL", [], id="kim-suk-soo-acting"
        ),
        pytest.param(
            "South Korean Prime Minister Park Tae-joon", dt.date(2000, 3, 14), "SEOUL", [], id="park-tae-joon"
        ),
        pytest.param(
            "South Korean Prime Minister Park Tae-joon", dt.date(2000, 9, 12), "SEOUL", ["NL303"], id="park-after"
        ),
        pytest.param(
            "South Korean acting Prime Minister Lee Ju-ho", dt.date(2025, 6, 17), "SEOUL", [], id="lee-ju-ho-june-2025"
        ),
        pytest.param(
            "South Korean acting Prime Minister Lee Ju-ho",
            dt.date(2025, 9, 9),
            "SEOUL",
            ["NL303"],
            id="lee-ju-ho-after",
        ),
        # Peru, 2000-2001: Fujimori's last cabinet chief and Paniagua's
        pytest.param("Peruvian Prime Minister Federico Salas", dt.date(2000, 9, 12), "LIMA", [], id="salas-then"),
        pytest.param(
            "Peruvian Prime Minister Federico Salas", dt.date(2001, 3, 13), "LIMA", ["NL303"], id="salas-after"
        ),
        pytest.param(
            "Peruvian Prime Minister Javier Pérez de Cuéllar", dt.date(2001, 2, 13), "LIMA", [], id="perez-de-cuellar"
        ),
        pytest.param(
            "Peruvian Prime Minister Javier Pérez de Cuéllar",
            dt.date(2001, 10, 9),
            "LIMA",
            ["NL303"],
            id="perez-de-cuellar-after",
        ),
        # Switzerland: the President for 2026
        pytest.param("Swiss President Guy Parmelin", dt.date(2026, 3, 10), "BERN", [], id="parmelin-2026"),
        pytest.param("Swiss President Guy Parmelin", dt.date(2024, 3, 12), "BERN", ["NL303"], id="parmelin-between"),
        # Ukraine, Romania, Moldova, Armenia: interim heads
        pytest.param(
            "Ukrainian acting Prime Minister Serhiy Arbuzov", dt.date(2014, 2, 11), "KIEV", [], id="arbuzov-then"
        ),
        pytest.param(
            "Ukrainian acting Prime Minister Serhiy Arbuzov",
            dt.date(2014, 5, 13),
            "KIEV",
            ["NL303"],
            id="arbuzov-after",
        ),
        pytest.param(
            "Ukrainian acting Prime Minister Yuriy Yekhanurov", dt.date(2005, 9, 13), "KIEV", [], id="yekhanurov-acting"
        ),
        pytest.param(
            "Romanian interim Prime Minister Sorin Cîmpeanu", dt.date(2015, 11, 10), "BUCHAREST", [], id="cimpeanu"
        ),
        pytest.param(
            "Romanian interim Prime Minister Cătălin Predoiu", dt.date(2023, 6, 13), "BUCHAREST", [], id="predoiu-2023"
        ),
        pytest.param(
            "Romanian interim Prime Minister Cătălin Predoiu",
            dt.date(2024, 6, 11),
            "BUCHAREST",
            ["NL303"],
            id="predoiu-between",
        ),
        pytest.param(
            "Moldovan acting Prime Minister Natalia Gherman", dt.date(2015, 7, 7), "CHISINAU", [], id="gherman"
        ),
        pytest.param("Moldovan Prime Minister Valeriu Streleț", dt.date(2015, 9, 8), "CHISINAU", [], id="strelet"),
        pytest.param(
            "Armenian acting President Alen Simonyan", dt.date(2022, 2, 15), "YEREVAN", [], id="simonyan-acting"
        ),
        pytest.param(
            "Armenian acting President Alen Simonyan",
            dt.date(2022, 6, 14),
            "YEREVAN",
            ["NL303"],
            id="simonyan-after",
        ),
        # Romania: Bolojan's interim presidency is closed, his premiership runs from June 2025
        pytest.param(
            "Romanian interim President Ilie Bolojan", dt.date(2025, 4, 8), "BUCHAREST", [], id="bolojan-interim"
        ),
        pytest.param(
            "Romanian interim President Ilie Bolojan",
            dt.date(2025, 9, 9),
            "BUCHAREST",
            ["NL303"],
            id="bolojan-interim-after",
        ),
        pytest.param(
            "Romanian Prime Minister Ilie Bolojan", dt.date(2025, 9, 9), "BUCHAREST", [], id="bolojan-premier"
        ),
    ],
)
def test_terms_of_world14(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


# Heads of government of Eurasian states and Timor-Leste that the table lacked.
@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        pytest.param("Georgian Prime Minister Nika Gilauri", dt.date(2011, 3, 8), "TBILISI", [], id="gilauri"),
        pytest.param(
            "Georgian Prime Minister Nika Gilauri", dt.date(2013, 3, 12), "TBILISI", ["NL303"], id="gilauri-after"
        ),
        pytest.param(
            "Georgian Prime Minister Irakli Garibashvili",
            dt.date(2017, 5, 9),
            "TBILISI",
            ["NL303"],
            id="gharibashvili-gap",
        ),
        pytest.param(
            "Georgian Prime Minister Irakli Garibashvili", dt.date(2022, 5, 10), "TBILISI", [], id="garibashvili-second"
        ),
        pytest.param(
            "Armenian Prime Minister Tigran Sargsyan", dt.date(2012, 10, 9), "YEREVAN", [], id="tigran-sargsyan"
        ),
        pytest.param(
            "Armenian acting Prime Minister Karen Karapetyan",
            dt.date(2018, 5, 1),
            "YEREVAN",
            [],
            id="karapetyan-acting",
        ),
        pytest.param("Timorese Prime Minister Rui Maria de Araújo", dt.date(2016, 4, 12), "DILI", [], id="araujo"),
        pytest.param(
            "Timorese Prime Minister Mari Alkatiri", dt.date(2010, 4, 13), "DILI", ["NL303"], id="alkatiri-between"
        ),
        pytest.param("Belarusian Prime Minister Sergei Sidorsky", dt.date(2007, 6, 12), "MINSK", [], id="sidorsky"),
        pytest.param("Kazakh Prime Minister Daniyal Akhmetov", dt.date(2005, 9, 13), "ASTANA", [], id="akhmetov"),
        pytest.param("Uzbek Prime Minister Abdulla Aripov", dt.date(2021, 3, 9), "TASHKENT", [], id="aripov"),
        pytest.param("Lithuanian Prime Minister Rolandas Paksas", dt.date(2001, 2, 13), "VILNIUS", [], id="paksas-pm"),
        pytest.param("Kyrgyz Prime Minister Temir Sariyev", dt.date(2015, 10, 13), "BISHKEK", [], id="sariyev"),
        pytest.param(
            "Kyrgyz Prime Minister Temir Sariyev", dt.date(2017, 10, 10), "BISHKEK", ["NL303"], id="sariyev-after"
        ),
        pytest.param("Kyrgyz Prime Minister Akylbek Japarov", dt.date(2023, 5, 9), "BISHKEK", [], id="akylbek-japarov"),
        pytest.param("Peruvian Prime Minister Alberto Bustamante", dt.date(2000, 3, 14), "LIMA", [], id="bustamante"),
    ],
)
def test_heads_of_government_of_world14(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


# Latvia: two men named Andris Bērziņš, Prime Minister 2000-2002 and President 2011-2015.
@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        pytest.param("Latvian Prime Minister Andris Bērziņš", dt.date(2001, 5, 15), [], id="pm-then"),
        pytest.param("Latvian Prime Minister Andris Berzins", dt.date(2002, 3, 12), [], id="pm-then-ascii"),
        pytest.param("Latvian President Andris Bērziņš", dt.date(2013, 5, 14), [], id="president-then"),
        pytest.param("former Latvian Prime Minister Andris Bērziņš", dt.date(2013, 5, 14), [], id="former-pm"),
        # In 2013 the Prime Minister was Dombrovskis: the namesake prime minister had left office in 2002
        pytest.param("Latvian Prime Minister Andris Bērziņš", dt.date(2013, 5, 14), ["NL303"], id="pm-after"),
        pytest.param("Latvian President Andris Bērziņš", dt.date(2016, 5, 10), ["NL303"], id="president-after"),
    ],
)
def test_latvian_namesakes(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date, "RIGA (AP)") == expected


def test_namesakes_are_two_people_of_the_table() -> None:
    """The table keeps the namesakes apart: one person per man, each with only his own office."""
    table = Packs().load("offices", parse_offices)
    prime_minister = table.terms_of("Andris Bērziņš (prime minister)")
    president = table.terms_of("Andris Bērziņš")
    assert {(t.office, t.start.year) for t in prime_minister} == {("Prime Minister", 2000)}
    assert {(t.office, t.start.year) for t in president} == {("President", 2011)}


def test_a_message_about_the_prime_minister_names_the_prime_minister() -> None:
    """The report on a stale "Prime Minister Andris Bērziņš" speaks of the Prime Minister's term, not the President's."""
    [diagnostic] = check(GRID.format(who="Latvian Prime Minister Andris Bērziņš", dateline="RIGA"), ["NL303"],
                         date=dt.date(2013, 5, 14))  # fmt: skip
    assert "2002-11-07" in diagnostic.message
    assert "(prime minister)" in diagnostic.message
