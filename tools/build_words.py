"""Regenerate rules/words.txt: the core tier of NL1xx's lexicon.

    apt-get install wamerican wbritish wcanadian && pip install codespell
    python tools/build_words.py

The file has two parts. The curated part (news vocabulary: loanwords, new
coinages, Commonwealth and sports terms) is kept as written, between its
markers. The generated part is SCOWL at size 50 in its American, British and
Canadian spellings (Debian's wamerican, wbritish and wcanadian, which are
SCOWL size 50), every entry made only of ASCII letters, case kept: a
capitalised entry ("Barth", "Nice") counts only for a capitalised token.
Possessive entries ("actor's") are left out: NL101 strips the possessive.

Real words only: no entry of either part may be a misspelling listed by
codespell (its dictionary is GPL-2.0 data, read here and never shipped).
The script prints what it dropped, for review.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = ROOT / "rules" / "words.txt"
CURATED_START = "# --- curated news vocabulary: edit by hand ---"
GENERATED_START = "# --- generated from SCOWL by tools/build_words.py: do not edit ---"
HEADER = """\
# The core tier of NL1xx's lexicon (newslint/checks/spelling/lexicon.py): trusted words.
# One word per line; "#" starts a comment. A capitalised entry counts only for a
# capitalised token. Every entry is checked by tools/build_words.py: none may be a
# misspelling listed by codespell.
#
# The generated part is SCOWL at size 50 (wordlist.aspell.net; Debian's wamerican,
# wbritish and wcanadian 2020.12.07), whose notice follows:
#   Copyright 2000-2011 by Kevin Atkinson
#   Permission to use, copy, modify, distribute and sell these word lists, the
#   associated scripts, the output created from the scripts, and its documentation
#   for any purpose is hereby granted without fee, provided that the above
#   copyright notice appears in all copies and that both that copyright notice and
#   this permission notice appear in supporting documentation. Kevin Atkinson makes
#   no representations about the suitability of this array for any purpose. It is
#   provided "as is" without express or implied warranty.
"""
_WORD = re.compile(r"^[A-Za-z]{2,}$")
_LISTS = ("american-english", "british-english", "canadian-english")


def codespell_misspellings() -> set[str]:
    """Lower-cased misspellings of codespell's main dictionary (read, never imported as code)."""
    spec = find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("tools/build_words.py needs codespell to verify entries: pip install codespell")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary.txt"
    return {line.partition("->")[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines()}


def curated_part(text: str) -> list[str]:
    lines = text.splitlines()
    if CURATED_START not in lines:
        return []
    start = lines.index(CURATED_START) + 1
    end = lines.index(GENERATED_START) if GENERATED_START in lines else len(lines)
    return list(lines[start:end])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dict-dir", default="/usr/share/dict", help="where the SCOWL size-50 lists are")
    args = parser.parse_args()

    misspellings = codespell_misspellings()
    curated = curated_part(WORDS.read_text(encoding="utf-8")) if WORDS.exists() else []
    bad_curated = [w for w in curated if w.split("#")[0].strip().lower() in misspellings]
    if bad_curated:
        print("curated entries that codespell lists as misspellings (remove them):", *bad_curated, sep="\n  ")
        return 1

    scowl: set[str] = set()
    for name in _LISTS:
        for line in Path(args.dict_dir, name).read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.strip()
            if _WORD.match(word):
                scowl.add(word)
    curated_words = {w.split("#")[0].strip() for w in curated}
    kept, dropped = [], []
    for word in sorted(scowl - curated_words, key=lambda w: (w.lower(), w)):
        if word.lower() in misspellings:
            dropped.append(word)
            continue
        if word[0].isupper() and word.lower() in scowl:
            continue  # the lower-case entry already covers the capitalised one
        kept.append(word)
    body = [HEADER.rstrip("\n"), "", CURATED_START, *curated]
    if curated and curated[-1].strip():
        body.append("")
    body += [GENERATED_START, *kept, ""]
    WORDS.write_text("\n".join(body), encoding="utf-8")
    print(
        f"{WORDS}: {len(curated_words)} curated, {len(kept)} generated; dropped {len(dropped)} codespell misspellings:"
    )
    print("  ", " ".join(dropped))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
