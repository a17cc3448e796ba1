"""Name romanization (NL4xx): one person, one spelling, in an article and across a corpus.

NL401 judges one document (map phase). NL402 judges a corpus: every document
yields ``NameFacts`` (extract), the engine merges them (merge), and
``newslint_check_corpus`` reports each document's spellings that differ from
the corpus target (judge). NL403 reports a rare name word one slip from a
frequent one, within the document when linting files one by one and across
the corpus in corpus mode.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from newslint import Category, Context, Diagnostic, Document, Facts, PackUse, Rule, Severity, TokenKind, hookimpl
from newslint.checks.names.facts import (
    CorpusVariant,
    DocNames,
    FormStat,
    NameFacts,
    NearMiss,
    Span,
    choose_target,
    corpus_variants,
    display,
    near_misses,
    resolve_case,
)
from newslint.checks.names.mentions import (
    Mention,
    NameLexicon,
    SurnameGroup,
    find_mentions,
    key_atoms,
    spelling_form,
    surname_groups,
)
from newslint.checks.names.pack import parse_names_packs
from newslint.plugin.config import Option

NAME_VARIANT = Rule(
    code="NL401",
    name="name-spelling-variant",
    category=Category.ROMANIZATION,
    severity=Severity.WARNING,
    summary="Name spelled two ways in one article",
    explanation="""\
## What it does
Finds names (capitalised words and runs of them, without a leading title:
"South Korean President Lee Jae-myung" gives "Lee Jae-myung") and groups
their spellings by a strict variant key that ignores case, hyphens against
spaces against joined syllables, diacritics and macrons, and kinds of
apostrophe. When one article spells a name more than one way, each mention
of a minority spelling is reported, with the spelling to use: the one the
names pack prefers if the article uses it, else the most used, else (on a
tie) the first used. The pack adds equivalences no key finds (Kiev/Kyiv,
Zelensky/Zelenskyy, "Horyu-ji Temple"/"Horyu Temple"), and its
`[[alternation]]` entries join romanizations of one name ("Dmitry Peskov"/
"Dmitri Peskov", "Andriy"/"Andrii", "al-Shara"/"al-Sharaa", "Dbeibah"/
"Dbeibeh", "Ahmadinejad"/"Ahmadinezhad") when the rest of the name agrees
word for word; some apply to family names only (the Arabic short vowels of
"Haftar"/"Hifter", never in given names such as Hamad/Hamid). A family
name written alone ("Zelensky", "Erdogan", "Hifter's") is compared with
the family name of the one person in the article it folds to ("Volodymyr
Zelenskyy"), unless two people share it (Ilham and Heydar Aliyev, Trump
and Trump Jr.), it is a word of another person's name, or it follows
"bin" ("Mohammed bin Salman" has no family name). A Korean given-name
syllable that is also a word ("Moon Jae In") is part of the name when the
article also writes that name as one ("Moon Jae-in"). Only the
article's own prose is read: code, reference entries, tables, lists, tweets
and quotations (cited titles, quoted speech) are left out. A one-word "name"
that the article also writes lower case is a word, capitalised at a
sentence start or in a title ("Neon signs", the French title "Néon" in an
article about neon): its spellings are not compared.

The key never merges by similarity, so "Lee Jae-yong" is not "Lee
Jae-myung", "Kim Jong Il" is not "Kim Jong Un", "George W. Bush" is not
"George Bush" and "Xi'an" is not "Xian".

## Why is this bad?
Readers take two spellings for two people, and search, archives and entity
linking split one person in two. Either spelling may be a legitimate house
style ("Lee Jae Myung" is his office's, "Lee Jae-myung" McCune-Reischauer
style); mixing them is the defect.

## Example
    South Korean President Lee Jae Myung arrived in Nara on Tuesday.
    Lee Jae-myung will meet Prime Minister Sanae Takaichi.

Use instead:
    South Korean President Lee Jae Myung arrived in Nara on Tuesday.
    Lee Jae Myung will meet Prime Minister Sanae Takaichi.

The family name alone:
    Czech Prime Minister Andrej Babiš met farmers in Brno.
    The subsidies Babis promised would come in the spring.

Use instead:
    Czech Prime Minister Andrej Babiš met farmers in Brno.
    The subsidies Babiš promised would come in the spring.

## Known problems
Case alone is no evidence at a sentence start or in a title-case headline.
Two people whose names share a key (namesakes) are taken for one, and so are
two people whose names differ only by an alternation ("Kelly Smith" and
"Kelli Smith"), and a surname alone is taken for the family name of the one
person in the article it folds to (a Hassen quoted beside Ali Hassan); list
such pairs under `[[distinct]]` in a names pack. A
foreign-language title in the prose ("L'être et le Néon") is read as a
spelling of the English word.
""",
)

CORPUS_NAME_VARIANT = Rule(
    code="NL402",
    name="corpus-name-spelling-variant",
    category=Category.ROMANIZATION,
    severity=Severity.INFO,
    stage="corpus",
    summary="Name spelled differently from the rest of the corpus",
    explanation="""\
## What it does
In corpus mode (a directory, several files, or `--corpus`), counts every
spelling of every name within one publication and reports, once per document
and spelling, at its first use, each spelling that is a clear minority there:
the target (the names pack's preferred spelling if the publication uses it,
else the most used one) is used at least twice as often, at least three
times, and by at least two other documents. A publication is a folder by
default; `publication-key` names a dataset field ("source")
or "corpus" for all files. Spellings are never compared across publications,
so one outlet's house style is not pushed onto another's. All-caps text is
no spelling, and a brand's camel-case form ("LinkedIn", "WikiLeaks") is never
re-cased by a vote: it is the target over forms that differ from it only in
case. The message gives the counts here and in the publication.

A spelling that NL401 already reports in the same document with the same
suggestion is not reported again; select NL402 alone to see every one.

## Why is this bad?
A desk, a dataset or an archive should call one person one thing. Each
article may be consistent and the corpus still split: search, entity
linking and deduplication then miss half the coverage.

## Example
    a.txt: Takaichi and Lee visited Horyu Temple.
    b.txt: Takaichi and Lee visited Horyu Temple.
    c.txt: Takaichi and Lee visited Horyu-ji Temple.

Use instead:
    c.txt: Takaichi and Lee visited Horyu Temple.

## Known problems
A folder that mixes outlets is taken for one publication unless
`publication-key` says otherwise. When an article's own majority differs from the corpus's, NL401 suggests the
article's and NL402 the corpus's spelling: follow the scope your house style
sets, and ignore the other code.
""",
)

NAME_NEAR_MISS = Rule(
    code="NL403",
    name="misspelt-name",
    category=Category.TYPO,
    severity=Severity.ERROR,
    stage="both",
    summary="Rare name one typing slip from a frequent name",
    explanation="""\
## What it does
Flags a name word used at most twice that is one typing slip from a name word
used at least five times (and five times as often) in the same scope: two
adjacent letters swapped ("Takiachi" for "Takaichi"), or one letter added,
dropped or changed, which also needs the rare word to stand in a document
that uses the frequent one. Both need five letters and the same first
letter. The scope is the article, or the publication in corpus mode (see
NL402). A rare form that is common in English text at large (wordfreq's
list: "Osama" beside "Obama", "Greta" beside "Great") is a word or a name of
its own, not a slip, and is never reported.

## Why is this bad?
A misspelt name is a factual error that a spell checker cannot see: neither
spelling is in its dictionary.

## Example
    Takaichi met Lee in Nara. ... Takiachi said the talks went well.

Use instead:
    Takaichi met Lee in Nara. ... Takaichi said the talks went well.

## Known problems
Two real people whose names differ by one letter, one frequent and one rare
("Peterson", "Petersen"), would be flagged; the names pack's `[[distinct]]`
entries list such pairs so that they never are.
""",
)

_RULES = (NAME_VARIANT, CORPUS_NAME_VARIANT, NAME_NEAR_MISS)


@hookimpl
def newslint_rules() -> list[Rule]:
    return list(_RULES)


@hookimpl
def newslint_options() -> list[Option]:
    return [
        Option(
            "publication-key",
            "str",
            "folder",
            'What makes one publication for NL402/NL403 in corpus mode: "folder" (the file\'s directory), '
            '"corpus" (every file), or a dataset field such as "source" (the folder when a record lacks it)',
        )
    ]


def publication(doc: Document, ctx: Context | None) -> str:
    """The publication ``doc`` belongs to, by the ``publication-key`` option: spellings are judged within it."""
    key = ctx.options.get("publication-key", "folder") if ctx is not None else "folder"
    if key == "corpus":
        return ""
    if key != "folder" and doc.meta.get(key):
        return f"{key}:{doc.meta[key]}"
    return "folder:" + os.path.dirname(doc.path)


@hookimpl
def newslint_packs() -> list[PackUse]:
    return [PackUse("names", parse_names_packs)]


def lexicon(ctx: Context) -> NameLexicon:
    """The run's merged names packs (the engine parses them once per run)."""
    return ctx.packs["names"]  # type: ignore[no-any-return]


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    near_miss_here = ctx.is_enabled(NAME_NEAR_MISS) and not ctx.corpus
    if not (ctx.is_enabled(NAME_VARIANT) or near_miss_here):
        return []
    lex = lexicon(ctx)
    # Kept on the document only for the extract hook, which runs in corpus runs alone.
    mentions = _mentions(doc, lex) if ctx.corpus else _prose_mentions(doc, lex)
    out: list[Diagnostic] = []
    if ctx.is_enabled(NAME_VARIANT):
        out.extend(document_variants(doc, mentions, lex))
    if near_miss_here:
        # Offsets only: lines and columns are found for the words reported, not for every name word.
        names = DocNames.build(doc.path, mentions, _offsets, spellings=False)
        for miss in near_misses([names], lex):
            first = miss.word.first
            placed = miss._replace(word=miss.word._replace(first=_span(doc, first.start, first.end)))
            out.append(_near_miss_diagnostic(placed, "here"))
    return out


def _offsets(start: int, end: int) -> Span:
    """A ``Span`` with offsets only (line and column 0), placed later if reported."""
    return Span(start, end, 0, 0, 0, 0)


def _span(doc: Document, start: int, end: int) -> Span:
    return Span(start, end, *doc.position(start), *doc.position(end))


@hookimpl
def newslint_extract(doc: Document, ctx: Context) -> Facts | None:
    if not (ctx.is_enabled(CORPUS_NAME_VARIANT) or ctx.is_enabled(NAME_NEAR_MISS)):
        return None  # NL401 alone needs no corpus facts
    return NameFacts([doc_names(doc, _mentions(doc, lexicon(ctx)), publication(doc, ctx))])


def _mentions(doc: Document, lex: NameLexicon) -> list[Mention]:
    """The document's name mentions in its own prose, found once for both the check and the extract hook.

    Mentions in code, reference entries, tables, lists and tweets, and inside
    quotation marks (cited titles, quoted speech), are left out: their
    spelling is someone else's, not the article's.
    """
    return doc.memo("newslint.checks.names.mentions:mentions", lambda: _prose_mentions(doc, lex))


def _prose_mentions(doc: Document, lex: NameLexicon) -> list[Mention]:
    roles = doc.line_roles
    line_of = _Lines(doc).number
    return [m for m in find_mentions(doc, lex) if roles.in_voice(line_of(m.start)) and not doc.is_quoted(m.start)]


class _Lines:
    """``Document.position`` for many offsets of one document: the line starts listed once."""

    def __init__(self, doc: Document) -> None:
        self.lines = doc.lines
        self.starts = [line.start for line in self.lines]
        self.size = len(doc.text)

    def number(self, offset: int) -> int:
        """The 1-based line of ``offset``, as ``doc.position(offset)[0]``."""
        return self.lines[bisect_right(self.starts, max(0, min(offset, self.size))) - 1].number

    def span(self, start: int, end: int) -> Span:
        """``Span(start, end, *doc.position(start), *doc.position(end))``."""
        a = max(0, min(start, self.size))
        first = self.lines[bisect_right(self.starts, a) - 1]
        b = max(0, min(end, self.size))
        last = self.lines[bisect_right(self.starts, b) - 1]
        return Span(
            start,
            end,
            first.number,
            min(a, first.end) - first.start + 1,
            last.number,
            min(b, last.end) - last.start + 1,
        )


@hookimpl
def newslint_check_corpus(facts: Mapping[str, Facts], ctx: Context) -> list[Diagnostic]:
    names = facts.get(NameFacts.key)
    if not isinstance(names, NameFacts):
        return []
    docs = names.canonical()
    out: list[Diagnostic] = []
    if ctx.is_enabled(CORPUS_NAME_VARIANT):
        variants = corpus_variants(docs, skip_when_doc_agrees=ctx.is_enabled(NAME_VARIANT))
        out.extend(_corpus_diagnostic(v) for v in variants)
    if ctx.is_enabled(NAME_NEAR_MISS):
        out.extend(_near_miss_diagnostic(m, "in corpus") for m in near_misses(docs, lexicon(ctx)))
    return out


def doc_names(doc: Document, mentions: Sequence[Mention], scope: str = "") -> DocNames:
    """The document's name facts, with positions resolved while the text is at hand."""

    return DocNames.build(doc.path, mentions, _Lines(doc).span, scope)


# -- within one document ----------------------------------------------------------------------


def document_variants(doc: Document, mentions: Sequence[Mention], lexicon: NameLexicon) -> Iterator[Diagnostic]:
    """One diagnostic per mention whose spelling is not the one the document should use."""
    forms = resolve_case(mentions)
    surnames = surname_groups(mentions, lexicon)
    by_surname = {i for group in surnames for i in group.lone}  # judged with the person's full name below
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        by_key[mention.key].append(i)
    common: set[str] | None = None
    reported: set[int] = set()

    def lowercase_words() -> set[str]:
        """The article's lower-case words, folded: built once, when a one-word name needs it."""
        nonlocal common
        if common is None:
            common = {
                " ".join(key_atoms(t)) for t, kind in doc.kind_of.items() if kind is TokenKind.WORD and t.islower()
            }
        return common

    for indexes in by_key.values():
        if all(" " not in mentions[i].text for i in indexes):
            if all(i in by_surname for i in indexes):
                continue  # a family name alone: judged with the person's full name
            if " ".join(key_atoms(mentions[indexes[0]].text)) in lowercase_words():
                continue  # "Neon" and the French title's "Néon" in an article that writes "neon": a word, no name
        stats: dict[str, FormStat] = {}
        for i in indexes:
            form = forms[i]
            if form in stats:
                stats[form] = stats[form]._replace(uses=stats[form].uses + 1)
            else:
                stats[form] = FormStat(form, 1, mentions[i].start, mentions[i].preferred)
        if len(stats) < 2:
            continue
        target = choose_target(stats.values())
        shown = next(mentions[i].text for i in indexes if forms[i] == target.form and mentions[i].form == target.form)
        for i in indexes:
            mention = mentions[i]
            if forms[i] == target.form:
                continue
            reported.add(i)
            count = stats[forms[i]].uses
            why = _why(target, stats.values())
            yield doc.diagnostic(
                NAME_VARIANT,
                mention.start,
                mention.end,
                f"'{display(mention.text)}' ({count}x here) vs '{display(shown)}' ({target.uses}x here{why})",
                suggestion=f"Use '{display(shown)}'",
            )
    for group in surnames:
        yield from _surname_variants(doc, mentions, forms, group, lexicon, lowercase_words(), reported)


def _surname_variants(
    doc: Document,
    mentions: Sequence[Mention],
    forms: Sequence[str],
    group: SurnameGroup,
    lexicon: NameLexicon,
    lowercase: set[str],
    reported: set[int],
) -> Iterator[Diagnostic]:
    """A family name alone and in the full name, spelled two ways ("Zelensky" beside "Volodymyr Zelenskyy").

    Spellings are compared ignoring case; the target is chosen among every
    use of the family name, alone and in the full name. A full-name mention
    already reported for its whole spelling is not reported again.
    """
    # (text, start, end, preferred, is the full name's word) of each use of the family name
    uses: list[tuple[str, int, int, bool, bool]] = []
    for i in group.lone:
        m = mentions[i]
        if " ".join(key_atoms(m.text)) in lowercase:
            continue  # also written lower case in the article: a word, capitalised where a name is not meant
        uses.append((forms[i], m.start, m.end, m.preferred, False))
    if not uses:
        return
    for i in group.full:
        word = group.family[i]
        uses.append((spelling_form(word.text), word.start, word.end, lexicon.keyed(word.text)[1], True))
    uses.sort(key=lambda u: u[1])
    stats: dict[str, FormStat] = {}
    shown: dict[str, str] = {}
    for text, start, _end, preferred, _full in uses:
        folded = text.casefold()
        if folded in stats:
            stats[folded] = stats[folded]._replace(uses=stats[folded].uses + 1)
        else:
            stats[folded] = FormStat(folded, 1, start, preferred)
            shown[folded] = text
    if len(stats) < 2:
        return
    target = choose_target(stats.values())
    why = _why(target, stats.values())
    person = display(mentions[group.full[0]].text)
    for text, start, end, _preferred, full in uses:
        folded = text.casefold()
        if folded == target.form or (full and any(mentions[i].start <= start < mentions[i].end for i in reported)):
            continue
        yield doc.diagnostic(
            NAME_VARIANT,
            start,
            end,
            f"'{display(text)}' ({stats[folded].uses}x here) vs '{display(shown[target.form])}' "
            f"({target.uses}x here{why}; family name of '{person}')",
            suggestion=f"Use '{display(shown[target.form])}'",
        )


def _why(target: FormStat, stats: object) -> str:
    others = [s for s in stats if s.form != target.form]  # type: ignore[attr-defined]
    if target.preferred:
        return ", preferred"
    if any(s.uses == target.uses for s in others):
        return ", used first"
    return ""


# -- across the corpus ----------------------------------------------------------------------------


def _at(path: str, span: Span, rule: Rule, message: str, suggestion: str | None) -> Diagnostic:
    return Diagnostic(
        path=path,
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        code=rule.code,
        message=message,
        severity=rule.severity,
        category=rule.category,
        suggestion=suggestion,
        start=span.start,
        end=span.end,
    )


def _corpus_diagnostic(v: CorpusVariant) -> Diagnostic:
    here = f"{v.target_here}x here, " if v.target_here else ""
    preferred = ", preferred" if v.target_preferred else ""
    message = (
        f"'{v.spelling.display}' ({v.spelling.uses}x here, {v.corpus_count}x in corpus) "
        f"vs '{v.target}' ({here}{v.target_corpus}x in corpus{preferred})"
    )
    return _at(v.path, v.spelling.first, CORPUS_NAME_VARIANT, message, f"Use '{v.target}'")


def _near_miss_diagnostic(m: NearMiss, scope: str) -> Diagnostic:
    message = (
        f"'{m.word.display}' ({m.uses}x {scope}) looks like a misspelling of '{m.likely}' ({m.likely_count}x {scope})"
    )
    return _at(m.path, m.word.first, NAME_NEAR_MISS, message, f"Use '{m.likely}' if the same name is meant")
