"""Benchmark the NL6xx style rules on clean news prose: findings per 1,000 words per rule, and speed.

The clean set: gensim's lee_background.cor (300 Australian news articles,
British spelling, straight quotes, spaced-hyphen dashes), the two clean seeds
(000 British, 004 American) and the agency-style articles in
tests/data/clean/ (AP and Reuters in American spelling; AFP, BBC and Guardian
in British spelling, the last two with curly quotes). Every finding is
printed so that a person can judge it; the figures never fail a test.

    python -m benchmarks.style
"""

from __future__ import annotations

import time
from collections import Counter

from benchmarks.corpus import ROOT, lee_background, seed_articles
from newslint.model.document import Document
from newslint.run.engine import Engine, RunOptions

RULES = ["NL601", "NL610", "NL611", "NL612", "NL613", "NL620", "NL630"]
CLEAN_SEEDS = ("000_dd8e68c644c62dc3.txt", "004_ff5951febb4e130d.txt")


def clean_set() -> dict[str, str]:
    """Name to text for every clean article."""
    docs = {f"lee_background#{i}": text for i, text in enumerate(lee_background())}
    seeds = seed_articles()
    docs.update({f"seeds/{name}": seeds[name] for name in CLEAN_SEEDS})
    for path in sorted((ROOT / "tests" / "data" / "clean").glob("*.txt")):
        docs[f"tests/data/clean/{path.name}"] = path.read_text(encoding="utf-8")
    return docs


def main() -> None:
    docs = clean_set()
    words = {name: len(text.split()) for name, text in docs.items()}
    total = sum(words.values())
    american = sum(w for n, w in words.items() if n.endswith(("ap.txt", "reuters.txt", CLEAN_SEEDS[1])))
    print(f"clean set: {len(docs)} articles, {total} words ({american} in American spelling)")
    found: Counter[str] = Counter()
    start = time.perf_counter()
    engine = Engine.create(RunOptions(select=RULES, isolated=True, entry_points=False, corpus=False))
    findings = []
    for name, text in docs.items():
        diagnostics, _facts = engine.check(Document(text, name))
        for diag in diagnostics:
            found[diag.code] += 1
            snippet = text[max(0, diag.start - 40) : diag.end + 40].replace("\n", " ")
            findings.append(f"  {name}:{diag.line}:{diag.column} {diag.code} {diag.message}\n      …{snippet}…")
    elapsed = time.perf_counter() - start
    print(f"{'rule':<7} {'findings':>8} {'per 1,000 words':>16}")
    for code in RULES:
        print(f"{code:<7} {found[code]:>8} {1000 * found[code] / total:>16.3f}")
    print(f"speed: {total / elapsed:,.0f} words/s ({elapsed:.2f} s, one process, rules NL6xx only)")
    if findings:
        print("findings (judge each by hand):")
        print("\n".join(findings))


if __name__ == "__main__":
    main()
