"""The offices table's freshness (issue #18): rules/offices/world-fresh.toml re-verifies open terms
of G20 heads and of the Pope against stored reports of June 2026, and the "later than the offices
table" caveat follows what the table knows of the office, not only of the person named.

Short wire-style articles, each dated: an incumbent of the fresh pack correctly titled is not
flagged, before or after the pack's day; a predecessor still titled after the change is (NL303),
without the caveat while the successor's term is vouched for on the article's day, and with it,
dated by the fresh pack, in November 2026.
"""

from __future__ import annotations

import datetime as dt

import pytest
import tomllib

from newslint.checks.titles.offices import parse_offices
from newslint.plugin.packs import Packs
from newslint.testing import check

TABLE_CODES = ["NL301", "NL302", "NL303", "NL304", "NL306"]
FRESH = "world-fresh.toml"
CAVEAT = "later than the offices table"


def _fresh_path():
    (path,) = [p for p in Packs().bundled_files("offices") if p.name == FRESH]
    return path


def _fresh_data() -> dict:
    with _fresh_path().open("rb") as fh:
        return tomllib.load(fh)


def _table():
    return parse_offices(Packs().sources("offices"))


# -- the pack ----------------------------------------------------------------------------------------


def test_fresh_terms_take_the_fresh_day():
    """Every term of the pack is open, cites its old source and a 2026 report, and takes the pack's day."""
    data = _fresh_data()
    checked = data["pack"]["checked"]
    assert checked > dt.date(2026, 1, 31)  # later than every other pack's day
    table = _table()
    for entry in data["term"]:
        assert "end" not in entry, entry["person"]
        assert entry["source"].startswith("wikipedia:") and "2026" in entry["source"], entry["person"]
        (term,) = [
            t
            for t in table.terms_of(entry["person"])
            if (t.country, t.office, t.start) == (entry["country"], entry["office"], entry["start"])
        ]
        assert term.source.startswith(f"{FRESH}: ")
        assert term.checked == checked and term.known_until == checked


def test_fresh_terms_were_moved_not_copied():
    """No other pack holds a fresh term's person, country, office and start: none overrides the pack's day."""
    keys = {(e["person"], e["country"], e["office"], e["start"]) for e in _fresh_data()["term"]}
    for path in Packs().bundled_files("offices"):
        if path.name == FRESH:
            continue
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        others = {(e["person"], e["country"], e["office"], e["start"]) for e in data.get("term", [])}
        assert not keys & others, (path.name, keys & others)


def test_fresh_pack_needs_only_what_earlier_files_declare():
    """The pack is read after the files that declare its countries and titles (load order is by name)."""
    sources = Packs().sources("offices")
    names = [s.path.name for s in sources]
    assert names[0] == "offices.toml" and FRESH in names
    assert names[1:] == sorted(names[1:])  # rules/offices/*.toml by name; "world-fresh" sorts before "world"
    upto = sources[: names.index(FRESH) + 1]
    parse_offices(upto)  # raises PackError on a country or title not declared before the pack


# -- articles ----------------------------------------------------------------------------------------

MEETING = """\
{headline}

{dateline} - {incumbent} met union leaders on {weekday} to discuss a pay offer for rail workers, \
officials said, a day after talks broke down over overtime rules.
{other} was among those who had urged both sides to return to the table, according to a statement.
Unions said they would put the offer to their members next week.
"""


def _run(headline, dateline, incumbent, other, date):
    text = MEETING.format(headline=headline, dateline=dateline, incumbent=incumbent, other=other, weekday="Monday")
    return check(text, TABLE_CODES, date=date)


JUNE = dt.date(2026, 6, 15)  # within the fresh pack's day
NOVEMBER = dt.date(2026, 11, 23)  # today's articles: later than every pack


@pytest.mark.parametrize(
    ("headline", "dateline", "incumbent", "other", "predecessor_left"),
    [
        pytest.param(
            "Rail pay talks resume in London",
            "LONDON",
            "Prime Minister Keir Starmer",
            "Prime Minister Rishi Sunak",
            "2024-07-05",
            id="uk",
        ),
        pytest.param(
            "Rail unions meet the president in Washington",
            "WASHINGTON",
            "President Donald Trump",
            "President Joe Biden",
            "2025-01-20",
            id="us",
        ),
        pytest.param(
            "Seoul rail talks resume",
            "SEOUL",
            "President Lee Jae Myung",
            "President Yoon Suk Yeol",
            "2025-04-04",
            id="korea-president",
        ),
        pytest.param(
            "Seoul rail talks resume",
            "SEOUL",
            "Prime Minister Kim Min-seok",
            "Prime Minister Han Duck-soo",
            "2025-05-02",
            id="korea-premier",
        ),
    ],
)
def test_incumbent_passes_and_predecessor_is_judged_without_caveat(
    headline, dateline, incumbent, other, predecessor_left
):
    """June 2026: the re-verified incumbent is not flagged; the predecessor's title is, with no caveat."""
    found = _run(headline, dateline, incumbent, other, JUNE)
    assert [d.code for d in found] == ["NL303"]
    (d,) = found
    assert "left office as" in d.message and f"on {predecessor_left}" in d.message
    assert CAVEAT not in d.message


def test_pope_predecessor_without_caveat_in_june():
    text = """\
Pilgrims fill St Peter's Square for the pallium Mass

VATICAN CITY - Pope Leo XIV blessed the crowd after the Mass on Monday, the Vatican said.
Pope Francis had begun the custom of giving the pallium in Rome and the investiture at home.
"""
    found = check(text, TABLE_CODES, date=JUNE)
    assert [d.code for d in found] == ["NL303"]
    assert "Francis left office as Vatican Pope on 2025-04-21" in found[0].message
    assert CAVEAT not in found[0].message


def test_november_articles_say_the_table_is_current_to_june():
    """November 2026: the incumbent is still not flagged; a predecessor's finding is hedged with the fresh day."""
    checked = _fresh_data()["pack"]["checked"]
    found = _run(
        "Rail pay talks resume in London",
        "LONDON",
        "Prime Minister Keir Starmer",
        "Prime Minister Rishi Sunak",
        NOVEMBER,
    )
    assert [d.code for d in found] == ["NL303"]
    assert f"{CAVEAT}, current to {checked}" in found[0].message
    found = _run(
        "Rail unions meet the president in Washington",
        "WASHINGTON",
        "President Donald Trump",
        "President Joe Biden",
        NOVEMBER,
    )
    assert [d.code for d in found] == ["NL303"]
    assert f"{CAVEAT}, current to {checked}" in found[0].message


def test_elect_title_hedged_with_the_office_day():
    """NL301 on the incumbent's own office: no caveat up to the fresh day, the fresh day after it."""
    checked = _fresh_data()["pack"]["checked"]
    text = "WASHINGTON (Reuters) - President-elect Donald Trump spoke to farm groups on Tuesday.\n"
    (early,) = check(text, ["NL301"], date=dt.date(2026, 6, 2))
    assert "took office as U.S. President on 2025-01-20" in early.message and CAVEAT not in early.message
    (late,) = check(text, ["NL301"], date=NOVEMBER)
    assert f"{CAVEAT}, current to {checked}" in late.message
