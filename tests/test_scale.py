"""Speed and scale, end to end: --jobs, the result cache, JSONL datasets, the progress bar.

Every test runs the real CLI in a subprocess on real files (articles built
from the seed paragraphs, shuffled with a fixed seed). Corpus rules come from
``tests/plugins/headline_probe.py``, a real third-party plugin loaded with
``-p``; ``pid_probe`` counts the processes that linted a corpus.
"""

from __future__ import annotations

import gzip
import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, run_main

sys.path.insert(0, str(ROOT))  # benchmarks.corpus: the shared, reproducible article generator
from benchmarks.corpus import generate_articles, seed_articles, write_jsonl, write_tree
from newslint.run.parallel import MIN_POOL_BYTES, MIN_POOL_FILES

PLUGINS = ROOT / "tests" / "plugins"
PROBE_ENV = {"PYTHONPATH": str(PLUGINS)}
SEED_TEXTS = list(seed_articles().values())


def lint(*args: str, env: dict | None = None, cwd: Path | str = ROOT) -> subprocess.CompletedProcess:
    return run_cli(*args, "--isolated", "-p", "headline_probe", env={**PROBE_ENV, **(env or {})}, cwd=cwd)


def lint_main(*args: str) -> subprocess.CompletedProcess:
    """``lint`` in this process, for the ``--jobs 1`` reference runs (which never start a pool)."""
    assert "-j" in args or "--jobs" in args
    return run_main(*args, "--isolated", "-p", "headline_probe", env=PROBE_ENV)


def records(proc: subprocess.CompletedProcess) -> list[dict]:
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """75 articles in three directories: enough for the pool (MIN_POOL_FILES is 64)."""
    root = tmp_path_factory.mktemp("tree")
    write_tree(root, 75, seed=11, texts=SEED_TEXTS, per_dir=25)
    return root


# -- --jobs ---------------------------------------------------------------------------


def test_jobs_1_and_2_give_identical_output(tree):
    one = lint_main(str(tree), "--jobs", "1", "--no-cache", "--format", "json")
    two = lint(str(tree), "--jobs", "2", "--no-cache", "--format", "json")
    assert one.stdout == two.stdout
    found = records(one)
    codes = {d["code"] for d in found}
    assert "XP001" in codes, "the corpus rule saw documents from every worker"
    assert codes & {"NL501", "NL502", "NL510", "NL511"}, "per-document rules ran too"
    # Text output (the other order-sensitive format) agrees as well.
    assert lint_main(str(tree), "-j", "1", "--no-cache").stdout == lint(str(tree), "-j", "2", "--no-cache").stdout


def test_jobs_2_really_uses_two_processes(tree):
    def processes(jobs: str) -> str:
        proc = run_cli(
            str(tree), "--isolated", "-p", "pid_probe", "--select", "XP900", "--jobs", jobs, "--no-cache", env=PROBE_ENV
        )
        return proc.stdout.decode()

    assert "linted by 1 processes" in processes("1")
    assert "linted by 2 processes" in processes("2")


def test_bad_jobs_value_is_a_usage_error(tree):
    proc = run_main(str(tree), "--jobs", "0")
    assert proc.returncode == 2
    assert b"positive number of processes" in proc.stderr


# -- cache --------------------------------------------------------------------------------


def _cached(proc: subprocess.CompletedProcess) -> tuple[int, int]:
    """(documents, from cache) from the --verbose note."""
    for line in proc.stderr.decode().splitlines():
        if "documents linted" in line:
            words = line.split()
            return int(words[2]), int(words[5])
    raise AssertionError(proc.stderr.decode())


@pytest.mark.slow  # 10 s; tests/test_cache_safety.py checks misses, rewrites and hits in the default run
def test_cache_hit_miss_and_invalidation(tmp_path):
    write_tree(tmp_path / "t", 80, seed=5, texts=SEED_TEXTS, per_dir=40)
    cache = str(tmp_path / "cache")
    args = (str(tmp_path / "t"), "--cache-dir", cache, "--format", "json", "--verbose", "-j", "1")
    cold = lint(*args)
    assert _cached(cold) == (80, 0)
    time.sleep(2.1)  # stamps taken within 2 s of storing are verified by content next time
    warm = lint(*args)
    assert _cached(warm) == (80, 80)
    assert warm.stdout == cold.stdout

    # Content change: that file alone is linted again, and its new defect shows.
    target = tmp_path / "t" / "d000" / "article-00003.txt"
    target.write_text(target.read_text(encoding="utf-8") + "Trailing space here. \n", encoding="utf-8")
    changed = lint(*args)
    assert _cached(changed) == (80, 79)
    assert any(d["path"].endswith("article-00003.txt") and d["code"] == "NL512" for d in records(changed))

    # A touched but unchanged file (git checkout) is a hit, by content digest.
    other = tmp_path / "t" / "d001" / "article-00050.txt"
    os.utime(other, ns=(time.time_ns(), time.time_ns() - 10**10))
    assert _cached(lint(*args)) == (80, 80)

    # Config change: another run key, so nothing is served from the old results.
    (tmp_path / "conf.toml").write_text('ignore = ["NL512"]\n', encoding="utf-8")
    reconf = run_cli(*args, "--config", str(tmp_path / "conf.toml"), "-p", "headline_probe", env=PROBE_ENV)
    assert _cached(reconf) == (80, 0)
    assert not any(d["code"] == "NL512" for d in records(reconf))

    # --no-cache neither reads nor counts.
    assert _cached(lint(*args, "--no-cache")) == (80, 0)


@pytest.mark.slow  # 5 s; tests/test_startup.py checks the pack cache's invalidation in the default run
def test_pack_contents_are_part_of_the_cache_key(tmp_path):
    write_tree(tmp_path / "t", 5, seed=2, texts=SEED_TEXTS)
    pack = tmp_path / "house.toml"
    pack.write_text('[pack]\nkind = "house"\nschema = 1\n[words]\nok = ["Gyeongju"]\n', encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    args = (str(tmp_path / "t"), "--cache-dir", str(tmp_path / "c"), "--verbose", "-j", "1")
    run_cli(*args, cwd=tmp_path)
    time.sleep(2.1)
    assert _cached(run_cli(*args, cwd=tmp_path)) == (5, 5)
    pack.write_text('[pack]\nkind = "house"\nschema = 1\n[words]\nok = ["Takaichi"]\n', encoding="utf-8")
    assert _cached(run_cli(*args, cwd=tmp_path)) == (5, 0)


@pytest.mark.slow  # 4 s; tests/test_cache_safety.py covers cached entries in the default run
def test_corpus_rules_see_facts_of_cached_files(tmp_path):
    root = tmp_path / "t"
    write_tree(root, 70, seed=8, texts=SEED_TEXTS, per_dir=70)
    cache = str(tmp_path / "cache")
    args = (str(root), "--cache-dir", cache, "--format", "json", "--verbose")
    cold = lint(*args, "-j", "2")
    time.sleep(2.1)
    warm = lint(*args, "-j", "2")
    assert _cached(warm) == (70, 70)
    assert warm.stdout == cold.stdout and any(d["code"] == "XP001" for d in records(warm))

    # A new file repeating a cached file's headline: the cached file's report changes,
    # which needs its facts from the cache.
    def others(found: list[dict]) -> int:
        msgs = [d["message"] for d in found if d["code"] == "XP001" and d["path"].endswith("article-00000.txt")]
        return int(msgs[0].split()[3]) if msgs else 0

    first = (root / "d000" / "article-00000.txt").read_text(encoding="utf-8").splitlines()[0]
    body = next(generate_articles(1, seed=99, texts=SEED_TEXTS)).split("\n\n", 1)[1]
    (root / "d000" / "new.txt").write_text(first + "\n\n" + body, encoding="utf-8")
    after = lint(*args, "-j", "2")
    assert _cached(after) == (71, 70)
    assert others(records(after)) == others(records(cold)) + 1
    assert any(d["path"].endswith("new.txt") and d["code"] == "XP001" for d in records(after))


# -- JSONL datasets -----------------------------------------------------------------------------


def _dataset_lines() -> list[str]:
    return [
        json.dumps(
            {"id": "a1", "text": "Clean first line.\nSecond line ends with space \nThird.", "date": "2026-01-13"}
        ),
        json.dumps({"id": 7, "text": "Intro.\n\u00a0\nBody text after a no-break space line."}),
        json.dumps({"text": "No id here.\nBut a trailing tab\t\nend."}),
        "{not json",
        json.dumps({"id": "empty", "text": None}),
        "",
        json.dumps({"id": "r\u00e9sum\u00e9", "text": "caf\u00e9 and \u00c3\u00a9l\u00c3\u00a8ve \u2013 mojibake."}),
    ]


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz"])
def test_jsonl_records_named_by_id_with_positions_inside_the_text(tmp_path, name):
    path = tmp_path / name
    data = ("\n".join(_dataset_lines()) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    proc = run_main(str(path), "--isolated", "--format", "json", "--verbose", "--no-corpus")
    assert proc.returncode == 2, "an invalid JSON line is an error"
    got = {(d["path"].replace(str(path), "F"), d["line"], d["column"], d["code"]) for d in json.loads(proc.stdout)}
    assert ("F#a1", 2, 28, "NL512") in got
    assert ("F#7", 2, 1, "NL510") in got
    assert ("F#L3", 2, 19, "NL512") in got  # no id: named by its line in the file
    assert ("F#r\u00e9sum\u00e9", 1, 10, "NL520") in got
    stderr = proc.stderr.decode()
    assert f"error: {path}:4: invalid JSON record" in stderr
    assert f"note: {path}#empty: no string field 'text'" in stderr


def test_jsonl_custom_fields(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"uid": "x9", "body": "Line one.\nLine two \n"}) + "\n", encoding="utf-8")
    proc = run_main(str(path), "--isolated", "--text-field", "body", "--id-field", "uid")
    assert f"{path}#x9:2:9: NL512".encode() in proc.stdout


@pytest.mark.slow  # 2 s; test_jobs_1_and_2_give_identical_output covers the pool in the default run
def test_jsonl_records_in_the_pool_identical_and_corpus_rules_across_records(tmp_path):
    """A small dataset beside MIN_POOL_FILES files: the pool runs and lints the records too."""
    write_tree(tmp_path / "t", MIN_POOL_FILES, seed=6, texts=SEED_TEXTS, per_dir=MIN_POOL_FILES)
    path = tmp_path / "small.jsonl.gz"
    write_jsonl(path, 40, seed=3, texts=SEED_TEXTS)
    one = lint_main(str(tmp_path / "t"), str(path), "-j", "1", "--no-cache", "--format", "json", "--corpus")
    two = lint(str(tmp_path / "t"), str(path), "-j", "2", "--no-cache", "--format", "json", "--corpus")
    assert one.stdout == two.stdout
    found = [d for d in records(one) if "#" in d["path"]]
    assert any(d["code"] == "XP001" for d in found)
    assert found and all(d["path"].startswith(f"{path}#doc-") for d in found)


@pytest.mark.slow
def test_jsonl_jobs_2_identical_and_corpus_rules_across_records(tmp_path):
    path = tmp_path / "big.jsonl"  # uncompressed: MIN_POOL_BYTES counts bytes on disk
    n = write_jsonl(path, size=1_500_000, seed=3, texts=SEED_TEXTS)
    assert path.stat().st_size > MIN_POOL_BYTES  # the pool runs, on two 1 MiB chunks
    one = lint(str(path), "-j", "1", "--format", "json", "--corpus")
    two = lint(str(path), "-j", "2", "--format", "json", "--corpus")
    assert one.stdout == two.stdout
    found = records(one)
    assert n > 300 and any(d["code"] == "XP001" for d in found)
    assert all(d["path"].startswith(f"{path}#doc-") for d in found)


# -- progress bar ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("big")
    write_tree(root, 320, seed=4, texts=SEED_TEXTS, per_dir=160)  # over MIN_FILES (300)
    return root


def _stderr_on_a_tty(*args: str, env: dict | None = None) -> str:
    """Run the CLI with stderr on a pseudo-terminal; return what it drew there."""
    master, slave = pty.openpty()
    full_env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
    full_env.pop("CI", None)
    full_env.update(env or {})
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", *args], cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL, stderr=slave
    )  # stdout unread: never let it fill a pipe
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.communicate(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow  # 3 s on a pty
def test_progress_bar_on_a_tty(big_tree):
    drawn = _stderr_on_a_tty(str(big_tree), "--isolated", "--no-cache", "-j", "1")
    assert "files/s" in drawn and "320" in drawn


@pytest.mark.slow  # the same gates are checked on a small dataset below
def test_no_progress_bar_in_ci_or_quiet(big_tree):
    assert "files/s" not in _stderr_on_a_tty(str(big_tree), "--isolated", "--no-cache", env={"CI": "true"})
    assert "files/s" not in _stderr_on_a_tty(str(big_tree), "--isolated", "--no-cache", "--quiet")


@pytest.mark.slow
def test_no_progress_bar_when_piped(big_tree):
    proc = run_cli(str(big_tree), "--isolated", "--no-cache", env={"CI": ""})
    assert b"files/s" not in proc.stderr and b"\r" not in proc.stderr


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    """Any JSONL dataset gets a bar (in bytes): a small one is a long run for the bar's gates."""
    path = tmp_path_factory.mktemp("dataset") / "small.jsonl"
    write_jsonl(path, 20, seed=4, texts=SEED_TEXTS)
    return path


def test_progress_bar_in_bytes_for_a_dataset_on_a_tty(dataset):
    drawn = _stderr_on_a_tty(str(dataset), "--isolated", "--no-cache", "-j", "1")
    assert "newslint:" in drawn and "B/s" in drawn


@pytest.mark.slow  # 2 s
def test_no_progress_bar_for_a_dataset_in_ci_quiet_or_piped(dataset):
    assert "newslint:" not in _stderr_on_a_tty(str(dataset), "--isolated", "--no-cache", env={"CI": "true"})
    assert "newslint:" not in _stderr_on_a_tty(str(dataset), "--isolated", "--no-cache", "--quiet")
    proc = run_cli(str(dataset), "--isolated", "--no-cache", env={"CI": ""})
    assert b"newslint:" not in proc.stderr and b"\r" not in proc.stderr
