"""Title-and-name mentions: "former U.S. President-elect Donald Trump", "Japan's PM Takaichi".

``title_mentions(doc, table)`` finds every formal title written directly
before a personal name, with its parts: the country or body ("U.S.",
"Japan's"), "former"/"ex-" and "then-", the title ("Prime Minister", "PM"),
"-elect", and the name. Titles and countries come from the offices table, so
a generic word such as "leader" is never a title. A name is resolved to a
person of the table when one of the person's spellings is written, or when
the short name ("Takaichi") is written and the full name appears elsewhere
in the document with no other person of that name.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import NamedTuple, overload

from newslint.checks.titles.offices import OfficeTable, name_key
from newslint.model.document import Document, TokenKind
from newslint.text.lazy_re import lazy_compile
from newslint.text.normalize import HYPHENS

__all__ = ["TitleMention", "title_mentions"]

# Lower-case words inside a personal name ("Ursula von der Leyen", "Mohammed bin Salman").
_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "ben",
        "y",
    ]
)
# Capitalised words that never start or continue a name after a title (headline
# case: "President Lee In Nara", "PM Says").
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "with",
        "without",
        "after",
        "before",
        "says",
        "said",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "meets",
        "visits",
        "hosts",
        "urges",
        "vows",
        "warns",
        "calls",
        "tells",
        "arrives",
    ]
)
_MAX_NAME_WORDS = 5  # name words, particles ("al-", "bin") not counted: "Mohamed Abu al-Qasim al-Zwai" is four
# A generational suffix after a name makes it another person ("Donald Trump Jr.").
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
# After a title, a hyphen and these: chosen for the office, not yet in it ("President-elect",
# "Prime Minister-designate"). Both are judged as "-elect" (NL301).
_ELECT_SUFFIXES = frozenset(["elect", "designate"])


@dataclass(frozen=True)
class TitleMention:
    """A title written before a name, with the span of each part.

    ``start``/``end`` cover the title and the name ("President-elect Donald
    Trump"), without the country and modifiers before it; ``lead`` is where the
    whole phrase starts ("former U.S. ..."). ``person`` is the table's person,
    or ``None``; ``key`` identifies the name within the document either way
    (``None`` for a short name that could not be tied to a full one).
    """

    lead: int
    start: int
    end: int
    title: str
    title_text: str
    country: str | None
    country_text: str | None
    elect: bool
    former: bool
    then: bool
    quoted: bool
    qualified: bool
    name: str
    name_start: int
    person: str | None
    key: str | None
    acting: bool = False

    @property
    def current(self) -> bool:
        """A plain title: no "former", "then-" or "-elect", not quoted, not "Deputy ..." or "acting ..."."""
        return not (self.former or self.then or self.elect or self.quoted or self.qualified or self.acting)

    @property
    def written(self) -> str:
        """The title as written, with its country: "Japanese President"."""
        return f"{self.country_text} {self.title_text}" if self.country_text else self.title_text


class _Unit(NamedTuple):
    """A word, or one part of a hyphenated word, with how it joins the previous unit."""

    text: str
    start: int
    end: int
    kind: TokenKind
    hyphen_before: bool  # "elect" in "President-elect"
    space_before: bool  # only spaces between it and the previous unit
    possessive: bool  # "Trump's": text is "Trump"
    folded: str  # text.casefold(), which matching compares many times


class _Units(Sequence[_Unit]):
    """A document's units as parallel columns; ``units[i]`` builds the ``_Unit`` on demand.

    One unit per token, so an object per unit cost about 30 bytes per
    character of text; the columns share each text and folded string with
    every equal word and keep the offsets in ``array('i')`` and the three
    flags in one byte (``_HYPHEN``, ``_SPACE``, ``_POSSESSIVE``), and the
    kind in another: about 10 bytes per unit besides the texts.
    """

    __slots__ = ("end", "flags", "folded", "kind", "start", "text")

    def __init__(self, code: str) -> None:
        self.text: list[str] = []
        self.start = array(code)
        self.end = array(code)
        self.kind = bytearray()  # ``_KIND_CODE`` of the token's kind
        self.flags = bytearray()
        self.folded: list[str] = []

    def __len__(self) -> int:
        return len(self.text)

    @overload
    def __getitem__(self, i: int) -> _Unit: ...

    @overload
    def __getitem__(self, i: slice) -> list[_Unit]: ...

    def __getitem__(self, i: int | slice) -> _Unit | list[_Unit]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.text)))]
        f = self.flags[i]
        return tuple.__new__(
            _Unit,
            (
                self.text[i],
                self.start[i],
                self.end[i],
                _KINDS[self.kind[i]],
                bool(f & _HYPHEN),
                bool(f & _SPACE),
                bool(f & _POSSESSIVE),
                self.folded[i],
            ),
        )

    def __iter__(self) -> Iterator[_Unit]:
        return map(self.__getitem__, range(len(self.text)))


_HYPHEN, _SPACE, _POSSESSIVE = 1, 2, 4
_KINDS = tuple(TokenKind)
_KIND_CODE = {kind: code for code, kind in enumerate(_KINDS)}


def _split_units(doc: Document) -> _Units:
    """The document's words as units; hyphenated words split, possessives marked.

    Built for each call and not kept on the document: titles read them while
    finding mentions, then they are garbage (the mentions keep offsets).
    """
    text = doc.text
    table = doc.token_table  # the columns: no Token object per token
    out = _Units(table.starts.typecode if isinstance(table.starts, array) else "q")
    texts, starts, ends, kinds, flags, folds = out.text, out.start, out.end, out.kind, out.flags, out.folded
    wordish = _WORDISH
    code_of = _KIND_CODE
    words = _WORDS
    if len(words) > _WORDS_SIZE:
        words.clear()
    prev_end = None
    for word, start, end, kind in zip(table.texts, table.starts, table.ends, table.kinds):
        if kind not in wordish:
            prev_end = None
            texts.append("")
            starts.append(start)
            ends.append(end)
            kinds.append(code_of[kind])
            flags.append(0)
            folds.append("")
            continue
        if prev_end is None:
            space = False
        else:
            gap = text[prev_end:start]
            space = gap == " " or (gap != "" and not gap.strip(" \u00a0\t"))
        prev_end = end
        unit = words.get(word)
        if unit is None:
            unit = words[word] = _word_unit(word)
        if unit:
            stem, possessive, folded = unit
            texts.append(stem)
            starts.append(start)
            ends.append(start + len(stem))
            kinds.append(code_of[kind])
            flags.append((_SPACE if space else 0) | (_POSSESSIVE if possessive else 0))
            folds.append(folded)
            continue
        stem, possessive = (word[:-2], True) if _is_possessive(word) else (word, False)
        parts = _parts(stem, start)
        for i, (part, s, e) in enumerate(parts):
            texts.append(part)
            starts.append(s)
            ends.append(e)
            kinds.append(code_of[kind])
            flags.append(
                (_HYPHEN if i > 0 else 0)
                | (_SPACE if space and i == 0 else 0)
                | (_POSSESSIVE if possessive and i == len(parts) - 1 else 0)
            )
            folds.append(part.casefold())
    return out


# Per word text: its stem, whether it is possessive and the stem casefolded, or
# ``()`` for a hyphenated word (split into parts); shared by documents, cleared when full.
_WORDS: dict[str, tuple[str, bool, str] | tuple[()]] = {}
_WORDS_SIZE = 200_000


def _is_possessive(word: str) -> bool:
    return len(word) > 2 and word[-1] in "sS" and word[-2] in "'\u2019"  # Token.stem


def _word_unit(word: str) -> tuple[str, bool, str] | tuple[()]:
    stem, possessive = (word[:-2], True) if _is_possessive(word) else (word, False)
    if _HAS_HYPHEN(stem) is not None:
        return ()
    return stem, possessive, stem.casefold()


_WORDISH = frozenset((TokenKind.WORD, TokenKind.ACRONYM))
_HAS_HYPHEN = re.compile("[" + re.escape(HYPHENS) + "]").search
_HYPHEN_SPLIT = lazy_compile("[" + re.escape(HYPHENS) + "]")


def _parts(text: str, start: int) -> list[tuple[str, int, int]]:
    out = []
    pos = 0
    current = ""
    for i, ch in enumerate(text):
        if ch in HYPHENS:
            out.append((current, start + pos, start + i))
            current, pos = "", i + 1
        else:
            current += ch
    out.append((current, start + pos, start + len(text)))
    return [p for p in out if p[0]]


def _form_units(form: str) -> tuple[str, ...]:
    """A pack form as the unit texts it must match ("Secretary-General" → secretary, general)."""
    return tuple(text for text, _ in _form_units_with_possessives(form))


def _form_units_with_possessives(form: str) -> list[tuple[str, bool]]:
    """A pack form's units, each with whether the form itself writes it possessive ("People's Bank")."""
    return [(u.text, u.possessive) for u in _split_units(Document(form)) if u.text]


def _casefold_unless_exact(text: str, exact: bool) -> str:
    return text if exact else text.casefold()


class _Forms:
    """Pack forms indexed by their first unit, longest first, for matching at a unit."""

    def __init__(self, forms: dict[str, str], *, case_sensitive: bool) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], str]]] = defaultdict(list)
        #: The forms whose own units are possessive ("People's Bank of China"), by their folded units.
        self.possessive: dict[tuple[str, ...], tuple[bool, ...]] = {}
        for form, value in forms.items():
            pieces = _form_units_with_possessives(form)
            if not pieces:
                continue
            units = tuple(text for text, _ in pieces)
            exact = tuple(case_sensitive or u.isupper() or "." in u for u in units)
            folded = tuple(_casefold_unless_exact(u, e) for u, e in zip(units, exact))
            self.index[folded[0].casefold()].append((folded, exact, value))
            if any(p for _, p in pieces):
                self.possessive[folded] = tuple(p for _, p in pieces)
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, units: Sequence[_Unit], i: int) -> tuple[str, int] | None:
        """``(value, units matched)`` for the longest form starting at unit ``i``."""
        if i >= len(units) or not units[i].text:
            return None
        entries = self.index.get(units[i].folded)
        if entries is None:
            return None
        for folded, exact, value in entries:
            n = len(folded)
            if i + n > len(units):
                continue
            ok = True
            for k in range(n):
                u = units[i + k]
                if (u.text if exact[k] else u.folded) != folded[k] or (k and not (u.hyphen_before or u.space_before)):
                    ok = False
                    break
                if k < n - 1 and u.possessive and not (folded in self.possessive and self.possessive[folded][k]):
                    ok = False  # "Trump's Secretary": a possessive ends the form, unless the form has it
                    break
            if ok:
                return value, n
        return None


def _adjacent(units: Sequence[_Unit], i: int) -> bool:
    return i < len(units) and bool(units[i].text) and (units[i].space_before or units[i].hyphen_before)


@dataclass(frozen=True)
class _Matchers:
    titles: _Forms
    countries: _Forms
    short_surnames: frozenset[str] = frozenset()  # folded: "to", "he"

    @functools.cached_property
    def starters(self) -> frozenset[str]:
        """Folded first words a mention can start with (see ``_parse_at``)."""
        return frozenset({"then", "former", "ex", "late", *self.titles.index, *self.countries.index})

    @functools.cached_property
    def title_ends(self) -> frozenset[str]:
        """The last word of every title form, casefolded ("minister" of "Prime Minister")."""
        return frozenset(folded[-1].casefold() for entries in self.titles.index.values() for folded, _, _ in entries)

    @functools.cached_property
    def ending_texts(self) -> tuple[dict[str, bool], set[str]]:
        """Token texts seen in this process, each judged once (``_ends_title``), and those
        judged true: shared by the documents, cleared when full."""
        return {}, set()


def _name_words(units: Sequence[_Unit], first: int, end: int) -> int:
    """How many units of ``units[first:end]`` are words of a name, not particles ("al", "bin")."""
    return sum(1 for u in units[first:end] if u.text not in _PARTICLES)


def _ends_title(word: str, ends: frozenset[str]) -> bool:
    """Whether a word token's last unit can end a title ("Minister", "Secretary-General",
    "President-elect", possessive or not)."""
    stem = word[:-2] if _is_possessive(word) else word
    parts = [p.casefold() for p in _HYPHEN_SPLIT.split(stem) if p]
    if not parts:
        return False
    return parts[-1] in ends or (len(parts) > 1 and parts[-1] in _ELECT_SUFFIXES and parts[-2] in ends)


def _may_mention(doc: Document, m: _Matchers) -> bool:
    """Whether a title can stand before a name anywhere in ``doc``: decided on the token
    columns, before any unit is built.

    A mention needs a word whose last unit ends a title form (or such a word
    and "-elect"), then only spaces, then a word with a capital (see
    ``_parse_at`` and ``_name_unit``). Each distinct text is judged once per
    process; the tokens of the texts that can end a title are then picked in C.
    """
    seen, yes = m.ending_texts
    if len(seen) > _WORDS_SIZE:
        seen.clear()
        yes.clear()
    kind_of = doc.kind_of
    for text in set(kind_of).difference(seen):
        seen[text] = hit = kind_of[text] in _WORDISH and _ends_title(text, m.title_ends)
        if hit:
            yes.add(text)
    here = kind_of.keys() & yes
    if not here:
        return False
    table = doc.token_table
    texts, starts, ends = table.texts, table.starts, table.ends
    text = doc.text
    for k in compress(range(len(texts) - 1), map(here.__contains__, texts)):
        if texts[k + 1][:1].isupper():
            gap = text[ends[k] : starts[k + 1]]
            if gap == " " or (gap != "" and not gap.strip(" \u00a0\t")):
                return True
    return False


def _matchers(table: OfficeTable) -> _Matchers:
    return table.memo("title_mentions.matchers", lambda: _build_matchers(table))


def _build_matchers(table: OfficeTable) -> _Matchers:
    titles = {form: t.name for t in table.titles.values() for form in t.forms}
    countries = {form: c.name for c in table.countries.values() for form in c.forms}
    return _Matchers(_Forms(titles, case_sensitive=False), _Forms(countries, case_sensitive=True), table.short_surnames)


def title_mentions(doc: Document, table: OfficeTable) -> list[TitleMention]:
    """Every title-before-name mention in ``doc``, in order (computed once per document)."""
    return doc.memo("title_mentions", lambda: _find(doc, table))


def _find(doc: Document, table: OfficeTable) -> list[TitleMention]:
    m = _matchers(table)
    if not _may_mention(doc, m):  # most documents: no unit needs to be built
        return []
    units = _split_units(doc)
    raw: list[tuple[int, int, dict]] = []  # (first unit, name units, fields)
    # A mention starts with "then", "former", "ex", a country or a title: skip other units cheaply.
    starters = m.starters
    i = 0
    for k in list(compress(range(len(units)), map(starters.__contains__, units.folded))):
        if k < i:  # inside the mention parsed last
            continue
        parsed = _parse_at(doc, units, k, m, table)
        if parsed is not None:
            raw.append(parsed)
            i = parsed[1]
    return _resolve(doc, units, raw, table, m)


def _parse_at(doc: Document, units: Sequence[_Unit], i: int, m: _Matchers, table: OfficeTable):  # type: ignore[no-untyped-def]
    """Parse ``[then-][former|ex-][country][title][-elect] Name`` at unit ``i``."""
    if not units[i].text:
        return None
    j = i
    then = former = False
    word = units[j].folded
    if word == "then" and _adjacent(units, j + 1) and units[j + 1].hyphen_before:
        then, j = True, j + 1
    elif word in ("former", "ex") and _adjacent(units, j + 1):
        former, j = True, j + 1
    elif word == "late" and units[j].text == "late" and _adjacent(units, j + 1) and _after_the(units, j):
        then, j = True, j + 1  # "the late Queen Elizabeth II": a past holder, like "then-"
    country = country_text = None
    found = m.countries.match(units, j)
    if found and _adjacent(units, j + found[1]) and not units[j + found[1]].hyphen_before:
        country = found[0]
        country_text = doc.text[units[j].start : units[j + found[1] - 1].end]
        j += found[1]
        if not former and units[j].folded == "former" and _adjacent(units, j + 1):
            former, j = True, j + 1
    # "former interim President X", "then-acting Prime Minister X": the acting word sits inside the mention
    acting_inside = (former or then) and units[j].text in table.acting_words and _adjacent(units, j + 1)
    if acting_inside:
        j += 1
    found = m.titles.match(units, j)
    if found is None:
        return None
    title, n = found
    title_start = units[j].start
    last = j + n - 1
    if j > i and not (units[j].space_before or units[j].hyphen_before):
        return None
    if units[last].possessive:  # "the Prime Minister's Office"
        return None
    j = last + 1
    elect = False
    if j < len(units) and units[j].hyphen_before and units[j].folded in _ELECT_SUFFIXES:
        elect, j = True, j + 1
    title_end = units[j - 1].end
    name_first = j
    while (
        j < len(units)
        and _name_words(units, name_first, j) < _MAX_NAME_WORDS
        and _name_unit(doc, units, j, name_first, m)
    ):
        j += 1
        if units[j - 1].possessive:
            break
    while j > name_first and units[j - 1].text in _PARTICLES:
        j -= 1
    if j == name_first:
        return None
    before = units[i - 1].text if i > 0 and units[i].space_before else ""
    qualified = table.qualifies(before, title)  # with its case: "Under Secretary", not "under President"
    acting = acting_inside or before in table.acting_words
    fields = {
        "lead": units[i].start,
        "start": title_start,
        "title": title,
        "title_text": doc.text[title_start:title_end],
        "country": country,
        "country_text": country_text,
        "elect": elect,
        "former": former,
        "then": then,
        "quoted": doc.is_quoted(title_start),
        "qualified": qualified,
        "acting": acting,
    }
    return (name_first, j, fields)


def _after_the(units: Sequence[_Unit], j: int) -> bool:
    """Whether unit ``j`` follows "the" or a possessive ("the late", "her late")."""
    if j == 0 or not units[j].space_before:
        return False
    prev = units[j - 1]
    return prev.folded in ("the", "her", "his", "their") or prev.possessive


def _name_unit(doc: Document, units: Sequence[_Unit], j: int, first: int, m: _Matchers) -> bool:
    """Whether unit ``j`` continues the name that starts at unit ``first``."""
    u = units[j]
    if not u.text:
        return False
    if j == first:
        if not _adjacent(units, j) or u.hyphen_before:
            return False
    elif u.hyphen_before:  # "Jae-myung", "Frank-Walter"
        return True
    elif not u.space_before:
        # An initial: "Donald J. Trump" ("J" then "." then a space).
        prev = units[j - 1]
        if not (len(prev.text) == 1 and prev.text.isupper() and doc.text[prev.end : u.start] == ". "):
            return False
    if units[j - 1].possessive and j > first:
        return False
    if u.folded in _NOT_NAMES and not _short_surname(units, j, first, m):
        return False
    if u.text in _PARTICLES:  # inside a name: "Fernando de la Rúa", "Ursula von der Leyen"
        k = j + 1
        while k < len(units) and units[k].text in _PARTICLES and units[k].space_before:
            k += 1
        return j > first and k < len(units) and units[k].text[:1].isupper()
    if not u.text[:1].isupper():
        return False
    if j > first and (m.titles.match(units, j) or m.countries.match(units, j)):
        return False
    return u.kind in (TokenKind.WORD, TokenKind.ACRONYM)


def _short_surname(units: Sequence[_Unit], j: int, first: int, m: _Matchers) -> bool:
    """ "President To Lam": a short surname that is also a word, first in the name, before a given name."""
    u = units[j]
    if j != first or u.folded not in m.short_surnames or not u.text[1:].islower():
        return False
    after = units[j + 1] if j + 1 < len(units) else None
    return (
        after is not None
        and after.space_before
        and after.text[:1].isupper()
        and after.folded not in _NOT_NAMES
        and not u.possessive
    )


def _resolve(doc: Document, units: _Units, raw: list, table: OfficeTable, m: _Matchers) -> list[TitleMention]:  # type: ignore[type-arg]
    if not raw:  # no title before a name: the names of the text are not needed
        return []
    aliases, by_surname = table.memo("title_mentions.names", lambda: _name_index(table))
    runs = _find_name_runs(doc, units, m)  # not kept on the document: units index them
    present = _people_named_in_full(units, runs, aliases)
    # Names for telling people apart: a sentence-initial capital may be an ordinary word.
    runs_in_doc = [(a + unsure, b) for a, b, unsure in runs if b - a - unsure >= 2]
    ends = _RunEnds(units, runs_in_doc)

    out: list[TitleMention] = []
    for first, last, fields in raw:
        words = units.text[first:last]
        person = key = None
        end = units[last - 1].end
        for n in range(len(words), 0, -1):  # the longest spelling the table knows
            hit = aliases.get(name_key(" ".join(words[:n])))
            if hit and n < len(words) and words[n].casefold() in _SUFFIXES:
                break
            if hit and n == 1 < len(
                words
            ):  # "Francis Fox" is not Pope Francis: a one-word spelling must be the whole name
                break
            if hit:
                hit = _namesake(table, hit, fields["title"])
                person, key, end = hit, f"person:{hit}", units[first + n - 1].end
                break
        if person is None:
            for n in range(min(len(words), 3), 0, -1):  # a short name: "Takaichi", "von der Leyen"
                candidates = [p for p in by_surname.get(name_key(" ".join(words[:n])), ()) if p in present]
                if len(candidates) == 1 and not _other_namesake(ends, words[:n], candidates[0], aliases):
                    person, key, end = candidates[0], f"person:{candidates[0]}", units[first + n - 1].end
                    break
        if person is None and len(words) >= 2:
            key = "name:" + name_key(" ".join(words))
        elif person is None:
            key = _full_name_for(words[0], ends)
        out.append(
            TitleMention(
                end=end,
                name=doc.text[units[first].start : end],
                name_start=units[first].start,
                person=person,
                key=key,
                **fields,
            )
        )
    return out


def _namesake(table: OfficeTable, person: str, title: str) -> str:
    """The person a spelling names beside ``title``, among the table's namesakes.

    Two people of the table may share every spelling (Latvia's Prime Minister of 2000-2002 and its
    President of 2011-2015, both Andris Bērziņš): the spelling's first person is the one the index
    keeps, and the mention belongs to the namesake who held the office written before the name, when
    exactly one did.
    """
    namesakes = table.memo("title_mentions.namesakes", lambda: _namesakes(table))
    others = namesakes.get(person)
    if not others:
        return person
    held = [p for p in others if any(table.same_office(title, t.office) for t in table.terms_of(p))]
    return held[0] if len(held) == 1 else person


def _namesakes(table: OfficeTable) -> dict[str, tuple[str, ...]]:
    """For each person who shares a full spelling with another, everyone who shares it (the person included)."""
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for person in table.people.values():
        for spelling in {name_key(n) for n in person.names if len(n.split()) >= 2}:
            by_spelling[spelling].append(person.name)
    out: dict[str, tuple[str, ...]] = {}
    for people in by_spelling.values():
        if len(people) > 1:
            for p in people:
                out[p] = tuple(dict.fromkeys([*out.get(p, ()), *people]))
    return out


def _name_index(table: OfficeTable) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Every spelling's key to its person, and every short name's key to its people."""
    aliases: dict[str, str] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for person in table.people.values():
        for spelling in person.names:
            aliases.setdefault(name_key(spelling), person.name)
        by_surname[name_key(person.surname)].append(person.name)
    return aliases, dict(by_surname)


def _find_name_runs(doc: Document, units: _Units, m: _Matchers) -> list[tuple[int, int, bool]]:
    """Runs of capitalised name units anywhere in the text (candidate full names).

    Each run is ``(first, end, uncertain)``: ``uncertain`` when its first word may
    be capitalised only because it starts a sentence.
    """
    runs: list[tuple[int, int, bool]] = []
    # Words seen capitalised inside a sentence: names, not just sentence starts.
    sentence_initial = doc.sentence_initial
    texts, starts_of = units.text, units.start
    capitalised = [k for k, t in enumerate(texts) if t[:1].isupper()]
    inner = {texts[k] for k in capitalised if starts_of[k] not in sentence_initial}
    titles, countries = m.titles, m.countries
    # Only a form's first word or a capital starts anything: other units are skipped.
    starts = sorted(
        {*capitalised, *(k for k, f in enumerate(units.folded) if f in titles.index or f in countries.index)}
    )
    j = 0
    for start in starts:
        if start < j:  # inside the form or run read last
            continue
        j = start
        u = units[j]
        f = u.folded  # cheap test before each match: most words start no form
        form = (f in titles.index and titles.match(units, j)) or (f in countries.index and countries.match(units, j))
        if form:
            j += form[1]
        elif u.text[:1].isupper() and u.folded not in _NOT_NAMES:
            k = j + 1
            while (
                k < len(units)
                and _name_words(units, j, k) < _MAX_NAME_WORDS
                and not units[k - 1].possessive
                and _name_unit(doc, units, k, j, m)
            ):
                k += 1
            while k > j + 1 and units[k - 1].text in _PARTICLES:
                k -= 1
            # "Despite Takaichi's ...": a capital only because it starts the sentence.
            runs.append((j, k, k - j > 1 and u.start in sentence_initial and u.text not in inner))
            j = k
        else:
            j += 1
    return runs


def _people_named_in_full(units: _Units, runs: list[tuple[int, int, bool]], aliases: dict[str, str]) -> set[str]:
    """People of the table whose multi-word spelling appears somewhere in the text."""
    found = set()
    for a, b, _unsure in runs:
        words = units.text[a:b]
        for n in range(len(words), 1, -1):
            hit = aliases.get(name_key(" ".join(words[:n])))
            if hit:
                found.add(hit)
                break
    return found


class _RunEnds:
    """The name runs of a text indexed by the key of their first or last ``n`` words.

    Built once per text, so looking up a short name costs a dictionary probe,
    not a pass over every run (a 5 MB text holds hundreds of thousands).
    """

    def __init__(self, units: _Units, runs: list[tuple[int, int]]) -> None:
        texts = units.text
        self.words = [texts[a:b] for a, b in runs]
        self._by: dict[int, dict[str, list[int]]] = {}

    def runs_ending(self, n: int, key: str) -> list[list[str]]:
        """The words of every run whose first or last ``n`` words have ``key``, in text order."""
        index = self._by.get(n)
        if index is None:
            index = self._by[n] = defaultdict(list)
            for i, words in enumerate(self.words):
                head, tail = name_key(" ".join(words[:n])), name_key(" ".join(words[-n:]))
                index[head].append(i)
                if tail != head:
                    index[tail].append(i)
        return [self.words[i] for i in index.get(key, ())]


def _other_namesake(ends: _RunEnds, short: list[str], person: str, aliases: dict[str, str]) -> bool:
    """Whether a full name other than ``person``'s contains the short name ("Lee Jong-seok" beside "Lee Jae Myung")."""
    n = len(short)
    for words in ends.runs_ending(n, name_key(" ".join(short))):
        if aliases.get(name_key(" ".join(words))) == person:
            continue
        own = [k for k in range(2, len(words) + 1) if aliases.get(name_key(" ".join(words[:k]))) == person]
        if own and not any(w.casefold() in _SUFFIXES for w in words[own[-1] :]):
            continue  # "Donald Trump Visits": the person's own name, then a headline word
        if len(words) > n:
            return True
    return False


def _full_name_for(short: str, ends: _RunEnds) -> str | None:
    """The one multi-word name in the text that begins or ends with ``short``, as a key."""
    matches = {name_key(" ".join(words)) for words in ends.runs_ending(1, name_key(short))}
    return f"name:{matches.pop()}" if len(matches) == 1 else None
