"""Coverage-guided fuzzing of the document model and the whole engine (atheris).

Run it outside CI (see README, Robustness):

    pip install atheris
    python tools/fuzz_engine.py -max_total_time=600 -rss_limit_mb=4096 [corpus_dir]

Each input is decoded as newslint decodes a file, then every registered rule
runs on it and every diagnostic is checked: positions inside the text, end not
before start, fixes inside the text, JSON serialisable, same result twice.
Any crash it finds belongs in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports(include=["newslint"]):
    from newslint.model.document import DecodeError, Document
    from newslint.model.encoding import decode_error_diagnostic
    from newslint.output.reporter import ReportContext
    from newslint.run.engine import Engine, RunOptions

    # Built-in rule modules are imported here, so they are instrumented too.
    ENGINE = Engine.create(RunOptions(isolated=True, entry_points=False, select=["ALL"], corpus=False))
REPORTERS = [
    ENGINE.registry.reporters[name] for name in ("text", "json", "github") if name in ENGINE.registry.reporters
]


def check_invariants(text: str) -> None:
    doc = Document(text, "fuzz.txt")
    first = ENGINE.check(doc)[0]
    lines = len(doc.lines)
    for d in first:
        assert 1 <= d.line <= d.end_line <= lines, d
        assert 1 <= d.column and 1 <= d.end_column, d
        assert d.line < d.end_line or d.column <= d.end_column, d
        assert 0 <= d.start <= d.end <= len(text), d
        for edit in (*d.fix, *d.unsafe_fix):
            assert 0 <= edit.start <= edit.end <= len(text), d
    again = ENGINE.check(Document(text, "fuzz.txt"))[0]
    assert [(d, d.message) for d in first] == [(d, d.message) for d in again]
    ctx = ReportContext(rules=ENGINE.registry.rules, texts={"fuzz.txt": text})
    for report in REPORTERS:
        report(first, ctx, io.StringIO())


def test_one_input(data: bytes) -> None:
    try:
        doc = Document.from_bytes(data, "fuzz.txt")
    except DecodeError as exc:
        decode_error_diagnostic("fuzz.txt", data, exc)
        text = data.decode("utf-8", errors="replace")
    else:
        text = doc.text
    check_invariants(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
