"""exports_demo_s: every export of both demo sessions, wall pictures included, as `cardwall demo --export` does.

Measured in a fresh process so the first run pays for importing reportlab and
Qt and reading the fonts, as a user's first export does; the warm figure (a
second export in the same process) is reported beside it. On this shared
machine compare the CPU keys (the process's own time), old and new run in
turns, medians of five or more.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KEYS = {"exports_demo_s"}


def measure(only: set[str]) -> dict[str, float]:
    if only and not (only & KEYS):
        return {}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "bench.exports"], capture_output=True, text=True, timeout=300, env=env, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _child() -> dict[str, float]:
    from storage.demo import build_demo
    from ui.cli import export_workspace

    with tempfile.TemporaryDirectory() as tmp:
        path = build_demo(Path(tmp) / "demo.cardwall")
        timings, cpu, files = [], [], 0
        for run in range(2):
            started, started_cpu = time.perf_counter(), time.process_time()
            written = export_workspace(path, Path(tmp) / f"out{run}", all_sessions=True)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            files = len(written)
    return {
        "exports_demo_s": round(timings[0], 3),
        "exports_demo_warm_s": round(timings[1], 3),
        # the process's own CPU time: what the wall clock shows on an idle machine, read on a busy one
        "exports_demo_cpu_s": round(cpu[0], 3),
        "exports_demo_warm_cpu_s": round(cpu[1], 3),
        "exports_demo_files": files,
    }


if __name__ == "__main__":
    print(json.dumps(_child()))
