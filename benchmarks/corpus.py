"""Real news text for benchmarks, fetched on demand and never committed.

``lee_background()`` returns the 300 news articles of gensim's test data
(``gensim/test/test_data/lee_background.cor``, Australian news, British
spelling). The wheel is fetched once with ``pip download --no-deps gensim``
into ``benchmarks/.data/`` (git-ignored); later calls read the extracted file.
``seed_articles()`` returns the five bundled seeds.
"""

from __future__ import annotations

import glob
import gzip
import json
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
WORK = HERE / ".work"  # generated corpora (git-ignored)
ROOT = HERE.parent
LEE_PATH = DATA / "lee_background.cor"
_MEMBER = "gensim/test/test_data/lee_background.cor"


def lee_background(fetch: bool = True) -> list[str]:
    """The 300 articles of ``lee_background.cor``, one string each.

    Benchmarks fetch the gensim wheel once (``fetch=True``); tests pass
    ``fetch=False`` and get ``FileNotFoundError`` instead, since nothing may
    download at test or run time.
    """
    if not LEE_PATH.exists() and not fetch:
        raise FileNotFoundError(f"{LEE_PATH} is not fetched (python -m benchmarks.corpus)")
    if not LEE_PATH.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        wheels = glob.glob(str(DATA / "gensim-*.whl"))
        if not wheels:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "--only-binary=:all:",
                    "-q",
                    "-d",
                    str(DATA),
                    "gensim",
                ],
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


_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d']))\s+(?=[\"\u201c]?[A-Z])")


def paragraphs(texts: Iterable[str]) -> list[str]:
    """Paragraphs of real articles; one-line articles (lee) are cut into runs of 2-4 sentences."""
    out: list[str] = []
    for text in texts:
        paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
        for para in paras:
            sentences = _SENTENCE.split(para)
            if len(sentences) <= 4:
                out.append(para)
                continue
            for i in range(0, len(sentences), 3):
                out.append(" ".join(sentences[i : i + 3]))
    return out


def generate_articles(n: int, seed: int = 0, texts: Iterable[str] | None = None) -> Iterator[str]:
    """``n`` varied articles built from real news paragraphs, reproducibly.

    Each article is a headline (the start of a random sentence) and 3-12
    paragraphs drawn at random; a third of the paragraphs have their sentences
    shuffled, so the corpus is not one paragraph repeated. ``texts`` defaults
    to the seeds plus gensim's ``lee_background`` articles.
    """
    rng = random.Random(seed)
    pool = paragraphs(texts if texts is not None else [*seed_articles().values(), *lee_background()])
    for _ in range(n):
        words = rng.choice(pool).split()
        headline = " ".join(words[: rng.randint(5, 12)]).rstrip(",;:")
        body = []
        for para in rng.sample(pool, k=min(len(pool), rng.randint(3, 12))):
            if rng.random() < 0.33:
                sentences = _SENTENCE.split(para)
                rng.shuffle(sentences)
                para = " ".join(sentences)
            body.append(para)
        yield headline + "\n\n" + "\n\n".join(body) + "\n"


def write_tree(root: Path, n: int, seed: int = 0, texts: Iterable[str] | None = None, per_dir: int = 500) -> list[Path]:
    """Write ``n`` generated articles as ``root/dNNN/article-NNNNN.txt``."""
    paths = []
    for i, article in enumerate(generate_articles(n, seed, texts)):
        path = root / f"d{i // per_dir:03d}" / f"article-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article, encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(
    path: Path, n: int | None = None, seed: int = 0, texts: Iterable[str] | None = None, size: int | None = None
) -> int:
    """Write generated articles as JSONL records ``{"id", "text", "source"}`` (gzipped for ``.gz``).

    Stops after ``n`` records or once ``size`` bytes are written; returns the record count.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if path.suffix == ".gz" else open
    written = count = 0
    with opener(path, "wt", encoding="utf-8") as fh:  # type: ignore[operator]
        for i, article in enumerate(generate_articles(n if n is not None else 1 << 62, seed, texts)):
            line = json.dumps({"id": f"doc-{i:07d}", "text": article, "source": "generated"}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            count += 1
            if size is not None and written >= size:
                break
    return count


DEVSET = DATA / "devset"  # built by the development-set script; git-ignored


def real_articles() -> dict[str, str]:
    """Whole real articles by name: the development set's ``clean/`` and ``inline/files/``
    (when built) and gensim's ``lee_background`` articles, each unchanged."""
    out: dict[str, str] = {}
    for sub in ("clean", "inline/files"):
        for path in sorted((DEVSET / sub).glob("*.txt")):
            out[f"{sub.replace('/', '-')}-{path.name}"] = path.read_text(encoding="utf-8", errors="replace")
    for i, article in enumerate(lee_background()):
        out[f"lee-{i:03d}.txt"] = article + "\n"
    return out


def write_real_tree(root: Path, size: int) -> int:
    """Copy :func:`real_articles` into ``root/copyNN/`` until ``size`` bytes are written.

    The copies are whole articles, byte for byte (not shuffled), so each
    document is one that a newsroom really published; a copy directory holds
    the articles once. Returns the bytes written.
    """
    articles = real_articles()
    written = 0
    copy = 0
    while written < size:
        for name, text in articles.items():
            data = text.encode("utf-8")
            path = root / f"copy{copy:02d}" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written += len(data)
            if written >= size:
                break
        copy += 1
    return written


def single_document(size: int, seed: int = 0) -> str:
    """One long article of about ``size`` bytes of real paragraphs, with a link every third paragraph.

    The paragraphs come from :func:`real_articles` in a seeded random order
    (their own dates, quotations and names come with them); every third
    paragraph ends with a "Read more" link, as pasted copy often does, so the
    per-mark URL checks meet links throughout the document.
    """
    rng = random.Random(seed)
    pool = paragraphs(real_articles().values())
    out = ["Council and court news, collected"]
    total = len(out[0])
    i = 0
    while total < size:
        para = rng.choice(pool)
        if i % 3 == 2:
            para += f" Read more at https://news.example.org/{2000 + i % 25}/{i % 12 + 1:02d}/story-{i}.html."
        out.append(para)
        total += len(para.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out) + "\n"


if __name__ == "__main__":
    docs = lee_background()
    words = sum(len(d.split()) for d in docs)
    print(f"lee_background.cor: {len(docs)} articles, {words} words, {sum(map(len, docs))} characters")
