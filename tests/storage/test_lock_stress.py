"""The one-writer lock holds under contention: four processes, 500 takes each, never two holders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROCESSES, TIMES = 4, 500


def overlaps(log: Path) -> tuple[int, int]:
    """(times a second process took the lock while another held it, lock takes logged)."""
    holding: set[str] = set()
    twice = takes = 0
    for line in log.read_text().splitlines():
        what, pid = line.split()
        if what == "in":
            takes += 1
            twice += bool(holding)
            holding.add(pid)
        else:
            holding.discard(pid)
    return twice, takes


def test_four_processes_never_hold_the_lock_at_once(tmp_path):
    workspace, log = tmp_path / "partnership.cardwall", tmp_path / "holders.log"
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.storage.lock_child", str(workspace), str(log), str(TIMES)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for _ in range(PROCESSES)
    ]
    for child in children:
        assert child.wait(timeout=300) == 0
    twice, takes = overlaps(log)
    print(f"lock stress: {takes} takes, {twice} with two holders")
    assert takes == PROCESSES * TIMES
    assert twice == 0
    assert not workspace.with_name(workspace.name + ".lock").exists()  # the last one out tidies up
