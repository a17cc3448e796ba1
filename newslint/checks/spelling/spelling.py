"""Typos (NL1xx): misspelled words and run-together words, silent on names.

The dictionary is pyspellchecker's English frequency list, the bundled news
word list ``rules/words.txt`` (British spellings and news vocabulary the
frequency list lacks), the config's ``words``, the files named by
``word-lists`` and any pack of kind ``words``. See ``_lexicon.py`` for how it
is cached.

Precision comes first. A word is reported only when it is unknown *and* one
edit (deletion, insertion, substitution or adjacent transposition) from a
known word, or two known words run together with a function word. Names are
left alone: a capitalised word inside a sentence is a name unless it is a
one-off slip of a very common word ("Teh"); a capitalised word at the start
of a sentence is checked only when it is one edit from a common word and is
not used as a name elsewhere in the article.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from newslint import (
    Category,
    ConfigError,
    Context,
    Diagnostic,
    Document,
    Edit,
    PackError,
    PackSource,
    PackUse,
    Rule,
    Severity,
    TokenKind,
    field_of,
    hookimpl,
)
from newslint.checks.spelling.lexicon import LexiconSpec, WordLexicon, spec_for

MISSPELLED_WORD = Rule(
    code="NL101",
    name="misspelled-word",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="Word is not in the dictionary and is one edit from a word that is",
    explanation="""\
## What it does
Flags a word that is in no dictionary newslint knows (pyspellchecker's
English frequency list, the bundled news word list, your `words` and
`word-lists`) and that one edit turns into a known word: a letter dropped,
added, changed, or two neighbouring letters swapped. The suggestion is the
likeliest correction, ranked by how common the word is and how typical the
edit is of typing slips (swapped, doubled or neighbouring-key letters).

Checked: every lower-case word, each part of a hyphenated compound, and the
word before a possessive `'s` or `’s`. Skipped: numbers, ordinals, URLs,
e-mail addresses, @handles, all-capital acronyms, words mixing letters and
digits, words in other scripts or with accents, and words two letters long.

Capitalised words are names unless the evidence says otherwise:
- inside a sentence, a capitalised word is a name, except a one-off slip of
  a very common word ("Teh", "Adn") between lower-case words;
- at the start of a sentence, a capitalised word is checked only when one
  edit turns it into a common word, it is not followed by another
  capitalised word, and the article does not use it as a name elsewhere.

A word with no known word within one edit is probably a name or a foreign
word and is not reported. British and American spellings are both correct.

## Why is this bad?
A typo in published news costs credibility out of all proportion to its
size, and it breaks search, tagging and every dataset built from the text.

## Example
    The party campaigned in hopes of gaiwning more seats.

Use instead:
    The party campaigned in hopes of gaining more seats.

## Known problems
A real word missing from the dictionaries is flagged when it is one edit
from a known word: add it to `words` in your config (or to a file listed in
`word-lists`). A typo that makes another real word ("form" for "from") is
not found. Capitalised typos inside a sentence are taken for names.
""",
)

RUN_TOGETHER_WORDS = Rule(
    code="NL102",
    name="run-together-words",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="Two words written without the space between them",
    explanation="""\
## What it does
Flags an unknown lower-case word that splits into two known words, one of
them a function word such as "the", "also" or "said" ("thehuge",
"alsosaid"). Closed compounds of two content words ("wheatbelt") are not
flagged, since many are legitimate.

## Why is this bad?
A lost space is a common slip when editing in a CMS. The joined word is
invisible to search and reads as a typo.

## Example
    Officials alsosaid the bridge would reopen.

Use instead:
    Officials also said the bridge would reopen.

## Known problems
Only splits next to a function word are reported, so "defunctoperator" is
missed.
""",
)

RULES = [MISSPELLED_WORD, RUN_TOGETHER_WORDS]

#: Words that do not form closed compounds, so "the" + word with no space is a slip.
_JOINERS = frozenset(
    """the and of to was were is are has had have been also said says that this these those
    which who whom whose their they them there would could should will not with from than
    then when where while about after before between into its his her our your""".split()
)
#: A capitalised word at the start of a sentence is checked only against words this common.
_COMMON_FREQUENCY = 1000
_SHORTEST_WORD = 3
#: Two-edit corrections are offered only for words at least this long.
_SHORTEST_DISTANCE2 = 6
#: Keyboard neighbours (QWERTY) for ranking substitutions and insertions.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {
    c: {
        _ROWS[r2][c2]
        for r2 in range(3)
        for c2 in range(len(_ROWS[r2]))
        if abs(r2 - r) <= 1 and abs(c2 - c) <= 1 and (r2, c2) != (r, c)
    }
    for r, row in enumerate(_ROWS)
    for c, ch in enumerate(row)
}
_VOWELS = frozenset("aeiou")
#: Prefixes that stand before a hyphen ("pre-season", "mid-term") or join a word ("undocked").
_PREFIXES = frozenset(
    """pre post non anti co re ex mid multi semi sub inter intra pro bi tri de un dis mis self neo
    pan quasi ultra mega micro mini macro geo eco cyber counter over under out cross vice""".split()
)
#: A derived form ("undocked", "bushfires") is accepted only when its base is at least this frequent.
_DERIVED_BASE_FREQUENCY = 100
_ES_PLURAL = ("s", "x", "z", "ch", "sh", "o")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
_HYPHENS = frozenset("-\u2010\u2011")


class _Unknown(NamedTuple):
    """An unknown part of a word token, before context decides whether it is a typo."""

    offset: int  # code points from the token's start
    text: str  # as written
    lower: str  # lower case, apostrophes folded
    capitalised: bool
    head: bool  # the first part of the token


@dataclass
class Speller:
    """The run's spelling state on ``ctx``: pickles as its spec alone.

    Args:
        spec: What the lexicon is built from.
    """

    spec: LexiconSpec
    _analysed: dict[str, tuple[_Unknown, ...]] = field(default_factory=dict, repr=False)
    _corrections: dict[str, str | None] = field(default_factory=dict, repr=False)
    _lexicon: WordLexicon | None = field(default=None, repr=False)

    def __getstate__(self) -> dict[str, object]:
        return {"spec": self.spec}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["spec"])  # type: ignore[misc, arg-type]

    @property
    def lexicon(self) -> WordLexicon:
        if self._lexicon is None:
            self._lexicon = self.spec.get()
        return self._lexicon

    def analyse(self, text: str) -> tuple[_Unknown, ...]:
        """The unknown parts of a word token (memoised per distinct token text)."""
        found = self._analysed.get(text)
        if found is None:
            found = self._analysed[text] = tuple(self._unknown_parts(text))
        return found

    def _unknown_parts(self, text: str) -> Iterator[_Unknown]:
        freq = self.lexicon.freq
        if text.lower() in freq:
            return
        offset = 0
        pieces = _split_hyphens(text)
        for index, piece in enumerate(pieces):
            part = _strip_possessive(piece) if index == len(pieces) - 1 else piece
            start = offset
            offset += len(piece) + 1
            if len(part) < _SHORTEST_WORD or not part.isascii():
                continue  # short, accented or another script: not ours to judge
            folded = part.translate(_APOSTROPHES)
            lower = folded.lower()
            if lower in freq or (index < len(pieces) - 1 and lower in _PREFIXES) or self._derived(lower):
                continue
            rest = folded[1:]
            if any(c.isupper() for c in rest):
                continue  # acronym part or mixed case: "US-led", "McDonald", "iPhone"
            if not folded.replace("'", "").isalpha():
                continue
            if "'" in lower:
                continue  # a known contraction ("that'll"), or "O'Brien", "d'Ivoire": names, too ambiguous
            yield _Unknown(start, part, lower, folded[0].isupper(), index == 0)

    def _derived(self, lower: str) -> bool:
        """A plural or prefixed form of a known word ("bushfires", "undocked") that is no likelier a typo.

        The form is accepted only when no word one edit away is more frequent
        than its base: "prediced" is "pre" + "diced", but "predicted" wins.
        """
        freq = self.lexicon.freq
        base = ""
        if lower.endswith("es") and lower[:-2].endswith(_ES_PLURAL) and len(lower) >= 6:
            base = lower[:-2]
        elif lower.endswith("s") and not lower[:-1].endswith(("s", "x", "z", "sh")) and len(lower) >= 5:
            base = lower[:-1]
        if freq.get(base, 0) < _DERIVED_BASE_FREQUENCY:
            base = next(
                (
                    lower[cut:]
                    for cut in range(2, min(len(lower) - 4, 8))
                    if lower[:cut] in _PREFIXES and freq.get(lower[cut:], 0) >= _DERIVED_BASE_FREQUENCY
                ),
                "",
            )
        if not base:
            return False
        rival = self.correction(lower)
        return rival is None or rival == base or freq[rival] <= freq[base]

    def correction(self, lower: str) -> str | None:
        """The best known word one edit from ``lower``, or ``None`` (memoised)."""
        if lower in self._corrections:
            return self._corrections[lower]
        candidates = self.lexicon.corrections1(lower)
        best = max(candidates, key=lambda c: _score(lower, c, self.lexicon.frequency(c)), default=None)
        self._corrections[lower] = best
        return best

    def correction2(self, lower: str) -> str | None:
        """The most frequent common word two edits from ``lower`` (bounded search), or ``None``."""
        key = "\x002" + lower
        if key not in self._corrections:
            found = self.lexicon.corrections2(lower) if len(lower) >= _SHORTEST_DISTANCE2 else []
            self._corrections[key] = found[0] if found else None
        return self._corrections[key]


def _split_hyphens(text: str) -> list[str]:
    if not any(c in _HYPHENS for c in text):
        return [text]
    out, current = [], []
    for c in text:
        if c in _HYPHENS:
            out.append("".join(current))
            current = []
        else:
            current.append(c)
    out.append("".join(current))
    return out


def _strip_possessive(text: str) -> str:
    if len(text) > 2 and text[-1] in "sS" and text[-2] in "'\u2019\u02bc":
        return text[:-2]
    return text


def _edit_bonus(typed: str, word: str) -> float:
    """How typical of a typing slip the single edit from ``word`` to ``typed`` is."""
    if len(typed) == len(word):
        diffs = [i for i, (a, b) in enumerate(zip(typed, word)) if a != b]
        if len(diffs) == 2:
            return 1.0  # adjacent transposition
        a, b = typed[diffs[0]], word[diffs[0]]
        if b in _NEIGHBOURS.get(a, ()):
            return 0.6
        if a in _VOWELS and b in _VOWELS:
            return 0.5
        return 0.0
    longer, shorter = (typed, word) if len(typed) > len(word) else (word, typed)
    i = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    letter = longer[i]
    if (i > 0 and longer[i - 1] == letter) or (i + 1 < len(longer) and longer[i + 1] == letter):
        return 1.0  # doubled or undoubled letter
    around = {longer[i - 1] if i > 0 else "", longer[i + 1] if i + 1 < len(longer) else ""}
    if around & _NEIGHBOURS.get(letter, set()):
        return 0.6  # an extra (or lost) neighbouring key
    return 0.2 if letter in _VOWELS else 0.0


def _score(typed: str, word: str, frequency: int) -> float:
    return math.log10(max(frequency, 1)) + _edit_bonus(typed, word)


def _match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


# -- configuration ------------------------------------------------------------------------


def _parse_word_packs(sources: list[PackSource]) -> tuple[str, ...]:
    """Accepted words from packs of kind ``words``: ``words = ["...", ...]``."""
    out: list[str] = []
    for source in sources:
        words = field_of(source, source.data, "words", list, "", required=False, default=[])
        for i, word in enumerate(words):
            if not isinstance(word, str) or not word.strip():
                raise PackError(source.path, f"words[{i}]", f"expected a non-empty string, got {word!r}")
            out.append(word.strip())
    return tuple(out)


def _speller(ctx: Context) -> Speller:
    def build(_sources: list[PackSource]) -> Speller:
        words = [*ctx.options["words"], *ctx.packs["words"]]
        paths = [ctx.config.resolve_path(p) for p in ctx.options["word-lists"]]
        try:
            spec = spec_for(ctx.packs.bundled_file("words.txt"), words, paths)
        except (OSError, UnicodeDecodeError) as exc:
            name = getattr(exc, "filename", None) or "a word list"
            raise ConfigError(f"word-lists: cannot read {name}: {getattr(exc, 'strerror', None) or exc}") from None
        return Speller(spec)

    return ctx.packs.load("spelling", build)


# -- hooks ----------------------------------------------------------------------------------


@hookimpl
def newslint_rules() -> list[Rule]:
    return RULES


@hookimpl
def newslint_packs() -> list[PackUse]:
    return [PackUse("words", _parse_word_packs)]


@hookimpl
def newslint_configure(ctx: Context) -> None:
    _ = _speller(ctx).lexicon  # build (or read from the cache) the dictionary before any document


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    return [d for d in typos(doc, _speller(ctx)) if ctx.is_enabled(d.code)]


# -- the check --------------------------------------------------------------------------------


def typos(doc: Document, speller: Speller) -> Iterator[Diagnostic]:
    """Yield NL101/NL102 diagnostics for ``doc``."""
    memo = speller._analysed  # the hot loop: one dict lookup per token, no index kept
    word = TokenKind.WORD
    context: _DocContext | None = None
    for tok in doc.tokens:
        if tok.kind is not word:
            continue
        unknown = memo.get(tok.text)
        if unknown is None:
            unknown = speller.analyse(tok.text)
        if not unknown:
            continue
        if context is None:
            context = _DocContext(doc)
        index = bisect.bisect_left(context.starts, tok.start)
        for part in unknown:
            diag = _judge(doc, speller, context, index, part)
            if diag is not None:
                yield diag
            if part.head and part.capitalised:
                break  # an unknown capitalised head makes the compound a name: "Jae-myung"


class _DocContext:
    """What the name heuristics need from the whole article, computed on first use."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = [t.start for t in doc.tokens]

    @property
    def counts(self) -> Counter[str]:
        if not hasattr(self, "_counts"):
            self._counts = Counter(t.text.lower() for t in self.doc.tokens if t.kind is TokenKind.WORD)
        return self._counts

    @property
    def names(self) -> frozenset[str]:
        """Lower-cased capitalised words used inside a sentence: names, by the article's own usage."""
        if not hasattr(self, "_names"):
            initial = self.doc.sentence_initial
            self._names = frozenset(
                _strip_possessive(t.text).lower()
                for t in self.doc.tokens
                if t.text[:1].isupper() and t.start not in initial and t.kind is TokenKind.WORD
            )
        return self._names

    def neighbour_is_capitalised(self, index: int, step: int) -> bool:
        """Whether the word before (``step=-1``) or after (``+1``) is capitalised, in the same phrase.

        Only white space may separate the two ("Teh Hong Piow"); after a comma
        or a full stop ("However, Mr Howard") the neighbour is not part of a name.
        """
        tokens = self.doc.tokens
        j = index + step
        if not 0 <= j < len(tokens):
            return False
        tok = tokens[j]
        left, right = (tok, tokens[index]) if step < 0 else (tokens[index], tok)
        if self.doc.text[left.end : right.start].strip():
            return False
        if tok.kind not in (TokenKind.WORD, TokenKind.ACRONYM):
            return False
        if step < 0 and self.doc.is_sentence_start(tok):
            return False  # "In Teh end": the capital is the sentence's
        return tok.text[:1].isupper()


def _judge(doc: Document, speller: Speller, context: _DocContext, index: int, part: _Unknown) -> Diagnostic | None:
    tok = doc.tokens[index]
    start = tok.start + part.offset
    end = start + len(part.text)
    if not part.capitalised:
        return _lowercase(doc, speller, part, start, end)
    if not part.head:
        return None  # "anti-American", "Japan-China": names inside a compound
    if doc.is_sentence_start(tok):
        return _sentence_initial(doc, speller, context, index, part, start, end)
    return _slip(doc, speller, context, index, part, start, end)


def _lowercase(doc: Document, speller: Speller, part: _Unknown, start: int, end: int) -> Diagnostic | None:
    best = speller.correction(part.lower)
    if best is not None:
        return _misspelled(doc, part, best, start, end)
    split = speller.lexicon.split(part.lower, _JOINERS)
    if split is not None:
        fixed = " ".join(split)
        return doc.diagnostic(
            RUN_TOGETHER_WORDS,
            start,
            end,
            f'"{part.text}" runs two words together: "{split[0]}" and "{split[1]}"',
            suggestion=f'Use "{fixed}"',
            unsafe_fix=[Edit(start, end, fixed)],
        )
    best = speller.correction2(part.lower)
    if best is not None:
        return _misspelled(doc, part, best, start, end, edits=2)
    return None


def _sentence_initial(
    doc: Document, speller: Speller, context: _DocContext, index: int, part: _Unknown, start: int, end: int
) -> Diagnostic | None:
    if part.lower in context.names or context.neighbour_is_capitalised(index, +1):
        return None
    best = speller.correction(part.lower)
    if best is None or speller.lexicon.frequency(best) < _COMMON_FREQUENCY:
        return None
    return _misspelled(doc, part, best, start, end)


def _slip(
    doc: Document, speller: Speller, context: _DocContext, index: int, part: _Unknown, start: int, end: int
) -> Diagnostic | None:
    """The one exception to "capitalised inside a sentence is a name": "Teh"."""
    intended = speller.lexicon.slip(part.lower)
    if intended is None or context.counts[doc.tokens[index].text.lower()] > 1:
        return None
    if context.neighbour_is_capitalised(index, -1) or context.neighbour_is_capitalised(index, +1):
        return None
    return _misspelled(doc, part, intended, start, end)


def _misspelled(doc: Document, part: _Unknown, best: str, start: int, end: int, edits: int = 1) -> Diagnostic:
    fixed = _match_case(best, part.text)
    return doc.diagnostic(
        MISSPELLED_WORD,
        start,
        end,
        f'Unknown word "{part.text}", {"one edit" if edits == 1 else "two edits"} from "{fixed}"',
        suggestion=f'Use "{fixed}"',
        unsafe_fix=[Edit(start, end, fixed)],
    )
