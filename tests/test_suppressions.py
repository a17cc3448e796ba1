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
                lines[4] + " <!-- newslint-disable-line NL402 -->",
            ]
        )
        + "\n"
    )
    (tmp_path / f"pier{suffix}").write_text(text, encoding="utf-8")
    found = _json(tmp_path, "--select", "NL1,NL4,NL002", f"pier{suffix}")
    # The typo on the last line stays (wrong code), and that comment is reported as unused.
    assert _codes_at(found) == [("NL101", 8), ("NL002", 8)]
    unused = found[1]
    assert unused["column"] == len(lines[4]) + 2 and "NL402" in unused["message"]


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
