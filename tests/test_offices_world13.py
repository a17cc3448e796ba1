"""Heads of government of the Democratic Republic of the Congo, Niger, Chad, Somalia, the Central
African Republic, Gabon, Togo and Iraq, and Guinea-Bissau's transitional president of November 2025
(rules/offices/world13.toml, issue #18); and the coverage tool counting a state's days from its
independence (tools/offices_coverage.py).

Short wire-style articles, each dated: a prime minister correctly titled on the article's day is not
flagged; a former one still called "Prime Minister" after the term is (NL303); "former Prime
Minister" for a past holder is not.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import offices_coverage_tool as _coverage

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

AID = """\
Donors pledge funds for flood-hit provinces

KINSHASA (Reuters) - {who} thanked donors on Thursday for pledges of emergency aid to provinces \
where rivers burst their banks last month, cutting roads and washing away fields before the harvest.
Aid agencies said the money would pay for seed, clean water and the repair of two bridges.
"""


def found(who: str, date: dt.date) -> list[str]:
    return [d.code for d in check(AID.format(who=who), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # Democratic Republic of the Congo: the table had no prime minister before Lukonde (2021)
        pytest.param("DR Congo Prime Minister Adolphe Muzito", dt.date(2010, 6, 10), [], id="muzito-then"),
        pytest.param("DR Congo Prime Minister Augustin Matata Ponyo", dt.date(2014, 5, 15), [], id="matata-then"),
        pytest.param(
            "DR Congo Prime Minister Augustin Matata Ponyo", dt.date(2017, 9, 14), ["NL303"], id="matata-after"
        ),
        pytest.param(
            "former DR Congo Prime Minister Augustin Matata Ponyo", dt.date(2017, 9, 14), [], id="matata-former"
        ),
        pytest.param("DR Congo Prime Minister Bruno Tshibala", dt.date(2018, 3, 15), [], id="tshibala-then"),
        pytest.param("DR Congo Prime Minister Sylvestre Ilunga", dt.date(2020, 4, 16), [], id="ilunga-then"),
        # Niger, 2007-2011 and 2021-2023
        pytest.param("Nigerien Prime Minister Seyni Oumarou", dt.date(2008, 4, 17), [], id="oumarou-then"),
        pytest.param("Nigerien Prime Minister Seyni Oumarou", dt.date(2010, 6, 17), ["NL303"], id="oumarou-after"),
        pytest.param("Nigerien Prime Minister Mahamadou Danda", dt.date(2010, 9, 16), [], id="danda-then"),
        pytest.param("Nigerien Prime Minister Ouhoumoudou Mahamadou", dt.date(2022, 5, 12), [], id="ouhoumoudou-then"),
        # Chad: Koumakoye's second premiership
        pytest.param("Chadian Prime Minister Delwa Kassiré Koumakoye", dt.date(2007, 9, 13), [], id="koumakoye-then"),
        pytest.param(
            "Chadian Prime Minister Delwa Kassiré Koumakoye", dt.date(2009, 9, 10), ["NL303"], id="koumakoye-after"
        ),
        # Somalia, from the Transitional National Government to 2022
        pytest.param("Somali Prime Minister Ali Mohamed Ghedi", dt.date(2006, 3, 16), [], id="ghedi-then"),
        pytest.param("Somali Prime Minister Abdi Farah Shirdon", dt.date(2013, 4, 11), [], id="shirdon-then"),
        pytest.param("Somali Prime Minister Abdi Farah Shirdon", dt.date(2014, 4, 10), ["NL303"], id="shirdon-after"),
        pytest.param(
            "Somalia's acting Prime Minister Mahdi Mohammed Gulaid", dt.date(2020, 8, 13), [], id="gulaid-acting"
        ),
        # Sharmarke led the government twice, in 2009-2010 and 2014-2017
        pytest.param("Somali Prime Minister Omar Sharmarke", dt.date(2009, 7, 16), [], id="sharmarke-first"),
        pytest.param("Somali Prime Minister Omar Sharmarke", dt.date(2012, 7, 12), ["NL303"], id="sharmarke-between"),
        pytest.param("Somali Prime Minister Omar Sharmarke", dt.date(2015, 7, 16), [], id="sharmarke-second"),
        # Central African Republic, 2001-2022; Touadéra was prime minister before he was president
        pytest.param("Central African Republic Prime Minister Martin Ziguélé", dt.date(2002, 5, 16), [], id="ziguele"),
        pytest.param(
            "Central African Republic Prime Minister Faustin-Archange Touadéra",
            dt.date(2010, 3, 11),
            [],
            id="touadera-pm",
        ),
        pytest.param(
            "Central African Republic Prime Minister Simplice Sarandji", dt.date(2017, 5, 11), [], id="sarandji"
        ),
        pytest.param(
            "Central African Republic Prime Minister Simplice Sarandji",
            dt.date(2020, 5, 14),
            ["NL303"],
            id="sarandji-after",
        ),
        # Gabon: the first woman to lead the government, then Bilie By Nze until the coup
        pytest.param("Gabonese Prime Minister Rose Christiane Ossouka Raponda", dt.date(2021, 9, 16), [], id="raponda"),
        pytest.param(
            "Gabonese Prime Minister Rose Christiane Ossouka Raponda",
            dt.date(2023, 3, 16),
            ["NL303"],
            id="raponda-after",
        ),
        pytest.param("Gabonese Prime Minister Alain-Claude Bilie-By-Nze", dt.date(2023, 5, 11), [], id="bilie-by-nze"),
        # Togo and Iraq
        pytest.param("Togolese Prime Minister Kwesi Ahoomey-Zunu", dt.date(2014, 3, 13), [], id="ahoomey-zunu"),
        pytest.param("Iraqi Prime Minister Saddam Hussein", dt.date(2001, 6, 14), [], id="saddam-pm"),
        pytest.param("Iraqi Prime Minister Saddam Hussein", dt.date(2005, 6, 16), ["NL303"], id="saddam-pm-after"),
        # Guinea-Bissau: the army's chief of staff, sworn in the day after the coup of 26 November 2025
        pytest.param("Guinea-Bissau's transitional President Horta N'Tam", dt.date(2025, 11, 28), [], id="ntam"),
        pytest.param(
            "Guinea-Bissau President Umaro Sissoco Embalo", dt.date(2026, 1, 15), ["NL303"], id="embalo-after"
        ),
    ],
)
def test_heads_of_government_of_world13(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date) == expected


def test_somalia_and_the_central_african_republic_have_a_prime_minister_but_for_the_vacancies() -> None:
    """Somalia from the first transitional prime minister, the Central African Republic from 2000: the only
    days left are those between a coup or a resignation and the next appointment."""
    cov = _coverage()
    lo, hi = dt.date(2000, 1, 1), dt.date(2025, 10, 31)
    # Somalia's days after Farmaajo's resignation (19-27 June 2011): Abdiweli acting (world20.toml)
    assert cov.gaps("Somalia", "government", dt.date(2000, 10, 8), hi) == []
    assert cov.gaps("Central African Republic", "government", lo, hi, vacancies=False) == [
        (dt.date(2003, 3, 15), dt.date(2003, 3, 23)),
        (dt.date(2014, 1, 10), dt.date(2014, 1, 25)),
    ]
    # the days after Bozizé's coup are a vacancy (VACANT_HEAD_OF_GOVERNMENT); those of January 2014 were not read
    assert cov.gaps("Central African Republic", "government", lo, hi) == [(dt.date(2014, 1, 10), dt.date(2014, 1, 25))]
    assert cov.gaps("Democratic Republic of the Congo", "government", dt.date(2006, 12, 30), hi) == [
        (dt.date(2021, 1, 29), dt.date(2021, 2, 15))
    ]


def test_a_state_is_counted_from_its_independence() -> None:
    """South Sudan (9 July 2011) has no gap before it existed; a state that existed throughout still has
    its true gaps (Iraq had no prime minister from the fall of Baghdad to the handover of June 2004)."""
    cov = _coverage()
    lo, hi = dt.date(2000, 1, 1), dt.date(2025, 10, 31)
    assert cov.gaps("South Sudan", "state", lo, hi) == []
    assert cov.gaps("South Sudan", "state", lo, dt.date(2010, 12, 31)) == []
    _, share = cov.depth(lo, hi)
    assert share["South Sudan"] == 1.0
    assert share["Timor-Leste"] > 0.999  # independent on 20 May 2002
    _, before = cov.depth(lo, dt.date(2010, 12, 31))
    assert before["South Sudan"] == 1.0  # nothing to count before independence
    # (a vacancy of the office: no gap, but the days no term covers)
    assert cov.gaps("Iraq", "government", lo, hi, vacancies=False) == [(dt.date(2003, 4, 9), dt.date(2004, 6, 28))]
    assert share["Iraq"] < 0.96


def test_each_office_is_measured_apart() -> None:
    """The depth per office: the realms have no head of state of their own to count, a presidential
    system no head of government, and Iraq's prime-ministerial vacancy of 2003-04 shows in the
    head-of-government share while its head-of-state share stays whole for those days."""
    cov = _coverage()
    lo, hi = dt.date(2000, 1, 1), dt.date(2025, 10, 31)
    _, state = cov.office_depth("state", lo, hi)
    _, government = cov.office_depth("government", lo, hi)
    assert "Jamaica" not in state and "Jamaica" in government
    assert state["Barbados"] > 0.99  # a realm until it became a republic on 30 November 2021
    assert "United States" in state and "United States" not in government  # the President heads both
    gap = sum((b - a).days for a, b in cov.gaps("Iraq", "government", lo, hi))
    assert government["Iraq"] == pytest.approx(1 - gap / ((hi - lo).days + 1))
    assert all(0.0 <= v <= 1.0 for v in (*state.values(), *government.values()))
