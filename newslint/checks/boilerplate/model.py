"""The learned line model behind NL2xx: which lines of a scraped page are page chrome.

The NL2xx classifier (``boilerplate.py``) describes every line (its phrase-pack
match, its script, its shape score, whether it is prose); this module turns
those descriptions into plain-text features of the line, its neighbours and
its place on the page, and scores them with the weights shipped in
``rules/boilerplate_model.json``. Inference is a dot product per line, in
pure Python, in two stages:

1. a logistic regression on the line's own features and its context (prose
   share around it, distance to the article's prose span and the side it is
   on, neighbours' shapes, runs, repetition, caption and headline cues);
2. a second logistic regression that adds the first stage's scores of the
   neighbouring lines, so runs of chrome (a related-articles box, a menu) are
   judged together;

then a two-state Viterbi pass over the page's lines whose transition cost was
chosen by cross-validation, so an isolated line does not flip inside a run.

The weights are data: ``tools/train_boilerplate.py`` rebuilds them from the
development set and records where the data came from and the cross-validated
figures. Nothing here depends on a language: stopwords come from the phrase
pack's ``[[language]]`` tables and the shape features look at letters, case,
digits and punctuation of any script.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress
from pathlib import Path
from typing import Any, Protocol

__all__ = ["GUARD_FEATURES", "MODEL_FILE", "Line", "Model", "PageFeatures", "PageScores", "alone", "features", "load"]

MODEL_FILE = "boilerplate_model.json"
#: Features only ``decide`` reads, never weighted: reference markers and marked lists are too rare in
#: the training pages for a standardised weight (with them, out-of-fold precision fell), and too sure
#: a sign of the article's own text; the head of the text is a place, not a cue to weigh.
GUARD_FEATURES = frozenset(
    {"cited", "run_cited", "marker_run", "head", "link_list", "section_byline", "own_credit", "sign_off"}
)
SCHEMA = 1


class Line(Protocol):
    """What the NL2xx classifier knows about a line (``boilerplate.Unit`` provides it)."""

    text: str
    words: float
    word_tokens: list[str]
    terminal: bool
    prose: bool
    score: float
    reason: str
    foreign_script: bool
    foreign_language: str | None

    @property
    def phrase(self) -> Any: ...


_LETTER_WORD = re.compile(r"[^\W\d_]+")
_LINK = re.compile(r"https?://|www\.|\S@\S|(?:^|\s)@\w|\.(?:com|org|net)\b", re.IGNORECASE)
_BULLET = re.compile("^[\\-\u2013\u2014\u2022\u00b7*\u25b6\u25ba\u25b8\u25a0\u25cf\u25c6\u2605\u2192>\u203a\u00bb]")
# A list item's marker: a bullet sign or an enumerator ("1.", "2.3", "a)", "(iv)"), then text.
_LIST_MARKER = re.compile(
    "^(?:[-+*\u2013\u2014\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043]"
    "|\\d{1,3}(?:\\.\\d{1,3})+\\.?|\\d{1,3}[.)]|[a-zA-Z][.)]|\\(\\w{1,4}\\))\\s+\\S"
)
# Consecutive lines sharing one marker make the article's own list (a changelog, steps, an infobox's
# bulleted rows): navigation and teasers are scraped as bare labels and titles, not marked items.
_MARKER_RUN = 3
_MARKER_REACH = 2
_LINK_LIST = 3
_CITATION = re.compile(r"\[(?:\d{1,3}|n \d{1,3}|note \d{1,3}|[a-z]|citation needed)\]")
_ELLIPSIS = re.compile(r"(?:\.\.\.|\u2026)[\"'\u201d\u2019)]*$")
_SEPARATOR = re.compile("[|\u2022\u00b7\u203a\u00bb/\u25b8\u25ba\u2192]")
# A credit or image label: a copyright sign, a bracketed source, "Photo:", "Image credit", agencies' image desks.
_CREDIT = re.compile(
    r"\u00a9|\(c\)\s|\b(?:photo|image|picture|credit|illustration|foto|bild|imagen)s?\b\s*(?:by|:|credit)"
    r"|\b(?:getty|shutterstock|reuters|afp|epa|ap photo|alamy|istock)\b",
    re.IGNORECASE,
)
_CAPTION_SHARE = 0.5
#: The text's first lines (with at most one prose line, a headline, above): a lone date or figure
#: there is the article's dateline or number, kept by editors.
_HEAD_LINES = 3
#: A byline under a run of this many prose lines (ending within ``_SECTION_REACH`` lines above it),
#: with ``_SECTION_BELOW`` prose lines within as many lines below, stands between two stretches of the
#: article: it opens the next article of a page of several (a weekly edition), and belongs to the text.
_SECTION_PROSE = 3
_SECTION_BELOW = 2
_SECTION_REACH = 6
# A credit in brackets, "(Label: name)": an article that credits every image this way writes it itself.
_BRACKET_CREDIT = re.compile(r"^\((?:[^\W\d_][\w\u2019'-]*)(?: [^\W\d_][\w\u2019'-]*)?:\s*[^()]{1,60}\)\.?$")
_CREDIT_SERIES = 3
_DATED = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")  # a year: a dateline, not "Updated 2 hours ago"
# A time of day: the moment a CMS stamps ("19:58", "7.58 pm", "19h58"), which no dateline gives.
_CLOCK = re.compile(
    r"(?<![\d.:])\d{1,2}(?:[:h]\d{2}(?!\d)|\.\d{2}\s?(?:uhr|h|[ap]\.?m\.?)(?!\w)|\s?[ap]\.?m\.?(?!\w))", re.IGNORECASE
)
# A writer's sign-off: a dash, then a name ("-- By Jane Doe", "— Jane Doe").
_SIGN_OFF = re.compile(r"^(?:--|[\u2013\u2014])\s*(?:[Bb]y:?\s+)?[^\W\d_][\w.\u2019'-]*\s[^\W\d_]")

# Role groups of the phrase pack, as features.
_ROLE_GROUPS = {
    "related": "related",
    "comments": "related",
    "tags": "related",
    "navigation": "nav",
    "cta": "nav",
    "media": "nav",
    "social": "social",
    "subscribe": "social",
    "paywall": "social",
    "advert": "social",
    "cookie": "legal",
    "copyright": "legal",
    "ai-label": "legal",
    "credit": "credit",
    "timestamp": "meta",
    "byline": "meta",
}
_SHAPE_REASONS = {
    "a bare link": "link",
    "an e-mail address": "link",
    "social media handles": "link",
    "hashtags": "link",
    "figures with no words": "figures",
    "a timestamp": "timestamp",
    "a navigation trail or menu": "menu",
    "a short line repeated in the article": "repeat",
    "a list of tags": "taglist",
    "a short heading after the article's last paragraph": "tail",
    "a short line after the article's last paragraph": "tail",
    "a line of keywords after the article's last paragraph": "tail",
    "a section label above the article": "label",
    "a byline or label above the article": "label",
}


def _log(x: float) -> float:
    return math.log1p(max(x, 0.0))


def _title_share(text: str) -> tuple[float, float]:
    """Share of cased words that start with a capital, and share written all in capitals."""
    words = _LETTER_WORD.findall(text)
    initials = [w[0] for w in words]
    upper = sum(map(str.isupper, initials))
    cased = upper + sum(map(str.islower, initials))
    if not cased:
        return 0.0, 0.0
    # All in capitals, of two letters or more; a word in capitals with a cased initial starts upper.
    caps = sum(1 for w in compress(words, map(str.isupper, words)) if len(w) > 1 and w[0].isupper())
    return upper / cased, caps / cased


def _casefold(text: str, stretch: int = 65_536) -> str:
    """``text.casefold()``, a stretch at a time when long (it folds each character alone): a
    whole long line at once holds a buffer of three times its size."""
    if len(text) <= stretch:
        return text.casefold()
    return "".join(text[i : i + stretch].casefold() for i in range(0, len(text), stretch))


def _content(tokens: Sequence[str], stop: frozenset[str]) -> set[str]:
    return {t for t in set(tokens).difference(stop) if len(t) > 2}  # each distinct word once


def features(lines: Sequence[Line], first: int, last: int, stopwords: frozenset[str]) -> list[dict[str, float]]:
    """The stage-one features of every line of a page, in order.

    Args:
        lines: The page's lines (paragraphs), as classified by NL2xx.
        first, last: Indexes of the first and last prose line (``len(lines)``, -1 without prose).
        stopwords: Function words of the article's language (empty when unknown).
    """
    page = PageFeatures(lines, first, last, stopwords)
    return [page.line(i) for i in range(len(lines))]


class PageFeatures:
    """The stage-one features of a page's lines, built one line at a time by ``line``.

    What the features of a line read from the whole page (prose shares, runs,
    repetition, the lede's and the body's words, blocks) is computed once, in
    compact per-line columns; a line's feature dict is built when asked for,
    so inference need not keep one dict per line (about 2 kB each) alive.
    """

    def __init__(self, lines: Sequence[Line], first: int, last: int, stopwords: frozenset[str]) -> None:
        self.lines = lines
        self.first = first
        self.last = last
        self.stopwords = stopwords
        self.n = n = len(lines)
        self.has_prose = last >= 0
        title_of = array("d")
        caps_of = array("d")
        for u in lines:
            title, caps = _title_share(u.text)
            title_of.append(title)
            caps_of.append(caps)
        self.title = title_of
        self.caps = caps_of
        self.prose = prose = array("d", [1.0 if u.prose else 0.0 for u in lines])
        self.cum = cum = array("d", [0.0])
        for p in prose:
            cum.append(cum[-1] + p)
        self.prose_run = prose_run = array("q", bytes(8 * n))  # consecutive prose lines ending at each line
        for k in range(n):
            if lines[k].prose:
                prose_run[k] = prose_run[k - 1] + 1 if k else 1
        # Runs of non-prose lines: each line's run length and whether prose flanks the run.
        self.run_len = run_len = array("q", bytes(8 * n))
        self.flanked = flanked = bytearray(n)
        i = 0
        while i < n:
            if lines[i].prose:
                i += 1
                continue
            j = i
            while j < n and not lines[j].prose:
                j += 1
            for k in range(i, j):
                run_len[k] = j - i
                flanked[k] = i > 0 and j < n
            i = j
        keys = Counter(_casefold(u.text) for u in lines)  # each distinct line once
        self.repeated = bytearray(keys[_casefold(u.text)] >= 2 for u in lines)
        del keys
        self.marker_run = bytearray(_marker_runs([u.text for u in lines], [u.prose for u in lines]))
        # Three or more bare links in a row are a list of sources; chrome's links stand alone.
        bare = [u.reason == "a bare link" for u in lines]
        self.link_list = bytearray(
            bare[k]
            and any(
                all(bare[j] for j in range(a, a + _LINK_LIST))
                for a in range(max(0, k - _LINK_LIST + 1), min(k, n - _LINK_LIST) + 1)
            )
            for k in range(n)
        )
        del bare
        # Reference markers ("[6]", "[n 2]") belong to sourced text: an infobox or a table of the article.
        self.cited = cited = bytearray(bool(_CITATION.search(u.text)) for u in lines)
        self.run_cited = run_cited = array("q", bytes(8 * n))
        i = 0
        while i < n:
            j = i + run_len[i] if run_len[i] else i + 1
            if run_len[i]:
                count = sum(cited[i:j])
                for k in range(i, j):
                    run_cited[k] = count - cited[k]
            i = j
        self.lede = _content(lines[first].word_tokens, stopwords) if 0 <= first < n else set()
        body_words: Counter[str] = Counter()
        self.body_words = body_words
        for u in lines:
            if u.prose:
                body_words.update(_content(u.word_tokens, stopwords))
        self.credit = bytearray(bool(_CREDIT.search(u.text)) or _role(u) == "credit" for u in lines)
        # The article's own credits, written in the bracketed form it uses for many lines no pack phrase names.
        self.bracketed = bracketed = bytearray(bool(_BRACKET_CREDIT.match(u.text)) for u in lines)
        self.series = sum(1 for u, b in zip(lines, bracketed) if b and u.phrase is None) >= _CREDIT_SERIES
        # Blocks: lines after a block-opening phrase, before prose resumes. ``marker[i]`` is the last
        # line above ``i`` that opens a block (-1: none, or ``i`` opens one itself); ``after_marker[i]``
        # whether fewer than three prose lines stand between them.
        self.marker = marker_of = array("q", bytes(8 * n))
        self.after_marker = after_of = bytearray(n)
        marker = -1
        prose_since_marker = 0
        for i, u in enumerate(lines):
            marker_of[i] = -1
            if u.phrase is not None and u.phrase.opens_block:
                marker, prose_since_marker = i, 0
            elif marker >= 0:
                prose_since_marker += int(u.prose)
                marker_of[i] = marker
                after_of[i] = prose_since_marker < 3

    def __len__(self) -> int:
        return self.n

    def line(self, i: int) -> dict[str, float]:
        """The stage-one features of line ``i``."""
        lines = self.lines
        n = self.n
        prose = self.prose
        cum = self.cum
        stopwords = self.stopwords
        first, last, has_prose = self.first, self.last, self.has_prose
        u = lines[i]
        text = u.text
        tokens = u.word_tokens
        phrase = u.phrase is not None
        title = self.title[i]

        def share(k: int) -> float:
            lo, hi = max(0, i - k), min(n, i + k + 1)
            count = hi - lo - 1
            return (cum[hi] - cum[lo] - prose[i]) / count if count > 0 else 0.0

        f: dict[str, float] = {}
        lw = _log(u.words)
        f["log_words"] = lw
        f["log_chars"] = _log(len(text))
        f["short"] = 1.0 if u.words <= 4 else 0.0
        f["long"] = 1.0 if u.words >= 20 else 0.0
        f["terminal"] = 1.0 if u.terminal else 0.0
        f["colon_end"] = 1.0 if text.endswith(":") else 0.0
        f["question"] = 1.0 if text.rstrip("\"'\u201d\u2019)").endswith(("?", "\uff1f", "\u061f")) else 0.0
        f["ellipsis_end"] = 1.0 if _ELLIPSIS.search(text) else 0.0
        f["title_share"] = title
        f["caps_share"] = self.caps[i]
        f["title_untermed"] = title * (1.0 - f["terminal"])
        letters = sum(map(str.isalpha, text))  # per character, in C
        digits = sum(map(str.isdigit, text))
        f["digit_share"] = digits / max(1, letters + digits)
        f["link"] = 1.0 if _LINK.search(text) else 0.0
        f["bullet"] = 1.0 if _BULLET.match(text) else 0.0
        f["separators"] = min(3.0, len(_SEPARATOR.findall(text)))
        stop = sum(t in stopwords for t in tokens) / len(tokens) if tokens and stopwords else 0.0
        f["stop_share"] = stop
        f["stop_unknown"] = 0.0 if stopwords else 1.0
        f["prose"] = prose[i]
        f["foreign"] = 1.0 if u.foreign_script or u.foreign_language else 0.0
        f["phrase"] = 1.0 if phrase else 0.0
        if phrase:
            p = u.phrase
            f["phrase_certain"] = 1.0 if p.certain else 0.0
            f["phrase_opens_block"] = 1.0 if p.opens_block else 0.0
            f["phrase_" + _ROLE_GROUPS.get(p.role, "nav")] = 1.0
        f["shape_score"] = u.score
        if u.reason in _SHAPE_REASONS:
            f["shape_" + _SHAPE_REASONS[u.reason]] = 1.0
        f["repeated"] = 1.0 if self.repeated[i] else 0.0
        # Context: prose around the line, the prose span, neighbours.
        f["prose_share_2"] = share(2)
        f["prose_share_5"] = share(5)
        f["prose_share_12"] = share(12)
        before = has_prose and i < first
        after = has_prose and i > last
        f["before_span"] = 1.0 if before else 0.0
        f["after_span"] = 1.0 if after else 0.0
        f["no_prose"] = 0.0 if has_prose else 1.0
        f["head"] = 1.0 if i < _HEAD_LINES and cum[i] <= 1 else 0.0  # at most a headline above it
        if phrase:
            series = self.series and bool(self.bracketed[i])
            f.update(_own_phrase(u, i, f["head"], first, last, cum, self.prose_run, series))
        elif has_prose and i == last + 1 and _SIGN_OFF.match(text):
            f["sign_off"] = 1.0
        f["dist_before"] = _log(first - i) if before else 0.0
        f["dist_after"] = _log(i - last) if after else 0.0
        for name, j in (("prev", i - 1), ("next", i + 1)):
            if 0 <= j < n:
                t = lines[j]
                f[name + "_prose"] = prose[j]
                f[name + "_log_words"] = _log(t.words)
                f[name + "_terminal"] = 1.0 if t.terminal else 0.0
                f[name + "_phrase"] = 1.0 if t.phrase is not None else 0.0
                f[name + "_title"] = self.title[j]
        # Runs: a list or table inside the prose span is flanked by prose on both sides.
        run_len = self.run_len[i]
        f["run_log_len"] = _log(run_len)
        f["marker_run"] = 1.0 if self.marker_run[i] else 0.0
        f["link_list"] = 1.0 if self.link_list[i] else 0.0
        f["cited"] = 1.0 if self.cited[i] else 0.0
        f["run_cited"] = _log(self.run_cited[i])
        inside = has_prose and first < i < last
        f["list_in_span"] = 1.0 if inside and not u.prose and self.flanked[i] else 0.0
        f["list_in_span_short_run"] = f["list_in_span"] * (1.0 if run_len <= 2 else 0.0)
        # Caption cues: a credit or image label on the line or next to it.
        credit = self.credit
        near_credit = any(credit[j] for j in (i - 1, i + 1) if 0 <= j < n)
        f["credit"] = 1.0 if credit[i] else 0.0
        f["near_credit"] = 1.0 if near_credit else 0.0
        f["near_credit_sentence"] = 1.0 if near_credit and u.terminal else 0.0
        # Headline cues: a title-like line above the body that echoes the lede.
        words_here = _content(tokens, stopwords)
        lede = self.lede
        echo = len(words_here & lede) / len(words_here) if words_here and lede and i != first else 0.0
        f["lede_echo"] = echo
        f["headline_cue"] = echo * (1.0 if before and not u.terminal else 0.0)
        # Vocabulary shared with the article's prose (teasers of other stories share little).
        if words_here:
            body_words = self.body_words
            own = words_here if u.prose else set()
            shared = sum(1 for w in words_here if body_words[w] - (w in own) > 0)
            f["body_vocab"] = shared / len(words_here)
        # Blocks: lines after a block-opening phrase, before prose resumes.
        marker = self.marker[i]
        if marker >= 0:
            f["after_marker"] = 1.0 if self.after_marker[i] else 0.0
            f["marker_dist"] = _log(i - marker) * f["after_marker"]
        return f


def _own_phrase(
    u: Line, i: int, head: float, first: int, last: int, cum: Sequence[float], prose_run: Sequence[int], series: bool
) -> dict[str, float]:
    """Guard features of a pack-phrase line that is the article's own: its place says so, not its words.

    ``section_byline``: a byline between two stretches of the article's
    prose opens the next article of a page of several (a weekly edition, a
    digest): a run of ``_SECTION_PROSE`` prose lines ends
    within ``_SECTION_REACH`` lines above it, and ``_SECTION_BELOW`` prose
    lines follow within as many lines. A page's own byline sits under its
    headline and standfirst, not under another article's paragraphs; a
    teaser's byline among other teasers, with no prose below.

    ``own_credit``: a copyright line at the head of the text, under its title
    and above its first paragraph (the author's credit; the site's sits in
    the footer), a timestamp that opens the text with a date and no time of
    day (its dateline: a CMS stamps the minute, "19:58"), or a
    bracketed credit of the series the article writes itself ("(Source:
    name)" among "(Artist: name)" lines no pack phrase names).
    """
    p = u.phrase
    out: dict[str, float] = {}
    if p.role == "byline" and not p.opens_block and first < i < last:
        above = max(prose_run[max(0, i - _SECTION_REACH) : i], default=0)
        below = cum[min(len(cum) - 1, i + 1 + _SECTION_REACH)] - cum[i + 1]
        if above >= _SECTION_PROSE and below >= _SECTION_BELOW:
            out["section_byline"] = 1.0
    if (
        (p.role == "copyright" and head and i < first)
        or (p.role == "timestamp" and i == 0 and _DATED.search(u.text) and not _CLOCK.search(u.text))
        or (p.role == "credit" and series)
    ):
        out["own_credit"] = 1.0
    return out


def _marker(text: str) -> str | None:
    """The kind of list marker ``text`` starts with ("1" for any enumerator), or None."""
    m = _LIST_MARKER.match(text)
    if m is None:
        return None
    c = text[0]
    return "1" if c.isdigit() else "a" if c.isalpha() or c == "(" else c


def _marker_runs(texts: Sequence[str], prose: Sequence[bool]) -> list[bool]:
    """Whether each line belongs to a list of the article: a run of marked lines next to its prose.

    A run holds at least ``_MARKER_RUN`` consecutive lines with one kind of
    marker; marked lines may alternate with one unmarked line each (an
    infobox's value under its bulleted label). It must start or end within
    ``_MARKER_REACH`` lines of a prose line: a sidebar's bulleted archive or a
    site's table of contents, far from the article's paragraphs, is not the
    article's list.
    """
    n = len(texts)
    marks = [_marker(t) for t in texts]
    out = [False] * n
    i = 0
    while i < n:
        m = marks[i]
        if m is None:
            i += 1
            continue
        members = [i]
        j = i + 1
        while j < n:
            if marks[j] == m:
                members.append(j)
                j += 1
            elif marks[j] is None and j + 1 < n and marks[j + 1] == m:
                j += 2
                members.append(j - 1)
            else:
                break
        end = members[-1]
        near = range(max(0, i - _MARKER_REACH), min(n, end + _MARKER_REACH + 1))
        if len(members) >= _MARKER_RUN and any(prose[k] for k in near):
            for k in range(i, end + 1):
                out[k] = True
        i = max(j, i + 1)
    return out


def neighbour_features(f: dict[str, float], scores: Sequence[float], i: int) -> dict[str, float]:
    """Stage two: the line's own features plus the stage-one scores around it."""
    g = dict(f)
    g.update(_neighbour_scores(scores, i))
    return g


def _neighbour_scores(scores: Sequence[float], i: int) -> list[tuple[str, float]]:
    """The stage-one scores around line ``i`` that stage two adds to its features, in order."""
    n = len(scores)

    def mean(lo: int, hi: int) -> float:
        vals = [scores[j] for j in range(max(0, lo), min(n, hi + 1)) if j != i]
        return sum(vals) / len(vals) if vals else 0.5

    return [
        ("s1_self", scores[i]),
        ("s1_prev", scores[i - 1] if i > 0 else 0.5),
        ("s1_next", scores[i + 1] if i + 1 < n else 0.5),
        ("s1_mean_2", mean(i - 2, i + 2)),
        ("s1_mean_5", mean(i - 5, i + 5)),
        ("s1_max_2", max((scores[j] for j in range(max(0, i - 2), min(n, i + 3)) if j != i), default=0.5)),
        ("s1_min_2", min((scores[j] for j in range(max(0, i - 2), min(n, i + 3)) if j != i), default=0.5)),
    ]


def _role(u: Line) -> str:
    p = u.phrase
    return _ROLE_GROUPS.get(p.role, "") if p is not None else ""


# -- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """One logistic regression: weights on standardised features."""

    bias: float
    weights: dict[str, tuple[float, float, float]]  # name: (weight, mean, scale)

    def logit(self, x: dict[str, float]) -> float:
        """``bias + sum(w * (x - mean) / scale)``, as an intercept plus the features ``x`` holds.

        A feature a line lacks is 0, so its term is a constant: folding those
        into the intercept leaves a product per feature present.
        """
        return self.add(self._linear[0], x.items())

    def add(self, z: float, items: Iterable[tuple[str, float]]) -> float:
        """``z`` plus the product of each feature in ``items`` with its slope, in the order given.

        ``logit`` is ``add(intercept, x.items())``: a logit summed in two parts
        (the line's own features, then its neighbours' scores) is the same float.
        """
        slopes = self._linear[1]
        for name, value in items:
            slope = slopes.get(name)
            if slope is not None:
                z += slope * value
        return z

    @cached_property
    def _linear(self) -> tuple[float, dict[str, float]]:
        intercept = self.bias - sum(w * mean / scale for w, mean, scale in self.weights.values())
        return intercept, {name: w / scale for name, (w, _, scale) in self.weights.items()}

    def contributions(self, x: dict[str, float]) -> list[tuple[float, str]]:
        """Each feature's share of the logit, largest first."""
        out = [(w * (x.get(name, 0.0) - mean) / scale, name) for name, (w, mean, scale) in self.weights.items()]
        return sorted(out, reverse=True)


@dataclass(frozen=True)
class Model:
    """The two stages, the sequence layer's transition cost, and how to describe features."""

    stage1: Stage
    stage2: Stage
    switch_cost: float
    describe: dict[str, str]

    def score(self, feats: Sequence[dict[str, float]]) -> tuple[list[float], list[dict[str, float]]]:
        """Chrome probability of each line, and the stage-two features (for explanations)."""
        s1 = [_sigmoid(self.stage1.logit(f)) for f in feats]
        second = [neighbour_features(f, s1, i) for i, f in enumerate(feats)]
        return [_sigmoid(self.stage2.logit(g)) for g in second], second

    def score_page(self, page: PageFeatures) -> PageScores:
        """``score`` of ``page.line(i)`` for every line, keeping no feature dict per line.

        Each line's features are built once: stage one's logit and stage two's
        sum over the line's own features are taken from them, with the few
        facts ``decide`` reads (``_guards``); stage two then adds the
        neighbours' stage-one scores. The probabilities are those of ``score``.
        """
        stage1, stage2 = self.stage1, self.stage2
        intercept2 = stage2._linear[0]
        s1 = array("d")
        own2 = array("d")
        guards = bytearray(len(page))
        for i in range(len(page)):
            f = page.line(i)
            s1.append(_sigmoid(stage1.logit(f)))
            own2.append(stage2.add(intercept2, f.items()))
            guards[i] = _guards(f)
        probs = array("d", [_sigmoid(stage2.add(z, _neighbour_scores(s1, i))) for i, z in enumerate(own2)])
        return PageScores(self, page, s1, probs, guards)

    def decide(self, probs: Sequence[float], threshold: float, feats: Sequence[dict[str, float]]) -> list[bool]:
        """Chrome or not per line at the operating point ``threshold`` (see ``decide``)."""
        return decide(probs, threshold, self.switch_cost, feats)

    def reasons(self, x: dict[str, float], limit: int = 2) -> list[str]:
        """The strongest features pushing a line towards chrome, in words.

        Only features the line has (non-zero) are named: a feature it lacks
        may still raise the score (a body cue that is absent), but "a list
        inside the article" must not explain a line that is no list.
        """
        out: list[str] = []
        for value, name in self.stage2.contributions(x):
            if value <= 0.25 or len(out) >= limit:
                break
            if not x.get(name, 0.0):
                continue
            text = self.describe.get(name)
            if text and text not in out:
                out.append(text)
        return out


# The sequence layer may carry a run of chrome over a line scoring at least this share of the threshold.
_CARRY = 0.5
# Surest evidence, chrome wherever it stands: a certain pack phrase the model does not
# firmly take for body, and the surest shapes (bare links, handles, hashtags, menus).
# A certain phrase, a phone number or a timestamp standing alone between paragraphs
# is chrome too, whatever the model says: such a line is never a sentence of the
# article. In a run of such lines (a table of figures or dates) it is body, and at the
# head of the text (its first lines, or above its first paragraph) a lone date or
# number is the article's own dateline or chapter number: the model decides there.
# The lines of a list the article marks (see ``_marker_runs``) are body unless a pack
# phrase names them; three bare links in a row are a list of sources, left to the model.
_PHRASE_FLOOR = 0.5
#: Guard features of lines that are the article's own by their place (see ``_own_phrase``), phrase or not.
_OWN_LINE = ("section_byline", "own_credit", "sign_off")
SURE_SHAPE = 0.9
LONE_SHAPE = 0.8
_LONE_RUN = math.log1p(1) + 1e-9  # ``run_log_len`` of a line standing alone
_CITED_RUN = math.log1p(2) - 1e-9  # ``run_cited``: two other lines of the run carry reference markers


_SENTENCE_WORDS = math.log1p(4)  # ``log_words`` of a four-word line
_CAPTION_WORDS = math.log1p(8)  # ``log_words`` of an eight-word line, a prose sentence's length
_CAPTION_STOPWORDS = 0.12  # and a prose sentence's share of function words


def alone(f: dict[str, float]) -> bool:
    """Whether the line stands alone: no other non-prose line next to it (a run of one)."""
    return f.get("run_log_len", 0.0) <= _LONE_RUN


def _in_span_prose(f: dict[str, float]) -> bool:
    """A sentence inside the article's prose span (first to last prose line).

    Either a line NL2xx takes for prose, or a sentence of four words or more
    ending like one that stands next to no credit (a caption stands by its credit).
    """
    if f.get("before_span") or f.get("after_span") or f.get("no_prose"):
        return False
    if f.get("prose"):
        return True
    return bool(f.get("terminal")) and f.get("log_words", 0.0) >= _SENTENCE_WORDS and not f.get("near_credit")


def _credited_sentence(f: dict[str, float]) -> bool:
    """A sentence closed by a credit: the caption the article's editor wrote, "... tourists. (Reuters)".

    Its credit is a pack phrase, but the line is the article's own sentence:
    the model decides it at the dial, no pack phrase forces it.
    """
    return (
        bool(f.get("phrase_credit"))
        and f.get("log_words", 0.0) >= _CAPTION_WORDS
        and f.get("stop_share", 0.0) >= _CAPTION_STOPWORDS
    )


def decide(
    probs: Sequence[float], threshold: float, cost: float, feats: Sequence[dict[str, float]] | None = None
) -> list[bool]:
    """Chrome or not per line.

    The Viterbi labelling, keeping only lines that score at least half the
    threshold: the sequence layer drops isolated lines inside a run of body
    text and lets a run of chrome carry over a line that is nearly as sure, but
    never marks a line the model itself takes for body. Then, with ``feats``:
    lines with the surest evidence are chrome whatever their neighbours, and a
    sentence inside the article's prose span with no pack phrase is body
    whatever its neighbours (the guard that keeps findings off the article's
    own paragraphs; out of fold, at 0.6, it costs 0.4 points of inline recall
    and gains 1.4 of precision).
    """
    floor = _CARRY * threshold
    out = [v and p >= floor for v, p in zip(viterbi(probs, threshold, cost), probs)]
    if feats is not None:
        _apply_guards(out, probs, [_guards(f) for f in feats])
    return out


# What ``decide`` reads of a line's features, as bits (``_guards``).
_OFF = 1  # a list or reference structure and no pack phrase, or the article's own line: body
_CERTAIN = 2  # a certain pack phrase that does not close a credited sentence
_LONE = 4  # ``alone``
_SURE = 8  # the surest shapes: chrome
_SPAN = 16  # a sentence inside the prose span with no pack phrase: body unless chrome by the above


def _guards(f: dict[str, float]) -> int:
    lone = alone(f)
    shape = f.get("shape_score", 0.0)
    structure = f.get("marker_run") or f.get("cited") or f.get("run_cited", 0.0) >= _CITED_RUN
    bits = _LONE if lone else 0
    if structure and not f.get("phrase") or any(f.get(k) for k in _OWN_LINE):
        bits |= _OFF
    if f.get("phrase_certain", 0.0) and not _credited_sentence(f):
        bits |= _CERTAIN
    if (shape >= SURE_SHAPE and not f.get("link_list")) or (
        shape >= LONE_SHAPE and lone and not (f.get("head") or f.get("before_span"))
    ):
        bits |= _SURE
    if _in_span_prose(f) and not f.get("phrase"):
        bits |= _SPAN
    return bits


def _apply_guards(out: list[bool], probs: Sequence[float], guards: Sequence[int]) -> None:
    for i, (bits, p) in enumerate(zip(guards, probs)):
        if bits & _OFF:
            out[i] = False
        elif (bits & _CERTAIN and (p >= _PHRASE_FLOOR or bits & _LONE)) or bits & _SURE:
            out[i] = True
        elif bits & _SPAN:
            out[i] = False


@dataclass
class PageScores:
    """``Model.score_page``'s result: the chrome probability of each line and what deciding needs."""

    model: Model
    page: PageFeatures
    s1: array[float]  # stage-one scores
    probs: array[float]  # stage-two scores: the chrome probabilities
    guards: bytearray  # ``_guards`` of each line's features

    def decide(self, threshold: float) -> list[bool]:
        """``decide`` at ``threshold``, with the features' guards."""
        out = decide(self.probs, threshold, self.model.switch_cost)
        _apply_guards(out, self.probs, self.guards)
        return out

    def alone(self, i: int) -> bool:
        """``alone`` of line ``i``'s features."""
        return bool(self.guards[i] & _LONE)

    def reasons(self, i: int, limit: int = 2) -> list[str]:
        """``Model.reasons`` of line ``i``'s stage-two features (built again: only reported lines ask)."""
        return self.model.reasons(neighbour_features(self.page.line(i), self.s1, i), limit)


def viterbi(probs: Sequence[float], threshold: float, cost: float) -> list[bool]:
    """The most likely chrome/body labelling: each line's log-odds against the threshold, minus ``cost`` per switch."""
    if not probs:
        return []
    t = min(max(threshold, 1e-6), 1 - 1e-6)
    shift = math.log(t / (1 - t))
    gain = [_logit(p) - shift for p in probs]  # > 0: chrome is the better label for this line alone
    # best[state]: score of the best labelling so far ending in state (0 body, 1 chrome)
    best = [0.0, gain[0]]
    back: list[tuple[int, int]] = []
    for g in gain[1:]:
        from_body = (best[0], best[1] - cost)
        from_chrome = (best[0] - cost, best[1] + g)
        b0 = 0 if from_body[0] >= from_body[1] else 1
        b1 = 0 if from_chrome[0] >= from_chrome[1] else 1
        back.append((b0, b1))
        best = [from_body[b0], from_chrome[b1]]
    state = 0 if best[0] >= best[1] else 1
    out = [state == 1]
    for b in reversed(back):
        state = b[state]
        out.append(state == 1)
    out.reverse()
    return out


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def _stage(data: dict[str, Any], where: str) -> Stage:
    try:
        weights = {str(k): (float(v[0]), float(v[1]), float(v[2]) or 1.0) for k, v in data["weights"].items()}
        return Stage(float(data["bias"]), weights)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"{where}: malformed stage ({exc})") from exc


@lru_cache(maxsize=4)
def load(path: Path) -> Model:
    """The model in ``path`` (``rules/boilerplate_model.json``)."""
    import json  # only when a run needs the model: importing the plugin stays cheap

    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: unsupported schema {data.get('schema')!r}; this newslint reads schema {SCHEMA}")
    return Model(
        _stage(data["stage1"], f"{path}: stage1"),
        _stage(data["stage2"], f"{path}: stage2"),
        float(data["switch_cost"]),
        {str(k): str(v) for k, v in data.get("describe", {}).items()},
    )
