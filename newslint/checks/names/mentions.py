"""Name mentions and the strict variant key that groups spellings of one name.

``find_mentions(doc, lexicon)`` reads capitalised names ("South Korean
President Lee Jae-myung's" gives "Lee Jae-myung") from the Document's tokens;
``variant_key`` folds a spelling to the key that its other spellings share
("Lee Jae Myung", "Lee Jae-myung" and "Lee Jae\u2011Myung" all give
"leejaemyung") without merging different names ("Lee Jae-yong"). A
``NameLexicon`` (built from the ``names`` pack) supplies what no key can know:
titles that precede names, name particles, equivalent spellings ("Kyiv" /
"Kiev") and equivalent endings ("Horyu-ji Temple" / "Horyu Temple").

The key, step by step (NEWS-DOMAIN's strict key, with two deliberate
departures so that different names stay apart):

1. NFKC, then casefold;
2. delete the soft hyphen and zero-width characters;
3. hyphen-like characters, spaces of every kind (no-break, thin) and the full
   stop of an initial are token breaks;
4. apostrophes of every kind fold to one, and an apostrophe *inside* a word is
   kept (departure: "Xi'an" and "Xian" are different cities); a possessive
   "'s" and apostrophes at the edge of a word are dropped;
5. decompose and drop combining marks ("Tōkyō" = "Tokyo"), except that a
   diaeresis on u becomes "ue" (departure: "Lü" and "Lu" are different
   surnames; "Müller" = "Mueller"); map đ ł ø ß ı æ œ;
6. join the tokens. Initials and suffixes are tokens like any other, so
   "George W. Bush" and "Donald Trump Jr." keep apart from "George Bush" and
   "Donald Trump". Nothing is ever merged by edit distance.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, NamedTuple

from newslint.checks.names.common_words import is_common
from newslint.model.document import Document, TokenKind
from newslint.text.lazy_re import lazy_compile

__all__ = [
    "Alternation",
    "Ending",
    "Mention",
    "NameLexicon",
    "SurnameGroup",
    "Word",
    "family_index",
    "find_mentions",
    "join_transliterations",
    "key_atoms",
    "loose_atoms",
    "spelling_form",
    "surname_groups",
    "transliterations_match",
    "variant_key",
]

# -- characters ---------------------------------------------------------------------

#: Deleted before anything else: soft hyphen and zero-width characters.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: Token breaks inside a name: every hyphen-like character.
HYPHEN_LIKE = "-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
#: Every apostrophe kind, folded to "'" (U+02BB is the Hawaiian ʻokina).
APOSTROPHE_LIKE = "'\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\uff07`\u00b4"
_LETTER_MAP = str.maketrans(
    {"đ": "d", "ł": "l", "ø": "o", "ı": "i", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ß": "ss"}
)
_KEY_TABLE = str.maketrans(
    {**{c: None for c in INVISIBLE}, **{c: " " for c in HYPHEN_LIKE + "."}, **{c: "'" for c in APOSTROPHE_LIKE}}
)
_FORM_TABLE = str.maketrans(
    {**{c: None for c in INVISIBLE}, **{c: "-" for c in HYPHEN_LIKE}, **{c: "'" for c in APOSTROPHE_LIKE}}
)
_SPACES = lazy_compile(r"\s+")
# A possessive at the end of a folded name: "lee's", "xi'an's".
_POSSESSIVE = lazy_compile(r"'s$")
_DIAERESIS = "\u0308"
# What may stand between two tokens of one word: one hyphen or apostrophe the
# tokenizer does not join (en dash, ‘), or soft hyphens and zero-width characters.
# The joiners the tokenizer keeps inside a word ("Jae-myung", "Xi'an") never stand between two
# word tokens: between two letters they make one token. ``_joined`` looks for the others only.
_TOKEN_JOINERS = "'\u2019\u02bc-\u2010\u2011"
_GAP_JOINER = lazy_compile(
    f"[{re.escape(''.join(c for c in HYPHEN_LIKE + APOSTROPHE_LIKE if c not in _TOKEN_JOINERS))}]|[{INVISIBLE}]+"
)
# Characters before a token that force its capital: an opening quote or bracket, a colon.
_FORCING = frozenset("\"'“‘«([:")
_DOTTED_INITIALS = lazy_compile(r"^(?:[A-Z]\.)+$")
# Splits a compound at its hyphens: "al-Assad" → "al", "Assad".
_HYPHEN_SPLIT = lazy_compile(f"[{re.escape(HYPHEN_LIKE)}]")
# A word this common in English at large (Zipf scale, as NL403's ``KNOWN_WORD_ZIPF``) is no surname
# at a sentence start on its own.
KNOWN_WORD_ZIPF = 2.3
_MIN_GLUED_STEM = 3  # letters an ending like "ji Temple" must leave: "Fuji Temple" is not "Fu Temple"
_MEMO_SIZE = 100_000  # texts a lexicon's memo holds before it starts again


def _key_fold(text: str) -> str:
    """Steps 1-5 of the key, before splitting: a casefolded, mark-free string."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_KEY_TABLE)
    text = _POSSESSIVE.sub("", text.rstrip())
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if ch == _DIAERESIS and out and out[-1] == "u":
                out.append("e")
            continue
        out.append(ch)
    return "".join(out).translate(_LETTER_MAP)


def key_atoms(text: str) -> list[str]:
    """The key's tokens for ``text``, before any pack equivalence: ``["lee", "jae", "myung"]``."""
    return list(_key_atoms(text))


@functools.lru_cache(maxsize=1 << 16)
def _key_atoms(text: str) -> tuple[str, ...]:
    # Memoised: the same names and words recur within and across documents.
    return tuple(atom for atom in (a.strip("'") for a in _SPACES.split(_key_fold(text))) if atom)


@functools.lru_cache(maxsize=1 << 16)
def spelling_form(text: str) -> str:
    """The spelling as a reader sees it: case, marks and separators kept; kinds of hyphen,
    apostrophe and space folded; invisible characters and a possessive dropped."""
    form = unicodedata.normalize("NFC", text).translate(_FORM_TABLE)
    form = _SPACES.sub(" ", form).strip()
    return form[:-2] if form.endswith("'s") and len(form) > 2 else form


# -- the lexicon (built from the names pack) ------------------------------------------


class Alternation(NamedTuple):
    """One romanization alternation of the names pack: ``pattern`` in a key word becomes ``replace``.

    ``family``: applies to family names only; ``word``: applies only to a
    word (as folded so far) in which this pattern is found.
    """

    language: str
    pattern: re.Pattern[str]
    replace: str
    family: bool = False
    word: re.Pattern[str] | None = None


class Ending(NamedTuple):
    """Name endings that mean the same: ``forms`` rewrite to ``canonical``.

    Each form is ``(glued, atoms)``: a glued form ("ji Temple") ends the
    previous token ("Horyuji Temple"); an unglued one ("-ji Temple") follows a
    token break ("Horyu-ji Temple").
    """

    forms: tuple[tuple[bool, tuple[str, ...]], ...]
    canonical: tuple[str, ...]


@dataclass(frozen=True)
class NameLexicon:
    """What mention finding and the key need from the ``names`` pack; picklable.

    Args:
        titles: Casefolded words that end a title before a name ("president").
        particles: Lowercase words kept inside a name ("bin", "van", "al").
        suffixes: Casefolded generational suffixes ("jr", "ii").
        not_names: Casefolded capitalised words that are never part of a name.
        same: Joined key of an equivalent spelling → (canonical key, group
            index, whether it is the group's preferred spelling, whether it
            applies when the name stands alone).
        endings: Equivalent endings, tried in order.
        distinct: Pairs of keys (of names and of their differing words) that
            are different people or places, never a misspelling of each other.
        short_surnames: Casefolded short surnames that are also ordinary
            capitalised words ("To", "He"): a name only when a given name follows.
        alternations: Romanization alternations in order, that fold a key
            word to its loose form ("dmitry" and "dmitri" to "dmitri"); see
            ``loose_atoms``. One with ``family`` set folds the family name
            only (``loose(atom, family=True)``), one with a ``word`` pattern
            only a word that pattern finds.
        patronymics: Casefolded particles after which a name's last word is a
            father's name, not a family name ("bin", "ibn").
        given_syllables: Casefolded given-name syllables that are also English
            words ("In" of the Korean "Moon Jae In"); see ``find_mentions``.
        family_markers: Key words that mark a full name as one of the
            languages the family-name alternations are for (Arabic given names
            and particles: "khalifa", "al"); see ``folds_family``.
    """

    titles: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    same: dict[str, tuple[str, int, bool, bool]] = field(default_factory=dict)
    group_has_preferred: frozenset[int] = frozenset()
    endings: tuple[Ending, ...] = ()
    distinct: frozenset[frozenset[str]] = frozenset()
    longest: int = 0  # the longest key in ``same``, to bound the search
    short_surnames: frozenset[str] = frozenset()
    alternations: tuple[Alternation, ...] = ()
    patronymics: frozenset[str] = frozenset()
    given_syllables: frozenset[str] = frozenset()
    family_markers: frozenset[str] = frozenset()
    # ``keyed(text)`` per text seen (a cache, bounded; not part of the value).
    _keyed: dict[str, tuple[str, bool]] = field(default_factory=dict, compare=False, repr=False)
    # Texts of word tokens that are never part of a name on their own (a cache, see ``_candidates``).
    _plain: set[str] = field(default_factory=set, compare=False, repr=False)

    def group_of(self, key: str) -> int | None:
        """The index of the equivalence group whose spelling has ``key``, if any."""
        hit = self.same.get(key)
        return hit[1] if hit else None

    def canonical(self, atoms: Sequence[str]) -> tuple[list[str], bool]:
        """Apply equivalent endings and spellings; return the atoms and whether the
        spelling uses the preferred form of every equivalence that names one."""
        out = list(atoms)
        lasts, suffixes = self._ending_index()
        if out and (out[-1] in lasts or out[-1].endswith(suffixes)):  # else no ending can apply
            for ending in self.endings:
                rewritten = _rewrite_ending(out, ending)
                if rewritten is not None:
                    out = rewritten
                    break
        if not self.same:
            return out, False
        longest = self.longest
        result: list[str] = []
        preferred_seen = False
        all_preferred = True
        i = 0
        while i < len(out):
            joined = ""
            match = None
            for j in range(i, len(out)):
                joined += out[j]
                if len(joined) > longest:
                    break
                hit = self.same.get(joined)
                if hit is not None and (hit[3] or len(out) > j - i + 1):
                    match = (j + 1, hit)
            if match is None:
                result.append(out[i])
                i += 1
                continue
            end, (canonical, group, is_preferred, _alone) = match
            result.append(canonical)
            if group in self.group_has_preferred:
                preferred_seen = True
                all_preferred = all_preferred and is_preferred
            i = end
        return result, preferred_seen and all_preferred

    def key(self, text: str) -> str:
        """The variant key of ``text`` with this lexicon's equivalences."""
        return self.keyed(text)[0]

    def keyed(self, text: str) -> tuple[str, bool]:
        """``key(text)``, and whether ``text`` uses the preferred form of every
        equivalence that names one (see ``canonical``); memoised."""
        memo = self._keyed
        hit = memo.get(text)
        if hit is None:
            if len(memo) > 100_000:
                memo.clear()
            atoms, preferred = self.canonical(_key_atoms(text))
            hit = memo[text] = ("".join(atoms), preferred)
        return hit

    def _memo(self, name: str) -> dict[str, Any]:
        """A process-wide memo of this lexicon's decisions per distinct text (bounded; never pickled).

        Kept as a plain attribute made on first use, not a field, so the
        cached pack's form does not change."""
        memo = self.__dict__.get(name)
        if memo is None or len(memo) > _MEMO_SIZE:
            memo = {}
            object.__setattr__(self, name, memo)  # frozen: the value does not change, only its cache
        return memo  # type: ignore[no-any-return]

    def _ending_index(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """The last atoms an ending's form can end with, and the glued one-atom forms
        ("ji" of "Horyuji") a last atom can end with: no other atoms can take an ending."""
        index = self.__dict__.get("_memo_endings")
        if index is None:
            lasts = {form[-1] for ending in self.endings for glued, form in ending.forms if not glued or len(form) > 1}
            suffixes = tuple(
                form[0] for ending in self.endings for glued, form in ending.forms if glued and len(form) == 1
            )
            index = (frozenset(lasts), suffixes)
            object.__setattr__(self, "_memo_endings", index)
        return index  # type: ignore[no-any-return]

    def folds_family(self, atoms: Sequence[str]) -> bool:
        """Whether the family-name alternations apply to the full name ``atoms``.

        They are one language's (Arabic short vowels: "Haftar", "Hifter"), and
        the same letters tell other names apart ("Walker" and "Welker"): they
        apply only to a name with a word of ``family_markers`` ("Khalifa", "al").
        """
        return not self.family_markers or any(a in self.family_markers for a in atoms)

    def loose(self, atom: str, family: bool = False) -> str:
        """``atom`` with every romanization alternation folded ("dmitry" gives "dmitri"); memoised.

        ``family`` says the atom is a family name (the last word of a full
        name, or a surname alone): the alternations for family names apply too."""
        memo = self._memo("_memo_loose_family" if family else "_memo_loose")
        hit = memo.get(atom)
        if hit is None:
            hit = atom
            for alt in self.alternations:
                if (family or not alt.family) and (alt.word is None or alt.word.search(hit)):
                    hit = alt.pattern.sub(alt.replace, hit)
            memo[atom] = hit
        return hit

    def strict_atoms(self, text: str) -> tuple[str, ...]:
        """The key's words of ``text`` after the pack's equivalences (``canonical``); memoised."""
        memo = self._memo("_memo_strict")
        hit = memo.get(text)
        if hit is None:
            hit = memo[text] = tuple(self.canonical(_key_atoms(text))[0])
        return hit  # type: ignore[no-any-return]

    def __getstate__(self) -> dict[str, object]:
        state = {k: v for k, v in self.__dict__.items() if not k.startswith("_memo_")}
        return {**state, "_keyed": {}, "_plain": set()}  # the caches stay behind


def _rewrite_ending(atoms: list[str], ending: Ending) -> list[str] | None:
    for glued, form in ending.forms:
        n = len(form)
        if len(atoms) < n or (not glued and len(atoms) == n):
            continue
        if glued:
            head = atoms[-n]
            if atoms[len(atoms) - n + 1 :] != list(form[1:]) or not head.endswith(form[0]):
                continue
            stem = head[: len(head) - len(form[0])]
            if len(stem) < _MIN_GLUED_STEM:
                continue
            return [*atoms[:-n], stem, *ending.canonical]
        if tuple(atoms[-n:]) == form:
            return [*atoms[:-n], *ending.canonical]
    return None


def variant_key(text: str, lexicon: NameLexicon | None = None) -> str:
    """The strict variant key: ``variant_key("Lee Jae‑Myung's") == "leejaemyung"``."""
    if lexicon is None:
        return "".join(key_atoms(text))
    return lexicon.key(text)


# -- mentions -----------------------------------------------------------------------------


class Word(NamedTuple):
    """One word of a mention (a hyphenated compound is one word), with its key."""

    text: str
    start: int
    end: int
    key: str


class Mention(NamedTuple):
    """A name as written: ``text == doc.text[start:end]`` (possessive excluded).

    ``form`` is the spelling (see ``spelling_form``) and ``key`` the variant key
    with the lexicon's equivalences. ``reliable`` is False when a capital may be
    forced (sentence start, a title-case line), so case alone is no evidence.
    ``preferred`` is True when the spelling uses a pack's preferred form.
    """

    text: str
    start: int
    end: int
    form: str
    key: str
    reliable: bool
    preferred: bool
    words: tuple[Word, ...]


class _Unit(NamedTuple):
    """A word made of one or more tokens ("Jae–myung" with an en dash is two tokens)."""

    start: int
    end: int  # without a possessive
    text: str  # text[start:end]
    kind: str  # name, initial, particle, suffix, other
    forced: bool
    possessive: bool


_NAME, _INITIAL, _PARTICLE, _SUFFIX, _OTHER = "name", "initial", "particle", "suffix", "other"
_MAYBE_INITIAL = "initial?"  # a lone capital letter: an initial when a full stop follows it
_SHORT = "short"  # a short surname that is also a common word: a name only before a given name
_TITLE_CASE_MIN_WORDS = 3  # long words a line needs before it can count as title case
_TITLE_CASE_MAX_WORDS = 25
_TITLE_CASE_MAX_CHARS = 250
# Words of four letters or more that title-case styles may keep lowercase.
_TITLE_CASE_LOWER = frozenset({"with", "from", "into", "over", "upon", "onto", "than", "amid"})


def find_mentions(doc: Document, lexicon: NameLexicon) -> list[Mention]:
    """Every name mention in ``doc``, in order of position."""
    units = _units(doc, lexicon)
    para_starts = [p.start for p in doc.paragraphs]
    units = _short_surnames(doc.text, units, para_starts)
    # A forced capital is evidence of a name only if the word is also written
    # capitalised where nothing forces it, or a free name follows it ("Horyu-ji
    # Temple" at a sentence start).
    # Spellings are compared by key, so "Peru" at a sentence start counts when
    # "Péru" is written freely: the two are then a variant to report.
    unforced = {lexicon.key(u.text) for u in units if u.kind == _NAME and not u.forced}
    free_loose: dict[str, set[str]] = {}
    units = [
        u._replace(kind=_OTHER)
        if u.kind == _NAME
        and u.forced
        and not _free_name_follows(doc.text, units, i, para_starts)
        and lexicon.key(u.text) not in unforced
        and not _loose_surname(u, units, lexicon, free_loose)
        else u
        for i, u in enumerate(units)
    ]
    out: list[Mention] = []
    for run in _runs(doc.text, units, para_starts):
        mention = _mention(doc.text, _strip_title(run, lexicon), lexicon)
        if mention is not None:
            out.append(mention)
    del units, unforced, free_loose  # garbage once the mentions are found (they keep offsets): not held while joining
    if lexicon.given_syllables:
        out = _given_syllables(doc, out, lexicon)
    return join_transliterations(out, lexicon)


# A capitalised word of two letters after one space, ending the name: "In" of "Moon Jae In said".
_NEXT_SYLLABLE = lazy_compile(r"[ \u00a0]([A-Z][a-z])(?![\w\-\u2010\u2011'\u2019])")


def _given_syllables(doc: Document, mentions: list[Mention], lexicon: NameLexicon) -> list[Mention]:
    """Extend a name with a given-name syllable that is also a word ("Moon Jae" + "In"), when the
    article writes the longer name as one elsewhere ("Moon Jae-in", "Moon Jaein").

    The syllable must follow the name's last word after one space, end the
    name (no word, hyphen or apostrophe joined to it), and stand outside a
    title-case line, where "Moon Jae In Seoul" reads "in Seoul".
    """
    text = doc.text
    keys = {m.key for m in mentions}
    title_lines: list[tuple[int, int]] | None = None
    out = []
    for m in mentions:
        hit = _NEXT_SYLLABLE.match(text, m.end) if len(m.words) >= 2 else None
        if hit is not None and hit.group(1).casefold() in lexicon.given_syllables:
            longer = text[m.start : hit.end()]
            key, preferred = lexicon.keyed(longer)
            if key in keys and key != m.key:
                if title_lines is None:
                    title_lines = _title_case_lines(doc)
                if not any(lo <= m.start < hi for lo, hi in title_lines):
                    start, end = hit.start(1), hit.end(1)
                    word = Word(text[start:end], start, end, lexicon.key(text[start:end]))
                    m = m._replace(
                        text=longer,
                        end=end,
                        form=spelling_form(longer),
                        key=key,
                        preferred=preferred,
                        words=(*m.words, word),
                    )
        out.append(m)
    return out


def _loose_surname(unit: _Unit, units: list[_Unit], lexicon: NameLexicon, memo: dict[str, set[str]]) -> bool:
    """Whether a capitalised word at a sentence start is a family name written freely elsewhere in
    another romanization ("Hifter's forces" beside "Khalifa Haftar"): four letters at least, and not
    a word in common English use ("Biker" is no "Baker")."""
    atoms = lexicon.strict_atoms(unit.text)
    if not lexicon.alternations or len(atoms) != 1 or len(atoms[0]) < _MIN_JOINED_SURNAME:
        return False
    free = memo.get("free")
    if free is None:  # the loose forms of the name words written freely ("Sarraj" of "al-Sarraj"), once per document
        free = memo["free"] = {
            lexicon.loose(a[-1], family=True)
            for u in units
            if u.kind == _NAME and not u.forced and (a := lexicon.strict_atoms(u.text))
        }
    return lexicon.loose(atoms[0], family=True) in free and not is_common(atoms[0], KNOWN_WORD_ZIPF)


def _short_surnames(text: str, units: list[_Unit], para_starts: list[int]) -> list[_Unit]:
    """A short surname that is also a word ("To", "He") is a name when an unforced given name
    follows it and nothing forces its own capital ("President To Lam", "Vice Premier He Lifeng")."""
    if not any(u.kind == _SHORT for u in units):
        return units
    out = []
    for i, u in enumerate(units):
        if u.kind == _SHORT:
            after = units[i + 1] if i + 1 < len(units) else None
            named = (
                not u.forced
                and not u.possessive
                and after is not None
                and after.kind == _NAME
                and not after.forced
                and _continues(text, u._replace(kind=_NAME), after, para_starts)
            )
            u = u._replace(kind=_NAME if named else _OTHER)
        out.append(u)
    return out


# -- transliteration variants -----------------------------------------------------------


_MIN_JOINED_SURNAME = 4  # letters a surname alone needs to be joined: "Al" and "All" are words


def loose_atoms(text: str, lexicon: NameLexicon) -> tuple[str, ...]:
    """The key's words of ``text`` with every romanization alternation of the pack folded:
    "Dmitry Peskov" and "Dmitri Peskov" both give ``("dmitri", "peskov")``."""
    return tuple(map(lexicon.loose, lexicon.strict_atoms(text)))


def transliterations_match(a: str, b: str, lexicon: NameLexicon) -> bool:
    """Whether two spellings are one name written in two romanizations.

    They must have the same number of words, the same loose form word by word
    (see ``loose_atoms``), and agree exactly on at least one word that is not a
    particle: the rest of the name agrees, so "Dmitri Peskov" joins "Dmitry
    Peskov" while "Kim Jong Un" never joins "Kim Jong Il" (different loose
    words), "Donald Trump Jr." never joins "Donald Trump" (a generation marker
    is a word) and "Rahul Gandhi" never joins "Rajiv Gandhi". Names or words a
    pack lists as ``[[distinct]]`` never join.
    """
    if a == b:
        return True
    return _atoms_match(lexicon.strict_atoms(a), lexicon.strict_atoms(b), lexicon)


def family_index(atoms: Sequence[str], lexicon: NameLexicon) -> int | None:
    """The index of the family name among a full name's key words, if it has one.

    The last word that is not a generation marker ("Trump" of "Donald Trump
    Jr."); none when a patronymic particle stands before it ("Mohammed bin
    Salman": Salman is his father's name), or the name has one word.
    """
    end = len(atoms)
    while end > 1 and atoms[end - 1] in lexicon.suffixes:
        end -= 1
    if end < 2 or atoms[end - 2] in lexicon.patronymics:
        return None
    return end - 1


def _loose_name(atoms: Sequence[str], lexicon: NameLexicon) -> tuple[str, ...]:
    """``atoms`` folded word by word, the family name with the family alternations too."""
    family = family_index(atoms, lexicon) if lexicon.folds_family(atoms) else None
    return tuple(lexicon.loose(a, family=k == family) for k, a in enumerate(atoms))


def _atoms_match(strict_a: Sequence[str], strict_b: Sequence[str], lexicon: NameLexicon) -> bool:
    if len(strict_a) != len(strict_b) or len(strict_a) < 2 or not lexicon.alternations:
        return False
    if frozenset(("".join(strict_a), "".join(strict_b))) in lexicon.distinct:
        return False
    family = family_index(strict_a, lexicon)
    if family != family_index(strict_b, lexicon) or not (
        lexicon.folds_family(strict_a) or lexicon.folds_family(strict_b)
    ):
        family = None
    agree = False
    for k, (x, y) in enumerate(zip(strict_a, strict_b)):
        if x == y:
            agree = agree or (x not in lexicon.particles and len(x) > 1)
            continue
        if lexicon.loose(x, family=k == family) != lexicon.loose(y, family=k == family):
            return False
        if frozenset((x, y)) in lexicon.distinct:
            return False
    return agree


def join_transliterations(mentions: list[Mention], lexicon: NameLexicon) -> list[Mention]:
    """Give the spellings of one name in two romanizations one key ("Andriy Sybiha", "Andrii Sybiha").

    Each multi-word name takes the key of the most used spelling it matches
    (``transliterations_match``); the surname written alone follows when the
    full names that end in it are all one person.
    """
    if not lexicon.alternations or len(mentions) < 2:
        return mentions
    strict: dict[str, tuple[str, ...]] = {}
    counts: dict[str, int] = {}
    for m in mentions:
        if m.key not in strict:
            strict[m.key] = lexicon.strict_atoms(m.text)
        counts[m.key] = counts.get(m.key, 0) + 1
    by_loose: dict[tuple[str, ...], list[str]] = {}
    for key, atoms in strict.items():
        if len(atoms) >= 2:
            by_loose.setdefault(_loose_name(atoms, lexicon), []).append(key)
    rekey: dict[str, str] = {}
    people = _People(lexicon)  # loose family name -> the full names (after joining) with it
    for keys in by_loose.values():
        keys.sort(key=lambda k: -counts[k])
        heads: list[str] = []
        for key in keys:
            head = next((h for h in heads if _atoms_match(strict[h], strict[key], lexicon)), None)
            if head is None:
                heads.append(key)
            else:
                rekey[key] = head
        family = family_index(strict[keys[0]], lexicon)
        if family is not None:
            for key in keys:
                people.add(strict[key], family, rekey.get(key, key))
    # The surname alone: "Dbeibah said" beside "Abdul Hamid Dbeibeh", when one person has it.
    singles: dict[str, list[str]] = {}
    for key, atoms in strict.items():
        if len(atoms) == 1 and len(atoms[0]) >= _MIN_JOINED_SURNAME:
            persons = people.of(atoms[0])
            if len(persons) == 1:
                singles.setdefault(next(iter(persons)), []).append(key)
    for keys in singles.values():
        if len(keys) > 1:
            if any(frozenset((x, y)) in lexicon.distinct for x in keys for y in keys):
                continue
            head = max(keys, key=lambda k: counts[k])
            rekey.update({k: head for k in keys if k != head})
    if not rekey:
        return mentions
    return [m._replace(key=rekey[m.key]) if m.key in rekey else m for m in mentions]


class _People:
    """Full names by the loose form of their family name, for the surname written alone.

    A name the family alternations apply to (``folds_family``) is found by the
    lone word's family form, any other by its plain loose form: "Hifter" is
    Khalifa Haftar's, "Welker" is not Mark Walker's.
    """

    def __init__(self, lexicon: NameLexicon) -> None:
        self.lexicon = lexicon
        self.folded: dict[str, set[str]] = defaultdict(set)
        self.plain: dict[str, set[str]] = defaultdict(set)

    def add(self, atoms: Sequence[str], family: int, person: str) -> None:
        if self.lexicon.folds_family(atoms):
            self.folded[self.lexicon.loose(atoms[family], family=True)].add(person)
        else:
            self.plain[self.lexicon.loose(atoms[family])].add(person)

    def of(self, atom: str) -> set[str]:
        """The people whose family name ``atom`` (a word written alone) may be."""
        return self.folded.get(self.lexicon.loose(atom, family=True), set()) | self.plain.get(
            self.lexicon.loose(atom), set()
        )


class SurnameGroup(NamedTuple):
    """A person's family name written alone in another spelling ("Zelensky" beside "Volodymyr Zelenskyy").

    ``lone``: indexes of the one-word mentions of the family name; ``full``:
    indexes of the person's full-name mentions, and ``family[i]`` the family
    name as written in ``mentions[i]`` ("Sarraj" of "Fayez al-Sarraj").
    """

    lone: tuple[int, ...]
    full: tuple[int, ...]
    family: dict[int, Word]


def _family_word(m: Mention, atom: str, lexicon: NameLexicon) -> Word | None:
    """The family name ``atom`` as written in ``m``: a word of its own ("Haftar"), or the part of
    a word after its particles ("Sarraj" of "al-Sarraj"); None if it is written inside a longer word."""
    for w in reversed(m.words):
        if lexicon.strict_atoms(w.text) == (atom,):
            return w
        parts = _HYPHEN_SPLIT.split(w.text)
        if len(parts) > 1 and all(p.casefold() in lexicon.particles for p in parts[:-1]):
            last = parts[-1]
            if lexicon.strict_atoms(last) == (atom,):
                start = w.end - len(last)
                return Word(last, start, w.end, lexicon.key(last))
    return None


def surname_groups(mentions: Sequence[Mention], lexicon: NameLexicon) -> list[SurnameGroup]:
    """Each person whose family name the article also writes alone, with two spellings among them.

    A one-word mention (four letters at least) belongs to a person when its
    loose form (``loose(atom, family=True)``) is the loose form of the family
    name of exactly one person in the article (one key after
    ``join_transliterations``), the word is no word of another person's name
    or of the rest of this person's ("Trump" beside "Donald Trump" and
    "Donald Trump Jr." is two people's, "Hamid" beside "Abdul Hamid Dbeibah"
    a given name), and the pack does not list the two spellings as
    ``[[distinct]]``. Only groups where some spelling differs beyond case are
    returned: "Erdogan" beside "Recep Tayyip Erdoğan", "Hifter" beside
    "Khalifa Haftar".
    """
    if not lexicon.alternations or len(mentions) < 2:
        return []
    people = _People(lexicon)  # loose family name -> person keys
    words_of: dict[str, set[str]] = defaultdict(set)  # strict word -> person keys whose name has it
    family_atom: dict[str, str] = {}  # person key -> strict family word of its first full mention
    family_word: dict[int, Word] = {}  # full mention index -> its family name as written
    lone: dict[str, list[int]] = defaultdict(list)  # strict atom -> one-word mention indexes
    for i, m in enumerate(mentions):
        atoms = lexicon.strict_atoms(m.text)
        if len(atoms) == 1:
            if len(atoms[0]) >= _MIN_JOINED_SURNAME:
                lone[atoms[0]].append(i)
            continue
        for atom in atoms:
            words_of[atom].add(m.key)
        family = family_index(atoms, lexicon)
        if family is None:
            continue
        people.add(atoms, family, m.key)
        word = _family_word(m, atoms[family], lexicon)
        if word is not None:
            family_word[i] = word
            family_atom.setdefault(m.key, atoms[family])
    by_person: dict[str, list[int]] = defaultdict(list)
    for atom, indexes in lone.items():
        persons = people.of(atom)
        if len(persons) != 1:
            continue
        (person,) = persons
        own = family_atom.get(person)
        if (
            own is None
            or words_of.get(atom, set()) - {person}
            or (atom != own and (atom in words_of or frozenset((atom, own)) in lexicon.distinct))
        ):
            continue  # another person's word, a given name, or a pair the pack keeps apart
        by_person[person].extend(indexes)
    out = []
    for person, lone_indexes in by_person.items():
        full = tuple(i for i, m in enumerate(mentions) if m.key == person and i in family_word)
        spellings = {spelling_form(mentions[i].text).casefold() for i in lone_indexes}
        spellings.update(spelling_form(family_word[i].text).casefold() for i in full)
        if full and len(spellings) > 1:
            out.append(SurnameGroup(tuple(sorted(lone_indexes)), full, {i: family_word[i] for i in full}))
    return out


def _free_name_follows(text: str, units: list[_Unit], i: int, para_starts: list[int]) -> bool:
    if i + 1 >= len(units) or units[i].possessive:
        return False
    after = units[i + 1]
    return after.kind == _NAME and not after.forced and _continues(text, units[i], after, para_starts)


def _units(doc: Document, lexicon: NameLexicon) -> list[_Unit]:
    """The units that can be part of a name, in order.

    A unit that is ``_OTHER`` (a lowercase word on its own, not a particle,
    no hyphen; an acronym; a capitalised word that is never a name) gets no
    unit. Leaving it out changes nothing downstream, since two units only
    continue a run (or a short surname its given name) across whitespace,
    and a left-out word between them is not whitespace.

    A one-token unit is classified once per distinct text (``_single``),
    read from the token columns without building a ``Token``.
    """
    text = doc.text
    table = doc.token_table
    texts, starts, ends, kinds = table.texts, table.starts, table.ends, table.kinds
    title_lines = _title_case_lines(doc)
    title_starts = [lo for lo, _ in title_lines]  # the lines are in order and do not overlap
    bisect_right = bisect.bisect_right
    units: list[_Unit] = []
    # The hottest loop of the names rules: locals, no property calls, tuple.__new__.
    append = units.append
    make = tuple.__new__
    word = TokenKind.WORD
    joined = _joined(doc)
    sentence_initial = doc.sentence_initial
    singles = lexicon._memo("_memo_single")
    n = len(table)
    done = 0  # tokens before this index already belong to a unit
    for i in _candidates(doc, joined, lexicon):
        if i < done:
            continue
        first_kind = kinds[i]
        j = i + 1
        if first_kind == word:
            while j < n and j in joined:
                j += 1
        done = j
        start = starts[i]
        last_end = ends[j - 1]
        if j == i + 1:  # one token: its unit text and class depend on its text alone
            token_text = texts[i]
            hit = singles.get(token_text)
            if hit is None or hit[2] != first_kind:
                stem = _stem(token_text)
                hit = singles[token_text] = (stem, _classify(stem, first_kind, True, lexicon), first_kind)
            unit_text, kind, _ = hit
            stem_end = start + len(unit_text)
        else:
            last_text = texts[j - 1]
            stem_end = ends[j - 1] - (len(last_text) - len(_stem(last_text)))
            unit_text = text[start:stem_end]
            kind = _classify(unit_text, first_kind, False, lexicon)
        if kind is _MAYBE_INITIAL:
            kind = _INITIAL if text[ends[i] : ends[i] + 1] == "." else _NAME
        elif kind is _OTHER:
            continue  # like a lowercase word: the text between its neighbours is then no whitespace
        forced = (
            start in sentence_initial
            or _forcing_before(text, start)
            or (bool(title_lines) and (k := bisect_right(title_starts, start) - 1) >= 0 and start < title_lines[k][1])
        )
        append(make(_Unit, (start, stem_end, unit_text, kind, forced, stem_end < last_end)))
    return units


def _stem(token_text: str) -> str:
    """A token's text without a possessive 's (``Token.stem``)."""
    if len(token_text) > 2 and token_text[-1] in "sS" and token_text[-2] in "'\u2019":
        return token_text[:-2]
    return token_text


def _joined(doc: Document) -> set[int]:
    """Indexes of the word tokens that continue the word before them across a joiner
    the tokenizer leaves out ("Jae–myung" with an en dash, soft hyphens).

    The tokenizer's own joiners (hyphen, apostrophe) stand inside a token
    ("Lee's", "Jae-myung") and are not searched for (``_GAP_JOINER``); of the
    other matches only one that starts where a token ends can join two, so
    the others are dropped before any is looked at (matches are few: no set
    of every token's end is built for them).
    """
    table = doc.token_table
    starts, ends, kinds = table.starts, table.ends, table.kinds
    out: set[int] = set()
    n = len(table)
    word = TokenKind.WORD
    bisect_left = bisect.bisect_left
    for m in _GAP_JOINER.finditer(doc.text):
        at = m.start()
        e = bisect_left(ends, at)
        if e == n or ends[e] != at:
            continue
        k = doc.token_index(m.end())
        if (
            0 < k < n
            and starts[k] == m.end()
            and ends[k - 1] == m.start()
            and kinds[k] == word
            and kinds[k - 1] == word
        ):
            out.add(k)
    return out


def _candidates(doc: Document, joined: set[int], lexicon: NameLexicon) -> list[int]:
    """Indexes of the tokens that may start a unit other than ``_OTHER``, in order.

    Left out: word tokens that ``_classify`` calls ``_OTHER`` on their own
    (lowercase, not a particle, no hyphen: remembered per text in the
    lexicon) and that join no neighbour; and every number, URL, e-mail
    address and handle. Decided once per distinct text in the process
    (texts no document showed before are found by set difference, in C),
    then the indexes are picked from the token column in C.
    """
    plain = lexicon._plain
    maybe = lexicon._memo("_memo_maybe")  # texts that may start a unit; every other text seen is in plain
    if len(plain) > 200_000:
        plain.clear()
    word, acronym = TokenKind.WORD, TokenKind.ACRONYM
    particles = lexicon.particles
    texts = doc.token_table.texts
    kind_of = doc.kind_of
    for text in set(kind_of).difference(plain).difference(maybe):
        kind = kind_of[text]
        if kind == word:
            stem = _stem(text)
            if stem[:1].islower() and stem not in particles and not _HYPHEN_SPLIT.search(stem):
                plain.add(text)
                continue
        elif kind != acronym:
            plain.add(text)
            continue
        maybe[text] = None
    keep = kind_of.keys() & maybe.keys()
    out = list(compress(range(len(texts)), map(keep.__contains__, texts)))
    if joined:  # every token of a joined word, so the word is read from its first token
        out = sorted({*out, *joined, *(k - 1 for k in joined)})
    return out


def _classify(unit: str, kind: TokenKind, single: bool, lexicon: NameLexicon) -> str:
    """The class of a unit of one token (``single``) or more, whose first token is of ``kind``;
    ``_MAYBE_INITIAL`` for a lone capital letter, an initial when a full stop follows it."""
    if unit[:1].islower() and unit not in lexicon.particles and not _HYPHEN_SPLIT.search(unit):
        return _OTHER  # the common case: a lowercase word
    folded = unit.casefold()
    if kind == TokenKind.ACRONYM:
        if single and _DOTTED_INITIALS.match(unit):
            return _INITIAL
        return _SUFFIX if single and folded in lexicon.suffixes else _OTHER
    if kind != TokenKind.WORD:
        return _OTHER
    if folded.rstrip(".") in lexicon.suffixes and unit[:1].isupper():
        return _SUFFIX
    if unit[:1].isupper():
        if folded in lexicon.not_names:
            # "To Lam", "He Lifeng": a short surname that is also a common word; a name only
            # before a given name (decided in ``find_mentions``).
            return _SHORT if folded in lexicon.short_surnames and unit[1:].islower() else _OTHER
        if len(unit) == 1:
            return _MAYBE_INITIAL
        return _NAME
    if folded in lexicon.particles:
        return _PARTICLE
    # "al-Assad", "bin-Talal": a particle joined to a capitalised name.
    parts = [p for p in _HYPHEN_SPLIT.split(unit) if p]
    if len(parts) > 1 and parts[0].casefold() in lexicon.particles and any(p[:1].isupper() for p in parts[1:]):
        return _NAME
    return _OTHER


def _forcing_before(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i] in _FORCING


def _title_case_lines(doc: Document) -> list[tuple[int, int]]:
    """Spans of lines set in title case ("Takaichi Hosts Lee in Nara"), where every capital is forced.

    Every word of four letters or more is capitalised (but a few prepositions
    styles keep lowercase), there are 3 to 25 of them, and the line does not
    end with a full stop.

    Each distinct word is judged once (capitalised long word, other long
    word, or neither); a line's tokens are then counted in C.
    """
    word = TokenKind.WORD
    status = _TC_STATUS
    if len(status) > _TC_STATUS_SIZE:
        status.clear()
    kind_of = doc.kind_of
    for form in set(kind_of).difference(status):  # the texts no document showed before
        if kind_of[form] == word and len(form) >= 4 and form not in _TITLE_CASE_LOWER:
            status[form] = _TC_CAPITALISED if form[:1].isupper() else _TC_LOWER
        else:
            status[form] = _TC_NONE
    marks = list(map(status.__getitem__, doc.token_table.texts))
    starts = doc.token_table.starts
    bisect_left = bisect.bisect_left
    out = []
    for line, text in doc.iter_lines():
        if len(text) > _TITLE_CASE_MAX_CHARS or text.rstrip(" \"'\u201d\u2019").endswith("."):
            continue
        seg = marks[bisect_left(starts, line.start) : bisect_left(starts, line.end)]
        if _TC_LOWER not in seg and _TITLE_CASE_MIN_WORDS <= seg.count(_TC_CAPITALISED) <= _TITLE_CASE_MAX_WORDS:
            out.append((line.start, line.end))
    return out


_TC_NONE, _TC_CAPITALISED, _TC_LOWER = 0, 1, 2
# Each text's title-case status (above), shared by the documents of a process; cleared when full.
_TC_STATUS: dict[str, int] = {}
_TC_STATUS_SIZE = 200_000


def _runs(text: str, units: list[_Unit], para_starts: list[int]) -> Iterable[list[_Unit]]:
    """Maximal sequences of name units joined by spaces (or ". " after an initial)."""
    run: list[_Unit] = []
    for unit in units:
        if run and _continues(text, run[-1], unit, para_starts):
            run.append(unit)
        else:
            if run:
                yield run
            run = [unit] if unit.kind in (_NAME, _INITIAL) else []
            if unit.kind not in (_NAME, _INITIAL):
                continue
        if unit.possessive:
            yield run
            run = []
    if run:
        yield run


def _continues(text: str, prev: _Unit, unit: _Unit, para_starts: list[int]) -> bool:
    if unit.kind not in (_NAME, _INITIAL, _PARTICLE, _SUFFIX) or prev.kind == _SUFFIX:
        return False
    if unit.kind == _SUFFIX and prev.kind not in (_NAME,):
        return False
    gap = text[prev.end : unit.start]
    if prev.kind == _INITIAL and gap.startswith("."):
        gap = gap[1:]
    if not gap or not gap.isspace() or len(gap) > 3:
        return False
    if "\n" in gap or "\r" in gap:
        return bisect.bisect_right(para_starts, prev.start) == bisect.bisect_right(para_starts, unit.start)
    return True


def _strip_title(run: list[_Unit], lexicon: NameLexicon) -> list[_Unit]:
    """Drop a leading title: "South Korean President Lee" → "Lee" (but not "King Jr")."""
    cut = 0
    for k in range(len(run) - 1):
        if run[k + 1].kind == _SUFFIX:
            continue
        if _is_title(run[k].text, lexicon):
            cut = k + 1
    run = run[cut:]
    while run and run[0].kind in (_PARTICLE, _SUFFIX):
        run = run[1:]
    while run and run[-1].kind in (_PARTICLE, _INITIAL):
        run = run[:-1]
    return run


def _is_title(unit: str, lexicon: NameLexicon) -> bool:
    """Whether the unit is a title word, or a compound with one ("Vice-President"); memoised."""
    memo = lexicon._memo("_memo_title")
    hit = memo.get(unit)
    if hit is None:
        folded = unit.casefold()
        titles = lexicon.titles
        hit = memo[unit] = folded in titles or any(part in titles for part in _HYPHEN_SPLIT.split(folded))
    return hit  # type: ignore[no-any-return]


def _mention(text: str, run: list[_Unit], lexicon: NameLexicon) -> Mention | None:
    if len(run) == 1:  # most runs: one name word
        u = run[0]
        if u.kind != _NAME:
            return None
        key, preferred = lexicon.keyed(u.text)
        if len(key) < 2:
            return None
        return Mention(
            text=u.text,
            start=u.start,
            end=u.end,
            form=spelling_form(u.text),
            key=key,
            reliable=not u.forced,
            preferred=preferred,
            words=(Word(u.text, u.start, u.end, key),),
        )
    if not run or not any(u.kind == _NAME for u in run):
        return None
    start, end = run[0].start, run[-1].end
    surface = text[start:end]
    key, preferred = lexicon.keyed(surface)
    if len(key) < 2:
        return None
    words = tuple(Word(u.text, u.start, u.end, lexicon.key(u.text)) for u in run if u.kind == _NAME)
    return Mention(
        text=surface,
        start=start,
        end=end,
        form=spelling_form(surface),
        key=key,
        reliable=not any(u.forced for u in run),
        preferred=preferred,
        words=words,
    )
