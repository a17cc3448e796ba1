"""Baselines: record today's findings, then report only new ones, whatever moves above them."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from conftest import run_main

from newslint import Document, lint_text
from newslint.model.fingerprint import anchor, fingerprint
from newslint.output.baseline import Baseline

LEDE = "Officials said the bridge over the river would reopen to traffic on Friday."
ARTICLE = f"{LEDE}\n\nTraffic was diverted through the old town.\n\n{LEDE}\n"


def lint(cwd: Path, *args: str) -> tuple[int, str, str]:
    proc = run_main("--isolated", *args, cwd=cwd)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A newsroom repo with one article holding one old finding, and its baseline."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    status, out, err = lint(tmp_path, "--write-baseline", ".newslint-baseline.json", "articles/")
    assert (status, out) == (0, ""), err
    assert "recorded 1 findings" in err
    return tmp_path


class TestCommandLine:
    def test_baseline_file_records_fingerprint_code_path_and_count(self, newsroom: Path) -> None:
        """The file is reviewable JSON: one entry per fingerprint, with code, relative path and count."""
        data = json.loads((newsroom / ".newslint-baseline.json").read_text(encoding="utf-8"))
        assert data["schema"] == 1
        (entry,) = data["findings"]
        assert entry["code"] == "NL501" and entry["path"] == "articles/bridge.txt" and entry["count"] == 1
        assert len(entry["fingerprint"]) == 32 and "line" not in entry

    def test_baselined_finding_is_silent(self, newsroom: Path) -> None:
        """With the baseline, the known finding is not reported and the exit status is 0."""
        assert lint(newsroom, "--baseline", ".newslint-baseline.json", "articles/")[:2] == (0, "")
        assert lint(newsroom, "articles/")[0] == 1  # without it, the finding is there

    def test_lines_inserted_above_do_not_resurface_it(self, newsroom: Path) -> None:
        """Paragraphs added above the finding shift its line from 5 to 9; it stays baselined."""
        path = newsroom / "articles" / "bridge.txt"
        path.write_text("A new opening paragraph.\n\nAnd a second one.\n\n" + ARTICLE, encoding="utf-8")
        assert "bridge.txt:9:1: NL501" in lint(newsroom, "articles/")[1]
        assert lint(newsroom, "--baseline", ".newslint-baseline.json", "articles/")[:2] == (0, "")

    def test_a_new_finding_is_reported(self, newsroom: Path) -> None:
        """A finding the baseline does not hold is reported, alone, with exit status 1."""
        path = newsroom / "articles" / "bridge.txt"
        path.write_text(ARTICLE + "\nThe mayor spoke.   \n", encoding="utf-8")
        status, out, _ = lint(newsroom, "--baseline", ".newslint-baseline.json", "articles/")
        assert status == 1
        (finding, summary) = out.splitlines()
        assert finding.startswith("articles/bridge.txt:7:17: NL512 ") and summary.startswith("Found 1 problem")

    def test_verbose_notes_fixed_findings(self, newsroom: Path) -> None:
        """Once the old finding is fixed, --verbose says the baseline holds an entry no longer found."""
        (newsroom / "articles" / "bridge.txt").write_text(f"{LEDE}\n", encoding="utf-8")
        status, out, err = lint(newsroom, "--baseline", ".newslint-baseline.json", "--verbose", "articles/")
        assert (status, out) == (0, "")
        assert "1 baselined findings are gone; refresh with --write-baseline .newslint-baseline.json" in err

    def test_the_same_finding_in_a_new_file_is_new(self, newsroom: Path) -> None:
        """The path is part of the fingerprint: a copy of the article elsewhere is reported."""
        (newsroom / "articles" / "copy.txt").write_text(ARTICLE, encoding="utf-8")
        status, out, _ = lint(newsroom, "--baseline", ".newslint-baseline.json", "articles/")
        assert status == 1 and out.startswith("articles/copy.txt:5:1: NL501")

    def test_works_from_another_directory(self, newsroom: Path) -> None:
        """Paths in the baseline are relative to its file, so the working directory does not matter."""
        status, out, _ = lint(newsroom / "articles", "--baseline", "../.newslint-baseline.json", "bridge.txt")
        assert (status, out) == (0, "")

    def test_counts_accept_only_as_many_identical_findings(self, tmp_path: Path) -> None:
        """Two identical findings are recorded as a count of 2; a third copy is new."""
        line = "\u00a0\n"
        (tmp_path / "a.txt").write_text(f"One.\n{line}Two.\n{line}Three.\n", encoding="utf-8")
        lint(tmp_path, "--select", "NL510", "--write-baseline", "base.json", "a.txt")
        (entry,) = json.loads((tmp_path / "base.json").read_text())["findings"]
        assert entry["count"] == 2
        (tmp_path / "a.txt").write_text(f"One.\n{line}Two.\n{line}Three.\n{line}Four.\n", encoding="utf-8")
        status, out, _ = lint(tmp_path, "--select", "NL510", "--baseline", "base.json", "a.txt")
        assert status == 1 and len(out.splitlines()) == 2  # one finding and the summary line

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            pytest.param(None, "cannot read the baseline", id="missing"),
            pytest.param("{not json", "not a JSON baseline", id="not-json"),
            pytest.param('{"schema": 99, "findings": []}', "not a newslint baseline", id="wrong-schema"),
            pytest.param('{"schema": 1, "findings": [{"count": 2}]}', "findings[0]", id="no-fingerprint"),
        ],
    )
    def test_bad_baseline_is_an_error(self, tmp_path: Path, content: str | None, message: str) -> None:
        """A baseline that cannot be used stops the run with exit 2, naming the file and the problem."""
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        if content is not None:
            (tmp_path / "base.json").write_text(content, encoding="utf-8")
        status, out, err = lint(tmp_path, "--baseline", "base.json", "a.txt")
        assert status == 2 and out == ""
        assert err.startswith("newslint: error: base.json: ") and message in err


class TestFingerprint:
    def test_anchor_ignores_position_but_not_text(self) -> None:
        """The anchor depends on the span and its sentence, not on what comes before them."""
        doc = Document(ARTICLE)
        start = ARTICLE.rindex(LEDE)
        shifted = Document("Breaking.\n\n" + ARTICLE)
        assert anchor(doc, start, start + 9) == anchor(shifted, start + 11, start + 20)
        assert anchor(doc, start, start + 9) != anchor(doc, start, start + 14)  # another span
        edited = Document(ARTICLE.replace("Friday.\n", "Monday.\n"))
        assert anchor(doc, start, start + 9) != anchor(edited, start, start + 9)  # its sentence changed

    def test_anchor_folds_quotes_and_spacing(self) -> None:
        """Re-typing straight quotes as curly ones, or re-spacing, keeps the fingerprint."""
        straight = 'He said "we will rebuild it" on Monday.'
        curly = "He said \u201cwe will rebuild it\u201d  on Monday."
        assert anchor(Document(straight), 0, 2) == anchor(Document(curly), 0, 2)

    def test_diagnostics_carry_their_anchor_and_pickle(self) -> None:
        """Document.diagnostic fills the anchor; it survives pickling to a worker and back."""
        (diag,) = lint_text(ARTICLE, "a.txt", entry_points=False, select=["NL501"])
        assert diag.anchor
        assert pickle.loads(pickle.dumps(diag)).anchor == diag.anchor

    def test_fingerprint_without_anchor_masks_numbers(self) -> None:
        """A diagnostic made without a document falls back to its message, numbers masked."""
        (diag,) = lint_text(ARTICLE, "a.txt", entry_points=False, select=["NL501"])
        from dataclasses import replace

        bare = replace(diag, anchor="")
        moved = replace(bare, message=diag.message.replace("line 1", "line 7"))
        assert fingerprint(bare, "a.txt") == fingerprint(moved, "a.txt") != fingerprint(diag, "a.txt")

    def test_new_findings_reports_unused_entries(self, tmp_path: Path) -> None:
        """Baseline entries no longer found are counted, for --verbose to mention."""
        diags = lint_text(ARTICLE, str(tmp_path / "a.txt"), entry_points=False)
        baseline = Baseline.from_diagnostics(diags, tmp_path)
        assert baseline.new_findings(diags) == ([], 0)
        assert baseline.new_findings([]) == ([], len(diags))
