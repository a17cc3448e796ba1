"""benchmarks.wikinews: building the dated set from a snapshot, and the date reaching the title rules.

The fixture articles are written here, in the two snapshot layouts; no third-party text.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

from benchmarks import wikinews

PORT_STRIKE = (
    "Tuesday, March 3, 2020\n\n\n"
    "Dock workers in Port Halvard walked out on Monday over pay.\n\n\n"
    "President Barack Obama said on Monday he backed the dock workers.\n"
)
FERRY = "Wednesday, March 4, 2020 \n\nA ferry ran aground near Brenmoor on Tuesday; no one was hurt.\n"


def _git_repo(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for cmd in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data"]):
        subprocess.run(["git", "-C", str(root), *cmd], check=True)
    return root


def _csv(rows: list[tuple[str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["url", "date", "title", "text"])
    writer.writerows(rows)
    return out.getvalue()


def test_build_puts_the_articles_own_date_on_a_published_line(tmp_path: Path) -> None:
    snap = _git_repo(
        tmp_path / "snap",
        {
            "data/wikinews_2019.csv": _csv([]),
            "data/wikinews_2020.csv": _csv(
                [
                    (
                        "https://en.wikinews.org//wiki/Port_strike",
                        "2020-03-03",
                        "Port Halvard dock strike",
                        PORT_STRIKE,
                    ),
                    ("https://en.wikinews.org//wiki/Ferry", "2020-03-04", "Ferry aground", FERRY),
                    ("https://en.wikinews.org//wiki/Ferry", "2020-03-04", "Ferry aground", FERRY),  # a duplicate row
                ]
            ),
        },
    )
    out = tmp_path / "set"
    wikinews.build([snap], out)
    files = sorted(out.glob("*.txt"))
    assert [p.name for p in files] == ["0001-Port-Halvard-dock-strike.txt", "0002-Ferry-aground.txt"]
    lines = files[0].read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["Published: Tuesday, March 3, 2020", "", "Port Halvard dock strike"]
    assert "Tuesday, March 3, 2020" not in lines[1:]  # the date line moved, not copied
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == {"vanatteveldt/wikinews": 2}
    first = manifest["articles"][0]
    assert first["url"] == "https://en.wikinews.org/wiki/Port_strike"
    assert first["license"].startswith("CC BY 2.5")
    assert len(first["commit"]) == 40

    # The Published line is the date the title rules use: Obama left office in 2017.
    found = wikinews.lint(out)
    nl303 = [d for d in found if d["code"] == "NL303"]
    assert [(Path(d["path"]).name, d["line"]) for d in nl303] == [("0001-Port-Halvard-dock-strike.txt", 7)]
    assert "article dated 2020-03-03 (from line 1" in nl303[0]["message"]


def test_wikinewssum_keeps_only_dated_articles_as_plain_text(tmp_path: Path) -> None:
    dated = {
        "title": "Brenmoor council passes budget",
        "text": [
            "{{date|November 16, 2004}}{{Europe}}",
            "The {{w|Brenmoor|Brenmoor}} council passed its budget, said mayor [[w:Anna Lind|Anna Lind]].",
            "[[File:Brenmoor.jpg|thumb|The town hall]] Spending on [[roads]] rises by ''four'' per cent.<ref>x</ref>",
            "{{haveyoursay}}",
        ],
    }
    undated = {"title": "Undated", "text": ["{{byline|date", "Text without a date."]}
    body = "\n".join(json.dumps(r) for r in (dated, undated)) + "\n"
    snap = _git_repo(tmp_path / "snap", {"endataset.json": body})
    out = tmp_path / "set"
    wikinews.build([snap], out)
    (only,) = out.glob("*.txt")
    assert only.read_text(encoding="utf-8") == (
        "Published: November 16, 2004\n\nBrenmoor council passes budget\n\n"
        "The Brenmoor council passed its budget, said mayor Anna Lind.\n\n"
        "Spending on roads rises by four per cent.\n"
    )
