"""Inline suppressions, NL002 for unused ones, and --add-noqa, through the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli

from newslint.model.document import Document
from newslint.run.suppressions import find_directives

# Three typos NL101 reports (lower-case, one edit from a common word).
ARTICLE = (
    "Harbour Crews Finish Pier Repairs\n"
    "\n"
    "Crews finished the pier repairs on Friday after three weeks of wrok, the port said.\n"
    "The new decking should last for twenty yeras, engineers told the council.\n"
    "Ferries will use the pier again from Monday mornign, the operator said.\n"
)


def _json(cwd: Path, *args: str) -> list[dict]:
    proc = run_cli("--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def _codes_at(found: list[dict]) -> list[tuple[str, int]]:
    return [(d["code"], d["line"]) for d in found]


def test_the_article_has_its_three_typos(tmp_path: Path) -> None:
    (tmp_path / "pier.txt").write_text(ARTICLE, encoding="utf-8")
    assert _codes_at(_json(tmp_path, "--select", "NL1", "pier.txt")) == [("NL101", 3), ("NL101", 4), ("NL101", 5)]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_next_line_block_and_same_line_forms(tmp_path: Path, suffix: str) -> None:
    """Each form silences exactly its lines, in Markdown and in plain text alike."""
    lines = ARTICLE.splitlines()
    text = (
        "\n".join(
            [
                *lines[:2],
                "<!-- newslint-disable-next-line NL101 -->",
                lines[2],
                "<!-- newslint-disable NL1 -->",
                lines[3],
                "<!-- newslint-enable NL1 -->",
                lines[4] + " <!-- newslint-disable-line NL401 -->",
            ]
        )
        + "\n"
    )
    (tmp_path / f"pier{suffix}").write_text(text, encoding="utf-8")
    found = _json(tmp_path, "--select", "NL1,NL4,NL002", f"pier{suffix}")
    # The typo on the last line stays (wrong code), and that comment is reported as unused.
    assert _codes_at(found) == [("NL101", 8), ("NL002", 8)]
    unused = found[1]
    assert unused["column"] == len(lines[4]) + 2 and "NL401" in unused["message"]


def test_unused_suppressions_are_fixed_away(tmp_path: Path) -> None:
    """--fix removes a comment line that silences nothing, and an inline one with its space."""
    clean = "Harbour Crews Finish Pier Repairs\n\nCrews finished the pier repairs on Friday, the port said.\n"
    text = clean.replace("\n\n", "\n\n<!-- newslint-disable-next-line NL101 -->\n").replace(
        "port said.", "port said. <!-- newslint-disable-line NL5 -->"
    )
    path = tmp_path / "clean.md"
    path.write_text(text, encoding="utf-8")
    assert _codes_at(_json(tmp_path, "clean.md")) == [("NL002", 3), ("NL002", 4)]
    run_cli("--fix", "clean.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == clean


def test_codes_not_selected_are_not_reported_unused(tmp_path: Path) -> None:
    text = ARTICLE.replace("wrok,", "wrok, <!-- newslint-disable-line NL101 -->")
    (tmp_path / "pier.txt").write_text(text, encoding="utf-8")
    assert _codes_at(_json(tmp_path, "--select", "NL5,NL002", "pier.txt")) == []


def test_directives_in_markdown_code_are_examples(tmp_path: Path) -> None:
    """A comment shown in a code fence or code span neither suppresses nor counts as unused."""
    text = (
        ARTICLE
        + "\nTo silence one line, write `<!-- newslint-disable-next-line NL101 -->` above it:\n\n"
        + "```markdown\n<!-- newslint-disable NL101 -->\n```\n"
    )
    (tmp_path / "pier.md").write_text(text, encoding="utf-8")
    assert _codes_at(_json(tmp_path, "--select", "NL1,NL002", "pier.md")) == [("NL101", 3), ("NL101", 4), ("NL101", 5)]
    assert find_directives(Document.parse(text, "pier.md")) == []
    assert len(find_directives(Document.parse(text, "pier.txt"))) == 2  # plain text has no code


def test_the_comment_itself_is_not_linted(tmp_path: Path) -> None:
    """In plain text the comment is masked: "newslint" is no typo, the comment line no page chrome."""
    text = ARTICLE.replace("\n\n", "\n\n<!-- newslint-disable-next-line NL101 -->\n")
    (tmp_path / "pier.txt").write_text(text, encoding="utf-8")
    found = _json(tmp_path, "pier.txt")
    assert not [d for d in found if d["line"] == 3]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_add_noqa_silences_every_finding_and_nothing_else(tmp_path: Path, newline: str) -> None:
    """--add-noqa writes a disable-line comment per line with findings; the file is otherwise unchanged."""
    original = ARTICLE.replace("\n", newline)
    (tmp_path / "pier.txt").write_bytes(original.encode("utf-8"))
    md = tmp_path / "pier.md"
    md.write_bytes(("---\ntitle: Pier Repairs Finished\n---\n\n" + ARTICLE).replace("\n", newline).encode("utf-8"))
    before = _json(tmp_path, ".")
    assert before
    proc = run_cli("--add-noqa", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert re.search(rb"Added \d+ suppressions? to 2 files", proc.stderr)
    assert _json(tmp_path, ".") == []
    data = (tmp_path / "pier.txt").read_bytes().decode("utf-8")
    assert data.count("newslint-disable-line") == len({d["line"] for d in before if d["path"].endswith("pier.txt")})
    assert re.sub(r" <!-- newslint-disable-line [A-Z0-9 ]+ -->", "", data) == original
    assert data.count(newline) == original.count(newline)
    if newline == "\r\n":
        assert data.count("\n") == data.count("\r\n")


def test_add_noqa_in_front_matter_writes_a_yaml_comment(tmp_path: Path) -> None:
    """A finding on the front-matter title gets '# newslint-disable-line', which keeps the YAML valid."""
    yaml = pytest.importorskip("yaml")
    path = tmp_path / "pier.md"
    path.write_text(
        '---\ntitle: "Crews Finish The Pier Repairs."\ndate: 2025-05-02\n---\n\n'
        "The crews finish the pier repairs on Friday after three weeks of wrok, the port said.\n",
        encoding="utf-8",
    )
    assert _codes_at(_json(tmp_path, "pier.md")) == [("NL312", 2), ("NL101", 6)]
    assert run_cli("--add-noqa", "pier.md", cwd=tmp_path).returncode == 0
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[1] == 'title: "Crews Finish The Pier Repairs."  # newslint-disable-line NL312'
    assert yaml.safe_load(text.split("---\n")[1])["title"] == "Crews Finish The Pier Repairs."
    assert _json(tmp_path, "pier.md") == []
    path.write_text(text.replace("wrok", "work"), encoding="utf-8")
    assert _codes_at(_json(tmp_path, "pier.md")) == [("NL002", 6)]


# -- corpus findings: a directive travels with the document's facts -----------------------

# Four stories from one desk; three spell the finance minister "Choi Sang-mok", one "Choi Sang Mok".
_DESK = {
    "monday.txt": "Finance Minister Choi Sang-mok opened the new ferry terminal in Busan on Monday.\n"
    "Choi said the crossing would run twice a day.\n",
    "tuesday.txt": "Choi Sang-mok told port workers on Tuesday that wages would rise.\n",
    "wednesday.txt": "Officials travelling with Choi Sang-mok said the budget held, and Choi Sang-mok thanked the crews.\n",
    "thursday.txt": "Minister Choi Sang Mok inspected the dredging work on Thursday, "
    "and aides to Choi Sang Mok said it would finish in spring.\n",
}


def _desk(tmp_path: Path, **edits: str) -> Path:
    for name, text in {**_DESK, **edits}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_directive_silences_a_corpus_finding(tmp_path: Path, jobs: str) -> None:
    """NL402 is judged after every file, in the parent; the comment in its file still silences it."""
    assert _codes_at(_json(_desk(tmp_path), "--select", "NL4,NL002", "--no-cache", ".")) == [("NL402", 1)]
    silenced = _DESK["thursday.txt"].replace("Thursday,", "Thursday, <!-- newslint-disable-line NL402 -->")
    _desk(tmp_path, **{"thursday.txt": silenced})
    args = ("--select", "NL4,NL002", "--jobs", jobs, ".")
    assert _json(tmp_path, "--no-cache", *args) == []
    # The cache keeps the directive with the file's facts: a warm run agrees.
    assert _json(tmp_path, *args) == []
    assert _json(tmp_path, *args) == []


def test_an_unused_corpus_directive_is_reported_after_the_corpus_stage(tmp_path: Path) -> None:
    """A comment naming NL402 where nothing is found is NL002, without a fix; a used one is not."""
    stale = _DESK["tuesday.txt"].replace("Tuesday", "Tuesday <!-- newslint-disable-line NL402 NL101 -->")
    found = _json(_desk(tmp_path, **{"tuesday.txt": stale}), "--select", "NL1,NL4,NL002", "--no-cache", ".")
    assert [(Path(d["path"]).name, d["code"]) for d in found] == [("thursday.txt", "NL402"), ("tuesday.txt", "NL002")]
    unused = found[1]
    assert unused["message"] == "Unused suppression (NL402, NL101): it silences no finding"
    assert unused["fix"] is None
    # Half used: the corpus finding is silenced, and only the unused code is reported.
    both = _DESK["thursday.txt"].replace("spring.", "spring. <!-- newslint-disable NL402 NL101 -->")
    found = _json(_desk(tmp_path, **{"tuesday.txt": _DESK["tuesday.txt"], "thursday.txt": both}), "--no-cache", ".")
    assert [d["code"] for d in found if d["code"] in ("NL402", "NL002")] == ["NL002"]


def test_a_corpus_only_code_is_never_unused_without_the_corpus_stage(tmp_path: Path) -> None:
    """One file (a pre-commit hook's run): NL402 was not checked, so the comment is left alone."""
    text = _DESK["thursday.txt"].replace("Thursday,", "Thursday, <!-- newslint-disable-line NL402 -->")
    (tmp_path / "thursday.txt").write_text(text, encoding="utf-8")
    assert _json(tmp_path, "--select", "NL4,NL002", "thursday.txt") == []
    proc = run_cli("--fix", "--select", "NL4,NL002", "thursday.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "thursday.txt").read_text(encoding="utf-8") == text
