"""tools/build_extra_devset.py: silver labels where two extractors agree, excerpts from test files, exclusion."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
build = pytest.importorskip("build_extra_devset", reason="needs ../shared/tools (pagetext.py) next to the checkout")

PAGE = [
    "Home | World | Business | Sport",
    "Harbour authority approves the new ferry terminal after two years of hearings",
    "The port board voted five to two on Tuesday evening to approve the terminal on the north quay.",
    "Construction is expected to begin next spring and to last roughly eighteen months, officials said.",
    "Residents of the old town had objected to the noise of the night crossings for most of the hearings.",
    "A photo of the north quay at dusk, taken from the breakwater.",
    "Sign up for our morning newsletter",
]
ARTICLE = "\n".join(PAGE[2:5])
# Silver articles need 150 words: the same three paragraphs six times over.
LONG_PAGE = PAGE[:2] + PAGE[2:5] * 6 + PAGE[5:]
LONG_ARTICLE = "\n".join([ARTICLE] * 6)


def _extractors(monkeypatch, first: str, second: str) -> None:
    monkeypatch.setattr(build, "_readability_text", lambda html: first)
    monkeypatch.setattr(build, "_trafilatura_text", lambda html: second)


def test_a_line_keeps_a_label_only_where_both_extractors_agree(monkeypatch):
    # The second extractor also keeps the caption: that line is unsure, the rest agree.
    _extractors(monkeypatch, LONG_ARTICLE, LONG_ARTICLE + "\n" + PAGE[5])
    labels, body = build.silver_labels(LONG_PAGE, "<html></html>", build.Silver([]))
    assert [label for label, _ in labels] == ["boilerplate"] * 2 + ["body"] * 18 + ["unsure", "boilerplate"]
    assert body == LONG_ARTICLE


def test_a_page_the_extractors_disagree_on_is_skipped(monkeypatch):
    _extractors(monkeypatch, ARTICLE, "\n".join(PAGE[1:3] + PAGE[5:]))
    assert build.silver_labels(PAGE, "<html></html>", build.Silver([])) == "extractors disagree"


def test_an_expected_excerpt_must_open_text_both_extractors_hold(monkeypatch):
    _extractors(monkeypatch, LONG_ARTICLE, LONG_ARTICLE)
    held = build.Silver(["The port board voted five to two on Tuesday evening to approve"])
    missing = build.Silver(["The council rejected the terminal plan for the third time on Monday"])
    assert isinstance(build.silver_labels(LONG_PAGE, "<html></html>", held), tuple)
    assert build.silver_labels(LONG_PAGE, "<html></html>", missing) == "expected excerpt not in both article texts"
    assert build.silver_labels(PAGE, "<html></html>", held) == "agreed article too short"


def test_excerpts_are_read_from_the_assertions_on_content():
    js = """
      const html = fs.readFileSync('./fixtures/example.com.html');
      assert.equal(title, 'Harbour authority approves the new ferry terminal after two years');
      assert.equal(
        first13,
        'The port board voted five to two on Tuesday evening to approve the terminal'
      );
      assert.equal(author, 'Jo Marsh');
    """
    assert build._js_strings(js) == ["The port board voted five to two on Tuesday evening to approve the terminal"]


def test_an_article_already_in_an_excluded_devset_is_known(tmp_path):
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "ferry.txt").write_text(ARTICLE + "\n", encoding="utf-8")
    known = build.known_shingles([str(tmp_path)])
    same = build._shingles(PAGE[2] + " " + PAGE[3])
    other = build._shingles("A different article about the library's new opening hours and its winter reading club.")
    assert same and same <= known
    assert other and not other & known
