"""Real news text for benchmarks, fetched on demand and never committed.

``lee_background()`` returns the 300 news articles of gensim's test data
(``gensim/test/test_data/lee_background.cor``, Australian news, British
spelling). The wheel is fetched once with ``pip download --no-deps gensim``
into ``benchmarks/.data/`` (git-ignored); later calls read the extracted file.
``seed_articles()`` returns the five bundled seeds.
"""

from __future__ import annotations

import glob
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
ROOT = HERE.parent
LEE_PATH = DATA / "lee_background.cor"
_MEMBER = "gensim/test/test_data/lee_background.cor"


def lee_background() -> list[str]:
    """The 300 articles of ``lee_background.cor``, one string each."""
    if not LEE_PATH.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        wheels = glob.glob(str(DATA / "gensim-*.whl"))
        if not wheels:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", str(DATA), "gensim"],
                check=True,
            )
            wheels = glob.glob(str(DATA / "gensim-*.whl"))
        with zipfile.ZipFile(wheels[0]) as zf:
            LEE_PATH.write_bytes(zf.read(_MEMBER))
    text = LEE_PATH.read_text(encoding="utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip()]


def seed_articles() -> dict[str, str]:
    """The bundled seed articles by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}


if __name__ == "__main__":
    docs = lee_background()
    words = sum(len(d.split()) for d in docs)
    print(f"lee_background.cor: {len(docs)} articles, {words} words, {sum(map(len, docs))} characters")
