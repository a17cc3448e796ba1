"""The noise benchmark: findings on clean article text, and judged precision.

Run from the repository root, on a development set built as docs/benchmarks.md says:

    python -m benchmarks.noise DEVSET [--sample N] [--seed S] [--codes NL101,NL5]
    python -m benchmarks.precision DEVSET [--codes ...]   (or: python -m benchmarks.noise precision DEVSET)
    python -m benchmarks.noise add benchmarks/.work/noise-tojudge.jsonl   (after filling verdicts in)

``DEVSET/clean/*.txt`` is real, edited article text, so nearly every finding
there is a false alarm. ``noise`` runs the real CLI on it (``--no-cache
--isolated --format json``), prints findings per 1,000 words overall, per
family (the code's hundred) and per code, and writes a random sample of N
findings per code with their neighbouring lines to
``benchmarks/.work/noise-sample.md`` (git-ignored: it quotes the articles),
plus ``benchmarks/.work/noise-tojudge.jsonl``: one verdict row per sampled
finding not yet judged, with ``verdict`` and ``reason`` left empty.

Verdicts live in ``benchmarks/judged.jsonl``. A row is keyed so that a later
run's findings can be matched to it whatever their line numbers: the file
name, the code, a hash of the flagged text (``span_hash``), a hash of the
whitespace-normalised flagged line(s) (``ctx``), and ``n``, the order of the
finding among the findings sharing those four. ``span`` keeps at most
``SPAN_CHARS`` characters of the flagged text so that a person can read the
row; nothing else of the article is stored. ``precision`` re-runs newslint,
matches, and prints precision per code and per family, with the number
judged and the number of current findings not yet judged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import ROOT, WORK

JUDGED = Path(__file__).resolve().parent / "judged.jsonl"
SPAN_CHARS = 40
CONTEXT_LINES = 1  # lines shown before and after a sampled finding
FAMILIES = {
    "0": "encoding",
    "1": "typos",
    "2": "page chrome",
    "3": "titles and headlines",
    "4": "names",
    "5": "duplicates and whitespace",
    "6": "style and typography",
}
VERDICTS = ("right", "wrong")


def family(code: str) -> str:
    """The family of a code: its hundred (``NL402`` -> ``NL4xx names``)."""
    digits = "".join(ch for ch in code if ch.isdigit())
    prefix = code[: len(code) - len(digits)]
    hundred = digits[:1] or "?"
    return f"{prefix}{hundred}xx {FAMILIES.get(hundred, '')}".rstrip()


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _squash(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Finding:
    """One diagnostic of a run, with the key that matches it to a verdict."""

    file: str
    code: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    span: str  # the flagged text, whole (never written to judged.jsonl)
    ctx: str
    n: int = 0
    verdict: dict | None = field(default=None, repr=False)

    @property
    def span_hash(self) -> str:
        return _hash(self.span)

    @property
    def key(self) -> tuple[str, str, str, str, int]:
        return (self.file, self.code, self.span_hash, self.ctx, self.n)


def flagged(lines: Sequence[str], line: int, column: int, end_line: int, end_column: int) -> tuple[str, str]:
    """The flagged text and the context hash of the lines it lies on (1-based, end column exclusive)."""
    end_line = max(end_line or line, line)
    chunk = lines[line - 1 : end_line]
    if not chunk:
        return "", _hash("")
    if end_line == line:
        span = chunk[0][column - 1 : max(end_column - 1, column - 1)]
    else:
        span = "\n".join([chunk[0][column - 1 :], *chunk[1:-1], chunk[-1][: max(end_column - 1, 0)]])
    return span, _hash(_squash("\n".join(chunk)))


def make_findings(raw: Iterable[Mapping], texts: Mapping[str, str], root: Path | None = None) -> list[Finding]:
    """Findings from newslint's JSON rows; ``texts`` maps a file key to its text.

    A row's file key is its path relative to ``root`` (when given), else its name.
    Findings sharing (file, code, span hash, ctx) are numbered in report order.
    """
    split = {name: text.splitlines() for name, text in texts.items()}
    out: list[Finding] = []
    seen: Counter[tuple] = Counter()
    for row in sorted(raw, key=lambda r: (r["path"], r["line"], r["column"], r["code"])):
        path = Path(row["path"])
        name = (
            path.relative_to(root).as_posix()
            if root and path.is_absolute() and path.is_relative_to(root)
            else path.name
        )
        lines = split.get(name, [])
        span, ctx = flagged(
            lines,
            row["line"],
            row["column"],
            row.get("end_line") or row["line"],
            row.get("end_column") or row["column"],
        )
        f = Finding(
            name,
            row["code"],
            row["line"],
            row["column"],
            row.get("end_line") or row["line"],
            row.get("end_column") or row["column"],
            row.get("message", ""),
            span,
            ctx,
        )
        base = f.key[:4]
        f.n = seen[base]
        seen[base] += 1
        out.append(f)
    return out


def verdict_row(f: Finding, verdict: str = "", reason: str = "", date: str = "", judge: str = "") -> dict:
    """The judged.jsonl row for ``f`` (no article text but a short span)."""
    span = _squash(f.span)
    if len(span) > SPAN_CHARS:
        span = span[: SPAN_CHARS - 1] + "…"
    return {
        "file": f.file,
        "code": f.code,
        "span": span,
        "span_hash": f.span_hash,
        "ctx": f.ctx,
        "n": f.n,
        "verdict": verdict,
        "reason": reason,
        "date": date,
        "judge": judge,
    }


def load_verdicts(path: Path = JUDGED) -> list[dict]:
    """The rows of a verdicts file; a row with another verdict than right/wrong is an error."""
    rows: list[dict] = []
    if not path.exists():
        return rows
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        row = json.loads(text)
        if row.get("verdict") not in VERDICTS:
            raise ValueError(f"{path}:{number}: verdict must be one of {VERDICTS}, not {row.get('verdict')!r}")
        row.setdefault("n", 0)
        rows.append(row)
    return rows


def _row_key(row: Mapping) -> tuple[str, str, str, str, int]:
    return (row["file"], row["code"], row["span_hash"], row["ctx"], int(row.get("n", 0)))


def match(findings: Iterable[Finding], verdicts: Iterable[Mapping]) -> list[dict]:
    """Attach each verdict to the finding with its key; return the verdicts that matched nothing.

    When a file holds several verdicts for one key (judged twice), the last one wins.
    """
    by_key = {_row_key(row): dict(row) for row in verdicts}
    used = set()
    for f in findings:
        row = by_key.get(f.key)
        f.verdict = row
        if row is not None:
            used.add(f.key)
    return [row for key, row in by_key.items() if key not in used]


@dataclass
class Tally:
    findings: int = 0
    right: int = 0
    wrong: int = 0

    @property
    def judged(self) -> int:
        return self.right + self.wrong

    @property
    def unjudged(self) -> int:
        return self.findings - self.judged

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None


def tally(findings: Iterable[Finding]) -> dict[str, Tally]:
    """Findings, right and wrong per code."""
    out: dict[str, Tally] = defaultdict(Tally)
    for f in findings:
        t = out[f.code]
        t.findings += 1
        if f.verdict is not None:
            if f.verdict["verdict"] == "right":
                t.right += 1
            else:
                t.wrong += 1
    return dict(out)


def weighted_precision(per_code: Mapping[str, Tally]) -> float | None:
    """Precision of a group of codes, each code's sample precision weighted by its number of findings.

    Samples are drawn per code, so pooling right/judged would over-weight rare
    codes; codes with no verdict are left out (their findings are not counted).
    """
    judged = [t for t in per_code.values() if t.precision is not None]
    weight = sum(t.findings for t in judged)
    if not weight:
        return None
    return sum(t.findings * (t.precision or 0.0) for t in judged) / weight


# --- running ---------------------------------------------------------------------------------


def read_clean(devset: Path) -> dict[str, str]:
    clean = devset / "clean"
    if not clean.is_dir():
        sys.exit(f"{clean} is missing: build the development set first (see docs/benchmarks.md)")
    return {p.relative_to(clean).as_posix(): p.read_text(encoding="utf-8") for p in sorted(clean.rglob("*.txt"))}


def run_newslint(target: Path) -> list[dict]:
    """newslint's JSON findings on ``target``, from the CLI of this checkout."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))}
    cmd = [sys.executable, "-m", "newslint", "--no-cache", "--isolated", "--format", "json", "--exit-zero", str(target)]
    proc = subprocess.run(cmd, check=False, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"newslint exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout or "[]")


def newslint_commit() -> str:
    """The last commit that changed newslint's code or rule data (not the benchmarks), with its date."""
    proc = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cs", "--", "newslint", "rules"],
        check=False,
        capture_output=True,
        text=True,
    )
    return proc.stdout.strip() or "unknown"


def _wanted(code: str, codes: Sequence[str]) -> bool:
    return not codes or any(code.startswith(c) for c in codes)


def collect(devset: Path, codes: Sequence[str] = ()) -> tuple[dict[str, str], list[Finding], int]:
    devset = devset.resolve()  # newslint runs in the repository root and reports the paths it is given
    texts = read_clean(devset)
    findings = make_findings(run_newslint(devset / "clean"), texts, devset / "clean")
    findings = [f for f in findings if _wanted(f.code, codes)]
    words = sum(len(t.split()) for t in texts.values())
    return texts, findings, words


def rate_table(findings: Sequence[Finding], words: int) -> str:
    per_code = Counter(f.code for f in findings)
    per_family = Counter(family(f.code) for f in findings)
    out = [
        f"{'':<34} {'findings':>8} {'per 1,000 words':>16}",
        f"{'all':<34} {len(findings):>8} {1000 * len(findings) / words:>16.2f}",
    ]
    for fam in sorted(per_family):
        out.append(f"{fam:<34} {per_family[fam]:>8} {1000 * per_family[fam] / words:>16.2f}")
        for code in sorted(c for c in per_code if family(c) == fam):
            out.append(f"  {code:<32} {per_code[code]:>8} {1000 * per_code[code] / words:>16.2f}")
    return "\n".join(out)


def show(f: Finding, texts: Mapping[str, str]) -> str:
    """A finding with its lines and CONTEXT_LINES neighbours, the flagged text between « »."""
    lines = texts.get(f.file, "").splitlines()
    head = f"### {f.code} {f.file}:{f.line}:{f.column}  key {f.span_hash}/{f.ctx}/{f.n}\n{f.message}\n"
    body = []
    for number in range(max(1, f.line - CONTEXT_LINES), min(len(lines), f.end_line + CONTEXT_LINES) + 1):
        text = lines[number - 1]
        if number == f.line == f.end_line:
            text = text[: f.column - 1] + "«" + text[f.column - 1 : f.end_column - 1] + "»" + text[f.end_column - 1 :]
        elif number == f.line:
            text = text[: f.column - 1] + "«" + text[f.column - 1 :]
        elif number == f.end_line:
            text = text[: f.end_column - 1] + "»" + text[f.end_column - 1 :]
        mark = ">" if f.line <= number <= f.end_line else " "
        body.append(f"{mark}{number:>5} | {text}")
    return head + "\n".join(body) + "\n"


def sample(findings: Sequence[Finding], n: int, seed: int) -> dict[str, list[Finding]]:
    """Up to ``n`` findings per code, drawn at random (reproducibly for a seed), in file order."""
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_code[f.code].append(f)
    out = {}
    for code in sorted(by_code):
        pool = by_code[code]
        picked = pool if len(pool) <= n else random.Random(f"{seed}:{code}").sample(pool, n)
        out[code] = sorted(picked, key=lambda f: (f.file, f.line, f.column))
    return out


def noise_main(args: argparse.Namespace) -> None:
    texts, findings, words = collect(args.devset, args.codes)
    match(findings, load_verdicts(args.judged))
    print(f"newslint {newslint_commit()}; {args.devset / 'clean'}: {len(texts)} files, {words:,} words")
    print(rate_table(findings, words))
    if args.sample <= 0:
        return
    picked = sample(findings, args.sample, args.seed)
    WORK.mkdir(parents=True, exist_ok=True)
    out_md = WORK / "noise-sample.md"
    out_todo = WORK / "noise-tojudge.jsonl"
    parts = [f"# Noise sample: {args.sample} per code, seed {args.seed}, newslint {newslint_commit()}\n"]
    todo = []
    for code, chosen in picked.items():
        parts.append(f"\n## {code} ({sum(f.code == code for f in findings)} findings, {len(chosen)} sampled)\n")
        for f in chosen:
            judged = f" [judged {f.verdict['verdict']}: {f.verdict['reason']}]" if f.verdict else ""
            parts.append(show(f, texts).replace("\n", judged + "\n", 1))
            if f.verdict is None:
                todo.append(verdict_row(f))
    out_md.write_text("\n".join(parts), encoding="utf-8")
    out_todo.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in todo), encoding="utf-8")
    if not args.quiet_sample:
        print("\n".join(parts))
    print(
        f"\nsample written to {out_md.relative_to(ROOT)}; {len(todo)} unjudged rows to fill in "
        f"{out_todo.relative_to(ROOT)} (verdict right|wrong, reason, date, judge), then run "
        f"python -m benchmarks.noise add {out_todo.relative_to(ROOT)}",
        file=sys.stderr,
    )


def precision_table(findings: Sequence[Finding], stale: int) -> str:
    per_code = tally(findings)
    by_family: dict[str, dict[str, Tally]] = defaultdict(dict)
    for code, t in per_code.items():
        by_family[family(code)][code] = t

    def fmt(p: float | None) -> str:
        return "-" if p is None else f"{p:.2f}"

    out = [f"{'':<34} {'findings':>8} {'judged':>6} {'right':>5} {'wrong':>5} {'precision':>9} {'unjudged':>8}"]
    for fam in sorted(by_family):
        codes = by_family[fam]
        judged = sum(t.judged for t in codes.values())
        right = sum(t.right for t in codes.values())
        out.append(
            f"{fam:<34} {sum(t.findings for t in codes.values()):>8} {judged:>6} {right:>5} {judged - right:>5} "
            f"{fmt(weighted_precision(codes)):>9} {sum(t.unjudged for t in codes.values()):>8}"
        )
        for code in sorted(codes):
            t = codes[code]
            out.append(
                f"  {code:<32} {t.findings:>8} {t.judged:>6} {t.right:>5} {t.wrong:>5} {fmt(t.precision):>9} {t.unjudged:>8}"
            )
    out.append(
        f"{'all':<34} {sum(t.findings for t in per_code.values()):>8} {sum(t.judged for t in per_code.values()):>6} "
        f"{sum(t.right for t in per_code.values()):>5} {sum(t.wrong for t in per_code.values()):>5} "
        f"{fmt(weighted_precision(per_code)):>9} {sum(t.unjudged for t in per_code.values()):>8}"
    )
    out.append(
        "family and overall precision: each code's precision weighted by its number of findings "
        "(codes with no verdict left out)"
    )
    out.append(f"verdicts matching no current finding (the finding is gone or its text changed): {stale}")
    return "\n".join(out)


def precision_main(args: argparse.Namespace) -> None:
    texts, findings, words = collect(args.devset, args.codes)
    verdicts = [r for r in load_verdicts(args.judged) if _wanted(r["code"], args.codes)]
    stale = match(findings, verdicts)
    print(
        f"newslint {newslint_commit()}; {args.devset / 'clean'}: {len(texts)} files, {words:,} words, "
        f"{len(findings)} findings ({1000 * len(findings) / words:.2f} per 1,000 words); {len(verdicts)} verdicts"
    )
    print(precision_table(findings, len(stale)))
    if args.verbose:
        for row in stale:
            print(f"  stale: {row['file']} {row['code']} {row['span']!r} ({row['verdict']})")


def add_main(args: argparse.Namespace) -> None:
    """Append the judged rows of a filled-in to-judge file to the verdicts file (rows left blank are skipped)."""
    rows = [json.loads(t) for t in args.rows.read_text(encoding="utf-8").splitlines() if t.strip()]
    filled = [r for r in rows if r.get("verdict")]
    for r in filled:
        if r["verdict"] not in VERDICTS or not r.get("reason") or not r.get("date") or not r.get("judge"):
            sys.exit(
                f"row for {r.get('file')} {r.get('code')} {r.get('span')!r}: needs verdict right|wrong, reason, date and judge"
            )
    known = {_row_key(r) for r in load_verdicts(args.judged)}
    new = [r for r in filled if _row_key(r) not in known]
    with args.judged.open("a", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in new)
    print(
        f"{len(new)} verdicts added to {args.judged} ({len(filled) - len(new)} already there, {len(rows) - len(filled)} blank)"
    )


def _parser(prog: str, precision: bool) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0])
    p.add_argument("devset", type=Path, help="the development set (holds clean/)")
    p.add_argument(
        "--codes",
        type=lambda s: [c.strip() for c in s.replace(",", " ").split() if c.strip()],
        default=[],
        help="codes or prefixes to report (comma-separated), e.g. NL101,NL5",
    )
    p.add_argument("--judged", type=Path, default=JUDGED, help="verdicts file (default benchmarks/judged.jsonl)")
    if precision:
        p.add_argument("--verbose", "-v", action="store_true", help="list verdicts that matched no finding")
    else:
        p.add_argument("--sample", type=int, default=15, help="findings sampled per code (0: none)")
        p.add_argument("--seed", type=int, default=2026)
        p.add_argument("--quiet-sample", action="store_true", help="write the sample to its file only")
    return p


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["add"]:
        p = argparse.ArgumentParser(prog="python -m benchmarks.noise add", description=add_main.__doc__)
        p.add_argument("rows", type=Path, help="a filled-in benchmarks/.work/noise-tojudge.jsonl")
        p.add_argument("--judged", type=Path, default=JUDGED)
        add_main(p.parse_args(argv[1:]))
    elif argv[:1] == ["precision"]:
        args = _parser("python -m benchmarks.noise precision", True).parse_args(argv[1:])
        precision_main(args)
    else:
        args = _parser("python -m benchmarks.noise", False).parse_args(argv)
        noise_main(args)


if __name__ == "__main__":
    main()
