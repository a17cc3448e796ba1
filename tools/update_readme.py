"""Kept for old instructions: the generator is now tools/update_docs.py (README tables and docs/rules/)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from update_docs import main

if __name__ == "__main__":
    sys.exit(main())
