"""benchmarks.noise: keys that survive line shifts, verdict matching, and the precision arithmetic.

The fixture articles are written here; no third-party text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import noise

HARBOUR = (
    "Ferry crews at Port Halvard voted to strike on Monday.\n"
    "\n"
    "The union said the strike wuold last two days.\n"
    "\n"
    "Share this article\n"
)
COUNCIL = "The council met in Brenmoor.\n\nIts budget rose by \u201c4 per cent.\n"


def row(path: str, line: int, column: int, end_column: int, code: str, end_line: int | None = None) -> dict:
    return {
        "path": path,
        "line": line,
        "column": column,
        "end_line": end_line or line,
        "end_column": end_column,
        "code": code,
        "message": "m",
    }


def at(text: str, line: int, word: str, code: str, path: str, occurrence: int = 0) -> dict:
    """A JSON row flagging the ``occurrence``-th ``word`` on ``line`` of ``text``."""
    body = text.splitlines()[line - 1]
    col = -1
    for _ in range(occurrence + 1):
        col = body.index(word, col + 1)
    return row(f"/devset/clean/{path}", line, col + 1, col + 1 + len(word), code)


def findings(texts: dict[str, str], rows: list[dict]) -> list[noise.Finding]:
    return noise.make_findings(rows, texts, Path("/devset/clean"))


def test_flagged_text_and_multi_line_span():
    lines = HARBOUR.splitlines()
    assert noise.flagged(lines, 3, 27, 3, 32)[0] == "wuold"
    span, ctx = noise.flagged(lines, 1, 48, 3, 4)
    assert span == "Monday.\n\nThe"
    assert ctx == noise._hash(noise._squash("\n".join(lines[0:3])))


def test_keys_survive_a_line_shift_and_number_repeats():
    """The same finding two lines lower has the same key; two identical spans on one line get n = 0 and 1."""
    texts = {"harbour.txt": HARBOUR, "council.txt": COUNCIL}
    before = findings(texts, [at(HARBOUR, 3, "wuold", "NL101", "harbour.txt")])
    shifted = {"harbour.txt": "Updated\n\n" + HARBOUR, "council.txt": COUNCIL}
    after = findings(shifted, [at(shifted["harbour.txt"], 5, "wuold", "NL101", "harbour.txt")])
    assert before[0].span == after[0].span == "wuold"
    assert before[0].key == after[0].key
    twice = {"t.txt": "It is is here, and it is is there."}
    text = twice["t.txt"]
    pair = findings(twice, [at(text, 1, "is", "NL101", "t.txt", 3), at(text, 1, "is", "NL101", "t.txt", 0)])
    assert [f.span for f in pair] == ["is", "is"] and pair[0].key[:4] == pair[1].key[:4]
    assert [(f.column, f.n) for f in pair] == [(4, 0), (26, 1)]


def test_verdict_rows_keep_only_a_short_span():
    long_line = "Line one of a paragraph that goes on well past the forty characters kept."
    f = findings({"p.txt": long_line}, [row("/devset/clean/p.txt", 1, 1, len(long_line) + 1, "NL501")])[0]
    r = noise.verdict_row(f, "wrong", "a reason", "2026-11-30", "tester")
    assert len(r["span"]) == noise.SPAN_CHARS and r["span"].endswith("\u2026")
    assert long_line not in json.dumps(r)
    assert (r["file"], r["code"], r["n"]) == ("p.txt", "NL501", 0)


def test_match_and_precision_arithmetic(tmp_path):
    texts = {"harbour.txt": HARBOUR, "council.txt": COUNCIL}
    rows = [
        at(HARBOUR, 3, "wuold", "NL101", "harbour.txt"),  # judged right
        at(HARBOUR, 1, "Halvard", "NL101", "harbour.txt"),  # judged wrong
        at(COUNCIL, 1, "Brenmoor", "NL101", "council.txt"),  # not judged
        at(HARBOUR, 5, "Share this article", "NL201", "harbour.txt"),  # judged right
        at(COUNCIL, 3, "\u201c", "NL612", "council.txt"),  # judged wrong
    ]
    run = findings(texts, rows)
    by_span = {f.span: f for f in run}
    verdicts = [
        noise.verdict_row(by_span["wuold"], "right", "slip", "2026-11-30", "t"),
        noise.verdict_row(by_span["Halvard"], "wrong", "place name", "2026-11-30", "t"),
        noise.verdict_row(by_span["Share this article"], "right", "chrome", "2026-11-30", "t"),
        noise.verdict_row(by_span["\u201c"], "wrong", "open quote", "2026-11-30", "t"),
        {**noise.verdict_row(by_span["wuold"], "right", "", "", ""), "ctx": "000000000000"},  # stale
    ]
    path = tmp_path / "judged.jsonl"
    path.write_text("".join(json.dumps(v) + "\n" for v in verdicts), encoding="utf-8")
    stale = noise.match(run, noise.load_verdicts(path))
    assert len(stale) == 1 and stale[0]["ctx"] == "000000000000"
    per_code = noise.tally(run)
    nl101 = per_code["NL101"]
    assert (nl101.findings, nl101.judged, nl101.right, nl101.unjudged, nl101.precision) == (3, 2, 1, 1, 0.5)
    assert per_code["NL201"].precision == 1.0 and per_code["NL612"].precision == 0.0
    # weighted by findings: (3 * 0.5 + 1 * 1.0 + 1 * 0.0) / 5
    assert noise.weighted_precision(per_code) == pytest.approx(0.5)
    assert noise.weighted_precision({"NL101": nl101, "NL201": per_code["NL201"]}) == pytest.approx(2.5 / 4)
    assert noise.weighted_precision({"NL999": noise.Tally(findings=4)}) is None
    table = noise.precision_table(run, len(stale))
    assert "NL1xx typos" in table
    assert table.splitlines()[-1].endswith("changed): 1")
    assert table.splitlines()[-3].split() == ["all", "5", "4", "2", "2", "0.50", "1"]


def test_bad_verdict_is_an_error(tmp_path):
    path = tmp_path / "judged.jsonl"
    path.write_text(
        json.dumps({"file": "a.txt", "code": "NL101", "span_hash": "x", "ctx": "y", "verdict": "maybe"}) + "\n"
    )
    with pytest.raises(ValueError, match="verdict must be one of"):
        noise.load_verdicts(path)


def test_family_and_sample():
    assert noise.family("NL402") == "NL4xx names"
    assert noise.family("NL613") == "NL6xx style and typography"
    texts = {"harbour.txt": HARBOUR}
    run = findings(texts, [row("/devset/clean/harbour.txt", 3, c, c + 1, "NL101") for c in range(1, 11)])
    picked = noise.sample(run, 4, seed=7)["NL101"]
    assert len(picked) == 4 and picked == sorted(picked, key=lambda f: f.column)
    assert picked == noise.sample(run, 4, seed=7)["NL101"]
    assert noise.sample(run, 20, seed=7)["NL101"] == run


def test_end_to_end_on_a_tiny_devset(tmp_path, capsys):
    """The real CLI on a made-up article: its typo finding matches a verdict keyed from the text alone."""
    clean = tmp_path / "devset" / "clean"
    clean.mkdir(parents=True)
    (clean / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    typo = findings({"harbour.txt": HARBOUR}, [at(HARBOUR, 3, "wuold", "NL101", "harbour.txt")])[0]
    judged = tmp_path / "judged.jsonl"
    judged.write_text(json.dumps(noise.verdict_row(typo, "right", "slip", "2026-11-30", "t")) + "\n", encoding="utf-8")
    noise.main(["precision", str(tmp_path / "devset"), "--codes", "NL101", "--judged", str(judged)])
    out = capsys.readouterr().out
    assert f"{len(HARBOUR.split())} words" in out
    nl101 = next(line for line in out.splitlines() if line.strip().startswith("NL101"))
    found = int(nl101.split()[1])
    assert found >= 1 and nl101.split()[2:7] == ["1", "1", "0", "1.00", str(found - 1)]
    assert "verdicts matching no current finding (the finding is gone or its text changed): 0" in out
