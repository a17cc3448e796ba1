"""The office-holders table: who held which office of which country, and when.

``load_offices(ctx)`` parses every pack of kind ``offices`` (the bundled
``rules/offices.toml``, then the newsroom's own) into one ``OfficeTable``.
Each pack is validated key by key; errors read ``file: key.path: reason``.
The table answers the questions the title rules ask: which person a name
means, which terms that person served, and whether a title fits a date.
Everything here is a frozen value, so the table pickles into worker processes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, overload

from newslint.checks.names.mentions import variant_key
from newslint.plugin.context import Context
from newslint.plugin.packs import PackError, PackSource, check_keys, field_of, tables_of

__all__ = [
    "OFFICES_KIND",
    "Country",
    "OfficeTable",
    "Term",
    "Title",
    "load_offices",
    "name_key",
    "parse_offices",
]

T = TypeVar("T")

OFFICES_KIND = "offices"
_SCHEMA = 1


@functools.lru_cache(maxsize=1 << 16)  # pure, and the same names recur
def name_key(name: str) -> str:
    """The strict name key of ``newslint.checks.names.mentions``: "Lee Jae-myung" and "Lee Jae Myung" agree.

    One key for the whole project, so a title check and the romanization rules
    agree on who is who; "Lee Jae-yong" stays apart (no edit distance).
    """
    return variant_key(name)


@dataclass(frozen=True)
class Title:
    """A title as written before a name ("Prime Minister", "PM").

    ``style``: the word is also a courtesy style of people who never held the
    office ("Prince" for every royal, not only a reigning prince), so a
    mention is judged only against the person's own terms of that office,
    never reported as an office not held or as a conflicting title.

    ``regnal``: a monarch's or pope's title, which stays with the holder in
    history ("King Bhumibol", "Pope John Paul II"): a mention in a frame of
    the past is no claim that the person still reigns (see NL303).

    ``countries``: the title names its office only there (Monaco's head of
    government is its "Minister of State"; in Senegal or Ireland a minister of
    state is a minister): elsewhere a mention is no claim to the office.
    """

    name: str
    forms: tuple[str, ...]
    exclusive: bool = False
    equivalent: frozenset[str] = frozenset()
    style: bool = False
    regnal: bool = False
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Country:
    """A country or body whose offices the table lists.

    ``other_titles``: titles English copy also gives the holder of the body's
    one office ("Governor" for the Central Bank of Brazil's President, as the
    Financial Times writes it): a mention with one of them is that office. A
    body with several offices may not have them.
    """

    name: str
    forms: tuple[str, ...]
    organization: bool = False
    within: str | None = None
    other_titles: frozenset[str] = frozenset()

    @property
    def adjective(self) -> str:
        """How messages name it before a title: the first form ("U.S.", "Japanese")."""
        return self.forms[0]


@dataclass(frozen=True)
class Term:
    """One continuous term of one person in one office.

    ``end`` is the successor's first day (exclusive); ``None`` while in office.
    ``known_until`` is the last day the table vouches for: ``end``, or the
    pack's ``checked`` date for an open term (``None``: no limit given).
    ``acting`` marks an acting or interim holder; ``cite`` is the entry's
    source (a Wikipedia article title or a Wikidata item), ``source`` where
    the entry is written; ``checked`` is its pack's ``checked`` date.
    """

    person: str
    country: str
    office: str
    start: dt.date
    end: dt.date | None = None
    election: dt.date | None = None
    known_until: dt.date | None = None
    source: str = ""
    acting: bool = False
    cite: str = ""
    checked: dt.date | None = None

    def overlaps(self, lo: dt.date, hi: dt.date) -> bool:
        """Whether the person held the office on some day of ``[lo, hi]``."""
        return self.start <= hi and (self.end is None or lo < self.end)

    def covers(self, lo: dt.date, hi: dt.date) -> bool:
        """Whether the person held the office on every day of ``[lo, hi]``, as far as the table knows."""
        if self.start > lo or (self.end is not None and hi >= self.end):
            return False
        return self.known_until is None or hi <= self.known_until

    def elect_overlaps(self, lo: dt.date, hi: dt.date) -> bool:
        """Whether some day of ``[lo, hi]`` falls between the election and the start."""
        return self.election is not None and self.election <= hi and lo < self.start


@dataclass(frozen=True)
class Person:
    """A person of the table: the canonical name, every spelling, the short name."""

    name: str
    names: tuple[str, ...]
    surname: str


@dataclass(frozen=True)
class OfficeTable:
    """Titles, countries, people and their terms, merged from every ``offices`` pack.

    ``as_of`` is the earliest ``checked`` date of the packs: the last day the
    whole table is vouched for. After it, a person may have taken or left an
    office the table does not know of.
    """

    titles: dict[str, Title] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    terms: tuple[Term, ...] = ()
    qualifiers: frozenset[str] = frozenset()
    as_of: dt.date | None = None
    acting_words: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    narrow: dict[str, tuple[str, ...]] = field(default_factory=dict)
    short_surnames: frozenset[str] = frozenset()
    departures: frozenset[str] = frozenset()
    prospective: frozenset[str] = frozenset()
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """A value derived from the table (indexes, matchers), computed once per run."""
        if key not in self._memo:
            self._memo[key] = factory()
        return self._memo[key]  # type: ignore[no-any-return]

    def terms_of(self, person: str) -> list[Term]:
        by_person = self.memo("offices.terms_by_person", self._terms_by_person)
        return list(by_person.get(person, ()))

    def _terms_by_person(self) -> dict[str, list[Term]]:
        out: dict[str, list[Term]] = {}
        for t in self.terms:
            out.setdefault(t.person, []).append(t)
        return out

    def sole_holder(self, office: str, country: str, lo: dt.date, hi: dt.date) -> Term | None:
        """The one holder of ``office`` in ``country`` on every day of ``[lo, hi]``, or ``None``.

        ``None`` also when the table knows no holder for some day, or knows
        two people holding it at once (San Marino's two Captains Regent, a
        collective acting presidency): only a single known holder shows that
        nobody else held the office then.
        """
        by_country = self.memo("offices.terms_by_country", self._terms_by_country)
        held = [t for t in by_country.get(country, ()) if self.same_office(office, t.office) and t.overlaps(lo, hi)]
        if len({t.person for t in held}) != 1 or not held[0].covers(lo, hi):
            return None
        return held[0]

    def _terms_by_country(self) -> dict[str, list[Term]]:
        out: dict[str, list[Term]] = {}
        for t in self.terms:
            out.setdefault(t.country, []).append(t)
        return out

    def qualifies(self, word: str, title: str) -> bool:
        """Whether ``word``, written directly before ``title``, makes it another office ("Under Secretary")."""
        if word not in self.qualifiers:
            return False
        within = self.narrow.get(word)
        return within is None or any(w in title for w in within)

    def stale(self, day: dt.date) -> bool:
        """Whether ``day`` is after the table's ``as_of`` date, so its facts may have changed."""
        return self.as_of is not None and day > self.as_of

    def same_office(self, a: str, b: str, country: str | None = None) -> bool:
        """Whether the title ``a`` names office ``b`` ("Premier", "Prime Minister"), in ``country`` when given.

        A title that names its office only in some countries (``Title.countries``) names it nowhere else.
        """
        ta, tb = self.titles.get(a), self.titles.get(b)
        if country is not None and ta is not None and ta.countries and country not in ta.countries:
            return False
        if a == b:
            return True
        if country is not None and a in self.countries[country].other_titles:
            return True  # "Governor" for the Central Bank of Brazil's President, as its English pages say
        return bool((ta and b in ta.equivalent) or (tb and a in tb.equivalent))

    def local(self, title: str) -> bool:
        """Whether ``title`` names its office only in some countries (``Title.countries``)."""
        t = self.titles.get(title)
        return t is not None and bool(t.countries)

    def same_country(self, written: str | None, term_country: str) -> bool:
        """Whether a country written before a title fits a term's country ("EU" fits "European Commission")."""
        if written is None or written == term_country:
            return True
        country = self.countries.get(term_country)
        return country is not None and country.within == written

    def styled(self, country: str, office: str) -> str:
        """The office as messages write it: "U.S. President", "Japanese Prime Minister"."""
        c = self.countries.get(country)
        return f"{c.adjective} {office}" if c else f"{office} of {country}"


def load_offices(ctx: Context) -> OfficeTable:
    """The run's office table, parsed once per run from every ``offices`` pack (the titles plugin declares them)."""
    return ctx.packs[OFFICES_KIND]  # type: ignore[no-any-return]


def parse_offices(sources: list[PackSource]) -> OfficeTable:
    """Validate and merge ``offices`` packs; later packs extend or override earlier ones.

    Raises:
        PackError: ``file: key.path: reason`` for the first invalid entry.
    """
    titles: dict[str, Title] = {}
    countries: dict[str, Country] = {}
    terms: dict[tuple[str, str, str, dt.date], Term] = {}
    names: dict[str, list[str]] = {}
    surnames: dict[str, str] = {}
    qualifiers: set[str] = set()
    acting_words: set[str] = set()
    events: set[str] = set()
    departures: set[str] = set()
    narrow: dict[str, tuple[str, ...]] = {}
    short_surnames: set[str] = set()
    prospective: set[str] = set()
    as_of: dt.date | None = None
    for src in sources:
        data = src.data
        if src.schema != _SCHEMA:
            raise PackError(src.path, "pack.schema", f"newslint reads offices schema {_SCHEMA}, got {src.schema}")
        check_keys(
            src,
            data,
            (
                "pack",
                "qualifiers",
                "narrow-qualifiers",
                "acting",
                "events",
                "departures",
                "prospective",
                "short-surnames",
                "title",
                "country",
                "term",
            ),
        )
        checked = _date(src, data.get("pack", {}), "checked", "pack", required=False)
        if checked is not None and (as_of is None or checked < as_of):
            as_of = checked
        # Qualifiers are words with their case: "Under Secretary" qualifies, the preposition "under" does not.
        qualifiers.update(_strings(src, data, "qualifiers", "", required=False))
        acting_words.update(_strings(src, data, "acting", "", required=False))
        events.update(e.casefold() for e in _strings(src, data, "events", "", required=False))
        departures.update(e.casefold() for e in _strings(src, data, "departures", "", required=False))
        prospective.update(w.casefold() for w in _strings(src, data, "prospective", "", required=False))
        short_surnames.update(w.casefold() for w in _strings(src, data, "short-surnames", "", required=False))
        narrow_table = field_of(src, data, "narrow-qualifiers", dict, "", required=False, default={})
        for word in narrow_table:
            narrow[word] = tuple(_strings(src, narrow_table, word, "narrow-qualifiers"))
        for i, entry in enumerate(tables_of(src, "title")):
            where = f"title[{i}]"
            name = field_of(src, entry, "name", str, where)
            old = titles.get(name)
            titles[name] = Title(
                name=name,
                forms=tuple(dict.fromkeys([*(old.forms if old else ()), *_strings(src, entry, "forms", where)])),
                exclusive=field_of(
                    src, entry, "exclusive", bool, where, required=False, default=bool(old and old.exclusive)
                ),
                equivalent=frozenset(_strings(src, entry, "equivalent", where, required=False))
                | (old.equivalent if old else frozenset()),
                style=field_of(src, entry, "style", bool, where, required=False, default=bool(old and old.style)),
                regnal=field_of(src, entry, "regnal", bool, where, required=False, default=bool(old and old.regnal)),
                countries=frozenset(_strings(src, entry, "countries", where, required=False))
                | (old.countries if old else frozenset()),
            )
        for i, entry in enumerate(tables_of(src, "country")):
            where = f"country[{i}]"
            name = field_of(src, entry, "name", str, where)
            old_c = countries.get(name)
            countries[name] = Country(
                name=name,
                forms=tuple(dict.fromkeys([*_strings(src, entry, "forms", where), *(old_c.forms if old_c else ())])),
                organization=field_of(
                    src, entry, "organization", bool, where, required=False, default=bool(old_c and old_c.organization)
                ),
                within=field_of(
                    src, entry, "within", str, where, required=False, default=old_c.within if old_c else None
                ),
                other_titles=frozenset(_strings(src, entry, "other-titles", where, required=False))
                | (old_c.other_titles if old_c else frozenset()),
            )
        for i, entry in enumerate(tables_of(src, "term")):
            where = f"term[{i}]"
            person = field_of(src, entry, "person", str, where)
            country = field_of(src, entry, "country", str, where)
            office = field_of(src, entry, "office", str, where)
            if country not in countries:
                raise PackError(
                    src.path, f"{where}.country", f"unknown country {country!r}; declare it in a [[country]] table"
                )
            if office not in titles:
                raise PackError(
                    src.path, f"{where}.office", f"unknown office {office!r}; declare it in a [[title]] table"
                )
            start = _date(src, entry, "start", where)
            end = _date(src, entry, "end", where, required=False)
            election = _date(src, entry, "election", where, required=False)
            if end is not None and end <= start:
                raise PackError(src.path, f"{where}.end", f"{end} is not after start {start}")
            if election is not None and election > start:
                raise PackError(src.path, f"{where}.election", f"{election} is after start {start}")
            spellings = _strings(src, entry, "names", where, required=False) or [person]
            names.setdefault(person, [])
            names[person] += [n for n in [person, *spellings] if n not in names[person]]
            surname = field_of(src, entry, "surname", str, where, required=False)
            if surname:
                surnames[person] = surname
            terms[(person, country, office, start)] = Term(
                person=person,
                country=country,
                office=office,
                start=start,
                end=end,
                election=election,
                known_until=end if end is not None else checked,
                source=f"{src.path.name}: {where}",
                acting=field_of(src, entry, "acting", bool, where, required=False, default=False),
                cite=field_of(src, entry, "source", str, where, required=False, default=""),
                checked=checked,
            )
    for title in titles.values():
        for other in title.equivalent:
            if other not in titles:
                raise PackError(sources[-1].path, f"title {title.name!r}.equivalent", f"unknown title {other!r}")
        for place in title.countries:
            if place not in countries:
                raise PackError(sources[-1].path, f"title {title.name!r}.countries", f"unknown country {place!r}")
    offices_of: dict[str, set[str]] = {}
    for t in terms.values():
        offices_of.setdefault(t.country, set()).add(t.office)
    for country in countries.values():
        for other in country.other_titles:
            if other not in titles:
                raise PackError(sources[-1].path, f"country {country.name!r}.other-titles", f"unknown title {other!r}")
        if country.other_titles and len(offices_of.get(country.name, ())) > 1:
            # another title for "the" office needs a body with one office: which of several would it name?
            raise PackError(
                sources[-1].path,
                f"country {country.name!r}.other-titles",
                f"the body has several offices ({', '.join(sorted(offices_of[country.name]))}); other-titles names one",
            )
    people = {
        person: Person(person, tuple(spellings), surnames.get(person) or person.split()[-1])
        for person, spellings in names.items()
    }
    ordered = tuple(sorted(terms.values(), key=lambda t: (t.person, t.start, t.office)))
    return OfficeTable(
        titles,
        countries,
        people,
        ordered,
        frozenset(qualifiers),
        as_of,
        frozenset(acting_words),
        frozenset(events),
        narrow,
        frozenset(short_surnames),
        frozenset(departures),
        frozenset(prospective),
    )


def _strings(src: PackSource, table: dict[str, Any], key: str, where: str, *, required: bool = True) -> list[str]:
    value = field_of(src, table, key, list, where, required=required, default=[])
    dotted = f"{where}.{key}" if where else key
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise PackError(src.path, f"{dotted}[{i}]", f"expected a non-empty string, got {item!r}")
    if required and not value:
        raise PackError(src.path, dotted, "expected at least one entry")
    return value  # type: ignore[no-any-return]


@overload
def _date(
    src: PackSource, table: dict[str, Any], key: str, where: str, *, required: Literal[True] = True
) -> dt.date: ...
@overload
def _date(
    src: PackSource, table: dict[str, Any], key: str, where: str, *, required: Literal[False]
) -> dt.date | None: ...
def _date(src: PackSource, table: dict[str, Any], key: str, where: str, *, required: bool = True) -> dt.date | None:
    if key in table and isinstance(table[key], str):
        raise PackError(
            src.path, f"{where}.{key}", f"{table[key]!r} is a string; write the date as YYYY-MM-DD, unquoted"
        )
    value = field_of(src, table, key, (dt.date,), where, required=required)
    if isinstance(value, dt.datetime):
        raise PackError(src.path, f"{where}.{key}", f"expected a date without a time, got {value!r}")
    return value  # type: ignore[no-any-return]
