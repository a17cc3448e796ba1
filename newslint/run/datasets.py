"""Datasets: JSON Lines corpora (optionally gzipped), one article per record, streamed.

A path ending in ``.jsonl``, ``.ndjson`` (or either plus ``.gz``) is a
dataset: each line is a JSON object whose ``text-field`` is linted as one
document. A record is named ``FILE#ID`` after its ``id-field`` value, or
``FILE#LN`` (``N`` its 1-based line in the file) when it has no id, and
positions are lines and columns inside the record's text. Files are read a
line at a time, so memory stays flat whatever their size; a record (a line,
after decompression) longer than ``max-file-size`` bytes is reported and
skipped without being held in memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.model.document import Document
from newslint.run.sources import SourceProblem

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["DATASET_SUFFIXES", "Dataset", "OversizedRecord", "is_dataset", "parse_record", "read_lines"]

DATASET_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def is_dataset(path: str) -> bool:
    """Whether ``path`` names a JSON Lines dataset rather than one article."""
    return path.lower().endswith(DATASET_SUFFIXES)


@dataclass(frozen=True)
class Dataset:
    """How to read the records of a dataset: which fields hold the text and the id."""

    text_field: str = "text"
    id_field: str = "id"
    max_size: int | None = None  # ``max-file-size``: longer records are skipped


class OversizedRecord(bytes):
    """Stands in for a line longer than the limit, which was skipped rather than read into memory."""

    size: int

    def __new__(cls, size: int) -> Self:
        self = super().__new__(cls, b"")
        self.size = size
        return self

    def __reduce__(self) -> tuple[type[OversizedRecord], tuple[int]]:
        return (OversizedRecord, (self.size,))


class _CountingReader:
    """Wraps the raw file so that progress can be told in bytes read from disk."""

    def __init__(self, raw: io.BufferedIOBase) -> None:
        self.raw = raw
        self.consumed = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.consumed += len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:
        n = self.raw.readinto(buffer)
        self.consumed += n or 0
        return n

    def readable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:  # GzipFile's rewind; lines are read forwards
        self.consumed = self.raw.seek(offset, whence)
        return self.consumed

    def close(self) -> None:
        self.raw.close()


def read_lines(path: str, on_bytes=None, *, max_line: int | None = None) -> Iterator[tuple[int, bytes]]:  # type: ignore[no-untyped-def]
    """Yield ``(line_number, raw_line)`` for every non-blank line of a dataset file.

    Args:
        path: A ``.jsonl`` file, gzipped when its name ends in ``.gz``.
        on_bytes: Called with the number of bytes read from disk since the last
            call, for a progress bar.
        max_line: A longer line (decompressed) is read past in pieces and
            yielded as an ``OversizedRecord``; memory stays bounded by this.

    Raises:
        OSError: the file cannot be opened or read (including a broken gzip stream).
    """
    raw = open(path, "rb")  # noqa: SIM115 - closed in finally
    counter = _CountingReader(raw)
    import gzip  # only for datasets

    stream: io.BufferedIOBase = gzip.GzipFile(fileobj=counter, mode="rb") if path.lower().endswith(".gz") else raw
    told = 0
    cap = max_line + 1 if max_line is not None else -1
    try:
        number = 0
        while line := stream.readline(cap):
            number += 1
            if len(line) == cap and not line.endswith(b"\n"):
                size = len(line)
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    size += len(rest)
                line = OversizedRecord(size + len(rest))
            if on_bytes is not None:
                done = counter.consumed if stream is not raw else raw.tell()
                if done - told >= 1 << 20:
                    on_bytes(done - told)
                    told = done
            if isinstance(line, OversizedRecord) or line.strip():
                yield number, line
        if on_bytes is not None:
            done = counter.consumed if stream is not raw else raw.tell()
            on_bytes(done - told)
    finally:
        stream.close()
        raw.close()


def parse_record(path: str, number: int, line: bytes, dataset: Dataset) -> Document | SourceProblem:
    """The document in one JSONL line, or the problem that stops it from being linted.

    A line that is not a JSON object is an error; a record without a string
    ``text_field`` (``null`` text is common in scraped corpora) is a note.
    """
    import json  # only for datasets

    where = f"{path}:{number}"
    if isinstance(line, OversizedRecord) or (dataset.max_size is not None and len(line) > dataset.max_size):
        size = line.size if isinstance(line, OversizedRecord) else len(line)
        return SourceProblem(where, f"record too large: {size} bytes, over max-file-size ({dataset.max_size}); skipped")
    try:
        record = json.loads(line)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        return SourceProblem(where, f"invalid JSON record: {exc}")
    if not isinstance(record, dict):
        return SourceProblem(where, f"record is a JSON {type(record).__name__}, not an object")
    text = record.get(dataset.text_field)
    ident = record.get(dataset.id_field)
    name = f"{path}#{ident}" if isinstance(ident, (str, int)) and not isinstance(ident, bool) else f"{path}#L{number}"
    if not isinstance(text, str):
        return SourceProblem(name, f"no string field {dataset.text_field!r}; skipped", error=False)
    meta = {
        key: value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        for key, value in record.items()
        if key != dataset.text_field
    }
    if text.startswith("\ufeff"):
        return Document(text[1:], name, bom=True, meta=meta)
    return Document(text, name, meta=meta)
