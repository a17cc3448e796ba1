"""Line-level precision and recall of the NL2xx orphaned-text rules on labelled page text.

Data: ``benchmarks/data/boilerplate/*.txt``, one scraped page each, written for
this benchmark (many outlets, languages and layouts). Each line is labelled:

    # lang: en                       metadata (not part of the page)
    # shape: what kind of page this is
    T|Body text of the article        T = body (headline, standfirst, paragraphs, subheads)
    B|Share this article              B = boilerplate (chrome the scraper kept)
                                      blank lines stay blank and are not scored

A line counts as predicted boilerplate when an NL2xx diagnostic's
``line..end_line`` covers it. jusText (``pip install justext``), fed the same
lines as HTML paragraphs, is the baseline where it has a stoplist for the
page's language. Run: ``python -m benchmarks.boilerplate [--threshold 0.6] [--errors]``.
"""

from __future__ import annotations

import argparse
import html
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "boilerplate"
# Pages written after the classifier was tuned, and never tuned on: an honest estimate.
HOLDOUT = HERE / "data" / "boilerplate-holdout"
# jusText stoplist names for the page languages it has one for.
_JUSTEXT_LANGS = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
    "ar": "Arabic", "ru": "Russian", "ko": "Korean", "ja": "Japanese", "zh": "Chinese",
}


@dataclass
class Page:
    """One labelled page: its raw text, and the label of each 1-based line (None when blank)."""

    name: str
    lang: str
    shape: str
    text: str
    labels: list[bool | None]  # True = boilerplate


def load_pages(directory: Path = DATA) -> list[Page]:
    pages = []
    for path in sorted(directory.glob("*.txt")):
        meta: dict[str, str] = {}
        lines: list[str] = []
        labels: list[bool | None] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.startswith("# "):
                k, _, v = raw[2:].partition(":")
                meta[k.strip()] = v.strip()
                continue
            if not raw.strip():
                lines.append("")
                labels.append(None)
                continue
            tag, sep, content = raw.partition("|")
            if not sep or tag not in ("T", "B"):
                raise ValueError(f"{path.name}: unlabelled line {raw!r}")
            lines.append(content)
            labels.append(tag == "B")
        pages.append(Page(path.name, meta.get("lang", "en"), meta.get("shape", ""), "\n".join(lines) + "\n", labels))
    return pages


def newslint_predict(pages: list[Page], threshold: float | None) -> list[list[bool]]:
    from newslint import Document
    from newslint.run.engine import Engine, RunOptions

    overrides = {} if threshold is None else {"boilerplate-threshold": threshold}
    engine = Engine.create(
        RunOptions(isolated=True, entry_points=False, select=["NL2"], corpus=False, overrides=overrides)
    )
    out = []
    for page in pages:
        diagnostics, _ = engine.check(Document(page.text, page.name))
        flagged = [False] * len(page.labels)
        for d in diagnostics:
            for line in range(d.line, d.end_line + 1):
                if line - 1 < len(flagged):
                    flagged[line - 1] = True
        out.append(flagged)
    return out


def justext_predict(pages: list[Page]) -> list[list[bool] | None]:
    try:
        import justext
    except ImportError:
        return [None] * len(pages)
    available = set(justext.get_stoplists())
    out: list[list[bool] | None] = []
    for page in pages:
        name = _JUSTEXT_LANGS.get(page.lang)
        if name not in available:
            out.append(None)
            continue
        numbers = [i for i, label in enumerate(page.labels) if label is not None]
        lines = page.text.split("\n")
        body = "".join(f"<p>{html.escape(lines[i])}</p>" for i in numbers)
        paragraphs = justext.justext(f"<html><body>{body}</body></html>".encode(), justext.get_stoplist(name))
        flagged = [False] * len(page.labels)
        for i, para in zip(numbers, paragraphs):
            flagged[i] = para.is_boilerplate
        out.append(flagged)
    return out


def score(pages: list[Page], predictions: list[list[bool] | None]) -> tuple[int, int, int, int]:
    tp = fp = fn = n = 0
    for page, flagged in zip(pages, predictions):
        if flagged is None:
            continue
        for label, hit in zip(page.labels, flagged):
            if label is None:
                continue
            n += 1
            tp += label and hit
            fp += (not label) and hit
            fn += label and not hit
    return tp, fp, fn, n


def report(name: str, tp: int, fp: int, fn: int, n: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<28} lines {n:5d}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None, help="boilerplate-threshold (default: the option's default)")
    parser.add_argument("--errors", action="store_true", help="print every misclassified line")
    parser.add_argument("--holdout", action="store_true", help="score the held-out pages instead")
    args = parser.parse_args()
    pages = load_pages(HOLDOUT if args.holdout else DATA)
    labelled = sum(1 for p in pages for label in p.labels if label is not None)
    boiler = sum(1 for p in pages for label in p.labels if label)
    langs = sorted({p.lang for p in pages})
    print(f"{len(pages)} pages ({len(set(p.shape for p in pages))} shapes, languages {', '.join(langs)}), "
          f"{labelled} labelled lines, {boiler} boilerplate")
    start = time.perf_counter()
    ours = newslint_predict(pages, args.threshold)
    elapsed = time.perf_counter() - start
    print(report("newslint NL2xx", *score(pages, ours)))
    print(f"{'':<28} {elapsed * 1000 / len(pages):.1f} ms per page")
    theirs = justext_predict(pages)
    covered = [i for i, t in enumerate(theirs) if t is not None]
    if covered:
        sub = [pages[i] for i in covered]
        print(report("jusText (its languages)", *score(sub, [theirs[i] for i in covered])))
        print(report("newslint, same pages", *score(sub, [ours[i] for i in covered])))
    else:
        print("jusText: not installed (pip install justext)")
    if args.errors:
        for page, flagged in zip(pages, ours):
            lines = page.text.split("\n")
            for i, (label, hit) in enumerate(zip(page.labels, flagged)):
                if label is not None and label != hit:
                    kind = "FP" if hit else "FN"
                    print(f"{kind} {page.name}:{i + 1}: {lines[i][:100]}")


if __name__ == "__main__":
    main()
