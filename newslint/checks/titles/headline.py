"""The article's headline: where it is, and whether it sits where a headline belongs.

``find_headline(doc)`` looks at the first few paragraphs, past metadata lines
(bylines, "Updated: ..." stamps); when the text opens with front matter,
its ``title`` field is the headline and the body is not searched. A headline is title-like: one short line of
one sentence, starting with a capital, with no terminal punctuation. The
first paragraph is the headline when it looks like one, or when it ends with
a full stop but is set in headline case or followed by a dateline or byline.
A title-like line that follows body paragraphs at the top, is followed by
body text and shares its vocabulary with the article is a headline that
comes after body text (a teaser or standfirst pasted above it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.model.document import Document, Paragraph, Token, TokenKind
from newslint.text.dates import find_dates
from newslint.text.lazy_re import lazy_compile
from newslint.text.normalize import fold, is_blank

__all__ = ["Headline", "find_headline", "is_body_paragraph", "is_title_like"]

_MIN_WORDS, _MAX_WORDS, _MAX_CHARS = 3, 22, 160
_STOP_WORDS_IN_FULL_STOP_HEADLINE = 15
_BODY_MIN_WORDS = 12
_TOP = 4  # paragraphs (after metadata) searched for the headline
_METADATA_MAX_WORDS = 8

# A paragraph ending a sentence: terminal punctuation, maybe closing quotes or brackets.
_TERMINAL = lazy_compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
# Headline-final characters that make a line something else: a label, a list lead-in, a sentence.
_NOT_HEADLINE_END = lazy_compile(r"[.!?\u2026:;,\-\u2013\u2014][\"'\u201d\u2019)\]]*$")
# A byline or a timestamp label: "By Mari Yamaguchi", "Updated: ...", "Published 3 hours ago".
_METADATA = lazy_compile(
    r"^\W*(?:by\s+[A-Z]|(?:last\s+)?(?:update[ds]?|published|posted|first\s+published)\b)", re.IGNORECASE
)
# A dateline opening a body paragraph: "TOKYO (AP) —", "NARA:", "SEOUL, Jan. 13 (Yonhap) --".
_DATELINE = lazy_compile(
    r"^[A-Z][A-Z.'\- ]{1,40}(?:,[^\u2014\u2013:\n]{1,40}?)?\s*(?:\([^)\n]{1,30}\))?\s*(?:--?|[\u2013\u2014:])\s"
)


@dataclass(frozen=True)
class Headline:
    """The headline paragraph, with what is wrong with its place or form.

    ``after`` is the body paragraph it follows when it is misplaced (else
    ``None``); ``full_stop`` is the offset of a headline-final full stop.
    """

    paragraph: Paragraph
    start: int
    end: int
    after: Paragraph | None = None
    full_stop: int | None = None


def find_headline(doc: Document) -> Headline | None:
    """The headline of ``doc``, or ``None`` when it has none (computed once per document)."""
    return doc.memo("headline", lambda: _find(doc))


# Front matter opening the text, and its title field: "---\ntitle: ...\n---".
_FRONT_MATTER = lazy_compile(r"\A---\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_TITLE = lazy_compile(r"^(?:title|headline)[ \t]*:[ \t]*(['\"]?)(.+?)\1[ \t]*$", re.MULTILINE | re.IGNORECASE)


def _front_matter(doc: Document) -> tuple[int, Headline | None] | None:
    """``(end of the front matter, its title as the headline)``, or ``None`` without front matter."""
    m = _FRONT_MATTER.match(doc.text)
    if m is None:
        return None
    title = _FRONT_TITLE.search(m.group(1))
    if title is None:
        return m.end(), None
    start = m.start(1) + title.start(2)
    end = m.start(1) + title.end(2)
    para = next((p for p in doc.paragraphs if p.start <= start < p.end), None)
    if para is None:
        return m.end(), None
    text = doc.text[start:end]
    stop = end - 1 if text.endswith(".") and not text.endswith("..") else None
    return m.end(), Headline(para, start, end, full_stop=stop)


def _find(doc: Document) -> Headline | None:
    front = _front_matter(doc)
    if front is not None:
        # The front matter's title is the headline: no line of the body can be
        # one, and the body's opening lines are not searched.
        return front[1]
    paras = [p for p in doc.paragraphs if not is_blank(doc.paragraph_text(p))]
    while paras and _is_metadata(doc, paras[0]):
        paras = paras[1:]
    top = [p for p in paras[: _TOP + 2] if not _is_metadata(doc, p)][:_TOP]
    if len(top) < 2:
        return None
    first = top[0]
    if is_title_like(doc, first):
        return _headline(doc, first)
    stop = _full_stop_headline(doc, first, top[1], paras)
    if stop is not None:
        return _headline(doc, first, full_stop=stop)
    for i in range(1, len(top) - 1):
        candidate = top[i]
        if not all(is_body_paragraph(doc, p) for p in top[:i]):
            break
        if (
            is_title_like(doc, candidate)
            and is_body_paragraph(doc, top[i + 1])
            and _shares_vocabulary(doc, candidate)
            and _echoed(doc, top[:i], top[i + 1 : i + 3])
        ):
            return _headline(doc, candidate, after=top[i - 1])
    return None


def _headline(doc: Document, para: Paragraph, **kw: object) -> Headline:
    text = doc.paragraph_text(para)
    start = para.start + len(text) - len(text.lstrip())
    end = para.start + len(text.rstrip())
    return Headline(para, start, end, **kw)  # type: ignore[arg-type]


def _words(doc: Document, para: Paragraph) -> list[Token]:
    return [t for t in doc.iter_tokens(para.start, para.end) if t.kind in _WORDISH]


def _word_count(doc: Document, para: Paragraph, limit: int) -> int:
    """``min(len(_words(doc, para)), limit)``, without reading a long paragraph to its end."""
    n = 0
    if limit <= 0:
        return n
    for t in doc.iter_tokens(para.start, para.end):
        if t.kind in _WORDISH:
            n += 1
            if n == limit:
                break
    return n


_WORDISH = (TokenKind.WORD, TokenKind.ACRONYM)


def _sentence_count(doc: Document, para: Paragraph) -> int:
    return sum(1 for s in doc.sentences if s.paragraph == para.index)


def is_title_like(doc: Document, para: Paragraph) -> bool:
    """One short line of one sentence, capitalised, with no terminal punctuation."""
    text = doc.paragraph_text(para).strip()
    if para.line != para.end_line or len(text) > _MAX_CHARS:
        return False
    words = _words(doc, para)
    if not (_MIN_WORDS <= len(words) <= _MAX_WORDS):
        return False
    if not (text[:1].isupper() or text[:1].isdigit()) or _NOT_HEADLINE_END.search(text):
        return False
    if all(t.kind is TokenKind.ACRONYM for t in words) or _DATELINE.match(text) or _METADATA.match(text):
        return False
    return _sentence_count(doc, para) == 1


def is_body_paragraph(doc: Document, para: Paragraph) -> bool:
    """Running text: at least a dozen words, ending a sentence."""
    text = doc.paragraph_text(para).strip()
    return _word_count(doc, para, _BODY_MIN_WORDS) >= _BODY_MIN_WORDS and bool(_TERMINAL.search(text))


def _is_metadata(doc: Document, para: Paragraph) -> bool:
    text = doc.paragraph_text(para).strip()
    if _METADATA.match(text):
        return True
    return _word_count(doc, para, _METADATA_MAX_WORDS + 1) <= _METADATA_MAX_WORDS and any(
        m.year_given for m in find_dates(text)
    )


def _full_stop_headline(doc: Document, first: Paragraph, second: Paragraph, paras: list[Paragraph]) -> int | None:
    """The offset of the full stop when ``first`` is a headline that ends with one."""
    text = doc.paragraph_text(first).rstrip()
    words = _words(doc, first)
    if not text.endswith(".") or text.endswith("..") or not words or first.line != first.end_line:
        return None
    if words[-1].end == first.start + len(text) or _sentence_count(doc, first) != 1:
        return None  # "... in the U.S." : the dot belongs to the word
    if not (_MIN_WORDS <= len(words) <= _STOP_WORDS_IN_FULL_STOP_HEADLINE) or not text.lstrip()[:1].isupper():
        return None
    following = doc.paragraph_text(second).strip()
    structured = bool(_DATELINE.match(following) or _METADATA.match(following)) or _is_metadata(doc, second)
    if not structured and not _headline_case(doc, words, first):
        return None
    if not any(is_body_paragraph(doc, p) for p in paras[1:3]):
        return None
    return first.start + len(text) - 1


def _headline_case(doc: Document, words: list[Token], para: Paragraph) -> bool:
    """Every longer word capitalised, one of them a word the body writes in lower case."""
    long_words = [t for t in words[1:] if len(t.text) >= 4 and t.kind is TokenKind.WORD]
    if len(long_words) < 2 or not all(t.is_capitalized for t in long_words):
        return False
    lower = {t.text for t in doc.words if t.start >= para.end and t.text.islower()}
    return any(t.text.lower() in lower for t in long_words)


def _stems(doc: Document, paras: list[Paragraph]) -> set[str]:
    return {fold(t.stem) for p in paras for t in _words(doc, p) if len(t.stem) >= 4}


def _echoed(doc: Document, before: list[Paragraph], after: list[Paragraph]) -> bool:
    """Whether the body above the line is a teaser of the body below it: most of its longer
    words recur there. A subhead, a caption or a credit sits between unrelated paragraphs;
    a headline pasted under its teaser sits between the teaser and the lede it sums up."""
    above, below = _stems(doc, before), _stems(doc, after)
    return bool(above) and len(above & below) * 2 >= len(above)


def _shares_vocabulary(doc: Document, para: Paragraph) -> bool:
    """Most of the line's longer words recur elsewhere in the article."""
    own = {fold(t.stem) for t in _words(doc, para) if len(t.stem) >= 4}
    if not own:
        return False
    rest = {fold(t.stem) for t in doc.words if not (para.start <= t.start < para.end)}
    return len(own & rest) * 2 >= len(own)
