"""Earlier heads of government of African states (rules/offices/world11.toml, issue #18).

Short wire-style articles, each dated: a prime minister correctly titled on the article's day is not
flagged; a former one still called "Prime Minister" after the term is (NL303); "former Prime
Minister" for a past holder is not. Equatorial Guinea had no head of government in the table before.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

ROADS = """\
Donors pledge funds for rural roads

CAPITAL (AFP) - {who} opened a donors' conference on rural roads on Monday, asking lenders to \
cover half the cost of paving feeder routes before the next rainy season.
Officials said three lenders had already signed letters of intent and that tenders would follow.
"""


def found(who: str, date: dt.date) -> list[str]:
    return [d.code for d in check(ROADS.format(who=who), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # Equatorial Guinea: nine prime ministers since 2000
        pytest.param("Equatorial Guinean Prime Minister Manuel Osa Nsue Nsua", dt.date(2025, 3, 10), [], id="osa-nsue"),
        pytest.param(
            "Equatorial Guinean Prime Minister Manuela Roka Botey", dt.date(2025, 3, 10), ["NL303"], id="roka-after"
        ),
        pytest.param("Equatorial Guinean Prime Minister Manuela Roka Botey", dt.date(2023, 9, 4), [], id="roka-then"),
        pytest.param(
            "Equatorial Guinean Prime Minister Ignacio Milam Tang", dt.date(2010, 5, 10), [], id="milam-tang-then"
        ),
        pytest.param(
            "Equatorial Guinean Prime Minister Ignacio Milam Tang",
            dt.date(2014, 5, 12),
            ["NL303"],
            id="milam-tang-after",
        ),
        pytest.param(
            "former Equatorial Guinean Prime Minister Ignacio Milam Tang",
            dt.date(2014, 5, 12),
            [],
            id="milam-tang-former",
        ),
        # Uganda, Rwanda, Burundi
        pytest.param("Ugandan Prime Minister Ruhakana Rugunda", dt.date(2018, 7, 9), [], id="rugunda-then"),
        pytest.param("Ugandan Prime Minister Ruhakana Rugunda", dt.date(2023, 7, 10), ["NL303"], id="rugunda-after"),
        pytest.param("Ugandan Prime Minister Apolo Nsibambi", dt.date(2006, 2, 13), [], id="nsibambi"),
        pytest.param("Rwandan Prime Minister Edouard Ngirente", dt.date(2021, 11, 8), [], id="ngirente-then"),
        pytest.param("Rwandan Prime Minister Edouard Ngirente", dt.date(2025, 11, 10), ["NL303"], id="ngirente-after"),
        pytest.param("Rwandan Prime Minister Bernard Makuza", dt.date(2008, 3, 10), [], id="makuza"),
        pytest.param("Burundian Prime Minister Alain-Guillaume Bunyoni", dt.date(2021, 3, 8), [], id="bunyoni-then"),
        pytest.param(
            "Burundian Prime Minister Alain-Guillaume Bunyoni", dt.date(2024, 3, 11), ["NL303"], id="bunyoni-after"
        ),
        # Mozambique and Eswatini
        pytest.param("Mozambican Prime Minister Luisa Diogo", dt.date(2007, 4, 9), [], id="diogo-then"),
        pytest.param("Mozambican Prime Minister Aires Ali", dt.date(2011, 4, 11), [], id="aires-ali-then"),
        pytest.param("Mozambican Prime Minister Alberto Vaquina", dt.date(2024, 4, 8), ["NL303"], id="vaquina-after"),
        pytest.param("Eswatini Prime Minister Ambrose Dlamini", dt.date(2019, 9, 9), [], id="ambrose-dlamini"),
        pytest.param(
            "Eswatini Prime Minister Ambrose Dlamini", dt.date(2022, 9, 12), ["NL303"], id="ambrose-dlamini-after"
        ),
        # Chad: the office abolished in 2018 and restored in 2021
        pytest.param("Chadian Prime Minister Emmanuel Nadingar", dt.date(2011, 10, 10), [], id="nadingar-then"),
        pytest.param("Chadian Prime Minister Succes Masra", dt.date(2024, 3, 11), [], id="masra-then"),
        pytest.param("Chadian Prime Minister Succes Masra", dt.date(2025, 3, 10), ["NL303"], id="masra-after"),
        pytest.param("Chadian Prime Minister Albert Pahimi Padacke", dt.date(2021, 9, 13), [], id="pahimi-2021"),
        # Mauritania, Guyana, Congo-Brazzaville, Madagascar
        pytest.param("Mauritanian Prime Minister Yahya Ould Hademine", dt.date(2016, 10, 10), [], id="hademine-then"),
        pytest.param(
            "Mauritanian Prime Minister Yahya Ould Hademine", dt.date(2021, 10, 11), ["NL303"], id="hademine-after"
        ),
        pytest.param("Guyanese Prime Minister Moses Nagamootoo", dt.date(2017, 2, 13), [], id="nagamootoo-then"),
        pytest.param(
            "Guyanese Prime Minister Moses Nagamootoo", dt.date(2022, 2, 14), ["NL303"], id="nagamootoo-after"
        ),
        pytest.param("Congo-Brazzaville Prime Minister Isidore Mvouba", dt.date(2007, 10, 8), [], id="mvouba-then"),
        pytest.param(
            "Congo-Brazzaville Prime Minister Isidore Mvouba", dt.date(2012, 10, 8), ["NL303"], id="mvouba-after"
        ),
        pytest.param("Malagasy Prime Minister Christian Ntsay", dt.date(2023, 10, 9), [], id="ntsay-then"),
        pytest.param("Malagasy Prime Minister Christian Ntsay", dt.date(2025, 11, 10), ["NL303"], id="ntsay-after"),
        # Namibia, Angola, Benin, Zimbabwe: presidential systems with a prime minister for some years
        pytest.param("Namibian Prime Minister Nahas Angula", dt.date(2008, 6, 9), [], id="angula-then"),
        pytest.param("Namibian Prime Minister Hage Geingob", dt.date(2014, 6, 9), [], id="geingob-pm"),
        pytest.param("Namibian Prime Minister Hage Geingob", dt.date(2018, 6, 11), ["NL303"], id="geingob-later"),
        pytest.param("Namibian President Hage Geingob", dt.date(2018, 6, 11), [], id="geingob-president"),
        pytest.param("Angolan Prime Minister Paulo Kassoma", dt.date(2009, 6, 8), [], id="kassoma-then"),
        pytest.param("Angolan Prime Minister Paulo Kassoma", dt.date(2012, 6, 11), ["NL303"], id="kassoma-after"),
        pytest.param("Beninese Prime Minister Lionel Zinsou", dt.date(2015, 11, 9), [], id="zinsou-then"),
        pytest.param("Beninese Prime Minister Lionel Zinsou", dt.date(2017, 11, 13), ["NL303"], id="zinsou-after"),
        pytest.param("Zimbabwean Prime Minister Morgan Tsvangirai", dt.date(2011, 5, 9), [], id="tsvangirai-then"),
        pytest.param(
            "Zimbabwean Prime Minister Morgan Tsvangirai", dt.date(2015, 5, 11), ["NL303"], id="tsvangirai-after"
        ),
        # "Minister of State" heads Monaco's government; elsewhere a minister of state is a minister
        pytest.param("Minister of State Aminata Touré", dt.date(2025, 3, 3), [], id="minister-of-state-senegal"),
        pytest.param("Minister of State Pierre Dartout", dt.date(2025, 3, 3), ["NL303"], id="minister-of-state-monaco"),
        # Removals after the table's check date: Peru's Jerí (censured 17 February 2026), Guinea-Bissau's Embaló
        pytest.param("Peruvian President José Jerí", dt.date(2026, 3, 10), ["NL303"], id="jeri-after-censure"),
        pytest.param("Peruvian President José María Balcázar", dt.date(2026, 3, 10), [], id="balcazar-interim"),
        pytest.param(
            "Bissau-Guinean President Umaro Sissoco Embaló", dt.date(2026, 1, 12), ["NL303"], id="embalo-after-coup"
        ),
        # A lower-case particle inside the name ("do Rosário") keeps the name whole
        pytest.param(
            "Mozambican Prime Minister Carlos Agostinho do Rosário", dt.date(2019, 8, 5), [], id="do-rosario-then"
        ),
        pytest.param(
            "Mozambican Prime Minister Carlos Agostinho do Rosário",
            dt.date(2024, 6, 3),
            ["NL303"],
            id="do-rosario-after",
        ),
    ],
)
def test_prime_ministers_of_world11(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date) == expected


def test_equatorial_guinea_has_a_head_of_government_every_day_since_2000() -> None:
    """The state the table knew only by its President now has a prime minister on every day."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import offices_coverage

    lo, hi = dt.date(2000, 1, 1), dt.date(2025, 10, 31)
    assert offices_coverage.gaps("Equatorial Guinea", "government", lo, hi) == []
    assert offices_coverage.gaps("Uganda", "government", lo, hi) == []
    assert offices_coverage.gaps("Rwanda", "government", lo, hi) == []
