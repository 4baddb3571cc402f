"""The figures of a built app: folder and archive size, start to first paint frozen vs from source.

    python packaging/measure.py [dist]     (after `make dist`; prints one line per figure)

Start time is `cardwall demo` until its window has painted (offscreen, median of 5), the same door
as bench's `startup_s`, once for the frozen app and once for the source install running this file.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
from build import folder_size  # noqa: E402


def start_time(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                **os.environ,
                "CARDWALL_BENCH_STARTUP": "1",
                "QT_QPA_PLATFORM": "offscreen",
                "TMPDIR": tmp,
                "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
                "CARDWALL_BACKUP_DIR": str(Path(tmp) / "backups"),
            }
            started = time.perf_counter()
            child = subprocess.Popen(
                [*command, "demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
            )
            line = child.stdout.readline()
            times.append(time.perf_counter() - started)
            child.wait(timeout=60)
            if line.strip() != "painted":
                raise SystemExit(f"{command[0]} did not report its first paint")
    return statistics.median(times)


def main() -> int:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    app = dist / "Cardwall"
    mb = 1024 * 1024
    print(f"app folder: {folder_size(app) / mb:.0f} MB")
    for archive in sorted(dist.glob("Cardwall-*.*")):
        print(f"archive {archive.name}: {archive.stat().st_size / mb:.0f} MB")
    frozen = start_time([str(app / "cardwall")])
    source = start_time([sys.executable, "-m", "ui.cli"])
    print(f"start to first paint: frozen {frozen:.2f} s, source {source:.2f} s ({frozen / source:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
