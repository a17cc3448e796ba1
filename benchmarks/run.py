"""The speed and scale benchmarks: ``python -m benchmarks.run [--quick]``.

Prints a Markdown table and never fails on timing. Every corpus is generated
reproducibly from real news text (the seeds and gensim's ``lee_background``,
see ``benchmarks/corpus.py``) under ``benchmarks/.work`` (git-ignored), and
every figure is measured on the real CLI in a subprocess:

- start-up: one seed file, wall time and peak RSS (median of 5);
- throughput: MB/s single-core, all rules on, over a >= 100 MB JSONL corpus;
- scaling: the same corpus with ``--jobs 2``;
- warm re-run of an unchanged 10,000-file tree (cache on);
- corpus mode on 10,000 documents;
- peak RSS (all processes) on a 1 GB JSONL corpus (``--rss-gb``; off in quick mode);
- codespell, proselint and plain pyspellchecker on the same text, each timed here;
- ``speed`` (issue #14): on one tree of whole real articles (the development
  set's ``clean/`` and ``inline/files/`` plus ``lee_background``, copied to
  about 10 MB, 2.7 MB with ``--quick``), newslint with its default rules
  (``--jobs 1 --no-cache``), codespell, typos and ``../shared/tools/ceiling.py``
  (the CPython ceiling) side by side, in CPU seconds (user + system of the
  process and its workers, from ``wait4``), MB/s and x the ceiling; then
  ``--jobs 2`` on the same tree;
- ``families``: each NL family alone (``--select NLn``) on that tree;
- ``sweep``: single documents of 10 KB, 100 KB, 1 MB and 3 MB (1 MB at most
  with ``--quick``) of real paragraphs with a link every third paragraph:
  CPU seconds per MB against the tree's, and peak RSS per character.

``--quick`` runs start-up, speed, families and sweep (about a minute); the
full run measures each figure three times (the median is printed) and adds the
other sections. ``--profile`` prints cProfile's top entries on the tree.

Peers are installed separately (``pip install codespell proselint``); a
missing one is reported as such.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import ROOT, WORK, generate_articles, single_document, write_jsonl, write_real_tree, write_tree

PY = sys.executable
# Byte-code is cached (under .work/, not beside the sources) as in an installed
# package, even where PYTHONDONTWRITEBYTECODE is set: otherwise every start-up
# row would include compiling newslint's modules from source (about 0.2 s here).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(WORK / "pycache"),
    "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1",
    "PYTHONPATH": str(ROOT),
    "CI": "1",
}
NEWSLINT = [PY, "-m", "newslint", "--isolated", "--select", "ALL", "--exit-zero", "--quiet"]
SEED = 2026


@dataclass
class Row:
    name: str
    size: str
    wall: float | None
    rate: str = ""
    rss_mb: float | None = None
    target: str = ""
    note: str = ""


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, from /proc."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(cmd: list[str], cwd: Path = ROOT, env: dict | None = None) -> tuple[float, float, int]:
    """Run ``cmd``; return wall seconds, peak RSS in MB (summed over its process tree) and exit code."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1, 65):
        print(f"  ! {' '.join(cmd[:6])}... exited {proc.returncode}: {err.strip()[:300]}", file=sys.stderr)
    peak = max(peak, usage.ru_maxrss)  # the process itself, exactly (kB on Linux)
    return wall, peak / 1024, proc.returncode


def _mb(path: Path) -> float:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
    return path.stat().st_size / 1e6


def _text_mb(jsonl: Path) -> float:
    """Megabytes of article text (UTF-8) in a generated JSONL file: what throughput counts."""
    import gzip
    import json

    opener = gzip.open if jsonl.suffix == ".gz" else open
    total = 0
    with opener(jsonl, "rb") as fh:  # type: ignore[operator]
        for line in fh:
            total += len(json.loads(line)["text"].encode("utf-8"))
    return total / 1e6


def _ensure_jsonl(name: str, size: int) -> Path:
    path = WORK / name
    if not path.exists() or abs(path.stat().st_size - size) > size * 0.05:
        print(f"  generating {path.relative_to(ROOT)} ({size / 1e6:.0f} MB)...", file=sys.stderr)
        write_jsonl(path, size=size, seed=SEED)
    return path


def _ensure_tree(name: str, n: int) -> Path:
    root = WORK / name
    marker = root / ".complete"
    if not marker.exists():
        shutil.rmtree(root, ignore_errors=True)
        print(f"  generating {root.relative_to(ROOT)} ({n} files)...", file=sys.stderr)
        write_tree(root, n, seed=SEED)
        marker.write_text("", encoding="utf-8")
    return root


def bench_startup(rows: list[Row]) -> None:
    seed = min((ROOT / "seeds").glob("*.txt"))
    for label, extra in (
        ("start-up: one seed file, no cache", ["--no-cache"]),
        ("start-up: one seed file, cached", []),
    ):
        runs = [measure([*NEWSLINT, "-j", "1", *extra, str(seed)]) for _ in range(5)]
        wall = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        rows.append(Row(label, f"{seed.stat().st_size / 1e3:.0f} kB", wall, rss_mb=rss, target="< 0.3 s"))
    probe = subprocess.run(
        [
            PY,
            "-c",
            (
                "import time,importlib.metadata as m;t=time.perf_counter();m.entry_points(group='newslint');"
                "print(time.perf_counter()-t)"
            ),
        ],
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    imports = subprocess.run(
        [PY, "-X", "importtime", "-c", "import newslint.cli"], env=ENV, capture_output=True, text=True, check=False
    )
    total_us = sum(
        int(line.split("|")[0].split(":")[1])
        for line in imports.stderr.splitlines()
        if line.startswith("import time:") and line.split("|")[0].split(":")[1].strip().isdigit()
    )
    rows.append(
        Row(
            "start-up: import newslint.cli (-X importtime)",
            "",
            total_us / 1e6,
            note="self time of every module imported",
        )
    )
    rows.append(
        Row("start-up: entry-point scan (importlib.metadata)", "", float(probe.stdout or "nan"), note="once per run")
    )


def bench_throughput(rows: list[Row], size: int) -> None:
    corpus = _ensure_jsonl(f"news-{size // 10**6}MB.jsonl", size)
    text_mb = _text_mb(corpus)
    results = {}
    for jobs in (1, 2):
        wall, rss, _ = measure([*NEWSLINT, "--no-cache", "--no-corpus", "-j", str(jobs), str(corpus)])
        results[jobs] = wall
        target = ">= 10 MB/s per core" if jobs == 1 else ">= 1.7x of 1 process"
        note = "" if jobs == 1 else f"scaling {results[1] / wall:.2f}x"
        if jobs == 2:
            bench_cpu_control(rows)
        rows.append(
            Row(
                f"throughput, all rules, --jobs {jobs}",
                f"{text_mb:.0f} MB text",
                wall,
                f"{text_mb / wall:.2f} MB/s",
                rss,
                target,
                note,
            )
        )


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def bench_cpu_control(rows: list[Row]) -> None:
    """How much a second process can give on this machine right now (other load included)."""
    from concurrent.futures import ProcessPoolExecutor

    n = 4_000_000
    start = time.perf_counter()
    for _ in range(4):
        _burn(n)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(2) as pool:
        start = time.perf_counter()
        list(pool.map(_burn, [n] * 4))
        pooled = time.perf_counter() - start
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows.append(
        Row(
            "control: pure-Python CPU loop, 2 processes vs 1",
            "",
            pooled,
            note=f"ceiling {serial / pooled:.2f}x; load average {load:.1f}",
        )
    )


def bench_warm_tree(rows: list[Row], n: int) -> None:
    tree = _ensure_tree(f"tree-{n}", n)
    cache = WORK / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    cold, rss_cold, _ = measure([*NEWSLINT, "--cache-dir", str(cache), str(tree)])
    time.sleep(2.2)  # past the 2 s window in which stamps are not trusted
    runs = [measure([*NEWSLINT, "--cache-dir", str(cache), str(tree)]) for _ in range(3)]
    warm = statistics.median(r[0] for r in runs)
    rows.append(
        Row(f"tree of {n} files, cold (cache filled)", f"{_mb(tree):.0f} MB", cold, f"{n / cold:.0f} files/s", rss_cold)
    )
    rows.append(
        Row(
            f"tree of {n} files, warm re-run",
            f"{_mb(tree):.0f} MB",
            warm,
            f"{n / warm:.0f} files/s",
            max(r[1] for r in runs),
            "< 1 s",
        )
    )


def bench_corpus_mode(rows: list[Row], n: int) -> None:
    path = WORK / f"corpus-{n}.jsonl"
    if not path.exists():
        write_jsonl(path, n=n, seed=SEED + 1)
    text_mb = _text_mb(path)
    for jobs in (1, 2):
        wall, rss, _ = measure([*NEWSLINT, "--corpus", "-j", str(jobs), str(path)])
        rows.append(
            Row(
                f"corpus mode, {n} documents, --jobs {jobs}",
                f"{text_mb:.0f} MB text",
                wall,
                f"{n / wall:.0f} docs/s",
                rss,
            )
        )


def bench_rss(rows: list[Row], size: int) -> None:
    corpus = _ensure_jsonl(f"news-{size // 10**6}MB.jsonl", size)
    wall, rss, _ = measure([*NEWSLINT, "--no-cache", "-j", "2", str(corpus)])
    rows.append(
        Row(
            "peak RSS, 1 GB JSONL, --jobs 2",
            f"{_mb(corpus):.0f} MB",
            wall,
            f"{_mb(corpus) / wall:.2f} MB/s",
            rss,
            "< 300 MB (all processes)",
        )
    )


def bench_peers(rows: list[Row], size: int) -> None:
    sample = WORK / f"peers-{size // 1000}kB.txt"
    if not sample.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        out, total = [], 0
        for article in generate_articles(1 << 30, seed=SEED + 2):
            out.append(article)
            total += len(article.encode("utf-8"))
            if total >= size:
                break
        sample.write_text("\n".join(out), encoding="utf-8")
    mb = _mb(sample)
    peers = [
        ("newslint (all rules)", [*NEWSLINT, "--no-cache", str(sample)]),
        ("codespell", [shutil.which("codespell", path=os.path.dirname(PY)) or "codespell", str(sample)]),
        ("proselint", [shutil.which("proselint", path=os.path.dirname(PY)) or "proselint", "check", str(sample)]),
        (
            "pyspellchecker (unknown words)",
            [
                PY,
                "-c",
                (
                    "import re,sys;from spellchecker import SpellChecker;s=SpellChecker();"
                    "w=re.findall(r\"[^\\W\\d_]+(?:'[^\\W\\d_]+)*\",open(sys.argv[1],encoding='utf-8').read());"
                    "s.unknown(w)"
                ),
                str(sample),
            ],
        ),
    ]
    for label, cmd in peers:
        if not (shutil.which(cmd[0]) or os.path.exists(cmd[0])):
            rows.append(Row(f"peer: {label}", f"{mb:.1f} MB", None, note="not installed"))
            continue
        wall, rss, code = measure(cmd)
        ok = code in (0, 1) or (label == "codespell" and code == 65)  # 65: codespell found misspellings
        rows.append(
            Row(f"peer: {label}", f"{mb:.1f} MB", wall, f"{mb / wall:.2f} MB/s", rss, note="" if ok else f"exit {code}")
        )


def cpu_run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float, int, int]:
    """Run ``cmd``; return CPU seconds (user + system, workers included), wall seconds, peak RSS in kB and exit code.

    ``wait4`` gives the child's own usage plus that of every descendant it
    waited for (newslint's worker processes); its ``ru_maxrss`` is the largest
    single process's peak.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if code not in (0, 1, 2, 65):
        print(f"  ! {' '.join(cmd[:6])}... exited {code}: {err.strip()[:300]}", file=sys.stderr)
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss, code


def _median_run(cmd: list[str], reps: int) -> tuple[float, float, int, int]:
    runs = [cpu_run(cmd) for _ in range(reps)]
    cpu = statistics.median(r[0] for r in runs)
    wall = statistics.median(r[1] for r in runs)
    return cpu, wall, max(r[2] for r in runs), runs[-1][3]


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def _ceiling_script() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "tools" / "ceiling.py"
        if path.exists():
            return path
    env = os.environ.get("NEWSLINT_CEILING")
    return Path(env) if env else None


def _speed_tree(size: int) -> tuple[Path, float]:
    root = WORK / f"real-tree-{size // 10**5 / 10:g}MB"
    marker = root / ".complete"
    if not marker.exists():
        shutil.rmtree(root, ignore_errors=True)
        print(f"  copying real articles to {root.relative_to(ROOT)}...", file=sys.stderr)
        write_real_tree(root, size)
        marker.write_text("", encoding="utf-8")
    return root, _mb(root)


@dataclass
class SpeedRow:
    name: str
    input: str
    cpu: float | None
    wall: float | None = None
    mb: float | None = None
    ceiling_cpu: float | None = None
    rss_kb: int | None = None
    note: str = ""


def speed_table(rows: list[SpeedRow]) -> str:
    lines = [
        "| Measure | Input | CPU s | Wall s | MB/s (CPU) | x ceiling (CPU) | Peak RSS | Note |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        cpu = "n/a" if r.cpu is None else f"{r.cpu:.2f}"
        wall = "" if r.wall is None else f"{r.wall:.2f}"
        rate = "" if r.cpu is None or r.mb is None else f"{r.mb / r.cpu:.2f}"
        times = "" if r.cpu is None or r.ceiling_cpu is None else f"{r.cpu / r.ceiling_cpu:.1f}x"
        rss = "" if r.rss_kb is None else f"{r.rss_kb / 1024:.0f} MB"
        lines.append(f"| {r.name} | {r.input} | {cpu} | {wall} | {rate} | {times} | {rss} | {r.note} |")
    return "\n".join(lines)


# The tree sits in a git-ignored directory: newslint skips ignored files by default.
DEFAULT = [PY, "-m", "newslint", "--isolated", "--exit-zero", "--quiet", "--no-cache", "--no-respect-gitignore"]


class Speed:
    """Issue #14's figures: newslint, its peers and the ceiling on one tree, in one run."""

    def __init__(self, size: int, reps: int) -> None:
        self.tree, self.mb = _speed_tree(size)
        self.reps = reps
        self.rows: list[SpeedRow] = []
        self.ceiling_cpu: float | None = None
        self.tree_s_per_mb: float | None = None
        self.files = sum(1 for p in self.tree.rglob("*.txt"))
        self.label = f"{self.files} files, {self.mb:.1f} MB"

    def peers(self) -> None:
        tree = str(self.tree)
        ceiling = _ceiling_script()
        bindir = os.path.dirname(PY)
        tools = [
            ("CPython ceiling (ceiling.py)", [PY, str(ceiling), tree] if ceiling else None),
            ("newslint, default rules, --jobs 1", [*DEFAULT, "-j", "1", tree]),
            ("codespell", [shutil.which("codespell", path=bindir) or "codespell", "--check-hidden", tree]),
            (
                "typos (Rust), 1 thread",
                [
                    shutil.which("typos", path=bindir) or "typos",
                    "--no-ignore",
                    "--hidden",
                    "--threads",
                    "1",
                    "--format",
                    "brief",
                    tree,
                ],
            ),
        ]
        for label, cmd in tools:
            if cmd is None or not (shutil.which(cmd[0]) or os.path.exists(cmd[0])):
                self.rows.append(SpeedRow(label, self.label, None, note="not installed"))
                continue
            cpu, wall, rss, _ = _median_run(cmd, self.reps)
            if label.startswith("CPython"):
                self.ceiling_cpu = cpu
            if label.startswith("newslint"):
                self.tree_s_per_mb = cpu / self.mb
                self.j1 = (cpu, wall)
            note = f"{_load()}; median of {self.reps}" if self.reps > 1 else _load()
            self.rows.append(SpeedRow(label, self.label, cpu, wall, self.mb, self.ceiling_cpu, rss, note))

    def jobs2(self) -> None:
        cpu, wall, rss, _ = _median_run([*DEFAULT, "-j", "2", str(self.tree)], self.reps)
        j1cpu, j1wall = getattr(self, "j1", (None, None))
        note = _load()
        if j1cpu:
            note += f"; wall speed-up {j1wall / wall:.2f}x, CPU {cpu / j1cpu:.2f}x of --jobs 1"
        self.rows.append(
            SpeedRow("newslint, default rules, --jobs 2", self.label, cpu, wall, self.mb, self.ceiling_cpu, rss, note)
        )

    def families(self) -> None:
        for family in range(1, 7):
            cpu, wall, rss, _ = _median_run([*DEFAULT, "-j", "1", "--select", f"NL{family}", str(self.tree)], self.reps)
            self.rows.append(
                SpeedRow(
                    f"newslint --select NL{family}, --jobs 1",
                    self.label,
                    cpu,
                    wall,
                    self.mb,
                    self.ceiling_cpu,
                    rss,
                    _load(),
                )
            )

    def startup(self) -> None:
        small = min((ROOT / "seeds").glob("*.txt"))
        cpu, wall, rss, _ = _median_run([*DEFAULT, "-j", "1", str(small)], max(3, self.reps))
        self.startup_rss_kb = rss
        self.rows.append(
            SpeedRow(
                "start-up: one small file, wall",
                f"{small.name}, {small.stat().st_size / 1e3:.1f} kB",
                cpu,
                wall,
                rss_kb=rss,
                note=f"{_load()}; median of {max(3, self.reps)}; target 0.15 s wall",
            )
        )

    def sweep(self, sizes: list[int]) -> None:
        base_rss = None
        for size in sizes:
            path = WORK / f"single-{size // 1000}kB.txt"
            if not path.exists():
                WORK.mkdir(parents=True, exist_ok=True)
                path.write_text(single_document(size, seed=SEED + 3), encoding="utf-8")
            chars = len(path.read_text(encoding="utf-8"))
            mb = path.stat().st_size / 1e6
            cpu, wall, rss, _ = _median_run([*DEFAULT, "-j", "1", str(path)], self.reps)
            per_mb = cpu / mb
            note = f"{per_mb:.1f} s/MB"
            if self.tree_s_per_mb:
                note += f" = {per_mb / self.tree_s_per_mb:.2f}x the tree's"
            note += f"; peak {rss * 1024 / chars:.0f} bytes/char"
            if base_rss is None:
                base_rss = rss
            else:
                note += f" ({(rss - base_rss) * 1024 / chars:.0f} above the {sizes[0] // 1000} kB document's)"
            note += f"; {_load()}"
            self.rows.append(
                SpeedRow(f"single document, {size // 1000} kB", f"{chars} chars", cpu, wall, mb, None, rss, note)
            )

    def profile(self, top: int) -> str:
        out = WORK / "speed.prof"
        subprocess.run(
            [PY, "-m", "cProfile", "-o", str(out), *DEFAULT[1:], "-j", "1", str(self.tree)],
            env=ENV,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            check=False,
        )
        import io
        import pstats

        buf = io.StringIO()
        pstats.Stats(str(out), stream=buf).sort_stats("tottime").print_stats(top)
        return buf.getvalue()


def table(rows: list[Row]) -> str:
    lines = [
        "| Benchmark | Input | Wall | Rate | Peak RSS | Target | Note |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        wall = "n/a" if r.wall is None else (f"{r.wall * 1000:.0f} ms" if r.wall < 1 else f"{r.wall:.2f} s")
        rss = "" if r.rss_mb is None else f"{r.rss_mb:.0f} MB"
        lines.append(f"| {r.name} | {r.size} | {wall} | {r.rate} | {rss} | {r.target} | {r.note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a minute, not tens of minutes")
    parser.add_argument(
        "--rss-gb",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the 1 GB JSONL memory run (default: on unless --quick)",
    )
    parser.add_argument(
        "--only",
        nargs="*",
        default=None,
        help="run only these sections: startup throughput warm corpus rss peers speed families sweep profile",
    )
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=15,
        default=0,
        metavar="N",
        help="also print cProfile's top N entries by tottime on the speed tree (default 15)",
    )
    parser.add_argument(
        "--sweep-kb",
        type=lambda v: [int(x) * 1000 for x in v.split(",")],
        default=None,
        metavar="KB,...",
        help="document sizes for the sweep (default 10,100,1000,3000; --quick 10,100,1000)",
    )
    args = parser.parse_args(argv)
    if args.only and "profile" in args.only and not args.profile:
        args.profile = 15
    quick = args.quick
    sizes = {
        "throughput": 12 * 10**6 if quick else 110 * 10**6,
        "tree": 2000 if quick else 10000,
        "corpus": 2000 if quick else 10000,
        "peers": 300_000 if quick else 2_000_000,
    }
    sections = args.only or (
        ["speed", "families", "sweep"]
        if quick
        else ["startup", "throughput", "warm", "corpus", "rss", "peers", "speed", "families", "sweep"]
    )
    rss = args.rss_gb if args.rss_gb is not None else not quick
    rows: list[Row] = []
    print(
        f"newslint benchmarks on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}{' (quick)' if quick else ''}",
        file=sys.stderr,
    )
    steps = [
        ("startup", lambda: bench_startup(rows)),
        ("throughput", lambda: bench_throughput(rows, sizes["throughput"])),
        ("warm", lambda: bench_warm_tree(rows, sizes["tree"])),
        ("corpus", lambda: bench_corpus_mode(rows, sizes["corpus"])),
        ("rss", lambda: bench_rss(rows, 10**9) if rss else None),
        ("peers", lambda: bench_peers(rows, sizes["peers"])),
    ]
    for name, step in steps:
        if name in sections:
            print(f"- {name}", file=sys.stderr)
            step()
    if rows:
        print(table(rows))
    if {"speed", "families", "sweep"} & set(sections) or args.profile:
        speed = Speed(27 * 10**5 if quick else 10**7, 1 if quick else 3)
        print(f"- speed ({speed.label}; {_load()})", file=sys.stderr)
        speed.startup()
        if "speed" in sections or "sweep" in sections:
            speed.peers()
        if "speed" in sections:
            speed.jobs2()
        if "families" in sections:
            speed.families()
        if "sweep" in sections:
            speed.sweep(
                args.sweep_kb or ([10_000, 100_000, 1_000_000] if quick else [10_000, 100_000, 1_000_000, 3_000_000])
            )
        print(
            f"\nSpeed (issue #14), {os.cpu_count()} CPUs shared, uptime {_load()} at the end; CPU = user + system of the process and its workers\n"
        )
        print(speed_table(speed.rows))
        if args.profile:
            print(f"\ncProfile of newslint --jobs 1 on {speed.label}, top {args.profile} by tottime:\n")
            print(speed.profile(args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
