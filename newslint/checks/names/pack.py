"""Read and validate ``names`` packs (bundled ``rules/names.toml``, then the newsroom's) into a ``NameLexicon``.

Later packs extend the ``[mentions]`` word lists, add ``[[ending]]`` and
``[[distinct]]`` entries, and replace every earlier ``[[same]]`` group that
shares a spelling with one of theirs. Errors name the file, key path and reason.
"""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path
from typing import Any

from newslint import PackError, PackSource, field_of
from newslint.checks.names.mentions import Alternation, Ending, NameLexicon, key_atoms
from newslint.plugin.packs import tables_of

SCHEMA = 1
_TOP_KEYS = {"pack", "mentions", "same", "ending", "distinct", "alternation"}
_MENTION_LISTS = {
    "titles": "titles",
    "particles": "particles",
    "suffixes": "suffixes",
    "not-names": "not_names",
    "short-surnames": "short_surnames",
    "patronymics": "patronymics",
    "given-syllables": "given_syllables",
    "family-markers": "family_markers",
}


class _Group:
    """One ``[[same]]`` entry while packs are merged."""

    def __init__(self, spellings: list[str], preferred: str | None, alone: bool) -> None:
        self.spellings = spellings
        self.preferred = preferred
        self.alone = alone
        self.keys = {"".join(key_atoms(s)) for s in spellings}


def parse_names_packs(sources: list[PackSource]) -> NameLexicon:
    """Merge every ``names`` pack, bundled first, into one ``NameLexicon``.

    Raises:
        PackError: a bad key, type or value, naming the file and key path.
    """
    words: dict[str, set[str]] = {field: set() for field in _MENTION_LISTS.values()}
    groups: list[_Group] = []
    endings: list[Ending] = []
    distinct: list[tuple[Path, str, list[str]]] = []
    alternations: list[Alternation] = []
    for src in sources:
        if src.schema != SCHEMA:
            raise PackError(
                src.path, "pack.schema", f"schema {src.schema} is not supported; this newslint reads schema {SCHEMA}"
            )
        unknown = sorted(set(src.data) - _TOP_KEYS)
        if unknown:
            raise PackError(src.path, unknown[0], f"unknown key; a names pack has {', '.join(sorted(_TOP_KEYS))}")
        _read_mentions(src, words)
        groups = _read_same(src, groups)
        endings.extend(_read_endings(src))
        alternations.extend(_read_alternations(src))
        for i, entry in enumerate(tables_of(src, "distinct")):
            distinct.append((src.path, f"distinct[{i}]", _strings(src, entry, "names", f"distinct[{i}]", minimum=2)))
    lexicon = _build(words, groups, endings, frozenset(), alternations)
    pairs: set[frozenset[str]] = set()
    for path, where, names in distinct:
        keys = [lexicon.key(name) for name in names]
        for (a, ka), (b, kb) in combinations(zip(names, keys), 2):
            if ka == kb:
                raise PackError(
                    path,
                    where,
                    f"{a!r} and {b!r} share the key {ka!r}, so they would be merged; fix the [[same]] or [[ending]] entry that joins them",
                )
            pairs.add(frozenset((ka, kb)))
            split_a, split_b = a.split(), b.split()
            if len(split_a) == len(split_b):
                for wa, wb in zip(split_a, split_b):
                    if lexicon.key(wa) != lexicon.key(wb):
                        pairs.add(frozenset((lexicon.key(wa), lexicon.key(wb))))
    return _build(words, groups, endings, frozenset(pairs), alternations)


def _build(
    words: dict[str, set[str]],
    groups: list[_Group],
    endings: list[Ending],
    distinct: frozenset[frozenset[str]],
    alternations: list[Alternation],
) -> NameLexicon:
    same: dict[str, tuple[str, int, bool, bool]] = {}
    with_preferred = set()
    for index, group in enumerate(groups):
        canonical = "".join(key_atoms(group.preferred or group.spellings[0]))
        preferred_key = "".join(key_atoms(group.preferred)) if group.preferred else None
        if preferred_key:
            with_preferred.add(index)
        for key in group.keys:
            same[key] = (canonical, index, key == preferred_key, group.alone)
    return NameLexicon(
        titles=frozenset(words["titles"]),
        particles=frozenset(words["particles"]),
        suffixes=frozenset(words["suffixes"]),
        not_names=frozenset(words["not_names"]),
        same=same,
        group_has_preferred=frozenset(with_preferred),
        endings=tuple(endings),
        distinct=distinct,
        longest=max((len(k) for k in same), default=0),
        short_surnames=frozenset(words["short_surnames"]),
        alternations=tuple(alternations),
        patronymics=frozenset(words["patronymics"]),
        given_syllables=frozenset(words["given_syllables"]),
        family_markers=frozenset(a for w in words["family_markers"] for a in key_atoms(w)),
    )


def _read_mentions(src: PackSource, words: dict[str, set[str]]) -> None:
    table = field_of(src, src.data, "mentions", dict, "", required=False, default={})
    for key in table:
        if key not in _MENTION_LISTS:
            raise PackError(src.path, f"mentions.{key}", f"unknown key; expected one of {', '.join(_MENTION_LISTS)}")
    for key, field in _MENTION_LISTS.items():
        words[field].update(w.casefold() for w in _strings(src, table, key, "mentions", minimum=0))


def _read_same(src: PackSource, groups: list[_Group]) -> list[_Group]:
    seen: dict[str, str] = {}
    for i, entry in enumerate(tables_of(src, "same")):
        where = f"same[{i}]"
        spellings = _strings(src, entry, "spellings", where, minimum=1)
        preferred = field_of(src, entry, "preferred", str, where, required=False)
        if preferred is not None and preferred not in spellings:
            raise PackError(src.path, f"{where}.preferred", f"{preferred!r} is not one of the spellings {spellings!r}")
        alone = field_of(src, entry, "alone", bool, where, required=False, default=True)
        _no_other_keys(src, entry, where, {"spellings", "preferred", "alone"})
        group = _Group(spellings, preferred, alone)
        for spelling in spellings:
            key = "".join(key_atoms(spelling))
            if not key:
                raise PackError(src.path, f"{where}.spellings", f"{spelling!r} has no letters")
            if key in seen and seen[key] != where:
                raise PackError(
                    src.path,
                    f"{where}.spellings",
                    f"{spelling!r} is also in {seen[key]}; one spelling belongs to one name",
                )
            seen[key] = where
        groups = [g for g in groups if not (g.keys & group.keys)] + [group]
    return groups


def _read_alternations(src: PackSource) -> list[Alternation]:
    out = []
    for i, entry in enumerate(tables_of(src, "alternation")):
        where = f"alternation[{i}]"
        language = field_of(src, entry, "language", str, where)
        pattern = field_of(src, entry, "pattern", str, where)
        replacement = field_of(src, entry, "replace", str, where, required=False, default="")
        scope = field_of(src, entry, "scope", str, where, required=False, default="word")
        word = field_of(src, entry, "word", str, where, required=False)
        _no_other_keys(src, entry, where, {"language", "pattern", "replace", "scope", "word", "examples", "never"})
        if scope not in ("word", "family"):
            raise PackError(src.path, f"{where}.scope", f"{scope!r}: expected 'word' (every word) or 'family'")
        compiled = _regex(src, f"{where}.pattern", pattern)
        word_re = _regex(src, f"{where}.word", word) if word is not None else None
        # `examples` (pairs joined) and `never` (pairs kept apart) document the entry; tests check them.
        _strings(src, entry, "examples", where, minimum=0)
        _strings(src, entry, "never", where, minimum=0)
        out.append(Alternation(language, compiled, replacement, scope == "family", word_re))
    return out


def _regex(src: PackSource, where: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as e:
        raise PackError(src.path, where, f"not a regular expression: {e}") from None


def _read_endings(src: PackSource) -> list[Ending]:
    out = []
    for i, entry in enumerate(tables_of(src, "ending")):
        where = f"ending[{i}]"
        forms = _strings(src, entry, "forms", where, minimum=1)
        canonical = field_of(src, entry, "canonical", str, where)
        _no_other_keys(src, entry, where, {"forms", "canonical"})
        parsed = []
        for form in forms:
            atoms = tuple(key_atoms(form))
            if not atoms:
                raise PackError(src.path, f"{where}.forms", f"{form!r} has no letters")
            parsed.append((form[:1].isalpha(), atoms))
        canonical_atoms = tuple(key_atoms(canonical))
        if not canonical_atoms or canonical[:1].isalpha():
            raise PackError(
                src.path,
                f"{where}.canonical",
                f"{canonical!r}: write the ending with a leading space or hyphen, as in ' Temple'",
            )
        out.append(Ending(tuple(parsed), canonical_atoms))
    return out


def _strings(src: PackSource, table: dict[str, Any], key: str, where: str, *, minimum: int) -> list[str]:
    values = field_of(src, table, key, list, where, required=minimum > 0, default=[])
    for i, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise PackError(src.path, f"{where}.{key}[{i}]", f"expected a non-empty string, got {value!r}")
    if len(values) < minimum:
        raise PackError(src.path, f"{where}.{key}", f"expected at least {minimum} entries, got {len(values)}")
    return values


def _no_other_keys(src: PackSource, table: dict[str, Any], where: str, allowed: set[str]) -> None:
    for key in table:
        if key not in allowed:
            raise PackError(src.path, f"{where}.{key}", f"unknown key; expected one of {', '.join(sorted(allowed))}")
