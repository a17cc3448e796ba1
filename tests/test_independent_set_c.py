"""Titles and names on a third independent-style set of wire articles (issue #18, the world 2000-2026).

The articles in tests/data/independent-c/ were written for this test, blind to
the offices table and to the titles and names checks, dated 2000-2025 and
spread over Africa, Latin America, Asia, Europe, the Middle East and the
international bodies (UN, NATO, EU, IMF, World Bank, WHO, WTO, the Pope, a
central bank): 20 with one title wrong for the article's date (former holders,
"President-elect" and "Prime Minister-designate" after taking office, an acting
title after the acting term, a leader given the wrong country), 20 correct
titles that look risky (acting and interim holders during their terms,
"former", "the late", "then-", brothers with one surname, "chief executive",
"Under Secretary", "the president of Real Madrid", a successor two weeks into
the job), 14 that spell one person's name two ways (Arabic, Russian, Ukrainian,
Korean, Chinese, Vietnamese, Hindi, Persian, Turkish diacritics; al-/el-;
hyphen or space) and 10 about relatives whose names must stay apart. Each
article carries its own date (an "Updated" line). tests/data/independent-c/README.md
records what newslint said on each article when the set was written.

The misses asserted below are what is left of the measured baseline (titles
18 of 20 found, 0 of 20 flagged; names 9 of 14, 0 of 10; one false NL304 in a
wrong-title article): when a change fixes one, remove it from the list here.
"""

from __future__ import annotations

import pytest
from independent_sets import NAME_CODES, TITLE_CODES, ArticleSet

from newslint.testing import check

SET = ArticleSet("independent-c")
articles = SET.articles
flagged = SET.flagged


def test_sets_have_their_size():
    assert len(articles("titles_wrong.txt")) == 20
    assert len(articles("titles_correct.txt")) == 20
    assert len(articles("names_variant.txt")) == 14
    assert len(articles("names_lookalike.txt")) == 10


def test_wrong_titles_are_found(capsys):
    found = flagged("titles_wrong.txt", TITLE_CODES)
    hits = [k for k, v in found.items() if v]
    missed = sorted(set(found) - set(hits))
    with capsys.disabled():
        print(f"\ntitles (set c): {len(hits)} of {len(found)} wrong titles found; missed: {missed}")
    # Left: "President Boris Yeltsin" in June 2000: he left office on 1999-12-31, before the table's
    # depth (2000), so the table has no term of Yeltsin to judge by. "Prime Minister-designate" months
    # after the term began is found since NL301 reads "-designate" as "-elect".
    assert missed == ["yeltsin-former-2000-06"]


def test_correct_titles_are_not_flagged(capsys):
    found = flagged("titles_correct.txt", TITLE_CODES)
    bad = {k: v for k, v in found.items() if v}
    with capsys.disabled():
        print(f"\ntitles (set c): {len(bad)} of {len(found)} correct articles flagged {bad or ''}")
    assert bad == {}


def test_variant_spellings_are_found(capsys):
    found = flagged("names_variant.txt", NAME_CODES)
    hits = [k for k, v in found.items() if v]
    missed = sorted(set(found) - set(hits))
    with capsys.disabled():
        print(f"\nnames (set c): {len(hits)} of {len(found)} variant spellings found; missed: {missed}")
    # Issue #18 item 3 reached all five former misses: a surname alone in another spelling
    # ("Zelensky" after "Volodymyr Zelenskyy", "Erdogan", "Hifter's"), a Korean given-name
    # syllable after a space ("Moon Jae In"), and the Persian zh/j and Arabic vowel alternations.
    assert missed == []


def test_look_alike_names_are_not_flagged(capsys):
    found = flagged("names_lookalike.txt", NAME_CODES + ["NL403"])
    bad = {k: v for k, v in found.items() if v}
    with capsys.disabled():
        print(f"\nnames (set c): {len(bad)} of {len(found)} look-alike articles flagged {bad or ''}")
    assert bad == {}


@pytest.mark.parametrize(
    ("key", "codes"),
    [
        ("museveni-kenya-2016-05", ["NL304"]),  # a leader given the wrong country
        ("temer-acting-2017-04", ["NL303"]),  # an acting title after the acting term
        ("choi-acting-2025-07", ["NL303"]),
        ("biden-elect-2021-03", ["NL301"]),  # "President-elect" after the inauguration
        ("milei-elect-2024-02", ["NL301"]),
        ("benedict-pope-2015-09", ["NL303"]),
        ("kuroda-boj-2023-09", ["NL303"]),
        # "Central Bank Governor Alexandre Tombini" is right: English copy calls the head of Brazil's
        # central bank its governor (the body's `other-titles`); the NL304 it drew is gone.
        ("lula-former-2013-05", ["NL303"]),
        ("maliki-designate-2006-08", ["NL301"]),  # "Prime Minister-designate" after the term began
    ],
)
def test_the_rule_that_finds_it(key, codes):
    assert [d.code for d in check(articles("titles_wrong.txt")[key], TITLE_CODES)] == codes  # this article alone
