"""Heads of state of Malaysia, Mauritius, Trinidad and Tobago, Dominica, Vanuatu, Samoa and Andorra
(rules/offices/world10.toml, issue #18).

Short wire-style articles: a head of state correctly titled on the article's day is not flagged; a
former one still given the title is (NL303), and so is a head of state given the other office of
his country (NL304 or NL303).
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304", "NL305"]

CABLE = """\
Undersea cable agreement signed

CAPITAL (AP) - {who} signed an agreement on Wednesday for a second undersea internet cable, \
saying it would cut outages that have twice left the islands offline this year.
The operator said laying the cable would begin in the dry season and take about eight months.
"""

DAY = dt.date(2026, 4, 8)


def found(who: str, date: dt.date = DAY) -> list[str]:
    return [d.code for d in check(CABLE.format(who=who), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "expected"),
    [
        # Malaysia: the King (Yang di-Pertuan Agong), a five-year reign
        pytest.param("Malaysian King Sultan Ibrahim", DAY, [], id="malaysia-ibrahim"),
        pytest.param("Malaysia's King Sultan Ibrahim Iskandar", DAY, [], id="malaysia-ibrahim-full"),
        pytest.param("Malaysian King Sultan Abdullah", DAY, ["NL303"], id="malaysia-abdullah-after"),
        pytest.param("Malaysian King Sultan Abdullah", dt.date(2021, 3, 3), [], id="malaysia-abdullah-then"),
        pytest.param("Malaysian King Sultan Mizan Zainal Abidin", dt.date(2009, 3, 4), [], id="malaysia-mizan-then"),
        pytest.param("Malaysian King Tuanku Syed Sirajuddin", dt.date(2003, 3, 5), [], id="malaysia-sirajuddin"),
        # Mauritius: the President
        pytest.param("Mauritian President Dharam Gokhool", DAY, [], id="mauritius-gokhool"),
        pytest.param("Mauritian President Prithvirajsing Roopun", DAY, ["NL303"], id="mauritius-roopun-after"),
        pytest.param(
            "Mauritian President Anerood Jugnauth", dt.date(2008, 5, 7), [], id="mauritius-jugnauth-president"
        ),
        pytest.param("Mauritian President Cassam Uteem", dt.date(2001, 5, 9), [], id="mauritius-uteem"),
        # Trinidad and Tobago: the President
        pytest.param("Trinidad and Tobago President Christine Kangaloo", DAY, [], id="tt-kangaloo"),
        pytest.param("Trinidad and Tobago President Paula-Mae Weekes", DAY, ["NL303"], id="tt-weekes-after"),
        pytest.param("Trinidadian President George Maxwell Richards", dt.date(2010, 6, 2), [], id="tt-richards"),
        # Dominica: the President
        pytest.param("Dominica President Sylvanie Burton", DAY, [], id="dominica-burton"),
        pytest.param("Dominica President Charles Savarin", DAY, ["NL303"], id="dominica-savarin-after"),
        pytest.param("Dominica President Nicholas Liverpool", dt.date(2007, 5, 9), [], id="dominica-liverpool"),
        # Vanuatu: the President
        pytest.param("Vanuatu President Nikenike Vurobaravu", DAY, [], id="vanuatu-vurobaravu"),
        pytest.param("Vanuatu President Tallis Obed Moses", DAY, ["NL303"], id="vanuatu-moses-after"),
        pytest.param("Vanuatu President Kalkot Mataskelekele", dt.date(2006, 8, 2), [], id="vanuatu-mataskelekele"),
        # Samoa: the O le Ao o le Malo, "head of state"
        pytest.param("Samoa's Head of State Tuimalealiifano Vaaletoa Sualauvi II", DAY, [], id="samoa-sualauvi"),
        pytest.param("Samoan head of state Tui Atua Tupua Tamasese Efi", DAY, ["NL303"], id="samoa-tui-atua-after"),
        pytest.param("Samoan head of state Tui Atua Tupua Tamasese Efi", dt.date(2012, 9, 5), [], id="samoa-tui-atua"),
        # Andorra: the two Co-Princes, the French President and the Bishop of Urgell
        pytest.param("Andorran Co-Prince Emmanuel Macron", DAY, [], id="andorra-macron"),
        pytest.param("Andorra's Co-Prince Josep-Lluis Serrano Pentinat", DAY, [], id="andorra-serrano"),
        pytest.param("Andorran Co-Prince Joan-Enric Vives", DAY, ["NL303"], id="andorra-vives-after"),
        pytest.param("Andorran Co-Prince Joan-Enric Vives", dt.date(2019, 9, 4), [], id="andorra-vives-then"),
        pytest.param("Andorran Co-Prince Francois Hollande", DAY, ["NL303"], id="andorra-hollande-after"),
    ],
)
def test_heads_of_state(who: str, date: dt.date, expected: list[str]) -> None:
    assert found(who, date) == expected


def test_a_former_head_of_state_is_named_in_the_message() -> None:
    """The finding says who held the office and when the term ended."""
    (d,) = check(CABLE.format(who="Dominica President Charles Savarin"), TABLE_CODES, date=DAY)
    assert d.code == "NL303"
    assert "Charles Savarin" in d.message and "2023-10-02" in d.message
    assert (d.line, d.column) == (3, 25)  # the title, after "CAPITAL (AP) - Dominica "


def test_head_of_state_is_a_style_for_other_monarchs() -> None:
    """'head of state' before a monarch's name with no term of it is a common noun, not a wrong title."""
    assert found("Malaysia's head of state Sultan Ibrahim") == []


def test_the_head_of_state_is_not_the_prime_minister() -> None:
    """Each head of state and head of government keeps his own title (within the table's checked days)."""
    day = dt.date(2025, 6, 4)
    assert found("Samoan Prime Minister Fiame Naomi Mata'afa", day) == []
    assert found("Mauritian President Navin Ramgoolam", day) == ["NL304"]
    assert found("Mauritian Prime Minister Dharam Gokhool", day) == ["NL304"]
    assert found("Samoan Prime Minister Tuimalealiifano Vaaletoa Sualauvi II", day) == ["NL304"]
    assert found("Malaysian Prime Minister Sultan Ibrahim", day) == ["NL304"]
    assert found("Trinidad and Tobago Prime Minister Christine Kangaloo", day) == ["NL304"]
