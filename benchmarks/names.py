"""Benchmark NL4xx: recall on rewritten names, precision on clean text, must-not-merge pairs, corpus throughput.

Run from the repository root:  python -m benchmarks.names

- Recall: in real news text (gensim's lee_background, plus multi-name text
  below), one later mention of a name used at least twice is rewritten to an
  equivalent spelling (hyphen for space, a diacritic, an inner capital, a
  pack equivalent such as Kiev/Kyiv); NL401 must report it at its position.
- Precision: every diagnostic on the rewritten documents that is not the
  rewritten mention, and every diagnostic on the clean texts, is a false
  positive (except the hand-checked real inconsistencies in KNOWN_REAL).
- Must-not-merge: texts that hold both names of a pair must give nothing.
- Throughput: corpus mode (check, extract, merge, judge) on 10,000 documents.
Prints figures; never fails on timing.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import lee_background
from newslint import Document
from newslint.checks.names.mentions import find_mentions
from newslint.checks.names.names import lexicon
from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import run
from newslint.run.sources import discover

# Real inconsistencies in lee_background, checked by hand: (article, text reported).
KNOWN_REAL = {(217, "al-Qaeda")}

MULTI_NAME = [
    (
        "South Korean President Lee Jae Myung met Japanese Prime Minister Sanae Takaichi in Nara on Tuesday. "
        "Lee Jae Myung said the talks with Takaichi were frank, and Takaichi said Japan would work with Seoul. "
        "Foreign Minister Toshimitsu Motegi and National Security Adviser Wi Sung-lac joined them."
    ),
    (
        "Chinese President Xi Jinping hosted Taiwan's former leader Ma Ying-jeou, while Tsai Ing-wen stayed in Taipei. "
        "Analysts said Xi Jinping wanted to signal openness, and Ma Ying-jeou praised the welcome."
    ),
    (
        "Ukrainian President Volodymyr Zelenskyy travelled from Kyiv to Brussels, where Ursula von der Leyen received him. "
        "Zelenskyy thanked von der Leyen and said Kyiv needed air defences before winter."
    ),
    (
        "Saudi Crown Prince Mohammed bin Salman met Egypt's President Abdel Fattah el-Sisi in Riyadh. "
        "Mohammed bin Salman and el-Sisi discussed Gaza, and Abdel Fattah el-Sisi later flew to Amman."
    ),
    (
        "Former President George W. Bush and his father George Bush appeared together, while Donald Trump Jr. "
        "spoke for Donald Trump at the rally. George W. Bush did not mention Donald Trump."
    ),
    (
        "North Korea's leader Kim Jong Un inspected a factory named after his father Kim Jong Il. "
        "State media said Kim Jong Un praised the workers and honoured Kim Jong Il's memory."
    ),
    (
        "Samsung chairman Lee Jae-yong met President Lee Jae-myung at the Blue House. "
        "Lee Jae-yong promised new investment, and Lee Jae-myung welcomed it."
    ),
    (
        "Former President Park Geun-hye visited the grave of her father Park Chung-hee. "
        "Park Geun-hye laid flowers, as Park Chung-hee's supporters looked on."
    ),
    (
        "Tourists in Xi'an queued for the Terracotta Army, and tour buses left Xi'an for Xian county. "
        "Guides in Xian said Xi'an was busier than ever."
    ),
    (
        "Climbers on Mount Fuji and pilgrims at Horyu Temple filled Nara and Shizuoka. "
        "Monks at Horyu Temple said Mount Fuji was visible from the hills."
    ),
    (
        "Brazilian President Luiz Inácio Lula da Silva met Mexico's Claudia Sheinbaum in Brasília. "
        "Lula da Silva said Sheinbaum and Luiz Inácio Lula da Silva agreed on trade."
    ),
    (
        "Turkish President Recep Tayyip Erdoğan spoke to Emmanuel Macron by phone. "
        "Erdoğan told Macron that Recep Tayyip Erdoğan would visit Paris."
    ),
    "Reporters asked Jae and then Jay about the merger. Jae declined, and Jay said Jae had left.",
    (
        "Scholars compared the Lu family archive with the Lü archive in Beijing. "
        "The Lu papers and the Lü papers were both damaged."
    ),
]

MUST_NOT_MERGE = [
    ("Lee Jae-myung", "Lee Jae-yong"),
    ("Kim Jong Un", "Kim Jong Il"),
    ("Park Geun-hye", "Park Chung-hee"),
    ("Jae", "Jay"),
    ("Lu", "Lü"),
    ("George Bush", "George W. Bush"),
    ("Donald Trump", "Donald Trump Jr."),
    ("Xi'an", "Xian"),
    ("Mount Fuji", "Mount Fu"),
]

# Pack equivalents used for rewriting: spelling -> an equivalent, non-preferred one
# (a preferred spelling would win, and the original mentions be reported instead).
_PACK_SWAPS = {
    "Kyiv": "Kiev",
    "Zelenskyy": "Zelensky",
    "Qaida": "Qaeda",
    "Gadhafi": "Gaddafi",
    "Hezbollah": "Hizbollah",
}
_VOWEL_MARKS = {"o": "ō", "e": "é", "a": "á", "u": "ú", "i": "í"}


def rewrite(name: str, n: int) -> str | None:
    """An equivalent spelling of ``name``, trying the n-th kind of rewrite first."""
    kinds = [_pack_swap, _hyphenate, _diacritic, _inner_case]
    for k in range(len(kinds)):
        out = kinds[(n + k) % len(kinds)](name)
        if out and out != name:
            return out
    return None


def _pack_swap(name: str) -> str | None:
    for a, b in _PACK_SWAPS.items():
        if re.search(rf"\b{a}\b", name):
            return re.sub(rf"\b{a}\b", b, name)
    return None


def _hyphenate(name: str) -> str | None:
    words = name.split(" ")
    if "-" in name:
        return name.replace("-", " ", 1).title() if len(words) > 1 else name.replace("-", "", 1)
    if len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper():
        return " ".join(words[:-2] + [words[-2] + "-" + words[-1].lower()])
    return None


def _diacritic(name: str) -> str | None:
    for i, ch in enumerate(name):
        if i > 0 and ch in _VOWEL_MARKS:
            return name[:i] + _VOWEL_MARKS[ch] + name[i + 1 :]
    return None


def _inner_case(name: str) -> str | None:
    m = re.search(r"(?<=[a-z])([a-z])", name[1:])
    if not m or len(name) < 5:
        return None
    i = m.start() + 2
    return name[:i] + name[i].upper() + name[i + 1 :]


def words_in(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def main() -> int:
    engine = Engine.create(RunOptions(isolated=True, entry_points=False, select=("NL401",), corpus=False))
    lex = lexicon(engine.ctx)
    real = lee_background()
    texts = [(i, t) for i, t in enumerate(real)] + [(1000 + i, t) for i, t in enumerate(MULTI_NAME)]

    # -- clean text: anything reported is a false positive (unless known real)
    clean_fp = 0
    clean_tp = 0
    for i, text in texts:
        for d in engine.check(Document(text))[0]:
            if (i, text[d.start : d.end]) in KNOWN_REAL:
                clean_tp += 1
            else:
                clean_fp += 1
                print(f"  clean FP: article {i}: {d.message}")

    # -- rewritten mentions: recall, and false positives around them
    cases = found = rewrite_fp = 0
    for n, (i, text) in enumerate(texts):
        doc = Document(text)
        if engine.check(doc)[0]:
            continue  # keep documents that are clean to start with
        mentions = find_mentions(doc, lex)
        by_key: dict[str, list] = {}
        for m in mentions:
            by_key.setdefault(m.key, []).append(m)
        for key, group in sorted(by_key.items()):
            later = [m for m in group[1:] if m.reliable]
            if len({m.form for m in group}) != 1 or not later or len(key) < 4:
                continue
            target = later[-1]
            new = rewrite(target.text, n + len(key))
            if new is None or lex.key(new) != key:
                continue
            cases += 1
            changed = text[: target.start] + new + text[target.end :]
            diags = engine.check(Document(changed))[0]
            hit = [d for d in diags if d.start == target.start]
            found += bool(hit)
            rewrite_fp += len(diags) - len(hit)
            if not hit:
                print(f"  missed: article {i}: {target.text!r} -> {new!r}")

    # -- must-not-merge pairs
    kept = 0
    for a, b in MUST_NOT_MERGE:
        text = f"Reporters asked about {a} and {b}. Aides to {a} and {b} declined to comment."
        kept += not engine.check(Document(text))[0]

    true_positives = found + clean_tp
    false_positives = clean_fp + rewrite_fp
    precision = true_positives / max(1, true_positives + false_positives)
    recall = found / max(1, cases)
    clean_words = words_in([t for _, t in texts])
    print(f"NL401 recall    {recall:.3f}  ({found}/{cases} rewritten mentions found)")
    print(f"NL401 precision {precision:.3f}  ({true_positives} true, {false_positives} false positives)")
    print(
        f"clean text      {clean_fp} false positives in {clean_words} words ({1000 * clean_fp / clean_words:.3f} per 1,000 words)"
    )
    print(f"must-not-merge  {kept}/{len(MUST_NOT_MERGE)} pairs kept apart")
    throughput(real)
    return 0


def throughput(real: list[str], n_docs: int = 10_000) -> None:
    """Corpus mode (NL4xx only, then every rule) over ``n_docs`` files in a temporary directory."""
    with tempfile.TemporaryDirectory() as tmp:
        words = 0
        for k in range(n_docs):
            text = real[k % len(real)]
            if k % 7 == 0:
                text = text.replace("John Howard", "John-Howard")
            words += len(text.split())
            Path(tmp, f"{k:05d}.txt").write_text(text + "\n", encoding="utf-8")
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        for label, select in (("NL4xx", ("NL4",)), ("all rules", None)):
            engine = Engine.create(RunOptions(paths=(tmp,), isolated=True, entry_points=False, select=select))
            t0 = time.perf_counter()
            result = run(engine, discover([tmp], engine.ctx.config))
            elapsed = time.perf_counter() - t0
            print(
                f"corpus mode, {label:9s} {n_docs} documents, {words} words in {elapsed:.1f} s: "
                f"{n_docs / elapsed:.0f} documents/s, {size / elapsed / 1e6:.2f} MB/s, "
                f"{len(result.diagnostics)} diagnostics"
            )


if __name__ == "__main__":
    sys.exit(main())
