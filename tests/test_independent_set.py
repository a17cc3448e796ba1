"""Titles and names on an independent-style set of wire articles (issue #18's goals).

The articles in tests/data/independent/ were written for this test, dated
2024-2026: 15 with a wrong title and 15 correct ones, 14 that spell a name
two ways (romanization, diacritics, hyphens) and 10 about relatives or
namesakes whose names must stay apart. Each article carries its own date
(an "Updated" line); nothing is passed on the command line.
"""

from __future__ import annotations

import pytest
from independent_sets import NAME_CODES, TITLE_CODES, ArticleSet

from newslint.testing import check

SET = ArticleSet("independent")
articles = SET.articles
flagged = SET.flagged


def test_sets_have_their_size():
    assert len(articles("titles_wrong.txt")) == 15
    assert len(articles("titles_correct.txt")) == 15
    assert len(articles("names_variant.txt")) == 14
    assert len(articles("names_lookalike.txt")) == 10


def test_wrong_titles_are_found(capsys):
    found = flagged("titles_wrong.txt", TITLE_CODES)
    hits = [k for k, v in found.items() if v]
    with capsys.disabled():
        print(f"\ntitles: {len(hits)} of {len(found)} wrong titles found; missed: {sorted(set(found) - set(hits))}")
    assert len(hits) >= 14


def test_correct_titles_are_not_flagged(capsys):
    found = flagged("titles_correct.txt", TITLE_CODES)
    bad = {k: v for k, v in found.items() if v}
    with capsys.disabled():
        print(f"\ntitles: {len(bad)} of {len(found)} correct articles flagged {bad or ''}")
    assert bad == {}


def test_variant_spellings_are_found(capsys):
    found = flagged("names_variant.txt", NAME_CODES)
    hits = [k for k, v in found.items() if v]
    with capsys.disabled():
        print(f"\nnames: {len(hits)} of {len(found)} variant spellings found; missed: {sorted(set(found) - set(hits))}")
    assert len(hits) >= 12


def test_look_alike_names_are_not_flagged(capsys):
    found = flagged("names_lookalike.txt", NAME_CODES + ["NL403"])
    bad = {k: v for k, v in found.items() if v}
    with capsys.disabled():
        print(f"\nnames: {len(bad)} of {len(found)} look-alike articles flagged {bad or ''}")
    assert bad == {}


@pytest.mark.parametrize("key", sorted(articles("titles_wrong.txt")))
def test_each_wrong_title_names_the_office(key):
    """Every finding on a wrong-title article says which office and when."""
    for d in check(articles("titles_wrong.txt")[key], TITLE_CODES):  # this article alone, not all 15 again
        assert "article dated" in d.message
