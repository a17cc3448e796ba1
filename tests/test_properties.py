"""Property tests: for any text, every rule returns, stays inside the text and is deterministic.

The CI profile runs a modest number of examples, ``pytest -m slow`` 2,000 a
property; set ``HYPOTHESIS_PROFILE=long`` for the long run documented in the
README (Robustness).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.model.document import Document
from newslint.run.engine import Engine, RunOptions

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Characters that break naive line, column and token logic.
TRICKY = [
    "\r\n",
    "\r",
    "\n",
    "\ufeff",
    "\u00a0",
    "\t",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u202e",
    "\u0301",
    "\u0651",
    "\u2011",
    "\u2013",
    "\u2014",
    "\u2019",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "(",
    ")",
    "[",
    "]",
    ".",
    "?",
    "!",
    "\u3002",
    "\x00",
    "\x07",
    "\x85",
    "\u2028",
    "\ufffd",
    "\U0001f600",
    "Ã©",
    "â€™",
    "Mr.",
    "U.S.",
    "Jan. 13, 2026",
    "Tuesday",
    "President-elect",
    "Lee Jae-myung",
    "Lee Jae Myung",
    "مقالات ذات صلة",
    "東京",
    "서울",
    "The ",
    "said ",
]
# What st.text() never draws (issue 20): lone surrogates (from JSON "\\ud800" or an editor's
# buffer), lone and repeated carriage returns, and huge runs of combining marks.
surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
cr_runs = st.integers(1, 50).map(lambda n: "\r" * n)
mark_runs = st.tuples(
    st.sampled_from("aeoиا"), st.sampled_from("\u0301\u0308\u0651\u064b\u20d7"), st.integers(50, 5000)
).map(lambda t: t[0] + t[1] * t[2])
any_code_points = st.text(alphabet=st.characters(blacklist_categories=()), max_size=12)  # surrogates included
texts = st.lists(
    st.one_of(
        st.sampled_from(TRICKY), st.text(min_size=0, max_size=12), surrogates, cr_runs, mark_runs, any_code_points
    ),
    max_size=60,
).map("".join)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.create(RunOptions(isolated=True, entry_points=False, select=["ALL"], corpus=False))


def test_a_lone_surrogate_becomes_u_fffd_and_an_nl001_finding(engine):
    doc = Document("The mayor\ud83d spoke.\n", "prop.txt")
    assert doc.text == "The mayor\ufffd spoke.\n" and doc.surrogates == (9,)
    found = [d for d in _check(engine, "The mayor\ud83d spoke.\n") if d.code == "NL001"]
    assert [(d.line, d.column) for d in found] == [(1, 10)]
    assert "Lone surrogate" in found[0].message


def _check(engine: Engine, text: str):
    return engine.check(Document(text, "prop.txt"))[0]


@given(text=texts)
def test_every_rule_returns_positions_inside_the_text(engine, text):
    """No exception; each diagnostic starts and ends inside the text, end not before start."""
    doc = Document(text, "prop.txt")
    last_line = len(doc.lines)
    for diag in _check(engine, text):
        assert 1 <= diag.line <= diag.end_line <= last_line
        assert diag.column >= 1 and diag.end_column >= 1
        if diag.line == diag.end_line:
            assert diag.column <= diag.end_column
        assert diag.column - 1 <= len(doc.line_text(diag.line))
        assert diag.end_column - 1 <= len(doc.line_text(diag.end_line))
        assert 0 <= diag.start <= diag.end <= len(text)
        for edit in (*diag.fix, *diag.unsafe_fix):
            assert 0 <= edit.start <= edit.end <= len(text)
        for part in (diag.message, diag.suggestion or "", *(e.replacement for e in (*diag.fix, *diag.unsafe_fix))):
            part.encode("utf-8")  # printable and serialisable: no lone surrogate reaches a report


@given(text=texts)
def test_same_input_same_diagnostics(engine, text):
    """Rules are pure: two runs over one text agree exactly."""
    first = [(d, d.message, d.suggestion) for d in _check(engine, text)]
    second = [(d, d.message, d.suggestion) for d in _check(engine, text)]
    assert first == second


@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(data):
    """Arbitrary bytes give a document or a DecodeError, never anything else."""
    from newslint.model.document import DecodeError

    try:
        doc = Document.from_bytes(data, "bytes.txt")
    except DecodeError as exc:
        assert 0 <= exc.byte <= len(data)
    else:
        assert doc.position(len(doc.text))[0] == len(doc.lines)


# `pytest -m slow` runs each property again on 2,000 examples (HYPOTHESIS_PROFILE=long: 20,000).
MORE = settings(max_examples=max(2_000, settings.default.max_examples))


@pytest.mark.slow
@MORE
@given(text=texts)
def test_every_rule_returns_positions_inside_the_text_on_more_examples(engine, text):
    test_every_rule_returns_positions_inside_the_text.hypothesis.inner_test(engine, text)


@pytest.mark.slow
@MORE
@given(text=texts)
def test_same_input_same_diagnostics_on_more_examples(engine, text):
    test_same_input_same_diagnostics.hypothesis.inner_test(engine, text)


@pytest.mark.slow
@MORE
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly_on_more_examples(data):
    test_any_bytes_decode_or_fail_cleanly.hypothesis.inner_test(data)
