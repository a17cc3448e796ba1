"""NL206: short lines the site repeats across a publication's articles are page chrome (corpus stage)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.checks.boilerplate.repeated import RepeatedLineFacts, candidate_lines, repeated_lines
from newslint.model.document import Document
from newslint.model.facts import merge_facts
from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import run
from newslint.run.sources import discover

# Three scraped stories from one (invented) regional site. Each keeps the site's furniture:
# a section label and a "most read" box above the story, a comment prompt below it. Each also
# has a subhead the desk uses in every story, and one repeats a quotation from the day before.
FERRY = """\
Coastal News
Sign in
Ferry operator adds winter sailings to the islands
The island ferry will run four extra sailings a week from December, its operator said on Monday.
What happens next
The council will vote on the timetable at its meeting next week, officials said.
"We listened to the people who live there," the operator's chief said.
Join the conversation
Most read this week
"""
HARBOUR = """\
Coastal News
Sign in
Harbour wall repairs to finish before the storms
Crews will finish the harbour wall repairs by the end of the month, the port authority said.
What happens next
Engineers will inspect the new blocks once the work is done, the authority added.
Join the conversation
Most read this week
"""
MARKET = """\
Coastal News
Sign in
Fish market reopens under a new roof
The town's fish market reopened on Saturday after eight months of building work.
What happens next
Traders said they hoped the new hall would bring back weekend visitors.
"We listened to the people who live there," the operator's chief said.
Join the conversation
Most read this week
"""
CHROME = ["Coastal News", "Sign in", "Most read this week"]  # "Join the conversation" follows prose: NL202's


def _lint(paths: list[Path], **options: object) -> list:
    options.setdefault("isolated", True)
    options.setdefault("entry_points", False)
    engine = Engine.create(RunOptions(paths=tuple(str(p) for p in paths), **options))  # type: ignore[arg-type]
    return run(engine, discover([str(p) for p in paths], engine.ctx.config)).diagnostics


def _site(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _found(diags: list, code: str = "NL206") -> list[tuple[str, str]]:
    out = []
    for d in diags:
        if d.code == code:
            lines = Path(d.path).read_text(encoding="utf-8").split("\n")
            out.append((Path(d.path).name, lines[d.line - 1]))
    return out


def test_the_sites_furniture_is_found_in_every_article(tmp_path: Path) -> None:
    site = _site(tmp_path / "coastal", {"ferry.txt": FERRY, "harbour.txt": HARBOUR, "market.txt": MARKET})
    found = _found(_lint([site], select=["NL206"]))
    assert found == [(name, line) for name in ("ferry.txt", "harbour.txt", "market.txt") for line in CHROME]
    diag = next(d for d in _lint([site], select=["NL206"]) if Path(d.path).name == "ferry.txt")
    assert (diag.line, diag.column, diag.end_line, diag.end_column) == (1, 1, 1, len("Coastal News") + 1)
    assert diag.message == "Line repeated in 3 documents of this publication: page chrome"
    assert diag.fix == () and diag.suggestion == "Delete the line"


def test_the_articles_own_text_is_never_a_repeated_line(tmp_path: Path) -> None:
    """A desk's subhead over prose, a quotation two stories share, the headlines: none is chrome."""
    site = _site(tmp_path / "coastal", {"ferry.txt": FERRY, "harbour.txt": HARBOUR, "market.txt": MARKET})
    texts = {line for _name, line in _found(_lint([site], select=["NL206"]))}
    assert "What happens next" not in texts
    assert not any(text.startswith('"We listened') for text in texts)
    assert texts == set(CHROME)


def test_two_documents_are_not_enough_by_default(tmp_path: Path) -> None:
    site = _site(tmp_path / "coastal", {"ferry.txt": FERRY, "harbour.txt": HARBOUR})
    assert _found(_lint([site], select=["NL206"])) == []
    lowered = _found(_lint([site], select=["NL206"], overrides={"repeated-line-documents": 2}))
    assert {line for _name, line in lowered} == set(CHROME)


def test_publications_are_kept_apart(tmp_path: Path) -> None:
    """The same label in three folders (three outlets) is each outlet's own line once."""
    paths = [
        _site(tmp_path / outlet, {f"{outlet}.txt": text})
        for outlet, text in (("coastal", FERRY), ("harbourside", HARBOUR), ("marketday", MARKET))
    ]
    assert _found(_lint(paths, select=["NL206"])) == []


def test_not_without_the_corpus_stage(tmp_path: Path) -> None:
    site = _site(tmp_path / "coastal", {"ferry.txt": FERRY, "harbour.txt": HARBOUR, "market.txt": MARKET})
    assert _found(_lint([site], select=["NL206"], corpus=False)) == []


def test_a_line_another_nl2_rule_reports_is_reported_once(tmp_path: Path) -> None:
    """'Sign in' is also a pack phrase (NL201) where the model reports it: one region, one finding."""
    site = _site(tmp_path / "coastal", {"ferry.txt": FERRY, "harbour.txt": HARBOUR, "market.txt": MARKET})
    diags = [d for d in _lint([site], select=["NL2"]) if Path(d.path).name == "ferry.txt"]
    lines = [d.line for d in diags]
    assert len(lines) == len(set(lines)), diags
    assert {d.line for d in diags} >= {1, 2, 9}


def test_any_split_of_the_corpus_gives_the_same_findings() -> None:
    docs = [
        Document(text, f"coastal/{name}") for name, text in (("a.txt", FERRY), ("b.txt", HARBOUR), ("c.txt", MARKET))
    ]
    engine = Engine.create(RunOptions(isolated=True, entry_points=False, select=["NL206"], corpus=True))
    facts = [engine.check(doc)[1] for doc in docs]
    whole = engine.check_corpus(merge_facts(facts))
    pairwise = merge_facts([merge_facts(facts[1:]).values(), facts[0]])
    assert engine.check_corpus(pairwise) == whole and len(whole) == 9
    merged = pairwise[RepeatedLineFacts.key]
    assert isinstance(merged, RepeatedLineFacts)
    assert sorted(doc.path for doc in merged.entries) == ["coastal/a.txt", "coastal/b.txt", "coastal/c.txt"]


@pytest.mark.parametrize("bad", [1, 0, -3])
def test_the_option_is_bounded(tmp_path: Path, bad: int) -> None:
    from newslint.plugin.config import ConfigError

    with pytest.raises(ConfigError, match="repeated-line-documents"):
        Engine.create(RunOptions(isolated=True, entry_points=False, overrides={"repeated-line-documents": bad}))


def test_candidates_skip_sentences_subheads_and_single_letters() -> None:
    text = (
        "Share\n\nv\n\n"
        "The ferry will run four more sailings a week from December, its operator said on Monday.\n\n"
        "What happens next\n\n"
        "The council votes on the timetable next week, the clerk said after the meeting.\n\n"
        "See also\n\nMore from the coast\n\nCouncil agenda\n"
    )
    doc = Document(text, "x.txt")
    assert [use.line for use in candidate_lines(doc)] == [1, 13, 15]
    assert repeated_lines([], 2) == []
