"""Untrusted input is bounded (issue 20): special files, deep nesting, numeric ranges, dates,
output errors and dataset record sizes each become exit 2 with a message, never a hang or a traceback."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time

import pytest
from conftest import ROOT, run_cli, run_main

ARTICLE = "The county council approved the library budget on Thursday.\n\nTeh vote was close.\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    return tmp_path


def _lint(tree, config: str | None, *args: str, timeout_ok: bool = False):
    if config is not None:
        (tree / "newslint.toml").write_text(config, encoding="utf-8")
    proc = run_main(*(args or ("story.txt",)), cwd=tree)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()
    return proc.returncode, proc.stderr.decode()


NOT_REGULAR = "not a regular file (a FIFO, device or directory)"
SPECIAL = {
    "pack /dev/zero": ('packs = ["/dev/zero"]\n', f"/dev/zero: cannot read: {NOT_REGULAR}"),
    "pack /dev/urandom": ('packs = ["/dev/urandom"]\n', f"/dev/urandom: cannot read: {NOT_REGULAR}"),
    "pack FIFO": ('packs = ["pipe"]\n', f"pipe: cannot read: {NOT_REGULAR}"),
    "word list /dev/zero": ('word-lists = ["/dev/zero"]\n', f"word-lists: cannot read /dev/zero: {NOT_REGULAR}"),
    "word list FIFO": ('word-lists = ["pipe"]\n', f"pipe: {NOT_REGULAR}"),
}


@pytest.mark.parametrize(("config", "message"), SPECIAL.values(), ids=SPECIAL.keys())
def test_special_files_as_packs_and_word_lists_are_refused_at_once(tree, config, message):
    code, err = _lint(tree, config)
    assert code == 2 and message in err


@pytest.mark.parametrize("baseline", ["pipe", "/dev/zero"])
def test_a_special_file_as_baseline_is_refused(tree, baseline):
    code, err = _lint(tree, None, "--isolated", "--baseline", baseline, "story.txt")
    assert code == 2 and f"{baseline}: cannot read the baseline: {NOT_REGULAR}" in err


def test_an_oversized_pack_is_refused(tree):
    with open(tree / "huge.toml", "wb") as fh:
        fh.truncate(64 * 1024 * 1024 + 1)  # sparse: costs no disk
    code, err = _lint(tree, 'packs = ["huge.toml"]\n')
    assert code == 2 and "huge.toml: cannot read: larger than the limit of 67108864 bytes" in err


def test_deep_toml_is_a_message(tree):
    deep = "[" * 3000 + "]" * 3000
    code, err = _lint(tree, f"# generated\nselect = {deep}\n")
    assert code == 2 and "newslint.toml: invalid TOML: nested too deeply" in err


def test_a_deep_pack_is_a_message(tree):
    (tree / "deep.toml").write_text("x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", encoding="utf-8")
    code, err = _lint(tree, 'packs = ["deep.toml"]\n')
    assert code == 2 and "deep.toml: invalid TOML: nested too deeply" in err


def test_a_deep_baseline_is_a_message(tree):
    (tree / "deep.json").write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    code, err = _lint(tree, None, "--isolated", "--baseline", "deep.json", "story.txt")
    assert code == 2 and "deep.json: not a JSON baseline: nested too deeply" in err


RANGES = {
    "max-file-size huge": (
        "max-file-size = 9223372036854775807\n",
        "max-file-size: 9223372036854775807 is out of range; expected 1 to 2147483648",
    ),
    "max-file-size negative": ("max-file-size = -1\n", "max-file-size: -1 is out of range"),
    "max-file-size zero": ("max-file-size = 0\n", "max-file-size: 0 is out of range"),
    "date in year 1": (
        "date = 0001-01-01\n",
        "date: 0001-01-01 is out of range; expected a date from 1800-01-01 to 2199-12-31",
    ),
    "date in year 9999": ("date = 9999-12-31\n", "date: 9999-12-31 is out of range"),
}


@pytest.mark.parametrize(("config", "message"), RANGES.values(), ids=RANGES.keys())
def test_numbers_and_dates_out_of_range_are_config_errors(tree, config, message):
    code, err = _lint(tree, config)
    assert code == 2 and message in err
    assert "OverflowError" not in err


def test_a_date_out_of_range_on_the_command_line_is_a_usage_error(tree):
    code, err = _lint(tree, None, "--isolated", "--date", "0001-01-01", "story.txt")
    assert code == 2 and "--date: 0001-01-01 is out of range" in err


def test_dates_in_range_still_work(tree):
    code, err = _lint(tree, "date = 1851-09-18\n")  # an archive's first issue
    assert code == 1, err


class TestOutputErrors:
    def test_output_file_in_a_missing_directory(self, tree):
        code, err = _lint(tree, None, "--isolated", "-o", str(tree / "missing" / "report.txt"), "story.txt")
        assert (
            code == 2
            and f"{tree / 'missing' / 'report.txt'}: cannot write the report: No such file or directory" in err
        )

    @pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_stdout_to_a_full_disk(self, tree, fmt):
        env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
        with open("/dev/full", "wb") as full:
            proc = subprocess.run(
                [sys.executable, "-m", "newslint", "--isolated", "--format", fmt, "story.txt"],
                cwd=tree,
                env=env,
                stdout=full,
                stderr=subprocess.PIPE,
                check=False,
            )
        assert proc.returncode == 2
        assert proc.stderr.decode() == "newslint: error: cannot write the report: No space left on device\n"

    def test_a_closed_pipe(self, tree):
        for i in range(200):  # enough findings to fill the pipe's buffer
            (tree / f"story{i:03}.txt").write_text(ARTICLE, encoding="utf-8")
        env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "newslint", "--isolated", "--format", "json", "-j", "1", "."],
            cwd=tree,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        proc.stdout.close()  # the reader goes away before anything is read
        err = proc.stderr.read().decode()
        assert proc.wait() == 2
        assert err == "newslint: error: cannot write the report: Broken pipe\n"


class TestDatasetLimits:
    def _records(self, huge_text: str) -> list[dict]:
        return [
            {"id": "budget", "text": "The council approved the budget.\n"},
            {"id": "flood", "text": huge_text},
            {"id": "vote", "text": "Teh vote was close.\n"},
        ]

    @pytest.mark.parametrize("name", ["wire.jsonl", "wire.jsonl.gz"])
    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_a_record_over_max_file_size_is_skipped_and_the_rest_linted(self, tmp_path, name, jobs):
        records = [json.dumps(r) + "\n" for r in self._records("Flood warning for the valley. " * 40_000)]
        lines = "".join(records)
        data = lines.encode()
        (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        (tmp_path / "newslint.toml").write_text("max-file-size = 100000\n", encoding="utf-8")
        proc = run_cli("-j", jobs, name, cwd=tmp_path)
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert f"{name}:2: record too large: {len(records[1])} bytes, over max-file-size (100000); skipped" in err
        assert f"{name}#vote:1:1: NL101".encode() in proc.stdout  # the records after it are linted
        assert b"Traceback" not in proc.stderr

    @pytest.mark.slow
    def test_a_small_gzip_holding_a_huge_line_stays_small_in_memory(self, tmp_path):
        import resource

        # 256 MB of one line compresses to about 250 kB; the run must not hold the line.
        huge = '{"id": "bomb", "text": "' + "a" * (256 * 1024 * 1024) + '"}\n'
        (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(huge.encode(), compresslevel=1))
        del huge
        env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}

        def limit_memory() -> None:  # 1 GB of address space: a 256 MB line plus its JSON would not fit
            resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

        proc = subprocess.run(
            [sys.executable, "-m", "newslint", "--isolated", "-j", "1", "bomb.jsonl.gz"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            preexec_fn=limit_memory,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 2, proc.stderr.decode()[-500:]
        assert (
            b"bomb.jsonl.gz:1: record too large: 268435483 bytes, over max-file-size (52428800); skipped" in proc.stderr
        )


# The four patterns that each ran over 90 s on one 3,000-character line with Python's re.
REDOS = [r"[^x]*[^y]*[^z]*[^w]*q$", r".*.*.*.*.*.*=$", r"a*a*a*a*a*a*a*a*a*a*b", r"(?:(?:a{1,10}){1,10}){1,10}$"]


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join("'" + item + "'" for item in items) + "]"


def test_hostile_pack_regexes_run_in_linear_time(tmp_path):
    """Each pattern, as a boilerplate phrase and as a confusable context, over long hostile lines, via the CLI."""
    (tmp_path / "chrome.toml").write_text(
        '[pack]\nkind = "boilerplate"\nschema = 1\n\n[[entry]]\nlang = "en"\nrole = "cta"\nmatch = "regex"\n'
        f"max-words = 100000\nphrases = {_toml_list(REDOS)}\n",
        encoding="utf-8",
    )
    confusables = "".join(
        f'[[confusable]]\nid = "hostile-{i}"\nwrong = ["ferry"]\nright = ["fairy"]\nreason = "test"\nafter = \'{p}\'\n\n'
        for i, p in enumerate(REDOS)
    )
    (tmp_path / "words.toml").write_text(f'[pack]\nkind = "confusables"\nschema = 1\n\n{confusables}', encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(
        'packs = ["chrome.toml", "words.toml"]\nselect = ["NL2", "NL630"]\n', encoding="utf-8"
    )
    timings = {}
    for n in (3_000, 30_000, 300_000):
        body = "The ferry " + "a" * n + "\n" + "The ferry " + "xyzw" * (n // 4) + "\n"
        (tmp_path / "story.txt").write_text("Harbour news.\n\n" + body, encoding="utf-8")
        started = time.monotonic()
        proc = run_cli("story.txt", cwd=tmp_path)
        timings[n] = time.monotonic() - started
        assert b"Traceback" not in proc.stderr and proc.returncode in (0, 1), proc.stderr.decode()
    # Python's re took over 90 s per pattern at 3,000 characters; RE2 is linear, so even
    # 300,000 characters take seconds, mostly the other rules and start-up.
    assert timings[300_000] < 60, timings
    print(f"hostile pack regexes: {timings}")


def test_not_after_replaces_a_negative_look_ahead(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The board stood by its guiding principal in the dispute.\n\n"
        "Parents met the founding principal of the school on Monday.\n",
        encoding="utf-8",
    )
    proc = run_main("--isolated", "--select", "NL630", "a.txt", cwd=tmp_path)
    out = proc.stdout.decode()
    assert "a.txt:1:" in out and "principle" in out
    assert "a.txt:3:" not in out  # "principal of the school" is the head teacher


@pytest.mark.parametrize(
    ("jobs", "message"), [("0", "'0' is not a positive number"), ("100000", "100000 processes is out of range")]
)
def test_jobs_out_of_range_is_a_usage_error(tree, jobs, message):
    code, err = _lint(tree, None, "--isolated", "-j", jobs, "story.txt")
    assert code == 2 and message in err
