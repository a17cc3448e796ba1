"""Text and file names from a hostile tree (issue 20): lone surrogates, UTF-16 without a BOM,
control characters and non-UTF-8 bytes in file names, symlink loops. Each through the CLI."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest
from conftest import run_main

ARTICLE = "Teh ferry service resumed on Monday after the storm.\n"
# A forged diagnostic line, a terminal colour sequence, and a byte that is not UTF-8.
HOSTILE_NAMES = [b"flood\nreport.txt:9:9: NL999 forged.txt", b"tide\x1b[2Jclear.txt", b"harbour\xff.txt"]
SHOWN = ["flood\\nreport.txt:9:9: NL999 forged.txt", "tide\\x1b[2Jclear.txt", "harbour\\xff.txt"]


@pytest.fixture
def hostile(tmp_path):
    for name in HOSTILE_NAMES:
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as fh:
            fh.write(ARTICLE.encode())
    return tmp_path


def _report(tree, fmt: str) -> bytes:
    proc = run_main("--isolated", "--format", fmt, ".", cwd=tree)
    assert proc.returncode == 1, proc.stderr.decode(errors="replace")
    assert b"Traceback" not in proc.stderr
    proc.stdout.decode("utf-8")  # every format is valid UTF-8
    return proc.stdout


@pytest.mark.parametrize("fmt", ["text", "github", "html", "junit"])
def test_line_formats_escape_control_characters_and_bad_bytes(hostile, fmt):
    out = _report(hostile, fmt).decode()
    assert "\x1b" not in out and "NL999 forged.txt:" not in out.replace(SHOWN[0], "")
    for shown in SHOWN:
        assert (shown.replace(":", "%3A") if fmt == "github" else shown) in out  # GitHub escapes ":" in properties
    if fmt == "text":
        assert len(out.splitlines()) == 4  # three findings and the summary: no forged line
    if fmt == "junit":
        names = {case.get("file") for case in ET.fromstring(out).iter("testcase")}
        assert names == set(SHOWN)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_round_trips_every_name(hostile, fmt):
    out = _report(hostile, fmt)
    records = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    assert sorted(os.fsencode(r["path"]) for r in records) == sorted(HOSTILE_NAMES)


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "rdjson"])
def test_machine_formats_do_not_crash_and_stay_valid_json(hostile, fmt):
    out = _report(hostile, fmt)
    data = json.loads(out)
    if fmt == "sarif":
        uris = sorted(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]
        )
        assert uris == ["flood%0Areport.txt%3A9%3A9%3A%20NL999%20forged.txt", "harbour%FF.txt", "tide%1B%5B2Jclear.txt"]
    if fmt == "gitlab":
        assert sorted(os.fsencode(issue["location"]["path"]) for issue in data) == sorted(HOSTILE_NAMES)
        assert len({issue["fingerprint"] for issue in data}) == 3


def test_error_messages_escape_the_name(tmp_path):
    os.mkfifo(os.path.join(os.fsencode(tmp_path), b"wire\x1b]0;pwned\x07.txt"))
    proc = run_main("--isolated", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"wire\\x1b]0;pwned\\x07.txt: not a regular file" in proc.stderr
    assert b"\x1b" not in proc.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_symlink_loops_are_messages(tmp_path, jobs):
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "ping.txt").symlink_to("pong.txt")
    (tmp_path / "pong.txt").symlink_to("ping.txt")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_main("--isolated", "-j", jobs, ".", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    for name in ("self.txt", "ping.txt", "pong.txt"):
        assert f"{name}: cannot read: Too many levels of symbolic links" in err
    assert b"story.txt:1:1: NL101" in proc.stdout  # the rest is linted


class TestText:
    def test_a_record_with_a_lone_surrogate_is_an_nl001_finding_not_a_crash(self, tmp_path):
        records = [
            {"id": "ferry", "text": "The ferry resumed\ud800 service on Monday.\n"},
            {"id": "storm", "text": "Teh storm passed overnight.\n"},
        ]
        (tmp_path / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
        for args in ((), ("-j", "2"), ("--format", "sarif"), ("--write-baseline", "base.json")):
            proc = run_main("--isolated", *args, "wire.jsonl", cwd=tmp_path)
            assert b"Traceback" not in proc.stderr, proc.stderr.decode()
            assert proc.returncode in (0, 1)
        proc = run_main("--isolated", "--format", "json", "wire.jsonl", cwd=tmp_path)
        found = {(d["path"], d["code"], d["line"], d["column"]) for d in json.loads(proc.stdout)}
        assert ("wire.jsonl#ferry", "NL001", 1, 18) in found
        assert ("wire.jsonl#storm", "NL101", 1, 1) in found

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
    def test_utf16_without_a_bom_is_reported_not_skipped(self, tmp_path, codec):
        (tmp_path / "story.txt").write_bytes("The ferry resumed service on Monday.\n".encode(codec))
        proc = run_main("--isolated", "story.txt", cwd=tmp_path)
        assert proc.returncode == 1
        order = "little-endian" if codec.endswith("le") else "big-endian"
        assert (
            f"story.txt:1:1: NL001 Not valid UTF-8 at byte 0: the file looks like UTF-16 ({order})".encode()
            in proc.stdout
        )

    def test_a_real_binary_file_is_still_a_quiet_skip(self, tmp_path):
        (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 8)
        proc = run_main("--isolated", "photo.txt", cwd=tmp_path)
        assert proc.returncode == 0 and proc.stdout == b""
