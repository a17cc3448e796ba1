"""``python -m newslint``."""

import sys

from newslint.cli import main

if __name__ == "__main__":
    sys.exit(main())
