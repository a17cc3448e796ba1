"""Every output format: snapshots on the seeds, schema checks, and the details each CI reads.

Snapshots live in tests/snapshots/. After a change that alters output on
purpose (a new rule, a new field), regenerate them and review the diff:

    NEWSLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_formats.py
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, run_main

SNAPSHOTS = ROOT / "tests" / "snapshots"
FIXTURES = ROOT / "tests" / "fixtures"
UPDATE = bool(os.environ.get("NEWSLINT_UPDATE_SNAPSHOTS"))
#: Every built-in format and the extension of its snapshot.
FORMATS = {
    "text": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "github": "txt",
    "sarif": "sarif",
    "rdjson": "json",
    "gitlab": "json",
    "junit": "xml",
}
#: The checkout's absolute URI appears in SARIF's originalUriBaseIds; snapshots hold a stand-in.
ROOT_URI = ROOT.as_uri() + "/"
SEOUL = "서울시는 금요일에 다리를 다시 연다고 밝혔다."  # 25 code points, 63 bytes
LEDE = "Officials said the bridge over the river would reopen to traffic on Friday."


def lint(*args: str, cwd: Path = ROOT) -> str:
    proc = run_main("--isolated", *args, cwd=cwd)
    assert proc.returncode in (0, 1, 2), proc.stderr.decode()
    return proc.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    return json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate_sarif(log: dict, schema: dict) -> None:
    # Every format jsonschema knows, uri-reference included (checked when rfc3986-validator is installed).
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A small corpus with awkward names and text: spaces, non-ASCII, Hangul, bad bytes."""
    (tmp_path / "a b").mkdir()
    (tmp_path / "a b" / "ü.txt").write_text(f"{SEOUL}   \n", encoding="utf-8")
    (tmp_path / "dup.txt").write_text(f"{LEDE}\n\nTraffic was diverted.\n\n{LEDE}\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait.\n".encode("latin-1"))
    (tmp_path / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    return tmp_path


class TestSnapshots:
    @pytest.mark.parametrize("fmt", sorted(FORMATS))
    def test_seeds(self, fmt: str) -> None:
        """Each format's report on the seeds matches its reviewed snapshot byte for byte."""
        out = lint("--format", fmt, "seeds/").replace(ROOT_URI, "file:///ROOT/")
        snapshot = SNAPSHOTS / f"seeds.{fmt}.{FORMATS[fmt]}"
        if UPDATE:
            snapshot.write_text(out, encoding="utf-8", newline="")
        assert snapshot.exists(), f"no snapshot {snapshot.name}; run NEWSLINT_UPDATE_SNAPSHOTS=1 pytest {__file__}"
        assert out == snapshot.read_text(encoding="utf-8"), (
            f"{fmt} output changed; if on purpose: NEWSLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_formats.py"
        )

    def test_every_builtin_format_has_a_snapshot(self) -> None:
        """A new built-in format cannot land without a snapshot here."""
        from newslint.run.engine import Engine, RunOptions

        engine = Engine.create(RunOptions(isolated=True, entry_points=False))
        snapshotted = set(FORMATS) | {"html"}  # html: a page, tested in a browser by its own tests
        assert set(engine.registry.reporters) <= snapshotted


class TestSarif:
    def test_seeds_validate_against_the_official_schema(self, sarif_schema: dict) -> None:
        """The seeds' SARIF log is valid SARIF 2.1.0 (the OASIS errata01 schema)."""
        validate_sarif(json.loads(lint("--format", "sarif", "seeds/")), sarif_schema)

    def test_awkward_corpus_validates(self, articles: Path, sarif_schema: dict) -> None:
        """Spaces, non-ASCII names, an undecodable file and a missing path still give valid SARIF."""
        log = json.loads(lint("--format", "sarif", ".", "missing.txt", cwd=articles))
        validate_sarif(log, sarif_schema)
        run = log["runs"][0]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
        assert uris == {"a%20b/%C3%BC.txt", "dup.txt", "latin1.txt"}
        assert run["invocations"][0]["executionSuccessful"] is False
        assert "missing.txt" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]

    def test_clean_run_validates(self, tmp_path: Path, sarif_schema: dict) -> None:
        """No findings is a valid log with an empty results array and a successful invocation."""
        (tmp_path / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
        log = json.loads(lint("--format", "sarif", ".", cwd=tmp_path))
        validate_sarif(log, sarif_schema)
        assert log["runs"][0]["results"] == [] and log["runs"][0]["invocations"][0]["executionSuccessful"] is True

    def test_run_declares_code_point_columns_and_repo_relative_uris(self, articles: Path) -> None:
        """Columns are code points (declared), URIs hang off %SRCROOT%, which is the working directory."""
        run = json.loads(lint("--format", "sarif", ".", cwd=articles))["runs"][0]
        assert run["columnKind"] == "unicodeCodePoints"
        assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == articles.resolve().as_uri() + "/"
        seoul = next(r for r in run["results"] if r["ruleId"] == "NL512")
        location = seoul["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["region"] == {"startLine": 1, "startColumn": 26, "endLine": 1, "endColumn": 29}

    def test_rules_come_from_the_registry(self, articles: Path) -> None:
        """tool.driver.rules lists every registered rule with its docs; ruleIndex points at the right one."""
        from newslint.run.engine import Engine, RunOptions

        registry = Engine.create(RunOptions(isolated=True, entry_points=False)).registry
        driver_rules = json.loads(lint("--format", "sarif", ".", cwd=articles))["runs"][0]["tool"]["driver"]
        assert driver_rules["name"] == "newslint" and driver_rules["informationUri"].startswith("https://")
        rules = driver_rules["rules"]
        assert [r["id"] for r in rules] == list(registry.rules)
        nl501 = next(r for r in rules if r["id"] == "NL501")
        assert nl501["name"] == "duplicate-paragraph"
        assert nl501["shortDescription"]["text"] == registry.rules["NL501"].summary
        assert nl501["fullDescription"]["text"].startswith("Flags a paragraph")
        assert nl501["help"]["markdown"] == registry.rules["NL501"].explanation
        assert nl501["defaultConfiguration"]["level"] == "warning"
        log = json.loads(lint("--format", "sarif", ".", cwd=articles))
        for result in log["runs"][0]["results"]:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]

    def test_partial_fingerprints_survive_lines_inserted_above(self, articles: Path) -> None:
        """Inserting paragraphs above a finding moves its region but keeps its fingerprint."""

        def nl501() -> dict:
            run = json.loads(lint("--format", "sarif", "dup.txt", cwd=articles))["runs"][0]
            return next(r for r in run["results"] if r["ruleId"] == "NL501")

        before = nl501()
        text = (articles / "dup.txt").read_text(encoding="utf-8")
        (articles / "dup.txt").write_text("A new first paragraph.\n\nAnd a second one.\n\n" + text, encoding="utf-8")
        after = nl501()
        region = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]
        assert (region(before), region(after)) == (5, 9)
        assert before["partialFingerprints"] == after["partialFingerprints"]

    def test_partial_fingerprints_are_the_baseline_fingerprints(self, articles: Path) -> None:
        """SARIF reuses newslint.output.baseline's fingerprint, numbered per occurrence."""
        run_main("--isolated", "--write-baseline", "base.json", ".", cwd=articles)
        recorded = {e["fingerprint"] for e in json.loads((articles / "base.json").read_text())["findings"]}
        run = json.loads(lint("--format", "sarif", ".", cwd=articles))["runs"][0]
        keys = {r["partialFingerprints"]["newslint/v1"].split(":")[0] for r in run["results"]}
        assert keys == recorded


class TestRdjson:
    def test_validates_against_the_rdjson_schema(self, articles: Path) -> None:
        """The report is a reviewdog DiagnosticResult (schema written from reviewdog's proto)."""
        schema = json.loads((FIXTURES / "rdjson.schema.json").read_text(encoding="utf-8"))
        for out in (lint("--format", "rdjson", "seeds/"), lint("--format", "rdjson", ".", cwd=articles)):
            jsonschema.Draft7Validator(schema).validate(json.loads(out))

    def test_columns_are_utf8_bytes(self, articles: Path) -> None:
        """reviewdog counts columns in UTF-8 bytes: the Hangul line's trailing spaces start at byte 64."""
        report = json.loads(lint("--format", "rdjson", ".", cwd=articles))
        seoul = next(d for d in report["diagnostics"] if d["code"]["value"] == "NL512")
        assert seoul["location"]["path"] == "a b/ü.txt"
        start = len(SEOUL.encode("utf-8")) + 1
        assert seoul["location"]["range"] == {
            "start": {"line": 1, "column": start},
            "end": {"line": 1, "column": start + 3},
        }
        assert seoul["suggestions"] == [{"range": seoul["location"]["range"], "text": ""}]
        assert seoul["severity"] == "INFO"


class TestGitlab:
    def test_code_quality_fields(self, articles: Path) -> None:
        """Each issue has GitLab's required fields, a known severity and a repo-relative path."""
        issues = json.loads(lint("--format", "gitlab", ".", cwd=articles))
        assert issues
        for issue in issues:
            assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
            assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
            assert isinstance(issue["location"]["lines"]["begin"], int)
            assert not os.path.isabs(issue["location"]["path"])
        dup = next(i for i in issues if i["check_name"] == "NL501 duplicate-paragraph")
        assert dup["location"] == {"path": "dup.txt", "lines": {"begin": 5, "end": 5}}
        assert dup["severity"] == "minor"

    def test_identical_findings_get_distinct_fingerprints(self, tmp_path: Path) -> None:
        """GitLab shows one issue per fingerprint, so two identical findings must differ."""
        (tmp_path / "nbsp.txt").write_text("First line.\n\u00a0\nSecond line.\n\u00a0\nThird.\n", encoding="utf-8")
        issues = json.loads(lint("--format", "gitlab", ".", cwd=tmp_path))
        nl510 = [i for i in issues if i["check_name"].startswith("NL510")]
        assert len(nl510) == 2 and nl510[0]["fingerprint"] != nl510[1]["fingerprint"]


class TestJunit:
    def test_a_suite_per_file_and_one_failure_per_testcase(self, articles: Path) -> None:
        """A testsuite per file; each finding is its own testcase with exactly one failure; every element is timed."""
        root = ET.fromstring(lint("--format", "junit", ".", "missing.txt", cwd=articles))
        suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
        assert set(suites) == {"a b/ü.txt", "dup.txt", "latin1.txt", "clean.txt", "newslint errors"}
        clean_cases = suites["clean.txt"].findall("testcase")
        assert len(clean_cases) == 1 and clean_cases[0].findall("*") == []
        for suite in root.findall("testsuite"):
            cases = suite.findall("testcase")
            assert suite.get("tests") == str(len(cases))
            assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
            for case in cases:
                assert len(case.findall("failure")) + len(case.findall("error")) <= 1
                assert float(case.get("time")) >= 0
            assert float(suite.get("time")) >= 0
        dup = suites["dup.txt"].findall("testcase")
        assert [c.find("failure").get("type") for c in dup] == ["NL501"]
        assert dup[0].get("name").startswith("NL501 at 5:")
        assert suites["newslint errors"].find("testcase/error") is not None
        total = sum(len(s.findall("testcase")) for s in root.findall("testsuite"))
        assert root.get("tests") == str(total) and root.get("errors") == "1"
        assert float(root.get("time")) >= 0

    def test_markup_and_control_characters_are_escaped(self) -> None:
        """Messages with <, &, quotes and C0 controls still give well-formed XML."""
        import io

        from newslint import Category, Diagnostic, ReportContext, Severity
        from newslint.output.reporters.junit import report_junit

        diag = Diagnostic(
            "x&y.txt", 1, 1, 1, 2, "NL999", 'Odd "<b>" & \x0c here', Severity.INFO, Category.USAGE, suggestion="<none>"
        )
        out = io.StringIO()
        report_junit([diag], ReportContext(rules={}, root=Path.cwd(), paths=["x&y.txt"]), out)
        failure = ET.fromstring(out.getvalue()).find("testsuite/testcase/failure")
        assert failure is not None
        assert failure.get("message") == '1:1: NL999 Odd "<b>" & \\u000c here'
        assert failure.text == 'x&y.txt:1:1: NL999 Odd "<b>" & \\u000c here (help: <none>)'


class TestGithub:
    def test_ten_per_level_then_a_summary_notice(self, tmp_path: Path) -> None:
        """At most 10 annotations per level; the overflow is counted in a notice that itself fits."""
        # 12 NL510 whitespace-only lines (warnings); 12 NL512 trailing spaces and one NL511 at the end (notices).
        lines = "".join(f"Line {i} ends with spaces.  \n\u00a0\n" for i in range(12))
        (tmp_path / "many.txt").write_text(lines, encoding="utf-8")
        out = lint("--format", "github", "many.txt", cwd=tmp_path).splitlines()
        warnings = [line for line in out if line.startswith("::warning ")]
        notices = [line for line in out if line.startswith("::notice ")]
        assert len(warnings) == 10 and len(notices) == 10
        assert notices[-1].startswith("::notice title=newslint::4 more notices, 2 more warnings not annotated")
        assert warnings[0].startswith(
            "::warning file=many.txt,line=2,col=1,endLine=2,endColumn=2,title=NL510 whitespace-only-line::"
        )

    def test_paths_are_relative_to_the_working_directory(self, articles: Path) -> None:
        """GitHub maps annotations by repo-relative path, even when newslint got an absolute one."""
        out = lint("--format", "github", str(articles / "dup.txt"), cwd=articles)
        assert out.startswith("::warning file=dup.txt,line=5,col=1,")


def _apply_json_edits(text: str, fixes: list[dict]) -> str:
    """Apply ruff-shaped fix edits (1-based rows and code-point columns) to ``text``."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(loc: dict) -> int:
        return starts[loc["row"] - 1] + loc["column"] - 1

    edits = sorted(
        ((offset(e["location"]), offset(e["end_location"]), e["content"]) for fix in fixes for e in fix["edits"]),
        reverse=True,
    )
    for start, end, content in edits:
        text = text[:start] + content + text[end:]
    return text


class TestFixesAsData:
    ARTICLE = (
        "Council Approves Budget For Harbour Works\n\n"
        "The council approved the budget on Tuesday , after a long debate.  The works start in June.\n"
        "Residents of the old town welcomed the plan\u00a0and the mayor thanked them.   \n"
    )

    def test_json_fix_edits_reproduce_the_fix_command(self, tmp_path: Path) -> None:
        """Applying the JSON edits of every safe fix gives the text ``--fix`` writes."""
        path = tmp_path / "budget.txt"
        path.write_text(self.ARTICLE, encoding="utf-8")
        records = json.loads(lint("--format", "json", "budget.txt", cwd=tmp_path))
        safe = [r["fix"] for r in records if r["fix"] and r["fix"]["applicability"] == "safe"]
        assert safe, records
        for record in records:
            if record["fix"]:
                assert set(record["fix"]) == {"applicability", "message", "edits"}
                for edit in record["fix"]["edits"]:
                    assert set(edit) == {"content", "location", "end_location"}
        expected = _apply_json_edits(self.ARTICLE, safe)
        run_main("--fix", "budget.txt", cwd=tmp_path)
        assert path.read_text(encoding="utf-8") == expected

    def test_sarif_carries_fixes_help_uri_and_markdown_help(self, tmp_path: Path, sarif_schema: dict) -> None:
        """Every result with a JSON fix has SARIF ``fixes`` at the same place; rules link their docs page."""
        (tmp_path / "budget.txt").write_text(self.ARTICLE, encoding="utf-8")
        log = json.loads(lint("--format", "sarif", "budget.txt", cwd=tmp_path))
        validate_sarif(log, sarif_schema)
        records = json.loads(lint("--format", "json", "budget.txt", cwd=tmp_path))
        run = log["runs"][0]
        for rule in run["tool"]["driver"]["rules"]:
            assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
            assert "## What it does" in rule["help"]["markdown"]
            assert "##" not in rule["help"]["text"] and "```" not in rule["help"]["text"]
        assert len(run["results"]) == len(records)
        for result, record in zip(run["results"], records):
            assert result["ruleId"] == record["code"]
            if record["fix"] is None:
                assert "fixes" not in result
                continue
            (change,) = result["fixes"][0]["artifactChanges"]
            edits = record["fix"]["edits"]
            assert [r["insertedContent"]["text"] for r in change["replacements"]] == [e["content"] for e in edits]
            first = change["replacements"][0]["deletedRegion"]
            assert (first["startLine"], first["startColumn"]) == (
                edits[0]["location"]["row"],
                edits[0]["location"]["column"],
            )
