"""Finance ministers and central-bank heads of China, India, Brazil, Russia, Mexico, Indonesia, Saudi
Arabia, South Africa, Turkey and Argentina since 2000 (rules/offices/g20-finance-b.toml, issue #18).

Short wire-style articles, each dated: a holder correctly titled on the article's day is not flagged; a
former one still given the title after the term is (NL303); an acting holder is named so.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.checks.titles.offices import parse_offices
from newslint.plugin.packs import Packs
from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

BUDGET = """\
Officials signal tighter spending as debt costs climb

{dateline} - {who} told reporters on Tuesday that the government would keep its deficit target \
and review subsidies before the next budget.
Bond yields eased slightly after the remarks, traders said.
"""


def found(who: str, date: dt.date, dateline: str) -> list[str]:
    return [d.code for d in check(BUDGET.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # China: ministers named by the NPC or its Standing Committee, the PBOC's long-serving governor
        pytest.param("Chinese Finance Minister Xie Xuren", dt.date(2010, 3, 9), "BEIJING", [], id="xie-xuren"),
        pytest.param(
            "Chinese Finance Minister Xie Xuren", dt.date(2014, 3, 11), "BEIJING", ["NL303"], id="xie-xuren-after"
        ),
        pytest.param("Chinese Finance Minister Lan Fo'an", dt.date(2024, 3, 5), "BEIJING", [], id="lan-foan"),
        pytest.param(
            "Chinese Finance Minister Xiang Huaicheng", dt.date(2001, 3, 6), "BEIJING", [], id="xiang-huaicheng"
        ),
        pytest.param(
            "Chinese Finance Minister Xiang Huaicheng",
            dt.date(2004, 3, 9),
            "BEIJING",
            ["NL303"],
            id="xiang-huaicheng-after",
        ),
        pytest.param("PBOC Governor Zhou Xiaochuan", dt.date(2005, 7, 26), "BEIJING", [], id="zhou-2005"),
        pytest.param(
            "PBOC Governor Zhou Xiaochuan",
            dt.date(2019, 7, 23),
            "BEIJING",
            ["NL303"],
            id="zhou-after",
        ),
        # India: the Prime Minister holding Finance, and Goyal's interim charge of 2018
        pytest.param("Indian Finance Minister P. Chidambaram", dt.date(2006, 2, 28), "NEW DELHI", [], id="chidambaram"),
        pytest.param(
            "Indian Finance Minister P. Chidambaram",
            dt.date(2010, 2, 23),
            "NEW DELHI",
            ["NL303"],
            id="chidambaram-between",
        ),
        pytest.param("Indian Finance Minister Pranab Mukherjee", dt.date(2011, 3, 1), "NEW DELHI", [], id="mukherjee"),
        pytest.param(
            "Indian acting Finance Minister Piyush Goyal", dt.date(2018, 6, 12), "NEW DELHI", [], id="goyal-acting"
        ),
        pytest.param("Reserve Bank of India Governor Y. V. Reddy", dt.date(2006, 7, 25), "MUMBAI", [], id="reddy"),
        pytest.param(
            "Reserve Bank of India Governor Y. V. Reddy", dt.date(2009, 7, 28), "MUMBAI", ["NL303"], id="reddy-after"
        ),
        # Brazil
        pytest.param("Brazilian Finance Minister Guido Mantega", dt.date(2012, 9, 18), "BRASILIA", [], id="mantega"),
        pytest.param(
            "Brazilian Finance Minister Guido Mantega",
            dt.date(2015, 9, 15),
            "BRASILIA",
            ["NL303"],
            id="mantega-after",
        ),
        pytest.param(
            "Brazilian Finance Minister Henrique Meirelles", dt.date(2017, 5, 9), "BRASILIA", [], id="meirelles"
        ),
        pytest.param(
            "Brazilian central bank President Arminio Fraga", dt.date(2001, 6, 19), "BRASILIA", [], id="arminio-fraga"
        ),
        pytest.param(
            "Brazilian central bank President Arminio Fraga",
            dt.date(2004, 6, 15),
            "BRASILIA",
            ["NL303"],
            id="arminio-fraga-after",
        ),
        # Russia
        pytest.param("Russian Finance Minister Alexei Kudrin", dt.date(2008, 10, 7), "MOSCOW", [], id="kudrin"),
        pytest.param(
            "Russian Finance Minister Alexei Kudrin", dt.date(2012, 10, 9), "MOSCOW", ["NL303"], id="kudrin-after"
        ),
        pytest.param("Bank of Russia Governor Sergei Ignatyev", dt.date(2009, 4, 21), "MOSCOW", [], id="ignatyev"),
        # Mexico: the Secretary of Finance, filed as Finance Minister
        pytest.param(
            "Mexican Finance Minister Luis Videgaray", dt.date(2014, 6, 10), "MEXICO CITY", [], id="videgaray"
        ),
        pytest.param(
            "Mexican Finance Minister Luis Videgaray",
            dt.date(2017, 6, 13),
            "MEXICO CITY",
            ["NL303"],
            id="videgaray-after",
        ),
        pytest.param("Mexican Finance Minister Arturo Herrera", dt.date(2020, 9, 8), "MEXICO CITY", [], id="herrera"),
        pytest.param(
            "Bank of Mexico Governor Alejandro Díaz de León", dt.date(2019, 5, 14), "MEXICO CITY", [], id="diaz-de-leon"
        ),
        # Indonesia: Hatta Rajasa acting between Martowardojo and Chatib Basri
        pytest.param(
            "Indonesian acting Finance Minister Hatta Rajasa", dt.date(2013, 5, 7), "JAKARTA", [], id="hatta-acting"
        ),
        pytest.param(
            "Indonesian Finance Minister Chatib Basri", dt.date(2014, 2, 11), "JAKARTA", [], id="chatib-basri"
        ),
        pytest.param(
            "Indonesian Finance Minister Chatib Basri",
            dt.date(2015, 2, 10),
            "JAKARTA",
            ["NL303"],
            id="chatib-basri-after",
        ),
        # Indonesia: the ministers of 2000-2004, Bank Indonesia's governors and acting governors to 2013
        pytest.param("Indonesian Finance Minister Rizal Ramli", dt.date(2001, 7, 3), "JAKARTA", [], id="rizal-ramli"),
        pytest.param("Indonesian Finance Minister Boediono", dt.date(2003, 6, 10), "JAKARTA", [], id="boediono"),
        pytest.param(
            "Indonesian Finance Minister Boediono", dt.date(2007, 3, 13), "JAKARTA", ["NL303"], id="boediono-after"
        ),
        pytest.param(
            "Bank Indonesia Governor Burhanuddin Abdullah", dt.date(2005, 6, 7), "JAKARTA", [], id="burhanuddin"
        ),
        pytest.param(
            "Bank Indonesia Governor Burhanuddin Abdullah",
            dt.date(2009, 6, 9),
            "JAKARTA",
            ["NL303"],
            id="burhanuddin-after",
        ),
        pytest.param(
            "acting Bank Indonesia Governor Darmin Nasution", dt.date(2010, 3, 9), "JAKARTA", [], id="darmin-acting"
        ),
        pytest.param("Bank Indonesia Governor Darmin Nasution", dt.date(2012, 2, 14), "JAKARTA", [], id="darmin"),
        # Saudi Arabia
        pytest.param("Saudi Finance Minister Mohammed Al-Jadaan", dt.date(2023, 10, 10), "RIYADH", [], id="al-jadaan"),
        pytest.param("SAMA Governor Ahmed Alkholifey", dt.date(2019, 9, 17), "RIYADH", [], id="alkholifey"),
        pytest.param(
            "SAMA Governor Ahmed Alkholifey", dt.date(2021, 6, 15), "RIYADH", ["NL303"], id="alkholifey-after"
        ),
        pytest.param(
            "Saudi Central Bank Governor Fahad Al-Mubarak", dt.date(2022, 3, 16), "RIYADH", [], id="al-mubarak"
        ),
        pytest.param(
            "Saudi Central Bank Governor Fahad Al-Mubarak",
            dt.date(2023, 9, 12),
            "RIYADH",
            ["NL303"],
            id="al-mubarak-after",
        ),
        # South Africa: van Rooyen's four days, Gordhan back for 2015-2017
        pytest.param(
            "South African Finance Minister Pravin Gordhan",
            dt.date(2016, 2, 23),
            "JOHANNESBURG",
            [],
            id="gordhan-second",
        ),
        pytest.param(
            "South African Finance Minister Pravin Gordhan",
            dt.date(2015, 6, 9),
            "JOHANNESBURG",
            ["NL303"],
            id="gordhan-between",
        ),
        pytest.param(
            "South African Finance Minister David van Rooyen",
            dt.date(2015, 12, 11),
            "JOHANNESBURG",
            [],
            id="van-rooyen",
        ),
        pytest.param(
            "South African Finance Minister David van Rooyen",
            dt.date(2016, 1, 12),
            "JOHANNESBURG",
            ["NL303"],
            id="van-rooyen-after",
        ),
        pytest.param(
            "South African Reserve Bank Governor Gill Marcus",
            dt.date(2012, 5, 22),
            "JOHANNESBURG",
            [],
            id="gill-marcus",
        ),
        # Turkey: the Treasury and Finance Minister, and the central bank's rapid turnover
        pytest.param("Turkish Finance Minister Berat Albayrak", dt.date(2019, 4, 9), "ANKARA", [], id="albayrak"),
        pytest.param(
            "Turkish Finance Minister Berat Albayrak", dt.date(2021, 4, 13), "ANKARA", ["NL303"], id="albayrak-after"
        ),
        pytest.param(
            "Central Bank of the Republic of Turkey Governor Naci Ağbal",
            dt.date(2021, 1, 12),
            "ANKARA",
            [],
            id="agbal-governor",
        ),
        pytest.param(
            "Central Bank of the Republic of Turkey Governor Naci Ağbal",
            dt.date(2021, 6, 8),
            "ANKARA",
            ["NL303"],
            id="agbal-governor-after",
        ),
        pytest.param("Turkish Finance Minister Sümer Oral", dt.date(2001, 5, 8), "ANKARA", [], id="sumer-oral"),
        pytest.param(
            "Turkish Finance Minister Sümer Oral", dt.date(2004, 2, 10), "ANKARA", ["NL303"], id="sumer-oral-after"
        ),
        pytest.param(
            "Turkish central bank Governor Süreyya Serdengeçti",
            dt.date(2004, 6, 8),
            "ANKARA",
            [],
            id="serdengecti",
        ),
        pytest.param(
            "Turkish central bank Governor Süreyya Serdengeçti",
            dt.date(2008, 6, 10),
            "ANKARA",
            ["NL303"],
            id="serdengecti-after",
        ),
        # Earlier holders: India 2000, Mexico 2000, Turkey 2005, Argentina 2004, Russia 2001
        pytest.param("Indian Finance Minister Yashwant Sinha", dt.date(2000, 2, 29), "NEW DELHI", [], id="sinha"),
        pytest.param(
            "Indian Finance Minister Yashwant Sinha", dt.date(2003, 2, 28), "NEW DELHI", ["NL303"], id="sinha-after"
        ),
        pytest.param("Mexican Finance Minister José Ángel Gurría", dt.date(2000, 9, 5), "MEXICO CITY", [], id="gurria"),
        pytest.param("Turkish Finance Minister Kemal Unakıtan", dt.date(2005, 10, 11), "ANKARA", [], id="unakitan"),
        pytest.param(
            "Turkish Finance Minister Kemal Unakıtan",
            dt.date(2010, 10, 12),
            "ANKARA",
            ["NL303"],
            id="unakitan-after",
        ),
        pytest.param(
            "Argentine Economy Minister Roberto Lavagna", dt.date(2004, 6, 8), "BUENOS AIRES", [], id="lavagna"
        ),
        pytest.param(
            "Bank of Russia Governor Viktor Gerashchenko", dt.date(2001, 4, 10), "MOSCOW", [], id="gerashchenko"
        ),
        # Argentina: Economy (Treasury 2016-2019) and the central bank's President
        pytest.param(
            "Argentine Economy Minister Axel Kicillof", dt.date(2014, 8, 5), "BUENOS AIRES", [], id="kicillof"
        ),
        pytest.param(
            "Argentine Economy Minister Axel Kicillof",
            dt.date(2016, 8, 9),
            "BUENOS AIRES",
            ["NL303"],
            id="kicillof-after",
        ),
        pytest.param(
            "Argentine Economy Minister Silvina Batakis", dt.date(2022, 7, 19), "BUENOS AIRES", [], id="batakis"
        ),
        pytest.param(
            "Argentine Economy Minister Domingo Cavallo", dt.date(2001, 7, 10), "BUENOS AIRES", [], id="cavallo"
        ),
        pytest.param(
            "Argentine Economy Minister Domingo Cavallo",
            dt.date(2003, 5, 13),
            "BUENOS AIRES",
            ["NL303"],
            id="cavallo-after",
        ),
        pytest.param(
            "Central Bank of Argentina President Mario Blejer", dt.date(2002, 3, 12), "BUENOS AIRES", [], id="blejer"
        ),
        pytest.param(
            "Central Bank of Argentina President Martín Redrado", dt.date(2007, 8, 14), "BUENOS AIRES", [], id="redrado"
        ),
        pytest.param(
            "Central Bank of Argentina President Martín Redrado",
            dt.date(2012, 8, 14),
            "BUENOS AIRES",
            ["NL303"],
            id="redrado-after",
        ),
        pytest.param(
            "Central Bank of Argentina President Federico Sturzenegger",
            dt.date(2017, 3, 14),
            "BUENOS AIRES",
            [],
            id="sturzenegger",
        ),
        pytest.param(
            "Central Bank of Argentina President Federico Sturzenegger",
            dt.date(2019, 3, 12),
            "BUENOS AIRES",
            ["NL303"],
            id="sturzenegger-after",
        ),
    ],
)
def test_terms_of_finance_b(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


def test_new_central_banks_are_organizations():
    """The banks this file declares are bodies with their own names, not countries with a nationality."""
    t = Packs().load("offices", parse_offices)
    for name in ("Saudi Central Bank", "Central Bank of the Republic of Turkey", "Central Bank of Argentina"):
        assert t.countries[name].organization, name
    heads = {term.person for term in t.terms if term.country == "Central Bank of Argentina"}
    assert {"Federico Sturzenegger", "Santiago Bausili", "Luis Caputo"} <= heads
