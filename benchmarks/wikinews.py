"""NL3xx/NL4xx on dated English Wikinews articles: findings per code and per 1,000 words.

The development set has almost no political news, so the title rules (office
titles against the offices table and the article's date) and the name rules
(one person's name spelt two ways) barely fire on it. English Wikinews
(CC BY 2.5) is dated news full of heads of state and ministers. This module
builds a set from stored snapshots of two GitHub repositories and lints it:

    python -m benchmarks.wikinews build SNAPSHOT [SNAPSHOT ...] [--out DIR]
    python -m benchmarks.wikinews run [DIR] [--sample N] [--seed S] [--tojudge FILE]

``SNAPSHOT`` is a git directory (bare or not) of one of:

- ``vanatteveldt/wikinews``: ``data/wikinews_2019.csv`` and ``data/wikinews_2020.csv``
  (columns url, date, title, text; text scraped from en.wikinews.org);
- ``airKlizz/WikinewsSum``: ``endataset.json`` at the commit that still held it
  (``1d98503``), English Wikinews wikitext; only the articles with a
  ``{{date|...}}`` template are kept, the wikitext reduced to plain text.

Nothing is downloaded: take the snapshots with ``git clone`` or the search
tool's ``fetch``. The set goes to ``benchmarks/.data/wikinews/`` (git-ignored:
never commit its text): one ``.txt`` per article whose first line is
``Published: <the article's date>`` (a labelled timestamp, so newslint uses
the article's own date as exact), then the headline, then the body; and
``manifest.json`` (source repository, commit, licence, URL or title per article).

``run`` lints the set with this checkout's CLI (``--isolated --select NL3,NL4``),
prints findings per code and per 1,000 words, and with ``--sample N`` writes
at most N findings per code (fixed seed) to a JSONL file to judge, each with
its line as context. Judged verdicts: ``benchmarks/judged-wikinews-*.jsonl``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from benchmarks.corpus import DATA, ROOT

OUT = DATA / "wikinews"
LICENSE = "CC BY 2.5 (Wikinews article text); https://creativecommons.org/licenses/by/2.5/"
CODES = "NL3,NL4"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Wikinews's own date line: "Friday, January 4, 2019".
_DATE_LINE = re.compile(rf"^\s*(?:\w+day,\s+)?(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}\s*$")


def _git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True)
    return proc.stdout


def _has(repo: Path, object_name: str) -> bool:
    """Whether ``commit:path`` exists in the repository."""
    proc = subprocess.run(["git", "-C", str(repo), "cat-file", "-e", object_name], check=False, capture_output=True)
    return proc.returncode == 0


def _commit_with(repo: Path, path: str) -> str | None:
    """The newest commit (on any ref) whose tree holds ``path``."""
    for commit in _git(repo, "log", "--all", "--format=%H").split():
        if _has(repo, f"{commit}:{path}"):
            return commit
    return None


def _slug(text: str, limit: int = 60) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:limit] or "article"


def _article(date_line: str, title: str, body: str) -> str:
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", body)]
    return f"Published: {date_line}\n\n{title.strip()}\n\n" + "\n\n".join(p for p in paragraphs if p) + "\n"


def from_vanatteveldt(repo: Path) -> Iterable[tuple[dict, str]]:
    commit = _git(repo, "rev-parse", "HEAD").strip()
    for name in ("data/wikinews_2019.csv", "data/wikinews_2020.csv"):
        for row in csv.DictReader(io.StringIO(_git(repo, "show", f"HEAD:{name}"))):
            lines = row["text"].strip().splitlines()
            # The scraped text opens with Wikinews's own date line; it becomes the Published line.
            date_line = lines[0].strip() if lines and _DATE_LINE.match(lines[0]) else row["date"]
            body = "\n".join(lines[1:] if lines and _DATE_LINE.match(lines[0]) else lines)
            meta = {
                "source": "vanatteveldt/wikinews",
                "commit": commit,
                "file": name,
                "url": row["url"].replace("org//wiki", "org/wiki"),
                "title": row["title"],
                "date": row["date"],
                "license": LICENSE,
            }
            yield meta, _article(date_line, row["title"], body)


_TEMPLATE_W = re.compile(r"\{\{\s*w\s*\|([^{}|]*)(?:\|([^{}]*))?\}\}", re.IGNORECASE)
_LINK = re.compile(r"\[\[(?:w:|W:|wikipedia:)?([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")
_FILE = re.compile(r"\[\[(?:File|Image):[^\[\]]*(?:\[\[[^\[\]]*\]\][^\[\]]*)*\]\]", re.IGNORECASE)
_EXTERNAL = re.compile(r"\[(?:https?|ftp)://\S+\s+([^\]]*)\]")
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_DATE_TEMPLATE = re.compile(r"\{\{\s*date\s*\|\s*([^{}|]+?)\s*\}\}", re.IGNORECASE)


def wikitext_to_text(text: str) -> str:
    """Plain text from Wikinews wikitext: links and {{w|...}} to their labels; other templates, files, refs dropped."""
    text = re.sub(r"<ref[^>/]*/>|<ref[^>]*>.*?</ref>", "", text, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    text = _FILE.sub("", text)
    text = _TEMPLATE_W.sub(lambda m: m.group(2) or m.group(1), text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = _EXTERNAL.sub(lambda m: m.group(1), text)
    for _ in range(3):
        text = _TEMPLATE.sub("", text)
    text = re.sub(r"'{2,}", "", text)
    text = re.sub(r"^\s*(?:=+[^=\n]*=+|\*.*|\{\|.*|\|.*|!.*|__\w+__)\s*$", "", text, flags=re.MULTILINE)
    return text


def from_wikinewssum(repo: Path) -> Iterable[tuple[dict, str]]:
    commit = _commit_with(repo, "endataset.json")
    if commit is None:
        sys.exit(f"{repo}: no commit holds endataset.json")
    for line in _git(repo, "show", f"{commit}:endataset.json").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        wikitext = "\n".join(row["text"])
        date = _DATE_TEMPLATE.search(wikitext)
        if not date or not re.fullmatch(rf"(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}", date.group(1)):
            continue  # undated (or a date the template does not spell out): skipped
        body = wikitext_to_text(wikitext)
        meta = {
            "source": "airKlizz/WikinewsSum",
            "commit": commit,
            "file": "endataset.json",
            "url": "https://en.wikinews.org/wiki/" + row["title"].replace(" ", "_"),
            "title": row["title"],
            "date": date.group(1),
            "license": LICENSE,
        }
        yield meta, _article(date.group(1), row["title"], body)


def build(snapshots: Sequence[Path], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    articles: list[dict] = []
    seen: set[str] = set()
    for snap in snapshots:
        if _has(snap, "HEAD:data/wikinews_2019.csv"):
            source = from_vanatteveldt(snap)
        elif _commit_with(snap, "endataset.json"):
            source = from_wikinewssum(snap)
        else:
            sys.exit(f"{snap}: neither vanatteveldt/wikinews nor airKlizz/WikinewsSum")
        for meta, text in source:
            if meta["url"] in seen:
                continue
            seen.add(meta["url"])
            name = f"{len(articles) + 1:04d}-{_slug(meta['title'])}.txt"
            (out / name).write_text(text, encoding="utf-8")
            articles.append({"path": name, "words": len(text.split()), **meta})
    manifest = {
        "license": LICENSE,
        "attribution": "Wikinews contributors, https://en.wikinews.org; text reduced to plain text and a 'Published:' line added",
        "articles": articles,
        "counts": dict(Counter(a["source"] for a in articles)),
        "words": sum(a["words"] for a in articles),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles, {manifest['words']:,} words -> {out} ({manifest['counts']})")


def lint(folder: Path) -> list[dict]:
    """newslint's findings (JSON) for NL3/NL4 on ``folder``, from this checkout's CLI."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))}
    cmd = [
        sys.executable,
        "-m",
        "newslint",
        "--no-cache",
        "--isolated",
        "--select",
        CODES,
        "--format",
        "json",
        "--exit-zero",
        str(folder),
    ]
    proc = subprocess.run(cmd, check=False, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"newslint exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout or "[]")


def mentions(texts: dict[str, str]) -> tuple[int, int, Counter]:
    """Title-and-name mentions the NL3 rules see: all, those of people in the offices table, per person."""
    from newslint.checks.titles.mentions import title_mentions
    from newslint.checks.titles.offices import load_offices
    from newslint.model.document import Document
    from newslint.run.engine import Engine, RunOptions

    engine = Engine.create(RunOptions(select=["NL3"], isolated=True, entry_points=False))
    table = load_offices(engine.ctx)
    total, people = 0, Counter[str]()
    for name, text in texts.items():
        found = title_mentions(Document(text, name), table)
        total += len(found)
        people.update(m.person for m in found if m.person)
    return total, sum(people.values()), people


def run(folder: Path, sample: int, seed: int, tojudge: Path | None) -> None:
    folder = folder.resolve()
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    if not texts:
        sys.exit(f"{folder} holds no articles: python -m benchmarks.wikinews build SNAPSHOT ...")
    words = sum(len(t.split()) for t in texts.values())
    found = lint(folder)
    per = Counter(d["code"] for d in found)
    print(
        f"{len(texts)} articles, {words:,} words; {len(found)} findings ({1000 * len(found) / words:.3f} per 1,000 words)"
    )
    for code in sorted(per):
        print(f"  {code}: {per[code]:4d}  {1000 * per[code] / words:.3f} per 1,000 words")
    total, known, people = mentions(texts)
    top = ", ".join(f"{p} {n}" for p, n in people.most_common(8))
    print(
        f"title mentions checked by NL3: {total}, of people in the offices table: {known} ({len(people)} people; {top})"
    )
    if not sample:
        return
    by_code: dict[str, list[dict]] = defaultdict(list)
    for d in found:
        by_code[d["code"]].append(d)
    rng = random.Random(seed)
    rows = []
    for code in sorted(by_code):
        items = sorted(by_code[code], key=lambda d: (d["path"], d["line"], d["column"]))
        picked = items if len(items) <= sample else sorted(rng.sample(items, sample), key=items.index)
        for d in picked:
            name = Path(d["path"]).name
            line = d["line"]
            lines = texts[name].splitlines()
            rows.append(
                {
                    "path": name,
                    "line": line,
                    "column": d["column"],
                    "code": code,
                    "message": d["message"],
                    "context": lines[line - 1] if line and line <= len(lines) else "",
                    "verdict": "",
                    "reason": "",
                }
            )
    target = tojudge or ROOT / "benchmarks" / ".work" / "wikinews-tojudge.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(
        f"{len(rows)} findings to judge -> {target} (git-ignored when under benchmarks/.work: it quotes the articles)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.wikinews", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the set from snapshots")
    b.add_argument("snapshots", nargs="+", type=Path)
    b.add_argument("--out", type=Path, default=OUT)
    r = sub.add_parser("run", help="lint the set with NL3/NL4")
    r.add_argument("folder", nargs="?", type=Path, default=OUT)
    r.add_argument("--sample", type=int, default=0, help="write at most N findings per code to judge")
    r.add_argument("--seed", type=int, default=7)
    r.add_argument("--tojudge", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.snapshots, args.out)
    else:
        run(args.folder, args.sample, args.seed, args.tojudge)


if __name__ == "__main__":
    main()
