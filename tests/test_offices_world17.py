"""Heads of government that the depth report still lacked: Sudan (2017-2019 and the acting heads of
2022-2025), Jordan (2000-2012), Lebanon (2000-2005, 2016-2021), Ivory Coast (2012-2021), Mali, Algeria
(2003-2008), Myanmar (2021-2025), Serbia, Pakistan's Chief Executive, and the heads in office on 1 January
2000 in Singapore, Morocco, Liechtenstein, Djibouti and Cape Verde (rules/offices/world17.toml, issue #18).

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

WATER = """\
Government pledges new desalination plants

{dateline} - {who} said on Wednesday that the government would tender two desalination plants \
before the summer, as reservoirs fell to their lowest level in a decade.
Farmers' unions welcomed the plan but asked for help with irrigation costs.
"""


def found(who: str, date: dt.date, dateline: str) -> list[str]:
    return [d.code for d in check(WATER.format(who=who, dateline=dateline), TABLE_CODES, date=date)]


@pytest.mark.parametrize(
    ("who", "date", "dateline", "expected"),
    [
        # Sudan: the prime ministers under Bashir, and the acting heads after Hamdok
        pytest.param("Sudanese Prime Minister Bakri Hassan Saleh", dt.date(2017, 11, 8), "KHARTOUM", [], id="bakri"),
        pytest.param(
            "Sudanese Prime Minister Bakri Hassan Saleh", dt.date(2018, 11, 7), "KHARTOUM", ["NL303"], id="bakri-after"
        ),
        pytest.param("Sudanese Prime Minister Motazz Moussa", dt.date(2018, 12, 12), "KHARTOUM", [], id="moussa"),
        pytest.param("Sudanese Prime Minister Mohamed Tahir Ayala", dt.date(2019, 3, 20), "KHARTOUM", [], id="ayala"),
        pytest.param(
            "Sudanese acting Prime Minister Osman Hussein", dt.date(2023, 3, 8), "KHARTOUM", [], id="osman-hussein"
        ),
        pytest.param("Sudanese Prime Minister Kamil Idris", dt.date(2025, 9, 10), "PORT SUDAN", [], id="kamil-idris"),
        # Jordan, 2000-2012
        pytest.param("Jordanian Prime Minister Ali Abu al-Ragheb", dt.date(2002, 5, 8), "AMMAN", [], id="abu-ragheb"),
        pytest.param(
            "Jordanian Prime Minister Ali Abu al-Ragheb",
            dt.date(2004, 5, 12),
            "AMMAN",
            ["NL303"],
            id="abu-ragheb-after",
        ),
        pytest.param(
            "former Jordanian Prime Minister Ali Abu al-Ragheb",
            dt.date(2004, 5, 12),
            "AMMAN",
            [],
            id="abu-ragheb-former",
        ),
        pytest.param("Jordanian Prime Minister Marouf al-Bakhit", dt.date(2006, 6, 7), "AMMAN", [], id="bakhit-first"),
        pytest.param(
            "Jordanian Prime Minister Marouf al-Bakhit", dt.date(2009, 6, 10), "AMMAN", ["NL303"], id="bakhit-between"
        ),
        pytest.param("Jordanian Prime Minister Marouf al-Bakhit", dt.date(2011, 6, 8), "AMMAN", [], id="bakhit-second"),
        pytest.param("Jordanian Prime Minister Nader al-Dahabi", dt.date(2008, 7, 9), "AMMAN", [], id="dahabi"),
        pytest.param("Jordanian Prime Minister Fayez al-Tarawneh", dt.date(2012, 8, 8), "AMMAN", [], id="tarawneh"),
        # Lebanon: Rafic Hariri and Karami; Saad Hariri's second premiership and Diab
        pytest.param("Lebanese Prime Minister Rafik Hariri", dt.date(2002, 4, 10), "BEIRUT", [], id="rafic-hariri"),
        pytest.param(
            "Lebanese Prime Minister Rafik Hariri", dt.date(2005, 1, 12), "BEIRUT", ["NL303"], id="rafic-hariri-after"
        ),
        pytest.param("Lebanese Prime Minister Omar Karami", dt.date(2005, 1, 12), "BEIRUT", [], id="karami"),
        pytest.param("Lebanese Prime Minister Saad Hariri", dt.date(2018, 5, 9), "BEIRUT", [], id="saad-hariri-2018"),
        pytest.param(
            "Lebanese Prime Minister Saad Hariri", dt.date(2012, 5, 9), "BEIRUT", ["NL303"], id="saad-hariri-between"
        ),
        pytest.param("Lebanese Prime Minister Hassan Diab", dt.date(2020, 4, 15), "BEIRUT", [], id="diab"),
        # Ivory Coast, 2012-2021
        pytest.param("Ivorian Prime Minister Daniel Kablan Duncan", dt.date(2015, 3, 11), "ABIDJAN", [], id="duncan"),
        pytest.param(
            "Ivorian Prime Minister Amadou Gon Coulibaly", dt.date(2019, 3, 13), "ABIDJAN", [], id="gon-coulibaly"
        ),
        pytest.param(
            "Ivorian Prime Minister Amadou Gon Coulibaly",
            dt.date(2020, 10, 14),
            "ABIDJAN",
            ["NL303"],
            id="gon-coulibaly-after",
        ),
        pytest.param("Ivorian Prime Minister Hamed Bakayoko", dt.date(2020, 11, 11), "ABIDJAN", [], id="bakayoko"),
        # Mali: Modibo Keita's two premierships, the transition's prime ministers
        pytest.param("Malian Prime Minister Modibo Keita", dt.date(2016, 3, 9), "BAMAKO", [], id="keita-2016"),
        pytest.param(
            "Malian Prime Minister Modibo Keita", dt.date(2010, 3, 10), "BAMAKO", ["NL303"], id="keita-between"
        ),
        pytest.param("Malian Prime Minister Moctar Ouane", dt.date(2021, 2, 10), "BAMAKO", [], id="ouane"),
        pytest.param("Malian Prime Minister Choguel Maiga", dt.date(2023, 5, 10), "BAMAKO", [], id="choguel"),
        # Algeria, Myanmar, Serbia, Pakistan
        pytest.param(
            "Algerian Prime Minister Abdelaziz Belkhadem", dt.date(2007, 6, 13), "ALGIERS", [], id="belkhadem"
        ),
        pytest.param(
            "Algerian Prime Minister Abdelaziz Belkhadem",
            dt.date(2009, 6, 10),
            "ALGIERS",
            ["NL303"],
            id="belkhadem-after",
        ),
        pytest.param("Myanmar Prime Minister Min Aung Hlaing", dt.date(2023, 3, 8), "YANGON", [], id="min-aung-hlaing"),
        pytest.param("Serbian Prime Minister Milomir Minić", dt.date(2000, 12, 13), "BELGRADE", [], id="minic"),
        pytest.param(
            "Serbian acting Prime Minister Ivica Dačić", dt.date(2017, 6, 14), "BELGRADE", [], id="dacic-acting-2017"
        ),
        pytest.param(
            "Pakistani Chief Executive Pervez Musharraf", dt.date(2000, 5, 10), "ISLAMABAD", [], id="musharraf-ce"
        ),
        # The heads in office on 1 January 2000
        pytest.param("Singapore Prime Minister Goh Chok Tong", dt.date(2001, 8, 8), "SINGAPORE", [], id="goh"),
        pytest.param(
            "Singapore Prime Minister Goh Chok Tong", dt.date(2005, 8, 10), "SINGAPORE", ["NL303"], id="goh-after"
        ),
        pytest.param(
            "Moroccan Prime Minister Abderrahmane Youssoufi", dt.date(2001, 5, 9), "RABAT", [], id="youssoufi"
        ),
        pytest.param("Liechtenstein Prime Minister Mario Frick", dt.date(2000, 11, 8), "VADUZ", [], id="frick"),
        pytest.param(
            "Djiboutian Prime Minister Barkat Gourad Hamadou", dt.date(2000, 6, 14), "DJIBOUTI", [], id="barkat-gourad"
        ),
        pytest.param(
            "Cape Verdean Prime Minister Gualberto do Rosário", dt.date(2000, 12, 13), "PRAIA", [], id="rosario"
        ),
    ],
)
def test_heads_of_government_of_world17(who: str, date: dt.date, dateline: str, expected: list[str]) -> None:
    assert found(who, date, dateline) == expected


def test_the_acting_heads_are_marked_acting() -> None:
    """Caretaker and interim holders carry ``acting``; the holders confirmed in office do not."""
    table = Packs().load("offices", parse_offices)
    acting = {
        (t.person, t.start)
        for t in table.terms
        if t.acting and t.country in {"Sudan", "Ivory Coast", "Mali", "Serbia", "Cape Verde"}
    }
    assert ("Osman Hussein", dt.date(2022, 1, 19)) in acting
    assert ("Dafallah al-Haj Ali", dt.date(2025, 4, 30)) in acting
    assert ("Hamed Bakayoko", dt.date(2020, 7, 8)) in acting
    assert ("Hamed Bakayoko", dt.date(2020, 7, 30)) not in acting
    assert ("Abdoulaye Maïga", dt.date(2022, 8, 21)) in acting
    assert ("Ivica Dačić", dt.date(2017, 5, 31)) in acting
    assert ("Gualberto do Rosário", dt.date(2000, 7, 29)) in acting
    assert ("Gualberto do Rosário", dt.date(2000, 10, 5)) not in acting
