"""The parsed article every rule shares: lines, paragraphs, sentences, tokens.

A ``Document`` is built once per input and handed to every rule. Rules never
re-split the text; when a rule needs a new view of the text, it belongs here,
computed lazily and cached. Offsets are indexes into ``text`` (code points,
BOM removed); positions are 1-based ``(line, column)`` in code points.
"""

from __future__ import annotations

import bisect
import enum
import functools
import operator
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count, islice, repeat
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast, overload

from newslint.model.diagnostic import Diagnostic, Edit, Rule, Severity
from newslint.model.fingerprint import anchor
from newslint.text.lazy_re import lazy_compile
from newslint.text.normalize import fold, is_blank

if TYPE_CHECKING:
    from newslint.model.line_roles import LineRoles

__all__ = [
    "DecodeError",
    "Document",
    "Line",
    "Paragraph",
    "Quotation",
    "Sentence",
    "Token",
    "TokenKind",
    "TokenTable",
    "decode",
]

_UTF8_BOM = b"\xef\xbb\xbf"
T = TypeVar("T")


class DecodeError(ValueError):
    """The bytes are not UTF-8; ``byte`` is the 0-based offset of the first bad byte."""

    def __init__(self, byte: int, reason: str) -> None:
        super().__init__(f"not valid UTF-8 at byte {byte}: {reason}")
        self.byte = byte
        self.reason = reason


_SURROGATE = lazy_compile("[\ud800-\udfff]")


def utf16_without_bom(data: bytes, sniff: int = 8192) -> str | None:
    """``"little-endian"`` or ``"big-endian"`` when ``data`` reads as UTF-16 text with no BOM, else ``None``.

    Text in a Latin, Greek or Cyrillic script saved as UTF-16 has a NUL in
    nearly every other byte (the high byte of each code unit), and UTF-8 text
    has none: at least 40% of the code units of the leading bytes must have a
    NUL high byte, and none a NUL low byte. A binary file fails one or the other.
    """
    head = data[: sniff - sniff % 2]
    units = len(head) // 2
    if units < 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.4 * units and even == 0:
        return "little-endian"
    if even >= 0.4 * units and odd == 0:
        return "big-endian"
    return None


def decode(data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (with or without BOM); return ``(text, had_bom)``.

    Raises:
        DecodeError: for UTF-16 (named as such) or any invalid UTF-8 sequence.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError(0, "the file starts with a UTF-16 byte-order mark; save it as UTF-8")
    order = utf16_without_bom(data)
    if order:
        raise DecodeError(0, f"the file looks like UTF-16 ({order}) without a byte-order mark; save it as UTF-8")
    bom = data.startswith(_UTF8_BOM)
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        raise DecodeError(exc.start + (3 if bom else 0), exc.reason) from None


class Line(NamedTuple):
    """One physical line; ``end`` excludes the line terminator."""

    number: int
    start: int
    end: int
    terminator: str


@dataclass(frozen=True, order=True, slots=True)  # not a NamedTuple: its ``index`` would shadow tuple.index
class Paragraph:
    """A paragraph: a line of its own, or a hard-wrapped block between blank lines."""

    index: int
    start: int
    end: int
    line: int
    end_line: int


@dataclass(frozen=True, order=True, slots=True)  # not a NamedTuple: its ``index`` would shadow tuple.index
class Sentence:
    """A sentence inside one paragraph; ``paragraph`` indexes ``Document.paragraphs``."""

    index: int
    start: int
    end: int
    paragraph: int


class Quotation(NamedTuple):
    """Quoted text inside one paragraph, marks included.

    ``start`` is the opening mark, or the paragraph start when a closing mark
    has no opener (``opened`` False); ``end`` is after the closing mark, or the
    paragraph end when the quotation is left open (``closed`` False).
    ``continued`` is True for an open quotation whose next paragraph starts with
    an opening mark: the convention for a quotation running over paragraphs.
    ``mark`` is ``'"'`` for double quotes (straight or curly), ``"'"`` for single.
    """

    start: int
    end: int
    paragraph: int
    mark: str
    opened: bool
    closed: bool
    continued: bool = False


class TokenKind(str, enum.Enum):
    """What a token is, so a rule can skip what it has no business checking."""

    WORD = "word"  # letters, maybe with internal apostrophes or hyphens
    ACRONYM = "acronym"  # APEC, NHK, U.S.
    NUMBER = "number"  # 1,300  2.5  19:58  1910-1945
    ORDINAL = "ordinal"  # 7th  21st
    MIXED = "mixed"  # G20  COVID-19  3D
    URL = "url"
    EMAIL = "email"
    HANDLE = "handle"  # @nhk_news


class Token(NamedTuple):
    """A token with its span; ``text == doc.text[start:end]``."""

    text: str
    start: int
    end: int
    kind: TokenKind

    @property
    def stem(self) -> str:
        """The word without a possessive ``'s`` / ``’s``."""
        if len(self.text) > 2 and self.text[-1] in "sS" and self.text[-2] in "'\u2019":
            return self.text[:-2]
        return self.text

    @property
    def parts(self) -> list[tuple[str, int, int]]:
        """The parts of a hyphenated compound as ``(text, start, end)``; one part otherwise."""
        out: list[tuple[str, int, int]] = []
        pos = self.start
        for piece in _HYPHEN_SPLIT.split(self.text):
            out.append((piece, pos, pos + len(piece)))
            pos += len(piece) + 1
        return out

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


# The combining marks that \w misses (Latin, Hebrew, Arabic, Indic).
_MARKS = (
    r"\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    r"\u0670\u06d6-\u06ed\u0900-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
# Letters and those marks.
_W = rf"(?:[^\W\d_]|[{_MARKS}])"
_ALNUM = rf"(?:{_W}|\d)"
# One token, first alternative that matches wins. Order matters: URLs and
# e-mail addresses before words, dotted acronyms before single letters.
_TOKEN = lazy_compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"\u201c\u201d]*[^\s<>"\u201c\u201d.,;:!?)\]'\u2019])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<handle>(?<![\w@])@\w{{1,30}})
  | (?P<dotted>(?<!\w)(?:[A-Z]\.){{2,}}(?![\w]))
  | (?P<alnum>{_ALNUM}+(?:(?:['\u2019\u02bc\-\u2010\u2011]|(?<=\d)[.,:](?=\d)){_ALNUM}+)*)
    """,
    re.VERBOSE,
)
_JOINER = r"(?:['\u2019\u02bc\-\u2010\u2011]|(?<=\d)[.,:](?=\d))"
_HAS_MARK = lazy_compile(f"[{_MARKS}]")


@functools.cache
def _token_pattern(has_at: bool, has_url: bool, has_marks: bool) -> re.Pattern[str]:
    """``_TOKEN``, or a faster equivalent for text without ``@``, URLs or combining marks.

    Without ``@`` no e-mail or handle can match, and every remaining token
    starts with a letter, digit or mark, so a lookahead lets the engine skip
    spaces and punctuation quickly. Without marks, ``(?:[^\\W\\d_]|\\d)`` is
    the single class ``[^\\W_]``. Each variant finds exactly what ``_TOKEN`` does.
    """
    if has_at:
        return _TOKEN
    alnum = rf"(?:[^\W_]|[{_MARKS}])" if has_marks else r"[^\W_]"
    gate = rf"(?=[^\W_]|[{_MARKS}])" if has_marks else r"(?=[^\W_])"
    url = r"(?P<url>(?:https?://|www\.)[^\s<>\"\u201c\u201d]*[^\s<>\"\u201c\u201d.,;:!?)\]'\u2019])|" if has_url else ""
    return re.compile(
        rf"{gate}(?:{url}(?P<dotted>(?<!\w)(?:[A-Z]\.){{2,}}(?![\w]))|(?P<alnum>{alnum}+(?:{_JOINER}{alnum}+)*))"
    )


_HYPHEN_SPLIT = lazy_compile("[\\-\u2010\u2011]")
_ORDINAL = lazy_compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_NUMERIC = lazy_compile(r"^[\d.,:\-\u2010\u2011]+$")


def _classify(text: str) -> TokenKind:
    if text.isalpha():  # most tokens: letters only, so no number, ordinal or mixed
        if len(text) >= 2 and text.isupper() and all(map(str.isupper, text)):
            return TokenKind.ACRONYM
        return TokenKind.WORD
    if _NUMERIC.match(text):
        return TokenKind.NUMBER
    if _ORDINAL.match(text):
        return TokenKind.ORDINAL
    if any(c.isdigit() for c in text):
        return TokenKind.MIXED
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and text[-2:] not in ("'S", "’S"):
        return TokenKind.ACRONYM
    return TokenKind.WORD


# ``_classify`` of each word seen, shared by documents: most words recur. Cleared when full.
_KIND_OF: dict[str, TokenKind] = {}
_KIND_CACHE_SIZE = 200_000


class TokenTable(NamedTuple):
    """The tokens of a document as parallel columns: token ``i`` is
    ``texts[i]``, ``starts[i]``, ``ends[i]``, ``kinds[i]``.

    Equal texts share one string object, so a word repeated a thousand times
    is stored once; ``starts`` and ``ends`` are ``array('i')`` (``'q'`` for
    text longer than 2**31 code points).
    """

    texts: list[str]
    starts: Sequence[int]
    ends: Sequence[int]
    kinds: list[TokenKind]

    def __len__(self) -> int:  # type: ignore[override]
        return len(self.texts)


class TokenView(Sequence[Token]):
    """The tokens of a ``TokenTable`` as ``Token`` tuples, each built when read.

    ``view[i]`` is one ``Token``; ``view[i:j]`` is a new list of them
    (built in C, from the columns); iterating builds them one at a time.
    """

    __slots__ = ("_table",)

    def __init__(self, table: TokenTable) -> None:
        self._table = table

    def __len__(self) -> int:
        return len(self._table.texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        t = self._table
        if isinstance(i, slice):
            return list(map(tuple.__new__, repeat(Token), zip(t.texts[i], t.starts[i], t.ends[i], t.kinds[i])))
        return tuple.__new__(Token, (t.texts[i], t.starts[i], t.ends[i], t.kinds[i]))

    def __iter__(self) -> Iterator[Token]:
        t = self._table
        return map(tuple.__new__, repeat(Token), zip(t.texts, t.starts, t.ends, t.kinds))


class LineView(Sequence[Line]):
    """A document's lines as columns, each ``Line`` built when read.

    The start and end offsets are ``array('i')`` (``'q'`` for text longer
    than 2**31 code points) and each terminator one byte, an index into the
    few terminators the text uses: 9 bytes a line, where a ``Line`` tuple and
    its numbers took about 150 (2 bytes per character of news text).
    ``view[i]`` is one ``Line``, ``view[i:j]`` a list of them; a view equals
    the list of its lines.
    """

    __slots__ = ("_names", "codes", "ends", "starts")

    def __init__(self, starts: array[int], ends: array[int], codes: bytearray, names: Sequence[str]) -> None:
        self.starts = starts
        self.ends = ends
        self.codes = codes
        self._names = tuple(names)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Line: ...

    @overload
    def __getitem__(self, i: slice) -> list[Line]: ...

    def __getitem__(self, i: int | slice) -> Line | list[Line]:
        if isinstance(i, slice):
            numbers = range(1, len(self.starts) + 1)[i]
            terms = map(self._names.__getitem__, self.codes[i])
            return list(map(tuple.__new__, repeat(Line), zip(numbers, self.starts[i], self.ends[i], terms)))
        start = self.starts[i]  # IndexError past either end
        if i < 0:
            i += len(self.starts)
        return tuple.__new__(Line, (i + 1, start, self.ends[i], self._names[self.codes[i]]))

    def __iter__(self) -> Iterator[Line]:
        terms = map(self._names.__getitem__, self.codes)
        return map(tuple.__new__, repeat(Line), zip(count(1), self.starts, self.ends, terms))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineView | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


_CHUNK = 50_000  # matches held at once while tokenizing: bounds the transient memory
_GROUP_KIND = {"url": TokenKind.URL, "email": TokenKind.EMAIL, "handle": TokenKind.HANDLE, "dotted": TokenKind.ACRONYM}


def _tokenize(source: str) -> TokenTable:
    """The token columns of ``source``: the matches are read column by column
    (``map`` over the match objects, in C); only a text never seen before
    needs Python code, to classify it."""
    pattern = _token_pattern("@" in source, "http" in source or "www." in source, _HAS_MARK.search(source) is not None)
    kinds_of = _KIND_OF
    if len(kinds_of) > _KIND_CACHE_SIZE:
        kinds_of.clear()
    code = "q" if len(source) >= 2**31 else "i"
    texts: list[str] = []
    starts = array(code)
    ends = array(code)
    kinds: list[TokenKind] = []
    shared: dict[str, str] = {}
    matches = pattern.finditer(source)
    while True:
        chunk = list(islice(matches, _CHUNK))
        if not chunk:
            break
        groups = list(map(_GROUP, chunk))
        words = list(map(shared.setdefault, groups, groups))  # one string object per distinct text
        del groups
        found = list(map(kinds_of.get, words))
        for i in compress(range(len(found)), map(operator.is_, found, repeat(None))):
            text = words[i]
            group = chunk[i].lastgroup
            if group == "alnum":
                found[i] = kinds_of[text] = _classify(text)
            else:  # never cached: the text of a URL, address, handle or dotted acronym is its own kind
                found[i] = _GROUP_KIND[group]  # type: ignore[index]
        texts += words
        kinds += cast("list[TokenKind]", found)  # every None was filled in above
        starts.extend(map(_START, chunk))
        ends.extend(map(_END, chunk))
    return TokenTable(texts, starts, ends, kinds)


_GROUP = re.Match.group
_START = re.Match.start
_END = re.Match.end

_LINE_BREAK = lazy_compile(r"\r\n|\r|\n")
# Characters str.splitlines() breaks at besides \r and \n; lines here do not end at them.
_OTHER_BREAKS = lazy_compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

# Where a sentence may end: terminal punctuation, closing quotes or brackets,
# then space. Full-width terminators need no space after them.
# Written to start with one character class, so the regex engine skips to the
# next terminator at C speed; the lookbehinds pick the Western or full-width branch.
_SENTENCE_END = lazy_compile(
    r"""[.!?\u2026\u3002\uff01\uff1f\u061f\u06d4]"""
    r"""(?:(?<=[.!?\u2026])[.!?\u2026]*["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[^\s\w]*\w)"""
    r"""|(?<=[\u3002\uff01\uff1f\u061f\u06d4])[\u3002\uff01\uff1f\u061f\u06d4]*)"""
)
# Abbreviations after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "gov",
        "sen",
        "rep",
        "rev",
        "fr",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "corp",
        "ltd",
        "co",
        "jr",
        "sr",
        "mt",
        "ft",
        "pres",
        "dept",
        "univ",
        "est",
        "approx",
        "fig",
        "vol",
        "pp",
        "ed",
        "eds",
        "al",
        "cf",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)
_RUN = lazy_compile(r"[\w.]+")
_WORD_WINDOW = 40  # longer than any abbreviation

# Double quotation marks: straight, and curly opening and closing.
_DOUBLE_MARK = lazy_compile('["\u201c\u201d]')
# Single quotation marks that can open (after a space or bracket, before a word
# character) or close a quotation (after a word or punctuation, before a space,
# punctuation or the end). Apostrophes inside words match neither.
_SINGLE_OPEN = lazy_compile(r"(?:^|(?<=[\s(\[\u2014\u2013\"\u201c]))['\u2018](?=\w)")
_SINGLE_CLOSE = lazy_compile(r"(?<=[\w.,!?\u2026])['\u2019](?=[\s.,;:!?)\]\u2014\u2013\"\u201d]|$)")


def _sentence_ends_before(chunk: str, i: int) -> bool:
    """Whether ``chunk[:i]`` ends with a sentence end, closing marks, then whitespace.

    The regex ``[.!?…]["'”’)]*\\s+$`` read backwards from ``i``: searching for
    it from the paragraph start cost a pass over the paragraph per quotation
    mark (minutes on a 50 MB line).
    """
    j = i
    while j > 0 and chunk[j - 1].isspace():
        j -= 1
    if j == i:
        return False
    while j > 0 and chunk[j - 1] in "\"'\u201d\u2019)":
        j -= 1
    return j > 0 and chunk[j - 1] in ".!?\u2026"


# What may stand before a straight double quote that opens: start, space, bracket, dash.
_OPENS_AFTER = " \t\u00a0([{\u2014\u2013-/"
# Hard-wrapped blocks: most lines of similar width, the widest no more than this.
_WRAP_MAX_WIDTH = 100


class Document:
    """A decoded article, with every view rules need built on first use.

    Args:
        text: The decoded text, without BOM.
        path: The path shown in diagnostics ("-" or ``--stdin-filename`` for stdin).
        bom: Whether the bytes started with a UTF-8 BOM (kept by ``--fix``).
        meta: Front-matter or dataset fields (``date``, ``id``...), if any.
        source: The file's own text when ``text`` is a masked copy of it (Markdown,
            suppression comments: see ``Document.parse``); ``text`` itself otherwise.
        masked: The spans of ``source`` replaced by spaces in ``text``, sorted.

    A lone surrogate (``\\ud800``: possible in JSON text and from editors, never in
    UTF-8 bytes) cannot be encoded, fingerprinted or printed; each is replaced
    with U+FFFD, and ``surrogates`` keeps their offsets for NL001.
    """

    def __init__(
        self,
        text: str,
        path: str = "-",
        *,
        bom: bool = False,
        meta: Mapping[str, str] | None = None,
        source: str | None = None,
        masked: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.surrogates: tuple[int, ...] = ()
        if not text.isascii() and _SURROGATE.search(text) is not None:
            self.surrogates = tuple(m.start() for m in _SURROGATE.finditer(text))
            text = _SURROGATE.sub("\ufffd", text)
        self.text = text
        self.source = text if source is None else source
        self.masked: Sequence[tuple[int, int]] = masked
        self.path = path
        self.bom = bom
        self.meta: Mapping[str, str] = dict(meta or {})
        self._memo: dict[str, object] = {}

    @classmethod
    def from_bytes(cls, data: bytes, path: str, meta: Mapping[str, str] | None = None) -> Document:
        """Decode ``data`` as UTF-8; raises ``DecodeError`` when it is not."""
        text, bom = decode(data)
        return cls.parse(text, path, bom=bom, meta=meta)

    @classmethod
    def parse(
        cls, source: str, path: str = "-", *, bom: bool = False, meta: Mapping[str, str] | None = None
    ) -> Document:
        """The document for a file's text: what is not prose masked to spaces.

        ``.md``/``.markdown`` files lose code, HTML, URLs, link targets and
        front matter (``newslint.model.markdown``); every file loses its
        ``newslint-`` suppression comments (``newslint.run.suppressions``).
        Offsets are the same in ``text`` and ``source``; fixes edit ``source``.
        Markdown adds the front matter's ``title`` and ``date`` to ``meta``, and
        ``markdown.code`` / ``markdown.front_matter_end`` (spans the suppression
        comments must skip).
        """
        from newslint.model.markdown import is_markdown, mask_markdown
        from newslint.run.suppressions import mask_directives

        text = source
        spans: list[tuple[int, int]] = []
        merged = dict(meta or {})
        if is_markdown(path):
            view = mask_markdown(source)
            text, spans = view.text, list(view.spans)
            for key, value in view.meta.items():
                merged.setdefault(key, value)
        text, more = mask_directives(text)
        if not spans and not more:
            return cls(source, path, bom=bom, meta=merged)
        spans = sorted(spans + more)
        return cls(text, path, bom=bom, meta=merged, source=source, masked=spans)

    def is_masked(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a masked span (markup, code, a suppression comment)."""
        if not self.masked:
            return False
        i = bisect.bisect_right(self.masked, (start, len(self.text) + 1)) - 1
        if i >= 0 and self.masked[i][1] > start:
            return True
        return i + 1 < len(self.masked) and self.masked[i + 1][0] < max(end, start + 1)

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """A value derived from this document, computed once and shared by hooks.

        For views that depend on run data (a pack) or that one rule family
        computes and others reuse: the article date, the name mentions that a
        plugin's ``newslint_check`` and ``newslint_extract`` both need. Use a
        key your plugin owns (``"names.mentions"``); a view every rule needs
        belongs here as a cached property instead.
        """
        if key not in self._memo:
            self._memo[key] = factory()
        return cast(T, self._memo[key])  # the key's owner stored a T

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.text)} code points)"

    # -- lines and positions ------------------------------------------------

    @cached_property
    def lines(self) -> LineView:
        """Physical lines, split at ``\\r\\n``, ``\\r`` and ``\\n`` as editors do."""
        text = self.text
        code = "q" if len(text) >= 2**31 else "i"
        starts = array(code)
        ends = array(code)
        codes = bytearray()
        names = {"": 0, "\n": 1, "\r\n": 2, "\r": 3}
        pos = 0
        if _OTHER_BREAKS.search(text) is not None:  # str.splitlines would split at these too
            for m in _LINE_BREAK.finditer(text):
                starts.append(pos)
                ends.append(m.start())
                codes.append(names.setdefault(m.group(), len(names)))
                pos = m.end()
        else:
            for piece in text.splitlines(True):
                size = len(piece)
                if piece[-1] == "\n":
                    term = 2 if size > 1 and piece[-2] == "\r" else 1
                elif piece[-1] == "\r":
                    term = 3
                else:  # the last line, without a terminator
                    starts.append(pos)
                    ends.append(pos + size)
                    codes.append(0)
                    return LineView(starts, ends, codes, list(names))
                starts.append(pos)
                ends.append(pos + size - (2 if term == 2 else 1))
                codes.append(term)
                pos += size
        starts.append(pos)
        ends.append(len(text))
        codes.append(0)
        return LineView(starts, ends, codes, list(names))

    @property
    def _line_starts(self) -> Sequence[int]:
        return self.lines.starts

    def line_text(self, number: int) -> str:
        """The text of 1-based line ``number`` without its terminator."""
        line = self.lines[number - 1]
        return self.text[line.start : line.end]

    def iter_lines(self) -> Iterator[tuple[Line, str]]:
        """Each line with its text, for line-oriented rules."""
        for line in self.lines:
            yield line, self.text[line.start : line.end]

    def position(self, offset: int) -> tuple[int, int]:
        """Map an offset to a 1-based ``(line, column)`` in code points."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        line = self.lines[index]
        # An offset inside a "\r\n" terminator belongs to the end of its line.
        return line.number, min(offset, line.end) - line.start + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of ``position`` for positions inside the text."""
        info = self.lines[line - 1]
        return min(info.start + column - 1, info.end)

    # -- paragraphs, sentences, tokens -----------------------------------------

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs in order.

        Blank lines separate blocks. A block whose lines look hard-wrapped (every
        line but the last of similar, modest width) is one paragraph; otherwise
        each line is a paragraph of its own, as in most scraped news text.
        """
        out: list[Paragraph] = []
        block: list[Line] = []

        def flush() -> None:
            if not block:
                return
            if _is_hard_wrapped([line.end - line.start for line in block]):
                groups = [block]
            else:
                groups = [[line] for line in block]
            for group in groups:
                out.append(Paragraph(len(out), group[0].start, group[-1].end, group[0].number, group[-1].number))
            block.clear()

        for line in self.lines:
            if is_blank(self.text[line.start : line.end]):
                flush()
            else:
                block.append(line)
        flush()
        return out

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without leading and trailing whitespace."""
        return _trim(self.text, start, end)

    @cached_property
    def paragraph_fingerprints(self) -> list[str]:
        """``fold``-ed text of each paragraph, for comparing copies."""
        return [fold(self.paragraph_text(p)) for p in self.paragraphs]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences in order; a sentence never crosses a paragraph boundary."""
        out: list[Sentence] = []
        text = self.text
        for para in self.paragraphs:
            start = para.start
            # pos/endpos make the paragraph's end the end of the string for the lookahead.
            for m in _SENTENCE_END.finditer(text, para.start, para.end):
                end = m.end()
                if text[m.start()] == "." and _ends_with_abbreviation(text, start, m.start()):
                    continue
                out.append(Sentence(len(out), *_trim(text, start, end), para.index))
                start = end
            if not is_blank(text[start : para.end]):
                out.append(Sentence(len(out), *_trim(text, start, para.end), para.index))
        return out

    @cached_property
    def quotations(self) -> list[Quotation]:
        """Quoted stretches of every paragraph, double quotes first, then single.

        Straight double quotes open after a space, bracket or dash (or at the
        paragraph start) and close otherwise; curly ones say which they are. A
        paragraph left open counts as ``continued`` when the next paragraph
        starts with an opening mark. Single quotes pair an opening ``'``/``‘``
        with the next closing ``'``/``’`` (apostrophes inside words are skipped;
        a possessive ``players'`` closing nothing is ignored).
        """
        out: list[Quotation] = []
        paras = self.paragraphs
        starts_open = [self._starts_with_opening_quote(p) for p in paras]
        for para in paras:
            chunk = self.text[para.start : para.end]
            opener: int | None = None
            for m in _DOUBLE_MARK.finditer(chunk):
                at = para.start + m.start()
                if self._is_opening_double(chunk, m.start(), opener is not None):
                    if opener is not None:  # a second opener: the first was never closed,
                        # unless the second starts a sentence: a lost paragraph break
                        # inside a quotation that runs over paragraphs.
                        resumes = _sentence_ends_before(chunk, m.start())
                        out.append(Quotation(opener, at, para.index, '"', True, False, resumes))
                    opener = at
                elif opener is None:
                    out.append(Quotation(para.start, at + 1, para.index, '"', False, True))
                else:
                    out.append(Quotation(opener, at + 1, para.index, '"', True, True))
                    opener = None
            if opener is not None:
                nxt = para.index + 1
                out.append(
                    Quotation(opener, para.end, para.index, '"', True, False, nxt < len(paras) and starts_open[nxt])
                )
            single_open: int | None = None
            events = sorted(
                [(m.start(), True) for m in _SINGLE_OPEN.finditer(chunk)]
                + [(m.start(), False) for m in _SINGLE_CLOSE.finditer(chunk)]
            )
            for pos, is_open in events:
                if is_open and single_open is None:
                    single_open = pos
                elif not is_open and single_open is not None:
                    out.append(Quotation(para.start + single_open, para.start + pos + 1, para.index, "'", True, True))
                    single_open = None
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def _starts_with_opening_quote(self, para: Paragraph) -> bool:
        chunk = self.text[para.start : para.end].lstrip()
        return chunk[:1] in ('"', "\u201c")

    @staticmethod
    def _is_opening_double(chunk: str, i: int, is_open: bool) -> bool:
        mark = chunk[i]
        if mark == "\u201c":
            return True
        if mark == "\u201d":
            return False
        before = chunk[i - 1] if i else " "
        after = chunk[i + 1] if i + 1 < len(chunk) else " "
        if before in _OPENS_AFTER and not after.isspace():
            return True
        if (before.isalpha() or before in ",;:") and after.isalpha():  # no space on either side: go by the state
            return not is_open
        if not before.isspace() or after.isspace() or after in ".,;:!?)":
            return False
        return not is_open  # space on both sides: go by the state

    @cached_property
    def _quoted_spans(self) -> tuple[list[int], list[int]]:
        merged: list[list[int]] = []
        for q in self.quotations:
            if merged and q.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.end)
            else:
                merged.append([q.start, q.end])
        return [m[0] for m in merged], [m[1] for m in merged]

    def is_quoted(self, offset: int) -> bool:
        """True when ``offset`` lies inside a quotation (``quotations``), marks included."""
        starts, ends = self._quoted_spans
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    @cached_property
    def sentence_fingerprints(self) -> list[str]:
        """``fold``-ed text of each sentence."""
        return [fold(self.sentence_text(s)) for s in self.sentences]

    @cached_property
    def token_table(self) -> TokenTable:
        """Every token in the text as parallel columns, built without an object per token."""
        return _tokenize(self.text)

    @cached_property
    def vocabulary(self) -> Counter[str]:
        """Each distinct token text once, with its count; positions via ``positions_of``."""
        return Counter(self.token_table.texts)

    def positions_of(self, form: str) -> list[int]:
        """The indexes in ``token_table`` (and ``tokens``) of the tokens whose text is ``form``."""
        texts = self.token_table.texts
        return list(compress(range(len(texts)), map(operator.eq, texts, repeat(form))))

    def token(self, index: int) -> Token:
        """Token ``index`` of ``token_table`` as a ``Token``, without building ``tokens``."""
        table = self.token_table
        return Token(table.texts[index], table.starts[index], table.ends[index], table.kinds[index])

    @cached_property
    def kind_of(self) -> dict[str, TokenKind]:
        """The kind of each distinct token text (a token's kind depends on its text alone)."""
        table = self.token_table
        return dict(zip(table.texts, table.kinds))

    @cached_property
    def tokens(self) -> TokenView:
        """Every token in the text, in order (words, numbers, URLs, handles...).

        A read-only sequence over ``token_table`` that builds each ``Token``
        when it is read, for rules that have not moved to the columns. No list
        of the document's tokens is kept: it cost about 23 bytes per character.
        """
        return TokenView(self.token_table)

    @cached_property
    def _token_starts(self) -> Sequence[int]:
        return self.token_table.starts

    def token_index(self, offset: int) -> int:
        """The index in ``tokens`` of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self._token_starts, offset)

    def iter_tokens(self, start: int, end: int) -> Iterator[Token]:
        """``tokens_between``, each ``Token`` built when read: a long paragraph holds no list of them."""
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        t = self.token_table
        return map(tuple.__new__, repeat(Token), zip(t.texts[lo:hi], t.starts[lo:hi], t.ends[lo:hi], t.kinds[lo:hi]))

    def tokens_between(self, start: int, end: int) -> Sequence[Token]:
        """Tokens that start inside ``[start, end)``."""
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return self.tokens[lo:hi]

    @cached_property
    def words(self) -> list[Token]:
        """Only the ``WORD`` and ``ACRONYM`` tokens."""
        t = self.token_table
        wanted = map(operator.contains, repeat((TokenKind.WORD, TokenKind.ACRONYM)), t.kinds)
        return list(map(tuple.__new__, repeat(Token), compress(zip(t.texts, t.starts, t.ends, t.kinds), wanted)))

    @cached_property
    def sentence_initial(self) -> frozenset[int]:
        """Start offsets of the first token of every sentence (and every line)."""
        starts = {s.start for s in self.sentences} | {line.start for line in self.lines}
        out = set()
        token_starts = self._token_starts
        for start in sorted(starts):
            i = bisect.bisect_left(token_starts, start)
            if i < len(token_starts):
                out.add(token_starts[i])
        return frozenset(out)

    def is_sentence_start(self, token: Token) -> bool:
        """True when ``token`` is the first token of a sentence or of a line."""
        return token.start in self.sentence_initial

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, if any."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    @cached_property
    def line_roles(self) -> LineRoles:
        """The role of every line: prose, heading, list or table, code, reference, tweet."""
        from newslint.model.line_roles import analyse

        return analyse(self)

    # -- diagnostics -------------------------------------------------------------

    def diagnostic(
        self,
        rule: Rule,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        fix: Iterable[Edit] = (),
        unsafe_fix: Iterable[Edit] = (),
        severity: Severity | None = None,
    ) -> Diagnostic:
        """Build a diagnostic for ``rule`` over ``text[start:end]``."""
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end))
        return Diagnostic(
            path=self.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=rule.code,
            message=message,
            severity=severity or rule.severity,
            category=rule.category,
            suggestion=suggestion,
            start=start,
            end=max(start, end),
            fix=tuple(self._placed(e) for e in fix),
            unsafe_fix=tuple(self._placed(e) for e in unsafe_fix),
            anchor=anchor(self, start, max(start, end)),
        )

    def _placed(self, edit: Edit) -> Edit:
        """``edit`` with its 1-based positions filled in."""
        row, column = self.position(edit.start)
        end_row, end_column = self.position(edit.end)
        return Edit(edit.start, edit.end, edit.replacement, row, column, end_row, end_column)


def _is_hard_wrapped(widths: list[int]) -> bool:
    """A block is hard-wrapped when its lines (but the last) share a modest width."""
    if len(widths) < 3:
        return False
    body = widths[:-1]
    if max(widths) > _WRAP_MAX_WIDTH:
        return False
    return min(body) >= 0.6 * max(body)


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with an abbreviation or an initial.

    Only the last ``_WORD_WINDOW`` code points are searched: a longer word is
    no abbreviation, and searching the whole sentence made splitting quadratic.
    """
    # The run of word characters and dots that ends at ``end``, found by matching the reversed tail.
    # Like the original ``([\w.]+)\.*$``, a single "\n" at the end is skipped ($ matches before it).
    if end > start and text[end - 1] == "\n":
        end -= 1
    m = _RUN.match(text[max(start, end - _WORD_WINDOW) : end][::-1])
    if not m:
        return False
    word = m.group()[::-1].lower()
    if len(word) == 1 and word.isalpha():  # an initial: "George W. Bush"
        return True
    return word in _ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
