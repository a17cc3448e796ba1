"""Peru's prime ministers of 2001-2022 and two acting prime ministers of South Korea
(rules/offices/world12.toml, issue #18).

Short wire-style articles, each dated: a prime minister correctly titled on the article's day is not
flagged; a former one still called "Prime Minister" after the term is (NL303); "former Prime
Minister" for a past holder is not. Peru's table had no prime minister before December 2022.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

WATER = """\
Cabinet chief visits drought-hit valley

LIMA (Reuters) - {who} flew to a drought-hit valley on Tuesday and promised emergency funds for \
farmers whose reservoirs have run dry since the start of the planting season.
Local officials said tanker trucks would reach the worst-affected villages by the weekend.
"""


def found(who: str, date: dt.date) -> list[str]:
    return [d.code for d in check(WATER.format(who=who), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # Peru under Castillo: four prime ministers in sixteen months
        pytest.param("Peruvian Prime Minister Aníbal Torres", dt.date(2022, 6, 14), [], id="torres-then"),
        pytest.param("Peruvian Prime Minister Aníbal Torres", dt.date(2023, 6, 13), ["NL303"], id="torres-after"),
        pytest.param("Peruvian Prime Minister Mirtha Vásquez", dt.date(2021, 11, 16), [], id="vasquez-then"),
        pytest.param("Peruvian Prime Minister Mirtha Vásquez", dt.date(2022, 3, 15), ["NL303"], id="vasquez-after"),
        pytest.param("former Peruvian Prime Minister Mirtha Vásquez", dt.date(2022, 3, 15), [], id="vasquez-former"),
        pytest.param("Peruvian Prime Minister Betssy Chávez", dt.date(2022, 11, 29), [], id="chavez-then"),
        # Vizcarra and Sagasti
        pytest.param("Peruvian Prime Minister Vicente Zeballos", dt.date(2020, 4, 14), [], id="zeballos-then"),
        pytest.param("Peruvian Prime Minister Vicente Zeballos", dt.date(2020, 9, 15), ["NL303"], id="zeballos-after"),
        pytest.param("Peruvian Prime Minister Violeta Bermúdez", dt.date(2021, 2, 9), [], id="bermudez-then"),
        pytest.param("Peruvian Prime Minister Violeta Bermúdez", dt.date(2021, 9, 14), ["NL303"], id="bermudez-after"),
        # Humala, García and Toledo
        pytest.param("Peruvian Prime Minister Ana Jara", dt.date(2014, 11, 11), [], id="jara-then"),
        pytest.param("Peruvian Prime Minister Ana Jara", dt.date(2015, 6, 9), ["NL303"], id="jara-after"),
        pytest.param("Peruvian Prime Minister Yehude Simon", dt.date(2009, 3, 10), [], id="simon-then"),
        pytest.param("Peruvian Prime Minister Yehude Simon", dt.date(2010, 3, 9), ["NL303"], id="simon-after"),
        pytest.param("Peruvian Prime Minister Beatriz Merino", dt.date(2003, 9, 9), [], id="merino-then"),
        pytest.param("Peruvian Prime Minister Beatriz Merino", dt.date(2004, 9, 14), ["NL303"], id="merino-after"),
        # A second term: Cateriano led the cabinet in 2015-2016 and again in July - August 2020
        pytest.param("Peruvian Prime Minister Pedro Cateriano", dt.date(2015, 10, 13), [], id="cateriano-first"),
        pytest.param(
            "Peruvian Prime Minister Pedro Cateriano", dt.date(2018, 10, 9), ["NL303"], id="cateriano-between"
        ),
        pytest.param("Peruvian Prime Minister Pedro Cateriano", dt.date(2020, 7, 28), [], id="cateriano-second"),
        # South Korea: Han Duck-soo acting in 2006, a year before his first full term
        pytest.param("South Korean acting Prime Minister Han Duck-soo", dt.date(2006, 4, 4), [], id="han-acting-2006"),
        pytest.param(
            "South Korean acting Prime Minister Han Duck-soo",
            dt.date(2006, 10, 10),
            ["NL303"],
            id="han-acting-after",
        ),
        # South Korea: Choi Kyoung-hwan acting between Lee Wan-koo and Hwang Kyo-ahn in 2015
        pytest.param(
            "South Korean acting Prime Minister Choi Kyoung-hwan", dt.date(2015, 5, 12), [], id="choi-acting-then"
        ),
        pytest.param(
            "South Korean acting Prime Minister Choi Kyoung-hwan",
            dt.date(2015, 9, 8),
            ["NL303"],
            id="choi-acting-after",
        ),
    ],
)
def test_prime_ministers_of_world12(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date) == expected


def test_peru_has_a_prime_minister_every_day_from_july_2001() -> None:
    """Peru's cabinet chiefs now run without a gap from Toledo's first cabinet to the table's end."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import offices_coverage

    assert offices_coverage.gaps("Peru", "government", dt.date(2001, 7, 28), dt.date(2025, 10, 11)) == []
