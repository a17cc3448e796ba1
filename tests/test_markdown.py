"""Markdown files: markdown-it-py finds what is not prose; front matter feeds the headline and date rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, run_main

from newslint.model.document import Document
from newslint.model.markdown import front_matter, mask_markdown

# A Hugo-style post: YAML front matter, a README-like section with code, links, HTML and references.
POST = """\
---
title: "Night Ferry Returns To The Northern Route"
date: 2025-09-12
tags: [transport, harbour]
slug: night-ferry-repo-update
---

The night ferry returned to the northern route on Thursday after a summer of
engine work, the port authority said in a statement.

Timetables live in the [operator's repository](https://git.example.org/ferry/repo "the timetable repo")
and in the [open data feed][feed]; the raw file is <https://data.example.org/repo/ferry.csv>.

<!-- editor: the repo link above is teh one the port sent us -->

## Reading the timetable data

Clone the repository and run `make timetabel` to rebuild the tables:

```bash
git clone https://git.example.org/ferry/repo.git
cd repo && make timetabel
```

    repo/bin/ferry --since 2025-09-01

<details><summary>Repo layout</summary>src, data, docs</details>

| Route | Departs |
|-------|---------|
| North | 23:40   |

Passengers said the late sailing made the trip to the islands much eaiser, and
the authority promised a winter timetable by October.

[feed]: https://data.example.org/repo/feed.json
"""


def _json(path: Path, *args: str) -> list[dict]:
    proc = run_main("--format", "json", *args, path.name, cwd=path.parent)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "night-ferry.md"
    path.write_text(POST, encoding="utf-8")
    return path


def test_code_links_html_and_front_matter_are_not_prose(post: Path) -> None:
    """Only the planted prose typo is found; "repo" in code, targets, HTML and front matter is not."""
    found = _json(post)
    lines = POST.splitlines()
    typo_line = next(i for i, line in enumerate(lines, start=1) if "eaiser" in line)
    column = lines[typo_line - 1].index("eaiser") + 1
    assert [(d["code"], d["line"], d["column"], d["end_column"]) for d in found] == [
        ("NL101", typo_line, column, column + len("eaiser"))
    ]


def test_the_same_text_as_plain_text_is_linted_as_today(post: Path) -> None:
    """A .txt file is not parsed as Markdown: the code and HTML are read as text."""
    txt = post.with_suffix(".txt")
    txt.write_text(POST, encoding="utf-8")
    found = _json(txt)
    words = {d["message"].split('"')[1] for d in found if d["code"] == "NL101"}
    assert {"timetabel", "teh"} <= words
    # Read as text, the closing paragraph after the table may be taken for page chrome; then
    # it is reported once, as chrome (one report per region), and its typo with it.
    last = next(i for i, line in enumerate(POST.splitlines(), start=1) if "eaiser" in line)
    assert "eaiser" in words or any(d["code"].startswith("NL2") and d["line"] == last for d in found)
    doc = Document.parse(POST, "night-ferry.txt")
    assert doc.text == POST and doc.masked == ()


def test_masking_keeps_every_offset(post: Path) -> None:
    """The masked text has the file's length and line breaks; it differs only by spaces."""
    for source in [POST, (ROOT / "README.md").read_text(encoding="utf-8"), POST.replace("\n", "\r\n")]:
        view = mask_markdown(source)
        assert len(view.text) == len(source)
        for a, b in zip(source, view.text):
            assert a == b or b == " "
            assert (a in "\r\n") == (b in "\r\n")


def test_front_matter_title_feeds_the_headline_rules(tmp_path: Path) -> None:
    """A title ending in a full stop is reported at its place in the front matter (NL312)."""
    path = tmp_path / "bridge.md"
    path.write_text(
        "---\n"
        'title: "Council Votes To Close Old Harbour Bridge."\n'
        "author: Desk\n"
        "---\n\n"
        "The council voted on Tuesday to close the old harbour bridge to cars from March, citing the cost of repairs.\n",
        encoding="utf-8",
    )
    (stop,) = [d for d in _json(path, "--select", "NL3") if d["code"] == "NL312"]
    assert (stop["line"], stop["column"]) == (2, len('title: "Council Votes To Close Old Harbour Bridge') + 1)
    assert stop["fix"]["edits"][0]["location"] == {"row": 2, "column": stop["column"]}


def test_front_matter_date_feeds_the_date_rules(tmp_path: Path) -> None:
    """The date in YAML or TOML front matter dates the article; without it there is no date."""
    body = "President Joe Biden visited the harbour on Friday and praised the crews who rebuilt the pier.\n"
    yaml_post = tmp_path / "visit.md"
    yaml_post.write_text(f"---\ntitle: Harbour Visit\ndate: 2025-06-01\n---\n\n{body}", encoding="utf-8")
    toml_post = tmp_path / "visit-toml.md"
    toml_post.write_text(f'+++\ntitle = "Harbour Visit"\ndate = 2025-06-01T09:00:00Z\n+++\n\n{body}', encoding="utf-8")
    bare = tmp_path / "visit-bare.md"
    bare.write_text(body, encoding="utf-8")
    for path in (yaml_post, toml_post):
        found = [d for d in _json(path, "--select", "NL3") if d["code"] == "NL303"]
        assert len(found) == 1 and "2025-06-01 (from the article's metadata)" in found[0]["message"], found
        assert found[0]["line"] == 6
    assert _json(bare, "--select", "NL3") == []


def test_front_matter_fields_and_spans() -> None:
    text = '---\ntitle: "Ferry Back"  # quoted\ndate: 2025-09-12\nnested:\n  title: not this\n---\nBody.\n'
    start, end, fields = front_matter(text)  # type: ignore[misc]
    assert (start, end) == (0, text.index("Body."))
    value, vstart, vend = fields["title"]
    assert value == "Ferry Back" and text[vstart:vend] == "Ferry Back"
    assert fields["date"][0] == "2025-09-12"
    assert front_matter("---\nnot closed\n") is None
    assert front_matter("+++\ntitle = [broken\n+++\n") is None  # not TOML: not front matter


def test_fix_edits_the_file_not_the_masked_text(tmp_path: Path) -> None:
    """--fix on a Markdown file keeps its code, links and front matter byte for byte."""
    path = tmp_path / "spaces.md"
    original = POST.replace("in a statement.\n\n", "in a statement.\n\u00a0\n", 1)
    assert original != POST
    path.write_text(original, encoding="utf-8")
    proc = run_main("--fix", "--select", "NL510", path.name, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert path.read_text(encoding="utf-8") == POST


def test_tables_are_structure_not_page_chrome(tmp_path: Path) -> None:
    """Table rows are not page chrome; their pipes and delimiter rows are masked; cells stay prose."""
    rows = "\n".join(
        f"| {stop} | {time} |" for stop, time in [("Quay", "06:10"), ("Market", "06:25"), ("Mill", "06:40")]
    )
    path = tmp_path / "times.md"
    path.write_text(
        "The early tram will stop at three new places from Monday, the city said on Friday afternoon.\n\n"
        f"| Stop | Departs |\n| ---- | ------- |\n{rows}\n| Harbur | 06:55 |\n\n"
        "Passengers asked for the change last year, and the council agreed to it in March.\n",
        encoding="utf-8",
    )
    found = _json(path)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("NL101", 8, 3)]  # "Harbur" in a cell
    view = mask_markdown(path.read_text(encoding="utf-8"))
    assert view.text.splitlines()[3].strip() == "" and "|" not in view.text
