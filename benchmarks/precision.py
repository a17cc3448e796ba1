"""Judged precision on the development set: ``python -m benchmarks.precision DEVSET [--codes ...] [-v]``.

The same as ``python -m benchmarks.noise precision DEVSET``; see ``benchmarks/noise.py``.
"""

from __future__ import annotations

import sys

from benchmarks.noise import main

if __name__ == "__main__":
    main(["precision", *sys.argv[1:]])
