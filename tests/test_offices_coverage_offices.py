"""The coverage tool's spans without a head-of-government office (tools/offices_coverage.py, ``NO_OFFICE``;
issue #18): a day on which a state had no such office apart from its head of state is no gap; a vacancy
of an office that existed (``VACANT_HEAD_OF_GOVERNMENT``) is none either, but is listed apart and counts
as a gap once vacancies are asked for; and no span hides a term of the table. The bodies' heads'
vacancies (``VACANT_HEAD_OF_BODY``: the Holy See's sedes vacantes, the WTO in 2020-2021) are no gap either.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import offices_coverage_tool as _coverage

LO, HI = dt.date(2000, 1, 1), dt.date(2026, 11, 30)


def test_an_abolished_office_leaves_no_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turkey's prime ministers end on 9 July 2018, when the office was abolished: the days after are
    no gap, and are one without the span."""
    cov = _coverage()
    assert cov.gaps("Turkey", "government", LO, HI) == []
    monkeypatch.setitem(cov.NO_OFFICE, "Turkey", ())
    assert cov.gaps("Turkey", "government", LO, HI) == [(dt.date(2018, 7, 9), HI + dt.timedelta(days=1))]


@pytest.mark.parametrize("country", ["Kenya", "Zimbabwe", "Benin", "Cuba", "Burundi", "Turkey"])
def test_a_state_whose_prime_ministers_are_all_listed_is_covered(country: str) -> None:
    """Kenya (Odinga 2008-2013), Zimbabwe (Tsvangirai 2009-2013), Benin (Koupaki, Zinsou), Cuba (from
    Marrero, 2019), Burundi (from 2020): the office existed only for their terms, all in the table. Burundi's
    parliament approved its first prime minister on 23 June 2020, the day before his term in the table."""
    cov = _coverage()
    expected = [(dt.date(2020, 6, 23), dt.date(2020, 6, 24))] if country == "Burundi" else []
    assert cov.gaps(country, "government", LO, HI) == expected
    _, share = cov.office_depth("government", LO, HI)
    assert share[country] == pytest.approx(1 - sum((b - a).days for a, b in expected) / ((HI - LO).days + 1))


def test_a_vacancy_of_the_head_of_government_is_no_gap() -> None:
    """Angola's prime minister's post was vacant, not abolished, from January 1999 to December 2002, and
    Senegal's restored post stayed vacant from December 2021 to September 2022: no term can fill them, so
    they are no gap, but they are the days no term covers once vacancies count."""
    cov = _coverage()
    assert cov.gaps("Angola", "government", LO, HI) == []
    assert cov.gaps("Angola", "government", LO, HI, vacancies=False) == [(LO, dt.date(2002, 12, 6))]
    lo, hi = dt.date(2019, 1, 1), dt.date(2023, 12, 31)
    assert cov.gaps("Senegal", "government", lo, hi) == []
    assert cov.gaps("Senegal", "government", lo, hi, vacancies=False) == [(dt.date(2021, 12, 10), dt.date(2022, 9, 17))]


def test_a_vacancy_of_the_head_of_government_says_nothing_of_the_head_of_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Mali's junta of August 2020 left the prime minister's post vacant until Ouane (27 September): the
    span skips the government's days only, and the head of state's gaps are the same with or without it.
    A span given to the head of government never closes a gap of the President's (Peru, 2026)."""
    cov = _coverage()
    lo, hi = dt.date(2020, 8, 1), dt.date(2020, 10, 31)
    assert cov.gaps("Mali", "government", lo, hi) == []
    assert cov.gaps("Mali", "government", lo, hi, vacancies=False) == [(dt.date(2020, 8, 18), dt.date(2020, 9, 27))]
    state = cov.gaps("Mali", "state", lo, hi)
    monkeypatch.delitem(cov.VACANT_HEAD_OF_GOVERNMENT, "Mali")
    assert cov.gaps("Mali", "state", lo, hi) == state
    assert cov.gaps("Mali", "government", lo, hi) == [(dt.date(2020, 8, 18), dt.date(2020, 9, 27))]
    # Peru from 28 July 2026: neither the new President nor his cabinet chief was read
    lo, end = dt.date(2026, 1, 1), HI + dt.timedelta(days=1)
    monkeypatch.setitem(cov.VACANT_HEAD_OF_GOVERNMENT, "Peru", ((dt.date(2026, 7, 28), None),))
    assert cov.gaps("Peru", "government", lo, HI) == []
    assert cov.gaps("Peru", "state", lo, HI) == [(dt.date(2026, 7, 28), end)]


def test_the_mean_depth_counts_a_vacancy_of_both_offices_as_unknown() -> None:
    """Somalia had no central government before August 2000 and no prime minister before October: the
    head of government's share skips the vacancy, the share of days with some head known does not."""
    cov = _coverage()
    lo, hi = dt.date(2000, 1, 1), dt.date(2000, 12, 31)
    _, by_office = cov.office_depth("government", lo, hi)
    assert by_office["Somalia"] == 1.0
    _, share = cov.depth(lo, hi)
    assert share["Somalia"] == pytest.approx(1 - (dt.date(2000, 8, 27) - lo).days / 366)


def test_sudan_has_a_head_of_government_but_for_the_vacancies() -> None:
    """Sudan had no prime minister from the coup of 1989 to March 2017 nor under the military council of
    2019; its prime ministers and acting heads (world17.toml) cover the rest but for two vacancies (the
    coup of October 2021, the weeks after Hamdok's resignation), which are no gap."""
    cov = _coverage()
    assert cov.gaps("Sudan", "government", LO, HI) == []
    assert cov.gaps("Sudan", "government", LO, HI, vacancies=False) == [
        (dt.date(2021, 10, 25), dt.date(2021, 11, 21)),
        (dt.date(2022, 1, 2), dt.date(2022, 1, 19)),
    ]


def test_only_the_head_of_government_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The head of state's gaps are counted as before: the spans say nothing about the President."""
    cov = _coverage()
    # Peru from 28 July 2026: neither the new President nor his cabinet chief was read; a span without a
    # prime minister's office would hide the second gap only.
    lo, end = dt.date(2026, 1, 1), HI + dt.timedelta(days=1)
    state = [(dt.date(2026, 7, 28), end)]
    assert cov.gaps("Peru", "state", lo, HI) == state
    assert cov.gaps("Peru", "government", lo, HI) == [(dt.date(2026, 7, 28), end)]
    monkeypatch.setitem(cov.NO_OFFICE, "Peru", ((dt.date(2026, 7, 28), None),))
    assert cov.gaps("Peru", "government", lo, HI) == []
    assert cov.gaps("Peru", "state", lo, HI) == state
    # Syria: al-Sharaa's weeks as the General Command's leader (rules/offices/world21.toml) close the head
    # of state's gap of 2024-2025; Zuabi to March 2000 (world20.toml) the head of government's
    assert cov.gaps("Syria", "state", LO, HI) == []
    assert cov.gaps("Syria", "government", LO, HI) == []
    assert cov.gaps("Myanmar", "government", dt.date(2011, 3, 30), dt.date(2016, 4, 5)) == []


@pytest.mark.parametrize(
    ("spans_name", "offices_name"),
    [
        ("NO_OFFICE", "HEAD_OF_GOVERNMENT"),
        ("VACANT_HEAD_OF_STATE", "HEAD_OF_STATE"),
        ("VACANT_HEAD_OF_GOVERNMENT", "HEAD_OF_GOVERNMENT"),
    ],
)
def test_no_span_hides_a_term(spans_name: str, offices_name: str) -> None:
    """A span without the office (``NO_OFFICE``) or without a holder (``VACANT_HEAD_OF_STATE``,
    ``VACANT_HEAD_OF_GOVERNMENT``) never overlaps a term of that office in that state, and the spans are
    ordered: the table and the spans agree."""
    cov = _coverage()
    terms = cov._table().terms
    offices = getattr(cov, offices_name)
    for country, spans in getattr(cov, spans_name).items():
        assert country in cov.UN_MEMBER_STATES, country
        assert list(spans) == sorted(spans, key=lambda s: s[0] or dt.date.min), country
        for start, end in spans:
            lo, hi = start or dt.date.min, end or dt.date.max
            assert lo < hi, country
            for t in terms:
                if t.country == country and t.office in offices:
                    assert (t.end or dt.date.max) <= lo or t.start >= hi, (country, t.person, t.start, t.end)


@pytest.mark.parametrize(
    ("body", "spans"),
    [
        (
            "Holy See",
            [
                (dt.date(2005, 4, 2), dt.date(2005, 4, 19)),
                (dt.date(2013, 2, 28), dt.date(2013, 3, 13)),
                (dt.date(2025, 4, 21), dt.date(2025, 5, 8)),
            ],
        ),
        ("World Trade Organization", [(dt.date(2020, 9, 1), dt.date(2021, 3, 1))]),
    ],
)
def test_a_vacancy_of_a_body_is_no_gap(body: str, spans: list[tuple[dt.date, dt.date]]) -> None:
    """The sedes vacantes and the WTO's months without a Director-General are vacancies: no gap, and,
    without the spans, exactly the days no term covers."""
    cov = _coverage()
    assert cov.gaps(body, "state", LO, HI) == []
    assert cov.gaps(body, "state", LO, HI, vacancies=False) == spans


def test_no_vacancy_of_a_body_hides_a_term() -> None:
    """A body's vacancy never overlaps a term of its head, and the spans are ordered."""
    cov = _coverage()
    terms = cov._table().terms
    for body, spans in cov.VACANT_HEAD_OF_BODY.items():
        assert body in cov.BODIES, body
        assert list(spans) == sorted(spans), body
        for start, end in spans:
            assert start < end, body
            for t in terms:
                if t.country == body:
                    assert (t.end or dt.date.max) <= start or t.start >= end, (body, t.person, t.start, t.end)


def test_the_depth_report_names_the_bodies_vacancies(capsys: pytest.CaptureFixture[str]) -> None:
    """``--depth`` lists the bodies' vacancies apart from their gaps."""
    cov = _coverage()
    assert cov.main(["--depth", "2020-01-01:2021-12-31"]) == 0
    out = capsys.readouterr().out
    gaps, vacancies = out.split("vacancies of the bodies' heads", 1)
    assert "World Trade Organization" not in gaps
    assert "  World Trade Organization: 2020-09-01..2021-02-28" in vacancies
    assert "Holy See" not in vacancies.split("least covered")[0]


def test_no_vacancy_of_the_head_of_government_lies_in_a_span_without_the_office() -> None:
    """A vacancy needs an office: no ``VACANT_HEAD_OF_GOVERNMENT`` span overlaps a ``NO_OFFICE`` one."""
    cov = _coverage()
    for country, spans in cov.VACANT_HEAD_OF_GOVERNMENT.items():
        for start, end in spans:
            for lo, hi in cov.NO_OFFICE.get(country, ()):
                assert (end or dt.date.max) <= (lo or dt.date.min) or (start or dt.date.min) >= (hi or dt.date.max), (
                    country,
                    start,
                )


def test_the_depth_report_names_the_vacancies_of_the_heads_of_government(capsys: pytest.CaptureFixture[str]) -> None:
    """``--depth`` lists a state's head-of-government vacancies apart from its gaps, cut to the period."""
    cov = _coverage()
    assert cov.main(["--depth", "2021-01-01:2022-12-31", "--states", "Tunisia,Senegal"]) == 0
    out = capsys.readouterr().out
    gaps, rest = out.split("vacancies of the bodies' heads", 1)
    vacancies = rest.split("vacancies of the heads of government", 1)[1].split("least covered")[0]
    assert "Tunisia" not in gaps
    assert "  Tunisia: 2021-07-25..2021-10-10" in vacancies
    assert "  Senegal: 2021-12-10..2022-09-16" in vacancies
