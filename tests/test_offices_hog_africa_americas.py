"""Heads of government of Africa and the Americas (rules/offices/world9.toml, issue #18).

Short wire-style articles: a prime minister correctly titled on the article's day is not flagged; a
former one still called "Prime Minister" is (NL303); a prime minister called President, or a President
called Prime Minister, is (NL304 or NL303).
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304"]

GRAIN = """\
Regional grain corridor talks to resume

CAPITAL (Reuters) - {who} told reporters on Tuesday that talks with neighbouring governments on a \
grain and fertiliser corridor would resume next week, adding that a draft accord was nearly ready.
Diplomats from both sides confirmed the date, and a customs working group is due to meet on Friday.
"""


def found(who: str, date: dt.date) -> list[str]:
    return [d.code for d in check(GRAIN.format(who=who), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # Senegal: Sonko since April 2024; Amadou Ba before him; Macky Sall was prime minister in 2004-2007
        pytest.param("Senegalese Prime Minister Ousmane Sonko", dt.date(2025, 6, 3), [], id="sonko"),
        pytest.param("Prime Minister Amadou Ba", dt.date(2026, 3, 3), ["NL303"], id="amadou-ba-after"),
        pytest.param("former Prime Minister Amadou Ba", dt.date(2026, 3, 3), [], id="amadou-ba-former"),
        pytest.param("Senegalese Prime Minister Macky Sall", dt.date(2005, 9, 6), [], id="macky-sall-pm"),
        pytest.param("Senegalese Prime Minister Macky Sall", dt.date(2020, 9, 8), ["NL303"], id="macky-sall-later"),
        pytest.param("Senegalese Prime Minister Mame Madior Boye", dt.date(2002, 5, 7), [], id="boye"),
        # Morocco: the Head of Government, "prime minister" in wire copy
        pytest.param("Moroccan Prime Minister Aziz Akhannouch", dt.date(2026, 2, 3), [], id="akhannouch"),
        pytest.param(
            "Moroccan Prime Minister Saad Eddine El Othmani", dt.date(2026, 2, 3), ["NL303"], id="othmani-after"
        ),
        pytest.param("Moroccan Prime Minister Driss Jettou", dt.date(2005, 4, 5), [], id="jettou"),
        # Algeria: Tebboune was prime minister for under three months in 2017, and is President since 2019
        pytest.param("Algerian Prime Minister Sifi Ghrieb", dt.date(2026, 1, 13), [], id="ghrieb"),
        pytest.param("Algerian Prime Minister Nadir Larbaoui", dt.date(2026, 1, 13), ["NL303"], id="larbaoui-after"),
        pytest.param("Algerian Prime Minister Abdelmadjid Tebboune", dt.date(2017, 6, 13), [], id="tebboune-pm"),
        pytest.param(
            "Algerian Prime Minister Abdelmadjid Tebboune", dt.date(2025, 6, 10), ["NL303"], id="tebboune-now-president"
        ),
        pytest.param("Algerian President Abdelmadjid Tebboune", dt.date(2025, 6, 10), [], id="tebboune-president"),
        pytest.param("Algerian Prime Minister Ahmed Ouyahia", dt.date(2010, 6, 8), [], id="ouyahia"),
        # Tunisia: four heads of government since 2023; Ghannouchi acted as President for a day
        pytest.param("Tunisian Prime Minister Sarra Zaafrani Zenzri", dt.date(2026, 2, 10), [], id="zenzri"),
        pytest.param("Tunisian Prime Minister Kamel Maddouri", dt.date(2026, 2, 10), ["NL303"], id="maddouri-after"),
        pytest.param("Tunisian Prime Minister Youssef Chahed", dt.date(2018, 4, 3), [], id="chahed"),
        pytest.param("Tunisian President Mohamed Ghannouchi", dt.date(2011, 1, 14), [], id="ghannouchi-interim"),
        # Cameroon
        pytest.param("Cameroonian Prime Minister Joseph Dion Ngute", dt.date(2025, 11, 4), [], id="ngute"),
        pytest.param("Cameroonian Prime Minister Philemon Yang", dt.date(2024, 10, 1), ["NL303"], id="yang-after"),
        # Ivory Coast and DR Congo
        pytest.param("Ivorian Prime Minister Robert Beugre Mambe", dt.date(2026, 1, 13), [], id="mambe"),
        pytest.param("Ivorian Prime Minister Patrick Achi", dt.date(2026, 1, 13), ["NL303"], id="achi-after"),
        pytest.param("Ivorian Prime Minister Guillaume Soro", dt.date(2009, 3, 3), [], id="soro"),
        pytest.param("Congolese Prime Minister Judith Suminwa", dt.date(2025, 9, 2), [], id="suminwa"),
        pytest.param("Congolese Prime Minister Sama Lukonde", dt.date(2025, 9, 2), ["NL303"], id="lukonde-after"),
        # The Sahel's transitions
        pytest.param("Malian Prime Minister Abdoulaye Maiga", dt.date(2025, 5, 6), [], id="maiga"),
        pytest.param(
            "Burkinabe Prime Minister Rimtalba Jean Emmanuel Ouedraogo", dt.date(2025, 5, 6), [], id="ouedraogo"
        ),
        pytest.param("Guinean Prime Minister Amadou Oury Bah", dt.date(2025, 5, 6), [], id="oury-bah"),
        pytest.param("Chadian Prime Minister Allamaye Halina", dt.date(2025, 5, 6), [], id="halina"),
        # East and southern Africa
        pytest.param("Kenyan Prime Minister Raila Odinga", dt.date(2010, 3, 2), [], id="odinga-pm"),
        pytest.param("Kenyan Prime Minister Raila Odinga", dt.date(2025, 3, 4), ["NL303"], id="odinga-after"),
        pytest.param("Tanzanian Prime Minister Mwigulu Nchemba", dt.date(2026, 1, 13), [], id="nchemba"),
        pytest.param("Tanzanian Prime Minister Kassim Majaliwa", dt.date(2026, 1, 13), ["NL303"], id="majaliwa-after"),
        pytest.param("Tanzanian Prime Minister Mizengo Pinda", dt.date(2012, 7, 3), [], id="pinda"),
        pytest.param("Rwandan Prime Minister Justin Nsengiyumva", dt.date(2025, 10, 7), [], id="nsengiyumva"),
        pytest.param("Ugandan Prime Minister Robinah Nabbanja", dt.date(2025, 10, 7), [], id="nabbanja"),
        pytest.param("Burundian Prime Minister Nestor Ntahontuye", dt.date(2025, 10, 7), [], id="ntahontuye"),
        pytest.param("Mozambican Prime Minister Maria Benvinda Levi", dt.date(2025, 10, 7), [], id="levi"),
        pytest.param(
            "Malagasy Prime Minister Herintsalama Rajaonarivelo", dt.date(2025, 12, 2), [], id="rajaonarivelo"
        ),
        pytest.param("Eswatini Prime Minister Russell Dlamini", dt.date(2025, 12, 2), [], id="russell-dlamini"),
        # Histories from 2000: Mali, Burkina Faso, Guinea; and the offices of Gabon, Guinea-Bissau, Djibouti, CAR
        pytest.param("Malian Prime Minister Moussa Mara", dt.date(2014, 6, 3), [], id="mara"),
        pytest.param("Malian Prime Minister Moussa Mara", dt.date(2016, 6, 7), ["NL303"], id="mara-after"),
        pytest.param("Burkinabe Prime Minister Luc-Adolphe Tiao", dt.date(2013, 2, 5), [], id="tiao"),
        pytest.param("Burkinabe Prime Minister Paul Kaba Thieba", dt.date(2020, 2, 4), ["NL303"], id="thieba-after"),
        pytest.param("Guinean Prime Minister Mohamed Said Fofana", dt.date(2013, 2, 5), [], id="said-fofana"),
        pytest.param(
            "Guinean Prime Minister Ibrahima Kassory Fofana", dt.date(2023, 2, 7), ["NL303"], id="kassory-after"
        ),
        pytest.param("Gabonese Prime Minister Raymond Ndong Sima", dt.date(2024, 3, 5), [], id="ndong-sima"),
        pytest.param(
            "Gabonese Prime Minister Raymond Ndong Sima", dt.date(2025, 9, 2), ["NL303"], id="ndong-sima-after"
        ),
        pytest.param("Bissau-Guinean Prime Minister Ilidio Vieira Te", dt.date(2026, 1, 13), [], id="vieira-te"),
        pytest.param("Djiboutian Prime Minister Abdoulkader Kamil Mohamed", dt.date(2024, 5, 7), [], id="kamil"),
        pytest.param("Central African Prime Minister Felix Moloua", dt.date(2024, 5, 7), [], id="moloua"),
        # The Americas: Peru's President of the Council of Ministers and Cuba's restored office
        pytest.param("Peruvian Prime Minister Ernesto Alvarez", dt.date(2026, 1, 13), [], id="alvarez"),
        pytest.param("Peruvian Prime Minister Denisse Miralles", dt.date(2026, 4, 7), [], id="miralles"),
        pytest.param("Peruvian Prime Minister Ernesto Alvarez", dt.date(2026, 4, 7), ["NL303"], id="alvarez-after"),
        pytest.param("Peruvian Prime Minister Eduardo Arana", dt.date(2026, 1, 13), ["NL303"], id="arana-after"),
        pytest.param("Peruvian Prime Minister Gustavo Adrianzen", dt.date(2024, 9, 3), [], id="adrianzen"),
        pytest.param("Cuban Prime Minister Manuel Marrero", dt.date(2026, 1, 13), [], id="marrero"),
    ],
)
def test_heads_of_government_by_date(who, date, expected):
    assert found(who, date) == expected


@pytest.mark.parametrize(
    ("who", "date"),
    [
        pytest.param("Senegalese President Ousmane Sonko", dt.date(2025, 6, 3), id="sonko-not-president"),
        pytest.param("Algerian President Nadir Larbaoui", dt.date(2024, 6, 4), id="larbaoui-not-president"),
        pytest.param("Cuban President Manuel Marrero", dt.date(2025, 6, 3), id="marrero-not-president"),
    ],
)
def test_prime_minister_called_president(who, date):
    """A head of government given the head of state's title is flagged, with the office he holds."""
    (d,) = check(GRAIN.format(who=who), TABLE_CODES, date=date)
    assert d.code == "NL304"
    assert "Prime Minister" in d.message


def test_message_names_the_day_left_and_the_country():
    """The report on a former prime minister names the day he left, and points at the title."""
    text = GRAIN.format(who="Prime Minister Kamel Maddouri")
    (d,) = check(text, TABLE_CODES, date=dt.date(2026, 4, 7))
    assert d.code == "NL303"
    assert "Kamel Maddouri left office as Tunisian Prime Minister on 2025-03-21" in d.message
    assert (d.line, d.column) == (3, text.splitlines()[2].index("Prime Minister") + 1)
