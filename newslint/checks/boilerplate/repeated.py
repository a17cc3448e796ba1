"""Page chrome seen across a publication (NL206): the same short line in many of its articles.

A scraper keeps the site's furniture in every page it visits: "Featured
topics", "Sign in here", a badge legend, a share bar. Within one page such a
line can look like a subhead; across the publication it is the same line in
article after article, which an article's own text never is. This is the
corpus feature of the chrome family: each document contributes the short,
non-prose lines it holds (map), the facts are merged by publication (reduce),
and a line found in ``repeated-line-documents`` documents or more of one
publication is reported in each of them.

What is never a candidate, by shape: a sentence-shaped line (a quotation or
stock sentence repeated across follow-up stories is the articles' text), a
subhead with prose under it (a desk's recurring "What happens next"), the
line right after a paragraph of prose (a "See also" over the article's own
list), a line of more than ``MAX_WORDS`` words or fewer than two letters.

Measured on the development set's page suite linted as one folder (91 pages):
line recall 0.771 -> 0.785 at precision 0.983 (198 lines, 3 of them body);
no finding on its clean article text.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import ClassVar, NamedTuple

from newslint import Category, Context, Diagnostic, Document, DocumentFacts, Facts, Option, Rule, Severity, hookimpl
from newslint.checks.names.names import publication
from newslint.model.line_roles import Role

#: A subhead's section: prose within this many non-blank lines under it (a caption or byline may come first).
SECTION_LOOKAHEAD = 1
#: What a section of the article holds under its subhead: running text or its references.
_SECTION_BODY = frozenset({Role.PROSE, Role.REFERENCE})
MAX_WORDS = 12  # page furniture is short; a longer line repeated across articles is a promo the phrase pack judges
MIN_DOCUMENTS = "repeated-line-documents"
DEFAULT_MIN_DOCUMENTS = 3

REPEATED_LINE = Rule(
    code="NL206",
    name="repeated-page-line",
    category=Category.ORPHAN_TEXT,
    severity=Severity.WARNING,
    stage="corpus",
    owns_region=True,
    summary="Short line repeated across the publication's articles: page chrome",
    explanation="""\
## What it does
In corpus mode (a directory, several files, or `--corpus`), finds short lines
(at most 12 words) that are not sentences and that appear, word for word
(ignoring case and spacing), in at least `repeated-line-documents` documents
(default 3) of one publication, and reports each of them as page chrome. A
publication is a folder by default, or the dataset field that
`publication-key` names. Never candidates: sentence-shaped lines (a quotation
repeated across follow-up stories is the articles' own text), a subhead with
prose under it (a desk's recurring section heading), lines already reported
by another NL2 rule.

## Why is this bad?
A scraper keeps the site's furniture on every page: navigation labels,
"Featured topics", a comment-badge legend, a share bar. On one page such a
line can pass for a subhead or a caption; across the publication it is the
same line in article after article, which no article's own text is. Left in a
corpus, it is counted as article text by every model trained on it.

## Example
In `site/ferry.txt`, `site/budget.txt` and `site/harbour.txt` alike:
```text
Coastal News
Most read this week
The island ferry will run four extra sailings a week from December.
```

Use instead:
```text
The island ferry will run four extra sailings a week from December.
```

The finding has no automatic fix: it is judged after every file is read,
and `--fix` edits files before that.

## Options
- `repeated-line-documents` (default 3): how many documents of a publication
  must hold the line. 2 finds more in small folders and risks a line two
  articles share by chance.
""",
)


class LineUse(NamedTuple):
    """One candidate line of a document: its digest, line number, end column (exclusive) and offsets."""

    digest: str
    line: int
    end_column: int
    start: int
    end: int


class DocLines(NamedTuple):
    """The candidate lines of one document, with its publication."""

    path: str
    publication: str
    lines: tuple[LineUse, ...]


class RepeatedLineFacts(DocumentFacts[DocLines]):
    """Every document's candidate lines; merges in any order (judged sorted by path)."""

    key: ClassVar[str] = "repeated-lines"


@hookimpl
def newslint_rules() -> list[Rule]:
    return [REPEATED_LINE]


@hookimpl
def newslint_options() -> list[Option]:
    return [
        Option(
            MIN_DOCUMENTS,
            "int",
            DEFAULT_MIN_DOCUMENTS,
            "NL206: documents of one publication that must hold a short line before it is page chrome",
            bounds=(2, 1_000_000),
        )
    ]


@hookimpl
def newslint_extract(doc: Document, ctx: Context) -> Facts | None:
    if not ctx.is_enabled(REPEATED_LINE):
        return None
    lines = tuple(candidate_lines(doc))
    if not lines:
        return None
    return RepeatedLineFacts([DocLines(doc.path, publication(doc, ctx), lines)])


@hookimpl
def newslint_check_corpus(facts: Mapping[str, Facts], ctx: Context) -> list[Diagnostic]:
    found = facts.get(RepeatedLineFacts.key)
    if not isinstance(found, RepeatedLineFacts) or not ctx.is_enabled(REPEATED_LINE):
        return []
    least = int(ctx.options.get(MIN_DOCUMENTS, DEFAULT_MIN_DOCUMENTS))
    return [_diagnostic(path, use, count) for path, use, count in repeated_lines(found.entries, least)]


def candidate_lines(doc: Document) -> Iterable[LineUse]:
    """The document's short, non-prose lines that are not a subhead of the article, with their digests.

    A subhead is a line with prose or reference entries right under it; and
    a line right after the article's prose opens what follows it ("See also"
    or "Contents" over a list): the article's structure, not the site's. (So
    the first line after the last paragraph is left to NL202, which judges
    the lines after the article.)
    """
    roles = doc.line_roles
    shown = [i for i in range(len(doc.lines)) if roles[i] is not Role.BLANK]
    out: list[LineUse] = []
    for n, index in enumerate(shown):
        role = roles[index]
        if role is Role.PROSE:
            continue
        if (n > 0 and roles[shown[n - 1]] is Role.PROSE) or (
            role is not Role.REFERENCE
            and any(roles[i] in _SECTION_BODY for i in shown[n + 1 : n + 1 + SECTION_LOOKAHEAD])
        ):
            continue
        info = doc.lines[index]
        text = doc.text[info.start : info.end]
        words = text.split()
        if len(words) > MAX_WORDS or sum(c.isalpha() for c in text) < 2:
            continue
        key = " ".join(words).casefold()
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        out.append(LineUse(digest, info.number, info.end - info.start + 1, info.start, info.end))
    return out


def repeated_lines(docs: Iterable[DocLines], least: int) -> list[tuple[str, LineUse, int]]:
    """``(path, line, documents)`` for every use of a line that ``least`` documents of its publication hold.

    Sorted by path and line, so any split of the corpus gives the same findings.
    """
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    docs = sorted({doc.path: doc for doc in docs}.values())  # the same file twice counts once
    for doc in docs:
        for use in doc.lines:
            holders[(doc.publication, use.digest)].add(doc.path)
    out = []
    for doc in docs:
        for use in doc.lines:
            count = len(holders[(doc.publication, use.digest)])
            if count >= least:
                out.append((doc.path, use, count))
    return out


def _diagnostic(path: str, use: LineUse, count: int) -> Diagnostic:
    return Diagnostic(
        path=path,
        line=use.line,
        column=1,
        end_line=use.line,
        end_column=use.end_column,
        code=REPEATED_LINE.code,
        message=f"Line repeated in {count} documents of this publication: page chrome",
        severity=REPEATED_LINE.severity,
        category=REPEATED_LINE.category,
        suggestion="Delete the line",
        start=use.start,
        end=use.end,
    )
