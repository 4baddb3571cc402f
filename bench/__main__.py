"""Run the benchmarks, print a table against DESIGN.md's targets, optionally write JSON.

    python -m bench [--json FILE] [--only KEY,KEY] [--from-source]

Each module in MODULES has `measure(only) -> dict[key, value]`; a figure is
a fact to report, never a test assertion.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The offscreen platform warns on every dock it shows ("does not support propagateSizeHints"): noise here.
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

# key -> (target, "<=" or ">=", unit, what)
TARGETS = {
    "startup_s": (0.8, "<=", "s", "start to first painted window, demo workspace"),
    "repaint_2000_ms": (8, "<=", "ms", "repaint 1920x1080 at 1:1, 2,000-card wall (median)"),
    "repaint_fit_2000_ms": (16, "<=", "ms", "repaint, whole 2,000-card wall fitted (median)"),
    "drag_step_ms": (2, "<=", "ms", "one card drag step, move + repaint (median)"),
    "build_2000_ms": (150, "<=", "ms", "build the scene for 2,000 cards"),
    "autosave_median_ms": (2, "<=", "ms", "autosave of one command, 5,000-card workspace (median)"),
    "autosave_p99_ms": (10, "<=", "ms", "autosave of one command, 5,000-card workspace (p99)"),
    "open_5000_s": (0.3, "<=", "s", "open a 5,000-card workspace"),
    "exports_demo_s": (2, "<=", "s", "all exports of the demo workspace"),
    "rss_2000_mb": (250, "<=", "MB", "resident memory with a 2,000-card wall"),
    "soc_suggest_ms": (50, "<=", "ms", "SOC suggestions for a typed title, data loaded"),
    "crash_rounds_ok": (40, ">=", "of 40", "kill -9 rounds with no lost acknowledged command"),
    "command_sync_2000_ms": (2, "<=", "ms", "one command applied, saved, 2,000-card wall in line (median)"),
    "repaint_fit_5000_ms": (16, "<=", "ms", "repaint, whole 5,000-card wall fitted (median)"),
    "room_card_p99_ms": (50, "<=", "ms", "room: 40 devices x 2 cards at once, request to committed (p99)"),
    "room_to_wall_ms": (100, "<=", "ms", "room: a device's card to painted on the wall (median)"),
    "import_5000_s": (1.0, "<=", "s", "cardwall import: a 5,000-card session file into a new workspace (median)"),
}

# Each module measures some keys; the slow-to-import ones run in their own process.
MODULES = [
    "bench.storage",
    "bench.wall",
    "bench.exports",
    "bench.data",
    "bench.crash",
    "bench.long_session",
    "bench.room",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    parser.add_argument("--only", default="", help="comma-separated keys to measure")
    parser.add_argument(
        "--from-source", action="store_true", help="remove our modules' bytecode first (as a fresh checkout is)"
    )
    args = parser.parse_args(argv)
    installed_bytecode(remove=args.from_source)
    only = {k for k in args.only.split(",") if k}
    figures: dict[str, float] = {}
    extra: dict[str, object] = {}
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        started = time.perf_counter()
        result = module.measure(only)
        for key, value in result.items():
            (figures if key in TARGETS else extra)[key] = value
        print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print_table(figures, extra)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({**figures, **extra}, f, indent=2)
    return 0


def installed_bytecode(*, remove: bool = False) -> None:
    """Our modules' bytecode, written as pip and PyInstaller write it for a user. A checkout run with
    PYTHONDONTWRITEBYTECODE (this machine sets it) has none, and every process the bench starts would compile
    about 95 modules again: some 0.16 s of CPU in each start-up and export that no user pays. `remove` takes it
    away instead, to measure a fresh checkout."""
    root = Path(__file__).resolve().parent.parent
    for package in ("cardwall", "storage", "exporters", "ui", "resources"):
        if remove:
            for cache in (root / package).rglob("__pycache__"):
                shutil.rmtree(cache)
        else:
            compileall.compile_dir(root / package, quiet=1)


def print_table(figures: dict, extra: dict) -> None:
    print(f"{'figure':<22} {'measured':>10} {'target':>10}  ok   what")
    for key, (target, op, unit, what) in TARGETS.items():
        if key not in figures:
            print(f"{key:<22} {'-':>10} {op + str(target):>10}  --   {what} (not measured)")
            continue
        value = figures[key]
        ok = value <= target if op == "<=" else value >= target
        print(f"{key:<22} {value:>10.3f} {op + str(target):>10}  {'yes' if ok else 'NO '}  {what} [{unit}]")
    for key, value in extra.items():
        print(f"{key:<22} {value!s:>10}")


if __name__ == "__main__":
    sys.exit(main())
