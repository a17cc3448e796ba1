"""The README and docs/ stay true: generated tables and rule pages match the code, links resolve."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, run_main

sys.path.insert(0, str(ROOT / "tools"))
import update_docs

RUN_TOOL = "out of date: run `python tools/update_docs.py` and commit the result"
MAX_README_LINES = 300


def _listed_codes() -> list[str]:
    proc = run_main("--list-rules", "--isolated")
    assert proc.returncode == 0, proc.stderr.decode()
    return re.findall(r"^\| ([A-Z]{2,4}\d{3}) \|", proc.stdout.decode(), flags=re.MULTILINE)


def test_rule_table_matches_list_rules():
    """The table between the rules markers is --list-rules output, byte for byte."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", readme, re.DOTALL)
    assert m, "README lacks the rules:start/rules:end markers"
    proc = run_main("--list-rules", "--isolated")
    assert proc.returncode == 0
    assert m.group(1) == proc.stdout.decode(), f"README.md's rule table is {RUN_TOOL}"


def test_setup_commands_are_the_documented_two():
    """The README's set-up block is exactly the two commands CI relies on, both from the clone."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "```sh\npip install . && newslint seeds/\npip install -e '.[test]' && pytest\n```" in readme
    # newslint is not on PyPI: no instruction may install it (or an extra) by name from there.
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"pip install ['\"]?newslint(\[[\w,]+\])?['\"]?(\s|$)(?!@)", text), path


def test_generated_docs_match_the_code():
    """Every generated file (README rule table, config table, each rule page) is what the tool writes now."""
    expected = update_docs.expected_files()
    stale = [
        str(p.relative_to(ROOT))
        for p, text in expected.items()
        if not p.exists() or p.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"{', '.join(stale)} {RUN_TOOL}"
    orphans = [str(p.relative_to(ROOT)) for p in update_docs.stale_rule_pages(expected)]
    assert not orphans, f"generated pages of codes that no longer exist: {orphans}; {RUN_TOOL}"


def test_config_table_lists_every_declared_option():
    """The configuration reference names every core and built-in plugin key."""
    from newslint.plugin.config import CORE_OPTIONS

    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- options:start -->\n(.*?)<!-- options:end -->", text, re.DOTALL)
    assert table, "docs/configuration.md lacks the options:start/options:end markers"
    keys = re.findall(r"^\| <a id=\"[\w-]+\"></a>`([\w-]+)` \|", table.group(1), flags=re.MULTILINE)
    engine = update_docs._engine()
    assert keys == [opt.name for opt in (*CORE_OPTIONS, *engine.registry.options)], RUN_TOOL


def test_every_listed_code_has_a_rule_page():
    """docs/rules/<CODE>.md exists for each code of --list-rules, names it, and carries its explanation's sections."""
    codes = _listed_codes()
    assert "NL001" in codes and len(codes) >= 30
    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    for code in codes:
        page = ROOT / "docs" / "rules" / f"{code}.md"
        assert page.is_file(), f"no page for {code}: {RUN_TOOL}"
        text = page.read_text(encoding="utf-8")
        assert text.startswith(f"# {code} "), page
        for section in ("## What it does", "## Why is this bad?", "## Example"):
            assert section in text, f"{page.name} lacks {section!r}: write it in the rule's explanation"
        assert f"[{code}]({code}.md)" in index


def test_rule_page_lists_the_options_the_rule_reads():
    """An option whose help names a rule (by code, family prefix or range) is on that rule's page."""
    assert update_docs.codes_named("House dateline dash for NL611", ["NL610", "NL611"]) == {"NL611"}
    assert update_docs.codes_named("Words the spelling rules (NL1xx) accept", ["NL101", "NL102", "NL201"]) == {
        "NL101",
        "NL102",
    }
    assert update_docs.codes_named("rules (NL301-NL304, NL620)", ["NL301", "NL304", "NL305", "NL620"]) == {
        "NL301",
        "NL304",
        "NL620",
    }
    page = (ROOT / "docs" / "rules" / "NL611.md").read_text(encoding="utf-8")
    options = page.split("## Options", 1)[1]
    assert "`dash-style`" in options and "`dateline-dash`" in options and "`quote-style`" not in options


def test_indented_examples_become_fenced_blocks():
    """ "Use instead:" followed by an indented example renders as code, not as a paragraph's continuation."""
    md = update_docs._markdown(
        "## Example\n    bad  text\n\nUse instead:\n    good text\n\n- a list item\n    continued\n"
    )
    assert (
        md
        == "## Example\n\n```text\nbad  text\n```\n\nUse instead:\n\n```text\ngood text\n```\n\n- a list item\n    continued"
    )


def test_readme_is_a_front_page():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_README_LINES, f"README.md has {lines} lines; move detail into docs/"


# -- links ---------------------------------------------------------------------------

_LINK = re.compile(r"(?<!\!)\[[^\]]*\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^(```|~~~)")


def _outside_code(text: str) -> str:
    kept, fenced = [], False
    for line in text.splitlines():
        if _FENCE.match(line.lstrip()):
            fenced = not fenced
            continue
        if not fenced:
            kept.append(re.sub(r"`[^`]*`", "", line) if not line.startswith("#") else line)
    return "\n".join(kept)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"<[^>]+>", "", heading).replace("`", "").strip().lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = _outside_code(path.read_text(encoding="utf-8"))
    anchors: set[str] = set(re.findall(r"<a id=\"([^\"]+)\"", text))
    seen: dict[str, int] = {}
    for heading in re.findall(r"^#{1,6} (.+)$", text, flags=re.MULTILINE):
        slug = _slug(heading)
        n = seen.get(slug, 0)
        anchors.add(slug if n == 0 else f"{slug}-{n}")
        seen[slug] = n + 1
    return anchors


_DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


@pytest.mark.parametrize("path", _DOC_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(path: Path):
    """Every relative link of the README and docs/ names a file that exists, and an anchor it has."""
    broken = []
    for target in _LINK.findall(_outside_code(path.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        dest = (path.parent / file_part).resolve() if file_part else path
        if not dest.exists() or anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
            broken.append(target)
    assert not broken, f"{path.relative_to(ROOT)}: broken links {broken}"


def test_plugin_guide_example_runs(tmp_path: Path):
    """The example plugin of docs/plugins.md, copied as printed, loads with -p and reports at the right column."""
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", guide, re.DOTALL)
    assert code and "NR101" in code.group(1)
    (tmp_path / "newsroom_rules.py").write_text(code.group(1), encoding="utf-8")
    (tmp_path / "story.txt").write_text("The council backed a very unique harbour plan on Monday.\n", encoding="utf-8")
    proc = run_cli("--isolated", "-p", "newsroom_rules", "story.txt", cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)})
    assert proc.returncode == 1, proc.stderr.decode()
    assert proc.stdout.decode().startswith('story.txt:1:22: NR101 "very unique" is a tautology (help: Use "unique")\n')
