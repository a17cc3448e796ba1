"""Pages of several articles: where each one begins.

A digest, a weekly edition or a scraped front page holds several articles,
each under its own byline, often by different writers with different habits
(one spaces its em dashes, another does not). Rules that compare an article
with itself (its quote style, its dash style) compare each article on such a
page with itself, not with its neighbours.

An article begins at a byline ("By Jane Doe", "By Jane Doe and Tom Roe")
that stands between two stretches of prose: at least ``PROSE_ABOVE`` prose
paragraphs since the previous start, and at least ``PROSE_BELOW`` among the
``REACH`` paragraphs below. The page's own byline, under its headline and
above its first paragraph, starts nothing: the first article starts the text.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.model.document import Document

#: A byline alone on its line: "By" and one to four capitalised names, several joined by "and", "&" or commas.
_NAME = r"[A-Z][\w.'\u2019-]*(?: (?:[A-Z][\w.'\u2019-]*|van|von|de|da|del|bin|al-\w+)){1,3}"
_BYLINE = re.compile(rf"By {_NAME}(?:(?:,| and| &|, and) {_NAME})*")
PROSE_ABOVE = 4
PROSE_BELOW = 2
REACH = 6


def article_starts(doc: Document) -> list[int]:
    """The offsets where the articles of ``doc`` begin: 0, then each byline that opens another article."""
    return doc.memo("articles.starts", lambda: _starts(doc))


def article_index(starts: list[int], offset: int) -> int:
    """Which article (an index into ``article_starts``) holds ``offset``."""
    return bisect.bisect_right(starts, offset) - 1


def _starts(doc: Document) -> list[int]:
    roles = doc.line_roles
    paragraphs = doc.paragraphs
    prose = [roles.is_prose(p.line) for p in paragraphs]
    starts = [0]
    since = 0  # prose paragraphs since the last start
    for k, para in enumerate(paragraphs):
        if prose[k]:
            since += 1
            continue
        if since < PROSE_ABOVE or sum(prose[k + 1 : k + 1 + REACH]) < PROSE_BELOW:
            continue
        if _BYLINE.fullmatch(doc.text[para.start : para.end].strip()):
            starts.append(para.start)
            since = 0
    return starts
