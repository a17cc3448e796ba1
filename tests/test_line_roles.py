"""Line roles: which lines are the article's prose and which are structure."""

from __future__ import annotations

import pytest

from newslint.model.document import Document
from newslint.model.line_roles import Role

TECH_POST = """\
Our build times doubled last spring, and nobody on the team could say why. The culprit turned out to be a cache that never expired.

Contents

Measuring the problem

Fixing the cache

Results

Measuring the problem

We started by timing every step of the pipeline:

$ time make release --jobs 8

function expire(entry) { return entry.age > limit; }

The numbers were clear. Linking alone took eleven minutes on a clean checkout.

The fix was small, as these things often are — we set an expiry.

can't stop laughing at our own build graph pic.twitter.com/a1B2c3D4

^ Moller, Anna (March 2021). "Caching at scale". Build Weekly. 14 (2): 33–41. Retrieved 4 May 2022.
"""


def roles_of(text: str) -> dict[str, Role]:
    doc = Document(text)
    return {t.strip(): doc.line_roles.of(line.number) for line, t in doc.iter_lines() if t.strip()}


def test_roles_of_a_tech_post():
    roles = roles_of(TECH_POST)
    assert roles["The numbers were clear. Linking alone took eleven minutes on a clean checkout."] is Role.PROSE
    assert roles["We started by timing every step of the pipeline:"] is Role.PROSE
    assert roles["Contents"] is Role.STRUCTURE  # the table of contents is a run of short lines
    assert roles["Fixing the cache"] is Role.STRUCTURE
    assert roles["$ time make release --jobs 8"] is Role.CODE
    assert roles["function expire(entry) { return entry.age > limit; }"] is Role.CODE
    assert roles["can't stop laughing at our own build graph pic.twitter.com/a1B2c3D4"] is Role.TWEET
    assert roles[TECH_POST.splitlines()[-1]] is Role.REFERENCE


def test_lone_subhead_is_a_heading_and_in_voice():
    text = "The council met on Monday.\n\nBudget cuts\n\nThe mayor proposed closing two libraries.\n"
    doc = Document(text)
    assert doc.line_roles.of(3) is Role.HEADING
    assert doc.line_roles.in_voice(3) and doc.line_roles.is_prose(5)


def test_tweet_signature_marks_the_line_above():
    text = (
        "Fans reacted within minutes.\n\n"
        "What a finish. Still shaking.\n\n"
        "\u2014 Jo Rivera (@jorivera) March 3, 2024\n\n"
        "The club has not commented.\n"
    )
    doc = Document(text)
    assert [doc.line_roles.of(n) for n in (1, 3, 5, 7)] == [Role.PROSE, Role.TWEET, Role.TWEET, Role.PROSE]


def test_table_cell_between_cells_is_structure():
    text = (
        "The schedule for the week follows.\n\n"
        "Monday\n\nTuesday\n\nWednesday\n\n"
        "Doors open at nine and the talks start at ten sharp.\n\n"
        "Thursday\n\nFriday\n\nSaturday\n"
    )
    doc = Document(text)
    assert doc.line_roles.of(9) is Role.STRUCTURE
    assert doc.line_roles.is_prose(1)


def test_cached_on_the_document():
    doc = Document(TECH_POST)
    assert doc.line_roles is doc.line_roles
    assert len(doc.line_roles) == len(doc.lines)


def test_listicle_prose_between_numbered_heads_stays_prose():
    text = (
        "Hotel staff shared a few habits they follow when travelling themselves.\n\n"
        "1. Strip the bed\n\n"
        "Housekeepers say blankets are washed far less often than sheets, so set them aside.\n\n"
        "2. Check the peep hole\n\n"
        "3. Skip the wooden rack\n"
    )
    doc = Document(text)
    assert doc.line_roles.of(3) is Role.STRUCTURE
    assert doc.line_roles.is_prose(5)


@pytest.mark.parametrize(
    "line",
    [
        "if (x) { y }",
        "close();",
        "a;b",
        "print(value)",
        "run()",
        "promise).then(done)",
        "a==b",
        "x => y",
        "a->b",
        "std::vector",
        "a && b || c",
        "<div class=x>",
        'href="x"',
        '"key": 1',
        "echo $HOME",
        "snake_case_name",
        "run --verbose now",
    ],
)
def test_every_code_token_passes_the_cheap_pre_test(line):
    """The pre-test that skips the slow pattern never hides a code token (one example per alternative)."""
    from newslint.model.line_roles import _CODE_CHARS, _CODE_TOKEN

    assert _CODE_TOKEN.search(line) and _CODE_CHARS.search(line)


@pytest.mark.parametrize(
    "line",
    [
        "Smith (2009)",
        'wrote "The Long Road".',
        "doi:10.1000/182",
        "ISBN 978-3-16",
        "pp. 276",
        "35 (4): 567",
        "Retrieved 3 May 2021",
        "Jones et al.",
    ],
)
def test_every_reference_field_passes_the_cheap_pre_test(line):
    from newslint.model.line_roles import _REF_CHARS, _REF_FIELD

    assert _REF_FIELD.search(line) and _REF_CHARS.search(line)
