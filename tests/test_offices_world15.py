"""Heads of government of Montenegro, Madagascar, Libya, Gabon, Togo and Guinea-Bissau, Madagascar's
head of state of 14-17 October 2025 and Libya's of 2012 and 2014-2016 (rules/offices/world15.toml,
issue #18).

Short wire-style articles, each dated: a head of government correctly titled on the article's day is
not flagged; a former one still called "Prime Minister" after the term is (NL303); "former Prime
Minister" for a past holder is not.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import offices_coverage_tool as _coverage

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

TALKS = """\
Lenders resume talks on budget support

ANTANANARIVO (AFP) - {who} met a delegation of lenders on Tuesday to discuss budget support and the \
repayment schedule of loans taken out to rebuild roads and power lines.
Officials said a statement would follow once the talks ended later in the week.
"""


def found(who: str, date: dt.date) -> list[str]:
    return [d.code for d in check(TALKS.format(who=who), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # Montenegro: the table had no prime minister since independence
        pytest.param("Montenegrin Prime Minister Milo Djukanovic", dt.date(2006, 7, 11), [], id="djukanovic-2006"),
        pytest.param("Montenegrin Prime Minister Zeljko Sturanovic", dt.date(2007, 5, 15), [], id="sturanovic"),
        pytest.param("Montenegrin Prime Minister Igor Luksic", dt.date(2011, 10, 11), [], id="luksic-then"),
        pytest.param("Montenegrin Prime Minister Igor Luksic", dt.date(2014, 3, 11), ["NL303"], id="luksic-after"),
        pytest.param("former Montenegrin Prime Minister Igor Luksic", dt.date(2014, 3, 11), [], id="luksic-former"),
        pytest.param("Montenegrin Prime Minister Dusko Markovic", dt.date(2018, 6, 12), [], id="markovic"),
        pytest.param("Montenegrin Prime Minister Dritan Abazovic", dt.date(2022, 9, 13), [], id="abazovic-then"),
        pytest.param(
            "Montenegrin Prime Minister Dritan Abazovic", dt.date(2024, 9, 10), ["NL303"], id="abazovic-after"
        ),
        pytest.param("Montenegrin Prime Minister Milojko Spajic", dt.date(2025, 3, 11), [], id="spajic"),
        # Madagascar, 2000-2018, and the rival governments of 2002
        pytest.param("Malagasy Prime Minister Tantely Andrianarivo", dt.date(2001, 4, 10), [], id="andrianarivo"),
        pytest.param("Malagasy Prime Minister Jacques Sylla", dt.date(2002, 4, 9), [], id="sylla-rival"),
        pytest.param("Malagasy Prime Minister Jacques Sylla", dt.date(2005, 4, 12), [], id="sylla-then"),
        pytest.param("Malagasy Prime Minister Charles Rabemananjara", dt.date(2008, 4, 8), [], id="rabemananjara"),
        pytest.param("Malagasy Prime Minister Omer Beriziky", dt.date(2013, 3, 12), [], id="beriziky-then"),
        pytest.param("Malagasy Prime Minister Omer Beriziky", dt.date(2016, 3, 8), ["NL303"], id="beriziky-after"),
        pytest.param("Malagasy Prime Minister Jean Ravelonarivo", dt.date(2015, 6, 9), [], id="ravelonarivo"),
        pytest.param(
            "Malagasy Prime Minister Olivier Mahafaly Solonandrasana", dt.date(2017, 6, 13), [], id="solonandrasana"
        ),
        # Madagascar's head of state between the court's decision and the oath
        pytest.param("Madagascar's President Michael Randrianirina", dt.date(2025, 10, 15), [], id="randrianirina"),
        # Libya
        pytest.param("Libyan Prime Minister Mubarak al-Shamikh", dt.date(2001, 5, 8), [], id="shamekh"),
        pytest.param("Libyan Prime Minister Mubarak al-Shamikh", dt.date(2005, 5, 10), ["NL303"], id="shamekh-after"),
        pytest.param("Libya's acting Prime Minister Ali Tarhouni", dt.date(2011, 10, 25), [], id="tarhouni"),
        pytest.param("Libyan President Aguila Saleh", dt.date(2015, 3, 10), [], id="aguila-saleh"),
        # Gabon
        pytest.param(
            "Gabonese Prime Minister Jean-Francois Ntoutoume Emane", dt.date(2003, 6, 10), [], id="ntoutoume-emane"
        ),
        pytest.param("Gabonese Prime Minister Jean Eyeghe Ndong", dt.date(2008, 6, 10), [], id="eyeghe-ndong"),
        pytest.param("Gabonese Prime Minister Paul Biyoghe Mba", dt.date(2011, 6, 14), [], id="biyoghe-mba"),
        pytest.param("Gabonese Prime Minister Daniel Ona Ondo", dt.date(2015, 6, 9), [], id="ona-ondo-then"),
        pytest.param("Gabonese Prime Minister Daniel Ona Ondo", dt.date(2017, 6, 13), ["NL303"], id="ona-ondo-after"),
        pytest.param("Gabonese Prime Minister Emmanuel Issoze-Ngondet", dt.date(2017, 6, 13), [], id="issoze-ngondet"),
        # Togo
        pytest.param("Togolese Prime Minister Agbeyome Kodjo", dt.date(2001, 5, 8), [], id="agbeyome-kodjo"),
        pytest.param("Togolese Prime Minister Yawovi Agboyibo", dt.date(2007, 5, 8), [], id="agboyibo"),
        pytest.param("Togolese Prime Minister Gilbert Houngbo", dt.date(2010, 11, 9), [], id="houngbo-then"),
        pytest.param("Togolese Prime Minister Gilbert Houngbo", dt.date(2014, 11, 11), ["NL303"], id="houngbo-after"),
        # Guinea-Bissau: the table had no prime minister before August 2025
        pytest.param("Bissau-Guinean Prime Minister Carlos Gomes Junior", dt.date(2010, 5, 11), [], id="gomes-junior"),
        pytest.param(
            "Bissau-Guinean Prime Minister Carlos Gomes Junior", dt.date(2013, 5, 14), ["NL303"], id="gomes-after"
        ),
        pytest.param(
            "Bissau-Guinean Prime Minister Domingos Simoes Pereira", dt.date(2015, 2, 10), [], id="simoes-pereira"
        ),
        pytest.param("Bissau-Guinean Prime Minister Aristides Gomes", dt.date(2019, 5, 14), [], id="aristides-gomes"),
        pytest.param("Bissau-Guinean Prime Minister Nuno Gomes Nabiam", dt.date(2021, 5, 11), [], id="nabiam-then"),
        pytest.param(
            "Bissau-Guinean Prime Minister Nuno Gomes Nabiam", dt.date(2024, 5, 14), ["NL303"], id="nabiam-after"
        ),
        # Embaló was prime minister before he was president
        pytest.param("Bissau-Guinean Prime Minister Umaro Sissoco Embalo", dt.date(2017, 5, 9), [], id="embalo-pm"),
        pytest.param("Bissau-Guinean Prime Minister Rui Duarte de Barros", dt.date(2024, 6, 11), [], id="barros"),
        # Europe: Iceland, Slovakia, Slovenia, North Macedonia and Albania before their current holders
        pytest.param("Icelandic Prime Minister Geir Haarde", dt.date(2008, 10, 7), [], id="haarde"),
        pytest.param("Icelandic Prime Minister Geir Haarde", dt.date(2010, 10, 5), ["NL303"], id="haarde-after"),
        pytest.param("Icelandic Prime Minister Katrin Jakobsdottir", dt.date(2020, 10, 6), [], id="jakobsdottir"),
        # Benediktsson led the government twice, in 2017 and in 2024
        pytest.param("Icelandic Prime Minister Bjarni Benediktsson", dt.date(2017, 6, 6), [], id="benediktsson-2017"),
        pytest.param(
            "Icelandic Prime Minister Bjarni Benediktsson", dt.date(2020, 6, 9), ["NL303"], id="benediktsson-between"
        ),
        pytest.param("Icelandic Prime Minister Bjarni Benediktsson", dt.date(2024, 6, 11), [], id="benediktsson-2024"),
        # Fico's earlier premierships (2006-2010, 2012-2018)
        pytest.param("Slovak Prime Minister Robert Fico", dt.date(2015, 9, 8), [], id="fico-2015"),
        pytest.param("Slovak Prime Minister Robert Fico", dt.date(2011, 9, 6), ["NL303"], id="fico-2011"),
        pytest.param("Slovak Prime Minister Eduard Heger", dt.date(2022, 3, 8), [], id="heger"),
        pytest.param("Slovenian Prime Minister Janez Jansa", dt.date(2021, 3, 9), [], id="jansa-2021"),
        pytest.param("Slovenian Prime Minister Miro Cerar", dt.date(2016, 3, 8), [], id="cerar"),
        pytest.param("Macedonian Prime Minister Nikola Gruevski", dt.date(2012, 3, 6), [], id="gruevski"),
        pytest.param("Macedonian Prime Minister Nikola Gruevski", dt.date(2018, 3, 6), ["NL303"], id="gruevski-after"),
        pytest.param("Albanian Prime Minister Sali Berisha", dt.date(2008, 3, 11), [], id="berisha"),
        # Jordan during the 2011-2012 protests
        pytest.param("Jordanian Prime Minister Awn Khasawneh", dt.date(2012, 1, 10), [], id="awn-khasawneh"),
        pytest.param(
            "Jordanian Prime Minister Awn Khasawneh", dt.date(2012, 9, 11), ["NL303"], id="awn-khasawneh-after"
        ),
        # Syria under Assad
        pytest.param("Syrian Prime Minister Wael al-Halqi", dt.date(2014, 3, 11), [], id="halqi"),
        pytest.param("Syrian Prime Minister Wael al-Halqi", dt.date(2018, 3, 13), ["NL303"], id="halqi-after"),
        pytest.param("Syrian Prime Minister Hussein Arnous", dt.date(2022, 3, 8), [], id="arnous"),
    ],
)
def test_heads_of_government_of_world15(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date) == expected


def test_montenegro_madagascar_and_togo_have_a_prime_minister_on_every_day() -> None:
    """Montenegro from independence, Madagascar and Togo from 2000: no day without a prime minister."""
    cov = _coverage()
    lo, hi = dt.date(2000, 1, 1), dt.date(2025, 10, 31)
    assert cov.gaps("Montenegro", "government", lo, hi) == []
    assert cov.gaps("Madagascar", "government", lo, hi) == []
    assert cov.gaps("Togo", "government", lo, hi) == []
    assert cov.gaps("Madagascar", "state", lo, dt.date(2025, 11, 30)) == []


def test_guinea_bissau_and_libya_are_left_only_with_their_vacancies() -> None:
    """Guinea-Bissau's days without a prime minister are those after the coups of 2003 and 2012 and
    the fortnight of January 2018 (vacancies: no gap, but the days no term covers); Libya's, the two
    months of 2000 before Shamekh's appointment."""
    cov = _coverage()
    lo, hi = dt.date(2000, 1, 1), dt.date(2025, 10, 31)
    assert cov.gaps("Guinea-Bissau", "government", lo, hi) == []
    assert cov.gaps("Guinea-Bissau", "government", lo, hi, vacancies=False) == [
        (dt.date(2003, 9, 14), dt.date(2003, 9, 28)),
        (dt.date(2012, 4, 12), dt.date(2012, 5, 16)),
        (dt.date(2018, 1, 16), dt.date(2018, 1, 30)),
    ]
    assert cov.gaps("Libya", "government", lo, hi) == [(dt.date(2000, 1, 1), dt.date(2000, 3, 1))]
    assert cov.gaps("Gabon", "government", lo, dt.date(2023, 8, 29)) == []
