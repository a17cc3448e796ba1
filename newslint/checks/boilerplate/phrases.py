"""The boilerplate phrase pack: its schema, its validation, and matching a line against it.

``parse`` turns the ``boilerplate`` packs (bundled, then the newsroom's) into a
``PhrasePack``; ``PhrasePack.match`` finds the entry a line matches. The pack
format is documented at the top of ``rules/boilerplate.toml``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from newslint import PackError, PackSource, field_of
from newslint.plugin.packs import check_keys, check_pattern, tables_of
from newslint.text.normalize import fold
from newslint.text.writing_systems import WRITING_SYSTEMS

__all__ = ["ROLES", "Language", "Phrase", "PhrasePack", "key", "parse", "word_count", "word_key"]

SCHEMA = 1
ROLES = (
    "related",
    "navigation",
    "cta",
    "cookie",
    "ai-label",
    "credit",
    "subscribe",
    "social",
    "timestamp",
    "byline",
    "advert",
    "copyright",
    "comments",
    "tags",
    "media",
    "paywall",
)
#: How each role reads in a message.
ROLE_NAMES = {
    "related": "related-content header",
    "navigation": "navigation label",
    "cta": "call to action",
    "cookie": "cookie or consent text",
    "ai-label": "AI label",
    "credit": "photo credit or caption",
    "subscribe": "subscription prompt",
    "social": "social or share prompt",
    "timestamp": "timestamp",
    "byline": "byline or author box",
    "advert": "advertising label",
    "copyright": "copyright notice",
    "comments": "comments section",
    "tags": "tag list",
    "media": "media player or gallery label",
    "paywall": "paywall label",
}
MATCHES = ("line", "prefix", "contains", "regex")
_ENTRY_KEYS = {
    "lang",
    "role",
    "match",
    "opens-block",
    "certain",
    "max-words",
    "followed-by",
    "position",
    "remove",
    "phrases",
}
_LANGUAGE_KEYS = {"code", "script", "stopwords", "date-words"}
_TOP_KEYS = {"pack", "language", "entry"}
_DEFAULT_MAX_WORDS = 25

# Arabic marks and tatweel that spelling varies on ("أيضاً" / "أيضا"), and
# alef and yeh forms folded together.
_ARABIC_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")
_ARABIC_FOLD = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0649": "\u064a"})
# What surrounds a UI label on its line: bullets, arrows, pipes, punctuation, brackets, quotes.
_EDGE_CHARS = (
    " \t-\u2013\u2014\u2022\u00b7*|>\u203a\u00bb\u00ab\u2039<\u2192\u2190\u2191\u2193\u25b6\u25ba\u25b8\u25bc"
    "\u25b2\u25a0\u25a1\u25cf\u25cb\u25c6\u25c7\u2605\u2606#:;,.\u2026!?()[]{}\"'\u300c\u300d\u300e\u300f"
    "\u3010\u3011\u3014\u3015\u3001\u3002\uff01\uff1f\uff1a\u061f\u060c\u061b+"
)
_LEADING_BULLETS = " \t\u2022\u00b7*\u25b6\u25ba\u25b8\u25a0\u25cf\u25c6\u2605\u2192"
# Scripts whose words are not separated by spaces: a phrase there needs no word boundary.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff]")
_DIGIT = re.compile(r"\d")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


@functools.lru_cache(maxsize=1024)  # a line is keyed by the classifier, the matcher and the repeat count
def key(text: str) -> str:
    """``fold`` plus Arabic folding: the form phrases and lines are compared in."""
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLD)
    return fold(text)


def word_key(word: str) -> str:
    """A cheap ``key`` for one word token, for function-word lookups."""
    try:
        return _WORD_KEYS[word]
    except KeyError:
        if len(_WORD_KEYS) > 200_000:
            _WORD_KEYS.clear()
        found = _WORD_KEYS[word] = _word_key(word)
        return found


_WORD_KEYS: dict[str, str] = {}  # word_key per word seen: words recur


def _word_key(word: str) -> str:
    word = word.casefold().replace("\u2019", "'")
    return _ARABIC_MARKS.sub("", word).translate(_ARABIC_FOLD) if "\u0600" <= word[:1] <= "\u06ff" else word


@functools.lru_cache(maxsize=1024)  # asked of each line by the classifier and the matcher
def word_count(text: str) -> float:
    """Words in ``text``, counting two Han or kana characters as one word."""
    unspaced = len(_UNSPACED.findall(text))
    spaced = len(re.findall(r"[^\W_]+", _UNSPACED.sub(" ", text)))
    return spaced + unspaced / 2


@dataclass(frozen=True)
class Language:
    """A language the pack knows: its script and its function words."""

    code: str
    script: str
    stopwords: frozenset[str]
    date_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Phrase:
    """One phrase of the pack with the attributes of its entry."""

    text: str
    lang: str
    role: str
    match: str
    opens_block: str  # "" (no block), "prose" (until prose resumes) or "list" (until the next prose)
    certain: bool
    max_words: int
    followed_by: str
    position: str
    where: str  # "file: entry[3].phrases[1]", for messages about the pack itself
    pattern: re.Pattern[str] | None = None
    key: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        # The form lines are compared in: whole lines lose their edge punctuation too.
        folded = self.text if self.match == "regex" else key(self.text)
        object.__setattr__(self, "key", _strip(folded) if self.match == "line" else folded)

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]


@dataclass
class PhrasePack:
    """Every phrase and language of the loaded boilerplate packs, indexed for matching."""

    phrases: list[Phrase] = field(default_factory=list)
    languages: dict[str, Language] = field(default_factory=dict)
    _line: dict[str, Phrase] = field(default_factory=dict, repr=False)
    _prefix: dict[str, list[Phrase]] = field(default_factory=dict, repr=False)
    _contains: list[Phrase] = field(default_factory=list, repr=False)
    _regex: list[Phrase] = field(default_factory=list, repr=False)
    # The "contains" keys with the indexes in ``_contains`` of their phrases: plain
    # data, cached with the pack; the automaton is rebuilt from it once per process.
    _contains_keys: tuple[tuple[str, tuple[int, ...]], ...] = field(default=(), repr=False)
    _contains_max_words: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        prefix: dict[str, list[Phrase]] = defaultdict(list)
        for p in self.phrases:
            if p.match == "line":
                self._line[p.key] = p
            elif p.match == "prefix":
                prefix[p.key[:1]].append(p)
            elif p.match == "contains":
                self._contains.append(p)
            elif p.pattern is not None:
                self._regex.append(p)
        # Longest prefix first, so "read more:" wins over "read".
        self._prefix = {c: sorted(ps, key=lambda p: -len(p.key)) for c, ps in prefix.items()}
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(self._contains):
            by_key[p.key].append(i)
        self._contains_keys = tuple((k, tuple(v)) for k, v in by_key.items())
        self._contains_max_words = max((p.max_words for p in self._contains), default=0)

    def match(self, text: str, *, edge: bool) -> Phrase | None:
        """The phrase ``text`` (one line or paragraph) matches, or ``None``.

        Args:
            text: The line, as written.
            edge: Whether the line lies before the article's first paragraph of
                prose or after its last (``position = "edge"`` phrases need it).
        """
        folded = key(text)
        words = word_count(text)
        found = self._line.get(_strip(folded))
        if found is not None and (edge or found.position == "any"):
            return found
        candidates = [c for c in (self._match_prefix(folded, words), self._match_contains(folded, words)) if c]
        candidates.extend(self._match_regex(text, words))
        for phrase in candidates:
            if edge or phrase.position == "any":
                return phrase
        return None

    def _match_prefix(self, folded: str, words: float) -> Phrase | None:
        for line in dict.fromkeys((folded, folded.lstrip(_LEADING_BULLETS + "[(\u3010\uff08"))):
            for phrase in self._prefix.get(line[:1], ()):
                k = phrase.key
                if words > phrase.max_words or not line.startswith(k):
                    continue
                rest = line[len(k) :]
                if rest and _needs_boundary(k[-1]) and (rest[0].isalnum()):
                    continue
                if phrase.followed_by == "date" and not _is_date_rest(rest):
                    continue
                return phrase
        return None

    def _match_contains(self, folded: str, words: float) -> Phrase | None:
        """The first "contains" phrase (in pack order) found at word boundaries outside a quotation.

        One pass of an Aho-Corasick automaton over the line finds every
        occurrence of every key, where trying the phrases one by one cost a
        ``str.find`` per phrase and line.
        """
        if words > self._contains_max_words or not self._contains_keys:
            return None
        contains = self._contains
        quoted = '"' in folded
        size = len(folded)
        best = len(contains)
        for last, (length, indexes) in _automaton(self._contains_keys).iter(folded):
            if indexes[0] >= best:
                continue
            start = last - length + 1
            end = last + 1
            if start > 0 and _needs_boundary(folded[start]) and folded[start - 1].isalnum():
                continue
            if end < size and _needs_boundary(folded[last]) and folded[end].isalnum():
                continue
            if quoted and folded.count('"', 0, start) % 2:  # inside a quotation
                continue
            for i in indexes:
                if i < best and words <= contains[i].max_words:
                    best = i
                    break
        return contains[best] if best < len(contains) else None

    def _match_regex(self, text: str, words: float) -> list[Phrase]:
        """The "regex" phrases (in pack order) found in the stripped line."""
        regex = self._regex
        if not regex:
            return []
        found = _regex_search(regex).search(text.strip().lstrip(_LEADING_BULLETS))
        return [regex[i] for i in found if words <= regex[i].max_words]


def _automaton(keys: tuple[tuple[str, tuple[int, ...]], ...]) -> Any:
    """An Aho-Corasick automaton over ``keys``, each yielding ``(length, phrase indexes)``.

    Built once per process and pack (the pack cache holds ``keys``, plain data);
    looked up by identity, since hashing the keys per line would cost what the
    automaton saves.
    """
    hit = _AUTOMATA.get(id(keys))
    if hit is not None and hit[0] is keys:
        return hit[1]
    automaton = ahocorasick.Automaton()
    for k, indexes in keys:
        automaton.add_word(k, (len(k), indexes))
    automaton.make_automaton()
    if len(_AUTOMATA) >= 8:
        _AUTOMATA.clear()
    _AUTOMATA[id(keys)] = (keys, automaton)  # holding ``keys`` keeps its id from being reused
    return automaton


_AUTOMATA: dict[int, tuple[tuple[tuple[str, tuple[int, ...]], ...], Any]] = {}


class _RegexSearch:
    """How this process searches one pack's "regex" phrases: one by one at first, then in one RE2 set.

    An RE2 set finds every pattern in one pass over a line, where searching
    the patterns one by one costs a call per pattern and line (the built-in
    pack's 42 patterns: 15,000 page lines in 0.025 s instead of 1.1 s). But
    compiling the set costs more than compiling its patterns (0.11 s against
    0.09 s, Unicode classes), which a run on one small file would pay: so the
    set is built only once this process has searched ``_SET_AFTER`` lines.
    A user's pack whose set does not fit ``_SET_MEMORY`` stays one by one.
    """

    __slots__ = ("lines", "phrases", "regex_set")

    def __init__(self, phrases: list[Phrase]) -> None:
        self.phrases = phrases
        self.lines = 0
        self.regex_set: Any = None

    def search(self, line: str) -> list[int]:
        """Indexes (in ``phrases``, ascending) of the patterns found in ``line``."""
        if self.regex_set is None:
            self.lines += 1
            if self.lines >= _SET_AFTER:
                self.regex_set = _compile_set(self.phrases)
        if self.regex_set is None or self.regex_set is False:
            return [i for i, p in enumerate(self.phrases) if p.pattern.search(line)]  # type: ignore[union-attr]
        found = self.regex_set.Match(line)
        return sorted(found) if found else []


def _compile_set(phrases: list[Phrase]) -> Any:
    """The RE2 set of ``phrases``' patterns, or ``False`` when it does not fit ``_SET_MEMORY``."""
    import re2  # type: ignore[import-untyped]

    from newslint.plugin.packs import re2_options

    options = re2_options()
    options.max_mem = _SET_MEMORY
    regex_set = re2.Set.SearchSet(options)
    try:
        for p in phrases:
            regex_set.Add(p.pattern.pattern)  # type: ignore[union-attr]  # ``_regex`` holds phrases with a pattern
        regex_set.Compile()
    except re2.error:
        return False
    return regex_set


def _regex_search(phrases: list[Phrase]) -> _RegexSearch:
    """The process's ``_RegexSearch`` of these phrases: by identity, else by their patterns.

    Each engine decodes its own pack, so the patterns are the key that lets
    the engines of one process (tests, a language server) share one set.
    """
    hit = _BY_ID.get(id(phrases))
    if hit is not None and hit[0] is phrases:
        return hit[1]
    patterns = tuple(p.pattern.pattern for p in phrases)  # type: ignore[union-attr]
    search = _BY_PATTERNS.get(patterns)
    if search is None:
        if len(_BY_PATTERNS) >= 8:
            _BY_PATTERNS.clear()
        search = _BY_PATTERNS[patterns] = _RegexSearch(phrases)
    if len(_BY_ID) >= 8:
        _BY_ID.clear()
    _BY_ID[id(phrases)] = (phrases, search)  # holding ``phrases`` keeps its id from being reused
    return search


#: Lines a process searches one by one before it builds the set (compiling
#: the built-in pack's set costs what searching about 1,500 lines one by one costs).
_SET_AFTER = 2000
#: RE2's memory budget for a set (the built-in pack needs more than the default 8 MiB, and fits in 32).
_SET_MEMORY = 64 << 20
_BY_ID: dict[int, tuple[list[Phrase], _RegexSearch]] = {}
_BY_PATTERNS: dict[tuple[str, ...], _RegexSearch] = {}


def _strip(folded: str) -> str:
    return folded.strip(_EDGE_CHARS)


def _needs_boundary(char: str) -> bool:
    return char.isalnum() and not _UNSPACED.match(char)


def _is_date_rest(rest: str) -> bool:
    """What follows a timestamp label: a digit and at most five words of letters."""
    return bool(_DIGIT.search(rest)) and len(_LETTER_WORD.findall(_UNSPACED.sub("", rest))) <= 5


# -- parsing and validation ---------------------------------------------------------------


def parse(sources: list[PackSource]) -> PhrasePack:
    """Validate and merge boilerplate packs; later packs override earlier ones.

    Raises:
        PackError: naming the file, the key path and the reason.
    """
    merged: dict[tuple[str, str], Phrase] = {}
    languages: dict[str, Language] = {}
    for source in sources:
        _check_header(source)
        for i, table in enumerate(tables_of(source, "language")):
            lang = _language(source, table, f"language[{i}]")
            languages[lang.code] = lang
        seen: dict[tuple[str, str], Phrase] = {}
        for i, table in enumerate(tables_of(source, "entry")):
            remove, phrases = _entry(source, table, f"entry[{i}]")
            for phrase in phrases:
                k = (phrase.match, phrase.key)
                if k in seen:
                    if seen[k].lang == phrase.lang:  # a repeat, or a variant that folds to it
                        raise PackError(source.path, _key_path(phrase), f"repeats {_key_path(seen[k])}")
                    continue  # the same word in two languages ("Sponsored"): the first entry serves both
                seen[k] = phrase
                if remove:
                    merged.pop(k, None)
                else:
                    merged[k] = phrase
    return PhrasePack(list(merged.values()), languages)


def _key_path(phrase: Phrase) -> str:
    return phrase.where.split(": ", 1)[1]


def _check_header(source: PackSource) -> None:
    if source.schema != SCHEMA:
        raise PackError(
            source.path, "pack.schema", f"unsupported schema {source.schema}; this newslint reads schema {SCHEMA}"
        )
    unknown = sorted(set(source.data) - _TOP_KEYS)
    if unknown:
        raise PackError(source.path, unknown[0], "unknown table; expected [pack], [[language]] or [[entry]]")


def _choice(
    source: PackSource, table: dict[str, Any], name: str, choices: tuple[str, ...], where: str, default: str
) -> str:
    value = field_of(source, table, name, str, where, required=False, default=default)
    if value not in choices:
        raise PackError(source.path, f"{where}.{name}", f"{value!r} is not one of {', '.join(choices)}")
    return str(value)


def _language(source: PackSource, table: dict[str, Any], where: str) -> Language:
    check_keys(source, table, _LANGUAGE_KEYS, where)
    code = field_of(source, table, "code", str, where)
    script = field_of(source, table, "script", str, where)
    if script not in WRITING_SYSTEMS:
        raise PackError(
            source.path,
            f"{where}.script",
            f"unknown writing system {script!r}; expected one of {', '.join(sorted(WRITING_SYSTEMS))}",
        )
    lists = {}
    for name in ("stopwords", "date-words"):
        words = field_of(source, table, name, list, where, required=name == "stopwords", default=[])
        for j, word in enumerate(words):
            if not isinstance(word, str) or not word.strip():
                raise PackError(source.path, f"{where}.{name}[{j}]", f"expected a non-empty string, got {word!r}")
        lists[name] = frozenset(word_key(w) for w in words)
    if not code:
        raise PackError(source.path, f"{where}.code", "must not be empty")
    return Language(code, script, lists["stopwords"], lists["date-words"])


def _entry(source: PackSource, table: dict[str, Any], where: str) -> tuple[bool, list[Phrase]]:
    check_keys(source, table, _ENTRY_KEYS, where)
    lang = field_of(source, table, "lang", str, where)
    field_of(source, table, "role", str, where)
    role = _choice(source, table, "role", ROLES, where, "")
    match = _choice(source, table, "match", MATCHES, where, "line")
    block = field_of(source, table, "opens-block", (bool, str), where, required=False, default=False)
    if isinstance(block, str) and block != "list":
        raise PackError(source.path, f"{where}.opens-block", f'expected true, false or "list", got {block!r}')
    opens_block = "list" if block == "list" else "prose" if block else ""
    certain = field_of(source, table, "certain", bool, where, required=False, default=True)
    max_words = field_of(source, table, "max-words", int, where, required=False, default=_DEFAULT_MAX_WORDS)
    if max_words < 1:
        raise PackError(source.path, f"{where}.max-words", f"must be at least 1, got {max_words}")
    followed_by = _choice(source, table, "followed-by", ("anything", "date"), where, "anything")
    if followed_by == "date" and match != "prefix":
        raise PackError(
            source.path, f"{where}.followed-by", 'only a match = "prefix" entry can require a date after it'
        )
    position = _choice(source, table, "position", ("any", "edge"), where, "any")
    remove = field_of(source, table, "remove", bool, where, required=False, default=False)
    texts = field_of(source, table, "phrases", list, where)
    if not texts:
        raise PackError(source.path, f"{where}.phrases", "must not be empty")
    out = []
    for j, text in enumerate(texts):
        here = f"{where}.phrases[{j}]"
        if not isinstance(text, str) or not key(text).strip(_EDGE_CHARS if match == "line" else ""):
            raise PackError(source.path, here, f"expected a non-empty phrase, got {text!r}")
        pattern = None
        if match == "regex":  # user regexes: compiled on RE2, linear-time whatever the pattern
            pattern = check_pattern(source, here, text)
        out.append(
            Phrase(
                text,
                lang,
                role,
                match,
                opens_block,
                certain,
                max_words,
                followed_by,
                position,
                f"{source.path.name}: {here}",
                pattern,
            )
        )
    return remove, out
