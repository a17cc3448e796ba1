"""What each line of an article is: prose in the article's voice, or structure.

Scraped and pasted articles mix running text with material that only looks
like text: code listings, reference lists, tables and infoboxes rendered one
cell per line, tables of contents, list items, embedded tweets. Rules that
count marks, compare lines or vote on spellings must not treat those lines as
the article's prose. This module sorts every line into one ``Role`` by its
shape, never by word lists, once per document (``Document.line_roles``), in
time linear in the text.

Two passes:

1. Each line alone: code (braces, semicolons, calls, operators, markup, shell
   prompts, lines of bare brackets), a reference entry ("^ Author (2009).
   "Title". Publisher. Retrieved ..."), an embedded tweet ("— Name (@handle)
   date", pic.twitter.com), a list item (bullet or enumerator), prose (a
   sentence-shaped line: starts like a sentence and ends with ``.`` ``!``
   ``?`` or runs long), or else a fragment (a short line with no sentence end:
   a heading, label, title or cell).
2. Neighbours: three or more fragments or list items in a row are a
   structure (table, contents, list, credits, schedule); a prose-shaped line
   held between structure lines is a table cell; short lines sandwiched by
   code are code; the text line just before a tweet signature is the tweet.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newslint.text.lazy_re import lazy_compile

if TYPE_CHECKING:
    from newslint.model.document import Document

__all__ = ["LineRoles", "Role", "analyse", "classify_line"]


class Role(str, enum.Enum):
    """The role of one line."""

    BLANK = "blank"
    PROSE = "prose"  # sentence-shaped running text in the article's voice
    HEADING = "heading"  # a lone short line without a sentence end: title, subhead, label, caption
    STRUCTURE = "structure"  # a member of a run of parallel lines: list, table, contents, credits
    CODE = "code"  # a code listing, markup, a shell transcript
    REFERENCE = "reference"  # a citation or reference-list entry
    TWEET = "tweet"  # an embedded social-media post


#: Roles whose text is the article's own voice (counted by style votes).
VOICE = frozenset({Role.PROSE, Role.HEADING})

# -- shapes of one line --------------------------------------------------------------

_WORD = lazy_compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
# Code-shaped tokens: each is rare in prose and common in listings. Every
# alternative starts with punctuation, so the engine skips plain words fast.
_CODE_TOKEN = lazy_compile(
    r"""
    [{}]|\);|;(?=\S)                       # braces, statement ends
  | \((?<=[\w\]\)]\()(?=[\w"'$\[)({])       # a call or declaration: name(arg
  | \(\)                                    # empty call
  | \)\.\w                                  # chained call ).then
  | [=!<>]==?(?=\S)(?<![<>])|=>|->|::|&&|\|\| # operators written without spaces, arrows
  | </?[a-zA-Z][\w-]*(?=[\s>/])             # a markup tag
  | (?<=\w)="                               # an attribute
  | "[\w@.$/-]+"\s?:                        # a JSON key
  | (?<![\w.])\$[A-Za-z_{(]                 # a sigil or variable: $x ${x} $(cmd), not a price
  | (?<=[a-z0-9])_(?=[a-z0-9])              # snake_case
  | (?<=\s)--?[a-z][\w-]*(?=\s|$)           # a command-line option
    """,
    re.VERBOSE,
)
# Every _CODE_TOKEN alternative needs one of these characters: a line without any has no code token.
# (A cheap exact test: half of an article's lines have none, and the full pattern is slow on prose.)
_CODE_CHARS = lazy_compile(r"[{}();=!<>\-:&|\"$_]")
# camelCase identifiers (not a brand like iPhone); looked for only where other signs are.
_CAMEL = lazy_compile(r"\b[a-z]{2,}[A-Z][a-z]+[A-Za-z]*\b")
# A shell or REPL prompt at the start, or a line that is only brackets and punctuation.
_PROMPT = lazy_compile(r"^\s*(?:[$%]|>>>|#)\s+\S")
# A line that opens like a comment or directive, or ends like a statement or block.
_CODE_EDGE = lazy_compile(r"^\s*(?://|/\*|#\w+\s+[<\"]|[})\]];?\s*$)|\{\s*$|\*/\s*$")
_BRACKETS_ONLY = lazy_compile(r"^\s*[(){}\[\];,.]+\s*$")
# Reference entries: a leading caret, arrow or bracketed number ...
_REF_MARKER = lazy_compile(r"^\s*(?:\^|↑|\[\d{1,4}\]|\d{1,4}\.\s+\^)")
# ... or several bibliographic fields.
_REF_FIELD = lazy_compile(
    r"""
    \((?:[A-Z][a-z]{2,8}\.?\s)?(?:\d{1,2}\s)?(?:1[5-9]|20)\d\d[a-z]?\)   # (2009) (April 2009)
  | (?:^|\s)["\u201c][^"\u201c\u201d]{3,200}[.?!]?["\u201d]\s?[.,]      # "Title".
  | \b(?:doi|ISBN|ISSN|arXiv|PMID|Bibcode)\b\s?[:=]?\s?\S               # identifiers
  | \bpp?\.\s?\d                                                        # p. 47  pp. 276
  | \b\d+\s?\(\d+\):\s?\d                                               # 35 (4): 567
  | \b(?:Retrieved|Accessed|Archived)\b[^.]{0,40}\d{4}                 # retrieval notes
  | \bet\sal\.                                                          # et al.
    """,
    re.VERBOSE,
)
# Every _REF_FIELD alternative needs a digit, a double quote, "al." or an identifier's name (exact pre-test).
_REF_CHARS = lazy_compile(r"[\d\"\u201c]|al\.|doi|ISBN|ISSN|arXiv|PMID|Bibcode")
# A citation that opens with its author and year: "Surname, Given; Other (2008)."
_AUTHOR_YEAR = lazy_compile(
    r"^[A-Z][^\s,;()]{1,40},\s[^()]{1,120}\((?:[A-Z][a-z]{2,8}\.?\s)?(?:\d{1,2}\s)?\d{4}[a-z]?\)"
)
# An embedded tweet's signature, or a link only an embed carries.
_TWEET = lazy_compile(
    r"(?:[\u2014\u2013]|--?)\s*[^\n()]{1,60}\(@\w{1,30}\)\s*(?:on\s)?[A-Z][a-z]+\.?\s\d{1,2},?\s\d{4}"
    r"|pic\.twitter\.com/\w"
    r"|\(@\w{1,30}\)\s*[A-Z][a-z]+\.?\s\d{1,2},\s\d{4}"
)
# A list item: bullet or enumerator, then text.
_LIST_MARK = lazy_compile(r"^\s*(?:[-*\u2022\u00b7\u25aa\u25ba\u2023\u2043]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\w{1,3}\))\s+\S")
# A sentence end at the end of the line, closing quotes and brackets allowed after it.
_ENDS_SENTENCE = lazy_compile(r"[.!?\u2026](?:[\"'\u201d\u2019)\]]*|\[\d+\])\s*$")
_OPENING = "\"'\u201c\u2018([\u00bf\u00a1\u2026. "

#: Words from which a line without a sentence end still reads as running text.
_PROSE_WORDS = 20
#: At most this many words, a line without a sentence end is a fragment.
_FRAGMENT_WORDS = 12
#: From this many words, a line holding a whole sentence before its cut-off end is prose.
_INNER_END_WORDS = 8
_INNER_END = lazy_compile(r"[a-z\d)][.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]")
#: From this many words, a line that starts like a sentence and ends with a colon is prose.
_INTRO_WORDS = 6
#: At most this many words, a line between two code lines is code too.
_SANDWICH_WORDS = 4
#: A run of this many fragments in a row is a structure, not headings.
_RUN = 3


@functools.lru_cache(maxsize=4096)
def _classify_short(text: str) -> Role:
    return _classify(text)


def classify_line(text: str) -> Role:
    """The role of one line by its own shape, before neighbours are considered."""
    # Short lines recur (cells, labels, credits): classify each text once.
    return _classify_short(text) if len(text) <= _CACHED_CHARS else _classify(text)


#: A reference entry without a leading marker is at most this long.
_REFERENCE_CHARS = 1500
#: Lines up to this long are classified once per text.
_CACHED_CHARS = 80


def _classify(text: str) -> Role:
    stripped = text.strip()
    if not stripped:
        return Role.BLANK
    if _TWEET.search(stripped):
        return Role.TWEET
    words = len(_WORD.findall(stripped))
    if _is_code(stripped, words):
        return Role.CODE
    if _is_reference(stripped):
        return Role.REFERENCE
    if _LIST_MARK.match(stripped):
        return Role.STRUCTURE
    if _is_prose(stripped, words):
        return Role.PROSE
    return Role.HEADING


def _is_code(text: str, words: int) -> bool:
    if _BRACKETS_ONLY.match(text) or _PROMPT.match(text):
        return True
    if _CODE_EDGE.search(text):
        return True
    tokens = len(_CODE_TOKEN.findall(text)) if _CODE_CHARS.search(text) else 0
    if tokens or words <= _FRAGMENT_WORDS:
        tokens += len(_CAMEL.findall(text))
    if tokens == 0:
        return text.endswith(";") and words <= _SANDWICH_WORDS + 2  # "return 0;"
    # Listings have a code token every few words; prose mentioning a name() has far fewer.
    return tokens >= 3 and tokens * 4 >= words or tokens * 2 >= max(words, 1)


def _is_reference(text: str) -> bool:
    if _REF_MARKER.match(text):
        return True
    if len(text) > _REFERENCE_CHARS:
        return False  # a paragraph, not one entry
    fields = len(_REF_FIELD.findall(text)) if _REF_CHARS.search(text) else 0
    return fields >= 3 or fields >= 2 and _AUTHOR_YEAR.match(text) is not None


def _starts_sentence(text: str) -> bool:
    """The first character after opening marks is a capital, a digit, or a letter of a caseless script."""
    first = text.lstrip(_OPENING)[:1]
    return first.isdigit() or first.isalpha() and not first.islower()


def _is_prose(text: str, words: int) -> bool:
    if words >= _PROSE_WORDS:
        return True
    if words < 3 or not _starts_sentence(text):
        return False
    if _ENDS_SENTENCE.search(text) is not None:
        return True
    if words >= _INNER_END_WORDS and _INNER_END.search(text):
        return True  # a paragraph cut short after a full sentence
    # A sentence that introduces what follows ("The query looks like this:").
    return words >= _INTRO_WORDS and text.endswith(":") and text[:1].isupper()


class LineRoles(Sequence[Role]):
    """The role of every line of a document; index 0 is line 1."""

    def __init__(self, roles: list[Role]) -> None:
        self._roles = roles

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return self._roles[index]

    def __len__(self) -> int:
        return len(self._roles)

    def of(self, line: int) -> Role:
        """The role of 1-based ``line``."""
        return self._roles[line - 1]

    def is_prose(self, line: int) -> bool:
        """True when 1-based ``line`` is sentence-shaped running text of the article."""
        return self._roles[line - 1] is Role.PROSE

    def in_voice(self, line: int) -> bool:
        """True when 1-based ``line`` is the article's own voice (prose or a lone heading)."""
        return self._roles[line - 1] in VOICE

    def is_structure(self, line: int) -> bool:
        """True when 1-based ``line`` is code, a reference, a tweet or part of a list or table."""
        return self._roles[line - 1] not in VOICE and self._roles[line - 1] is not Role.BLANK


def analyse(doc: Document) -> LineRoles:
    """Roles of every line of ``doc`` (use ``doc.line_roles``, which caches this)."""
    return LineRoles(assign_roles([doc.text[line.start : line.end] for line in doc.lines]))


_TABLE_LIKE = frozenset({Role.STRUCTURE, Role.CODE})


def assign_roles(lines: Sequence[str]) -> list[Role]:
    """Roles of ``lines`` (texts without terminators): each line alone, then with its neighbours."""
    roles = [classify_line(text) for text in lines]
    filled = [i for i, role in enumerate(roles) if role is not Role.BLANK]  # non-blank lines, in order
    seq = [roles[i] for i in filled]
    n = len(seq)

    # Short lines sandwiched by code are code (a lone "(i32.add", "}).then(" or "and add").
    for k in range(1, n - 1):
        if (
            seq[k] in (Role.HEADING, Role.STRUCTURE)
            and seq[k - 1] is Role.CODE
            and seq[k + 1] is Role.CODE
            and len(_WORD.findall(lines[filled[k]])) <= _SANDWICH_WORDS
        ):
            seq[k] = Role.CODE
    # The line before a tweet signature is the tweet's text.
    for k in range(1, n):
        if seq[k] is Role.TWEET and seq[k - 1] in (Role.PROSE, Role.HEADING, Role.STRUCTURE):
            text = lines[filled[k]].lstrip()
            if text[:1] in "\u2014\u2013-":  # the signature stands alone: the text is the line above
                seq[k - 1] = Role.TWEET
    # Runs of fragments and list items: a list, a table, contents, credits.
    short = [
        role in (Role.HEADING, Role.STRUCTURE) or role is Role.CODE and len(_WORD.findall(lines[i])) <= _FRAGMENT_WORDS
        for i, role in zip(filled, seq)
    ]
    k = 0
    while k < n:
        if not short[k]:
            k += 1
            continue
        end = k
        while end < n and short[end]:
            end += 1
        if end - k >= _RUN or any(seq[j] is Role.STRUCTURE for j in range(k, end)) and end - k >= 2:
            for j in range(k, end):
                if seq[j] is not Role.CODE:
                    seq[j] = Role.STRUCTURE
        k = end
    # A prose-shaped cell held between structure lines (a table row's long cell).
    for k in range(1, n - 1):
        around = (seq[k - 1], seq[k + 1])
        if (
            seq[k] is Role.PROSE
            and Role.STRUCTURE in around
            and all(r in _TABLE_LIKE for r in around)
            and not lines[filled[k]].rstrip().endswith(":")  # an introduction to what follows
            and not any(_LIST_MARK.match(lines[filled[j]]) for j in (k - 1, k + 1))  # a listicle's prose
        ):
            seq[k] = Role.STRUCTURE
    for i, role in zip(filled, seq):
        roles[i] = role
    return roles
