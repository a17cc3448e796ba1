"""NL103 and vocabularies: accepted and rejected terms from config lists, files and Vale-style directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_main

from newslint.checks.spelling.vocabulary import parse_reject
from newslint.plugin.config import ConfigError

STORY = (
    "Tram Fares Rise Across Tokio Suburbs\n\n"
    "Fares on the riverbank line will rise 4 per cent from June, the operator told riders by e-mail on Monday.\n"
    "Irregardless of the rise, ridership grew, and the harbourside depot at Vornholm will stay open.\n"
    "Details are at https://example.org/e-mail-alerts and from @tokio_trams.\n"
)


def _lint(cwd: Path, *args: str) -> list[dict]:
    proc = run_main("--format", "json", "--select", "NL1", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def _layout(tmp_path: Path, config: str) -> Path:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    return tmp_path


def test_reject_list_in_config_with_preferred_forms(tmp_path: Path) -> None:
    root = _layout(tmp_path, 'reject = ["e-mail -> email", "Tokio -> Tokyo", "per cent -> percent", "irregardless"]\n')
    found = [
        (d["line"], d["column"], d["end_column"], d["message"])
        for d in _lint(root, "story.txt")
        if d["code"] == "NL103"
    ]
    assert found == [
        (1, 24, 29, '"Tokio" is a rejected term; use "Tokyo"'),
        (3, 41, 49, '"per cent" is a rejected term; use "percent"'),
        (3, 89, 95, '"e-mail" is a rejected term; use "email"'),
        (4, 1, 13, '"Irregardless" is a rejected term'),
    ]  # the URL and the @handle are not prose


def test_fix_writes_the_preferred_form_in_the_case_of_the_text(tmp_path: Path) -> None:
    root = _layout(tmp_path, 'reject = ["e-mail -> email", "Tokio -> Tokyo", "per cent -> percent", "irregardless"]\n')
    run_main("--fix", "--select", "NL103", "story.txt", cwd=root)
    text = (root / "story.txt").read_text(encoding="utf-8")
    assert text.startswith("Tram Fares Rise Across Tokyo Suburbs\n")
    assert "rise 4 percent from June" in text and "by email on Monday" in text
    assert "Irregardless" in text  # no preferred form: no fix
    assert "https://example.org/e-mail-alerts" in text and "@tokio_trams" in text


def test_vale_style_vocabulary_directory_accepts_and_rejects(tmp_path: Path) -> None:
    """accept.txt silences NL101 for a word; reject.txt reports a term; a reject-lists file adds more."""
    vocab = tmp_path / "styles" / "Transit"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("# local words\nVornholm\nharbourside\n", encoding="utf-8")
    (vocab / "reject.txt").write_text("Tokio -> Tokyo\n", encoding="utf-8")
    (tmp_path / "more-rejects.txt").write_text("riverbank line -> river line  # renamed in 2024\n", encoding="utf-8")
    root = _layout(tmp_path, 'vocabularies = ["styles/Transit"]\nreject-lists = ["more-rejects.txt"]\n')
    found = _lint(root, "story.txt")
    codes = {(d["code"], d["line"]) for d in found}
    assert ("NL103", 1) in codes and ("NL103", 3) in codes
    assert not [
        d
        for d in found
        if d["code"] == "NL101" and d["message"].startswith(('Unknown word "harbourside"', 'Unknown word "Vornholm"'))
    ]
    phrase = next(d for d in found if d["code"] == "NL103" and d["line"] == 3)
    assert phrase["fix"]["edits"][0]["content"] == "river line"

    (root / "newslint.toml").write_text("", encoding="utf-8")
    plain = _lint(root, "story.txt")
    assert not [d for d in plain if d["code"] == "NL103"]


def test_a_rejected_word_is_reported_once(tmp_path: Path) -> None:
    """A rejected word NL101 would call a typo is reported by NL103 only."""
    root = _layout(tmp_path, 'reject = ["irregardless"]\n')
    found = [d for d in _lint(root, "story.txt") if d["line"] == 4 and d["column"] == 1]
    assert [d["code"] for d in found] == ["NL103"]


@pytest.mark.parametrize("line", ["-> email", "e-mail ->", "a -> b -> c"])
def test_malformed_reject_lines_are_config_errors(line: str) -> None:
    with pytest.raises(ConfigError):
        parse_reject([line], "reject.txt")


def test_a_bad_reject_file_stops_the_run(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("colour ->\n", encoding="utf-8")
    root = _layout(tmp_path, 'reject-lists = ["bad.txt"]\n')
    proc = run_main("story.txt", cwd=root)
    assert proc.returncode == 2 and b"bad.txt:1" in proc.stderr
