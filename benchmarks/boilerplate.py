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

``--devset DIR`` scores the real scraped pages of the development set instead
(``benchmarks/.data/devset``, built by ``../shared/tools/build_devset.py``):
its ``inline/`` suite (the article region) and ``page/`` suite (the whole
rendered page), labelled in ``gold.jsonl``. Lines labelled ``mixed`` (body
text with chrome glued on) are left out of scoring, as the labeller advises.
It also prints recall per kind of chrome (from the HTML tag and region the
line came from), the share of body lines flagged, and the NL2xx findings on
``clean/`` (article text alone: every finding there is a false alarm).
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
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
    "it": "Italian",
    "ar": "Arabic",
    "ru": "Russian",
    "ko": "Korean",
    "ja": "Japanese",
    "zh": "Chinese",
}


@dataclass
class Page:
    """One labelled page: its raw text, and the label of each 1-based line (None when blank)."""

    name: str
    lang: str
    shape: str
    text: str
    labels: list[bool | None]  # True = boilerplate
    kinds: list[str] | None = None  # devset: the kind of chrome of each line ("" for body)


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


def load_devset(root: Path, suite: str) -> list[Page]:
    """The pages of one devset suite (``inline`` or ``page``), labelled from its gold.jsonl."""
    import json

    rows: dict[str, list[dict]] = {}
    with (root / suite / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            rows.setdefault(row["path"], []).append(row)
    pages = []
    for rel, page_rows in sorted(rows.items()):
        text = (root / suite / rel).read_text(encoding="utf-8")
        n = len(text.split("\n"))
        labels: list[bool | None] = [None] * n
        kinds = [""] * n
        for row in page_rows:
            i = row["line"] - 1
            labels[i] = {"boilerplate": True, "body": False}.get(row["label"])
            if labels[i]:
                kinds[i] = chrome_kind(row)
        pages.append(Page(Path(rel).stem, "en", suite, text, labels, kinds))
    return pages


def chrome_kind(row: dict) -> str:
    """A coarse kind of chrome for a gold row, from the HTML it was rendered from."""
    tag, region, words = row["tag"], row["region"], len(row["text"].split())
    if tag == "figcaption" or region in ("figcaption", "figure", "caption", "credit"):
        return "caption"
    if tag == "h1":
        return "headline"
    if region in ("author", "byline"):
        return "byline"
    if region in ("share", "social"):
        return "share"
    if region in ("related", "popular", "trending", "recommend", "outbrain", "taboola", "more-from", "read-more"):
        return "teaser"
    if region in ("cookie", "consent", "modal", "newsletter", "subscri", "signup", "form", "paywall"):
        return "prompt"
    if region in ("nav", "menu", "breadcrumb", "header", "footer") or (words <= 3 and tag in ("li", "a", "div")):
        return "navigation"
    if region in ("tag", "tags", "topics"):
        return "tags"
    if tag.startswith("h"):
        return "heading"
    return "other"


def newslint_predict(pages: list[Page], threshold: float | None, corpus: bool = False) -> list[list[bool]]:
    """Each page's lines NL2xx flags; with ``corpus``, the pages are one folder and NL206 (the corpus stage) runs too."""
    from newslint import Document
    from newslint.model.facts import merge_facts
    from newslint.run.engine import Engine, RunOptions

    overrides = {} if threshold is None else {"boilerplate-threshold": threshold}
    engine = Engine.create(
        RunOptions(isolated=True, entry_points=False, select=["NL2"], corpus=corpus, overrides=overrides)
    )
    found = []
    facts = []
    for page in pages:
        diagnostics, page_facts = engine.check(Document(page.text, page.name))
        found.extend(diagnostics)
        facts.append(page_facts)
    if corpus:
        found.extend(engine.check_corpus(merge_facts(facts), found))
    index = {page.name: i for i, page in enumerate(pages)}
    out = [[False] * len(page.labels) for page in pages]
    for d in found:
        flagged = out[index[d.path]]
        last = d.end_line - 1 if d.end_column == 1 and d.end_line > d.line else d.end_line
        for line in range(d.line, last + 1):
            if line - 1 < len(flagged):
                flagged[line - 1] = True
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
    body = n - tp - fn
    share = fp / body if body else 0.0
    return (
        f"{name:<28} lines {n:5d}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
        f"body flagged {share:.1%}  (tp {tp}, fp {fp}, fn {fn})"
    )


def kind_recall(pages: list[Page], predictions: list[list[bool]]) -> str:
    """Recall per kind of chrome, as "kind found/total"."""
    from collections import Counter

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for page, flagged in zip(pages, predictions):
        for label, kind, hit in zip(page.labels, page.kinds or [], flagged):
            if label:
                total[kind] += 1
                found[kind] += hit
    return "  ".join(f"{k} {found[k] / total[k]:.2f} ({total[k]})" for k, _ in total.most_common())


def clean_findings(directory: Path, threshold: float | None) -> str:
    """NL2xx findings per code on article-only text: all false alarms."""
    from collections import Counter

    from newslint import Document
    from newslint.run.engine import Engine, RunOptions

    overrides = {} if threshold is None else {"boilerplate-threshold": threshold}
    engine = Engine.create(
        RunOptions(isolated=True, entry_points=False, select=["NL2"], corpus=False, overrides=overrides)
    )
    counts: Counter[str] = Counter()
    files = sorted(directory.glob("*.txt"))
    for path in files:
        diagnostics, _ = engine.check(Document(path.read_text(encoding="utf-8"), path.name))
        counts.update(d.code for d in diagnostics)
    return f"clean/ ({len(files)} files): " + (
        ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "no findings"
    )


def devset_main(root: Path, threshold: float | None, errors: bool, corpus: bool = False) -> None:
    for suite in ("inline", "page"):
        pages = load_devset(root, suite)
        labelled = sum(1 for p in pages for label in p.labels if label is not None)
        boiler = sum(1 for p in pages for label in p.labels if label)
        print(f"devset {suite}: {len(pages)} pages, {labelled} scored lines, {boiler} boilerplate")
        ours = newslint_predict(pages, threshold, corpus)
        label = "newslint NL2xx, corpus stage" if corpus else "newslint NL2xx"
        print(report(f"{label} ({suite})", *score(pages, ours)))
        print("  recall per kind:", kind_recall(pages, ours))
        if errors:
            print_errors(pages, ours)
    print(clean_findings(root / "clean", threshold))


def print_errors(pages: list[Page], predictions: list[list[bool]]) -> None:
    for page, flagged in zip(pages, predictions):
        lines = page.text.split("\n")
        for i, (label, hit) in enumerate(zip(page.labels, flagged)):
            if label is not None and label != hit:
                kind = "FP" if hit else "FN"
                print(f"{kind} {page.name}:{i + 1}: {lines[i][:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--threshold", type=float, default=None, help="boilerplate-threshold (default: the option's default)"
    )
    parser.add_argument("--errors", action="store_true", help="print every misclassified line")
    parser.add_argument(
        "--corpus", action="store_true", help="with --devset: lint each suite as one folder, so NL206 (corpus) runs"
    )
    parser.add_argument("--holdout", action="store_true", help="score the held-out pages instead")
    parser.add_argument("--devset", type=Path, default=None, help="score the devset's inline/ and page/ suites instead")
    args = parser.parse_args()
    if args.devset is not None:
        devset_main(args.devset, args.threshold, args.errors, args.corpus)
        return
    pages = load_pages(HOLDOUT if args.holdout else DATA)
    labelled = sum(1 for p in pages for label in p.labels if label is not None)
    boiler = sum(1 for p in pages for label in p.labels if label)
    langs = sorted({p.lang for p in pages})
    print(
        f"{len(pages)} pages ({len({p.shape for p in pages})} shapes, languages {', '.join(langs)}), "
        f"{labelled} labelled lines, {boiler} boilerplate"
    )
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
        print_errors(pages, ours)


if __name__ == "__main__":
    main()
