"""Name spellings as counted facts, and the judgements made on them in any scope.

``DocNames`` is what one document says about names: for every (key,
spelling) its count, first position and display text, and for every name word
its count. ``NameFacts`` is a bag of ``DocNames`` whose ``merge`` is
concatenation, so it is associative, and commutative up to ``==`` (which
compares the documents sorted by path). The judges read a canonical order,
so one process, a pool or a cluster give the same findings.

The judges return plain findings; ``newslint.checks.names.names`` turns them into
diagnostics:

- ``choose_target``: the spelling a scope should use (preferred, else most
  used, else first used);
- ``resolve_case``: case is no evidence where a capital is forced, so such a
  spelling joins the same-letters spelling written freely elsewhere;
- ``corpus_variants``: each document's spellings that differ from the corpus target;
- ``near_misses``: rare name words one edit from a frequent one.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, ClassVar, NamedTuple

from newslint.checks.names.common_words import is_common
from newslint.checks.names.mentions import INVISIBLE, Mention, NameLexicon
from newslint.model.facts import DocumentFacts

__all__ = [
    "CorpusVariant",
    "DocNames",
    "FormStat",
    "NameFacts",
    "NearMiss",
    "Span",
    "Spelling",
    "WordUse",
    "choose_target",
    "corpus_variants",
    "near_misses",
    "resolve_case",
]

MIN_FREQUENT = 5  # uses a name word needs before a rare look-alike can be called its misspelling
MAX_RARE = 2  # uses a look-alike may have at most
RATIO = 5  # and the frequent word must be used this many times as often
MIN_LENGTH = 5  # letters both need: "Jae"/"Jay", "Kim"/"Kin" are names of their own
# A rare form this common in English text at large (Zipf scale: 2.3 is about
# five uses per billion words) is a word or a famous name of its own ("Osama"
# beside "Obama", "Greta" beside "Great", "Zeeland" beside "Zealand"), not a slip.
KNOWN_WORD_ZIPF = 2.3


@functools.lru_cache(maxsize=1 << 14)
def is_known_word(word: str) -> bool:
    """Whether ``word`` is in common use on its own (wordfreq's English list, bundled data).

    Read from a cached set of wordfreq's common words (``common_words``): the
    same answer as ``zipf_frequency``, without importing wordfreq.
    """
    return is_common(word, KNOWN_WORD_ZIPF)


class Span(NamedTuple):
    """Where a name stands: offsets and 1-based (line, column) in code points, end exclusive."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class Spelling(NamedTuple):
    """One spelling of one name in one document."""

    key: str
    form: str
    display: str
    uses: int
    first: Span
    reliable: bool
    preferred: bool


class WordUse(NamedTuple):
    """One name word (by key) in one document."""

    key: str
    display: str
    uses: int
    first: Span


class DocNames(NamedTuple):
    """Everything one document says about names; ``publication`` is the scope of corpus judgments."""

    path: str
    spellings: tuple[Spelling, ...]
    words: tuple[WordUse, ...]
    publication: str = ""

    @classmethod
    def build(
        cls,
        path: str,
        mentions: Sequence[Mention],
        span: Callable[[int, int], Span],
        publication: str = "",
        *,
        spellings: bool = True,
    ) -> DocNames:
        """Count ``mentions`` by key and (case-resolved) spelling; ``span`` maps offsets to a ``Span``.

        With ``spellings=False`` only the name words are counted (all that
        ``near_misses`` reads).
        """
        if not spellings:
            return cls(path, (), _word_uses(mentions, span), publication)
        forms = resolve_case(mentions)
        groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for mention, form in zip(mentions, forms):
            groups[(mention.key, form)].append(mention)
        found = []
        for (key, form), members in groups.items():
            own = next((m for m in members if m.form == form), members[0])
            found.append(
                Spelling(
                    key=key,
                    form=form,
                    display=display(own.text),
                    uses=len(members),
                    first=span(members[0].start, members[0].end),
                    reliable=any(m.reliable for m in members),
                    preferred=members[0].preferred,
                )
            )
        return cls(path, tuple(found), _word_uses(mentions, span), publication)


def _word_uses(mentions: Sequence[Mention], span: Callable[[int, int], Span]) -> tuple[WordUse, ...]:
    words: dict[str, list[Any]] = {}
    for mention in mentions:
        for word in mention.words:
            if word.key in words:
                words[word.key][2] += 1
            else:
                words[word.key] = [word.key, display(word.text), 1, span(word.start, word.end)]
    return tuple(WordUse(*w) for w in words.values())


def display(text: str) -> str:
    """The text shown in messages: invisible characters dropped, spaces collapsed."""
    return " ".join(text.translate(_DROP_INVISIBLE).split())


_DROP_INVISIBLE = {ord(c): None for c in INVISIBLE}


class NameFacts(DocumentFacts[DocNames]):
    """The ``names`` facts of any number of documents (one ``DocNames`` each); pickles, merges in any order."""

    key: ClassVar[str] = "names"

    @property
    def docs(self) -> tuple[DocNames, ...]:
        """One ``DocNames`` per document, in merge order."""
        return self.entries

    def canonical(self) -> tuple[DocNames, ...]:
        """The documents sorted by path; a path seen twice (the same file twice) counts once."""
        by_path: dict[str, DocNames] = {}
        for doc in self.docs:
            kept = by_path.get(doc.path)
            by_path[doc.path] = doc if kept is None else min(kept, doc)
        return tuple(by_path[p] for p in sorted(by_path))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NameFacts) and self.canonical() == other.canonical()

    def __hash__(self) -> int:
        return hash(self.canonical())


# -- choosing the spelling a scope should use --------------------------------------------


class FormStat(NamedTuple):
    """A spelling's standing in a scope; ``first`` sorts by first use (offset, or (path, offset))."""

    form: str
    uses: int
    first: Hashable
    preferred: bool


def choose_target(stats: Iterable[FormStat]) -> FormStat:
    """The spelling to use: a pack's preferred one if used, else the most used, else the first used."""
    stats = list(stats)
    pool = [s for s in stats if s.preferred] or stats
    return min(pool, key=lambda s: (-s.uses, s.first))


def resolve_case(mentions: Sequence[Mention]) -> list[str]:
    """Each mention's spelling, where a forced capital adopts the freely written casing.

    A mention at a sentence start or in a title-case line ("Al-Assad") takes
    the most used reliable spelling of the same key with the same letters
    ignoring case ("al-Assad"), if the document has one.
    """
    reliable: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.reliable:
            reliable[(m.key, m.form.casefold())][m.form] += 1
    first = _first_indexes(mentions)
    out = []
    for m in mentions:
        choices = reliable.get((m.key, m.form.casefold()))
        if m.reliable or not choices:
            out.append(m.form)
        else:
            out.append(min(choices, key=lambda f: (-choices[f], first[(m.key, f)])))
    return out


def _first_indexes(mentions: Sequence[Mention]) -> dict[tuple[str, str], int]:
    """The index of the first mention of each (key, form), found in one pass."""
    first: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        first.setdefault((m.key, m.form), i)
    return first


def doc_targets(doc: DocNames) -> dict[str, str]:
    """The spelling a document itself would choose, for each key it spells more than one way."""
    by_key: dict[str, list[FormStat]] = defaultdict(list)
    for s in doc.spellings:
        by_key[s.key].append(FormStat(s.form, s.uses, s.first.start, s.preferred))
    return {key: choose_target(stats).form for key, stats in by_key.items() if len(stats) > 1}


# -- across a corpus ---------------------------------------------------------------------------


class CorpusVariant(NamedTuple):
    """A document's spelling that differs from the corpus target."""

    path: str
    spelling: Spelling
    corpus_count: int
    target: str
    target_here: int
    target_corpus: int
    target_preferred: bool


def publications(docs: Sequence[DocNames]) -> list[list[DocNames]]:
    """The corpus split by publication, each part in canonical order: spellings are compared
    within one publication only, never pushed from one outlet's house style onto another's."""
    parts: dict[str, list[DocNames]] = {}
    for doc in docs:
        parts.setdefault(doc.publication, []).append(doc)
    return [parts[k] for k in sorted(parts)]


MIN_HOUSE_DOCS = 2  # other documents of the publication that must use the target: a house style, not one file
MIN_MAJORITY = 2  # and the target must be used this many times as often as the variant
MIN_TARGET_USES = 3  # and at least this many times in all: two uses are no house style


def is_shouting(form: str) -> bool:
    """All-caps text ("APPLE INC", a ticker table) is a typographic choice, not a name spelling."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_camel(form: str) -> bool:
    """A brand's internal capital ("LinkedIn", "WikiLeaks", "AirPods", "iPhone"): never re-cased by a vote."""
    return any(a.islower() and b.isupper() for word in form.split() for a, b in itertools.pairwise(word))


def corpus_variants(docs: Sequence[DocNames], *, skip_when_doc_agrees: bool) -> list[CorpusVariant]:
    """Every (document, spelling) whose spelling differs from its publication's target for its key.

    Judged per publication (``publications``). A spelling is reported only
    when it is a clear minority there: the target is used at least
    ``MIN_MAJORITY`` times as often and ``MIN_TARGET_USES`` times in all, and
    by at least ``MIN_HOUSE_DOCS`` other documents. All-caps forms take no part; a brand's camel-case form is
    never reported, and wins over a form that differs from it only in case.

    Args:
        docs: The corpus, in canonical order.
        skip_when_doc_agrees: Leave out spellings that the within-document rule
            already reports with the same target (the document's own target is
            the corpus target), so one position is not reported twice.
    """
    out: list[CorpusVariant] = []
    for part in publications(docs):
        out.extend(_publication_variants(part, skip_when_doc_agrees=skip_when_doc_agrees))
    return out


def _publication_variants(docs: Sequence[DocNames], *, skip_when_doc_agrees: bool) -> list[CorpusVariant]:
    users: dict[tuple[str, str], set[str]] = defaultdict(set)
    totals: dict[str, dict[str, list[Any]]] = defaultdict(dict)  # key -> form -> [count, first, preferred, reliable]
    for doc in docs:
        for s in doc.spellings:
            if is_shouting(s.form):
                continue
            users[(s.key, s.form)].add(doc.path)
            entry = totals[s.key].get(s.form)
            first = (doc.path, s.first.start)
            if entry is None:
                totals[s.key][s.form] = [s.uses, first, s.preferred, s.reliable]
            else:
                entry[0] += s.uses
                entry[1] = min(entry[1], first)
                entry[3] = entry[3] or s.reliable
    resolved: dict[str, dict[str, str]] = {}
    targets: dict[str, FormStat] = {}
    counts: dict[str, Counter[str]] = {}
    for key, forms in totals.items():
        if len(forms) < 2:
            continue
        mapping = _resolve_forms(forms)
        merged: dict[str, list[Any]] = {}
        for form, (count, first, preferred, _reliable) in forms.items():
            into = mapping[form]
            if into in merged:
                merged[into][0] += count
                merged[into][1] = min(merged[into][1], first)
            else:
                merged[into] = [count, first, forms[into][2]]
        if len(merged) < 2:
            continue
        resolved[key] = mapping
        counts[key] = Counter({form: v[0] for form, v in merged.items()})
        chosen = choose_target(FormStat(form, v[0], v[1], v[2]) for form, v in merged.items())
        camel = [f for f in merged if is_camel(f) and f.casefold() == chosen.form.casefold()]
        if camel and chosen.form not in camel:  # the brand's own casing wins over a vote
            best = max(camel, key=lambda f: merged[f][0])
            chosen = FormStat(best, merged[best][0], merged[best][1], merged[best][2])
        targets[key] = chosen
        for form in merged:
            for f, into in mapping.items():
                if into == form and f != form:
                    users[(key, form)] |= users[(key, f)]
    out = []
    for doc in docs:
        own = doc_targets(doc) if skip_when_doc_agrees else {}
        here: dict[str, Counter[str]] = defaultdict(Counter)
        for s in doc.spellings:
            if s.key in targets:
                here[s.key][resolved[s.key][s.form]] += s.uses
        for s in doc.spellings:
            target = targets.get(s.key)
            if target is None or resolved[s.key][s.form] == target.form:
                continue
            if own.get(s.key) == target.form or is_shouting(s.form):
                continue
            form = resolved[s.key][s.form]
            if is_camel(form) and form.casefold() == target.form.casefold():
                continue  # a brand's casing is never re-cased
            if counts[s.key][form] * MIN_MAJORITY > target.uses or target.uses < MIN_TARGET_USES:
                continue  # not a clear minority in this publication
            if len(users[(s.key, target.form)] - {doc.path}) < MIN_HOUSE_DOCS:
                continue  # too few other documents to call it the house style
            out.append(
                CorpusVariant(
                    path=doc.path,
                    spelling=s,
                    corpus_count=counts[s.key][resolved[s.key][s.form]],
                    target=target.form,
                    target_here=here[s.key][target.form],
                    target_corpus=target.uses,
                    target_preferred=target.preferred,
                )
            )
    return out


def _resolve_forms(forms: dict[str, list[Any]]) -> dict[str, str]:
    """Map spellings seen only with forced capitals to the reliable spelling with the same letters."""
    mapping = {}
    for form, (_count, _first, _preferred, reliable) in forms.items():
        mapping[form] = form
        if reliable:
            continue
        choices = [f for f, v in forms.items() if v[3] and f.casefold() == form.casefold()]
        if choices:
            mapping[form] = min(choices, key=lambda f: (-forms[f][0], forms[f][1]))
    return mapping


# -- near-misses -----------------------------------------------------------------------------------


class NearMiss(NamedTuple):
    """A rare name word one edit from a frequent one, in one document."""

    path: str
    word: WordUse
    uses: int
    likely: str
    likely_count: int


def near_misses(docs: Sequence[DocNames], lexicon: NameLexicon) -> list[NearMiss]:
    """``_near_misses`` within each publication (see ``publications``)."""
    out: list[NearMiss] = []
    for part in publications(docs):
        out.extend(_near_misses(part, lexicon))
    return out


def _near_misses(docs: Sequence[DocNames], lexicon: NameLexicon) -> list[NearMiss]:
    """Rare name words that look like misspellings of a frequent name word in the same scope.

    Conservative by design: the rare word is used at most ``MAX_RARE`` times,
    the frequent one at least ``MIN_FREQUENT`` times and ``RATIO`` times as
    often; both have ``MIN_LENGTH`` letters and the same first letter; they
    differ by one swap of adjacent letters, or by one letter added, dropped or
    changed (not the last letter: "Clark"/"Clarke", "Koreas"/"Korean"), and
    for those the rare word must stand in a document that also uses the
    frequent one. Words a pack lists as distinct, or as spellings of one
    name, are never paired.
    """
    totals: Counter[str] = Counter()
    where: dict[str, set[int]] = defaultdict(set)
    shown: dict[str, str] = {}
    for i, doc in enumerate(docs):
        for w in doc.words:
            totals[w.key] += w.uses
            where[w.key].add(i)
            shown.setdefault(w.key, w.display)
    frequent: dict[str, list[str]] = defaultdict(list)  # a deletion of a frequent word -> the words
    for key, count in totals.items():
        if count >= MIN_FREQUENT and len(key) >= MIN_LENGTH:
            frequent[key].append(key)
            for i in range(1, len(key)):
                frequent[key[:i] + key[i + 1 :]].append(key)
    out = []
    for rare, count in totals.items():
        if count > MAX_RARE or len(rare) < MIN_LENGTH or not rare.isalpha() or is_known_word(rare):
            continue
        best = None
        for candidate in _candidates(rare, frequent):
            edit = one_edit(rare, candidate)
            if edit is None or totals[candidate] < RATIO * count or _unrelated_by_pack(rare, candidate, lexicon):
                continue
            if edit != "transposition" and not (where[rare] & where[candidate]):
                continue
            if best is None or (-totals[candidate], candidate) < (-totals[best], best):
                best = candidate
        if best is None:
            continue
        for i in sorted(where[rare]):
            word = next(w for w in docs[i].words if w.key == rare)
            out.append(NearMiss(docs[i].path, word, count, shown[best], totals[best]))
    return out


def _candidates(rare: str, frequent: dict[str, list[str]]) -> set[str]:
    found = set(frequent.get(rare, ()))
    for i in range(1, len(rare)):
        found.update(frequent.get(rare[:i] + rare[i + 1 :], ()))
    found.discard(rare)
    return found


def _unrelated_by_pack(a: str, b: str, lexicon: NameLexicon) -> bool:
    if frozenset((a, b)) in lexicon.distinct:
        return True
    group = lexicon.group_of(a)
    return group is not None and group == lexicon.group_of(b)


def one_edit(rare: str, frequent: str) -> str | None:
    """How ``rare`` is one typing slip from ``frequent``, or None.

    Returns "transposition", "substitution", "omission" or "addition". The
    first letter never changes, only letters are involved, and a last letter
    added, dropped or changed does not count: that is "Clark" and "Clarke",
    "Korea", "Koreas" and "Korean".
    """
    if rare[:1] != frequent[:1] or not frequent.isalpha():
        return None
    if len(rare) == len(frequent):
        diff = [i for i, (a, b) in enumerate(zip(rare, frequent)) if a != b]
        if len(diff) == 1:
            return "substitution" if diff[0] < len(rare) - 1 else None  # "Koreas"/"Korean"
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and rare[diff[0]] == frequent[diff[1]]
            and rare[diff[1]] == frequent[diff[0]]
        ):
            return "transposition"
        return None
    shorter, longer, kind = (rare, frequent, "omission") if len(rare) < len(frequent) else (frequent, rare, "addition")
    if len(longer) - len(shorter) != 1:
        return None
    for i in range(len(shorter)):
        if shorter[i] != longer[i]:
            return kind if shorter[i:] == longer[i + 1 :] else None
    return None  # the extra letter is the last one
