"""The frozen app's entry point: the same `cardwall` command the console script runs."""

from __future__ import annotations

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
