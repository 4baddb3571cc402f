"""Kill the app mid-session: relaunching shows the wall exactly as it was, and asks nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from storage.check import check
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_kill_the_app_then_relaunch(demo_path, qtbot, monkeypatch):
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.app_child", str(demo_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    deadline = time.time() + 60
    lines: list[str] = []
    while time.time() < deadline and len(lines) < 30:
        line = child.stdout.readline()
        if not line:
            break
        lines.append(line)
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate()
    whole = ("".join(lines) + rest).splitlines(keepends=True)
    acknowledged = [int(x.split()[1]) for x in whole if x.endswith("\n") and x.startswith("done ")]
    assert len(acknowledged) >= 30, "the app should have saved cards before the kill"
    assert check(demo_path) == []

    asked: list[str] = []
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: asked.append(a[2] if len(a) > 2 else ""))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_workspace(demo_path)
        assert asked == [] and not window.wf.readonly and window.wf.notice == ""
        wall = next(s for s in window.wf.ws.sessions.values() if s.info.kind == "critical-occupations")
        first_category = wall.ordered_categories()[0].id
        for n in acknowledged:
            card = wall.cards[f"app{n}"]
            assert card.text == f"app card {n}"
            # The move after the add is acknowledged with it: the card is in its cell, not the tray.
            assert card.category_id == first_category
    finally:
        window.close_workspace()
