"""Names and titles decide on distinct word forms, remembered across documents (issue #14).

What a process remembers about a word must never change what a later
document is told, and the titles' pre-test on the token columns must never
skip a document that holds a title before a name.
"""

from __future__ import annotations

import pickle

import pytest

import newslint.checks.titles.mentions as title_module
from newslint.checks.names.mentions import find_mentions
from newslint.checks.names.names import lexicon
from newslint.checks.titles.mentions import title_mentions
from newslint.checks.titles.offices import parse_offices
from newslint.model.document import Document
from newslint.plugin.packs import Packs
from newslint.run.engine import Engine, RunOptions

# Short articles of my own, each exercising a form the memos key on: a lone
# capital that is an initial in one article and not in the next, a possessive,
# a joined word across an en dash, a title-case headline, an acronym.
ARTICLES = [
    "On Monday, Donald J. Trump spoke in Ohio.\nHe said Plan J would wait.\n",
    "The rival proposal, Plan J, was shelved, said Rita J Smith. Smith's aides said nothing.\n",
    "Lee Jae\u2013myung met NATO officials in Brussels.\n\nLee Jae-myung left on Friday.\n",
    "Takaichi Hosts Lee In Nara For Talks\n\nSanae Takaichi welcomed Lee Jae Myung to Nara.\n",
    "The premier's office said Kim Jong Un's envoy arrived; KIM JONG UN was not there.\n",
]


@pytest.fixture(scope="module")
def lex():
    return lexicon(Engine.create(RunOptions(isolated=True, entry_points=False)).ctx)


def test_names_memos_change_no_later_document(lex) -> None:
    """Mentions found by a lexicon that read other articles first equal those of a fresh one."""
    for text in ARTICLES:  # fill the process-wide memos
        find_mentions(Document(text), lex)
    for text in reversed(ARTICLES):
        fresh = pickle.loads(pickle.dumps(lex))  # the memos stay behind
        assert not any(name.startswith("_memo_") for name in vars(fresh))
        assert find_mentions(Document(text), lex) == find_mentions(Document(text), fresh)


def test_initial_is_decided_by_the_full_stop_after_it(lex) -> None:
    """A lone capital's class is remembered per text, but the full stop after it is read each time."""
    first = {m.text: [w.text for w in m.words] for m in find_mentions(Document(ARTICLES[0]), lex)}
    second = {m.text: [w.text for w in m.words] for m in find_mentions(Document(ARTICLES[1]), lex)}
    assert first["Donald J. Trump"] == ["Donald", "Trump"]  # "J." is an initial, no name word
    assert second["Rita J Smith"] == ["Rita", "J", "Smith"]  # no full stop: "J" is a name word


TITLE_ARTICLES = [
    "U.S. President-elect Donald Trump met Prime Minister\u00a0Sanae Takaichi in Tokyo.",
    "Secretary-General Ant\u00f3nio Guterres's remarks were welcomed by former President Moon Jae-in.",
    "The president said the minister would travel; no date was set.",
    "Officials from the finance ministry declined to comment on the budget.",
    "Chancellor's aides briefed reporters.  Prime Minister Keir Starmer spoke later.",
]


@pytest.fixture(scope="module")
def table():
    return Packs().load("offices", parse_offices)


def test_titles_pre_test_skips_no_mention(table, monkeypatch) -> None:
    """The mentions with the token-column pre-test are those of the full parse on every text."""
    found = [title_mentions(Document(text), table) for text in TITLE_ARTICLES]
    monkeypatch.setattr(title_module, "_may_mention", lambda doc, m: True)
    assert found == [title_mentions(Document(text), table) for text in TITLE_ARTICLES]
    assert [len(f) for f in found] == [2, 2, 0, 0, 1]


def test_titles_pre_test_needs_a_title_word_before_a_capital(table) -> None:
    """Texts with no title word, or one followed by a lowercase word, build no units."""
    matchers = title_module._matchers(table)
    skipped = [not title_module._may_mention(Document(text), matchers) for text in TITLE_ARTICLES]
    assert skipped == [False, False, True, True, False]
