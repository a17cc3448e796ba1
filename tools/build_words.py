"""Regenerate rules/words.txt: the news word list NL1xx adds to pyspellchecker's.

    apt-get install wbritish wamerican wbritish-large && pip install codespell
    python tools/build_words.py

The file has two parts. The curated part (news vocabulary: loanwords, new
coinages, Commonwealth and sports terms) is kept as written, between its
markers. The generated part is every lower-case word of SCOWL's British and
American lists (Debian's wbritish/wamerican, size 50) that pyspellchecker's
English list lacks, mostly British spellings ("defence", "labour",
"organise"), and the British variants of known words in the large British
list (wbritish-large: "paedophile" for "pedophile").

Real words come first, so every entry of both parts is verified:
- no entry may be a misspelling listed by codespell (its dictionary is
  GPL-2.0 data: read here, never shipped);
- no generated entry may be one edit from a very common word unless it is a
  British/American variant of a known word (drops slang such as "thunk").
The script prints what it dropped, for review.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.checks.spelling.lexicon import _spellchecker_data, edits1  # noqa: E402

WORDS = ROOT / "rules" / "words.txt"
CURATED_START = "# --- curated news vocabulary: edit by hand ---"
GENERATED_START = "# --- generated from SCOWL by tools/build_words.py: do not edit ---"
HEADER = """\
# News vocabulary that pyspellchecker's English frequency list lacks.
# One word per line; "#" starts a comment. Read by NL1xx (newslint/checks/spelling/spelling.py).
# Every entry is checked by tools/build_words.py: none may be a known misspelling.
#
# The generated part is derived from SCOWL (wordlist.sourceforge.net), whose notice follows:
#   Copyright 2000-2011 by Kevin Atkinson
#   Permission to use, copy, modify, distribute and sell these word lists, the
#   associated scripts, the output created from the scripts, and its documentation
#   for any purpose is hereby granted without fee, provided that the above
#   copyright notice appears in all copies and that both that copyright notice and
#   this permission notice appear in supporting documentation. Kevin Atkinson makes
#   no representations about the suitability of this array for any purpose. It is
#   provided "as is" without express or implied warranty.
"""
_WORD = re.compile(r"^[a-z]{3,}$")
#: Generated words one edit from a word at least this frequent are dropped (slang, typos).
_VERY_COMMON = 100_000
# British/American transformations (British form -> American form), to recognise variants.
_VARIANTS = [
    (r"our", "or"), (r"ise", "ize"), (r"isa", "iza"), (r"ys", "yz"), (r"tre", "ter"), (r"bre", "ber"),
    (r"ence", "ense"), (r"ogue", "og"), (r"ll", "l"), (r"ae", "e"), (r"oe", "e"), (r"mme", "m"),
    (r"eable", "able"), (r"ement", "ment"), (r"ce", "se"), (r"ght", "t"), (r"que", "ck"), (r"ou", "o"),
]


def codespell_misspellings() -> set[str]:
    try:
        import codespell_lib
    except ImportError:
        sys.exit("tools/build_words.py needs codespell to verify entries: pip install codespell")
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, _ = line.partition("->")
        out.add(wrong.strip().lower())
    return out


def is_variant(word: str, known: dict[str, int]) -> bool:
    """True when a British/American substitution turns ``word`` into a known word."""
    for british, american in _VARIANTS:
        for m in re.finditer(british, word):
            if word[: m.start()] + american + word[m.end() :] in known:
                return True
    return False


def curated_part(text: str) -> list[str]:
    lines = text.splitlines()
    if CURATED_START not in lines:
        return []
    start = lines.index(CURATED_START) + 1
    end = lines.index(GENERATED_START) if GENERATED_START in lines else len(lines)
    return [line for line in lines[start:end]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--british", default="/usr/share/dict/british-english")
    parser.add_argument("--american", default="/usr/share/dict/american-english")
    parser.add_argument(
        "--british-large",
        default="/usr/share/dict/british-english-large",
        help="wbritish-large: only its British variants of known words are taken",
    )
    args = parser.parse_args()

    _, source = _spellchecker_data()
    known: dict[str, int] = json.loads(gzip.decompress(source.read_bytes()).decode("utf-8"))
    misspellings = codespell_misspellings()
    curated = curated_part(WORDS.read_text(encoding="utf-8")) if WORDS.exists() else []

    bad_curated = [w for w in curated if w.split("#")[0].strip().lower() in misspellings]
    if bad_curated:
        print("curated entries that codespell lists as misspellings (remove them):", *bad_curated, sep="\n  ")
        return 1

    candidates: set[str] = set()
    for path in (args.british, args.american):
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.strip()
            if _WORD.match(word) and word not in known:
                candidates.add(word)
    for line in Path(args.british_large).read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.strip()
        if _WORD.match(word) and word not in known and is_variant(word, known):
            candidates.add(word)
    curated_words = {w.split("#")[0].strip().lower() for w in curated}
    kept, dropped = [], []
    for word in sorted(candidates - curated_words):
        if word in misspellings:
            dropped.append(f"{word} (codespell)")
            continue
        near = [w for w in edits1(word) if known.get(w, 0) >= _VERY_COMMON]
        if near and not is_variant(word, known):
            dropped.append(f"{word} (one edit from {near[0]!r})")
            continue
        kept.append(word)
    body = [HEADER.rstrip("\n"), "", CURATED_START, *curated]
    if curated and curated[-1].strip():
        body.append("")
    body += [GENERATED_START, *kept, ""]
    WORDS.write_text("\n".join(body), encoding="utf-8")
    print(f"{WORDS}: {len(curated_words)} curated, {len(kept)} generated; dropped {len(dropped)}:")
    for line in dropped:
        print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
