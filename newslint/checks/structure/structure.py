"""Structure (NL5xx): repeated text, stray whitespace, invisible characters, mojibake."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from newslint import Category, Context, Diagnostic, Document, Edit, Rule, Sentence, Severity, hookimpl
from newslint.model.line_roles import Role
from newslint.text.lazy_re import lazy_compile
from newslint.text.normalize import fold, is_blank

# -- duplicates ----------------------------------------------------------------------

_MIN_PARAGRAPH_CHARS = 20  # folded code points; a repeated "Read more" is NL2xx's business
_MIN_SENTENCE_CHARS = 40
_MIN_SENTENCE_WORDS = 6
_MIN_PROSE_WORDS = 8  # a shorter line repeated far from its copy is a refrain or a label
_TEMPLATE_COPIES = 3  # a paragraph found this often, apart, is part of the page's template

DUPLICATE_PARAGRAPH = Rule(
    code="NL501",
    unsafe_fixable=True,
    name="duplicate-paragraph",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    summary="Paragraph repeats text found elsewhere in the article",
    explanation="""\
## What it does
Flags a paragraph whose text appears again in the same article, after folding
case, quotation marks, apostrophes, dashes and runs of spaces. The copy also
counts when it runs across a line break ("the teaser on line 1 repeats lines
3-4").

A repeat is reported when both copies are prose (sentence-shaped lines in
the article's voice, of eight words or more) or when the copies are adjacent
paragraphs (but not two reference entries side by side: footnotes that
cite one source twice). Lines that recur inside a structure are not duplicates: list
items, table cells, contents entries repeating the subheads, photo credits,
product cards, code listings, reference entries (see the line roles in
`newslint/model/line_roles.py`). Neither is a quotation shown twice after a line
ending in a colon, a copy in other letter case, nor a sentence found three
times or more apart (the "we may earn a commission" line under every product
card is the page's template: page chrome, NL2xx).

When one copy stands as a paragraph of its own and the other is embedded in
running text, the stand-alone copy is reported: it is the teaser or
standfirst that was pasted. Of two whole-paragraph copies, the one away from
the prose (a meta description or teaser among headings) is reported, so the
fix never deletes the article's own sentence; else the later one.

## Why is this bad?
A repeated paragraph is nearly always a production accident: a CMS that
prints the standfirst twice, or a scraper that keeps teaser and body. Readers
notice at once, and a corpus built from the text counts it twice.

## Example
    Officials said the bridge would reopen on Friday.

    Traffic was diverted through the old town.

    Officials said the bridge would reopen on Friday.

Use instead:
    Officials said the bridge would reopen on Friday.

    Traffic was diverted through the old town.

## Known problems
Skips paragraphs under 20 characters. A refrain of eight words or more
repeated on purpose is flagged.
""",
)

DUPLICATE_SENTENCE = Rule(
    code="NL502",
    name="duplicate-sentence",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    summary="Sentence repeats a sentence of another paragraph",
    explanation="""\
## What it does
Flags a sentence of at least six words that appears word for word (after the
same folding as NL501) in another paragraph of the same article, when both
paragraphs are prose. Sentences that recur in reference entries ("Te Ara: The
Encyclopedia of New Zealand."), table cells or command output are not
repeats, nor is a quotation cited again, nor a sentence found in three or
more paragraphs: the stock lines every entry of a roundup or listing
carries are a repeating structure, not a paste. Repeats that NL501 already reports
are not reported again. Of the two copies, the one away from the prose is
reported, else the later one. Consecutive sentences of one paragraph that
repeat consecutive sentences of another are one paste: one finding over
them all ("3 sentences repeat line 1").

## Why is this bad?
Editing by copy and paste leaves sentences behind: a line moved up to the lede
but not deleted below, or a quote repeated in a caption. Either way the reader
reads it twice.

## Example
    The council approved the budget on Monday. It now goes to the mayor.

    Opposition members walked out. The council approved the budget on Monday.

Use instead:
    The council approved the budget on Monday. It now goes to the mayor.

    Opposition members walked out.

## Known problems
A quotation deliberately repeated (a refrain, a slogan) is flagged too.
""",
)

# -- whitespace ------------------------------------------------------------------------

WHITESPACE_ONLY_LINE = Rule(
    code="NL510",
    name="whitespace-only-line",
    category=Category.WHITESPACE,
    severity=Severity.WARNING,
    summary="Line holds only whitespace, such as no-break spaces",
    fixable=True,
    explanation="""\
## What it does
Flags a line that is not empty but holds nothing except whitespace: spaces,
tabs, no-break spaces (U+00A0) or other Unicode spaces.

## Why is this bad?
Such lines are left by web pages (`&nbsp;` paragraphs used as spacers). They
look blank but are not, so paragraph splitting, de-duplication and diffs treat
them as content, and a no-break space can survive into a headline or a
dataset record.

## Example
    The ministry confirmed the figures.
    \\u00a0
    Talks resume next week.

Use instead:
    The ministry confirmed the figures.

    Talks resume next week.

## Fix safety
The fix empties the line; it is safe.
""",
)

TRAILING_BLANK_LINES = Rule(
    code="NL511",
    name="trailing-blank-lines",
    category=Category.WHITESPACE,
    severity=Severity.INFO,
    summary="File ends with blank lines",
    fixable=True,
    explanation="""\
## What it does
Flags blank lines after the last line of text.

## Why is this bad?
Trailing blank lines are an export artefact. They bloat records, make the end
of an article ambiguous to tools that split on blank lines, and show up as
noise in every diff.

## Example
    Talks resume next week.⏎
    ⏎
    ⏎

Use instead:
    Talks resume next week.⏎

## Fix safety
The fix keeps one line ending after the text; it is safe.
""",
)

TRAILING_WHITESPACE = Rule(
    code="NL512",
    name="trailing-whitespace",
    category=Category.WHITESPACE,
    severity=Severity.INFO,
    summary="Line ends with spaces or tabs",
    fixable=True,
    explanation="""\
## What it does
Flags spaces, tabs and no-break spaces at the end of a line of text. In
Markdown files, exactly two trailing spaces (a hard line break) are allowed.

## Why is this bad?
Trailing whitespace is invisible in the editor but not in diffs, duplicate
detection and the CMS, where a trailing no-break space can stop a headline
from wrapping.

## Example
    The ministry confirmed the figures.···

Use instead:
    The ministry confirmed the figures.

## Fix safety
The fix deletes the trailing whitespace; it is safe.
""",
)

INVISIBLE_CHARACTER = Rule(
    code="NL513",
    name="invisible-character",
    category=Category.WHITESPACE,
    severity=Severity.WARNING,
    summary="Zero-width space, word joiner, soft hyphen or stray BOM inside the text",
    fixable=True,
    explanation="""\
## What it does
Flags characters that are invisible and have no business in plain news text:
the zero-width space (U+200B), the word joiner (U+2060), the soft hyphen
(U+00AD) and a byte-order mark (U+FEFF) after the start of the file.
Zero-width joiners and non-joiners, which scripts such as Persian, the Indic
scripts and emoji need, are not flagged.

## Why is this bad?
They split words for search ("Take\\u200Bichi" does not match "Takaichi"),
break spell checking and de-duplication, and are impossible to see in review.

## Example
    Prime Minister Taka\\u00ADichi

Use instead:
    Prime Minister Takaichi

## Fix safety
The fix deletes the character; it is safe.
""",
)

# -- encoding damage -------------------------------------------------------------------------

MOJIBAKE = Rule(
    code="NL520",
    name="mojibake",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    summary="UTF-8 text decoded as Windows-1252 or Latin-1",
    fixable=True,
    explanation="""\
## What it does
Finds runs such as `â€™`, `â€œ` or `Ã©`: UTF-8 bytes that some step decoded
as Windows-1252 or Latin-1 (then as C1 control characters), once or several
times over (`ÃƒÂ©`). A run is reported when it re-encodes to valid UTF-8. The
repair is ftfy's `fix_encoding`, which undoes every layer; it is offered as a
fix only when the repaired text is clean (no mojibake left, checked again).

## Why is this bad?
Mojibake is the most visible sign of a broken pipeline. Readers see garbage
in place of apostrophes and accents, and search misses "café" spelled "cafÃ©".

## Example
    Japanâ€™s prime minister visited the cafÃ©.

Use instead:
    Japan’s prime minister visited the café.

## Fix safety
The fix replaces the run with its repair; it is safe because the repair is
the exact inverse of the damage, and it is offered only when the repaired text
holds no mojibake any more.
""",
)

REPLACEMENT_CHARACTER = Rule(
    code="NL521",
    name="replacement-character",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    summary="Text holds U+FFFD, the mark of bytes lost in decoding",
    explanation="""\
## What it does
Flags U+FFFD REPLACEMENT CHARACTER (�), which a decoder writes where it met
bytes it could not read.

## Why is this bad?
The original character is gone: no tool can recover it from this text. The
article has to be taken again from its source.

## Example
    The caf� reopened on Monday.

Use instead:
    The café reopened on Monday.

## Known problems
An article about encoding that shows the character on purpose is flagged.
""",
)

RULES = [
    DUPLICATE_PARAGRAPH,
    DUPLICATE_SENTENCE,
    WHITESPACE_ONLY_LINE,
    TRAILING_BLANK_LINES,
    TRAILING_WHITESPACE,
    INVISIBLE_CHARACTER,
    MOJIBAKE,
    REPLACEMENT_CHARACTER,
]


@hookimpl
def newslint_rules() -> list[Rule]:
    return RULES


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    if ctx.any_enabled(DUPLICATE_PARAGRAPH, DUPLICATE_SENTENCE):
        found.extend(duplicates(doc))
    if ctx.any_enabled(WHITESPACE_ONLY_LINE, TRAILING_WHITESPACE):
        found.extend(line_whitespace(doc))
    if ctx.is_enabled(TRAILING_BLANK_LINES):
        found.extend(trailing_blank_lines(doc))
    if ctx.is_enabled(INVISIBLE_CHARACTER):
        found.extend(invisible_characters(doc))
    if ctx.is_enabled(MOJIBAKE):
        found.extend(mojibake(doc))
    if ctx.is_enabled(REPLACEMENT_CHARACTER):
        found.extend(replacement_characters(doc))
    return found


# -- duplicates ----------------------------------------------------------------------


def _line_range(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def duplicates(doc: Document) -> Iterator[Diagnostic]:
    """Repeated paragraphs (NL501), then repeated sentences not already covered (NL502).

    A repeat counts when both copies are prose (sentence-shaped lines of the
    article's voice, ``Document.line_roles``) or when the copies are adjacent
    paragraphs. Lines that recur inside a structure (list items, table cells,
    contents entries, credits, code, references) are not duplicates.
    """
    sentences = doc.sentences
    # Folded texts (``Document.sentence_fingerprints``, ``paragraph_fingerprints``), built here and
    # dropped with the generator: kept on the document, they held a folded copy of the text all run.
    keys = [fold(doc.sentence_text(s)) for s in sentences]
    paragraph_keys = [fold(doc.paragraph_text(p)) for p in doc.paragraphs]
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        by_key[key].append(i)
    # Sentence index range of every paragraph.
    para_range: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, _ = para_range.get(s.paragraph, (s.index, s.index))
        para_range[s.paragraph] = (lo, s.index + 1)
    paragraphs = doc.paragraphs
    roles = doc.line_roles

    def is_whole_paragraph(lo: int, hi: int) -> bool:
        pid = sentences[lo].paragraph
        return para_range[pid] == (lo, hi) and sentences[hi - 1].paragraph == pid

    def is_prose(pid: int) -> bool:
        return roles.is_prose(paragraphs[pid].line)

    def prose_neighbours(pid: int) -> float:
        """The share of the paragraphs either side that are prose: the article's own copy sits among prose."""
        around = [q for q in (pid - 1, pid + 1) if 0 <= q < len(paragraphs)]
        return sum(map(is_prose, around)) / len(around) if around else 0.0

    def displayed(pid: int) -> bool:
        """Introduced by a line ending in a colon: a block quotation, a post, a command shown."""
        return pid > 0 and doc.paragraph_text(paragraphs[pid - 1]).rstrip().endswith(":")

    def counts(pid: int, first: int, last: int) -> bool:
        """Whether paragraph ``pid`` repeating paragraphs ``first``-``last`` is a defect."""
        if first - 1 <= pid <= last + 1 and not first <= pid <= last:
            # adjacent copies; but two footnotes citing one book are two notes, not a paste
            return not (
                roles.of(paragraphs[pid].line) is Role.REFERENCE and roles.of(paragraphs[first].line) is Role.REFERENCE
            )
        fingerprint = paragraph_keys[pid]
        if fingerprint.count(" ") + 1 < _MIN_PROSE_WORDS or displayed(pid) and displayed(first):
            return False  # a refrain, or the same quotation shown twice
        if copies[fingerprint] >= _TEMPLATE_COPIES:
            return False  # a line under every card or section: a template (NL2xx's business), not a paste
        return is_prose(pid) and is_prose(first) and is_prose(last)

    copies = Counter(paragraph_keys)
    reported: set[int] = set()  # paragraphs reported as copies
    covered: set[int] = set()  # sentence indexes accounted for by NL501
    for para in paragraphs:
        if para.index not in para_range or len(paragraph_keys[para.index]) < _MIN_PARAGRAPH_CHARS:
            continue
        lo, hi = para_range[para.index]
        n = hi - lo
        other = next(
            (
                j
                for j in by_key[keys[lo]]
                if j != lo
                and (j + n <= lo or j >= hi)
                and keys[j : j + n] == keys[lo:hi]
                and _same_case(doc, sentences[lo].start, sentences[hi - 1].end, sentences[j].start)
            ),
            None,
        )
        if other is None:
            continue
        first_pid, last_pid = sentences[other].paragraph, sentences[other + n - 1].paragraph
        if first_pid in reported or not counts(para.index, first_pid, last_pid):
            continue
        if is_whole_paragraph(other, other + n):
            # Two whole copies: report the one away from the prose (a teaser, a meta
            # description), else the later one; the other is reported when we reach it.
            if is_prose(para.index):
                mine, theirs = prose_neighbours(para.index), prose_neighbours(first_pid)
            else:
                mine = theirs = 0.0  # a heading repeated: the first is the title, the later one the copy
            if mine > theirs or (mine == theirs and other > lo):
                continue
        reported.add(para.index)
        covered.update(range(lo, hi))
        covered.update(range(other, other + n))
        first = paragraphs[first_pid].line
        last = doc.position(sentences[other + n - 1].end)[0]
        yield doc.diagnostic(
            DUPLICATE_PARAGRAPH,
            para.start,
            para.end,
            f"Paragraph repeats {_line_range(first, last)}",
            suggestion="Delete this copy",
            unsafe_fix=[Edit(para.start, _through_line_end(doc, para.end), "")],
        )
    repeats: list[tuple[int, int]] = []  # (sentence reported, sentence it repeats)
    for key, where in by_key.items():
        if len(where) < 2 or len(key) < _MIN_SENTENCE_CHARS or key.count(" ") + 1 < _MIN_SENTENCE_WORDS:
            continue
        first = where[0]
        first_pid = sentences[first].paragraph
        if first in covered or not is_prose(first_pid):
            continue
        if len({sentences[i].paragraph for i in where}) >= _TEMPLATE_COPIES:
            continue  # in that many paragraphs, a sentence of the page's or the entries' template, as in NL501
        for i in where[1:]:
            pid = sentences[i].paragraph
            if i in covered or pid == first_pid or not is_prose(pid):
                continue
            if (doc.is_quoted(sentences[i].start) and doc.is_quoted(sentences[first].start)) or (
                displayed(pid) and displayed(first_pid)
            ):
                continue  # a quotation cited again, on purpose
            if not _same_case(doc, sentences[i].start, sentences[i].end, sentences[first].start):
                continue
            # Report the copy away from the prose: the article's own sentence stays.
            repeats.append((first, i) if prose_neighbours(first_pid) < prose_neighbours(pid) else (i, first))
    yield from _sentence_repeat_diagnostics(doc, sentences, repeats)


def _sentence_repeat_diagnostics(
    doc: Document, sentences: Sequence[Sentence], repeats: list[tuple[int, int]]
) -> Iterator[Diagnostic]:
    """One NL502 per run of repeated sentences: consecutive sentences of one paragraph that
    repeat consecutive sentences of another are one defect (one paste), reported once."""
    runs: list[list[tuple[int, int]]] = []
    for report, kept in sorted(set(repeats)):
        if runs:
            last_report, last_kept = runs[-1][-1]
            if (
                report == last_report + 1
                and kept == last_kept + 1
                and sentences[report].paragraph == sentences[last_report].paragraph
                and sentences[kept].paragraph == sentences[last_kept].paragraph
            ):
                runs[-1].append((report, kept))
                continue
        runs.append([(report, kept)])
    for run in runs:
        first, last = sentences[run[0][0]], sentences[run[-1][0]]
        line = doc.position(sentences[run[0][1]].start)[0]
        what = "Sentence repeats" if len(run) == 1 else f"{len(run)} sentences repeat"
        suggestion = "Delete the repeated sentence" if len(run) == 1 else "Delete the repeated sentences"
        yield doc.diagnostic(DUPLICATE_SENTENCE, first.start, last.end, f"{what} line {line}", suggestion=suggestion)


def _same_case(doc: Document, start: int, end: int, other: int) -> bool:
    """Whether the text at ``other`` has the letters of ``text[start:end]`` in the same case.

    Folding ignores case; a copy that shouts what the other says ("Lots of
    changes" / "LOTS of changes") is a joke or a heading, not a paste.
    """
    text = doc.text
    mine = [c.isupper() for c in text[start:end] if c.isalpha()]
    theirs: list[bool] = []
    pos = other
    while len(theirs) < len(mine) and pos < len(text):
        if text[pos].isalpha():
            theirs.append(text[pos].isupper())
        pos += 1
    return mine == theirs


def _through_line_end(doc: Document, offset: int) -> int:
    """``offset`` moved past the line terminator that follows it, if any."""
    line = doc.lines[doc.position(offset)[0] - 1]
    return line.end + len(line.terminator) if offset >= line.end else offset


# -- whitespace ------------------------------------------------------------------------

_TRAILING_SPACE = lazy_compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+$")


def line_whitespace(doc: Document) -> Iterator[Diagnostic]:
    """Whitespace-only lines (NL510) and trailing whitespace after text (NL512)."""
    markdown = doc.path.endswith((".md", ".markdown"))
    for line, text in doc.iter_lines():
        if not text:
            continue
        if is_blank(text):
            yield doc.diagnostic(
                WHITESPACE_ONLY_LINE,
                line.start,
                line.end,
                f"Line holds only whitespace ({_describe_space(text)})",
                suggestion="Delete the whitespace",
                fix=[Edit(line.start, line.end, "")],
            )
            continue
        m = _TRAILING_SPACE.search(text)
        if m is None or (markdown and m.group() == "  "):
            continue
        yield doc.diagnostic(
            TRAILING_WHITESPACE,
            line.start + m.start(),
            line.end,
            f"Trailing whitespace ({_describe_space(m.group())})",
            suggestion="Delete the trailing whitespace",
            fix=[Edit(line.start + m.start(), line.end, "")],
        )


def _describe_space(text: str) -> str:
    names = {" ": "space", "\t": "tab", "\u00a0": "no-break space", "\u3000": "ideographic space"}
    kinds = sorted({names.get(c, f"U+{ord(c):04X}") for c in text})
    count = len(text)
    return f"{count} character{'s' if count != 1 else ''}: {', '.join(kinds)}"


def trailing_blank_lines(doc: Document) -> Iterator[Diagnostic]:
    """Blank lines after the last line of text (NL511)."""
    lines = doc.lines
    last_text = next((line for line in reversed(lines) if not is_blank(doc.text[line.start : line.end])), None)
    if last_text is None or last_text.number >= len(lines) - 1:
        return
    blank = len(lines) - last_text.number - 1  # the empty line after the final break is not blank
    start = last_text.end + len(last_text.terminator)
    yield doc.diagnostic(
        TRAILING_BLANK_LINES,
        start,
        len(doc.text),
        f"{blank} blank line{'s' if blank != 1 else ''} at the end of the file",
        suggestion="Delete the trailing blank lines",
        fix=[Edit(start, len(doc.text), "")],
    )


_INVISIBLE = lazy_compile("[\u200b\u2060\u00ad\ufeff]")
_INVISIBLE_NAMES = {
    "\u200b": "zero-width space (U+200B)",
    "\u2060": "word joiner (U+2060)",
    "\u00ad": "soft hyphen (U+00AD)",
    "\ufeff": "byte-order mark (U+FEFF)",
}


def invisible_characters(doc: Document) -> Iterator[Diagnostic]:
    """Zero-width and soft-hyphen characters inside the text (NL513)."""
    if not any(c in doc.text for c in _INVISIBLE_NAMES):  # str search is far faster than a regex scan
        return
    for m in _INVISIBLE.finditer(doc.text):
        yield doc.diagnostic(
            INVISIBLE_CHARACTER,
            m.start(),
            m.end(),
            f"Invisible {_INVISIBLE_NAMES[m.group()]}",
            suggestion="Delete it",
            fix=[Edit(m.start(), m.end(), "")],
        )


# -- mojibake ---------------------------------------------------------------------------


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")  # 0x81, 0x8D, 0x8F, 0x90, 0x9D


# What UTF-8 lead bytes (0xC2-0xF4) and continuation bytes (0x80-0xBF) look
# like once decoded as Windows-1252 (or Latin-1 where cp1252 has a hole), and
# as Latin-1 (C1 controls U+0080-U+009F: "Japanâ\x80\x99s").
_LEADS = "".join(_cp1252_char(b) for b in range(0xC2, 0xF5))
_CONTINUATIONS = "".join(_cp1252_char(b) for b in range(0x80, 0xC0)) + "".join(chr(b) for b in range(0x80, 0xA0))
_MOJIBAKE_RUN = lazy_compile(f"(?:[{re.escape(_LEADS)}][{re.escape(_CONTINUATIONS)}]{{1,3}})+")
_LEAD = lazy_compile(f"[{re.escape(_LEADS)}]")
_TO_BYTE = {_cp1252_char(b): b for b in range(0x80, 0x100)} | {chr(b): b for b in range(0x80, 0xA0)}
_MAX_LAYERS = 4  # "cafÃƒÂ©" is two layers; real text never has more than a few


def _undo_layer(run: str) -> str | None:
    """One layer of cp1252/Latin-1 decoding undone, or ``None`` if the bytes are not UTF-8."""
    try:
        repaired = bytes(_TO_BYTE[c] for c in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    return repaired if repaired != run else None


def is_clean(text: str) -> bool:
    """No mojibake left: no run that undoes as UTF-8, no C1 control, nothing ftfy finds bad."""
    if any("\x80" <= c <= "\x9f" for c in text):
        return False
    if any(_undo_layer(m.group()) is not None for m in _MOJIBAKE_RUN.finditer(text)):
        return False
    import ftfy.badness

    return not ftfy.badness.is_bad(text)


def repair_mojibake(run: str) -> str | None:
    """The text behind a mojibake run, fully repaired, or ``None`` if it is not mojibake.

    A run that undoes as UTF-8 is mojibake. The repair is ftfy's
    ``fix_encoding`` (which undoes several layers: "ÃƒÂ©" is "é"), or, where
    ftfy keeps the run as it is, every layer undone here in turn.
    The result may still be broken: check it with ``is_clean`` before offering it.
    """
    first = _undo_layer(run)
    if first is None:
        return None
    import ftfy

    repaired = ftfy.fix_encoding(run)
    if repaired == run:
        repaired = first
        for _ in range(_MAX_LAYERS):
            deeper = _undo_layer(repaired)
            if deeper is None:
                break
            repaired = deeper
    return repaired


def mojibake(doc: Document) -> Iterator[Diagnostic]:
    """Runs of UTF-8 read as cp1252/Latin-1 (NL520); a fix only where the repair is clean."""
    first = _LEAD.search(doc.text)  # no run can start before the first lead character
    if first is None:
        return
    for m in _MOJIBAKE_RUN.finditer(doc.text, first.start()):
        repaired = repair_mojibake(m.group())
        if repaired is None:
            continue
        shown = (
            m.group().encode("unicode_escape").decode("ascii")
            if any("\x80" <= c <= "\x9f" for c in m.group())
            else m.group()
        )
        if is_clean(repaired):
            yield doc.diagnostic(
                MOJIBAKE,
                m.start(),
                m.end(),
                f'Mojibake "{shown}" is UTF-8 read as Windows-1252 or Latin-1',
                suggestion=f'Replace with "{repaired}"',
                fix=[Edit(m.start(), m.end(), repaired)],
            )
        else:
            yield doc.diagnostic(
                MOJIBAKE,
                m.start(),
                m.end(),
                f'Mojibake "{shown}" is UTF-8 read as Windows-1252 or Latin-1; it does not repair cleanly',
                suggestion="Take the text again from its source",
            )


_REPLACEMENT_RUN = lazy_compile("\ufffd+")


def replacement_characters(doc: Document) -> Iterator[Diagnostic]:
    """Every U+FFFD, one diagnostic per run (NL521)."""
    if "\ufffd" not in doc.text:
        return
    for m in _REPLACEMENT_RUN.finditer(doc.text):
        yield doc.diagnostic(
            REPLACEMENT_CHARACTER,
            m.start(),
            m.end(),
            f"Replacement character U+FFFD ({len(m.group())}x): text was lost in decoding",
            suggestion="Take the text again from its source",
        )
