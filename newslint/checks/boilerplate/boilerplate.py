"""Orphaned page text (NL2xx): what the scraper kept that is not the article.

Every paragraph (in scraped text, every line) is classified once:

1. **phrase**: it matches the multilingual phrase pack (``rules/boilerplate.toml``);
2. **foreign**: it is written in another script than the article, or clearly in
   another language of the same script;
3. **shape**: its form gives it away (a bare link, a timestamp, a navigation
   trail, a tag list, a short heading after the article's last paragraph...),
   scored from 0 to 1 and reported at or above ``boilerplate-threshold``;
4. **prose**: a sentence-shaped paragraph of the article's language;
5. otherwise short or unsure.

These descriptions, with each line's context (prose around it, the article's
prose span, neighbours, runs, repetition, caption and headline cues), feed a
learned line model (``model.py``, weights in
``rules/boilerplate_model.json``) that decides which lines are chrome; the
``boilerplate-threshold`` option is its operating point. Certain pack phrases
the model does not firmly take for body, and the surest shapes (links,
handles, menus, timestamps), are chrome wherever they stand.

A phrase marked as opening a block (a related-content header, a comments or
tags header) starts a block that runs until article prose resumes: a stretch
free of boilerplate evidence (pack phrases, foreign text, lines the model
takes for chrome) that holds three paragraphs of prose, or any prose up to
another block's header or an ad slot. The block ends at its
last line of evidence, is reported once, and its lines are not reported again
one by one.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from newslint import (
    Category,
    ConfigError,
    Context,
    Diagnostic,
    Document,
    Edit,
    Option,
    PackUse,
    Paragraph,
    Rule,
    Severity,
    TokenKind,
    hookimpl,
)
from newslint.checks.boilerplate import model as _chrome_model
from newslint.checks.boilerplate import phrases as _phrases
from newslint.checks.boilerplate.phrases import Language, Phrase, PhrasePack
from newslint.checks.titles.headline import find_headline
from newslint.model.line_roles import Role, classify_line
from newslint.text.writing_systems import ScriptProfile, WritingSystem, dominant_system, profile

PACK_KIND = "boilerplate"
THRESHOLD = "boilerplate-threshold"
_DEFAULT_THRESHOLD = 0.8  # precision first: page-suite P 0.98 (R 0.73), 2.8% of body lines (CV, 91 pages)
#: Inside a block a header opened, lines the model scores this high also count as its chrome:
#: the header is evidence of its own, so a block reaches its last teaser at any dial setting.
_BLOCK_THRESHOLD = 0.6
_CERTAIN_SCORE = 0.9  # a chrome probability this high is an error, not a warning
# Shape scores at or above this take a line out of the prose (a model feature, not the dial).
_SHAPE_CUT = 0.6

# Prose: at least this many words, ending like a sentence.
_PROSE_WORDS = 8
_PROSE_MIN_STOPWORDS = 0.12
# Article prose resumes after a block marker once this many prose paragraphs
# follow with no boilerplate evidence among them.
_RESUME_PROSE = 3
#: A line of this many words or fewer, not prose, is a label: a menu item, a share button, a count.
_MENU_LABEL_WORDS = 5
_AD_ROLES = frozenset({"advert"})
# A block holding this many reference entries is the article's reference section, not chrome.
_REFERENCE_ENTRIES = 2
_REFERENCE_REACH = 2  # the first entry right under the marker, or under one subhead ("Notes")
# A block marker with this many cells before it (short lines of the article, neither prose nor
# chrome) and one after it is a header in a table's row.
_ROW_CELLS = 2
_CELL_WORDS = 6
# Foreign script: this share of a paragraph's letters outside the article's
# writing system, and at least this many such letters.
_FOREIGN_SHARE = 0.6
_FOREIGN_LETTERS = 4
# Foreign language of the article's script: enough function words of another language.
_FOREIGN_LANG_WORDS = 6
_FOREIGN_LANG_HITS = 3
_FOREIGN_LANG_SHARE = 0.2

# -- rules -----------------------------------------------------------------------------

BOILERPLATE_PHRASE = Rule(
    code="NL201",
    unsafe_fixable=True,
    name="boilerplate-phrase",
    category=Category.ORPHAN_TEXT,
    severity=Severity.ERROR,
    summary="Line is page chrome named in the phrase pack (Read more, Share, cookie text...)",
    explanation="""\
## What it does
Flags a line that the boilerplate phrase pack (`rules/boilerplate.toml`, plus
the newsroom's own packs of kind "boilerplate") names as page chrome: a
related-content header, a call to action, cookie or consent text, an AI label,
a photo credit, a subscription or share prompt, a timestamp or byline, an
advertising label. The pack covers English, Arabic, Spanish, French, German,
Portuguese, Italian, Dutch, Chinese, Japanese and Korean. Each entry says
whether it matches the whole line, its start, any part of it, or a regular
expression. A match is an error; entries marked `certain = false` give
warnings.

## Why is this bad?
A scraper that keeps the page's buttons and labels puts "Share", "Read more"
and "We use cookies" into the article. Readers of a republished article see
them, and a dataset built from it learns them as news prose.

## Example
    The talks will resume next week.

    Read more

    Share this article

Use instead:
    The talks will resume next week.

A sentence-long caption closed by a credit ("... killed at least 19
people. (Reuters)") is the article's own line: the line model decides it at
the dial, the credit phrase alone does not report it.

The article's own bylines and credits are left alone, by their place, not
their words:
- a byline between two stretches of the article's prose (three prose lines
  in a row end within six lines above it, two prose lines follow within six
  below): it opens the next article of a page of several (a weekly edition,
  a digest). A page's own byline, under its headline and standfirst, and a
  teaser's byline among other teasers are still reported;
- a copyright line under the title and above the first paragraph: an essay's
  author credit (a site's copyright sits in its footer);
- a timestamp that opens the text with a date and no time of day: its
  dateline ("Updated 2 hours ago" there is still a widget, and so is a
  CMS's stamp of the minute, "19:58");
- a bracketed credit such as "(Source: name)" when the article writes three
  or more credits in that form that no pack phrase names ("(Artist: name)");
- the header of the article's reference section (see NL203).

A platform's name standing alone ("Facebook", "Instagram"), with no other
platform's name within two lines, is reported as what it most often is: the
credit of a picture taken from that network, left behind when the picture
went ("Lone platform name (a photo credit or a share button)"). A share bar
names several platforms side by side and is reported as a share prompt.

## Known problems
A body line that is nothing but a UI phrase ("Share" as a one-word
paragraph) is flagged. Remove a phrase with `remove = true` in your own pack.
""",
    owns_region=True,
)

BOILERPLATE_LINE = Rule(
    code="NL202",
    unsafe_fixable=True,
    name="boilerplate-line",
    category=Category.ORPHAN_TEXT,
    severity=Severity.WARNING,
    summary="Line has the shape of page chrome (link, timestamp, menu trail, trailing heading)",
    explanation="""\
## What it does
Scores each line with a learned line model (two stacked logistic regressions
and a Viterbi pass over the page's lines, weights in
`rules/boilerplate_model.json`). It reads the line's shape (words, final
punctuation, title case, figures, links, function words, menu separators,
the shape rules: bare links, handles, timestamps, navigation trails, tag
lists) and its place: the share of prose around it, its distance above or
below the article's prose, its neighbours, the run it belongs to, a credit
next to it (captions), an echo of the lede above the body (headlines),
repetition in the file. Lines scoring at least `boilerplate-threshold`
(default 0.8) are reported, with the features that weighed most: at 0.9 or
more as errors, below as warnings. The surest shapes (bare links, handles,
hashtags, menus, timestamps, bare figures) are reported wherever they stand.

Structure the article gives itself is left alone, whatever the model says:
a run of three or more items under one list marker next to the article's
prose (release notes, ingredients, numbered steps), a line carrying a
reference marker such as `[6]` or `[n 2]` and the run of lines around it
when it holds two more (an infobox), a lone date or number at the head of
the text (its dateline, a chapter number), three or more bare links in a row
(a list of sources), a comma-separated list of figures, a citation such as
"Bain 2006, p. 31" (no timestamp), a writer's sign-off right under the last
paragraph ("-- By Jane Doe"), a bare e-mail address between two of the
article's paragraphs (the contact it gives its readers; in a footer or an
author box it is reported). A pack phrase still reports such a line.

On a page with no chrome evidence at all (no line is a pack phrase or
foreign text), only the shapes no sentence has (bare links, handles, menus,
timestamps, bare figures) are reported, and not as the value under a
one-word label in a run of short lines (an infobox's "Founded" over a date,
"Website" over a link): such a page is edited article text far more often
than a scrape, and there the model's reading of a line's place was right 3
times in 41 on the development set's clean articles. Set
`boilerplate-threshold` below its default to turn this off.

## Why is this bad?
Page chrome has no fixed wording: a site's section names, a gallery counter,
the headline of a teaser. Its shape still gives it away, and left in the text
it reads as part of the article.

## Example
    The talks will resume next week.

    Home | World | Asia

    13 January 2026, 19:58 GMT

Use instead:
    The talks will resume next week.

## Options
`boilerplate-threshold` (float, 0-1, default 0.8): the model's operating
point. Lower it to report more lines, raise it to report only the surest
(see the cross-validated precision and recall per threshold in the model
file's `cv` table). Cross-validated by page on 91 public pages, with the
decisions as shipped: at 0.8, the article region's lines P 0.88 R 0.51 with
2.9% of body lines flagged, whole pages P 0.98 R 0.73; at 0.6, P 0.82 R 0.65
(5.9%) and P 0.97 R 0.84.

## Known problems
On a page that also has chrome evidence, a fact box of short title-case
items at the end of an article scores like a list of related headlines, and
so does an unmarked list of names inside the article (an author's list of
tools) or an infobox without reference markers above the first paragraph.
On a page without evidence, chrome that only its place gives away (a teaser
headline, a caption) is missed. The model was trained on 91 English pages; other
languages get its script-agnostic features and their own function words.
""",
    owns_region=True,
)

BOILERPLATE_BLOCK = Rule(
    code="NL203",
    unsafe_fixable=True,
    name="boilerplate-block",
    category=Category.ORPHAN_TEXT,
    severity=Severity.ERROR,
    summary="Block of page chrome after a marker such as a related-content header",
    explanation="""\
## What it does
After a strong marker from the phrase pack (a related-content header such as
"Related articles" or "مقالات ذات صلة", "Most read", a comments or tags
header), the following lines are taken as one block of page chrome until the
article's prose resumes: a stretch with no boilerplate evidence (no pack
phrase, no foreign-script line, no line the line model takes for chrome)
holding three paragraphs of prose; an ad label standing alone between those
paragraphs does not break the stretch (ad slots sit inside articles). Fewer
paragraphs of prose also end the block when what follows them is another
block's header or an ad slot: a scraper that kept a "Most read" box twice, or
an ad, inside the article leaves the article's paragraphs between them. The
block ends at its last line of evidence, so it never takes in the paragraphs
where the article resumes, and before the article's own footnotes (a caret
entry or a citation, and the subhead over it). When only titles stand
between the marker and those notes ("See also" over two links to other
entries, then "Notes"), the marker heads the article's back matter and
opens no block. It is reported once, from the marker to its last
line, naming the marker; its fix (unsafe) says how many lines it deletes.
Lines inside it are not reported again one by one. A marker inside the
article's prose span with two table cells before it and one after it (short
lines that are neither prose nor chrome) is a column header, "Comment" in a
table of states, and opens nothing. A marker standing between two short
labels (five words or fewer, not prose: "Events", "About us", "Jobs" in a
menu; "Tweet", "Comments", "2192 Shares" in a share bar) is an item of that
menu: its block is the menu, ending at the next prose line, so it never runs
on into the article under the bar.

A marker with two or more reference entries right under it, or under one
subhead (footnotes opening with a caret, citations with their year, title,
pages or ISBN), heads the article's own reference section: "Further
reading" over a bibliography in an encyclopedia entry. The marker and its section are not chrome; a block,
if any, starts at the first line of evidence after the section's last entry
("Lines 35-41 are page chrome after the reference section under ...").
When no line below the references is a phrase of the pack (no footer, share
bar or related box), the lines there are the article's back matter (an
encyclopedia's "External links" over its link titles) and are not reported.

## Why is this bad?
Teasers of related articles are fluent news prose, often about the same
story: only their place after the header shows that they are not the article.
Left in, they repeat or contradict the article and put other stories' text
into a dataset.

## Example
    The talks will resume next week.

    Related articles

    Japan and South Korea agree to expand shuttle diplomacy

    The two leaders met in Nara on Tuesday.

Use instead:
    The talks will resume next week.

## Known problems
Teasers that are three or more prose paragraphs in a row, with nothing
between them, are taken for the article resuming. An encyclopedia entry's
"External links" list after its reference section is still reported as a
block when a phrase of the pack stands anywhere below it (a scraped page's
navigation boxes and footer; or a subhead such as "Travel" that the pack
also lists as a section label): its link titles read like related headlines. So is an
encyclopedia's "See also" list of titles above its footnotes (and a footnote
that ends in a reference marker rather than a full stop, with it): the
titles read like related links, and the portal box a page shows among them
is chrome.
""",
    owns_region=True,
)

FOREIGN_SCRIPT = Rule(
    code="NL204",
    unsafe_fixable=True,
    name="foreign-script-text",
    category=Category.ORPHAN_TEXT,
    severity=Severity.WARNING,
    summary="Line or paragraph in another script than the article",
    explanation="""\
## What it does
Finds the article's writing system (Latin, Arabic, Cyrillic, Japanese,
Korean, Chinese...) from the letters of the whole text, then flags a paragraph
whose letters are mostly (60% or more, and at least four) in another script.
A whole paragraph of ten or more foreign letters with nothing of the article's
script is an error; a shorter or mixed one is a warning. Short foreign words
quoted inside a sentence are never flagged.

## Why is this bad?
A paragraph in another script inside an article is nearly always the page's
other-language chrome: a cookie banner, a teaser from another edition, an
AI-image label.

## Example
    The talks will resume next week.

    يستخدم هذا الموقع ملفات تعريف الارتباط

Use instead:
    The talks will resume next week.

## Known problems
A bilingual article, or a quotation given in its original script on a line
of its own, is flagged.
""",
)

FOREIGN_LANGUAGE = Rule(
    code="NL205",
    unsafe_fixable=True,
    name="foreign-language-text",
    category=Category.ORPHAN_TEXT,
    severity=Severity.WARNING,
    summary="Paragraph in another language of the article's script",
    explanation="""\
## What it does
Finds the article's language from the function words of the languages in the
phrase pack that share its script (English, Spanish, French, German,
Portuguese, Italian, Dutch, Indonesian for Latin; Russian and Ukrainian for
Cyrillic; Arabic and Persian), then flags a paragraph of six words or more
whose function words are clearly another language's.

## Why is this bad?
A Spanish paragraph in an English article is a fragment of another edition of
the page, or a teaser, not the article.

## Example
    The talks will resume next week.

    Utilizamos cookies propias y de terceros para mejorar nuestros servicios.

Use instead:
    The talks will resume next week.

## Known problems
An untranslated quotation of a whole paragraph is flagged.
""",
)

RULES = [BOILERPLATE_PHRASE, BOILERPLATE_LINE, BOILERPLATE_BLOCK, FOREIGN_SCRIPT, FOREIGN_LANGUAGE]


@hookimpl
def newslint_rules() -> list[Rule]:
    return RULES


@hookimpl
def newslint_options() -> list[Option]:
    return [
        Option(
            THRESHOLD,
            "float",
            _DEFAULT_THRESHOLD,
            "Operating point of the NL2xx line model (0-1): lower reports more lines",
        )
    ]


@hookimpl
def newslint_packs() -> list[PackUse]:
    return [PackUse(PACK_KIND, _phrases.parse)]


@hookimpl
def newslint_configure(ctx: Context) -> None:
    threshold = ctx.options[THRESHOLD]
    if not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"{THRESHOLD}: {threshold} is not between 0 and 1")


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    return list(orphan_text(doc, ctx.packs[PACK_KIND], ctx))


# -- the classifier ----------------------------------------------------------------------


@dataclass(slots=True)  # one per line of the page: no __dict__ each
class Unit:
    """One paragraph (in scraped text, one line) and what the classifier found in it."""

    para: Paragraph
    text: str
    words: float
    word_tokens: list[str]
    profile: ScriptProfile
    terminal: bool
    phrase: Phrase | None = None
    foreign_script: bool = False
    foreign_letters: int = 0
    foreign_language: str | None = None
    score: float = 0.0
    reason: str = ""
    prose: bool = False
    prob: float = 0.0  # the line model's chrome probability
    chrome: bool = False  # the line model's decision (after the sequence layer)
    block_chrome: bool = False  # the same at _BLOCK_THRESHOLD or the dial, whichever is lower (inside blocks)
    why: list[str] = field(default_factory=list)  # the features that weighed most, in words (chrome lines)
    row_header: bool = False  # a block marker standing in a table's row (see ``_row_headers``)
    references: int = -1  # a block marker heading the article's reference section: its last entry's index

    @property
    def evidence(self) -> bool:
        """Whether this unit is itself boilerplate evidence."""
        return self.phrase is not None or self.foreign_script or self.foreign_language is not None


# Ends like a sentence: terminal punctuation, then closing quotes or brackets.
_TERMINAL = re.compile("[.!?\u2026\u3002\uff01\uff1f\u061f\u06d4][\"'\u201d\u2019\u00bb)\\]\u300d\u300f]*$")


def orphan_text(doc: Document, pack: PhrasePack, ctx: Context) -> Iterator[Diagnostic]:
    """Every NL2xx diagnostic of ``doc``."""
    threshold = float(ctx.options[THRESHOLD])
    page = classify(doc, pack)
    if page is None:
        return
    units = page.units
    model = _chrome_model.load(ctx.packs.bundled_file(_chrome_model.MODEL_FILE))
    scores = model.score_page(_chrome_model.PageFeatures(units, page.first, page.last, page.stopwords))
    probs = scores.probs
    chrome = scores.decide(threshold)
    block_threshold = min(threshold, _BLOCK_THRESHOLD)
    block_chrome = chrome if block_threshold == threshold else scores.decide(block_threshold)
    headline = _own_headline(doc, units)
    for i, u in enumerate(units):
        u.prob = probs[i]
        u.chrome = chrome[i] and i != headline
        u.block_chrome = block_chrome[i] and i != headline
    del chrome, block_chrome
    _row_headers(units, page.first, page.last)
    for u in units:
        if u.row_header:
            u.chrome = u.block_chrome = False
    _reference_sections(units)
    if threshold >= _DEFAULT_THRESHOLD and not any(u.evidence for u in units):
        _trust_clean_page(units, scores)
    in_block: set[int] = set()
    if ctx.is_enabled(BOILERPLATE_BLOCK):
        for marker, start, end in _blocks(units):
            in_block.update(range(start, end + 1))
            yield _block_diagnostic(doc, units, marker, start, end)
    for i, u in enumerate(units):
        if i in in_block:
            continue
        if u.chrome:  # the features that weighed most, for the message: only a chrome line's names them
            u.why = scores.reasons(i)
        diag = _line_diagnostic(doc, u, ctx, _platform_credit(units, i))
        if diag is not None:
            yield diag


def _trust_clean_page(units: Sequence[Unit], scores: _chrome_model.PageScores) -> None:
    """On a page with no chrome evidence, only the surest shapes are chrome.

    A page where no line is a pack phrase or foreign text is edited article
    text far more often than a scrape: on the development set's clean
    articles the line model alone was right 3 times in 41, on infoboxes,
    unmarked lists of apps or links and formula-stripped pages. There a line
    is chrome only by a shape no sentence has (a bare link, a handle, a menu
    trail, a timestamp, a phone number: ``model.LONE_SHAPE``), never by the
    model's reading of its place. Nor is such a shape chrome as the value
    under a one-word label in a run of short lines ("Founded" over a date,
    "Website" over a link): that is an infobox's field. A
    ``boilerplate-threshold`` below the default turns this prior off: the
    user asked for recall.
    Measured: clean/ NL202 41 -> 5 (the fields: 5 -> 3); inline suite recall
    0.538 -> 0.509 at precision 0.892 -> 0.894; page suite recall 0.767 -> 0.766.
    """
    for i, u in enumerate(units):
        if not u.chrome or u.phrase is not None:
            continue
        if u.score < _chrome_model.LONE_SHAPE or (i and not scores.alone(i) and _label(units[i - 1])):
            u.chrome = u.block_chrome = False


def _label(u: Unit) -> bool:
    """A field's label in an infobox or a table: one capitalised word, no figure, no sentence end."""
    return u.words == 1 and u.text[:1].isupper() and u.text.isalpha()


@dataclass
class Page:
    """The classified lines of a document, with the article's prose span and language."""

    units: list[Unit]
    first: int  # index of the first prose unit (len(units) without prose)
    last: int  # index of the last prose unit (-1 without prose)
    language: Language | None

    @property
    def stopwords(self) -> frozenset[str]:
        return self.language.stopwords if self.language is not None else frozenset()


def classify(doc: Document, pack: PhrasePack) -> Page | None:
    """Describe every paragraph of ``doc``: phrase, script, language, shape score, prose.

    These descriptions are the line model's input; they do not depend on the
    ``boilerplate-threshold`` dial, which only moves the model's operating point.
    """
    profiles: _Profiles = {}
    units = [_unit(doc, p, profiles) for p in doc.paragraphs]
    del profiles
    units = [u for u in units if u.text]
    if not units:
        return None
    system = dominant_system(u.profile for u in units)
    language = _dominant_language(units, pack, system)
    for u in units:
        _foreign(u, pack, system, language)
        u.prose = _is_prose(u, language)
    prose = [i for i, u in enumerate(units) if u.prose]
    first, last = (prose[0], prose[-1]) if prose else (len(units), -1)
    repeats = Counter(_phrases.key(u.text) for u in units)
    date_words = frozenset().union(*(lang.date_words for lang in pack.languages.values()))
    top_words = max((units[j].words for j in range(first)), default=0)  # the longest line above the article
    for i, u in enumerate(units):
        edge = bool(prose) and (i < first or i > last)
        u.phrase = pack.match(u.text, edge=edge)
        if u.phrase is not None:
            u.prose = False
        else:
            u.score, u.reason = _shape(u, i, top_words, first, last, repeats, language, date_words)
            if u.reason == _EMAIL_REASON and 0 < i < len(units) - 1 and units[i - 1].prose and units[i + 1].prose:
                u.score = _OWN_ADDRESS  # between two of the article's paragraphs: its own contact ("write to us:")
            if u.score >= _SHAPE_CUT:
                u.prose = False
    return Page(units, first, last, language)


def _row_headers(units: Sequence[Unit], first: int, last: int) -> None:
    """Mark block markers that stand in a table's row: a column header ("Comment" after "Status").

    Such a marker stands inside the article's prose span, with ``_ROW_CELLS``
    cells right before it and one after it: short lines of the article's own,
    neither prose nor sentences nor chrome.
    It is the article's table, not the header of a comments or related block.
    """

    def cell(v: Unit) -> bool:
        return v.words <= _CELL_WORDS and not (v.prose or v.terminal or v.evidence or v.chrome)

    for i, u in enumerate(units[first + 1 : last], first + 1):
        if u.phrase and u.phrase.opens_block and i >= _ROW_CELLS:
            u.row_header = all(cell(units[k]) for k in range(i - _ROW_CELLS, i)) and cell(units[i + 1])


def _own_headline(doc: Document, units: Sequence[Unit]) -> int:
    """Index of the unit that is the document's own headline in its place (first line), or -1.

    A file that opens with its headline is an article, not a page: its first
    line is the title the title checks read, never chrome.
    """
    found = find_headline(doc)
    if found is None or not units or found.paragraph.index != units[0].para.index:
        return -1
    return 0


_WORDISH = frozenset((TokenKind.WORD, TokenKind.ACRONYM))


# Script profiles by their counts (in order) and letters: equal ones are shared by the page's units.
_Profiles = dict[tuple[tuple[tuple[str, int], ...], int], ScriptProfile]


def _unit(doc: Document, para: Paragraph, profiles: _Profiles) -> Unit:
    """The unit of ``para``; equal script profiles (``{"Latin": 212}``) are one object in ``profiles``."""
    raw = doc.paragraph_text(para)
    text = raw.strip()
    # Word and acronym tokens, lower-cased, for function-word counts.
    word_key = _phrases.word_key
    table = doc.token_table  # read from the columns: no Token per word of a long paragraph
    lo, hi = doc.token_index(para.start), doc.token_index(para.end)
    tokens = [word_key(text) for text, kind in zip(table.texts[lo:hi], table.kinds[lo:hi]) if kind in _WORDISH]
    found = profile(text)
    return Unit(
        para=para,
        text=text,
        words=_phrases.word_count(text),
        word_tokens=tokens,
        profile=profiles.setdefault((tuple(found.counts.items()), found.letters), found),
        terminal=bool(_TERMINAL.search(text)),
    )


def _languages_of(pack: PhrasePack, system: WritingSystem | None) -> list[Language]:
    if system is None:
        return []
    return [lang for lang in pack.languages.values() if lang.script == system.name]


def _dominant_language(units: Sequence[Unit], pack: PhrasePack, system: WritingSystem | None) -> Language | None:
    """The pack language of the article's script with the most function words in it."""
    candidates = _languages_of(pack, system)
    if not candidates:
        return None
    words = Counter(token for u in units for token in u.word_tokens)
    counts = Counter({lang.code: sum(words[w] for w in words.keys() & lang.stopwords) for lang in candidates})
    code = max(sorted(counts), key=lambda c: counts[c])
    return next(lang for lang in candidates if lang.code == code)


def _foreign(u: Unit, pack: PhrasePack, system: WritingSystem | None, language: Language | None) -> None:
    if system is None or not u.profile.letters:
        return
    outside = u.foreign_letters = sum(u.profile.outside(system.scripts).values())
    if outside >= _FOREIGN_LETTERS and u.profile.share_outside(system.scripts) >= _FOREIGN_SHARE:
        u.foreign_script = True
        return
    if language is None or not language.stopwords or len(u.word_tokens) < _FOREIGN_LANG_WORDS:
        return
    keys = u.word_tokens
    own = sum(map(language.stopwords.__contains__, keys))
    best, hits = None, 0
    for other in _languages_of(pack, system):
        if other.code == language.code or not other.stopwords:
            continue
        n = sum(map(other.stopwords.__contains__, keys))
        if n > hits:
            best, hits = other.code, n
    if (
        best is not None
        and hits >= _FOREIGN_LANG_HITS
        and hits >= 2 * own + 1
        and hits / len(keys) >= _FOREIGN_LANG_SHARE
    ):
        u.foreign_language = best


def _stop_share(u: Unit, language: Language | None) -> float | None:
    if language is None or not language.stopwords or not u.word_tokens:
        return None
    return sum(map(language.stopwords.__contains__, u.word_tokens)) / len(u.word_tokens)


def _is_prose(u: Unit, language: Language | None) -> bool:
    if u.foreign_script or u.foreign_language or not u.terminal or u.words < _PROSE_WORDS:
        return False
    share = _stop_share(u, language)
    return share is None or share >= _PROSE_MIN_STOPWORDS


# -- line shape ----------------------------------------------------------------------------

_HASHTAGS = re.compile(r"^(?:#[^\W_][\w-]*[\s,]*)+$")
#: A platform's name of this many words or fewer, with no other one within this many lines: a photo credit.
_PLATFORM_WORDS = 2
_PLATFORM_REACH = 2
_EMAIL_REASON = "an e-mail address"
#: The shape score of an e-mail address standing between two paragraphs of prose: a contact the article gives.
_OWN_ADDRESS = 0.3
_EMAIL_LINE = re.compile(r"^(?:e-?mail:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.IGNORECASE)
_URL_LINE = re.compile(
    r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|co\.kr|co\.jp|news|info|io)(?:/\S*)?$",
    re.IGNORECASE,
)
_HANDLE_LINE = re.compile(r"^(?:[\w ]{0,20}:\s*)?(?:@\w{1,30}[\s,|/]*)+$")
# A date or a time: 2026-01-13, 13.01.2026, 1/13/26, 19:58, 7:58 p.m., 2026年1月13日, a year next to a day.
_DATE_PARTS = re.compile(
    r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b|\d{1,2}[:.h]\d{2}(?!\d)"
    r"|\d{4}\s?年|\d{1,2}\s?月\s?\d{1,2}\s?日|\d{4}\s?년|\d{1,2}\s?월|(?<!\d)(?:19|20)\d{2}"
    r"|\d{1,3}\s?(?:h|hrs?|hours?|m|mins?|minutes?|d|days?)\s?ago\b"
)
# A dateline that leads into the next paragraph: "TOKYO (AP) —", "SEOUL, Jan. 13 (Yonhap) --".
_YEAR = re.compile(r"(?:19|20)\d{2}")
# Figures separated by commas or semicolons: a list of values (scores, a sequence), not a phone number.
_FIGURE_LIST = re.compile(r"^\s*[-+]?\d[\d.]*(?:\s*[,;]\s*[-+]?\d[\d.]*){2,}\s*$")
_DATELINE_END = re.compile("(?:--|[-\u2013\u2014:])$")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_SEPARATORS = re.compile(r"\s[|\u2022\u00b7\u203a\u00bb>/\u25b8\u25ba\u2192]\s|[|\u2022\u00b7\u203a\u00bb]")
_LIST_SPLIT = re.compile(r"\s*[,;\u3001\u060c]\s*")


def _menu_piece(s: str) -> bool:
    return _phrases.word_count(s) <= 4


def _tag_piece(s: str) -> bool:
    return _phrases.word_count(s) <= 3 and (not s[:1].isalpha() or not s[:1].islower())


_LONG_LINE = 10_000


def _split_short(
    pattern: re.Pattern[str], text: str, keep: Callable[[str], object], short: Callable[[str], bool]
) -> bool:
    """Whether ``pattern.split(text)`` gives at least three pieces ``keep`` keeps, all ``short``.

    A long line is split one piece at a time and given up at its first long
    piece: a list of every piece of a megabyte line held several times its size.
    """
    if len(text) <= _LONG_LINE:
        pieces = [s for s in pattern.split(text) if keep(s)]
        return len(pieces) >= 3 and all(map(short, pieces))
    count = pos = 0
    for m in itertools.chain(pattern.finditer(text), (None,)):
        s = text[pos : m.start()] if m is not None else text[pos:]
        if m is not None:
            pos = m.end()
        if keep(s):
            if not short(s):
                return False
            count += 1
    return count >= 3


def _shape(
    u: Unit,
    i: int,
    top_words: float,
    first: int,
    last: int,
    repeats: Counter[str],
    language: Language | None,
    date_words: frozenset[str],
) -> tuple[float, str]:
    """How much ``u`` looks like page chrome by its form and place (0-1), and why.

    ``top_words`` is the most words on any line above the article's first
    paragraph of prose (computed once per document, not per line).
    """
    text = u.text
    letters_words = _LETTER_WORD.findall(text)
    if _URL_LINE.match(text):
        return 0.95, "a bare link"
    if _EMAIL_LINE.match(text):
        return 0.95, _EMAIL_REASON
    if _HANDLE_LINE.match(text):
        return 0.9, "social media handles"
    if _HASHTAGS.match(text):
        return 0.9, "hashtags"
    if not u.profile.letters and any(c.isdigit() for c in text) and not _FIGURE_LIST.match(text):
        return 0.8, "figures with no words"
    if u.words <= 14 and _DATE_PARTS.search(text) and not _DATELINE_END.search(text):
        others = [w for w in letters_words if _phrases.word_key(w) not in date_words]
        # A year beside a name and no other date part is a citation ("Bain 2006, p. 31") or a
        # period ("Circa 2011"), not a timestamp.
        dated = len(others) < len(letters_words) or any(not _YEAR.fullmatch(m) for m in _DATE_PARTS.findall(text))
        if (
            len(others) <= 1
            and not (others and not dated)
            and not (u.terminal and len(letters_words) > len(others) + 4)
        ):
            return 0.85, "a timestamp"
    if not u.terminal and _split_short(_SEPARATORS, text, str.strip, _menu_piece):
        return 0.9, "a navigation trail or menu"
    has_prose = last >= 0
    after_end = has_prose and i > last
    before_start = has_prose and i < first
    short = u.words <= 6 and not u.terminal
    if short and repeats[_phrases.key(text)] >= 2:
        return 0.75, "a short line repeated in the article"
    share = _stop_share(u, language)
    if not u.terminal and (share is None or share <= 0.1) and _split_short(_LIST_SPLIT, text, bool, _tag_piece):
        return (0.8 if before_start or after_end else 0.55), "a list of tags"
    if after_end and short:
        if _title_case(text) or u.words <= 2:
            return 0.7, "a short heading after the article's last paragraph"
        return 0.5, "a short line after the article's last paragraph"
    if after_end and not u.terminal and u.words >= 6 and share is not None and share < 0.05:
        return 0.65, "a line of keywords after the article's last paragraph"
    if before_start and short and not _DATELINE_END.search(text):
        below_headline = first >= 2 and u.words < top_words
        if below_headline and u.words <= 2:
            return 0.65, "a section label above the article"
        if below_headline and u.words <= 5 and _title_case(text) and not any(c.isdigit() for c in text):
            return 0.65, "a byline or label above the article"
    if short:
        return 0.3, "a short line without a full stop"
    return 0.0, ""


def _title_case(text: str) -> bool:
    words = [w for w in _LETTER_WORD.findall(text) if w.lower() not in _TITLE_SMALL]
    cased = [w for w in words if w[0].isupper() or w[0].islower()]
    return bool(cased) and all(w[0].isupper() for w in cased)


_TITLE_SMALL = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "vs"]
)


# -- blocks --------------------------------------------------------------------------------


def _blocks(units: Sequence[Unit]) -> Iterator[tuple[int, int, int]]:
    """``(marker, first, last)`` unit indexes of each block opened by a strong marker.

    A block starts at a block-opening phrase and runs until article prose
    resumes: a stretch free of evidence (no pack phrase, no foreign text, no
    line the model takes for chrome) holding three prose paragraphs, or any
    prose up to another block's header or an ad slot (the article between
    two boxes, or around an ad, that a scraper kept in place). A "list"
    marker's block ends at the next prose line, and so does the block of a
    marker standing between two short labels (``_menu_item``: "About us" in
    a menu, "Comments" in a share bar above the article). The block ends at its last line
    of evidence or at the last of the headline-shaped lines right under its
    marker (the teasers it introduces), so it never takes in the body
    paragraphs where prose resumes, and it needs a line besides its marker.
    Under a marker that heads the article's reference section (see
    ``_reference_sections``), the block starts at the first line of evidence
    after the section, and ``first`` is that line, not the marker.
    """
    i = 0
    n = len(units)

    def is_evidence(u: Unit) -> bool:
        return u.evidence or u.block_chrome

    while i < n:
        u = units[i]
        if not (u.phrase and u.phrase.opens_block) or u.row_header:
            i += 1
            continue
        end = n - 1
        j = i + 1
        if u.phrase.opens_block == "list" or _menu_item(units, i):
            while j < n and not units[j].prose:
                j += 1
            end = j - 1
        while j < n and u.phrase.opens_block == "prose" and end == n - 1:
            if units[j].prose and not is_evidence(units[j]):
                # A stretch of the article starting here: does it hold enough prose? An ad label
                # standing alone between its paragraphs does not break it (ad slots sit inside
                # articles); any other evidence does.
                k, count = j, 0
                while k < n:
                    if is_evidence(units[k]):
                        phrase = units[k].phrase
                        ad_slot = phrase is not None and phrase.role in _AD_ROLES
                        if not ad_slot or k + 1 >= n or not units[k + 1].prose or is_evidence(units[k + 1]):
                            break
                    else:
                        count += units[k].prose
                    k += 1
                # Prose up to another block's header or an ad slot is the article's, between two boxes.
                stop = units[k].phrase if k < n else None
                next_box = stop is not None and (bool(stop.opens_block) or stop.role in _AD_ROLES)
                if count >= _RESUME_PROSE or count and next_box:
                    end = j - 1
                    break
                j = max(k, j + 1)
            else:
                j += 1
        # The article's own footnotes after a box ("See also" over two links, then "Notes" and its
        # entries) end it: the block stops before the first entry, and before the subhead over it.
        entry = next((k for k in range(i + 1, end + 1) if _reference(units[k])), None)
        if entry is not None and u.references < 0:
            end = entry - 1
            if end > i and not units[end].prose and units[end].words <= _MENU_LABEL_WORDS:
                end -= 1
            if not any(units[k].evidence or units[k].prose for k in range(i + 1, end + 1)):
                end = i  # only titles between the marker and the notes: the article's back matter ("See also")
        # The headline-shaped lines right under the marker are its teasers (no
        # sentence among them); past them, the block ends at its last evidence.
        teasers = i
        while teasers < end and not units[teasers + 1].prose and not units[teasers + 1].terminal:
            teasers += 1
        while end > teasers and not is_evidence(units[end]):
            end -= 1
        start = i
        if u.references > i:
            # The marker heads the article's reference section: chrome after it, if any, is a block of its own.
            start = next((k for k in range(u.references + 1, end + 1) if is_evidence(units[k])), end + 1)
        if end > start:
            yield i, start, end
        i = max(end, i) + 1


def _menu_item(units: Sequence[Unit], i: int) -> bool:
    """A marker between two short labels: an item of a menu or a share bar ("Events", "About us", "Jobs";
    "Comments", "2192 Shares"). Its block is the menu: it ends at the next prose line, as a list's does,
    never running on into the article that follows the menu."""
    if not 0 < i < len(units) - 1:
        return False
    return all(units[j].words <= _MENU_LABEL_WORDS and not units[j].prose for j in (i - 1, i + 1))


def _reference(u: Unit) -> bool:
    """A reference entry (``line_roles``): a footnote opening with a caret, a citation with its fields."""
    return classify_line(u.text) is Role.REFERENCE


def _reference_sections(units: Sequence[Unit]) -> None:
    """Mark the article's own reference sections: a block marker with citations under it.

    Under a header such as "See also" or "Further reading", an encyclopedia
    entry or a report lists its sources: reference entries (``line_roles``: a
    footnote opening with a caret, a citation with its year, title and
    ISBN), right under the header or under one subhead ("Notes"). A site's
    related box lists other stories' headlines, never citations. When
    ``_REFERENCE_ENTRIES`` or more entries follow the marker so, the marker
    and its section (up to the last entry before any other line) are the
    article's: not chrome, and the marker opens no block over them. A list
    of titles under the header first ("See also" over links to other
    entries, a portal box among them) is not such a section, even with
    footnotes under it: the development set labels such a box chrome.
    """
    n = len(units)
    last_evidence = max((k for k, v in enumerate(units) if v.evidence), default=-1)  # one pass, not one per section
    cleared = n  # the back matter already cleared starts here
    for i, u in enumerate(units):
        if not (u.phrase and u.phrase.opens_block) or u.row_header:
            continue
        entries, last, k = 0, i, i + 1
        while k < n:
            v = units[k]
            if _reference(v):
                if not entries and k - i > _REFERENCE_REACH:
                    break  # a list of titles first: the marker's own section is no reference list
                entries, last = entries + 1, k
            elif v.prose or v.terminal or v.words > _CELL_WORDS or v.evidence and k > i + 1:
                break
            k += 1
        if entries >= _REFERENCE_ENTRIES:
            u.references = last
            for v in units[i : last + 1]:
                v.chrome = v.block_chrome = False
            if last >= last_evidence:
                # Nothing below the references is a phrase of the pack (a footer, a share bar, a
                # related box): what follows is the article's back matter, an encyclopedia's
                # "External links" over its link titles, however list-like the model finds it.
                for v in units[last + 1 : cleared]:
                    v.chrome = v.block_chrome = False
                cleared = min(cleared, last + 1)  # each line cleared once, however many sections


def _block_diagnostic(doc: Document, units: Sequence[Unit], marker: int, start: int, end: int) -> Diagnostic:
    opener, closer = units[start], units[end]
    phrase = units[marker].phrase
    assert phrase is not None
    first_line, last_line = opener.para.line, closer.para.end_line
    begin, finish = doc.trimmed(opener.para.start, opener.para.end), doc.trimmed(closer.para.start, closer.para.end)
    count = last_line - first_line + 1
    header = units[marker].text
    if marker == start:
        what = f'opened by "{header}" ({phrase.role_name}, {phrase.lang}): '
        inside = units[start + 1 : end + 1]
        lines = f"the {len(inside)} lines after it"
    else:
        what = f'after the reference section under "{header}" ({phrase.role_name}, {phrase.lang}): '
        inside = units[start : end + 1]
        lines = f"its {len(inside)} lines"
    return doc.diagnostic(
        BOILERPLATE_BLOCK,
        begin[0],
        finish[1],
        f"Lines {first_line}-{last_line} are page chrome {what}"
        f"{sum(u.chrome or u.evidence for u in inside)} of {lines} are chrome by their own evidence",
        suggestion=f"Delete lines {first_line}-{last_line} ({count} lines, blank lines included)",
        unsafe_fix=[Edit(*_deletion(doc, opener.para.start, closer.para.end))],
    )


def _platform_credit(units: Sequence[Unit], i: int) -> bool:
    """A platform's name alone ("Facebook") with no other platform's name around it: an orphaned photo credit.

    A share bar names several platforms side by side ("Facebook", "X",
    "WhatsApp"); a picture taken from a social network leaves its credit,
    one name, between the paragraphs when the picture is gone (and the same
    name twice for two pictures). Still a line to delete, but called what it is.
    """
    u = units[i]
    if u.phrase is None or u.phrase.role != "social" or u.words > _PLATFORM_WORDS:
        return False
    near = units[max(0, i - _PLATFORM_REACH) : i + _PLATFORM_REACH + 1]
    return not any(v.phrase is not None and v.phrase.role == "social" and v.text != u.text for v in near)


def _line_diagnostic(doc: Document, u: Unit, ctx: Context, credit: bool = False) -> Diagnostic | None:
    start, end = doc.trimmed(u.para.start, u.para.end)
    make = partial(doc.diagnostic, start=start, end=end, unsafe_fix=[Edit(*_deletion(doc, u.para.start, u.para.end))])
    why = f"; {', '.join(u.why)}" if u.why else ""
    if u.phrase is not None and u.chrome:
        if not ctx.is_enabled(BOILERPLATE_PHRASE):
            return None
        p = u.phrase
        role = "lone platform name (a photo credit or a share button)" if credit else p.role_name
        return make(
            BOILERPLATE_PHRASE,
            message=f'{role[0].upper() + role[1:]} left in the text: "{_clip(u.text)}" ({p.lang} phrase pack;'
            f" chrome score {u.prob:.2f}{why})",
            suggestion="Delete the line",
            severity=Severity.ERROR if p.certain else Severity.WARNING,
        )
    if u.foreign_script:
        if not ctx.is_enabled(FOREIGN_SCRIPT):
            return None
        scripts = ", ".join(s for s, _ in u.profile.counts.most_common(2))
        whole = u.profile.letters >= 10 and u.foreign_letters == u.profile.letters
        return make(
            FOREIGN_SCRIPT,
            message=f'Text in another script than the article ({scripts}): "{_clip(u.text)}"',
            suggestion="Delete it, or translate it if it belongs to the article",
            severity=Severity.ERROR if whole else Severity.WARNING,
        )
    if u.foreign_language is not None:
        if not ctx.is_enabled(FOREIGN_LANGUAGE):
            return None
        return make(
            FOREIGN_LANGUAGE,
            message=f'Paragraph in another language ({u.foreign_language}) than the article: "{_clip(u.text)}"',
            suggestion="Delete it, or translate it if it belongs to the article",
        )
    if u.chrome and ctx.is_enabled(BOILERPLATE_LINE):
        return make(
            BOILERPLATE_LINE,
            message=f"Line looks like page chrome{', ' + u.reason if u.score >= _SHAPE_CUT else ''}"
            f' (model score {u.prob:.2f}{why}): "{_clip(u.text)}"',
            suggestion="Delete the line if it is not part of the article",
            severity=Severity.ERROR if u.prob >= _CERTAIN_SCORE else Severity.WARNING,
        )
    return None


def _deletion(doc: Document, start: int, end: int) -> tuple[int, int, str]:
    """Delete ``[start, end)`` with its line break and one blank line after it, if any."""
    text = doc.text
    for _ in range(2):
        if text.startswith("\r\n", end):
            end += 2
        elif end < len(text) and text[end] in "\r\n":
            end += 1
        else:
            break
        if end < len(text) and text[end] not in "\r\n":
            break
    return start, end, ""


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
