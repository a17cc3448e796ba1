"""Build extra labelled pages for the NL2xx line model from more public test data.

    python tools/build_extra_devset.py GOOSE3_MIRROR --out benchmarks/.data/devset-extra

Same output layout as ``../shared/tools/build_devset.py`` (``inline/``, ``page/``,
``clean/``, ``manifest.json``), rendered and labelled by the same naive
scraper (``../shared/tools/pagetext.py``, imported, not copied), so the two
sets can be trained on together. Keep the output out of git.

Sources read (a clone, an extracted tree or a bare git directory):

  * goose3/goose3 (Apache-2.0): ``tests/data/content/*.html`` with
    ``*.json`` whose ``expected.cleaned_text`` is the article body. Most of
    these expected texts are only the article's first sentence (goose3 tests
    compare a prefix); a page is kept only when its expected text is a whole
    article: at least ``MIN_WORDS`` words and its last paragraph found in the
    rendered page. Pages that repeat another page's article are kept once.

  * postlight/parser (Mercury; MIT or Apache-2.0): ``fixtures/*.html``, real
    pages of about 150 sites. There is no whole expected text, so the labels
    are silver: two extractors run here at build time (readability-lxml and
    trafilatura, ``pip install readability-lxml trafilatura``; never newslint
    dependencies), each page is labelled against each one's article text, and
    a line is ``body`` or ``boilerplate`` only where both agree (``unsure``,
    unscored, where they do not). A page is kept when the two agree on most of
    its body lines and, where the test suite gives an expected content excerpt
    (``src/extractors/custom/*/index.test.js``), both texts hold it.
  * buriy/python-readability (Apache-2.0): ``tests/samples/*.html``, silver
    labels the same way.
  * goose3/goose3's remaining pages (those whose expected text is only a
    prefix): silver labels the same way, the prefix as the excerpt.

Pages of mozilla/readability copied by other projects (go-shiori/go-readability,
fivefilters/readability.php) are the same pages as the devset's and are not
read: they would put one page on both sides of a cross-validation split.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared" / "tools"
if not (SHARED / "pagetext.py").is_file():  # the main checkout: /work/main -> /work/shared
    SHARED = Path(__file__).resolve().parents[2] / "shared" / "tools"
sys.path.insert(0, str(SHARED))
import build_devset
import pagetext

MIN_WORDS = 200
SILVER_MIN_WORDS = 150  # a silver page's agreed article text
SILVER_MIN_AGREEMENT = 0.8  # share of the lines either extractor calls body that both call body
EXCERPT_WORDS = 8  # an expected excerpt must share its first words with both article texts
_NOT_BODY_TAGS = {"h1", "figcaption"}  # as ../shared/tools/build_devset.py reads readability's expected.html
_NOT_BODY_REGIONS = {"figure", "figcaption"}


def goose3_pages(root: str):
    base = os.path.join(root, "tests", "data", "content")
    seen: set[str] = set()
    for f in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        if not f.endswith(".json"):
            continue
        html_path = os.path.join(base, f[:-5] + ".html")
        if not os.path.isfile(html_path):
            continue
        with open(os.path.join(base, f), encoding="utf-8") as fh:
            body = (json.load(fh).get("expected") or {}).get("cleaned_text") or ""
        key = pagetext.norm(body)[:200]
        if len(body.split()) < MIN_WORDS or key in seen:
            continue
        seen.add(key)
        yield "goose3-" + f[:-5], build_devset.read_html(html_path), body


def goose3_silver_pages(root: str):
    """goose3 pages whose expected text is a prefix: silver labels, the prefix as the excerpt."""
    base = os.path.join(root, "tests", "data", "content")
    seen: set[str] = set()
    for f in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        html_path = os.path.join(base, f[:-5] + ".html")
        if not f.endswith(".json") or not os.path.isfile(html_path):
            continue
        with open(os.path.join(base, f), encoding="utf-8") as fh:
            body = (json.load(fh).get("expected") or {}).get("cleaned_text") or ""
        key = pagetext.norm(body)[:200]
        if len(body.split()) >= MIN_WORDS or key in seen:  # whole articles are goose3_pages' (gold)
            continue
        seen.add(key)
        yield "goose3s-" + f[:-5], build_devset.read_html(html_path), Silver([body] if body.strip() else [])


def _js_strings(chunk: str) -> list[str]:
    """String literals asserted in a test chunk, long enough to be an article excerpt."""
    out = []
    for m in re.finditer(r"assert\.equal\(\s*(\w+)\s*,\s*(['\"`])((?:\\.|(?!\2).)*)\2", chunk, re.DOTALL):
        if re.search(r"first|excerpt|text|content", m.group(1), re.IGNORECASE):
            text = m.group(3).replace("\\'", "'").replace('\\"', '"')
            if len(text.split()) >= EXCERPT_WORDS:
                out.append(text)
    return out


def mercury_pages(root: str):
    """postlight/parser fixtures, with the content excerpts its extractor tests assert."""
    excerpts: dict[str, list[str]] = collections.defaultdict(list)
    custom = os.path.join(root, "src", "extractors", "custom")
    for site in sorted(os.listdir(custom)) if os.path.isdir(custom) else []:
        test = os.path.join(custom, site, "index.test.js")
        if not os.path.isfile(test):
            continue
        with open(test, encoding="utf-8") as fh:
            js = fh.read()
        parts = re.split(r"readFileSync\(\s*['\"]\./fixtures/([^'\"]+)['\"]", js)
        for k in range(1, len(parts), 2):
            excerpts[parts[k]] += _js_strings(parts[k + 1])
    base = os.path.join(root, "fixtures")
    for f in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        if f.endswith(".html"):
            yield "mercury-" + f[:-5], build_devset.read_html(os.path.join(base, f)), Silver(excerpts.get(f, []))


def python_readability_pages(root: str):
    base = os.path.join(root, "tests", "samples")
    for f in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        if f.endswith(".html"):
            yield "pyreadability-" + f[:-5], build_devset.read_html(os.path.join(base, f)), Silver([])


class Silver:
    """No expected article text: label by two extractors' agreement (excerpts: texts both must hold)."""

    def __init__(self, excerpts: list[str]):
        self.excerpts = excerpts


class ExtractorError(Exception):
    """An extractor failed on a page (the page is skipped)."""


def _readability_text(html: str) -> str:
    from lxml.etree import LxmlError
    from readability import Document as ReadabilityDocument
    from readability.readability import Unparseable

    try:
        summary = ReadabilityDocument(html).summary(html_partial=True)
    except (Unparseable, LxmlError, ValueError) as exc:
        raise ExtractorError(type(exc).__name__) from exc
    lines = pagetext.html_to_lines(summary)
    return "\n".join(t for t, tag, reg in lines if tag not in _NOT_BODY_TAGS and reg not in _NOT_BODY_REGIONS)


def _trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True, include_images=False) or ""


def silver_labels(texts: list[str], html: str, silver: Silver) -> tuple[list[tuple[str, bool]], str] | str:
    """Lines labelled where readability-lxml and trafilatura agree, and the agreed article text;
    or why the page is skipped."""
    try:
        bodies = [_readability_text(html), _trafilatura_text(html)]
    except ExtractorError as exc:  # an extractor failing on one page skips that page
        return f"extractor failed ({exc})"
    if not all(bodies):
        return "an extractor found no article"
    flat = [pagetext.norm(b) for b in bodies]
    for ex in silver.excerpts:
        head = " ".join(pagetext.norm(ex).split()[:EXCERPT_WORDS])
        if not all(head in f for f in flat):
            return "expected excerpt not in both article texts"
    la, lb = (pagetext.label_lines(texts, b) for b in bodies)
    labels: list[tuple[str, bool]] = []
    for (a, _), (b, _) in zip(la, lb):
        labels.append((a, False) if a == b else ("unsure", False))
    either = sum(1 for (a, _), (b, _) in zip(la, lb) if "body" in (a, b))
    both = sum(1 for lab, _ in labels if lab == "body")
    if not either or both < SILVER_MIN_AGREEMENT * either:
        return "extractors disagree"
    body = "\n".join(t for t, (lab, _) in zip(texts, labels) if lab == "body")
    if len(body.split()) < SILVER_MIN_WORDS:
        return "agreed article too short"
    return labels, body


SOURCES = {
    "goose3": (["tests/data/content", "LICENSE.txt"], goose3_pages, "goose3/goose3", "Apache-2.0"),
    "goose3-silver": (["tests/data/content", "LICENSE.txt"], goose3_silver_pages, "goose3/goose3", "Apache-2.0"),
    "mercury": (
        ["fixtures", "src/extractors/custom", "LICENSE-MIT", "LICENSE-APACHE"],
        mercury_pages,
        "postlight/parser",
        "MIT OR Apache-2.0",
    ),
    "python-readability": (
        ["tests/samples", "LICENSE"],
        python_readability_pages,
        "buriy/python-readability",
        "Apache-2.0",
    ),
}


SILVER = {"goose3-silver", "mercury", "python-readability"}


def _shingles(text: str, n: int = 10) -> set[int]:
    words = pagetext.norm(text).lower().split()
    return {hash(" ".join(words[k : k + n])) for k in range(max(0, len(words) - n + 1))}


def known_shingles(devsets: list[str]) -> set[int]:
    """Word 10-grams of the article texts of devsets already built (their ``clean/``)."""
    out: set[int] = set()
    for d in devsets:
        for path in sorted(Path(d, "clean").glob("*.txt")):
            out |= _shingles(path.read_text(encoding="utf-8"))
    return out


def _commit(src: str) -> str | None:
    return build_devset.commit(src)


def main() -> int:
    global SILVER_MIN_AGREEMENT
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument(
        "--exclude",
        action="append",
        default=[],
        help="a devset already built (its clean/ texts): pages of the same article are not added "
        "(one page on both sides of a cross-validation split)",
    )
    ap.add_argument(
        "--min-agreement",
        type=float,
        default=SILVER_MIN_AGREEMENT,
        help="silver pages: least share of the lines either extractor calls body that both call body",
    )
    args = ap.parse_args()
    SILVER_MIN_AGREEMENT = args.min_agreement
    out = args.out
    known = known_shingles(args.exclude)
    for sub in ("inline/files", "page/files", "clean"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    manifest: dict = {"sources": [], "pages": 0, "skipped": collections.Counter()}
    gold: dict[str, list] = {"inline": [], "page": []}
    seen_bodies: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for src in args.sources:
            for name, (paths, reader, repo, licence) in SOURCES.items():
                root = build_devset.tree(src, paths, tmp)
                pages = list(reader(root))
                if not pages:
                    continue
                kept = 0
                for pid, html, body in pages:
                    pid = build_devset.slug(pid)
                    rendered = pagetext.html_to_lines(html)
                    texts = [t for t, _, _ in rendered]
                    if isinstance(body, Silver):
                        got = silver_labels(texts, html, body)
                        if isinstance(got, str):
                            manifest["skipped"][got] += 1
                            continue
                        labels, body = got
                        key = pagetext.norm(body)[:200]
                        if key in seen_bodies:  # the same article from another source or page
                            manifest["skipped"]["same article as another page"] += 1
                            continue
                    else:
                        labels = pagetext.label_lines(texts, body)
                        key = pagetext.norm(body)[:200]
                    if not pagetext.is_english(body):
                        manifest["skipped"]["not English"] += 1
                        continue
                    grams = _shingles(body)
                    if grams and len(grams & known) > 0.2 * len(grams):
                        manifest["skipped"]["same article as an excluded devset's page"] += 1
                        continue
                    body_idx = [i for i, (label, _) in enumerate(labels) if label == "body"]
                    paras = [re.sub(r"\s+", " ", p).strip() for p in body.split("\n")]
                    paras = [p for p in paras if p]
                    # A whole article: most of its paragraphs are found in the page.
                    found = sum(1 for lab, _ in labels if lab == "body")
                    if len(body_idx) < 3 or found < 0.6 * len(paras):
                        manifest["skipped"]["article not found in page"] += 1
                        continue
                    lo = max(0, body_idx[0] - pagetext.INLINE_LEAD_LINES)
                    hi = min(len(texts), body_idx[-1] + 1 + pagetext.INLINE_TRAIL_LINES)
                    for suite, (a, b) in (("inline", (lo, hi)), ("page", (0, len(texts)))):
                        rel = f"files/{pid}.txt"
                        with open(os.path.join(out, suite, rel), "w", encoding="utf-8") as fh:
                            fh.write("\n".join(texts[a:b]) + "\n")
                        for n, k in enumerate(range(a, b), 1):
                            gold[suite].append(
                                {
                                    "path": rel,
                                    "line": n,
                                    "label": labels[k][0],
                                    "tag": rendered[k][1],
                                    "region": rendered[k][2],
                                    "text": texts[k],
                                }
                            )
                    with open(os.path.join(out, "clean", pid + ".txt"), "w", encoding="utf-8") as fh:
                        fh.write("\n\n".join(paras) + "\n")
                    manifest["pages"] += 1
                    kept += 1
                    seen_bodies.add(key)
                    known |= grams
                manifest["sources"].append(
                    {
                        "source": name,
                        "repo": repo,
                        "commit": _commit(src),
                        "licence": licence,
                        "pages_found": len(pages),
                        "pages_kept": kept,
                        "page_prefix": pages[0][0].split("-", 1)[0] + "-",
                        "labels": "silver: readability-lxml and trafilatura agree"
                        if name in SILVER
                        else "gold: the repository's expected article text",
                    }
                )
    for suite, rows in gold.items():
        with open(os.path.join(out, suite, "gold.jsonl"), "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        manifest[suite] = dict(collections.Counter(r["label"] for r in rows))
    with open(os.path.join(out, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
    print(json.dumps(manifest, indent=1))
    return 0 if manifest["pages"] else 1


if __name__ == "__main__":
    sys.exit(main())
