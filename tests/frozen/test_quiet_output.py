"""An offscreen start (bench, screenshots, the smoke test) prints what it is asked to and nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_an_offscreen_start_prints_no_qt_banner(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CARDWALL_SMOKE_GRAB": str(tmp_path / "grab.png"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "CARDWALL_BACKUP_DIR": str(tmp_path / "backups"),
        "TMPDIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "ui.cli", "demo"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout.strip() == "painted", done.stderr
    assert done.stderr == ""  # Qt's offscreen plugin said "does not support propagateSizeHints()" per dock
    assert (tmp_path / "grab.png").stat().st_size > 10_000
