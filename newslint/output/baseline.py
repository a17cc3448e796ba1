"""The baseline file, built from the fingerprints of ``newslint.model.fingerprint``.

``newslint --write-baseline FILE`` records every finding's fingerprint with a
count (two identical findings in one sentence share a fingerprint);
``--baseline FILE`` then reports only what the file does not account for.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.model.diagnostic import Diagnostic
from newslint.model.fingerprint import fingerprint

__all__ = ["SCHEMA", "Baseline", "BaselineError", "fingerprints", "relative_path"]

#: The baseline file's format version, bumped when its meaning changes.
SCHEMA = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read or is not a newslint baseline."""


def relative_path(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes; as given (posix) when outside it or stdin."""
    if path == "-":
        return path
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def fingerprints(diagnostics: Iterable[Diagnostic], root: Path) -> Iterator[tuple[Diagnostic, str, int]]:
    """Each diagnostic with its fingerprint and occurrence number (0 for the first of that fingerprint)."""
    seen: Counter[str] = Counter()
    for diag in diagnostics:
        key = fingerprint(diag, relative_path(diag.path, root))
        yield diag, key, seen[key]
        seen[key] += 1


@dataclass
class Baseline:
    """Counts of known findings by fingerprint, with paths relative to ``root``.

    Args:
        root: The directory the baseline file lives in; paths are relative to it,
            so a baseline works from any working directory.
        counts: How many findings of each fingerprint are accepted.
        entries: The file's records (code, path, message), for writing and review.
    """

    root: Path
    counts: Counter[str] = field(default_factory=Counter)
    entries: dict[str, dict[str, object]] = field(default_factory=dict)

    @classmethod
    def from_diagnostics(cls, diagnostics: Sequence[Diagnostic], root: Path) -> Baseline:
        """A baseline accepting exactly ``diagnostics``."""
        baseline = cls(root)
        for diag, key, _ in fingerprints(diagnostics, root):
            baseline.counts[key] += 1
            entry = baseline.entries.setdefault(
                key,
                {
                    "fingerprint": key,
                    "code": diag.code,
                    "path": relative_path(diag.path, root),
                    "message": diag.message,
                },
            )
            entry["count"] = baseline.counts[key]
        return baseline

    @classmethod
    def load(cls, file: str | Path) -> Baseline:
        """Read a baseline file; raise ``BaselineError`` naming the file and the problem."""
        file = Path(file)
        try:
            import json  # only when a baseline is used

            from newslint.plugin.config import read_regular

            data = json.loads(read_regular(file).decode("utf-8"))  # a regular file, bounded in size
        except OSError as exc:
            raise BaselineError(f"{file}: cannot read the baseline: {exc.strerror or exc}") from None
        except RecursionError:
            raise BaselineError(f"{file}: not a JSON baseline: nested too deeply") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{file}: not a JSON baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
            raise BaselineError(
                f"{file}: not a newslint baseline (schema {SCHEMA}); write one with --write-baseline {file}"
            )
        baseline = cls(file.resolve().parent)
        for i, entry in enumerate(data["findings"]):
            key, count = (entry.get("fingerprint"), entry.get("count", 1)) if isinstance(entry, dict) else (None, None)
            if not isinstance(key, str) or not isinstance(count, int) or count < 1:
                raise BaselineError(f"{file}: findings[{i}]: expected a fingerprint string and a positive count")
            baseline.counts[key] += count
            baseline.entries[key] = entry
        return baseline

    def write(self, file: str | Path) -> None:
        """Write the baseline as JSON, sorted so that regenerating it gives a readable diff."""
        findings = sorted(self.entries.values(), key=lambda e: (str(e["path"]), str(e["code"]), str(e["fingerprint"])))
        data = {"schema": SCHEMA, "tool": "newslint", "findings": findings}
        import json

        Path(file).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def new_findings(self, diagnostics: Sequence[Diagnostic]) -> tuple[list[Diagnostic], int]:
        """The diagnostics the baseline does not accept, and how many entries went unused.

        Of several findings sharing one fingerprint, the first ``count`` (in
        report order) are accepted and the rest are new.
        """
        keyed = list(fingerprints(diagnostics, self.root))
        new = [diag for diag, key, n in keyed if n >= self.counts[key]]
        used = Counter(key for _, key, _ in keyed)
        stale = sum(max(0, count - used[key]) for key, count in self.counts.items())
        return new, stale
