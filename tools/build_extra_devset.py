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


SOURCES = {"goose3": (["tests/data/content", "LICENSE.txt"], goose3_pages, "goose3/goose3", "Apache-2.0")}


def _commit(src: str) -> str | None:
    return build_devset.commit(src)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    out = args.out
    for sub in ("inline/files", "page/files", "clean"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    manifest: dict = {"sources": [], "pages": 0, "skipped": collections.Counter()}
    gold: dict[str, list] = {"inline": [], "page": []}
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
                    if not pagetext.is_english(body):
                        manifest["skipped"]["not English"] += 1
                        continue
                    rendered = pagetext.html_to_lines(html)
                    texts = [t for t, _, _ in rendered]
                    labels = pagetext.label_lines(texts, body)
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
                manifest["sources"].append(
                    {
                        "source": name,
                        "repo": repo,
                        "commit": _commit(src),
                        "licence": licence,
                        "pages_found": len(pages),
                        "pages_kept": kept,
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
