"""--fix, --unsafe-fixes and --diff: edits, passes, atomic writes, kills and idempotence."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli, run_main

from newslint import Category, Document, Edit, Rule, Severity, hookimpl
from newslint.fix.atomic import _STEPS, KILL_AT_ENV, TEMP_SUFFIX, FileChanged, file_stamp, replace_file
from newslint.fix.fixes import MAX_PASSES, apply_fixes, fix_document, unified_diff
from newslint.run.engine import Engine, RunOptions

BOM = b"\xef\xbb\xbf"
# Six safely fixable defects: trailing space, no-break-space line, zero-width
# space, two mojibake runs, trailing blank lines. CRLF line ends throughout.
BROKEN_CRLF = (
    "Officials said the bridge would reopen on Friday. \r\n"
    "\u00a0\r\n"
    "Prime Minister Taka\u200bichi visited the caf\u00c3\u00a9 in Japan\u00e2\u20ac\u2122s capital.\r\n"
    "\r\n\r\n\r\n"
)
FIXED_CRLF = (
    "Officials said the bridge would reopen on Friday.\r\n"
    "\r\n"
    "Prime Minister Takaichi visited the caf\u00e9 in Japan\u2019s capital.\r\n"
)
CLEAN = "Traffic was diverted through the old town.\n\nTalks resume next week.\n"


def _write(path: Path, text: str, *, bom: bool = False, mode: int = 0o644) -> bytes:
    data = (BOM if bom else b"") + text.encode("utf-8")
    path.write_bytes(data)
    path.chmod(mode)
    return data


class TestApplyFixes:
    """Non-overlapping edits are applied together; overlapping ones wait for the next pass."""

    def test_disjoint_edits_apply_in_one_pass(self):
        assert apply_fixes("abcdef", [[Edit(0, 1, "A")], [Edit(4, 6, "")]]) == ("Abcd", 2)

    def test_overlapping_fix_is_skipped_whole(self):
        text, applied = apply_fixes("abcdef", [[Edit(1, 4, "X")], [Edit(0, 1, "A"), Edit(3, 5, "Y")]])
        assert (text, applied) == ("aXef", 1)

    def test_two_insertions_at_one_point_conflict(self):
        assert apply_fixes("ab", [[Edit(1, 1, "x")], [Edit(1, 1, "y")]]) == ("axb", 1)

    def test_adjacent_edits_do_not_conflict(self):
        assert apply_fixes("abcd", [[Edit(0, 2, "X")], [Edit(2, 4, "Y")]]) == ("XY", 2)

    def test_out_of_range_and_noop_edits_are_ignored(self):
        assert apply_fixes("abc", [[Edit(2, 9, "")], [Edit(0, 1, "a")]]) == ("abc", 0)

    def test_inserted_line_breaks_follow_the_document(self):
        assert apply_fixes("one\r\ntwo\r\n", [[Edit(3, 3, "\nnew")]]) == ("one\r\nnew\r\ntwo\r\n", 1)

    def test_astral_characters_count_as_one_code_point(self):
        assert apply_fixes("\U0001f600 x ", [[Edit(3, 4, "")]]) == ("\U0001f600 x", 1)


class _Toggle:
    """A test plugin whose fix re-creates a finding: "ping" becomes "pong" and back."""

    RULE = Rule("ZZ001", "ping-pong", Category.USAGE, Severity.INFO, "Ping or pong", "## What it does\nToggles.\n")

    @hookimpl
    def newslint_rules(self):
        return [self.RULE]

    @hookimpl
    def newslint_check(self, doc: Document, ctx):
        out = []
        for word in ("ping", "pong"):
            at = doc.text.find(word)
            if at >= 0:
                other = "pong" if word == "ping" else "ping"
                out.append(doc.diagnostic(self.RULE, at, at + 4, f"{word}", fix=[Edit(at, at + 4, other)]))
        return out


class _Grow:
    """A test plugin whose fix never converges: it always appends one more letter."""

    RULE = Rule("ZZ002", "always-more", Category.USAGE, Severity.INFO, "Always more", "## What it does\nGrows.\n")

    @hookimpl
    def newslint_rules(self):
        return [self.RULE]

    @hookimpl
    def newslint_check(self, doc: Document, ctx):
        end = len(doc.text)
        return [doc.diagnostic(self.RULE, 0, end, "more", fix=[Edit(end, end, "a")])]


def _engine(plugin: object, code: str) -> Engine:
    return Engine.create(RunOptions(isolated=True, entry_points=False, plugins=(plugin,), select=[code]))


class TestFixDocument:
    """The pass loop stops at a fixed point, on a cycle, and after MAX_PASSES."""

    def test_reaches_a_fixed_point_and_reports_what_remains(self):
        engine = Engine.create(RunOptions(isolated=True, entry_points=False))
        result = fix_document(Document(BROKEN_CRLF, "a.txt"), engine.check)
        assert result.text == FIXED_CRLF
        assert result.fixed == 6
        assert result.diagnostics == []

    def test_a_cycle_stops_instead_of_looping(self):
        result = fix_document(Document("ping\n", "a.txt"), _engine(_Toggle(), "ZZ001").check)
        assert result.text == "pong\n"
        assert result.passes == 2

    def test_a_fix_that_never_converges_is_bounded(self):
        result = fix_document(Document("x", "a.txt"), _engine(_Grow(), "ZZ002").check)
        assert result.passes == MAX_PASSES
        assert result.text == "x" + "a" * MAX_PASSES


class TestCliFix:
    """--fix writes only changed files, keeps their bytes' form, and is idempotent."""

    def test_fix_keeps_bom_crlf_and_mode_and_reports_the_rest(self, tmp_path):
        broken = tmp_path / "broken.txt"
        _write(broken, BROKEN_CRLF, bom=True, mode=0o640)
        proc = run_main("--fix", "--isolated", str(broken), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert broken.read_bytes() == BOM + FIXED_CRLF.encode("utf-8")
        assert stat.S_IMODE(broken.stat().st_mode) == 0o640
        assert b"Fixed 6 problems in 1 file (0 remaining)." in proc.stderr
        assert proc.stdout == b""
        assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))

    def test_second_fix_changes_nothing_and_touches_nothing(self, tmp_path):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, tmp_path / seed.name)
        _write(tmp_path / "broken.txt", BROKEN_CRLF, bom=True)
        _write(tmp_path / "clean.txt", CLEAN)
        clean_before = os.stat(tmp_path / "clean.txt")
        first = run_main("--fix", "--isolated", ".", cwd=tmp_path)
        assert first.returncode == 1  # the seeds' duplicate paragraphs have no safe fix
        # The articles (the result cache beside them is a directory and may change).
        snapshot = {
            p.name: (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns) for p in tmp_path.iterdir() if p.is_file()
        }
        second = run_main("--fix", "--isolated", ".", cwd=tmp_path)
        assert b"Fixed 0 problems in 0 files" in second.stderr
        assert second.stdout == first.stdout  # the same remaining diagnostics
        after = {
            p.name: (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns) for p in tmp_path.iterdir() if p.is_file()
        }
        assert after == snapshot
        clean_after = os.stat(tmp_path / "clean.txt")
        assert (clean_after.st_ino, clean_after.st_mtime_ns) == (clean_before.st_ino, clean_before.st_mtime_ns)
        assert b"NL501" in second.stdout and b"NL510" not in second.stdout

    def test_unsafe_fixes_only_when_asked(self, tmp_path):
        seed = tmp_path / "002.txt"
        shutil.copy(SEEDS / "002_566b46e06db8f717.txt", seed)
        run_main("--fix", "--isolated", str(seed), cwd=tmp_path)
        safe = seed.read_text(encoding="utf-8")
        assert run_main("--diff", "--isolated", str(seed), cwd=tmp_path).returncode == 0  # no safe fix left
        assert run_main("--diff", "--unsafe-fixes", "--isolated", str(seed), cwd=tmp_path).returncode == 1
        assert seed.read_text(encoding="utf-8") == safe  # --diff wrote nothing
        proc = run_main("--fix", "--unsafe-fixes", "--isolated", "--select", "NL501", str(seed), cwd=tmp_path)
        assert proc.returncode == 0, proc.stdout
        assert seed.read_text(encoding="utf-8") == safe.split("\n", 1)[1]  # the pasted teaser (line 1) is gone

    def test_unsafe_fixes_alone_is_a_usage_error(self):
        proc = run_main("--unsafe-fixes", str(SEEDS))
        assert proc.returncode == 2
        assert b"--unsafe-fixes needs --fix or --diff" in proc.stderr

    def test_fix_through_a_symlink_rewrites_the_target(self, tmp_path):
        target = tmp_path / "real.txt"
        _write(target, "Trailing space here. \n")
        link = tmp_path / "link.txt"
        link.symlink_to(target)
        assert run_main("--fix", "--isolated", str(link), cwd=tmp_path).returncode == 0
        assert link.is_symlink()
        assert target.read_text() == "Trailing space here.\n"

    def test_fixed_stdin_goes_to_stdout_and_the_report_to_stderr(self):
        proc = run_main("--fix", "--isolated", "-", input=b"Mojibake caf\xc3\x83\xc2\xa9. \n")
        assert proc.stdout == "Mojibake caf\u00e9.\n".encode()
        assert proc.returncode == 0

    def test_a_failed_write_is_an_error_and_leaves_the_file_and_no_temp(self, tmp_path):
        import resource

        text = "A line with a trailing space. \n" * 4000  # 124 kB, over the 64 kB limit below
        data = _write(tmp_path / "a.txt", text)

        def limit_file_size() -> None:  # writes past 64 kB fail with EFBIG (Python ignores SIGXFSZ)
            resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

        env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", "--fix", "--isolated", "a.txt"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            preexec_fn=limit_file_size,
            check=False,
        )
        assert proc.returncode == 2
        assert b"a.txt: cannot write the fix: File too large" in proc.stderr
        assert (tmp_path / "a.txt").read_bytes() == data
        assert [p.name for p in tmp_path.iterdir() if p.name != ".newslint_cache"] == ["a.txt"]  # no temporary file


class TestDiff:
    """--diff prints what --fix would do, changes nothing, and the diff applies."""

    def test_diff_changes_nothing_and_exits_1(self, tmp_path):
        path = tmp_path / "a.txt"
        data = _write(path, BROKEN_CRLF.replace("\r\n", "\n"))
        before = path.stat().st_mtime_ns
        proc = run_main("--diff", "--isolated", "a.txt", cwd=tmp_path)
        assert proc.returncode == 1
        assert path.read_bytes() == data and path.stat().st_mtime_ns == before
        assert proc.stdout.startswith(b"--- a/a.txt\n+++ b/a.txt\n@@ ")
        assert b"Would fix 6 problems in 1 file" in proc.stderr

    def test_diff_is_empty_and_exits_0_when_nothing_to_fix(self, tmp_path):
        _write(tmp_path / "a.txt", CLEAN)
        proc = run_main("--diff", "--isolated", "a.txt", cwd=tmp_path)
        assert (proc.returncode, proc.stdout) == (0, b"")

    @pytest.mark.parametrize("text", [BROKEN_CRLF.replace("\r\n", "\n"), BROKEN_CRLF, "No newline at end. "])
    def test_git_apply_of_the_diff_equals_fix(self, tmp_path, text):
        diffed, fixed = tmp_path / "diffed", tmp_path / "fixed"
        for where in (diffed, fixed):
            where.mkdir()
            _write(where / "a.txt", text)
        patch = run_main("--diff", "--isolated", "a.txt", cwd=diffed).stdout
        run_main("--fix", "--isolated", "a.txt", cwd=fixed)
        subprocess.run(["git", "init", "-q"], cwd=diffed, check=True)
        applied = subprocess.run(
            ["git", "apply", "--whitespace=nowarn", "-"], cwd=diffed, input=patch, capture_output=True, check=False
        )
        assert applied.returncode == 0, applied.stderr
        assert (diffed / "a.txt").read_bytes() == (fixed / "a.txt").read_bytes()

    def test_unified_diff_marks_a_missing_final_newline(self):
        assert unified_diff("a.txt", "x \n", "x").endswith("+x\n\\ No newline at end of file\n")


class TestAtomicWrite:
    """replace_file is all or nothing, even when the process is killed."""

    def test_a_concurrent_edit_is_not_overwritten(self, tmp_path):
        path = tmp_path / "a.txt"
        path.write_bytes(b"old\n")
        stamp = file_stamp(path)
        time.sleep(0.01)
        path.write_bytes(b"someone else's edit\n")
        with pytest.raises(FileChanged):
            replace_file(path, b"ours\n", expect=stamp)
        assert path.read_bytes() == b"someone else's edit\n"
        assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))

    @pytest.mark.parametrize("step", _STEPS)
    def test_sigkill_at_each_step_leaves_every_file_old_or_new(self, tmp_path, step):
        names = ["a.txt", "b.txt", "c.txt"]
        old = {n: _write(tmp_path / n, BROKEN_CRLF, bom=True, mode=0o600) for n in names}
        new = BOM + FIXED_CRLF.encode("utf-8")
        proc = run_cli("--fix", "--isolated", ".", cwd=tmp_path, env={KILL_AT_ENV: step})
        assert proc.returncode == -signal.SIGKILL
        states = [(tmp_path / n).read_bytes() for n in names]
        for name, data in zip(names, states):
            assert data in (old[name], new), f"{name} is torn after a kill at {step}"
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
        # The kill hits the first write: the first file is new only once it was replaced.
        assert states[0] == (new if step == "replaced" else old["a.txt"])
        assert states[1:] == [old["b.txt"], old["c.txt"]]
        # Leftover temporary files are never linted, and a re-run finishes the job.
        rerun = run_cli("--fix", "--isolated", ".", cwd=tmp_path)
        assert rerun.returncode == 0, rerun.stdout
        assert all((tmp_path / n).read_bytes() == new for n in names)

    @pytest.mark.slow  # the kill at each step above runs by default
    def test_random_sigkill_during_a_big_fix(self, tmp_path):
        lines = [
            f"Line {i} of the article says the council met on Monday.{'  ' if i % 3 == 0 else ''}" for i in range(8000)
        ]
        text = "\r\n".join(lines) + "\r\n"
        reference = tmp_path / "ref"
        reference.mkdir()
        _write(reference / "big.txt", text)
        # Warm the user cache first (a cold dictionary build would stretch the timed run, and so every
        # kill below, several times over): the kills are timed against a fix, not against a first run.
        warm = tmp_path / "warm"
        warm.mkdir()
        _write(warm / "big.txt", text)
        run_cli("--isolated", "big.txt", cwd=warm)
        started = time.monotonic()
        run_cli("--fix", "--isolated", "big.txt", cwd=reference)
        duration = time.monotonic() - started
        new = (reference / "big.txt").read_bytes()
        old = text.encode("utf-8")
        assert new != old
        env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
        outcomes = []
        for i in range(6):
            work = tmp_path / f"run{i}"
            work.mkdir()
            _write(work / "big.txt", text)
            proc = subprocess.Popen(
                [sys.executable, "-m", "newslint", "--fix", "--isolated", "big.txt"],
                cwd=work,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(duration * (0.4 + 0.12 * i))  # from mid-run to just past the write
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            data = (work / "big.txt").read_bytes()
            assert data in (old, new), f"torn file after a kill at {0.4 + 0.12 * i:.2f} of the run"
            outcomes.append(data == new)
        print(f"random kills: {outcomes.count(True)} of {len(outcomes)} files already new, the rest old")
